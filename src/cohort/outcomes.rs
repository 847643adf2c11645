//! How a phase ended and where the young person went: exit reasons read as early exits,
//! moves, normal ends, broken contracts or losses, and situations at the end of phase 2
//! read as sustainable jobs, business creation, short jobs, training or no job.

use super::definitions::fold;

/// A young person's situation at the end of phase 2, as the extract records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Situation {
    /// A job of six months or more in the market sector: CDI, CDD of 6 months or more,
    /// work-study contract, market-sector subsidised contract (CUI-CIE).
    SustainableJob,
    /// A job of six months or more in the non-market sector (CUI-CAE, emploi d'avenir):
    /// sustainable, but not a positive exit under the ANI (L915-916).
    NonMarketJob,
    /// A business creation or takeover.
    BusinessCreation,
    /// A job of less than six months (short CDD, temporary work).
    ShortJob,
    /// Qualifying training.
    QualifyingTraining,
    /// Pre-hiring training (POE, AFPR).
    PreHiringTraining,
    /// Return to initial education.
    ReturnToSchool,
    /// No job: job seeker, unemployed.
    NoJob,
    /// Anything else (inactivity, illness, company immersion…).
    Other,
}

impl Situation {
    /// Every situation, in display order.
    pub const ALL: [Situation; 9] = [
        Situation::SustainableJob,
        Situation::NonMarketJob,
        Situation::BusinessCreation,
        Situation::ShortJob,
        Situation::QualifyingTraining,
        Situation::PreHiringTraining,
        Situation::ReturnToSchool,
        Situation::NoJob,
        Situation::Other,
    ];

    /// Position in [`Situation::ALL`].
    pub fn index(self) -> usize {
        Situation::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// Reads a situation label as extracts write it (« CDI », « CDD de 6 mois ou plus »,
    /// « Emploi de moins de 6 mois », « ANI Phase 3 - Formation qualifiante »…).
    pub fn classify(label: &str) -> Situation {
        let k = fold(label);
        let has = |s: &str| k.contains(s);
        let word = |w: &str| k.split(' ').any(|t| t == w);
        if word("poe") || word("afpr") {
            Situation::PreHiringTraining
        } else if has("non marchand")
            || word("cae")
            || has("emploi d avenir")
            || has("emplois d avenir")
        {
            Situation::NonMarketJob
        } else if has("creation") || has("reprise d entreprise") {
            Situation::BusinessCreation
        } else if has("moins de 6 mois")
            || has("moins de six mois")
            || has("interim")
            || has("emploi court")
            || has("courte duree")
        {
            Situation::ShortJob
        } else if has("formation qualifiante") {
            Situation::QualifyingTraining
        } else if has("formation initiale") || has("scolar") || has("retour en formation") {
            Situation::ReturnToSchool
        } else if has("sans emploi")
            || has("chomage")
            || has("demandeur")
            || has("recherche d emploi")
        {
            Situation::NoJob
        } else if word("cdi")
            || word("cdd")
            || has("alternance")
            || has("apprentissage")
            || has("professionnalisation")
            || has("contrat aide")
            || word("cui")
            || word("cie")
            || has("emploi")
        {
            Situation::SustainableJob
        } else if has("formation") {
            Situation::QualifyingTraining
        } else {
            Situation::Other
        }
    }

    /// A short French label.
    pub fn label(self) -> &'static str {
        match self {
            Situation::SustainableJob => "Emploi durable (secteur marchand)",
            Situation::NonMarketJob => "Emploi durable du secteur non marchand",
            Situation::BusinessCreation => "Création d'entreprise",
            Situation::ShortJob => "Emploi de moins de 6 mois",
            Situation::QualifyingTraining => "Formation qualifiante",
            Situation::PreHiringTraining => "POE ou AFPR",
            Situation::ReturnToSchool => "Retour en formation initiale",
            Situation::NoJob => "Sans emploi",
            Situation::Other => "Autre situation",
        }
    }

    /// A job of six months or more, whatever the sector (« emploi durable »).
    pub fn is_sustainable_employment(self) -> bool {
        matches!(self, Situation::SustainableJob | Situation::NonMarketJob)
    }

    /// In work at the end of phase 2, short jobs and business creation included.
    pub fn is_employment(self) -> bool {
        matches!(
            self,
            Situation::SustainableJob
                | Situation::NonMarketJob
                | Situation::BusinessCreation
                | Situation::ShortJob
        )
    }
}

/// How a phase ended, read from the reason the extract gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndKind {
    /// The phase ran its course: end of the support period, entry into the next phase, or
    /// (phase 3) the job or training was kept to the end of the follow-up.
    Normal,
    /// The young person left early: drop-out, end at their initiative, reorientation,
    /// unfavourable diagnosis, early end of delegated follow-up, unknown reason.
    Early,
    /// The young person moved away (an early exit the ML synthèse leaves out).
    Moved,
    /// Phase 3: the contract or the training was broken off.
    Broken,
    /// The extract itself marks the young person as lost (« pertes »).
    Lost,
}

/// Reads a phase-end reason. Returns the kind of end and, when the reason names it, the
/// situation it leads to (« ANI Phase 3 - Emploi » → a sustainable job).
pub fn classify_reason(label: &str) -> (EndKind, Option<Situation>) {
    let k = fold(label);
    let has = |s: &str| k.contains(s);
    if has("perte") {
        (EndKind::Lost, None)
    } else if has("demenag") {
        (EndKind::Moved, None)
    } else if has("rupture") {
        (EndKind::Broken, None)
    } else if has("abandon")
        || has("initiative")
        || has("reorient")
        || has("diagnostic")
        || has("anticipe")
        || has("exclusion")
    {
        (EndKind::Early, None)
    } else if has("phase 3") || has("phase iii") {
        let rest = k.rsplit("phase 3").next().unwrap_or_default();
        let situation = if rest.trim().is_empty() {
            None
        } else {
            Some(Situation::classify(rest))
        };
        (EndKind::Normal, situation)
    } else if has("fin de la periode")
        || has("fin de periode")
        || has("fin de phase")
        || has("fin de la phase")
        || has("fin d accompagnement")
        || has("fin de l accompagnement")
        || has("suivi en emploi")
        || has("fin du suivi")
        || has("entree en phase")
        || has("passage en phase")
    {
        (EndKind::Normal, None)
    } else if has("emploi") || has("formation") || has("scolar") || has("creation") {
        (EndKind::Normal, Some(Situation::classify(&k)))
    } else {
        (EndKind::Early, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn situations_are_read_as_extracts_write_them() {
        assert_eq!(Situation::classify("CDI"), Situation::SustainableJob);
        assert_eq!(
            Situation::classify("CDD de 6 mois ou plus"),
            Situation::SustainableJob
        );
        assert_eq!(
            Situation::classify("Emploi de moins de 6 mois"),
            Situation::ShortJob
        );
        assert_eq!(
            Situation::classify("Contrat aidé du secteur non marchand (CUI-CAE)"),
            Situation::NonMarketJob
        );
        assert_eq!(
            Situation::classify("Contrat aidé du secteur marchand (CUI-CIE)"),
            Situation::SustainableJob
        );
        assert_eq!(
            Situation::classify("Création d'entreprise"),
            Situation::BusinessCreation
        );
        assert_eq!(
            Situation::classify("POE / AFPR"),
            Situation::PreHiringTraining
        );
        assert_eq!(Situation::classify("Demandeur d'emploi"), Situation::NoJob);
        assert_eq!(Situation::classify("Sans emploi"), Situation::NoJob);
        assert_eq!(
            Situation::classify("Retour en formation initiale"),
            Situation::ReturnToSchool
        );
        assert_eq!(Situation::classify("Autre (maladie, …)"), Situation::Other);
    }

    #[test]
    fn reasons_tell_early_exits_from_normal_ends() {
        assert_eq!(classify_reason("Abandon du client").0, EndKind::Early);
        assert_eq!(classify_reason("Déménagement").0, EndKind::Moved);
        assert_eq!(
            classify_reason("Sortie anticipée du suivi délégué").0,
            EndKind::Early
        );
        assert_eq!(
            classify_reason("Fin de la période d'accompagnement"),
            (EndKind::Normal, None)
        );
        assert_eq!(
            classify_reason("ANI Phase 3 - Formation qualifiante"),
            (EndKind::Normal, Some(Situation::QualifyingTraining))
        );
        assert_eq!(
            classify_reason("ANI Phase 3 - Emploi"),
            (EndKind::Normal, Some(Situation::SustainableJob))
        );
        assert_eq!(
            classify_reason("Rupture du contrat de travail par l'employeur").0,
            EndKind::Broken
        );
        assert_eq!(
            classify_reason("Emploi"),
            (EndKind::Normal, Some(Situation::SustainableJob))
        );
        assert_eq!(classify_reason("Pertes").0, EndKind::Lost);
    }
}
