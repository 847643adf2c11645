//! The views that later work fills: each says what it will hold.

use super::View;

/// Explain what a view not yet built will hold.
pub fn ui(ui: &mut egui::Ui, view: View) {
    let (title, lines): (&str, &[&str]) = match view {
        View::Sources => ("Sources", &[]),
        View::Coding => (
            "Codage",
            &[
                "Coder les réponses ouvertes et les notes de visite avec un livre de codes.",
                "Requêtes de codage, accord entre codeurs, échange REFI-QDA.",
            ],
        ),
        View::Charts => (
            "Graphiques",
            &[
                "Perceptions par groupe de répondants : barres divergentes pour les échelles de Likert,",
                "barres groupées pour les choix, avec n, intervalles et secret statistique.",
            ],
        ),
        View::Cohort => (
            "Cohortes",
            &[
                "Indicateurs des extractions nationales (Pôle emploi, Missions locales) :",
                "entrées par phase, sorties, sorties positives, pertes, par réseau et par site.",
            ],
        ),
        View::Monographs => (
            "Monographies",
            &[
                "Une monographie par site visité, avec ses notes codées, ses graphiques",
                "et ses chiffres de cohorte, exportée en DOCX, HTML ou Markdown.",
            ],
        ),
    };
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        ui.heading(title);
        ui.add_space(8.0);
        for line in lines {
            ui.label(*line);
        }
        ui.add_space(8.0);
        ui.weak("Ce panneau arrive dans une prochaine version.");
    });
}
