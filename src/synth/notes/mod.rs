//! Site-visit notes of the sample evaluation: several documents per visited site
//! (interviews with the direction, counsellors, young people and partners; observations of
//! an interview or a workshop), as a field evaluator types them after a visit.
//!
//! Each site's notes live in their own module (`ml_touraine`, …, `pe_dunkerque`), written in
//! a light markup (`markup`) that renders both to Markdown and to Word: roughly half of the
//! documents are `.docx` (`docx`), since field staff write in Word. Files land under
//! `notes/<site_id>/NN_<slug>.md|docx`, and every site gets a [`SiteEntry`] listing its notes
//! in the manifest. The text is fictional: it draws on what the evaluation report says of the
//! visits, names no one (roles only) and is written anew.

mod docx;
mod markup;

mod ml_centre_var;
mod ml_charleville;
mod ml_nord_essonne;
mod ml_perigueux;
mod ml_touraine;
mod pe_alencon;
mod pe_dunkerque;
mod pe_labege;
mod pe_lille;
mod pe_vannes;

use std::path::Path;

use super::sites::{SITES, SiteSpec};
use super::{Sample, SynthError, write_file};
use crate::model::manifest::{NoteEntry, SiteEntry};
use markup::{Block, Span};

/// The folder, relative to the manifest, that holds one sub-folder of notes per site.
pub const NOTES_DIR: &str = "notes";

/// How a document was typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// A Markdown file (`.md`).
    Markdown,
    /// A Word document (`.docx`).
    Word,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Word => "docx",
        }
    }
}

/// One document of notes, as a site module declares it.
struct NoteSpec {
    /// File name stem after the number, e.g. `entretien_directrice`.
    slug: &'static str,
    /// Title, e.g. « Entretien avec la directrice ».
    title: &'static str,
    /// Date of the interview or observation (ISO).
    date: &'static str,
    /// Roles met, as the manifest lists them.
    roles: &'static [&'static str],
    /// How the exchange took place (« Entretien individuel, dans son bureau, 1 h 30 »).
    setting: &'static str,
    /// Markdown or Word.
    format: Format,
    /// The notes, in the light markup of [`markup`].
    body: &'static str,
}

/// The notes of the site with this id, in the order they are numbered.
fn notes_of(site_id: &str) -> &'static [NoteSpec] {
    match site_id {
        "ml_touraine" => ml_touraine::NOTES,
        "ml_perigueux" => ml_perigueux::NOTES,
        "ml_centre_var" => ml_centre_var::NOTES,
        "ml_charleville" => ml_charleville::NOTES,
        "ml_nord_essonne" => ml_nord_essonne::NOTES,
        "pe_alencon" => pe_alencon::NOTES,
        "pe_vannes" => pe_vannes::NOTES,
        "pe_labege" => pe_labege::NOTES,
        "pe_lille" => pe_lille::NOTES,
        "pe_dunkerque" => pe_dunkerque::NOTES,
        _ => &[],
    }
}

/// Write the site-visit notes of the ten visited sites into `dir/notes/` and record one
/// [`SiteEntry`] per site, in [`SITES`] order, in `sample.manifest.sites`.
///
/// An entry already present for a site (from another generator) keeps its other fields and
/// gets its notes replaced. The bytes written are the same on every run and every machine.
pub fn write(dir: &Path, sample: &mut Sample) -> Result<(), SynthError> {
    for site in &SITES {
        let mut notes = Vec::new();
        for (index, spec) in notes_of(site.id).iter().enumerate() {
            let file = format!(
                "{NOTES_DIR}/{}/{:02}_{}.{}",
                site.id,
                index + 1,
                spec.slug,
                spec.format.extension()
            );
            let blocks = document(site, spec);
            let bytes = match spec.format {
                Format::Markdown => markup::to_markdown(&blocks).into_bytes(),
                Format::Word => {
                    docx::render(&blocks, spec.title, spec.date).map_err(|message| {
                        SynthError::Document {
                            path: dir.join(&file),
                            message,
                        }
                    })?
                }
            };
            write_file(dir, &file, &bytes)?;
            notes.push(NoteEntry {
                file,
                title: spec.title.to_owned(),
                date: spec.date.to_owned(),
                roles: spec.roles.iter().map(|r| (*r).to_owned()).collect(),
            });
        }
        match sample.manifest.sites.iter_mut().find(|s| s.id == site.id) {
            Some(entry) => entry.notes = notes,
            None => sample.manifest.sites.push(site_entry(site, notes)),
        }
    }
    Ok(())
}

fn site_entry(site: &SiteSpec, notes: Vec<NoteEntry>) -> SiteEntry {
    let owned = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
    SiteEntry {
        id: site.id.to_owned(),
        name: site.name.to_owned(),
        network: site.network.id().to_owned(),
        region: site.region.to_owned(),
        departement: site.departement.to_owned(),
        visit_date: site.visit_date.to_owned(),
        actors_met: owned(site.actors_met),
        partners: owned(site.partners),
        aliases: Vec::new(),
        notes,
    }
}

/// The whole document: a title and the header an evaluator puts on top of interview notes,
/// then the notes themselves.
fn document(site: &SiteSpec, spec: &NoteSpec) -> Vec<Block> {
    let field = |label: &str, value: String| {
        Block::Paragraph(vec![
            Span::bold(format!("{label} :")),
            Span::plain(format!(" {value}")),
        ])
    };
    let mut blocks = vec![
        Block::Heading(1, vec![Span::plain(spec.title)]),
        field(
            "Structure",
            format!(
                "{} — {}, région {}",
                site.name, site.departement, site.region
            ),
        ),
        field("Date", french_date(spec.date)),
        field("Personnes rencontrées", spec.roles.join(", ")),
        field("Modalités", spec.setting.to_owned()),
    ];
    blocks.extend(markup::parse(spec.body));
    blocks
}

/// `2013-10-08` → « mardi 8 octobre 2013 »; the ISO text itself if it is not a date.
fn french_date(iso: &str) -> String {
    use chrono::Datelike;
    const DAYS: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    use crate::model::french::MONTHS;
    match chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(date) => {
            let day = DAYS[date.weekday().num_days_from_monday() as usize];
            let month = MONTHS[date.month0() as usize];
            let first = if date.day() == 1 {
                "1er".to_owned()
            } else {
                date.day().to_string()
            };
            format!("{day} {first} {month} {}", date.year())
        }
        Err(_) => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_a_french_evaluator_writes_them() {
        assert_eq!(french_date("2013-10-08"), "mardi 8 octobre 2013");
        assert_eq!(french_date("2013-11-01"), "vendredi 1er novembre 2013");
        assert_eq!(french_date("bientôt"), "bientôt");
    }

    #[test]
    fn every_site_has_several_documents_in_both_formats() {
        for site in &SITES {
            let notes = notes_of(site.id);
            assert!(notes.len() >= 3, "{}: {} documents", site.id, notes.len());
            assert!(
                notes.iter().any(|n| n.format == Format::Word),
                "{}",
                site.id
            );
            assert!(
                notes.iter().any(|n| n.format == Format::Markdown),
                "{}",
                site.id
            );
        }
    }

    #[test]
    fn note_dates_stay_close_to_the_visit() {
        for site in &SITES {
            let visit = chrono::NaiveDate::parse_from_str(site.visit_date, "%Y-%m-%d").unwrap();
            for note in notes_of(site.id) {
                let date = chrono::NaiveDate::parse_from_str(note.date, "%Y-%m-%d").unwrap();
                let gap = (date - visit).num_days().abs();
                assert!(
                    gap <= 14,
                    "{} {}: {gap} days from the visit",
                    site.id,
                    note.slug
                );
            }
        }
    }
}
