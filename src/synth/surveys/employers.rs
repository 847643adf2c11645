//! The employers' interview grid: 40 phone interviews (report L224) with firms that hired
//! a young person through the scheme, their contact given by a visited site, mostly a
//! Pôle emploi agency (L251–252). One row per interview: the firm's profile, then the
//! interviewer's notes on each question of the common guide (L2739–2755): knowledge of the
//! scheme (very relative, better with an aided contract), its usefulness (no strong views),
//! the counsellor's influence on hiring (mainly for low qualifications, stronger for
//! Missions locales), placements before hiring (« rassurantes »), follow-up after hiring
//! (rare, mostly administrative).

use std::path::Path;

use super::formats;
use super::table::{Cell, Column, Sheet, Stamp};
use crate::synth::rng::{Rng, apportion};
use crate::synth::sites::{Network, SITES};
use crate::synth::{SEED, SynthError};

/// Interviews (report L224).
pub const INTERVIEWS: usize = 40;
/// The column naming the site that gave the contact (manifest `site_question`).
pub const STRUCTURE: &str = "Structure ayant transmis le contact";

/// Interviews per visited site: 29 from Pôle emploi agencies, 11 from Missions locales.
pub const PER_SITE: [(&str, usize); 10] = [
    ("ml_touraine", 3),
    ("ml_perigueux", 2),
    ("ml_centre_var", 2),
    ("ml_charleville", 3),
    ("ml_nord_essonne", 1),
    ("pe_alencon", 4),
    ("pe_vannes", 5),
    ("pe_labege", 6),
    ("pe_lille", 7),
    ("pe_dunkerque", 7),
];

const SECTORS: [(&str, &[&str]); 8] = [
    (
        "Commerce et distribution",
        &[
            "Employé(e) libre-service",
            "Vendeur ou vendeuse",
            "Hôte(sse) de caisse",
            "Préparateur de commandes",
        ],
    ),
    (
        "Hôtellerie-restauration",
        &[
            "Commis de cuisine",
            "Serveur ou serveuse",
            "Plongeur",
            "Employé(e) polyvalent(e) de restauration",
        ],
    ),
    (
        "Bâtiment et travaux publics",
        &[
            "Manœuvre",
            "Aide-maçon",
            "Peintre en bâtiment",
            "Électricien",
        ],
    ),
    (
        "Industrie",
        &[
            "Opérateur de production",
            "Agent de conditionnement",
            "Soudeur",
            "Technicien de maintenance",
        ],
    ),
    (
        "Transport et logistique",
        &["Cariste", "Agent de quai", "Magasinier"],
    ),
    (
        "Services à la personne",
        &["Aide à domicile", "Agent d'entretien", "Auxiliaire de vie"],
    ),
    (
        "Propreté et services aux entreprises",
        &[
            "Agent de propreté",
            "Agent d'accueil",
            "Employé(e) administratif(ve)",
        ],
    ),
    (
        "Agriculture et espaces verts",
        &["Ouvrier agricole", "Agent d'espaces verts"],
    ),
];
const SECTOR_WEIGHTS: [f64; 8] = [8.0, 7.0, 5.0, 6.0, 4.0, 4.0, 4.0, 2.0];

const SIZES: [&str; 4] = [
    "Moins de 10 salariés",
    "De 10 à 49 salariés",
    "De 50 à 249 salariés",
    "250 salariés et plus",
];
const ROLES: [&str; 6] = [
    "Gérant ou gérante",
    "Responsable des ressources humaines",
    "Directeur ou directrice d'établissement",
    "Chef d'équipe",
    "Assistante de direction",
    "Responsable de magasin",
];
const CONTRACTS: [&str; 7] = [
    "CDI",
    "CDD de 6 mois ou plus",
    "CDD de moins de 6 mois",
    "Contrat aidé (CUI-CIE)",
    "Emploi d'avenir",
    "Contrat de professionnalisation",
    "Mission d'intérim",
];

/// One interview, before it is written up.
struct Interview {
    network: Network,
    sector: &'static str,
    contract: usize,
    poste: &'static str,
    low_qualified: bool,
    placement: bool,
}

/// Fill `{structure}`, `{poste}`, `{contrat}`, `{duree}`, `{delai}`, `{secteur}` in a sentence.
fn fill(rng: &mut Rng, template: &str, interview: &Interview) -> String {
    let structure = match interview.network {
        Network::Pe => "l'agence Pôle emploi",
        Network::Ml => "la Mission locale",
    };
    const DURATIONS: &[&str] = &[
        "trois jours",
        "une semaine",
        "dix jours",
        "deux semaines",
        "trois semaines",
    ];
    const DELAYS: &[&str] = &[
        "au bout d'un mois",
        "après trois semaines",
        "à la fin de la période d'essai",
        "au bout de deux mois",
        "une quinzaine de jours après l'embauche",
    ];
    let duration = rng.pick(DURATIONS).copied().unwrap_or_default();
    let delay = rng.pick(DELAYS).copied().unwrap_or_default();
    if !template.contains('{') {
        // Most sentences have no slot: spare 100,000 interviews seven copies each.
        return template.to_owned();
    }
    let poste = interview.poste.to_lowercase();
    let elided = if poste.starts_with(['a', 'e', 'é', 'i', 'o', 'u', 'h']) {
        format!("d'{poste}")
    } else {
        format!("de {poste}")
    };
    template
        .replace("de {poste}", &elided)
        .replace("{poste}", &poste)
        .replace("{structure}", structure)
        .replace("{secteur}", &interview.sector.to_lowercase())
        .replace("{duree}", duration)
        .replace("{delai}", delay)
        .replace(
            "{contrat}",
            &super::answers::lower_first(CONTRACTS[interview.contract]),
        )
}

/// One sentence from each bank, then, sometimes, a detail.
fn sentences(rng: &mut Rng, banks: &[&[&str]], detail: &[&str], interview: &Interview) -> String {
    let mut out: Vec<String> = Vec::new();
    for bank in banks {
        if let Some(s) = rng.pick(bank) {
            out.push(fill(rng, s, interview));
        }
    }
    if rng.chance(0.6)
        && let Some(d) = rng.pick(detail)
    {
        out.push(fill(rng, d, interview));
    }
    out.join(" ")
}

const KNOW_DETAIL: &[&str] = &[
    "Contact établi par {structure} pour un poste de {poste}.",
    "L'entreprise recrute régulièrement par {structure}.",
    "Premier recrutement passé par {structure}.",
    "L'interlocuteur n'a pas suivi le recrutement de bout en bout.",
    "Ne fait pas le lien entre l'ANI et les aides à l'embauche.",
    "Pense que « ce genre de suivi » existe pour tous les jeunes inscrits.",
];
const USE_DETAIL: &[&str] = &[
    "Le jeune est toujours en poste.",
    "Dans le secteur ({secteur}), les jeunes restent rarement longtemps.",
    "Aurait aimé un point avec la conseillère avant la signature du contrat.",
    "Compare avec un précédent recrutement sans accompagnement : « pas de grande différence ».",
    "Reconnaît que le jeune était mieux préparé que d'autres candidats.",
];
const INFLUENCE_DETAIL: &[&str] = &[
    "Trois candidats ont été reçus pour ce poste.",
    "Le jeune a été reçu le jour même de l'appel de la conseillère.",
    "Recrute surtout au bouche-à-oreille d'habitude.",
    "L'essai d'une journée a compté plus que le CV.",
    "Le poste était difficile à pourvoir depuis plusieurs mois.",
];
const PLACEMENT_DETAIL: &[&str] = &[
    "Le tuteur a pu montrer le poste avant tout engagement.",
    "L'employeur a refait une immersion avec un autre jeune depuis.",
    "La période a aussi servi au jeune à vérifier que le métier lui plaisait.",
    "Les démarches (convention) ont été faites par {structure}.",
];
const FOLLOW_DETAIL: &[&str] = &[
    "Ne sait pas si un suivi était prévu.",
    "Souhaiterait un interlocuteur joignable en cas de difficulté.",
    "Le jeune lui a dit voir encore sa conseillère de temps en temps.",
    "Pas de besoin particulier de son côté.",
];

const KNOW_NONE: &[&str] = &[
    "Ne connaît pas l'ANI Jeunes en tant que tel. Savait que le jeune était suivi par {structure} mais pensait qu'il s'agissait du suivi habituel.",
    "N'avait jamais entendu parler du dispositif avant notre appel : « pour moi c'était une candidature envoyée par {structure}, comme d'habitude ».",
    "Aucune connaissance du dispositif ; le confond avec les emplois d'avenir.",
    "Connaît {structure} pour ses offres d'emploi, pas pour l'accompagnement des jeunes.",
];
const KNOW_VAGUE: &[&str] = &[
    "Connaissance très relative : sait que le jeune bénéficiait d'un accompagnement renforcé, sans savoir en quoi il consistait.",
    "A entendu le mot « ANI » lors d'un échange avec la conseillère mais ne saurait pas dire ce qu'il recouvre.",
    "Confond l'ANI avec le CIVIS et les contrats aidés : « il y a tellement de dispositifs qu'on s'y perd ».",
    "Sait qu'un suivi existe « pour les jeunes en difficulté », sans plus de détail.",
];
const KNOW_AIDED: &[&str] = &[
    "Connaît mieux le dispositif car l'embauche s'est faite en {contrat} : la conseillère a présenté l'accompagnement en même temps que l'aide à l'embauche.",
    "A été informé de l'accompagnement au moment de signer la convention d'aide à l'embauche, ce qui lui a permis d'en comprendre le principe.",
];
const USE: &[&str] = &[
    "Avis mitigé : « ça peut aider les jeunes qui en ont besoin, mais pour nous ça n'a rien changé ».",
    "Juge le dispositif plutôt utile pour les jeunes les plus éloignés de l'emploi, sans pouvoir en dire davantage.",
    "Pas d'avis tranché ; le recrutement se serait sans doute fait de toute façon.",
    "Utile surtout pour la présélection des candidats : « on gagne du temps, les jeunes qui arrivent sont motivés ».",
    "Ne voit pas bien la différence avec une candidature classique.",
    "Trouve l'idée bonne mais n'en a pas vu les effets concrets.",
    "Plutôt positif : le jeune était préparé à l'entretien et savait ce qu'on attendait de lui.",
];
const INFLUENCE_LOW: &[&str] = &[
    "Pour un poste de {poste}, l'avis du conseiller a compté : « on lui fait confiance, il connaît le jeune mieux que nous ».",
    "Reconnaît une influence réelle du conseiller pour ce type de poste peu qualifié, où le jeune n'avait pas d'expérience à faire valoir.",
    "Le conseiller a appelé pour défendre la candidature, ce qui a pesé dans la décision.",
];
const INFLUENCE_HIGH: &[&str] = &[
    "Le conseiller n'a pas influencé la décision, prise sur entretien et sur les compétences techniques.",
    "Peu d'influence : pour un poste de {poste}, ce sont le diplôme et l'essai qui ont décidé.",
    "Le recrutement relève du responsable d'équipe ; l'intermédiaire n'a fait que transmettre le CV.",
];
const INFLUENCE_ML: &[&str] = &[
    "La Mission locale connaît bien l'entreprise et ses besoins ; l'employeur dit suivre souvent ses recommandations pour les premiers niveaux de qualification.",
    "La conseillère de la Mission locale a présenté le jeune en personne : « sans elle on ne l'aurait pas reçu, il n'avait pas de CV ».",
];
const PLACEMENT_DONE: &[&str] = &[
    "Le jeune a fait une immersion de {duree} avant l'embauche : une période jugée « rassurante », qui a permis de le voir en situation.",
    "Une EMT de {duree} a précédé le recrutement ; l'employeur la juge indispensable pour des jeunes sans expérience.",
    "La période en entreprise a été décisive : « on a vu qu'il était ponctuel et qu'il s'entendait avec l'équipe ».",
    "Une évaluation en milieu de travail a eu lieu ; rassurante pour l'employeur comme pour le jeune.",
];
const PLACEMENT_NONE: &[&str] = &[
    "Pas de période en entreprise avant l'embauche ; l'employeur y serait favorable : « ça rassure des deux côtés ».",
    "Pas d'immersion, le poste était à pourvoir immédiatement.",
    "Aucune EMT ; l'employeur ne savait pas que c'était possible.",
];
const FOLLOW_NONE: &[&str] = &[
    "Aucun contact avec {structure} depuis l'embauche.",
    "Pas de suivi à sa connaissance : « on ne nous a plus appelés ».",
];
const FOLLOW_ADMIN: &[&str] = &[
    "Un appel de la conseillère {delai} pour vérifier que le contrat était signé ; rien de plus.",
    "Suivi surtout administratif (attestation d'emploi, pièces pour l'aide) ; ne sait pas si le jeune voit encore sa conseillère.",
    "Quelques échanges par courriel sur des documents à fournir ; l'employeur dit ne pas tout voir ni tout savoir du suivi.",
];
const FOLLOW_REAL: &[&str] = &[
    "La conseillère est venue sur place {delai} faire un point avec le jeune et son tuteur ; l'employeur a apprécié.",
    "Deux points téléphoniques avec {structure} pendant la période d'essai, utiles pour désamorcer un problème d'horaires.",
];
const REMARKS: &[&str] = &[
    "Souhaiterait être recontacté pour d'autres recrutements.",
    "Regrette le manque d'information sur les aides à l'embauche.",
    "Trop de sollicitations de différents organismes pour le même public.",
    "Le jeune est toujours en poste ; un deuxième recrutement est envisagé.",
    "Le contrat n'a pas été renouvelé, pour des raisons d'activité.",
    "Aimerait un interlocuteur unique pour les recrutements de jeunes.",
    "Le jeune a quitté l'entreprise au bout de deux mois, sans prévenir.",
    "Satisfait du recrutement : « il a trouvé sa place dans l'équipe ».",
    "Recrute surtout en saison ; serait preneur de candidats présélectionnés dès le printemps.",
    "Ne savait pas que le jeune pouvait encore être suivi après l'embauche.",
    "Les démarches pour l'aide à l'embauche ont été longues.",
    "Entretien écourté, l'interlocuteur étant en plein service.",
    "Envisage de prendre un apprenti l'an prochain.",
    "Souligne la difficulté à recruter des jeunes mobiles (horaires décalés, pas de transports).",
    "A déjà recommandé {structure} à un autre chef d'entreprise.",
    "Se dit prêt à accueillir des jeunes en immersion ({secteur}).",
    "Demande un retour sur ce que devient le jeune s'il quitte l'entreprise.",
    "Rappelle que la période d'essai s'est bien passée.",
    "Trouve que les jeunes orientés manquent parfois de savoir-être.",
    "Regrette de ne pas avoir été prévenu des absences du jeune pendant ses rendez-vous.",
];

/// The grid's rows for `n` interviews ([`INTERVIEWS`] in the sample), in interview order.
/// The sites keep the sample's shares of [`PER_SITE`].
pub fn build(n: usize) -> Sheet {
    let mut rng = Rng::stream(SEED, "employeurs");
    let weights: Vec<f64> = PER_SITE.iter().map(|(_, count)| *count as f64).collect();
    let mut sites: Vec<&'static crate::synth::sites::SiteSpec> = PER_SITE
        .iter()
        .zip(apportion(n, &weights))
        .flat_map(|((id, _), count)| {
            SITES
                .iter()
                .filter(move |s| s.id == *id)
                .flat_map(move |s| std::iter::repeat_n(s, count))
        })
        .collect();
    rng.shuffle(&mut sites);
    let mut dates: Vec<Stamp> = (0..n)
        .map(|_| {
            // Weekdays from 21 October to 6 December 2013 (after the site visits).
            let offset = rng.below(35);
            let week = offset / 5;
            let day_of_year = 294 + week * 7 + offset % 5; // 21 October 2013 is day 294, a Monday
            let (month, day) = if day_of_year <= 304 {
                (10, day_of_year - 273)
            } else if day_of_year <= 334 {
                (11, day_of_year - 304)
            } else {
                (12, day_of_year - 334)
            };
            Stamp {
                year: 2013,
                month,
                day: day as u8,
                hour: 9 + rng.below(9) as u8,
                minute: 0,
                second: 0,
            }
        })
        .collect();
    dates.sort();
    let mut cells: Vec<Vec<Cell>> = vec![Vec::new(); 16];
    for (k, site) in sites.iter().enumerate() {
        let sector = rng.weighted(&SECTOR_WEIGHTS).unwrap_or(0);
        let (sector_name, postes) = SECTORS[sector];
        let poste = rng.pick(postes).copied().unwrap_or("Employé(e)");
        let contract = rng
            .weighted(&[22.0, 14.0, 11.0, 17.0, 9.0, 6.0, 5.0])
            .unwrap_or(0);
        let interview = Interview {
            network: site.network,
            sector: sector_name,
            contract,
            poste,
            low_qualified: !matches!(
                poste,
                "Technicien de maintenance"
                    | "Électricien"
                    | "Soudeur"
                    | "Employé(e) administratif(ve)"
            ) && rng.chance(0.85),
            placement: rng.chance(if site.network == Network::Ml {
                0.55
            } else {
                0.45
            }),
        };
        let aided = matches!(contract, 3 | 4);
        let knowledge: &[&str] = if aided {
            KNOW_AIDED
        } else if rng.chance(0.5) {
            KNOW_NONE
        } else {
            KNOW_VAGUE
        };
        let influence: &[&str] = match (interview.network, interview.low_qualified) {
            (Network::Ml, true) => INFLUENCE_ML,
            (_, true) => INFLUENCE_LOW,
            _ => INFLUENCE_HIGH,
        };
        let follow: &[&str] = match rng.weighted(&[30.0, 58.0, 12.0]) {
            Some(0) => FOLLOW_NONE,
            Some(2) => FOLLOW_REAL,
            _ => FOLLOW_ADMIN,
        };
        let placement = if interview.placement {
            PLACEMENT_DONE
        } else {
            PLACEMENT_NONE
        };
        let remarks = match rng.weighted(&[55.0, 25.0, 20.0]) {
            Some(1) => sentences(&mut rng, &[REMARKS], &[], &interview),
            Some(2) => {
                let first = rng.below(REMARKS.len());
                let second = (first + 1 + rng.below(REMARKS.len() - 1)) % REMARKS.len();
                let both = format!("{} {}", REMARKS[first], REMARKS[second]);
                fill(&mut rng, &both, &interview)
            }
            _ => String::new(),
        };
        // One or two different opinions on usefulness.
        let first = rng.below(USE.len());
        let second = (first + 1 + rng.below(USE.len() - 1)) % USE.len();
        let usefulness = if rng.chance(0.4) {
            format!("{} {}", USE[first], USE[second])
        } else {
            USE[first].to_owned()
        };
        let row = [
            Cell::text(format!("E{:02}", k + 1)),
            Cell::Date(dates[k]),
            Cell::text(site.name),
            Cell::text(if site.network == Network::Pe {
                "Pôle emploi"
            } else {
                "Mission locale"
            }),
            Cell::text(sector_name),
            Cell::text(SIZES[rng.weighted(&[34.0, 36.0, 19.0, 11.0]).unwrap_or(0)]),
            Cell::text(ROLES[rng.below(ROLES.len())]),
            Cell::text(poste),
            Cell::text(CONTRACTS[contract]),
            Cell::Number(f64::from(15 + 5 * rng.below(7) as u32)),
            Cell::text(sentences(&mut rng, &[knowledge], KNOW_DETAIL, &interview)),
            Cell::text(
                format!(
                    "{} {}",
                    fill(&mut rng, &usefulness, &interview),
                    sentences(&mut rng, &[], USE_DETAIL, &interview)
                )
                .trim_end(),
            ),
            Cell::text(sentences(
                &mut rng,
                &[influence],
                INFLUENCE_DETAIL,
                &interview,
            )),
            Cell::text(sentences(
                &mut rng,
                &[placement],
                PLACEMENT_DETAIL,
                &interview,
            )),
            Cell::text(sentences(&mut rng, &[follow], FOLLOW_DETAIL, &interview)),
            Cell::text(remarks),
        ];
        for (column, cell) in cells.iter_mut().zip(row) {
            column.push(cell);
        }
    }
    let headings = [
        "ID",
        "Date de l'entretien",
        STRUCTURE,
        "Réseau",
        "Secteur d'activité",
        "Taille de l'entreprise",
        "Fonction de l'interlocuteur",
        "Poste pourvu par le jeune",
        "Type de contrat",
        "Durée de l'entretien (minutes)",
        "Connaissance du dispositif ANI Jeunes",
        "Utilité perçue de l'accompagnement",
        "Influence du conseiller sur le recrutement",
        "Périodes en entreprise avant l'embauche (EMT, immersion)",
        "Suivi du jeune après le recrutement",
        "Autres remarques",
    ];
    let mut sheet = Sheet::new(false);
    for (heading, column) in headings.iter().zip(cells) {
        sheet.push(Column::plain(heading, column));
    }
    sheet
}

/// The xlsx grid of `n` interviews, one sheet « Entretiens ».
pub fn export(path: &Path, n: usize) -> Result<Vec<u8>, SynthError> {
    formats::xlsx(
        &build(n),
        "Entretiens",
        "ANI Jeunes – entretiens téléphoniques avec des employeurs",
        path,
    )
}
