//! The Sources panel: loaded exports, running imports, a source's questions and its grid.

use egui::{Color32, RichText};

use super::JobView;
use super::actions::Action as AppAction;
use crate::import::inspect::kind_label;
use crate::model::cell::cell_text;
use crate::model::{Correction, Survey};
use crate::model::{Question, QuestionKind};
use crate::session::{AppState, Command};

/// What the panel asks the app to do beyond commands.
pub enum Action {
    /// One of the window's actions (add files, replace the selected source).
    Do(AppAction),
    /// Cancel the job at this index.
    Cancel(usize),
    /// Forget the errors shown.
    DismissErrors,
}

/// View state of the Sources panel.
#[derive(Default)]
pub struct SourcesPanel {
    selected_source: usize,
    selected_question: usize,
    filter: String,
}

const GRID_COLUMN_WIDTH: f32 = 170.0;
/// Colour of pseudonymised columns and of the notice about them.
const PSEUDONYMISED: Color32 = Color32::from_rgb(0x1b, 0x7a, 0x3d);
const GRID_ROW_NUMBER_WIDTH: f32 = 56.0;

impl SourcesPanel {
    /// Select the most recently added source.
    pub fn select_last(&mut self, state: &AppState) {
        self.selected_source = state.evaluation.sources.len().saturating_sub(1);
        self.selected_question = 0;
    }

    /// Select the first source.
    pub fn select_first(&mut self) {
        self.selected_source = 0;
        self.selected_question = 0;
    }

    /// The selected source's index.
    pub fn selected(&self) -> usize {
        self.selected_source
    }

    /// Keep the selection within what exists.
    pub fn clamp(&mut self, state: &AppState) {
        self.selected_source = self
            .selected_source
            .min(state.evaluation.sources.len().saturating_sub(1));
        let questions = state
            .evaluation
            .sources
            .get(self.selected_source)
            .map_or(0, |s| s.survey.questions.len());
        self.selected_question = self.selected_question.min(questions.saturating_sub(1));
    }

    /// Draw the panel.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        jobs: &[JobView],
        errors: &[String],
        commands: &mut Vec<Command>,
    ) -> Option<Action> {
        let mut action = None;
        egui::Panel::left("source_list")
            .resizable(true)
            .default_size(250.0)
            .min_size(180.0)
            .show(ui, |ui| {
                action = self.list_ui(ui, state, jobs, errors, commands);
            });
        let Some(source) = state.evaluation.sources.get(self.selected_source) else {
            empty_ui(ui);
            return action;
        };
        let survey = &source.survey;
        self.header_ui(ui, survey);
        sites_ui(ui, state, source);
        ui.separator();
        egui::Panel::left("question_list")
            .resizable(true)
            .default_size(460.0)
            .min_size(300.0)
            .show(ui, |ui| {
                self.questions_ui(ui, survey, commands);
            });
        grid_ui(ui, survey);
        action
    }

    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        jobs: &[JobView],
        errors: &[String],
        commands: &mut Vec<Command>,
    ) -> Option<Action> {
        let mut action = None;
        ui.add_space(4.0);
        ui.strong("Fichiers importés");
        let writable = state.read_only().is_none() && state.project().is_some();
        if ui
            .add_enabled(writable, egui::Button::new(AppAction::AddFiles.label()))
            .on_hover_text(AppAction::AddFiles.hover_text())
            .clicked()
        {
            action = Some(Action::Do(AppAction::AddFiles));
        }
        ui.add_space(4.0);
        for (i, job) in jobs.iter().enumerate() {
            ui.group(|ui| {
                ui.label(RichText::new(&job.title).strong());
                let bar = egui::ProgressBar::new(job.done).text(format!(
                    "{} · {:.0} %",
                    job.stage,
                    job.done * 100.0
                ));
                ui.add(bar);
                let cancel = egui::Button::new(if job.cancelling {
                    "Arrêt en cours…"
                } else {
                    "Arrêter"
                });
                if ui.add_enabled(!job.cancelling, cancel).clicked() {
                    action = Some(Action::Cancel(i));
                }
            });
        }
        egui::ScrollArea::vertical()
            .id_salt("sources_scroll")
            .show(ui, |ui| {
                for (i, source) in state.evaluation.sources.iter().enumerate() {
                    let survey = &source.survey;
                    let title = if source.group_label.is_empty() {
                        survey.raw.file_name.clone()
                    } else {
                        format!("{}\n{}", source.group_label, survey.raw.file_name)
                    };
                    let text = format!(
                        "{title}\n{} · {} répondants · {} questions",
                        survey.layout().label(),
                        survey.respondents(),
                        survey.questions.len()
                    );
                    let selected = i == self.selected_source;
                    if ui.selectable_label(selected, text).clicked() {
                        self.selected_source = i;
                        self.selected_question = 0;
                    }
                }
                if let Some(selected) = state.evaluation.sources.get(self.selected_source) {
                    ui.add_space(6.0);
                    if ui
                        .add_enabled(
                            writable,
                            egui::Button::new(AppAction::ReplaceSource.label()).small(),
                        )
                        .on_hover_text(AppAction::ReplaceSource.hover_text())
                        .clicked()
                    {
                        action = Some(Action::Do(AppAction::ReplaceSource));
                    }
                    if ui
                        .add_enabled(writable, egui::Button::new("Retirer cette source").small())
                        .on_hover_text(format!(
                            "Retirer {} du projet (Ctrl+Z le remet)",
                            selected.survey.raw.file_name
                        ))
                        .clicked()
                    {
                        commands.push(Command::RemoveSource {
                            index: self.selected_source,
                        });
                    }
                }
                if !errors.is_empty() {
                    ui.add_space(8.0);
                    ui.label(
                        RichText::new("Problèmes")
                            .color(ui.visuals().error_fg_color)
                            .strong(),
                    );
                    for e in errors {
                        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
                    }
                    if ui.small_button("Effacer").clicked() {
                        action = Some(Action::DismissErrors);
                    }
                }
            });
        action
    }

    fn header_ui(&self, ui: &mut egui::Ui, survey: &Survey) {
        let raw = &survey.raw;
        ui.horizontal_wrapped(|ui| {
            ui.heading(&raw.file_name);
            ui.separator();
            ui.label(format!("Outil : {}", survey.layout().label()));
            ui.separator();
            let mut format = raw.format.name().to_owned();
            if let Some(sheet) = &raw.sheet {
                format.push_str(&format!(" · feuille « {sheet} »"));
            }
            if let Some(encoding) = raw.encoding {
                format.push_str(&format!(" · encodage {encoding}"));
            }
            ui.label(format);
            ui.separator();
            ui.label(format!("{} répondants", survey.respondents()));
        });
        let personal = survey.personal_columns();
        if !personal.is_empty() {
            let names: Vec<String> = personal
                .iter()
                .map(|(h, k)| format!("{h} ({})", k.label_fr()))
                .collect();
            ui.label(
                RichText::new(format!(
                    "Données personnelles pseudonymisées : {}",
                    names.join(", ")
                ))
                .color(PSEUDONYMISED),
            );
        }
        let metadata = survey.metadata_columns();
        if !metadata.is_empty() {
            ui.weak(format!(
                "Colonnes de gestion mises à part : {}",
                metadata.join(" · ")
            ));
        }
        if !survey.warnings.is_empty() {
            egui::CollapsingHeader::new(format!("{} avertissement(s)", survey.warnings.len()))
                .id_salt("warnings")
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .max_height(120.0)
                        .show(ui, |ui| {
                            for w in &survey.warnings {
                                let mut place = String::new();
                                if let Some(r) = w.row {
                                    place.push_str(&format!("ligne {r} "));
                                }
                                if let Some(c) = &w.column {
                                    place.push_str(&format!("« {c} » "));
                                }
                                ui.label(format!("{place}{}", w.message));
                            }
                        });
                });
        }
    }

    fn questions_ui(&mut self, ui: &mut egui::Ui, survey: &Survey, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label("Rechercher").id;
            ui.text_edit_singleline(&mut self.filter).labelled_by(label);
        });
        let needle = self.filter.to_lowercase();
        egui::ScrollArea::vertical()
            .id_salt("question_list_scroll")
            .max_height(ui.available_height() * 0.42)
            .show(ui, |ui| {
                for (i, q) in survey.questions.iter().enumerate() {
                    if !needle.is_empty()
                        && !q.text.to_lowercase().contains(&needle)
                        && !q.id.to_lowercase().contains(&needle)
                    {
                        continue;
                    }
                    let corrected = survey.corrections.contains_key(&q.id);
                    let mut text = format!(
                        "{} · {}{} · n = {}",
                        q.id,
                        kind_label(q.kind),
                        if corrected { " (corrigé)" } else { "" },
                        q.n,
                    );
                    if q.text != q.id {
                        text.push('\n');
                        text.push_str(&q.text);
                    }
                    if ui
                        .selectable_label(i == self.selected_question, text)
                        .clicked()
                    {
                        self.selected_question = i;
                    }
                }
            });
        ui.separator();
        if let Some(q) = survey.questions.get(self.selected_question) {
            egui::ScrollArea::vertical()
                .id_salt("question_detail_scroll")
                .show(ui, |ui| {
                    question_detail_ui(
                        ui,
                        survey,
                        self.selected_source_index(),
                        self.selected_question,
                        q,
                        commands,
                    );
                });
        }
    }

    fn selected_source_index(&self) -> usize {
        self.selected_source
    }
}

fn empty_ui(ui: &mut egui::Ui) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.heading("Aucune source");
        ui.label(
            "Ouvrez un projet ou une évaluation (menu Projet), ou ajoutez des exports d'enquête",
        );
        ui.label(
            "(xlsx, ods, csv…) avec « Ajouter des fichiers… » ou en les déposant sur la fenêtre.",
        );
        ui.label("LimeSurvey, SurveyMonkey, Google Forms et KoboToolbox sont reconnus.");
    });
}

fn question_detail_ui(
    ui: &mut egui::Ui,
    survey: &Survey,
    source: usize,
    index: usize,
    q: &Question,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(&q.text).strong());
    ui.weak(format!(
        "{} · {} colonne(s) · {} répondants",
        q.id,
        q.columns.len(),
        q.n
    ));
    if crate::coding::variables::is_coded(q) {
        ui.label("Question codée : ses options sont les codes appliqués à ses réponses (Codage) ; un répondant compte une fois par code.");
        options_table_ui(ui, q);
        return;
    }
    let current = survey.corrections.get(&q.id).cloned().unwrap_or_default();
    ui.horizontal(|ui| {
        let type_label = ui.label("Type").id;
        let mut kind = q.kind;
        egui::ComboBox::from_id_salt("question_kind")
            .selected_text(kind_label(kind))
            .show_ui(ui, |ui| {
                for k in QuestionKind::ALL {
                    ui.selectable_value(&mut kind, k, kind_label(k));
                }
            })
            .response
            .labelled_by(type_label);
        if kind != q.kind {
            let inferred = survey.inferred.get(index).map(|i| i.kind);
            let correction = Correction {
                kind: (Some(kind) != inferred).then_some(kind),
                scale: None,
            };
            commands.push(Command::CorrectQuestion {
                source,
                question: index,
                correction,
            });
        }
        if current != Correction::default() && ui.button("Rétablir la détection").clicked() {
            commands.push(Command::CorrectQuestion {
                source,
                question: index,
                correction: Correction::default(),
            });
        }
    });
    if q.is_ordered() {
        scale_editor_ui(ui, q, &current, source, index, commands);
    }
    ui.add_space(6.0);
    match q.kind {
        QuestionKind::Likert => likert_table_ui(ui, q),
        QuestionKind::Single | QuestionKind::Multiple => options_table_ui(ui, q),
        QuestionKind::Numeric => {
            if let Some(mean) = q.mean() {
                ui.label(format!("Moyenne : {mean:.2}"));
            }
        }
        QuestionKind::Open | QuestionKind::Date => {}
    }
    if !q.other.is_empty() {
        ui.label(format!(
            "Autre (texte libre) : {} réponse(s)",
            q.other.len()
        ));
    }
}

fn scale_editor_ui(
    ui: &mut egui::Ui,
    q: &Question,
    current: &Correction,
    source: usize,
    index: usize,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label("Échelle, de la plus favorable à la moins favorable");
        if ui
            .button("Inverser")
            .on_hover_text("Retourner l'ordre de l'échelle")
            .clicked()
        {
            let mut scale = q.scale().to_vec();
            scale.reverse();
            commands.push(Command::CorrectQuestion {
                source,
                question: index,
                correction: Correction {
                    kind: current.kind,
                    scale: Some(scale),
                },
            });
        }
    });
    let scale = q.scale();
    for (i, label) in scale.iter().enumerate() {
        ui.horizontal(|ui| {
            let up = ui.add_enabled(i > 0, egui::Button::new("Monter").small());
            let down = ui.add_enabled(i + 1 < scale.len(), egui::Button::new("Descendre").small());
            ui.label(format!("{}. {label}", i + 1));
            let swap = if up.clicked() {
                Some(i - 1)
            } else if down.clicked() {
                Some(i + 1)
            } else {
                None
            };
            if let Some(j) = swap {
                let mut order = scale.to_vec();
                order.swap(i, j);
                commands.push(Command::CorrectQuestion {
                    source,
                    question: index,
                    correction: Correction {
                        kind: current.kind,
                        scale: Some(order),
                    },
                });
            }
        });
    }
    let apart = &q.labels[q.scale_len.min(q.labels.len())..];
    if !apart.is_empty() {
        ui.weak(format!("Hors échelle : {}", apart.join(", ")));
    }
}

fn percent(count: usize, n: usize) -> String {
    if n == 0 {
        "–".to_owned()
    } else {
        crate::model::french::percent(100.0 * count as f64 / n as f64, 0)
    }
}

fn options_table_ui(ui: &mut egui::Ui, q: &Question) {
    let Some(item) = q.items.first() else { return };
    let counts = q.label_counts(item);
    let of_whom = if q.kind == QuestionKind::Multiple {
        "% des répondants à la question (plusieurs réponses possibles)"
    } else {
        "% des répondants à la question"
    };
    ui.weak(format!("n = {} · {of_whom}", q.n));
    egui::Grid::new("options")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong("Réponse");
            ui.strong("Effectif");
            ui.strong("%");
            ui.end_row();
            for (label, count) in q.labels.iter().zip(counts) {
                ui.label(label);
                ui.label(count.to_string());
                ui.label(percent(count, q.n));
                ui.end_row();
            }
        });
}

fn likert_table_ui(ui: &mut egui::Ui, q: &Question) {
    ui.weak(format!("{} item(s) · effectifs par réponse", q.items.len()));
    egui::ScrollArea::horizontal()
        .id_salt("likert_table")
        .show(ui, |ui| {
            egui::Grid::new("likert").striped(true).show(ui, |ui| {
                ui.strong("Item");
                for label in &q.labels {
                    ui.strong(label);
                }
                ui.strong("n");
                ui.end_row();
                for item in &q.items {
                    ui.label(if item.label.is_empty() {
                        "(réponses)"
                    } else {
                        item.label.as_str()
                    });
                    for count in q.label_counts(item) {
                        ui.label(count.to_string());
                    }
                    ui.label(Question::item_n(item).to_string());
                    ui.end_row();
                }
            });
        });
}

/// The respondent grid: one row per respondent, one column per column of the file, drawn
/// only for the rows on screen so that 100,000 rows scroll smoothly. The heading row stays
/// in place while the rows scroll under it.
fn grid_ui(ui: &mut egui::Ui, survey: &Survey) {
    let headings = &survey.plan.headings;
    let personal: Vec<usize> = survey.plan.personal.iter().map(|&(c, _)| c).collect();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    ui.label(RichText::new(format!("Réponses · {} lignes", survey.respondents())).strong());
    egui::ScrollArea::horizontal()
        .id_salt("respondent_grid_h")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                cell_ui(
                    ui,
                    GRID_ROW_NUMBER_WIDTH,
                    row_height,
                    RichText::new("#").strong(),
                );
                for (c, heading) in headings.iter().enumerate() {
                    let mut text = RichText::new(heading).strong();
                    if personal.contains(&c) {
                        text = text.color(PSEUDONYMISED);
                    }
                    cell_ui(ui, GRID_COLUMN_WIDTH, row_height, text).on_hover_text(heading);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("respondent_grid_v")
                .auto_shrink([false, false])
                .show_rows(ui, row_height, survey.respondents(), |ui, rows| {
                    for r in rows {
                        let Some(&raw_row) = survey.respondent_rows.get(r) else {
                            continue;
                        };
                        ui.horizontal(|ui| {
                            ui.spacing_mut().item_spacing.x = 4.0;
                            cell_ui(
                                ui,
                                GRID_ROW_NUMBER_WIDTH,
                                row_height,
                                RichText::new((r + 1).to_string()).weak(),
                            );
                            for c in 0..headings.len() {
                                let text =
                                    cell_text(survey.raw.cell(raw_row, c)).unwrap_or_default();
                                let mut text = RichText::new(text.as_ref());
                                if personal.contains(&c) {
                                    text = text.color(PSEUDONYMISED);
                                }
                                cell_ui(ui, GRID_COLUMN_WIDTH, row_height, text);
                            }
                        });
                    }
                });
        });
}

/// One grid cell: a fixed-width, left-aligned, truncated label.
fn cell_ui(ui: &mut egui::Ui, width: f32, height: f32, text: RichText) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_width(width);
            ui.add(egui::Label::new(text).truncate())
        },
    )
    .inner
}

/// How many respondents of the selected source each visited site has.
fn sites_ui(ui: &mut egui::Ui, state: &AppState, source: &crate::session::LoadedSource) {
    if state.evaluation.manifest.sites.is_empty() {
        return;
    }
    let mut counts = vec![0usize; state.evaluation.manifest.sites.len()];
    for site in source.site_of_respondent.iter().flatten() {
        if let Some(c) = counts.get_mut(*site) {
            *c += 1;
        }
    }
    let linked: usize = counts.iter().sum();
    egui::CollapsingHeader::new(format!(
        "{} · {linked} répondant(s) rattaché(s) à un site visité",
        if source.group_label.is_empty() {
            "Source"
        } else {
            source.group_label.as_str()
        }
    ))
    .id_salt("sites_of_source")
    .show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for (site, count) in state.evaluation.manifest.sites.iter().zip(&counts) {
                if *count > 0 {
                    let text = format!("{} : {count}", site.name);
                    if *count < 5 {
                        ui.label(RichText::new(text).color(ui.visuals().warn_fg_color))
                            .on_hover_text(
                                "Moins de 5 répondants : chiffres à ne pas publier seuls",
                            );
                    } else {
                        ui.label(text);
                    }
                    ui.separator();
                }
            }
        });
    });
}
