//! The core of every table: units counted in categories ([`CountTable`]), and the same
//! counts turned into percentages of an explicit denominator with their intervals and
//! small-group cautions ([`Crosstab`]).
//!
//! A `CountTable` knows nothing of questions: answers of a closed question, codes applied
//! to open answers or note passages, anything that counts units in categories by group
//! goes through it, so every figure is shown the same way.

use std::ops::Range;

use super::disclosure::Suppression;
use super::{SMALL_GROUP_N, StatsError, wilson};
use crate::model::french;

/// Units (respondents) counted in categories, one row per group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountTable {
    /// One label per row (group), in display order.
    pub row_labels: Vec<String>,
    /// One label per column (answer, code), in display order.
    pub col_labels: Vec<String>,
    /// `counts[row][col]`: units of the row's group in the column's category.
    pub counts: Vec<Vec<u64>>,
    /// Units who answered, per row: the default denominator. For an ordered table, those
    /// who gave an answer on the scale (non-substantive answers are left out).
    pub row_n: Vec<u64>,
    /// Units who could have answered (respondents to the survey), per row.
    pub row_population: Vec<u64>,
    /// How many leading columns form an ordered scale, most favourable first. The columns
    /// after them are non-substantive answers (« Ne sait pas »…), shown apart and left out
    /// of denominators and mean scores. 0 when the categories have no order.
    pub scale_len: usize,
    /// Whether a unit may count in several columns (multiple choice, codes).
    pub multiple: bool,
}

impl CountTable {
    /// An empty table (all counts 0) with these rows and columns.
    pub fn new(row_labels: Vec<String>, col_labels: Vec<String>) -> CountTable {
        let rows = row_labels.len();
        let cols = col_labels.len();
        CountTable {
            row_labels,
            col_labels,
            counts: vec![vec![0; cols]; rows],
            row_n: vec![0; rows],
            row_population: vec![0; rows],
            scale_len: 0,
            multiple: false,
        }
    }

    /// Number of rows (groups).
    pub fn rows(&self) -> usize {
        self.row_labels.len()
    }

    /// Number of columns (categories).
    pub fn cols(&self) -> usize {
        self.col_labels.len()
    }

    /// Check that every row has one count per column and its denominators.
    pub fn validate(&self) -> Result<(), StatsError> {
        let (rows, cols) = (self.rows(), self.cols());
        let bad = |problem: String| Err(StatsError::BadTable { problem });
        if self.counts.len() != rows || self.row_n.len() != rows {
            return bad(format!(
                "{rows} libellés de lignes pour {} lignes de comptages et {} effectifs",
                self.counts.len(),
                self.row_n.len()
            ));
        }
        if !self.row_population.is_empty() && self.row_population.len() != rows {
            return bad(format!(
                "{rows} lignes mais {} effectifs de population",
                self.row_population.len()
            ));
        }
        if let Some(r) = self.counts.iter().position(|row| row.len() != cols) {
            return bad(format!(
                "la ligne « {} » a {} colonnes au lieu de {cols}",
                self.row_labels[r],
                self.counts[r].len()
            ));
        }
        if self.scale_len > cols {
            return bad(format!(
                "échelle de {} points sur {cols} colonnes",
                self.scale_len
            ));
        }
        Ok(())
    }

    /// Whether the columns begin with an ordered scale.
    pub fn is_ordered(&self) -> bool {
        self.scale_len > 0
    }

    /// Columns that count in denominators: the scale for an ordered table, else all.
    pub fn substantive(&self) -> Range<usize> {
        0..if self.is_ordered() {
            self.scale_len.min(self.cols())
        } else {
            self.cols()
        }
    }

    /// Columns shown apart (non-substantive answers of an ordered table).
    pub fn apart(&self) -> Range<usize> {
        self.substantive().end..self.cols()
    }

    /// Sum of each column over the rows (the « Ensemble » row).
    pub fn column_totals(&self) -> Vec<u64> {
        let mut totals = vec![0; self.cols()];
        for row in &self.counts {
            for (t, &c) in totals.iter_mut().zip(row) {
                *t += c;
            }
        }
        totals
    }

    /// Mean score of one row of counts on the scale: the most favourable answer scores
    /// `scale_len`, the least favourable 1; non-substantive answers are left out. `None`
    /// for an unordered table or a row without answers on the scale.
    pub fn mean_score(&self, counts: &[u64]) -> Option<f64> {
        if !self.is_ordered() {
            return None;
        }
        let k = self.scale_len;
        let (mut sum, mut n) = (0u64, 0u64);
        for (j, &c) in counts.iter().take(k).enumerate() {
            sum += c * (k - j) as u64;
            n += c;
        }
        (n > 0).then(|| sum as f64 / n as f64)
    }

    /// Mean score of every row (see [`CountTable::mean_score`]).
    pub fn mean_scores(&self) -> Vec<Option<f64>> {
        self.counts.iter().map(|row| self.mean_score(row)).collect()
    }
}

/// Of whom a percentage is a share.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Denominator {
    /// Respondents who answered the question (on the scale, for an ordered question).
    #[default]
    Question,
    /// Respondents to the survey, whether they answered the question or not.
    Survey,
    /// Answers given (ticks of a multiple choice, codes applied), not respondents.
    Answers,
}

impl Denominator {
    /// Every denominator, in the order offered to the user.
    pub const ALL: [Denominator; 3] = [
        Denominator::Question,
        Denominator::Survey,
        Denominator::Answers,
    ];

    /// How the denominator is named under a table (« % des répondants à la question »).
    pub fn label_fr(self) -> &'static str {
        match self {
            Denominator::Question => "% des répondants à la question",
            Denominator::Survey => "% des répondants au questionnaire",
            Denominator::Answers => "% des réponses",
        }
    }
}

/// A warning that goes with a figure wherever it is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Caution {
    /// The number of respondents the warning is about (the smallest group, for a table).
    pub n: u64,
    /// The warning, in French, as shown under the figure.
    pub text: String,
}

impl Caution {
    /// The caution of a group under [`SMALL_GROUP_N`] respondents, if it is one.
    pub fn small_group(n: u64) -> Option<Caution> {
        (n < SMALL_GROUP_N).then(|| Caution {
            n,
            text: if n == 0 {
                "Aucun répondant".to_owned()
            } else {
                format!("Effectif faible (n = {n}) : à interpréter avec prudence")
            },
        })
    }

    /// The caution of a table with at least one small group (the smallest is `n`).
    pub fn small_groups_in_table(n: u64) -> Option<Caution> {
        (n < SMALL_GROUP_N).then(|| Caution {
            n,
            text: format!(
                "Au moins un groupe compte moins de {SMALL_GROUP_N} répondants \
                 (le plus petit : {n}) : à interpréter avec prudence"
            ),
        })
    }
}

/// One figure of a table: a count, its share of the row's denominator and the share's
/// 95 % Wilson interval.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Units counted.
    pub count: u64,
    /// Share of the denominator, in percent (`None` when the denominator is 0).
    pub pct: Option<f64>,
    /// 95 % Wilson interval of the share, in percent.
    pub ci: Option<(f64, f64)>,
    /// Whether the cell is hidden in exports, and why (see [`super::suppress`]).
    pub suppressed: Option<Suppression>,
}

impl Cell {
    /// A cell counting `count` units out of `n`.
    pub fn new(count: u64, n: u64) -> Cell {
        let (pct, ci) = if n == 0 {
            (None, None)
        } else {
            let (low, high) = wilson(count, n);
            (
                Some(100.0 * count as f64 / n as f64),
                Some((100.0 * low, 100.0 * high)),
            )
        };
        Cell {
            count,
            pct,
            ci,
            suppressed: None,
        }
    }

    /// The share as shown in a table, `42,5 %`, or `–` without a denominator.
    pub fn pct_fr(&self) -> String {
        match self.pct {
            Some(p) => french::percent(p, 1),
            None => "–".to_owned(),
        }
    }
}

/// One group's line of a [`Crosstab`].
#[derive(Clone, Debug, PartialEq)]
pub struct CrosstabRow {
    /// The group's label (« Ensemble » for the total row).
    pub label: String,
    /// Respondents to the question (on the scale, for an ordered question).
    pub respondents: u64,
    /// The denominator of the substantive cells' percentages, as the table's
    /// [`Denominator`] defines it; shown as « n = … ».
    pub n: u64,
    /// The denominator of the non-substantive cells (everyone who answered the question,
    /// « Ne sait pas » included, for [`Denominator::Question`]).
    pub apart_n: u64,
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// Mean score on the scale (ordered tables only; see [`CountTable::mean_score`]).
    pub mean_score: Option<f64>,
    /// Set when the group has fewer than [`SMALL_GROUP_N`] respondents.
    pub caution: Option<Caution>,
}

/// Counts turned into percentages of an explicit denominator, by group, with a total row.
#[derive(Clone, Debug, PartialEq)]
pub struct Crosstab {
    /// Column labels (answers, codes).
    pub col_labels: Vec<String>,
    /// Leading columns forming the ordered scale; the rest are shown apart (0: unordered).
    pub scale_len: usize,
    /// Whether a respondent may count in several columns (shares then add up to more
    /// than 100 %).
    pub multiple: bool,
    /// Of whom the percentages are shares.
    pub denominator: Denominator,
    /// One row per group.
    pub rows: Vec<CrosstabRow>,
    /// All groups together (« Ensemble »).
    pub total: CrosstabRow,
    /// Set when at least one group has fewer than [`SMALL_GROUP_N`] respondents.
    pub caution: Option<Caution>,
}

impl Crosstab {
    /// Percentages of `table` with the given denominator.
    pub fn new(table: &CountTable, denominator: Denominator) -> Result<Crosstab, StatsError> {
        table.validate()?;
        let mut rows = Vec::with_capacity(table.rows());
        for (r, label) in table.row_labels.iter().enumerate() {
            let population = table.row_population.get(r).copied().unwrap_or(0);
            rows.push(make_row(
                table,
                label.clone(),
                &table.counts[r],
                table.row_n[r],
                population,
                denominator,
            ));
        }
        let totals = table.column_totals();
        let total = make_row(
            table,
            "Ensemble".to_owned(),
            &totals,
            table.row_n.iter().sum(),
            table.row_population.iter().sum(),
            denominator,
        );
        let smallest = rows.iter().map(|r| r.respondents).min();
        Ok(Crosstab {
            col_labels: table.col_labels.clone(),
            scale_len: table.scale_len,
            multiple: table.multiple,
            denominator,
            caution: smallest.and_then(Caution::small_groups_in_table),
            rows,
            total,
        })
    }

    /// Columns that count in denominators (the scale, or all of an unordered table).
    pub fn substantive(&self) -> Range<usize> {
        0..if self.scale_len > 0 {
            self.scale_len.min(self.col_labels.len())
        } else {
            self.col_labels.len()
        }
    }

    /// Columns shown apart (non-substantive answers).
    pub fn apart(&self) -> Range<usize> {
        self.substantive().end..self.col_labels.len()
    }

    /// Whether any group has fewer than [`SMALL_GROUP_N`] respondents.
    pub fn has_small_groups(&self) -> bool {
        self.caution.is_some()
    }
}

fn make_row(
    table: &CountTable,
    label: String,
    counts: &[u64],
    respondents: u64,
    population: u64,
    denominator: Denominator,
) -> CrosstabRow {
    let substantive = table.substantive();
    let apart = table.apart();
    let answers: u64 = counts[substantive.clone()].iter().sum();
    let apart_answers: u64 = counts[apart.clone()].iter().sum();
    let (n, apart_n) = match denominator {
        Denominator::Question => (respondents, respondents + apart_answers),
        Denominator::Survey => (population, population),
        Denominator::Answers => (answers, answers + apart_answers),
    };
    let cells = counts
        .iter()
        .enumerate()
        .map(|(j, &c)| Cell::new(c, if j < substantive.end { n } else { apart_n }))
        .collect();
    CrosstabRow {
        label,
        respondents,
        n,
        apart_n,
        cells,
        mean_score: table.mean_score(counts),
        caution: Caution::small_group(respondents),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn likert() -> CountTable {
        // Scale of 4 points plus « Ne sait pas »; two groups.
        let mut t = CountTable::new(
            vec!["A".into(), "B".into()],
            ["Très", "Plutôt", "Plutôt pas", "Pas du tout", "Ne sait pas"]
                .map(String::from)
                .to_vec(),
        );
        t.scale_len = 4;
        t.counts = vec![vec![10, 20, 5, 5, 10], vec![0, 1, 1, 0, 3]];
        t.row_n = vec![40, 2];
        t.row_population = vec![60, 6];
        t
    }

    #[test]
    fn shares_of_an_ordered_table_leave_non_substantive_answers_apart() {
        let x = Crosstab::new(&likert(), Denominator::Question).unwrap();
        let a = &x.rows[0];
        assert_eq!((a.n, a.apart_n), (40, 50));
        assert_eq!(a.cells[0].pct, Some(25.0));
        assert_eq!(
            a.cells[4].pct,
            Some(20.0),
            "« Ne sait pas » over all who answered"
        );
        // (10·4 + 20·3 + 5·2 + 5·1) / 40
        assert_eq!(a.mean_score, Some(115.0 / 40.0));
        assert_eq!(x.total.n, 42);
        assert_eq!(x.total.cells[1].count, 21);
        let survey = Crosstab::new(&likert(), Denominator::Survey).unwrap();
        assert_eq!(survey.rows[0].cells[0].pct, Some(100.0 * 10.0 / 60.0));
    }

    #[test]
    fn small_groups_are_flagged_with_their_size() {
        let x = Crosstab::new(&likert(), Denominator::Question).unwrap();
        assert!(x.rows[0].caution.is_none());
        let caution = x.rows[1].caution.as_ref().unwrap();
        assert_eq!(caution.n, 2);
        assert!(caution.text.contains("prudence"));
        assert!(x.has_small_groups());
        assert_eq!(x.caution.as_ref().unwrap().n, 2);
    }

    #[test]
    fn a_ragged_table_is_refused() {
        let mut t = likert();
        t.counts[1].pop();
        assert!(matches!(
            Crosstab::new(&t, Denominator::Question),
            Err(StatsError::BadTable { .. })
        ));
    }
}
