//! Dealing answers to respondents: exact counts (so that published percentages come out as
//! printed), answers that follow a respondent's disposition, submission times within the
//! fieldwork, and the structure each respondent names.

use super::table::Stamp;
use crate::synth::rng::{Rng, apportion};
use crate::synth::sites::{Network, OTHER_ML, OTHER_PE, SITES};

/// A questionnaire built for `n` respondents rather than the sample's `base`: every count
/// the sample fixes (respondents to a question, respondents from a visited site) scales by
/// `n / base`, rounded, so the same shares come out at any size. At `n == base` the counts
/// are the sample's exactly, and so are its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    /// Respondents to build.
    pub n: usize,
    /// Respondents of the sample.
    pub base: usize,
}

impl Scale {
    /// `n` respondents for a questionnaire of `base` in the sample.
    pub fn new(n: usize, base: usize) -> Scale {
        Scale { n, base }
    }

    /// A count of the sample, scaled to `n` respondents (rounded half up, at most `n`).
    pub fn count(&self, sample_count: usize) -> usize {
        if self.n == self.base || self.base == 0 {
            return sample_count.min(self.n);
        }
        // u128: 100,000 respondents times a count cannot overflow, whatever the platform.
        let scaled =
            (sample_count as u128 * self.n as u128 + self.base as u128 / 2) / self.base as u128;
        usize::try_from(scaled).map_or(self.n, |c| c.min(self.n))
    }

    /// Respondents to a question that `missing` respondents of the sample left blank.
    pub fn all_but(&self, missing: usize) -> usize {
        self.n - self.count(missing)
    }

    /// Respondents from each visited site, scaled; at least one each, so every site keeps
    /// respondents to link to it.
    pub fn visited(&self, visited: &[(&'static str, usize)]) -> Vec<(&'static str, usize)> {
        visited
            .iter()
            .map(|&(id, count)| (id, self.count(count).max(1)))
            .collect()
    }
}

/// Which of `n` respondents answer a question: exactly `answered` of them.
pub fn answering(rng: &mut Rng, n: usize, answered: usize) -> Vec<bool> {
    let mut mask: Vec<bool> = (0..n).map(|i| i < answered.min(n)).collect();
    rng.shuffle(&mut mask);
    mask
}

/// Every respondent answers.
pub fn everyone(n: usize) -> Vec<bool> {
    vec![true; n]
}

/// Categories for the answering respondents of `mask`, in exact proportion to `shares`
/// (largest remainders), dealt at random.
pub fn exact(rng: &mut Rng, mask: &[bool], shares: &[f64]) -> Vec<Option<usize>> {
    let answered = mask.iter().filter(|&&m| m).count();
    let counts = apportion(answered, shares);
    let mut pool: Vec<usize> = counts
        .iter()
        .enumerate()
        .flat_map(|(k, &c)| std::iter::repeat_n(k, c))
        .collect();
    rng.shuffle(&mut pool);
    let mut pool = pool.into_iter();
    mask.iter()
        .map(|&m| if m { pool.next() } else { None })
        .collect()
}

/// Like [`exact`], but the respondents with the highest `score` get the first categories:
/// answers then follow each respondent's disposition while the counts stay exact.
pub fn ranked(mask: &[bool], shares: &[f64], score: &[f64]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..mask.len()).filter(|&r| mask[r]).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
    let counts = apportion(order.len(), shares);
    let mut out = vec![None; mask.len()];
    let mut next = order.into_iter();
    for (k, &c) in counts.iter().enumerate() {
        for r in next.by_ref().take(c) {
            out[r] = Some(k);
        }
    }
    out
}

/// A rating on a scale: `shares` over the substantive answers (most favourable first),
/// `non_substantive` the share of « Ne sait pas »-like answers, which fall at random; the
/// substantive answers follow `score` (see [`ranked`]). Returns the index of the answer,
/// `shares.len()` for the non-substantive one.
pub fn rated(
    rng: &mut Rng,
    mask: &[bool],
    shares: &[f64],
    non_substantive: f64,
    score: &[f64],
) -> Vec<Option<usize>> {
    let answered = mask.iter().filter(|&&m| m).count();
    let substantive: f64 = shares.iter().sum();
    let aside = apportion(answered, &[substantive, non_substantive])[1];
    let mut flags: Vec<bool> = (0..answered).map(|i| i < aside).collect();
    rng.shuffle(&mut flags);
    let mut flags = flags.into_iter();
    let mut rest = mask.to_vec();
    let mut out = vec![None; mask.len()];
    for r in 0..mask.len() {
        if mask[r] && flags.next().unwrap_or(false) {
            rest[r] = false;
            out[r] = Some(shares.len());
        }
    }
    for (r, pick) in ranked(&rest, shares, score).into_iter().enumerate() {
        if pick.is_some() {
            out[r] = pick;
        }
    }
    out
}

/// Each respondent's disposition blurred by noise: feeds [`ranked`] so that two answers
/// of one respondent agree more often than chance, not always.
pub fn blurred(rng: &mut Rng, disposition: &[f64], noise: f64) -> Vec<f64> {
    disposition
        .iter()
        .map(|d| d + noise * (rng.unit() - 0.5))
        .collect()
}

/// Category indices to labels.
pub fn labelled(picks: &[Option<usize>], labels: &[&str]) -> Vec<Option<String>> {
    picks
        .iter()
        .map(|p| p.and_then(|k| labels.get(k)).map(|s| (*s).to_owned()))
        .collect()
}

/// Multiple choice: each answering respondent ticks option `k` with probability
/// `probabilities[k]`, and at least one option (the likeliest, when the draw ticks none).
pub fn ticks(rng: &mut Rng, mask: &[bool], probabilities: &[f64]) -> Vec<Option<Vec<usize>>> {
    let likeliest = probabilities
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(k, _)| k);
    mask.iter()
        .map(|&m| {
            if !m {
                return None;
            }
            let mut picked: Vec<usize> = (0..probabilities.len())
                .filter(|&k| rng.chance(probabilities[k]))
                .collect();
            if picked.is_empty() {
                picked.push(likeliest);
            }
            Some(picked)
        })
        .collect()
}

/// Multiple choice as people tick a form quickly: each answering respondent ticks a few
/// boxes (`how_many[k]`: the relative chance of ticking `k + 1`), drawn by `weights`
/// without replacement.
pub fn few_ticks(
    rng: &mut Rng,
    mask: &[bool],
    weights: &[f64],
    how_many: &[f64],
) -> Vec<Option<Vec<usize>>> {
    mask.iter()
        .map(|&m| {
            if !m {
                return None;
            }
            let count = rng.weighted(how_many).unwrap_or(0) + 1;
            let mut left = weights.to_vec();
            let mut picked = Vec::with_capacity(count);
            for _ in 0..count {
                let Some(k) = rng.weighted(&left) else { break };
                left[k] = 0.0;
                picked.push(k);
            }
            Some(picked)
        })
        .collect()
}

/// A whole number in `lo..=hi`, peaked around `mode` (a triangular draw).
pub fn around(rng: &mut Rng, lo: i64, mode: i64, hi: i64) -> i64 {
    let (a, c, b) = (lo as f64, mode as f64, hi as f64);
    let u = rng.unit();
    let split = if b > a { (c - a) / (b - a) } else { 0.5 };
    let x = if u < split {
        a + ((b - a) * (c - a) * u).sqrt()
    } else {
        b - ((b - a) * (b - c) * (1.0 - u)).sqrt()
    };
    (x.round() as i64).clamp(lo, hi)
}

/// Submission times of `n` respondents within October 2013 (the fieldwork, report L212), in
/// order: most answers come after the invitation and the two reminders; `hours` bounds the
/// hour of day (staff answer at work, young people at any hour).
pub fn october(rng: &mut Rng, n: usize, hours: (u8, u8)) -> Vec<Stamp> {
    // Days 1–31: a peak after the invitation (1st), the reminders (14th, 24th), few weekends.
    let weights: Vec<f64> = (1..=31u8)
        .map(|day| {
            let since = |d: u8| if day >= d { f64::from(day - d) } else { 99.0 };
            let peak = 3.0 * (-since(1) / 3.0).exp()
                + 2.0 * (-since(14) / 2.5).exp()
                + 1.5 * (-since(24) / 2.5).exp();
            // 1 October 2013 was a Tuesday: days 5, 6, 12, 13, … are weekends.
            let weekend = matches!((day + 1) % 7, 0 | 6);
            (0.25 + peak) * if weekend { 0.3 } else { 1.0 }
        })
        .collect();
    let mut stamps: Vec<Stamp> = (0..n)
        .map(|_| {
            let day = rng.weighted(&weights).unwrap_or(0) as u8 + 1;
            Stamp {
                year: 2013,
                month: 10,
                day,
                hour: rng.between(i64::from(hours.0), i64::from(hours.1)) as u8,
                minute: rng.below(60) as u8,
                second: rng.below(60) as u8,
            }
        })
        .collect();
    stamps.sort();
    stamps
}

/// The structure named by each of `n` respondents of one network: the visited sites get
/// the counts given (by site id), the others share the rest unevenly, at random.
pub fn structures(
    rng: &mut Rng,
    n: usize,
    network: Network,
    visited: &[(&str, usize)],
) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::with_capacity(n);
    for &(id, count) in visited {
        if let Some(site) = SITES.iter().find(|s| s.id == id && s.network == network) {
            names.extend(std::iter::repeat_n(site.name, count));
        }
    }
    let others: Vec<&'static str> = match network {
        Network::Pe => OTHER_PE.iter().map(|(name, _)| *name).collect(),
        Network::Ml => OTHER_ML.iter().map(|(name, _)| *name).collect(),
    };
    let weights: Vec<f64> = others.iter().map(|_| 0.4 + 1.6 * rng.unit()).collect();
    // Only a questionnaire smaller than its visited sites' minimum of one respondent each
    // has more names than respondents.
    names.truncate(n);
    let rest = n.saturating_sub(names.len());
    for (name, count) in others.iter().zip(apportion(rest, &weights)) {
        names.extend(std::iter::repeat_n(*name, count));
    }
    rng.shuffle(&mut names);
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_ranked_deal_exact_counts() {
        let mut rng = Rng::new(1);
        let mask = answering(&mut rng, 274, 271);
        let picks = exact(&mut rng, &mask, &[13.0, 17.0, 70.0]);
        let count = |k| picks.iter().filter(|p| **p == Some(k)).count();
        assert_eq!((count(0), count(1), count(2)), (35, 46, 190));
        let score: Vec<f64> = (0..274).map(|i| i as f64).collect();
        let picks = ranked(&mask, &[13.0, 17.0, 70.0], &score);
        let count = |k| picks.iter().filter(|p| **p == Some(k)).count();
        assert_eq!((count(0), count(1), count(2)), (35, 46, 190));
        assert_eq!(
            picks[273],
            Some(0),
            "the highest score gets the first category"
        );
    }

    #[test]
    fn scaled_counts_keep_the_shares_and_the_sample() {
        let sample = Scale::new(274, 274);
        assert_eq!((sample.count(271), sample.all_but(3)), (271, 271));
        let big = Scale::new(100_000, 274);
        assert_eq!(big.count(271), 98_905);
        assert_eq!(big.all_but(3), 100_000 - 1_095);
        let tiny = Scale::new(3, 274);
        assert_eq!(
            tiny.visited(&[("pe_lille", 14), ("pe_vannes", 2)]),
            vec![("pe_lille", 1), ("pe_vannes", 1)]
        );
        let mut rng = Rng::new(3);
        let names = structures(
            &mut rng,
            1,
            Network::Pe,
            &tiny.visited(&[("pe_lille", 14), ("pe_vannes", 2)]),
        );
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn structures_give_visited_sites_their_counts() {
        let mut rng = Rng::new(2);
        let names = structures(
            &mut rng,
            274,
            Network::Pe,
            &[("pe_lille", 14), ("pe_vannes", 2)],
        );
        assert_eq!(names.len(), 274);
        assert_eq!(
            names.iter().filter(|n| **n == "Pôle emploi Lille").count(),
            14
        );
        assert_eq!(
            names.iter().filter(|n| **n == "Pôle emploi Vannes").count(),
            2
        );
    }
}
