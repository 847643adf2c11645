//! Notes of the visit to Pôle emploi Alençon (17 October 2013): an ANI team inside the
//! specialised agency (A2S), two counsellors, two young people, and the regional and
//! territorial management. Voice: notes following the interview grid, theme by theme.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[
    NoteSpec {
        slug: "entretien_direction_a2s",
        title: "Entretien avec la direction de l'A2S",
        date: "2013-10-17",
        roles: &["Direction de l'A2S"],
        setting: "entretien avec le directeur de l'agence de services spécialisés, 1 h 30",
        format: Format::Word,
        body: DIRECTION,
    },
    NoteSpec {
        slug: "entretien_conseillers_ani",
        title: "Entretien avec les deux conseillers ANI",
        date: "2013-10-17",
        roles: &["Deux conseillers ANI"],
        setting: "entretien collectif, 1 h 45",
        format: Format::Markdown,
        body: CONSEILLERS,
    },
    NoteSpec {
        slug: "entretien_jeune_24_ans",
        title: "Entretien avec une jeune femme de 24 ans",
        date: "2013-10-17",
        roles: &["Jeune (24 ans)"],
        setting: "entretien individuel, 30 min",
        format: Format::Markdown,
        body: JEUNE_24,
    },
    NoteSpec {
        slug: "entretien_jeune_21_ans",
        title: "Entretien avec un jeune de 21 ans",
        date: "2013-10-17",
        roles: &["Jeune (21 ans)"],
        setting: "entretien individuel, 25 min",
        format: Format::Word,
        body: JEUNE_21,
    },
    NoteSpec {
        slug: "entretien_dr_dt",
        title: "Entretien avec la direction régionale et la direction territoriale",
        date: "2013-10-23",
        roles: &[
            "Direction régionale Pôle emploi",
            "Direction territoriale Pôle emploi",
        ],
        setting: "entretien téléphonique à trois voix, 1 h",
        format: Format::Word,
        body: DR_DT,
    },
    NoteSpec {
        slug: "entretien_direccte",
        title: "Entretien avec la chargée de mission de la DIRECCTE Basse-Normandie",
        date: "2013-10-24",
        roles: &["DIRECCTE"],
        setting: "entretien téléphonique, 35 min",
        format: Format::Markdown,
        body: DIRECCTE,
    },
];

const DIRECTION: &str = r#"
## Thème 1 — Mise en place de l'équipe
Le directeur de l'A2S rappelle que l'agence accueille les équipes d'accompagnement spécialisé du département : CSP, accompagnement renforcé, et depuis janvier 2012 l'équipe ANI. Deux conseillers à temps plein y sont dédiés, choisis parmi des agents volontaires en CDI ayant déjà pratiqué l'accompagnement renforcé. Un troisième poste, occupé par un CDD de profil animateur, a aidé au lancement (requêtes, relances, organisation des informations collectives) avant d'être supprimé fin 2012.
**Pourquoi regrouper l'équipe à l'A2S ?**
Pour le directeur, le regroupement garantit l'homogénéité des pratiques et le respect du portefeuille de 50 jeunes par conseiller. Il en voit aussi la limite : l'A2S est loin des agences de proximité, et les conseillers des autres agences « oublient » d'orienter. Les conseillers ANI tiennent donc des permanences mensuelles dans deux agences du département.
## Thème 2 — Identification et entrée des jeunes
- en 2012, repérage par le code ACJ00 et par requêtes sur les fichiers de demandeurs d'emploi de moins de 26 ans diplômés ;
- envoi de convocations à des informations collectives : « beaucoup de chaises vides », car les jeunes ne savaient pas pourquoi ils étaient convoqués ;
- depuis mi-2012, orientation par le conseiller de l'agence, après présentation individuelle du dispositif ; le taux de présence s'est nettement amélioré ;
- charte d'adhésion signée au premier entretien.
## Thème 3 — Pilotage et reporting
Le directeur juge l'extranet dédié « peu ergonomique » et inadapté au pilotage : l'équipe tient son propre tableau Excel, discuté chaque mois avec la direction territoriale. Il estime à une demi-journée par semaine le temps de reporting pour l'équipe. Il reconnaît que les indicateurs régionaux (entrées, passages en phase 3, sorties en emploi durable) ont « tiré l'équipe vers le haut ».
## Thème 4 — Calendrier et continuité
Lors du stop and go du second semestre 2012, la direction régionale a décidé de maintenir le dispositif et des entrées progressives pour garder l'équipe constituée : « sans cette décision, les deux conseillers seraient retournés en agence et on aurait tout perdu ». Le directeur qualifie la période de « casse-tête » pour l'organisation des plannings.
## Thème 5 — Regard sur le dispositif
Le directeur estime que l'ANI est bien intégré à l'offre de service de Pôle emploi, proche de Cap vers l'entreprise, et que l'intensité de l'accompagnement fait la différence. Il regrette le peu de lien avec les employeurs du bassin, « nous avons fait plus de mises en relation, pas de partenariats nouveaux », et l'absence de contact avec la Mission locale sur le sujet.
"#;

const CONSEILLERS: &str = r#"
## Thème 1 — Profil et portefeuille
Les deux conseillers (un homme et une femme, plus de dix ans à Pôle emploi) se sont portés volontaires « pour retrouver le cœur du métier ». Ils suivent chacun une cinquantaine de jeunes, parfois 55 en période d'entrées groupées. Ils disent avoir été formés deux jours au lancement, « surtout sur l'extranet ».
## Thème 2 — Entrée et diagnostic
**Quel est le profil des jeunes accompagnés ?**
Des jeunes de 20 à 25 ans, diplômés (bac professionnel, BTS, parfois licence), avec des parcours hachés : intérim, CDD courts, périodes de chômage. Beaucoup « ont perdu confiance » après des refus répétés. Le diagnostic du premier mois porte sur le projet, les compétences transférables et les freins (mobilité surtout, dans un département rural).
## Thème 3 — Rythme et contenu de l'accompagnement
- un contact par semaine au minimum (téléphone, courriel) et deux entretiens physiques par mois ;
- les conseillers donnent leur numéro de ligne directe, « ce qui ne se fait pas d'habitude à Pôle emploi » ;
- ateliers : cycle de quatre demi-journées sur les techniques de recherche d'emploi à l'entrée, puis ateliers à la carte ;
- EMT quasi systématiques pour valider un projet ou convaincre un employeur ;
- enquêtes professionnelles réalisées par le jeune auprès de professionnels ;
- mobilisation des prestations internes : méthode de recrutement par simulation, service d'orientation.
**La formation est-elle mobilisée ?**
Peu : « six mois, c'est trop court pour penser formation », sauf AFPR ou POE liées à une embauche.
## Thème 4 — Relation entreprises
Les conseillers prospectent les employeurs par téléphone pour des jeunes précis, présentent des candidatures, participent aux forums de l'emploi. Ils constatent que la relation n'est « pas différente » de celle des conseillers à dominante entreprise, mais plus dense : plus de mises en relation par jeune. Les employeurs ne connaissent pas l'ANI.
## Thème 5 — Phase 3 et aides
En phase 3, le suivi se limite souvent à la période d'essai : un appel au jeune toutes les deux semaines, rarement un contact avec l'employeur. Les aides ANI ont été mobilisées une douzaine de fois (restauration, soutien exceptionnel), mais les conseillers les jugent tardives : « le jeune a besoin de s'acheter des chaussures de sécurité avant l'embauche, pas après ».
## Thème 6 — Perceptions
Les deux conseillers jugent le dispositif efficace, mais regrettent la durée de six mois pour des jeunes qui ont travaillé pendant l'accompagnement : « on aimerait pouvoir renouveler quand le jeune a fait des missions courtes ». Ils vivent mal le reporting dans l'extranet, « une double saisie pure ». Ils souhaitent la pérennisation.
"#;

const JEUNE_24: &str = r#"
## Parcours
Titulaire d'un BTS assistant de gestion, la jeune femme a enchaîné pendant deux ans des missions d'intérim et des CDD de remplacement. Elle est entrée dans l'ANI il y a quatre mois, orientée par sa conseillère d'agence qui lui a présenté « un suivi plus poussé ».
**Qu'est-ce qui est différent du suivi habituel ?**
« Avant, je voyais quelqu'un tous les trois mois, là c'est toutes les deux semaines, et je peux appeler. » Elle souligne la qualité de l'écoute et le travail sur ses candidatures : lettre réécrite, CV refait, ciblage d'entreprises de taille moyenne.
## Actions
- un atelier sur l'entretien d'embauche, « utile pour ne plus paniquer » ;
- une EMT de deux semaines dans un cabinet comptable ;
- deux mises en relation sur des offres, dont une en cours.
## Avis
Elle apprécie les rendez-vous réguliers et les offres proposées par le conseiller, moins les ateliers collectifs : « on était mélangés avec des gens qui n'avaient rien à voir ». Elle dit ne pas savoir ce que veut dire « ANI ».
"#;

const JEUNE_21: &str = r#"
## Parcours
Le jeune homme, titulaire d'un bac professionnel en maintenance industrielle, a perdu son emploi en intérim dans une usine de plasturgie. Il est entré dans l'ANI en avril et travaille depuis un mois en CDI comme technicien de maintenance, après une EMT dans l'entreprise.
**Comment avez-vous trouvé cet emploi ?**
Par son conseiller, qui a contacté l'entreprise et proposé une évaluation en milieu de travail : « le patron m'a vu travailler une semaine, après il n'a pas hésité ».
## Suivi dans l'emploi
Il est en phase 3 : le conseiller l'a appelé deux fois depuis l'embauche. Il a bénéficié d'une aide pour ses frais de repas, arrivée trois semaines après sa prise de poste. Il aurait préféré une aide pour le permis, qu'il n'a pas encore.
## Avis
Il juge l'accompagnement « sérieux, on sent que le conseiller a du temps ». Il aurait aimé être orienté plus tôt : « j'ai perdu un an en intérim ».
"#;

const DR_DT: &str = r#"
## Rôle de la direction régionale
La chargée de mission régionale décrit un rôle d'impulsion : répartition des volumes de jeunes entre territoires, affectation des postes de conseillers, suivi des indicateurs de performance et animation d'un réseau des équipes ANI (deux réunions par an, échanges de pratiques). Elle confirme la décision de maintenir les équipes et des entrées progressives au second semestre 2012 : « on savait que si on dispersait les équipes, on ne les reconstituerait pas ».
**Comment les objectifs ont-ils été répartis ?**
Selon le poids des demandeurs d'emploi de moins de 26 ans diplômés dans chaque territoire, avec un ajustement en cours d'année selon les entrées réalisées.
## Rôle de la direction territoriale
Le responsable territorial suit la mise en œuvre avec le directeur de l'A2S : revue mensuelle du tableau de bord, relances des agences qui orientent peu, organisation des permanences des conseillers ANI dans les agences de proximité. Il reconnaît que l'extranet ne permet pas ce pilotage : « on travaille sur les tableaux Excel des équipes ».
## Constats partagés
- entrées conformes aux objectifs, après un démarrage lent en 2012 ;
- bons taux de retour à l'emploi, mais une part d'emplois courts ;
- relation entreprises plus dense mais sans innovation, aucune démarche vers les branches au niveau régional ;
- absence de lien avec les Missions locales sur l'ANI, malgré un comité régional animé par la DIRECCTE.
## Perspectives
Les deux interlocuteurs souhaitent la pérennisation du dispositif et plaident pour une durée d'accompagnement plus souple. Ils évoquent la possibilité d'intégrer les pratiques de l'ANI dans l'offre de droit commun pour les jeunes.
"#;

const DIRECCTE: &str = r#"
## Place de la DIRECCTE sur l'article 3
La chargée de mission indique que la DIRECCTE suit surtout l'article 1 (Missions locales) et n'a qu'une vision indirecte de l'article 3 mis en œuvre par Pôle emploi : « Pôle emploi nous présente ses chiffres au comité, nous n'avons pas de prise sur son organisation ».
**Le comité régional a-t-il permis de rapprocher les deux réseaux ?**
Peu : les deux opérateurs présentent leurs résultats l'un après l'autre. Aucune règle commune d'orientation n'a été fixée ; chaque réseau vérifie simplement qu'un jeune n'est pas suivi par l'autre.
## Constats
- les publics sont différents (diplômés à Pôle emploi, décrocheurs en Mission locale), ce qui limite les recouvrements ;
- le stop and go a touché davantage les Missions locales que Pôle emploi, « qui a pu maintenir ses équipes » ;
- les aides ANI sont peu connues des acteurs et gérées par un service de Pôle emploi distinct de celui qui pilote le dispositif.
## Regard
Elle juge l'ANI utile mais peu visible : « les élus et les partenaires locaux ne savent pas qu'il existe ». Elle regrette que les partenaires sociaux régionaux n'aient pas été plus présents sur la relation avec les entreprises.
"#;
