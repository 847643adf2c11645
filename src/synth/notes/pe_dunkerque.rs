//! Notes of the visit to Pôle emploi Dunkerque (15 October 2013): an industrial and port
//! labour market, an ANI « club » (three months of weekly group sessions, then individual
//! follow-up), an observed club session and an observed interview. Voice: structured and
//! factual, figures given where the team gave them.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[
    NoteSpec {
        slug: "entretien_directrice",
        title: "Entretien avec la directrice d'agence",
        date: "2013-10-15",
        roles: &["Directrice"],
        setting: "entretien individuel, 1 h 10",
        format: Format::Word,
        body: DIRECTRICE,
    },
    NoteSpec {
        slug: "entretien_rep",
        title: "Entretien avec le responsable d'équipe (REP)",
        date: "2013-10-15",
        roles: &["REP"],
        setting: "entretien individuel, 1 h 30",
        format: Format::Markdown,
        body: REP,
    },
    NoteSpec {
        slug: "entretien_conseillers",
        title: "Entretien avec quatre conseillers",
        date: "2013-10-15",
        roles: &["Quatre conseillers"],
        setting: "entretien collectif, 1 h 40",
        format: Format::Word,
        body: CONSEILLERS,
    },
    NoteSpec {
        slug: "observation_atelier_club",
        title: "Observation d'une séance du club ANI",
        date: "2013-10-15",
        roles: &[
            "Observation d'un atelier",
            "Deux conseillers",
            "Onze jeunes",
        ],
        setting: "observation non participante d'une séance collective, 3 h",
        format: Format::Markdown,
        body: ATELIER,
    },
    NoteSpec {
        slug: "observation_entretien",
        title: "Observation d'un entretien individuel",
        date: "2013-10-15",
        roles: &["Observation d'un entretien", "Conseiller", "Jeune (22 ans)"],
        setting: "observation non participante, 35 min, avec l'accord du jeune",
        format: Format::Word,
        body: OBSERVATION,
    },
    NoteSpec {
        slug: "entretien_direction_territoriale",
        title: "Entretien avec la direction territoriale",
        date: "2013-10-22",
        roles: &["Direction territoriale Pôle emploi"],
        setting: "entretien téléphonique, 40 min",
        format: Format::Markdown,
        body: DIRECTION_TERRITORIALE,
    },
];

const DIRECTRICE: &str = r#"
## Le bassin et l'agence
La directrice présente un bassin industriel et portuaire (sidérurgie, logistique, énergie, sous-traitance) où les recrutements passent beaucoup par l'intérim et les habilitations techniques. Les jeunes diplômés de bac professionnel ou de BTS y trouvent des missions, rarement un emploi durable avant plusieurs années. Elle y voit le cœur de cible de l'ANI.
## L'organisation
**Comment l'équipe a-t-elle été constituée ?**
Une équipe d'accompagnement renforcé de huit conseillers, sous l'autorité d'un REP : quatre conseillers ANI, deux du club jeunes ZUS, deux CSP. Les conseillers ANI sont des volontaires en CDI, « tous avec une expérience d'accompagnement renforcé » ; un CDD de profil animateur a renforcé l'équipe en 2012 pour les ateliers. Les portefeuilles sont d'une cinquantaine de jeunes.
La directrice souligne la continuité avec l'accompagnement renforcé des jeunes que la région avait conçu avant l'ANI : actions collectives, interventions en entreprise. « On n'est pas partis de zéro ; l'ANI a financé une manière de travailler qu'on avait déjà. »
## Le pilotage
- objectifs d'entrées fixés par la direction territoriale, suivis mensuellement ;
- tableau de bord Excel tenu par le REP, l'extranet étant jugé « inexploitable pour piloter » ;
- reporting perçu comme la principale contrainte par les conseillers.
## Le stop and go
Au second semestre 2012, la direction régionale a maintenu l'équipe et des entrées progressives ; la directrice a complété l'activité des conseillers ANI par des ateliers pour d'autres publics. Elle parle d'un « casse-tête de planning » mais se félicite d'avoir gardé l'équipe.
## Les entreprises et les partenaires
La directrice reconnaît que l'ANI n'a pas changé la relation avec les entreprises : plus de mises en relation, des participations aux forums, des MRS pour les recrutements du port, mais aucune démarche nouvelle vers les branches. Aucun échange avec la Mission locale sur l'ANI : « on vérifie qu'un jeune n'est pas suivi chez eux, c'est tout ».
## Regard
Elle souhaite la pérennisation du dispositif, qu'elle juge « bien imbriqué dans notre offre », et plus de souplesse sur la durée : « six mois, pour un jeune qui alterne les missions d'intérim, c'est court ».
"#;

const REP: &str = r#"
## Rôle du REP
Le REP anime l'équipe d'accompagnement renforcé (huit conseillers), répartit les entrées, suit les portefeuilles et conçoit avec les conseillers les actions collectives. Il consacre, selon lui, « un tiers de son temps au reporting ».
## Prescription et entrée
**Comment les jeunes sont-ils orientés ?**
- en 2012, convocations à des informations collectives sur la base de requêtes (code ACJ00) : taux de présence d'environ un tiers, « contre-productif » ;
- depuis, orientation par les conseillers des agences après présentation individuelle ; information collective hebdomadaire à l'agence, animée par un conseiller ANI ;
- suivi des orientations par agence ; relances ciblées auprès des agences qui orientent peu ; permanences des conseillers ANI dans deux agences du littoral ;
- charte d'adhésion signée au premier entretien individuel.
## Le club
Le REP décrit le fonctionnement en club, propre au site : pendant trois mois, les jeunes se retrouvent une demi-journée par semaine en groupe de dix à douze pour travailler les techniques de recherche d'emploi, cibler les offres, préparer leur présentation et simuler des entretiens, avec une pédagogie individualisée ; les trois mois suivants sont consacrés à un suivi surtout individuel. Les entretiens individuels continuent pendant la phase club, au rythme de deux par mois.
**Pourquoi ce format ?**
« Pour créer une dynamique et pour que les jeunes s'entraident. » Le REP reconnaît que les jeunes n'y viennent pas toujours volontiers au départ, et qu'environ un sur cinq quitte le club avant la fin des trois mois.
## Relations entreprises
- prospection par les conseillers pour des jeunes précis ;
- rallyes emploi dans la zone portuaire ;
- MRS pour la logistique et l'industrie ;
- relation « plus dense, pas différente ».
## Aides et phase 3
Les aides ANI ont été mobilisées une trentaine de fois depuis la fin 2012, surtout pour la restauration et le transport, « une fois que le jeune est en poste, donc trop tard pour le permis ou les habilitations ». La phase 3 dure jusqu'à la fin de la période d'essai ; le REP reconnaît qu'elle est « légère ».
## Regard
Le REP souhaite la pérennisation et un outil de suivi commun à tous les accompagnements renforcés.
"#;

const CONSEILLERS: &str = r#"
## Les conseillers
Quatre conseillers ANI (trois en CDI, un CDD de profil animateur devenu référent), de 2 à 14 ans d'expérience, portefeuilles de 46 à 53 jeunes.
## Fréquence et modes de contact
**Comment tenez-vous la règle d'un contact par semaine ?**
Par le club pendant les trois premiers mois, puis par téléphone et courriel. Les conseillers donnent leur numéro direct. Ils estiment tenir deux entretiens par mois « sauf quand le jeune est en mission d'intérim », ce qui arrive souvent.
## Les outils
- le club (cf. observation) ;
- EMT pour confirmer un projet ou ouvrir une porte, « presque systématiquement » ;
- enquêtes professionnelles ;
- MRS ;
- formations courtes liées à l'emploi (habilitations, CACES, POE), rarement de formation qualifiante.
## Ce que le collectif apporte
Les conseillers décrivent une émulation : « quand l'un décroche un contrat, les autres se remettent à envoyer des CV ». Ils citent le covoiturage entre jeunes pour aller aux entretiens, et la franchise des échanges : « sur la tenue, ils s'écoutent entre eux mieux qu'ils ne nous écoutent ».
## Employeurs
Relations classiques, plus nombreuses ; les employeurs ne connaissent pas l'ANI mais apprécient qu'un conseiller connaisse bien le jeune présenté. Les EMT préalables sont jugées « rassurantes » par les entreprises.
## Phase 3 et aides
Suivi téléphonique jusqu'à la fin de la période d'essai ; rares visites en entreprise. Les aides ANI sont utiles mais tardives.
## Reporting et stop and go
- l'extranet est décrit comme la partie « la plus pénible » du travail ;
- lors du stop and go, le club a fonctionné avec des groupes réduits à cinq ou six jeunes, « ça tue la dynamique ».
## Perceptions
Tous souhaitent que l'ANI continue ; deux demandent la possibilité de renouveler l'accompagnement pour les jeunes qui ont travaillé en intérim pendant les six mois.
"#;

const ATELIER: &str = r#"
## Cadre
Séance du club : onze jeunes (sept hommes, quatre femmes, de 20 à 25 ans), en quatrième à dixième semaine de club. Deux conseillers animent. Salle avec six postes informatiques, un tableau, des offres affichées. Durée : 3 heures.
## Déroulé
- 9 h 00 – tour de table : chacun dit ce qu'il a fait depuis la semaine précédente (candidatures, réponses, entretiens) ; les conseillers notent sur un tableau de suivi affiché ;
- 9 h 20 – séquence « socle » sur le ciblage des entreprises : les jeunes listent dix entreprises de la zone portuaire et cherchent pour chacune un contact ; travail en binômes ;
- 10 h 15 – pause ;
- 10 h 30 – simulation d'entretien : un conseiller joue l'employeur, un jeune le candidat, les autres observent avec une grille (présentation, arguments, questions posées) ; trois simulations ;
- 11 h 30 – travail individuel sur postes informatiques, les conseillers circulent ; deux jeunes préparent une candidature pour une MRS ;
- 11 h 50 – engagements pour la semaine, notés par chacun.
## Ce que l'on observe
- une ambiance de travail, avec de l'humour ; les jeunes s'interpellent par leur prénom, se conseillent ;
- des échanges concrets entre jeunes sur les entreprises (« là-bas ils prennent des intérimaires de telle agence ») et sur la tenue pour un entretien ;
- une individualisation réelle : les conseillers adaptent les consignes à chaque jeune ;
- deux jeunes arrivent avec plus de trente minutes de retard ; un jeune ne prend pas la parole de la séance ;
- le tableau de suivi collectif crée une pression positive mais peut mettre en difficulté ceux qui n'avancent pas.
## Échange avec les conseillers après la séance
Les conseillers estiment que le club « fait gagner un mois » sur la recherche d'emploi, sans pouvoir le démontrer. Ils reconnaissent que le format convient mal aux jeunes déjà en mission d'intérim, qui manquent les séances.
"#;

const OBSERVATION: &str = r#"
## Cadre
Entretien individuel entre un conseiller ANI (CDI, douze ans d'ancienneté) et un jeune homme de 22 ans, titulaire d'un bac professionnel en électrotechnique, en cinquième mois d'accompagnement, qui sort du club. Bureau individuel ; l'évaluateur est présent avec l'accord du jeune.
## Déroulé
**Point sur la situation**
Le jeune a travaillé trois semaines en intérim dans une entreprise de maintenance. Le conseiller l'interroge sur les tâches, l'ambiance, les perspectives ; l'entreprise évoque un CDD si le jeune obtient une habilitation électrique.
**Mobilisation d'une formation courte**
Le conseiller propose une AFPR pour l'habilitation, finançable si l'entreprise s'engage à recruter ; il appelle l'entreprise pendant l'entretien, obtient un accord de principe et fixe un rendez-vous tripartite.
**Aides et freins**
Le jeune n'a pas de voiture ; le conseiller vérifie les horaires des navettes de la zone industrielle et mentionne qu'une aide ANI pourra être demandée au moment de l'embauche pour le transport, « mais pas avant, malheureusement ».
**Suite**
Prochain entretien dans quinze jours ; le conseiller rappelle que l'accompagnement sera prolongé si le jeune est en emploi ou en formation au sixième mois, puis suivi en phase 3 jusqu'à la fin de la période d'essai.
## Observations
- un entretien centré sur l'emploi, efficace, où le conseiller agit directement auprès de l'employeur ;
- un jeune à l'aise, qui parle du club comme d'une étape utile (« ça m'a appris à parler aux recruteurs ») ;
- le conseiller saisit l'entretien dans l'extranet devant le jeune, ce qui prend cinq minutes de l'entretien.
"#;

const DIRECTION_TERRITORIALE: &str = r#"
## Suivi et animation
Le responsable territorial suit l'ANI avec les directeurs d'agence et les REP : revue mensuelle des indicateurs (entrées, taux de présence aux informations collectives, passages en phase 3, sorties en emploi durable), arbitrage des flux entre équipes, diffusion des pratiques. Il cite le club de Dunkerque et un atelier sur la communication non verbale conçu à Lille comme des pratiques qui ont circulé entre agences, des conseillers venant parfois animer une séance dans une autre agence.
**Quelles difficultés de pilotage ?**
- l'extranet, qui ne restitue pas les données utiles : « on pilote avec les tableaux des REP » ;
- le stop and go, géré en redéployant les conseillers sur le club jeunes ZUS et le CSP, au prix d'une baisse de la dynamique des clubs ;
- la dépendance au calendrier national des avenants.
## Constats
- résultats en emploi satisfaisants mais part élevée de contrats courts dans un bassin dominé par l'intérim ;
- formation peu mobilisée, hors formations courtes liées à un recrutement ;
- relation entreprises intensifiée, sans démarche vers les branches ni les organisations d'employeurs ;
- aucun lien avec les Missions locales sur l'ANI, hormis la vérification des doubles accompagnements.
## Regard
Le responsable territorial juge l'ANI « parfaitement complémentaire » de l'offre de Pôle emploi et souhaite sa pérennisation. Il plaide pour une durée modulable et pour la reconnaissance des contrats d'intérim longs dans les sorties positives.
"#;
