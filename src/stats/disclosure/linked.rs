//! Tables that add up to each other, protected as one.
//!
//! A question by site and the same question by region publish, between them, each region
//! twice: as its own row and as the sum of its sites' rows. Protected one by one, each table
//! is safe and the pair is not: « Nord-Pas-de-Calais » minus « Pôle emploi Lille » is
//! « Pôle emploi Dunkerque ». Here the attacker sees every published number of every table
//! at once, with the sums that link them, and complements are chosen in all of them.
//!
//! A table may be *latent*: never shown, it carries the detail the published tables add up
//! (the sites a published « Autres » row merges, each region's sites). Its small counts, and
//! the n of its groups under the threshold, must not come back through the published sums
//! either; nothing of it is ever hidden or shown, it is simply not published.
//!
//! The caller says which rows add up ([`RowSum`]): the register of what a project
//! publishes knows which cuts go out together, and the manifest which sites make a region.

use super::audit::{Audit, Printed, add_printed, attack};
use super::layout::Layout;
use super::protect::{Tables, protect};
use super::{DisclosureError, SuppressedTable, Suppression, apply_marks, marks_of};
use crate::stats::crosstab::Crosstab;

/// One of several tables protected together.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinkedTable<'a> {
    /// The table, with every group it counts (small groups already merged or withheld in a
    /// published table; see [`super::small_groups`]).
    pub table: &'a Crosstab,
    /// Whether it is published. A latent table is never shown: it carries the detail that
    /// published tables add up.
    pub published: bool,
}

/// One row of one of the linked tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RowRef {
    /// The table's index in the list given.
    pub table: usize,
    /// The row's index (the number of rows for the table's « Ensemble »).
    pub row: usize,
}

/// Rows that add up: `total` is the sum of `parts`, cell by cell, n by n.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowSum {
    /// The row that is the sum (a region, an « Ensemble »).
    pub total: RowRef,
    /// The rows it adds up (the region's sites, the other table's « Ensemble »).
    pub parts: Vec<RowRef>,
}

/// The system of `tables` linked by `sums`.
fn linked_system(tables: &[LinkedTable<'_>], sums: &[RowSum]) -> Result<Tables, DisclosureError> {
    let mut linked = Tables::default();
    let columns = |x: &Crosstab| x.col_labels.join(", ");
    if let Some(first) = tables.first() {
        for other in &tables[1..] {
            if other.table.col_labels != first.table.col_labels
                || other.table.scale_len != first.table.scale_len
            {
                return Err(DisclosureError::ColumnsDiffer {
                    first: columns(first.table),
                    other: columns(other.table),
                });
            }
        }
    }
    for t in tables {
        let layout = Layout::append(t.table, &mut linked.system);
        linked.layouts.push(layout);
        linked.published.push(t.published);
    }
    let label = |r: &RowRef| -> String {
        let x = tables[r.table].table;
        x.rows
            .get(r.row)
            .map_or_else(|| x.total.label.clone(), |row| row.label.clone())
    };
    for sum in sums {
        for r in std::iter::once(&sum.total).chain(&sum.parts) {
            let fits = linked
                .layouts
                .get(r.table)
                .is_some_and(|layout| r.row <= layout.rows);
            if !fits {
                return Err(DisclosureError::NoSuchRow {
                    table: r.table,
                    row: r.row,
                });
            }
        }
        let total = &linked.layouts[sum.total.table];
        let mut lines: Vec<Vec<(usize, f64)>> = Vec::new();
        let line = |slot: &dyn Fn(&Layout, usize) -> Option<usize>| -> Option<Vec<(usize, f64)>> {
            let mut terms = vec![(slot(total, sum.total.row)?, -1.0)];
            for part in &sum.parts {
                terms.push((slot(&linked.layouts[part.table], part.row)?, 1.0));
            }
            Some(terms)
        };
        for j in 0..total.cols {
            lines.extend(line(&|l: &Layout, row| Some(l.cell_slot(row, j))));
        }
        lines.extend(line(&|l: &Layout, row| Some(l.n_slot(row))));
        lines.extend(line(&|l: &Layout, row| l.apart_slot(row)));
        for terms in lines {
            if !linked.system.add(terms, 0.0, 0.0) {
                return Err(DisclosureError::SumDoesNotHold {
                    total: label(&sum.total),
                    parts: sum.parts.iter().map(label).collect::<Vec<_>>().join(", "),
                });
            }
        }
    }
    Ok(linked)
}

/// Protect `tables` together, `sums` saying which rows add up to which (a region and its
/// sites; a cut's « Ensemble » and another cut's). Returns one pattern per table, in
/// order; a latent table comes back with every figure marked hidden.
///
/// Each table is first protected as if alone; the attacker then sees all of them at once
/// and complements are added, cheapest first, in whichever table helps.
pub fn protect_linked(
    tables: &[LinkedTable<'_>],
    sums: &[RowSum],
    threshold: u32,
) -> Result<Vec<SuppressedTable>, DisclosureError> {
    let linked = linked_system(tables, sums)?;
    let mut marks = vec![None; linked.system.len()];
    for (t, layout) in linked.layouts.iter().enumerate() {
        if !linked.published[t] {
            continue;
        }
        let alone = super::protect_table(tables[t].table, threshold);
        marks_of(&alone, layout, &mut marks);
    }
    let marks = protect(&linked, u64::from(threshold), marks);
    Ok(linked
        .layouts
        .iter()
        .enumerate()
        .map(|(t, layout)| {
            if linked.published[t] {
                apply_marks(tables[t].table, layout, &marks, threshold)
            } else {
                let all: Vec<Option<Suppression>> =
                    vec![Some(Suppression::Secondary); linked.system.len()];
                apply_marks(tables[t].table, layout, &all, threshold)
            }
        })
        .collect())
}

/// Attack `tables` together: `patterns` holds each table's suppression (as
/// [`protect_linked`] returns them; a latent table's is not read). Returns one audit per
/// table; a latent table's lists its small counts and the n of its small groups, which must
/// stay as protected as a hidden cell.
pub fn audit_linked(
    tables: &[LinkedTable<'_>],
    patterns: &[SuppressedTable],
    sums: &[RowSum],
    printed: Printed,
) -> Result<Vec<Audit>, DisclosureError> {
    let mut linked = linked_system(tables, sums)?;
    let threshold = patterns.first().map_or(0, |p| p.threshold);
    let mut marks = vec![None; linked.system.len()];
    for t in 0..linked.layouts.len() {
        if !linked.published[t] {
            continue;
        }
        if let Some(pattern) = patterns.get(t) {
            let layout = linked.layouts[t].clone();
            marks_of(pattern, &layout, &mut marks);
            add_printed(&mut linked, t, pattern, printed);
        }
    }
    Ok(attack(&linked, &marks, threshold))
}
