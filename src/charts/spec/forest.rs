//! Forest plot: one estimate with its interval per row, on a logarithmic axis around a
//! line of no effect (odds ratios of a regression, grouped by factor).

use serde::{Deserialize, Serialize};

/// Estimates with their intervals, grouped under headings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForestPlot {
    /// The rows, in the order to draw them.
    pub rows: Vec<ForestRow>,
    /// What the axis measures (« Rapport des chances »).
    pub axis_label: String,
    /// The value of no effect, where the vertical line is drawn (1 for odds ratios).
    pub null_value: f64,
}

/// One row: a heading, or a level with its estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForestRow {
    /// The label at the left.
    pub label: String,
    /// A heading row (a factor's name) carries no estimate.
    pub heading: bool,
    /// The estimate, with its interval (low, high); `None` when there is none to draw.
    pub estimate: Option<(f64, f64, f64)>,
    /// What is written instead of an estimate (« référence », « non estimable »).
    pub note: Option<String>,
}

impl ForestPlot {
    /// An empty plot whose axis reads `axis_label`, with no effect at `null_value`.
    pub fn new(axis_label: impl Into<String>, null_value: f64) -> Self {
        ForestPlot {
            rows: Vec::new(),
            axis_label: axis_label.into(),
            null_value,
        }
    }

    /// Adds a heading row.
    pub fn heading(mut self, label: impl Into<String>) -> Self {
        self.rows.push(ForestRow {
            label: label.into(),
            heading: true,
            estimate: None,
            note: None,
        });
        self
    }

    /// Adds a row with an estimate and its interval.
    pub fn estimate(mut self, label: impl Into<String>, value: f64, low: f64, high: f64) -> Self {
        self.rows.push(ForestRow {
            label: label.into(),
            heading: false,
            estimate: Some((value, low, high)),
            note: None,
        });
        self
    }

    /// Adds a row without an estimate, with what to write instead.
    pub fn note(mut self, label: impl Into<String>, note: impl Into<String>) -> Self {
        self.rows.push(ForestRow {
            label: label.into(),
            heading: false,
            estimate: None,
            note: Some(note.into()),
        });
        self
    }

    pub(super) fn problem(&self) -> Option<String> {
        if self.rows.is_empty() {
            return Some("aucune ligne à représenter".into());
        }
        if !(self.null_value.is_finite() && self.null_value > 0.0) {
            return Some("valeur de référence non positive sur une échelle logarithmique".into());
        }
        for r in &self.rows {
            if let Some((v, lo, hi)) = r.estimate
                && !(v > 0.0
                    && lo > 0.0
                    && hi > 0.0
                    && v.is_finite()
                    && lo.is_finite()
                    && hi.is_finite()
                    && lo <= v
                    && v <= hi)
            {
                return Some(format!(
                    "« {} » : estimation ou intervalle invalide sur une échelle logarithmique",
                    r.label
                ));
            }
        }
        None
    }
}
