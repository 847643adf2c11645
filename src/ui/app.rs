//! The application: navigation bar, status line, shortcuts, background imports.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::RichText;

use super::screenshot::{Capture, Outcome};
use super::sources::SourcesPanel;
use super::{LaunchOptions, View, placeholder};
use crate::session::jobs::{Background, ImportJob, Outcome as JobOutcome};
use crate::session::{AppState, Command};

/// File extensions Atelier reads as survey exports.
pub const SURVEY_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods", "csv", "tsv", "txt"];

/// The workbench.
pub struct AtelierApp {
    /// The session: loaded sources, undo history.
    pub state: AppState,
    /// The view shown.
    pub view: View,
    /// Imports running in the background.
    pub jobs: Vec<ImportJob>,
    /// Files that could not be read (one line each), until dismissed.
    pub errors: Vec<String>,
    sources: SourcesPanel,
    cohort_panel: super::cohort::CohortPanel,
    charts_panel: super::charts::ChartsPanel,
    /// The cohort computation running in the background, if any.
    cohort_job: Option<Background<Result<crate::cohort::CohortReport, String>>>,
    capture: Option<Capture>,
    remember: bool,
    status: String,
}

impl AtelierApp {
    /// Create the app and start loading what the launch options name.
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
            sources: SourcesPanel::default(),
            cohort_panel: super::cohort::CohortPanel::default(),
            charts_panel: super::charts::ChartsPanel::default(),
            cohort_job: None,
            capture: options.screenshot.map(|path| Capture::new(path, outcome)),
            remember: options.remember,
            status: String::new(),
        };
        if let Some(path) = options.path {
            app.open_path(ctx, &path);
        }
        app
    }

    /// Start importing a file, an evaluation folder (with `atelier.json`) or a project
    /// file, or every survey export of a plain folder.
    pub fn open_path(&mut self, ctx: &egui::Context, path: &Path) {
        if path.is_dir()
            && !path
                .join(crate::import::evaluation::MANIFEST_FILE)
                .is_file()
        {
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
            for file in files {
                self.start_import(ctx, file);
            }
        } else {
            self.start_import(ctx, path.to_path_buf());
        }
    }

    /// Start one background import.
    pub fn start_import(&mut self, ctx: &egui::Context, path: PathBuf) {
        let waker = ctx.clone();
        let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(move || waker.request_repaint());
        match ImportJob::spawn(path.clone(), wake) {
            Ok(job) => self.jobs.push(job),
            Err(e) => self.errors.push(format!(
                "{}: l'import n'a pas pu démarrer ({e})",
                path.display()
            )),
        }
    }

    /// Compute the cohort figures of the open evaluation in the background.
    fn start_cohort(&mut self, ctx: &egui::Context) {
        if self.state.evaluation.manifest.cohort.is_empty() {
            return;
        }
        let manifest = self.state.evaluation.manifest.clone();
        let dir = match &self.state.project {
            Some(project) => match project.unpack_cohort(&manifest) {
                Ok(dir) => dir,
                Err(e) => {
                    self.state.cohort = Some(Err(e.to_string()));
                    return;
                }
            },
            None => self.state.evaluation.root.clone(),
        };
        let waker = ctx.clone();
        let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(move || waker.request_repaint());
        let work = move || {
            crate::cohort::compute(&dir, &manifest, &crate::progress::Silent)
                .map_err(|e| e.to_string())
        };
        match Background::spawn("cohortes", "Calcul des indicateurs de cohorte…", wake, work) {
            Ok(job) => self.cohort_job = Some(job),
            Err(e) => {
                self.state.cohort = Some(Err(format!(
                    "le calcul des cohortes n'a pas pu démarrer ({e})"
                )))
            }
        }
    }

    /// Take in finished imports.
    fn poll_jobs(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.cohort_job
            && let Some(result) = job.poll()
        {
            self.state.cohort = Some(result.and_then(|r| r).map(Arc::new));
            self.cohort_job = None;
        }
        let mut finished = Vec::new();
        self.jobs.retain_mut(|job| match job.poll() {
            Some(outcome) => {
                finished.push(outcome);
                false
            }
            None => true,
        });
        for outcome in finished {
            match outcome {
                JobOutcome::Loaded(source) => {
                    self.status = format!(
                        "{} importé : {} répondants, {} questions",
                        source.survey.raw.file_name,
                        source.survey.respondents(),
                        source.survey.questions.len()
                    );
                    self.state.apply(Command::AddSource(source));
                    self.sources.select_last(&self.state);
                }
                JobOutcome::Evaluation(evaluation, project) => {
                    let respondents: usize = evaluation
                        .sources
                        .iter()
                        .map(|s| s.survey.respondents())
                        .sum();
                    self.status = format!(
                        "{} ouverte : {} sources, {} répondants, {} sites",
                        evaluation.manifest.title,
                        evaluation.sources.len(),
                        respondents,
                        evaluation.manifest.sites.len()
                    );
                    let opened = project
                        .as_ref()
                        .map(|p| p.path().to_path_buf())
                        .unwrap_or_else(|| evaluation.root.clone());
                    if self.remember {
                        crate::session::recent::remember(&opened);
                    }
                    self.state.open_evaluation(*evaluation, project);
                    self.sources.select_first();
                    self.start_cohort(ctx);
                }
                JobOutcome::Failed(message) => self.errors.push(message),
            }
        }
    }

    /// Ask for files with the system's file dialog.
    fn pick_files(&mut self, ctx: &egui::Context) {
        let picked = rfd::FileDialog::new()
            .set_title("Ajouter des exports d'enquête")
            .add_filter("Exports d'enquête", SURVEY_EXTENSIONS)
            .add_filter("Tous les fichiers", &["*"])
            .pick_files();
        for path in picked.unwrap_or_default() {
            self.start_import(ctx, path);
        }
    }

    /// Open an evaluation: a project file, or a folder holding `atelier.json`.
    fn pick_evaluation(&mut self, ctx: &egui::Context) {
        let picked = rfd::FileDialog::new()
            .set_title("Ouvrir un projet Atelier")
            .add_filter("Projet Atelier", &["atelier"])
            .pick_file();
        if let Some(path) = picked {
            self.start_import(ctx, path);
        }
    }

    /// Open an evaluation folder (holding `atelier.json`).
    fn pick_folder(&mut self, ctx: &egui::Context) {
        if let Some(path) = rfd::FileDialog::new()
            .set_title("Ouvrir un dossier d'évaluation")
            .pick_folder()
        {
            self.open_path(ctx, &path);
        }
    }

    /// Save the open evaluation folder as a project file, then work in that project.
    fn save_as_project(&mut self, ctx: &egui::Context) {
        let picked = rfd::FileDialog::new()
            .set_title("Enregistrer le projet sous…")
            .add_filter("Projet Atelier", &["atelier"])
            .set_file_name("evaluation.atelier")
            .save_file();
        let Some(mut path) = picked else { return };
        if !crate::store::is_project_file(&path) {
            path.set_extension("atelier");
        }
        match crate::store::Project::create_from_dir(
            &path,
            &self.state.evaluation.root,
            &crate::progress::Silent,
        ) {
            Ok(project) => {
                drop(project);
                self.status = format!("Projet enregistré : {}", path.display());
                self.start_import(ctx, path);
            }
            Err(e) => self.errors.push(e.to_string()),
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let undo = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        let redo = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        let redo_alt = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        let (do_redo, do_undo, do_open) = ctx.input_mut(|i| {
            let r = i.consume_shortcut(&redo) || i.consume_shortcut(&redo_alt);
            (r, i.consume_shortcut(&undo), i.consume_shortcut(&open))
        });
        if do_redo {
            self.redo();
        }
        if do_undo {
            self.undo();
        }
        if do_open {
            self.pick_files(ctx);
        }
        let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
        for (key, view) in keys.into_iter().zip(View::ALL) {
            if ctx
                .input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)))
            {
                self.view = view;
            }
        }
    }

    fn undo(&mut self) {
        self.status = if self.state.undo() {
            "Action annulée".into()
        } else {
            "Rien à annuler".into()
        };
        self.sources.clamp(&self.state);
    }

    fn redo(&mut self) {
        self.status = if self.state.redo() {
            "Action rétablie".into()
        } else {
            "Rien à rétablir".into()
        };
        self.sources.clamp(&self.state);
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
        for path in dropped {
            self.open_path(&ctx, &path);
        }
        if !self.jobs.is_empty() || self.cohort_job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }

        egui::Panel::top("navigation").show(ui, |ui| self.navigation_ui(ui, &ctx));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        let mut commands = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Sources => {
                if let Some(action) =
                    self.sources
                        .ui(ui, &self.state, &self.jobs, &self.errors, &mut commands)
                {
                    match action {
                        super::sources::Action::AddFiles => self.pick_files(&ctx),
                        super::sources::Action::Cancel(i) => {
                            if let Some(job) = self.jobs.get(i) {
                                job.cancel();
                            }
                        }
                        super::sources::Action::DismissErrors => self.errors.clear(),
                    }
                }
            }
            View::Charts => self.charts_panel.ui(ui, &self.state, &mut commands),
            View::Cohort => {
                let computing = self.cohort_job.as_ref().map(|j| j.label.clone());
                self.cohort_panel.ui(ui, &self.state, computing.as_deref());
            }
            other => placeholder::ui(ui, other),
        });
        for command in commands {
            self.state.apply(command);
        }
        self.sources.clamp(&self.state);

        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            drop_overlay(&ctx);
        }
        if let Some(capture) = &mut self.capture {
            let failure = (self.jobs.is_empty() && self.state.evaluation.sources.is_empty())
                .then(|| self.errors.first().cloned())
                .flatten();
            capture.frame(
                &ctx,
                self.jobs.is_empty() && self.cohort_job.is_none(),
                failure.as_deref(),
            );
        }
    }

    fn navigation_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        ui.horizontal(|ui| {
            ui.heading("Atelier");
            if !self.state.evaluation.manifest.title.is_empty() {
                ui.label(RichText::new(self.state.title()).weak())
                    .on_hover_text(&self.state.evaluation.manifest.description);
            }
            ui.separator();
            for view in View::ALL {
                if ui
                    .selectable_label(self.view == view, view.label())
                    .clicked()
                {
                    self.view = view;
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .add_enabled(self.state.can_redo(), egui::Button::new("Rétablir"))
                    .on_hover_text("Ctrl+Maj+Z")
                    .clicked()
                {
                    self.redo();
                }
                if ui
                    .add_enabled(self.state.can_undo(), egui::Button::new("Annuler"))
                    .on_hover_text("Ctrl+Z")
                    .clicked()
                {
                    self.undo();
                }
                if ui
                    .button("Ajouter des fichiers…")
                    .on_hover_text("Ctrl+O, ou déposez des fichiers sur la fenêtre")
                    .clicked()
                {
                    self.pick_files(ctx);
                }
                ui.menu_button("Évaluation", |ui| {
                    if ui.button("Ouvrir un projet…").clicked() {
                        ui.close();
                        self.pick_evaluation(ctx);
                    }
                    if ui.button("Ouvrir un dossier d'évaluation…").clicked() {
                        ui.close();
                        self.pick_folder(ctx);
                    }
                    let can_save = self.state.project.is_none()
                        && !self.state.evaluation.manifest.sources.is_empty();
                    if ui
                        .add_enabled(can_save, egui::Button::new("Enregistrer comme projet…"))
                        .on_hover_text(
                            "Un seul fichier .atelier qui garde les sources et vos corrections",
                        )
                        .clicked()
                    {
                        ui.close();
                        self.save_as_project(ctx);
                    }
                    if let Some(project) = &self.state.project {
                        ui.weak(format!("Projet : {}", project.path().display()));
                    }
                });
            });
        });
    }

    fn status_ui(&self, ui: &mut egui::Ui) {
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
            if !self.jobs.is_empty() {
                ui.separator();
                ui.label(format!("{} import(s) en cours", self.jobs.len()));
            }
            if !self.status.is_empty() {
                ui.separator();
                ui.label(&self.status);
            }
            if let Some(error) = self.state.save_errors.last() {
                ui.separator();
                ui.label(
                    RichText::new(format!("Enregistrement impossible : {error}"))
                        .color(ui.visuals().error_fg_color),
                );
            }
        });
    }
}

impl eframe::App for AtelierApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }
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
        "Déposez les exports d'enquête pour les importer",
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
