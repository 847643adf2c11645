//! Mutation fuzzing of the readers (not a test): random flips, truncations and insertions in
//! real files; reports panics, slow reads and messages of more than one line, and keeps the
//! files that trip it in the temporary folder's `fuzz/`.
//!
//! `cargo run --release --example fuzz_readers -- SECONDS FILE...`

#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs
)]

use std::time::{Duration, Instant};

use atelier::import::read;
use atelier::model::Survey;
use atelier::progress::Silent;

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().unwrap().parse().unwrap();
    let files: Vec<(String, Vec<u8>)> = args
        .map(|p| {
            let name = std::path::Path::new(&p)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let out = std::env::temp_dir().join("fuzz");
    std::fs::create_dir_all(&out).unwrap();
    let end = Instant::now() + Duration::from_secs(seconds);
    let mut runs = 0u64;
    let mut errors = 0u64;
    let mut slowest = Duration::ZERO;
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < end {
        let (name, original) = &files[(next() % files.len() as u64) as usize];
        let mut bytes = original.clone();
        let edits = 1 + next() % 8;
        for _ in 0..edits {
            if bytes.is_empty() {
                break;
            }
            let at = (next() % bytes.len() as u64) as usize;
            match next() % 5 {
                0 => bytes[at] = next() as u8,
                1 => bytes.truncate(at),
                2 => bytes.insert(at, next() as u8),
                3 => {
                    let len = (next() % 64) as usize;
                    let end = (at + len).min(bytes.len());
                    bytes.drain(at..end);
                }
                _ => {
                    bytes[at] =
                        [b'"', b';', b',', b'\n', b'\r', 0, b'<', b'>'][(next() % 8) as usize]
                }
            }
        }
        let start = Instant::now();
        let result =
            std::panic::catch_unwind(|| match read::read_bytes(name, &bytes, None, &Silent) {
                Ok(raw) => {
                    let survey = Survey::from_raw(raw, &atelier::model::PseudonymKey([1; 32]));
                    Ok(survey.questions.len())
                }
                Err(e) => Err(e.to_string()),
            });
        let took = start.elapsed();
        runs += 1;
        match result {
            Err(_) => {
                let path = out.join(format!("panic-{runs}-{name}"));
                std::fs::write(&path, &bytes).unwrap();
                println!("PANIC on {}", path.display());
            }
            Ok(Err(message)) => {
                errors += 1;
                if message.contains('\n') {
                    println!("MULTI-LINE error: {message:?}");
                }
            }
            Ok(Ok(_)) => {}
        }
        if took > slowest {
            slowest = took;
        }
        if took > Duration::from_secs(2) {
            let path = out.join(format!("slow-{runs}-{name}"));
            std::fs::write(&path, &bytes).unwrap();
            println!("SLOW {took:?} on {}", path.display());
        }
    }
    println!("{runs} runs, {errors} refused, slowest {slowest:?}");
}
