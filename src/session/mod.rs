//! The session: what is open, the commands that change it, undo/redo, background jobs.
//!
//! The GUI never mutates the evaluation directly: it emits [`Command`]s, and [`AppState::apply`]
//! carries them out and records their inverse for undo. Nothing here depends on egui.

pub mod jobs;
pub mod recent;

use std::path::PathBuf;

use crate::import::evaluation::{Evaluation, EvaluationSource};
use crate::import::{Correction, Survey};
use crate::model::manifest::SourceEntry;
use crate::store::Project;

/// A source loaded in the session: a questionnaire of the evaluation, or a file added alone.
pub type LoadedSource = EvaluationSource;

/// A file added on its own, outside any manifest.
pub fn single_source(path: PathBuf, survey: Survey) -> LoadedSource {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = survey.respondents();
    let entry = SourceEntry {
        id,
        file: path.display().to_string(),
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

/// A figure placed in a monograph: which question, cut how, for which site. The figure is
/// recomputed from the data whenever the monograph is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRef {
    /// `SOURCE.QUESTION`.
    pub qid: String,
    /// The grouping (`group`, `network`, `site`, `region`, or a question id).
    pub by: Option<String>,
    /// The visited site's id.
    pub site: Option<String>,
}

/// A change the user asked for. Each one can be undone.
#[derive(Debug)]
#[must_use]
pub enum Command {
    /// Add a source that a background import has read.
    AddSource(Box<LoadedSource>),
    /// Remove a source from the session.
    RemoveSource {
        /// Index in the evaluation's sources ([`Evaluation::sources`](crate::import::evaluation::Evaluation::sources)).
        index: usize,
    },
    /// Add a figure to the monographs.
    AddFigure(FigureRef),
    /// Correct (or restore, with `Correction::default()`) the inference of one question.
    CorrectQuestion {
        /// Index of the source.
        source: usize,
        /// Index of the question in the source.
        question: usize,
        /// The new correction.
        correction: Correction,
    },
}

/// How to undo one applied command.
#[derive(Debug)]
enum Inverse {
    Remove {
        index: usize,
    },
    Insert {
        index: usize,
        source: Box<LoadedSource>,
    },
    Correct {
        source: usize,
        question: usize,
        correction: Correction,
    },
    RemoveFigure {
        index: usize,
    },
    InsertFigure {
        index: usize,
        figure: FigureRef,
    },
}

/// Everything the session holds.
#[derive(Debug, Default)]
pub struct AppState {
    /// The evaluation: manifest (title, groups, sites, cohort extracts; empty when only
    /// loose files are open), its folder, and the loaded sources in the order they came.
    pub evaluation: Evaluation,
    /// The project file, when the evaluation was opened from one; corrections are saved
    /// to it as they are made.
    pub project: Option<Project>,
    /// Problems met while saving to the project file, shown to the user.
    pub save_errors: Vec<String>,
    /// Figures the evaluator placed in monographs, in the order added.
    pub figures: Vec<FigureRef>,
    /// Cohort figures of the evaluation's extracts, once computed (or why they could not be).
    pub cohort: Option<Result<std::sync::Arc<crate::cohort::CohortReport>, String>>,
    undo: Vec<Inverse>,
    redo: Vec<Inverse>,
    /// Bumped by every change, so views can cache what they derive.
    pub version: u64,
}

impl AppState {
    /// Replace what is open by an evaluation (not undoable: opening is not an edit).
    pub fn open_evaluation(&mut self, evaluation: Evaluation, project: Option<Project>) {
        self.evaluation = evaluation;
        self.project = project;
        self.cohort = None;
        self.undo.clear();
        self.redo.clear();
        self.version += 1;
    }

    /// The evaluation's title, or a default for loose files.
    pub fn title(&self) -> &str {
        if self.evaluation.manifest.title.is_empty() {
            "Fichiers isolés"
        } else {
            &self.evaluation.manifest.title
        }
    }

    /// Carry out a command and remember how to undo it.
    pub fn apply(&mut self, command: Command) {
        if let Some(inverse) = self.execute(command) {
            self.undo.push(inverse);
            self.redo.clear();
        }
    }

    /// Undo the last command; `false` when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(inverse) = self.undo.pop() else {
            return false;
        };
        if let Some(back) = self.revert(inverse) {
            self.redo.push(back);
        }
        true
    }

    /// Redo the last undone command; `false` when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let Some(inverse) = self.redo.pop() else {
            return false;
        };
        if let Some(back) = self.revert(inverse) {
            self.undo.push(back);
        }
        true
    }

    /// Whether [`Self::undo`] would do anything.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether [`Self::redo`] would do anything.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn execute(&mut self, command: Command) -> Option<Inverse> {
        self.version += 1;
        match command {
            Command::AddSource(source) => {
                self.evaluation.sources.push(*source);
                Some(Inverse::Remove {
                    index: self.evaluation.sources.len() - 1,
                })
            }
            Command::AddFigure(figure) => {
                self.figures.push(figure);
                Some(Inverse::RemoveFigure {
                    index: self.figures.len() - 1,
                })
            }
            Command::RemoveSource { index } => {
                if index >= self.evaluation.sources.len() {
                    return None;
                }
                let source = Box::new(self.evaluation.sources.remove(index));
                Some(Inverse::Insert { index, source })
            }
            Command::CorrectQuestion {
                source,
                question,
                correction,
            } => {
                let survey = &mut self.evaluation.sources.get_mut(source)?.survey;
                let previous = survey.correct(question, correction)?;
                Some(Inverse::Correct {
                    source,
                    question,
                    correction: previous,
                })
            }
        }
    }

    /// Apply an inverse, returning the inverse of that.
    fn revert(&mut self, inverse: Inverse) -> Option<Inverse> {
        let command = match inverse {
            Inverse::Remove { index } => Command::RemoveSource { index },
            Inverse::Insert { index, source } => {
                self.version += 1;
                let at = index.min(self.evaluation.sources.len());
                self.evaluation.sources.insert(at, *source);
                return Some(Inverse::Remove { index: at });
            }
            Inverse::Correct {
                source,
                question,
                correction,
            } => Command::CorrectQuestion {
                source,
                question,
                correction,
            },
            Inverse::RemoveFigure { index } => {
                self.version += 1;
                if index >= self.figures.len() {
                    return None;
                }
                let figure = self.figures.remove(index);
                return Some(Inverse::InsertFigure { index, figure });
            }
            Inverse::InsertFigure { index, figure } => {
                self.version += 1;
                let at = index.min(self.figures.len());
                self.figures.insert(at, figure);
                return Some(Inverse::RemoveFigure { index: at });
            }
        };
        self.execute(command)
    }
}
