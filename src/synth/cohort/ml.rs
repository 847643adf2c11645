//! The Missions locales' Parcours III extract: 31,542 entries into phase 1, of which 118 with
//! wrong or missing dates (31,424 usable), with the report's national figures
//! (`shared/domain/cohort.md` §2) and five visited Missions locales.

use super::calibrate;
use super::common::{
    Fate, Kind, Path, SiteParams, day, normal, pair, shuffle_assign, shuffled_ids, split, uniform,
    weighted,
};
use super::events::{Intensity, Rate, Spec};
use super::intensity;
use super::people::{Broken, Calendar, Person, Placement, place, timelines};
use super::targets;
use crate::synth::SEED;
use crate::synth::rng::Rng;
use crate::synth::sites::OTHER_ML;

/// The visited Missions locales' cohorts.
pub const SITES_ML: [SiteParams; 5] = [
    SiteParams {
        id: "ml_touraine",
        size: 364,
        positive: 1.2,
        lost: 0.8,
        zus: 0.9,
        level: 1.05,
        foreign: 0.8,
    },
    SiteParams {
        id: "ml_perigueux",
        size: 241,
        positive: 1.15,
        lost: 0.7,
        zus: 0.5,
        level: 1.0,
        foreign: 0.6,
    },
    SiteParams {
        id: "ml_centre_var",
        size: 318,
        positive: 0.8,
        lost: 1.3,
        zus: 1.3,
        level: 0.95,
        foreign: 1.3,
    },
    SiteParams {
        id: "ml_charleville",
        size: 227,
        positive: 0.75,
        lost: 1.1,
        zus: 1.1,
        level: 0.9,
        foreign: 0.7,
    },
    SiteParams {
        id: "ml_nord_essonne",
        size: 392,
        positive: 1.1,
        lost: 1.2,
        zus: 2.0,
        level: 1.05,
        foreign: 2.2,
    },
];

/// Entries per month: November 2011 to March 2012, then a late wave up to the July 2012
/// deadline (L784, L1489).
const MONTHS: &[(i32, u32, f64)] = &[
    (2011, 11, 9.0),
    (2011, 12, 20.0),
    (2012, 1, 22.0),
    (2012, 2, 18.0),
    (2012, 3, 15.0),
    (2012, 4, 3.0),
    (2012, 5, 3.0),
    (2012, 6, 4.0),
    (2012, 7, 6.0),
];

/// Phase-2 outcome leading to phase 3, with its phase-3 outcomes (L1902-1918, L1948-1964).
type Phase3Branch = (
    &'static str,
    &'static str,
    [(Option<&'static str>, Fate, Kind, usize, f64); 6],
);

const PHASE3: [Phase3Branch; 3] = [
    (
        "ANI Phase 3 - Emploi",
        "",
        [
            (Some("Emploi"), Fate::Ended, Kind::Phase3Kept, 2611, 3.0),
            (
                Some("Rupture du contrat de travail par l'employeur"),
                Fate::Ended,
                Kind::Phase3Broken,
                208,
                2.6,
            ),
            (
                Some("Rupture du contrat de travail du fait du jeune"),
                Fate::Ended,
                Kind::Phase3Broken,
                214,
                2.5,
            ),
            (
                Some("Déménagement"),
                Fate::Ended,
                Kind::Phase3Broken,
                46,
                2.6,
            ),
            (None, Fate::Lost, Kind::Lost, 915, 2.7),
            (None, Fate::InProgress, Kind::InProgress, 5, 2.8),
        ],
    ),
    (
        "ANI Phase 3 - Formation qualifiante",
        "Formation qualifiante",
        [
            (
                Some("Formation qualifiante"),
                Fate::Ended,
                Kind::Phase3Kept,
                1228,
                2.3,
            ),
            (
                Some("Rupture de la formation"),
                Fate::Ended,
                Kind::Phase3Broken,
                112,
                2.0,
            ),
            (
                Some("Déménagement"),
                Fate::Ended,
                Kind::Phase3Broken,
                20,
                2.0,
            ),
            (None, Fate::Lost, Kind::Lost, 471, 2.1),
            (None, Fate::InProgress, Kind::InProgress, 2, 2.2),
            (None, Fate::Lost, Kind::Lost, 0, 2.1),
        ],
    ),
    (
        "ANI Phase 3 - Formation initiale",
        "Retour en formation initiale",
        [
            (
                Some("Retour en formation initiale"),
                Fate::Ended,
                Kind::Phase3Kept,
                506,
                2.2,
            ),
            (
                Some("Rupture de la formation"),
                Fate::Ended,
                Kind::Phase3Broken,
                52,
                1.9,
            ),
            (
                Some("Déménagement"),
                Fate::Ended,
                Kind::Phase3Broken,
                9,
                1.9,
            ),
            (None, Fate::Lost, Kind::Lost, 134, 2.0),
            (None, Fate::InProgress, Kind::InProgress, 1, 2.1),
            (None, Fate::Lost, Kind::Lost, 0, 2.0),
        ],
    ),
];

/// Phase-1 exits over all records, dates valid or not (8,700: L1880-1883).
const PHASE1_EXITS: [(&str, usize, f64); 3] = [
    ("Abandon du jeune", 4734, 0.3),
    ("Diagnostic défavorable", 3944, 0.35),
    ("Déménagement", 22, 0.5),
];

/// Records with wrong dates: phase-1 exits per reason above, then phase-2 drop-outs.
const BROKEN_PHASE1: [usize; 3] = [52, 43, 1];
const BROKEN_PHASE2: usize = 22;

/// The pathways and their counts over all records.
pub fn paths() -> Vec<Path> {
    let base = |last, fate, kind, count, goodness| Path {
        last,
        fate,
        reasons: [None; 3],
        situation: None,
        kind,
        positive: false,
        goodness,
        count,
    };
    let mut v = Vec::new();
    for (reason, count, goodness) in PHASE1_EXITS {
        v.push(Path {
            reasons: [Some(reason), None, None],
            ..base(1, Fate::Ended, Kind::Phase1Exit, count, goodness)
        });
    }
    for (reason, count, goodness) in [
        ("Réorientation", 521, 0.9),
        ("Déménagement", 1474, 0.8),
        ("Abandon du jeune", 3371 + BROKEN_PHASE2, 0.5),
    ] {
        v.push(Path {
            reasons: [None, Some(reason), None],
            ..base(2, Fate::Ended, Kind::Phase2Early, count, goodness)
        });
    }
    v.push(base(2, Fate::Lost, Kind::Lost, 2753, 0.6));
    v.push(Path {
        reasons: [None, Some("Fin de la période d'accompagnement"), None],
        ..base(2, Fate::Ended, Kind::Phase2Known, 7415, 1.5)
    });
    v.push(base(2, Fate::InProgress, Kind::InProgress, 752, 1.4));
    for (reason, situation, outcomes) in PHASE3 {
        for (end, fate, kind, count, goodness) in outcomes {
            if count == 0 {
                continue;
            }
            v.push(Path {
                reasons: [None, Some(reason), end],
                situation: (!situation.is_empty()).then_some(situation),
                positive: true,
                ..base(3, fate, kind, count, goodness)
            });
        }
    }
    v
}

const SEX: [usize; 2] = [17_979, 13_563];
/// Ages 15 to 25, then missing (L1749-1758).
const AGES: [usize; 12] = [
    9, 5_959, 6_886, 5_709, 4_037, 2_872, 1_888, 1_363, 1_221, 1_094, 503, 1,
];
/// Level of training prepared, by level index (I … VI): IV and above 11 %, V 35 %, V bis
/// 37 %, VI 17 % (L3474-3479).
const LEVELS: [usize; 7] = [0, 0, 169, 3_300, 11_040, 11_671, 5_362];
const ZUS: [usize; 2] = [4_921, 26_621];
/// Française, EU, non-EU: 6.3 % foreigners, 85 % of them from outside the EU (L1826).
const NATIONALITY: [usize; 3] = [29_555, 298, 1_689];
/// Motor vehicle 20 %; public transport only; neither 61 % (L1827-1829).
const MOBILITY: [usize; 3] = [6_308, 5_993, 19_241];
/// Validated level of phase-2 entrants, where Parcours III records it: V 139 (1 %), V bis
/// 19 %, VI 6 %, none 73 % of known levels (L1796-1807), in goodness order. The printed
/// shares add up to 99 %: they only round right on about 18,000 known levels.
const VALIDATED: [(usize, usize); 4] = [(4, 139), (5, 3_499), (6, 1_159), (7, 13_203)];
/// Time known to the Mission locale at entry (usable records): under 3 months 19 %
/// (L1822-1823), 3 to 12 months, over 12.
const KNOWN_FOR: [usize; 3] = [5_971, 16_340, 9_113];
/// Situations of those whose support period ended without phase 3 (« ni-ni »): about 35 %
/// in work at the end of phase 2 once short jobs are counted (L3142-3145).
const END_OF_SUPPORT: [(&str, usize, f64); 4] = [
    ("Emploi de moins de 6 mois", 880, 3.0),
    ("Demandeur d'emploi", 5_300, 2.0),
    ("Inactivité", 735, 1.0),
    ("Autre situation (santé, justice)", 500, 0.5),
];
/// Contracts of those entering phase 3 in employment (« part importante des CDI, mais aussi
/// des contrats aidés », L2911-2915).
const CONTRACTS: [(&str, usize); 4] = [
    ("CDI", 1_350),
    ("CDD de 6 mois ou plus", 1_120),
    ("Contrat en alternance", 880),
    ("Contrat aidé du secteur marchand (CUI-CIE)", 649),
];
/// Broken dates among the 118 records.
const BROKEN: [(Broken, usize); 4] = [
    (Broken::MissingEntry, 30),
    (Broken::Unreadable, 24),
    (Broken::Impossible, 34),
    (Broken::OutOfOrder, 30),
];

const LEVEL_AGE: [f64; 7] = [21.0, 21.0, 21.0, 20.5, 18.8, 17.8, 17.0];

fn region_effect(region: &str) -> f64 {
    match region {
        // Synthèse table L3188-3193: sustainable jobs high in Franche-Comté, Alsace, Centre,
        // Île-de-France; low in Nord-Pas-de-Calais, Limousin, Picardie, PACA.
        "Franche-Comté" | "Alsace" | "Centre" | "Île-de-France" => 0.3,
        "Nord-Pas-de-Calais" | "Limousin" | "Picardie" | "Provence-Alpes-Côte d'Azur" => -0.3,
        _ => 0.0,
    }
}

fn volume(region: &str) -> f64 {
    match region {
        // L1343-1350: PACA and Île-de-France have larger quotas; Rhône-Alpes 9.5 % in 2011.
        "Provence-Alpes-Côte d'Azur" | "Île-de-France" => 1.5,
        "Rhône-Alpes" => 1.4,
        _ => 1.0,
    }
}

/// The calendar of the Missions locales' entries and phases.
pub fn calendar() -> Calendar {
    Calendar {
        first: day(2011, 11, 2),
        last: day(2012, 7, 31),
        months: MONTHS,
        max_months: [12.0, 12.0, 6.0],
        // 0.9, 8.2 and 5.3 months (L2486-2493).
        mean_months: [0.9, 8.2, 5.3],
    }
}

/// The events file's intensities (interviews L2506-2511, referrals L2592-2608).
pub fn events_spec() -> Spec {
    let r = |value, decimals| Some(Rate { value, decimals });
    let i = |per_youth| Intensity {
        per_youth,
        per_month: None,
        plain_per_month: 0.0,
    };
    Spec {
        interviews: [i(r(2.0, 1)), i(r(8.2, 1)), i(r(3.2, 1))],
        referrals: [i(r(1.34, 2)), i(r(2.71, 2)), i(r(1.6, 1))],
        workshops: [0.1, 0.1, 0.05],
        work_share: [0.0, 0.10, 0.0],
    }
}

/// Every young person of the extract, with the pathways they follow.
pub fn people() -> (Vec<Person>, Vec<Path>) {
    let mut rng = Rng::stream(SEED, "cohorte-ml");
    let paths = paths();
    let total: usize = paths.iter().map(|p| p.count).sum();
    let Placement {
        site_specs,
        sizes,
        mut people,
        members,
    } = place(&mut rng, total, &SITES_ML, OTHER_ML, volume);
    let others = site_specs.len();
    let param = |g: usize| site_specs.get(g).map(|s| *s.0);
    let mut slot = vec![0usize; people.len()];

    let sex_split = split(&SEX, &sizes, |_| weighted(&SEX, |_| 1.0));
    for (g, m) in members.iter().enumerate() {
        shuffle_assign(m, &sex_split[g], &mut rng, &mut slot);
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.sex = slot[i];
    }
    let level_split = split(&LEVELS, &sizes, |g| {
        let f = param(g).map_or(1.0, |s| s.level);
        weighted(&LEVELS, |c| if c <= 4 { f } else { 1.0 })
    });
    for (g, m) in members.iter().enumerate() {
        shuffle_assign(m, &level_split[g], &mut rng, &mut slot);
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.level = Some(slot[i]);
    }
    let age_split = split(&AGES, &sizes, |_| weighted(&AGES, |_| 1.0));
    let age_latent: Vec<f64> = people
        .iter()
        .map(|p| -(LEVEL_AGE[p.level.unwrap_or(5)] + 1.8 * normal(&mut rng)))
        .collect();
    let younger_first: Vec<f64> = (0..AGES.len())
        .map(|a| {
            if a == AGES.len() - 1 {
                -5.0
            } else {
                -(a as f64)
            }
        })
        .collect();
    for (g, m) in members.iter().enumerate() {
        pair(m, &age_split[g], &younger_first, &age_latent, &mut slot);
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.age = (slot[i] < AGES.len() - 1).then_some(15 + slot[i] as u8);
    }
    let zus_split = split(&ZUS, &sizes, |g| {
        weighted(&ZUS, |c| {
            if c == 0 {
                param(g).map_or(1.0, |s| s.zus)
            } else {
                1.0
            }
        })
    });
    for (g, m) in members.iter().enumerate() {
        shuffle_assign(m, &zus_split[g], &mut rng, &mut slot);
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.zus = slot[i] == 0;
    }
    let nat_split = split(&NATIONALITY, &sizes, |g| {
        weighted(&NATIONALITY, |c| {
            if c > 0 {
                param(g).map_or(1.0, |s| s.foreign)
            } else {
                1.0
            }
        })
    });
    for (g, m) in members.iter().enumerate() {
        shuffle_assign(m, &nat_split[g], &mut rng, &mut slot);
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.nationality = slot[i];
    }
    let mobility_split = split(&MOBILITY, &sizes, |_| weighted(&MOBILITY, |_| 1.0));
    for (g, m) in members.iter().enumerate() {
        shuffle_assign(m, &mobility_split[g], &mut rng, &mut slot);
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.mobility = slot[i];
    }
    for p in people.iter_mut() {
        // Level does not steer who reaches a known exit: phase-1 and phase-2 entrants have
        // the same levels (L3474-3479); its effect on the classes is calibrated below.
        p.latent = 0.05 * (f64::from(p.age.unwrap_or(18)) - 18.0)
            + if p.sex == 0 { 0.05 } else { -0.05 }
            + if p.zus { -0.2 } else { 0.0 }
            + [0.0, -0.05, -0.1][p.nationality]
            + if p.group == others {
                region_effect(p.region)
            } else {
                0.0
            }
            + 0.9 * normal(&mut rng);
    }

    let counts: Vec<usize> = paths.iter().map(|p| p.count).collect();
    let goodness: Vec<f64> = paths.iter().map(|p| p.goodness).collect();
    let path_split = split(&counts, &sizes, |g| {
        let s = param(g);
        weighted(&counts, |c| {
            let path = &paths[c];
            match (path.kind, s) {
                (_, None) => 1.0,
                (Kind::Lost, Some(s)) => s.lost,
                (Kind::InProgress, _) => 1.0,
                (_, Some(s)) if path.positive => s.positive,
                (Kind::Phase2Known, Some(s)) => 1.0 / s.positive,
                _ => 1.0,
            }
        })
    });
    let latent: Vec<f64> = people.iter().map(|p| p.latent).collect();
    for (g, m) in members.iter().enumerate() {
        pair(m, &path_split[g], &goodness, &latent, &mut slot);
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.path = slot[i];
        p.situation = paths[slot[i]].situation;
    }
    broken(&mut people, &paths, &mut rng);
    known_for(&mut people, &mut rng);
    // The success factors the report reads in the classes of exit.
    let regions = region_list();
    let region_of = |name: &str| {
        regions
            .iter()
            .position(|r| *r == name)
            .map_or(calibrate::NONE, |i| i as u8)
    };
    calibrate::calibrate_people(
        &mut people,
        &paths,
        &class_of,
        &|p: &Person| factor_levels(p, &region_of),
        targets::ml(&region_of),
        &mut rng,
    );
    situations(&mut people, &paths, &mut rng);
    validated(&mut people, &paths, &mut rng);

    timelines(&mut people, &paths, &calendar(), &shape, &mut rng);
    let ids = shuffled_ids(people.len(), 500_001, &mut rng);
    for (p, id) in people.iter_mut().zip(ids) {
        p.id = id;
        p.sampled = p.broken.is_none() && (p.group < others || rng.chance(0.125));
    }
    let phase3 = 3.2
        * people
            .iter()
            .filter(|p| p.sampled && p.ends[2].is_some())
            .count() as f64;
    intensity::plan(
        crate::cohort::Network::Ml,
        &mut people,
        &paths,
        &|path: &Path| path.kind == Kind::Phase2Known || path.last == 3,
        &class_of,
        &intensity::Bands {
            ranges: [(0.12, 0.45), (0.55, 0.95), (1.05, 1.95), (2.1, 3.2)],
            sizes: [0.24, 0.36, 0.30, 0.10],
            // « Forte fréquence des entretiens +++ +++ −−− »: 16 % « ni-ni » above two
            // interviews a month, 87 % under one every two months (L3045-3050).
            classes: [
                [8.0, 5.0, 87.0],
                [22.0, 16.0, 62.0],
                [37.0, 23.0, 40.0],
                [50.0, 34.0, 16.0],
            ],
            exact: [true, false, false, true],
            short_first: false,
        },
        // « Total » : 10.9 interviews a young person (L2506-2512).
        10.9,
        phase3,
        [2.2, 1.0],
        None,
        None,
        &mut rng,
    );
    people.sort_by_key(|p| p.id);
    (people, paths)
}

/// The class of exit a pathway gives: phase 3 in a job, phase 3 in training, or the end of
/// the support period (« ni-ni »); `None` for early exits, losses and phase 1.
fn class_of(path: &Path) -> Option<u8> {
    if path.kind == Kind::Phase2Known {
        return Some(2);
    }
    if path.last < 3 {
        return None;
    }
    let (_, situation) = crate::cohort::definitions::classify_reason(path.reasons[1]?);
    crate::cohort::ExitClasses::of(crate::cohort::Network::Ml)
        .class_of(situation?)
        .map(|c| c as u8)
}

/// Regions of the Missions locales, visited sites first.
fn region_list() -> Vec<&'static str> {
    let mut regions: Vec<&'static str> = Vec::new();
    let visited = crate::synth::sites::SITES
        .iter()
        .filter(|s| s.network == crate::synth::sites::Network::Ml)
        .map(|s| s.region);
    for r in visited.chain(OTHER_ML.iter().map(|o| o.1)) {
        if !regions.contains(&r) {
            regions.push(r);
        }
    }
    regions
}

/// A young person's level of each calibrated factor, coded as Atelier codes them.
fn factor_levels(p: &Person, region_of: &dyn Fn(&str) -> u8) -> [u8; targets::FACTORS] {
    let mut v = [calibrate::NONE; targets::FACTORS];
    v[targets::SEX] = p.sex as u8;
    v[targets::AGE] = targets::age_band(p.age);
    v[targets::LEVEL] = p.level.map_or(calibrate::NONE, |l| match l {
        0..=3 => 0,
        4 => 1,
        5 => 2,
        _ => 3,
    });
    v[targets::NATIONALITY] = u8::from(p.nationality > 0);
    v[targets::ZUS] = u8::from(!p.zus);
    let months = f64::from(p.known_days) / crate::cohort::definitions::DAYS_PER_MONTH;
    v[targets::REGISTRATION] = if months < 3.0 {
        0
    } else if months <= 12.0 {
        1
    } else {
        2
    };
    v[targets::REGION] = region_of(p.region);
    v
}

/// Contracts of those entering phase 3 in employment, and situations of those whose support
/// period ended (the better situations to the more employable).
fn situations(people: &mut [Person], paths: &[Path], rng: &mut Rng) {
    let employed: Vec<usize> = (0..people.len())
        .filter(|i| paths[people[*i].path].reasons[1] == Some(PHASE3[0].0))
        .collect();
    let mut slot = vec![0usize; people.len()];
    let counts: Vec<usize> = CONTRACTS.iter().map(|c| c.1).collect();
    shuffle_assign(&employed, &counts, rng, &mut slot);
    for i in employed {
        people[i].situation = Some(CONTRACTS[slot[i]].0);
    }
    let ended: Vec<usize> = (0..people.len())
        .filter(|i| paths[people[*i].path].kind == Kind::Phase2Known)
        .collect();
    let counts: Vec<usize> = END_OF_SUPPORT.iter().map(|c| c.1).collect();
    let goodness: Vec<f64> = END_OF_SUPPORT.iter().map(|c| c.2).collect();
    let latent: Vec<f64> = people.iter().map(|p| p.latent + normal(rng)).collect();
    pair(&ended, &counts, &goodness, &latent, &mut slot);
    for i in ended {
        people[i].situation = Some(END_OF_SUPPORT[slot[i]].0);
    }
}

/// Validated levels, recorded for those who entered phase 2, in line with the level prepared.
fn validated(people: &mut [Person], paths: &[Path], rng: &mut Rng) {
    let mut entrants: Vec<usize> = (0..people.len())
        .filter(|i| paths[people[*i].path].last >= 2)
        .collect();
    rng.shuffle(&mut entrants);
    entrants.truncate(VALIDATED.iter().map(|v| v.1).sum());
    entrants.sort_unstable();
    let counts: Vec<usize> = VALIDATED.iter().map(|v| v.1).collect();
    let goodness: Vec<f64> = (0..VALIDATED.len()).map(|i| -(i as f64)).collect();
    let latent: Vec<f64> = people
        .iter()
        .map(|p| -(p.level.unwrap_or(5) as f64) + 0.8 * normal(rng))
        .collect();
    let mut slot = vec![0usize; people.len()];
    pair(&entrants, &counts, &goodness, &latent, &mut slot);
    for i in entrants {
        people[i].validated = Some(VALIDATED[slot[i]].0);
    }
}

/// The 118 records whose dates cannot be used: 96 phase-1 exits and 22 phase-2 drop-outs.
fn broken(people: &mut [Person], paths: &[Path], rng: &mut Rng) {
    let mut chosen = Vec::new();
    let pick = |path: usize, n: usize, rng: &mut Rng, chosen: &mut Vec<usize>| {
        let mut pool: Vec<usize> = (0..people.len())
            .filter(|i| people[*i].path == path)
            .collect();
        rng.shuffle(&mut pool);
        chosen.extend(pool.into_iter().take(n));
    };
    for (reason, n) in BROKEN_PHASE1.iter().enumerate() {
        pick(reason, *n, rng, &mut chosen);
    }
    let dropout = paths
        .iter()
        .position(|p| p.last == 2 && p.reasons[1] == Some("Abandon du jeune"))
        .unwrap_or(0);
    pick(dropout, BROKEN_PHASE2, rng, &mut chosen);
    let mut kinds: Vec<Broken> = BROKEN
        .iter()
        .flat_map(|(k, n)| std::iter::repeat_n(*k, *n))
        .collect();
    rng.shuffle(&mut kinds);
    for (i, kind) in chosen.into_iter().zip(kinds) {
        people[i].broken = Some(kind);
    }
}

/// Days between first reception and entry, bands kept clear of their edges.
fn known_for(people: &mut [Person], rng: &mut Rng) {
    let usable: Vec<usize> = (0..people.len())
        .filter(|i| people[*i].broken.is_none())
        .collect();
    let mut slot = vec![0usize; people.len()];
    shuffle_assign(&usable, &KNOWN_FOR, rng, &mut slot);
    for (i, p) in people.iter_mut().enumerate() {
        let band = if p.broken.is_some() {
            rng.below(3)
        } else {
            slot[i]
        };
        p.known_days = match band {
            0 => uniform(rng, 0, 85),
            1 => uniform(rng, 98, 358),
            _ => uniform(rng, 372, 700),
        };
    }
}

/// Phase durations: diagnosis usually under a month; phase 2 up to the twelve months of
/// phases 1 and 2, nearly half between 9 and 12 months; phase 3 the six months of
/// follow-up unless broken off (L2486-2496).
fn shape(
    _person: &Person,
    path: &Path,
    phase: usize,
    prev: &[i32; 3],
    rng: &mut Rng,
) -> (i32, (i32, i32)) {
    match phase {
        0 => {
            let v = if path.kind == Kind::Phase1Exit {
                uniform(rng, 3, 45)
            } else if rng.chance(0.8) {
                uniform(rng, 5, 30)
            } else {
                uniform(rng, 30, 70)
            };
            (v, (1, 120))
        }
        1 => {
            let room = 365 - prev[0];
            if path.kind == Kind::Phase2Known {
                (uniform(rng, 300, room), (270.min(room), room))
            } else if path.last == 3 && path.fate == Fate::InProgress {
                (uniform(rng, 250, room - 35), (240, room - 35))
            } else if path.last == 3 {
                (uniform(rng, 60, room - 35), (30, room))
            } else {
                (uniform(rng, 20, 320), (5, room))
            }
        }
        _ => {
            if path.kind == Kind::Phase3Kept {
                (uniform(rng, 165, 190), (140, 190))
            } else {
                (uniform(rng, 15, 150), (5, 183))
            }
        }
    }
}
