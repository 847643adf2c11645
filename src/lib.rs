//! Atelier: a desktop workbench for programme evaluators.
//!
//! The library holds everything but the window: import of survey exports, the evaluation
//! model, statistics, charts and documents. `src/ui/` (egui) and `src/main.rs` (command line)
//! drive it; nothing here depends on egui, so all of it runs headless in tests.

#![warn(missing_docs)]

pub mod charts;
pub mod coding;
pub mod cohort;
pub mod figures;
pub mod import;
pub mod model;
pub mod monograph;
pub mod parallel;
pub mod progress;
pub mod session;
pub mod stats;
pub mod store;
pub mod synth;
pub mod ui;
