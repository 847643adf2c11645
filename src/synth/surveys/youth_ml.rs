//! The questionnaire of young people accompanied by a Mission locale: 190 respondents
//! (report L221), too few for the report to publish anything (L2736–2737). Designed in
//! parallel with the Pôle emploi one, with what the ML database says of this public (more
//! than half aged 16–18, 57 % men, 20 % motorised: L1764, L1815, L1827), as a Google Forms
//! CSV: « Horodateur » first, checkbox answers joined with ", " (one option holding a
//! comma), an agreement grid and a 1–5 linear scale.

use std::path::Path;

use super::answers::{self, YOUTH_ML_SUGGEST};
use super::deal::{self, Scale, answering, blurred, labelled};
use super::formats::{self, CsvStyle};
use super::table::{Answers, Cell, Column, Question, Sheet, Stamp, Tool};
use super::youth_pe::REASON_LABELS;
use crate::synth::rng::Rng;
use crate::synth::sites::Network;
use crate::synth::{SEED, SynthError};

/// Respondents (report L221).
pub const RESPONDENTS: usize = 190;

/// The structure question (manifest `site_question`).
pub const STRUCTURE: &str = "Quelle Mission locale vous accompagne ?";
/// The checkbox question.
pub const ACTIONS: &str = "Qu'est-ce qu'on vous a proposé pendant votre accompagnement ?";
/// Its options; the third holds a comma, as Google Forms options often do.
pub const ACTION_OPTIONS: [&str; 7] = [
    "Des rendez-vous réguliers avec mon conseiller",
    "Des offres d'emploi",
    "Une aide pour le CV, la lettre ou les entretiens",
    "Des ateliers collectifs",
    "Un stage en entreprise",
    "Une aide pour le permis ou le logement",
    "Une aide financière",
];
const ACTION_P: [f64; 7] = [0.84, 0.61, 0.66, 0.33, 0.27, 0.31, 0.38];
/// What young people type in « Autre » (each typed by one person: Google Forms cannot tell
/// a free answer typed twice from an option).
const ACTION_OTHERS: &[&str] = &[
    "Une formation BAFA",
    "le code de la route",
    "Garantie jeunes ?",
    "rien",
    "Un service civique",
    "inscription a l'ecole de la 2e chance",
    "Une aide pour ouvrir un compte",
    "un rdv avec une psychologue",
    "Rencontre avec un employeur",
    "Aide pour la CMU",
    "des tickets de bus",
    "un atelier cuisine",
    "Job dating au forum",
    "aide pour ma carte d'identité",
    "visite du CFA",
    "pas grand chose en fait",
];
/// The agreement grid.
pub const AGREEMENT: &str = "Êtes-vous d'accord avec les affirmations suivantes ?";
const AGREEMENT_ITEMS: [&str; 5] = [
    "Mon conseiller est disponible quand j'ai besoin de lui",
    "Les rendez-vous réguliers m'aident à avancer",
    "Les ateliers collectifs m'ont été utiles",
    "On m'a proposé des offres qui correspondent à mon projet",
    "Je me sens plus confiant(e) pour trouver un emploi",
];
const AGREEMENT_LABELS: [&str; 4] = [
    "Tout à fait d'accord",
    "Plutôt d'accord",
    "Plutôt pas d'accord",
    "Pas du tout d'accord",
];
const AGREEMENT_SHARES: [[f64; 4]; 5] = [
    [48.0, 36.0, 11.0, 5.0],
    [41.0, 39.0, 14.0, 6.0],
    [17.0, 34.0, 29.0, 20.0],
    [22.0, 37.0, 27.0, 14.0],
    [30.0, 42.0, 19.0, 9.0],
];
/// The 1–5 linear scale.
pub const MARK: &str = "Quelle note donnez-vous à l'accompagnement de la Mission locale ?";

const VISITED: &[(&str, usize)] = &[
    ("ml_touraine", 9),
    ("ml_perigueux", 3),
    ("ml_centre_var", 6),
    ("ml_charleville", 12),
    ("ml_nord_essonne", 2),
];

/// Build the answers of `n` young people ([`RESPONDENTS`] in the sample), with the
/// submission times.
pub fn build(n: usize) -> (Vec<Stamp>, Vec<Question>) {
    let scale = Scale::new(n, RESPONDENTS);
    let mut rng = Rng::stream(SEED, "jeunes_ml");
    let stamps = deal::october(&mut rng, n, (9, 23));
    let structures = deal::structures(&mut rng, n, Network::Ml, &scale.visited(VISITED));
    let satisfaction: Vec<f64> = (0..n).map(|_| rng.unit()).collect();
    let all = deal::everyone(n);
    let mut questions = Vec::new();
    questions.push(Question::new(
        STRUCTURE,
        Answers::Choice(structures.iter().map(|s| Some((*s).to_owned())).collect()),
    ));

    let sex = deal::exact(&mut rng, &all, &[57.0, 43.0]);
    questions.push(Question::new(
        "Vous êtes",
        Answers::Choice(labelled(&sex, &["Un homme", "Une femme"])),
    ));
    let band = deal::exact(&mut rng, &all, &[54.0, 46.0]);
    let ages = band
        .iter()
        .map(|b| b.map(|b| if b == 0 { deal::around(&mut rng, 16, 17, 18) } else { deal::around(&mut rng, 19, 20, 25) } as f64))
        .collect();
    questions.push(Question::new("Quel âge avez-vous ?", Answers::Number(ages)));
    let vehicle = deal::exact(&mut rng, &all, &[20.0, 80.0]);
    questions.push(Question::new(
        "Avez-vous un véhicule (voiture, scooter…) ?",
        Answers::Choice(labelled(&vehicle, &["Oui", "Non"])),
    ));
    let length = deal::exact(&mut rng, &all, &[31.0, 38.0, 31.0]);
    questions.push(Question::new(
        "Depuis combien de temps êtes-vous accompagné(e) dans le cadre de l'ANI ?",
        Answers::Choice(labelled(
            &length,
            &["Moins de 3 mois", "Entre 3 et 6 mois", "Plus de 6 mois"],
        )),
    ));

    let mask = answering(&mut rng, n, scale.all_but(3));
    let picks = deal::few_ticks(&mut rng, &mask, &ACTION_P, &[38.0, 32.0, 18.0, 8.0, 4.0]);
    let mut typed_others: Vec<&str> = ACTION_OTHERS.to_vec();
    rng.shuffle(&mut typed_others);
    let mut typed_others = typed_others.into_iter();
    let other = mask
        .iter()
        .map(|&m| {
            if m && rng.chance(0.05) {
                typed_others.next().map(str::to_owned)
            } else {
                None
            }
        })
        .collect();
    questions.push(Question::new(
        ACTIONS,
        Answers::Ticks {
            options: ACTION_OPTIONS.iter().map(|s| (*s).to_owned()).collect(),
            picks,
            other: Some(other),
        },
    ));

    let frequency = deal::ranked(
        &all,
        &[14.0, 33.0, 35.0, 18.0],
        &blurred(&mut rng, &satisfaction, 1.5),
    );
    questions.push(Question::new(
        "À quelle fréquence voyez-vous votre conseiller ?",
        Answers::Choice(labelled(
            &frequency,
            &[
                "Plus d'une fois par semaine",
                "Une fois par semaine",
                "Deux fois par mois",
                "Une fois par mois ou moins",
            ],
        )),
    ));

    let mask = answering(&mut rng, n, scale.all_but(6));
    let agreement = AGREEMENT_SHARES
        .iter()
        .map(|shares| {
            let picks = deal::ranked(&mask, shares, &blurred(&mut rng, &satisfaction, 0.9));
            let mut labels = labelled(&picks, &AGREEMENT_LABELS);
            // Google Forms grids do not force every row.
            for label in labels.iter_mut() {
                if rng.chance(0.02) {
                    *label = None;
                }
            }
            labels
        })
        .collect();
    questions.push(Question::new(
        AGREEMENT,
        Answers::Grid {
            items: AGREEMENT_ITEMS.iter().map(|s| (*s).to_owned()).collect(),
            answers: agreement,
        },
    ));

    let mask = answering(&mut rng, n, scale.all_but(4));
    let mark = deal::ranked(
        &mask,
        &[24.0, 37.0, 23.0, 10.0, 6.0],
        &blurred(&mut rng, &satisfaction, 0.4),
    );
    questions.push(Question::new(
        MARK,
        Answers::Number(mark.iter().map(|m| m.map(|m| 5.0 - m as f64)).collect()),
    ));

    let stopped = deal::exact(&mut rng, &all, &[22.0, 78.0]);
    questions.push(Question::new(
        "Avez-vous arrêté l'accompagnement avant la fin ?",
        Answers::Choice(labelled(&stopped, &["Oui", "Non"])),
    ));
    let asked: Vec<bool> = stopped.iter().map(|s| *s == Some(0)).collect();
    let reasons = deal::ranked(
        &asked,
        &[38.0, 12.0, 6.0, 44.0],
        &blurred(&mut rng, &satisfaction, 0.6),
    );
    let order = [0usize, 3, 1, 2];
    let reasons: Vec<Option<usize>> = reasons.iter().map(|r| r.map(|r| order[r])).collect();
    questions.push(Question::new(
        "Si oui, pour quelle raison ?",
        Answers::Choice(labelled(&reasons, &REASON_LABELS)),
    ));
    questions.push(Question::new(
        "Avez-vous des suggestions pour améliorer l'accompagnement ?",
        Answers::Text(answers::column(&mut rng, n, 0.42, &YOUTH_ML_SUGGEST)),
    ));
    (stamps, questions)
}

/// The Google Forms CSV of `n` young people: comma-separated UTF-8 without BOM,
/// « Horodateur » first.
pub fn export(path: &Path, n: usize) -> Result<Vec<u8>, SynthError> {
    let (stamps, questions) = build(n);
    let mut sheet = Sheet::new(false);
    sheet.push(Column::plain(
        "Horodateur",
        stamps.iter().map(|s| Cell::Stamp(*s)).collect(),
    ));
    for question in &questions {
        sheet.question(question, Tool::GoogleForms);
    }
    let style = CsvStyle {
        delimiter: b',',
        crlf: false,
        quote_all: false,
        bom: false,
        windows_1252: false,
        stamp: Stamp::french,
    };
    formats::csv(&sheet, style, path)
}
