//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// A fresh, empty folder under Cargo's temporary folder for tests (inside `target/`), named
/// `{prefix}-{pid}-{name}`; folders with this prefix left by runs more than an hour old are
/// removed.
pub fn temp_dir(prefix: &str, name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for entry in std::fs::read_dir(root).into_iter().flatten().flatten() {
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if stale
            && entry
                .file_name()
                .to_string_lossy()
                .starts_with(&format!("{prefix}-"))
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let dir = root.join(format!("{prefix}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("{}: {e}", dir.display());
    }
    dir
}
