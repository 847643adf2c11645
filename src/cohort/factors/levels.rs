//! The success factors the report reads the three classes of exit against (rapport
//! L2923-2971 for Pôle emploi, L2998-3060 for the Missions locales), as data: each
//! factor's id, label, levels and, for the factors cut into bands, where the bands fall
//! for each network.

use crate::cohort::definitions::{DAYS_PER_MONTH, Level, Network};
use crate::cohort::extract::{Nationality, Record, Sex};

/// A level code meaning « no value ».
pub const MISSING: u8 = u8::MAX;

/// Most levels an open factor (region, qualification) keeps; later labels count as missing.
pub const MAX_OPEN_LEVELS: usize = 200;

/// A success factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FactorId {
    /// Sex.
    Sex,
    /// Age band at entry.
    AgeBand,
    /// Level of education (PE) or of training prepared (ML).
    Level,
    /// Qualification (socio-professional category), where the extract holds it.
    Qualification,
    /// French or foreign.
    Nationality,
    /// Lives in a ZUS.
    Zus,
    /// Time registered at Pôle emploi, or known to the Mission locale, before entry.
    Registration,
    /// Interviews a month in phases 1 and 2 (events file).
    InterviewFrequency,
    /// A work period during phases 1 and 2 (events file).
    WorkPeriods,
    /// Pre-hiring or other training during support (events file).
    Training,
    /// Region.
    Region,
}

impl FactorId {
    /// Every factor, in the order shown.
    pub const ALL: [FactorId; 11] = [
        FactorId::Sex,
        FactorId::AgeBand,
        FactorId::Level,
        FactorId::Qualification,
        FactorId::Nationality,
        FactorId::Zus,
        FactorId::Registration,
        FactorId::InterviewFrequency,
        FactorId::WorkPeriods,
        FactorId::Training,
        FactorId::Region,
    ];

    /// Position in [`FactorId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The id of the JSON contract.
    pub fn id(self) -> &'static str {
        match self {
            FactorId::Sex => "sex",
            FactorId::AgeBand => "age_band",
            FactorId::Level => "level",
            FactorId::Qualification => "qualification",
            FactorId::Nationality => "nationality",
            FactorId::Zus => "zus",
            FactorId::Registration => "registration",
            FactorId::InterviewFrequency => "interview_frequency",
            FactorId::WorkPeriods => "work_periods",
            FactorId::Training => "training",
            FactorId::Region => "region",
        }
    }

    /// Whether the JSON lists the factor even when the extract does not hold it.
    pub fn always_listed(self) -> bool {
        !matches!(
            self,
            FactorId::Qualification | FactorId::WorkPeriods | FactorId::Training
        )
    }

    /// Whether the levels follow an order (bands), so that a sparse one is merged with its
    /// neighbour rather than pooled with the other small ones.
    pub fn ordered(self) -> bool {
        matches!(
            self,
            FactorId::AgeBand
                | FactorId::Level
                | FactorId::Registration
                | FactorId::InterviewFrequency
        )
    }

    /// What the factor is, in French, for a network.
    pub fn label(self, network: Network) -> &'static str {
        match (self, network) {
            (FactorId::Sex, _) => "Sexe",
            (FactorId::AgeBand, _) => "Âge à l'entrée",
            (FactorId::Level, Network::Pe) => "Niveau de formation",
            (FactorId::Level, Network::Ml) => "Niveau de formation préparé",
            (FactorId::Qualification, _) => "Qualification",
            (FactorId::Nationality, _) => "Nationalité",
            (FactorId::Zus, _) => "Résidence en ZUS",
            (FactorId::Registration, Network::Pe) => {
                "Ancienneté d'inscription à Pôle emploi (durée totale)"
            }
            (FactorId::Registration, Network::Ml) => {
                "Ancienneté à la Mission locale (depuis le premier accueil)"
            }
            (FactorId::InterviewFrequency, _) => "Fréquence des entretiens (phases 1 et 2)",
            (FactorId::WorkPeriods, _) => "Périodes de travail pendant l'accompagnement",
            (FactorId::Training, _) => "Formation pendant l'accompagnement",
            (FactorId::Region, _) => "Région",
        }
    }

    /// How the factor is read, for the definitions shown on hover.
    pub fn definition(self, network: Network) -> &'static str {
        match (self, network) {
            (FactorId::Registration, Network::Pe) => {
                "Durée totale d'inscription à Pôle emploi depuis la première inscription, à \
                 l'entrée dans le dispositif (rapport L1726-1729, L2940-2942)."
            }
            (FactorId::Registration, Network::Ml) => {
                "Temps écoulé entre le premier accueil à la Mission locale et l'entrée dans le \
                 dispositif (rapport L1821-1824, L3027-3029)."
            }
            (FactorId::InterviewFrequency, _) => {
                "Entretiens individuels des phases 1 et 2 rapportés à leur durée cumulée, pour \
                 les jeunes présents dans le fichier des événements dont les deux phases sont \
                 terminées ; les autres sont « non renseignés ». La fréquence est aussi un effet \
                 de l'accompagnement : les conseillers voient plus souvent les jeunes proches de \
                 l'emploi (rapport L3051-3055)."
            }
            (FactorId::WorkPeriods, _) => {
                "Au moins une période d'emploi enregistrée dans le fichier des événements pendant \
                 les phases 1 et 2 (rapport L2465-2470, L2964-2967)."
            }
            (FactorId::Training, _) => {
                "Formation suivie pendant l'accompagnement, d'après le fichier des événements : \
                 POE individuelle ou AFPR d'un côté, POE collective, AFC ou AIF de l'autre \
                 (rapport L2960-2962)."
            }
            (FactorId::AgeBand, _) => "Âge à l'entrée dans le dispositif, en années révolues.",
            (FactorId::Level, Network::Pe) => "Niveau de formation de la demande d'emploi.",
            (FactorId::Level, Network::Ml) => {
                "Niveau de formation préparé (et non de diplôme : 98 % des jeunes n'ont aucune \
                 certification, rapport L3019-3022)."
            }
            _ => "Tel que l'extraction l'enregistre.",
        }
    }

    /// The fixed levels of a closed factor (open factors take theirs from the extract).
    pub fn levels(self, network: Network) -> &'static [&'static str] {
        match (self, network) {
            (FactorId::Sex, _) => &["Homme", "Femme"],
            (FactorId::AgeBand, _) => &[
                "Moins de 18 ans",
                "18-21 ans",
                "22-25 ans",
                "Plus de 25 ans",
            ],
            (FactorId::Level, Network::Pe) => &[
                "Niveau I",
                "Niveau II",
                "Niveau III",
                "Niveau IV",
                "Niveau V",
                "Niveau V bis",
                "Niveau VI",
            ],
            (FactorId::Level, Network::Ml) => {
                &["Niveau IV et plus", "Niveau V", "Niveau V bis", "Niveau VI"]
            }
            (FactorId::Nationality, _) => &["Française", "Étrangère"],
            (FactorId::Zus, _) => &["En ZUS", "Hors ZUS"],
            (FactorId::Registration, Network::Pe) => &[
                "6 mois ou moins",
                "De 7 à 12 mois",
                "De 13 à 24 mois",
                "Plus de 24 mois",
            ],
            (FactorId::Registration, Network::Ml) => {
                &["Moins de 3 mois", "De 3 à 12 mois", "Plus de 12 mois"]
            }
            (FactorId::InterviewFrequency, Network::Pe) => &[
                "1 ou moins par mois",
                "Plus de 1 à 2 par mois",
                "Plus de 2 à 3 par mois",
                "Plus de 3 par mois",
            ],
            (FactorId::InterviewFrequency, Network::Ml) => &[
                "Moins de 0,5 par mois",
                "De 0,5 à 1 par mois",
                "De 1 à 2 par mois",
                "Plus de 2 par mois",
            ],
            (FactorId::WorkPeriods, _) => &[
                "Au moins une période de travail",
                "Aucune période de travail",
            ],
            (FactorId::Training, _) => &[
                "POE individuelle ou AFPR",
                "POE collective, AFC ou AIF",
                "Aucune formation",
            ],
            (FactorId::Qualification | FactorId::Region, _) => &[],
        }
    }
}

/// The level of a record-level factor (those the extract's row gives).
pub fn record_level(factor: FactorId, network: Network, rec: &Record) -> u8 {
    let level = match factor {
        FactorId::Sex => rec.sex.map(|s| match s {
            Sex::Man => 0,
            Sex::Woman => 1,
        }),
        FactorId::AgeBand => rec.age.map(|a| match a {
            0..=17 => 0,
            18..=21 => 1,
            22..=25 => 2,
            _ => 3,
        }),
        FactorId::Level => rec.level.map(|l| match network {
            Network::Pe => l.index() as u8,
            Network::Ml => match l {
                Level::I | Level::II | Level::III | Level::IV => 0,
                Level::V => 1,
                Level::Vbis => 2,
                Level::VI => 3,
            },
        }),
        FactorId::Nationality => rec.nationality.map(|n| match n {
            Nationality::French => 0,
            _ => 1,
        }),
        FactorId::Zus => rec.zus.map(|z| if z { 0 } else { 1 }),
        FactorId::Registration => match network {
            Network::Pe => rec.registration_months.map(|m| {
                if m <= 6.0 {
                    0
                } else if m <= 12.0 {
                    1
                } else if m <= 24.0 {
                    2
                } else {
                    3
                }
            }),
            Network::Ml => rec.known_days.map(|d| {
                let months = f64::from(d) / DAYS_PER_MONTH;
                if months < 3.0 {
                    0
                } else if months <= 12.0 {
                    1
                } else {
                    2
                }
            }),
        },
        FactorId::Qualification => open_level(rec.qualification),
        FactorId::Region => open_level(rec.region),
        FactorId::InterviewFrequency | FactorId::WorkPeriods | FactorId::Training => None,
    };
    level.unwrap_or(MISSING)
}

fn open_level(interned: Option<u32>) -> Option<u8> {
    interned
        .filter(|i| (*i as usize) < MAX_OPEN_LEVELS)
        .map(|i| i as u8)
}

/// The band of an interview frequency (interviews a month).
pub fn frequency_level(network: Network, per_month: f64) -> u8 {
    match network {
        Network::Pe => {
            if per_month <= 1.0 {
                0
            } else if per_month <= 2.0 {
                1
            } else if per_month <= 3.0 {
                2
            } else {
                3
            }
        }
        Network::Ml => {
            if per_month < 0.5 {
                0
            } else if per_month < 1.0 {
                1
            } else if per_month <= 2.0 {
                2
            } else {
                3
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequency_bands_follow_the_report() {
        assert_eq!(frequency_level(Network::Ml, 0.49), 0);
        assert_eq!(frequency_level(Network::Ml, 2.01), 3);
        assert_eq!(frequency_level(Network::Pe, 1.0), 0);
        assert_eq!(frequency_level(Network::Pe, 3.5), 3);
    }

    #[test]
    fn closed_factors_have_levels() {
        for network in Network::ALL {
            for f in FactorId::ALL {
                let open = matches!(f, FactorId::Qualification | FactorId::Region);
                assert_eq!(f.levels(network).is_empty(), open, "{f:?}");
            }
        }
    }
}
