//! Site-visit notes read for coding: Markdown, plain text and Word (`.docx`) documents
//! turned into a list of paragraphs, each with its heading level, and one full text in which
//! every paragraph has a stable place, so coded segments can be anchored to it.
//!
//! The content decides the format, not the name: a zip archive is read as a Word document,
//! anything else as text (Markdown when the name says so). Text may come in UTF-8 with or
//! without a byte-order mark, UTF-16 with a mark, or Windows-1252 (older Windows editors).
//! Word documents come from people, so the archive is checked before it is opened (total
//! size, compression ratio) and its XML is read without ever expanding entities.
//!
//! Markdown and Word specifics live in `markdown` and `docx`; this module holds the
//! shared types, format detection and decoding.

mod docx;
mod markdown;

use std::borrow::Cow;

use std::path::Path;

use crate::model::ImportError;
use crate::model::note::{NoteText, Paragraph};

/// Largest note accepted: the file itself, and the uncompressed content of a Word document
/// (200 MiB, far beyond any real interview notes).
pub const MAX_NOTE_BYTES: u64 = 200 << 20;

/// Reads the note at `path` (`.md`, `.txt` or `.docx`; the content decides).
pub fn read_note(path: &Path) -> Result<NoteText, ImportError> {
    let (file, meta) = super::error::file_to_read(path)?;
    check_size(&file, meta.len())?;
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        file: file.clone(),
        source,
    })?;
    read_note_bytes(&file, &bytes)
}

/// Reads a note already in memory (a source kept in the project file); `file_name` chooses
/// between Markdown and plain text and names the file in messages.
pub fn read_note_bytes(file_name: &str, bytes: &[u8]) -> Result<NoteText, ImportError> {
    check_size(file_name, bytes.len() as u64)?;
    let extension = Path::new(file_name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let paragraphs = if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        docx::paragraphs(file_name, bytes)?
    } else {
        refuse_binary(file_name, &extension, bytes)?;
        let text = decode(bytes);
        check_is_text(file_name, &text)?;
        match extension.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => markdown::paragraphs(&text),
            _ => plain_paragraphs(&text),
        }
    };
    if paragraphs.is_empty() {
        return Err(ImportError::Empty {
            file: file_name.to_owned(),
        });
    }
    Ok(NoteText {
        file_name: file_name.to_owned(),
        paragraphs,
    })
}

fn check_size(file: &str, bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_NOTE_BYTES {
        return Err(ImportError::TooLarge {
            file: file.to_owned(),
            problem: format!(
                "le fichier fait {} Mio ; des notes de plus de {} Mio ne sont pas ouvertes",
                bytes >> 20,
                MAX_NOTE_BYTES >> 20
            ),
        });
    }
    Ok(())
}

/// Formats that are not text and not a `.docx`, named so the evaluator knows what to do.
fn refuse_binary(file: &str, extension: &str, bytes: &[u8]) -> Result<(), ImportError> {
    let problem = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        "document Word ancien (.doc) ou protégé par un mot de passe ; enregistrez-le en .docx \
         sans mot de passe puis réessayez"
    } else if bytes.starts_with(b"{\\rtf") {
        "document RTF ; enregistrez-le en .docx ou en texte puis réessayez"
    } else if bytes.starts_with(b"%PDF") {
        "document PDF ; seules les notes en .docx, .md ou .txt sont lues"
    } else if extension == "docx" {
        "ce n'est pas un document Word (.docx) valide"
    } else {
        return Ok(());
    };
    Err(ImportError::malformed(file, problem))
}

/// Decodes text: a byte-order mark first (UTF-8, UTF-16), then UTF-16 recognised by its NUL
/// bytes, then UTF-8 when the bytes are UTF-8 (a few stray bytes are replaced rather than
/// turning every accent into mojibake), Windows-1252 otherwise. Line ends become `\n`.
fn decode(bytes: &[u8]) -> String {
    let text: Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        encoding_rs::UTF_16LE.decode_without_bom_handling(rest).0
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        encoding_rs::UTF_16BE.decode_without_bom_handling(rest).0
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        encoding.decode_without_bom_handling(bytes).0
    } else if looks_utf8(bytes) {
        String::from_utf8_lossy(bytes)
    } else {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// UTF-16 without a mark: many NUL bytes, nearly all on the same side of each pair.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd * 10 >= pairs * 6 && even * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 6 && odd * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Valid UTF-8, or UTF-8 with fewer stray bytes than well-formed accented characters.
fn looks_utf8(bytes: &[u8]) -> bool {
    if std::str::from_utf8(bytes).is_ok() {
        return true;
    }
    let lossy = String::from_utf8_lossy(bytes);
    let replaced = lossy.chars().filter(|c| *c == '\u{fffd}').count();
    let accented = lossy
        .chars()
        .filter(|c| !c.is_ascii() && *c != '\u{fffd}')
        .count();
    accented > replaced
}

/// Refuses decoded text that is really binary (NUL bytes, or many control characters).
fn check_is_text(file: &str, text: &str) -> Result<(), ImportError> {
    let mut total = 0usize;
    let mut control = 0usize;
    let mut nul = false;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        nul |= c == '\0';
        if c.is_control() && !matches!(c, '\n' | '\t' | '\u{c}') {
            control += 1;
        }
    }
    if nul || control * 100 > total {
        return Err(ImportError::malformed(
            file,
            "ce n'est pas un fichier texte (contenu binaire) ; seules les notes en .docx, .md ou \
             .txt sont lues",
        ));
    }
    Ok(())
}

/// Plain text: paragraphs are separated by blank lines; a line starting with a bullet
/// (`-`, `*`, `•`, `–`) starts its own paragraph, without the bullet; other line breaks are
/// kept inside the paragraph.
fn plain_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, paragraphs: &mut Vec<Paragraph>| {
        push_paragraph(paragraphs, &current.join("\n"), None);
        current.clear();
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        let bullet = ["- ", "* ", "• ", "– ", "· "]
            .iter()
            .find_map(|marker| trimmed.strip_prefix(marker));
        if let Some(rest) = bullet {
            flush(&mut current, &mut paragraphs);
            current.push(rest);
        } else {
            current.push(trimmed);
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs
}

/// Adds a paragraph after tidying its text (trimmed, no empty line inside, no stray
/// whitespace around line breaks); blank paragraphs are dropped.
fn push_paragraph(paragraphs: &mut Vec<Paragraph>, text: &str, heading_level: Option<u8>) {
    let text = tidy(text);
    if !text.is_empty() {
        paragraphs.push(Paragraph {
            text,
            heading_level,
        });
    }
}

fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests;
