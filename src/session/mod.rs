//! The session: the open project, the commands that change it, undo/redo, background jobs.
//!
//! The GUI never mutates the evaluation directly: it emits [`Command`]s, and
//! [`AppState::apply`] carries each one out in two steps: it writes the change to the
//! project in one transaction, and only once that has succeeded does it change what the
//! window shows and remember the inverse for undo. A failed write (a full disk, a
//! read-only project) is returned and nothing changes. Undo and redo go through the same
//! path. The session is the only code that writes to the project. Nothing here depends on
//! egui.

pub mod export;
pub mod jobs;
pub mod open;
pub mod places;
pub mod preferences;
pub mod recent;
pub mod register;
pub mod replace;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::coding::changes::CodingChange;
use crate::model::coding::MemoTarget;
use crate::model::manifest::SourceEntry;
use crate::model::monograph::{Monograph, Template};
use crate::model::{
    Correction, Evaluation, EvaluationSource, FigureRef, Manifest, PseudonymKey, PublishedFigure,
    Survey, Threshold,
};
use crate::store::{Edit, Project, ReadOnlyReason, StoreError};

/// A source loaded in the session: a questionnaire of the evaluation, or a file added alone.
pub type LoadedSource = EvaluationSource;

/// A file added on its own, outside any manifest, stored in the project under `file`.
pub fn single_source(name: &str, file: String, survey: Survey) -> LoadedSource {
    let id = std::path::Path::new(name)
        .file_stem()
        .map(|s| crate::model::french::fold(&s.to_string_lossy()).replace(' ', "_"))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "source".to_owned());
    let n = survey.respondents();
    let entry = SourceEntry {
        id,
        file,
        kind: "survey".to_owned(),
        ..Default::default()
    };
    EvaluationSource {
        entry,
        group_label: String::new(),
        survey,
        site_of_respondent: vec![None; n],
    }
}

/// A change the user asked for. Each one is written to the project, and can be undone.
#[derive(Debug)]
#[must_use]
pub enum Command {
    /// Add a source that a background import has read and stored, at `index` (or last).
    InsertSource {
        /// Position among the sources (clamped to the end).
        index: usize,
        /// The source.
        source: Box<LoadedSource>,
    },
    /// Remove a source from the evaluation.
    RemoveSource {
        /// Index in the evaluation's sources.
        index: usize,
    },
    /// Put a newer export of a questionnaire in place of the source at `index`: the
    /// corrections of its questions are kept, by question, and its codings follow their
    /// respondents (those on changed or vanished answers flagged for review).
    ReplaceSource {
        /// Index in the evaluation's sources.
        index: usize,
        /// The newer source (its entry keeps the source's id).
        source: Box<LoadedSource>,
        /// How the codings change; `None` to carry them over as the new export asks (undo
        /// and redo give the exact change back).
        codings: Option<CodingChange>,
    },
    /// Place a figure in the monographs (last).
    AddFigure(FigureRef),
    /// Place a figure at a position among the others.
    InsertFigure {
        /// Position (clamped to the end).
        index: usize,
        /// The figure.
        figure: FigureRef,
    },
    /// Take a figure out of the monographs.
    RemoveFigure {
        /// Its position.
        index: usize,
    },
    /// Correct (or restore, with `Correction::default()`) the inference of one question.
    CorrectQuestion {
        /// Index of the source.
        source: usize,
        /// Index of the question in the source.
        question: usize,
        /// The new correction.
        correction: Correction,
    },
    /// Change the project's disclosure threshold.
    SetThreshold(Threshold),
    /// Change the coding: codes created, renamed, moved, merged or deleted, passages coded
    /// or uncoded (see [`crate::coding::changes`]).
    Coding(CodingChange),
    /// Write (or, empty, delete) a memo.
    SetMemo {
        /// What it is about.
        target: MemoTarget,
        /// Its text.
        text: String,
    },
    /// A site's monograph as the evaluator now arranges it (text, blocks moved, dropped,
    /// pinned, quotes kept or reordered).
    SetMonograph(Box<Monograph>),
    /// The project's monograph template.
    SetTemplate(Box<Template>),
}

impl Command {
    /// What the command does, in the user's words (status line, journal).
    pub fn label(&self, state: &AppState) -> String {
        let source_name = |index: usize| {
            state
                .evaluation
                .sources
                .get(index)
                .map_or_else(String::new, |s| s.survey.raw.file_name.clone())
        };
        match self {
            Command::InsertSource { source, .. } => {
                format!("Ajout de la source {}", source.survey.raw.file_name)
            }
            Command::RemoveSource { index } => {
                format!("Retrait de la source {}", source_name(*index))
            }
            Command::ReplaceSource { index, source, .. } => format!(
                "Remplacement de {} par {}",
                source_name(*index),
                source.survey.raw.file_name
            ),
            Command::AddFigure(figure) | Command::InsertFigure { figure, .. } => {
                format!("Figure {} placée dans les monographies", figure.qid)
            }
            Command::RemoveFigure { index } => format!(
                "Figure {} retirée des monographies",
                state.figures.get(*index).map_or("", |f| f.qid.as_str())
            ),
            Command::CorrectQuestion {
                source, question, ..
            } => {
                let qid = state
                    .evaluation
                    .sources
                    .get(*source)
                    .and_then(|s| {
                        s.survey
                            .questions
                            .get(*question)
                            .map(|q| state.evaluation.qid(s, q))
                    })
                    .unwrap_or_default();
                format!("Correction de la question {qid}")
            }
            Command::SetThreshold(t) => format!("Seuil de secret statistique : {}", t.get()),
            Command::Coding(change) => change.label.clone(),
            Command::SetMemo { target, .. } => match target {
                MemoTarget::Project => "Mémo du projet".to_owned(),
                MemoTarget::Code(id) => format!(
                    "Mémo du code « {} »",
                    state
                        .evaluation
                        .coding
                        .codebook
                        .get(*id)
                        .map_or("", |c| c.name.as_str())
                ),
                MemoTarget::Document(file) => format!("Mémo du document {file}"),
                MemoTarget::Answer(key) => format!("Mémo de la réponse {key}"),
            },
            Command::SetMonograph(monograph) => format!(
                "Monographie de {}",
                state
                    .evaluation
                    .manifest
                    .sites
                    .iter()
                    .find(|s| s.id == monograph.site)
                    .map_or(monograph.site.as_str(), |s| s.name.as_str())
            ),
            Command::SetTemplate(_) => "Modèle des monographies".to_owned(),
        }
    }
}

/// Why a command was not carried out. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// The project could not be written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The command names something that is not there (a stale index).
    #[error("rien à modifier : {0}")]
    Nothing(&'static str),
}

/// A command that could not be carried out: why, and the command itself when it could
/// still be carried out later (an undo refused stays on the undo stack).
#[derive(Debug)]
struct Refused {
    error: ApplyError,
    command: Option<Command>,
}

impl Refused {
    fn new(error: ApplyError, command: Option<Command>) -> Box<Refused> {
        Box::new(Refused { error, command })
    }
}

/// Everything the session holds.
#[derive(Debug, Default)]
pub struct AppState {
    /// The evaluation: manifest (title, groups, sites, cohort extracts), its folder, and its
    /// sources in manifest order (`evaluation.sources[i].entry == manifest.sources[i]`).
    pub evaluation: Evaluation,
    /// The project every change is written to (none before anything is opened).
    project: Option<Project>,
    /// The project's pseudonymisation key, for files added to it.
    key: Option<PseudonymKey>,
    /// Figures the evaluator placed in monographs, in the order placed.
    pub figures: Vec<FigureRef>,
    /// Each site's monograph as the evaluator arranged it, by site id (a site absent follows
    /// the template).
    pub monographs: BTreeMap<String, Monograph>,
    /// The project's monograph template.
    pub template: Template,
    /// The register of figures published from the project, oldest first.
    pub register: Vec<PublishedFigure>,
    /// Cohort figures of the evaluation's extracts, once computed (or why they could not be).
    pub cohort: Option<Result<std::sync::Arc<crate::cohort::CohortReport>, String>>,
    undo: Vec<Command>,
    redo: Vec<Command>,
    /// Ids of sources removed in this session: their corrections stay in the project until it
    /// next opens (undo may bring the source back), so no new source takes their id.
    retired: Vec<String>,
    /// Bumped by every change, so views can cache what they derive.
    pub version: u64,
}

/// A project opened by a background job, ready for the session.
#[derive(Debug)]
pub struct Opened {
    /// The project.
    pub project: Project,
    /// Its evaluation, corrections applied.
    pub evaluation: Evaluation,
    /// Its placed figures.
    pub figures: Vec<FigureRef>,
    /// Its monographs, by site id.
    pub monographs: BTreeMap<String, Monograph>,
    /// Its monograph template.
    pub template: Template,
    /// The register of figures it published.
    pub register: Vec<PublishedFigure>,
    /// Its pseudonymisation key (none when read-only).
    pub key: Option<PseudonymKey>,
    /// Something the user should know (read-only, a key that had to be made again).
    pub notice: Option<String>,
}

impl AppState {
    /// Replace what is open by a project (not undoable: opening is not an edit). The
    /// project open before is closed, and its lock released.
    pub fn open(&mut self, opened: Opened) {
        self.evaluation = opened.evaluation;
        self.project = Some(opened.project);
        self.key = opened.key;
        self.figures = opened.figures;
        self.monographs = opened.monographs;
        self.template = opened.template;
        self.register = opened.register;
        self.cohort = None;
        self.undo.clear();
        self.redo.clear();
        self.retired.clear();
        self.version += 1;
    }

    /// Close the project (its lock is released); the session is empty afterwards.
    pub fn close(&mut self) {
        *self = AppState {
            version: self.version + 1,
            ..AppState::default()
        };
    }

    /// An evaluation read on the fly, with no project (tests, the library's users): changes
    /// are made in memory only.
    pub fn with_evaluation(evaluation: Evaluation) -> AppState {
        AppState {
            evaluation,
            template: crate::monograph::default_template(),
            ..AppState::default()
        }
    }

    /// A site's monograph as arranged (or as the template gives it).
    pub fn monograph(&self, site: &str) -> Monograph {
        self.monographs
            .get(site)
            .cloned()
            .unwrap_or_else(|| crate::monograph::fresh(site))
    }

    /// The open project, if any.
    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref()
    }

    /// Put the project open under another file (after « Enregistrer sous… » copied it there).
    pub fn swap_project(&mut self, project: Project) {
        self.project = Some(project);
        self.version += 1;
    }

    /// The project's key, for files added to it.
    pub fn key(&self) -> Option<&PseudonymKey> {
        self.key.as_ref()
    }

    /// The project's file, if a project is open.
    pub fn project_path(&self) -> Option<PathBuf> {
        self.project.as_ref().map(|p| p.path().to_path_buf())
    }

    /// Why the project cannot be written, if it cannot.
    pub fn read_only(&self) -> Option<ReadOnlyReason> {
        self.project.as_ref().and_then(|p| p.access().err())
    }

    /// The evaluation's title, or a default for an empty session.
    pub fn title(&self) -> &str {
        if self.evaluation.manifest.title.is_empty() {
            "Sans titre"
        } else {
            &self.evaluation.manifest.title
        }
    }

    /// Carry out a command: write it to the project, then show it, and remember how to
    /// undo it. On failure nothing changed.
    pub fn apply(&mut self, command: Command) -> Result<(), ApplyError> {
        let inverse = self.execute(command).map_err(|refused| refused.error)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(())
    }

    /// Undo the last command; `Ok(None)` when there is nothing to undo, else what was undone.
    pub fn undo(&mut self) -> Result<Option<String>, ApplyError> {
        let Some(inverse) = self.undo.pop() else {
            return Ok(None);
        };
        let label = inverse.label(self);
        match self.execute(inverse) {
            Ok(back) => {
                self.redo.push(back);
                Ok(Some(label))
            }
            Err(refused) => {
                if let Some(inverse) = refused.command {
                    self.undo.push(inverse);
                }
                Err(refused.error)
            }
        }
    }

    /// Redo the last undone command; `Ok(None)` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<String>, ApplyError> {
        let Some(inverse) = self.redo.pop() else {
            return Ok(None);
        };
        let label = inverse.label(self);
        match self.execute(inverse) {
            Ok(back) => {
                self.undo.push(back);
                Ok(Some(label))
            }
            Err(refused) => {
                if let Some(inverse) = refused.command {
                    self.redo.push(inverse);
                }
                Err(refused.error)
            }
        }
    }

    /// Whether [`Self::undo`] would do anything.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Enter figures just published in the register (written to the project first). A
    /// publication is a fact, not an edit: undo does not take it back.
    pub fn record_published(&mut self, published: Vec<PublishedFigure>) -> Result<(), StoreError> {
        if published.is_empty() {
            return Ok(());
        }
        let label = match published.as_slice() {
            [one] => format!("Publié : {} ({})", one.figure.qid, one.format),
            many => format!("Publiés : {} figures", many.len()),
        };
        self.write(&label, &[Edit::Published(&published)])?;
        let now = utc_now("%Y-%m-%d %H:%M:%S");
        self.register
            .extend(published.into_iter().map(|p| PublishedFigure {
                at: now.clone(),
                ..p
            }));
        self.version += 1;
        Ok(())
    }

    /// The figures published before with the same question and no site filter, one per cut
    /// (the tables a new cut of it may be read with).
    pub fn published_cuts(&self, qid: &str) -> Vec<FigureRef> {
        let mut cuts: Vec<FigureRef> = Vec::new();
        for p in &self.register {
            if p.figure.qid == qid && p.figure.site.is_none() && !cuts.contains(&p.figure) {
                cuts.push(p.figure.clone());
            }
        }
        cuts
    }

    /// Whether [`Self::redo`] would do anything.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Write the edits, as one transaction labelled `action` (nothing to write without a
    /// project).
    fn write(&mut self, action: &str, edits: &[Edit<'_>]) -> Result<(), StoreError> {
        match &mut self.project {
            Some(project) => project.write(action, edits),
            None => Ok(()),
        }
    }

    /// Carry out a command and return its inverse; on failure, the error and the command
    /// (when it can still be carried out later), nothing changed.
    fn execute(&mut self, command: Command) -> Result<Command, Box<Refused>> {
        let label = command.label(self);
        let inverse = match command {
            Command::InsertSource { index, mut source } => {
                let index = index.min(self.evaluation.sources.len());
                source.entry.id = self.unique_source_id(&source.entry.id);
                let mut manifest = self.evaluation.manifest.clone();
                manifest.sources.insert(index, source.entry.clone());
                if let Err(e) = self.write(&label, &[Edit::Manifest(&manifest)]) {
                    return Err(Refused::new(
                        e.into(),
                        Some(Command::InsertSource { index, source }),
                    ));
                }
                self.evaluation.manifest = manifest;
                self.evaluation.sources.insert(index, *source);
                Command::RemoveSource { index }
            }
            Command::RemoveSource { index } => {
                if index >= self.evaluation.sources.len() {
                    return Err(Refused::new(
                        ApplyError::Nothing("cette source n'existe plus"),
                        None,
                    ));
                }
                let mut manifest = self.evaluation.manifest.clone();
                manifest.sources.remove(index);
                if let Err(e) = self.write(&label, &[Edit::Manifest(&manifest)]) {
                    return Err(Refused::new(
                        e.into(),
                        Some(Command::RemoveSource { index }),
                    ));
                }
                self.evaluation.manifest = manifest;
                let source = Box::new(self.evaluation.sources.remove(index));
                self.retired.push(source.entry.id.clone());
                Command::InsertSource { index, source }
            }
            Command::ReplaceSource {
                index,
                mut source,
                codings,
            } => {
                let Some(current) = self.evaluation.sources.get(index) else {
                    return Err(Refused::new(
                        ApplyError::Nothing("cette source n'existe plus"),
                        None,
                    ));
                };
                source.entry.id = current.entry.id.clone();
                let corrections = current.survey.corrections.clone();
                let carried = codings.unwrap_or_else(|| {
                    replace::carry_codings(
                        &self.evaluation.coding,
                        &current.entry.id,
                        &current.survey,
                        &source.survey,
                    )
                });
                let back = carried.inverse(&self.evaluation.coding);
                let mut manifest = self.evaluation.manifest.clone();
                manifest.sources[index] = source.entry.clone();
                let edits = [
                    Edit::Manifest(&manifest),
                    Edit::DeleteCodings(&carried.delete_codings),
                    Edit::PutCodings(&carried.put_codings),
                ];
                if let Err(e) = self.write(&label, &edits) {
                    return Err(Refused::new(
                        e.into(),
                        Some(Command::ReplaceSource {
                            index,
                            source,
                            codings: Some(carried),
                        }),
                    ));
                }
                // The corrections stored for this source apply to the newer file's questions.
                replace::keep_corrections(&mut source.survey, &corrections);
                self.evaluation.manifest = manifest;
                carried.apply_to(&mut self.evaluation.coding);
                let old = std::mem::replace(&mut self.evaluation.sources[index], *source);
                Command::ReplaceSource {
                    index,
                    source: Box::new(old),
                    codings: Some(back),
                }
            }
            Command::AddFigure(figure) => {
                return self.execute(Command::InsertFigure {
                    index: self.figures.len(),
                    figure,
                });
            }
            Command::InsertFigure { index, figure } => {
                let index = index.min(self.figures.len());
                let mut figures = self.figures.clone();
                figures.insert(index, figure.clone());
                if let Err(e) = self.write(&label, &[Edit::Figures(&figures)]) {
                    return Err(Refused::new(
                        e.into(),
                        Some(Command::InsertFigure { index, figure }),
                    ));
                }
                self.figures = figures;
                Command::RemoveFigure { index }
            }
            Command::RemoveFigure { index } => {
                if index >= self.figures.len() {
                    return Err(Refused::new(
                        ApplyError::Nothing("cette figure n'existe plus"),
                        None,
                    ));
                }
                let mut figures = self.figures.clone();
                let figure = figures.remove(index);
                if let Err(e) = self.write(&label, &[Edit::Figures(&figures)]) {
                    return Err(Refused::new(
                        e.into(),
                        Some(Command::RemoveFigure { index }),
                    ));
                }
                self.figures = figures;
                Command::InsertFigure { index, figure }
            }
            Command::CorrectQuestion {
                source,
                question,
                correction,
            } => {
                let Some((source_id, question_id, previous)) =
                    self.evaluation.sources.get(source).and_then(|s| {
                        // A coded question is derived from the coding: nothing to correct.
                        s.survey.plan.questions.get(question)?;
                        let q = s.survey.questions.get(question)?;
                        let previous = s.survey.corrections.get(&q.id).cloned();
                        Some((
                            s.entry.id.clone(),
                            q.id.clone(),
                            previous.unwrap_or_default(),
                        ))
                    })
                else {
                    return Err(Refused::new(
                        ApplyError::Nothing("cette question n'existe plus"),
                        None,
                    ));
                };
                let edit = Edit::Correction {
                    source: &source_id,
                    question: &question_id,
                    correction: &correction,
                };
                if let Err(e) = self.write(&label, &[edit]) {
                    return Err(Refused::new(
                        e.into(),
                        Some(Command::CorrectQuestion {
                            source,
                            question,
                            correction,
                        }),
                    ));
                }
                self.evaluation.sources[source]
                    .survey
                    .correct(question, correction);
                Command::CorrectQuestion {
                    source,
                    question,
                    correction: previous,
                }
            }
            Command::SetThreshold(threshold) => {
                let previous = self.evaluation.manifest.disclosure_threshold;
                let manifest = Manifest {
                    disclosure_threshold: threshold,
                    ..self.evaluation.manifest.clone()
                };
                if let Err(e) = self.write(&label, &[Edit::Manifest(&manifest)]) {
                    return Err(Refused::new(
                        e.into(),
                        Some(Command::SetThreshold(threshold)),
                    ));
                }
                self.evaluation.manifest = manifest;
                Command::SetThreshold(previous)
            }
            Command::Coding(change) => {
                if change.is_empty() {
                    return Err(Refused::new(
                        ApplyError::Nothing("aucun passage ni code à changer"),
                        None,
                    ));
                }
                let inverse = change.inverse(&self.evaluation.coding);
                let edits = [
                    Edit::DeleteCodes(&change.delete_codes),
                    Edit::PutCodes(&change.put_codes),
                    Edit::DeleteCodings(&change.delete_codings),
                    Edit::PutCodings(&change.put_codings),
                ];
                if let Err(e) = self.write(&label, &edits) {
                    return Err(Refused::new(e.into(), Some(Command::Coding(change))));
                }
                change.apply_to(&mut self.evaluation.coding);
                crate::coding::variables::refresh(&mut self.evaluation);
                Command::Coding(inverse)
            }
            Command::SetMonograph(monograph) => {
                let previous = self.monograph(&monograph.site);
                if *monograph == previous {
                    return Err(Refused::new(ApplyError::Nothing("rien n'a changé"), None));
                }
                if let Err(e) = self.write(&label, &[Edit::Monograph(&monograph)]) {
                    return Err(Refused::new(
                        e.into(),
                        Some(Command::SetMonograph(monograph)),
                    ));
                }
                self.monographs.insert(monograph.site.clone(), *monograph);
                Command::SetMonograph(Box::new(previous))
            }
            Command::SetTemplate(template) => {
                let previous = self.template.clone();
                if let Err(e) = self.write(&label, &[Edit::Template(&template)]) {
                    return Err(Refused::new(e.into(), Some(Command::SetTemplate(template))));
                }
                self.template = *template;
                Command::SetTemplate(Box::new(previous))
            }
            Command::SetMemo { target, text } => {
                let previous = self
                    .evaluation
                    .coding
                    .memos
                    .get(&target)
                    .cloned()
                    .unwrap_or_default();
                if let Err(e) = self.write(&label, &[Edit::Memo(&target, &text)]) {
                    return Err(Refused::new(
                        e.into(),
                        Some(Command::SetMemo { target, text }),
                    ));
                }
                if text.trim().is_empty() {
                    self.evaluation.coding.memos.remove(&target);
                } else {
                    self.evaluation.coding.memos.insert(target.clone(), text);
                }
                Command::SetMemo {
                    target,
                    text: previous,
                }
            }
        };
        if matches!(
            inverse,
            Command::InsertSource { .. }
                | Command::RemoveSource { .. }
                | Command::ReplaceSource { .. }
        ) {
            crate::coding::variables::refresh(&mut self.evaluation);
        }
        self.version += 1;
        Ok(inverse)
    }

    /// `id`, or `id_2`, `id_3`… when another source has it.
    fn unique_source_id(&self, id: &str) -> String {
        let taken = |candidate: &str| {
            self.evaluation
                .sources
                .iter()
                .any(|s| s.entry.id == candidate)
                || self.retired.iter().any(|r| r == candidate)
        };
        if !taken(id) {
            return id.to_owned();
        }
        let mut k = 2;
        while taken(&format!("{id}_{k}")) {
            k += 1;
        }
        format!("{id}_{k}")
    }
}

/// The time now in UTC, formatted by chrono's `format` (`%Y-%m-%d %H:%M:%S` as SQLite's
/// `datetime('now')` writes it).
pub(crate) fn utc_now(format: &str) -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format(format).to_string())
        .unwrap_or_default()
}
