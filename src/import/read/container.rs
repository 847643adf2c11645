//! Zip-based workbooks (xlsx, xlsm, xlsb, ods) before calamine opens them: which format the
//! archive holds (or that it holds none: a `.docx` renamed `.xlsx` is refused as the Word
//! document it is), and whether it is safe to decompress.
//!
//! The zip bomb check sums the uncompressed sizes declared in the central directory. Declared
//! sizes can lie, but the `zip` crate (9.x, the version calamine uses too) stops any entry
//! read through `ZipArchive` with an error as soon as it produces more bytes than declared
//! (see `Crc32Reader::with_size_limit` in zip's `crc32.rs`), so a lie makes the read fail
//! rather than grow: checking the declared sizes is enough, and
//! `a_zip_entry_larger_than_declared_fails_instead_of_growing` guards it.
//!
//! An ods file also gets its `content.xml` walked before calamine loads it, because
//! calamine expands repeated rows, columns and spaces (`table:number-rows-repeated`,
//! `text:s text:c`) in memory for all sheets at once: a few kilobytes could ask for
//! gigabytes.

use std::io::{BufReader, Read, Seek};

use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;
use zip::result::ZipError;

use super::workbook::Kind;
use super::{
    MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_TEXT_BYTES, MAX_UNZIPPED_BYTES, MAX_UNZIPPED_ENTRY_BYTES,
    MAX_WORKBOOK_CELLS, MAX_ZIP_RATIO, check_cancelled, french_count, human_bytes,
};
use crate::import::error::parser_detail;
use crate::model::{Foreign, ImportError};
use crate::progress::Progress;

/// What is said of a zip archive that cannot be opened.
pub(super) const DAMAGED: &str = "le fichier semble tronqué ou endommagé";

/// Opens the archive's central directory: refuses bombs and encrypted entries, and tells
/// which workbook format it holds, or what the archive is when it holds none (a Word
/// document, a presentation, an OpenDocument text, any other zip).
pub(super) fn inspect_zip<R: Read + Seek>(file: &str, reader: R) -> Result<Kind, ImportError> {
    let mut archive = ZipArchive::new(reader).map_err(|e| zip_error(file, &e))?;
    let mut total = 0u64;
    let (mut xlsx, mut xlsb, mut ods) = (false, false, false);
    let mut other_office: Option<Foreign> = None;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_data(index)
            .map_err(|e| zip_error(file, &e))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        if entry.encrypted() {
            return Err(ImportError::Encrypted {
                file: file.to_owned(),
            });
        }
        let size = entry.size();
        let compressed = entry.compressed_size().max(1);
        if size > MAX_UNZIPPED_ENTRY_BYTES && size / compressed > MAX_ZIP_RATIO {
            return Err(ImportError::TooLarge {
                file: file.to_owned(),
                problem: format!(
                    "« {name} » se décompresse de {} en {} (taux {}:1) ; une telle archive est piégée (« bombe zip ») et n'est pas ouverte",
                    human_bytes(compressed),
                    human_bytes(size),
                    size / compressed
                ),
            });
        }
        total = total.saturating_add(size);
        match name.as_str() {
            "xl/workbook.xml" => xlsx = true,
            "xl/workbook.bin" => xlsb = true,
            "content.xml" | "mimetype" => ods = true,
            "word/document.xml" => other_office = Some(Foreign::Word),
            "ppt/presentation.xml" => other_office = Some(Foreign::PowerPoint),
            _ => {}
        }
    }
    if total > MAX_UNZIPPED_BYTES {
        return Err(ImportError::TooLarge {
            file: file.to_owned(),
            problem: format!(
                "le classeur se décompresse en {} ; au-delà de {} il n'est pas ouvert",
                human_bytes(total),
                human_bytes(MAX_UNZIPPED_BYTES)
            ),
        });
    }
    match (xlsx, xlsb, ods) {
        (true, _, _) => Ok(Kind::Xlsx),
        (_, true, _) => Ok(Kind::Xlsb),
        (_, _, true) if opendocument_but_not_a_spreadsheet(&mut archive) => {
            Err(ImportError::NotASurvey {
                file: file.to_owned(),
                found: Foreign::OpenDocument,
            })
        }
        (_, _, true) => Ok(Kind::Ods),
        _ => Err(ImportError::NotASurvey {
            file: file.to_owned(),
            found: other_office.unwrap_or(Foreign::Zip),
        }),
    }
}

/// Whether the archive's `mimetype` names an OpenDocument file other than a spreadsheet (a
/// text, a presentation). calamine would read such a file as a damaged spreadsheet, since it
/// expects the spreadsheet's type, byte for byte; a missing or unreadable `mimetype` is left
/// to calamine.
fn opendocument_but_not_a_spreadsheet<R: Read + Seek>(archive: &mut ZipArchive<R>) -> bool {
    let Ok(entry) = archive.by_name("mimetype") else {
        return false;
    };
    // A media type is a few dozen bytes; more is not one.
    let mut mimetype = Vec::with_capacity(80);
    if entry.take(80).read_to_end(&mut mimetype).is_err() {
        return false;
    }
    let mimetype = String::from_utf8_lossy(&mimetype);
    let mimetype = mimetype.trim();
    mimetype.starts_with("application/vnd.oasis.opendocument.")
        && !mimetype.starts_with("application/vnd.oasis.opendocument.spreadsheet")
}

/// The message for an archive the `zip` crate cannot read.
pub(super) fn zip_error(file: &str, error: &ZipError) -> ImportError {
    match error {
        ZipError::UnsupportedArchive(what) if what.contains("assword") => ImportError::Encrypted {
            file: file.to_owned(),
        },
        _ => ImportError::malformed(file, format!("{DAMAGED} ({})", parser_detail(error))),
    }
}

/// Sizes gathered while walking one `table:table` of an ods `content.xml`, mirroring how
/// calamine lays the table out (rows and columns capped as it caps them).
#[derive(Default)]
struct OdsTable {
    rows: u64,
    /// 1 + last row holding a value, repeats included.
    used_rows: u64,
    /// 1 + last column holding a value.
    used_cols: u64,
}

#[derive(Default)]
struct OdsRow {
    repeat: u64,
    col: u64,
    used_cols: u64,
    text_bytes: u64,
}

#[derive(Default)]
struct OdsCell {
    repeat: u64,
    has_value: bool,
    text_bytes: u64,
}

/// The walk through an ods `content.xml`.
#[derive(Default)]
struct OdsWalk {
    table: OdsTable,
    row: Option<OdsRow>,
    cell: Option<OdsCell>,
    /// Cells of the tables already finished.
    done_cells: u64,
    text_bytes: u64,
}

impl OdsWalk {
    fn start(&mut self, e: &BytesStart<'_>) {
        match e.name().as_ref() {
            "table:table" => self.table = OdsTable::default(),
            "table:table-row" => {
                let repeat = count_attr(e, "table:number-rows-repeated")
                    .min((MAX_ROWS as u64).saturating_sub(self.table.rows));
                self.row = Some(OdsRow {
                    repeat,
                    ..OdsRow::default()
                });
            }
            "table:table-cell" | "table:covered-table-cell" => {
                if let Some(row) = &self.row {
                    let repeat = count_attr(e, "table:number-columns-repeated")
                        .min((MAX_COLUMNS as u64).saturating_sub(row.col));
                    self.cell = Some(OdsCell {
                        repeat,
                        has_value: has_value(e),
                        text_bytes: 0,
                    });
                }
            }
            // calamine writes `text:c` spaces for one `text:s`.
            "text:s" => self.add_text(count_attr(e, "text:c")),
            // Paragraphs, tabs and line breaks add a character.
            _ => self.add_text(1),
        }
    }

    fn add_text(&mut self, bytes: u64) {
        if let Some(cell) = &mut self.cell {
            cell.text_bytes = cell.text_bytes.saturating_add(bytes);
        }
    }

    fn end(&mut self, file: &str, name: &str) -> Result<(), ImportError> {
        match name {
            "table:table-cell" | "table:covered-table-cell" => {
                if let (Some(cell), Some(row)) = (self.cell.take(), &mut self.row) {
                    if cell.has_value {
                        row.used_cols = row.col + cell.repeat;
                        row.text_bytes = row
                            .text_bytes
                            .saturating_add(cell.text_bytes.saturating_mul(cell.repeat));
                    }
                    row.col += cell.repeat;
                }
            }
            "table:table-row" => {
                if let Some(row) = self.row.take() {
                    if row.used_cols > 0 {
                        self.table.used_rows = self.table.rows + row.repeat;
                        self.table.used_cols = self.table.used_cols.max(row.used_cols);
                        self.text_bytes = self
                            .text_bytes
                            .saturating_add(row.text_bytes.saturating_mul(row.repeat));
                        if self.text_bytes > MAX_TEXT_BYTES {
                            return Err(too_much_text(file, self.text_bytes));
                        }
                    }
                    self.table.rows = (self.table.rows + row.repeat).min(MAX_ROWS as u64);
                    // Check as rows come: a sheet can be refused long before it ends.
                    check_table(file, &self.table, self.done_cells)?;
                }
            }
            "table:table" => {
                let cells = self.table.used_rows.saturating_mul(self.table.used_cols);
                self.done_cells = self.done_cells.saturating_add(cells);
                self.table = OdsTable::default();
            }
            _ => {}
        }
        Ok(())
    }
}

/// Walks an ods `content.xml` and refuses it when calamine would build more than
/// [`MAX_CELLS`] cells for a sheet, [`MAX_WORKBOOK_CELLS`] in all, or more than
/// [`MAX_TEXT_BYTES`] of text once repeats are expanded.
pub(super) fn check_ods_content<R: Read + Seek>(
    file: &str,
    reader: R,
    progress: &dyn Progress,
) -> Result<(), ImportError> {
    let mut archive = ZipArchive::new(reader).map_err(|e| zip_error(file, &e))?;
    let content = match archive.by_name("content.xml") {
        Ok(content) => content,
        // calamine says what is missing.
        Err(ZipError::FileNotFound) => return Ok(()),
        Err(e) => return Err(zip_error(file, &e)),
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);

    let mut buf = Vec::with_capacity(1024);
    let mut walk = OdsWalk::default();
    let mut events = 0u64;
    loop {
        events += 1;
        if events.is_multiple_of(65_536) {
            check_cancelled(file, progress)?;
            progress.report(0.02, "Lecture du classeur");
        }
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(|e| {
            ImportError::malformed(
                file,
                format!(
                    "le contenu du classeur est endommagé ({})",
                    parser_detail(e)
                ),
            )
        })?;
        match &event {
            Event::Start(e) => walk.start(e),
            Event::Empty(e) => {
                walk.start(e);
                walk.end(file, e.name().as_ref())?;
            }
            Event::End(e) => walk.end(file, e.name().as_ref())?,
            Event::Text(t) => walk.add_text(t.len() as u64),
            Event::CData(t) => walk.add_text(t.len() as u64),
            Event::GeneralRef(t) => walk.add_text(t.len() as u64 + 2),
            Event::Eof => break,
            _ => {}
        }
    }
    check_table(file, &OdsTable::default(), walk.done_cells)
}

fn check_table(file: &str, table: &OdsTable, earlier_cells: u64) -> Result<(), ImportError> {
    let cells = table.used_rows.saturating_mul(table.used_cols);
    if cells > MAX_CELLS as u64 || earlier_cells.saturating_add(cells) > MAX_WORKBOOK_CELLS as u64 {
        let rows = usize::try_from(table.used_rows).unwrap_or(usize::MAX);
        let cols = usize::try_from(table.used_cols).unwrap_or(usize::MAX);
        return Err(ImportError::TooLarge {
            file: file.to_owned(),
            problem: format!(
                "le classeur déplierait trop de cellules ({} lignes × {} colonnes ; maximum {} cellules par feuille, {} en tout)",
                french_count(rows),
                french_count(cols),
                french_count(MAX_CELLS),
                french_count(MAX_WORKBOOK_CELLS)
            ),
        });
    }
    Ok(())
}

pub(super) fn too_much_text(file: &str, bytes: u64) -> ImportError {
    ImportError::TooLarge {
        file: file.to_owned(),
        problem: format!(
            "les cellules contiendraient plus de {} de texte une fois dépliées ({} au moins)",
            human_bytes(MAX_TEXT_BYTES),
            human_bytes(bytes)
        ),
    }
}

/// A cell calamine keeps: one with a value, a value type or a formula.
fn has_value(e: &BytesStart<'_>) -> bool {
    e.attributes().flatten().any(|attr| {
        matches!(
            attr.key.as_ref(),
            "office:value-type"
                | "office:value"
                | "office:string-value"
                | "office:date-value"
                | "office:time-value"
                | "office:boolean-value"
                | "table:formula"
        )
    })
}

/// A repeat count attribute, 1 when absent or unreadable (calamine then reports the error).
fn count_attr(e: &BytesStart<'_>, name: &str) -> u64 {
    e.attributes()
        .flatten()
        .find(|attr| attr.key.as_ref() == name)
        .and_then(|attr| attr.value.trim().parse().ok())
        .unwrap_or(1)
}
