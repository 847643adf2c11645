//! Which column holds what: the headings recognised for each field an extract may have,
//! compared once folded (case, accents and punctuation ignored), so that Pôle emploi's
//! extranet layout, Parcours III's and an evaluator's own spreadsheet all map the same way.

use super::definitions::fold;
use crate::model::RawTable;
use crate::model::cell::cell_text;

/// A column the cohort computation understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The young person's (anonymised) id.
    Id,
    /// The agency or Mission locale.
    Structure,
    /// The region.
    Region,
    /// Date of entry (start of phase 1).
    Entry,
    /// End of phase 1.
    Phase1End,
    /// Why phase 1 ended.
    Phase1Reason,
    /// Start of phase 2.
    Phase2Start,
    /// End of phase 2.
    Phase2End,
    /// Why phase 2 ended.
    Phase2Reason,
    /// Whether phase 2 was renewed.
    Renewal,
    /// Start of phase 3.
    Phase3Start,
    /// End of phase 3.
    Phase3End,
    /// Why phase 3 ended.
    Phase3Reason,
    /// Date of exit from the scheme (end of the last phase reached).
    ExitDate,
    /// Reason of exit from the scheme (for the last phase reached).
    ExitReason,
    /// Situation at the end of phase 2.
    Situation,
    /// Age at entry.
    Age,
    /// Sex.
    Sex,
    /// Level of education (PE) or of training prepared (ML).
    Level,
    /// Level validated at entry (ML).
    ValidatedLevel,
    /// Qualification (socio-professional category).
    Qualification,
    /// Nationality.
    Nationality,
    /// Lives in a ZUS.
    Zus,
    /// Has a motor vehicle.
    Vehicle,
    /// Has access to public transport.
    PublicTransport,
    /// Date of first reception at the structure.
    FirstContact,
    /// Total months registered as a job seeker.
    RegistrationMonths,
    /// Months since the last registration.
    LastRegistrationMonths,
    /// Registration category (A, B, C).
    Category,
}

/// Headings recognised for each field, folded (see [`fold`]).
const HEADINGS: &[(Field, &[&str])] = &[
    (
        Field::Id,
        &[
            "identifiant",
            "identifiant jeune",
            "id",
            "id jeune",
            "identifiant anonymise",
            "code jeune",
            "numero jeune",
        ],
    ),
    (
        Field::Structure,
        &[
            "agence",
            "mission locale",
            "structure",
            "site",
            "ml",
            "agence pole emploi",
            "nom de la structure",
        ],
    ),
    (Field::Region, &["region"]),
    (
        Field::Entry,
        &[
            "date d entree",
            "date d entree phase 1",
            "date d entree en phase 1",
            "date de debut de phase 1",
            "date debut phase 1",
            "date entree",
            "date d entree dans le dispositif",
        ],
    ),
    (
        Field::Phase1End,
        &[
            "date de fin phase 1",
            "date de fin de phase 1",
            "date fin phase 1",
        ],
    ),
    (
        Field::Phase1Reason,
        &[
            "motif de fin phase 1",
            "motif de fin de phase 1",
            "motif fin phase 1",
            "motif de sortie phase 1",
        ],
    ),
    (
        Field::Phase2Start,
        &[
            "date de debut de phase 2",
            "date d entree phase 2",
            "date d entree en phase 2",
            "date debut phase 2",
            "date entree phase 2",
        ],
    ),
    (
        Field::Phase2End,
        &[
            "date de fin phase 2",
            "date de fin de phase 2",
            "date fin phase 2",
        ],
    ),
    (
        Field::Phase2Reason,
        &[
            "motif de fin phase 2",
            "motif de fin de phase 2",
            "motif fin phase 2",
            "motif de sortie phase 2",
        ],
    ),
    (
        Field::Renewal,
        &[
            "renouvellement phase 2",
            "renouvellement",
            "renouvellement de la phase 2",
        ],
    ),
    (
        Field::Phase3Start,
        &[
            "date de debut de phase 3",
            "date d entree phase 3",
            "date d entree en phase 3",
            "date debut phase 3",
            "date entree phase 3",
        ],
    ),
    (
        Field::Phase3End,
        &[
            "date de fin phase 3",
            "date de fin de phase 3",
            "date fin phase 3",
        ],
    ),
    (
        Field::Phase3Reason,
        &[
            "motif de fin phase 3",
            "motif de fin de phase 3",
            "motif fin phase 3",
            "motif de sortie phase 3",
        ],
    ),
    (
        Field::ExitDate,
        &[
            "date de sortie",
            "date de sortie du dispositif",
            "date de fin d accompagnement",
        ],
    ),
    (
        Field::ExitReason,
        &[
            "motif de sortie",
            "motif de sortie du dispositif",
            "motif de fin d accompagnement",
        ],
    ),
    (
        Field::Situation,
        &[
            "situation en fin de phase 2",
            "situation fin phase 2",
            "situation a la fin de la phase 2",
            "situation a la sortie",
            "situation de sortie",
        ],
    ),
    (
        Field::Age,
        &[
            "age",
            "age a l entree",
            "age a l entree dans le dispositif",
            "age entree",
        ],
    ),
    (Field::Sex, &["sexe", "genre"]),
    (
        Field::Level,
        &[
            "niveau de formation",
            "niveau",
            "niveau de formation prepare",
            "niveau d etudes",
        ],
    ),
    (
        Field::ValidatedLevel,
        &[
            "niveau valide",
            "niveau valide a l entree",
            "niveau de diplome valide",
        ],
    ),
    (
        Field::Qualification,
        &["qualification", "csp", "categorie socioprofessionnelle"],
    ),
    (Field::Nationality, &["nationalite"]),
    (
        Field::Zus,
        &[
            "zus",
            "residence en zus",
            "resident en zus",
            "quartier prioritaire",
        ],
    ),
    (Field::Vehicle, &["vehicule motorise", "vehicule"]),
    (
        Field::PublicTransport,
        &["transports en commun", "acces aux transports en commun"],
    ),
    (
        Field::FirstContact,
        &[
            "date de premier accueil",
            "date du premier accueil",
            "premier accueil",
        ],
    ),
    (
        Field::RegistrationMonths,
        &[
            "duree totale d inscription mois",
            "duree totale d inscription",
        ],
    ),
    (
        Field::LastRegistrationMonths,
        &[
            "anciennete de la derniere inscription mois",
            "anciennete de la derniere inscription",
            "anciennete derniere inscription",
        ],
    ),
    (Field::Category, &["categorie", "categorie d inscription"]),
];

/// Where each field is in a table, by field (an array, as every row asks for every field).
#[derive(Clone, Debug, Default)]
pub struct Columns(Vec<Option<usize>>);

impl Columns {
    /// Find the columns of `raw` by their heading (row 0); the first matching column wins.
    pub fn find(raw: &RawTable) -> Columns {
        let mut found = vec![None; HEADINGS.len()];
        if raw.height() == 0 {
            return Columns(found);
        }
        for (col, cell) in raw.row(0).iter().enumerate() {
            let Some(text) = cell_text(cell) else {
                continue;
            };
            let key = fold(&text);
            if let Some((field, _)) = HEADINGS
                .iter()
                .find(|(_, names)| names.contains(&key.as_str()))
                && let Some(slot) = found.get_mut(*field as usize)
                && slot.is_none()
            {
                *slot = Some(col);
            }
        }
        Columns(found)
    }

    /// The column of a field, if the table has it.
    pub fn get(&self, field: Field) -> Option<usize> {
        self.0.get(field as usize).copied().flatten()
    }

    /// Whether the table has the field.
    pub fn has(&self, field: Field) -> bool {
        self.get(field).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_headings_in_declaration_order() {
        for (i, (field, names)) in HEADINGS.iter().enumerate() {
            assert_eq!(*field as usize, i, "{field:?} out of order");
            assert!(!names.is_empty());
        }
    }
}
