//! The sample's questionnaires, generated into a temporary folder and read back through
//! the public importer (`Survey::open`), never through the generator's own tallies: every
//! figure of the report they reproduce, the layout and question kinds each file is meant to
//! exercise, privacy, sites, and byte-for-byte reproducibility.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use atelier::import::inspect;
use atelier::model::Evaluation;
use atelier::model::manifest::SiteEntry;
use atelier::model::{ImportError, Survey};
use atelier::model::{Question, QuestionKind, Values};
use atelier::progress::Silent;
use atelier::synth::Sample;
use atelier::synth::sites::{Network, OTHER_ML, OTHER_PE, SITES};
use atelier::synth::surveys::{self, FOLDER, QUESTIONNAIRES};

// ---------------------------------------------------------------------------------------
// Generation and import, once for all tests

struct Generated {
    dir: PathBuf,
    sample: Sample,
    surveys: BTreeMap<&'static str, Survey>,
}

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("sample-surveys", name)
}

fn generate(dir: &Path) -> Sample {
    let mut sample = Sample::default();
    surveys::write(dir, &mut sample).expect("the questionnaires are written");
    sample
}

fn generated() -> &'static Generated {
    static ONCE: OnceLock<Generated> = OnceLock::new();
    ONCE.get_or_init(|| {
        let dir = temp_dir("main");
        let sample = generate(&dir);
        let surveys = QUESTIONNAIRES
            .iter()
            .map(|q| {
                let path = dir.join(FOLDER).join(q.file);
                let survey = Survey::open(&path, None, &Silent)
                    .unwrap_or_else(|e| panic!("{} does not import: {e}", q.file));
                (q.id, survey)
            })
            .collect();
        Generated {
            dir,
            sample,
            surveys,
        }
    })
}

fn survey(id: &str) -> &'static Survey {
    generated()
        .surveys
        .get(id)
        .unwrap_or_else(|| panic!("no questionnaire {id}"))
}

fn question<'a>(survey: &'a Survey, text_start: &str) -> &'a Question {
    survey
        .questions
        .iter()
        .find(|q| q.text.starts_with(text_start))
        .unwrap_or_else(|| {
            let texts: Vec<&str> = survey.questions.iter().map(|q| q.text.as_str()).collect();
            panic!(
                "no question starting with {text_start:?} in {}: {texts:#?}",
                survey.raw.file_name
            )
        })
}

/// Answers and their counts for a one-item question, read from whatever the importer made
/// of it (closed codes, or identical free texts if it took the question for open).
fn counts(q: &Question) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    let Some(item) = q.items.first() else {
        return out;
    };
    match &item.values {
        Values::Codes(_) | Values::Ticks(_) => {
            for (label, count) in q.labels.iter().zip(q.label_counts(item)) {
                if count > 0 {
                    out.insert(label.clone(), count);
                }
            }
        }
        Values::Texts(texts) => {
            for text in texts.iter().flatten() {
                *out.entry(text.trim().to_owned()).or_default() += 1;
            }
        }
        Values::Numbers(_) | Values::Dates(_) => {}
    }
    out
}

fn count(q: &Question, label: &str) -> usize {
    counts(q).get(label).copied().unwrap_or(0)
}

/// A share in percent over the respondents to the question, rounded as the report prints.
fn pct(q: &Question, label: &str) -> i64 {
    assert!(q.n > 0, "{} has no respondent", q.text);
    (100.0 * count(q, label) as f64 / q.n as f64).round() as i64
}

/// Counts of one item of a battery, by scale label.
fn item_counts(q: &Question, item_label: &str) -> BTreeMap<String, usize> {
    let item = q
        .items
        .iter()
        .find(|i| i.label == item_label)
        .unwrap_or_else(|| panic!("no item {item_label:?} in {}", q.text));
    q.labels.iter().cloned().zip(q.label_counts(item)).collect()
}

/// Share of the favourable half of the scale among substantive answers to one item.
fn favourable(q: &Question, item_label: &str) -> f64 {
    let counts = item_counts(q, item_label);
    let scale = q.scale();
    let half = scale.len() / 2;
    let good: usize = scale[..half].iter().map(|l| counts[l]).sum();
    let all: usize = scale.iter().map(|l| counts[l]).sum();
    good as f64 / all as f64
}

/// Mean position on the scale among substantive answers (the most favourable answer
/// scoring the scale's length, the least 1).
fn mean_score(q: &Question, item_label: &str) -> f64 {
    let counts = item_counts(q, item_label);
    let scale = q.scale();
    let (mut sum, mut n) = (0.0, 0usize);
    for (k, label) in scale.iter().enumerate() {
        sum += ((scale.len() - k) * counts[label]) as f64;
        n += counts[label];
    }
    sum / n as f64
}

fn strings(labels: &[&str]) -> Vec<String> {
    labels.iter().map(|s| (*s).to_owned()).collect()
}

fn item_labels(q: &Question) -> Vec<String> {
    q.items.iter().map(|i| i.label.clone()).collect()
}

// ---------------------------------------------------------------------------------------
// Respondents, layouts, kinds

#[test]
fn respondent_counts_match_the_report() {
    let expected = [
        ("directeurs_ml", 105),
        ("conseillers_ml", 195),
        ("jeunes_ml", 190),
        ("conseillers_pe", 274),
        ("jeunes_pe", 2486),
        ("employeurs", 40),
    ];
    for (id, n) in expected {
        assert_eq!(survey(id).respondents(), n, "{id}");
        let q = QUESTIONNAIRES.iter().find(|q| q.id == id).expect("listed");
        assert_eq!(q.respondents, n, "{id} in QUESTIONNAIRES");
    }
}

#[test]
fn each_file_is_read_with_the_layout_it_imitates() {
    let expected = [
        ("directeurs_ml", "limesurvey", "ods", None),
        ("conseillers_ml", "limesurvey", "csv", Some("windows-1252")),
        ("jeunes_ml", "google_forms", "csv", Some("utf-8")),
        ("conseillers_pe", "limesurvey", "csv", Some("utf-8")),
        ("jeunes_pe", "surveymonkey", "xlsx", None),
        ("employeurs", "generic", "xlsx", None),
    ];
    for (id, layout, format, encoding) in expected {
        let s = survey(id);
        assert_eq!(s.layout().id(), layout, "{id}");
        assert_eq!(s.raw.format.name(), format, "{id}");
        assert_eq!(s.raw.encoding, encoding, "{id}");
        assert!(s.warnings.is_empty(), "{id}: {:?}", s.warnings);
    }
    assert_eq!(survey("conseillers_pe").raw.delimiter, Some(b';'));
    assert_eq!(survey("conseillers_ml").raw.delimiter, Some(b';'));
    assert_eq!(survey("jeunes_ml").raw.delimiter, Some(b','));
    let dir = generated().dir.join(FOLDER);
    let pe = std::fs::read(dir.join("conseillers_pe.csv")).expect("read");
    assert!(
        pe.starts_with(b"\xEF\xBB\xBF"),
        "the LimeSurvey export starts with a BOM"
    );
    let ml = std::fs::read(dir.join("conseillers_ml.csv")).expect("read");
    assert!(
        std::str::from_utf8(&ml).is_err(),
        "the ML counsellors' file is not UTF-8"
    );
    assert!(ml.windows(2).any(|w| w == b"\r\n"), "CRLF line ends");
    let ods = std::fs::read(dir.join("directeurs_ml.ods")).expect("read");
    assert_eq!(
        &ods[30..38],
        b"mimetype",
        "the ods mimetype entry comes first"
    );
    assert!(
        ods[38..90].starts_with(b"application/vnd.oasis.opendocument.spreadsheet"),
        "stored uncompressed"
    );
    // SurveyMonkey's bookkeeping columns and Google Forms' timestamp are set apart.
    assert!(
        survey("jeunes_pe")
            .metadata_columns()
            .contains(&"Respondent ID".to_owned())
    );
    assert_eq!(
        survey("jeunes_ml").metadata_columns(),
        vec!["Horodateur".to_owned()]
    );
    assert!(
        survey("conseillers_ml")
            .metadata_columns()
            .contains(&"Date submitted".to_owned())
    );
}

#[test]
fn counsellor_questionnaires_share_wording_and_items() {
    let (pe, ml) = (survey("conseillers_pe"), survey("conseillers_ml"));
    let texts = |s: &Survey| {
        s.questions
            .iter()
            .map(|q| q.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(pe), texts(ml), "same questions in the same order");
    for grid in [
        "Comment jugez-vous la pertinence",
        "Comment jugez-vous l'efficacité",
        "Par rapport aux autres dispositifs",
        "Quelle importance accordez-vous",
    ] {
        let (a, b) = (question(pe, grid), question(ml, grid));
        assert_eq!(item_labels(a), item_labels(b), "{grid}");
        assert_eq!(a.scale(), b.scale(), "{grid}");
    }
}

#[test]
fn key_questions_get_the_intended_kind() {
    for id in ["conseillers_pe", "conseillers_ml"] {
        let s = survey(id);
        let likert = |text: &str, scale: &[&str], items: usize| {
            let q = question(s, text);
            assert_eq!(q.kind, QuestionKind::Likert, "{id}: {text}");
            assert_eq!(q.scale(), strings(scale).as_slice(), "{id}: {text}");
            assert_eq!(q.items.len(), items, "{id}: {text}");
        };
        likert(
            "Comment jugez-vous la pertinence",
            &[
                "Très pertinent",
                "Plutôt pertinent",
                "Plutôt pas pertinent",
                "Pas du tout pertinent",
            ],
            9,
        );
        likert(
            "Comment jugez-vous l'efficacité",
            &[
                "Très efficace",
                "Plutôt efficace",
                "Plutôt pas efficace",
                "Pas du tout efficace",
            ],
            9,
        );
        likert(
            "Par rapport aux autres dispositifs",
            &["Plus efficace", "Aussi efficace", "Moins efficace"],
            6,
        );
        likert(
            "Quelle importance accordez-vous",
            &["Déterminant", "Important", "Secondaire", "Sans importance"],
            6,
        );
        likert(
            "Les actions proposées dans le cadre de l'ANI Jeunes sont-elles mutualisées",
            &["Toujours", "Souvent", "Parfois", "Rarement", "Jamais"],
            1,
        );
        let continuation = question(s, "Souhaitez-vous la pérennisation");
        assert_eq!(continuation.kind, QuestionKind::Likert, "{id}");
        assert_eq!(continuation.scale()[0], "Oui, tout à fait", "{id}");
        let grid = question(s, "Comment jugez-vous la pertinence");
        assert!(
            grid.labels.contains(&"Ne sait pas".to_owned()),
            "{id}: « Ne sait pas » kept apart"
        );
        for text in [
            "Quelles actions proposez-vous",
            "En phase 3",
            "Quels sont, selon vous",
        ] {
            assert_eq!(
                question(s, text).kind,
                QuestionKind::Multiple,
                "{id}: {text}"
            );
        }
        let actions = question(s, "Quelles actions proposez-vous");
        assert_eq!(
            actions.labels.len(),
            9,
            "{id}: one question for nine option columns"
        );
        assert!(
            !actions.other.is_empty(),
            "{id}: « Autre » answers set apart"
        );
        for text in [
            "Depuis combien de temps",
            "Quel est votre statut",
            "À l'issue de l'ANI",
        ] {
            assert_eq!(question(s, text).kind, QuestionKind::Single, "{id}: {text}");
        }
        assert_eq!(
            question(s, "Combien de jeunes").kind,
            QuestionKind::Numeric,
            "{id}"
        );
        assert_eq!(
            question(s, "Quelles pistes d'amélioration").kind,
            QuestionKind::Open,
            "{id}"
        );
        assert_eq!(
            question(s, "Avez-vous d'autres commentaires").kind,
            QuestionKind::Open,
            "{id}"
        );
    }
    assert_eq!(
        question(survey("conseillers_ml"), "Souhaitez-vous la pérennisation").scale(),
        strings(&[
            "Oui, tout à fait",
            "Oui, plutôt",
            "Non, plutôt pas",
            "Non, pas du tout"
        ])
        .as_slice()
    );

    let young = survey("jeunes_pe");
    let received = question(young, "Au cours de votre accompagnement");
    assert_eq!(received.kind, QuestionKind::Multiple);
    assert_eq!(received.labels.len(), 8);
    let usefulness = question(young, "Comment jugez-vous l'utilité");
    assert_eq!(usefulness.kind, QuestionKind::Likert);
    assert_eq!(
        usefulness.scale(),
        strings(&[
            "Très utile",
            "Plutôt utile",
            "Peu utile",
            "Pas du tout utile"
        ])
        .as_slice()
    );
    assert_eq!(usefulness.items.len(), 7);
    let rating = question(young, "Globalement, comment évaluez-vous");
    assert_eq!(rating.kind, QuestionKind::Likert);
    assert_eq!(
        rating.scale(),
        strings(&["Très bien", "Plutôt bien", "Plutôt mal", "Très mal"]).as_slice()
    );
    for text in [
        "Pour quelle raison",
        "Quelle est votre nationalité",
        "Disposez-vous d'un véhicule",
        "Vous êtes",
    ] {
        assert_eq!(question(young, text).kind, QuestionKind::Single, "{text}");
    }
    assert_eq!(question(young, "Quel âge").kind, QuestionKind::Numeric);
    assert_eq!(
        question(young, "Avez-vous des suggestions").kind,
        QuestionKind::Open
    );

    let forms = survey("jeunes_ml");
    let actions = question(forms, "Qu'est-ce qu'on vous a proposé");
    assert_eq!(actions.kind, QuestionKind::Multiple);
    let mut labels = actions.labels.clone();
    labels.sort();
    let mut expected = strings(&surveys::youth_ml::ACTION_OPTIONS);
    expected.sort();
    assert_eq!(
        labels, expected,
        "joined checkbox answers split into the seven options, the one with a comma whole"
    );
    assert!(
        !actions.other.is_empty(),
        "free « Autre » answers set apart"
    );
    let agreement = question(forms, "Êtes-vous d'accord");
    assert_eq!(agreement.kind, QuestionKind::Likert);
    assert_eq!(agreement.scale()[0], "Tout à fait d'accord");
    let mark = question(forms, "Quelle note donnez-vous");
    assert_eq!(
        mark.kind,
        QuestionKind::Likert,
        "a 1–5 linear scale is ordered"
    );
    assert_eq!(mark.scale(), strings(&["5", "4", "3", "2", "1"]).as_slice());

    let directors = survey("directeurs_ml");
    let steering = question(
        directors,
        "Comment jugez-vous les éléments suivants de la mise en œuvre",
    );
    assert_eq!(steering.kind, QuestionKind::Likert);
    assert_eq!(steering.scale()[0], "Très satisfaisant");
    assert_eq!(
        question(directors, "Quels partenaires").kind,
        QuestionKind::Multiple
    );
    assert_eq!(
        question(directors, "Quelle est votre fonction").kind,
        QuestionKind::Single
    );
    assert_eq!(
        question(directors, "Combien de conseillers").kind,
        QuestionKind::Numeric
    );

    let employers = survey("employeurs");
    assert_eq!(
        question(employers, "Date de l'entretien").kind,
        QuestionKind::Date
    );
    assert_eq!(
        question(employers, "Structure ayant transmis").kind,
        QuestionKind::Single
    );
    assert_eq!(
        question(employers, "Secteur d'activité").kind,
        QuestionKind::Single
    );
    for text in [
        "Connaissance du dispositif",
        "Utilité perçue",
        "Influence du conseiller",
        "Périodes en entreprise",
        "Suivi du jeune",
        "Autres remarques",
    ] {
        assert_eq!(question(employers, text).kind, QuestionKind::Open, "{text}");
    }
}

/// The structure questions of the counsellors' and young people's questionnaires list 26 to
/// 31 structures, each named by several respondents, and the counsellors' caseload answers
/// are the report's long chart labels: all are closed questions. (The directors' structure
/// question is left out: there, many structures have a single respondent, and only the
/// manifest, which names it as the structure question, can tell it is closed — see
/// `respondents_are_linked_to_visited_sites_in_an_evaluation`.)
#[test]
fn closed_questions_with_many_or_long_options_are_single_choice() {
    for q in QUESTIONNAIRES.iter().filter(|q| q.id != "directeurs_ml") {
        assert_eq!(
            question(survey(q.id), q.site_question).kind,
            QuestionKind::Single,
            "{}",
            q.id
        );
    }
    for id in ["conseillers_pe", "conseillers_ml"] {
        assert_eq!(
            question(survey(id), "Dans le cadre de votre activité").kind,
            QuestionKind::Single,
            "{id}"
        );
    }
}

/// Opened as an evaluation (the manifest plus the ten sites), each source links its
/// respondents to the visited sites of its network through its structure question.
#[test]
fn respondents_are_linked_to_visited_sites_in_an_evaluation() {
    let g = generated();
    let mut manifest = g.sample.manifest.clone();
    manifest.sites = SITES
        .iter()
        .map(|s| SiteEntry {
            id: s.id.to_owned(),
            name: s.name.to_owned(),
            network: s.network.id().to_owned(),
            ..SiteEntry::default()
        })
        .collect();
    let load = |file: &str| -> Result<Vec<u8>, ImportError> {
        std::fs::read(g.dir.join(file)).map_err(|source| ImportError::Io {
            file: file.to_owned(),
            source,
        })
    };
    let evaluation = Evaluation::open_with(
        &g.dir,
        manifest,
        &load,
        &atelier::model::PseudonymKey::random(),
        &Silent,
    )
    .expect("the evaluation opens");
    for source in &evaluation.sources {
        for (k, site) in SITES.iter().enumerate() {
            if source.entry.network.is_empty() || source.entry.network == site.network.id() {
                let linked = source
                    .site_of_respondent
                    .iter()
                    .filter(|s| **s == Some(k))
                    .count();
                assert!(
                    linked > 0,
                    "{}: no respondent linked to {}",
                    source.entry.id,
                    site.name
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Published figures

#[test]
fn counsellors_experience_matches_the_report() {
    for (id, expected) in [
        ("conseillers_pe", [13, 17, 70]),
        ("conseillers_ml", [27, 22, 51]),
    ] {
        let q = question(survey(id), "Depuis combien de temps exerciez-vous");
        let got = [
            "Moins de deux ans",
            "Entre deux et cinq ans",
            "Plus de cinq ans",
        ]
        .map(|l| pct(q, l));
        assert_eq!(got, expected, "{id}");
        assert_eq!(
            counts(q).values().sum::<usize>(),
            q.n,
            "{id}: every respondent in a bracket"
        );
    }
}

#[test]
fn counsellors_caseloads_match_the_report() {
    let pe = question(
        survey("conseillers_pe"),
        "Dans le cadre de votre activité, vous accompagnez",
    );
    assert_eq!(
        surveys::counsellors::CASELOAD_PE.map(|l| pct(pe, l)),
        [30, 35, 35]
    );
    let ml = question(
        survey("conseillers_ml"),
        "Dans le cadre de votre activité, vous accompagnez",
    );
    assert_eq!(
        pct(ml, surveys::counsellors::CASELOAD_ML[0]),
        14,
        "dedicated to the ANI"
    );
    assert_eq!(
        pct(ml, surveys::counsellors::CASELOAD_ML[2]),
        75,
        "all types of young people"
    );
}

#[test]
fn ml_counsellors_see_most_young_people_go_on_to_another_scheme() {
    let ml = question(survey("conseillers_ml"), "À l'issue de l'ANI");
    assert_eq!(pct(ml, "Un autre accompagnement renforcé"), 80);
    let pe = question(survey("conseillers_pe"), "À l'issue de l'ANI");
    assert!(
        pct(pe, "Un retour au suivi classique (droit commun)") >= 75,
        "PE: « très grande majorité » back to mainstream follow-up"
    );
}

#[test]
fn continuation_is_unanimous_at_pe_and_a_majority_at_ml() {
    let yes = |q: &Question| pct(q, "Oui, tout à fait") + pct(q, "Oui, plutôt");
    let pe = question(survey("conseillers_pe"), "Souhaitez-vous la pérennisation");
    assert_eq!(
        count(pe, "Oui, tout à fait") + count(pe, "Oui, plutôt"),
        pe.n,
        "« l'ensemble des conseillers Pôle emploi »"
    );
    assert_eq!(yes(pe), 100);
    let ml = question(survey("conseillers_ml"), "Souhaitez-vous la pérennisation");
    assert!(
        yes(ml) > 50 && yes(ml) < 90,
        "ML: a majority, « moins unanimes »: {}",
        yes(ml)
    );
}

#[test]
fn young_people_reasons_for_stopping_match_the_report() {
    let young = survey("jeunes_pe");
    let progress = question(young, "Où en êtes-vous aujourd'hui");
    let stopped = count(progress, "J'ai arrêté l'accompagnement avant la fin");
    let reasons = question(young, "Pour quelle raison avez-vous arrêté");
    assert_eq!(
        reasons.n, stopped,
        "asked of those who stopped, all of whom answered"
    );
    let got = surveys::youth_pe::REASON_LABELS.map(|l| pct(reasons, l));
    assert_eq!(got, [45, 5, 42, 8]);
}

#[test]
fn young_people_profile_matches_the_report() {
    let young = survey("jeunes_pe");
    let nationality = question(young, "Quelle est votre nationalité");
    let foreign = count(nationality, "Étrangère") as f64 / nationality.n as f64;
    assert_eq!((foreign * 1000.0).round() / 10.0, 3.4, "3,4 % foreign");
    let vehicle = question(young, "Disposez-vous d'un véhicule motorisé");
    assert_eq!(pct(vehicle, "Non"), 24, "24 % without a motorised vehicle");
    assert_eq!(nationality.n, 2486);
    assert_eq!(vehicle.n, 2486);
}

#[test]
fn pooling_is_rare_at_pe_and_frequent_at_ml() {
    let share = |id: &str, labels: &[&str]| {
        let q = question(
            survey(id),
            "Les actions proposées dans le cadre de l'ANI Jeunes sont-elles mutualisées",
        );
        labels.iter().map(|l| count(q, l)).sum::<usize>() as f64 / q.n as f64
    };
    let rare = ["Rarement", "Jamais"];
    let often = ["Toujours", "Souvent"];
    assert!(share("conseillers_pe", &rare) > 0.5, "PE: « plutôt rares »");
    assert!(share("conseillers_pe", &rare) > share("conseillers_pe", &often));
    assert!(share("conseillers_ml", &often) > 0.5, "ML: « fréquente »");
    assert!(
        share("conseillers_ml", &often) > share("conseillers_pe", &often),
        "« plus qu'à Pôle emploi »"
    );
}

#[test]
fn components_are_judged_positively_except_reporting_at_pe() {
    for id in ["conseillers_pe", "conseillers_ml"] {
        for grid in [
            "Comment jugez-vous la pertinence",
            "Comment jugez-vous l'efficacité",
        ] {
            let q = question(survey(id), grid);
            for item in &q.items {
                let mean = mean_score(q, &item.label);
                let negative =
                    id == "conseillers_pe" && item.label == surveys::counsellors::REPORTING;
                if negative {
                    assert!(
                        mean < 2.5 && favourable(q, &item.label) < 0.5,
                        "{id} {grid} reporting: {mean}"
                    );
                } else {
                    assert!(
                        mean > 2.5 && favourable(q, &item.label) > 0.5,
                        "{id} {grid} {}: {mean}",
                        item.label
                    );
                }
            }
        }
    }
}

#[test]
fn ani_is_more_effective_at_pe_and_as_effective_at_ml() {
    for id in ["conseillers_pe", "conseillers_ml"] {
        let q = question(survey(id), "Par rapport aux autres dispositifs");
        for item in &q.items {
            let counts = item_counts(q, &item.label);
            let total: usize = q.scale().iter().map(|l| counts[l]).sum();
            let (more, same) = (counts["Plus efficace"], counts["Aussi efficace"]);
            if id == "conseillers_pe" {
                assert!(
                    more > same && 2 * more > total,
                    "PE {}: plus efficace",
                    item.label
                );
            } else {
                assert!(
                    same > more && 2 * same > total,
                    "ML {}: aussi efficace en majorité",
                    item.label
                );
            }
        }
    }
}

#[test]
fn young_people_rate_the_scheme_fairly_well() {
    let q = question(survey("jeunes_pe"), "Globalement, comment évaluez-vous");
    let c = counts(q);
    let mode = c.iter().max_by_key(|(_, n)| **n).map(|(l, _)| l.clone());
    assert_eq!(mode.as_deref(), Some("Plutôt bien"));
    assert!(pct(q, "Très bien") + pct(q, "Plutôt bien") > 50);
}

#[test]
fn usefulness_ranks_appointments_first_and_workshops_last() {
    let q = question(survey("jeunes_pe"), "Comment jugez-vous l'utilité");
    let mut ranked: Vec<(String, f64)> = q
        .items
        .iter()
        .map(|i| (i.label.clone(), mean_score(q, &i.label)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    assert_eq!(
        ranked[0].0, "Les rendez-vous individuels réguliers",
        "{ranked:?}"
    );
    assert_eq!(
        ranked[1].0, "Les propositions d'offres d'emploi",
        "{ranked:?}"
    );
    let last_two: Vec<&str> = ranked[ranked.len() - 2..]
        .iter()
        .map(|(l, _)| l.as_str())
        .collect();
    assert!(last_two.contains(&"Les ateliers collectifs"), "{ranked:?}");
    assert!(
        last_two.contains(&"Les stages ou immersions en entreprise"),
        "{ranked:?}"
    );
}

#[test]
fn employers_are_mostly_linked_to_pole_emploi() {
    let employers = survey("employeurs");
    let network = question(employers, "Réseau");
    assert_eq!(count(network, "Pôle emploi"), 29);
    assert_eq!(count(network, "Mission locale"), 11);
    let structures = counts(question(employers, surveys::employers::STRUCTURE));
    let pe: usize = SITES
        .iter()
        .filter(|s| s.network == Network::Pe)
        .map(|s| structures.get(s.name).copied().unwrap_or(0))
        .sum();
    assert_eq!(pe, 29);
}

#[test]
fn orientation_criteria_follow_the_report() {
    let important = |id: &str, item: &str| {
        let q = question(survey(id), "Quelle importance accordez-vous");
        let c = item_counts(q, item);
        (c["Déterminant"] + c["Important"]) as f64
            / (c["Déterminant"] + c["Important"] + c["Secondaire"] + c["Sans importance"]) as f64
    };
    let [age, project, frequency, places, aids, employers] = surveys::counsellors::CRITERIA_ITEMS;
    // ML: age, project and contact frequency decide; places and budgets matter; aids less;
    // the link with employers does not come into it (L1634–1639).
    for decisive in [age, project, frequency] {
        assert!(
            important("conseillers_ml", decisive) > important("conseillers_ml", places),
            "ML {decisive}"
        );
    }
    assert!(important("conseillers_ml", places) > important("conseillers_ml", aids));
    assert!(
        important("conseillers_ml", employers) < 0.5,
        "ML: « le lien avec les employeurs n'est pas un facteur »"
    );
    // PE: contact frequency and the need for links with employers first, the young person's
    // need or project less (L1532–1535).
    for first in [frequency, employers] {
        for other in [age, project, places, aids] {
            assert!(
                important("conseillers_pe", first) > important("conseillers_pe", other),
                "PE {first} > {other}"
            );
        }
    }
}

#[test]
fn actions_follow_the_report() {
    let ranking = |id: &str, text: &str| {
        let mut c: Vec<(String, usize)> = counts(question(survey(id), text)).into_iter().collect();
        c.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        c.into_iter().map(|(l, _)| l).collect::<Vec<_>>()
    };
    let options = surveys::counsellors::ACTION_OPTIONS;
    let pe = ranking("conseillers_pe", "Quelles actions proposez-vous");
    let mut top: Vec<&str> = pe[..2].iter().map(String::as_str).collect();
    top.sort();
    let mut expected = vec![options[0], options[1]];
    expected.sort();
    assert_eq!(top, expected, "PE: job-search tools and job offers");
    let ml = ranking("conseillers_ml", "Quelles actions proposez-vous");
    let mut top: Vec<&str> = ml[..2].iter().map(String::as_str).collect();
    top.sort();
    let mut expected = vec![options[0], options[2]];
    expected.sort();
    assert_eq!(
        top, expected,
        "ML: job-search tools and promoting candidates to employers"
    );
    let position =
        |list: &[String], label: &str| list.iter().position(|l| l == label).unwrap_or(usize::MAX);
    for then in [options[6], options[7], options[4]] {
        assert!(
            position(&ml, then) < position(&ml, options[3]),
            "ML: {then} before workshops"
        );
    }
    let young = ranking("jeunes_pe", "Au cours de votre accompagnement");
    let received = surveys::youth_pe::RECEIVED_OPTIONS;
    assert!(
        position(&young, received[2]) < 4 && position(&young, received[3]) < 4,
        "job-search tools and applications: {young:?}"
    );
    let last_two = &young[young.len() - 2..];
    assert!(
        last_two.contains(&received[6].to_owned()) && last_two.contains(&received[7].to_owned()),
        "training and in-work follow-up least: {young:?}"
    );
}

#[test]
fn ml_counsellors_see_motivation_as_the_first_effect() {
    let q = question(survey("conseillers_ml"), "Quels sont, selon vous");
    let mut c: Vec<(String, usize)> = counts(q).into_iter().collect();
    c.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    assert_eq!(c[0].0, surveys::counsellors::EFFECT_OPTIONS[0]);
    assert_eq!(c[1].0, surveys::counsellors::EFFECT_OPTIONS[1]);
}

// ---------------------------------------------------------------------------------------
// Sites, privacy, open answers, manifest, reproducibility

#[test]
fn every_visited_site_has_respondents_in_its_network_groups() {
    let known: Vec<&str> = SITES
        .iter()
        .map(|s| s.name)
        .chain(OTHER_PE.iter().map(|(n, _)| *n))
        .chain(OTHER_ML.iter().map(|(n, _)| *n))
        .collect();
    for q in &QUESTIONNAIRES {
        let structures = counts(question(survey(q.id), q.site_question));
        assert_eq!(
            structures.values().sum::<usize>(),
            q.respondents,
            "{}: every respondent names a structure",
            q.id
        );
        for name in structures.keys() {
            assert!(
                known.contains(&name.as_str()),
                "{}: unknown structure {name:?}",
                q.id
            );
        }
        for site in &SITES {
            let in_group = q.network.is_empty() || q.network == site.network.id();
            let n = structures.get(site.name).copied().unwrap_or(0);
            if in_group {
                assert!(n > 0, "{} has no respondent from {}", q.id, site.name);
            } else {
                assert_eq!(n, 0, "{}: {} is of the other network", q.id, site.name);
            }
        }
    }
    // As in real life, a few sites have very few respondents in a group.
    let few = QUESTIONNAIRES
        .iter()
        .filter(|q| q.kind == "survey")
        .flat_map(|q| {
            let structures = counts(question(survey(q.id), q.site_question));
            SITES
                .iter()
                .filter_map(move |s| structures.get(s.name).copied())
        })
        .filter(|n| (2..=4).contains(n))
        .count();
    assert!(few >= 3, "{few}");
}

#[test]
fn personal_columns_are_detected_and_pseudonymised() {
    let young = survey("jeunes_pe");
    let personal: Vec<String> = young
        .personal_columns()
        .into_iter()
        .map(|(h, _)| h)
        .collect();
    for heading in ["IP Address", "Email Address", "First Name", "Last Name"] {
        assert!(
            personal.contains(&heading.to_owned()),
            "{heading} not detected: {personal:?}"
        );
    }
    let json = inspect::to_json(young).to_string();
    for secret in [
        "@exemple.fr",
        "jeune0042",
        "Prénom0",
        "Nom0042",
        "192.0.2.",
        "198.51.100.",
        "203.0.113.",
    ] {
        assert!(!json.contains(secret), "{secret} leaked in inspect output");
    }
    // Nothing personal survives in the cells either, not even an address typed in an answer.
    for r in 0..young.raw.height() {
        for cell in young.raw.row(r) {
            let text = cell.to_string();
            assert!(
                !text.contains("@exemple.fr") && !text.starts_with("Prénom0"),
                "row {r}: {text}"
            );
        }
    }
    for q in &QUESTIONNAIRES {
        if q.id != "jeunes_pe" {
            assert!(
                survey(q.id).personal_columns().is_empty(),
                "{}: {:?}",
                q.id,
                survey(q.id).personal_columns()
            );
        }
    }
}

fn open_texts(s: &Survey) -> Vec<String> {
    s.questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Open)
        .flat_map(|q| q.items.iter())
        .flat_map(|i| match &i.values {
            Values::Texts(t) => t
                .iter()
                .flatten()
                .map(|t| t.to_string())
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
        .collect()
}

#[test]
fn open_answers_are_varied_and_name_no_one() {
    let mut all: Vec<String> = Vec::new();
    for q in &QUESTIONNAIRES {
        all.extend(open_texts(survey(q.id)));
    }
    let distinct: std::collections::BTreeSet<&str> = all.iter().map(String::as_str).collect();
    assert!(
        distinct.len() > 800,
        "hundreds of distinct answers: {}",
        distinct.len()
    );
    assert!(
        all.iter().any(|t| t.contains('\n')),
        "some answers run over several lines"
    );
    assert!(
        all.iter().any(|t| t.chars().count() < 8),
        "some answers are short"
    );
    assert!(
        all.iter().any(|t| t.chars().count() > 200),
        "some answers are long"
    );
    let ml = open_texts(survey("conseillers_ml"));
    assert!(
        ml.iter().any(|t| t == surveys::counsellors::VERBATIM),
        "the report's verbatim is among the ML counsellors' suggestions"
    );
    // No first names: people are named by their role.
    let first_names = [
        "Marie", "Julie", "Sophie", "Nicolas", "Thomas", "Camille", "Léa", "Manon", "Kevin",
        "Sarah", "Nathalie", "Isabelle", "Pierre", "Jean", "Mohamed", "Laura", "Julien", "Céline",
    ];
    for text in &all {
        for word in text.split(|c: char| !c.is_alphabetic()) {
            assert!(!first_names.contains(&word), "a first name in {text:?}");
        }
    }
}

#[test]
fn manifest_lists_every_questionnaire_and_its_structure_question() {
    let g = generated();
    let manifest = &g.sample.manifest;
    assert_eq!(manifest.groups.len(), 6);
    assert_eq!(manifest.sources.len(), 6);
    for (q, source) in QUESTIONNAIRES.iter().zip(&manifest.sources) {
        assert_eq!(source.id, q.id);
        assert_eq!(source.group, q.id);
        assert!(
            manifest
                .groups
                .iter()
                .any(|g| g.id == source.group && g.network == source.network)
        );
        assert!(g.dir.join(&source.file).is_file(), "{}", source.file);
        let site_question = source
            .site_question
            .as_deref()
            .expect("a structure question");
        question(survey(q.id), site_question);
    }
    let employers = manifest
        .sources
        .iter()
        .find(|s| s.id == "employeurs")
        .expect("employers");
    assert_eq!(
        (
            employers.network.as_str(),
            employers.role.as_str(),
            employers.kind.as_str()
        ),
        ("", "employeur", "interviews")
    );
}

#[test]
fn every_recorded_figure_names_a_test_of_this_file() {
    let source = include_str!("sample_surveys.rs");
    let sample = &generated().sample;
    assert!(sample.reference.len() >= 20);
    for figure in &sample.reference {
        let name = figure
            .test
            .strip_prefix("sample_surveys::")
            .unwrap_or_else(|| panic!("{}", figure.test));
        assert!(source.contains(&format!("fn {name}()")), "no test {name}");
        assert!(
            figure.report_line.starts_with('L'),
            "{}",
            figure.report_line
        );
    }
}

#[test]
fn generation_is_byte_for_byte_reproducible() {
    let first = &generated().dir;
    let second = temp_dir("again");
    let sample = generate(&second);
    assert_eq!(
        format!("{:?}", sample.manifest),
        format!("{:?}", generated().sample.manifest)
    );
    assert_eq!(sample.reference, generated().sample.reference);
    let mut files = 0;
    for q in &QUESTIONNAIRES {
        let a = std::fs::read(first.join(FOLDER).join(q.file)).expect("first");
        let b = std::fs::read(second.join(FOLDER).join(q.file)).expect("second");
        assert!(a == b, "{} differs between two runs", q.file);
        files += 1;
    }
    assert_eq!(files, 6);
    let _ = std::fs::remove_dir_all(&second);
}
