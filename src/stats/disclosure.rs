//! Statistical disclosure control: small cells are not published, and neither is anything
//! that would let a reader recompute them.
//!
//! The rules, as French official statistics apply them to frequency tables (INSEE,
//! *Manuel de protection des tableaux*; τ-Argus):
//!
//! 1. **Primary suppression.** A count of respondents with `0 < count < threshold` is
//!    hidden. This applies to answer cells, including the « Ensemble » row; group sizes
//!    (n) and zeros are published.
//! 2. **Secondary suppression.** A table publishes sums: each row's n (and, on a scale,
//!    everyone who answered including « Ne sait pas »), each column's total, the grand
//!    total. A hidden cell alone in such a sum would be recomputed by subtraction, so
//!    every row and every column holding a hidden cell must hold at least two. Each
//!    missing complement is the smallest remaining non-zero cell of that line; zeros
//!    come next, then margins as a last resort. Repeat until stable.
//! 3. **No recomputation at all.** Two per line is necessary but not sufficient (two
//!    suppression cycles joined by one cell leave that cell computable). Every pattern is
//!    therefore checked by solving the published sums as a linear system: a hidden cell is
//!    recomputable when the system determines it. Further complements are added, cheapest
//!    first, until no hidden cell is determined.
//!
//! Bounds an attacker could still derive (a hidden cell lies between 0 and its row's n)
//! are not controlled: that would be the protection-interval problem of τ-Argus, beyond
//! what a workbench needs. Multiple-choice rows are treated as if they summed to their n:
//! that over-protects, never the reverse.
//!
//! On screen the evaluator sees every value with its suppression marked
//! ([`Cell::suppressed`]); exports go through [`SuppressedTable::cell`], which hides them.

use super::crosstab::{Cell, Crosstab};

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

/// Apply the disclosure rules (see the module's documentation) with `threshold` to a
/// crosstab. A threshold of 0 or 1 hides nothing.
pub fn suppress(table: &Crosstab, threshold: u32) -> SuppressedTable {
    let layout = Layout::of(table);
    let marks = protect(&layout, u64::from(threshold));
    let mut table = table.clone();
    let (rows, cols) = (layout.rows, layout.cols);
    for i in 0..=rows {
        let line = if i == rows {
            &mut table.total
        } else {
            &mut table.rows[i]
        };
        for (j, cell) in line.cells.iter_mut().enumerate() {
            cell.suppressed = marks[i * cols + j];
        }
    }
    let n_hidden = (0..=rows).map(|i| marks[layout.n_slot(i)]).collect();
    let apart_n_hidden = (0..=rows)
        .map(|i| layout.apart_slot(i).and_then(|s| marks[s]))
        .collect();
    SuppressedTable {
        table,
        threshold,
        n_hidden,
        apart_n_hidden,
    }
}

/// Apply the disclosure rules to one line of counts whose total is published, such as the
/// bins of a histogram: counts with `0 < count < threshold` are hidden, and when only one
/// is, the smallest other non-zero count is hidden with it, so that no hidden count is the
/// total minus the others. A threshold of 0 or 1 hides nothing.
pub fn suppress_line(counts: &[u64], threshold: u32) -> Vec<Option<Suppression>> {
    let threshold = u64::from(threshold);
    let mut marks: Vec<Option<Suppression>> = counts
        .iter()
        .map(|&c| (c > 0 && c < threshold).then_some(Suppression::Primary))
        .collect();
    if marks.iter().flatten().count() == 1 {
        let complement = (0..counts.len())
            .filter(|&i| marks[i].is_none() && counts[i] > 0)
            .min_by_key(|&i| counts[i]);
        if let Some(i) = complement {
            marks[i] = Some(Suppression::Secondary);
        }
    }
    marks
}

/// Hidden cells a reader could recompute exactly from what the table publishes, as
/// (row, column) with `row == rows.len()` for the « Ensemble » row. Empty for any table
/// [`suppress`] returns; useful to audit a pattern edited by hand.
pub fn recomputable_cells(table: &SuppressedTable) -> Vec<(usize, usize)> {
    let layout = Layout::of(&table.table);
    let mut hidden = vec![false; layout.counts.len()];
    for i in 0..=layout.rows {
        if let Some(line) = table.row(i) {
            for (j, cell) in line.cells.iter().enumerate() {
                hidden[i * layout.cols + j] = cell.suppressed.is_some();
            }
        }
        hidden[layout.n_slot(i)] = table.n_hidden.get(i).copied().flatten().is_some();
        if let Some(s) = layout.apart_slot(i) {
            hidden[s] = table.apart_n_hidden.get(i).copied().flatten().is_some();
        }
    }
    determined(&layout.lines, &hidden)
        .into_iter()
        .filter(|&s| s < (layout.rows + 1) * layout.cols)
        .map(|s| (s / layout.cols, s % layout.cols))
        .collect()
}

/// A table as the protection sees it: slots (cells and margins) and the sums published.
///
/// Slots: answer cells row by row, the « Ensemble » row last (`(rows + 1) × cols`); then
/// each row's n (Ensemble last); then, on a scale with non-substantive answers, each
/// row's count of everyone who answered.
struct Layout {
    rows: usize,
    cols: usize,
    has_apart: bool,
    counts: Vec<u64>,
    /// Whether the primary rule applies (answer counts, not group sizes).
    primary: Vec<bool>,
    /// Complement preference, lower first: see `tier`.
    tier: Vec<u8>,
    /// Each published sum as (slot, coefficient) with Σ coefficient × value = 0.
    lines: Vec<Vec<(usize, f64)>>,
}

impl Layout {
    fn of(table: &Crosstab) -> Layout {
        let rows = table.rows.len();
        let cols = table.col_labels.len();
        let substantive = table.substantive();
        let has_apart = substantive.end < cols;
        let all_rows: Vec<&super::crosstab::CrosstabRow> = table
            .rows
            .iter()
            .chain(std::iter::once(&table.total))
            .collect();
        let mut counts = Vec::new();
        let mut primary = Vec::new();
        let mut tier = Vec::new();
        for (i, row) in all_rows.iter().enumerate() {
            for cell in &row.cells {
                counts.push(cell.count);
                primary.push(true);
                let total_row = i == rows;
                tier.push(match (cell.count > 0, total_row) {
                    (true, false) => 0,
                    (true, true) => 1,
                    (false, false) => 2,
                    (false, true) => 3,
                });
            }
        }
        // Margins come last: hiding everyone-who-answered only costs the shares of the
        // non-substantive answers; hiding a group's n costs all its shares.
        for (i, row) in all_rows.iter().enumerate() {
            counts.push(row.n);
            primary.push(false);
            tier.push(if i == rows { 7 } else { 6 });
        }
        if has_apart {
            for (i, row) in all_rows.iter().enumerate() {
                counts.push(row.apart_n);
                primary.push(false);
                tier.push(if i == rows { 5 } else { 4 });
            }
        }
        let mut layout = Layout {
            rows,
            cols,
            has_apart,
            counts,
            primary,
            tier,
            lines: Vec::new(),
        };
        let mut lines = Vec::new();
        for i in 0..=rows {
            // Scale (or all columns) sum to the row's n.
            let mut line: Vec<(usize, f64)> =
                substantive.clone().map(|j| (i * cols + j, 1.0)).collect();
            line.push((layout.n_slot(i), -1.0));
            lines.push(line);
            // Non-substantive answers sum to everyone who answered minus n.
            if let Some(a) = layout.apart_slot(i) {
                let mut line: Vec<(usize, f64)> = (substantive.end..cols)
                    .map(|j| (i * cols + j, 1.0))
                    .collect();
                line.push((layout.n_slot(i), 1.0));
                line.push((a, -1.0));
                lines.push(line);
            }
        }
        for j in 0..cols {
            let mut line: Vec<(usize, f64)> = (0..rows).map(|i| (i * cols + j, 1.0)).collect();
            line.push((rows * cols + j, -1.0));
            lines.push(line);
        }
        let mut n_line: Vec<(usize, f64)> = (0..rows).map(|i| (layout.n_slot(i), 1.0)).collect();
        n_line.push((layout.n_slot(rows), -1.0));
        lines.push(n_line);
        if has_apart {
            let mut a_line: Vec<(usize, f64)> = (0..rows)
                .filter_map(|i| layout.apart_slot(i))
                .map(|s| (s, 1.0))
                .collect();
            if let Some(a) = layout.apart_slot(rows) {
                a_line.push((a, -1.0));
            }
            lines.push(a_line);
        }
        layout.lines = lines;
        layout
    }

    fn n_slot(&self, row: usize) -> usize {
        (self.rows + 1) * self.cols + row
    }

    fn apart_slot(&self, row: usize) -> Option<usize> {
        self.has_apart
            .then(|| (self.rows + 1) * (self.cols + 1) + row)
    }

    /// Order of preference for a complement: tier, then smallest count, then position.
    fn cost(&self, slot: usize) -> (u8, u64, usize) {
        (self.tier[slot], self.counts[slot], slot)
    }
}

/// The suppression pattern of a layout.
fn protect(layout: &Layout, threshold: u64) -> Vec<Option<Suppression>> {
    let slots = layout.counts.len();
    let mut marks: Vec<Option<Suppression>> = (0..slots)
        .map(|s| {
            let c = layout.counts[s];
            (layout.primary[s] && c > 0 && c < threshold).then_some(Suppression::Primary)
        })
        .collect();
    if marks.iter().all(Option::is_none) {
        return marks;
    }
    // Each round adds at least one mark, so this ends within `slots` rounds.
    for _ in 0..=slots {
        // Rule 2: at least two hidden cells in every published sum holding one.
        let mut changed = false;
        for line in &layout.lines {
            let hidden = line.iter().filter(|(s, _)| marks[*s].is_some()).count();
            if hidden == 1 {
                let best = line
                    .iter()
                    .map(|&(s, _)| s)
                    .filter(|&s| marks[s].is_none())
                    .min_by_key(|&s| layout.cost(s));
                if let Some(s) = best {
                    marks[s] = Some(Suppression::Secondary);
                    changed = true;
                }
            }
        }
        if changed {
            continue;
        }
        // Rule 3: nothing hidden may be determined by the published sums.
        let hidden: Vec<bool> = marks.iter().map(Option::is_some).collect();
        let Some(&exposed) = determined(&layout.lines, &hidden).first() else {
            break;
        };
        // A complement that can put the exposed cell on a cycle crosses two sums that
        // already hold hidden cells; try those first, cheapest first.
        let mut crossings = vec![0u8; slots];
        for line in &layout.lines {
            if line.iter().any(|&(s, _)| hidden[s]) {
                for &(s, _) in line {
                    crossings[s] = crossings[s].saturating_add(1);
                }
            }
        }
        let mut candidates: Vec<usize> = (0..slots).filter(|&s| !hidden[s]).collect();
        candidates.sort_by_key(|&s| (crossings[s] < 2, layout.cost(s)));
        let mut trial = hidden.clone();
        let fix = candidates.iter().copied().find(|&c| {
            trial[c] = true;
            let still = determined(&layout.lines, &trial).contains(&exposed);
            trial[c] = false;
            !still
        });
        match fix.or_else(|| candidates.first().copied()) {
            Some(s) => marks[s] = Some(Suppression::Secondary),
            None => break,
        }
    }
    marks
}

/// Hidden slots that the published sums determine: unknowns of the linear system
/// `lines` (known slots moved to the right-hand side) whose value is fixed, i.e. whose unit
/// vector lies in the row space. Found by reduction to row echelon form.
fn determined(lines: &[Vec<(usize, f64)>], hidden: &[bool]) -> Vec<usize> {
    let unknowns: Vec<usize> = (0..hidden.len()).filter(|&s| hidden[s]).collect();
    if unknowns.is_empty() {
        return Vec::new();
    }
    let mut column_of = vec![usize::MAX; hidden.len()];
    for (k, &s) in unknowns.iter().enumerate() {
        column_of[s] = k;
    }
    let width = unknowns.len();
    let mut m: Vec<Vec<f64>> = lines
        .iter()
        .map(|line| {
            let mut row = vec![0.0; width];
            for &(s, coef) in line {
                if let Some(&k) = column_of.get(s).filter(|&&k| k != usize::MAX) {
                    row[k] += coef;
                }
            }
            row
        })
        .filter(|row| row.iter().any(|&x| x != 0.0))
        .collect();
    const EPS: f64 = 1e-9;
    let mut pivots: Vec<(usize, usize)> = Vec::new();
    let mut r = 0;
    for c in 0..width {
        if r == m.len() {
            break;
        }
        let Some(p) = (r..m.len()).max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs())) else {
            continue;
        };
        if m[p][c].abs() < EPS {
            continue;
        }
        m.swap(r, p);
        let pivot = m[r][c];
        for x in &mut m[r] {
            *x /= pivot;
        }
        let pivot_row = m[r].clone();
        for (i, row) in m.iter_mut().enumerate() {
            if i != r && row[c].abs() > EPS {
                let f = row[c];
                for (x, &y) in row.iter_mut().zip(&pivot_row) {
                    *x -= f * y;
                }
            }
        }
        pivots.push((r, c));
        r += 1;
    }
    pivots
        .into_iter()
        .filter(|&(row, c)| {
            m[row]
                .iter()
                .enumerate()
                .all(|(k, &x)| k == c || x.abs() < EPS)
        })
        .map(|(_, c)| unknowns[c])
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

    #[test]
    fn two_cycles_joined_by_one_cell_leave_it_determined() {
        // Slots of a 4 × 4 grid with row and column sums published (margins known).
        // Hidden: the block {0,1}×{0,1}, the block {2,3}×{2,3}, and the bridge (0, 2).
        let idx = |i: usize, j: usize| i * 4 + j;
        let mut lines = Vec::new();
        for i in 0..4 {
            lines.push((0..4).map(|j| (idx(i, j), 1.0)).collect::<Vec<_>>());
        }
        for j in 0..4 {
            lines.push((0..4).map(|i| (idx(i, j), 1.0)).collect::<Vec<_>>());
        }
        let mut hidden = vec![false; 16];
        for (i, j) in [
            (0, 0),
            (0, 1),
            (1, 0),
            (1, 1),
            (2, 2),
            (2, 3),
            (3, 2),
            (3, 3),
            (0, 2),
        ] {
            hidden[idx(i, j)] = true;
        }
        assert_eq!(determined(&lines, &hidden), vec![idx(0, 2)]);
        hidden[idx(0, 2)] = false;
        assert!(determined(&lines, &hidden).is_empty());
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
        // One group: 40 on the scale, 2 « Ne sait pas ». Hiding the 2 alone would leave it
        // as (everyone who answered − n); the cheaper margin to hide is everyone who
        // answered, so that the scale keeps its shares.
        let s = suppress(&crosstab(vec![vec![10, 12, 9, 9, 2]], 4), 5);
        assert_eq!(
            s.table.rows[0].cells[4].suppressed,
            Some(Suppression::Primary)
        );
        assert_eq!(s.n(0), Some(40));
        assert!(s.apart_n_hidden[0].is_some());
        assert!(matches!(s.cell(0, 0), Some(Published::Value(c)) if c.pct == Some(25.0)));
        assert!(recomputable_cells(&s).is_empty());
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
