//! The report's three classes of exit at the end of phase 2, as data: which situations
//! each class gathers for each network, which situations are left out of the variable
//! (Pôle emploi's « autres », such as illness), and what counts as information.
//!
//! The evaluators built this variable for their success-factor analysis (rapport
//! L2868-2877 for Pôle emploi, L2880-2893 for the Missions locales). The counts it gives
//! do not line up with the positive exits (`shared/domain/cohort.md` §6, item 13): for
//! Pôle emploi, 10,060 young people are in « emploi durable » against some 10,150
//! sustainable jobs among known exits. The variable only holds exits whose situation is
//! *recorded* (« l'information est disponible », L2920-2921): a young person who went on
//! to phase 3 without a situation in the extract is counted a positive exit (phase 3 is
//! follow-up in sustainable employment) but has no class. [`ExitClasses::definition`]
//! says so wherever the classes are shown.

use serde::Serialize;

use super::definitions::{Network, Situation};

/// One class of exit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitClassDef {
    /// Stable id (`sustainable_job`, `near_job`, `no_job`, `training`, `neither`).
    pub id: &'static str,
    /// As the report names it.
    pub label: &'static str,
    /// The situations it gathers.
    pub situations: &'static [Situation],
}

/// A network's three classes of exit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitClasses {
    /// The network.
    pub network: Network,
    /// The three classes, from the most to the least favourable.
    pub classes: [ExitClassDef; 3],
    /// Situations left out of the variable (« autres »), counted apart.
    pub excluded: &'static [Situation],
    /// How the report defines the variable, with its lines.
    pub report: &'static str,
}

const PE: ExitClasses = ExitClasses {
    network: Network::Pe,
    classes: [
        ExitClassDef {
            id: "sustainable_job",
            label: "Emploi durable",
            situations: &[
                Situation::SustainableJob,
                Situation::NonMarketJob,
                Situation::BusinessCreation,
            ],
        },
        ExitClassDef {
            id: "near_job",
            label: "Emploi proche",
            situations: &[
                Situation::ShortJob,
                Situation::QualifyingTraining,
                Situation::PreHiringTraining,
                Situation::ReturnToSchool,
            ],
        },
        ExitClassDef {
            id: "no_job",
            label: "Sans emploi",
            situations: &[Situation::NoJob],
        },
    ],
    excluded: &[Situation::Other],
    report: "Variable en trois catégories créée par les évaluateurs (rapport L2868-2877) : emploi \
             durable (CDI, CDD de 6 mois ou plus, contrats aidés, création d'entreprise), « emploi \
             proche » (emploi de moins de 6 mois, formation qualifiante, POE ou AFPR) et sans \
             emploi. Les situations « autres » (maladie, par exemple) en sont éliminées (note 10, \
             L2894-2895).",
};

const ML: ExitClasses = ExitClasses {
    network: Network::Ml,
    classes: [
        ExitClassDef {
            id: "sustainable_job",
            label: "Emploi durable",
            situations: &[Situation::SustainableJob, Situation::BusinessCreation],
        },
        ExitClassDef {
            id: "training",
            label: "Formation initiale ou qualifiante",
            situations: &[Situation::QualifyingTraining, Situation::ReturnToSchool],
        },
        ExitClassDef {
            id: "neither",
            label: "Ni emploi durable ni formation",
            situations: &[
                Situation::NonMarketJob,
                Situation::ShortJob,
                Situation::PreHiringTraining,
                Situation::NoJob,
                Situation::Other,
            ],
        },
    ],
    excluded: &[],
    report: "Variable en trois modalités créée par les évaluateurs (rapport L2880-2893) : emploi \
             durable, formation (initiale ou qualifiante) et « ni-ni », qui regroupe toutes les \
             autres situations (chômage, inactivité, emplois courts…). Les pertes et les abandons \
             n'y figurent pas.",
};

impl ExitClasses {
    /// The classes of a network.
    pub fn of(network: Network) -> &'static ExitClasses {
        match network {
            Network::Pe => &PE,
            Network::Ml => &ML,
        }
    }

    /// The class (0, 1, 2) a situation falls in; `None` for an excluded situation.
    pub fn class_of(&self, situation: Situation) -> Option<usize> {
        self.classes
            .iter()
            .position(|c| c.situations.contains(&situation))
    }

    /// The labels of the three classes.
    pub fn labels(&self) -> [&'static str; 3] {
        self.classes.map(|c| c.label)
    }

    /// The ids of the three classes.
    pub fn ids(&self) -> [&'static str; 3] {
        self.classes.map(|c| c.id)
    }

    /// What the classes are and on whom they are counted, for the user. Says that the
    /// population was fitted to the report's count (only recorded situations count).
    pub fn definition(&self) -> String {
        let classes: Vec<String> = self
            .classes
            .iter()
            .map(|c| {
                let situations: Vec<&str> = c.situations.iter().map(|s| s.label()).collect();
                format!("{} : {}", c.label, situations.join(", "))
            })
            .collect();
        let excluded = if self.excluded.is_empty() {
            String::new()
        } else {
            let labels: Vec<&str> = self.excluded.iter().map(|s| s.label()).collect();
            format!(
                " Situations écartées, comptées à part : {}.",
                labels.join(", ")
            )
        };
        format!(
            "{} Classes : {}.{excluded} Champ : sorties de phase 2 à situation connue (phase \
             terminée normalement ; abandons, déménagements et pertes exclus) dont la situation est \
             renseignée, dans la colonne de situation ou par un motif qui la nomme (« ANI Phase 3 \
             - Emploi »). Définition ajustée pour retrouver l'effectif publié (20 888 jeunes à \
             Pôle emploi, L2920-2921) : un passage en phase 3 sans situation saisie compte comme \
             sortie positive de Pôle emploi, mais reste hors des trois classes (« information \
             non disponible »).",
            self.report,
            classes.join(" ; ")
        )
    }
}

/// Where a known exit stands in the three-class variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClassOutcome {
    /// In class 0, 1 or 2.
    Class(u8),
    /// An excluded situation (« autres »).
    Excluded,
    /// No situation recorded.
    Unknown,
}

/// One class as the JSON contract gives it: `{"id", "label", "count", "pct"}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExitClassShare {
    /// Stable id.
    pub id: String,
    /// As the report names it.
    pub label: String,
    /// Young people in the class; `null` when hidden by disclosure control.
    pub count: Option<u64>,
    /// Share of the young people with a class, in percent (one decimal); `null` when hidden.
    pub pct: Option<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_situation_has_one_place_per_network() {
        for network in Network::ALL {
            let classes = ExitClasses::of(network);
            for situation in Situation::ALL {
                let places = classes
                    .classes
                    .iter()
                    .filter(|c| c.situations.contains(&situation))
                    .count()
                    + usize::from(classes.excluded.contains(&situation));
                assert_eq!(places, 1, "{network:?} {situation:?}");
            }
        }
    }

    #[test]
    fn pe_near_job_gathers_short_jobs_and_training() {
        let pe = ExitClasses::of(Network::Pe);
        assert_eq!(pe.class_of(Situation::PreHiringTraining), Some(1));
        assert_eq!(pe.class_of(Situation::Other), None);
        let ml = ExitClasses::of(Network::Ml);
        assert_eq!(ml.class_of(Situation::Other), Some(2));
        assert_eq!(ml.class_of(Situation::ReturnToSchool), Some(1));
    }
}
