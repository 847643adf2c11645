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
        let mut cuts: Vec<&FigureRef> = Vec::new();
        for p in register {
            let f = &p.figure;
            if f.qid == cut.qid
                && f.site.is_none()
                && linked(f.by.as_deref())
                && f.by.as_deref() != by
                && !cuts.iter().any(|c| c.by == f.by)
            {
                cuts.push(f);
            }
        }
        if cuts.is_empty() {
            return None;
        }
        let earlier: Vec<Figure> = cuts
            .iter()
            .filter_map(|c| figures::figure(evaluation, &c.qid, c.by.as_deref(), None).ok())
            .collect();
        let detail = if by == Some("site") {
            figure.clone()
        } else {
            earlier
                .iter()
                .zip(&cuts)
                .find(|(_, c)| c.by.as_deref() == Some("site"))
                .map(|(f, _)| f.clone())
                .or_else(|| figures::figure(evaluation, &figure.qid, Some("site"), None).ok())?
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
