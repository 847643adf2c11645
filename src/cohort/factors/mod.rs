//! What leads to a good exit: the report's success-factor analysis (each factor on its own
//! against the three classes of exit, with n, 95 % Wilson intervals and a test of
//! independence), and the adjusted effects the report could not give (a logistic
//! regression of each class against the others on all the factors together).
//!
//! The pass over the extract keeps, for each young person with a class, the class, the
//! site and one level per factor ([`Observations`]); the events file adds the factors it
//! holds (interview frequency, work periods, training). Each scope (a network, a visited
//! site) is then analysed from those observations alone, so a site is read exactly like
//! its network. Every published figure obeys the project's disclosure threshold: a level
//! with fewer young people than the threshold is not published as a row of its own, a
//! small count is hidden with what would let it be recomputed, and the view says so.

mod adjusted;
mod levels;
pub mod logistic;
mod table;

pub use adjusted::{AdjustedModel, AdjustedTerm};
pub use levels::{FactorId, MISSING, frequency_level};
pub use table::{ClassShare, FactorRow, FactorTable, FactorTest};

use super::classes::ExitClasses;
use super::definitions::Network;
use super::extract::{Interner, Record};

/// Young people with a class of exit, with the level of each factor.
#[derive(Clone, Debug)]
pub struct Observations {
    /// The network.
    pub network: Network,
    /// Factors the extract holds, in [`FactorId::ALL`] order, with their level labels.
    pub factors: Vec<FactorSpec>,
    /// Class of exit (0, 1, 2) of each young person.
    pub class: Vec<u8>,
    /// Visited site of each young person (`u16::MAX` for none).
    pub site: Vec<u16>,
    /// Level of each factor ([`FactorId::index`]) for each young person; [`MISSING`] for
    /// none.
    pub values: Vec<[u8; 11]>,
    /// Index of each young person's record in the extract.
    pub record: Vec<u32>,
}

/// A factor of an extract.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorSpec {
    /// Which factor.
    pub id: FactorId,
    /// Its levels, in display order.
    pub levels: Vec<String>,
    /// Whether the extract holds it (a factor always listed may have no value at all).
    pub present: bool,
}

/// Which record-level factors an extract holds.
#[derive(Clone, Copy, Debug, Default)]
pub struct Holds {
    /// Sex.
    pub sex: bool,
    /// Age.
    pub age: bool,
    /// Level.
    pub level: bool,
    /// Qualification.
    pub qualification: bool,
    /// Nationality.
    pub nationality: bool,
    /// ZUS.
    pub zus: bool,
    /// Registration (PE) or first reception (ML).
    pub registration: bool,
    /// Region.
    pub region: bool,
}

impl Observations {
    /// No one yet, with the factors of an extract.
    pub fn new(
        network: Network,
        holds: Holds,
        qualifications: &Interner,
        regions: &Interner,
    ) -> Observations {
        let factors = FactorId::ALL
            .iter()
            .map(|&id| {
                let present = match id {
                    FactorId::Sex => holds.sex,
                    FactorId::AgeBand => holds.age,
                    FactorId::Level => holds.level,
                    FactorId::Qualification => holds.qualification,
                    FactorId::Nationality => holds.nationality,
                    FactorId::Zus => holds.zus,
                    FactorId::Registration => holds.registration,
                    FactorId::Region => holds.region,
                    // The events file decides (see `add_events`).
                    _ => false,
                };
                let levels = match id {
                    FactorId::Qualification => open_labels(qualifications),
                    FactorId::Region => open_labels(regions),
                    _ => id.levels(network).iter().map(|l| (*l).to_owned()).collect(),
                };
                FactorSpec {
                    id,
                    levels,
                    present,
                }
            })
            .collect();
        Observations {
            network,
            factors,
            class: Vec::new(),
            site: Vec::new(),
            values: Vec::new(),
            record: Vec::new(),
        }
    }

    /// Adds a young person with a class of exit.
    pub fn push(&mut self, record: usize, rec: &Record, class: u8) {
        let mut values = [MISSING; 11];
        for f in &self.factors {
            if f.present {
                values[f.id.index()] = levels::record_level(f.id, self.network, rec);
            }
        }
        self.class.push(class);
        self.site.push(rec.site.unwrap_or(u16::MAX));
        self.values.push(values);
        self.record.push(record as u32);
    }

    /// Adds what the events file says of each young person (indexed by record): interviews
    /// a month in phases 1 and 2, a work period, a training.
    pub fn add_events(&mut self, events: &[YouthEvents], holds: EventHolds) {
        let network = self.network;
        for f in &mut self.factors {
            f.present = match f.id {
                FactorId::InterviewFrequency => holds.interviews,
                FactorId::WorkPeriods => holds.work_periods,
                FactorId::Training => holds.training,
                _ => f.present,
            };
        }
        for (values, &record) in self.values.iter_mut().zip(&self.record) {
            let Some(e) = events.get(record as usize) else {
                continue;
            };
            if !e.present || e.days12 < 0 {
                continue;
            }
            if holds.interviews {
                let months = f64::from(e.days12.max(1)) / super::definitions::DAYS_PER_MONTH;
                values[FactorId::InterviewFrequency.index()] =
                    frequency_level(network, f64::from(e.interviews12) / months);
            }
            if holds.work_periods {
                values[FactorId::WorkPeriods.index()] = if e.work12 { 0 } else { 1 };
            }
            if holds.training {
                values[FactorId::Training.index()] = match e.training {
                    Some(Training::Individual) => 0,
                    Some(Training::Collective) => 1,
                    None => 2,
                };
            }
        }
    }

    /// The young people of a scope: everyone, or one visited site's.
    pub fn scope(&self, site: Option<u16>) -> Vec<usize> {
        match site {
            None => (0..self.class.len()).collect(),
            Some(s) => (0..self.class.len())
                .filter(|&i| self.site[i] == s)
                .collect(),
        }
    }

    /// The factor tables and adjusted models of a scope.
    pub fn analyse(
        &self,
        members: &[usize],
        classes: &ExitClasses,
        threshold: u32,
    ) -> (Vec<FactorTable>, Vec<AdjustedModel>) {
        let shown: Vec<&FactorSpec> = self
            .factors
            .iter()
            .filter(|f| f.present || f.id.always_listed())
            .collect();
        let tables = shown
            .iter()
            .map(|f| table::table(self, f, members, classes, threshold))
            .collect();
        let models = (0..3)
            .map(|c| adjusted::model(self, members, classes, c, threshold))
            .collect();
        (tables, models)
    }
}

/// `x` rounded to `digits` significant figures (the nearest double to that decimal), as the
/// JSON publishes it: more would claim a precision the data do not have.
pub(crate) fn significant(x: f64, digits: usize) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    format!("{:.*e}", digits.saturating_sub(1), x)
        .parse()
        .unwrap_or(x)
}

fn open_labels(interner: &Interner) -> Vec<String> {
    interner
        .labels
        .iter()
        .take(levels::MAX_OPEN_LEVELS)
        .cloned()
        .collect()
}

/// A training during support, as the events file names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Training {
    /// Individual POE or AFPR: training for a job offer at hand.
    Individual,
    /// Collective POE, AFC or AIF.
    Collective,
}

impl Training {
    /// Reads an event type (« POE individuelle », « AFPR », « POE collective », « AFC »…).
    pub fn classify(label: &str) -> Option<Training> {
        let k = super::definitions::fold(label);
        let word = |w: &str| k.split(' ').any(|t| t == w);
        if word("afpr") || (word("poe") && k.contains("individ")) {
            Some(Training::Individual)
        } else if word("poe") || word("afc") || word("aif") || k.contains("formation") {
            Some(Training::Collective)
        } else {
            None
        }
    }
}

/// What the events file says of one young person.
#[derive(Clone, Copy, Debug, Default)]
pub struct YouthEvents {
    /// Present in the events file.
    pub present: bool,
    /// Days of phases 1 and 2 when both are complete, else negative.
    pub days12: i32,
    /// Interviews in phases 1 and 2.
    pub interviews12: u32,
    /// A work period in phases 1 or 2.
    pub work12: bool,
    /// The training followed, an individual one first.
    pub training: Option<Training>,
}

/// Which event-based factors the events file holds.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventHolds {
    /// Interviews.
    pub interviews: bool,
    /// Work periods.
    pub work_periods: bool,
    /// Training.
    pub training: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trainings_are_told_apart() {
        assert_eq!(
            Training::classify("POE individuelle"),
            Some(Training::Individual)
        );
        assert_eq!(Training::classify("AFPR"), Some(Training::Individual));
        assert_eq!(
            Training::classify("POE collective"),
            Some(Training::Collective)
        );
        assert_eq!(Training::classify("AFC"), Some(Training::Collective));
        assert_eq!(Training::classify("Entretien"), None);
    }
}
