//! Typing the fields of delimited text: integers, decimals, French-formatted numbers, text.
//!
//! Integers and decimals with a dot are typed cell by cell, as a spreadsheet would. Numbers in
//! the French format (`3,5`, `-0,25`, `1 234,5`) are only candidates: a comma is also how
//! people write lists (`Oui, souvent`, `1,5` for options 1 and 5), so they become numbers
//! only when their whole column is numeric ([`ColumnTyping`]). Dates stay text; later stages
//! recognise them.

use calamine::Data;

/// How many rows at the top of a column may hold text (header rows) without keeping a
/// column of French-formatted numbers as text.
const HEADER_ROWS: usize = 3;

/// What a field looks like.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Field {
    /// Nothing at all.
    Empty,
    /// Only spaces: kept as written, but neutral when typing its column.
    Blank,
    /// An integer that fits in `i64`.
    Int(i64),
    /// A decimal with a dot (`3.5`, `-0.25`, `1.5E+10`).
    Float(f64),
    /// A number in the French format, converted if its column allows it.
    French,
    /// Anything else.
    Text,
}

/// Classifies one field. Surrounding ASCII spaces are tolerated around numbers.
///
/// Integers with a leading zero (`0612345678`, `01000`) or a plus sign (`+33…`) are
/// identifiers and stay text, as do integers too long for `i64`: turning them into numbers
/// would lose digits.
pub(super) fn classify(field: &str) -> Field {
    if field.is_empty() {
        return Field::Empty;
    }
    let trimmed = field.trim_matches(' ');
    if trimmed.is_empty() {
        return Field::Blank;
    }
    let bytes = trimmed.as_bytes();
    let body = bytes.strip_prefix(b"-").unwrap_or(bytes);
    let int_len = leading_digits(body);
    if int_len == 0 || (int_len > 1 && body[0] == b'0') {
        return Field::Text;
    }
    let rest = &body[int_len..];
    match rest.first() {
        None => trimmed.parse().map_or(Field::Text, Field::Int),
        Some(b'.') => {
            let frac = leading_digits(&rest[1..]);
            let after = &rest[1 + frac..];
            if frac > 0 && (after.is_empty() || is_exponent(after)) {
                trimmed.parse().map_or(Field::Text, Field::Float)
            } else {
                Field::Text
            }
        }
        Some(b',') => {
            let frac = leading_digits(&rest[1..]);
            if frac > 0 && frac + 1 == rest.len() {
                Field::French
            } else {
                Field::Text
            }
        }
        Some(_) if int_len <= 3 && grouped_tail(rest) => Field::French,
        Some(_) => Field::Text,
    }
}

/// The value of a field that [`classify`] calls [`Field::French`]: `Float`, or `Int` for a
/// grouped integer without decimals (`1 234`).
pub(super) fn parse_french(field: &str) -> Option<Data> {
    let trimmed = field.trim_matches(' ');
    let mut plain = String::with_capacity(trimmed.len());
    let mut decimal = false;
    for c in trimmed.chars() {
        match c {
            ',' => {
                decimal = true;
                plain.push('.');
            }
            ' ' | '\u{a0}' | '\u{202f}' => {}
            c => plain.push(c),
        }
    }
    if decimal {
        plain.parse().ok().map(Data::Float)
    } else {
        plain.parse().ok().map(Data::Int)
    }
}

/// Groups of exactly three digits after a thousands separator (one kind throughout), then
/// optionally a decimal comma and digits.
fn grouped_tail(mut rest: &[u8]) -> bool {
    let Some(separator) = separator_at(rest) else {
        return false;
    };
    while let Some(sep) = separator_at(rest) {
        if sep != separator {
            return false;
        }
        rest = &rest[sep.len()..];
        if leading_digits(rest) < 3 || rest.get(3).is_some_and(u8::is_ascii_digit) {
            return false;
        }
        rest = &rest[3..];
    }
    match rest.split_first() {
        None => true,
        Some((b',', frac)) => !frac.is_empty() && leading_digits(frac) == frac.len(),
        Some(_) => false,
    }
}

/// The thousands separator starting `bytes`: a space, a no-break space or a narrow no-break
/// space (what French locales write).
fn separator_at(bytes: &[u8]) -> Option<&'static [u8]> {
    const SEPARATORS: [&[u8]; 3] = [b" ", "\u{a0}".as_bytes(), "\u{202f}".as_bytes()];
    SEPARATORS.into_iter().find(|sep| bytes.starts_with(sep))
}

/// `E+12`, `e-05`: the exponent Excel writes for very large or small numbers. The sign is
/// required so that codes like `1E5` stay text.
fn is_exponent(bytes: &[u8]) -> bool {
    matches!(bytes, [b'E' | b'e', b'+' | b'-', digits @ ..] if !digits.is_empty() && leading_digits(digits) == digits.len())
}

fn leading_digits(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// What one column's fields have been so far, to decide whether its French-formatted
/// numbers become numbers.
#[derive(Clone, Debug, Default)]
pub(super) struct ColumnTyping {
    first_number_row: Option<usize>,
    has_text: bool,
    french: usize,
}

impl ColumnTyping {
    /// Records the field at `row`.
    pub(super) fn see(&mut self, row: usize, field: Field) {
        match field {
            Field::Empty | Field::Blank => {}
            Field::Int(_) | Field::Float(_) => {
                self.first_number_row.get_or_insert(row);
            }
            Field::French => {
                self.first_number_row.get_or_insert(row);
                self.french += 1;
            }
            // Text is allowed only above the first number, in the header rows.
            Field::Text => {
                if self.first_number_row.is_some() || row >= HEADER_ROWS {
                    self.has_text = true;
                }
            }
        }
    }

    /// True when the column's French-formatted numbers should become numbers: it has some,
    /// and below its header rows every non-empty field is a number.
    pub(super) fn converts_french(&self) -> bool {
        self.french > 0 && !self.has_text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_and_dot_decimals_are_numbers() {
        assert_eq!(classify("42"), Field::Int(42));
        assert_eq!(classify("-7"), Field::Int(-7));
        assert_eq!(classify("0"), Field::Int(0));
        assert_eq!(classify(" 12 "), Field::Int(12));
        assert_eq!(classify("3.5"), Field::Float(3.5));
        assert_eq!(classify("-0.25"), Field::Float(-0.25));
        assert_eq!(classify("1.5E+10"), Field::Float(1.5e10));
    }

    #[test]
    fn identifiers_dates_and_words_stay_text() {
        for text in [
            "0612345678",
            "+33612345678",
            "01000",
            "99999999999999999999",
            "1E5",
            "192.168.1.20",
            "2013-10-02",
            "02/10/2013",
            "12.05.2023",
            "3,5 %",
            "NaN",
            "inf",
            ".5",
            "5.",
            "-",
            "Oui, souvent",
        ] {
            assert_eq!(classify(text), Field::Text, "{text:?}");
        }
        assert_eq!(classify(""), Field::Empty);
        assert_eq!(classify("  "), Field::Blank);
    }

    #[test]
    fn french_numbers_are_candidates() {
        for text in [
            "3,5",
            "-0,25",
            "1 234,5",
            "1\u{a0}234,5",
            "1\u{202f}234\u{202f}567,25",
            "1 234",
            "0,5",
        ] {
            assert_eq!(classify(text), Field::French, "{text:?}");
        }
        for text in [
            "1,2,3",
            "1 23,5",
            "1 2345",
            "1 234\u{a0}567",
            "12,",
            ",5",
            "1234 567",
        ] {
            assert_eq!(classify(text), Field::Text, "{text:?}");
        }
        assert_eq!(parse_french("3,5"), Some(Data::Float(3.5)));
        assert_eq!(parse_french("-0,25"), Some(Data::Float(-0.25)));
        assert_eq!(parse_french("1\u{a0}234,5"), Some(Data::Float(1234.5)));
        assert_eq!(parse_french("1 234"), Some(Data::Int(1234)));
    }

    #[test]
    fn a_column_converts_only_when_numeric_below_its_headers() {
        let mut notes = ColumnTyping::default();
        for (row, field) in ["Note", "3,5", "4", "", "2,25"].into_iter().enumerate() {
            notes.see(row, classify(field));
        }
        assert!(notes.converts_french());

        let mut mixed = ColumnTyping::default();
        for (row, field) in ["Note", "3,5", "NSP", "2,25"].into_iter().enumerate() {
            mixed.see(row, classify(field));
        }
        assert!(!mixed.converts_french());

        let mut late = ColumnTyping::default();
        for (row, field) in ["a", "b", "c", "d", "3,5"].into_iter().enumerate() {
            late.see(row, classify(field));
        }
        assert!(!late.converts_french(), "text too deep to be a header");

        let mut integers = ColumnTyping::default();
        for (row, field) in ["Age", "21", "19"].into_iter().enumerate() {
            integers.see(row, classify(field));
        }
        assert!(!integers.converts_french(), "nothing to convert");
    }
}
