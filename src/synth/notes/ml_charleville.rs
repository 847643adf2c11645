//! Notes of the visit to the Mission locale de Charleville-Mézières (7 November 2013): an
//! industrial employment area, four counsellors, four young people, four observations.
//! Voice: question-and-answer notes, the evaluator's questions in bold.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[
    NoteSpec {
        slug: "entretien_direction",
        title: "Entretien avec le directeur et la responsable de secteur",
        date: "2013-11-07",
        roles: &["Directeur", "Responsable de secteur"],
        setting: "entretien à deux voix, 1 h 40",
        format: Format::Word,
        body: DIRECTION,
    },
    NoteSpec {
        slug: "entretien_conseillers",
        title: "Entretien avec quatre conseillers",
        date: "2013-11-07",
        roles: &["Quatre conseillers"],
        setting: "entretien collectif, 1 h 45",
        format: Format::Markdown,
        body: CONSEILLERS,
    },
    NoteSpec {
        slug: "entretiens_jeunes",
        title: "Entretiens avec quatre jeunes accompagnés",
        date: "2013-11-07",
        roles: &["Quatre jeunes"],
        setting: "quatre entretiens individuels de 20 à 30 min, sans les conseillers",
        format: Format::Word,
        body: JEUNES,
    },
    NoteSpec {
        slug: "observations",
        title: "Quatre observations",
        date: "2013-11-07",
        roles: &["Quatre observations"],
        setting: "observation non participante : deux entretiens individuels, une information collective, un appel de suivi en emploi",
        format: Format::Markdown,
        body: OBSERVATIONS,
    },
    NoteSpec {
        slug: "entretien_arml",
        title: "Entretien avec la chargée de mission de l'ARML Champagne-Ardenne",
        date: "2013-11-12",
        roles: &["ARML"],
        setting: "entretien téléphonique, 50 min",
        format: Format::Word,
        body: ARML,
    },
    NoteSpec {
        slug: "entretien_direccte",
        title: "Entretien avec le chargé de mission de la DIRECCTE",
        date: "2013-11-14",
        roles: &["DIRECCTE"],
        setting: "entretien téléphonique, 40 min",
        format: Format::Markdown,
        body: DIRECCTE,
    },
];

const DIRECTION: &str = r#"
## Le territoire et la structure
**Q : Comment présenteriez-vous le contexte local ?**
Le directeur : un bassin industriel (fonderie, métallurgie, sous-traitance automobile) durement touché, un chômage des jeunes parmi les plus élevés de la région, beaucoup de jeunes sortis sans qualification. « Ici, le CAP ne suffit plus, alors sans CAP… »
**Q : Comment l'ANI s'est-il inscrit dans l'offre existante ?**
Le directeur : comme un accompagnement renforcé de plus, à côté du CIVIS et, depuis janvier 2013, des emplois d'avenir. La responsable de secteur ajoute que l'équipe a dû « apprendre trois jeux de règles en dix-huit mois ».
## Organisation
**Q : Avez-vous dédié des conseillers ?**
La responsable de secteur : non, les jeunes de l'ANI sont répartis entre huit conseillers, avec un objectif d'une quinzaine de jeunes chacun. Elle tient le tableau de suivi des phases et relance les conseillers sur la fréquence des entretiens.
**Q : La fréquence prévue est-elle tenue ?**
La responsable de secteur : « au début, oui ; après trois mois, on est plutôt à deux entretiens par mois, parfois moins ». Elle explique que certains jeunes ne répondent plus et que la relance prend du temps.
## Prescription et entrée
**Q : Qui entre dans l'ANI ?**
Le directeur : des jeunes de niveau VI et V bis, souvent très jeunes (17-19 ans), orientés par leur conseiller après un diagnostic. Quelques jeunes viennent de la plateforme de décrochage. Il reconnaît que pendant les premiers mois, « on a fait entrer ceux qui étaient là » pour tenir l'objectif.
## Financement, reporting, stop and go
**Q : Comment vivez-vous le financement au résultat ?**
Le directeur : « on nous paie comme un prestataire, mais on reste une Mission locale ». Il souligne que le bassin offre peu d'emplois durables : beaucoup de missions d'intérim, qui ne comptent pas comme sorties positives.
**Q : Et le reporting ?**
La responsable de secteur : saisie dans Parcours III, tableau Excel pour la DIRECCTE, bilans pour l'ARML. « Trois fois la même information sous trois formes. »
**Q : Le stop and go vous a-t-il touchés ?**
Le directeur : oui, entrées suspendues de novembre 2012 à février 2013. Deux conseillers ont été réorientés vers les emplois d'avenir, « et ils ne sont jamais vraiment revenus sur l'ANI ».
## Entreprises et regard d'ensemble
**Q : L'ANI a-t-il changé la relation avec les entreprises ?**
Le directeur : non. La structure mobilise son réseau d'employeurs habituel, très sollicité par les emplois d'avenir. Les immersions restent le meilleur levier.
**Q : Que faudrait-il garder ?**
La responsable de secteur : la phase 3. « Six mois de suivi dans l'emploi, c'est ce qui manquait au CIVIS. »
"#;

const CONSEILLERS: &str = r#"
## Qui sont les conseillers rencontrés
Quatre conseillers (trois femmes, un homme), de 3 à 15 ans d'ancienneté, chacun avec une quinzaine de jeunes en ANI dans un portefeuille de 80 à 100 jeunes.
**Q : Qu'est-ce qui distingue l'ANI de votre travail habituel ?**
Une conseillère : « le rythme ; on voit le jeune toutes les semaines au début, et on a le droit de le suivre une fois qu'il travaille ». Un autre conseiller nuance : « pour le jeune, ça ne change rien, il ne sait pas dans quel dispositif il est ».
**Q : Comment se passe le premier entretien ?**
Un conseiller : diagnostic de la situation (logement, santé, mobilité, justice), puis présentation de l'accompagnement et signature du contrat. Les conseillers disent écarter les jeunes « pas prêts », par exemple en situation de rue, orientés vers des partenaires spécialisés avant toute entrée.
## Les outils mobilisés
**Q : Quelles actions proposez-vous ?**
- immersions en entreprise, « dès qu'un métier revient deux fois dans la conversation » ;
- ateliers collectifs de la Mission locale (CV, entretien d'embauche, informatique) ;
- un groupe « projet » de six semaines, en petit collectif, pour les jeunes sans idée de métier ;
- accompagnement physique : chez l'employeur, à la CAF, au tribunal pour un jeune sous contrôle judiciaire.
Une conseillère précise que les jeunes de l'ANI viennent peu aux ateliers collectifs : « ils ont eu leur dose de collectif à l'école ».
## Les aides
**Q : Avez-vous mobilisé les aides ANI ?**
Deux conseillers sur quatre ne les ont jamais mobilisées. Les deux autres citent une aide à la restauration et un soutien exceptionnel pour un jeune embauché en CDI, « arrivés après le premier salaire ». Tous jugent l'information arrivée tard : « on l'a appris par une collègue d'une autre Mission locale ».
## Phase 3
**Q : Comment suivez-vous les jeunes une fois en emploi ?**
Par téléphone surtout, toutes les deux à trois semaines ; une visite chez l'employeur quand il est connu. Une conseillère raconte avoir évité une démission : « il voulait partir parce que le chef l'avait engueulé ; on a appelé ensemble, ça s'est arrangé ».
## Reporting
**Q : Que pensez-vous de la saisie ?**
« Lourde et répétitive. » Les conseillers saisissent chaque entretien dans Parcours III et doivent en plus renseigner les changements de phase, souvent oubliés.
## Regard sur le dispositif
**Q : Faut-il poursuivre l'ANI ?**
Trois conseillers sur quatre disent oui, « à condition qu'on arrête d'empiler les dispositifs ». Le quatrième préfère un accompagnement renforcé unique : « qu'on nous donne les moyens et qu'on nous laisse adapter au jeune ».
"#;

const JEUNES: &str = r#"
## Premier jeune : un homme de 18 ans
**Q : Comment êtes-vous arrivé à la Mission locale ?**
Orienté par la plateforme de décrochage après un abandon en seconde professionnelle. Il est en phase 2 depuis cinq mois. Il a fait deux immersions en mécanique automobile et attend une réponse pour un contrat d'apprentissage.
**Q : Qu'est-ce qui vous aide le plus ?**
« Que ma conseillère m'appelle. Tout seul, je serais resté au lit. » Il trouve les ateliers « ennuyeux ».
## Deuxième jeune : une femme de 20 ans
**Q : Où en êtes-vous ?**
Elle travaille depuis deux mois en CDD de sept mois dans une entreprise de nettoyage industriel, trouvée après une immersion. Elle est en phase 3 ; la conseillère l'appelle « tous les quinze jours ».
**Q : Qu'en pensez-vous ?**
Elle apprécie que la conseillère soit venue rencontrer son chef d'équipe au début : « ça m'a rassurée, et lui aussi je crois ». Elle a obtenu une aide pour ses repas, mais après son premier salaire.
## Troisième jeune : un homme de 23 ans
**Q : Quel a été votre parcours ?**
Sorti sans diplôme à 16 ans, petits boulots et intérim dans la métallurgie. Entré dans l'ANI il y a huit mois ; il a arrêté de venir pendant deux mois (« des problèmes personnels ») puis est revenu. Il prépare le permis poids lourd avec un financement de la Région.
**Q : Qu'est-ce qui pourrait être amélioré ?**
« Les offres. Ici, il n'y a que de l'intérim. » Il estime que la Mission locale ne peut pas grand-chose contre la situation du bassin.
## Quatrième jeune : une femme de 19 ans
**Q : Comment se passe l'accompagnement ?**
Elle vient chaque semaine et participe au groupe projet. Elle hésite entre la vente et l'aide à la personne ; deux immersions prévues. Elle décrit sa conseillère comme « quelqu'un qui écoute sans juger ».
## Ce qui ressort des quatre entretiens
- aucun des jeunes ne connaît le nom « ANI » ;
- tous citent la régularité des rendez-vous et les relances comme ce qui les a aidés ;
- les ateliers collectifs sont peu appréciés, les immersions très appréciées ;
- les aides, quand elles sont connues, sont jugées tardives.
"#;

const OBSERVATIONS: &str = r#"
## Observation 1 — premier entretien d'entrée
Conseillère et jeune homme de 17 ans, orienté par un conseiller généraliste. Durée 50 minutes. Diagnostic méthodique (scolarité, famille, logement, santé, mobilité, envies), la conseillère note sur une grille papier qu'elle saisira ensuite. Présentation de l'accompagnement : « on va se voir toutes les semaines, et si tu trouves un travail, je continue à te suivre ». Signature du contrat en fin d'entretien ; le jeune demande s'il sera payé, la conseillère explique qu'il n'y a pas d'allocation liée à l'ANI mais qu'elle peut solliciter le FAJ.
**Q : (à la conseillère, après) Pourquoi l'ANI et pas le CIVIS ?**
« Il veut vraiment travailler et il a une idée, la logistique. Et il reste des places en ANI. »
## Observation 2 — entretien de phase 2
Conseiller et jeune femme de 21 ans, cinquième mois d'accompagnement. Durée 30 minutes. Retour sur une immersion en boulangerie (positive), recherche d'offres, appel à un employeur devant la jeune, préparation d'un entretien. Le conseiller insiste sur la ponctualité. Prochain rendez-vous dans deux semaines ; le conseiller reconnaît qu'il « devrait » la voir chaque semaine mais que son planning ne le permet pas.
## Observation 3 — information collective
Réunion d'information animée par la responsable de secteur pour huit jeunes orientés vers l'accompagnement renforcé (ANI et CIVIS confondus). Présentation orale avec un diaporama ; le mot « ANI » n'est prononcé qu'une fois. Les jeunes posent des questions sur l'argent (allocation CIVIS) et le permis de conduire. Deux jeunes partent avant la fin. La responsable de secteur constate ensuite que l'information collective « ne remplace pas un premier entretien individuel ».
## Observation 4 — appel de suivi en emploi
Appel téléphonique d'une conseillère à un jeune de 22 ans en phase 3, embauché en CDI depuis six semaines dans une entreprise de transport. Durée 10 minutes. Questions sur les horaires, l'ambiance, le salaire ; le jeune signale un problème de mutuelle, la conseillère promet de se renseigner. Elle propose de passer voir l'employeur, le jeune refuse poliment : « je préfère que le patron ne sache pas que je suis suivi ».
## Remarques transversales
- les pratiques observées sont très individualisées, rarement collectives ;
- le suivi en phase 3 existe mais reste léger, surtout par téléphone ;
- la saisie des entretiens est faite après coup, souvent en fin de journée.
"#;

const ARML: &str = r#"
## Animation régionale
**Q : Comment l'ARML a-t-elle accompagné la mise en œuvre ?**
La chargée de mission décrit une animation « artisanale » : deux réunions régionales par an avec les référents ANI, une liste de diffusion, des réponses au cas par cas sur Parcours III. Faute de moyens, l'ARML n'a pas produit de capitalisation des pratiques.
**Q : Quels sujets reviennent le plus souvent ?**
- la saisie et les règles de passage d'une phase à l'autre ;
- la définition de la sortie positive, jugée trop exigeante dans une région où l'intérim domine ;
- la concurrence entre dispositifs, surtout depuis les emplois d'avenir.
## Pilotage et financement
**Q : Quels liens avec la DIRECCTE ?**
Réguliers et « cordiaux », centrés sur les chiffres d'entrée. La chargée de mission regrette qu'aucune instance n'ait associé les partenaires sociaux au niveau territorial.
**Q : Le stop and go ?**
« Le plus gros dégât du dispositif. » Elle décrit des structures qui ont perdu des jeunes mobilisés et des conseillers démotivés : « on leur a dit de remplir, puis de vider, puis de remplir à nouveau ».
## Articulation avec Pôle emploi
**Q : Y a-t-il eu des échanges avec Pôle emploi sur l'ANI ?**
Aucun au niveau régional. Localement, les conseillers vérifient qu'un jeune n'est pas déjà suivi en accompagnement renforcé par Pôle emploi, « par téléphone, quand on y pense ».
## Regard
Elle juge la phase 3 comme l'apport le plus net et souhaite qu'il soit étendu à tous les accompagnements renforcés. Les aides ANI lui paraissent « mal pensées » : « le jeune a besoin d'argent pour aller travailler, pas une fois qu'il travaille ».
"#;

const DIRECCTE: &str = r#"
## Pilotage par l'État
**Q : Comment la DIRECCTE a-t-elle piloté l'ANI ?**
Par l'appel à projets, la répartition des objectifs entre Missions locales et un suivi mensuel des entrées. Le chargé de mission reconnaît un pilotage « surtout quantitatif », faute de temps : il suit aussi le CIVIS, les emplois d'avenir et le plan de lutte contre le décrochage.
**Q : Les partenaires sociaux ont-ils été associés ?**
Par la COPIRE, informée deux fois par an. Pas d'instance dédiée à l'ANI dans la région.
## Constats
- entrées conformes aux objectifs à la fin 2012, avec un démarrage lent ;
- sorties positives plus faibles que dans d'autres régions, ce qu'il relie au marché du travail local ;
- forte proportion de jeunes très jeunes et sans qualification, « exactement le public visé ».
**Q : Et le stop and go ?**
Il l'attribue au calendrier des conventions nationales : « nous avons appris la reconduction en même temps que les Missions locales ». Il admet que la suspension des entrées a mis en difficulté les structures.
## Reporting
Tableaux Excel mensuels, consolidés à la main ; le chargé de mission souhaiterait une extraction directe de Parcours III, « on en parle depuis deux ans ».
## Regard
Dispositif jugé pertinent pour le public, mais trop proche du CIVIS pour être lisible : « il faudrait un seul accompagnement renforcé, avec un suivi dans l'emploi pour tous ».
"#;
