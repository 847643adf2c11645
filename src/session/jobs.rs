//! Background jobs: long work (opening a project, importing or replacing a file, copying a
//! project, computing the cohort figures, exporting) runs on a named thread, reports its
//! progress over a channel at most about once a percent, wakes the window after each report,
//! and stops at the next check once cancelled.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use crate::progress::Progress;

/// What a running job tells the session.
enum Event<T> {
    Progress { done: f32, stage: String },
    Finished(T),
}

/// Sends progress to the session, at most about once per percent, and wakes the GUI.
struct ChannelProgress<T> {
    sender: Mutex<Sender<Event<T>>>,
    cancel: Arc<AtomicBool>,
    last: Mutex<f32>,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl<T: Send> Progress for ChannelProgress<T> {
    fn report(&self, done: f32, stage: &str) {
        let Ok(mut last) = self.last.lock() else {
            return;
        };
        if (done - *last).abs() < 0.01 && done < 1.0 {
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

/// One piece of work on its own thread, with its progress and its result.
pub struct Job<T> {
    /// What is being done, as the progress bar names it (« Import de jeunes.xlsx »).
    pub title: String,
    /// Fraction done.
    pub done: f32,
    /// The current step, in the user's words.
    pub stage: String,
    cancel: Arc<AtomicBool>,
    events: Receiver<Event<T>>,
}

impl<T: Send + 'static> Job<T> {
    /// Start `work` on a thread named `name`. `wake` is called after each report and at the
    /// end (the GUI passes `ctx.request_repaint`).
    pub fn spawn(
        name: &str,
        title: impl Into<String>,
        wake: Arc<dyn Fn() + Send + Sync>,
        work: impl FnOnce(&dyn Progress) -> T + Send + 'static,
    ) -> std::io::Result<Job<T>> {
        let (sender, events) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = ChannelProgress {
            sender: Mutex::new(sender.clone()),
            cancel: Arc::clone(&cancel),
            last: Mutex::new(-1.0),
            wake: Arc::clone(&wake),
        };
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let result = work(&progress);
                let _ = sender.send(Event::Finished(result));
                wake();
            })?;
        Ok(Job {
            title: title.into(),
            done: 0.0,
            stage: "Démarrage".to_owned(),
            cancel,
            events,
        })
    }

    /// Ask the job to stop; it finishes promptly (with a « cancelled » failure).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether cancellation was asked.
    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Take in what the thread reported; `Some` once it is finished: its result, or why it
    /// stopped without one.
    pub fn poll(&mut self) -> Option<Result<T, String>> {
        loop {
            match self.events.try_recv() {
                Ok(Event::Progress { done, stage }) => {
                    self.done = done;
                    self.stage = stage;
                }
                Ok(Event::Finished(result)) => return Some(Ok(result)),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(Err(format!(
                        "{} : le travail s'est arrêté de façon inattendue",
                        self.title
                    )));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait<T: Send + 'static>(job: &mut Job<T>) -> Result<T, String> {
        let start = Instant::now();
        loop {
            if let Some(result) = job.poll() {
                return result;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "the job hangs");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_job_reports_progress_then_its_result() {
        let mut job = Job::spawn("essai", "Essai", Arc::new(|| {}), |progress| {
            progress.report(0.5, "à mi-chemin");
            42
        })
        .unwrap();
        assert_eq!(wait(&mut job), Ok(42));
        assert_eq!(job.stage, "à mi-chemin");
    }

    #[test]
    fn a_cancelled_job_stops_at_its_next_check() {
        let mut job = Job::spawn("essai", "Essai", Arc::new(|| {}), |progress| {
            let start = Instant::now();
            while !progress.cancelled() {
                if start.elapsed() > Duration::from_secs(5) {
                    return "jamais annulé";
                }
                std::thread::sleep(Duration::from_millis(1));
            }
            "annulé"
        })
        .unwrap();
        job.cancel();
        assert!(job.is_cancelling());
        assert_eq!(wait(&mut job), Ok("annulé"));
    }
}
