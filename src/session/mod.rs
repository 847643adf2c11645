//! The session: what is open, the commands that change it, undo/redo, background jobs.
//!
//! The GUI never mutates the evaluation directly: it emits [`Command`]s, and [`AppState::apply`]
//! carries them out and records their inverse for undo. Nothing here depends on egui.

pub mod jobs;
pub mod recent;

use std::path::PathBuf;

use crate::import::evaluation::{Evaluation, EvaluationSource};
use crate::import::{Correction, Survey};
use crate::model::Manifest;
use crate::model::manifest::SourceEntry;
use crate::store::Project;

/// A source file loaded in the session.
#[derive(Debug)]
pub struct LoadedSource {
    /// Where the file was read from.
    pub path: PathBuf,
    /// The survey it holds.
    pub survey: Survey,
    /// Its manifest entry (id, group, network, role); a bare entry for a file added alone.
    pub entry: SourceEntry,
    /// The respondent group's name for people (empty for a file added alone).
    pub group_label: String,
    /// For each respondent, the index of the visited site their structure names.
    pub site_of_respondent: Vec<Option<usize>>,
}

impl LoadedSource {
    /// A file added on its own, outside any manifest.
    pub fn single(path: PathBuf, survey: Survey) -> Self {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let n = survey.respondents();
        let entry = SourceEntry {
            id,
            file: survey.raw.file_name.clone(),
            kind: "survey".to_owned(),
            ..Default::default()
        };
        LoadedSource {
            path,
            survey,
            entry,
            group_label: String::new(),
            site_of_respondent: vec![None; n],
        }
    }

    fn from_evaluation(root: &std::path::Path, source: EvaluationSource) -> Self {
        LoadedSource {
            path: root.join(&source.entry.file),
            survey: source.survey,
            entry: source.entry,
            group_label: source.group_label,
            site_of_respondent: source.site_of_respondent,
        }
    }
}

/// A change the user asked for. Each one can be undone.
#[derive(Debug)]
#[must_use]
pub enum Command {
    /// Add a source that a background import has read.
    AddSource(Box<LoadedSource>),
    /// Remove a source from the session.
    RemoveSource {
        /// Index in [`AppState::sources`].
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
}

/// Everything the session holds.
#[derive(Debug, Default)]
pub struct AppState {
    /// The evaluation's manifest (title, groups, sites, cohort extracts); empty when only
    /// loose files are open.
    pub manifest: Manifest,
    /// The folder the manifest's paths are relative to.
    pub root: PathBuf,
    /// The project file, when the evaluation was opened from one; corrections are saved
    /// to it as they are made.
    pub project: Option<Project>,
    /// Problems met while saving to the project file, shown to the user.
    pub save_errors: Vec<String>,
    /// Loaded sources, in the order they were added.
    pub sources: Vec<LoadedSource>,
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
        self.sources = evaluation
            .sources
            .into_iter()
            .map(|s| LoadedSource::from_evaluation(&evaluation.root, s))
            .collect();
        self.manifest = evaluation.manifest;
        self.root = evaluation.root;
        self.project = project;
        self.cohort = None;
        self.undo.clear();
        self.redo.clear();
        self.version += 1;
    }

    /// The evaluation's title, or a default for loose files.
    pub fn title(&self) -> &str {
        if self.manifest.title.is_empty() {
            "Fichiers isolés"
        } else {
            &self.manifest.title
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
                self.sources.push(*source);
                Some(Inverse::Remove {
                    index: self.sources.len() - 1,
                })
            }
            Command::RemoveSource { index } => {
                if index >= self.sources.len() {
                    return None;
                }
                let source = Box::new(self.sources.remove(index));
                Some(Inverse::Insert { index, source })
            }
            Command::CorrectQuestion {
                source,
                question,
                correction,
            } => {
                let survey = &mut self.sources.get_mut(source)?.survey;
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
                let at = index.min(self.sources.len());
                self.sources.insert(at, *source);
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
        };
        self.execute(command)
    }
}
