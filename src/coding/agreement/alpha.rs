//! Krippendorff's α for nominal data, in general: any number of coders, any number of values,
//! missing values allowed.
//!
//! It follows Krippendorff, *Computing Krippendorff's Alpha-Reliability* (2011, section C):
//! the reliability data become a coincidence matrix, in which every unit holding `m ≥ 2`
//! values adds each ordered pair of its values with weight `1 / (m − 1)`, so that every
//! pairable value counts once whatever the number of coders; then
//! `α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k`. Units with fewer than two values
//! cannot be compared and drop out, which is how missing values are handled.
//!
//! The agreement report uses it for binary presence data, but it is written for any nominal
//! data (and is tested on Krippendorff's four-coder example) so that a later unit-level
//! comparison (one code per unit, more than two coders) reuses it unchanged.

use std::collections::BTreeMap;

/// The coincidence matrix of nominal reliability data: `o_ck`, how many times value `c` was
/// paired with value `k` within a unit, each pair weighted by `1 / (m_u − 1)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Coincidences<T: Ord> {
    /// Non-zero cells, keyed by (row value, column value); the matrix is symmetric.
    cells: BTreeMap<(T, T), f64>,
}

impl<T: Ord> Default for Coincidences<T> {
    fn default() -> Self {
        Coincidences {
            cells: BTreeMap::new(),
        }
    }
}

impl<T: Ord + Clone> Coincidences<T> {
    /// An empty matrix (no pairable value).
    pub fn new() -> Self {
        Self::default()
    }

    /// The matrix of reliability data given unit by unit: each item holds the values the
    /// coders gave one unit, `None` where a coder gave none.
    pub fn from_units<U, I>(units: I) -> Self
    where
        I: IntoIterator<Item = U>,
        U: IntoIterator<Item = Option<T>>,
    {
        let mut matrix = Self::new();
        for unit in units {
            matrix.add_unit(unit);
        }
        matrix
    }

    /// Adds one unit: the values its coders gave it (`None`: missing). A unit with fewer
    /// than two values adds nothing, as it holds no pair to compare.
    pub fn add_unit(&mut self, values: impl IntoIterator<Item = Option<T>>) {
        self.add_units(values, 1);
    }

    /// Adds `count` units that each hold `values`.
    pub(crate) fn add_units(&mut self, values: impl IntoIterator<Item = Option<T>>, count: usize) {
        let mut tally: BTreeMap<T, usize> = BTreeMap::new();
        for value in values.into_iter().flatten() {
            *tally.entry(value).or_insert(0) += 1;
        }
        let pairable: usize = tally.values().sum();
        if pairable < 2 || count == 0 {
            return;
        }
        let weight = count as f64 / (pairable - 1) as f64;
        for (c, &n_c) in &tally {
            for (k, &n_k) in &tally {
                // Ordered pairs of distinct coders' values: n_c·n_k, or n_c·(n_c − 1) on the
                // diagonal, where a value cannot pair with itself.
                let pairs = if c == k { n_c * (n_c - 1) } else { n_c * n_k };
                if pairs > 0 {
                    *self.cells.entry((c.clone(), k.clone())).or_insert(0.0) +=
                        pairs as f64 * weight;
                }
            }
        }
    }

    /// `o_ck`: how often `c` and `k` were paired within a unit (0 if never).
    pub fn get(&self, c: &T, k: &T) -> f64 {
        self.cells
            .get(&(c.clone(), k.clone()))
            .copied()
            .unwrap_or(0.0)
    }

    /// The values that occur in a pairable unit, in order, each with `n_c`, how many
    /// pairable values it accounts for.
    pub fn value_totals(&self) -> Vec<(&T, f64)> {
        let mut totals: Vec<(&T, f64)> = Vec::new();
        for ((row, _), &o) in &self.cells {
            match totals.last_mut() {
                Some((value, total)) if *value == row => *total += o,
                _ => totals.push((row, o)),
            }
        }
        totals
    }

    /// `n`: the number of pairable values (values in units holding at least two).
    pub fn total(&self) -> f64 {
        self.cells.values().sum()
    }

    /// Krippendorff's α for nominal data: 1 for perfect agreement, 0 for agreement at chance
    /// level, below 0 for systematic disagreement. `None` when it is undefined: no pairable
    /// value at all, or a single value used throughout (no variation, so reliability cannot
    /// be told apart from chance — Krippendorff 2011 gives α = 0/0 there).
    pub fn alpha_nominal(&self) -> Option<f64> {
        let totals = self.value_totals();
        if totals.len() < 2 {
            return None;
        }
        let n = self.total();
        let observed_agreement: f64 = self
            .cells
            .iter()
            .filter(|((c, k), _)| c == k)
            .map(|(_, &o)| o)
            .sum();
        let sum_of_squares: f64 = totals.iter().map(|(_, n_c)| n_c * n_c).sum();
        let expected = n * n - sum_of_squares;
        if expected <= 0.0 {
            return None;
        }
        Some(1.0 - (n - 1.0) * (n - observed_agreement) / expected)
    }
}

/// Krippendorff's α for nominal data given unit by unit (each item: the values the coders
/// gave one unit, `None` for a missing value); `None` when undefined (see
/// [`Coincidences::alpha_nominal`]).
pub fn krippendorff_alpha_nominal<T, U, I>(units: I) -> Option<f64>
where
    T: Ord + Clone,
    I: IntoIterator<Item = U>,
    U: IntoIterator<Item = Option<T>>,
{
    Coincidences::from_units(units).alpha_nominal()
}
