//! What a chart shows, as plain data.
//!
//! A [`ChartSpec`] holds numbers that are already computed (labels, counts, percentages, n,
//! suppression flags): it does not depend on the statistics module, so the statistics, the
//! GUI and the monograph can all fill one. It is `Clone + PartialEq + Serialize`, and
//! [`ChartSpec::cache_key`] gives a stable hash so a rendered texture can be cached by
//! (spec, data version).

use std::hash::Hasher;

use serde::{Deserialize, Serialize};

use super::ChartError;

mod bars;
mod forest;
mod heatmap;
mod likert;
mod numeric;

pub use bars::{BarChart, BarMode, BarSeries, BarValue, Denominator};
pub use forest::{ForestPlot, ForestRow};
pub use heatmap::{HeatCell, HeatColumn, HeatMap, HeatUnit};
pub use likert::{DivergingChart, GroupArrangement, LikertDenominator, LikertRow, RowOrder};
pub use numeric::{BoxPlot, BoxStats, Histogram, HistogramBin, Whiskers};

/// Groups under this many respondents get an asterisk and a caution line by default.
pub const SMALL_N: u64 = 30;

/// A chart: its texts and its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartSpec {
    /// Title, in bold at the top.
    pub title: String,
    /// Subtitle, usually the question as it was asked.
    pub subtitle: Option<String>,
    /// Source line at the bottom: questionnaire, n, date.
    pub source: Option<String>,
    /// Caution lines printed above the source (small numbers, partial data…).
    pub cautions: Vec<String>,
    /// What is drawn.
    pub body: ChartBody,
}

/// The drawing itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ChartBody {
    /// Diverging stacked bars for a Likert battery (Heiberger–Robbins).
    Diverging(DivergingChart),
    /// Grouped or stacked bars for single and multiple choice questions.
    Bars(BarChart),
    /// Histogram of a numeric question.
    Histogram(Histogram),
    /// Box plots of a numeric question, one per group.
    BoxPlot(BoxPlot),
    /// Matrix of codes × groups (counts or percentages).
    HeatMap(HeatMap),
    /// Estimates with their intervals on a logarithmic axis (odds ratios).
    Forest(ForestPlot),
}

impl From<DivergingChart> for ChartBody {
    fn from(v: DivergingChart) -> Self {
        ChartBody::Diverging(v)
    }
}
impl From<BarChart> for ChartBody {
    fn from(v: BarChart) -> Self {
        ChartBody::Bars(v)
    }
}
impl From<Histogram> for ChartBody {
    fn from(v: Histogram) -> Self {
        ChartBody::Histogram(v)
    }
}
impl From<BoxPlot> for ChartBody {
    fn from(v: BoxPlot) -> Self {
        ChartBody::BoxPlot(v)
    }
}
impl From<HeatMap> for ChartBody {
    fn from(v: HeatMap) -> Self {
        ChartBody::HeatMap(v)
    }
}
impl From<ForestPlot> for ChartBody {
    fn from(v: ForestPlot) -> Self {
        ChartBody::Forest(v)
    }
}

impl ChartSpec {
    /// A chart with a title and a body, no subtitle, source or caution.
    pub fn new(title: impl Into<String>, body: impl Into<ChartBody>) -> Self {
        ChartSpec {
            title: title.into(),
            subtitle: None,
            source: None,
            cautions: Vec::new(),
            body: body.into(),
        }
    }

    /// Sets the subtitle (the question text).
    pub fn subtitle(mut self, text: impl Into<String>) -> Self {
        self.subtitle = Some(text.into());
        self
    }

    /// Sets the source line (questionnaire, n, date).
    pub fn source(mut self, text: impl Into<String>) -> Self {
        self.source = Some(text.into());
        self
    }

    /// Adds a caution line.
    pub fn caution(mut self, text: impl Into<String>) -> Self {
        self.cautions.push(text.into());
        self
    }

    /// A hash of everything the chart shows, stable within a run of the program: the GUI keys
    /// its texture cache by (this, data version). Two specs that compare equal have the same key.
    pub fn cache_key(&self) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        // Serialising plain data into a hasher cannot fail for these types; if it ever did,
        // the partial hash is still a valid (merely weaker) key.
        let _ = serde_json::to_writer(HashWriter(&mut hasher), self);
        hasher.finish()
    }

    /// Checks that the numbers fit together (lengths, ranges), naming the first problem.
    pub fn validate(&self) -> Result<(), ChartError> {
        let problem = match &self.body {
            ChartBody::Diverging(d) => d.problem(),
            ChartBody::Bars(b) => b.problem(),
            ChartBody::Histogram(h) => h.problem(),
            ChartBody::BoxPlot(b) => b.problem(),
            ChartBody::HeatMap(h) => h.problem(),
            ChartBody::Forest(f) => f.problem(),
        };
        match problem {
            None => Ok(()),
            Some(problem) => Err(ChartError::InvalidSpec {
                title: self.title.clone(),
                problem,
            }),
        }
    }
}

/// Feeds serialised bytes to a hasher.
struct HashWriter<'a, H: Hasher>(&'a mut H);

impl<H: Hasher> std::io::Write for HashWriter<'_, H> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn battery() -> DivergingChart {
        DivergingChart::new(["Oui", "Plutôt oui", "Plutôt non", "Non"])
            .non_substantive(["Ne sait pas"])
            .item("A", &[1, 2, 3, 4], &[5])
    }

    #[test]
    fn cache_key_follows_content() {
        let a = ChartSpec::new("T", battery());
        let b = a.clone();
        assert_eq!(a.cache_key(), b.cache_key());
        let c = a.clone().caution("Effectif faible");
        assert_ne!(a.cache_key(), c.cache_key());
    }

    #[test]
    fn mismatched_counts_are_reported_in_french() {
        let spec = ChartSpec::new("T", battery().item("B", &[1, 2], &[]));
        let err = spec
            .validate()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("« B »"), "{err}");
    }

    #[test]
    fn stacked_multiple_choice_is_refused() {
        let bars = BarChart::new(["a", "b"])
            .series_pct("G", 10, &[80.0, 70.0])
            .stacked();
        assert!(ChartSpec::new("T", bars).validate().is_err());
    }
}
