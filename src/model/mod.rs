//! The domain: plain data of an evaluation, which every other module exchanges. No I/O here.
//!
//! An [`Evaluation`] holds its [`Manifest`] and its sources; each source is a [`Survey`]: the
//! cells as read ([`RawTable`]), what the headings said ([`Plan`]), the [`Question`]s built
//! from them and the evaluator's [`Correction`]s. [`french`] writes numbers and folds words
//! for every part of Atelier; [`cell`] reads a cell as an answer.

use serde::{Deserialize, Serialize};

/// The kind of a question, as an evaluator names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// One answer among options.
    Single,
    /// Several answers among options (ticks in several columns, or joined in one cell).
    Multiple,
    /// A battery of items sharing one ordered scale (one item for a lone scale question).
    Likert,
    /// A number.
    Numeric,
    /// Free text.
    Open,
    /// A date.
    Date,
}

impl QuestionKind {
    /// Every kind, in the order offered to the user.
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::Likert,
        QuestionKind::Numeric,
        QuestionKind::Open,
        QuestionKind::Date,
    ];

    /// The machine name used in JSON and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::Likert => "likert",
            QuestionKind::Numeric => "numeric",
            QuestionKind::Open => "open",
            QuestionKind::Date => "date",
        }
    }
}

/// A problem found in a source that did not stop the import.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based row in the file, when the problem has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// The column heading, when the problem has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What is wrong, in words an evaluator understands.
    pub message: String,
}

impl Warning {
    /// A warning about the whole file.
    pub fn file(message: impl Into<String>) -> Self {
        Warning {
            row: None,
            column: None,
            message: message.into(),
        }
    }

    /// A warning about one column.
    pub fn column(column: impl Into<String>, message: impl Into<String>) -> Self {
        Warning {
            row: None,
            column: Some(column.into()),
            message: message.into(),
        }
    }

    /// A warning about one cell.
    pub fn cell(row: usize, column: impl Into<String>, message: impl Into<String>) -> Self {
        Warning {
            row: Some(row),
            column: Some(column.into()),
            message: message.into(),
        }
    }
}

mod question;
pub use question::{Item, MAX_OPTIONS, Question, Values};

pub mod cell;
pub mod coding;
pub mod error;
pub mod evaluation;
pub mod french;
pub mod manifest;
pub mod monograph;
pub mod note;
pub mod placed;
pub mod plan;
pub mod privacy;
pub mod raw;
pub mod survey;

pub use error::{Foreign, ImportError};
pub use evaluation::{Evaluation, EvaluationSource, MANIFEST_FILE};
pub use manifest::{Manifest, Threshold};
pub use placed::{FigureRef, PublishedFigure};
pub use plan::{Layout, Plan, QuestionSpec, Shape};
pub use privacy::{PersonalKind, PseudonymKey};
pub use raw::{FileFormat, RawTable};
pub use survey::{Correction, Inference, Survey};
