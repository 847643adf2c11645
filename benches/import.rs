//! Import speed and memory on 100,000 responses (about 25 columns: Likert grids, multiple
//! choice, open text), as ratios against a baseline reading the same cells in the same run:
//! an xlsx against calamine, and the same answers as csv against the csv crate. The ratios
//! are printed after each group: `inspect / baseline`, time and peak heap.

// A counting global allocator is the only way to measure peak heap in-process.
#![allow(unsafe_code)]
// A benchmark reports on stdout; it may panic on a broken setup.
#![allow(
    clippy::print_stdout,
    clippy::expect_used,
    clippy::unwrap_used,
    missing_docs
)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use atelier::model::Survey;
use atelier::progress::Silent;
use calamine::{Reader, open_workbook_auto};
use criterion::{Criterion, criterion_group, criterion_main};

/// Counts live and peak heap bytes, to compare peak memory of two readers.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                    - layout.size();
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const RESPONSES: u32 = 100_000;

const SATISFACTION: [&str; 5] = [
    "Tout à fait satisfait",
    "Plutôt satisfait",
    "Plutôt pas satisfait",
    "Pas du tout satisfait",
    "Ne sait pas",
];
const USEFUL: [&str; 4] = [
    "Très utile",
    "Plutôt utile",
    "Peu utile",
    "Pas du tout utile",
];
const COMMENTS: [&str; 6] = [
    "Le reporting prend beaucoup trop de temps par rapport à l'accompagnement.",
    "Des rendez-vous réguliers, c'est ce qui m'a le plus aidé.",
    "Stop and go des financements",
    "Les aides arrivent trop tard pour les jeunes",
    "",
    "Plus de contacts avec les employeurs du territoire, et des ateliers moins longs.",
];

/// The benchmark's headings and answers (the age, column 22, is a number).
fn responses() -> (Vec<String>, Vec<Vec<String>>) {
    let mut headings = vec![
        "id".to_owned(),
        "submitdate".to_owned(),
        "lastpage".to_owned(),
        "startlanguage".to_owned(),
    ];
    headings.push("Depuis combien de temps accompagnez-vous des jeunes ?".to_owned());
    for item in [
        "reporting",
        "fréquence des entretiens",
        "ateliers",
        "aides",
        "immersions",
        "offres",
        "parrainage",
        "suivi en emploi",
    ] {
        headings.push(format!(
            "Comment jugez-vous la pertinence des éléments ? [{item}]"
        ));
    }
    for item in ["Ateliers", "Offres", "Immersions", "Formation", "Aides"] {
        headings.push(format!("Quelles actions avez-vous reçues ? [{item}]"));
    }
    for item in ["Rendez-vous", "Offres d'emploi", "Ateliers", "Stages"] {
        headings.push(format!("Utilité des actions [{item}]"));
    }
    headings.push("Quel âge avez-vous ?".to_owned());
    headings.push("Pistes d'amélioration".to_owned());
    headings.push("Commentaires".to_owned());
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut rows = Vec::with_capacity(RESPONSES as usize);
    for r in 1..=RESPONSES {
        let mut row: Vec<String> = vec![
            r.to_string(),
            "2013-10-12 10:00:00".into(),
            "4".into(),
            "fr".into(),
        ];
        row.push(
            [
                "Moins de deux ans",
                "Entre deux et cinq ans",
                "Plus de cinq ans",
            ][(next() % 3) as usize]
                .into(),
        );
        for _ in 0..8 {
            row.push(SATISFACTION[(next() % 5) as usize].into());
        }
        for _ in 0..5 {
            row.push(if next() % 2 == 0 {
                "Oui".into()
            } else {
                String::new()
            });
        }
        for _ in 0..4 {
            row.push(USEFUL[(next() % 4) as usize].into());
        }
        row.push((16 + next() % 10).to_string());
        row.push(COMMENTS[(next() % 6) as usize].into());
        row.push(COMMENTS[(next() % 6) as usize].into());
        rows.push(row);
    }
    (headings, rows)
}

/// The folder of generated benchmark files.
fn bench_data() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench data folder");
    dir
}

/// Write the benchmark workbook once; later runs reuse it.
fn workbook() -> PathBuf {
    let path = bench_data().join("responses-100k.xlsx");
    if path.exists() {
        return path;
    }
    let (headings, rows) = responses();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in headings.iter().enumerate() {
        sheet.write(0, c as u16, h).expect("heading");
    }
    let age = headings.len() - 3;
    for (r, row) in (1u32..).zip(&rows) {
        for (c, value) in row.iter().enumerate() {
            if c == age {
                let years: u32 = value.parse().expect("an age");
                sheet.write(r, c as u16, years).expect("age");
            } else if !value.is_empty() {
                sheet.write(r, c as u16, value.as_str()).expect("cell");
            }
        }
    }
    book.save(&path).expect("bench workbook written");
    path
}

/// The same answers as semicolon-separated UTF-8 text, as French Excel writes it.
fn text_export() -> PathBuf {
    let path = bench_data().join("responses-100k.csv");
    if path.exists() {
        return path;
    }
    let (headings, rows) = responses();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_path(&path)
        .expect("bench csv created");
    writer.write_record(&headings).expect("headings");
    for row in &rows {
        writer.write_record(row).expect("row");
    }
    writer.flush().expect("bench csv written");
    path
}

/// The csv crate reading every record of the file into memory, as a baseline.
fn csv_read(path: &Path) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(b';')
        .from_path(path)
        .expect("opens");
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    records.iter().map(csv::StringRecord::len).sum()
}

fn calamine_read(path: &Path) -> usize {
    let mut book = open_workbook_auto(path).expect("opens");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).expect("sheet");
    range.used_cells().count()
}

fn atelier_inspect(path: &Path) -> usize {
    let survey = Survey::open(path, None, &Silent).expect("imports");
    survey.questions.len() + survey.respondents()
}

/// Median seconds and peak heap bytes of `runs` runs of `f`.
fn measure(runs: usize, f: &dyn Fn() -> usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut peak = 0;
    for _ in 0..runs {
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let start = Instant::now();
        black_box(f());
        times.push(start.elapsed().as_secs_f64());
        peak = peak.max(PEAK.load(Ordering::Relaxed) - base);
    }
    times.sort_by(f64::total_cmp);
    (times[runs / 2], peak)
}

fn bench(c: &mut Criterion) {
    let path = workbook();
    compare(
        c,
        "import_100k_xlsx",
        "calamine",
        &|| calamine_read(&path),
        &path,
    );
    let text = text_export();
    compare(
        c,
        "import_100k_csv",
        "csv crate",
        &|| csv_read(&text),
        &text,
    );
}

/// One criterion group, the baseline beside the whole import of `path`, then the ratios.
fn compare(
    c: &mut Criterion,
    name: &str,
    baseline_name: &str,
    baseline: &dyn Fn() -> usize,
    path: &Path,
) {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.bench_function(format!("{baseline_name} (baseline)"), |b| {
        b.iter(|| black_box(baseline()))
    });
    group.bench_function("atelier_inspect", |b| {
        b.iter(|| black_box(atelier_inspect(path)))
    });
    group.finish();
    report(name, baseline_name, baseline, &|| atelier_inspect(path));
}

/// Prints the ratio of `ours` to `baseline`: median time and peak heap over five runs each.
fn report(name: &str, baseline_name: &str, baseline: &dyn Fn() -> usize, ours: &dyn Fn() -> usize) {
    let (base_time, base_peak) = measure(5, baseline);
    let (our_time, our_peak) = measure(5, ours);
    println!(
        "{name}: {baseline_name} {:.2} s, {:.0} MiB peak; atelier inspect {:.2} s, {:.0} MiB peak; \
         ratio time {:.2}×, peak memory {:.2}×",
        base_time,
        base_peak as f64 / 1048576.0,
        our_time,
        our_peak as f64 / 1048576.0,
        our_time / base_time,
        our_peak as f64 / base_peak as f64
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
