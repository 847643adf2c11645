//! Monographs: one case report per visited site, assembled from the evidence next to the
//! site's figures, kept alive with the data, and written as Word, HTML or Markdown.
//!
//! A [`Template`] (`assets/monograph.json`, editable per project) lists the sections and the
//! codes whose passages feed each. [`assemble()`] builds a site's monograph from the template
//! and the evaluator's arrangement of it ([`Monograph`]): their own text (never overwritten),
//! the coded passages of the site under each section's codes (kept, dropped or reordered),
//! the site's survey results beside its network's, its cohort indicators beside its
//! network's, and the figures placed from Graphiques. Generated blocks are computed afresh
//! every time, so they follow the data and the coding; a pinned block stays as it was.
//! Every block carries its provenance and a digest of what it says, so that what changed
//! since the last export shows block by block.

pub mod assemble;
pub mod document;
pub mod export;
pub mod synthesis;

pub use assemble::{
    AssembledBlock, AssembledMonograph, AssembledSection, Content, Inputs, assemble,
};

use crate::model::monograph::{Monograph, Template};

/// The template new projects start from (`assets/monograph.json`).
const DEFAULT_TEMPLATE: &str = include_str!("../../assets/monograph.json");

/// The template every project starts from: ten sections from the visit sheet to the figures,
/// each fed by the codes of the evaluation's codebook.
pub fn default_template() -> Template {
    // A test reads the shipped file; it cannot fail in a build that passed its tests.
    serde_json::from_str(DEFAULT_TEMPLATE).unwrap_or_default()
}

/// A site's monograph before the evaluator touched it: every section as the template gives it.
pub fn fresh(site: &str) -> Monograph {
    Monograph {
        site: site.to_owned(),
        ..Monograph::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_template_has_ten_sections_fed_by_every_code_once() {
        let template: Template = serde_json::from_str(DEFAULT_TEMPLATE).unwrap();
        assert_eq!(template.sections.len(), 10);
        let codes: Vec<&String> = template.sections.iter().flat_map(|s| &s.codes).collect();
        assert_eq!(codes.len(), 40);
        let book = crate::coding::default_codebook();
        for name in codes {
            assert!(
                book.codes.iter().any(|c| c.codable && &c.name == name),
                "« {name} » is not a code of the default codebook"
            );
        }
    }
}
