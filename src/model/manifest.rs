//! The evaluation manifest (`atelier.json`): what the evaluation holds and how it fits
//! together. Documented for evaluators in `docs/manifest.md`.

use serde::{Deserialize, Serialize};

/// An evaluation as its manifest describes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The evaluation's title.
    pub title: String,
    /// A sentence or two about it.
    #[serde(default)]
    pub description: String,
    /// Cells under this count are suppressed in exports (3, 5 or 11).
    #[serde(default)]
    pub disclosure_threshold: Threshold,
    /// Respondent groups (one per questionnaire, usually).
    #[serde(default)]
    pub groups: Vec<Group>,
    /// Survey exports and interview grids.
    #[serde(default)]
    pub sources: Vec<SourceEntry>,
    /// Visited sites, with their notes.
    #[serde(default)]
    pub sites: Vec<SiteEntry>,
    /// Administrative cohort extracts.
    #[serde(default)]
    pub cohort: Vec<CohortExtract>,
    /// The evaluator's coding kept beside the evaluation (a JSON file: codebook, codings,
    /// memos), read when the folder is opened and copied into a project made from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coding: Option<String>,
}

/// The disclosure threshold of a project: a count under it is never published. Only the
/// profiles statistical offices use are allowed (3, 5 or 11; 5 unless the project says
/// otherwise), so that no figure is ever published under a threshold of 0 or 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Threshold(u32);

impl Threshold {
    /// The thresholds a project may choose, as offered in Préférences.
    pub const CHOICES: [Threshold; 3] = [Threshold(3), Threshold(5), Threshold(11)];

    /// The count under which cells are hidden.
    pub fn get(self) -> u32 {
        self.0
    }

    /// How the choice reads in Préférences.
    pub fn label(self) -> String {
        format!(
            "{} (cases de moins de {} répondants masquées)",
            self.0, self.0
        )
    }
}

impl std::fmt::Display for Threshold {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold(5)
    }
}

impl TryFrom<u32> for Threshold {
    type Error = String;

    fn try_from(value: u32) -> Result<Self, Self::Error> {
        Threshold::CHOICES
            .into_iter()
            .find(|t| t.0 == value)
            .ok_or_else(|| format!("seuil de secret statistique {value} refusé (3, 5 ou 11)"))
    }
}

impl From<Threshold> for u32 {
    fn from(threshold: Threshold) -> u32 {
        threshold.0
    }
}

/// A group of respondents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Stable id, e.g. `conseillers_pe`.
    pub id: String,
    /// Name shown to people, e.g. « Conseillers Pôle emploi ».
    pub label: String,
    /// `"PE"` or `"ML"` (empty when the group spans both).
    #[serde(default)]
    pub network: String,
    /// The respondents' role: `directeur`, `conseiller`, `jeune`, `employeur`.
    #[serde(default)]
    pub role: String,
}

/// One survey export or interview grid.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceEntry {
    /// Stable id, the `SOURCE` part of a `SOURCE.QUESTION` id.
    pub id: String,
    /// Path relative to the manifest.
    pub file: String,
    /// The respondent group's id.
    pub group: String,
    /// `"PE"` or `"ML"` (empty when mixed).
    #[serde(default)]
    pub network: String,
    /// The respondents' role.
    #[serde(default)]
    pub role: String,
    /// `survey` (a questionnaire) or `interviews` (an interview grid).
    #[serde(default = "default_kind")]
    pub kind: String,
    /// The sheet to read in a workbook (default: the first non-empty one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The question naming the respondent's structure (its text, or its id), used to link
    /// respondents to sites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_question: Option<String>,
}

fn default_kind() -> String {
    "survey".to_owned()
}

/// A visited site.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SiteEntry {
    /// Stable id, e.g. `pe_lille`.
    pub id: String,
    /// The structure's name, as respondents write it.
    pub name: String,
    /// `"PE"` or `"ML"`.
    pub network: String,
    /// Region.
    #[serde(default)]
    pub region: String,
    /// Département.
    #[serde(default)]
    pub departement: String,
    /// Date of the visit (ISO 8601).
    #[serde(default)]
    pub visit_date: String,
    /// Actors met (roles).
    #[serde(default)]
    pub actors_met: Vec<String>,
    /// Partners interviewed.
    #[serde(default)]
    pub partners: Vec<String>,
    /// Other spellings of the name found in answers and extracts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The visit's notes.
    #[serde(default)]
    pub notes: Vec<NoteEntry>,
}

/// One document of site-visit notes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NoteEntry {
    /// Path relative to the manifest (`.md`, `.txt` or `.docx`).
    pub file: String,
    /// Title, e.g. « Entretien avec la directrice ».
    pub title: String,
    /// Date of the interview or observation (ISO 8601).
    #[serde(default)]
    pub date: String,
    /// Roles met.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// An administrative cohort extract.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CohortExtract {
    /// `"PE"` or `"ML"`.
    pub network: String,
    /// One row per young person, path relative to the manifest.
    pub file: String,
    /// One row per event (interview, workshop, referral, work period), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<String>,
}
