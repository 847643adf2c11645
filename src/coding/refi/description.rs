//! A code's definition as the one free-text `Description` a REFI-QDA codebook allows.
//!
//! The standard gives a code a single description; our definitions have four parts
//! (definition, when to use, when not, example). We write them as labelled French lines, so
//! that MAXQDA, NVivo, ATLAS.ti or QualCoder show them readably, and read them back exactly:
//!
//! ```text
//! Définition : Les relations avec les partenaires locaux.
//! Quand l'utiliser : Dès qu'un partenaire est cité,
//!   même en passant.
//! Exemple : « La mission locale nous envoie les jeunes. »
//! ```
//!
//! A part spanning several lines continues on lines indented by two spaces, so that a line of
//! text that happens to start with « Exemple : » is never taken for a label. A description
//! written by another tool, or edited there out of this shape, is kept whole as the definition.

use crate::model::coding::CodeDefinition;

/// The labels, in the order they are written.
const LABELS: [&str; 4] = [
    "Définition",
    "Quand l'utiliser",
    "Quand ne pas l'utiliser",
    "Exemple",
];

/// What starts a continuation line.
const INDENT: &str = "  ";

/// The definition as a description's text; `None` when it says nothing.
pub(crate) fn to_text(definition: &CodeDefinition) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for (label, value) in LABELS.iter().zip(parts(definition)) {
        if value.is_empty() {
            continue;
        }
        let mut value_lines = value.split('\n');
        let first = value_lines.next().unwrap_or_default();
        lines.push(format!("{label} : {first}"));
        lines.extend(value_lines.map(|line| format!("{INDENT}{line}")));
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// A description's text as a definition: its parts when it is in our labelled shape (also once
/// another tool has wrapped it in blank lines or spaces), else the whole text as the
/// definition.
pub(crate) fn from_text(text: &str) -> CodeDefinition {
    labelled(text)
        .or_else(|| labelled(text.trim()))
        .unwrap_or_else(|| CodeDefinition {
            definition: text.to_owned(),
            ..CodeDefinition::default()
        })
}

/// The four parts of a definition, in the order of [`LABELS`].
fn parts(definition: &CodeDefinition) -> [&str; 4] {
    [
        &definition.definition,
        &definition.when_to_use,
        &definition.when_not,
        &definition.example,
    ]
}

/// The parts of a text in our labelled shape; `None` if any line is neither a label (each
/// used once) nor a continuation.
fn labelled(text: &str) -> Option<CodeDefinition> {
    let mut values: [Option<String>; 4] = Default::default();
    let mut current: Option<usize> = None;
    for line in text.split('\n') {
        if let Some((index, rest)) = label_of(line) {
            if values[index].is_some() {
                return None;
            }
            values[index] = Some(rest.to_owned());
            current = Some(index);
        } else {
            // A continuation; an empty line is one whose indent an editor trimmed.
            let rest = if line.is_empty() {
                line
            } else {
                line.strip_prefix(INDENT)?
            };
            let value = values[current?].as_mut()?;
            value.push('\n');
            value.push_str(rest);
        }
    }
    current?;
    let [definition, when_to_use, when_not, example] = values.map(Option::unwrap_or_default);
    Some(CodeDefinition {
        definition,
        when_to_use,
        when_not,
        example,
    })
}

/// Which label starts `line`, and what follows it. Also accepts the typographic apostrophe and
/// a no-break space before the colon, which a French editor may have put there.
fn label_of(line: &str) -> Option<(usize, &str)> {
    LABELS.iter().enumerate().find_map(|(index, label)| {
        let rest = strip_label(line, label)?;
        let rest = rest.trim_start_matches([' ', '\u{A0}', '\u{202F}']);
        let rest = rest.strip_prefix(':')?;
        let rest = rest
            .strip_prefix([' ', '\u{A0}', '\u{202F}'])
            .unwrap_or(rest);
        Some((index, rest))
    })
}

/// `line` after `label`, reading the label's apostrophe as `'` or `’`.
fn strip_label<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let mut rest = line;
    for expected in label.chars() {
        let mut chars = rest.chars();
        let found = chars.next()?;
        let matches = found == expected || (expected == '\'' && found == '’');
        if !matches {
            return None;
        }
        rest = chars.as_str();
    }
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn definition(parts: [&str; 4]) -> CodeDefinition {
        CodeDefinition {
            definition: parts[0].to_owned(),
            when_to_use: parts[1].to_owned(),
            when_not: parts[2].to_owned(),
            example: parts[3].to_owned(),
        }
    }

    #[test]
    fn a_definition_reads_as_labelled_french_lines() {
        let text = to_text(&definition([
            "Les relations avec les partenaires locaux.",
            "Dès qu'un partenaire est cité,\nmême en passant.",
            "",
            "« La mission locale nous envoie les jeunes. »",
        ]));
        assert_eq!(
            text.as_deref(),
            Some(
                "Définition : Les relations avec les partenaires locaux.\n\
                 Quand l'utiliser : Dès qu'un partenaire est cité,\n  même en passant.\n\
                 Exemple : « La mission locale nous envoie les jeunes. »"
            )
        );
        assert_eq!(to_text(&CodeDefinition::default()), None);
    }

    #[test]
    fn labelled_lines_read_back_exactly() {
        for parts in [
            ["Une définition.", "", "", ""],
            ["", "", "Jamais pour les financeurs.", ""],
            ["a\n\nb", "  indentée", "\nligne vide d'abord", "fin\n"],
            ["Exemple : ceci n'est pas un label", "x", "y", "z"],
            ["\r\nCRLF gardé\r", "", "", ""],
        ] {
            let original = definition(parts);
            let text = to_text(&original).unwrap_or_default();
            assert_eq!(from_text(&text), original, "{text:?}");
        }
    }

    #[test]
    fn another_tools_description_is_kept_whole_as_the_definition() {
        for text in [
            "Gouvernance du dispositif",
            "Définition : x\nune ligne sans retrait",
            "Définition : x\nDéfinition : deux fois",
            "  commence par un retrait",
            "",
        ] {
            assert_eq!(from_text(text), definition([text, "", "", ""]), "{text:?}");
        }
    }

    #[test]
    fn labelled_lines_another_tool_padded_are_still_recognised() {
        let text = "\n      Définition : a\nExemple : b\n    ";
        assert_eq!(from_text(text), definition(["a", "", "", "b"]));
    }

    #[test]
    fn labels_typed_in_french_typography_are_recognised() {
        let text = "Définition\u{202F}: a\nQuand l’utiliser\u{A0}: b\nQuand ne pas l’utiliser : c";
        assert_eq!(from_text(text), definition(["a", "b", "c", ""]));
    }
}
