//! The questionnaire of young people accompanied by Pôle emploi: 2,486 respondents
//! (report L223), a SurveyMonkey xlsx export with its two header rows and the personal
//! columns SurveyMonkey adds (e-mail, first and last name, IP address), filled with
//! obviously fictitious values that Atelier must pseudonymise.
//!
//! Published figures reproduced exactly: 3.4 % foreign (L1741), 24 % without a motorised
//! vehicle (L1744), and the reasons for stopping, 45 / 5 / 42 / 8 % of those who stopped
//! (L1888–1901). Directions followed: the scheme rated « plutôt bien » (L2726–2730);
//! regular individual appointments judged most useful, then job offers, workshops and
//! company placements least (L2731–2738, L2371–2373); job-search tools and applications
//! among the actions most received, in-work follow-up and training the least (L2401–2404).

use std::path::Path;

use super::answers::{self, YOUTH_PE_COMMENT, YOUTH_PE_SUGGEST};
use super::deal::{self, Scale, answering, blurred, labelled, rated, ticks};
use super::formats;
use super::table::{Answers, Cell, Column, Question, Sheet, Stamp, Tool};
use crate::synth::rng::Rng;
use crate::synth::sites::Network;
use crate::synth::{SEED, SynthError};

/// Respondents (report L223).
pub const RESPONDENTS: usize = 2486;
/// Young people who stopped the accompaniment early: those asked why.
pub const STOPPED: usize = 612;
/// Respondents of foreign nationality: 3.4 % of 2,486 (L1741).
pub const FOREIGN: usize = 85;
/// Respondents without a motorised vehicle: 24 % of 2,486 (L1744).
pub const NO_VEHICLE: usize = 597;

/// The structure question (manifest `site_question`).
pub const STRUCTURE: &str = "Quelle est votre agence Pôle emploi ?";
/// Nationality.
pub const NATIONALITY: &str = "Quelle est votre nationalité ?";
/// Vehicle.
pub const VEHICLE: &str = "Disposez-vous d'un véhicule motorisé (voiture, scooter…) ?";
/// Where the respondent is in the accompaniment.
pub const PROGRESS: &str = "Où en êtes-vous aujourd'hui de votre accompagnement ?";
/// Its answers.
pub const PROGRESS_LABELS: [&str; 3] = [
    "Je suis toujours accompagné(e)",
    "Mon accompagnement est terminé",
    "J'ai arrêté l'accompagnement avant la fin",
];
/// The reason for stopping (asked of those who stopped).
pub const REASON: &str = "Pour quelle raison avez-vous arrêté l'accompagnement ?";
/// Its answers, as the report's chart prints them (L1888–1901).
pub const REASON_LABELS: [&str; 4] = [
    "Vous avez trouvé un emploi",
    "Vous avez déménagé",
    "Cela ne vous apportait rien",
    "Vous aviez d'autres problèmes à régler (santé, famille…)",
];
/// The report's shares of each reason, in percent.
pub const REASON_SHARES: [f64; 4] = [45.0, 5.0, 42.0, 8.0];
/// Actions received.
pub const RECEIVED: &str =
    "Au cours de votre accompagnement, quelles actions vous ont été proposées ?";
/// Their options.
pub const RECEIVED_OPTIONS: [&str; 8] = [
    "Des rendez-vous individuels réguliers avec votre conseiller",
    "Des propositions d'offres d'emploi",
    "Une aide pour le CV, la lettre de motivation ou les entretiens",
    "Des dépôts de candidatures auprès d'entreprises",
    "Des ateliers collectifs",
    "Un stage ou une immersion en entreprise",
    "Une formation",
    "Un suivi une fois en emploi",
];
const RECEIVED_P: [f64; 8] = [0.86, 0.8, 0.76, 0.69, 0.54, 0.19, 0.11, 0.14];
const RECEIVED_OTHERS: &[&str] = &[
    "Un job dating",
    "Une aide pour le permis",
    "Des simulations d'entretien",
    "Une visite d'entreprise",
    "Un forum de l'emploi",
    "Rien de particulier",
    "aide au transport",
    "Une aide financière",
];

/// The usefulness grid.
pub const USEFULNESS: &str = "Comment jugez-vous l'utilité des actions suivantes ?";
/// Its items, each tied to the action received (index into [`RECEIVED_OPTIONS`]).
pub const USEFULNESS_ITEMS: [(&str, usize); 7] = [
    ("Les rendez-vous individuels réguliers", 0),
    ("Les propositions d'offres d'emploi", 1),
    ("L'aide aux techniques de recherche d'emploi", 2),
    ("Les ateliers collectifs", 4),
    ("Les stages ou immersions en entreprise", 5),
    ("La formation", 6),
    ("Le suivi dans l'emploi", 7),
];
const USEFULNESS_LABELS: [&str; 5] = [
    "Très utile",
    "Plutôt utile",
    "Peu utile",
    "Pas du tout utile",
    "Non concerné(e)",
];
const USEFULNESS_SHARES: [[f64; 4]; 7] = [
    [52.0, 35.0, 9.0, 4.0],
    [41.0, 38.0, 14.0, 7.0],
    [33.0, 41.0, 18.0, 8.0],
    [13.0, 32.0, 31.0, 24.0],
    [16.0, 29.0, 30.0, 25.0],
    [30.0, 37.0, 21.0, 12.0],
    [27.0, 40.0, 21.0, 12.0],
];

/// The overall rating.
pub const RATING: &str =
    "Globalement, comment évaluez-vous l'accompagnement dont vous avez bénéficié ?";
/// Its scale, most favourable first.
pub const RATING_LABELS: [&str; 4] = ["Très bien", "Plutôt bien", "Plutôt mal", "Très mal"];
const RATING_SHARES: [f64; 4] = [26.0, 45.0, 18.0, 11.0];

const VISITED: &[(&str, usize)] = &[
    ("pe_alencon", 38),
    ("pe_vannes", 27),
    ("pe_labege", 96),
    ("pe_lille", 142),
    ("pe_dunkerque", 104),
];

/// What the young people answered, with their start times and personal details.
pub struct YoungPe {
    /// Start time of each respondent, in order.
    pub stamps: Vec<Stamp>,
    /// The questions.
    pub questions: Vec<Question>,
}

/// Build the answers of `n` young people ([`RESPONDENTS`] in the sample).
pub fn build(n: usize) -> YoungPe {
    let scale = Scale::new(n, RESPONDENTS);
    let mut rng = Rng::stream(SEED, "jeunes_pe");
    let stamps = deal::october(&mut rng, n, (7, 23));
    let structures = deal::structures(&mut rng, n, Network::Pe, &scale.visited(VISITED));
    let satisfaction: Vec<f64> = (0..n).map(|_| rng.unit()).collect();
    let all = deal::everyone(n);
    let mut questions = Vec::new();
    questions.push(Question::new(
        STRUCTURE,
        Answers::Choice(structures.iter().map(|s| Some((*s).to_owned())).collect()),
    ));

    // Sex and age as in the PE database (L1723–1724, L1677): plausible, not survey figures.
    let sex = deal::exact(&mut rng, &all, &[49.8, 50.2]);
    questions.push(Question::new(
        "Vous êtes :",
        Answers::Choice(labelled(&sex, &["Un homme", "Une femme"])),
    ));
    let mask = answering(&mut rng, n, scale.all_but(9));
    let band = deal::exact(&mut rng, &mask, &[32.0, 68.0]);
    let ages = band
        .iter()
        .map(|b| b.map(|b| if b == 0 { deal::around(&mut rng, 18, 20, 21) } else { deal::around(&mut rng, 22, 23, 25) } as f64))
        .collect();
    questions.push(Question::new("Quel âge avez-vous ?", Answers::Number(ages)));

    // Shares of the sample's 2,486 respondents, so that any size keeps 3.4 % and 24 %.
    let foreign = deal::exact(
        &mut rng,
        &all,
        &[FOREIGN as f64, (RESPONDENTS - FOREIGN) as f64],
    );
    questions.push(Question::new(
        NATIONALITY,
        Answers::Choice(labelled(&foreign, &["Étrangère", "Française"])),
    ));

    let mask = answering(&mut rng, n, scale.all_but(14));
    let level = deal::exact(&mut rng, &mask, &[3.0, 34.0, 36.0, 27.0]);
    questions.push(Question::new(
        "Quel est votre niveau de formation ?",
        Answers::Choice(labelled(
            &level,
            &[
                "Sans diplôme",
                "CAP ou BEP",
                "Baccalauréat",
                "Bac+2 ou plus",
            ],
        )),
    ));

    let vehicle = deal::exact(
        &mut rng,
        &all,
        &[NO_VEHICLE as f64, (RESPONDENTS - NO_VEHICLE) as f64],
    );
    questions.push(Question::new(
        VEHICLE,
        Answers::Choice(labelled(&vehicle, &["Non", "Oui"])),
    ));

    let progress = deal::exact(&mut rng, &all, &[949.0, 925.0, STOPPED as f64]);
    questions.push(Question::new(
        PROGRESS,
        Answers::Choice(labelled(&progress, &PROGRESS_LABELS)),
    ));

    // Those who stopped say why; the least satisfied found it brought them nothing.
    let stopped: Vec<bool> = progress.iter().map(|p| *p == Some(2)).collect();
    let reason_score = blurred(&mut rng, &satisfaction, 0.6);
    let order = [0usize, 3, 1, 2]; // emploi, autres problèmes, déménagé, rien — from most to least satisfied
    let shares: Vec<f64> = order.iter().map(|&k| REASON_SHARES[k]).collect();
    let ranked = deal::ranked(&stopped, &shares, &reason_score);
    let reasons: Vec<Option<usize>> = ranked.iter().map(|r| r.map(|r| order[r])).collect();
    questions.push(Question::new(
        REASON,
        Answers::Choice(labelled(&reasons, &REASON_LABELS)),
    ));

    let situation = situation(&mut rng, &progress, &reasons);
    questions.push(Question::new(
        "Quelle est votre situation actuelle ?",
        Answers::Choice(labelled(&situation, &SITUATION_LABELS)),
    ));

    let mask = answering(&mut rng, n, scale.all_but(31));
    let frequency = deal::ranked(
        &mask,
        &[9.0, 31.0, 38.0, 22.0],
        &blurred(&mut rng, &satisfaction, 1.5),
    );
    questions.push(Question::new(
        "À quelle fréquence rencontriez-vous votre conseiller ?",
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

    let mask = answering(&mut rng, n, scale.all_but(22));
    let received = ticks(&mut rng, &mask, &RECEIVED_P);
    let other = mask
        .iter()
        .map(|&m| {
            (m && rng.chance(0.02)).then(|| {
                rng.pick(RECEIVED_OTHERS)
                    .copied()
                    .unwrap_or_default()
                    .to_owned()
            })
        })
        .collect();
    questions.push(Question::new(
        RECEIVED,
        Answers::Ticks {
            options: RECEIVED_OPTIONS.iter().map(|s| (*s).to_owned()).collect(),
            picks: received.clone(),
            other: Some(other),
        },
    ));

    // Each action is rated by those who received it; the others say « Non concerné(e) » or skip.
    let grid_mask = answering(&mut rng, n, scale.all_but(58));
    let usefulness = USEFULNESS_ITEMS
        .iter()
        .zip(&USEFULNESS_SHARES)
        .map(|((_, action), shares)| {
            let got: Vec<bool> = (0..n)
                .map(|r| grid_mask[r] && received[r].as_ref().is_some_and(|p| p.contains(action)))
                .collect();
            let score = blurred(&mut rng, &satisfaction, 0.9);
            let mut rated = rated(&mut rng, &got, shares, 0.0, &score);
            for r in 0..n {
                if grid_mask[r] && !got[r] && rng.chance(0.7) {
                    rated[r] = Some(4);
                }
            }
            labelled(&rated, &USEFULNESS_LABELS)
        })
        .collect();
    questions.push(Question::new(
        USEFULNESS,
        Answers::Grid {
            items: USEFULNESS_ITEMS
                .iter()
                .map(|(s, _)| (*s).to_owned())
                .collect(),
            answers: usefulness,
        },
    ));

    let mask = answering(&mut rng, n, scale.all_but(17));
    let rating = deal::ranked(
        &mask,
        &RATING_SHARES,
        &blurred(&mut rng, &satisfaction, 0.35),
    );
    questions.push(Question::new(
        RATING,
        Answers::Choice(labelled(&rating, &RATING_LABELS)),
    ));

    let mut suggestions = answers::column(&mut rng, n, 0.36, &YOUTH_PE_SUGGEST);
    // A few young people type their own address into the answer: Atelier must mask it.
    for k in [3usize, 11, 29] {
        let r = (k * 83) % n;
        suggestions[r] = Some(format!(
            "Vous pouvez me recontacter sur jeune{:04}@exemple.fr si besoin",
            r + 1
        ));
    }
    questions.push(Question::new(
        "Avez-vous des suggestions pour améliorer l'accompagnement ?",
        Answers::Text(suggestions),
    ));
    questions.push(Question::new(
        "Souhaitez-vous ajouter un commentaire ?",
        Answers::Text(answers::column(&mut rng, n, 0.19, &YOUTH_PE_COMMENT)),
    ));
    YoungPe { stamps, questions }
}

const SITUATION_LABELS: [&str; 5] = [
    "En emploi (CDI ou CDD de 6 mois et plus)",
    "En emploi (contrat de moins de 6 mois, intérim)",
    "En formation",
    "En recherche d'emploi",
    "Autre situation",
];

/// Today's situation, consistent with the progress and the reason for stopping.
fn situation(
    rng: &mut Rng,
    progress: &[Option<usize>],
    reasons: &[Option<usize>],
) -> Vec<Option<usize>> {
    progress
        .iter()
        .zip(reasons)
        .map(|(p, reason)| {
            if rng.chance(0.006) {
                return None;
            }
            let weights: [f64; 5] = match (p, reason) {
                (_, Some(0)) => [55.0, 45.0, 0.0, 0.0, 0.0],
                (_, Some(3)) => [5.0, 10.0, 5.0, 50.0, 30.0],
                (Some(2), _) => [6.0, 14.0, 6.0, 66.0, 8.0],
                (Some(1), _) => [34.0, 28.0, 9.0, 26.0, 3.0],
                _ => [12.0, 22.0, 8.0, 55.0, 3.0],
            };
            rng.weighted(&weights)
        })
        .collect()
}

/// The SurveyMonkey xlsx export of `n` young people: bookkeeping and personal columns
/// first, two header rows.
pub fn export(path: &Path, n: usize) -> Result<Vec<u8>, SynthError> {
    let young = build(n);
    let n = young.stamps.len();
    let mut rng = Rng::stream(SEED, "jeunes_pe bookkeeping");
    let mut sheet = Sheet::new(true);
    let mut id: i64 = 2_398_104_117;
    let ids = (0..n)
        .map(|_| {
            id += 1 + rng.below(40) as i64;
            Cell::Number(id as f64)
        })
        .collect();
    sheet.push(Column::plain("Respondent ID", ids));
    sheet.push(Column::plain(
        "Collector ID",
        (0..n)
            .map(|_| {
                Cell::Number(if rng.chance(0.82) {
                    47_119_305.0
                } else {
                    47_119_322.0
                })
            })
            .collect(),
    ));
    sheet.push(Column::plain(
        "Start Date",
        young.stamps.iter().map(|s| Cell::Stamp(*s)).collect(),
    ));
    sheet.push(Column::plain(
        "End Date",
        young
            .stamps
            .iter()
            .map(|s| Cell::Stamp(s.plus_minutes(3 + rng.below(14) as u32)))
            .collect(),
    ));
    // Documentation address ranges (RFC 5737): no real machine.
    let ranges = ["192.0.2", "198.51.100", "203.0.113"];
    sheet.push(Column::plain(
        "IP Address",
        (0..n)
            .map(|r| Cell::text(format!("{}.{}", ranges[r % 3], 1 + (r * 7) % 254)))
            .collect(),
    ));
    sheet.push(Column::plain(
        "Email Address",
        (1..=n)
            .map(|r| Cell::text(format!("jeune{r:04}@exemple.fr")))
            .collect(),
    ));
    sheet.push(Column::plain(
        "First Name",
        (1..=n)
            .map(|r| Cell::text(format!("Prénom{r:04}")))
            .collect(),
    ));
    sheet.push(Column::plain(
        "Last Name",
        (1..=n).map(|r| Cell::text(format!("Nom{r:04}"))).collect(),
    ));
    sheet.push(Column::plain("Custom Data 1", vec![Cell::Empty; n]));
    for question in &young.questions {
        sheet.question(question, Tool::SurveyMonkey);
    }
    formats::xlsx(
        &sheet,
        "Sheet",
        "Enquête ANI Jeunes – jeunes accompagnés par Pôle emploi",
        path,
    )
}
