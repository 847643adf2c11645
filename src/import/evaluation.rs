//! An evaluation: several questionnaires, interview grids, visited sites and cohort
//! extracts, described by a manifest (`atelier.json`) and read together.
//!
//! Respondents are linked to the visited sites through the question that names their
//! structure (`site_question` in the manifest), so every figure can be cut by site.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::ImportError;
use super::notes::read_note_bytes;
use super::read;
use crate::model::MANIFEST_FILE;
use crate::model::coding::CodingWork;
use crate::model::french::key;
use crate::model::note::SiteNote;
use crate::model::{
    Correction, Evaluation, EvaluationSource, Manifest, PseudonymKey, QuestionKind, Survey, Values,
};
use crate::progress::{Progress, Silent};

impl Evaluation {
    /// Read `dir/atelier.json` and every source it lists. Pseudonyms hold for this reading
    /// only (a fresh key); a project keeps its key, and so its pseudonyms.
    pub fn open_dir(dir: &Path, progress: &dyn Progress) -> Result<Evaluation, ImportError> {
        let manifest = read_manifest(dir)?;
        Evaluation::open_with(
            dir,
            manifest,
            &|file: &str| {
                std::fs::read(dir.join(file)).map_err(|source| ImportError::Io {
                    file: file.to_owned(),
                    source,
                })
            },
            &crate::model::PseudonymKey::random(),
            progress,
        )
    }

    /// Read every source of `manifest`, getting each file's bytes from `load` (the disk, or a
    /// project file).
    /// Personal values become pseudonyms under `key`.
    pub fn open_with(
        root: &Path,
        manifest: Manifest,
        load: &dyn Fn(&str) -> Result<Vec<u8>, ImportError>,
        key: &PseudonymKey,
        progress: &dyn Progress,
    ) -> Result<Evaluation, ImportError> {
        // The files are fetched here, one after the other (a project's database serves one
        // reader at a time), then read and understood on every core, in any order; the
        // sources keep the manifest's order. A file that cannot be fetched is reported first,
        // then the first file in the manifest's order that cannot be read.
        let mut files = Vec::with_capacity(manifest.sources.len());
        for entry in &manifest.sources {
            if progress.cancelled() {
                return Err(ImportError::Cancelled {
                    file: entry.file.clone(),
                });
            }
            files.push(std::sync::Mutex::new(Some(load(&entry.file)?)));
        }
        let total = manifest.sources.len().max(1) as f32;
        let done = AtomicUsize::new(0);
        let reporting = std::sync::Mutex::new(());
        let understand = |i: usize, bytes: Vec<u8>| -> Result<Survey, ImportError> {
            let entry = &manifest.sources[i];
            if progress.cancelled() {
                return Err(ImportError::Cancelled {
                    file: entry.file.clone(),
                });
            }
            {
                // One report at a time, so that the bar never goes back.
                let _turn = reporting.lock();
                progress.report(
                    done.load(Ordering::Relaxed) as f32 / total,
                    &format!("Lecture de {}", entry.file),
                );
            }
            let name = Path::new(&entry.file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let raw = read::read_bytes(&name, &bytes, entry.sheet.as_deref(), &Silent)?;
            drop(bytes);
            let survey = Survey::from_raw(raw, key);
            done.fetch_add(1, Ordering::Relaxed);
            Ok(survey)
        };
        let results = crate::parallel::each_index(
            "atelier-sources",
            manifest.sources.len(),
            Result::is_err,
            |i| {
                let bytes = files[i]
                    .lock()
                    .map(|mut slot| slot.take())
                    .unwrap_or_default()
                    .unwrap_or_default();
                understand(i, bytes)
            },
        );
        let failed = results.iter().flatten().any(Result::is_err);
        let mut sources = Vec::with_capacity(manifest.sources.len());
        for ((i, entry), result) in manifest.sources.iter().enumerate().zip(results) {
            let survey = match result {
                Some(result) => result?,
                // A source failed: its error is returned below, so what is left unread stays so.
                None if failed => continue,
                // Left by a helper that failed: read here, so that any bug shows once.
                None => understand(i, load(&entry.file)?)?,
            };
            sources.push(link_source(&manifest, entry.clone(), survey));
        }
        let (notes, mut problems) = read_notes(&manifest, load);
        let coding = match read_coding(&manifest, load) {
            Ok(coding) => coding,
            Err(e) => {
                problems.push(e.to_string());
                CodingWork::default()
            }
        };
        progress.report(1.0, "Évaluation chargée");
        let mut evaluation = Evaluation {
            root: root.to_path_buf(),
            manifest,
            sources,
            notes,
            problems,
            coding,
        };
        crate::coding::variables::refresh(&mut evaluation);
        Ok(evaluation)
    }
}

/// Read the site-visit notes the manifest names, getting each file's bytes from `load`. A
/// note that cannot be read is told (one line) and left out: the rest of the evaluation
/// opens.
pub fn read_notes(
    manifest: &Manifest,
    load: &dyn Fn(&str) -> Result<Vec<u8>, ImportError>,
) -> (Vec<SiteNote>, Vec<String>) {
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    for (site, entry) in manifest.sites.iter().enumerate() {
        for note in &entry.notes {
            let name = Path::new(&note.file)
                .file_name()
                .map_or_else(|| note.file.clone(), |n| n.to_string_lossy().into_owned());
            match load(&note.file).and_then(|bytes| read_note_bytes(&name, &bytes)) {
                Ok(text) => notes.push(SiteNote {
                    site,
                    entry: note.clone(),
                    text,
                }),
                Err(e) => problems.push(e.to_string()),
            }
        }
    }
    (notes, problems)
}

/// Read the coding the manifest names (`coding`), getting its bytes from `load`; none when
/// the manifest names no coding file.
pub fn read_coding(
    manifest: &Manifest,
    load: &dyn Fn(&str) -> Result<Vec<u8>, ImportError>,
) -> Result<CodingWork, ImportError> {
    let Some(file) = &manifest.coding else {
        return Ok(CodingWork::default());
    };
    let bytes = load(file)?;
    serde_json::from_slice(&bytes).map_err(|e| {
        ImportError::malformed(
            file,
            format!(
                "codage illisible (ligne {}, colonne {} : {})",
                e.line(),
                e.column(),
                json_problem(&e)
            ),
        )
    })
}

/// Read and check an evaluation's manifest.
pub fn read_manifest(dir: &Path) -> Result<Manifest, ImportError> {
    let path = dir.join(MANIFEST_FILE);
    let file = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|source| ImportError::Io {
        file: file.clone(),
        source,
    })?;
    parse_manifest(&file, &text)
}

/// Parse and check a manifest's text; `file` names it in messages.
pub fn parse_manifest(file: &str, text: &str) -> Result<Manifest, ImportError> {
    let file = file.to_owned();
    let manifest: Manifest = serde_json::from_str(text).map_err(|e| {
        ImportError::malformed(
            &file,
            format!(
                "ligne {}, colonne {} : {}",
                e.line(),
                e.column(),
                json_problem(&e)
            ),
        )
    })?;
    for source in &manifest.sources {
        // A file added to the evaluation on its own belongs to no group.
        if !source.group.is_empty()
            && !manifest.groups.is_empty()
            && !manifest.groups.iter().any(|g| g.id == source.group)
        {
            return Err(ImportError::malformed(
                &file,
                format!(
                    "la source « {} » cite un groupe inconnu « {} »",
                    source.id, source.group
                ),
            ));
        }
        if source.file.contains("..") || Path::new(&source.file).is_absolute() {
            return Err(ImportError::malformed(
                &file,
                format!(
                    "la source « {} » doit être un chemin relatif au dossier, sans « .. »",
                    source.id
                ),
            ));
        }
    }
    let mut ids: Vec<&str> = manifest.sources.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
        return Err(ImportError::malformed(
            &file,
            format!("deux sources portent l'identifiant « {} »", w[0]),
        ));
    }
    Ok(manifest)
}

fn json_problem(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde's message ends with " at line L column C", already given.
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_owned(),
        None => text,
    }
}

/// Link a source's respondents to the visited sites through its structure question.
pub fn link_source(
    manifest: &Manifest,
    entry: crate::model::manifest::SourceEntry,
    survey: Survey,
) -> EvaluationSource {
    let group_label = manifest
        .groups
        .iter()
        .find(|g| g.id == entry.group)
        .map(|g| g.label.clone())
        .unwrap_or_else(|| entry.group.clone());
    let n = survey.respondents();
    let mut site_of_respondent = vec![None; n];
    let mut survey = survey;
    let position = entry.site_question.as_deref().and_then(|wanted| {
        let wanted_key = key(wanted);
        survey
            .questions
            .iter()
            .position(|q| q.id == wanted || key(&q.text) == wanted_key)
    });
    // The manifest says this question names a structure: it is a closed question, even
    // where many structures have a single respondent.
    if let Some(index) = position
        && survey.questions[index].kind != QuestionKind::Single
    {
        survey.correct(
            index,
            Correction {
                kind: Some(QuestionKind::Single),
                scale: None,
            },
        );
    }
    let question = position.map(|index| &survey.questions[index]);
    if let Some(q) = question {
        let names: Vec<Vec<String>> = manifest
            .sites
            .iter()
            .map(|s| {
                std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .map(|n| key(n))
                    .collect()
            })
            .collect();
        let label_site: Vec<Option<usize>> = q
            .labels
            .iter()
            .map(|label| {
                let k = key(label);
                names.iter().position(|aliases| aliases.contains(&k))
            })
            .collect();
        if let Some(Values::Codes(codes)) = q.items.first().map(|i| &i.values) {
            for (r, &code) in codes.iter().enumerate() {
                if code > 0 {
                    site_of_respondent[r] =
                        label_site.get(usize::from(code) - 1).copied().flatten();
                }
            }
        }
    }
    EvaluationSource {
        entry,
        group_label,
        survey,
        site_of_respondent,
    }
}

/// Open what a command-line `PATH` names: a folder holding `atelier.json`, or a single
/// survey export. (Project files are opened by [`crate::store`].)
pub fn open_path(path: &Path, progress: &dyn Progress) -> Result<Evaluation, ImportError> {
    if path.is_dir() {
        if !path.join(MANIFEST_FILE).is_file() {
            return Err(ImportError::malformed(
                &path.display().to_string(),
                format!("ce dossier ne contient pas de {MANIFEST_FILE}"),
            ));
        }
        return Evaluation::open_dir(path, progress);
    }
    let survey = Survey::open(path, None, progress)?;
    Ok(Evaluation::single(path, survey))
}
