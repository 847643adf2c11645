//! Coding help: autocoding (a rule of words, every hit previewed and untickable, the hits
//! kept applied as one command) and suggestions learned from the evaluator's own coding of a
//! question (with the words that drove each, and how often they would have been right on
//! answers already coded).

use egui::RichText;

use super::{Ask, Context};
use crate::coding::autocode::{self, Preview, Rule};
use crate::coding::query::{self, CodableQuestion};
use crate::coding::suggest::{self, Suggestions};
use crate::model::coding::{Anchor, CodeId};

/// Where autocoding searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// The answers of one codable question.
    Question(usize),
    /// Every site-visit note.
    Notes,
}

struct Autocode {
    code: Option<CodeId>,
    rule: String,
    scope: Scope,
    preview: Option<(Preview, Vec<Anchor>, Vec<String>)>,
}

/// View state of the coding tools.
#[derive(Default)]
pub struct Tools {
    autocode: Option<Autocode>,
    suggestions: Option<(u64, usize, CodeId, Result<Suggestions, String>)>,
    rejected: Vec<usize>,
}

impl Tools {
    /// Open the autocoding window for `code` on question `question`.
    pub fn open_autocode(&mut self, code: Option<CodeId>, question: Option<usize>) {
        self.autocode = Some(Autocode {
            code,
            rule: String::new(),
            scope: question.map_or(Scope::Notes, Scope::Question),
            preview: None,
        });
    }

    /// The suggestions part of the side panel.
    pub fn side_ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &Context<'_>,
        codable: &[CodableQuestion],
        question: Option<usize>,
        code: Option<CodeId>,
        asked: &mut Vec<Ask>,
    ) {
        let evaluation = &cx.state.evaluation;
        ui.strong("Aides au codage");
        if ui
            .button("Autocodage…")
            .on_hover_text("Coder d'un coup les passages où figurent des mots (accents, majuscules et pluriels confondus), après les avoir vus un par un")
            .clicked()
        {
            self.open_autocode(code, question);
        }
        let (Some(q), Some(code)) = (question, code) else {
            ui.weak("Choisissez un code et une question pour des suggestions.");
            return;
        };
        let Some(codable_question) = codable.get(q) else {
            return;
        };
        let Some(name) = evaluation.coding.codebook.get(code).map(|c| c.name.clone()) else {
            return;
        };
        if ui
            .button(format!("Suggérer « {name} »"))
            .on_hover_text("Classe les réponses non codées de cette question selon votre propre codage (calculé sur cet ordinateur)")
            .clicked()
        {
            let source = &evaluation.sources[codable_question.source];
            let n = source.survey.respondents();
            let texts: Vec<&str> = (0..n as u32)
                .map(|r| {
                    query::answer_text(evaluation, &codable_question.source_id, &codable_question.id, r)
                        .unwrap_or("")
                })
                .collect();
            let codings: Vec<_> = evaluation.coding.codings.values().cloned().collect();
            let labels = suggest::labels(&codings, &codable_question.source_id, &codable_question.id, code, n);
            let result = suggest::suggest(&texts, &labels).map_err(|e| e.to_string());
            self.suggestions = Some((cx.state.version, q, code, result));
            self.rejected.clear();
        }
        let Some((_, sq, scode, result)) = &self.suggestions else {
            return;
        };
        if *sq != q || *scode != code {
            return;
        }
        match result {
            Err(message) => {
                ui.label(message);
            }
            Ok(suggestions) => {
                ui.label(RichText::new(suggestions.evaluation.sentence()).small())
                    .on_hover_text(suggestions.evaluation.details());
                let work = &evaluation.coding;
                let shown: Vec<&suggest::Suggestion> = suggestions
                    .ranked
                    .iter()
                    .filter(|s| !self.rejected.contains(&s.answer))
                    .filter(|s| {
                        !work
                            .of_answer(
                                &codable_question.source_id,
                                &codable_question.id,
                                s.answer as u32,
                            )
                            .any(|c| c.code == code)
                    })
                    .take(30)
                    .collect();
                ui.weak("Oui ou Entrée : accepter la première · Non ou Échap : l'écarter");
                let first = shown.first().map(|s| s.answer);
                if let Some(first) = first {
                    let accept = ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let reject = ui.input(|i| i.key_pressed(egui::Key::Escape));
                    if accept {
                        asked.push(Ask::ApplyMany(
                            code,
                            vec![codable_question.anchor(first as u32, None)],
                        ));
                    } else if reject {
                        self.rejected.push(first);
                    }
                }
                egui::ScrollArea::vertical()
                    .id_salt("suggestions")
                    .max_height(280.0)
                    .show(ui, |ui| {
                        for s in shown {
                            let text = query::answer_text(
                                evaluation,
                                &codable_question.source_id,
                                &codable_question.id,
                                s.answer as u32,
                            )
                            .unwrap_or_default();
                            ui.group(|ui| {
                                ui.label(RichText::new(crate::figures::short_text(text)).small());
                                let words: Vec<&str> =
                                    s.drivers.iter().map(|d| d.word.as_str()).collect();
                                ui.horizontal_wrapped(|ui| {
                                    ui.weak(format!(
                                        "{} · {}",
                                        crate::model::french::percent(s.probability * 100.0, 0),
                                        words.join(", ")
                                    ));
                                    if ui
                                        .small_button("Oui")
                                        .on_hover_text("Coder cette réponse")
                                        .clicked()
                                    {
                                        asked.push(Ask::ApplyMany(
                                            code,
                                            vec![codable_question.anchor(s.answer as u32, None)],
                                        ));
                                    }
                                    if ui
                                        .small_button("Non")
                                        .on_hover_text("Écarter la suggestion")
                                        .clicked()
                                    {
                                        self.rejected.push(s.answer);
                                    }
                                    if ui.small_button("Voir").clicked() {
                                        asked.push(Ask::OpenAnswer(q, s.answer as u32));
                                    }
                                });
                            });
                        }
                    });
            }
        }
    }

    /// The autocoding window, when open.
    pub fn windows(
        &mut self,
        ctx: &egui::Context,
        cx: &Context<'_>,
        codable: &[CodableQuestion],
        asked: &mut Vec<Ask>,
    ) {
        let Some(auto) = &mut self.autocode else {
            return;
        };
        let evaluation = &cx.state.evaluation;
        let book = &evaluation.coding.codebook;
        let mut open = true;
        let mut apply = false;
        egui::Window::new("Autocodage")
            .open(&mut open)
            .default_width(560.0)
            .default_height(480.0)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    let label = ui.label("Code").id;
                    egui::ComboBox::from_id_salt("autocode_code")
                        .selected_text(auto.code.and_then(|c| book.get(c)).map_or("choisir…", |c| c.name.as_str()))
                        .show_ui(ui, |ui| {
                            for (code, depth) in book.in_order() {
                                if code.codable {
                                    ui.selectable_value(&mut auto.code, Some(code.id), format!("{}{}", "  ".repeat(depth), code.name));
                                }
                            }
                        })
                        .response
                        .labelled_by(label);
                });
                ui.horizontal(|ui| {
                    let label = ui.label("Où").id;
                    let current = match auto.scope {
                        Scope::Question(i) => codable.get(i).map_or_else(String::new, |q| q.qid.clone()),
                        Scope::Notes => "Toutes les notes de visite".to_owned(),
                    };
                    egui::ComboBox::from_id_salt("autocode_scope")
                        .selected_text(current)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut auto.scope, Scope::Notes, "Toutes les notes de visite");
                            for (i, q) in codable.iter().enumerate() {
                                ui.selectable_value(&mut auto.scope, Scope::Question(i), format!("{} · {}", q.qid, crate::figures::short_text(&q.text)));
                            }
                        })
                        .response
                        .labelled_by(label);
                });
                ui.horizontal(|ui| {
                    let label = ui.label("Mots ou expressions").id;
                    ui.add(egui::TextEdit::singleline(&mut auto.rule).hint_text("permis, mobilité, transport").desired_width(300.0))
                        .labelled_by(label);
                    if ui.button("Prévisualiser").clicked() {
                        auto.preview = preview(cx, codable, auto);
                    }
                });
                ui.weak("Accents, majuscules et formes d'un même mot (aide, aides, aidée) sont confondus ; une expression demande ses mots à la suite.");
                let Some((preview, anchors, contexts)) = &mut auto.preview else { return };
                ui.separator();
                ui.horizontal(|ui| {
                    ui.label(format!("{} passage(s) trouvé(s), {} coché(s)", preview.hits().len(), preview.kept_count()));
                    if ui.small_button("Tout cocher").clicked() {
                        preview.set_all_kept(true);
                    }
                    if ui.small_button("Tout décocher").clicked() {
                        preview.set_all_kept(false);
                    }
                });
                let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
                egui::ScrollArea::vertical()
                    .id_salt("autocode_hits")
                    .max_height(300.0)
                    .show_rows(ui, row_height, contexts.len(), |ui, range| {
                        for i in range {
                            let mut kept = preview.is_kept(i);
                            if ui.checkbox(&mut kept, &contexts[i]).changed() {
                                preview.set_kept(i, kept);
                            }
                        }
                    });
                let _ = anchors;
                apply = ui
                    .add_enabled(preview.kept_count() > 0, egui::Button::new(format!("Appliquer ({})", preview.kept_count())))
                    .clicked();
            });
        if apply
            && let Some(auto) = &self.autocode
            && let (Some(code), Some((preview, anchors, _))) = (auto.code, &auto.preview)
        {
            let kept: Vec<Anchor> = preview
                .hits()
                .iter()
                .enumerate()
                .filter(|(i, _)| preview.is_kept(*i))
                .map(|(i, _)| anchors[i].clone())
                .collect();
            asked.push(Ask::ApplyMany(code, kept));
            self.autocode = None;
            return;
        }
        if !open {
            self.autocode = None;
        }
    }
}

/// Where a hit of the texts searched lies, as an anchor.
type Placer = Box<dyn Fn(&autocode::Hit) -> Anchor>;

/// Every hit of the rule in the scope, each with its anchor and a line of context; hits the
/// coder already coded with this code are shown unticked.
fn preview(
    cx: &Context<'_>,
    codable: &[CodableQuestion],
    auto: &Autocode,
) -> Option<(Preview, Vec<Anchor>, Vec<String>)> {
    let code = auto.code?;
    let rule = Rule::parse(&auto.rule);
    if rule.is_empty() {
        return None;
    }
    let evaluation = &cx.state.evaluation;
    let (texts, place): (Vec<String>, Placer) = match auto.scope {
        Scope::Question(i) => {
            let q = codable.get(i)?.clone();
            let n = evaluation.sources.get(q.source)?.survey.respondents();
            let texts = (0..n as u32)
                .map(|r| {
                    query::answer_text(evaluation, &q.source_id, &q.id, r)
                        .unwrap_or("")
                        .to_owned()
                })
                .collect();
            (
                texts,
                Box::new(move |hit| autocode::answer_anchor(&q.source_id, &q.id, hit)),
            )
        }
        Scope::Notes => {
            let files: Vec<String> = evaluation
                .notes
                .iter()
                .map(|n| n.entry.file.clone())
                .collect();
            let texts = evaluation
                .notes
                .iter()
                .map(|n| n.text.full_text())
                .collect();
            (
                texts,
                Box::new(move |hit| Anchor::Note {
                    file: files[hit.text].clone(),
                    start: hit.start,
                    end: hit.end,
                }),
            )
        }
    };
    let mut preview = Preview::new(code, rule, &texts);
    let work = &evaluation.coding;
    let anchors: Vec<Anchor> = preview.hits().iter().map(&place).collect();
    let contexts: Vec<String> = preview
        .hits()
        .iter()
        .map(|h| context(&texts[h.text], h.start, h.end))
        .collect();
    for (i, anchor) in anchors.iter().enumerate() {
        let done = work
            .codings
            .values()
            .any(|c| c.code == code && c.coder == cx.coder && c.anchor == *anchor);
        if done {
            preview.set_kept(i, false);
        }
    }
    Some((preview, anchors, contexts))
}

/// The words around a hit, on one line, the hit in brackets.
fn context(text: &str, start: u32, end: u32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (start as usize, (end as usize).min(chars.len()));
    let from = start.saturating_sub(40);
    let to = (end + 40).min(chars.len());
    let before: String = chars[from..start].iter().collect();
    let hit: String = chars[start..end].iter().collect();
    let after: String = chars[end..to].iter().collect();
    format!("…{before}[{hit}]{after}…").replace('\n', " ")
}
