//! Perceptions at scale: a crosstab of one question by site over 100,000 responses, and
//! frames of the Graphiques and Sources panels (its respondent grid of 100,000 rows) with that
//! data loaded, each as a ratio to reading the same data (one pass over the question's
//! answers) in the same run.

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

use atelier::model::Evaluation;
use atelier::model::Values;
use atelier::progress::Silent;
use atelier::stats::{self, Grouping, Matching};
use atelier::ui::{AtelierApp, LaunchOptions, View};
use criterion::{Criterion, criterion_group, criterion_main};

const RESPONSES: usize = 100_000;

fn scale_data() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/scale-100k");
    if !dir.join("atelier.json").is_file() {
        atelier::synth::write_scale(&dir, RESPONSES).expect("scale data written");
    }
    dir
}

/// The first Likert question of the biggest source that has one.
fn likert_qid(evaluation: &Evaluation) -> String {
    let is_likert = |q: &&atelier::model::Question| q.kind == atelier::model::QuestionKind::Likert;
    evaluation
        .sources
        .iter()
        .filter(|s| s.survey.questions.iter().any(|q| is_likert(&q)))
        .max_by_key(|s| s.survey.respondents())
        .and_then(|s| {
            s.survey
                .questions
                .iter()
                .find(is_likert)
                .map(|q| evaluation.qid(s, q))
        })
        .expect("a Likert question")
}

/// Baseline: one pass over the question's answers (what any computation must read).
fn read_answers(evaluation: &Evaluation, qid: &str) -> u64 {
    let (_, question) = evaluation.find(qid).expect("question");
    let mut sum = 0u64;
    for item in &question.items {
        if let Values::Codes(codes) = &item.values {
            sum += codes.iter().map(|&c| u64::from(c)).sum::<u64>();
        }
    }
    sum
}

fn median_secs(runs: usize, f: &mut dyn FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn bench(c: &mut Criterion) {
    let dir = scale_data();
    let evaluation = Evaluation::open_dir(&dir, &Silent).expect("scale data opens");
    let qid = likert_qid(&evaluation);
    let by_site = Grouping::from_spec(&evaluation, "site").expect("grouping");

    let mut group = c.benchmark_group("crosstab_100k");
    group.bench_function("read answers (baseline)", |b| {
        b.iter(|| black_box(read_answers(&evaluation, &qid)))
    });
    group.bench_function("crosstab by site", |b| {
        b.iter(|| {
            black_box(
                stats::question_table(&evaluation, &qid, &by_site, Matching::SourceOnly)
                    .expect("table"),
            )
        })
    });
    group.finish();

    // Frames of the Graphiques panel, with the same data loaded, in a headless harness.
    let ctx = egui::Context::default();
    let mut app = AtelierApp::new(
        &ctx,
        LaunchOptions {
            path: None,
            view: View::Charts,
            cohort_view: atelier::ui::CohortView::Indicators,
            screenshot: None,
            remember: false,
            places: atelier::session::places::Places::at(
                &std::env::temp_dir().join(format!("atelier-bench-{}", std::process::id())),
            ),
        },
    );
    app.state = atelier::session::AppState::with_evaluation(evaluation.clone());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut AtelierApp| app.frame(ui), app);
    harness.run_steps(3);
    let mut group = c.benchmark_group("charts_panel_100k");
    group.sample_size(20);
    group.bench_function("frame", |b| b.iter(|| harness.step()));
    group.finish();

    let base = median_secs(51, &mut || {
        black_box(read_answers(&evaluation, &qid));
    });
    let crosstab = median_secs(51, &mut || {
        black_box(
            stats::question_table(&evaluation, &qid, &by_site, Matching::SourceOnly)
                .expect("table"),
        );
    });
    let frame = median_secs(31, &mut || harness.step());

    // Frames of the Sources panel: the first questionnaire's 100,000-row respondent grid.
    harness.state_mut().view = View::Sources;
    harness.run_steps(3);
    let mut group = c.benchmark_group("sources_panel_100k");
    group.sample_size(20);
    group.bench_function("frame", |b| b.iter(|| harness.step()));
    group.finish();
    let sources_frame = median_secs(31, &mut || harness.step());
    println!(
        "charts_100k: reading the answers {:.3} ms; crosstab by site {:.3} ms ({:.1}× reading); \
         Graphiques frame {:.2} ms ({:.0}× reading); Sources frame with the 100,000-row grid \
         {:.2} ms ({:.0}× reading)",
        base * 1e3,
        crosstab * 1e3,
        crosstab / base,
        frame * 1e3,
        frame / base,
        sources_frame * 1e3,
        sources_frame / base
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
