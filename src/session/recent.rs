//! The last evaluation opened, remembered between runs, and the bundled sample to fall
//! back on.

use std::path::{Path, PathBuf};

/// Where the path of the last evaluation opened is kept.
fn recent_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("atelier").join("dernier-projet.txt"))
}

/// Remember `path` as the last evaluation opened (best effort: a read-only home is fine).
pub fn remember(path: &Path) {
    let Some(file) = recent_file() else { return };
    let Ok(absolute) = std::fs::canonicalize(path) else {
        return;
    };
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(file, absolute.to_string_lossy().as_bytes());
}

/// The last evaluation opened, if it still exists.
pub fn last() -> Option<PathBuf> {
    let text = std::fs::read_to_string(recent_file()?).ok()?;
    let path = PathBuf::from(text.trim());
    path.exists().then_some(path)
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
        .find(|c| c.join(crate::import::evaluation::MANIFEST_FILE).is_file())
}

/// What the workbench opens when no path is given: the last evaluation, else the sample.
pub fn default_path() -> Option<PathBuf> {
    last().or_else(bundled_sample)
}
