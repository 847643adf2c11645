//! A crosstab as the protection sees it: its figures as slots, what each costs to hide,
//! and the relations between them that a reader knows.
//!
//! Slots of one table: answer cells row by row, the « Ensemble » row last
//! (`(rows + 1) × cols`); then each row's n (Ensemble last); then, on a scale with
//! non-substantive answers, each row's count of everyone who answered.
//!
//! Relations, each kept only when the counts satisfy it (see [`System::add_relation`]):
//! a single-answer row adds up to its n (a multiple-choice row does not: each of its cells
//! lies between 0 and n, and together they count at least n, since everyone counted ticked
//! something); non-substantive answers add up to everyone-who-answered minus n; each column
//! adds up to its « Ensemble » cell; the n add up to the Ensemble's n.

use super::super::crosstab::{Crosstab, CrosstabRow};
use super::system::System;

/// One table's slots within a [`System`] that may hold several tables.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Layout {
    /// Rows, « Ensemble » not counted.
    pub rows: usize,
    /// Columns.
    pub cols: usize,
    /// Whether there are non-substantive columns (and everyone-who-answered slots).
    pub has_apart: bool,
    /// Index of the table's first slot in the system.
    pub offset: usize,
    /// Number of slots.
    pub len: usize,
    /// Whether the primary rule applies (answer counts, not group sizes).
    pub primary: Vec<bool>,
    /// Complement preference, lower first: see [`Layout::cost`].
    pub tier: Vec<u8>,
}

impl Layout {
    /// Lay `table` out at the end of `system`, with its relations.
    pub fn append(table: &Crosstab, system: &mut System) -> Layout {
        let rows = table.rows.len();
        let cols = table.col_labels.len();
        let substantive = table.substantive();
        let has_apart = substantive.end < cols;
        let all_rows: Vec<&CrosstabRow> = table
            .rows
            .iter()
            .chain(std::iter::once(&table.total))
            .collect();
        let mut counts = Vec::new();
        let mut primary = Vec::new();
        let mut tier = Vec::new();
        for (i, row) in all_rows.iter().enumerate() {
            for j in 0..cols {
                let count = row.cells.get(j).map_or(0, |c| c.count);
                counts.push(count);
                primary.push(true);
                let total_row = i == rows;
                tier.push(match (count > 0, total_row) {
                    (true, false) => 0,
                    (true, true) => 1,
                    (false, false) => 2,
                    (false, true) => 3,
                });
            }
        }
        // Margins come last: hiding everyone-who-answered only costs the shares of the
        // non-substantive answers; hiding a group's n costs all its shares.
        for (i, row) in all_rows.iter().enumerate() {
            counts.push(row.n);
            primary.push(false);
            tier.push(if i == rows { 7 } else { 6 });
        }
        if has_apart {
            for (i, row) in all_rows.iter().enumerate() {
                counts.push(row.apart_n);
                primary.push(false);
                tier.push(if i == rows { 5 } else { 4 });
            }
        }
        let offset = system.push_slots(counts);
        let layout = Layout {
            rows,
            cols,
            has_apart,
            offset,
            len: system.len() - offset,
            primary,
            tier,
        };
        layout.add_relations(table, system);
        layout
    }

    /// The table's relations (see the module's documentation).
    fn add_relations(&self, table: &Crosstab, system: &mut System) {
        let (rows, cols) = (self.rows, self.cols);
        let substantive = table.substantive();
        for i in 0..=rows {
            let n = self.n_slot(i);
            let cells: Vec<(usize, f64)> = substantive
                .clone()
                .map(|j| (self.cell_slot(i, j), 1.0))
                .collect();
            let mut sum = cells.clone();
            sum.push((n, -1.0));
            let exact = !table.multiple && system.add(sum.clone(), 0.0, 0.0);
            if !exact {
                // Each cell lies between 0 and n; together they count at least n.
                system.add_relation(sum);
                for &(cell, _) in &cells {
                    system.add(vec![(cell, 1.0), (n, -1.0)], f64::NEG_INFINITY, 0.0);
                }
            }
            if let Some(a) = self.apart_slot(i) {
                let mut line: Vec<(usize, f64)> = (substantive.end..cols)
                    .map(|j| (self.cell_slot(i, j), 1.0))
                    .collect();
                line.push((n, 1.0));
                line.push((a, -1.0));
                system.add_relation(line);
            }
        }
        for j in 0..cols {
            let mut line: Vec<(usize, f64)> =
                (0..rows).map(|i| (self.cell_slot(i, j), 1.0)).collect();
            line.push((self.cell_slot(rows, j), -1.0));
            system.add_relation(line);
        }
        let mut n_line: Vec<(usize, f64)> = (0..rows).map(|i| (self.n_slot(i), 1.0)).collect();
        n_line.push((self.n_slot(rows), -1.0));
        system.add_relation(n_line);
        if self.has_apart {
            let mut a_line: Vec<(usize, f64)> = (0..rows)
                .filter_map(|i| self.apart_slot(i))
                .map(|s| (s, 1.0))
                .collect();
            if let Some(a) = self.apart_slot(rows) {
                a_line.push((a, -1.0));
            }
            system.add_relation(a_line);
        }
    }

    /// The slot of cell `(row, col)` (`row == rows` for « Ensemble »).
    pub fn cell_slot(&self, row: usize, col: usize) -> usize {
        self.offset + row * self.cols + col
    }

    /// The slot of row `row`'s n.
    pub fn n_slot(&self, row: usize) -> usize {
        self.offset + (self.rows + 1) * self.cols + row
    }

    /// The slot of row `row`'s everyone-who-answered count, on a scale with
    /// non-substantive answers.
    pub fn apart_slot(&self, row: usize) -> Option<usize> {
        self.has_apart
            .then(|| self.offset + (self.rows + 1) * (self.cols + 1) + row)
    }

    /// Whether `slot` is one of this table's answer cells, as (row, col).
    pub fn cell_of(&self, slot: usize) -> Option<(usize, usize)> {
        let local = slot.checked_sub(self.offset)?;
        (local < (self.rows + 1) * self.cols).then(|| (local / self.cols, local % self.cols))
    }

    /// The slots of this table.
    pub fn slots(&self) -> std::ops::Range<usize> {
        self.offset..self.offset + self.len
    }

    /// Order of preference for a complement: tier, then smallest count, then position.
    pub fn cost(&self, slot: usize, system: &System) -> (u8, u64, usize) {
        let tier = slot
            .checked_sub(self.offset)
            .and_then(|local| self.tier.get(local))
            .copied()
            .unwrap_or(u8::MAX);
        (tier, system.values.get(slot).copied().unwrap_or(0), slot)
    }

    /// Whether the primary rule applies to `slot`.
    pub fn is_primary_kind(&self, slot: usize) -> bool {
        slot.checked_sub(self.offset)
            .and_then(|local| self.primary.get(local))
            .copied()
            .unwrap_or(false)
    }
}
