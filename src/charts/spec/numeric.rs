//! Numeric questions: histograms and box plots.

use serde::{Deserialize, Serialize};

/// A histogram of a numeric question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// What the values are, with their unit (« Âge (années) »).
    pub value_label: String,
    /// Bins, left to right.
    pub bins: Vec<HistogramBin>,
    /// Number of numeric answers.
    pub n: u64,
    /// Mean, marked with a line when given.
    pub mean: Option<f64>,
    /// Median, marked with a line when given.
    pub median: Option<f64>,
    /// The disclosure threshold behind secret bins, named in the chart's « s » line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclosure_threshold: Option<u64>,
}

/// One bin of a histogram: `lower <= value < upper`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HistogramBin {
    /// Lower bound.
    pub lower: f64,
    /// Upper bound.
    pub upper: f64,
    /// Answers in the bin.
    pub count: u64,
    /// Hidden by disclosure control: drawn as a hatched « s » stub that tells nothing of
    /// the count.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub secret: bool,
}

impl Histogram {
    /// A histogram from `edges` (one more than `counts`); n is the sum of the counts.
    pub fn from_edges(value_label: impl Into<String>, edges: &[f64], counts: &[u64]) -> Self {
        let bins = edges
            .windows(2)
            .zip(counts)
            .map(|(w, &count)| HistogramBin {
                lower: w[0],
                upper: w[1],
                count,
                secret: false,
            })
            .collect();
        Histogram {
            value_label: value_label.into(),
            bins,
            n: counts.iter().sum(),
            mean: None,
            median: None,
            disclosure_threshold: None,
        }
    }

    /// Hides the bins marked in `secret` (same order as the bins), naming `threshold` in the
    /// chart's « s » line.
    pub fn with_secret_bins(mut self, secret: &[bool], threshold: u64) -> Self {
        for (bin, &hidden) in self.bins.iter_mut().zip(secret) {
            bin.secret = hidden;
        }
        if secret.iter().any(|&hidden| hidden) {
            self.disclosure_threshold = Some(threshold);
        }
        self
    }

    /// Marks the mean and the median.
    pub fn with_centre(mut self, mean: Option<f64>, median: Option<f64>) -> Self {
        self.mean = mean;
        self.median = median;
        self
    }

    pub(super) fn problem(&self) -> Option<String> {
        if self.bins.is_empty() {
            return Some("aucune classe à représenter".into());
        }
        for b in &self.bins {
            if !(b.lower.is_finite() && b.upper.is_finite() && b.lower < b.upper) {
                return Some(format!("classe invalide [{} ; {}[", b.lower, b.upper));
            }
        }
        None
    }
}

/// Box plots of a numeric question, one per group, drawn horizontally.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoxPlot {
    /// What the values are, with their unit.
    pub value_label: String,
    /// One box per group, top to bottom.
    pub boxes: Vec<BoxStats>,
    /// Where the whiskers end.
    #[serde(default)]
    pub whiskers: Whiskers,
}

/// Where the whiskers of a box plot end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Whiskers {
    /// At the most extreme answers within 1.5 interquartile ranges of the box (Tukey),
    /// with the answers beyond drawn as dots.
    #[default]
    Tukey,
    /// At the first and ninth deciles, with no answer drawn on its own: what disclosure
    /// control publishes, since an extreme answer is one person's. A group of fewer than
    /// `from_n` answers gets no whiskers.
    Deciles {
        /// Fewest answers a group needs for its deciles to be drawn.
        from_n: u64,
    },
}

/// The five numbers of one box, plus the mean and the points beyond the whiskers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoxStats {
    /// Group label.
    pub label: String,
    /// Number of answers.
    pub n: u64,
    /// End of the lower whisker.
    pub low: f64,
    /// First quartile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile.
    pub q3: f64,
    /// End of the upper whisker.
    pub high: f64,
    /// Mean, drawn as a diamond.
    pub mean: Option<f64>,
    /// Values beyond the whiskers, drawn as dots.
    pub outliers: Vec<f64>,
}

impl BoxPlot {
    /// An empty box plot.
    pub fn new(value_label: impl Into<String>) -> Self {
        BoxPlot {
            value_label: value_label.into(),
            boxes: Vec::new(),
            whiskers: Whiskers::Tukey,
        }
    }

    /// Sets where the whiskers end.
    pub fn whiskers(mut self, whiskers: Whiskers) -> Self {
        self.whiskers = whiskers;
        self
    }

    /// Adds a box.
    pub fn push(mut self, stats: BoxStats) -> Self {
        self.boxes.push(stats);
        self
    }

    pub(super) fn problem(&self) -> Option<String> {
        if self.boxes.is_empty() {
            return Some("aucune boîte à représenter".into());
        }
        for b in &self.boxes {
            let ordered = b.low <= b.q1 && b.q1 <= b.median && b.median <= b.q3 && b.q3 <= b.high;
            if !ordered || !b.low.is_finite() || !b.high.is_finite() {
                return Some(format!(
                    "« {} » : les valeurs doivent croître (minimum ≤ Q1 ≤ médiane ≤ Q3 ≤ maximum)",
                    b.label
                ));
            }
        }
        None
    }
}
