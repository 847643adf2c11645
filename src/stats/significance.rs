//! Do groups answer differently? Pearson's chi-square test of independence, Fisher's exact
//! test, and a [`GroupDifference`] that picks the right one and words the result with care.
//!
//! Fisher's exact test is computed by full enumeration (Freeman–Halton extension to r × c
//! tables): every table with the observed margins is visited, and the p-value sums the
//! hypergeometric probabilities of the tables no more probable than the observed one (with
//! R's relative tolerance of 1e-7). That is exact for any 2 × 2 and r × 2 table an
//! evaluator meets, and for small r × c tables; the enumeration is bounded by
//! [`FISHER_TABLE_BUDGET`] steps, beyond which the test is not attempted and the
//! chi-square approximation is used with a note. No network algorithm, no Monte Carlo.
//!
//! Numbers (ages, caseloads) are compared by the Kruskal–Wallis rank test
//! ([`numeric_difference`]), which asks nothing of their distribution; with two groups it
//! is the two-sided Mann–Whitney test.

use super::crosstab::CountTable;
use super::special::chi_square_p_value;
use super::{SMALL_GROUP_N, StatsError};
use crate::model::french;

/// The most enumeration steps Fisher's exact test may take (about a tenth of a second in
/// a release build); larger tables fall back on the chi-square approximation.
pub const FISHER_TABLE_BUDGET: u64 = 5_000_000;

/// The 5 % level at which differences are called significant.
const ALPHA: f64 = 0.05;

/// Fisher's test is preferred when an expected count falls under this.
const MIN_EXPECTED: f64 = 5.0;

/// Pearson's chi-square test of independence on a table.
#[derive(Clone, Debug, PartialEq)]
pub struct ChiSquare {
    /// Σ (observed − expected)² / expected.
    pub statistic: f64,
    /// (rows − 1)(columns − 1), counting only rows and columns with a non-zero total.
    pub df: usize,
    /// P(χ²(df) ≥ statistic).
    pub p_value: f64,
    /// The smallest expected count.
    pub min_expected: f64,
}

/// Rows and columns with a non-zero total (empty ones carry no information and would
/// make expected counts zero).
fn non_empty(counts: &[Vec<u64>]) -> Vec<Vec<u64>> {
    let cols = counts.iter().map(Vec::len).max().unwrap_or(0);
    let mut col_total = vec![0u64; cols];
    for row in counts {
        for (t, &c) in col_total.iter_mut().zip(row) {
            *t += c;
        }
    }
    counts
        .iter()
        .filter(|row| row.iter().sum::<u64>() > 0)
        .map(|row| {
            (0..cols)
                .filter(|&j| col_total[j] > 0)
                .map(|j| row.get(j).copied().unwrap_or(0))
                .collect()
        })
        .collect()
}

/// Pearson's chi-square test of independence (no continuity correction). Empty rows and
/// columns are dropped; `None` when fewer than two rows or two columns remain.
pub fn chi_square(counts: &[Vec<u64>]) -> Option<ChiSquare> {
    let t = non_empty(counts);
    let (r, c) = (t.len(), t.first().map_or(0, Vec::len));
    if r < 2 || c < 2 {
        return None;
    }
    let row_total: Vec<f64> = t.iter().map(|row| row.iter().sum::<u64>() as f64).collect();
    let col_total: Vec<f64> = (0..c)
        .map(|j| t.iter().map(|row| row[j]).sum::<u64>() as f64)
        .collect();
    let n: f64 = row_total.iter().sum();
    let (mut statistic, mut min_expected) = (0.0, f64::INFINITY);
    for (i, row) in t.iter().enumerate() {
        for (j, &observed) in row.iter().enumerate() {
            let expected = row_total[i] * col_total[j] / n;
            min_expected = min_expected.min(expected);
            let d = observed as f64 - expected;
            statistic += d * d / expected;
        }
    }
    let df = (r - 1) * (c - 1);
    Some(ChiSquare {
        statistic,
        df,
        p_value: chi_square_p_value(statistic, df),
        min_expected,
    })
}

/// Two-sided p-value of Fisher's exact test (Freeman–Halton for tables larger than 2 × 2).
/// Empty rows and columns are dropped; a table with fewer than two of either gives 1.
/// `None` when the enumeration would exceed [`FISHER_TABLE_BUDGET`] steps.
pub fn fisher_exact(counts: &[Vec<u64>]) -> Option<f64> {
    let t = non_empty(counts);
    let (r, c) = (t.len(), t.first().map_or(0, Vec::len));
    if r < 2 || c < 2 {
        return Some(1.0);
    }
    // Fewer rows make a shallower recursion: put the longer side along the columns.
    let t = if r > c { transpose(&t) } else { t };
    let rows: Vec<u64> = t.iter().map(|row| row.iter().sum()).collect();
    let cols: Vec<u64> = (0..t[0].len())
        .map(|j| t.iter().map(|row| row[j]).sum())
        .collect();
    let n: u64 = rows.iter().sum();
    let n_usize = usize::try_from(n).ok()?;
    let mut ln_fact = vec![0.0f64; n_usize + 1];
    for k in 1..=n_usize {
        ln_fact[k] = ln_fact[k - 1] + (k as f64).ln();
    }
    let lf = |k: u64| ln_fact[k as usize];
    // ln P(table) = Σ ln R_i! + Σ ln C_j! − ln N! − Σ ln n_ij!
    let constant =
        rows.iter().map(|&x| lf(x)).sum::<f64>() + cols.iter().map(|&x| lf(x)).sum::<f64>() - lf(n);
    let observed = constant - t.iter().flatten().map(|&x| lf(x)).sum::<f64>();
    let mut walk = Enumeration {
        ln_fact: &ln_fact,
        cols: &cols,
        // R's tolerance: tables within a relative 1e-7 of the observed one count as
        // equally probable.
        threshold: observed + 1e-7,
        p: 0.0,
        steps: 0,
    };
    let mut remaining = rows.clone();
    if !walk.column(0, &mut remaining, constant) {
        return None;
    }
    Some(walk.p.min(1.0))
}

fn transpose(t: &[Vec<u64>]) -> Vec<Vec<u64>> {
    let cols = t.first().map_or(0, Vec::len);
    (0..cols)
        .map(|j| t.iter().map(|row| row[j]).collect())
        .collect()
}

/// Depth-first walk over every table with the given margins, column by column.
struct Enumeration<'a> {
    ln_fact: &'a [f64],
    cols: &'a [u64],
    threshold: f64,
    p: f64,
    steps: u64,
}

impl Enumeration<'_> {
    /// Fill column `j` onward, given what each row still has to place. `false` when the
    /// budget ran out.
    fn column(&mut self, j: usize, remaining: &mut [u64], ln_p: f64) -> bool {
        if j + 1 == self.cols.len() {
            // The last column takes what every row has left.
            let ln_p = ln_p
                - remaining
                    .iter()
                    .map(|&x| self.ln_fact[x as usize])
                    .sum::<f64>();
            if ln_p <= self.threshold {
                self.p += ln_p.exp();
            }
            return true;
        }
        let capacity: u64 = remaining.iter().sum();
        self.cell(j, 0, self.cols[j], capacity, remaining, ln_p)
    }

    /// Place `left` units of column `j` in rows `i` onward (`capacity`: what those rows
    /// still have to place).
    fn cell(
        &mut self,
        j: usize,
        i: usize,
        left: u64,
        capacity: u64,
        remaining: &mut [u64],
        ln_p: f64,
    ) -> bool {
        self.steps += 1;
        if self.steps > FISHER_TABLE_BUDGET {
            return false;
        }
        if i + 1 == remaining.len() {
            if left > remaining[i] {
                return true;
            }
            remaining[i] -= left;
            let ok = self.column(j + 1, remaining, ln_p - self.ln_fact[left as usize]);
            remaining[i] += left;
            return ok;
        }
        let here = remaining[i];
        let below = capacity - here;
        let low = left.saturating_sub(below);
        let high = left.min(here);
        for k in low..=high {
            remaining[i] -= k;
            let ok = self.cell(
                j,
                i + 1,
                left - k,
                below,
                remaining,
                ln_p - self.ln_fact[k as usize],
            );
            remaining[i] += k;
            if !ok {
                return false;
            }
        }
        true
    }
}

/// Which test a [`GroupDifference`] ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TestKind {
    /// Pearson's chi-square test of independence.
    ChiSquare,
    /// Fisher's exact test.
    FisherExact,
    /// Kruskal–Wallis rank test (numbers), chi-square approximation with ties corrected.
    KruskalWallis,
}

impl TestKind {
    /// The test's name in French.
    pub fn label_fr(self) -> &'static str {
        match self {
            TestKind::ChiSquare => "test du khi-deux de Pearson",
            TestKind::FisherExact => "test exact de Fisher",
            TestKind::KruskalWallis => "test de Kruskal-Wallis",
        }
    }
}

/// Whether groups answer differently, and how to say it.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupDifference {
    /// The test run: Fisher's when an expected count is under 5 and the table is small
    /// enough to enumerate, chi-square otherwise.
    pub test: TestKind,
    /// The chi-square statistic (also given when Fisher's test was preferred).
    pub statistic: f64,
    /// Degrees of freedom of the chi-square statistic.
    pub df: usize,
    /// The p-value of the test run.
    pub p_value: f64,
    /// The smallest expected count.
    pub min_expected: f64,
    /// Respondents in the smallest group tested.
    pub smallest_group: u64,
    /// True only when p < 5 % and every group has at least [`SMALL_GROUP_N`] respondents.
    pub significant: bool,
    /// The result in French, as shown under a table: « différence significative au seuil
    /// de 5 % (p = 0,012) », « pas de différence significative (p = 0,43) », or « à
    /// interpréter avec prudence : effectifs faibles (…) » when a group is small.
    pub wording: String,
    /// A further remark (chi-square used despite small expected counts).
    pub note: Option<String>,
}

/// Test whether the groups (rows) of a single-answer table answer differently, over the
/// substantive columns (non-substantive answers are left out). Multiple choice is tested
/// option by option with [`option_difference`].
pub fn group_difference(table: &CountTable) -> Result<GroupDifference, StatsError> {
    table.validate()?;
    if table.multiple {
        return Err(StatsError::NotTestable {
            reason: "réponses multiples : comparez les groupes option par option".to_owned(),
        });
    }
    let cols = table.substantive();
    let counts: Vec<Vec<u64>> = table
        .counts
        .iter()
        .map(|row| row[cols.clone()].to_vec())
        .collect();
    difference(&counts)
}

/// Test whether the share of respondents choosing column `col` differs between groups:
/// each group's respondents split into « chose it » and « did not » (groups × 2 table).
pub fn option_difference(table: &CountTable, col: usize) -> Result<GroupDifference, StatsError> {
    table.validate()?;
    if col >= table.cols() {
        return Err(StatsError::BadTable {
            problem: format!("pas de colonne {col} ({} colonnes)", table.cols()),
        });
    }
    let counts: Vec<Vec<u64>> = table
        .counts
        .iter()
        .zip(&table.row_n)
        .map(|(row, &n)| vec![row[col], n.saturating_sub(row[col])])
        .collect();
    difference(&counts)
}

fn difference(counts: &[Vec<u64>]) -> Result<GroupDifference, StatsError> {
    let tested = non_empty(counts);
    let chi = chi_square(&tested).ok_or_else(|| StatsError::NotTestable {
        reason: "il faut au moins deux groupes avec des répondants et deux réponses observées"
            .to_owned(),
    })?;
    let smallest_group = tested
        .iter()
        .map(|row| row.iter().sum::<u64>())
        .min()
        .unwrap_or(0);
    let (test, p_value, note) = if chi.min_expected < MIN_EXPECTED {
        match fisher_exact(&tested) {
            Some(p) => (TestKind::FisherExact, p, None),
            None => (
                TestKind::ChiSquare,
                chi.p_value,
                Some(
                    "approximation du khi-deux malgré des effectifs théoriques inférieurs à 5 \
                     (tableau trop grand pour le test exact)"
                        .to_owned(),
                ),
            ),
        }
    } else {
        (TestKind::ChiSquare, chi.p_value, None)
    };
    let small = smallest_group < SMALL_GROUP_N;
    Ok(GroupDifference {
        test,
        statistic: chi.statistic,
        df: chi.df,
        p_value,
        min_expected: chi.min_expected,
        smallest_group,
        significant: !small && p_value < ALPHA,
        wording: wording(p_value, small),
        note,
    })
}

/// Test whether groups give different numbers (Kruskal–Wallis H, ties corrected, compared
/// with the chi-square distribution on groups − 1 degrees of freedom). NaN (no answer) is
/// left out. Needs two groups with answers and two different values.
pub fn numeric_difference(groups: &[&[f64]]) -> Result<GroupDifference, StatsError> {
    let groups: Vec<Vec<f64>> = groups
        .iter()
        .map(|g| {
            g.iter()
                .copied()
                .filter(|x| !x.is_nan())
                .collect::<Vec<f64>>()
        })
        .filter(|g| !g.is_empty())
        .collect();
    let not_testable = || StatsError::NotTestable {
        reason: "il faut au moins deux groupes avec des réponses et deux valeurs différentes"
            .to_owned(),
    };
    if groups.len() < 2 {
        return Err(not_testable());
    }
    let mut all: Vec<(f64, usize)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, values)| values.iter().map(move |&x| (x, g)))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = all.len() as f64;
    // Mid-ranks for ties; Σ(t³ − t) over tie groups for the correction.
    let mut rank_sums = vec![0.0; groups.len()];
    let mut ties = 0.0;
    let mut i = 0;
    while i < all.len() {
        let mut j = i + 1;
        while j < all.len() && all[j].0 == all[i].0 {
            j += 1;
        }
        let rank = (i + 1 + j) as f64 / 2.0;
        for &(_, g) in &all[i..j] {
            rank_sums[g] += rank;
        }
        let t = (j - i) as f64;
        ties += t * t * t - t;
        i = j;
    }
    let correction = 1.0 - ties / (n * n * n - n);
    if correction <= 0.0 {
        return Err(not_testable());
    }
    let h = (12.0 / (n * (n + 1.0))
        * groups
            .iter()
            .zip(&rank_sums)
            .map(|(g, r)| r * r / g.len() as f64)
            .sum::<f64>()
        - 3.0 * (n + 1.0))
        / correction;
    let df = groups.len() - 1;
    let p_value = chi_square_p_value(h.max(0.0), df);
    let smallest_group = groups.iter().map(Vec::len).min().unwrap_or(0) as u64;
    let small = smallest_group < SMALL_GROUP_N;
    Ok(GroupDifference {
        test: TestKind::KruskalWallis,
        statistic: h,
        df,
        p_value,
        min_expected: f64::NAN,
        smallest_group,
        significant: !small && p_value < ALPHA,
        wording: wording(p_value, small),
        note: None,
    })
}

/// The French wording of a test result; never « significatif » when a group is small.
fn wording(p_value: f64, small_groups: bool) -> String {
    let p = format_p(p_value);
    if small_groups {
        format!("à interpréter avec prudence : effectifs faibles ({p})")
    } else if p_value < ALPHA {
        format!("différence significative au seuil de 5 % ({p})")
    } else {
        format!("pas de différence significative ({p})")
    }
}

/// `p = 0,43`, `p = 0,012`, `p < 0,001`: two significant digits, and never a rounding
/// that would put a p-value on the wrong side of 5 %.
fn format_p(p: f64) -> String {
    if p < 0.001 {
        return "p < 0,001".to_owned();
    }
    let mut decimals = (1 - p.log10().floor() as i32).max(2) as usize;
    loop {
        let scale = 10f64.powi(decimals as i32);
        let shown = (p * scale).round() / scale;
        if (p < ALPHA) == (shown < ALPHA) || decimals >= 6 {
            return format!("p = {}", french::number(p, decimals));
        }
        decimals += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fisher_on_the_tea_tasting_table() {
        // Fisher (1935): 3 of 4 cups poured milk-first identified; two-sided p = 34/70.
        let p = fisher_exact(&[vec![3, 1], vec![1, 3]]).unwrap();
        assert!((p - 34.0 / 70.0).abs() < 1e-12, "{p}");
    }

    #[test]
    fn fisher_on_a_three_by_two_table_enumerated_by_hand() {
        // Margins rows (2, 2, 2), columns (3, 3): the first column is a permutation of
        // (2, 1, 0) — six tables of probability 2/20 — or (1, 1, 1), probability 8/20.
        // The observed (2, 0, 1) has probability 0.1: p = 6 × 0.1 = 0.6.
        let p = fisher_exact(&[vec![2, 0], vec![0, 2], vec![1, 1]]).unwrap();
        assert!((p - 0.6).abs() < 1e-12, "{p}");
        // And the same table transposed.
        let q = fisher_exact(&[vec![2, 0, 1], vec![0, 2, 1]]).unwrap();
        assert!((q - 0.6).abs() < 1e-12);
    }

    #[test]
    fn p_values_are_written_with_two_significant_digits() {
        assert_eq!(format_p(0.4286), "p = 0,43");
        assert_eq!(format_p(0.01234), "p = 0,012");
        assert_eq!(format_p(0.0004), "p < 0,001");
        // 0.0496 would round to 0,050: written so that it stays under 5 %.
        assert_eq!(format_p(0.0496), "p = 0,0496");
    }

    #[test]
    fn wording_never_says_significant_for_small_groups() {
        assert_eq!(
            wording(0.012, false),
            "différence significative au seuil de 5 % (p = 0,012)"
        );
        assert_eq!(
            wording(0.43, false),
            "pas de différence significative (p = 0,43)"
        );
        let small = wording(0.001_2, true);
        assert!(small.starts_with("à interpréter avec prudence : effectifs faibles"));
        assert!(!small.contains("significati"));
    }

    #[test]
    fn kruskal_wallis_matches_r_and_a_hand_computation() {
        // The example of R's `kruskal.test` (Hollander & Wolfe): rank sums 36, 36, 33;
        // Kruskal-Wallis chi-squared = 0.77143, df = 2, p-value = 0.68.
        let a = [2.9, 3.0, 2.5, 2.6, 3.2];
        let b = [3.8, 2.7, 4.0, 2.4];
        let c = [2.8, 3.4, 3.7, 2.2, 2.0];
        let d = numeric_difference(&[&a, &b, &c]).unwrap();
        assert!((d.statistic - 0.771_43).abs() < 1e-4, "{}", d.statistic);
        assert_eq!(d.df, 2);
        assert!((d.p_value - 0.68).abs() < 0.005, "{}", d.p_value);
        assert_eq!(d.test, TestKind::KruskalWallis);
        // With ties, by hand: mid-ranks 1; 3, 3, 3; 6, 6, 6; 8.5, 8.5, so rank sums 13
        // and 32; H = 12 / 90 × (13² / 4 + 32² / 5) − 30 = 2.94, corrected by
        // 1 − (24 + 24 + 6) / 720 = 0.925: H = 3.1784; P(χ²₁ > 3.1784) = 0.0746.
        let d = numeric_difference(&[&[1.0, 2.0, 2.0, 3.0], &[2.0, 3.0, 3.0, 4.0, 4.0]]).unwrap();
        assert!((d.statistic - 3.1784).abs() < 1e-3, "{}", d.statistic);
        assert!((d.p_value - 0.0746).abs() < 1e-3, "{}", d.p_value);
        // One group, or every answer the same: nothing to test.
        assert!(numeric_difference(&[&a]).is_err());
        assert!(numeric_difference(&[&[1.0, 1.0], &[1.0, f64::NAN]]).is_err());
    }

    #[test]
    fn empty_rows_and_columns_do_not_count() {
        let a = chi_square(&[vec![10, 0, 20], vec![0, 0, 0], vec![20, 0, 10]]).unwrap();
        let b = chi_square(&[vec![10, 20], vec![20, 10]]).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.df, 1);
        assert!(chi_square(&[vec![1, 2]]).is_none());
    }
}
