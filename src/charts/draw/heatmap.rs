//! Heat-map matrix of codes × groups, with suppressed cells hatched and marked « s ».

use super::{
    Align, Ctx, Painter, Rect, block_height, draw_lines, draw_lines_centred, hatch, text_mid,
};
use crate::charts::ChartError;
use crate::charts::palette;
use crate::charts::spec::{HeatMap, HeatUnit};
use crate::charts::text::{self, Font};

pub(super) struct Plan<'a> {
    map: &'a HeatMap,
    ctx: Ctx,
    rect: Rect,
    labels: Vec<Vec<String>>,
    headers: Vec<Vec<String>>,
    grid_x0: f64,
    col_w: f64,
    header_h: f64,
    row_min: f64,
}

fn header_font(ctx: &Ctx) -> Font {
    Font::bold(ctx.small().size)
}

pub(super) fn plan<'a>(map: &'a HeatMap, ctx: &Ctx, rect: Rect) -> Plan<'a> {
    let (label, small) = (ctx.label(), ctx.small());
    let hf = header_font(ctx);
    let gap = ctx.px(10.0);
    let max_label = (rect.w() * 0.32).max(
        map.rows
            .iter()
            .map(|l| text::widest_word(l, label))
            .fold(0.0, f64::max),
    );
    let labels: Vec<Vec<String>> = map
        .rows
        .iter()
        .map(|l| text::wrap(l, label, max_label))
        .collect();
    let label_w = labels
        .iter()
        .map(|l| text::widest(l, label))
        .fold(0.0, f64::max);
    let cols = map.columns.len().max(1) as f64;
    let col_w = ((rect.w() - label_w - gap) / cols)
        .min(ctx.px(160.0))
        .max(1.0);
    let headers: Vec<Vec<String>> = map
        .columns
        .iter()
        .map(|c| {
            let mut lines = text::wrap(
                &c.label,
                hf,
                (col_w - ctx.px(6.0)).max(text::widest_word(&c.label, hf)),
            );
            if let Some(n) = c.n {
                lines.push(text::n_label(n, crate::charts::spec::SMALL_N));
            }
            lines
        })
        .collect();
    let header_h = headers
        .iter()
        .map(|h| block_height(h.len(), hf))
        .fold(0.0, f64::max)
        + ctx.px(6.0);
    let row_min = labels
        .iter()
        .map(|l| block_height(l.len(), label) + ctx.px(6.0))
        .fold(small.size * 1.9, f64::max);
    Plan {
        map,
        ctx: *ctx,
        rect,
        labels,
        headers,
        grid_x0: rect.x0 + label_w + gap,
        col_w,
        header_h,
        row_min,
    }
}

/// Notes under a heat map: the unit, and what « s » means.
pub(super) fn notes(map: &HeatMap) -> Vec<String> {
    let mut out = vec![match map.unit {
        HeatUnit::Count => "Effectifs.".to_string(),
        HeatUnit::Percent => "En % des répondants de chaque colonne.".to_string(),
    }];
    if map.cells.iter().flatten().any(|c| c.suppressed) {
        out.push(
            "s : valeur masquée (effectif inférieur au seuil de diffusion, secret statistique)."
                .into(),
        );
    }
    out
}

impl Plan<'_> {
    pub(super) fn needed_height(&self) -> f64 {
        self.header_h + self.row_min * self.map.rows.len() as f64
    }

    /// Height at which cells reach a comfortable size.
    pub(super) fn comfortable_height(&self) -> f64 {
        self.needed_height()
            + self.map.rows.len() as f64 * (self.ctx.px(40.0) - self.row_min).max(0.0)
    }

    pub(super) fn draw(&self, p: &mut dyn Painter) -> Result<f64, ChartError> {
        let ctx = self.ctx;
        let (label, small) = (ctx.label(), ctx.small());
        let hf = header_font(&ctx);
        let spare = (self.rect.h() - self.needed_height()).max(0.0);
        let rows = self.map.rows.len().max(1) as f64;
        let row_h = self.row_min + (spare / rows).min((ctx.px(40.0) - self.row_min).max(0.0));
        let max = self
            .map
            .cells
            .iter()
            .flatten()
            .filter(|c| !c.suppressed)
            .map(|c| c.value)
            .fold(0.0, f64::max);
        let header_bottom = self.rect.y0 + self.header_h - ctx.px(6.0);
        for (c, lines) in self.headers.iter().enumerate() {
            let x = self.grid_x0 + (c as f64 + 0.5) * self.col_w;
            let top = header_bottom - block_height(lines.len(), hf);
            let has_n = self.map.columns[c].n.is_some();
            let (title, n) = lines.split_at(lines.len() - usize::from(has_n));
            let y = draw_lines(p, title, x, top, hf, palette::INK, Align::Center)?;
            draw_lines(p, n, x, y, small, palette::MUTED, Align::Center)?;
        }
        let top = self.rect.y0 + self.header_h;
        let inset = ctx.px(1.0);
        for (r, row) in self.map.cells.iter().enumerate() {
            let y0 = top + r as f64 * row_h;
            draw_lines_centred(
                p,
                &self.labels[r],
                self.rect.x0,
                y0 + row_h / 2.0,
                label,
                palette::INK,
                Align::Left,
            )?;
            for (c, cell) in row.iter().enumerate() {
                let x0 = self.grid_x0 + c as f64 * self.col_w;
                let r = Rect::new(
                    x0 + inset,
                    y0 + inset,
                    x0 + self.col_w - inset,
                    y0 + row_h - inset,
                );
                let cy = y0 + row_h / 2.0;
                let cx = x0 + self.col_w / 2.0;
                if cell.suppressed {
                    p.fill(r, palette::SUPPRESSED)?;
                    hatch(p, r, ctx.px(6.0), &ctx)?;
                    // A white pad keeps the « s » readable over the hatching.
                    let pad = small.size * 0.55;
                    p.fill(
                        Rect::new(cx - pad, cy - pad, cx + pad, cy + pad),
                        palette::SUPPRESSED,
                    )?;
                    text_mid(
                        p,
                        "s",
                        cx,
                        cy,
                        Font::bold(small.size),
                        palette::INK,
                        Align::Center,
                    )?;
                    continue;
                }
                let t = if max > 0.0 { cell.value / max } else { 0.0 };
                let fill = palette::sequential(t);
                p.fill(r, fill)?;
                let s = match self.map.unit {
                    HeatUnit::Count => crate::model::french::number(cell.value, 0),
                    HeatUnit::Percent => format!("{}\u{a0}%", text::pct(cell.value)),
                };
                text_mid(p, &s, cx, cy, small, fill.text_on(), Align::Center)?;
            }
        }
        Ok(self.header_h + row_h * rows)
    }
}
