//! Exporting monographs, as a background job: a copy of what they are made of is taken
//! when the export starts, so that the window goes on while the documents are assembled,
//! their charts drawn and the files written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::AppState;
use crate::cohort::CohortReport;
use crate::model::monograph::BlockKind;
use crate::model::monograph::{Monograph, Template};
use crate::model::{Evaluation, FigureRef, PublishedFigure};
use crate::monograph::export::{Format, write};
use crate::monograph::{Content, Inputs, assemble, assemble::to_document, synthesis::synthesis};
use crate::progress::Progress;

/// What an export needs, taken from the session.
pub struct MonographExport {
    evaluation: Evaluation,
    cohort: Option<Arc<CohortReport>>,
    template: Template,
    figures: Vec<FigureRef>,
    monographs: BTreeMap<String, Monograph>,
    /// One site (index), or all of them and the synthesis.
    site: Option<usize>,
    /// A file for one site, a folder for all.
    out: PathBuf,
}

/// What an export did: a line for the status, and each monograph with the digests of its
/// blocks as exported (so that the next change shows).
pub struct Exported {
    /// What was written.
    pub message: String,
    /// The monographs to store, marked as exported.
    pub monographs: Vec<Monograph>,
    /// The figures published, for the project's register.
    pub published: Vec<PublishedFigure>,
    /// Why the export stopped before the end (a file that could not be written, a cancel):
    /// what was written before is in `monographs` and `published` all the same.
    pub error: Option<String>,
}

impl MonographExport {
    /// Take what the export needs from the session.
    pub fn from_state(state: &AppState, site: Option<usize>, out: PathBuf) -> MonographExport {
        MonographExport {
            evaluation: state.evaluation.clone(),
            cohort: state.cohort.as_ref().and_then(|c| c.as_ref().ok()).cloned(),
            template: state.template.clone(),
            figures: state.figures.clone(),
            monographs: state.monographs.clone(),
            site,
            out,
        }
    }

    /// An export of what a folder or project read on the fly holds (the command line):
    /// every site as the template gives it, unless `monographs` arrange them.
    pub fn new(
        evaluation: Evaluation,
        cohort: Option<CohortReport>,
        template: Template,
        figures: Vec<FigureRef>,
        monographs: BTreeMap<String, Monograph>,
        site: Option<usize>,
        out: PathBuf,
    ) -> MonographExport {
        MonographExport {
            evaluation,
            cohort: cohort.map(Arc::new),
            template,
            figures,
            monographs,
            site,
            out,
        }
    }

    /// The progress bar's title.
    pub fn title(&self) -> String {
        match self.site {
            Some(i) => format!(
                "Export de la monographie {}",
                self.evaluation
                    .manifest
                    .sites
                    .get(i)
                    .map_or("", |s| s.name.as_str())
            ),
            None => "Export des monographies et de la synthèse".to_owned(),
        }
    }

    /// Write the monograph(s); `format` for all of them (one site's takes its file's
    /// extension when `format` is `None`). `Err` when nothing could be started (an unknown
    /// format, a folder that cannot be made); a file that cannot be written, or a cancel,
    /// stops the export with [`Exported::error`] set and what was written before kept.
    pub fn run_as(
        self,
        format: Option<Format>,
        progress: &dyn Progress,
    ) -> Result<Exported, String> {
        let inputs = Inputs {
            evaluation: &self.evaluation,
            cohort: self.cohort.as_deref(),
            template: &self.template,
            figures: &self.figures,
        };
        let sites = &self.evaluation.manifest.sites;
        let now = now();
        let mut exported = Vec::new();
        let mut written = Vec::new();
        let mut published = Vec::new();
        let chosen: Vec<usize> = match self.site {
            Some(i) if i < sites.len() => vec![i],
            Some(_) => return Err("ce site n'existe plus".to_owned()),
            None => (0..sites.len()).collect(),
        };
        let format = match (format, self.site) {
            (Some(f), _) => f,
            (None, Some(_)) => Format::from_path(&self.out).ok_or_else(|| {
                format!(
                    "{}: format inconnu (.docx, .html ou .md)",
                    self.out.display()
                )
            })?,
            (None, None) => Format::Docx,
        };
        if self.site.is_none() {
            std::fs::create_dir_all(&self.out)
                .map_err(|e| format!("{}: {e}", self.out.display()))?;
        }
        let total = chosen.len() as f32 + 1.0;
        let mut error = None;
        for (k, i) in chosen.iter().enumerate() {
            if progress.cancelled() {
                error = Some("export annulé".to_owned());
                break;
            }
            let site = &sites[*i];
            progress.report(k as f32 / total, &format!("Monographie {}", site.name));
            let state = self
                .monographs
                .get(&site.id)
                .cloned()
                .unwrap_or_else(|| crate::monograph::fresh(&site.id));
            let assembled = assemble(&inputs, *i, &state);
            let document = to_document(&inputs, &assembled);
            let path = match self.site {
                Some(_) => self.out.clone(),
                None => self.out.join(format!("{}.{}", site.id, format.extension())),
            };
            match write(&document, format, &path) {
                Ok(files) => written.extend(files),
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
            let what = format!("Monographie ({})", format.label());
            for cut in figures_of(&assembled, &site.id) {
                published.push(super::register::entry(cut, &what, &path));
            }
            exported.push(mark_exported(state, &assembled, &now));
        }
        if self.site.is_none() && error.is_none() {
            progress.report(chosen.len() as f32 / total, "Synthèse transversale");
            let path = self.out.join(format!("synthese.{}", format.extension()));
            match write(&synthesis(&inputs), format, &path) {
                Ok(files) => written.extend(files),
                Err(e) => error = Some(e),
            }
        }
        progress.report(1.0, "Monographies exportées");
        Ok(Exported {
            message: match written.len() {
                1 => format!("Exporté : {}", written[0]),
                n => format!(
                    "{n} fichiers écrits dans {}",
                    folder_of(&self.out).display()
                ),
            },
            monographs: exported,
            published,
            error,
        })
    }

    /// Write the monograph(s), the format taken from the file (Word for a folder).
    pub fn run(self, progress: &dyn Progress) -> Result<Exported, String> {
        self.run_as(None, progress)
    }
}

/// The survey figures a monograph publishes: each question for the site (unless the site
/// has too few respondents to it, and only a sentence says so) and for its network, and
/// the figures placed from Graphiques that could be drawn.
fn figures_of(assembled: &crate::monograph::AssembledMonograph, site: &str) -> Vec<FigureRef> {
    let mut cuts = Vec::new();
    for block in assembled.sections.iter().flat_map(|s| &s.blocks) {
        let Content::Charts(charts) = &block.content else {
            continue;
        };
        match &block.kind {
            BlockKind::Survey { qid } => {
                // The site's chart comes first, and is left out when withheld.
                let filters: &[Option<String>] = if charts.len() >= 2 {
                    &[Some(site.to_owned()), None]
                } else {
                    &[None]
                };
                for filter in filters {
                    cuts.push(FigureRef {
                        qid: qid.clone(),
                        by: None,
                        site: filter.clone(),
                    });
                }
            }
            BlockKind::Figure(figure) => cuts.push(figure.clone()),
            BlockKind::VisitSheet | BlockKind::Quotes { .. } | BlockKind::Cohort => {}
        }
    }
    cuts
}

fn folder_of(path: &Path) -> &Path {
    if path.extension().is_some() {
        path.parent().unwrap_or(path)
    } else {
        path
    }
}

/// The monograph with each block's digest as exported now.
fn mark_exported(
    mut state: Monograph,
    assembled: &crate::monograph::AssembledMonograph,
    now: &str,
) -> Monograph {
    state.exported = assembled
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| (b.kind.key(), b.digest.clone()))
        .collect();
    state.exported_at = Some(now.to_owned());
    state
}

fn now() -> String {
    super::utc_now("%Y-%m-%dT%H:%M:%SZ")
}
