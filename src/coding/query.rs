//! What coding asks of the evaluation: which texts can be coded (open answers, the free
//! « Autre » texts of closed questions, interview fields, notes), the text a coding points
//! at, the segments retrieved under a code with where they come from, and the codes × groups
//! (or × sites) matrix.

use std::collections::{BTreeSet, HashMap};

use crate::model::coding::{Anchor, CodeId, Coding, CodingWork};
use crate::model::{Evaluation, QuestionKind, Values};

/// The suffix of the id of a closed question's free « Autre » texts.
pub const OTHER_SUFFIX: &str = ".autre";

/// A question whose answers can be coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodableQuestion {
    /// Index of the source in the evaluation.
    pub source: usize,
    /// The source's id, as codings name it.
    pub source_id: String,
    /// Index of the question in the source.
    pub question: usize,
    /// The id codings use for it: the question's id, with [`OTHER_SUFFIX`] for « Autre » texts.
    pub id: String,
    /// `SOURCE.QUESTION` as other tools name it (the coded id for « Autre »).
    pub qid: String,
    /// The question as asked (« … (Autre) » for free « Autre » texts).
    pub text: String,
    /// Whether the source is an interview grid (each row a document).
    pub interview: bool,
    /// Respondents who wrote something.
    pub answers: usize,
}

impl CodableQuestion {
    /// The anchor of one respondent's answer (all of it, or characters `span`).
    pub fn anchor(&self, respondent: u32, span: Option<(u32, u32)>) -> Anchor {
        Anchor::Answer {
            source: self.source_id.clone(),
            question: self.id.clone(),
            respondent,
            span,
        }
    }
}

/// Every question whose answers can be coded, source by source.
pub fn codable_questions(evaluation: &Evaluation) -> Vec<CodableQuestion> {
    let mut out = Vec::new();
    for (s, source) in evaluation.sources.iter().enumerate() {
        let interview = source.entry.kind == "interviews";
        for (q, question) in source.survey.questions.iter().enumerate() {
            let qid = evaluation.qid(source, question);
            if question.kind == QuestionKind::Open {
                out.push(CodableQuestion {
                    source: s,
                    source_id: source.entry.id.clone(),
                    question: q,
                    id: question.id.clone(),
                    qid,
                    text: question.text.clone(),
                    interview,
                    answers: question.n,
                });
            } else if !question.other.is_empty() {
                let respondents: BTreeSet<u32> = question.other.iter().map(|(r, _)| *r).collect();
                out.push(CodableQuestion {
                    source: s,
                    source_id: source.entry.id.clone(),
                    question: q,
                    id: format!("{}{OTHER_SUFFIX}", question.id),
                    qid: format!("{qid}{OTHER_SUFFIX}"),
                    text: format!("{} (Autre)", question.text),
                    interview,
                    answers: respondents.len(),
                });
            }
        }
    }
    out
}

/// The text of one respondent's answer to a codable question (`id` as [`CodableQuestion::id`]).
pub fn answer_text<'a>(
    evaluation: &'a Evaluation,
    source: &str,
    id: &str,
    respondent: u32,
) -> Option<&'a str> {
    let source = evaluation.sources.iter().find(|s| s.entry.id == source)?;
    if let Some(base) = id.strip_suffix(OTHER_SUFFIX) {
        let question = source.survey.questions.iter().find(|q| q.id == base)?;
        return question
            .other
            .iter()
            .find(|(r, _)| *r == respondent)
            .map(|(_, t)| t.as_str());
    }
    let question = source.survey.questions.iter().find(|q| q.id == id)?;
    match &question.items.first()?.values {
        Values::Texts(texts) => texts.get(respondent as usize)?.as_deref(),
        _ => None,
    }
}

/// Characters `start..end` of `text`, or all of it when `span` is `None`.
pub fn slice(text: &str, span: Option<(u32, u32)>) -> &str {
    let Some((start, end)) = span else {
        return text;
    };
    let byte = |n: u32| {
        text.char_indices()
            .nth(n as usize)
            .map_or(text.len(), |(b, _)| b)
    };
    let (a, b) = (byte(start), byte(end.max(start)));
    &text[a..b]
}

/// A coded passage retrieved with where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// The coding's id.
    pub coding: u64,
    /// Its code.
    pub code: CodeId,
    /// The passage's text.
    pub quote: String,
    /// Where it comes from: the questionnaire and question, or the note's title.
    pub source: String,
    /// Who spoke: the respondents' group, or the roles met in the note.
    pub speaker: String,
    /// The visited site, if known (index in the manifest's sites).
    pub site: Option<usize>,
    /// The coder.
    pub coder: String,
}

/// Where one coding comes from, and its text.
pub fn segment(evaluation: &Evaluation, coding: &Coding) -> Option<Segment> {
    match &coding.anchor {
        Anchor::Answer {
            source,
            question,
            respondent,
            span,
        } => {
            let src = evaluation.sources.iter().find(|s| &s.entry.id == source)?;
            let text = answer_text(evaluation, source, question, *respondent)?;
            let base = question.strip_suffix(OTHER_SUFFIX).unwrap_or(question);
            let question_text = src
                .survey
                .questions
                .iter()
                .find(|q| q.id == base)
                .map_or_else(String::new, |q| crate::figures::short_text(&q.text));
            let group = if src.group_label.is_empty() {
                src.survey.raw.file_name.clone()
            } else {
                src.group_label.clone()
            };
            Some(Segment {
                coding: coding.id,
                code: coding.code,
                quote: slice(text, *span).to_owned(),
                source: format!("{group} · {question_text}"),
                speaker: if src.entry.role.is_empty() {
                    group
                } else {
                    src.entry.role.clone()
                },
                site: src
                    .site_of_respondent
                    .get(*respondent as usize)
                    .copied()
                    .flatten(),
                coder: coding.coder.clone(),
            })
        }
        Anchor::Note { file, start, end } => {
            let note = evaluation.notes.iter().find(|n| &n.entry.file == file)?;
            let full = note.text.full_text();
            Some(Segment {
                coding: coding.id,
                code: coding.code,
                quote: slice(&full, Some((*start, *end))).trim().to_owned(),
                source: note.entry.title.clone(),
                speaker: note.entry.roles.join(", "),
                site: Some(note.site),
                coder: coding.coder.clone(),
            })
        }
    }
}

/// The segments coded with `code` (and, when `below`, with the codes under it), in the
/// order they were coded.
pub fn segments(evaluation: &Evaluation, code: CodeId, below: bool) -> Vec<Segment> {
    let work = &evaluation.coding;
    let codes: Vec<CodeId> = if below {
        work.codebook.subtree(code)
    } else {
        vec![code]
    };
    work.codings
        .values()
        .filter(|c| codes.contains(&c.code))
        .filter_map(|c| segment(evaluation, c))
        .collect()
}

/// What the matrix's columns are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatrixBy {
    /// Respondent groups (questionnaires), and the site-visit notes as one column.
    Group,
    /// Visited sites.
    Site,
}

/// Codes × groups (or sites): how many respondents or documents have each code, each once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    /// The rows: codes in codebook order (those with at least one coding).
    pub codes: Vec<CodeId>,
    /// The columns' labels.
    pub columns: Vec<String>,
    /// `counts[row][column]`: respondents (answers) or documents (notes) with the code.
    pub counts: Vec<Vec<usize>>,
    /// The codings behind each cell, to open its segments.
    pub codings: Vec<Vec<Vec<u64>>>,
}

/// The codes × groups (or × sites) matrix of the evaluation's coding.
pub fn matrix(evaluation: &Evaluation, work: &CodingWork, by: MatrixBy) -> Matrix {
    let mut columns: Vec<String> = match by {
        MatrixBy::Group => {
            let mut labels: Vec<String> = Vec::new();
            for s in &evaluation.sources {
                let label = if s.group_label.is_empty() {
                    s.survey.raw.file_name.clone()
                } else {
                    s.group_label.clone()
                };
                if !labels.contains(&label) {
                    labels.push(label);
                }
            }
            labels.push("Notes de visite".to_owned());
            labels
        }
        MatrixBy::Site => evaluation
            .manifest
            .sites
            .iter()
            .map(|s| s.name.clone())
            .collect(),
    };
    let column_of = |coding: &Coding| -> Option<usize> {
        match (&coding.anchor, by) {
            (Anchor::Answer { source, .. }, MatrixBy::Group) => {
                let s = evaluation.sources.iter().find(|s| &s.entry.id == source)?;
                let label = if s.group_label.is_empty() {
                    &s.survey.raw.file_name
                } else {
                    &s.group_label
                };
                columns.iter().position(|c| c == label)
            }
            (Anchor::Note { .. }, MatrixBy::Group) => Some(columns.len() - 1),
            (
                Anchor::Answer {
                    source, respondent, ..
                },
                MatrixBy::Site,
            ) => {
                let s = evaluation.sources.iter().find(|s| &s.entry.id == source)?;
                s.site_of_respondent
                    .get(*respondent as usize)
                    .copied()
                    .flatten()
            }
            (Anchor::Note { file, .. }, MatrixBy::Site) => evaluation
                .notes
                .iter()
                .find(|n| &n.entry.file == file)
                .map(|n| n.site),
        }
    };
    // Who is counted once per cell: a respondent of a source, or a note.
    let unit = |coding: &Coding| -> String {
        match &coding.anchor {
            Anchor::Answer {
                source, respondent, ..
            } => format!("{source}#{respondent}"),
            Anchor::Note { file, .. } => file.clone(),
        }
    };
    let order: Vec<CodeId> = work
        .codebook
        .in_order()
        .into_iter()
        .map(|(c, _)| c.id)
        .collect();
    let mut cells: HashMap<(CodeId, usize), (BTreeSet<String>, Vec<u64>)> = HashMap::new();
    for coding in work.codings.values() {
        if let Some(column) = column_of(coding) {
            let cell = cells.entry((coding.code, column)).or_default();
            cell.0.insert(unit(coding));
            cell.1.push(coding.id);
        }
    }
    let codes: Vec<CodeId> = order
        .into_iter()
        .filter(|id| cells.keys().any(|(c, _)| c == id))
        .collect();
    if by == MatrixBy::Group && !cells.keys().any(|(_, col)| *col == columns.len() - 1) {
        columns.pop();
    }
    let counts = codes
        .iter()
        .map(|code| {
            (0..columns.len())
                .map(|col| cells.get(&(*code, col)).map_or(0, |c| c.0.len()))
                .collect()
        })
        .collect();
    let codings = codes
        .iter()
        .map(|code| {
            (0..columns.len())
                .map(|col| {
                    cells
                        .get(&(*code, col))
                        .map_or_else(Vec::new, |c| c.1.clone())
                })
                .collect()
        })
        .collect();
    Matrix {
        codes,
        columns,
        counts,
        codings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_slices_characters_not_bytes() {
        let text = "Élodie a dû œuvrer 🚌 vite";
        assert_eq!(slice(text, Some((0, 6))), "Élodie");
        assert_eq!(slice(text, Some((12, 18))), "œuvrer");
        assert_eq!(slice(text, Some((19, 20))), "🚌");
        assert_eq!(slice(text, Some((23, 99))), "te");
        assert_eq!(slice(text, None), text);
    }
}
