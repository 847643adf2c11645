//! The light markup the sample notes are written in, and its Markdown rendering.
//!
//! One paragraph per line in the source (a blank line may separate them), `## ` and `### `
//! for headings, `- ` for bullet items, `**…**` for bold (the evaluator's questions). It is
//! Markdown already; parsing it into [`Block`]s lets the Word renderer lay out the same
//! document, and the Markdown renderer normalise spacing.

/// A piece of text, bold or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Span {
    pub(super) text: String,
    pub(super) bold: bool,
}

impl Span {
    pub(super) fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            bold: false,
        }
    }

    pub(super) fn bold(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            bold: true,
        }
    }
}

/// A block of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Block {
    /// A heading of level 1 to 3.
    Heading(u8, Vec<Span>),
    /// A paragraph.
    Paragraph(Vec<Span>),
    /// One item of a bullet list.
    Bullet(Vec<Span>),
}

/// Parses the markup: each non-blank line is one block.
pub(super) fn parse(source: &str) -> Vec<Block> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| {
            if let Some(rest) = line.strip_prefix("### ") {
                Block::Heading(3, spans(rest))
            } else if let Some(rest) = line.strip_prefix("## ") {
                Block::Heading(2, spans(rest))
            } else if let Some(rest) = line.strip_prefix("# ") {
                Block::Heading(1, spans(rest))
            } else if let Some(rest) = line.strip_prefix("- ") {
                Block::Bullet(spans(rest))
            } else {
                Block::Paragraph(spans(line))
            }
        })
        .collect()
}

/// Splits a line at `**` markers into plain and bold spans.
fn spans(line: &str) -> Vec<Span> {
    line.split("**")
        .enumerate()
        .filter(|(_, text)| !text.is_empty())
        .map(|(index, text)| Span {
            text: text.to_owned(),
            bold: index % 2 == 1,
        })
        .collect()
}

/// Renders blocks as Markdown: blank lines between blocks, none inside a bullet list.
pub(super) fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous_bullet = false;
    for block in blocks {
        let bullet = matches!(block, Block::Bullet(_));
        // No blank line between two items of the same list.
        if !(out.is_empty() || bullet && previous_bullet) {
            out.push('\n');
        }
        match block {
            Block::Heading(level, spans) => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                push_spans(&mut out, spans);
            }
            Block::Paragraph(spans) => push_spans(&mut out, spans),
            Block::Bullet(spans) => {
                out.push_str("- ");
                push_spans(&mut out, spans);
            }
        }
        out.push('\n');
        previous_bullet = bullet;
    }
    out
}

fn push_spans(out: &mut String, spans: &[Span]) {
    for span in spans {
        if span.bold {
            // Markdown does not open emphasis on a space: keep spaces outside the markers.
            let inner = span.text.trim();
            let lead = &span.text[..span.text.len() - span.text.trim_start().len()];
            let trail = &span.text[span.text.trim_end().len()..];
            out.push_str(lead);
            out.push_str("**");
            out.push_str(inner);
            out.push_str("**");
            out.push_str(trail);
        } else {
            out.push_str(&span.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_parses_headings_bullets_and_bold_questions() {
        let blocks = parse(
            "## Organisation\n\n**Qui suit les jeunes ?** La directrice indique que…\n- un atelier\n- une immersion\n",
        );
        assert_eq!(blocks.len(), 4);
        assert_eq!(
            blocks[0],
            Block::Heading(2, vec![Span::plain("Organisation")])
        );
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![
                Span::bold("Qui suit les jeunes ?"),
                Span::plain(" La directrice indique que…")
            ])
        );
        assert!(matches!(blocks[3], Block::Bullet(_)));
    }

    #[test]
    fn markdown_keeps_lists_tight_and_paragraphs_apart() {
        let md = to_markdown(&parse("## Titre\nUn.\n- a\n- b\nDeux."));
        assert_eq!(md, "## Titre\n\nUn.\n\n- a\n- b\n\nDeux.\n");
    }
}
