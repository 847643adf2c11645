//! Serialising a [`Sheet`] as the files survey tools give: delimited text (UTF-8 with or
//! without BOM, Windows-1252), xlsx (rust_xlsxwriter) and ods (a minimal OpenDocument
//! spreadsheet zipped by hand).
//!
//! Every format is written with fixed dates (document properties, zip entry times), so the
//! same sheet always gives the same bytes.

use std::borrow::Cow;
use std::io::{Cursor, Write as _};
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::table::{Cell, Sheet, Stamp};
use crate::synth::SynthError;

/// When every generated document says it was made: the end of the fieldwork.
pub const DOCUMENT_DATE: Stamp = Stamp {
    year: 2013,
    month: 11,
    day: 4,
    hour: 9,
    minute: 30,
    second: 0,
};

/// How a delimited file is written.
#[derive(Clone, Copy, Debug)]
pub struct CsvStyle {
    /// Field delimiter.
    pub delimiter: u8,
    /// `\r\n` line ends (else `\n`).
    pub crlf: bool,
    /// Quote every field (LimeSurvey does), else only where needed.
    pub quote_all: bool,
    /// Start with a UTF-8 byte order mark.
    pub bom: bool,
    /// Encode as Windows-1252 instead of UTF-8.
    pub windows_1252: bool,
    /// How a date and time is written.
    pub stamp: fn(&Stamp) -> String,
}

fn document_error(path: &Path, message: impl std::fmt::Display) -> SynthError {
    SynthError::Document {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

/// A number as a spreadsheet user types it: no `.0` on integers, a decimal comma in
/// French files.
fn number_text(x: f64, decimal_comma: bool) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else if decimal_comma {
        format!("{x}").replace('.', ",")
    } else {
        format!("{x}")
    }
}

/// The sheet as delimited text; `path` names the file in errors.
pub fn csv(sheet: &Sheet, style: CsvStyle, path: &Path) -> Result<Vec<u8>, SynthError> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(style.delimiter)
        .terminator(if style.crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .quote_style(if style.quote_all {
            csv::QuoteStyle::Always
        } else {
            csv::QuoteStyle::Necessary
        })
        .from_writer(Vec::new());
    for row in sheet.rows() {
        let fields: Vec<Cow<'_, str>> = row
            .iter()
            .map(|cell| match &**cell {
                Cell::Empty => Cow::Borrowed(""),
                Cell::Text(s) => Cow::Borrowed(s.as_str()),
                Cell::Number(x) => Cow::Owned(number_text(*x, style.delimiter == b';')),
                Cell::Stamp(s) => Cow::Owned((style.stamp)(s)),
                Cell::Date(s) => Cow::Owned(s.french_date()),
            })
            .collect();
        writer
            .write_record(fields.iter().map(|f| f.as_bytes()))
            .map_err(|e| document_error(path, e))?;
    }
    let text = writer
        .into_inner()
        .map_err(|e| document_error(path, e.error()))?;
    let text = String::from_utf8(text).map_err(|e| document_error(path, e))?;
    if style.windows_1252 {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        if unmappable {
            return Err(document_error(path, "caractère absent de Windows-1252"));
        }
        return Ok(bytes.into_owned());
    }
    let mut out = Vec::with_capacity(text.len() + 3);
    if style.bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    out.extend_from_slice(text.as_bytes());
    Ok(out)
}

fn excel_time(stamp: &Stamp) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(stamp.year, stamp.month, stamp.day)?.and_hms(
        u16::from(stamp.hour),
        stamp.minute,
        f64::from(stamp.second),
    )
}

/// The sheet as an xlsx workbook of one worksheet named `sheet_name`.
pub fn xlsx(
    sheet: &Sheet,
    sheet_name: &str,
    title: &str,
    path: &Path,
) -> Result<Vec<u8>, SynthError> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let properties = DocProperties::new()
            .set_title(title)
            .set_author("Atelier (échantillon fictif)")
            .set_creation_datetime(&excel_time(&DOCUMENT_DATE)?);
        book.set_properties(&properties);
        let stamp_format = Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
        let date_format = Format::new().set_num_format("dd/mm/yyyy");
        let worksheet = book.add_worksheet();
        worksheet.set_name(sheet_name)?;
        for (r, row) in sheet.rows().enumerate() {
            let r = u32::try_from(r).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match &**cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        worksheet.write_string(r, c, s)?;
                    }
                    Cell::Number(x) => {
                        worksheet.write_number(r, c, *x)?;
                    }
                    Cell::Stamp(s) => {
                        worksheet.write_datetime_with_format(
                            r,
                            c,
                            excel_time(s)?,
                            &stamp_format,
                        )?;
                    }
                    Cell::Date(s) => {
                        let day = ExcelDateTime::from_ymd(s.year, s.month, s.day)?;
                        worksheet.write_datetime_with_format(r, c, day, &date_format)?;
                    }
                }
            }
        }
        book.save_to_buffer()
    };
    build().map_err(|e| document_error(path, e))
}

/// Text escaped for XML character data and attributes.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        push_escaped(&mut out, ch);
    }
    out
}

/// One character, escaped for XML.
fn push_escaped(out: &mut String, ch: char) {
    match ch {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&apos;"),
        _ => out.push(ch),
    }
}

/// One paragraph of an ods text cell: runs of spaces become `<text:s/>`, as
/// OpenDocument requires (XML would collapse them).
#[cfg(test)]
fn ods_paragraph(line: &str) -> String {
    let mut out = String::new();
    push_ods_paragraph(&mut out, line);
    out
}

/// [`ods_paragraph`] appended to `out`: a sheet of 100,000 respondents is written without
/// a string per cell.
fn push_ods_paragraph(out: &mut String, line: &str) {
    // The first space after a word is plain; the others (or any leading one) are `text:s`.
    fn flush(out: &mut String, spaces: &mut usize, at_start: bool) {
        if *spaces == 0 {
            return;
        }
        let extra = if at_start { *spaces } else { *spaces - 1 };
        if !at_start {
            out.push(' ');
        }
        match extra {
            0 => {}
            1 => out.push_str("<text:s/>"),
            n => {
                out.push_str("<text:s text:c=\"");
                out.push_str(&n.to_string());
                out.push_str("\"/>");
            }
        }
        *spaces = 0;
    }
    out.push_str("<text:p>");
    let mut spaces = 0usize;
    let mut at_start = true;
    for ch in line.chars() {
        if ch == ' ' {
            spaces += 1;
            continue;
        }
        flush(out, &mut spaces, at_start);
        at_start = false;
        push_escaped(out, ch);
    }
    flush(out, &mut spaces, at_start);
    out.push_str("</text:p>");
}

/// One cell of an ods table, appended to `out`.
fn push_ods_cell(out: &mut String, cell: &Cell) {
    match cell {
        Cell::Empty => out.push_str("<table:table-cell/>"),
        Cell::Text(s) => {
            out.push_str("<table:table-cell office:value-type=\"string\">");
            for line in s.split('\n') {
                push_ods_paragraph(out, line);
            }
            out.push_str("</table:table-cell>");
        }
        Cell::Number(x) => {
            out.push_str("<table:table-cell office:value-type=\"float\" office:value=\"");
            out.push_str(&number_text(*x, false));
            out.push_str("\"><text:p>");
            out.push_str(&number_text(*x, true));
            out.push_str("</text:p></table:table-cell>");
        }
        Cell::Stamp(s) => {
            out.push_str("<table:table-cell office:value-type=\"string\"><text:p>");
            out.push_str(&s.iso());
            out.push_str("</text:p></table:table-cell>");
        }
        Cell::Date(s) => out.push_str(&format!(
            "<table:table-cell office:value-type=\"date\" office:date-value=\"{:04}-{:02}-{:02}\"><text:p>{}</text:p></table:table-cell>",
            s.year,
            s.month,
            s.day,
            s.french_date()
        )),
    }
}

const ODS_MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;

/// The sheet as an OpenDocument spreadsheet of one table named `sheet_name`.
pub fn ods(
    sheet: &Sheet,
    sheet_name: &str,
    title: &str,
    path: &Path,
) -> Result<Vec<u8>, SynthError> {
    let mut head = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet>",
    );
    head.push_str(&format!(
        "<table:table table:name=\"{}\">",
        xml_escape(sheet_name)
    ));
    let d = DOCUMENT_DATE;
    let meta = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\"><office:meta>\
         <dc:title>{}</dc:title><meta:generator>Atelier (échantillon fictif)</meta:generator>\
         <meta:creation-date>{:04}-{:02}-{:02}T{:02}:{:02}:{:02}</meta:creation-date>\
         </office:meta></office:document-meta>\n",
        xml_escape(title),
        d.year,
        d.month,
        d.day,
        d.hour,
        d.minute,
        d.second
    );
    let zipped = || -> zip::result::ZipResult<Vec<u8>> {
        let time =
            zip::DateTime::from_date_and_time(d.year, d.month, d.day, d.hour, d.minute, d.second)
                .map_err(|_| zip::result::ZipError::InvalidArchive("date".into()))?;
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .last_modified_time(time)
            .unix_permissions(0o644);
        let deflated = stored.compression_method(zip::CompressionMethod::Deflated);
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        // The mimetype comes first and uncompressed, so tools can sniff the format.
        zip.start_file("mimetype", stored)?;
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?;
        zip.start_file("META-INF/manifest.xml", deflated)?;
        zip.write_all(ODS_MANIFEST.as_bytes())?;
        zip.start_file("meta.xml", deflated)?;
        zip.write_all(meta.as_bytes())?;
        zip.start_file("content.xml", deflated)?;
        // The table goes to the zip by chunks of 64 MiB, never whole: at scale it runs to
        // hundreds of megabytes of XML. The compressed bytes depend on how the XML is
        // chunked, and the sample's table, smaller than a chunk, goes in one piece as it
        // always has, so its bytes do not change.
        let mut chunk = head;
        for row in sheet.rows() {
            chunk.push_str("<table:table-row>");
            for cell in &row {
                push_ods_cell(&mut chunk, cell);
            }
            chunk.push_str("</table:table-row>\n");
            if chunk.len() >= 1 << 26 {
                zip.write_all(chunk.as_bytes())?;
                chunk.clear();
            }
        }
        chunk.push_str(
            "</table:table></office:spreadsheet></office:body></office:document-content>\n",
        );
        zip.write_all(chunk.as_bytes())?;
        Ok(zip.finish()?.into_inner())
    };
    zipped().map_err(|e| document_error(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ods_keeps_runs_of_spaces() {
        assert_eq!(ods_paragraph("a  b"), "<text:p>a <text:s/>b</text:p>");
        assert_eq!(ods_paragraph(" a"), "<text:p><text:s/>a</text:p>");
        assert_eq!(ods_paragraph("a b"), "<text:p>a b</text:p>");
        assert_eq!(
            ods_paragraph("a   "),
            "<text:p>a <text:s text:c=\"2\"/></text:p>"
        );
    }
}
