//! What the user reads, in the shape of the `atelier cohort --json` contract: indicators
//! (each with its unit and definition, built in `indicators`) and breakdowns (each with its
//! n and rows, built here).

use serde::Serialize;

use super::classes::{ExitClassShare, ExitClasses};
use super::definitions::{EndKind, Level, Network, Situation};
use super::extract::{DateProblem, Interner};
use super::tally::{Counts, Open, Tally};

/// A figure with its meaning.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Indicator {
    /// Stable id (`entries`, `positive_exit_rate`…).
    pub id: String,
    /// What it is, in French.
    pub label: String,
    /// The value; `null` when it cannot be computed (an empty denominator).
    pub value: Option<Value>,
    /// `jeunes`, `%`, `mois`, `par mois`, `par jeune`.
    pub unit: String,
    /// How it is counted and, for a rate, on whom.
    pub definition: String,
}

impl Indicator {
    /// The value as a number, counts included.
    pub fn number(&self) -> Option<f64> {
        self.value.map(Value::as_f64)
    }
}

/// An indicator's value: a count, or a rounded number.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A number of young people or events.
    Count(u64),
    /// A rate, a mean or a ratio, rounded (one decimal for percentages and months, two for
    /// ratios).
    Number(f64),
}

impl Value {
    /// The value as a float.
    pub fn as_f64(self) -> f64 {
        match self {
            Value::Count(c) => c as f64,
            Value::Number(x) => x,
        }
    }
}

/// A distribution of young people over the categories of one variable.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakdown {
    /// Stable id (`sex`, `age_band`, `level`, `zus`…).
    pub id: String,
    /// What is broken down, in French.
    pub label: String,
    /// The number of young people the percentages are computed on (value known).
    pub n: u64,
    /// One row per category; a « Non renseigné » row, when present, has no percentage.
    pub rows: Vec<Row>,
}

impl Breakdown {
    /// The row with this label.
    pub fn row(&self, label: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.label == label)
    }
}

/// One category of a breakdown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The category.
    pub label: String,
    /// Young people in it.
    pub count: u64,
    /// Share of the breakdown's n, in percent (one decimal); `null` for « Non renseigné ».
    pub pct: Option<f64>,
}

/// Label of rows counting missing values.
pub const MISSING: &str = "Non renseigné";

/// Label of rows counting losses.
pub const LOST: &str = "Pertes";

/// Interned labels an extract's tallies refer to.
pub struct Labels<'a> {
    /// End reasons.
    pub reasons: &'a Interner,
    /// Kind of each reason.
    pub reason_kinds: &'a [(EndKind, Option<Situation>)],
    /// Situations.
    pub situations: &'a Interner,
    /// Regions.
    pub regions: &'a Interner,
    /// Qualifications.
    pub qualifications: &'a Interner,
    /// Registration categories.
    pub categories: &'a Interner,
}

/// Which optional columns and files an extract has.
#[derive(Clone, Copy, Debug, Default)]
pub struct Present {
    /// A renewal column.
    pub renewal: bool,
    /// Registration durations.
    pub registration: bool,
    /// Months since last registration.
    pub last_registration: bool,
    /// First reception date.
    pub first_contact: bool,
    /// Validated level.
    pub validated: bool,
    /// Vehicle / public transport.
    pub mobility: bool,
    /// An events file.
    pub events: bool,
}

/// `x` rounded to `decimals`.
pub(super) fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// A percentage with one decimal, none when `n` is zero.
pub(super) fn pct(count: u64, n: u64) -> Option<Value> {
    (n > 0).then(|| Value::Number(round(100.0 * count as f64 / n as f64, 1)))
}

/// A ratio rounded to `decimals`, none when `den` is zero.
pub(super) fn ratio(num: f64, den: f64, decimals: i32) -> Option<Value> {
    (den > 0.0).then(|| Value::Number(round(num / den, decimals)))
}

fn fixed<const N: usize>(id: &str, label: &str, counts: &Counts<N>, labels: &[&str]) -> Breakdown {
    let n: u64 = counts.known.iter().sum();
    let mut rows: Vec<Row> = labels
        .iter()
        .zip(counts.known.iter())
        .map(|(l, c)| Row {
            label: (*l).to_owned(),
            count: *c,
            pct: pct(*c, n).map(Value::as_f64),
        })
        .collect();
    if counts.missing > 0 {
        rows.push(Row {
            label: MISSING.to_owned(),
            count: counts.missing,
            pct: None,
        });
    }
    Breakdown {
        id: id.to_owned(),
        label: label.to_owned(),
        n,
        rows,
    }
}

fn grouped(id: &str, label: &str, groups: &[(&str, u64)], missing: u64) -> Breakdown {
    let n: u64 = groups.iter().map(|g| g.1).sum();
    let mut rows: Vec<Row> = groups
        .iter()
        .map(|(l, c)| Row {
            label: (*l).to_owned(),
            count: *c,
            pct: pct(*c, n).map(Value::as_f64),
        })
        .collect();
    if missing > 0 {
        rows.push(Row {
            label: MISSING.to_owned(),
            count: missing,
            pct: None,
        });
    }
    Breakdown {
        id: id.to_owned(),
        label: label.to_owned(),
        n,
        rows,
    }
}

/// Rows of an open tally, most frequent first (ties by first sight), plus extra rows.
fn open(
    id: &str,
    label: &str,
    counts: &Open,
    labels: &Interner,
    keep: impl Fn(u32) -> bool,
    extra: &[(&str, u64)],
) -> Breakdown {
    let mut pairs: Vec<(u32, u64)> = counts
        .known
        .iter()
        .enumerate()
        .filter(|(i, c)| **c > 0 && keep(*i as u32))
        .map(|(i, c)| (i as u32, *c))
        .collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut groups: Vec<(&str, u64)> = pairs.iter().map(|(i, c)| (labels.label(*i), *c)).collect();
    groups.extend(extra.iter().filter(|e| e.1 > 0).copied());
    grouped(id, label, &groups, counts.missing)
}

/// The three classes of exit of a tally, with their shares of the young people who have
/// one. A class under the disclosure threshold is hidden, with the smallest other when it
/// alone could be recomputed from the total.
pub fn exit_classes(classes: &ExitClasses, t: &Tally, threshold: u32) -> Vec<ExitClassShare> {
    let n: u64 = t.classes.iter().sum();
    let hidden = crate::stats::suppress_line(&t.classes, threshold);
    classes
        .classes
        .iter()
        .zip(t.classes)
        .zip(hidden)
        .map(|((def, count), hidden)| ExitClassShare {
            id: def.id.to_owned(),
            label: def.label.to_owned(),
            count: hidden.is_none().then_some(count),
            pct: if hidden.is_none() {
                pct(count, n).map(Value::as_f64)
            } else {
                None
            },
        })
        .collect()
}

/// Every breakdown of a tally.
pub fn breakdowns(
    network: Network,
    t: &Tally,
    labels: &Labels<'_>,
    present: Present,
) -> Vec<Breakdown> {
    let mut out = Vec::new();
    out.push(fixed("sex", "Sexe", &t.sex, &["Homme", "Femme"]));
    let age = |lo: u32, hi: u32| -> u64 {
        t.age
            .known
            .iter()
            .enumerate()
            .filter(|(a, _)| (lo..=hi).contains(&(*a as u32)))
            .map(|(_, c)| *c)
            .sum()
    };
    out.push(grouped(
        "age_band",
        "Âge à l'entrée",
        &[
            ("Moins de 18 ans", age(0, 17)),
            ("18-21 ans", age(18, 21)),
            ("22-25 ans", age(22, 25)),
            ("Plus de 25 ans", age(26, 200)),
        ],
        t.age.missing,
    ));
    let years: Vec<(String, u64)> = t
        .age
        .known
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(a, c)| (format!("{a} ans"), *c))
        .collect();
    let years_ref: Vec<(&str, u64)> = years.iter().map(|(l, c)| (l.as_str(), *c)).collect();
    out.push(grouped(
        "age",
        "Âge à l'entrée, par année",
        &years_ref,
        t.age.missing,
    ));
    let lv = |l: Level| t.level.known[l.index()];
    let levels: Vec<(&str, u64)> = match network {
        Network::Pe => Level::ALL
            .iter()
            .filter(|l| **l != Level::Vbis || lv(Level::Vbis) > 0)
            .map(|l| (l.label(), lv(*l)))
            .collect(),
        Network::Ml => vec![
            (
                "Niveau IV et plus",
                lv(Level::I) + lv(Level::II) + lv(Level::III) + lv(Level::IV),
            ),
            ("Niveau V", lv(Level::V)),
            ("Niveau V bis", lv(Level::Vbis)),
            ("Niveau VI", lv(Level::VI)),
        ],
    };
    let level_label = match network {
        Network::Pe => "Niveau de formation",
        Network::Ml => "Niveau de formation préparé",
    };
    out.push(grouped("level", level_label, &levels, t.level.missing));
    if present.validated {
        let v = |i: usize| t.validated.known[i];
        let mut rows = Vec::new();
        let above = v(0) + v(1) + v(2) + v(3);
        if above > 0 {
            rows.push(("Niveau IV et plus", above));
        }
        rows.extend([
            ("Niveau V", v(Level::V.index())),
            ("Niveau V bis", v(Level::Vbis.index())),
            ("Niveau VI", v(Level::VI.index())),
            ("Sans certification validée", v(7)),
        ]);
        out.push(grouped(
            "validated_level",
            "Niveau validé à l'entrée",
            &rows,
            t.validated.missing,
        ));
    }
    out.push(fixed(
        "zus",
        "Résidence en ZUS",
        &t.zus,
        &["En ZUS", "Hors ZUS"],
    ));
    let nat = &t.nationality;
    let mut nat_rows = vec![
        ("Française", nat.known[0]),
        ("Étrangère (UE)", nat.known[1]),
        ("Étrangère (hors UE)", nat.known[2]),
    ];
    if nat.known[3] > 0 {
        nat_rows.push(("Étrangère (sans précision)", nat.known[3]));
    }
    out.push(grouped(
        "nationality",
        "Nationalité",
        &nat_rows,
        nat.missing,
    ));
    if present.mobility {
        out.push(fixed(
            "mobility",
            "Mobilité",
            &t.mobility,
            &[
                "Véhicule motorisé",
                "Transports en commun seulement",
                "Ni véhicule ni transports en commun",
            ],
        ));
    }
    if t.qualification.known.iter().any(|c| *c > 0) {
        out.push(open(
            "qualification",
            "Qualification",
            &t.qualification,
            labels.qualifications,
            |_| true,
            &[],
        ));
    }
    if t.category.known.iter().any(|c| *c > 0) {
        out.push(open(
            "category",
            "Catégorie d'inscription",
            &t.category,
            labels.categories,
            |_| true,
            &[],
        ));
    }
    if present.last_registration {
        out.push(fixed(
            "last_registration",
            "Ancienneté de la dernière inscription",
            &t.last_registration,
            &["Moins de 5 mois", "De 5 à 12 mois", "Plus de 12 mois"],
        ));
    }
    if present.first_contact {
        out.push(fixed(
            "known_for",
            "Ancienneté du premier accueil à l'entrée",
            &t.known_for,
            &["Moins de 3 mois", "De 3 à 12 mois", "Plus de 12 mois"],
        ));
    }
    out.push(open(
        "region",
        "Région",
        &t.region,
        labels.regions,
        |_| true,
        &[],
    ));
    out.push(open(
        "exit_reason_phase1",
        "Motifs de sortie et pertes en phase 1",
        &t.phase1_reasons,
        labels.reasons,
        |_| true,
        &[(LOST, t.lost[0])],
    ));
    out.push(open(
        "exit_reason_phase2",
        "Sorties et pertes en phase 2",
        &t.reasons[1],
        labels.reasons,
        |_| true,
        &[(LOST, t.lost[1])],
    ));
    let kinds = labels.reason_kinds;
    let early = |i: u32| kinds.get(i as usize).is_none_or(|k| k.0 != EndKind::Normal);
    out.push(open(
        "early_exit_reason_phase2",
        "Motifs de fin anticipée et pertes en phase 2",
        &t.reasons[1],
        labels.reasons,
        early,
        &[(LOST, t.lost[1])],
    ));
    out.push(open(
        "exit_reason_phase3",
        "Sorties et pertes en phase 3",
        &t.reasons[2],
        labels.reasons,
        |_| true,
        &[(LOST, t.lost[2])],
    ));
    out.push(open(
        "situation_end_phase2",
        "Situation en fin de phase 2 (sorties à situation connue)",
        &t.situations,
        labels.situations,
        |_| true,
        &[],
    ));
    let classes: Vec<(&str, u64)> = Situation::ALL
        .iter()
        .map(|s| (s.label(), t.situation_class[s.index()]))
        .filter(|r| r.1 > 0)
        .collect();
    out.push(grouped(
        "situation_class",
        "Situation en fin de phase 2, regroupée",
        &classes,
        t.situation_missing,
    ));
    let classes = ExitClasses::of(network);
    let in_classes: Vec<(&str, u64)> = classes.labels().into_iter().zip(t.classes).collect();
    let mut outcome = grouped(
        "outcome_end_phase2",
        "Situation en fin de phase 2 en trois catégories",
        &in_classes,
        0,
    );
    for (label, count) in [
        ("Situation « autre », écartée", t.class_excluded),
        ("Situation non renseignée", t.class_unknown),
    ] {
        if count > 0 {
            outcome.rows.push(Row {
                label: label.to_owned(),
                count,
                pct: None,
            });
        }
    }
    out.push(outcome);
    // Where every entry goes, so that the flows add up: phase-1 outcomes, phase 2, and the
    // records whose dates cannot be used but whose row shows they went further (the report
    // counts them among entries and bad dates, in no phase).
    let mut flow_rows: Vec<(String, u64)> = vec![
        ("Sorties en phase 1".to_owned(), t.phase1_exits),
        ("Pertes en phase 1".to_owned(), t.lost[0]),
        ("Encore en phase 1".to_owned(), t.in_progress[0]),
        ("Entrées en phase 2".to_owned(), t.reached[1]),
    ];
    let mut beyond: Vec<(u32, u64)> = t
        .invalid_phase2_reasons
        .known
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, c)| (i as u32, *c))
        .collect();
    beyond.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (reason, count) in beyond {
        flow_rows.push((
            format!(
                "Dates erronées, passées en phase 2 (dans aucune phase) : {}",
                labels.reasons.label(reason).to_lowercase()
            ),
            count,
        ));
    }
    if t.invalid_phase2_reasons.missing > 0 {
        flow_rows.push((
            "Dates erronées, passées en phase 2 (dans aucune phase) : motif non renseigné"
                .to_owned(),
            t.invalid_phase2_reasons.missing,
        ));
    }
    let placed: u64 = flow_rows.iter().map(|r| r.1).sum();
    if t.entries > placed {
        flow_rows.push((
            "Dates erronées, en phase 1 sans motif de sortie lisible".to_owned(),
            t.entries - placed,
        ));
    }
    let flow_refs: Vec<(&str, u64)> = flow_rows.iter().map(|(l, c)| (l.as_str(), *c)).collect();
    out.push(grouped(
        "flows",
        "Où vont les entrées en phase 1 (les lignes totalisent les entrées)",
        &flow_refs,
        0,
    ));
    let problems: Vec<(&str, u64)> = DateProblem::ALL
        .iter()
        .map(|p| (p.label(), t.problems[p.index()]))
        .collect();
    out.push(grouped(
        "date_problems",
        "Fiches aux dates inutilisables",
        &problems,
        0,
    ));
    out
}
