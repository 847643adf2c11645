//! Notes of the visit to Pôle emploi Vannes (28 October 2013): a local agency with one ANI
//! counsellor attached to the département's team, a seasonal labour market, an observed
//! interview. Voice: long, careful prose, few bullets.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[
    NoteSpec {
        slug: "entretien_directeur_agence",
        title: "Entretien avec le directeur d'agence",
        date: "2013-10-28",
        roles: &["Directeur d'agence"],
        setting: "entretien individuel, 1 h 20",
        format: Format::Markdown,
        body: DIRECTEUR,
    },
    NoteSpec {
        slug: "entretien_conseillere_ani",
        title: "Entretien avec la conseillère ANI",
        date: "2013-10-28",
        roles: &["Une conseillère"],
        setting: "entretien individuel dans son bureau, 1 h 40",
        format: Format::Word,
        body: CONSEILLERE,
    },
    NoteSpec {
        slug: "observation_entretien",
        title: "Observation d'un entretien de suivi",
        date: "2013-10-28",
        roles: &[
            "Observation d'un entretien",
            "Conseillère",
            "Jeune (23 ans)",
        ],
        setting: "observation non participante, 40 min, avec l'accord du jeune",
        format: Format::Markdown,
        body: OBSERVATION,
    },
    NoteSpec {
        slug: "entretien_direction_regionale",
        title: "Entretien avec le chargé de mission de la direction régionale",
        date: "2013-11-04",
        roles: &["Direction régionale Pôle emploi"],
        setting: "entretien téléphonique, 1 h",
        format: Format::Word,
        body: DIRECTION_REGIONALE,
    },
];

const DIRECTEUR: &str = r#"
## L'agence et son bassin d'emploi
Le directeur d'agence décrit un bassin marqué par la saisonnalité : tourisme sur le littoral, agroalimentaire, services. Les jeunes diplômés y trouvent facilement des contrats d'été, beaucoup plus difficilement un emploi durable. « Un jeune ici peut travailler six mois par an pendant cinq ans sans jamais signer un CDI. » C'est précisément, selon lui, le public visé par l'ANI : des jeunes qui ont un diplôme, qui travaillent par intermittence, et qui s'installent dans la précarité.
## L'organisation retenue
L'agence n'accueille pas d'équipe ANI au sens strict : une conseillère de l'agence est rattachée fonctionnellement à l'équipe départementale de l'A2S, mais exerce sur place, avec un portefeuille d'une cinquantaine de jeunes. Le directeur a défendu ce choix de proximité auprès de la direction territoriale : « les jeunes ne feront pas quarante kilomètres pour un rendez-vous tous les quinze jours ». La conseillère participe aux réunions de l'équipe départementale une fois par mois et reste intégrée au collectif de l'agence, ce qui facilite l'orientation des jeunes par ses collègues.
**Comment les jeunes sont-ils orientés vers l'ANI ?**
Au début, par des requêtes sur le fichier et des courriers d'invitation à une information collective ; le directeur reconnaît que cette méthode « a fait fuir plus de jeunes qu'elle n'en a attiré ». Depuis l'été 2012, ce sont les conseillers de l'agence qui repèrent les jeunes lors des entretiens de suivi et les présentent à la conseillère ANI, qui les reçoit dans la semaine. Le directeur suit les orientations par conseiller et relance ceux qui n'orientent pas.
## Pilotage et reporting
Le directeur suit l'activité de la conseillère sur un tableau Excel qu'elle met à jour chaque semaine, l'extranet dédié ne lui donnant « ni les bons chiffres ni au bon moment ». Il juge le reporting disproportionné pour un seul poste. Il note que la direction régionale a été attentive aux résultats, parfois avec insistance sur les entrées.
## Le stop and go
Au second semestre 2012, faute d'entrées, le portefeuille de la conseillère s'est réduit de moitié. Le directeur l'a alors partiellement affectée à l'accueil et à des ateliers de l'agence, « pour ne pas la laisser avec vingt jeunes », tout en conservant son rattachement. Quand les entrées ont repris, il a fallu « relancer la machine » auprès des collègues.
## Regard sur le dispositif
Le directeur juge l'ANI « l'un des rares dispositifs où l'on voit la différence » : intensité, disponibilité, connaissance fine du jeune. Il relève toutefois que les jeunes retournent au suivi classique après six mois, ce qui peut faire perdre une partie des acquis. Il n'a eu aucun contact avec la Mission locale sur l'ANI et ne sait pas comment elle le met en œuvre. Il ignore aussi si les employeurs du bassin connaissent le dispositif : « probablement pas, et ce n'est pas grave tant qu'ils recrutent nos jeunes ».
"#;

const CONSEILLERE: &str = r#"
## Parcours et prise de poste
La conseillère travaille à Pôle emploi depuis neuf ans, dont quatre sur un dispositif d'accompagnement renforcé pour les demandeurs d'emploi de longue durée. Elle s'est portée volontaire pour l'ANI « pour avoir à nouveau le temps de travailler avec les gens ». Elle suit 48 jeunes actifs au moment de la visite, et dit ne jamais avoir dépassé 55.
## Le premier mois : diagnostic et projet
La conseillère consacre le premier mois à un diagnostic approfondi : parcours de formation et d'emploi, compétences acquises dans les emplois saisonniers, contraintes (mobilité, logement l'hiver quand les locations saisonnières ferment), et ce que le jeune veut vraiment. Elle dit rencontrer beaucoup de jeunes qui « font la saison par défaut » et ont renoncé à leur métier de formation. La charte d'adhésion est signée au premier entretien ; elle la lit avec le jeune, ligne à ligne, « pour qu'il sache ce que je lui dois et ce qu'il me doit ».
**Comment organisez-vous la fréquence des contacts ?**
Deux entretiens physiques par mois au minimum, un contact chaque semaine par téléphone ou par courriel. Elle a donné son numéro de téléphone direct aux jeunes, ce qu'elle n'avait jamais fait auparavant : « ils m'appellent en sortant d'un entretien d'embauche, pour raconter ». Les courriels sont fréquents ; les jeunes y répondent mieux qu'aux courriers.
## Les actions mobilisées
Elle mobilise les ateliers de l'agence (techniques de recherche d'emploi, entretien d'embauche), mais en choisissant pour chaque jeune, « jamais tous les ateliers pour tout le monde ». Les évaluations en milieu de travail sont, pour elle, l'outil le plus efficace : elles permettent au jeune de se tester et à l'employeur de le découvrir hors saison. Elle a aussi orienté trois jeunes vers la méthode de recrutement par simulation pour des embauches dans une usine agroalimentaire. La formation reste rare : six mois, c'est trop court pour engager un parcours qualifiant, sauf une préparation opérationnelle à l'emploi liée à une embauche.
## La relation avec les employeurs
La conseillère prospecte elle-même, par téléphone, pour des jeunes précis ; elle présente leurs candidatures et négocie parfois une EMT avant l'embauche. Elle reconnaît que sa démarche ne diffère pas de celle d'un conseiller classique, « sauf que je connais le jeune et que je peux en parler ». Les employeurs ne connaissent pas l'ANI. Elle aimerait travailler avec les organisations professionnelles de l'hôtellerie pour transformer des contrats saisonniers en contrats annualisés, mais n'en a pas les moyens.
## La phase 3 et les aides
En phase 3, elle appelle le jeune toutes les deux ou trois semaines jusqu'à la fin de la période d'essai, puis « on se perd de vue ». Elle regrette de ne pas avoir le temps de rencontrer les employeurs. Elle a mobilisé les aides ANI pour quelques jeunes, surtout pour la restauration et l'équipement, mais les juge mal calibrées : « les frais arrivent avant le premier salaire, l'aide arrive après ».
## Le reporting
La saisie dans l'extranet lui prend, selon ses calculs, trois heures par semaine, en plus du dossier du demandeur d'emploi : « je saisis deux fois la même chose ». Elle tient en parallèle un tableau pour le directeur d'agence.
## Son regard
La conseillère juge le dispositif utile, surtout pour la confiance qu'il redonne : « ces jeunes ont un diplôme, mais ils ont fini par croire qu'il ne valait rien ». Elle souhaite que l'accompagnement puisse être prolongé pour les jeunes qui ont travaillé pendant les six mois, et que le dispositif soit pérennisé sans stop and go : « l'an dernier, j'ai dû dire à des jeunes de repasser dans trois mois ; la moitié n'est jamais revenue ».
"#;

const OBSERVATION: &str = r#"
## Cadre
Entretien de suivi entre la conseillère ANI et un jeune homme de 23 ans, titulaire d'un BTS agricole, entré dans l'ANI il y a deux mois. Il a travaillé trois saisons dans une coopérative maraîchère. L'entretien a lieu dans le bureau de la conseillère ; l'évaluateur est assis en retrait et n'intervient pas.
## Déroulé
La conseillère ouvre par un retour sur la semaine : le jeune a envoyé quatre candidatures spontanées, comme convenu, et obtenu une réponse négative. Elle reprend avec lui la lettre envoyée, en lui faisant identifier ce qui pouvait « faire hésiter » un employeur : une phrase sur ses saisons présentée comme un manque d'expérience plutôt que comme un atout. Ils la réécrivent ensemble.
La conseillère propose ensuite une EMT de deux semaines dans une exploitation horticole qui cherche un chef de culture adjoint, poste qu'elle a repéré en prospectant. Le jeune hésite, à cause de la distance (trente kilomètres, pas de voiture) ; la conseillère évoque le covoiturage et une aide à la mobilité de Pôle emploi, et lui demande de se renseigner sur les horaires de car. Elle appelle l'employeur pendant l'entretien pour fixer une date.
Enfin, la conseillère fait le point sur les engagements : deux candidatures par semaine, participation à l'atelier « entretien d'embauche » jeudi, prochain rendez-vous dans quinze jours, un appel entre-temps.
## Observations
Le ton est direct et bienveillant ; la conseillère vouvoie le jeune et l'appelle par sa fonction future (« un futur chef de culture, ça s'organise »). L'entretien est très structuré, presque minuté, avec une trace écrite remise au jeune. Le dispositif n'est jamais nommé ; la conseillère parle de « notre accompagnement ». Après le départ du jeune, elle saisit l'entretien dans le dossier puis dans l'extranet, ce qui lui prend une dizaine de minutes.
## Ce qu'en dit la conseillère
Elle explique que ce jeune « a tout pour réussir » mais s'est enfermé dans la saison : l'enjeu est de lui faire changer de regard sur son propre parcours. Elle estime qu'il trouvera un emploi durable avant la fin des six mois, et qu'elle le suivra alors en phase 3 jusqu'à la fin de sa période d'essai.
"#;

const DIRECTION_REGIONALE: &str = r#"
## Le pilotage régional de l'ANI
Le chargé de mission de la direction régionale explique que la région a choisi une organisation mixte : des équipes ANI regroupées dans les A2S des grandes villes, et des conseillers rattachés fonctionnellement à ces équipes mais installés en agence de proximité dans les territoires plus ruraux ou étendus, comme à Vannes. Cette organisation a été discutée avec les directions territoriales, qui craignaient de voir les jeunes renoncer à des déplacements trop longs.
**Comment suivez-vous l'activité ?**
La direction régionale consolide chaque mois les tableaux des équipes et les données de l'extranet, qu'elle juge « peu fiables » sur les dates de phase. Elle suit quatre indicateurs : entrées, taux d'adhésion après information, passages en phase 3, sorties en emploi durable. Le chargé de mission reconnaît une pression sur les entrées au premier semestre 2012, puis un déplacement de l'attention vers les sorties.
## La gestion du stop and go
La direction régionale a choisi de maintenir les postes de conseillers ANI au second semestre 2012, avec des entrées très limitées, pour ne pas disperser les compétences. Certaines agences ont utilisé ce temps pour des missions annexes. Le chargé de mission estime que « le coût de la continuité était bien inférieur au coût d'une reconstitution des équipes ».
## Capitalisation et échanges de pratiques
Deux journées régionales ont réuni les conseillers ANI en 2012 et 2013 ; des ateliers conçus dans une agence ont été repris ailleurs, et des conseillers sont allés animer des séances dans d'autres agences. Le chargé de mission cite un atelier sur l'image de soi et la communication non verbale, qui a « beaucoup circulé ».
## Relations avec les partenaires
Le chargé de mission reconnaît l'absence de démarche spécifique vers les branches professionnelles et les organisations d'employeurs au niveau régional : « on a fait ce qu'on sait faire, des mises en relation, plus nombreuses ». Il n'y a pas eu de coordination avec le réseau des Missions locales au-delà du comité régional présidé par la DIRECCTE.
## Regard
La direction régionale souhaite la pérennisation de l'ANI et son intégration à l'offre de service pour les jeunes. Le chargé de mission plaide pour un renouvellement possible de l'accompagnement pour les jeunes qui ont travaillé en contrats courts pendant les six mois, « ce qui est la réalité d'un bassin saisonnier ». Il souligne aussi que les aides ANI ont été sous-utilisées, faute d'information et parce qu'elles arrivaient à contretemps.
"#;
