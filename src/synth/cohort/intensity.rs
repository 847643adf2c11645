//! What the events file must show of the young people whose exit is known: how often they
//! were seen in phases 1 and 2 (the interview frequency the report reads against the
//! classes of exit), whether they worked during support and, at Pôle emploi, whether they
//! were trained. Each young person's interviews are fixed here, by class, so that the bands
//! of frequency hold the report's shares; the events generator gives everyone else what the
//! published totals per phase leave.

use super::common::Path;
use super::people::Person;
use crate::cohort::Network;
use crate::cohort::definitions::DAYS_PER_MONTH;
use crate::cohort::factors::frequency_level;
use crate::synth::rng::{Rng, apportion};

/// The frequency bands of a network: the range drawn inside each (interviews a month, kept
/// clear of the edges), each band's share of the young people, and its classes.
pub struct Bands {
    /// Interviews a month drawn in each band.
    pub ranges: [(f64, f64); 4],
    /// Share of the young people in each band.
    pub sizes: [f64; 4],
    /// Shares of the three classes in each band, in percent.
    pub classes: [[f64; 3]; 4],
    /// Bands whose shares are printed to the point: their cells are fixed first.
    pub exact: [bool; 4],
    /// The shortest supports of class 0 fill band 0 first (Pôle emploi: the high rates of
    /// sustainable jobs at one interview a month or less are short supports, L2955-2956).
    pub short_first: bool,
}

/// Work periods during phases 1 and 2, by class: share of the young people with one, and
/// the classes of those with and without.
pub struct Work {
    /// Share with a work period.
    pub share: f64,
    /// Classes of those with a work period, in percent.
    pub with: [f64; 3],
}

/// Trainings, by class: share trained individually (AFPR, individual POE) and collectively
/// (collective POE, AFC), and the classes of each.
pub struct Trainings {
    /// Shares trained individually and collectively.
    pub shares: [f64; 2],
    /// Classes of each, in percent.
    pub classes: [[f64; 3]; 2],
}

/// Months of phases 1 and 2 of a young person whose two phases are complete.
fn months12(p: &Person) -> Option<f64> {
    let d = p.ends[1]? - p.starts[0]?;
    Some(f64::from(d.max(1)) / DAYS_PER_MONTH)
}

/// Whether the support of a young person is over: phase 2 ended normally and the last
/// phase reached has an end (the population of the « toutes phases » indicators).
fn support_over(p: &Person, path: &Path) -> bool {
    p.ends[path.last - 1].is_some()
}

/// Fixes the interviews of phases 1 and 2 (and the work periods and trainings) of every
/// sampled young person whose phase 2 ended normally (`known` says who), so that the bands
/// hold `bands` for those with a class (`class_of`), and so that those whose support is
/// over have `per_youth` interviews each over all their phases, `phase3` being the
/// interviews of phase 3 the events file will hold. `rates` are the published interviews a
/// month of phases 1 and 2, to split each young person's interviews between them.
#[allow(clippy::too_many_arguments)]
pub fn plan(
    network: Network,
    people: &mut [Person],
    paths: &[Path],
    known: &dyn Fn(&Path) -> bool,
    class_of: &dyn Fn(&Path) -> Option<u8>,
    bands: &Bands,
    per_youth: f64,
    phase3: f64,
    rates: [f64; 2],
    work: Option<&Work>,
    trainings: Option<&Trainings>,
    rng: &mut Rng,
) {
    let planned: Vec<usize> = (0..people.len())
        .filter(|&i| {
            let p = &people[i];
            p.sampled && p.broken.is_none() && known(&paths[p.path]) && months12(p).is_some()
        })
        .collect();
    // Bands by class.
    let classes: Vec<Option<u8>> = planned
        .iter()
        .map(|&i| class_of(&paths[people[i].path]))
        .collect();
    let mut by_class: [Vec<usize>; 4] = Default::default();
    for (k, c) in classes.iter().enumerate() {
        by_class[c.map_or(3, usize::from)].push(k);
    }
    let classified: usize = by_class[..3].iter().map(Vec::len).sum();
    let mut cells = [[0usize; 3]; 4];
    let mut left: [usize; 3] = [0, 1, 2].map(|c| by_class[c].len());
    for b in (0..4).filter(|&b| bands.exact[b]) {
        let size = (bands.sizes[b] * classified as f64).round() as usize;
        let parts = apportion(size, &bands.classes[b]);
        for c in 0..3 {
            cells[b][c] = parts[c].min(left[c]);
            left[c] -= cells[b][c];
        }
    }
    let free: Vec<usize> = (0..4).filter(|&b| !bands.exact[b]).collect();
    for c in 0..3 {
        let weights: Vec<f64> = free
            .iter()
            .map(|&b| bands.sizes[b] * bands.classes[b][c])
            .collect();
        for (&b, n) in free.iter().zip(apportion(left[c], &weights)) {
            cells[b][c] = n;
        }
    }
    let mut band = vec![0usize; planned.len()];
    for c in 0..3 {
        let mut members = by_class[c].clone();
        rng.shuffle(&mut members);
        if c == 0 && bands.short_first {
            members.sort_by(|a, b| {
                let m = |k: &usize| months12(&people[planned[*k]]).unwrap_or(0.0);
                m(a).total_cmp(&m(b))
            });
        }
        let mut slots = (0..4).flat_map(|b| std::iter::repeat_n(b, cells[b][c]));
        for k in members {
            band[k] = slots.next().unwrap_or(1);
        }
    }
    for &k in &by_class[3] {
        band[k] = rng.weighted(&bands.sizes).unwrap_or(1);
    }
    // Interviews: a position in each band, shifted together so that the young people whose
    // support is over get `per_youth` interviews each over all their phases.
    let over: Vec<bool> = planned
        .iter()
        .map(|&i| support_over(&people[i], &paths[people[i].path]))
        .collect();
    let position: Vec<f64> = planned.iter().map(|_| rng.unit()).collect();
    let count = |k: usize, shift: f64| -> u32 {
        let p = &people[planned[k]];
        let m = months12(p).unwrap_or(1.0);
        let (lo, hi) = bands.ranges[band[k]];
        let u = (0.5 * position[k] + shift).clamp(0.0, 1.0);
        let wanted = (lo + u * (hi - lo)) * m;
        fit_band(network, band[k], wanted, m)
    };
    let goal = per_youth * over.iter().filter(|o| **o).count() as f64 - phase3;
    let total = |shift: f64| -> f64 {
        (0..planned.len())
            .filter(|&k| over[k])
            .map(|k| f64::from(count(k, shift)))
            .sum()
    };
    let (mut lo, mut hi) = (0.0, 0.5);
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        if total(mid) < goal {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let shift = (lo + hi) / 2.0;
    let counts: Vec<u32> = (0..planned.len()).map(|k| count(k, shift)).collect();
    for (k, &i) in planned.iter().enumerate() {
        let c = counts[k];
        let p = &people[i];
        let m1 = f64::from((p.ends[0].unwrap_or(0) - p.starts[0].unwrap_or(0)).max(0));
        let m2 = f64::from((p.ends[1].unwrap_or(0) - p.starts[1].unwrap_or(0)).max(0));
        let w1 = rates[0] * m1;
        let w2 = rates[1] * m2;
        let c1 = if w1 + w2 > 0.0 {
            (f64::from(c) * w1 / (w1 + w2)).round() as u32
        } else {
            0
        };
        people[i].planned = Some([c1, c - c1]);
    }
    // Work periods and trainings, by class.
    let draw = |share: f64, with: &[f64; 3], rng: &mut Rng, taken: &[bool]| -> Vec<usize> {
        let n = (share * classified as f64).round() as usize;
        let parts = apportion(n, with);
        let mut chosen = Vec::new();
        for c in 0..3 {
            let mut members: Vec<usize> =
                by_class[c].iter().copied().filter(|&k| !taken[k]).collect();
            rng.shuffle(&mut members);
            chosen.extend(members.into_iter().take(parts[c]));
        }
        chosen
    };
    let none = vec![false; planned.len()];
    if let Some(work) = work {
        for &i in &planned {
            people[i].work_planned = Some(false);
        }
        for k in draw(work.share, &work.with, rng, &none) {
            people[planned[k]].work_planned = Some(true);
        }
    }
    if let Some(t) = trainings {
        // Young people outside the plan are trained in the same proportion, at random.
        let classified: Vec<usize> = (0..3)
            .flat_map(|c| by_class[c].iter().map(|&k| planned[k]))
            .collect();
        let mut others: Vec<usize> = (0..people.len())
            .filter(|&i| people[i].sampled && people[i].broken.is_none())
            .filter(|i| !classified.contains(i))
            .collect();
        rng.shuffle(&mut others);
        let share: f64 = t.shares.iter().sum();
        let n = (share * others.len() as f64).round() as usize;
        for &i in others.iter().take(n) {
            people[i].training = if rng.chance(0.6) { 1 } else { 3 };
        }
        let mut taken = vec![false; planned.len()];
        for (kind, (share, classes)) in t.shares.iter().zip(&t.classes).enumerate() {
            for k in draw(*share, classes, rng, &taken) {
                taken[k] = true;
                // Individual: AFPR or individual POE; collective: collective POE or AFC.
                people[planned[k]].training = if kind == 0 {
                    if rng.chance(0.6) { 1 } else { 2 }
                } else if rng.chance(0.6) {
                    3
                } else {
                    4
                };
            }
        }
    }
}

/// The count nearest `wanted` whose rate over `months` falls in `band`; `wanted` rounded
/// when no count does (a support too short for the band).
fn fit_band(network: Network, band: usize, wanted: f64, months: f64) -> u32 {
    let base = wanted.round().max(0.0) as u32;
    for step in 0..40u32 {
        for candidate in [base.saturating_add(step), base.saturating_sub(step)] {
            if usize::from(frequency_level(network, f64::from(candidate) / months)) == band {
                return candidate;
            }
        }
    }
    base
}
