//! What the evaluator placed in monographs from Graphiques: a question cut one way for one
//! site. The figure itself is computed again from the data whenever it is shown.

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
