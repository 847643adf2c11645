//! Deterministic generation of the sample evaluation (`atelier synth sample`) and of
//! scale data (`atelier synth scale`).
//!
//! Everything is drawn from [`rng::Rng`] streams seeded by [`SEED`], and written with fixed
//! timestamps, so the same program writes the same bytes on every machine. Published figures
//! of the report are reproduced exactly; each is listed in `REFERENCE.md` with its report line
//! and the test that checks it.

pub mod coding;
pub mod cohort;
pub mod notes;
pub mod rng;
pub mod sites;
pub mod surveys;

use std::path::{Path, PathBuf};

use crate::model::Manifest;

/// The seed of the sample evaluation.
pub const SEED: u64 = 2013;

/// Why generation failed.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// A file could not be written.
    #[error("{path}: écriture impossible ({source})")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A document library failed.
    #[error("{path}: {message}")]
    Document {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// Shorthand for I/O errors on a path.
pub fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> SynthError + '_ {
    move |source| SynthError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Write bytes to `dir/relative`, creating folders.
pub fn write_file(dir: &Path, relative: &str, bytes: &[u8]) -> Result<(), SynthError> {
    let path = dir.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io_error(parent))?;
    }
    std::fs::write(&path, bytes).map_err(io_error(&path))
}

/// A figure of the report that the sample reproduces.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceFigure {
    /// Where it belongs (e.g. « Conseillers PE », « Cohorte PE »).
    pub section: String,
    /// What it is, in words.
    pub figure: String,
    /// The value as the report prints it.
    pub value: String,
    /// The report line(s), e.g. `L2175–2182`.
    pub report_line: String,
    /// The test that checks it, `file::function`.
    pub test: String,
}

/// What the generators build up: the manifest and the reference figures.
#[derive(Clone, Debug, Default)]
pub struct Sample {
    /// The manifest written to `atelier.json`.
    pub manifest: Manifest,
    /// Figures listed in `REFERENCE.md`.
    pub reference: Vec<ReferenceFigure>,
    /// Where the report contradicts itself: the figure kept, and why.
    pub choices: Vec<(String, String)>,
    /// Figures the sample could carry but does not reproduce, with the reason.
    pub not_reproduced: Vec<(String, String, String)>,
}

impl Sample {
    /// Record a reproduced figure.
    pub fn figure(
        &mut self,
        section: &str,
        figure: &str,
        value: &str,
        report_line: &str,
        test: &str,
    ) {
        self.reference.push(ReferenceFigure {
            section: section.to_owned(),
            figure: figure.to_owned(),
            value: value.to_owned(),
            report_line: report_line.to_owned(),
            test: test.to_owned(),
        });
    }
}

/// Write the whole sample evaluation into `dir`: questionnaires, notes, cohort extracts,
/// their coding (`codage.json`), `atelier.json` and `REFERENCE.md`. Returns what was written.
pub fn write_sample(dir: &Path) -> Result<Sample, SynthError> {
    std::fs::create_dir_all(dir).map_err(io_error(dir))?;
    let mut sample = Sample {
        manifest: Manifest {
            title: "Évaluation de l'ANI Jeunes — échantillon fictif".to_owned(),
            description: "Évaluation fictive reproduisant les chiffres publiés du rapport d'évaluation \
                          de l'ANI Jeunes (2013) : cinq questionnaires en ligne, 40 entretiens d'employeurs, \
                          dix visites de sites et deux extractions de cohorte. Aucune personne réelle n'y figure."
                .to_owned(),
            disclosure_threshold: crate::model::manifest::Threshold::default(),
            ..Default::default()
        },
        ..Sample::default()
    };
    surveys::write(dir, &mut sample)?;
    notes::write(dir, &mut sample)?;
    cohort::write(dir, &mut sample)?;
    coding::write(dir, &mut sample)?;
    let mut json =
        serde_json::to_string_pretty(&sample.manifest).map_err(|e| SynthError::Document {
            path: dir.join(crate::model::MANIFEST_FILE),
            message: e.to_string(),
        })?;
    json.push('\n');
    write_file(dir, crate::model::MANIFEST_FILE, json.as_bytes())?;
    write_file(dir, "REFERENCE.md", reference_markdown(&sample).as_bytes())?;
    Ok(sample)
}

/// `REFERENCE.md`: every report figure the sample reproduces, with its line and its test.
pub fn reference_markdown(sample: &Sample) -> String {
    let mut out = String::from(
        "# Chiffres du rapport reproduits par l'échantillon\n\n\
         Chaque chiffre publié par le rapport d'évaluation (`shared/seed/ani-jeunes-evaluation.txt`)\n\
         que l'échantillon reproduit, avec sa ligne dans le rapport et le test qui vérifie qu'Atelier\n\
         le retrouve en lisant les fichiers de l'échantillon. Fichier généré par `atelier synth sample`.\n",
    );
    let mut section = "";
    for f in &sample.reference {
        if f.section != section {
            section = &f.section;
            out.push_str(&format!(
                "\n## {section}\n\n| Chiffre | Valeur | Rapport | Test |\n|---|---|---|---|\n"
            ));
        }
        out.push_str(&format!(
            "| {} | {} | {} | `{}` |\n",
            f.figure, f.value, f.report_line, f.test
        ));
    }
    if !sample.choices.is_empty() {
        out.push_str(
            "\n## Choix entre chiffres contradictoires\n\n\
             Là où le rapport se contredit, l'échantillon reproduit l'un des chiffres ; voici lequel et \
             pourquoi.\n\n",
        );
        for (subject, choice) in &sample.choices {
            out.push_str(&format!("- **{subject}** — {choice}\n"));
        }
    }
    if !sample.not_reproduced.is_empty() {
        out.push_str(
            "\n## Chiffres reproductibles non reproduits\n\n\
             Chiffres que les fichiers de l'échantillon pourraient porter mais ne reproduisent pas \
             (ou qu'Atelier ne calcule pas), avec la raison.\n\n| Chiffre | Rapport | Raison |\n|---|---|---|\n",
        );
        for (figure, line, why) in &sample.not_reproduced {
            out.push_str(&format!("| {figure} | {line} | {why} |\n"));
        }
    }
    let listed = sample.reference.len();
    let missing = sample.not_reproduced.len();
    if listed + missing > 0 {
        out.push_str(&format!(
            "\nCouverture : {listed} chiffres reproduits et vérifiés sur {} reproductibles recensés \
             ({} %).\n",
            listed + missing,
            100 * listed / (listed + missing)
        ));
    }
    out
}

/// Write scale data into `dir`: `responses` responses per questionnaire and cohort extracts
/// scaled to match, with an `atelier.json` like the sample's.
///
/// Every source of the sample is there, in the same file and layout, with `responses` rows
/// each (the employers' interview grid too) and the sample's shares; the ten visited sites
/// come with the sample's notes; the cohort extracts are [`cohort_factor`] times the
/// sample's. Nothing is written to `REFERENCE.md`: the report's counts do not hold at
/// another size. The same `responses` always gives the same bytes.
pub fn write_scale(dir: &Path, responses: usize) -> Result<(), SynthError> {
    if responses == 0 {
        return Err(SynthError::Document {
            path: dir.to_path_buf(),
            message: "il faut au moins une réponse par questionnaire".to_owned(),
        });
    }
    std::fs::create_dir_all(dir).map_err(io_error(dir))?;
    let mut scale = Sample {
        manifest: Manifest {
            title: format!(
                "Évaluation de l'ANI Jeunes — données à l'échelle ({} réponses par questionnaire)",
                crate::model::french::count(responses as u64)
            ),
            description: format!(
                "Données fictives pour mesurer les performances d'Atelier : les questionnaires de \
                 l'échantillon avec {} réponses chacun, les mêmes dix visites de sites et des \
                 extractions de cohorte {} fois plus grandes. Aucune personne réelle n'y figure.",
                crate::model::french::count(responses as u64),
                cohort_factor(responses)
            ),
            disclosure_threshold: crate::model::manifest::Threshold::default(),
            ..Default::default()
        },
        ..Sample::default()
    };
    // The cohort extracts take longest (a million rows at 100,000 responses): they are
    // written on their own thread while the questionnaires and notes are written here.
    let factor = cohort_factor(responses);
    std::thread::scope(|scope| {
        let cohort_thread = std::thread::Builder::new()
            .name("synth-cohort".to_owned())
            .spawn_scoped(scope, || cohort::write_scaled(dir, factor));
        let written = surveys::write_scaled(dir, responses, &mut scale)
            .and_then(|()| notes::write(dir, &mut scale));
        let cohort_written = match cohort_thread {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => cohort::write_scaled(dir, factor),
        };
        written.and(cohort_written)
    })?;
    scale.manifest.cohort.extend(cohort::extracts());
    write_manifest(dir, &scale.manifest)
}

/// How many times the sample's cohort extracts scale data holds for `responses` responses
/// per questionnaire: `responses / 2486`, the factor by which the largest questionnaire
/// (the young people of Pôle emploi, 2,486 in the sample) grows, at least 1 and at most
/// [`COHORT_MAX_FACTOR`].
pub fn cohort_factor(responses: usize) -> usize {
    (responses / surveys::youth_pe::RESPONDENTS).clamp(1, COHORT_MAX_FACTOR)
}

/// The largest cohort factor: the Missions locales' extract is one xlsx sheet of 31,542
/// young people in the sample, and a sheet holds at most 1,048,576 rows (33 copies and a
/// heading row fit, 34 do not). From 82,038 responses on (33 × 2,486), the cohort stops
/// growing.
pub const COHORT_MAX_FACTOR: usize = 33;

/// `dir/atelier.json`, pretty-printed with a final newline.
fn write_manifest(dir: &Path, manifest: &Manifest) -> Result<(), SynthError> {
    let file = crate::model::MANIFEST_FILE;
    let mut json = serde_json::to_string_pretty(manifest).map_err(|e| SynthError::Document {
        path: dir.join(file),
        message: e.to_string(),
    })?;
    json.push('\n');
    write_file(dir, file, json.as_bytes())
}
