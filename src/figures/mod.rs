//! Figures: everything one question shows in a chart or a table, computed once.
//!
//! [`figure`] takes a question id, an optional grouping (`group`, `network`, `site`,
//! `region` or the id of a closed question) and an optional visited site, and computes the
//! tables behind the figure: one crosstab per item for a closed question (single, multiple
//! or Likert), summaries and raw values per group for a numeric one. Open questions and
//! dates are refused: they have no chart until they are coded. The [`Figure`] carries its
//! provenance (questionnaires, n, survey period) and, when grouped, the wording of the test
//! of difference between groups.
//!
//! Two consumers read a figure: [`to_chart_spec`] picks the chart (diverging bars for a
//! Likert battery, grouped bars for single and multiple choice, box plots or a histogram
//! for numbers), and [`write_table_xlsx`] / [`write_table_csv`] export the tables with
//! disclosure control applied. Both publish the figure's [`publication`]: small groups
//! merged into « Autres » or withheld, tables protected, tests on what can be published, so
//! a chart never shows what its table hides ([`publish_linked`] protects cuts published
//! together). The command line (`atelier chart`, `atelier table`) and the GUI call the same
//! functions, so a figure is computed and shown one way only.
//!
//! Without a grouping, the question's own questionnaire is read alone. With one, every
//! questionnaire asking the same question (same text, same kind, same scale) is pooled, so
//! that Pôle emploi and Mission locale counsellors sit side by side.

mod chart;
mod compute;
mod export;
mod publish;

use thiserror::Error;

use crate::model::{QuestionKind, Threshold};

use crate::stats::crosstab::{CountTable, Crosstab};
use crate::stats::grouping::GroupingKind;
use crate::stats::numeric::NumericTable;
use crate::stats::significance::GroupDifference;
use crate::stats::{SMALL_GROUP_N, StatsError};

pub use chart::{published_chart_spec, to_chart_spec};
pub use compute::{figure, figure_without_tests, short_text};
pub use export::{write_table_csv, write_table_xlsx};
pub use publish::{
    Exposure, Publication, linked_exposure, publication, publish_linked, published_tables,
};

/// Why a figure could not be computed or written. Messages are in French, for the evaluator;
/// the command line prefixes them with the file they are about.
#[derive(Debug, Error)]
pub enum FigureError {
    /// Unknown question, grouping, or a question that cannot group respondents.
    #[error(transparent)]
    Stats(#[from] StatsError),
    /// The `--site` asked for is not one of the evaluation's visited sites.
    #[error("site inconnu : « {site} » (sites : {known})")]
    UnknownSite {
        /// What was asked for.
        site: String,
        /// The sites' ids, comma-separated (« aucun » for a single file).
        known: String,
    },
    /// Free-text answers have no chart nor table until they are coded.
    #[error(
        "la question « {qid} » est une question ouverte : pas de graphique ni de tableau, \
         codez-la d'abord"
    )]
    OpenQuestion {
        /// The question's id.
        qid: String,
    },
    /// Dates are not charted.
    #[error("la question « {qid} » est une date : pas de graphique ni de tableau")]
    DateQuestion {
        /// The question's id.
        qid: String,
    },
    /// A question used as a grouping belongs to another questionnaire than the question.
    #[error(
        "la question « {qid} » ne peut pas être croisée avec « {by} » : elles ne viennent pas \
         du même questionnaire"
    )]
    GroupingElsewhere {
        /// The question charted.
        qid: String,
        /// The question grouping respondents.
        by: String,
    },
    /// Nobody in the groups asked for answered the question.
    #[error("la question « {qid} » n'a aucune réponse {scope}")]
    NoAnswers {
        /// The question's id.
        qid: String,
        /// Among whom (« parmi les répondants de Pôle emploi Lille »).
        scope: String,
    },
    /// A file could not be written.
    #[error("{file}: écriture impossible ({source})")]
    Io {
        /// The file.
        file: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The spreadsheet writer failed.
    #[error("{file}: écriture du classeur impossible ({problem})")]
    Xlsx {
        /// The file.
        file: String,
        /// What the writer said.
        problem: String,
    },
}

/// A question ready to be charted or exported: its tables, provenance and cautions.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The question's id (`SOURCE.QUESTION`, or the bare id for a single file).
    pub qid: String,
    /// A short form of the question, for titles.
    pub title: String,
    /// The question as it was asked.
    pub text: String,
    /// The question's kind.
    pub kind: QuestionKind,
    /// The grouping, when the figure compares groups.
    pub grouping: Option<FigureGrouping>,
    /// The visited site the figure is restricted to, if any.
    pub site: Option<FigureSite>,
    /// The questionnaires whose answers are pooled, the question's own first.
    pub sources: Vec<FigureSource>,
    /// When the answers were collected, from the exports' dates (`None` when unknown).
    pub period: Option<SurveyPeriod>,
    /// Respondents counted in the figure: those in a group who answered the question.
    pub respondents: u64,
    /// Respondents who answered but belong to no group (site unknown…): left out.
    pub ungrouped: u64,
    /// The evaluation's disclosure threshold: cells under it are hidden in exports and
    /// charts. Never 0 nor 1, so that no figure leaves uncontrolled.
    pub threshold: Threshold,
    /// The tables.
    pub body: FigureBody,
}

/// What a figure is cut by.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureGrouping {
    /// As asked (`network`, `site`, a question id…).
    pub spec: String,
    /// What it cuts by.
    pub kind: GroupingKind,
    /// Its name as a table heading shows it (« Réseau »).
    pub name: String,
}

/// A visited site a figure is restricted to.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureSite {
    /// Its id in the manifest (`pe_lille`).
    pub id: String,
    /// Its name (« Pôle emploi Lille »).
    pub name: String,
}

/// A questionnaire whose answers a figure uses.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureSource {
    /// Its id in the manifest (the file name for a single file).
    pub id: String,
    /// Its respondents' group (« Conseillers Pôle emploi »), or the file name.
    pub label: String,
}

/// The first and last days answers were collected (or interviews held).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SurveyPeriod {
    /// The first day.
    pub first: chrono::NaiveDate,
    /// The last day.
    pub last: chrono::NaiveDate,
}

impl SurveyPeriod {
    /// The period in words: « mars 2013 », « mars-avril 2013 », « décembre 2012-janvier 2013 ».
    pub fn label_fr(&self) -> String {
        use crate::model::french::MONTHS;
        use chrono::Datelike as _;
        let month = |d: chrono::NaiveDate| MONTHS[d.month0() as usize % 12];
        let (a, b) = (self.first, self.last);
        if (a.year(), a.month()) == (b.year(), b.month()) {
            format!("{} {}", month(a), a.year())
        } else if a.year() == b.year() {
            format!("{}-{} {}", month(a), month(b), a.year())
        } else {
            format!("{} {}-{} {}", month(a), a.year(), month(b), b.year())
        }
    }
}

/// The tables of a figure.
#[derive(Clone, Debug, PartialEq)]
pub enum FigureBody {
    /// A closed question: one crosstab per item.
    Closed(ClosedFigure),
    /// A numeric question: summaries and values per group (boxed: it is the larger).
    Numeric(Box<NumericFigure>),
}

/// A closed question's tables.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosedFigure {
    /// One table per item (one for a plain question, one per row of a Likert battery).
    pub items: Vec<ItemFigure>,
    /// Whether respondents may give several answers (shares add up to more than 100 %).
    pub multiple: bool,
    /// Respondents of each group (the rows of every item) who answered any item.
    pub group_respondents: Vec<u64>,
}

/// One item of a closed question.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemFigure {
    /// The item's label (empty for a plain question).
    pub label: String,
    /// Respondents by group and answer.
    pub counts: CountTable,
    /// The counts as percentages of respondents to the question, with 95 % intervals.
    pub crosstab: Crosstab,
    /// Whether groups answer differently (`None` without a grouping).
    pub difference: Option<Difference>,
}

/// The test of difference between groups that goes with an item.
#[derive(Clone, Debug, PartialEq)]
pub enum Difference {
    /// One test over the whole table (single answer, Likert item).
    Table(GroupDifference),
    /// Multiple choice: one test per option, as (option, result).
    ByOption(Vec<(String, GroupDifference)>),
    /// No test could be run, and why.
    NotTested(String),
    /// A test could be run but not published: every way of running it would give back
    /// cells that disclosure control hides.
    Withheld,
}

/// A numeric question's summaries and values.
#[derive(Clone, Debug, PartialEq)]
pub struct NumericFigure {
    /// n, mean, quartiles and extremes by group (nothing hidden: exports suppress).
    pub table: NumericTable,
    /// The answers of each group (same order as `table.rows`), sorted.
    pub values: Vec<Vec<f64>>,
    /// Whether the groups give different numbers (Kruskal–Wallis); `None` without a
    /// grouping.
    pub difference: Option<Difference>,
}

impl Figure {
    /// Whether the figure compares groups.
    pub fn is_grouped(&self) -> bool {
        self.grouping.is_some()
    }

    /// The provenance line printed under a chart and on top of a table: questionnaires,
    /// question, grouping, site, n and « Atelier, `<survey period>` ». This is the line of
    /// the figure as computed; what leaves the laptop carries
    /// [`Publication::source_line`](publish::Publication::source_line).
    pub fn source_line(&self) -> String {
        self.source_line_with(Some(self.respondents))
    }

    /// [`Figure::source_line`] with `n` in place of the respondents, or, for `None`, the
    /// words that the n is not published.
    fn source_line_with(&self, n: Option<u64>) -> String {
        let labels: Vec<&str> = self.sources.iter().map(|s| s.label.as_str()).collect();
        let what = match labels.len() {
            0 => String::new(),
            1 => format!("questionnaire « {} »", labels[0]),
            _ => format!(
                "questionnaires {}",
                labels
                    .iter()
                    .map(|l| format!("« {l} »"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let mut parts = vec![format!("Source : {what} (question {})", self.qid)];
        if let Some(g) = &self.grouping {
            parts.push(format!("selon : {}", g.name));
        }
        if let Some(site) = &self.site {
            parts.push(format!("champ : répondants de {}", site.name));
        }
        parts.push(match n {
            Some(n) => format!("n = {} répondants", crate::model::french::count(n)),
            None => format!(
                "n non publié (moins de {} répondants : secret statistique)",
                self.threshold
            ),
        });
        parts.push(match &self.period {
            Some(p) => format!("Atelier, {}", p.label_fr()),
            None => "Atelier".to_owned(),
        });
        format!("{}.", parts.join(" ; "))
    }

    /// The rows a table of the figure shows, out of `groups` rows of groups and the
    /// « Ensemble » row after them (index `groups`): every group, then « Ensemble » when
    /// the figure compares several groups. Without a grouping the one row of groups is
    /// everyone already (« Ensemble », or the site's respondents), and so is a lone group:
    /// « Ensemble » under it would repeat it.
    pub fn shown_rows(&self, groups: usize) -> Vec<usize> {
        if self.is_grouped() && groups > 1 {
            (0..=groups).collect()
        } else {
            // Row 0: the only group, or « Ensemble » itself when there is none.
            vec![0]
        }
    }

    /// Labels and respondents of the groups shown, in order.
    pub fn groups(&self) -> Vec<(String, u64)> {
        match &self.body {
            FigureBody::Closed(c) => c
                .items
                .first()
                .map(|i| {
                    i.crosstab
                        .rows
                        .iter()
                        .map(|r| (r.label.clone(), r.respondents))
                        .collect()
                })
                .unwrap_or_default(),
            FigureBody::Numeric(n) => n
                .table
                .rows
                .iter()
                .map(|r| (r.label.clone(), r.n()))
                .collect(),
        }
    }

    /// Cautions on small groups: one line naming every group under [`SMALL_GROUP_N`]
    /// respondents (`None` when there is none).
    pub fn small_groups_caution(&self) -> Option<String> {
        let small: Vec<String> = self
            .groups()
            .into_iter()
            .filter(|(_, n)| *n < SMALL_GROUP_N)
            .map(|(label, n)| format!("{label} (n = {n})"))
            .collect();
        if small.is_empty() {
            return None;
        }
        Some(format!(
            "Moins de {SMALL_GROUP_N} répondants : {} ; à interpréter avec prudence.",
            small.join(", ")
        ))
    }

    /// The tests of difference in words, one line per item (and per option for multiple
    /// choice); empty without a grouping.
    pub fn test_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        match &self.body {
            FigureBody::Numeric(numeric) => {
                if let Some(difference) = &numeric.difference {
                    difference_lines("", difference, &mut lines);
                }
            }
            FigureBody::Closed(closed) => {
                let battery = closed.items.len() > 1;
                for item in &closed.items {
                    let prefix = if battery {
                        format!("« {} » : ", item.label)
                    } else {
                        String::new()
                    };
                    if let Some(difference) = &item.difference {
                        difference_lines(&prefix, difference, &mut lines);
                    }
                }
            }
        }
        lines
    }
}

/// How a test withheld by disclosure control is announced.
const WITHHELD_TEST: &str = "test non publié : cases masquées (secret statistique)";

/// A test of difference in words, each line starting with `prefix` (an item's label).
fn difference_lines(prefix: &str, difference: &Difference, lines: &mut Vec<String>) {
    match difference {
        Difference::Table(d) => lines.push(format!(
            "{prefix}{} ; {}{}",
            capitalized(&d.wording, prefix.is_empty()),
            d.test.label_fr(),
            d.note
                .as_deref()
                .map(|n| format!(" ; {n}"))
                .unwrap_or_default()
        )),
        Difference::ByOption(tests) => {
            for (option, d) in tests {
                lines.push(format!(
                    "{prefix}« {option} » : {} ; {}",
                    d.wording,
                    d.test.label_fr()
                ));
            }
        }
        Difference::NotTested(why) => lines.push(format!(
            "{prefix}{} : {why}",
            capitalized("différence entre groupes non testée", prefix.is_empty())
        )),
        Difference::Withheld => lines.push(format!(
            "{prefix}{}",
            capitalized(WITHHELD_TEST, prefix.is_empty())
        )),
    }
}

/// `text` with a capital first letter when it opens a sentence.
fn capitalized(text: &str, opens: bool) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if opens => first.to_uppercase().chain(chars).collect(),
        _ => text.to_owned(),
    }
}

/// A path as messages name it.
fn file_name(path: &std::path::Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survey_periods_read_in_french() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        let p = |a, b| SurveyPeriod { first: a, last: b }.label_fr();
        assert_eq!(p(d(2013, 3, 4), d(2013, 3, 28)), "mars 2013");
        assert_eq!(p(d(2013, 3, 4), d(2013, 4, 2)), "mars-avril 2013");
        assert_eq!(
            p(d(2012, 12, 4), d(2013, 1, 2)),
            "décembre 2012-janvier 2013"
        );
    }
}
