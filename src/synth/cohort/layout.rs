//! How the extracts lay a young person out: Pôle emploi's extranet gives phase starts and
//! one exit date and reason; Parcours III gives each phase's end and reason, and carries the
//! 118 records whose dates were typed wrong.

use super::common::{Fate, Path, day, french_date};
use super::people::{Broken, Person};
use crate::cohort::definitions::Level;

/// Column headings of Pôle emploi's extract.
pub const PE_HEADINGS: [&str; 19] = [
    "Identifiant",
    "Agence",
    "Région",
    "Date d'entrée",
    "Date de début de phase 2",
    "Date de début de phase 3",
    "Date de sortie",
    "Motif de sortie",
    "Situation en fin de phase 2",
    "Renouvellement phase 2",
    "Âge à l'entrée",
    "Sexe",
    "Niveau de formation",
    "Qualification",
    "Nationalité",
    "Résidence en ZUS",
    "Catégorie",
    "Durée totale d'inscription (mois)",
    "Ancienneté de la dernière inscription (mois)",
];

/// One row of Pôle emploi's extract (no line end).
pub fn pe_row(p: &Person, path: &Path, id: u32) -> String {
    let date = |d: Option<i32>| d.map(french_date).unwrap_or_default();
    let last = path.last - 1;
    let (exit, reason) = match path.fate {
        Fate::Ended => (date(p.ends[last]), path.reasons[last].unwrap_or_default()),
        _ => (String::new(), ""),
    };
    let renewal = match (p.starts[1], p.renewed) {
        (None, _) => "",
        (Some(_), true) => "Oui",
        (Some(_), false) => "Non",
    };
    let fields: [String; 19] = [
        id.to_string(),
        p.structure.to_owned(),
        p.region.to_owned(),
        date(p.starts[0]),
        date(p.starts[1]),
        date(p.starts[2]),
        exit,
        reason.to_owned(),
        p.situation.unwrap_or_default().to_owned(),
        renewal.to_owned(),
        p.age.map(|a| a.to_string()).unwrap_or_default(),
        ["Homme", "Femme"][p.sex].to_owned(),
        p.level
            .and_then(|l| Level::ALL.get(l))
            .map(|l| l.label())
            .unwrap_or_default()
            .to_owned(),
        p.qualification.to_owned(),
        ["Française", "Union européenne", "Hors Union européenne"][p.nationality].to_owned(),
        if p.zus { "Oui" } else { "Non" }.to_owned(),
        p.category.to_owned(),
        p.registration.0.to_string(),
        p.registration.1.to_string(),
    ];
    fields.join(";")
}

/// Column headings of the Parcours III extract.
pub const ML_HEADINGS: [&str; 22] = [
    "Identifiant jeune",
    "Mission locale",
    "Région",
    "Date de premier accueil",
    "Date d'entrée phase 1",
    "Date de fin phase 1",
    "Motif de fin phase 1",
    "Date d'entrée phase 2",
    "Date de fin phase 2",
    "Motif de fin phase 2",
    "Situation fin phase 2",
    "Date d'entrée phase 3",
    "Date de fin phase 3",
    "Motif de fin phase 3",
    "Âge à l'entrée",
    "Sexe",
    "Niveau de formation",
    "Niveau validé",
    "Nationalité",
    "ZUS",
    "Véhicule motorisé",
    "Transports en commun",
];

/// A cell of the extract.
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A date (days since 1970-01-01).
    Date(i32),
}

/// The cells of one row of the Parcours III extract.
pub fn ml_row(p: &Person, path: &Path, id: u32) -> Vec<Cell> {
    let text = |s: &str| {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_owned())
        }
    };
    let date = |d: Option<i32>| d.map_or(Cell::Empty, Cell::Date);
    let level = |l: Option<usize>| match l {
        Some(7) => Cell::Text("Sans certification validée".to_owned()),
        Some(l) => Level::ALL
            .get(l)
            .map_or(Cell::Empty, |l| Cell::Text(l.label().to_owned())),
        None => Cell::Empty,
    };
    let mut entry = date(p.starts[0]);
    let mut end1 = date(p.ends[0]);
    let mut start2 = date(p.starts[1]);
    match (p.broken, p.starts[0]) {
        (Some(Broken::MissingEntry), _) => entry = Cell::Empty,
        (Some(Broken::Unreadable), _) => {
            entry = Cell::Text(
                if p.id.is_multiple_of(2) {
                    "31/02/2012"
                } else {
                    "00/00/0000"
                }
                .to_owned(),
            );
        }
        (Some(Broken::Impossible), Some(d)) => {
            // A year typed 2102 for 2012, or a date left at Excel's day one.
            entry = Cell::Date(if p.id.is_multiple_of(3) {
                day(1900, 1, 1)
            } else {
                d + day(2102, 1, 1) - day(2012, 1, 1)
            });
        }
        (Some(Broken::OutOfOrder), Some(d)) => {
            if p.starts[1].is_some() {
                start2 = Cell::Date(d - 12);
                end1 = Cell::Date(d - 12);
            } else {
                end1 = Cell::Date(d - 20);
            }
        }
        _ => {}
    }
    let ended = |phase: usize| {
        path.last > phase + 1 || (path.last == phase + 1 && path.fate == Fate::Ended)
    };
    let reason = |phase: usize| {
        if ended(phase) {
            path.reasons[phase].unwrap_or_default()
        } else {
            ""
        }
    };
    vec![
        Cell::Number(f64::from(id)),
        text(p.structure),
        text(p.region),
        date(p.starts[0].map(|d| d - p.known_days)),
        entry,
        end1,
        text(reason(0)),
        start2,
        date(p.ends[1]),
        text(reason(1)),
        text(p.situation.unwrap_or_default()),
        date(p.starts[2]),
        date(p.ends[2]),
        text(reason(2)),
        p.age.map_or(Cell::Empty, |a| Cell::Number(f64::from(a))),
        text(["Masculin", "Féminin"][p.sex]),
        level(p.level),
        level(p.validated),
        text(["Française", "UE", "Hors UE"][p.nationality]),
        text(if p.zus { "Oui" } else { "Non" }),
        text(if p.mobility == 0 { "Oui" } else { "Non" }),
        text(if p.mobility == 2 { "Non" } else { "Oui" }),
    ]
}
