//! From a column plan and cells to questions with answers: kind inference and building.
//!
//! [`infer`] looks at the values of a [`QuestionSpec`]'s columns and proposes a kind and,
//! for ordered answers, a scale; [`build`] reads the answers for a given kind, so that the
//! evaluator's corrections (another kind, another scale order) rebuild the same way.
//!
//! Both read a question's cells once ([`Interned`]): each distinct answer is looked at once
//! (its number, its date, its scale, whether it ticks a box, how it splits into options),
//! and each cell becomes a code. A hundred thousand answers to a closed question are a few
//! distinct labels; only open text has as many distinct answers as cells.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use calamine::Data;

use super::privacy;
use super::scales;
use crate::model::RawTable;
use crate::model::cell::{cell_date, cell_number, cell_text};
use crate::model::french::key;
use crate::model::{Inference, Layout, QuestionSpec, Shape};
use crate::model::{Item, MAX_OPTIONS, Question, QuestionKind, Values, Warning};

/// Most distinct answers a closed question may have before it is taken for free text.
const MAX_CLOSED_LABELS: usize = 40;

/// What a (trimmed, non-empty) answer says of a box in a one-column-per-option export:
/// ticked, left unticked, or neither. A cell holding the option's own name is a tick.
/// `option_key` is `key(option)`, worked out once per column.
fn tick_text(t: &str, option: &str, option_key: &str) -> Option<bool> {
    const YES: [&str; 10] = [
        "oui", "yes", "y", "1", "x", "vrai", "true", "coche", "checked", "selected",
    ];
    const NO: [&str; 8] = [
        "non",
        "no",
        "n",
        "0",
        "faux",
        "false",
        "non coche",
        "not selected",
    ];
    // The common ticks compare without allocating; odd spellings go through `key`.
    if YES.iter().any(|y| t.eq_ignore_ascii_case(y)) {
        return Some(true);
    }
    if NO.iter().any(|n| t.eq_ignore_ascii_case(n)) {
        return Some(false);
    }
    if !option.is_empty() && t == option {
        return Some(true);
    }
    let k = key(t);
    if (!option.is_empty() && k == option_key) || YES.contains(&k.as_str()) {
        Some(true)
    } else if NO.contains(&k.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// Words in a heading that say the answer is a count or an amount, not a rating.
fn heading_says_quantity(text: &str) -> bool {
    let k = key(text);
    [
        "combien",
        "nombre",
        "age",
        "how many",
        "number of",
        "montant",
        "annee",
        "year",
        "duree",
        "heures",
    ]
    .iter()
    .any(|w| k.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w) || k.starts_with(w))
}

/// Propose a kind (and a scale) for a question from its values.
pub fn infer(raw: &RawTable, rows: &[usize], spec: &QuestionSpec, layout: Layout) -> Inference {
    infer_interned(raw, rows, spec, layout).0
}

/// Like [`infer`], also returning the question's cells as read, for [`build_with`].
pub fn infer_interned<'a>(
    raw: &'a RawTable,
    rows: &[usize],
    spec: &QuestionSpec,
    layout: Layout,
) -> (Inference, Interned<'a>) {
    let interned = intern(raw, rows, &spec.columns);
    let plain = |kind| Inference { kind, scale: None };
    let inference = match spec.shape {
        Shape::OpenColumn => infer_open_column(&interned),
        Shape::Ticks | Shape::SpaceJoined => plain(QuestionKind::Multiple),
        Shape::Items => infer_items(&interned, spec),
        Shape::Column => infer_column(&interned, spec, layout),
    };
    (inference, interned)
}

/// A column the tool marks as free text (SurveyMonkey's « Open-Ended Response », a lone
/// "other" column): open text, unless every answer is a number. Tools offer a text box for
/// an age or a number of children, and those answers have a mean and a distribution, not
/// quotes to code. No scale is looked for: the tool asked for free input, not a rating.
fn infer_open_column(interned: &Interned<'_>) -> Inference {
    let answers = &interned.answers;
    let kind = if !answers.is_empty() && answers.iter().all(|a| a.number.is_some()) {
        QuestionKind::Numeric
    } else {
        QuestionKind::Open
    };
    Inference { kind, scale: None }
}

/// A battery (`Stem [item]` columns): ticks, a shared scale, numbers or free text.
fn infer_items(interned: &Interned<'_>, spec: &QuestionSpec) -> Inference {
    let plain = |kind| Inference { kind, scale: None };
    if spec.columns.len() <= MAX_OPTIONS && interned.all_ticks(&spec.items) {
        return plain(QuestionKind::Multiple);
    }
    let answers = &interned.answers;
    if answers.len() > MAX_CLOSED_LABELS {
        return plain(QuestionKind::Open);
    }
    if let Some(found) = scales::recognise(answers.iter().map(|a| a.text.as_ref())) {
        Inference {
            kind: QuestionKind::Likert,
            scale: Some(found.order),
        }
    } else if answers.iter().all(|a| a.number.is_some()) && answers.len() > 11 {
        plain(QuestionKind::Numeric)
    } else {
        // A grid of shared answers without a known order: a battery whose order the
        // evaluator should check.
        plain(QuestionKind::Likert)
    }
}

/// One column: a date, a number, a rating, joined choices, a closed list or free text.
fn infer_column(interned: &Interned<'_>, spec: &QuestionSpec, layout: Layout) -> Inference {
    let plain = |kind| Inference { kind, scale: None };
    let answers = &interned.answers;
    let n: usize = answers.iter().map(|a| a.count).sum();
    if n == 0 {
        return plain(QuestionKind::Open);
    }
    let numbers: usize = answers
        .iter()
        .filter(|a| a.number.is_some())
        .map(|a| a.count)
        .sum();
    let dates: usize = answers
        .iter()
        .filter(|a| a.number.is_none() && a.date.is_some())
        .map(|a| a.count)
        .sum();
    if dates == n {
        return plain(QuestionKind::Date);
    }
    let counted: Vec<(&str, usize)> = answers.iter().map(|a| (a.text.as_ref(), a.count)).collect();
    let labels = (counted.len() <= MAX_CLOSED_LABELS.max(12)).then_some(counted.as_slice());
    let scale = || labels.and_then(|l| scales::recognise(l.iter().map(|(text, _)| *text)));
    if numbers == n {
        let integral_small = answers
            .iter()
            .filter_map(|a| a.number)
            .all(|x| x.fract() == 0.0 && (0.0..=10.0).contains(&x));
        let few = labels.is_some_and(|l| (3..=11).contains(&l.len()));
        if integral_small
            && few
            && !heading_says_quantity(&spec.text)
            && let Some(found) = scale()
        {
            return Inference {
                kind: QuestionKind::Likert,
                scale: Some(found.order),
            };
        }
        return plain(QuestionKind::Numeric);
    }
    if let Some(found) = scale() {
        return Inference {
            kind: QuestionKind::Likert,
            scale: Some(found.order),
        };
    }
    if split_joined_counted(&counted).is_some()
        || (layout == Layout::Kobo && split_spaced_counted(&counted).is_some())
    {
        return plain(QuestionKind::Multiple);
    }
    match labels {
        Some(labels) if looks_closed(labels, n, &spec.text) => plain(QuestionKind::Single),
        _ => plain(QuestionKind::Open),
    }
}

/// Words in a heading that ask for free text.
fn heading_asks_for_text(text: &str) -> bool {
    let k = key(text);
    [
        "commentaire",
        "remarque",
        "precisez",
        "suggestion",
        "pistes",
        "expliquez",
        "other comments",
    ]
    .iter()
    .any(|w| k.contains(w))
}

/// Few distinct answers, each given by several respondents: a closed question. Option
/// labels may be long (a report's chart labels run past 80 characters); free text is told
/// apart by answers that rarely repeat.
fn looks_closed(labels: &[(&str, usize)], n: usize, heading: &str) -> bool {
    let distinct = labels.len();
    let very_long = labels
        .iter()
        .filter(|(l, _)| l.chars().count() > 200)
        .count();
    if very_long * 4 > distinct {
        return false;
    }
    if heading_asks_for_text(heading) && distinct * 2 > n {
        return false;
    }
    if n < 10 {
        let short = labels
            .iter()
            .all(|(l, _)| l.split_whitespace().count() <= 3);
        return distinct <= 5 && (distinct < n || short);
    }
    // Answers given once: many in free text, few in a closed list.
    let singletons = labels.iter().filter(|(_, count)| *count == 1).count();
    distinct <= MAX_CLOSED_LABELS && distinct * 3 <= n * 2 && singletons * 2 <= distinct.max(1)
}

/// The options of Google Forms checkbox answers joined with ", " in one cell, where an
/// option may itself hold a comma. Returns `None` unless some cell clearly joins options.
pub struct Joined {
    /// Options in first-seen order.
    pub options: Vec<String>,
    /// Per cell (in the order given): indices of the options ticked, and free "other" text.
    pub picks: Vec<(Vec<usize>, Option<String>)>,
}

/// Split joined checkbox answers; see [`Joined`].
pub fn split_joined(cells: &[Cow<'_, str>]) -> Option<Joined> {
    let mut index: HashMap<&str, usize> = HashMap::default();
    let mut counted: Vec<(&str, usize)> = Vec::new();
    let of_cell: Vec<usize> = cells
        .iter()
        .map(|cell| {
            *index.entry(cell.as_ref()).or_insert_with(|| {
                counted.push((cell.as_ref(), 0));
                counted.len() - 1
            })
        })
        .collect();
    for &k in &of_cell {
        counted[k].1 += 1;
    }
    let joined = split_joined_counted(&counted)?;
    Some(Joined {
        options: joined.options,
        picks: of_cell.iter().map(|&k| joined.picks[k].clone()).collect(),
    })
}

/// [`split_joined`] over distinct answers in first-seen order, each with the number of
/// cells holding it; the picks are per distinct answer. Each answer is split once however
/// many respondents gave it.
fn split_joined_counted(values: &[(&str, usize)]) -> Option<Joined> {
    if !values.iter().any(|(value, _)| value.contains(", ")) {
        return None;
    }
    let whole: HashMap<&str, usize> = values.iter().copied().collect();
    // A whole-cell value is an option unless it splits into other whole values (plus,
    // perhaps, a free "other" text): "A, B" when "A" is an answer of its own.
    let composite = |value: &str| -> bool {
        let parts: Vec<&str> = value.split(", ").collect();
        if parts.len() < 2 {
            return false;
        }
        segment(&parts, &|piece: &str| {
            piece != value && whole.contains_key(piece)
        })
        .is_some_and(|pieces| pieces.len() >= 2 && pieces.iter().any(|(_, known)| *known))
    };
    let known: HashMap<&str, ()> = whole
        .keys()
        .filter(|v| !composite(v))
        .map(|v| (*v, ()))
        .collect();
    let mut segmented = Vec::with_capacity(values.len());
    let mut joined_cells = 0;
    let mut piece_counts: HashMap<String, usize> = HashMap::default();
    for &(value, count) in values {
        let parts: Vec<&str> = value.split(", ").collect();
        let pieces = segment(&parts, &|piece| known.contains_key(piece))?;
        if pieces.iter().filter(|(_, k)| *k).count() >= 2 {
            joined_cells += count;
        }
        for (p, _) in &pieces {
            *piece_counts.entry(p.clone()).or_default() += count;
        }
        segmented.push(pieces);
    }
    if joined_cells == 0 {
        return None;
    }
    // Distinct answers come in first-seen order, so options do too.
    let mut options: Vec<String> = Vec::new();
    let mut option_index: HashMap<String, usize> = HashMap::default();
    let mut picks = Vec::with_capacity(values.len());
    for pieces in segmented {
        let mut ticked = Vec::new();
        let mut other: Option<String> = None;
        for (piece, is_known) in pieces {
            // A piece never seen alone and met once is a free "other" answer.
            if !is_known && piece_counts.get(&piece).copied().unwrap_or(0) < 2 {
                other = Some(match other {
                    Some(prev) => format!("{prev}, {piece}"),
                    None => piece,
                });
                continue;
            }
            let next = options.len();
            let i = *option_index.entry(piece.clone()).or_insert(next);
            if i == next {
                options.push(piece);
            }
            if !ticked.contains(&i) {
                ticked.push(i);
            }
        }
        picks.push((ticked, other));
    }
    (options.len() <= MAX_OPTIONS).then_some(Joined { options, picks })
}

/// Segment `parts` (a cell split at ", ") into pieces, preferring known pieces and then
/// fewer pieces; consecutive unknown parts merge into one piece. `None` if too long.
fn segment(parts: &[&str], is_known: &dyn Fn(&str) -> bool) -> Option<Vec<(String, bool)>> {
    let n = parts.len();
    if n > 64 {
        return None;
    }
    // best[i] = (unknown parts, pieces, previous cut, known) for parts[..i]
    let mut best: Vec<Option<(usize, usize, usize, bool)>> = vec![None; n + 1];
    best[0] = Some((0, 0, 0, true));
    for end in 1..=n {
        for start in 0..end {
            let Some((unknown, pieces, _, _)) = best[start] else {
                continue;
            };
            let piece = parts[start..end].join(", ");
            let known = is_known(&piece);
            if !known && end - start > 1 {
                continue; // unknown runs are built part by part, then merged below
            }
            let candidate = (unknown + usize::from(!known), pieces + 1, start, known);
            if best[end].is_none_or(|b| (candidate.0, candidate.1) < (b.0, b.1)) {
                best[end] = Some(candidate);
            }
        }
    }
    let mut cuts = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, _, start, known) = best[end]?;
        cuts.push((start, end, known));
        end = start;
    }
    cuts.reverse();
    let mut out: Vec<(String, bool)> = Vec::new();
    for (start, end, known) in cuts {
        let piece = parts[start..end].join(", ");
        match out.last_mut() {
            Some((prev, false)) if !known => {
                prev.push_str(", ");
                prev.push_str(&piece);
            }
            _ => out.push((piece, known)),
        }
    }
    Some(out)
}

/// KoboToolbox select_multiple answers: option names separated by spaces. Takes distinct
/// answers with their counts (see [`split_joined_counted`]); returns each one's names.
fn split_spaced_counted(values: &[(&str, usize)]) -> Option<Vec<Vec<String>>> {
    let is_name = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    let mut joined = 0;
    let mut names: HashMap<&str, usize> = HashMap::default();
    let mut out = Vec::with_capacity(values.len());
    for &(value, count) in values {
        let tokens: Vec<&str> = value.split_whitespace().collect();
        if !tokens.iter().all(|t| is_name(t)) {
            return None;
        }
        if tokens.len() >= 2 {
            joined += count;
        }
        for t in &tokens {
            *names.entry(t).or_default() += count;
        }
        out.push(tokens.iter().map(|t| (*t).to_owned()).collect());
    }
    let repeated = names.values().filter(|&&n| n >= 2).count();
    (joined > 0 && names.len() <= MAX_OPTIONS && repeated * 2 >= names.len()).then_some(out)
}

/// Build a question of the given kind from its columns.
///
/// `scale` fixes the order of an ordered question (most favourable first); labels not in
/// it are put after it (non-substantive answers last).
pub fn build(
    raw: &RawTable,
    rows: &[usize],
    spec: &QuestionSpec,
    layout: Layout,
    kind: QuestionKind,
    scale: Option<&[String]>,
    warnings: &mut Vec<Warning>,
) -> Question {
    let interned = intern(raw, rows, &spec.columns);
    build_with(raw, rows, spec, layout, kind, scale, warnings, interned)
}

/// Like [`build`], from the cells already read by [`infer_interned`].
#[allow(clippy::too_many_arguments)] // reason: the same inputs as `build`, plus what was read
pub fn build_with(
    raw: &RawTable,
    rows: &[usize],
    spec: &QuestionSpec,
    layout: Layout,
    kind: QuestionKind,
    scale: Option<&[String]>,
    warnings: &mut Vec<Warning>,
    interned: Interned<'_>,
) -> Question {
    let mut question = Question {
        id: spec.id.clone(),
        text: spec.text.clone(),
        kind,
        columns: spec.columns.iter().map(|&c| heading(raw, c)).collect(),
        labels: Vec::new(),
        scale_len: 0,
        items: Vec::new(),
        other: Vec::new(),
        n: 0,
    };
    let answers = &interned.answers;
    match kind {
        QuestionKind::Single | QuestionKind::Likert => {
            build_closed(spec, &mut question, scale, warnings, &interned);
        }
        QuestionKind::Multiple => {
            build_multiple(spec, layout, &mut question, warnings, &interned);
        }
        QuestionKind::Numeric => {
            for ((&column, label), codes) in
                spec.columns.iter().zip(&spec.items).zip(&interned.codes)
            {
                let mut bad = 0usize;
                let values = codes
                    .iter()
                    .map(|&code| match interned.answer(code) {
                        None => f64::NAN,
                        Some(answer) => answer.number.unwrap_or_else(|| {
                            bad += 1;
                            f64::NAN
                        }),
                    })
                    .collect();
                if bad > 0 {
                    warnings.push(Warning::column(
                        heading(raw, column),
                        format!("{bad} réponse(s) non numérique(s) ignorée(s) dans une question numérique"),
                    ));
                }
                question.items.push(Item {
                    label: label.clone(),
                    values: Values::Numbers(values),
                });
            }
        }
        QuestionKind::Date => {
            for (label, codes) in spec.items.iter().zip(&interned.codes) {
                let values = codes
                    .iter()
                    .map(|&code| interned.answer(code).and_then(|a| a.date))
                    .collect();
                question.items.push(Item {
                    label: label.clone(),
                    values: Values::Dates(values),
                });
            }
        }
        QuestionKind::Open => {
            // Each distinct answer is masked once, however many gave it.
            let texts: Vec<Box<str>> = answers.iter().map(|a| redacted(&a.text)).collect();
            for (label, codes) in spec.items.iter().zip(&interned.codes) {
                let values = codes
                    .iter()
                    .map(|&code| code.checked_sub(1).map(|k| texts[k as usize].clone()))
                    .collect();
                question.items.push(Item {
                    label: label.clone(),
                    values: Values::Texts(values),
                });
            }
        }
    }
    let other: Vec<Option<&str>> = match spec.other {
        Some(column) => rows
            .iter()
            .map(|&r| match raw.cell(r, column) {
                Data::String(s) => Some(s.trim()).filter(|t| !t.is_empty()),
                Data::Empty => None,
                _ => Some(""),
            })
            .collect(),
        None => Vec::new(),
    };
    if let Some(column) = spec.other {
        for (i, &r) in rows.iter().enumerate() {
            if let Some(text) = open_text(raw.cell(r, column)) {
                question.other.push((i as u32, text.into_string()));
            }
        }
    }
    question.n = match question.items.first().map(|i| &i.values) {
        // Ticks lose "Non" answers, and other answers stand apart: read the cells.
        Some(Values::Ticks(_)) | None => interned.count_answered(&other),
        Some(_) if spec.other.is_some() => interned.count_answered(&other),
        Some(_) => (0..rows.len())
            .filter(|&r| question.items.iter().any(|i| i.values.answered(r)))
            .count(),
    };
    question
}

/// Free text as stored: trimmed, with e-mails, phone numbers and IPs masked.
fn open_text(cell: &Data) -> Option<Box<str>> {
    let text = cell_text(cell)?;
    Some(redacted(&text))
}

/// A text with e-mails, phone numbers and IPs masked.
fn redacted(text: &str) -> Box<str> {
    match privacy::redact_text(text) {
        Cow::Borrowed(t) => t.into(),
        Cow::Owned(t) => t.into(),
    }
}

/// The heading of a column.
fn heading(raw: &RawTable, column: usize) -> String {
    cell_text(raw.cell(0, column))
        .map(Cow::into_owned)
        .unwrap_or_default()
}

/// One distinct answer among a question's cells.
#[derive(Clone, Debug, PartialEq)]
struct Answer<'a> {
    /// The answer as text, trimmed.
    text: Cow<'a, str>,
    /// How many cells hold it.
    count: usize,
    /// Its value, if it is a number ("3,5" included).
    number: Option<f64>,
    /// Its date (days since 1970-01-01), if it is one.
    date: Option<i32>,
}

/// The cells of a question's columns read once: the distinct answers in first-seen order,
/// and each cell's code (`k` is `answers[k - 1]`, 0 is no answer). Inference and building
/// then work on the few distinct answers and on the codes, never on the scattered texts
/// again: each pass over 100,000 heap strings costs a cache miss per cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Interned<'a> {
    answers: Vec<Answer<'a>>,
    /// Per column of the question, per respondent.
    codes: Vec<Vec<u32>>,
}

/// A number or a date cell, recognised again without formatting it as text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum ValueKey {
    Int(i64),
    Float(u64),
    DateTime(u64, bool),
}

impl<'a> Interned<'a> {
    /// The answer behind a code (`None` for 0, no answer).
    fn answer(&self, code: u32) -> Option<&Answer<'a>> {
        code.checked_sub(1).map(|k| &self.answers[k as usize])
    }

    /// Whether every answer is a tick or an untick of its column's option, and some is.
    fn all_ticks(&self, options: &[String]) -> bool {
        let mut seen = false;
        for (codes, option) in self.codes.iter().zip(options) {
            let Some(ticks) = self.ticks(codes, option) else {
                return false;
            };
            seen |= ticks.iter().skip(1).any(Option::is_some);
        }
        seen
    }

    /// For one column, what each answer says of its option's box (index 0: no answer);
    /// `None` when an answer in the column is neither a tick nor an untick.
    fn ticks(&self, codes: &[u32], option: &str) -> Option<Vec<Option<bool>>> {
        let option_key = key(option);
        let mut read = vec![false; self.answers.len() + 1];
        let mut ticks = vec![None; self.answers.len() + 1];
        for &code in codes {
            let k = code as usize;
            if k == 0 || read[k] {
                continue;
            }
            read[k] = true;
            ticks[k] = Some(tick_text(&self.answers[k - 1].text, option, &option_key)?);
        }
        Some(ticks)
    }

    /// Respondents with an answer in any column, or a free "other" answer (`other`, per
    /// respondent, empty when the question has no such column).
    fn count_answered(&self, other: &[Option<&str>]) -> usize {
        let respondents = self.codes.first().map_or(other.len(), Vec::len);
        (0..respondents)
            .filter(|&i| {
                self.codes.iter().any(|codes| codes[i] != 0)
                    || other.get(i).is_some_and(Option::is_some)
            })
            .count()
    }
}

/// Read the columns once, row by row (a battery's columns sit side by side in each row).
fn intern<'a>(raw: &'a RawTable, rows: &[usize], columns: &[usize]) -> Interned<'a> {
    let mut by_text: HashMap<Cow<'a, str>, u32> = HashMap::default();
    let mut by_value: HashMap<ValueKey, u32> = HashMap::default();
    let mut answers: Vec<Answer<'a>> = Vec::new();
    let mut codes: Vec<Vec<u32>> = columns
        .iter()
        .map(|_| Vec::with_capacity(rows.len()))
        .collect();
    let mut code_of = |text: Cow<'a, str>, cell: &Data| -> u32 {
        if let Some(&code) = by_text.get(text.as_ref()) {
            return code;
        }
        answers.push(Answer {
            text: text.clone(),
            count: 0,
            number: cell_number(cell),
            date: cell_date(cell),
        });
        let code = answers.len() as u32;
        by_text.insert(text, code);
        code
    };
    for &r in rows {
        let row = raw.row(r);
        for (&column, out) in columns.iter().zip(codes.iter_mut()) {
            let cell = row.get(column).unwrap_or(&Data::Empty);
            let value = match cell {
                Data::Int(i) => Some(ValueKey::Int(*i)),
                Data::Float(f) => Some(ValueKey::Float(f.to_bits())),
                Data::DateTime(dt) => {
                    Some(ValueKey::DateTime(dt.as_f64().to_bits(), dt.is_datetime()))
                }
                _ => None,
            };
            let code = match value {
                // Numbers and dates are formatted once per distinct value.
                Some(value) => match by_value.get(&value) {
                    Some(&code) => code,
                    None => {
                        let text = cell_text(cell).unwrap_or_default();
                        let code = code_of(text, cell);
                        by_value.insert(value, code);
                        code
                    }
                },
                None => match cell {
                    Data::String(s) => {
                        let t = s.trim();
                        if t.is_empty() {
                            0
                        } else {
                            code_of(Cow::Borrowed(t), cell)
                        }
                    }
                    cell => cell_text(cell).map_or(0, |text| code_of(text, cell)),
                },
            };
            out.push(code);
        }
    }
    for codes in &codes {
        for &code in codes {
            if let Some(k) = code.checked_sub(1) {
                answers[k as usize].count += 1;
            }
        }
    }
    Interned { answers, codes }
}

fn build_closed(
    spec: &QuestionSpec,
    question: &mut Question,
    scale: Option<&[String]>,
    warnings: &mut Vec<Warning>,
    interned: &Interned<'_>,
) {
    let observed: Vec<(&str, usize)> = interned
        .answers
        .iter()
        .map(|a| (a.text.as_ref(), a.count))
        .collect();
    let ordered = question.kind == QuestionKind::Likert;
    let mut labels: Vec<String> = Vec::new();
    if ordered {
        let recognised;
        let order: Vec<String> = match scale {
            Some(s) => s.to_vec(),
            None => {
                recognised = scales::recognise(observed.iter().map(|(l, _)| *l));
                match &recognised {
                    Some(found) => found.order.clone(),
                    None => {
                        if !observed.is_empty() {
                            warnings.push(Warning::column(
                                question.text.clone(),
                                "échelle non reconnue : l'ordre suit les réponses observées ; vérifiez-le",
                            ));
                        }
                        observed
                            .iter()
                            .filter(|(l, _)| !scales::is_non_substantive(l))
                            .map(|(l, _)| (*l).to_owned())
                            .collect()
                    }
                }
            }
        };
        labels.extend(order);
        let mut placed: HashMap<String, ()> = labels.iter().map(|l| (l.clone(), ())).collect();
        // Observed substantive answers missing from the given order go at its end.
        for (l, _) in &observed {
            if !scales::is_non_substantive(l) && placed.insert((*l).to_owned(), ()).is_none() {
                labels.push((*l).to_owned());
            }
        }
        question.scale_len = labels.len();
        for (l, _) in &observed {
            if placed.insert((*l).to_owned(), ()).is_none() {
                labels.push((*l).to_owned());
            }
        }
    } else {
        let mut sorted = observed.clone();
        // Descending count; non-substantive answers last.
        sorted.sort_by_key(|(l, count)| (scales::is_non_substantive(l), std::cmp::Reverse(*count)));
        labels = sorted.into_iter().map(|(l, _)| l.to_owned()).collect();
    }
    // Answer codes are 16-bit: a "closed" question with more answers keeps the first ones.
    let most = usize::from(u16::MAX) - 1;
    if labels.len() > most {
        warnings.push(Warning::column(
            question.text.clone(),
            format!(
                "{} réponses différentes : seules les {most} premières sont gardées comme modalités",
                labels.len()
            ),
        ));
        labels.truncate(most);
        question.scale_len = question.scale_len.min(most);
    }
    let index: HashMap<&str, u16> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), (i + 1) as u16))
        .collect();
    // Code k (first-seen order) becomes the label's final code.
    let remap: Vec<u16> = std::iter::once(0)
        .chain(
            observed
                .iter()
                .map(|(l, _)| index.get(l).copied().unwrap_or(0)),
        )
        .collect();
    for (codes, label) in interned.codes.iter().zip(&spec.items) {
        question.items.push(Item {
            label: label.clone(),
            values: Values::Codes(codes.iter().map(|&code| remap[code as usize]).collect()),
        });
    }
    question.labels = labels;
}

fn build_multiple(
    spec: &QuestionSpec,
    layout: Layout,
    question: &mut Question,
    warnings: &mut Vec<Warning>,
    interned: &Interned<'_>,
) {
    let respondents = interned.codes.first().map_or(0, Vec::len);
    if spec.columns.len() > 1 || matches!(spec.shape, Shape::Ticks | Shape::Items) {
        // One column per option.
        let options = spec.columns.len().min(MAX_OPTIONS);
        if spec.columns.len() > MAX_OPTIONS {
            warnings.push(Warning::column(
                question.text.clone(),
                format!("plus de {MAX_OPTIONS} options : seules les {MAX_OPTIONS} premières sont gardées"),
            ));
        }
        let mut ticks = vec![0u64; respondents];
        for (k, (codes, option)) in interned
            .codes
            .iter()
            .zip(&spec.items)
            .take(options)
            .enumerate()
        {
            // Whether each answer met in this column ticks its box, worked out once per
            // answer (0: not yet, 1: ticked, 2: not); anything but a tick is no tick.
            let option_key = key(option);
            let mut said = vec![0u8; interned.answers.len() + 1];
            for (tick, &code) in ticks.iter_mut().zip(codes) {
                let Some(answer) = interned.answer(code) else {
                    continue;
                };
                let said = &mut said[code as usize];
                if *said == 0 {
                    *said = if tick_text(&answer.text, option, &option_key) == Some(true) {
                        1
                    } else {
                        2
                    };
                }
                if *said == 1 {
                    *tick |= 1 << k;
                }
            }
        }
        question.labels = spec.items[..options].to_vec();
        question.items.push(Item {
            label: String::new(),
            values: Values::Ticks(ticks),
        });
        return;
    }
    let Some(codes) = interned.codes.first() else {
        return;
    };
    let counted: Vec<(&str, usize)> = interned
        .answers
        .iter()
        .map(|a| (a.text.as_ref(), a.count))
        .collect();
    // What each distinct answer ticks (as option bits), and its free "other" text.
    let mut picked: Vec<(u64, Option<String>)> = Vec::with_capacity(counted.len());
    if let Some(joined) = split_joined_counted(&counted) {
        for (ticked, other) in joined.picks {
            let bits = ticked.iter().fold(0u64, |acc, &k| acc | (1 << k));
            picked.push((
                bits,
                other.map(|text| privacy::redact_text(&text).into_owned()),
            ));
        }
        question.labels = joined.options;
    } else if let Some(spaced) = (layout == Layout::Kobo)
        .then(|| split_spaced_counted(&counted))
        .flatten()
    {
        let mut options: Vec<String> = Vec::new();
        for names in spaced {
            let mut bits = 0u64;
            for name in names {
                let k = match options.iter().position(|o| *o == name) {
                    Some(k) => k,
                    None => {
                        options.push(name);
                        options.len() - 1
                    }
                };
                if k < MAX_OPTIONS {
                    bits |= 1 << k;
                }
            }
            picked.push((bits, None));
        }
        options.truncate(MAX_OPTIONS);
        question.labels = options;
    } else {
        // Not joined: each answer is one option, in first-seen order.
        if counted.len() > MAX_OPTIONS {
            warnings.push(Warning::column(
                question.text.clone(),
                format!("plus de {MAX_OPTIONS} réponses différentes : ce n'est sans doute pas un choix multiple"),
            ));
        }
        picked = (0..counted.len())
            .map(|k| (if k < MAX_OPTIONS { 1 << k } else { 0 }, None))
            .collect();
        question.labels = counted
            .iter()
            .take(MAX_OPTIONS)
            .map(|(text, _)| (*text).to_owned())
            .collect();
    }
    let mut ticks = vec![0u64; respondents];
    for (i, &code) in codes.iter().enumerate() {
        let Some(k) = code.checked_sub(1) else {
            continue;
        };
        let (bits, other) = &picked[k as usize];
        ticks[i] = *bits;
        if let Some(text) = other {
            question.other.push((i as u32, text.clone()));
        }
    }
    question.items.push(Item {
        label: String::new(),
        values: Values::Ticks(ticks),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cows(v: &[&'static str]) -> Vec<Cow<'static, str>> {
        v.iter().map(|s| Cow::Borrowed(*s)).collect()
    }

    #[test]
    fn joined_checkbox_answers_keep_an_option_with_a_comma_whole() {
        let cells = cows(&[
            "Ateliers, Oui, souvent",
            "Oui, souvent",
            "Ateliers",
            "Offres d'emploi, Ateliers",
            "Offres d'emploi",
            "Ateliers, Offres d'emploi, Oui, souvent",
        ]);
        let joined = split_joined(&cells).expect("joined answers are recognised");
        assert!(
            joined.options.contains(&"Oui, souvent".to_owned()),
            "{:?}",
            joined.options
        );
        assert!(!joined.options.iter().any(|o| o == "Oui" || o == "souvent"));
        assert_eq!(joined.picks[5].0.len(), 3);
    }

    #[test]
    fn a_free_other_answer_in_joined_cells_is_set_apart() {
        let cells = cows(&["A, B", "A", "B", "A, mon propre texte"]);
        let joined = split_joined(&cells).expect("joined");
        assert_eq!(joined.options, vec!["A".to_owned(), "B".to_owned()]);
        assert_eq!(joined.picks[3].1.as_deref(), Some("mon propre texte"));
    }

    #[test]
    fn single_answers_with_commas_are_not_taken_for_multiple_choice() {
        let cells = cows(&["Oui, souvent", "Non", "Oui, parfois", "Non", "Oui, souvent"]);
        assert!(split_joined(&cells).is_none());
    }

    /// A SurveyMonkey export of three « Open-Ended Response » columns: an age, a number of
    /// children (one left blank) and free text.
    const OPEN_ENDED: &str = "Respondent ID,Quel âge avez-vous ?,Combien d'enfants avez-vous ?,\
        Que retenez-vous de l'accompagnement ?\n\
        ,Open-Ended Response,Open-Ended Response,Open-Ended Response\n\
        1,22,0,Des rendez-vous réguliers\n\
        2,19,2,Rien\n\
        3,24,,Les ateliers\n\
        4,\"21,5\",1,Rien de particulier\n";

    fn open_ended_survey(csv: &str) -> crate::model::Survey {
        let raw = crate::import::read::read_bytes(
            "surveymonkey.csv",
            csv.as_bytes(),
            None,
            &crate::progress::Silent,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        crate::model::Survey::from_raw(raw, &crate::model::PseudonymKey::random())
    }

    #[test]
    fn an_open_ended_column_of_numbers_is_a_numeric_question() {
        let survey = open_ended_survey(OPEN_ENDED);
        assert_eq!(survey.plan.layout, Layout::SurveyMonkey);
        let kinds: Vec<(&str, QuestionKind)> = survey
            .questions
            .iter()
            .map(|q| (q.text.as_str(), q.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Quel âge avez-vous ?", QuestionKind::Numeric),
                ("Combien d'enfants avez-vous ?", QuestionKind::Numeric),
                ("Que retenez-vous de l'accompagnement ?", QuestionKind::Open),
            ]
        );
        // The answers are numbers to average, « 21,5 » written the French way included.
        let Values::Numbers(ages) = &survey.questions[0].items[0].values else {
            panic!("ages are numbers");
        };
        assert_eq!(ages, &[22.0, 19.0, 24.0, 21.5]);
        assert_eq!(survey.questions[1].n, 3, "a blank is no answer");
    }

    #[test]
    fn an_open_ended_column_with_one_word_among_numbers_stays_open() {
        let survey = open_ended_survey(&OPEN_ENDED.replace("\n2,19,", "\n2,dix-neuf,"));
        assert_eq!(survey.questions[0].kind, QuestionKind::Open);
        assert_eq!(survey.questions[1].kind, QuestionKind::Numeric);
    }

    #[test]
    fn kobo_space_joined_options_split() {
        let values = [
            ("ateliers offres", 1),
            ("offres", 3),
            ("ateliers", 2),
            ("stage offres", 1),
        ];
        let split = split_spaced_counted(&values).expect("space-joined");
        assert_eq!(split[0], vec!["ateliers".to_owned(), "offres".to_owned()]);
        // "stage" is named once only, beside three names given twice or more: still names.
        assert_eq!(split[3], vec!["stage".to_owned(), "offres".to_owned()]);
        // Free words are not option names.
        assert!(split_spaced_counted(&[("Des ateliers, surtout", 2), ("offres", 2)]).is_none());
    }
}
