//! The events files: interviews, workshops, job referrals and work periods of the young
//! people whose support the file details (every young person of a visited site and one in
//! eight of the others, to keep the files small). Totals per phase are chosen so that the
//! rates per young person and per month are the report's.

use super::common::{HORIZON, day, uniform, working_day};
use super::people::Person;
use crate::cohort::definitions::DAYS_PER_MONTH;
use crate::synth::rng::{Rng, apportion};

/// Event types, as the files write them.
pub const TYPES: [&str; 8] = [
    "Entretien",
    "Atelier",
    "Mise en relation",
    "Période d'emploi",
    "AFPR",
    "POE individuelle",
    "POE collective",
    "AFC",
];

/// One event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Event {
    /// The young person.
    pub id: u32,
    /// Days since 1970-01-01.
    pub date: i32,
    /// Index in [`TYPES`].
    pub kind: u8,
    /// Phase 1..=3.
    pub phase: u8,
}

/// A published rate: its value and the decimals it is printed with.
#[derive(Clone, Copy, Debug)]
pub struct Rate {
    /// The value.
    pub value: f64,
    /// Decimals printed.
    pub decimals: i32,
}

/// Intensity of one event type in one phase.
#[derive(Clone, Copy, Debug, Default)]
pub struct Intensity {
    /// Events per young person who completed the phase.
    pub per_youth: Option<Rate>,
    /// Events per month of the phase.
    pub per_month: Option<Rate>,
    /// A plain rate per month when neither is published.
    pub plain_per_month: f64,
}

/// What a network's events file holds.
pub struct Spec {
    /// Interviews per phase.
    pub interviews: [Intensity; 3],
    /// Job referrals per phase.
    pub referrals: [Intensity; 3],
    /// Workshops per month, per phase.
    pub workshops: [f64; 3],
    /// Share of young people with a work period, per phase.
    pub work_share: [f64; 3],
}

fn margin(decimals: i32) -> f64 {
    0.4 * 10f64.powi(-decimals)
}

/// A total of events that gives both published rates, when they can both be met.
fn pick_total(youths: usize, months: f64, intensity: &Intensity) -> usize {
    let (y, m) = (youths as f64, months);
    let mut lo = 0.0f64;
    let mut hi = f64::MAX;
    let mut center = intensity.plain_per_month * m;
    if let Some(r) = intensity.per_month {
        lo = lo.max((r.value - margin(r.decimals)) * m);
        hi = hi.min((r.value + margin(r.decimals)) * m);
        center = r.value * m;
    }
    if let Some(r) = intensity.per_youth {
        let (a, b) = (
            (r.value - margin(r.decimals)) * y,
            (r.value + margin(r.decimals)) * y,
        );
        if a.max(lo) <= b.min(hi) {
            lo = lo.max(a);
            hi = hi.min(b);
        } else {
            lo = a;
            hi = b;
        }
        center = r.value * y;
    }
    if hi < f64::MAX {
        center.clamp(lo.ceil(), hi.floor().max(lo.ceil())).round() as usize
    } else {
        center.round() as usize
    }
}

/// Every event of the sampled young people, sorted by id then date.
pub fn generate(people: &[Person], spec: &Spec, rng: &mut Rng) -> Vec<Event> {
    let horizon = day(HORIZON.0, HORIZON.1, HORIZON.2);
    let mut events = Vec::new();
    let sampled: Vec<&Person> = people
        .iter()
        .filter(|p| p.sampled && p.broken.is_none())
        .collect();
    for phase in 0..3 {
        // Complete phases: exact totals spread by length.
        let complete: Vec<(&Person, i32, i32)> = sampled
            .iter()
            .filter_map(|p| Some((*p, p.starts[phase]?, p.ends[phase]?)))
            .collect();
        let months: f64 = complete
            .iter()
            .map(|(_, s, e)| f64::from(e - s) / DAYS_PER_MONTH)
            .sum();
        for (kind, intensity) in [(0u8, spec.interviews[phase]), (2u8, spec.referrals[phase])] {
            let total = pick_total(complete.len(), months, &intensity);
            // Interviews fixed by the success factors (phases 1 and 2) are given first; the
            // others share what the published total leaves.
            let fixed = |p: &Person| {
                (kind == 0 && phase < 2)
                    .then_some(p.planned)
                    .flatten()
                    .map(|c| c[phase] as usize)
            };
            let given: usize = complete.iter().filter_map(|(p, _, _)| fixed(p)).sum();
            let weights: Vec<f64> = complete
                .iter()
                .map(|(p, s, e)| {
                    if fixed(p).is_some() {
                        0.0
                    } else {
                        f64::from((e - s).max(1)) * (0.5 + rng.unit())
                    }
                })
                .collect();
            let mut counts = apportion(total.saturating_sub(given), &weights);
            for (c, (p, _, _)) in counts.iter_mut().zip(&complete) {
                if let Some(n) = fixed(p) {
                    *c = n;
                }
            }
            for ((person, s, e), count) in complete.iter().zip(counts) {
                for _ in 0..count {
                    events.push(Event {
                        id: person.id,
                        date: on_working_day(rng, *s, *e),
                        kind,
                        phase: phase as u8 + 1,
                    });
                }
            }
        }
        for (person, s, e) in &complete {
            let expected = spec.workshops[phase] * f64::from(e - s) / DAYS_PER_MONTH;
            for _ in 0..poisson(expected, rng) {
                events.push(Event {
                    id: person.id,
                    date: on_working_day(rng, *s, *e),
                    kind: 1,
                    phase: phase as u8 + 1,
                });
            }
        }
        // Work periods: those the success factors fix first (in phase 2), then others at
        // random, never someone fixed without one.
        let with_work = (spec.work_share[phase] * complete.len() as f64).round() as usize;
        let mut order: Vec<usize> = (0..complete.len())
            .filter(|&i| complete[i].0.work_planned != Some(false))
            .collect();
        rng.shuffle(&mut order);
        if phase == 1 {
            order.sort_by_key(|&i| complete[i].0.work_planned != Some(true));
        } else {
            order.retain(|&i| complete[i].0.work_planned.is_none());
        }
        for &i in order.iter().take(with_work) {
            let (person, s, e) = complete[i];
            events.push(Event {
                id: person.id,
                date: on_working_day(rng, s, e),
                kind: 3,
                phase: phase as u8 + 1,
            });
        }
        // Trainings, in the phase the young person's support ends in (2 at the latest).
        for (person, s, e) in &complete {
            let last = usize::from(person.ends[1].is_some());
            if person.training > 0 && phase == last {
                events.push(Event {
                    id: person.id,
                    date: on_working_day(rng, *s, *e),
                    kind: 3 + person.training,
                    phase: phase as u8 + 1,
                });
            }
        }
        // Open phases (lost or ongoing): a few events early on, counted nowhere.
        for person in &sampled {
            let (Some(s), None) = (person.starts[phase], person.ends[phase]) else {
                continue;
            };
            let until = (s + 75).min(horizon);
            let rate = spec.interviews[phase].per_month.map_or(1.0, |r| r.value);
            for _ in 0..poisson(rate * f64::from(until - s) / DAYS_PER_MONTH, rng) {
                events.push(Event {
                    id: person.id,
                    date: on_working_day(rng, s, until),
                    kind: 0,
                    phase: phase as u8 + 1,
                });
            }
        }
    }
    // Everyone detailed has at least one event, so that the file says who it details.
    let mut with_events: Vec<u32> = events.iter().map(|e| e.id).collect();
    with_events.sort_unstable();
    with_events.dedup();
    for person in &sampled {
        if with_events.binary_search(&person.id).is_err()
            && let Some(start) = person.starts[0]
        {
            events.push(Event {
                id: person.id,
                date: start,
                kind: 1,
                phase: 1,
            });
        }
    }
    events.sort_unstable();
    events
}

/// A day drawn in `s..=e`, moved off weekends.
fn on_working_day(rng: &mut Rng, s: i32, e: i32) -> i32 {
    working_day(uniform(rng, s, e), s, e)
}

/// A Poisson draw (Knuth; small means only).
fn poisson(mean: f64, rng: &mut Rng) -> usize {
    if mean <= 0.0 {
        return 0;
    }
    let limit = (-mean.min(30.0)).exp();
    let mut k = 0;
    let mut p = rng.unit();
    while p > limit {
        k += 1;
        p *= rng.unit();
    }
    k
}
