//! Background imports: a named thread per file, progress over a channel, cancellable.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use super::LoadedSource;
use crate::import::Survey;
use crate::import::evaluation::{self, Evaluation};
use crate::progress::Progress;
use crate::store::{self, Project};

/// What a running job tells the session.
enum Event {
    Progress { done: f32, stage: String },
    Finished(Outcome),
}

/// How a finished import turned out.
pub enum Outcome {
    /// A survey export was read.
    Loaded(Box<LoadedSource>),
    /// A whole evaluation (folder or project file) was read.
    Evaluation(Box<Evaluation>, Option<Project>),
    /// The file could not be read: one line naming it and the problem.
    Failed(String),
}

/// Sends progress to the session, at most about once per percent, and wakes the GUI.
struct ChannelProgress {
    sender: Mutex<Sender<Event>>,
    cancel: Arc<AtomicBool>,
    last: Mutex<f32>,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl Progress for ChannelProgress {
    fn report(&self, done: f32, stage: &str) {
        let Ok(mut last) = self.last.lock() else {
            return;
        };
        if done - *last < 0.01 && done < 1.0 {
            return;
        }
        *last = done;
        if let Ok(sender) = self.sender.lock() {
            let _ = sender.send(Event::Progress {
                done,
                stage: stage.to_owned(),
            });
        }
        (self.wake)();
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// One file being imported on its own thread.
pub struct ImportJob {
    /// The file's name, as shown in the progress bar.
    pub file_name: String,
    /// Fraction done.
    pub done: f32,
    /// The current step, in the user's words.
    pub stage: String,
    cancel: Arc<AtomicBool>,
    events: Receiver<Event>,
}

impl ImportJob {
    /// Start importing `path` on a thread named after the file. `wake` is called after each
    /// report (the GUI passes `ctx.request_repaint`).
    pub fn spawn(path: PathBuf, wake: Arc<dyn Fn() + Send + Sync>) -> std::io::Result<ImportJob> {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let (sender, events) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = ChannelProgress {
            sender: Mutex::new(sender.clone()),
            cancel: Arc::clone(&cancel),
            last: Mutex::new(-1.0),
            wake: Arc::clone(&wake),
        };
        std::thread::Builder::new()
            .name(format!("import {file_name}"))
            .spawn(move || {
                let outcome = load(path, &progress);
                let _ = sender.send(Event::Finished(outcome));
                wake();
            })?;
        Ok(ImportJob {
            file_name,
            done: 0.0,
            stage: "Ouverture".to_owned(),
            cancel,
            events,
        })
    }

    /// Ask the job to stop; it finishes promptly with a "cancelled" failure.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether cancellation was asked.
    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Take in what the thread reported; `Some` once it is finished.
    pub fn poll(&mut self) -> Option<Outcome> {
        loop {
            match self.events.try_recv() {
                Ok(Event::Progress { done, stage }) => {
                    self.done = done;
                    self.stage = stage;
                }
                Ok(Event::Finished(outcome)) => return Some(outcome),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(Outcome::Failed(format!(
                        "{}: l'import s'est arrêté de façon inattendue",
                        self.file_name
                    )));
                }
            }
        }
    }
}

/// Read what `path` names: a project file, an evaluation folder, or one survey export.
fn load(path: PathBuf, progress: &ChannelProgress) -> Outcome {
    if store::is_project_file(&path) {
        let project = match Project::open(&path) {
            Ok(p) => p,
            Err(e) => return Outcome::Failed(e.to_string()),
        };
        return match project.evaluation(progress) {
            Ok(evaluation) => Outcome::Evaluation(Box::new(evaluation), Some(project)),
            Err(e) => Outcome::Failed(e.to_string()),
        };
    }
    if path.is_dir() {
        return match evaluation::open_path(&path, progress) {
            Ok(evaluation) => Outcome::Evaluation(Box::new(evaluation), None),
            Err(e) => Outcome::Failed(e.to_string()),
        };
    }
    match Survey::open(&path, None, progress) {
        Ok(survey) => Outcome::Loaded(Box::new(super::single_source(path, survey))),
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// A computation on its own named thread, whose result the GUI picks up when ready.
pub struct Background<T> {
    /// What is being computed, in the user's words.
    pub label: String,
    result: Receiver<T>,
}

impl<T: Send + 'static> Background<T> {
    /// Run `work` on a thread named `name`; `wake` is called when it is done.
    pub fn spawn(
        name: &str,
        label: &str,
        wake: Arc<dyn Fn() + Send + Sync>,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> std::io::Result<Background<T>> {
        let (sender, result) = channel();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let _ = sender.send(work());
                wake();
            })?;
        Ok(Background {
            label: label.to_owned(),
            result,
        })
    }

    /// The result, once; `None` while the work goes on.
    pub fn poll(&self) -> Option<Result<T, String>> {
        match self.result.try_recv() {
            Ok(value) => Some(Ok(value)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(format!(
                "{} : le calcul s'est arrêté de façon inattendue",
                self.label
            ))),
        }
    }
}
