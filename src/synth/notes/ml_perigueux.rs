//! Notes of the visit to the Mission locale de Périgueux (15 October 2013): a rural
//! territory, a partner meeting called by the DIRECCTE's territorial unit, regional steering
//! with the social partners in Aquitaine, two young people met. Voice: a narrative written
//! in the first person plural, rich in quotes.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[
    NoteSpec {
        slug: "entretien_directrice",
        title: "Entretien avec la directrice",
        date: "2013-10-15",
        roles: &["Directrice"],
        setting: "entretien individuel, 1 h 30, suivi d'une visite des locaux",
        format: Format::Markdown,
        body: DIRECTRICE,
    },
    NoteSpec {
        slug: "entretien_collectif_conseillers",
        title: "Entretien collectif avec six conseillers",
        date: "2013-10-15",
        roles: &["Six conseillers"],
        setting: "entretien collectif, 2 h 15 ; deux référents ANI et quatre conseillers généralistes",
        format: Format::Word,
        body: CONSEILLERS,
    },
    NoteSpec {
        slug: "entretien_jeune_19_ans",
        title: "Entretien avec un jeune de 19 ans",
        date: "2013-10-15",
        roles: &["Jeune (19 ans)"],
        setting: "entretien individuel sans la conseillère, 35 min",
        format: Format::Markdown,
        body: JEUNE_19,
    },
    NoteSpec {
        slug: "entretien_jeune_22_ans",
        title: "Entretien avec une jeune femme de 22 ans",
        date: "2013-10-15",
        roles: &["Jeune (22 ans)"],
        setting: "entretien individuel sans la conseillère, 40 min",
        format: Format::Word,
        body: JEUNE_22,
    },
    NoteSpec {
        slug: "entretien_arml_aquitaine",
        title: "Entretien avec la déléguée de l'ARML Aquitaine",
        date: "2013-10-21",
        roles: &["ARML"],
        setting: "entretien téléphonique, 55 min",
        format: Format::Word,
        body: ARML,
    },
    NoteSpec {
        slug: "entretien_medef",
        title: "Entretien avec le chargé de mission emploi-formation du MEDEF",
        date: "2013-10-22",
        roles: &["MEDEF"],
        setting: "entretien téléphonique, 35 min",
        format: Format::Markdown,
        body: MEDEF,
    },
];

const DIRECTRICE: &str = r#"
## Un territoire étendu, des jeunes dispersés
Nous sommes reçus par la directrice dans les locaux du centre-ville, qui accueillent aussi deux permanences de partenaires. Elle commence par décrire le territoire : une ville moyenne, des cantons ruraux où « un jeune sans permis est un jeune sans emploi », et une offre de transport qui ne permet pas d'aller travailler en horaires décalés. La Mission locale tient six permanences délocalisées.
La directrice dit avoir accueilli l'ANI « avec prudence » : la structure gérait déjà le CIVIS, un dispositif régional pour les jeunes décrocheurs et les premiers emplois d'avenir se profilaient. « On nous a proposé un accompagnement renforcé de plus, avec des moyens, mais sur un calendrier impossible. »
## Organisation retenue
**Avez-vous dédié des conseillers à l'ANI ?**
Non : la directrice a préféré répartir les jeunes de l'ANI entre tous les conseillers, avec deux référents chargés de la coordination, de la saisie et du lien avec l'ARML. Elle justifie ce choix par la géographie : un conseiller dédié ne pourrait pas couvrir toutes les permanences. Chaque conseiller suit en moyenne huit à douze jeunes de l'ANI dans un portefeuille d'une centaine de jeunes, ce qui rend difficile le respect de la fréquence d'entretiens : « sur le papier, c'est un entretien par semaine ; dans les faits, c'est quand le jeune peut venir ».
## Le pilotage local et régional
La directrice évoque une réunion partenariale organisée par l'unité territoriale de la DIRECCTE à l'échelle de l'arrondissement, « la seule fois où l'on a vu l'État réunir tout le monde sur l'ANI ». Elle constate que la réunion a peu mobilisé : Pôle emploi y a envoyé un représentant, mais aucune entreprise ni aucun organisme de formation n'était présent. « C'était une bonne idée, mais personne ne savait ce qu'on attendait de lui. »
Au niveau régional, elle décrit des comités de pilotage réguliers associant le MEDEF, la CFDT, l'UPA, Pôle emploi et l'APEC, consacrés surtout à la montée en charge et aux sorties. Elle y voit un lieu d'information plus que de décision.
## Financement et facturation
La directrice revient longuement sur le paiement unique des phases 1 et 2 négocié au niveau national en cours de route : « le changement n'a pas été compris ici ; pendant des mois, on ne savait plus ce qu'on pouvait facturer ni quand ». La comptable a dû reprendre les dossiers un par un. La directrice juge le montant de 1 500 euros par jeune « correct », mais la part versée à la sortie positive pénalisante : « un jeune qui trouve un CDD de quatre mois dans une conserverie, pour nous c'est une victoire, pour le financeur c'est un échec ».
## Le stop and go
Elle qualifie le stop and go de « désastreux pour la crédibilité » : les conseillers avaient mobilisé des jeunes, parfois après plusieurs entretiens, et ont dû leur dire que l'entrée était suspendue. Une partie de ces jeunes a été orientée vers le CIVIS, d'autres « on les a perdus ».
## Ce qu'elle retient
Pour la directrice, l'apport de l'ANI tient à l'intensité : « ce qui change la donne, c'est de voir le jeune souvent, pas le nom du dispositif ». Elle souhaiterait un accompagnement renforcé unique, modulable selon le jeune, plutôt qu'une succession de dispositifs aux règles différentes.
"#;

const CONSEILLERS: &str = r#"
## Une organisation répartie
Six conseillers participent à l'échange, dont les deux référents ANI. L'ambiance est détendue ; les conseillers se coupent volontiers la parole. Ils confirment que les jeunes de l'ANI sont répartis dans tous les portefeuilles et qu'aucun d'eux n'y consacre tout son temps. Un référent explique : « on est les mémoires du dispositif, on sait qui est entré, qui doit passer en phase 3, qui va sortir ».
## Entrée et prescription
**Comment décidez-vous qu'un jeune entre dans l'ANI plutôt que dans le CIVIS ?**
La réponse est franche : « ça dépend de ce qui reste ». Les conseillers reconnaissent que l'orientation dépend autant des places disponibles dans chaque dispositif que du profil du jeune. L'ANI est proposé aux jeunes sans diplôme « qui ont une petite idée de ce qu'ils veulent faire », le CIVIS aux autres. Ils signalent aussi que le critère de niveau exclut des jeunes titulaires d'un CAP qui auraient eu besoin du même accompagnement.
## Rythme et contenu de l'accompagnement
- les entretiens sont hebdomadaires au début, puis tous les quinze jours, « quand ça se passe bien » ;
- les jeunes des cantons ruraux sont vus en permanence délocalisée, parfois seulement deux fois par mois ;
- le téléphone et les SMS compensent : « on appelle plus qu'on ne reçoit » ;
- les immersions en entreprise sont jugées indispensables pour vérifier un projet : « trois jours dans une boulangerie, et le jeune sait si c'est pour lui ».
Un conseiller raconte avoir accompagné un jeune chez le juge d'application des peines pour faire valoir une promesse d'embauche. Une autre évoque des rencontres avec des parents : « on est allé plus loin dans la proximité qu'avec les autres dispositifs ».
Les ateliers collectifs existent (un atelier CV et un atelier « code de la route » animés par un bénévole), mais les jeunes de l'ANI y viennent peu.
## Les entreprises
Les conseillers décrivent des relations avec les employeurs « comme d'habitude » : mises en relation sur offres, contacts dans l'agroalimentaire, le bâtiment, l'aide à domicile. Aucun partenariat nouveau n'a été construit autour de l'ANI. Un conseiller note que les employeurs qui prennent des jeunes en immersion sont souvent les mêmes, « on finit par les épuiser ».
## Les aides ANI
Les conseillers ont découvert les aides ANI tardivement et les trouvent mal adaptées : « l'aide arrive au moment de l'embauche, alors que le jeune a besoin de payer l'essence pour aller à l'entretien ». L'un d'eux a obtenu une aide de 300 euros pour un jeune embauché en CDI dans une menuiserie, « mais il a fallu six semaines ».
## Saisie et suivi
La saisie dans Parcours III est vécue comme une charge supplémentaire, surtout pour les conseillers non référents qui oublient de cocher le bon dispositif : « les référents passent derrière nous ». Le suivi des phases est tenu dans un tableau partagé.
## La phase 3
En phase 3, les conseillers appellent le jeune au moins une fois par mois et passent parfois voir l'employeur quand ils le connaissent. Ils insistent sur la fragilité des premiers mois : « le premier bulletin de salaire, la première remarque du chef, c'est là qu'ils décrochent ».
## Ce qu'ils en pensent
Les avis sont partagés : les référents souhaitent la poursuite de l'ANI, deux conseillers généralistes y voient « un dispositif de plus » qui complique l'explication aux jeunes. Tous s'accordent sur un point : le nom ne veut rien dire pour les jeunes. « On leur dit qu'ils vont être suivis de plus près, c'est tout. »
"#;

const JEUNE_19: &str = r#"
## Parcours
Le jeune homme a 19 ans et vit chez sa mère dans une commune à vingt kilomètres de Périgueux. Il a quitté le lycée professionnel en première année de CAP de menuiserie, « parce que ça ne se passait pas bien avec un prof ». Il est ensuite resté un an « sans rien faire », avant qu'un ami lui parle de la Mission locale.
**Comment êtes-vous entré dans l'accompagnement ?**
Il dit avoir rencontré « la conseillère » qui lui a proposé un suivi renforcé. Il se souvient avoir signé un papier, mais ne connaît pas le nom du dispositif : « c'est le truc où on se voit toutes les semaines ».
## Ce qu'il a fait
- deux immersions, dans une scierie puis chez un artisan couvreur ;
- un atelier CV, « pas très utile, j'avais déjà un CV » ;
- le code de la route, avec une aide de la Mission locale pour payer les leçons de conduite ;
- une mise en relation avec une entreprise de travaux publics, qui n'a pas abouti.
Il travaille depuis trois semaines en contrat d'apprentissage chez le couvreur qui l'avait accueilli en immersion. Il est en phase 3 : sa conseillère l'appelle « tous les quinze jours à peu près ».
## Ce qu'il en pense
Il apprécie surtout la régularité : « elle me rappelait quand je ne venais pas, ça m'a obligé ». Il juge les rendez-vous hebdomadaires « un peu beaucoup » au début, puis utiles. Il aurait voulu obtenir le permis plus vite : « sans voiture, le patron vient me chercher, mais ça ne va pas durer ». Il n'a pas entendu parler d'une aide financière à l'embauche.
"#;

const JEUNE_22: &str = r#"
## Parcours
La jeune femme a 22 ans, un enfant de deux ans, et vit seule dans un logement social. Elle est sortie du collège sans diplôme, a travaillé en saisonnier dans la restauration et l'agriculture, puis s'est inscrite à la Mission locale à la naissance de son enfant. Elle était en CIVIS avant d'entrer dans l'ANI, « mais je ne voyais pas la différence au début ».
**Qu'est-ce qui a changé avec ce nouvel accompagnement ?**
Elle répond que sa conseillère « avait plus de temps » et l'a aidée à régler la garde de son enfant avant de parler de travail : dossier de place en crèche, contact avec l'assistante sociale. « Avant, on me donnait des offres ; là, on a commencé par le problème. »
## Ce qu'elle a fait
- un bilan de compétences simplifié à la Mission locale ;
- une immersion d'une semaine dans un EHPAD, qui l'a décidée à viser le métier d'agent de service hospitalier ;
- une formation courte en hygiène des locaux, financée par la Région ;
- plusieurs entretiens d'embauche préparés avec la conseillère.
Elle a signé un CDD de huit mois dans une maison de retraite et en est à son deuxième mois ; la conseillère l'appelle régulièrement et a rencontré la responsable de l'établissement.
## Ce qu'elle en pense
Elle juge l'accompagnement « sérieux » et dit avoir eu « quelqu'un qui croyait en moi ». Elle a moins apprécié l'atelier collectif : « on était quatre, personne ne parlait ». Elle a reçu une aide pour la restauration au moment de l'embauche, « mais trop tard, j'avais déjà emprunté à ma sœur pour les premiers repas ».
"#;

const ARML: &str = r#"
## Le pilotage régional en Aquitaine
La déléguée de l'ARML décrit un pilotage régional « régulier mais peu opérationnel » : un comité se réunit tous les deux mois avec la DIRECCTE, les partenaires sociaux (MEDEF, CFDT, UPA), Pôle emploi et l'APEC. L'ordre du jour porte sur la montée en charge des entrées et, depuis 2013, sur les sorties. « On regarde des tableaux, on commente les écarts, et chacun repart avec ses problèmes. »
**Les territoires ont-ils été associés ?**
Elle cite l'initiative de l'unité territoriale de la Dordogne, qui a réuni les acteurs locaux à l'échelle de l'arrondissement : « une exception dans la région, et une bonne intuition, même si la réunion a peu mobilisé ». Ailleurs, l'animation territoriale est restée inexistante.
## Financement et difficultés de gestion
La déléguée confirme que la modification des règles de paiement des phases 1 et 2 a créé de la confusion dans plusieurs Missions locales aquitaines : certaines ont facturé selon l'ancienne règle et ont dû régulariser. Elle estime que la logique de paiement à la sortie positive place les Missions locales dans une position de prestataire qu'elles vivent mal.
## Reporting et Parcours III
- les définitions de l'entrée et de la sortie ont été précisées tardivement ;
- les structures ont tenu des tableaux Excel en parallèle de Parcours III jusqu'au printemps 2012 ;
- les écarts entre sources ont nourri des échanges « pénibles » avec la DIRECCTE.
## Le stop and go
Elle décrit la fin 2012 comme « la période la plus difficile » : plusieurs structures ont suspendu les entrées pendant deux à trois mois, et une Mission locale a réaffecté ses référents sur les emplois d'avenir. Quand les entrées ont rouvert, « il a fallu tout relancer, y compris auprès des partenaires qui nous orientaient des jeunes ».
## Les aides et la relation entreprises
La déléguée indique que l'information sur les aides ANI est arrivée dans le réseau « plusieurs mois après leur création » et que le circuit par Pôle emploi a découragé des conseillers. Sur les entreprises, elle constate l'absence de démarche régionale avec les branches : les partenaires sociaux présents au comité ont soutenu le dispositif « sans relais concret dans leurs réseaux ».
## Regard d'ensemble
Elle juge l'ANI utile pour les jeunes les plus éloignés, à condition d'être « fondu » dans l'offre de la Mission locale : « on ne devrait pas avoir à expliquer au jeune dans quelle case il est ».
"#;

const MEDEF: &str = r#"
## Connaissance du dispositif
Le chargé de mission emploi-formation du MEDEF départemental connaît l'ANI comme « un accord national interprofessionnel » dont son organisation est signataire ; il participe au comité régional de suivi. Il reconnaît que les adhérents, eux, ne connaissent pas le dispositif : « un chef d'entreprise ne recrute pas un ANI, il recrute un jeune ».
**Quel rôle votre organisation a-t-elle joué localement ?**
Il indique avoir relayé l'information dans une lettre aux adhérents en 2012, sans retour notable. Il a été invité à la réunion de l'unité territoriale de la DIRECCTE mais n'a pu s'y rendre. Il admet qu'aucune action spécifique n'a été construite avec la Mission locale autour de l'ANI.
## Regard sur les jeunes et les employeurs
- les entreprises locales (agroalimentaire, bâtiment, services à la personne) peinent à recruter, mais demandent « un minimum de savoir-être » ;
- les immersions en entreprise sont, selon lui, le meilleur moyen de rassurer un employeur : « quand le patron a vu le jeune travailler trois jours, la moitié du chemin est faite » ;
- le suivi du jeune après l'embauche est apprécié quand il existe, mais les employeurs ne savent pas toujours qu'il est prévu.
## Sur le pilotage
Il juge les comités régionaux « trop centrés sur les chiffres d'entrée ». Il aurait souhaité qu'on y parle des métiers qui recrutent et des besoins des entreprises du territoire, ce qui était, selon lui, l'esprit de l'accord. Il évoque aussi le stop and go, qui a « donné l'image d'un dispositif qui s'arrête » auprès des quelques employeurs informés.
## Pistes
Le chargé de mission propose d'organiser des rencontres entre conseillers et chefs d'entreprise par filière, et d'associer les OPCA pour ouvrir l'alternance aux jeunes accompagnés. « Les moyens sont là, c'est la rencontre qui manque. »
"#;
