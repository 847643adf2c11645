//! Where Atelier keeps what is the user's rather than a project's: the projects of the
//! bundled sample and of loose files (the data folder), the pseudonymisation keys, the
//! recent projects and the preferences (the configuration folder).
//!
//! On Linux these are `~/.local/share/atelier` and `~/.config/atelier` (or what
//! `XDG_DATA_HOME` and `XDG_CONFIG_HOME` say); on Windows and macOS, their usual places.
//! Tests give their own folders ([`Places::at`]).

use std::path::{Path, PathBuf};

use crate::model::MANIFEST_FILE;
use crate::store::KeyRing;

/// The user's folders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Places {
    /// Projects Atelier makes on the user's behalf (the sample's, loose files').
    pub data: PathBuf,
    /// Keys, recent projects, preferences.
    pub config: PathBuf,
}

impl Places {
    /// The user's folders, as the operating system names them; `None` without a home.
    pub fn for_user() -> Option<Places> {
        let dirs = directories::ProjectDirs::from("fr", "Atelier", "Atelier")?;
        Some(Places {
            data: dirs.data_dir().to_path_buf(),
            config: dirs.config_dir().to_path_buf(),
        })
    }

    /// Folders under `root` (for tests, and for a machine without a home folder).
    pub fn at(root: &Path) -> Places {
        Places {
            data: root.join("donnees"),
            config: root.join("configuration"),
        }
    }

    /// The projects' pseudonymisation keys.
    pub fn keys(&self) -> KeyRing {
        KeyRing::at(self.config.join("cles"))
    }

    /// The bundled sample's project: the sample folder itself is never written.
    pub fn sample_project(&self) -> PathBuf {
        self.data.join("echantillon.atelier")
    }

    /// The list of recent projects.
    pub fn recent_file(&self) -> PathBuf {
        self.config.join("projets-recents.txt")
    }

    /// The user's preferences (the coder's name).
    pub fn preferences_file(&self) -> PathBuf {
        self.config.join("preferences.json")
    }

    /// The project that belongs to an evaluation folder or a loose survey file: the
    /// bundled sample's in the data folder; a folder's inside it (`DIR/DIR.atelier`) when
    /// it can be written, else in the data folder; a loose file's in the data folder (a
    /// project for a quick look, which « Enregistrer sous… » puts anywhere). The same folder
    /// or file always gives the same project, so that work done on it is found again.
    pub fn project_for(&self, opened: &Path) -> PathBuf {
        let canonical = std::fs::canonicalize(opened).unwrap_or_else(|_| opened.to_path_buf());
        if is_bundled_sample(&canonical) {
            return self.sample_project();
        }
        let stem = canonical
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "projet".to_owned());
        if canonical.is_dir() && is_writable_folder(&canonical) {
            return canonical.join(format!("{stem}.atelier"));
        }
        let tag = &crate::store::sha256_hex(canonical.to_string_lossy().as_bytes())[..8];
        self.data
            .join("projets")
            .join(format!("{stem}-{tag}.atelier"))
    }
}

/// Whether a file can be made in `dir` (tried, then removed).
fn is_writable_folder(dir: &Path) -> bool {
    let probe = dir.join(format!(".atelier-essai-{}", std::process::id()));
    let made = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .is_ok();
    if made {
        let _ = std::fs::remove_file(&probe);
    }
    made
}

/// The bundled sample evaluation: `sample_surveys/` in the working folder, beside the
/// program (or two levels up, as `target/release/` sits in a checkout), or in the source
/// tree the program was built from.
pub fn bundled_sample() -> Option<PathBuf> {
    let mut candidates = vec![PathBuf::from("sample_surveys")];
    if let Ok(exe) = std::env::current_exe() {
        for dir in exe.ancestors().skip(1).take(3) {
            candidates.push(dir.join("sample_surveys"));
        }
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys"));
    candidates
        .into_iter()
        .find(|c| c.join(MANIFEST_FILE).is_file())
}

/// Whether `dir` (canonical) is the bundled sample folder.
pub fn is_bundled_sample(dir: &Path) -> bool {
    bundled_sample()
        .and_then(|s| std::fs::canonicalize(s).ok())
        .is_some_and(|s| s == dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_never_written_in_place() {
        let root = std::env::temp_dir().join(format!("atelier-places-{}", std::process::id()));
        let places = Places::at(&root);
        let sample = bundled_sample().unwrap();
        let project = places.project_for(&sample);
        assert_eq!(project, places.sample_project());
        assert!(project.starts_with(&places.data));
    }

    #[test]
    fn a_folder_keeps_its_project_inside_and_a_loose_file_in_the_data_folder() {
        let root = std::env::temp_dir().join(format!("atelier-places-b-{}", std::process::id()));
        let folder = root.join("evaluation");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("export.csv"), "a\n1\n").unwrap();
        let places = Places::at(&root.join("utilisateur"));
        let canonical = std::fs::canonicalize(&folder).unwrap();
        assert_eq!(
            places.project_for(&folder),
            canonical.join("evaluation.atelier")
        );
        let loose = places.project_for(&folder.join("export.csv"));
        assert!(loose.starts_with(places.data.join("projets")));
        assert_eq!(loose, places.project_for(&folder.join("export.csv")));
        let _ = std::fs::remove_dir_all(&root);
    }
}
