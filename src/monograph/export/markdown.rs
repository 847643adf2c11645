//! A monograph as Markdown (CommonMark with pipe tables), for teams that keep reports in plain
//! text, in a wiki or under version control; charts are written beside it as PNG files.
//!
//! Markdown has no way to say « this is only text »: any of a dozen characters can start a
//! link, an image, raw HTML, emphasis, a heading, a list or a table cell, and answers and notes
//! are full of them. So every text goes through [`escape_line`], which backslash-escapes each
//! character that can open or close an inline construct wherever it stands, and the markers
//! that only count at the start of a line (`-`, `+`, `=`, `1.`) where they stand there.
//! Table cells and headings are kept on one line, since a line break would end them.

use super::document::{Block, Document, Figure, Quote, Section, Table};
use super::{attribution, clean, one_line, paragraphs};

/// The heading of the table of contents.
const TOC_TITLE: &str = "Sommaire";

/// Writes `doc` as Markdown, with its charts as PNG files to be written beside it.
///
/// The `k`-th chart of the document (counted from 1) is named `image_name(k)` (for example
/// `touraine-figure-1.png`) and referenced by that name, with its alt text, followed by its
/// caption. Returns the text and the files, as (name, PNG bytes), in order; a chart without
/// a PNG has its caption but no file.
pub fn to_markdown(
    doc: &Document,
    image_name: &dyn Fn(usize) -> String,
) -> (String, Vec<(String, Vec<u8>)>) {
    let mut writer = Writer {
        out: String::with_capacity(4096),
        images: Vec::new(),
        figures: 0,
    };
    writer.title_page(doc);
    writer.table_of_contents(&doc.sections);
    for section in &doc.sections {
        writer.section(section, image_name);
    }
    // One line break at the end, not the blank line every block leaves after itself.
    while writer.out.ends_with("\n\n") {
        writer.out.pop();
    }
    (writer.out, writer.images)
}

struct Writer {
    out: String,
    images: Vec<(String, Vec<u8>)>,
    /// Charts so far, whether or not they had an image.
    figures: usize,
}

impl Writer {
    fn title_page(&mut self, doc: &Document) {
        self.out.push_str("# ");
        escape_line(&mut self.out, &one_line(&doc.title));
        self.out.push_str("\n\n");
        if !doc.subtitle.trim().is_empty() {
            self.emphasised(&[&one_line(&doc.subtitle)]);
            self.out.push_str("\n\n");
        }
        let front: Vec<String> = doc
            .front_matter
            .iter()
            .flat_map(|line| clean(line).lines().map(str::to_owned).collect::<Vec<_>>())
            .filter(|line| !line.trim().is_empty())
            .collect();
        if !front.is_empty() {
            self.lines(&front);
            self.out.push_str("\n\n");
        }
    }

    /// The table of contents as a nested list (without links: CommonMark gives headings no
    /// anchors, and each renderer makes its own).
    fn table_of_contents(&mut self, sections: &[Section]) {
        if sections.is_empty() {
            return;
        }
        self.out.push_str("## ");
        self.out.push_str(TOC_TITLE);
        self.out.push_str("\n\n");
        for section in sections {
            self.out
                .push_str(if section.level >= 2 { "  - " } else { "- " });
            escape_line(&mut self.out, &one_line(&section.title));
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn section(&mut self, section: &Section, image_name: &dyn Fn(usize) -> String) {
        self.out
            .push_str(if section.level >= 2 { "### " } else { "## " });
        escape_line(&mut self.out, &one_line(&section.title));
        self.out.push_str("\n\n");
        for block in &section.blocks {
            match block {
                Block::Text(text) => self.text(text, false),
                Block::Quote(quote) => self.quote(quote),
                Block::Figure(figure) => self.figure(figure, image_name),
                Block::Table(table) => self.table(table),
                Block::Note(note) => self.text(note, true),
            }
        }
    }

    /// The paragraphs of `text`, in italics for a note.
    fn text(&mut self, text: &str, note: bool) {
        let text = clean(text);
        for lines in paragraphs(&text) {
            if note {
                self.emphasised(&lines);
            } else {
                self.lines(&lines);
            }
            self.out.push_str("\n\n");
        }
    }

    /// Lines escaped, joined by hard line breaks (a backslash at the end of a line).
    fn lines<S: AsRef<str>>(&mut self, lines: &[S]) {
        for (index, line) in lines.iter().enumerate() {
            if index > 0 {
                self.out.push_str("\\\n");
            }
            escape_line(&mut self.out, line.as_ref());
        }
    }

    /// Lines in italics. Emphasis cannot open on a space, so the lines are trimmed (which
    /// [`escape_line`] does anyway).
    fn emphasised<S: AsRef<str>>(&mut self, lines: &[S]) {
        self.out.push('*');
        self.lines(lines);
        self.out.push('*');
    }

    fn quote(&mut self, quote: &Quote) {
        let text = clean(&quote.text);
        let quoted = paragraphs(&text);
        let last = quoted.len().saturating_sub(1);
        for (index, lines) in quoted.iter().enumerate() {
            if index > 0 {
                self.out.push_str(">\n");
            }
            for (line_index, line) in lines.iter().enumerate() {
                self.out.push_str("> ");
                if index == 0 && line_index == 0 {
                    self.out.push_str("« ");
                }
                escape_line(&mut self.out, line);
                if index == last && line_index + 1 == lines.len() {
                    self.out.push_str(" »");
                } else if line_index + 1 < lines.len() {
                    self.out.push('\\');
                }
                self.out.push('\n');
            }
        }
        if let Some(attribution) = attribution(&quote.speaker, &quote.source) {
            if !quoted.is_empty() {
                self.out.push_str(">\n");
            }
            self.out.push_str("> — ");
            escape_line(&mut self.out, &attribution);
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn figure(&mut self, figure: &Figure, image_name: &dyn Fn(usize) -> String) {
        self.figures += 1;
        if !figure.png.is_empty() {
            let name = image_name(self.figures);
            self.out.push_str("![");
            escape_line(&mut self.out, &one_line(&figure.alt));
            self.out.push_str("](");
            link_destination(&mut self.out, &name);
            self.out.push_str(")\n\n");
            self.images.push((name, figure.png.clone()));
        }
        let caption = clean(&figure.caption);
        let caption = paragraphs(&caption).concat();
        if !caption.is_empty() {
            self.emphasised(&caption);
            self.out.push_str("\n\n");
        }
    }

    fn table(&mut self, table: &Table) {
        if !table.title.trim().is_empty() {
            self.out.push_str("**");
            escape_line(&mut self.out, &one_line(&table.title));
            self.out.push_str("**\n\n");
        }
        let columns = table
            .rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(table.header.len()))
            .max()
            .unwrap_or(0);
        if columns > 0 {
            // A pipe table must have a header row; an empty one if the table has none.
            self.row(&table.header, columns);
            self.out.push('|');
            for _ in 0..columns {
                self.out.push_str(" --- |");
            }
            self.out.push('\n');
            for cells in &table.rows {
                self.row(cells, columns);
            }
            self.out.push('\n');
        }
        for note in &table.notes {
            self.text(note, true);
        }
    }

    /// A row of `columns` cells, missing ones empty, each on one line with its pipes escaped.
    fn row(&mut self, cells: &[String], columns: usize) {
        self.out.push('|');
        for column in 0..columns {
            self.out.push(' ');
            if let Some(cell) = cells.get(column) {
                escape_line(&mut self.out, &one_line(cell));
            }
            self.out.push_str(" |");
        }
        self.out.push('\n');
    }
}

/// Appends one line of text so that Markdown shows it as it is: trimmed (leading spaces would
/// make code, trailing ones a line break), with a backslash before every character that can
/// start or end inline syntax (emphasis, code, links and images, raw HTML and entities,
/// table cells, strikethrough, headings' closing `#`, maths in some renderers), and before
/// the block markers that count only at the start of a line (list items `-` `+` `1.` `1)`,
/// setext underlines `=`).
pub(crate) fn escape_line(out: &mut String, line: &str) {
    let line = clean(line);
    let line = line.trim();
    // The end of a run of digits at the start of the line, which `.` or `)` would make an
    // ordered list item.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    for (at, c) in line.char_indices() {
        let escaped = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '$' => true,
            '-' | '+' | '=' => at == 0,
            '.' | ')' => digits > 0 && at == digits,
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(if c == '\t' { ' ' } else { c });
    }
}

/// Appends a file name as a link destination, percent-encoding all but unreserved URL
/// characters and `/`, so that spaces, parentheses or brackets in a name cannot end the link.
fn link_destination(out: &mut String, name: &str) {
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(line: &str) -> String {
        let mut out = String::new();
        escape_line(&mut out, line);
        out
    }

    #[test]
    fn inline_syntax_is_escaped_everywhere() {
        assert_eq!(
            escaped("[lien](javascript:x) <b>*gras*</b> `code` a|b ~~x~~ &amp; #1 $x$"),
            r"\[lien\](javascript:x) \<b\>\*gras\*\</b\> \`code\` a\|b \~\~x\~\~ \&amp; \#1 \$x\$"
        );
        assert_eq!(escaped(r"C:\dossier\"), r"C:\\dossier\\");
    }

    #[test]
    fn block_markers_are_escaped_only_at_the_start() {
        assert_eq!(escaped("- item"), r"\- item");
        assert_eq!(escaped("  + item"), r"\+ item");
        assert_eq!(escaped("==="), r"\===");
        assert_eq!(escaped("2013. Une année"), r"2013\. Une année");
        assert_eq!(escaped("1) premier"), r"1\) premier");
        assert_eq!(
            escaped("Taux : 12,5 % - en 2013."),
            "Taux : 12,5 % - en 2013."
        );
        assert_eq!(escaped("-3,5"), r"\-3,5");
    }

    #[test]
    fn link_destinations_keep_to_safe_characters() {
        let mut out = String::new();
        link_destination(&mut out, "site (1) figure.png");
        assert_eq!(out, "site%20%281%29%20figure.png");
    }
}
