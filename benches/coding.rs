//! Coding at the size of a large national survey (`atelier synth scale --responses 100000`):
//! reopening a project holding 100,000 answers to an open question and 10,000 codings,
//! against importing its source files; applying and undoing an autocode rule over those
//! 100,000 answers, against one pass folding them to lower case; a frame of the Codage panel
//! listing them, against the same pass. Each ratio is measured in the same run and printed
//! at the end, with the frame's time (goal: under 16 ms).

// A benchmark reports on stdout; it may panic on a broken setup.
#![allow(
    clippy::print_stdout,
    clippy::expect_used,
    clippy::unwrap_used,
    missing_docs
)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use atelier::coding::autocode::{Rule, find_hits};
use atelier::coding::changes;
use atelier::coding::query::{self, CodableQuestion};
use atelier::model::Evaluation;
use atelier::progress::Silent;
use atelier::session::places::Places;
use atelier::session::{AppState, Command, open};
use atelier::ui::{AtelierApp, LaunchOptions, View};
use criterion::{Criterion, criterion_group, criterion_main};

const CODINGS: usize = 10_000;

fn scale_data() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/scale-100k");
    if !dir.join("atelier.json").is_file() {
        atelier::synth::write_scale(&dir, 100_000).expect("scale data written");
    }
    dir
}

fn median_secs<T>(runs: usize, f: &mut dyn FnMut() -> T) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let value = f();
            let elapsed = start.elapsed().as_secs_f64();
            drop(black_box(value));
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// The open question with the most answers, and its answers.
fn biggest_open(evaluation: &Evaluation) -> (CodableQuestion, Vec<String>) {
    let question = query::codable_questions(evaluation)
        .into_iter()
        .filter(|q| !q.interview)
        .max_by_key(|q| q.answers)
        .expect("an open question");
    let n = evaluation.sources[question.source].survey.respondents();
    let texts = (0..n as u32)
        .map(|r| {
            query::answer_text(evaluation, &question.source_id, &question.id, r)
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    (question, texts)
}

fn bench(c: &mut Criterion) {
    let folder = scale_data();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/projet-codage");
    let _ = std::fs::remove_dir_all(&root);
    let places = Places::at(&root);
    let path = root.join("codage.atelier");
    drop(
        atelier::store::Project::create_from_dir(&path, &folder, &places.keys(), &Silent)
            .expect("project made"),
    );
    // 10,000 codings on the biggest open question's answers.
    let mut state = AppState::default();
    state.open(open::open_project(&path, &places, &Silent).expect("opens"));
    let (question, texts) = biggest_open(&state.evaluation);
    let codes: Vec<_> = state
        .evaluation
        .coding
        .codebook
        .codes
        .iter()
        .filter(|c| c.codable)
        .map(|c| c.id)
        .take(5)
        .collect();
    for (k, code) in codes.iter().enumerate() {
        let anchors: Vec<_> = (0..texts.len() as u32)
            .filter(|r| !texts[*r as usize].is_empty())
            .skip(k)
            .step_by(codes.len())
            .take(CODINGS / codes.len())
            .map(|r| question.anchor(r, None))
            .collect();
        let change = changes::apply_code(
            &state.evaluation.coding,
            *code,
            &anchors,
            "A",
            "2013-11-01T10:00:00Z",
        )
        .expect("codes");
        state.apply(Command::Coding(change)).expect("written");
    }
    assert_eq!(state.evaluation.coding.codings.len(), CODINGS);
    state.close();

    let import = || Evaluation::open_dir(&folder, &Silent).expect("import");
    let reopen = || open::open_project(&path, &places, &Silent).expect("reopen");
    let import_secs = median_secs(5, &mut || import());
    let reopen_secs = median_secs(5, &mut || reopen());

    // Autocoding: one rule over the answers, applied then undone, through the session.
    let mut state = AppState::default();
    state.open(reopen());
    let rule = Rule::parse("formation, emploi, conseiller, permis, mobilité");
    let code = codes[0];
    let fold_pass = || texts.iter().map(|t| t.to_lowercase().len()).sum::<usize>();
    let mut hits_count = 0;
    let mut autocode = || {
        let hits = find_hits(&rule, &texts);
        hits_count = hits.len();
        let anchors: Vec<_> = hits
            .iter()
            .map(|h| question.anchor(h.text as u32, Some((h.start, h.end))))
            .collect();
        let change = changes::apply_code(
            &state.evaluation.coding,
            code,
            &anchors,
            "B",
            "2013-11-02T10:00:00Z",
        )
        .expect("codes");
        state.apply(Command::Coding(change)).expect("applied");
        state.undo().expect("undone");
    };
    let mut group = c.benchmark_group("coding_100k");
    group.sample_size(10);
    group.bench_function("fold the answers (baseline)", |b| b.iter(fold_pass));
    group.bench_function("autocode, apply and undo", |b| b.iter(&mut autocode));
    group.finish();
    let fold_secs = median_secs(11, &mut || fold_pass());
    let autocode_secs = median_secs(5, &mut || autocode());

    // A frame of the Codage panel listing the 100,000 answers.
    let ctx = egui::Context::default();
    let mut app = AtelierApp::new(
        &ctx,
        LaunchOptions {
            path: None,
            view: View::Coding,
            screenshot: None,
            remember: false,
            places: places.clone(),
            cohort_view: atelier::ui::CohortView::Indicators,
        },
    );
    app.state = state;
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut AtelierApp| app.frame(ui), app);
    harness.run_steps(3);
    let mut group = c.benchmark_group("coding_panel_100k");
    group.sample_size(20);
    group.bench_function("frame", |b| b.iter(|| harness.step()));
    group.finish();
    let frame_secs = median_secs(31, &mut || harness.step());
    println!(
        "coding_100k: importing the files {:.0} ms, reopening the project with {CODINGS} codings {:.0} ms ({:.2}× the import); \
         folding {} answers {:.1} ms, autocoding them ({hits_count} hits) applied and undone {:.1} ms ({:.1}× folding); \
         a Codage frame {:.2} ms ({:.3}× folding)",
        import_secs * 1e3,
        reopen_secs * 1e3,
        reopen_secs / import_secs,
        texts.len(),
        fold_secs * 1e3,
        autocode_secs * 1e3,
        autocode_secs / fold_secs,
        frame_secs * 1e3,
        frame_secs / fold_secs,
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
