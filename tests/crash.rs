//! Crash safety: a child process applies bursts of commands to a project, acknowledging each
//! one once `apply` has returned, and is killed (SIGKILL) at a random moment. After each
//! kill the project opens, `PRAGMA integrity_check` passes, and it holds every acknowledged
//! command (and possibly the one under way when the kill came), exactly as an in-memory
//! session given the same commands holds them.
//!
//! `cargo test` kills 20 times; `scripts/crash.sh` 200 (`ATELIER_CRASH_KILLS`).

// Tests panic on purpose when something is wrong.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout
)]

mod common;

use std::io::{BufRead as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use atelier::model::{Correction, FigureRef, QuestionKind, Threshold};
use atelier::progress::Silent;
use atelier::session::places::Places;
use atelier::session::{AppState, Command, open};
use atelier::store::Project;

const CHILD_PROJECT: &str = "ATELIER_CRASH_PROJECT";
const CHILD_HOME: &str = "ATELIER_CRASH_HOME";

/// The `step`-th change of the schedule both the child and the reference follow: figures
/// placed and taken out, a question corrected back and forth, the threshold changed, undo
/// and redo.
fn step(state: &mut AppState, step: usize) {
    let result = match step % 8 {
        0 | 1 | 5 => state.apply(Command::AddFigure(FigureRef {
            qid: format!("cons.q{step}"),
            by: step.is_multiple_of(3).then(|| "site".to_owned()),
            site: None,
        })),
        2 => {
            let kind = if step % 16 == 2 {
                QuestionKind::Open
            } else {
                QuestionKind::Single
            };
            state.apply(Command::CorrectQuestion {
                source: 0,
                question: 1,
                correction: Correction {
                    kind: Some(kind),
                    scale: None,
                },
            })
        }
        3 => state.undo().map(|_| ()),
        4 => state.redo().map(|_| ()),
        6 => state.apply(Command::SetThreshold(Threshold::CHOICES[step % 3])),
        _ => match state.figures.len() {
            0 => Ok(()),
            n => state.apply(Command::RemoveFigure { index: step % n }),
        },
    };
    result.unwrap();
}

/// What a project holds of the evaluator's work, as text to compare.
fn digest(
    figures: &[FigureRef],
    corrections: Vec<(String, String, Correction)>,
    threshold: u32,
) -> String {
    let mut corrections: Vec<String> = corrections
        .into_iter()
        .map(|(s, q, c)| format!("{s}.{q}={:?}/{:?}", c.kind, c.scale))
        .collect();
    corrections.sort();
    format!("{figures:?} | {corrections:?} | {threshold}")
}

fn state_digest(state: &AppState) -> String {
    let corrections = state
        .evaluation
        .sources
        .iter()
        .flat_map(|s| {
            s.survey
                .corrections
                .iter()
                .map(|(q, c)| (s.entry.id.clone(), q.clone(), c.clone()))
        })
        .collect();
    digest(
        &state.figures,
        corrections,
        state.evaluation.manifest.disclosure_threshold.get(),
    )
}

fn project_digest(path: &Path) -> String {
    let project = Project::open(path).unwrap();
    digest(
        &project.figures().unwrap(),
        project.corrections().unwrap(),
        project.manifest().unwrap().disclosure_threshold.get(),
    )
}

/// Not a test on its own: the child process of the crash test, which applies the schedule
/// to the project `ATELIER_CRASH_PROJECT` until it is killed.
#[test]
fn crash_child() {
    let Some(project) = std::env::var_os(CHILD_PROJECT) else {
        return;
    };
    let home = PathBuf::from(std::env::var_os(CHILD_HOME).unwrap());
    let opened = open::open_project(Path::new(&project), &Places::at(&home), &Silent).unwrap();
    let mut state = AppState::default();
    state.open(opened);
    let mut out = std::io::stdout().lock();
    for n in 0..100_000 {
        step(&mut state, n);
        writeln!(out, "ack {n}").unwrap();
        out.flush().unwrap();
    }
}

/// A small, repeatable sequence of kill delays.
fn delays(count: usize) -> impl Iterator<Item = Duration> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..count).map(move |_| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        Duration::from_millis(60 + x % 600)
    })
}

#[test]
fn every_acknowledged_command_survives_a_kill() {
    let kills: usize = std::env::var("ATELIER_CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(20);
    let root = common::temp_dir("crash", "kills");
    let folder = root.join("evaluation");
    std::fs::create_dir_all(&folder).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/evaluation");
    for entry in std::fs::read_dir(fixture).unwrap().flatten() {
        std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
    }
    let home = root.join("utilisateur");
    let places = Places::at(&home);
    let opened = open::open(&folder, &places, &Silent).unwrap();
    let base = opened.project.path().to_path_buf();
    // The reference: the same schedule, in memory, digested after each step.
    let mut reference = AppState::with_evaluation(opened.evaluation.clone());
    drop(opened);
    let mut digests = vec![state_digest(&reference)];
    let mut acknowledged_most = 0;
    for (round, delay) in delays(kills).enumerate() {
        let project = root.join(format!("tour-{round}.atelier"));
        std::fs::copy(&base, &project).unwrap();
        let mut child = Process::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_PROJECT, &project)
            .env(CHILD_HOME, &home)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut acked = 0usize;
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("ack ") {
                    acked = n.trim().parse::<usize>().unwrap() + 1;
                }
            }
            acked
        });
        std::thread::sleep(delay);
        child.kill().unwrap();
        child.wait().unwrap();
        let acked = reader.join().unwrap();
        acknowledged_most = acknowledged_most.max(acked);
        while digests.len() < acked + 2 {
            step(&mut reference, digests.len() - 1);
            digests.push(state_digest(&reference));
        }

        let conn = rusqlite::Connection::open(&project).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}: the project is damaged");
        drop(conn);
        let found = project_digest(&project);
        assert!(
            found == digests[acked] || found == digests[acked + 1],
            "round {round}: {acked} commands acknowledged, but the project holds\n{found}\ninstead of\n{}",
            digests[acked]
        );
        std::fs::remove_file(&project).unwrap();
        let _ = std::fs::remove_file(format!("{}-lock", project.display()));
    }
    assert!(
        acknowledged_most > 8,
        "the child never got far enough to test anything ({acknowledged_most} commands)"
    );
}
