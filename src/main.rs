//! The `atelier` command: the workbench window, and the command-line contracts of DESIGN.md §3.

// The command line's job is to print: results on stdout, one-line errors on stderr.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use atelier::figures;
use atelier::import::inspect;
use atelier::model::FigureRef;
use atelier::model::{ImportError, Survey};
use atelier::progress::Silent;
use atelier::session::places::Places;
use atelier::session::register::{self, PublishCheck};
use atelier::store::{self, Project, StoreError};
use atelier::ui::{self, CohortView, View};
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
    /// What Cohortes shows first (with --view cohort): its indicators, or its success
    /// factors (« Facteurs de réussite »).
    #[arg(long, value_enum, default_value_t = CohortView::Indicators)]
    cohort_view: CohortView,
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
        /// A folder holding atelier.json, or a survey export.
        path: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Cohort indicators per network and per visited site, with their definitions.
    Cohort {
        /// A folder holding atelier.json, a project file, or one cohort extract.
        path: PathBuf,
        /// Only this visited site (beside its network).
        #[arg(long)]
        site: Option<String>,
        /// Print JSON (DESIGN.md §3).
        #[arg(long)]
        json: bool,
    },
    /// Chart one question, by group if asked: PNG or SVG (the extension of --out decides).
    Chart {
        /// A project, a folder holding atelier.json, or a survey export.
        path: PathBuf,
        /// The question's id, as `atelier questions PATH` lists it.
        #[arg(long, value_name = "QID")]
        question: String,
        /// Cut by `group`, `network`, `site`, `region`, or the id of a closed question.
        #[arg(long, value_name = "GROUPING")]
        by: Option<String>,
        /// Only the respondents of this visited site.
        #[arg(long, value_name = "ID")]
        site: Option<String>,
        /// The image to write.
        #[arg(long, value_name = "FILE.png|FILE.svg")]
        out: PathBuf,
    },
    /// Tables of one question, by group if asked, with disclosure control: XLSX or CSV.
    Table {
        /// A project, a folder holding atelier.json, or a survey export.
        path: PathBuf,
        /// The question's id, as `atelier questions PATH` lists it.
        #[arg(long, value_name = "QID")]
        question: String,
        /// Cut by `group`, `network`, `site`, `region`, or the id of a closed question.
        #[arg(long, value_name = "GROUPING")]
        by: Option<String>,
        /// Only the respondents of this visited site.
        #[arg(long, value_name = "ID")]
        site: Option<String>,
        /// The table to write.
        #[arg(long, value_name = "FILE.xlsx|FILE.csv")]
        out: PathBuf,
    },
    /// Build a project file from a folder holding atelier.json.
    New {
        /// The project file to create (`*.atelier`).
        project: PathBuf,
        /// The evaluation folder.
        #[arg(long)]
        from: PathBuf,
    },
    /// Write a site's monograph (or all of them with the cross-site synthesis).
    Monograph {
        /// A project, or a folder holding atelier.json.
        path: PathBuf,
        /// The visited site's id.
        #[arg(
            long,
            value_name = "ID",
            conflicts_with = "all",
            required_unless_present = "all"
        )]
        site: Option<String>,
        /// Every site, and the synthesis, into the folder `--out`.
        #[arg(long)]
        all: bool,
        /// The file to write (one site), or the folder (`--all`).
        #[arg(long)]
        out: PathBuf,
        /// docx, html or md (default: the extension of --out, Word for a folder).
        #[arg(long, value_name = "docx|html|md")]
        format: Option<String>,
    },
    /// Exchange the codebook with other tools (REFI-QDA `.qdc`: MAXQDA, NVivo, ATLAS.ti,
    /// QualCoder, Taguette).
    Codebook {
        #[command(subcommand)]
        action: CodebookCommand,
    },
    /// Agreement between two coders on what both coded (one answer, one paragraph a unit).
    Agreement {
        /// The project (or an evaluation folder with its coding file).
        project: PathBuf,
        /// The two coders, as `A,B`.
        #[arg(long, value_name = "A,B")]
        coders: String,
        /// Print JSON (DESIGN.md §3).
        #[arg(long)]
        json: bool,
    },
    /// Generate data: the sample evaluation, or large data for benchmarks.
    Synth {
        #[command(subcommand)]
        what: SynthCommand,
    },
}

#[derive(Subcommand)]
enum CodebookCommand {
    /// Write the project's codebook as a REFI-QDA codebook file.
    Export {
        /// The project.
        project: PathBuf,
        /// The `.qdc` file to write.
        file: PathBuf,
    },
    /// Bring a REFI-QDA codebook into the project: codes already there are updated, new
    /// ones added, none lost (one undoable change).
    Import {
        /// The project.
        project: PathBuf,
        /// The `.qdc` file to read.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum SynthCommand {
    /// The bundled sample evaluation (byte for byte reproducible).
    Sample {
        /// The folder to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Scale data: N responses per questionnaire and cohort extracts to match.
    Scale {
        /// Responses per questionnaire.
        #[arg(long)]
        responses: usize,
        /// The folder to write.
        #[arg(long)]
        out: PathBuf,
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

/// A project error: the user's input (exit status 2), or the database (1).
fn store_error(e: StoreError) -> anyhow::Error {
    if e.is_bad_input() {
        BadInput(e.to_string()).into()
    } else {
        anyhow::Error::new(e)
    }
}

/// Where the user's projects, keys and preferences are kept: `ATELIER_HOME` when set (tests,
/// a portable install), else the operating system's folders.
fn places() -> Places {
    std::env::var_os("ATELIER_HOME")
        .map(|home| Places::at(std::path::Path::new(&home)))
        .or_else(Places::for_user)
        .unwrap_or_else(|| Places::at(&std::env::temp_dir().join("atelier")))
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
            let evaluation = store::open_any(&path, &Silent).map_err(store_error)?;
            if json {
                print_json(&inspect::evaluation_questions_json(&evaluation))?;
            } else {
                let mut lines = String::new();
                for source in &evaluation.sources {
                    for q in &source.survey.questions {
                        lines.push_str(&format!(
                            "{:<28} {:<18} n={:<6} {}\n",
                            evaluation.qid(source, q),
                            inspect::kind_label(q.kind),
                            q.n,
                            q.text
                        ));
                    }
                }
                emit(&lines)?;
            }
            Ok(())
        }
        Some(Command::Cohort { path, site, json }) => {
            let report = cohort_report(&path)?;
            if let Some(id) = &site
                && report.site(id).is_none()
            {
                let known: Vec<&str> = report
                    .sites
                    .iter()
                    .filter_map(|s| s.id.as_deref())
                    .collect();
                return Err(BadInput(format!(
                    "{}: pas de site « {id} » (sites : {})",
                    path.display(),
                    known.join(", ")
                ))
                .into());
            }
            if json {
                print_json(&atelier::cohort::to_json(&report, site.as_deref()))?;
            } else {
                emit(&atelier::cohort::to_text(&report, site.as_deref()))?;
            }
            Ok(())
        }
        Some(Command::Chart {
            path,
            question,
            by,
            site,
            out,
        }) => {
            let svg = match out_extension(&out).as_str() {
                "png" => false,
                "svg" => true,
                _ => {
                    return Err(BadInput(format!(
                        "{}: format de graphique inconnu (attendu : .png ou .svg)",
                        out.display()
                    ))
                    .into());
                }
            };
            let (figure, publishing) =
                question_figure(&path, &question, by.as_deref(), site.as_deref())?;
            publishing.warn();
            let spec = figures::to_chart_spec(&figure);
            spec.validate()
                .map_err(|e| BadInput(format!("{}: {e}", out.display())))?;
            let chart_error = |e: atelier::charts::ChartError| -> anyhow::Error {
                match e {
                    atelier::charts::ChartError::Io { .. } => BadInput(e.to_string()).into(),
                    other => anyhow::Error::new(other),
                }
            };
            // SVG in user units at one unit per point; PNG at print resolution.
            let width = if svg { 1200 } else { 2400 };
            let scale = if svg {
                1.0
            } else {
                atelier::charts::file_scale(width) as f32
            };
            let height = atelier::charts::natural_height(&spec, width, scale);
            if svg {
                atelier::charts::write_svg(&spec, &out, width, height).map_err(chart_error)?;
            } else {
                atelier::charts::render_png(&spec, &out, width, height).map_err(chart_error)?;
            }
            eprintln!(
                "{} : graphique écrit ({})",
                out.display(),
                figures::publication(&figure).source_line()
            );
            publishing.record(if svg { "SVG" } else { "PNG" }, &out);
            Ok(())
        }
        Some(Command::Table {
            path,
            question,
            by,
            site,
            out,
        }) => {
            let xlsx = match out_extension(&out).as_str() {
                "xlsx" => true,
                "csv" => false,
                _ => {
                    return Err(BadInput(format!(
                        "{}: format de tableau inconnu (attendu : .xlsx ou .csv)",
                        out.display()
                    ))
                    .into());
                }
            };
            let (figure, publishing) =
                question_figure(&path, &question, by.as_deref(), site.as_deref())?;
            publishing.warn();
            let written = if xlsx {
                figures::write_table_xlsx(&figure, &out, figure.threshold)
            } else {
                figures::write_table_csv(&figure, &out, figure.threshold)
            };
            written.map_err(|e| match e {
                figures::FigureError::Xlsx { .. } => anyhow::Error::new(e),
                other => BadInput(other.to_string()).into(),
            })?;
            eprintln!(
                "{} : tableau écrit ({})",
                out.display(),
                figures::publication(&figure).source_line()
            );
            publishing.record(if xlsx { "XLSX" } else { "CSV" }, &out);
            Ok(())
        }
        Some(Command::New { project, from }) => {
            if !atelier::store::is_project_file(&project) {
                return Err(BadInput(format!(
                    "{}: un projet doit porter l'extension .atelier",
                    project.display()
                ))
                .into());
            }
            Project::create_from_dir(&project, &from, &places().keys(), &Silent)
                .map_err(store_error)?;
            eprintln!(
                "{} : projet créé à partir de {}",
                project.display(),
                from.display()
            );
            Ok(())
        }
        Some(Command::Codebook { action }) => codebook(action),
        Some(Command::Monograph {
            path,
            site,
            all,
            out,
            format,
        }) => monograph(&path, site.as_deref(), all, out, format.as_deref()),
        Some(Command::Agreement {
            project,
            coders,
            json,
        }) => agreement(&project, &coders, json),
        Some(Command::Synth {
            what: SynthCommand::Sample { out },
        }) => {
            let sample = atelier::synth::write_sample(&out)?;
            eprintln!(
                "{} : échantillon écrit ({} sources, {} sites, {} chiffres du rapport)",
                out.display(),
                sample.manifest.sources.len(),
                sample.manifest.sites.len(),
                sample.reference.len()
            );
            Ok(())
        }
        Some(Command::Synth {
            what: SynthCommand::Scale { responses, out },
        }) => {
            atelier::synth::write_scale(&out, responses)?;
            eprintln!(
                "{} : données à l'échelle écrites ({responses} réponses par questionnaire)",
                out.display()
            );
            Ok(())
        }
        Some(Command::Open { path }) => open_window(Some(path), cli.view, cli.cohort_view, None),
        None => {
            // Without a path, the last evaluation (not for a screenshot: it must be repeatable).
            let path = match (cli.path, &cli.screenshot) {
                (Some(p), _) => Some(p),
                (None, Some(_)) => atelier::session::places::bundled_sample(),
                (None, None) => atelier::session::recent::default_path(&places()),
            };
            open_window(path, cli.view, cli.cohort_view, cli.screenshot)
        }
    }
}

/// `atelier monograph PATH (--site ID | --all) --out PATH [--format docx|html|md]`.
fn monograph(
    path: &std::path::Path,
    site: Option<&str>,
    all: bool,
    out: PathBuf,
    format: Option<&str>,
) -> anyhow::Result<()> {
    use atelier::monograph::export::Format;
    let format = match format {
        Some(name) => Some(
            Format::parse(name)
                .ok_or_else(|| BadInput(format!("--format {name} : attendu docx, html ou md")))?,
        ),
        None if !all => Some(Format::from_path(&out).ok_or_else(|| {
            BadInput(format!(
                "{}: format inconnu (attendu : .docx, .html ou .md, ou --format)",
                out.display()
            ))
        })?),
        None => None,
    };
    if !path.exists() {
        return Err(BadInput(format!(
            "{}: fichier ou dossier introuvable",
            path.display()
        ))
        .into());
    }
    let evaluation = store::open_any(path, &Silent).map_err(store_error)?;
    let (template, figures, monographs) = if store::is_project_file(path) {
        let project = Project::open_for_reading(path).map_err(store_error)?;
        (
            project.template().map_err(store_error)?,
            project.figures().map_err(store_error)?,
            project.monographs().map_err(store_error)?,
        )
    } else {
        (
            atelier::monograph::default_template(),
            Vec::new(),
            Default::default(),
        )
    };
    let index = match site {
        Some(id) => Some(
            evaluation
                .manifest
                .sites
                .iter()
                .position(|s| s.id == id)
                .ok_or_else(|| {
                    let known: Vec<&str> = evaluation
                        .manifest
                        .sites
                        .iter()
                        .map(|s| s.id.as_str())
                        .collect();
                    BadInput(format!(
                        "{}: pas de site « {id} » (sites : {})",
                        path.display(),
                        known.join(", ")
                    ))
                })?,
        ),
        None => None,
    };
    let cohort = if evaluation.manifest.cohort.is_empty() {
        None
    } else {
        Some(cohort_report(path)?)
    };
    let job = atelier::session::export::MonographExport::new(
        evaluation, cohort, template, figures, monographs, index, out,
    );
    let done = job.run_as(format, &Silent).map_err(BadInput)?;
    if done.error.is_none() {
        eprintln!("{}", done.message);
    }
    if store::is_project_file(path) && !done.published.is_empty() {
        // Into the project's register of publications (a project open elsewhere is read
        // only: said, not an error).
        let written = Project::open(path).and_then(|mut project| {
            project.write(
                &format!("Publiés : {} figures (monographies)", done.published.len()),
                &[store::Edit::Published(&done.published)],
            )
        });
        if let Err(e) = written {
            eprintln!("Non inscrit au registre des publications : {e}");
        }
    }
    match done.error {
        // What was written before is registered above; the command still fails.
        Some(error) => Err(BadInput(error).into()),
        None => Ok(()),
    }
}

/// `atelier codebook export|import PROJECT FILE.qdc`.
fn codebook(action: CodebookCommand) -> anyhow::Result<()> {
    match action {
        CodebookCommand::Export { project, file } => {
            let evaluation = store::open_any(&project, &Silent).map_err(store_error)?;
            let book = &evaluation.coding.codebook;
            if book.codes.is_empty() {
                return Err(BadInput(format!(
                    "{}: le livre de codes est vide ; rien à exporter",
                    project.display()
                ))
                .into());
            }
            let text = atelier::coding::refi::write_qdc(book, "Atelier");
            std::fs::write(&file, text)
                .map_err(|e| BadInput(format!("{}: écriture impossible ({e})", file.display())))?;
            eprintln!(
                "{} : livre de codes écrit ({} codes)",
                file.display(),
                book.codes.len()
            );
            Ok(())
        }
        CodebookCommand::Import { project, file } => {
            if !store::is_project_file(&project) {
                return Err(BadInput(format!(
                    "{}: un livre de codes s'importe dans un projet (.atelier)",
                    project.display()
                ))
                .into());
            }
            let bytes = std::fs::read(&file)
                .map_err(|e| BadInput(format!("{}: lecture impossible ({e})", file.display())))?;
            let name = file.file_name().map_or_else(
                || file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let incoming = atelier::coding::refi::read_qdc(&name, &bytes)
                .map_err(|e| BadInput(e.to_string()))?;
            let opened = atelier::session::open::open_project(&project, &places(), &Silent)
                .map_err(store_error)?;
            if let Err(reason) = opened.project.access() {
                return Err(BadInput(format!(
                    "{}: projet en lecture seule ({reason}) ; livre de codes non importé",
                    project.display()
                ))
                .into());
            }
            let mut state = atelier::session::AppState::default();
            state.open(opened);
            let change = atelier::coding::changes::import_codebook(
                &state.evaluation.coding,
                &incoming,
                &name,
            );
            let label = change.label.clone();
            if !change.is_empty() {
                state
                    .apply(atelier::session::Command::Coding(change))
                    .map_err(|e| match e {
                        atelier::session::ApplyError::Store(e) => store_error(e),
                        other => anyhow::Error::new(other),
                    })?;
            }
            eprintln!("{} : {label}", project.display());
            Ok(())
        }
    }
}

/// `atelier agreement PROJECT --coders A,B [--json]`.
fn agreement(path: &std::path::Path, coders: &str, json: bool) -> anyhow::Result<()> {
    use atelier::coding::agreement::{AgreementReport, NoteParagraphs, common_units};
    let names: Vec<&str> = coders.split(',').map(str::trim).collect();
    let [first, second] = names.as_slice() else {
        return Err(BadInput(format!(
            "--coders {coders} : deux codeurs attendus, séparés par une virgule (A,B)"
        ))
        .into());
    };
    if first.is_empty() || second.is_empty() || first == second {
        return Err(BadInput(format!(
            "--coders {coders} : deux codeurs différents attendus (A,B)"
        ))
        .into());
    }
    let evaluation = store::open_any(path, &Silent).map_err(store_error)?;
    let paragraphs: NoteParagraphs = evaluation
        .notes
        .iter()
        .map(|note| {
            let ranges = (0..note.text.paragraphs.len())
                .map(|i| note.text.char_range(i))
                .collect();
            (note.entry.file.clone(), ranges)
        })
        .collect();
    let codings: Vec<_> = evaluation.coding.codings.values().cloned().collect();
    let common = common_units(&codings, first, second, &paragraphs);
    let book = &evaluation.coding.codebook;
    let name = |id| {
        book.get(id)
            .map_or_else(|| format!("code {}", id.0), |c| c.name.clone())
    };
    let report = AgreementReport::new(&common, &name);
    if json {
        print_json(&serde_json::to_value(&report).context("mise en forme JSON")?)
    } else {
        emit(&report.to_text())
    }
}

/// Cohort figures of what `path` names: an evaluation folder, a project file, or one extract.
fn cohort_report(path: &std::path::Path) -> anyhow::Result<atelier::cohort::CohortReport> {
    let bad = |e: atelier::cohort::CohortError| BadInput(e.to_string());
    if path.is_dir() {
        let manifest = atelier::import::evaluation::read_manifest(path).map_err(BadInput::from)?;
        return Ok(atelier::cohort::compute(path, &manifest, &Silent).map_err(bad)?);
    }
    if store::is_project_file(path) {
        let project = Project::open_for_reading(path).map_err(store_error)?;
        let manifest = project.manifest().map_err(store_error)?;
        let load = |file: &str| project.file(file);
        return Ok(atelier::cohort::compute_with(
            atelier::cohort::Extracts::Stored(&load),
            &manifest,
            &atelier::cohort::Options::default(),
            &Silent,
        )
        .map_err(bad)?);
    }
    if !path.exists() {
        return Err(BadInput(format!(
            "{}: fichier ou dossier introuvable",
            path.display()
        ))
        .into());
    }
    Ok(atelier::cohort::compute_file(path, &Silent).map_err(bad)?)
}

/// The figure of one question of what `path` names; every failure is the user's input.
fn question_figure(
    path: &std::path::Path,
    qid: &str,
    by: Option<&str>,
    site: Option<&str>,
) -> anyhow::Result<(figures::Figure, Publishing)> {
    if !path.exists() {
        return Err(BadInput(format!(
            "{}: fichier ou dossier introuvable",
            path.display()
        ))
        .into());
    }
    let evaluation = store::open_any(path, &Silent).map_err(store_error)?;
    let figure = figures::figure(&evaluation, qid, by, site)
        .map_err(|e| BadInput(format!("{}: {e}", path.display())))?;
    // The register names a cut in one spelling, the window's, whatever was typed
    // (`--by région` is the cut `region`), so that later cuts are read against it.
    let cut = FigureRef {
        qid: figure.qid.clone(),
        by: figure.grouping.as_ref().and_then(|g| g.kind.spec()),
        site: figure.site.as_ref().map(|s| s.id.clone()),
    };
    let publishing = Publishing::new(path, &evaluation, cut, &figure)?;
    Ok((figure, publishing))
}

/// A figure about to leave a project: the project's register is read first (a cut that,
/// with those already out, would give a hidden cell back is warned about), and the figure
/// is entered in it once written. Loose files and folders have no register.
struct Publishing {
    project: Option<Project>,
    cut: FigureRef,
    warning: Option<String>,
}

impl Publishing {
    fn new(
        path: &std::path::Path,
        evaluation: &atelier::model::Evaluation,
        cut: FigureRef,
        figure: &figures::Figure,
    ) -> anyhow::Result<Publishing> {
        if !store::is_project_file(path) {
            return Ok(Publishing {
                project: None,
                cut,
                warning: None,
            });
        }
        let project = Project::open(path).map_err(store_error)?;
        let register = project.register().map_err(store_error)?;
        let warning = PublishCheck::new(evaluation, &register, &cut, figure)
            .and_then(|check| check.exposure(figure))
            .map(|e| e.warning(figure));
        Ok(Publishing {
            project: Some(project),
            cut,
            warning,
        })
    }

    /// Say what the register found, before writing.
    fn warn(&self) {
        if let Some(warning) = &self.warning {
            eprintln!("Attention : {warning}");
        }
    }

    /// Enter the figure written to `out` as `format` in the project's register.
    fn record(self, format: &str, out: &std::path::Path) {
        let Some(mut project) = self.project else {
            return;
        };
        let published = [register::entry(self.cut, format, out)];
        let label = format!("Publié : {} ({format})", published[0].figure.qid);
        if let Err(e) = project.write(&label, &[store::Edit::Published(&published)]) {
            eprintln!("Non inscrit au registre des publications : {e}");
        }
    }
}

/// The extension of an output file, lowercased.
fn out_extension(path: &std::path::Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
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
    cohort_view: CohortView,
    screenshot: Option<PathBuf>,
) -> anyhow::Result<()> {
    if let Some(path) = &path
        && !path.exists()
    {
        return Err(BadInput(format!(
            "{}: fichier ou dossier introuvable",
            path.display()
        ))
        .into());
    }
    let remember = screenshot.is_none();
    // A screenshot shows the data as it is, never a working copy changed by earlier runs:
    // its projects are made afresh in a folder of their own.
    let places = match &screenshot {
        Some(_) => Places::at(
            &std::env::temp_dir().join(format!("atelier-capture-{}", std::process::id())),
        ),
        None => places(),
    };
    let options = ui::LaunchOptions {
        path,
        view,
        cohort_view,
        screenshot,
        remember,
        places: places.clone(),
    };
    let result = ui::run(options);
    if screenshot_places(&places) {
        let _ = std::fs::remove_dir_all(places.data.parent().unwrap_or(&places.data));
    }
    result.map_err(|e| match e {
        ui::LaunchError::BadInput(message) => anyhow::Error::new(BadInput(message)),
        other => anyhow::Error::new(other),
    })
}

/// Whether `places` are a screenshot's throwaway folders.
fn screenshot_places(places: &Places) -> bool {
    places
        .data
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|n| n.to_string_lossy().starts_with("atelier-capture-"))
}
