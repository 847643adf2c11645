//! Drawing a [`ChartSpec`] onto any plotters backend: the one code path behind the screen
//! texture, the PNG and the SVG.
//!
//! The frame (title, subtitle, notes, cautions, source) is laid out here; each kind of body
//! has its own module that computes its pixel layout from the text it must hold (labels are
//! wrapped and measured with the embedded font first, bars get what is left), then draws.
//! When the body does not fit, everything is laid out again with smaller type.

mod bars;
mod distribution;
mod diverging;
mod forest;
mod heatmap;

use plotters::coord::Shift;
use plotters::prelude::{Circle, DrawingArea, DrawingBackend, PathElement, Polygon, Rectangle};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, RGBColor, ShapeStyle, TextStyle};

use super::ChartError;
use super::palette::{self, Rgb};
use super::spec::{ChartBody, ChartSpec};
use super::text::{self, FAMILY, Font};

/// A rectangle in device pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        Rect { x0, y0, x1, y1 }
    }
    pub fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn h(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// Horizontal alignment of a text on its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// The few primitives charts are made of. Coordinates are device pixels.
pub(crate) trait Painter {
    /// Fills a rectangle.
    fn fill(&mut self, r: Rect, colour: Rgb) -> Result<(), ChartError>;
    /// Draws a straight line.
    fn line(
        &mut self,
        a: (f64, f64),
        b: (f64, f64),
        colour: Rgb,
        width: f64,
    ) -> Result<(), ChartError>;
    /// Fills a polygon.
    fn polygon(&mut self, points: &[(f64, f64)], colour: Rgb) -> Result<(), ChartError>;
    /// Draws a circle outline.
    fn circle(&mut self, c: (f64, f64), radius: f64, colour: Rgb) -> Result<(), ChartError>;
    /// Writes one line of text with its baseline at `baseline`.
    fn text(
        &mut self,
        text: &str,
        x: f64,
        baseline: f64,
        font: Font,
        colour: Rgb,
        align: Align,
    ) -> Result<(), ChartError>;
}

/// Which plotters backend is behind a painter: they place text differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// Raster (screen texture, PNG).
    Bitmap,
    /// Vector (SVG).
    Svg,
}

/// Draws through a plotters drawing area.
pub(crate) struct PlottersPainter<DB: DrawingBackend> {
    area: DrawingArea<DB, Shift>,
    target: Target,
}

impl<DB: DrawingBackend> PlottersPainter<DB> {
    pub fn new(area: DrawingArea<DB, Shift>, target: Target) -> Self {
        PlottersPainter { area, target }
    }

    /// Flushes the drawing to its backend.
    pub fn finish(self) -> Result<(), ChartError> {
        self.area.present().map_err(draw_error)
    }
}

fn draw_error<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Draw(e.to_string())
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

impl<DB: DrawingBackend> Painter for PlottersPainter<DB> {
    fn fill(&mut self, r: Rect, c: Rgb) -> Result<(), ChartError> {
        let (x0, y0, x1, y1) = (px(r.x0), px(r.y0), px(r.x1), px(r.y1));
        if x1 <= x0 || y1 <= y0 {
            return Ok(());
        }
        // The raster backend fills both corners inclusively; SVG takes a width.
        let (x1, y1) = match self.target {
            Target::Bitmap => (x1 - 1, y1 - 1),
            Target::Svg => (x1, y1),
        };
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], colour(c).filled()))
            .map_err(draw_error)
    }

    fn line(&mut self, a: (f64, f64), b: (f64, f64), c: Rgb, width: f64) -> Result<(), ChartError> {
        let style = ShapeStyle {
            color: colour(c).to_rgba(),
            filled: false,
            stroke_width: width.round().max(1.0) as u32,
        };
        self.area
            .draw(&PathElement::new(
                vec![(px(a.0), px(a.1)), (px(b.0), px(b.1))],
                style,
            ))
            .map_err(draw_error)
    }

    fn polygon(&mut self, points: &[(f64, f64)], c: Rgb) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area
            .draw(&Polygon::new(pts, colour(c).filled()))
            .map_err(draw_error)
    }

    fn circle(&mut self, c: (f64, f64), radius: f64, col: Rgb) -> Result<(), ChartError> {
        let style = ShapeStyle {
            color: colour(col).to_rgba(),
            filled: false,
            stroke_width: 1,
        };
        self.area
            .draw(&Circle::new(
                (px(c.0), px(c.1)),
                radius.round().max(1.0) as u32,
                style,
            ))
            .map_err(draw_error)
    }

    fn text(
        &mut self,
        text: &str,
        x: f64,
        baseline: f64,
        font: Font,
        c: Rgb,
        align: Align,
    ) -> Result<(), ChartError> {
        if text.is_empty() {
            return Ok(());
        }
        let shift = match align {
            Align::Left => 0.0,
            Align::Center => 0.5,
            Align::Right => 1.0,
        };
        if self.target == Target::Bitmap {
            // Glyphs are placed by `Font::rasterize` (see `text`), pixels drawn by plotters.
            let mut pixels = Vec::new();
            font.rasterize(text, x, baseline, shift, |px, py, coverage| {
                if coverage > 0.004 {
                    pixels.push((px, py, f64::from(coverage.min(1.0))));
                }
            });
            for (px, py, alpha) in pixels {
                self.area
                    .draw_pixel((px, py), &colour(c).mix(alpha))
                    .map_err(draw_error)?;
            }
            return Ok(());
        }
        // plotters' SVG text writes `font-size = size / 1.24` with `dy = 0.76em`: the size is
        // corrected so the em matches DejaVu's (size / 1.164), and the anchor so the baseline
        // lands where asked.
        let size = font.size * 1.24 / 1.164;
        let top = baseline - 0.76 * size / 1.24;
        let h = match align {
            Align::Left => HPos::Left,
            Align::Center => HPos::Center,
            Align::Right => HPos::Right,
        };
        let rgb = colour(c);
        let style = TextStyle::from(FontDesc::new(FontFamily::Name(FAMILY), size, font.style()))
            .color(&rgb)
            .pos(Pos::new(h, VPos::Top));
        self.area
            .draw_text(text, &style, (px(x), px(top)))
            .map_err(draw_error)
    }
}

/// Type sizes and spacing for one rendering, all scaled by `s` (device pixels per point,
/// times the shrink factor used to make the body fit).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx {
    /// Pixels per point.
    pub s: f64,
}

impl Ctx {
    /// A length in points, in pixels.
    pub fn px(&self, points: f64) -> f64 {
        points * self.s
    }
    /// Item labels.
    pub fn label(&self) -> Font {
        Font::regular(15.0 * self.s)
    }
    /// Panel headers.
    pub fn header(&self) -> Font {
        Font::bold(15.0 * self.s)
    }
    /// Values, n, ticks, legend, notes.
    pub fn small(&self) -> Font {
        Font::regular(13.0 * self.s)
    }
    fn title(&self) -> Font {
        Font::bold(20.0 * self.s)
    }
    fn subtitle(&self) -> Font {
        Font::regular(15.5 * self.s)
    }
}

/// Writes wrapped lines from `top`, returning the y below the last line.
pub(crate) fn draw_lines(
    p: &mut dyn Painter,
    lines: &[String],
    x: f64,
    top: f64,
    font: Font,
    colour: Rgb,
    align: Align,
) -> Result<f64, ChartError> {
    let mut y = top;
    for line in lines {
        p.text(line, x, y + font.ascent(), font, colour, align)?;
        y += font.line_height();
    }
    Ok(y)
}

/// Writes lines centred vertically on `centre_y`.
pub(crate) fn draw_lines_centred(
    p: &mut dyn Painter,
    lines: &[String],
    x: f64,
    centre_y: f64,
    font: Font,
    colour: Rgb,
    align: Align,
) -> Result<(), ChartError> {
    let top = centre_y - block_height(lines.len(), font) / 2.0;
    draw_lines(p, lines, x, top, font, colour, align).map(|_| ())
}

/// Height of `n` lines of text.
pub(crate) fn block_height(n: usize, font: Font) -> f64 {
    if n == 0 {
        0.0
    } else {
        (n - 1) as f64 * font.line_height() + font.size
    }
}

/// Writes one line centred vertically on `centre_y` (for numbers inside bars).
pub(crate) fn text_mid(
    p: &mut dyn Painter,
    text: &str,
    x: f64,
    centre_y: f64,
    font: Font,
    colour: Rgb,
    align: Align,
) -> Result<(), ChartError> {
    // Digits and capitals sit between the baseline and about 0.63 size above it.
    p.text(text, x, centre_y + font.size * 0.31, font, colour, align)
}

/// The mark written on cells hidden by disclosure control.
pub(crate) const SECRET_MARK: &str = "s";

/// What a hidden row n reads.
pub(crate) const SECRET_N: &str = "n = s";

/// The « s » is bold, at the size of values.
pub(crate) fn secret_font(ctx: &Ctx) -> Font {
    Font::bold(ctx.small().size)
}

/// Width of the stub drawn for a value whose size is secret: room for « s », nothing more.
pub(crate) fn secret_stub_width(ctx: &Ctx) -> f64 {
    secret_font(ctx).width(SECRET_MARK) + ctx.px(10.0)
}

/// The line under a chart with hidden values, naming the threshold when it is known.
/// `merged`: hidden parts of a bar are drawn together.
pub(crate) fn secret_note(threshold: Option<u64>, merged: bool) -> String {
    let why = match threshold {
        Some(t) => format!("moins de {t} répondants"),
        None => "effectif inférieur au seuil de diffusion".to_owned(),
    };
    let mut note = format!(
        "s : secret statistique ({why}, ou part masquée pour qu'on ne puisse pas les recalculer)"
    );
    if merged {
        note.push_str(" ; les parts masquées d'une même barre sont regroupées");
    }
    note.push('.');
    note
}

/// Diagonal hatching clipped to `r`.
pub(crate) fn hatch(
    p: &mut dyn Painter,
    r: Rect,
    spacing: f64,
    ctx: &Ctx,
) -> Result<(), ChartError> {
    let mut k = r.x0 + r.y0 + spacing / 2.0;
    while k < r.x1 + r.y1 {
        let xa = r.x0.max(k - r.y1);
        let xb = r.x1.min(k - r.y0);
        if xa < xb {
            p.line(
                (xa, k - xa),
                (xb, k - xb),
                palette::GRID.mix(palette::AXIS, 0.25),
                ctx.px(1.0),
            )?;
        }
        k += spacing;
    }
    Ok(())
}

/// A block of hidden values: light grey, hatched, outlined, with « s » in its middle when
/// it fits. Returns whether the « s » was written.
pub(crate) fn secret_block(p: &mut dyn Painter, r: Rect, ctx: &Ctx) -> Result<bool, ChartError> {
    if r.w() <= 0.0 || r.h() <= 0.0 {
        return Ok(false);
    }
    p.fill(r, palette::SUPPRESSED)?;
    hatch(p, r, ctx.px(5.0), ctx)?;
    let edge = palette::GRID.mix(palette::AXIS, 0.45);
    let w = ctx.px(1.0);
    p.line((r.x0, r.y0), (r.x1, r.y0), edge, w)?;
    p.line((r.x0, r.y1), (r.x1, r.y1), edge, w)?;
    p.line((r.x0, r.y0), (r.x0, r.y1), edge, w)?;
    p.line((r.x1, r.y0), (r.x1, r.y1), edge, w)?;
    let font = secret_font(ctx);
    let pad = font.size * 0.5;
    if r.w() < font.width(SECRET_MARK) + ctx.px(4.0) || r.h() < font.size * 0.85 {
        return Ok(false);
    }
    let (cx, cy) = ((r.x0 + r.x1) / 2.0, (r.y0 + r.y1) / 2.0);
    // A plain pad keeps the « s » readable over the hatching.
    let half_w = (font.width(SECRET_MARK) / 2.0 + ctx.px(2.0)).min(r.w() / 2.0);
    p.fill(
        Rect::new(cx - half_w, cy - pad, cx + half_w, cy + pad),
        palette::SUPPRESSED,
    )?;
    text_mid(p, SECRET_MARK, cx, cy, font, palette::INK, Align::Center)?;
    Ok(true)
}

/// A legend: coloured swatches and labels, flowing left to right over as many rows as needed.
pub(crate) struct Legend {
    entries: Vec<(String, Rgb, f64, usize)>,
    rows: usize,
    font: Font,
}

impl Legend {
    pub fn new(entries: &[(String, Rgb)], font: Font, width: f64) -> Self {
        let swatch = font.size * 0.8;
        let gap = font.size * 1.2;
        let mut placed = Vec::with_capacity(entries.len());
        let (mut x, mut row) = (0.0, 0);
        for (label, c) in entries {
            let w = swatch + font.size * 0.35 + font.width(label);
            if x > 0.0 && x + w > width {
                x = 0.0;
                row += 1;
            }
            placed.push((label.clone(), *c, x, row));
            x += w + gap;
        }
        Legend {
            entries: placed,
            rows: if entries.is_empty() { 0 } else { row + 1 },
            font,
        }
    }

    pub fn height(&self) -> f64 {
        self.rows as f64 * self.font.line_height() * 1.15
    }

    pub fn draw(&self, p: &mut dyn Painter, x0: f64, y0: f64) -> Result<(), ChartError> {
        let f = self.font;
        let swatch = f.size * 0.8;
        for (label, c, x, row) in &self.entries {
            let cy = y0 + (*row as f64 + 0.5) * f.line_height() * 1.15;
            p.fill(
                Rect::new(
                    x0 + x,
                    cy - swatch / 2.0,
                    x0 + x + swatch,
                    cy + swatch / 2.0,
                ),
                *c,
            )?;
            text_mid(
                p,
                label,
                x0 + x + swatch + f.size * 0.35,
                cy,
                f,
                palette::INK,
                Align::Left,
            )?;
        }
        Ok(())
    }
}

/// Title, subtitle and footer lines, wrapped for one type size and width.
struct Frame {
    margin: f64,
    title: Vec<String>,
    subtitle: Vec<String>,
    footer: Vec<(String, Rgb)>,
    header_h: f64,
    footer_h: f64,
}

impl Frame {
    fn new(spec: &ChartSpec, notes: &[String], ctx: &Ctx, width: f64) -> Self {
        let margin = ctx.px(18.0);
        let inner = width - 2.0 * margin;
        let title = text::wrap(&spec.title, ctx.title(), inner);
        let subtitle = spec
            .subtitle
            .as_deref()
            .map(|s| text::wrap(s, ctx.subtitle(), inner))
            .unwrap_or_default();
        let small = ctx.small();
        let mut footer: Vec<(String, Rgb)> = Vec::new();
        for (lines, c) in notes
            .iter()
            .map(|n| (n, palette::MUTED))
            .chain(spec.cautions.iter().map(|n| (n, palette::CAUTION)))
            .chain(spec.source.iter().map(|n| (n, palette::MUTED)))
        {
            footer.extend(text::wrap(lines, small, inner).into_iter().map(|l| (l, c)));
        }
        let header_h = title.len() as f64 * ctx.title().line_height()
            + if subtitle.is_empty() {
                0.0
            } else {
                ctx.px(4.0) + subtitle.len() as f64 * ctx.subtitle().line_height()
            }
            + ctx.px(14.0);
        let footer_h = if footer.is_empty() {
            0.0
        } else {
            ctx.px(12.0) + footer.len() as f64 * small.line_height()
        };
        Frame {
            margin,
            title,
            subtitle,
            footer,
            header_h,
            footer_h,
        }
    }

    /// Where the body goes on a `width` × `height` canvas.
    fn body(&self, width: f64, height: f64) -> Rect {
        Rect::new(
            self.margin,
            self.margin + self.header_h,
            width - self.margin,
            height - self.margin - self.footer_h,
        )
    }
}

/// Draws `spec` on a `width` × `height` pixel canvas at `scale` pixels per point.
pub(crate) fn draw_chart(
    p: &mut dyn Painter,
    spec: &ChartSpec,
    width: f64,
    height: f64,
    scale: f64,
) -> Result<(), ChartError> {
    spec.validate()?;
    text::ensure_fonts()?;
    p.fill(Rect::new(0.0, 0.0, width, height), palette::WHITE)?;
    let notes = body_notes(&spec.body);
    let mut factor = 1.0;
    loop {
        let ctx = Ctx { s: scale * factor };
        let frame = Frame::new(spec, &notes, &ctx, width);
        let body = frame.body(width, height);
        let (needed, _) = body_heights(&spec.body, &ctx, body);
        // Too little room: lay everything out again in smaller type, down to about half.
        if needed > body.h() + 0.5 && factor > 0.56 {
            factor -= 0.08;
            continue;
        }
        let (margin, small) = (frame.margin, ctx.small());
        let y = draw_lines(
            p,
            &frame.title,
            margin,
            margin,
            ctx.title(),
            palette::INK,
            Align::Left,
        )?;
        if !frame.subtitle.is_empty() {
            let top = y + ctx.px(4.0);
            draw_lines(
                p,
                &frame.subtitle,
                margin,
                top,
                ctx.subtitle(),
                palette::MUTED,
                Align::Left,
            )?;
        }
        let used = draw_body(p, &spec.body, &ctx, body)?;
        // Notes follow the body; when it overflows they keep their place at the bottom.
        let mut y = (body.y0 + used).min(body.y1) + ctx.px(12.0);
        for (line, c) in &frame.footer {
            p.text(line, margin, y + small.ascent(), small, *c, Align::Left)?;
            y += small.line_height();
        }
        return Ok(());
    }
}

/// The height in pixels at which `spec`, drawn `width` pixels wide at `scale`, has all its text
/// at full size and comfortable bars, without blank space below.
pub(crate) fn natural_height(spec: &ChartSpec, width: f64, scale: f64) -> f64 {
    let ctx = Ctx { s: scale };
    let frame = Frame::new(spec, &body_notes(&spec.body), &ctx, width);
    // The body's layout depends on its width only; the height given here is a placeholder.
    let body = frame.body(
        width,
        frame.header_h + frame.margin * 2.0 + frame.footer_h + 1.0,
    );
    let (_, comfortable) = body_heights(&spec.body, &ctx, body);
    frame.margin * 2.0 + frame.header_h + comfortable + frame.footer_h
}

/// Height the body needs at this type size, and the height at which it looks best.
fn body_heights(body: &ChartBody, ctx: &Ctx, rect: Rect) -> (f64, f64) {
    match body {
        ChartBody::Diverging(d) => {
            let plan = diverging::plan(d, ctx, rect);
            (plan.needed_height(), plan.comfortable_height())
        }
        ChartBody::Bars(b) => {
            let plan = bars::plan(b, ctx, rect);
            (plan.needed_height(), plan.comfortable_height())
        }
        ChartBody::Histogram(h) => (
            distribution::histogram_height(h, ctx),
            ctx.px(distribution::HISTOGRAM_COMFORTABLE),
        ),
        ChartBody::BoxPlot(b) => {
            let plan = distribution::boxplot_plan(b, ctx, rect);
            (plan.needed_height(), plan.comfortable_height())
        }
        ChartBody::HeatMap(h) => {
            let plan = heatmap::plan(h, ctx, rect);
            (plan.needed_height(), plan.comfortable_height())
        }
        ChartBody::Forest(f) => {
            let plan = forest::plan(f, ctx, rect);
            (plan.needed_height(), plan.comfortable_height())
        }
    }
}

/// Draws the body in `rect`, returning the height used.
fn draw_body(
    p: &mut dyn Painter,
    body: &ChartBody,
    ctx: &Ctx,
    rect: Rect,
) -> Result<f64, ChartError> {
    match body {
        ChartBody::Diverging(d) => diverging::plan(d, ctx, rect).draw(p),
        ChartBody::Bars(b) => bars::plan(b, ctx, rect).draw(p),
        ChartBody::Histogram(h) => distribution::draw_histogram(h, ctx, rect, p),
        ChartBody::BoxPlot(b) => distribution::boxplot_plan(b, ctx, rect).draw(p),
        ChartBody::HeatMap(h) => heatmap::plan(h, ctx, rect).draw(p),
        ChartBody::Forest(f) => forest::plan(f, ctx, rect).draw(p),
    }
}

/// Notes every chart of this kind carries: the denominator, the small-number asterisk, what
/// the marks mean.
fn body_notes(body: &ChartBody) -> Vec<String> {
    match body {
        ChartBody::Diverging(d) => diverging::notes(d),
        ChartBody::Bars(b) => bars::notes(b),
        ChartBody::Histogram(h) => distribution::histogram_notes(h),
        ChartBody::BoxPlot(b) => distribution::boxplot_notes(b),
        ChartBody::HeatMap(h) => heatmap::notes(h),
        ChartBody::Forest(f) => forest::notes(f),
    }
}
