//! Groups under the threshold are not published as rows.
//!
//! Every count of a group of 4 respondents is under a threshold of 5: hiding its cells
//! cannot protect them, since its n bounds them all below the threshold (the reader knows
//! each is small), and the group's share of « Ensemble » tells who they are. Such a group is
//! merged with the other small ones into « Autres » when the cut allows it (sites,
//! regions, answers to a closed question: « Autres » means something), topped up with the
//! smallest other group when the small ones together stay under the threshold. When
//! merging means nothing (a network, a respondent group), the group is withheld: its row
//! and its n are not published, and « Ensemble » does not count it, so that no difference
//! gives it back. A note under the table says which.

use super::super::crosstab::CountTable;

/// The label of the merged row.
const OTHERS: &str = "Autres";

/// How a table's groups are published.
#[derive(Clone, Debug, PartialEq)]
pub struct SmallGroups {
    /// For each published row, the rows of the full table it gathers: one for a group
    /// published as it is, several for « Autres ». Empty when nothing can be published.
    pub rows: Vec<Vec<usize>>,
    /// The label of the merged row (« Autres », or another if a group already bears it).
    pub other_label: String,
    /// Groups under the threshold merged into « Autres ».
    pub merged: Vec<String>,
    /// Groups at or over the threshold added to « Autres » so that it reaches it.
    pub topped_up: Vec<String>,
    /// Groups under the threshold withheld (row and n unpublished, out of « Ensemble »).
    pub withheld: Vec<String>,
    /// The threshold.
    pub threshold: u32,
}

impl SmallGroups {
    /// Whether every group is published as it is.
    pub fn is_identity(&self) -> bool {
        self.merged.is_empty() && self.withheld.is_empty()
    }

    /// Whether nothing can be published: every group under the threshold (merged, they would
    /// all be « Autres » and the cut would show nothing), or everyone together under it.
    pub fn nothing_published(&self) -> bool {
        self.rows.is_empty() && !(self.withheld.is_empty() && self.merged.is_empty())
    }

    /// The table with its small groups merged or withheld. Rows keep their order, with
    /// « Autres » last.
    pub fn apply(&self, table: &CountTable) -> CountTable {
        let mut out = CountTable::new(Vec::new(), table.col_labels.clone());
        out.scale_len = table.scale_len;
        out.multiple = table.multiple;
        out.counts.clear();
        out.row_n.clear();
        out.row_population.clear();
        for (k, rows) in self.rows.iter().enumerate() {
            let others = !self.merged.is_empty() && k + 1 == self.rows.len();
            let label = match rows.as_slice() {
                [r] if !others => table.row_labels.get(*r).cloned().unwrap_or_default(),
                _ => self.other_label.clone(),
            };
            let mut counts = vec![0; table.cols()];
            let (mut n, mut population) = (0, 0);
            for &r in rows {
                if let Some(line) = table.counts.get(r) {
                    for (c, &x) in counts.iter_mut().zip(line) {
                        *c += x;
                    }
                }
                n += table.row_n.get(r).copied().unwrap_or(0);
                population += table.row_population.get(r).copied().unwrap_or(0);
            }
            out.row_labels.push(label);
            out.counts.push(counts);
            out.row_n.push(n);
            out.row_population.push(population);
        }
        if table.row_population.is_empty() {
            out.row_population.clear();
        }
        out
    }

    /// The notes that go under the table (and the chart), in French.
    pub fn notes(&self) -> Vec<String> {
        let t = self.threshold;
        let list = |names: &[String]| names.join(", ");
        let mut notes = Vec::new();
        if self.nothing_published() {
            notes.push(format!(
                "Tableau non publié : aucun groupe n'atteint {t} répondants (secret \
                 statistique)."
            ));
            return notes;
        }
        if !self.merged.is_empty() {
            let mut line = format!(
                "Regroupés dans « {} » (moins de {t} répondants chacun, secret statistique) : {}",
                self.other_label,
                list(&self.merged)
            );
            if !self.topped_up.is_empty() {
                line.push_str(&format!(
                    " ; avec {} pour que le regroupement atteigne {t} répondants",
                    list(&self.topped_up)
                ));
            }
            line.push('.');
            notes.push(line);
        }
        if !self.withheld.is_empty() {
            notes.push(format!(
                "Non publiés (moins de {t} répondants, secret statistique) : {} ; « Ensemble » \
                 ne les compte pas.",
                list(&self.withheld)
            ));
        }
        notes
    }
}

/// Decide how to publish the groups (rows) of `tables`, which share their rows (the items
/// of a battery): a group is small when, in any of them, it has from 1 to `threshold` − 1
/// respondents on the scale or answering at all. Small groups are merged into « Autres »
/// when `mergeable`, else withheld.
pub fn small_groups(tables: &[&CountTable], threshold: u32, mergeable: bool) -> SmallGroups {
    let t = u64::from(threshold);
    let rows = tables.first().map_or(0, |x| x.rows());
    let labels: Vec<String> = tables
        .first()
        .map(|x| x.row_labels.clone())
        .unwrap_or_default();
    // Per table, per row: (n, everyone who answered).
    let sizes = |r: usize| -> Vec<(u64, u64)> {
        tables
            .iter()
            .map(|x| {
                let n = x.row_n.get(r).copied().unwrap_or(0);
                let apart: u64 = x.counts.get(r).map_or(0, |c| c[x.apart()].iter().sum());
                (n, n + apart)
            })
            .collect()
    };
    let under = |v: u64| v > 0 && v < t;
    let small_set = |set: &[usize]| -> bool {
        let mut totals = vec![(0u64, 0u64); tables.len()];
        for &r in set {
            for (total, (n, all)) in totals.iter_mut().zip(sizes(r)) {
                total.0 += n;
                total.1 += all;
            }
        }
        totals.iter().any(|&(n, all)| under(n) || under(all))
    };
    let small: Vec<usize> = (0..rows).filter(|&r| small_set(&[r])).collect();
    let other_label = if labels.iter().any(|l| l == OTHERS) {
        format!("{OTHERS} (regroupés)")
    } else {
        OTHERS.to_owned()
    };
    let mut out = SmallGroups {
        rows: Vec::new(),
        other_label,
        merged: Vec::new(),
        topped_up: Vec::new(),
        withheld: Vec::new(),
        threshold,
    };
    let label = |r: usize| labels.get(r).cloned().unwrap_or_default();
    if small.is_empty() {
        out.rows = (0..rows).map(|r| vec![r]).collect();
        return out;
    }
    if !mergeable {
        out.withheld = small.iter().map(|&r| label(r)).collect();
        let kept: Vec<usize> = (0..rows).filter(|r| !small.contains(r)).collect();
        if !kept.is_empty() && !small_set(&kept) {
            out.rows = kept.into_iter().map(|r| vec![r]).collect();
        }
        return out;
    }
    let mut group = small.clone();
    let mut others: Vec<usize> = (0..rows).filter(|r| !small.contains(r)).collect();
    // The smallest group first, by its size in the first table.
    others.sort_by_key(|&r| (sizes(r).first().map_or(0, |s| s.1), r));
    let mut topped = Vec::new();
    while small_set(&group) && !others.is_empty() {
        let r = others.remove(0);
        group.push(r);
        topped.push(r);
    }
    out.merged = small.iter().map(|&r| label(r)).collect();
    out.topped_up = topped.iter().map(|&r| label(r)).collect();
    if small_set(&group) || group.len() == rows {
        // Everyone together is still under the threshold, or every group would be merged
        // and the cut would show nothing: nothing is published.
        return out;
    }
    group.sort_unstable();
    out.rows = (0..rows)
        .filter(|r| !group.contains(r))
        .map(|r| vec![r])
        .collect();
    out.rows.push(group);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(n: &[u64]) -> CountTable {
        let mut t = CountTable::new(
            (0..n.len()).map(|i| format!("g{i}")).collect(),
            vec!["oui".into(), "non".into()],
        );
        t.counts = n.iter().map(|&x| vec![x / 2, x - x / 2]).collect();
        t.row_n = n.to_vec();
        t
    }

    #[test]
    fn small_groups_are_merged_into_others_topped_up_when_needed() {
        let t = table(&[40, 3, 30, 1, 12]);
        let g = small_groups(&[&t], 5, true);
        // 3 + 1 is still under 5: the smallest other group (12) joins them.
        assert_eq!(g.rows, vec![vec![0], vec![2], vec![1, 3, 4]]);
        assert_eq!(g.merged, vec!["g1".to_owned(), "g3".to_owned()]);
        assert_eq!(g.topped_up, vec!["g4".to_owned()]);
        let merged = g.apply(&t);
        assert_eq!(merged.row_labels, vec!["g0", "g2", "Autres"]);
        assert_eq!(merged.row_n, vec![40, 30, 16]);
        // g1: 1 and 2, g3: 0 and 1, g4: 6 and 6.
        assert_eq!(merged.counts[2], vec![7, 9]);
        let notes = g.notes().join(" ");
        assert!(
            notes.contains("« Autres »") && notes.contains("g1, g3"),
            "{notes}"
        );
        assert!(notes.contains("avec g4"), "{notes}");
    }

    #[test]
    fn small_groups_are_withheld_when_merging_means_nothing() {
        let t = table(&[40, 3, 30]);
        let g = small_groups(&[&t], 5, false);
        assert_eq!(g.rows, vec![vec![0], vec![2]]);
        assert_eq!(g.withheld, vec!["g1".to_owned()]);
        assert_eq!(g.apply(&t).row_n, vec![40, 30]);
        assert!(g.notes()[0].contains("ne les compte pas"));
        // Nobody at the threshold: nothing at all; nor when every group would be merged.
        let g = small_groups(&[&table(&[2, 1])], 5, true);
        assert!(g.nothing_published());
        assert!(g.notes()[0].starts_with("Tableau non publié"));
        assert!(small_groups(&[&table(&[2, 1, 3])], 5, true).nothing_published());
        // No small group: nothing changes.
        let g = small_groups(&[&table(&[20, 30])], 5, false);
        assert!(g.is_identity());
        assert_eq!(g.apply(&table(&[20, 30])), table(&[20, 30]));
    }
}
