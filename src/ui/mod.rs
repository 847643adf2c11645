//! The workbench window (eframe, glow renderer): navigation, panels, screenshots.
//!
//! Panels hold view state only; they read the [`AppState`](crate::session::AppState) and
//! return [`Command`](crate::session::Command)s, which the app applies.

mod actions;
mod app;
mod charts;
mod coding;
mod cohort;
mod cohort_factors;
mod monographs;
mod register;
mod screenshot;
mod sources;

use std::path::PathBuf;

pub use actions::Action;
pub use app::{AtelierApp, JobView, Running};
pub use cohort::CohortView;

use crate::session::places::Places;

/// The workbench's main views, in navigation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    /// Loaded survey exports and their questions.
    Sources,
    /// Coding of open answers and notes.
    Coding,
    /// Charts of perceptions by respondent group.
    Charts,
    /// Cohort figures per network and site.
    Cohort,
    /// One monograph per visited site.
    Monographs,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [View; 5] = [
        View::Sources,
        View::Coding,
        View::Charts,
        View::Cohort,
        View::Monographs,
    ];

    /// The view's name in the navigation bar.
    pub fn label(self) -> &'static str {
        match self {
            View::Sources => "Sources",
            View::Coding => "Codage",
            View::Charts => "Graphiques",
            View::Cohort => "Cohortes",
            View::Monographs => "Monographies",
        }
    }
}

/// How the window is opened.
#[derive(Clone, Debug)]
pub struct LaunchOptions {
    /// What to open at start: a project, an evaluation folder, a survey export.
    pub path: Option<PathBuf>,
    /// The view shown first.
    pub view: View,
    /// What Cohortes shows first: indicators, or success factors.
    pub cohort_view: CohortView,
    /// Write a PNG of the window to this file once the data is loaded, then exit.
    pub screenshot: Option<PathBuf>,
    /// Remember what is opened, to reopen it next time (off for screenshots and tests).
    pub remember: bool,
    /// Where the user's projects, keys and preferences are kept.
    pub places: Places,
}

/// Why the window could not run.
#[derive(Debug, thiserror::Error)]
pub enum LaunchError {
    /// The user's input is at fault (a file that cannot be read, a bad path).
    #[error("{0}")]
    BadInput(String),
    /// The window system failed.
    #[error("la fenêtre n'a pas pu s'ouvrir : {0}")]
    Window(String),
    /// The screenshot could not be taken or written.
    #[error("capture d'écran : {0}")]
    Screenshot(String),
}

/// Open the window and run until it is closed.
pub fn run(options: LaunchOptions) -> Result<(), LaunchError> {
    let viewport = egui::ViewportBuilder::default()
        .with_title("Atelier")
        .with_app_id("atelier")
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([1000.0, 650.0]);
    let native = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let outcome = screenshot::Outcome::default();
    let app_outcome = outcome.clone();
    eframe::run_native(
        "Atelier",
        native,
        Box::new(move |cc| {
            Ok(Box::new(AtelierApp::with_outcome(
                &cc.egui_ctx,
                options,
                app_outcome,
            )))
        }),
    )
    .map_err(|e| LaunchError::Window(e.to_string()))?;
    outcome.result()
}
