//! Confidence intervals for proportions.
//!
//! Evaluators publish shares computed on a few dozen respondents, sometimes on a handful,
//! and shares of 0 % or 100 % are common. The Wilson score interval behaves well there
//! (it never leaves `[0, 1]` and is not degenerate at 0 or n), where the textbook Wald
//! interval collapses; Newcombe (1998) recommends it for exactly these reasons.

/// The normal quantile for a two-sided 95 % interval (1 − 0.05 / 2).
pub const Z_95: f64 = 1.959_963_984_540_054;

/// 95 % Wilson score interval for `count` successes out of `n`, as proportions in
/// `[0, 1]`. With `n = 0` nothing is known and the interval is `(0, 1)`.
pub fn wilson(count: u64, n: u64) -> (f64, f64) {
    wilson_z(count, n, Z_95)
}

/// Wilson score interval with the normal quantile `z` (e.g. 2.576 for 99 %).
/// A `count` above `n` is treated as `n`.
pub fn wilson_z(count: u64, n: u64, z: f64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let n_f = n as f64;
    let p = count.min(n) as f64 / n_f;
    let z2 = z * z;
    let denom = 1.0 + z2 / n_f;
    let centre = p + z2 / (2.0 * n_f);
    let half = z * (p * (1.0 - p) / n_f + z2 / (4.0 * n_f * n_f)).sqrt();
    let low = ((centre - half) / denom).max(0.0);
    let high = ((centre + half) / denom).min(1.0);
    // At 0 and n the bound is exactly 0 or 1; rounding must not leave a hair of space.
    let low = if count == 0 { 0.0 } else { low };
    let high = if count >= n { 1.0 } else { high };
    (low, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 5e-5 && (a.1 - b.1).abs() < 5e-5
    }

    #[test]
    fn wilson_matches_newcombe_1998() {
        // Newcombe, "Two-sided confidence intervals for the single proportion", Stat. Med.
        // 17 (1998), Table II, method 3 (score interval without continuity correction).
        assert!(close(wilson(81, 263), (0.2553, 0.3662)));
        assert!(close(wilson(15, 148), (0.0624, 0.1605)));
        assert!(close(wilson(0, 20), (0.0, 0.1611)));
        assert!(close(wilson(1, 29), (0.0061, 0.1718)));
        // 0/10: the upper bound is z² / (n + z²) = 3.8415 / 13.8415.
        assert!(close(wilson(0, 10), (0.0, 0.2775)));
        // 5/10 is symmetric about 1/2.
        assert!(close(wilson(5, 10), (0.2366, 0.7634)));
    }

    #[test]
    fn wilson_stays_in_the_unit_interval() {
        assert_eq!(wilson(0, 0), (0.0, 1.0));
        assert_eq!(wilson(7, 7).1, 1.0);
        assert_eq!(wilson(9, 7).1, 1.0);
        let (low, high) = wilson(3, 1000);
        assert!(low > 0.0 && high < 0.01);
    }
}
