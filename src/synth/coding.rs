//! The sample's qualitative coding (`codage.json`): the default codebook applied by two
//! coders, A and B, to the ten sites' notes, the employers' interviews and the open answers
//! of the questionnaires, so that the Codage panel, the codes × groups matrix, the agreement
//! between coders and the monographs show real material on first run.
//!
//! The coding is made from the files as Atelier reads them, not from the generators' own
//! texts: the notes are read back with the note importer and the questionnaires with the
//! survey importer, so every passage's characters and every answer's question and
//! respondent are exactly those the workbench shows.
//!
//! Coder A codes everything in scope by content: each sentence of a note is matched against
//! the evidence listed for every code (`lexicon`), passages are the sentences (or the
//! paragraph) that say it, answers are coded whole. Coder B double-codes every note, a third
//! of the interviews and about 30 % of the answers of each question, and disagrees the way a
//! second coder does (`coders`): a neighbouring code, a code missed, one added, a passage cut
//! differently. Everything is drawn from named [`Rng`] streams and dated by a working-hours
//! clock, so the same program writes the same bytes.

mod clock;
mod coders;
mod keywords;
mod lexicon;
mod memos;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::rng::Rng;
use super::{SEED, Sample, SynthError, write_file};
use crate::model::coding::{CodeId, CodingWork};
use crate::model::manifest::Manifest;
use crate::model::{Question, QuestionKind, Survey, Values};
use lexicon::{CodeKey, Speaker};

/// The coding file of the sample, as the manifest names it.
pub const CODING_FILE: &str = "codage.json";

/// The two coders of the sample: A codes everything, B double-codes a share.
pub const CODERS: [&str; 2] = ["A", "B"];

/// Share of each question's answers (and of the interviews) that coder B double-codes.
pub const SECOND_CODER_SHARE: f64 = 0.3;

/// A text to code: one paragraph of a note, one answer, or one field of an interview.
#[derive(Clone, Debug)]
struct Unit {
    place: Place,
    text: String,
    /// Who speaks (the note's roles; the respondents' role).
    speakers: Vec<Speaker>,
    /// Whether it is coded by passages (notes, interview fields) or whole (answers).
    by_passage: bool,
    /// The code its question is about, for a field of an interview grid.
    topic: Option<CodeKey>,
}

/// Where a unit lies.
#[derive(Clone, Debug)]
enum Place {
    /// A paragraph of a note, starting at character `offset` of the note's full text.
    Note { file: String, offset: u32 },
    /// An answer, or a field of an interview.
    Answer {
        source: String,
        question: String,
        respondent: u32,
    },
}

/// What a coder codes at one sitting: a note, one question's answers, or one interview.
#[derive(Clone, Debug)]
struct Batch {
    /// The first day it can be coded (after the visit, the fieldwork or the interview).
    available: NaiveDate,
    /// Notes, answers or interviews.
    kind: BatchKind,
    units: Vec<Unit>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BatchKind {
    Note,
    Answers,
    Interview,
}

/// Why the sample's coding could not be made.
fn problem(dir: &Path, file: &str, message: impl std::fmt::Display) -> SynthError {
    SynthError::Document {
        path: dir.join(file),
        message: message.to_string(),
    }
}

/// Code the sample written in `dir` (its notes and questionnaires, as `sample.manifest`
/// lists them), write the coding to `dir/codage.json` and name it in the manifest.
pub fn write(dir: &Path, sample: &mut Sample) -> Result<CodingWork, SynthError> {
    let work = code(dir, &sample.manifest)?;
    let mut json = serde_json::to_string_pretty(&work).map_err(|e| problem(dir, CODING_FILE, e))?;
    json.push('\n');
    write_file(dir, CODING_FILE, json.as_bytes())?;
    sample.manifest.coding = Some(CODING_FILE.to_owned());
    Ok(work)
}

/// The coding of the sample in `dir`.
fn code(dir: &Path, manifest: &Manifest) -> Result<CodingWork, SynthError> {
    let codebook = crate::coding::default_codebook();
    let mut ids: BTreeMap<CodeKey, CodeId> = BTreeMap::new();
    for key in lexicon::ALL {
        let guid = key.guid();
        let code = codebook
            .codes
            .iter()
            .find(|c| c.guid == guid)
            .ok_or_else(|| {
                problem(
                    dir,
                    CODING_FILE,
                    format!("le code {} manque au livre de codes", key.label()),
                )
            })?;
        ids.insert(key, code.id);
    }
    let mut batches = note_batches(dir, manifest)?;
    batches.extend(answer_batches(dir, manifest)?);
    let codings = coders::code(&batches, &ids, &mut Rng::stream(SEED, "coding"));
    let memos = memos::memos(&codebook, &ids);
    Ok(CodingWork {
        codebook,
        codings,
        memos,
    })
}

/// One batch per note of the manifest, its body paragraphs as units (not the title, the
/// header fields nor the evaluator's questions).
fn note_batches(dir: &Path, manifest: &Manifest) -> Result<Vec<Batch>, SynthError> {
    let mut batches = Vec::new();
    for site in &manifest.sites {
        for note in &site.notes {
            let path = dir.join(&note.file);
            let bytes = std::fs::read(&path).map_err(super::io_error(&path))?;
            let text = crate::import::notes::read_note_bytes(&note.file, &bytes)
                .map_err(|e| problem(dir, &note.file, e))?;
            let date = NaiveDate::parse_from_str(&note.date, "%Y-%m-%d")
                .map_err(|e| problem(dir, &note.file, e))?;
            let speakers: Vec<Speaker> = note.roles.iter().map(|r| Speaker::of_role(r)).collect();
            let units = text
                .paragraphs
                .iter()
                .enumerate()
                .filter(|(_, p)| p.heading_level.is_none() && is_body(&p.text))
                .map(|(i, p)| Unit {
                    place: Place::Note {
                        file: note.file.clone(),
                        offset: u32::try_from(text.char_range(i).start).unwrap_or(u32::MAX),
                    },
                    text: p.text.clone(),
                    speakers: speakers.clone(),
                    by_passage: true,
                    topic: None,
                })
                .collect();
            // Notes are typed up on the evening of the interview and coded from the day after.
            batches.push(Batch {
                available: date + chrono::Days::new(1),
                kind: BatchKind::Note,
                units,
            });
        }
    }
    Ok(batches)
}

/// Whether a note's paragraph is body text: not a header field (« Date : … »), a question
/// the evaluator asked, nor a label typed as a paragraph (« Aides et freins »).
fn is_body(text: &str) -> bool {
    const FIELDS: [&str; 4] = [
        "Structure :",
        "Date :",
        "Personnes rencontrées :",
        "Modalités :",
    ];
    let text = text.trim_end();
    let label =
        text.split_whitespace().count() < 6 && !text.ends_with(['.', ';', '!', '»', ')', '…']);
    !FIELDS.iter().any(|f| text.starts_with(f)) && !text.ends_with('?') && !label
}

/// The answers of every questionnaire, one batch per open question (one per interview for
/// an interview grid), as the survey importer reads them.
fn answer_batches(dir: &Path, manifest: &Manifest) -> Result<Vec<Batch>, SynthError> {
    // The questionnaires were answered in October 2013 (report L212).
    let after_fieldwork = NaiveDate::from_ymd_opt(2013, 11, 4).unwrap_or_default();
    let mut batches = Vec::new();
    for source in &manifest.sources {
        let survey = Survey::open(
            &dir.join(&source.file),
            source.sheet.as_deref(),
            &crate::progress::Silent,
        )
        .map_err(|e| problem(dir, &source.file, e))?;
        let personal: Vec<String> = survey
            .personal_columns()
            .into_iter()
            .map(|(h, _)| h)
            .collect();
        let speaker = Speaker::of_source_role(&source.role);
        let interviews = source.kind == "interviews";
        let open: Vec<(&Question, &[Option<Box<str>>])> = survey
            .questions
            .iter()
            .filter(|q| q.kind == QuestionKind::Open)
            .filter(|q| !q.columns.iter().any(|c| personal.contains(c)))
            .filter_map(|q| match q.items.first().map(|i| &i.values) {
                Some(Values::Texts(texts)) => Some((q, texts.as_slice())),
                _ => None,
            })
            .collect();
        let unit = |question: &Question, respondent: usize, text: &str| Unit {
            place: Place::Answer {
                source: source.id.clone(),
                question: question.id.clone(),
                respondent: u32::try_from(respondent).unwrap_or(u32::MAX),
            },
            text: text.to_owned(),
            speakers: vec![speaker],
            by_passage: interviews,
            topic: interviews
                .then(|| lexicon::topic_of_question(&question.text))
                .flatten(),
        };
        if interviews {
            let dates = interview_dates(&survey);
            let respondents = open.iter().map(|(_, t)| t.len()).max().unwrap_or(0);
            for r in 0..respondents {
                let units: Vec<Unit> = open
                    .iter()
                    .filter_map(|(q, texts)| texts.get(r)?.as_deref().map(|t| unit(q, r, t)))
                    .filter(|u| !is_masked(&u.text))
                    .collect();
                let available = dates
                    .get(r)
                    .copied()
                    .flatten()
                    .map_or(after_fieldwork, |d| d + chrono::Days::new(1));
                batches.push(Batch {
                    available,
                    kind: BatchKind::Interview,
                    units,
                });
            }
        } else {
            for (q, texts) in &open {
                let units = texts
                    .iter()
                    .enumerate()
                    .filter_map(|(r, t)| t.as_deref().map(|t| unit(q, r, t)))
                    .filter(|u| !is_masked(&u.text))
                    .collect();
                batches.push(Batch {
                    available: after_fieldwork,
                    kind: BatchKind::Answers,
                    units,
                });
            }
        }
    }
    Ok(batches)
}

/// Whether the importer masked a personal value typed in an answer (`import::privacy::
/// redact_text` writes these marks): such an answer is left uncoded, so that no coding ever
/// points at what a respondent wrote about themselves.
fn is_masked(text: &str) -> bool {
    ["[courriel]", "[téléphone]", "[IP]"]
        .iter()
        .any(|mark| text.contains(mark))
}

/// The day of each interview of a grid (its first date column), by respondent.
fn interview_dates(survey: &Survey) -> Vec<Option<NaiveDate>> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    survey
        .questions
        .iter()
        .find(|q| q.kind == QuestionKind::Date)
        .and_then(|q| match q.items.first().map(|i| &i.values) {
            Some(Values::Dates(days)) => Some(
                days.iter()
                    .map(|d| {
                        d.and_then(|d| {
                            epoch.checked_add_signed(chrono::Duration::days(i64::from(d)))
                        })
                    })
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default()
}
