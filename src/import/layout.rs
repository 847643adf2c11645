//! Recognising the survey tool that wrote a file, and grouping its columns into questions.
//!
//! Each tool lays out its export in its own way (header rows, `Stem [item]` columns, option
//! ticks, bookkeeping columns). [`detect`] recognises the tool from the headings; [`plan`]
//! turns the headings into [`QuestionSpec`]s, which [`super::questions`] fills with answers.

use calamine::Data;

use super::privacy;
use crate::model::french::key;
use crate::model::{Layout, Plan, QuestionSpec, RawTable, Shape};

/// Bookkeeping column names, compared after [`key`] normalisation.
const METADATA: &[&str] = &[
    // LimeSurvey (codes and full-text headings, French and English); its `id` column is
    // told by its content, as any row number is (see `ROW_NUMBER_WORDS`).
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "startdate",
    "datestamp",
    "refurl",
    "token",
    "id de la reponse",
    "id de reponse",
    "identifiant de la reponse",
    "date de soumission",
    "derniere page",
    "langue de depart",
    "tete de serie",
    "date de debut",
    "date de la derniere action",
    "date de derniere action",
    "response id",
    "date submitted",
    "last page",
    "start language",
    "date started",
    "date last action",
    "referrer url",
    "url de reference",
    "jeton",
    "interviewtime",
    "duree totale",
    "total time",
    // SurveyMonkey
    "respondent id",
    "collector id",
    "start date",
    "end date",
    "custom data",
    "custom data 1",
    "id du repondant",
    "id du collecteur",
    "date de fin",
    "donnees personnalisees",
    "donnees personnalisees 1",
    // Google Forms
    "timestamp",
    "horodateur",
    "horodatage",
    // KoboToolbox
    "_id",
    "_uuid",
    "_submission_time",
    "_index",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_version_",
    "_tags",
    "_parent_index",
    "_parent_table_name",
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber_meta",
    "meta/instanceid",
    "meta/instancename",
    "meta/deprecatedid",
    "instanceid",
    "formhub/uuid",
    "_xform_id_string",
    "_attachments",
    "_geolocation",
    "_media_count",
];

/// Words that open the heading of a column numbering the rows (« Identifiant », « ID »,
/// « N° », « Numéro », « No », « Id. »…), compared after [`key`] normalisation. Such a
/// heading alone does not make bookkeeping: « N° de département », or an « ID » of codes
/// that several respondents share, is a question. See [`numbers_rows`].
const ROW_NUMBER_WORDS: &[&str] = &[
    "id",
    "identifiant",
    "ident",
    "n°",
    "nº",
    "no",
    "num",
    "numero",
    "#",
    "number",
    "nr",
];

/// Words that may follow a row-number word (« Numéro de la réponse », « ID répondant »,
/// « N° d'ordre »).
const ROW_NUMBER_TAIL: &[&str] = &[
    "de",
    "du",
    "la",
    "le",
    "l'",
    "d'",
    "reponse",
    "repondant",
    "repondante",
    "ligne",
    "ordre",
    "questionnaire",
    "enregistrement",
    "saisie",
    "fiche",
    "observation",
    "participant",
    "enquete",
    "individu",
    "row",
    "record",
    "respondent",
    "response",
];

/// Whether a heading reads as a row number: a row-number word, alone or followed by words
/// saying what is numbered.
fn is_row_number_heading(heading: &str) -> bool {
    let k = key(heading);
    // « N°12 » and « d'ordre » split into their words.
    let spaced = k.replace('°', "° ").replace('º', "º ").replace('\'', "' ");
    let mut words = spaced.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_end_matches('.');
    ROW_NUMBER_WORDS.contains(&first)
        && words.all(|w| ROW_NUMBER_TAIL.contains(&w.trim_end_matches('.')))
}

/// Whether a column numbers the respondents' rows: in every row holding any value, a whole
/// number (zero or more), or a code made of one prefix shared by every row and a number
/// (`E01`, `E02`…); no number twice; and the numbers in order (rising, or falling as in an
/// export sorted newest first), or else a run without gaps in another order. A column of
/// repeated numbers (a structure's code), of codes with different prefixes (`PE`, `ML1`),
/// of words, or with blanks is not a row number, whatever its heading.
fn numbers_rows(raw: &RawTable, header_rows: usize, column: usize) -> bool {
    let mut prefix: Option<String> = None;
    let mut numbers: Vec<u64> = Vec::new();
    for r in header_rows..raw.height() {
        let row = raw.row(r);
        if !row.iter().any(crate::model::cell::has_value) {
            continue;
        }
        let Some((head, number)) = row.get(column).and_then(row_number) else {
            return false;
        };
        match &prefix {
            Some(p) if *p != head => return false,
            Some(_) => {}
            None => prefix = Some(head),
        }
        numbers.push(number);
    }
    let rising = numbers.windows(2).all(|w| w[0] < w[1]);
    let falling = numbers.windows(2).all(|w| w[0] > w[1]);
    if rising || falling {
        return true;
    }
    numbers.sort_unstable();
    let distinct = numbers.windows(2).all(|w| w[0] < w[1]);
    let gapless = match (numbers.first(), numbers.last()) {
        (Some(first), Some(last)) => last - first + 1 == numbers.len() as u64,
        _ => true,
    };
    distinct && gapless
}

/// A cell read as a row number: its prefix (empty for a plain number) and its number.
fn row_number(cell: &Data) -> Option<(String, u64)> {
    // Whole and below 2^53, a number converts exactly.
    if let Some(x) = crate::model::cell::cell_number(cell) {
        return (x.fract() == 0.0 && (0.0..9.0e15).contains(&x)).then(|| (String::new(), x as u64));
    }
    let Data::String(text) = cell else {
        return None;
    };
    let text = text.trim();
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, tail) = text.split_at(text.len() - digits);
    if tail.is_empty() || tail.len() > 15 || head.chars().count() > 12 {
        return None;
    }
    Some((head.to_owned(), tail.parse().ok()?))
}

fn is_metadata(heading: &str) -> bool {
    let k = key(heading);
    METADATA.contains(&k.as_str())
        || (k.starts_with("custom data") || k.starts_with("donnees personnalisees"))
        || k.starts_with("meta/")
        || k.starts_with("_")
}

/// Text of a cell as a heading.
fn heading_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        other => other.to_string(),
    }
}

/// Recognise the tool that wrote the table.
pub fn detect(raw: &RawTable) -> Layout {
    if raw.height() == 0 {
        return Layout::Generic;
    }
    let first: Vec<String> = raw.row(0).iter().map(|c| key(&heading_text(c))).collect();
    let has = |names: &[&str]| first.iter().any(|h| names.contains(&h.as_str()));

    if has(&[
        "respondent id",
        "collector id",
        "id du repondant",
        "id du collecteur",
    ]) && raw.height() >= 2
    {
        return Layout::SurveyMonkey;
    }
    if has(&["_uuid", "_submission_time", "_index", "_id"])
        && (has(&["_uuid", "_submission_time"]) || first.iter().any(|h| h.contains('/')))
    {
        return Layout::Kobo;
    }
    if first
        .first()
        .is_some_and(|h| ["timestamp", "horodateur", "horodatage"].contains(&h.as_str()))
    {
        return Layout::GoogleForms;
    }
    let lime_bookkeeping = [
        "submitdate",
        "lastpage",
        "startlanguage",
        "seed",
        "date de soumission",
        "derniere page",
        "langue de depart",
        "tete de serie",
        "date submitted",
        "last page",
        "start language",
        "id de la reponse",
        "response id",
    ];
    if first
        .iter()
        .filter(|h| lime_bookkeeping.contains(&h.as_str()))
        .count()
        >= 2
    {
        return Layout::LimeSurvey;
    }
    Layout::Generic
}

/// Split `Stem [item]` into stem and item; also LimeSurvey codes `Q3[SQ001]`.
pub fn split_item(heading: &str) -> (&str, Option<&str>) {
    let trimmed = heading.trim_end();
    if let Some(body) = trimmed.strip_suffix(']')
        && let Some(open) = body.rfind('[')
    {
        let stem = body[..open].trim_end();
        let item = body[open + 1..].trim();
        if !stem.is_empty() && !item.is_empty() {
            return (stem, Some(item));
        }
    }
    (trimmed, None)
}

/// Whether an item label names a free "other" answer.
pub fn is_other_label(label: &str) -> bool {
    let k = key(label);
    k == "other"
        || k == "autre"
        || k == "autres"
        || k.starts_with("other (")
        || k.starts_with("autre (")
        || k.starts_with("autre, ")
        || k.starts_with("other, ")
        || k == "autre (precisez)"
}

/// A LimeSurvey question code such as `G01Q03` or `Q3`: letters and digits, no spaces.
fn is_code(stem: &str) -> bool {
    !stem.is_empty()
        && stem.len() <= 20
        && stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && stem.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// Build the plan for a table whose layout is known.
pub fn plan(raw: &RawTable, layout: Layout) -> Plan {
    match layout {
        Layout::SurveyMonkey => plan_surveymonkey(raw),
        Layout::Kobo => plan_kobo(raw),
        Layout::LimeSurvey | Layout::GoogleForms => plan_bracketed(raw, layout),
        Layout::Generic => plan_generic(raw),
    }
}

/// Sort a column into metadata or personal data by its heading (and, for a heading that
/// may name a row number, by its content); `true` when it was sorted.
fn set_apart(raw: &RawTable, index: usize, heading: &str, plan: &mut Plan) -> bool {
    if let Some(kind) = privacy::personal_by_header(heading) {
        plan.personal.push((index, kind));
        return true;
    }
    if is_metadata(heading)
        || (is_row_number_heading(heading) && numbers_rows(raw, plan.header_rows, index))
    {
        plan.metadata.push(index);
        return true;
    }
    false
}

fn empty_plan(raw: &RawTable, layout: Layout, header_rows: usize) -> Plan {
    let headings = if raw.height() == 0 {
        Vec::new()
    } else {
        raw.row(0).iter().map(heading_text).collect()
    };
    Plan {
        layout,
        header_rows,
        headings,
        questions: Vec::new(),
        metadata: Vec::new(),
        personal: Vec::new(),
    }
}

/// Ids `q1`, `q2`, … for tools without question codes.
fn next_id(plan: &Plan) -> String {
    format!("q{}", plan.questions.len() + 1)
}

fn plan_generic(raw: &RawTable) -> Plan {
    let mut plan = empty_plan(raw, Layout::Generic, 1);
    for (index, heading) in plan.headings.clone().iter().enumerate() {
        if set_apart(raw, index, heading, &mut plan) {
            continue;
        }
        let id = next_id(&plan);
        let text = if heading.is_empty() {
            format!("Colonne {}", index + 1)
        } else {
            heading.clone()
        };
        plan.questions.push(QuestionSpec {
            id,
            text,
            columns: vec![index],
            items: vec![String::new()],
            other: None,
            shape: Shape::Column,
        });
    }
    plan
}

/// LimeSurvey and Google Forms: one header row, `Stem [item]` columns grouped by stem.
fn plan_bracketed(raw: &RawTable, layout: Layout) -> Plan {
    let mut plan = empty_plan(raw, layout, 1);
    let headings = plan.headings.clone();
    let mut index = 0;
    while index < headings.len() {
        let heading = &headings[index];
        if set_apart(raw, index, heading, &mut plan) {
            index += 1;
            continue;
        }
        let (stem, item) = split_item(heading);
        let coded = layout == Layout::LimeSurvey && is_code(stem);
        let id = if coded {
            stem.to_owned()
        } else {
            next_id(&plan)
        };
        let text = if stem.is_empty() {
            format!("Colonne {}", index + 1)
        } else {
            stem.to_owned()
        };
        let Some(first_item) = item else {
            plan.questions.push(QuestionSpec {
                id,
                text,
                columns: vec![index],
                items: vec![String::new()],
                other: None,
                shape: Shape::Column,
            });
            index += 1;
            continue;
        };
        // Gather the run of columns sharing this stem.
        let mut spec = QuestionSpec {
            id,
            text,
            columns: Vec::new(),
            items: Vec::new(),
            other: None,
            shape: Shape::Items,
        };
        let mut item_label = first_item.to_owned();
        loop {
            let k = key(&item_label);
            if is_other_label(&item_label) && spec.other.is_none() {
                spec.other = Some(index);
            } else if k == "comment" || k == "commentaire" {
                // LimeSurvey's per-question comment: its own open question, added after.
            } else {
                spec.columns.push(index);
                spec.items.push(item_label.clone());
            }
            index += 1;
            match headings.get(index).map(|h| split_item(h)) {
                Some((next_stem, Some(next_item))) if next_stem == stem => {
                    item_label = next_item.to_owned();
                }
                _ => break,
            }
        }
        if spec.columns.len() == 1 && spec.other.is_none() {
            // A lone `Stem [item]` column is a plain question about that item.
            spec.text = format!("{} [{}]", spec.text, spec.items[0]);
            spec.items = vec![String::new()];
            spec.shape = Shape::Column;
        }
        if !spec.columns.is_empty() || spec.other.is_some() {
            if spec.columns.is_empty() {
                // Only an "other" column: an open question.
                spec.columns = spec.other.take().into_iter().collect();
                spec.items = vec![String::new()];
                spec.shape = Shape::OpenColumn;
            }
            plan.questions.push(spec);
        }
    }
    plan
}

/// SurveyMonkey: row 0 holds the question above its first column, row 1 the option, row
/// or answer label under each column.
fn plan_surveymonkey(raw: &RawTable) -> Plan {
    let mut plan = empty_plan(raw, Layout::SurveyMonkey, 2);
    let top = plan.headings.clone();
    let sub: Vec<String> = raw.row(1).iter().map(heading_text).collect();
    let mut full = Vec::with_capacity(top.len());
    let mut current = String::new();
    for (t, s) in top.iter().zip(&sub) {
        if !t.is_empty() {
            current = t.clone();
        }
        full.push(if s.is_empty() {
            current.clone()
        } else {
            format!("{current} [{s}]")
        });
    }
    let mut index = 0;
    while index < top.len() {
        let stem = if top[index].is_empty() {
            format!("Colonne {}", index + 1)
        } else {
            top[index].clone()
        };
        let mut end = index + 1;
        while end < top.len() && top[end].is_empty() {
            end += 1;
        }
        if end == index + 1 && sub[index].is_empty() && set_apart(raw, index, &stem, &mut plan) {
            index = end;
            continue;
        }
        let mut spec = QuestionSpec {
            id: next_id(&plan),
            text: stem,
            columns: Vec::new(),
            items: Vec::new(),
            other: None,
            shape: Shape::Items,
        };
        for (column, label) in sub.iter().enumerate().take(end).skip(index) {
            let k = key(label);
            if (is_other_label(label)
                || k.starts_with("other (please specify")
                || k.starts_with("autre (veuillez"))
                && spec.other.is_none()
            {
                spec.other = Some(column);
                continue;
            }
            spec.columns.push(column);
            spec.items.push(label.clone());
        }
        let single_kind = |k: &str| {
            [
                "response",
                "reponse",
                "open-ended response",
                "reponse ouverte",
                "",
            ]
            .contains(&k)
        };
        if spec.columns.len() == 1 && single_kind(&key(&spec.items[0])) {
            let open = key(&spec.items[0]).contains("ouverte")
                || key(&spec.items[0]).contains("open-ended");
            spec.items = vec![String::new()];
            spec.shape = if open {
                Shape::OpenColumn
            } else {
                Shape::Column
            };
        } else if spec.columns.is_empty()
            && let Some(other) = spec.other.take()
        {
            spec.columns.push(other);
            spec.items.push(String::new());
            spec.shape = Shape::OpenColumn;
        }
        if !spec.columns.is_empty() {
            plan.questions.push(spec);
        }
        index = end;
    }
    plan.headings = full;
    plan
}

/// KoboToolbox: `group/question` headings; a select_multiple has its joined column and one
/// 0/1 column per option, `group/question/option`.
fn plan_kobo(raw: &RawTable) -> Plan {
    let mut plan = empty_plan(raw, Layout::Kobo, 1);
    let headings = plan.headings.clone();
    let mut index = 0;
    while index < headings.len() {
        let heading = &headings[index];
        let name = heading
            .rsplit('/')
            .next()
            .unwrap_or(heading)
            .trim()
            .to_owned();
        if set_apart(raw, index, heading, &mut plan) || set_apart(raw, index, &name, &mut plan) {
            index += 1;
            continue;
        }
        // Option columns follow their joined column: `heading/option`.
        let prefix = format!("{heading}/");
        let mut end = index + 1;
        while end < headings.len() && headings[end].starts_with(&prefix) {
            end += 1;
        }
        let id = if name.is_empty() {
            next_id(&plan)
        } else {
            name.replace(' ', "_")
        };
        let text = if name.is_empty() {
            format!("Colonne {}", index + 1)
        } else {
            name.clone()
        };
        let spec = if end > index + 1 {
            QuestionSpec {
                id,
                text,
                columns: (index + 1..end).collect(),
                items: headings[index + 1..end]
                    .iter()
                    .map(|h| h[prefix.len()..].to_owned())
                    .collect(),
                other: None,
                shape: Shape::Ticks,
            }
        } else {
            QuestionSpec {
                id,
                text,
                columns: vec![index],
                items: vec![String::new()],
                other: None,
                shape: Shape::Column,
            }
        };
        plan.questions.push(spec);
        index = end;
    }
    // A column of space-joined option names without its tick columns is flagged later
    // by the values (see `questions::infer`).
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan of a semicolon-separated table, with the headings of its bookkeeping
    /// columns and of its questions.
    fn sorted(csv: &str) -> (Vec<String>, Vec<String>) {
        let raw = crate::import::read::read_bytes(
            "export.csv",
            csv.as_bytes(),
            None,
            &crate::progress::Silent,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let plan = plan(&raw, detect(&raw));
        let metadata = plan
            .metadata
            .iter()
            .map(|&c| plan.headings[c].clone())
            .collect();
        let questions = plan.questions.iter().map(|q| q.text.clone()).collect();
        (metadata, questions)
    }

    #[test]
    fn a_column_numbering_the_rows_is_bookkeeping() {
        // Rising, falling (newest first), shuffled without gaps, codes with a running number.
        let (metadata, questions) = sorted(
            "Identifiant;N°;Numéro de réponse;Id.;No;Avis\n\
             1;104;3;E01;7;Oui\n\
             2;103;1;E02;12;Non\n\
             3;102;4;E03;15;Oui\n\
             4;101;2;E04;40;Oui\n",
        );
        assert_eq!(
            metadata,
            ["Identifiant", "N°", "Numéro de réponse", "Id.", "No"]
        );
        assert_eq!(questions, ["Avis"]);
    }

    #[test]
    fn a_heading_like_an_id_over_values_that_do_not_number_rows_stays_a_question() {
        let (metadata, questions) = sorted(
            "ID;N°;Numéro;No;Identifiant;Nombre de jeunes\n\
             1;PE;1;7;A1;1\n\
             1;ML;;30;B2;2\n\
             2;PE;3;2;A3;3\n\
             2;ML;4;11;B4;4\n",
        );
        // Repeated numbers (a structure's code), words, a blank, numbers out of order with
        // gaps, codes with different prefixes: questions, whatever their heading says. And
        // numbers that do count rows are no bookkeeping under a question's heading.
        assert!(metadata.is_empty(), "{metadata:?}");
        assert_eq!(
            questions,
            [
                "ID",
                "N°",
                "Numéro",
                "No",
                "Identifiant",
                "Nombre de jeunes"
            ]
        );
    }

    #[test]
    fn limesurvey_response_ids_stay_bookkeeping() {
        let (metadata, questions) = sorted(
            "id;submitdate;lastpage;G01Q01\n\
             12;2013-10-01 10:00:00;2;A1\n\
             15;2013-10-01 11:00:00;2;A2\n",
        );
        assert_eq!(metadata, ["id", "submitdate", "lastpage"]);
        assert_eq!(questions, ["G01Q01"]);
    }
}
