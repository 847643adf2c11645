//! Evaluations: a folder with `atelier.json`, its questions by `SOURCE.QUESTION` id,
//! respondents linked to the visited sites, and the project file built from it.

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use atelier::model::Correction;
use atelier::model::Evaluation;
use atelier::model::QuestionKind;
use atelier::progress::Silent;
use atelier::session::places::Places;
use atelier::session::{AppState, Command as Edit, open};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/evaluation")
}

fn tempdir(tag: &str) -> PathBuf {
    common::temp_dir("evaluation", tag)
}

#[test]
fn questions_of_an_evaluation_are_listed_as_source_dot_question() {
    let dir = fixture();
    let v = common::atelier_json([
        OsStr::new("questions"),
        OsStr::new("--json"),
        dir.as_os_str(),
    ]);
    let questions = v["questions"].as_array().unwrap();
    assert_eq!(questions[0]["id"], "cons.q1");
    assert_eq!(questions[0]["source"], "cons");
    assert_eq!(questions[0]["group"], "conseillers");
    let last = questions.last().unwrap();
    assert_eq!(last["source"], "jeunes", "questionnaires in manifest order");
    assert!(
        questions
            .iter()
            .any(|q| q["id"] == "jeunes.q3" && q["kind"] == "likert")
    );
}

#[test]
fn respondents_are_linked_to_visited_sites_by_their_structure() {
    let evaluation = Evaluation::open_dir(&fixture(), &Silent).unwrap();
    let counsellors = &evaluation.sources[0];
    assert_eq!(counsellors.group_label, "Conseillers");
    // "pole emploi lille" written without capitals or accent still names the site.
    assert_eq!(
        counsellors.site_of_respondent,
        vec![Some(0), Some(0), Some(1), None, Some(0)]
    );
    assert_eq!(evaluation.respondents_by_site(), vec![3, 1]);
}

#[test]
fn a_broken_manifest_is_refused_with_its_line() {
    let dir = tempdir("broken");
    std::fs::write(
        dir.join("atelier.json"),
        "{\n  \"title\": \"x\",\n  \"sources\": [ {\"id\": 3} ]\n}\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(["questions"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("atelier.json") && stderr.contains("ligne 3"),
        "{stderr}"
    );
}

#[test]
fn a_project_file_keeps_the_files_their_hashes_and_the_corrections() {
    let dir = tempdir("project");
    let project_path = dir.join("test.atelier");
    let places = Places::at(&dir.join("utilisateur"));
    let out = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .arg("new")
        .arg(&project_path)
        .arg("--from")
        .arg(fixture())
        .env("ATELIER_HOME", dir.join("utilisateur"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Creating it again does not overwrite it.
    let again = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .arg("new")
        .arg(&project_path)
        .arg("--from")
        .arg(fixture())
        .env("ATELIER_HOME", dir.join("utilisateur"))
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));

    let opened = open::open_project(&project_path, &places, &Silent).unwrap();
    assert!(opened.notice.is_none(), "the key made by `new` is found");
    let project = &opened.project;
    let sha = project.file_sha256("conseillers.csv").unwrap().unwrap();
    assert_eq!(sha.len(), 64);
    // The SurveyMonkey file had personal columns: what is stored holds no e-mail in clear.
    let stored = String::from_utf8_lossy(&project.file("jeunes.csv").unwrap()).into_owned();
    assert!(!stored.contains("camille.exemple@example.net") && !stored.contains("Dominique"));

    // A correction made in the session is saved and comes back when the project is reopened.
    let evaluation = opened.evaluation.clone();
    let question = evaluation.sources[0]
        .survey
        .questions
        .iter()
        .position(|q| q.text.starts_with("Depuis combien"))
        .unwrap();
    assert_eq!(
        evaluation.sources[0].survey.questions[question].kind,
        QuestionKind::Single
    );
    let mut state = AppState::default();
    state.open(opened);
    state
        .apply(Edit::CorrectQuestion {
            source: 0,
            question,
            correction: Correction {
                kind: Some(QuestionKind::Open),
                scale: None,
            },
        })
        .unwrap();
    state.close();
    for file in [project_path.clone(), dir.join("test.atelier-wal")] {
        if let Ok(raw) = std::fs::read(&file) {
            let raw = String::from_utf8_lossy(&raw);
            assert!(
                !raw.contains("camille.exemple@example.net"),
                "{}",
                file.display()
            );
        }
    }
    let reopened = open::open_project(&project_path, &places, &Silent)
        .unwrap()
        .evaluation;
    let q = reopened.sources[0]
        .survey
        .questions
        .iter()
        .find(|q| q.text.starts_with("Depuis combien"))
        .unwrap();
    assert_eq!(q.kind, QuestionKind::Open);
    // A person keeps their pseudonym from one opening of the project to the next.
    let first = personal_values(&evaluation);
    assert!(
        first.iter().any(|v| v.starts_with("courriel-")),
        "the e-mails are pseudonymised: {first:?}"
    );
    assert_eq!(personal_values(&reopened), first);
    // … the pseudonym given when the project was made, not a pseudonym of it.
    for value in &first {
        assert!(
            stored.contains(value.as_str()),
            "{value} is not the stored pseudonym"
        );
    }

    // The project answers the same contracts as the folder.
    let v = common::atelier_json([
        OsStr::new("questions"),
        OsStr::new("--json"),
        project_path.as_os_str(),
    ]);
    assert_eq!(v["questions"][0]["id"], "cons.q1");
}

/// Every personal value of every source, in order.
fn personal_values(evaluation: &Evaluation) -> Vec<String> {
    let mut out = Vec::new();
    for source in &evaluation.sources {
        let survey = &source.survey;
        for &(column, _) in &survey.plan.personal {
            for &row in &survey.respondent_rows {
                if let calamine::Data::String(value) = survey.raw.cell(row, column) {
                    out.push(value.clone());
                }
            }
        }
    }
    out
}

#[test]
fn sources_read_side_by_side_keep_their_order_and_the_first_failure_is_told() {
    let dir = tempdir("order");
    let mut sources = Vec::new();
    for i in 0..6 {
        let file = format!("q{i}.csv");
        let mut text = String::from("id;Votre avis ?\n");
        for r in 0..200 {
            text.push_str(&format!("{r};{}\n", ["Oui", "Non"][(r + i) % 2]));
        }
        std::fs::write(dir.join(&file), text).unwrap();
        sources.push(format!(
            r#"{{"id": "s{i}", "file": "{file}", "group": "g"}}"#
        ));
    }
    let manifest = |sources: &[String]| {
        format!(
            r#"{{"title": "Ordre", "groups": [{{"id": "g", "label": "G"}}], "sources": [{}], "sites": [], "cohort": []}}"#,
            sources.join(", ")
        )
    };
    std::fs::write(dir.join("atelier.json"), manifest(&sources)).unwrap();
    let evaluation = Evaluation::open_dir(&dir, &Silent).unwrap();
    let ids: Vec<&str> = evaluation
        .sources
        .iter()
        .map(|s| s.entry.id.as_str())
        .collect();
    assert_eq!(ids, ["s0", "s1", "s2", "s3", "s4", "s5"]);

    // Two broken files: the message names the first in the manifest's order.
    std::fs::write(dir.join("q2.csv"), "").unwrap();
    std::fs::write(dir.join("q4.csv"), "").unwrap();
    let error = Evaluation::open_dir(&dir, &Silent).unwrap_err().to_string();
    assert!(error.starts_with("q2.csv: "), "{error}");
}
