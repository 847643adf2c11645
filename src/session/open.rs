//! The long work of opening and filling projects, run by background jobs: opening anything
//! (a project, an evaluation folder, a loose survey file) gives a project; a file added or a
//! newer wave is read and stored before the session's command names it; a project is
//! copied elsewhere; the cohort figures are computed from the project's stored extracts.

use std::path::Path;

use super::places::{Places, is_bundled_sample};
use super::replace::{WaveAccount, compare};
use super::{LoadedSource, Opened, single_source};
use crate::import::evaluation::link_source;
use crate::import::read;
use crate::model::{ImportError, MANIFEST_FILE, Manifest, PseudonymKey, Survey};
use crate::progress::Progress;
use crate::store::{self, Edit, KeyStatus, Project, Reader, StoreError};

/// Open what `path` names, as a project: a project file itself; for an evaluation folder or
/// a loose survey file, the project that belongs to it ([`Places::project_for`]), created
/// when there is none yet.
pub fn open(path: &Path, places: &Places, progress: &dyn Progress) -> Result<Opened, StoreError> {
    if store::is_project_file(path) {
        return open_project(path, places, progress);
    }
    if path.is_dir() && !path.join(MANIFEST_FILE).is_file() {
        return Err(ImportError::malformed(
            &path.display().to_string(),
            format!("ce dossier ne contient pas de {MANIFEST_FILE}"),
        )
        .into());
    }
    let project = places.project_for(path);
    if project.is_file() {
        return open_project(&project, places, progress);
    }
    if path.is_dir() {
        let created = Project::create_from_dir(&project, path, &places.keys(), progress)?;
        drop(created);
    } else {
        create_for_file(&project, path, places, progress)?;
    }
    let mut opened = open_project(&project, places, progress)?;
    if is_bundled_sample(&std::fs::canonicalize(path).unwrap_or_default()) {
        opened.notice.get_or_insert_with(|| {
            "Échantillon ouvert : vos modifications sont enregistrées dans une copie de travail \
             (« Réinitialiser l'échantillon » la remet à neuf)"
                .to_owned()
        });
    }
    Ok(opened)
}

/// Open a project file with its key, evaluation and figures.
pub fn open_project(
    path: &Path,
    places: &Places,
    progress: &dyn Progress,
) -> Result<Opened, StoreError> {
    let project = Project::open(path)?;
    let mut notice = None;
    let key = match project.access() {
        Ok(()) => {
            let (key, status) = places.keys().key_for(project.id());
            if status == KeyStatus::Created && project.has_pseudonymised_files()? {
                notice = Some(
                    "La clé de pseudonymisation de ce projet est introuvable sur cet ordinateur : \
                     une nouvelle clé a été créée. Les pseudonymes déjà attribués restent ; une \
                     personne déjà rencontrée recevra un autre pseudonyme dans les fichiers \
                     ajoutés désormais."
                        .to_owned(),
                );
            }
            Some(key)
        }
        Err(reason) => {
            notice = Some(format!(
                "Projet ouvert en lecture seule : {reason}. Vos modifications ne pourront pas \
                 être enregistrées."
            ));
            None
        }
    };
    // Read-only, a value left in clear (there should be none) gets a pseudonym for this
    // reading only.
    let reading_key = key
        .clone()
        .unwrap_or_else(crate::model::PseudonymKey::random);
    let evaluation = project.evaluation(&reading_key, progress)?;
    let figures = project.figures()?;
    let monographs = project.monographs()?;
    let template = project.template()?;
    let register = project.register()?;
    Ok(Opened {
        project,
        register,
        evaluation,
        figures,
        monographs,
        template,
        key,
        notice,
    })
}

/// Create the project of a loose survey file: the file as its one source.
fn create_for_file(
    project_path: &Path,
    file: &Path,
    places: &Places,
    progress: &dyn Progress,
) -> Result<(), StoreError> {
    let title = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut manifest = Manifest {
        title,
        ..Manifest::default()
    };
    let mut project = Project::create(project_path, &manifest)?;
    let filled = (|| {
        let (key, _) = places.keys().key_for(project.id());
        let source = read_and_store(project.path(), file, &key, progress)?;
        manifest.sources.push(source.entry.clone());
        project.write(
            &format!("Projet créé à partir de {}", file.display()),
            &[Edit::Manifest(&manifest)],
        )
    })();
    if let Err(e) = filled {
        drop(project);
        for suffix in ["", "-wal", "-shm", "-lock"] {
            let mut name = project_path.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(std::path::PathBuf::from(name));
        }
        return Err(e);
    }
    Ok(())
}

/// Read a survey export, pseudonymise it under the project's `key`, and store it in the
/// project (not yet named by the manifest: [`super::Command::InsertSource`] does that).
pub fn read_and_store(
    project: &Path,
    file: &Path,
    key: &PseudonymKey,
    progress: &dyn Progress,
) -> Result<Box<LoadedSource>, StoreError> {
    let (name, survey, bytes) = read_survey(file, None, key, progress)?;
    progress.report(0.95, "Enregistrement dans le projet");
    let stored = store::store_source(project, &name, &bytes, &survey)?;
    Ok(Box::new(single_source(&name, stored.file, survey)))
}

/// Read a newer export of the source at `index` and store it in the project; returns the
/// source, ready for [`super::Command::ReplaceSource`], and what changed.
pub fn read_newer_wave(
    project: &Path,
    file: &Path,
    key: &PseudonymKey,
    manifest: &Manifest,
    current: &LoadedSource,
    progress: &dyn Progress,
) -> Result<(Box<LoadedSource>, WaveAccount), StoreError> {
    let (name, survey, bytes) = read_survey(file, current.entry.sheet.as_deref(), key, progress)?;
    progress.report(0.9, "Comparaison avec la version en place");
    let account = compare(&current.survey, &survey);
    progress.report(0.95, "Enregistrement dans le projet");
    let stored = store::store_source(project, &name, &bytes, &survey)?;
    let mut entry = current.entry.clone();
    entry.file = stored.file;
    Ok((Box::new(link_source(manifest, entry, survey)), account))
}

fn read_survey(
    file: &Path,
    sheet: Option<&str>,
    key: &PseudonymKey,
    progress: &dyn Progress,
) -> Result<(String, Survey, Vec<u8>), StoreError> {
    let (name, _) = crate::import::error::file_to_read(file)?;
    let bytes = std::fs::read(file).map_err(|source| ImportError::Io {
        file: name.clone(),
        source,
    })?;
    let raw = read::read_bytes(&name, &bytes, sheet, progress)?;
    if progress.cancelled() {
        return Err(ImportError::Cancelled { file: name }.into());
    }
    progress.report(0.8, "Analyse des questions");
    let survey = Survey::from_raw(raw, key);
    Ok((name, survey, bytes))
}

/// Copy a project to `dest` (« Enregistrer sous… ») and open the copy, which the session
/// then writes to.
pub fn save_as(
    project: &Path,
    dest: &Path,
    progress: &dyn Progress,
) -> Result<Project, StoreError> {
    progress.report(0.1, "Copie du projet");
    Reader::open(project)?.copy_to(dest)?;
    progress.report(0.9, "Ouverture de la copie");
    let mut copy = Project::open(dest)?;
    copy.write(
        &format!(
            "Enregistré sous {} (copie de {})",
            dest.display(),
            project.display()
        ),
        &[],
    )?;
    Ok(copy)
}

/// The cohort figures of a project's extracts, read from the bytes it stores.
pub fn cohort(
    project: &Path,
    manifest: &Manifest,
    progress: &dyn Progress,
) -> Result<crate::cohort::CohortReport, String> {
    let reader = Reader::open(project).map_err(|e| e.to_string())?;
    let load = |file: &str| reader.file(file);
    crate::cohort::compute_with(
        crate::cohort::Extracts::Stored(&load),
        manifest,
        &crate::cohort::Options::default(),
        progress,
    )
    .map_err(|e| e.to_string())
}

/// Start the bundled sample afresh: its project is deleted, then made again from the
/// sample folder. The session must have closed it first.
pub fn reset_sample(places: &Places, progress: &dyn Progress) -> Result<Opened, StoreError> {
    let sample = super::places::bundled_sample().ok_or_else(|| {
        ImportError::malformed("sample_surveys", "l'échantillon fourni est introuvable")
    })?;
    let project = places.sample_project();
    for suffix in ["", "-wal", "-shm", "-lock"] {
        let mut name = project.as_os_str().to_owned();
        name.push(suffix);
        let path = std::path::PathBuf::from(name);
        if path.exists() {
            std::fs::remove_file(&path).map_err(|source| ImportError::Io {
                file: path.display().to_string(),
                source,
            })?;
        }
    }
    open(&sample, places, progress)
}
