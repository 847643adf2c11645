//! What we write validates against the official REFI-QDA `Codebook.xsd`, checked by an
//! independent validator (`xmllint`, Debian package `libxml2-utils`), so that tools which
//! validate their imports take our files. The same schema sorts our fixtures into those that
//! claim to be valid and those a tool writes out of the standard.
//!
//! Without `xmllint` these tests say so and pass, except under CI (`CI` set), where they fail:
//! a check that silently stops running is worse than none.

// Tests panic on purpose when something is wrong; a skipped check says so on stderr.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stderr
)]

mod codebook;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use atelier::coding::refi::{read_qdc, write_qdc};
use atelier::model::coding::{Codebook, Rgb};
use codebook::{code, evaluation_codebook};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/refi")
        .join(name)
}

/// Whether `xmllint` can run; `false` (after saying so) when it is missing outside CI.
fn xmllint_available() -> bool {
    match Command::new("xmllint").arg("--version").output() {
        Ok(output) if output.status.success() => true,
        result => {
            let why = match result {
                Ok(output) => format!("exited with {}", output.status),
                Err(e) => e.to_string(),
            };
            assert!(
                std::env::var_os("CI").is_none(),
                "xmllint is required under CI (apt-get install libxml2-utils): {why}"
            );
            eprintln!("xmllint unavailable ({why}): schema validation skipped");
            false
        }
    }
}

/// `xmllint`'s verdict on a file: `Ok` when it validates, else its messages.
fn validate_file(path: &Path) -> Result<(), String> {
    let output = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(data("Codebook.xsd"))
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("xmllint: {e}"));
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// `xmllint`'s verdict on a text, through a file of its own.
fn validate_text(xml: &str) -> Result<(), String> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "refi-{}-{}.qdc",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, xml).unwrap();
    let verdict = validate_file(&path);
    let _ = std::fs::remove_file(&path);
    verdict
}

/// Codebooks that exercise everything the writer does.
fn codebooks_to_write() -> Vec<(&'static str, Codebook)> {
    let evaluation = evaluation_codebook();
    let mut without_guids = evaluation.clone();
    for code in &mut without_guids.codes {
        code.guid.clear();
    }
    let mut damaged = Codebook {
        codes: vec![
            code(1, "pas un GUID", None, 0, ""),
            code(
                2,
                "{2a08bddf-4c35-4250-bf77-7de37b50c930}",
                Some(99),
                0,
                "orpheline",
            ),
            code(
                3,
                "2A08BDDF-4C35-4250-BF77-7DE37B50C930",
                Some(4),
                0,
                "boucle a",
            ),
            code(4, "", Some(3), 0, "boucle b\u{1}\u{FFFF}"),
        ],
    };
    damaged.codes[0].description.definition = "contrôle \u{8} retiré".to_owned();
    damaged.codes[1].color = Rgb(0, 0, 0);
    vec![
        ("evaluation", evaluation),
        ("without GUIDs", without_guids),
        ("damaged", damaged),
    ]
}

#[test]
fn what_we_write_validates_against_the_official_schema() {
    if !xmllint_available() {
        return;
    }
    for (label, book) in codebooks_to_write() {
        for origin in ["Atelier 0.1", "« Atelier » & <co>"] {
            let xml = write_qdc(&book, origin);
            if let Err(e) = validate_text(&xml) {
                panic!("{label}: {e}\n{xml}");
            }
        }
    }
}

#[test]
fn fixtures_that_claim_to_be_valid_are() {
    if !xmllint_available() {
        return;
    }
    for name in ["atlasti.qdc", "maxqda.qdc", "qualcoder.qdc"] {
        if let Err(e) = validate_file(&data(name)) {
            panic!("{name}: {e}");
        }
    }
}

#[test]
fn fixtures_out_of_the_standard_are_refused_by_the_schema() {
    if !xmllint_available() {
        return;
    }
    // Taguette's empty <Sets/>, NVivo for Mac's « 1:0 » namespace, a truncated ATLAS.ti file.
    for name in [
        "taguette.qdc",
        "taguette_dotted.qdc",
        "nvivo.qdc",
        "atlasti_truncated.qdc",
    ] {
        assert!(validate_file(&data(name)).is_err(), "{name} validates");
    }
}

#[test]
fn every_tool_file_re_exported_validates() {
    if !xmllint_available() {
        return;
    }
    for name in [
        "taguette.qdc",
        "taguette_dotted.qdc",
        "atlasti.qdc",
        "maxqda.qdc",
        "qualcoder.qdc",
        "nvivo.qdc",
    ] {
        let bytes = std::fs::read(data(name)).unwrap();
        let book = read_qdc(name, &bytes).unwrap();
        if let Err(e) = validate_text(&write_qdc(&book, "Atelier")) {
            panic!("{name} re-exported: {e}");
        }
    }
}

#[test]
fn the_repaired_schema_checks_guids_and_colours() {
    if !xmllint_available() {
        return;
    }
    let with = |guid: &str, color: &str| {
        format!(
            "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>\
             <Code guid=\"{guid}\" name=\"a\" isCodable=\"true\" color=\"{color}\"/>\
             </Codes></CodeBook>"
        )
    };
    // What tools write passes; the repair of the patterns (U+2010 back to « - ») is what
    // lets ordinary GUIDs and colours through.
    for (guid, color) in [
        ("2A08BDDF-4C35-4250-BF77-7DE37B50C930", "#1F77B4"),
        ("{2a08bddf-4c35-4250-bf77-7de37b50c930}", "#fa0"),
    ] {
        assert_eq!(validate_text(&with(guid, color)), Ok(()), "{guid} {color}");
    }
    // And the schema still refuses what it should.
    for (guid, color) in [
        ("2A08BDDF-4C35-4250-BF77-7DE37B50C93", "#1F77B4"),
        ("2A08BDDF‐4C35‐4250‐BF77‐7DE37B50C930", "#1F77B4"),
        ("2A08BDDF-4C35-4250-BF77-7DE37B50C930", "1F77B4"),
        ("2A08BDDF-4C35-4250-BF77-7DE37B50C930", "#1F77"),
    ] {
        assert!(validate_text(&with(guid, color)).is_err(), "{guid} {color}");
    }
    // An empty <Codes/> (what an empty codebook gives) is refused: at least one code.
    assert!(validate_text(&write_qdc(&Codebook::default(), "t")).is_err());
}
