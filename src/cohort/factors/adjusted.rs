//! Adjusted effects, which the report could not give: for each class of exit, a logistic
//! regression of being in it (against being in either other class) on every factor the
//! extract holds, so that, say, the ZUS gap can be read once the level is taken into
//! account. Effects are odds ratios against each factor's reference level (its largest
//! known level), with 95 % Wald intervals.
//!
//! What a fit cannot bear is said, never hidden: a level with too few young people is
//! merged with its neighbour (bands) or pooled with the other small ones; a factor left
//! with one level is left out; young people whose value is missing form a level of their
//! own when they are numerous enough, else are left out of the model; a level where
//! everyone or no one is in the class (complete separation) is reported without an odds
//! ratio, its young people set aside, instead of an infinite estimate.

use serde::Serialize;

use super::logistic::{Pattern, fit};
use super::{FactorSpec, MISSING, Observations, significant};
use crate::cohort::classes::ExitClasses;
use crate::cohort::hash::FastMap;
use crate::cohort::report::MISSING as MISSING_LABEL;
use crate::stats::{SMALL_GROUP_N, Z_95};

/// A level with fewer young people than this (or than the disclosure threshold, if higher)
/// is merged or pooled before fitting.
pub const MIN_LEVEL_N: u64 = SMALL_GROUP_N;

/// The logistic regression of one class of exit on all the factors.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AdjustedModel {
    /// The class's id.
    pub class: String,
    /// Young people the model was fitted on.
    pub n: u64,
    /// One odds ratio per level other than its factor's reference.
    pub terms: Vec<AdjustedTerm>,
    /// The class's label.
    #[serde(skip)]
    pub label: String,
    /// The reference level of each factor kept, as (factor id, factor label, level).
    #[serde(skip)]
    pub references: Vec<(String, String, String)>,
    /// What was merged, pooled, left out or could not be estimated, in French.
    #[serde(skip)]
    pub notes: Vec<String>,
}

/// One level's adjusted effect.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AdjustedTerm {
    /// The factor's id.
    pub factor: String,
    /// The level (merged levels joined by « ou »).
    pub level: String,
    /// Odds of being in the class at this level over the odds at the reference level, all
    /// other factors equal; `null` when it cannot be estimated (separation, redundancy).
    pub odds_ratio: Option<f64>,
    /// Lower bound of the 95 % interval.
    pub low: Option<f64>,
    /// Upper bound of the 95 % interval.
    pub high: Option<f64>,
}

/// A factor's levels after merging: `group[level]` for each level code (the last code is
/// « missing »), `None` when those young people are left out.
struct Grouping<'a> {
    spec: &'a FactorSpec,
    group: Vec<Option<usize>>,
    labels: Vec<String>,
    sizes: Vec<u64>,
    reference: usize,
}

fn level_code(obs: &Observations, i: usize, spec: &FactorSpec) -> usize {
    let v = obs.values[i][spec.id.index()];
    let levels = spec.levels.len();
    if v == MISSING || usize::from(v) >= levels {
        levels
    } else {
        usize::from(v)
    }
}

/// Merges the levels of one factor over `members`; `None` (with a note) when the factor
/// cannot enter the model.
/// « N jeunes », or « moins de T jeunes » when N is a count the disclosure threshold T
/// hides: the notes of a model are published like its figures.
fn young(n: u64, threshold: u64) -> String {
    if n > 0 && n < threshold {
        format!("moins de {threshold} jeunes")
    } else {
        format!("{} jeunes", crate::model::french::count(n))
    }
}

fn grouping<'a>(
    obs: &Observations,
    spec: &'a FactorSpec,
    members: &[usize],
    (min_n, threshold): (u64, u64),
    notes: &mut Vec<String>,
) -> Option<Grouping<'a>> {
    let levels = spec.levels.len();
    let mut sizes = vec![0u64; levels + 1];
    for &i in members {
        sizes[level_code(obs, i, spec)] += 1;
    }
    let label = spec.id.label(obs.network);
    // Groups as lists of level codes.
    let mut groups: Vec<Vec<usize>> = (0..levels)
        .filter(|&l| sizes[l] > 0)
        .map(|l| vec![l])
        .collect();
    // Labels given to pooled groups of unordered levels, by group.
    let mut renamed: Vec<(usize, String)> = Vec::new();
    let size = |g: &Vec<usize>| g.iter().map(|&l| sizes[l]).sum::<u64>();
    let name = |g: &Vec<usize>| {
        g.iter()
            .map(|&l| spec.levels[l].as_str())
            .collect::<Vec<_>>()
            .join(" ou ")
    };
    if spec.id.ordered() {
        while groups.len() > 1 {
            let Some((small, _)) = groups
                .iter()
                .enumerate()
                .filter(|(_, g)| size(g) < min_n)
                .min_by_key(|(_, g)| size(g))
            else {
                break;
            };
            let neighbour = match (small.checked_sub(1), groups.get(small + 1)) {
                (Some(before), Some(after)) if size(after) < size(&groups[before]) => small + 1,
                (Some(before), _) => before,
                (None, _) => small + 1,
            };
            let (a, b) = (small.min(neighbour), small.max(neighbour));
            let merged: Vec<usize> = groups[a].iter().chain(&groups[b]).copied().collect();
            notes.push(format!(
                "{label} : « {} » ({}) regroupé avec « {} »",
                name(&groups[small]),
                young(size(&groups[small]), threshold),
                name(&groups[neighbour])
            ));
            groups[a] = merged;
            groups.remove(b);
        }
    } else {
        let (big, small): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
            groups.into_iter().partition(|g| size(g) >= min_n);
        groups = big;
        if !small.is_empty() {
            let pooled: Vec<usize> = small.iter().flatten().copied().collect();
            let pooled_n: u64 = pooled.iter().map(|&l| sizes[l]).sum();
            if pooled_n >= min_n || groups.is_empty() {
                notes.push(format!(
                    "{label} : {} modalité(s) de moins de {min_n} jeunes regroupées en « Autres » ({})",
                    small.len(),
                    young(pooled_n, threshold)
                ));
                renamed.push((groups.len(), "Autres".to_owned()));
                groups.push(pooled);
            } else if let Some(largest) = (0..groups.len()).max_by_key(|&g| size(&groups[g])) {
                renamed.push((largest, format!("{} et autres", name(&groups[largest]))));
                notes.push(format!(
                    "{label} : {} modalité(s) de moins de {min_n} jeunes ({}) regroupées avec « {} »",
                    small.len(),
                    young(pooled_n, threshold),
                    name(&groups[largest])
                ));
                groups[largest].extend(pooled);
            }
        }
    }
    let mut labels: Vec<String> = groups.iter().map(name).collect();
    for (g, label) in renamed {
        labels[g] = label;
    }
    let mut group = vec![None; levels + 1];
    for (g, levels_in) in groups.iter().enumerate() {
        for &l in levels_in {
            group[l] = Some(g);
        }
    }
    let mut group_sizes: Vec<u64> = groups.iter().map(size).collect();
    // Missing values: a level of their own when numerous enough, else left out.
    let missing = sizes[levels];
    if missing >= min_n && !groups.is_empty() {
        group[levels] = Some(groups.len());
        labels.push(MISSING_LABEL.to_owned());
        group_sizes.push(missing);
    } else if missing > 0 && groups.len() > 1 {
        notes.push(format!(
            "{label} : {} sans valeur laissés hors du modèle",
            young(missing, threshold)
        ));
    }
    if group_sizes.len() < 2 {
        if spec.present {
            notes.push(format!(
                "{label} : facteur laissé hors du modèle (une seule modalité assez fournie)"
            ));
        }
        return None;
    }
    // The reference: the largest known level.
    let known = if group[levels].is_some() {
        group_sizes.len() - 1
    } else {
        group_sizes.len()
    };
    let reference = (0..known).max_by_key(|&g| (group_sizes[g], std::cmp::Reverse(g)))?;
    Some(Grouping {
        spec,
        group,
        labels,
        sizes: group_sizes,
        reference,
    })
}

/// The model of class `class` over `members`.
pub fn model(
    obs: &Observations,
    members: &[usize],
    classes: &ExitClasses,
    class: usize,
    threshold: u32,
) -> AdjustedModel {
    let def = &classes.classes[class];
    let mut out = AdjustedModel {
        class: def.id.to_owned(),
        n: 0,
        terms: Vec::new(),
        label: def.label.to_owned(),
        references: Vec::new(),
        notes: Vec::new(),
    };
    let min_n = MIN_LEVEL_N.max(u64::from(threshold));
    let mut groupings: Vec<Grouping<'_>> = obs
        .factors
        .iter()
        .filter(|f| f.present)
        .filter_map(|f| {
            grouping(
                obs,
                f,
                members,
                (min_n, u64::from(threshold)),
                &mut out.notes,
            )
        })
        .collect();
    // Complete separation by a single level: everyone, or no one, of the level is in the
    // class. Its young people are set aside and the level reported without an odds ratio.
    let in_class = |i: usize| usize::from(obs.class[i]) == class;
    let mut set_aside: Vec<(usize, usize)> = Vec::new();
    for (k, g) in groupings.iter_mut().enumerate() {
        let mut yes = vec![0u64; g.sizes.len()];
        for &i in members {
            if let Some(grp) = g.group[level_code(obs, i, g.spec)]
                && in_class(i)
            {
                yes[grp] += 1;
            }
        }
        let separated = |grp: usize| yes[grp] == 0 || yes[grp] == g.sizes[grp];
        if separated(g.reference)
            && let Some(other) = (0..g.sizes.len())
                .filter(|&grp| !separated(grp))
                .max_by_key(|&grp| g.sizes[grp])
        {
            g.reference = other;
        }
        for (grp, &in_it) in yes.iter().enumerate() {
            if grp != g.reference && separated(grp) {
                set_aside.push((k, grp));
                let who = if in_it == 0 { "aucun" } else { "tous" };
                out.notes.push(format!(
                    "{} : « {} » — séparation complète ({who} des {} jeunes dans la classe « {} ») : \
                     rapport des chances non estimable, ces jeunes sont écartés du modèle",
                    g.spec.id.label(obs.network),
                    g.labels[grp],
                    g.sizes[grp],
                    def.label
                ));
            }
        }
    }
    // Columns: one per non-reference level of each factor.
    let mut column_of: Vec<Vec<Option<u32>>> = Vec::with_capacity(groupings.len());
    let mut columns: Vec<(usize, usize)> = Vec::new();
    for (k, g) in groupings.iter().enumerate() {
        let mut cols = vec![None; g.sizes.len()];
        for (grp, col) in cols.iter_mut().enumerate() {
            if grp != g.reference && !set_aside.contains(&(k, grp)) {
                *col = Some(columns.len() as u32);
                columns.push((k, grp));
            }
        }
        column_of.push(cols);
    }
    let mut patterns: FastMap<Vec<u32>, (f64, f64)> = FastMap::default();
    let mut active = Vec::with_capacity(groupings.len());
    'members: for &i in members {
        active.clear();
        for (k, g) in groupings.iter().enumerate() {
            let Some(grp) = g.group[level_code(obs, i, g.spec)] else {
                continue 'members;
            };
            if set_aside.contains(&(k, grp)) {
                continue 'members;
            }
            if let Some(col) = column_of[k][grp] {
                active.push(col);
            }
        }
        let entry = patterns.entry(active.clone()).or_insert((0.0, 0.0));
        entry.0 += 1.0;
        if in_class(i) {
            entry.1 += 1.0;
        }
        out.n += 1;
    }
    let mut patterns: Vec<Pattern> = patterns
        .into_iter()
        .map(|(active, (trials, successes))| Pattern {
            active,
            trials,
            successes,
        })
        .collect();
    // The fit does not depend on the order; a fixed order makes it reproducible to the bit.
    patterns.sort_by(|a, b| a.active.cmp(&b.active));
    for g in &groupings {
        out.references.push((
            g.spec.id.id().to_owned(),
            g.spec.id.label(obs.network).to_owned(),
            g.labels[g.reference].clone(),
        ));
    }
    let Some(result) = fit(&patterns, columns.len()) else {
        out.notes.push(format!(
            "Modèle non estimable : la classe « {} » ne varie pas parmi les {} jeunes",
            def.label, out.n
        ));
        return out;
    };
    if !result.converged && !result.separated.iter().any(|s| *s) {
        out.notes
            .push("L'ajustement n'a pas convergé : estimations à lire avec prudence".to_owned());
    }
    let mut col = 0;
    for (k, g) in groupings.iter().enumerate() {
        for grp in 0..g.sizes.len() {
            if grp == g.reference {
                continue;
            }
            let factor = g.spec.id.id().to_owned();
            let level = g.labels[grp].clone();
            if set_aside.contains(&(k, grp)) {
                out.terms.push(AdjustedTerm {
                    factor,
                    level,
                    odds_ratio: None,
                    low: None,
                    high: None,
                });
                continue;
            }
            let (b, se) = (result.coefficients[col], result.std_errors[col]);
            let estimable = !result.aliased[col] && !result.separated[col] && se.is_finite();
            if result.aliased[col] {
                out.notes.push(format!(
                    "{} : « {level} » — mêmes jeunes qu'une autre modalité du modèle, non estimée séparément",
                    g.spec.id.label(obs.network)
                ));
            } else if result.separated[col] {
                out.notes.push(format!(
                    "{} : « {level} » — séparation quasi complète (la classe y est presque \
                     entièrement déterminée) : rapport des chances non estimable",
                    g.spec.id.label(obs.network)
                ));
            }
            out.terms.push(AdjustedTerm {
                factor,
                level,
                odds_ratio: estimable.then(|| significant(b.exp(), 6)),
                low: estimable.then(|| significant((b - Z_95 * se).exp(), 6)),
                high: estimable.then(|| significant((b + Z_95 * se).exp(), 6)),
            });
            col += 1;
        }
    }
    out
}
