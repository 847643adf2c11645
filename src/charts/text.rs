//! The embedded font: registration with plotters, measuring, rasterising and word wrapping.
//!
//! Charts use DejaVu Sans from `assets/fonts/`, compiled into the binary, so a chart looks the
//! same on every machine and no system font is ever looked up. Text is measured with the same
//! glyph advances and kerning that draw it, which is what lets the layout guarantee that
//! labels never overlap the bars.
//!
//! Raster text is laid out here with `ab_glyph` (the crate behind plotters' `ab_glyph`
//! feature) rather than by plotters 0.3.7 itself, whose raster text drops each glyph's side
//! bearing and so spaces letters unevenly (« collecti fs »). The glyph pixels still go through
//! the plotters drawing area; SVG text is plain plotters `<text>`.

use std::sync::OnceLock;

use ab_glyph::{Font as _, FontRef, GlyphId, PxScale, ScaleFont, point};
use plotters::style::{FontStyle, register_font};

use super::ChartError;
use crate::model::french;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The family name the fonts are registered under. It is also written as is into SVG files,
/// hence the fallbacks with similar metrics for viewers that lack DejaVu Sans.
pub(crate) const FAMILY: &str = "DejaVu Sans, Verdana, Arial, sans-serif";

/// The parsed faces, regular and bold.
fn faces() -> Option<&'static (FontRef<'static>, FontRef<'static>)> {
    static FACES: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            Some((
                FontRef::try_from_slice(REGULAR).ok()?,
                FontRef::try_from_slice(BOLD).ok()?,
            ))
        })
        .as_ref()
}

/// Registers the embedded fonts with plotters (so any plotters text element uses them and
/// never looks for a system font) and checks they parse, once per process.
pub(crate) fn ensure_fonts() -> Result<(), ChartError> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE.get_or_init(|| {
        faces().is_some()
            && register_font(FAMILY, FontStyle::Normal, REGULAR).is_ok()
            && register_font(FAMILY, FontStyle::Bold, BOLD).is_ok()
    });
    if ok { Ok(()) } else { Err(ChartError::Font) }
}

/// A font size and weight. `size` is plotters' size: the height from descender to ascender,
/// in device pixels (about 1.16 em for DejaVu Sans).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Font {
    /// Ascender-to-descender height in pixels.
    pub size: f64,
    /// Bold weight.
    pub bold: bool,
}

/// DejaVu Sans ascender, as a share of `Font::size` (1901 / (1901 + 483) font units).
const ASCENT: f64 = 0.797;

impl Font {
    /// Regular weight.
    pub fn regular(size: f64) -> Self {
        Font { size, bold: false }
    }

    /// Bold weight.
    pub fn bold(size: f64) -> Self {
        Font { size, bold: true }
    }

    pub(crate) fn style(self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }

    fn face(self) -> Option<&'static FontRef<'static>> {
        faces().map(|(regular, bold)| if self.bold { bold } else { regular })
    }

    fn scale(self) -> PxScale {
        PxScale::from(self.size as f32)
    }

    /// Each glyph of `text` with its pen position from the start, and the total advance.
    fn glyphs(self, face: &FontRef<'static>, text: &str) -> (Vec<(GlyphId, f32)>, f32) {
        let scaled = face.as_scaled(self.scale());
        let mut caret = 0.0;
        let mut prev: Option<GlyphId> = None;
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = prev {
                caret += scaled.kern(p, id);
            }
            out.push((id, caret));
            caret += scaled.h_advance(id);
            prev = Some(id);
        }
        (out, caret)
    }

    /// Advance width of `text` in pixels.
    pub fn width(self, text: &str) -> f64 {
        if text.is_empty() {
            return 0.0;
        }
        match self.face() {
            Some(face) => f64::from(self.glyphs(face, text).1),
            // Unreachable with the embedded fonts; a generous estimate keeps layouts safe.
            None => text.chars().count() as f64 * self.size * 0.62,
        }
    }

    /// Rasterises `text` with its baseline at `baseline`, starting `shift` times its width left
    /// of `x` (0 left-aligned, 0.5 centred, 1 right-aligned), calling `put` with each pixel
    /// and its coverage.
    pub fn rasterize(
        self,
        text: &str,
        x: f64,
        baseline: f64,
        shift: f64,
        mut put: impl FnMut(i32, i32, f32),
    ) {
        let Some(face) = self.face() else { return };
        let (glyphs, width) = self.glyphs(face, text);
        let start = x as f32 - width * shift as f32;
        let scaled = face.as_scaled(self.scale());
        for (id, dx) in glyphs {
            let glyph =
                id.with_scale_and_position(self.scale(), point(start + dx, baseline as f32));
            if let Some(outline) = scaled.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                let (bx, by) = (bounds.min.x as i32, bounds.min.y as i32);
                outline.draw(|gx, gy, coverage| put(bx + gx as i32, by + gy as i32, coverage));
            }
        }
    }

    /// Distance between two baselines.
    pub fn line_height(self) -> f64 {
        self.size * 1.08
    }

    /// Distance from the top of a line box to its baseline.
    pub fn ascent(self) -> f64 {
        self.size * ASCENT
    }
}

/// Splits `text` into lines no wider than `max_width`, breaking only between words: a word
/// wider than `max_width` gets a line of its own and is never cut. Explicit line breaks are
/// kept.
pub(crate) fn wrap(text: &str, font: Font, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if line.is_empty() {
                line.push_str(word);
                continue;
            }
            let candidate = format!("{line} {word}");
            if font.width(&candidate) <= max_width {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line.push_str(word);
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// Width of the widest line.
pub(crate) fn widest(lines: &[String], font: Font) -> f64 {
    lines.iter().map(|l| font.width(l)).fold(0.0, f64::max)
}

/// Width of the widest single word of `text`: the narrowest a wrapped label can get.
pub(crate) fn widest_word(text: &str, font: Font) -> f64 {
    text.split_whitespace()
        .map(|w| font.width(w))
        .fold(0.0, f64::max)
}

/// A percentage rounded to a whole number, without the sign (« 42 »).
pub(crate) fn pct(value: f64) -> String {
    french::number(value, 0)
}

/// « n = 195 », with an asterisk when under the small-number threshold.
pub(crate) fn n_label(n: u64, small_n: u64) -> String {
    let star = if n < small_n { "*" } else { "" };
    format!("n = {}{star}", french::count(n).replace(french::NBSP, " "))
}

/// The caution printed under charts that hold small groups.
pub(crate) fn small_n_note(small_n: u64) -> String {
    format!("* Effectif inférieur à {small_n} : à interpréter avec prudence.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_never_cuts_a_word() {
        let font = Font::regular(14.0);
        let text = "Les dispositifs d'accompagnement renforcé proposés aux jeunes décrocheurs \
                    anticonstitutionnellement";
        let lines = wrap(text, font, 120.0);
        assert!(lines.len() > 2);
        let rejoined = lines.join(" ");
        assert_eq!(
            rejoined,
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        for line in &lines {
            assert!(font.width(line) <= 120.0 || !line.contains(' '), "{line}");
        }
    }

    #[test]
    fn bold_is_wider_than_regular() {
        let t = "Missions locales";
        assert!(Font::bold(14.0).width(t) > Font::regular(14.0).width(t));
        assert!(Font::regular(14.0).width(t) > 50.0);
    }

    #[test]
    fn french_numbers() {
        assert_eq!(n_label(195, 30), "n = 195");
        assert_eq!(n_label(12, 30), "n = 12*");
        assert_eq!(n_label(1274, 30), "n = 1 274");
    }
}
