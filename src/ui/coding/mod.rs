//! The Codage panel: the codebook on the left; in the middle the open answers of a question
//! (one row each, virtualised), a site-visit note or an interview with its coloured stripes,
//! a code's retrieved segments, the codes × groups matrix, or the agreement between coders;
//! on the right the recent codes, the memo of what is in view and suggestions.
//!
//! Coding by keyboard: ↑/↓ move between answers, N goes to the next answer not yet coded by
//! you, 1–9 apply the most recently used codes, a code's own key applies it, Suppr takes your
//! codes off the answer. By mouse: select a passage, then click « Coder » beside a code.
//! Every change is a command: written to the project, undone by Ctrl+Z.

mod answers;
mod codebook;
mod text;
mod tools;
mod views;

use egui::{Key, RichText};

use crate::coding::changes::{self, CodingChange};
use crate::coding::query::{self, CodableQuestion};
use crate::model::coding::{Anchor, CodeId, MemoTarget, Rgb};
use crate::session::{AppState, Command};

/// What the middle of the panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The answers of one question, as a list.
    Answers,
    /// A site-visit note, or an interview, with its stripes.
    Documents,
    /// The segments coded with the selected code, from every source.
    Segments,
    /// Codes × groups or sites.
    Matrix,
    /// Agreement between two coders.
    Agreement,
}

impl Mode {
    const ALL: [Mode; 5] = [
        Mode::Answers,
        Mode::Documents,
        Mode::Segments,
        Mode::Matrix,
        Mode::Agreement,
    ];

    fn label(self) -> &'static str {
        match self {
            Mode::Answers => "Réponses",
            Mode::Documents => "Notes et entretiens",
            Mode::Segments => "Segments",
            Mode::Matrix => "Matrice",
            Mode::Agreement => "Accord",
        }
    }
}

/// The text in view that passages are coded in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Document {
    /// A note, by index in the evaluation's notes.
    Note(usize),
    /// An interview: a respondent of an interview grid (source index).
    Interview(usize, u32),
}

/// How many codes « récents » keeps (keys 1 to 9).
const RECENT: usize = 9;

/// View state of the Codage panel.
pub struct CodingPanel {
    mode: Mode,
    /// The code selected in the codebook.
    pub selected_code: Option<CodeId>,
    /// The codes used last, most recent first.
    pub recent: Vec<CodeId>,
    /// The questions that can be coded, worked out when the evaluation changes.
    codable: Vec<CodableQuestion>,
    codable_for: u64,
    answers: answers::AnswersView,
    /// The note or interview in view.
    pub document: Option<Document>,
    /// The passage selected in the text in view (characters), with the anchor it makes.
    pub selection: Option<Anchor>,
    codebook: codebook::CodebookView,
    views: views::Views,
    tools: tools::Tools,
    memo: Option<(MemoTarget, String)>,
    message: Option<String>,
    /// Whether the panel has chosen what to show first.
    started: bool,
}

impl Default for CodingPanel {
    fn default() -> Self {
        CodingPanel {
            mode: Mode::Answers,
            selected_code: None,
            recent: Vec::new(),
            codable: Vec::new(),
            codable_for: u64::MAX,
            answers: answers::AnswersView::default(),
            document: None,
            selection: None,
            codebook: codebook::CodebookView::default(),
            views: views::Views::default(),
            tools: tools::Tools::default(),
            memo: None,
            message: None,
            started: false,
        }
    }
}

/// What the panel needs to know beyond the session.
pub struct Context<'a> {
    /// The session.
    pub state: &'a AppState,
    /// Who codes (from Préférences).
    pub coder: &'a str,
}

impl CodingPanel {
    /// Show the view.
    pub fn show(&mut self, mode: Mode) {
        self.mode = mode;
    }

    /// Choose the question whose answers are listed, by its `SOURCE.QUESTION` id.
    pub fn choose_question(&mut self, state: &AppState, qid: &str) {
        self.refresh(state);
        if let Some(i) = self.codable.iter().position(|q| q.qid == qid) {
            self.answers.choose(i);
            self.mode = Mode::Answers;
        }
    }

    /// Choose the document in view.
    pub fn choose_document(&mut self, document: Document) {
        self.document = Some(document);
        self.selection = None;
        self.mode = Mode::Documents;
    }

    fn refresh(&mut self, state: &AppState) {
        if self.codable_for != state.version {
            self.codable = query::codable_questions(&state.evaluation);
            self.codable_for = state.version;
        }
        if !self.started && !state.evaluation.sources.is_empty() {
            self.start(state);
        }
    }

    /// What to show first: the note coded most, with its stripes, when notes are coded;
    /// else the first open question.
    fn start(&mut self, state: &AppState) {
        self.started = true;
        let evaluation = &state.evaluation;
        let coded = |i: usize| {
            evaluation
                .coding
                .of_note(&evaluation.notes[i].entry.file)
                .count()
        };
        if let Some(i) = (0..evaluation.notes.len())
            .max_by_key(|&i| coded(i))
            .filter(|&i| coded(i) > 0)
        {
            self.choose_document(Document::Note(i));
            return;
        }
        if let Some(i) = self
            .codable
            .iter()
            .position(|q| !q.id.ends_with(query::OTHER_SUFFIX))
        {
            self.answers.choose(i);
        }
    }

    /// Draw the panel; commands go to `commands`.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &Context<'_>, commands: &mut Vec<Command>) {
        let state = cx.state;
        self.refresh(state);
        if state.evaluation.sources.is_empty() && state.evaluation.notes.is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() * 0.3);
                ui.heading("Codage");
                ui.label("Ouvrez une évaluation : ses réponses ouvertes, ses entretiens et ses notes de visite se codent ici.");
            });
            return;
        }
        let mut asked: Vec<Ask> = Vec::new();
        egui::Panel::left("coding_codebook")
            .resizable(true)
            .default_size(300.0)
            .min_size(220.0)
            .show(ui, |ui| {
                self.codebook.ui(
                    ui,
                    cx,
                    self.selected_code,
                    self.target().is_some(),
                    &mut asked,
                );
            });
        egui::Panel::right("coding_side")
            .resizable(true)
            .default_size(280.0)
            .min_size(200.0)
            .show(ui, |ui| self.side_ui(ui, cx, &mut asked));
        ui.horizontal(|ui| {
            for mode in Mode::ALL {
                if ui
                    .selectable_label(self.mode == mode, mode.label())
                    .clicked()
                {
                    self.mode = mode;
                }
            }
            if let Some(message) = &self.message {
                ui.separator();
                ui.weak(message);
            }
        });
        ui.separator();
        match self.mode {
            Mode::Answers => {
                self.answers
                    .ui(ui, cx, &self.codable, &mut self.selection, &mut asked)
            }
            Mode::Documents => text::documents_ui(
                ui,
                cx,
                &self.codable,
                &mut self.document,
                &mut self.selection,
                &mut asked,
            ),
            Mode::Segments => self
                .views
                .segments_ui(ui, cx, self.selected_code, &mut asked),
            Mode::Matrix => self.views.matrix_ui(ui, cx, &mut asked),
            Mode::Agreement => self.views.agreement_ui(ui, cx),
        }
        self.tools.windows(ui.ctx(), cx, &self.codable, &mut asked);
        self.keyboard(ui.ctx(), cx, &mut asked);
        for ask in asked {
            self.carry_out(ask, cx, commands);
        }
    }

    /// What a code applies to now: the passage selected, or the answer selected.
    fn target(&self) -> Option<Anchor> {
        match self.mode {
            Mode::Answers => self
                .selection
                .clone()
                .or_else(|| self.answers.selected_anchor(&self.codable)),
            Mode::Documents => self.selection.clone(),
            _ => None,
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context, cx: &Context<'_>, asked: &mut Vec<Ask>) {
        // Typing in a field (a filter, a memo) is not coding.
        let typing = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| !text::is_reader(id));
        if typing || !matches!(self.mode, Mode::Answers | Mode::Documents) {
            return;
        }
        let book = &cx.state.evaluation.coding.codebook;
        let pressed: Vec<Key> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } if !modifiers.ctrl && !modifiers.command && !modifiers.alt => Some(*key),
                    _ => None,
                })
                .collect()
        });
        for key in pressed {
            let digit = [
                Key::Num1,
                Key::Num2,
                Key::Num3,
                Key::Num4,
                Key::Num5,
                Key::Num6,
                Key::Num7,
                Key::Num8,
                Key::Num9,
            ]
            .iter()
            .position(|k| *k == key);
            if let Some(i) = digit {
                if let Some(code) = self.recent.get(i) {
                    asked.push(Ask::Apply(*code));
                }
                continue;
            }
            match key {
                Key::ArrowDown if self.mode == Mode::Answers => {
                    self.answers.step(1, &mut self.selection)
                }
                Key::ArrowUp if self.mode == Mode::Answers => {
                    self.answers.step(-1, &mut self.selection)
                }
                Key::N if self.mode == Mode::Answers => {
                    self.answers
                        .next_uncoded(cx, &self.codable, &mut self.selection)
                }
                Key::Delete | Key::Backspace => asked.push(Ask::Uncode),
                other => {
                    let name = other.name().to_lowercase();
                    let mut chars = name.chars();
                    if let (Some(c), None) = (chars.next(), chars.next())
                        && let Some(code) = book.codes.iter().find(|code| code.shortcut == Some(c))
                    {
                        asked.push(Ask::Apply(code.id));
                    }
                }
            }
        }
    }

    fn side_ui(&mut self, ui: &mut egui::Ui, cx: &Context<'_>, asked: &mut Vec<Ask>) {
        let book = &cx.state.evaluation.coding.codebook;
        ui.strong("Codes récents");
        if self.recent.is_empty() {
            ui.weak("Les codes appliqués viennent ici : touches 1 à 9.");
        }
        for (i, id) in self.recent.iter().enumerate() {
            let Some(code) = book.get(*id) else { continue };
            ui.horizontal(|ui| {
                ui.monospace(format!("{}", i + 1));
                swatch(ui, code.color);
                if ui
                    .add_enabled(
                        self.target().is_some(),
                        egui::Button::new(&code.name).small(),
                    )
                    .on_hover_text("Appliquer ce code à la réponse ou au passage choisi")
                    .clicked()
                {
                    asked.push(Ask::Apply(*id));
                }
            });
        }
        ui.add_space(6.0);
        ui.weak(
            "Flèches haut et bas : réponse suivante · N : prochaine réponse à coder · Suppr : retirer vos codes",
        );
        ui.separator();
        self.memo_ui(ui, cx, asked);
        ui.separator();
        self.tools.side_ui(
            ui,
            cx,
            &self.codable,
            self.answers.question(),
            self.selected_code,
            asked,
        );
    }

    fn memo_ui(&mut self, ui: &mut egui::Ui, cx: &Context<'_>, asked: &mut Vec<Ask>) {
        let target = match (&self.mode, &self.document) {
            (Mode::Documents, Some(Document::Note(i))) => cx
                .state
                .evaluation
                .notes
                .get(*i)
                .map(|n| MemoTarget::Document(n.entry.file.clone())),
            (Mode::Answers, _) => self
                .answers
                .selected_anchor(&self.codable)
                .and_then(|a| a.answer_key())
                .map(MemoTarget::Answer),
            _ => None,
        }
        .or_else(|| self.selected_code.map(MemoTarget::Code))
        .unwrap_or(MemoTarget::Project);
        let title = match &target {
            MemoTarget::Project => "Mémo du projet".to_owned(),
            MemoTarget::Code(id) => format!(
                "Mémo du code « {} »",
                cx.state
                    .evaluation
                    .coding
                    .codebook
                    .get(*id)
                    .map_or("", |c| c.name.as_str())
            ),
            MemoTarget::Document(_) => "Mémo du document".to_owned(),
            MemoTarget::Answer(_) => "Mémo de la réponse".to_owned(),
        };
        let stored = cx
            .state
            .evaluation
            .coding
            .memos
            .get(&target)
            .cloned()
            .unwrap_or_default();
        if self.memo.as_ref().is_none_or(|(t, _)| *t != target) {
            self.memo = Some((target.clone(), stored.clone()));
        }
        ui.strong(title);
        if let Some((_, text)) = &mut self.memo {
            let response = ui.add(
                egui::TextEdit::multiline(text)
                    .desired_rows(4)
                    .hint_text("Vos remarques, hypothèses, pistes…"),
            );
            if response.lost_focus() && *text != stored {
                asked.push(Ask::Memo(target, text.clone()));
            }
        }
    }

    fn carry_out(&mut self, ask: Ask, cx: &Context<'_>, commands: &mut Vec<Command>) {
        let work = &cx.state.evaluation.coding;
        let result: Result<Option<CodingChange>, String> = match ask {
            Ask::Select(id) => {
                self.selected_code = Some(id);
                Ok(None)
            }
            Ask::Apply(code) => match self.target() {
                Some(anchor) => {
                    let at = now();
                    match changes::apply_code(work, code, &[anchor], cx.coder, &at) {
                        Ok(change) if change.is_empty() => {
                            self.message = Some("Déjà codé ainsi".to_owned());
                            Ok(None)
                        }
                        Ok(change) => {
                            self.recent.retain(|c| *c != code);
                            self.recent.insert(0, code);
                            self.recent.truncate(RECENT);
                            self.selection = None;
                            Ok(Some(change))
                        }
                        Err(e) => Err(e.to_string()),
                    }
                }
                None => Err("Choisissez d'abord une réponse ou un passage".to_owned()),
            },
            Ask::ApplyMany(code, anchors) => {
                changes::apply_code(work, code, &anchors, cx.coder, &now())
                    .map(Some)
                    .map_err(|e| e.to_string())
            }
            Ask::Uncode => {
                let mine: Vec<u64> = match self.target() {
                    Some(Anchor::Answer {
                        source,
                        question,
                        respondent,
                        ..
                    }) => work
                        .of_answer(&source, &question, respondent)
                        .filter(|c| c.coder == cx.coder)
                        .map(|c| c.id)
                        .collect(),
                    Some(anchor @ Anchor::Note { .. }) => work
                        .codings
                        .values()
                        .filter(|c| c.anchor == anchor && c.coder == cx.coder)
                        .map(|c| c.id)
                        .collect(),
                    None => Vec::new(),
                };
                if mine.is_empty() {
                    Ok(None)
                } else {
                    Ok(Some(changes::remove_codings(work, &mine)))
                }
            }
            Ask::Remove(ids) => Ok(Some(changes::remove_codings(work, &ids))),
            Ask::Change(change) => Ok(Some(change)),
            Ask::Memo(target, text) => {
                commands.push(Command::SetMemo { target, text });
                Ok(None)
            }
            Ask::Open(document) => {
                self.choose_document(document);
                Ok(None)
            }
            Ask::OpenAnswer(question, respondent) => {
                self.answers.choose(question);
                self.answers.select(respondent);
                self.selection = None;
                self.mode = Mode::Answers;
                Ok(None)
            }
            Ask::ShowSegments(ids) => {
                self.views.show_only(ids);
                self.mode = Mode::Segments;
                Ok(None)
            }
            Ask::Autocode => {
                self.tools
                    .open_autocode(self.selected_code, self.answers.question());
                Ok(None)
            }
            Ask::Message(message) => {
                self.message = Some(message);
                Ok(None)
            }
        };
        match result {
            Ok(Some(change)) if !change.is_empty() => {
                self.message = None;
                commands.push(Command::Coding(change));
            }
            Ok(_) => {}
            Err(message) => self.message = Some(message),
        }
    }
}

/// What a part of the panel asks for.
pub enum Ask {
    /// Select a code in the codebook.
    Select(CodeId),
    /// Apply a code to what is selected (an answer, a passage).
    Apply(CodeId),
    /// Apply a code to several passages at once (autocoding, suggestions accepted).
    ApplyMany(CodeId, Vec<Anchor>),
    /// Take the coder's codes off what is selected.
    Uncode,
    /// Take codings off.
    Remove(Vec<u64>),
    /// A change to the codebook.
    Change(CodingChange),
    /// Write a memo.
    Memo(MemoTarget, String),
    /// Open a document.
    Open(Document),
    /// Open an answer: the codable question's index and the respondent.
    OpenAnswer(usize, u32),
    /// Show these codings' segments.
    ShowSegments(Vec<u64>),
    /// Open autocoding.
    Autocode,
    /// Tell the user something.
    Message(String),
}

/// The current time, ISO 8601 UTC, for a coding's date.
fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// A code's colour as egui draws it.
pub fn color(rgb: Rgb) -> egui::Color32 {
    egui::Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// A small square of a code's colour.
fn swatch(ui: &mut egui::Ui, rgb: Rgb) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color(rgb));
}

/// A code's chip: its name on its colour, small.
fn chip(ui: &mut egui::Ui, name: &str, rgb: Rgb) -> egui::Response {
    let fill = color(rgb);
    let text = if luminance(rgb) > 0.55 {
        egui::Color32::BLACK
    } else {
        egui::Color32::WHITE
    };
    ui.add(
        egui::Button::new(RichText::new(name).small().color(text))
            .fill(fill)
            .small(),
    )
}

fn luminance(rgb: Rgb) -> f32 {
    (0.299 * f32::from(rgb.0) + 0.587 * f32::from(rgb.1) + 0.114 * f32::from(rgb.2)) / 255.0
}
