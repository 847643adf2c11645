//! Views across the whole coding: a code's retrieved segments with where each comes from,
//! the codes × groups (or × sites) matrix whose cells open their segments, and agreement
//! between two coders with their disagreements side by side.

use egui::RichText;

use super::{Ask, Context, Document, chip};
use crate::coding::agreement::{AgreementReport, NoteParagraphs, common_units, disagreements_text};
use crate::coding::query::{self, Matrix, MatrixBy};
use crate::model::coding::{Anchor, CodeId};

/// View state of the cross views.
pub struct Views {
    /// Only these codings, when a matrix cell was opened.
    only: Option<Vec<u64>>,
    below: bool,
    site: Option<usize>,
    by: MatrixBy,
    matrix: Option<(u64, MatrixBy, Matrix)>,
    coders: (String, String),
    report: Option<(u64, String, String, AgreementReport, String)>,
}

impl Default for Views {
    fn default() -> Self {
        Views {
            only: None,
            below: true,
            site: None,
            by: MatrixBy::Group,
            matrix: None,
            coders: (String::new(), String::new()),
            report: None,
        }
    }
}

impl Views {
    /// Show only these codings' segments.
    pub fn show_only(&mut self, ids: Vec<u64>) {
        self.only = Some(ids);
    }

    /// The selected code's segments, from every source, with their provenance.
    pub fn segments_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Context<'_>,
        code: Option<CodeId>,
        asked: &mut Vec<Ask>,
    ) {
        let evaluation = &cx.state.evaluation;
        let work = &evaluation.coding;
        let segments: Vec<query::Segment> = match (&self.only, code) {
            (Some(ids), _) => ids
                .iter()
                .filter_map(|id| work.codings.get(id))
                .filter_map(|c| query::segment(evaluation, c))
                .collect(),
            (None, Some(code)) => query::segments(evaluation, code, self.below),
            (None, None) => {
                ui.label("Choisissez un code dans le livre de codes pour voir ses segments.");
                return;
            }
        };
        ui.horizontal_wrapped(|ui| {
            match (&self.only, code.and_then(|c| work.codebook.get(c))) {
                (Some(_), _) => {
                    ui.strong("Segments de la case choisie");
                    if ui.small_button("Revenir au code").clicked() {
                        self.only = None;
                    }
                }
                (None, Some(code)) => {
                    chip(ui, &code.name, code.color);
                    ui.checkbox(&mut self.below, "avec ses sous-codes");
                }
                _ => {}
            }
            let sites = &evaluation.manifest.sites;
            let label = ui.label("Site").id;
            egui::ComboBox::from_id_salt("segments_site")
                .selected_text(
                    self.site
                        .and_then(|s| sites.get(s))
                        .map_or("Tous les sites", |s| s.name.as_str()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.site, None, "Tous les sites");
                    for (i, s) in sites.iter().enumerate() {
                        ui.selectable_value(&mut self.site, Some(i), &s.name);
                    }
                })
                .response
                .labelled_by(label);
        });
        let shown: Vec<&query::Segment> = segments
            .iter()
            .filter(|s| self.site.is_none() || s.site == self.site)
            .collect();
        ui.weak(format!("{} segment(s)", shown.len()));
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("segments_list")
            .show(ui, |ui| {
                for segment in shown {
                    let site = segment
                        .site
                        .and_then(|s| evaluation.manifest.sites.get(s))
                        .map_or("site inconnu", |s| s.name.as_str());
                    ui.group(|ui| {
                        ui.set_width(ui.available_width());
                        ui.label(format!("« {} »", segment.quote));
                        ui.horizontal_wrapped(|ui| {
                            if let Some(code) = work.codebook.get(segment.code) {
                                chip(ui, &code.name, code.color);
                            }
                            ui.weak(format!(
                                "{} · {} · {site} · codé par {}",
                                segment.source, segment.speaker, segment.coder
                            ));
                            if ui.small_button("Ouvrir").clicked()
                                && let Some(coding) = work.codings.get(&segment.coding)
                            {
                                open(cx, &coding.anchor, asked);
                            }
                        });
                    });
                }
            });
    }

    /// Codes × groups or sites, each cell counting respondents (or documents) once.
    pub fn matrix_ui(&mut self, ui: &mut egui::Ui, cx: &Context<'_>, asked: &mut Vec<Ask>) {
        let evaluation = &cx.state.evaluation;
        ui.horizontal(|ui| {
            ui.label("Colonnes");
            ui.selectable_value(&mut self.by, MatrixBy::Group, "Groupes de répondants");
            ui.selectable_value(&mut self.by, MatrixBy::Site, "Sites visités");
        });
        let fresh = self
            .matrix
            .as_ref()
            .is_some_and(|(v, by, _)| *v == cx.state.version && *by == self.by);
        if !fresh {
            let matrix = query::matrix(evaluation, &evaluation.coding, self.by);
            self.matrix = Some((cx.state.version, self.by, matrix));
        }
        let Some((_, _, matrix)) = &self.matrix else {
            return;
        };
        if matrix.codes.is_empty() {
            ui.label("Rien n'est encore codé.");
            return;
        }
        ui.weak("Chaque case compte les répondants (ou les notes) qui ont le code, une fois chacun ; cliquez pour lire ses segments.");
        egui::ScrollArea::both()
            .id_salt("coding_matrix")
            .show(ui, |ui| {
                egui::Grid::new("coding_matrix_grid")
                    .striped(true)
                    .show(ui, |ui| {
                        ui.strong("Code");
                        for column in &matrix.columns {
                            ui.strong(column);
                        }
                        ui.end_row();
                        for (row, code) in matrix.codes.iter().enumerate() {
                            match evaluation.coding.codebook.get(*code) {
                                Some(c) => chip(ui, &c.name, c.color),
                                None => ui.label("?"),
                            };
                            for (column, count) in matrix.counts[row].iter().enumerate() {
                                if *count == 0 {
                                    ui.weak("·");
                                } else if ui
                                    .button(count.to_string())
                                    .on_hover_text(format!(
                                        "{} codage(s)",
                                        matrix.codings[row][column].len()
                                    ))
                                    .clicked()
                                {
                                    asked.push(Ask::Select(*code));
                                    asked.push(Ask::ShowSegments(
                                        matrix.codings[row][column].clone(),
                                    ));
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
    }

    /// Agreement between two coders on what both coded.
    pub fn agreement_ui(&mut self, ui: &mut egui::Ui, cx: &Context<'_>) {
        let evaluation = &cx.state.evaluation;
        let mut coders: Vec<&str> = evaluation
            .coding
            .codings
            .values()
            .map(|c| c.coder.as_str())
            .collect();
        coders.sort_unstable();
        coders.dedup();
        if coders.len() < 2 {
            ui.label("L'accord se mesure entre deux codeurs : un seul a codé pour l'instant. Chacun choisit son nom dans Préférences.");
            return;
        }
        if self.coders.0.is_empty() || !coders.contains(&self.coders.0.as_str()) {
            self.coders.0 = coders[0].to_owned();
        }
        if self.coders.1.is_empty() || !coders.contains(&self.coders.1.as_str()) {
            self.coders.1 = coders[1].to_owned();
        }
        ui.horizontal(|ui| {
            for (id, name, slot) in [
                ("coder_a", "Codeur", &mut self.coders.0),
                ("coder_b", "et codeur", &mut self.coders.1),
            ] {
                let label = ui.label(name).id;
                egui::ComboBox::from_id_salt(id)
                    .selected_text(slot.as_str())
                    .show_ui(ui, |ui| {
                        for c in &coders {
                            ui.selectable_value(slot, (*c).to_owned(), *c);
                        }
                    })
                    .response
                    .labelled_by(label);
            }
        });
        if self.coders.0 == self.coders.1 {
            ui.label("Choisissez deux codeurs différents.");
            return;
        }
        let fresh = self.report.as_ref().is_some_and(|(v, a, b, ..)| {
            *v == cx.state.version && *a == self.coders.0 && *b == self.coders.1
        });
        if !fresh {
            let paragraphs: NoteParagraphs = evaluation
                .notes
                .iter()
                .map(|n| {
                    let ranges = (0..n.text.paragraphs.len())
                        .map(|i| n.text.char_range(i))
                        .collect();
                    (n.entry.file.clone(), ranges)
                })
                .collect();
            let codings: Vec<_> = evaluation.coding.codings.values().cloned().collect();
            let common = common_units(&codings, &self.coders.0, &self.coders.1, &paragraphs);
            let book = &evaluation.coding.codebook;
            let name = |id: CodeId| {
                book.get(id)
                    .map_or_else(|| format!("code {}", id.0), |c| c.name.clone())
            };
            let report = AgreementReport::new(&common, &name);
            let disagreements = disagreements_text(&common, &name);
            self.report = Some((
                cx.state.version,
                self.coders.0.clone(),
                self.coders.1.clone(),
                report,
                disagreements,
            ));
        }
        let Some((_, _, _, report, disagreements)) = &self.report else {
            return;
        };
        egui::ScrollArea::vertical()
            .id_salt("agreement")
            .show(ui, |ui| {
                ui.label(RichText::new(report.to_text()).monospace());
                ui.separator();
                ui.strong("Désaccords, côte à côte");
                ui.label(RichText::new(disagreements).monospace());
            });
    }
}

/// Open the document or answer a coding points at.
fn open(cx: &Context<'_>, anchor: &Anchor, asked: &mut Vec<Ask>) {
    let evaluation = &cx.state.evaluation;
    match anchor {
        Anchor::Note { file, .. } => {
            if let Some(i) = evaluation.notes.iter().position(|n| &n.entry.file == file) {
                asked.push(Ask::Open(Document::Note(i)));
            }
        }
        Anchor::Answer {
            source,
            question,
            respondent,
            ..
        } => {
            let codable = query::codable_questions(evaluation);
            if let Some(i) = codable
                .iter()
                .position(|q| &q.source_id == source && &q.id == question)
            {
                if codable[i].interview {
                    asked.push(Ask::Open(Document::Interview(
                        codable[i].source,
                        *respondent,
                    )));
                } else {
                    asked.push(Ask::OpenAnswer(i, *respondent));
                }
            }
        }
    }
}
