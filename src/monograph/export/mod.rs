//! Writers of a [`Document`]: Word for the evaluators who rework
//! the report, HTML for reading and printing anywhere, Markdown for the teams that keep their
//! reports in plain text.
//!
//! All three read the same document and say the same thing in the same order: a title page,
//! a table of contents, the sections and their blocks. Text in a document comes from survey
//! answers and interview notes, so every writer treats it as hostile: nothing a respondent
//! typed can become markup, a link, a field or a broken file. The small helpers that all three
//! need to agree on (what a paragraph is, which characters are dropped) live here, once.

mod docx;
mod html;
mod markdown;

// Paths are relative (`super::document`) so that the module moves into the main crate as
// `monograph::export` unchanged.
use super::document;

pub use docx::to_docx;
pub use html::to_html;
pub use markdown::to_markdown;

use std::path::Path;

use super::document::Document;

/// Why a document could not be written as Word (HTML and Markdown cannot fail).
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A chart's image is not a PNG whose size can be read.
    #[error(
        "export Word : la figure n° {figure} de la section n° {section} n'est pas une image PNG lisible"
    )]
    UnreadableFigure {
        /// The section, counted from 1.
        section: usize,
        /// The figure within its section, counted from 1.
        figure: usize,
    },
    /// docx-rs could not lay the document out.
    #[error("export Word : mise en page impossible ({0})")]
    Layout(String),
    /// A part written by docx-rs no longer has the shape this writer completes (a docx-rs
    /// upgrade changed it); the message names the part.
    #[error("export Word : la partie {part} n'a pas la forme attendue")]
    UnexpectedPart {
        /// The part within the archive (`word/settings.xml`…).
        part: String,
    },
    /// The archive could not be written.
    #[error("export Word : archive impossible à écrire ({0})")]
    Archive(#[from] zip::result::ZipError),
    /// Reading or writing the archive in memory failed.
    #[error("export Word : archive impossible à écrire ({0})")]
    Io(#[from] std::io::Error),
}

/// The text without the characters no document may hold: the C0 controls other than tab and
/// line feed (XML 1.0 forbids them, and Word refuses a file that has one), DEL and the C1
/// controls, and the two non-characters U+FFFE and U+FFFF. Carriage returns go too, so that
/// `\r\n` counts as one line break.
pub(crate) fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    fn dropped(c: char) -> bool {
        (c.is_control() && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
    }
    if text.chars().any(dropped) {
        std::borrow::Cow::Owned(text.chars().filter(|&c| !dropped(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The paragraphs of the evaluator's text: separated by blank lines, each given as its lines
/// (trimmed at the end), blank paragraphs dropped. A single line break inside a paragraph is
/// kept as a line break by every writer.
pub(crate) fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim_start().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// One line for places that hold no line break (headings, table cells, alt texts), cleaned
/// like [`clean`]: line breaks and tabs become spaces, runs of spaces shrink to one.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in clean(text).split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// How the quote's speaker and source are shown after it, in all formats:
/// « — Directrice, entretien du 8 octobre 2013 » (either part may be missing).
pub(crate) fn attribution(speaker: &str, source: &str) -> Option<String> {
    let speaker = one_line(speaker);
    let source = one_line(source);
    match (speaker.is_empty(), source.is_empty()) {
        (true, true) => None,
        (false, true) => Some(speaker),
        (true, false) => Some(source),
        (false, false) => Some(format!("{speaker}, {source}")),
    }
}

/// The width and height of a PNG as its header gives them.
pub(crate) fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    if png.get(..8)? != SIGNATURE || png.get(12..16)? != b"IHDR" {
        return None;
    }
    let word = |at: usize| -> Option<u32> {
        let bytes: [u8; 4] = png.get(at..at + 4)?.try_into().ok()?;
        Some(u32::from_be_bytes(bytes))
    };
    let (width, height) = (word(16)?, word(20)?);
    (width > 0 && height > 0).then_some((width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped_but_tabs_and_line_breaks_kept() {
        assert_eq!(clean("a\u{0}b\u{B}c\td\r\ne\u{FFFF}"), "abc\td\ne");
        assert!(matches!(clean("déjà vu"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn paragraphs_are_split_on_blank_lines() {
        let text = "Un.\nDeux.\n   \n\n Trois.  \n";
        assert_eq!(
            paragraphs(text),
            vec![vec!["Un.", "Deux."], vec![" Trois."]]
        );
        assert!(paragraphs(" \n\n").is_empty());
    }

    #[test]
    fn attribution_joins_what_is_there() {
        assert_eq!(attribution("Directrice", "").as_deref(), Some("Directrice"));
        assert_eq!(
            attribution("Jeune,\n22 ans", "Entretien").as_deref(),
            Some("Jeune, 22 ans, Entretien")
        );
        assert_eq!(attribution(" ", ""), None);
    }

    #[test]
    fn png_size_reads_the_header_and_refuses_anything_else() {
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        png.extend_from_slice(b"IHDR");
        png.extend_from_slice(&640u32.to_be_bytes());
        png.extend_from_slice(&480u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((640, 480)));
        assert_eq!(png_size(b"GIF89a"), None);
        assert_eq!(png_size(&png[..20]), None);
    }
}

/// The formats a monograph is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Word.
    Docx,
    /// One self-contained web page.
    Html,
    /// Markdown, charts beside it.
    Markdown,
}

impl Format {
    /// The format a file's extension names.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        Format::parse(&extension)
    }

    /// The format a name gives (`docx`, `html`, `md`).
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "docx" => Some(Format::Docx),
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// Its name, as the register of publications shows it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Docx => "Word",
            Format::Html => "HTML",
            Format::Markdown => "Markdown",
        }
    }

    /// The extension of its files.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Markdown => "md",
        }
    }
}

/// Write `document` to `path` in `format`; returns the files written (the document, and for
/// Markdown its charts), or one line saying what failed.
pub fn write(document: &Document, format: Format, path: &Path) -> Result<Vec<String>, String> {
    let fail = |e: std::io::Error| format!("{}: écriture impossible ({e})", path.display());
    match format {
        Format::Docx => {
            let bytes = to_docx(document).map_err(|e| format!("{}: {e}", path.display()))?;
            std::fs::write(path, bytes).map_err(fail)?;
            Ok(vec![path.display().to_string()])
        }
        Format::Html => {
            std::fs::write(path, to_html(document)).map_err(fail)?;
            Ok(vec![path.display().to_string()])
        }
        Format::Markdown => {
            let stem = path.file_stem().map_or_else(
                || "monographie".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
            let name = |k: usize| format!("{stem}-figure-{k}.png");
            let (text, images) = to_markdown(document, &name);
            let folder = path.parent().unwrap_or(Path::new("."));
            let mut written = vec![path.display().to_string()];
            std::fs::write(path, text).map_err(fail)?;
            for (file, bytes) in images {
                let image = folder.join(&file);
                std::fs::write(&image, bytes).map_err(fail)?;
                written.push(image.display().to_string());
            }
            Ok(written)
        }
    }
}
