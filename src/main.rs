//! The `atelier` command: the workbench window, and the command-line contracts of DESIGN.md §3.

// The command line's job is to print: results on stdout, one-line errors on stderr.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use atelier::import::{ImportError, Survey, inspect};
use atelier::progress::Silent;
use atelier::ui::{self, View};
use clap::{Parser, Subcommand};

/// Atelier: survey exports, coding, charts and monographs for programme evaluators.
#[derive(Parser)]
#[command(
    name = "atelier",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// Render the window with the data loaded, write this PNG and exit.
    #[arg(long, value_name = "FILE.png")]
    screenshot: Option<PathBuf>,
    /// The view shown first (with --screenshot, the view captured).
    #[arg(long, value_enum, default_value_t = View::Sources)]
    view: View,
    /// A project, a folder holding atelier.json, or a survey export.
    path: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Open the workbench on a project, a folder holding atelier.json, or a survey export.
    Open {
        /// What to open.
        path: PathBuf,
    },
    /// Show how Atelier understands a survey export: layout, questions, personal columns.
    Inspect {
        /// The export (xlsx, xls, ods, csv, tsv, txt).
        file: PathBuf,
        /// The sheet to read (default: the first non-empty sheet).
        #[arg(long)]
        sheet: Option<String>,
        /// Print JSON (DESIGN.md §3) instead of a readable table.
        #[arg(long)]
        json: bool,
    },
    /// List every question: id, source, group, text, kind.
    Questions {
        /// A survey export.
        path: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// A failure the user caused (bad file, bad argument): exit status 2.
#[derive(Debug)]
struct BadInput(String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

impl From<ImportError> for BadInput {
    fn from(e: ImportError) -> Self {
        BadInput(e.to_string())
    }
}

fn main() -> ExitCode {
    // A panic is a bug: say so in one line, never with a backtrace dump for the user.
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("atelier: erreur interne{place} ; merci de la signaler");
    }));
    let cli = Cli::parse();
    let result = std::panic::catch_unwind(|| run(cli));
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(error)) => {
            if let Some(bad) = error.downcast_ref::<BadInput>() {
                eprintln!("{bad}");
                ExitCode::from(2)
            } else {
                eprintln!("atelier: {error:#}");
                ExitCode::from(1)
            }
        }
        Err(_) => ExitCode::from(1),
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Some(Command::Inspect { file, sheet, json }) => {
            let survey = Survey::open(&file, sheet.as_deref(), &Silent).map_err(BadInput::from)?;
            if json {
                print_json(&inspect::to_json(&survey))?;
            } else {
                emit(&inspect::to_text(&survey))?;
            }
            Ok(())
        }
        Some(Command::Questions { path, json }) => {
            let survey = Survey::open(&path, None, &Silent).map_err(BadInput::from)?;
            if json {
                print_json(&inspect::questions_json(&survey, None))?;
            } else {
                let lines: String = survey
                    .questions
                    .iter()
                    .map(|q| {
                        format!(
                            "{:<10} {:<18} n={:<6} {}\n",
                            q.id,
                            inspect::kind_label(q.kind),
                            q.n,
                            q.text
                        )
                    })
                    .collect();
                emit(&lines)?;
            }
            Ok(())
        }
        Some(Command::Open { path }) => open_window(Some(path), cli.view, None),
        None => open_window(cli.path, cli.view, cli.screenshot),
    }
}

fn print_json(value: &serde_json::Value) -> anyhow::Result<()> {
    let mut text = serde_json::to_string_pretty(value).context("mise en forme JSON")?;
    text.push('\n');
    emit(&text)
}

/// Write to stdout; a reader that stops early (`| head`) is not an error.
fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("écriture sur la sortie standard")
        }
        _ => Ok(()),
    }
}

fn open_window(
    path: Option<PathBuf>,
    view: View,
    screenshot: Option<PathBuf>,
) -> anyhow::Result<()> {
    if let Some(path) = &path {
        if !path.exists() {
            return Err(BadInput(format!(
                "{}: fichier ou dossier introuvable",
                path.display()
            ))
            .into());
        }
    }
    let options = ui::LaunchOptions {
        path,
        view,
        screenshot,
    };
    ui::run(options).map_err(|e| match e {
        ui::LaunchError::BadInput(message) => anyhow::Error::new(BadInput(message)),
        other => anyhow::Error::new(other),
    })
}
