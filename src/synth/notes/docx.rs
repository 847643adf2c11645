//! Notes as Word documents: headings with the built-in heading styles (so Word's navigation
//! pane and Atelier's reader both see them), paragraphs with bold runs, bullet lists.
//!
//! docx-rs lays the document out; the archive is then repacked with the `zip` crate so the
//! bytes are the same on every run: entries in docx-rs's order without folder entries, each
//! stamped with the note's date, and `docProps/core.xml` replaced by fixed properties (title,
//! author, language, created and modified on the note's date). Paragraph ids are set
//! explicitly, since docx-rs otherwise draws them from a per-thread counter.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use super::markup::{Block, Span};

/// The numbering (and abstract numbering) id of bullet lists; docx-rs already declares a
/// decimal list under id 1.
const BULLETS: usize = 2;
/// Who the document properties say wrote the notes: the team, never a person.
const AUTHOR: &str = "Équipe d'évaluation ANI Jeunes";

/// Lays `blocks` out as a `.docx` dated `date` (ISO), titled `title`.
pub(super) fn render(blocks: &[Block], title: &str, date: &str) -> Result<Vec<u8>, String> {
    let bullet_level = Level::new(
        0,
        Start::new(1),
        NumberFormat::new("bullet"),
        LevelText::new("•"),
        LevelJc::new("left"),
    )
    .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None);
    let mut doc = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(22)
        .add_style(heading_style(1, 32, "1F3864"))
        .add_style(heading_style(2, 28, "2E74B5"))
        .add_style(heading_style(3, 24, "404040"))
        .add_abstract_numbering(AbstractNumbering::new(BULLETS).add_level(bullet_level))
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    for (index, block) in blocks.iter().enumerate() {
        let paragraph = match block {
            Block::Heading(level, spans) => {
                runs(Paragraph::new(), spans).style(&format!("Heading{level}"))
            }
            Block::Paragraph(spans) => {
                runs(Paragraph::new(), spans).line_spacing(LineSpacing::new().after(120))
            }
            Block::Bullet(spans) => runs(Paragraph::new(), spans)
                .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
        };
        doc = doc.add_paragraph(paragraph.id(format!("{:08X}", index + 1)));
    }
    let mut packed = Cursor::new(Vec::new());
    doc.build()
        .pack(&mut packed)
        .map_err(|e| format!("mise en page Word impossible ({e})"))?;
    repack(&packed.into_inner(), title, date)
}

fn heading_style(level: u8, half_points: usize, color: &str) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .bold()
        .size(half_points)
        .color(color)
        .outline_lvl(usize::from(level) - 1)
        .line_spacing(LineSpacing::new().before(240).after(80))
}

fn runs(mut paragraph: Paragraph, spans: &[Span]) -> Paragraph {
    for span in spans {
        let run = Run::new().add_text(span.text.as_str());
        paragraph = paragraph.add_run(if span.bold { run.bold() } else { run });
    }
    paragraph
}

/// Rewrites the archive with fixed timestamps and document properties.
fn repack(bytes: &[u8], title: &str, date: &str) -> Result<Vec<u8>, String> {
    let zip_error = |e: zip::result::ZipError| format!("archive Word illisible ({e})");
    let io_error = |e: std::io::Error| format!("archive Word illisible ({e})");
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(timestamp(date)?)
        .unix_permissions(0o644);
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(zip_error)?;
        if entry.is_dir() {
            continue;
        }
        let name = entry.name().map_err(zip_error)?.into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).map_err(io_error)?;
        if name == "docProps/core.xml" {
            data = core_properties(title, date).into_bytes();
        }
        out.start_file(name, options).map_err(zip_error)?;
        out.write_all(&data).map_err(io_error)?;
    }
    Ok(out.finish().map_err(zip_error)?.into_inner())
}

/// The zip timestamp of the note: its date, at six in the evening (when notes get typed).
fn timestamp(date: &str) -> Result<DateTime, String> {
    let part = |range: std::ops::Range<usize>| date.get(range).and_then(|s| s.parse::<u16>().ok());
    let (Some(year), Some(month), Some(day)) = (part(0..4), part(5..7), part(8..10)) else {
        return Err(format!("date de note illisible : {date}"));
    };
    let narrow = |v: u16| u8::try_from(v).map_err(|_| format!("date de note illisible : {date}"));
    DateTime::from_date_and_time(year, narrow(month)?, narrow(day)?, 18, 0, 0)
        .map_err(|_| format!("date de note illisible : {date}"))
}

/// `docProps/core.xml` with fixed values.
fn core_properties(title: &str, date: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title>",
            "<dc:subject>Évaluation ANI Jeunes — visite sur site</dc:subject>",
            "<dc:creator>{author}</dc:creator>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            "<cp:revision>2</cp:revision>",
            "<dc:language>fr-FR</dc:language>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}T17:30:00Z</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{date}T18:00:00Z</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = xml_escape(title),
        author = xml_escape(AUTHOR),
        date = xml_escape(date),
    )
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::notes::markup;

    fn sample() -> Vec<Block> {
        markup::parse("# Entretien\n## Organisation\n**Question ?** Réponse.\n- un\n- deux")
    }

    #[test]
    fn two_renderings_give_identical_bytes_even_across_threads() {
        let first = render(&sample(), "Entretien", "2013-10-08").unwrap();
        // A paragraph built before on another thread must not shift the ids.
        let second = std::thread::spawn(|| {
            let _ = Paragraph::new();
            render(&sample(), "Entretien", "2013-10-08").unwrap()
        })
        .join()
        .unwrap();
        assert_eq!(first, second);
    }

    #[test]
    fn the_archive_carries_the_note_date_and_fixed_properties() {
        let bytes = render(&sample(), "Entretien & suite", "2013-10-08").unwrap();
        let mut archive = ZipArchive::new(Cursor::new(bytes)).unwrap();
        for index in 0..archive.len() {
            let entry = archive.by_index(index).unwrap();
            let time = entry.last_modified().unwrap();
            assert_eq!((time.year(), time.month(), time.day()), (2013, 10, 8));
        }
        let mut core = String::new();
        archive
            .by_name("docProps/core.xml")
            .unwrap()
            .read_to_string(&mut core)
            .unwrap();
        assert!(core.contains("<dc:title>Entretien &amp; suite</dc:title>"));
        assert!(core.contains("2013-10-08T17:30:00Z"));
    }

    #[test]
    fn bullet_items_use_their_own_bullet_list() {
        let bytes = render(&sample(), "Entretien", "2013-10-08").unwrap();
        let mut archive = ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut numbering = String::new();
        archive
            .by_name("word/numbering.xml")
            .unwrap()
            .read_to_string(&mut numbering)
            .unwrap();
        let id = format!(r#"<w:num w:numId="{BULLETS}">"#);
        assert_eq!(numbering.matches(&id).count(), 1, "{numbering}");
        let abstract_id = format!(r#"<w:abstractNum w:abstractNumId="{BULLETS}">"#);
        let start = numbering.find(&abstract_id).unwrap();
        assert!(numbering[start..].contains(r#"<w:numFmt w:val="bullet" />"#));
    }
}
