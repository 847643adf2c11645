//! What `atelier inspect` prints: a survey's questions as JSON or as a readable table.
//!
//! The JSON shape is a contract (DESIGN.md §3): other tools read it.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::model::Survey;
use crate::model::{Question, QuestionKind, Values};

/// The `inspect --json` object for a survey.
pub fn to_json(survey: &Survey) -> Value {
    let raw = &survey.raw;
    let mut object = json!({
        "file": raw.file_name,
        "layout": survey.layout().id(),
        "format": raw.format.name(),
        "rows": survey.respondents(),
        "questions": survey.questions.iter().map(question_json).collect::<Vec<_>>(),
        "metadata_columns": survey.metadata_columns(),
        "personal_columns": survey.personal_columns().into_iter().map(|(h, _)| h).collect::<Vec<_>>(),
        "warnings": survey.warnings,
    });
    if let Some(encoding) = raw.encoding {
        object["encoding"] = json!(encoding);
    }
    if let Some(sheet) = &raw.sheet {
        object["sheet"] = json!(sheet);
        object["sheets"] = json!(raw.sheets);
    }
    object
}

fn options_json(question: &Question, counts: &[usize]) -> Vec<Value> {
    question
        .labels
        .iter()
        .zip(counts)
        .filter(|(_, count)| **count > 0 || question.is_ordered())
        .map(|(label, count)| json!({"label": label, "count": count}))
        .collect()
}

/// One question as `inspect --json` lists it.
pub fn question_json(question: &Question) -> Value {
    let mut q = json!({
        "id": question.id,
        "text": question.text,
        "kind": question.kind.id(),
        "columns": question.columns,
        "n": question.n,
    });
    match question.kind {
        QuestionKind::Single | QuestionKind::Multiple => {
            if let Some(item) = question.items.first() {
                q["options"] = json!(options_json(question, &question.label_counts(item)));
            }
            if question.is_ordered() {
                q["scale"] = json!(question.scale());
            }
        }
        QuestionKind::Likert => {
            q["scale"] = json!(question.scale());
            let items: Vec<Value> = question
                .items
                .iter()
                .map(|item| {
                    json!({
                        "label": item.label,
                        "n": Question::item_n(item),
                        "options": options_json(question, &question.label_counts(item)),
                    })
                })
                .collect();
            if let [only] = question.items.as_slice() {
                q["options"] = json!(options_json(question, &question.label_counts(only)));
            }
            q["items"] = json!(items);
        }
        QuestionKind::Numeric => {
            if let Some(mean) = question.mean() {
                q["mean"] = json!((mean * 1000.0).round() / 1000.0);
            }
            let mut xs: Vec<f64> = numbers(question).collect();
            xs.sort_by(f64::total_cmp);
            if let (Some(min), Some(max)) = (xs.first(), xs.last()) {
                q["min"] = json!(min);
                q["max"] = json!(max);
            }
        }
        QuestionKind::Date => {
            let mut days: Vec<i32> = question
                .items
                .iter()
                .flat_map(|i| match &i.values {
                    Values::Dates(d) => d.iter().flatten().copied().collect(),
                    _ => Vec::new(),
                })
                .collect();
            days.sort_unstable();
            if let (Some(first), Some(last)) = (days.first(), days.last()) {
                q["min"] = json!(crate::model::cell::format_date(*first));
                q["max"] = json!(crate::model::cell::format_date(*last));
            }
        }
        QuestionKind::Open => {}
    }
    if !question.other.is_empty() {
        q["other"] = json!(question.other.len());
    }
    q
}

fn numbers(question: &Question) -> impl Iterator<Item = f64> + '_ {
    question.items.iter().flat_map(|i| match &i.values {
        Values::Numbers(xs) => xs
            .iter()
            .copied()
            .filter(|x| !x.is_nan())
            .collect::<Vec<_>>(),
        _ => Vec::new(),
    })
}

/// French name of a question kind, for people.
pub fn kind_label(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "choix unique",
        QuestionKind::Multiple => "choix multiple",
        QuestionKind::Likert => "échelle (Likert)",
        QuestionKind::Numeric => "numérique",
        QuestionKind::Open => "texte libre",
        QuestionKind::Date => "date",
    }
}

/// The readable report of `atelier inspect` without `--json`.
pub fn to_text(survey: &Survey) -> String {
    let raw = &survey.raw;
    let mut out = String::new();
    let _ = writeln!(out, "Fichier      {}", raw.file_name);
    let _ = writeln!(
        out,
        "Format       {}{}",
        raw.format.name(),
        raw.sheet
            .as_ref()
            .map(|s| format!(" (feuille « {s} »)"))
            .unwrap_or_default()
    );
    if let Some(encoding) = raw.encoding {
        let _ = writeln!(out, "Encodage     {encoding}");
    }
    let _ = writeln!(out, "Outil        {}", survey.layout().label());
    let _ = writeln!(out, "Répondants   {}", survey.respondents());
    let _ = writeln!(out, "Questions    {}", survey.questions.len());
    if !survey.plan.metadata.is_empty() {
        let _ = writeln!(
            out,
            "Gestion      {}",
            survey.metadata_columns().join(" · ")
        );
    }
    for (heading, kind) in survey.personal_columns() {
        let _ = writeln!(
            out,
            "Personnel    {heading} ({}, pseudonymisé)",
            kind.label_fr()
        );
    }
    let _ = writeln!(out);
    for q in &survey.questions {
        let _ = writeln!(
            out,
            "{:<10} {:<18} n={:<6} {}",
            q.id,
            kind_label(q.kind),
            q.n,
            q.text
        );
        match q.kind {
            QuestionKind::Likert => {
                let _ = writeln!(out, "{:>12}échelle : {}", "", q.scale().join(" > "));
                for item in &q.items {
                    let counts = q.label_counts(item);
                    let shown: Vec<String> = counts.iter().map(|c| c.to_string()).collect();
                    let label = if item.label.is_empty() {
                        "(réponses)"
                    } else {
                        item.label.as_str()
                    };
                    let _ = writeln!(out, "{:>12}{label} : {}", "", shown.join(" / "));
                }
            }
            QuestionKind::Single | QuestionKind::Multiple => {
                if let Some(item) = q.items.first() {
                    for (label, count) in q.labels.iter().zip(q.label_counts(item)) {
                        let _ = writeln!(out, "{:>12}{count:>6}  {label}", "");
                    }
                }
            }
            QuestionKind::Numeric => {
                if let Some(mean) = q.mean() {
                    let _ = writeln!(out, "{:>12}moyenne {:.2}", "", mean);
                }
            }
            QuestionKind::Open | QuestionKind::Date => {}
        }
        if !q.other.is_empty() {
            let _ = writeln!(out, "{:>12}{:>6}  autre (texte libre)", "", q.other.len());
        }
    }
    if !survey.warnings.is_empty() {
        let _ = writeln!(out, "\nAvertissements");
        for w in &survey.warnings {
            let place = match (&w.row, &w.column) {
                (Some(r), Some(c)) => format!("ligne {r}, « {c} » : "),
                (None, Some(c)) => format!("« {c} » : "),
                (Some(r), None) => format!("ligne {r} : "),
                (None, None) => String::new(),
            };
            let _ = writeln!(out, "  - {place}{}", w.message);
        }
    }
    out
}

/// The `questions --json` object: `{"questions": [{"id", "source", "group", "text", "kind", "n"}]}`.
/// `source` names the file; `group` is the respondent group when an evaluation gives one.
pub fn questions_json(survey: &Survey, group: Option<&str>) -> Value {
    let source = survey.raw.file_name.as_str();
    json!({
        "questions": survey.questions.iter().map(|q| json!({
            "id": q.id,
            "source": source,
            "group": group,
            "text": q.text,
            "kind": q.kind.id(),
            "n": q.n,
        })).collect::<Vec<_>>()
    })
}

/// The `questions --json` object for an evaluation (or a single file), in questionnaire
/// order: `{"questions": [{"id", "source", "group", "text", "kind", "n"}]}`.
pub fn evaluation_questions_json(evaluation: &crate::model::Evaluation) -> Value {
    let mut list = Vec::new();
    for source in &evaluation.sources {
        let group = (!source.entry.group.is_empty()).then_some(source.entry.group.as_str());
        let source_id = if evaluation.is_single_file() {
            source.survey.raw.file_name.as_str()
        } else {
            source.entry.id.as_str()
        };
        for q in &source.survey.questions {
            list.push(json!({
                "id": evaluation.qid(source, q),
                "source": source_id,
                "group": group,
                "text": q.text,
                "kind": q.kind.id(),
                "n": q.n,
            }));
        }
    }
    json!({ "questions": list })
}
