//! The codebook as a tree: each code with its colour, its number of codings and its key; a
//! « Coder » button applies it to what is selected; its menu (right click) renames, defines,
//! moves, merges or deletes it. The codebook goes out to and comes in from other tools as a
//! REFI-QDA file.

use std::collections::{HashMap, HashSet};

use egui::RichText;

use super::{Ask, Context, swatch};
use crate::coding::changes::{self, CodingChange};
use crate::coding::refi;
use crate::model::coding::{Code, CodeDefinition, CodeId, Rgb};

/// View state of the codebook tree.
#[derive(Default)]
pub struct CodebookView {
    collapsed: HashSet<CodeId>,
    filter: String,
    counts: HashMap<CodeId, usize>,
    counted_for: Option<u64>,
    editor: Option<Editor>,
    deleting: Option<CodeId>,
    new_name: Option<(Option<CodeId>, String)>,
}

/// A code being defined in its window.
struct Editor {
    id: CodeId,
    name: String,
    color: [u8; 3],
    definition: CodeDefinition,
    shortcut: String,
    codable: bool,
}

impl CodebookView {
    /// Draw the tree. `can_code` says whether a « Coder » button has something to code.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Context<'_>,
        selected: Option<CodeId>,
        can_code: bool,
        asked: &mut Vec<Ask>,
    ) {
        let work = &cx.state.evaluation.coding;
        if self.counted_for != Some(cx.state.version) {
            self.counts.clear();
            for coding in work.codings.values() {
                *self.counts.entry(coding.code).or_default() += 1;
            }
            self.counted_for = Some(cx.state.version);
        }
        let writable = cx.state.read_only().is_none();
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.strong("Livre de codes");
            ui.weak(format!("{} codes", work.codebook.codes.len()));
        });
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(writable, egui::Button::new("Nouveau thème").small())
                .clicked()
            {
                self.new_name = Some((None, String::new()));
            }
            if ui
                .add_enabled(
                    writable && selected.is_some(),
                    egui::Button::new("Nouveau sous-code").small(),
                )
                .clicked()
            {
                self.new_name = Some((selected, String::new()));
            }
            if ui
                .add_enabled(writable, egui::Button::new("Importer…").small())
                .on_hover_text("Un livre de codes REFI-QDA (.qdc) de MAXQDA, NVivo, ATLAS.ti, QualCoder ou Taguette : les codes existants sont mis à jour, aucun n'est perdu")
                .clicked()
            {
                import(cx, asked);
            }
            if ui
                .add_enabled(!work.codebook.codes.is_empty(), egui::Button::new("Exporter…").small())
                .on_hover_text("Le livre de codes en REFI-QDA (.qdc), pour d'autres logiciels")
                .clicked()
            {
                export(cx, asked);
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Filtrer").id;
            ui.text_edit_singleline(&mut self.filter).labelled_by(label);
        });
        if let Some((parent, name)) = &mut self.new_name {
            let mut done = None;
            ui.horizontal(|ui| {
                let response = ui.add(
                    egui::TextEdit::singleline(name)
                        .hint_text("nom du code")
                        .desired_width(150.0),
                );
                response.request_focus();
                if ui.small_button("Créer").clicked()
                    || (response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                {
                    done = Some(true);
                }
                if ui.small_button("Annuler").clicked() {
                    done = Some(false);
                }
            });
            match done {
                Some(true) => {
                    match changes::create_code(work, *parent, name) {
                        Ok((id, change)) => {
                            asked.push(Ask::Change(change));
                            asked.push(Ask::Select(id));
                        }
                        Err(e) => asked.push(Ask::Message(e.to_string())),
                    }
                    self.new_name = None;
                }
                Some(false) => self.new_name = None,
                None => {}
            }
        }
        ui.separator();
        let needle = crate::model::french::fold(&self.filter);
        egui::ScrollArea::vertical()
            .id_salt("codebook_tree")
            .show(ui, |ui| {
                let mut hidden_below: Option<usize> = None;
                for (code, depth) in work.codebook.in_order() {
                    if let Some(d) = hidden_below {
                        if depth > d {
                            continue;
                        }
                        hidden_below = None;
                    }
                    if self.collapsed.contains(&code.id) {
                        hidden_below = Some(depth);
                    }
                    if !needle.is_empty()
                        && !crate::model::french::fold(&code.name).contains(&needle)
                    {
                        continue;
                    }
                    self.row_ui(ui, cx, code, depth, selected, can_code && writable, asked);
                }
            });
        self.editor_ui(ui.ctx(), cx, asked);
        self.delete_ui(ui.ctx(), cx, asked);
    }

    #[allow(clippy::too_many_arguments)] // one row of the tree needs all of it
    fn row_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Context<'_>,
        code: &Code,
        depth: usize,
        selected: Option<CodeId>,
        can_code: bool,
        asked: &mut Vec<Ask>,
    ) {
        let work = &cx.state.evaluation.coding;
        let has_children = !work.codebook.children(Some(code.id)).is_empty();
        ui.horizontal(|ui| {
            ui.add_space(depth as f32 * 14.0);
            if has_children {
                let open = !self.collapsed.contains(&code.id);
                if ui
                    .small_button(if open { "-" } else { "+" })
                    .on_hover_text(if open { "Replier" } else { "Déplier" })
                    .clicked()
                {
                    if open {
                        self.collapsed.insert(code.id);
                    } else {
                        self.collapsed.remove(&code.id);
                    }
                }
            }
            swatch(ui, code.color);
            let mut text = RichText::new(&code.name);
            if !code.codable {
                text = text.strong();
            }
            let count = self.counts.get(&code.id).copied().unwrap_or(0);
            let response = ui
                .selectable_label(selected == Some(code.id), text)
                .on_hover_text(hover(code));
            if response.clicked() {
                asked.push(Ask::Select(code.id));
            }
            if response.double_clicked() {
                self.open_editor(code);
            }
            if count > 0 {
                ui.weak(count.to_string());
            }
            if let Some(key) = code.shortcut {
                ui.monospace(key.to_string());
            }
            if code.codable
                && ui
                    .add_enabled(can_code, egui::Button::new("Coder").small())
                    .on_hover_text(format!(
                        "Appliquer « {} » à la réponse ou au passage choisi",
                        code.name
                    ))
                    .clicked()
            {
                asked.push(Ask::Apply(code.id));
            }
            response.context_menu(|ui| self.menu_ui(ui, cx, code, asked));
        });
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui, cx: &Context<'_>, code: &Code, asked: &mut Vec<Ask>) {
        let work = &cx.state.evaluation.coding;
        let book = &work.codebook;
        if ui.button("Définir, renommer, colorer…").clicked() {
            self.open_editor(code);
            ui.close();
        }
        if ui.button("Nouveau sous-code").clicked() {
            self.new_name = Some((Some(code.id), String::new()));
            ui.close();
        }
        let siblings = book.children(code.parent);
        let at = siblings.iter().position(|c| c.id == code.id).unwrap_or(0);
        if ui
            .add_enabled(at > 0, egui::Button::new("Monter"))
            .clicked()
        {
            push(
                asked,
                changes::move_code(work, code.id, code.parent, at - 1),
            );
            ui.close();
        }
        if ui
            .add_enabled(at + 1 < siblings.len(), egui::Button::new("Descendre"))
            .clicked()
        {
            push(
                asked,
                changes::move_code(work, code.id, code.parent, at + 1),
            );
            ui.close();
        }
        ui.menu_button("Ranger sous…", |ui| {
            if ui.button("(en tête du livre de codes)").clicked() {
                push(asked, changes::move_code(work, code.id, None, usize::MAX));
                ui.close();
            }
            let below = book.subtree(code.id);
            for (other, depth) in book.in_order() {
                if below.contains(&other.id) || Some(other.id) == code.parent {
                    continue;
                }
                let label = format!("{}{}", "  ".repeat(depth), other.name);
                if ui.button(label).clicked() {
                    push(
                        asked,
                        changes::move_code(work, code.id, Some(other.id), usize::MAX),
                    );
                    ui.close();
                }
            }
        });
        ui.menu_button("Fusionner dans…", |ui| {
            ui.weak("Les codages suivent ; Ctrl+Z annule");
            let below = book.subtree(code.id);
            for (other, depth) in book.in_order() {
                if below.contains(&other.id) {
                    continue;
                }
                let label = format!("{}{}", "  ".repeat(depth), other.name);
                if ui.button(label).clicked() {
                    push(asked, changes::merge(work, code.id, other.id));
                    ui.close();
                }
            }
        });
        if ui.button("Segments codés").clicked() {
            let ids = work
                .codings
                .values()
                .filter(|c| book.subtree(code.id).contains(&c.code))
                .map(|c| c.id)
                .collect();
            asked.push(Ask::Select(code.id));
            asked.push(Ask::ShowSegments(ids));
            ui.close();
        }
        if ui.button("Autocodage…").clicked() {
            asked.push(Ask::Select(code.id));
            asked.push(Ask::Autocode);
            ui.close();
        }
        ui.separator();
        if ui.button("Supprimer…").clicked() {
            self.deleting = Some(code.id);
            ui.close();
        }
    }

    fn open_editor(&mut self, code: &Code) {
        self.editor = Some(Editor {
            id: code.id,
            name: code.name.clone(),
            color: [code.color.0, code.color.1, code.color.2],
            definition: code.description.clone(),
            shortcut: code.shortcut.map(String::from).unwrap_or_default(),
            codable: code.codable,
        });
    }

    fn editor_ui(&mut self, ctx: &egui::Context, cx: &Context<'_>, asked: &mut Vec<Ask>) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let work = &cx.state.evaluation.coding;
        let mut open = true;
        let mut save = false;
        egui::Window::new("Définir le code")
            .open(&mut open)
            .default_width(460.0)
            .show(ctx, |ui| {
                egui::Grid::new("code_editor")
                    .num_columns(2)
                    .show(ui, |ui| {
                        ui.label("Nom");
                        ui.text_edit_singleline(&mut editor.name);
                        ui.end_row();
                        ui.label("Couleur");
                        egui::color_picker::color_edit_button_srgb(ui, &mut editor.color);
                        ui.end_row();
                        ui.label("Touche");
                        ui.add(
                            egui::TextEdit::singleline(&mut editor.shortcut)
                                .char_limit(1)
                                .desired_width(30.0)
                                .hint_text("a–z"),
                        );
                        ui.end_row();
                        ui.label("S'applique");
                        ui.checkbox(
                            &mut editor.codable,
                            "aux passages (sinon : regroupe des codes)",
                        );
                        ui.end_row();
                    });
                for (label, text) in [
                    ("Définition", &mut editor.definition.definition),
                    ("Quand l'utiliser", &mut editor.definition.when_to_use),
                    ("Quand ne pas l'utiliser", &mut editor.definition.when_not),
                    ("Exemple", &mut editor.definition.example),
                ] {
                    ui.label(label);
                    ui.add(
                        egui::TextEdit::multiline(text)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    );
                }
                save = ui.button("Enregistrer").clicked();
            });
        if save {
            match edited_code(work, editor) {
                Ok(change) => {
                    if !change.is_empty() {
                        asked.push(Ask::Change(change));
                    }
                    self.editor = None;
                }
                Err(message) => asked.push(Ask::Message(message)),
            }
        } else if !open {
            self.editor = None;
        }
    }

    fn delete_ui(&mut self, ctx: &egui::Context, cx: &Context<'_>, asked: &mut Vec<Ask>) {
        let Some(id) = self.deleting else { return };
        let work = &cx.state.evaluation.coding;
        let Some(code) = work.codebook.get(id) else {
            self.deleting = None;
            return;
        };
        let below = work.codebook.subtree(id);
        let codings = work
            .codings
            .values()
            .filter(|c| below.contains(&c.code))
            .count();
        let mut decided = None;
        egui::Window::new("Supprimer le code ?")
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(format!(
                    "« {} », {} sous-code(s) et {} codage(s) seront supprimés. Ctrl+Z les remet.",
                    code.name,
                    below.len() - 1,
                    codings
                ));
                ui.horizontal(|ui| {
                    if ui.button("Supprimer").clicked() {
                        decided = Some(true);
                    }
                    if ui.button("Garder").clicked() {
                        decided = Some(false);
                    }
                });
            });
        match decided {
            Some(true) => {
                push(asked, changes::delete(work, id));
                self.deleting = None;
            }
            Some(false) => self.deleting = None,
            None => {}
        }
    }
}

/// The change the code editor's fields make, in one command.
fn edited_code(
    work: &crate::model::coding::CodingWork,
    editor: &Editor,
) -> Result<CodingChange, String> {
    let old = work
        .codebook
        .get(editor.id)
        .ok_or("ce code n'existe plus")?;
    // Validates the name against its siblings.
    changes::rename(work, editor.id, &editor.name).map_err(|e| e.to_string())?;
    let key = editor
        .shortcut
        .trim()
        .chars()
        .next()
        .map(|c| c.to_ascii_lowercase());
    let mut change = changes::set_shortcut(work, editor.id, key).map_err(|e| e.to_string())?;
    let mut code = old.clone();
    code.name = editor.name.trim().to_owned();
    code.color = Rgb(editor.color[0], editor.color[1], editor.color[2]);
    code.description = editor.definition.clone();
    code.shortcut = key;
    code.codable = editor.codable;
    change.put_codes.retain(|c| c.id != code.id);
    if code != *old {
        change.put_codes.push(code);
    }
    change
        .put_codes
        .retain(|c| work.codebook.get(c.id) != Some(c));
    change.label = format!("Code « {} » modifié", editor.name.trim());
    Ok(change)
}

fn push(asked: &mut Vec<Ask>, change: Result<CodingChange, changes::CodingError>) {
    match change {
        Ok(change) if !change.is_empty() => asked.push(Ask::Change(change)),
        Ok(_) => {}
        Err(e) => asked.push(Ask::Message(e.to_string())),
    }
}

fn hover(code: &Code) -> String {
    let d = &code.description;
    if d.is_empty() {
        return format!("{}\n(double-clic : définir)", code.name);
    }
    let mut text = format!("{}\n", code.name);
    for (label, value) in [
        ("Définition", &d.definition),
        ("Quand l'utiliser", &d.when_to_use),
        ("Quand ne pas l'utiliser", &d.when_not),
        ("Exemple", &d.example),
    ] {
        if !value.is_empty() {
            text.push_str(&format!("\n{label} : {value}"));
        }
    }
    text
}

fn import(cx: &Context<'_>, asked: &mut Vec<Ask>) {
    let Some(path) = rfd::FileDialog::new()
        .set_title("Importer un livre de codes")
        .add_filter("Livre de codes REFI-QDA", &["qdc"])
        .pick_file()
    else {
        return;
    };
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let read = std::fs::read(&path)
        .map_err(|e| format!("{name}: lecture impossible ({e})"))
        .and_then(|bytes| refi::read_qdc(&name, &bytes).map_err(|e| e.to_string()));
    match read {
        Ok(book) => {
            let change = changes::import_codebook(&cx.state.evaluation.coding, &book, &name);
            if change.is_empty() {
                asked.push(Ask::Message(format!("{name} : rien de nouveau")));
            } else {
                asked.push(Ask::Change(change));
            }
        }
        Err(message) => asked.push(Ask::Message(message)),
    }
}

fn export(cx: &Context<'_>, asked: &mut Vec<Ask>) {
    let Some(path) = rfd::FileDialog::new()
        .set_title("Exporter le livre de codes")
        .add_filter("Livre de codes REFI-QDA", &["qdc"])
        .set_file_name("livre-de-codes.qdc")
        .save_file()
    else {
        return;
    };
    let text = refi::write_qdc(&cx.state.evaluation.coding.codebook, "Atelier");
    asked.push(Ask::Message(match std::fs::write(&path, text) {
        Ok(()) => format!("Livre de codes exporté : {}", path.display()),
        Err(e) => format!("{}: écriture impossible ({e})", path.display()),
    }));
}
