//! French text, in one place: folding words for comparison (accents, case, apostrophes),
//! numbers written the French way, and month names.
//!
//! Every module that compares labels (headings, scale answers, cohort codes) folds them
//! here, and every number shown to a person (screen, chart, table, terminal) is written
//! here, so that « Élevé » and « eleve » match everywhere and `12 345,6` reads the same
//! in a chart as in a spreadsheet.

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The no-break space that separates thousands and stands before « % ».
pub const NBSP: char = '\u{a0}';

/// The unaccented spelling of an accented Latin letter or ligature, either case, in lower
/// case (« É » → "e", « Œ » → "oe"); `None` for any other character.
pub fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        _ => return None,
    })
}

/// Whether a character is an apostrophe, straight or typographic.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '′')
}

/// Push `c` folded: accents and ligatures spelt out, lower case.
fn push_folded(out: &mut String, c: char) {
    match fold_char(c) {
        Some(folded) => out.push_str(folded),
        None => out.extend(c.to_lowercase()),
    }
}

/// A label folded for comparison: lower case, accents and ligatures folded, every
/// character other than a letter or a digit turned into a single space, trimmed
/// (« Niveau V bis » → "niveau v bis", « CDD (6 mois et +) » → "cdd 6 mois et").
pub fn fold(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut space = false;
    for c in label.chars() {
        if c.is_alphanumeric() {
            if space {
                out.push(' ');
                space = false;
            }
            push_folded(&mut out, c);
        } else if !out.is_empty() {
            space = true;
        }
    }
    out
}

/// A heading folded for comparison: lower case, accents folded, apostrophes straight,
/// spaces collapsed, trailing punctuation (`:`, `?`, `.`, `*`) dropped. Punctuation inside
/// the heading is kept, so that « \[Item\] » suffixes and codes stay apart.
pub fn key(heading: &str) -> String {
    let mut out = String::with_capacity(heading.len());
    let mut space = false;
    for c in heading.trim().chars() {
        if c.is_whitespace() || c == NBSP {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if is_apostrophe(c) {
            out.push('\'');
        } else {
            push_folded(&mut out, c);
        }
    }
    while out.ends_with([':', '?', '.', ' ', '*']) {
        out.pop();
    }
    out
}

/// A number written the French way: `decimals` digits after a decimal comma, a no-break
/// space between thousands (`28 505`, `1 234`), `-` before a value below zero (never
/// `-0,0`), and « – » for a value that is not a number.
pub fn number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + 4);
    if x < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    group_into(&mut out, int);
    if let Some(frac) = frac {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A count with its thousands separated (`28 505`).
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    group_into(&mut out, &digits);
    out
}

/// A percentage with `decimals` digits and its sign after a no-break space (`12,0 %`).
pub fn percent(pct: f64, decimals: usize) -> String {
    if !pct.is_finite() {
        return "–".to_owned();
    }
    format!("{}{NBSP}%", number(pct, decimals))
}

/// Append the ASCII digits `digits`, a no-break space before each group of three.
fn group_into(out: &mut String, digits: &str) {
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(NBSP);
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: String) -> String {
        s.replace(NBSP, " ")
    }

    #[test]
    fn numbers_read_the_french_way() {
        assert_eq!(plain(count(28_505)), "28 505");
        assert_eq!(plain(number(1234.0, 0)), "1 234");
        assert_eq!(number(-3.46, 1), "-3,5");
        assert_eq!(plain(percent(12.0, 1)), "12,0 %");
        assert_eq!(number(-0.01, 1), "0,0");
        assert_eq!(number(0.012, 3), "0,012");
        assert_eq!(plain(number(1_234_567.25, 2)), "1 234 567,25");
        assert_eq!(number(f64::NAN, 1), "–");
        assert_eq!(count(105), "105");
    }

    #[test]
    fn labels_fold_accents_case_and_punctuation() {
        assert_eq!(fold("Élevé"), "eleve");
        assert_eq!(fold("  Niveau V bis "), "niveau v bis");
        assert_eq!(fold("CDD (6 mois et +)"), "cdd 6 mois et");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("l’État"), "l etat");
    }

    #[test]
    fn headings_keep_inner_punctuation_and_drop_trailing() {
        assert_eq!(key("  Quel est  votre âge ? "), "quel est votre age");
        assert_eq!(key("Votre rôle :"), "votre role");
        assert_eq!(
            key("Êtes-vous d’accord [Item]"),
            "etes-vous d'accord [item]"
        );
        assert_eq!(key("Nom\u{a0}*"), "nom");
    }
}
