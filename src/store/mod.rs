//! The project file: one SQLite database (`*.atelier`) holding the manifest, every
//! imported file with its SHA-256, and the evaluator's work (corrections, and later codes
//! and monographs).
//!
//! Each change is one transaction, so a crash loses nothing acknowledged on screen. The
//! schema carries a version; `migrate` brings an older project up to date when it opens.
//!
//! Privacy: a survey file holding personal columns is not stored as received. Its cells are
//! stored as a UTF-8 CSV in which every personal value is already pseudonymised, beside the
//! SHA-256 of the original file, so a figure can still be traced to the exact file received.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::import::evaluation::{self, Evaluation, MANIFEST_FILE};
use crate::import::privacy::Pseudonymiser;
use crate::import::questions::cell_text;
use crate::import::{Correction, ImportError, Survey, read};
use crate::model::{Manifest, QuestionKind};
use crate::progress::{Progress, Silent};

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 1;

/// Why a project file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused.
    #[error("{file}: {message}")]
    Database {
        /// The project file.
        file: String,
        /// What went wrong.
        message: String,
    },
    /// A source of the evaluation could not be read.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The project was written by a newer Atelier.
    #[error(
        "{file}: projet enregistré par une version plus récente d'Atelier (schéma {found}, connu : {SCHEMA_VERSION})"
    )]
    TooNew {
        /// The project file.
        file: String,
        /// Its schema version.
        found: i64,
    },
}

/// An open project file.
pub struct Project {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Project {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Project").field("path", &self.path).finish()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Project {
    fn db_error(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |e| StoreError::Database {
            file: self.path.display().to_string(),
            message: e.to_string(),
        }
    }

    /// Open (creating if needed) a project file and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Project, StoreError> {
        let file = path.display().to_string();
        let fail = |e: rusqlite::Error| StoreError::Database {
            file: file.clone(),
            message: e.to_string(),
        };
        let conn = Connection::open(path).map_err(fail)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(fail)?;
        let project = Project {
            conn,
            path: path.to_path_buf(),
        };
        migrate(&project)?;
        Ok(project)
    }

    /// Build a new project file from an evaluation folder (`atelier new P --from DIR`).
    /// Refuses to overwrite an existing project.
    pub fn create_from_dir(
        path: &Path,
        dir: &Path,
        progress: &dyn Progress,
    ) -> Result<Project, StoreError> {
        if path.exists() {
            return Err(StoreError::Database {
                file: path.display().to_string(),
                message: "le fichier existe déjà ; choisissez un autre nom".to_owned(),
            });
        }
        let manifest = evaluation::read_manifest(dir)?;
        let project = Project::open(path)?;
        let mut files: Vec<String> = manifest.sources.iter().map(|s| s.file.clone()).collect();
        for site in &manifest.sites {
            files.extend(site.notes.iter().map(|n| n.file.clone()));
        }
        for extract in &manifest.cohort {
            files.push(extract.file.clone());
            files.extend(extract.events.clone());
        }
        let survey_files: Vec<&str> = manifest.sources.iter().map(|s| s.file.as_str()).collect();
        // One key for every file of the project, so that a person who answered two
        // questionnaires gets one pseudonym. The key is not kept: anyone holding it could
        // hash every phone number or IP address and find the one behind a pseudonym.
        let pseudonymiser = Pseudonymiser::random();
        let err = project.db_error();
        let tx = project.conn.unchecked_transaction().map_err(&err)?;
        let manifest_json =
            serde_json::to_string_pretty(&manifest).map_err(|e| StoreError::Database {
                file: MANIFEST_FILE.to_owned(),
                message: e.to_string(),
            })?;
        tx.execute(
            "INSERT OR REPLACE INTO manifest (id, json) VALUES (1, ?1)",
            params![manifest_json],
        )
        .map_err(&err)?;
        let total = files.len().max(1) as f32;
        for (i, file) in files.iter().enumerate() {
            if progress.cancelled() {
                return Err(ImportError::Cancelled { file: file.clone() }.into());
            }
            progress.report(i as f32 / total, &format!("Enregistrement de {file}"));
            let bytes = std::fs::read(dir.join(file)).map_err(|source| ImportError::Io {
                file: file.clone(),
                source,
            })?;
            let sha = hex(&Sha256::digest(&bytes));
            let (stored, pseudonymised) = if survey_files.contains(&file.as_str()) {
                let name = Path::new(file)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let raw = read::read_bytes(&name, &bytes, None, &Silent)?;
                let survey = Survey::from_raw(raw, &pseudonymiser);
                if survey.plan.personal.is_empty() {
                    (bytes, false)
                } else {
                    (pseudonymised_csv(&survey), true)
                }
            } else {
                (bytes, false)
            };
            tx.execute(
                "INSERT OR REPLACE INTO files (path, bytes, sha256, pseudonymised) VALUES (?1, ?2, ?3, ?4)",
                params![file, stored, sha, pseudonymised],
            )
            .map_err(&err)?;
        }
        tx.commit().map_err(&err)?;
        drop(err);
        progress.report(1.0, "Projet créé");
        Ok(project)
    }

    /// The manifest stored in the project.
    pub fn manifest(&self) -> Result<Manifest, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM manifest WHERE id = 1", [], |r| r.get(0))
            .optional()
            .map_err(self.db_error())?;
        let json = json.ok_or_else(|| StoreError::Database {
            file: self.path.display().to_string(),
            message: "ce projet ne contient pas d'évaluation".to_owned(),
        })?;
        Ok(evaluation::parse_manifest(
            &self.path.display().to_string(),
            &json,
        )?)
    }

    /// The bytes stored for a file of the evaluation.
    pub fn file(&self, path: &str) -> Result<Vec<u8>, ImportError> {
        self.conn
            .query_row(
                "SELECT bytes FROM files WHERE path = ?1",
                params![path],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| ImportError::malformed(path, e.to_string()))?
            .ok_or_else(|| ImportError::malformed(path, "absent du projet"))
    }

    /// SHA-256 of the file as received.
    pub fn file_sha256(&self, path: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row(
                "SELECT sha256 FROM files WHERE path = ?1",
                params![path],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.db_error())
    }

    /// Read the evaluation stored in the project, with the evaluator's corrections applied.
    pub fn evaluation(&self, progress: &dyn Progress) -> Result<Evaluation, StoreError> {
        let manifest = self.manifest()?;
        let root = self
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        // Personal values are stored pseudonymised and stay as they are (see
        // `Pseudonymiser::pseudonym`); the key only matters for a value left in clear.
        let mut evaluation = Evaluation::open_with(
            &root,
            manifest,
            &|file| self.file(file),
            &Pseudonymiser::random(),
            progress,
        )?;
        for (source_id, question_id, correction) in self.corrections()? {
            if let Some(source) = evaluation
                .sources
                .iter_mut()
                .find(|s| s.entry.id == source_id)
                && let Some(index) = source
                    .survey
                    .questions
                    .iter()
                    .position(|q| q.id == question_id)
            {
                source.survey.correct(index, correction);
            }
        }
        Ok(evaluation)
    }

    /// Save (or, with the default correction, remove) the correction of one question.
    pub fn save_correction(
        &self,
        source: &str,
        question: &str,
        correction: &Correction,
    ) -> Result<(), StoreError> {
        let err = self.db_error();
        if *correction == Correction::default() {
            self.conn
                .execute(
                    "DELETE FROM corrections WHERE source = ?1 AND question = ?2",
                    params![source, question],
                )
                .map_err(&err)?;
        } else {
            let scale = correction
                .scale
                .as_ref()
                .map(|s| serde_json::to_string(s).unwrap_or_default());
            self.conn
                .execute(
                    "INSERT OR REPLACE INTO corrections (source, question, kind, scale) VALUES (?1, ?2, ?3, ?4)",
                    params![source, question, correction.kind.map(QuestionKind::id), scale],
                )
                .map_err(&err)?;
        }
        Ok(())
    }

    /// Every stored correction: (source id, question id, correction).
    pub fn corrections(&self) -> Result<Vec<(String, String, Correction)>, StoreError> {
        let err = self.db_error();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT source, question, kind, scale FROM corrections ORDER BY source, question",
            )
            .map_err(&err)?;
        let rows = stmt
            .query_map([], |r| {
                let kind: Option<String> = r.get(2)?;
                let scale: Option<String> = r.get(3)?;
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, kind, scale))
            })
            .map_err(&err)?;
        let mut out = Vec::new();
        for row in rows {
            let (source, question, kind, scale) = row.map_err(&err)?;
            let kind = kind.and_then(|k| QuestionKind::ALL.into_iter().find(|q| q.id() == k));
            let scale = scale.and_then(|s| serde_json::from_str::<Vec<String>>(&s).ok());
            out.push((source, question, Correction { kind, scale }));
        }
        Ok(out)
    }

    /// The project file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Create or upgrade the schema. Version 1 is the first; later versions add steps here.
fn migrate(project: &Project) -> Result<(), StoreError> {
    let err = project.db_error();
    project
        .conn
        .execute_batch(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
        )
        .map_err(&err)?;
    let version: i64 = project
        .conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()
        .map_err(&err)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            file: project.path.display().to_string(),
            found: version,
        });
    }
    if version < 1 {
        project
            .conn
            .execute_batch(
                "BEGIN;
                 CREATE TABLE IF NOT EXISTS manifest (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
                 CREATE TABLE IF NOT EXISTS files (
                     path TEXT PRIMARY KEY,
                     bytes BLOB NOT NULL,
                     sha256 TEXT NOT NULL,
                     pseudonymised INTEGER NOT NULL DEFAULT 0
                 );
                 CREATE TABLE IF NOT EXISTS corrections (
                     source TEXT NOT NULL,
                     question TEXT NOT NULL,
                     kind TEXT,
                     scale TEXT,
                     PRIMARY KEY (source, question)
                 );
                 INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '1');
                 COMMIT;",
            )
            .map_err(&err)?;
    }
    Ok(())
}

/// The cells of a survey as UTF-8 CSV, personal values already replaced by pseudonyms.
fn pseudonymised_csv(survey: &Survey) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    for r in 0..survey.raw.height() {
        let row: Vec<String> = (0..survey.raw.width())
            .map(|c| {
                cell_text(survey.raw.cell(r, c))
                    .map(|t| t.into_owned())
                    .unwrap_or_default()
            })
            .collect();
        if writer.write_record(&row).is_err() {
            break;
        }
    }
    writer.into_inner().unwrap_or_default()
}

/// Whether a path names a project file.
pub fn is_project_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("atelier"))
}

/// Open what a command-line `PATH` names: a project file, a folder holding `atelier.json`,
/// or a single survey export.
pub fn open_any(path: &Path, progress: &dyn Progress) -> Result<Evaluation, StoreError> {
    if is_project_file(path) {
        if !path.is_file() {
            return Err(ImportError::Io {
                file: path.display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "projet introuvable"),
            }
            .into());
        }
        return Project::open(path)?.evaluation(progress);
    }
    Ok(evaluation::open_path(path, progress)?)
}

impl Project {
    /// Write the cohort extracts (and events files) stored in the project to a private
    /// cache folder, for the cohort computation which reads files; returns that folder.
    pub fn unpack_cohort(&self, manifest: &Manifest) -> Result<PathBuf, StoreError> {
        let mut files: Vec<&str> = Vec::new();
        for extract in &manifest.cohort {
            files.push(&extract.file);
            files.extend(extract.events.as_deref());
        }
        let mut hasher = Sha256::new();
        for file in &files {
            hasher.update(self.file_sha256(file)?.unwrap_or_default().as_bytes());
        }
        let dir = std::env::temp_dir().join(format!(
            "atelier-cohorte-{}",
            &hex(&hasher.finalize())[..16]
        ));
        for file in files {
            let target = dir.join(file);
            if target.is_file() {
                continue;
            }
            let bytes = self.file(file)?;
            let io = |source| {
                StoreError::Import(ImportError::Io {
                    file: target.display().to_string(),
                    source,
                })
            };
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io)?;
            }
            std::fs::write(&target, bytes).map_err(io)?;
        }
        Ok(dir)
    }
}
