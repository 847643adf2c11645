//! Exchanging codebooks with other qualitative analysis tools through the REFI-QDA codebook
//! format (`.qdc`), which MAXQDA, NVivo, ATLAS.ti, QualCoder and Taguette all read and write.
//!
//! Evaluators rarely code alone in one tool: a partner team codes in NVivo, a consultant hands
//! over a MAXQDA codebook, a student exports from QualCoder. The `.qdc` file carries only the
//! code tree (names, colours, one description, whether a code can be applied), so it is the
//! smallest thing two tools can agree on, and a place where exchanges break (QualCoder's
//! issue #934: a codebook refused over French accented names).
//!
//! What we write validates against the official `Codebook.xsd` (a test checks it with
//! `xmllint`). What we read is every dialect the tools actually write, told apart by the
//! namespace and local names, never by prefixes or `xsi:schemaLocation`: lower-case GUIDs
//! (NVivo, QualCoder) and braced ones (the schema allows them), a UTF-8 byte-order mark
//! (QualCoder), `urn:QDA-XML:codebook:1:0` (NVivo for Mac) and a `0:4` schema location
//! (ATLAS.ti), an empty `<Sets/>` and a hierarchy spelled with dots in flat names (Taguette). A file we cannot trust is refused whole with a
//! one-line French message that names the file and the place but never quotes the document,
//! whose code names and descriptions may describe people.
//!
//! The file is untrusted input: a DOCTYPE is refused outright, no entity other than the five
//! predefined ones and character references is ever expanded, and nothing is fetched.

mod description;
mod guid;
mod read;
mod write;

pub use read::read_qdc;
pub use write::write_qdc;

use thiserror::Error;

/// The namespace of REFI-QDA codebooks, as we write it.
const CODEBOOK_NAMESPACE: &str = "urn:QDA-XML:codebook:1.0";

/// Where the official schema lives, as implementers cite it (never fetched by us).
const CODEBOOK_SCHEMA_URL: &str =
    "http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd";

/// A codebook file that cannot be imported. Its message is one line: the file's name, then
/// what is wrong and where, in French, without quoting the document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{file}: {problem}")]
pub struct RefiError {
    /// The file's name, as the message shows it (one line, shortened if very long).
    pub file: String,
    /// What is wrong with it.
    pub problem: RefiProblem,
}

impl RefiError {
    /// The error for `file_name`, its name made fit for a one-line message.
    pub(crate) fn new(file_name: &str, problem: RefiProblem) -> Self {
        RefiError {
            file: one_line_name(file_name),
            problem,
        }
    }
}

/// What makes a codebook file unreadable. Lines count from 1, in the file as a text editor
/// shows it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RefiProblem {
    /// Over the size no codebook reaches (16 MiB; the largest real ones weigh kilobytes).
    #[error("fichier trop volumineux pour un livre de codes (plus de 16 Mo)")]
    TooLarge,
    /// Nothing in the file.
    #[error("le fichier est vide")]
    Empty,
    /// Neither UTF-8 nor UTF-16, the encodings REFI-QDA tools write.
    #[error("le texte n'est ni en UTF-8 ni en UTF-16 ; ce n'est pas un livre de codes REFI-QDA")]
    Encoding,
    /// Not well-formed XML.
    #[error("ce n'est pas du XML valide (ligne {line})")]
    NotXml {
        /// Where the parser stopped.
        line: usize,
    },
    /// The file stops in the middle of the codebook.
    #[error("le fichier s'arrête avant la fin du livre de codes (fichier tronqué ?)")]
    Truncated,
    /// A document type declaration, which may define entities; a codebook never needs one.
    #[error("déclaration DOCTYPE refusée (ligne {line}) : un livre de codes n'en a pas besoin")]
    Doctype {
        /// Where it is.
        line: usize,
    },
    /// A reference to an entity that is neither predefined nor a character reference.
    #[error("référence à une entité inconnue (ligne {line}), refusée par sécurité")]
    UnknownEntity {
        /// Where it is.
        line: usize,
    },
    /// A REFI-QDA project (`.qde`, inside a `.qdpx`), not a codebook.
    #[error("c'est un projet REFI-QDA (.qdpx/.qde), pas un livre de codes (.qdc)")]
    ProjectNotCodebook,
    /// XML, but not a REFI-QDA codebook.
    #[error(
        "ce n'est pas un livre de codes REFI-QDA (élément CodeBook de l'espace urn:QDA-XML:codebook attendu)"
    )]
    NotCodebook,
    /// A codebook without its list of codes.
    #[error("le livre de codes n'a pas d'élément Codes")]
    NoCodes,
    /// A code without a name, or with a blank one.
    #[error("code sans nom (ligne {line})")]
    MissingName {
        /// Where the code starts.
        line: usize,
    },
    /// A GUID that is not 8-4-4-4-12 hexadecimal digits.
    #[error("GUID invalide (ligne {line}) : 8-4-4-4-12 chiffres hexadécimaux attendus")]
    BadGuid {
        /// Where the code starts.
        line: usize,
    },
    /// Two codes with the same GUID (whatever its case or braces).
    #[error("GUID en double (lignes {first_line} et {line}) : deux codes ne peuvent le partager")]
    DuplicateGuid {
        /// Where the first code with it starts.
        first_line: usize,
        /// Where the second one starts.
        line: usize,
    },
    /// A colour that is neither `#RRGGBB` nor `#RGB`.
    #[error("couleur invalide (ligne {line}) : #RRGGBB ou #RGB attendu")]
    BadColor {
        /// Where the code starts.
        line: usize,
    },
    /// An `isCodable` that is neither true nor false.
    #[error("valeur isCodable invalide (ligne {line}) : true ou false attendu")]
    BadCodable {
        /// Where the code starts.
        line: usize,
    },
}

/// Longest file name a message shows, in characters.
const MAX_NAME_CHARS: usize = 80;

/// A file name fit for a one-line message: control characters become spaces, and a very long
/// name keeps its end (where the extension is).
fn one_line_name(name: &str) -> String {
    let clean: Vec<char> = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.len() <= MAX_NAME_CHARS {
        return clean.into_iter().collect();
    }
    let tail = &clean[clean.len() - (MAX_NAME_CHARS - 1)..];
    std::iter::once('…').chain(tail.iter().copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_names_the_file_on_one_short_line() {
        let error = RefiError::new("codes\nsecrets.qdc", RefiProblem::MissingName { line: 12 });
        assert_eq!(
            error.to_string(),
            "codes secrets.qdc: code sans nom (ligne 12)"
        );
        let long = RefiError::new(&format!("{}.qdc", "x".repeat(300)), RefiProblem::Truncated);
        let text = long.to_string();
        assert!(text.starts_with('…'), "{text}");
        assert!(text.contains(".qdc: "), "{text}");
        assert!(text.chars().count() <= 200, "{text}");
    }
}
