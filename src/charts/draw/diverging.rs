//! Diverging stacked bars for Likert batteries (Heiberger–Robbins).
//!
//! Layout, left to right: item labels (wrapped, their widest line sets the margin), group
//! labels when groups are stacked, then one panel per group side by side. A panel holds the
//! diverging bars around zero, the separate bar of non-substantive answers, and « n = … »
//! for each bar. Top to bottom: legend in scale order, panel headers, rows, axis.

use super::{
    Align, Ctx, Legend, Painter, Rect, SECRET_MARK, SECRET_N, block_height, draw_lines,
    draw_lines_centred, secret_block, secret_font, secret_note, secret_stub_width, text_mid,
};
use crate::charts::ChartError;
use crate::charts::layout::{
    BarSegment, SegmentSide, diverging_item_order, diverging_layout, part_withheld,
};
use crate::charts::palette::{self, Rgb};
use crate::charts::spec::{DivergingChart, GroupArrangement, LikertDenominator, LikertRow};
use crate::charts::text;

/// « n = … » of a row, or « n = s » when its n is hidden.
fn n_label(chart: &DivergingChart, row: &LikertRow) -> String {
    if row.n_suppressed {
        SECRET_N.to_owned()
    } else {
        text::n_label(row.n(), chart.small_n)
    }
}

/// Whether a row's n is shown and small enough for the asterisk.
fn small_row(chart: &DivergingChart, row: &LikertRow) -> bool {
    !row.n_suppressed && row.n() < chart.small_n
}

/// Geometry of one panel.
struct Panel<'a> {
    group: Option<&'a str>,
    header: Vec<String>,
    /// Pixel position of zero.
    zero_x: f64,
    /// Left end of the non-substantive bar.
    ns_x0: f64,
    /// Right end of the panel, where « n = … » is right-aligned.
    x1: f64,
}

/// Everything needed to draw, computed from the text first.
pub(super) struct Plan<'a> {
    chart: &'a DivergingChart,
    ctx: Ctx,
    rect: Rect,
    segments: Vec<BarSegment>,
    legend: Legend,
    /// Display order: (item label, wrapped lines).
    items: Vec<(&'a str, Vec<String>)>,
    /// Bars inside one item block: one per group when stacked, else one.
    sub_rows: Vec<(Option<&'a str>, Vec<String>)>,
    sub_label_x: f64,
    panels: Vec<Panel<'a>>,
    ns_header: Vec<String>,
    /// Pixels per percentage point.
    ppp: f64,
    /// Axis extent on each side, in percent, and its tick step.
    ext: f64,
    step: f64,
    header_h: f64,
    /// Minimal height of each item block.
    block_min: Vec<f64>,
    axis_h: f64,
}

const GAP: f64 = 10.0;

pub(super) fn plan<'a>(chart: &'a DivergingChart, ctx: &Ctx, rect: Rect) -> Plan<'a> {
    let (label, small, header) = (ctx.label(), ctx.small(), ctx.header());
    let gap = ctx.px(GAP);
    let segments = diverging_layout(chart);
    let groups = chart.groups();
    let stacked = chart.arrangement == GroupArrangement::Stacked && !groups.is_empty();
    let panel_groups: Vec<Option<&str>> = if stacked || groups.is_empty() {
        vec![None]
    } else {
        groups.iter().map(|g| Some(*g)).collect()
    };
    let has_ns = !chart.non_substantive.is_empty();

    // Legend in scale order, non-substantive answers last.
    let colours = palette::diverging(chart.scale.len());
    let mut entries: Vec<(String, Rgb)> = chart
        .scale
        .iter()
        .cloned()
        .zip(colours.iter().copied())
        .collect();
    for (k, l) in chart.non_substantive.iter().enumerate() {
        entries.push((l.clone(), palette::non_substantive(k)));
    }
    let legend = Legend::new(&entries, small, rect.w());

    // Left margin: the widest wrapped item label, and group labels when stacked.
    let share = if panel_groups.len() > 1 { 0.26 } else { 0.32 };
    let all_items = chart.items();
    let max_label = (rect.w() * share).max(
        all_items
            .iter()
            .map(|i| text::widest_word(i, label))
            .fold(0.0, f64::max),
    );
    let items: Vec<(&str, Vec<String>)> = diverging_item_order(chart)
        .into_iter()
        .map(|i| (all_items[i], text::wrap(all_items[i], label, max_label)))
        .collect();
    let label_w = items
        .iter()
        .map(|(_, l)| text::widest(l, label))
        .fold(0.0, f64::max);
    let sub_rows: Vec<(Option<&str>, Vec<String>)> = if stacked {
        let max_sub = (rect.w() * 0.16).max(
            groups
                .iter()
                .map(|g| text::widest_word(g, small))
                .fold(0.0, f64::max),
        );
        groups
            .iter()
            .map(|g| (Some(*g), text::wrap(g, small, max_sub)))
            .collect()
    } else {
        vec![(None, Vec::new())]
    };
    let sub_w = sub_rows
        .iter()
        .map(|(_, l)| text::widest(l, small))
        .fold(0.0, f64::max);
    let sub_label_x = rect.x0 + label_w + gap + sub_w;
    let panels_x0 = sub_label_x + if stacked { gap } else { 0.0 };

    // Horizontal scale: the widest side of any bar, widened to whole ticks.
    let mut side_max: f64 = 1.0;
    let mut ns_max: f64 = 0.0;
    for r in 0..chart.rows.len() {
        let (mut left, mut right, mut ns) = (0.0, 0.0, 0.0);
        for s in segments.iter().filter(|s| s.row == r) {
            match s.side {
                SegmentSide::NonSubstantive => ns += s.pct(),
                _ => {
                    left = f64::min(left, s.x0);
                    right = f64::max(right, s.x1);
                }
            }
        }
        side_max = side_max.max(-left).max(right);
        ns_max = ns_max.max(ns);
    }
    let step = crate::charts::layout::nice_step(side_max, 4);
    let ext = (side_max / step).ceil() * step;
    // The separate bar shares the main scale; its column is only as wide as its longest bar.
    let ns_ext = if has_ns { ns_max.max(5.0) } else { 0.0 };

    let n_w = chart
        .rows
        .iter()
        .map(|r| small.width(&n_label(chart, r)))
        .fold(0.0, f64::max);
    let ns_value_w = if has_ns {
        small.width("100") + ctx.px(4.0)
    } else {
        0.0
    };
    let ns_label = chart.non_substantive.join(" / ");
    let ns_min_w = text::widest_word(&ns_label, small);
    let count = panel_groups.len() as f64;
    let panel_gap = ctx.px(24.0);
    let panel_w = ((rect.x1 - panels_x0 - (count - 1.0) * panel_gap) / count).max(1.0);
    let fixed = n_w + gap + if has_ns { gap + ns_value_w } else { 0.0 };
    let mut ppp = ((panel_w - fixed) / (2.0 * ext + ns_ext)).max(0.1);
    let mut ns_w = ns_ext * ppp + ns_value_w;
    if has_ns && ns_w < ns_min_w {
        ns_w = ns_min_w;
        ppp = ((panel_w - n_w - 2.0 * gap - ns_w) / (2.0 * ext)).max(0.1);
    }
    let ns_header = if has_ns {
        text::wrap(&ns_label, small, ns_w.max(ns_min_w))
    } else {
        Vec::new()
    };
    let panels: Vec<Panel> = panel_groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let x0 = panels_x0 + i as f64 * (panel_w + panel_gap);
            let zero_x = x0 + ext * ppp;
            let ns_x0 = x0 + 2.0 * ext * ppp + gap;
            let header = g
                .map(|g| {
                    text::wrap(
                        g,
                        header,
                        (2.0 * ext * ppp).max(text::widest_word(g, header)),
                    )
                })
                .unwrap_or_default();
            Panel {
                group: *g,
                header,
                zero_x,
                ns_x0,
                x1: x0 + panel_w,
            }
        })
        .collect();

    let header_lines = panels
        .iter()
        .map(|p| block_height(p.header.len(), header))
        .fold(block_height(ns_header.len(), small), f64::max);
    let header_h = if header_lines > 0.0 {
        header_lines + ctx.px(6.0)
    } else {
        0.0
    };
    let sub_min = sub_rows
        .iter()
        .map(|(_, l)| block_height(l.len(), small) + ctx.px(4.0))
        .fold(small.size * 1.45, f64::max);
    let block_min = items
        .iter()
        .map(|(_, l)| {
            (block_height(l.len(), label) + ctx.px(6.0)).max(sub_min * sub_rows.len() as f64)
        })
        .collect();
    Plan {
        chart,
        ctx: *ctx,
        rect,
        segments,
        legend,
        items,
        sub_rows,
        sub_label_x,
        panels,
        ns_header,
        ppp,
        ext,
        step,
        header_h,
        block_min,
        axis_h: small.line_height() + ctx.px(6.0),
    }
}

/// Notes under a diverging chart: of whom the percentages are, and the small-n asterisk.
pub(super) fn notes(chart: &DivergingChart) -> Vec<String> {
    let ns = chart
        .non_substantive
        .iter()
        .map(|l| format!("« {l} »"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = vec![match (chart.denominator, ns.is_empty()) {
        (LikertDenominator::AllAnswers, true) => {
            "Pourcentages des répondants à chaque item (n indiqué pour chaque barre).".to_string()
        }
        (LikertDenominator::AllAnswers, false) => format!(
            "Pourcentages des répondants à chaque item, {ns} compris (n indiqué pour chaque barre)."
        ),
        (LikertDenominator::ScaleAnswers, true) => {
            "Pourcentages des répondants ayant choisi une modalité de l'échelle.".to_string()
        }
        (LikertDenominator::ScaleAnswers, false) => format!(
            "Pourcentages des répondants ayant choisi une modalité de l'échelle ; {ns} en part \
             de l'ensemble des répondants à l'item (n indiqué pour chaque barre)."
        ),
    }];
    if chart.rows.iter().any(|r| small_row(chart, r)) {
        out.push(text::small_n_note(chart.small_n));
    }
    if chart.any_suppressed() {
        out.push(secret_note(chart.disclosure_threshold, true));
    }
    out
}

impl Plan<'_> {
    pub(super) fn needed_height(&self) -> f64 {
        self.legend.height()
            + self.ctx.px(8.0)
            + self.header_h
            + self.block_min.iter().sum::<f64>()
            + self.items.len().saturating_sub(1) as f64 * self.item_gap()
            + self.axis_h
    }

    /// Height at which bars reach a comfortable thickness.
    pub(super) fn comfortable_height(&self) -> f64 {
        let subs = self.sub_rows.len() as f64;
        let extra: f64 = self
            .block_min
            .iter()
            .map(|b| (self.comfortable_sub() - b / subs).max(0.0) * subs)
            .sum();
        self.needed_height() + extra
    }

    fn comfortable_sub(&self) -> f64 {
        self.ctx
            .px(if self.sub_rows.len() > 1 { 30.0 } else { 44.0 })
    }

    fn item_gap(&self) -> f64 {
        if self.sub_rows.len() > 1 {
            self.ctx.px(8.0)
        } else {
            0.0
        }
    }

    fn row_index(&self, item: &str, group: Option<&str>) -> Option<usize> {
        self.chart
            .rows
            .iter()
            .position(|r| r.item == item && r.group.as_deref() == group)
    }

    pub(super) fn draw(&self, p: &mut dyn Painter) -> Result<f64, ChartError> {
        let ctx = self.ctx;
        let (label, small, header) = (ctx.label(), ctx.small(), ctx.header());
        let rect = self.rect;
        let colours = palette::diverging(self.chart.scale.len());
        let mut y = rect.y0;
        self.legend.draw(p, rect.x0, y)?;
        y += self.legend.height() + ctx.px(8.0);

        // Headers sit on a common bottom line.
        let header_bottom = y + self.header_h - ctx.px(6.0);
        for panel in &self.panels {
            let top = header_bottom - block_height(panel.header.len(), header);
            draw_lines(
                p,
                &panel.header,
                panel.zero_x,
                top,
                header,
                palette::INK,
                Align::Center,
            )?;
            if !self.ns_header.is_empty() {
                let top = header_bottom - block_height(self.ns_header.len(), small);
                let ns_w = panel.x1 - panel.ns_x0;
                let lines = &self.ns_header;
                let widest = text::widest(lines, small);
                let x = panel.ns_x0 + (widest.min(ns_w)) / 2.0;
                draw_lines(p, lines, x, top, small, palette::MUTED, Align::Center)?;
            }
        }
        y += self.header_h;

        // Spread spare height over the bars, up to a comfortable thickness.
        let spare = (rect.h() - self.needed_height()).max(0.0);
        let bars = (self.items.len() * self.sub_rows.len()).max(1) as f64;
        let max_sub = self.comfortable_sub();
        let rows_top = y;
        let mut bands = Vec::with_capacity(self.items.len());
        for (i, _) in self.items.iter().enumerate() {
            let base = self.block_min[i] / self.sub_rows.len() as f64;
            let sub = base + (spare / bars).min((max_sub - base).max(0.0));
            bands.push(sub);
        }
        let rows_bottom = rows_top
            + bands
                .iter()
                .map(|b| b * self.sub_rows.len() as f64)
                .sum::<f64>()
            + self.items.len().saturating_sub(1) as f64 * self.item_gap();

        // Grid behind the bars.
        for panel in &self.panels {
            let mut t = -self.ext;
            while t <= self.ext + 1e-9 {
                let x = panel.zero_x + t * self.ppp;
                p.line((x, rows_top), (x, rows_bottom), palette::GRID, ctx.px(1.0))?;
                t += self.step;
            }
        }

        let mut top = rows_top;
        for (i, (item, lines)) in self.items.iter().enumerate() {
            let block_h = bands[i] * self.sub_rows.len() as f64;
            draw_lines_centred(
                p,
                lines,
                rect.x0,
                top + block_h / 2.0,
                label,
                palette::INK,
                Align::Left,
            )?;
            if i > 0 && self.sub_rows.len() > 1 {
                let sep_y = top - self.item_gap() / 2.0;
                p.line(
                    (rect.x0, sep_y),
                    (rect.x1, sep_y),
                    palette::GRID,
                    ctx.px(1.0),
                )?;
            }
            for (k, (group, sub_lines)) in self.sub_rows.iter().enumerate() {
                let cy = top + (k as f64 + 0.5) * bands[i];
                draw_lines_centred(
                    p,
                    sub_lines,
                    self.sub_label_x,
                    cy,
                    small,
                    palette::MUTED,
                    Align::Right,
                )?;
                let thickness = if self.sub_rows.len() > 1 { 0.84 } else { 0.7 };
                let bar_h = (bands[i] * thickness).min(ctx.px(30.0));
                for panel in &self.panels {
                    let g = group.or(panel.group);
                    if let Some(row) = self.row_index(item, g) {
                        self.draw_bar(p, panel, row, cy, bar_h, &colours)?;
                    }
                }
            }
            top += block_h + self.item_gap();
        }

        // Zero lines over the bars, then the axis.
        let tick_y = rows_bottom + ctx.px(4.0) + small.ascent();
        for panel in &self.panels {
            let zx = panel.zero_x;
            p.line(
                (zx, rows_top - ctx.px(3.0)),
                (zx, rows_bottom + ctx.px(3.0)),
                palette::AXIS,
                ctx.px(1.5),
            )?;
            let spacing = self.step * self.ppp;
            let widest = small.width("100\u{a0}%");
            let every = if widest > spacing * 0.9 { 2 } else { 1 };
            let ticks = (2.0 * self.ext / self.step).round() as i64;
            for k in 0..=ticks {
                let t = -self.ext + k as f64 * self.step;
                if (k - ticks / 2) % every != 0 {
                    continue;
                }
                let x = panel.zero_x + t * self.ppp;
                let s = format!("{}\u{a0}%", text::pct(t.abs()));
                p.text(&s, x, tick_y, small, palette::MUTED, Align::Center)?;
            }
        }
        Ok(rows_bottom + self.axis_h - rect.y0)
    }

    fn draw_bar(
        &self,
        p: &mut dyn Painter,
        panel: &Panel,
        row: usize,
        cy: f64,
        bar_h: f64,
        colours: &[Rgb],
    ) -> Result<(), ChartError> {
        let ctx = self.ctx;
        let small = ctx.small();
        let (y0, y1) = (cy - bar_h / 2.0, cy + bar_h / 2.0);
        let len = self.chart.scale.len();
        let r = &self.chart.rows[row];
        let mut ns_end = panel.ns_x0;
        let mut ns_total = 0.0;
        let mut ns_hidden = false;
        for s in self.segments.iter().filter(|s| s.row == row) {
            let ns = s.side == SegmentSide::NonSubstantive;
            let origin = if ns { panel.ns_x0 } else { panel.zero_x };
            let (x0, x1) = (origin + s.x0 * self.ppp, origin + s.x1 * self.ppp);
            if s.suppressed {
                ns_hidden |= ns;
                let end = self.draw_secret(p, r, s, (x0, x1), origin, (y0, y1))?;
                if ns {
                    ns_end = end;
                }
                continue;
            }
            let c = if ns {
                ns_total += s.pct();
                ns_end = x1;
                palette::non_substantive(s.category - len)
            } else {
                colours.get(s.category).copied().unwrap_or(palette::NEUTRAL)
            };
            p.fill(Rect::new(x0, y0, x1, y1), c)?;
            let label = text::pct(s.pct());
            let multiple_ns = self.chart.non_substantive.len() > 1;
            let inside = !ns || multiple_ns;
            if inside
                && s.pct() >= 0.5
                && x1 - x0 >= small.width(&label) + ctx.px(4.0)
                && bar_h >= small.size * 0.85
            {
                text_mid(
                    p,
                    &label,
                    (x0 + x1) / 2.0,
                    cy,
                    small,
                    c.text_on(),
                    Align::Center,
                )?;
            }
        }
        // The total of a bar holding hidden answers would be one more equation on them.
        if !self.chart.non_substantive.is_empty() && !ns_hidden {
            let label = text::pct(ns_total);
            text_mid(
                p,
                &label,
                ns_end + ctx.px(3.0),
                cy,
                small,
                palette::MUTED,
                Align::Left,
            )?;
        }
        let n = n_label(self.chart, r);
        let c = if small_row(self.chart, r) {
            palette::CAUTION
        } else {
            palette::MUTED
        };
        text_mid(p, &n, panel.x1, cy, small, c, Align::Right)
    }

    /// Draws the block of hidden cells `s` spanning `x0..x1` (pixels): hatched, « s », never
    /// a number. A part hidden whole is a stub at `origin` that says nothing of its size.
    /// Returns the right end of what was drawn.
    fn draw_secret(
        &self,
        p: &mut dyn Painter,
        row: &LikertRow,
        s: &BarSegment,
        (x0, x1): (f64, f64),
        origin: f64,
        (y0, y1): (f64, f64),
    ) -> Result<f64, ChartError> {
        let ctx = self.ctx;
        let cy = (y0 + y1) / 2.0;
        let rect = if part_withheld(self.chart, row, s) {
            let w = secret_stub_width(&ctx);
            if s.side == SegmentSide::NonSubstantive {
                Rect::new(origin, y0, origin + w, y1)
            } else {
                Rect::new(origin - w / 2.0, y0, origin + w / 2.0, y1)
            }
        } else {
            Rect::new(x0, y0, x1, y1)
        };
        if secret_block(p, rect, &ctx)? {
            return Ok(rect.x1);
        }
        // Too narrow for the mark: it goes just outside the bar's outer end.
        let font = secret_font(&ctx);
        let gap = ctx.px(2.0);
        if s.side == SegmentSide::Unfavourable {
            text_mid(
                p,
                SECRET_MARK,
                rect.x0 - gap,
                cy,
                font,
                palette::INK,
                Align::Right,
            )?;
            Ok(rect.x1)
        } else {
            text_mid(
                p,
                SECRET_MARK,
                rect.x1 + gap,
                cy,
                font,
                palette::INK,
                Align::Left,
            )?;
            Ok(rect.x1 + gap + font.width(SECRET_MARK))
        }
    }
}
