//! The register of published figures, read before each new publication: a cut of a
//! question that adds up with cuts already out (by site, by region) is attacked together
//! with them, and the evaluator is warned before anything leaves that would give a hidden
//! cell back.

use crate::figures::{self, Exposure, Figure};
use crate::model::manifest::SiteEntry;
use crate::model::{Evaluation, FigureRef, PublishedFigure};

/// What a new figure must be read with: the cuts of its question already published that
/// add up with it, and the detail they all add up from.
#[derive(Clone, Debug)]
pub struct PublishCheck {
    sites: Vec<SiteEntry>,
    detail: Figure,
    earlier: Vec<Figure>,
}

impl PublishCheck {
    /// The check for `figure` (the question cut as `cut` says), about to be published from
    /// `evaluation` whose `register` lists what is already out. `None` when no cut already
    /// published adds up with it (checked in no time).
    pub fn new(
        evaluation: &Evaluation,
        register: &[PublishedFigure],
        cut: &FigureRef,
        figure: &Figure,
    ) -> Option<PublishCheck> {
        let linked = |b: Option<&str>| matches!(b, Some("site" | "region"));
        let by = cut.by.as_deref();
        if cut.site.is_some() || !linked(by) {
            return None;
        }
        // What is out, as cuts of the question. A site's figures in its monograph carry its
        // row of the table by site as that table publishes it (the same cells hidden): read
        // as the table by site, which publishes no less.
        let as_cut = |f: &FigureRef| -> Option<FigureRef> {
            if f.qid != cut.qid {
                return None;
            }
            match (&f.site, f.by.as_deref()) {
                (None, b) if linked(b) => Some(f.clone()),
                (Some(_), None) => Some(FigureRef {
                    qid: f.qid.clone(),
                    by: Some("site".to_owned()),
                    site: None,
                }),
                _ => None,
            }
        };
        let mut cuts: Vec<FigureRef> = Vec::new();
        for c in register.iter().filter_map(|p| as_cut(&p.figure)) {
            if c.by.as_deref() != by && !cuts.iter().any(|d| d.by == c.by) {
                cuts.push(c);
            }
        }
        if cuts.is_empty() {
            return None;
        }
        // Counts and their protection only: the tests of difference are not read.
        let earlier: Vec<Figure> = cuts
            .iter()
            .filter_map(|c| {
                figures::figure_without_tests(evaluation, &c.qid, c.by.as_deref(), None).ok()
            })
            .collect();
        let detail = if by == Some("site") {
            figure.clone()
        } else {
            earlier
                .iter()
                .zip(&cuts)
                .find(|(_, c)| c.by.as_deref() == Some("site"))
                .map(|(f, _)| f.clone())
                .or_else(|| {
                    figures::figure_without_tests(evaluation, &figure.qid, Some("site"), None).ok()
                })?
        };
        Some(PublishCheck {
            sites: evaluation.manifest.sites.clone(),
            detail,
            earlier,
        })
    }

    /// What publishing `figure` would give away to a reader of the cuts already out (an
    /// integer program per item: run it off the window's thread).
    pub fn exposure(&self, figure: &Figure) -> Option<Exposure> {
        figures::linked_exposure(&self.sites, &self.detail, &self.earlier, figure)
    }
}

/// The register's entry for the figure `cut` written as `format` to `file` (its name only
/// is kept).
pub fn entry(cut: FigureRef, format: &str, file: &std::path::Path) -> PublishedFigure {
    PublishedFigure {
        figure: cut,
        format: format.to_owned(),
        file: file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        at: String::new(),
    }
}
