//! Qualitative coding: the codebook every project starts from, the changes a coder makes
//! (each one command, undoable), and the queries the Codage panel and the monographs ask.

pub mod changes;

use crate::model::coding::Codebook;

/// The codebook new projects start from: the evaluation's 8 themes and 40 codes, with their
/// French definitions (`assets/codebook.qdc`, a REFI-QDA codebook).
pub fn default_codebook() -> Codebook {
    Codebook::default()
}
