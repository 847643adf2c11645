//! What the attacker knows, as a system of linear constraints on whole numbers.
//!
//! Statistical offices audit a table the way τ-Argus does: every figure of the tables
//! published together (cells, n, totals) is a *slot*; the attacker sees the published
//! slots and knows every relation between slots that holds (a row adds up to its n, a
//! column to its total, a region to its sites, a printed percentage lies within its
//! rounding). A hidden slot is safe only as far as those relations let it move, counts
//! being whole and never negative. [`System::optimize`] answers « how small, how large can
//! this hidden slot (or sum of slots) be? » by integer linear programming with `microlp`,
//! a pure-Rust solver: tables are small, and each question is solved on the hidden slots
//! the target is connected to only.
//!
//! Relations are checked against the true counts when they are added: one that does not
//! hold (a single-choice row with a free « other » answer counted twice) is not something
//! an attacker could rely on, and would make the truth itself look impossible.

use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOptions, SolveOutcome};

/// Branch-and-bound nodes one question may use. The tables' sums are network matrices, whose
/// linear relaxation is already whole, so this is only reached by odd rounding constraints;
/// the answer is then treated as unknown, which the callers read conservatively.
const NODE_LIMIT: u64 = 20_000;

/// One relation the attacker knows: `low ≤ Σ coefficient × slot ≤ high`.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Constraint {
    /// (slot, coefficient).
    pub terms: Vec<(usize, f64)>,
    /// Lower bound (may be `-∞`).
    pub low: f64,
    /// Upper bound (may be `+∞`).
    pub high: f64,
}

impl Constraint {
    /// Whether the relation is an equality.
    pub fn is_equality(&self) -> bool {
        self.low == self.high
    }
}

/// A completion of the hidden slots that satisfies every relation, kept as the slots whose
/// value differs from the truth. It stays a valid completion as long as every slot it moves
/// is hidden.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Witness {
    /// (slot, value) where the value differs from the true one.
    pub moved: Vec<(usize, u64)>,
}

impl Witness {
    /// Whether the completion only moves hidden slots.
    pub fn valid(&self, hidden: &[bool]) -> bool {
        self.moved
            .iter()
            .all(|&(s, _)| hidden.get(s).copied().unwrap_or(false))
    }

    /// The value the completion gives `slot`.
    pub fn value(&self, slot: usize, truth: &[u64]) -> u64 {
        self.moved
            .iter()
            .find(|(s, _)| *s == slot)
            .map_or(truth.get(slot).copied().unwrap_or(0), |&(_, v)| v)
    }
}

/// The best value of an objective and a completion reaching it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Optimum {
    /// The objective's value at the completion (published slots included).
    pub value: f64,
    /// Whether the solver proved it optimal (otherwise it is only a value reached).
    pub proven: bool,
    /// The completion.
    pub witness: Witness,
}

/// Slots (true values) and the relations between them.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct System {
    /// The true value of every slot.
    pub values: Vec<u64>,
    /// The relations known to hold.
    pub constraints: Vec<Constraint>,
    /// For each slot, the relations it takes part in.
    touching: Vec<Vec<usize>>,
    /// The largest value any slot can take (the respondents, which the source line prints).
    pub cap: u64,
}

impl System {
    /// Append slots with these true values; returns the index of the first.
    pub fn push_slots(&mut self, values: impl IntoIterator<Item = u64>) -> usize {
        let offset = self.values.len();
        for v in values {
            self.cap = self.cap.max(v);
            self.values.push(v);
            self.touching.push(Vec::new());
        }
        offset
    }

    /// Number of slots.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// The relations slot `s` takes part in.
    pub fn touching(&self, s: usize) -> &[usize] {
        self.touching.get(s).map_or(&[], Vec::as_slice)
    }

    /// Σ coefficient × true value of `terms`.
    fn true_sum(&self, terms: &[(usize, f64)]) -> f64 {
        terms
            .iter()
            .map(|&(s, c)| c * self.values.get(s).copied().unwrap_or(0) as f64)
            .sum()
    }

    /// Add `low ≤ Σ terms ≤ high` if the true counts satisfy it; returns whether it was
    /// added. Terms on the same slot are merged; terms with a zero coefficient dropped.
    pub fn add(&mut self, terms: Vec<(usize, f64)>, low: f64, high: f64) -> bool {
        let mut merged: Vec<(usize, f64)> = Vec::with_capacity(terms.len());
        for (s, c) in terms {
            if s >= self.values.len() {
                return false;
            }
            match merged.iter_mut().find(|(t, _)| *t == s) {
                Some((_, k)) => *k += c,
                None => merged.push((s, c)),
            }
        }
        merged.retain(|&(_, c)| c != 0.0);
        if merged.is_empty() {
            return false;
        }
        let v = self.true_sum(&merged);
        let tolerance = 1e-9 * (1.0 + v.abs());
        if v < low - tolerance || v > high + tolerance {
            return false;
        }
        let index = self.constraints.len();
        for &(s, _) in &merged {
            self.touching[s].push(index);
        }
        self.constraints.push(Constraint {
            terms: merged,
            low,
            high,
        });
        true
    }

    /// Add the relation `Σ terms = 0`, `≥ 0` or `≤ 0`, whichever the true counts satisfy:
    /// an equality when they do, else the inequality that holds.
    pub fn add_relation(&mut self, terms: Vec<(usize, f64)>) {
        let v = self.true_sum(&terms);
        if v.abs() < 1e-9 {
            self.add(terms, 0.0, 0.0);
        } else if v > 0.0 {
            self.add(terms, 0.0, f64::INFINITY);
        } else {
            self.add(terms, f64::NEG_INFINITY, 0.0);
        }
    }

    /// The hidden slots connected to `seeds` through relations holding hidden slots.
    pub fn component(&self, hidden: &[bool], seeds: &[usize]) -> Vec<usize> {
        let mut seen = vec![false; self.len()];
        let mut used = vec![false; self.constraints.len()];
        let mut stack: Vec<usize> = seeds
            .iter()
            .copied()
            .filter(|&s| hidden.get(s).copied().unwrap_or(false))
            .collect();
        for &s in &stack {
            seen[s] = true;
        }
        let mut out = Vec::new();
        while let Some(s) = stack.pop() {
            out.push(s);
            for &c in self.touching(s) {
                if std::mem::replace(&mut used[c], true) {
                    continue;
                }
                for &(t, _) in &self.constraints[c].terms {
                    if hidden[t] && !seen[t] {
                        seen[t] = true;
                        stack.push(t);
                    }
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The smallest (or largest) value of `Σ objective` over every completion of the hidden
    /// slots that satisfies the relations, counts whole, `0 ≤ slot ≤ cap`. `None` when the
    /// solver fails (a numerical failure or the node budget without any completion).
    pub fn optimize(
        &self,
        hidden: &[bool],
        objective: &[(usize, f64)],
        maximize: bool,
    ) -> Option<Optimum> {
        let seeds: Vec<usize> = objective.iter().map(|&(s, _)| s).collect();
        let unknowns = self.component(hidden, &seeds);
        let published: f64 = objective
            .iter()
            .filter(|(s, _)| !hidden.get(*s).copied().unwrap_or(false))
            .map(|&(s, c)| c * self.values.get(s).copied().unwrap_or(0) as f64)
            .sum();
        if unknowns.is_empty() {
            return Some(Optimum {
                value: published,
                proven: true,
                witness: Witness { moved: Vec::new() },
            });
        }
        let mut variable_of = vec![usize::MAX; self.len()];
        for (k, &s) in unknowns.iter().enumerate() {
            variable_of[s] = k;
        }
        let direction = if maximize {
            OptimizationDirection::Maximize
        } else {
            OptimizationDirection::Minimize
        };
        let mut problem = Problem::new(direction);
        let cap = i32::try_from(self.cap).unwrap_or(i32::MAX);
        let vars: Vec<microlp::Variable> = unknowns
            .iter()
            .map(|&s| {
                let coefficient: f64 = objective
                    .iter()
                    .filter(|(t, _)| *t == s)
                    .map(|&(_, c)| c)
                    .sum();
                problem.add_integer_var(coefficient, (0, cap))
            })
            .collect();
        let mut done = vec![false; self.constraints.len()];
        for &s in &unknowns {
            for &c in self.touching(s) {
                if std::mem::replace(&mut done[c], true) {
                    continue;
                }
                let constraint = &self.constraints[c];
                let mut known = 0.0;
                let mut lhs = Vec::new();
                for &(t, coefficient) in &constraint.terms {
                    match variable_of[t] {
                        usize::MAX => known += coefficient * self.values[t] as f64,
                        k => lhs.push((vars[k], coefficient)),
                    }
                }
                if constraint.is_equality() {
                    problem.add_constraint(
                        lhs.as_slice(),
                        ComparisonOp::Eq,
                        constraint.low - known,
                    );
                    continue;
                }
                if constraint.low.is_finite() {
                    problem.add_constraint(
                        lhs.as_slice(),
                        ComparisonOp::Ge,
                        constraint.low - known,
                    );
                }
                if constraint.high.is_finite() {
                    problem.add_constraint(
                        lhs.as_slice(),
                        ComparisonOp::Le,
                        constraint.high - known,
                    );
                }
            }
        }
        let mut options = SolveOptions::default();
        options.node_limit = Some(NODE_LIMIT);
        // The truth is a completion: the search starts from it.
        options.warm_start = Some(
            unknowns
                .iter()
                .zip(&vars)
                .map(|(&s, &v)| (v, self.values[s] as f64))
                .collect(),
        );
        let solution = match problem.solve_with(options) {
            Ok(SolveOutcome::Solution(solution)) => solution,
            Ok(SolveOutcome::Interrupted(_)) | Err(_) => return None,
        };
        let proven = solution.status() == microlp::SolutionStatus::Optimal;
        let mut moved = Vec::new();
        let mut value = published;
        for (&s, &v) in unknowns.iter().zip(&vars) {
            let x = solution.var_value(v).round().max(0.0) as u64;
            if x != self.values[s] {
                moved.push((s, x));
            }
            let coefficient: f64 = objective
                .iter()
                .filter(|(t, _)| *t == s)
                .map(|&(_, c)| c)
                .sum();
            value += coefficient * x as f64;
        }
        Some(Optimum {
            value,
            proven,
            witness: Witness { moved },
        })
    }
}

/// Hidden slots that the published equalities determine: unknowns of the linear system
/// `lines` (known slots moved to the right-hand side) whose value is fixed, i.e. whose unit
/// vector lies in the row space. Found by reduction to row echelon form. This is the
/// attacker over the real numbers: fast, and a first pass before the whole-number one.
pub(super) fn determined(lines: &[Vec<(usize, f64)>], hidden: &[bool]) -> Vec<usize> {
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
    use super::*;

    /// A 2 × 2 table with its margins: slots a b / c d, row sums 4 and 5, column sums.
    fn square(a: u64, b: u64, c: u64, d: u64) -> System {
        // Slots: 0 a, 1 b, 2 c, 3 d, 4 row1, 5 row2, 6 col1, 7 col2.
        let mut s = System::default();
        s.push_slots([a, b, c, d, a + b, c + d, a + c, b + d]);
        s.add_relation(vec![(0, 1.0), (1, 1.0), (4, -1.0)]);
        s.add_relation(vec![(2, 1.0), (3, 1.0), (5, -1.0)]);
        s.add_relation(vec![(0, 1.0), (2, 1.0), (6, -1.0)]);
        s.add_relation(vec![(1, 1.0), (3, 1.0), (7, -1.0)]);
        s
    }

    #[test]
    fn a_cycle_of_four_hidden_cells_moves_within_its_smallest_margins() {
        let s = square(2, 10, 7, 3);
        let hidden = [true, true, true, true, false, false, false, false];
        // a = 2 + t, b = 10 − t, c = 7 − t, d = 3 + t: t from −2 to 7.
        let low = s.optimize(&hidden, &[(0, 1.0)], false).unwrap();
        let high = s.optimize(&hidden, &[(0, 1.0)], true).unwrap();
        assert_eq!((low.value, high.value), (0.0, 9.0));
        assert!(low.proven && high.proven);
        assert!(low.witness.valid(&hidden));
        assert_eq!(high.witness.value(1, &s.values), 3);
        // The sum a + b is the published row: fixed.
        let sum = s.optimize(&hidden, &[(0, 1.0), (1, 1.0)], true).unwrap();
        assert_eq!(sum.value, 12.0);
    }

    #[test]
    fn a_relation_the_truth_breaks_is_not_kept() {
        let mut s = System::default();
        s.push_slots([3, 4, 6]);
        assert!(!s.add(vec![(0, 1.0), (1, 1.0), (2, -1.0)], 0.0, 0.0));
        s.add_relation(vec![(0, 1.0), (1, 1.0), (2, -1.0)]);
        assert_eq!(s.constraints[0].low, 0.0);
        assert_eq!(s.constraints[0].high, f64::INFINITY);
    }

    #[test]
    fn components_follow_relations_through_hidden_slots_only() {
        let s = square(2, 10, 7, 3);
        let hidden = [true, false, false, true, false, false, false, false];
        assert_eq!(s.component(&hidden, &[0]), vec![0]);
        let hidden = [true, true, true, true, false, false, false, false];
        assert_eq!(s.component(&hidden, &[3]), vec![0, 1, 2, 3]);
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
}
