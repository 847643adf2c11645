//! Horizontal bars for single and multiple choice questions, grouped or stacked.
//!
//! Bars are horizontal so that long French answer labels can be wrapped on the left. Grouped
//! bars put one row per answer and one bar per series in it, with the value (and its 95 %
//! interval, when given) at the end; stacked bars put one 100 % bar per series.

use super::{
    Align, Ctx, Legend, Painter, Rect, SECRET_MARK, SECRET_N, block_height, draw_lines_centred,
    secret_block, secret_font, secret_note, secret_stub_width, text_mid,
};
use crate::charts::ChartError;
use crate::charts::layout::nice_range;
use crate::charts::palette::{self, Rgb};
use crate::charts::spec::{BarChart, BarMode, BarSeries};
use crate::charts::text;

/// « n = … » of a series, or « n = s » when its n is hidden.
fn n_label(chart: &BarChart, series: &BarSeries) -> String {
    if series.n_suppressed {
        SECRET_N.to_owned()
    } else {
        text::n_label(series.n, chart.small_n)
    }
}

/// Whether a series' n is shown and small enough for the asterisk.
fn small_series(chart: &BarChart, series: &BarSeries) -> bool {
    !series.n_suppressed && series.n < chart.small_n
}

/// One row of the chart: its wrapped label and the bars in it.
struct Row {
    lines: Vec<String>,
    /// (series, category) of each bar in the row.
    bars: Vec<(usize, usize)>,
}

pub(super) struct Plan<'a> {
    chart: &'a BarChart,
    ctx: Ctx,
    rect: Rect,
    legend: Legend,
    rows: Vec<Row>,
    plot_x0: f64,
    plot_x1: f64,
    axis_end: f64,
    step: f64,
    band_min: f64,
    axis_h: f64,
}

fn series_name(name: &str) -> &str {
    if name.is_empty() {
        "Ensemble des répondants"
    } else {
        name
    }
}

pub(super) fn plan<'a>(chart: &'a BarChart, ctx: &Ctx, rect: Rect) -> Plan<'a> {
    let (label, small) = (ctx.label(), ctx.small());
    let gap = ctx.px(10.0);
    let stacked = chart.mode == BarMode::Stacked;
    let entries: Vec<(String, Rgb)> = if stacked {
        chart
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), palette::qualitative(i)))
            .collect()
    } else {
        chart
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let n = n_label(chart, s);
                (
                    format!("{} ({n})", series_name(&s.name)),
                    palette::qualitative(i),
                )
            })
            .collect()
    };
    let legend = Legend::new(&entries, small, rect.w());

    let row_labels: Vec<&str> = if stacked {
        chart.series.iter().map(|s| series_name(&s.name)).collect()
    } else {
        chart.categories.iter().map(String::as_str).collect()
    };
    let max_label = (rect.w() * 0.34).max(
        row_labels
            .iter()
            .map(|l| text::widest_word(l, label))
            .fold(0.0, f64::max),
    );
    let rows: Vec<Row> = row_labels
        .iter()
        .enumerate()
        .map(|(r, l)| Row {
            lines: text::wrap(l, label, max_label),
            bars: if stacked {
                (0..chart.categories.len()).map(|c| (r, c)).collect()
            } else {
                (0..chart.series.len()).map(|s| (s, r)).collect()
            },
        })
        .collect();
    let label_w = rows
        .iter()
        .map(|r| text::widest(&r.lines, label))
        .fold(0.0, f64::max);

    let (axis_end, step) = if stacked {
        (100.0, 25.0)
    } else {
        // Hidden values must not stretch the axis: its end would bound them.
        let max = chart
            .series
            .iter()
            .flat_map(|s| &s.values)
            .filter(|v| !v.suppressed)
            .map(|v| v.interval.map_or(v.pct, |(_, hi)| hi.max(v.pct)))
            .fold(1.0, f64::max);
        let (_, end, step) = nice_range(0.0, max, 4);
        (end, step)
    };
    let value_w = if stacked {
        chart
            .series
            .iter()
            .map(|s| small.width(&n_label(chart, s)))
            .fold(0.0, f64::max)
    } else {
        small.width("100")
    } + gap;
    let per_row = if stacked {
        1
    } else {
        chart.series.len().max(1)
    };
    let sub = small.size * 1.35;
    let band_min = rows
        .iter()
        .map(|r| block_height(r.lines.len(), label) + ctx.px(6.0))
        .fold(sub * per_row as f64 + ctx.px(6.0), f64::max);
    Plan {
        chart,
        ctx: *ctx,
        rect,
        legend,
        rows,
        plot_x0: rect.x0 + label_w + gap,
        plot_x1: rect.x1 - value_w,
        axis_end,
        step,
        band_min,
        axis_h: small.line_height() + ctx.px(6.0),
    }
}

/// Notes under a bar chart: the denominator, multiple answers, intervals, small n.
pub(super) fn notes(chart: &BarChart) -> Vec<String> {
    let mut out = vec![format!("En {}.", chart.denominator.label())];
    if chart.multiple_choice {
        out.push("Plusieurs réponses possibles : le total peut dépasser 100 %.".into());
    }
    if chart
        .series
        .iter()
        .flat_map(|s| &s.values)
        .any(|v| v.interval.is_some() && !v.suppressed)
    {
        out.push("Traits : intervalle de confiance à 95 %.".into());
    }
    if chart.series.iter().any(|s| small_series(chart, s)) {
        out.push(text::small_n_note(chart.small_n));
    }
    if chart.any_suppressed() {
        let merged = chart.mode == BarMode::Stacked;
        out.push(secret_note(chart.disclosure_threshold, merged));
    }
    out
}

impl Plan<'_> {
    pub(super) fn needed_height(&self) -> f64 {
        self.legend.height()
            + self.ctx.px(8.0)
            + self.band_min * self.rows.len() as f64
            + self.axis_h
    }

    fn max_band(&self) -> f64 {
        let per_row = if self.chart.mode == BarMode::Stacked {
            1
        } else {
            self.chart.series.len()
        };
        self.ctx.px(if per_row == 1 {
            44.0
        } else {
            18.0 * per_row as f64 + 14.0
        })
    }

    /// Height at which bars reach a comfortable thickness.
    pub(super) fn comfortable_height(&self) -> f64 {
        self.needed_height() + self.rows.len() as f64 * (self.max_band() - self.band_min).max(0.0)
    }

    fn x(&self, pct: f64) -> f64 {
        self.plot_x0 + (self.plot_x1 - self.plot_x0) * (pct / self.axis_end).clamp(0.0, 1.0)
    }

    pub(super) fn draw(&self, p: &mut dyn Painter) -> Result<f64, ChartError> {
        let ctx = self.ctx;
        let (label, small) = (ctx.label(), ctx.small());
        let stacked = self.chart.mode == BarMode::Stacked;
        let mut y = self.rect.y0;
        self.legend.draw(p, self.rect.x0, y)?;
        y += self.legend.height() + ctx.px(8.0);
        let spare = (self.rect.h() - self.needed_height()).max(0.0);
        let max_band = self.max_band();
        let band = self.band_min
            + (spare / self.rows.len().max(1) as f64).min((max_band - self.band_min).max(0.0));
        let top = y;
        let bottom = top + band * self.rows.len() as f64;

        let mut t = 0.0;
        while t <= self.axis_end + 1e-9 {
            let x = self.x(t);
            p.line((x, top), (x, bottom), palette::GRID, ctx.px(1.0))?;
            let s = format!("{}\u{a0}%", text::pct(t));
            p.text(
                &s,
                x,
                bottom + ctx.px(4.0) + small.ascent(),
                small,
                palette::MUTED,
                Align::Center,
            )?;
            t += self.step;
        }

        for (r, row) in self.rows.iter().enumerate() {
            let y0 = top + r as f64 * band;
            draw_lines_centred(
                p,
                &row.lines,
                self.rect.x0,
                y0 + band / 2.0,
                label,
                palette::INK,
                Align::Left,
            )?;
            if stacked {
                self.draw_stacked(p, r, y0 + band / 2.0, (band * 0.7).min(ctx.px(30.0)))?;
            } else {
                let inner = band - ctx.px(6.0);
                let sub = inner / row.bars.len().max(1) as f64;
                for (k, &(s, c)) in row.bars.iter().enumerate() {
                    let cy = y0 + ctx.px(3.0) + (k as f64 + 0.5) * sub;
                    self.draw_grouped(p, s, c, cy, (sub * 0.8).min(ctx.px(22.0)))?;
                }
            }
        }
        p.line(
            (self.plot_x0, top),
            (self.plot_x0, bottom),
            palette::AXIS,
            ctx.px(1.0),
        )?;
        Ok(bottom + self.axis_h - self.rect.y0)
    }

    fn draw_grouped(
        &self,
        p: &mut dyn Painter,
        s: usize,
        c: usize,
        cy: f64,
        h: f64,
    ) -> Result<(), ChartError> {
        let small = self.ctx.small();
        let v = self.chart.series[s].values[c];
        if v.suppressed {
            // A stub: no length, no whisker, no value.
            let w = secret_stub_width(&self.ctx);
            let r = Rect::new(self.plot_x0, cy - h / 2.0, self.plot_x0 + w, cy + h / 2.0);
            if !secret_block(p, r, &self.ctx)? {
                let font = secret_font(&self.ctx);
                let x = r.x1 + self.ctx.px(4.0);
                text_mid(p, SECRET_MARK, x, cy, font, palette::INK, Align::Left)?;
            }
            return Ok(());
        }
        let colour = palette::qualitative(s);
        let x1 = self.x(v.pct);
        p.fill(
            Rect::new(self.plot_x0, cy - h / 2.0, x1, cy + h / 2.0),
            colour,
        )?;
        let mut end = x1;
        if let Some((lo, hi)) = v.interval {
            let (a, b) = (self.x(lo), self.x(hi));
            let cap = h * 0.3;
            p.line((a, cy), (b, cy), palette::INK, self.ctx.px(1.2))?;
            p.line((a, cy - cap), (a, cy + cap), palette::INK, self.ctx.px(1.2))?;
            p.line((b, cy - cap), (b, cy + cap), palette::INK, self.ctx.px(1.2))?;
            end = end.max(b);
        }
        let label = text::pct(v.pct);
        text_mid(
            p,
            &label,
            end + self.ctx.px(4.0),
            cy,
            small,
            palette::INK,
            Align::Left,
        )
    }

    fn draw_stacked(
        &self,
        p: &mut dyn Painter,
        s: usize,
        cy: f64,
        h: f64,
    ) -> Result<(), ChartError> {
        let ctx = self.ctx;
        let small = ctx.small();
        let series = &self.chart.series[s];
        let mut acc = 0.0;
        for (c, v) in series.values.iter().enumerate() {
            if v.suppressed {
                continue;
            }
            let (x0, x1) = (self.x(acc), self.x(acc + v.pct));
            let colour = palette::qualitative(c);
            p.fill(Rect::new(x0, cy - h / 2.0, x1, cy + h / 2.0), colour)?;
            let label = text::pct(v.pct);
            if v.pct >= 0.5 && x1 - x0 >= small.width(&label) + ctx.px(4.0) {
                text_mid(
                    p,
                    &label,
                    (x0 + x1) / 2.0,
                    cy,
                    small,
                    colour.text_on(),
                    Align::Center,
                )?;
            }
            acc += v.pct;
        }
        // Hidden answers of the series: one block at the end, as wide as their combined
        // share, or a stub when every answer is hidden.
        let hidden: Vec<f64> = series
            .values
            .iter()
            .filter(|v| v.suppressed)
            .map(|v| v.pct)
            .collect();
        if !hidden.is_empty() {
            let (y0, y1) = (cy - h / 2.0, cy + h / 2.0);
            let r = if hidden.len() == series.values.len() {
                Rect::new(self.plot_x0, y0, self.plot_x0 + secret_stub_width(&ctx), y1)
            } else {
                let width: f64 = hidden.iter().sum();
                Rect::new(self.x(acc), y0, self.x(acc + width), y1)
            };
            if !secret_block(p, r, &ctx)? {
                let font = secret_font(&ctx);
                let x = r.x1 + ctx.px(2.0);
                text_mid(p, SECRET_MARK, x, cy, font, palette::INK, Align::Left)?;
            }
        }
        let n = n_label(self.chart, series);
        let c = if small_series(self.chart, series) {
            palette::CAUTION
        } else {
            palette::MUTED
        };
        text_mid(p, &n, self.rect.x1, cy, small, c, Align::Right)
    }
}
