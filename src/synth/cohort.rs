//! The two cohort extracts of the sample evaluation, shaped like the files the report
//! describes (L67-82): Pôle emploi's extranet follow-up (`cohortes/pe_extranet.csv`,
//! semicolon-separated Windows-1252 as PE's information system exports it) and the Missions
//! locales' Parcours III extract (`cohortes/ml_parcours3.xlsx`), one row per young person,
//! each with an events file (interviews, workshops, job referrals, work periods).
//!
//! National figures reproduce the report exactly (counts are apportioned, never drawn);
//! the ten visited sites have a few hundred young people each, with rates of their own.
//! Each reproduced figure is recorded for `REFERENCE.md` with the test that reads it back
//! through [`crate::cohort`].

mod common;
mod events;
mod ml;
mod pe;
mod people;

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use super::{Sample, SynthError, write_file};
use crate::model::manifest::CohortExtract;
use common::french_date;
use events::{Event, TYPES};
use people::Person;

/// Pôle emploi's extract, relative to the evaluation folder.
pub const PE_FILE: &str = "cohortes/pe_extranet.csv";
/// Pôle emploi's events.
pub const PE_EVENTS: &str = "cohortes/pe_evenements.csv";
/// The Missions locales' extract.
pub const ML_FILE: &str = "cohortes/ml_parcours3.xlsx";
/// The Missions locales' events.
pub const ML_EVENTS: &str = "cohortes/ml_evenements.csv";

/// Ids of a scaled copy are shifted by this much per copy.
const COPY_ID_STEP: u32 = 1_000_000;

/// The manifest entries of both extracts.
pub fn extracts() -> Vec<CohortExtract> {
    vec![
        CohortExtract { network: "PE".to_owned(), file: PE_FILE.to_owned(), events: Some(PE_EVENTS.to_owned()) },
        CohortExtract { network: "ML".to_owned(), file: ML_FILE.to_owned(), events: Some(ML_EVENTS.to_owned()) },
    ]
}

/// Writes both extracts and their events into `dir`, records them in the manifest and the
/// figures they reproduce in `REFERENCE.md`.
pub fn write(dir: &Path, sample: &mut Sample) -> Result<(), SynthError> {
    write_scaled(dir, 1)?;
    sample.manifest.cohort.extend(extracts());
    record_figures(sample);
    Ok(())
}

/// Writes extracts `factor` times larger than the sample's (each young person copied with
/// a new id, events included), same files, same shape: for benchmarks and `atelier synth
/// scale`.
pub fn write_scaled(dir: &Path, factor: usize) -> Result<(), SynthError> {
    let factor = factor.max(1);
    let (pe_people, pe_paths) = pe::people();
    let pe_events = events::generate(&pe_people, &pe::events_spec(), &mut crate::synth::rng::Rng::stream(super::SEED, "evenements-pe"));
    write_pe(dir, &pe_people, &pe_paths, &pe_events, factor)?;
    drop(pe_events);
    let (ml_people, ml_paths) = ml::people();
    let ml_events = events::generate(&ml_people, &ml::events_spec(), &mut crate::synth::rng::Rng::stream(super::SEED, "evenements-ml"));
    write_ml(dir, &ml_people, &ml_paths, &ml_events, factor)
}

fn windows_1252(path: &Path, text: &str) -> Result<Vec<u8>, SynthError> {
    let (bytes, _, errors) = encoding_rs::WINDOWS_1252.encode(text);
    if errors {
        return Err(SynthError::Document {
            path: path.to_path_buf(),
            message: "caractère impossible à écrire en Windows-1252".to_owned(),
        });
    }
    Ok(bytes.into_owned())
}

fn write_pe(dir: &Path, people: &[Person], paths: &[common::Path], events: &[Event], factor: usize) -> Result<(), SynthError> {
    let mut text = String::with_capacity(people.len() * factor * 150);
    text.push_str(&pe::HEADINGS.join(";"));
    text.push_str("\r\n");
    for copy in 0..factor {
        let shift = copy as u32 * COPY_ID_STEP;
        for p in people {
            text.push_str(&pe::row(p, &paths[p.path], p.id + shift));
            text.push_str("\r\n");
        }
    }
    write_file(dir, PE_FILE, &windows_1252(&dir.join(PE_FILE), &text)?)?;
    let mut text = String::with_capacity(events.len() * factor * 32);
    text.push_str("Identifiant;Date;Type;Phase\r\n");
    for copy in 0..factor {
        let shift = copy as u32 * COPY_ID_STEP;
        for e in events {
            text.push_str(&format!(
                "{};{};{};{}\r\n",
                e.id + shift,
                french_date(e.date),
                TYPES[usize::from(e.kind)],
                e.phase
            ));
        }
    }
    write_file(dir, PE_EVENTS, &windows_1252(&dir.join(PE_EVENTS), &text)?)
}

fn write_ml(dir: &Path, people: &[Person], paths: &[common::Path], events: &[Event], factor: usize) -> Result<(), SynthError> {
    let path = dir.join(ML_FILE);
    let xlsx_error = |e: rust_xlsxwriter::XlsxError| SynthError::Document { path: path.clone(), message: e.to_string() };
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2013, 7, 1).and_then(|d| d.and_hms(9, 0, 0)).map_err(xlsx_error)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Extraction Parcours III — ANI Jeunes, cohorte 2012")
            .set_author("CNML")
            .set_company("Conseil national des Missions locales")
            .set_creation_datetime(&created),
    );
    let dates = Format::new().set_num_format("dd/mm/yyyy");
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("Parcours III").map_err(xlsx_error)?;
    for (col, heading) in ml::HEADINGS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *heading, &bold).map_err(xlsx_error)?;
    }
    let mut row = 1u32;
    for copy in 0..factor {
        let shift = copy as u32 * COPY_ID_STEP;
        for p in people {
            for (col, cell) in ml::row(p, &paths[p.path], p.id + shift).into_iter().enumerate() {
                let col = col as u16;
                match cell {
                    ml::Cell::Empty => {}
                    ml::Cell::Text(t) => {
                        sheet.write_string(row, col, t).map_err(xlsx_error)?;
                    }
                    ml::Cell::Number(n) => {
                        sheet.write_number(row, col, n).map_err(xlsx_error)?;
                    }
                    ml::Cell::Date(d) => {
                        sheet.write_number_with_format(row, col, f64::from(d) + 25_569.0, &dates).map_err(xlsx_error)?;
                    }
                }
            }
            row += 1;
        }
    }
    let bytes = book.save_to_buffer().map_err(xlsx_error)?;
    write_file(dir, ML_FILE, &bytes)?;
    let mut text = String::with_capacity(events.len() * factor * 32);
    text.push_str("Identifiant jeune;Date;Type d'actualité;Phase\n");
    for copy in 0..factor {
        let shift = copy as u32 * COPY_ID_STEP;
        for e in events {
            text.push_str(&format!(
                "{};{};{};{}\n",
                e.id + shift,
                crate::import::questions::format_date(e.date),
                TYPES[usize::from(e.kind)],
                e.phase
            ));
        }
    }
    write_file(dir, ML_EVENTS, text.as_bytes())
}

/// The report's figures the extracts reproduce, with the test that reads each back.
fn record_figures(sample: &mut Sample) {
    const PE: &str = "Cohorte PE";
    const ML: &str = "Cohorte ML";
    let t = |name: &str| format!("tests/cohort.rs::{name}");
    let rows: &[(&str, &str, &str, &str, &str)] = &[
        (PE, "Entrées en phase 1 (avant le 31/12/2012)", "28 505", "L1478, L3065", "pe_entries_and_phases"),
        (PE, "Entrées en phase 2 (synthèse chiffrée)", "28 477", "L3066", "pe_entries_and_phases"),
        (PE, "Sorties ou pertes en phase 1", "28", "L1845-1846", "pe_entries_and_phases"),
        (PE, "Pertes en phase 2 (ni date ni motif de fin de phase)", "2 240", "L1847-1849", "pe_exits_and_losses"),
        (PE, "Abandons en phase 2", "1 460", "L1854-1855", "pe_exits_and_losses"),
        (
            PE,
            "Motifs de fin anticipée et pertes en phase 2 : abandon, déménagement, fin à l'initiative du client, pertes, sortie anticipée du suivi délégué",
            "total 5 134 : 28 %, 9 %, 7 %, 44 %, 12 %",
            "L1859-1874",
            "pe_exits_and_losses",
        ),
        (PE, "Sorties phase 2 (situations connues)", "23 343", "L3067-3069", "pe_exits_and_losses"),
        (PE, "Taux de sortie positive / entrants en phase 2", "35,5 %", "L3075-3077", "pe_positive_exits"),
        (PE, "Taux de sortie positive / totalité des entrants", "35,5 %", "L2858", "pe_positive_exits"),
        (PE, "Taux d'emploi durable (sorties à situation connue)", "43,5 %", "L3070, L2858-2859", "pe_positive_exits"),
        (PE, "Taux d'emploi en fin de phase 2, emplois courts compris (situations connues)", "62 %", "L3071-3074", "pe_positive_exits"),
        (PE, "Création d'entreprise : part des sorties positives, part des sorties", "4 %, 2 %", "L2859-2860", "pe_positive_exits"),
        (PE, "Sorties sans emploi : part des sorties à situation connue", "27 %", "L2864-2866", "pe_positive_exits"),
        (PE, "Niveaux de formation I à VI (effectifs, total 28 503)", "98 ; 344 ; 7 695 ; 10 376 ; 9 938 ; 52", "L1691-1700", "pe_profile"),
        (PE, "Niveaux V, IV et III (pourcentages valides)", "34,9 % ; 36,4 % ; 27,0 %", "L1684-1685, L1694-1700", "pe_profile"),
        (PE, "Hommes / femmes", "49,8 % / 50,2 %", "L1722-1724", "pe_profile"),
        (PE, "Âge : 16-17 ans, 18-21 ans, plus de 21 ans", "0 %, 32 %, 68 %", "L1676-1678", "pe_profile"),
        (PE, "Âge : plus de 25 ans", "2,9 %", "L1679-1680", "pe_profile"),
        (PE, "Résidence en ZUS (BDD Pôle emploi)", "9 %", "L1743", "pe_profile"),
        (PE, "Étrangers (tableau de comparaison de la section 7)", "7,8 %", "L3279", "pe_profile"),
        (PE, "Durée totale d'inscription : moyenne ; plus de 12 mois", "14 mois ; 40 %", "L1728-1729", "pe_profile"),
        (PE, "Durée moyenne des phases 1, 2 et 3", "1,1 ; 3,3 ; 1,7 mois", "L2270-2283", "pe_durations"),
        (PE, "Entretiens par jeune, phases 1, 2, 3", "3,4 ; 6,4 ; 2,5", "L2308-2310", "pe_intensity"),
        (PE, "Entretiens par mois, phases 1, 2, 3", "3,1 ; 1,9 ; 1,4", "L2311-2313", "pe_intensity"),
        (PE, "Mises en relation par jeune, phases 1, 2, 3", "1,95 ; 2,44 ; 1,41", "L2451-2454", "pe_intensity"),
        (PE, "Mises en relation par mois, phases 1, 2, 3", "1,8 ; 0,7 ; 0,8", "L2455", "pe_intensity"),
        (PE, "Jeunes ayant eu une période de travail en phase 1", "2 %", "L2465-2467", "pe_intensity"),
        (ML, "Entrées en phase 1 (avant le 31/12/2012)", "31 542", "L1485, L3136", "ml_entries_and_invalid_dates"),
        (ML, "Entrées traitées (dates valides) ; fiches aux dates erronées", "31 424 ; 118", "L1485-1486", "ml_entries_and_invalid_dates"),
        (ML, "Entrées en phase 2", "22 820", "L1493-1494, L3137", "ml_entries_and_invalid_dates"),
        (ML, "Sorties en phase 1 (taux / entrants) : abandons, diagnostic défavorable", "8 700 (27,6 %) : 4 734, 3 944", "L1880-1883", "ml_phase1_exits"),
        (
            ML,
            "Sorties et pertes en phase 2 : réorientation, formation initiale, déménagement, pertes, formation qualifiante, abandon, emploi, fin de la période d'accompagnement",
            "521 ; 702 ; 1 474 ; 2 753 ; 1 833 ; 3 371 ; 3 999 ; 7 415",
            "L1902-1918",
            "ml_phase2_exits",
        ),
        (ML, "Abandons, déménagements, pertes et réorientations en phase 2", "plus de 8 100 sur 22 100 (près de 37 %)", "L1884-1886", "ml_phase2_exits"),
        (ML, "Sorties phase 2 (situations connues)", "13 949", "L3138-3140", "ml_phase2_exits"),
        (ML, "Emploi durable ; formation initiale ou qualifiante ; ni l'un ni l'autre", "3 999 (28,7 %) ; 2 535 (18,2 %) ; 7 415 (53,2 %)", "L2883-2891", "ml_phase2_exits"),
        (ML, "Formation qualifiante ; retour en scolarité (/ sortants phase 2)", "13,1 % ; 5,0 %", "L3565-3569", "ml_phase2_exits"),
        (ML, "Sorties positives", "6 534", "L2879", "ml_positive_exits"),
        (ML, "Taux de sortie positive / entrants en phase 2", "29,6 %", "L2896-2897", "ml_positive_exits"),
        (ML, "Taux de sortie positive / sortants à situation connue avec certitude (abandons compris)", "33,8 %", "L2898-2899", "ml_positive_exits"),
        (ML, "Taux de sortie positive / entrants en phase 1", "20,7 %", "L2900", "ml_positive_exits"),
        (ML, "Taux de sortie positive / sortants phase 2 hors pertes (synthèse)", "36,6 %", "L3146-3150", "ml_positive_exits"),
        (ML, "Taux d'emploi durable", "28,7 %", "L3141", "ml_positive_exits"),
        (
            ML,
            "Sorties de phase 3 : déménagement, rupture de formation, rupture par l'employeur, rupture du fait du jeune, retour en formation initiale, formation qualifiante, pertes, emploi",
            "75 ; 164 ; 208 ; 214 ; 506 ; 1 228 ; 1 520 ; 2 611",
            "L1919, L1948-1964",
            "ml_phase3_exits",
        ),
        (ML, "Sorties positives en fin de phase 3", "4 345", "L2904-2906", "ml_phase3_exits"),
        (ML, "Âge à l'entrée, de 15 à 25 ans (effectifs)", "9 ; 5 959 ; 6 886 ; 5 709 ; 4 037 ; 2 872 ; 1 888 ; 1 363 ; 1 221 ; 1 094 ; 503", "L1749-1758", "ml_profile"),
        (ML, "Femmes / hommes", "43 % / 57 %", "L1815, L3502", "ml_profile"),
        (ML, "Niveau de formation préparé : VI, V bis, V, IV et plus", "17 % ; 37 % ; 35 % ; 11 %", "L3474-3479", "ml_profile"),
        (ML, "Niveau validé à l'entrée : V, V bis, VI, sans certification (dont 139 niveaux V)", "1 % ; 19 % ; 6 % ; 73 %", "L1796-1807", "ml_profile"),
        (ML, "Étrangers ; part hors UE", "6,3 % ; 85 %", "L1826", "ml_profile"),
        (ML, "Motorisés ; ni véhicule ni transports en commun", "20 % ; 61 %", "L1827-1829", "ml_profile"),
        (ML, "Résidence en ZUS", "15,6 %", "L1830", "ml_profile"),
        (ML, "Suivis par la Mission locale depuis moins de trois mois", "19 %", "L1822-1823", "ml_profile"),
        (ML, "Durée moyenne des phases 1, 2 et 3", "0,9 ; 8,2 ; 5,3 mois", "L2486-2493", "ml_durations"),
        (ML, "Entretiens par jeune, phases 1, 2, 3", "2 ; 8,2 ; 3,2", "L2509-2511", "ml_intensity"),
        (ML, "Mises en relation par jeune, phases 1, 2, 3", "1,34 ; 2,71 ; 1,6", "L2592-2608", "ml_intensity"),
    ];
    for (section, figure, value, line, test) in rows {
        sample.figure(section, figure, value, line, &t(test));
    }
}
