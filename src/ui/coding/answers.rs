//! The open answers of a question, one row each with the respondent's group and site and the
//! codes given: filterable by group, site, code and words, virtualised so that 100,000
//! answers scroll smoothly. The answer selected is shown whole below, where a passage of it
//! can be selected and coded.

use std::collections::HashMap;

use egui::RichText;

use super::{Ask, Context, chip, text};
use crate::coding::query::{self, CodableQuestion};
use crate::model::coding::{Anchor, CodeId};
use crate::model::french::fold;

/// One row: a codable question (index in the panel's list) and a respondent.
type Row = (usize, u32);

/// The filters of the list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Filter {
    group: Option<String>,
    site: Option<usize>,
    code: Option<CodeId>,
    words: String,
    uncoded: bool,
}

/// View state of the answers list.
#[derive(Default)]
pub struct AnswersView {
    question: Option<usize>,
    filter: Filter,
    rows: Vec<Row>,
    rows_for: Option<(u64, usize, Filter, String)>,
    /// Codings of each answer, by (source id, question id, respondent).
    index: HashMap<(String, String, u32), Vec<u64>>,
    index_for: Option<u64>,
    selected: Option<Row>,
    scroll_to_selected: bool,
}

impl AnswersView {
    /// List the answers of codable question `i`.
    pub fn choose(&mut self, i: usize) {
        if self.question != Some(i) {
            self.question = Some(i);
            self.selected = None;
        }
    }

    /// The codable question listed.
    pub fn question(&self) -> Option<usize> {
        self.question
    }

    /// Select the answer of `respondent` to the question listed.
    pub fn select(&mut self, respondent: u32) {
        if let Some(q) = self.question {
            self.selected = Some((q, respondent));
            self.scroll_to_selected = true;
        }
    }

    /// The answer selected, whole.
    pub fn selected_anchor(&self, codable: &[CodableQuestion]) -> Option<Anchor> {
        let (q, respondent) = self.selected?;
        Some(codable.get(q)?.anchor(respondent, None))
    }

    /// Move the selection `by` rows.
    pub fn step(&mut self, by: i64, selection: &mut Option<Anchor>) {
        if self.rows.is_empty() {
            return;
        }
        let at = self
            .selected
            .and_then(|s| self.rows.iter().position(|r| *r == s))
            .map_or(0, |i| {
                (i as i64 + by).clamp(0, self.rows.len() as i64 - 1) as usize
            });
        self.selected = Some(self.rows[at]);
        self.scroll_to_selected = true;
        *selection = None;
    }

    /// Select the next answer (after the selected one, wrapping) the coder has not coded.
    pub fn next_uncoded(
        &mut self,
        cx: &Context<'_>,
        codable: &[CodableQuestion],
        selection: &mut Option<Anchor>,
    ) {
        let work = &cx.state.evaluation.coding;
        let start = self
            .selected
            .and_then(|s| self.rows.iter().position(|r| *r == s))
            .map_or(0, |i| i + 1);
        let n = self.rows.len();
        for k in 0..n {
            let row = self.rows[(start + k) % n];
            let question = &codable[row.0];
            let source = &cx.state.evaluation.sources[question.source].entry.id;
            let coded = self
                .index
                .get(&(source.clone(), question.id.clone(), row.1))
                .is_some_and(|ids| {
                    ids.iter()
                        .any(|id| work.codings.get(id).is_some_and(|c| c.coder == cx.coder))
                });
            if !coded {
                self.selected = Some(row);
                self.scroll_to_selected = true;
                *selection = None;
                return;
            }
        }
    }

    fn refresh(&mut self, cx: &Context<'_>, codable: &[CodableQuestion]) {
        let state = cx.state;
        if self.index_for != Some(state.version) {
            self.index.clear();
            for coding in state.evaluation.coding.codings.values() {
                if let Anchor::Answer {
                    source,
                    question,
                    respondent,
                    ..
                } = &coding.anchor
                {
                    self.index
                        .entry((source.clone(), question.clone(), *respondent))
                        .or_default()
                        .push(coding.id);
                }
            }
            self.index_for = Some(state.version);
        }
        let Some(q) = self.question.filter(|q| *q < codable.len()) else {
            self.rows.clear();
            return;
        };
        let key = (state.version, q, self.filter.clone(), cx.coder.to_owned());
        if self.rows_for.as_ref() == Some(&key) {
            return;
        }
        // The same question in every questionnaire that asks it, side by side.
        let wanted = fold(&codable[q].text);
        let pooled: Vec<usize> = codable
            .iter()
            .enumerate()
            .filter(|(i, c)| *i == q || fold(&c.text) == wanted)
            .map(|(i, _)| i)
            .collect();
        let evaluation = &state.evaluation;
        let words = fold(&self.filter.words);
        let work = &evaluation.coding;
        let mut rows = Vec::new();
        for i in pooled {
            let question = &codable[i];
            let source = &evaluation.sources[question.source];
            if self
                .filter
                .group
                .as_ref()
                .is_some_and(|g| *g != group_of(source))
            {
                continue;
            }
            for r in 0..source.survey.respondents() as u32 {
                let Some(text) = query::answer_text(evaluation, &source.entry.id, &question.id, r)
                else {
                    continue;
                };
                if let Some(site) = self.filter.site
                    && source.site_of_respondent.get(r as usize).copied().flatten() != Some(site)
                {
                    continue;
                }
                let codings = self
                    .index
                    .get(&(source.entry.id.clone(), question.id.clone(), r));
                if let Some(code) = self.filter.code
                    && !codings.is_some_and(|ids| {
                        ids.iter()
                            .any(|id| work.codings.get(id).is_some_and(|c| c.code == code))
                    })
                {
                    continue;
                }
                if self.filter.uncoded
                    && codings.is_some_and(|ids| {
                        ids.iter()
                            .any(|id| work.codings.get(id).is_some_and(|c| c.coder == cx.coder))
                    })
                {
                    continue;
                }
                if !words.is_empty() && !fold(text).contains(&words) {
                    continue;
                }
                rows.push((i, r));
            }
        }
        self.rows = rows;
        self.rows_for = Some(key);
    }

    /// Draw the list and the answer selected.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Context<'_>,
        codable: &[CodableQuestion],
        selection: &mut Option<Anchor>,
        asked: &mut Vec<Ask>,
    ) {
        let evaluation = &cx.state.evaluation;
        if codable.is_empty() {
            ui.label("Aucune question ouverte ni réponse « Autre » dans cette évaluation.");
            return;
        }
        if self.question.is_none_or(|q| q >= codable.len()) {
            self.question = Some(0);
        }
        let current = self.question.unwrap_or(0);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Question").id;
            let shown = &codable[current];
            egui::ComboBox::from_id_salt("coding_question")
                .width(420.0)
                .selected_text(format!(
                    "{} · {}",
                    shown.qid,
                    crate::figures::short_text(&shown.text)
                ))
                .show_ui(ui, |ui| {
                    for (i, q) in codable.iter().enumerate() {
                        let text = format!(
                            "{} · {} ({} réponses)",
                            q.qid,
                            crate::figures::short_text(&q.text),
                            q.answers
                        );
                        if ui.selectable_label(i == current, text).clicked() {
                            self.choose(i);
                            *selection = None;
                        }
                    }
                })
                .response
                .labelled_by(label);
        });
        ui.horizontal_wrapped(|ui| {
            let groups: Vec<String> = {
                let wanted = fold(&codable[current].text);
                let mut groups: Vec<String> = codable
                    .iter()
                    .filter(|c| fold(&c.text) == wanted)
                    .map(|c| group_of(&evaluation.sources[c.source]))
                    .collect();
                groups.dedup();
                groups
            };
            if groups.len() > 1 {
                let label = ui.label("Groupe").id;
                egui::ComboBox::from_id_salt("coding_group")
                    .selected_text(self.filter.group.as_deref().unwrap_or("Tous les groupes"))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.filter.group, None, "Tous les groupes");
                        for g in groups {
                            ui.selectable_value(&mut self.filter.group, Some(g.clone()), g);
                        }
                    })
                    .response
                    .labelled_by(label);
            }
            let sites = &evaluation.manifest.sites;
            let label = ui.label("Site").id;
            egui::ComboBox::from_id_salt("coding_site")
                .selected_text(
                    self.filter
                        .site
                        .and_then(|s| sites.get(s))
                        .map_or("Tous les sites", |s| s.name.as_str()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.site, None, "Tous les sites");
                    for (i, s) in sites.iter().enumerate() {
                        ui.selectable_value(&mut self.filter.site, Some(i), &s.name);
                    }
                })
                .response
                .labelled_by(label);
            let book = &evaluation.coding.codebook;
            let label = ui.label("Code").id;
            egui::ComboBox::from_id_salt("coding_code_filter")
                .selected_text(
                    self.filter
                        .code
                        .and_then(|c| book.get(c))
                        .map_or("Tous les codes", |c| c.name.as_str()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.code, None, "Tous les codes");
                    for (code, depth) in book.in_order() {
                        if code.codable {
                            ui.selectable_value(
                                &mut self.filter.code,
                                Some(code.id),
                                format!("{}{}", "  ".repeat(depth), code.name),
                            );
                        }
                    }
                })
                .response
                .labelled_by(label);
            ui.checkbox(&mut self.filter.uncoded, "À coder (par vous)");
            let label = ui.label("Mots").id;
            ui.add(egui::TextEdit::singleline(&mut self.filter.words).desired_width(140.0))
                .labelled_by(label);
        });
        self.refresh(cx, codable);
        ui.weak(format!(
            "{} réponse(s) · N : prochaine réponse à coder",
            crate::model::french::count(self.rows.len() as u64)
        ));
        let detail_height = (ui.available_height() * 0.35).clamp(120.0, 320.0);
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let selected_index = self
            .selected
            .and_then(|s| self.rows.iter().position(|r| *r == s));
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("coding_answers")
            .auto_shrink([false, false])
            .max_height(ui.available_height() - detail_height);
        if self.scroll_to_selected
            && let Some(i) = selected_index
        {
            let spacing = ui.spacing().item_spacing.y;
            let y = i as f32 * (row_height + spacing);
            scroll = scroll.vertical_scroll_offset((y - 3.0 * row_height).max(0.0));
            self.scroll_to_selected = false;
        }
        let rows = &self.rows;
        let mut clicked = None;
        scroll.show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                let question = &codable[row.0];
                let source = &evaluation.sources[question.source];
                let text = query::answer_text(evaluation, &source.entry.id, &question.id, row.1)
                    .unwrap_or_default();
                let selected = self.selected == Some(*row);
                let response = ui
                    .horizontal(|ui| {
                        ui.set_height(row_height);
                        let site = source
                            .site_of_respondent
                            .get(row.1 as usize)
                            .copied()
                            .flatten()
                            .and_then(|s| evaluation.manifest.sites.get(s))
                            .map_or("—", |s| s.name.as_str());
                        let cell = |ui: &mut egui::Ui, width: f32, label: egui::Label| {
                            ui.allocate_ui_with_layout(
                                egui::vec2(width, row_height),
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    ui.set_width(width);
                                    ui.add(label)
                                },
                            )
                            .inner
                        };
                        cell(
                            ui,
                            40.0,
                            egui::Label::new(RichText::new(format!("{}", row.1 + 1)).weak()),
                        );
                        cell(
                            ui,
                            170.0,
                            egui::Label::new(
                                RichText::new(format!("{} · {site}", group_of(source))).weak(),
                            )
                            .truncate(),
                        );
                        let codes: Vec<(String, crate::model::coding::Rgb)> = self
                            .index
                            .get(&(source.entry.id.clone(), question.id.clone(), row.1))
                            .into_iter()
                            .flatten()
                            .filter_map(|id| evaluation.coding.codings.get(id))
                            .filter_map(|c| evaluation.coding.codebook.get(c.code))
                            .map(|c| (c.name.clone(), c.color))
                            .collect();
                        let width =
                            (ui.available_width() - 120.0 * codes.len().min(3) as f32).max(120.0);
                        let label = cell(
                            ui,
                            width,
                            egui::Label::new(text.replace('\n', " "))
                                .truncate()
                                .sense(egui::Sense::click()),
                        );
                        for (name, rgb) in codes.iter().take(3) {
                            chip(ui, name, *rgb);
                        }
                        if codes.len() > 3 {
                            ui.weak(format!("+{}", codes.len() - 3));
                        }
                        label
                    })
                    .inner;
                if selected {
                    ui.painter().rect_stroke(
                        response.rect.expand(2.0),
                        2.0,
                        ui.visuals().selection.stroke,
                        egui::StrokeKind::Outside,
                    );
                }
                if response.clicked() {
                    clicked = Some(*row);
                }
            }
        });
        if let Some(row) = clicked {
            self.selected = Some(row);
            *selection = None;
        }
        ui.separator();
        self.detail_ui(ui, cx, codable, selection, asked);
    }

    fn detail_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Context<'_>,
        codable: &[CodableQuestion],
        selection: &mut Option<Anchor>,
        asked: &mut Vec<Ask>,
    ) {
        let Some((q, respondent)) = self.selected else {
            ui.weak("Choisissez une réponse (clic, ou flèches haut et bas) pour la coder ; sélectionnez un passage pour n'en coder qu'une partie.");
            return;
        };
        let Some(question) = codable.get(q) else {
            return;
        };
        let evaluation = &cx.state.evaluation;
        let source = &evaluation.sources[question.source];
        let Some(text) = query::answer_text(evaluation, &source.entry.id, &question.id, respondent)
        else {
            return;
        };
        ui.horizontal(|ui| {
            ui.strong(format!("Répondant {}", respondent + 1));
            ui.weak(format!("{} · {}", group_of(source), question.qid));
        });
        let anchor_of = |span: Option<(u32, u32)>| question.anchor(respondent, span);
        let codings: Vec<&crate::model::coding::Coding> = self
            .index
            .get(&(source.entry.id.clone(), question.id.clone(), respondent))
            .into_iter()
            .flatten()
            .filter_map(|id| evaluation.coding.codings.get(id))
            .collect();
        let spans: Vec<text::Stripe> = codings
            .iter()
            .map(|c| text::Stripe {
                coding: c.id,
                code: c.code,
                start: match &c.anchor {
                    Anchor::Answer { span: Some(s), .. } => s.0,
                    _ => 0,
                },
                end: match &c.anchor {
                    Anchor::Answer { span: Some(s), .. } => s.1,
                    _ => text.chars().count() as u32,
                },
            })
            .collect();
        egui::ScrollArea::vertical()
            .id_salt("coding_answer_detail")
            .show(ui, |ui| {
                let picked = text::reader_ui(
                    ui,
                    egui::Id::unique(("answer_reader", question.source, &question.id, respondent)),
                    text,
                    &spans,
                    &evaluation.coding.codebook,
                    asked,
                );
                if let Some(range) = picked {
                    *selection = Some(anchor_of(Some(range)));
                }
                ui.horizontal_wrapped(|ui| {
                    for coding in &codings {
                        let Some(code) = evaluation.coding.codebook.get(coding.code) else {
                            continue;
                        };
                        let (label, note) = match &coding.review {
                            Some(why) => (
                                format!("{} (à revoir) ×", code.name),
                                format!("\nÀ revoir : {why}"),
                            ),
                            None => (format!("{} ×", code.name), String::new()),
                        };
                        if chip(ui, &label, code.color)
                            .on_hover_text(format!(
                                "Codé par {}{note} — cliquer pour retirer ce codage",
                                coding.coder
                            ))
                            .clicked()
                        {
                            asked.push(Ask::Remove(vec![coding.id]));
                        }
                    }
                });
            });
    }
}

/// The respondents' group of a source, as the list shows it.
fn group_of(source: &crate::model::EvaluationSource) -> String {
    if source.group_label.is_empty() {
        source.survey.raw.file_name.clone()
    } else {
        source.group_label.clone()
    }
}
