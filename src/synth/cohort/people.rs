//! The young people of an extract: their structure, profile, pathway and dates.

use super::common::{
    Fate, HORIZON, MARGIN_DAYS, Path, SiteParams, day, fit, target_days, weighted_day, working_day,
};
use crate::cohort::definitions::DAYS_PER_MONTH;
use crate::synth::rng::Rng;
use crate::synth::sites::SITES;

/// How a record's dates are broken (Missions locales only: 118 records, L1485-1486).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Broken {
    /// No entry date.
    MissingEntry,
    /// A date typed as text that is no date (« 31/02/2012 », « 00/00/0000 »).
    Unreadable,
    /// A year typed wrong (2102 for 2012, or 1900).
    Impossible,
    /// Phase 1 ends before it starts.
    OutOfOrder,
}

/// One young person.
#[derive(Clone, Debug)]
pub struct Person {
    /// Anonymised id.
    pub id: u32,
    /// Group: a visited site (`0..sites`), or the other structures (`sites`).
    pub group: usize,
    /// Structure name.
    pub structure: &'static str,
    /// Region.
    pub region: &'static str,
    /// 0 man, 1 woman.
    pub sex: usize,
    /// Age at entry.
    pub age: Option<u8>,
    /// Level ([`crate::cohort::definitions::Level`] index).
    pub level: Option<usize>,
    /// Validated level (level index, 7 for none).
    pub validated: Option<usize>,
    /// 0 French, 1 EU, 2 non-EU.
    pub nationality: usize,
    /// Lives in a ZUS.
    pub zus: bool,
    /// 0 vehicle, 1 public transport only, 2 neither.
    pub mobility: usize,
    /// Qualification.
    pub qualification: &'static str,
    /// Registration category.
    pub category: &'static str,
    /// Months registered in total, months since last registration.
    pub registration: (u32, u32),
    /// Days between first reception and entry.
    pub known_days: i32,
    /// Index of the pathway.
    pub path: usize,
    /// Situation at the end of phase 2.
    pub situation: Option<&'static str>,
    /// Phase 2 renewed.
    pub renewed: bool,
    /// Broken dates.
    pub broken: Option<Broken>,
    /// Phase starts.
    pub starts: [Option<i32>; 3],
    /// Phase ends.
    pub ends: [Option<i32>; 3],
    /// Has events in the events file.
    pub sampled: bool,
    /// Employability, to pair outcomes with profiles.
    pub latent: f64,
    /// Interviews of phases 1 and 2 fixed by the success factors (see `intensity`).
    pub planned: Option<[u32; 2]>,
    /// A work period during phases 1 and 2 fixed by the success factors.
    pub work_planned: Option<bool>,
    /// A training during support: 0 none, 1 AFPR, 2 individual POE, 3 collective POE, 4 AFC.
    pub training: u8,
}

impl Person {
    /// A person of a group, everything else to be drawn.
    pub fn new(group: usize, structure: &'static str, region: &'static str) -> Person {
        Person {
            id: 0,
            group,
            structure,
            region,
            sex: 0,
            age: None,
            level: None,
            validated: None,
            nationality: 0,
            zus: false,
            mobility: 2,
            qualification: "",
            category: "",
            registration: (0, 0),
            known_days: 0,
            path: 0,
            situation: None,
            renewed: false,
            broken: None,
            starts: [None; 3],
            ends: [None; 3],
            sampled: false,
            latent: 0.0,
            planned: None,
            work_planned: None,
            training: 0,
        }
    }
}

/// When a network's young people entered, and how long its phases may last.
pub struct Calendar {
    /// First entry date.
    pub first: i32,
    /// Last entry date of the 2012 cohort.
    pub last: i32,
    /// Entries per month, relative.
    pub months: &'static [(i32, u32, f64)],
    /// Longest phase, months (the reader's threshold between loss and ongoing).
    pub max_months: [f64; 3],
    /// Mean duration of each phase, months.
    pub mean_months: [f64; 3],
}

/// Draws a phase duration and its bounds, given the durations of earlier phases.
pub type Shape<'a> = dyn Fn(&Person, &Path, usize, &[i32; 3], &mut Rng) -> (i32, (i32, i32)) + 'a;

/// Draws every person's dates: durations fitted so that each phase's mean is the report's,
/// then an entry date within the calendar that keeps every date before the extraction date,
/// losses long enough ago and ongoing phases recent enough.
pub fn timelines(
    people: &mut [Person],
    paths: &[Path],
    calendar: &Calendar,
    shape: &Shape<'_>,
    rng: &mut Rng,
) {
    let horizon = day(HORIZON.0, HORIZON.1, HORIZON.2);
    let n = people.len();
    let mut durations = vec![[0i32; 3]; n];
    for phase in 0..3 {
        let mut members = Vec::new();
        let mut values = Vec::new();
        let mut bounds = Vec::new();
        for (i, person) in people.iter().enumerate() {
            let path = &paths[person.path];
            let ended =
                phase + 1 < path.last || (phase + 1 == path.last && path.fate == Fate::Ended);
            if !ended {
                continue;
            }
            let (value, bound) = shape(person, path, phase, &durations[i], rng);
            if person.broken.is_some() {
                durations[i][phase] = value.clamp(bound.0, bound.1);
                continue;
            }
            members.push(i);
            values.push(value);
            bounds.push(bound);
        }
        fit(
            &mut values,
            &bounds,
            target_days(calendar.mean_months[phase], members.len()),
            rng,
        );
        for (i, v) in members.into_iter().zip(values) {
            durations[i][phase] = v;
        }
    }
    let max_days = |phase: usize| (calendar.max_months[phase] * DAYS_PER_MONTH).round() as i32;
    for (i, person) in people.iter_mut().enumerate() {
        let path = &paths[person.path];
        let d = durations[i];
        let offsets = [0, d[0], d[0] + d[1]];
        let k = path.last - 1;
        let (lo, hi) = match path.fate {
            Fate::Ended => (calendar.first, horizon - offsets[k] - d[k]),
            Fate::Lost => (
                calendar.first,
                horizon - max_days(k) - MARGIN_DAYS - offsets[k],
            ),
            Fate::InProgress => (
                horizon - max_days(k) + MARGIN_DAYS - offsets[k],
                horizon - 10 - offsets[k],
            ),
        };
        let (lo, hi) = (lo.max(calendar.first), hi.min(calendar.last));
        let entry = if lo <= hi {
            working_day(weighted_day(lo, hi, calendar.months, rng), lo, hi)
        } else {
            lo.min(calendar.last)
        };
        set_dates(person, path, entry, &d);
    }
    // The extraction date is the latest date of the file: make one record end on it.
    let candidate = people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.broken.is_none() && paths[p.path].fate == Fate::Ended)
        .filter_map(|(i, p)| {
            let span = p.ends[paths[p.path].last - 1]? - p.starts[0]?;
            let entry = horizon - span;
            (entry >= calendar.first && entry <= calendar.last).then_some((i, entry))
        })
        .next_back();
    if let Some((i, entry)) = candidate {
        let path = &paths[people[i].path];
        let d = durations[i];
        set_dates(&mut people[i], path, entry, &d);
    }
}

fn set_dates(person: &mut Person, path: &Path, entry: i32, d: &[i32; 3]) {
    let mut at = entry;
    person.starts = [None; 3];
    person.ends = [None; 3];
    for (phase, days) in d.iter().enumerate().take(path.last) {
        person.starts[phase] = Some(at);
        let ended = phase + 1 < path.last || path.fate == Fate::Ended;
        if ended {
            at += days;
            person.ends[phase] = Some(at);
        }
    }
}

/// Draws a structure among weighted `(name, region)` pairs.
pub fn structure(
    others: &'static [(&'static str, &'static str)],
    weights: &[f64],
    rng: &mut Rng,
) -> (&'static str, &'static str) {
    let i = rng.weighted(weights).unwrap_or(0);
    others.get(i).copied().unwrap_or(("", ""))
}

/// The young people of an extract placed in their structures: the visited sites first,
/// each with its size, then everyone else in other structures drawn by regional volume.
pub struct Placement<'a> {
    /// The visited sites' parameters with their names and regions, in group order.
    pub site_specs: Vec<(&'a SiteParams, &'static str, &'static str)>,
    /// People per group: one group per visited site, then one for all other structures.
    pub sizes: Vec<usize>,
    /// Everyone, group by group.
    pub people: Vec<Person>,
    /// Indices of each group's people.
    pub members: Vec<Vec<usize>>,
}

/// Place `total` young people: the visited sites' own sizes, the rest among `others`.
pub fn place<'a>(
    rng: &mut Rng,
    total: usize,
    sites: &'a [SiteParams],
    others: &'static [(&'static str, &'static str)],
    volume: fn(&str) -> f64,
) -> Placement<'a> {
    let site_specs: Vec<(&SiteParams, &'static str, &'static str)> = sites
        .iter()
        .filter_map(|s| {
            SITES
                .iter()
                .find(|v| v.id == s.id)
                .map(|v| (s, v.name, v.region))
        })
        .collect();
    let mut sizes: Vec<usize> = site_specs.iter().map(|s| s.0.size).collect();
    sizes.push(total - sizes.iter().sum::<usize>());
    let weights: Vec<f64> = others.iter().map(|(_, region)| volume(region)).collect();
    let mut people = Vec::with_capacity(total);
    for (g, size) in sizes.iter().enumerate() {
        for _ in 0..*size {
            let (name, region) = match site_specs.get(g) {
                Some((_, name, region)) => (*name, *region),
                None => structure(others, &weights, rng),
            };
            people.push(Person::new(g, name, region));
        }
    }
    let members: Vec<Vec<usize>> = (0..sizes.len())
        .map(|g| {
            (0..people.len())
                .filter(|i| people[*i].group == g)
                .collect()
        })
        .collect();
    Placement {
        site_specs,
        sizes,
        people,
        members,
    }
}
