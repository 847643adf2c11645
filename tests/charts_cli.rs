//! `atelier chart` and `atelier table` through the real binary, on the sample evaluation:
//! every kind of chart renders to PNG and SVG, the tables give back the report's published
//! survey figures, small counts never leave in an export, bad input exits 2 with one line,
//! and a label that looks like a formula stays text in both spreadsheet formats.

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use atelier::synth::surveys::{counsellors, youth_pe};
use calamine::{Data, Reader, Xlsx, open_workbook};

const BIN: &str = env!("CARGO_BIN_EXE_atelier");

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("charts-cli", name)
}

/// The sample evaluation, generated once for this test binary.
fn sample() -> &'static Path {
    static ONCE: OnceLock<PathBuf> = OnceLock::new();
    ONCE.get_or_init(|| {
        let dir = temp_dir("sample");
        atelier::synth::write_sample(&dir).expect("the sample is written");
        dir
    })
}

fn out_dir() -> &'static Path {
    static ONCE: OnceLock<PathBuf> = OnceLock::new();
    ONCE.get_or_init(|| temp_dir("out"))
}

fn atelier(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("atelier runs")
}

fn succeed(args: &[&str]) {
    let out = atelier(args);
    assert!(
        out.status.success(),
        "atelier {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `SOURCE.QUESTION` of the question of `source` whose text is `text`, as
/// `atelier questions DIR --json` lists it.
fn qid(source: &str, text: &str) -> String {
    static LIST: OnceLock<serde_json::Value> = OnceLock::new();
    let list = LIST.get_or_init(|| {
        let out = atelier(&["questions", sample().to_str().unwrap(), "--json"]);
        assert!(out.status.success());
        serde_json::from_slice(&out.stdout).unwrap()
    });
    list["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["source"] == source && q["text"] == text)
        .and_then(|q| q["id"].as_str())
        .unwrap_or_else(|| panic!("no question « {text} » in {source}"))
        .to_owned()
}

/// Writes the chart or table of `qid` to `file` (in the output folder) and returns its path.
fn export(command: &str, qid: &str, by: Option<&str>, site: Option<&str>, file: &str) -> PathBuf {
    let out = out_dir().join(file);
    let mut args = vec![
        command,
        sample().to_str().unwrap(),
        "--question",
        qid,
        "--out",
        out.to_str().unwrap(),
    ];
    if let Some(by) = by {
        args.extend(["--by", by]);
    }
    if let Some(site) = site {
        args.extend(["--site", site]);
    }
    succeed(&args);
    out
}

/// A CSV export read back: rows of fields (byte-order mark removed).
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The block of rows under a section heading, up to the next blank or section row: its
/// header row, then its data rows.
fn block<'a>(rows: &'a [Vec<String>], heading: &str) -> (&'a [String], &'a [Vec<String>]) {
    let start = rows
        .iter()
        .position(|r| r[0].starts_with(heading))
        .unwrap_or_else(|| panic!("no block « {heading} »"));
    let header = &rows[start + 1];
    let end = rows[start + 2..]
        .iter()
        .position(|r| r.len() < 2)
        .map_or(rows.len(), |e| start + 2 + e);
    (header, &rows[start + 2..end])
}

/// Percentages by group and answer, rounded, from a CSV table's « Pourcentages » block.
fn percentages(path: &Path) -> BTreeMap<(String, String), i64> {
    let rows = read_csv(path);
    let (header, data) = block(&rows, "Pourcentages");
    let mut out = BTreeMap::new();
    for row in data {
        for (c, label) in header.iter().enumerate().skip(2) {
            if let Some(Ok(p)) = row.get(c).map(|v| v.replace(',', ".").parse::<f64>()) {
                out.insert((row[0].clone(), label.clone()), p.round() as i64);
            }
        }
    }
    out
}

fn pct(table: &BTreeMap<(String, String), i64>, group: &str, answer: &str) -> i64 {
    *table
        .get(&(group.to_owned(), answer.to_owned()))
        .unwrap_or_else(|| panic!("no « {answer} » for « {group} » in {table:?}"))
}

// ------------------------------------------------------------------------------ charts

#[test]
fn every_chart_kind_renders_to_png_and_svg_with_groups_and_n() {
    let battery = qid(
        "conseillers_pe",
        "Comment jugez-vous la pertinence des éléments suivants du dispositif ?",
    );
    let experience = qid("conseillers_pe", counsellors::EXPERIENCE);
    let actions = qid(
        "conseillers_ml",
        "Quelles actions proposez-vous le plus souvent aux jeunes accompagnés dans le cadre de l'ANI ?",
    );
    let age = qid("jeunes_pe", "Quel âge avez-vous ?");
    /// Name, question, grouping, site, texts the SVG must show.
    type Case<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        &'a [&'a str],
    );
    let cases: [Case; 7] = [
        (
            "likert_network",
            &battery,
            Some("network"),
            None,
            &["Pôle emploi", "Missions locales"],
        ),
        (
            "single_group",
            &experience,
            Some("group"),
            None,
            &["Conseillers Pôle emploi", "Conseillers Mission locale"],
        ),
        (
            "multiple_network",
            &actions,
            Some("network"),
            None,
            &[
                "Pôle emploi",
                "Missions locales",
                "Plusieurs réponses possibles",
            ],
        ),
        ("multiple_alone", &actions, None, None, &["n = "]),
        (
            "numeric_group",
            &age,
            Some("group"),
            None,
            &["Jeunes Pôle emploi", "Jeunes Mission locale"],
        ),
        (
            "numeric_site",
            &age,
            None,
            Some("pe_lille"),
            &["Lille", "n = 142"],
        ),
        (
            "likert_site",
            &battery,
            Some("network"),
            Some("pe_lille"),
            &["Pôle emploi", "Lille", "Moins de 30 répondants"],
        ),
    ];
    for (name, qid, by, site, labels) in cases {
        let svg_path = export("chart", qid, by, site, &format!("{name}.svg"));
        let svg = std::fs::read_to_string(&svg_path).unwrap();
        assert!(svg.starts_with("<svg"), "{name}: not an SVG");
        assert!(svg.contains("n = "), "{name}: no « n = » in the SVG");
        for label in labels {
            assert!(
                svg.contains(label),
                "{name}: « {label} » missing from the SVG"
            );
        }
        let png = std::fs::read(export("chart", qid, by, site, &format!("{name}.png"))).unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
        let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
        assert_eq!(width, 2400, "{name}: print width");
        assert!(height > 300, "{name}: {height} pixels high");
    }
}

#[test]
fn a_chart_whose_every_group_is_under_the_threshold_shows_only_secrets() {
    // One director per visited Mission locale: no group may be drawn.
    let grid = qid(
        "directeurs_ml",
        "Comment jugez-vous les éléments suivants de la mise en œuvre de l'ANI Jeunes ?",
    );
    let svg = std::fs::read_to_string(export("chart", &grid, Some("site"), None, "withheld.svg"))
        .unwrap();
    assert!(svg.contains("Aucun groupe"), "the caution says why");
    assert!(svg.contains("Charleville"), "the groups are named");
    assert!(!svg.contains('%'), "no share of a handful of directors");
}

#[test]
fn the_same_chart_is_written_byte_for_byte_twice() {
    let experience = qid("conseillers_pe", counsellors::EXPERIENCE);
    let a = std::fs::read(export("chart", &experience, Some("network"), None, "a.svg")).unwrap();
    let b = std::fs::read(export("chart", &experience, Some("network"), None, "b.svg")).unwrap();
    assert_eq!(a, b, "no run date in the output");
}

/// Every text node of an SVG, trimmed and unescaped.
fn svg_texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        rest = &rest[start..];
        let (Some(open_end), Some(close)) = (rest.find('>'), rest.find("</text>")) else {
            break;
        };
        out.push(
            rest[open_end + 1..close]
                .trim()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&#39;", "'")
                .replace("&amp;", "&"),
        );
        rest = &rest[close + 7..];
    }
    out
}

/// The whole number after `prefix` in `text` (thin and ordinary spaces between digits).
fn number_after(text: &str, prefix: &str) -> Option<u64> {
    let rest = &text[text.find(prefix)? + prefix.len()..];
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || c.is_whitespace())
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[test]
fn a_small_sites_likert_chart_shows_no_share_of_fewer_than_the_threshold() {
    let battery = qid(
        "conseillers_pe",
        "Comment jugez-vous la pertinence des éléments suivants du dispositif ?",
    );
    let path = export(
        "chart",
        &battery,
        Some("network"),
        Some("pe_lille"),
        "lille_battery.svg",
    );
    let texts = svg_texts(&std::fs::read_to_string(path).unwrap());
    assert!(texts.iter().any(|t| t == "s"), "no « s »: {texts:?}");
    let joined = texts.join(" ");
    let threshold = number_after(&joined, "s : secret statistique (moins de ")
        .unwrap_or_else(|| panic!("the « s » is not explained: {joined}"));
    assert!(threshold > 1, "{threshold}");
    // A bar's n closes its row; a hidden n falls back on the figure's.
    let figure_n = number_after(&joined, "n = ").unwrap();
    let figure_n = number_after(&joined, "; n = ").unwrap_or(figure_n);
    let mut shares: Vec<u64> = Vec::new();
    let mut checked = 0;
    for t in &texts {
        if let Ok(share) = t.parse::<u64>() {
            shares.push(share);
        } else if let Some(rest) = t.strip_prefix("n = ") {
            let n = number_after(t, "n = ").unwrap_or(figure_n);
            assert!(rest == "s" || n > 0, "{t}");
            for &share in &shares {
                let implied = (share as f64 * n as f64 / 100.0).round() as u64;
                assert!(
                    implied == 0 || implied >= threshold,
                    "« {share} » % of n = {n} is {implied} respondents: {texts:?}"
                );
                checked += 1;
            }
            shares.clear();
        }
    }
    assert!(checked > 0, "no share drawn at all: {texts:?}");
}

// ------------------------------------------------------------------------------ tables

#[test]
fn tables_give_back_the_reports_counsellor_experience() {
    // Report L2175–2208: PE 13 / 17 / 70 %, ML 27 / 22 / 51 %, from the shared question.
    let experience = qid("conseillers_pe", counsellors::EXPERIENCE);
    let csv = export(
        "table",
        &experience,
        Some("network"),
        None,
        "experience.csv",
    );
    let table = percentages(&csv);
    let [short, middle, long] = counsellors::EXPERIENCE_LABELS;
    let got = |group: &str| {
        [
            pct(&table, group, short),
            pct(&table, group, middle),
            pct(&table, group, long),
        ]
    };
    assert_eq!(got("Pôle emploi"), [13, 17, 70]);
    assert_eq!(got("Missions locales"), [27, 22, 51]);

    // The workbook says the same, with real percentages and whole counts.
    let xlsx = export(
        "table",
        &experience,
        Some("network"),
        None,
        "experience.xlsx",
    );
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("Tableau").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    let start = rows
        .iter()
        .position(|r| matches!(&r[0], Data::String(s) if s.starts_with("Pourcentages")))
        .unwrap();
    let header = &rows[start + 1];
    let pe = rows[start + 2..]
        .iter()
        .find(|r| r[0] == Data::String("Pôle emploi".into()))
        .unwrap();
    for (label, expected) in [(short, 13.0), (middle, 17.0), (long, 70.0)] {
        let c = header
            .iter()
            .position(|h| *h == Data::String(label.into()))
            .unwrap();
        let Data::Float(share) = pe[c] else {
            panic!("« {label} » is not a number: {:?}", pe[c]);
        };
        assert_eq!((share * 100.0).round(), expected, "{label}");
    }
    assert_eq!(
        pe[1],
        Data::Float(271.0),
        "n of Pôle emploi counsellors who answered"
    );
    // Every table names its denominator and carries the test of difference.
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("% des répondants à la question"));
    assert!(text.contains("khi-deux"), "{text}");
}

#[test]
fn tables_give_back_the_reports_reasons_for_stopping_and_dedicated_counsellors() {
    // Report L1875–1901: PE young people who stopped, 45 / 5 / 42 / 8 %.
    let reasons = qid("jeunes_pe", youth_pe::REASON);
    let table = percentages(&export("table", &reasons, None, None, "reasons.csv"));
    let got = youth_pe::REASON_LABELS.map(|l| pct(&table, "Ensemble", l));
    assert_eq!(got, [45, 5, 42, 8]);
    // Report L2220: 14 % of ML counsellors dedicated to the ANI.
    let caseload = qid("conseillers_ml", counsellors::CASELOAD);
    let table = percentages(&export("table", &caseload, None, None, "caseload.csv"));
    assert_eq!(pct(&table, "Ensemble", counsellors::CASELOAD_ML[0]), 14);
}

#[test]
fn a_small_sites_table_hides_every_count_under_the_threshold() {
    let reasons = qid("jeunes_pe", youth_pe::REASON);
    let csv = export("table", &reasons, None, Some("pe_lille"), "lille.csv");
    let rows = read_csv(&csv);
    let (header, data) = block(&rows, "Effectifs");
    assert_eq!(header[1], "n");
    let mut secrets = 0;
    for row in data {
        assert_eq!(row[0], "Pôle emploi Lille");
        for value in &row[2..] {
            if value == "s" {
                secrets += 1;
                continue;
            }
            let count: u64 = value.parse().unwrap();
            assert!(
                count == 0 || count >= 5,
                "count {count} published in {row:?}"
            );
        }
    }
    assert!(secrets >= 2, "a hidden cell takes a complement: {data:?}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("secret statistique"),
        "the « s » is explained"
    );

    let xlsx = export("table", &reasons, None, Some("pe_lille"), "lille.xlsx");
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("Tableau").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    let start = rows
        .iter()
        .position(|r| matches!(&r[0], Data::String(s) if s.starts_with("Effectifs")))
        .unwrap();
    let line = &rows[start + 2];
    assert_eq!(line[0], Data::String("Pôle emploi Lille".into()));
    let mut hidden = 0;
    for cell in &line[2..] {
        match cell {
            Data::Float(x) => assert!(*x == 0.0 || *x >= 5.0, "count {x} published"),
            Data::String(s) if s == "s" => hidden += 1,
            Data::Empty => {}
            other => panic!("unexpected cell {other:?}"),
        }
    }
    assert_eq!(hidden, secrets, "both formats hide the same cells");
}

#[test]
fn a_table_without_grouping_shows_one_row_of_everyone() {
    // A single answer, a multiple choice, a Likert battery and a number, each without
    // `--by`: every block of the table has one row, « Ensemble », never two.
    let cases = [
        (qid("conseillers_pe", counsellors::EXPERIENCE), "Effectifs"),
        (qid("conseillers_pe", counsellors::ACTIONS), "Pourcentages"),
        (qid("conseillers_pe", counsellors::RELEVANCE), "Intervalles"),
        (qid("jeunes_pe", "Quel âge avez-vous ?"), "Résumé"),
    ];
    for (k, (question, heading)) in cases.iter().enumerate() {
        let csv = export("table", question, None, None, &format!("ensemble{k}.csv"));
        let rows = read_csv(&csv);
        let mut blocks = 0;
        for (start, row) in rows.iter().enumerate() {
            let is_heading = ["Effectifs", "Pourcentages", "Intervalles", "Résumé"]
                .iter()
                .any(|h| row[0].starts_with(h));
            if !is_heading {
                continue;
            }
            blocks += 1;
            let (_, data) = block(&rows[start..], &row[0]);
            let labels: Vec<&str> = data.iter().map(|r| r[0].as_str()).collect();
            assert_eq!(labels, ["Ensemble"], "{question}, block « {} »", row[0]);
        }
        assert!(
            rows.iter().any(|r| r[0].starts_with(heading)),
            "{question}: no block « {heading} »"
        );
        assert!(blocks >= 1, "{question}: no block at all");
    }
    // Compared, the groups come first and « Ensemble » once, last.
    let csv = export(
        "table",
        &cases[0].0,
        Some("network"),
        None,
        "ensemble_network.csv",
    );
    let rows = read_csv(&csv);
    let (_, data) = block(&rows, "Effectifs");
    let labels: Vec<&str> = data.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(labels.iter().filter(|l| **l == "Ensemble").count(), 1);
    assert_eq!(labels.last(), Some(&"Ensemble"), "{labels:?}");
    assert!(labels.len() >= 3, "{labels:?}");
}

#[test]
fn a_single_survey_file_is_exported_under_the_default_threshold_of_five() {
    // Two agencies of two respondents each: every count is under the threshold.
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/surveymonkey.csv");
    let out = out_dir().join("fichier_seul.csv");
    succeed(&[
        "table",
        file.to_str().unwrap(),
        "--question",
        "q1",
        "--out",
        out.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("effectifs inférieurs à 5 masqués"),
        "the threshold is said: {text}"
    );
    for uncontrolled in [
        "inférieurs à 0",
        "inférieur à 0",
        "moins de 0",
        "inférieurs à 1 ",
    ] {
        assert!(!text.contains(uncontrolled), "{text}");
    }
    // Four respondents in all, two per agency: no group reaches the threshold, so nothing
    // of the table is published, not even its n.
    assert!(
        text.contains("Tableau non publié : aucun groupe n'atteint 5 répondants"),
        "{text}"
    );
    let rows = read_csv(&out);
    assert!(
        !rows
            .iter()
            .any(|r| r[0].starts_with("Effectifs") || r[0].starts_with("Pourcentages")),
        "no counts nor shares: {rows:?}"
    );
    assert!(
        !text.contains("n = 4"),
        "the n of four is not published: {text}"
    );
    // Nor is a zero printed in its place: the source line says the n is not published.
    assert!(
        text.contains("n non publié (moins de 5 répondants : secret statistique)"),
        "{text}"
    );
    assert!(!text.contains("n = 0"), "{text}");
}

#[test]
fn a_manifest_asking_for_no_disclosure_control_is_refused() {
    let survey = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/surveymonkey.csv");
    for threshold in [0, 1] {
        let dir = temp_dir(&format!("threshold-{threshold}"));
        std::fs::copy(&survey, dir.join("surveymonkey.csv")).unwrap();
        std::fs::write(
            dir.join("atelier.json"),
            format!(
                r#"{{"title": "Essai", "disclosure_threshold": {threshold},
                    "groups": [{{"id": "g", "label": "Conseillers"}}],
                    "sources": [{{"id": "s", "file": "surveymonkey.csv", "group": "g"}}]}}"#
            ),
        )
        .unwrap();
        let out = dir.join("t.csv");
        let output = atelier(&[
            "table",
            dir.to_str().unwrap(),
            "--question",
            "s.q1",
            "--out",
            out.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
        assert!(
            stderr.contains("atelier.json"),
            "names the manifest: {stderr}"
        );
        assert!(
            stderr.contains(&format!("seuil de secret statistique {threshold} refusé")),
            "{stderr}"
        );
        assert!(!out.exists(), "nothing is written");
    }
}

// -------------------------------------------------------------------------- bad input

#[test]
fn bad_input_exits_2_with_one_line_naming_the_file_or_argument() {
    let dir = sample().to_str().unwrap();
    let age = qid("jeunes_pe", "Quel âge avez-vous ?");
    let open = qid(
        "conseillers_pe",
        "Quelles pistes d'amélioration proposeriez-vous pour le dispositif ?",
    );
    let png = out_dir().join("bad.png");
    let png = png.to_str().unwrap();
    let cases: [(Vec<&str>, &str); 7] = [
        (
            vec!["chart", dir, "--question", "nulle.part", "--out", png],
            "nulle.part",
        ),
        (
            vec![
                "chart",
                dir,
                "--question",
                &age,
                "--by",
                "couleur",
                "--out",
                png,
            ],
            "couleur",
        ),
        (
            vec![
                "chart",
                dir,
                "--question",
                &age,
                "--site",
                "pe_paris",
                "--out",
                png,
            ],
            "pe_lille",
        ),
        (
            vec!["chart", dir, "--question", &age, "--out", "graphique.jpg"],
            "graphique.jpg",
        ),
        (
            vec!["table", dir, "--question", &age, "--out", "tableau.ods"],
            "tableau.ods",
        ),
        (
            vec!["table", dir, "--question", &open, "--out", "t.csv"],
            "codez-la",
        ),
        (
            vec!["table", "/nulle/part", "--question", &age, "--out", "t.csv"],
            "/nulle/part",
        ),
    ];
    for (args, expected) in cases {
        let out = atelier(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

// -------------------------------------------------------------------- formula injection

/// Labels a spreadsheet would run as formulas.
const FORMULAS: [&str; 4] = [
    "=HYPERLINK(\"http://exemple.invalid\",\"clic\")",
    "-2 ans",
    "+ de 5 ans",
    "@accueil",
];

#[test]
fn answers_that_look_like_formulas_stay_text_in_both_formats() {
    let dir = temp_dir("formules");
    let file = dir.join("avis.csv");
    let mut text = String::from("Ancienneté dans le poste;Réseau\n");
    for i in 0..60 {
        let answer = FORMULAS[i % 4].replace('"', "\"\"");
        text.push_str(&format!(
            "\"{answer}\";{}\n",
            if i % 3 == 0 { "ML" } else { "PE" }
        ));
    }
    std::fs::write(&file, text).unwrap();
    let file = file.to_str().unwrap();
    // The grouping's labels (the answers to the other question) are the table's rows.
    let csv = dir.join("t.csv");
    let xlsx = dir.join("t.xlsx");
    for out in [&csv, &xlsx] {
        succeed(&[
            "table",
            file,
            "--question",
            "q2",
            "--by",
            "q1",
            "--out",
            out.to_str().unwrap(),
        ]);
    }
    let rows = read_csv(&csv);
    let (_, data) = block(&rows, "Effectifs");
    for formula in FORMULAS {
        let row = data
            .iter()
            .find(|r| r[0] == format!("'{formula}"))
            .unwrap_or_else(|| panic!("no row « '{formula} » in {data:?}"));
        assert!(row[0].starts_with('\''));
    }
    let mut book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("Tableau").unwrap();
    let strings: Vec<&String> = range
        .used_cells()
        .filter_map(|(_, _, c)| match c {
            Data::String(s) => Some(s),
            _ => None,
        })
        .collect();
    for formula in FORMULAS {
        assert!(
            strings.iter().any(|s| s.as_str() == formula),
            "« {formula} » is not a plain string cell"
        );
    }
    let formulas = book.worksheet_formula("Tableau").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}

#[test]
fn a_numeric_figure_publishes_no_single_answer() {
    use atelier::charts::{ChartBody, Whiskers};
    use atelier::figures::{self, FigureBody};

    let age = qid("jeunes_pe", "Quel âge avez-vous ?");
    let evaluation =
        atelier::model::Evaluation::open_dir(sample(), &atelier::progress::Silent).unwrap();

    // A site's histogram: every bin under the threshold is secret, and one alone never is.
    let figure = figures::figure(&evaluation, &age, None, Some("pe_lille")).unwrap();
    let spec = figures::to_chart_spec(&figure);
    let ChartBody::Histogram(histogram) = &spec.body else {
        panic!("a histogram for one site's ages");
    };
    let small: Vec<bool> = histogram
        .bins
        .iter()
        .map(|b| b.count > 0 && b.count < u64::from(figure.threshold.get()))
        .collect();
    assert!(
        small.iter().any(|&s| s),
        "Lille has ages given by under 5 people"
    );
    for (bin, small) in histogram.bins.iter().zip(&small) {
        assert!(
            bin.secret || !small,
            "bin {}–{} is published",
            bin.lower,
            bin.upper
        );
    }
    assert_ne!(histogram.bins.iter().filter(|b| b.secret).count(), 1);
    let svg =
        std::fs::read_to_string(export("chart", &age, None, Some("pe_lille"), "age.svg")).unwrap();
    assert!(
        svg.contains("s : secret statistique"),
        "the « s » is explained"
    );

    // Box plots by group end their whiskers at deciles and draw no answer on its own.
    let figure = figures::figure(&evaluation, &age, Some("group"), None).unwrap();
    let ChartBody::BoxPlot(boxes) = figures::to_chart_spec(&figure).body else {
        panic!("box plots for ages by group");
    };
    assert_eq!(boxes.whiskers, Whiskers::Deciles { from_n: 11 });
    let FigureBody::Numeric(numeric) = &figure.body else {
        panic!("a numeric figure");
    };
    for (stats, row) in boxes.boxes.iter().zip(&numeric.table.rows) {
        let summary = row.summary.as_ref().unwrap();
        assert!(
            stats.outliers.is_empty(),
            "{}: an answer drawn alone",
            stats.label
        );
        assert_eq!((stats.low, stats.high), (summary.p10, summary.p90));
        assert!(summary.min < summary.p10 || summary.max > summary.p90);
    }
    let svg =
        std::fs::read_to_string(export("chart", &age, Some("group"), None, "ages.svg")).unwrap();
    assert!(
        svg.contains("du 1er au 9e décile"),
        "the whiskers are explained"
    );

    // By site, small groups: under 5 answers no box, under 11 no whiskers (interpolated
    // between so few answers, quantiles would give them back).
    let figure = figures::figure(&evaluation, &age, Some("site"), None).unwrap();
    let ChartBody::BoxPlot(boxes) = figures::to_chart_spec(&figure).body else {
        panic!("box plots for ages by site");
    };
    let FigureBody::Numeric(numeric) = &figure.body else {
        panic!("a numeric figure");
    };
    let mut seen = [false; 3];
    for row in &numeric.table.rows {
        let drawn = boxes.boxes.iter().find(|b| b.label == row.label);
        let summary = row.summary.as_ref().unwrap();
        match row.n() {
            n if n < 5 => {
                assert!(drawn.is_none(), "{}: a box of {n} answers", row.label);
                seen[0] = true;
            }
            n if n < 11 => {
                let b = drawn.unwrap();
                assert_eq!((b.low, b.high), (summary.q1, summary.q3), "{}", row.label);
                seen[1] = true;
            }
            _ => {
                let b = drawn.unwrap();
                assert_eq!((b.low, b.high), (summary.p10, summary.p90), "{}", row.label);
                seen[2] = true;
            }
        }
    }
    assert_eq!(seen, [true; 3], "the sample has sites of each size");
    let rows = read_csv(&export("table", &age, Some("site"), None, "ages_sites.csv"));
    for line in rows.iter().filter(|r| r.len() == 9 && r[1] != "n") {
        let n: u64 = line[1].parse().unwrap();
        let secret = |k: usize| line[k] == "s";
        assert_eq!(secret(3), n < 5, "{line:?}: median");
        assert_eq!(secret(6) && secret(7), n < 11, "{line:?}: deciles");
    }
    // One site's handful of answers: no histogram at all.
    let ml_age = qid("jeunes_ml", "Quel âge avez-vous ?");
    let figure = figures::figure(&evaluation, &ml_age, None, Some("ml_nord_essonne")).unwrap();
    assert!(figure.respondents < 5, "{} answers", figure.respondents);
    let spec = figures::to_chart_spec(&figure);
    assert!(
        matches!(spec.body, ChartBody::HeatMap(_)),
        "a handful of ages is withheld"
    );

    // The table publishes deciles, not the youngest and oldest respondent's age.
    let rows = read_csv(&export("table", &age, Some("group"), None, "ages.csv"));
    let header = rows
        .iter()
        .find(|r| r.get(1).is_some_and(|c| c == "n"))
        .unwrap();
    assert!(header.iter().any(|h| h == "1er décile"), "{header:?}");
    assert!(!header.iter().any(|h| h == "Minimum" || h == "Maximum"));
    assert!(
        rows.iter()
            .flatten()
            .any(|c| c.contains("test de Kruskal-Wallis")),
        "the table says which test compared the groups"
    );
}

/// The counsellors' criteria for orienting a young person (Pôle emploi): a Likert battery
/// whose tables by site and by region add up.
fn criteria() -> String {
    qid(
        "conseillers_pe",
        "Quelle importance accordez-vous aux critères suivants pour orienter un jeune vers l'ANI plutôt que vers un autre accompagnement ?",
    )
}

/// Run atelier with `home` as its user folder.
fn in_home(home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env("ATELIER_HOME", home)
        .output()
        .expect("atelier runs")
}

/// A project made from the sample by `atelier new`: its folder, its file and the user
/// folder it was made with.
fn sample_project(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = temp_dir(name);
    let project = dir.join("evaluation.atelier");
    let home = dir.join("home");
    let created = in_home(
        &home,
        &[
            "new",
            project.to_str().unwrap(),
            "--from",
            sample().to_str().unwrap(),
        ],
    );
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    (dir, project, home)
}

#[test]
fn a_project_registers_what_it_publishes_and_warns_when_a_cut_would_give_cells_back() {
    let (dir, project, home) = sample_project("registre");
    let run = |args: &[&str]| in_home(&home, args);
    let p = project.to_str().unwrap();
    let criteria = criteria();
    let by_site = dir.join("par-site.xlsx");
    let by_region = dir.join("par-region.csv");
    let first = run(&[
        "table",
        p,
        "--question",
        &criteria,
        "--by",
        "site",
        "--out",
        by_site.to_str().unwrap(),
    ]);
    assert!(first.status.success());
    assert!(
        !String::from_utf8_lossy(&first.stderr).contains("Attention"),
        "nothing published before: no warning"
    );
    let second = run(&[
        "table",
        p,
        "--question",
        &criteria,
        "--by",
        // Typed as a French user would: the same cut as `region`.
        "région",
        "--out",
        by_region.to_str().unwrap(),
    ]);
    assert!(second.status.success(), "a warning, not a refusal");
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(
        stderr.contains("Attention : lu avec le tableau par site déjà publié")
            && stderr.contains("case(s) masquée(s)"),
        "{stderr}"
    );
    assert!(by_region.is_file());
    // The register, read back from the project.
    let reopened = atelier::store::Project::open(&project).unwrap();
    let register: Vec<(String, Option<String>, String, String)> = reopened
        .register()
        .unwrap()
        .into_iter()
        .map(|e| (e.figure.qid, e.figure.by, e.format, e.file))
        .collect();
    assert_eq!(
        register,
        [
            (
                criteria.clone(),
                Some("site".to_owned()),
                "XLSX".to_owned(),
                "par-site.xlsx".to_owned()
            ),
            (
                criteria,
                Some("region".to_owned()),
                "CSV".to_owned(),
                "par-region.csv".to_owned()
            ),
        ]
    );
}

#[test]
fn a_table_by_region_after_a_monograph_is_read_with_the_sites_it_published() {
    let (dir, project, home) = sample_project("registre-monographie");
    let run = |args: &[&str]| in_home(&home, args);
    let p = project.to_str().unwrap();
    // Lille's monograph publishes the counsellors' criteria for Lille (its row of the
    // table by site, as that table hides it) and for Pôle emploi.
    let monograph = dir.join("lille.md");
    let out = run(&[
        "monograph",
        p,
        "--site",
        "pe_lille",
        "--out",
        monograph.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let criteria = criteria();
    let by_region = dir.join("par-region.csv");
    let out = run(&[
        "table",
        p,
        "--question",
        &criteria,
        "--by",
        "region",
        "--out",
        by_region.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "a warning, not a refusal");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Attention : lu avec le tableau par site déjà publié"),
        "{stderr}"
    );
}
