//! One factor at a time, as the report reads them: the three classes of exit by level, with
//! each level's n, the share of each class with its 95 % Wilson interval, and a test of
//! independence between the factor and the class (Pearson's chi-square, or Fisher's exact
//! test when expected counts are small).
//!
//! Disclosure control follows the rest of the house ([`crate::stats::suppress`]): a level
//! under the threshold is not published as a row; a class count under it is hidden with
//! whatever would let a reader recompute it from the row's n or the class totals; and when
//! anything is hidden, the test's statistic and p-value are withheld too (a reader who can
//! redo the test could solve for the hidden counts), only its conclusion is given.

use serde::Serialize;

use super::{FactorSpec, MISSING, Observations, significant};
use crate::cohort::classes::ExitClasses;
use crate::cohort::report::MISSING as MISSING_LABEL;
use crate::stats::{
    CountTable, Crosstab, Denominator, Suppression, TestKind, group_difference, suppress,
};

/// The three classes of exit by the levels of one factor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorTable {
    /// The factor's id (`sex`, `level`, `interview_frequency`…).
    pub id: String,
    /// What the factor is, in French.
    pub label: String,
    /// The test of independence between factor and class, over the published levels
    /// (a « Non renseigné » row left out; a handful merged into a level counts with it);
    /// `null` when fewer than two levels can be tested.
    pub test: Option<FactorTest>,
    /// One row per published level.
    pub rows: Vec<FactorRow>,
    /// How the factor is read.
    #[serde(skip)]
    pub definition: String,
    /// Levels with young people but fewer than the threshold: not published.
    #[serde(skip)]
    pub withheld: usize,
    /// The disclosure threshold applied.
    #[serde(skip)]
    pub threshold: u32,
    /// Levels merged or pooled before publication, in French.
    #[serde(skip)]
    pub merged: Vec<String>,
}

impl FactorTable {
    /// The row of a level.
    pub fn row(&self, label: &str) -> Option<&FactorRow> {
        self.rows.iter().find(|r| r.label == label)
    }

    /// What the table leaves out, in French (empty when nothing is).
    pub fn withheld_note(&self) -> String {
        let hidden_cells = self
            .rows
            .iter()
            .flat_map(|r| &r.classes)
            .any(|c| c.suppressed.is_some());
        let mut parts = Vec::new();
        if !self.merged.is_empty() {
            parts.push(format!(
                "{} (moins de {} jeunes dans la modalité ou dans l'une de ses classes)",
                self.merged.join(", "),
                self.threshold
            ));
        }
        if self.withheld > 0 {
            parts.push(format!(
                "{} modalité(s) de moins de {} jeunes non publiée(s)",
                self.withheld, self.threshold
            ));
        }
        let every_cell_hidden = hidden_cells
            && self
                .rows
                .iter()
                .flat_map(|r| &r.classes)
                .all(|c| c.suppressed.is_some());
        if every_cell_hidden {
            parts.push(format!(
                "aucune part n'est publiable pour ce facteur (une classe compte moins de {} \
                 jeunes dans une modalité, et les classes de l'ensemble étant publiées, chaque \
                 part masquée en fait masquer d'autres)",
                self.threshold
            ));
        } else if hidden_cells {
            parts.push(format!(
                "parts marquées « s » masquées (effectif inférieur à {} ou permettant de le \
                 retrouver)",
                self.threshold
            ));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("Secret statistique : {}.", parts.join(" ; "))
        }
    }
}

/// One level of a factor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorRow {
    /// The level.
    pub label: String,
    /// Young people with a class of exit at this level.
    pub n: u64,
    /// The share of each class.
    pub classes: Vec<ClassShare>,
}

impl FactorRow {
    /// The share of a class, by id.
    pub fn pct(&self, class: &str) -> Option<f64> {
        self.classes
            .iter()
            .find(|c| c.id == class)
            .and_then(|c| c.pct)
    }

    /// The cell of a class, by id.
    pub fn class(&self, class: &str) -> Option<&ClassShare> {
        self.classes.iter().find(|c| c.id == class)
    }
}

/// One class's share of a level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClassShare {
    /// The class's id.
    pub id: String,
    /// Share of the level's young people, in percent (one decimal); `null` when hidden.
    pub pct: Option<f64>,
    /// Young people; `None` when hidden.
    #[serde(skip)]
    pub count: Option<u64>,
    /// 95 % Wilson interval of the share, in percent; `None` when hidden.
    #[serde(skip)]
    pub interval: Option<(f64, f64)>,
    /// Why the share is hidden.
    #[serde(skip)]
    pub suppressed: Option<Suppression>,
}

/// The test of independence between a factor and the class of exit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorTest {
    /// `chi2` (Pearson) or `fisher` (exact).
    pub name: String,
    /// The chi-square statistic; `null` when cells are hidden.
    pub statistic: Option<f64>,
    /// Degrees of freedom.
    pub df: usize,
    /// The p-value; `null` when cells are hidden.
    pub p_value: Option<f64>,
    /// Whether the classes differ by level at 5 % (never with a level under 30).
    pub significant: bool,
    /// Young people tested (the published levels; a « Non renseigné » row of its own left
    /// out).
    pub n: u64,
    /// The result in French.
    pub text: String,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The table of one factor over `members`.
pub fn table(
    obs: &Observations,
    factor: &FactorSpec,
    members: &[usize],
    classes: &ExitClasses,
    threshold: u32,
) -> FactorTable {
    let f = factor.id.index();
    let levels = factor.levels.len();
    // Counts per level, the last row for « Non renseigné ».
    let mut counts = vec![[0u64; 3]; levels + 1];
    for &i in members {
        let v = obs.values[i][f];
        let row = if v == MISSING || usize::from(v) >= levels {
            levels
        } else {
            usize::from(v)
        };
        counts[row][usize::from(obs.class[i])] += 1;
    }
    let small = |row: &[u64; 3]| {
        let n: u64 = row.iter().sum();
        n < u64::from(threshold) || row.iter().any(|&c| c > 0 && c < u64::from(threshold))
    };
    // Published rows: a level whose n or one of whose classes is under the threshold is
    // merged with its neighbour (bands) or pooled with the other small levels, as a
    // statistician would collapse categories rather than blank the figures of a large
    // neighbour to protect a handful of young people.
    let mut rows: Vec<(String, [u64; 3])> = (0..levels)
        .filter(|&r| counts[r].iter().sum::<u64>() > 0)
        .map(|r| (factor.levels[r].clone(), counts[r]))
        .collect();
    let mut merged = Vec::new();
    if factor.id.ordered() {
        while rows.len() > 1 {
            let Some(r) = (0..rows.len()).find(|&r| small(&rows[r].1)) else {
                break;
            };
            let size = |k: usize| rows[k].1.iter().sum::<u64>();
            let other = match (r.checked_sub(1), (r + 1 < rows.len()).then_some(r + 1)) {
                (Some(a), Some(b)) => {
                    if size(b) < size(a) {
                        b
                    } else {
                        a
                    }
                }
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => break,
            };
            let (lo, hi) = (r.min(other), r.max(other));
            merged.push(format!(
                "« {} » regroupé avec « {} »",
                rows[r].0, rows[other].0
            ));
            let label = format!("{} ou {}", rows[lo].0, rows[hi].0);
            let (a, b) = (rows[lo].1, rows[hi].1);
            rows[lo] = (label, [a[0] + b[0], a[1] + b[1], a[2] + b[2]]);
            rows.remove(hi);
        }
    } else {
        let (pooled, kept): (Vec<_>, Vec<_>) = rows.into_iter().partition(|row| small(&row.1));
        rows = kept;
        if !pooled.is_empty() {
            let mut sum = [0u64; 3];
            for (_, row) in &pooled {
                for (total, count) in sum.iter_mut().zip(row) {
                    *total += count;
                }
            }
            merged.push(format!(
                "{} modalité(s) aux effectifs trop faibles regroupée(s) en « Autres »",
                pooled.len()
            ));
            rows.push(("Autres".to_owned(), sum));
        }
    }
    // A handful of young people whose level is not known, fewer than in any level, are a
    // small group like any other: published as a row of their own, their class counts
    // would be hidden with everything that could give them back (the network's classes
    // are published), which is the whole table. They join « Autres », or the smallest
    // level, and the note says so. More of them keep their own row, protected as any row.
    let missing = counts[levels];
    let missing_n: u64 = missing.iter().sum();
    let smallest = rows.iter().map(|r| r.1.iter().sum::<u64>()).min();
    let mut missing_row = false;
    if missing_n > 0 {
        if small(&missing) && smallest.is_some_and(|m| missing_n < m) {
            let k = match rows.iter().position(|r| r.0 == "Autres") {
                Some(others) => others,
                None => (0..rows.len())
                    .min_by_key(|&k| rows[k].1.iter().sum::<u64>())
                    .unwrap_or(0),
            };
            merged.push(format!(
                "« {MISSING_LABEL} » regroupé avec « {} »",
                rows[k].0
            ));
            if rows[k].0 != "Autres" {
                rows[k].0 = format!("{} ou {}", rows[k].0, MISSING_LABEL.to_lowercase());
            }
            for (total, count) in rows[k].1.iter_mut().zip(missing) {
                *total += count;
            }
        } else {
            rows.push((MISSING_LABEL.to_owned(), missing));
            missing_row = true;
        }
    }
    let class_labels: Vec<String> = classes.labels().iter().map(|l| (*l).to_owned()).collect();
    let mut count_table = CountTable::new(rows.iter().map(|r| r.0.clone()).collect(), class_labels);
    for (k, row) in rows.iter().enumerate() {
        count_table.counts[k] = row.1.to_vec();
        count_table.row_n[k] = row.1.iter().sum();
        count_table.row_population[k] = count_table.row_n[k];
    }
    let ids = classes.ids();
    let mut table = FactorTable {
        id: factor.id.id().to_owned(),
        label: factor.id.label(obs.network).to_owned(),
        test: None,
        rows: Vec::new(),
        definition: factor.id.definition(obs.network).to_owned(),
        withheld: 0,
        threshold,
        merged,
    };
    let Ok(crosstab) = Crosstab::new(&count_table, Denominator::Question) else {
        return table;
    };
    let protected = suppress(&crosstab, threshold);
    let mut tested = CountTable::new(Vec::new(), count_table.col_labels.clone());
    let mut any_hidden = false;
    for (k, (label, _)) in rows.iter().enumerate() {
        let n = count_table.row_n[k];
        if n < u64::from(threshold) {
            table.withheld += 1;
            continue;
        }
        let line = &protected.table.rows[k];
        let n_hidden = protected.n(k).is_none();
        let shares: Vec<ClassShare> = line
            .cells
            .iter()
            .zip(ids)
            .map(|(cell, id)| {
                let hidden = cell.suppressed.is_some() || n_hidden;
                any_hidden |= hidden;
                ClassShare {
                    id: id.to_owned(),
                    pct: if hidden { None } else { cell.pct.map(round1) },
                    count: (!hidden).then_some(cell.count),
                    interval: if hidden { None } else { cell.ci },
                    suppressed: cell
                        .suppressed
                        .or(n_hidden.then_some(Suppression::Secondary)),
                }
            })
            .collect();
        table.rows.push(FactorRow {
            label: label.clone(),
            n,
            classes: shares,
        });
        let is_missing = missing_row && k + 1 == rows.len();
        if !is_missing {
            tested.row_labels.push(label.clone());
            tested.counts.push(count_table.counts[k].clone());
            tested.row_n.push(n);
            tested.row_population.push(n);
        }
    }
    if tested.rows() >= 2
        && let Ok(d) = group_difference(&tested)
    {
        let n = tested.row_n.iter().sum();
        let name = match d.test {
            TestKind::FisherExact => "fisher",
            _ => "chi2",
        };
        let text = if any_hidden {
            let verdict = if d.wording.starts_with("à interpréter") {
                "à interpréter avec prudence : effectifs faibles"
            } else if d.significant {
                "différence significative au seuil de 5 %"
            } else {
                "pas de différence significative au seuil de 5 %"
            };
            format!(
                "{verdict} ({} ; valeur du test non publiée : des parts sont masquées)",
                d.test.label_fr()
            )
        } else {
            format!(
                "{} ; {} : χ² = {} à {} ddl",
                d.wording,
                d.test.label_fr(),
                crate::model::french::number(d.statistic, 1),
                d.df
            )
        };
        table.test = Some(FactorTest {
            name: name.to_owned(),
            statistic: (!any_hidden).then_some(significant(d.statistic, 6)),
            df: d.df,
            p_value: (!any_hidden).then_some(significant(d.p_value, 4)),
            significant: d.significant,
            n,
            text,
        });
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, n: u64, hidden: [bool; 3]) -> FactorRow {
        FactorRow {
            label: label.to_owned(),
            n,
            classes: ["sustainable_job", "near_job", "no_job"]
                .iter()
                .zip(hidden)
                .map(|(id, hidden)| ClassShare {
                    id: (*id).to_owned(),
                    pct: (!hidden).then_some(30.0),
                    count: (!hidden).then_some(10),
                    interval: None,
                    suppressed: hidden.then_some(Suppression::Secondary),
                })
                .collect(),
        }
    }

    fn table(rows: Vec<FactorRow>) -> FactorTable {
        FactorTable {
            id: "nationality".to_owned(),
            label: "Nationalité".to_owned(),
            test: None,
            rows,
            definition: String::new(),
            withheld: 0,
            threshold: 5,
            merged: Vec::new(),
        }
    }

    #[test]
    fn a_table_with_nothing_publishable_says_so_rather_than_listing_hidden_shares() {
        let none = table(vec![
            row("Française", 140, [true; 3]),
            row("Autres", 9, [true; 3]),
        ]);
        let note = none.withheld_note();
        assert!(note.contains("aucune part n'est publiable"), "{note}");
        assert!(!note.contains("parts marquées"), "{note}");
        let some = table(vec![
            row("Française", 140, [false, true, true]),
            row("Autres", 9, [false, true, true]),
        ]);
        let note = some.withheld_note();
        assert!(note.contains("parts marquées « s » masquées"), "{note}");
        assert!(!note.contains("aucune part"), "{note}");
        assert_eq!(
            table(vec![row("Française", 140, [false; 3])]).withheld_note(),
            ""
        );
    }
}
