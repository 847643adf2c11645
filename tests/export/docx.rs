// The Word export read back: what an evaluator opening the file would find (headings in the
// navigation pane, the table of contents, tables, charts and their captions, page numbers),
// that it is the same file every time, and that LibreOffice turns it into a PDF.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use atelier::monograph::document::{Block, Document, Figure};
use atelier::monograph::export::{ExportError, to_docx};
use quick_xml::events::Event;
use quick_xml::reader::Reader;

/// The parts of a `.docx`, by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut parts = BTreeMap::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        parts.insert(entry.name().unwrap().to_string(), data);
    }
    parts
}

fn part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        parts
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone(),
    )
    .unwrap()
}

/// A paragraph of the body as Word shows it.
#[derive(Debug, Default)]
struct Paragraph {
    style: String,
    text: String,
    /// Field instructions (`TOC \o "1-2" …`, `PAGE`).
    fields: Vec<String>,
    /// (docPr id, its description, the image relationship) of each drawing.
    drawings: Vec<(String, String, String)>,
    /// Whether a page break is in it.
    page_break: bool,
}

/// A table: its rows of cell texts, and whether each row repeats as a header.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<(bool, Vec<String>)>,
}

#[derive(Debug)]
enum Item {
    Paragraph(Paragraph),
    Table(Table),
}

/// The body of `word/document.xml` (or a footer) as paragraphs and tables, checking on the
/// way that it is well-formed XML.
fn body(xml: &str) -> Vec<Item> {
    let mut reader = Reader::from_str(xml);
    let mut items = Vec::new();
    let mut paragraph: Option<Paragraph> = None;
    let mut table: Option<Table> = None;
    let mut cell: Option<String> = None;
    let (mut in_text, mut in_instr) = (false, false);
    loop {
        let event = reader.read_event().unwrap_or_else(|e| panic!("XML: {e}"));
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let attr = |name: &str| {
                e.try_get_attribute(name)
                    .unwrap()
                    .map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                    .unwrap_or_default()
            };
            match e.name().as_ref() {
                "w:p" if !empty => paragraph = Some(Paragraph::default()),
                "w:tbl" => table = Some(Table::default()),
                "w:tr" => table.as_mut().unwrap().rows.push((false, Vec::new())),
                "w:tblHeader" => table.as_mut().unwrap().rows.last_mut().unwrap().0 = true,
                "w:tc" => cell = Some(String::new()),
                "w:pStyle" => paragraph.as_mut().unwrap().style = attr("w:val"),
                "w:t" => in_text = !empty,
                "w:instrText" => {
                    in_instr = !empty;
                    paragraph.as_mut().unwrap().fields.push(String::new());
                }
                "w:br" => {
                    let paragraph = paragraph.as_mut().unwrap();
                    if attr("w:type") == "page" {
                        paragraph.page_break = true;
                    } else {
                        paragraph.text.push('\n');
                    }
                }
                "w:tab" => {
                    if let Some(paragraph) = paragraph.as_mut() {
                        paragraph.text.push('\t');
                    }
                }
                "wp:docPr" => paragraph.as_mut().unwrap().drawings.push((
                    attr("id"),
                    attr("descr"),
                    String::new(),
                )),
                "a:blip" => {
                    paragraph.as_mut().unwrap().drawings.last_mut().unwrap().2 = attr("r:embed")
                }
                _ => {}
            }
            continue;
        }
        let text = match &event {
            Event::Text(t) => Some(t.xml10_content().into_owned()),
            Event::GeneralRef(r) => Some(
                quick_xml::escape::unescape(&format!("&{};", &**r))
                    .unwrap()
                    .into_owned(),
            ),
            _ => None,
        };
        if let (Some(text), Some(paragraph)) = (text, paragraph.as_mut()) {
            if in_text {
                paragraph.text.push_str(&text);
            } else if let (Some(field), true) = (paragraph.fields.last_mut(), in_instr) {
                field.push_str(&text);
            }
            continue;
        }
        match event {
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:instrText" => {
                    in_instr = false;
                    let paragraph = paragraph.as_mut().unwrap();
                    let field = paragraph.fields.pop().unwrap();
                    paragraph.fields.push(field.trim().to_string());
                }
                "w:p" => {
                    let done = paragraph.take().unwrap();
                    match cell.as_mut() {
                        Some(cell) => cell.push_str(&done.text),
                        None => items.push(Item::Paragraph(done)),
                    }
                }
                "w:tc" => {
                    let text = cell.take().unwrap();
                    table
                        .as_mut()
                        .unwrap()
                        .rows
                        .last_mut()
                        .unwrap()
                        .1
                        .push(text);
                }
                "w:tbl" => items.push(Item::Table(table.take().unwrap())),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    items
}

fn paragraphs(items: &[Item]) -> Vec<&Paragraph> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Paragraph(p) => Some(p),
            Item::Table(_) => None,
        })
        .collect()
}

fn tables(items: &[Item]) -> Vec<&Table> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Table(t) => Some(t),
            Item::Paragraph(_) => None,
        })
        .collect()
}

fn styled<'a>(items: &'a [Item], style: &str) -> Vec<&'a str> {
    paragraphs(items)
        .into_iter()
        .filter(|p| p.style == style)
        .map(|p| p.text.as_str())
        .collect()
}

#[test]
fn headings_carry_word_heading_styles_in_order() {
    let doc = crate::fixture::sample();
    let parts = unzip(&to_docx(&doc).unwrap());
    let items = body(&part(&parts, "word/document.xml"));
    let headings: Vec<(String, &str)> = paragraphs(&items)
        .into_iter()
        .filter(|p| p.style.starts_with("Heading"))
        .map(|p| (p.style.clone(), p.text.as_str()))
        .collect();
    let expected: Vec<(String, &str)> = doc
        .sections
        .iter()
        .map(|s| (format!("Heading{}", s.level), s.title.as_str()))
        .collect();
    assert_eq!(headings, expected);
    // The styles are Word's built-in ones (by name, which Word localises to « Titre 1 »),
    // with an outline level, so that the navigation pane lists them.
    let styles = part(&parts, "word/styles.xml");
    for (id, name, outline) in [("Heading1", "heading 1", 0), ("Heading2", "heading 2", 1)] {
        let at = styles.find(&format!(r#"w:styleId="{id}""#)).unwrap();
        let style = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
        assert!(
            style.contains(&format!(r#"<w:name w:val="{name}" />"#)),
            "{style}"
        );
        assert!(
            style.contains(&format!(r#"<w:outlineLvl w:val="{outline}" />"#)),
            "{style}"
        );
    }
    assert_eq!(styles.matches(r#"w:styleId="Normal""#).count(), 1);
}

#[test]
fn the_title_page_comes_first_then_a_table_of_contents_field() {
    let doc = crate::fixture::sample();
    let parts = unzip(&to_docx(&doc).unwrap());
    let items = body(&part(&parts, "word/document.xml"));
    let paragraphs = paragraphs(&items);
    assert_eq!(paragraphs[0].style, "Title");
    assert_eq!(paragraphs[0].text, doc.title);
    assert_eq!(paragraphs[1].style, "Subtitle");
    assert_eq!(paragraphs[1].text, doc.subtitle);
    assert_eq!(styled(&items, "FrontMatter"), doc.front_matter);
    assert!(paragraphs[4].page_break, "a page break ends the title page");
    assert_eq!(paragraphs[5].style, "TOCHeading");
    assert_eq!(paragraphs[5].text, "Sommaire");
    // The field Word fills on opening, over the two heading levels, with hyperlinks.
    let toc = &paragraphs[6];
    assert_eq!(toc.fields.len(), 1);
    assert!(
        toc.fields[0].starts_with(r#"TOC \o "1-2" \h"#),
        "{:?}",
        toc.fields
    );
    let entries: Vec<&str> = paragraphs
        .iter()
        .filter(|p| p.style.starts_with("TOC") && p.style != "TOCHeading")
        .map(|p| p.text.as_str())
        .collect();
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(entries, titles);
    let document = part(&parts, "word/document.xml");
    assert!(document.contains(r#"<w:fldChar w:fldCharType="begin" w:dirty="true" />"#));
    assert!(part(&parts, "word/settings.xml").contains(r#"<w:updateFields w:val="true" />"#));
    // An anchor for each entry, on its heading.
    for index in 1..=doc.sections.len() {
        let name = format!("_Toc{index:06}");
        assert!(document.contains(&format!(r#"w:anchor="{name}""#)));
        assert!(document.contains(&format!(r#"w:name="{name}""#)));
    }
}

#[test]
fn a_document_without_sections_says_how_to_fill_its_table_of_contents() {
    let doc = Document {
        title: "Vide".into(),
        ..Document::default()
    };
    let items = body(&part(&unzip(&to_docx(&doc).unwrap()), "word/document.xml"));
    let toc = styled(&items, "TOC1");
    assert_eq!(toc.len(), 1);
    assert!(toc[0].contains("Mettre à jour le champ"), "{toc:?}");
}

#[test]
fn page_numbers_are_a_page_field_in_the_footer_but_not_on_the_title_page() {
    let parts = unzip(&to_docx(&crate::fixture::sample()).unwrap());
    let document = part(&parts, "word/document.xml");
    assert!(document.contains("<w:titlePg />"));
    let footers: Vec<Vec<String>> = ["word/footer1.xml", "word/footer2.xml"]
        .iter()
        .map(|name| {
            paragraphs(&body(&part(&parts, name)))
                .iter()
                .flat_map(|p| p.fields.clone())
                .collect()
        })
        .collect();
    assert!(footers.contains(&vec!["PAGE".to_string()]), "{footers:?}");
    assert!(footers.contains(&Vec::new()), "{footers:?}");
}

#[test]
fn tables_are_word_tables_with_a_repeating_header_row() {
    let doc = crate::fixture::sample();
    let parts = unzip(&to_docx(&doc).unwrap());
    let items = body(&part(&parts, "word/document.xml"));
    let tables = tables(&items);
    assert_eq!(tables.len(), 2);
    let Block::Table(first) = &doc.sections[0].blocks[1] else {
        panic!()
    };
    let (header, rows) = tables[0].rows.split_first().unwrap();
    assert_eq!(header, &(true, first.header.clone()));
    // The short row is filled with an empty cell.
    let expected: Vec<(bool, Vec<String>)> = first
        .rows
        .iter()
        .map(|row| {
            let mut row = row.clone();
            row.resize(3, String::new());
            (false, row)
        })
        .collect();
    assert_eq!(rows, expected);
    assert!(styled(&items, "TableTitle").contains(&first.title.as_str()));
    assert!(styled(&items, "Note").contains(&first.notes[0].as_str()));
    // A line break in a cell becomes a space: the cell stays one line.
    assert_eq!(tables[1].rows[0].1[1], "Réponse libre");
}

#[test]
fn charts_are_inline_pngs_at_text_width_followed_by_their_caption() {
    let doc = crate::fixture::sample();
    let parts = unzip(&to_docx(&doc).unwrap());
    let items = body(&part(&parts, "word/document.xml"));
    let figures: Vec<&Figure> = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
        .collect();
    let media: Vec<&Vec<u8>> = parts
        .iter()
        .filter(|(name, _)| name.starts_with("word/media/"))
        .map(|(_, data)| data)
        .collect();
    assert_eq!(media.len(), figures.len());
    for figure in &figures {
        assert!(
            media.contains(&&figure.png),
            "each chart's PNG is in the archive as it is"
        );
    }
    // Each drawing is followed by its caption, has its own id and carries its alt text.
    let paragraphs = paragraphs(&items);
    let mut seen = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if let Some((id, descr, embed)) = paragraph.drawings.first() {
            assert_eq!(paragraph.style, "Figure");
            let figure = figures[seen.len()];
            assert_eq!(descr, &figure.alt);
            assert!(!embed.is_empty());
            let caption = paragraphs[index + 1];
            assert_eq!(caption.style, "Caption");
            assert_eq!(caption.text, figure.caption);
            seen.push(id.clone());
        }
    }
    assert_eq!(seen, ["1", "2"]);
    // The wide chart fills the text width (16 cm, in EMU), its aspect ratio kept; the tall one
    // is held to three quarters of the page's text height.
    let document = part(&parts, "word/document.xml");
    assert!(
        document.contains(r#"<wp:extent cx="5759450" cy="3599656" />"#),
        "800 × 500"
    );
    let tall = document.split("<wp:extent ").nth(2).unwrap();
    let number = |name: &str| -> u64 {
        let at = tall.find(name).unwrap() + name.len() + 2;
        tall[at..at + tall[at..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let (cx, cy) = (number("cx"), number("cy"));
    assert!(cy <= (16_838 - 2 * 1_418) * 3 / 4 * 635, "{cy}");
    assert!(
        (cx * 900).abs_diff(cy * 600) <= 900,
        "600 × 900 keeps its shape: {cx} × {cy}"
    );
}

#[test]
fn quotes_are_italic_indented_paragraphs_followed_by_speaker_and_source() {
    let doc = crate::fixture::sample();
    let parts = unzip(&to_docx(&doc).unwrap());
    let items = body(&part(&parts, "word/document.xml"));
    let quotes = styled(&items, "Quote");
    assert_eq!(
        quotes[0],
        "« On a dû tout reconstruire avec les entreprises du bassin. »"
    );
    assert_eq!(
        styled(&items, "QuoteSource")[0],
        "— Directrice, Entretien avec la directrice, 8 octobre 2013"
    );
    let styles = part(&parts, "word/styles.xml");
    let at = styles.find(r#"w:styleId="Quote""#).unwrap();
    let quote = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
    assert!(
        quote.contains("<w:i />") && quote.contains(r#"w:left="720""#),
        "{quote}"
    );
}

#[test]
fn hostile_text_stays_text_in_word() {
    let doc = crate::fixture::sample();
    let parts = unzip(&to_docx(&doc).unwrap());
    let items = body(&part(&parts, "word/document.xml"));
    let all: String = paragraphs(&items)
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for hostile in crate::fixture::HOSTILE {
        assert!(all.contains(hostile), "{hostile} is shown as typed");
    }
    // Only the fields Atelier writes.
    let fields: Vec<String> = paragraphs(&items)
        .iter()
        .flat_map(|p| p.fields.clone())
        .collect();
    assert_eq!(fields.len(), 1, "{fields:?}");
}

#[test]
fn control_characters_in_answers_cannot_make_word_refuse_the_file() {
    let mut doc = crate::fixture::sample();
    doc.title = "Titre\u{0}\u{B} avec contrôle\u{1F}".into();
    doc.sections[0].blocks.push(Block::Text(
        "Réponse\u{C} collée\u{7}\r\nde Word\u{FFFF}".into(),
    ));
    doc.sections[0]
        .blocks
        .push(Block::Note("Note\ttabulée".into()));
    doc.sections[1].title = "Sous-section\u{1B}[31m".into();
    doc.sections[1]
        .blocks
        .push(Block::Quote(atelier::monograph::document::Quote {
            text: "Cité\u{8}".into(),
            speaker: "Rôle\u{0}".into(),
            source: "Source\u{85}".into(),
            code: String::new(),
        }));
    doc.sections[1]
        .blocks
        .push(Block::Table(atelier::monograph::document::Table {
            title: "Titre\u{3}".into(),
            header: vec!["En-tête\u{4}".into()],
            rows: vec![vec!["Cellule\u{5}".into()]],
            notes: vec!["Note\u{6}".into()],
        }));
    doc.sections[1].blocks.push(Block::Figure(Figure {
        alt: "Alt\u{2}".into(),
        caption: "Légende\u{1}".into(),
        ..crate::fixture::figure(5, 20, 20)
    }));
    let parts = unzip(&to_docx(&doc).unwrap());
    for name in ["word/document.xml", "docProps/core.xml"] {
        let xml = part(&parts, name);
        assert!(
            !xml.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{name}"
        );
    }
    let items = body(&part(&parts, "word/document.xml"));
    assert_eq!(paragraphs(&items)[0].text, "Titre avec contrôle");
    assert!(
        paragraphs(&items)
            .iter()
            .any(|p| p.text == "Réponse collée\nde Word")
    );
    assert!(styled(&items, "Note").contains(&"Note\ttabulée"));
    assert!(styled(&items, "TOC2").contains(&"Sous-section[31m"));
    assert!(styled(&items, "QuoteSource").contains(&"— Rôle, Source"));
    assert!(styled(&items, "Caption").contains(&"Légende"));
    let document = part(&parts, "word/document.xml");
    assert!(document.contains(r#"descr="Alt""#));
}

#[test]
fn the_properties_name_no_person_and_say_french() {
    let parts = unzip(&to_docx(&crate::fixture::sample()).unwrap());
    let core = part(&parts, "docProps/core.xml");
    assert!(core.contains("<dc:creator>Atelier</dc:creator>"), "{core}");
    assert!(
        core.contains("<cp:lastModifiedBy>Atelier</cp:lastModifiedBy>"),
        "{core}"
    );
    assert!(core.contains("<dc:title>Monographie — Mission locale de Touraine</dc:title>"));
    assert!(core.contains("<dc:language>fr-FR</dc:language>"));
    let styles = part(&parts, "word/styles.xml");
    let defaults = &styles[..styles.find("</w:docDefaults>").unwrap()];
    assert!(defaults.contains(r#"<w:lang w:val="fr-FR""#), "{defaults}");
    let app = part(&parts, "docProps/app.xml");
    assert!(
        !app.contains("<Company>") && !app.contains("<Manager>"),
        "{app}"
    );
}

#[test]
fn the_same_document_gives_the_same_bytes_even_across_threads() {
    let doc = crate::fixture::sample();
    let first = to_docx(&doc).unwrap();
    let second = std::thread::spawn(move || {
        // Paragraphs and pictures built before on another thread must not shift any id.
        let _ = to_docx(&crate::fixture::long(
            3,
            &[crate::fixture::figure(9, 300, 200)],
        ))
        .unwrap();
        to_docx(&doc).unwrap()
    })
    .join()
    .unwrap();
    assert_eq!(first, second);
    let mut archive = zip::ZipArchive::new(Cursor::new(&first)).unwrap();
    for index in 0..archive.len() {
        let entry = archive.by_index(index).unwrap();
        let time = entry.last_modified().unwrap();
        assert_eq!((time.year(), time.month(), time.day()), (1980, 1, 1));
    }
}

#[test]
fn a_chart_that_is_not_a_png_is_refused_naming_where_it_is() {
    let mut doc = crate::fixture::sample();
    doc.sections[2].blocks.push(Block::Figure(Figure {
        png: b"GIF89a".to_vec(),
        size: (10, 10),
        ..Figure::default()
    }));
    match to_docx(&doc) {
        Err(
            error @ ExportError::UnreadableFigure {
                section: 3,
                figure: 2,
            },
        ) => {
            assert_eq!(
                error.to_string(),
                "export Word : la figure n° 2 de la section n° 3 n'est pas une image PNG lisible"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// A fresh folder for LibreOffice's output and its profile.
fn scratch_dir(name: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let dir = std::env::temp_dir().join(format!("atelier-{name}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether `soffice` can be run.
fn soffice_available() -> bool {
    Command::new("soffice")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Converts `docx` to PDF with LibreOffice (its own profile, so that it runs beside any other
/// LibreOffice), within two minutes; returns the PDF.
fn convert_to_pdf(dir: &Path, docx: &Path) -> Vec<u8> {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let mut child = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(docx)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            panic!(
                "LibreOffice took more than two minutes on {}",
                docx.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let output = child.wait_with_output().unwrap();
    assert!(
        status.success(),
        "soffice failed ({status}): {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let pdf = docx.with_extension("pdf");
    let pdf = dir.join(pdf.file_name().unwrap());
    std::fs::read(&pdf).unwrap_or_else(|e| panic!("no PDF at {} ({e})", pdf.display()))
}

/// LibreOffice opens the export and prints it to PDF. In CI (`CI` set) LibreOffice must be
/// there; elsewhere the test says it skipped.
#[test]
fn libreoffice_converts_the_docx_to_pdf() {
    if !soffice_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "LibreOffice (soffice) is required in CI: apt-get install libreoffice-writer-nogui"
        );
        eprintln!("skipped: soffice not found (apt-get install libreoffice-writer-nogui)");
        return;
    }
    let dir = scratch_dir("monograph-pdf");
    let charts: Vec<Figure> = (1..=10)
        .map(|k| crate::fixture::figure(k, 900, 560))
        .collect();
    for (name, doc) in [
        ("sample", crate::fixture::sample()),
        ("long", crate::fixture::long(10, &charts)),
    ] {
        let docx = dir.join(format!("{name}.docx"));
        std::fs::write(&docx, to_docx(&doc).unwrap()).unwrap();
        let pdf = convert_to_pdf(&dir, &docx);
        assert!(pdf.starts_with(b"%PDF-"), "{name}: not a PDF");
        let pages = pdf
            .windows(11)
            .filter(|w| w.starts_with(b"/Type/Page") && w[10] != b's')
            .count();
        assert!(pages >= 3, "{name}: {pages} pages");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn parts_follow_the_schema_order_word_validates_against() {
    let parts = unzip(&to_docx(&crate::fixture::sample()).unwrap());
    let document = part(&parts, "word/document.xml");
    // docx-rs writes a paragraph's run properties first and its style after them.
    assert!(
        !document.contains("<w:pPr><w:rPr"),
        "pPr: pStyle first, rPr last"
    );
    assert!(document.contains(r#"<w:pPr><w:pStyle w:val="Heading1" />"#));
    assert!(
        !document.contains(r#"w:type="dxa" /></w:tblGrid>"#),
        "gridCol has no type"
    );
    let section = &document[document.find("<w:sectPr>").unwrap()..];
    assert!(
        section.starts_with("<w:sectPr><w:footerReference"),
        "{section}"
    );
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains(
        r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1" /><w:basedOn w:val="Normal" /><w:next w:val="Normal" /><w:qFormat /><w:pPr>"#
    ), "{styles}");
    let settings = part(&parts, "word/settings.xml");
    let zoom = settings.find("<w:zoom").unwrap();
    assert!(zoom < settings.find("<w:defaultTabStop").unwrap());
    assert!(settings.find("<w:updateFields").unwrap() < settings.find("<w:compat>").unwrap());
}
