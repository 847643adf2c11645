//! Delimited text (csv, tsv, txt): encoding, delimiter, quotes, then typed cells.
//!
//! Survey tools and Excel write text in many ways: UTF-8 with or without a BOM, UTF-16 with a
//! BOM ("Texte Unicode" in French Excel, tab-separated), Windows-1252 from older exports;
//! commas, semicolons (French Excel), tabs or pipes; `\n`, `\r\n` or old Mac `\r`. Each is
//! detected from the bytes ([`super::encoding`] for the encoding). The text is then scanned
//! once ([`super::scan`]) to size the table and find stray quotes, and parsed once with the
//! `csv` crate straight into the table.

use std::borrow::Cow;
use std::ops::ControlFlow;

use calamine::{Data, Range};

use super::cell::{self, ColumnTyping, Field};
use super::encoding::{check_is_text, decode, strip_bom};
use super::scan::{self, LineCounter, Stop, Summary};
use super::{MAX_CELLS, MAX_COLUMNS, check_cancelled, french_count};
use crate::model::Warning;
use crate::model::{FileFormat, ImportError, RawTable};
use crate::progress::Progress;

/// Delimiters tried, in order of preference when the evidence is equal: tabs and semicolons
/// rarely occur inside answers, commas often do.
const DELIMITERS: [u8; 4] = [b'\t', b';', b',', b'|'];
/// How much text the delimiter and garbage checks look at.
const SAMPLE_BYTES: usize = 64 * 1024;
/// Records of the sample used to choose the delimiter.
const SAMPLE_RECORDS: usize = 200;
/// Stray quotes repaired before giving up on a file.
const MAX_QUOTE_REPAIRS: usize = 10;
/// Rows listed by name in the ragged-rows warning.
const LISTED_ROWS: usize = 10;

/// Reads delimited text. `extension` only breaks ties (a `.tsv` prefers tabs).
pub(super) fn read(
    file: &str,
    extension: &str,
    bytes: &[u8],
    progress: &dyn Progress,
) -> Result<RawTable, ImportError> {
    let decoded = decode(bytes);
    let mut warnings = Vec::new();
    if decoded.replaced > 0 {
        warnings.push(Warning::file(format!(
            "{} caractère(s) illisible(s) en {} remplacé(s) par « \u{fffd} »",
            french_count(decoded.replaced),
            decoded.encoding
        )));
    }
    let mut text = strip_bom(decoded.text);
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(ImportError::Empty {
            file: file.to_owned(),
        });
    }
    check_is_text(file, &text)?;
    check_cancelled(file, progress)?;

    let delimiter = sniff_delimiter(&text, extension);
    progress.report(0.05, "Lecture du fichier");
    let shape = shape(file, &mut text, delimiter, progress)?;
    warnings.extend(shape.warnings);
    if shape.rows == 0 {
        return Err(ImportError::Empty {
            file: file.to_owned(),
        });
    }
    let (cells, ragged) = parse(
        file,
        &text,
        delimiter,
        &shape.literal_quotes,
        shape.rows,
        shape.width,
        progress,
    )?;
    warnings.extend(ragged);
    progress.report(1.0, "Lecture du fichier");
    Ok(RawTable {
        file_name: file.to_owned(),
        format: FileFormat::Delimited,
        encoding: Some(decoded.encoding),
        delimiter: Some(delimiter),
        sheets: Vec::new(),
        sheet: None,
        cells,
        warnings,
    })
}

/// Chooses the delimiter whose field counts are the most consistent over the first records,
/// among those that split the lines at all; ties go to the order of [`DELIMITERS`], with tabs
/// first for a `.tsv`.
fn sniff_delimiter(text: &str, extension: &str) -> u8 {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text.as_bytes()[..end];
    let truncated = end < text.len();
    let mut best: Option<(usize, u8)> = None;
    let mut fallback: Option<(usize, u8)> = None;
    for delimiter in DELIMITERS {
        let mut counts = Vec::new();
        // A scan stopped by a stray quote or a huge line still leaves usable counts.
        let _ = scan::scan(
            sample,
            delimiter,
            |end| {
                counts.push(end.fields);
                if counts.len() > SAMPLE_RECORDS {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
            |_| ControlFlow::Continue(()),
        );
        if truncated && counts.len() > 1 {
            counts.pop();
        }
        let Some((mode, consistency)) = mode_and_consistency(&counts) else {
            continue;
        };
        let slot = if mode >= 2 { &mut best } else { &mut fallback };
        if slot.is_none_or(|(score, _)| consistency > score) {
            *slot = Some((consistency, delimiter));
        }
    }
    // No line break in the whole sample (a single huge line): the delimiter that occurs most
    // wins, so that the column limit then refuses the file clearly.
    if best.is_none() && truncated && !sample.iter().any(|&b| b == b'\n' || b == b'\r') {
        let most = DELIMITERS
            .iter()
            .map(|&d| (sample.iter().filter(|&&b| b == d).count(), d))
            .max_by_key(|&(count, _)| count);
        if let Some((count, delimiter)) = most
            && count > 0
        {
            return delimiter;
        }
    }
    match (best, fallback) {
        (Some((_, delimiter)), _) => delimiter,
        _ if matches!(extension, "tsv" | "tab") => b'\t',
        (None, Some((_, delimiter))) => delimiter,
        (None, None) => b',',
    }
}

/// The most frequent field count (the larger on ties) and the share of records having it,
/// in thousandths.
fn mode_and_consistency(counts: &[usize]) -> Option<(usize, usize)> {
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for run in sorted.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(_, len)| run.len() >= len) {
            best = Some((run[0], run.len()));
        }
    }
    best.map(|(mode, len)| (mode, len * 1000 / counts.len()))
}

/// The table's size and the repairs made to the text before parsing.
struct Shape {
    rows: usize,
    width: usize,
    /// (row, column) of fields whose opening quote was stray and removed from the text; the
    /// quote is put back into the cell.
    literal_quotes: Vec<(usize, usize)>,
    warnings: Vec<Warning>,
}

/// Scans the text for its size, repairing stray quotes (each is removed from the text, and a
/// warning names its line) until the text scans cleanly.
fn shape(
    file: &str,
    text: &mut Cow<'_, str>,
    delimiter: u8,
    progress: &dyn Progress,
) -> Result<Shape, ImportError> {
    let mut literal_quotes: Vec<(usize, usize)> = Vec::new();
    let mut warnings = Vec::new();
    loop {
        // Progress is reported on the first pass only, so that it never goes back.
        let first_pass = literal_quotes.is_empty();
        let mut rows = 0usize;
        let mut width = 0usize;
        let mut too_many_cells = false;
        let total = text.len();
        let result = scan::scan(
            text.as_bytes(),
            delimiter,
            |end| {
                if end.content_width > 0 {
                    rows = end.record + 1;
                    width = width.max(end.content_width);
                    if rows.saturating_mul(width) > MAX_CELLS {
                        too_many_cells = true;
                        return ControlFlow::Break(());
                    }
                }
                ControlFlow::Continue(())
            },
            |offset| {
                if first_pass {
                    progress.report(
                        0.05 + 0.25 * offset as f32 / total as f32,
                        "Lecture du fichier",
                    );
                }
                if progress.cancelled() {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        match result {
            Ok(summary) => {
                warnings.extend(summary_warnings(summary));
                return Ok(Shape {
                    rows,
                    width,
                    literal_quotes,
                    warnings,
                });
            }
            Err(Stop::StrayQuote(quote)) => {
                if literal_quotes.len() >= MAX_QUOTE_REPAIRS {
                    return Err(ImportError::malformed(
                        file,
                        format!(
                            "guillemets déséquilibrés (dès la ligne {}) : le fichier ne peut pas être découpé en lignes de façon fiable",
                            first_line(&warnings).unwrap_or(quote.line)
                        ),
                    ));
                }
                text.to_mut().remove(quote.offset);
                literal_quotes.push((quote.record, quote.field));
                warnings.push(Warning {
                    row: Some(quote.line),
                    column: None,
                    message: format!(
                        "ligne {} : un guillemet ouvert n'est jamais refermé correctement et avalait la suite du fichier ; \
                         il a été lu comme un caractère ordinaire",
                        quote.line
                    ),
                });
            }
            Err(Stop::TooManyColumns { line }) => {
                return Err(ImportError::TooLarge {
                    file: file.to_owned(),
                    problem: format!(
                        "la ligne {line} a plus de {} colonnes (le maximum d'Excel)",
                        french_count(MAX_COLUMNS)
                    ),
                });
            }
            Err(Stop::Requested) if too_many_cells => {
                return Err(too_many_cells_error(file, rows, width));
            }
            Err(Stop::Requested) => {
                return Err(ImportError::Cancelled {
                    file: file.to_owned(),
                });
            }
        }
    }
}

fn first_line(warnings: &[Warning]) -> Option<usize> {
    warnings.iter().find_map(|w| w.row)
}

fn summary_warnings(summary: Summary) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if let Some(line) = summary.unclosed_at_end {
        warnings.push(Warning {
            row: Some(line),
            column: None,
            message: format!("ligne {line} : guillemet non refermé en fin de fichier"),
        });
    }
    if let Some((line, lines)) = summary.long_quoted {
        warnings.push(Warning {
            row: Some(line),
            column: None,
            message: format!(
                "ligne {line} : un champ entre guillemets s'étend sur {lines} lignes ; vérifiez qu'un guillemet n'a pas été oublié"
            ),
        });
    }
    warnings
}

pub(super) fn too_many_cells_error(file: &str, rows: usize, width: usize) -> ImportError {
    ImportError::TooLarge {
        file: file.to_owned(),
        problem: format!(
            "trop de cellules ({} lignes × {} colonnes au moins ; maximum {} cellules)",
            french_count(rows),
            french_count(width),
            french_count(MAX_CELLS)
        ),
    }
}

/// Parses the text into a `rows × width` table, typing each field, and lists the rows whose
/// field count differs from the header's.
fn parse(
    file: &str,
    text: &str,
    delimiter: u8,
    literal_quotes: &[(usize, usize)],
    rows: usize,
    width: usize,
    progress: &dyn Progress,
) -> Result<(Range<Data>, Vec<Warning>), ImportError> {
    // `shape` guarantees 1 <= rows, width and rows * width <= MAX_CELLS, so both fit in u32.
    let last = |n: usize| u32::try_from(n - 1).unwrap_or(u32::MAX);
    let mut cells: Range<Data> = Range::new((0, 0), (last(rows), last(width)));
    let mut columns = vec![ColumnTyping::default(); width];
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(text.as_bytes());
    let mut header_fields = 0usize;
    let mut ragged: Vec<(usize, usize)> = Vec::new();
    let mut ragged_count = 0usize;
    let total = text.len().max(1) as f32;

    for row in 0..rows {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(ImportError::malformed(
                    file,
                    format!("texte illisible ({e})"),
                ));
            }
        }
        let row_cells = &mut cells[row];
        for (col, raw) in record.iter().enumerate().take(width) {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
            let restored;
            let field = if !literal_quotes.is_empty() && literal_quotes.contains(&(row, col)) {
                restored = format!("\"{raw}");
                restored.as_str()
            } else {
                raw
            };
            let kind = cell::classify(field);
            columns[col].see(row, kind);
            row_cells[col] = match kind {
                Field::Empty => Data::Empty,
                Field::Int(value) => Data::Int(value),
                Field::Float(value) => Data::Float(value),
                Field::Blank | Field::French | Field::Text => Data::String(field.to_owned()),
            };
        }
        let fields = record.len();
        if row == 0 {
            header_fields = (0..fields)
                .rev()
                .find(|&i| !record[i].is_empty())
                .map_or(0, |i| i + 1);
        } else if header_fields > 0
            && (fields < header_fields || record.iter().skip(header_fields).any(|f| !f.is_empty()))
        {
            ragged_count += 1;
            if ragged.len() < LISTED_ROWS {
                let offset = record
                    .position()
                    .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
                ragged.push((lines.line_of_record_at(offset), fields));
            }
        }
        if row % 1024 == 1023 {
            check_cancelled(file, progress)?;
            let done = reader.position().byte() as f32 / total;
            progress.report(0.3 + 0.65 * done, "Lecture du fichier");
        }
    }

    for (col, typing) in columns.iter().enumerate() {
        if !typing.converts_french() {
            continue;
        }
        for row in 0..rows {
            if let Data::String(field) = &cells[(row, col)]
                && cell::classify(field) == Field::French
                && let Some(value) = cell::parse_french(field)
            {
                cells[(row, col)] = value;
            }
        }
    }

    let mut warnings = Vec::new();
    if ragged_count > 0 {
        let listed: Vec<String> = ragged
            .iter()
            .map(|(line, fields)| {
                format!(
                    "{line} ({fields} champ{})",
                    if *fields > 1 { "s" } else { "" }
                )
            })
            .collect();
        let more = ragged_count - ragged.len();
        warnings.push(Warning {
            row: ragged.first().map(|r| r.0),
            column: None,
            message: format!(
                "{} ligne(s) n'ont pas le même nombre de champs que l'en-tête ({header_fields}) ; \
                 cellules manquantes laissées vides : ligne(s) {}{}",
                french_count(ragged_count),
                listed.join(", "),
                if more > 0 {
                    format!(" et {} autre(s)", french_count(more))
                } else {
                    String::new()
                }
            ),
        });
    }
    Ok((cells, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Silent;

    fn read_text(name: &str, bytes: &[u8]) -> RawTable {
        read(name, super::super::extension(name).as_str(), bytes, &Silent)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn strings(table: &RawTable, row: usize) -> Vec<String> {
        table
            .row(row)
            .iter()
            .map(|cell| match cell {
                Data::String(s) => s.clone(),
                Data::Empty => String::new(),
                other => other.to_string(),
            })
            .collect()
    }

    const SURVEY: &str = "Structure;Avis;Note\nMission locale A;Très satisfait;4,5\nMission locale B;Plutôt satisfait, dans l'ensemble;3\n";

    #[test]
    fn utf8_with_and_without_bom() {
        for bytes in [
            SURVEY.as_bytes().to_vec(),
            [b"\xEF\xBB\xBF".as_slice(), SURVEY.as_bytes()].concat(),
        ] {
            let table = read_text("avis.csv", &bytes);
            assert_eq!(table.encoding, Some("utf-8"));
            assert_eq!(table.delimiter, Some(b';'));
            assert_eq!(
                strings(&table, 0),
                ["Structure", "Avis", "Note"],
                "BOM removed from the first cell"
            );
            assert_eq!(table.cell(1, 1), &Data::String("Très satisfait".into()));
        }
    }

    #[test]
    fn utf16_with_bom_either_way_and_without_bom() {
        let units: Vec<u16> = SURVEY.encode_utf16().collect();
        let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        let cases = [
            ([b"\xFF\xFE".as_slice(), &le].concat(), "utf-16le"),
            ([b"\xFE\xFF".as_slice(), &be].concat(), "utf-16be"),
            (le.clone(), "utf-16le"),
            (be.clone(), "utf-16be"),
        ];
        for (bytes, encoding) in cases {
            let table = read_text("avis.txt", &bytes);
            assert_eq!(table.encoding, Some(encoding));
            assert_eq!(strings(&table, 0), ["Structure", "Avis", "Note"]);
            assert_eq!(
                table.cell(2, 1),
                &Data::String("Plutôt satisfait, dans l'ensemble".into())
            );
        }
    }

    #[test]
    fn windows_1252_accents_and_euro() {
        let text = "Nom;Commentaire\nA;élève à l'œuvre\nB;coût 5 €\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let table = read_text("vieux.csv", &bytes);
        assert_eq!(table.encoding, Some("windows-1252"));
        assert_eq!(table.cell(1, 1), &Data::String("élève à l'œuvre".into()));
        assert_eq!(table.cell(2, 1), &Data::String("coût 5 €".into()));
    }

    #[test]
    fn a_stray_byte_in_utf8_is_replaced_not_mojibake() {
        let mut bytes = "Nom;Avis\nA;très bien\nB;déçu\nC;é".as_bytes().to_vec();
        bytes.push(0xE9);
        let table = read_text("mixte.csv", &bytes);
        assert_eq!(table.encoding, Some("utf-8"));
        assert_eq!(table.cell(1, 1), &Data::String("très bien".into()));
        assert!(
            table
                .warnings
                .iter()
                .any(|w| w.message.contains("remplacé"))
        );
    }

    #[test]
    fn each_delimiter_is_detected() {
        for delimiter in DELIMITERS {
            let d = char::from(delimiter);
            let text = format!("a{d}b{d}c\n1{d}2{d}3\n4{d}5{d}6\n");
            let table = read_text("x.csv", text.as_bytes());
            assert_eq!(table.delimiter, Some(delimiter), "{d:?}");
            assert_eq!(table.width(), 3);
            assert_eq!(table.cell(2, 2), &Data::Int(6));
        }
    }

    #[test]
    fn semicolons_win_over_decimal_commas_and_tabs_over_both() {
        let table = read_text("x.csv", b"Note;Poids\n3,5;1,25\n4,5;2,5\n");
        assert_eq!(table.delimiter, Some(b';'));
        let table = read_text("x.csv", b"1,5\t2,5\n3,5\t4,5\n");
        assert_eq!(table.delimiter, Some(b'\t'));
        assert_eq!(table.cell(0, 0), &Data::Float(1.5));
    }

    #[test]
    fn a_single_column_is_not_split_on_commas() {
        let table = read_text("avis.csv", "Avis\nOui, souvent\nNon\n".as_bytes());
        assert_eq!(table.width(), 1);
        assert_eq!(table.cell(1, 0), &Data::String("Oui, souvent".into()));
    }

    #[test]
    fn crlf_and_cr_line_endings() {
        for text in [
            "a,b\r\n1,2\r\n3,4\r\n",
            "a,b\r1,2\r3,4\r",
            "a,b\n1,2\r\n3,4",
        ] {
            let table = read_text("x.csv", text.as_bytes());
            assert_eq!((table.height(), table.width()), (3, 2), "{text:?}");
            assert_eq!(table.cell(2, 1), &Data::Int(4));
        }
    }

    #[test]
    fn quoted_fields_keep_delimiters_newlines_and_quotes() {
        let text = "id,avis\r\n1,\"Bien, merci\"\r\n2,\"Deux\r\nlignes\"\r\n3,\"Il a dit \"\"oui\"\"\"\r\n";
        let table = read_text("x.csv", text.as_bytes());
        assert_eq!(table.height(), 4);
        assert_eq!(table.cell(1, 1), &Data::String("Bien, merci".into()));
        assert_eq!(table.cell(2, 1), &Data::String("Deux\r\nlignes".into()));
        assert_eq!(table.cell(3, 1), &Data::String("Il a dit \"oui\"".into()));
        assert!(table.warnings.is_empty(), "{:?}", table.warnings);
    }

    #[test]
    fn decimal_commas_become_numbers_only_in_numeric_columns() {
        let text = "Note;Avis;Mixte;Poids\n3,5;Oui, souvent;2,5;1 234,5\n-0,25;Non;NSP;12\n4;Oui, parfois;1;\n";
        let table = read_text("x.csv", text.as_bytes());
        assert_eq!(table.cell(1, 0), &Data::Float(3.5));
        assert_eq!(table.cell(2, 0), &Data::Float(-0.25));
        assert_eq!(table.cell(3, 0), &Data::Int(4));
        assert_eq!(table.cell(1, 1), &Data::String("Oui, souvent".into()));
        assert_eq!(
            table.cell(1, 2),
            &Data::String("2,5".into()),
            "a column where only some cells are numbers stays text"
        );
        assert_eq!(table.cell(1, 3), &Data::Float(1234.5));
        assert_eq!(table.cell(0, 0), &Data::String("Note".into()));
    }

    #[test]
    fn dates_and_user_text_are_kept_as_written() {
        let table = read_text(
            "x.csv",
            "date,texte\n2013-10-02, espace devant \n02/10/2013,x\n".as_bytes(),
        );
        assert_eq!(table.cell(1, 0), &Data::String("2013-10-02".into()));
        assert_eq!(table.cell(1, 1), &Data::String(" espace devant ".into()));
    }

    #[test]
    fn ragged_rows_are_padded_with_a_warning_naming_them() {
        let text = "a;b;c\n1;2;3\n4;5\n6;7;8;9\n10;11;12;\n";
        let table = read_text("x.csv", text.as_bytes());
        assert_eq!((table.height(), table.width()), (5, 4));
        assert_eq!(table.cell(2, 2), &Data::Empty);
        assert_eq!(table.cell(3, 3), &Data::Int(9));
        assert_eq!(table.warnings.len(), 1, "{:?}", table.warnings);
        let message = &table.warnings[0].message;
        assert!(
            message.contains("ligne(s) 3 (2 champs), 4 (4 champs)"),
            "{message}"
        );
        assert!(
            !message.contains(" 5 ("),
            "a trailing empty field is not ragged: {message}"
        );
    }

    #[test]
    fn trailing_empty_rows_and_columns_are_dropped() {
        let table = read_text("x.csv", b"a;b;;\n1;2;;\n;;;\n;;;\n");
        assert_eq!((table.height(), table.width()), (2, 2));
    }

    #[test]
    fn a_stray_quote_is_repaired_with_a_warning() {
        let text = "id;avis;note\n1;\"bien;3\n2;moyen;2\n3;\"super\";4\n";
        let table = read_text("x.csv", text.as_bytes());
        assert_eq!(table.height(), 4);
        assert_eq!(table.cell(1, 1), &Data::String("\"bien".into()));
        assert_eq!(table.cell(1, 2), &Data::Int(3));
        assert_eq!(table.cell(2, 1), &Data::String("moyen".into()));
        assert_eq!(table.cell(3, 1), &Data::String("super".into()));
        assert_eq!(table.warnings[0].row, Some(2));
        assert!(table.warnings[0].message.starts_with("ligne 2 :"));
    }

    #[test]
    fn hopelessly_unbalanced_quotes_are_an_error() {
        let mut text = String::from("a;b\n");
        for i in 0..(MAX_QUOTE_REPAIRS + 2) {
            text.push_str(&format!("{i};\"x\n{i};y\"z\n"));
        }
        let err = read("x.csv", "csv", text.as_bytes(), &Silent).unwrap_err();
        assert!(matches!(err, ImportError::Malformed { .. }), "{err}");
        assert!(
            err.to_string()
                .starts_with("x.csv: guillemets déséquilibrés (dès la ligne 2)"),
            "{err}"
        );
    }

    #[test]
    fn a_million_columns_are_refused_while_scanning() {
        let mut text = String::from("a,b\n");
        text.push_str(&",".repeat(1_000_000));
        let err = read("large.csv", "csv", text.as_bytes(), &Silent).unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("la ligne 2 a plus de 16"), "{err}");
    }

    #[test]
    fn a_single_huge_line_is_refused_whatever_its_delimiter() {
        for delimiter in [";", ",", "\t"] {
            let text = format!("x{delimiter}").repeat(200_000);
            let err = read("une_ligne.csv", "csv", text.as_bytes(), &Silent).unwrap_err();
            assert!(
                matches!(err, ImportError::TooLarge { .. }),
                "{delimiter:?}: {err}"
            );
        }
    }

    #[test]
    fn a_comma_in_the_header_of_a_single_column_does_not_split_it() {
        let table = read_text(
            "avis.csv",
            "Avis, remarques\nTrès bien\nÀ revoir\n".as_bytes(),
        );
        assert_eq!(table.width(), 1);
        assert_eq!(table.cell(0, 0), &Data::String("Avis, remarques".into()));
    }

    #[test]
    fn empty_and_whitespace_files_are_empty() {
        for bytes in [
            b"".as_slice(),
            b"   \n\r\n\t",
            b"\xEF\xBB\xBF",
            b"\xEF\xBB\xBF\n",
            b"\xFF\xFE",
            b";;;\n;;\n",
        ] {
            let err = read("vide.csv", "csv", bytes, &Silent).unwrap_err();
            assert!(matches!(err, ImportError::Empty { .. }), "{bytes:?}: {err}");
        }
    }
}
