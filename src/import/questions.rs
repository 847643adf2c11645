//! From a column plan and cells to questions with answers: kind inference and building.
//!
//! [`infer`] looks at the values of a [`QuestionSpec`]'s columns and proposes a kind and,
//! for ordered answers, a scale; [`build`] reads the answers for a given kind, so that the
//! evaluator's corrections (another kind, another scale order) rebuild the same way.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use calamine::Data;

use super::layout::{Layout, QuestionSpec, Shape, key};
use super::privacy;
use super::raw::RawTable;
use super::scales;
use crate::model::{Item, Question, QuestionKind, Values, Warning};

/// Most options a multiple-choice question may have (one bit each).
pub const MAX_OPTIONS: usize = 64;

/// Most distinct answers a closed question may have before it is taken for free text.
const MAX_CLOSED_LABELS: usize = 40;

/// What the values suggest for a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Inference {
    /// The proposed kind.
    pub kind: QuestionKind,
    /// For ordered answers: the scale, most favourable first.
    pub scale: Option<Vec<String>>,
}

/// The text of a cell as an answer; `None` for an empty cell.
pub fn cell_text(cell: &Data) -> Option<Cow<'_, str>> {
    match cell {
        Data::Empty => None,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            let t = s.trim();
            (!t.is_empty()).then_some(Cow::Borrowed(t))
        }
        Data::Int(i) => Some(Cow::Owned(i.to_string())),
        Data::Float(f) => Some(Cow::Owned(format_number(*f))),
        Data::Bool(b) => Some(Cow::Borrowed(if *b { "Vrai" } else { "Faux" })),
        Data::DateTime(dt) => Some(Cow::Owned(match dt.as_datetime() {
            Some(d) if d.time() == chrono::NaiveTime::MIN => d.format("%Y-%m-%d").to_string(),
            Some(d) => d.format("%Y-%m-%d %H:%M").to_string(),
            None => format_number(dt.as_f64()),
        })),
        Data::Error(e) => Some(Cow::Owned(format!("#{e:?}"))),
    }
}

/// Whether a cell holds an answer (without building its text).
pub fn has_value(cell: &Data) -> bool {
    match cell {
        Data::Empty => false,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => !s.trim().is_empty(),
        _ => true,
    }
}

/// A number as a person writes it: no trailing `.0`.
pub fn format_number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// The number in a cell, if it holds one (text such as "3,5" included).
pub fn cell_number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Int(i) => Some(*i as f64),
        Data::Float(f) => Some(*f),
        Data::String(s) => parse_number(s),
        _ => None,
    }
}

fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    // Most answers are words: reject them before building anything.
    if !t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | ',')) {
        return None;
    }
    if let Ok(x) = t.parse::<f64>() {
        return x.is_finite().then_some(x);
    }
    let cleaned: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
    {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Days since 1970-01-01 of a date cell or of a date written as text.
pub fn cell_date(cell: &Data) -> Option<i32> {
    let date = match cell {
        Data::DateTime(dt) if dt.is_datetime() => dt.as_datetime()?.date(),
        Data::DateTimeIso(s) | Data::String(s) => parse_date(s)?,
        _ => return None,
    };
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((date - epoch).num_days()).ok()
}

fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let t = s.trim();
    if t.len() < 8 || t.len() > 30 || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let day_part = t.split([' ', 'T']).next()?;
    for format in [
        "%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%Y/%m/%d", "%d-%m-%Y", "%d.%m.%Y",
    ] {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(day_part, format) {
            return Some(d);
        }
    }
    None
}

/// A date (days since 1970-01-01) as `YYYY-MM-DD`.
pub fn format_date(days: i32) -> String {
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::TimeDelta::days(i64::from(days))))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Values that mean a box was ticked, or left unticked, in a one-column-per-option export.
fn tick_value(cell: &Data, option: &str) -> Option<bool> {
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
    match cell {
        Data::Empty => None,
        Data::Bool(b) => Some(*b),
        Data::Int(i) => match i {
            1 => Some(true),
            0 => Some(false),
            _ => None,
        },
        Data::Float(f) if *f == 1.0 => Some(true),
        Data::Float(f) if *f == 0.0 => Some(false),
        Data::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                return None;
            }
            // The common ticks compare without allocating; odd spellings go through `key`.
            if YES.iter().any(|y| t.eq_ignore_ascii_case(y)) {
                return Some(true);
            }
            if NO.iter().any(|n| t.eq_ignore_ascii_case(n)) {
                return Some(false);
            }
            if !option.is_empty() && (t == option || key(t) == key(option)) {
                return Some(true);
            }
            let k = key(t);
            if YES.contains(&k.as_str()) {
                Some(true)
            } else if NO.contains(&k.as_str()) {
                Some(false)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether every non-empty cell of the columns is a tick or an untick.
fn all_ticks(raw: &RawTable, rows: &[usize], spec: &QuestionSpec) -> bool {
    let mut seen = false;
    for &r in rows {
        for (column, option) in spec.columns.iter().zip(&spec.items) {
            let cell = raw.cell(r, *column);
            if matches!(cell, Data::Empty) {
                continue;
            }
            if cell_text(cell).is_none() {
                continue;
            }
            if tick_value(cell, option).is_none() {
                return false;
            }
            seen = true;
        }
    }
    seen
}

/// Distinct answers over the columns, in first-seen order, with counts (capped).
fn distinct(
    raw: &RawTable,
    rows: &[usize],
    columns: &[usize],
    cap: usize,
) -> Option<Vec<(String, usize)>> {
    let mut index: HashMap<String, usize> = HashMap::default();
    let mut out: Vec<(String, usize)> = Vec::new();
    // Row by row: a battery's columns sit side by side in each row of the table.
    for &r in rows {
        for &column in columns {
            if let Some(text) = cell_text(raw.cell(r, column)) {
                if let Some(&i) = index.get(text.as_ref()) {
                    out[i].1 += 1;
                } else {
                    if out.len() >= cap {
                        return None;
                    }
                    index.insert(text.to_string(), out.len());
                    out.push((text.into_owned(), 1));
                }
            }
        }
    }
    Some(out)
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

/// Like [`infer`], also returning the cells of a battery as read, for [`build_with`].
pub fn infer_interned(
    raw: &RawTable,
    rows: &[usize],
    spec: &QuestionSpec,
    layout: Layout,
) -> (Inference, Option<Interned>) {
    if spec.shape == Shape::Items {
        if spec.columns.len() <= MAX_OPTIONS && all_ticks(raw, rows, spec) {
            return (
                Inference {
                    kind: QuestionKind::Multiple,
                    scale: None,
                },
                None,
            );
        }
        let Some(interned) = intern(raw, rows, &spec.columns, MAX_CLOSED_LABELS) else {
            return (
                Inference {
                    kind: QuestionKind::Open,
                    scale: None,
                },
                None,
            );
        };
        let labels = &interned.observed;
        let inference =
            if let Some(found) = scales::recognise(labels.iter().map(|(l, _)| l.as_str())) {
                Inference {
                    kind: QuestionKind::Likert,
                    scale: Some(found.order),
                }
            } else if labels.iter().all(|(l, _)| parse_number(l).is_some()) && labels.len() > 11 {
                Inference {
                    kind: QuestionKind::Numeric,
                    scale: None,
                }
            } else {
                // A grid of shared answers without a known order: a battery whose order the
                // evaluator should check.
                Inference {
                    kind: QuestionKind::Likert,
                    scale: None,
                }
            };
        let keep = matches!(inference.kind, QuestionKind::Likert | QuestionKind::Single);
        return (inference, keep.then_some(interned));
    }
    (infer_shape(raw, rows, spec, layout), None)
}

fn infer_shape(raw: &RawTable, rows: &[usize], spec: &QuestionSpec, layout: Layout) -> Inference {
    let plain = |kind| Inference { kind, scale: None };
    match spec.shape {
        Shape::OpenColumn => return plain(QuestionKind::Open),
        Shape::Ticks | Shape::SpaceJoined => return plain(QuestionKind::Multiple),
        // Batteries are inferred in `infer_interned`, which reads their cells once.
        Shape::Items | Shape::Column => {}
    }
    let Some(&column) = spec.columns.first() else {
        return plain(QuestionKind::Open);
    };
    let (mut n, mut numbers, mut dates) = (0usize, 0usize, 0usize);
    let mut integral_small = true;
    for &r in rows {
        let cell = raw.cell(r, column);
        if cell_text(cell).is_none() {
            continue;
        }
        n += 1;
        if let Some(x) = cell_number(cell) {
            numbers += 1;
            if x.fract() != 0.0 || !(0.0..=10.0).contains(&x) {
                integral_small = false;
            }
        } else if cell_date(cell).is_some() {
            dates += 1;
        }
    }
    if n == 0 {
        return plain(QuestionKind::Open);
    }
    if dates == n {
        return plain(QuestionKind::Date);
    }
    let labels = distinct(raw, rows, &[column], MAX_CLOSED_LABELS.max(12));
    if numbers == n {
        let few = labels.as_ref().is_some_and(|l| (3..=11).contains(&l.len()));
        if integral_small
            && few
            && !heading_says_quantity(&spec.text)
            && let Some(found) = labels
                .as_ref()
                .and_then(|l| scales::recognise(l.iter().map(|(s, _)| s.as_str())))
        {
            return Inference {
                kind: QuestionKind::Likert,
                scale: Some(found.order),
            };
        }
        return plain(QuestionKind::Numeric);
    }
    let texts: Vec<Cow<'_, str>> = rows
        .iter()
        .filter_map(|&r| cell_text(raw.cell(r, column)))
        .collect();
    if let Some(labels) = &labels
        && let Some(found) = scales::recognise(labels.iter().map(|(s, _)| s.as_str()))
    {
        return Inference {
            kind: QuestionKind::Likert,
            scale: Some(found.order),
        };
    }
    if split_joined(&texts).is_some() || (layout == Layout::Kobo && split_spaced(&texts).is_some())
    {
        return plain(QuestionKind::Multiple);
    }
    match labels {
        Some(labels) if looks_closed(&labels, n, &spec.text) => plain(QuestionKind::Single),
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
fn looks_closed(labels: &[(String, usize)], n: usize, heading: &str) -> bool {
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
    if !cells.iter().any(|c| c.contains(", ")) {
        return None;
    }
    let mut whole: HashMap<&str, usize> = HashMap::default();
    for c in cells {
        *whole.entry(c.as_ref()).or_default() += 1;
    }
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
    let mut segmented = Vec::with_capacity(cells.len());
    let mut joined_cells = 0;
    let mut piece_counts: HashMap<String, usize> = HashMap::default();
    for c in cells {
        let parts: Vec<&str> = c.split(", ").collect();
        let pieces = segment(&parts, &|piece| known.contains_key(piece))?;
        if pieces.iter().filter(|(_, k)| *k).count() >= 2 {
            joined_cells += 1;
        }
        for (p, _) in &pieces {
            *piece_counts.entry(p.clone()).or_default() += 1;
        }
        segmented.push(pieces);
    }
    if joined_cells == 0 {
        return None;
    }
    let mut options: Vec<String> = Vec::new();
    let mut option_index: HashMap<String, usize> = HashMap::default();
    let mut picks = Vec::with_capacity(cells.len());
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

/// KoboToolbox select_multiple answers: option names separated by spaces.
fn split_spaced(cells: &[Cow<'_, str>]) -> Option<Vec<Vec<String>>> {
    let is_name = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    let mut joined = 0;
    let mut names: HashMap<&str, usize> = HashMap::default();
    let mut out = Vec::with_capacity(cells.len());
    for c in cells {
        let tokens: Vec<&str> = c.split_whitespace().collect();
        if !tokens.iter().all(|t| is_name(t)) {
            return None;
        }
        if tokens.len() >= 2 {
            joined += 1;
        }
        for t in &tokens {
            *names.entry(t).or_default() += 1;
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
    build_with(raw, rows, spec, layout, kind, scale, warnings, None)
}

/// Like [`build`], reusing the cells already read by [`infer_interned`].
#[allow(clippy::too_many_arguments)] // reason: the same inputs as `build`, plus what was read
pub fn build_with(
    raw: &RawTable,
    rows: &[usize],
    spec: &QuestionSpec,
    layout: Layout,
    kind: QuestionKind,
    scale: Option<&[String]>,
    warnings: &mut Vec<Warning>,
    interned: Option<Interned>,
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
    match kind {
        QuestionKind::Single | QuestionKind::Likert => {
            build_closed(raw, rows, spec, &mut question, scale, warnings, interned);
        }
        QuestionKind::Multiple => build_multiple(raw, rows, spec, layout, &mut question, warnings),
        QuestionKind::Numeric => {
            for (&column, label) in spec.columns.iter().zip(&spec.items) {
                let mut bad = 0usize;
                let values = rows
                    .iter()
                    .map(|&r| {
                        let cell = raw.cell(r, column);
                        cell_number(cell).unwrap_or_else(|| {
                            if cell_text(cell).is_some() {
                                bad += 1;
                            }
                            f64::NAN
                        })
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
            for (&column, label) in spec.columns.iter().zip(&spec.items) {
                let values = rows
                    .iter()
                    .map(|&r| cell_date(raw.cell(r, column)))
                    .collect();
                question.items.push(Item {
                    label: label.clone(),
                    values: Values::Dates(values),
                });
            }
        }
        QuestionKind::Open => {
            for (&column, label) in spec.columns.iter().zip(&spec.items) {
                let values = rows
                    .iter()
                    .map(|&r| open_text(raw.cell(r, column)))
                    .collect();
                question.items.push(Item {
                    label: label.clone(),
                    values: Values::Texts(values),
                });
            }
        }
    }
    if let Some(other) = spec.other {
        for (i, &r) in rows.iter().enumerate() {
            if let Some(text) = open_text(raw.cell(r, other)) {
                question.other.push((i as u32, text.into_string()));
            }
        }
    }
    question.n = match question.items.first().map(|i| &i.values) {
        // Ticks lose "Non" answers, and other answers stand apart: read the cells.
        Some(Values::Ticks(_)) | None => count_answered(raw, rows, spec),
        Some(_) if spec.other.is_some() => count_answered(raw, rows, spec),
        Some(_) => (0..rows.len())
            .filter(|&r| question.items.iter().any(|i| i.values.answered(r)))
            .count(),
    };
    question
}

/// Free text as stored: trimmed, with e-mails, phone numbers and IPs masked.
fn open_text(cell: &Data) -> Option<Box<str>> {
    let text = cell_text(cell)?;
    Some(match privacy::redact_text(&text) {
        Cow::Borrowed(t) => t.into(),
        Cow::Owned(t) => t.into(),
    })
}

/// Respondents with any answer in the question's columns.
fn count_answered(raw: &RawTable, rows: &[usize], spec: &QuestionSpec) -> usize {
    rows.iter()
        .filter(|&&r| {
            spec.columns
                .iter()
                .chain(spec.other.iter())
                .any(|&c| match raw.cell(r, c) {
                    Data::Empty => false,
                    Data::String(s) => !s.trim().is_empty(),
                    _ => true,
                })
        })
        .count()
}

/// The heading of a column.
fn heading(raw: &RawTable, column: usize) -> String {
    cell_text(raw.cell(0, column))
        .map(Cow::into_owned)
        .unwrap_or_default()
}

/// The answers of a closed question's columns read once: the distinct answers in
/// first-seen order with their counts, and each cell's provisional code (`k` is
/// `observed[k - 1]`, 0 is no answer).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Interned {
    observed: Vec<(String, usize)>,
    provisional: Vec<Vec<u16>>,
}

/// Read the columns once, row by row (a battery's columns sit side by side in each row, and
/// every pass over scattered texts costs a cache miss per cell). `None` when there are more
/// than `cap` distinct answers.
fn intern(raw: &RawTable, rows: &[usize], columns: &[usize], cap: usize) -> Option<Interned> {
    let cap = cap.min(usize::from(u16::MAX) - 1);
    let mut first_seen: HashMap<Cow<'_, str>, u16> = HashMap::default();
    let mut observed: Vec<(String, usize)> = Vec::new();
    let mut provisional: Vec<Vec<u16>> = columns
        .iter()
        .map(|_| Vec::with_capacity(rows.len()))
        .collect();
    for &r in rows {
        for (&column, codes) in columns.iter().zip(provisional.iter_mut()) {
            let code = match cell_text(raw.cell(r, column)) {
                None => 0,
                Some(text) => match first_seen.get(text.as_ref()) {
                    Some(&code) => {
                        observed[usize::from(code) - 1].1 += 1;
                        code
                    }
                    None if observed.len() < cap => {
                        observed.push((text.to_string(), 1));
                        let code = observed.len() as u16;
                        first_seen.insert(text, code);
                        code
                    }
                    None => return None,
                },
            };
            codes.push(code);
        }
    }
    Some(Interned {
        observed,
        provisional,
    })
}

fn build_closed(
    raw: &RawTable,
    rows: &[usize],
    spec: &QuestionSpec,
    question: &mut Question,
    scale: Option<&[String]>,
    warnings: &mut Vec<Warning>,
    interned: Option<Interned>,
) {
    let Interned {
        observed,
        provisional,
    } = match interned {
        Some(done) => done,
        None => intern(raw, rows, &spec.columns, usize::from(u16::MAX) - 1).unwrap_or_default(),
    };
    let ordered = question.kind == QuestionKind::Likert;
    let mut labels: Vec<String> = Vec::new();
    if ordered {
        let recognised;
        let order: Vec<String> = match scale {
            Some(s) => s.to_vec(),
            None => {
                recognised = scales::recognise(observed.iter().map(|(l, _)| l.as_str()));
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
                            .map(|(l, _)| l.clone())
                            .filter(|l| !scales::is_non_substantive(l))
                            .collect()
                    }
                }
            }
        };
        labels.extend(order);
        // Observed substantive answers missing from the given order go at its end.
        for (l, _) in &observed {
            if !labels.contains(l) && !scales::is_non_substantive(l) {
                labels.push(l.clone());
            }
        }
        question.scale_len = labels.len();
        for (l, _) in &observed {
            if !labels.contains(l) {
                labels.push(l.clone());
            }
        }
    } else {
        let mut sorted = observed.clone();
        // Descending count; non-substantive answers last.
        sorted.sort_by_key(|(l, count)| (scales::is_non_substantive(l), std::cmp::Reverse(*count)));
        labels = sorted.into_iter().map(|(l, _)| l).collect();
    }
    let index: HashMap<&str, u16> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), (i + 1) as u16))
        .collect();
    // Provisional code k (first-seen order) becomes the label's final code.
    let remap: Vec<u16> = std::iter::once(0)
        .chain(
            observed
                .iter()
                .map(|(l, _)| index.get(l.as_str()).copied().unwrap_or(0)),
        )
        .collect();
    for (mut codes, label) in provisional.into_iter().zip(&spec.items) {
        for code in &mut codes {
            *code = remap[usize::from(*code)];
        }
        question.items.push(Item {
            label: label.clone(),
            values: Values::Codes(codes),
        });
    }
    question.labels = labels;
}

fn build_multiple(
    raw: &RawTable,
    rows: &[usize],
    spec: &QuestionSpec,
    layout: Layout,
    question: &mut Question,
    warnings: &mut Vec<Warning>,
) {
    if spec.columns.len() > 1 || matches!(spec.shape, Shape::Ticks | Shape::Items) {
        // One column per option.
        let columns = &spec.columns[..spec.columns.len().min(MAX_OPTIONS)];
        if spec.columns.len() > MAX_OPTIONS {
            warnings.push(Warning::column(
                question.text.clone(),
                format!("plus de {MAX_OPTIONS} options : seules les {MAX_OPTIONS} premières sont gardées"),
            ));
        }
        let ticks =
            rows.iter()
                .map(|&r| {
                    columns.iter().zip(&spec.items).enumerate().fold(
                        0u64,
                        |acc, (k, (&c, option))| {
                            if tick_value(raw.cell(r, c), option) == Some(true) {
                                acc | (1 << k)
                            } else {
                                acc
                            }
                        },
                    )
                })
                .collect();
        question.labels = spec.items[..columns.len()].to_vec();
        question.items.push(Item {
            label: String::new(),
            values: Values::Ticks(ticks),
        });
        return;
    }
    let Some(&column) = spec.columns.first() else {
        return;
    };
    let cells: Vec<Option<Cow<'_, str>>> = rows
        .iter()
        .map(|&r| cell_text(raw.cell(r, column)))
        .collect();
    let present: Vec<Cow<'_, str>> = cells.iter().flatten().cloned().collect();
    let mut ticks = vec![0u64; rows.len()];
    if let Some(joined) = split_joined(&present) {
        let mut picks = joined.picks.into_iter();
        for (i, cell) in cells.iter().enumerate() {
            if cell.is_none() {
                continue;
            }
            if let Some((ticked, other)) = picks.next() {
                ticks[i] = ticked.iter().fold(0u64, |acc, &k| acc | (1 << k));
                if let Some(text) = other {
                    question
                        .other
                        .push((i as u32, privacy::redact_text(&text).into_owned()));
                }
            }
        }
        question.labels = joined.options;
    } else if let Some(spaced) = (layout == Layout::Kobo)
        .then(|| split_spaced(&present))
        .flatten()
    {
        let mut options: Vec<String> = Vec::new();
        let mut spaced = spaced.into_iter();
        for (i, cell) in cells.iter().enumerate() {
            if cell.is_none() {
                continue;
            }
            for name in spaced.next().unwrap_or_default() {
                let k = match options.iter().position(|o| *o == name) {
                    Some(k) => k,
                    None => {
                        options.push(name);
                        options.len() - 1
                    }
                };
                if k < MAX_OPTIONS {
                    ticks[i] |= 1 << k;
                }
            }
        }
        options.truncate(MAX_OPTIONS);
        question.labels = options;
    } else {
        // Not joined: each answer is one option.
        let mut options: Vec<String> = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let Some(text) = cell else { continue };
            let k = match options.iter().position(|o| o == text) {
                Some(k) => k,
                None => {
                    options.push(text.to_string());
                    options.len() - 1
                }
            };
            if k < MAX_OPTIONS {
                ticks[i] |= 1 << k;
            }
        }
        if options.len() > MAX_OPTIONS {
            warnings.push(Warning::column(
                question.text.clone(),
                format!("plus de {MAX_OPTIONS} réponses différentes : ce n'est sans doute pas un choix multiple"),
            ));
            options.truncate(MAX_OPTIONS);
        }
        question.labels = options;
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

    #[test]
    fn french_decimal_commas_and_dates_parse() {
        assert_eq!(parse_number("3,5"), Some(3.5));
        assert_eq!(parse_number("1 234,5"), Some(1234.5));
        assert_eq!(parse_number("Oui, souvent"), None);
        assert_eq!(
            format_date(cell_date(&Data::String("05/10/2013".into())).unwrap_or(0)),
            "2013-10-05"
        );
        assert_eq!(
            format_date(cell_date(&Data::String("2013-10-05 10:12:00".into())).unwrap_or(0)),
            "2013-10-05"
        );
    }

    #[test]
    fn kobo_space_joined_options_split() {
        let cells = cows(&["ateliers offres", "offres", "ateliers", "stage offres"]);
        let split = split_spaced(&cells).expect("space-joined");
        assert_eq!(split[0], vec!["ateliers".to_owned(), "offres".to_owned()]);
    }
}
