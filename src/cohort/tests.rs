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
