//! Writing a codebook as a `.qdc` file that the official REFI-QDA schema accepts, so that a
//! tool that validates its imports takes it.
//!
//! The schema is strict where tools are not: every code needs a GUID, a name and `isCodable`;
//! `Sets`, if present, needs at least one set (so we, who have none, never write it, unlike
//! Taguette's empty `<Sets/>`). Everything the user typed is escaped, and line breaks and tabs
//! in names are written as character references, so that XML's attribute normalisation does
//! not turn them into spaces on the way back.

use std::collections::{HashMap, HashSet};

use super::{CODEBOOK_NAMESPACE, CODEBOOK_SCHEMA_URL, description, guid};
use crate::model::coding::{Code, CodeId, Codebook};

/// What a code without a name is called in the file, since the schema and every tool need
/// one (the editor does not let a code lose its name; this guards a damaged project).
const UNNAMED: &str = "Code sans nom";

/// The codebook as a REFI-QDA codebook file (`.qdc`, UTF-8), `origin` naming the writer
/// (« Atelier 0.1 »).
///
/// Codes nest in tree order ([`Codebook::children`]). A code keeps its GUID when it has a valid
/// one not already used by another code; otherwise it gets one derived from its path, the same
/// at every export. Its [`CodeDefinition`](crate::model::coding::CodeDefinition) becomes the
/// `Description` as labelled French lines (« Définition : … »). A code whose parent is missing
/// or that sits in a loop of parents is written at the top rather than lost. Characters XML
/// cannot carry at all (control characters other than tab and line breaks) are left out.
///
/// A codebook without codes gives `<Codes/>`, which the schema refuses (it wants at least one
/// code): offer the export only when there is something to export.
pub fn write_qdc(book: &Codebook, origin: &str) -> String {
    let order = tree_order(book);
    let guids = assign_guids(book, &order);
    let mut out = String::with_capacity(256 + 160 * order.len());
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<CodeBook xmlns=\"{CODEBOOK_NAMESPACE}\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{CODEBOOK_NAMESPACE} {CODEBOOK_SCHEMA_URL}\" origin=\"{}\">\n",
        escape_attribute(origin)
    ));
    if order.is_empty() {
        out.push_str("  <Codes/>\n");
    } else {
        out.push_str("  <Codes>\n");
        write_codes(&mut out, &order, &guids);
        out.push_str("  </Codes>\n");
    }
    out.push_str("</CodeBook>\n");
    out
}

/// Every code once, a parent before its children, each with its depth: the tree from the top,
/// then any code the tree does not reach (a missing parent, a loop) as if it were at the top.
fn tree_order(book: &Codebook) -> Vec<(&Code, usize)> {
    let mut children: HashMap<Option<CodeId>, Vec<&Code>> = HashMap::new();
    for code in &book.codes {
        children.entry(code.parent).or_default().push(code);
    }
    for siblings in children.values_mut() {
        siblings.sort_by_key(|c| (c.position, c.id));
    }
    let mut leftovers: Vec<&Code> = book.codes.iter().collect();
    leftovers.sort_by_key(|c| (c.position, c.id));
    let tops = children.get(&None).cloned().unwrap_or_default();

    let mut seen: HashSet<CodeId> = HashSet::new();
    let mut order = Vec::with_capacity(book.codes.len());
    for top in tops.into_iter().chain(leftovers) {
        let mut stack = vec![(top, 0)];
        while let Some((code, depth)) = stack.pop() {
            if !seen.insert(code.id) {
                continue;
            }
            order.push((code, depth));
            if let Some(below) = children.get(&Some(code.id)) {
                stack.extend(below.iter().rev().map(|&child| (child, depth + 1)));
            }
        }
    }
    order
}

/// Each code's GUID: its own when valid and not yet taken (first in tree order wins), else
/// one derived from its path that no other code has.
fn assign_guids(book: &Codebook, order: &[(&Code, usize)]) -> HashMap<CodeId, String> {
    let mut taken: HashSet<String> = HashSet::new();
    let mut guids = HashMap::with_capacity(order.len());
    for (code, _) in order {
        if let Some(own) = guid::normalise(&code.guid)
            && taken.insert(own.clone())
        {
            guids.insert(code.id, own);
        }
    }
    for (code, _) in order {
        guids
            .entry(code.id)
            .or_insert_with(|| guid::derive(&book.path(code.id), &mut taken));
    }
    guids
}

/// The `Code` elements, nested by depth.
fn write_codes(out: &mut String, order: &[(&Code, usize)], guids: &HashMap<CodeId, String>) {
    let indent = |depth: usize| "  ".repeat(depth + 2);
    for (i, &(code, depth)) in order.iter().enumerate() {
        let next_depth = order.get(i + 1).map(|&(_, d)| d);
        let has_children = next_depth.is_some_and(|d| d > depth);
        let name = if code.name.trim().is_empty() {
            UNNAMED
        } else {
            &code.name
        };
        out.push_str(&format!(
            "{}<Code guid=\"{}\" name=\"{}\" isCodable=\"{}\" color=\"{}\"",
            indent(depth),
            guids.get(&code.id).map_or("", String::as_str),
            escape_attribute(name),
            code.codable,
            code.color.to_hex(),
        ));
        let description = description::to_text(&code.description);
        if description.is_none() && !has_children {
            out.push_str("/>\n");
        } else {
            out.push_str(">\n");
            if let Some(text) = description {
                out.push_str(&format!(
                    "{}<Description>{}</Description>\n",
                    indent(depth + 1),
                    escape_text(&text)
                ));
            }
            if !has_children {
                out.push_str(&format!("{}</Code>\n", indent(depth)));
            }
        }
        // Close the codes this one ends: from its own depth (when it has no children) down to
        // the next code's depth.
        let close_to = next_depth.unwrap_or(0);
        let mut level = depth;
        while level > close_to {
            level -= 1;
            out.push_str(&format!("{}</Code>\n", indent(level)));
        }
    }
}

/// Whether XML 1.0 can carry the character at all, even as a reference.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text as element content: markup characters escaped, and carriage returns kept as references
/// so that line-end normalisation leaves them.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

/// Text as a double-quoted attribute value: as [`escape_text`], plus quotes, and tabs and line
/// breaks as references (a literal one would be read back as a space).
pub(crate) fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::coding::{CodeDefinition, Rgb};

    fn code(id: u32, parent: Option<u32>, position: u32, name: &str) -> Code {
        Code {
            id: CodeId(id),
            guid: String::new(),
            parent: parent.map(CodeId),
            position,
            name: name.to_owned(),
            color: Rgb(0x1F, 0x77, 0xB4),
            description: CodeDefinition::default(),
            codable: true,
            shortcut: None,
        }
    }

    #[test]
    fn codes_nest_in_tree_order() {
        let mut pilotage = code(1, None, 0, "Pilotage");
        pilotage.guid = "{dfe5c38e-9449-5959-a1f7-e3d895cfa87f}".to_owned();
        pilotage.codable = false;
        pilotage.description.definition = "Gouvernance du dispositif".to_owned();
        let mut partenariat = code(2, Some(1), 0, "Partenariat");
        partenariat.guid = "0D62985D-B147-5D01-A9B5-CAE5DCD98342".to_owned();
        let book = Codebook {
            codes: vec![partenariat, pilotage],
        };
        let xml = write_qdc(&book, "Atelier");
        let expected = "\
<?xml version=\"1.0\" encoding=\"utf-8\"?>
<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"urn:QDA-XML:codebook:1.0 http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd\" \
origin=\"Atelier\">
  <Codes>
    <Code guid=\"DFE5C38E-9449-5959-A1F7-E3D895CFA87F\" name=\"Pilotage\" isCodable=\"false\" color=\"#1F77B4\">
      <Description>Définition : Gouvernance du dispositif</Description>
      <Code guid=\"0D62985D-B147-5D01-A9B5-CAE5DCD98342\" name=\"Partenariat\" isCodable=\"true\" color=\"#1F77B4\"/>
    </Code>
  </Codes>
</CodeBook>
";
        assert_eq!(xml, expected);
    }

    #[test]
    fn deep_trees_close_every_level() {
        let mut c = code(3, Some(2), 0, "c");
        c.description.example = "ex\nsuite".to_owned();
        let book = Codebook {
            codes: vec![
                code(1, None, 0, "a"),
                code(2, Some(1), 0, "b"),
                c,
                code(4, None, 1, "d"),
            ],
        };
        let xml = write_qdc(&book, "t");
        let codes = &xml[xml.find("  <Codes>").unwrap_or(0)..];
        // GUIDs aside (derived from each path), the nesting and indents.
        let shape: Vec<String> = codes
            .lines()
            .map(|line| match line.find(" guid=") {
                Some(at) => format!("{}{}", &line[..at], &line[at + 44..]),
                None => line.to_owned(),
            })
            .collect();
        assert_eq!(
            shape,
            [
                "  <Codes>",
                "    <Code name=\"a\" isCodable=\"true\" color=\"#1F77B4\">",
                "      <Code name=\"b\" isCodable=\"true\" color=\"#1F77B4\">",
                "        <Code name=\"c\" isCodable=\"true\" color=\"#1F77B4\">",
                "          <Description>Exemple : ex",
                "  suite</Description>",
                "        </Code>",
                "      </Code>",
                "    </Code>",
                "    <Code name=\"d\" isCodable=\"true\" color=\"#1F77B4\"/>",
                "  </Codes>",
                "</CodeBook>",
            ]
        );
    }

    #[test]
    fn codes_the_tree_does_not_reach_are_written_at_the_top() {
        let book = Codebook {
            codes: vec![
                code(1, None, 0, "racine"),
                code(2, Some(99), 0, "orpheline"),
                code(3, Some(4), 0, "boucle a"),
                code(4, Some(3), 0, "boucle b"),
            ],
        };
        let xml = write_qdc(&book, "t");
        for name in ["racine", "orpheline", "boucle a", "boucle b"] {
            assert_eq!(
                xml.matches(&format!("name=\"{name}\"")).count(),
                1,
                "{name}"
            );
        }
    }

    #[test]
    fn text_is_escaped_and_line_breaks_survive_in_attributes() {
        assert_eq!(
            escape_attribute("a<b & \"c\"\n\td\r'é"),
            "a&lt;b &amp; &quot;c&quot;&#10;&#9;d&#13;'é"
        );
        assert_eq!(
            escape_text("x < y & z > w\r\n\u{1}"),
            "x &lt; y &amp; z &gt; w&#13;\n"
        );
    }

    #[test]
    fn duplicated_or_invalid_guids_are_replaced_by_derived_ones() {
        let mut a = code(1, None, 0, "a");
        a.guid = "0D62985D-B147-5D01-A9B5-CAE5DCD98342".to_owned();
        let mut b = code(2, None, 1, "b");
        b.guid = "0d62985d-b147-5d01-a9b5-cae5dcd98342".to_owned();
        let mut c = code(3, None, 2, "c");
        c.guid = "g1".to_owned();
        let xml = write_qdc(
            &Codebook {
                codes: vec![a, b, c],
            },
            "t",
        );
        assert_eq!(
            xml.matches("0D62985D-B147-5D01-A9B5-CAE5DCD98342").count(),
            1
        );
        assert!(!xml.contains("\"g1\""));
    }
}
