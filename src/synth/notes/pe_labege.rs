//! Notes of the visit to Pôle emploi Labège (4 October 2013): an ANI team in the A2S near
//! Toulouse, with its own team leader, pooled services (« regards croisés », MRS), joint work
//! with a second-chance school, and a monthly regional committee. Voice: brisk notes, an
//! observation grid, the young people's words kept close.

use super::{Format, NoteSpec};

pub(super) const NOTES: &[NoteSpec] = &[
    NoteSpec {
        slug: "entretien_responsable_a2s",
        title: "Entretien avec le responsable de l'A2S",
        date: "2013-10-04",
        roles: &["Responsable A2S"],
        setting: "entretien individuel, 1 h 10",
        format: Format::Word,
        body: RESPONSABLE_A2S,
    },
    NoteSpec {
        slug: "entretien_responsable_equipe",
        title: "Entretien avec la responsable de l'équipe ANI",
        date: "2013-10-04",
        roles: &["Responsable de l'équipe ANI"],
        setting: "entretien individuel, 1 h 30",
        format: Format::Markdown,
        body: RESPONSABLE_EQUIPE,
    },
    NoteSpec {
        slug: "entretien_conseilleres",
        title: "Entretien avec deux conseillères ANI",
        date: "2013-10-04",
        roles: &["Deux conseillères"],
        setting: "entretien collectif, 1 h 20",
        format: Format::Word,
        body: CONSEILLERES,
    },
    NoteSpec {
        slug: "observation_entretien",
        title: "Observation d'un entretien de diagnostic",
        date: "2013-10-04",
        roles: &[
            "Observation d'un entretien",
            "Conseillère",
            "Jeune (25 ans)",
        ],
        setting: "observation non participante, 50 min, avec l'accord de la jeune femme",
        format: Format::Markdown,
        body: OBSERVATION,
    },
    NoteSpec {
        slug: "entretiens_jeunes",
        title: "Entretiens avec deux jeunes accompagnés",
        date: "2013-10-04",
        roles: &["Deux jeunes"],
        setting: "deux entretiens individuels de 25 min",
        format: Format::Word,
        body: JEUNES,
    },
    NoteSpec {
        slug: "entretien_direction_regionale",
        title: "Entretien avec la direction régionale Midi-Pyrénées",
        date: "2013-10-09",
        roles: &["Direction régionale Pôle emploi"],
        setting: "entretien téléphonique, 50 min",
        format: Format::Markdown,
        body: DIRECTION_REGIONALE,
    },
];

const RESPONSABLE_A2S: &str = r#"
## L'A2S et l'équipe ANI
Le responsable de l'A2S présente une agence spécialisée qui regroupe plusieurs équipes d'accompagnement : CSP, accompagnement renforcé des demandeurs d'emploi de longue durée, club jeunes ZUS et, depuis janvier 2012, l'équipe ANI de l'agglomération. L'équipe ANI compte cinq conseillers et une responsable d'équipe ; trois conseillers sont des agents en CDI volontaires, deux ont été recrutés en CDD avec un profil d'animateur et se sont vu confier un portefeuille après quelques mois.
**Quel intérêt voyez-vous à regrouper ces équipes ?**
« La mutualisation. » Le responsable cite les ateliers communs entre l'équipe ANI et le club ZUS, qui mélangent les publics, les séances animées par des conseillers CSP sur les métiers de l'industrie, et le recours aux psychologues de l'équipe orientation pour des « regards croisés » sur un diagnostic difficile. Il reconnaît en contrepartie que l'A2S est éloignée de certaines agences, qui orientent moins.
## Pilotage
- revue mensuelle avec la direction territoriale : entrées, portefeuilles, passages en phase 3, sorties ;
- extranet jugé peu utile au pilotage : l'équipe tient ses propres tableaux Excel ;
- pression forte sur les entrées au premier semestre 2012, puis sur les sorties en emploi durable.
## Continuité et stop and go
Le responsable décrit le second semestre 2012 comme un « casse-tête » : il a dû occuper les conseillers sans entrées nouvelles, en les faisant contribuer à d'autres ateliers de l'A2S. La décision régionale de maintenir l'équipe a évité son éclatement. Il craint qu'un nouvel arrêt ne fasse partir les CDD, « qui sont devenus de très bons conseillers ».
## Regard
Pour le responsable, l'ANI a apporté à l'A2S une compétence sur les jeunes diplômés qu'elle n'avait pas. Il regrette l'absence de lien avec la Mission locale et avec les employeurs organisés : « on a fait beaucoup de mises en relation, aucun partenariat de branche ».
"#;

const RESPONSABLE_EQUIPE: &str = r#"
## Rôle de la responsable d'équipe
La responsable de l'équipe ANI anime cinq conseillers, suit les portefeuilles (50 jeunes au plus par conseiller, « tenu »), organise les informations collectives et fait le lien avec les agences qui orientent. Elle a elle-même été conseillère en accompagnement renforcé pendant six ans.
## Orientation et entrée
- 2012 : invitations par courrier aux jeunes repérés par le code ACJ00 → fort taux d'absence aux informations collectives ;
- depuis, présentation préalable par le conseiller de l'agence, puis information collective mensuelle dans l'agence de proximité, co-animée par un conseiller ANI et un conseiller de l'agence ;
- suivi des orientations par agence ; requêtes ciblées sur les agences qui orientent peu ; permanences d'un conseiller ANI dans deux agences, « parce qu'un conseiller qu'on croise à la machine à café oriente plus qu'une note de service » ;
- charte d'adhésion au premier entretien ; refus rares après information individuelle.
**Comment garantissez-vous la fréquence des contacts ?**
Par un point hebdomadaire sur les jeunes non vus depuis dix jours. La règle (un contact par semaine, deux rendez-vous par mois) est « globalement tenue », avec un creux en phase 3.
## Contenu de l'accompagnement
- cycle « socle » de quatre demi-journées à l'entrée : organisation de la recherche, points forts, préparation à l'entretien, ciblage des entreprises ;
- EMT quasi systématiques ;
- enquêtes professionnelles, parfois présentées au groupe ;
- actions communes avec l'École de la deuxième chance pour quelques jeunes sans projet ;
- parrainage par des professionnels via la maison de l'emploi, pour une dizaine de jeunes.
## Relations entreprises
La responsable organise des « rallyes emploi » : un binôme conseiller-jeune visite des entreprises d'une zone d'activité pour recueillir des offres. Elle parle de relations « plus denses, pas plus innovantes ».
## Aides et phase 3
Les aides ANI ont été connues tardivement et demandées une vingtaine de fois ; le circuit de validation, géré par un autre service, a pu prendre plusieurs semaines. La phase 3 dure en pratique jusqu'à la fin de la période d'essai, par téléphone.
## Regard
« Le dispositif marche parce qu'on a le temps. » Elle souhaite une durée plus souple et une reconnaissance des sorties en formation qualifiante.
"#;

const CONSEILLERES: &str = r#"
## Deux profils
La première conseillère, en CDI, a douze ans d'ancienneté et une longue pratique de l'accompagnement renforcé. La seconde a été recrutée en CDD au lancement, avec un profil d'animatrice socioculturelle ; elle a d'abord aidé aux requêtes et à l'organisation des informations collectives, puis a reçu un portefeuille après une formation de quelques semaines. Toutes deux suivent une cinquantaine de jeunes.
**Qu'apporte le profil d'animatrice à l'équipe ?**
La seconde conseillère anime la plupart des ateliers collectifs de l'équipe : « je sais tenir un groupe, faire parler ceux qui ne parlent pas ». Sa collègue reconnaît qu'elle a « appris des techniques d'animation » à son contact.
## L'accompagnement au quotidien
- deux rendez-vous par mois minimum, davantage au démarrage ;
- contacts hebdomadaires par courriel et par téléphone ; numéro direct donné aux jeunes ;
- ateliers à la carte ou « obligatoires » selon le parcours, ateliers communs avec le club jeunes ZUS ;
- EMT dès que le projet se précise, MRS pour des recrutements en nombre (logistique, aéronautique sous-traitance) ;
- regards croisés avec une psychologue de l'équipe orientation pour deux ou trois jeunes par an, « quand on tourne en rond ».
## Les jeunes et le collectif
Les conseillères constatent que les jeunes viennent « à reculons » aux ateliers, puis apprécient : « entre eux, ils se parlent de leur look, de leur façon de se présenter, ce qu'ils n'acceptent pas de nous ». Elles citent l'entraide (échange d'offres, covoiturage).
## Employeurs, aides et phase 3
- relation avec les employeurs inchangée dans sa nature, plus de mises en relation ;
- aides ANI : utiles mais « tardives », le besoin est avant l'embauche ;
- phase 3 courte, centrée sur la période d'essai, par téléphone ; rarement un contact avec l'employeur.
## Le reporting
Les deux conseillères jugent l'extranet « pénible » : double saisie, champs inadaptés, aucun retour utile. « On remplit pour la direction, pas pour nous. »
## Perceptions
Elles souhaitent la pérennisation. La conseillère en CDD s'inquiète pour son contrat : « à chaque stop and go, je me demande si je serai encore là ».
"#;

const OBSERVATION: &str = r#"
## Grille d'observation
- **Type :** entretien de diagnostic (deuxième entretien, phase 1)
- **Acteurs :** conseillère ANI en CDI ; jeune femme de 25 ans, licence de langues, trois ans de CDD et d'intérim
- **Durée :** 50 minutes
- **Lieu :** bureau individuel à l'A2S
## Déroulé
- reprise du parcours à partir du CV : la conseillère fait décrire chaque emploi en tâches concrètes (« qu'est-ce que vous faisiez le lundi matin ? ») ;
- repérage des compétences transférables : accueil de clientèle étrangère, gestion de planning, usage de logiciels de réservation ;
- exploration de pistes : assistante export, agent d'accueil dans l'aéroportuaire, tourisme d'affaires ;
- proposition d'une enquête professionnelle auprès de deux entreprises exportatrices et d'un atelier « socle » la semaine suivante ;
- rédaction d'un plan d'action provisoire, signé par les deux.
## Ce que l'on observe
- une posture d'écoute active, beaucoup de reformulations ;
- une conseillère qui valorise : « vous avez géré des réclamations en trois langues, c'est rare » ;
- la jeune femme, d'abord réservée, se redresse au fil de l'entretien ;
- aucune mention du dispositif, ni de ses règles ; la conseillère parle « des six mois qu'on a devant nous » ;
- saisie dans l'extranet après l'entretien (environ huit minutes).
## Échange avec la conseillère après l'entretien
Elle juge ce profil typique : « diplômée, compétente, mais persuadée de n'avoir rien à offrir ». Elle envisage une EMT rapide pour « remettre le pied à l'étrier », et pense que la jeune femme trouvera avant la fin des six mois.
"#;

const JEUNES: &str = r#"
## Premier jeune : un homme de 22 ans
Titulaire d'un bac professionnel en logistique, il est entré dans l'ANI en mai après dix-huit mois d'intérim. Il travaille depuis deux mois en CDD de neuf mois comme cariste, après une MRS organisée par Pôle emploi pour un entrepôt de la zone.
**Qu'est-ce qui vous a aidé ?**
« Le suivi. Ma conseillère me relançait, je ne pouvais pas traîner. » Il a apprécié les offres ciblées et la préparation à la MRS. Il a trouvé l'atelier collectif « un peu scolaire ».
**Et depuis l'embauche ?**
Sa conseillère l'a appelé trois fois. Il a demandé une aide pour ses repas, obtenue après un mois : « utile, mais j'avais déjà avancé les frais ».
## Deuxième jeune : une femme de 24 ans
Titulaire d'un BTS commerce, elle est dans l'ANI depuis trois mois, sans emploi pour l'instant. Elle participe à une action commune avec l'École de la deuxième chance pour préparer un projet dans l'animation commerciale.
**Comment jugez-vous l'accompagnement ?**
Elle apprécie la disponibilité de la conseillère et le fait d'être « prise au sérieux ». Elle trouve les six mois courts : « si je ne trouve pas, je retourne avec un conseiller qui a 300 personnes ».
## Points communs
- aucun des deux ne connaît le nom « ANI » ;
- les rendez-vous réguliers et les offres sont ce qu'ils valorisent le plus ;
- les ateliers collectifs sont jugés moins utiles, sauf la préparation à l'entretien.
"#;

const DIRECTION_REGIONALE: &str = r#"
## Le comité de pilotage régional
La chargée de mission régionale décrit un comité de pilotage mensuel réunissant les trois opérateurs (Missions locales, APEC, Pôle emploi), les partenaires sociaux et la DIRECCTE, « qui assure de fait l'animation ». L'ordre du jour porte sur les données de suivi, la régulation des flux d'entrée entre opérateurs et l'articulation avec les autres dispositifs pour les jeunes.
**Ce comité a-t-il produit des décisions communes ?**
Quelques-unes : un partage des informations sur les entrées pour éviter les doubles accompagnements, une présentation croisée des pratiques. Mais chaque réseau garde ses règles et ses outils. La chargée de mission y voit surtout « un lieu d'interconnaissance qui n'existait pas ».
## Pilotage interne
- répartition des objectifs entre territoires selon le nombre de jeunes diplômés inscrits ;
- affectation des postes et suivi mensuel des indicateurs de performance ;
- animation d'un réseau des responsables d'équipe ANI, avec des échanges d'ateliers entre agences.
## Stop and go
La direction régionale a maintenu les équipes au second semestre 2012 et autorisé des entrées progressives : « on ne pouvait pas se permettre de perdre des conseillers formés ». Les CDD ont été prolongés.
## Constats
Bons résultats en emploi, mais part importante de contrats courts ; peu de formation ; relation avec les employeurs plus dense sans innovation. La chargée de mission souligne l'intérêt des mutualisations internes à l'A2S (orientation, MRS, club ZUS) et des partenariats locaux pour les jeunes (École de la deuxième chance, parrainage), qui restent l'exception.
## Regard
Elle souhaite la pérennisation de l'ANI et une durée d'accompagnement ajustable, et regrette la sous-utilisation des aides ANI.
"#;
