//! A monograph as one HTML page that holds everything it shows (styles and charts inline), so
//! that it can be mailed, opened from a USB key or printed to A4 from any browser.
//!
//! The text of a monograph comes from answers and interview notes; every piece of it goes
//! through [`escape_into`], which leaves no character a browser could read as markup. Charts
//! are `<img>` elements with a `data:` URI, the SVG when the chart has one: an SVG shown
//! through `<img>` runs no script and reaches nothing outside itself, so chart labels (which
//! also come from answers) cannot inject anything either, even if the SVG writer let one
//! through.

use base64::Engine as _;

use super::document::{Block, Document, Figure, Quote, Section, Table};
use super::{attribution, clean, one_line, paragraphs};

/// The heading of the table of contents.
const TOC_TITLE: &str = "Sommaire";

/// The stylesheet: readable on screen, A4 with page numbers when printed, the title page and
/// the table of contents each on a page of their own.
const STYLE: &str = r#"@page { size: A4; margin: 2.5cm; @bottom-center { content: counter(page); font-size: 9pt; color: #595959; } }
@page :first { @bottom-center { content: none; } }
body { font-family: Calibri, Carlito, "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1, h2, h3 { color: #1f3864; line-height: 1.2; break-after: avoid; }
h1 { font-size: 26pt; font-weight: normal; margin: 0 0 .4em; }
h2 { font-size: 16pt; margin: 1.6em 0 .5em; }
h3 { font-size: 13pt; color: #2e74b5; margin: 1.2em 0 .4em; }
p { margin: 0 0 .6em; orphans: 2; widows: 2; }
.page-de-titre { padding-top: 4em; }
.sous-titre { font-size: 15pt; color: #404040; margin: 0 0 3em; }
.liminaire { color: #404040; margin: 0 0 .2em; }
.sommaire ol { list-style: none; padding-left: 0; }
.sommaire ol ol { padding-left: 1.5em; }
.sommaire li { margin: .2em 0; }
.sommaire a { color: inherit; text-decoration: none; }
.sommaire a:hover { text-decoration: underline; }
blockquote { margin: 1em 2.5em; font-style: italic; color: #404040; }
blockquote p { margin: .3em 0; }
blockquote footer { font-style: normal; font-size: 9pt; color: #595959; text-align: right; }
cite { font-style: normal; }
figure { margin: 1.2em 0; break-inside: avoid; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-style: italic; font-size: 9pt; color: #1f3864; margin-top: .4em; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: .6em 0 .3em; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 10pt; color: #1f3864; padding-bottom: .3em; }
th, td { border: 1px solid #808080; padding: .2em .5em; text-align: left; vertical-align: top; }
th { background: #dce6f1; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.note { font-size: 8pt; color: #595959; margin: .2em 0 .6em; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .page-de-titre { break-after: page; padding-top: 30%; }
  .sommaire { break-after: page; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Writes `doc` as one self-contained HTML5 page (French, UTF-8, styles and charts inline).
///
/// A title page, a table of contents linking to the sections, then the sections: headings,
/// paragraphs, quotes as `<blockquote>` with their speaker and source in `<cite>`, charts
/// (SVG when drawn, else PNG) with their caption, tables with a header row, notes in small
/// type. Every text is escaped; nothing in the document can become markup.
pub fn to_html(doc: &Document) -> String {
    let mut out = String::with_capacity(capacity(doc));
    out.push_str("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Atelier\">\n<title>");
    escape_into(&mut out, &one_line(&doc.title));
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    title_page(&mut out, doc);
    table_of_contents(&mut out, &doc.sections);
    out.push_str("<main>\n");
    for (index, section) in doc.sections.iter().enumerate() {
        self::section(&mut out, index, section);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Room for the page: its text, and the charts in base64 (four bytes for three).
fn capacity(doc: &Document) -> usize {
    let blocks = doc.sections.iter().flat_map(|section| &section.blocks);
    let content: usize = blocks
        .map(|block| match block {
            Block::Text(text) | Block::Note(text) => text.len(),
            Block::Quote(quote) => quote.text.len() + quote.source.len() + 64,
            Block::Figure(figure) => match &figure.svg {
                Some(svg) => svg.len() * 4 / 3,
                None => figure.png.len() * 4 / 3,
            }
            .saturating_add(figure.caption.len() + figure.alt.len() + 128),
            Block::Table(table) => {
                let cells = table.rows.iter().flatten().chain(&table.header);
                cells.map(|cell| cell.len() + 10).sum::<usize>() + 256
            }
        })
        .sum();
    STYLE.len() + 1024 + content * 11 / 10
}

fn title_page(out: &mut String, doc: &Document) {
    out.push_str("<header class=\"page-de-titre\">\n<h1>");
    escape_into(out, &one_line(&doc.title));
    out.push_str("</h1>\n");
    if !doc.subtitle.trim().is_empty() {
        out.push_str("<p class=\"sous-titre\">");
        escape_into(out, &one_line(&doc.subtitle));
        out.push_str("</p>\n");
    }
    for line in &doc.front_matter {
        let line = clean(line);
        let lines: Vec<&str> = line.lines().map(str::trim_end).collect();
        out.push_str("<p class=\"liminaire\">");
        lines_into(out, &lines);
        out.push_str("</p>\n");
    }
    out.push_str("</header>\n");
}

/// The table of contents: level-1 sections, each with its level-2 sections nested under it
/// (a level-2 section before any level-1 one stands on its own).
fn table_of_contents(out: &mut String, sections: &[Section]) {
    out.push_str("<nav class=\"sommaire\" aria-labelledby=\"sommaire\">\n<h2 id=\"sommaire\">");
    out.push_str(TOC_TITLE);
    out.push_str("</h2>\n<ol>\n");
    let (mut item_open, mut sublist_open) = (false, false);
    for (index, section) in sections.iter().enumerate() {
        if section.level >= 2 && item_open {
            if !sublist_open {
                out.push_str("\n<ol>\n");
                sublist_open = true;
            }
            out.push_str("<li>");
            link(out, index, &section.title);
            out.push_str("</li>\n");
        } else {
            if sublist_open {
                out.push_str("</ol>\n");
                sublist_open = false;
            }
            if item_open {
                out.push_str("</li>\n");
            }
            out.push_str("<li>");
            link(out, index, &section.title);
            item_open = true;
        }
    }
    if sublist_open {
        out.push_str("</ol>\n");
    }
    if item_open {
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</nav>\n");
}

fn link(out: &mut String, index: usize, title: &str) {
    out.push_str("<a href=\"#section-");
    out.push_str(&(index + 1).to_string());
    out.push_str("\">");
    escape_into(out, &one_line(title));
    out.push_str("</a>");
}

fn section(out: &mut String, index: usize, section: &Section) {
    // The document's title is the h1; sections are h2, subsections h3.
    let tag = if section.level >= 2 { "h3" } else { "h2" };
    out.push('<');
    out.push_str(tag);
    out.push_str(" id=\"section-");
    out.push_str(&(index + 1).to_string());
    out.push_str("\">");
    escape_into(out, &one_line(&section.title));
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
    for block in &section.blocks {
        match block {
            Block::Text(text) => text_into(out, text, "<p>"),
            Block::Quote(quote_) => quote(out, quote_),
            Block::Figure(figure_) => figure(out, figure_),
            Block::Table(table_) => table(out, table_),
            Block::Note(note) => text_into(out, note, "<p class=\"note\">"),
        }
    }
}

/// The paragraphs of `text`, each opened with `open` and closed with `</p>`.
fn text_into(out: &mut String, text: &str, open: &str) {
    let text = clean(text);
    for lines in paragraphs(&text) {
        out.push_str(open);
        lines_into(out, &lines);
        out.push_str("</p>\n");
    }
}

/// Lines escaped, with `<br>` between them.
fn lines_into(out: &mut String, lines: &[&str]) {
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            out.push_str("<br>\n");
        }
        escape_into(out, line);
    }
}

fn quote(out: &mut String, quote: &Quote) {
    let text = clean(&quote.text);
    let quoted = paragraphs(&text);
    let last = quoted.len().saturating_sub(1);
    out.push_str("<blockquote>\n");
    for (index, lines) in quoted.iter().enumerate() {
        out.push_str("<p>");
        if index == 0 {
            out.push_str("« ");
        }
        lines_into(out, lines);
        if index == last {
            out.push_str(" »");
        }
        out.push_str("</p>\n");
    }
    if let Some(attribution) = attribution(&quote.speaker, &quote.source) {
        out.push_str("<footer>— <cite>");
        escape_into(out, &attribution);
        out.push_str("</cite></footer>\n");
    }
    out.push_str("</blockquote>\n");
}

fn figure(out: &mut String, figure: &Figure) {
    out.push_str("<figure>\n");
    let image = match &figure.svg {
        Some(svg) => Some(("image/svg+xml", svg.as_bytes())),
        None if !figure.png.is_empty() => Some(("image/png", &figure.png[..])),
        None => None,
    };
    if let Some((mime, bytes)) = image {
        out.push_str("<img src=\"data:");
        out.push_str(mime);
        out.push_str(";base64,");
        base64::engine::general_purpose::STANDARD.encode_string(bytes, out);
        out.push_str("\" alt=\"");
        escape_into(out, &one_line(&figure.alt));
        out.push('"');
        let (width, height) = figure.size;
        if width > 0 && height > 0 {
            out.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
        }
        out.push_str(">\n");
    }
    let caption = clean(&figure.caption);
    let caption = paragraphs(&caption).concat();
    if !caption.is_empty() {
        out.push_str("<figcaption>");
        lines_into(out, &caption);
        out.push_str("</figcaption>\n");
    }
    out.push_str("</figure>\n");
}

fn table(out: &mut String, table: &Table) {
    let columns = table
        .rows
        .iter()
        .map(Vec::len)
        .chain(std::iter::once(table.header.len()))
        .max()
        .unwrap_or(0);
    if columns > 0 {
        out.push_str("<table>\n");
        if !table.title.trim().is_empty() {
            out.push_str("<caption>");
            escape_into(out, &one_line(&table.title));
            out.push_str("</caption>\n");
        }
        if !table.header.is_empty() {
            out.push_str("<thead>\n");
            row(out, &table.header, columns, "<th scope=\"col\">", "</th>");
            out.push_str("</thead>\n");
        }
        out.push_str("<tbody>\n");
        for cells in &table.rows {
            row(out, cells, columns, "<td>", "</td>");
        }
        out.push_str("</tbody>\n</table>\n");
    } else if !table.title.trim().is_empty() {
        out.push_str("<p><strong>");
        escape_into(out, &one_line(&table.title));
        out.push_str("</strong></p>\n");
    }
    for note in &table.notes {
        text_into(out, note, "<p class=\"note\">");
    }
}

/// A row of `columns` cells, missing ones empty.
fn row(out: &mut String, cells: &[String], columns: usize, open: &str, close: &str) {
    out.push_str("<tr>");
    for column in 0..columns {
        out.push_str(open);
        if let Some(cell) = cells.get(column) {
            escape_into(out, &one_line(cell));
        }
        out.push_str(close);
    }
    out.push_str("</tr>\n");
}

/// Appends `text` with the five characters that can open or close markup (`& < > " '`)
/// written as references, and the characters no document may hold dropped, so that the
/// text is inert both between tags and inside a quoted attribute.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    let text = clean(text);
    let mut rest: &str = &text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, text);
        out
    }

    #[test]
    fn the_five_markup_characters_are_escaped() {
        assert_eq!(
            escaped(r#"<a href="x" title='y'>&amp;</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
        assert_eq!(escaped("Réseau à 45,0 %"), "Réseau à 45,0 %");
        assert_eq!(escaped("a\u{0}b"), "ab");
    }

    #[test]
    fn subsections_nest_under_their_section_in_the_table_of_contents() {
        let section = |level, title: &str| Section {
            level,
            title: title.into(),
            blocks: Vec::new(),
        };
        let mut out = String::new();
        table_of_contents(
            &mut out,
            &[
                section(2, "Avant"),
                section(1, "Un"),
                section(2, "Un.a"),
                section(2, "Un.b"),
                section(1, "Deux"),
            ],
        );
        let expected = "<ol>\n<li><a href=\"#section-1\">Avant</a></li>\n\
            <li><a href=\"#section-2\">Un</a>\n<ol>\n<li><a href=\"#section-3\">Un.a</a></li>\n\
            <li><a href=\"#section-4\">Un.b</a></li>\n</ol>\n</li>\n\
            <li><a href=\"#section-5\">Deux</a></li>\n</ol>";
        assert!(out.contains(expected), "{out}");
    }
}
