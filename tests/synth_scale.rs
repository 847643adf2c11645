//! Scale data (`atelier synth scale`), generated into a temporary folder and read back the
//! way the command line and the GUI read an evaluation folder (`Evaluation::open_dir`): every
//! source with the requested respondents and the sample's questions, respondents linked to
//! the visited sites, the sample's shares, cohort extracts and notes in the manifest, and
//! the same bytes on every run.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use atelier::model::Evaluation;
use atelier::model::Survey;
use atelier::model::{Question, Values};
use atelier::progress::Silent;
use atelier::synth::sites::SITES;
use atelier::synth::surveys::{self, FOLDER, QUESTIONNAIRES};

/// Responses per questionnaire: twice the sample's largest questionnaire, so the cohort is
/// scaled too (factor 2), and quick enough in a debug build.
const RESPONSES: usize = 5000;

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("synth-scale", name)
}

struct Generated {
    dir: PathBuf,
    evaluation: Evaluation,
}

fn generated() -> &'static Generated {
    static ONCE: OnceLock<Generated> = OnceLock::new();
    ONCE.get_or_init(|| {
        let dir = temp_dir("main");
        atelier::synth::write_scale(&dir, RESPONSES).expect("scale data is written");
        let evaluation = Evaluation::open_dir(&dir, &Silent).expect("scale data opens");
        Generated { dir, evaluation }
    })
}

fn question<'a>(id: &str, text_start: &str) -> &'a Question {
    let source = generated()
        .evaluation
        .sources
        .iter()
        .find(|s| s.entry.id == id)
        .unwrap_or_else(|| panic!("no source {id}"));
    source
        .survey
        .questions
        .iter()
        .find(|q| q.text.starts_with(text_start))
        .unwrap_or_else(|| panic!("no question starting with {text_start:?} in {id}"))
}

/// A share in percent over the respondents to a closed question, rounded.
fn pct(q: &Question, label: &str) -> i64 {
    let item = q.items.first().expect("one item");
    assert!(
        matches!(item.values, Values::Codes(_)),
        "{} is closed",
        q.text
    );
    let count = q
        .labels
        .iter()
        .zip(q.label_counts(item))
        .find(|(l, _)| *l == label)
        .map_or(0, |(_, c)| c);
    (100.0 * count as f64 / q.n as f64).round() as i64
}

/// Every file under `dir`, by path relative to it.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let relative = path.strip_prefix(root).expect("inside").to_path_buf();
                out.insert(relative, std::fs::read(&path).expect("a file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn every_source_has_the_requested_respondents() {
    let evaluation = &generated().evaluation;
    let ids: Vec<&str> = evaluation
        .sources
        .iter()
        .map(|s| s.entry.id.as_str())
        .collect();
    let expected: Vec<&str> = QUESTIONNAIRES.iter().map(|q| q.id).collect();
    assert_eq!(ids, expected);
    for source in &evaluation.sources {
        // The employers' interview grid scales too: one rule for every source.
        assert_eq!(
            source.survey.respondents(),
            RESPONSES,
            "{}",
            source.entry.id
        );
    }
}

#[test]
fn questions_are_the_samples() {
    let sample_dir = temp_dir("sample");
    let mut sample = atelier::synth::Sample::default();
    surveys::write(&sample_dir, &mut sample).expect("the sample's questionnaires are written");
    let shape = |survey: &Survey| -> Vec<(String, String, String)> {
        survey
            .questions
            .iter()
            .map(|q| (q.id.clone(), format!("{:?}", q.kind), q.text.clone()))
            .collect()
    };
    for source in &generated().evaluation.sources {
        let path = sample_dir.join(&source.entry.file);
        let sample_survey = Survey::open(&path, None, &Silent).expect("the sample file opens");
        assert_eq!(
            shape(&source.survey),
            shape(&sample_survey),
            "{}",
            source.entry.id
        );
    }
    let _ = std::fs::remove_dir_all(&sample_dir);
}

#[test]
fn respondents_are_linked_to_every_visited_site_of_their_network() {
    let evaluation = &generated().evaluation;
    let sites: Vec<&str> = evaluation
        .manifest
        .sites
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let expected: Vec<&str> = SITES.iter().map(|s| s.id).collect();
    assert_eq!(sites, expected);
    for source in &evaluation.sources {
        assert_eq!(source.site_of_respondent.len(), RESPONSES);
        for (k, site) in evaluation.manifest.sites.iter().enumerate() {
            if source.entry.network.is_empty() || source.entry.network == site.network {
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

#[test]
fn shares_are_the_samples() {
    let experience = [
        "Moins de deux ans",
        "Entre deux et cinq ans",
        "Plus de cinq ans",
    ];
    for (id, expected) in [
        ("conseillers_pe", [13, 17, 70]),
        ("conseillers_ml", [27, 22, 51]),
    ] {
        let q = question(id, "Depuis combien de temps exerciez-vous");
        assert_eq!(experience.map(|l| pct(q, l)), expected, "{id}");
    }
    let reasons = question("jeunes_pe", surveys::youth_pe::REASON);
    assert_eq!(
        surveys::youth_pe::REASON_LABELS.map(|l| pct(reasons, l)),
        [45, 5, 42, 8]
    );
    let vehicle = question("jeunes_pe", surveys::youth_pe::VEHICLE);
    assert_eq!(pct(vehicle, "Non"), 24);
}

#[test]
fn manifest_lists_cohort_extracts_and_notes_that_exist() {
    let g = generated();
    let manifest = &g.evaluation.manifest;
    assert_eq!(manifest.cohort.len(), 2);
    for extract in &manifest.cohort {
        assert!(g.dir.join(&extract.file).is_file(), "{}", extract.file);
        if let Some(events) = &extract.events {
            assert!(g.dir.join(events).is_file(), "{events}");
        }
    }
    assert!(manifest.sites.iter().all(|s| !s.notes.is_empty()));
    for note in manifest.sites.iter().flat_map(|s| &s.notes) {
        assert!(g.dir.join(&note.file).is_file(), "{}", note.file);
    }
    assert!(
        !g.dir.join("REFERENCE.md").exists(),
        "no report figure holds at scale"
    );
    assert!(g.dir.join(FOLDER).is_dir());
}

#[test]
fn a_second_write_gives_the_same_bytes() {
    let first = files(&generated().dir);
    let second_dir = temp_dir("again");
    atelier::synth::write_scale(&second_dir, RESPONSES).expect("scale data is written again");
    let second = files(&second_dir);
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(
            second.get(path) == Some(bytes),
            "{} differs between two runs",
            path.display()
        );
    }
    let _ = std::fs::remove_dir_all(&second_dir);
}

#[test]
fn no_response_is_refused() {
    let dir = temp_dir("empty");
    assert!(atelier::synth::write_scale(&dir, 0).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}
