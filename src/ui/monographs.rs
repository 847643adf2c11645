//! The Monographies panel: the visited sites with how far each monograph is; the monograph
//! of the site chosen in the middle (the evaluator's text under each heading, never
//! overwritten, and the generated blocks, which can be moved, dropped, pinned as they are,
//! and say when they changed since the last export); beside it, the site's figures, survey
//! charts and coded evidence, any of which joins a section in one click. Every change is a
//! command in the project, undone by Ctrl+Z. The monograph, or all of them with the
//! cross-site synthesis, is exported as Word, HTML or Markdown in the background.

use std::collections::HashMap;

use egui::{RichText, TextureHandle};

use crate::model::FigureRef;
use crate::model::coding::CodeId;
use crate::model::monograph::{BlockKind, BlockState, Monograph, SectionState};
use crate::monograph::assemble::{self, AssembledMonograph, Chart, Content, Inputs};
use crate::session::{AppState, Command};

/// What the panel asks the app to do beyond commands.
pub enum Request {
    /// Export the monograph of this site (`None`: all of them and the synthesis) to a file
    /// or folder chosen by the user.
    Export(Option<usize>),
}

/// View state of the Monographies panel.
#[derive(Default)]
pub struct MonographsPanel {
    site: usize,
    texts: HashMap<String, String>,
    textures: HashMap<(String, u32), TextureHandle>,
    assembled: Option<(u64, usize, String, AssembledMonograph)>,
    preview: bool,
}

impl MonographsPanel {
    /// Show the monograph of site `site` (index in the manifest).
    pub fn choose(&mut self, site: usize) {
        self.site = site;
        self.texts.clear();
    }

    /// Draw the panel; changes go to `commands`.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        commands: &mut Vec<Command>,
    ) -> Option<Request> {
        let evaluation = &state.evaluation;
        let sites = &evaluation.manifest.sites;
        if sites.is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.3);
                ui.heading("Monographies");
                ui.label("Une monographie par site visité : ouvrez une évaluation dont le manifeste liste des sites.");
            });
            placed_ui(ui, state, commands);
            return None;
        }
        self.site = self.site.min(sites.len() - 1);
        let cohort = match &state.cohort {
            Some(Ok(report)) => Some(report.as_ref()),
            _ => None,
        };
        let inputs = Inputs {
            evaluation,
            cohort,
            template: &state.template,
            figures: &state.figures,
        };
        let mut request = None;
        egui::Panel::left("monograph_sites")
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| {
                ui.strong("Sites visités");
                for (i, site) in sites.iter().enumerate() {
                    let monograph = state.monograph(&site.id);
                    let assembled = assemble::assemble(&inputs, i, &monograph);
                    let (drafted, total, quotes) = assembled.progress();
                    let changed = assembled.changed();
                    let mut text = format!(
                        "{}\n{drafted}/{total} sections rédigées · {quotes} citations",
                        site.name
                    );
                    if changed > 0 {
                        text.push_str(&format!(" · {changed} bloc(s) modifié(s)"));
                    }
                    if ui.selectable_label(i == self.site, text).clicked() {
                        self.choose(i);
                    }
                }
                ui.separator();
                if ui
                    .button("Exporter toutes…")
                    .on_hover_text(
                        "Les dix monographies et la synthèse transversale, dans un dossier",
                    )
                    .clicked()
                {
                    request = Some(Request::Export(None));
                }
                placed_ui(ui, state, commands);
            });
        let site = &sites[self.site];
        let monograph = state.monograph(&site.id);
        let key = serde_json::to_string(&monograph).unwrap_or_default();
        let fresh = self
            .assembled
            .as_ref()
            .is_some_and(|(v, s, k, _)| *v == state.version && *s == self.site && *k == key);
        if !fresh {
            let assembled = assemble::assemble(&inputs, self.site, &monograph);
            self.assembled = Some((state.version, self.site, key, assembled));
        }
        let Some((_, _, _, assembled)) = self.assembled.clone() else {
            return request;
        };
        egui::Panel::right("monograph_evidence")
            .resizable(true)
            .default_size(320.0)
            .show(ui, |ui| {
                self.evidence_ui(ui, state, &inputs, &monograph, &assembled, commands);
            });
        ui.horizontal(|ui| {
            ui.heading(format!("Monographie — {}", site.name));
            if ui
                .button("Exporter…")
                .on_hover_text("En Word (.docx), HTML ou Markdown")
                .clicked()
            {
                request = Some(Request::Export(Some(self.site)));
            }
            ui.toggle_value(&mut self.preview, "Aperçu avant impression");
        });
        ui.weak(format!(
            "{} · visite du {} · les blocs générés suivent les données ; votre texte n'est jamais remplacé",
            site.region, site.visit_date
        ));
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt(("monograph", self.site))
            .show(ui, |ui| {
                if self.preview {
                    self.preview_ui(ui, &inputs, &assembled);
                } else {
                    self.document_ui(ui, state, &monograph, &assembled, commands);
                }
            });
        request
    }

    fn document_ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        monograph: &Monograph,
        assembled: &AssembledMonograph,
        commands: &mut Vec<Command>,
    ) {
        let writable = state.read_only().is_none();
        for section in &assembled.sections {
            ui.add_space(8.0);
            ui.heading(&section.title);
            let text = self
                .texts
                .entry(section.id.clone())
                .or_insert_with(|| section.text.clone());
            let response = ui.add_enabled(
                writable,
                egui::TextEdit::multiline(text)
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .hint_text(&section.hint),
            );
            if response.lost_focus() && *text != section.text {
                let text = text.clone();
                commands.push(edit(monograph, assembled, &section.id, |s, _| {
                    s.text = text
                }));
            }
            for block in &section.blocks {
                ui.add_space(4.0);
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        let mut title = RichText::new(&block.title).strong();
                        if block.dropped {
                            title = title.strikethrough().weak();
                        }
                        ui.label(title);
                        if block.changed {
                            ui.label(
                                RichText::new("modifié depuis le dernier export")
                                    .color(ui.visuals().warn_fg_color),
                            );
                        }
                        if block.pinned {
                            ui.label(RichText::new(if block.stale {
                                "épinglé (les données ont changé depuis)"
                            } else {
                                "épinglé"
                            }));
                        }
                        let id = section.id.clone();
                        let index = block.index;
                        let count = section.blocks.len();
                        if writable {
                            if index > 0 && ui.small_button("Monter").clicked() {
                                commands.push(edit(monograph, assembled, &id, |_, b| {
                                    b.swap(index, index - 1)
                                }));
                            }
                            if index + 1 < count && ui.small_button("Descendre").clicked() {
                                commands.push(edit(monograph, assembled, &id, |_, b| {
                                    b.swap(index, index + 1)
                                }));
                            }
                            let drop_label = if block.dropped { "Remettre" } else { "Retirer" };
                            if ui.small_button(drop_label).clicked() {
                                commands.push(edit(monograph, assembled, &id, |_, b| {
                                    b[index].dropped = !b[index].dropped
                                }));
                            }
                            if block.pinned {
                                if ui
                                    .small_button("Détacher")
                                    .on_hover_text("Suivre de nouveau les données")
                                    .clicked()
                                {
                                    commands.push(edit(monograph, assembled, &id, |_, b| {
                                        b[index].pinned = None
                                    }));
                                }
                            } else if ui
                                .small_button("Épingler")
                                .on_hover_text(
                                    "Garder ce bloc tel qu'il est, même si les données changent",
                                )
                                .clicked()
                            {
                                let pinned = serde_json::to_string(&block.content).ok();
                                commands.push(edit(monograph, assembled, &id, |_, b| {
                                    b[index].pinned = pinned
                                }));
                            }
                        }
                    });
                    ui.weak(&block.provenance);
                    if !block.dropped {
                        self.content_ui(
                            ui,
                            &block.content,
                            writable.then_some((monograph, assembled, &section.id, block.index)),
                            commands,
                        );
                    }
                });
            }
        }
    }

    fn content_ui(
        &mut self,
        ui: &mut egui::Ui,
        content: &Content,
        editable: Option<(&Monograph, &AssembledMonograph, &String, usize)>,
        commands: &mut Vec<Command>,
    ) {
        match content {
            Content::Empty(why) => {
                ui.weak(why);
            }
            Content::Table(table) => table_ui(ui, table),
            Content::Quotes(quotes) => {
                for (k, (coding, quote)) in quotes.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("« {} »", quote.text)).italics());
                        ui.weak(format!("— {}, {}", quote.speaker, quote.source));
                        if let Some((monograph, assembled, section, index)) = editable {
                            let ids: Vec<u64> = quotes.iter().map(|(c, _)| *c).collect();
                            if k > 0 && ui.small_button("Monter").clicked() {
                                let mut order = ids.clone();
                                order.swap(k, k - 1);
                                commands.push(edit(monograph, assembled, section, |_, b| {
                                    set_order(&mut b[index], order)
                                }));
                            }
                            if ui
                                .small_button("Écarter")
                                .on_hover_text("Ne pas citer ce passage")
                                .clicked()
                            {
                                let coding = *coding;
                                commands.push(edit(monograph, assembled, section, |_, b| {
                                    if let BlockKind::Quotes { dropped, .. } = &mut b[index].kind {
                                        dropped.push(coding);
                                    }
                                }));
                            }
                        }
                    });
                }
            }
            Content::Charts(charts) => {
                for chart in charts {
                    self.chart_ui(ui, chart);
                    ui.weak(&chart.caption);
                }
            }
        }
    }

    fn chart_ui(&mut self, ui: &mut egui::Ui, chart: &Chart) {
        let ppp = ui.ctx().pixels_per_point();
        let width = (ui.available_width().clamp(320.0, 900.0) * ppp) as u32;
        let key = (
            serde_json::to_string(&chart.spec).unwrap_or_default(),
            width / 64,
        );
        let texture = match self.textures.get(&key) {
            Some(t) => Some(t.clone()),
            None => {
                let height = crate::charts::natural_height(&chart.spec, width, ppp);
                crate::charts::render_rgba(&chart.spec, width, height, ppp)
                    .ok()
                    .map(|image| {
                        let color = egui::ColorImage::from_rgba_unmultiplied(
                            [image.width as usize, image.height as usize],
                            &image.pixels,
                        );
                        let t = ui.ctx().load_texture(
                            "monograph-chart",
                            color,
                            egui::TextureOptions::LINEAR,
                        );
                        self.textures.insert(key, t.clone());
                        t
                    })
            }
        };
        match texture {
            Some(t) => {
                ui.add(egui::Image::new((t.id(), t.size_vec2() / ppp)));
            }
            None => {
                ui.weak("Le graphique n'a pas pu être dessiné.");
            }
        }
    }

    fn preview_ui(
        &mut self,
        ui: &mut egui::Ui,
        inputs: &Inputs<'_>,
        assembled: &AssembledMonograph,
    ) {
        let document = assemble::to_document(inputs, assembled);
        egui::Frame::new()
            .fill(egui::Color32::WHITE)
            .inner_margin(32.0)
            .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
            .show(ui, |ui| {
                ui.set_max_width(720.0);
                ui.heading(&document.title);
                ui.label(&document.subtitle);
                for line in &document.front_matter {
                    ui.weak(line);
                }
                for section in &document.sections {
                    ui.add_space(12.0);
                    ui.heading(&section.title);
                    for block in &section.blocks {
                        match block {
                            crate::monograph::document::Block::Text(text) => {
                                ui.label(text);
                            }
                            crate::monograph::document::Block::Quote(q) => {
                                ui.label(RichText::new(format!("« {} »", q.text)).italics());
                                ui.weak(format!("{}, {}", q.speaker, q.source));
                            }
                            crate::monograph::document::Block::Figure(f) => {
                                ui.weak(format!("[{}]", f.caption));
                            }
                            crate::monograph::document::Block::Table(t) => table_ui(ui, t),
                            crate::monograph::document::Block::Note(n) => {
                                ui.label(RichText::new(n).small().weak());
                            }
                        }
                    }
                }
            });
    }

    fn evidence_ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &AppState,
        inputs: &Inputs<'_>,
        monograph: &Monograph,
        assembled: &AssembledMonograph,
        commands: &mut Vec<Command>,
    ) {
        let evaluation = inputs.evaluation;
        let site = &evaluation.manifest.sites[self.site];
        let writable = state.read_only().is_none();
        ui.strong("Le site en regard");
        egui::ScrollArea::vertical()
            .id_salt("monograph_evidence_scroll")
            .show(ui, |ui| {
                if !evaluation.manifest.cohort.is_empty() {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new("Chiffres de cohorte").strong());
                        if writable {
                            add_menu(ui, monograph, assembled, BlockKind::Cohort, commands);
                        }
                    });
                    egui::CollapsingHeader::new("Voir les indicateurs du site")
                        .default_open(false)
                        .show(ui, |ui| {
                            let (_, provenance, content) = cohort_preview(inputs, &site.id);
                            ui.weak(provenance);
                            if let Content::Table(t) = &content {
                                table_ui(ui, t);
                            } else if let Content::Empty(why) = &content {
                                ui.weak(why);
                            }
                        });
                }
                egui::CollapsingHeader::new("Résultats d'enquête")
                    .default_open(true)
                    .show(ui, |ui| {
                        for source in &evaluation.sources {
                            let n = source
                                .site_of_respondent
                                .iter()
                                .filter(|s| **s == Some(self.site))
                                .count();
                            if n == 0 {
                                continue;
                            }
                            ui.label(
                                RichText::new(format!(
                                    "{} · {n} répondant(s) du site",
                                    source.group_label
                                ))
                                .strong(),
                            );
                            for q in source.survey.questions.iter().filter(|q| {
                                matches!(
                                    q.kind,
                                    crate::model::QuestionKind::Likert
                                        | crate::model::QuestionKind::Single
                                        | crate::model::QuestionKind::Multiple
                                )
                            }) {
                                let qid = evaluation.qid(source, q);
                                ui.horizontal(|ui| {
                                    ui.label(crate::figures::short_text(&q.text));
                                    if writable {
                                        add_menu(
                                            ui,
                                            monograph,
                                            assembled,
                                            BlockKind::Survey { qid },
                                            commands,
                                        );
                                    }
                                });
                            }
                        }
                    });
                egui::CollapsingHeader::new("Passages codés du site")
                    .default_open(true)
                    .show(ui, |ui| {
                        let book = &evaluation.coding.codebook;
                        for (code, depth) in book.in_order() {
                            if !code.codable {
                                ui.label(RichText::new(&code.name).strong());
                                continue;
                            }
                            let ids = assemble::site_codings(evaluation, self.site, code.id);
                            if ids.is_empty() {
                                continue;
                            }
                            ui.horizontal(|ui| {
                                ui.add_space(depth as f32 * 10.0);
                                ui.label(format!("{} ({})", code.name, ids.len()));
                                if writable {
                                    add_menu(ui, monograph, assembled, quotes(code.id), commands);
                                }
                            });
                        }
                    });
                egui::CollapsingHeader::new("Figures placées depuis Graphiques")
                    .default_open(false)
                    .show(ui, |ui| {
                        for figure in &state.figures {
                            if figure.site.as_deref().is_some_and(|s| s != site.id) {
                                continue;
                            }
                            ui.horizontal(|ui| {
                                ui.label(&figure.qid);
                                if writable {
                                    add_menu(
                                        ui,
                                        monograph,
                                        assembled,
                                        BlockKind::Figure(figure.clone()),
                                        commands,
                                    );
                                }
                            });
                        }
                    });
            });
    }
}

fn quotes(code: CodeId) -> BlockKind {
    BlockKind::Quotes {
        code,
        order: None,
        dropped: Vec::new(),
    }
}

fn cohort_preview(inputs: &Inputs<'_>, site: &str) -> (String, String, Content) {
    let index = inputs
        .evaluation
        .manifest
        .sites
        .iter()
        .position(|s| s.id == site)
        .unwrap_or(0);
    let assembled = assemble::assemble(
        inputs,
        index,
        &Monograph {
            site: site.to_owned(),
            sections: vec![SectionState {
                id: "chiffres".to_owned(),
                text: String::new(),
                blocks: Some(vec![BlockState {
                    kind: BlockKind::Cohort,
                    dropped: false,
                    pinned: None,
                }]),
            }],
            ..Monograph::default()
        },
    );
    assembled
        .sections
        .into_iter()
        .find(|s| s.id == "chiffres")
        .and_then(|s| s.blocks.into_iter().next())
        .map_or_else(
            || (String::new(), String::new(), Content::Empty(String::new())),
            |b| (b.title, b.provenance, b.content),
        )
}

/// « Ajouter à… »: the block joins a section of the monograph, in one click.
fn add_menu(
    ui: &mut egui::Ui,
    monograph: &Monograph,
    assembled: &AssembledMonograph,
    kind: BlockKind,
    commands: &mut Vec<Command>,
) {
    ui.menu_button("Ajouter à…", |ui| {
        for section in &assembled.sections {
            if ui.button(&section.title).clicked() {
                let kind = kind.clone();
                commands.push(edit(monograph, assembled, &section.id, move |_, blocks| {
                    blocks.push(BlockState {
                        kind,
                        dropped: false,
                        pinned: None,
                    });
                }));
                ui.close();
            }
        }
    });
}

/// A command changing section `section` of the monograph: `change` gets the section's state
/// and its blocks (as assembled, if the section still followed the template).
fn edit(
    monograph: &Monograph,
    assembled: &AssembledMonograph,
    section: &str,
    change: impl FnOnce(&mut SectionState, &mut Vec<BlockState>),
) -> Command {
    let mut monograph = monograph.clone();
    // Every section of the template gets a state, so that the order of sections is kept.
    for s in &assembled.sections {
        if !monograph.sections.iter().any(|m| m.id == s.id) {
            monograph.sections.push(SectionState {
                id: s.id.clone(),
                text: s.text.clone(),
                blocks: None,
            });
        }
    }
    let current: Vec<BlockState> = assembled
        .sections
        .iter()
        .find(|s| s.id == section)
        .map(|s| {
            s.blocks
                .iter()
                .map(|b| BlockState {
                    kind: b.kind.clone(),
                    dropped: b.dropped,
                    pinned: if b.pinned {
                        serde_json::to_string(&b.content).ok()
                    } else {
                        None
                    },
                })
                .collect()
        })
        .unwrap_or_default();
    if let Some(state) = monograph.sections.iter_mut().find(|s| s.id == section) {
        let mut blocks = state.blocks.clone().unwrap_or(current);
        change(state, &mut blocks);
        state.blocks = Some(blocks);
    }
    Command::SetMonograph(Box::new(monograph))
}

fn set_order(block: &mut BlockState, order: Vec<u64>) {
    if let BlockKind::Quotes { order: slot, .. } = &mut block.kind {
        *slot = Some(order);
    }
}

fn table_ui(ui: &mut egui::Ui, table: &crate::monograph::document::Table) {
    egui::Grid::new(ui.next_auto_id())
        .striped(true)
        .show(ui, |ui| {
            if table.header.iter().any(|h| !h.is_empty()) {
                for h in &table.header {
                    ui.strong(h);
                }
                ui.end_row();
            }
            for row in &table.rows {
                for cell in row {
                    ui.label(cell);
                }
                ui.end_row();
            }
        });
    for note in &table.notes {
        ui.label(RichText::new(note).small().weak());
    }
}

/// The figures placed from Graphiques, each of which can be taken out again.
fn placed_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.add_space(8.0);
    ui.strong(format!("Figures placées ({})", state.figures.len()));
    if state.figures.is_empty() {
        ui.weak("Placez un graphique depuis Graphiques avec « Ajouter à la monographie ».");
        return;
    }
    for (index, figure) in state.figures.iter().enumerate() {
        let FigureRef { qid, by, site } = figure;
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "{qid} · {} · {}",
                by.as_deref().unwrap_or("ensemble"),
                site.as_deref().unwrap_or("tous les sites")
            ));
            if ui
                .add_enabled(
                    state.read_only().is_none(),
                    egui::Button::new("Retirer").small(),
                )
                .on_hover_text("Retirer cette figure des monographies (Ctrl+Z la remet)")
                .clicked()
            {
                commands.push(Command::RemoveFigure { index });
            }
        });
    }
}
