//! Pôle emploi's extranet follow-up: 28,505 young people who entered before 31 December
//! 2012, with the report's national figures (`shared/domain/cohort.md` §1) and five visited
//! agencies of a few hundred young people each.

use super::calibrate;
use super::common::{
    Fate, Kind, Path, SiteParams, day, normal, pair, shuffle_assign, shuffled_ids, split, uniform,
    weighted,
};
use super::events::{Intensity, Rate, Spec};
use super::intensity;
use super::people::{Calendar, Person, Placement, place, timelines};
use super::targets;
use crate::synth::SEED;
use crate::synth::rng::{Rng, apportion};
use crate::synth::sites::OTHER_PE;

/// The visited agencies' cohorts: size and how they differ from the nation.
pub const SITES_PE: [SiteParams; 5] = [
    SiteParams {
        id: "pe_alencon",
        size: 173,
        positive: 1.25,
        lost: 0.7,
        zus: 0.6,
        level: 0.95,
        foreign: 0.5,
    },
    SiteParams {
        id: "pe_vannes",
        size: 208,
        positive: 1.1,
        lost: 0.8,
        zus: 0.3,
        level: 1.05,
        foreign: 0.4,
    },
    SiteParams {
        id: "pe_labege",
        size: 331,
        positive: 1.2,
        lost: 1.0,
        zus: 0.8,
        level: 1.3,
        foreign: 0.9,
    },
    SiteParams {
        id: "pe_lille",
        size: 412,
        positive: 0.82,
        lost: 1.3,
        zus: 2.0,
        level: 1.1,
        foreign: 1.8,
    },
    SiteParams {
        id: "pe_dunkerque",
        size: 286,
        positive: 0.78,
        lost: 1.6,
        zus: 1.5,
        level: 0.85,
        foreign: 0.8,
    },
];

/// Entries per month: two waves, December 2011 to March 2012 and from June 2012 (L1481-1482).
const MONTHS: &[(i32, u32, f64)] = &[
    (2011, 10, 1.5),
    (2011, 11, 3.0),
    (2011, 12, 12.0),
    (2012, 1, 18.0),
    (2012, 2, 17.0),
    (2012, 3, 14.0),
    (2012, 4, 2.5),
    (2012, 5, 2.0),
    (2012, 6, 15.0),
    (2012, 7, 15.0),
];

/// Early exits and their counts in phase 2 (chart « total 5 134 », L1859-1874).
const EARLY: [(&str, usize, f64); 4] = [
    ("Abandon du client", 1460, 0.5),
    ("Déménagement", 461, 0.9),
    ("Fin à l'initiative du client", 359, 1.2),
    ("Sortie anticipée du suivi délégué", 614, 0.8),
];

/// Situations at the end of phase 2 without phase 3 (an empty label: none recorded).
///
/// The report's counts do not line up (`shared/domain/cohort.md` §6, item 13): 23,343 known
/// exits, « presque 10 200 » positive exits, 12,013 negative ones, and a three-class variable
/// on 20,888 young people (10,060 / 4,926 / 5,902). They hold together when the three classes
/// only count recorded situations and the « autres » (illness…) are neither positive nor
/// negative: 10,110 positive exits (35.5 % of 28,477), 1,220 « autres », 12,013 negative
/// exits of which 5,902 without a job (49 %, and 27 % of the 22,123 positive and negative
/// exits) and 3,980 short jobs (a third); 735 + 500 exits without a recorded situation make
/// up the 20,888.
const KNOWN: [(&str, usize, f64); 6] = [
    ("Emploi de moins de 6 mois", 3_980, 2.0),
    ("POE / AFPR", 560, 1.9),
    ("Formation qualifiante", 386, 1.8),
    ("Sans emploi", 5_902, 1.0),
    ("Autre situation (santé, famille)", 1_220, 0.95),
    ("", 735, 1.2),
];

/// Situations leading to phase 3 (follow-up in employment); an empty label: none recorded
/// (the entry into phase 3 says it is a sustainable job).
const TO_PHASE3: [(&str, usize, bool, f64); 5] = [
    ("CDI", 4_850, true, 3.2),
    ("CDD de 6 mois ou plus", 4_356, true, 3.0),
    ("Création d'entreprise", 404, true, 2.9),
    (
        "Contrat aidé du secteur non marchand (CUI-CAE)",
        450,
        false,
        2.4,
    ),
    ("", 500, true, 3.0),
];

/// How phase 3 ends for those who enter it: kept to the end of the follow-up, broken off,
/// or no end recorded (« le suivi en emploi reste peu fréquent, peu dense », L2288-2290).
const PHASE3_FATES: [f64; 3] = [0.72, 0.06, 0.22];

/// The pathways and their national counts.
pub fn paths() -> Vec<Path> {
    let mut v = Vec::new();
    let base = |last, fate, kind, count| Path {
        last,
        fate,
        reasons: [None; 3],
        situation: None,
        kind,
        positive: false,
        goodness: 0.3,
        count,
    };
    // Phase 1: 28 exits or losses (L1845-1846).
    for (reason, count) in [
        ("Abandon du client", 12),
        ("Déménagement", 3),
        ("Fin à l'initiative du client", 4),
        ("Sortie anticipée du suivi délégué", 2),
    ] {
        v.push(Path {
            reasons: [Some(reason), None, None],
            ..base(1, Fate::Ended, Kind::Phase1Exit, count)
        });
    }
    v.push(Path {
        goodness: 0.4,
        ..base(1, Fate::Lost, Kind::Lost, 7)
    });
    for (reason, count, goodness) in EARLY {
        v.push(Path {
            reasons: [None, Some(reason), None],
            goodness,
            ..base(2, Fate::Ended, Kind::Phase2Early, count)
        });
    }
    v.push(Path {
        goodness: 0.6,
        ..base(2, Fate::Lost, Kind::Lost, 2240)
    });
    for (situation, count, goodness) in KNOWN {
        v.push(Path {
            reasons: [None, Some("Fin de la phase 2"), None],
            situation: (!situation.is_empty()).then_some(situation),
            goodness,
            ..base(2, Fate::Ended, Kind::Phase2Known, count)
        });
    }
    for (situation, count, positive, goodness) in TO_PHASE3 {
        let parts = apportion(count, &PHASE3_FATES);
        let phase3 = |reason: Option<&'static str>, fate, kind, count, goodness| Path {
            reasons: [None, None, reason],
            situation: (!situation.is_empty()).then_some(situation),
            positive,
            goodness,
            ..base(3, fate, kind, count)
        };
        v.push(phase3(
            Some("Fin du suivi en emploi"),
            Fate::Ended,
            Kind::Phase3Kept,
            parts[0],
            goodness,
        ));
        v.push(phase3(
            Some("Rupture de la période d'essai"),
            Fate::Ended,
            Kind::Phase3Broken,
            parts[1],
            goodness - 0.1,
        ));
        v.push(phase3(
            None,
            Fate::Lost,
            Kind::Lost,
            parts[2],
            goodness - 0.05,
        ));
    }
    v
}

/// National profile counts.
const SEX: [usize; 2] = [14_195, 14_310];
/// Niveau I … VI (no V bis), then missing (L1691-1700).
const LEVELS: [usize; 8] = [98, 344, 7_695, 10_376, 9_938, 0, 52, 2];
/// Ages 16 to 27 (L1676-1680: 0 % under 18, 32 % 18-21, 68 % over 21, 2.9 % over 25).
const AGES: [(u8, usize); 12] = [
    (16, 3),
    (17, 11),
    (18, 1_200),
    (19, 1_900),
    (20, 2_707),
    (21, 3_300),
    (22, 5_300),
    (23, 5_200),
    (24, 4_700),
    (25, 3_357),
    (26, 760),
    (27, 67),
];
const ZUS: [usize; 2] = [2_565, 25_940];
/// Française, EU, non-EU (7.8 % foreigners, L3279).
const NATIONALITY: [usize; 3] = [26_282, 780, 1_443];
/// Young people registered more than 12 months in total (40 %, L1729).
const REGISTERED_OVER_12: usize = 11_402;
/// Mean total months registered (14, L1728).
const REGISTRATION_MEAN: u32 = 14;
/// Phase-2 renewals (« près de mille », L2279).
const RENEWALS: usize = 987;

/// Mean age by level, to pair ages with levels (L1709-1711).
const LEVEL_AGE: [f64; 8] = [25.0, 24.5, 23.5, 22.5, 20.8, 20.5, 19.5, 22.0];
/// Employability by level (L2933-2935: higher level, more sustainable jobs).
const LEVEL_EFFECT: [f64; 8] = [0.8, 0.7, 0.5, 0.2, -0.1, -0.1, -0.4, 0.0];

fn region_effect(region: &str) -> f64 {
    match region {
        // L3124-3130: sustainable jobs high in Haute-Normandie, Midi-Pyrénées, Basse-Normandie;
        // low in Île-de-France, Franche-Comté, Nord-Pas-de-Calais, Centre.
        "Haute-Normandie" | "Midi-Pyrénées" | "Basse-Normandie" => 0.35,
        "Île-de-France" | "Franche-Comté" | "Nord-Pas-de-Calais" | "Centre" => -0.35,
        _ => 0.0,
    }
}

fn volume(region: &str) -> f64 {
    match region {
        // L1323-1326: Île-de-France, Rhône-Alpes, then Nord-Pas-de-Calais and PACA lead.
        "Île-de-France" => 1.8,
        "Rhône-Alpes" => 1.6,
        "Nord-Pas-de-Calais" | "Provence-Alpes-Côte d'Azur" => 1.4,
        _ => 1.0,
    }
}

/// The calendar of Pôle emploi's entries and phases.
pub fn calendar() -> Calendar {
    Calendar {
        first: day(2011, 10, 19),
        last: day(2012, 7, 31),
        months: MONTHS,
        max_months: [6.0, 12.0, 6.0],
        // Phase means 1.1, 3.3 and 1.7 months (L2270-2283), kept off the rounding edges so
        // that the young people detailed in the events file show the same means.
        mean_months: [1.1, 3.34, 1.74],
    }
}

/// The events file's intensities (L2303-2313, L2451-2455, L2465-2467).
pub fn events_spec() -> Spec {
    let r = |value, decimals| Some(Rate { value, decimals });
    let i = |per_youth, per_month| Intensity {
        per_youth,
        per_month,
        plain_per_month: 0.0,
    };
    Spec {
        interviews: [
            i(r(3.4, 1), r(3.1, 1)),
            i(r(6.4, 1), r(1.9, 1)),
            i(r(2.5, 1), r(1.4, 1)),
        ],
        referrals: [
            i(r(1.95, 2), r(1.8, 1)),
            i(r(2.44, 2), r(0.7, 1)),
            i(r(1.41, 2), r(0.8, 1)),
        ],
        workshops: [0.5, 0.3, 0.0],
        work_share: [0.02, 0.152, 0.0],
    }
}

/// Every young person of the extract, with the pathways they follow.
pub fn people() -> (Vec<Person>, Vec<Path>) {
    let mut rng = Rng::stream(SEED, "cohorte-pe");
    let paths = paths();
    let total: usize = paths.iter().map(|p| p.count).sum();
    let Placement {
        site_specs,
        sizes,
        mut people,
        members,
    } = place(&mut rng, total, &SITES_PE, OTHER_PE, volume);
    let others = site_specs.len();
    let param = |g: usize| site_specs.get(g).map(|s| *s.0);

    // Profile: exact national counts, sites differing a little.
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
        weighted(&LEVELS, |c| if c <= 2 { f } else { 1.0 })
    });
    for (g, m) in members.iter().enumerate() {
        shuffle_assign(m, &level_split[g], &mut rng, &mut slot);
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.level = (slot[i] < 7).then_some(slot[i]);
    }
    let age_counts: Vec<usize> = AGES.iter().map(|a| a.1).collect();
    let age_split = split(&age_counts, &sizes, |_| weighted(&age_counts, |_| 1.0));
    let age_latent: Vec<f64> = people
        .iter()
        .map(|p| -(LEVEL_AGE[p.level.unwrap_or(7)] + 1.6 * normal(&mut rng)))
        .collect();
    let younger_first: Vec<f64> = (0..AGES.len()).map(|a| -(a as f64)).collect();
    for (g, m) in members.iter().enumerate() {
        pair(m, &age_split[g], &younger_first, &age_latent, &mut slot);
    }
    for (i, p) in people.iter_mut().enumerate() {
        p.age = Some(AGES[slot[i]].0);
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
    for p in people.iter_mut() {
        let level = p.level.unwrap_or(7);
        p.latent = LEVEL_EFFECT[level]
            + if p.sex == 1 { 0.05 } else { -0.05 }
            + if p.zus { -0.15 } else { 0.0 }
            + [0.0, -0.05, -0.15][p.nationality]
            + if p.age.unwrap_or(22) > 25 { -0.3 } else { 0.0 }
            + if p.group == others {
                region_effect(p.region)
            } else {
                0.0
            }
            + 0.9 * normal(&mut rng);
    }

    // Pathways: exact national counts, each site with its own rates.
    let counts: Vec<usize> = paths.iter().map(|p| p.count).collect();
    let goodness: Vec<f64> = paths.iter().map(|p| p.goodness).collect();
    let path_split = split(&counts, &sizes, |g| {
        let s = param(g);
        weighted(&counts, |c| {
            let path = &paths[c];
            match (path.kind, s) {
                (_, None) => 1.0,
                (Kind::Lost, Some(s)) => s.lost,
                (_, Some(s)) if path.positive && path.last == 3 => s.positive,
                (Kind::Phase2Known, Some(s)) => 1.0 / s.positive.sqrt(),
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
    registration(&mut people, &mut rng);
    for p in people.iter_mut() {
        p.qualification = qualification(p.level, &mut rng);
        p.category = ["A", "B", "C"][rng.weighted(&[86.0, 8.0, 6.0]).unwrap_or(0)];
    }
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
        targets::pe(&region_of),
        &mut rng,
    );
    // Renewals: young people in a short job or training at the end of six months.
    let mut renewable: Vec<usize> = (0..people.len())
        .filter(|i| {
            let path = &paths[people[*i].path];
            path.kind == Kind::Phase2Known && path.goodness >= 1.8
        })
        .collect();
    rng.shuffle(&mut renewable);
    for i in renewable.into_iter().take(RENEWALS) {
        people[i].renewed = true;
    }

    timelines(&mut people, &paths, &calendar(), &shape, &mut rng);
    let ids = shuffled_ids(people.len(), 100_001, &mut rng);
    for (p, id) in people.iter_mut().zip(ids) {
        p.id = id;
        p.sampled = p.group < others || rng.chance(0.125);
    }
    let phase3 = 2.5
        * people
            .iter()
            .filter(|p| p.sampled && p.ends[2].is_some())
            .count() as f64;
    intensity::plan(
        crate::cohort::Network::Pe,
        &mut people,
        &paths,
        &|path: &Path| path.kind == Kind::Phase2Known || path.last == 3,
        &class_of,
        &intensity::Bands {
            ranges: [(0.35, 0.95), (1.1, 1.9), (2.1, 2.9), (3.15, 4.5)],
            sizes: [0.20, 0.40, 0.28, 0.12],
            // « Forte fréquence des entretiens ++ − −− », except very short supports
            // (L2952-2956, L3103-3109).
            classes: [
                [52.0, 20.0, 28.0],
                [41.0, 27.0, 32.0],
                [50.0, 23.0, 27.0],
                [60.0, 19.0, 21.0],
            ],
            exact: [false; 4],
            short_first: true,
        },
        // « Toutes phases » : 8.8 interviews a young person (L2308-2310).
        8.8,
        phase3,
        [3.1, 1.9],
        // « Périodes de travail pendant l'accompagnement − + + », unfavourable (L2964-2967,
        // L3110-3113).
        Some(&intensity::Work {
            share: 0.17,
            with: [40.0, 30.0, 30.0],
        }),
        // 4.5 % trained (L3287-3304); individual POE and AFPR lead to sustainable jobs,
        // collective POE and AFC to short ones (L2960-2962); « Formation =+ =+ = ».
        Some(&intensity::Trainings {
            shares: [0.027, 0.018],
            classes: [[58.0, 16.0, 26.0], [38.0, 35.0, 27.0]],
        }),
        &mut rng,
    );
    people.sort_by_key(|p| p.id);
    (people, paths)
}

/// The class of exit a pathway gives, for those whose situation at the end of phase 2 is
/// recorded.
fn class_of(path: &Path) -> Option<u8> {
    let ended_normally = path.kind == Kind::Phase2Known || path.last == 3;
    let situation = crate::cohort::definitions::Situation::classify(path.situation?);
    ended_normally
        .then(|| crate::cohort::ExitClasses::of(crate::cohort::Network::Pe).class_of(situation))
        .flatten()
        .map(|c| c as u8)
}

/// Regions of Pôle emploi's structures, visited sites first.
fn region_list() -> Vec<&'static str> {
    let mut regions: Vec<&'static str> = Vec::new();
    let visited = crate::synth::sites::SITES
        .iter()
        .filter(|s| s.network == crate::synth::sites::Network::Pe)
        .map(|s| s.region);
    for r in visited.chain(OTHER_PE.iter().map(|o| o.1)) {
        if !regions.contains(&r) {
            regions.push(r);
        }
    }
    regions
}

/// A young person's level of each calibrated factor, coded as Atelier codes them.
fn factor_levels(p: &Person, region_of: &dyn Fn(&str) -> u8) -> [u8; targets::FACTORS] {
    const QUALIFICATIONS: [&str; 5] = [
        "Manœuvre, ouvrier spécialisé",
        "Ouvrier qualifié",
        "Employé non qualifié",
        "Employé qualifié",
        "Technicien, agent de maîtrise",
    ];
    let mut v = [calibrate::NONE; targets::FACTORS];
    v[targets::SEX] = p.sex as u8;
    v[targets::AGE] = targets::age_band(p.age);
    v[targets::LEVEL] = p.level.map_or(calibrate::NONE, |l| l as u8);
    v[targets::QUALIFICATION] = QUALIFICATIONS
        .iter()
        .position(|q| *q == p.qualification)
        .map_or(calibrate::NONE, |i| i as u8);
    v[targets::NATIONALITY] = u8::from(p.nationality > 0);
    v[targets::ZUS] = u8::from(!p.zus);
    v[targets::REGISTRATION] = match p.registration.0 {
        0..=6 => 0,
        7..=12 => 1,
        13..=24 => 2,
        _ => 3,
    };
    v[targets::REGION] = region_of(p.region);
    v
}

/// Total months registered (mean 14, 40 % over 12) and months since the last registration
/// (a majority under 5, L1731-1732).
fn registration(people: &mut [Person], rng: &mut Rng) {
    let mut order: Vec<(f64, usize)> = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                f64::from(p.age.unwrap_or(22)) / 4.0 - 0.4 * p.latent + normal(rng),
                i,
            )
        })
        .collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut values = vec![0i32; people.len()];
    let mut bounds = vec![(1, 12); people.len()];
    for (rank, (_, i)) in order.iter().enumerate() {
        if rank < REGISTERED_OVER_12 {
            values[*i] = 13 + (-(1.0 - rng.unit()).ln() * 10.0) as i32;
            bounds[*i] = (13, 72);
        } else {
            values[*i] = uniform(rng, 2, 12);
        }
    }
    let target = i64::from(REGISTRATION_MEAN) * people.len() as i64;
    super::common::fit(&mut values, &bounds, target, rng);
    for (p, total) in people.iter_mut().zip(values) {
        let total = total.max(1) as u32;
        let last = if rng.chance(0.6) {
            uniform(rng, 0, 4) as u32
        } else {
            uniform(rng, 5, 14) as u32
        };
        p.registration = (total, last.min(total));
    }
}

/// Qualification by level: skilled employees by far the largest group, no managers
/// (L1716-1718, L3237-3239).
fn qualification(level: Option<usize>, rng: &mut Rng) -> &'static str {
    const LABELS: [&str; 5] = [
        "Manœuvre, ouvrier spécialisé",
        "Ouvrier qualifié",
        "Employé non qualifié",
        "Employé qualifié",
        "Technicien, agent de maîtrise",
    ];
    let weights: [f64; 5] = match level {
        Some(0 | 1) => [0.0, 2.0, 3.0, 55.0, 40.0],
        Some(2 | 3) => [5.0, 10.0, 15.0, 55.0, 15.0],
        _ => [18.0, 22.0, 25.0, 33.0, 2.0],
    };
    LABELS[rng.weighted(&weights).unwrap_or(3)]
}

/// Phase durations: phase 1 mostly one to two months with some very quick exits; phase 2
/// with a peak under a month (quick jobs) and one at six months; phase 3 often one month,
/// the trial period (L2270-2283).
fn shape(
    person: &Person,
    path: &Path,
    phase: usize,
    prev: &[i32; 3],
    rng: &mut Rng,
) -> (i32, (i32, i32)) {
    match phase {
        // Supports that end in a known situation are the shorter ones: the mean duration
        // over all phases of those who completed phase 2 is 4.7 months (L2262-2264) while
        // phases 1 and 2 average 1.1 and 3.3 months over everyone who went through them, so
        // the young people lost or leaving early stayed longer in phases 1 and 2.
        0 => {
            let lasting = matches!(path.kind, Kind::Phase2Early | Kind::Lost);
            let v = if path.kind == Kind::Phase1Exit {
                uniform(rng, 5, 60)
            } else if lasting {
                uniform(rng, 45, 88)
            } else if rng.chance(0.12) {
                uniform(rng, 2, 15)
            } else {
                uniform(rng, 15, 45)
            };
            (v, (1, 90))
        }
        1 => {
            let room = 183 - prev[0];
            if path.last == 3 && path.fate == Fate::Lost {
                (uniform(rng, 90, room), (3, room))
            } else if path.last == 3 {
                let v = if rng.chance(0.5) {
                    uniform(rng, 5, 30)
                } else {
                    uniform(rng, 30, 120)
                };
                (v, (3, room))
            } else if person.renewed {
                (uniform(rng, 200, 365 - prev[0]), (room + 1, 365 - prev[0]))
            } else if path.kind == Kind::Phase2Known {
                let v = if rng.chance(0.55) {
                    uniform(rng, 130, room)
                } else {
                    uniform(rng, 30, 130)
                };
                (v, (20, room))
            } else {
                (uniform(rng, 100, room), (3, room))
            }
        }
        _ => {
            if path.kind == Kind::Phase3Kept {
                let v = if rng.chance(0.55) {
                    uniform(rng, 28, 35)
                } else {
                    uniform(rng, 40, 120)
                };
                (v, (20, 183))
            } else {
                (uniform(rng, 5, 60), (3, 90))
            }
        }
    }
}
