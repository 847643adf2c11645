//! Machinery shared by both extracts: pathways with exact national counts, their split
//! over the visited sites and the other structures, pairing with each young person's
//! profile, durations fitted to the report's means, and entry dates that respect the
//! calendar of the scheme.

use crate::synth::rng::{Rng, apportion};

/// The extraction date of both extracts (the latest date they hold).
pub const HORIZON: (i32, u32, u32) = (2013, 6, 30);

/// Days kept between a loss or an ongoing phase and the threshold that tells them apart,
/// so that both read back the same whatever the exact extraction date.
pub const MARGIN_DAYS: i32 = 30;

/// Days since 1970-01-01.
pub fn day(y: i32, m: u32, d: u32) -> i32 {
    crate::cohort::extract::days(y, m, d).unwrap_or(0)
}

/// `dd/mm/yyyy`.
pub fn french_date(days: i32) -> String {
    let iso = crate::model::cell::format_date(days);
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso,
    }
}

/// How a young person's last phase stands in the extract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// Ended, with a date and (usually) a reason.
    Ended,
    /// No end recorded, long ago: a loss.
    Lost,
    /// No end recorded, recently: still in the phase.
    InProgress,
}

/// What kind of pathway, for durations and site variation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Left during phase 1.
    Phase1Exit,
    /// Left phase 2 early.
    Phase2Early,
    /// Phase 2 ended normally, no phase 3.
    Phase2Known,
    /// Phase 2 ended by entry into phase 3; phase 3 ended normally.
    Phase3Kept,
    /// Phase 3 broken off (or moved away).
    Phase3Broken,
    /// Lost in some phase.
    Lost,
    /// Still in some phase.
    InProgress,
}

/// A pathway through the scheme, with its national count.
#[derive(Clone, Debug)]
pub struct Path {
    /// Last phase reached (1..=3).
    pub last: usize,
    /// How the last phase stands.
    pub fate: Fate,
    /// Reason written at the end of each phase, if any.
    pub reasons: [Option<&'static str>; 3],
    /// Situation at the end of phase 2, if the pathway fixes it.
    pub situation: Option<&'static str>,
    /// Kind, for durations and site weights.
    pub kind: Kind,
    /// Whether the end of phase 2 is a positive exit (site weights).
    pub positive: bool,
    /// How good the outcome is, to pair outcomes with profiles.
    pub goodness: f64,
    /// National count.
    pub count: usize,
}

/// Parameters of a visited site's cohort.
#[derive(Clone, Copy, Debug)]
pub struct SiteParams {
    /// Site id, as in `synth::sites::SITES`.
    pub id: &'static str,
    /// Young people.
    pub size: usize,
    /// Factor on positive outcomes.
    pub positive: f64,
    /// Factor on losses.
    pub lost: f64,
    /// Factor on ZUS residence.
    pub zus: f64,
    /// Factor on higher levels.
    pub level: f64,
    /// Factor on foreign nationality.
    pub foreign: f64,
}

/// Splits national category counts over groups: each visited site (all groups but the
/// last) gets its size apportioned by its own shares, the last group (other structures)
/// what remains. Counts stay exact nationally and never go negative.
pub fn split(
    national: &[usize],
    sizes: &[usize],
    shares: impl Fn(usize) -> Vec<f64>,
) -> Vec<Vec<usize>> {
    let groups = sizes.len();
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(groups);
    let mut used = vec![0usize; national.len()];
    for (g, size) in sizes.iter().enumerate().take(groups.saturating_sub(1)) {
        let mut parts = apportion(*size, &shares(g));
        // Repair: never take more of a category than the nation has left.
        for c in 0..national.len() {
            while used[c] + parts[c] > national[c] {
                let slack: Vec<usize> = (0..national.len())
                    .map(|k| national[k].saturating_sub(used[k] + parts[k]))
                    .collect();
                let Some(best) = (0..national.len()).max_by_key(|k| slack[*k]) else {
                    break;
                };
                if slack[best] == 0 {
                    break;
                }
                parts[c] -= 1;
                parts[best] += 1;
            }
        }
        for c in 0..national.len() {
            used[c] += parts[c];
        }
        out.push(parts);
    }
    out.push(national.iter().zip(&used).map(|(n, u)| n - u).collect());
    out
}

/// National shares times per-category weights.
pub fn weighted(national: &[usize], weight: impl Fn(usize) -> f64) -> Vec<f64> {
    national
        .iter()
        .enumerate()
        .map(|(c, n)| *n as f64 * weight(c))
        .collect()
}

/// Assigns categories with exact counts to `members`, the best categories (highest
/// `goodness`) going to the members with the highest `latent`.
pub fn pair(
    members: &[usize],
    counts: &[usize],
    goodness: &[f64],
    latent: &[f64],
    out: &mut [usize],
) {
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by(|a, b| latent[*b].total_cmp(&latent[*a]).then(a.cmp(b)));
    let mut cats: Vec<usize> = (0..counts.len()).collect();
    cats.sort_by(|a, b| goodness[*b].total_cmp(&goodness[*a]).then(a.cmp(b)));
    let mut slots = cats
        .iter()
        .flat_map(|c| std::iter::repeat_n(*c, counts[*c]));
    for m in order {
        if let Some(c) = slots.next() {
            out[m] = c;
        }
    }
}

/// Assigns categories with exact counts to `members` at random.
pub fn shuffle_assign(members: &[usize], counts: &[usize], rng: &mut Rng, out: &mut [usize]) {
    let mut slots: Vec<usize> = counts
        .iter()
        .enumerate()
        .flat_map(|(c, n)| std::iter::repeat_n(c, *n))
        .collect();
    rng.shuffle(&mut slots);
    for (m, c) in members.iter().zip(slots) {
        out[*m] = c;
    }
}

/// A draw from a standard normal distribution (Box–Muller).
pub fn normal(rng: &mut Rng) -> f64 {
    let u1 = rng.unit().max(1e-12);
    let u2 = rng.unit();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Moves `values` within their bounds until they sum to `target` (a mean fixed to the
/// day): a proportional pass, then single days added or removed at random.
pub fn fit(values: &mut [i32], bounds: &[(i32, i32)], target: i64, rng: &mut Rng) {
    for (v, (lo, hi)) in values.iter_mut().zip(bounds) {
        *v = (*v).clamp(*lo, *hi);
    }
    let sum: i64 = values.iter().map(|v| i64::from(*v)).sum();
    if sum > 0 {
        let factor = target as f64 / sum as f64;
        for (v, (lo, hi)) in values.iter_mut().zip(bounds) {
            *v = ((f64::from(*v) * factor).round() as i32).clamp(*lo, *hi);
        }
    }
    let mut order: Vec<usize> = (0..values.len()).collect();
    loop {
        let diff = target - values.iter().map(|v| i64::from(*v)).sum::<i64>();
        if diff == 0 {
            return;
        }
        rng.shuffle(&mut order);
        let step = diff.signum() as i32;
        let mut left = diff.abs();
        let mut moved = false;
        for &i in &order {
            if left == 0 {
                break;
            }
            let next = values[i] + step;
            if next >= bounds[i].0 && next <= bounds[i].1 {
                values[i] = next;
                left -= 1;
                moved = true;
            }
        }
        if !moved {
            return;
        }
    }
}

/// Target sum of days for a mean in months over `n` phases.
pub fn target_days(mean_months: f64, n: usize) -> i64 {
    (mean_months * crate::cohort::definitions::DAYS_PER_MONTH * n as f64).round() as i64
}

/// Draws a day in `lo..=hi` following monthly weights `(year, month, weight)`; uniform
/// when no weighted month overlaps.
pub fn weighted_day(lo: i32, hi: i32, months: &[(i32, u32, f64)], rng: &mut Rng) -> i32 {
    if hi <= lo {
        return lo;
    }
    let spans: Vec<(i32, i32, f64)> = months
        .iter()
        .filter_map(|(y, m, w)| {
            let start = day(*y, *m, 1);
            let (ny, nm) = if *m == 12 { (y + 1, 1) } else { (*y, m + 1) };
            let end = day(ny, nm, 1) - 1;
            let (a, b) = (start.max(lo), end.min(hi));
            (a <= b).then(|| (a, b, w * f64::from(b - a + 1) / f64::from(end - start + 1)))
        })
        .collect();
    let weights: Vec<f64> = spans.iter().map(|s| s.2).collect();
    match rng.weighted(&weights) {
        Some(i) => rng.between(i64::from(spans[i].0), i64::from(spans[i].1)) as i32,
        None => rng.between(i64::from(lo), i64::from(hi)) as i32,
    }
}

/// A uniform draw in `lo..=hi`.
pub fn uniform(rng: &mut Rng, lo: i32, hi: i32) -> i32 {
    rng.between(i64::from(lo), i64::from(hi.max(lo))) as i32
}

/// The nearest working day to `d` within `lo..=hi` (Friday before a weekend, else the
/// Monday after), or `d` itself when neither fits.
pub fn working_day(d: i32, lo: i32, hi: i32) -> i32 {
    // 1970-01-01 was a Thursday: Monday is 0.
    let weekday = (d + 3).rem_euclid(7);
    let (back, forward) = match weekday {
        5 => (1, 2),
        6 => (2, 1),
        _ => return d,
    };
    if d - back >= lo {
        d - back
    } else if d + forward <= hi {
        d + forward
    } else {
        d
    }
}

/// Ids in a shuffled order, so that row order says nothing about the young person.
pub fn shuffled_ids(n: usize, first: u32, rng: &mut Rng) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..n as u32).map(|i| first + i).collect();
    rng.shuffle(&mut ids);
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_national_counts_exact() {
        let national = [100, 5, 1, 894];
        let parts = split(&national, &[30, 20, 950], |g| {
            weighted(&national, |c| if c == 2 { 50.0 + g as f64 } else { 1.0 })
        });
        for c in 0..4 {
            assert_eq!(parts.iter().map(|p| p[c]).sum::<usize>(), national[c]);
        }
        assert_eq!(parts[0].iter().sum::<usize>(), 30);
        assert_eq!(parts[1].iter().sum::<usize>(), 20);
    }

    #[test]
    fn fit_reaches_the_target_within_bounds() {
        let mut rng = Rng::new(1);
        let mut values = vec![10, 20, 30, 40];
        let bounds = vec![(5, 50); 4];
        fit(&mut values, &bounds, 123, &mut rng);
        assert_eq!(values.iter().sum::<i32>(), 123);
        assert!(values.iter().all(|v| (5..=50).contains(v)));
    }

    #[test]
    fn weekends_move_to_the_nearest_working_day() {
        let saturday = day(2012, 3, 17);
        assert_eq!(
            working_day(saturday, saturday - 10, saturday + 10),
            day(2012, 3, 16)
        );
        assert_eq!(
            working_day(saturday, saturday, saturday + 10),
            day(2012, 3, 19)
        );
        assert_eq!(working_day(day(2012, 3, 14), 0, i32::MAX), day(2012, 3, 14));
    }

    #[test]
    fn french_dates_are_day_first() {
        assert_eq!(french_date(day(2012, 3, 14)), "14/03/2012");
    }
}
