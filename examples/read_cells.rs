//! Read one workbook with calamine alone, then with Atelier's reader, then with the whole
//! import; for profiling the import (`valgrind --tool=callgrind`) outside criterion.
//!
//! `cargo run --release --example read_cells -- FILE.xlsx [calamine|read|inspect]`

#![allow(
    clippy::print_stdout,
    clippy::expect_used,
    clippy::unwrap_used,
    missing_docs
)]

use std::path::PathBuf;
use std::time::Instant;

use atelier::import::read;
use atelier::model::Survey;
use atelier::progress::Silent;
use calamine::{Reader, open_workbook_auto};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().expect("a workbook path"));
    let what = args.next().unwrap_or_else(|| "all".to_owned());
    if what == "calamine" || what == "all" {
        let start = Instant::now();
        let mut book = open_workbook_auto(&path).expect("opens");
        let name = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&name).expect("sheet");
        println!(
            "calamine: {} cells in {:.2} s",
            range.get_size().0 * range.get_size().1,
            start.elapsed().as_secs_f64()
        );
    }
    if what == "read" || what == "all" {
        let start = Instant::now();
        let raw = read::read_path(&path, None, &Silent).expect("reads");
        println!(
            "read:     {} rows in {:.2} s",
            raw.height(),
            start.elapsed().as_secs_f64()
        );
    }
    if what == "inspect" || what == "all" {
        let start = Instant::now();
        let survey = Survey::open(&path, None, &Silent).expect("imports");
        println!(
            "inspect:  {} questions in {:.2} s",
            survey.questions.len(),
            start.elapsed().as_secs_f64()
        );
    }
}
