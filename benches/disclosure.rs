//! Disclosure control at the sample's largest table: a Likert battery by site, protected for
//! publication (small groups merged, every item's table protected against the whole-number
//! attacker, tests of difference on what can be published), as a ratio to computing the same
//! figure unprotected in the same run.

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

use atelier::figures::{self, Figure, FigureBody};
use atelier::model::{Evaluation, QuestionKind};
use atelier::progress::Silent;
use criterion::{Criterion, criterion_group, criterion_main};

/// The Likert battery of the sample whose table by site has the most cells.
fn largest_battery(evaluation: &Evaluation) -> (String, usize) {
    evaluation
        .sources
        .iter()
        .flat_map(|s| {
            s.survey
                .questions
                .iter()
                .filter(|q| q.kind == QuestionKind::Likert)
                .map(|q| evaluation.qid(s, q))
                .collect::<Vec<_>>()
        })
        .filter_map(|qid| {
            let figure = figures::figure(evaluation, &qid, Some("site"), None).ok()?;
            Some((qid, cells(&figure)))
        })
        .max_by_key(|(_, cells)| *cells)
        .expect("a Likert battery by site")
}

/// Cells of a figure's tables, « Ensemble » included.
fn cells(figure: &Figure) -> usize {
    match &figure.body {
        FigureBody::Closed(closed) => closed
            .items
            .iter()
            .map(|i| (i.crosstab.rows.len() + 1) * i.crosstab.col_labels.len())
            .sum(),
        FigureBody::Numeric(_) => 0,
    }
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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    let evaluation = atelier::store::open_any(&dir, &Silent).expect("the sample opens");
    let (qid, table_cells) = largest_battery(&evaluation);
    let compute = || figures::figure(&evaluation, &qid, Some("site"), None).expect("figure");
    let figure = compute();

    let mut group = c.benchmark_group("disclosure_largest_table");
    group.sample_size(20);
    group.bench_function("compute the figure (baseline)", |b| {
        b.iter(|| black_box(compute()))
    });
    group.bench_function("protect it for publication", |b| {
        b.iter(|| black_box(figures::publication(&figure)))
    });
    group.finish();

    let base = median_secs(21, &mut || {
        black_box(compute());
    });
    let protect = median_secs(21, &mut || {
        black_box(figures::publication(&figure));
    });
    let publication = figures::publication(&figure);
    let hidden: usize = publication
        .tables
        .iter()
        .map(|t| {
            t.table
                .rows
                .iter()
                .chain(std::iter::once(&t.table.total))
                .flat_map(|r| &r.cells)
                .filter(|c| c.suppressed.is_some())
                .count()
        })
        .sum();
    println!(
        "disclosure: {qid} by site ({table_cells} cells, {hidden} hidden once published): \
         computing it {:.2} ms; protecting it {:.2} ms ({:.1}× computing)",
        base * 1e3,
        protect * 1e3,
        protect / base
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
