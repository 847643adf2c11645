//! Computing a figure: the question's tables for a grouping and a site, and its provenance.

use crate::model::Evaluation;
use crate::model::cell::cell_date;
use crate::model::french::key;
use crate::model::{Question, Values};
use crate::stats::StatsError;
use crate::stats::crosstab::{Caution, CountTable, Crosstab, Denominator};
use crate::stats::frequencies::{Matching, locate, matching_questions, question_table};
use crate::stats::grouping::{Grouping, GroupingKind};
use crate::stats::numeric::{NumericTable, numeric_table};
use crate::stats::significance::{
    GroupDifference, group_difference, numeric_difference, option_difference,
};

use super::{
    ClosedFigure, Difference, Figure, FigureBody, FigureError, FigureGrouping, FigureSite,
    FigureSource, ItemFigure, NumericFigure, SurveyPeriod,
};

/// Compute the figure of question `qid`, cut by `by` (`group`, `network`, `role`, `site`,
/// `region`, or the id of a closed single-answer question) and restricted to the
/// respondents of visited site `site` (its id, or its name) when given.
pub fn figure(
    evaluation: &Evaluation,
    qid: &str,
    by: Option<&str>,
    site: Option<&str>,
) -> Result<Figure, FigureError> {
    figure_with(evaluation, qid, by, site, true)
}

/// [`figure`] without its tests of difference, which can take far longer than the counts
/// (an exact test over many sparse sites): for a caller that needs only the counts and
/// what their protection hides.
pub fn figure_without_tests(
    evaluation: &Evaluation,
    qid: &str,
    by: Option<&str>,
    site: Option<&str>,
) -> Result<Figure, FigureError> {
    figure_with(evaluation, qid, by, site, false)
}

fn figure_with(
    evaluation: &Evaluation,
    qid: &str,
    by: Option<&str>,
    site: Option<&str>,
    tests: bool,
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
            let mut numeric = keep_answered_numeric(table, values);
            if numeric.table.rows.is_empty() {
                return Err(no_answers());
            }
            if figure_grouping.is_some() && tests {
                numeric.difference = Some(numeric_test(&numeric.values));
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
                let difference = figure_grouping
                    .as_ref()
                    .filter(|_| tests)
                    .map(|_| difference(&counts));
                items.push(ItemFigure {
                    label: item.label,
                    counts,
                    crosstab,
                    difference,
                });
            }
            let group_respondents =
                closed_respondents(evaluation, qid, &grouping, matching, &keep)?;
            let respondents = group_respondents.iter().sum();
            let ungrouped = if site.is_some() { 0 } else { table.ungrouped };
            (
                FigureBody::Closed(ClosedFigure {
                    items,
                    multiple,
                    group_respondents,
                }),
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

/// Respondents of each kept group (in the order of the kept rows) who answered any item of
/// the pooled questions.
fn closed_respondents(
    evaluation: &Evaluation,
    qid: &str,
    grouping: &Grouping,
    matching: Matching,
    keep: &[bool],
) -> Result<Vec<u64>, StatsError> {
    let mut per_group = vec![0u64; keep.len()];
    for (s, q) in matching_questions(evaluation, qid, matching)? {
        let Some(grouped) = grouping.source(s) else {
            continue;
        };
        let question = &evaluation.sources[s].survey.questions[q];
        for (r, group) in grouped.groups.iter().enumerate() {
            let Some(g) = group.map(|g| g as usize) else {
                continue;
            };
            let in_kept = keep.get(g).copied().unwrap_or(false);
            if in_kept && question.items.iter().any(|i| i.values.answered(r)) {
                per_group[g] += 1;
            }
        }
    }
    Ok(per_group
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(n, _)| n)
        .collect())
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
        difference: None,
    }
}

/// The test of difference between the groups' numbers.
pub(super) fn numeric_test(values: &[Vec<f64>]) -> Difference {
    let groups: Vec<&[f64]> = values.iter().map(Vec::as_slice).collect();
    if groups.iter().filter(|g| !g.is_empty()).count() < 2 {
        return Difference::NotTested("un seul groupe a répondu".to_owned());
    }
    match numeric_difference(&groups) {
        Ok(d) => Difference::Table(d),
        Err(StatsError::NotTestable { reason }) => Difference::NotTested(reason),
        Err(e) => Difference::NotTested(e.to_string()),
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
}
