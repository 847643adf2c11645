//! Histograms and box plots for numeric questions.

use super::{
    Align, Ctx, Painter, Rect, block_height, draw_lines_centred, secret_block, secret_font,
    secret_note, text_mid,
};
use crate::charts::ChartError;
use crate::charts::layout::nice_range;
use crate::charts::palette;
use crate::charts::spec::{BoxPlot, Histogram, Whiskers};
use crate::charts::text;

/// Decimals that tell apart ticks `step` apart.
fn decimals(step: f64) -> usize {
    if step >= 1.0 || step <= 0.0 {
        0
    } else {
        (-step.log10()).ceil() as usize
    }
}

/// Tick values from `start` to `end` by `step`, kept within `lo..=hi`.
fn ticks(start: f64, end: f64, step: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let count = ((end - start) / step).round() as i64;
    for k in 0..=count {
        let t = start + k as f64 * step;
        if t >= lo - step * 1e-6 && t <= hi + step * 1e-6 {
            out.push(t);
        }
    }
    out
}

/// A vertical dashed line.
fn dashed(p: &mut dyn Painter, x: f64, y0: f64, y1: f64, ctx: &Ctx) -> Result<(), ChartError> {
    let (dash, gap) = (ctx.px(5.0), ctx.px(3.0));
    let mut y = y0;
    while y < y1 {
        p.line((x, y), (x, (y + dash).min(y1)), palette::INK, ctx.px(1.2))?;
        y += dash + gap;
    }
    Ok(())
}

/// Comfortable height of one box's band, in points.
const BOX_BAND: f64 = 60.0;

/// Comfortable height of a histogram, in points.
pub(super) const HISTOGRAM_COMFORTABLE: f64 = 340.0;

/// Height a histogram needs at least.
pub(super) fn histogram_height(_: &Histogram, ctx: &Ctx) -> f64 {
    ctx.px(180.0)
}

/// Notes under a histogram.
pub(super) fn histogram_notes(h: &Histogram) -> Vec<String> {
    let mut out = vec![format!(
        "Nombre de répondants par classe ; n = {} réponses numériques.",
        crate::model::french::number(h.n as f64, 0)
    )];
    if h.n < crate::charts::spec::SMALL_N {
        out.push(format!(
            "Effectif inférieur à {} : à interpréter avec prudence.",
            crate::charts::spec::SMALL_N
        ));
    }
    if h.bins.iter().any(|b| b.secret) {
        out.push(secret_note(h.disclosure_threshold, false));
    }
    out
}

/// Draws a histogram filling `rect`.
pub(super) fn draw_histogram(
    h: &Histogram,
    ctx: &Ctx,
    rect: Rect,
    p: &mut dyn Painter,
) -> Result<f64, ChartError> {
    let small = ctx.small();
    let gap = ctx.px(8.0);
    // Secret bins do not count towards the axis: its end would tell their size.
    let max_count = h
        .bins
        .iter()
        .filter(|b| !b.secret)
        .map(|b| b.count)
        .max()
        .unwrap_or(0) as f64;
    let (_, y_end, y_step) = nice_range(0.0, max_count.max(1.0), 5);
    let y_step = y_step.max(1.0);
    let y_end = (y_end / y_step).ceil() * y_step;
    let y_ticks = ticks(0.0, y_end, y_step, 0.0, y_end);
    let tick_w = y_ticks
        .iter()
        .map(|t| small.width(&crate::model::french::number(*t, 0)))
        .fold(small.width("Effectif") / 2.0, f64::max);
    let centre_lines = usize::from(h.mean.is_some()) + usize::from(h.median.is_some());
    let plot = Rect::new(
        rect.x0 + tick_w + gap,
        rect.y0 + small.line_height() * (1 + centre_lines) as f64 + ctx.px(6.0),
        rect.x1 - ctx.px(6.0),
        rect.y1 - 2.0 * small.line_height() - ctx.px(10.0),
    );
    let lo = h.bins.iter().map(|b| b.lower).fold(f64::INFINITY, f64::min);
    let hi = h
        .bins
        .iter()
        .map(|b| b.upper)
        .fold(f64::NEG_INFINITY, f64::max);
    let x = |v: f64| plot.x0 + (v - lo) / (hi - lo) * plot.w();
    let y = |c: f64| plot.y1 - c / y_end * plot.h();

    p.text(
        "Effectif",
        rect.x0,
        rect.y0 + small.ascent(),
        small,
        palette::MUTED,
        Align::Left,
    )?;
    let n = text::n_label(h.n, crate::charts::spec::SMALL_N);
    p.text(
        &n,
        rect.x1,
        rect.y0 + small.ascent(),
        small,
        palette::MUTED,
        Align::Right,
    )?;
    for t in &y_ticks {
        let yy = y(*t);
        p.line((plot.x0, yy), (plot.x1, yy), palette::GRID, ctx.px(1.0))?;
        text_mid(
            p,
            &crate::model::french::number(*t, 0),
            plot.x0 - gap,
            yy,
            small,
            palette::MUTED,
            Align::Right,
        )?;
    }
    let colour = palette::qualitative(0);
    // A secret bin is a stub of the same height whatever its count, tall enough for « s ».
    let stub = secret_font(ctx).size * 1.6;
    for b in &h.bins {
        let (x0, x1) = (x(b.lower), x(b.upper));
        if b.secret {
            secret_block(
                p,
                Rect::new(x0 + ctx.px(0.5), plot.y1 - stub, x1 - ctx.px(0.5), plot.y1),
                ctx,
            )?;
            continue;
        }
        p.fill(
            Rect::new(
                x0 + ctx.px(0.5),
                y(b.count as f64),
                x1 - ctx.px(0.5),
                plot.y1,
            ),
            colour,
        )?;
    }
    p.line(
        (plot.x0, plot.y1),
        (plot.x1, plot.y1),
        palette::AXIS,
        ctx.px(1.0),
    )?;
    let (start, end, step) = nice_range(lo, hi, 8);
    let dec = decimals(step);
    for t in ticks(start, end, step, lo, hi) {
        let xx = x(t);
        p.line(
            (xx, plot.y1),
            (xx, plot.y1 + ctx.px(4.0)),
            palette::AXIS,
            ctx.px(1.0),
        )?;
        let s = crate::model::french::number(t, dec);
        p.text(
            &s,
            xx,
            plot.y1 + ctx.px(5.0) + small.ascent(),
            small,
            palette::MUTED,
            Align::Center,
        )?;
    }
    let title_y = plot.y1 + ctx.px(8.0) + small.line_height() + small.ascent();
    p.text(
        &h.value_label,
        (plot.x0 + plot.x1) / 2.0,
        title_y,
        ctx.label(),
        palette::INK,
        Align::Center,
    )?;

    // Markers in value order: the lower one labelled on its left, the higher on its right,
    // each label on its own line so that no label crosses the other marker.
    let mut markers: Vec<(f64, &str)> = [(h.mean, "Moyenne"), (h.median, "Médiane")]
        .into_iter()
        .filter_map(|(v, name)| v.map(|v| (v, name)))
        .collect();
    markers.sort_by(|a, b| b.0.total_cmp(&a.0));
    let count = markers.len();
    for (line, (v, name)) in markers.into_iter().enumerate() {
        let xx = x(v.clamp(lo, hi));
        let label_y =
            rect.y0 + small.line_height() * (1 + line) as f64 + small.ascent() + ctx.px(2.0);
        dashed(
            p,
            xx,
            label_y - small.ascent() + small.size * 0.3,
            plot.y1,
            ctx,
        )?;
        let s = format!("{name} : {}", crate::model::french::number(v, 1));
        let right_side = if count == 2 {
            line == 0
        } else {
            xx < (plot.x0 + plot.x1) / 2.0
        };
        let (ax, align) = if right_side {
            (xx + ctx.px(4.0), Align::Left)
        } else {
            (xx - ctx.px(4.0), Align::Right)
        };
        p.text(&s, ax, label_y, small, palette::INK, align)?;
    }
    Ok(rect.h())
}

pub(super) struct BoxPlan<'a> {
    plot: &'a BoxPlot,
    ctx: Ctx,
    rect: Rect,
    labels: Vec<Vec<String>>,
    x0: f64,
    x1: f64,
    range: (f64, f64, f64),
    band_min: f64,
    axis_h: f64,
}

pub(super) fn boxplot_plan<'a>(plot: &'a BoxPlot, ctx: &Ctx, rect: Rect) -> BoxPlan<'a> {
    let (label, small) = (ctx.label(), ctx.small());
    let gap = ctx.px(10.0);
    let max_label = (rect.w() * 0.3).max(
        plot.boxes
            .iter()
            .map(|b| text::widest_word(&b.label, label))
            .fold(0.0, f64::max),
    );
    let labels: Vec<Vec<String>> = plot
        .boxes
        .iter()
        .map(|b| text::wrap(&b.label, label, max_label))
        .collect();
    let label_w = labels
        .iter()
        .map(|l| text::widest(l, label))
        .fold(0.0, f64::max);
    let n_w = plot
        .boxes
        .iter()
        .map(|b| small.width(&text::n_label(b.n, crate::charts::spec::SMALL_N)))
        .fold(0.0, f64::max);
    let values = plot.boxes.iter().flat_map(|b| {
        [b.low, b.high]
            .into_iter()
            .chain(b.outliers.iter().copied())
    });
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let band_min = labels
        .iter()
        .map(|l| block_height(l.len(), label) + ctx.px(8.0))
        .fold(small.size * 2.2, f64::max);
    BoxPlan {
        plot,
        ctx: *ctx,
        rect,
        labels,
        x0: rect.x0 + label_w + gap,
        x1: rect.x1 - n_w - gap,
        range: nice_range(lo, hi, 6),
        band_min,
        axis_h: 2.0 * small.line_height() + ctx.px(10.0),
    }
}

/// Notes under box plots: what the marks mean.
pub(super) fn boxplot_notes(plot: &BoxPlot) -> Vec<String> {
    let mut out = vec![match plot.whiskers {
        Whiskers::Tukey => "Boîte : du 1er au 3e quartile ; trait épais : médiane ; losange : \
                            moyenne ; moustaches : valeurs extrêmes hors valeurs isolées (points)."
            .to_string(),
        Whiskers::Deciles { from_n } => format!(
            "Boîte : du 1er au 3e quartile ; trait épais : médiane ; losange : moyenne ; \
             moustaches : du 1er au 9e décile, à partir de {} réponses (secret statistique : \
             aucune réponse individuelle n'est montrée).",
            from_n
        ),
    }];
    if plot
        .boxes
        .iter()
        .any(|b| b.n < crate::charts::spec::SMALL_N)
    {
        out.push(text::small_n_note(crate::charts::spec::SMALL_N));
    }
    out
}

impl BoxPlan<'_> {
    pub(super) fn needed_height(&self) -> f64 {
        self.band_min * self.plot.boxes.len() as f64 + self.axis_h
    }

    /// Height at which boxes reach a comfortable thickness.
    pub(super) fn comfortable_height(&self) -> f64 {
        self.needed_height()
            + self.plot.boxes.len() as f64 * (self.ctx.px(BOX_BAND) - self.band_min).max(0.0)
    }

    fn x(&self, v: f64) -> f64 {
        let (start, end, _) = self.range;
        self.x0 + (v - start) / (end - start) * (self.x1 - self.x0)
    }

    pub(super) fn draw(&self, p: &mut dyn Painter) -> Result<f64, ChartError> {
        let ctx = self.ctx;
        let (label, small) = (ctx.label(), ctx.small());
        let spare = (self.rect.h() - self.needed_height()).max(0.0);
        let count = self.plot.boxes.len().max(1) as f64;
        let band = self.band_min + (spare / count).min((ctx.px(BOX_BAND) - self.band_min).max(0.0));
        let top = self.rect.y0;
        let bottom = top + band * count;
        let (start, end, step) = self.range;
        let dec = decimals(step);
        for t in ticks(start, end, step, start, end) {
            let x = self.x(t);
            p.line((x, top), (x, bottom), palette::GRID, ctx.px(1.0))?;
            let s = crate::model::french::number(t, dec);
            p.text(
                &s,
                x,
                bottom + ctx.px(4.0) + small.ascent(),
                small,
                palette::MUTED,
                Align::Center,
            )?;
        }
        let title_y = bottom + ctx.px(8.0) + small.line_height() + small.ascent();
        p.text(
            &self.plot.value_label,
            (self.x0 + self.x1) / 2.0,
            title_y,
            label,
            palette::INK,
            Align::Center,
        )?;
        for (i, b) in self.plot.boxes.iter().enumerate() {
            let cy = top + (i as f64 + 0.5) * band;
            draw_lines_centred(
                p,
                &self.labels[i],
                self.rect.x0,
                cy,
                label,
                palette::INK,
                Align::Left,
            )?;
            let h = (band * 0.5).min(ctx.px(30.0));
            let colour = palette::qualitative(i);
            let (y0, y1) = (cy - h / 2.0, cy + h / 2.0);
            let w = ctx.px(1.2);
            p.line((self.x(b.low), cy), (self.x(b.q1), cy), palette::AXIS, w)?;
            p.line((self.x(b.q3), cy), (self.x(b.high), cy), palette::AXIS, w)?;
            for v in [b.low, b.high] {
                p.line(
                    (self.x(v), cy - h * 0.3),
                    (self.x(v), cy + h * 0.3),
                    palette::AXIS,
                    w,
                )?;
            }
            let (bx0, bx1) = (self.x(b.q1), self.x(b.q3));
            p.fill(
                Rect::new(bx0, y0, bx1, y1),
                colour.mix(palette::WHITE, 0.55),
            )?;
            for (a, c) in [
                ((bx0, y0), (bx1, y0)),
                ((bx0, y1), (bx1, y1)),
                ((bx0, y0), (bx0, y1)),
                ((bx1, y0), (bx1, y1)),
            ] {
                p.line(a, c, colour, w)?;
            }
            let mx = self.x(b.median);
            p.line((mx, y0), (mx, y1), palette::INK, ctx.px(2.5))?;
            if let Some(mean) = b.mean {
                let (x, r) = (self.x(mean), h * 0.22);
                p.polygon(
                    &[(x, cy - r), (x + r, cy), (x, cy + r), (x - r, cy)],
                    palette::INK,
                )?;
            }
            for &o in &b.outliers {
                p.circle((self.x(o), cy), ctx.px(2.5), palette::AXIS)?;
            }
            let n = text::n_label(b.n, crate::charts::spec::SMALL_N);
            let c = if b.n < crate::charts::spec::SMALL_N {
                palette::CAUTION
            } else {
                palette::MUTED
            };
            text_mid(p, &n, self.rect.x1, cy, small, c, Align::Right)?;
        }
        Ok(bottom + self.axis_h - self.rect.y0)
    }
}
