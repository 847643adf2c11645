//! Site-visit notes as text: paragraphs with their heading level, and one full text in which
//! every paragraph has a stable place, so that coded passages can be anchored to it. The
//! importer reads `.md`, `.txt` and `.docx` notes into these types (`import::notes`).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::manifest::NoteEntry;

/// Text put between two paragraphs in [`NoteText::full_text`]. Paragraph texts never hold it
/// themselves (line breaks inside a paragraph are single `\n`), so splitting the full text on
/// it gives the paragraphs back.
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// One paragraph of a note: a heading, a paragraph of text, a list item or a table cell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The text, without markup, trimmed; line breaks inside the paragraph are `\n` (never
    /// two in a row), tabs are `\t`.
    pub text: String,
    /// `Some(1)` for a top-level heading (Markdown `#`, Word « Titre 1 »), `Some(2)` below
    /// it, …; `None` for body text.
    pub heading_level: Option<u8>,
}

/// The text of a note document, as paragraphs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteText {
    /// The file's name (no folder), as messages and sources show it.
    pub file_name: String,
    /// The paragraphs in reading order; none of them is empty.
    pub paragraphs: Vec<Paragraph>,
}

impl NoteText {
    /// The whole text: the paragraphs joined by [`PARAGRAPH_SEPARATOR`].
    pub fn full_text(&self) -> String {
        let mut text = String::with_capacity(
            self.paragraphs
                .iter()
                .map(|p| p.text.len() + 2)
                .sum::<usize>(),
        );
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            if index > 0 {
                text.push_str(PARAGRAPH_SEPARATOR);
            }
            text.push_str(&paragraph.text);
        }
        text
    }

    /// Where paragraph `paragraph` lies in [`full_text`](Self::full_text), counted in
    /// characters (Unicode scalar values, as `str::chars` counts them), which do not depend
    /// on how the text is stored. Past the last paragraph, the empty range at the end.
    pub fn char_range(&self, paragraph: usize) -> Range<usize> {
        self.range_by(paragraph, |text| text.chars().count())
    }

    /// Where paragraph `paragraph` lies in [`full_text`](Self::full_text), in bytes, for
    /// slicing: `&full_text[note.byte_range(i)] == note.paragraphs[i].text`. Past the last
    /// paragraph, the empty range at the end.
    pub fn byte_range(&self, paragraph: usize) -> Range<usize> {
        self.range_by(paragraph, str::len)
    }

    /// The paragraph holding the character at `char_offset` of the full text (a separator
    /// belongs to the paragraph before it); `None` past the end.
    pub fn paragraph_at(&self, char_offset: usize) -> Option<usize> {
        let separator = PARAGRAPH_SEPARATOR.chars().count();
        let last = self.paragraphs.len().checked_sub(1)?;
        let mut start = 0;
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            let length = paragraph.text.chars().count();
            let end = start + length + if index < last { separator } else { 0 };
            if char_offset < end {
                return Some(index);
            }
            start = end;
        }
        None
    }

    /// Words of the note (runs of non-blank characters), headings included.
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum()
    }

    fn range_by(&self, paragraph: usize, measure: impl Fn(&str) -> usize) -> Range<usize> {
        let separator = measure(PARAGRAPH_SEPARATOR);
        let mut start = 0;
        for (index, p) in self.paragraphs.iter().enumerate() {
            if index > 0 {
                start += separator;
            }
            let length = measure(&p.text);
            if index == paragraph {
                return start..start + length;
            }
            start += length;
        }
        start..start
    }
}

/// A note of the evaluation, with the visited site it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteNote {
    /// Index of the site in the manifest's `sites`.
    pub site: usize,
    /// What the manifest says of the note (file, title, date, speakers).
    pub entry: NoteEntry,
    /// Its text.
    pub text: NoteText,
}
