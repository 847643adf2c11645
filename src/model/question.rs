//! A question of a questionnaire, with its answers held column-wise.

use serde::{Deserialize, Serialize};

use super::QuestionKind;

/// One question as the evaluator sees it: a stem, a kind, and its answers.
///
/// Answers are held per item (one item for most questions, one per row of a Likert
/// battery), indexed by respondent (0-based, in file order).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id: the tool's question code where it has one, else `q1`, `q2`, …
    pub id: String,
    /// The question stem, without any `[item]` suffix.
    pub text: String,
    /// What kind of question this is (inferred, or as corrected by the evaluator).
    pub kind: QuestionKind,
    /// The headings of the columns this question was built from, in file order.
    pub columns: Vec<String>,
    /// Answer labels. For ordered questions the first `scale_len` labels form the scale,
    /// most favourable first, and the rest are non-substantive answers; for unordered
    /// questions, options by descending count.
    pub labels: Vec<String>,
    /// How many leading `labels` form an ordered scale (0 when the answers have no order).
    pub scale_len: usize,
    /// The items: one per battery row; one for any other question.
    pub items: Vec<Item>,
    /// Free "other" answers (respondent index, text), counted apart from the options.
    pub other: Vec<(u32, String)>,
    /// Respondents who gave any answer to the question.
    pub n: usize,
}

/// One row of a battery, or the single item of a plain question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The item's label (`[item]` suffix or row label); empty for a plain question.
    pub label: String,
    /// The answers, one per respondent.
    pub values: Values,
}

/// Most options a multiple-choice question may have: one bit each in [`Values::Ticks`].
pub const MAX_OPTIONS: usize = 64;

/// Answers of one item, one entry per respondent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Values {
    /// Closed answers: `0` is no answer, `k` is `labels[k - 1]`.
    Codes(Vec<u16>),
    /// Multiple choice: bit `k` set when `labels[k]` was ticked (at most [`MAX_OPTIONS`]).
    Ticks(Vec<u64>),
    /// Numbers; `NaN` is no answer.
    Numbers(Vec<f64>),
    /// Dates as days since 1970-01-01; `None` is no answer.
    Dates(Vec<Option<i32>>),
    /// Free text (already pseudonymised); `None` is no answer.
    Texts(Vec<Option<Box<str>>>),
}

impl Values {
    /// Whether respondent `r` answered this item.
    pub fn answered(&self, r: usize) -> bool {
        match self {
            Values::Codes(v) => v.get(r).is_some_and(|&c| c != 0),
            Values::Ticks(v) => v.get(r).is_some_and(|&t| t != 0),
            Values::Numbers(v) => v.get(r).is_some_and(|x| !x.is_nan()),
            Values::Dates(v) => v.get(r).is_some_and(Option::is_some),
            Values::Texts(v) => v.get(r).is_some_and(Option::is_some),
        }
    }

    /// Number of respondents.
    pub fn len(&self) -> usize {
        match self {
            Values::Codes(v) => v.len(),
            Values::Ticks(v) => v.len(),
            Values::Numbers(v) => v.len(),
            Values::Dates(v) => v.len(),
            Values::Texts(v) => v.len(),
        }
    }

    /// True when there are no respondents.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Question {
    /// The ordered scale, most favourable first (empty for unordered questions).
    pub fn scale(&self) -> &[String] {
        &self.labels[..self.scale_len.min(self.labels.len())]
    }

    /// Whether the answers form an ordered scale.
    pub fn is_ordered(&self) -> bool {
        self.scale_len > 0
    }

    /// Count of each label over one item (index `k` counts `labels[k]`): respondents who
    /// chose it, or ticked it for multiple choice.
    pub fn label_counts(&self, item: &Item) -> Vec<usize> {
        let mut counts = vec![0usize; self.labels.len()];
        match &item.values {
            Values::Codes(codes) => {
                for &c in codes {
                    if c != 0
                        && let Some(slot) = counts.get_mut(usize::from(c) - 1)
                    {
                        *slot += 1;
                    }
                }
            }
            Values::Ticks(ticks) => {
                for &t in ticks {
                    let mut bits = t;
                    while bits != 0 {
                        let k = bits.trailing_zeros() as usize;
                        if let Some(slot) = counts.get_mut(k) {
                            *slot += 1;
                        }
                        bits &= bits - 1;
                    }
                }
            }
            Values::Numbers(_) | Values::Dates(_) | Values::Texts(_) => {}
        }
        counts
    }

    /// Respondents who answered one item.
    pub fn item_n(item: &Item) -> usize {
        (0..item.values.len())
            .filter(|&r| item.values.answered(r))
            .count()
    }

    /// Mean of the numeric answers over all items, if any.
    pub fn mean(&self) -> Option<f64> {
        let (mut sum, mut n) = (0.0, 0usize);
        for item in &self.items {
            if let Values::Numbers(xs) = &item.values {
                for x in xs.iter().filter(|x| !x.is_nan()) {
                    sum += x;
                    n += 1;
                }
            }
        }
        (n > 0).then(|| sum / n as f64)
    }
}
