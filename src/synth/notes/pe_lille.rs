//! Notes of the visit to Pôle emploi Lille (10 October 2013): a team leader (REP) running a
//! wider « accompagnement renforcé » team, a director worried about the scheme's
//! visibility, four counsellors, four young people and the observed « Atelier Attitude ».
//! Voice: lively, close to what was said and seen.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[
    NoteSpec {
        slug: "entretien_directrice",
        title: "Entretien avec la directrice d'agence",
        date: "2013-10-10",
        roles: &["Directrice"],
        setting: "entretien individuel, 1 h",
        format: Format::Markdown,
        body: DIRECTRICE,
    },
    NoteSpec {
        slug: "entretien_rep",
        title: "Entretien avec la responsable d'équipe (REP)",
        date: "2013-10-10",
        roles: &["REP"],
        setting: "entretien individuel, 1 h 20",
        format: Format::Word,
        body: REP,
    },
    NoteSpec {
        slug: "entretien_conseillers",
        title: "Entretien avec quatre conseillers",
        date: "2013-10-10",
        roles: &["Quatre conseillers"],
        setting: "entretien collectif, 1 h 30 ; trois conseillers ANI et une conseillère du club jeunes ZUS",
        format: Format::Markdown,
        body: CONSEILLERS,
    },
    NoteSpec {
        slug: "observation_atelier_attitude",
        title: "Observation de l'« Atelier Attitude »",
        date: "2013-10-10",
        roles: &[
            "Observation d'un atelier",
            "Conseillère animatrice",
            "Neuf jeunes",
        ],
        setting: "observation non participante d'un atelier collectif, 2 h 30",
        format: Format::Word,
        body: ATELIER,
    },
    NoteSpec {
        slug: "entretien_jeunes",
        title: "Entretien avec quatre jeunes après l'atelier",
        date: "2013-10-10",
        roles: &["Quatre jeunes"],
        setting: "entretien de groupe, 40 min, sans la conseillère",
        format: Format::Markdown,
        body: JEUNES,
    },
    NoteSpec {
        slug: "entretien_direction_territoriale",
        title: "Entretien avec la direction territoriale",
        date: "2013-10-15",
        roles: &["Direction territoriale Pôle emploi"],
        setting: "entretien téléphonique, 45 min",
        format: Format::Word,
        body: DIRECTION_TERRITORIALE,
    },
];

const DIRECTRICE: &str = r#"
## Une agence, une équipe plus large que l'ANI
La directrice dirige une agence de centre-ville qui héberge l'équipe d'accompagnement renforcé du secteur : conseillers ANI, conseillers du club jeunes ZUS et conseillers CSP, sous l'autorité d'une REP. Elle préfère parler « d'équipe accompagnement renforcé » plutôt que d'équipe ANI : « les conseillers passent d'un dispositif à l'autre selon les flux, c'est ce qui nous a permis de tenir ».
**Comment l'ANI s'est-il inscrit dans ce qui existait ?**
La directrice rappelle que la région avait construit, avant l'ANI, son propre accompagnement renforcé des jeunes, avec des actions collectives et des façons d'intervenir en entreprise « très travaillées » ; un support multimédia avait même été produit pour les conseillers. L'ANI a repris ces acquis, « ce qui explique qu'on a démarré vite ».
## La visibilité du dispositif
La directrice insiste sur un point qui la « fâche un peu » : l'ANI est invisible localement. Elle compare avec des initiatives locales qui placent quelques jeunes diplômés par des réseaux de chefs d'entreprise et « savent très bien se vendre auprès des élus ». L'ANI, lui, accompagne des centaines de jeunes et personne ne lui en parle : « en deux ans, aucun partenaire du territoire ne m'a interrogée sur l'ANI ». Elle y voit un défaut de communication nationale et locale, et un nom « qui ne dit rien à personne ».
## Pilotage et reporting
- entrées, portefeuilles et sorties suivis chaque mois avec la direction territoriale ;
- extranet jugé « lourd et inutile pour piloter », doublé par des tableaux Excel de la REP ;
- pression forte sur les entrées en 2012, puis sur les sorties en emploi durable en 2013.
## Stop and go et continuité
Au second semestre 2012, les conseillers ANI sans entrées nouvelles ont renforcé le club jeunes ZUS et l'accompagnement CSP : « l'équipe élargie a amorti le choc ». La directrice estime qu'une agence sans équipe polyvalente aurait perdu ses conseillers.
## Regard
Elle juge le dispositif efficace et bien intégré à l'offre de Pôle emploi, mais regrette l'absence totale de lien avec la Mission locale sur le sujet et une relation avec les entreprises « plus intense, pas plus inventive ». Elle souhaite la pérennisation, « avec un vrai nom et une vraie communication ».
"#;

const REP: &str = r#"
## Le rôle de la REP
La REP encadre onze conseillers : cinq sur l'ANI, quatre sur le club jeunes ZUS, deux sur le CSP. Elle répartit les flux, anime une réunion d'équipe hebdomadaire et organise les actions collectives. Plusieurs conseillers interviennent sur deux dispositifs ; elle y voit une force (« les pratiques circulent ») et un risque (« on ne sait plus toujours dans quelle case on est »).
**Comment les jeunes arrivent-ils dans l'ANI ?**
Par orientation des conseillers des agences du secteur, après une présentation individuelle. La REP suit les orientations par agence et a organisé des permanences de conseillers ANI dans trois agences pour « se rendre visibles ». Elle a abandonné les invitations par courrier à partir de requêtes : « on convoquait vingt jeunes, il en venait quatre ».
## L'accompagnement
- un contact hebdomadaire et deux entretiens par mois au moins, tenus pour l'essentiel ;
- un parcours d'ateliers à l'entrée, dont l'« Atelier Attitude », conçu dans l'équipe et repris depuis par deux autres agences ;
- des EMT très fréquentes, des enquêtes professionnelles, la MRS pour les recrutements en nombre ;
- des ateliers communs avec le club jeunes ZUS, qui mêlent les publics.
**Les ateliers sont-ils appréciés des jeunes ?**
« Pas spontanément. » La REP estime qu'il reste du chemin pour rendre le collectif attractif : « il faudrait qu'on apprenne à accrocher les jeunes comme le font les marques, avec des formats courts et qui donnent envie ».
## Relations entreprises
L'équipe participe à des rallyes emploi dans les zones d'activité et à des salons. La REP constate plus de mises en relation qu'avant, sans partenariat nouveau avec des branches ou des organisations d'employeurs.
## Aides, phase 3, reporting
Les aides ANI sont arrivées tard et restent peu utilisées ; la phase 3 dure le temps de la période d'essai, surtout par téléphone. La REP tient ses tableaux Excel, l'extranet « ne sert qu'à remonter ».
## Regard
Elle souhaite la pérennisation et une durée plus souple pour les jeunes qui ont travaillé pendant l'accompagnement.
"#;

const CONSEILLERS: &str = r#"
## Les conseillers rencontrés
Trois conseillers ANI (deux en CDI, un recruté en CDD avec une expérience d'animateur de quartier) et une conseillère du club jeunes ZUS qui intervient aussi sur l'ANI. Portefeuilles de 45 à 52 jeunes.
**Qu'est-ce qui fait un accompagnement « renforcé » ?**
- « Le temps » (un conseiller en CDI) ;
- « Le téléphone : je donne mon numéro, les jeunes m'appellent » (la conseillère du club) ;
- « Le groupe, même s'ils râlent au début » (le conseiller venu de l'animation).
## Le collectif
Les conseillers racontent ce que les ateliers produisent : les jeunes se parlent franchement de leur tenue, de leur façon de se présenter, s'échangent des offres et des CV, organisent des covoiturages. « Ils voient que les autres galèrent aussi, et que ceux qui décrochent un contrat sont ceux qui se sont bougés. » Les conseillers reconnaissent que les jeunes préfèrent d'abord l'individuel.
## Outils et partenaires
- EMT pour presque tous les jeunes ;
- regards croisés avec la psychologue de l'équipe orientation pour des diagnostics bloqués ;
- MRS pour des recrutements dans la logistique et la relation client ;
- la formation est rare : six mois sont trop courts, sauf AFPR ou POE.
## Phase 3 et aides
Le suivi dans l'emploi se limite souvent à la période d'essai. Une conseillère regrette de ne pas pouvoir « aller voir » les employeurs. Les aides ANI ont été découvertes tardivement ; le circuit, géré par un autre service, est jugé lent.
## Reporting
« On remplit l'extranet le vendredi après-midi. » Les conseillers décrivent une double saisie, des champs sans intérêt pour eux et aucun retour.
## Leur regard
Tous souhaitent la pérennisation. Le conseiller en CDD craint le prochain stop and go : « la dernière fois, on m'a mis sur le CSP trois mois ; si ça recommence, je ne sais pas si mon contrat suivra ».
"#;

const ATELIER: &str = r#"
## Cadre
L'« Atelier Attitude » fait partie du parcours d'entrée des jeunes de l'ANI. Neuf jeunes de 21 à 25 ans sont présents (sur douze inscrits), tous diplômés (du CAP à la licence). Une conseillère anime, seule ; l'évaluateur est installé au fond de la salle. Durée : 2 h 30 avec une pause.
## Première séquence : mimer un adjectif
La conseillère distribue à chaque jeune un papier portant un adjectif (motivé, timide, sûr de soi, nerveux, dynamique, désinvolte…). Chacun entre dans la salle comme s'il arrivait à un entretien d'embauche et doit faire deviner son adjectif sans parler. Les autres notent ce qu'ils perçoivent.
- les jeunes rient beaucoup au début, puis observent avec attention ;
- les adjectifs négatifs sont trouvés presque à chaque fois, les positifs rarement ;
- une jeune femme qui devait mimer « dynamique » est perçue comme « stressée ».
La conseillère en tire deux enseignements, qu'elle écrit au tableau : « ce que vous croyez montrer n'est pas toujours ce que l'autre voit » et « montrer une qualité est plus difficile que montrer un défaut ». Les jeunes commentent spontanément leurs propres entretiens passés.
## Deuxième séquence : dans la peau de l'employeur
Par groupes de trois, les jeunes jouent un employeur qui doit recruter un vendeur. Ils choisissent cinq critères de sélection parmi une liste d'une vingtaine (diplôme, expérience, présentation, ponctualité, sourire, motivation, mobilité…). La mise en commun montre que le diplôme et l'expérience arrivent rarement en tête, derrière la présentation et la motivation.
**Question de la conseillère au groupe : « Alors, votre CV, il suffit ? »**
Un jeune répond : « Le CV, c'est pour avoir l'entretien ; après, c'est nous. » La conseillère reprend cette phrase comme conclusion de la séquence.
## Troisième séquence : préparation individuelle
Chaque jeune note trois qualités qu'il veut faire percevoir et une manière concrète de les montrer (une poignée de main, une histoire à raconter, une question à poser). La conseillère passe de table en table.
## Observations de l'évaluateur
- un atelier très vivant, construit pour des jeunes, loin des ateliers classiques de techniques de recherche d'emploi ;
- une animation exigeante, qui repose sur le savoir-faire de la conseillère ;
- trois absents sur douze inscrits ; deux jeunes restent en retrait toute la séance ;
- l'atelier n'est relié explicitement ni au plan d'action de chacun ni aux entretiens individuels qui suivent ; la conseillère dit transmettre ses observations aux référents « quand elle a le temps ».
"#;

const JEUNES: &str = r#"
## Le groupe
Quatre jeunes rencontrés à l'issue de l'atelier : une femme de 23 ans (BTS tourisme), un homme de 25 ans (licence d'histoire), un homme de 21 ans (bac professionnel vente), une femme de 24 ans (CAP petite enfance). Tous sont dans l'ANI depuis un à trois mois.
**Comment avez-vous vécu l'atelier ?**
- « Au début j'ai trouvé ça ridicule, et puis j'ai compris pourquoi on le faisait » (le jeune homme de 21 ans) ;
- « J'ai découvert que j'avais l'air fermée alors que j'étais juste stressée » (la jeune femme de 24 ans) ;
- le jeune homme titulaire d'une licence juge l'exercice « utile mais un peu long ».
**Qu'est-ce qui vous aide le plus dans l'accompagnement ?**
Les quatre citent d'abord les rendez-vous réguliers avec leur conseiller, puis les offres qu'il leur envoie. La jeune femme de 23 ans apprécie de pouvoir appeler directement son conseiller : « à l'agence, avant, on tombait sur la plateforme ».
## Ce qu'ils aiment moins
- devoir venir à des ateliers « quand on a déjà fait des formations là-dessus » ;
- l'impression, pour le titulaire de la licence, que l'accompagnement est pensé « pour des jeunes moins diplômés » ;
- la crainte que les six mois ne suffisent pas.
## Immersions et employeurs
Deux d'entre eux ont fait une EMT ; l'un a reçu ensuite une proposition de CDD. Ils pensent que l'EMT « rassure l'employeur » davantage qu'un CV.
## Le nom du dispositif
Aucun ne sait ce que veut dire « ANI » ; un jeune pensait qu'il s'agissait « d'une association ».
"#;

const DIRECTION_TERRITORIALE: &str = r#"
## Le rôle de la direction territoriale
La responsable territoriale suit la mise en œuvre avec les directeurs d'agence et les REP : revue mensuelle des entrées, des portefeuilles et des sorties, arbitrages de flux entre équipes, relances des agences qui orientent peu. Elle explique que l'organisation en équipes d'accompagnement renforcé polyvalentes est un choix régional, « qui permet d'absorber les variations de flux ».
**Comment avez-vous traversé le stop and go ?**
En redéployant temporairement les conseillers ANI sur le club jeunes ZUS et le CSP, avec l'accord de la direction régionale. Elle reconnaît que ce redéploiement a pu brouiller les repères des conseillers et des jeunes.
## Les outils de suivi
L'extranet ne permet pas le pilotage fin : la direction territoriale travaille sur les tableaux Excel des REP, consolidés chaque mois. Elle souhaiterait un outil unique pour tous les accompagnements renforcés.
## Les partenariats
- aucune démarche spécifique vers les branches ou les organisations d'employeurs sur l'ANI ;
- un lien ponctuel avec un réseau de parrainage porté par une maison de l'emploi ;
- pas de coordination avec les Missions locales au-delà de la vérification des doubles accompagnements.
## Regard
La responsable juge les résultats en emploi « très corrects », en grande partie grâce à l'intensité de l'accompagnement et aux EMT. Elle plaide pour une communication plus lisible vers les jeunes et les partenaires, et pour un accompagnement moins contraint dans sa durée.
"#;
