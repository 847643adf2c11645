//! Why a file could not be imported.

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

impl ImportError {
    /// Shorthand for a malformed-file error. The problem is made one short line (see
    /// [`one_line`]): parsers' messages can quote pages of the document.
    pub fn malformed(file: &str, problem: impl Into<String>) -> Self {
        ImportError::Malformed {
            file: file.to_owned(),
            problem: one_line(&problem.into()),
        }
    }
}

/// Longest problem a message shows, in characters.
const MAX_PROBLEM_CHARS: usize = 200;

/// A problem as one short line: what a parser quotes of the document between backticks
/// (which may be answers, names included) becomes « … », line breaks and runs of spaces
/// become one space, and the whole is cut at [`MAX_PROBLEM_CHARS`].
pub fn one_line(problem: &str) -> String {
    let mut out = String::with_capacity(problem.len().min(MAX_PROBLEM_CHARS + 8));
    let mut quoted = false;
    let mut space = false;
    for c in problem.chars() {
        if c == '`' {
            if !quoted {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push('…');
            }
            quoted = !quoted;
            continue;
        }
        if quoted {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
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
    fn a_parser_message_becomes_one_short_line_without_the_document() {
        let message = ImportError::malformed(
            "a.ods",
            "contenu endommagé (ill-formed document: close tag `</ta\n<text:p>Jean Dupont</text:p>` \
             does not match any open tag)",
        )
        .to_string();
        assert_eq!(
            message,
            "a.ods: contenu endommagé (ill-formed document: close tag … does not match any open tag)"
        );
        let long = ImportError::malformed("b.xlsx", "x ".repeat(500)).to_string();
        assert!(!long.contains('\n'));
        assert!(long.chars().count() <= "b.xlsx: ".len() + MAX_PROBLEM_CHARS);
        assert!(long.ends_with('…'));
    }
}
