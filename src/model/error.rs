//! Why a file could not be imported: one line naming the file, then the problem.

use thiserror::Error;

/// A file that cannot be read at all. Each message names the file first, then the problem,
/// in one line an evaluator understands (the CLI prints it as is, exit status 2).
#[derive(Debug, Error)]
pub enum ImportError {
    /// The file could not be opened or read from disk.
    #[error("{file}: lecture impossible ({source})")]
    Io {
        /// File name.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file holds no data.
    #[error("{file}: le fichier est vide")]
    Empty {
        /// File name.
        file: String,
    },
    /// The file is not in the format its name or content claims, or is damaged.
    #[error("{file}: {problem}")]
    Malformed {
        /// File name.
        file: String,
        /// What is wrong, in the user's words.
        problem: String,
    },
    /// The file is something else than a table (a PDF, an image, a Word document…), as its
    /// first bytes or its contents tell, whatever its name says.
    #[error("{file}: c'est {}, pas un export d'enquête{}", .found.what(), .found.advice())]
    NotASurvey {
        /// File name.
        file: String,
        /// What the file is.
        found: Foreign,
    },
    /// The file is password-protected.
    #[error(
        "{file}: le classeur est protégé par un mot de passe ; enregistrez-le sans mot de passe puis réessayez"
    )]
    Encrypted {
        /// File name.
        file: String,
    },
    /// The file exceeds a safety limit (size, columns, decompression ratio).
    #[error("{file}: {problem}")]
    TooLarge {
        /// File name.
        file: String,
        /// Which limit, in the user's words.
        problem: String,
    },
    /// The requested sheet does not exist.
    #[error("{file}: pas de feuille « {sheet} » (feuilles : {available})")]
    NoSuchSheet {
        /// File name.
        file: String,
        /// The sheet asked for.
        sheet: String,
        /// The sheets the workbook has, comma-separated.
        available: String,
    },
    /// The user cancelled the import.
    #[error("{file}: import annulé")]
    Cancelled {
        /// File name.
        file: String,
    },
}

/// What a file that is not a table turned out to be. Told by its first bytes (or, for a
/// zip or an Office file, by the parts it holds), never by its name: a PDF renamed
/// `.xlsx` is still a PDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Foreign {
    /// `%PDF-`.
    Pdf,
    /// `%!PS`.
    PostScript,
    /// `{\rtf`.
    Rtf,
    /// `<!DOCTYPE html`, `<html` or a bare `<table`.
    Html,
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A GIF image.
    Gif,
    /// A TIFF image.
    Tiff,
    /// A WebP image.
    WebP,
    /// A Word document, `.docx` or legacy `.doc`.
    Word,
    /// A PowerPoint presentation, `.pptx` or legacy `.ppt`.
    PowerPoint,
    /// An OpenDocument file that is not a spreadsheet (text, presentation).
    OpenDocument,
    /// An OLE2 compound file (legacy Office) that holds no Excel workbook.
    OtherOffice,
    /// A zip archive holding no workbook.
    Zip,
    /// A gzip-compressed file.
    Gzip,
    /// A 7-Zip archive.
    SevenZip,
    /// A RAR archive.
    Rar,
}

impl Foreign {
    /// What the file is, as a message says it after « c'est ».
    pub fn what(self) -> &'static str {
        match self {
            Foreign::Pdf => "un document PDF",
            Foreign::PostScript => "un document PostScript",
            Foreign::Rtf => "un document RTF (texte mis en forme)",
            Foreign::Html => "une page HTML",
            Foreign::Png => "une image PNG",
            Foreign::Jpeg => "une image JPEG",
            Foreign::Gif => "une image GIF",
            Foreign::Tiff => "une image TIFF",
            Foreign::WebP => "une image WebP",
            Foreign::Word => "un document Word",
            Foreign::PowerPoint => "une présentation PowerPoint",
            Foreign::OpenDocument => "un document OpenDocument (texte, présentation ?)",
            Foreign::OtherOffice => "un fichier Office autre qu'un classeur Excel",
            Foreign::Zip => "une archive zip sans classeur (xlsx, xlsb ou ods)",
            Foreign::Gzip => "un fichier compressé (gzip)",
            Foreign::SevenZip => "une archive 7-Zip",
            Foreign::Rar => "une archive RAR",
        }
    }

    /// What to do about it, when there is something to do (starting with « ; »), else "".
    pub fn advice(self) -> &'static str {
        match self {
            // Some tools save a table as a web page named « .xls ».
            Foreign::Html => {
                " ; si elle contient un tableau, ouvrez-la dans Excel ou LibreOffice puis \
                 enregistrez-la en .xlsx ou .csv"
            }
            Foreign::Zip | Foreign::Gzip | Foreign::SevenZip | Foreign::Rar => {
                " ; extrayez-en l'export puis ouvrez-le"
            }
            _ => "",
        }
    }
}

impl ImportError {
    /// Shorthand for a malformed-file error, its problem made one line of at most
    /// 200 characters ([`one_line`]).
    pub fn malformed(file: &str, problem: impl Into<String>) -> Self {
        ImportError::Malformed {
            file: file.to_owned(),
            problem: one_line(&problem.into()),
        }
    }
}

/// Longest problem a message shows, in characters.
const MAX_PROBLEM_CHARS: usize = 200;

/// A problem as one line: line breaks and runs of spaces become one space, and the whole is
/// cut at 200 characters.
pub fn one_line(problem: &str) -> String {
    let mut out = problem.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.chars().count() > MAX_PROBLEM_CHARS {
        out = out.chars().take(MAX_PROBLEM_CHARS - 1).collect();
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_is_one_short_line() {
        // Our own messages keep what they quote (a manifest's field name, say).
        let message = ImportError::malformed("atelier.json", "ligne 3 : missing field `file`");
        assert_eq!(
            message.to_string(),
            "atelier.json: ligne 3 : missing field `file`"
        );
        let long = ImportError::malformed("b.xlsx", "x\n".repeat(500)).to_string();
        assert!(!long.contains('\n'));
        assert!(long.chars().count() <= "b.xlsx: ".len() + MAX_PROBLEM_CHARS);
        assert!(long.ends_with('…'));
    }
}
