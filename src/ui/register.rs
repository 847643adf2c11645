//! The register of published figures, as a window (from the « Projet » menu or
//! Graphiques), and the warning shown when an export, read with what is already out, would
//! give hidden cells back.

use egui::RichText;

use crate::session::AppState;

/// The register: every figure the project published, newest first, with its question,
/// cut, site filter, format, file name and time.
pub fn register_window(ctx: &egui::Context, state: &AppState, open: &mut bool) {
    egui::Window::new("Registre des publications")
        .open(open)
        .collapsible(false)
        .default_width(760.0)
        .show(ctx, |ui| {
            ui.label(
                "Chaque graphique, tableau ou monographie exporté depuis ce projet. Un nouveau \
                 tableau est lu avec ceux qui sont déjà publiés : s'il permettait de recalculer \
                 une case masquée, Atelier prévient avant de l'écrire.",
            );
            ui.add_space(6.0);
            if state.register.is_empty() {
                ui.weak("Rien n'a encore été publié depuis ce projet.");
                return;
            }
            egui::ScrollArea::vertical()
                .max_height(480.0)
                .show(ui, |ui| {
                    egui::Grid::new("register_grid")
                        .striped(true)
                        .show(ui, |ui| {
                            for heading in [
                                "Date (UTC)",
                                "Question",
                                "Selon",
                                "Site",
                                "Format",
                                "Fichier",
                            ] {
                                ui.strong(heading);
                            }
                            ui.end_row();
                            for entry in state.register.iter().rev() {
                                let figure = &entry.figure;
                                ui.label(&entry.at);
                                let text = question_text(state, &figure.qid);
                                ui.label(crate::figures::short_text(&text))
                                    .on_hover_text(format!("{text} ({})", figure.qid));
                                ui.label(cut_label(figure.by.as_deref()));
                                let site = figure
                                    .site
                                    .as_deref()
                                    .map_or_else(|| "Tous".to_owned(), |id| site_name(state, id));
                                ui.label(site);
                                ui.label(&entry.format);
                                ui.label(&entry.file);
                                ui.end_row();
                            }
                        });
                });
        });
}

/// Ask whether to write an export the register warns about: `Some(true)` to write it as
/// it is, `Some(false)` to give it up, `None` while undecided.
pub fn exposed_window(ctx: &egui::Context, warning: &str) -> Option<bool> {
    let mut decided = None;
    egui::Window::new("Secret statistique : tableaux liés")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.label(
                RichText::new(format!("Attention : {warning}")).color(ui.visuals().warn_fg_color),
            );
            ui.add_space(4.0);
            ui.label(
                "Un lecteur qui dispose des deux tableaux retrouverait ces valeurs en les \
                 additionnant. Vous pouvez renoncer à cet export (publier plutôt l'autre \
                 découpage seul), ou l'écrire tout de même.",
            );
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button("Ne pas exporter").clicked() {
                    decided = Some(false);
                }
                if ui.button("Exporter quand même").clicked() {
                    decided = Some(true);
                }
            });
        });
    decided
}

fn question_text(state: &AppState, qid: &str) -> String {
    let evaluation = &state.evaluation;
    evaluation
        .sources
        .iter()
        .flat_map(|s| s.survey.questions.iter().map(move |q| (s, q)))
        .find(|(s, q)| evaluation.qid(s, q) == qid)
        .map_or_else(|| qid.to_owned(), |(_, q)| q.text.clone())
}

fn cut_label(by: Option<&str>) -> String {
    match by {
        None => "Ensemble".to_owned(),
        Some("group") => "Groupe de répondants".to_owned(),
        Some("network") => "Réseau".to_owned(),
        Some("role") => "Rôle".to_owned(),
        Some("site") => "Site visité".to_owned(),
        Some("region") => "Région".to_owned(),
        Some(other) => other.to_owned(),
    }
}

fn site_name(state: &AppState, id: &str) -> String {
    state
        .evaluation
        .manifest
        .sites
        .iter()
        .find(|s| s.id == id)
        .map_or_else(|| id.to_owned(), |s| s.name.clone())
}
