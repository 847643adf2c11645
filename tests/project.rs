//! The project file as the session uses it: every change written before it is shown, and
//! found again after reopening; one writer at a time; older projects migrated and newer
//! ones refused; read-only projects; a full disk; the pseudonymisation key kept outside the
//! file; a later wave replacing a source without losing the corrections.

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use atelier::model::{Correction, FigureRef, QuestionKind, Threshold};
use atelier::progress::Silent;
use atelier::session::places::Places;
use atelier::session::{AppState, Command, Opened, open};
use atelier::store::{Project, ReadOnlyReason, SCHEMA_VERSION, StoreError};

/// A copy of the small test evaluation (two questionnaires, one with personal columns) and
/// the user's folders, in a fresh folder.
fn setup(name: &str) -> (PathBuf, Places) {
    let root = common::temp_dir("projet", name);
    let evaluation = root.join("evaluation");
    std::fs::create_dir_all(&evaluation).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/evaluation");
    for entry in std::fs::read_dir(fixture).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), evaluation.join(entry.file_name())).unwrap();
    }
    (evaluation, Places::at(&root.join("utilisateur")))
}

fn session(opened: Opened) -> AppState {
    let mut state = AppState::default();
    state.open(opened);
    state
}

fn question(state: &AppState, source: &str, text: &str) -> (usize, usize) {
    let s = state
        .evaluation
        .sources
        .iter()
        .position(|s| s.entry.id == source)
        .unwrap();
    let q = state.evaluation.sources[s]
        .survey
        .questions
        .iter()
        .position(|q| q.text.starts_with(text))
        .unwrap();
    (s, q)
}

fn kind_of(state: &AppState, source: &str, text: &str) -> QuestionKind {
    let (s, q) = question(state, source, text);
    state.evaluation.sources[s].survey.questions[q].kind
}

fn figure(qid: &str) -> FigureRef {
    FigureRef {
        qid: qid.to_owned(),
        by: Some("group".to_owned()),
        site: None,
    }
}

/// Every e-mail pseudonym of a source, in respondent order.
fn email_pseudonyms(state: &AppState, source: &str) -> Vec<String> {
    let source = state
        .evaluation
        .sources
        .iter()
        .find(|s| s.entry.id == source)
        .unwrap();
    let survey = &source.survey;
    let (column, _) = survey
        .plan
        .personal
        .iter()
        .find(|(_, kind)| *kind == atelier::model::PersonalKind::Email)
        .unwrap();
    survey
        .respondent_rows
        .iter()
        .map(|&r| {
            atelier::model::cell::cell_text(survey.raw.cell(r, *column))
                .unwrap()
                .into_owned()
        })
        .collect()
}

#[test]
fn opening_a_folder_makes_its_project_and_every_change_is_there_after_reopening() {
    let (folder, places) = setup("reouverture");
    let mut state = session(open::open(&folder, &places, &Silent).unwrap());
    let project = state.project_path().unwrap();
    assert_eq!(
        project,
        folder.canonicalize().unwrap().join("evaluation.atelier")
    );
    let (s, q) = question(&state, "cons", "Depuis combien");
    state
        .apply(Command::CorrectQuestion {
            source: s,
            question: q,
            correction: Correction {
                kind: Some(QuestionKind::Open),
                scale: None,
            },
        })
        .unwrap();
    state.apply(Command::AddFigure(figure("cons.q3"))).unwrap();
    state
        .apply(Command::AddFigure(figure("jeunes.q3")))
        .unwrap();
    state
        .apply(Command::SetThreshold(Threshold::CHOICES[2]))
        .unwrap();
    // Undo and redo write back too.
    state.undo().unwrap();
    state.undo().unwrap();
    state.redo().unwrap();
    assert_eq!(state.figures.len(), 2);
    assert_eq!(state.evaluation.manifest.disclosure_threshold.get(), 5);
    state.close();

    // Opening the folder again opens the same project, with everything in it.
    let state = session(open::open(&folder, &places, &Silent).unwrap());
    assert_eq!(state.project_path().unwrap(), project);
    assert_eq!(
        kind_of(&state, "cons", "Depuis combien"),
        QuestionKind::Open
    );
    assert_eq!(state.figures, vec![figure("cons.q3"), figure("jeunes.q3")]);
    assert_eq!(state.evaluation.manifest.disclosure_threshold.get(), 5);
    let journal = state.project().unwrap().journal().unwrap();
    assert!(
        journal
            .iter()
            .any(|(_, action)| action.contains("Correction de la question cons.q2")),
        "{journal:?}"
    );
}

#[test]
fn the_command_line_reads_a_folder_and_writes_nothing() {
    let (folder, places) = setup("lecture");
    let before: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    for args in [
        vec!["questions", "--json"],
        vec!["chart", "--question", "cons.q3", "--by", "group", "--out"],
    ] {
        let mut command = Process::new(env!("CARGO_BIN_EXE_atelier"));
        command.args(&args);
        if args[0] == "chart" {
            command.arg(places.data.join("graphique.png"));
            std::fs::create_dir_all(&places.data).unwrap();
        }
        let out = command
            .arg(&folder)
            .env("ATELIER_HOME", places.data.parent().unwrap())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let after: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(
        before.len(),
        after.len(),
        "nothing written in the folder: {after:?}"
    );
}

#[test]
fn a_second_instance_opens_the_project_read_only_and_writes_nothing() {
    let (folder, places) = setup("second");
    let mut first = session(open::open(&folder, &places, &Silent).unwrap());
    let path = first.project_path().unwrap();
    let second_opened = open::open_project(&path, &places, &Silent).unwrap();
    assert!(
        second_opened
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("lecture seule")),
        "{:?}",
        second_opened.notice
    );
    let mut second = session(second_opened);
    assert_eq!(second.read_only(), Some(ReadOnlyReason::OpenElsewhere));
    let refused = second.apply(Command::AddFigure(figure("cons.q3")));
    let message = refused.unwrap_err().to_string();
    assert!(message.contains("lecture seule"), "{message}");
    assert!(
        second.figures.is_empty(),
        "a refused change is not shown as made"
    );
    // The first instance writes on, and the second sees it when it opens again.
    first
        .apply(Command::AddFigure(figure("jeunes.q3")))
        .unwrap();
    drop(second);
    first.close();
    let again = session(open::open_project(&path, &places, &Silent).unwrap());
    assert_eq!(again.read_only(), None, "the lock is released on close");
    assert_eq!(again.figures, vec![figure("jeunes.q3")]);
}

#[test]
fn a_project_held_by_another_process_opens_read_only() {
    let (folder, places) = setup("autre-processus");
    let path = {
        let state = session(open::open(&folder, &places, &Silent).unwrap());
        state.project_path().unwrap()
    };
    // Another process holds the lock the way a running Atelier does.
    let mut holder = Process::new("flock")
        .arg("-x")
        .arg(format!("{}-lock", path.display()))
        .args(["sleep", "30"])
        .spawn();
    let Ok(child) = holder.as_mut() else {
        eprintln!("SKIPPED: flock(1) not found");
        return;
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    let opened = open::open_project(&path, &places, &Silent).unwrap();
    assert_eq!(opened.project.access(), Err(ReadOnlyReason::OpenElsewhere));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn a_project_from_a_newer_atelier_is_refused_with_a_clear_message() {
    let (folder, places) = setup("recent");
    let path = session(open::open(&folder, &places, &Silent).unwrap())
        .project_path()
        .unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'schema_version'",
        [(SCHEMA_VERSION + 1).to_string()],
    )
    .unwrap();
    drop(conn);
    let err = Project::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { .. }));
    let out = Process::new(env!("CARGO_BIN_EXE_atelier"))
        .args(["questions"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("version plus récente") && stderr.lines().count() == 1,
        "{stderr}"
    );
}

#[test]
fn a_version_1_project_is_migrated_and_keeps_its_correction() {
    let (_, places) = setup("version-1");
    let path = places.data.join("ancien.atelier");
    std::fs::create_dir_all(&places.data).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/projects/v1.atelier"),
        &path,
    )
    .unwrap();
    // Read as it is by the command line, without being migrated.
    let v = common::atelier_json([
        std::ffi::OsStr::new("questions"),
        path.as_os_str(),
        std::ffi::OsStr::new("--json"),
    ]);
    let kinds: Vec<(&str, &str)> = v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["id"].as_str().unwrap(), q["kind"].as_str().unwrap()))
        .collect();
    assert!(kinds.contains(&("jeunes.q4", "single")), "{kinds:?}");
    // Opened by the window, it is migrated: its correction kept, figures can be placed.
    let mut state = session(open::open_project(&path, &places, &Silent).unwrap());
    assert_eq!(kind_of(&state, "jeunes", "Quel âge"), QuestionKind::Single);
    state.apply(Command::AddFigure(figure("cons.q3"))).unwrap();
    state.close();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION.to_string());
    drop(conn);
    let state = session(open::open_project(&path, &places, &Silent).unwrap());
    assert_eq!(state.figures, vec![figure("cons.q3")]);
    assert_eq!(kind_of(&state, "jeunes", "Quel âge"), QuestionKind::Single);
}

#[test]
fn a_project_marked_read_only_opens_read_only_and_says_so() {
    let (folder, places) = setup("lecture-seule");
    let path = session(open::open(&folder, &places, &Silent).unwrap())
        .project_path()
        .unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let opened = open::open_project(&path, &places, &Silent).unwrap();
    assert_eq!(opened.project.access(), Err(ReadOnlyReason::ReadOnlyMedium));
    assert!(
        opened
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("lecture seule"))
    );
    assert_eq!(
        opened.evaluation.sources.len(),
        2,
        "everything can still be read"
    );
    let mut state = session(opened);
    assert!(state.apply(Command::AddFigure(figure("cons.q3"))).is_err());
    assert!(state.figures.is_empty());
}

#[test]
fn a_full_disk_is_told_and_leaves_the_project_as_it_was() {
    let (folder, places) = setup("disque-plein");
    let mut state = session(open::open(&folder, &places, &Silent).unwrap());
    let pages = state.project().unwrap().page_count().unwrap();
    state
        .project()
        .unwrap()
        .limit_size_for_tests(pages)
        .unwrap();
    let mut placed = 0;
    let error = loop {
        match state.apply(Command::AddFigure(figure(&format!("cons.q{placed}")))) {
            Ok(()) => placed += 1,
            Err(e) => break e.to_string(),
        }
        assert!(placed < 10_000, "the file never filled up");
    };
    assert!(error.contains("disque plein"), "{error}");
    assert_eq!(
        state.figures.len(),
        placed,
        "the failed change is not shown as made"
    );
    state.close();
    let state = session(open::open(&folder, &places, &Silent).unwrap());
    assert_eq!(
        state.figures.len(),
        placed,
        "every acknowledged change is there"
    );
    let conn = rusqlite::Connection::open(state.project_path().unwrap()).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn the_key_is_kept_outside_the_project_and_a_person_keeps_their_pseudonym() {
    let (folder, places) = setup("cle");
    let mut state = session(open::open(&folder, &places, &Silent).unwrap());
    let before = email_pseudonyms(&state, "jeunes");
    assert!(before[0].starts_with("courriel-"), "{before:?}");
    let project = state.project_path().unwrap();
    let id = state.project().unwrap().id().to_owned();
    // The key is in the user's configuration folder, and nowhere in the project file.
    let key_file = places.config.join("cles").join(format!("{id}.cle"));
    let key = std::fs::read_to_string(&key_file).unwrap();
    assert_eq!(key.trim().len(), 64);
    let bytes = std::fs::read(&project).unwrap();
    assert!(
        !bytes.windows(64).any(|w| w == key.trim().as_bytes()),
        "the key is not in the project file"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by the user alone");
    }
    // A later export holding a person already met (the first young person's e-mail).
    let later = folder.join("relance.csv");
    std::fs::write(
        &later,
        "Email Address;Avez-vous trouvé un emploi ?\ncamille.exemple@example.net;Oui\nnouveau.venu@example.net;Non\n",
    )
    .unwrap();
    let source = open::read_and_store(&project, &later, state.key().unwrap(), &Silent).unwrap();
    state
        .apply(Command::InsertSource { index: 2, source })
        .unwrap();
    let added = email_pseudonyms(&state, "relance");
    assert_eq!(added[0], before[0], "the same person, the same pseudonym");
    assert_ne!(added[1], before[0]);
    state.close();
    // Reopened: the pseudonyms are those stored.
    let state = session(open::open(&folder, &places, &Silent).unwrap());
    assert_eq!(email_pseudonyms(&state, "jeunes"), before);
    assert_eq!(email_pseudonyms(&state, "relance")[0], before[0]);
    drop(state);

    // The key lost: the project opens, says so, and its pseudonyms stay.
    std::fs::remove_file(&key_file).unwrap();
    let opened = open::open(&folder, &places, &Silent).unwrap();
    assert!(
        opened.notice.as_deref().is_some_and(|n| n.contains("clé")),
        "{:?}",
        opened.notice
    );
    let state = session(opened);
    assert_eq!(email_pseudonyms(&state, "jeunes"), before);
}

/// The young people's export, one wave later: Dominique's age changed (19 → 20), Sam gone,
/// a new respondent.
fn newer_wave(folder: &Path) -> PathBuf {
    let text = std::fs::read_to_string(folder.join("jeunes.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[3] = lines[3].replace(",19,", ",20,");
    lines.retain(|l| !l.starts_with("11400004"));
    lines.push(
        "11400009,2200002,10/09/2013 02:00:00 PM,10/09/2013 02:10:00 PM,82.64.10.9,eden.nouveau@example.net,Eden,Nouveau,A9,Agence de Lille,Ateliers collectifs,,,,Très utile,Très utile,Très utile,23,"
            .to_owned(),
    );
    let path = folder.join("jeunes-vague2.csv");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn a_later_wave_replaces_a_source_keeping_its_corrections() {
    let (folder, places) = setup("vague");
    let mut state = session(open::open(&folder, &places, &Silent).unwrap());
    let (s, q) = question(&state, "jeunes", "Quel âge");
    state
        .apply(Command::CorrectQuestion {
            source: s,
            question: q,
            correction: Correction {
                kind: Some(QuestionKind::Single),
                scale: None,
            },
        })
        .unwrap();
    let project = state.project_path().unwrap();
    let current = state.evaluation.sources[s].clone();
    let (source, account) = open::read_newer_wave(
        &project,
        &newer_wave(&folder),
        state.key().unwrap(),
        &state.evaluation.manifest,
        &current,
        &Silent,
    )
    .unwrap();
    assert_eq!((account.kept, account.added, account.removed), (3, 1, 1));
    let changed: Vec<(&str, usize)> = account
        .changed
        .iter()
        .map(|(id, _, n)| (id.as_str(), *n))
        .collect();
    assert_eq!(changed, vec![("q4", 1)], "only Dominique's age changed");
    assert!(
        account
            .summary()
            .contains("1 répondant(s) ajouté(s), 1 retiré(s)")
    );
    state
        .apply(Command::ReplaceSource {
            index: s,
            source,
            codings: None,
        })
        .unwrap();
    let file = |state: &AppState| state.evaluation.sources[s].survey.raw.file_name.clone();
    assert_eq!(file(&state), "jeunes-vague2.csv");
    assert_eq!(kind_of(&state, "jeunes", "Quel âge"), QuestionKind::Single);
    // Undone, the earlier wave is back (its file was kept for that); redone, the later one.
    state.undo().unwrap();
    assert_eq!(file(&state), "jeunes.csv");
    assert_eq!(kind_of(&state, "jeunes", "Quel âge"), QuestionKind::Single);
    state.redo().unwrap();
    assert_eq!(file(&state), "jeunes-vague2.csv");
    state.close();

    let state = session(open::open(&folder, &places, &Silent).unwrap());
    assert_eq!(file(&state), "jeunes-vague2.csv");
    assert_eq!(kind_of(&state, "jeunes", "Quel âge"), QuestionKind::Single);
    let ages: Vec<String> = {
        let (s, q) = question(&state, "jeunes", "Quel âge");
        let question = &state.evaluation.sources[s].survey.questions[q];
        question.labels.clone()
    };
    assert!(
        ages.contains(&"20".to_owned()),
        "the newer answers: {ages:?}"
    );
}

#[test]
fn a_file_that_is_not_a_project_is_refused_by_its_first_bytes() {
    let (folder, _) = setup("pas-un-projet");
    let fake = folder.join("faux.atelier");
    std::fs::write(&fake, b"%PDF-1.4 pas un projet").unwrap();
    let out = Process::new(env!("CARGO_BIN_EXE_atelier"))
        .args(["questions"])
        .arg(&fake)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("faux.atelier") && stderr.contains("pas un projet Atelier"),
        "{stderr}"
    );
}

#[test]
fn the_sample_opens_with_its_fifty_six_notes_from_the_folder_and_from_its_project() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    let folder = atelier::store::open_any(&sample, &Silent).unwrap();
    assert_eq!(folder.notes.len(), 56, "{:?}", folder.problems);
    assert!(folder.problems.is_empty());
    let (_, places) = setup("notes");
    let state = session(open::open(&sample, &places, &Silent).unwrap());
    assert_eq!(state.evaluation.notes.len(), 56);
    let first = &state.evaluation.notes[0];
    assert_eq!(first.entry.title, "Entretien avec la directrice");
    assert_eq!(
        state.evaluation.manifest.sites[first.site].id,
        "ml_touraine"
    );
    assert_eq!(
        first.text, folder.notes[0].text,
        "the stored bytes read the same"
    );
}
