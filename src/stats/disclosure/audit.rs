//! The attacker as the audit: for every hidden figure of a published table, the smallest and
//! largest value consistent with everything the table (and the tables linked to it)
//! publishes.
//!
//! This is how τ-Argus checks a suppression pattern, and what `DESIGN.md` § 2 means by
//! « recomputed »: counts are whole, never negative and never above their row's n; every
//! published cell, n, total, share and mean score is known, a share or a mean within its
//! rounding. A hidden figure whose range is one value is *pinned*; a primary cell (a count
//! from 1 to the threshold − 1) is *exposed* when its range does not reach both 0 and the
//! threshold: the reader could then tell a small count from an empty cell or a safe one.

use super::layout::Layout;
use super::protect::{Protection, Tables};
use super::{SuppressedTable, Suppression};
use crate::stats::crosstab::Crosstab;

/// How shares and mean scores are printed, for the intervals they give away. XLSX cells
/// hold the full number whatever their display: [`Printed::FULL`] is the safe assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Printed {
    /// Decimals of a printed percentage.
    pub share_decimals: u8,
    /// Decimals of a printed mean score.
    pub mean_decimals: u8,
}

impl Printed {
    /// Every digit (a spreadsheet cell keeps the full number).
    pub const FULL: Printed = Printed {
        share_decimals: 9,
        mean_decimals: 9,
    };
    /// As Atelier's CSV prints them: one decimal.
    pub const CSV: Printed = Printed {
        share_decimals: 1,
        mean_decimals: 1,
    };

    /// What a reader knows of `value` printed with `decimals`: the interval of numbers that
    /// print the same.
    fn interval(value: f64, decimals: u8) -> (f64, f64) {
        let scale = 10f64.powi(i32::from(decimals));
        let shown = (value * scale).round() / scale;
        let h = 0.5 / scale + 1e-9 * (1.0 + value.abs());
        (shown - h, shown + h)
    }
}

/// Which figure of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// An answer cell (`row == rows.len()` for « Ensemble »).
    Cell {
        /// Its row.
        row: usize,
        /// Its column.
        col: usize,
    },
    /// A row's n.
    N {
        /// The row (`rows.len()` for « Ensemble »).
        row: usize,
    },
    /// A row's count of everyone who answered, non-substantive answers included.
    Answered {
        /// The row (`rows.len()` for « Ensemble »).
        row: usize,
    },
}

/// The values a hidden figure can take, as far as the attacker can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeasibleRange {
    /// The smallest.
    pub min: u64,
    /// The largest.
    pub max: u64,
    /// Whether the solver proved both ends (otherwise they are values it reached, and the
    /// true range may be wider).
    pub proven: bool,
}

impl FeasibleRange {
    /// Whether the figure is recomputed exactly.
    pub fn pinned(&self) -> bool {
        self.min == self.max
    }

    /// Whether the range reaches both 0 and `threshold`: a small count cannot be told from
    /// an empty cell nor from a safe one.
    pub fn protects(&self, threshold: u32) -> bool {
        self.min == 0 && self.max >= u64::from(threshold)
    }
}

/// What the attacker learns about one hidden figure.
#[derive(Clone, Debug, PartialEq)]
pub struct HiddenFigure {
    /// Where it is.
    pub place: Place,
    /// Its true value (for the evaluator; never published).
    pub value: u64,
    /// Why it is hidden.
    pub suppression: Suppression,
    /// The values it could take.
    pub range: FeasibleRange,
}

/// The attacker's findings on one published table.
#[derive(Clone, Debug, PartialEq)]
pub struct Audit {
    /// The threshold the table was protected with.
    pub threshold: u32,
    /// Every hidden figure, cells first (row by row), then n, then everyone-who-answered.
    pub hidden: Vec<HiddenFigure>,
}

impl Audit {
    /// Hidden figures recomputed exactly.
    pub fn pinned(&self) -> impl Iterator<Item = &HiddenFigure> {
        self.hidden.iter().filter(|h| h.range.pinned())
    }

    /// Small counts (1 to the threshold − 1) whose range misses 0 or the threshold.
    pub fn exposed(&self) -> impl Iterator<Item = &HiddenFigure> {
        let threshold = self.threshold;
        self.hidden.iter().filter(move |h| {
            matches!(h.place, Place::Cell { .. })
                && h.value > 0
                && h.value < u64::from(threshold)
                && !h.range.protects(threshold)
        })
    }

    /// Small counts whose whole range lies within 1 to the threshold − 1: the reader knows
    /// the cell is small and not empty.
    pub fn known_small(&self) -> impl Iterator<Item = &HiddenFigure> {
        let threshold = u64::from(self.threshold);
        self.hidden
            .iter()
            .filter(move |h| h.range.min >= 1 && h.range.max < threshold)
    }

    /// Whether nothing is pinned and no small count exposed.
    pub fn is_safe(&self) -> bool {
        self.pinned().next().is_none() && self.exposed().next().is_none()
    }
}

/// Attack `table` alone: see the module's documentation. Shares and mean scores the table
/// publishes are read as printed by `printed`.
pub fn audit(table: &SuppressedTable, printed: Printed) -> Audit {
    let mut tables = Tables::default();
    let layout = Layout::append(&table.table, &mut tables.system);
    tables.layouts.push(layout);
    tables.published.push(true);
    let mut marks = vec![None; tables.system.len()];
    super::marks_of(table, &tables.layouts[0], &mut marks);
    add_printed(&mut tables, 0, table, printed);
    let mut audits = attack(&tables, &marks, table.threshold);
    audits.pop().unwrap_or(Audit {
        threshold: table.threshold,
        hidden: Vec::new(),
    })
}

/// The relations the printed shares and mean scores of table `t` add (only those that
/// involve a hidden figure tell anything).
pub(super) fn add_printed(
    tables: &mut Tables,
    t: usize,
    table: &SuppressedTable,
    printed: Printed,
) {
    let Some(layout) = tables.layouts.get(t).cloned() else {
        return;
    };
    let x: &Crosstab = &table.table;
    let hidden =
        |i: usize, j: usize| matches!(table.cell(i, j), Some(super::Published::Secret(_)) | None);
    let n_hidden = |i: usize| table.n_hidden.get(i).copied().flatten().is_some();
    let a_hidden = |i: usize| table.apart_n_hidden.get(i).copied().flatten().is_some();
    let substantive = x.substantive();
    for i in 0..=layout.rows {
        for j in 0..layout.cols {
            let Some(super::Published::Value(cell)) = table.cell(i, j) else {
                continue;
            };
            let Some(p) = cell.pct else {
                continue;
            };
            let (denominator, denominator_hidden) = if substantive.contains(&j) {
                (Some(layout.n_slot(i)), n_hidden(i))
            } else {
                (layout.apart_slot(i), a_hidden(i))
            };
            let Some(d) = denominator else {
                continue;
            };
            if denominator_hidden || hidden(i, j) {
                let shown = Printed::interval(p, printed.share_decimals);
                add_share(tables, layout.cell_slot(i, j), d, shown);
            }
        }
        let Some(m) = table.mean_score(i) else {
            continue;
        };
        let k = x.scale_len;
        if k >= 2 && (n_hidden(i) || (0..k).any(|j| hidden(i, j))) {
            add_mean(
                tables,
                &layout,
                i,
                k,
                Printed::interval(m, printed.mean_decimals),
            );
        }
    }
}

/// A printed share: `100 × cell / denominator` within `(low, high)`.
fn add_share(tables: &mut Tables, cell: usize, denominator: usize, (low, high): (f64, f64)) {
    let system = &mut tables.system;
    system.add(vec![(cell, 100.0), (denominator, -low)], 0.0, f64::INFINITY);
    system.add(
        vec![(cell, 100.0), (denominator, -high)],
        f64::NEG_INFINITY,
        0.0,
    );
}

/// A printed mean score of row `i` on a scale of `k` points: `Σ (k − j) x_j / n` within
/// `(low, high)`.
fn add_mean(tables: &mut Tables, layout: &Layout, i: usize, k: usize, (low, high): (f64, f64)) {
    let n = layout.n_slot(i);
    let scores = |bound: f64| -> Vec<(usize, f64)> {
        let mut terms: Vec<(usize, f64)> = (0..k)
            .map(|j| (layout.cell_slot(i, j), (k - j) as f64))
            .collect();
        terms.push((n, -bound));
        terms
    };
    tables.system.add(scores(low), 0.0, f64::INFINITY);
    tables.system.add(scores(high), f64::NEG_INFINITY, 0.0);
}

/// The ranges of every hidden figure of `tables`, whose published tables carry `marks`
/// (one per slot). One audit per table; a latent table's lists its figures under the
/// primary rule (small counts, the n of small groups), never shown but not to be given
/// back by the published sums either.
pub(super) fn attack(tables: &Tables, marks: &[Option<Suppression>], threshold: u32) -> Vec<Audit> {
    let mut p = Protection::new(tables, u64::from(threshold), marks.to_vec());
    // The audit reads the pattern as given: primary marks the protection would add are
    // not added (a pattern edited by hand is audited as it is).
    for (s, &mark) in marks.iter().enumerate().take(p.marks.len()) {
        if tables.is_published(s) {
            p.hidden[s] = mark.is_some();
            p.marks[s] = mark;
        }
    }
    let primary = tables.primary_slots(u64::from(threshold));
    let mut audits = Vec::new();
    for (t, layout) in tables.layouts.iter().enumerate() {
        let published = tables.published.get(t).copied().unwrap_or(false);
        let mut hidden = Vec::new();
        for s in layout.slots() {
            let suppression = if published {
                p.marks.get(s).copied().flatten()
            } else {
                primary[s].then_some(Suppression::Primary)
            };
            let Some(suppression) = suppression else {
                continue;
            };
            hidden.push(HiddenFigure {
                place: place_of(layout, s),
                value: tables.system.values[s],
                suppression,
                range: range(&mut p, s),
            });
        }
        audits.push(Audit { threshold, hidden });
    }
    audits
}

/// Which figure slot `s` of `layout` is.
fn place_of(layout: &Layout, s: usize) -> Place {
    if let Some((row, col)) = layout.cell_of(s) {
        return Place::Cell { row, col };
    }
    match (0..=layout.rows).find(|&i| layout.n_slot(i) == s) {
        Some(row) => Place::N { row },
        None => Place::Answered {
            row: (0..=layout.rows)
                .find(|&i| layout.apart_slot(i) == Some(s))
                .unwrap_or(0),
        },
    }
}

/// The smallest and largest value of slot `s` over every completion.
fn range(p: &mut Protection<'_>, s: usize) -> FeasibleRange {
    let tables = p.tables;
    let system = &tables.system;
    let value = system.values[s];
    // A kept completion where it is 0 settles the minimum without a solve.
    let zero = p
        .witnesses
        .iter()
        .any(|w| w.valid(&p.hidden) && w.value(s, &system.values) == 0);
    let mut proven = true;
    let min = if zero || value == 0 {
        0
    } else {
        match system.optimize(&p.hidden, &[(s, 1.0)], false) {
            Some(o) => {
                proven &= o.proven;
                let v = o.value.round().max(0.0) as u64;
                p.witnesses.push(o.witness);
                v
            }
            None => {
                proven = false;
                value
            }
        }
    };
    let max = match system.optimize(&p.hidden, &[(s, 1.0)], true) {
        Some(o) => {
            proven &= o.proven;
            let v = o.value.round().max(0.0) as u64;
            p.witnesses.push(o.witness);
            v
        }
        None => {
            proven = false;
            value
        }
    };
    FeasibleRange {
        min: min.min(value),
        max: max.max(value),
        proven,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::crosstab::{CountTable, Denominator};

    /// A 2-row Likert table with its cells (0, 2) and (0, 3), (1, 2) and (1, 3) hidden.
    fn likert() -> (Tables, Vec<bool>) {
        let mut t = CountTable::new(
            vec!["g0".into(), "g1".into()],
            ["Très", "Plutôt", "Peu", "Pas du tout"]
                .map(String::from)
                .to_vec(),
        );
        t.scale_len = 4;
        t.counts = vec![vec![10, 12, 8, 2], vec![9, 11, 7, 6]];
        t.row_n = vec![32, 33];
        let x = Crosstab::new(&t, Denominator::Question).unwrap_or_else(|e| panic!("{e}"));
        let mut tables = Tables::default();
        let layout = Layout::append(&x, &mut tables.system);
        let mut hidden = vec![false; tables.system.len()];
        for (i, j) in [(0, 2), (0, 3), (1, 2), (1, 3)] {
            hidden[layout.cell_slot(i, j)] = true;
        }
        tables.layouts.push(layout);
        tables.published.push(true);
        (tables, hidden)
    }

    fn range(tables: &Tables, hidden: &[bool], slot: usize) -> (f64, f64) {
        let low = tables.system.optimize(hidden, &[(slot, 1.0)], false);
        let high = tables.system.optimize(hidden, &[(slot, 1.0)], true);
        match (low, high) {
            (Some(a), Some(b)) => (a.value, b.value),
            _ => panic!("no answer"),
        }
    }

    #[test]
    fn a_printed_mean_score_is_one_more_equation_within_its_rounding() {
        let (mut tables, hidden) = likert();
        let layout = tables.layouts[0].clone();
        let two = layout.cell_slot(0, 3);
        // Rows and columns alone: the 2 moves from 0 to 8.
        assert_eq!(range(&tables, &hidden, two), (0.0, 8.0));
        // Row 0's mean score, (40 + 36 + 16 + 2) / 32 = 2.9375, printed « 2,9 »: the cells
        // of the row then lie within 2.85 × 32 ≤ 76 + 2 x₂ + x₃ ≤ 2.95 × 32: x₃ from 2 to 4.
        add_mean(&mut tables, &layout, 0, 4, Printed::interval(2.9375, 1));
        assert_eq!(range(&tables, &hidden, two), (2.0, 4.0));
        // Printed in full, it pins the row: x₂ + x₃ = 10 and 2 x₂ + x₃ = 18.
        add_mean(&mut tables, &layout, 0, 4, Printed::interval(2.9375, 9));
        assert_eq!(range(&tables, &hidden, two), (2.0, 2.0));
    }

    #[test]
    fn a_printed_share_of_a_hidden_count_gives_it_back() {
        let (mut tables, hidden) = likert();
        let layout = tables.layouts[0].clone();
        let two = layout.cell_slot(0, 3);
        // « 6,3 % » of 32 respondents: 2 and nothing else (1 would be 3,1 %, 3 would be 9,4 %).
        add_share(
            &mut tables,
            two,
            layout.n_slot(0),
            Printed::interval(6.25, 1),
        );
        assert_eq!(range(&tables, &hidden, two), (2.0, 2.0));
    }
}
