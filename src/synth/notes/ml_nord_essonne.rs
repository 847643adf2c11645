//! Notes of the visit to the Mission locale Nord Essonne (3 October 2013): counsellors
//! dedicated to the ANI and a « club » where young people work on their project together.
//! Voice: analytic, the evaluator adds their own reading after each theme.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[
    NoteSpec {
        slug: "entretien_direction",
        title: "Entretien avec le directeur et la directrice adjointe",
        date: "2013-10-03",
        roles: &["Directeur", "Directrice adjointe"],
        setting: "entretien à deux voix, 1 h 30",
        format: Format::Markdown,
        body: DIRECTION,
    },
    NoteSpec {
        slug: "entretien_conseillers_dedies",
        title: "Entretien avec les trois conseillers dédiés à l'ANI",
        date: "2013-10-03",
        roles: &["Trois conseillers"],
        setting: "entretien collectif dans la salle du club, 1 h 50",
        format: Format::Word,
        body: CONSEILLERS,
    },
    NoteSpec {
        slug: "entretien_groupe_jeunes",
        title: "Entretien avec un groupe de jeunes du club",
        date: "2013-10-03",
        roles: &["Un groupe de jeunes"],
        setting: "entretien de groupe avec sept jeunes (18 à 24 ans), 1 h, sans les conseillers",
        format: Format::Markdown,
        body: JEUNES,
    },
    NoteSpec {
        slug: "note_club",
        title: "Note de l'évaluateur sur le fonctionnement du club",
        date: "2013-10-04",
        roles: &["Trois conseillers", "Un groupe de jeunes"],
        setting: "note rédigée le lendemain de la visite, à partir des entretiens, des supports du club et du planning remis par l'équipe",
        format: Format::Word,
        body: NOTE_CLUB,
    },
];

const DIRECTION: &str = r#"
## Un choix d'organisation assumé
Le directeur présente l'ANI comme l'occasion d'expérimenter « ce qu'on voulait faire depuis longtemps » : une équipe dédiée, un travail collectif avec les jeunes, un suivi resserré. Trois conseillers ont été affectés à plein temps au dispositif dès le printemps 2012, chacun avec un portefeuille d'une soixantaine de jeunes, conforme au cahier des charges. La directrice adjointe, qui encadre l'équipe, précise que les conseillers ont été choisis sur la base du volontariat parmi les salariés en poste, « pour leur goût de l'animation de groupe autant que pour leur expérience ».
**Pourquoi une équipe dédiée plutôt qu'une répartition dans tous les portefeuilles ?**
Le directeur avance trois raisons : tenir la fréquence d'entretiens (« impossible avec 120 jeunes en portefeuille »), donner une identité au club, et simplifier le reporting en concentrant la saisie sur trois personnes. Il reconnaît le revers : le jeune change de conseiller quand il entre dans l'ANI, ce qui demande une présentation soignée par le conseiller d'origine.
Analyse : l'organisation dédiée semble ici tenir à un projet pédagogique antérieur à l'ANI, que le dispositif a financé ; c'est moins l'ANI qui a produit l'innovation que l'innovation qui a trouvé dans l'ANI un financement.
## Entrée et prescription
- orientation par les conseillers généralistes, sur une fiche de liaison, après un premier diagnostic ;
- entretien d'entrée avec un conseiller dédié, puis participation à une séance d'accueil du club ;
- critères : jeune sans qualification, « motivé pour un travail en groupe », disponible ;
- environ un jeune sur cinq orienté refuse ou ne se présente pas ; la directrice adjointe y voit le prix d'une entrée exigeante.
La direction reconnaît la pression des objectifs au premier semestre 2012 et le fait d'avoir « pris un peu large » au début, avant de resserrer les critères.
## Financement, reporting et calendrier
Le directeur juge le financement suffisant pour l'équipe dédiée, mais fragile : « trois postes qui dépendent d'un avenant tous les six mois ». Le stop and go de la fin 2012 a été absorbé en maintenant l'équipe sur d'autres financements, au prix d'un club à moitié vide pendant deux mois. La directrice adjointe décrit une double saisie (Parcours III et tableau de suivi demandé par la DIRECCTE) qu'elle a confiée à une assistante, « sinon les conseillers y passaient leur vendredi ».
## Regard sur l'ANI
La direction estime que l'ANI a montré qu'un accompagnement collectif pouvait accrocher des jeunes « que le face-à-face lasse ». Elle regrette l'absence d'articulation avec Pôle emploi (« aucun échange sur l'ANI en deux ans ») et la superposition avec le CIVIS. Le directeur souhaiterait que le club devienne une modalité de droit commun de l'accompagnement renforcé.
Analyse : discours très construit, porté par une direction convaincue ; à confronter au point de vue des conseillers et des jeunes.
"#;

const CONSEILLERS: &str = r#"
## Le travail en équipe dédiée
Les trois conseillers (deux hommes, une femme, de 5 à 14 ans d'ancienneté) décrivent une équipe « soudée », qui partage la salle du club, le planning et les situations difficiles. Ils suivent chacun entre 55 et 62 jeunes. L'un d'eux résume : « on n'est plus seul face au jeune, on est trois et le groupe ».
**Comment s'organise une semaine type ?**
- deux demi-journées de club par semaine pour chaque groupe de dix à douze jeunes ;
- des entretiens individuels hebdomadaires les trois premiers mois, puis tous les quinze jours ;
- une demi-journée de prospection d'entreprises par conseiller et par semaine ;
- des contacts quotidiens par SMS et sur un groupe de discussion du club.
## Le club
Le club réunit des jeunes à différentes étapes : ceux qui arrivent aident à accueillir, ceux qui ont trouvé reviennent témoigner. Les séances alternent travail individuel (sur poste informatique, avec un conseiller qui circule) et temps collectifs (simulation d'entretien, enquête métier présentée au groupe, préparation d'une visite d'entreprise). Une conseillère insiste sur la coopération : « ils s'échangent les offres, ils se prêtent une veste pour un entretien, ils font du covoiturage ».
**Qu'est-ce que le collectif apporte que l'individuel n'apporte pas ?**
Les conseillers citent la confiance en soi, l'émulation et la découverte que les autres ont les mêmes difficultés : « ils se rendent compte qu'ils ne sont pas seuls, et que ceux qui trouvent sont ceux qui se bougent ». Ils reconnaissent que certains jeunes ne supportent pas le groupe ; ceux-là restent en suivi individuel.
## Immersions et entreprises
Les immersions sont mobilisées pour presque tous les jeunes, souvent deux ou trois par parcours. Les conseillers ont constitué un fichier d'une quarantaine d'employeurs (logistique de l'aéroport et des zones d'activité, restauration collective, grande distribution) qui accueillent des jeunes du club. Ils organisent des visites d'entreprise en groupe. Ils notent que les employeurs ne connaissent pas l'ANI, mais connaissent « le club de la Mission locale ».
## Aides, freins et phase 3
- les aides ANI ont été utilisées une dizaine de fois, surtout pour la restauration et les transports au début de l'emploi ; arrivées « trop tard » pour les frais d'avant embauche ;
- les freins les plus fréquents : transports (horaires décalés de la logistique), logement chez les parents en suroccupation, dettes ;
- en phase 3, appel toutes les deux semaines et retour au club une fois par mois pour un « café des anciens », que les jeunes fréquentent inégalement.
## Ce qui a été difficile
Le stop and go : fin 2012, le club s'est vidé faute de nouvelles entrées, « on avait des séances à quatre, l'effet groupe disparaît ». Le reporting : les conseillers jugent la saisie allégée grâce à l'assistante, mais les changements de définitions ont obligé à reprendre des dossiers.
## Leur regard
Les trois conseillers souhaitent la poursuite de l'ANI, « ou de n'importe quel dispositif qui nous laisse travailler comme ça ». Ils redoutent un retour à des portefeuilles de 120 jeunes.
"#;

const JEUNES: &str = r#"
## Le groupe rencontré
Sept jeunes (quatre garçons, trois filles, de 18 à 24 ans) présents au club ce jour-là ; deux ont trouvé un emploi et sont venus pour l'occasion. L'échange a lieu sans les conseillers, autour de la grande table du club. Les jeunes parlent librement, parfois tous en même temps.
**Comment êtes-vous arrivés au club ?**
Tous ont été orientés par leur conseiller habituel. Plusieurs disent avoir hésité : « au début je pensais que c'était un truc de l'école, un cours » (un jeune de 19 ans). Aucun ne connaît le mot ANI ; ils parlent « du club ».
**Qu'est-ce qui vous plaît ?**
- « on n'est pas tout seul à chercher » (une jeune femme de 21 ans) ;
- les simulations d'entretien devant le groupe, « stressantes mais utiles » ;
- les visites d'entreprise et les immersions : « j'ai su que je voulais faire de la logistique en voyant l'entrepôt » (un jeune de 20 ans) ;
- la disponibilité des conseillers, joignables par SMS.
**Qu'est-ce qui vous plaît moins ?**
- les horaires du matin pour ceux qui viennent de loin, en bus ;
- les séances « où on ne fait que remplir des papiers » ;
- le fait de devoir raconter sa situation devant les autres : une jeune femme dit avoir préféré les entretiens individuels les premières semaines.
## Parcours évoqués
- un jeune de 22 ans, en CDD de neuf mois comme préparateur de commandes après deux immersions, suivi en phase 3 : « mon conseiller m'appelle, et je repasse au club le jeudi » ;
- une jeune femme de 24 ans, entrée en formation qualifiante d'agent de restauration après une enquête métier présentée au groupe ;
- un jeune de 18 ans, au club depuis deux mois, qui cherche encore sa voie et dit venir « pour voir du monde ».
## Les aides
Deux jeunes ont reçu une aide au moment de l'embauche ; l'un précise qu'elle est arrivée « après la première paie ». Les autres n'en ont pas entendu parler.
## Ce qu'ils changeraient
Les jeunes demandent plus d'offres d'emploi, des horaires plus souples et la possibilité de rester au club « même après six mois de travail ». L'un conclut : « ici on nous parle comme à des adultes ».
"#;

const NOTE_CLUB: &str = r#"
## Objet de la note
Cette note rassemble ce que la visite a permis de comprendre du « club » mis en place pour les jeunes de l'ANI, pratique repérée comme intéressante au sens de l'objectif de capitalisation de l'évaluation. Elle s'appuie sur les entretiens de la journée, sur le planning des séances et sur les supports remis par l'équipe (livret d'accueil, grille d'enquête métier).
## Principe
Le club est un collectif de jeunes accompagnés ensemble, avec une pédagogie qui combine individualisation et coopération : chaque jeune avance sur son propre projet et sa propre recherche, mais le fait en présence des autres, qui l'aident et qu'il aide. Il ne remplace pas l'entretien individuel, qui reste hebdomadaire au début, mais il en change la nature : l'entretien devient un point d'étape sur un travail fait au club.
## Déroulement d'un parcours
- accueil : séance de présentation, signature du contrat d'engagement, choix d'un « binôme » parmi les anciens ;
- phase de projet (quatre à huit semaines) : enquêtes métiers présentées au groupe, immersions, visites d'entreprise ;
- phase de recherche : ciblage des entreprises, candidatures préparées en commun, simulations d'entretien filmées ;
- phase 3 : suivi téléphonique par le conseiller, retour mensuel au club pour témoigner.
## Conditions de fonctionnement
- une équipe dédiée et stable, qui partage une salle et un planning ;
- des groupes de dix à douze jeunes, avec des entrées régulières pour que l'effet groupe se maintienne ;
- un fichier d'employeurs qui accueillent des immersions et des visites ;
- une assistante qui prend en charge la saisie, libérant du temps d'animation.
## Limites observées
- le club ne convient pas à tous : les jeunes qui ne supportent pas le regard du groupe restent en individuel ;
- il dépend de flux d'entrée réguliers : le stop and go de la fin 2012 a failli le faire disparaître ;
- il suppose des conseillers à l'aise dans l'animation, ce qui n'est pas le profil de tous ;
- les effets sur l'emploi ne peuvent être isolés avec les données disponibles.
## Éléments d'analyse
Le club illustre l'idée, entendue sur plusieurs sites, que le caractère renforcé de l'accompagnement tient autant à l'intensité du lien qu'au contenu des actions. Il montre aussi qu'une pratique collective peut être appréciée des jeunes, contrairement à ce que suggèrent les ateliers classiques, à condition d'être construite autour de leurs projets plutôt que de techniques de recherche d'emploi. À rapprocher du fonctionnement en club observé sur un site Pôle emploi, plus court et plus centré sur la recherche.
"#;
