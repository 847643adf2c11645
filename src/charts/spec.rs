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

// ---------------------------------------------------------------------------------------------
// Diverging stacked bars

/// How rows of several groups are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum GroupArrangement {
    /// One panel per group, side by side, sharing the item labels.
    #[default]
    SideBySide,
    /// One panel; under each item, one bar per group.
    Stacked,
}

/// Order of the items from top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum RowOrder {
    /// As the rows were given.
    #[default]
    AsGiven,
    /// Most favourable item on top (share of favourable answers, averaged over groups).
    Favourability,
}

/// Of whom a Likert percentage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum LikertDenominator {
    /// Everyone who answered the item, non-substantive answers included (the house default:
    /// respondents to the question).
    #[default]
    AllAnswers,
    /// Only those who chose a point of the scale; non-substantive answers are still shown, as a
    /// share of everyone who answered the item.
    ScaleAnswers,
}

/// A Likert battery drawn as diverging stacked bars (Heiberger–Robbins): favourable answers
/// to the right of zero, unfavourable to the left, the neutral middle of an odd scale
/// centred on zero, non-substantive answers in a separate bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DivergingChart {
    /// The scale, from the most to the least favourable answer.
    pub scale: Vec<String>,
    /// Non-substantive answers (« Ne sait pas », « Non concerné »), drawn apart.
    pub non_substantive: Vec<String>,
    /// One row per item, or per item × group.
    pub rows: Vec<LikertRow>,
    /// How groups are placed.
    pub arrangement: GroupArrangement,
    /// Order of the items.
    pub order: RowOrder,
    /// Of whom the percentages are.
    pub denominator: LikertDenominator,
    /// Rows with fewer answers get an asterisk and a caution line.
    pub small_n: u64,
}

/// The answers of one group to one item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LikertRow {
    /// Item label (« Les ateliers collectifs »).
    pub item: String,
    /// Respondent group (« Missions locales »), if the chart compares groups.
    pub group: Option<String>,
    /// Count per scale category, in scale order.
    pub counts: Vec<u64>,
    /// Count per non-substantive category, in the order of `non_substantive`.
    pub non_substantive: Vec<u64>,
}

impl LikertRow {
    /// Everyone who answered the item, non-substantive answers included.
    pub fn n(&self) -> u64 {
        self.counts.iter().sum::<u64>() + self.non_substantive.iter().sum::<u64>()
    }

    /// Those who chose a point of the scale.
    pub fn scale_n(&self) -> u64 {
        self.counts.iter().sum()
    }
}

impl DivergingChart {
    /// An empty battery on `scale` (most favourable first).
    pub fn new<S: Into<String>>(scale: impl IntoIterator<Item = S>) -> Self {
        DivergingChart {
            scale: scale.into_iter().map(Into::into).collect(),
            non_substantive: Vec::new(),
            rows: Vec::new(),
            arrangement: GroupArrangement::default(),
            order: RowOrder::default(),
            denominator: LikertDenominator::default(),
            small_n: SMALL_N,
        }
    }

    /// Sets the non-substantive answers (« Ne sait pas »…).
    pub fn non_substantive<S: Into<String>>(mut self, labels: impl IntoIterator<Item = S>) -> Self {
        self.non_substantive = labels.into_iter().map(Into::into).collect();
        self
    }

    /// Adds an item without group. `non_substantive` may be empty when there is none.
    pub fn item(self, item: impl Into<String>, counts: &[u64], non_substantive: &[u64]) -> Self {
        self.push_row(item.into(), None, counts, non_substantive)
    }

    /// Adds the answers of `group` to `item`.
    pub fn group_item(
        self,
        item: impl Into<String>,
        group: impl Into<String>,
        counts: &[u64],
        non_substantive: &[u64],
    ) -> Self {
        self.push_row(item.into(), Some(group.into()), counts, non_substantive)
    }

    fn push_row(
        mut self,
        item: String,
        group: Option<String>,
        counts: &[u64],
        non_substantive: &[u64],
    ) -> Self {
        self.rows.push(LikertRow {
            item,
            group,
            counts: counts.to_vec(),
            non_substantive: non_substantive.to_vec(),
        });
        self
    }

    /// Puts the most favourable item on top.
    pub fn sorted_by_favourability(mut self) -> Self {
        self.order = RowOrder::Favourability;
        self
    }

    /// Places groups one above the other under each item instead of side by side.
    pub fn stacked_groups(mut self) -> Self {
        self.arrangement = GroupArrangement::Stacked;
        self
    }

    /// Sets the denominator of the percentages.
    pub fn denominator(mut self, denominator: LikertDenominator) -> Self {
        self.denominator = denominator;
        self
    }

    /// Distinct items, in order of first appearance.
    pub fn items(&self) -> Vec<&str> {
        distinct(self.rows.iter().map(|r| r.item.as_str()))
    }

    /// Distinct groups, in order of first appearance (empty when no row has a group).
    pub fn groups(&self) -> Vec<&str> {
        distinct(self.rows.iter().filter_map(|r| r.group.as_deref()))
    }

    /// Index of the neutral middle category, when the scale has an odd number of points.
    pub fn neutral_index(&self) -> Option<usize> {
        (self.scale.len() % 2 == 1).then_some(self.scale.len() / 2)
    }

    fn problem(&self) -> Option<String> {
        if self.scale.len() < 2 {
            return Some("l'échelle doit compter au moins deux modalités".into());
        }
        for row in &self.rows {
            if row.counts.len() != self.scale.len() {
                return Some(format!(
                    "« {} » : {} effectifs pour une échelle de {} modalités",
                    row.item,
                    row.counts.len(),
                    self.scale.len()
                ));
            }
            if row.non_substantive.len() > self.non_substantive.len() {
                return Some(format!(
                    "« {} » : {} effectifs de non-réponse pour {} modalités",
                    row.item,
                    row.non_substantive.len(),
                    self.non_substantive.len()
                ));
            }
        }
        None
    }
}

/// Distinct strings in order of first appearance.
pub(crate) fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Bars for single and multiple choice

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
}

impl Denominator {
    /// How the chart names it, in French.
    pub fn label(self) -> &'static str {
        match self {
            Denominator::QuestionRespondents => "% des répondants à la question",
            Denominator::SurveyRespondents => "% des répondants à l'enquête",
            Denominator::Answers => "% des réponses",
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
        }
    }

    /// Adds a series from counts; percentages are `count / n`.
    pub fn series_counts(mut self, name: impl Into<String>, n: u64, counts: &[u64]) -> Self {
        let values = counts
            .iter()
            .map(|&c| BarValue {
                pct: if n == 0 { 0.0 } else { c as f64 * 100.0 / n as f64 },
                count: Some(c),
                interval: None,
            })
            .collect();
        self.series.push(BarSeries {
            name: name.into(),
            n,
            values,
        });
        self
    }

    /// Adds a series from percentages.
    pub fn series_pct(mut self, name: impl Into<String>, n: u64, pcts: &[f64]) -> Self {
        let values = pcts
            .iter()
            .map(|&pct| BarValue {
                pct,
                count: None,
                interval: None,
            })
            .collect();
        self.series.push(BarSeries {
            name: name.into(),
            n,
            values,
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

    fn problem(&self) -> Option<String> {
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

// ---------------------------------------------------------------------------------------------
// Numeric questions

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
            })
            .collect();
        Histogram {
            value_label: value_label.into(),
            bins,
            n: counts.iter().sum(),
            mean: None,
            median: None,
        }
    }

    /// Marks the mean and the median.
    pub fn with_centre(mut self, mean: Option<f64>, median: Option<f64>) -> Self {
        self.mean = mean;
        self.median = median;
        self
    }

    fn problem(&self) -> Option<String> {
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
        }
    }

    /// Adds a box.
    pub fn push(mut self, stats: BoxStats) -> Self {
        self.boxes.push(stats);
        self
    }

    fn problem(&self) -> Option<String> {
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

// ---------------------------------------------------------------------------------------------
// Heat map

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

    fn problem(&self) -> Option<String> {
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
        let err = spec.validate().err().map(|e| e.to_string()).unwrap_or_default();
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
