//! Workbooks through calamine: xlsx, xlsm, xlsb, xls and ods.
//!
//! Cells keep calamine's types (numbers, text, booleans, dates with the 1900/1904 system
//! resolved, errors). For xlsx and xlsb the sheet is streamed cell by cell through calamine's
//! cell readers, which is what calamine's own `worksheet_range` does, with the limits checked
//! on each cell (column past XFD, too many cells, too much text) before anything is
//! allocated for it. xls and ods are loaded whole by calamine, so they are checked before
//! opening ([`super::ole`], [`super::container`]).
//!
//! calamine has panicking paths on damaged input (slice indexing, arithmetic overflow in
//! debug builds), so all of it runs under `catch_unwind`; a panic becomes a "damaged file"
//! error instead of taking the application down.
//!
//! The table always starts at A1 (row 0 is the sheet's first row), even when calamine's range
//! starts further down or right.

use std::io::{Read, Seek};
use std::panic::AssertUnwindSafe;

use calamine::{
    Cell, Data, DataRef, Dimensions, Ods, OdsError, Range, Reader, Sheet, SheetType, SheetVisible,
    Xls, XlsError, Xlsb, XlsbError, Xlsx, XlsxError,
};

use super::container::{DAMAGED, too_much_text, zip_error};
use super::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_TEXT_BYTES, check_cancelled, french_count};
use crate::import::error::parser_detail;
use crate::model::{FileFormat, Foreign, ImportError, RawTable};
use crate::progress::Progress;

/// Cells reserved up front from a sheet's declared dimensions, at most (dimensions can lie).
const MAX_RESERVED_CELLS: u64 = 4_000_000;

/// The workbook formats calamine reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// xlsx or xlsm.
    Xlsx,
    /// Excel binary workbook.
    Xlsb,
    /// Legacy Excel.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
}

impl Kind {
    fn format(self) -> FileFormat {
        match self {
            Kind::Xlsx => FileFormat::Xlsx,
            Kind::Xlsb => FileFormat::Xlsb,
            Kind::Xls => FileFormat::Xls,
            Kind::Ods => FileFormat::Ods,
        }
    }
}

/// Reads one sheet of a workbook: `sheet` by name or position, or the first with data.
pub(super) fn read<R: Read + Seek>(
    file: &str,
    kind: Kind,
    reader: R,
    sheet: Option<&str>,
    progress: &dyn Progress,
) -> Result<RawTable, ImportError> {
    let work = || {
        progress.report(0.05, "Lecture du classeur");
        let mut book = Book::open(file, kind, reader)?;
        check_cancelled(file, progress)?;
        progress.report(0.2, "Lecture du classeur");
        let sheets = book.sheet_names();
        if sheets.is_empty() {
            return Err(ImportError::malformed(
                file,
                "le classeur ne contient aucune feuille",
            ));
        }
        let (name, cells) = match sheet {
            Some(wanted) => {
                let index = pick_sheet(file, &sheets, wanted)?;
                let name = sheets[index].clone();
                let cells = book.range(file, &name, progress)?;
                (name, cells)
            }
            None => first_sheet_with_data(file, &mut book, progress)?,
        };
        progress.report(1.0, "Lecture du classeur");
        Ok(RawTable {
            file_name: file.to_owned(),
            format: kind.format(),
            encoding: None,
            delimiter: None,
            sheets,
            sheet: Some(name),
            cells,
            warnings: Vec::new(),
        })
    };
    std::panic::catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(ImportError::malformed(
            file,
            format!("{DAMAGED} (le lecteur de classeurs a rencontré une incohérence)"),
        ))
    })
}

/// The first visible worksheet holding data; hidden sheets (lookup lists, settings) only
/// when no visible one has any.
fn first_sheet_with_data<R: Read + Seek>(
    file: &str,
    book: &mut Book<R>,
    progress: &dyn Progress,
) -> Result<(String, Range<Data>), ImportError> {
    let (visible, hidden): (Vec<Sheet>, Vec<Sheet>) = book
        .sheets()
        .into_iter()
        .filter(|sheet| sheet.typ != SheetType::ChartSheet)
        .partition(|sheet| {
            sheet.visible == SheetVisible::Visible && sheet.typ == SheetType::WorkSheet
        });
    for sheet in visible.iter().chain(&hidden) {
        check_cancelled(file, progress)?;
        let cells = book.range(file, &sheet.name, progress)?;
        if cells.used_cells().any(|(_, _, value)| !is_blank(value)) {
            return Ok((sheet.name.clone(), cells));
        }
    }
    Err(ImportError::Empty {
        file: file.to_owned(),
    })
}

fn is_blank(value: &Data) -> bool {
    match value {
        Data::Empty => true,
        Data::String(text) => text.trim().is_empty(),
        _ => false,
    }
}

/// The sheet asked for: exact name, then name ignoring case and surrounding spaces, then
/// 1-based position.
fn pick_sheet(file: &str, sheets: &[String], wanted: &str) -> Result<usize, ImportError> {
    if let Some(index) = sheets.iter().position(|s| s == wanted) {
        return Ok(index);
    }
    let folded = wanted.trim().to_lowercase();
    let matching: Vec<usize> = (0..sheets.len())
        .filter(|&i| sheets[i].trim().to_lowercase() == folded)
        .collect();
    if let [index] = matching.as_slice() {
        return Ok(*index);
    }
    if let Ok(position) = wanted.trim().parse::<usize>()
        && (1..=sheets.len()).contains(&position)
    {
        return Ok(position - 1);
    }
    Err(ImportError::NoSuchSheet {
        file: file.to_owned(),
        sheet: wanted.to_owned(),
        available: sheets.join(", "),
    })
}

/// An open workbook of any kind.
enum Book<R> {
    Xlsx(Xlsx<R>),
    Xlsb(Xlsb<R>),
    Xls(Xls<R>),
    Ods(Ods<R>),
}

impl<R: Read + Seek> Book<R> {
    fn open(file: &str, kind: Kind, reader: R) -> Result<Self, ImportError> {
        Ok(match kind {
            Kind::Xlsx => Book::Xlsx(Xlsx::new(reader).map_err(|e| xlsx_error(file, e))?),
            Kind::Xlsb => Book::Xlsb(Xlsb::new(reader).map_err(|e| xlsb_error(file, e))?),
            Kind::Xls => Book::Xls(Xls::new(reader).map_err(|e| xls_error(file, e))?),
            Kind::Ods => Book::Ods(Ods::new(reader).map_err(|e| ods_error(file, e))?),
        })
    }

    fn sheet_names(&self) -> Vec<String> {
        self.sheets().into_iter().map(|sheet| sheet.name).collect()
    }

    fn sheets(&self) -> Vec<Sheet> {
        match self {
            Book::Xlsx(book) => book.sheets_metadata().to_vec(),
            Book::Xlsb(book) => book.sheets_metadata().to_vec(),
            Book::Xls(book) => book.sheets_metadata().to_vec(),
            Book::Ods(book) => book.sheets_metadata().to_vec(),
        }
    }

    /// The cells of one sheet, starting at A1.
    fn range(
        &mut self,
        file: &str,
        sheet: &str,
        progress: &dyn Progress,
    ) -> Result<Range<Data>, ImportError> {
        progress.report(0.25, &format!("Lecture de la feuille « {sheet} »"));
        match self {
            Book::Xlsx(book) => match book.worksheet_cells_reader(sheet) {
                Ok(mut cells) => {
                    let declared = cells.dimensions();
                    stream_cells(
                        file,
                        sheet,
                        declared,
                        || cells.next_cell(),
                        |e| xlsx_error(file, e),
                        progress,
                    )
                }
                // A chart sheet: no cells.
                Err(XlsxError::NotAWorksheet(_)) => Ok(Range::empty()),
                Err(e) => Err(xlsx_error(file, e)),
            },
            Book::Xlsb(book) => {
                let mut cells = book
                    .worksheet_cells_reader(sheet)
                    .map_err(|e| xlsb_error(file, e))?;
                let declared = cells.dimensions();
                stream_cells(
                    file,
                    sheet,
                    declared,
                    || cells.next_cell(),
                    |e| xlsb_error(file, e),
                    progress,
                )
            }
            Book::Xls(book) => book
                .worksheet_range(sheet)
                .map(from_a1)
                .map_err(|e| xls_error(file, e)),
            Book::Ods(book) => book
                .worksheet_range(sheet)
                .map(from_a1)
                .map_err(|e| ods_error(file, e)),
        }
    }
}

/// Cells handed from the reading thread to the laying-out thread at a time.
const BATCH: usize = 16_384;

/// Builds a sheet's table from calamine's cell stream, refusing it as soon as a cell lies
/// past Excel's limits or the table would exceed [`MAX_CELLS`] or [`MAX_TEXT_BYTES`].
///
/// Two threads share the work: this one parses the XML and checks the limits, and a second
/// one copies each cell's text and puts the cell in its place ([`Placement`]), batch by batch,
/// while the next batch is parsed. Should the second thread not start, this one does both.
fn stream_cells<'a, E>(
    file: &str,
    sheet: &str,
    declared: Dimensions,
    mut next: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, E>,
    error: impl Fn(E) -> ImportError,
    progress: &dyn Progress,
) -> Result<Range<Data>, ImportError> {
    let declared_rows = u64::from(declared.end.0) + 1;
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Cell<DataRef<'a>>>>(4);
        let placer = std::thread::Builder::new()
            .name("atelier-cellules".to_owned())
            .spawn_scoped(scope, move || {
                let mut layout = Placement::new(declared);
                for batch in receive {
                    layout.place(batch);
                }
                layout
            });
        let (mut inline, send) = match placer {
            Ok(_) => (None, Some(send)),
            Err(_) => (Some(Placement::new(declared)), None),
        };
        let mut batch = Vec::with_capacity(BATCH);
        let mut hand_over = |batch: Vec<Cell<DataRef<'a>>>| match (&mut inline, &send) {
            (Some(layout), _) => layout.place(batch),
            // The laying-out thread only stops early by panicking: `join` reports it below.
            (None, Some(send)) => drop(send.send(batch)),
            (None, None) => {}
        };
        let (mut max_row, mut max_col) = (0usize, 0usize);
        let mut text_bytes = 0u64;
        let mut count = 0usize;
        let read = loop {
            let cell = match next().map_err(&error) {
                Ok(Some(cell)) => cell,
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            };
            let text_len = match cell.get_value() {
                DataRef::Empty => continue,
                DataRef::SharedString(text) => text.len(),
                DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
                    text.len()
                }
                _ => 0,
            };
            let (row, col) = cell.get_position();
            let (row, col) = (row as usize, col as usize);
            if col >= MAX_COLUMNS || row >= MAX_ROWS {
                break Err(ImportError::TooLarge {
                    file: file.to_owned(),
                    problem: format!(
                        "la feuille « {sheet} » a des cellules au-delà de la limite d'Excel ({} lignes, {} colonnes)",
                        french_count(MAX_ROWS),
                        french_count(MAX_COLUMNS)
                    ),
                });
            }
            if row > max_row || col > max_col {
                max_row = max_row.max(row);
                max_col = max_col.max(col);
                if (max_row + 1) * (max_col + 1) > MAX_CELLS {
                    break Err(super::text::too_many_cells_error(
                        file,
                        max_row + 1,
                        max_col + 1,
                    ));
                }
            }
            text_bytes += text_len as u64;
            if text_bytes > MAX_TEXT_BYTES {
                break Err(too_much_text(file, text_bytes));
            }
            count += 1;
            if count > MAX_CELLS {
                break Err(super::text::too_many_cells_error(
                    file,
                    max_row + 1,
                    max_col + 1,
                ));
            }
            batch.push(cell);
            if batch.len() == BATCH {
                hand_over(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                if count.is_multiple_of(4 * BATCH) {
                    if let Err(e) = check_cancelled(file, progress) {
                        break Err(e);
                    }
                    let done = (row as f32 + 1.0) / declared_rows as f32;
                    progress.report(
                        0.25 + 0.7 * done.min(1.0),
                        &format!("Lecture de la feuille « {sheet} »"),
                    );
                }
            }
        };
        if read.is_ok() {
            hand_over(batch);
        }
        drop(send);
        let layout = match (inline, placer) {
            (Some(layout), _) => layout,
            (None, Ok(placer)) => placer.join().map_err(|_| {
                ImportError::malformed(
                    file,
                    format!("{DAMAGED} (la mise en table des cellules a échoué)"),
                )
            })?,
            (None, Err(_)) => unreachable!("without a thread, cells are laid out inline"),
        };
        read?;
        Ok(if count == 0 {
            Range::empty()
        } else {
            layout.finish(max_row, max_col)
        })
    })
}

/// A sheet's cells put in their place as they come, in a table the size the sheet declares
/// (its `<dimension>`), so each cell is written once, in reading order (calamine's own
/// `worksheet_range` collects them in a list first and lays them out after). Cells outside
/// the declared size (dimensions can lie, or be missing) are kept apart and the table laid
/// out again at the end.
struct Placement {
    table: Range<Data>,
    outside: Vec<((usize, usize), Data)>,
}

impl Placement {
    fn new(declared: Dimensions) -> Placement {
        let rows = u64::from(declared.end.0) + 1;
        let cols = u64::from(declared.end.1) + 1;
        let table = if rows * cols <= MAX_RESERVED_CELLS {
            Range::new((0, 0), declared.end)
        } else {
            Range::empty()
        };
        Placement {
            table,
            outside: Vec::new(),
        }
    }

    /// Copy the cells' texts and put them in place.
    fn place(&mut self, cells: Vec<Cell<DataRef<'_>>>) {
        let (height, width) = self.table.get_size();
        for cell in cells {
            let (row, col) = cell.get_position();
            let (row, col) = (row as usize, col as usize);
            let value = Data::from(cell.get_value().clone());
            if row < height && col < width {
                self.table[(row, col)] = value;
            } else {
                self.outside.push(((row, col), value));
            }
        }
    }

    /// The table from A1 to the last cell holding anything (`max_row`, `max_col`).
    fn finish(mut self, max_row: usize, max_col: usize) -> Range<Data> {
        let (height, width) = self.table.get_size();
        if self.outside.is_empty() && (max_row + 1, max_col + 1) == (height, width) {
            return self.table;
        }
        // Both fit in u32: checked against MAX_ROWS and MAX_COLUMNS while reading.
        let mut sized: Range<Data> = Range::new((0, 0), (max_row as u32, max_col as u32));
        let keep = width.min(max_col + 1);
        for row in 0..height.min(max_row + 1) {
            for (to, from) in sized[row]
                .iter_mut()
                .zip(self.table[row][..keep].iter_mut())
            {
                *to = std::mem::take(from);
            }
        }
        drop(self.table);
        for (position, value) in self.outside {
            sized[position] = value;
        }
        sized
    }
}

/// Moves a range that does not start at A1 into one that does (xls and ods ranges start at
/// their first used cell).
fn from_a1(mut range: Range<Data>) -> Range<Data> {
    let (Some((top, left)), Some(end)) = (range.start(), range.end()) else {
        return range;
    };
    if (top, left) == (0, 0) {
        return range;
    }
    let (top, left) = (top as usize, left as usize);
    let width = range.width();
    let mut moved: Range<Data> = Range::new((0, 0), end);
    for row in 0..range.height() {
        let target = &mut moved[top + row][left..left + width];
        for (to, from) in target.iter_mut().zip(range[row].iter_mut()) {
            *to = std::mem::take(from);
        }
    }
    moved
}

fn damaged(file: &str, detail: impl std::fmt::Display) -> ImportError {
    ImportError::malformed(file, format!("{DAMAGED} ({})", parser_detail(detail)))
}

fn unsupported(file: &str, detail: impl std::fmt::Display) -> ImportError {
    ImportError::malformed(
        file,
        format!(
            "le classeur est endommagé ou d'un type non pris en charge ({})",
            parser_detail(detail)
        ),
    )
}

fn xlsx_error(file: &str, error: XlsxError) -> ImportError {
    match error {
        XlsxError::Zip(e) => zip_error(file, &e),
        XlsxError::Io(e) => damaged(file, e),
        XlsxError::Xml(quick_xml::Error::Io(e)) => damaged(file, e),
        e => unsupported(file, e),
    }
}

fn xlsb_error(file: &str, error: XlsbError) -> ImportError {
    match error {
        XlsbError::Zip(e) => zip_error(file, &e),
        XlsbError::Io(e) => damaged(file, e),
        XlsbError::Xml(quick_xml::Error::Io(e)) => damaged(file, e),
        e => unsupported(file, e),
    }
}

fn xls_error(file: &str, error: XlsError) -> ImportError {
    match error {
        XlsError::Password => ImportError::Encrypted {
            file: file.to_owned(),
        },
        XlsError::Io(e) => damaged(file, e),
        e => unsupported(file, e),
    }
}

fn ods_error(file: &str, error: OdsError) -> ImportError {
    match error {
        OdsError::Password => ImportError::Encrypted {
            file: file.to_owned(),
        },
        OdsError::Zip(e) => zip_error(file, &e),
        OdsError::Io(e) => damaged(file, e),
        OdsError::Xml(quick_xml::Error::Io(e)) => damaged(file, e),
        OdsError::InvalidMime(_) => ImportError::NotASurvey {
            file: file.to_owned(),
            found: Foreign::OpenDocument,
        },
        OdsError::CellLimitExceeded { requested, max } => ImportError::TooLarge {
            file: file.to_owned(),
            problem: format!(
                "le classeur déplierait {} cellules (maximum {})",
                french_count(requested),
                french_count(max)
            ),
        },
        e => unsupported(file, e),
    }
}
