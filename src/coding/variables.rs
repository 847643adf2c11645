//! Coded answers as variables: each coded question (an open question, the free « Autre »
//! texts of a closed one, an interview field) becomes a question of its own, id
//! `SOURCE.QUESTION.codes`, kind multiple choice, whose options are the codes applied to its
//! answers (a respondent counts once per code, whoever coded it). It is listed, charted,
//! tabled and compared by group like any other question, with the same intervals, tests and
//! disclosure control.
//!
//! These questions are derived: they are appended to their source's questions after the
//! real ones whenever the evaluation or its coding changes, and never stored.

use std::collections::BTreeMap;

use super::query;
use crate::model::coding::{Anchor, CodeId};
use crate::model::{Evaluation, Item, Question, QuestionKind, Values};

/// The suffix of a coded question's id.
pub const SUFFIX: &str = ".codes";

/// Most codes one coded question can show (one bit each); the least used are left out.
const MAX_CODES: usize = crate::model::MAX_OPTIONS;

/// Whether a question is a coded question made here (it has no column of its own).
pub fn is_coded(question: &Question) -> bool {
    question.columns.is_empty() && question.id.ends_with(SUFFIX)
}

/// Replace every source's coded questions by those its coding gives now.
pub fn refresh(evaluation: &mut Evaluation) {
    for source in &mut evaluation.sources {
        source.survey.questions.retain(|q| !is_coded(q));
    }
    // Respondents with each code, by (source id, coded id).
    let mut coded: BTreeMap<(String, String), BTreeMap<CodeId, Vec<u32>>> = BTreeMap::new();
    for coding in evaluation.coding.codings.values() {
        if let Anchor::Answer {
            source,
            question,
            respondent,
            ..
        } = &coding.anchor
        {
            coded
                .entry((source.clone(), question.clone()))
                .or_default()
                .entry(coding.code)
                .or_default()
                .push(*respondent);
        }
    }
    if coded.is_empty() {
        return;
    }
    let order: Vec<CodeId> = evaluation
        .coding
        .codebook
        .in_order()
        .into_iter()
        .map(|(c, _)| c.id)
        .collect();
    let codable = query::codable_questions(evaluation);
    for question in codable {
        let Some(by_code) = coded.get(&(question.source_id.clone(), question.id.clone())) else {
            continue;
        };
        let mut codes: Vec<(CodeId, usize)> = by_code
            .iter()
            .map(|(code, respondents)| (*code, respondents.len()))
            .filter(|(code, _)| evaluation.coding.codebook.get(*code).is_some())
            .collect();
        // The most used codes when there are too many; then codebook order.
        codes.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        codes.truncate(MAX_CODES);
        codes.sort_by_key(|(code, _)| order.iter().position(|c| c == code));
        let source = &evaluation.sources[question.source];
        let n = source.survey.respondents();
        let mut ticks = vec![0u64; n];
        for (bit, (code, _)) in codes.iter().enumerate() {
            for &r in &by_code[code] {
                if let Some(t) = ticks.get_mut(r as usize) {
                    *t |= 1 << bit;
                }
            }
        }
        let labels: Vec<String> = codes
            .iter()
            .filter_map(|(code, _)| evaluation.coding.codebook.get(*code))
            .map(|c| c.name.clone())
            .collect();
        let answered = ticks.iter().filter(|&&t| t != 0).count();
        let base = &source.survey.questions[question.question];
        let variable = Question {
            id: format!("{}{SUFFIX}", question.id),
            text: format!("{} (codes)", base.text),
            kind: QuestionKind::Multiple,
            columns: Vec::new(),
            labels,
            scale_len: 0,
            items: vec![Item {
                label: String::new(),
                values: Values::Ticks(ticks),
            }],
            other: Vec::new(),
            n: answered,
        };
        evaluation.sources[question.source]
            .survey
            .questions
            .push(variable);
    }
}
