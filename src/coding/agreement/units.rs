//! The units agreement is measured on, built from two coders' codings: one answer, or one
//! paragraph of a note, that both coders coded, with each coder's codes in it.
//!
//! Kept apart from the measures because it is where the model's anchors meet the notes'
//! paragraphs; the measures only see sets of codes per unit.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use crate::model::coding::{Anchor, CodeId, Coding};

/// For each note file (as [`Anchor::Note`] names it), where each of its paragraphs lies in
/// the note's full text, in characters, in reading order. A note read by the importer gives
/// them as `(0..note.paragraphs.len()).map(|i| note.char_range(i))`.
pub type NoteParagraphs = HashMap<String, Vec<Range<usize>>>;

/// One unit of agreement: an answer, or a paragraph of a note.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// One respondent's answer to one question (or field), whatever part of it was coded.
    Answer {
        /// The source's id.
        source: String,
        /// The question's id.
        question: String,
        /// The respondent (0-based, file order).
        respondent: u32,
    },
    /// One paragraph of a site-visit note.
    Paragraph {
        /// The note's file, as the manifest names it.
        file: String,
        /// The paragraph (0-based, reading order).
        paragraph: usize,
    },
}

impl Unit {
    /// How the unit reads for a person: « ben.q6, répondant 13 », « visite_ml1.md,
    /// paragraphe 4 » (both counted from 1, as one reads a file).
    pub fn label(&self) -> String {
        match self {
            Unit::Answer {
                source,
                question,
                respondent,
            } => format!(
                "{source}.{question}, répondant {}",
                u64::from(*respondent) + 1
            ),
            Unit::Paragraph { file, paragraph } => {
                format!("{file}, paragraphe {}", paragraph.saturating_add(1))
            }
        }
    }
}

/// A unit both coders coded, with what each applied in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodedUnit {
    /// The unit.
    pub unit: Unit,
    /// The codes the first coder applied in it (never empty).
    pub first: BTreeSet<CodeId>,
    /// The codes the second coder applied in it (never empty).
    pub second: BTreeSet<CodeId>,
    /// The first coder's codings touching the unit (ids), to show their passages.
    pub first_codings: Vec<u64>,
    /// The second coder's codings touching the unit (ids).
    pub second_codings: Vec<u64>,
}

impl CodedUnit {
    /// Whether both coders applied exactly the same codes.
    pub fn agrees(&self) -> bool {
        self.first == self.second
    }

    /// Codes only the first coder applied.
    pub fn only_first(&self) -> impl Iterator<Item = CodeId> + '_ {
        self.first.difference(&self.second).copied()
    }

    /// Codes only the second coder applied.
    pub fn only_second(&self) -> impl Iterator<Item = CodeId> + '_ {
        self.second.difference(&self.first).copied()
    }
}

/// What two coders coded in common: the data every measure is computed on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommonUnits {
    /// The two coders' names, first then second.
    pub coders: [String; 2],
    /// The units both coded, in order (answers by source, question and respondent, then
    /// paragraphs by file and place).
    pub units: Vec<CodedUnit>,
    /// How many units each coder coded, common or not (to tell « B coded nothing » from
    /// « they coded different material »).
    pub coded_by: [usize; 2],
    /// The two coders' codings on a note that could not be placed in a paragraph (file not
    /// among the paragraphs given, empty passage, or a passage that lies only between
    /// paragraphs or past the end): left out, and counted in the report.
    pub unplaced: Vec<u64>,
}

impl CommonUnits {
    /// The units where the two coders' sets of codes differ, in unit order.
    pub fn disagreements(&self) -> Vec<&CodedUnit> {
        self.units.iter().filter(|u| !u.agrees()).collect()
    }

    /// Every code either coder applied in a common unit, in id order. Codes applied only
    /// outside the common units are not among them.
    pub fn codes(&self) -> BTreeSet<CodeId> {
        self.units
            .iter()
            .flat_map(|u| u.first.iter().chain(&u.second).copied())
            .collect()
    }
}

/// The units both `first` and `second` coded, from the codings of a project (other coders'
/// codings are ignored), with each coder's codes per unit.
///
/// An answer is one unit whatever span of it was coded. A note passage falls in every
/// paragraph of `paragraphs` it shares at least one character with: two passages in one
/// paragraph make one unit, a passage across two paragraphs touches both. A unit counts only
/// if both coders applied at least one code in it. Coder names are compared exactly; given
/// the same name twice, every coding goes to the first coder and no unit is common.
pub fn common_units(
    codings: &[Coding],
    first: &str,
    second: &str,
    paragraphs: &NoteParagraphs,
) -> CommonUnits {
    #[derive(Default)]
    struct Side {
        codes: BTreeSet<CodeId>,
        codings: Vec<u64>,
    }
    let mut by_unit: BTreeMap<Unit, [Side; 2]> = BTreeMap::new();
    let mut unplaced = Vec::new();
    let mut place = |unit: Unit, side: usize, coding: &Coding| {
        let entry = &mut by_unit.entry(unit).or_default()[side];
        entry.codes.insert(coding.code);
        entry.codings.push(coding.id);
    };
    for coding in codings {
        let side = if coding.coder == first {
            0
        } else if coding.coder == second {
            1
        } else {
            continue;
        };
        match &coding.anchor {
            Anchor::Answer {
                source,
                question,
                respondent,
                ..
            } => place(
                Unit::Answer {
                    source: source.clone(),
                    question: question.clone(),
                    respondent: *respondent,
                },
                side,
                coding,
            ),
            Anchor::Note { file, start, end } => {
                let passage = *start as usize..*end as usize;
                // An empty passage shares no character with any paragraph.
                let touched: Vec<usize> = paragraphs
                    .get(file)
                    .filter(|_| !passage.is_empty())
                    .map(|ranges| {
                        ranges
                            .iter()
                            .enumerate()
                            .filter(|(_, range)| {
                                passage.start < range.end && range.start < passage.end
                            })
                            .map(|(index, _)| index)
                            .collect()
                    })
                    .unwrap_or_default();
                if touched.is_empty() {
                    unplaced.push(coding.id);
                }
                for paragraph in touched {
                    let unit = Unit::Paragraph {
                        file: file.clone(),
                        paragraph,
                    };
                    place(unit, side, coding);
                }
            }
        }
    }
    let mut coded_by = [0, 0];
    let mut units = Vec::new();
    for (unit, [a, b]) in by_unit {
        coded_by[0] += usize::from(!a.codes.is_empty());
        coded_by[1] += usize::from(!b.codes.is_empty());
        if !a.codes.is_empty() && !b.codes.is_empty() {
            units.push(CodedUnit {
                unit,
                first: a.codes,
                second: b.codes,
                first_codings: a.codings,
                second_codings: b.codings,
            });
        }
    }
    CommonUnits {
        coders: [first.to_owned(), second.to_owned()],
        units,
        coded_by,
        unplaced,
    }
}
