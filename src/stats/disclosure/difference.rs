//! Which test of difference may be printed under a protected table.
//!
//! A printed p-value is one more equation on the table's cells: « p = 0,19 » holds for few
//! completions of the hidden cells, often one. A reader who enumerates the tables
//! consistent with the published numbers and keeps those whose test prints the same gets
//! the hidden cells back. The only test that tells nothing is one computed on numbers the
//! reader already knows: here, a table whose every cell follows from the published ones.
//!
//! So the test is run on the table as published when nothing of it is hidden; else on the
//! table with categories collapsed (the two halves of a scale, the answers holding hidden
//! cells gathered) and, if needed, the groups holding what is still hidden gathered, as
//! long as each collapsed cell is pinned by the published numbers (the attacker of
//! [`super::audit`] proves it); else it is not published. The collapsing depends only on
//! the suppression pattern and the published numbers, never on the hidden ones.

use super::SuppressedTable;
use super::layout::Layout;
use super::protect::Tables;
use crate::stats::StatsError;
use crate::stats::crosstab::CountTable;
use crate::stats::significance::{GroupDifference, group_difference};

/// A test of difference as it may be printed under a protected table.
#[derive(Clone, Debug, PartialEq)]
pub enum PublishedDifference {
    /// The test, on the published table or on one collapsed so that it tells nothing of the
    /// hidden cells.
    Test {
        /// The result, worded.
        difference: GroupDifference,
        /// What was collapsed, in French (« « A » + « B » »), one entry per merge; empty when
        /// the test ran on the table as published.
        collapsed: Vec<String>,
    },
    /// Every way of running it would give hidden cells back: not published.
    Withheld,
    /// No test can be run on this table, and why.
    NotTestable(String),
}

impl PublishedDifference {
    /// The note under a collapsed test, in French (`None` when nothing was collapsed).
    pub fn collapsed_note(&self) -> Option<String> {
        match self {
            PublishedDifference::Test { collapsed, .. } if !collapsed.is_empty() => Some(format!(
                "test calculé après regroupement ({}) pour ne redonner aucune case masquée",
                collapsed.join(" ; ")
            )),
            _ => None,
        }
    }
}

/// A partition of indices: each block is merged into one.
type Partition = Vec<Vec<usize>>;

/// How the test of a protected table may be run: which groups and which answers to gather,
/// or not at all. It depends only on the suppression pattern and what it publishes, so a
/// reader who tries every completion of the hidden cells gets the same plan for each.
#[derive(Clone, Debug, PartialEq)]
pub struct TestPlan {
    /// Groups gathered (each block one row of the tested table); `None` when the test
    /// cannot be published.
    rows: Option<Partition>,
    /// Answers gathered (each block one column).
    columns: Partition,
    /// Group and answer labels, for the note.
    row_labels: Vec<String>,
    col_labels: Vec<String>,
    multiple: bool,
}

impl TestPlan {
    /// The plan for `pattern`, a protected single-answer or Likert crosstab: the table as
    /// published when nothing of it is hidden; else the first collapsing (halves of the
    /// scale, answers holding hidden cells gathered, then groups holding what is still
    /// hidden gathered) whose every cell the attacker finds pinned; else none.
    pub fn of(pattern: &SuppressedTable) -> TestPlan {
        let x = &pattern.table;
        let rows = x.rows.len();
        let mut plan = TestPlan {
            rows: None,
            columns: Vec::new(),
            row_labels: x.rows.iter().map(|r| r.label.clone()).collect(),
            col_labels: x.col_labels.clone(),
            multiple: x.multiple,
        };
        if x.multiple {
            return plan;
        }
        let substantive: Vec<usize> = x.substantive().collect();
        let checker = Checker::new(pattern);
        let identity_rows: Partition = (0..rows).map(|i| vec![i]).collect();
        let mut column_partitions: Vec<Partition> =
            vec![substantive.iter().map(|&j| vec![j]).collect()];
        let k = substantive.len();
        if x.scale_len >= 2 {
            let half = k / 2;
            if k % 2 == 1 && k >= 3 {
                column_partitions.push(vec![
                    (0..half).collect(),
                    vec![half],
                    (half + 1..k).collect(),
                ]);
                column_partitions.push(vec![(0..=half).collect(), (half + 1..k).collect()]);
            }
            column_partitions.push(vec![(0..half).collect(), (half..k).collect()]);
        } else {
            let hidden: Vec<usize> = substantive
                .iter()
                .copied()
                .filter(|&j| (0..=rows).any(|i| checker.hidden_cell(i, j)))
                .collect();
            let mut p: Partition = substantive
                .iter()
                .copied()
                .filter(|j| !hidden.contains(j))
                .map(|j| vec![j])
                .collect();
            if !hidden.is_empty() {
                p.push(hidden);
            }
            column_partitions.push(p);
        }
        for columns in &column_partitions {
            let columns: Partition = columns.iter().filter(|b| !b.is_empty()).cloned().collect();
            let mut row_partition = identity_rows.clone();
            // First as they are; then with the groups holding what is still hidden gathered.
            for attempt in 0..2 {
                let block = |i_block: &Vec<usize>, j_block: &Vec<usize>| -> Vec<(usize, f64)> {
                    i_block
                        .iter()
                        .flat_map(|&i| j_block.iter().map(move |&j| (i, j)))
                        .map(|(i, j)| (checker.layout.cell_slot(i, j), 1.0))
                        .collect()
                };
                let undetermined: Vec<usize> = row_partition
                    .iter()
                    .enumerate()
                    .filter(|(_, rb)| columns.iter().any(|cb| !checker.pinned(&block(rb, cb))))
                    .map(|(k, _)| k)
                    .collect();
                if undetermined.is_empty() {
                    plan.rows = Some(row_partition);
                    plan.columns = columns;
                    return plan;
                }
                if attempt == 1 || undetermined.len() < 2 {
                    break;
                }
                let mut gathered: Vec<usize> = Vec::new();
                let mut next: Partition = Vec::new();
                for (k, block) in row_partition.into_iter().enumerate() {
                    if undetermined.contains(&k) {
                        gathered.extend(block);
                    } else {
                        next.push(block);
                    }
                }
                next.push(gathered);
                row_partition = next;
            }
        }
        plan
    }

    /// The test as printed under the table, computed on `counts` (the table's counts, or
    /// an attacker's completion of them) as the plan gathers them.
    pub fn run(&self, counts: &CountTable) -> PublishedDifference {
        if self.multiple {
            return PublishedDifference::NotTestable(
                "réponses multiples : comparez les groupes option par option".to_owned(),
            );
        }
        let Some(rows) = &self.rows else {
            return PublishedDifference::Withheld;
        };
        if counts.rows() != self.row_labels.len() || counts.cols() != self.col_labels.len() {
            return PublishedDifference::NotTestable(
                "tableau et secret ne correspondent pas".into(),
            );
        }
        run(
            counts,
            rows,
            &self.columns,
            &self.row_labels,
            &self.col_labels,
        )
    }
}

/// The test of difference between the groups of `counts` that may be printed under
/// `pattern`, its protected crosstab (same rows and columns): [`TestPlan::of`] the pattern,
/// run on the counts. Single answers and Likert items only: see
/// [`published_option_difference`] for multiple choice.
pub fn published_difference(counts: &CountTable, pattern: &SuppressedTable) -> PublishedDifference {
    TestPlan::of(pattern).run(counts)
}

/// The test on `counts` collapsed by `rows` and `columns`, described for the note.
fn run(
    counts: &CountTable,
    rows: &Partition,
    columns: &Partition,
    row_labels: &[String],
    col_labels: &[String],
) -> PublishedDifference {
    let collapsed: Vec<Vec<u64>> = rows
        .iter()
        .map(|rb| {
            columns
                .iter()
                .map(|cb| {
                    rb.iter()
                        .flat_map(|&i| cb.iter().map(move |&j| (i, j)))
                        .map(|(i, j)| counts.counts[i][j])
                        .sum()
                })
                .collect()
        })
        .collect();
    let mut table = CountTable::new(
        (0..rows.len()).map(|k| k.to_string()).collect(),
        (0..columns.len()).map(|k| k.to_string()).collect(),
    );
    table.row_n = collapsed.iter().map(|r| r.iter().sum()).collect();
    table.counts = collapsed;
    let name = |labels: Vec<String>| labels.join(" + ");
    let mut described = Vec::new();
    for block in columns.iter().filter(|b| b.len() > 1) {
        described.push(name(
            block
                .iter()
                .map(|&j| format!("« {} »", col_labels[j]))
                .collect(),
        ));
    }
    for block in rows.iter().filter(|b| b.len() > 1) {
        described.push(name(
            block
                .iter()
                .map(|&i| format!("« {} »", row_labels[i]))
                .collect(),
        ));
    }
    match group_difference(&table) {
        Ok(difference) => PublishedDifference::Test {
            difference,
            collapsed: described,
        },
        Err(StatsError::NotTestable { reason }) => PublishedDifference::NotTestable(reason),
        Err(e) => PublishedDifference::NotTestable(e.to_string()),
    }
}

/// The test of whether groups chose answer `col` of a multiple-choice (or any) table
/// differently, as it may be printed under `pattern`: on the groups × (chose it, did not)
/// table, with the groups whose count is hidden gathered when that pins their sum, else
/// not published.
pub fn published_option_difference(
    counts: &CountTable,
    pattern: &SuppressedTable,
    col: usize,
) -> PublishedDifference {
    let x = &pattern.table;
    let rows = x.rows.len();
    if rows != counts.rows() || col >= counts.cols() {
        return PublishedDifference::NotTestable("tableau et secret ne correspondent pas".into());
    }
    let checker = Checker::new(pattern);
    let exposed = |i: usize| checker.hidden_cell(i, col) || checker.hidden_n(i);
    let mut partition: Partition = (0..rows)
        .filter(|&i| !exposed(i))
        .map(|i| vec![i])
        .collect();
    let gathered: Vec<usize> = (0..rows).filter(|&i| exposed(i)).collect();
    if !gathered.is_empty() {
        let chose: Vec<(usize, f64)> = gathered
            .iter()
            .map(|&i| (checker.layout.cell_slot(i, col), 1.0))
            .collect();
        let n: Vec<(usize, f64)> = gathered
            .iter()
            .map(|&i| (checker.layout.n_slot(i), 1.0))
            .collect();
        if !checker.pinned(&chose) || !checker.pinned(&n) {
            return PublishedDifference::Withheld;
        }
        partition.push(gathered);
    }
    let table: Vec<Vec<u64>> = partition
        .iter()
        .map(|block| {
            let chose: u64 = block.iter().map(|&i| counts.counts[i][col]).sum();
            let n: u64 = block.iter().map(|&i| counts.row_n[i]).sum();
            vec![chose, n.saturating_sub(chose)]
        })
        .collect();
    let mut t = CountTable::new(
        (0..table.len()).map(|k| k.to_string()).collect(),
        vec!["oui".into(), "non".into()],
    );
    t.row_n = table.iter().map(|r| r.iter().sum()).collect();
    t.counts = table;
    let described: Vec<String> = partition
        .iter()
        .filter(|b| b.len() > 1)
        .map(|b| {
            b.iter()
                .map(|&i| format!("« {} »", x.rows[i].label))
                .collect::<Vec<_>>()
                .join(" + ")
        })
        .collect();
    match group_difference(&t) {
        Ok(difference) => PublishedDifference::Test {
            difference,
            collapsed: described,
        },
        Err(StatsError::NotTestable { reason }) => PublishedDifference::NotTestable(reason),
        Err(e) => PublishedDifference::NotTestable(e.to_string()),
    }
}

/// Asks the attacker whether sums of figures of a protected table are pinned.
struct Checker {
    tables: Tables,
    layout: Layout,
    hidden: Vec<bool>,
}

impl Checker {
    fn new(pattern: &SuppressedTable) -> Checker {
        let mut tables = Tables::default();
        let layout = Layout::append(&pattern.table, &mut tables.system);
        tables.layouts.push(layout.clone());
        tables.published.push(true);
        let mut marks = vec![None; tables.system.len()];
        super::marks_of(pattern, &layout, &mut marks);
        let hidden = marks.iter().map(Option::is_some).collect();
        Checker {
            tables,
            layout,
            hidden,
        }
    }

    fn hidden_cell(&self, row: usize, col: usize) -> bool {
        self.hidden
            .get(self.layout.cell_slot(row, col))
            .copied()
            .unwrap_or(true)
    }

    fn hidden_n(&self, row: usize) -> bool {
        self.hidden
            .get(self.layout.n_slot(row))
            .copied()
            .unwrap_or(true)
    }

    /// Whether `Σ terms` takes one value over every completion.
    fn pinned(&self, terms: &[(usize, f64)]) -> bool {
        if terms.iter().all(|&(s, _)| !self.hidden[s]) {
            return true;
        }
        let system = &self.tables.system;
        let low = system.optimize(&self.hidden, terms, false);
        let high = system.optimize(&self.hidden, terms, true);
        match (low, high) {
            (Some(a), Some(b)) => a.proven && b.proven && (b.value - a.value).abs() < 0.5,
            _ => false,
        }
    }
}
