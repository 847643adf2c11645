//! Progress reporting and cancellation for long work (imports, exports, generation).
//!
//! Library code takes a `&dyn Progress` and calls it between units of work; the session
//! layer implements it over a channel for the GUI, the command line uses [`Silent`].

use std::sync::atomic::{AtomicBool, Ordering};

/// Where long work reports how far it is and learns whether to stop.
pub trait Progress: Sync {
    /// `done` is a fraction in `0.0..=1.0`; `stage` names the step in the user's words.
    fn report(&self, done: f32, stage: &str);
    /// True once the user asked to stop; the work then returns `Cancelled` promptly.
    fn cancelled(&self) -> bool;
}

/// Reports nothing and never cancels: for the command line and tests.
pub struct Silent;

impl Progress for Silent {
    fn report(&self, _done: f32, _stage: &str) {}
    fn cancelled(&self) -> bool {
        false
    }
}

/// Never reports, cancels when the flag is set.
pub struct CancelFlag<'a>(pub &'a AtomicBool);

impl Progress for CancelFlag<'_> {
    fn report(&self, _done: f32, _stage: &str) {}
    fn cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}
