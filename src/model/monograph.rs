//! The evaluator's work on the monographs: the template every site's monograph follows (its
//! sections and the codes that feed each), and, per site, what the evaluator made of it:
//! their own text (never overwritten), the quotes kept, dropped or reordered, the blocks
//! moved, dropped or pinned as they were, and what each block said at the last export.

use serde::{Deserialize, Serialize};

use super::coding::CodeId;
use super::placed::FigureRef;

/// The sections a monograph follows, editable per project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// The sections, in order.
    pub sections: Vec<TemplateSection>,
}

/// One section of the template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSection {
    /// Stable id (`contexte`, `accompagnement`…).
    pub id: String,
    /// Its heading.
    pub title: String,
    /// What the evaluator writes there (a hint shown in the empty text).
    #[serde(default)]
    pub hint: String,
    /// The codes whose passages feed it, by name (names survive codebook exchanges).
    #[serde(default)]
    pub codes: Vec<String>,
    /// What is generated there besides quotes.
    #[serde(default)]
    pub generated: Vec<Generated>,
}

/// A block the template asks to generate in a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Generated {
    /// The visit sheet: dates, roles met, partners, documents.
    VisitSheet,
    /// The site's survey results beside its network's.
    Surveys,
    /// The site's cohort indicators beside its network's.
    Cohort,
    /// The figures placed from Graphiques for this site.
    PlacedFigures,
}

/// One site's monograph as the evaluator made it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Monograph {
    /// The site's id.
    pub site: String,
    /// The sections, in the template's order (a section the state lacks is shown as the
    /// template gives it).
    pub sections: Vec<SectionState>,
    /// When the monograph was last exported (ISO 8601, UTC), if ever.
    #[serde(default)]
    pub exported_at: Option<String>,
    /// What each block said at the last export (a digest), by block ([`BlockKind::key`]).
    #[serde(default)]
    pub exported: std::collections::BTreeMap<String, String>,
}

/// One section of a site's monograph.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionState {
    /// The template section's id.
    pub id: String,
    /// The evaluator's own text.
    #[serde(default)]
    pub text: String,
    /// The blocks, in the evaluator's order; `None` while the section follows the template.
    #[serde(default)]
    pub blocks: Option<Vec<BlockState>>,
}

/// A generated block of a section, as the evaluator arranged it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockState {
    /// What it shows.
    pub kind: BlockKind,
    /// Dropped from the document (kept here so that it can come back).
    #[serde(default)]
    pub dropped: bool,
    /// Pinned: the block as it was when pinned, shown instead of its fresh version.
    #[serde(default)]
    pub pinned: Option<String>,
}

impl BlockKind {
    /// What identifies the block whatever the evaluator arranged in it (for quotes, the code).
    pub fn key(&self) -> String {
        match self {
            BlockKind::VisitSheet => "visite".to_owned(),
            BlockKind::Quotes { code, .. } => format!("citations:{}", code.0),
            BlockKind::Survey { qid } => format!("enquete:{qid}"),
            BlockKind::Cohort => "cohorte".to_owned(),
            BlockKind::Figure(f) => format!(
                "figure:{}:{}:{}",
                f.qid,
                f.by.as_deref().unwrap_or(""),
                f.site.as_deref().unwrap_or("")
            ),
        }
    }
}

/// What a generated block shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The visit sheet.
    VisitSheet,
    /// The site's passages coded with one code; `order` lists the codings kept, in the
    /// evaluator's order (`None`: every passage, in coding order), `dropped` those set aside.
    Quotes {
        /// The code.
        code: CodeId,
        /// The codings kept, in order, once the evaluator chose.
        #[serde(default)]
        order: Option<Vec<u64>>,
        /// Codings set aside.
        #[serde(default)]
        dropped: Vec<u64>,
    },
    /// A question's results for the site beside its network's.
    Survey {
        /// `SOURCE.QUESTION`.
        qid: String,
    },
    /// The site's cohort indicators beside its network's.
    Cohort,
    /// A figure placed from Graphiques.
    Figure(FigureRef),
}
