//! Readers: any file to a [`RawTable`] of typed cells, header rows included.
//!
//! The content decides the format, not the name: a zip holding `xl/workbook.xml` is read as
//! xlsx even when it is called `.csv`, an OLE2 compound file as xls, anything else as
//! delimited text. The extension only adds a warning when it disagrees with the content.
//! A file whose first bytes say it is something else (a PDF, an image, a web page, an RTF
//! document: see [`Foreign`]) is refused with one line saying what it is, even when those
//! bytes are plain text that the delimited-text reader would otherwise make a table of.
//!
//! Files come from people, not from us, so every reader is hardened against damaged and
//! hostile input before the parser sees it: sizes, zip ratios, column and cell counts and the
//! total amount of cell text are bounded (see the `MAX_*` constants), and calamine runs behind
//! a panic guard. A file that cannot be read gives one [`ImportError`] line naming the file;
//! a file that can be read despite problems gives a table with warnings.
//!
//! - `text` reads delimited text: `encoding` decodes it, `scan` sizes it and finds stray
//!   quotes, `cell` types its fields;
//! - `workbook` reads spreadsheets through calamine, after `container` (zip: format, zip
//!   bombs, ods repeats) or `ole` and `biff` (xls, encrypted workbooks) have vetted them.

mod biff;
mod cell;
mod container;
mod encoding;
#[cfg(test)]
mod fixtures;
mod ole;
mod scan;
mod text;
mod workbook;

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::Path;

use crate::model::Warning;
use crate::model::{FileFormat, Foreign, ImportError, RawTable};
use crate::progress::Progress;

/// Largest file accepted at all (2 GiB).
pub const MAX_FILE_BYTES: u64 = 2 << 30;
/// Largest total declared uncompressed size of a zip-based workbook (1 GiB).
pub const MAX_UNZIPPED_BYTES: u64 = 1 << 30;
/// Zip entries larger than [`MAX_UNZIPPED_ENTRY_BYTES`] must not compress better than this.
pub const MAX_ZIP_RATIO: u64 = 200;
/// Size above which an entry's compression ratio is checked (50 MiB).
pub const MAX_UNZIPPED_ENTRY_BYTES: u64 = 50 << 20;
/// Most columns in a sheet or file, as in Excel (A to XFD).
pub const MAX_COLUMNS: usize = 16_384;
/// Most rows in a sheet, as in Excel.
pub const MAX_ROWS: usize = 1_048_576;
/// Most cells in the table read (rows × columns); 25 million cells take about 800 MB.
pub const MAX_CELLS: usize = 25_000_000;
/// Most cells held at once over all sheets of an xls or ods workbook, which calamine loads
/// whole.
pub const MAX_WORKBOOK_CELLS: usize = 2 * MAX_CELLS;
/// Most bytes of cell text, counting each copy of a shared or repeated string (1 GiB).
pub const MAX_TEXT_BYTES: u64 = 1 << 30;

/// Reads the file at `path` into a [`RawTable`].
///
/// `sheet` picks a workbook sheet by name (exact, then ignoring case) or by 1-based position;
/// without it the first sheet holding data is read. Delimited text ignores `sheet`.
pub fn read_path(
    path: &Path,
    sheet: Option<&str>,
    progress: &dyn Progress,
) -> Result<RawTable, ImportError> {
    progress.report(0.0, "Lecture du fichier");
    let (file, meta) = crate::import::error::file_to_read(path)?;
    let io_error = |source| ImportError::Io {
        file: file.clone(),
        source,
    };
    check_size(&file, meta.len())?;
    let mut handle = File::open(path).map_err(io_error)?;
    let mut head = [0u8; HEAD_BYTES];
    let head_len = read_head(&mut handle, &mut head).map_err(io_error)?;
    handle.seek(SeekFrom::Start(0)).map_err(io_error)?;
    let source = Source {
        file: &file,
        extension: extension(&file),
        sheet,
        progress,
    };
    match Magic::of(&head[..head_len]) {
        Magic::Zip => source.zip(BufReader::new(handle)),
        Magic::Ole => source.ole(BufReader::new(handle)),
        Magic::Foreign(found) => Err(source.not_a_survey(found)),
        Magic::Other => {
            let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
            handle.read_to_end(&mut bytes).map_err(io_error)?;
            source.text(&bytes)
        }
    }
}

/// Reads a file already in memory; `file_name` is used for the format hint and in messages.
///
/// Same rules as [`read_path`].
pub fn read_bytes(
    file_name: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    progress: &dyn Progress,
) -> Result<RawTable, ImportError> {
    progress.report(0.0, "Lecture du fichier");
    check_size(file_name, bytes.len() as u64)?;
    let source = Source {
        file: file_name,
        extension: extension(file_name),
        sheet,
        progress,
    };
    match Magic::of(bytes) {
        Magic::Zip => source.zip(Cursor::new(bytes)),
        Magic::Ole => source.ole(Cursor::new(bytes)),
        Magic::Foreign(found) => Err(source.not_a_survey(found)),
        Magic::Other => source.text(bytes),
    }
}

/// Bytes read from the start of a file to tell what it is: enough for a web page's
/// `<!DOCTYPE html>` after a byte-order mark and some blank lines.
const HEAD_BYTES: usize = 512;

/// What the first bytes say a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Magic {
    /// A zip archive: xlsx, xlsm, xlsb or ods (or something else zipped).
    Zip,
    /// An OLE2 compound file: xls, or an encrypted OOXML workbook.
    Ole,
    /// Something that is not a table, whatever its name.
    Foreign(Foreign),
    /// Anything else, read as delimited text.
    Other,
}

impl Magic {
    /// What `head`, the first [`HEAD_BYTES`] of a file (or fewer), says it is. Only
    /// signatures no table can begin with are recognised: a control byte, or a mark such as
    /// `%PDF-` that no survey tool writes as a first heading. (A two-letter mark like BMP's
    /// `BM` could open a heading, « BMI » say, and is left to the text reader.)
    fn of(head: &[u8]) -> Magic {
        const SIGNATURES: &[(&[u8], Foreign)] = &[
            (b"%PDF-", Foreign::Pdf),
            (b"%!PS", Foreign::PostScript),
            (b"{\\rtf", Foreign::Rtf),
            (b"\x89PNG\r\n\x1a\n", Foreign::Png),
            (b"\xFF\xD8\xFF", Foreign::Jpeg),
            (b"GIF87a", Foreign::Gif),
            (b"GIF89a", Foreign::Gif),
            (b"II*\0", Foreign::Tiff),
            (b"MM\0*", Foreign::Tiff),
            (b"\x1F\x8B", Foreign::Gzip),
            (b"7z\xBC\xAF\x27\x1C", Foreign::SevenZip),
            (b"Rar!\x1A\x07", Foreign::Rar),
        ];
        if head.starts_with(b"PK\x03\x04") {
            return Magic::Zip;
        }
        if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Magic::Ole;
        }
        if let Some((_, found)) = SIGNATURES.iter().find(|(mark, _)| head.starts_with(mark)) {
            return Magic::Foreign(*found);
        }
        if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP".as_slice()) {
            return Magic::Foreign(Foreign::WebP);
        }
        if is_html(head) {
            return Magic::Foreign(Foreign::Html);
        }
        Magic::Other
    }
}

/// Whether a file starts as a web page: `<!DOCTYPE html` or `<html`, in any case, after
/// a UTF-8 byte-order mark and blank space. (Web pages in UTF-16, and bare `<table>`
/// fragments, are caught once decoded: see `encoding::check_is_text`.)
fn is_html(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = &head[start..];
    [b"<!doctype html".as_slice(), b"<html"].iter().any(|mark| {
        rest.get(..mark.len())
            .is_some_and(|found| found.eq_ignore_ascii_case(mark))
    })
}

/// One file being read, and how the caller wants it read.
struct Source<'a> {
    file: &'a str,
    extension: String,
    sheet: Option<&'a str>,
    progress: &'a dyn Progress,
}

impl Source<'_> {
    fn zip<R: Read + Seek>(&self, mut reader: R) -> Result<RawTable, ImportError> {
        let kind = container::inspect_zip(self.file, &mut reader)?;
        self.cancelled()?;
        if kind == workbook::Kind::Ods {
            rewind(self.file, &mut reader)?;
            container::check_ods_content(self.file, &mut reader, self.progress)?;
        }
        rewind(self.file, &mut reader)?;
        self.workbook(kind, reader)
    }

    fn ole<R: Read + Seek>(&self, mut reader: R) -> Result<RawTable, ImportError> {
        ole::inspect(self.file, &mut reader)?;
        self.cancelled()?;
        rewind(self.file, &mut reader)?;
        self.workbook(workbook::Kind::Xls, reader)
    }

    fn workbook<R: Read + Seek>(
        &self,
        kind: workbook::Kind,
        reader: R,
    ) -> Result<RawTable, ImportError> {
        let mut table = workbook::read(self.file, kind, reader, self.sheet, self.progress)?;
        if is_text_extension(&self.extension) {
            table.warnings.insert(
                0,
                Warning::file(format!(
                    "le fichier porte l'extension .{} mais c'est un classeur {} : il a été lu comme tel",
                    self.extension,
                    table.format.name()
                )),
            );
        }
        Ok(table)
    }

    fn text(&self, bytes: &[u8]) -> Result<RawTable, ImportError> {
        let mut table = text::read(self.file, &self.extension, bytes, self.progress)?;
        if is_workbook_extension(&self.extension) {
            table.warnings.insert(
                0,
                Warning::file(format!(
                    "le fichier porte l'extension .{} mais contient du texte délimité : il a été lu comme un {}",
                    self.extension,
                    FileFormat::Delimited.name()
                )),
            );
        }
        Ok(table)
    }

    fn cancelled(&self) -> Result<(), ImportError> {
        check_cancelled(self.file, self.progress)
    }

    /// The refusal of a file that is not a table.
    fn not_a_survey(&self, found: Foreign) -> ImportError {
        ImportError::NotASurvey {
            file: self.file.to_owned(),
            found,
        }
    }
}

/// `Err(Cancelled)` once the user asked to stop.
fn check_cancelled(file: &str, progress: &dyn Progress) -> Result<(), ImportError> {
    if progress.cancelled() {
        Err(ImportError::Cancelled {
            file: file.to_owned(),
        })
    } else {
        Ok(())
    }
}

fn check_size(file: &str, len: u64) -> Result<(), ImportError> {
    if len > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            file: file.to_owned(),
            problem: format!(
                "le fichier fait {} ; au-delà de 2 Gio il n'est pas lu",
                human_bytes(len)
            ),
        });
    }
    if len == 0 {
        return Err(ImportError::Empty {
            file: file.to_owned(),
        });
    }
    Ok(())
}

fn rewind<R: Seek>(file: &str, reader: &mut R) -> Result<(), ImportError> {
    reader
        .seek(SeekFrom::Start(0))
        .map(|_| ())
        .map_err(|source| ImportError::Io {
            file: file.to_owned(),
            source,
        })
}

/// Fills `head` as far as the file allows.
fn read_head(reader: &mut impl Read, head: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < head.len() {
        match reader.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// The lowercase extension of a file name, without the dot (empty when there is none).
fn extension(file: &str) -> String {
    Path::new(file)
        .extension()
        .map(|ext| ext.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn is_text_extension(extension: &str) -> bool {
    matches!(extension, "csv" | "tsv" | "txt" | "tab")
}

fn is_workbook_extension(extension: &str) -> bool {
    matches!(extension, "xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
}

/// A byte count in the units a user reads (Kio, Mio, Gio).
fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["octets", "Kio", "Mio", "Gio"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} octets")
    } else {
        format!("{value:.1} {}", UNITS[unit]).replace('.', ",")
    }
}

/// A count with French thousands separators ("16 384").
fn french_count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
