//! Cell values and their text: what a spreadsheet cell holds, read as an answer (text,
//! number, date), the way every part of Atelier reads it.

use std::borrow::Cow;

use calamine::Data;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_decimal_commas_and_dates_parse() {
        assert_eq!(cell_number(&Data::String("3,5".into())), Some(3.5));
        assert_eq!(cell_number(&Data::String("1 234,5".into())), Some(1234.5));
        assert_eq!(cell_number(&Data::String("Oui, souvent".into())), None);
        assert_eq!(
            format_date(cell_date(&Data::String("05/10/2013".into())).unwrap_or(0)),
            "2013-10-05"
        );
        assert_eq!(
            format_date(cell_date(&Data::String("2013-10-05 10:12:00".into())).unwrap_or(0)),
            "2013-10-05"
        );
    }
}
