//! Counting: each record adds to its network's tally and, when it belongs to a visited
//! site, to that site's tally, in a single pass; events then add to the same tallies.
//!
//! Profile breakdowns and phase-1 exit reasons count every record (a reason or a sex can
//! be read even when the dates are wrong, as the report does); everything that needs dates
//! (phase entries, durations, losses, exits, rates) counts only records whose dates are
//! valid.

use super::classes::{ClassOutcome, ExitClasses};
use super::definitions::{DAYS_PER_MONTH, EndKind, Network, Situation, classify_reason};
use super::extract::{Interner, Nationality, Record, Sex, Validated};

/// Counts of a closed set of categories, plus records where the value is missing.
#[derive(Clone, Debug)]
pub struct Counts<const N: usize> {
    /// Count per category.
    pub known: [u64; N],
    /// Records without a value.
    pub missing: u64,
}

impl<const N: usize> Default for Counts<N> {
    fn default() -> Self {
        Counts {
            known: [0; N],
            missing: 0,
        }
    }
}

impl<const N: usize> Counts<N> {
    fn add(&mut self, index: Option<usize>) {
        match index {
            Some(i) if i < N => self.known[i] += 1,
            _ => self.missing += 1,
        }
    }
}

/// Counts over an open set of labels (interned), plus records where the value is missing.
#[derive(Clone, Debug, Default)]
pub struct Open {
    /// Count per interned label.
    pub known: Vec<u64>,
    /// Records without a value.
    pub missing: u64,
}

impl Open {
    fn add(&mut self, index: Option<u32>) {
        match index {
            Some(i) => {
                let i = i as usize;
                if self.known.len() <= i {
                    self.known.resize(i + 1, 0);
                }
                self.known[i] += 1;
            }
            None => self.missing += 1,
        }
    }
}

/// How a phase stands for one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseState {
    /// The record never reached the phase.
    NotReached,
    /// No end recorded, and the phase started less than its maximum length before the
    /// extraction date.
    InProgress,
    /// No end recorded (« perte »).
    Lost,
    /// The phase ended.
    Ended {
        /// How.
        kind: EndKind,
        /// The row label of the end (an interned reason, or a stand-in).
        label: u32,
    },
}

/// Event kinds the cohort figures use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// Individual interview (« entretien »).
    Interview,
    /// Workshop (« atelier »).
    Workshop,
    /// Job referral (« mise en relation »).
    Referral,
    /// Work period during support (« période d'emploi »).
    WorkPeriod,
}

impl EventKind {
    /// Reads an event type.
    pub fn classify(label: &str) -> Option<EventKind> {
        let k = super::definitions::fold(label);
        if k.contains("entretien") {
            Some(EventKind::Interview)
        } else if k.contains("atelier") {
            Some(EventKind::Workshop)
        } else if k.contains("mise en relation") || k == "mer" {
            Some(EventKind::Referral)
        } else if k.contains("periode") || k.contains("emploi") || k.contains("travail") {
            Some(EventKind::WorkPeriod)
        } else {
            None
        }
    }
}

/// Everything counted for one scope (a network, or a site).
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// Records (entries into phase 1), dates valid or not.
    pub entries: u64,
    /// Records whose dates are valid.
    pub usable: u64,
    /// Records with unusable dates, by first problem.
    pub problems: [u64; 4],
    /// Men, women.
    pub sex: Counts<2>,
    /// Age at entry, by year.
    pub age: Open,
    /// Level, by [`super::definitions::Level::index`].
    pub level: Counts<7>,
    /// Validated level: levels, then « sans certification » at index 7.
    pub validated: Counts<8>,
    /// In a ZUS, not in a ZUS.
    pub zus: Counts<2>,
    /// French, EU, non-EU, foreign without detail.
    pub nationality: Counts<4>,
    /// Motor vehicle; public transport only; neither.
    pub mobility: Counts<3>,
    /// Qualification.
    pub qualification: Open,
    /// Region.
    pub region: Open,
    /// Registration category.
    pub category: Open,
    /// Sum of total months registered.
    pub registration_sum: f64,
    /// Records with total months registered.
    pub registration_n: u64,
    /// Records registered more than 12 months in total.
    pub registration_over_12: u64,
    /// Months since last registration: under 5, 5 to 12, over 12.
    pub last_registration: Counts<3>,
    /// Time known to the structure at entry: under 3 months, 3 to 12, over 12 (valid dates).
    pub known_for: Counts<3>,
    /// Records with unusable dates whose row shows they went beyond phase 1 (a phase-2 or
    /// phase-3 start or reason): counted in entries, in no phase.
    pub invalid_beyond_phase1: u64,
    /// The phase-2 end reasons of those records.
    pub invalid_phase2_reasons: Open,
    /// Phase-1 exits, all records.
    pub phase1_exits: u64,
    /// Phase-1 exit reasons, all records.
    pub phase1_reasons: Open,
    /// Records that reached each phase (valid dates).
    pub reached: [u64; 3],
    /// Losses per phase.
    pub lost: [u64; 3],
    /// Still in the phase at the extraction date.
    pub in_progress: [u64; 3],
    /// Ends per phase by kind: normal, early, moved, broken.
    pub ends: [[u64; 4]; 3],
    /// End reasons per phase (row labels).
    pub reasons: [Open; 3],
    /// Known situations at the end of phase 2, by label.
    pub situations: Open,
    /// Known situations at the end of phase 2, by class ([`Situation::index`]).
    pub situation_class: [u64; 9],
    /// Known exits without a readable situation.
    pub situation_missing: u64,
    /// Known exits in each of the three classes of exit ([`ExitClasses`]).
    pub classes: [u64; 3],
    /// Known exits whose situation the classes leave out (« autres »).
    pub class_excluded: u64,
    /// Known exits without a recorded situation (no class).
    pub class_unknown: u64,
    /// Known exits whose situation is neither positive nor left out (« autres »): the
    /// report's « sorties négatives ».
    pub negative: u64,
    /// Positive exits.
    pub positive: u64,
    /// Known exits in sustainable employment.
    pub sustainable: u64,
    /// Known exits in any employment.
    pub employed: u64,
    /// Sum of phase durations (days) over phases that ended with a date.
    pub duration_days: [i64; 3],
    /// Phases counted in `duration_days`.
    pub duration_n: [u64; 3],
    /// Sum of whole-support durations for those who completed phase 2.
    pub total_days: i64,
    /// Records counted in `total_days`.
    pub total_n: u64,
    /// Phase 2 renewals.
    pub renewals: u64,
    /// Youths with at least one event.
    pub ev_youths: u64,
    /// Youths with events whose phase is complete, per phase.
    pub ev_phase_youths: [u64; 3],
    /// Days of those complete phases.
    pub ev_phase_days: [i64; 3],
    /// Events per kind and phase, for youths with events and a complete phase.
    pub events: [[u64; 3]; 4],
    /// Youths with a work period in each (complete) phase.
    pub work_youths: [u64; 3],
    /// Youths with events whose support is over (phase 2 ended normally, last phase ended).
    pub ev_over_youths: u64,
    /// Days of support of those youths, entry to the end of the last phase.
    pub ev_over_days: i64,
    /// Interviews of those youths, all phases.
    pub ev_over_interviews: u64,
    /// Youths with events who followed a training (POE, AFPR, AFC, AIF).
    pub ev_trained: u64,
}

/// Row labels that stand in for a missing reason.
#[derive(Clone, Copy, Debug)]
pub struct StandIns {
    /// « Entrée en phase 2 », « Entrée en phase 3 ».
    pub next_phase: [u32; 2],
    /// « Motif non renseigné ».
    pub unknown: u32,
}

impl StandIns {
    /// Interns the stand-in labels.
    pub fn new(reasons: &mut Interner) -> StandIns {
        StandIns {
            next_phase: [
                reasons.intern("Entrée en phase 2"),
                reasons.intern("Entrée en phase 3"),
            ],
            unknown: reasons.intern("Motif non renseigné"),
        }
    }
}

/// What the tally needs to know about an extract beside its records.
pub struct Context<'a> {
    /// The network.
    pub network: Network,
    /// The extraction date: the latest valid date of the extract.
    pub horizon: i32,
    /// Kind and implied situation of each interned reason.
    pub reason_kinds: &'a [(EndKind, Option<Situation>)],
    /// Class of each interned situation.
    pub situation_classes: &'a [Situation],
    /// Stand-in labels.
    pub stand_ins: StandIns,
    /// The network's three classes of exit.
    pub classes: &'static ExitClasses,
}

/// A known exit from phase 2: its situation (recorded, named by the reason, or deduced
/// from the entry into phase 3) and its class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KnownExit {
    /// The situation, when it can be told.
    pub situation: Option<Situation>,
    /// Interned situation label, when recorded.
    pub written: Option<u32>,
    /// Its place in the three classes.
    pub class: ClassOutcome,
}

/// The known exit of a record whose phase 2 ended normally, `None` for anyone else.
pub fn known_exit(rec: &Record, states: &[PhaseState; 3], ctx: &Context<'_>) -> Option<KnownExit> {
    let PhaseState::Ended {
        kind: EndKind::Normal,
        label,
    } = states[1]
    else {
        return None;
    };
    let written = rec.situation.map(|s| {
        ctx.situation_classes
            .get(s as usize)
            .copied()
            .unwrap_or(Situation::Other)
    });
    let implied = ctx.reason_kinds.get(label as usize).and_then(|k| k.1);
    // Information is a situation the extract gives; an entry into phase 3 without one is
    // only deduced (PE: follow-up in sustainable employment), enough for a positive exit
    // but not for the three classes (see `classes`).
    let informed = written.or(implied);
    let deduced = if label == ctx.stand_ins.next_phase[1] {
        ctx.network.phase3_situation()
    } else {
        None
    };
    let class = match informed {
        Some(s) => match ctx.classes.class_of(s) {
            Some(c) => ClassOutcome::Class(c as u8),
            None => ClassOutcome::Excluded,
        },
        None => ClassOutcome::Unknown,
    };
    Some(KnownExit {
        situation: informed.or(deduced),
        written: rec.situation,
        class,
    })
}

/// The state of each phase of a record with valid dates.
pub fn phase_states(rec: &Record, ctx: &Context<'_>) -> [PhaseState; 3] {
    let mut states = [PhaseState::NotReached; 3];
    for (p, state) in states.iter_mut().enumerate() {
        let Some(start) = rec.starts[p] else { continue };
        let next_started = p < 2 && rec.starts[p + 1].is_some();
        let reason = rec.reasons[p];
        let kind = reason
            .and_then(|r| ctx.reason_kinds.get(r as usize))
            .map(|k| k.0);
        *state = if kind == Some(EndKind::Lost) {
            PhaseState::Lost
        } else if let (Some(kind), Some(label)) = (kind, reason) {
            PhaseState::Ended { kind, label }
        } else if next_started {
            PhaseState::Ended {
                kind: EndKind::Normal,
                label: ctx.stand_ins.next_phase[p],
            }
        } else if rec.ends[p].is_some() {
            PhaseState::Ended {
                kind: EndKind::Early,
                label: ctx.stand_ins.unknown,
            }
        } else {
            let max_days = (ctx.network.max_phase_months(p + 1) * DAYS_PER_MONTH).round() as i32;
            if ctx.horizon - start > max_days {
                PhaseState::Lost
            } else {
                PhaseState::InProgress
            }
        };
    }
    states
}

impl Tally {
    /// Adds a record. `states` is `None` for a record whose dates are not valid.
    pub fn add(&mut self, rec: &Record, states: Option<&[PhaseState; 3]>, ctx: &Context<'_>) {
        self.entries += 1;
        self.add_profile(rec);
        let Some(states) = states else {
            if let Some(p) = rec.problem {
                self.problems[p.index()] += 1;
            }
            if rec.last_phase() >= 2 || rec.reasons[1].is_some() {
                self.invalid_beyond_phase1 += 1;
                self.invalid_phase2_reasons.add(rec.reasons[1]);
            }
            // A phase-1 exit reason can be read even when the dates cannot.
            if rec.last_phase() <= 1
                && let Some(r) = rec.reasons[0]
                && let Some((kind, _)) = ctx.reason_kinds.get(r as usize)
                && !matches!(kind, EndKind::Normal | EndKind::Lost)
            {
                self.phase1_exits += 1;
                self.phase1_reasons.add(Some(r));
            }
            return;
        };
        self.usable += 1;
        self.known_for.add(rec.known_days.map(|d| {
            let months = f64::from(d) / DAYS_PER_MONTH;
            if months < 3.0 {
                0
            } else if months <= 12.0 {
                1
            } else {
                2
            }
        }));
        for (p, state) in states.iter().enumerate() {
            match *state {
                PhaseState::NotReached => continue,
                PhaseState::InProgress => self.in_progress[p] += 1,
                PhaseState::Lost => self.lost[p] += 1,
                PhaseState::Ended { kind, label } => {
                    let k = match kind {
                        EndKind::Normal => 0,
                        EndKind::Early | EndKind::Lost => 1,
                        EndKind::Moved => 2,
                        EndKind::Broken => 3,
                    };
                    self.ends[p][k] += 1;
                    self.reasons[p].add(Some(label));
                    if p == 0 && kind != EndKind::Normal {
                        self.phase1_exits += 1;
                        self.phase1_reasons.add(Some(label));
                    }
                    if let (Some(s), Some(e)) = (rec.starts[p], rec.ends[p]) {
                        self.duration_days[p] += i64::from(e - s);
                        self.duration_n[p] += 1;
                    }
                }
            }
            self.reached[p] += 1;
        }
        if rec.renewed == Some(true) && states[1] != PhaseState::NotReached {
            self.renewals += 1;
        }
        if let Some(exit) = known_exit(rec, states, ctx) {
            self.add_known_exit(rec, exit, states, ctx);
        }
    }

    fn add_known_exit(
        &mut self,
        rec: &Record,
        exit: KnownExit,
        states: &[PhaseState; 3],
        ctx: &Context<'_>,
    ) {
        self.situations.add(exit.written);
        match exit.class {
            ClassOutcome::Class(c) => self.classes[usize::from(c)] += 1,
            ClassOutcome::Excluded => self.class_excluded += 1,
            ClassOutcome::Unknown => self.class_unknown += 1,
        }
        match exit.situation {
            Some(class) => {
                self.situation_class[class.index()] += 1;
                if ctx.network.is_positive(class) {
                    self.positive += 1;
                } else if !ctx.classes.excluded.contains(&class) {
                    self.negative += 1;
                }
                if class.is_sustainable_employment() {
                    self.sustainable += 1;
                }
                if class.is_employment() {
                    self.employed += 1;
                }
            }
            None => {
                self.situation_missing += 1;
                self.negative += 1;
            }
        }
        let last_end = match states[2] {
            PhaseState::NotReached => rec.ends[1],
            PhaseState::Ended { .. } => rec.ends[2],
            _ => None,
        };
        if let (Some(s), Some(e)) = (rec.starts[0], last_end) {
            self.total_days += i64::from(e - s);
            self.total_n += 1;
        }
    }

    fn add_profile(&mut self, rec: &Record) {
        self.sex.add(rec.sex.map(|s| match s {
            Sex::Man => 0,
            Sex::Woman => 1,
        }));
        self.age.add(rec.age.map(u32::from));
        self.level.add(rec.level.map(|l| l.index()));
        self.validated.add(rec.validated.map(|v| match v {
            Validated::Level(l) => l.index(),
            Validated::None => 7,
        }));
        self.zus.add(rec.zus.map(|z| if z { 0 } else { 1 }));
        self.nationality.add(rec.nationality.map(|n| match n {
            Nationality::French => 0,
            Nationality::Eu => 1,
            Nationality::NonEu => 2,
            Nationality::Foreign => 3,
        }));
        self.mobility.add(match (rec.vehicle, rec.transport) {
            (Some(true), _) => Some(0),
            (Some(false), Some(true)) => Some(1),
            (Some(false), Some(false)) => Some(2),
            _ => None,
        });
        self.qualification.add(rec.qualification);
        self.region.add(rec.region);
        self.category.add(rec.category);
        if let Some(m) = rec.registration_months {
            self.registration_sum += m;
            self.registration_n += 1;
            if m > 12.0 {
                self.registration_over_12 += 1;
            }
        }
        self.last_registration
            .add(rec.last_registration_months.map(|m| {
                if m < 5.0 {
                    0
                } else if m <= 12.0 {
                    1
                } else {
                    2
                }
            }));
    }
}

/// Reason kinds of every interned reason.
pub fn reason_kinds(reasons: &Interner) -> Vec<(EndKind, Option<Situation>)> {
    reasons.labels.iter().map(|l| classify_reason(l)).collect()
}

/// Classes of every interned situation.
pub fn situation_classes(situations: &Interner) -> Vec<Situation> {
    situations
        .labels
        .iter()
        .map(|l| Situation::classify(l))
        .collect()
}
