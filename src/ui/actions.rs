//! Every action of the window, in one list: its label, what its tooltip says, its shortcut.
//! Menus, buttons, the shortcut sheet and the tests all read this list (as Rerun's
//! `UICommand` does), so that a label or a shortcut is written once.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::View;

/// Something the user can ask of the window, from a menu, a button or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Create an empty project file.
    NewProject,
    /// Open a project, an evaluation folder or a survey export.
    Open,
    /// Open an evaluation folder (holding `atelier.json`).
    OpenFolder,
    /// Copy the project to another file and go on there.
    SaveAs,
    /// Start the bundled sample afresh.
    ResetSample,
    /// Add survey exports to the project.
    AddFiles,
    /// Put a newer export in place of the selected source.
    ReplaceSource,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// The project's settings (disclosure threshold).
    Preferences,
    /// The register of figures published from the project.
    Register,
    /// The list of shortcuts.
    Shortcuts,
    /// Show a view.
    Show(View),
}

impl Action {
    /// The actions of the « Projet » menu, in order (`None` is a separator).
    pub const PROJECT_MENU: [Option<Action>; 10] = [
        Some(Action::NewProject),
        Some(Action::Open),
        Some(Action::OpenFolder),
        None,
        Some(Action::SaveAs),
        Some(Action::AddFiles),
        None,
        Some(Action::Preferences),
        Some(Action::Register),
        Some(Action::ResetSample),
    ];

    /// Every action that has a shortcut, for the shortcut sheet and the keyboard.
    pub const WITH_SHORTCUTS: [Action; 14] = [
        Action::NewProject,
        Action::Open,
        Action::SaveAs,
        Action::AddFiles,
        Action::Undo,
        Action::Redo,
        Action::Preferences,
        Action::Shortcuts,
        Action::Show(View::Sources),
        Action::Show(View::Coding),
        Action::Show(View::Charts),
        Action::Show(View::Cohort),
        Action::Show(View::Monographs),
        Action::ReplaceSource,
    ];

    /// The label on its button or menu entry.
    pub fn label(self) -> &'static str {
        match self {
            Action::NewProject => "Nouveau projet…",
            Action::Open => "Ouvrir…",
            Action::OpenFolder => "Ouvrir un dossier d'évaluation…",
            Action::SaveAs => "Enregistrer sous…",
            Action::ResetSample => "Réinitialiser l'échantillon",
            Action::AddFiles => "Ajouter des fichiers…",
            Action::ReplaceSource => "Remplacer par une version plus récente…",
            Action::Undo => "Annuler",
            Action::Redo => "Rétablir",
            Action::Preferences => "Préférences…",
            Action::Register => "Registre des publications…",
            Action::Shortcuts => "Raccourcis clavier",
            Action::Show(view) => view.label(),
        }
    }

    /// What the action does, shown on hover.
    pub fn tooltip(self) -> &'static str {
        match self {
            Action::NewProject => {
                "Créer un fichier de projet vide (.atelier), puis y ajouter des exports"
            }
            Action::Open => {
                "Ouvrir un projet (.atelier), un export d'enquête ou le manifeste d'une évaluation ; \
                 un export ou un dossier ouvert devient un projet, où chaque modification est enregistrée"
            }
            Action::OpenFolder => {
                "Ouvrir un dossier d'évaluation (atelier.json) : son projet est ouvert, ou créé dans le dossier"
            }
            Action::SaveAs => "Copier le projet dans un autre fichier et continuer dans la copie",
            Action::ResetSample => {
                "Remettre l'échantillon fourni à neuf : les modifications faites sur l'échantillon sont effacées"
            }
            Action::AddFiles => {
                "Ajouter des exports d'enquête au projet (ou déposez-les sur la fenêtre)"
            }
            Action::ReplaceSource => {
                "Lire une vague plus récente du même questionnaire : les corrections des questions \
                 sont gardées, et un bilan dit ce qui a changé"
            }
            Action::Undo => "Annuler la dernière modification (elle est retirée du projet)",
            Action::Redo => "Rétablir la modification annulée",
            Action::Preferences => "Seuil de secret statistique du projet",
            Action::Register => {
                "Les graphiques, tableaux et monographies publiés depuis ce projet : chaque \
                 nouveau tableau est lu avec eux"
            }
            Action::Shortcuts => "La liste des raccourcis clavier",
            Action::Show(View::Sources) => {
                "Les exports importés, leurs questions et leurs réponses"
            }
            Action::Show(View::Coding) => "Coder les réponses ouvertes et les notes de visite",
            Action::Show(View::Charts) => "Graphiques et tableaux par groupe de répondants",
            Action::Show(View::Cohort) => "Indicateurs de cohorte par réseau et par site",
            Action::Show(View::Monographs) => "Une monographie par site visité",
        }
    }

    /// Its keyboard shortcut.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        let command_shift = |key| {
            Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                key,
            ))
        };
        match self {
            Action::NewProject => command(Key::N),
            Action::Open => command(Key::O),
            Action::SaveAs => command_shift(Key::S),
            Action::AddFiles => command(Key::I),
            Action::ReplaceSource => command_shift(Key::R),
            Action::Undo => command(Key::Z),
            Action::Redo => command_shift(Key::Z),
            Action::Preferences => command(Key::Comma),
            Action::Shortcuts => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F1)),
            Action::Show(view) => command(match view {
                View::Sources => Key::Num1,
                View::Coding => Key::Num2,
                View::Charts => Key::Num3,
                View::Cohort => Key::Num4,
                View::Monographs => Key::Num5,
            }),
            Action::OpenFolder | Action::ResetSample | Action::Register => None,
        }
    }

    /// A second shortcut, for habits from other programs (Ctrl+Y redoes).
    pub fn other_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Action::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
            _ => None,
        }
    }

    /// The shortcut as the user reads it (« Ctrl+Maj+Z »).
    pub fn shortcut_text(self) -> Option<String> {
        let text = |s: KeyboardShortcut| {
            let mut out = String::new();
            if s.modifiers.command || s.modifiers.ctrl {
                out.push_str("Ctrl+");
            }
            if s.modifiers.alt {
                out.push_str("Alt+");
            }
            if s.modifiers.shift {
                out.push_str("Maj+");
            }
            out.push_str(match s.logical_key {
                Key::Comma => ",",
                key => key.name(),
            });
            out
        };
        let first = text(self.shortcut()?);
        Some(match self.other_shortcut() {
            Some(other) => format!("{first} ou {}", text(other)),
            None => first,
        })
    }

    /// The tooltip with the shortcut after it.
    pub fn hover_text(self) -> String {
        match self.shortcut_text() {
            Some(keys) => format!("{} ({keys})", self.tooltip()),
            None => self.tooltip().to_owned(),
        }
    }

    /// Whether the user just pressed this action's shortcut (consumed if so).
    pub fn pressed(self, ctx: &egui::Context) -> bool {
        ctx.input_mut(|i| {
            self.shortcut().is_some_and(|s| i.consume_shortcut(&s))
                || self
                    .other_shortcut()
                    .is_some_and(|s| i.consume_shortcut(&s))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let mut seen = Vec::new();
        for action in Action::WITH_SHORTCUTS {
            for shortcut in [action.shortcut(), action.other_shortcut()]
                .into_iter()
                .flatten()
            {
                assert!(!seen.contains(&shortcut), "{action:?} reuses a shortcut");
                seen.push(shortcut);
            }
        }
        assert_eq!(
            Action::Redo.shortcut_text().as_deref(),
            Some("Ctrl+Maj+Z ou Ctrl+Y")
        );
    }
}
