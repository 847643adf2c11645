//! Import, end to end: each survey tool's layout, each question kind, privacy, bad files.
//! Fixtures are small files written for the purpose in tests/data/.

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Run `atelier inspect FILE --json` through the real binary.
fn inspect(path: &Path) -> Value {
    common::atelier_json([
        OsStr::new("inspect"),
        OsStr::new("--json"),
        path.as_os_str(),
    ])
}

fn question<'a>(report: &'a Value, text_start: &str) -> &'a Value {
    report["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .is_some_and(|t| t.starts_with(text_start))
                || q["id"] == text_start
        })
        .unwrap_or_else(|| panic!("no question starting with {text_start:?} in {report:#}"))
}

fn option_count(q: &Value, label: &str) -> u64 {
    q["options"]
        .as_array()
        .expect("options")
        .iter()
        .find(|o| o["label"] == label)
        .unwrap_or_else(|| panic!("no option {label:?} in {q:#}"))["count"]
        .as_u64()
        .expect("count")
}

fn labels(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| {
            x.as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| x["label"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

#[test]
fn limesurvey_codes_group_batteries_and_multiple_choice() {
    let report = inspect(&data("limesurvey_codes.csv"));
    assert_eq!(report["layout"], "limesurvey");
    assert_eq!(report["rows"], 6);
    assert_eq!(report["encoding"], "utf-8");
    let ids: Vec<&str> = report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["G01Q01", "G01Q02", "G01Q03", "G01Q04", "G01Q05"]);

    let battery = question(&report, "G01Q02");
    assert_eq!(battery["kind"], "likert");
    assert_eq!(battery["items"].as_array().unwrap().len(), 3);
    assert_eq!(
        labels(&battery["scale"]),
        [
            "Tout à fait satisfait",
            "Plutôt satisfait",
            "Plutôt pas satisfait",
            "Pas du tout satisfait"
        ]
    );
    let first_item = &battery["items"][0];
    assert_eq!(first_item["label"], "SQ001");
    assert_eq!(option_count(first_item, "Plutôt satisfait"), 3);
    // "Ne sait pas" is counted, but outside the scale.
    assert_eq!(option_count(&battery["items"][1], "Ne sait pas"), 1);

    let multiple = question(&report, "G01Q03");
    assert_eq!(multiple["kind"], "multiple");
    assert_eq!(option_count(multiple, "SQ001"), 4);
    assert_eq!(option_count(multiple, "SQ002"), 3);
    assert_eq!(multiple["other"], 2, "two free 'other' answers");
    assert_eq!(question(&report, "G01Q04")["kind"], "numeric");
    assert_eq!(question(&report, "G01Q05")["kind"], "open");
    assert_eq!(question(&report, "G01Q01")["kind"], "single");
    let metadata = labels(&report["metadata_columns"]);
    assert!(metadata.contains(&"submitdate".to_owned()) && metadata.contains(&"seed".to_owned()));
    assert_eq!(labels(&report["personal_columns"]), ["ipaddr"]);
}

#[test]
fn limesurvey_full_text_headings_in_semicolon_csv_with_bom() {
    let report = inspect(&data("limesurvey_fulltext.csv"));
    assert_eq!(report["layout"], "limesurvey");
    assert_eq!(report["rows"], 5);
    let battery = question(&report, "Comment jugez-vous la pertinence");
    assert_eq!(battery["kind"], "likert");
    assert_eq!(
        battery["text"],
        "Comment jugez-vous la pertinence des éléments du dispositif ?"
    );
    assert_eq!(battery["items"][0]["label"], "Les éléments de reporting");
    assert_eq!(battery["scale"][0], "Très pertinent");
    let actions = question(&report, "Quelles actions proposez-vous");
    assert_eq!(actions["kind"], "multiple");
    assert_eq!(
        option_count(actions, "Ateliers TRE"),
        4,
        "'Oui' ticks counted, 'Non' not"
    );
    assert_eq!(actions["other"], 1);
    let frequency = question(&report, "Les actions sont-elles mutualisées");
    assert_eq!(
        frequency["kind"], "likert",
        "a lone frequency question gets its scale order"
    );
    assert_eq!(
        labels(&frequency["scale"]),
        ["Souvent", "Parfois", "Rarement", "Jamais"]
    );
    let caseload = question(&report, "Combien de jeunes");
    assert_eq!(caseload["kind"], "numeric");
    assert!(
        (caseload["mean"].as_f64().unwrap() - 51.3).abs() < 1e-9,
        "decimal comma 61,5 read as a number"
    );
}

#[test]
fn surveymonkey_two_header_rows_and_personal_columns() {
    let report = inspect(&data("surveymonkey.csv"));
    assert_eq!(report["layout"], "surveymonkey");
    assert_eq!(report["rows"], 4);
    let actions = question(&report, "Quelles actions avez-vous reçues");
    assert_eq!(actions["kind"], "multiple");
    assert_eq!(
        option_count(actions, "Rendez-vous individuels réguliers"),
        3
    );
    assert_eq!(actions["other"], 1);
    let grid = question(&report, "Dans quelle mesure les actions suivantes");
    assert_eq!(grid["kind"], "likert");
    assert_eq!(
        labels(&grid["scale"]),
        [
            "Très utile",
            "Plutôt utile",
            "Plutôt pas utile",
            "Pas du tout utile"
        ]
    );
    assert_eq!(grid["items"].as_array().unwrap().len(), 3);
    assert_eq!(question(&report, "Quel âge")["kind"], "numeric");
    assert_eq!(
        question(&report, "Avez-vous des suggestions")["kind"],
        "open"
    );
    assert_eq!(question(&report, "Dans quelle structure")["kind"], "single");
    let personal = labels(&report["personal_columns"]);
    for column in ["IP Address", "Email Address", "First Name", "Last Name"] {
        assert!(
            personal.contains(&column.to_owned()),
            "{column} is personal: {personal:?}"
        );
    }
    assert!(labels(&report["metadata_columns"]).contains(&"Respondent ID".to_owned()));
}

#[test]
fn surveymonkey_open_ended_answers_that_are_all_numbers_make_a_numeric_question() {
    let report = inspect(&data("surveymonkey_open_ended.csv"));
    assert_eq!(report["layout"], "surveymonkey");
    // SurveyMonkey offers a text box for an age or a number of children: the answers are
    // numbers, with a mean, not quotes to code.
    let age = question(&report, "Quel âge avez-vous");
    assert_eq!(age["kind"], "numeric", "{age:#}");
    assert_eq!(age["n"], 5);
    assert_eq!(age["mean"], 20.8);
    let children = question(&report, "Combien d'enfants");
    assert_eq!(children["kind"], "numeric", "{children:#}");
    assert_eq!(children["n"], 4, "a blank is no answer");
    assert_eq!(children["mean"], 0.75);
    // A genuinely open question stays open, and a closed one closed.
    assert_eq!(question(&report, "Que retenez-vous")["kind"], "open");
    assert_eq!(question(&report, "Dans quelle structure")["kind"], "single");
}

#[test]
fn a_column_numbering_the_rows_is_bookkeeping_not_a_question() {
    let dir = tempdir("row-numbers");
    let path = dir.join("visites.csv");
    std::fs::write(
        &path,
        "Identifiant;N°;Structure;Avis\n\
         1;12;Mission locale A;Oui\n\
         2;12;Mission locale B;Non\n\
         3;31;Mission locale A;Oui\n\
         4;31;Mission locale C;Oui\n\
         5;12;Mission locale B;Non\n",
    )
    .unwrap();
    let report = inspect(&path);
    assert_eq!(labels(&report["metadata_columns"]), ["Identifiant"]);
    let texts: Vec<&str> = report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    // « N° » holds a code several respondents share (a département): a question.
    assert_eq!(texts, ["N°", "Structure", "Avis"]);
}

#[test]
fn google_forms_checkboxes_keep_an_option_containing_a_comma() {
    let report = inspect(&data("google_forms.csv"));
    assert_eq!(report["layout"], "google_forms");
    let actions = question(&report, "Quelles actions vous ont été proposées");
    assert_eq!(actions["kind"], "multiple");
    assert_eq!(
        option_count(actions, "Rendez-vous réguliers, oui, souvent"),
        3
    );
    assert_eq!(option_count(actions, "Ateliers"), 3);
    assert_eq!(option_count(actions, "Offres d'emploi"), 3);
    assert_eq!(
        actions["other"], 1,
        "'Un forum de l'emploi' is a free other answer"
    );
    let rating = question(&report, "Comment évaluez-vous");
    assert_eq!(rating["kind"], "likert", "a 1–5 linear scale is ordered");
    assert_eq!(labels(&rating["scale"]), ["5", "4", "3", "2", "1"]);
    let grid = question(&report, "Êtes-vous d'accord");
    assert_eq!(grid["kind"], "likert");
    assert_eq!(grid["scale"][0], "Tout à fait d'accord");
    let reasons = question(&report, "Pourquoi avez-vous arrêté");
    assert_eq!(reasons["kind"], "single");
    assert_eq!(
        option_count(
            reasons,
            "Vous aviez d'autres problèmes à régler (santé, famille…)"
        ),
        1
    );
    assert!(labels(&report["personal_columns"]).contains(&"Adresse e-mail".to_owned()));
    assert!(labels(&report["metadata_columns"]).contains(&"Horodateur".to_owned()));
}

#[test]
fn kobo_select_multiple_uses_option_columns() {
    let report = inspect(&data("kobo.csv"));
    assert_eq!(report["layout"], "kobo");
    assert_eq!(report["rows"], 5);
    let actions = question(&report, "recues");
    assert_eq!(actions["kind"], "multiple");
    assert_eq!(option_count(actions, "offres"), 4);
    assert_eq!(option_count(actions, "stage"), 3);
    assert_eq!(question(&report, "age")["kind"], "numeric");
    assert_eq!(
        labels(&question(&report, "frequence_rdv")["scale"]),
        ["Toujours", "Souvent", "Parfois", "Rarement"]
    );
    let metadata = labels(&report["metadata_columns"]);
    for column in ["start", "end", "_id", "_uuid", "_submission_time", "_index"] {
        assert!(
            metadata.contains(&column.to_owned()),
            "{column} is bookkeeping"
        );
    }
}

#[test]
fn generic_table_one_column_one_question_with_personal_content_detected() {
    let report = inspect(&data("generic.tsv"));
    assert_eq!(report["layout"], "generic");
    assert_eq!(
        labels(&report["personal_columns"]),
        ["Contact"],
        "e-mails found by content"
    );
    assert_eq!(question(&report, "Nombre de jeunes")["kind"], "numeric");
    assert_eq!(question(&report, "Date de la visite")["kind"], "date");
    assert_eq!(
        question(&report, "Avis sur le dispositif")["kind"],
        "likert"
    );
}

#[test]
fn no_personal_value_appears_in_inspect_output() {
    for (file, secrets) in [
        (
            "surveymonkey.csv",
            &[
                "camille.exemple@example.net",
                "Camille",
                "Dominique",
                "Essai",
                "82.64.10.1",
            ][..],
        ),
        (
            "google_forms.csv",
            &["jeune1@example.com", "jeune6@example.com"][..],
        ),
        (
            "limesurvey_codes.csv",
            &[
                "192.168.1.20",
                "06 12 34 56 78",
                "conseiller.test@example.org",
            ][..],
        ),
        ("generic.tsv", &["conseil.a@example.org"][..]),
    ] {
        for args in [
            &["inspect", "--json"][..],
            &["inspect"][..],
            &["questions", "--json"][..],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_atelier"))
                .args(args)
                .arg(data(file))
                .output()
                .unwrap();
            assert!(out.status.success());
            let text = String::from_utf8_lossy(&out.stdout);
            for secret in secrets {
                assert!(
                    !text.contains(secret),
                    "{file}: {secret:?} leaked in {args:?}"
                );
            }
        }
    }
}

#[test]
fn readable_inspect_lists_questions_and_scales() {
    let out = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .arg("inspect")
        .arg(data("limesurvey_fulltext.csv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("LimeSurvey"));
    assert!(text.contains("Très pertinent > Plutôt pertinent"));
    assert!(text.contains("choix multiple"));
}

#[test]
fn questions_json_lists_ids_kinds_and_counts() {
    let kobo = data("kobo.csv");
    let v = common::atelier_json([
        OsStr::new("questions"),
        OsStr::new("--json"),
        kobo.as_os_str(),
    ]);
    let first = &v["questions"][0];
    assert_eq!(first["id"], "age");
    assert_eq!(first["source"], "kobo.csv");
    assert_eq!(first["kind"], "numeric");
    assert_eq!(first["n"], 5);
}

/// Run inspect on a bad file: exit status 2, one line on stderr naming the file.
fn refused(path: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(["inspect", "--json"])
        .arg(path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{}: {stderr}", path.display());
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    let name = path.file_name().unwrap().to_string_lossy();
    assert!(stderr.contains(name.as_ref()), "names the file: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn bad_files_are_refused_with_one_line_naming_them() {
    let dir = tempdir("bad-files");
    let empty = dir.join("vide.csv");
    std::fs::write(&empty, b"").unwrap();
    refused(&empty);

    let garbage = dir.join("binaire.csv");
    std::fs::write(
        &garbage,
        (0..4096u32)
            .map(|i| (i * 7 % 256) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    refused(&garbage);

    let truncated = dir.join("tronque.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for r in 0..200u32 {
        sheet.write(r, 0, format!("ligne {r}")).unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    refused(&truncated);

    let missing = dir.join("absent.csv");
    refused(&missing);

    // A spreadsheet named .csv is read as the spreadsheet it is.
    let mislabelled = dir.join("export.csv");
    std::fs::write(&mislabelled, &bytes).unwrap();
    let report = inspect(&mislabelled);
    assert_eq!(report["format"], "xlsx");
}

#[test]
fn a_document_or_image_renamed_as_a_survey_export_is_refused_saying_what_it_is() {
    let dir = tempdir("not-a-survey");
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "fichier.xlsx",
            b"%PDF-1.7\n1 0 obj << /Title (Jean Dupont) >> endobj\n",
            "c'est un document PDF, pas un export d'enquête",
        ),
        (
            "reponses.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "c'est une image PNG, pas un export d'enquête",
        ),
        (
            "reponses.xlsx",
            b"{\\rtf1\\ansi Jean Dupont;Avis\\par}",
            "c'est un document RTF (texte mis en forme), pas un export d'enquête",
        ),
        (
            "export.xls",
            b"<!DOCTYPE html><html><body>Jean Dupont</body></html>",
            "c'est une page HTML, pas un export d'enquête",
        ),
    ];
    for (name, bytes, what) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let stderr = refused(&path);
        assert!(
            stderr.starts_with(&format!("{name}: {what}")),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("Jean Dupont"), "quotes the file: {stderr}");
    }
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .arg("frobnicate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

fn tempdir(name: &str) -> PathBuf {
    common::temp_dir("import", name)
}

#[test]
fn every_encoding_delimiter_and_line_ending_reads_the_same_survey() {
    let files = [
        ("enc_utf8_comma_crlf.csv", "utf-8"),
        ("enc_utf8_bom_tab.tsv", "utf-8"),
        ("enc_utf8_cr_semicolon.csv", "utf-8"),
        ("enc_utf16le.csv", "utf-16le"),
        ("enc_utf16be_semicolon.csv", "utf-16be"),
        ("enc_cp1252_semicolon.csv", "windows-1252"),
    ];
    let mut reference: Option<Value> = None;
    for (file, encoding) in files {
        let report = inspect(&data(file));
        assert_eq!(report["encoding"], encoding, "{file}");
        assert_eq!(report["rows"], 4, "{file}");
        assert_eq!(
            question(&report, "Âge")["kind"],
            "numeric",
            "{file}: accents decoded"
        );
        let note = question(&report, "Note");
        assert_eq!(
            note["kind"], "numeric",
            "{file}: decimal commas make a numeric column"
        );
        assert!(
            (note["mean"].as_f64().unwrap() - 2.813).abs() < 1e-9,
            "{file}"
        );
        assert_eq!(question(&report, "Commentaire")["kind"], "open", "{file}");
        let questions = report["questions"].clone();
        match &reference {
            None => reference = Some(questions),
            Some(r) => assert_eq!(r, &questions, "{file} differs from the UTF-8 reading"),
        }
    }
}

#[test]
fn hostile_text_files_are_refused_or_read_with_warnings_quickly() {
    let dir = tempdir("hostile");
    // A million columns: refused with a clear limit, not a hang.
    let wide = dir.join("large.csv");
    let mut line = String::with_capacity(2_100_000);
    for i in 0..1_000_000 {
        line.push_str(if i == 0 { "a" } else { ",a" });
    }
    std::fs::write(&wide, format!("{line}\n{line}\n")).unwrap();
    let start = std::time::Instant::now();
    let message = refused(&wide);
    assert!(message.contains("colonnes"), "{message}");
    assert!(start.elapsed().as_secs() < 20);

    // An unbalanced quote: the file is still read, with a warning naming the line.
    let quote = dir.join("guillemet.csv");
    let mut text = String::from("Structure;Avis\n");
    for i in 0..50 {
        text.push_str(&format!("Agence {i};Plutôt satisfait\n"));
    }
    text.push_str("Agence X;\"Très satisfait\n");
    for i in 0..5 {
        text.push_str(&format!("Agence Y{i};Plutôt satisfait\n"));
    }
    std::fs::write(&quote, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(["inspect", "--json"])
        .arg(&quote)
        .output()
        .unwrap();
    if out.status.success() {
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            report["rows"].as_u64().unwrap() >= 50,
            "the rows before the quote are kept"
        );
        let warnings = report["warnings"].to_string();
        assert!(
            warnings.contains("guillemet"),
            "the quote is reported: {warnings}"
        );
    } else {
        assert_eq!(out.status.code(), Some(2));
    }
}
