//! The sample's coding (`sample_surveys/codage.json`), read the way the workbench reads it
//! (`Evaluation::open_dir`): every coding points at text that exists, each site's notes are
//! coded across the themes its monograph needs, both coders are there and agree about as
//! well as two real coders do, and no coding quotes anything personal.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use atelier::coding::agreement::{AgreementReport, NoteParagraphs, common_units};
use atelier::model::coding::{Anchor, CodeId, Coding, MemoTarget};
use atelier::model::{Evaluation, QuestionKind, Values};
use atelier::progress::Silent;
use atelier::synth::coding::{CODERS, CODING_FILE};

fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys")
}

fn evaluation() -> &'static Evaluation {
    static ONCE: OnceLock<Evaluation> = OnceLock::new();
    ONCE.get_or_init(|| Evaluation::open_dir(&committed(), &Silent).expect("the sample opens"))
}

fn codings() -> Vec<&'static Coding> {
    evaluation().coding.codings.values().collect()
}

/// The text a coding quotes, as the workbench shows it; `None` when it points at nothing.
fn quoted(eval: &Evaluation, coding: &Coding) -> Option<String> {
    match &coding.anchor {
        Anchor::Note { file, start, end } => {
            let note = eval.notes.iter().find(|n| &n.entry.file == file)?;
            let text = note.text.full_text();
            let length = text.chars().count() as u32;
            (start < end && *end <= length).then(|| {
                text.chars()
                    .skip(*start as usize)
                    .take((end - start) as usize)
                    .collect()
            })
        }
        Anchor::Answer {
            source,
            question,
            respondent,
            span,
        } => {
            let source = eval.sources.iter().find(|s| &s.entry.id == source)?;
            let question = source.survey.questions.iter().find(|q| &q.id == question)?;
            if question.kind != QuestionKind::Open {
                return None;
            }
            let Values::Texts(texts) = &question.items.first()?.values else {
                return None;
            };
            let answer = texts.get(*respondent as usize)?.as_deref()?;
            match span {
                None => Some(answer.to_owned()),
                Some((start, end)) => {
                    let length = answer.chars().count() as u32;
                    (start < end && *end <= length).then(|| {
                        answer
                            .chars()
                            .skip(*start as usize)
                            .take((end - start) as usize)
                            .collect()
                    })
                }
            }
        }
    }
}

/// The visited site a coding belongs to (the note's site, or the respondent's structure).
fn site_of(eval: &Evaluation, coding: &Coding) -> Option<String> {
    let site = match &coding.anchor {
        Anchor::Note { file, .. } => eval.notes.iter().find(|n| &n.entry.file == file)?.site,
        Anchor::Answer {
            source, respondent, ..
        } => {
            let source = eval.sources.iter().find(|s| &s.entry.id == source)?;
            (*source.site_of_respondent.get(*respondent as usize)?)?
        }
    };
    Some(eval.manifest.sites[site].id.clone())
}

fn paragraphs(eval: &Evaluation) -> NoteParagraphs {
    eval.notes
        .iter()
        .map(|n| {
            let ranges = (0..n.text.paragraphs.len())
                .map(|i| n.text.char_range(i))
                .collect();
            (n.entry.file.clone(), ranges)
        })
        .collect()
}

fn agreement() -> AgreementReport {
    let eval = evaluation();
    let all: Vec<Coding> = eval.coding.codings.values().cloned().collect();
    let common = common_units(&all, CODERS[0], CODERS[1], &paragraphs(eval));
    let book = &eval.coding.codebook;
    AgreementReport::new(&common, &|id: CodeId| {
        book.get(id).map(|c| c.name.clone()).unwrap_or_default()
    })
}

#[test]
fn the_manifest_names_the_coding_file_and_the_workbench_reads_it() {
    let eval = evaluation();
    assert_eq!(eval.manifest.coding.as_deref(), Some(CODING_FILE));
    assert!(committed().join(CODING_FILE).is_file());
    assert!(eval.problems.is_empty(), "{:?}", eval.problems);
    assert_eq!(
        eval.coding.codebook,
        atelier::coding::default_codebook(),
        "the default codebook, as shipped"
    );
    assert!(
        eval.coding.codings.len() > 1000,
        "{}",
        eval.coding.codings.len()
    );
}

#[test]
fn every_coding_points_at_existing_text_on_character_boundaries() {
    let eval = evaluation();
    let codable: BTreeSet<CodeId> = eval
        .coding
        .codebook
        .codes
        .iter()
        .filter(|c| c.codable)
        .map(|c| c.id)
        .collect();
    let note_files: BTreeSet<&str> = eval
        .manifest
        .sites
        .iter()
        .flat_map(|s| s.notes.iter().map(|n| n.file.as_str()))
        .collect();
    assert_eq!(eval.notes.len(), note_files.len(), "every note reads");
    for coding in codings() {
        assert!(codable.contains(&coding.code), "{coding:?}");
        if let Anchor::Note { file, .. } = &coding.anchor {
            assert!(note_files.contains(file.as_str()), "{file}");
        }
        // Offsets count characters, so a passage that exists is whole characters.
        let text = quoted(eval, coding).unwrap_or_else(|| panic!("nothing at {coding:?}"));
        assert!(!text.trim().is_empty(), "{coding:?}");
        assert_eq!(
            text.trim(),
            text,
            "a passage starts and ends on words: {text:?}"
        );
        assert!(coding.review.is_none());
    }
}

#[test]
fn passages_of_notes_are_sentences_or_paragraphs() {
    let eval = evaluation();
    let mut sentences = 0;
    let mut whole = 0;
    for coding in codings() {
        let Anchor::Note { file, start, end } = &coding.anchor else {
            continue;
        };
        let note = eval.notes.iter().find(|n| &n.entry.file == file).unwrap();
        let (start, end) = (*start as usize, *end as usize);
        let paragraph = (0..note.text.paragraphs.len())
            .map(|i| note.text.char_range(i))
            .find(|r| r.start <= start && end <= r.end)
            .unwrap_or_else(|| panic!("{file} {start}..{end} spans paragraphs"));
        if paragraph == (start..end) {
            whole += 1;
        } else {
            sentences += 1;
        }
        let text = quoted(eval, coding).unwrap();
        assert!(
            text.chars().next().is_some_and(|c| c.is_uppercase()
                || c == '«'
                || c.is_ascii_digit()
                || paragraph.start == start),
            "a passage starts a sentence: {text:?}"
        );
    }
    assert!(
        sentences > 100 && whole > 100,
        "{sentences} sentences, {whole} paragraphs"
    );
}

#[test]
fn both_coders_code_notes_interviews_and_answers() {
    let eval = evaluation();
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for coding in codings() {
        let kind = match &coding.anchor {
            Anchor::Note { .. } => "notes",
            Anchor::Answer { source, .. } if source == "employeurs" => "entretiens",
            Anchor::Answer { .. } => "réponses",
        };
        *counts.entry((coding.coder.as_str(), kind)).or_default() += 1;
    }
    for coder in CODERS {
        for kind in ["notes", "entretiens", "réponses"] {
            assert!(
                counts.get(&(coder, kind)).copied().unwrap_or(0) > 20,
                "{coder} {kind}: {counts:?}"
            );
        }
    }
    let coders: BTreeSet<&str> = codings().iter().map(|c| c.coder.as_str()).collect();
    assert_eq!(coders, CODERS.into_iter().collect());
    // A codes everything, B a share: A has the most codings of every kind.
    for kind in ["notes", "entretiens", "réponses"] {
        assert!(counts[&("A", kind)] > counts[&("B", kind)], "{counts:?}");
    }
    // Every questionnaire has coded open answers.
    let sources: BTreeSet<&str> = codings()
        .iter()
        .filter_map(|c| match &c.anchor {
            Anchor::Answer { source, .. } => Some(source.as_str()),
            Anchor::Note { .. } => None,
        })
        .collect();
    for source in &eval.manifest.sources {
        assert!(sources.contains(source.id.as_str()), "{}", source.id);
    }
}

#[test]
fn every_site_has_notes_coded_under_at_least_five_themes() {
    let eval = evaluation();
    let book = &eval.coding.codebook;
    let mut themes: BTreeMap<String, BTreeSet<CodeId>> = BTreeMap::new();
    for coding in codings() {
        if !matches!(coding.anchor, Anchor::Note { .. }) || coding.coder != "A" {
            continue;
        }
        let theme = book.get(coding.code).and_then(|c| c.parent).unwrap();
        themes
            .entry(site_of(eval, coding).unwrap())
            .or_default()
            .insert(theme);
    }
    assert_eq!(themes.len(), 10, "{:?}", themes.keys());
    for (site, seen) in &themes {
        assert!(seen.len() >= 5, "{site}: {} themes", seen.len());
    }
}

#[test]
fn the_sites_findings_are_coded_under_their_themes() {
    // The report's findings on named sites (monographs.md §2.2–2.3) are where a monograph
    // needs them.
    let eval = evaluation();
    let book = &eval.coding.codebook;
    let code_named = |name: &str| book.codes.iter().find(|c| c.name == name).unwrap().id;
    let has = |site: &str, code: &str, words: &str| {
        let id = code_named(code);
        codings().iter().any(|c| {
            c.code == id
                && c.coder == "A"
                && site_of(eval, c).as_deref() == Some(site)
                && matches!(c.anchor, Anchor::Note { .. })
                && quoted(eval, c).unwrap().contains(words)
        })
    };
    assert!(has(
        "ml_perigueux",
        "Pilotage régional et territorial",
        "réunion partenariale"
    ));
    assert!(has(
        "ml_touraine",
        "Organisation des équipes et portefeuilles",
        "dédiées"
    ));
    assert!(has(
        "ml_nord_essonne",
        "Organisation des équipes et portefeuilles",
        "dédiée"
    ));
    assert!(has("ml_nord_essonne", "Ateliers, collectif, clubs", "club"));
    assert!(has(
        "ml_touraine",
        "Effets sur la gouvernance territoriale",
        "CCREFP"
    ));
    assert!(has(
        "ml_centre_var",
        "Pilotage régional et territorial",
        "Rectorats"
    ));
    assert!(has("pe_lille", "Ateliers, collectif, clubs", "atelier"));
    assert!(has(
        "pe_alencon",
        "Continuité des équipes",
        "garder l'équipe"
    ));
}

#[test]
fn agreement_between_the_coders_is_in_the_range_of_real_coding() {
    let report = agreement();
    assert!(report.units > 300, "{} common units", report.units);
    let alpha = report.alpha.unwrap();
    assert!((0.62..=0.8).contains(&alpha), "α = {alpha:.3}");
    // Codes applied in at least 20 common units: a κ on fewer swings with a single unit.
    let kappas: Vec<(String, f64)> = report
        .codes
        .iter()
        .filter(|c| c.table.both + c.table.first_only + c.table.second_only >= 20)
        .filter_map(|c| c.kappa.map(|k| (c.code.clone(), k)))
        .collect();
    assert!(
        kappas.len() >= 25,
        "{} codes with enough units",
        kappas.len()
    );
    let plausible = kappas
        .iter()
        .filter(|(_, k)| (0.5..=0.9).contains(k))
        .count();
    assert!(
        plausible * 4 >= kappas.len() * 3,
        "most κ between 0.5 and 0.9: {kappas:?}"
    );
    assert!(
        kappas.iter().all(|(_, k)| (0.4..0.97).contains(k)),
        "no code agrees perfectly nor barely: {kappas:?}"
    );
    // Rarer codes still agree better than chance.
    for code in &report.codes {
        if let Some(kappa) = code.kappa {
            assert!(kappa > 0.1, "{}: κ = {kappa:.3}", code.code);
        }
    }
    assert!(report.disagreements > 50, "disagreements to discuss");
}

#[test]
fn no_coding_quotes_a_personal_value() {
    let eval = evaluation();
    let young = eval
        .sources
        .iter()
        .find(|s| s.entry.id == "jeunes_pe")
        .unwrap();
    let personal: Vec<String> = young
        .survey
        .personal_columns()
        .into_iter()
        .map(|(h, _)| h)
        .collect();
    assert!(!personal.is_empty());
    let first_names = [
        "Marie", "Julie", "Sophie", "Nicolas", "Thomas", "Camille", "Léa", "Manon", "Kevin",
        "Sarah", "Nathalie", "Isabelle", "Pierre", "Jean", "Mohamed", "Laura", "Julien", "Céline",
    ];
    for coding in codings() {
        if let Anchor::Answer {
            source, question, ..
        } = &coding.anchor
        {
            let source = eval.sources.iter().find(|s| &s.entry.id == source).unwrap();
            let question = source
                .survey
                .questions
                .iter()
                .find(|q| &q.id == question)
                .unwrap();
            for column in &question.columns {
                assert!(
                    !source
                        .survey
                        .personal_columns()
                        .iter()
                        .any(|(h, _)| h == column),
                    "{column} is personal"
                );
            }
        }
        let text = quoted(eval, coding).unwrap();
        for secret in [
            "@",
            "exemple.fr",
            "Prénom0",
            "Nom0",
            "jeune0",
            "192.0.2.",
            "198.51.100.",
            "203.0.113.",
            "[courriel]",
            "[téléphone]",
            "[IP]",
        ] {
            assert!(!text.contains(secret), "{secret} in {text:?}");
        }
        for word in text.split(|c: char| !c.is_alphabetic()) {
            assert!(!first_names.contains(&word), "a first name in {text:?}");
        }
    }
}

#[test]
fn codings_are_dated_in_working_hours_and_numbered_in_time_order() {
    let mut last = String::new();
    for coding in codings() {
        let at = &coding.at;
        assert_eq!(at.len(), 20, "{at}");
        assert!(at.ends_with('Z') && at.starts_with("2013-"), "{at}");
        assert!(
            ("2013-09-27".."2013-12-31").contains(&&at[..10]),
            "coded during the evaluation: {at}"
        );
        let time = &at[11..16];
        assert!(("09:00".."18:00").contains(&time), "{at}");
        assert!(at >= &last, "ids follow time: {at} after {last}");
        last = at.clone();
    }
    // A note is coded after the visit it records.
    let eval = evaluation();
    for coding in codings() {
        if let Anchor::Note { file, .. } = &coding.anchor {
            let note = eval.notes.iter().find(|n| &n.entry.file == file).unwrap();
            assert!(
                coding.at[..10] > *note.entry.date,
                "{file} coded {}",
                coding.at
            );
        }
    }
}

#[test]
fn the_coders_left_memos() {
    let memos = &evaluation().coding.memos;
    assert!(memos.contains_key(&MemoTarget::Project));
    let on_codes = memos
        .keys()
        .filter(|k| matches!(k, MemoTarget::Code(_)))
        .count();
    assert!(on_codes >= 2, "{on_codes} code memos");
    assert!(memos.values().all(|m| !m.trim().is_empty()));
}

#[test]
fn questions_still_lists_the_same_questions_with_the_coding() {
    // The coding adds no question to the sources, nor removes any (coded questions as
    // variables, `SOURCE.QUESTION.codes`, are listed beside them and left out here).
    let ids = |dir: &Path| -> Vec<String> {
        let v = common::atelier_json([
            OsStr::new("questions"),
            OsStr::new("--json"),
            dir.as_os_str(),
        ]);
        v["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap().to_owned())
            .filter(|id| !id.ends_with(".codes"))
            .collect()
    };
    let without = common::temp_dir("sample-coding", "without");
    copy_dir(&committed(), &without);
    std::fs::remove_file(without.join(CODING_FILE)).unwrap();
    let manifest = std::fs::read_to_string(without.join("atelier.json")).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    json.as_object_mut().unwrap().remove("coding");
    std::fs::write(without.join("atelier.json"), json.to_string()).unwrap();
    let coded = ids(&committed());
    assert!(coded.len() > 50, "{} questions", coded.len());
    assert_eq!(coded, ids(&without));
    let _ = std::fs::remove_dir_all(&without);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
