//! The sample's five questionnaires and the employers' interview grid
//! (`questionnaires/` in the sample evaluation), with the report's respondent counts and
//! every figure it publishes from them.
//!
//! Each questionnaire is exported the way a different tool would have given it, so that
//! the sample exercises every importer:
//!
//! | Group | File | Layout |
//! |---|---|---|
//! | Directeurs ML (105) | `directeurs_ml.ods` | LimeSurvey table re-saved as ods |
//! | Conseillers ML (195) | `conseillers_ml.csv` | LimeSurvey, Windows-1252, `;`, CRLF |
//! | Jeunes ML (190) | `jeunes_ml.csv` | Google Forms CSV |
//! | Conseillers PE (274) | `conseillers_pe.csv` | LimeSurvey, UTF-8 with BOM, `;` |
//! | Jeunes PE (2,486) | `jeunes_pe.xlsx` | SurveyMonkey xlsx, personal columns |
//! | Employeurs (40) | `employeurs.xlsx` | plain table, one row per interview |
//!
//! Each respondent names its structure (the visited sites by their exact names), and the
//! manifest records that question as the source's `site_question`. Every reproduced figure
//! is recorded in [`Sample::reference`] with the test of `tests/sample_surveys.rs` that
//! checks it through the importer.

mod answers;
pub mod counsellors;
mod deal;
pub mod directors;
pub mod employers;
mod formats;
mod table;
pub mod youth_ml;
pub mod youth_pe;

use std::path::Path;

use super::sites::Network;
use super::{Sample, SynthError, write_file};
use crate::model::manifest::{Group, SourceEntry};

/// Where the questionnaires go, relative to the sample's folder.
pub const FOLDER: &str = "questionnaires";

/// One questionnaire of the sample: its group, file and structure question.
#[derive(Clone, Copy, Debug)]
pub struct Questionnaire {
    /// Source and group id.
    pub id: &'static str,
    /// Group label, for people.
    pub label: &'static str,
    /// `"PE"`, `"ML"`, or `""` for the employers.
    pub network: &'static str,
    /// `directeur`, `conseiller`, `jeune`, `employeur`.
    pub role: &'static str,
    /// `survey` or `interviews`.
    pub kind: &'static str,
    /// File name inside [`FOLDER`].
    pub file: &'static str,
    /// The question naming the respondent's structure.
    pub site_question: &'static str,
    /// Respondents, as the report counts them (L214–224).
    pub respondents: usize,
}

/// The six sources, in the report's order (L214–224).
pub const QUESTIONNAIRES: [Questionnaire; 6] = [
    Questionnaire {
        id: "directeurs_ml",
        label: "Directeurs de Mission locale",
        network: "ML",
        role: "directeur",
        kind: "survey",
        file: "directeurs_ml.ods",
        site_question: counsellors::STRUCTURE,
        respondents: directors::RESPONDENTS,
    },
    Questionnaire {
        id: "conseillers_ml",
        label: "Conseillers Mission locale",
        network: "ML",
        role: "conseiller",
        kind: "survey",
        file: "conseillers_ml.csv",
        site_question: counsellors::STRUCTURE,
        respondents: counsellors::RESPONDENTS_ML,
    },
    Questionnaire {
        id: "jeunes_ml",
        label: "Jeunes Mission locale",
        network: "ML",
        role: "jeune",
        kind: "survey",
        file: "jeunes_ml.csv",
        site_question: youth_ml::STRUCTURE,
        respondents: youth_ml::RESPONDENTS,
    },
    Questionnaire {
        id: "conseillers_pe",
        label: "Conseillers Pôle emploi",
        network: "PE",
        role: "conseiller",
        kind: "survey",
        file: "conseillers_pe.csv",
        site_question: counsellors::STRUCTURE,
        respondents: counsellors::RESPONDENTS_PE,
    },
    Questionnaire {
        id: "jeunes_pe",
        label: "Jeunes Pôle emploi",
        network: "PE",
        role: "jeune",
        kind: "survey",
        file: "jeunes_pe.xlsx",
        site_question: youth_pe::STRUCTURE,
        respondents: youth_pe::RESPONDENTS,
    },
    Questionnaire {
        id: "employeurs",
        label: "Employeurs",
        network: "",
        role: "employeur",
        kind: "interviews",
        file: "employeurs.xlsx",
        site_question: employers::STRUCTURE,
        respondents: employers::INTERVIEWS,
    },
];

/// The test file that checks the figures recorded here.
const TESTS: &str = "sample_surveys";

/// Write the questionnaires into `dir/questionnaires/` and record them in `sample`, with
/// the report's figures they reproduce.
pub fn write(dir: &Path, sample: &mut Sample) -> Result<(), SynthError> {
    write_sized(dir, sample, |q| q.respondents)?;
    record_figures(sample);
    Ok(())
}

/// Write the same questionnaires with `responses` respondents each (the employers' grid
/// too: `responses` interviews), and record them in `sample` as [`write()`] does. Every share
/// of the sample is kept (the published percentages come out within rounding), but no
/// figure is recorded: the report's counts do not hold at another size.
pub fn write_scaled(dir: &Path, responses: usize, sample: &mut Sample) -> Result<(), SynthError> {
    write_sized(dir, sample, |_| responses)
}

/// Write each questionnaire with `size(q)` respondents and record its group and source, in
/// questionnaire order.
fn write_sized(
    dir: &Path,
    sample: &mut Sample,
    size: impl Fn(&Questionnaire) -> usize,
) -> Result<(), SynthError> {
    let jobs: Vec<(&Questionnaire, usize)> = QUESTIONNAIRES.iter().map(|q| (q, size(q))).collect();
    write_files(dir, &jobs)?;
    for q in &QUESTIONNAIRES {
        sample.manifest.groups.push(Group {
            id: q.id.to_owned(),
            label: q.label.to_owned(),
            network: q.network.to_owned(),
            role: q.role.to_owned(),
        });
        sample.manifest.sources.push(SourceEntry {
            id: q.id.to_owned(),
            file: format!("{FOLDER}/{}", q.file),
            group: q.id.to_owned(),
            network: q.network.to_owned(),
            role: q.role.to_owned(),
            kind: q.kind.to_owned(),
            sheet: None,
            site_question: Some(q.site_question.to_owned()),
        });
    }
    Ok(())
}

/// Write the files of `jobs` (a questionnaire and its respondents), on as many named
/// threads as there are cores: at 100,000 respondents each file takes seconds. Each
/// questionnaire draws from its own random stream, so the bytes do not depend on which
/// thread writes what, nor when.
fn write_files(dir: &Path, jobs: &[(&Questionnaire, usize)]) -> Result<(), SynthError> {
    let written =
        crate::parallel::each_index("synth-questionnaires", jobs.len(), Result::is_err, |i| {
            write_questionnaire(dir, jobs[i].0, jobs[i].1)
        });
    for (result, &(q, n)) in written.into_iter().zip(jobs) {
        match result {
            Some(result) => result?,
            // Left by a thread that failed: written here, so that any bug shows once.
            None => write_questionnaire(dir, q, n)?,
        }
    }
    Ok(())
}

/// Write one questionnaire's file with `n` respondents.
fn write_questionnaire(dir: &Path, q: &Questionnaire, n: usize) -> Result<(), SynthError> {
    let relative = format!("{FOLDER}/{}", q.file);
    let path = dir.join(&relative);
    let bytes = match q.id {
        "directeurs_ml" => directors::export(&path, n)?,
        "conseillers_ml" => counsellors::export(Network::Ml, &path, n)?,
        "jeunes_ml" => youth_ml::export(&path, n)?,
        "conseillers_pe" => counsellors::export(Network::Pe, &path, n)?,
        "jeunes_pe" => youth_pe::export(&path, n)?,
        _ => employers::export(&path, n)?,
    };
    write_file(dir, &relative, &bytes)
}

/// `sample_surveys::name`.
fn test(name: &str) -> String {
    format!("{TESTS}::{name}")
}

/// The report's figures that the questionnaires reproduce, and the directions they follow.
fn record_figures(sample: &mut Sample) {
    let mut all: Vec<(String, String, String, String, String)> = Vec::new();
    let counts = test("respondent_counts_match_the_report");
    for q in &QUESTIONNAIRES {
        let what = if q.kind == "interviews" {
            "Entretiens téléphoniques"
        } else {
            "Répondants"
        };
        all.push((
            q.label.to_owned(),
            what.to_owned(),
            crate::model::french::count(q.respondents as u64),
            "L214–224".to_owned(),
            counts.clone(),
        ));
    }
    let figures: [(&str, &str, &str, &str, &str); 17] = [
        (
            "Conseillers Pôle emploi",
            "Expérience avant l'ANI : moins de 2 ans / 2 à 5 ans / plus de 5 ans",
            "13 % / 17 % / 70 %",
            "L2175–2182",
            "counsellors_experience_matches_the_report",
        ),
        (
            "Conseillers Mission locale",
            "Expérience avant l'ANI : moins de 2 ans / 2 à 5 ans / plus de 5 ans",
            "27 % / 22 % / 51 %",
            "L2201–2208",
            "counsellors_experience_matches_the_report",
        ),
        (
            "Conseillers Pôle emploi",
            "Accompagnent des DE uniquement ANI / ANI et autres dispositifs renforcés / tous types",
            "30 % / 35 % / 35 %",
            "L2197–2200, L2223–2236",
            "counsellors_caseloads_match_the_report",
        ),
        (
            "Conseillers Mission locale",
            "Dédiés à l'ANI Jeunes",
            "14 %",
            "L2220",
            "counsellors_caseloads_match_the_report",
        ),
        (
            "Conseillers Mission locale",
            "Accompagnent tous types de jeunes",
            "75 %",
            "L2221–2222, L2250–2258",
            "counsellors_caseloads_match_the_report",
        ),
        (
            "Conseillers Mission locale",
            "Jeunes sans sortie positive après 12 mois poursuivant un autre accompagnement renforcé (source présumée : enquête conseillers ML)",
            "80 %",
            "L2619–2623",
            "ml_counsellors_see_most_young_people_go_on_to_another_scheme",
        ),
        (
            "Conseillers Pôle emploi",
            "Souhaitent la pérennisation de l'ANI Jeunes",
            "l'ensemble (100 %)",
            "L2708–2712",
            "continuation_is_unanimous_at_pe_and_a_majority_at_ml",
        ),
        (
            "Conseillers Mission locale",
            "Souhaitent la poursuite du dispositif",
            "majoritaires, moins unanimes",
            "L2713–2719",
            "continuation_is_unanimous_at_pe_and_a_majority_at_ml",
        ),
        (
            "Jeunes Pôle emploi",
            "Motifs de l'arrêt : emploi / déménagement / ne m'apportait rien / autres problèmes (parmi ceux qui ont arrêté)",
            "45 % / 5 % / 42 % / 8 %",
            "L1875–1901",
            "young_people_reasons_for_stopping_match_the_report",
        ),
        (
            "Jeunes Pôle emploi",
            "Part d'étrangers",
            "3,4 %",
            "L1741–1742",
            "young_people_profile_matches_the_report",
        ),
        (
            "Jeunes Pôle emploi",
            "Part sans véhicule motorisé",
            "24 %",
            "L1744–1745",
            "young_people_profile_matches_the_report",
        ),
        (
            "Conseillers Mission locale et Pôle emploi",
            "Mutualisation des actions avec d'autres dispositifs",
            "plutôt rares à Pôle emploi, fréquente en Mission locale",
            "L2421–2427, L2569–2574",
            "pooling_is_rare_at_pe_and_frequent_at_ml",
        ),
        (
            "Conseillers Mission locale et Pôle emploi",
            "Pertinence et efficacité des éléments du dispositif",
            "positives ; reporting négatif en moyenne, uniquement à Pôle emploi",
            "L2678–2683",
            "components_are_judged_positively_except_reporting_at_pe",
        ),
        (
            "Conseillers Mission locale et Pôle emploi",
            "Efficacité comparée aux autres dispositifs renforcés",
            "plus efficace (PE), aussi efficace en majorité (ML)",
            "L2694–2699, L2822–2824",
            "ani_is_more_effective_at_pe_and_as_effective_at_ml",
        ),
        (
            "Jeunes Pôle emploi",
            "Appréciation globale du dispositif",
            "plutôt bien",
            "L2726–2730",
            "young_people_rate_the_scheme_fairly_well",
        ),
        (
            "Jeunes Pôle emploi",
            "Utilité des actions : rendez-vous individuels réguliers, puis offres ; ateliers et stages les moins bien perçus",
            "classement",
            "L2731–2738, L2371–2373",
            "usefulness_ranks_appointments_first_and_workshops_last",
        ),
        (
            "Employeurs",
            "Contacts principalement en lien avec Pôle emploi",
            "principalement (29 sur 40 dans l'échantillon)",
            "L244–252",
            "employers_are_mostly_linked_to_pole_emploi",
        ),
    ];
    let owned = |(section, figure, value, line, name): (&str, &str, &str, &str, &str)| {
        (
            section.to_owned(),
            figure.to_owned(),
            value.to_owned(),
            line.to_owned(),
            test(name),
        )
    };
    all.extend(figures.into_iter().map(owned));
    let directions: [(&str, &str, &str, &str, &str); 5] = [
        (
            "Conseillers Mission locale et Pôle emploi",
            "Critères d'orientation : âge et projet déterminants en ML, lien employeurs non ; fréquence des contacts et lien employeurs à PE",
            "classement",
            "L1532–1539, L1634–1639",
            "orientation_criteria_follow_the_report",
        ),
        (
            "Conseillers Mission locale et Pôle emploi",
            "Actions proposées : outils de recherche d'emploi et offres (PE), outils et rapprochement entreprises (ML)",
            "classement",
            "L2397–2400, L2556–2561",
            "actions_follow_the_report",
        ),
        (
            "Jeunes Pôle emploi",
            "Actions reçues : outils de recherche et candidatures fréquents ; suivi en emploi et formation rares",
            "classement",
            "L2401–2404",
            "actions_follow_the_report",
        ),
        (
            "Conseillers Mission locale",
            "Effet premier : maintenir la motivation, puis résoudre les difficultés périphériques",
            "classement",
            "L2700–2704",
            "ml_counsellors_see_motivation_as_the_first_effect",
        ),
        (
            "Conseillers Mission locale",
            "Verbatim cité dans les pistes d'amélioration",
            "« L'idéal serait d'arrêter de superposer les différents accompagnements… »",
            "L2720–2723",
            "open_answers_are_varied_and_name_no_one",
        ),
    ];
    all.extend(directions.into_iter().map(owned));
    // One block per section in REFERENCE.md: the groups in the report's order, then the
    // comparisons of both counsellor groups.
    let order = |section: &str| {
        QUESTIONNAIRES
            .iter()
            .position(|q| q.label == section)
            .unwrap_or(QUESTIONNAIRES.len())
    };
    all.sort_by_key(|(section, ..)| order(section));
    for (section, figure, value, line, name) in all {
        sample.figure(&section, &figure, &value, &line, &name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questionnaires_have_the_report_counts() {
        assert_eq!(counsellors::respondents(Network::Pe), 274);
        assert_eq!(counsellors::respondents(Network::Ml), 195);
    }
}
