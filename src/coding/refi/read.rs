//! Reading a `.qdc` file, whichever tool wrote it, into a [`Codebook`].
//!
//! Two stages, as elsewhere in Atelier: the XML is parsed into raw codes (what the file says,
//! with the line each code starts on), then the raw codes are checked and built into the tree.
//! Refusals name the line, never the content.
//!
//! The hierarchy is the nesting of `Code` elements, or in a file with no nesting at all, dots
//! in names (Taguette's way, see `dotted`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::escape::{EscapeError, resolve_xml_entity};
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::{RefiError, RefiProblem, description, guid};
use crate::model::coding::{Code, CodeDefinition, CodeId, Codebook, Rgb};

mod dotted;

/// The largest file we read (16 MiB): real codebooks weigh kilobytes, and anything bigger is
/// not one.
const MAX_QDC_BYTES: usize = 16 * 1024 * 1024;

/// The codebook in a REFI-QDA codebook file (`.qdc`), as MAXQDA, NVivo, ATLAS.ti, QualCoder,
/// Taguette or Atelier write it. `file_name` only names the file in messages.
///
/// Codes get ids `CodeId(1)`, `CodeId(2)`… in the order the file lists them (parents made up
/// from dotted names come after), and their place among their siblings in that order. GUIDs
/// are kept in upper case without braces; a code without one gets one derived from its path.
/// A code without a colour gets the next one of a fixed palette. A description in the
/// labelled lines Atelier writes gives back each part of the definition; any other is kept
/// whole as the definition. `Sets` (groups of codes) are ignored.
///
/// A file that is not a codebook, or one that cannot be trusted (a code without a name, a
/// malformed or repeated GUID, a malformed colour, a truncated file, a DOCTYPE) is refused
/// whole: importing half a codebook would silently change the analysis.
pub fn read_qdc(file_name: &str, bytes: &[u8]) -> Result<Codebook, RefiError> {
    read(bytes).map_err(|problem| RefiError::new(file_name, problem))
}

/// [`read_qdc`] without the file's name.
fn read(bytes: &[u8]) -> Result<Codebook, RefiProblem> {
    if bytes.len() > MAX_QDC_BYTES {
        return Err(RefiProblem::TooLarge);
    }
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(RefiProblem::Empty);
    }
    let raw = parse(&text)?;
    build(raw)
}

/// The file's text: UTF-8, with or without a byte-order mark (QualCoder writes one), or UTF-16,
/// which XML parsers must accept and Windows tools may write.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, RefiProblem> {
    let utf16 = |rest: &[u8], little_endian: bool| -> Result<Cow<'_, str>, RefiProblem> {
        if !rest.len().is_multiple_of(2) {
            return Err(RefiProblem::Encoding);
        }
        let units = rest.chunks_exact(2).map(|pair| {
            if little_endian {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(Cow::Owned)
            .map_err(|_| RefiProblem::Encoding)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        std::str::from_utf8(rest)
            .map(Cow::Borrowed)
            .map_err(|_| RefiProblem::Encoding)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, true)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, false)
    } else if bytes.starts_with(b"<\0?\0") {
        utf16(bytes, true)
    } else if bytes.starts_with(b"\0<\0?") {
        utf16(bytes, false)
    } else {
        std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|_| RefiProblem::Encoding)
    }
}

/// A code as the file gives it, before any check.
#[derive(Debug, Default)]
struct RawCode {
    /// The line its start tag begins on.
    line: usize,
    /// The code it is nested in (index in the list of raw codes).
    parent: Option<usize>,
    /// Its attributes, as written (after XML unescaping).
    name: Option<String>,
    guid: Option<String>,
    codable: Option<String>,
    color: Option<String>,
    /// The text of its first `Description`.
    description: Option<String>,
}

/// Where the parser stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// In `CodeBook`.
    Root,
    /// In `Codes`.
    Codes,
    /// In a `Code` (index in the list of raw codes).
    Code(usize),
    /// In the first `Description` of a code.
    Description(usize),
    /// In anything else (`Sets`, another tool's extensions), which is skipped.
    Other,
}

/// Line numbers of byte offsets, counted once as the parser moves forward.
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
}

impl Lines<'_> {
    /// The line (from 1) of byte `offset`.
    fn at(&mut self, offset: u64) -> usize {
        let offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        let bytes = &self.text.as_bytes()[self.offset..offset];
        self.line += bytes.iter().filter(|&&b| b == b'\n').count();
        self.offset = offset;
        self.line
    }
}

/// Whether a namespace is a REFI-QDA codebook's, whatever version it names (`1.0`; NVivo for
/// Mac writes `1:0`, some ATLAS.ti files `0:4`).
fn is_codebook_namespace(namespace: &str) -> bool {
    namespace
        .get(..21)
        .is_some_and(|start| start.eq_ignore_ascii_case("urn:QDA-XML:codebook:"))
}

/// Whether a namespace is a REFI-QDA project's.
fn is_project_namespace(namespace: &str) -> bool {
    namespace
        .get(..20)
        .is_some_and(|start| start.eq_ignore_ascii_case("urn:QDA-XML:project:"))
}

/// The raw codes of the file, in document order, each knowing its parent.
fn parse(text: &str) -> Result<Vec<RawCode>, RefiProblem> {
    let mut reader = NsReader::from_str(text);
    let mut lines = Lines {
        text,
        offset: 0,
        line: 1,
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut codes: Vec<RawCode> = Vec::new();
    let mut root_seen = false;
    let mut codes_seen = false;
    loop {
        let start = reader.buffer_position();
        let (namespace, event) = match reader.read_resolved_event() {
            Ok(resolved) => resolved,
            Err(error) => {
                let line = lines.at(reader.error_position());
                return Err(problem_of(&error, line));
            }
        };
        let ours =
            matches!(namespace, ResolveResult::Bound(ns) if is_codebook_namespace(ns.as_ref()));
        let project =
            matches!(namespace, ResolveResult::Bound(ns) if is_project_namespace(ns.as_ref()));
        match event {
            Event::DocType(_) => {
                return Err(RefiProblem::Doctype {
                    line: lines.at(start),
                });
            }
            Event::Start(ref element) | Event::Empty(ref element) => {
                let line = lines.at(start);
                if stack.is_empty() {
                    if root_seen {
                        // A second root element: not well-formed.
                        return Err(RefiProblem::NotXml { line });
                    }
                    root_seen = true;
                }
                let frame = open(element, ours, project, &stack, &mut codes, line)?;
                codes_seen |= frame == Frame::Codes;
                if matches!(event, Event::Start(_)) {
                    stack.push(frame);
                }
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(text) => {
                if let Some(Frame::Description(index)) = stack.last() {
                    push_description(&mut codes[*index], &text.xml10_content());
                }
            }
            Event::CData(text) => {
                if let Some(Frame::Description(index)) = stack.last() {
                    push_description(&mut codes[*index], &text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                let line = lines.at(start);
                let resolved: Cow<'_, str> = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Cow::Owned(c.to_string()),
                    Ok(None) => match resolve_xml_entity(&reference.xml10_content()) {
                        Some(text) => Cow::Borrowed(text),
                        None => return Err(RefiProblem::UnknownEntity { line }),
                    },
                    Err(_) => return Err(RefiProblem::NotXml { line }),
                };
                if let Some(Frame::Description(index)) = stack.last() {
                    push_description(&mut codes[*index], &resolved);
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if !root_seen {
        return Err(RefiProblem::NotCodebook);
    }
    if !stack.is_empty() {
        return Err(RefiProblem::Truncated);
    }
    if !codes_seen {
        return Err(RefiProblem::NoCodes);
    }
    Ok(codes)
}

/// The frame an element opens under the current one, recording it if it is a code.
fn open(
    element: &BytesStart<'_>,
    ours: bool,
    project: bool,
    stack: &[Frame],
    codes: &mut Vec<RawCode>,
    line: usize,
) -> Result<Frame, RefiProblem> {
    let local = element.local_name();
    let local = local.as_ref();
    let Some(&parent) = stack.last() else {
        return match (local, ours, project) {
            ("CodeBook", true, _) => Ok(Frame::Root),
            ("Project", _, true) => Err(RefiProblem::ProjectNotCodebook),
            _ => Err(RefiProblem::NotCodebook),
        };
    };
    let frame = match (parent, local, ours) {
        (Frame::Root, "Codes", true) => Frame::Codes,
        (Frame::Codes | Frame::Code(_), "Code", true) => {
            let mut code = attributes(element, line)?;
            code.parent = match parent {
                Frame::Code(index) => Some(index),
                _ => None,
            };
            codes.push(code);
            Frame::Code(codes.len() - 1)
        }
        (Frame::Code(index), "Description", true) if codes[index].description.is_none() => {
            codes[index].description = Some(String::new());
            Frame::Description(index)
        }
        _ => Frame::Other,
    };
    Ok(frame)
}

/// A code's attributes. Only unprefixed ones count, as the schema's attributes are
/// unqualified.
fn attributes(element: &BytesStart<'_>, line: usize) -> Result<RawCode, RefiProblem> {
    let mut code = RawCode {
        line,
        ..RawCode::default()
    };
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|_| RefiProblem::NotXml { line })?;
        if attribute.key.prefix().is_some() {
            continue;
        }
        let slot = match attribute.key.local_name().as_ref() {
            "name" => &mut code.name,
            "guid" => &mut code.guid,
            "isCodable" => &mut code.codable,
            "color" => &mut code.color,
            _ => continue,
        };
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|error| match error {
                XmlError::Escape(EscapeError::UnrecognizedEntity(..)) => {
                    RefiProblem::UnknownEntity { line }
                }
                _ => RefiProblem::NotXml { line },
            })?;
        *slot = Some(value.into_owned());
    }
    Ok(code)
}

/// Adds text to the code's description.
fn push_description(code: &mut RawCode, text: &str) {
    if let Some(description) = code.description.as_mut() {
        description.push_str(text);
    }
}

/// What a parser error means for the user: most errors at the very end are a truncated file.
fn problem_of(error: &XmlError, line: usize) -> RefiProblem {
    match error {
        XmlError::Syntax(SyntaxError::InvalidBangMarkup) => RefiProblem::NotXml { line },
        XmlError::Syntax(_) | XmlError::IllFormed(IllFormedError::UnclosedReference) => {
            RefiProblem::Truncated
        }
        XmlError::Escape(EscapeError::UnrecognizedEntity(..)) => {
            RefiProblem::UnknownEntity { line }
        }
        XmlError::Encoding(_) => RefiProblem::Encoding,
        _ => RefiProblem::NotXml { line },
    }
}

/// A code checked, before it takes its place in the tree.
struct Node {
    name: String,
    guid: Option<String>,
    codable: bool,
    color: Option<Rgb>,
    description: CodeDefinition,
    parent: Option<usize>,
}

/// The codebook the raw codes describe, or why they cannot be trusted.
fn build(raw: Vec<RawCode>) -> Result<Codebook, RefiProblem> {
    let mut first_line_of: HashMap<String, usize> = HashMap::new();
    let mut nodes: Vec<Node> = Vec::with_capacity(raw.len());
    for code in raw {
        let line = code.line;
        let name = code
            .name
            .filter(|name| !name.trim().is_empty())
            .ok_or(RefiProblem::MissingName { line })?;
        let guid = match code.guid.filter(|g| !g.trim().is_empty()) {
            None => None,
            Some(text) => {
                let guid = guid::normalise(&text).ok_or(RefiProblem::BadGuid { line })?;
                if let Some(&first_line) = first_line_of.get(&guid) {
                    return Err(RefiProblem::DuplicateGuid { first_line, line });
                }
                first_line_of.insert(guid.clone(), line);
                Some(guid)
            }
        };
        let codable = match code.codable {
            None => true,
            Some(text) => parse_boolean(&text).ok_or(RefiProblem::BadCodable { line })?,
        };
        let color = match code.color.filter(|c| !c.trim().is_empty()) {
            None => None,
            Some(text) => Some(Rgb::from_hex(&text).ok_or(RefiProblem::BadColor { line })?),
        };
        nodes.push(Node {
            name,
            guid,
            codable,
            color,
            description: code
                .description
                .map(|text| description::from_text(&text))
                .unwrap_or_default(),
            parent: code.parent,
        });
    }

    let nested = nodes.iter().any(|node| node.parent.is_some());
    let attached = if nested {
        (0..nodes.len()).collect()
    } else {
        dotted::unflatten(&mut nodes)
    };

    // Places among siblings, in the order codes joined their parents.
    let mut positions = vec![0u32; nodes.len()];
    let mut next_position: HashMap<Option<usize>, u32> = HashMap::new();
    for &index in &attached {
        let next = next_position.entry(nodes[index].parent).or_insert(0);
        positions[index] = *next;
        *next += 1;
    }

    let mut taken: HashSet<String> = first_line_of.into_keys().collect();
    let mut palette = crate::coding::changes::PALETTE.iter().copied().cycle();
    let mut codes = Vec::with_capacity(nodes.len());
    for (index, node) in nodes.iter().enumerate() {
        let guid = match &node.guid {
            Some(guid) => guid.clone(),
            None => guid::derive(&path(&nodes, index), &mut taken),
        };
        let color = match node.color {
            Some(color) => color,
            None => palette.next().unwrap_or(crate::coding::changes::PALETTE[0]),
        };
        codes.push(Code {
            id: id_of(index),
            guid,
            parent: node.parent.map(id_of),
            position: positions[index],
            name: node.name.clone(),
            color,
            description: node.description.clone(),
            codable: node.codable,
            shortcut: None,
        });
    }
    Ok(Codebook { codes })
}

/// The id of the code at `index` in document order.
fn id_of(index: usize) -> CodeId {
    CodeId(u32::try_from(index + 1).unwrap_or(u32::MAX))
}

/// The names from the top down to the node at `index`.
fn path(nodes: &[Node], index: usize) -> Vec<&str> {
    let mut names = Vec::new();
    let mut current = Some(index);
    while let Some(i) = current {
        names.push(nodes[i].name.as_str());
        if names.len() > nodes.len() {
            break;
        }
        current = nodes[i].parent;
    }
    names.reverse();
    names
}

/// `true`/`false`, as `xsd:boolean` spells them (`1`/`0` too), in any case (some generators
/// write Python's `True`).
fn parse_boolean(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_read_as_xsd_spells_them() {
        assert_eq!(parse_boolean("true"), Some(true));
        assert_eq!(parse_boolean(" 0 "), Some(false));
        assert_eq!(parse_boolean("True"), Some(true));
        assert_eq!(parse_boolean("oui"), None);
    }

    #[test]
    fn line_numbers_follow_the_parser() {
        let mut lines = Lines {
            text: "a\nb\nc",
            offset: 0,
            line: 1,
        };
        assert_eq!(lines.at(0), 1);
        assert_eq!(lines.at(2), 2);
        assert_eq!(lines.at(4), 3);
        assert_eq!(lines.at(1), 1);
        assert_eq!(lines.at(99), 3);
    }
}
