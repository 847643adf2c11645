//! The project file: one SQLite database (`*.atelier`) holding the manifest, every imported
//! file with its SHA-256, the surveys as understood, and the evaluator's work (corrections,
//! figures placed in monographs, and a journal of every change).
//!
//! The session is the only writer, and each change is one transaction ([`Project::write`]),
//! committed (WAL, `synchronous = FULL`) before the window shows it: a crash or a kill loses
//! nothing acknowledged on screen, and a failed write (a full disk) leaves the project as it
//! was. One process at a time writes a project: it holds a lock on `PROJECT-lock` beside
//! the file, and a second instance opens the project read-only, as it does a project on a
//! read-only medium. The schema carries a version; an older project is migrated when it
//! opens, a newer one is refused.
//!
//! Privacy: a survey file holding personal columns is not stored as received. Its cells are
//! stored as a UTF-8 CSV in which every personal value is already pseudonymised, beside the
//! SHA-256 of the original file, so a figure can still be traced to the exact file received.
//! The pseudonymisation key is kept outside the file ([`KeyRing`]).

mod coding;
mod keys;
mod schema;
pub mod snapshot;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use sha2::{Digest, Sha256};

pub use keys::{KeyRing, KeyStatus};
pub use schema::SCHEMA_VERSION;

use crate::import::{evaluation, read};
use crate::model::cell::cell_text;
use crate::model::coding::{Code, CodeId, Codebook, Coding, CodingWork, MemoTarget};
use crate::model::monograph::{Monograph, Template};
use crate::model::{
    Correction, Evaluation, EvaluationSource, FigureRef, ImportError, MANIFEST_FILE, Manifest,
    PseudonymKey, PublishedFigure, QuestionKind, Survey,
};
use crate::progress::{Progress, Silent};

/// Why a project file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed: a damaged file, or an input/output error.
    #[error("{file}: {message}")]
    Database {
        /// The project file.
        file: String,
        /// What went wrong.
        message: String,
    },
    /// The disk is full: the change was not written and the project is as it was.
    #[error(
        "{file}: disque plein : la modification n'a pas été enregistrée (le projet est resté tel quel)"
    )]
    Full {
        /// The project file.
        file: String,
    },
    /// The file is not an Atelier project.
    #[error("{file}: ce n'est pas un projet Atelier ({problem})")]
    NotAProject {
        /// The file.
        file: String,
        /// What it is instead, in the user's words.
        problem: String,
    },
    /// A file of the evaluation could not be read.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The project was written by a newer Atelier.
    #[error(
        "{file}: projet enregistré par une version plus récente d'Atelier (schéma {found}, connu : {SCHEMA_VERSION}) ; mettez Atelier à jour pour l'ouvrir"
    )]
    TooNew {
        /// The project file.
        file: String,
        /// Its schema version.
        found: i64,
    },
    /// The project is open read-only: nothing can be written to it.
    #[error("{file}: projet en lecture seule ({reason}) : modification non enregistrée")]
    ReadOnly {
        /// The project file.
        file: String,
        /// Why it is read-only.
        reason: ReadOnlyReason,
    },
    /// A new project would overwrite a file.
    #[error("{file}: le fichier existe déjà ; choisissez un autre nom")]
    Exists {
        /// The file.
        file: String,
    },
}

impl StoreError {
    /// Whether the user's input is at fault (a file that is not a project, a missing file, a
    /// newer project, a project open elsewhere) rather than the database or the program.
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, StoreError::Database { .. } | StoreError::Full { .. })
    }
}

/// Why a project is open read-only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Another Atelier has it open and writes it.
    OpenElsewhere,
    /// The file or its folder cannot be written (a read-only medium, no permission).
    ReadOnlyMedium,
}

impl std::fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ReadOnlyReason::OpenElsewhere => "il est ouvert dans une autre fenêtre d'Atelier",
            ReadOnlyReason::ReadOnlyMedium => "le fichier ou son dossier n'est pas modifiable",
        })
    }
}

/// One change to write, in the evaluator's terms.
#[derive(Debug)]
pub enum Edit<'a> {
    /// The manifest as it now is (sources added, removed or replaced, the threshold).
    Manifest(&'a Manifest),
    /// A question's correction (the default correction withdraws it).
    Correction {
        /// The source's id.
        source: &'a str,
        /// The question's id.
        question: &'a str,
        /// The correction.
        correction: &'a Correction,
    },
    /// The figures placed in monographs, as they now are.
    Figures(&'a [FigureRef]),
    /// Codes as they now are (new or changed).
    PutCodes(&'a [Code]),
    /// Codes deleted.
    DeleteCodes(&'a [CodeId]),
    /// Codings as they now are (new or changed).
    PutCodings(&'a [Coding]),
    /// Codings deleted.
    DeleteCodings(&'a [u64]),
    /// A memo (an empty text deletes it).
    Memo(&'a MemoTarget, &'a str),
    /// A site's monograph as the evaluator arranged it.
    Monograph(&'a Monograph),
    /// The project's monograph template.
    Template(&'a Template),
    /// Figures just published, for the register (their time is the transaction's).
    Published(&'a [PublishedFigure]),
}

/// A survey file stored in a project, not yet named by its manifest.
#[derive(Clone, Debug)]
pub struct StoredSource {
    /// Its path in the project (the key of its bytes).
    pub file: String,
    /// SHA-256 of the file as received.
    pub sha256: String,
}

/// An open project file.
pub struct Project {
    conn: Connection,
    path: PathBuf,
    access: Result<(), ReadOnlyReason>,
    id: String,
    /// Held while the project is open for writing; released when dropped (or killed).
    _lock: Option<std::fs::File>,
}

impl std::fmt::Debug for Project {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Project")
            .field("path", &self.path)
            .field("access", &self.access)
            .finish_non_exhaustive()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of some bytes, in hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// A fresh project id (which names the project's key in the [`KeyRing`]).
fn new_id() -> String {
    crate::model::PseudonymKey::random().to_hex()[..32].to_owned()
}

/// The lock file beside a project.
fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-lock");
    PathBuf::from(name)
}

fn db_error(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
    move |e| {
        let file = path.display().to_string();
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::Full { file },
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotAProject {
                file,
                problem: "le fichier n'est pas une base SQLite, ou il est endommagé".to_owned(),
            },
            _ => StoreError::Database {
                file,
                message: e.to_string(),
            },
        }
    }
}

/// Whether an input/output error says the medium or folder cannot be written.
fn is_read_only_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// Take the project's lock: `Ok(Some(file))` held, `Ok(None)` when locks are not supported
/// there, `Err(reason)` when the project must open read-only.
fn take_lock(path: &Path) -> Result<Option<std::fs::File>, ReadOnlyReason> {
    // A file marked read-only stays so, even for an administrator whom the system would let
    // write it.
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Err(ReadOnlyReason::ReadOnlyMedium);
    }
    if let Err(e) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        && is_read_only_error(&e)
    {
        return Err(ReadOnlyReason::ReadOnlyMedium);
    }
    let lock = match std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(path))
    {
        Ok(file) => file,
        Err(e) if is_read_only_error(&e) => return Err(ReadOnlyReason::ReadOnlyMedium),
        Err(_) => return Ok(None),
    };
    match lock.try_lock() {
        Ok(()) => Ok(Some(lock)),
        Err(std::fs::TryLockError::WouldBlock) => Err(ReadOnlyReason::OpenElsewhere),
        Err(std::fs::TryLockError::Error(_)) => Ok(None),
    }
}

impl Project {
    /// Open an existing project: for writing when this process can take its lock, else
    /// read-only ([`Project::access`] says why). Migrates an older project opened for
    /// writing; refuses a newer one, and a file that is not a project.
    pub fn open(path: &Path) -> Result<Project, StoreError> {
        check_header(path)?;
        let (access, lock) = match take_lock(path) {
            Ok(lock) => (Ok(()), lock),
            Err(reason) => (Err(reason), None),
        };
        let fail = db_error(path);
        let mut conn = match access {
            Ok(()) => Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
            // The writer keeps the WAL index: read beside it.
            Err(ReadOnlyReason::OpenElsewhere) => Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
            // Nothing can change the file, and no WAL index can be made beside it.
            Err(ReadOnlyReason::ReadOnlyMedium) => Connection::open_with_flags(
                format!("file:{}?mode=ro&immutable=1", uri_path(path)),
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
        }
        .map_err(&fail)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(&fail)?;
        let version = known_version(&conn, path)?;
        if access.is_ok() {
            configure(&conn).map_err(&fail)?;
            if version < SCHEMA_VERSION {
                schema::migrate(&mut conn, version, &new_id()).map_err(&fail)?;
            }
        }
        let id: String = conn
            .query_row("SELECT value FROM meta WHERE key = 'project_id'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(&fail)?
            .unwrap_or_default();
        let project = Project {
            conn,
            path: path.to_path_buf(),
            access,
            id,
            _lock: lock,
        };
        if project.access.is_ok() {
            project.collect_garbage()?;
        }
        Ok(project)
    }

    /// Open a project to read it and write nothing, not even its lock: what the command
    /// line does, so that it never keeps the window from writing the project. An older
    /// project is read as it is, without being migrated.
    pub fn open_for_reading(path: &Path) -> Result<Project, StoreError> {
        check_header(path)?;
        let reader = Reader::open(path)?;
        let conn = reader.conn;
        known_version(&conn, path)?;
        Ok(Project {
            conn,
            path: path.to_path_buf(),
            access: Err(ReadOnlyReason::OpenElsewhere),
            id: String::new(),
            _lock: None,
        })
    }

    /// Create a project file holding `manifest` and no file yet. Refuses to overwrite.
    pub fn create(path: &Path, manifest: &Manifest) -> Result<Project, StoreError> {
        let file = path.display().to_string();
        if path.exists() {
            return Err(StoreError::Exists { file });
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| ImportError::Io {
                file: parent.display().to_string(),
                source,
            })?;
        }
        let fail = db_error(path);
        let mut conn = Connection::open(path).map_err(&fail)?;
        configure(&conn).map_err(&fail)?;
        let id = new_id();
        let created = schema::migrate(&mut conn, 0, &id).and_then(|()| {
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO manifest (id, json) VALUES (1, ?1)",
                params![manifest_json(manifest)],
            )?;
            // Every new project starts from the evaluation's codebook.
            coding::put_codes(&tx, &crate::coding::default_codebook().codes)?;
            tx.commit()
        });
        if let Err(e) = created {
            drop(conn);
            remove_project_files(path);
            return Err(fail(e));
        }
        drop(conn);
        Project::open(path)
    }

    /// Build a new project file from an evaluation folder (`atelier new P --from DIR`): every
    /// file its manifest names, stored with its SHA-256 (personal sources pseudonymised under
    /// the project's key, from `keys`), and each survey as understood. Refuses to overwrite;
    /// leaves no file behind when it fails or is cancelled.
    pub fn create_from_dir(
        path: &Path,
        dir: &Path,
        keys: &KeyRing,
        progress: &dyn Progress,
    ) -> Result<Project, StoreError> {
        let manifest = evaluation::read_manifest(dir)?;
        let mut project = Project::create(path, &manifest)?;
        let filled = project.fill_from_dir(dir, &manifest, keys, progress);
        match filled {
            Ok(()) => Ok(project),
            Err(e) => {
                drop(project);
                remove_project_files(path);
                Err(e)
            }
        }
    }

    fn fill_from_dir(
        &mut self,
        dir: &Path,
        manifest: &Manifest,
        keys: &KeyRing,
        progress: &dyn Progress,
    ) -> Result<(), StoreError> {
        let (key, _) = keys.key_for(&self.id);
        let mut others: Vec<&str> = Vec::new();
        for site in &manifest.sites {
            others.extend(site.notes.iter().map(|n| n.file.as_str()));
        }
        for extract in &manifest.cohort {
            others.push(&extract.file);
            others.extend(extract.events.as_deref());
        }
        let total = (manifest.sources.len() + others.len()).max(1) as f32;
        let read_file = |file: &str| {
            std::fs::read(dir.join(file)).map_err(|source| ImportError::Io {
                file: file.to_owned(),
                source,
            })
        };
        let fail = db_error(&self.path);
        let tx = self.conn.transaction().map_err(&fail)?;
        for (i, entry) in manifest.sources.iter().enumerate() {
            if progress.cancelled() {
                return Err(ImportError::Cancelled {
                    file: entry.file.clone(),
                }
                .into());
            }
            progress.report(i as f32 / total, &format!("Lecture de {}", entry.file));
            let bytes = read_file(&entry.file)?;
            let name = file_name(&entry.file);
            let raw = read::read_bytes(&name, &bytes, entry.sheet.as_deref(), &Silent)?;
            let survey = Survey::from_raw(raw, &key);
            put_source(&tx, &entry.file, &bytes, &survey).map_err(&fail)?;
        }
        for (i, file) in others.iter().enumerate() {
            if progress.cancelled() {
                return Err(ImportError::Cancelled {
                    file: (*file).to_owned(),
                }
                .into());
            }
            progress.report(
                (manifest.sources.len() + i) as f32 / total,
                &format!("Enregistrement de {file}"),
            );
            let bytes = read_file(file)?;
            tx.execute(
                "INSERT OR REPLACE INTO files (path, bytes, sha256, pseudonymised) VALUES (?1, ?2, ?3, 0)",
                params![file, bytes, sha256_hex(&bytes)],
            )
            .map_err(&fail)?;
        }
        // The folder's coding, when it has one, in place of the default codebook.
        let work = evaluation::read_coding(manifest, &read_file)?;
        if !work.codebook.codes.is_empty() {
            tx.execute("DELETE FROM codes", []).map_err(&fail)?;
        }
        put_coding_work(&tx, &work).map_err(&fail)?;
        tx.execute(
            "INSERT INTO journal (at, action) VALUES (datetime('now'), ?1)",
            params![format!("Projet créé à partir de {}", dir.display())],
        )
        .map_err(&fail)?;
        tx.commit().map_err(&fail)?;
        progress.report(1.0, "Projet créé");
        Ok(())
    }

    /// The project file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `Ok` when this process writes the project; else why it is read-only.
    pub fn access(&self) -> Result<(), ReadOnlyReason> {
        self.access
    }

    /// The project's id, which names its pseudonymisation key in the [`KeyRing`].
    pub fn id(&self) -> &str {
        &self.id
    }

    fn fail(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        db_error(&self.path)
    }

    fn has_table(&self, name: &str) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
                [name],
                |r| r.get(0),
            )
            .map_err(self.fail())
    }

    /// The manifest stored in the project.
    pub fn manifest(&self) -> Result<Manifest, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM manifest WHERE id = 1", [], |r| r.get(0))
            .optional()
            .map_err(self.fail())?;
        let json = json.ok_or_else(|| StoreError::NotAProject {
            file: self.path.display().to_string(),
            problem: "il ne contient pas d'évaluation".to_owned(),
        })?;
        Ok(evaluation::parse_manifest(
            &self.path.display().to_string(),
            &json,
        )?)
    }

    /// The bytes stored for a file of the evaluation.
    pub fn file(&self, path: &str) -> Result<Vec<u8>, ImportError> {
        stored_file(&self.conn, path).map(|(bytes, _)| bytes)
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
            .map_err(self.fail())
    }

    /// Whether any file is stored pseudonymised (a key has then been used).
    pub fn has_pseudonymised_files(&self) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM files WHERE pseudonymised = 1)",
                [],
                |r| r.get(0),
            )
            .map_err(self.fail())
    }

    /// Every stored correction: (source id, question id, correction).
    pub fn corrections(&self) -> Result<Vec<(String, String, Correction)>, StoreError> {
        let fail = self.fail();
        let mut stmt = self
            .conn
            .prepare(
                "SELECT source, question, kind, scale FROM corrections ORDER BY source, question",
            )
            .map_err(&fail)?;
        let rows = stmt
            .query_map([], |r| {
                let kind: Option<String> = r.get(2)?;
                let scale: Option<String> = r.get(3)?;
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, kind, scale))
            })
            .map_err(&fail)?;
        let mut out = Vec::new();
        for row in rows {
            let (source, question, kind, scale) = row.map_err(&fail)?;
            let kind = kind.and_then(|k| QuestionKind::ALL.into_iter().find(|q| q.id() == k));
            let scale = scale.and_then(|s| serde_json::from_str::<Vec<String>>(&s).ok());
            out.push((source, question, Correction { kind, scale }));
        }
        Ok(out)
    }

    /// The figures placed in monographs, in the order they were placed.
    pub fn figures(&self) -> Result<Vec<FigureRef>, StoreError> {
        if !self.has_table("figures")? {
            return Ok(Vec::new());
        }
        let fail = self.fail();
        let mut stmt = self
            .conn
            .prepare("SELECT qid, grouping, site FROM figures ORDER BY position")
            .map_err(&fail)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(FigureRef {
                    qid: r.get(0)?,
                    by: r.get(1)?,
                    site: r.get(2)?,
                })
            })
            .map_err(&fail)?;
        rows.collect::<Result<_, _>>().map_err(&fail)
    }

    /// The codebook (empty in a project older than coding).
    pub fn codebook(&self) -> Result<Codebook, StoreError> {
        if !self.has_table("codes")? {
            return Ok(Codebook::default());
        }
        coding::codebook(&self.conn).map_err(self.fail())
    }

    /// Every coding, in the order they were made.
    pub fn codings(&self) -> Result<Vec<Coding>, StoreError> {
        if !self.has_table("codings")? {
            return Ok(Vec::new());
        }
        coding::codings(&self.conn).map_err(self.fail())
    }

    /// Every memo.
    pub fn memos(&self) -> Result<std::collections::BTreeMap<MemoTarget, String>, StoreError> {
        if !self.has_table("memos")? {
            return Ok(Default::default());
        }
        coding::memos(&self.conn).map_err(self.fail())
    }

    /// Each site's monograph as the evaluator arranged it, by site id.
    pub fn monographs(&self) -> Result<std::collections::BTreeMap<String, Monograph>, StoreError> {
        if !self.has_table("monographs")? {
            return Ok(Default::default());
        }
        let fail = self.fail();
        let mut stmt = self
            .conn
            .prepare("SELECT site, json FROM monographs")
            .map_err(&fail)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(&fail)?;
        let mut out = std::collections::BTreeMap::new();
        for row in rows {
            let (site, json) = row.map_err(&fail)?;
            if let Ok(monograph) = serde_json::from_str(&json) {
                out.insert(site, monograph);
            }
        }
        Ok(out)
    }

    /// The project's monograph template (the default one until the evaluator changes it).
    pub fn template(&self) -> Result<Template, StoreError> {
        if !self.has_table("template")? {
            return Ok(crate::monograph::default_template());
        }
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM template WHERE id = 1", [], |r| r.get(0))
            .optional()
            .map_err(self.fail())?;
        Ok(json
            .and_then(|j| serde_json::from_str(&j).ok())
            .unwrap_or_else(crate::monograph::default_template))
    }

    /// The register: every figure published from this project, oldest first.
    pub fn register(&self) -> Result<Vec<PublishedFigure>, StoreError> {
        if !self.has_table("register")? {
            return Ok(Vec::new());
        }
        let fail = self.fail();
        let mut stmt = self
            .conn
            .prepare("SELECT at, qid, grouping, site, format, file FROM register ORDER BY seq")
            .map_err(&fail)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(PublishedFigure {
                    at: r.get(0)?,
                    figure: FigureRef {
                        qid: r.get(1)?,
                        by: r.get(2)?,
                        site: r.get(3)?,
                    },
                    format: r.get(4)?,
                    file: r.get(5)?,
                })
            })
            .map_err(&fail)?;
        rows.collect::<Result<_, _>>().map_err(&fail)
    }

    /// The journal: every change written, oldest first, with its time (UTC).
    pub fn journal(&self) -> Result<Vec<(String, String)>, StoreError> {
        if !self.has_table("journal")? {
            return Ok(Vec::new());
        }
        let fail = self.fail();
        let mut stmt = self
            .conn
            .prepare("SELECT at, action FROM journal ORDER BY seq")
            .map_err(&fail)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(&fail)?;
        rows.collect::<Result<_, _>>().map_err(&fail)
    }

    /// Read the evaluation stored in the project, with the evaluator's corrections applied.
    /// Surveys come from their snapshots; one without (an older project, another version of
    /// Atelier) is read from its stored file, and its snapshot written when the project is
    /// writable. `key` pseudonymises a personal value still in clear (there should be none).
    pub fn evaluation(
        &self,
        key: &PseudonymKey,
        progress: &dyn Progress,
    ) -> Result<Evaluation, StoreError> {
        let manifest = self.manifest()?;
        let snapshots = self.has_table("snapshots")?;
        // The database serves one reader at a time: fetch every source's bytes first, then
        // decode or read them on every core.
        let mut fetched = Vec::with_capacity(manifest.sources.len());
        for entry in &manifest.sources {
            if progress.cancelled() {
                return Err(ImportError::Cancelled {
                    file: entry.file.clone(),
                }
                .into());
            }
            let snapshot: Option<Vec<u8>> = if snapshots {
                self.conn
                    .query_row(
                        "SELECT bytes FROM snapshots WHERE path = ?1 AND format = ?2",
                        params![entry.file, snapshot::FORMAT],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(self.fail())?
            } else {
                None
            };
            let source = match snapshot {
                Some(bytes) => Fetched::Snapshot(bytes),
                None => {
                    let (bytes, pseudonymised) = stored_file(&self.conn, &entry.file)?;
                    Fetched::File(bytes, pseudonymised)
                }
            };
            fetched.push(std::sync::Mutex::new(Some(source)));
        }
        let total = manifest.sources.len().max(1) as f32;
        let done = std::sync::atomic::AtomicUsize::new(0);
        let reporting = std::sync::Mutex::new(());
        // `Ok(None)`: the snapshot could not be decoded; the stored file is read below.
        let understand = |i: usize| -> Result<Option<(Survey, bool)>, ImportError> {
            let entry = &manifest.sources[i];
            if progress.cancelled() {
                return Err(ImportError::Cancelled {
                    file: entry.file.clone(),
                });
            }
            {
                let _turn = reporting.lock();
                progress.report(
                    done.load(std::sync::atomic::Ordering::Relaxed) as f32 / total,
                    &format!("Ouverture de {}", entry.file),
                );
            }
            let taken = fetched[i].lock().ok().and_then(|mut slot| slot.take());
            let result = match taken {
                Some(Fetched::Snapshot(bytes)) => snapshot::decode(&bytes).ok().map(|s| (s, false)),
                Some(Fetched::File(bytes, pseudonymised)) => {
                    Some((read_survey(entry, &bytes, pseudonymised, key)?, true))
                }
                None => None,
            };
            done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(result)
        };
        let results = crate::parallel::each_index(
            "atelier-ouverture",
            manifest.sources.len(),
            |r: &Result<_, _>| r.is_err(),
            understand,
        );
        let mut surveys = Vec::with_capacity(manifest.sources.len());
        let mut fresh = Vec::new();
        for (entry, result) in manifest.sources.iter().zip(results) {
            let understood = match result {
                Some(result) => result?,
                None => None,
            };
            let (survey, is_fresh) = match understood {
                Some(found) => found,
                None => {
                    let (bytes, pseudonymised) = stored_file(&self.conn, &entry.file)?;
                    (read_survey(entry, &bytes, pseudonymised, key)?, true)
                }
            };
            if is_fresh {
                fresh.push(surveys.len());
            }
            surveys.push(survey);
        }
        if self.access.is_ok() && !fresh.is_empty() {
            // Best effort: without its snapshot, a survey is read from its file next time too.
            let _ = self.write_snapshots(&manifest, &surveys, &fresh);
        }
        let corrections = self.corrections()?;
        let mut sources: Vec<EvaluationSource> = manifest
            .sources
            .iter()
            .zip(surveys)
            .map(|(entry, survey)| evaluation::link_source(&manifest, entry.clone(), survey))
            .collect();
        for (source_id, question_id, correction) in corrections {
            if let Some(source) = sources.iter_mut().find(|s| s.entry.id == source_id)
                && let Some(index) = source
                    .survey
                    .questions
                    .iter()
                    .position(|q| q.id == question_id)
            {
                source.survey.correct(index, correction);
            }
        }
        let (notes, problems) = evaluation::read_notes(&manifest, &|file| self.file(file));
        let coding = CodingWork {
            codebook: self.codebook()?,
            codings: self.codings()?.into_iter().map(|c| (c.id, c)).collect(),
            memos: self.memos()?,
        };
        progress.report(1.0, "Projet ouvert");
        let mut evaluation = Evaluation {
            root: self
                .path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            manifest,
            sources,
            notes,
            problems,
            coding,
        };
        crate::coding::variables::refresh(&mut evaluation);
        Ok(evaluation)
    }

    fn write_snapshots(
        &self,
        manifest: &Manifest,
        surveys: &[Survey],
        which: &[usize],
    ) -> Result<(), StoreError> {
        let fail = self.fail();
        let tx = self.conn.unchecked_transaction().map_err(&fail)?;
        for &i in which {
            if let Ok(bytes) = snapshot::encode(&surveys[i]) {
                tx.execute(
                    "INSERT OR REPLACE INTO snapshots (path, format, bytes) VALUES (?1, ?2, ?3)",
                    params![manifest.sources[i].file, snapshot::FORMAT, bytes],
                )
                .map_err(&fail)?;
            }
        }
        tx.commit().map_err(&fail)
    }

    /// Write one change, in one transaction, with its line in the journal. On failure
    /// nothing is written and the project is as it was.
    pub fn write(&mut self, action: &str, edits: &[Edit<'_>]) -> Result<(), StoreError> {
        if let Err(reason) = self.access {
            return Err(StoreError::ReadOnly {
                file: self.path.display().to_string(),
                reason,
            });
        }
        let fail = db_error(&self.path);
        let tx = self.conn.transaction().map_err(&fail)?;
        for edit in edits {
            match edit {
                Edit::Manifest(manifest) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO manifest (id, json) VALUES (1, ?1)",
                        params![manifest_json(manifest)],
                    )
                    .map_err(&fail)?;
                }
                Edit::Correction {
                    source,
                    question,
                    correction,
                } => {
                    if **correction == Correction::default() {
                        tx.execute(
                            "DELETE FROM corrections WHERE source = ?1 AND question = ?2",
                            params![source, question],
                        )
                        .map_err(&fail)?;
                    } else {
                        let scale = correction
                            .scale
                            .as_ref()
                            .and_then(|s| serde_json::to_string(s).ok());
                        tx.execute(
                            "INSERT OR REPLACE INTO corrections (source, question, kind, scale) VALUES (?1, ?2, ?3, ?4)",
                            params![source, question, correction.kind.map(QuestionKind::id), scale],
                        )
                        .map_err(&fail)?;
                    }
                }
                Edit::PutCodes(codes) => coding::put_codes(&tx, codes).map_err(&fail)?,
                Edit::DeleteCodes(ids) => coding::delete_codes(&tx, ids).map_err(&fail)?,
                Edit::PutCodings(codings) => coding::put_codings(&tx, codings).map_err(&fail)?,
                Edit::DeleteCodings(ids) => coding::delete_codings(&tx, ids).map_err(&fail)?,
                Edit::Memo(target, text) => coding::put_memo(&tx, target, text).map_err(&fail)?,
                Edit::Monograph(monograph) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO monographs (site, json) VALUES (?1, ?2)",
                        params![
                            monograph.site,
                            serde_json::to_string(monograph).unwrap_or_default()
                        ],
                    )
                    .map_err(&fail)?;
                }
                Edit::Template(template) => {
                    tx.execute(
                        "INSERT OR REPLACE INTO template (id, json) VALUES (1, ?1)",
                        params![serde_json::to_string(template).unwrap_or_default()],
                    )
                    .map_err(&fail)?;
                }
                Edit::Published(published) => {
                    for p in published.iter() {
                        tx.execute(
                            "INSERT INTO register (at, qid, grouping, site, format, file) \
                             VALUES (datetime('now'), ?1, ?2, ?3, ?4, ?5)",
                            params![p.figure.qid, p.figure.by, p.figure.site, p.format, p.file],
                        )
                        .map_err(&fail)?;
                    }
                }
                Edit::Figures(figures) => {
                    tx.execute("DELETE FROM figures", []).map_err(&fail)?;
                    for (position, figure) in figures.iter().enumerate() {
                        tx.execute(
                            "INSERT INTO figures (position, qid, grouping, site) VALUES (?1, ?2, ?3, ?4)",
                            params![position as i64, figure.qid, figure.by, figure.site],
                        )
                        .map_err(&fail)?;
                    }
                }
            }
        }
        tx.execute(
            "INSERT INTO journal (at, action) VALUES (datetime('now'), ?1)",
            params![action],
        )
        .map_err(&fail)?;
        tx.commit().map_err(&fail)
    }

    /// Remove what no longer belongs to the evaluation: files its manifest does not name
    /// (sources removed, older waves replaced: kept until now so that undo could bring
    /// them back), their snapshots, and corrections of sources that are gone.
    fn collect_garbage(&self) -> Result<(), StoreError> {
        let Ok(manifest) = self.manifest() else {
            return Ok(());
        };
        let mut named: HashSet<&str> = HashSet::new();
        for source in &manifest.sources {
            named.insert(&source.file);
        }
        for site in &manifest.sites {
            named.extend(site.notes.iter().map(|n| n.file.as_str()));
        }
        for extract in &manifest.cohort {
            named.insert(&extract.file);
            named.extend(extract.events.as_deref());
        }
        let ids: HashSet<&str> = manifest.sources.iter().map(|s| s.id.as_str()).collect();
        let fail = self.fail();
        let stored: Vec<String> = {
            let mut stmt = self.conn.prepare("SELECT path FROM files").map_err(&fail)?;
            let rows = stmt.query_map([], |r| r.get(0)).map_err(&fail)?;
            rows.collect::<Result<_, _>>().map_err(&fail)?
        };
        let sources: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("SELECT DISTINCT source FROM corrections")
                .map_err(&fail)?;
            let rows = stmt.query_map([], |r| r.get(0)).map_err(&fail)?;
            rows.collect::<Result<_, _>>().map_err(&fail)?
        };
        let stale: Vec<&String> = stored
            .iter()
            .filter(|p| !named.contains(p.as_str()))
            .collect();
        let gone: Vec<&String> = sources
            .iter()
            .filter(|s| !ids.contains(s.as_str()))
            .collect();
        if stale.is_empty() && gone.is_empty() {
            return Ok(());
        }
        let tx = self.conn.unchecked_transaction().map_err(&fail)?;
        for path in stale {
            tx.execute("DELETE FROM files WHERE path = ?1", [path])
                .map_err(&fail)?;
            tx.execute("DELETE FROM snapshots WHERE path = ?1", [path])
                .map_err(&fail)?;
        }
        for source in gone {
            tx.execute("DELETE FROM corrections WHERE source = ?1", [source])
                .map_err(&fail)?;
        }
        tx.commit().map_err(&fail)
    }

    /// Limit the file to `pages` database pages, as a full disk would (for tests of a full
    /// disk, which cannot be made on demand).
    pub fn limit_size_for_tests(&self, pages: u32) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "max_page_count", pages)
            .map_err(self.fail())
    }

    /// How many pages the file has now.
    pub fn page_count(&self) -> Result<u32, StoreError> {
        self.conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .map_err(self.fail())
    }
}

/// What was fetched of a source from the database before it is understood.
enum Fetched {
    Snapshot(Vec<u8>),
    File(Vec<u8>, bool),
}

/// Read and understand a source's stored bytes.
fn read_survey(
    entry: &crate::model::manifest::SourceEntry,
    bytes: &[u8],
    pseudonymised: bool,
    key: &PseudonymKey,
) -> Result<Survey, ImportError> {
    let name = stored_name(&entry.file, pseudonymised);
    let raw = read::read_bytes(&name, bytes, entry.sheet.as_deref(), &Silent)?;
    Ok(Survey::from_raw(raw, key))
}

/// The name a stored file is read under: a pseudonymised source is stored as CSV.
fn stored_name(path: &str, pseudonymised: bool) -> String {
    let name = file_name(path);
    if pseudonymised && !name.to_ascii_lowercase().ends_with(".csv") {
        format!("{name}.csv")
    } else {
        name
    }
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// A stored file's bytes and whether it is a pseudonymised copy.
fn stored_file(conn: &Connection, path: &str) -> Result<(Vec<u8>, bool), ImportError> {
    conn.query_row(
        "SELECT bytes, pseudonymised FROM files WHERE path = ?1",
        params![path],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
    .map_err(|e| ImportError::malformed(path, e.to_string()))?
    .ok_or_else(|| ImportError::malformed(path, "absent du projet"))
}

/// Store a whole coding work: codebook, codings, memos.
fn put_coding_work(tx: &rusqlite::Transaction<'_>, work: &CodingWork) -> rusqlite::Result<()> {
    coding::put_codes(tx, &work.codebook.codes)?;
    let codings: Vec<Coding> = work.codings.values().cloned().collect();
    coding::put_codings(tx, &codings)?;
    for (target, text) in &work.memos {
        coding::put_memo(tx, target, text)?;
    }
    Ok(())
}

/// Store a source's bytes (pseudonymised when it holds personal columns) and its snapshot.
fn put_source(
    conn: &Connection,
    path: &str,
    original: &[u8],
    survey: &Survey,
) -> rusqlite::Result<()> {
    let sha = sha256_hex(original);
    let (stored, pseudonymised) = if survey.plan.personal.is_empty() {
        (std::borrow::Cow::Borrowed(original), false)
    } else {
        (std::borrow::Cow::Owned(pseudonymised_csv(survey)), true)
    };
    conn.execute(
        "INSERT OR REPLACE INTO files (path, bytes, sha256, pseudonymised) VALUES (?1, ?2, ?3, ?4)",
        params![path, stored.as_ref(), sha, pseudonymised],
    )?;
    if let Ok(bytes) = snapshot::encode(survey) {
        conn.execute(
            "INSERT OR REPLACE INTO snapshots (path, format, bytes) VALUES (?1, ?2, ?3)",
            params![path, snapshot::FORMAT, bytes],
        )?;
    }
    Ok(())
}

/// Store a survey file in a project, under a path no other file has, ready for a manifest
/// entry to name it ([`Edit::Manifest`]). Runs on its own connection, so that a background
/// import writes the file's bytes and snapshot while the window goes on; until a manifest
/// names it, the file is removed when the project next opens.
pub fn store_source(
    project: &Path,
    file_name_hint: &str,
    original: &[u8],
    survey: &Survey,
) -> Result<StoredSource, StoreError> {
    let fail = db_error(project);
    let conn = Connection::open_with_flags(
        project,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(&fail)?;
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(&fail)?;
    configure(&conn).map_err(&fail)?;
    let tx = conn.unchecked_transaction().map_err(&fail)?;
    let taken = |path: &str| -> rusqlite::Result<bool> {
        tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM files WHERE path = ?1)",
            [path],
            |r| r.get(0),
        )
    };
    let base = file_name(file_name_hint);
    let (stem, extension) = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem.to_owned(), format!(".{ext}")),
        _ => (base.clone(), String::new()),
    };
    let mut path = base.clone();
    let mut k = 2;
    while taken(&path).map_err(&fail)? {
        path = format!("{stem}-{k}{extension}");
        k += 1;
    }
    put_source(&tx, &path, original, survey).map_err(&fail)?;
    tx.commit().map_err(&fail)?;
    Ok(StoredSource {
        file: path,
        sha256: sha256_hex(original),
    })
}

/// A second, read-only connection to a project, for work on another thread (the cohort
/// figures, a copy) while the window keeps the first.
pub struct Reader {
    conn: Connection,
}

impl Reader {
    /// Open `project` for reading.
    pub fn open(project: &Path) -> Result<Reader, StoreError> {
        let fail = db_error(project);
        let conn = Connection::open_with_flags(
            project,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .or_else(|_| {
            Connection::open_with_flags(
                format!("file:{}?mode=ro&immutable=1", uri_path(project)),
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        })
        .map_err(&fail)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(&fail)?;
        Ok(Reader { conn })
    }

    /// The bytes stored for a file of the evaluation.
    pub fn file(&self, path: &str) -> Result<Vec<u8>, ImportError> {
        stored_file(&self.conn, path).map(|(bytes, _)| bytes)
    }

    /// Copy the whole project, compacted, to a new file `dest` (which must not exist).
    pub fn copy_to(&self, dest: &Path) -> Result<(), StoreError> {
        if dest.exists() {
            return Err(StoreError::Exists {
                file: dest.display().to_string(),
            });
        }
        let target = dest.to_string_lossy().into_owned();
        let copied = self.conn.execute("VACUUM INTO ?1", [target]);
        if let Err(e) = copied {
            remove_project_files(dest);
            return Err(db_error(dest)(e));
        }
        Ok(())
    }
}

/// The schema version of a project this build can read; refuses a file that is not a
/// project, and a project written by a newer Atelier.
fn known_version(conn: &Connection, path: &Path) -> Result<i64, StoreError> {
    let file = path.display().to_string();
    let version = schema::version(conn).map_err(db_error(path))?;
    if version == 0 {
        return Err(StoreError::NotAProject {
            file,
            problem: "une base SQLite sans les tables d'Atelier".to_owned(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            file,
            found: version,
        });
    }
    Ok(version)
}

/// The project's connection settings: write-ahead log, every commit on disk before it
/// returns, foreign keys.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(10))
}

/// A path as a SQLite URI's path: `%`, `?` and `#` escaped.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

/// Refuse a folder, and, by its first bytes, a file that is not a SQLite database.
fn check_header(path: &Path) -> Result<(), StoreError> {
    use std::io::Read as _;
    let file = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|source| ImportError::Io {
        file: file.clone(),
        source,
    })?;
    if meta.is_dir() {
        return Err(ImportError::malformed(&file, "c'est un dossier, pas un projet").into());
    }
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|source| ImportError::Io {
            file: file.clone(),
            source,
        })?;
    if read < 16 || &head != b"SQLite format 3\0" {
        return Err(StoreError::NotAProject {
            file,
            problem: if read == 0 {
                "le fichier est vide".to_owned()
            } else {
                "ce n'est pas une base SQLite".to_owned()
            },
        });
    }
    Ok(())
}

/// Delete a project file and its companions (write-ahead log, index, lock).
fn remove_project_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal", "-lock"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

fn manifest_json(manifest: &Manifest) -> String {
    // A manifest is plain strings and numbers: serialising it cannot fail.
    serde_json::to_string_pretty(manifest).unwrap_or_default()
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

/// Open what a command-line `PATH` names, to read it and write nothing: a project file, a
/// folder holding `atelier.json`, or a single survey export.
pub fn open_any(path: &Path, progress: &dyn Progress) -> Result<Evaluation, StoreError> {
    if is_project_file(path) {
        let project = Project::open_for_reading(path)?;
        // A value still in clear would get a pseudonym under a key used once: reading
        // writes nothing, not even a key.
        return project.evaluation(&crate::model::PseudonymKey::random(), progress);
    }
    if path.is_dir() && !path.join(MANIFEST_FILE).is_file() {
        return Err(ImportError::malformed(
            &path.display().to_string(),
            format!("ce dossier ne contient pas de {MANIFEST_FILE}"),
        )
        .into());
    }
    Ok(evaluation::open_path(path, progress)?)
}
