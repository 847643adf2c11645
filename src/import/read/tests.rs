//! End-to-end tests of the readers: real workbooks built in the test, hostile files, and the
//! `tests/data/enc_*` fixtures.

use std::io::{Cursor, Read, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use calamine::Data;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::*;
use crate::progress::{CancelFlag, Silent};

fn read(name: &str, bytes: &[u8]) -> Result<RawTable, ImportError> {
    read_bytes(name, bytes, None, &Silent)
}

fn ok(name: &str, bytes: &[u8], sheet: Option<&str>) -> RawTable {
    read_bytes(name, bytes, sheet, &Silent).unwrap_or_else(|e| panic!("{e}"))
}

fn text(value: &str) -> Data {
    Data::String(value.to_owned())
}

/// A three-sheet workbook: an empty cover, the answers (text, a date, a boolean, numbers),
/// and a sheet whose data starts at C3.
fn survey_xlsx() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Couverture").unwrap();
    let answers = book.add_worksheet().set_name("Réponses").unwrap();
    for (col, title) in ["Structure", "Date de visite", "Inscrit", "Note", "Jeunes"]
        .into_iter()
        .enumerate()
    {
        answers.write_string(0, col as u16, title).unwrap();
    }
    let date = ExcelDateTime::from_ymd(2013, 10, 2).unwrap();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    answers.write_string(1, 0, "Mission locale A").unwrap();
    answers
        .write_datetime_with_format(1, 1, &date, &date_format)
        .unwrap();
    answers.write_boolean(1, 2, true).unwrap();
    answers.write_number(1, 3, 4.5).unwrap();
    answers.write_number(1, 4, 48).unwrap();
    answers.write_string(2, 0, "Mission locale B").unwrap();
    answers.write_boolean(2, 2, false).unwrap();
    answers.write_number(2, 3, 3.25).unwrap();
    let other = book.add_worksheet().set_name("Autre").unwrap();
    other.write_string(2, 2, "Décalé").unwrap();
    other.write_number(3, 3, 7).unwrap();
    book.save_to_buffer().unwrap()
}

/// A one-sheet workbook with a header and one row.
fn small_xlsx() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Avis").unwrap();
    sheet.write_string(1, 0, "Très bien").unwrap();
    book.save_to_buffer().unwrap()
}

/// The archive `bytes` with some entries replaced or added.
fn rewrite_zip(bytes: &[u8], replace: &[(&str, &[u8])]) -> Vec<u8> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        let data = replace
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(data, |(_, d)| d.to_vec());
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    for (name, data) in replace {
        if archive.index_for_name(name).is_none() {
            out.start_file(*name, options).unwrap();
            out.write_all(data).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        let method = if *name == "mimetype" {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        out.start_file(
            *name,
            SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A minimal valid ods: mimetype stored first, content.xml with `tables`, a manifest.
fn ods_of(tables: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}

const ODS_SURVEY: &str = r#"<table:table table:name="Vide"><table:table-row><table:table-cell/></table:table-row></table:table><table:table table:name="Réponses"><table:table-row><table:table-cell office:value-type="string"><text:p>Structure</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Note</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Inscrit</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Visite</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>Mission locale A</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="4.5"/><table:table-cell office:value-type="boolean" office:boolean-value="true"/><table:table-cell office:value-type="date" office:date-value="2013-10-02"/><table:table-cell table:number-columns-repeated="1020"/></table:table-row><table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>"#;

// ---------------------------------------------------------------- workbooks

#[test]
fn xlsx_keeps_types_and_defaults_to_the_first_sheet_with_data() {
    let table = ok("enquete.xlsx", &survey_xlsx(), None);
    assert_eq!(table.format, FileFormat::Xlsx);
    assert_eq!(table.sheets, ["Couverture", "Réponses", "Autre"]);
    assert_eq!(table.sheet.as_deref(), Some("Réponses"));
    assert_eq!((table.height(), table.width()), (3, 5));
    assert_eq!(table.cell(0, 0), &text("Structure"));
    match table.cell(1, 1) {
        Data::DateTime(date) => {
            assert_eq!(date.as_f64(), 41549.0, "2 October 2013 in the 1900 system");
        }
        other => panic!("expected a date, got {other:?}"),
    }
    assert_eq!(table.cell(1, 2), &Data::Bool(true));
    assert_eq!(table.cell(1, 3), &Data::Float(4.5));
    assert_eq!(table.cell(1, 4), &Data::Float(48.0));
    assert_eq!(table.cell(2, 1), &Data::Empty);
    assert!(table.warnings.is_empty(), "{:?}", table.warnings);
    assert_eq!(table.encoding, None);
}

#[test]
fn xlsx_sheet_is_chosen_by_name_case_or_position_and_starts_at_a1() {
    let bytes = survey_xlsx();
    for wanted in ["Autre", "autre", " AUTRE ", "3"] {
        let table = ok("enquete.xlsx", &bytes, Some(wanted));
        assert_eq!(table.sheet.as_deref(), Some("Autre"), "{wanted:?}");
        assert_eq!((table.height(), table.width()), (4, 4), "rebased to A1");
        assert_eq!(table.cell(2, 2), &text("Décalé"));
        assert_eq!(table.cell(3, 3), &Data::Float(7.0));
    }
    let err = read_bytes("enquete.xlsx", &bytes, Some("Absente"), &Silent).unwrap_err();
    assert_eq!(
        err.to_string(),
        "enquete.xlsx: pas de feuille « Absente » (feuilles : Couverture, Réponses, Autre)"
    );
}

#[test]
fn a_hidden_sheet_is_not_the_default() {
    let mut book = rust_xlsxwriter::Workbook::new();
    // The first sheet is the active one, which Excel never hides.
    book.add_worksheet().set_name("Accueil").unwrap();
    let lists = book.add_worksheet().set_name("Listes").unwrap();
    lists.write_string(0, 0, "Oui").unwrap();
    lists.set_hidden(true);
    book.add_worksheet()
        .set_name("Réponses")
        .unwrap()
        .write_string(0, 0, "Avis")
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    assert_eq!(
        ok("listes.xlsx", &bytes, None).sheet.as_deref(),
        Some("Réponses")
    );
    assert_eq!(
        ok("listes.xlsx", &bytes, Some("Listes")).cell(0, 0),
        &text("Oui")
    );
}

#[test]
fn ods_is_read_with_its_types_and_trailing_repeats() {
    let table = ok("enquete.ods", &ods_of(ODS_SURVEY), None);
    assert_eq!(table.format, FileFormat::Ods);
    assert_eq!(table.sheets, ["Vide", "Réponses"]);
    assert_eq!(table.sheet.as_deref(), Some("Réponses"));
    assert_eq!((table.height(), table.width()), (2, 4));
    assert_eq!(table.cell(1, 0), &text("Mission locale A"));
    assert_eq!(table.cell(1, 1), &Data::Float(4.5));
    assert_eq!(table.cell(1, 2), &Data::Bool(true));
    assert_eq!(table.cell(1, 3), &Data::DateTimeIso("2013-10-02".into()));
}

#[test]
fn xls_is_read_through_calamine() {
    for pad in [true, false] {
        let stream = fixtures::workbook_stream(&[], pad);
        let bytes = fixtures::compound_file(&[("Workbook", &stream)]);
        let table = ok("ancien.xls", &bytes, None);
        assert_eq!(table.format, FileFormat::Xls);
        assert_eq!(table.sheets, ["Réponses"]);
        assert_eq!(table.cell(0, 1), &text("Note"));
        assert_eq!(table.cell(1, 0), &text("Mission locale A"));
        assert_eq!(table.cell(1, 1), &Data::Float(4.5));
        assert_eq!(table.cell(2, 1), &Data::Bool(true));
    }
}

#[test]
fn mislabelled_files_are_read_for_what_they_are() {
    let table = ok("reponses.csv", &survey_xlsx(), None);
    assert_eq!(table.format, FileFormat::Xlsx);
    assert!(
        table.warnings[0]
            .message
            .contains("extension .csv mais c'est un classeur xlsx")
    );

    let table = ok("reponses.xlsx", "Nom;Note\nA;3,5\n".as_bytes(), None);
    assert_eq!(table.format, FileFormat::Delimited);
    assert_eq!(table.cell(1, 1), &Data::Float(3.5));
    assert!(
        table.warnings[0]
            .message
            .contains("extension .xlsx mais contient du texte")
    );
}

// ---------------------------------------------------------------- bad and hostile files

fn assert_err(result: Result<RawTable, ImportError>, expected: &str) -> ImportError {
    let err = result.expect_err("the file must be refused");
    let message = err.to_string();
    assert!(!message.contains('\n'), "one line: {message}");
    assert!(
        message.contains(expected),
        "{message:?} should contain {expected:?}"
    );
    err
}

#[test]
fn truncated_xlsx_is_reported_as_damaged() {
    let bytes = survey_xlsx();
    let err = assert_err(
        read("coupe.xlsx", &bytes[..bytes.len() / 2]),
        "le fichier semble tronqué ou endommagé",
    );
    assert!(err.to_string().starts_with("coupe.xlsx: "));
}

#[test]
fn garbage_named_csv_or_xlsx_is_refused() {
    let garbage: Vec<u8> = (0..50_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    for name in ["donnees.csv", "donnees.xlsx"] {
        assert_err(
            read(name, &garbage),
            "ce n'est pas un fichier texte ni un classeur reconnu",
        );
    }
}

#[test]
fn empty_files_are_empty() {
    for bytes in [b"".as_slice(), b"\xEF\xBB\xBF  \r\n"] {
        let err = assert_err(read("vide.csv", bytes), "le fichier est vide");
        assert!(matches!(err, ImportError::Empty { .. }));
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet();
    let err = assert_err(
        read("vide.xlsx", &book.save_to_buffer().unwrap()),
        "le fichier est vide",
    );
    assert!(matches!(err, ImportError::Empty { .. }));
}

/// Reads each `(name, bytes, what)` and checks the refusal: one line, « NAME: c'est WHAT,
/// pas un export d'enquête », and no word of the file in it (`quoted` lists words each
/// file holds).
fn assert_not_a_survey(cases: &[(&str, Vec<u8>, &str)], quoted: &[&str]) {
    for (name, bytes, what) in cases {
        let err = read(name, bytes).expect_err(name);
        assert!(
            matches!(err, ImportError::NotASurvey { .. }),
            "{name}: {err}"
        );
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("{name}: c'est {what}, pas un export d'enquête")),
            "{message}"
        );
        assert!(!message.contains('\n'), "one line: {message}");
        for word in quoted {
            assert!(!message.contains(word), "{message} quotes the file");
        }
    }
}

#[test]
fn a_pdf_postscript_or_rtf_document_renamed_is_refused_for_what_it_is() {
    // Each of them plain text from its first byte, as the text reader would happily take it.
    let pdf =
        b"%PDF-1.4\n1 0 obj << /Title (Avis;Note) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let postscript = b"%!PS-Adobe-3.0\n%%Title: Avis;Note\n/Times findfont 12 scalefont setfont\n";
    let rtf = b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Avis;Note\\par 1;2\\par}";
    assert_not_a_survey(
        &[
            ("rapport.xlsx", pdf.to_vec(), "un document PDF"),
            ("rapport.csv", pdf.to_vec(), "un document PDF"),
            ("affiche.csv", postscript.to_vec(), "un document PostScript"),
            (
                "note.xlsx",
                rtf.to_vec(),
                "un document RTF (texte mis en forme)",
            ),
            (
                "note.csv",
                rtf.to_vec(),
                "un document RTF (texte mis en forme)",
            ),
        ],
        &["Avis", "Times", "Title"],
    );
}

#[test]
fn a_web_page_renamed_is_refused_for_what_it_is() {
    let page = "<!DOCTYPE html>\n<html><head><title>Avis</title></head>\
                <body><table><tr><td>Avis</td><td>Note</td></tr></table></body></html>";
    assert_not_a_survey(
        &[
            ("export.xlsx", page.as_bytes().to_vec(), "une page HTML"),
            // After a byte-order mark and blank lines, in capitals.
            (
                "export.csv",
                format!("\u{feff}\r\n  \n{}", page.to_uppercase()).into_bytes(),
                "une page HTML",
            ),
            (
                "export.xls",
                b"<html lang=\"fr\"><body>Avis;Note</body></html>".to_vec(),
                "une page HTML",
            ),
        ],
        &["Avis", "AVIS", "Note", "title"],
    );
}

#[test]
fn an_image_renamed_is_refused_for_what_it_is() {
    let with = |head: &[u8]| [head, b"Avis;Note\n1;2\n".as_slice()].concat();
    assert_not_a_survey(
        &[
            (
                "photo.xlsx",
                with(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
                "une image PNG",
            ),
            (
                "photo.csv",
                with(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0"),
                "une image JPEG",
            ),
            ("logo.xlsx", with(b"GIF89a\x10\0\x10\0"), "une image GIF"),
            ("logo.csv", with(b"GIF87a\x10\0\x10\0"), "une image GIF"),
            ("scan.xlsx", with(b"II*\0\x08\0\0\0"), "une image TIFF"),
            ("scan.csv", with(b"MM\0*\0\0\0\x08"), "une image TIFF"),
            (
                "photo.ods",
                with(b"RIFF\x24\0\0\0WEBPVP8 "),
                "une image WebP",
            ),
        ],
        &["Avis", "JFIF", "IHDR"],
    );
}

#[test]
fn an_office_document_renamed_is_refused_for_what_it_is() {
    let docx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document>Avis</w:document>"),
    ]);
    let pptx = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        (
            "ppt/presentation.xml",
            b"<p:presentation>Avis</p:presentation>",
        ),
    ]);
    let doc = fixtures::compound_file(&[("WordDocument", &[0; 100])]);
    let ppt = fixtures::compound_file(&[("PowerPoint Document", &[0; 100])]);
    let msg = fixtures::compound_file(&[("__substg1.0_0037001F", &[0; 100])]);
    let odt = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<office:document-content/>"),
    ]);
    assert_not_a_survey(
        &[
            ("lettre.xlsx", docx.clone(), "un document Word"),
            ("lettre.csv", docx, "un document Word"),
            ("lettre.xls", doc, "un document Word"),
            ("diapos.xlsx", pptx, "une présentation PowerPoint"),
            ("diapos.xls", ppt, "une présentation PowerPoint"),
            (
                "courriel.xls",
                msg,
                "un fichier Office autre qu'un classeur Excel",
            ),
            (
                "texte.ods",
                odt,
                "un document OpenDocument (texte, présentation ?)",
            ),
        ],
        &["Avis", "document.xml", "WordDocument"],
    );
}

#[test]
fn an_archive_renamed_is_refused_for_what_it_is() {
    let zip = zip_of(&[
        ("photos/avis.jpg", b"\xFF\xD8\xFF"),
        ("lisez-moi.txt", b"Avis"),
    ]);
    assert_not_a_survey(
        &[
            (
                "export.xlsx",
                zip,
                "une archive zip sans classeur (xlsx, xlsb ou ods)",
            ),
            (
                "export.csv",
                b"\x1F\x8B\x08\0\0\0\0\0\0\x03Avis".to_vec(),
                "un fichier compressé (gzip)",
            ),
            (
                "export.xlsx",
                b"7z\xBC\xAF\x27\x1C\0\x04Avis".to_vec(),
                "une archive 7-Zip",
            ),
            (
                "export.xls",
                b"Rar!\x1A\x07\x01\0Avis".to_vec(),
                "une archive RAR",
            ),
        ],
        &["Avis", "avis.jpg", "lisez-moi"],
    );
}

#[test]
fn a_table_whose_first_heading_looks_like_a_mark_is_still_read() {
    // Marks are only those no survey heading begins with: « BMI » is not a bitmap, nor
    // « html » a web page, nor « % » a PDF.
    for text in [
        "BMI;Âge\n22,5;30\n",
        "html;Avis\noui;Bien\n",
        "%;Part\n12;Oui\n",
        "GIF;Note\n1;2\n",
    ] {
        let table = ok("export.csv", text.as_bytes(), None);
        assert_eq!(table.format, FileFormat::Delimited, "{text}");
        assert_eq!(table.height(), 2, "{text}");
    }
}

#[test]
fn a_zip_bomb_is_refused_before_decompressing() {
    let bomb = vec![b' '; 60 << 20];
    let bytes = zip_of(&[
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/worksheets/sheet1.xml", &bomb),
    ]);
    assert!(bytes.len() < 1 << 20);
    let start = Instant::now();
    let err = assert_err(read("bombe.xlsx", &bytes), "bombe zip");
    assert!(matches!(err, ImportError::TooLarge { .. }));
    assert!(start.elapsed() < Duration::from_secs(2));
}

/// Sets the uncompressed size declared for every entry of the central directory (and of the
/// local headers when `local` is set) to `size`.
fn declare_sizes(bytes: &mut [u8], size: u32, local: bool, only: Option<&str>) {
    let mut i = 0;
    while i + 46 <= bytes.len() {
        let central = bytes[i..i + 4] == [0x50, 0x4B, 0x01, 0x02];
        let local_header = local && bytes[i..i + 4] == [0x50, 0x4B, 0x03, 0x04];
        if central || local_header {
            let (size_at, name_len_at, name_at) = if central { (24, 28, 46) } else { (22, 26, 30) };
            let name_len =
                u16::from_le_bytes([bytes[i + name_len_at], bytes[i + name_len_at + 1]]) as usize;
            let name =
                String::from_utf8_lossy(&bytes[i + name_at..i + name_at + name_len]).into_owned();
            if only.is_none_or(|wanted| wanted == name) {
                bytes[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
            }
        }
        i += 1;
    }
}

#[test]
fn a_workbook_declaring_more_than_a_gibibyte_is_refused() {
    let names: Vec<String> = (0..25).map(|i| format!("xl/media/image{i}.bin")).collect();
    let mut entries: Vec<(&str, &[u8])> = vec![("xl/workbook.xml", b"<workbook/>")];
    entries.extend(names.iter().map(|n| (n.as_str(), b"x".as_slice())));
    let mut bytes = zip_of(&entries);
    // 25 × 45 MiB: each entry under the ratio rule's threshold, 1.1 GiB in all.
    declare_sizes(&mut bytes, 45 << 20, false, None);
    let err = assert_err(read("enorme.xlsx", &bytes), "se décompresse en");
    assert!(matches!(err, ImportError::TooLarge { .. }));
}

/// Declared sizes can lie; the zip crate then stops the entry at its declared size, so
/// checking declared sizes is enough (see the `container` module docs).
#[test]
fn a_zip_entry_larger_than_declared_fails_instead_of_growing() {
    let mut bytes = survey_xlsx();
    declare_sizes(&mut bytes, 100, true, Some("xl/worksheets/sheet2.xml"));
    let err = assert_err(
        read_bytes("menteur.xlsx", &bytes, Some("Réponses"), &Silent),
        "tronqué ou endommagé",
    );
    assert!(matches!(err, ImportError::Malformed { .. }));
}

fn billion_laughs_prologue() -> String {
    let mut dtd = String::from("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for level in 1..=9 {
        let previous = if level == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", level - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{level} \"{}\">",
            format!("&{previous};").repeat(10)
        ));
    }
    dtd.push_str("]>");
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>{dtd}")
}

#[test]
fn xml_entities_are_never_expanded() {
    let sheet = format!(
        "{}<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c><c r=\"B1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
        billion_laughs_prologue()
    );
    let shared = format!(
        "{}<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>&lol9;</t></si></sst>",
        billion_laughs_prologue()
    );
    let base = small_xlsx();
    for replace in [
        vec![("xl/worksheets/sheet1.xml", sheet.as_bytes())],
        vec![("xl/sharedStrings.xml", shared.as_bytes())],
    ] {
        let bytes = rewrite_zip(&base, &replace);
        let start = Instant::now();
        match read("rires.xlsx", &bytes) {
            Ok(table) => {
                for row in 0..table.height() {
                    for cell in table.row(row) {
                        assert!(
                            cell.to_string().len() < 100,
                            "an entity was expanded: {} bytes",
                            cell.to_string().len()
                        );
                    }
                }
            }
            Err(err) => assert!(matches!(err, ImportError::Malformed { .. }), "{err}"),
        }
        assert!(start.elapsed() < Duration::from_secs(2));
    }
}

#[test]
fn xlsx_cells_past_excel_limits_are_refused() {
    let sheet = |cells: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">{cells}</row></sheetData></worksheet>"
        )
    };
    let base = small_xlsx();
    let past_xfd = sheet("<c r=\"XFE1\"><v>1</v></c>");
    let bytes = rewrite_zip(&base, &[("xl/worksheets/sheet1.xml", past_xfd.as_bytes())]);
    assert_err(read("large.xlsx", &bytes), "au-delà de la limite d'Excel");

    // Two cells in opposite corners: calamine alone would allocate 17 billion cells.
    let corners = sheet("<c r=\"A1\"><v>1</v></c><c r=\"XFD1048576\"><v>1</v></c>");
    let bytes = rewrite_zip(&base, &[("xl/worksheets/sheet1.xml", corners.as_bytes())]);
    let err = assert_err(read("coins.xlsx", &bytes), "trop de cellules");
    assert!(matches!(err, ImportError::TooLarge { .. }));
}

#[test]
fn a_damaged_cell_is_reported_without_its_content() {
    let sheet = |cells: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">{cells}</row></sheetData></worksheet>"
        )
    };
    let base = small_xlsx();
    for (name, cells) in [
        ("booleen.xlsx", "<c r=\"A1\" t=\"b\"><v>Jean Dupont</v></c>"),
        ("erreur.xlsx", "<c r=\"A1\" t=\"e\"><v>Jean Dupont</v></c>"),
        ("balise.xlsx", "<c r=\"A1\"><v>1</v></Jean Dupont>"),
    ] {
        let xml = sheet(cells);
        let bytes = rewrite_zip(&base, &[("xl/worksheets/sheet1.xml", xml.as_bytes())]);
        let message = read(name, &bytes).unwrap_err().to_string();
        assert!(message.starts_with(&format!("{name}: ")), "{message}");
        assert!(!message.contains("Dupont"), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }
}

#[test]
fn a_sheet_is_read_whole_whatever_size_it_declares() {
    let sheet = |dimension: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">{dimension}<sheetData>\
             <row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Avis</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Note</t></is></c></row>\
             <row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Bien</t></is></c><c r=\"B2\"><v>4</v></c></row>\
             <row r=\"5\"><c r=\"D5\"><v>7.5</v></c></row></sheetData></worksheet>"
        )
    };
    let base = small_xlsx();
    for dimension in [
        "<dimension ref=\"A1:D5\"/>",
        // Smaller than the data: the cells past it are still read.
        "<dimension ref=\"A1:B2\"/>",
        // Larger than the data: the table stops at the last cell holding anything.
        "<dimension ref=\"A1:Z900\"/>",
        // Starting further in, or missing.
        "<dimension ref=\"B2:D5\"/>",
        "",
    ] {
        let xml = sheet(dimension);
        let bytes = rewrite_zip(&base, &[("xl/worksheets/sheet1.xml", xml.as_bytes())]);
        let raw = ok("dimension.xlsx", &bytes, None);
        assert_eq!((raw.height(), raw.width()), (5, 4), "{dimension}");
        assert_eq!(raw.cell(0, 1), &text("Note"), "{dimension}");
        assert_eq!(raw.cell(1, 0), &text("Bien"), "{dimension}");
        assert_eq!(raw.cell(1, 1), &Data::Float(4.0), "{dimension}");
        assert_eq!(raw.cell(4, 3), &Data::Float(7.5), "{dimension}");
        assert_eq!(raw.cell(3, 2), &Data::Empty, "{dimension}");
    }
}

#[test]
fn a_shared_string_copied_into_many_cells_is_refused() {
    let big = "x".repeat(1 << 20);
    let shared = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\" uniqueCount=\"2\"><si><t>Avis</t></si><si><t>{big}</t></si></sst>"
    );
    let cells: String = (1..=1100)
        .map(|row| format!("<row r=\"{row}\"><c r=\"A{row}\" t=\"s\"><v>1</v></c></row>"))
        .collect();
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{cells}</sheetData></worksheet>"
    );
    let bytes = rewrite_zip(
        &small_xlsx(),
        &[
            ("xl/sharedStrings.xml", shared.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ],
    );
    assert!(bytes.len() < 1 << 20);
    assert_err(read("copies.xlsx", &bytes), "de texte");
}

#[test]
fn ods_repeats_that_would_fill_memory_are_refused() {
    let rows = r#"<table:table table:name="Bombe"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
    let err = assert_err(
        read("bombe.ods", &ods_of(rows)),
        "déplierait trop de cellules",
    );
    assert!(matches!(err, ImportError::TooLarge { .. }));

    let spaces = r#"<table:table table:name="Espaces"><table:table-row><table:table-cell office:value-type="string"><text:p><text:s text:c="2000000000"/></text:p></table:table-cell></table:table-row></table:table>"#;
    assert_err(read("espaces.ods", &ods_of(spaces)), "de texte");
}

#[test]
fn an_encrypted_workbook_is_reported_as_protected() {
    let bytes = fixtures::compound_file(&[
        ("EncryptionInfo", &[4, 0, 4, 0]),
        ("EncryptedPackage", &[0; 5000]),
    ]);
    for name in ["protege.xlsx", "protege.xls", "protege.csv"] {
        let err = assert_err(read(name, &bytes), "protégé par un mot de passe");
        assert!(matches!(err, ImportError::Encrypted { .. }));
    }
}

#[test]
fn a_million_column_csv_line_is_refused() {
    let mut bytes = b"id;avis\n1;".to_vec();
    bytes.extend(std::iter::repeat_n(b';', 1_000_000));
    let err = assert_err(read("colonnes.csv", &bytes), "plus de 16\u{a0}384 colonnes");
    assert!(matches!(err, ImportError::TooLarge { .. }));
}

#[test]
fn files_over_two_gibibytes_are_refused_without_reading_them() {
    let dir = std::env::temp_dir().join(format!("atelier-read-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("geant.csv");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    let result = read_path(&path, None, &Silent);
    std::fs::remove_dir_all(&dir).unwrap();
    let err = assert_err(result, "au-delà de 2 Gio");
    assert!(matches!(err, ImportError::TooLarge { .. }));
    assert!(err.to_string().starts_with("geant.csv: "));
}

#[test]
fn read_path_reads_workbooks_and_text_from_disk() {
    let dir = std::env::temp_dir().join(format!("atelier-read-path-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("enquete.xlsx");
    std::fs::write(&xlsx, survey_xlsx()).unwrap();
    let empty = dir.join("vide.csv");
    std::fs::write(&empty, b"").unwrap();
    let table = read_path(&xlsx, Some("Réponses"), &Silent);
    let empty_result = read_path(&empty, None, &Silent);
    let missing = read_path(&dir.join("absent.csv"), None, &Silent);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(table.unwrap().file_name, "enquete.xlsx");
    assert!(matches!(empty_result, Err(ImportError::Empty { .. })));
    let err = missing.unwrap_err();
    assert!(matches!(err, ImportError::Io { .. }));
    assert!(
        err.to_string()
            .starts_with("absent.csv: lecture impossible")
    );
}

// ---------------------------------------------------------------- progress

#[derive(Default)]
struct Recorder(Mutex<Vec<(f32, String)>>);

impl Progress for Recorder {
    fn report(&self, done: f32, stage: &str) {
        self.0.lock().unwrap().push((done, stage.to_owned()));
    }
    fn cancelled(&self) -> bool {
        false
    }
}

#[test]
fn progress_is_reported_in_french_and_ends_at_one() {
    let mut csv = String::from("id;avis\n");
    for i in 0..5000 {
        csv.push_str(&format!("{i};réponse {i}\n"));
    }
    for (name, bytes) in [("a.csv", csv.into_bytes()), ("a.xlsx", survey_xlsx())] {
        let recorder = Recorder::default();
        read_bytes(name, &bytes, None, &recorder).unwrap();
        let reports = recorder.0.lock().unwrap();
        assert!(reports.len() >= 3, "{name}: {reports:?}");
        assert!(
            reports
                .iter()
                .all(|(_, stage)| stage.starts_with("Lecture"))
        );
        assert!(
            reports.windows(2).all(|w| w[0].0 <= w[1].0),
            "{name}: {reports:?}"
        );
        assert_eq!(reports.last().map(|r| r.0), Some(1.0));
    }
}

#[test]
fn cancelling_stops_the_read() {
    let flag = AtomicBool::new(true);
    for (name, bytes) in [
        ("a.csv", b"a;b\n1;2\n".to_vec()),
        ("a.xlsx", survey_xlsx()),
        ("a.ods", ods_of(ODS_SURVEY)),
    ] {
        let err = read_bytes(name, &bytes, None, &CancelFlag(&flag)).unwrap_err();
        assert!(
            matches!(err, ImportError::Cancelled { .. }),
            "{name}: {err}"
        );
    }
    flag.store(false, Ordering::Relaxed);
    assert!(read_bytes("a.csv", b"a;b\n1;2\n", None, &CancelFlag(&flag)).is_ok());
}

/// Cancels as soon as the sheet is being streamed (a report past 25 %).
#[derive(Default)]
struct CancelMidway {
    cancelled: AtomicBool,
    reports_after: Mutex<usize>,
}

impl Progress for CancelMidway {
    fn report(&self, done: f32, _: &str) {
        if self.cancelled.load(Ordering::Relaxed) {
            *self.reports_after.lock().unwrap() += 1;
        }
        if done > 0.25 {
            self.cancelled.store(true, Ordering::Relaxed);
        }
    }
    fn cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

#[test]
fn cancelling_while_a_large_sheet_streams_stops_it() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for row in 0..80_000u32 {
        sheet.write_number(row, 0, f64::from(row)).unwrap();
        sheet.write_string(row, 1, "Plutôt satisfait").unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let progress = CancelMidway::default();
    let err = read_bytes("grand.xlsx", &bytes, None, &progress).unwrap_err();
    assert!(matches!(err, ImportError::Cancelled { .. }), "{err}");
    // It stopped at the next check instead of reading on to the end.
    assert!(*progress.reports_after.lock().unwrap() <= 1);
}

// ---------------------------------------------------------------- fixtures

fn fixture(name: &str) -> RawTable {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    read_path(&path, None, &Silent).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn encoding_fixtures_read_the_same_survey() {
    let cases = [
        ("enc_utf8_comma_crlf.csv", "utf-8", b','),
        ("enc_utf8_bom_tab.tsv", "utf-8", b'\t'),
        ("enc_utf16le.csv", "utf-16le", b'\t'),
        ("enc_utf16be_semicolon.csv", "utf-16be", b';'),
        ("enc_cp1252_semicolon.csv", "windows-1252", b';'),
        ("enc_utf8_cr_semicolon.csv", "utf-8", b';'),
    ];
    for (name, encoding, delimiter) in cases {
        let table = fixture(name);
        assert_eq!(table.encoding, Some(encoding), "{name}");
        assert_eq!(table.delimiter, Some(delimiter), "{name}");
        assert_eq!((table.height(), table.width()), (5, 5), "{name}");
        assert!(table.warnings.is_empty(), "{name}: {:?}", table.warnings);
        assert_eq!(table.cell(0, 1), &text("Âge"), "{name}");
        assert_eq!(table.cell(1, 1), &Data::Int(21), "{name}");
        assert_eq!(table.cell(2, 2), &text("Plutôt satisfait"), "{name}");
        assert_eq!(table.cell(2, 3), &Data::Float(3.5), "{name}");
        assert_eq!(
            table.cell(2, 4),
            &text("Ateliers utiles, mais trop courts"),
            "{name}"
        );
        assert_eq!(
            table.cell(4, 4),
            &text("Bonne mise en œuvre ; coût : 15 €"),
            "{name}"
        );
    }
}
