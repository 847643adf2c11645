//! Qualitative coding: the codebook every project starts from, the changes a coder makes
//! (each one command, undoable), and the queries the Codage panel and the monographs ask.

pub mod agreement;
pub mod autocode;
pub mod changes;
pub mod query;
pub mod refi;
pub mod suggest;
pub mod text;
pub mod variables;

use crate::model::coding::Codebook;

/// The codebook new projects start from, as shipped: the evaluation's 8 themes and 40 codes
/// with their French definitions, a REFI-QDA codebook any other tool reads too.
const DEFAULT_CODEBOOK: &[u8] = include_bytes!("../../assets/codebook.qdc");

/// The codebook new projects start from (`assets/codebook.qdc`).
pub fn default_codebook() -> Codebook {
    // A test reads the shipped file; it cannot fail in a build that passed its tests.
    refi::read_qdc("codebook.qdc", DEFAULT_CODEBOOK).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_codebook_has_eight_themes_and_forty_defined_codes() {
        let book = refi::read_qdc("codebook.qdc", DEFAULT_CODEBOOK).unwrap();
        let themes = book.children(None);
        assert_eq!(themes.len(), 8);
        assert!(themes.iter().all(|t| !t.codable));
        let codes: Vec<_> = book.codes.iter().filter(|c| c.codable).collect();
        assert_eq!(codes.len(), 40);
        assert!(codes.iter().all(|c| !c.description.definition.is_empty()
            && !c.description.when_to_use.is_empty()
            && !c.description.when_not.is_empty()
            && !c.description.example.is_empty()));
        assert_eq!(themes[0].name, "Pilotage, suivi, animation");
        assert!(
            book.codes
                .iter()
                .any(|c| c.name == "Perceptions des jeunes")
        );
    }
}
