//! Geometry in value space, computed apart from drawing so that it can be tested.
//!
//! [`diverging_layout`] places every segment of a Heiberger–Robbins chart on a percentage
//! axis whose zero separates favourable (right, positive) from unfavourable answers (left,
//! negative); the neutral middle straddles zero. Non-substantive answers live on their own
//! axis, starting at zero, drawn as a separate bar.

use serde::{Deserialize, Serialize};

use super::spec::{DivergingChart, LikertDenominator, LikertRow, RowOrder};

/// Which part of a diverging bar a segment belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SegmentSide {
    /// The favourable half of the scale, right of zero.
    Favourable,
    /// The middle of an odd scale, centred on zero; also the stub of a row whose whole
    /// scale is hidden.
    Neutral,
    /// The unfavourable half of the scale, left of zero.
    Unfavourable,
    /// A non-substantive answer, on the separate bar.
    NonSubstantive,
}

/// One segment of a diverging bar, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BarSegment {
    /// Index of the row in [`DivergingChart::rows`].
    pub row: usize,
    /// Index of the category in [`DivergingChart::scale`]; non-substantive categories follow
    /// the scale (`scale.len() + k`).
    pub category: usize,
    /// Which part of the bar.
    pub side: SegmentSide,
    /// Left end, in percent (negative left of zero).
    pub x0: f64,
    /// Right end, in percent; `x1 - x0` is the segment's percentage.
    pub x1: f64,
    /// The count behind the segment; 0 for a block of hidden cells, whose counts are not
    /// carried.
    pub count: u64,
    /// The segment merges the cells hidden by disclosure control in its part of the bar:
    /// `category` is the first of them, `x1 - x0` their combined share (zero when the whole
    /// part is hidden: it is then drawn as a stub).
    pub suppressed: bool,
}

impl BarSegment {
    /// The segment's percentage.
    pub fn pct(&self) -> f64 {
        self.x1 - self.x0
    }
}

/// Percentages of a row's scale categories and non-substantive categories.
pub(crate) fn row_percentages(chart: &DivergingChart, row: &LikertRow) -> (Vec<f64>, Vec<f64>) {
    let all = row.n();
    let scale_total = match chart.denominator {
        LikertDenominator::AllAnswers => all,
        LikertDenominator::ScaleAnswers => row.scale_n(),
    };
    let share = |count: u64, total: u64| {
        if total == 0 {
            0.0
        } else {
            count as f64 * 100.0 / total as f64
        }
    };
    let scale = row.counts.iter().map(|&c| share(c, scale_total)).collect();
    let ns = row.non_substantive.iter().map(|&c| share(c, all)).collect();
    (scale, ns)
}

/// Every segment of every row, in value space.
///
/// Cells hidden by disclosure control ([`LikertRow::suppressed`]) are left out of their
/// places: the shown segments close up around zero as if the hidden ones were absent, and
/// the hidden cells of each part (scale, non-substantive answers) become one segment with
/// `suppressed` set, as wide as their combined share, at the outer end of the bar: on the
/// left when every hidden scale cell is unfavourable (or neutral), on the right otherwise,
/// at the end of the separate bar for non-substantive answers. A part whose every cell is
/// hidden gets one segment of zero width at its start (zero for the scale, centred), drawn
/// as a stub that says nothing of the part's size.
pub fn diverging_layout(chart: &DivergingChart) -> Vec<BarSegment> {
    let len = chart.scale.len();
    let per_side = len / 2;
    let neutral = chart.neutral_index();
    let mut out = Vec::with_capacity(chart.rows.len() * (len + chart.non_substantive.len()));
    for (r, row) in chart.rows.iter().enumerate() {
        if row.counts.len() != len {
            continue;
        }
        let (scale_pct, ns_pct) = row_percentages(chart, row);
        let shown = |i: usize| !row.is_suppressed(i);
        let segment = |category, side, x0, x1, count| BarSegment {
            row: r,
            category,
            side,
            x0,
            x1,
            count,
            suppressed: false,
        };
        let shown_neutral = neutral.filter(|&i| shown(i));
        let half = shown_neutral.map_or(0.0, |i| scale_pct[i] / 2.0);
        if let Some(i) = shown_neutral {
            out.push(segment(i, SegmentSide::Neutral, -half, half, row.counts[i]));
        }
        // Favourable: from zero outwards, the mildest first, the most favourable at the end.
        let mut right = half;
        for i in (0..per_side).rev().filter(|&i| shown(i)) {
            let x1 = right + scale_pct[i];
            out.push(segment(
                i,
                SegmentSide::Favourable,
                right,
                x1,
                row.counts[i],
            ));
            right = x1;
        }
        // Unfavourable: from zero outwards, the mildest first, the least favourable at the end.
        let mut left = -half;
        for i in (len - per_side..len).filter(|&i| shown(i)) {
            let x0 = left - scale_pct[i];
            out.push(segment(
                i,
                SegmentSide::Unfavourable,
                x0,
                left,
                row.counts[i],
            ));
            left = x0;
        }
        let hidden: Vec<usize> = (0..len).filter(|&i| !shown(i)).collect();
        if let Some(&first) = hidden.first() {
            let width: f64 = hidden.iter().map(|&i| scale_pct[i]).sum();
            let (side, x0, x1) = if hidden.len() == len {
                (SegmentSide::Neutral, 0.0, 0.0)
            } else if hidden.iter().all(|&i| i >= per_side) {
                (SegmentSide::Unfavourable, left - width, left)
            } else {
                (SegmentSide::Favourable, right, right + width)
            };
            out.push(BarSegment {
                suppressed: true,
                ..segment(first, side, x0, x1, 0)
            });
        }
        let mut x = 0.0;
        let ns_len = ns_pct.len();
        for (k, &p) in ns_pct.iter().enumerate().filter(|&(k, _)| shown(len + k)) {
            let side = SegmentSide::NonSubstantive;
            out.push(segment(len + k, side, x, x + p, row.non_substantive[k]));
            x += p;
        }
        let hidden: Vec<usize> = (0..ns_len).filter(|&k| !shown(len + k)).collect();
        if let Some(&first) = hidden.first() {
            let width: f64 = hidden.iter().map(|&k| ns_pct[k]).sum();
            let x1 = if hidden.len() == ns_len { x } else { x + width };
            out.push(BarSegment {
                suppressed: true,
                ..segment(len + first, SegmentSide::NonSubstantive, x, x1, 0)
            });
        }
    }
    out
}

/// Whether every cell of the part of `row` that `segment` belongs to (scale or
/// non-substantive answers) is hidden.
pub(crate) fn part_withheld(chart: &DivergingChart, row: &LikertRow, segment: &BarSegment) -> bool {
    let len = chart.scale.len();
    if segment.side == SegmentSide::NonSubstantive {
        (0..row.non_substantive.len()).all(|k| row.is_suppressed(len + k))
    } else {
        (0..len).all(|i| row.is_suppressed(i))
    }
}

/// Share of favourable answers of a row, in percent, counting only the cells shown: the
/// order of the items must not depend on hidden ones.
pub(crate) fn favourable_pct(chart: &DivergingChart, row: &LikertRow) -> f64 {
    let (scale_pct, _) = row_percentages(chart, row);
    scale_pct
        .iter()
        .take(chart.scale.len() / 2)
        .enumerate()
        .filter(|&(i, _)| !row.is_suppressed(i))
        .map(|(_, p)| p)
        .sum()
}

/// Items (indices into [`DivergingChart::items`]) from top to bottom.
pub fn diverging_item_order(chart: &DivergingChart) -> Vec<usize> {
    let items = chart.items();
    let mut order: Vec<usize> = (0..items.len()).collect();
    if chart.order == RowOrder::Favourability {
        let score = |i: usize| {
            let rows: Vec<&LikertRow> = chart.rows.iter().filter(|r| r.item == items[i]).collect();
            if rows.is_empty() {
                return 0.0;
            }
            rows.iter().map(|r| favourable_pct(chart, r)).sum::<f64>() / rows.len() as f64
        };
        let scores: Vec<f64> = (0..items.len()).map(score).collect();
        // Stable sort: ties keep the questionnaire's order.
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    }
    order
}

/// A "nice" tick step for an axis covering `span` with about `target` intervals.
pub(crate) fn nice_step(span: f64, target: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * magnitude >= raw * 0.999 {
            return m * magnitude;
        }
    }
    10.0 * magnitude
}

/// An axis range from `lo` to `hi` widened to whole ticks: (start, end, step).
pub(crate) fn nice_range(lo: f64, hi: f64, target: usize) -> (f64, f64, f64) {
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 1.0, lo + 1.0)
    };
    let step = nice_step(hi - lo, target);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    (start, end, step)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> DivergingChart {
        DivergingChart::new(["TS", "S", "Ni", "PS", "PdT"])
            .non_substantive(["NSP"])
            .item("A", &[10, 20, 20, 30, 10], &[10])
            .item("B", &[40, 30, 10, 10, 0], &[10])
    }

    #[test]
    fn sides_and_neutral() {
        let segs = diverging_layout(&chart());
        for s in &segs {
            match s.side {
                SegmentSide::Favourable => assert!(s.x0 >= 0.0 && s.x1 >= s.x0),
                SegmentSide::Unfavourable => assert!(s.x1 <= 0.0 && s.x0 <= s.x1),
                SegmentSide::Neutral => assert!((s.x0 + s.x1).abs() < 1e-9),
                SegmentSide::NonSubstantive => assert!(s.x0 >= 0.0),
            }
        }
        // Most favourable is outermost on the right.
        let a: Vec<_> = segs.iter().filter(|s| s.row == 0).collect();
        let ts = a.iter().find(|s| s.category == 0).map(|s| s.x1);
        let max = a
            .iter()
            .filter(|s| s.side != SegmentSide::NonSubstantive)
            .map(|s| s.x1)
            .fold(f64::MIN, f64::max);
        assert_eq!(ts, Some(max));
        let total: f64 = a.iter().map(|s| s.pct()).sum();
        assert!((total - 100.0).abs() < 1e-9);
    }

    #[test]
    fn favourability_order() {
        let c = chart().sorted_by_favourability();
        assert_eq!(diverging_item_order(&c), vec![1, 0]);
        assert_eq!(diverging_item_order(&chart()), vec![0, 1]);
    }

    #[test]
    fn nice_numbers() {
        assert_eq!(nice_step(100.0, 4), 25.0);
        assert_eq!(nice_step(60.0, 4), 20.0);
        assert_eq!(nice_range(16.0, 29.0, 5), (15.0, 30.0, 5.0));
    }
}
