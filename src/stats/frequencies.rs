//! Frequencies and crosstabs of closed questions (single answer, Likert items, multiple
//! choice) by a [`Grouping`], pooled across the questionnaires that ask the same question.
//!
//! Counting is one pass over each item's answers with the grouping's per-respondent group
//! index: no allocation per respondent, a flat array of counts per group, so a question of
//! 100 000 answers is counted in well under a millisecond. Multiple choice counts
//! respondents who ticked each option; the denominator is respondents who ticked anything.

use crate::model::Evaluation;
use crate::model::french::key;
use crate::model::{Item, Question, QuestionKind, Values};

use super::StatsError;
use super::crosstab::{CountTable, Crosstab, Denominator};
use super::grouping::Grouping;

/// Label of the column counting free « other » answers.
const OTHER_LABEL: &str = "Autre";

/// Which questions a table pools.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Matching {
    /// The question of its own source only.
    SourceOnly,
    /// The question and every question of another source with the same text (accents,
    /// case and spacing aside), the same kind and, for scales, the same scale: so that two
    /// questionnaires asking the same thing (Pôle emploi and Mission locale counsellors)
    /// are compared in one table.
    #[default]
    SameText,
}

/// The counts of one closed question by group.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionTable {
    /// The question's `SOURCE.QUESTION` id.
    pub qid: String,
    /// The question stem.
    pub text: String,
    /// Its kind.
    pub kind: QuestionKind,
    /// The grouping's name (« Site », « Groupe de répondants »).
    pub grouping: String,
    /// Ids of the sources whose answers are pooled, the question's own first.
    pub sources: Vec<String>,
    /// Respondents who answered but belong to no group (site unknown, …): counted nowhere.
    pub ungrouped: u64,
    /// One table per item: one for a plain question, one per row of a Likert battery.
    pub items: Vec<ItemTable>,
}

/// The counts of one item (a battery row, or the whole of a plain question).
#[derive(Clone, Debug, PartialEq)]
pub struct ItemTable {
    /// The item's label (empty for a plain question).
    pub label: String,
    /// Groups × answers. Ordered questions have their scale first, most favourable first,
    /// then non-substantive answers; unordered ones are sorted by descending total, with
    /// free « Autre » answers last.
    pub counts: CountTable,
}

impl ItemTable {
    /// The counts as percentages of `denominator`, with intervals and cautions.
    pub fn crosstab(&self, denominator: Denominator) -> Result<Crosstab, StatsError> {
        Crosstab::new(&self.counts, denominator)
    }
}

/// The questions a table of `qid` pools, as (source index, question index) pairs, the
/// question itself first.
pub fn matching_questions(
    evaluation: &Evaluation,
    qid: &str,
    matching: Matching,
) -> Result<Vec<(usize, usize)>, StatsError> {
    let (s0, q0) = locate(evaluation, qid)?;
    let reference = &evaluation.sources[s0].survey.questions[q0];
    let mut found = vec![(s0, q0)];
    if matching == Matching::SameText {
        let text = key(&reference.text);
        let scale: Vec<String> = reference.scale().iter().map(|l| key(l)).collect();
        for (s, source) in evaluation.sources.iter().enumerate() {
            if s == s0 {
                continue;
            }
            let same = source.survey.questions.iter().position(|q| {
                q.kind == reference.kind
                    && same_values(q, reference)
                    && key(&q.text) == text
                    && q.scale().iter().map(|l| key(l)).eq(scale.iter().cloned())
            });
            if let Some(q) = same {
                found.push((s, q));
            }
        }
    }
    Ok(found)
}

/// Counts of a closed question by `grouping`, pooled over the questions `matching` finds
/// among the grouping's sources.
pub fn question_table(
    evaluation: &Evaluation,
    qid: &str,
    grouping: &Grouping,
    matching: Matching,
) -> Result<QuestionTable, StatsError> {
    let (s0, q0) = locate(evaluation, qid)?;
    let reference = &evaluation.sources[s0].survey.questions[q0];
    check_closed(reference, qid)?;
    let mut sources = Vec::new();
    let mut pooled: Vec<(&Question, &[Option<u32>])> = Vec::new();
    for (s, q) in matching_questions(evaluation, qid, matching)? {
        if let Some(grouped) = grouping.source(s) {
            sources.push(evaluation.sources[s].entry.id.clone());
            pooled.push((&evaluation.sources[s].survey.questions[q], &grouped.groups));
        }
    }
    let (items, ungrouped) = count_pooled(reference, &pooled, &grouping.labels);
    Ok(QuestionTable {
        qid: qid.to_owned(),
        text: reference.text.clone(),
        kind: reference.kind,
        grouping: grouping.name.clone(),
        sources,
        ungrouped,
        items,
    })
}

/// Counts of one closed question by a per-respondent group index (`groups[r]` indexes
/// `group_labels`; `None`: no group), without an evaluation around it: one table per item.
pub fn question_counts(
    question: &Question,
    groups: &[Option<u32>],
    group_labels: &[String],
) -> Result<Vec<ItemTable>, StatsError> {
    check_closed(question, &question.id)?;
    Ok(count_pooled(question, &[(question, groups)], group_labels).0)
}

fn check_closed(question: &Question, qid: &str) -> Result<(), StatsError> {
    match question.items.first().map(|i| &i.values) {
        Some(Values::Codes(_) | Values::Ticks(_)) => Ok(()),
        _ => Err(StatsError::NotClosed {
            qid: qid.to_owned(),
            kind: question.kind.id().to_owned(),
        }),
    }
}

/// Count `pooled` questions (the reference among them), each with its respondents' groups.
/// Returns one table per item of the reference, and respondents who answered its first
/// item without a group.
fn count_pooled(
    reference: &Question,
    pooled: &[(&Question, &[Option<u32>])],
    group_labels: &[String],
) -> (Vec<ItemTable>, u64) {
    // Columns: the reference's labels (scale first), then labels only others have;
    // spellings that differ only by accents, case or spacing share a column.
    let mut labels: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut scale_len = 0;
    for (k, label) in reference.labels.iter().enumerate() {
        let key = key(label);
        if !keys.contains(&key) {
            keys.push(key);
            labels.push(label.clone());
            if k < reference.scale_len {
                scale_len += 1;
            }
        }
    }
    for (q, _) in pooled {
        for label in &q.labels {
            let k = key(label);
            if !keys.contains(&k) {
                keys.push(k);
                labels.push(label.clone());
            }
        }
    }
    let ordered = reference.is_ordered();
    let plain = reference.items.len() == 1;
    let has_other = plain && pooled.iter().any(|(q, _)| !q.other.is_empty());
    let label_cols = labels.len();
    if has_other {
        labels.push(OTHER_LABEL.to_owned());
    }
    let multiple = matches!(
        reference.items.first().map(|i| &i.values),
        Some(Values::Ticks(_))
    );

    let mut items = Vec::with_capacity(reference.items.len());
    let mut ungrouped = 0;
    // Each source's respondent rows and label columns, worked out once for every item.
    let shape = Counter::new(group_labels.len(), labels.len(), label_cols);
    let prepared: Vec<(Rows, Vec<u32>)> = pooled
        .iter()
        .map(|(q, groups)| {
            let remap = q
                .labels
                .iter()
                .map(|l| {
                    let k = key(l);
                    keys.iter().position(|c| *c == k).unwrap_or(0) as u32
                })
                .collect();
            (shape.rows_of(groups), remap)
        })
        .collect();
    for (i, ref_item) in reference.items.iter().enumerate() {
        let mut counter = Counter::new(group_labels.len(), labels.len(), label_cols);
        for (&(q, groups), (rows, remap)) in pooled.iter().zip(&prepared) {
            let Some(item) = matching_item(q, reference, i, ref_item) else {
                continue;
            };
            counter.count(&item.values, rows, remap);
            if plain {
                counter.count_other(q, &item.values, groups);
            }
        }
        let scale_len = if ordered { scale_len } else { 0 };
        let (table, lost) = counter.finish(group_labels, labels.clone(), scale_len, multiple);
        if i == 0 {
            ungrouped = lost;
        }
        items.push(ItemTable {
            label: ref_item.label.clone(),
            counts: if ordered {
                table
            } else {
                sort_by_total(table, has_other)
            },
        });
    }
    (items, ungrouped)
}

/// (source index, question index) of a `SOURCE.QUESTION` id.
pub fn locate(evaluation: &Evaluation, qid: &str) -> Result<(usize, usize), StatsError> {
    evaluation
        .sources
        .iter()
        .enumerate()
        .find_map(|(s, source)| {
            source
                .survey
                .questions
                .iter()
                .position(|q| evaluation.qid(source, q) == qid)
                .map(|q| (s, q))
        })
        .ok_or_else(|| StatsError::UnknownQuestion {
            qid: qid.to_owned(),
        })
}

/// Whether two questions hold the same kind of values (codes, ticks, numbers…).
fn same_values(a: &Question, b: &Question) -> bool {
    match (a.items.first(), b.items.first()) {
        (Some(x), Some(y)) => {
            std::mem::discriminant(&x.values) == std::mem::discriminant(&y.values)
        }
        _ => false,
    }
}

/// The item of `q` matching item `i` of the reference: the only item of a plain question,
/// else the battery row with the same label.
fn matching_item<'q>(
    q: &'q Question,
    reference: &Question,
    i: usize,
    ref_item: &Item,
) -> Option<&'q Item> {
    if std::ptr::eq(q, reference) {
        return q.items.get(i);
    }
    if q.items.len() == 1 && reference.items.len() == 1 {
        return q.items.first();
    }
    let wanted = key(&ref_item.label);
    q.items.iter().find(|item| key(&item.label) == wanted)
}

/// Counts by group in one flat array: `rows + 1` rows (the last gathers respondents
/// without a group) of `cols + 3` slots: the answer columns, then « no answer »,
/// « answered » (multiple choice) and a bin for codes no label explains.
/// Where each respondent's row starts in a [`Counter`]'s table.
enum Rows {
    Narrow(Vec<u16>),
    Wide(Vec<usize>),
}

/// Count codes into four partial tables of `cells` cells each: counting is a scatter of
/// increments, and four lanes let four increments of one cell proceed without waiting for
/// each other. `slot[code]` is the code's column (codes past the end land in the last).
fn count_codes<B: Copy + Into<usize>>(
    partial: &mut [u32],
    cells: usize,
    codes: &[u16],
    bases: &[B],
    slot: &[u16],
) {
    let last = slot.len() - 1;
    let cell = |code: u16, base: B| base.into() + usize::from(slot[usize::from(code).min(last)]);
    let n = codes.len().min(bases.len());
    let rest = n - n % 4;
    for (c, b) in codes[..rest]
        .chunks_exact(4)
        .zip(bases[..rest].chunks_exact(4))
    {
        partial[cell(c[0], b[0])] += 1;
        partial[cells + cell(c[1], b[1])] += 1;
        partial[2 * cells + cell(c[2], b[2])] += 1;
        partial[3 * cells + cell(c[3], b[3])] += 1;
    }
    for (&c, &b) in codes[rest..n].iter().zip(&bases[rest..n]) {
        partial[cell(c, b)] += 1;
    }
}

/// Count ticks: each respondent once in « no answer » or « answered », and once in the
/// column of each option ticked. `columns` are the no-answer and answered columns, and each
/// option's column.
fn count_ticks<B: Copy + Into<usize>>(
    counts: &mut [u64],
    ticks: &[u64],
    bases: &[B],
    columns: &(usize, usize, [usize; 64]),
) {
    let (none, answered, slot) = columns;
    for (&t, &base) in ticks.iter().zip(bases) {
        let base = base.into();
        if t == 0 {
            counts[base + none] += 1;
            continue;
        }
        counts[base + answered] += 1;
        let mut bits = t;
        while bits != 0 {
            counts[base + slot[bits.trailing_zeros() as usize]] += 1;
            bits &= bits - 1;
        }
    }
}

struct Counter {
    rows: usize,
    cols: usize,
    label_cols: usize,
    stride: usize,
    counts: Vec<u64>,
    other_only: Vec<u64>,
}

impl Counter {
    fn new(rows: usize, cols: usize, label_cols: usize) -> Counter {
        let stride = cols + 3;
        Counter {
            rows,
            cols,
            label_cols,
            stride,
            counts: vec![0; (rows + 1) * stride],
            other_only: vec![0; rows + 1],
        }
    }

    fn no_answer(&self) -> usize {
        self.cols
    }

    fn answered(&self) -> usize {
        self.cols + 1
    }

    fn bin(&self) -> usize {
        self.cols + 2
    }

    /// Where each respondent's row starts in the table: their group's row, or the sink's
    /// for no group, times the row's width. Two bytes a respondent when the table is small
    /// enough (always, in practice), which halves what counting reads.
    fn rows_of(&self, groups: &[Option<u32>]) -> Rows {
        let sink = self.rows as u32;
        let base = |g: &Option<u32>| g.filter(|&g| g < sink).unwrap_or(sink) as usize * self.stride;
        if (self.rows + 1) * self.stride <= usize::from(u16::MAX) {
            Rows::Narrow(groups.iter().map(|g| base(g) as u16).collect())
        } else {
            Rows::Wide(groups.iter().map(base).collect())
        }
    }

    /// Add one item's answers; `remap[k]` is the column of the question's `labels[k]`, and
    /// `rows` where each respondent's row starts ([`Counter::rows_of`]).
    fn count(&mut self, values: &Values, rows: &Rows, remap: &[u32]) {
        let stride = self.stride;
        match values {
            Values::Codes(codes) => {
                // code → column: 0 is no answer, k is labels[k-1]; the last slot, where any
                // larger code lands, is the bin.
                let mut slot: Vec<u16> = Vec::with_capacity(remap.len() + 2);
                slot.push(self.no_answer() as u16);
                slot.extend(remap.iter().map(|&c| c as u16));
                slot.push(self.bin() as u16);
                let cells = (self.rows + 1) * stride;
                let mut partial = vec![0u32; 4 * cells];
                match rows {
                    Rows::Narrow(bases) => count_codes(&mut partial, cells, codes, bases, &slot),
                    Rows::Wide(bases) => count_codes(&mut partial, cells, codes, bases, &slot),
                }
                for (i, total) in self.counts.iter_mut().enumerate() {
                    *total += (0..4)
                        .map(|lane| u64::from(partial[lane * cells + i]))
                        .sum::<u64>();
                }
            }
            Values::Ticks(ticks) => {
                let mut slot = [self.bin(); 64];
                for (k, &c) in remap.iter().enumerate().take(64) {
                    slot[k] = c as usize;
                }
                let columns = (self.no_answer(), self.answered(), slot);
                match rows {
                    Rows::Narrow(b) => count_ticks(&mut self.counts, ticks, b, &columns),
                    Rows::Wide(b) => count_ticks(&mut self.counts, ticks, b, &columns),
                }
            }
            Values::Numbers(_) | Values::Dates(_) | Values::Texts(_) => {}
        }
    }

    /// Count free « other » answers of a plain question in the last column.
    fn count_other(&mut self, q: &Question, values: &Values, groups: &[Option<u32>]) {
        if self.cols == self.label_cols {
            return;
        }
        let other_col = self.label_cols;
        let mut last = None;
        for &(r, _) in &q.other {
            if last == Some(r) {
                continue;
            }
            last = Some(r);
            let r = r as usize;
            let row = match groups.get(r).copied().flatten() {
                Some(g) if (g as usize) < self.rows => g as usize,
                _ => self.rows,
            };
            self.counts[row * self.stride + other_col] += 1;
            if !values.answered(r) {
                self.other_only[row] += 1;
            }
        }
    }

    /// The table, and respondents who answered without a group.
    fn finish(
        self,
        group_labels: &[String],
        col_labels: Vec<String>,
        scale_len: usize,
        multiple: bool,
    ) -> (CountTable, u64) {
        let mut table = CountTable::new(group_labels.to_vec(), col_labels);
        table.scale_len = scale_len;
        table.multiple = multiple;
        let answered_of = |row: usize| -> u64 {
            let line = &self.counts[row * self.stride..(row + 1) * self.stride];
            let answered = if multiple {
                line[self.cols + 1]
            } else if scale_len > 0 {
                line[..scale_len.min(self.label_cols)].iter().sum()
            } else {
                line[..self.label_cols].iter().sum()
            };
            // Free « other » answers count as answering, except on a scale.
            answered
                + if scale_len > 0 {
                    0
                } else {
                    self.other_only[row]
                }
        };
        for row in 0..self.rows {
            let line = &self.counts[row * self.stride..(row + 1) * self.stride];
            table.counts[row].copy_from_slice(&line[..self.cols]);
            table.row_n[row] = answered_of(row);
            // Everyone is counted once: in an answer column or « no answer » (and the bin)
            // for codes, in « answered » or « no answer » for ticks.
            table.row_population[row] = if multiple {
                line[self.cols] + line[self.cols + 1]
            } else {
                line[..self.label_cols].iter().sum::<u64>() + line[self.cols] + line[self.cols + 2]
            };
        }
        (table, answered_of(self.rows))
    }
}

/// Sort the columns of an unordered table by descending total (ties keep their order),
/// leaving the free « Autre » column last.
fn sort_by_total(mut table: CountTable, has_other: bool) -> CountTable {
    let totals = table.column_totals();
    let movable = table.cols() - usize::from(has_other);
    let mut order: Vec<usize> = (0..movable).collect();
    order.sort_by(|&a, &b| totals[b].cmp(&totals[a]));
    order.extend(movable..table.cols());
    table.col_labels = order.iter().map(|&j| table.col_labels[j].clone()).collect();
    for row in &mut table.counts {
        *row = order.iter().map(|&j| row[j]).collect();
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn codes_are_counted_by_group_with_an_ungrouped_sink() {
        let groups = [Some(0), Some(1), None, Some(0), Some(1)];
        let mut c = Counter::new(2, 2, 2);
        let rows = c.rows_of(&groups);
        c.count(&Values::Codes(vec![1, 2, 1, 0, 9]), &rows, &[0, 1]);
        let (t, lost) = c.finish(&labels(&["A", "B"]), labels(&["x", "y"]), 0, false);
        assert_eq!(t.counts, vec![vec![1, 0], vec![0, 1]]);
        assert_eq!(t.row_n, vec![1, 1], "an unknown code is no answer");
        assert_eq!(t.row_population, vec![2, 2]);
        assert_eq!(lost, 1);
    }

    #[test]
    fn many_answers_are_counted_as_one_by_one() {
        // 1,003 respondents: the four-lane count and its remainder, against a plain count.
        let codes: Vec<u16> = (0..1003u32).map(|r| ((r * 7 + r / 3) % 5) as u16).collect();
        let groups: Vec<Option<u32>> = (0..1003u32)
            .map(|r| (r % 11 != 0).then_some(r % 3))
            .collect();
        let mut c = Counter::new(3, 4, 4);
        let rows = c.rows_of(&groups);
        c.count(&Values::Codes(codes.clone()), &rows, &[0, 1, 2, 3]);
        let (t, lost) = c.finish(
            &labels(&["A", "B", "C"]),
            labels(&["w", "x", "y", "z"]),
            0,
            false,
        );
        let mut expected = vec![vec![0u64; 4]; 3];
        let mut expected_lost = 0;
        for (&code, group) in codes.iter().zip(&groups) {
            match (code, group) {
                (0, _) => {}
                (k, Some(g)) => expected[*g as usize][usize::from(k) - 1] += 1,
                (_, None) => expected_lost += 1,
            }
        }
        assert_eq!(t.counts, expected);
        assert_eq!(lost, expected_lost);
    }

    #[test]
    fn ticks_count_respondents_not_ticks() {
        let groups = [Some(0), Some(0), Some(0)];
        let mut c = Counter::new(1, 3, 3);
        let rows = c.rows_of(&groups);
        c.count(&Values::Ticks(vec![0b011, 0b111, 0]), &rows, &[0, 1, 2]);
        let (t, _) = c.finish(&labels(&["A"]), labels(&["a", "b", "c"]), 0, true);
        assert_eq!(t.counts, vec![vec![2, 2, 1]]);
        assert_eq!(t.row_n, vec![2]);
        assert_eq!(t.row_population, vec![3]);
    }

    #[test]
    fn columns_of_unordered_tables_follow_totals_with_other_last() {
        let mut t = CountTable::new(
            vec!["A".into()],
            vec!["a".into(), "b".into(), "Autre".into()],
        );
        t.counts = vec![vec![1, 5, 9]];
        let t = sort_by_total(t, true);
        assert_eq!(t.col_labels, vec!["b", "a", "Autre"]);
        assert_eq!(t.counts, vec![vec![5, 1, 9]]);
    }
}
