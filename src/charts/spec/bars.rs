//! Single and multiple choice: grouped or stacked bars of percentages.

use serde::{Deserialize, Serialize};

use super::SMALL_N;

/// Of whom a percentage is: every chart says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Denominator {
    /// Respondents to the question (the house default).
    #[default]
    QuestionRespondents,
    /// Respondents to the survey, including those who skipped the question.
    SurveyRespondents,
    /// Answers (ticks), not respondents.
    Answers,
    /// Young people of an administrative cohort whose value is known.
    CohortKnown,
    /// Young people of a cohort whose exit is in one of the three classes.
    CohortClassified,
}

impl Denominator {
    /// How the chart names it, in French.
    pub fn label(self) -> &'static str {
        match self {
            Denominator::QuestionRespondents => "% des répondants à la question",
            Denominator::SurveyRespondents => "% des répondants à l'enquête",
            Denominator::Answers => "% des réponses",
            Denominator::CohortKnown => "% des jeunes de la cohorte dont la valeur est renseignée",
            Denominator::CohortClassified => {
                "% des sorties de phase 2 dont la situation est renseignée (trois classes)"
            }
        }
    }
}

/// How several series share a category axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum BarMode {
    /// One row per answer, one bar per series in it.
    #[default]
    Grouped,
    /// One bar per series, split into answers that add up to 100 % (single choice only).
    Stacked,
}

/// Percentages of respondents per answer, for one or several series (groups).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BarChart {
    /// The answers, in the order to draw them.
    pub categories: Vec<String>,
    /// One series per group (a single series when the chart compares nothing).
    pub series: Vec<BarSeries>,
    /// Grouped or stacked.
    pub mode: BarMode,
    /// Of whom the percentages are.
    pub denominator: Denominator,
    /// A multiple choice question: percentages may add up to more than 100.
    pub multiple_choice: bool,
    /// Series with fewer respondents get an asterisk and a caution line.
    pub small_n: u64,
    /// The disclosure threshold behind hidden values, named in the chart's « s » line
    /// (`None`: the line does not name it).
    #[serde(default)]
    pub disclosure_threshold: Option<u64>,
}

/// One group's percentages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BarSeries {
    /// Group name; may be empty for a lone series.
    pub name: String,
    /// The denominator of its percentages.
    pub n: u64,
    /// One value per category.
    pub values: Vec<BarValue>,
    /// Its n is hidden by disclosure control: it reads « n = s ».
    #[serde(default)]
    pub n_suppressed: bool,
}

/// One percentage, with its count and an optional interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BarValue {
    /// Percentage, 0 to 100.
    pub pct: f64,
    /// The count behind it, when known.
    pub count: Option<u64>,
    /// A 95 % confidence interval in percent (low, high), drawn as a whisker.
    pub interval: Option<(f64, f64)>,
    /// Hidden by disclosure control. A grouped bar is then a short hatched stub marked « s »
    /// (no length, no whisker, no value); in a stacked bar the hidden values of a series are
    /// merged into one « s » block as wide as their combined share, so mark at least two
    /// per series (secondary suppression does), or all of them.
    #[serde(default)]
    pub suppressed: bool,
}

impl BarValue {
    /// A shown percentage, without count nor interval.
    pub fn pct(pct: f64) -> Self {
        BarValue {
            pct,
            count: None,
            interval: None,
            suppressed: false,
        }
    }
}

impl BarChart {
    /// An empty chart over `categories`.
    pub fn new<S: Into<String>>(categories: impl IntoIterator<Item = S>) -> Self {
        BarChart {
            categories: categories.into_iter().map(Into::into).collect(),
            series: Vec::new(),
            mode: BarMode::default(),
            denominator: Denominator::default(),
            multiple_choice: false,
            small_n: SMALL_N,
            disclosure_threshold: None,
        }
    }

    /// Adds a series from counts; percentages are `count / n`.
    pub fn series_counts(mut self, name: impl Into<String>, n: u64, counts: &[u64]) -> Self {
        let values = counts
            .iter()
            .map(|&c| BarValue {
                pct: if n == 0 {
                    0.0
                } else {
                    c as f64 * 100.0 / n as f64
                },
                count: Some(c),
                interval: None,
                suppressed: false,
            })
            .collect();
        self.series.push(BarSeries {
            name: name.into(),
            n,
            values,
            n_suppressed: false,
        });
        self
    }

    /// Adds a series from percentages.
    pub fn series_pct(mut self, name: impl Into<String>, n: u64, pcts: &[f64]) -> Self {
        let values = pcts.iter().map(|&pct| BarValue::pct(pct)).collect();
        self.series.push(BarSeries {
            name: name.into(),
            n,
            values,
            n_suppressed: false,
        });
        self
    }

    /// Attaches 95 % intervals (low, high, in percent) to the last series added.
    pub fn intervals(mut self, intervals: &[(f64, f64)]) -> Self {
        if let Some(series) = self.series.last_mut() {
            for (value, &interval) in series.values.iter_mut().zip(intervals) {
                value.interval = Some(interval);
            }
        }
        self
    }

    /// Hides the value of `category` in series `series` (disclosure control). Out-of-range
    /// indices are ignored. See [`BarValue::suppressed`] for how it is drawn.
    pub fn suppress(mut self, series: usize, category: usize) -> Self {
        if let Some(v) = self
            .series
            .get_mut(series)
            .and_then(|s| s.values.get_mut(category))
        {
            v.suppressed = true;
        }
        self
    }

    /// Hides the n of series `series` (disclosure control). Out-of-range indices are ignored.
    pub fn suppress_n(mut self, series: usize) -> Self {
        if let Some(s) = self.series.get_mut(series) {
            s.n_suppressed = true;
        }
        self
    }

    /// Names the disclosure threshold in the line explaining « s ».
    pub fn disclosure_threshold(mut self, threshold: u64) -> Self {
        self.disclosure_threshold = Some(threshold);
        self
    }

    /// Whether any value or n is hidden.
    pub fn any_suppressed(&self) -> bool {
        self.series
            .iter()
            .any(|s| s.n_suppressed || s.values.iter().any(|v| v.suppressed))
    }

    /// Stacks the answers of each series into one bar (single choice).
    pub fn stacked(mut self) -> Self {
        self.mode = BarMode::Stacked;
        self
    }

    /// Marks a multiple choice question.
    pub fn multiple_choice(mut self) -> Self {
        self.multiple_choice = true;
        self
    }

    /// Sets the denominator.
    pub fn denominator(mut self, denominator: Denominator) -> Self {
        self.denominator = denominator;
        self
    }

    pub(super) fn problem(&self) -> Option<String> {
        if self.categories.is_empty() {
            return Some("aucune modalité à représenter".into());
        }
        for s in &self.series {
            if s.values.len() != self.categories.len() {
                return Some(format!(
                    "« {} » : {} valeurs pour {} modalités",
                    s.name,
                    s.values.len(),
                    self.categories.len()
                ));
            }
            if s.values.iter().any(|v| !v.pct.is_finite() || v.pct < 0.0) {
                return Some(format!("« {} » : pourcentage négatif ou invalide", s.name));
            }
            if self.mode == BarMode::Stacked {
                let total: f64 = s.values.iter().map(|v| v.pct).sum();
                if total > 100.5 {
                    return Some(format!(
                        "« {} » : les pourcentages empilés dépassent 100 % ({total:.0} %) ; \
                         une question à choix multiple se représente en barres groupées",
                        s.name
                    ));
                }
            }
        }
        None
    }
}
