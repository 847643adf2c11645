//! The archive docx-rs packs, completed and repacked so that Word reads it as Atelier means it
//! and the same document always gives the same bytes.
//!
//! docx-rs cannot say everything a monograph needs, so some parts are completed here, each
//! by inserting a few elements at a place docx-rs's output always has (a docx-rs upgrade that
//! moved one is reported as [`ExportError::UnexpectedPart`], not silently ignored):
//!
//! - `word/settings.xml` gains `w:updateFields`, so that Word fills the table of contents
//!   (and its page numbers) when the document opens;
//! - `word/styles.xml` gains the document language, fr-FR, so that spelling and hyphenation
//!   are French;
//! - `word/document.xml` gains a distinct id and the alt text for each chart (docx-rs numbers
//!   every drawing 1, which Word may report as damage) and marks each table's header row to
//!   repeat on every page;
//! - every part of `word/` has its property elements put in schema order ([`super::order`]);
//! - `docProps/core.xml` is replaced by fixed properties that name no person.
//!
//! Entries keep docx-rs's order, without folder entries, and all carry the same fixed date,
//! as in `synth/notes/docx.rs`.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::ExportError;
use super::order::in_schema_order;

/// Who the document properties say wrote it: the software, never a person.
const AUTHOR: &str = "Atelier";

/// Rewrites the archive docx-rs packed (`bytes`) with a fixed date, completing its parts.
/// `alts` are the charts' alt texts, in order. XML parts are deflated; images, already
/// compressed, are stored.
pub(super) fn repack(bytes: &[u8], title: &str, alts: &[String]) -> Result<Vec<u8>, ExportError> {
    // Every entry carries the earliest date a zip can say (1 January 1980): the bytes of a
    // document must not depend on when it was written.
    let date = DateTime::default();
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(date)
        .unix_permissions(0o644);
    let stored = deflated
        .compression_method(CompressionMethod::Stored)
        .compression_level(None);
    let mut archive = ZipArchive::new(Cursor::new(bytes))?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let mut data = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name()?.into_owned();
        data.clear();
        entry.read_to_end(&mut data)?;
        let completed = match name.as_str() {
            "docProps/core.xml" => Some(core_properties(title)),
            _ if name.starts_with("word/") && name.ends_with(".xml") => {
                let xml = std::str::from_utf8(&data).map_err(|_| unexpected(&name))?;
                let xml = match name.as_str() {
                    "word/settings.xml" => settings(xml),
                    "word/styles.xml" => styles_with_language(xml),
                    "word/document.xml" => document_body(xml, alts),
                    _ => Some(xml.to_string()),
                }
                .ok_or_else(|| unexpected(&name))?;
                Some(in_schema_order(&xml).map_err(|_| unexpected(&name))?)
            }
            _ => None,
        };
        let options = if name.starts_with("word/media/") {
            stored
        } else {
            deflated
        };
        out.start_file(name, options)?;
        out.write_all(completed.as_deref().map_or(&data[..], str::as_bytes))?;
    }
    Ok(out.finish()?.into_inner())
}

fn unexpected(part: &str) -> ExportError {
    ExportError::UnexpectedPart {
        part: part.to_string(),
    }
}

/// Settings asking Word to update fields on opening (the table of contents).
fn settings(xml: &str) -> Option<String> {
    let at = xml.find("<w:compat>")?;
    let update = r#"<w:updateFields w:val="true" />"#;
    Some(format!("{}{update}{}", &xml[..at], &xml[at..]))
}

/// Styles with French as the language of the document defaults (the end of the run
/// properties inside `w:rPrDefault`).
fn styles_with_language(xml: &str) -> Option<String> {
    let start = xml.find("<w:rPrDefault>")?;
    let end = start + xml[start..].find("</w:rPrDefault>")?;
    let at = start + xml[start..end].find("</w:rPr>")?;
    let lang = r#"<w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA" />"#;
    Some(format!("{}{lang}{}", &xml[..at], &xml[at..]))
}

/// The body with each drawing numbered and described by its alt text, and each header row
/// (the only rows docx-rs marks `cantSplit`, see `Writer::row`) marked to repeat on every
/// page. `None` if the drawings are not the charts.
fn document_body(xml: &str, alts: &[String]) -> Option<String> {
    const DRAWING: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    const HEADER_ROW: &str = "<w:cantSplit />";
    let room = alts.iter().map(|alt| alt.len() + 40).sum::<usize>();
    let mut out = String::with_capacity(xml.len() + room);
    let mut rest = xml;
    let mut drawings = 0;
    loop {
        let drawing = rest.find(DRAWING);
        let header = rest.find(HEADER_ROW);
        match (drawing, header) {
            (Some(at), h) if h.is_none_or(|h| at < h) => {
                out.push_str(&rest[..at]);
                let alt = alts.get(drawings)?;
                drawings += 1;
                out.push_str(&format!(
                    r#"<wp:docPr id="{drawings}" name="Figure {drawings}" descr="{}" />"#,
                    xml_escape(alt)
                ));
                rest = &rest[at + DRAWING.len()..];
            }
            (_, Some(at)) => {
                out.push_str(&rest[..at]);
                out.push_str("<w:cantSplit /><w:tblHeader />");
                rest = &rest[at + HEADER_ROW.len()..];
            }
            (_, None) => break,
        }
    }
    out.push_str(rest);
    (drawings == alts.len()).then_some(out)
}

/// Text safe in XML, inside a double-quoted attribute as between tags.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `docProps/core.xml` with fixed values: the title, Atelier as author, French; no dates
/// (Word sets them when the evaluator saves).
fn core_properties(title: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title>",
            "<dc:subject>Monographie de site</dc:subject>",
            "<dc:creator>{author}</dc:creator>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            "<cp:revision>1</cp:revision>",
            "<dc:language>fr-FR</dc:language>",
            "</cp:coreProperties>"
        ),
        title = xml_escape(title),
        author = AUTHOR,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawings_get_their_number_and_alt_text_and_header_rows_repeat() {
        let xml = concat!(
            r#"<w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr>"#,
            r#"<wp:docPr id="1" name="Figure" /><wp:docPr id="1" name="Figure" />"#
        );
        let alts = ["Un \"graphique\" & <autre>".to_string(), "Deux".to_string()];
        assert_eq!(
            document_body(xml, &alts).unwrap(),
            concat!(
                r#"<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr></w:tr>"#,
                r#"<wp:docPr id="1" name="Figure 1" descr="Un &quot;graphique&quot; &amp; &lt;autre&gt;" />"#,
                r#"<wp:docPr id="2" name="Figure 2" descr="Deux" />"#
            )
        );
        assert_eq!(document_body(xml, &alts[..1]), None, "one drawing too many");
    }

    #[test]
    fn a_part_without_its_anchor_is_reported() {
        assert_eq!(settings("<w:settings></w:settings>"), None);
        // docx-rs writes an empty rPr there when it has no defaults: the language must not
        // land in the next style instead.
        let styles = "<w:rPrDefault><w:rPr /></w:rPrDefault><w:style><w:rPr></w:rPr></w:style>";
        assert_eq!(styles_with_language(styles), None);
        assert_eq!(
            styles_with_language("<w:rPrDefault><w:rPr><w:sz /></w:rPr></w:rPrDefault>").unwrap(),
            r#"<w:rPrDefault><w:rPr><w:sz /><w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA" /></w:rPr></w:rPrDefault>"#
        );
    }
}
