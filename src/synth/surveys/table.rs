//! The answers of one questionnaire, tool-neutral, and how each survey tool lays them out
//! in columns.
//!
//! A questionnaire module builds [`Question`]s (a stem and one answer per respondent);
//! [`Question::columns`] turns each into the columns the chosen [`Tool`] would export:
//! `Stem [item]` batteries and `Oui` ticks for LimeSurvey, two header rows for
//! SurveyMonkey, `, `-joined checkboxes for Google Forms, one column per question for a
//! plain table. [`Sheet`] then gives the rows that the file writers of
//! [`super::formats`] serialise.

use std::borrow::Cow;

/// One cell of an export.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A date and time, written as the tool writes it (see [`Stamp`]).
    Stamp(Stamp),
    /// A date without a time.
    Date(Stamp),
}

impl Cell {
    /// A text cell, or an empty one for an empty string.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
}

/// A fixed point in time (Europe/Paris wall clock), so that every export is reproducible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute.
    pub minute: u8,
    /// Second.
    pub second: u8,
}

impl Stamp {
    /// `2013-10-05 14:32:11`, as LimeSurvey writes it.
    pub fn iso(&self) -> String {
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }

    /// `05/10/2013 14:32:11`, as a French Google Forms sheet writes it.
    pub fn french(&self) -> String {
        format!(
            "{:02}/{:02}/{:04} {:02}:{:02}:{:02}",
            self.day, self.month, self.year, self.hour, self.minute, self.second
        )
    }

    /// `05/10/2013 14:32`, as a French Excel re-saves a date and time in a CSV.
    pub fn excel_french(&self) -> String {
        format!(
            "{:02}/{:02}/{:04} {:02}:{:02}",
            self.day, self.month, self.year, self.hour, self.minute
        )
    }

    /// `05/10/2013`.
    pub fn french_date(&self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// This time plus some minutes (within the same day, or the next one).
    pub fn plus_minutes(&self, minutes: u32) -> Stamp {
        let total = u32::from(self.hour) * 60 + u32::from(self.minute) + minutes;
        let (day, total) = if total >= 24 * 60 {
            (self.day.saturating_add(1).min(31), total - 24 * 60)
        } else {
            (self.day, total)
        };
        Stamp {
            day,
            hour: (total / 60).min(23) as u8,
            minute: (total % 60) as u8,
            ..*self
        }
    }
}

/// The answers to one question, one entry per respondent (`None`: no answer).
#[derive(Clone, Debug)]
pub enum Answers {
    /// One closed answer (or a short typed value).
    Choice(Vec<Option<String>>),
    /// A number.
    Number(Vec<Option<f64>>),
    /// Free text.
    Text(Vec<Option<String>>),
    /// Multiple choice: the options, and per respondent the indices ticked; a free
    /// "other" answer when the questionnaire offers one.
    Ticks {
        /// The options, in questionnaire order.
        options: Vec<String>,
        /// Indices ticked by each respondent.
        picks: Vec<Option<Vec<usize>>>,
        /// Free "other" answers, when offered (same length as `picks`).
        other: Option<Vec<Option<String>>>,
    },
    /// A battery: items sharing one scale; `answers[item][respondent]`.
    Grid {
        /// The items, in questionnaire order.
        items: Vec<String>,
        /// The answers, item by item.
        answers: Vec<Vec<Option<String>>>,
    },
}

/// A question and its answers.
#[derive(Clone, Debug)]
pub struct Question {
    /// The stem, as the respondent read it.
    pub text: String,
    /// The answers.
    pub answers: Answers,
}

impl Question {
    /// A question from its stem and answers.
    pub fn new(text: &str, answers: Answers) -> Question {
        Question {
            text: text.to_owned(),
            answers,
        }
    }

    /// The columns this question takes in an export by `tool`.
    pub fn columns(&self, tool: Tool) -> Vec<Column> {
        let stem = self.text.as_str();
        let plain = |sub: &str, cells: Vec<Cell>| Column {
            heading: stem.to_owned(),
            sub: if tool == Tool::SurveyMonkey {
                sub.to_owned()
            } else {
                String::new()
            },
            cells,
        };
        match &self.answers {
            Answers::Choice(values) => vec![plain("Response", texts(values))],
            Answers::Number(values) => vec![plain(
                "Response",
                values
                    .iter()
                    .map(|v| v.map_or(Cell::Empty, Cell::Number))
                    .collect(),
            )],
            Answers::Text(values) => vec![plain("Open-Ended Response", texts(values))],
            Answers::Ticks {
                options,
                picks,
                other,
            } => ticks_columns(tool, stem, options, picks, other.as_deref()),
            Answers::Grid { items, answers } => items
                .iter()
                .zip(answers)
                .enumerate()
                .map(|(k, (item, values))| match tool {
                    Tool::SurveyMonkey => Column {
                        heading: if k == 0 {
                            stem.to_owned()
                        } else {
                            String::new()
                        },
                        sub: item.clone(),
                        cells: texts(values),
                    },
                    _ => Column::bracketed(stem, item, texts(values)),
                })
                .collect(),
        }
    }
}

fn texts(values: &[Option<String>]) -> Vec<Cell> {
    values
        .iter()
        .map(|v| v.as_deref().map_or(Cell::Empty, Cell::text))
        .collect()
}

fn ticks_columns(
    tool: Tool,
    stem: &str,
    options: &[String],
    picks: &[Option<Vec<usize>>],
    other: Option<&[Option<String>]>,
) -> Vec<Column> {
    let ticked = |k: usize| -> Vec<bool> {
        picks
            .iter()
            .map(|p| p.as_ref().is_some_and(|p| p.contains(&k)))
            .collect()
    };
    let other_cells = |values: &[Option<String>]| texts(values);
    match tool {
        Tool::GoogleForms => {
            // One column; the ticked options joined with ", " in questionnaire order, the
            // free "other" text last, as Google Forms writes them.
            let cells = picks
                .iter()
                .enumerate()
                .map(|(r, p)| {
                    let mut parts: Vec<&str> = Vec::new();
                    if let Some(p) = p {
                        let mut sorted = p.clone();
                        sorted.sort_unstable();
                        parts.extend(
                            sorted
                                .iter()
                                .filter_map(|&k| options.get(k))
                                .map(String::as_str),
                        );
                    }
                    if let Some(text) = other.and_then(|o| o.get(r)).and_then(|o| o.as_deref()) {
                        parts.push(text);
                    }
                    Cell::text(parts.join(", "))
                })
                .collect();
            vec![Column {
                heading: stem.to_owned(),
                sub: String::new(),
                cells,
            }]
        }
        Tool::SurveyMonkey => {
            let mut columns: Vec<Column> = options
                .iter()
                .enumerate()
                .map(|(k, option)| Column {
                    heading: if k == 0 {
                        stem.to_owned()
                    } else {
                        String::new()
                    },
                    sub: option.clone(),
                    cells: ticked(k)
                        .into_iter()
                        .map(|t| {
                            if t {
                                Cell::text(option.as_str())
                            } else {
                                Cell::Empty
                            }
                        })
                        .collect(),
                })
                .collect();
            if let Some(other) = other {
                columns.push(Column {
                    heading: String::new(),
                    sub: "Other (please specify)".to_owned(),
                    cells: other_cells(other),
                });
            }
            columns
        }
        Tool::LimeSurvey | Tool::Table => {
            let mut columns: Vec<Column> = options
                .iter()
                .enumerate()
                .map(|(k, option)| {
                    let cells = ticked(k)
                        .into_iter()
                        .map(|t| if t { Cell::text("Oui") } else { Cell::Empty })
                        .collect();
                    Column::bracketed(stem, option, cells)
                })
                .collect();
            if let Some(other) = other {
                columns.push(Column::bracketed(stem, "Autre", other_cells(other)));
            }
            columns
        }
    }
}

/// The survey tool whose export layout is imitated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// LimeSurvey: `Stem [item]` headings, `Oui` ticks.
    LimeSurvey,
    /// SurveyMonkey: question row and option row.
    SurveyMonkey,
    /// Google Forms: timestamp first, joined checkboxes.
    GoogleForms,
    /// A plain table: one column per question.
    Table,
}

/// One column of an export.
#[derive(Clone, Debug)]
pub struct Column {
    /// The heading (first header row).
    pub heading: String,
    /// The second header row (SurveyMonkey only).
    pub sub: String,
    /// One cell per respondent.
    pub cells: Vec<Cell>,
}

impl Column {
    /// A `Stem [item]` column.
    pub fn bracketed(stem: &str, item: &str, cells: Vec<Cell>) -> Column {
        Column {
            heading: format!("{stem} [{item}]"),
            sub: String::new(),
            cells,
        }
    }

    /// A bookkeeping or plain column.
    pub fn plain(heading: &str, cells: Vec<Cell>) -> Column {
        Column {
            heading: heading.to_owned(),
            sub: String::new(),
            cells,
        }
    }
}

/// The columns of one export, in order.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// The columns.
    pub columns: Vec<Column>,
    /// Whether the export has a second header row (SurveyMonkey).
    pub two_header_rows: bool,
}

impl Sheet {
    /// An empty sheet.
    pub fn new(two_header_rows: bool) -> Sheet {
        Sheet {
            columns: Vec::new(),
            two_header_rows,
        }
    }

    /// Add a bookkeeping or plain column.
    pub fn push(&mut self, column: Column) {
        self.columns.push(column);
    }

    /// Add the columns of a question as `tool` exports them.
    pub fn question(&mut self, question: &Question, tool: Tool) {
        self.columns.extend(question.columns(tool));
    }

    /// Header rows then one row per respondent, each built when it is reached and
    /// borrowing the columns' cells, so that a sheet of 100,000 respondents is not copied.
    pub fn rows(&self) -> impl Iterator<Item = Vec<Cow<'_, Cell>>> + '_ {
        let height = self
            .columns
            .iter()
            .map(|c| c.cells.len())
            .max()
            .unwrap_or(0);
        let mut headers: Vec<Vec<Cow<'_, Cell>>> = vec![
            self.columns
                .iter()
                .map(|c| Cow::Owned(Cell::text(c.heading.as_str())))
                .collect(),
        ];
        if self.two_header_rows {
            headers.push(
                self.columns
                    .iter()
                    .map(|c| Cow::Owned(Cell::text(c.sub.as_str())))
                    .collect(),
            );
        }
        headers.into_iter().chain((0..height).map(move |r| {
            self.columns
                .iter()
                .map(|c| {
                    c.cells
                        .get(r)
                        .map_or(Cow::Owned(Cell::Empty), Cow::Borrowed)
                })
                .collect()
        }))
    }
}
