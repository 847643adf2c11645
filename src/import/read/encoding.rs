//! Which encoding a text file is in, and whether it is text at all.
//!
//! A BOM decides first (UTF-8, UTF-16 LE or BE, as Excel's "Texte Unicode" writes); then
//! UTF-16 without a BOM is recognised by its NUL bytes; then UTF-8 if the bytes are valid (or
//! nearly: a few stray bytes in a UTF-8 file are replaced rather than turning every accent
//! into mojibake); Windows-1252 otherwise, the encoding of older French exports.

use std::borrow::Cow;

use crate::model::{Foreign, ImportError};

/// Characters looked at to decide whether a file is text.
const SAMPLE_CHARS: usize = 64 * 1024;

/// What is said of a file that is neither text nor a known workbook.
pub(super) const NOT_TEXT: &str = "ce n'est pas un fichier texte ni un classeur reconnu";

/// Removes a byte-order mark left after decoding (a doubled BOM), without copying.
pub(super) fn strip_bom(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(s) => Cow::Borrowed(s.strip_prefix('\u{feff}').unwrap_or(s)),
        Cow::Owned(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..'\u{feff}'.len_utf8());
            }
            Cow::Owned(s)
        }
    }
}

/// Text decoded to UTF-8.
pub(super) struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`.
    pub encoding: &'static str,
    /// Characters that could not be decoded and were replaced by U+FFFD.
    pub replaced: usize,
}

/// Detects the encoding: a BOM first, then UTF-16 by its NUL bytes, then UTF-8 if the bytes
/// are valid (or nearly: a few stray bytes in a UTF-8 file are replaced rather than turning
/// every accent into mojibake), Windows-1252 otherwise.
pub(super) fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_with(rest, encoding_rs::UTF_16LE, "utf-16le");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_with(rest, encoding_rs::UTF_16BE, "utf-16be");
    }
    if let Some(little_endian) = utf16_without_bom(bytes) {
        return if little_endian {
            decode_with(bytes, encoding_rs::UTF_16LE, "utf-16le")
        } else {
            decode_with(bytes, encoding_rs::UTF_16BE, "utf-16be")
        };
    }
    // Valid UTF-8 is by far the common case: validated once, and borrowed as it is.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            encoding: "utf-8",
            replaced: 0,
        };
    }
    if mostly_utf8(bytes) {
        utf8(bytes)
    } else {
        decode_with(bytes, encoding_rs::WINDOWS_1252, "windows-1252")
    }
}

fn utf8(bytes: &[u8]) -> Decoded<'_> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            encoding: "utf-8",
            replaced: 0,
        },
        Err(_) => {
            let replaced = bytes
                .utf8_chunks()
                .filter(|chunk| !chunk.invalid().is_empty())
                .count();
            Decoded {
                text: String::from_utf8_lossy(bytes),
                encoding: "utf-8",
                replaced,
            }
        }
    }
}

fn decode_with<'a>(
    bytes: &'a [u8],
    encoding: &'static encoding_rs::Encoding,
    name: &'static str,
) -> Decoded<'a> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let replaced = if had_errors {
        text.chars().filter(|&c| c == '\u{fffd}').count()
    } else {
        0
    };
    Decoded {
        text,
        encoding: name,
        replaced,
    }
}

/// BOM-less UTF-16 holding mostly ASCII has a NUL in every other byte: `Some(true)` for
/// little-endian, `Some(false)` for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let many = |zeros: usize| zeros * 10 >= pairs * 3;
    let few = |zeros: usize| zeros * 20 <= pairs;
    if many(odd) && few(even) {
        Some(true)
    } else if many(even) && few(odd) {
        Some(false)
    } else {
        None
    }
}

/// Invalid UTF-8 that is still mostly UTF-8: far more valid accented characters than
/// invalid sequences.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut invalid = 0usize;
    let mut accented = 0usize;
    for chunk in bytes.utf8_chunks() {
        accented += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    accented >= 4 * invalid
}

/// Refuses binary content (many control characters or undecodable bytes) and documents that
/// are not tables (HTML and XML, which some tools save as ".xls").
pub(super) fn check_is_text(file: &str, text: &str) -> Result<(), ImportError> {
    let mut total = 0usize;
    let mut suspicious = 0usize;
    for c in text.chars().take(SAMPLE_CHARS) {
        total += 1;
        let control = (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
            || ('\u{7f}'..='\u{9f}').contains(&c);
        suspicious += usize::from(control || c == '\u{fffd}');
    }
    // More than 2 % (and more than a stray few, for short files).
    if suspicious > 3 && suspicious * 50 > total {
        return Err(ImportError::malformed(file, NOT_TEXT));
    }
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head: String = start
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<table")
    {
        return Err(ImportError::NotASurvey {
            file: file.to_owned(),
            found: Foreign::Html,
        });
    }
    if head.starts_with("<?xml") {
        let problem = if head.contains("urn:schemas-microsoft-com:office:spreadsheet") {
            "c'est un classeur « XML 2003 » : ouvrez-le dans Excel ou LibreOffice puis enregistrez-le en .xlsx"
        } else {
            "c'est un document XML, pas un tableau (csv, xlsx, ods)"
        };
        return Err(ImportError::malformed(file, problem));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> (String, &'static str) {
        let decoded = decode(bytes);
        (strip_bom(decoded.text).into_owned(), decoded.encoding)
    }

    #[test]
    fn each_encoding_is_recognised() {
        let text = "Avis;Coût\nélève à l'œuvre;15 €\n";
        let units: Vec<u16> = text.encode_utf16().collect();
        let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let cases = [
            (text.as_bytes().to_vec(), "utf-8"),
            (
                [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
                "utf-8",
            ),
            ([b"\xFF\xFE".as_slice(), &le].concat(), "utf-16le"),
            ([b"\xFE\xFF".as_slice(), &be].concat(), "utf-16be"),
            (le, "utf-16le"),
            (be, "utf-16be"),
            (cp1252.into_owned(), "windows-1252"),
        ];
        for (bytes, encoding) in cases {
            assert_eq!(decoded(&bytes), (text.to_owned(), encoding));
        }
    }

    #[test]
    fn binary_garbage_is_not_text() {
        let mut state = 0x2545_f491_u32;
        let garbage: Vec<u8> = (0..10_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state.to_le_bytes()[0]
            })
            .collect();
        for bytes in [garbage, vec![0u8; 1000]] {
            let text = decode(&bytes).text;
            let err = check_is_text("donnees.csv", &text).unwrap_err();
            assert_eq!(err.to_string(), format!("donnees.csv: {NOT_TEXT}"));
        }
        assert!(
            check_is_text("court.csv", "a;b\n1;\u{fffd}\n").is_ok(),
            "one stray character"
        );
    }

    #[test]
    fn html_and_xml_disguised_as_xls_are_explained() {
        let err = check_is_text(
            "export.xls",
            "<html><body><table><tr><td>1</td></tr></table>",
        )
        .unwrap_err();
        assert!(err.to_string().contains("page HTML"), "{err}");
        let spreadsheet_ml = "<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">";
        let err = check_is_text("export.xls", spreadsheet_ml).unwrap_err();
        assert!(err.to_string().contains("XML 2003"), "{err}");
    }
}
