//! Helpers shared by the integration tests.

// Each test binary uses the helpers it needs.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs the `atelier` binary with `args`, asserts that it succeeds (showing what it said on
/// stderr otherwise) and returns what it printed, read as JSON.
pub fn atelier_json<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> serde_json::Value {
    let args: Vec<S> = args.into_iter().collect();
    let shown: Vec<String> = args
        .iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned())
        .collect();
    let out = match Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(&args)
        .output()
    {
        Ok(out) => out,
        Err(e) => panic!("atelier {shown:?} does not run: {e}"),
    };
    assert!(
        out.status.success(),
        "atelier {shown:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    match serde_json::from_slice(&out.stdout) {
        Ok(json) => json,
        Err(e) => panic!("atelier {shown:?} printed no JSON: {e}"),
    }
}

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
