//! Reading an extract: columns found by heading, each row read into a compact record, and
//! each record's dates checked. A record with a missing entry date, an unreadable or
//! impossible date, or dates out of order is kept and counted; it only stays out of the
//! figures that need dates.

use calamine::Data;

pub use super::columns::{Columns, Field};
use super::definitions::{EARLIEST_DATE, LATEST_DATE, Level, fold};
use super::hash::FastMap;
use crate::model::cell::{cell_date, cell_number, cell_text};

/// Strings seen in one extract, each stored once and referred to by number.
#[derive(Clone, Debug, Default)]
pub struct Interner {
    index: FastMap<String, u32>,
    /// The labels, in the order first seen.
    pub labels: Vec<String>,
}

impl Interner {
    /// The number of a label, adding it on first sight.
    pub fn intern(&mut self, label: &str) -> u32 {
        if let Some(i) = self.index.get(label) {
            return *i;
        }
        let i = self.labels.len() as u32;
        self.labels.push(label.to_owned());
        self.index.insert(label.to_owned(), i);
        i
    }

    /// The label of a number.
    pub fn label(&self, i: u32) -> &str {
        self.labels
            .get(i as usize)
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// Why a record's dates cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateProblem {
    /// No entry date.
    MissingEntry,
    /// A date cell holds something that is not a date.
    Unreadable,
    /// A date before 2010 or after 2014.
    Impossible,
    /// A phase starts before the previous one, or ends before it starts.
    OutOfOrder,
}

impl DateProblem {
    /// Every problem, in display order.
    pub const ALL: [DateProblem; 4] = [
        DateProblem::MissingEntry,
        DateProblem::Unreadable,
        DateProblem::Impossible,
        DateProblem::OutOfOrder,
    ];

    /// In the user's words.
    pub fn label(self) -> &'static str {
        match self {
            DateProblem::MissingEntry => "Date d'entrée manquante",
            DateProblem::Unreadable => "Date illisible",
            DateProblem::Impossible => "Date impossible (avant 2010 ou après 2014)",
            DateProblem::OutOfOrder => "Dates dans le désordre",
        }
    }

    /// Position in [`DateProblem::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Sex as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    /// Homme.
    Man,
    /// Femme.
    Woman,
}

/// Nationality as recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nationality {
    /// Française.
    French,
    /// Another EU country.
    Eu,
    /// Outside the EU.
    NonEu,
    /// Foreign, without detail.
    Foreign,
}

/// A validated level: a level, or no certification at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validated {
    /// « Sans certification validée ».
    None,
    /// A validated level.
    Level(Level),
}

/// One young person, as read from a row.
#[derive(Clone, Debug, Default)]
pub struct Record {
    /// Row in the file (0 = heading row).
    pub row: u32,
    /// Index of the visited site among the report's sites, if the structure is one.
    pub site: Option<u16>,
    /// Interned region.
    pub region: Option<u32>,
    /// Start of phases 1, 2 and 3 (days since 1970-01-01).
    pub starts: [Option<i32>; 3],
    /// Whether a start cell holds something (even an unreadable date).
    pub started: [bool; 3],
    /// End of phases 1, 2 and 3.
    pub ends: [Option<i32>; 3],
    /// Interned end reasons of phases 1, 2 and 3.
    pub reasons: [Option<u32>; 3],
    /// Interned situation at the end of phase 2.
    pub situation: Option<u32>,
    /// Why the dates cannot be used, if they cannot.
    pub problem: Option<DateProblem>,
    /// Phase 2 renewed.
    pub renewed: Option<bool>,
    /// Age at entry.
    pub age: Option<u16>,
    /// Sex.
    pub sex: Option<Sex>,
    /// Level.
    pub level: Option<Level>,
    /// Validated level.
    pub validated: Option<Validated>,
    /// Interned qualification.
    pub qualification: Option<u32>,
    /// Nationality.
    pub nationality: Option<Nationality>,
    /// Lives in a ZUS.
    pub zus: Option<bool>,
    /// Has a motor vehicle.
    pub vehicle: Option<bool>,
    /// Has public transport.
    pub transport: Option<bool>,
    /// Days between first reception and entry.
    pub known_days: Option<i32>,
    /// Months registered in total.
    pub registration_months: Option<f64>,
    /// Months since last registration.
    pub last_registration_months: Option<f64>,
    /// Interned registration category.
    pub category: Option<u32>,
}

impl Record {
    /// The last phase the record reached (1..=3); 0 when even the entry is missing.
    pub fn last_phase(&self) -> usize {
        (0..3).rev().find(|&p| self.started[p]).map_or(0, |p| p + 1)
    }
}

/// A young person's key, to link events to records.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IdKey {
    /// A numeric id.
    Number(i64),
    /// Any other id.
    Text(String),
}

impl IdKey {
    /// The key of an id cell.
    pub fn of(cell: &Data) -> Option<IdKey> {
        match cell {
            Data::Int(i) => Some(IdKey::Number(*i)),
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(IdKey::Number(*f as i64)),
            Data::String(s) => {
                let t = s.trim();
                if t.is_empty() {
                    None
                } else if let Ok(n) = t.parse::<i64>() {
                    Some(IdKey::Number(n))
                } else {
                    Some(IdKey::Text(t.to_owned()))
                }
            }
            other => cell_text(other).map(|t| IdKey::Text(t.into_owned())),
        }
    }
}

/// What a date cell holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateCell {
    /// Nothing.
    Empty,
    /// A date (days since 1970-01-01).
    Date(i32),
    /// Something that is not a date.
    Unreadable,
}

/// Reads a date cell; `dd/mm/yyyy` and `yyyy-mm-dd` text take a fast path.
pub fn date_cell(cell: &Data) -> DateCell {
    match cell {
        Data::Empty => DateCell::Empty,
        Data::String(s) if s.trim().is_empty() => DateCell::Empty,
        Data::String(s) => match fast_date(s.trim().as_bytes()).or_else(|| cell_date(cell)) {
            Some(d) => DateCell::Date(d),
            None => DateCell::Unreadable,
        },
        _ => cell_date(cell).map_or(DateCell::Unreadable, DateCell::Date),
    }
}

fn fast_date(b: &[u8]) -> Option<i32> {
    if b.len() != 10 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let mut v = 0u32;
        for &c in &b[r] {
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(c - b'0');
        }
        Some(v)
    };
    let (y, m, d) = if b[2] == b'/' && b[5] == b'/' {
        (num(6..10)?, num(3..5)?, num(0..2)?)
    } else if b[4] == b'-' && b[7] == b'-' {
        (num(0..4)?, num(5..7)?, num(8..10)?)
    } else {
        return None;
    };
    days(y as i32, m, d)
}

/// Days since 1970-01-01 of a calendar date, `None` when the date does not exist.
pub fn days(year: i32, month: u32, day: u32) -> Option<i32> {
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((date - epoch).num_days()).ok()
}

/// Reads the rows of an extract into records. Categorical values are interned; sites are
/// found by structure name through `site_of`.
pub struct RowReader<'a> {
    columns: &'a Columns,
    site_of: &'a dyn Fn(&str) -> Option<u16>,
    sites: FastMap<String, Option<u16>>,
    /// Regions seen.
    pub regions: Interner,
    /// End reasons seen (all phases share one list).
    pub reasons: Interner,
    /// Situations seen.
    pub situations: Interner,
    /// Qualifications seen.
    pub qualifications: Interner,
    /// Categories seen.
    pub categories: Interner,
    sex: FastMap<String, Option<Sex>>,
    yes_no: FastMap<String, Option<bool>>,
    levels: FastMap<String, Option<Validated>>,
    nationalities: FastMap<String, Option<Nationality>>,
    earliest: i32,
    latest: i32,
}

impl<'a> RowReader<'a> {
    /// A reader for a table whose columns are `columns`.
    pub fn new(columns: &'a Columns, site_of: &'a dyn Fn(&str) -> Option<u16>) -> Self {
        RowReader {
            columns,
            site_of,
            sites: FastMap::default(),
            regions: Interner::default(),
            reasons: Interner::default(),
            situations: Interner::default(),
            qualifications: Interner::default(),
            categories: Interner::default(),
            sex: FastMap::default(),
            yes_no: FastMap::default(),
            levels: FastMap::default(),
            nationalities: FastMap::default(),
            earliest: days(EARLIEST_DATE.0, EARLIEST_DATE.1, EARLIEST_DATE.2).unwrap_or(i32::MIN),
            latest: days(LATEST_DATE.0, LATEST_DATE.1, LATEST_DATE.2).unwrap_or(i32::MAX),
        }
    }

    /// Reads one row (`row >= 1`) of `cells`.
    pub fn read(&mut self, row: usize, cells: &[Data]) -> Record {
        let cols = self.columns;
        let cell = |f: Field| {
            cols.get(f)
                .and_then(|c| cells.get(c))
                .unwrap_or(&Data::Empty)
        };
        let mut rec = Record {
            row: row as u32,
            ..Record::default()
        };
        let mut problem: Option<DateProblem> = None;
        let note = |p: DateProblem, current: &mut Option<DateProblem>| {
            if current.is_none() {
                *current = Some(p);
            }
        };
        let (earliest, latest) = (self.earliest, self.latest);
        let date = |f: Field, problem: &mut Option<DateProblem>| -> (Option<i32>, bool) {
            // A first reception may be years before the scheme; the scheme's own dates not.
            let earliest = if f == Field::FirstContact {
                earliest - 20 * 365
            } else {
                earliest
            };
            match date_cell(cell(f)) {
                DateCell::Empty => (None, false),
                DateCell::Date(d) if d < earliest || d > latest => {
                    note(DateProblem::Impossible, problem);
                    (None, true)
                }
                DateCell::Date(d) => (Some(d), true),
                DateCell::Unreadable => {
                    note(DateProblem::Unreadable, problem);
                    (None, true)
                }
            }
        };
        let (entry, entry_there) = date(Field::Entry, &mut problem);
        if !entry_there {
            problem = Some(DateProblem::MissingEntry);
        }
        let (s2, s2_there) = date(Field::Phase2Start, &mut problem);
        let (s3, s3_there) = date(Field::Phase3Start, &mut problem);
        let (e1, _) = date(Field::Phase1End, &mut problem);
        let (e2, _) = date(Field::Phase2End, &mut problem);
        let (e3, _) = date(Field::Phase3End, &mut problem);
        let (exit, _) = date(Field::ExitDate, &mut problem);
        let (first_contact, _) = date(Field::FirstContact, &mut problem);
        rec.starts = [entry, s2, s3];
        rec.started = [entry_there, s2_there, s3_there];
        let last = rec.last_phase();
        // Layouts differ: Parcours III gives each phase's end, the PE extranet gives the next
        // phase's start and one exit date for the last phase reached.
        rec.ends = [
            e1.or(if s2_there {
                s2
            } else if last == 1 {
                exit
            } else {
                None
            }),
            e2.or(if s3_there {
                s3
            } else if last == 2 {
                exit
            } else {
                None
            }),
            e3.or(if last == 3 { exit } else { None }),
        ];
        let exit_reason = self.text(cell(Field::ExitReason), Which::Reason);
        let per_phase = [
            Field::Phase1Reason,
            Field::Phase2Reason,
            Field::Phase3Reason,
        ];
        for (p, field) in per_phase.into_iter().enumerate() {
            rec.reasons[p] = self.text(cell(field), Which::Reason).or(if last == p + 1 {
                exit_reason
            } else {
                None
            });
        }
        if problem.is_none() {
            problem = order_problem(&rec);
        }
        rec.problem = problem;
        rec.known_days = match (entry, first_contact) {
            (Some(e), Some(f)) => Some(e - f),
            _ => None,
        };
        rec.situation = self.text(cell(Field::Situation), Which::Situation);
        rec.region = self.text(cell(Field::Region), Which::Region);
        rec.qualification = self.text(cell(Field::Qualification), Which::Qualification);
        rec.category = self.text(cell(Field::Category), Which::Category);
        if let Some(c) = cols.get(Field::Structure) {
            rec.site = self.site(cells.get(c).unwrap_or(&Data::Empty));
        }
        rec.renewed = self.yes_no(cell(Field::Renewal));
        rec.zus = self.yes_no(cell(Field::Zus));
        rec.vehicle = self.yes_no(cell(Field::Vehicle));
        rec.transport = self.yes_no(cell(Field::PublicTransport));
        rec.age = cell_number(cell(Field::Age))
            .filter(|a| (0.0..130.0).contains(a))
            .map(|a| a as u16);
        rec.sex = self.sex(cell(Field::Sex));
        rec.level = match self.level(cell(Field::Level)) {
            Some(Validated::Level(l)) => Some(l),
            _ => None,
        };
        rec.validated = self.level(cell(Field::ValidatedLevel));
        rec.nationality = self.nationality(cell(Field::Nationality));
        rec.registration_months = cell_number(cell(Field::RegistrationMonths));
        rec.last_registration_months = cell_number(cell(Field::LastRegistrationMonths));
        rec
    }

    fn text(&mut self, cell: &Data, which: Which) -> Option<u32> {
        let text = cell_text(cell)?;
        let interner = match which {
            Which::Reason => &mut self.reasons,
            Which::Situation => &mut self.situations,
            Which::Region => &mut self.regions,
            Which::Qualification => &mut self.qualifications,
            Which::Category => &mut self.categories,
        };
        Some(interner.intern(&text))
    }

    fn site(&mut self, cell: &Data) -> Option<u16> {
        let text = cell_text(cell)?;
        if let Some(site) = self.sites.get(text.as_ref()) {
            return *site;
        }
        let site = (self.site_of)(&text);
        self.sites.insert(text.into_owned(), site);
        site
    }

    fn sex(&mut self, cell: &Data) -> Option<Sex> {
        let text = cell_text(cell)?;
        memo(&mut self.sex, &text, |t| {
            let k = fold(t);
            match k.chars().next() {
                Some('h' | 'm') | Some('1') => Some(Sex::Man),
                Some('f') | Some('2') => Some(Sex::Woman),
                _ => None,
            }
        })
    }

    fn yes_no(&mut self, cell: &Data) -> Option<bool> {
        match cell {
            Data::Bool(b) => return Some(*b),
            Data::Int(1) => return Some(true),
            Data::Int(0) => return Some(false),
            _ => {}
        }
        let text = cell_text(cell)?;
        memo(&mut self.yes_no, &text, |t| match fold(t).as_str() {
            "oui" | "o" | "yes" | "y" | "vrai" | "1" | "x" => Some(true),
            "non" | "n" | "no" | "faux" | "0" => Some(false),
            _ => None,
        })
    }

    fn level(&mut self, cell: &Data) -> Option<Validated> {
        let text = cell_text(cell)?;
        memo(&mut self.levels, &text, |t| {
            if let Some(l) = Level::parse(t) {
                Some(Validated::Level(l))
            } else {
                let k = fold(t);
                (k.starts_with("sans") || k.contains("aucun")).then_some(Validated::None)
            }
        })
    }

    fn nationality(&mut self, cell: &Data) -> Option<Nationality> {
        let text = cell_text(cell)?;
        memo(&mut self.nationalities, &text, |t| {
            let k = fold(t);
            if k.starts_with("franc") || k == "fr" {
                Some(Nationality::French)
            } else if k.contains("hors") || k.contains("non ue") || k.contains("extra") {
                Some(Nationality::NonEu)
            } else if k == "ue"
                || k.contains("union europeenne")
                || k.contains(" ue")
                || k.starts_with("ue ")
            {
                Some(Nationality::Eu)
            } else if k.starts_with("etranger") {
                Some(Nationality::Foreign)
            } else {
                None
            }
        })
    }
}

#[derive(Clone, Copy)]
enum Which {
    Reason,
    Situation,
    Region,
    Qualification,
    Category,
}

fn memo<T: Copy>(
    cache: &mut FastMap<String, Option<T>>,
    text: &str,
    f: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    if let Some(v) = cache.get(text) {
        return *v;
    }
    let v = f(text);
    cache.insert(text.to_owned(), v);
    v
}

/// Whether the dates of a record follow each other.
fn order_problem(rec: &Record) -> Option<DateProblem> {
    let [s1, s2, s3] = rec.starts;
    let [e1, e2, e3] = rec.ends;
    let before = |a: Option<i32>, b: Option<i32>| matches!((a, b), (Some(a), Some(b)) if b < a);
    let bad = before(s1, e1)
        || before(s1, s2)
        || before(e1, s2)
        || before(s2, e2)
        || before(s2, s3)
        || before(e2, s3)
        || before(s3, e3)
        || before(s1, s3);
    bad.then_some(DateProblem::OutOfOrder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_iso_dates_take_the_fast_path() {
        assert_eq!(fast_date(b"01/01/1970"), Some(0));
        assert_eq!(fast_date(b"1970-01-02"), Some(1));
        assert_eq!(fast_date(b"31/02/2012"), None);
        assert_eq!(
            date_cell(&Data::String("31/02/2012".into())),
            DateCell::Unreadable
        );
        assert_eq!(date_cell(&Data::String("  ".into())), DateCell::Empty);
    }
}
