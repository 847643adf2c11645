//! The Graphiques panel: find a question, choose how to cut it (group, network, site…) and
//! a site, see its chart and its table side by side, export them, add them to a monograph.
//!
//! Figures and their textures are cached by (question, grouping, site, data version,
//! width): changing nothing redraws nothing, and a change of filter is one computation.

use std::path::PathBuf;

use egui::{RichText, TextureHandle};

use crate::charts::ChartSpec;
use crate::figures::{self, Figure, FigureBody, NumericFigure, Publication};
use crate::model::{FigureRef, PublishedFigure, QuestionKind, Threshold};
use crate::session::register::{self, PublishCheck};
use crate::session::{AppState, Command};
use crate::stats::{NumericRow, Published, Suppression};

/// Ways to cut a question, as offered in the panel (`None` = everyone together).
const GROUPINGS: [(Option<&str>, &str); 6] = [
    (None, "Ensemble des répondants"),
    (Some("group"), "Groupe de répondants"),
    (Some("network"), "Réseau"),
    (Some("role"), "Rôle"),
    (Some("site"), "Site visité"),
    (Some("region"), "Région"),
];

/// The cache key of a figure on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    qid: String,
    by: Option<String>,
    site: Option<String>,
    version: u64,
}

struct Cached {
    key: Key,
    figure: Result<Figure, String>,
    /// The figure as exports publish it (computed once: protecting a large table is an
    /// integer program).
    publication: Option<Publication>,
    spec: Option<ChartSpec>,
    texture: Option<(u32, TextureHandle)>,
}

/// View state of the Graphiques panel.
#[derive(Default)]
pub struct ChartsPanel {
    search: String,
    qid: Option<String>,
    by: Option<String>,
    site: Option<String>,
    cached: Option<Cached>,
    message: Option<String>,
    /// Set when the register of publications is asked for, for the app to show.
    pub open_register: bool,
}

impl ChartsPanel {
    /// Draw the panel; commands (adding a figure to a monograph) go to `commands`; an
    /// export asked for is returned, for the app to write in the background.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        commands: &mut Vec<Command>,
    ) -> Option<ExportRequest> {
        if state.evaluation.sources.is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.3);
                ui.heading("Graphiques");
                ui.label("Ouvrez une évaluation ou ajoutez des exports d'enquête pour tracer leurs questions.");
            });
            return None;
        }
        if self.qid.is_none() {
            self.choose_default(state);
        }
        egui::Panel::left("chart_questions")
            .resizable(true)
            .default_size(330.0)
            .min_size(220.0)
            .show(ui, |ui| {
                self.finder_ui(ui, state);
            });
        let export = self.controls_ui(ui, state, commands);
        ui.separator();
        self.refresh(state);
        let Some(cached) = &mut self.cached else {
            return export;
        };
        let figure = match &cached.figure {
            Ok(f) => f,
            Err(message) => {
                ui.label(RichText::new(message).color(ui.visuals().warn_fg_color));
                return export;
            }
        };
        egui::Panel::right("chart_table")
            .resizable(true)
            .default_size(420.0)
            .min_size(280.0)
            .show(ui, |ui| {
                egui::ScrollArea::both()
                    .id_salt("chart_table_scroll")
                    .show(ui, |ui| {
                        table_ui(ui, figure, cached.publication.as_ref());
                    });
            });
        egui::ScrollArea::vertical()
            .id_salt("chart_image_scroll")
            .show(ui, |ui| {
                let Some(spec) = &cached.spec else {
                    ui.label("Pas de graphique pour cette question.");
                    return;
                };
                let pixels_per_point = ui.ctx().pixels_per_point();
                let width_px =
                    (ui.available_width().clamp(320.0, 1600.0) * pixels_per_point) as u32;
                let stale = cached
                    .texture
                    .as_ref()
                    .is_none_or(|(w, _)| w.abs_diff(width_px) > 24);
                if stale {
                    cached.texture =
                        draw(ui.ctx(), spec, width_px, pixels_per_point).map(|t| (width_px, t));
                }
                match &cached.texture {
                    Some((_, texture)) => {
                        ui.add(egui::Image::new((
                            texture.id(),
                            texture.size_vec2() / pixels_per_point,
                        )));
                    }
                    None => {
                        ui.label("Le graphique n'a pas pu être dessiné.");
                    }
                }
            });
        export
    }

    /// A counsellors' Likert battery, Missions locales beside Pôle emploi, when the
    /// evaluation has one; else the first closed question.
    fn choose_default(&mut self, state: &AppState) {
        let evaluation = &state.evaluation;
        let battery = evaluation.sources.iter().find_map(|s| {
            (s.entry.role == "conseiller")
                .then(|| {
                    s.survey
                        .questions
                        .iter()
                        .find(|q| q.kind == QuestionKind::Likert && q.items.len() >= 3)
                })
                .flatten()
                .map(|q| evaluation.qid(s, q))
        });
        if let Some(qid) = battery {
            self.qid = Some(qid);
            self.by = Some("network".to_owned());
            return;
        }
        self.qid = evaluation.sources.iter().find_map(|s| {
            s.survey
                .questions
                .iter()
                .find(|q| chartable(q.kind))
                .map(|q| evaluation.qid(s, q))
        });
    }

    fn finder_ui(&mut self, ui: &mut egui::Ui, state: &AppState) {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let label = ui.label("Rechercher").id;
            ui.add(egui::TextEdit::singleline(&mut self.search).hint_text("mot de la question"))
                .labelled_by(label);
        });
        let needle = self.search.to_lowercase();
        egui::ScrollArea::vertical()
            .id_salt("chart_question_list")
            .show(ui, |ui| {
                for source in &state.evaluation.sources {
                    let label = if source.group_label.is_empty() {
                        &source.survey.raw.file_name
                    } else {
                        &source.group_label
                    };
                    let questions: Vec<_> = source
                        .survey
                        .questions
                        .iter()
                        .filter(|q| chartable(q.kind))
                        .filter(|q| needle.is_empty() || q.text.to_lowercase().contains(&needle))
                        .collect();
                    if questions.is_empty() {
                        continue;
                    }
                    ui.add_space(4.0);
                    ui.strong(label);
                    for q in questions {
                        let qid = state.evaluation.qid(source, q);
                        let selected = self.qid.as_deref() == Some(qid.as_str());
                        if ui
                            .selectable_label(
                                selected,
                                format!("{}  ·  n = {}", figures::short_text(&q.text), q.n),
                            )
                            .on_hover_text(&q.text)
                            .clicked()
                        {
                            self.qid = Some(qid);
                        }
                    }
                }
            });
    }

    fn controls_ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        commands: &mut Vec<Command>,
    ) -> Option<ExportRequest> {
        let mut export = None;
        ui.horizontal_wrapped(|ui| {
            let by_label = ui.label("Comparer par").id;
            let current = GROUPINGS
                .iter()
                .find(|(id, _)| id.map(str::to_owned) == self.by)
                .map_or("Ensemble des répondants", |(_, l)| l);
            egui::ComboBox::from_id_salt("chart_by")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (id, label) in GROUPINGS {
                        ui.selectable_value(&mut self.by, id.map(str::to_owned), label);
                    }
                })
                .response
                .labelled_by(by_label);
            ui.separator();
            let site_label = ui.label("Site").id;
            let sites = &state.evaluation.manifest.sites;
            let current = self
                .site
                .as_ref()
                .and_then(|id| sites.iter().find(|s| &s.id == id))
                .map_or("Tous les répondants", |s| s.name.as_str());
            egui::ComboBox::from_id_salt("chart_site")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.site, None, "Tous les répondants");
                    for site in sites {
                        ui.selectable_value(&mut self.site, Some(site.id.clone()), &site.name);
                    }
                })
                .response
                .labelled_by(site_label);
            ui.separator();
            let ready = self.cached.as_ref().is_some_and(|c| c.figure.is_ok());
            for (label, extension) in [
                ("PNG", "png"),
                ("SVG", "svg"),
                ("XLSX", "xlsx"),
                ("CSV", "csv"),
            ] {
                if ui
                    .add_enabled(ready, egui::Button::new(label))
                    .on_hover_text(format!("Exporter en {label}"))
                    .clicked()
                {
                    export = self.export(state, extension);
                }
            }
            ui.separator();
            if ui
                .add_enabled(ready, egui::Button::new("Ajouter à la monographie"))
                .on_hover_text(
                    "Le graphique sera repris, à jour, dans la monographie du site choisi",
                )
                .clicked()
                && let Some(qid) = &self.qid
            {
                commands.push(Command::AddFigure(FigureRef {
                    qid: qid.clone(),
                    by: self.by.clone(),
                    site: self.site.clone(),
                }));
                self.message = Some("Graphique ajouté à la monographie".to_owned());
            }
            if ui
                .button("Registre…")
                .on_hover_text(
                    "Les figures déjà publiées depuis ce projet, avec lesquelles chaque export est lu",
                )
                .clicked()
            {
                self.open_register = true;
            }
            if let Some(message) = &self.message {
                ui.weak(message);
            }
        });
        export
    }

    /// Recompute the figure when the question, the grouping, the site or the data changed.
    fn refresh(&mut self, state: &AppState) {
        let Some(qid) = &self.qid else { return };
        let key = Key {
            qid: qid.clone(),
            by: self.by.clone(),
            site: self.site.clone(),
            version: state.version,
        };
        if self.cached.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let figure = figures::figure(
            &state.evaluation,
            qid,
            self.by.as_deref(),
            self.site.as_deref(),
        )
        .map_err(|e| e.to_string());
        let publication = figure.as_ref().ok().map(figures::publication);
        let spec = figure
            .as_ref()
            .ok()
            .zip(publication.as_ref())
            .map(|(f, p)| figures::published_chart_spec(f, p));
        self.cached = Some(Cached {
            key,
            figure,
            publication,
            spec,
            texture: None,
        });
        self.message = None;
    }

    /// Ask where to write an export; the app writes it in the background.
    fn export(&mut self, state: &AppState, extension: &str) -> Option<ExportRequest> {
        let figure = self.cached.as_ref()?.figure.as_ref().ok()?;
        let name = format!("{}.{extension}", figure.qid.replace('.', "_"));
        let path: PathBuf = rfd::FileDialog::new()
            .set_title("Exporter")
            .set_file_name(&name)
            .add_filter(extension.to_uppercase(), &[extension])
            .save_file()?;
        self.request(state, path)
    }

    /// The export of the figure on screen to `path` (its extension says the format); it is
    /// read with the register when it starts (the app fills in its check then, the register
    /// holding every export before it).
    pub fn request(&self, state: &AppState, path: PathBuf) -> Option<ExportRequest> {
        let cached = self.cached.as_ref()?;
        let figure = cached.figure.as_ref().ok()?;
        let cut = FigureRef {
            qid: cached.key.qid.clone(),
            by: cached.key.by.clone(),
            site: cached.key.site.clone(),
        };
        Some(ExportRequest {
            figure: figure.clone(),
            cut,
            spec: cached.spec.clone(),
            path,
            threshold: state.evaluation.manifest.disclosure_threshold,
            check: None,
            confirmed: false,
        })
    }
}

/// What came of an export.
pub enum ExportOutcome {
    /// The file is written: the status line, and the register's entry.
    Written(String, PublishedFigure),
    /// Nothing written: read with figures already published, this one would give hidden
    /// cells back. The warning, and the request, to carry out if the evaluator insists.
    Exposed(String, Box<ExportRequest>),
}

/// A chart or table to write, with everything needed to write it on another thread.
pub struct ExportRequest {
    /// The figure.
    pub figure: Figure,
    /// The question, its cut and its site filter, for the register.
    pub cut: FigureRef,
    /// Its chart, when it has one.
    pub spec: Option<ChartSpec>,
    /// Where to write; the extension says the format (png, svg, xlsx, csv).
    pub path: PathBuf,
    /// The project's disclosure threshold.
    pub threshold: Threshold,
    /// The figures already published that this one adds up with, to attack it together with
    /// them before it leaves, set when the export starts (`None`: nothing to check, or the
    /// evaluator chose to go on).
    pub check: Option<PublishCheck>,
    /// Whether the evaluator has read the warning and chosen to publish anyway.
    pub confirmed: bool,
}

impl ExportRequest {
    /// Check the figure against the register, then write the file.
    pub fn run(self) -> Result<ExportOutcome, String> {
        if let Some(exposure) = self.check.as_ref().and_then(|c| c.exposure(&self.figure)) {
            return Ok(ExportOutcome::Exposed(
                exposure.warning(&self.figure),
                Box::new(self),
            ));
        }
        let format = self
            .path
            .extension()
            .map(|e| e.to_string_lossy().to_uppercase())
            .unwrap_or_default();
        let entry = register::entry(self.cut.clone(), &format, &self.path);
        self.write()
            .map(|message| ExportOutcome::Written(message, entry))
    }

    /// Write the file; the result is the line the status shows.
    fn write(self) -> Result<String, String> {
        let extension = self
            .path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let path = &self.path;
        let result = match (extension.as_str(), &self.spec) {
            ("png", Some(spec)) => {
                let height = crate::charts::natural_height(
                    spec,
                    2400,
                    crate::charts::file_scale(2400) as f32,
                );
                crate::charts::render_png(spec, path, 2400, height).map_err(|e| e.to_string())
            }
            ("svg", Some(spec)) => {
                let height = crate::charts::natural_height(spec, 1200, 1.0);
                crate::charts::write_svg(spec, path, 1200, height).map_err(|e| e.to_string())
            }
            ("xlsx", _) => figures::write_table_xlsx(&self.figure, path, self.threshold)
                .map_err(|e| e.to_string()),
            ("csv", _) => figures::write_table_csv(&self.figure, path, self.threshold)
                .map_err(|e| e.to_string()),
            _ => Err("pas de graphique pour cette question".to_owned()),
        };
        result
            .map(|()| format!("Exporté : {}", path.display()))
            .map_err(|e| format!("Export impossible : {e}"))
    }
}

/// The summary of a numeric figure by group: n, mean, median, quartiles and deciles, the
/// groups hidden in exports marked (the extremes, one person's answer each, are not shown).
fn numeric_table_ui(ui: &mut egui::Ui, figure: &Figure, numeric: &NumericFigure) {
    let mut table = numeric.table.clone();
    table.suppress(figure.threshold.get());
    let mut rows: Vec<&NumericRow> = table.rows.iter().collect();
    if figure.is_grouped() && table.rows.len() > 1 {
        rows.push(&table.total);
    }
    ui.add_space(6.0);
    egui::Grid::new("numeric_grid")
        .striped(true)
        .show(ui, |ui| {
            for heading in [
                "Groupe",
                "n",
                "Moyenne",
                "Médiane",
                "1er quartile",
                "3e quartile",
                "1er décile",
                "9e décile",
            ] {
                ui.strong(heading);
            }
            ui.end_row();
            for row in rows {
                ui.label(&row.label);
                ui.label(row.n().to_string());
                if let Some(s) = &row.summary {
                    // As exports publish them: a small group's quantiles would give answers back.
                    let hidden = row.suppressed.is_some();
                    let quartiles = row.quartiles_published();
                    let deciles = row.deciles_published();
                    for (value, shown) in [
                        (s.mean, true),
                        (s.median, quartiles),
                        (s.q1, quartiles),
                        (s.q3, quartiles),
                        (s.p10, deciles),
                        (s.p90, deciles),
                    ] {
                        let secret = hidden || !shown;
                        let text = crate::model::french::number(value, 1);
                        let response = if secret {
                            ui.label(RichText::new(format!("{text} (s)")).italics().weak())
                        } else {
                            ui.label(text)
                        };
                        if secret {
                            response.on_hover_text(format!(
                                "Masqué dans les exports (secret statistique, seuil {})",
                                figure.threshold
                            ));
                        }
                    }
                }
                ui.end_row();
            }
        });
}

fn chartable(kind: QuestionKind) -> bool {
    !matches!(kind, QuestionKind::Open | QuestionKind::Date)
}

fn draw(ctx: &egui::Context, spec: &ChartSpec, width_px: u32, scale: f32) -> Option<TextureHandle> {
    let height_px = crate::charts::natural_height(spec, width_px, scale);
    let image = crate::charts::render_rgba(spec, width_px, height_px, scale).ok()?;
    let color = egui::ColorImage::from_rgba_unmultiplied(
        [image.width as usize, image.height as usize],
        &image.pixels,
    );
    Some(ctx.load_texture("graphique", color, egui::TextureOptions::LINEAR))
}

/// The figure's table: per item, per group, n, the percentages with their 95 % interval.
/// The screen shows every value; what exports hide is marked, with why: « (s) » a count
/// under the threshold, « (c) » a complement hidden so that it cannot be recomputed; a
/// group merged into « Autres » or withheld says so, and the published « Autres » follows.
fn table_ui(ui: &mut egui::Ui, figure: &Figure, publication: Option<&Publication>) {
    ui.strong(&figure.title);
    ui.weak(figure.source_line());
    if let Some(caution) = figure.small_groups_caution() {
        ui.label(RichText::new(caution).color(ui.visuals().warn_fg_color));
    }
    let threshold = figure.threshold;
    let groups = publication.and_then(|p| p.groups.as_ref());
    match &figure.body {
        FigureBody::Closed(closed) => {
            for (i, item) in closed.items.iter().enumerate() {
                ui.add_space(6.0);
                if !item.label.is_empty() {
                    ui.label(RichText::new(&item.label).strong());
                }
                let published = publication.and_then(|p| p.tables.get(i));
                egui::Grid::new(("chart_grid", i)).striped(true).show(ui, |ui| {
                    ui.strong("Groupe");
                    ui.strong("n");
                    for label in &item.crosstab.col_labels {
                        ui.strong(label);
                    }
                    ui.end_row();
                    let rows = item.crosstab.rows.len();
                    let identity = groups.is_none_or(|g| g.is_identity());
                    for r in figure.shown_rows(rows) {
                        let total = r == rows;
                        if total && !identity {
                            // « Ensemble » as published follows, below.
                            continue;
                        }
                        let row = if total { &item.crosstab.total } else { &item.crosstab.rows[r] };
                        let fate = if total {
                            Fate::Published(published.map_or(0, |p| p.table.rows.len()))
                        } else {
                            fate_of(groups, r)
                        };
                        match &fate {
                            Fate::Published(_) => {
                                ui.label(&row.label);
                            }
                            Fate::Merged(other) => {
                                ui.label(RichText::new(format!("{} (dans « {other} »)", row.label)).italics())
                                    .on_hover_text(format!("Moins de {threshold} répondants : regroupé dans « {other} » dans les exports (secret statistique)"));
                            }
                            Fate::Withheld => {
                                ui.label(RichText::new(format!("{} (non publié)", row.label)).italics())
                                    .on_hover_text(format!("Moins de {threshold} répondants : ni la ligne ni son n ne sont publiés, et « Ensemble » ne le compte pas (secret statistique)"));
                            }
                        }
                        let k = match fate {
                            Fate::Published(k) => Some(k),
                            _ => None,
                        };
                        n_cell(ui, row.n, k.and_then(|k| published.map(|p| p.n(k).is_none())).unwrap_or(false), threshold);
                        for (c, cell) in row.cells.iter().enumerate() {
                            let mark = k.and_then(|k| match published?.cell(k, c) {
                                Some(Published::Secret(why)) => Some(why),
                                _ => None,
                            });
                            cell_ui(ui, cell, mark, threshold);
                        }
                        ui.end_row();
                    }
                    // « Autres » and « Ensemble » as published, when groups were merged or withheld.
                    if let (false, Some(p)) = (identity, published) {
                        let prows = p.table.rows.len();
                        let first = if groups.is_some_and(|g| !g.merged.is_empty()) { prows.saturating_sub(1) } else { prows };
                        for k in first..=prows {
                            let row = if k == prows { &p.table.total } else { &p.table.rows[k] };
                            ui.label(RichText::new(format!("{} (publié)", row.label)).strong());
                            n_cell(ui, row.n, p.n(k).is_none(), threshold);
                            for (c, cell) in row.cells.iter().enumerate() {
                                let mark = match p.cell(k, c) {
                                    Some(Published::Secret(why)) => Some(why),
                                    _ => None,
                                };
                                cell_ui(ui, cell, mark, threshold);
                            }
                            ui.end_row();
                        }
                    }
                });
            }
        }
        FigureBody::Numeric(numeric) => numeric_table_ui(ui, figure, numeric),
    }
    if let Some(p) = publication {
        for note in &p.notes {
            ui.add_space(4.0);
            ui.label(RichText::new(note).color(ui.visuals().warn_fg_color));
        }
    }
    for line in figure.test_lines() {
        ui.add_space(4.0);
        ui.label(RichText::new(line).italics());
    }
    ui.add_space(6.0);
    ui.weak(format!(
        "Secret statistique, dans les exports : (s) effectif de moins de {threshold} répondants \
         masqué ; (c) case masquée pour qu'une autre ne puisse pas être recalculée (secret \
         secondaire). Ici, toutes les valeurs restent visibles."
    ));
}

/// Where a group of the full table goes when published.
enum Fate {
    /// Its own row, at this index of the published table.
    Published(usize),
    /// Merged into the row of this label.
    Merged(String),
    /// Not published.
    Withheld,
}

fn fate_of(groups: Option<&crate::stats::SmallGroups>, row: usize) -> Fate {
    let Some(g) = groups else {
        return Fate::Published(row);
    };
    let last = g.rows.len().saturating_sub(1);
    match g.rows.iter().position(|members| members.contains(&row)) {
        Some(k) if !g.merged.is_empty() && k == last => Fate::Merged(g.other_label.clone()),
        Some(k) => Fate::Published(k),
        None => Fate::Withheld,
    }
}

/// A row's n, marked when exports hide it.
fn n_cell(ui: &mut egui::Ui, n: u64, hidden: bool, threshold: Threshold) {
    if hidden {
        ui.label(RichText::new(format!("{n} (c)")).italics().weak())
            .on_hover_text(format!(
                "n masqué dans les exports : il redonnerait une case de moins de {threshold} \
                 répondants (secret secondaire)"
            ));
    } else {
        ui.label(n.to_string());
    }
}

/// A cell's share (or count), its interval on hover, marked with why exports hide it.
fn cell_ui(
    ui: &mut egui::Ui,
    cell: &crate::stats::crosstab::Cell,
    mark: Option<Suppression>,
    threshold: Threshold,
) {
    let mut text = match cell.pct {
        Some(p) => format!("{p:.0} %"),
        None => cell.count.to_string(),
    };
    let ci = cell
        .ci
        .map(|(lo, hi)| format!(" · IC 95 % : {lo:.0}–{hi:.0} %"))
        .unwrap_or_default();
    let mut hover = format!("{} répondant(s){ci}", cell.count);
    match mark {
        Some(Suppression::Primary) => {
            text.push_str(" (s)");
            hover.push_str(&format!(
                "\nMasqué dans les exports : moins de {threshold} répondants (secret statistique)"
            ));
        }
        Some(Suppression::Secondary) => {
            text.push_str(" (c)");
            hover.push_str(
                "\nMasqué dans les exports pour qu'une case masquée ne puisse pas être recalculée \
                 à partir des totaux (secret secondaire)",
            );
        }
        None => {}
    }
    let rich = if mark.is_some() {
        RichText::new(text).italics().weak()
    } else {
        RichText::new(text)
    };
    ui.label(rich).on_hover_text(hover);
}
