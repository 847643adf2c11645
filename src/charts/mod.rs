//! Charts: a [`ChartSpec`] says what to draw, plotters draws it.
//!
//! There is one code path: the same drawing code renders into an RGBA buffer for the screen
//! ([`render_rgba`], uploaded by the GUI as a texture), into a PNG at print resolution
//! ([`render_png`], [`encode_png`]) and into SVG ([`render_svg`], [`write_svg`]), with the
//! DejaVu Sans font compiled in from `assets/fonts/`. What the evaluator sees is what the
//! monograph prints.
//!
//! Specs hold already-computed numbers (labels, counts, percentages, n, suppression flags),
//! so this module does not depend on the statistics. The value-space geometry of diverging
//! bars is exposed on its own ([`diverging_layout`]) so that it can be checked without pixels.
//!
//! ```no_run
//! use atelier::charts::{ChartSpec, DivergingChart, render_png};
//!
//! let battery = DivergingChart::new(["Très pertinent", "Plutôt pertinent",
//!                                    "Plutôt pas pertinent", "Pas du tout pertinent"])
//!     .non_substantive(["Ne sait pas"])
//!     .group_item("Les ateliers collectifs", "Missions locales", &[62, 88, 30, 9], &[6])
//!     .group_item("Les ateliers collectifs", "Pôle emploi", &[51, 120, 64, 21], &[18])
//!     .sorted_by_favourability();
//! let spec = ChartSpec::new("Pertinence des outils selon les conseillers", battery)
//!     .subtitle("Comment jugez-vous la pertinence des éléments suivants ?")
//!     .source("Questionnaire conseillers, n = 469, mars 2013");
//! render_png(&spec, std::path::Path::new("pertinence.png"), 2400, 1400)?;
//! # Ok::<(), atelier::charts::ChartError>(())
//! ```

mod draw;
pub mod layout;
pub mod palette;
pub mod spec;
mod text;

use std::path::Path;

use plotters::prelude::{BitMapBackend, IntoDrawingArea, SVGBackend};

pub use layout::{BarSegment, SegmentSide, diverging_item_order, diverging_layout};
pub use spec::{
    BarChart, BarMode, BarSeries, BarValue, BoxPlot, BoxStats, ChartBody, ChartSpec, Denominator,
    DivergingChart, ForestPlot, ForestRow, GroupArrangement, HeatCell, HeatColumn, HeatMap,
    HeatUnit, Histogram, HistogramBin, LikertDenominator, LikertRow, RowOrder, SMALL_N, Whiskers,
};

use draw::{PlottersPainter, Target};

/// Why a chart could not be drawn or written. Messages are in French, for the evaluator.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The spec's numbers do not fit together.
    #[error("graphique « {title} » : {problem}")]
    InvalidSpec {
        /// The chart's title.
        title: String,
        /// What is wrong.
        problem: String,
    },
    /// The requested image size is outside what can be drawn.
    #[error("graphique : taille {width} × {height} pixels impossible (de {MIN_PX} à {MAX_PX})")]
    BadSize {
        /// Requested width in pixels.
        width: u32,
        /// Requested height in pixels.
        height: u32,
    },
    /// The embedded font could not be loaded (a damaged build).
    #[error("graphique : la police intégrée est illisible")]
    Font,
    /// plotters failed while drawing.
    #[error("graphique : dessin impossible ({0})")]
    Draw(String),
    /// The file could not be written.
    #[error("{file}: écriture impossible ({source})")]
    Io {
        /// File name.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The PNG encoder failed.
    #[error("{file}: encodage PNG impossible ({problem})")]
    Png {
        /// File name, or « PNG » for an in-memory image.
        file: String,
        /// What the encoder said.
        problem: String,
    },
}

/// Smallest width or height drawn, in pixels.
pub const MIN_PX: u32 = 64;
/// Largest width or height drawn, in pixels.
pub const MAX_PX: u32 = 12_000;

/// An RGBA image, 8 bits per channel, rows top to bottom, no padding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RgbaImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub pixels: Vec<u8>,
}

fn check_size(width: u32, height: u32) -> Result<(), ChartError> {
    let ok = |v: u32| (MIN_PX..=MAX_PX).contains(&v);
    if ok(width) && ok(height) {
        Ok(())
    } else {
        Err(ChartError::BadSize { width, height })
    }
}

/// Draws into an RGB buffer of `width * height * 3` bytes.
fn render_rgb(
    spec: &ChartSpec,
    width: u32,
    height: u32,
    scale: f64,
) -> Result<Vec<u8>, ChartError> {
    check_size(width, height)?;
    let scale = if scale.is_finite() {
        scale.clamp(0.25, 16.0)
    } else {
        1.0
    };
    let mut rgb = vec![255u8; width as usize * height as usize * 3];
    {
        let area = BitMapBackend::with_buffer(&mut rgb, (width, height)).into_drawing_area();
        let mut painter = PlottersPainter::new(area, Target::Bitmap);
        draw::draw_chart(
            &mut painter,
            spec,
            f64::from(width),
            f64::from(height),
            scale,
        )?;
        painter.finish()?;
    }
    Ok(rgb)
}

/// Renders for the screen: `width` × `height` device pixels at `scale` pixels per point
/// (egui's `pixels_per_point`).
pub fn render_rgba(
    spec: &ChartSpec,
    width: u32,
    height: u32,
    scale: f32,
) -> Result<RgbaImage, ChartError> {
    let rgb = render_rgb(spec, width, height, f64::from(scale))?;
    let mut pixels = Vec::with_capacity(rgb.len() / 3 * 4);
    for px in rgb.chunks_exact(3) {
        pixels.extend_from_slice(px);
        pixels.push(255);
    }
    Ok(RgbaImage {
        width,
        height,
        pixels,
    })
}

/// Type scale for files: a 1200-pixel-wide chart is drawn at one pixel per point, wider ones
/// proportionally larger, so a 2400-pixel PNG looks like the 1200-pixel screen chart.
pub fn file_scale(width_px: u32) -> f64 {
    (f64::from(width_px) / 1200.0).max(1.0)
}

/// The height in pixels at which `spec`, drawn `width` pixels wide at `scale` pixels per
/// point, shows all its text at full size with comfortable bars and no blank space below.
/// For files, pass `file_scale(width)`. The result is clamped to the drawable sizes.
pub fn natural_height(spec: &ChartSpec, width: u32, scale: f32) -> u32 {
    let scale = if scale.is_finite() {
        f64::from(scale).clamp(0.25, 16.0)
    } else {
        1.0
    };
    let h = draw::natural_height(spec, f64::from(width), scale);
    (h.ceil() as u32).clamp(MIN_PX, MAX_PX)
}

/// Encodes the chart as PNG bytes (for embedding in documents), at `file_scale(width_px)`.
pub fn encode_png(spec: &ChartSpec, width_px: u32, height_px: u32) -> Result<Vec<u8>, ChartError> {
    encode_png_named(spec, width_px, height_px, "PNG")
}

fn encode_png_named(
    spec: &ChartSpec,
    width_px: u32,
    height_px: u32,
    file: &str,
) -> Result<Vec<u8>, ChartError> {
    let rgb = render_rgb(spec, width_px, height_px, file_scale(width_px))?;
    let png_error = |e: png::EncodingError| ChartError::Png {
        file: file.to_string(),
        problem: e.to_string(),
    };
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width_px, height_px);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(png_error)?;
    writer.write_image_data(&rgb).map_err(png_error)?;
    writer.finish().map_err(png_error)?;
    Ok(out)
}

/// Writes the chart as a PNG file of `width_px` × `height_px` (e.g. 2400 × 1400 for print).
pub fn render_png(
    spec: &ChartSpec,
    path: &Path,
    width_px: u32,
    height_px: u32,
) -> Result<(), ChartError> {
    let file = path.display().to_string();
    let bytes = encode_png_named(spec, width_px, height_px, &file)?;
    std::fs::write(path, bytes).map_err(|source| ChartError::Io { file, source })
}

/// Renders the chart as an SVG document of `width` × `height` user units, texts kept as text.
pub fn render_svg(spec: &ChartSpec, width: u32, height: u32) -> Result<String, ChartError> {
    check_size(width, height)?;
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        let mut painter = PlottersPainter::new(area, Target::Svg);
        draw::draw_chart(&mut painter, spec, f64::from(width), f64::from(height), 1.0)?;
        painter.finish()?;
    }
    Ok(out)
}

/// Writes the chart as an SVG file.
pub fn write_svg(spec: &ChartSpec, path: &Path, width: u32, height: u32) -> Result<(), ChartError> {
    let svg = render_svg(spec, width, height)?;
    std::fs::write(path, svg).map_err(|source| ChartError::Io {
        file: path.display().to_string(),
        source,
    })
}
