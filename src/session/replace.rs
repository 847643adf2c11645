//! A later wave of a questionnaire in place of the earlier one: what changed between the two
//! exports (respondents added and gone, answers changed per question), and the evaluator's
//! corrections carried over, question by question.
//!
//! Respondents are matched by the export's respondent id (LimeSurvey's `id`, SurveyMonkey's
//! `Respondent ID`, Kobo's `_uuid`…); an export without one is compared row by row, and
//! the account says so.

use std::collections::{BTreeMap, HashMap};

use crate::coding::changes::CodingChange;
use crate::model::cell::cell_text;
use crate::model::coding::{Anchor, CodingWork};
use crate::model::french::key;
use crate::model::{Correction, Survey};

/// Headings of respondent-id columns, folded with [`key`].
const ID_HEADINGS: &[&str] = &[
    "id",
    "response id",
    "respondent id",
    "id de la reponse",
    "id de reponse",
    "identifiant de la reponse",
    "identifiant",
    "_uuid",
    "_id",
    "uuid",
];

/// How respondents of the two exports were matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Matching {
    /// By the respondent-id column with this heading.
    Id(String),
    /// Row by row: the exports have no respondent id.
    Row,
}

/// What changed from one export of a questionnaire to a newer one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaveAccount {
    /// How respondents were matched.
    pub matching: Matching,
    /// Respondents in both exports.
    pub kept: usize,
    /// Respondents only in the newer export.
    pub added: usize,
    /// Respondents only in the earlier export.
    pub removed: usize,
    /// For each question in both, with at least one change: its id, its text, and how many
    /// respondents of both exports answered it differently.
    pub changed: Vec<(String, String, usize)>,
    /// Questions only in the newer export (ids).
    pub new_questions: Vec<String>,
    /// Questions only in the earlier export (ids).
    pub gone_questions: Vec<String>,
}

impl WaveAccount {
    /// The account in one line, for the status line and the journal.
    pub fn summary(&self) -> String {
        let changed: usize = self.changed.iter().map(|(_, _, n)| n).sum();
        let mut text = format!(
            "{} répondant(s) ajouté(s), {} retiré(s), {} réponse(s) modifiée(s) dans {} question(s)",
            self.added,
            self.removed,
            changed,
            self.changed.len()
        );
        if !self.new_questions.is_empty() {
            text.push_str(&format!(
                ", {} nouvelle(s) question(s)",
                self.new_questions.len()
            ));
        }
        if !self.gone_questions.is_empty() {
            text.push_str(&format!(
                ", {} question(s) disparue(s)",
                self.gone_questions.len()
            ));
        }
        if self.matching == Matching::Row {
            text.push_str(" (sans identifiant de répondant : comparaison rang par rang)");
        }
        text
    }
}

/// The respondent-id column of a survey, with its heading.
fn id_column(survey: &Survey) -> Option<(usize, String)> {
    survey
        .plan
        .metadata
        .iter()
        .chain(survey.plan.questions.iter().flat_map(|q| q.columns.iter()))
        .map(|&c| (c, survey.plan.headings.get(c).cloned().unwrap_or_default()))
        .find(|(_, heading)| ID_HEADINGS.contains(&key(heading).as_str()))
}

/// Each respondent's id, in respondent order.
fn ids(survey: &Survey, column: usize) -> Vec<String> {
    survey
        .respondent_rows
        .iter()
        .map(|&r| {
            cell_text(survey.raw.cell(r, column))
                .map(|t| t.into_owned())
                .unwrap_or_default()
        })
        .collect()
}

/// A respondent's answer to a question, as text (every column of the question joined).
fn answer(survey: &Survey, question: usize, respondent: usize) -> String {
    let spec = &survey.plan.questions[question];
    let row = survey.respondent_rows[respondent];
    let mut text = String::new();
    for &column in spec.columns.iter().chain(spec.other.iter()) {
        if let Some(t) = cell_text(survey.raw.cell(row, column)) {
            text.push_str(&t);
        }
        text.push('\u{1f}');
    }
    text
}

/// Respondents of both exports, as (earlier, newer) pairs, with respondents only in the
/// newer and only in the earlier one.
fn pair(old: &Survey, new: &Survey) -> (Matching, Vec<(usize, usize)>, usize, usize) {
    match (id_column(old), id_column(new)) {
        (Some((old_column, heading)), Some((new_column, _))) => {
            let old_ids = ids(old, old_column);
            let new_ids = ids(new, new_column);
            let index: HashMap<&str, usize> = old_ids
                .iter()
                .enumerate()
                .filter(|(_, id)| !id.is_empty())
                .map(|(i, id)| (id.as_str(), i))
                .collect();
            let mut pairs = Vec::new();
            let mut added = 0;
            for (j, id) in new_ids.iter().enumerate() {
                match index.get(id.as_str()) {
                    Some(&i) => pairs.push((i, j)),
                    None => added += 1,
                }
            }
            let removed = old_ids.len() - pairs.len();
            (Matching::Id(heading), pairs, added, removed)
        }
        _ => {
            let (n_old, n_new) = (old.respondents(), new.respondents());
            let pairs: Vec<(usize, usize)> = (0..n_old.min(n_new)).map(|i| (i, i)).collect();
            (
                Matching::Row,
                pairs,
                n_new.saturating_sub(n_old),
                n_old.saturating_sub(n_new),
            )
        }
    }
}

/// Compare an export of a questionnaire with a newer one.
pub fn compare(old: &Survey, new: &Survey) -> WaveAccount {
    let (matching, pairs, added, removed) = pair(old, new);
    let old_questions: HashMap<&str, usize> = old
        .plan
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let mut changed = Vec::new();
    let mut new_questions = Vec::new();
    for (j, spec) in new.plan.questions.iter().enumerate() {
        let Some(&i) = old_questions.get(spec.id.as_str()) else {
            new_questions.push(spec.id.clone());
            continue;
        };
        let differing = pairs
            .iter()
            .filter(|&&(a, b)| answer(old, i, a) != answer(new, j, b))
            .count();
        if differing > 0 {
            changed.push((spec.id.clone(), spec.text.clone(), differing));
        }
    }
    let gone_questions = old
        .plan
        .questions
        .iter()
        .filter(|q| !new.plan.questions.iter().any(|n| n.id == q.id))
        .map(|q| q.id.clone())
        .collect();
    WaveAccount {
        matching,
        kept: pairs.len(),
        added,
        removed,
        changed,
        new_questions,
        gone_questions,
    }
}

/// The codings of source `source` carried from an earlier export to a newer one: each
/// follows its respondent (matched as [`compare`] matches them); a coding whose answer
/// changed, or whose respondent is gone, is kept and flagged for review.
pub fn carry_codings(work: &CodingWork, source: &str, old: &Survey, new: &Survey) -> CodingChange {
    let (_, pairs, _, _) = pair(old, new);
    let newer: HashMap<usize, usize> = pairs.into_iter().collect();
    let mut change = CodingChange {
        label: "Codages reportés sur la nouvelle version".to_owned(),
        ..CodingChange::default()
    };
    for coding in work.codings.values() {
        let Anchor::Answer {
            source: s,
            question,
            respondent,
            span,
        } = &coding.anchor
        else {
            continue;
        };
        if s != source {
            continue;
        }
        let mut carried = coding.clone();
        let before = text_answer(old, question, *respondent as usize);
        match newer.get(&(*respondent as usize)) {
            Some(&j) => {
                let after = text_answer(new, question, j);
                if before != after {
                    carried.review =
                        Some("la réponse a changé dans la nouvelle version : à relire".to_owned());
                }
                let length = after.map_or(0, |t| t.chars().count() as u32);
                carried.anchor = Anchor::Answer {
                    source: s.clone(),
                    question: question.clone(),
                    respondent: j as u32,
                    span: span.filter(|(_, end)| *end <= length),
                };
            }
            None => {
                carried.review = Some(format!(
                    "le répondant n° {} n'est plus dans la nouvelle version",
                    respondent + 1
                ));
                carried.anchor = Anchor::Answer {
                    source: s.clone(),
                    question: question.clone(),
                    respondent: GONE,
                    span: *span,
                };
            }
        }
        if carried != *coding {
            change.put_codings.push(carried);
        }
    }
    change
}

/// The respondent of a coding whose respondent is gone from the newer export.
pub const GONE: u32 = u32::MAX;

/// A respondent's text answer to a codable question of a survey (its id, or its id with
/// `.autre` for the free « Autre » texts).
fn text_answer<'a>(survey: &'a Survey, question: &str, respondent: usize) -> Option<&'a str> {
    if let Some(base) = question.strip_suffix(crate::coding::query::OTHER_SUFFIX) {
        let q = survey.questions.iter().find(|q| q.id == base)?;
        return q
            .other
            .iter()
            .find(|(r, _)| *r as usize == respondent)
            .map(|(_, t)| t.as_str());
    }
    let q = survey.questions.iter().find(|q| q.id == question)?;
    match &q.items.first()?.values {
        crate::model::Values::Texts(texts) => texts.get(respondent)?.as_deref(),
        _ => None,
    }
}

/// Give `survey` exactly `corrections` (by question id): those of questions it has are
/// applied, and any other correction it had is withdrawn.
pub fn keep_corrections(survey: &mut Survey, corrections: &BTreeMap<String, Correction>) {
    let had: Vec<String> = survey.corrections.keys().cloned().collect();
    for id in had {
        if !corrections.contains_key(&id)
            && let Some(index) = survey.questions.iter().position(|q| q.id == id)
        {
            survey.correct(index, Correction::default());
        }
    }
    for (id, correction) in corrections {
        if let Some(index) = survey.questions.iter().position(|q| &q.id == id)
            && survey.corrections.get(id) != Some(correction)
        {
            survey.correct(index, correction.clone());
        }
    }
}
