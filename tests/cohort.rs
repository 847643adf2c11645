//! Cohort figures, end to end: the sample's two extracts are generated into a temporary
//! folder, read back through the public import and cohort code, and every report figure
//! the sample claims to reproduce (`REFERENCE.md`, section « Cohorte PE / ML ») is checked
//! against what `atelier::cohort` computes — never against the generator's own tallies.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use atelier::cohort::{CohortEntry, CohortReport, Denominator, Network, Options, Row};
use atelier::model::manifest::SiteEntry;
use atelier::progress::Silent;
use atelier::synth::Sample;
use atelier::synth::sites::SITES;

struct Fixture {
    dir: PathBuf,
    sample: Sample,
    report: CohortReport,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cohort-sample");
        let _ = std::fs::remove_dir_all(&dir);
        let mut sample = Sample::default();
        atelier::synth::cohort::write(&dir, &mut sample).expect("the cohort extracts are written");
        sample.manifest.sites = SITES
            .iter()
            .map(|s| SiteEntry {
                id: s.id.to_owned(),
                name: s.name.to_owned(),
                network: s.network.id().to_owned(),
                region: s.region.to_owned(),
                ..SiteEntry::default()
            })
            .collect();
        let manifest = serde_json::to_string_pretty(&sample.manifest).unwrap();
        std::fs::write(dir.join(atelier::model::MANIFEST_FILE), manifest).unwrap();
        let report = atelier::cohort::compute(&dir, &sample.manifest, &Silent)
            .expect("the extracts are read");
        Fixture {
            dir,
            sample,
            report,
        }
    })
}

fn pe() -> &'static CohortEntry {
    fixture().report.network(Network::Pe).expect("a PE entry")
}

fn ml() -> &'static CohortEntry {
    fixture().report.network(Network::Ml).expect("an ML entry")
}

fn value(entry: &CohortEntry, id: &str) -> f64 {
    entry
        .value(id)
        .unwrap_or_else(|| panic!("no value for indicator {id}"))
}

fn count(entry: &CohortEntry, id: &str) -> u64 {
    value(entry, id) as u64
}

/// Rounded as the report prints it.
fn printed(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

fn row<'a>(entry: &'a CohortEntry, breakdown: &str, label: &str) -> &'a Row {
    entry
        .breakdown(breakdown)
        .unwrap_or_else(|| panic!("no breakdown {breakdown}"))
        .row(label)
        .unwrap_or_else(|| {
            panic!(
                "no row {label:?} in {breakdown}: {:?}",
                entry.breakdown(breakdown)
            )
        })
}

fn pct(entry: &CohortEntry, breakdown: &str, label: &str) -> f64 {
    row(entry, breakdown, label).pct.expect("a percentage")
}

fn n(entry: &CohortEntry, breakdown: &str) -> u64 {
    entry.breakdown(breakdown).expect("breakdown").n
}

#[test]
fn pe_entries_and_phases() {
    let pe = pe();
    assert_eq!(count(pe, "entries"), 28_505);
    assert_eq!(count(pe, "invalid_dates"), 0);
    assert_eq!(count(pe, "phase2_entries"), 28_477);
    assert_eq!(count(pe, "phase1_exits") + count(pe, "lost_phase1"), 28);
    assert_eq!(count(pe, "phase2_in_progress"), 0);
}

#[test]
fn pe_exits_and_losses() {
    let pe = pe();
    assert_eq!(count(pe, "lost"), 2_240);
    assert_eq!(
        row(pe, "early_exit_reason_phase2", "Abandon du client").count,
        1_460
    );
    assert_eq!(n(pe, "early_exit_reason_phase2"), 5_134);
    for (label, share) in [
        ("Abandon du client", 28.0),
        ("Déménagement", 9.0),
        ("Fin à l'initiative du client", 7.0),
        ("Pertes", 44.0),
        ("Sortie anticipée du suivi délégué", 12.0),
    ] {
        assert_eq!(
            printed(pct(pe, "early_exit_reason_phase2", label), 0),
            share,
            "{label}"
        );
    }
    assert_eq!(count(pe, "exits_known"), 23_343);
    assert_eq!(
        count(pe, "phase2_entries") - n(pe, "early_exit_reason_phase2"),
        23_343
    );
}

#[test]
fn pe_positive_exits() {
    let pe = pe();
    assert_eq!(
        value(pe, "positive_exit_rate"),
        35.5,
        "default: the synthèse's phase-2 entrants"
    );
    assert_eq!(value(pe, "positive_exit_rate_phase2_entries"), 35.5);
    assert_eq!(value(pe, "positive_exit_rate_entries"), 35.5);
    assert_eq!(value(pe, "sustainable_employment_rate"), 43.5);
    assert_eq!(printed(value(pe, "employment_rate"), 0), 62.0);
    let creation = row(pe, "situation_class", "Création d'entreprise").count as f64;
    assert_eq!(
        printed(100.0 * creation / value(pe, "positive_exits"), 0),
        4.0
    );
    assert_eq!(printed(100.0 * creation / value(pe, "exits_known"), 0), 2.0);
}

#[test]
fn pe_negative_exits() {
    let pe = pe();
    assert_eq!(count(pe, "negative_exits"), 12_013);
    let without_job = row(pe, "situation_class", "Sans emploi").count as f64;
    let short_jobs = row(pe, "situation_class", "Emploi de moins de 6 mois").count as f64;
    let negative = value(pe, "negative_exits");
    assert_eq!(printed(100.0 * without_job / negative, 0), 49.0);
    let exits = value(pe, "positive_exits") + negative;
    assert_eq!(printed(100.0 * without_job / exits, 0), 27.0);
    assert_eq!(
        printed(100.0 * short_jobs / negative, 0),
        33.0,
        "« pour un tiers des sorties en emploi de moins de six mois »"
    );
}

#[test]
fn pe_exit_classes() {
    let pe = pe();
    assert_eq!(count(pe, "exit_class_n"), 20_888);
    for (id, expected, share) in [
        ("sustainable_job", 10_060, 48.2),
        ("near_job", 4_926, 23.6),
        ("no_job", 5_902, 28.3),
    ] {
        let class = pe.exit_class(id).unwrap();
        assert_eq!(class.count, Some(expected), "{id}");
        assert_eq!(class.pct, Some(share), "{id}");
    }
    assert_eq!(
        printed(pe.exit_class("no_job").unwrap().pct.unwrap(), 0),
        28.0,
        "« seuls 28 % des jeunes sont sans emploi »"
    );
}

#[test]
fn pe_profile() {
    let pe = pe();
    for (label, expected) in [
        ("Niveau I", 98),
        ("Niveau II", 344),
        ("Niveau III", 7_695),
        ("Niveau IV", 10_376),
        ("Niveau V", 9_938),
        ("Niveau VI", 52),
    ] {
        assert_eq!(row(pe, "level", label).count, expected, "{label}");
    }
    assert_eq!(n(pe, "level"), 28_503);
    assert_eq!(row(pe, "level", "Non renseigné").count, 2);
    assert_eq!(pct(pe, "level", "Niveau V"), 34.9);
    assert_eq!(pct(pe, "level", "Niveau IV"), 36.4);
    assert_eq!(pct(pe, "level", "Niveau III"), 27.0);
    assert_eq!(pct(pe, "sex", "Homme"), 49.8);
    assert_eq!(pct(pe, "sex", "Femme"), 50.2);
    assert_eq!(printed(pct(pe, "age_band", "Moins de 18 ans"), 0), 0.0);
    assert_eq!(printed(pct(pe, "age_band", "18-21 ans"), 0), 32.0);
    let over_21 =
        row(pe, "age_band", "22-25 ans").count + row(pe, "age_band", "Plus de 25 ans").count;
    assert_eq!(
        printed(100.0 * over_21 as f64 / n(pe, "age_band") as f64, 0),
        68.0
    );
    assert_eq!(pct(pe, "age_band", "Plus de 25 ans"), 2.9);
    assert_eq!(printed(pct(pe, "zus", "En ZUS"), 0), 9.0);
    let foreign = row(pe, "nationality", "Étrangère (UE)").count
        + row(pe, "nationality", "Étrangère (hors UE)").count;
    assert_eq!(
        printed(100.0 * foreign as f64 / n(pe, "nationality") as f64, 1),
        7.8
    );
    assert_eq!(printed(value(pe, "registration_months_mean"), 0), 14.0);
    assert_eq!(printed(value(pe, "registration_over_12_months"), 0), 40.0);
    // « Ile de France, Rhône Alpes puis Nord pas de Calais et Paca arrivent en tête ».
    let regions: Vec<&str> = pe.breakdown("region").unwrap().rows[..4]
        .iter()
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(&regions[..2], ["Île-de-France", "Rhône-Alpes"]);
    let mut next = regions[2..].to_vec();
    next.sort_unstable();
    assert_eq!(next, ["Nord-Pas-de-Calais", "Provence-Alpes-Côte d'Azur"]);
}

#[test]
fn pe_durations() {
    let pe = pe();
    assert_eq!(value(pe, "duration_phase1"), 1.1);
    assert_eq!(value(pe, "duration_phase2"), 3.3);
    assert_eq!(value(pe, "duration_phase3"), 1.7);
}

#[test]
fn pe_intensity() {
    let pe = pe();
    for (phase, per_youth, per_month) in [(1, 3.4, 3.1), (2, 6.4, 1.9), (3, 2.5, 1.4)] {
        assert_eq!(
            printed(value(pe, &format!("interviews_per_youth_phase{phase}")), 1),
            per_youth,
            "phase {phase}"
        );
        assert_eq!(
            printed(value(pe, &format!("interviews_per_month_phase{phase}")), 1),
            per_month,
            "phase {phase}"
        );
    }
    for (phase, per_youth, per_month) in [(1, 1.95, 1.8), (2, 2.44, 0.7), (3, 1.41, 0.8)] {
        assert_eq!(
            value(pe, &format!("referrals_per_youth_phase{phase}")),
            per_youth,
            "phase {phase}"
        );
        assert_eq!(
            printed(value(pe, &format!("referrals_per_month_phase{phase}")), 1),
            per_month,
            "phase {phase}"
        );
    }
    assert_eq!(printed(value(pe, "work_periods_phase1"), 0), 2.0);
    assert_eq!(
        value(pe, "work_periods_phase2"),
        15.2,
        "4,340 young people of 28,477 (L2467-2468)"
    );
}

#[test]
fn ml_entries_and_invalid_dates() {
    let ml = ml();
    assert_eq!(count(ml, "entries"), 31_542);
    assert_eq!(count(ml, "usable_entries"), 31_424);
    assert_eq!(count(ml, "invalid_dates"), 118);
    assert_eq!(n(ml, "date_problems"), 118);
    assert_eq!(count(ml, "phase2_entries"), 22_820);
    let warned = fixture()
        .report
        .warnings
        .iter()
        .filter(|w| w.row.is_some())
        .count();
    assert_eq!(
        warned, 118,
        "each record with unusable dates is reported with its row"
    );
}

#[test]
fn ml_phase1_exits() {
    let ml = ml();
    assert_eq!(count(ml, "phase1_exits"), 8_700);
    assert_eq!(value(ml, "phase1_exit_rate"), 27.6);
    assert_eq!(
        row(ml, "exit_reason_phase1", "Abandon du jeune").count,
        4_734
    );
    assert_eq!(
        row(ml, "exit_reason_phase1", "Diagnostic défavorable").count,
        3_944
    );
}

#[test]
fn ml_phase2_exits() {
    let ml = ml();
    for (label, expected) in [
        ("Réorientation", 521),
        ("ANI Phase 3 - Formation initiale", 702),
        ("Déménagement", 1_474),
        ("Pertes", 2_753),
        ("ANI Phase 3 - Formation qualifiante", 1_833),
        ("Abandon du jeune", 3_371),
        ("ANI Phase 3 - Emploi", 3_999),
        ("Fin de la période d'accompagnement", 7_415),
    ] {
        assert_eq!(
            row(ml, "exit_reason_phase2", label).count,
            expected,
            "{label}"
        );
    }
    assert_eq!(n(ml, "exit_reason_phase2"), 22_068);
    let early = n(ml, "early_exit_reason_phase2");
    assert!(early > 8_100);
    assert_eq!(printed(100.0 * early as f64 / 22_068.0, 0), 37.0);
    assert_eq!(count(ml, "exits_known"), 13_949);
    for (label, expected, share) in [
        ("Emploi durable", 3_999, 28.7),
        ("Formation initiale ou qualifiante", 2_535, 18.2),
        ("Ni emploi durable ni formation", 7_415, 53.2),
    ] {
        assert_eq!(
            row(ml, "outcome_end_phase2", label).count,
            expected,
            "{label}"
        );
        assert_eq!(pct(ml, "outcome_end_phase2", label), share, "{label}");
    }
    for (id, expected, share) in [
        ("sustainable_job", 3_999, 28.7),
        ("training", 2_535, 18.2),
        ("neither", 7_415, 53.2),
    ] {
        let class = ml.exit_class(id).unwrap();
        assert_eq!(
            (class.count, class.pct),
            (Some(expected), Some(share)),
            "{id}"
        );
    }
    assert_eq!(count(ml, "exit_class_n"), 13_949);
    assert_eq!(
        pct(ml, "situation_end_phase2", "Formation qualifiante"),
        13.1
    );
    assert_eq!(
        pct(ml, "situation_end_phase2", "Retour en formation initiale"),
        5.0
    );
}

#[test]
fn ml_positive_exits() {
    let ml = ml();
    assert_eq!(count(ml, "positive_exits"), 6_534);
    assert_eq!(value(ml, "positive_exit_rate_phase2_ended"), 29.6);
    assert_eq!(value(ml, "positive_exit_rate_phase2_exits"), 33.8);
    assert_eq!(value(ml, "positive_exit_rate_entries"), 20.7);
    assert_eq!(
        value(ml, "positive_exit_rate_phase2_exits_except_moves"),
        36.6
    );
    assert_eq!(
        value(ml, "positive_exit_rate"),
        36.6,
        "default: the synthèse's denominator"
    );
    assert_eq!(value(ml, "sustainable_employment_rate"), 28.7);
    assert_eq!(
        printed(value(ml, "employment_rate"), 0),
        35.0,
        "« environ 35 % »"
    );
}

#[test]
fn ml_phase3_exits() {
    let ml = ml();
    for (label, expected) in [
        ("Déménagement", 75),
        ("Rupture de la formation", 164),
        ("Rupture du contrat de travail par l'employeur", 208),
        ("Rupture du contrat de travail du fait du jeune", 214),
        ("Retour en formation initiale", 506),
        ("Formation qualifiante", 1_228),
        ("Pertes", 1_520),
        ("Emploi", 2_611),
    ] {
        assert_eq!(
            row(ml, "exit_reason_phase3", label).count,
            expected,
            "{label}"
        );
    }
    assert_eq!(count(ml, "lost_phase3"), 1_520);
    assert_eq!(count(ml, "phase3_positive_exits"), 4_345);
    assert_eq!(
        value(ml, "phase3_positive_rate").floor(),
        86.0,
        "« 86 % des sortants dont la situation est connue » (4,345 / 5,006, cut to the unit)"
    );
}

#[test]
fn ml_profile() {
    let ml = ml();
    let ages = [
        9, 5_959, 6_886, 5_709, 4_037, 2_872, 1_888, 1_363, 1_221, 1_094, 503,
    ];
    for (i, expected) in ages.iter().enumerate() {
        assert_eq!(row(ml, "age", &format!("{} ans", 15 + i)).count, *expected);
    }
    assert_eq!(printed(pct(ml, "sex", "Femme"), 0), 43.0);
    assert_eq!(printed(pct(ml, "sex", "Homme"), 0), 57.0);
    for (label, share) in [
        ("Niveau VI", 17.0),
        ("Niveau V bis", 37.0),
        ("Niveau V", 35.0),
        ("Niveau IV et plus", 11.0),
    ] {
        assert_eq!(printed(pct(ml, "level", label), 0), share, "{label}");
    }
    assert_eq!(row(ml, "validated_level", "Niveau V").count, 139);
    for (label, share) in [
        ("Niveau V", 1.0),
        ("Niveau V bis", 19.0),
        ("Niveau VI", 6.0),
        ("Sans certification validée", 73.0),
    ] {
        assert_eq!(
            printed(pct(ml, "validated_level", label), 0),
            share,
            "{label}"
        );
    }
    let eu = row(ml, "nationality", "Étrangère (UE)").count as f64;
    let non_eu = row(ml, "nationality", "Étrangère (hors UE)").count as f64;
    assert_eq!(
        printed(100.0 * (eu + non_eu) / n(ml, "nationality") as f64, 1),
        6.3
    );
    assert_eq!(printed(100.0 * non_eu / (eu + non_eu), 0), 85.0);
    assert_eq!(printed(pct(ml, "mobility", "Véhicule motorisé"), 0), 20.0);
    assert_eq!(
        printed(
            pct(ml, "mobility", "Ni véhicule ni transports en commun"),
            0
        ),
        61.0
    );
    assert_eq!(pct(ml, "zus", "En ZUS"), 15.6);
    assert_eq!(
        printed(pct(ml, "zus", "En ZUS"), 0),
        16.0,
        "section 7 table (L3502)"
    );
    // « PACA et Ile-de-France ont des quotas plus importants ».
    let regions: Vec<&str> = ml.breakdown("region").unwrap().rows[..2]
        .iter()
        .map(|r| r.label.as_str())
        .collect();
    let mut regions = regions;
    regions.sort_unstable();
    assert_eq!(regions, ["Provence-Alpes-Côte d'Azur", "Île-de-France"]);
    assert_eq!(printed(pct(ml, "known_for", "Moins de 3 mois"), 0), 19.0);
}

#[test]
fn ml_durations() {
    let ml = ml();
    assert_eq!(value(ml, "duration_phase1"), 0.9);
    assert_eq!(value(ml, "duration_phase2"), 8.2);
    assert_eq!(value(ml, "duration_phase3"), 5.3);
}

#[test]
fn ml_intensity() {
    let ml = ml();
    for (phase, per_youth) in [(1, 2.0), (2, 8.2), (3, 3.2)] {
        assert_eq!(
            printed(value(ml, &format!("interviews_per_youth_phase{phase}")), 1),
            per_youth,
            "phase {phase}"
        );
    }
    assert_eq!(value(ml, "referrals_per_youth_phase1"), 1.34);
    assert_eq!(value(ml, "referrals_per_youth_phase2"), 2.71);
    assert_eq!(printed(value(ml, "referrals_per_youth_phase3"), 1), 1.6);
}

#[test]
fn every_visited_site_has_figures_of_its_own() {
    let report = &fixture().report;
    assert_eq!(report.sites.len(), 10);
    for spec in SITES {
        let site = report
            .site(spec.id)
            .unwrap_or_else(|| panic!("no figures for {}", spec.id));
        assert_eq!(site.network.id(), spec.network.id());
        assert_eq!(site.name.as_deref(), Some(spec.name));
        let entries = count(site, "entries");
        assert!(
            (150..=500).contains(&entries),
            "{}: {entries} entries",
            spec.id
        );
        assert!(site.value("positive_exit_rate").is_some(), "{}", spec.id);
    }
    let rate = |id: &str| value(report.site(id).unwrap(), "positive_exit_rate");
    assert!(
        rate("pe_labege") > rate("pe_lille") + 3.0,
        "Labège fares better than Lille"
    );
    assert!(
        rate("ml_touraine") > rate("ml_charleville") + 3.0,
        "Touraine fares better than Charleville"
    );
}

#[test]
fn denominators_are_a_choice() {
    let f = fixture();
    let options = Options {
        pe_denominator: Denominator::Entries,
        ml_denominator: Denominator::Phase2Ended,
    };
    let report = atelier::cohort::compute_with(
        atelier::cohort::Extracts::Folder(&f.dir),
        &f.sample.manifest,
        &options,
        &Silent,
    )
    .unwrap();
    let ml = report.network(Network::Ml).unwrap();
    assert_eq!(value(ml, "positive_exit_rate"), 29.6);
    let definition = &ml.indicator("positive_exit_rate").unwrap().definition;
    assert!(
        definition.contains("perte"),
        "the definition says on whom: {definition}"
    );
}

#[test]
fn json_follows_the_contract() {
    let report = &fixture().report;
    let json = atelier::cohort::to_json(report, None);
    let object = json.as_object().unwrap();
    // A `serde_json::Value` lists keys alphabetically; the fields are what matters there,
    // and the serialised report keeps the contract's order.
    assert_eq!(object.keys().collect::<Vec<_>>(), ["networks", "sites"]);
    let text = serde_json::to_string(report).unwrap();
    assert!(
        text.starts_with(r#"{"networks":[{"network":"PE","indicators":[{"id":"entries","label":"Entrées en phase 1","value":28505,"unit":"jeunes","definition":"#),
        "{}",
        &text[..200]
    );
    for entry in json["networks"]
        .as_array()
        .unwrap()
        .iter()
        .chain(json["sites"].as_array().unwrap())
    {
        assert!(matches!(entry["network"].as_str(), Some("PE" | "ML")));
        let ids: Vec<&str> = entry["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap())
            .collect();
        for id in [
            "entries",
            "phase2_entries",
            "exits_known",
            "positive_exits",
            "positive_exit_rate",
            "lost",
        ] {
            assert!(ids.contains(&id), "indicator {id} missing");
        }
        for indicator in entry["indicators"].as_array().unwrap() {
            let keys: Vec<&String> = indicator.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["definition", "id", "label", "unit", "value"]);
        }
        let breakdowns: Vec<&str> = entry["breakdowns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["id"].as_str().unwrap())
            .collect();
        for id in ["sex", "age_band", "level", "zus"] {
            assert!(breakdowns.contains(&id), "breakdown {id} missing");
        }
        for breakdown in entry["breakdowns"].as_array().unwrap() {
            let keys: Vec<&String> = breakdown.as_object().unwrap().keys().collect();
            assert_eq!(keys, ["id", "label", "n", "rows"]);
            for row in breakdown["rows"].as_array().unwrap() {
                let keys: Vec<&String> = row.as_object().unwrap().keys().collect();
                assert_eq!(keys, ["count", "label", "pct"]);
            }
        }
    }
    assert_eq!(json["networks"][0]["indicators"][0]["value"], 28_505);
    // The success factors, as DESIGN.md §3 gives them.
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    for entry in json["networks"]
        .as_array()
        .unwrap()
        .iter()
        .chain(json["sites"].as_array().unwrap())
    {
        let classes = entry["exit_classes"].as_array().unwrap();
        assert_eq!(classes.len(), 3);
        for class in classes {
            assert_eq!(keys(class), ["count", "id", "label", "pct"]);
        }
        let ids: Vec<&str> = entry["factors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap())
            .collect();
        for id in [
            "sex",
            "age_band",
            "level",
            "nationality",
            "zus",
            "registration",
            "interview_frequency",
            "region",
        ] {
            assert!(ids.contains(&id), "factor {id} missing from {ids:?}");
        }
        if entry["network"] == "PE" {
            for id in ["qualification", "work_periods", "training"] {
                assert!(ids.contains(&id), "PE holds {id}");
            }
        }
        for factor in entry["factors"].as_array().unwrap() {
            assert_eq!(keys(factor), ["id", "label", "rows", "test"]);
            for row in factor["rows"].as_array().unwrap() {
                assert_eq!(keys(row), ["classes", "label", "n"]);
                for class in row["classes"].as_array().unwrap() {
                    assert_eq!(keys(class), ["id", "pct"]);
                }
            }
        }
        let models = entry["adjusted"].as_array().unwrap();
        assert_eq!(models.len(), 3);
        for model in models {
            assert_eq!(keys(model), ["class", "n", "terms"]);
            for term in model["terms"].as_array().unwrap() {
                assert_eq!(keys(term), ["factor", "high", "level", "low", "odds_ratio"]);
            }
        }
    }
    let site = atelier::cohort::to_json(report, Some("pe_lille"));
    assert_eq!(site["sites"][0]["id"], "pe_lille");
    assert_eq!(site["sites"][0]["name"], "Pôle emploi Lille");
    assert_eq!(site["networks"][0]["network"], "PE");
}

#[test]
fn text_table_is_in_french() {
    let report = &fixture().report;
    let text = atelier::cohort::to_text(report, None);
    assert!(text.contains("Entrées en phase 1"));
    assert!(text.contains("28 505"));
    assert!(text.contains("35,5 %"));
    let site = atelier::cohort::to_text(report, Some("ml_touraine"));
    assert!(site.contains("Mission locale de Touraine"));
    assert!(site.contains("Réseau (national)"));
    assert!(site.contains("31 542"));
}

#[test]
fn generation_is_reproducible_byte_for_byte() {
    let first = &fixture().dir;
    let second = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cohort-sample-again");
    let _ = std::fs::remove_dir_all(&second);
    atelier::synth::cohort::write_scaled(&second, 1).unwrap();
    for extract in atelier::synth::cohort::extracts() {
        for file in std::iter::once(extract.file).chain(extract.events) {
            let a = std::fs::read(first.join(&file)).unwrap();
            let b = std::fs::read(second.join(&file)).unwrap();
            assert!(a == b, "{file} differs between two runs");
        }
    }
    let _ = std::fs::remove_dir_all(&second);
}

#[test]
fn every_recorded_figure_is_checked_here() {
    let source = include_str!("cohort.rs");
    let figures: Vec<_> = fixture().sample.reference.iter().collect();
    assert!(figures.len() > 40);
    for figure in figures {
        let name = figure
            .test
            .strip_prefix("tests/cohort.rs::")
            .expect("a test of this file");
        assert!(
            source.contains(&format!("fn {name}()")),
            "{} names a missing test",
            figure.figure
        );
    }
}

/// `atelier cohort DIR [--site ID] --json`, through the real binary.
fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_atelier"))
        .arg("cohort")
        .arg(&fixture().dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Where two JSON values first differ, as a path (`/networks/0/indicators/3/value: …`).
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: String) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            if x.len() != y.len() {
                return Some(format!("{at}: keys {:?} against {:?}", x.keys(), y.keys()));
            }
            x.iter().find_map(|(k, v)| match y.get(k) {
                Some(w) => first_difference(v, w, format!("{at}/{k}")),
                None => Some(format!("{at}/{k}: missing")),
            })
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(format!("{at}: {} items against {}", x.len(), y.len()));
            }
            x.iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (v, w))| first_difference(v, w, format!("{at}/{i}")))
        }
        _ => (a != b).then(|| format!("{at}: {a} against {b}")),
    }
}

#[test]
fn the_command_line_prints_the_same_figures() {
    let out = cli(&["--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected = atelier::cohort::to_json(&fixture().report, None);
    if let Some(place) = first_difference(&json, &expected, String::new()) {
        panic!("the command line and the library differ at {place}");
    }
    let networks = json["networks"].as_array().unwrap();
    let pe = networks.iter().find(|n| n["network"] == "PE").unwrap();
    let indicator = |entry: &serde_json::Value, id: &str| {
        entry["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()["value"]
            .clone()
    };
    assert_eq!(indicator(pe, "entries"), 28_505);
    assert_eq!(indicator(pe, "positive_exit_rate"), 35.5);
    let ml = networks.iter().find(|n| n["network"] == "ML").unwrap();
    assert_eq!(indicator(ml, "phase2_entries"), 22_820);
    assert_eq!(indicator(ml, "positive_exit_rate"), 36.6);

    let out = cli(&["--site", "ml_charleville", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sites"][0]["id"], "ml_charleville");
    assert_eq!(json["networks"][0]["network"], "ML");

    let out = cli(&["--site", "nulle_part"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// The fixture of `tests/data/cohort_factors/` (a 900-row PE extract, its statsmodels
/// reference values and the script that made both), each line's cells passed through `edit`
/// (the header's too), read by `atelier::cohort`.
fn factor_fixture(name: &str, edit: impl Fn(&mut [String])) -> CohortReport {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cohort_factors");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(data.join("pe_factors.csv")).unwrap();
    let edited: Vec<String> = text
        .lines()
        .map(|line| {
            let mut cells: Vec<String> = line.split(';').map(str::to_owned).collect();
            edit(&mut cells);
            cells.join(";")
        })
        .collect();
    let file = dir.join("pe_factors.csv");
    std::fs::write(&file, edited.join("\n")).unwrap();
    atelier::cohort::compute_file(&file, &Silent).unwrap()
}

/// Agreement to three significant figures (half a unit of the third).
fn same_3sf(ours: f64, reference: f64) -> bool {
    (ours - reference).abs() <= 5e-4 * reference.abs()
}

#[test]
fn adjusted_effects_match_statsmodels() {
    let report = factor_fixture("factors-statsmodels", |_| {});
    let pe = report.network(Network::Pe).unwrap();
    let reference: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cohort_factors/reference.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let mut checked = 0;
    for class in reference["classes"].as_array().unwrap() {
        let id = class["class"].as_str().unwrap();
        let model = pe.adjusted_for(id).unwrap();
        assert_eq!(model.n, class["n"].as_u64().unwrap(), "{id}");
        let terms = class["terms"].as_array().unwrap();
        assert_eq!(model.terms.len(), terms.len(), "{id}: {:?}", model.terms);
        for t in terms {
            let ours = model
                .terms
                .iter()
                .find(|m| m.factor == t["factor"] && m.level == t["level"])
                .unwrap_or_else(|| panic!("{id}: no term {t}"));
            for (value, key) in [
                (ours.odds_ratio, "odds_ratio"),
                (ours.low, "low"),
                (ours.high, "high"),
            ] {
                let expected = t[key].as_f64().unwrap();
                let value = value.unwrap_or(f64::NAN);
                assert!(
                    same_3sf(value, expected),
                    "{id} {} {} {key}: {value} against statsmodels' {expected}",
                    t["factor"],
                    t["level"]
                );
                checked += 1;
            }
        }
        assert!(model.notes.is_empty(), "{id}: {:?}", model.notes);
    }
    assert_eq!(checked, 3 * 13 * 3);
}

#[test]
fn a_perfectly_separated_level_is_reported_not_infinite() {
    // Everyone in Normandie finds a sustainable job.
    let report = factor_fixture("factors-separated", |cells| {
        if cells[2] == "Normandie" {
            cells[8] = "CDI".to_owned();
        }
    });
    let pe = report.network(Network::Pe).unwrap();
    let model = pe.adjusted_for("sustainable_job").unwrap();
    let normandie = model
        .terms
        .iter()
        .find(|t| t.factor == "region" && t.level == "Normandie")
        .unwrap();
    assert_eq!(
        (normandie.odds_ratio, normandie.low, normandie.high),
        (None, None, None)
    );
    assert!(
        model
            .notes
            .iter()
            .any(|n| n.contains("séparation complète")),
        "{:?}",
        model.notes
    );
    for m in &pe.adjusted {
        for t in &m.terms {
            for v in [t.odds_ratio, t.low, t.high].into_iter().flatten() {
                assert!(v.is_finite() && v > 0.0 && v < 1e6, "{} {:?}", m.class, t);
            }
        }
    }
    let others = model
        .terms
        .iter()
        .filter(|t| t.odds_ratio.is_some())
        .count();
    assert_eq!(
        others,
        model.terms.len() - 1,
        "every other level is estimated"
    );
    let json = serde_json::to_string(&report).unwrap();
    assert!(
        json.contains(r#""level":"Normandie","odds_ratio":null,"low":null,"high":null"#),
        "the JSON says the level could not be estimated"
    );
}

// Success factors: the report's tables and gaps (REFERENCE.md, « Facteurs de réussite »).

/// A published level of a factor table, by its label (or a merged level holding it).
fn level<'a>(entry: &'a CohortEntry, factor: &str, label: &str) -> &'a atelier::cohort::FactorRow {
    let table = entry
        .factor(factor)
        .unwrap_or_else(|| panic!("no factor {factor}"));
    table
        .rows
        .iter()
        .find(|r| r.label == label)
        .or_else(|| {
            table
                .rows
                .iter()
                .find(|r| r.label.split(" ou ").any(|part| part == label))
        })
        .unwrap_or_else(|| panic!("no level {label:?} of {factor}: {:?}", table.rows))
}

/// The share of a class at a level, in percent, from its count (no rounding).
fn share(entry: &CohortEntry, factor: &str, label: &str, class: &str) -> f64 {
    let row = level(entry, factor, label);
    let count = row
        .class(class)
        .and_then(|c| c.count)
        .unwrap_or_else(|| panic!("{factor} {label} {class} hidden"));
    100.0 * count as f64 / row.n as f64
}

/// Largest minus smallest share of a class over the known levels of a factor.
fn spread(entry: &CohortEntry, factor: &str, class: &str) -> f64 {
    let shares: Vec<f64> = entry
        .factor(factor)
        .unwrap()
        .rows
        .iter()
        .filter(|r| r.label != "Non renseigné")
        .filter_map(|r| {
            let c = r.class(class)?.count?;
            Some(100.0 * c as f64 / r.n as f64)
        })
        .collect();
    shares.iter().copied().fold(f64::MIN, f64::max)
        - shares.iter().copied().fold(f64::MAX, f64::min)
}

/// The levels of a factor, from the highest share of a class to the lowest.
fn ranked(entry: &CohortEntry, factor: &str, class: &str) -> Vec<String> {
    let mut rows: Vec<(f64, String)> = entry
        .factor(factor)
        .unwrap()
        .rows
        .iter()
        .filter(|r| r.label != "Non renseigné")
        .filter_map(|r| {
            let c = r.class(class)?.count?;
            Some((100.0 * c as f64 / r.n as f64, r.label.clone()))
        })
        .collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    rows.into_iter().map(|r| r.1).collect()
}

#[test]
fn pe_level_gradient() {
    let pe = pe();
    let s = |label: &str, class: &str| share(pe, "level", label, class);
    assert_eq!(printed(s("Niveau V", "sustainable_job"), 0), 43.0);
    assert_eq!(printed(s("Niveau II", "sustainable_job"), 0), 55.0);
    assert_eq!(
        printed(s("Niveau II", "sustainable_job"), 0)
            - printed(s("Niveau V", "sustainable_job"), 0),
        12.0
    );
    assert_eq!(
        printed(s("Niveau V", "no_job") - s("Niveau II", "no_job"), 0),
        9.0
    );
    assert_eq!(
        printed(s("Niveau V", "near_job") - s("Niveau II", "near_job"), 0),
        4.0
    );
    for (lower, higher) in [
        ("Niveau V", "Niveau IV"),
        ("Niveau IV", "Niveau III"),
        ("Niveau III", "Niveau II"),
    ] {
        assert!(
            s(higher, "sustainable_job") > s(lower, "sustainable_job"),
            "{higher} over {lower}"
        );
        assert!(
            s(higher, "no_job") < s(lower, "no_job"),
            "{higher} under {lower}"
        );
    }
    // « de 43 à 55 % » is the whole range over the levels shown.
    let published: Vec<f64> = [
        "Niveau I",
        "Niveau II",
        "Niveau III",
        "Niveau IV",
        "Niveau V",
    ]
    .iter()
    .map(|l| printed(s(l, "sustainable_job"), 0))
    .collect();
    assert_eq!(published.iter().copied().fold(f64::MAX, f64::min), 43.0);
    assert_eq!(published.iter().copied().fold(f64::MIN, f64::max), 55.0);
}

#[test]
fn pe_success_factors() {
    let pe = pe();
    let s = |f: &str, l: &str, c: &str| share(pe, f, l, c);
    let (ed, near, none) = ("sustainable_job", "near_job", "no_job");
    // Femme + − −, faible.
    assert!(s("sex", "Femme", ed) > s("sex", "Homme", ed));
    assert!(s("sex", "Femme", near) < s("sex", "Homme", near));
    assert!(s("sex", "Femme", none) <= s("sex", "Homme", none));
    assert!(s("sex", "Femme", ed) - s("sex", "Homme", ed) < 4.0, "weak");
    // Âge = = =, sauf les plus de 25 ans (défavorable).
    for c in [ed, near, none] {
        assert!((s("age_band", "22-25 ans", c) - s("age_band", "18-21 ans", c)).abs() < 1.5);
    }
    assert!(s("age_band", "Plus de 25 ans", ed) < s("age_band", "22-25 ans", ed) - 5.0);
    assert!(s("age_band", "Plus de 25 ans", none) > s("age_band", "22-25 ans", none) + 5.0);
    // Employés qualifiés et techniciens + − − ; ouvriers : plus d'emplois courts.
    for better in ["Employé qualifié", "Technicien, agent de maîtrise"] {
        for worker in ["Ouvrier qualifié", "Manœuvre, ouvrier spécialisé"] {
            assert!(s("qualification", better, ed) > s("qualification", worker, ed) + 4.0);
            assert!(s("qualification", better, near) < s("qualification", worker, near) - 4.0);
            assert!(s("qualification", better, none) < s("qualification", worker, none));
        }
    }
    // Français + + −, plus sur l'emploi durable.
    assert!(s("nationality", "Française", ed) > s("nationality", "Étrangère", ed) + 3.0);
    assert!(s("nationality", "Française", near) >= s("nationality", "Étrangère", near));
    assert!(s("nationality", "Française", none) < s("nationality", "Étrangère", none) - 3.0);
    // ZUS − − +, écarts faibles.
    assert!(s("zus", "En ZUS", ed) < s("zus", "Hors ZUS", ed));
    assert!(s("zus", "En ZUS", near) < s("zus", "Hors ZUS", near));
    assert!(s("zus", "En ZUS", none) > s("zus", "Hors ZUS", none));
    assert!(
        s("zus", "Hors ZUS", ed) - s("zus", "En ZUS", ed) < 6.0,
        "small gaps"
    );
    // Inscription ancienne − = +, peu sensible, défavorable surtout au-delà de deux ans.
    let reg = [
        "6 mois ou moins",
        "De 7 à 12 mois",
        "De 13 à 24 mois",
        "Plus de 24 mois",
    ];
    for pair in reg.windows(2) {
        assert!(s("registration", pair[1], ed) < s("registration", pair[0], ed));
        assert!(s("registration", pair[1], none) > s("registration", pair[0], none));
    }
    assert!(spread(pe, "registration", near) < 1.5);
    assert!(
        s("registration", "De 13 à 24 mois", ed) - s("registration", "Plus de 24 mois", ed)
            > s("registration", "6 mois ou moins", ed) - s("registration", "De 13 à 24 mois", ed),
        "worst over two years"
    );
    // Forte fréquence des entretiens ++ − −−, sauf les accompagnements très courts.
    let (low, high) = ("Plus de 1 à 2 par mois", "Plus de 3 par mois");
    assert!(s("interview_frequency", high, ed) > s("interview_frequency", low, ed) + 10.0);
    assert!(s("interview_frequency", high, near) < s("interview_frequency", low, near));
    assert!(s("interview_frequency", high, none) < s("interview_frequency", low, none) - 8.0);
    assert!(
        s("interview_frequency", "1 ou moins par mois", ed)
            > s("interview_frequency", low, ed) + 5.0,
        "« des taux de sortie importants en emploi durable avec un entretien par mois et moins »"
    );
    // Périodes de travail − + +, défavorable.
    let (with, without) = (
        "Au moins une période de travail",
        "Aucune période de travail",
    );
    assert!(s("work_periods", with, ed) < s("work_periods", without, ed) - 5.0);
    assert!(s("work_periods", with, near) > s("work_periods", without, near));
    assert!(s("work_periods", with, none) > s("work_periods", without, none));
    // Formation =+ =+ = ; POE individuelle et AFPR : ++ emploi durable ; POE collective et
    // AFC : emplois courts.
    let (individual, collective, untrained) = (
        "POE individuelle ou AFPR",
        "POE collective, AFC ou AIF",
        "Aucune formation",
    );
    assert!(s("training", individual, ed) > s("training", untrained, ed) + 5.0);
    assert!(s("training", collective, near) > s("training", untrained, near) + 5.0);
    let trained = |c: &str| {
        let (a, b) = (
            level(pe, "training", individual),
            level(pe, "training", collective),
        );
        let count = |r: &atelier::cohort::FactorRow| r.class(c).unwrap().count.unwrap() as f64;
        100.0 * (count(a) + count(b)) / (a.n + b.n) as f64
    };
    assert!(trained(ed) >= s("training", untrained, ed));
    assert!(trained(near) >= s("training", untrained, near));
    assert!((trained(none) - s("training", untrained, none)).abs() <= 3.0);
    // Région : écarts de 25, 25 et 20 points ; emploi durable fort en Haute-Normandie,
    // Midi-Pyrénées, Basse-Normandie, faible en IDF, Franche-Comté, NPdC, Centre.
    assert_eq!(printed(spread(pe, "region", ed), 0), 25.0);
    assert_eq!(printed(spread(pe, "region", near), 0), 25.0);
    assert_eq!(printed(spread(pe, "region", none), 0), 20.0);
    let order = ranked(pe, "region", ed);
    let mut top: Vec<&str> = order[..3].iter().map(String::as_str).collect();
    top.sort_unstable();
    assert_eq!(top, ["Basse-Normandie", "Haute-Normandie", "Midi-Pyrénées"]);
    let mut bottom: Vec<&str> = order[order.len() - 4..]
        .iter()
        .map(String::as_str)
        .collect();
    bottom.sort_unstable();
    assert_eq!(
        bottom,
        [
            "Centre",
            "Franche-Comté",
            "Nord-Pas-de-Calais",
            "Île-de-France"
        ]
    );
}

#[test]
fn ml_level_table() {
    let ml = ml();
    let s = |label: &str, class: &str| share(ml, "level", label, class);
    for (label, ed, training, neither) in [
        ("Niveau IV et plus", 32.0, 24.0, 43.0),
        ("Niveau V", 30.0, 19.0, 52.0),
        ("Niveau V bis", 28.0, 17.0, 55.0),
        ("Niveau VI", 25.0, 15.0, 61.0),
    ] {
        assert_eq!(printed(s(label, "sustainable_job"), 0), ed, "{label}");
        assert_eq!(printed(s(label, "training"), 0), training, "{label}");
        assert!(
            (printed(s(label, "neither"), 0) - neither).abs() <= 1.0,
            "{label}: the printed rows add up to 99-101 %, « ni-ni » is kept within a point"
        );
    }
    assert_eq!(
        printed(s("Niveau IV et plus", "sustainable_job"), 0)
            - printed(s("Niveau VI", "sustainable_job"), 0),
        7.0
    );
}

#[test]
fn ml_success_factors() {
    let ml = ml();
    let s = |f: &str, l: &str, c: &str| share(ml, f, l, c);
    let (ed, tr, nn) = ("sustainable_job", "training", "neither");
    // Femme − = +, faible sauf pour l'emploi durable, en faveur des hommes.
    assert!(s("sex", "Femme", ed) < s("sex", "Homme", ed) - 2.0);
    assert!((s("sex", "Femme", tr) - s("sex", "Homme", tr)).abs() < 0.5);
    assert!(s("sex", "Femme", nn) > s("sex", "Homme", nn));
    // Âge ++ − − : les plus âgés en emploi durable, les plus jeunes en formation, « ni-ni »
    // semblable à tout âge.
    let ages = ["Moins de 18 ans", "18-21 ans", "22-25 ans"];
    for pair in ages.windows(2) {
        assert!(s("age_band", pair[1], ed) > s("age_band", pair[0], ed));
        assert!(s("age_band", pair[1], tr) < s("age_band", pair[0], tr));
        assert!(s("age_band", pair[1], nn) <= s("age_band", pair[0], nn));
    }
    assert!(
        spread(ml, "age_band", nn) < 2.0,
        "« relativement similaire »"
    );
    // Français = = =.
    for c in [ed, tr, nn] {
        assert!((s("nationality", "Française", c) - s("nationality", "Étrangère", c)).abs() < 1.0);
    }
    assert!(
        !ml.factor("nationality")
            .unwrap()
            .test
            .as_ref()
            .unwrap()
            .significant
    );
    // ZUS −− = + : seulement l'emploi durable et le chômage.
    assert!(s("zus", "En ZUS", ed) < s("zus", "Hors ZUS", ed) - 5.0);
    assert!((s("zus", "En ZUS", tr) - s("zus", "Hors ZUS", tr)).abs() < 0.5);
    assert!(s("zus", "En ZUS", nn) > s("zus", "Hors ZUS", nn));
    // Inscription ancienne (plus de 3 mois) − = +.
    for later in ["De 3 à 12 mois", "Plus de 12 mois"] {
        assert!(s("registration", later, ed) < s("registration", "Moins de 3 mois", ed));
        assert!(s("registration", later, nn) > s("registration", "Moins de 3 mois", nn));
    }
    assert!(spread(ml, "registration", tr) < 0.5);
    // Level and ZUS weigh most on jobs; sex, age and registration less; nationality not.
    let level_gap = spread(ml, "level", ed);
    let zus_gap = spread(ml, "zus", ed);
    for weaker in ["sex", "age_band", "registration", "nationality"] {
        assert!(spread(ml, weaker, ed) < zus_gap.min(level_gap), "{weaker}");
    }
    // Level, then age, weigh on training; the others do not.
    assert!(spread(ml, "level", tr) > spread(ml, "age_band", tr));
    for none in ["sex", "zus", "registration", "nationality"] {
        assert!(spread(ml, none, tr) < 0.5, "{none}");
    }
    // Fréquence des entretiens +++ +++ −−− : 16 % « ni-ni » au-delà de deux entretiens par
    // mois, 87 % en deçà d'un tous les deux mois.
    assert_eq!(
        printed(s("interview_frequency", "Plus de 2 par mois", nn), 0),
        16.0
    );
    assert_eq!(
        printed(s("interview_frequency", "Moins de 0,5 par mois", nn), 0),
        87.0
    );
    let bands = [
        "Moins de 0,5 par mois",
        "De 0,5 à 1 par mois",
        "De 1 à 2 par mois",
        "Plus de 2 par mois",
    ];
    for pair in bands.windows(2) {
        assert!(s("interview_frequency", pair[1], ed) > s("interview_frequency", pair[0], ed));
        assert!(s("interview_frequency", pair[1], tr) > s("interview_frequency", pair[0], tr));
        assert!(s("interview_frequency", pair[1], nn) < s("interview_frequency", pair[0], nn));
    }
    // Région : écarts de 15, 15 et 20 points; emploi durable fort en Franche-Comté, Alsace,
    // Centre, IdF (tableau) et Aquitaine, Midi-Pyrénées (texte), faible en NPdC, Limousin,
    // Picardie, PACA ; « ni-ni » fort en NPdC, Limousin, Picardie, Champagne-Ardenne.
    assert_eq!(printed(spread(ml, "region", ed), 0), 15.0);
    assert_eq!(printed(spread(ml, "region", tr), 0), 15.0);
    assert_eq!(printed(spread(ml, "region", nn), 0), 20.0);
    let order = ranked(ml, "region", ed);
    let mut top: Vec<&str> = order[..6].iter().map(String::as_str).collect();
    top.sort_unstable();
    assert_eq!(
        top,
        [
            "Alsace",
            "Aquitaine",
            "Centre",
            "Franche-Comté",
            "Midi-Pyrénées",
            "Île-de-France"
        ]
    );
    let mut bottom: Vec<&str> = order[order.len() - 4..]
        .iter()
        .map(String::as_str)
        .collect();
    bottom.sort_unstable();
    assert_eq!(
        bottom,
        [
            "Limousin",
            "Nord-Pas-de-Calais",
            "Picardie",
            "Provence-Alpes-Côte d'Azur"
        ]
    );
    let neither = ranked(ml, "region", nn);
    let mut most: Vec<&str> = neither[..4].iter().map(String::as_str).collect();
    most.sort_unstable();
    assert_eq!(
        most,
        [
            "Champagne-Ardenne",
            "Limousin",
            "Nord-Pas-de-Calais",
            "Picardie"
        ]
    );
}

#[test]
fn pe_support_over_all_phases() {
    let pe = pe();
    assert_eq!(value(pe, "duration_total"), 4.7);
    assert_eq!(printed(value(pe, "interviews_per_youth"), 1), 8.8);
    assert_eq!(printed(value(pe, "interviews_per_month"), 1), 1.9);
    assert_eq!(printed(value(pe, "trained_share"), 1), 4.5);
    assert_eq!(
        count(pe, "renewals"),
        987,
        "« près de mille renouvellements »"
    );
    assert!(pct(pe, "last_registration", "Moins de 5 mois") > 50.0);
}

#[test]
fn ml_support_over_all_phases() {
    let ml = ml();
    assert_eq!(printed(value(ml, "interviews_per_youth"), 1), 10.9);
    assert_eq!(printed(value(ml, "interviews_per_month"), 1), 0.9);
}

#[test]
fn flows_add_up() {
    for entry in [pe(), ml()] {
        let flows = entry.breakdown("flows").unwrap();
        let total: u64 = flows.rows.iter().map(|r| r.count).sum();
        assert_eq!(total, count(entry, "entries"), "{:?}", entry.network);
        assert_eq!(flows.n, total);
        // Phase 2: exits and losses, plus those still in it, are its entrants.
        assert_eq!(
            n(entry, "exit_reason_phase2") + count(entry, "phase2_in_progress"),
            count(entry, "phase2_entries"),
            "{:?}",
            entry.network
        );
    }
    // The 22 Missions locales records with impossible dates that reached phase 2: among the
    // entries and the bad dates, in no phase, their drop-outs shown apart.
    let ml = ml();
    assert_eq!(count(ml, "invalid_beyond_phase1"), 22);
    assert_eq!(
        count(ml, "phase1_exits") + count(ml, "phase2_entries") + 22,
        31_542,
        "8,700 + 22,820 + 22"
    );
    assert_eq!(
        row(
            ml,
            "flows",
            "Dates erronées, passées en phase 2 (dans aucune phase) : abandon du jeune"
        )
        .count,
        22
    );
    assert_eq!(
        row(ml, "exit_reason_phase2", "Abandon du jeune").count + 22,
        3_393,
        "the report's 3,371 drop-outs and the 22 the file also holds"
    );
}

#[test]
fn rates_of_sites_side_by_side_name_their_denominator_and_share_a_base() {
    let report = &fixture().report;
    for site in &report.sites {
        let own = site.indicator("positive_exit_rate").unwrap();
        let common = site.indicator("positive_exit_rate_common").unwrap();
        assert!(own.label.contains("(/ "), "{}", own.label);
        assert!(
            common.label.contains("entrants en phase 2"),
            "{}",
            common.label
        );
        let expected = printed(
            100.0 * value(site, "positive_exits") / value(site, "phase2_entries"),
            1,
        );
        assert_eq!(common.number(), Some(expected), "{:?}", site.id);
        if site.network == Network::Pe {
            assert_eq!(
                own.number(),
                common.number(),
                "PE's own base is the common one"
            );
        }
    }
    let touraine = report.site("ml_touraine").unwrap();
    assert!(
        value(touraine, "positive_exit_rate") > value(touraine, "positive_exit_rate_common") + 5.0,
        "on the common base an ML site's rate falls"
    );
    let text = atelier::cohort::to_text(report, None);
    let line = text.lines().find(|l| l.contains("ml_touraine")).unwrap();
    assert!(
        line.contains("des sortants de phase 2 hors pertes et déménagements (taux du réseau)")
            && line.contains("des entrants en phase 2 (base commune)"),
        "{line}"
    );
}

#[test]
fn fitted_definitions_say_so() {
    let ml = ml();
    for id in [
        "positive_exit_rate",
        "positive_exit_rate_phase2_exits_except_moves",
        "positive_exit_rate_phase2_ended",
        "exit_class_n",
        "interviews_per_youth",
    ] {
        let definition = &ml.indicator(id).unwrap().definition;
        assert!(
            definition.contains("Définition ajustée"),
            "{id}: {definition}"
        );
    }
    assert!(
        pe().indicator("exit_class_n")
            .unwrap()
            .definition
            .contains("Définition ajustée")
    );
}

#[test]
fn a_few_young_people_of_unknown_level_do_not_blank_the_level_table() {
    // Two of 900 without a level: alone they would be a row of 2, every cell of which the
    // network's classes give back, so the table protecting them would hide everything.
    let report = factor_fixture("factors-unknown-level", |cells| {
        if cells[0] == "1" || cells[0] == "2" {
            cells[11] = String::new();
        }
    });
    let pe = report.network(Network::Pe).unwrap();
    let table = pe.factor("level").unwrap();
    let hidden = table
        .rows
        .iter()
        .flat_map(|r| &r.classes)
        .filter(|c| c.count.is_none())
        .count();
    assert_eq!(hidden, 0, "{:?}", table.rows);
    assert!(
        table.rows.iter().all(|r| r.label != "Non renseigné"),
        "{:?}",
        table.rows
    );
    assert!(
        table
            .merged
            .iter()
            .any(|m| m.starts_with("« Non renseigné » regroupé avec")),
        "{:?}",
        table.merged
    );
    let n: u64 = table.rows.iter().map(|r| r.n).sum();
    assert_eq!(n, 900, "everyone is in a published row");
    // The models leave the two out, and say so without printing their count.
    for model in &pe.adjusted {
        assert!(
            model.notes.iter().any(|n| n
                == "Niveau de formation : moins de 5 jeunes sans valeur laissés hors du modèle"),
            "{:?}",
            model.notes
        );
        assert!(
            model.notes.iter().all(|n| !n.contains(" 2 jeune")),
            "{:?}",
            model.notes
        );
    }
}
