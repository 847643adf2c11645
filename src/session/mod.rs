//! The session: what is open, the commands that change it, undo/redo, background jobs.
//!
//! The GUI never mutates the evaluation directly: it emits [`Command`]s, and [`AppState::apply`]
//! carries them out and records their inverse for undo. Nothing here depends on egui.

pub mod jobs;

use std::path::PathBuf;

use crate::import::{Correction, Survey};

/// A source file loaded in the session.
#[derive(Debug)]
pub struct LoadedSource {
    /// Where the file was read from.
    pub path: PathBuf,
    /// The survey it holds.
    pub survey: Survey,
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
    /// Loaded sources, in the order they were added.
    pub sources: Vec<LoadedSource>,
    undo: Vec<Inverse>,
    redo: Vec<Inverse>,
    /// Bumped by every change, so views can cache what they derive.
    pub version: u64,
}

impl AppState {
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
