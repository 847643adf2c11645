//! Reopening a project against importing its files: the sample's project against the sample
//! folder, and a project of `atelier synth scale --responses 100000` against the same files.
//! Each is printed as a ratio to the import measured in the same run (goal: 0.25 or less).

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
use atelier::progress::Silent;
use atelier::session::open;
use atelier::session::places::Places;
use criterion::{Criterion, criterion_group, criterion_main};

fn scale_data() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/scale-100k");
    if !dir.join("atelier.json").is_file() {
        atelier::synth::write_scale(&dir, 100_000).expect("scale data written");
    }
    dir
}

/// A fresh project of `folder` in a folder of its own; returns its path and the user's
/// folders it was made with.
fn project_of(folder: &Path, name: &str) -> (PathBuf, Places) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(format!("projet-{name}"));
    let _ = std::fs::remove_dir_all(&root);
    let places = Places::at(&root);
    let path = root.join(format!("{name}.atelier"));
    let project = atelier::store::Project::create_from_dir(&path, folder, &places.keys(), &Silent)
        .expect("project made");
    drop(project);
    (path, places)
}

/// The median time of `runs` calls of `f`; what it returns is dropped after the clock
/// stops (freeing an evaluation is not part of opening one).
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

fn compare(c: &mut Criterion, name: &str, folder: &Path, runs: usize) {
    let (project, places) = project_of(folder, name);
    let import = || Evaluation::open_dir(folder, &Silent).expect("import");
    let reopen = || open::open_project(&project, &places, &Silent).expect("reopen");
    let mut group = c.benchmark_group(format!("project_{name}"));
    group.sample_size(10);
    group.bench_function("import the folder (baseline)", |b| {
        b.iter_with_large_drop(import)
    });
    group.bench_function("reopen the project", |b| b.iter_with_large_drop(reopen));
    group.finish();
    let import_secs = median_secs(runs, &mut || import());
    let reopen_secs = median_secs(runs, &mut || reopen());
    println!(
        "project_{name}: importing the folder {:.0} ms; reopening its project {:.0} ms ({:.2}× the import)",
        import_secs * 1e3,
        reopen_secs * 1e3,
        reopen_secs / import_secs
    );
}

fn bench(c: &mut Criterion) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    compare(c, "sample", &sample, 11);
    compare(c, "scale_100k", &scale_data(), 5);
}

criterion_group!(benches, bench);
criterion_main!(benches);
