//! A text to code, with its coded passages as coloured stripes in the margin: hovering a
//! stripe names its code, clicking it selects the passage. A passage is selected with the
//! mouse (or Maj+flèches) and coded with a code's « Coder » button, its key, or 1–9.
//! Site-visit notes and interviews (every field of one row of an interview grid) are shown
//! this way.

use std::collections::HashSet;

use egui::text::{CCursor, CCursorRange};
use egui::{Id, RichText};

use super::{Ask, Context, Document, color};
use crate::coding::query::CodableQuestion;
use crate::model::coding::{Anchor, CodeId, Codebook};

/// A coded range of the text in view, in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stripe {
    /// The coding.
    pub coding: u64,
    /// Its code.
    pub code: CodeId,
    /// First character.
    pub start: u32,
    /// One past the last.
    pub end: u32,
}

/// Width of one stripe, and the gap after it.
const LANE: f32 = 6.0;
/// Most stripes side by side; more overlap the last lane.
const LANES: usize = 8;

/// Whether `id` is a text shown for coding (keys stay coding shortcuts while it has focus).
pub fn is_reader(id: Id) -> bool {
    READERS.with(|r| r.borrow().contains(&id))
}

thread_local! {
    static READERS: std::cell::RefCell<HashSet<Id>> = std::cell::RefCell::new(HashSet::new());
}

/// Show `text` with its stripes; returns the passage selected, in characters, if any.
pub fn reader_ui(
    ui: &mut egui::Ui,
    id: Id,
    text: &str,
    stripes: &[Stripe],
    codebook: &Codebook,
    asked: &mut Vec<Ask>,
) -> Option<(u32, u32)> {
    READERS.with(|r| r.borrow_mut().insert(id));
    // One lane per code, in codebook order, so a code keeps its column down the text.
    let mut lanes: Vec<CodeId> = Vec::new();
    for (code, _) in codebook.in_order() {
        if stripes.iter().any(|s| s.code == code.id) {
            lanes.push(code.id);
        }
    }
    let lane_of = |code: CodeId| {
        lanes
            .iter()
            .position(|c| *c == code)
            .unwrap_or(0)
            .min(LANES - 1)
    };
    let margin = LANE * lanes.len().clamp(1, LANES) as f32 + 4.0;
    let mut selected = None;
    ui.horizontal_top(|ui| {
        let (margin_rect, _) =
            ui.allocate_exact_size(egui::vec2(margin, 1.0), egui::Sense::hover());
        let mut readonly = text;
        let output = egui::TextEdit::multiline(&mut readonly)
            .id(id)
            .frame(egui::Frame::NONE)
            .desired_width(ui.available_width())
            .desired_rows(1)
            .show(ui);
        let galley = &output.galley;
        let origin = output.galley_pos;
        let y_of = |char_index: u32, bottom: bool| {
            let rect = galley.pos_from_cursor(CCursor::new(char_index as usize));
            origin.y + if bottom { rect.bottom() } else { rect.top() }
        };
        let mut clicked: Option<(u32, u32)> = None;
        for stripe in stripes {
            let Some(code) = codebook.get(stripe.code) else {
                continue;
            };
            let x = margin_rect.left() + lane_of(stripe.code) as f32 * LANE;
            let top = y_of(stripe.start, false);
            let bottom = y_of(stripe.end.max(stripe.start + 1).saturating_sub(1), true);
            let rect = egui::Rect::from_min_max(
                egui::pos2(x, top),
                egui::pos2(x + LANE - 2.0, bottom.max(top + 4.0)),
            );
            ui.painter().rect_filled(rect, 1.0, color(code.color));
            let response = ui
                .interact(
                    rect,
                    id.with(("stripe", stripe.coding)),
                    egui::Sense::click(),
                )
                .on_hover_text(stripe_hover(stripes, stripe, codebook));
            if response.clicked() {
                clicked = Some((stripe.start, stripe.end));
            }
        }
        if let Some((start, end)) = clicked {
            let mut state = output.state.clone();
            state.cursor.set_char_range(Some(CCursorRange::two(
                CCursor::new(start as usize),
                CCursor::new(end as usize),
            )));
            state.store(ui.ctx(), id);
            ui.memory_mut(|m| m.request_focus(id));
            selected = Some((start, end));
        } else if let Some(range) = output.cursor_range {
            let (a, b) = (range.primary.index.0, range.secondary.index.0);
            if a != b {
                selected = Some((a.min(b) as u32, a.max(b) as u32));
            }
        }
    });
    if let Some((a, b)) = selected
        && b > a
    {
        ui.weak(format!(
            "Passage choisi : {} caractère(s) — « Coder » ou une touche pour le coder",
            b - a
        ));
    }
    let _ = asked;
    selected
}

/// The codes of every stripe under the hovered one.
fn stripe_hover(stripes: &[Stripe], hovered: &Stripe, codebook: &Codebook) -> String {
    let mut names: Vec<&str> = stripes
        .iter()
        .filter(|s| s.start < hovered.end && hovered.start < s.end)
        .filter_map(|s| codebook.get(s.code).map(|c| c.name.as_str()))
        .collect();
    names.dedup();
    format!("{}\n(clic : choisir le passage)", names.join("\n"))
}

/// The documents (notes by site, interviews) and the one in view.
pub fn documents_ui(
    ui: &mut egui::Ui,
    cx: &Context<'_>,
    codable: &[CodableQuestion],
    document: &mut Option<Document>,
    selection: &mut Option<Anchor>,
    asked: &mut Vec<Ask>,
) {
    let evaluation = &cx.state.evaluation;
    egui::Panel::left("coding_documents")
        .resizable(true)
        .default_size(230.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("coding_document_list")
                .show(ui, |ui| {
                    for (s, site) in evaluation.manifest.sites.iter().enumerate() {
                        let notes: Vec<(usize, &crate::model::note::SiteNote)> = evaluation
                            .notes
                            .iter()
                            .enumerate()
                            .filter(|(_, n)| n.site == s)
                            .collect();
                        if notes.is_empty() {
                            continue;
                        }
                        egui::CollapsingHeader::new(&site.name)
                            .id_salt(("site_notes", s))
                            .default_open(document.as_ref().is_some_and(|d| matches!(d, Document::Note(i) if evaluation.notes.get(*i).is_some_and(|n| n.site == s))))
                            .show(ui, |ui| {
                                for (i, note) in notes {
                                    let shown = *document == Some(Document::Note(i));
                                    let count = evaluation.coding.of_note(&note.entry.file).count();
                                    let label = if count > 0 {
                                        format!("{} ({count})", note.entry.title)
                                    } else {
                                        note.entry.title.clone()
                                    };
                                    if ui.selectable_label(shown, label).clicked() {
                                        asked.push(Ask::Open(Document::Note(i)));
                                    }
                                }
                            });
                    }
                    for (s, source) in evaluation.sources.iter().enumerate() {
                        if source.entry.kind != "interviews" {
                            continue;
                        }
                        let title = if source.group_label.is_empty() {
                            source.survey.raw.file_name.clone()
                        } else {
                            source.group_label.clone()
                        };
                        egui::CollapsingHeader::new(format!("Entretiens : {title}"))
                            .id_salt(("interviews", s))
                            .show(ui, |ui| {
                                for r in 0..source.survey.respondents() as u32 {
                                    let site = source
                                        .site_of_respondent
                                        .get(r as usize)
                                        .copied()
                                        .flatten()
                                        .and_then(|i| evaluation.manifest.sites.get(i))
                                        .map_or("site inconnu", |s| s.name.as_str());
                                    let shown = *document == Some(Document::Interview(s, r));
                                    if ui
                                        .selectable_label(shown, format!("Entretien {} · {site}", r + 1))
                                        .clicked()
                                    {
                                        asked.push(Ask::Open(Document::Interview(s, r)));
                                    }
                                }
                            });
                    }
                });
        });
    match document.clone() {
        Some(Document::Note(i)) => {
            let Some(note) = evaluation.notes.get(i) else {
                *document = None;
                return;
            };
            let site = evaluation
                .manifest
                .sites
                .get(note.site)
                .map_or("", |s| s.name.as_str());
            ui.heading(&note.entry.title);
            ui.weak(format!(
                "{site} · {} · {}",
                note.entry.date,
                note.entry.roles.join(", ")
            ));
            let full = note.text.full_text();
            let stripes: Vec<Stripe> = evaluation
                .coding
                .of_note(&note.entry.file)
                .filter_map(|c| match &c.anchor {
                    Anchor::Note { start, end, .. } => Some(Stripe {
                        coding: c.id,
                        code: c.code,
                        start: *start,
                        end: *end,
                    }),
                    Anchor::Answer { .. } => None,
                })
                .collect();
            egui::ScrollArea::vertical()
                .id_salt(("note_reader", i))
                .show(ui, |ui| {
                    let picked = reader_ui(
                        ui,
                        Id::unique(("note", &note.entry.file)),
                        &full,
                        &stripes,
                        &evaluation.coding.codebook,
                        asked,
                    );
                    if let Some((start, end)) = picked {
                        *selection = Some(Anchor::Note {
                            file: note.entry.file.clone(),
                            start,
                            end,
                        });
                    }
                });
        }
        Some(Document::Interview(s, r)) => {
            let Some(source) = evaluation.sources.get(s) else {
                *document = None;
                return;
            };
            ui.heading(format!("Entretien {}", r + 1));
            ui.weak(source.survey.raw.file_name.clone());
            egui::ScrollArea::vertical()
                .id_salt(("interview_reader", s, r))
                .show(ui, |ui| {
                    for question in codable.iter().filter(|q| q.source == s) {
                        let Some(text) = crate::coding::query::answer_text(
                            evaluation,
                            &question.source_id,
                            &question.id,
                            r,
                        ) else {
                            continue;
                        };
                        ui.add_space(6.0);
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(&question.text).strong());
                            if ui
                                .small_button("Tout le champ")
                                .on_hover_text("Choisir la réponse entière, pour la coder")
                                .clicked()
                            {
                                *selection = Some(question.anchor(r, None));
                            }
                        });
                        let whole = text.chars().count() as u32;
                        let stripes: Vec<Stripe> = evaluation
                            .coding
                            .of_answer(&question.source_id, &question.id, r)
                            .map(|c| {
                                let (start, end) = match &c.anchor {
                                    Anchor::Answer { span: Some(s), .. } => *s,
                                    _ => (0, whole),
                                };
                                Stripe {
                                    coding: c.id,
                                    code: c.code,
                                    start,
                                    end,
                                }
                            })
                            .collect();
                        let picked = reader_ui(
                            ui,
                            Id::unique(("interview", s, &question.id, r)),
                            text,
                            &stripes,
                            &evaluation.coding.codebook,
                            asked,
                        );
                        if let Some(range) = picked {
                            *selection = Some(question.anchor(r, Some(range)));
                        }
                    }
                });
        }
        None => {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.3);
                ui.label("Choisissez une note de visite ou un entretien à gauche.");
            });
        }
    }
}
