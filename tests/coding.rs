//! Coding through the command line and the session: every coding and codebook change is
//! written to the project and found after reopening, undone and redone; the codebook goes
//! out to and comes in from other tools as REFI-QDA files; agreement between two coders is
//! printed as DESIGN.md §3 says.

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use atelier::coding::changes;
use atelier::model::coding::{Anchor, CodeDefinition, CodeId, Rgb};
use atelier::progress::Silent;
use atelier::session::places::Places;
use atelier::session::{AppState, Command, open};

/// A copy of the small test evaluation and the user's folders, in a fresh folder.
fn setup(name: &str) -> (PathBuf, Places) {
    let root = common::temp_dir("codage", name);
    let folder = root.join("evaluation");
    std::fs::create_dir_all(&folder).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/evaluation");
    for entry in std::fs::read_dir(fixture).unwrap().flatten() {
        std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
    }
    (folder, Places::at(&root.join("utilisateur")))
}

fn session(folder: &Path, places: &Places) -> AppState {
    let mut state = AppState::default();
    state.open(open::open(folder, places, &Silent).unwrap());
    state
}

fn code_named(state: &AppState, name: &str) -> CodeId {
    state
        .evaluation
        .coding
        .codebook
        .codes
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no code « {name} »"))
        .id
}

fn answer(respondent: u32) -> Anchor {
    Anchor::Answer {
        source: "cons".into(),
        question: "q4".into(),
        respondent,
        span: None,
    }
}

/// Make a change from the work as it is, then apply it as the window does.
fn apply(
    state: &mut AppState,
    make: impl FnOnce(&atelier::model::coding::CodingWork) -> changes::CodingChange,
) {
    let change = make(&state.evaluation.coding);
    state.apply(Command::Coding(change)).unwrap();
}

#[test]
fn a_new_project_starts_from_the_evaluations_codebook() {
    let (folder, places) = setup("livre-par-defaut");
    let state = session(&folder, &places);
    let book = &state.evaluation.coding.codebook;
    assert_eq!(book.children(None).len(), 8);
    assert_eq!(book.codes.iter().filter(|c| c.codable).count(), 40);
    let code = book
        .get(code_named(&state, "Perceptions des jeunes"))
        .unwrap();
    assert!(!code.description.definition.is_empty());
}

#[test]
fn every_codebook_and_coding_change_is_in_the_project_after_reopening() {
    let (folder, places) = setup("reouverture");
    let mut state = session(&folder, &places);
    let jeunes = code_named(&state, "Perceptions des jeunes");
    let conseillers = code_named(&state, "Perceptions des conseillers");
    let theme = state.evaluation.coding.codebook.get(jeunes).unwrap().parent;
    // Create, rename, recolour, describe, give a key, move, code, merge, delete.
    let (created, change) =
        changes::create_code(&state.evaluation.coding, theme, "Mobilité").unwrap();
    apply(&mut state, |_| change);
    apply(&mut state, |w| {
        changes::rename(w, created, "Mobilité et transport").unwrap()
    });
    apply(&mut state, |w| {
        changes::recolour(w, created, Rgb(0x12, 0x34, 0x56)).unwrap()
    });
    let definition = CodeDefinition {
        definition: "Se déplacer pour un emploi ou une formation".into(),
        when_to_use: "Permis, transports, distance".into(),
        when_not: "Logement : « Accompagnement global »".into(),
        example: "« Sans voiture je ne peux pas y aller »".into(),
    };
    apply(&mut state, |w| {
        changes::describe(w, created, definition.clone()).unwrap()
    });
    apply(&mut state, |w| {
        changes::set_shortcut(w, created, Some('m')).unwrap()
    });
    apply(&mut state, |w| {
        changes::move_code(w, created, theme, 0).unwrap()
    });
    apply(&mut state, |w| {
        changes::apply_code(
            w,
            jeunes,
            &[answer(0), answer(1)],
            "A",
            "2026-12-06T10:00:00Z",
        )
        .unwrap()
    });
    apply(&mut state, |w| {
        changes::apply_code(w, created, &[answer(2)], "A", "2026-12-06T10:01:00Z").unwrap()
    });
    // Merge « Perceptions des jeunes » into « Perceptions des conseillers »: codings follow.
    apply(&mut state, |w| {
        changes::merge(w, jeunes, conseillers).unwrap()
    });
    state
        .apply(Command::SetMemo {
            target: atelier::model::coding::MemoTarget::Code(created),
            text: "À revoir avec l'équipe".into(),
        })
        .unwrap();
    // Undo the memo and redo it: both written back.
    state.undo().unwrap();
    state.redo().unwrap();
    let before = state.evaluation.coding.clone();
    state.close();

    let state = session(&folder, &places);
    let after = &state.evaluation.coding;
    let mut expected_codes = before.codebook.codes.clone();
    let mut found_codes = after.codebook.codes.clone();
    expected_codes.sort_by_key(|c| c.id);
    found_codes.sort_by_key(|c| c.id);
    assert_eq!(found_codes, expected_codes);
    assert_eq!(after.codings, before.codings);
    assert_eq!(after.memos, before.memos);
    let code = after.codebook.get(created).unwrap();
    assert_eq!(
        (code.name.as_str(), code.color, code.shortcut, code.position),
        ("Mobilité et transport", Rgb(0x12, 0x34, 0x56), Some('m'), 0)
    );
    assert_eq!(code.description, definition);
    assert!(after.codebook.get(jeunes).is_none(), "merged away");
    assert_eq!(
        after
            .codings
            .values()
            .filter(|c| c.code == conseillers)
            .count(),
        2,
        "the merged code's codings follow"
    );

    // Delete the new code, then undo: its coding comes back; redo, and it is gone after reopening.
    let mut state = state;
    apply(&mut state, |w| changes::delete(w, created).unwrap());
    assert!(
        state
            .evaluation
            .coding
            .codings
            .values()
            .all(|c| c.code != created)
    );
    state.undo().unwrap();
    assert_eq!(
        state
            .evaluation
            .coding
            .codings
            .values()
            .filter(|c| c.code == created)
            .count(),
        1
    );
    state.redo().unwrap();
    state.close();
    let state = session(&folder, &places);
    assert!(state.evaluation.coding.codebook.get(created).is_none());
    assert!(
        state
            .evaluation
            .coding
            .codings
            .values()
            .all(|c| c.code != created)
    );
}

fn atelier(args: &[&std::ffi::OsStr], home: &Path) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_atelier"))
        .args(args)
        .env("ATELIER_HOME", home)
        .output()
        .unwrap()
}

#[test]
fn the_codebook_goes_out_and_comes_back_through_the_command_line() {
    let (folder, places) = setup("echange");
    let home = places.data.parent().unwrap().to_path_buf();
    let project = session(&folder, &places).project_path().unwrap();
    let qdc = folder.join("livre.qdc");
    let out = atelier(
        &[
            "codebook".as_ref(),
            "export".as_ref(),
            project.as_os_str(),
            qdc.as_os_str(),
        ],
        &home,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&qdc).unwrap();
    assert!(text.contains("urn:QDA-XML:codebook:1.0") && text.contains("Perceptions des jeunes"));
    let back = atelier::coding::refi::read_qdc("livre.qdc", text.as_bytes()).unwrap();
    assert_eq!(back.codes.len(), 48);

    // A Taguette codebook (dotted names) comes in: its codes are added, nothing is lost.
    let taguette =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/refi/taguette_dotted.qdc");
    let out = atelier(
        &[
            "codebook".as_ref(),
            "import".as_ref(),
            project.as_os_str(),
            taguette.as_os_str(),
        ],
        &home,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("code(s) ajouté(s)"));
    let state = session(&folder, &places);
    let count = state.evaluation.coding.codebook.codes.len();
    assert!(count > 48, "{count} codes");
    drop(state);

    // A malformed file is refused in one line naming it, and changes nothing.
    let bad = folder.join("abime.qdc");
    std::fs::write(
        &bad,
        "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code name=",
    )
    .unwrap();
    let out = atelier(
        &[
            "codebook".as_ref(),
            "import".as_ref(),
            project.as_os_str(),
            bad.as_os_str(),
        ],
        &home,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("abime.qdc: ") && stderr.trim_end().lines().count() == 1,
        "{stderr}"
    );
    let state = session(&folder, &places);
    assert_eq!(state.evaluation.coding.codebook.codes.len(), count);
}

#[test]
fn agreement_is_printed_as_the_contract_says() {
    let (folder, places) = setup("accord");
    let home = places.data.parent().unwrap().to_path_buf();
    let mut state = session(&folder, &places);
    let jeunes = code_named(&state, "Perceptions des jeunes");
    let conseillers = code_named(&state, "Perceptions des conseillers");
    let at = "2026-12-06T10:00:00Z";
    apply(&mut state, |w| {
        changes::apply_code(w, jeunes, &[answer(0), answer(1), answer(2)], "A", at).unwrap()
    });
    apply(&mut state, |w| {
        changes::apply_code(w, jeunes, &[answer(0), answer(1)], "B", at).unwrap()
    });
    apply(&mut state, |w| {
        changes::apply_code(w, conseillers, &[answer(2)], "B", at).unwrap()
    });
    let project = state.project_path().unwrap();
    state.close();
    let out = atelier(
        &[
            "agreement".as_ref(),
            project.as_os_str(),
            "--coders".as_ref(),
            "A,B".as_ref(),
            "--json".as_ref(),
        ],
        &home,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["coders"], serde_json::json!(["A", "B"]));
    assert_eq!(json["units"], 3);
    let codes = json["codes"].as_array().unwrap();
    let jeunes_row = codes
        .iter()
        .find(|c| c["code"] == "Perceptions des jeunes")
        .unwrap();
    // A coded all three answers with it, B two of them: 2 of 3 units agree.
    assert!(
        (jeunes_row["agreement"].as_f64().unwrap() - 0.667).abs() < 1e-9,
        "{jeunes_row}"
    );
    assert!(json.get("alpha").is_some());
    let out = atelier(
        &[
            "agreement".as_ref(),
            project.as_os_str(),
            "--coders".as_ref(),
            "A,A".as_ref(),
        ],
        &home,
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_coded_question_is_a_question_of_its_own_charted_by_group_with_suppression() {
    let (folder, places) = setup("variable");
    // Three counsellors answered the open question: with the usual threshold of 5 nothing
    // coded could ever be published, so this evaluation publishes from 3.
    let manifest = folder.join("atelier.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replace("\"disclosure_threshold\": 5", "\"disclosure_threshold\": 3"),
    )
    .unwrap();
    let home = places.data.parent().unwrap().to_path_buf();
    let mut state = session(&folder, &places);
    let reporting = code_named(&state, "Outils de suivi et reporting");
    let jeunes = code_named(&state, "Perceptions des jeunes");
    let at = "2026-12-06T10:00:00Z";
    apply(&mut state, |w| {
        changes::apply_code(w, reporting, &[answer(0), answer(1), answer(2)], "A", at).unwrap()
    });
    // The same respondent coded twice with one code counts once; another coder too.
    apply(&mut state, |w| {
        changes::apply_code(w, reporting, &[answer(0)], "B", at).unwrap()
    });
    apply(&mut state, |w| {
        changes::apply_code(w, jeunes, &[answer(2)], "A", at).unwrap()
    });
    let (_, question) = state
        .evaluation
        .find("cons.q4.codes")
        .expect("the coded question");
    assert_eq!(question.kind, atelier::model::QuestionKind::Multiple);
    assert_eq!(question.n, 3);
    let counts = question.label_counts(&question.items[0]);
    assert_eq!(
        question
            .labels
            .iter()
            .cloned()
            .zip(counts)
            .collect::<Vec<_>>(),
        vec![
            ("Outils de suivi et reporting".to_owned(), 3),
            ("Perceptions des jeunes".to_owned(), 1)
        ]
    );
    let project = state.project_path().unwrap();
    state.close();

    let listed =
        common::atelier_json(["questions".as_ref(), project.as_os_str(), "--json".as_ref()]);
    let coded = listed["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "cons.q4.codes")
        .expect("listed by atelier questions");
    assert_eq!(coded["kind"], "multiple");
    assert_eq!(coded["n"], 3);
    // Charted and tabled by group, with the project's disclosure control: counts of 1 and 2
    // are not published.
    let csv = folder.join("codes.csv");
    let out = atelier(
        &[
            "table".as_ref(),
            project.as_os_str(),
            "--question".as_ref(),
            "cons.q4.codes".as_ref(),
            "--by".as_ref(),
            "group".as_ref(),
            "--out".as_ref(),
            csv.as_os_str(),
        ],
        &home,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = std::fs::read_to_string(&csv).unwrap();
    assert!(table.contains("Outils de suivi et reporting"), "{table}");
    // Three coded respondents, all with the first code; the one with the second is hidden.
    assert!(
        table.lines().any(|line| line == "Conseillers;3;3;s"),
        "{table}"
    );
    assert!(table.contains("secret statistique"), "{table}");
    let png = folder.join("codes.png");
    let out = atelier(
        &[
            "chart".as_ref(),
            project.as_os_str(),
            "--question".as_ref(),
            "cons.q4.codes".as_ref(),
            "--by".as_ref(),
            "group".as_ref(),
            "--out".as_ref(),
            png.as_os_str(),
        ],
        &home,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::metadata(&png).unwrap().len() > 1000);
}

#[test]
fn a_later_wave_keeps_codings_and_flags_those_on_changed_or_vanished_answers() {
    let (folder, places) = setup("vague");
    let mut state = session(&folder, &places);
    let jeunes = code_named(&state, "Perceptions des jeunes");
    let stage = code_named(&state, "Immersions / EMT");
    let young = |question: &str, respondent: u32| Anchor::Answer {
        source: "jeunes".into(),
        question: question.into(),
        respondent,
        span: None,
    };
    let at = "2026-12-06T10:00:00Z";
    apply(&mut state, |w| {
        changes::apply_code(w, jeunes, &[young("q5", 0), young("q5", 2)], "A", at).unwrap()
    });
    apply(&mut state, |w| {
        changes::apply_code(w, stage, &[young("q2.autre", 1)], "A", at).unwrap()
    });
    let before = state.evaluation.coding.codings.clone();
    // The next wave: the second young person gone, the third one's suggestion reworded.
    let text = std::fs::read_to_string(folder.join("jeunes.csv")).unwrap();
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with("11400002"))
        .map(|l| {
            l.replace(
                "Les ateliers c'est pas utile, les RDV oui",
                "Les rendez-vous oui, les ateliers non",
            )
        })
        .collect();
    let newer = folder.join("jeunes-vague2.csv");
    std::fs::write(&newer, lines.join("\n") + "\n").unwrap();
    let index = state
        .evaluation
        .sources
        .iter()
        .position(|s| s.entry.id == "jeunes")
        .unwrap();
    let current = state.evaluation.sources[index].clone();
    let (source, _) = open::read_newer_wave(
        &state.project_path().unwrap(),
        &newer,
        state.key().unwrap(),
        &state.evaluation.manifest.clone(),
        &current,
        &Silent,
    )
    .unwrap();
    state
        .apply(Command::ReplaceSource {
            index,
            source,
            codings: None,
        })
        .unwrap();
    let carried = |state: &AppState| -> Vec<(String, Option<String>)> {
        let mut out: Vec<(String, Option<String>)> = state
            .evaluation
            .coding
            .codings
            .values()
            .map(|c| (format!("{:?}", c.anchor), c.review.clone()))
            .collect();
        out.sort();
        out
    };
    let after = carried(&state);
    assert_eq!(after.len(), 3, "every coding is kept");
    let unchanged = after
        .iter()
        .find(|(a, _)| a.contains("\"q5\"") && a.contains("respondent: 0"))
        .unwrap();
    assert!(
        unchanged.1.is_none(),
        "an unchanged answer keeps its coding as it was"
    );
    let moved = after
        .iter()
        .find(|(a, _)| a.contains("\"q5\"") && a.contains("respondent: 1"))
        .unwrap();
    assert!(
        moved.1.as_deref().is_some_and(|r| r.contains("a changé")),
        "{moved:?}"
    );
    let gone = after.iter().find(|(a, _)| a.contains("q2.autre")).unwrap();
    assert!(
        gone.1.as_deref().is_some_and(|r| r.contains("n'est plus")),
        "{gone:?}"
    );
    // Undo gives the codings back exactly; redo carries them again.
    state.undo().unwrap();
    assert_eq!(state.evaluation.coding.codings, before);
    state.redo().unwrap();
    assert_eq!(carried(&state), after);
    state.close();
    let state = session(&folder, &places);
    assert_eq!(carried(&state), after, "as stored in the project");
}
