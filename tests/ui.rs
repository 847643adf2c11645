//! The workbench in an egui_kittest harness: files dropped on the Sources panel are
//! imported in the background and their questions appear, found by their labels.

// Tests panic on purpose when something is wrong.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use atelier::session::places::Places;
use atelier::ui::{AtelierApp, LaunchOptions, View};

mod common;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The user's folders of one test, fresh.
fn places(name: &str) -> Places {
    Places::at(&common::temp_dir("ui", name))
}

fn harness(name: &str) -> Harness<'static, AtelierApp> {
    harness_with(places(name), None)
}

/// The window opened on `path` (as `atelier PATH` does) with the user's folders `places`.
fn harness_with(places: Places, path: Option<PathBuf>) -> Harness<'static, AtelierApp> {
    let ctx = egui::Context::default();
    let app = AtelierApp::new(
        &ctx,
        LaunchOptions {
            path,
            view: View::Sources,
            cohort_view: atelier::ui::CohortView::Indicators,
            screenshot: None,
            remember: false,
            places,
        },
    );
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut AtelierApp| app.frame(ui), app)
}

/// Step the harness until the background imports are done.
fn settle(harness: &mut Harness<'_, AtelierApp>) {
    let start = Instant::now();
    harness.step();
    while !harness.state().jobs.is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "background work did not finish"
        );
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.step();
    harness.step();
}

fn drop_file(harness: &mut Harness<'_, AtelierApp>, path: PathBuf) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path)));
    settle(harness);
}

#[test]
fn a_dropped_export_shows_its_questions_by_label() {
    let mut harness = harness("a_dropped_export_shows_its_questions_by_label");
    harness.get_by_label_contains("Aucune source");
    drop_file(&mut harness, data("limesurvey_fulltext.csv"));
    assert_eq!(harness.state().state.evaluation.sources.len(), 1);
    assert!(
        harness
            .get_all_by_label_contains(
                "Comment jugez-vous la pertinence des éléments du dispositif ?"
            )
            .count()
            >= 1
    );
    assert!(
        harness
            .get_all_by_label_contains("Quelles actions proposez-vous ?")
            .count()
            >= 1
    );
    // The question list gives each question's kind.
    harness
        .get_by_label_contains("\nComment jugez-vous la pertinence des éléments du dispositif ?");
    harness.get_by_label_contains("choix multiple · n = 5");
    harness.get_by_label("5 répondants");
}

#[test]
fn a_question_selected_shows_its_scale_and_can_be_flipped_then_undone() {
    let mut harness = harness("a_question_selected_shows_its_scale_and_can_be_flipped_then_undone");
    drop_file(&mut harness, data("limesurvey_fulltext.csv"));
    harness
        .get_all_by_label_contains("Les actions sont-elles mutualisées")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::Button)
        .expect("the question is listed")
        .click();
    harness.run_steps(2);
    harness.get_by_label("1. Souvent");
    harness.get_by_label("Inverser").click();
    harness.run_steps(2);
    harness.get_by_label("1. Jamais");
    let survey = &harness.state().state.evaluation.sources[0].survey;
    let q = survey
        .questions
        .iter()
        .find(|q| q.text.starts_with("Les actions sont-elles"))
        .unwrap();
    assert_eq!(q.scale()[0], "Jamais");
    harness.get_by_label("Annuler").click();
    harness.run_steps(2);
    harness.get_by_label("1. Souvent");
}

#[test]
fn a_bad_file_dropped_is_reported_and_nothing_is_lost() {
    let mut harness = harness("a_bad_file_dropped_is_reported_and_nothing_is_lost");
    drop_file(&mut harness, data("kobo.csv"));
    let dir = std::env::temp_dir().join(format!("atelier-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("vide.csv");
    std::fs::write(&empty, b"").unwrap();
    drop_file(&mut harness, empty);
    // Told in the Sources panel, and in the status line whatever the view.
    assert!(
        harness
            .get_all_by_label_contains("vide.csv: le fichier est vide")
            .count()
            >= 1
    );
    assert_eq!(
        harness.state().state.evaluation.sources.len(),
        1,
        "the good source stays"
    );
}

#[test]
fn every_view_of_the_navigation_opens() {
    let mut harness = harness("every_view_of_the_navigation_opens");
    for (label, view) in [
        ("Codage", View::Coding),
        ("Graphiques", View::Charts),
        ("Cohortes", View::Cohort),
        ("Monographies", View::Monographs),
        ("Sources", View::Sources),
    ] {
        harness.get_by_label(label).click();
        harness.run_steps(2);
        assert_eq!(harness.state().view, view);
    }
}

fn open_sample(harness: &mut Harness<'_, AtelierApp>) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    let ctx = harness.ctx.clone();
    harness.state_mut().open_path(&ctx, &sample);
    settle(harness);
    assert_eq!(
        harness.state().state.evaluation.sources.len(),
        6,
        "the sample's six sources"
    );
}

#[test]
fn the_charts_view_compares_the_networks_and_a_filter_changes_the_table() {
    let mut harness =
        harness("the_charts_view_compares_the_networks_and_a_filter_changes_the_table");
    open_sample(&mut harness);
    harness.get_by_label("Graphiques").click();
    harness.run_steps(3);
    // The default chart: a counsellors' battery, Missions locales beside Pôle emploi.
    assert!(harness.get_all_by_label("Missions locales").count() >= 1);
    assert!(harness.get_all_by_label("Pôle emploi").count() >= 1);
    assert!(harness.get_all_by_label("Ensemble").count() >= 1);
    // Choose the respondent group instead: the table's rows become the questionnaires.
    // The first combo box is « Comparer par » (showing « Réseau »).
    cut(&mut harness, "Groupe de répondants");
    assert!(harness.get_all_by_label("Conseillers Pôle emploi").count() >= 1);
    // Adding the chart to the monograph is one undoable command.
    harness.get_by_label("Ajouter à la monographie").click();
    harness.run_steps(2);
    assert_eq!(harness.state().state.figures.len(), 1);
    harness.get_by_label("Annuler").click();
    harness.run_steps(2);
    assert!(harness.state().state.figures.is_empty());
}

#[test]
fn a_table_without_grouping_shows_ensemble_once() {
    let mut harness = harness("a_table_without_grouping_shows_ensemble_once");
    open_sample(&mut harness);
    harness.get_by_label("Graphiques").click();
    harness.run_steps(3);
    // « Comparer par » : everyone together.
    harness
        .get_all_by_role(egui::accesskit::Role::ComboBox)
        .next()
        .expect("the grouping combo box")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Ensemble des répondants").click();
    harness.run_steps(3);
    // A single-answer question: one table, one row of everyone.
    let text_input = egui::accesskit::Role::TextInput;
    harness
        .get_by_role_and_label(text_input, "Rechercher")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(text_input, "Rechercher")
        .type_text("votre fonction");
    harness.run_steps(3);
    harness
        .get_by_label_contains("Quelle est votre fonction ?")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.query_all_by_label("Ensemble").count(), 1);
}

#[test]
fn a_numeric_question_shows_its_summary_with_deciles_not_extremes() {
    let mut harness = harness("a_numeric_question_shows_its_summary_with_deciles_not_extremes");
    open_sample(&mut harness);
    harness.get_by_label("Graphiques").click();
    harness.run_steps(3);
    // Young people's age, in the PE questionnaire (2,477 answers), found by a word of it.
    let text_input = egui::accesskit::Role::TextInput;
    harness
        .get_by_role_and_label(text_input, "Rechercher")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(text_input, "Rechercher")
        .type_text("âge avez");
    harness.run_steps(3);
    harness
        .get_by_label_contains("Quel âge avez-vous ?  ·  n = 2477")
        .click();
    harness.run_steps(3);
    harness.get_by_value("1er décile");
    harness.get_by_value("9e décile");
    assert_eq!(harness.query_all_by_value("Minimum").count(), 0);
    // Pôle emploi's young people (2,477) beside Mission locale's (190), then everyone.
    for n in ["2477", "190", "2667"] {
        assert!(harness.query_all_by_value(n).count() >= 1, "no row of {n}");
    }
}

#[test]
fn the_cohort_view_shows_a_site_beside_its_network() {
    let mut harness = harness("the_cohort_view_shows_a_site_beside_its_network");
    open_sample(&mut harness);
    harness.get_by_label("Cohortes").click();
    let start = Instant::now();
    while harness.state().state.cohort.is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "cohort figures not computed"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(3);
    harness.get_by_label("Réseau (national)");
    harness.get_by_label("Pôle emploi Lille (PE)").click();
    harness.run_steps(3);
    harness.get_by_label("Pôle emploi Lille — Pôle emploi");
    harness.get_by_label("Entrées en phase 2");
}

#[test]
fn the_cohort_view_shows_success_factors_and_adjusted_effects() {
    let mut harness = harness("the_cohort_view_shows_success_factors_and_adjusted_effects");
    open_sample(&mut harness);
    harness.get_by_label("Cohortes").click();
    let start = Instant::now();
    while harness.state().state.cohort.is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "cohort figures not computed"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(3);
    harness.get_by_label("Facteurs de réussite").click();
    harness.run_steps(3);
    harness.get_by_label("Classes de sortie en fin de phase 2");
    harness.get_by_label("Facteurs de réussite, un facteur à la fois");
    harness.get_by_label("Effets ajustés (ce que le rapport ne pouvait pas donner)");
    // A site stands beside its network, and the tab is kept when the scope changes.
    harness
        .get_by_label("Mission locale de Touraine (ML)")
        .click();
    harness.run_steps(3);
    harness.get_by_label("Effets ajustés (ce que le rapport ne pouvait pas donner)");
}

/// A copy of the small test evaluation in a fresh folder, and the user's folders beside it.
fn evaluation_copy(name: &str) -> (PathBuf, Places) {
    let root = common::temp_dir("ui", name);
    let folder = root.join("evaluation");
    std::fs::create_dir_all(&folder).unwrap();
    for entry in std::fs::read_dir(data("evaluation")).unwrap().flatten() {
        std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
    }
    (folder, Places::at(&root.join("utilisateur")))
}

fn kind(
    harness: &Harness<'_, AtelierApp>,
    source: &str,
    text: &str,
) -> atelier::model::QuestionKind {
    harness
        .state()
        .state
        .evaluation
        .sources
        .iter()
        .find(|s| s.entry.id == source)
        .and_then(|s| s.survey.questions.iter().find(|q| q.text.starts_with(text)))
        .map(|q| q.kind)
        .expect("the question")
}

fn click_button(harness: &mut Harness<'_, AtelierApp>, label: &str) {
    harness
        .get_all_by_label_contains(label)
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::Button)
        .unwrap_or_else(|| panic!("no button « {label} »"))
        .click();
    harness.run_steps(2);
}

#[test]
fn what_is_done_in_the_window_is_in_the_project_after_quitting() {
    use atelier::model::QuestionKind;
    use egui::{Key, Modifiers};
    let (folder, places) = evaluation_copy("reouverture");
    let mut harness = harness_with(places.clone(), Some(folder.clone()));
    settle(&mut harness);
    assert!(
        harness
            .state()
            .window_title()
            .starts_with("Évaluation de test — evaluation.atelier"),
        "{}",
        harness.state().window_title()
    );
    // Correct a question: choose it, then another kind in « Type ».
    click_button(&mut harness, "Depuis combien de temps accompagnez-vous");
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Type")
        .click();
    harness.run_steps(2);
    harness.get_by_label("texte libre").click();
    harness.run_steps(2);
    assert_eq!(kind(&harness, "cons", "Depuis combien"), QuestionKind::Open);
    // Place a figure from Graphiques.
    harness.get_by_label("Graphiques").click();
    harness.run_steps(3);
    harness.get_by_label("Ajouter à la monographie").click();
    harness.run_steps(2);
    assert_eq!(harness.state().state.figures.len(), 1);
    // Undo and redo, by button and by keyboard: each writes back.
    harness.get_by_label("Annuler").click();
    harness.run_steps(2);
    assert!(harness.state().state.figures.is_empty());
    harness.get_by_label("Rétablir").click();
    harness.run_steps(2);
    assert_eq!(harness.state().state.figures.len(), 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert!(harness.state().state.figures.is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run_steps(2);
    assert_eq!(harness.state().state.figures.len(), 1);
    // Quit: there is nothing to save.
    drop(harness);

    let mut harness = harness_with(places, Some(folder));
    settle(&mut harness);
    assert_eq!(kind(&harness, "cons", "Depuis combien"), QuestionKind::Open);
    assert!(
        harness
            .get_all_by_label_contains("texte libre (corrigé)")
            .count()
            >= 1
    );
    harness.get_by_label("Monographies").click();
    harness.run_steps(3);
    harness.get_by_label("Figures placées (1)");
    assert_eq!(harness.state().state.figures.len(), 1);
}

#[test]
fn a_later_wave_replaced_in_the_window_keeps_the_corrections_after_quitting() {
    use atelier::model::QuestionKind;
    let (folder, places) = evaluation_copy("vague");
    let mut harness = harness_with(places.clone(), Some(folder.clone()));
    settle(&mut harness);
    // The young people's questionnaire; its age question corrected to single choice.
    click_button(&mut harness, "jeunes.csv");
    click_button(&mut harness, "Quel âge avez-vous");
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Type")
        .click();
    harness.run_steps(2);
    harness.get_by_label("choix unique").click();
    harness.run_steps(2);
    // A later wave: one answer changed, one respondent gone, one new.
    let text = std::fs::read_to_string(folder.join("jeunes.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[3] = lines[3].replace(",19,", ",20,");
    lines.retain(|l| !l.starts_with("11400004"));
    lines.push(
        "11400009,2200002,10/09/2013 02:00:00 PM,10/09/2013 02:10:00 PM,82.64.10.9,eden.nouveau@example.net,Eden,Nouveau,A9,Agence de Lille,Ateliers collectifs,,,,Très utile,Très utile,Très utile,23,"
            .to_owned(),
    );
    let newer = folder.join("jeunes-vague2.csv");
    std::fs::write(&newer, lines.join("\n") + "\n").unwrap();
    // « Remplacer par une version plus récente… » asks for the file, then does this:
    let ctx = harness.ctx.clone();
    let index = harness
        .state()
        .state
        .evaluation
        .sources
        .iter()
        .position(|s| s.entry.id == "jeunes")
        .unwrap();
    harness.state_mut().replace_source(&ctx, index, newer);
    settle(&mut harness);
    harness.get_by_label("Ce qui a changé");
    assert!(
        harness
            .get_all_by_label_contains("1 répondant(s) ajouté(s), 1 retiré(s)")
            .count()
            >= 1
    );
    assert_eq!(kind(&harness, "jeunes", "Quel âge"), QuestionKind::Single);
    drop(harness);

    let mut harness = harness_with(places, Some(folder));
    settle(&mut harness);
    assert!(
        harness
            .get_all_by_label_contains("jeunes-vague2.csv")
            .count()
            >= 1
    );
    assert_eq!(kind(&harness, "jeunes", "Quel âge"), QuestionKind::Single);
}

/// The codes of every coding, as (coder, code name, what is coded), sorted.
fn codings(harness: &Harness<'_, AtelierApp>) -> Vec<(String, String, String)> {
    let coding = &harness.state().state.evaluation.coding;
    let mut out: Vec<(String, String, String)> = coding
        .codings
        .values()
        .map(|c| {
            let name = coding
                .codebook
                .get(c.code)
                .map(|code| code.name.clone())
                .unwrap_or_default();
            (c.coder.clone(), name, format!("{:?}", c.anchor))
        })
        .collect();
    out.sort();
    out
}

/// Keep only one code in view in the codebook, so that its « Coder » button is the only one.
fn filter_codebook(harness: &mut Harness<'_, AtelierApp>, words: &str) {
    let text_input = egui::accesskit::Role::TextInput;
    let filter = harness.get_by_role_and_label(text_input, "Filtrer");
    filter.click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(text_input, "Filtrer")
        .type_text(words);
    harness.run_steps(3);
    // Leave the field, so that keys code again.
    harness.get_by_role_and_label(text_input, "Filtrer").hover();
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
}

#[test]
fn answers_are_coded_by_mouse_and_by_keyboard_and_found_after_reopening() {
    use egui::{Key, Modifiers};
    let (folder, places) = evaluation_copy("codage-reponses");
    let mut harness = harness_with(places.clone(), Some(folder.clone()));
    settle(&mut harness);
    harness.get_by_label("Codage").click();
    harness.run_steps(3);
    // The counsellors' open question: « Moins de reporting » is an answer of it.
    harness.get_by_label_contains("Moins de reporting").click();
    harness.run_steps(2);
    filter_codebook(&mut harness, "reporting");
    click_button(&mut harness, "Coder");
    let after_mouse = codings(&harness);
    assert_eq!(after_mouse.len(), 1, "{after_mouse:?}");
    assert_eq!(after_mouse[0].1, "Outils de suivi et reporting");
    // By keyboard: the next answer, then 1 (the code used last).
    harness.key_press(Key::ArrowDown);
    harness.run_steps(2);
    harness.key_press(Key::Num1);
    harness.run_steps(2);
    assert_eq!(codings(&harness).len(), 2);
    // Undo and redo, by keyboard.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(codings(&harness).len(), 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run_steps(2);
    let done = codings(&harness);
    assert_eq!(done.len(), 2);
    drop(harness);

    let mut harness = harness_with(places, Some(folder));
    settle(&mut harness);
    assert_eq!(codings(&harness), done, "the codings are in the project");
}

/// The text of the note in view (the memo is a text too, but a short one).
fn note_text<'h>(harness: &'h Harness<'_, AtelierApp>) -> egui_kittest::Node<'h> {
    harness
        .get_all_by_role(egui::accesskit::Role::MultilineTextInput)
        .find(|n| n.value().is_some_and(|v| v.len() > 300))
        .expect("the note's text")
}

#[test]
fn a_note_passage_is_coded_by_mouse_and_by_keyboard_and_found_after_reopening() {
    use egui::{Key, Modifiers, PointerButton};
    let places = places("codage-notes");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    let mut harness = harness_with(places.clone(), Some(sample.clone()));
    settle(&mut harness);
    let before = codings(&harness).len();
    harness.get_by_label("Codage").click();
    harness.run_steps(3);
    harness.get_by_label("Notes et entretiens").click();
    harness.run_steps(3);
    harness.get_by_label("Mission locale de Touraine").click();
    harness.run_steps(2);
    harness
        .get_by_label_contains("Entretien avec la directrice")
        .click();
    harness.run_steps(3);
    // By mouse: drag across the start of the note's text.
    let reader = note_text(&harness);
    let rect = reader.rect();
    let from = egui::pos2(rect.left() + 2.0, rect.top() + 6.0);
    let to = egui::pos2(rect.left() + 160.0, rect.top() + 6.0);
    harness.event(egui::Event::PointerMoved(from));
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(1);
    harness.event(egui::Event::PointerMoved(to));
    harness.run_steps(1);
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(2);
    filter_codebook(&mut harness, "Pilotage national");
    click_button(&mut harness, "Coder");
    let coded = codings(&harness);
    assert_eq!(coded.len(), before + 1);
    let note_codings: Vec<_> = coded
        .iter()
        .filter(|(_, name, anchor)| {
            name == "Pilotage national" && anchor.contains("01_entretien_directrice")
        })
        .collect();
    assert!(!note_codings.is_empty(), "{coded:?}");
    // By keyboard: into the text (a click on its first line), select a few characters with
    // Maj+→, then 1.
    let rect = note_text(&harness).rect();
    let at = egui::pos2(rect.left() + 30.0, rect.top() + 6.0);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    for _ in 0..8 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
        harness.run_steps(1);
    }
    harness.key_press(Key::Num1);
    harness.run_steps(2);
    let done = codings(&harness);
    assert_eq!(done.len(), before + 2, "{done:?}");
    drop(harness);

    let mut harness = harness_with(places, Some(sample));
    settle(&mut harness);
    assert_eq!(codings(&harness), done, "the codings are in the project");
}

#[test]
fn a_section_is_built_from_the_side_pane_exported_and_found_after_reopening() {
    let places = places("monographie");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    let mut harness = harness_with(places.clone(), Some(sample.clone()));
    settle(&mut harness);
    harness.get_by_label("Monographies").click();
    harness.run_steps(4);
    harness.get_by_label_contains("Monographie — Mission locale de Touraine");
    // « Ajouter à… » beside the site's cohort figures, into « Contexte et partenariats ».
    harness
        .get_all_by_label("Ajouter à…")
        .next()
        .expect("the side pane offers its items")
        .scroll_to_me();
    harness.run_steps(2);
    harness
        .get_all_by_label("Ajouter à…")
        .next()
        .expect("the side pane offers its items")
        .click();
    harness.run_steps(2);
    harness
        .get_all_by_label("Contexte et partenariats")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .expect("the sections are offered")
        .click();
    harness.run_steps(3);
    let has_cohort = |harness: &Harness<'_, AtelierApp>| {
        harness
            .state()
            .state
            .monograph("ml_touraine")
            .sections
            .iter()
            .find(|s| s.id == "contexte")
            .and_then(|s| s.blocks.as_ref())
            .is_some_and(|b| {
                b.iter()
                    .any(|b| b.kind == atelier::model::monograph::BlockKind::Cohort)
            })
    };
    assert!(has_cohort(&harness));
    // Exported (the dialog asks where; then this happens), in the background.
    let out = common::temp_dir("ui", "monographie-export").join("touraine.docx");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .export_monographs_to(&ctx, Some(0), out.clone());
    settle(&mut harness);
    assert!(out.is_file(), "{:?}", harness.state().errors);
    assert!(
        harness
            .state()
            .state
            .monograph("ml_touraine")
            .exported_at
            .is_some(),
        "the export is remembered"
    );
    drop(harness);

    let mut harness = harness_with(places, Some(sample));
    settle(&mut harness);
    assert!(has_cohort(&harness), "the section is in the project");
    // Its survey figures are in the register of publications, for the site and its network.
    let register = &harness.state().state.register;
    assert!(
        register.iter().any(|p| p.format == "Monographie (Word)"
            && p.file == "touraine.docx"
            && p.figure.site.as_deref() == Some("ml_touraine")),
        "{register:?}"
    );
    // Two directors answered in Touraine: their answers are not published for the site,
    // only for the network, and the register says just that.
    let directors = |site: Option<&str>| {
        register
            .iter()
            .any(|p| p.figure.qid == "directeurs_ml.q8" && p.figure.site.as_deref() == site)
    };
    assert!(directors(None), "{register:?}");
    assert!(!directors(Some("ml_touraine")), "{register:?}");
}

/// Graphiques, on the counsellors' criteria for orienting a young person (a question cut by
/// site and by region whose cells add up).
fn open_criteria(harness: &mut Harness<'_, AtelierApp>) {
    harness.get_by_label("Graphiques").click();
    harness.run_steps(3);
    let text_input = egui::accesskit::Role::TextInput;
    harness
        .get_by_role_and_label(text_input, "Rechercher")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(text_input, "Rechercher")
        .type_text("importance accordez");
    harness.run_steps(3);
    harness
        .get_all_by_label_contains("Quelle importance accordez-vous")
        .next()
        .expect("the counsellors' criteria")
        .click();
    harness.run_steps(3);
}

/// Cut the figure on screen by the grouping labelled `label`.
fn cut(harness: &mut Harness<'_, AtelierApp>, label: &str) {
    harness
        .get_all_by_role(egui::accesskit::Role::ComboBox)
        .next()
        .expect("the grouping combo box")
        .click();
    harness.run_steps(2);
    harness.get_by_label(label).click();
    harness.run_steps(3);
}

#[test]
fn a_table_that_would_give_cells_back_with_one_already_published_waits_and_goes_in_the_register() {
    let places = places("registre");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    let mut harness = harness_with(places.clone(), Some(sample.clone()));
    settle(&mut harness);
    open_criteria(&mut harness);
    cut(&mut harness, "Site visité");
    // The evaluator sees every value, and why exports hide some.
    assert!(
        harness.query_all_by_label_contains(" (s)").count() > 0,
        "small counts are marked"
    );
    assert!(
        harness
            .query_all_by_label_contains("(dans « Autres »)")
            .count()
            > 0,
        "small sites say where they go"
    );
    let folder = common::temp_dir("ui", "registre-exports");
    let ctx = harness.ctx.clone();
    // By site first: nothing published before, written at once.
    harness
        .state_mut()
        .export_figure_to(&ctx, folder.join("par-site.xlsx"));
    settle(&mut harness);
    assert!(
        folder.join("par-site.xlsx").is_file(),
        "{:?}",
        harness.state().errors
    );
    assert_eq!(harness.state().state.register.len(), 1);
    // Then by region: read with the table by site, it would give cells back.
    cut(&mut harness, "Région");
    harness
        .state_mut()
        .export_figure_to(&ctx, folder.join("par-region.csv"));
    settle(&mut harness);
    assert!(!folder.join("par-region.csv").exists(), "held back");
    harness.get_by_label_contains("Attention : lu avec le tableau par site déjà publié");
    harness.get_by_label("Exporter quand même").click();
    settle(&mut harness);
    assert!(
        folder.join("par-region.csv").is_file(),
        "{:?}",
        harness.state().errors
    );
    // The register, from the « Projet » menu.
    harness.get_by_label("Projet").click();
    harness.run_steps(2);
    harness.get_by_label("Registre des publications…").click();
    harness.run_steps(3);
    harness.get_by_label("par-site.xlsx");
    harness.get_by_label("par-region.csv");
    drop(harness);

    let mut harness = harness_with(places, Some(sample));
    settle(&mut harness);
    let register: Vec<(Option<String>, String)> = harness
        .state()
        .state
        .register
        .iter()
        .map(|p| (p.figure.by.clone(), p.format.clone()))
        .collect();
    assert_eq!(
        register,
        [
            (Some("site".to_owned()), "XLSX".to_owned()),
            (Some("region".to_owned()), "CSV".to_owned())
        ],
        "the register is in the project"
    );
}

#[test]
fn a_cut_exported_while_another_is_written_is_checked_against_it() {
    let places = places("registre-file");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_surveys");
    let mut harness = harness_with(places, Some(sample));
    settle(&mut harness);
    open_criteria(&mut harness);
    let folder = common::temp_dir("ui", "registre-file");
    let ctx = harness.ctx.clone();
    // By region, then by site, asked one after the other before the first is written (as
    // two clicks on « CSV » in quick succession): the second waits for the first to be in
    // the register and is read with it.
    cut(&mut harness, "Région");
    let by_region = harness
        .state()
        .export_request(folder.join("par-region.csv"))
        .expect("a figure on screen");
    cut(&mut harness, "Site visité");
    let by_site = harness
        .state()
        .export_request(folder.join("par-site.csv"))
        .expect("a figure on screen");
    harness.state_mut().export(&ctx, by_region);
    harness.state_mut().export(&ctx, by_site);
    assert!(
        harness.state().status.contains("en attente"),
        "{}",
        harness.state().status
    );
    settle(&mut harness);
    assert!(folder.join("par-region.csv").is_file());
    assert!(!folder.join("par-site.csv").exists(), "held back");
    harness.get_by_label_contains("Attention : lu avec le tableau par région déjà publié");
    harness.get_by_label("Ne pas exporter").click();
    settle(&mut harness);
    assert!(!folder.join("par-site.csv").exists());
    assert_eq!(harness.state().state.register.len(), 1);
}
