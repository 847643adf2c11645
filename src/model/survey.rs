//! A survey export understood: its cells, what the headings said, the questions built from
//! them, and the evaluator's corrections.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Layout, PersonalKind, Plan, Question, QuestionKind, RawTable, Warning};

/// What the values suggest for a question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Inference {
    /// The proposed kind.
    pub kind: QuestionKind,
    /// For ordered answers: the scale, most favourable first.
    pub scale: Option<Vec<String>>,
}

/// The evaluator's correction of an inferred question.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Correction {
    /// Another kind than the inferred one.
    pub kind: Option<QuestionKind>,
    /// Another order of the scale, most favourable first.
    pub scale: Option<Vec<String>>,
}

/// A survey export, read and understood.
#[derive(Clone, Debug)]
pub struct Survey {
    /// The cells as read, with personal values replaced by pseudonyms.
    pub raw: RawTable,
    /// What the headings said.
    pub plan: Plan,
    /// Raw row of each respondent (rows after the headings that hold anything).
    pub respondent_rows: Vec<usize>,
    /// The questions, in questionnaire order.
    pub questions: Vec<Question>,
    /// What the values suggested for each question (before corrections).
    pub inferred: Vec<Inference>,
    /// The evaluator's corrections, by question id.
    pub corrections: BTreeMap<String, Correction>,
    /// Problems found while reading and understanding the file.
    pub warnings: Vec<Warning>,
}

impl Survey {
    /// The tool that wrote the file.
    pub fn layout(&self) -> Layout {
        self.plan.layout
    }

    /// Number of respondents.
    pub fn respondents(&self) -> usize {
        self.respondent_rows.len()
    }

    /// Headings of the bookkeeping columns.
    pub fn metadata_columns(&self) -> Vec<String> {
        self.plan
            .metadata
            .iter()
            .map(|&c| self.plan.headings[c].clone())
            .collect()
    }

    /// Headings of the personal columns, with what they hold.
    pub fn personal_columns(&self) -> Vec<(String, PersonalKind)> {
        self.plan
            .personal
            .iter()
            .map(|&(c, kind)| (self.plan.headings[c].clone(), kind))
            .collect()
    }
}
