//! Choosing what to hide: primary cells, then complements until the attacker of
//! [`super::system`] can neither pin a hidden figure nor tell a small count from an
//! empty cell or a safe one.
//!
//! Two passes. The first is the cheap reasoning of the old rules, on the published sums
//! over the real numbers: a sum holding one hidden cell gives it away (add the cheapest
//! other figure of the sum), and a hidden cell the sums determine needs one more
//! complement (the cheapest that frees it). The second pass is the whole-number attacker:
//! for every primary cell (a count from 1 to the threshold − 1) it asks whether some
//! completion of the hidden figures makes it 0 and another makes it the threshold or more,
//! and for every hidden figure whether some completion moves it at all. A need that fails
//! gets the cheapest complement that meets it, trying candidates in order of cost (a count
//! before a zero, an inner cell before an « Ensemble » cell, margins last); when no single
//! complement meets it, the one that brings it closest is kept and the loop goes on.
//!
//! Completions the solver finds are kept and reused: a completion stays valid as long as
//! every figure it moves is hidden, and hiding more never invalidates it. Most needs are
//! met by a completion found for another, so a table costs a few dozen small solves.

use super::Suppression;
use super::layout::Layout;
use super::system::{System, Witness, determined};

/// Complements tried for one unmet need before settling for the one that helps most.
const MAX_TRIALS: usize = 24;

/// Tables protected together: one system of slots, each table's layout, and whether it is
/// published (a latent table is never shown; it carries the detail that published tables
/// add up, such as the sites merged into « Autres »).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Tables {
    /// Every slot of every table and the relations between them.
    pub system: System,
    /// Each table's slots.
    pub layouts: Vec<Layout>,
    /// Whether each table is published.
    pub published: Vec<bool>,
}

impl Tables {
    /// The table holding `slot`.
    pub fn table_of(&self, slot: usize) -> Option<usize> {
        self.layouts.iter().position(|l| l.slots().contains(&slot))
    }

    /// Whether `slot` belongs to a published table.
    pub fn is_published(&self, slot: usize) -> bool {
        self.table_of(slot)
            .is_some_and(|t| self.published.get(t).copied().unwrap_or(false))
    }

    /// Order of preference for a complement.
    pub fn cost(&self, slot: usize) -> (u8, u64, usize) {
        match self.table_of(slot) {
            Some(t) => self.layouts[t].cost(slot, &self.system),
            None => (u8::MAX, 0, slot),
        }
    }

    /// Slots under the primary rule: answer counts from 1 to the threshold − 1 — and, in a
    /// latent table, the n of a group under the threshold, which no published sum may give
    /// back either.
    pub fn primary_slots(&self, threshold: u64) -> Vec<bool> {
        let small = |v: u64| v > 0 && v < threshold;
        (0..self.system.len())
            .map(|s| {
                let Some(t) = self.table_of(s) else {
                    return false;
                };
                let layout = &self.layouts[t];
                let v = self.system.values[s];
                if layout.is_primary_kind(s) {
                    return small(v);
                }
                let latent = !self.published.get(t).copied().unwrap_or(false);
                latent && (0..layout.rows).any(|i| layout.n_slot(i) == s) && small(v)
            })
            .collect()
    }
}

/// What a hidden slot needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Need {
    /// Some completion makes it 0.
    Zero,
    /// Some completion makes it at least the threshold.
    AtLeast,
    /// Some completion gives it another value than its own.
    Moves,
}

/// The suppression of every slot (`None` for shown ones): `marks` is the pattern so far
/// (primary cells at least), extended until every need is met or cannot be.
pub(super) fn protect(
    tables: &Tables,
    threshold: u64,
    marks: Vec<Option<Suppression>>,
) -> Vec<Option<Suppression>> {
    let mut p = Protection::new(tables, threshold, marks);
    if !p.any_primary() {
        return p.marks;
    }
    p.linear_pass();
    p.integer_pass();
    p.marks
}

/// The pattern of the first pass alone: the old rules, on sums over the real numbers.
pub(super) fn protect_over_reals(
    tables: &Tables,
    threshold: u64,
    marks: Vec<Option<Suppression>>,
) -> Vec<Option<Suppression>> {
    let mut p = Protection::new(tables, threshold, marks);
    if p.any_primary() {
        p.linear_pass();
    }
    p.marks
}

/// The whole-number audit state shared by the protection and [`super::audit`].
pub(super) struct Protection<'a> {
    pub tables: &'a Tables,
    pub threshold: u64,
    pub hidden: Vec<bool>,
    pub marks: Vec<Option<Suppression>>,
    primary: Vec<bool>,
    hideable: Vec<bool>,
    pub witnesses: Vec<Witness>,
    given_up: Vec<[bool; 3]>,
}

impl<'a> Protection<'a> {
    /// The state for `marks` on published slots; latent slots are hidden and never shown.
    pub fn new(tables: &'a Tables, threshold: u64, mut marks: Vec<Option<Suppression>>) -> Self {
        let slots = tables.system.len();
        marks.resize(slots, None);
        let published: Vec<bool> = (0..slots).map(|s| tables.is_published(s)).collect();
        let primary = tables.primary_slots(threshold);
        for s in 0..slots {
            if published[s] && primary[s] && marks[s].is_none() {
                marks[s] = Some(Suppression::Primary);
            }
            if !published[s] {
                marks[s] = None;
            }
        }
        let hidden = (0..slots)
            .map(|s| !published[s] || marks[s].is_some())
            .collect();
        Protection {
            tables,
            threshold,
            hidden,
            marks,
            primary,
            hideable: published,
            witnesses: Vec::new(),
            given_up: vec![[false; 3]; slots],
        }
    }

    fn any_primary(&self) -> bool {
        self.primary.iter().any(|&p| p)
    }

    fn system(&self) -> &System {
        &self.tables.system
    }

    fn hide(&mut self, slot: usize) {
        self.hidden[slot] = true;
        if self.marks[slot].is_none() {
            self.marks[slot] = Some(Suppression::Secondary);
        }
    }

    /// The old rules over the real numbers, on the published tables' equalities.
    fn linear_pass(&mut self) {
        let tables = self.tables;
        let system = &tables.system;
        let lines: Vec<Vec<(usize, f64)>> = system
            .constraints
            .iter()
            .filter(|c| c.is_equality() && c.low == 0.0)
            .filter(|c| c.terms.iter().all(|&(s, _)| self.hideable[s]))
            .map(|c| c.terms.clone())
            .collect();
        let slots = system.len();
        // Each round adds at least one mark, so this ends within `slots` rounds.
        for _ in 0..=slots {
            // A sum holding one hidden figure gives it away.
            let mut changed = false;
            for line in &lines {
                let hidden = line.iter().filter(|(s, _)| self.hidden[*s]).count();
                if hidden == 1 {
                    let best = line
                        .iter()
                        .map(|&(s, _)| s)
                        .filter(|&s| !self.hidden[s])
                        .min_by_key(|&s| self.tables.cost(s));
                    if let Some(s) = best {
                        self.hide(s);
                        changed = true;
                    }
                }
            }
            if changed {
                continue;
            }
            // Nothing hidden may be determined by the published sums.
            let published_hidden: Vec<bool> = (0..slots)
                .map(|s| self.hideable[s] && self.hidden[s])
                .collect();
            let Some(&exposed) = determined(&lines, &published_hidden).first() else {
                break;
            };
            // A complement that can put the exposed cell on a cycle crosses two sums that
            // already hold hidden cells; try those first, cheapest first.
            let mut crossings = vec![0u8; slots];
            for line in &lines {
                if line.iter().any(|&(s, _)| published_hidden[s]) {
                    for &(s, _) in line {
                        crossings[s] = crossings[s].saturating_add(1);
                    }
                }
            }
            let mut candidates: Vec<usize> = (0..slots)
                .filter(|&s| self.hideable[s] && !self.hidden[s])
                .collect();
            candidates.sort_by_key(|&s| (crossings[s] < 2, self.tables.cost(s)));
            let mut trial = published_hidden.clone();
            let fix = candidates.iter().copied().find(|&c| {
                trial[c] = true;
                let still = determined(&lines, &trial).contains(&exposed);
                trial[c] = false;
                !still
            });
            match fix.or_else(|| candidates.first().copied()) {
                Some(s) => self.hide(s),
                None => break,
            }
        }
    }

    /// The whole-number attacker drives the rest (see the module's documentation).
    fn integer_pass(&mut self) {
        let slots = self.system().len();
        // Each round hides one more slot or gives up one need, so this ends.
        for _ in 0..=4 * slots + 4 {
            let Some((slot, need)) = self.first_unmet() else {
                return;
            };
            if !self.add_complement(slot, need) {
                self.given_up[slot][need as usize] = true;
            }
        }
    }

    /// The needs of a hidden slot, in the order they are checked.
    pub fn needs(&self, slot: usize) -> &'static [Need] {
        if self.primary[slot] {
            &[Need::Zero, Need::AtLeast, Need::Moves]
        } else if self.hideable[slot] {
            &[Need::Moves]
        } else {
            &[]
        }
    }

    fn first_unmet(&mut self) -> Option<(usize, Need)> {
        let slots = self.system().len();
        // Primary cells first: their complements usually free the rest.
        let order: Vec<usize> = (0..slots)
            .filter(|&s| self.primary[s])
            .chain((0..slots).filter(|&s| !self.primary[s]))
            .collect();
        for s in order {
            if !self.hidden[s] {
                continue;
            }
            for &need in self.needs(s) {
                if self.given_up[s][need as usize] {
                    continue;
                }
                if !self.probe(s, need, None).met {
                    return Some((s, need));
                }
            }
        }
        None
    }

    /// Whether a kept completion meets `need` of `slot` under the current pattern.
    fn witnessed(&self, slot: usize, need: Need) -> bool {
        let truth = &self.system().values;
        let v = truth[slot];
        self.witnesses.iter().any(|w| {
            if !w.valid(&self.hidden) {
                return false;
            }
            let x = w.value(slot, truth);
            match need {
                Need::Zero => x == 0,
                Need::AtLeast => x >= self.threshold,
                Need::Moves => x != v,
            }
        })
    }

    fn keep(&mut self, witness: Witness) {
        if !witness.moved.is_empty() && !self.witnesses.contains(&witness) {
            self.witnesses.push(witness);
        }
    }

    /// Whether `need` of `slot` is met (from kept completions, else by solving), and how
    /// close the best completion comes (lower is closer).
    fn probe(&mut self, slot: usize, need: Need, mut distance: Option<&mut f64>) -> Probe {
        if self.witnessed(slot, need) {
            return Probe { met: true };
        }
        let v = self.system().values[slot] as f64;
        let directions: &[bool] = match need {
            Need::Zero => &[false],
            Need::AtLeast => &[true],
            Need::Moves => &[false, true],
        };
        for &maximize in directions {
            let Some(optimum) = self
                .tables
                .system
                .optimize(&self.hidden, &[(slot, 1.0)], maximize)
            else {
                if let Some(d) = distance.as_deref_mut() {
                    *d = f64::INFINITY;
                }
                continue;
            };
            let value = optimum.value;
            self.keep(optimum.witness);
            let met = match need {
                Need::Zero => value < 0.5,
                Need::AtLeast => value + 0.5 >= self.threshold as f64,
                Need::Moves => (value - v).abs() > 0.5,
            };
            if met {
                return Probe { met: true };
            }
            if let Some(d) = distance.as_deref_mut() {
                *d = match need {
                    Need::Zero => value,
                    Need::AtLeast => self.threshold as f64 - value,
                    Need::Moves => 1.0,
                };
            }
        }
        Probe { met: false }
    }

    /// Hide the cheapest complement that meets `need` of `slot`, or the one that comes
    /// closest; `false` when nothing can be hidden that would help.
    fn add_complement(&mut self, slot: usize, need: Need) -> bool {
        // Could anything help? Hide everything that may be hidden and ask again.
        let saved = self.hidden.clone();
        for s in 0..self.hidden.len() {
            self.hidden[s] |= self.hideable[s];
        }
        let possible = self.probe(slot, need, None).met;
        self.hidden = saved;
        if !possible {
            return false;
        }
        let component = self.system().component(&self.hidden, &[slot]);
        let mut near = vec![false; self.system().len()];
        for &s in &component {
            for &c in self.system().touching(s) {
                for &(t, _) in &self.system().constraints[c].terms {
                    near[t] = true;
                }
            }
        }
        let mut candidates: Vec<usize> = (0..near.len())
            .filter(|&s| near[s] && self.hideable[s] && !self.hidden[s])
            .collect();
        if candidates.is_empty() {
            // Nothing next to it: widen to every figure that may be hidden.
            candidates = (0..near.len())
                .filter(|&s| self.hideable[s] && !self.hidden[s])
                .collect();
        }
        candidates.sort_by_key(|&s| self.tables.cost(s));
        let mut best: Option<(f64, usize)> = None;
        for &c in candidates.iter().take(MAX_TRIALS) {
            self.hidden[c] = true;
            let mut distance = f64::INFINITY;
            let met = self.probe(slot, need, Some(&mut distance)).met;
            self.hidden[c] = false;
            if met {
                self.hide(c);
                return true;
            }
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, c));
            }
        }
        match best.map(|(_, c)| c).or_else(|| candidates.first().copied()) {
            Some(c) => {
                self.hide(c);
                true
            }
            None => false,
        }
    }
}

/// The outcome of checking one need.
struct Probe {
    met: bool,
}
