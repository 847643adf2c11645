//! Reading a file from disk safely, and what a parser may say of a damaged file.

use crate::model::ImportError;
use crate::model::error::one_line;

/// A file about to be read from disk: its name as messages give it, and its metadata. A
/// folder, or a path that cannot be examined, is refused with a message naming it.
pub fn file_to_read(path: &std::path::Path) -> Result<(String, std::fs::Metadata), ImportError> {
    let file = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(source) => return Err(ImportError::Io { file, source }),
    };
    if meta.is_dir() {
        return Err(ImportError::malformed(
            &file,
            "c'est un dossier, pas un fichier",
        ));
    }
    Ok((file, meta))
}

/// What a third-party parser (zip, XML, calamine) says of a damaged file, kept only up to
/// where it starts quoting the file: « Xml error: ill-formed document: close tag `…` » and
/// « Unrecognized boolean cell value: Jean Dupont » quote the document, which may hold
/// answers and names, and messages must never show them. The kind of damage is kept.
pub fn parser_detail(error: impl std::fmt::Display) -> String {
    let text = error.to_string();
    let cut = text.find(['`', '\'', '"', '\n']).unwrap_or(text.len());
    let kept = &text[..cut];
    // After the last « : » comes what the parser found, which is the document's.
    let kept = kept.rfind(": ").map_or(kept, |colon| &kept[..colon]);
    one_line(kept.trim_end_matches([' ', ':', ',', '(']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parser_message_keeps_the_kind_of_damage_but_nothing_of_the_document() {
        let xml =
            "Xml error: ill-formed document: close tag `</ta\n<text:p>Jean Dupont` does not match";
        assert_eq!(parser_detail(xml), "Xml error: ill-formed document");
        assert_eq!(
            parser_detail("Unrecognized boolean cell value: Jean Dupont"),
            "Unrecognized boolean cell value"
        );
        assert_eq!(
            parser_detail("Unsupported cell error value 'Jean Dupont'"),
            "Unsupported cell error value"
        );
        assert_eq!(
            parser_detail("invalid Zip archive: Could not find central directory end"),
            "invalid Zip archive"
        );
        assert_eq!(
            parser_detail("unexpected end of file"),
            "unexpected end of file"
        );
    }
}
