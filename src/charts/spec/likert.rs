//! Likert batteries: diverging stacked bars (Heiberger–Robbins).

use serde::{Deserialize, Serialize};

use super::SMALL_N;

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
    /// The disclosure threshold behind hidden cells, named in the chart's « s » line
    /// (`None`: the line does not name it).
    #[serde(default)]
    pub disclosure_threshold: Option<u64>,
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
    /// Cells hidden by disclosure control, by category index: the scale first, then the
    /// non-substantive answers (`scale.len() + k`), as [`crate::charts::BarSegment`] numbers
    /// them. Shorter than that (empty by default) means the missing ones are shown.
    ///
    /// Hidden cells of a row are drawn merged into one hatched « s » block whose width is
    /// their combined share, so mark at least two per part (secondary suppression does) and
    /// only where the part's total is published; a part whose every cell is hidden is drawn
    /// as a stub that says nothing of its size.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<bool>,
    /// The row's n is hidden by disclosure control: the bar reads « n = s ».
    #[serde(default)]
    pub n_suppressed: bool,
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

    /// Whether category `category` (scale first, then non-substantive answers) is hidden.
    pub fn is_suppressed(&self, category: usize) -> bool {
        self.suppressed.get(category).copied().unwrap_or(false)
    }

    /// Whether anything of the row is hidden: a cell or its n.
    pub fn any_suppressed(&self) -> bool {
        self.n_suppressed || self.suppressed.iter().any(|&s| s)
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
            disclosure_threshold: None,
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
            suppressed: Vec::new(),
            n_suppressed: false,
        });
        self
    }

    /// Hides cell `category` of row `row` (disclosure control): the scale's categories come
    /// first, then the non-substantive ones (`scale.len() + k`). Out-of-range indices are
    /// ignored. See [`LikertRow::suppressed`] for how hidden cells are drawn.
    pub fn suppress(mut self, row: usize, category: usize) -> Self {
        let width = self.scale.len() + self.non_substantive.len();
        if let Some(r) = self.rows.get_mut(row)
            && category < width
        {
            if r.suppressed.len() <= category {
                r.suppressed.resize(category + 1, false);
            }
            r.suppressed[category] = true;
        }
        self
    }

    /// Hides the n of row `row` (disclosure control). Out-of-range indices are ignored.
    pub fn suppress_n(mut self, row: usize) -> Self {
        if let Some(r) = self.rows.get_mut(row) {
            r.n_suppressed = true;
        }
        self
    }

    /// Names the disclosure threshold in the line explaining « s ».
    pub fn disclosure_threshold(mut self, threshold: u64) -> Self {
        self.disclosure_threshold = Some(threshold);
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

    /// Whether any cell or n of any row is hidden.
    pub fn any_suppressed(&self) -> bool {
        self.rows.iter().any(LikertRow::any_suppressed)
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

    pub(super) fn problem(&self) -> Option<String> {
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
            if row.group.is_some() != self.rows[0].group.is_some() {
                return Some("toutes les lignes doivent avoir un groupe, ou aucune".into());
            }
            let same = |r: &&LikertRow| r.item == row.item && r.group == row.group;
            if self.rows.iter().filter(same).count() > 1 {
                return Some(format!(
                    "« {} »{} apparaît deux fois",
                    row.item,
                    row.group
                        .as_deref()
                        .map(|g| format!(" ({g})"))
                        .unwrap_or_default()
                ));
            }
            if row.suppressed.len() > self.scale.len() + self.non_substantive.len() {
                return Some(format!(
                    "« {} » : {} marques de secret pour {} modalités",
                    row.item,
                    row.suppressed.len(),
                    self.scale.len() + self.non_substantive.len()
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
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for v in values {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}
