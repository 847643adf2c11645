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
    /// Shorthand for a malformed-file error.
    pub fn malformed(file: &str, problem: impl Into<String>) -> Self {
        ImportError::Malformed {
            file: file.to_owned(),
            problem: problem.into(),
        }
    }
}
