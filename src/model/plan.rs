//! What the headings of a survey export say: the tool that wrote it and how its columns
//! group into questions, before any answer is read.

use serde::{Deserialize, Serialize};

use super::PersonalKind;

/// The survey tool that wrote a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// LimeSurvey's response export (codes or full-text headings).
    LimeSurvey,
    /// SurveyMonkey's export: two header rows.
    SurveyMonkey,
    /// Google Forms' response sheet: a timestamp first.
    GoogleForms,
    /// KoboToolbox's export: `group/question` headings and `_uuid` bookkeeping.
    Kobo,
    /// Anything else: one column, one question.
    Generic,
}

impl Layout {
    /// The machine name, as `inspect --json` prints it.
    pub fn id(self) -> &'static str {
        match self {
            Layout::LimeSurvey => "limesurvey",
            Layout::SurveyMonkey => "surveymonkey",
            Layout::GoogleForms => "google_forms",
            Layout::Kobo => "kobo",
            Layout::Generic => "generic",
        }
    }

    /// The tool's name, for people.
    pub fn label(self) -> &'static str {
        match self {
            Layout::LimeSurvey => "LimeSurvey",
            Layout::SurveyMonkey => "SurveyMonkey",
            Layout::GoogleForms => "Google Forms",
            Layout::Kobo => "KoboToolbox",
            Layout::Generic => "Tableau générique",
        }
    }
}

/// How a group of columns holds its answers, as far as the layout tells.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    /// One column; the kind is inferred from the values.
    Column,
    /// One column the tool marks as free text.
    OpenColumn,
    /// Several `Stem [item]` columns: a battery or multi-column multiple choice, told
    /// apart by the values.
    Items,
    /// One column per option, holding a tick (Oui, Yes, 1, X, or the option label).
    Ticks,
    /// Kobo select_multiple: space-separated option names in one column.
    SpaceJoined,
}

/// A question as the headings describe it, before any answer is read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionSpec {
    /// Question id.
    pub id: String,
    /// Stem.
    pub text: String,
    /// Answer columns (indices into the raw table).
    pub columns: Vec<usize>,
    /// Item or option label of each answer column (empty for one-column questions).
    pub items: Vec<String>,
    /// A column of free "other" answers, if the tool gives one.
    pub other: Option<usize>,
    /// How the answers are held.
    pub shape: Shape,
}

/// What the headings tell about a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The tool that wrote the file.
    pub layout: Layout,
    /// Rows of headings before the first respondent.
    pub header_rows: usize,
    /// Full heading of every column.
    pub headings: Vec<String>,
    /// The questions, in column order.
    pub questions: Vec<QuestionSpec>,
    /// Bookkeeping columns (ids, timestamps, languages, pages).
    pub metadata: Vec<usize>,
    /// Columns holding personal data, with what they hold.
    pub personal: Vec<(usize, PersonalKind)>,
}
