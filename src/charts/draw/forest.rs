//! Forest plot: labels at the left (headings in bold, levels indented), and for each level a
//! point with its interval on a logarithmic axis, a vertical line at no effect, the value
//! written at the right.

use super::{Align, Ctx, Painter, Rect, text_mid};
use crate::charts::ChartError;
use crate::charts::palette;
use crate::charts::spec::ForestPlot;
use crate::charts::text::{self, Font};
use crate::model::french;

pub(super) struct Plan<'a> {
    plot: &'a ForestPlot,
    ctx: Ctx,
    rect: Rect,
    plot_x0: f64,
    plot_x1: f64,
    row_min: f64,
    axis_h: f64,
    lo: f64,
    hi: f64,
}

/// Ticks offered on the axis, as odds ratios.
const TICKS: [f64; 13] = [
    0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0,
];

fn value_text(v: f64) -> String {
    french::number(v, if v < 10.0 { 2 } else { 1 })
}

pub(super) fn plan<'a>(plot: &'a ForestPlot, ctx: &Ctx, rect: Rect) -> Plan<'a> {
    let (label, small) = (ctx.label(), ctx.small());
    let indent = ctx.px(14.0);
    let label_w = plot
        .rows
        .iter()
        .map(|r| {
            if r.heading {
                Font::bold(label.size).width(&r.label)
            } else {
                indent + label.width(&r.label)
            }
        })
        .fold(0.0, f64::max)
        .min(rect.w() * 0.42);
    let value_w = plot
        .rows
        .iter()
        .map(|r| match (r.estimate, &r.note) {
            (Some((v, lo, hi)), _) => small.width(&format!(
                "{} [{} – {}]",
                value_text(v),
                value_text(lo),
                value_text(hi)
            )),
            (None, Some(note)) => small.width(note),
            _ => 0.0,
        })
        .fold(0.0, f64::max);
    let gap = ctx.px(12.0);
    let plot_x0 = rect.x0 + label_w + gap;
    let plot_x1 = (rect.x1 - value_w - gap).max(plot_x0 + ctx.px(60.0));
    let (mut lo, mut hi) = (plot.null_value, plot.null_value);
    for (_, l, h) in plot.rows.iter().filter_map(|r| r.estimate) {
        lo = lo.min(l);
        hi = hi.max(h);
    }
    // At least a halving and a doubling either side of no effect, and some room around
    // the extremes, on the log scale.
    let (lo, hi) = (
        lo.min(plot.null_value / 2.0).ln() - 0.15,
        hi.max(plot.null_value * 2.0).ln() + 0.15,
    );
    Plan {
        plot,
        ctx: *ctx,
        rect,
        plot_x0,
        plot_x1,
        row_min: label.line_height() * 1.25,
        axis_h: small.line_height() * 2.6,
        lo,
        hi,
    }
}

/// Notes under a forest plot: what the points and lines are.
pub(super) fn notes(plot: &ForestPlot) -> Vec<String> {
    vec![format!(
        "{} : point = estimation, trait = intervalle de confiance à 95 % ; échelle \
         logarithmique, trait vertical = pas d'effet ({}).",
        plot.axis_label,
        value_text(plot.null_value)
    )]
}

impl Plan<'_> {
    fn x(&self, v: f64) -> f64 {
        let t = (v.ln() - self.lo) / (self.hi - self.lo);
        self.plot_x0 + t.clamp(0.0, 1.0) * (self.plot_x1 - self.plot_x0)
    }

    pub(super) fn needed_height(&self) -> f64 {
        self.row_min * self.plot.rows.len() as f64 + self.axis_h
    }

    pub(super) fn comfortable_height(&self) -> f64 {
        self.needed_height() + self.plot.rows.len() as f64 * self.ctx.px(4.0)
    }

    pub(super) fn draw(&self, p: &mut dyn Painter) -> Result<f64, ChartError> {
        let ctx = self.ctx;
        let (label, small) = (ctx.label(), ctx.small());
        let rows = self.plot.rows.len().max(1) as f64;
        let spare = (self.rect.h() - self.needed_height()).max(0.0);
        let row_h = self.row_min + (spare / rows).min(ctx.px(4.0));
        let top = self.rect.y0;
        let bottom = top + row_h * rows;
        // Light bands under every other level row, and under headings, guide the eye
        // from a label to its estimate.
        let band = palette::GRID.mix(palette::WHITE, 0.55);
        let mut stripe = false;
        for (i, row) in self.plot.rows.iter().enumerate() {
            stripe = if row.heading { false } else { !stripe };
            if row.heading || stripe {
                let y0 = top + i as f64 * row_h;
                let shade = if row.heading {
                    palette::GRID.mix(palette::WHITE, 0.2)
                } else {
                    band
                };
                p.fill(Rect::new(self.rect.x0, y0, self.rect.x1, y0 + row_h), shade)?;
            }
        }
        // Ticks and grid.
        for &t in TICKS.iter().filter(|t| {
            let l = t.ln();
            l >= self.lo && l <= self.hi
        }) {
            let x = self.x(t);
            p.line((x, top), (x, bottom), palette::GRID, ctx.px(1.0))?;
            p.text(
                &value_text(t),
                x,
                bottom + small.ascent() + ctx.px(4.0),
                small,
                palette::MUTED,
                Align::Center,
            )?;
        }
        let null_x = self.x(self.plot.null_value);
        p.line((null_x, top), (null_x, bottom), palette::AXIS, ctx.px(1.5))?;
        p.line(
            (self.plot_x0, bottom),
            (self.plot_x1, bottom),
            palette::AXIS,
            ctx.px(1.0),
        )?;
        p.text(
            &self.plot.axis_label,
            (self.plot_x0 + self.plot_x1) / 2.0,
            bottom + small.line_height() + small.ascent() + ctx.px(6.0),
            small,
            palette::INK,
            Align::Center,
        )?;
        let ink = palette::qualitative(0);
        let indent = ctx.px(14.0);
        let max_label = self.plot_x0 - self.rect.x0 - ctx.px(12.0);
        for (i, row) in self.plot.rows.iter().enumerate() {
            let cy = top + (i as f64 + 0.5) * row_h;
            let (font, x) = if row.heading {
                (Font::bold(label.size), self.rect.x0)
            } else {
                (label, self.rect.x0 + indent)
            };
            let shown = text::wrap(&row.label, font, (max_label - (x - self.rect.x0)).max(1.0));
            let first = shown.first().cloned().unwrap_or_default();
            let first = if shown.len() > 1 {
                format!("{first}…")
            } else {
                first
            };
            text_mid(p, &first, x, cy, font, palette::INK, Align::Left)?;
            let value_x = self.plot_x1 + ctx.px(12.0);
            match (row.estimate, &row.note) {
                (Some((v, lo, hi)), _) => {
                    let (xl, xv, xh) = (self.x(lo), self.x(v), self.x(hi));
                    p.line((xl, cy), (xh, cy), ink, ctx.px(2.0))?;
                    for xe in [xl, xh] {
                        p.line(
                            (xe, cy - ctx.px(4.0)),
                            (xe, cy + ctx.px(4.0)),
                            ink,
                            ctx.px(1.5),
                        )?;
                    }
                    let r = ctx.px(4.5);
                    p.fill(Rect::new(xv - r, cy - r, xv + r, cy + r), ink)?;
                    text_mid(
                        p,
                        &format!(
                            "{} [{} – {}]",
                            value_text(v),
                            value_text(lo),
                            value_text(hi)
                        ),
                        value_x,
                        cy,
                        small,
                        palette::INK,
                        Align::Left,
                    )?;
                }
                (None, Some(note)) => {
                    text_mid(p, note, value_x, cy, small, palette::MUTED, Align::Left)?;
                }
                _ => {}
            }
        }
        Ok(row_h * rows + self.axis_h)
    }
}
