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
//! disclosure control applied. The command line (`atelier chart`, `atelier table`) and the
//! GUI call the same functions, so a figure is computed and shown one way only.
//!
//! Without a grouping, the question's own questionnaire is read alone. With one, every
//! questionnaire asking the same question (same text, same kind, same scale) is pooled, so
//! that Pôle emploi and Mission locale counsellors sit side by side.

mod chart;
mod export;

use thiserror::Error;

use crate::import::evaluation::Evaluation;
use crate::import::layout::key;
use crate::import::questions::cell_date;
use crate::model::{Question, QuestionKind, Values};

use super::crosstab::{Caution, CountTable, Crosstab, Denominator};
use super::frequencies::{Matching, locate, matching_questions, question_table};
use super::grouping::{Grouping, GroupingKind};
use super::numeric::{NumericTable, numeric_table};
use super::significance::{GroupDifference, group_difference, option_difference};
use super::{SMALL_GROUP_N, StatsError};

pub use chart::to_chart_spec;
pub use export::{write_table_csv, write_table_xlsx};

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
    /// The evaluation's disclosure threshold (cells under it are hidden in exports).
    pub threshold: u32,
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
        use chrono::Datelike as _;
        const MONTHS: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
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
}

/// A numeric question's summaries and values.
#[derive(Clone, Debug, PartialEq)]
pub struct NumericFigure {
    /// n, mean, quartiles and extremes by group (nothing hidden: exports suppress).
    pub table: NumericTable,
    /// The answers of each group (same order as `table.rows`), sorted.
    pub values: Vec<Vec<f64>>,
}

impl Figure {
    /// Whether the figure compares groups.
    pub fn is_grouped(&self) -> bool {
        self.grouping.is_some()
    }

    /// The provenance line printed under a chart and on top of a table: questionnaires,
    /// question, grouping, site, n and « Atelier, <survey period> ».
    pub fn source_line(&self) -> String {
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
        parts.push(format!(
            "n = {} répondants",
            super::format_fr(self.respondents as f64, 0)
        ));
        parts.push(match &self.period {
            Some(p) => format!("Atelier, {}", p.label_fr()),
            None => "Atelier".to_owned(),
        });
        format!("{}.", parts.join(" ; "))
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
        let FigureBody::Closed(closed) = &self.body else {
            return Vec::new();
        };
        let mut lines = Vec::new();
        let battery = closed.items.len() > 1;
        for item in &closed.items {
            let prefix = if battery {
                format!("« {} » : ", item.label)
            } else {
                String::new()
            };
            match &item.difference {
                None => {}
                Some(Difference::Table(d)) => lines.push(format!(
                    "{prefix}{} ; {}{}",
                    capitalized(&d.wording, prefix.is_empty()),
                    d.test.label_fr(),
                    d.note
                        .as_deref()
                        .map(|n| format!(" ; {n}"))
                        .unwrap_or_default()
                )),
                Some(Difference::ByOption(tests)) => {
                    for (option, d) in tests {
                        lines.push(format!(
                            "{prefix}« {option} » : {} ; {}",
                            d.wording,
                            d.test.label_fr()
                        ));
                    }
                }
                Some(Difference::NotTested(why)) => lines.push(format!(
                    "{prefix}{} : {why}",
                    capitalized("différence entre groupes non testée", prefix.is_empty())
                )),
            }
        }
        lines
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

/// Compute the figure of question `qid`, cut by `by` (`group`, `network`, `role`, `site`,
/// `region`, or the id of a closed single-answer question) and restricted to the
/// respondents of visited site `site` (its id, or its name) when given.
pub fn figure(
    evaluation: &Evaluation,
    qid: &str,
    by: Option<&str>,
    site: Option<&str>,
) -> Result<Figure, FigureError> {
    let (s0, q0) = locate(evaluation, qid)?;
    let question = &evaluation.sources[s0].survey.questions[q0];
    match question.items.first().map(|i| &i.values) {
        Some(Values::Texts(_)) | None => {
            return Err(FigureError::OpenQuestion {
                qid: qid.to_owned(),
            });
        }
        Some(Values::Dates(_)) => {
            return Err(FigureError::DateQuestion {
                qid: qid.to_owned(),
            });
        }
        Some(Values::Codes(_) | Values::Ticks(_) | Values::Numbers(_)) => {}
    }
    let by = by.map(str::trim).filter(|b| !b.is_empty());
    let site = match site {
        Some(s) => Some(find_site(evaluation, s)?),
        None => None,
    };
    let (mut grouping, figure_grouping) = match by {
        Some(spec) => {
            let grouping = Grouping::from_spec(evaluation, spec)?;
            let described = (grouping.kind != GroupingKind::Whole).then(|| FigureGrouping {
                spec: spec.to_owned(),
                kind: grouping.kind.clone(),
                name: grouping.name.clone(),
            });
            (grouping, described)
        }
        None => (Grouping::whole(evaluation), None),
    };
    if let Some((index, site)) = &site {
        grouping = grouping.within_site(evaluation, *index);
        if figure_grouping.is_none() {
            grouping.labels = vec![site.name.clone()];
        }
    }
    // Alone, a question speaks for its own questionnaire; compared, for every questionnaire
    // that asks it.
    let matching = if figure_grouping.is_some() {
        Matching::SameText
    } else {
        Matching::SourceOnly
    };
    let scope = match (&site, &figure_grouping) {
        (Some((_, s)), _) => format!("parmi les répondants de {}", s.name),
        (None, Some(g)) => format!("parmi les répondants regroupés selon « {} »", g.name),
        (None, None) => "dans son questionnaire".to_owned(),
    };
    let elsewhere = |sources: &[String]| match &grouping.kind {
        GroupingKind::Question(by) if sources.is_empty() => Err(FigureError::GroupingElsewhere {
            qid: qid.to_owned(),
            by: by.clone(),
        }),
        _ => Ok(()),
    };
    let no_answers = || FigureError::NoAnswers {
        qid: qid.to_owned(),
        scope: scope.clone(),
    };

    let (body, source_ids, respondents, ungrouped) = match &question.items[0].values {
        Values::Numbers(_) => {
            let table = numeric_table(evaluation, qid, &grouping, matching)?;
            elsewhere(&table.sources)?;
            let values = numeric_values(evaluation, (s0, q0), &grouping, matching);
            let numeric = keep_answered_numeric(table, values);
            if numeric.table.rows.is_empty() {
                return Err(no_answers());
            }
            let n = numeric.table.total.n();
            let sources = numeric.table.sources.clone();
            (FigureBody::Numeric(Box::new(numeric)), sources, n, 0)
        }
        _ => {
            let table = question_table(evaluation, qid, &grouping, matching)?;
            elsewhere(&table.sources)?;
            let keep = answered_rows(&table.items.iter().map(|i| &i.counts).collect::<Vec<_>>());
            if !keep.iter().any(|&k| k) {
                return Err(no_answers());
            }
            let multiple = table.items.iter().any(|i| i.counts.multiple);
            let mut items = Vec::with_capacity(table.items.len());
            for item in table.items {
                let counts = keep_rows(item.counts, &keep);
                let crosstab = Crosstab::new(&counts, Denominator::Question)?;
                let difference = figure_grouping.as_ref().map(|_| difference(&counts));
                items.push(ItemFigure {
                    label: item.label,
                    counts,
                    crosstab,
                    difference,
                });
            }
            let respondents = closed_respondents(evaluation, qid, &grouping, matching, &keep)?;
            let ungrouped = if site.is_some() { 0 } else { table.ungrouped };
            (
                FigureBody::Closed(ClosedFigure { items, multiple }),
                table.sources,
                respondents,
                ungrouped,
            )
        }
    };

    let source_indices: Vec<usize> = source_ids
        .iter()
        .filter_map(|id| evaluation.sources.iter().position(|s| &s.entry.id == id))
        .collect();
    let sources = source_indices
        .iter()
        .map(|&s| {
            let source = &evaluation.sources[s];
            let label = [
                source.group_label.as_str(),
                source.entry.id.as_str(),
                source.survey.raw.file_name.as_str(),
            ]
            .into_iter()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default()
            .to_owned();
            FigureSource {
                id: source.entry.id.clone(),
                label,
            }
        })
        .collect();
    Ok(Figure {
        qid: qid.to_owned(),
        title: short_text(&question.text),
        text: question.text.trim().to_owned(),
        kind: question.kind,
        grouping: figure_grouping,
        site: site.map(|(_, s)| s),
        sources,
        period: survey_period(evaluation, &source_indices),
        respondents,
        ungrouped,
        threshold: evaluation.manifest.disclosure_threshold,
        body,
    })
}

/// The visited site named by `wanted` (its id, or its name), with its index.
fn find_site(evaluation: &Evaluation, wanted: &str) -> Result<(usize, FigureSite), FigureError> {
    let sites = &evaluation.manifest.sites;
    let wanted_key = key(wanted);
    let found = sites
        .iter()
        .position(|s| s.id == wanted.trim())
        .or_else(|| sites.iter().position(|s| key(&s.name) == wanted_key));
    match found {
        Some(i) => Ok((
            i,
            FigureSite {
                id: sites[i].id.clone(),
                name: sites[i].name.clone(),
            },
        )),
        None => Err(FigureError::UnknownSite {
            site: wanted.to_owned(),
            known: if sites.is_empty() {
                "aucun site dans ce fichier".to_owned()
            } else {
                sites
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        }),
    }
}

/// Rows (groups) where some item has an answer.
fn answered_rows(tables: &[&CountTable]) -> Vec<bool> {
    let rows = tables.first().map_or(0, |t| t.rows());
    (0..rows)
        .map(|r| {
            tables.iter().any(|t| {
                t.row_n.get(r).copied().unwrap_or(0) > 0
                    || t.counts.get(r).is_some_and(|c| c.iter().any(|&x| x > 0))
            })
        })
        .collect()
}

/// The table without the rows `keep` leaves out.
fn keep_rows(table: CountTable, keep: &[bool]) -> CountTable {
    let kept = |r: &usize| keep.get(*r).copied().unwrap_or(false);
    let pick = |v: Vec<u64>| -> Vec<u64> {
        v.into_iter()
            .enumerate()
            .filter(|(r, _)| kept(r))
            .map(|(_, x)| x)
            .collect()
    };
    CountTable {
        row_labels: table
            .row_labels
            .into_iter()
            .enumerate()
            .filter(|(r, _)| kept(r))
            .map(|(_, l)| l)
            .collect(),
        counts: table
            .counts
            .into_iter()
            .enumerate()
            .filter(|(r, _)| kept(r))
            .map(|(_, c)| c)
            .collect(),
        row_n: pick(table.row_n),
        row_population: pick(table.row_population),
        col_labels: table.col_labels,
        scale_len: table.scale_len,
        multiple: table.multiple,
    }
}

/// The test of difference for one item's counts.
fn difference(counts: &CountTable) -> Difference {
    let groups = counts.row_n.iter().filter(|&&n| n > 0).count();
    if groups < 2 {
        return Difference::NotTested("un seul groupe a répondu".to_owned());
    }
    if counts.multiple {
        let tests: Vec<(String, GroupDifference)> = counts
            .substantive()
            .filter_map(|j| {
                option_difference(counts, j)
                    .ok()
                    .map(|d| (counts.col_labels[j].clone(), d))
            })
            .collect();
        return if tests.is_empty() {
            Difference::NotTested("aucune modalité n'est testable".to_owned())
        } else {
            Difference::ByOption(tests)
        };
    }
    match group_difference(counts) {
        Ok(d) => Difference::Table(d),
        Err(StatsError::NotTestable { reason }) => Difference::NotTested(reason),
        Err(e) => Difference::NotTested(e.to_string()),
    }
}

/// Respondents in a kept group who answered any item of the pooled questions.
fn closed_respondents(
    evaluation: &Evaluation,
    qid: &str,
    grouping: &Grouping,
    matching: Matching,
    keep: &[bool],
) -> Result<u64, StatsError> {
    let mut n = 0;
    for (s, q) in matching_questions(evaluation, qid, matching)? {
        let Some(grouped) = grouping.source(s) else {
            continue;
        };
        let question = &evaluation.sources[s].survey.questions[q];
        for (r, group) in grouped.groups.iter().enumerate() {
            let in_kept = group.is_some_and(|g| keep.get(g as usize).copied().unwrap_or(false));
            if in_kept && question.items.iter().any(|i| i.values.answered(r)) {
                n += 1;
            }
        }
    }
    Ok(n)
}

/// The numbers of each group, pooled as [`numeric_table`] pools them, sorted.
fn numeric_values(
    evaluation: &Evaluation,
    (s0, q0): (usize, usize),
    grouping: &Grouping,
    matching: Matching,
) -> Vec<Vec<f64>> {
    let reference = &evaluation.sources[s0].survey.questions[q0];
    let text = key(&reference.text);
    let numbers = |q: &Question| match q.items.first().map(|i| &i.values) {
        Some(Values::Numbers(xs)) => Some(xs.clone()),
        _ => None,
    };
    let mut per_group: Vec<Vec<f64>> = vec![Vec::new(); grouping.labels.len()];
    for grouped in &grouping.sources {
        let Some(source) = evaluation.sources.get(grouped.source) else {
            continue;
        };
        let xs = if grouped.source == s0 {
            numbers(reference)
        } else if matching == Matching::SameText {
            source
                .survey
                .questions
                .iter()
                .filter(|q| key(&q.text) == text)
                .find_map(numbers)
        } else {
            None
        };
        let Some(xs) = xs else { continue };
        for (&x, &g) in xs.iter().zip(&grouped.groups) {
            if let Some(values) = g.and_then(|g| per_group.get_mut(g as usize))
                && !x.is_nan()
            {
                values.push(x);
            }
        }
    }
    for values in &mut per_group {
        values.sort_by(f64::total_cmp);
    }
    per_group
}

/// The numeric table and values without the groups nobody in answered.
fn keep_answered_numeric(mut table: NumericTable, values: Vec<Vec<f64>>) -> NumericFigure {
    let keep: Vec<bool> = table.rows.iter().map(|r| r.n() > 0).collect();
    let mut kept_values = Vec::new();
    for (k, v) in keep.iter().zip(values) {
        if *k {
            kept_values.push(v);
        }
    }
    let mut i = 0;
    table.rows.retain(|_| {
        let k = keep.get(i).copied().unwrap_or(false);
        i += 1;
        k
    });
    table.caution = table
        .rows
        .iter()
        .map(|r| r.n())
        .min()
        .and_then(Caution::small_groups_in_table);
    NumericFigure {
        table,
        values: kept_values,
    }
}

/// A short form of a question for a title: the question itself when short, else its
/// first clause, else its first words.
pub fn short_text(text: &str) -> String {
    const MAX: usize = 70;
    let text = text.trim();
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    // A clause that says enough on its own: before a colon or a parenthesis.
    for sep in [" : ", " (", " – ", " - "] {
        if let Some(at) = text.find(sep) {
            let head = text[..at].trim();
            let len = head.chars().count();
            if (25..=MAX).contains(&len) {
                return format!("{head}…");
            }
        }
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + 1 + word.chars().count() > MAX - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let out = out.trim_end_matches([',', ';', ':', ' ']).to_owned();
    format!("{out}…")
}

/// The first and last dates of the sources' answers: their submission dates (bookkeeping
/// columns named « date », « horodateur », « timestamp »…), else their date questions.
fn survey_period(evaluation: &Evaluation, sources: &[usize]) -> Option<SurveyPeriod> {
    let mut days: Option<(i32, i32)> = None;
    let mut add = |d: i32| {
        days = Some(match days {
            None => (d, d),
            Some((a, b)) => (a.min(d), b.max(d)),
        });
    };
    for &s in sources {
        let Some(source) = evaluation.sources.get(s) else {
            continue;
        };
        let survey = &source.survey;
        let mut found = false;
        for &col in &survey.plan.metadata {
            let heading = survey
                .plan
                .headings
                .get(col)
                .map(|h| key(h))
                .unwrap_or_default();
            let is_date = ["date", "horodat", "timestamp", "submitted", "soumis"]
                .iter()
                .any(|w| heading.contains(w));
            if !is_date {
                continue;
            }
            for &row in &survey.respondent_rows {
                if let Some(d) = cell_date(survey.raw.cell(row, col)) {
                    add(d);
                    found = true;
                }
            }
        }
        if found {
            continue;
        }
        for q in &survey.questions {
            if let Some(Values::Dates(ds)) = q.items.first().map(|i| &i.values) {
                for d in ds.iter().flatten() {
                    add(*d);
                }
            }
        }
    }
    let (first, last) = days?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let day = |d: i32| epoch.checked_add_signed(chrono::TimeDelta::days(i64::from(d)));
    Some(SurveyPeriod {
        first: day(first)?,
        last: day(last)?,
    })
}

/// A path as messages name it.
fn file_name(path: &std::path::Path) -> String {
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_questions_get_a_short_title() {
        let short = "Quel âge avez-vous ?";
        assert_eq!(short_text(short), short);
        let long = "Depuis combien de temps exerciez-vous le métier de conseiller avant de \
                    commencer à accompagner des jeunes dans le cadre de l'ANI ?";
        let t = short_text(long);
        assert!(t.ends_with('…') && t.chars().count() <= 71, "{t}");
        assert!(long.starts_with(t.trim_end_matches('…')), "{t}");
        let clause = "Comment l'accompagnement est-il organisé dans votre structure (agence, \
                      plateforme, équipe dédiée, conseillers référents) ?";
        assert_eq!(
            short_text(clause),
            "Comment l'accompagnement est-il organisé dans votre structure…"
        );
    }

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
