//! A survey export understood: layout, questions, bookkeeping and personal columns.
//!
//! [`Survey::from_raw`] runs the whole second stage of import on a [`RawTable`]: layout
//! detection, personal data detection and pseudonymisation, kind inference and building.
//! The evaluator's corrections ([`Correction`]) rebuild a question from the same cells.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use calamine::Data;

use super::layout;
use super::privacy::{self, Pseudonymiser};
use super::questions;
use super::read;
use crate::model::PseudonymKey;
use crate::model::RawTable;
use crate::model::cell::cell_text;
use crate::model::{Correction, ImportError, Survey};
use crate::model::{Plan, QuestionSpec};
use crate::model::{Question, Warning};
use crate::progress::Progress;

impl Survey {
    /// Read a file and understand it.
    pub fn open(
        path: &Path,
        sheet: Option<&str>,
        progress: &dyn Progress,
    ) -> Result<Survey, ImportError> {
        let raw = read::read_path(path, sheet, progress)?;
        let file = raw.file_name.clone();
        progress.report(0.9, "Analyse des questions");
        if progress.cancelled() {
            return Err(ImportError::Cancelled { file });
        }
        Ok(Survey::from_raw(raw, &crate::model::PseudonymKey::random()))
    }

    /// Understand a table already read.
    pub fn from_raw(mut raw: RawTable, key: &PseudonymKey) -> Survey {
        let pseudonymiser = &Pseudonymiser::new(key);
        let layout = layout::detect(&raw);
        let mut plan = layout::plan(&raw, layout);
        let respondent_rows: Vec<usize> = (plan.header_rows..raw.height())
            .filter(|&r| raw.row(r).iter().any(crate::model::cell::has_value))
            .collect();
        let mut warnings = std::mem::take(&mut raw.warnings);
        let blank = raw.height().saturating_sub(plan.header_rows) - respondent_rows.len();
        if blank > 0 {
            warnings.push(Warning::file(format!(
                "{blank} ligne(s) vide(s) ignorée(s)"
            )));
        }
        find_personal_by_content(&raw, &respondent_rows, &mut plan);
        dedupe_ids(&mut plan.questions);
        pseudonymise(&mut raw, &respondent_rows, &plan, pseudonymiser);

        let mut survey = Survey {
            raw,
            plan,
            respondent_rows,
            questions: Vec::new(),
            inferred: Vec::new(),
            corrections: BTreeMap::new(),
            warnings,
        };
        // Questions are independent: build them on every core, keeping questionnaire order.
        let built = build_all(&survey.raw, &survey.respondent_rows, &survey.plan);
        for (inference, question, warnings) in built {
            survey.inferred.push(inference);
            survey.questions.push(question);
            survey.warnings.extend(warnings);
        }
        survey
    }

    /// Apply (or, with `Correction::default()`, withdraw) the evaluator's correction of one
    /// question, rebuilding it from the cells. Returns the correction it replaced (the
    /// default when there was none), or `None` when there is no such question.
    pub fn correct(&mut self, question: usize, correction: Correction) -> Option<Correction> {
        let spec: &QuestionSpec = self.plan.questions.get(question)?;
        let inferred = &self.inferred[question];
        let kind = correction.kind.unwrap_or(inferred.kind);
        let scale = correction.scale.as_deref().or(if kind == inferred.kind {
            inferred.scale.as_deref()
        } else {
            None
        });
        let mut warnings = Vec::new();
        let rebuilt = questions::build(
            &self.raw,
            &self.respondent_rows,
            spec,
            self.plan.layout,
            kind,
            scale,
            &mut warnings,
        );
        self.questions[question] = rebuilt;
        let id = spec.id.clone();
        let previous = if correction == Correction::default() {
            self.corrections.remove(&id)
        } else {
            self.corrections.insert(id, correction)
        };
        Some(previous.unwrap_or_default())
    }
}

/// One question as built: what was inferred, the question, the warnings met.
type Built = (crate::model::Inference, Question, Vec<Warning>);

/// Infer and build every question of the plan, in parallel on the machine's cores.
fn build_all(raw: &RawTable, rows: &[usize], plan: &Plan) -> Vec<Built> {
    let one = |spec: &QuestionSpec| {
        let (inference, interned) = questions::infer_interned(raw, rows, spec, plan.layout);
        let mut warnings = Vec::new();
        let question = questions::build_with(
            raw,
            rows,
            spec,
            plan.layout,
            inference.kind,
            inference.scale.as_deref(),
            &mut warnings,
            interned,
        );
        (inference, question, warnings)
    };
    if plan.questions.len() < 2 || rows.len() < 2_000 {
        return plan.questions.iter().map(one).collect();
    }
    // Batteries cost more than single columns: each core takes the next question.
    crate::parallel::each_index(
        "atelier-questions",
        plan.questions.len(),
        |_| false,
        |i| one(&plan.questions[i]),
    )
    .into_iter()
    .zip(&plan.questions)
    // Left by a worker that failed: built here, so that any bug shows once.
    .map(|(built, spec)| built.unwrap_or_else(|| one(spec)))
    .collect()
}

/// Columns whose values are mostly e-mails, phone numbers or IPs are personal, whatever
/// their heading says.
fn find_personal_by_content(raw: &RawTable, rows: &[usize], plan: &mut Plan) {
    let sample: Vec<usize> = rows.iter().copied().take(200).collect();
    let mut moved: HashSet<usize> = HashSet::new();
    for spec in &plan.questions {
        for &column in spec.columns.iter().chain(spec.other.iter()) {
            let texts: Vec<String> = sample
                .iter()
                .filter_map(|&r| cell_text(raw.cell(r, column)))
                .map(|t| t.into_owned())
                .collect();
            if let Some(kind) = privacy::personal_by_content(texts.iter().map(String::as_str)) {
                moved.insert(column);
                plan.personal.push((column, kind));
            }
        }
    }
    if moved.is_empty() {
        return;
    }
    for spec in &mut plan.questions {
        let keep: Vec<(usize, String)> = spec
            .columns
            .iter()
            .zip(&spec.items)
            .filter(|(c, _)| !moved.contains(c))
            .map(|(c, i)| (*c, i.clone()))
            .collect();
        spec.columns = keep.iter().map(|(c, _)| *c).collect();
        spec.items = keep.into_iter().map(|(_, i)| i).collect();
        if spec.other.is_some_and(|o| moved.contains(&o)) {
            spec.other = None;
        }
    }
    plan.questions.retain(|s| !s.columns.is_empty());
    plan.personal.sort_by_key(|&(c, _)| c);
}

/// Question ids must be unique within a source: repeated ones get `_2`, `_3`, …
fn dedupe_ids(specs: &mut [QuestionSpec]) {
    let mut seen: HashSet<String> = HashSet::new();
    for spec in specs {
        if !seen.insert(spec.id.clone()) {
            let mut k = 2;
            while seen.contains(&format!("{}_{k}", spec.id)) {
                k += 1;
            }
            spec.id = format!("{}_{k}", spec.id);
            seen.insert(spec.id.clone());
        }
    }
}

/// Replace every personal value by its pseudonym, in place, so that nothing downstream
/// (grid, charts, exports, logs) can show it.
fn pseudonymise(raw: &mut RawTable, rows: &[usize], plan: &Plan, pseudonymiser: &Pseudonymiser) {
    // E-mails, phone numbers and IPs typed into answers are masked in the cells themselves.
    let answer_columns: HashSet<usize> = plan
        .questions
        .iter()
        .flat_map(|s| s.columns.iter().chain(s.other.iter()))
        .copied()
        .collect();
    let mut answer_columns: Vec<usize> = answer_columns.into_iter().collect();
    answer_columns.sort_unstable();
    // Row by row: the cells and their texts are then read in the order they were stored.
    for &r in rows {
        for &column in &answer_columns {
            if let Data::String(text) = raw.cell(r, column)
                && let std::borrow::Cow::Owned(masked) = privacy::redact_text(text)
            {
                raw.cells[(r, column)] = Data::String(masked);
            }
        }
    }
    for &(column, kind) in &plan.personal {
        for &r in rows {
            let Some(text) = cell_text(raw.cell(r, column)).map(|t| t.into_owned()) else {
                continue;
            };
            if let Some(cell) = raw.cells.get((r, column))
                && !matches!(cell, Data::Empty)
            {
                let pseudonym = pseudonymiser.pseudonym(kind, &text);
                raw.cells[(r, column)] = Data::String(pseudonym);
            }
        }
    }
}
