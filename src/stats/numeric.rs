//! Numeric questions (age, number of interviews…): n, mean, median, quartiles and extremes,
//! by group.
//!
//! Quartiles are R's default (type 7) and Excel's `QUARTILE.INC`: linear interpolation
//! between order statistics at position (n − 1) p. They are what evaluators will compare
//! against when they check a figure in a spreadsheet.

use crate::model::Evaluation;
use crate::model::french::key;
use crate::model::{Question, Values};

use super::StatsError;
use super::crosstab::Caution;
use super::disclosure::Suppression;
use super::frequencies::{Matching, locate};
use super::grouping::Grouping;

/// Summary of numeric answers.
#[derive(Clone, Debug, PartialEq)]
pub struct NumericSummary {
    /// Answers summarised.
    pub n: u64,
    /// Arithmetic mean.
    pub mean: f64,
    /// Median.
    pub median: f64,
    /// First quartile.
    pub q1: f64,
    /// Third quartile.
    pub q3: f64,
    /// First decile: published instead of the smallest answer, which is one person's.
    pub p10: f64,
    /// Ninth decile: published instead of the largest answer.
    pub p90: f64,
    /// Smallest answer.
    pub min: f64,
    /// Largest answer.
    pub max: f64,
}

/// Summarise numbers, ignoring NaN (no answer). `None` without any number.
pub fn summarize(values: &[f64]) -> Option<NumericSummary> {
    let mut xs: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    let quantile = |p: f64| {
        let h = (n - 1) as f64 * p;
        let lo = h.floor() as usize;
        let hi = (lo + 1).min(n - 1);
        xs[lo] + (h - lo as f64) * (xs[hi] - xs[lo])
    };
    Some(NumericSummary {
        n: n as u64,
        mean: xs.iter().sum::<f64>() / n as f64,
        median: quantile(0.5),
        q1: quantile(0.25),
        q3: quantile(0.75),
        p10: quantile(0.1),
        p90: quantile(0.9),
        min: xs[0],
        max: xs[n - 1],
    })
}

/// Fewest answers behind a published median and quartiles. Quartiles are interpolated
/// between neighbouring answers: with 3 or 4 answers they and the mean give back every
/// answer, the smallest and largest included. From 5, they are the 2nd, middle and
/// next-to-last answers (as any median is one answer) and the extremes stay hidden.
pub const MIN_N_QUARTILES: u64 = 5;

/// Fewest answers behind published first and ninth deciles: with fewer, they are
/// interpolated from the smallest and the largest answer, which they would give back.
pub const MIN_N_DECILES: u64 = 11;

/// One group's line of a [`NumericTable`].
#[derive(Clone, Debug, PartialEq)]
pub struct NumericRow {
    /// The group's label (« Ensemble » for the total row).
    pub label: String,
    /// The summary (`None` when nobody in the group answered).
    pub summary: Option<NumericSummary>,
    /// Set when the group has fewer than [`super::SMALL_GROUP_N`] respondents.
    pub caution: Option<Caution>,
    /// Set by [`NumericTable::suppress`]: the summary is hidden in exports (n is shown).
    pub suppressed: Option<Suppression>,
}

impl NumericRow {
    /// Respondents who answered.
    pub fn n(&self) -> u64 {
        self.summary.as_ref().map_or(0, |s| s.n)
    }

    /// Whether the median and quartiles may be published (the summary itself aside).
    pub fn quartiles_published(&self) -> bool {
        self.n() >= MIN_N_QUARTILES
    }

    /// Whether the first and ninth deciles may be published.
    pub fn deciles_published(&self) -> bool {
        self.n() >= MIN_N_DECILES
    }

    /// The summary as an export shows it.
    pub fn published(&self) -> Option<&NumericSummary> {
        match self.suppressed {
            Some(_) => None,
            None => self.summary.as_ref(),
        }
    }
}

/// A numeric question summarised by group.
#[derive(Clone, Debug, PartialEq)]
pub struct NumericTable {
    /// The question's `SOURCE.QUESTION` id.
    pub qid: String,
    /// The question stem.
    pub text: String,
    /// The grouping's name.
    pub grouping: String,
    /// Ids of the sources pooled.
    pub sources: Vec<String>,
    /// One row per group.
    pub rows: Vec<NumericRow>,
    /// All groups together.
    pub total: NumericRow,
    /// Set when at least one group has fewer than [`super::SMALL_GROUP_N`] respondents.
    pub caution: Option<Caution>,
}

impl NumericTable {
    /// Hide the summary of every group of `0 < n < threshold` respondents (its extremes
    /// and mean would describe a few people). When exactly one group is hidden, the next
    /// smallest is hidden too, else its mean would follow from the total's.
    pub fn suppress(&mut self, threshold: u32) {
        let threshold = u64::from(threshold);
        for row in &mut self.rows {
            let n = row.n();
            row.suppressed = (n > 0 && n < threshold).then_some(Suppression::Primary);
        }
        let hidden = self.rows.iter().filter(|r| r.suppressed.is_some()).count();
        if hidden == 1 {
            let complement = self
                .rows
                .iter_mut()
                .filter(|r| r.suppressed.is_none() && r.n() > 0)
                .min_by_key(|r| r.n());
            match complement {
                Some(row) => row.suppressed = Some(Suppression::Secondary),
                None => self.total.suppressed = Some(Suppression::Secondary),
            }
        }
        let n = self.total.n();
        if n > 0 && n < threshold {
            self.total.suppressed = Some(Suppression::Primary);
        }
    }
}

/// Summaries of a numeric question by `grouping`, pooled over the questions `matching`
/// finds (same text, numeric) among the grouping's sources.
pub fn numeric_table(
    evaluation: &Evaluation,
    qid: &str,
    grouping: &Grouping,
    matching: Matching,
) -> Result<NumericTable, StatsError> {
    let (s0, q0) = locate(evaluation, qid)?;
    let reference = &evaluation.sources[s0].survey.questions[q0];
    if numbers(reference).is_none() {
        return Err(StatsError::NotNumeric {
            qid: qid.to_owned(),
            kind: reference.kind.id().to_owned(),
        });
    }
    let text = key(&reference.text);
    let mut per_group: Vec<Vec<f64>> = vec![Vec::new(); grouping.labels.len()];
    let mut sources = Vec::new();
    for grouped in &grouping.sources {
        let Some(source) = evaluation.sources.get(grouped.source) else {
            continue;
        };
        let question = if grouped.source == s0 {
            Some(reference)
        } else if matching == Matching::SameText {
            source
                .survey
                .questions
                .iter()
                .find(|q| numbers(q).is_some() && key(&q.text) == text)
        } else {
            None
        };
        let Some(xs) = question.and_then(numbers) else {
            continue;
        };
        sources.push((grouped.source, source.entry.id.clone()));
        for (&x, &g) in xs.iter().zip(&grouped.groups) {
            if let Some(values) = g.and_then(|g| per_group.get_mut(g as usize))
                && !x.is_nan()
            {
                values.push(x);
            }
        }
    }
    // The question's own source first, then manifest order.
    sources.sort_by_key(|&(s, _)| (s != s0, s));
    let all: Vec<f64> = per_group.iter().flatten().copied().collect();
    let rows: Vec<NumericRow> = grouping
        .labels
        .iter()
        .zip(&per_group)
        .map(|(label, xs)| row(label.clone(), xs))
        .collect();
    let smallest = rows.iter().map(NumericRow::n).min();
    Ok(NumericTable {
        qid: qid.to_owned(),
        text: reference.text.clone(),
        grouping: grouping.name.clone(),
        sources: sources.into_iter().map(|(_, id)| id).collect(),
        rows,
        total: row("Ensemble".to_owned(), &all),
        caution: smallest.and_then(Caution::small_groups_in_table),
    })
}

/// The numeric answers of a question, if it has any.
fn numbers(q: &Question) -> Option<&Vec<f64>> {
    match q.items.first().map(|i| &i.values) {
        Some(Values::Numbers(xs)) => Some(xs),
        _ => None,
    }
}

fn row(label: String, xs: &[f64]) -> NumericRow {
    let summary = summarize(xs);
    let n = summary.as_ref().map_or(0, |s| s.n);
    NumericRow {
        label,
        summary,
        caution: Caution::small_group(n),
        suppressed: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_interpolate_like_r_and_excel() {
        // R: quantile(c(1, 2, 3, 4, 10)) → 1, 2, 3, 4, 10; summary mean 4.
        let s = summarize(&[4.0, f64::NAN, 1.0, 10.0, 3.0, 2.0]).unwrap();
        assert_eq!(
            (s.n, s.min, s.q1, s.median, s.q3, s.max),
            (5, 1.0, 2.0, 3.0, 4.0, 10.0)
        );
        assert_eq!(s.mean, 4.0);
        // R: quantile(c(1, 2, 3, 4)) → 1.75, 2.5, 3.25.
        let s = summarize(&[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert_eq!((s.q1, s.median, s.q3), (1.75, 2.5, 3.25));
        assert!(summarize(&[f64::NAN]).is_none());
    }

    #[test]
    fn a_lone_small_group_takes_a_complement() {
        let mk = |label: &str, n: usize| row(label.into(), &vec![1.0; n]);
        let mut t = NumericTable {
            qid: "q".into(),
            text: "Âge".into(),
            grouping: "Site".into(),
            sources: vec![],
            rows: vec![mk("A", 2), mk("B", 40), mk("C", 12)],
            total: mk("Ensemble", 54),
            caution: None,
        };
        t.suppress(5);
        assert_eq!(t.rows[0].suppressed, Some(Suppression::Primary));
        assert_eq!(t.rows[2].suppressed, Some(Suppression::Secondary));
        assert!(t.rows[1].published().is_some());
        assert!(t.rows[0].published().is_none());
    }
}
