//! The raw table: what any reader makes of a file before anything is understood.
//!
//! Readers (spreadsheets through calamine, delimited text through `csv`) all produce a
//! [`RawTable`]: a rectangle of typed cells, header rows included, plus what was learnt
//! about the file on the way (format, encoding, delimiter, sheets) and any warnings.
//! Layout detection and question inference work on this type only.

use calamine::{Data, Range};
use serde::{Deserialize, Serialize};

use super::Warning;

/// The container format a file was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileFormat {
    /// Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Legacy Excel workbook (`.xls`).
    Xls,
    /// Excel binary workbook (`.xlsb`).
    Xlsb,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
    /// Delimited text (`.csv`, `.tsv`, `.txt`).
    Delimited,
}

impl FileFormat {
    /// A short lowercase name, as shown to the user.
    pub fn name(self) -> &'static str {
        match self {
            FileFormat::Xlsx => "xlsx",
            FileFormat::Xls => "xls",
            FileFormat::Xlsb => "xlsb",
            FileFormat::Ods => "ods",
            FileFormat::Delimited => "csv",
        }
    }
}

/// A file read into typed cells, before any interpretation.
#[derive(Clone, Debug)]
pub struct RawTable {
    /// The file's name (no directory), used in every message about it.
    pub file_name: String,
    /// How the file was read.
    pub format: FileFormat,
    /// The text encoding detected for delimited files (`utf-8`, `utf-16le`, `utf-16be`,
    /// `windows-1252`); `None` for spreadsheets.
    pub encoding: Option<&'static str>,
    /// The field delimiter detected for delimited files.
    pub delimiter: Option<u8>,
    /// Every sheet of a workbook, in workbook order (empty for delimited files).
    pub sheets: Vec<String>,
    /// The sheet that was read.
    pub sheet: Option<String>,
    /// All rows of the sheet or file, header rows included; row 0 is the file's first row.
    pub cells: Range<Data>,
    /// Problems met while reading that did not stop the read.
    pub warnings: Vec<Warning>,
}

impl RawTable {
    /// Number of rows, header rows included.
    pub fn height(&self) -> usize {
        self.cells.height()
    }

    /// Number of columns.
    pub fn width(&self) -> usize {
        self.cells.width()
    }

    /// The cells of one row (`row < height()`).
    pub fn row(&self, row: usize) -> &[Data] {
        &self.cells[row]
    }

    /// One cell, or `Empty` outside the table.
    pub fn cell(&self, row: usize, col: usize) -> &Data {
        self.cells.get((row, col)).unwrap_or(&Data::Empty)
    }
}
