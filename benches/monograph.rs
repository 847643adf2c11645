//! Exporting the ten sample monographs as Word documents with their charts, against drawing
//! the same charts alone (as PNG) in the same run; the whole export's time is printed too
//! (goal: under two seconds on the team's laptops).

// A benchmark reports on stdout; it may panic on a broken setup.
#![allow(
    clippy::print_stdout,
    clippy::expect_used,
    clippy::unwrap_used,
    missing_docs
)]

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use atelier::monograph::assemble::{Content, Inputs, assemble, draw, to_document};
use atelier::monograph::export::to_docx;
use atelier::progress::Silent;
use criterion::{Criterion, criterion_group, criterion_main};

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

fn bench(c: &mut Criterion) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    let evaluation = atelier::store::open_any(&sample, &Silent).expect("the sample opens");
    let cohort =
        atelier::cohort::compute(&sample, &evaluation.manifest, &Silent).expect("cohort figures");
    let template = atelier::monograph::default_template();
    let inputs = Inputs {
        evaluation: &evaluation,
        cohort: Some(&cohort),
        template: &template,
        figures: &[],
    };
    let sites = evaluation.manifest.sites.len();
    let fresh: Vec<_> = evaluation
        .manifest
        .sites
        .iter()
        .map(|s| atelier::monograph::fresh(&s.id))
        .collect();
    // Every chart of the ten monographs.
    let charts: Vec<_> = (0..sites)
        .flat_map(|i| {
            assemble(&inputs, i, &fresh[i])
                .sections
                .into_iter()
                .flat_map(|s| s.blocks)
                .filter_map(|b| match b.content {
                    Content::Charts(c) => Some(c),
                    _ => None,
                })
                .flatten()
                .collect::<Vec<_>>()
        })
        .collect();
    let draw_charts = || charts.iter().map(|c| draw(c, 1).png.len()).sum::<usize>();
    let export_all = || {
        (0..sites)
            .map(|i| {
                let assembled = assemble(&inputs, i, &fresh[i]);
                to_docx(&to_document(&inputs, &assembled))
                    .expect("docx")
                    .len()
            })
            .sum::<usize>()
    };
    let mut group = c.benchmark_group("monographs");
    group.sample_size(10);
    group.bench_function("draw the charts (baseline)", |b| b.iter(draw_charts));
    group.bench_function("ten monographs as Word", |b| b.iter(export_all));
    group.finish();
    let charts_secs = median_secs(5, &mut || draw_charts());
    let export_secs = median_secs(5, &mut || export_all());
    println!(
        "monographs: drawing their {} charts {:.0} ms; the ten monographs as Word {:.0} ms ({:.2}× drawing the charts)",
        charts.len(),
        charts_secs * 1e3,
        export_secs * 1e3,
        export_secs / charts_secs
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
