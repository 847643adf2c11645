//! A survey as the importer understood it, kept in the project so that reopening it does not
//! read and understand its file again.
//!
//! Reading a 100,000-row workbook takes seconds (its XML is parsed cell by cell); decoding
//! the same cells and questions from this compact binary form (postcard) takes a fraction of
//! that. A snapshot holds the survey before the evaluator's corrections, which are applied
//! on top when the project opens. It is derived data: when its format or the importer
//! changes ([`FORMAT`]), the project reads the stored file again and writes a new one.

use calamine::{CellErrorType, Data, ExcelDateTime, ExcelDateTimeType, Range};
use serde::{Deserialize, Serialize};

use crate::model::{FileFormat, Inference, Plan, Question, RawTable, Survey, Warning};

/// The snapshot format and the importer that wrote it: a snapshot written by another
/// version is ignored and the survey is read again from its stored file.
pub const FORMAT: &str = concat!("2/", env!("CARGO_PKG_VERSION"));

/// The encodings a delimited file may be read as (the names `RawTable::encoding` takes).
const ENCODINGS: [&str; 4] = ["utf-8", "utf-16le", "utf-16be", "windows-1252"];

#[derive(Serialize, Deserialize)]
struct Snapshot {
    file_name: String,
    format: FileFormat,
    encoding: Option<String>,
    delimiter: Option<u8>,
    sheets: Vec<String>,
    sheet: Option<String>,
    height: u32,
    width: u32,
    /// Column by column: most columns hold a few distinct answers many times over.
    columns: Vec<Column>,
    raw_warnings: Vec<Warning>,
    plan: Plan,
    respondent_rows: Vec<usize>,
    questions: Vec<Question>,
    inferred: Vec<Inference>,
    warnings: Vec<Warning>,
}

/// One column of cells: its distinct values, and each row's (`0` empty, `k` the `k`-th).
#[derive(Serialize, Deserialize)]
struct Column {
    distinct: Vec<Cell>,
    rows: Vec<u32>,
}

/// A cell as calamine gives it.
#[derive(Serialize, Deserialize, Clone, PartialEq)]
enum Cell {
    Empty,
    Int(i64),
    Float(f64),
    Text(String),
    Bool(bool),
    DateTime {
        value: f64,
        duration: bool,
        is_1904: bool,
    },
    DateTimeIso(String),
    DurationIso(String),
    Error(u8),
}

const ERRORS: [CellErrorType; 8] = [
    CellErrorType::Div0,
    CellErrorType::NA,
    CellErrorType::Name,
    CellErrorType::Null,
    CellErrorType::Num,
    CellErrorType::Ref,
    CellErrorType::Value,
    CellErrorType::GettingData,
];

impl Cell {
    fn of(data: &Data) -> Cell {
        match data {
            Data::Empty => Cell::Empty,
            Data::Int(i) => Cell::Int(*i),
            Data::Float(f) => Cell::Float(*f),
            Data::String(s) => Cell::Text(s.clone()),
            Data::Bool(b) => Cell::Bool(*b),
            Data::DateTime(dt) => {
                let kind = if dt.is_duration() {
                    ExcelDateTimeType::TimeDelta
                } else {
                    ExcelDateTimeType::DateTime
                };
                // calamine keeps the workbook's epoch to itself: a 1900-based value with the
                // same number and kind is the same date only when the workbook was 1900-based.
                let is_1904 = *dt != ExcelDateTime::new(dt.as_f64(), kind, false);
                Cell::DateTime {
                    value: dt.as_f64(),
                    duration: dt.is_duration(),
                    is_1904,
                }
            }
            Data::DateTimeIso(s) => Cell::DateTimeIso(s.clone()),
            Data::DurationIso(s) => Cell::DurationIso(s.clone()),
            Data::Error(e) => Cell::Error(ERRORS.iter().position(|x| x == e).unwrap_or(0) as u8),
        }
    }

    fn into_data(self) -> Data {
        match self {
            Cell::Empty => Data::Empty,
            Cell::Int(i) => Data::Int(i),
            Cell::Float(f) => Data::Float(f),
            Cell::Text(s) => Data::String(s),
            Cell::Bool(b) => Data::Bool(b),
            Cell::DateTime {
                value,
                duration,
                is_1904,
            } => {
                let kind = if duration {
                    ExcelDateTimeType::TimeDelta
                } else {
                    ExcelDateTimeType::DateTime
                };
                Data::DateTime(ExcelDateTime::new(value, kind, is_1904))
            }
            Cell::DateTimeIso(s) => Data::DateTimeIso(s),
            Cell::DurationIso(s) => Data::DurationIso(s),
            Cell::Error(k) => Data::Error(ERRORS[usize::from(k).min(ERRORS.len() - 1)].clone()),
        }
    }
}

/// Column `c` of the table as its distinct values and each row's.
fn column(raw: &RawTable, c: usize) -> Column {
    let mut distinct: Vec<Cell> = Vec::new();
    let mut index: std::collections::HashMap<Key<'_>, u32> = std::collections::HashMap::new();
    let mut rows = Vec::with_capacity(raw.height());
    for r in 0..raw.height() {
        let data = raw.cell(r, c);
        if matches!(data, Data::Empty) {
            rows.push(0);
            continue;
        }
        let k = *index.entry(Key::of(data)).or_insert_with(|| {
            distinct.push(Cell::of(data));
            distinct.len() as u32
        });
        rows.push(k);
    }
    Column { distinct, rows }
}

/// A cell as a hash key: its text, or the bits of its number.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    Text(u8, &'a str),
    Bits(u8, u64),
}

impl<'a> Key<'a> {
    fn of(data: &'a Data) -> Key<'a> {
        match data {
            Data::Empty => Key::Bits(0, 0),
            Data::Int(i) => Key::Bits(1, *i as u64),
            Data::Float(f) => Key::Bits(2, f.to_bits()),
            Data::String(s) => Key::Text(3, s),
            Data::Bool(b) => Key::Bits(4, u64::from(*b)),
            // The epoch and kind go with the value: keyed by the whole cell's form.
            Data::DateTime(dt) => Key::Bits(
                5 + u8::from(dt.is_duration())
                    + 2 * u8::from(matches!(
                        Cell::of(data),
                        Cell::DateTime { is_1904: true, .. }
                    )),
                dt.as_f64().to_bits(),
            ),
            Data::DateTimeIso(s) => Key::Text(9, s),
            Data::DurationIso(s) => Key::Text(10, s),
            Data::Error(e) => Key::Bits(11, ERRORS.iter().position(|x| x == e).unwrap_or(0) as u64),
        }
    }
}

/// The survey as bytes, before the evaluator's corrections (`survey.corrections` is left out).
pub fn encode(survey: &Survey) -> Result<Vec<u8>, String> {
    let raw = &survey.raw;
    let columns = (0..raw.width()).map(|c| column(raw, c)).collect();
    let snapshot = Snapshot {
        file_name: raw.file_name.clone(),
        format: raw.format,
        encoding: raw.encoding.map(str::to_owned),
        delimiter: raw.delimiter,
        sheets: raw.sheets.clone(),
        sheet: raw.sheet.clone(),
        height: raw.height() as u32,
        width: raw.width() as u32,
        columns,
        raw_warnings: raw.warnings.clone(),
        plan: survey.plan.clone(),
        respondent_rows: survey.respondent_rows.clone(),
        // Coded questions are derived from the coding, which the project keeps apart.
        questions: survey
            .questions
            .iter()
            .filter(|q| !crate::coding::variables::is_coded(q))
            .cloned()
            .collect(),
        inferred: survey.inferred.clone(),
        warnings: survey.warnings.clone(),
    };
    postcard::to_stdvec(&snapshot).map_err(|e| e.to_string())
}

/// The survey a snapshot holds, without corrections; an error when the bytes are not a
/// snapshot of this format.
pub fn decode(bytes: &[u8]) -> Result<Survey, String> {
    let snapshot: Snapshot = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
    let (height, width) = (snapshot.height as usize, snapshot.width as usize);
    if snapshot.columns.len() != width || snapshot.columns.iter().any(|c| c.rows.len() != height) {
        return Err("cellules en nombre incohérent".to_owned());
    }
    let mut cells = if height == 0 || width == 0 {
        Range::empty()
    } else {
        Range::new((0, 0), (snapshot.height - 1, snapshot.width - 1))
    };
    for (c, column) in snapshot.columns.into_iter().enumerate() {
        let distinct: Vec<Data> = column.distinct.into_iter().map(Cell::into_data).collect();
        for (r, &k) in column.rows.iter().enumerate() {
            if k != 0 {
                let value = distinct
                    .get(k as usize - 1)
                    .ok_or_else(|| "cellule hors de son dictionnaire".to_owned())?;
                cells[(r, c)] = value.clone();
            }
        }
    }
    let encoding = snapshot
        .encoding
        .and_then(|e| ENCODINGS.into_iter().find(|known| *known == e));
    Ok(Survey {
        raw: RawTable {
            file_name: snapshot.file_name,
            format: snapshot.format,
            encoding,
            delimiter: snapshot.delimiter,
            sheets: snapshot.sheets,
            sheet: snapshot.sheet,
            cells,
            warnings: snapshot.raw_warnings,
        },
        plan: snapshot.plan,
        respondent_rows: snapshot.respondent_rows,
        questions: snapshot.questions,
        inferred: snapshot.inferred,
        corrections: Default::default(),
        warnings: snapshot.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PseudonymKey;

    #[test]
    fn a_survey_comes_back_from_its_snapshot_as_it_was() {
        let csv = "id;Âge;Avis;Commentaire\n1;22;Très satisfait;Bien\n2;;Plutôt satisfait;\n3;31,5;Pas du tout satisfait;Trop long\n";
        let raw = crate::import::read::read_bytes(
            "avis.csv",
            csv.as_bytes(),
            None,
            &crate::progress::Silent,
        )
        .unwrap();
        let survey = Survey::from_raw(raw, &PseudonymKey([3; 32]));
        let back = decode(&encode(&survey).unwrap()).unwrap();
        // NaN (no answer) is not equal to itself: compare as printed.
        assert_eq!(
            format!("{:?}", back.questions),
            format!("{:?}", survey.questions)
        );
        assert_eq!(back.plan, survey.plan);
        assert_eq!(back.inferred, survey.inferred);
        assert_eq!(back.raw.cells, survey.raw.cells);
        assert_eq!(back.raw.encoding, Some("utf-8"));
        assert_eq!(back.respondents(), 3);
    }

    #[test]
    fn dates_keep_their_epoch_and_kind() {
        for (value, kind, is_1904) in [
            (45_000.5, ExcelDateTimeType::DateTime, false),
            (40_000.0, ExcelDateTimeType::DateTime, true),
            (1.25, ExcelDateTimeType::TimeDelta, false),
        ] {
            let data = Data::DateTime(ExcelDateTime::new(value, kind, is_1904));
            assert_eq!(Cell::of(&data).into_data(), data);
        }
        let error = Data::Error(CellErrorType::Ref);
        assert_eq!(Cell::of(&error).into_data(), error);
    }

    #[test]
    fn bytes_that_are_not_a_snapshot_are_refused() {
        assert!(decode(b"pas un instantane").is_err());
    }
}
