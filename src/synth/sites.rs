//! The ten visited sites of the ANI Jeunes evaluation (report L89–170), and other
//! structures of both networks that respondents and cohort records may belong to.

/// A network of the scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    /// Pôle emploi (ANI article 3).
    Pe,
    /// Missions locales (ANI article 1).
    Ml,
}

impl Network {
    /// `"PE"` or `"ML"`, as in the manifest and the JSON contracts.
    pub fn id(self) -> &'static str {
        match self {
            Network::Pe => "PE",
            Network::Ml => "ML",
        }
    }
}

/// A visited site, as the report's site tables describe it.
#[derive(Clone, Copy, Debug)]
pub struct SiteSpec {
    /// Stable id used in the manifest and on the command line.
    pub id: &'static str,
    /// The structure's name, as respondents write it.
    pub name: &'static str,
    /// Network.
    pub network: Network,
    /// Region (2013 regions).
    pub region: &'static str,
    /// Département (name and number).
    pub departement: &'static str,
    /// Date of the visit (ISO).
    pub visit_date: &'static str,
    /// Actors met (roles, no names).
    pub actors_met: &'static [&'static str],
    /// Partners interviewed.
    pub partners: &'static [&'static str],
    /// Report lines of the site table.
    pub report_lines: &'static str,
}

/// The ten visited sites, Missions locales first (report order).
pub const SITES: [SiteSpec; 10] = [
    SiteSpec {
        id: "ml_touraine",
        name: "Mission locale de Touraine",
        network: Network::Ml,
        region: "Centre",
        departement: "Indre-et-Loire (37)",
        visit_date: "2013-10-08",
        actors_met: &["Directrice", "Trois conseillères"],
        partners: &["DIRECCTE", "ARML", "Secrétaire de la COPIRE"],
        report_lines: "L92–96",
    },
    SiteSpec {
        id: "ml_perigueux",
        name: "Mission locale de Périgueux",
        network: Network::Ml,
        region: "Aquitaine",
        departement: "Dordogne (24)",
        visit_date: "2013-10-15",
        actors_met: &["Directrice", "Six conseillers", "Deux jeunes"],
        partners: &["ARML", "MEDEF"],
        report_lines: "L97–101",
    },
    SiteSpec {
        id: "ml_centre_var",
        name: "Mission locale Centre Var",
        network: Network::Ml,
        region: "Provence-Alpes-Côte d'Azur",
        departement: "Var (83)",
        visit_date: "2013-09-26",
        actors_met: &[
            "Directeur",
            "Responsable de secteur",
            "Trois conseillers",
            "Observation d'un entretien",
        ],
        partners: &[
            "ARML (délégué général et référent Parcours III)",
            "DIRECCTE",
            "CFDT",
        ],
        report_lines: "L102–110",
    },
    SiteSpec {
        id: "ml_charleville",
        name: "Mission locale de Charleville-Mézières",
        network: Network::Ml,
        region: "Champagne-Ardenne",
        departement: "Ardennes (08)",
        visit_date: "2013-11-07",
        actors_met: &[
            "Directeur",
            "Responsable de secteur",
            "Quatre conseillers",
            "Quatre jeunes",
            "Quatre observations",
        ],
        partners: &["ARML", "DIRECCTE"],
        report_lines: "L111–117",
    },
    SiteSpec {
        id: "ml_nord_essonne",
        name: "Mission locale Nord Essonne",
        network: Network::Ml,
        region: "Île-de-France",
        departement: "Essonne (91)",
        visit_date: "2013-10-03",
        actors_met: &[
            "Directeur",
            "Directrice adjointe",
            "Trois conseillers",
            "Un groupe de jeunes",
        ],
        partners: &[],
        report_lines: "L118–122",
    },
    SiteSpec {
        id: "pe_alencon",
        name: "Pôle emploi Alençon",
        network: Network::Pe,
        region: "Basse-Normandie",
        departement: "Orne (61)",
        visit_date: "2013-10-17",
        actors_met: &["Direction de l'A2S", "Deux conseillers ANI", "Deux jeunes"],
        partners: &[
            "Direction régionale Pôle emploi",
            "Direction territoriale Pôle emploi",
            "DIRECCTE",
        ],
        report_lines: "L130–138",
    },
    SiteSpec {
        id: "pe_vannes",
        name: "Pôle emploi Vannes",
        network: Network::Pe,
        region: "Bretagne",
        departement: "Morbihan (56)",
        visit_date: "2013-10-28",
        actors_met: &[
            "Directeur d'agence",
            "Une conseillère",
            "Observation d'un entretien",
        ],
        partners: &["Direction régionale Pôle emploi"],
        report_lines: "L139–144",
    },
    SiteSpec {
        id: "pe_labege",
        name: "Pôle emploi Labège",
        network: Network::Pe,
        region: "Midi-Pyrénées",
        departement: "Haute-Garonne (31)",
        visit_date: "2013-10-04",
        actors_met: &[
            "Responsable A2S",
            "Responsable de l'équipe ANI",
            "Deux conseillères",
            "Observation d'un entretien",
            "Deux jeunes",
        ],
        partners: &["Direction régionale Pôle emploi"],
        report_lines: "L145–152",
    },
    SiteSpec {
        id: "pe_lille",
        name: "Pôle emploi Lille",
        network: Network::Pe,
        region: "Nord-Pas-de-Calais",
        departement: "Nord (59)",
        visit_date: "2013-10-10",
        actors_met: &[
            "Directrice",
            "REP",
            "Quatre conseillers",
            "Quatre jeunes",
            "Observation d'un atelier",
        ],
        partners: &["Direction territoriale Pôle emploi"],
        report_lines: "L153–160",
    },
    SiteSpec {
        id: "pe_dunkerque",
        name: "Pôle emploi Dunkerque",
        network: Network::Pe,
        region: "Nord-Pas-de-Calais",
        departement: "Nord (59)",
        visit_date: "2013-10-15",
        actors_met: &[
            "Directrice",
            "REP",
            "Quatre conseillers",
            "Observation d'un atelier",
            "Observation d'un entretien",
        ],
        partners: &["Direction territoriale Pôle emploi"],
        report_lines: "L161–170",
    },
];

/// Other Missions locales (not visited), with their region.
pub const OTHER_ML: &[(&str, &str)] = &[
    ("Mission locale de Rouen", "Haute-Normandie"),
    ("Mission locale de Lyon", "Rhône-Alpes"),
    ("Mission locale de Grenoble", "Rhône-Alpes"),
    ("Mission locale de Marseille", "Provence-Alpes-Côte d'Azur"),
    ("Mission locale de Nice", "Provence-Alpes-Côte d'Azur"),
    ("Mission locale de Toulouse", "Midi-Pyrénées"),
    ("Mission locale de Bordeaux", "Aquitaine"),
    ("Mission locale de Nantes", "Pays de la Loire"),
    ("Mission locale d'Angers", "Pays de la Loire"),
    ("Mission locale de Rennes", "Bretagne"),
    ("Mission locale de Brest", "Bretagne"),
    ("Mission locale de Caen", "Basse-Normandie"),
    ("Mission locale d'Amiens", "Picardie"),
    ("Mission locale de Lens", "Nord-Pas-de-Calais"),
    ("Mission locale de Reims", "Champagne-Ardenne"),
    ("Mission locale de Metz", "Lorraine"),
    ("Mission locale de Strasbourg", "Alsace"),
    ("Mission locale de Dijon", "Bourgogne"),
    ("Mission locale de Besançon", "Franche-Comté"),
    ("Mission locale de Limoges", "Limousin"),
    ("Mission locale de Clermont-Ferrand", "Auvergne"),
    ("Mission locale de Montpellier", "Languedoc-Roussillon"),
    ("Mission locale de Poitiers", "Poitou-Charentes"),
    ("Mission locale d'Orléans", "Centre"),
    ("Mission locale de Saint-Denis", "Île-de-France"),
    ("Mission locale de Créteil", "Île-de-France"),
];

/// Other Pôle emploi agencies (not visited), with their region.
pub const OTHER_PE: &[(&str, &str)] = &[
    ("Pôle emploi Rouen", "Haute-Normandie"),
    ("Pôle emploi Le Havre", "Haute-Normandie"),
    ("Pôle emploi Lyon Part-Dieu", "Rhône-Alpes"),
    ("Pôle emploi Saint-Étienne", "Rhône-Alpes"),
    ("Pôle emploi Marseille", "Provence-Alpes-Côte d'Azur"),
    ("Pôle emploi Toulon", "Provence-Alpes-Côte d'Azur"),
    ("Pôle emploi Toulouse", "Midi-Pyrénées"),
    ("Pôle emploi Bordeaux", "Aquitaine"),
    ("Pôle emploi Nantes", "Pays de la Loire"),
    ("Pôle emploi Rennes", "Bretagne"),
    ("Pôle emploi Caen", "Basse-Normandie"),
    ("Pôle emploi Amiens", "Picardie"),
    ("Pôle emploi Roubaix", "Nord-Pas-de-Calais"),
    ("Pôle emploi Reims", "Champagne-Ardenne"),
    ("Pôle emploi Nancy", "Lorraine"),
    ("Pôle emploi Mulhouse", "Alsace"),
    ("Pôle emploi Dijon", "Bourgogne"),
    ("Pôle emploi Besançon", "Franche-Comté"),
    ("Pôle emploi Limoges", "Limousin"),
    ("Pôle emploi Clermont-Ferrand", "Auvergne"),
    ("Pôle emploi Montpellier", "Languedoc-Roussillon"),
    ("Pôle emploi Poitiers", "Poitou-Charentes"),
    ("Pôle emploi Tours", "Centre"),
    ("Pôle emploi Paris 19e", "Île-de-France"),
    ("Pôle emploi Évry", "Île-de-France"),
];

/// The visited site with this id.
pub fn site(id: &str) -> Option<&'static SiteSpec> {
    SITES.iter().find(|s| s.id == id)
}
