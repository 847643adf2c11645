//! The application: the project menu, navigation, status line, shortcuts, and the
//! background jobs (opening, importing, replacing, copying, computing, exporting).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::RichText;

use super::actions::Action;
use super::screenshot::{Capture, Outcome};
use super::sources::SourcesPanel;
use super::{LaunchOptions, View, monographs};
use crate::model::MANIFEST_FILE;
use crate::session::jobs::Job;
use crate::session::places::Places;
use crate::session::register::PublishCheck;
use crate::session::replace::WaveAccount;
use crate::session::{AppState, Command, LoadedSource, Opened, open, recent};
use crate::store::{Project, StoreError};

/// File extensions Atelier reads as survey exports.
pub const SURVEY_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods", "csv", "tsv", "txt"];

/// A job running in the background, and what its result is for.
pub enum Running {
    /// Opening (or creating) a project.
    Open(Job<Result<Box<Opened>, StoreError>>),
    /// Reading and storing a file to add.
    Import(Job<Result<Box<LoadedSource>, StoreError>>),
    /// Reading and storing a newer wave of the source with this id.
    Replace(
        Job<Result<(Box<LoadedSource>, WaveAccount), StoreError>>,
        String,
    ),
    /// Copying the project elsewhere.
    SaveAs(Job<Result<Project, StoreError>>),
    /// Computing the cohort figures.
    Cohort(Job<Result<crate::cohort::CohortReport, String>>),
    /// Writing an export; the result says what was written.
    Export(Job<Result<super::charts::ExportOutcome, String>>),
    /// Writing monographs; the result says what was written, and marks them exported.
    Monographs(Job<Result<crate::session::export::Exported, String>>),
}

/// What the Sources panel shows of a running job.
pub struct JobView {
    /// Its title.
    pub title: String,
    /// Fraction done.
    pub done: f32,
    /// The current step.
    pub stage: String,
    /// Whether cancellation was asked.
    pub cancelling: bool,
}

macro_rules! each_job {
    ($running:expr, $job:ident => $body:expr) => {
        match $running {
            Running::Open($job) => $body,
            Running::Import($job) => $body,
            Running::Replace($job, _) => $body,
            Running::SaveAs($job) => $body,
            Running::Cohort($job) => $body,
            Running::Export($job) => $body,
            Running::Monographs($job) => $body,
        }
    };
}

impl Running {
    /// What the progress bar shows.
    pub fn view(&self) -> JobView {
        each_job!(self, job => JobView {
            title: job.title.clone(),
            done: job.done,
            stage: job.stage.clone(),
            cancelling: job.is_cancelling(),
        })
    }

    /// Ask the job to stop.
    pub fn cancel(&self) {
        each_job!(self, job => job.cancel());
    }

    fn is_cohort(&self) -> bool {
        matches!(self, Running::Cohort(_))
    }
}

/// The workbench.
pub struct AtelierApp {
    /// The session: the open project, undo history.
    pub state: AppState,
    /// The view shown.
    pub view: View,
    /// Work running in the background.
    pub jobs: Vec<Running>,
    /// Problems to tell (one line each: a file that could not be read, a change not saved),
    /// until dismissed.
    pub errors: Vec<String>,
    places: Places,
    /// Files dropped before a project was open: added once it is.
    pending: Vec<PathBuf>,
    sources: SourcesPanel,
    cohort_panel: super::cohort::CohortPanel,
    charts_panel: super::charts::ChartsPanel,
    monographs_panel: monographs::MonographsPanel,
    /// The Codage panel.
    pub coding_panel: super::coding::CodingPanel,
    /// Who codes: the name chosen in Préférences, kept in the user's preferences.
    pub coder: String,
    capture: Option<Capture>,
    remember: bool,
    /// The last thing done, in one line.
    pub status: String,
    /// Something about the project the user should read (read-only, a key made again).
    pub notice: Option<String>,
    /// What the last replacement of a source changed, until dismissed.
    pub account: Option<(String, WaveAccount)>,
    preferences_open: bool,
    shortcuts_open: bool,
    /// Whether the register of published figures is shown.
    pub register_open: bool,
    /// An export held back: with figures already published, it would give hidden cells
    /// back. The warning, and the export, until the evaluator decides.
    pub exposed: Option<(String, Box<super::charts::ExportRequest>)>,
    /// Exports asked while another was being written or awaited a decision, in order.
    queued_exports: std::collections::VecDeque<super::charts::ExportRequest>,
    shown_title: String,
}

impl AtelierApp {
    /// Create the app and start opening what the launch options name.
    pub fn new(ctx: &egui::Context, options: LaunchOptions) -> Self {
        Self::with_outcome(ctx, options, Outcome::default())
    }

    /// Like [`Self::new`], reporting a `--screenshot` capture's result to `outcome`.
    pub(crate) fn with_outcome(
        ctx: &egui::Context,
        options: LaunchOptions,
        outcome: Outcome,
    ) -> Self {
        // Light by default: the workbench is shown on projectors in steering committees.
        ctx.set_theme(egui::ThemePreference::Light);
        let mut app = AtelierApp {
            state: AppState::default(),
            view: options.view,
            jobs: Vec::new(),
            errors: Vec::new(),
            places: options.places,
            pending: Vec::new(),
            sources: SourcesPanel::default(),
            cohort_panel: super::cohort::CohortPanel::with_view(options.cohort_view),
            charts_panel: super::charts::ChartsPanel::default(),
            monographs_panel: monographs::MonographsPanel::default(),
            coding_panel: super::coding::CodingPanel::default(),
            coder: String::new(),
            capture: options.screenshot.map(|path| Capture::new(path, outcome)),
            remember: options.remember,
            status: String::new(),
            notice: None,
            account: None,
            preferences_open: false,
            shortcuts_open: false,
            register_open: false,
            exposed: None,
            queued_exports: std::collections::VecDeque::new(),
            shown_title: String::new(),
        };
        app.coder = crate::session::preferences::load(&app.places).coder;
        if let Some(path) = options.path {
            app.open_path(ctx, &path);
        }
        app
    }

    fn waker(ctx: &egui::Context) -> Arc<dyn Fn() + Send + Sync> {
        let waker = ctx.clone();
        Arc::new(move || waker.request_repaint())
    }

    /// Open what `path` names, as a project: a project file; an evaluation folder or a
    /// survey export, whose project is opened or created; a plain folder, whose survey
    /// exports are added to the project.
    pub fn open_path(&mut self, ctx: &egui::Context, path: &Path) {
        if path.is_dir() && !path.join(MANIFEST_FILE).is_file() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|entries| {
                    entries
                        .flatten()
                        .map(|e| e.path())
                        .filter(|p| is_survey_file(p))
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            if files.is_empty() {
                self.errors.push(format!(
                    "{}: aucun export d'enquête dans ce dossier",
                    path.display()
                ));
            }
            self.add_files(ctx, files);
            return;
        }
        if let Some(current) = self.state.project_path() {
            let target = if crate::store::is_project_file(path) {
                path.to_path_buf()
            } else {
                self.places.project_for(path)
            };
            let same = std::fs::canonicalize(&target).ok() == std::fs::canonicalize(&current).ok();
            if same {
                self.status = format!("{} est déjà ouvert", current.display());
                return;
            }
        }
        for job in &self.jobs {
            if let Running::Open(job) = job {
                job.cancel();
            }
        }
        let places = self.places.clone();
        let target = path.to_path_buf();
        let title = format!("Ouverture de {}", file_label(path));
        let work = move |progress: &dyn crate::progress::Progress| {
            open::open(&target, &places, progress).map(Box::new)
        };
        self.spawn(ctx, "ouverture", title, work, Running::Open);
    }

    fn spawn<T: Send + 'static>(
        &mut self,
        ctx: &egui::Context,
        name: &str,
        title: String,
        work: impl FnOnce(&dyn crate::progress::Progress) -> T + Send + 'static,
        wrap: impl FnOnce(Job<T>) -> Running,
    ) {
        match Job::spawn(name, title.clone(), Self::waker(ctx), work) {
            Ok(job) => self.jobs.push(wrap(job)),
            Err(e) => self
                .errors
                .push(format!("{title} : le travail n'a pas pu démarrer ({e})")),
        }
    }

    /// Add survey exports to the open project; with none open, the first becomes a project
    /// and the others are added to it.
    pub fn add_files(&mut self, ctx: &egui::Context, files: Vec<PathBuf>) {
        let mut files = files.into_iter();
        let opening = self.jobs.iter().any(|j| matches!(j, Running::Open(_)));
        if self.state.project().is_none() {
            if !opening && let Some(first) = files.next() {
                self.open_path(ctx, &first);
            }
            self.pending.extend(files);
            return;
        }
        if let Some(reason) = self.state.read_only() {
            self.errors.push(format!(
                "Projet en lecture seule ({reason}) : les fichiers n'ont pas été ajoutés"
            ));
            return;
        }
        for file in files {
            self.start_import(ctx, file);
        }
    }

    fn start_import(&mut self, ctx: &egui::Context, file: PathBuf) {
        let (Some(project), Some(key)) = (self.state.project_path(), self.state.key().cloned())
        else {
            return;
        };
        let title = format!("Import de {}", file_label(&file));
        let work = move |progress: &dyn crate::progress::Progress| {
            open::read_and_store(&project, &file, &key, progress)
        };
        self.spawn(ctx, "import", title, work, Running::Import);
    }

    /// Read a newer export of the source at `index` and put it in place, keeping the
    /// corrections of its questions (« Remplacer par une version plus récente… »).
    pub fn replace_source(&mut self, ctx: &egui::Context, index: usize, file: PathBuf) {
        let (Some(project), Some(key)) = (self.state.project_path(), self.state.key().cloned())
        else {
            self.errors
                .push("Projet en lecture seule : la source n'a pas été remplacée".to_owned());
            return;
        };
        let Some(current) = self.state.evaluation.sources.get(index) else {
            return;
        };
        let id = current.entry.id.clone();
        let current = current.clone();
        let manifest = self.state.evaluation.manifest.clone();
        let title = format!(
            "Remplacement de {} par {}",
            current.survey.raw.file_name,
            file_label(&file)
        );
        let work = move |progress: &dyn crate::progress::Progress| {
            open::read_newer_wave(&project, &file, &key, &manifest, &current, progress)
        };
        self.spawn(ctx, "remplacement", title, work, |job| {
            Running::Replace(job, id)
        });
    }

    /// Copy the project to `dest` and go on there (« Enregistrer sous… »).
    pub fn save_as(&mut self, ctx: &egui::Context, dest: PathBuf) {
        let Some(project) = self.state.project_path() else {
            return;
        };
        let title = format!("Enregistrement sous {}", file_label(&dest));
        let work = move |progress: &dyn crate::progress::Progress| {
            open::save_as(&project, &dest, progress)
        };
        self.spawn(ctx, "enregistrement", title, work, Running::SaveAs);
    }

    /// Start the bundled sample afresh.
    pub fn reset_sample(&mut self, ctx: &egui::Context) {
        // Its lock must be free to delete it.
        if self.state.project_path() == Some(self.places.sample_project()) {
            self.state.close();
        }
        let places = self.places.clone();
        let work = move |progress: &dyn crate::progress::Progress| {
            open::reset_sample(&places, progress).map(Box::new)
        };
        self.spawn(
            ctx,
            "echantillon",
            "Réinitialisation de l'échantillon".to_owned(),
            work,
            Running::Open,
        );
    }

    /// Create an empty project at `path` and open it.
    pub fn new_project(&mut self, ctx: &egui::Context, mut path: PathBuf) {
        if !crate::store::is_project_file(&path) {
            path.set_extension("atelier");
        }
        let title = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let manifest = crate::model::Manifest {
            title,
            ..Default::default()
        };
        match Project::create(&path, &manifest) {
            Ok(project) => {
                drop(project);
                self.open_path(ctx, &path);
            }
            Err(e) => self.errors.push(e.to_string()),
        }
    }

    /// Export a site's monograph (or, with `None`, all of them and the synthesis) to a file
    /// or folder the user chooses, in the background.
    pub fn export_monographs(&mut self, ctx: &egui::Context, site: Option<usize>) {
        let picked = match site {
            Some(i) => {
                let name = self
                    .state
                    .evaluation
                    .manifest
                    .sites
                    .get(i)
                    .map_or_else(|| "monographie".to_owned(), |s| s.id.clone());
                rfd::FileDialog::new()
                    .set_title("Exporter la monographie")
                    .add_filter("Word", &["docx"])
                    .add_filter("HTML", &["html"])
                    .add_filter("Markdown", &["md"])
                    .set_file_name(format!("{name}.docx"))
                    .save_file()
            }
            None => rfd::FileDialog::new()
                .set_title("Dossier où écrire les monographies (Word)")
                .pick_folder(),
        };
        if let Some(out) = picked {
            self.export_monographs_to(ctx, site, out);
        }
    }

    /// Export to `out` (a file for one site, its extension giving the format; a folder for
    /// all of them, as Word), in the background.
    pub fn export_monographs_to(&mut self, ctx: &egui::Context, site: Option<usize>, out: PathBuf) {
        let job = crate::session::export::MonographExport::from_state(&self.state, site, out);
        let title = job.title();
        let work = move |progress: &dyn crate::progress::Progress| job.run(progress);
        self.spawn(ctx, "monographies", title, work, Running::Monographs);
    }

    /// Export the figure on screen in Graphiques to `path` (its extension says the format),
    /// in the background, as the panel's export buttons do once a file is chosen.
    pub fn export_figure_to(&mut self, ctx: &egui::Context, path: PathBuf) {
        if let Some(request) = self.export_request(path) {
            self.spawn_export(ctx, request);
        }
    }

    /// The export to `path` of the figure on screen, to start now or later with
    /// [`Self::export`] (as when the evaluator asks for several before the first is written).
    pub fn export_request(&self, path: PathBuf) -> Option<super::charts::ExportRequest> {
        self.charts_panel.request(&self.state, path)
    }

    /// Start an export, or queue it behind the one being written.
    pub fn export(&mut self, ctx: &egui::Context, request: super::charts::ExportRequest) {
        self.spawn_export(ctx, request);
    }

    /// Check a chart or table export against the register, then write it, in the background.
    /// One export at a time: each is read against the register as the ones before it left
    /// it, so two cuts exported in a row are checked against each other. Later ones wait.
    fn spawn_export(&mut self, ctx: &egui::Context, mut request: super::charts::ExportRequest) {
        if self.export_busy() {
            self.status = format!(
                "Export de {} en attente de l'export en cours",
                file_label(&request.path)
            );
            self.queued_exports.push_back(request);
            return;
        }
        if !request.confirmed {
            request.check = PublishCheck::new(
                &self.state.evaluation,
                &self.state.register,
                &request.cut,
                &request.figure,
            );
        }
        let title = format!("Export de {}", file_label(&request.path));
        let work = move |_: &dyn crate::progress::Progress| request.run();
        self.spawn(ctx, "export", title, work, Running::Export);
    }

    /// Compute the cohort figures of the open project in the background.
    fn start_cohort(&mut self, ctx: &egui::Context) {
        let manifest = self.state.evaluation.manifest.clone();
        let Some(project) = self.state.project_path() else {
            return;
        };
        if manifest.cohort.is_empty() {
            return;
        }
        self.jobs.retain(|j| !j.is_cohort());
        let work = move |progress: &dyn crate::progress::Progress| {
            open::cohort(&project, &manifest, progress)
        };
        self.spawn(
            ctx,
            "cohortes",
            "Calcul des indicateurs de cohorte".to_owned(),
            work,
            Running::Cohort,
        );
    }

    /// Carry out a command: written to the project first, shown once written.
    pub fn apply(&mut self, command: Command) {
        let label = command.label(&self.state);
        match self.state.apply(command) {
            Ok(()) => self.status = label,
            Err(e) => self.errors.push(format!("{label} : {e}")),
        }
    }

    fn undo(&mut self) {
        match self.state.undo() {
            Ok(Some(label)) => self.status = format!("Annulé : {label}"),
            Ok(None) => self.status = "Rien à annuler".into(),
            Err(e) => self.errors.push(format!("Annulation impossible : {e}")),
        }
        self.sources.clamp(&self.state);
    }

    fn redo(&mut self) {
        match self.state.redo() {
            Ok(Some(label)) => self.status = format!("Rétabli : {label}"),
            Ok(None) => self.status = "Rien à rétablir".into(),
            Err(e) => self.errors.push(format!("Rétablissement impossible : {e}")),
        }
        self.sources.clamp(&self.state);
    }

    /// Take in finished jobs.
    fn poll_jobs(&mut self, ctx: &egui::Context) {
        let mut finished = Vec::new();
        let mut i = 0;
        while i < self.jobs.len() {
            let done = match &mut self.jobs[i] {
                Running::Open(job) => job.poll().map(|r| Finished::Open(shown(r))),
                Running::Import(job) => job.poll().map(|r| Finished::Import(shown(r))),
                Running::Replace(job, id) => {
                    let id = id.clone();
                    job.poll().map(|r| Finished::Replace(shown(r), id))
                }
                Running::SaveAs(job) => job.poll().map(|r| Finished::SaveAs(shown(r))),
                Running::Cohort(job) => job.poll().map(|r| Finished::Cohort(r.and_then(|r| r))),
                Running::Export(job) => job.poll().map(|r| Finished::Export(r.and_then(|r| r))),
                Running::Monographs(job) => {
                    job.poll().map(|r| Finished::Monographs(r.and_then(|r| r)))
                }
            };
            match done {
                Some(outcome) => {
                    self.jobs.remove(i);
                    finished.push(outcome);
                }
                None => i += 1,
            }
        }
        for outcome in finished {
            self.finish(ctx, outcome);
        }
        self.next_export(ctx);
    }

    /// Start the next export waiting, once the one before has left and been registered.
    fn next_export(&mut self, ctx: &egui::Context) {
        if !self.export_busy()
            && let Some(request) = self.queued_exports.pop_front()
        {
            self.spawn_export(ctx, request);
        }
    }

    /// Whether an export is being written, or waits for the evaluator's decision.
    fn export_busy(&self) -> bool {
        self.exposed.is_some() || self.jobs.iter().any(|j| matches!(j, Running::Export(_)))
    }

    fn finish(&mut self, ctx: &egui::Context, outcome: Finished) {
        match outcome {
            Finished::Open(Ok(opened)) => {
                let path = opened.project.path().to_path_buf();
                self.notice = opened.notice.clone();
                let evaluation = &opened.evaluation;
                let respondents: usize = evaluation
                    .sources
                    .iter()
                    .map(|s| s.survey.respondents())
                    .sum();
                self.status = format!(
                    "{} ouvert : {} source(s), {} répondants, {} site(s)",
                    path.display(),
                    evaluation.sources.len(),
                    respondents,
                    evaluation.manifest.sites.len()
                );
                if self.remember {
                    recent::remember(&self.places, &path);
                }
                self.state.open(*opened);
                self.account = None;
                self.sources.select_first();
                self.start_cohort(ctx);
                let pending = std::mem::take(&mut self.pending);
                self.add_files(ctx, pending);
            }
            Finished::Open(Err(message)) => {
                self.pending.clear();
                self.errors.push(message);
            }
            Finished::Import(Ok(source)) => {
                let index = self.state.evaluation.sources.len();
                self.apply(Command::InsertSource { index, source });
                self.sources.select_last(&self.state);
            }
            Finished::Import(Err(message)) => self.errors.push(message),
            Finished::Replace(Ok((source, account)), id) => {
                let Some(index) = self
                    .state
                    .evaluation
                    .sources
                    .iter()
                    .position(|s| s.entry.id == id)
                else {
                    self.errors
                        .push("La source à remplacer a été retirée entre-temps".to_owned());
                    return;
                };
                let file = source.survey.raw.file_name.clone();
                let label = Command::ReplaceSource {
                    index,
                    source: Box::new(LoadedSource::clone(&source)),
                    codings: None,
                }
                .label(&self.state);
                let before = self
                    .state
                    .evaluation
                    .coding
                    .codings
                    .values()
                    .filter(|c| c.review.is_some())
                    .count();
                match self.state.apply(Command::ReplaceSource {
                    index,
                    source,
                    codings: None,
                }) {
                    Ok(()) => {
                        let review = self
                            .state
                            .evaluation
                            .coding
                            .codings
                            .values()
                            .filter(|c| c.review.is_some())
                            .count()
                            - before;
                        let mut summary = account.summary();
                        if review > 0 {
                            summary.push_str(&format!(", {review} codage(s) à revoir (Codage)"));
                        }
                        self.status = format!("{label} : {summary}");
                        self.account = Some((file, account));
                    }
                    Err(e) => self.errors.push(format!("{label} : {e}")),
                }
            }
            Finished::Replace(Err(message), _) => self.errors.push(message),
            Finished::SaveAs(Ok(project)) => {
                let path = project.path().to_path_buf();
                self.state.swap_project(project);
                if self.remember {
                    recent::remember(&self.places, &path);
                }
                self.notice = None;
                self.status = format!("Projet enregistré sous {}", path.display());
            }
            Finished::SaveAs(Err(message)) => self.errors.push(message),
            Finished::Cohort(result) => {
                self.state.cohort = Some(result.map(Arc::new));
            }
            Finished::Export(Ok(super::charts::ExportOutcome::Written(message, entry))) => {
                self.status = message;
                if let Err(e) = self.state.record_published(vec![entry]) {
                    self.errors
                        .push(format!("Non inscrit au registre des publications : {e}"));
                }
            }
            Finished::Export(Ok(super::charts::ExportOutcome::Exposed(warning, request))) => {
                self.exposed = Some((warning, request));
            }
            Finished::Monographs(Ok(exported)) => {
                // Remember what each block said, so that the next change shows.
                for monograph in exported.monographs {
                    if self.state.read_only().is_none() {
                        let _ = self.state.apply(Command::SetMonograph(Box::new(monograph)));
                    }
                }
                if let Err(e) = self.state.record_published(exported.published) {
                    self.errors
                        .push(format!("Non inscrit au registre des publications : {e}"));
                }
                match exported.error {
                    Some(error) => self.errors.push(error),
                    None => self.status = exported.message,
                }
            }
            Finished::Monographs(Err(message)) => self.errors.push(message),
            Finished::Export(Err(message)) => self.errors.push(message),
        }
    }

    /// Carry out an action asked from a menu, a button or the keyboard.
    pub fn act(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::NewProject => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(Action::NewProject.label())
                    .add_filter("Projet Atelier", &["atelier"])
                    .set_file_name("evaluation.atelier")
                    .save_file()
                {
                    self.new_project(ctx, path);
                }
            }
            Action::Open => {
                let mut extensions = vec!["atelier", "json"];
                extensions.extend_from_slice(SURVEY_EXTENSIONS);
                if let Some(path) = rfd::FileDialog::new()
                    .set_title("Ouvrir un projet, un export ou une évaluation")
                    .add_filter("Projets, exports et manifestes", &extensions)
                    .add_filter("Projet Atelier", &["atelier"])
                    .pick_file()
                {
                    // A manifest stands for its folder.
                    let path = if path.file_name().is_some_and(|n| n == MANIFEST_FILE) {
                        path.parent().map(Path::to_path_buf).unwrap_or(path)
                    } else {
                        path
                    };
                    self.open_path(ctx, &path);
                }
            }
            Action::OpenFolder => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(Action::OpenFolder.label())
                    .pick_folder()
                {
                    self.open_path(ctx, &path);
                }
            }
            Action::SaveAs => {
                if self.state.project().is_none() {
                    return;
                }
                if let Some(mut path) = rfd::FileDialog::new()
                    .set_title(Action::SaveAs.label())
                    .add_filter("Projet Atelier", &["atelier"])
                    .set_file_name(format!("{}.atelier", self.state.title()))
                    .save_file()
                {
                    if !crate::store::is_project_file(&path) {
                        path.set_extension("atelier");
                    }
                    self.save_as(ctx, path);
                }
            }
            Action::ResetSample => self.reset_sample(ctx),
            Action::AddFiles => {
                let picked = rfd::FileDialog::new()
                    .set_title("Ajouter des exports d'enquête")
                    .add_filter("Exports d'enquête", SURVEY_EXTENSIONS)
                    .add_filter("Tous les fichiers", &["*"])
                    .pick_files();
                self.add_files(ctx, picked.unwrap_or_default());
            }
            Action::ReplaceSource => {
                let index = self.sources.selected();
                if self.state.evaluation.sources.get(index).is_none() {
                    return;
                }
                if let Some(path) = rfd::FileDialog::new()
                    .set_title("Remplacer par une version plus récente")
                    .add_filter("Exports d'enquête", SURVEY_EXTENSIONS)
                    .pick_file()
                {
                    self.replace_source(ctx, index, path);
                }
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Preferences => self.preferences_open = true,
            Action::Register => self.register_open = true,
            Action::Shortcuts => self.shortcuts_open = !self.shortcuts_open,
            Action::Show(view) => self.view = view,
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        // The shortcut with more modifiers first: Ctrl+Maj+Z is redo, not undo.
        let mut actions = Action::WITH_SHORTCUTS.to_vec();
        actions.sort_by_key(|a| {
            std::cmp::Reverse(a.shortcut().map_or(0, |s| {
                usize::from(s.modifiers.shift) + usize::from(s.modifiers.alt)
            }))
        });
        for action in actions {
            if action.pressed(ctx) {
                self.act(ctx, action);
            }
        }
    }

    /// Draw one frame and apply what the user asked for.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_jobs(&ctx);
        self.shortcuts(&ctx);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            self.drop_files(&ctx, dropped);
        }
        if !self.jobs.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.title_ui(&ctx);

        egui::Panel::top("navigation").show(ui, |ui| self.navigation_ui(ui, &ctx));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if let Some(notice) = self.notice.clone() {
            egui::Panel::top("notice").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(notice).color(ui.visuals().warn_fg_color));
                    if ui.small_button("Compris").clicked() {
                        self.notice = None;
                    }
                });
            });
        }
        let mut commands = Vec::new();
        let mut actions = Vec::new();
        let mut export_request = None;
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Sources => {
                let jobs: Vec<JobView> = self.jobs.iter().map(Running::view).collect();
                if let Some(action) =
                    self.sources
                        .ui(ui, &self.state, &jobs, &self.errors, &mut commands)
                {
                    match action {
                        super::sources::Action::Do(action) => actions.push(action),
                        super::sources::Action::Cancel(i) => {
                            if let Some(job) = self.jobs.get(i) {
                                job.cancel();
                            }
                        }
                        super::sources::Action::DismissErrors => self.errors.clear(),
                    }
                }
                if let Some((file, account)) = &self.account {
                    let mut open = true;
                    account_window(ui.ctx(), file, account, &mut open);
                    if !open {
                        self.account = None;
                    }
                }
            }
            View::Charts => {
                if let Some(export) = self.charts_panel.ui(ui, &self.state, &mut commands) {
                    self.spawn_export(&ctx, export);
                }
                if std::mem::take(&mut self.charts_panel.open_register) {
                    self.register_open = true;
                }
            }
            View::Cohort => {
                let computing = self
                    .jobs
                    .iter()
                    .find(|j| j.is_cohort())
                    .map(|j| j.view().title);
                self.cohort_panel.ui(ui, &self.state, computing.as_deref());
            }
            View::Monographs => {
                if let Some(request) = self.monographs_panel.ui(ui, &self.state, &mut commands) {
                    export_request = Some(request);
                }
            }
            View::Coding => {
                let cx = super::coding::Context {
                    state: &self.state,
                    coder: &self.coder,
                };
                self.coding_panel.ui(ui, &cx, &mut commands);
            }
        });
        for command in commands {
            self.apply(command);
        }
        for action in actions {
            self.act(&ctx, action);
        }
        if let Some(monographs::Request::Export(site)) = export_request {
            self.export_monographs(&ctx, site);
        }
        self.sources.clamp(&self.state);
        self.preferences_ui(&ctx);
        self.shortcuts_ui(&ctx);
        if self.register_open {
            super::register::register_window(&ctx, &self.state, &mut self.register_open);
        }
        if let Some((warning, _)) = &self.exposed {
            match super::register::exposed_window(&ctx, warning) {
                Some(true) => {
                    if let Some((_, mut request)) = self.exposed.take() {
                        // The evaluator has read the warning: write as it is.
                        request.check = None;
                        request.confirmed = true;
                        self.spawn_export(&ctx, *request);
                    }
                }
                Some(false) => {
                    self.exposed = None;
                    self.status = "Export annulé (secret statistique)".to_owned();
                }
                None => {}
            }
        }

        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            drop_overlay(&ctx);
        }
        if let Some(capture) = &mut self.capture {
            let failure = (self.jobs.is_empty() && self.state.evaluation.sources.is_empty())
                .then(|| self.errors.first().cloned())
                .flatten();
            capture.frame(&ctx, self.jobs.is_empty(), failure.as_deref());
        }
    }

    /// Files dropped on the window: a project or an evaluation folder is opened; survey
    /// exports are added to the project.
    fn drop_files(&mut self, ctx: &egui::Context, dropped: Vec<PathBuf>) {
        let mut exports = Vec::new();
        for path in dropped {
            // A folder is an evaluation to open, or a folder of exports to add.
            if crate::store::is_project_file(&path) || path.is_dir() {
                self.open_path(ctx, &path);
            } else {
                exports.push(path);
            }
        }
        self.add_files(ctx, exports);
    }

    fn title_ui(&mut self, ctx: &egui::Context) {
        let mut title = match self.state.project_path() {
            Some(path) => format!(
                "{} — {}",
                self.state.title(),
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            None => "Aucun projet".to_owned(),
        };
        if self.state.read_only().is_some() {
            title.push_str(" (lecture seule)");
        }
        title.push_str(" — Atelier");
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// The window's title, as the title bar shows it.
    pub fn window_title(&self) -> &str {
        &self.shown_title
    }

    fn navigation_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        let mut asked = None;
        ui.horizontal(|ui| {
            ui.menu_button("Projet", |ui| {
                for entry in Action::PROJECT_MENU {
                    let Some(action) = entry else {
                        ui.separator();
                        continue;
                    };
                    let enabled = match action {
                        Action::SaveAs | Action::Preferences => self.state.project().is_some(),
                        Action::AddFiles => self.state.read_only().is_none(),
                        _ => true,
                    };
                    let mut button = egui::Button::new(action.label());
                    if let Some(keys) = action.shortcut_text() {
                        button = button.shortcut_text(keys);
                    }
                    if ui
                        .add_enabled(enabled, button)
                        .on_hover_text(action.tooltip())
                        .clicked()
                    {
                        ui.close();
                        asked = Some(action);
                    }
                    if action == Action::OpenFolder {
                        ui.menu_button("Ouvrir un projet récent", |ui| {
                            let recents = recent::list(&self.places);
                            if recents.is_empty() {
                                ui.weak("Aucun projet récent");
                            }
                            for path in recents {
                                if ui.button(path.display().to_string()).clicked() {
                                    ui.close();
                                    self.open_path(ctx, &path);
                                }
                            }
                        });
                    }
                }
                if let Some(path) = self.state.project_path() {
                    ui.separator();
                    ui.weak(format!("Projet : {}", path.display()));
                }
            });
            ui.heading("Atelier");
            if !self.state.evaluation.manifest.title.is_empty() {
                ui.label(RichText::new(self.state.title()).weak())
                    .on_hover_text(&self.state.evaluation.manifest.description);
            }
            ui.separator();
            for view in View::ALL {
                let action = Action::Show(view);
                if ui
                    .selectable_label(self.view == view, view.label())
                    .on_hover_text(action.hover_text())
                    .clicked()
                {
                    self.view = view;
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                for (action, enabled) in [
                    (Action::Redo, self.state.can_redo()),
                    (Action::Undo, self.state.can_undo()),
                    (Action::AddFiles, self.state.read_only().is_none()),
                ] {
                    if ui
                        .add_enabled(enabled, egui::Button::new(action.label()))
                        .on_hover_text(action.hover_text())
                        .clicked()
                    {
                        asked = Some(action);
                    }
                }
            });
        });
        if let Some(action) = asked {
            self.act(ctx, action);
        }
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let respondents: usize = self
                .state
                .evaluation
                .sources
                .iter()
                .map(|s| s.survey.respondents())
                .sum();
            ui.label(format!(
                "{} source(s) · {} répondants",
                self.state.evaluation.sources.len(),
                respondents
            ));
            if let Some(reason) = self.state.read_only() {
                ui.separator();
                ui.label(
                    RichText::new(format!("Lecture seule : {reason}"))
                        .color(ui.visuals().warn_fg_color),
                );
            }
            if !self.jobs.is_empty() {
                ui.separator();
                let first = self.jobs[0].view();
                ui.add(
                    egui::ProgressBar::new(first.done)
                        .desired_width(160.0)
                        .text(first.title),
                );
                if self.jobs.len() > 1 {
                    ui.label(format!("+ {}", self.jobs.len() - 1));
                }
            }
            if !self.status.is_empty() {
                ui.separator();
                ui.label(&self.status);
            }
            if let Some(error) = self.errors.last() {
                ui.separator();
                ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
            }
        });
    }

    fn preferences_ui(&mut self, ctx: &egui::Context) {
        if !self.preferences_open {
            return;
        }
        let mut open = true;
        let mut chosen = None;
        let mut coder_changed = false;
        egui::Window::new("Préférences")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.strong("Secret statistique du projet");
                ui.label(
                    "Tout effectif publié (tableau, graphique, export) inférieur au seuil est masqué, \
                     avec un masquage secondaire pour qu'il ne puisse pas être recalculé.",
                );
                let current = self.state.evaluation.manifest.disclosure_threshold;
                for threshold in crate::model::Threshold::CHOICES {
                    if ui
                        .radio(current == threshold, threshold.label())
                        .clicked()
                        && current != threshold
                    {
                        chosen = Some(threshold);
                    }
                }
                if self.state.read_only().is_some() {
                    ui.weak("Projet en lecture seule : le seuil ne peut pas être changé.");
                }
                ui.separator();
                ui.strong("Codage");
                ui.horizontal(|ui| {
                    let label = ui.label("Votre nom de codeur").id;
                    let response = ui
                        .text_edit_singleline(&mut self.coder)
                        .labelled_by(label)
                        .on_hover_text("Chaque codage garde le nom de son codeur : l'accord entre deux codeurs se mesure ainsi");
                    if response.lost_focus() {
                        coder_changed = true;
                    }
                });
            });
        self.preferences_open = open;
        if coder_changed || !open {
            let name = self.coder.trim().to_owned();
            self.coder = if name.is_empty() {
                crate::session::preferences::default_coder()
            } else {
                name
            };
            let mut preferences = crate::session::preferences::load(&self.places);
            if preferences.coder != self.coder {
                preferences.coder = self.coder.clone();
                if let Err(e) = crate::session::preferences::save(&self.places, &preferences) {
                    self.errors.push(e);
                }
            }
        }
        if let Some(threshold) = chosen {
            self.apply(Command::SetThreshold(threshold));
        }
    }

    fn shortcuts_ui(&mut self, ctx: &egui::Context) {
        if !self.shortcuts_open {
            return;
        }
        let mut open = true;
        egui::Window::new("Raccourcis clavier")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for action in Action::WITH_SHORTCUTS {
                        ui.label(action.label());
                        ui.monospace(action.shortcut_text().unwrap_or_default());
                        ui.end_row();
                    }
                });
            });
        self.shortcuts_open = open;
    }
}

/// A finished job's result.
enum Finished {
    Open(Result<Box<Opened>, String>),
    Import(Result<Box<LoadedSource>, String>),
    Replace(Result<(Box<LoadedSource>, WaveAccount), String>, String),
    SaveAs(Result<Project, String>),
    Cohort(Result<crate::cohort::CohortReport, String>),
    Export(Result<super::charts::ExportOutcome, String>),
    Monographs(Result<crate::session::export::Exported, String>),
}

impl eframe::App for AtelierApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    /// A screenshot shows the window as it opens: wherever the display left the pointer, it
    /// hovers nothing (no tooltip, no highlighted row in the picture).
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.capture.is_some() {
            raw_input
                .events
                .retain(|e| !matches!(e, egui::Event::PointerMoved(_)));
            raw_input.events.push(egui::Event::PointerGone);
        }
    }
}

/// What changed with a newer wave: respondents, then answers question by question.
fn account_window(ctx: &egui::Context, file: &str, account: &WaveAccount, open: &mut bool) {
    egui::Window::new("Ce qui a changé")
        .open(open)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(format!("Nouvelle version : {file}"));
            ui.label(account.summary());
            if let crate::session::replace::Matching::Id(heading) = &account.matching {
                ui.weak(format!("Répondants rapprochés par « {heading} »"));
            }
            ui.label(format!(
                "{} répondant(s) présents dans les deux versions",
                account.kept
            ));
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .show(ui, |ui| {
                    egui::Grid::new("wave_account")
                        .striped(true)
                        .show(ui, |ui| {
                            ui.strong("Question");
                            ui.strong("Réponses modifiées");
                            ui.end_row();
                            for (id, text, n) in &account.changed {
                                ui.label(format!("{id} · {}", crate::figures::short_text(text)));
                                ui.label(n.to_string());
                                ui.end_row();
                            }
                        });
                });
            if !account.new_questions.is_empty() {
                ui.label(format!(
                    "Nouvelles questions : {}",
                    account.new_questions.join(", ")
                ));
            }
            if !account.gone_questions.is_empty() {
                ui.label(format!(
                    "Questions disparues : {}",
                    account.gone_questions.join(", ")
                ));
            }
        });
}

/// A job's result with its error as the user reads it (a job that stopped unexpectedly
/// already says so in words).
fn shown<T>(result: Result<Result<T, StoreError>, String>) -> Result<T, String> {
    result.and_then(|r| r.map_err(|e| e.to_string()))
}

fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn is_survey_file(path: &Path) -> bool {
    path.is_file()
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| SURVEY_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn drop_overlay(ctx: &egui::Context) {
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Déposez des exports d'enquête pour les ajouter au projet, ou un projet pour l'ouvrir",
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
