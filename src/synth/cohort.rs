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

mod calibrate;
mod common;
mod events;
mod figures;
mod intensity;
mod layout;
mod ml;
mod pe;
mod people;
mod targets;

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
        CohortExtract {
            network: "PE".to_owned(),
            file: PE_FILE.to_owned(),
            events: Some(PE_EVENTS.to_owned()),
        },
        CohortExtract {
            network: "ML".to_owned(),
            file: ML_FILE.to_owned(),
            events: Some(ML_EVENTS.to_owned()),
        },
    ]
}

/// Writes both extracts and their events into `dir`, records them in the manifest and the
/// figures they reproduce in `REFERENCE.md`.
pub fn write(dir: &Path, sample: &mut Sample) -> Result<(), SynthError> {
    write_scaled(dir, 1)?;
    sample.manifest.cohort.extend(extracts());
    figures::record(sample);
    Ok(())
}

/// Writes extracts `factor` times larger than the sample's (each young person copied with
/// a new id, events included), same files, same shape: for benchmarks and `atelier synth
/// scale`.
pub fn write_scaled(dir: &Path, factor: usize) -> Result<(), SynthError> {
    let factor = factor.max(1);
    let (pe_people, pe_paths) = pe::people();
    let pe_events = events::generate(
        &pe_people,
        &pe::events_spec(),
        &mut crate::synth::rng::Rng::stream(super::SEED, "evenements-pe"),
    );
    write_pe(dir, &pe_people, &pe_paths, &pe_events, factor)?;
    drop(pe_events);
    let (ml_people, ml_paths) = ml::people();
    let ml_events = events::generate(
        &ml_people,
        &ml::events_spec(),
        &mut crate::synth::rng::Rng::stream(super::SEED, "evenements-ml"),
    );
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

fn write_pe(
    dir: &Path,
    people: &[Person],
    paths: &[common::Path],
    events: &[Event],
    factor: usize,
) -> Result<(), SynthError> {
    let mut text = String::with_capacity(people.len() * factor * 150);
    text.push_str(&layout::PE_HEADINGS.join(";"));
    text.push_str("\r\n");
    for copy in 0..factor {
        let shift = copy as u32 * COPY_ID_STEP;
        for p in people {
            text.push_str(&layout::pe_row(p, &paths[p.path], p.id + shift));
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

fn write_ml(
    dir: &Path,
    people: &[Person],
    paths: &[common::Path],
    events: &[Event],
    factor: usize,
) -> Result<(), SynthError> {
    let path = dir.join(ML_FILE);
    let xlsx_error = |e: rust_xlsxwriter::XlsxError| SynthError::Document {
        path: path.clone(),
        message: e.to_string(),
    };
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2013, 7, 1)
        .and_then(|d| d.and_hms(9, 0, 0))
        .map_err(xlsx_error)?;
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
    for (col, heading) in layout::ML_HEADINGS.iter().enumerate() {
        sheet
            .write_string_with_format(0, col as u16, *heading, &bold)
            .map_err(xlsx_error)?;
    }
    let mut row = 1u32;
    for copy in 0..factor {
        let shift = copy as u32 * COPY_ID_STEP;
        for p in people {
            for (col, cell) in layout::ml_row(p, &paths[p.path], p.id + shift)
                .into_iter()
                .enumerate()
            {
                let col = col as u16;
                match cell {
                    layout::Cell::Empty => {}
                    layout::Cell::Text(t) => {
                        sheet.write_string(row, col, t).map_err(xlsx_error)?;
                    }
                    layout::Cell::Number(n) => {
                        sheet.write_number(row, col, n).map_err(xlsx_error)?;
                    }
                    layout::Cell::Date(d) => {
                        sheet
                            .write_number_with_format(row, col, f64::from(d) + 25_569.0, &dates)
                            .map_err(xlsx_error)?;
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
                crate::model::cell::format_date(e.date),
                TYPES[usize::from(e.kind)],
                e.phase
            ));
        }
    }
    write_file(dir, ML_EVENTS, text.as_bytes())
}
