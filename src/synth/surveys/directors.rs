//! The questionnaire of Mission locale directors (and their deputies and sector heads),
//! 105 respondents (report L217).
//!
//! The report publishes nothing from it (surveys.md §1), so its answers are designed from
//! what the report says about Missions locales: some recruited for the ANI (L2165), the ANI
//! did not prompt new work with employers (L2583), stop and go and the stacking of schemes
//! weigh on structures (L2713–2719). The export is a LimeSurvey spreadsheet re-saved by an
//! evaluator in LibreOffice: an ods file with full-text headings.

use std::path::Path;

use super::answers::{self, DIRECTOR_COMMENT, DIRECTOR_IMPROVE};
use super::counsellors::{
    COMMENTS, CONTINUATION, CONTINUATION_LABELS, IMPROVE, STRUCTURE, limesurvey_sheet,
};
use super::deal::{self, Scale, answering, blurred, labelled, rated, ticks};
use super::formats;
use super::table::{Answers, Question};
use crate::synth::rng::Rng;
use crate::synth::sites::Network;
use crate::synth::{SEED, SynthError};

/// Respondents (report L217).
pub const RESPONDENTS: usize = 105;

const VISITED: &[(&str, usize)] = &[
    ("ml_touraine", 2),
    ("ml_perigueux", 1),
    ("ml_centre_var", 2),
    ("ml_charleville", 3),
    ("ml_nord_essonne", 2),
];

const FUNCTIONS: [&str; 3] = [
    "Directeur ou directrice",
    "Directeur adjoint ou directrice adjointe",
    "Responsable de secteur ou d'antenne",
];

const ORGANISATION: [&str; 3] = [
    "Des conseillers dédiés à l'ANI",
    "Un ou deux conseillers référents ANI, qui suivent aussi d'autres jeunes",
    "Tous les conseillers peuvent accompagner des jeunes en ANI",
];

const PARTNERS: [&str; 6] = [
    "Pôle emploi",
    "Employeurs et branches professionnelles",
    "Organismes de formation",
    "Collectivités territoriales",
    "Structures d'insertion par l'activité économique",
    "Services sociaux et de santé",
];
const PARTNER_OTHERS: &[&str] = &[
    "Foyers de jeunes travailleurs",
    "Auto-écoles sociales",
    "PLIE",
    "Chambre de métiers",
    "Centre d'information et d'orientation",
];

const STEERING: &str =
    "Comment jugez-vous les éléments suivants de la mise en œuvre de l'ANI Jeunes ?";
const STEERING_ITEMS: [&str; 7] = [
    "Le niveau de financement par jeune",
    "Le paiement en fonction des sorties positives",
    "La continuité du financement (calendrier des entrées)",
    "L'information sur les aides financières aux jeunes",
    "L'animation régionale du dispositif",
    "La saisie et le suivi dans Parcours 3",
    "L'articulation avec Pôle emploi",
];
const STEERING_LABELS: [&str; 5] = [
    "Très satisfaisant",
    "Satisfaisant",
    "Peu satisfaisant",
    "Pas du tout satisfaisant",
    "Sans avis",
];
const STEERING_SHARES: [(&[f64], f64); 7] = [
    (&[24.0, 52.0, 18.0, 6.0], 0.0),
    (&[4.0, 27.0, 45.0, 24.0], 2.0),
    (&[2.0, 14.0, 42.0, 42.0], 0.0),
    (&[5.0, 24.0, 47.0, 24.0], 3.0),
    (&[12.0, 48.0, 30.0, 10.0], 5.0),
    (&[8.0, 46.0, 35.0, 11.0], 2.0),
    (&[9.0, 44.0, 36.0, 11.0], 4.0),
];

const EMPLOYERS: &str = "L'ANI a-t-il été l'occasion d'une réflexion particulière sur ce qui peut être développé avec les employeurs ?";
const EMPLOYERS_LABELS: [&str; 3] = ["Oui, tout à fait", "Oui, en partie", "Non"];

const FIT: &str = "Comment l'ANI s'articule-t-il avec les autres dispositifs d'accompagnement de votre structure (CIVIS, emplois d'avenir…) ?";
const FIT_LABELS: [&str; 3] = [
    "Il apporte une réelle complémentarité",
    "Il s'ajoute aux autres sans spécificité particulière",
    "Il entre en concurrence avec d'autres dispositifs",
];

/// The answers of `n` directors ([`RESPONDENTS`] in the sample), with their start times.
pub fn build(n: usize) -> (Vec<super::table::Stamp>, Vec<Question>) {
    let scale = Scale::new(n, RESPONDENTS);
    let mut rng = Rng::stream(SEED, "directeurs_ml");
    let stamps = deal::october(&mut rng, n, (8, 20));
    let structures = deal::structures(&mut rng, n, Network::Ml, &scale.visited(VISITED));
    let disposition: Vec<f64> = (0..n).map(|_| rng.unit()).collect();
    let mut questions = Vec::new();
    questions.push(Question::new(
        STRUCTURE,
        Answers::Choice(structures.iter().map(|s| Some((*s).to_owned())).collect()),
    ));

    let all = deal::everyone(n);
    let function = deal::exact(&mut rng, &all, &[62.0, 17.0, 21.0]);
    questions.push(Question::new(
        "Quelle est votre fonction ?",
        Answers::Choice(labelled(&function, &FUNCTIONS)),
    ));

    let counsellors: Vec<Option<f64>> = (0..n)
        .map(|_| (!rng.chance(0.03)).then(|| deal::around(&mut rng, 1, 4, 14) as f64))
        .collect();
    questions.push(Question::new(
        "Combien de conseillers de votre structure accompagnent des jeunes dans le cadre de l'ANI ?",
        Answers::Number(counsellors.clone()),
    ));
    let entries: Vec<Option<f64>> = counsellors
        .iter()
        .map(|c| {
            let per = deal::around(&mut rng, 12, 28, 45) as f64;
            (!rng.chance(0.08)).then(|| (c.unwrap_or(3.0) * per).round())
        })
        .collect();
    questions.push(Question::new(
        "Combien de jeunes votre structure a-t-elle fait entrer dans l'ANI depuis son lancement ?",
        Answers::Number(entries),
    ));

    let mask = answering(&mut rng, n, scale.all_but(1));
    let organisation = deal::exact(&mut rng, &mask, &[16.0, 27.0, 57.0]);
    questions.push(Question::new(
        "Comment l'accompagnement ANI est-il organisé dans votre structure ?",
        Answers::Choice(labelled(&organisation, &ORGANISATION)),
    ));

    let mask = answering(&mut rng, n, scale.all_but(1));
    let recruited = deal::exact(&mut rng, &mask, &[37.0, 63.0]);
    questions.push(Question::new(
        "Avez-vous recruté des conseillers à l'occasion de l'ANI Jeunes ?",
        Answers::Choice(labelled(&recruited, &["Oui", "Non"])),
    ));

    let mask = answering(&mut rng, n, scale.all_but(2));
    let picks = ticks(&mut rng, &mask, &[0.82, 0.46, 0.58, 0.49, 0.31, 0.44]);
    let other = mask
        .iter()
        .map(|&m| {
            (m && rng.chance(0.06)).then(|| {
                rng.pick(PARTNER_OTHERS)
                    .copied()
                    .unwrap_or_default()
                    .to_owned()
            })
        })
        .collect();
    questions.push(Question::new(
        "Quels partenaires avez-vous mobilisés dans le cadre de l'ANI ?",
        Answers::Ticks {
            options: PARTNERS.iter().map(|s| (*s).to_owned()).collect(),
            picks,
            other: Some(other),
        },
    ));

    let mask = answering(&mut rng, n, scale.all_but(3));
    let steering = STEERING_SHARES
        .iter()
        .map(|(shares, aside)| {
            let score = blurred(&mut rng, &disposition, 1.2);
            labelled(
                &rated(&mut rng, &mask, shares, *aside, &score),
                &STEERING_LABELS,
            )
        })
        .collect();
    questions.push(Question::new(
        STEERING,
        Answers::Grid {
            items: STEERING_ITEMS.iter().map(|s| (*s).to_owned()).collect(),
            answers: steering,
        },
    ));

    let mask = answering(&mut rng, n, scale.all_but(2));
    let employers = deal::exact(&mut rng, &mask, &[6.0, 21.0, 73.0]);
    questions.push(Question::new(
        EMPLOYERS,
        Answers::Choice(labelled(&employers, &EMPLOYERS_LABELS)),
    ));

    let mask = answering(&mut rng, n, scale.all_but(2));
    let fit = deal::ranked(
        &mask,
        &[34.0, 49.0, 17.0],
        &blurred(&mut rng, &disposition, 0.8),
    );
    questions.push(Question::new(
        FIT,
        Answers::Choice(labelled(&fit, &FIT_LABELS)),
    ));

    let mask = answering(&mut rng, n, scale.all_but(1));
    let continuation = deal::ranked(
        &mask,
        &[38.0, 40.0, 16.0, 6.0],
        &blurred(&mut rng, &disposition, 0.5),
    );
    questions.push(Question::new(
        CONTINUATION,
        Answers::Choice(labelled(&continuation, &CONTINUATION_LABELS)),
    ));

    questions.push(Question::new(
        IMPROVE,
        Answers::Text(answers::column(&mut rng, n, 0.66, &DIRECTOR_IMPROVE)),
    ));
    questions.push(Question::new(
        COMMENTS,
        Answers::Text(answers::column(&mut rng, n, 0.31, &DIRECTOR_COMMENT)),
    ));
    (stamps, questions)
}

/// The ods export of `n` directors: a LimeSurvey table (French bookkeeping headings)
/// re-saved in LibreOffice.
pub fn export(path: &Path, n: usize) -> Result<Vec<u8>, SynthError> {
    let (stamps, questions) = build(n);
    let mut rng = Rng::stream(SEED, "directeurs_ml bookkeeping");
    let headings = [
        "ID de la réponse",
        "Date de soumission",
        "Dernière page",
        "Langue de départ",
        "Tête de série",
        "Date de début",
        "Date de la dernière action",
    ];
    let sheet = limesurvey_sheet(&mut rng, &headings, &stamps, &questions);
    formats::ods(
        &sheet,
        "Réponses",
        "Enquête ANI Jeunes – directeurs de Mission locale",
        path,
    )
}
