//! The projects' pseudonymisation keys, kept in the user's configuration folder and never in
//! a project file.
//!
//! A project names its key by the project's id. With its key, a file added later gives a
//! person already met the same pseudonym; the project file alone cannot be used to test
//! guesses (hash a phone number, compare). Each key is a file readable by the user alone
//! (mode 0600 in a 0700 folder on Unix).
//!
//! A lost key (another computer, a cleaned profile) loses nothing already imported:
//! stored pseudonyms stay as they are. Only files added afterwards get a new key, so a
//! person met before and again in a new file gets two pseudonyms.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::model::PseudonymKey;

/// Where the keys are kept.
#[derive(Clone, Debug)]
pub struct KeyRing {
    dir: PathBuf,
}

/// Whether a project's key was found or had to be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyStatus {
    /// The key the project's pseudonyms were made with.
    Found,
    /// No key was kept for this project: a new one was made (and kept).
    Created,
}

impl KeyRing {
    /// The keys in `dir` (`<configuration folder>/cles`).
    pub fn at(dir: impl Into<PathBuf>) -> KeyRing {
        KeyRing { dir: dir.into() }
    }

    fn file(&self, project_id: &str) -> PathBuf {
        // Ids are hex made by the store; anything else cannot name a file outside the folder.
        let safe: String = project_id
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        self.dir.join(format!("{safe}.cle"))
    }

    /// The key of a project, made and kept if there is none yet (or it cannot be read).
    /// When it cannot be kept (a read-only profile), the key still serves this session.
    pub fn key_for(&self, project_id: &str) -> (PseudonymKey, KeyStatus) {
        let file = self.file(project_id);
        if let Some(key) = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| PseudonymKey::from_hex(&text))
        {
            return (key, KeyStatus::Found);
        }
        let key = crate::model::PseudonymKey::random();
        let _ = write_private(&self.dir, &file, &key.to_hex());
        (key, KeyStatus::Created)
    }

    /// Whether a key is kept for this project.
    pub fn has_key(&self, project_id: &str) -> bool {
        self.file(project_id).is_file()
    }
}

/// Write `text` to `file`, readable and writable by the user alone.
fn write_private(dir: &Path, file: &Path, text: &str) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut handle = options.open(file)?;
    handle.write_all(text.as_bytes())?;
    handle.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_then_found_and_only_its_owner_reads_it() {
        let dir = std::env::temp_dir().join(format!("atelier-cles-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let ring = KeyRing::at(&dir);
        let (made, status) = ring.key_for("0a1b2c");
        assert_eq!(status, KeyStatus::Created);
        let (found, status) = ring.key_for("0a1b2c");
        assert_eq!(status, KeyStatus::Found);
        assert_eq!(found, made);
        assert_ne!(ring.key_for("ffff").0, made);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(ring.file("0a1b2c"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "the key file is the user's alone");
        }
        // An id cannot lead out of the folder.
        assert_eq!(ring.file("../../etc/x").parent(), Some(dir.as_path()));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
