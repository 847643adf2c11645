//! The counsellors' questionnaire, put to both networks with the same wording and items
//! so that Pôle emploi and Mission locale answers can be compared (report §5, captions
//! « Exploitation Enquête Geste Conseillers Mission locale et Pôle emploi »).
//!
//! Published figures reproduced exactly, over the respondents to each question:
//! experience before the ANI (PE 13/17/70 %, ML 27/22/51 %, L2175–2208), the young people
//! followed (PE 30/35/35 %, ML 14 % dedicated and 75 % all types, L2220–2258), ML young
//! people going on to another reinforced scheme (80 %, L2619–2623), PE counsellors all for
//! continuation (L2708–2712). Directions the report gives are followed: pooling rare at PE
//! and frequent at ML, reporting judged negatively on average only at PE, the ANI « plus
//! efficace » at PE and « aussi efficace » at ML, motivation as the first effect at ML.

use super::answers::{self, ML_COMMENT, ML_IMPROVE, PE_COMMENT, PE_IMPROVE};
use super::deal::{self, Scale, answering, blurred, labelled, rated, ticks};
mod profiles;

use std::path::Path;

use super::formats::{self, CsvStyle};
use super::table::{Answers, Cell, Column, Question, Sheet, Stamp, Tool};
use crate::synth::rng::Rng;
use crate::synth::sites::Network;
use crate::synth::{SEED, SynthError};
use profiles::{ML, PE, Profile, Shares};

/// « Dans quelle structure exercez-vous ? »: the structure question (manifest `site_question`).
pub const STRUCTURE: &str = "Dans quelle structure exercez-vous ?";
/// Experience before the ANI.
pub const EXPERIENCE: &str = "Depuis combien de temps exerciez-vous le métier de conseiller avant de commencer à accompagner des jeunes dans le cadre de l'ANI ?";
/// The experience brackets, as the report's charts print them.
pub const EXPERIENCE_LABELS: [&str; 3] = [
    "Moins de deux ans",
    "Entre deux et cinq ans",
    "Plus de cinq ans",
];
/// Which young people the counsellor follows.
pub const CASELOAD: &str = "Dans le cadre de votre activité, vous accompagnez :";
/// The answers for Pôle emploi, as the report's chart prints them (L2223–2236).
pub const CASELOAD_PE: [&str; 3] = [
    "Des DE uniquement dans le cadre du dispositif ANI Jeunes",
    "Des DE dans le cadre du dispositif ANI Jeunes et dans le cadre d'autres dispositifs d'accompagnement renforcé",
    "Tous types de DE quels que soient les besoins et les dispositifs",
];
/// The answers for Missions locales (L2250–2258; the third completed by analogy).
pub const CASELOAD_ML: [&str; 3] = [
    "Des jeunes uniquement dans le cadre du dispositif ANI Jeunes",
    "Des jeunes dans le cadre du dispositif ANI Jeunes et d'autres dispositifs d'accompagnement renforcé (CIVIS notamment)",
    "Tous types de jeunes quels que soient les besoins et les dispositifs",
];
/// What becomes of young people after the ANI without lasting employment.
pub const AFTER: &str = "À l'issue de l'ANI, que deviennent le plus souvent les jeunes qui n'ont pas trouvé d'emploi durable ?";
/// Its answers.
pub const AFTER_LABELS: [&str; 4] = [
    "Un retour au suivi classique (droit commun)",
    "Un autre accompagnement renforcé",
    "Une sortie sans suivi",
    "Ne sait pas",
];
/// Pooling of actions with other schemes (the report's own wording, L2421–2423).
pub const POOLING: &str = "Les actions proposées dans le cadre de l'ANI Jeunes sont-elles mutualisées avec celles d'autres dispositifs d'accompagnement ?";
/// Continuation of the scheme.
pub const CONTINUATION: &str = "Souhaitez-vous la pérennisation du dispositif ANI Jeunes ?";
/// Its scale, most favourable first.
pub const CONTINUATION_LABELS: [&str; 4] = [
    "Oui, tout à fait",
    "Oui, plutôt",
    "Non, plutôt pas",
    "Non, pas du tout",
];
/// Relevance grid.
pub const RELEVANCE: &str =
    "Comment jugez-vous la pertinence des éléments suivants du dispositif ?";
/// Efficacy grid.
pub const EFFICACY: &str = "Comment jugez-vous l'efficacité des éléments suivants du dispositif ?";
/// Comparison with other reinforced schemes.
pub const COMPARISON: &str = "Par rapport aux autres dispositifs d'accompagnement renforcé, les éléments suivants de l'ANI sont-ils plus, aussi ou moins efficaces ?";
/// Orientation criteria grid.
pub const CRITERIA: &str = "Quelle importance accordez-vous aux critères suivants pour orienter un jeune vers l'ANI plutôt que vers un autre accompagnement ?";
/// Actions offered.
pub const ACTIONS: &str =
    "Quelles actions proposez-vous le plus souvent aux jeunes accompagnés dans le cadre de l'ANI ?";
/// Phase 3 topics.
pub const PHASE3: &str = "En phase 3 (suivi dans l'emploi), sur quoi portent principalement vos échanges avec le jeune ?";
/// Effects of the accompaniment.
pub const EFFECTS: &str =
    "Quels sont, selon vous, les principaux effets de l'accompagnement ANI pour les jeunes ?";
/// Improvement suggestions.
pub const IMPROVE: &str = "Quelles pistes d'amélioration proposeriez-vous pour le dispositif ?";
/// Free comments.
pub const COMMENTS: &str = "Avez-vous d'autres commentaires sur l'ANI Jeunes ?";

/// The report's only survey verbatim, from the counsellors' improvement suggestions
/// (L2721–2723), given to one Mission locale counsellor.
pub const VERBATIM: &str = "L'idéal serait d'arrêter de superposer les différents accompagnements: ANI, CIVIS PPAE PADE. Il faut n'en faire qu'un. Il y a aussi une compétition entre les dispositifs";

/// Items of the relevance and efficacy grids (the scheme's components, report §5).
pub const COMPONENTS: [&str; 9] = [
    "Le public ciblé",
    "La fréquence des contacts avec le jeune",
    "Les ateliers collectifs",
    "Les périodes en entreprise (EMT, immersions)",
    "Les contacts avec les employeurs",
    "Les aides financières mobilisables",
    "Le suivi dans l'emploi (phase 3)",
    "La durée de l'accompagnement",
    "Les éléments de reporting",
];
/// The grid item the report singles out (L2679–2683).
pub const REPORTING: &str = "Les éléments de reporting";

const RELEVANCE_LABELS: [&str; 5] = [
    "Très pertinent",
    "Plutôt pertinent",
    "Plutôt pas pertinent",
    "Pas du tout pertinent",
    "Ne sait pas",
];
const EFFICACY_LABELS: [&str; 5] = [
    "Très efficace",
    "Plutôt efficace",
    "Plutôt pas efficace",
    "Pas du tout efficace",
    "Ne sait pas",
];
const COMPARISON_LABELS: [&str; 4] = [
    "Plus efficace",
    "Aussi efficace",
    "Moins efficace",
    "Ne sait pas",
];
const POOLING_LABELS: [&str; 5] = ["Toujours", "Souvent", "Parfois", "Rarement", "Jamais"];
const IMPORTANCE_LABELS: [&str; 4] = ["Déterminant", "Important", "Secondaire", "Sans importance"];

/// Orientation criteria (CML-1 / CPE-1).
pub const CRITERIA_ITEMS: [&str; 6] = [
    "L'âge du jeune",
    "Le projet du jeune",
    "La fréquence des contacts propre à l'ANI",
    "Les places et budgets disponibles",
    "Les aides mobilisables",
    "Le besoin de liens avec les employeurs",
];

/// Actions offered (CML-4 / CPE-6).
pub const ACTION_OPTIONS: [&str; 9] = [
    "Outils et techniques de recherche d'emploi (CV, lettre, entretien)",
    "Propositions d'offres d'emploi",
    "Promotion de candidatures auprès d'employeurs",
    "Ateliers collectifs",
    "Évaluation en milieu de travail (EMT) ou immersion",
    "Formation",
    "Résolution de difficultés périphériques (logement, mobilité, santé)",
    "Aides financières",
    "Stratégie de recherche d'emploi",
];
const ACTION_OTHERS: &[&str] = &[
    "Job dating",
    "Visites d'entreprises",
    "Simulations d'entretien filmées",
    "Parrainage",
    "Forum emploi",
    "Accompagnement au permis",
    "Préparation aux concours",
    "Ateliers image de soi",
];

/// Phase 3 topics (CML-6 / CPE-8).
pub const PHASE3_OPTIONS: [&str; 5] = [
    "L'activité et les missions confiées",
    "Les éléments administratifs liés à l'intégration dans l'entreprise",
    "La motivation pour rester dans l'emploi ou la formation",
    "Les difficultés périphériques (logement, mobilité, santé)",
    "Les relations avec l'employeur et l'équipe",
];

/// Effects of the accompaniment (CML-10).
pub const EFFECT_OPTIONS: [&str; 6] = [
    "Maintenir la motivation du jeune",
    "Résoudre les difficultés périphériques à la recherche d'emploi",
    "Rendre le jeune autonome dans sa recherche d'emploi",
    "Accéder plus rapidement à l'emploi",
    "Reprendre confiance en soi",
    "Accéder à une formation",
];

/// Items of the comparison grid.
pub const COMPARED: [&str; 6] = [
    "La fréquence des contacts avec le jeune",
    "Les ateliers collectifs",
    "Les périodes en entreprise (EMT, immersions)",
    "Les contacts avec les employeurs",
    "Le suivi dans l'emploi (phase 3)",
    "L'accompagnement dans son ensemble",
];

/// The counsellors of one network, as they answered.
pub struct Counsellors {
    /// Submission time of each respondent, in order.
    pub stamps: Vec<Stamp>,
    /// The questions, in questionnaire order.
    pub questions: Vec<Question>,
}

/// Pôle emploi counsellors who answered (report L222).
pub const RESPONDENTS_PE: usize = 274;
/// Mission locale counsellors who answered (report L220).
pub const RESPONDENTS_ML: usize = 195;

/// Respondents of the counsellors' questionnaire in one network.
pub fn respondents(network: Network) -> usize {
    profile(network).n
}

fn profile(network: Network) -> &'static Profile {
    match network {
        Network::Pe => &PE,
        Network::Ml => &ML,
    }
}

/// Build the answers of `n` counsellors of one network ([`respondents`] in the sample).
pub fn build(network: Network, n: usize) -> Counsellors {
    let p = profile(network);
    let scale = Scale::new(n, p.n);
    let name = match network {
        Network::Pe => "conseillers_pe",
        Network::Ml => "conseillers_ml",
    };
    let mut rng = Rng::stream(SEED, name);
    let stamps = deal::october(&mut rng, n, (8, 19));
    let structures = deal::structures(&mut rng, n, network, &scale.visited(p.visited));
    // How positive each counsellor is about the scheme, and how long they have worked.
    let disposition: Vec<f64> = (0..n).map(|_| rng.unit()).collect();
    let seniority: Vec<f64> = (0..n).map(|_| rng.unit()).collect();
    let mut questions = Vec::new();

    questions.push(Question::new(
        STRUCTURE,
        Answers::Choice(structures.iter().map(|s| Some((*s).to_owned())).collect()),
    ));

    let mask = answering(&mut rng, n, scale.all_but(2));
    let status = deal::ranked(&mask, &p.status, &blurred(&mut rng, &seniority, 0.8));
    questions.push(Question::new(
        "Quel est votre statut ?",
        Answers::Choice(labelled(&status, &["CDI", "CDD"])),
    ));

    // Most experienced first: shares reversed so the highest seniority gets « Plus de cinq ans ».
    let mask = answering(&mut rng, n, scale.count(p.experience_answered));
    let reversed = [p.experience[2], p.experience[1], p.experience[0]];
    let experience = deal::ranked(&mask, &reversed, &blurred(&mut rng, &seniority, 0.3));
    let labels = [
        EXPERIENCE_LABELS[2],
        EXPERIENCE_LABELS[1],
        EXPERIENCE_LABELS[0],
    ];
    questions.push(Question::new(
        EXPERIENCE,
        Answers::Choice(labelled(&experience, &labels)),
    ));

    let mask = answering(&mut rng, n, scale.all_but(3));
    let before = deal::exact(&mut rng, &mask, &p.reinforced_before);
    questions.push(Question::new(
        "Aviez-vous déjà une expérience de l'accompagnement renforcé avant l'ANI ?",
        Answers::Choice(labelled(&before, &["Oui", "Non"])),
    ));

    let mask = answering(&mut rng, n, scale.count(p.caseload_answered));
    let caseload = deal::exact(&mut rng, &mask, &p.caseload);
    questions.push(Question::new(
        CASELOAD,
        Answers::Choice(labelled(&caseload, &p.caseload_labels)),
    ));

    let sizes: Vec<Option<f64>> = caseload
        .iter()
        .map(|c| {
            let k = c.unwrap_or(2);
            let (lo, mode, hi) = p.caseload_size[k];
            (!rng.chance(0.04)).then(|| deal::around(&mut rng, lo, mode, hi) as f64)
        })
        .collect();
    questions.push(Question::new(
        "Combien de jeunes accompagnez-vous actuellement dans le cadre de l'ANI ?",
        Answers::Number(sizes),
    ));

    let mask = answering(&mut rng, n, scale.all_but(4));
    let criteria = CRITERIA_ITEMS
        .iter()
        .zip(&p.criteria)
        .map(|(_, shares)| labelled(&deal::exact(&mut rng, &mask, shares), &IMPORTANCE_LABELS))
        .collect();
    questions.push(Question::new(CRITERIA, grid(&CRITERIA_ITEMS, criteria)));

    let mask = answering(&mut rng, n, scale.all_but(2));
    let picks = ticks(&mut rng, &mask, &p.actions);
    let other = mask
        .iter()
        .map(|&m| (m && rng.chance(0.03)).then(|| pick(&mut rng, ACTION_OTHERS)))
        .collect();
    questions.push(Question::new(
        ACTIONS,
        Answers::Ticks {
            options: owned(&ACTION_OPTIONS),
            picks,
            other: Some(other),
        },
    ));

    let mask = answering(&mut rng, n, scale.all_but(3));
    let pooling = deal::ranked(&mask, &p.pooling, &blurred(&mut rng, &disposition, 3.0));
    questions.push(Question::new(
        POOLING,
        Answers::Choice(labelled(&pooling, &POOLING_LABELS)),
    ));

    let mask = answering(&mut rng, n, scale.all_but(5));
    let picks = ticks(&mut rng, &mask, &p.phase3);
    questions.push(Question::new(
        PHASE3,
        Answers::Ticks {
            options: owned(&PHASE3_OPTIONS),
            picks,
            other: None,
        },
    ));

    let mask = answering(&mut rng, n, scale.count(p.after_answered));
    let after = deal::exact(&mut rng, &mask, &p.after);
    questions.push(Question::new(
        AFTER,
        Answers::Choice(labelled(&after, &AFTER_LABELS)),
    ));

    let mask = answering(&mut rng, n, scale.all_but(6));
    let relevance = ratings(
        &mut rng,
        &mask,
        &p.relevance,
        &disposition,
        &RELEVANCE_LABELS,
    );
    questions.push(Question::new(RELEVANCE, grid(&COMPONENTS, relevance)));
    let mask = answering(&mut rng, n, scale.all_but(8));
    let efficacy = ratings(&mut rng, &mask, &p.efficacy, &disposition, &EFFICACY_LABELS);
    questions.push(Question::new(EFFICACY, grid(&COMPONENTS, efficacy)));
    let mask = answering(&mut rng, n, scale.all_but(9));
    let comparison = ratings(
        &mut rng,
        &mask,
        &p.comparison,
        &disposition,
        &COMPARISON_LABELS,
    );
    questions.push(Question::new(COMPARISON, grid(&COMPARED, comparison)));

    let mask = answering(&mut rng, n, scale.all_but(4));
    let picks = ticks(&mut rng, &mask, &p.effects);
    questions.push(Question::new(
        EFFECTS,
        Answers::Ticks {
            options: owned(&EFFECT_OPTIONS),
            picks,
            other: None,
        },
    ));

    let mask = answering(&mut rng, n, scale.count(p.continuation_answered));
    let continuation = deal::ranked(
        &mask,
        &p.continuation,
        &blurred(&mut rng, &disposition, 0.5),
    );
    questions.push(Question::new(
        CONTINUATION,
        Answers::Choice(labelled(&continuation, &CONTINUATION_LABELS)),
    ));

    let (improve_bank, comment_bank) = match network {
        Network::Pe => (&PE_IMPROVE, &PE_COMMENT),
        Network::Ml => (&ML_IMPROVE, &ML_COMMENT),
    };
    let mut improve = answers::column(&mut rng, n, p.improve_share, improve_bank);
    if network == Network::Ml {
        // The verbatim the report quotes, from a counsellor of a Mission locale not visited.
        let visited: Vec<&str> = crate::synth::sites::SITES.iter().map(|s| s.name).collect();
        let candidates: Vec<usize> = (0..n)
            .filter(|&r| !visited.contains(&structures[r]))
            .collect();
        if let Some(&r) = rng.pick(&candidates) {
            improve[r] = Some(VERBATIM.to_owned());
        }
    }
    questions.push(Question::new(IMPROVE, Answers::Text(improve)));
    questions.push(Question::new(
        COMMENTS,
        Answers::Text(answers::column(&mut rng, n, p.comment_share, comment_bank)),
    ));
    Counsellors { stamps, questions }
}

fn owned(options: &[&str]) -> Vec<String> {
    options.iter().map(|s| (*s).to_owned()).collect()
}

fn pick(rng: &mut Rng, options: &[&str]) -> String {
    rng.pick(options).copied().unwrap_or_default().to_owned()
}

fn grid(items: &[&str], answers: Vec<Vec<Option<String>>>) -> Answers {
    Answers::Grid {
        items: owned(items),
        answers,
    }
}

/// One rating per item, following each respondent's disposition; the last label is the
/// non-substantive answer.
fn ratings(
    rng: &mut Rng,
    mask: &[bool],
    shares: &[Shares],
    disposition: &[f64],
    labels: &[&str],
) -> Vec<Vec<Option<String>>> {
    shares
        .iter()
        .map(|(substantive, aside)| {
            let score = blurred(rng, disposition, 1.2);
            labelled(&rated(rng, mask, substantive, *aside, &score), labels)
        })
        .collect()
}

/// The LimeSurvey export of `n` counsellors (full-text headings, semicolons): Pôle emploi's in UTF-8 with a
/// byte order mark and French bookkeeping headings; the Missions locales' from an English
/// LimeSurvey interface, re-saved by a French Excel in Windows-1252 with CRLF line ends.
pub fn export(network: Network, path: &Path, n: usize) -> Result<Vec<u8>, SynthError> {
    let counsellors = build(network, n);
    let (stream, headings, style) = match network {
        Network::Pe => (
            "conseillers_pe bookkeeping",
            [
                "ID de la réponse",
                "Date de soumission",
                "Dernière page",
                "Langue de départ",
                "Tête de série",
                "Date de début",
                "Date de la dernière action",
            ],
            CsvStyle {
                delimiter: b';',
                crlf: false,
                quote_all: true,
                bom: true,
                windows_1252: false,
                stamp: Stamp::iso,
            },
        ),
        Network::Ml => (
            "conseillers_ml bookkeeping",
            [
                "Response ID",
                "Date submitted",
                "Last page",
                "Start language",
                "Seed",
                "Date started",
                "Date last action",
            ],
            CsvStyle {
                delimiter: b';',
                crlf: true,
                quote_all: false,
                bom: false,
                windows_1252: true,
                stamp: Stamp::excel_french,
            },
        ),
    };
    let mut rng = Rng::stream(SEED, stream);
    let sheet = limesurvey_sheet(
        &mut rng,
        &headings,
        &counsellors.stamps,
        &counsellors.questions,
    );
    formats::csv(&sheet, style, path)
}

/// A LimeSurvey response table: id, submission date, last page, language, seed, start and
/// last action dates, then the questions. `stamps` are the start times.
pub fn limesurvey_sheet(
    rng: &mut Rng,
    headings: &[&str; 7],
    stamps: &[Stamp],
    questions: &[Question],
) -> Sheet {
    let n = stamps.len();
    let mut id = 10 + rng.below(20) as i64;
    let ids: Vec<Cell> = (0..n)
        .map(|_| {
            // Incomplete responses were deleted before export: the ids have gaps.
            id += 1 + if rng.chance(0.2) {
                rng.below(4) as i64
            } else {
                0
            };
            Cell::Number(id as f64)
        })
        .collect();
    let submitted: Vec<Stamp> = stamps
        .iter()
        .map(|s| s.plus_minutes(6 + rng.below(30) as u32))
        .collect();
    let mut sheet = Sheet::new(false);
    sheet.push(Column::plain(headings[0], ids));
    sheet.push(Column::plain(
        headings[1],
        submitted.iter().map(|s| Cell::Stamp(*s)).collect(),
    ));
    sheet.push(Column::plain(headings[2], vec![Cell::Number(5.0); n]));
    sheet.push(Column::plain(headings[3], vec![Cell::text("fr"); n]));
    sheet.push(Column::plain(
        headings[4],
        (0..n)
            .map(|_| Cell::Number((100_000_000 + rng.below(1_900_000_000)) as f64))
            .collect(),
    ));
    sheet.push(Column::plain(
        headings[5],
        stamps.iter().map(|s| Cell::Stamp(*s)).collect(),
    ));
    sheet.push(Column::plain(
        headings[6],
        submitted.iter().map(|s| Cell::Stamp(*s)).collect(),
    ));
    for question in questions {
        sheet.question(question, Tool::LimeSurvey);
    }
    sheet
}
