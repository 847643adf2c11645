//! The success-factor tables the sample is calibrated to, from the report's synthesis
//! tables (L3079-3130 for Pôle emploi, L3151-3193 for the Missions locales) and the text
//! around them (L2923-2971, L2998-3060, L3627-3647). Each share is a percentage of the
//! three classes of exit at one level of one factor, coded as Atelier codes the levels.
//!
//! Where the report states a size, the target gives it (Pôle emploi's level gradient: 43 to
//! 55 % in sustainable employment between levels V and II, about 9 points fewer without a
//! job; the Missions locales' table by level; the regions' spreads); where it gives a sign
//! (« + », « − », « = »), the target gives a gap of that sign, small for a « faible » or
//! « = » factor. Where the report contradicts itself, the choice is said beside the target
//! and in `REFERENCE.md`.

use super::calibrate::Target;

/// Factors of the calibration, in the people's level arrays.
pub const SEX: usize = 0;
/// Age band at entry (as Atelier's `age_band`).
pub const AGE: usize = 1;
/// Level (PE: Niveau I … VI by index; ML: IV and above, V, V bis, VI).
pub const LEVEL: usize = 2;
/// Qualification (PE only).
pub const QUALIFICATION: usize = 3;
/// French or foreign.
pub const NATIONALITY: usize = 4;
/// In a ZUS (0) or not (1).
pub const ZUS: usize = 5;
/// Registration band (PE: total months; ML: time known to the Mission locale).
pub const REGISTRATION: usize = 6;
/// Region (index in the network's list of regions).
pub const REGION: usize = 7;
/// Number of factors.
pub const FACTORS: usize = 8;

/// Atelier's age bands: under 18, 18-21, 22-25, over 25.
pub fn age_band(age: Option<u8>) -> u8 {
    match age {
        None => super::calibrate::NONE,
        Some(0..=17) => 0,
        Some(18..=21) => 1,
        Some(22..=25) => 2,
        Some(_) => 3,
    }
}

fn t(factor: usize, level: u8, shares: [f64; 3]) -> Target {
    Target {
        factor,
        level,
        shares,
        weight: 1.0,
    }
}

/// A target the report prints to the point (a table), held more tightly than the others.
fn exact(factor: usize, level: u8, shares: [f64; 3]) -> Target {
    Target {
        weight: 20.0,
        ..t(factor, level, shares)
    }
}

/// Pôle emploi: emploi durable / emploi proche / sans emploi; overall 48.2 / 23.6 / 28.3.
pub fn pe(region: &dyn Fn(&str) -> u8) -> Vec<Target> {
    let mut v = vec![
        // « Femme + − − », faible (L2924-2925: more sustainable jobs, fewer short ones).
        t(SEX, 0, [46.8, 24.9, 28.3]),
        t(SEX, 1, [49.6, 22.4, 28.0]),
        // « Age = = = », except over 25 (unfavourable, L2927-2928).
        t(AGE, 0, [48.2, 23.6, 28.2]),
        t(AGE, 1, [48.7, 23.7, 27.6]),
        t(AGE, 2, [48.6, 23.6, 27.8]),
        t(AGE, 3, [40.0, 23.4, 36.6]),
        // Level, « ++ + −− » with gaps of 12 points (43 to 55 %) for sustainable jobs,
        // about 9 for no job between levels V and II, 4 for the intermediate class
        // (L2933-2935). Those three gaps add up only if the intermediate class falls by
        // about 4 points from V to II: the text's figures are kept, not the synthesis's
        // « + » for that column.
        t(LEVEL, 0, [55.0, 21.0, 24.0]),
        exact(LEVEL, 1, [55.4, 20.8, 23.8]),
        t(LEVEL, 2, [52.5, 22.2, 25.3]),
        t(LEVEL, 3, [49.7, 23.7, 26.6]),
        exact(LEVEL, 4, [42.9, 24.7, 32.4]),
        t(LEVEL, 6, [43.0, 25.0, 32.0]),
        // « Employé et techniciens + − − ; ouvriers : plus d'emplois courts » (L2937-2938).
        t(QUALIFICATION, 0, [42.0, 29.5, 28.5]),
        t(QUALIFICATION, 1, [43.5, 28.5, 28.0]),
        t(QUALIFICATION, 2, [46.0, 23.0, 31.0]),
        t(QUALIFICATION, 3, [50.2, 22.1, 27.7]),
        t(QUALIFICATION, 4, [53.0, 21.0, 26.0]),
        // « Français + + − », more on sustainable jobs (L2944-2945).
        t(NATIONALITY, 0, [48.6, 23.7, 27.7]),
        t(NATIONALITY, 1, [43.5, 22.5, 34.0]),
        // « ZUS − − + », small gaps (L2947-2949).
        t(ZUS, 0, [45.0, 23.0, 32.0]),
        t(ZUS, 1, [48.5, 23.7, 27.8]),
        // « Inscription PE ancienne − = + », not very sensitive, worst over two years
        // (L2940-2942).
        t(REGISTRATION, 0, [49.6, 23.6, 26.8]),
        t(REGISTRATION, 1, [49.2, 23.6, 27.2]),
        t(REGISTRATION, 2, [47.6, 23.6, 28.8]),
        t(REGISTRATION, 3, [43.0, 23.6, 33.4]),
    ];
    // Regions: gaps of 25 points in sustainable jobs, 25 in the intermediate class, 20
    // without a job; sustainable jobs high in Haute-Normandie, Midi-Pyrénées,
    // Basse-Normandie, low in Île-de-France, Franche-Comté, Nord-Pas-de-Calais, Centre
    // (L3117-3130); « fortes disparités » between near jobs and no job (L2969-2970).
    for (name, shares) in [
        ("Haute-Normandie", [60.0, 18.0, 22.0]),
        ("Midi-Pyrénées", [59.0, 23.0, 18.0]),
        ("Basse-Normandie", [58.0, 20.0, 22.0]),
        ("Île-de-France", [36.0, 26.0, 38.0]),
        ("Franche-Comté", [35.0, 37.0, 28.0]),
        ("Nord-Pas-de-Calais", [38.0, 25.0, 37.0]),
        ("Centre", [37.0, 33.0, 30.0]),
        ("Bretagne", [52.0, 12.0, 36.0]),
        ("Rhône-Alpes", [50.0, 24.0, 26.0]),
        ("Provence-Alpes-Côte d'Azur", [49.0, 25.0, 26.0]),
    ] {
        v.push(t(REGION, region(name), shares));
    }
    v
}

/// Missions locales: emploi durable / formation / ni l'un ni l'autre; overall 28.7 / 18.2 /
/// 53.2.
pub fn ml(region: &dyn Fn(&str) -> u8) -> Vec<Target> {
    let mut v = vec![
        // « Femme − = + », faible except sustainable jobs, which favour men (L2999-3000).
        t(SEX, 0, [30.2, 18.2, 51.6]),
        t(SEX, 1, [26.6, 18.2, 55.2]),
        // « Age ++ − − »: the older more in sustainable jobs, the younger more in training,
        // « ni-ni » much the same at every age (L3002-3005); age weighs less than level and
        // ZUS on jobs (L3037-3040) and less than level on training (L3041-3042).
        t(AGE, 0, [26.6, 19.8, 53.6]),
        t(AGE, 1, [29.9, 17.1, 53.0]),
        t(AGE, 2, [32.3, 15.2, 52.5]),
        // Level: the table by level (L3635-3647), sustainable jobs 7 points apart between
        // VI and IV (L3627-3629). Its rows add up to 99 to 101 %, and with the classes as
        // a whole (28.7 / 18.2 / 53.2) all twelve cannot round to the printed points: the
        // sustainable-job and training columns are kept to the point, « ni-ni » within one.
        exact(LEVEL, 0, [32.4, 24.3, 43.3]),
        exact(LEVEL, 1, [29.7, 18.9, 51.4]),
        exact(LEVEL, 2, [28.1, 17.3, 54.6]),
        exact(LEVEL, 3, [24.8, 14.8, 60.4]),
        // « Français = = = » (L3031).
        t(NATIONALITY, 0, [28.7, 18.2, 53.1]),
        t(NATIONALITY, 1, [28.4, 18.1, 53.5]),
        // « ZUS −− = + »: only sustainable jobs and unemployment (L3033-3035).
        t(ZUS, 0, [23.2, 18.2, 58.6]),
        t(ZUS, 1, [29.7, 18.2, 52.1]),
        // « Inscription ML ancienne − = + », over three months (L3027-3029).
        t(REGISTRATION, 0, [30.9, 18.3, 50.8]),
        t(REGISTRATION, 1, [28.5, 18.2, 53.3]),
        t(REGISTRATION, 2, [27.9, 18.1, 54.0]),
    ];
    // Regions: gaps of 15, 15 and 20 points. Sustainable jobs high in Franche-Comté,
    // Alsace, Centre, Île-de-France (synthesis table) and in Aquitaine, Franche-Comté,
    // Midi-Pyrénées (text): both lists are kept. Low in Nord-Pas-de-Calais, Limousin,
    // Picardie, PACA (table); « ni-ni » highest in Nord-Pas-de-Calais, Limousin, Picardie,
    // Champagne-Ardenne (text) (L3056-3060, L3181-3193).
    for (name, shares) in [
        ("Franche-Comté", [36.0, 21.0, 43.0]),
        ("Alsace", [35.0, 19.0, 46.0]),
        ("Centre", [35.0, 17.0, 48.0]),
        ("Île-de-France", [34.0, 18.0, 48.0]),
        ("Aquitaine", [35.0, 17.0, 48.0]),
        ("Midi-Pyrénées", [34.0, 18.0, 48.0]),
        ("Nord-Pas-de-Calais", [21.0, 16.0, 63.0]),
        ("Limousin", [22.0, 16.0, 62.0]),
        ("Picardie", [22.0, 17.0, 61.0]),
        ("Provence-Alpes-Côte d'Azur", [21.0, 24.0, 55.0]),
        ("Champagne-Ardenne", [25.0, 13.0, 62.0]),
        ("Bretagne", [30.0, 26.0, 44.0]),
        ("Lorraine", [30.0, 11.0, 59.0]),
        ("Rhône-Alpes", [29.0, 19.0, 52.0]),
    ] {
        v.push(t(REGION, region(name), shares));
    }
    v
}

/// Fills the levels of `factor` that have no target with what the class totals leave,
/// so that the targets of a factor add up to the classes as a whole.
pub fn fill_remainder(targets: &mut Vec<Target>, factor: usize, levels: &[Vec<u8>], class: &[u8]) {
    let mut sizes: Vec<[f64; 4]> = Vec::new();
    for (row, c) in levels.iter().zip(class) {
        let l = row[factor];
        if l == super::calibrate::NONE {
            continue;
        }
        let l = usize::from(l);
        if sizes.len() <= l {
            sizes.resize(l + 1, [0.0; 4]);
        }
        sizes[l][usize::from(*c)] += 1.0;
        sizes[l][3] += 1.0;
    }
    let set: Vec<u8> = targets
        .iter()
        .filter(|t| t.factor == factor)
        .map(|t| t.level)
        .collect();
    let mut left = [0.0f64; 3];
    let mut left_n = 0.0;
    for (l, s) in sizes.iter().enumerate() {
        let target = targets
            .iter()
            .find(|t| t.factor == factor && usize::from(t.level) == l);
        for c in 0..3 {
            left[c] += s[c] - target.map_or(0.0, |t| t.shares[c] / 100.0 * s[3]);
        }
        if target.is_none() {
            left_n += s[3];
        }
    }
    if left_n <= 0.0 {
        return;
    }
    let shares = left.map(|x| (100.0 * x / left_n).clamp(0.0, 100.0));
    for (l, s) in sizes.iter().enumerate() {
        if s[3] > 0.0 && !set.contains(&(l as u8)) {
            targets.push(t(factor, l as u8, shares));
        }
    }
}
