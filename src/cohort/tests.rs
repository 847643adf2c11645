//! Unit tests of the cohort computation on small extracts written for the purpose.

use std::path::PathBuf;

use super::*;
use crate::progress::Silent;

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("atelier-cohort-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Nine young people of a PE-like extract; the latest date (2013-06-30) is the extraction
/// date.
const PE_EXTRACT: &str = "\
Identifiant;Agence;Date d'entrée;Date de début de phase 2;Date de début de phase 3;Date de sortie;Motif de sortie;Situation en fin de phase 2;Sexe;Niveau de formation;Résidence en ZUS
1;Pôle emploi Lille;05/01/2012;;;20/01/2012;Abandon du client;;Homme;Niveau V;Oui
2;Pôle emploi Lille;05/01/2012;01/02/2012;;;;;Femme;Niveau IV;Non
3;Pôle emploi Lille;05/06/2013;20/06/2013;;;;;Femme;Niveau IV;Non
4;Agence inconnue;05/01/2012;01/02/2012;01/03/2012;30/06/2013;Fin du suivi en emploi;CDI;Homme;NV3;Non
5;Agence inconnue;05/01/2012;01/02/2012;;01/06/2012;Fin de la phase 2;Sans emploi;Femme;Niveau V;Non
6;Agence inconnue;05/01/2012;01/02/2012;;01/04/2012;Déménagement;;Homme;Niveau V;Non
7;Agence inconnue;05/01/2012;01/02/2012;;01/06/2012;Fin de la phase 2;Contrat aidé du secteur non marchand (CUI-CAE);Femme;Niveau IV;Non
8;Agence inconnue;;01/02/2012;;01/06/2012;Fin de la phase 2;CDI;Femme;;Non
9;Agence inconnue;05/01/2012;01/02/2012;;31/02/2012;Fin de la phase 2;CDI;Homme;Niveau V;Non
";

const PE_EVENTS: &str = "\
Identifiant;Date;Type;Phase
4;10/01/2012;Entretien;1
4;20/01/2012;Entretien individuel;1
4;05/02/2012;Entretien;2
4;06/02/2012;Mise en relation;2
5;10/01/2012;Atelier;1
42;10/01/2012;Entretien;1
";

fn manifest() -> Manifest {
    Manifest {
        cohort: vec![CohortExtract {
            network: "PE".to_owned(),
            file: "pe.csv".to_owned(),
            events: Some("pe_evenements.csv".to_owned()),
        }],
        sites: vec![SiteEntry {
            id: "pe_lille".to_owned(),
            name: "Pôle emploi Lille".to_owned(),
            network: "PE".to_owned(),
            ..SiteEntry::default()
        }],
        ..Manifest::default()
    }
}

fn computed(name: &str) -> CohortReport {
    let dir = folder(name);
    std::fs::write(dir.join("pe.csv"), PE_EXTRACT).unwrap();
    std::fs::write(dir.join("pe_evenements.csv"), PE_EVENTS).unwrap();
    compute(&dir, &manifest(), &Silent).unwrap()
}

#[test]
fn losses_ongoing_phases_and_exits_are_told_apart() {
    let report = computed("phases");
    let pe = report.network(Network::Pe).unwrap();
    assert_eq!(pe.value("entries"), Some(9.0));
    assert_eq!(pe.value("invalid_dates"), Some(2.0));
    assert_eq!(pe.value("phase1_exits"), Some(1.0));
    assert_eq!(pe.value("phase2_entries"), Some(6.0));
    assert_eq!(
        pe.value("lost"),
        Some(1.0),
        "phase 2 begun 17 months before the extraction date"
    );
    assert_eq!(
        pe.value("phase2_in_progress"),
        Some(1.0),
        "phase 2 begun ten days before"
    );
    assert_eq!(pe.value("exits_known"), Some(3.0));
    assert_eq!(pe.value("phase2_early_exits"), Some(1.0));
    assert_eq!(
        pe.value("positive_exits"),
        Some(1.0),
        "a non-market job is not a positive exit"
    );
    assert_eq!(
        pe.value("sustainable_employment"),
        Some(2.0),
        "but it is a sustainable job"
    );
    assert_eq!(pe.value("positive_exit_rate_exits_known"), Some(33.3));
    assert_eq!(
        pe.value("positive_exit_rate_phase2_ended"),
        Some(20.0),
        "four exits and a loss"
    );
    assert_eq!(pe.value("phase3_positive_exits"), Some(1.0));
    let problems = pe.breakdown("date_problems").unwrap();
    assert_eq!(problems.row("Date d'entrée manquante").unwrap().count, 1);
    assert_eq!(problems.row("Date illisible").unwrap().count, 1);
    assert_eq!(
        report.warnings.iter().filter(|w| w.row.is_some()).count(),
        2
    );
    assert_eq!(report.sources[0].horizon.as_deref(), Some("2013-06-30"));
}

#[test]
fn profiles_count_every_record_even_with_wrong_dates() {
    let report = computed("profiles");
    let pe = report.network(Network::Pe).unwrap();
    let sex = pe.breakdown("sex").unwrap();
    assert_eq!(sex.n, 9);
    let level = pe.breakdown("level").unwrap();
    assert_eq!(
        level.row("Niveau III").unwrap().count,
        1,
        "NV3 is read as Niveau III"
    );
    assert_eq!(level.row(report::MISSING).unwrap().count, 1);
    assert_eq!(level.row(report::MISSING).unwrap().pct, None);
    assert_eq!(level.n, 8);
}

#[test]
fn a_site_is_counted_beside_its_network() {
    let report = computed("site");
    let lille = report.site("pe_lille").unwrap();
    assert_eq!(lille.value("entries"), Some(3.0));
    assert_eq!(lille.value("phase1_exits"), Some(1.0));
    assert_eq!(lille.name.as_deref(), Some("Pôle emploi Lille"));
}

#[test]
fn events_count_in_complete_phases_of_known_young_people() {
    let report = computed("events");
    let pe = report.network(Network::Pe).unwrap();
    assert_eq!(pe.value("youths_with_events"), Some(2.0));
    assert_eq!(
        pe.value("interviews_per_youth_phase1"),
        Some(1.0),
        "two interviews over two young people"
    );
    assert_eq!(pe.value("interviews_per_youth_phase2"), Some(0.5));
    assert_eq!(pe.value("referrals_per_youth_phase2"), Some(0.5));
    assert_eq!(report.sources[0].events_unmatched, 1);
}

#[test]
fn a_missing_entry_column_is_named() {
    let dir = folder("missing");
    std::fs::write(dir.join("pe.csv"), "Identifiant;Agence\n1;Lille\n").unwrap();
    let mut manifest = manifest();
    manifest.cohort[0].events = None;
    let error = compute(&dir, &manifest, &Silent).unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with("pe.csv"), "{message}");
    assert!(message.contains("Date d'entrée"), "{message}");
}

#[test]
fn an_unknown_network_is_refused() {
    let mut manifest = manifest();
    manifest.cohort[0].network = "APEC".to_owned();
    let error = compute(&folder("network"), &manifest, &Silent).unwrap_err();
    assert!(matches!(error, CohortError::UnknownNetwork { .. }));
}

#[test]
fn a_lone_extract_is_recognised_by_its_headings() {
    let dir = folder("lone");
    std::fs::write(dir.join("pe.csv"), PE_EXTRACT).unwrap();
    let report = compute_file(&dir.join("pe.csv"), &Silent).unwrap();
    assert_eq!(report.networks[0].network, Network::Pe);
    assert!(report.sites.is_empty());
}

#[test]
fn a_site_json_holds_the_site_and_its_network() {
    let report = computed("json");
    let json = to_json(&report, Some("pe_lille"));
    assert_eq!(json["sites"][0]["id"], "pe_lille");
    assert_eq!(json["networks"][0]["network"], "PE");
    assert_eq!(
        to_json(&report, Some("nowhere"))["sites"]
            .as_array()
            .map(Vec::len),
        Some(0)
    );
}

/// 48 young people whose phase 2 ended normally, laid out so that the factor tables can be
/// computed by hand: 21 men (10 sustainable jobs, 6 near jobs, 5 without a job), 24 women
/// (12, 5, 7), and 3 more with an « autre » situation. By level: Niveau I 3 (all
/// sustainable jobs), Niveau IV 30 (17, 6, 7), Niveau V 12 (2, 5, 5).
fn factor_extract() -> String {
    let mut rows = vec![
        "Identifiant;Agence;Date d'entrée;Date de début de phase 2;Date de sortie;Motif de sortie;Situation en fin de phase 2;Sexe;Niveau de formation;Nationalité"
            .to_owned(),
    ];
    // (sex, level, situation, how many)
    let groups: [(&str, &str, &str, usize); 12] = [
        ("Homme", "Niveau I", "CDI", 3),
        ("Homme", "Niveau V", "CDI", 1),
        ("Homme", "Niveau V", "Emploi de moins de 6 mois", 3),
        ("Homme", "Niveau V", "Sans emploi", 2),
        ("Homme", "Niveau IV", "CDI", 6),
        ("Homme", "Niveau IV", "Emploi de moins de 6 mois", 3),
        ("Homme", "Niveau IV", "Sans emploi", 3),
        ("Femme", "Niveau V", "CDI", 1),
        ("Femme", "Niveau V", "Formation qualifiante", 2),
        ("Femme", "Niveau V", "Sans emploi", 3),
        ("Femme", "Niveau IV", "CDD de 6 mois ou plus", 11),
        ("Femme", "Niveau IV", "Formation qualifiante", 3),
    ];
    let mut id = 0;
    let mut push = |sex: &str, level: &str, situation: &str| {
        id += 1;
        // Three men of level IV (a sustainable job, a short job, no job) are foreign.
        let nationality = if [11, 17, 20].contains(&id) {
            "Hors UE"
        } else {
            "Française"
        };
        rows.push(format!(
            "{id};Agence;05/01/2012;01/02/2012;01/06/2012;Fin de la phase 2;{situation};{sex};{level};{nationality}"
        ));
    };
    for (sex, level, situation, n) in groups {
        for _ in 0..n {
            push(sex, level, situation);
        }
    }
    for _ in 0..4 {
        push("Femme", "Niveau IV", "Sans emploi");
    }
    for _ in 0..3 {
        push("Femme", "Niveau IV", "Autre situation (santé)");
    }
    rows.join("\n") + "\n"
}

fn factor_report(name: &str) -> CohortReport {
    let dir = folder(name);
    std::fs::write(dir.join("pe.csv"), factor_extract()).unwrap();
    compute_file(&dir.join("pe.csv"), &Silent).unwrap()
}

#[test]
fn exit_classes_count_the_classes_and_set_others_apart() {
    let report = factor_report("classes");
    let pe = &report.networks[0];
    let ids: Vec<&str> = pe.exit_classes.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["sustainable_job", "near_job", "no_job"]);
    let counts: Vec<Option<u64>> = pe.exit_classes.iter().map(|c| c.count).collect();
    assert_eq!(counts, [Some(22), Some(11), Some(12)]);
    assert_eq!(pe.exit_classes[0].pct, Some(48.9), "22 / 45");
    assert_eq!(pe.value("exit_class_n"), Some(45.0));
    assert_eq!(pe.value("exit_class_excluded"), Some(3.0));
    assert_eq!(pe.value("exit_class_unknown"), Some(0.0));
    assert_eq!(
        pe.value("negative_exits"),
        Some(23.0),
        "48 known exits, 22 positive, 3 « autres » set apart"
    );
}

#[test]
fn factor_tables_match_a_hand_computation() {
    let report = factor_report("factor-tables");
    let sex = report.networks[0].factor("sex").unwrap();
    let men = sex.row("Homme").unwrap();
    assert_eq!(men.n, 21);
    assert_eq!(men.pct("sustainable_job"), Some(47.6), "10 / 21");
    assert_eq!(men.pct("near_job"), Some(28.6), "6 / 21");
    // Wilson 95 % for 10 / 21: (0.2834, 0.6763).
    let (low, high) = men.class("sustainable_job").unwrap().interval.unwrap();
    assert!(
        (low - 28.34).abs() < 0.05 && (high - 67.63).abs() < 0.05,
        "{low} {high}"
    );
    let women = sex.row("Femme").unwrap();
    assert_eq!((women.n, women.pct("no_job")), (24, Some(29.2)));
    // Pearson's chi-square on [[10, 6, 5], [12, 5, 7]]: expected counts 10.27, 5.13, 5.6,
    // 11.73, 5.87, 6.4, statistic 0.4079 on 2 df, p = exp(−0.4079 / 2) = 0.8155.
    let test = sex.test.as_ref().unwrap();
    assert_eq!(test.name, "chi2");
    assert_eq!(test.df, 2);
    assert!((test.statistic.unwrap() - 0.4079).abs() < 1e-3);
    assert!((test.p_value.unwrap() - 0.8155).abs() < 1e-3);
    assert_eq!(test.n, 45);
    assert!(
        !test.significant,
        "groups under 30 are never called significant"
    );
}

#[test]
fn small_groups_are_not_published_in_factor_tables() {
    let report = factor_report("small-groups");
    let pe = &report.networks[0];
    // Bands: a level under the threshold, or with a class under it, is merged with its
    // neighbour rather than shown.
    let level = pe.factor("level").unwrap();
    assert!(level.row("Niveau I").is_none(), "three young people");
    assert!(level.row("Niveau V").is_none(), "two sustainable jobs");
    assert!(
        level.withheld_note().contains("regroupé"),
        "{}",
        level.withheld_note()
    );
    // Unordered levels are pooled; a pool still under the threshold is not published, and
    // what would let it be recomputed from the class totals is hidden too.
    let nationality = pe.factor("nationality").unwrap();
    assert_eq!(nationality.withheld, 1, "three foreigners");
    assert!(nationality.row("Autres").is_none());
    let french = nationality.row("Française").unwrap();
    assert_eq!(french.n, 42);
    assert!(
        french
            .classes
            .iter()
            .all(|c| c.pct.is_none() && c.count.is_none()),
        "each class of the three would be the class total minus the French count"
    );
    assert!(
        nationality.test.is_none(),
        "one published level: nothing to test"
    );
    let note = nationality.withheld_note();
    assert!(
        note.contains("1 modalité(s) de moins de 5 jeunes non publiée(s)"),
        "{note}"
    );
    // The JSON and the text say the same.
    let json = to_json(&report, None);
    let table = json["networks"][0]["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "nationality")
        .unwrap()
        .clone();
    assert_eq!(table["rows"].as_array().unwrap().len(), 1);
    assert!(table["rows"][0]["classes"][0]["pct"].is_null());
    let text = to_text(&report, None);
    assert!(text.contains(&note), "{text}");
}
