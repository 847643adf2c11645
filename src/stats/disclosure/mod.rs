//! Statistical disclosure control: small counts are not published, and neither is anything
//! that would let a reader recompute them or tell them apart from an empty cell.
//!
//! The rules, as French official statistics apply them to frequency tables (INSEE,
//! *Manuel de protection des tableaux*; τ-Argus), and as `DESIGN.md` § 2 asks:
//!
//! 1. **Primary suppression.** A count of respondents with `0 < count < threshold` is
//!    hidden. This applies to answer cells, including the « Ensemble » row; group sizes
//!    (n) and zeros are published.
//! 2. **Small groups are not rows.** A group under the threshold is merged into « Autres »
//!    or withheld before its table is protected ([`small_groups`]); otherwise no cell of
//!    it could ever reach the threshold.
//! 3. **Secondary suppression against a real attacker.** The attacker statistical offices
//!    assume knows every published number of the table (cells, each row's n, each
//!    column's total, the grand total, any printed share or mean score within its
//!    rounding) and of the tables linked to it, and that counts are whole, never negative
//!    and never above their row's n. For every hidden figure it computes the smallest and
//!    largest value consistent with all that, by integer linear programming ([`audit`],
//!    [`audit_linked`]). Complements are added, cheapest first, until every primary
//!    cell's range includes both 0 and a value at or above the threshold (so that the
//!    reader cannot tell a small count from an empty cell or a safe one) and no hidden
//!    figure's range is a single value.
//! 4. **Tests never give a cell back.** A test of difference is computed on a table whose
//!    every cell follows from published numbers, or it is not published
//!    ([`published_difference`]).
//!
//! Multiple-choice rows do not add up to their n (a respondent ticks several answers):
//! each of their cells is only known to lie between 0 and n.
//!
//! On screen the evaluator sees every value with its suppression marked
//! ([`Cell::suppressed`]); exports go through [`SuppressedTable::cell`], which hides them.
//!
//! The pieces: `system` holds what the attacker knows and asks the solver; `layout` turns
//! a crosstab into figures and sums; `protect` chooses complements; `audit` reports the
//! attacker's ranges; `linked` protects tables that add up to each other as one;
//! `groups` merges small groups; `difference` decides which test can be printed.

mod audit;
mod difference;
mod groups;
mod layout;
mod linked;
mod protect;
mod system;

use std::sync::Mutex;

use thiserror::Error;

pub use audit::{Audit, FeasibleRange, HiddenFigure, Place, Printed, audit};
pub use difference::{
    PublishedDifference, TestPlan, published_difference, published_option_difference,
};
pub use groups::{SmallGroups, small_groups};
pub use linked::{LinkedTable, RowRef, RowSum, audit_linked, protect_linked};

use super::crosstab::{Cell, CountTable, Crosstab, Denominator};
use layout::Layout;
use protect::{Tables, protect, protect_over_reals};

/// Why a cell is hidden in exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Suppression {
    /// The count itself is under the threshold.
    Primary,
    /// The cell is hidden so that a small cell cannot be recomputed from the margins.
    Secondary,
}

impl Suppression {
    /// How the mark reads in a table legend.
    pub fn label_fr(self) -> &'static str {
        match self {
            Suppression::Primary => "secret statistique (effectif inférieur au seuil)",
            Suppression::Secondary => "secret statistique (secret secondaire)",
        }
    }
}

/// The project's disclosure threshold, as a named profile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DisclosureProfile {
    /// 3: INSEE's rule for business statistics.
    Businesses,
    /// 5: the default, as many statistical offices apply to survey counts.
    #[default]
    Standard,
    /// 11: fiscal data on people (DGFiP) and health data (CASD, SNDS).
    Sensitive,
}

impl DisclosureProfile {
    /// Every profile, in the order offered to the user.
    pub const ALL: [DisclosureProfile; 3] = [
        DisclosureProfile::Businesses,
        DisclosureProfile::Standard,
        DisclosureProfile::Sensitive,
    ];

    /// Counts under this are hidden.
    pub fn threshold(self) -> u32 {
        match self {
            DisclosureProfile::Businesses => 3,
            DisclosureProfile::Standard => 5,
            DisclosureProfile::Sensitive => 11,
        }
    }

    /// The profile with this threshold, if one has it.
    pub fn from_threshold(threshold: u32) -> Option<DisclosureProfile> {
        DisclosureProfile::ALL
            .into_iter()
            .find(|p| p.threshold() == threshold)
    }

    /// The profile's name for people.
    pub fn label_fr(self) -> &'static str {
        match self {
            DisclosureProfile::Businesses => "Statistiques d'entreprises (seuil 3)",
            DisclosureProfile::Standard => "Standard (seuil 5)",
            DisclosureProfile::Sensitive => "Données fiscales ou de santé (seuil 11)",
        }
    }
}

/// A crosstab with its disclosure-control pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct SuppressedTable {
    /// The crosstab with every cell's [`Cell::suppressed`] set; counts are kept, for the
    /// evaluator's screen.
    pub table: Crosstab,
    /// The threshold applied.
    pub threshold: u32,
    /// Rows (the « Ensemble » row last) whose n had to be hidden as a last resort.
    pub n_hidden: Vec<Option<Suppression>>,
    /// Rows (the « Ensemble » row last) whose count of everyone who answered (scale plus
    /// non-substantive answers) had to be hidden.
    pub apart_n_hidden: Vec<Option<Suppression>>,
}

/// A cell as an export shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Published {
    /// The figure (its share is `None` when the row's denominator is hidden).
    Value(Cell),
    /// Hidden; exports print a mark such as « s ».
    Secret(Suppression),
}

impl SuppressedTable {
    /// Rows of the table, the « Ensemble » row last.
    fn row(&self, row: usize) -> Option<&super::crosstab::CrosstabRow> {
        if row == self.table.rows.len() {
            Some(&self.table.total)
        } else {
            self.table.rows.get(row)
        }
    }

    /// Cell `col` of row `row` (`row == rows.len()` is the « Ensemble » row) as an export
    /// shows it. `None` outside the table.
    pub fn cell(&self, row: usize, col: usize) -> Option<Published> {
        let line = self.row(row)?;
        let cell = line.cells.get(col)?;
        if let Some(s) = cell.suppressed {
            return Some(Published::Secret(s));
        }
        let denominator_hidden = if col < self.table.substantive().end {
            self.n_hidden.get(row).copied().flatten().is_some()
        } else {
            self.apart_n_hidden.get(row).copied().flatten().is_some()
        };
        let mut shown = cell.clone();
        if denominator_hidden {
            shown.pct = None;
            shown.ci = None;
        }
        Some(Published::Value(shown))
    }

    /// The row's n as an export shows it (`None` when hidden).
    pub fn n(&self, row: usize) -> Option<u64> {
        let line = self.row(row)?;
        match self.n_hidden.get(row).copied().flatten() {
            Some(_) => None,
            None => Some(line.n),
        }
    }

    /// The row's mean score as an export shows it: hidden when any cell of the row is,
    /// since the mean and the n are two more equations on the hidden cells.
    pub fn mean_score(&self, row: usize) -> Option<f64> {
        let line = self.row(row)?;
        let any_hidden = line.cells.iter().any(|c| c.suppressed.is_some())
            || self.n_hidden.get(row).copied().flatten().is_some();
        if any_hidden { None } else { line.mean_score }
    }

    /// Whether anything is hidden.
    pub fn any_suppressed(&self) -> bool {
        let cells = self
            .table
            .rows
            .iter()
            .chain(std::iter::once(&self.table.total))
            .flat_map(|r| &r.cells)
            .any(|c| c.suppressed.is_some());
        cells
            || self
                .n_hidden
                .iter()
                .chain(&self.apart_n_hidden)
                .any(Option::is_some)
    }
}

/// Why tables could not be protected together. Messages are in the evaluator's words.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum DisclosureError {
    /// Linked tables must count the same answers in the same columns.
    #[error(
        "les tableaux liés n'ont pas les mêmes colonnes (« {first} » et « {other} ») : ils ne \
         peuvent pas s'additionner"
    )]
    ColumnsDiffer {
        /// The first table's columns, comma-separated.
        first: String,
        /// The other table's columns, comma-separated.
        other: String,
    },
    /// A link names a table or a row that does not exist.
    #[error("lien entre tableaux impossible : pas de ligne {row} dans le tableau {table}")]
    NoSuchRow {
        /// The table's index.
        table: usize,
        /// The row's index (the number of rows for « Ensemble »).
        row: usize,
    },
    /// The rows said to add up do not.
    #[error(
        "lien entre tableaux faux : la ligne « {total} » n'est pas la somme des lignes \
         annoncées ({parts})"
    )]
    SumDoesNotHold {
        /// The total row's label.
        total: String,
        /// The parts' labels, comma-separated.
        parts: String,
    },
}

/// Apply the disclosure rules (see the module's documentation) with `threshold` to a
/// crosstab. A threshold of 0 or 1 hides nothing.
///
/// The pattern is remembered for the last few tables asked, so that a screen redrawing the
/// same table every frame does not protect it again.
pub fn suppress(table: &Crosstab, threshold: u32) -> SuppressedTable {
    const REMEMBERED: usize = 256;
    static MEMO: Mutex<Vec<SuppressedTable>> = Mutex::new(Vec::new());
    let same = |s: &SuppressedTable| s.threshold == threshold && same_counts(&s.table, table);
    if let Ok(memo) = MEMO.lock()
        && let Some(found) = memo.iter().find(|s| same(s))
    {
        return found.clone();
    }
    let protected = protect_table(table, threshold);
    if let Ok(mut memo) = MEMO.lock() {
        if memo.len() >= REMEMBERED {
            memo.remove(0);
        }
        memo.push(protected.clone());
    }
    protected
}

/// Whether two crosstabs are the same table, suppression marks aside.
fn same_counts(a: &Crosstab, b: &Crosstab) -> bool {
    let rows = |x: &Crosstab| {
        x.rows
            .iter()
            .chain(std::iter::once(&x.total))
            .map(|r| {
                (
                    r.label.clone(),
                    r.n,
                    r.apart_n,
                    r.cells.iter().map(|c| c.count).collect::<Vec<_>>(),
                )
            })
            .collect::<Vec<_>>()
    };
    a.col_labels == b.col_labels
        && a.scale_len == b.scale_len
        && a.multiple == b.multiple
        && a.denominator == b.denominator
        && rows(a) == rows(b)
}

/// [`suppress`] without remembering: the protection itself.
pub fn protect_table(table: &Crosstab, threshold: u32) -> SuppressedTable {
    let mut tables = Tables::default();
    let layout = Layout::append(table, &mut tables.system);
    tables.layouts.push(layout);
    tables.published.push(true);
    let marks = protect(&tables, u64::from(threshold), Vec::new());
    apply_marks(table, &tables.layouts[0], &marks, threshold)
}

/// The pattern the old rules alone give: complements until no published sum over the real
/// numbers determines a hidden cell, the first pass of [`protect_table`]. Kept so that an
/// audit can show what reasoning on whole numbers adds (see `tests/disclosure.rs`).
pub fn suppress_over_reals(table: &Crosstab, threshold: u32) -> SuppressedTable {
    let mut tables = Tables::default();
    let layout = Layout::append(table, &mut tables.system);
    tables.layouts.push(layout);
    tables.published.push(true);
    let marks = protect_over_reals(&tables, u64::from(threshold), Vec::new());
    apply_marks(table, &tables.layouts[0], &marks, threshold)
}

/// The table with the marks of its slots.
fn apply_marks(
    table: &Crosstab,
    layout: &Layout,
    marks: &[Option<Suppression>],
    threshold: u32,
) -> SuppressedTable {
    let mut table = table.clone();
    let rows = layout.rows;
    let mark = |s: usize| marks.get(s).copied().flatten();
    for i in 0..=rows {
        let line = if i == rows {
            &mut table.total
        } else {
            &mut table.rows[i]
        };
        for (j, cell) in line.cells.iter_mut().enumerate() {
            cell.suppressed = mark(layout.cell_slot(i, j));
        }
    }
    let n_hidden = (0..=rows).map(|i| mark(layout.n_slot(i))).collect();
    let apart_n_hidden = (0..=rows)
        .map(|i| layout.apart_slot(i).and_then(mark))
        .collect();
    SuppressedTable {
        table,
        threshold,
        n_hidden,
        apart_n_hidden,
    }
}

/// The marks of a suppressed table's slots, laid out as `layout` numbers them.
fn marks_of(table: &SuppressedTable, layout: &Layout, marks: &mut [Option<Suppression>]) {
    for i in 0..=layout.rows {
        if let Some(line) = table.row(i) {
            for (j, cell) in line.cells.iter().enumerate() {
                if let Some(m) = marks.get_mut(layout.cell_slot(i, j)) {
                    *m = cell.suppressed;
                }
            }
        }
        if let Some(m) = marks.get_mut(layout.n_slot(i)) {
            *m = table.n_hidden.get(i).copied().flatten();
        }
        if let Some(s) = layout.apart_slot(i)
            && let Some(m) = marks.get_mut(s)
        {
            *m = table.apart_n_hidden.get(i).copied().flatten();
        }
    }
}

/// Apply the disclosure rules to one line of counts whose total is published, such as the
/// bins of a histogram: counts with `0 < count < threshold` are hidden, with complements
/// until each of them could be 0 or the threshold as far as the total tells. A threshold of
/// 0 or 1 hides nothing.
pub fn suppress_line(counts: &[u64], threshold: u32) -> Vec<Option<Suppression>> {
    let mut line = CountTable::new(
        vec![String::new()],
        (0..counts.len()).map(|j| j.to_string()).collect(),
    );
    line.counts = vec![counts.to_vec()];
    line.row_n = vec![counts.iter().sum()];
    let Ok(x) = Crosstab::new(&line, Denominator::Question) else {
        return vec![None; counts.len()];
    };
    let s = protect_table(&x, threshold);
    s.table
        .rows
        .first()
        .map(|r| r.cells.iter().map(|c| c.suppressed).collect())
        .unwrap_or_else(|| vec![None; counts.len()])
}

/// Hidden cells a reader could recompute exactly from what the table publishes (whole
/// counts, never negative, never above their row's n), as (row, column) with
/// `row == rows.len()` for the « Ensemble » row. Empty for any table [`suppress`] returns;
/// useful to audit a pattern edited by hand.
pub fn recomputable_cells(table: &SuppressedTable) -> Vec<(usize, usize)> {
    audit(table, Printed::FULL)
        .pinned()
        .filter_map(|h| match h.place {
            Place::Cell { row, col } => Some((row, col)),
            Place::N { .. } | Place::Answered { .. } => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::crosstab::CountTable;
    use super::*;

    #[test]
    fn a_line_of_counts_hides_small_ones_and_a_complement() {
        use Suppression::{Primary, Secondary};
        // One small count: the smallest other non-zero count goes with it, zeros stay.
        assert_eq!(
            suppress_line(&[0, 3, 40, 12, 0, 25], 5),
            vec![None, Some(Primary), None, Some(Secondary), None, None]
        );
        // Two small counts protect each other.
        assert_eq!(
            suppress_line(&[2, 30, 4], 5),
            vec![Some(Primary), None, Some(Primary)]
        );
        assert_eq!(suppress_line(&[2, 30, 4], 0), vec![None; 3]);
        assert_eq!(suppress_line(&[6, 7], 5), vec![None, None]);
    }

    fn crosstab(counts: Vec<Vec<u64>>, scale_len: usize) -> Crosstab {
        let rows = counts.len();
        let cols = counts[0].len();
        let mut t = CountTable::new(
            (0..rows).map(|i| format!("g{i}")).collect(),
            (0..cols).map(|j| format!("c{j}")).collect(),
        );
        t.scale_len = scale_len;
        t.row_n = counts
            .iter()
            .map(|r| {
                r[..if scale_len > 0 { scale_len } else { cols }]
                    .iter()
                    .sum()
            })
            .collect();
        t.counts = counts;
        Crosstab::new(&t, super::super::Denominator::Question).unwrap()
    }

    #[test]
    fn a_small_non_substantive_count_hides_its_own_denominator_not_the_n() {
        // Two groups: 40 and 50 on the scale, 2 and 8 « Ne sait pas ». Hiding the 2 alone
        // would leave it as (everyone who answered − n); the cheaper margins to hide are
        // everyone-who-answered, so that the scale keeps its shares.
        let s = suppress(
            &crosstab(vec![vec![10, 12, 9, 9, 2], vec![20, 15, 10, 5, 8]], 4),
            5,
        );
        assert_eq!(
            s.table.rows[0].cells[4].suppressed,
            Some(Suppression::Primary)
        );
        assert_eq!((s.n(0), s.n(1)), (Some(40), Some(50)));
        assert!(s.apart_n_hidden[0].is_some());
        assert!(matches!(s.cell(0, 0), Some(Published::Value(c)) if c.pct == Some(25.0)));
        assert!(audit(&s, Printed::FULL).is_safe());
    }

    #[test]
    fn a_lone_group_cannot_hide_a_small_count_behind_the_number_of_respondents() {
        // One group: 40 on the scale, 2 « Ne sait pas », 42 respondents (the source line
        // prints it). The 2 is 42 − 40 unless the scale's n, and a cell that fixes it, are
        // hidden too.
        let s = suppress(&crosstab(vec![vec![10, 12, 9, 9, 2]], 4), 5);
        assert_eq!(s.n(0), None);
        let audit = audit(&s, Printed::FULL);
        assert!(audit.is_safe(), "{:?}", audit.hidden);
    }

    #[test]
    fn a_wide_table_of_small_cells_is_protected_quickly() {
        // 12 sites × 20 options with many small counts, as a multiple choice by site.
        let counts: Vec<Vec<u64>> = (0..12u64)
            .map(|i| (0..20u64).map(|j| (i * 7 + j * 13) % 17).collect())
            .collect();
        let x = crosstab(counts, 0);
        let start = std::time::Instant::now();
        let s = suppress(&x, 5);
        assert!(recomputable_cells(&s).is_empty());
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    #[test]
    fn profiles_carry_the_french_thresholds() {
        assert_eq!(DisclosureProfile::default().threshold(), 5);
        assert_eq!(
            DisclosureProfile::from_threshold(11),
            Some(DisclosureProfile::Sensitive)
        );
        assert_eq!(DisclosureProfile::from_threshold(7), None);
    }
}
