//! Cohort indicators: every indicator of both national extracts (and their events files),
//! at the sample's size and ten times larger, as ratios against reading the same four
//! files with `read_path` alone in the same run; then the whole success-factor analysis
//! (three classes, every factor table with its test, and the six logistic regressions,
//! national and per visited site) on the extracts `atelier synth scale` writes with a
//! million events. The ratios are printed at the end.

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

use atelier::cohort::compute;
use atelier::import::read::read_path;
use atelier::model::Manifest;
use atelier::model::manifest::SiteEntry;
use atelier::progress::Silent;
use atelier::synth::sites::SITES;
use criterion::{Criterion, criterion_group, criterion_main};

/// The extracts `factor` times the sample's size, written once; later runs reuse them.
fn extracts(factor: usize) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/cohort-x{factor}"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        atelier::synth::cohort::write_scaled(&dir, factor).expect("bench extracts written");
        std::fs::write(&done, b"").expect("marker written");
    }
    dir
}

fn manifest() -> Manifest {
    Manifest {
        cohort: atelier::synth::cohort::extracts(),
        sites: SITES
            .iter()
            .map(|s| SiteEntry {
                id: s.id.to_owned(),
                name: s.name.to_owned(),
                network: s.network.id().to_owned(),
                ..SiteEntry::default()
            })
            .collect(),
        ..Manifest::default()
    }
}

/// Baseline: reading the four files into raw tables, nothing more.
fn read_only(dir: &Path, manifest: &Manifest) -> usize {
    let mut cells = 0;
    for extract in &manifest.cohort {
        for file in std::iter::once(&extract.file).chain(extract.events.as_ref()) {
            let raw = read_path(&dir.join(file), None, &Silent).expect("reads");
            cells += raw.height() * raw.width();
        }
    }
    cells
}

/// Every indicator and breakdown, national and per site.
fn indicators(dir: &Path, manifest: &Manifest) -> usize {
    let report = compute(dir, manifest, &Silent).expect("computes");
    report.networks.len() + report.sites.len()
}

/// The extracts of `atelier synth scale --responses N` for the smallest N whose events
/// files hold a million rows (7 times the sample's cohort: 1,011,374 events), written once.
fn scale_extracts() -> PathBuf {
    let responses = 7 * 2_486;
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/scale-{responses}"));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        atelier::synth::write_scale(&dir, responses).expect("scale data written");
        std::fs::write(&done, b"").expect("marker written");
    }
    dir
}

/// Rows of the events files.
fn event_rows(dir: &Path, manifest: &Manifest) -> usize {
    manifest
        .cohort
        .iter()
        .filter_map(|e| e.events.as_ref())
        .map(|f| {
            read_path(&dir.join(f), None, &Silent)
                .expect("reads")
                .height()
                - 1
        })
        .sum()
}

/// The whole factor analysis, with everything it rests on: every indicator, the three
/// classes, each factor table with its test and the regressions of the three classes, for
/// both networks and the ten visited sites.
fn factor_analysis(dir: &Path, manifest: &Manifest) -> usize {
    let report = compute(dir, manifest, &Silent).expect("computes");
    report
        .networks
        .iter()
        .chain(&report.sites)
        .map(|e| e.factors.len() + e.adjusted.iter().map(|m| m.terms.len()).sum::<usize>())
        .sum()
}

/// Median seconds of `runs` runs.
fn median(runs: usize, f: &dyn Fn() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn bench(c: &mut Criterion) {
    let manifest = manifest();
    let mut lines = Vec::new();
    for factor in [1, 10] {
        let dir = extracts(factor);
        let name = format!("cohort_x{factor}");
        let mut group = c.benchmark_group(&name);
        group.sample_size(10);
        group.bench_function("read_path (baseline)", |b| {
            b.iter(|| black_box(read_only(&dir, &manifest)))
        });
        group.bench_function("compute", |b| {
            b.iter(|| black_box(indicators(&dir, &manifest)))
        });
        group.finish();
        let runs = if factor == 1 { 7 } else { 3 };
        let base = median(runs, &|| read_only(&dir, &manifest));
        let ours = median(runs, &|| indicators(&dir, &manifest));
        lines.push(format!(
            "{name}: read_path {base:.3} s, compute (read + every indicator) {ours:.3} s, ratio {:.2}×",
            ours / base
        ));
    }
    let dir = scale_extracts();
    let events = event_rows(&dir, &manifest);
    assert!(events >= 1_000_000, "{events} events");
    let mut group = c.benchmark_group("factors_1m_events");
    group.sample_size(10);
    group.bench_function("read_path (baseline)", |b| {
        b.iter(|| black_box(read_only(&dir, &manifest)))
    });
    group.bench_function("factor analysis", |b| {
        b.iter(|| black_box(factor_analysis(&dir, &manifest)))
    });
    group.finish();
    let base = median(3, &|| read_only(&dir, &manifest));
    let ours = median(3, &|| factor_analysis(&dir, &manifest));
    lines.push(format!(
        "factors ({events} events): read_path {base:.3} s, read + indicators + factor tables + \
         regressions {ours:.3} s, ratio {:.2}×",
        ours / base
    ));
    for line in lines {
        println!("{line}");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
