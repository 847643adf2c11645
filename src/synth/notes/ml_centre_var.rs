//! Notes of the visit to the Mission locale Centre Var (26 September 2013): a site split
//! into sectors, an observed interview, a regional follow-up committee chaired by the
//! DIRECCTE in Provence-Alpes-Côte d'Azur. Voice: terse working notes, many bullets.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[
    NoteSpec {
        slug: "entretien_directeur",
        title: "Entretien avec le directeur",
        date: "2013-09-26",
        roles: &["Directeur"],
        setting: "entretien individuel, 1 h 15",
        format: Format::Markdown,
        body: DIRECTEUR,
    },
    NoteSpec {
        slug: "entretien_responsable_secteur",
        title: "Entretien avec la responsable de secteur",
        date: "2013-09-26",
        roles: &["Responsable de secteur"],
        setting: "entretien individuel, 1 h",
        format: Format::Word,
        body: RESPONSABLE,
    },
    NoteSpec {
        slug: "entretien_conseillers",
        title: "Entretien avec trois conseillers",
        date: "2013-09-26",
        roles: &["Trois conseillers"],
        setting: "entretien collectif, 1 h 30",
        format: Format::Markdown,
        body: CONSEILLERS,
    },
    NoteSpec {
        slug: "observation_entretien",
        title: "Observation d'un entretien de phase 2",
        date: "2013-09-26",
        roles: &["Observation d'un entretien", "Conseiller", "Jeune (18 ans)"],
        setting: "observation non participante, 45 min, avec l'accord du jeune",
        format: Format::Word,
        body: OBSERVATION,
    },
    NoteSpec {
        slug: "entretien_arml_paca",
        title: "Entretien avec le délégué général et le référent Parcours III de l'ARML",
        date: "2013-09-27",
        roles: &["ARML (délégué général et référent Parcours III)"],
        setting: "entretien dans les locaux de l'ARML, 1 h 30",
        format: Format::Word,
        body: ARML,
    },
    NoteSpec {
        slug: "entretien_direccte",
        title: "Entretien avec le référent ANI de la DIRECCTE",
        date: "2013-10-01",
        roles: &["DIRECCTE"],
        setting: "entretien téléphonique, 45 min",
        format: Format::Markdown,
        body: DIRECCTE,
    },
    NoteSpec {
        slug: "entretien_cfdt",
        title: "Entretien avec la représentante de la CFDT",
        date: "2013-10-02",
        roles: &["CFDT"],
        setting: "entretien téléphonique, 30 min",
        format: Format::Word,
        body: CFDT,
    },
];

const DIRECTEUR: &str = r#"
## Cadrage
- structure de taille moyenne, trois antennes + permanences en zone rurale ; public jeune, forte part de décrocheurs ;
- ANI lancé en février 2012 après réponse à l'appel à projets régional ; objectif initial revu à la hausse en 2013 ;
- pas de conseillers dédiés : « l'ANI est une modalité de l'accompagnement renforcé, pas un service ».
## Organisation
- jeunes ANI répartis dans les portefeuilles de tous les conseillers, pilotage par la responsable de secteur ;
- portefeuilles chargés (90 à 110 jeunes actifs par conseiller, dont 10 à 15 en ANI) → le plafond de 60 n'a « pas de sens » dans une organisation non dédiée ;
- réunion hebdomadaire de secteur : point sur les entrées, les passages en phase 3, les sorties.
**Q : Pourquoi ne pas avoir dédié des conseillers ?**
Le directeur : volume trop faible pour un poste plein dans chaque antenne ; crainte de créer « une Mission locale dans la Mission locale » ; continuité du référent pour le jeune (« on ne change pas de conseiller parce qu'on change de dispositif »).
## Pilotage et financement
- comité de suivi régional présidé par la DIRECCTE, « bien tenu » mais centré sur les chiffres ;
- le directeur y voit l'intérêt de réunir autour d'une table les Rectorats, la Région, Pôle emploi et les syndicats : « c'est le seul endroit où l'Éducation nationale parle des décrocheurs avec nous » ;
- financement : 1 500 € par jeune jugé supérieur au CIVIS, mais paiement par tranches et solde à la sortie positive → « on travaille à crédit » ;
- stop and go fin 2012 : entrées gelées environ dix semaines, liste d'attente de 25 jeunes, dont une partie « perdue ».
## Regard
- l'ANI n'a pas changé les pratiques : « il a donné du temps, pas des idées » ;
- vraie plus-value = phase 3, suivi dans l'emploi que le CIVIS ne finance pas ;
- souhait : un seul accompagnement renforcé, durée modulable, financement stable.
"#;

const RESPONSABLE: &str = r#"
## Rôle
La responsable de secteur coordonne l'ANI sur les trois antennes : validation des entrées, suivi des phases, lien avec l'ARML pour les questions de saisie. Elle consacre « un bon tiers » de son temps au dispositif.
## Entrées et prescription
- orientation par les conseillers, après un premier entretien de diagnostic ; critères : niveau VI à V bis, moins de 26 ans, « capable de venir toutes les semaines » ;
- repérage complémentaire via la plateforme de suivi et d'appui aux décrocheurs, animée avec l'Éducation nationale → quelques jeunes, « difficiles à accrocher » ;
- pression sur les objectifs au premier semestre 2012 : des entrées « un peu forcées », avec des jeunes qui ont décroché dès la phase 2.
**Q : Comment tenez-vous la fréquence d'entretiens prévue ?**
Elle reconnaît que l'engagement (un entretien par semaine pendant trois mois, puis deux par mois) n'est tenu que pour la moitié des jeunes environ. Elle a mis en place un tableau de bord par conseiller pour repérer les jeunes non vus depuis trois semaines.
## Reporting
- saisie des actes dans Parcours III + tableau Excel de suivi des phases, « parce que Parcours III ne sait pas nous dire qui doit passer en phase 3 » ;
- remontées mensuelles à l'ARML ; contrôles de cohérence « chronophages ».
## Aides et entreprises
- aides ANI connues tardivement (printemps 2012), peu utilisées : trois demandes, deux accordées ;
- relations entreprises inchangées ; un chargé de relations entreprises pour toute la structure, très mobilisé par les emplois d'avenir depuis le début 2013.
## Phase 3
- appel mensuel minimum, visite en entreprise quand l'employeur est un partenaire habituel ;
- difficulté : jeunes qui « ne répondent plus » une fois en emploi, ce qui complique la preuve de la sortie positive.
"#;

const CONSEILLERS: &str = r#"
## Présentation
3 conseillers (2 femmes, 1 homme), ancienneté de 4 à 12 ans. Chacun suit une douzaine de jeunes en ANI au sein d'un portefeuille large.
## Pratiques d'accompagnement
- 1er entretien = diagnostic + contrat d'engagement, signé « pour marquer le coup » ;
- entretiens hebdo les premières semaines, puis selon le jeune : « si rien n'a bougé, je ne vais pas le faire venir pour lui dire que rien n'a bougé » ;
- contacts SMS très fréquents ; un conseiller envoie les offres par SMS chaque lundi ;
- immersions : outil central, conventions signées par la Mission locale ; au début de l'ANI, difficulté à conventionner directement → résolue depuis, « mais ça a marqué » ;
- ateliers : atelier CV hebdomadaire ouvert à tous, atelier « job dating » trimestriel ; rien de propre à l'ANI.
**Q : Qu'est-ce que l'ANI vous permet de faire en plus ?**
- « aller chercher » le jeune : visite à domicile, rencontre avec un éducateur de prévention ;
- accompagner physiquement à un entretien d'embauche ou à une inscription en formation ;
- suivre le jeune dans l'emploi six mois : « en CIVIS, on le perd de vue dès qu'il signe ».
## Freins
- mobilité (territoire étendu, bus rares), logement, addictions pour quelques jeunes ;
- aides ANI : « trop tard et trop compliqué », arrivent à l'embauche quand le besoin est avant ; recours au FAJ ;
- saisie : « on passe plus de temps à justifier qu'à accompagner » (un conseiller, approuvé par les deux autres).
## Employeurs
- secteurs : grande distribution, restauration, BTP, espaces verts ;
- pas de partenariat nouveau lié à l'ANI ; les employeurs « ne savent pas ce que c'est » ;
- les employeurs apprécient les immersions préalables, « ça les rassure ».
## Perceptions
- ANI jugé efficace, mais « comme le CIVIS renforcé avec plus de papiers » ;
- stop and go : « on a dû dire à des jeunes de revenir dans trois mois » ;
- souhait d'un seul dispositif modulable.
"#;

const OBSERVATION: &str = r#"
## Cadre de l'observation
Entretien de phase 2 entre un conseiller (huit ans d'ancienneté) et un jeune homme de 18 ans entré dans l'ANI il y a quatre mois. Bureau individuel, porte fermée ; l'évaluateur est installé en retrait. Le jeune a accepté la présence d'un observateur.
## Déroulé
- 0–5 min : accueil, nouvelles de la semaine ; le jeune a manqué le rendez-vous précédent, le conseiller le relève sans reproche : « tu m'as envoyé un message, c'est bien, c'est ce qu'on avait dit » ;
- 5–20 min : retour sur l'immersion de trois jours chez un paysagiste ; le jeune est enthousiaste mais inquiet des horaires (début à 7 h, pas de bus) ; le conseiller propose de chercher un covoiturage et de contacter l'association qui loue des scooters ;
- 20–35 min : recherche d'offres sur le poste informatique du bureau ; deux offres repérées, dont une en contrat d'apprentissage ; le conseiller appelle l'employeur devant le jeune et obtient un rendez-vous ;
- 35–45 min : préparation de l'entretien (tenue, questions probables), fixation du prochain rendez-vous dans huit jours.
## Points notables
- relation chaleureuse, tutoiement réciproque, humour ;
- le conseiller agit directement auprès de l'employeur, ce que le jeune n'aurait pas fait seul ;
- le conseiller saisit l'entretien dans Parcours III après le départ du jeune (6 minutes) ;
- aucune mention du nom du dispositif pendant l'entretien.
## Échange après l'entretien
Le conseiller indique que ce jeune « aurait décroché en CIVIS classique » : c'est la fréquence des rendez-vous et les relances qui l'ont maintenu. Il précise qu'en cas d'embauche, il l'appellera toutes les deux semaines pendant la phase 3 et passera voir l'employeur, qu'il connaît.
"#;

const ARML: &str = r#"
## Animation régionale
- le délégué général décrit un rôle d'animation et de capitalisation : rencontres régionales des référents, fiches de pratiques, échanges entre Missions locales ;
- les échanges ont porté sur l'entrée (critères, contrat), la phase 3 et la relation entreprises ;
- une lettre de capitalisation a présenté quelques parcours de jeunes aux partenaires sociaux, « davantage pour montrer que pour échanger ».
## Comité de suivi régional
Le comité présidé par la DIRECCTE réunit l'ARML, la direction régionale de Pôle emploi, l'APEC, les deux Rectorats, des représentants syndicaux et le Conseil régional, qui finance les plateformes de décrocheurs depuis 2010. Le délégué général y voit un lieu utile d'interconnaissance : « on a enfin mis autour de la table ceux qui repèrent les décrocheurs et ceux qui les accompagnent ».
**Q : Ce comité a-t-il permis une coordination avec Pôle emploi ?**
Non : chacun présente ses chiffres. Pas de règle commune d'orientation entre les deux réseaux sur l'ANI ; vérification au cas par cas qu'un jeune n'est pas suivi ailleurs.
## Parcours III et reporting (référent Parcours III)
- paramétrage ANI livré tardivement → tableaux Excel parallèles en 2012 ;
- erreurs fréquentes sur les dates de phase, corrigées manuellement ;
- les structures se plaignent de la double saisie et de définitions changeantes ;
- le référent a formé les référents ANI de chaque structure et répond « à une dizaine d'appels par semaine » en période de remontée.
## Stop and go et financement
- fin 2012 : suspension des entrées en attendant l'avenant ; certaines Missions locales ont continué à « pré-inscrire » des jeunes en CIVIS ;
- incompréhension autour des règles de paiement, solde à la sortie positive jugé « exigeant » pour ce public.
## Regard
L'ANI a renforcé le dialogue régional plus qu'il n'a transformé les pratiques ; le délégué général souhaite que les moyens soient maintenus dans un cadre unique d'accompagnement renforcé.
"#;

const DIRECCTE: &str = r#"
## Pilotage
- DIRECCTE : lancement de l'appel à projets, répartition des objectifs entre Missions locales, présidence du comité de suivi régional ;
- sous-préfets non impliqués : « ils nous ont laissé la main, comme d'habitude » ;
- unités territoriales peu présentes sur l'ANI, faute de temps.
**Q : Quels indicateurs suivez-vous ?**
Entrées par structure, passages en phase 2 et 3, sorties positives ; tableau consolidé mensuel à partir des remontées de l'ARML. Le référent reconnaît des écarts entre les chiffres de Parcours III et ceux des structures, « qui se sont réduits avec le temps ».
## Constats
- montée en charge lente en 2012, puis rattrapage ;
- stop and go : « on a demandé aux structures d'arrêter puis de repartir, ce n'est pas une façon de travailler » ;
- sorties positives correctes au regard du public, mais beaucoup de contrats courts non comptés ;
- entreprises peu associées : aucune démarche avec les branches, malgré la présence des partenaires sociaux au comité.
## Articulation
- recouvrement avec le CIVIS et, depuis 2013, concurrence des emplois d'avenir sur le temps des conseillers ;
- pas de lien structuré avec Pôle emploi sur l'ANI.
## Regard
Dispositif jugé utile pour les moyens qu'il apporte ; le référent doute qu'il ait un effet durable sur les pratiques, « sauf peut-être sur le suivi dans l'emploi ».
"#;

const CFDT: &str = r#"
## Point de vue syndical
La représentante de la CFDT siège au comité de suivi régional au titre des organisations de salariés. Elle rappelle que l'accord visait « les jeunes que personne ne regarde » et dit suivre le dispositif « avec attention et un peu de frustration ».
## Ce qu'elle retient du comité
- information régulière et transparente de la DIRECCTE sur les entrées et les sorties ;
- peu de place pour les échanges sur le contenu de l'accompagnement : « on voit des pourcentages, pas des jeunes » ;
- intérêt de la présence des Rectorats et de la Région, qui a permis de parler de décrochage scolaire.
**Q : Les partenaires sociaux ont-ils pu peser sur la mise en œuvre ?**
Peu, selon elle : les règles étaient fixées au niveau national, et le comité régional « constate plus qu'il ne décide ». Elle regrette que les organisations d'employeurs n'aient pas mobilisé leurs adhérents pour accueillir des jeunes en immersion ou en alternance.
## Sur le calendrier et le financement
- le stop and go est jugé « contraire à l'esprit de l'accord », qui voulait une continuité pour les jeunes ;
- le paiement à la sortie positive peut pousser à sélectionner les jeunes les plus proches de l'emploi ; elle n'en a pas de preuve mais « la question doit être posée ».
## Pistes
- associer davantage les salariés des entreprises d'accueil (tutorat, parrainage) ;
- mieux faire connaître les aides ANI, qu'elle découvre en partie pendant l'entretien ;
- conserver le suivi dans l'emploi de six mois, « la vraie nouveauté ».
"#;
