//! The bundled sample evaluation: `atelier synth sample` regenerates `sample_surveys/`
//! byte for byte, every figure listed in REFERENCE.md names a test that exists, and the
//! workbench opens it.

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

fn committed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys")
}

/// Every file under `dir`, by path relative to it.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn synth_sample_regenerates_the_committed_sample_byte_for_byte() {
    let out = std::env::temp_dir().join(format!("atelier-sample-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let status = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(["synth", "sample", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let generated = files(&out);
    let bundled = files(&committed());
    assert!(
        generated.contains_key(atelier::synth::coding::CODING_FILE),
        "the sample comes coded"
    );
    assert_eq!(
        generated.keys().collect::<Vec<_>>(),
        bundled.keys().collect::<Vec<_>>(),
        "the same files (run `atelier synth sample --out sample_surveys` after changing the generator)"
    );
    for (name, bytes) in &generated {
        assert!(
            bytes == &bundled[name],
            "{name} differs from sample_surveys/{name}"
        );
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn every_reference_figure_names_an_existing_test() {
    let reference = std::fs::read_to_string(committed().join("REFERENCE.md")).unwrap();
    let mut checked = 0;
    for line in reference
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains('`'))
    {
        let test = line.rsplit('`').nth(1).unwrap();
        let (file, function) = test
            .split_once("::")
            .unwrap_or_else(|| panic!("bad test name {test}"));
        let file = file.trim_start_matches("tests/").trim_end_matches(".rs");
        let source = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/{file}.rs")),
        )
        .unwrap_or_else(|_| panic!("REFERENCE.md cites tests/{file}.rs, which does not exist"));
        assert!(
            source.contains(&format!("fn {function}(")),
            "REFERENCE.md cites {test}, which does not exist"
        );
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} figures listed");
    // At least 90 % of the figures the sample could reproduce are listed (the others are
    // listed too, with the reason they are not reproduced).
    let not_reproduced = reference
        .split("## Chiffres reproductibles non reproduits")
        .nth(1)
        .map_or(0, |rest| {
            rest.lines()
                .filter(|l| l.starts_with("| ") && !l.starts_with("| Chiffre"))
                .count()
        });
    assert!(
        checked * 10 >= (checked + not_reproduced) * 9,
        "{checked} reproduced for {not_reproduced} not reproduced"
    );
    assert!(reference.contains(&format!(
        "Couverture : {checked} chiffres reproduits et vérifiés sur {} reproductibles",
        checked + not_reproduced
    )));
}

#[test]
fn the_sample_evaluation_lists_every_source_and_site() {
    let dir = committed();
    let v = common::atelier_json([
        OsStr::new("questions"),
        OsStr::new("--json"),
        dir.as_os_str(),
    ]);
    let sources: std::collections::BTreeSet<&str> = v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["source"].as_str().unwrap())
        .collect();
    for id in [
        "directeurs_ml",
        "conseillers_ml",
        "jeunes_ml",
        "conseillers_pe",
        "jeunes_pe",
        "employeurs",
    ] {
        assert!(sources.contains(id), "{id} missing from {sources:?}");
    }
    let evaluation =
        atelier::model::Evaluation::open_dir(&committed(), &atelier::progress::Silent).unwrap();
    assert_eq!(evaluation.manifest.sites.len(), 10);
    // Every visited site has respondents of its own network's counsellors.
    let by_site = evaluation.respondents_by_site();
    for (site, count) in evaluation.manifest.sites.iter().zip(&by_site) {
        assert!(*count > 0, "{} has no respondent", site.name);
        assert!(
            site.notes.len() >= 3,
            "{} has {} notes",
            site.name,
            site.notes.len()
        );
    }
}
