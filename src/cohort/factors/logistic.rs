//! Logistic regression for a design of 0/1 covariates (dummy-coded factors), fitted by
//! Newton–Raphson, which for the logit link is iteratively reweighted least squares, with
//! the covariance of the estimates from the inverse of the information matrix at the
//! optimum (as R's `glm` and statsmodels' `Logit` give it).
//!
//! Why not a crate: linfa's and smartcore's logistic regressions give coefficients without
//! standard errors; inferust and regression-diagnostics give them, but are young
//! single-author crates that bring nalgebra or ndarray and statrs, and fit a dense design
//! (a million young people × fifty dummies). The fit is short here: units sharing a
//! covariate pattern are aggregated into binomial counts, each pattern touches only its
//! active columns, and the information matrix is solved by Cholesky. Columns that duplicate
//! others (two dummies picking the same young people) are found before fitting and left
//! out, as R reports them `NA`; a fit whose estimates run away (complete or quasi-complete
//! separation) is reported as such, never as an infinite odds ratio.

/// One covariate pattern: its active columns (the intercept is implicit), the units that
/// share it, and how many of them have the outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// Active columns, 0-based, intercept excluded; each is a dummy equal to 1.
    pub active: Vec<u32>,
    /// Units with this pattern.
    pub trials: f64,
    /// Units with this pattern and the outcome.
    pub successes: f64,
}

/// A fitted model.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// The intercept.
    pub intercept: f64,
    /// One estimate per column (`NaN` for an aliased column).
    pub coefficients: Vec<f64>,
    /// One standard error per column (`NaN` for an aliased column).
    pub std_errors: Vec<f64>,
    /// Columns left out because they duplicate a combination of others.
    pub aliased: Vec<bool>,
    /// Newton steps taken.
    pub iterations: usize,
    /// Whether the steps settled.
    pub converged: bool,
    /// Columns whose estimate ran away: the outcome is (nearly) determined by them.
    pub separated: Vec<bool>,
    /// Residual deviance.
    pub deviance: f64,
}

/// Estimates beyond this (an odds ratio beyond e¹⁵ ≈ 3 million) mean separation.
const RUNAWAY: f64 = 15.0;

/// Most Newton steps.
const MAX_ITERATIONS: usize = 60;

/// Fits `P(outcome) = logistic(intercept + Σ β_j x_j)` on `columns` dummy columns.
/// `None` when there is nothing to fit (no unit, or the outcome never or always happens).
pub fn fit(patterns: &[Pattern], columns: usize) -> Option<Fit> {
    let n: f64 = patterns.iter().map(|p| p.trials).sum();
    let y: f64 = patterns.iter().map(|p| p.successes).sum();
    if n <= 0.0 || y <= 0.0 || y >= n {
        return None;
    }
    let p = columns + 1;
    // Aliased columns: those the cross-product matrix cannot tell from earlier ones.
    let gram = cross_product(
        patterns,
        p,
        &|pat: &Pattern| (pat.trials, 0.0),
        &vec![true; p],
    )
    .0;
    let kept = independent(&gram, p);
    let index: Vec<usize> = (0..p).filter(|&j| kept[j]).collect();
    let k = index.len();
    let mut beta = vec![0.0; p];
    beta[0] = (y / (n - y)).ln();
    let mut deviance = deviance_of(patterns, &beta);
    let mut iterations = 0;
    let mut converged = false;
    let mut information = Vec::new();
    while iterations < MAX_ITERATIONS {
        iterations += 1;
        let (h, g) = cross_product(
            patterns,
            p,
            &|pat: &Pattern| {
                let mu = logistic(eta(&beta, pat));
                (
                    pat.trials * mu * (1.0 - mu),
                    pat.successes - pat.trials * mu,
                )
            },
            &kept,
        );
        let reduced = reduce(&h, p, &index);
        let score: Vec<f64> = index.iter().map(|&j| g[j]).collect();
        let Some(chol) = cholesky(&reduced, k) else {
            break;
        };
        let step = solve(&chol, k, &score);
        // Step halving keeps the deviance from going up (as R's glm does).
        let mut scale = 1.0;
        let mut next = beta.clone();
        let mut next_deviance = f64::INFINITY;
        for _ in 0..30 {
            for (s, &j) in step.iter().zip(&index) {
                next[j] = beta[j] + scale * s;
            }
            next_deviance = deviance_of(patterns, &next);
            if next_deviance.is_finite()
                && next_deviance <= deviance + 1e-9 * (deviance.abs() + 1.0)
            {
                break;
            }
            scale /= 2.0;
        }
        let change = (deviance - next_deviance).abs() / (next_deviance.abs() + 0.1);
        let largest = step.iter().fold(0.0f64, |m, s| m.max((scale * s).abs()));
        beta = next;
        deviance = next_deviance;
        information = reduced;
        if change < 1e-12 || largest < 1e-10 {
            converged = true;
            break;
        }
        if beta.iter().any(|b| b.abs() > 3.0 * RUNAWAY) {
            break;
        }
    }
    // The covariance at the estimates: the inverse of the information matrix there.
    let (h, _) = cross_product(
        patterns,
        p,
        &|pat: &Pattern| {
            let mu = logistic(eta(&beta, pat));
            (pat.trials * mu * (1.0 - mu), 0.0)
        },
        &kept,
    );
    let reduced = reduce(&h, p, &index);
    let inverse = cholesky(&reduced, k)
        .map(|c| invert(&c, k))
        .or_else(|| cholesky(&information, k).map(|c| invert(&c, k)));
    let mut coefficients = vec![f64::NAN; columns];
    let mut std_errors = vec![f64::NAN; columns];
    let mut separated = vec![false; columns];
    for (r, &j) in index.iter().enumerate() {
        let se = inverse
            .as_ref()
            .map_or(f64::NAN, |inv| inv[r * k + r].max(0.0).sqrt());
        if j == 0 {
            continue;
        }
        coefficients[j - 1] = beta[j];
        std_errors[j - 1] = se;
        separated[j - 1] = beta[j].abs() > RUNAWAY || !se.is_finite() || se > 1e3;
    }
    Some(Fit {
        intercept: beta[0],
        coefficients,
        std_errors,
        aliased: (1..p).map(|j| !kept[j]).collect(),
        iterations,
        converged,
        separated,
        deviance,
    })
}

fn logistic(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

fn eta(beta: &[f64], pattern: &Pattern) -> f64 {
    beta[0]
        + pattern
            .active
            .iter()
            .map(|&j| beta[j as usize + 1])
            .sum::<f64>()
}

/// −2 log-likelihood (the saturated model's is zero for binary units; for aggregated
/// patterns the constant does not matter for comparisons).
fn deviance_of(patterns: &[Pattern], beta: &[f64]) -> f64 {
    let mut ll = 0.0;
    for pat in patterns {
        let e = eta(beta, pat);
        // log P(1) = −log(1 + e^−η), log P(0) = −log(1 + e^η), computed stably.
        let log1pexp = |x: f64| {
            if x > 35.0 {
                x
            } else if x < -35.0 {
                x.exp()
            } else {
                x.exp().ln_1p()
            }
        };
        ll -= pat.successes * log1pexp(-e) + (pat.trials - pat.successes) * log1pexp(e);
    }
    -2.0 * ll
}

/// Σ w xxᵀ and Σ r x over the patterns, for the columns in `keep` (intercept at 0), with
/// `(w, r)` given per pattern. Only the lower triangle of the matrix is filled, then
/// mirrored.
fn cross_product(
    patterns: &[Pattern],
    p: usize,
    weights: &dyn Fn(&Pattern) -> (f64, f64),
    keep: &[bool],
) -> (Vec<f64>, Vec<f64>) {
    let mut h = vec![0.0; p * p];
    let mut g = vec![0.0; p];
    let mut cols: Vec<usize> = Vec::with_capacity(16);
    for pat in patterns {
        let (w, r) = weights(pat);
        cols.clear();
        cols.push(0);
        cols.extend(
            pat.active
                .iter()
                .map(|&j| j as usize + 1)
                .filter(|&j| keep[j]),
        );
        for (a, &i) in cols.iter().enumerate() {
            g[i] += r;
            for &j in &cols[..=a] {
                let (hi, lo) = if i >= j { (i, j) } else { (j, i) };
                h[hi * p + lo] += w;
            }
        }
    }
    for i in 0..p {
        for j in 0..i {
            h[j * p + i] = h[i * p + j];
        }
    }
    (h, g)
}

/// Columns (of a p × p symmetric positive semi-definite matrix) independent of the columns
/// before them, by a Cholesky factorisation that skips a column whose remaining pivot is
/// negligible.
fn independent(a: &[f64], p: usize) -> Vec<bool> {
    let mut kept = vec![false; p];
    let mut l = vec![0.0; p * p];
    for j in 0..p {
        let diag = a[j * p + j];
        let mut d = diag;
        for k in 0..j {
            if kept[k] {
                d -= l[j * p + k] * l[j * p + k];
            }
        }
        if diag <= 0.0 || d <= 1e-9 * diag {
            continue;
        }
        kept[j] = true;
        let root = d.sqrt();
        l[j * p + j] = root;
        for i in j + 1..p {
            let mut s = a[i * p + j];
            for k in 0..j {
                if kept[k] {
                    s -= l[i * p + k] * l[j * p + k];
                }
            }
            l[i * p + j] = s / root;
        }
    }
    kept
}

/// The rows and columns `index` of a p × p matrix.
fn reduce(a: &[f64], p: usize, index: &[usize]) -> Vec<f64> {
    let k = index.len();
    let mut out = vec![0.0; k * k];
    for (r, &i) in index.iter().enumerate() {
        for (c, &j) in index.iter().enumerate() {
            out[r * k + c] = a[i * p + j];
        }
    }
    out
}

/// Lower Cholesky factor of a k × k symmetric positive definite matrix.
fn cholesky(a: &[f64], k: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; k * k];
    for j in 0..k {
        let mut d = a[j * k + j];
        for m in 0..j {
            d -= l[j * k + m] * l[j * k + m];
        }
        if d.is_nan() || d <= 0.0 {
            return None;
        }
        let root = d.sqrt();
        l[j * k + j] = root;
        for i in j + 1..k {
            let mut s = a[i * k + j];
            for m in 0..j {
                s -= l[i * k + m] * l[j * k + m];
            }
            l[i * k + j] = s / root;
        }
    }
    Some(l)
}

/// Solves L Lᵀ x = b.
fn solve(l: &[f64], k: usize, b: &[f64]) -> Vec<f64> {
    let mut y = b.to_vec();
    for i in 0..k {
        for m in 0..i {
            y[i] -= l[i * k + m] * y[m];
        }
        y[i] /= l[i * k + i];
    }
    for i in (0..k).rev() {
        for m in i + 1..k {
            y[i] -= l[m * k + i] * y[m];
        }
        y[i] /= l[i * k + i];
    }
    y
}

/// (L Lᵀ)⁻¹, column by column.
fn invert(l: &[f64], k: usize) -> Vec<f64> {
    let mut out = vec![0.0; k * k];
    let mut e = vec![0.0; k];
    for c in 0..k {
        e.iter_mut().for_each(|v| *v = 0.0);
        e[c] = 1.0;
        let x = solve(l, k, &e);
        for r in 0..k {
            out[r * k + c] = x[r];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(active: &[u32], trials: f64, successes: f64) -> Pattern {
        Pattern {
            active: active.to_vec(),
            trials,
            successes,
        }
    }

    #[test]
    fn one_dummy_gives_the_odds_ratio_of_the_two_by_two_table() {
        // Exposed: 30 of 50; unexposed: 20 of 80. OR = (30/20) / (20/60) = 4.5,
        // SE(log OR) = sqrt(1/30 + 1/20 + 1/20 + 1/60) (Woolf).
        let fit = fit(&[pattern(&[0], 50.0, 30.0), pattern(&[], 80.0, 20.0)], 1).unwrap();
        assert!(fit.converged);
        assert!((fit.coefficients[0].exp() - 4.5).abs() < 1e-9);
        let woolf = (1.0 / 30.0 + 1.0 / 20.0 + 1.0 / 20.0 + 1.0 / 60.0f64).sqrt();
        assert!((fit.std_errors[0] - woolf).abs() < 1e-9);
        assert!((fit.intercept - (20.0f64 / 60.0).ln()).abs() < 1e-9);
    }

    #[test]
    fn two_additive_factors_are_recovered_from_expected_counts() {
        // Counts proportional to a true model (intercept −1, β = 0.7 and −0.4) are fitted
        // exactly, whatever the units.
        let truth = [-1.0, 0.7, -0.4];
        let mut patterns = Vec::new();
        for a in 0..2u32 {
            for b in 0..2u32 {
                let mut active = Vec::new();
                let mut e = truth[0];
                if a == 1 {
                    active.push(0);
                    e += truth[1];
                }
                if b == 1 {
                    active.push(1);
                    e += truth[2];
                }
                let n = 1000.0;
                patterns.push(pattern(&active, n, n * logistic(e)));
            }
        }
        let fit = fit(&patterns, 2).unwrap();
        assert!((fit.intercept - truth[0]).abs() < 1e-8);
        assert!((fit.coefficients[0] - truth[1]).abs() < 1e-8);
        assert!((fit.coefficients[1] - truth[2]).abs() < 1e-8);
    }

    #[test]
    fn a_duplicated_column_is_left_out_not_fitted() {
        // Columns 0 and 1 pick the same units.
        let fit = fit(&[pattern(&[0, 1], 40.0, 25.0), pattern(&[], 60.0, 20.0)], 2).unwrap();
        assert_eq!(fit.aliased, vec![false, true]);
        assert!(fit.coefficients[1].is_nan());
        assert!(fit.coefficients[0].is_finite());
    }

    #[test]
    fn complete_separation_is_flagged_not_infinite() {
        // Everyone exposed has the outcome.
        let fit = fit(
            &[
                pattern(&[0], 30.0, 30.0),
                pattern(&[1], 40.0, 12.0),
                pattern(&[], 50.0, 10.0),
            ],
            2,
        )
        .unwrap();
        assert!(fit.separated[0]);
        assert!(!fit.separated[1]);
        assert!(fit.coefficients[1].is_finite());
    }

    #[test]
    fn nothing_to_fit_when_the_outcome_never_varies() {
        assert!(fit(&[pattern(&[0], 10.0, 0.0), pattern(&[], 5.0, 0.0)], 1).is_none());
    }
}
