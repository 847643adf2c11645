//! Plain data of an evaluation: questions, answers, warnings. No I/O here.

use serde::Serialize;

/// The kind of a question, as an evaluator names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
pub use question::{Item, Question, Values};

pub mod manifest;
pub use manifest::Manifest;
