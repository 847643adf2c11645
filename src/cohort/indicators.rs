//! The indicators of a tally, each with its unit and its definition: entries per phase,
//! exits, positive exits and their rate on every denominator the report uses, losses,
//! durations, registration history and, from the events file, support intensity.

use super::classes::ExitClasses;
use super::definitions::{DAYS_PER_MONTH, Denominator, Network, Options};
use super::report::{Indicator, Present, Value, pct, ratio};
use super::tally::Tally;

struct Builder {
    indicators: Vec<Indicator>,
}

impl Builder {
    fn add(&mut self, id: &str, label: &str, value: Option<Value>, unit: &str, definition: &str) {
        self.indicators.push(Indicator {
            id: id.to_owned(),
            label: label.to_owned(),
            value,
            unit: unit.to_owned(),
            definition: definition.to_owned(),
        });
    }

    fn count(&mut self, id: &str, label: &str, value: u64, definition: &str) {
        self.add(id, label, Some(Value::Count(value)), "jeunes", definition);
    }
}

/// The population of a denominator in a tally.
pub fn denominator_count(t: &Tally, d: Denominator) -> u64 {
    let ended2 = t.ends[1].iter().sum::<u64>();
    match d {
        Denominator::Entries => t.entries,
        Denominator::Phase2Entries => t.reached[1],
        Denominator::Phase2Ended => ended2 + t.lost[1],
        Denominator::Phase2Exits => ended2,
        Denominator::Phase2ExitsExceptMoves => ended2 - t.ends[1][2],
        Denominator::KnownSituations => t.ends[1][0],
    }
}

/// Every indicator of a tally.
pub fn indicators(
    network: Network,
    t: &Tally,
    options: &Options,
    present: Present,
    horizon: &str,
) -> Vec<Indicator> {
    let mut b = Builder {
        indicators: Vec::new(),
    };
    let invalid = t.entries - t.usable;
    b.count(
        "entries",
        "Entrées en phase 1",
        t.entries,
        "Fiches de l'extraction, une par jeune entré en phase 1, y compris les fiches aux dates \
         erronées ou manquantes, qui sont comptées à part et jamais écartées en silence. Entrée : \
         premier entretien avec le référent ANI (Pôle emploi, rapport L1570-1585) ; début du \
         diagnostic (Missions locales, L1491-1494).",
    );
    b.count(
        "usable_entries",
        "Entrées exploitables (dates valides)",
        t.usable,
        "Fiches dont les dates sont utilisables : date d'entrée présente, dates lisibles, comprises \
         entre 2010 et 2014 et dans l'ordre des phases. Les indicateurs fondés sur des dates ne \
         portent que sur elles, comme les 31 424 entrées traitées sur 31 542 du rapport (L1485-1486).",
    );
    b.count(
        "invalid_dates",
        "Fiches aux dates erronées ou manquantes",
        invalid,
        "Fiches sans date d'entrée, avec une date illisible, impossible (avant 2010 ou après 2014) \
         ou des dates dans le désordre. Comptées dans les entrées, les profils et les motifs de \
         sortie en phase 1 ; écartées des indicateurs fondés sur des dates. Détail : répartition \
         « date_problems ».",
    );
    b.count(
        "invalid_beyond_phase1",
        "Fiches aux dates erronées passées en phase 2",
        t.invalid_beyond_phase1,
        "Fiches aux dates inutilisables dont la ligne montre un passage en phase 2 (date de début \
         ou motif de fin de phase 2). Comme dans le rapport, elles sont comptées dans les entrées \
         et les dates erronées mais dans aucune phase : ni dans les entrées en phase 2, ni dans \
         les sorties de phase 2 (Missions locales : 8 700 sorties en phase 1 + 22 820 entrées en \
         phase 2 = 31 520 sur 31 542 entrées ; leurs 22 abandons manquent aux 3 371 du rapport). \
         La répartition « flows » montre où va chaque entrée.",
    );
    b.count(
        "phase1_exits",
        "Sorties en phase 1",
        t.phase1_exits,
        "Jeunes dont la phase 1 s'est terminée sans entrée en phase 2 (abandon, diagnostic \
         défavorable, déménagement…), pertes exclues. Toutes les fiches sont comptées, y compris \
         celles aux dates erronées, dont le motif reste lisible (rapport L1880-1883).",
    );
    b.add(
        "phase1_exit_rate",
        "Taux de sortie en phase 1",
        pct(t.phase1_exits, t.entries),
        "%",
        "Sorties en phase 1 rapportées aux entrées en phase 1 (toutes les fiches), comme le \
         rapport (27,6 %, L1881).",
    );
    b.count(
        "lost_phase1",
        "Pertes en phase 1",
        t.lost[0],
        "Jeunes dont la phase 1 n'a ni date ni motif de fin et qui n'ont pas commencé la phase 2, \
         la phase ayant commencé depuis plus que sa durée maximale à la date d'extraction.",
    );
    let in_progress_def = format!(
        "Entrants dans la phase sans fin enregistrée, entrés dans la phase depuis moins que sa durée \
         maximale ({} mois pour la phase 2, {} mois pour la phase 3) à la date d'extraction, qui est \
         la date la plus récente du fichier ({horizon}). Ils ne sont ni des sorties ni des pertes.",
        network.max_phase_months(2),
        network.max_phase_months(3)
    );
    b.count(
        "phase2_entries",
        "Entrées en phase 2",
        t.reached[1],
        "Jeunes dont la fiche porte une date d'entrée en phase 2 (fiches aux dates valides). \
         Pôle emploi : le jeune s'engage dans l'accompagnement renforcé ; Missions locales : \
         l'ANI « commence réellement en phase 2 » (L1491-1494, L2486-2487).",
    );
    b.count(
        "phase2_in_progress",
        "Encore en phase 2 à la date d'extraction",
        t.in_progress[1],
        &in_progress_def,
    );
    let ended2: u64 = t.ends[1].iter().sum();
    b.count(
        "phase2_ended",
        "Entrants en phase 2 sortis ou perdus",
        ended2 + t.lost[1],
        "Entrants en phase 2 dont la phase est terminée, par une sortie (quel qu'en soit le motif) \
         ou une perte. Les jeunes encore en phase 2 à la date d'extraction sont exclus.",
    );
    b.count(
        "phase2_early_exits",
        "Sorties anticipées en phase 2",
        ended2 - t.ends[1][0],
        "Sorties de phase 2 avant son terme : abandons, déménagements, réorientations, fins à \
         l'initiative du jeune, sorties anticipées du suivi délégué, motif non renseigné.",
    );
    b.count(
        "lost",
        "Pertes en phase 2",
        t.lost[1],
        "« Pertes » : jeunes entrés en phase 2 qui ne sont plus suivis dans les fichiers sans \
         qu'une sortie soit enregistrée (ni date ni motif de fin de phase), la phase ayant commencé \
         depuis plus que sa durée maximale à la date d'extraction (rapport L1847-1853, L1866-1868, \
         L1884-1885). Leur situation étant inconnue, ils sont exclus des analyses de sorties \
         (L1857-1858).",
    );
    b.count(
        "exits_known",
        "Sorties de phase 2 à situation connue",
        t.ends[1][0],
        "Jeunes dont la phase 2 s'est terminée normalement (fin de la période d'accompagnement, fin \
         de phase 2 ou entrée en phase 3), dont la situation en fin de phase 2 est donc connue. \
         Sorties anticipées et pertes exclues (synthèse chiffrée, « Sorties phase 2 (situations \
         connues) », L3067-3069, L3138-3140).",
    );
    b.count(
        "positive_exits",
        "Sorties positives",
        t.positive,
        network.positive_exit_definition(),
    );
    b.count(
        "negative_exits",
        "Sorties non positives",
        t.negative,
        "Sorties de phase 2 à situation connue qui ne sont pas des sorties positives, les \
         situations « autres » écartées de la variable en trois catégories (maladie…) mises à \
         part ; une sortie sans situation renseignée y est comptée (rapport : 12 013 sorties \
         « négatives » à Pôle emploi, L2864-2866).",
    );
    let classes = ExitClasses::of(network);
    let class_definition = classes.definition();
    b.count(
        "exit_class_n",
        "Sorties réparties en trois catégories",
        t.classes.iter().sum(),
        &class_definition,
    );
    b.count(
        "exit_class_excluded",
        "Sorties aux situations « autres », hors des trois catégories",
        t.class_excluded,
        &class_definition,
    );
    b.count(
        "exit_class_unknown",
        "Sorties sans situation renseignée, hors des trois catégories",
        t.class_unknown,
        &class_definition,
    );
    let chosen = options.denominator(network);
    b.add(
        "positive_exit_rate",
        &format!("Taux de sortie positive (/ {})", chosen.label()),
        pct(t.positive, denominator_count(t, chosen)),
        "%",
        &format!(
            "Sorties positives rapportées aux {}. {}",
            chosen.label(),
            chosen.definition(network)
        ),
    );
    let common = Denominator::Phase2Entries;
    b.add(
        "positive_exit_rate_common",
        &format!("Taux de sortie positive, base commune (/ {})", common.label()),
        pct(t.positive, denominator_count(t, common)),
        "%",
        &format!(
            "Sorties positives rapportées aux {} : la même base pour les deux réseaux, pour \
             comparer des sites de réseaux différents. Le taux propre de chaque réseau (indicateur \
             positive_exit_rate) suit le dénominateur de sa synthèse chiffrée : entrants en phase 2 \
             pour Pôle emploi, sortants de phase 2 hors pertes et déménagements pour les Missions \
             locales ; les deux ne se comparent pas. Les sorties positives elles-mêmes diffèrent \
             (la formation en est une pour les Missions locales, pas pour Pôle emploi). {}",
            common.label(),
            common.definition(network)
        ),
    );
    for d in Denominator::ALL {
        b.add(
            &format!("positive_exit_rate_{}", d.id()),
            &format!("Taux de sortie positive / {}", d.label()),
            pct(t.positive, denominator_count(t, d)),
            "%",
            &format!(
                "Sorties positives rapportées aux {}. {}",
                d.label(),
                d.definition(network)
            ),
        );
    }
    b.count(
        "sustainable_employment",
        "Sorties en emploi durable",
        t.sustainable,
        "Sorties de phase 2 à situation connue en emploi de 6 mois ou plus, quel que soit le \
         secteur : CDI, CDD de 6 mois ou plus, alternance, contrats aidés marchands et non \
         marchands. La création d'entreprise n'y est pas comptée.",
    );
    b.add(
        "sustainable_employment_rate",
        "Taux d'emploi durable",
        pct(t.sustainable, t.ends[1][0]),
        "%",
        "Sorties en emploi durable rapportées aux sorties de phase 2 à situation connue (synthèse \
         chiffrée, « Taux d'emploi durable », L3070, L3141).",
    );
    b.add(
        "employment_rate",
        "Taux d'emploi en fin de phase 2",
        pct(t.employed, t.ends[1][0]),
        "%",
        "Sorties à situation connue en emploi en fin de phase 2, emplois de moins de 6 mois et \
         créations d'entreprise compris, rapportées aux sorties de phase 2 à situation connue \
         (synthèse chiffrée, L3071-3074, L3142-3145).",
    );
    b.count(
        "phase3_entries",
        "Entrées en phase 3",
        t.reached[2],
        "Jeunes dont la fiche porte une date d'entrée en phase 3 : suivi dans l'emploi durable ou \
         (Missions locales) dans la formation qualifiante.",
    );
    b.count(
        "phase3_in_progress",
        "Encore en phase 3 à la date d'extraction",
        t.in_progress[2],
        &in_progress_def,
    );
    b.count(
        "lost_phase3",
        "Pertes en phase 3",
        t.lost[2],
        "Jeunes entrés en phase 3 sans date ni motif de fin, la phase ayant commencé depuis plus \
         de 6 mois à la date d'extraction (rapport L1919, L2904).",
    );
    let ended3: u64 = t.ends[2].iter().sum();
    b.count(
        "phase3_positive_exits",
        "Sorties positives en fin de phase 3",
        t.ends[2][0],
        "Jeunes dont la phase 3 s'est terminée normalement : fin du suivi dans l'emploi, emploi ou \
         formation conservés. Ruptures, déménagements et pertes exclus (rapport L2904-2906).",
    );
    b.add(
        "phase3_positive_rate",
        "Taux de sortie positive en fin de phase 3",
        pct(t.ends[2][0], ended3),
        "%",
        "Sorties positives en fin de phase 3 rapportées aux sorties de phase 3 dont la fin est \
         enregistrée (pertes et jeunes encore en phase 3 exclus).",
    );
    let duration_def = "Moyenne, en mois de 30,44 jours, de la date de début à la date de fin de la \
                        phase, sur les jeunes dont la phase est terminée avec une date de fin (pertes \
                        et jeunes encore dans la phase exclus).";
    for p in 0..3 {
        b.add(
            &format!("duration_phase{}", p + 1),
            &format!("Durée moyenne de la phase {}", p + 1),
            ratio(
                t.duration_days[p] as f64 / DAYS_PER_MONTH,
                t.duration_n[p] as f64,
                1,
            ),
            "mois",
            duration_def,
        );
    }
    b.add(
        "duration_total",
        "Durée moyenne d'accompagnement, toutes phases",
        ratio(t.total_days as f64 / DAYS_PER_MONTH, t.total_n as f64, 1),
        "mois",
        "De l'entrée à la fin de la dernière phase, pour les jeunes ayant terminé la phase 2 \
         (situation connue) et dont la dernière phase a une date de fin (rapport L2262-2264).",
    );
    if present.renewal {
        b.count(
            "renewals",
            "Renouvellements de la phase 2",
            t.renewals,
            "Entrants en phase 2 dont la phase a été renouvelée (Pôle emploi : renouvellement de 6 \
             mois si le jeune est en emploi court ou en formation au terme des 6 mois, L2279-2281).",
        );
    }
    if present.registration {
        b.add(
            "registration_months_mean",
            "Durée totale d'inscription moyenne",
            ratio(t.registration_sum, t.registration_n as f64, 1),
            "mois",
            "Moyenne du nombre total de mois passés inscrit à Pôle emploi depuis la première \
             inscription, à l'entrée dans le dispositif (rapport L1726-1729). Toutes les fiches.",
        );
        b.add(
            "registration_over_12_months",
            "Inscrits plus de 12 mois au total",
            pct(t.registration_over_12, t.registration_n),
            "%",
            "Part des jeunes dont la durée totale d'inscription dépasse 12 mois (rapport L1729), \
             parmi ceux dont la durée est renseignée.",
        );
    }
    if present.events {
        event_indicators(&mut b, network, t);
    }
    b.indicators
}

fn event_indicators(b: &mut Builder, network: Network, t: &Tally) {
    let scope = "Calculé sur les jeunes présents dans le fichier des événements (au moins un \
                 événement) et sur les phases terminées avec une date de fin ; un événement compte \
                 dans la phase que le fichier lui attribue.";
    b.count(
        "youths_with_events",
        "Jeunes présents dans le fichier des événements",
        t.ev_youths,
        "Jeunes de l'extraction (dates valides) ayant au moins un événement dans le fichier des \
         événements : base des indicateurs d'intensité de l'accompagnement.",
    );
    let months = |p: usize| t.ev_phase_days[p] as f64 / DAYS_PER_MONTH;
    let all_months: f64 = (0..3).map(months).sum();
    let interviews: [u64; 3] = t.events[0];
    let report_lines = match network {
        Network::Pe => "rapport L2303-2313",
        Network::Ml => "rapport L2506-2523",
    };
    let over = "Calculé sur les jeunes présents dans le fichier des événements dont \
                l'accompagnement est terminé : phase 2 terminée normalement (situation connue) et \
                dernière phase close par une date de fin, comme la durée moyenne toutes phases. \
                Définition ajustée pour retrouver le rapport : la colonne « toutes phases » de son \
                tableau ne peut pas porter sur les mêmes jeunes que les colonnes par phase (par \
                jeune, elle est inférieure à la somme des phases 1 et 2).";
    b.add(
        "interviews_per_youth",
        "Entretiens par jeune, toutes phases",
        ratio(t.ev_over_interviews as f64, t.ev_over_youths as f64, 2),
        "par jeune",
        &format!(
            "Entretiens individuels de toutes les phases rapportés aux jeunes ({report_lines}). \
             {over}"
        ),
    );
    b.add(
        "interviews_per_month",
        "Entretiens par mois, toutes phases",
        ratio(
            t.ev_over_interviews as f64,
            t.ev_over_days as f64 / DAYS_PER_MONTH,
            2,
        ),
        "par mois",
        &format!(
            "Entretiens individuels de toutes les phases rapportés à la durée de l'accompagnement, \
             de l'entrée à la fin de la dernière phase ({report_lines}). {over}"
        ),
    );
    b.add(
        "interviews_per_month_phases12",
        "Entretiens par mois, phases 1 et 2",
        ratio(
            (interviews[0] + interviews[1]) as f64,
            months(0) + months(1),
            2,
        ),
        "par mois",
        &format!(
            "Entretiens individuels des phases 1 et 2 rapportés à leur durée cumulée. {scope}"
        ),
    );
    b.add(
        "trained_share",
        "Jeunes ayant suivi une formation",
        pct(t.ev_trained, t.ev_youths),
        "%",
        &format!(
            "Part des jeunes ayant une formation (POE individuelle ou collective, AFPR, AFC, AIF) \
             dans le fichier des événements (rapport L3287-3304 : 4,5 % à Pôle emploi). {scope}"
        ),
    );
    for (p, count) in interviews.iter().enumerate() {
        let n = p + 1;
        b.add(
            &format!("interviews_per_month_phase{n}"),
            &format!("Entretiens par mois en phase {n}"),
            ratio(*count as f64, months(p), 2),
            "par mois",
            &format!("Entretiens individuels de la phase {n} rapportés à sa durée cumulée ({report_lines}). {scope}"),
        );
        b.add(
            &format!("interviews_per_youth_phase{n}"),
            &format!("Entretiens par jeune en phase {n}"),
            ratio(*count as f64, t.ev_phase_youths[p] as f64, 2),
            "par jeune",
            &format!("Entretiens individuels de la phase {n} rapportés aux jeunes ayant terminé la phase ({report_lines}). {scope}"),
        );
    }
    for p in 0..3 {
        let n = p + 1;
        b.add(
            &format!("referrals_per_month_phase{n}"),
            &format!("Mises en relation par mois en phase {n}"),
            ratio(t.events[2][p] as f64, months(p), 2),
            "par mois",
            &format!("Mises en relation (MER) avec une offre de la phase {n} rapportées à sa durée cumulée. {scope}"),
        );
        b.add(
            &format!("referrals_per_youth_phase{n}"),
            &format!("Mises en relation par jeune en phase {n}"),
            ratio(t.events[2][p] as f64, t.ev_phase_youths[p] as f64, 2),
            "par jeune",
            &format!("Mises en relation de la phase {n} rapportées aux jeunes ayant terminé la phase. {scope}"),
        );
    }
    b.add(
        "workshops_per_month",
        "Ateliers par mois, toutes phases",
        ratio(t.events[1].iter().sum::<u64>() as f64, all_months, 2),
        "par mois",
        &format!(
            "Ateliers et séances collectives rapportés à la durée cumulée des phases. {scope}"
        ),
    );
    for p in 0..2 {
        let n = p + 1;
        b.add(
            &format!("work_periods_phase{n}"),
            &format!("Jeunes ayant eu une période d'emploi en phase {n}"),
            pct(t.work_youths[p], t.ev_phase_youths[p]),
            "%",
            &format!("Part des jeunes ayant au moins une période d'emploi enregistrée pendant la phase {n} (rapport L2465-2470). {scope}"),
        );
    }
}
