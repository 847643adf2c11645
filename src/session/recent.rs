//! The projects opened lately, most recent first, remembered between runs (« Ouvrir un
//! projet récent »; the workbench reopens the first).

use std::path::{Path, PathBuf};

use super::places::Places;

/// How many projects the list keeps.
pub const KEPT: usize = 8;

/// The recent projects that still exist, most recent first.
pub fn list(places: &Places) -> Vec<PathBuf> {
    std::fs::read_to_string(places.recent_file())
        .unwrap_or_default()
        .lines()
        .map(|line| PathBuf::from(line.trim()))
        .filter(|path| !path.as_os_str().is_empty() && path.is_file())
        .take(KEPT)
        .collect()
}

/// Put `project` first in the list (best effort: a read-only home is fine).
pub fn remember(places: &Places, project: &Path) {
    let Ok(absolute) = std::fs::canonicalize(project) else {
        return;
    };
    let mut projects = list(places);
    projects.retain(|p| std::fs::canonicalize(p).ok().as_ref() != Some(&absolute));
    projects.insert(0, absolute);
    projects.truncate(KEPT);
    let text: String = projects
        .iter()
        .map(|p| format!("{}\n", p.display()))
        .collect();
    if let Some(dir) = places.recent_file().parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(places.recent_file(), text);
}

/// What the workbench opens when no path is given: the last project, else the bundled
/// sample.
pub fn default_path(places: &Places) -> Option<PathBuf> {
    list(places)
        .into_iter()
        .next()
        .or_else(super::places::bundled_sample)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_opened_comes_first_once() {
        let root = std::env::temp_dir().join(format!("atelier-recents-{}", std::process::id()));
        let places = Places::at(&root);
        std::fs::create_dir_all(&root).unwrap();
        let a = root.join("a.atelier");
        let b = root.join("b.atelier");
        std::fs::write(&a, "").unwrap();
        std::fs::write(&b, "").unwrap();
        remember(&places, &a);
        remember(&places, &b);
        remember(&places, &a);
        let listed = list(&places);
        assert_eq!(listed.len(), 2);
        assert!(listed[0].ends_with("a.atelier"));
        std::fs::remove_file(&b).unwrap();
        assert_eq!(list(&places).len(), 1, "a project gone is not offered");
        let _ = std::fs::remove_dir_all(&root);
    }
}
