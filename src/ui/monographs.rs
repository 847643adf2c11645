//! The Monographies panel, as far as it goes today: the figures placed from Graphiques,
//! kept in the project, each of which can be taken out again. Assembling and exporting the
//! monographs themselves comes next.

use egui::RichText;

use crate::session::{AppState, Command};

/// View state of the Monographies panel.
#[derive(Default)]
pub struct MonographsPanel;

impl MonographsPanel {
    /// Draw the panel; taking a figure out is a command.
    pub fn ui(&mut self, ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
        ui.heading("Monographies");
        ui.label(
            "Une monographie par site visité, avec ses notes codées, ses graphiques et ses \
             chiffres de cohorte : l'assemblage et l'export arrivent dans une prochaine version.",
        );
        ui.add_space(8.0);
        ui.strong(format!("Figures placées ({})", state.figures.len()));
        if state.figures.is_empty() {
            ui.weak("Placez un graphique depuis Graphiques avec « Ajouter à la monographie ».");
            return;
        }
        let sites = &state.evaluation.manifest.sites;
        egui::Grid::new("placed_figures")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                ui.strong("Question");
                ui.strong("Comparée par");
                ui.strong("Site");
                ui.label("");
                ui.end_row();
                for (index, figure) in state.figures.iter().enumerate() {
                    let text = state
                        .evaluation
                        .find(&figure.qid)
                        .map(|(_, q)| crate::figures::short_text(&q.text))
                        .unwrap_or_else(|| "question introuvable".to_owned());
                    ui.label(format!("{} · {text}", figure.qid));
                    ui.label(figure.by.as_deref().unwrap_or("ensemble"));
                    let site = figure.site.as_ref().map_or("tous", |id| {
                        sites
                            .iter()
                            .find(|s| &s.id == id)
                            .map_or(id.as_str(), |s| s.name.as_str())
                    });
                    ui.label(site);
                    if ui
                        .add_enabled(
                            state.read_only().is_none(),
                            egui::Button::new(RichText::new("Retirer").small()),
                        )
                        .on_hover_text("Retirer cette figure des monographies (Ctrl+Z la remet)")
                        .clicked()
                    {
                        commands.push(Command::RemoveFigure { index });
                    }
                    ui.end_row();
                }
            });
    }
}
