//! What the cohort figures mean, as data shown beside each figure: the two networks, the
//! phases and how long they may last, how an exit reason or a situation at exit is read,
//! which situations count as positive exits for each network, and the denominators a rate
//! may be computed on.
//!
//! The wording follows the evaluation report (`shared/domain/cohort.md` §3); where the
//! report uses several denominators for one rate, [`Denominator`] names each of them and
//! [`Network::synthese_denominator`] gives the one of the report's « synthèse chiffrée ».

use serde::Serialize;

/// Days in a month, for durations and rates per month (365.25 / 12).
pub const DAYS_PER_MONTH: f64 = 30.4375;

/// Earliest date of the scheme accepted in an extract: anything earlier is an impossible
/// date (a first reception at the structure may go back twenty years more).
pub const EARLIEST_DATE: (i32, u32, u32) = (2010, 1, 1);

/// Latest date accepted in an extract: anything later is an impossible date.
pub const LATEST_DATE: (i32, u32, u32) = (2014, 12, 31);

/// A network of the scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Network {
    /// Pôle emploi (ANI article 3, qualified young people; the extranet follow-up).
    #[serde(rename = "PE")]
    Pe,
    /// Missions locales (ANI article 1, early school leavers; Parcours III).
    #[serde(rename = "ML")]
    Ml,
}

impl Network {
    /// Both networks, Pôle emploi first.
    pub const ALL: [Network; 2] = [Network::Pe, Network::Ml];

    /// `"PE"` or `"ML"`, as in the manifest and the JSON contract.
    pub fn id(self) -> &'static str {
        match self {
            Network::Pe => "PE",
            Network::Ml => "ML",
        }
    }

    /// The network's name in French.
    pub fn label(self) -> &'static str {
        match self {
            Network::Pe => "Pôle emploi",
            Network::Ml => "Missions locales",
        }
    }

    /// Reads `"PE"`, `"ML"` or the network's name, in any case.
    pub fn parse(text: &str) -> Option<Network> {
        let key = fold(text);
        match key.as_str() {
            "pe" | "pole emploi" | "article 3" => Some(Network::Pe),
            "ml" | "mission locale" | "missions locales" | "article 1" => Some(Network::Ml),
            _ => None,
        }
    }

    /// The longest a phase may last (1-based phase), in months. A phase with no end date
    /// that started longer ago than this before the extraction date is a loss (« perte »);
    /// a more recent one is still in progress.
    pub fn max_phase_months(self, phase: usize) -> f64 {
        match (self, phase) {
            // PE: six months for phases 1 and 2, renewable once (L824-828, L2002-2007).
            (Network::Pe, 1) => 6.0,
            (Network::Pe, 2) => 12.0,
            // ML: twelve months for phases 1 and 2 (L2057-2059).
            (Network::Ml, 1 | 2) => 12.0,
            // Phase 3: six months of follow-up in employment, both networks.
            _ => 6.0,
        }
    }

    /// The denominator of the positive-exit rate in the report's « synthèse chiffrée ».
    pub fn synthese_denominator(self) -> Denominator {
        match self {
            Network::Pe => Denominator::Phase2Entries,
            Network::Ml => Denominator::Phase2ExitsExceptMoves,
        }
    }

    /// The situation an entry into phase 3 implies when the extract records none: Pôle
    /// emploi's phase 3 is follow-up in sustainable employment (L2285-2287); a Mission
    /// locale's may follow a job or a qualifying training, so nothing can be deduced.
    pub fn phase3_situation(self) -> Option<Situation> {
        match self {
            Network::Pe => Some(Situation::SustainableJob),
            Network::Ml => None,
        }
    }

    /// Whether a situation at the end of phase 2 is a positive exit for this network.
    pub fn is_positive(self, situation: Situation) -> bool {
        match situation {
            Situation::SustainableJob | Situation::BusinessCreation => true,
            Situation::QualifyingTraining | Situation::ReturnToSchool => self == Network::Ml,
            _ => false,
        }
    }

    /// What a positive exit is for this network, in the user's words.
    pub fn positive_exit_definition(self) -> &'static str {
        match self {
            Network::Pe => {
                "Sortie positive (Pôle emploi) : à la fin de la phase 2, emploi durable du secteur \
                 marchand (CDI, CDD de 6 mois ou plus, alternance, contrat aidé marchand) ou création \
                 d'entreprise effective (rapport L1996-1998, L2856-2857). Les contrats aidés du secteur \
                 non marchand ne sont pas des sorties positives au sens de l'ANI (L915-916)."
            }
            Network::Ml => {
                "Sortie positive (Missions locales) : à la fin de la phase 2, emploi durable du secteur \
                 marchand ou création d'entreprise, entrée en formation qualifiante ou retour en \
                 formation initiale (rapport L2896-2897). Les emplois du secteur non marchand ne \
                 sont pas comptés (L915-916)."
            }
        }
    }
}

/// The population a rate is divided by. The report computes the positive-exit rate on
/// several of them (`shared/domain/cohort.md` §6, item 12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Denominator {
    /// Every record of the extract: entries into phase 1, dates valid or not.
    Entries,
    /// Young people who entered phase 2 (valid dates).
    Phase2Entries,
    /// Phase-2 entrants whose phase 2 is over, by an exit or a loss; those still in phase 2
    /// at the extraction date are left out.
    Phase2Ended,
    /// Exits from phase 2 with a recorded end (drop-outs, moves and reorientations
    /// included), losses left out.
    Phase2Exits,
    /// Exits from phase 2 with a recorded end, losses and moves left out.
    Phase2ExitsExceptMoves,
    /// Exits from phase 2 with a known situation: the phase ended normally (end of the
    /// support period or entry into phase 3), early exits and losses left out.
    KnownSituations,
}

impl Denominator {
    /// Every denominator, in the order offered to the user.
    pub const ALL: [Denominator; 6] = [
        Denominator::Entries,
        Denominator::Phase2Entries,
        Denominator::Phase2Ended,
        Denominator::Phase2Exits,
        Denominator::Phase2ExitsExceptMoves,
        Denominator::KnownSituations,
    ];

    /// Stable id, used in indicator ids (`positive_exit_rate_<id>`) and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Denominator::Entries => "entries",
            Denominator::Phase2Entries => "phase2_entries",
            Denominator::Phase2Ended => "phase2_ended",
            Denominator::Phase2Exits => "phase2_exits",
            Denominator::Phase2ExitsExceptMoves => "phase2_exits_except_moves",
            Denominator::KnownSituations => "exits_known",
        }
    }

    /// Reads a denominator id.
    pub fn parse(id: &str) -> Option<Denominator> {
        Denominator::ALL.into_iter().find(|d| d.id() == id.trim())
    }

    /// The population, in French (« par rapport aux … »).
    pub fn label(self) -> &'static str {
        match self {
            Denominator::Entries => "entrées en phase 1",
            Denominator::Phase2Entries => "entrants en phase 2",
            Denominator::Phase2Ended => "entrants en phase 2 sortis ou perdus",
            Denominator::Phase2Exits => "sortants de phase 2 hors pertes",
            Denominator::Phase2ExitsExceptMoves => {
                "sortants de phase 2 hors pertes et déménagements"
            }
            Denominator::KnownSituations => "sorties de phase 2 à situation connue",
        }
    }

    /// How the population is counted, and where the report uses it for each network.
    pub fn definition(self, network: Network) -> String {
        let what = match self {
            Denominator::Entries => {
                "toutes les fiches de l'extraction (entrées en phase 1), y compris celles aux dates \
                 erronées ou manquantes"
            }
            Denominator::Phase2Entries => "les jeunes entrés en phase 2 (fiches aux dates valides)",
            Denominator::Phase2Ended => {
                "les entrants en phase 2 dont la phase est terminée, par une sortie ou une perte ; \
                 les jeunes encore en phase 2 à la date d'extraction sont exclus"
            }
            Denominator::Phase2Exits => {
                "les sortants de phase 2 dont la fin est enregistrée (abandons, déménagements et \
                 réorientations compris) ; les pertes sont exclues"
            }
            Denominator::Phase2ExitsExceptMoves => {
                "les sortants de phase 2 dont la fin est enregistrée, hors pertes et hors \
                 déménagements"
            }
            Denominator::KnownSituations => {
                "les sortants de phase 2 dont la situation est connue : phase terminée normalement \
                 (fin de la période d'accompagnement ou entrée en phase 3) ; sorties anticipées et \
                 pertes exclues"
            }
        };
        let report = match (network, self) {
            (Network::Pe, Denominator::Phase2Entries) => {
                " Dénominateur de la synthèse chiffrée du rapport (35,5 %, L3075-3077)."
            }
            (Network::Pe, Denominator::Entries) => {
                " Le texte du rapport rapporte aussi les sorties positives « à la totalité des \
                 entrants » (35,5 %, L2858)."
            }
            (Network::Pe, Denominator::KnownSituations) => {
                " Le texte du rapport annonce 43,5 % « par rapport à ceux dont la situation est \
                 connue » (L2858-2859) ; la synthèse donne 43,5 comme taux d'emploi durable \
                 (L3070), que l'échantillon reproduit (indicateur sustainable_employment_rate)."
            }
            (Network::Ml, Denominator::Phase2ExitsExceptMoves) => {
                " Dénominateur de la synthèse chiffrée du rapport (36,6 %, L3146-3150). Définition \
                 ajustée pour retrouver ce chiffre : le rapport écrit « y c abandons et \
                 réorientations mais hors pertes », mais 36,6 % n'est atteint qu'en excluant aussi \
                 les déménagements."
            }
            (Network::Ml, Denominator::Phase2Ended) => {
                " Le rapport : 29,6 % « par rapport aux entrants en phase 2 » (L2896-2897). \
                 Définition ajustée pour retrouver ce chiffre : 29,6 % n'est atteint que sur les \
                 entrants en phase 2 sortis ou perdus, pas sur tous les entrants (les jeunes encore \
                 en phase 2 à la date d'extraction sont exclus)."
            }
            (Network::Ml, Denominator::Phase2Exits) => {
                " Le rapport : 33,8 % « par rapport aux sortants dont la situation est connue avec \
                 certitude (incluant les abandons) » (L2898-2899)."
            }
            (Network::Ml, Denominator::Entries) => {
                " Le rapport : 20,7 % « par rapport aux entrants en phase 1 » (L2900)."
            }
            _ => "",
        };
        format!("Dénominateur : {what}.{report}")
    }
}

/// Which denominator each network's positive-exit rate uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Denominator of Pôle emploi's `positive_exit_rate`.
    pub pe_denominator: Denominator,
    /// Denominator of the Missions locales' `positive_exit_rate`.
    pub ml_denominator: Denominator,
}

impl Default for Options {
    /// The report's « synthèse chiffrée »: phase-2 entrants for PE, phase-2 exits without
    /// losses nor moves for ML.
    fn default() -> Self {
        Options {
            pe_denominator: Network::Pe.synthese_denominator(),
            ml_denominator: Network::Ml.synthese_denominator(),
        }
    }
}

impl Options {
    /// The denominator chosen for a network.
    pub fn denominator(&self, network: Network) -> Denominator {
        match network {
            Network::Pe => self.pe_denominator,
            Network::Ml => self.ml_denominator,
        }
    }
}

pub use super::outcomes::{EndKind, Situation, classify_reason};

/// A level of education or training, French nomenclature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Niveau I (master and above).
    I,
    /// Niveau II (bachelor).
    II,
    /// Niveau III (bac + 2).
    III,
    /// Niveau IV (baccalauréat).
    IV,
    /// Niveau V (CAP, BEP).
    V,
    /// Niveau V bis (left before the final year of CAP/BEP).
    Vbis,
    /// Niveau VI (left lower secondary).
    VI,
}

impl Level {
    /// Every level, highest first.
    pub const ALL: [Level; 7] = [
        Level::I,
        Level::II,
        Level::III,
        Level::IV,
        Level::V,
        Level::Vbis,
        Level::VI,
    ];

    /// Position in [`Level::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// « Niveau I » … « Niveau VI ».
    pub fn label(self) -> &'static str {
        match self {
            Level::I => "Niveau I",
            Level::II => "Niveau II",
            Level::III => "Niveau III",
            Level::IV => "Niveau IV",
            Level::V => "Niveau V",
            Level::Vbis => "Niveau V bis",
            Level::VI => "Niveau VI",
        }
    }

    /// Reads « Niveau III », « III », « NV3 », « 5 bis », « Vbis »…
    pub fn parse(text: &str) -> Option<Level> {
        let k = fold(text);
        let k = k.strip_prefix("niveau").unwrap_or(&k).trim();
        let k = k.strip_prefix("nv").unwrap_or(k).trim();
        let compact: String = k.chars().filter(|c| *c != ' ').collect();
        Some(match compact.as_str() {
            "i" | "1" => Level::I,
            "ii" | "2" => Level::II,
            "iii" | "3" => Level::III,
            "iv" | "4" => Level::IV,
            "v" | "5" => Level::V,
            "vbis" | "5bis" => Level::Vbis,
            "vi" | "6" => Level::VI,
            _ => return None,
        })
    }
}

pub use crate::model::french::fold;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_roman_codes_and_bis() {
        assert_eq!(Level::parse("Niveau III"), Some(Level::III));
        assert_eq!(Level::parse("NV5"), Some(Level::V));
        assert_eq!(Level::parse("Niveau V bis"), Some(Level::Vbis));
        assert_eq!(Level::parse("VI"), Some(Level::VI));
        assert_eq!(Level::parse("Sans certification validée"), None);
    }

    #[test]
    fn positive_exits_differ_by_network() {
        assert!(Network::Ml.is_positive(Situation::QualifyingTraining));
        assert!(!Network::Pe.is_positive(Situation::QualifyingTraining));
        assert!(!Network::Pe.is_positive(Situation::NonMarketJob));
        assert!(Network::Pe.is_positive(Situation::BusinessCreation));
    }
}
