//! Notes of the visit to the Mission locale de Touraine (8 October 2013): one of the two
//! Missions locales with counsellors dedicated to the ANI; regional steering in the Centre
//! region (DIRECCTE, ARML, COPIRE). Voice: a structured, thematic write-up.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[
    NoteSpec {
        slug: "entretien_directrice",
        title: "Entretien avec la directrice",
        date: "2013-10-08",
        roles: &["Directrice"],
        setting: "entretien individuel dans le bureau de la directrice, 1 h 45",
        format: Format::Word,
        body: DIRECTRICE,
    },
    NoteSpec {
        slug: "entretien_conseilleres_ani",
        title: "Entretien collectif avec les trois conseillères ANI",
        date: "2013-10-08",
        roles: &["Trois conseillères"],
        setting: "entretien collectif en salle de réunion, 2 h, sans la direction",
        format: Format::Markdown,
        body: CONSEILLERES,
    },
    NoteSpec {
        slug: "entretien_direccte",
        title: "Entretien avec la chargée de mission de la DIRECCTE Centre",
        date: "2013-10-10",
        roles: &["DIRECCTE"],
        setting: "entretien téléphonique, 50 min",
        format: Format::Word,
        body: DIRECCTE,
    },
    NoteSpec {
        slug: "entretien_arml",
        title: "Entretien avec le chargé d'animation de l'ARML Centre",
        date: "2013-10-11",
        roles: &["ARML"],
        setting: "entretien téléphonique, 1 h",
        format: Format::Markdown,
        body: ARML,
    },
    NoteSpec {
        slug: "entretien_copire",
        title: "Entretien avec le secrétaire de la COPIRE",
        date: "2013-10-16",
        roles: &["Secrétaire de la COPIRE"],
        setting: "entretien téléphonique, 40 min",
        format: Format::Word,
        body: COPIRE,
    },
];

const DIRECTRICE: &str = r#"
## Contexte et lancement
La directrice rappelle que la structure couvre un territoire mêlant l'agglomération et des cantons ruraux, avec un public de jeunes sortis tôt du système scolaire « plus nombreux qu'on ne le croit en dehors de la ville ». La Mission locale a répondu à l'appel à projets régional de la DIRECCTE fin 2011, dans des délais jugés « très serrés » : la réponse a été rédigée en trois semaines, sans véritable concertation avec les conseillers.
**Pourquoi avoir répondu à l'appel à projets ?**
La directrice indique que l'ANI a d'abord été vu comme une opportunité de moyens : 1 500 euros par jeune accompagné, « c'est bien plus que ce que l'on a pour un CIVIS ». Elle ajoute que le public visé, les jeunes décrocheurs sans qualification, correspond au cœur de métier de la Mission locale et qu'il aurait été « incompréhensible » de laisser passer des moyens fléchés sur ce public.
## Organisation de l'équipe
La Mission locale a fait le choix, rare dans le réseau, de conseillères dédiées : trois conseillères consacrent l'essentiel de leur temps à l'ANI, avec un portefeuille cible de 60 jeunes chacune. La directrice explique ce choix par la volonté de « donner une identité au dispositif » en interne et de garantir la fréquence des entretiens exigée par le cahier des charges.
- deux conseillères étaient déjà en poste et expérimentées sur le CIVIS renforcé ;
- une troisième a été recrutée en CDD au lancement, puis titularisée en 2013 ;
- une assistante assure la saisie et les relances administratives à mi-temps.
La directrice reconnaît que le choix des conseillères dédiées a créé au départ « un peu de jalousie » chez les conseillers généralistes, qui voyaient partir des jeunes qu'ils suivaient depuis longtemps. Des réunions d'équipe mensuelles ont été instaurées pour faire circuler l'information.
## Prescription et entrée dans le dispositif
**Comment les jeunes arrivent-ils sur l'ANI ?**
Les conseillers généralistes orientent vers l'ANI les jeunes de niveau VI à V bis « qui ont un minimum de mobilisation » ; le repérage se fait aussi par requête dans Parcours III et, plus marginalement, par la plateforme de suivi des décrocheurs de l'Éducation nationale. La directrice reconnaît une pression sur les entrées au printemps 2012 : « on nous demandait des chiffres d'entrée avant même qu'on ait fini de recruter ».
Le premier entretien avec la conseillère ANI vaut diagnostic ; l'entrée est formalisée par un contrat signé par le jeune, que la directrice juge « utile symboliquement ».
## Financement, reporting et calendrier
La directrice juge le financement au résultat « structurant mais risqué » : la dernière tranche n'est versée qu'à la sortie positive, au sens d'un CDI, d'un CDD de six mois ou plus ou d'une formation qualifiante. Elle cite le cas d'un jeune entré en formation d'aide-soignant sans qualification reconnue à l'issue : « c'est une vraie réussite pour lui, mais ce n'est pas une sortie positive pour le financeur ».
Le reporting est décrit comme lourd : double saisie dans Parcours III et dans un tableau Excel demandé par la DIRECCTE, avec des définitions qui ont changé en cours de route.
Sur le calendrier, la directrice est catégorique : le stop and go de la fin 2012 a « cassé la dynamique ». Pendant près de trois mois, aucune entrée n'était possible faute d'avenant signé ; les conseillères dédiées ont continué à suivre leur portefeuille mais ont dû expliquer aux partenaires prescripteurs qu'il fallait « attendre ».
## Regard sur le dispositif
La directrice estime que l'ANI a surtout permis d'« aller plus loin » avec des jeunes que la Mission locale connaissait déjà, plutôt que de toucher de nouveaux publics. Elle souhaite sa poursuite, à condition qu'il soit mieux articulé avec le CIVIS : « on ne peut pas faire vivre trois accompagnements renforcés côte à côte avec trois systèmes de reporting ».
"#;

const CONSEILLERES: &str = r#"
## Le métier de conseillère dédiée
Les trois conseillères décrivent un travail « plus serré » que sur le CIVIS. L'une d'elles, la plus ancienne dans la structure, résume : « sur l'ANI, on a le temps de relancer, de rappeler, d'aller chercher le jeune ». Elles suivent chacune entre 52 et 58 jeunes, en dessous du plafond de 60 fixé par l'appel à projets.
**Quelle est la fréquence réelle des entretiens ?**
Les conseillères indiquent tenir le rythme hebdomadaire pendant les trois premiers mois « pour la plupart des jeunes », puis passer à un entretien tous les quinze jours. Elles reconnaissent que certains jeunes décrochent des rendez-vous : l'une parle de « jeunes qu'on ne voit plus pendant trois semaines puis qui reviennent comme si de rien n'était ». Entre deux entretiens, les contacts par SMS et par téléphone sont quotidiens ; une conseillère utilise un compte Facebook professionnel, toléré par la direction.
## Les actions mobilisées
- ateliers collectifs de la Mission locale : CV, lettre de motivation, simulation d'entretien, une fois par mois ;
- immersions en entreprise : « quasi systématiques » dès que le projet se précise, sous convention de stage de la Mission locale ;
- accompagnement physique : une conseillère a accompagné une jeune à la préfecture pour son titre de séjour, une autre s'est rendue chez un employeur avec un jeune « qui n'osait pas y aller seul » ;
- freins périphériques : mobilité (permis, deux-roues prêté par une association), logement (foyer de jeunes travailleurs), santé.
Les conseillères soulignent que le travail sur les freins périphériques occupe une grande part de la phase 2 : « avant de parler emploi, il faut qu'il ait un toit et un moyen de venir ».
## La relation avec les entreprises
**Avez-vous développé des liens nouveaux avec des employeurs grâce à l'ANI ?**
Les conseillères répondent que non : elles s'appuient sur le chargé de relations entreprises de la structure et sur leur propre réseau. L'une explique que les jeunes de l'ANI, très jeunes et souvent sans projet, « ne sont pas présentables tout de suite » ; la relation entreprise vient en fin de parcours, souvent par une immersion qui débouche sur un contrat. Les employeurs ne connaissent pas le nom du dispositif : « ils savent qu'on suit le jeune, c'est tout ».
## Les aides ANI
Les trois conseillères disent avoir appris l'existence des aides ANI « par hasard », plusieurs mois après le lancement. Elles jugent que les aides arrivent trop tard : « le besoin, c'est avant le premier salaire, pour le permis ou la tenue de travail, pas une fois en CDI ». La procédure, gérée par Pôle emploi, est décrite comme lente ; une conseillère a renoncé à la mobiliser et a préféré le FAJ.
## La phase 3 et le suivi dans l'emploi
Le suivi dans l'emploi est réel : un appel toutes les deux semaines au jeune, un contact avec l'employeur le premier mois quand celui-ci est connu. Les conseillères expliquent que ce suivi évite des ruptures de période d'essai : « un retard, un conflit avec le chef, et le jeune lâche tout si on n'est pas là ». En revanche, certains jeunes refusent que la Mission locale appelle leur employeur, par crainte d'être « étiquetés ».
## Reporting et stop and go
- la saisie dans Parcours III prend « une demi-journée par semaine » à chacune ;
- les indicateurs demandés ont changé deux fois en 2012 ;
- pendant le stop and go, elles ont dû refuser des jeunes orientés par leurs collègues et les mettre en CIVIS « en attendant », ce qui a brouillé le message.
## Ce qui marche, selon elles
Les conseillères citent la disponibilité, le fait d'avoir « du temps devant soi » et le contrat moral passé avec le jeune. Une conseillère conclut : « l'ANI, les jeunes ne savent pas ce que c'est ; ce qu'ils retiennent, c'est qu'on les a rappelés ».
"#;

const DIRECCTE: &str = r#"
## Rôle de la DIRECCTE dans le pilotage régional
La chargée de mission explique que la DIRECCTE Centre a piloté l'appel à projets régional pour les Missions locales et a souhaité associer les partenaires sociaux à l'analyse des réponses, « ce qui n'était pas prévu mais nous semblait cohérent avec l'esprit d'un accord signé par eux ». Un comité de sélection a réuni l'État, des représentants des organisations patronales et syndicales et l'ARML.
**Qui a présenté les données de l'ANI aux instances régionales ?**
La chargée de mission indique que c'est la DIRECCTE, et non le réseau des Missions locales, qui a présenté les chiffres de l'ANI au CCREFP et à la COPIRE. Elle reconnaît que cela a pu être vécu par le réseau comme une dépossession, d'autant que les Missions locales ont ensuite cherché à nouer un lien direct avec les partenaires sociaux.
## Suivi et répartition des objectifs
- les objectifs d'entrées ont été répartis entre Missions locales au prorata du nombre de jeunes de bas niveau de qualification suivis ;
- le suivi repose sur des tableaux Excel mensuels envoyés par chaque structure, consolidés à la DIRECCTE ;
- les données extraites de Parcours III ne concordaient pas toujours avec les tableaux transmis, ce qui a demandé des vérifications « ligne à ligne ».
La chargée de mission juge les sous-préfets « absents » du dispositif : l'animation territoriale qu'ils devaient assurer selon l'accord a été, de fait, déléguée à la DIRECCTE et à ses unités territoriales.
## Regard sur le dispositif
La chargée de mission estime que l'ANI a été un « accélérateur de dialogue » entre l'État, les Missions locales et les partenaires sociaux, plus qu'un dispositif innovant dans ses pratiques d'accompagnement. Elle regrette le stop and go, qui a rendu difficile la programmation : « on a demandé aux structures de monter en charge puis de s'arrêter, puis de repartir ». Elle souligne aussi que la barre de la sortie positive est haute pour des jeunes sans qualification et que le financement au résultat pénalise les structures qui accueillent les publics les plus éloignés.
Sur la relation entreprises, elle constate que les Missions locales n'ont pas construit de partenariat spécifique avec les branches autour de l'ANI ; les immersions restent le principal levier.
"#;

const ARML: &str = r#"
## L'animation régionale du réseau
Le chargé d'animation de l'ARML décrit une animation en trois temps : réunions régionales des référents ANI tous les trimestres, échanges de pratiques entre structures, et production de lettres de capitalisation diffusées aux directeurs et aux conseillers.
**Quel a été le rôle de l'ARML auprès des partenaires sociaux ?**
Il indique que l'association régionale des présidents de Missions locales a invité les partenaires sociaux à des rencontres distinctes de celles de la DIRECCTE, pour « présenter le travail réel des conseillers et pas seulement des chiffres ». Ces échanges ont suscité un intérêt réel de leur part et ont conduit l'ARML à rejoindre la commission « Orientation et décrochage » du CCREFP, ce qu'il présente comme un acquis durable de l'ANI : « c'était le seul lieu où on se rencontrait vraiment ».
## Ce que montrent les échanges de pratiques
- les organisations varient beaucoup : conseillers dédiés à Tours, conseillers généralistes ailleurs, avec un référent ANI par antenne ;
- la fréquence hebdomadaire d'entretiens des trois premiers mois est jugée difficile à tenir avec des jeunes qui « disparaissent » ;
- les ateliers collectifs propres à l'ANI sont rares, les structures mobilisant leur offre habituelle ;
- la phase 3 est la partie la plus appréciée des conseillers, qui y voient le moyen de « sécuriser » l'emploi.
## Reporting et outils
Le chargé d'animation explique que l'ARML assure aussi le support de Parcours III pour la région. Il reconnaît que le paramétrage de l'ANI dans le logiciel est arrivé tard et que les structures ont tenu des tableaux parallèles pendant les premiers mois. « La saisie, c'est la première plainte qu'on entend, avant même le financement. »
## Stop and go et financement
Il qualifie le stop and go de « casse-tête » pour les structures qui avaient recruté des conseillers en CDD : à la fin 2012, deux Missions locales de la région ont dû mettre fin à des contrats faute de visibilité sur l'avenant. Le paiement par tranches, avec un solde à la sortie positive, est compris mais « vécu comme une logique de prestataire » par des structures qui se considèrent membres du service public de l'emploi.
## Articulation avec le CIVIS et Pôle emploi
Pour lui, l'ANI « s'ajoute au mille-feuille » sans que la frontière avec le CIVIS renforcé soit claire. Il n'a observé aucune coordination avec Pôle emploi sur l'ANI : « chacun a fait son article de l'accord dans son coin ».
"#;

const COPIRE: &str = r#"
## Les partenaires sociaux et l'ANI en région
Le secrétaire de la COPIRE rappelle que l'accord du 7 avril 2011 est « un accord des partenaires sociaux, financé par le FPSPP », et que les organisations régionales ont voulu en suivre la mise en œuvre. Il décrit une première année où les informations venaient surtout de la DIRECCTE, sous forme de tableaux d'entrées.
**Comment jugez-vous l'information reçue sur le dispositif ?**
Il la juge d'abord « purement quantitative » : nombre d'entrées, taux de réalisation des objectifs. Les rencontres organisées ensuite par les présidents de Missions locales ont permis de découvrir « des parcours, des visages », ce qui a changé le regard de plusieurs membres de la commission sur le travail des conseillers.
## Ce que les partenaires sociaux attendaient
- un lien plus fort avec les entreprises et les branches, notamment sur l'alternance ;
- une mobilisation des OPCA, restée très limitée selon lui ;
- une meilleure visibilité des sorties en emploi durable.
Le secrétaire regrette qu'aucune démarche n'ait été engagée avec les branches professionnelles au niveau régional : « on a signé un accord pour rapprocher les jeunes des entreprises, et les entreprises n'ont presque pas été associées ». Il reconnaît toutefois que les très jeunes décrocheurs demandent d'abord un travail de fond avant toute mise en relation avec un employeur.
## Regard sur le calendrier et les résultats
Il déplore le stop and go, qu'il attribue aux délais de renouvellement des conventions avec le FPSPP : « pendant que les signataires discutaient de l'avenant, les Missions locales n'avaient plus le droit de faire entrer des jeunes ». Il juge les résultats « honorables » au regard du public, tout en estimant que la définition de la sortie positive devrait être discutée : une formation qualifiante sans diplôme à la clé est, pour lui aussi, un progrès réel.
Il souhaite que la COPIRE soit associée à l'évaluation finale et que les pratiques intéressantes repérées dans la région soient présentées aux partenaires sociaux.
"#;
