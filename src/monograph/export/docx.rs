//! A monograph as a Word document, the form in which evaluators rework and send the report.
//!
//! docx-rs lays the document out with Word's built-in styles (`Heading1` named « heading 1 »,
//! `Title`, `Caption`, `Quote`, `TOC1`…), which Word shows under their French names (« Titre
//! 1 », « Légende »…) and which its navigation pane and table of contents follow; what
//! docx-rs cannot say is added to the archive afterwards ([`package`]). Paragraph, bookmark
//! and picture ids are set here rather than left to docx-rs, which draws them from counters
//! shared by a thread or the whole process: the same document must give the same bytes.

mod order;
mod package;

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Hyperlink, HyperlinkType, InstrPAGE,
    InstrText, InstrToC, LineSpacing, LineSpacingType, PageMargin, Paragraph, Pic, Run, RunFonts,
    Shading, Style, StyleType, TableCell, TableCellMargins, TableRow, WidthType,
};

use super::document::{Block, Document, Figure, Quote, Table};
use super::{ExportError, attribution, clean, one_line, paragraphs, png_size};

/// A4, in twentieths of a point.
const PAGE_WIDTH: u32 = 11_906;
/// A4, in twentieths of a point.
const PAGE_HEIGHT: u32 = 16_838;
/// 2.5 cm on every side.
const MARGIN: u32 = 1_418;
/// The width of the text, which charts fill.
const TEXT_WIDTH: u32 = PAGE_WIDTH - 2 * MARGIN;
/// The tallest a chart may be drawn, leaving room on its page for the caption.
const MAX_FIGURE_HEIGHT: u32 = (PAGE_HEIGHT - 2 * MARGIN) * 3 / 4;
/// English Metric Units (drawings) per twentieth of a point (pages).
const EMU_PER_TWIP: u64 = 635;
/// The heading of the table of contents.
const TOC_TITLE: &str = "Sommaire";
/// What the table of contents says until Word or LibreOffice fills it.
const TOC_PLACEHOLDER: &str =
    "Clic droit › Mettre à jour le champ pour afficher la table des matières.";

/// Writes `doc` as a Word document (`.docx`) that Word and LibreOffice open without repair.
///
/// A title page (title, subtitle, front matter), a table of contents that Word fills on
/// opening, then the sections with Word's heading styles; quotes indented in italics followed
/// by their speaker and source, charts at the width of the text followed by their caption,
/// tables as Word tables whose header row repeats, notes in small type; page numbers in the
/// footer from the second page on. The same document always gives the same bytes.
///
/// # Errors
///
/// [`ExportError::UnreadableFigure`] when a chart is not a PNG; the other variants when the
/// archive cannot be written, which only a fault in docx-rs or zip would cause.
pub fn to_docx(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let mut writer = Writer::new();
    writer.title_page(doc);
    writer.table_of_contents(doc);
    for (index, section) in doc.sections.iter().enumerate() {
        writer.heading(index, section.level, &section.title);
        let mut figures = 0;
        for block in &section.blocks {
            match block {
                Block::Text(text) => writer.text(text),
                Block::Quote(quote) => writer.quote(quote),
                Block::Figure(figure) => {
                    figures += 1;
                    let header = png_size(&figure.png).ok_or(ExportError::UnreadableFigure {
                        section: index + 1,
                        figure: figures,
                    })?;
                    writer.figure(figure, header);
                }
                Block::Table(table) => writer.table(table),
                Block::Note(note) => writer.note(note),
            }
        }
    }
    writer.finish(doc)
}

/// The document being laid out, with the counters that keep its ids stable.
struct Writer {
    docx: Docx,
    /// Paragraphs so far (their `w14:paraId`, which Word wants unique).
    paragraphs: u32,
    /// The alt text of each chart, in order, written into its drawing when repacking.
    alts: Vec<String>,
}

impl Writer {
    fn new() -> Self {
        let docx = Docx::new()
            .page_size(PAGE_WIDTH, PAGE_HEIGHT)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN as i32)
                    .bottom(MARGIN as i32)
                    .left(MARGIN as i32)
                    .right(MARGIN as i32)
                    .header(709)
                    .footer(709),
            )
            .default_fonts(
                RunFonts::new()
                    .ascii("Calibri")
                    .hi_ansi("Calibri")
                    .cs("Calibri")
                    .east_asia("Calibri"),
            )
            .default_size(22)
            .default_line_spacing(
                LineSpacing::new()
                    .after(120)
                    .line(264)
                    .line_rule(LineSpacingType::Auto),
            );
        let docx = styles().into_iter().fold(docx, Docx::add_style);
        let mut writer = Self {
            docx,
            paragraphs: 0,
            alts: Vec::new(),
        };
        writer.footers();
        writer
    }

    /// A new paragraph with the next id.
    fn paragraph(&mut self) -> Paragraph {
        self.paragraphs += 1;
        Paragraph::new().id(format!("{:08X}", self.paragraphs))
    }

    fn push(&mut self, paragraph: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(paragraph);
    }

    fn page_break(&mut self) {
        let paragraph = self
            .paragraph()
            .add_run(Run::new().add_break(BreakType::Page));
        self.push(paragraph);
    }

    /// Page numbers centred in the footer, none on the title page.
    fn footers(&mut self) {
        let number = self
            .paragraph()
            .style("Footer")
            .align(AlignmentType::Center)
            .add_run(field_start(InstrText::PAGE(InstrPAGE::new()), false))
            .add_run(Run::new().add_field_char(FieldCharType::End, false));
        let blank = self.paragraph().style("Footer");
        self.docx = std::mem::take(&mut self.docx)
            .footer(Footer::new().add_paragraph(number))
            .first_footer(Footer::new().add_paragraph(blank));
    }

    fn title_page(&mut self, doc: &Document) {
        let title = self.paragraph().style("Title");
        let title = add_text(title, &one_line(&doc.title));
        self.push(title);
        if !doc.subtitle.trim().is_empty() {
            let subtitle = self.paragraph().style("Subtitle");
            let subtitle = add_text(subtitle, &one_line(&doc.subtitle));
            self.push(subtitle);
        }
        for line in &doc.front_matter {
            let paragraph = self.paragraph().style("FrontMatter");
            let paragraph = add_lines(paragraph, &lines(line));
            self.push(paragraph);
        }
        self.page_break();
    }

    /// The table of contents: a TOC field over the level-1 and level-2 headings whose result,
    /// until Word or LibreOffice updates it, is the list of headings linked to them, without
    /// page numbers. The field is marked dirty so that Word updates it on opening.
    fn table_of_contents(&mut self, doc: &Document) {
        let heading = self.paragraph().style("TOCHeading");
        let heading = add_text(heading, TOC_TITLE);
        self.push(heading);
        let instr = InstrToC::new()
            .heading_styles_range(1, 2)
            .hyperlink()
            .hide_tab_and_page_numbers_in_webview()
            .use_applied_paragraph_line_level();
        let start = field_start(InstrText::TOC(instr), true);
        let end = Run::new().add_field_char(FieldCharType::End, false);
        if doc.sections.is_empty() {
            let paragraph = self.paragraph().style("TOC1").add_run(start);
            let paragraph = add_text(paragraph, TOC_PLACEHOLDER).add_run(end);
            self.push(paragraph);
        } else {
            let last = doc.sections.len() - 1;
            let mut start = Some(start);
            for (index, section) in doc.sections.iter().enumerate() {
                let style = format!("TOC{}", level(section.level));
                let mut paragraph = self.paragraph().style(&style);
                if let Some(start) = start.take() {
                    paragraph = paragraph.add_run(start);
                }
                let link = Hyperlink::new(bookmark(index), HyperlinkType::Anchor)
                    .add_run(text_run(Run::new(), &one_line(&section.title)));
                paragraph = paragraph.add_hyperlink(link);
                if index == last {
                    paragraph = paragraph.add_run(end.clone());
                }
                self.push(paragraph);
            }
        }
        self.page_break();
    }

    fn heading(&mut self, index: usize, level_: u8, title: &str) {
        let id = index + 1;
        let paragraph = self
            .paragraph()
            .style(&format!("Heading{}", level(level_)))
            .add_bookmark_start(id, bookmark(index));
        let paragraph = add_text(paragraph, &one_line(title)).add_bookmark_end(id);
        self.push(paragraph);
    }

    fn text(&mut self, text: &str) {
        let text = clean(text);
        for lines in paragraphs(&text) {
            let paragraph = add_lines(self.paragraph(), &lines);
            self.push(paragraph);
        }
    }

    fn quote(&mut self, quote: &Quote) {
        let text = clean(&quote.text);
        let quoted = paragraphs(&text);
        let count = quoted.len();
        for (index, lines) in quoted.into_iter().enumerate() {
            let mut lines: Vec<String> = lines.iter().map(|line| line.to_string()).collect();
            // French quotation marks around the whole passage, however many paragraphs.
            if index == 0
                && let Some(first) = lines.first_mut()
            {
                first.insert_str(0, "« ");
            }
            if index + 1 == count
                && let Some(last) = lines.last_mut()
            {
                last.push_str(" »");
            }
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let paragraph = add_lines(self.paragraph().style("Quote"), &lines);
            self.push(paragraph);
        }
        if let Some(attribution) = attribution(&quote.speaker, &quote.source) {
            let paragraph = self.paragraph().style("QuoteSource");
            let paragraph = add_text(paragraph, &format!("— {attribution}"));
            self.push(paragraph);
        }
    }

    /// A chart at the width of the text (less if that would make it taller than
    /// [`MAX_FIGURE_HEIGHT`]), then its caption; `header` is the size its PNG says, used when
    /// the figure does not give one.
    fn figure(&mut self, figure: &Figure, header: (u32, u32)) {
        let (width_px, height_px) = match figure.size {
            (width, height) if width > 0 && height > 0 => (width, height),
            _ => header,
        };
        let (width, height) = fit(width_px, height_px);
        self.alts.push(one_line(&figure.alt));
        let number = self.alts.len();
        let pic = Pic::new_with_dimensions(figure.png.clone(), width_px, height_px)
            .id(format!("rIdImage{number}"))
            .size(width, height);
        let paragraph = self
            .paragraph()
            .style("Figure")
            .add_run(Run::new().add_image(pic));
        self.push(paragraph);
        let caption = clean(&figure.caption);
        let caption = paragraphs(&caption).concat();
        if !caption.is_empty() {
            let paragraph = add_lines(self.paragraph().style("Caption"), &caption);
            self.push(paragraph);
        }
    }

    fn table(&mut self, table: &Table) {
        if !table.title.trim().is_empty() {
            let title = self.paragraph().style("TableTitle");
            let title = add_text(title, &one_line(&table.title));
            self.push(title);
        }
        let columns = table
            .rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(table.header.len()))
            .max()
            .unwrap_or(0);
        if let Some(width) = (TEXT_WIDTH as usize).checked_div(columns) {
            let mut rows = Vec::with_capacity(table.rows.len() + 1);
            if !table.header.is_empty() {
                rows.push(self.row(&table.header, columns, width, true));
            }
            for row in &table.rows {
                rows.push(self.row(row, columns, width, false));
            }
            let word_table = docx_rs::Table::new(rows)
                .set_grid(vec![width; columns])
                .width(width * columns, WidthType::Dxa)
                .margins(TableCellMargins::new().margin(40, 100, 40, 100));
            self.docx = std::mem::take(&mut self.docx).add_table(word_table);
        }
        for note in &table.notes {
            self.note(note);
        }
        if table.notes.is_empty() {
            // Two tables in a row would merge, and Word wants a paragraph after a table.
            let spacer = self.paragraph().style("Note");
            self.push(spacer);
        }
    }

    /// A row of `columns` cells (missing cells empty). A header row is bold and shaded, and
    /// marked `cantSplit`, which repacking turns into a header row that repeats on each page.
    fn row(&mut self, cells: &[String], columns: usize, width: usize, header: bool) -> TableRow {
        let mut out = Vec::with_capacity(columns);
        for column in 0..columns {
            let text = cells.get(column).map(|cell| one_line(cell));
            let mut paragraph = self.paragraph().style("TableText");
            let mut run = Run::new();
            if header {
                run = run.bold();
            }
            if let Some(text) = text.filter(|text| !text.is_empty()) {
                paragraph = paragraph.add_run(text_run(run, &text));
            }
            let mut cell = TableCell::new()
                .width(width, WidthType::Dxa)
                .add_paragraph(paragraph);
            if header {
                cell = cell.shading(Shading::new().fill("DCE6F1"));
            }
            out.push(cell);
        }
        let row = TableRow::new(out);
        if header { row.cant_split() } else { row }
    }

    fn note(&mut self, note: &str) {
        let note = clean(note);
        for lines in paragraphs(&note) {
            let paragraph = add_lines(self.paragraph().style("Note"), &lines);
            self.push(paragraph);
        }
    }

    /// Lays the document out, then repacks and completes the archive.
    fn finish(self, doc: &Document) -> Result<Vec<u8>, ExportError> {
        let mut packed = Cursor::new(Vec::new());
        self.docx
            .build()
            .pack(&mut packed)
            .map_err(|e| ExportError::Layout(e.to_string()))?;
        package::repack(&packed.into_inner(), &one_line(&doc.title), &self.alts)
    }
}

/// Heading levels the document knows: 1 and 2 (anything else is brought into range).
fn level(level: u8) -> u8 {
    level.clamp(1, 2)
}

/// The (hidden) bookmark on a section's heading, which the table of contents links to.
fn bookmark(index: usize) -> String {
    format!("_Toc{:06}", index + 1)
}

/// The size of a chart of `width_px` × `height_px` on the page, in EMU: the width of the
/// text, keeping the aspect ratio, unless that would be taller than [`MAX_FIGURE_HEIGHT`].
fn fit(width_px: u32, height_px: u32) -> (u32, u32) {
    let (width_px, height_px) = (u64::from(width_px.max(1)), u64::from(height_px.max(1)));
    let mut width = u64::from(TEXT_WIDTH) * EMU_PER_TWIP;
    let mut height = width * height_px / width_px;
    let max_height = u64::from(MAX_FIGURE_HEIGHT) * EMU_PER_TWIP;
    if height > max_height {
        height = max_height;
        width = height * width_px / height_px;
    }
    // Both are below the text's size in EMU (about 6·10⁶), far inside u32.
    (
        u32::try_from(width).unwrap_or(u32::MAX),
        u32::try_from(height).unwrap_or(u32::MAX),
    )
}

/// The start of a field: its beginning, its instruction and the separator before its result.
fn field_start(instr: InstrText, dirty: bool) -> Run {
    Run::new()
        .add_field_char(FieldCharType::Begin, dirty)
        .add_instr_text(instr)
        .add_field_char(FieldCharType::Separate, false)
}

/// The lines of a short text (a front-matter line may span several).
fn lines(text: &str) -> Vec<String> {
    clean(text)
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect()
}

/// `text` (one line) as a run.
fn add_text(paragraph: Paragraph, text: &str) -> Paragraph {
    if text.is_empty() {
        return paragraph;
    }
    paragraph.add_run(text_run(Run::new(), text))
}

/// Lines as one run with line breaks between them.
fn add_lines<S: AsRef<str>>(paragraph: Paragraph, lines: &[S]) -> Paragraph {
    let mut run = Run::new();
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = text_run(run, line.as_ref());
    }
    paragraph.add_run(run)
}

/// Adds `line` to `run`, tabs as Word tabs (a tab inside `w:t` would count as a space). All
/// text reaches the document through here, so this is where characters XML cannot hold go.
fn text_run(mut run: Run, line: &str) -> Run {
    let line = clean(line);
    for (index, piece) in line.split('\t').enumerate() {
        if index > 0 {
            run = run.add_tab();
        }
        if !piece.is_empty() {
            run = run.add_text(piece);
        }
    }
    run
}

/// The paragraph styles of the document. Built-in styles keep Word's ids and English names,
/// which Word recognises and shows in its own language; Atelier's own styles are named in
/// French, since Word shows them as they are.
fn styles() -> Vec<Style> {
    let paragraph = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .q_format(true)
    };
    let keep_with_next = |style: Style| {
        let mut style = style;
        style.paragraph_property = style.paragraph_property.keep_next(true);
        style
    };
    // docx-rs writes the Normal style itself, empty: the defaults above are the body text.
    vec![
        keep_with_next(
            paragraph("Heading1", "heading 1")
                .next("Normal")
                .bold()
                .size(32)
                .color("1F3864")
                .outline_lvl(0)
                .line_spacing(LineSpacing::new().before(360).after(120)),
        ),
        keep_with_next(
            paragraph("Heading2", "heading 2")
                .next("Normal")
                .bold()
                .size(26)
                .color("2E74B5")
                .outline_lvl(1)
                .line_spacing(LineSpacing::new().before(240).after(80)),
        ),
        paragraph("Title", "Title")
            .next("Subtitle")
            .size(56)
            .color("1F3864")
            .line_spacing(LineSpacing::new().before(2880).after(240)),
        paragraph("Subtitle", "Subtitle")
            .next("Normal")
            .size(30)
            .color("404040")
            .line_spacing(LineSpacing::new().after(720)),
        paragraph("FrontMatter", "Page de titre")
            .color("404040")
            .line_spacing(LineSpacing::new().after(60)),
        keep_with_next(
            paragraph("TOCHeading", "TOC Heading")
                .next("Normal")
                .bold()
                .size(32)
                .color("1F3864")
                .line_spacing(LineSpacing::new().after(240)),
        ),
        paragraph("TOC1", "toc 1")
            .next("Normal")
            .line_spacing(LineSpacing::new().after(100)),
        paragraph("TOC2", "toc 2")
            .next("Normal")
            .indent(Some(220), None, None, None)
            .line_spacing(LineSpacing::new().after(100)),
        paragraph("Quote", "Quote")
            .next("Normal")
            .italic()
            .color("404040")
            .indent(Some(720), None, Some(720), None)
            .line_spacing(LineSpacing::new().before(120).after(60)),
        paragraph("QuoteSource", "Source de citation")
            .next("Normal")
            .size(18)
            .color("595959")
            .align(AlignmentType::Right)
            .indent(Some(720), None, Some(720), None)
            .line_spacing(LineSpacing::new().after(200)),
        keep_with_next(
            paragraph("Figure", "Figure")
                .next("Caption")
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(120).after(60)),
        ),
        paragraph("Caption", "caption")
            .next("Normal")
            .italic()
            .size(18)
            .color("1F3864")
            .line_spacing(LineSpacing::new().after(240)),
        keep_with_next(
            paragraph("TableTitle", "Titre de tableau")
                .next("Normal")
                .bold()
                .size(20)
                .color("1F3864")
                .line_spacing(LineSpacing::new().before(120).after(60)),
        ),
        paragraph("TableText", "Texte de tableau")
            .size(18)
            .line_spacing(
                LineSpacing::new()
                    .before(20)
                    .after(20)
                    .line(240)
                    .line_rule(LineSpacingType::Auto),
            ),
        paragraph("Note", "Note")
            .size(16)
            .color("595959")
            .line_spacing(
                LineSpacing::new()
                    .after(80)
                    .line(240)
                    .line_rule(LineSpacingType::Auto),
            ),
        paragraph("Footer", "footer")
            .size(18)
            .color("595959")
            .line_spacing(LineSpacing::new().after(0)),
    ]
}
