//! The user's preferences, kept in their configuration folder (not in a project): the name
//! they code under.

use serde::{Deserialize, Serialize};

use super::places::Places;

/// What the user chose in Préférences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    /// The name every coding of theirs carries.
    #[serde(default = "default_coder")]
    pub coder: String,
}

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            coder: default_coder(),
        }
    }
}

/// The coder's name before one is chosen: the system user's, else « Codeur ».
pub fn default_coder() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|n| !n.trim().is_empty() && n != "root")
        .unwrap_or_else(|| "Codeur".to_owned())
}

/// The preferences kept, or the defaults.
pub fn load(places: &Places) -> Preferences {
    std::fs::read_to_string(places.preferences_file())
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Keep the preferences; the error is one line to show.
pub fn save(places: &Places, preferences: &Preferences) -> Result<(), String> {
    let file = places.preferences_file();
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let text = serde_json::to_string_pretty(preferences).unwrap_or_default();
    std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))
}
