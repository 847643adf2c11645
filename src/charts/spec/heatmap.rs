//! Codes × groups matrices, with suppressed cells.

use serde::{Deserialize, Serialize};

/// What the cells of a heat map hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum HeatUnit {
    /// Counts.
    #[default]
    Count,
    /// Percentages of the column's respondents.
    Percent,
}

/// A matrix of codes (rows) × groups (columns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeatMap {
    /// Row labels (codes, themes).
    pub rows: Vec<String>,
    /// Columns (groups, sites).
    pub columns: Vec<HeatColumn>,
    /// Cells, `cells[row][column]`.
    pub cells: Vec<Vec<HeatCell>>,
    /// Counts or percentages.
    pub unit: HeatUnit,
}

/// One column of a heat map.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HeatColumn {
    /// Column label.
    pub label: String,
    /// Its respondents, when known (printed under the label).
    pub n: Option<u64>,
}

/// One cell of a heat map.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HeatCell {
    /// Count or percentage.
    pub value: f64,
    /// Hidden by disclosure control: drawn hatched with « s », never with its value.
    pub suppressed: bool,
}

impl HeatMap {
    /// A matrix of counts, `counts[row][column]`.
    pub fn from_counts<R: Into<String>>(
        rows: impl IntoIterator<Item = R>,
        columns: Vec<HeatColumn>,
        counts: &[Vec<u64>],
    ) -> Self {
        let cells = counts
            .iter()
            .map(|r| {
                r.iter()
                    .map(|&c| HeatCell {
                        value: c as f64,
                        suppressed: false,
                    })
                    .collect()
            })
            .collect();
        HeatMap {
            rows: rows.into_iter().map(Into::into).collect(),
            columns,
            cells,
            unit: HeatUnit::Count,
        }
    }

    /// Marks cells as percentages of their column.
    pub fn percent(mut self) -> Self {
        self.unit = HeatUnit::Percent;
        self
    }

    /// Hides a cell (disclosure control). Out-of-range indices are ignored.
    pub fn suppress(mut self, row: usize, column: usize) -> Self {
        if let Some(cell) = self.cells.get_mut(row).and_then(|r| r.get_mut(column)) {
            cell.suppressed = true;
        }
        self
    }

    pub(super) fn problem(&self) -> Option<String> {
        if self.rows.is_empty() || self.columns.is_empty() {
            return Some("matrice vide".into());
        }
        if self.cells.len() != self.rows.len() {
            return Some(format!(
                "{} lignes de valeurs pour {} libellés",
                self.cells.len(),
                self.rows.len()
            ));
        }
        for (label, row) in self.rows.iter().zip(&self.cells) {
            if row.len() != self.columns.len() {
                return Some(format!(
                    "« {label} » : {} valeurs pour {} colonnes",
                    row.len(),
                    self.columns.len()
                ));
            }
        }
        None
    }
}

impl HeatColumn {
    /// A column with its respondents.
    pub fn new(label: impl Into<String>, n: Option<u64>) -> Self {
        HeatColumn {
            label: label.into(),
            n,
        }
    }
}
