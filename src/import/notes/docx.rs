//! Word (`.docx`) notes to paragraphs.
//!
//! The archive is checked from its central directory before anything is decompressed: a
//! document whose parts would unpack to more than [`MAX_NOTE_BYTES`], or whose large parts
//! compress better than [`MAX_RATIO`]:1, is a zip bomb and is refused; reads are capped as
//! well, in case the declared sizes lie. `word/document.xml` is then walked with quick-xml:
//! one paragraph per `w:p` (text boxes and table cells give their own), text from `w:t`,
//! tabs and line breaks kept, deleted text and field codes left out, the fallback copy of
//! text boxes (`mc:Fallback`) skipped so nothing is read twice. Headings come from the
//! paragraph style, resolved through `word/styles.xml` (built-in « heading N » names,
//! outline levels, inheritance) or recognised by its id (`Heading1`, `Titre1`, …).
//! A DOCTYPE is refused and entity references other than XML's five and numeric character
//! references are dropped: entities are never expanded.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;
use zip::result::ZipError;

use super::{MAX_NOTE_BYTES, push_paragraph};
use crate::import::error::parser_detail;
use crate::model::ImportError;
use crate::model::note::Paragraph;

/// Parts larger than [`RATIO_CHECKED_BYTES`] must not compress better than this; Word's XML
/// compresses about 10:1, very repetitive text perhaps 50:1.
pub const MAX_RATIO: u64 = 100;
/// Size from which a part's compression ratio is checked (1 MiB).
pub const RATIO_CHECKED_BYTES: u64 = 1 << 20;
/// Most parts in a Word archive; real documents have a few dozen.
const MAX_ENTRIES: usize = 10_000;
/// How deep style inheritance is followed.
const MAX_STYLE_DEPTH: usize = 16;

/// The paragraphs of a `.docx` held in `bytes`.
pub(super) fn paragraphs(file: &str, bytes: &[u8]) -> Result<Vec<Paragraph>, ImportError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_error(file, &e))?;
    check_archive(file, &archive)?;
    let Some(document) = read_part(file, &mut archive, "word/document.xml")? else {
        return Err(ImportError::malformed(file, not_word(&archive)));
    };
    let styles = match read_part(file, &mut archive, "word/styles.xml")? {
        Some(xml) => heading_styles(&xml),
        None => HashMap::new(),
    };
    walk_document(file, &document, &styles)
}

/// Refuses encrypted parts, archives with too many parts and zip bombs.
fn check_archive(file: &str, archive: &ZipArchive<Cursor<&[u8]>>) -> Result<(), ImportError> {
    if archive.len() > MAX_ENTRIES {
        return Err(ImportError::TooLarge {
            file: file.to_owned(),
            problem: format!(
                "l'archive contient {} éléments ; un document Word en a quelques dizaines",
                archive.len()
            ),
        });
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_data(index)
            .map_err(|e| zip_error(file, &e))?;
        if entry.encrypted() {
            return Err(ImportError::malformed(
                file,
                "le document est protégé par un mot de passe ; enregistrez-le sans mot de passe \
                 puis réessayez",
            ));
        }
        let size = entry.size();
        let compressed = entry.compressed_size().max(1);
        if size > RATIO_CHECKED_BYTES && size / compressed > MAX_RATIO {
            return Err(ImportError::TooLarge {
                file: file.to_owned(),
                problem: format!(
                    "une partie du document se décompresse de {} Kio en {} Mio (taux {}:1) ; \
                     une telle archive est piégée (« bombe zip ») et n'est pas ouverte",
                    compressed >> 10,
                    size >> 20,
                    size / compressed
                ),
            });
        }
        total = total.saturating_add(size);
    }
    if total > MAX_NOTE_BYTES {
        return Err(ImportError::TooLarge {
            file: file.to_owned(),
            problem: format!(
                "le document se décompresse en {} Mio ; au-delà de {} Mio il n'est pas ouvert",
                total >> 20,
                MAX_NOTE_BYTES >> 20
            ),
        });
    }
    Ok(())
}

/// Why an archive without `word/document.xml` is not read, in the evaluator's words.
fn not_word(archive: &ZipArchive<Cursor<&[u8]>>) -> &'static str {
    let has = |name: &str| archive.file_names().any(|n| n.is_ok_and(|n| n == name));
    if has("content.xml") {
        "document OpenDocument (.odt) ; enregistrez-le en .docx puis réessayez"
    } else if has("xl/workbook.xml") {
        "c'est un classeur Excel, pas un document de notes"
    } else {
        "archive zip sans « word/document.xml » : ce n'est pas un document Word (.docx)"
    }
}

/// The text of one part, `None` when the archive has no such part. Reading stops past
/// [`MAX_NOTE_BYTES`] whatever the archive declares.
fn read_part(
    file: &str,
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(file, &e)),
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_NOTE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::malformed(file, format!("{DAMAGED} ({})", parser_detail(e))))?;
    if bytes.len() as u64 > MAX_NOTE_BYTES {
        return Err(ImportError::TooLarge {
            file: file.to_owned(),
            problem: format!(
                "« {name} » dépasse {} Mio une fois décompressé ; il n'est pas ouvert",
                MAX_NOTE_BYTES >> 20
            ),
        });
    }
    xml_text(&bytes)
        .map(Some)
        .ok_or_else(|| ImportError::malformed(file, format!("« {name} » n'est pas du XML lisible")))
}

/// XML bytes as text: UTF-8 (with or without a mark) or UTF-16 with a mark.
fn xml_text(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, _, errors) = encoding_rs::UTF_16LE.decode(rest);
        return (!errors).then(|| text.into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, _, errors) = encoding_rs::UTF_16BE.decode(rest);
        return (!errors).then(|| text.into_owned());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).ok()
}

const DAMAGED: &str = "le document semble tronqué ou endommagé";

fn zip_error(file: &str, error: &ZipError) -> ImportError {
    match error {
        ZipError::UnsupportedArchive(what) if what.contains("assword") => ImportError::malformed(
            file,
            "le document est protégé par un mot de passe ; enregistrez-le sans mot de passe puis \
             réessayez",
        ),
        _ => ImportError::malformed(file, format!("{DAMAGED} ({})", parser_detail(error))),
    }
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.into_owned())
}

/// Heading level of each paragraph style that is a heading, from `word/styles.xml`. A
/// damaged styles part gives what could be read: headings are a nicety, not a reason to
/// refuse the notes.
fn heading_styles(xml: &str) -> HashMap<String, u8> {
    let mut reader = Reader::from_str(xml);
    let mut own: HashMap<String, u8> = HashMap::new();
    let mut parent: HashMap<String, String> = HashMap::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.name().as_ref() {
                "w:style" => current = attribute(&e, "w:styleId"),
                "w:name" => {
                    if let (Some(id), Some(name)) = (&current, attribute(&e, "w:val"))
                        && let Some(level) = level_from_style_name(&name)
                    {
                        own.entry(id.clone()).or_insert(level);
                    }
                }
                "w:outlineLvl" => {
                    if let (Some(id), Some(value)) = (&current, attribute(&e, "w:val"))
                        && let Some(level) = outline_level(&value)
                    {
                        own.insert(id.clone(), level);
                    }
                }
                "w:basedOn" => {
                    if let (Some(id), Some(base)) = (&current, attribute(&e, "w:val")) {
                        parent.insert(id.clone(), base);
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.name().as_ref() == "w:style" => current = None,
            Ok(Event::Eof) | Err(_) | Ok(Event::DocType(_)) => break,
            Ok(_) => {}
        }
    }
    let mut levels = own.clone();
    for id in parent.keys() {
        let mut cursor = id;
        for _ in 0..MAX_STYLE_DEPTH {
            if let Some(level) = own.get(cursor) {
                levels.entry(id.clone()).or_insert(*level);
                break;
            }
            match parent.get(cursor) {
                Some(next) => cursor = next,
                None => break,
            }
        }
    }
    levels
}

/// `heading 2` → 2, `Title` → 1 (style names in styles.xml are English whatever the
/// interface language).
fn level_from_style_name(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    if lower == "title" {
        return Some(1);
    }
    let number = lower.strip_prefix("heading")?.trim();
    number.parse::<u8>().ok().filter(|n| (1..=9).contains(n))
}

/// `w:outlineLvl` 0–8 → level 1–9 (9 means body text).
fn outline_level(value: &str) -> Option<u8> {
    value.parse::<u8>().ok().filter(|v| *v < 9).map(|v| v + 1)
}

/// A heading level recognised from a style id alone, in the languages Word writes ids in:
/// `Heading1`, `Titre1`, `berschrift1` (Überschrift), `Titolo1`, `Ttulo1` (Título), `Kop1`.
fn level_from_style_id(id: &str) -> Option<u8> {
    let lower = id.to_lowercase().replace([' ', '-', '_'], "");
    if matches!(
        lower.as_str(),
        "title" | "titre" | "titolo" | "ttulo" | "titel"
    ) {
        return Some(1);
    }
    ["heading", "titre", "berschrift", "titolo", "ttulo", "kop"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=9).contains(n))
}

/// A paragraph being read.
#[derive(Default)]
struct Open {
    text: String,
    style: Option<String>,
    outline: Option<u8>,
}

/// Walks `word/document.xml`.
fn walk_document(
    file: &str,
    xml: &str,
    styles: &HashMap<String, u8>,
) -> Result<Vec<Paragraph>, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    // Paragraphs can nest (a text box inside a run of a paragraph).
    let mut open: Vec<Open> = Vec::new();
    let mut in_text = false;
    let mut in_properties = 0usize;
    let mut fallback = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            ImportError::malformed(
                file,
                format!(
                    "le texte du document est illisible (XML endommagé vers l'octet {} : {})",
                    reader.buffer_position(),
                    parser_detail(e)
                ),
            )
        })?;
        match event {
            Event::DocType(_) => {
                return Err(ImportError::malformed(
                    file,
                    "le document contient une déclaration DOCTYPE, ce que Word n'écrit jamais ; \
                     il n'est pas ouvert",
                ));
            }
            Event::Start(e) if fallback > 0 && e.name().as_ref() == "mc:Fallback" => fallback += 1,
            Event::End(e) if fallback > 0 && e.name().as_ref() == "mc:Fallback" => fallback -= 1,
            _ if fallback > 0 => {}
            Event::Start(e) => match e.name().as_ref() {
                "w:p" => open.push(Open::default()),
                "w:pPr" => in_properties += 1,
                "w:t" => in_text = true,
                "mc:Fallback" => fallback = 1,
                _ => element(&e, &mut open, in_properties),
            },
            Event::Empty(e) => element(&e, &mut open, in_properties),
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:pPr" => in_properties = in_properties.saturating_sub(1),
                "w:p" => {
                    if let Some(paragraph) = open.pop() {
                        let level = paragraph
                            .style
                            .as_deref()
                            .and_then(|s| styles.get(s).copied().or_else(|| level_from_style_id(s)))
                            .or(paragraph.outline);
                        push_paragraph(&mut out, &paragraph.text, level);
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => push_text(&mut open, &t.xml10_content()),
            Event::CData(t) if in_text => push_text(&mut open, &t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&r).map(str::to_owned),
                    Err(_) => None,
                };
                // Any other entity would need a DTD to mean something: it is dropped,
                // never expanded.
                if let Some(text) = resolved {
                    push_text(&mut open, &text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Handles an element that carries no text of its own.
fn element(e: &BytesStart<'_>, open: &mut [Open], in_properties: usize) {
    let Some(paragraph) = open.last_mut() else {
        return;
    };
    match e.name().as_ref() {
        "w:pStyle" if paragraph.style.is_none() => paragraph.style = attribute(e, "w:val"),
        "w:outlineLvl" => {
            if let Some(level) = attribute(e, "w:val").as_deref().and_then(outline_level) {
                paragraph.outline = Some(level);
            }
        }
        // Tab stops are declared in the paragraph properties; a tab in a run is a character.
        "w:tab" | "w:ptab" if in_properties == 0 => paragraph.text.push('\t'),
        "w:br" | "w:cr" if in_properties == 0 => paragraph.text.push('\n'),
        "w:noBreakHyphen" => paragraph.text.push('-'),
        _ => {}
    }
}

fn push_text(open: &mut [Open], text: &str) {
    if let Some(paragraph) = open.last_mut() {
        paragraph.text.push_str(text);
    }
}
