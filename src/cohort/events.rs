//! The events file: each row (interview, workshop, job referral, work period) is linked to
//! its young person by id and counted in the phase it belongs to, when that phase is
//! complete; the young people present and the length of their complete phases give the
//! denominators of the intensity indicators.

use super::definitions::fold;
use super::extract::{DateCell, IdKey, Record, date_cell};
use super::factors::{EventHolds, Training, YouthEvents};
use super::hash::FastMap;
use super::tally::{EventKind, PhaseState, Tally};
use super::{CohortError, missing_column};
use crate::model::RawTable;
use crate::model::cell::{cell_number, cell_text};

/// What events need to know of a record: its site and its complete phases.
#[derive(Clone, Copy, Debug)]
pub struct Link {
    /// The record's site.
    pub site: Option<u16>,
    /// Phase starts (none for a record whose dates are unusable).
    pub starts: [Option<i32>; 3],
    /// Days of each complete phase; negative when the phase is not complete.
    pub days: [i32; 3],
    /// Days from entry to the end of the last phase, for a young person whose phase 2
    /// ended normally and whose last phase is over; negative otherwise.
    pub over_days: i32,
}

pub fn link(rec: &Record, states: Option<&[PhaseState; 3]>) -> Link {
    let mut days = [-1; 3];
    let mut over_days = -1;
    if let Some(states) = states {
        for p in 0..3 {
            if let (PhaseState::Ended { .. }, Some(s), Some(e)) =
                (states[p], rec.starts[p], rec.ends[p])
            {
                days[p] = e - s;
            }
        }
        let known = matches!(
            states[1],
            PhaseState::Ended {
                kind: super::definitions::EndKind::Normal,
                ..
            }
        );
        let last_end = match states[2] {
            PhaseState::NotReached => rec.ends[1],
            PhaseState::Ended { .. } => rec.ends[2],
            _ => None,
        };
        if let (true, Some(s), Some(e)) = (known, rec.starts[0], last_end) {
            over_days = e - s;
        }
    }
    Link {
        site: rec.site,
        starts: if states.is_some() {
            rec.starts
        } else {
            [None; 3]
        },
        days,
        over_days,
    }
}

/// Event-file headings: id, date, type, phase.
const EVENT_HEADINGS: [&[&str]; 4] = [
    &[
        "identifiant",
        "identifiant jeune",
        "id",
        "id jeune",
        "identifiant anonymise",
        "code jeune",
    ],
    &[
        "date",
        "date de l evenement",
        "date de l actualite",
        "date evenement",
    ],
    &[
        "type",
        "type d evenement",
        "type d actualite",
        "type de l evenement",
        "nature",
    ],
    &["phase"],
];

/// What an events file gave.
pub struct Added {
    /// Rows read.
    pub rows: u64,
    /// Rows whose young person is unknown or unusable.
    pub unmatched: u64,
    /// What the file says of each record (indexed like the records).
    pub youths: Vec<YouthEvents>,
    /// Which event-based factors the file holds.
    pub holds: EventHolds,
}

/// How an event type is read: one of the counted kinds, a training, or neither.
#[derive(Clone, Copy)]
enum Read {
    Event(EventKind),
    Training(Training),
    Other,
}

/// Adds the events of a file to the tallies, and returns what it says of each young person.
pub fn add(
    raw: &RawTable,
    ids: &FastMap<IdKey, u32>,
    links: &[Link],
    national: &mut Tally,
    sites: &mut [Tally],
) -> Result<Added, CohortError> {
    let mut cols = [None; 4];
    if raw.height() > 0 {
        for (c, cell) in raw.row(0).iter().enumerate() {
            let Some(text) = cell_text(cell) else {
                continue;
            };
            let key = fold(&text);
            for (i, names) in EVENT_HEADINGS.iter().enumerate() {
                if cols[i].is_none() && names.contains(&key.as_str()) {
                    cols[i] = Some(c);
                }
            }
        }
    }
    let [Some(id_col), date_col, Some(type_col), phase_col] = cols else {
        let column = if cols[0].is_none() {
            "Identifiant"
        } else {
            "Type"
        };
        return Err(missing_column(raw, column));
    };
    let mut kinds: FastMap<String, Read> = FastMap::default();
    let mut present = vec![false; links.len()];
    let mut work = vec![0u8; links.len()];
    let mut youths = vec![YouthEvents::default(); links.len()];
    let mut trained = vec![false; links.len()];
    let mut holds = EventHolds::default();
    let (mut rows, mut unmatched) = (0u64, 0u64);
    for row in 1..raw.height() {
        let cells = raw.row(row);
        let Some(key) = cells.get(id_col).and_then(IdKey::of) else {
            continue;
        };
        rows += 1;
        let Some(&youth) = ids.get(&key) else {
            unmatched += 1;
            continue;
        };
        let Some(link) = links.get(youth as usize) else {
            continue;
        };
        if link.starts[0].is_none() {
            unmatched += 1;
            continue;
        }
        present[youth as usize] = true;
        let read = match cells.get(type_col).and_then(cell_text) {
            Some(t) => match kinds.get(t.as_ref()) {
                Some(k) => *k,
                None => {
                    // A training is read first: « préparation opérationnelle à l'emploi »
                    // is no work period.
                    let k = match (Training::classify(&t), EventKind::classify(&t)) {
                        (Some(training), _) => Read::Training(training),
                        (None, Some(kind)) => Read::Event(kind),
                        (None, None) => Read::Other,
                    };
                    kinds.insert(t.into_owned(), k);
                    k
                }
            },
            None => Read::Other,
        };
        let kind = match read {
            Read::Event(kind) => kind,
            Read::Training(training) => {
                holds.training = true;
                trained[youth as usize] = true;
                let youth = &mut youths[youth as usize];
                if youth.training != Some(Training::Individual) {
                    youth.training = Some(training);
                }
                continue;
            }
            Read::Other => continue,
        };
        let date = || match date_col.and_then(|c| cells.get(c)).map(date_cell) {
            Some(DateCell::Date(d)) => Some(d),
            _ => None,
        };
        let Some(p) = phase_col
            .and_then(|c| cells.get(c))
            .and_then(phase_of)
            .or_else(|| phase_at(link, date()))
        else {
            continue;
        };
        if link.days[p] < 0 {
            continue;
        }
        let k = kind as usize;
        let over = kind == EventKind::Interview && link.over_days >= 0;
        national.events[k][p] += 1;
        national.ev_over_interviews += u64::from(over);
        if let Some(t) = link.site.and_then(|s| sites.get_mut(s as usize)) {
            t.events[k][p] += 1;
            t.ev_over_interviews += u64::from(over);
        }
        match kind {
            EventKind::WorkPeriod => {
                work[youth as usize] |= 1 << p;
                holds.work_periods = true;
                if p < 2 {
                    youths[youth as usize].work12 = true;
                }
            }
            EventKind::Interview => {
                holds.interviews = true;
                if p < 2 {
                    youths[youth as usize].interviews12 += 1;
                }
            }
            _ => {}
        }
    }
    for (i, link) in links.iter().enumerate() {
        if !present[i] {
            continue;
        }
        youths[i].present = true;
        youths[i].days12 = if link.days[0] >= 0 && link.days[1] >= 0 {
            link.days[0] + link.days[1]
        } else {
            -1
        };
        let add = |t: &mut Tally| {
            t.ev_youths += 1;
            t.ev_trained += u64::from(trained[i]);
            if link.over_days >= 0 {
                t.ev_over_youths += 1;
                t.ev_over_days += i64::from(link.over_days);
            }
            for p in 0..3 {
                if link.days[p] >= 0 {
                    t.ev_phase_youths[p] += 1;
                    t.ev_phase_days[p] += i64::from(link.days[p]);
                    if work[i] & (1 << p) != 0 {
                        t.work_youths[p] += 1;
                    }
                }
            }
        };
        add(national);
        if let Some(t) = link.site.and_then(|s| sites.get_mut(s as usize)) {
            add(t);
        }
    }
    Ok(Added {
        rows,
        unmatched,
        youths,
        holds,
    })
}

/// The phase (0-based) an event's phase cell names: « 2 », « Phase 2 »; `None` for
/// « avant » and anything else.
fn phase_of(cell: &calamine::Data) -> Option<usize> {
    if let Some(n) = cell_number(cell) {
        return (1.0..=3.0).contains(&n).then(|| n as usize - 1);
    }
    let text = cell_text(cell)?;
    let digits: Vec<char> = text.chars().filter(char::is_ascii_digit).collect();
    match digits.as_slice() {
        ['1'] => Some(0),
        ['2'] => Some(1),
        ['3'] => Some(2),
        _ => None,
    }
}

/// The phase a date falls in, for events without a phase.
fn phase_at(link: &Link, date: Option<i32>) -> Option<usize> {
    let date = date?;
    (0..3)
        .rev()
        .find(|&p| link.starts[p].is_some_and(|s| s <= date))
}
