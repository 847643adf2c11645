//! Puts the children of WordprocessingML's property elements in the order the schema gives.
//!
//! docx-rs writes some of them out of order: `w:rPr` first in a paragraph's properties, the
//! footer references last in a section's, a style's properties before its name's companions,
//! `w:defaultTabStop` before `w:zoom`. Word and LibreOffice read such files, but validators
//! reject them, and a file that is valid leaves Word no reason to offer a repair; so each part
//! is put in schema order (ECMA-376 Part 1, transitional) before it is packed. Only the order
//! of siblings changes; nothing is added, and only what the schema does not have and that
//! says nothing is dropped: the `w:type` attribute docx-rs puts on `w:gridCol`, and empty
//! `<w:rPr />` elements (which docx-rs also writes where no run properties may stand).
//!
//! The lists below are the schema's sequences; run properties are a choice in the latest
//! edition of the schema but a sequence in the one most validators use, so they are ordered
//! too.

use quick_xml::events::Event;
use quick_xml::reader::Reader;

/// Children of a paragraph's properties (`CT_PPr`).
const PARAGRAPH: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// Children of a run's properties (`CT_RPr`).
const RUN: &[&str] = &[
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// Children of a style (`CT_Style`).
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

/// Children of a section's properties (`CT_SectPr`).
const SECTION: &[&str] = &[
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

/// Children of a table's properties (`CT_TblPr`).
const TABLE: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

/// Children of a table cell's properties (`CT_TcPr`).
const CELL: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

/// Children of the document settings (`CT_Settings`), those docx-rs and Atelier write and
/// their neighbours.
const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
    "w:mirrorMargins",
    "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:activeWritingStyle",
    "w:proofState",
    "w:formsDesign",
    "w:attachedTemplate",
    "w:linkStyles",
    "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod",
    "w:documentType",
    "w:mailMerge",
    "w:revisionView",
    "w:trackRevisions",
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
];

/// The order of the children of `element`, if it is one whose children are ordered here.
fn order_of(element: &str) -> Option<&'static [&'static str]> {
    match element {
        "w:pPr" => Some(PARAGRAPH),
        "w:rPr" => Some(RUN),
        "w:style" => Some(STYLE),
        "w:sectPr" => Some(SECTION),
        "w:tblPr" => Some(TABLE),
        "w:tcPr" => Some(CELL),
        "w:settings" => Some(SETTINGS),
        _ => None,
    }
}

/// `xml` with the children of every ordered element in schema order; children the schema
/// does not list keep their order, after the others.
pub(super) fn in_schema_order(xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len());
    copy_children(&mut reader, xml, &mut out, None)?;
    Ok(out)
}

/// The next event with its source text.
fn next<'x>(
    reader: &mut Reader<&'x [u8]>,
    xml: &'x str,
) -> Result<(Event<'x>, &'x str), quick_xml::Error> {
    let start = reader.buffer_position();
    let event = reader.read_event()?;
    let end = reader.buffer_position();
    // The reader reads this very text, and stops at event boundaries.
    let raw = usize::try_from(start)
        .ok()
        .zip(usize::try_from(end).ok())
        .and_then(|(start, end)| xml.get(start..end))
        .unwrap_or_default();
    Ok((event, raw))
}

/// Copies the rest of the current element (its children and its end tag, or everything up to
/// the end of the text at the top) into `out`, the children sorted by `order` if given.
fn copy_children<'x>(
    reader: &mut Reader<&'x [u8]>,
    xml: &'x str,
    out: &mut String,
    order: Option<&'static [&'static str]>,
) -> Result<(), quick_xml::Error> {
    let mut sorted = order.map(|order| Sorted {
        order,
        children: Vec::new(),
        pending: String::new(),
    });
    loop {
        let (event, raw) = next(reader, xml)?;
        match event {
            Event::Eof => break,
            Event::End(_) => {
                if let Some(sorted) = sorted.take() {
                    sorted.write(out);
                }
                out.push_str(raw);
                return Ok(());
            }
            Event::Start(start) => {
                let name = start.name();
                let inner = order_of(name.as_ref());
                match sorted.as_mut() {
                    None => {
                        out.push_str(raw);
                        copy_children(reader, xml, out, inner)?;
                    }
                    Some(sorted) => {
                        let mut element = std::mem::take(&mut sorted.pending);
                        element.push_str(raw);
                        copy_children(reader, xml, &mut element, inner)?;
                        sorted.push(name.as_ref(), element);
                    }
                }
            }
            Event::Empty(empty) => {
                let name = empty.name();
                let raw = match name.as_ref() {
                    // An empty run-properties element says nothing, and the schema does not
                    // allow one where docx-rs writes it in styles.
                    "w:rPr" if empty.attributes().next().is_none() => String::new(),
                    "w:gridCol" => without_attribute(raw, " w:type=\""),
                    _ => raw.to_string(),
                };
                match sorted.as_mut() {
                    None => out.push_str(&raw),
                    Some(sorted) => {
                        let mut element = std::mem::take(&mut sorted.pending);
                        element.push_str(&raw);
                        sorted.push(name.as_ref(), element);
                    }
                }
            }
            // Text, references, comments, declarations: where they are.
            _ => match sorted.as_mut() {
                None => out.push_str(raw),
                Some(sorted) => sorted.pending.push_str(raw),
            },
        }
    }
    if let Some(sorted) = sorted {
        sorted.write(out);
    }
    Ok(())
}

/// The children of an ordered element, gathered to be written in order.
struct Sorted {
    order: &'static [&'static str],
    /// Each child with its rank in `order` (unlisted children rank last).
    children: Vec<(usize, String)>,
    /// What came since the last child (text between children travels with the next one).
    pending: String,
}

impl Sorted {
    fn push(&mut self, name: &str, element: String) {
        let rank = self
            .order
            .iter()
            .position(|listed| *listed == name)
            .unwrap_or(self.order.len());
        self.children.push((rank, element));
    }

    fn write(mut self, out: &mut String) {
        // A stable sort: children of equal rank keep their order.
        self.children.sort_by_key(|(rank, _)| *rank);
        for (_, child) in &self.children {
            out.push_str(child);
        }
        out.push_str(&self.pending);
    }
}

/// `tag` without the attribute that starts with `prefix` (`name="`), if it has one.
fn without_attribute(tag: &str, prefix: &str) -> String {
    let Some(start) = tag.find(prefix) else {
        return tag.to_string();
    };
    let value = start + prefix.len();
    match tag[value..].find('"') {
        Some(close) => format!("{}{}", &tag[..start], &tag[value + close + 1..]),
        None => tag.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_properties_come_in_schema_order() {
        let xml = r#"<w:p><w:pPr><w:rPr><w:sz w:val="2" /><w:b /></w:rPr><w:spacing w:after="1" /><w:outlineLvl w:val="0" /><w:keepNext /><w:pStyle w:val="Titre" /></w:pPr><w:r><w:rPr /><w:t>a &amp; b</w:t></w:r></w:p>"#;
        assert_eq!(
            in_schema_order(xml).unwrap(),
            r#"<w:p><w:pPr><w:pStyle w:val="Titre" /><w:keepNext /><w:spacing w:after="1" /><w:outlineLvl w:val="0" /><w:rPr><w:b /><w:sz w:val="2" /></w:rPr></w:pPr><w:r><w:t>a &amp; b</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn unlisted_children_keep_their_order_after_the_others() {
        let xml = r#"<w:sectPr><w:x>1</w:x><w:pgSz /><w:y /><w:footerReference r:id="2" /><w:headerReference r:id="1" /></w:sectPr>"#;
        assert_eq!(
            in_schema_order(xml).unwrap(),
            r#"<w:sectPr><w:headerReference r:id="1" /><w:footerReference r:id="2" /><w:pgSz /><w:x>1</w:x><w:y /></w:sectPr>"#
        );
    }

    #[test]
    fn grid_columns_lose_the_type_the_schema_does_not_have() {
        assert_eq!(
            in_schema_order(r#"<w:tblGrid><w:gridCol w:w="3023" w:type="dxa" /></w:tblGrid>"#)
                .unwrap(),
            r#"<w:tblGrid><w:gridCol w:w="3023" /></w:tblGrid>"#
        );
    }

    #[test]
    fn declarations_and_text_outside_ordered_elements_are_kept() {
        let xml = "<?xml version=\"1.0\"?>\n<w:document><w:body>  <w:p/></w:body></w:document>";
        assert_eq!(in_schema_order(xml).unwrap(), xml);
    }
}
