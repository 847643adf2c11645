//! What the evaluator placed in monographs from Graphiques: a question cut one way for one
//! site, and the register of what was published. The figure itself is computed again from
//! the data whenever it is shown.

use serde::{Deserialize, Serialize};

/// A figure placed in a monograph: which question, cut how, for which site.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureRef {
    /// `SOURCE.QUESTION`.
    pub qid: String,
    /// The grouping (`group`, `network`, `site`, `region`, or a question id).
    pub by: Option<String>,
    /// The visited site's id.
    pub site: Option<String>,
}

/// A figure the project has published (a chart or table exported, a monograph written):
/// the register a statistical office keeps, so that a new table can be read together with
/// those already out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedFigure {
    /// The question, its cut and its site filter.
    pub figure: FigureRef,
    /// What was written: « PNG », « XLSX », « Monographie (Word) »…
    pub format: String,
    /// The name of the file written (its name only: a folder may name a person).
    pub file: String,
    /// When, in UTC (`YYYY-MM-DD HH:MM:SS`); empty until the project has written it.
    pub at: String,
}
