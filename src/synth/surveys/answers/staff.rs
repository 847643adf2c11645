//! What counsellors and directors write in the open questions: the themes the report hears
//! from them (report §5.6, L2679–2723; L1272–1274; L2211–2212; L2658–2662).

use super::{Bank, Theme, Typing};

const STAFF_TYPING: Typing = Typing {
    no_accents: 0.06,
    typo: 0.12,
    lower: 0.03,
    sms: 0.0,
    no_stop: 0.25,
    list: 0.12,
};

const STAFF_SHORT: &[&str] = &[
    "RAS",
    "Rien à ajouter.",
    "Pas de suggestion particulière.",
    "Non",
    "néant",
    "Voir commentaire ci-dessous.",
    "Cf. réponses précédentes",
    "/",
    "Pas d'avis",
    "Aucune",
];

const STAFF_OPENERS: &[&str] = &[
    "Pour moi, ",
    "Selon moi, ",
    "A mon sens, ",
    "Avant tout, ",
    "Sur mon agence, ",
    "Globalement, ",
];

/// Pôle emploi counsellors: pistes d'amélioration.
pub const PE_IMPROVE: Bank = Bank {
    themes: &[
        Theme {
            weight: 5.0,
            tone: 0,
            variants: &[
                "Alléger le reporting : on passe trop de temps à saisir au lieu d'accompagner les jeunes.",
                "Simplifier les tableaux de suivi, la double saisie est chronophage.",
                "Moins de reporting et plus de temps avec les jeunes.",
                "Le reporting demandé est beaucoup trop lourd pour ce qu'on en fait.",
                "Revoir les indicateurs de suivi, trop nombreux et pas toujours utiles.",
                "Supprimer les tableaux Excel en doublon avec nos outils, c'est une perte de temps.",
                "Le reporting mensuel est vécu comme un contrôle plus que comme un outil de pilotage.",
            ],
        },
        Theme {
            weight: 4.0,
            tone: 0,
            variants: &[
                "Donner de la visibilité sur la durée de {ani} : l'effet stop and go a désorganisé les équipes.",
                "Éviter les arrêts et reprises des entrées, c'est un vrai casse-tête pour gérer le portefeuille.",
                "Ne plus fonctionner en stop and go, on perd les jeunes entre deux vagues d'entrées.",
                "Le stop and go des entrées est très pénalisant, impossible de prévoir les plannings.",
                "Stabiliser les moyens pour ne pas reconstituer l'équipe à chaque relance.",
            ],
        },
        Theme {
            weight: 3.5,
            tone: 0,
            variants: &[
                "Respecter vraiment le ratio de 50 jeunes par conseiller, ce n'est pas le cas dans notre agence.",
                "Nous sommes à plus de 70 jeunes en portefeuille, impossible de tenir la fréquence des entretiens.",
                "Limiter les portefeuilles à 50 jeunes comme prévu au départ.",
                "Le chiffre de 50 jeunes par conseiller n'est pas respecté partout, chez nous on dépasse largement.",
                "Avec 60 à 65 jeunes suivis, l'accompagnement n'est plus vraiment renforcé.",
            ],
        },
        Theme {
            weight: 3.0,
            tone: 0,
            variants: &[
                "Organiser des échanges de pratiques entre agences sur {ani}.",
                "Mettre en place des rencontres entre conseillers ANI de différentes agences pour partager nos outils.",
                "Ce serait bien d'avoir des temps d'échange de pratiques inter-agences sur les accompagnements renforcés.",
                "Créer un réseau des conseillers ANI de la région, on se sent parfois isolés.",
                "Partager les bonnes pratiques entre agences : chacun a réinventé ses ateliers dans son coin.",
            ],
        },
        Theme {
            weight: 2.5,
            tone: 0,
            variants: &[
                "Permettre le renouvellement de l'accompagnement pour les jeunes qui ont travaillé pendant les 6 mois.",
                "Ouvrir un renouvellement aux jeunes qui ont enchaîné des contrats courts pendant l'accompagnement.",
                "6 mois c'est court quand le jeune enchaîne les missions d'intérim, il faudrait pouvoir prolonger.",
                "Certains jeunes auraient besoin d'un peu plus d'accompagnement après une première expérience d'emploi.",
            ],
        },
        Theme {
            weight: 2.5,
            tone: 0,
            variants: &[
                "Les aides financières arrivent trop tard : il faudrait pouvoir les mobiliser avant l'entrée en emploi.",
                "Rendre les aides ANI plus réactives, le besoin du jeune est souvent urgent.",
                "Simplifier le circuit de demande des aides, beaucoup trop long.",
                "Les aides sont utiles mais elles viennent trop tard dans le parcours.",
            ],
        },
        Theme {
            weight: 2.0,
            tone: 0,
            variants: &[
                "Développer davantage la prospection auprès des entreprises.",
                "Avoir plus de temps pour aller voir les employeurs et promouvoir les candidatures.",
                "Renforcer les liens avec les entreprises du bassin pour les immersions.",
                "Les EMT sont très efficaces, il faudrait pouvoir en proposer davantage.",
            ],
        },
        Theme {
            weight: 1.5,
            tone: 0,
            variants: &[
                "Garder les ateliers collectifs, ils créent une vraie dynamique de groupe.",
                "Adapter les ateliers au public jeune : plus courts, plus concrets.",
                "Les ateliers en groupe fonctionnent bien, les jeunes se rendent compte qu'ils ne sont pas seuls.",
            ],
        },
        Theme {
            weight: 1.5,
            tone: 0,
            variants: &[
                "Trouver un nom plus parlant : « ANI » ne veut rien dire pour les jeunes.",
                "Mieux communiquer auprès des jeunes sur ce que l'accompagnement peut leur apporter.",
                "Accrocher les jeunes dès le premier entretien, certains ne viennent plus après deux rendez-vous.",
            ],
        },
        Theme {
            weight: 1.2,
            tone: 0,
            variants: &[
                "Prévoir des aides à la mobilité (permis, transport), c'est souvent le premier frein.",
                "Le permis de conduire reste le frein numéro un sur notre territoire.",
            ],
        },
        Theme {
            weight: 1.2,
            tone: 0,
            variants: &[
                "Renforcer le suivi dans l'emploi, on a peu de temps pour la phase 3.",
                "Le suivi en emploi mériterait plus de contacts avec l'employeur.",
            ],
        },
        Theme {
            weight: 1.0,
            tone: 0,
            variants: &[
                "Avoir des supports communs (fiches, trames d'ateliers) au niveau national.",
                "Une formation des conseillers à l'accompagnement des jeunes serait bienvenue.",
            ],
        },
        Theme {
            weight: 1.0,
            tone: 0,
            variants: &[
                "Clarifier l'articulation entre {ani} et les autres accompagnements renforcés, les jeunes s'y perdent.",
                "Éviter que les jeunes passent d'un dispositif à l'autre sans cohérence.",
            ],
        },
    ],
    short: STAFF_SHORT,
    short_share: 0.08,
    openers: STAFF_OPENERS,
    closers: &[
        "Merci.",
        "Dispositif à pérenniser !",
        "Bon courage pour l'évaluation.",
    ],
    length: [0.45, 0.38, 0.17],
    typing: STAFF_TYPING,
};

/// Pôle emploi counsellors: free comments.
pub const PE_COMMENT: Bank = Bank {
    themes: &[
        Theme {
            weight: 3.0,
            tone: 0,
            variants: &[
                "{Ani} permet un suivi plus régulier des jeunes, c'est ce qui fait la différence.",
                "Les jeunes apprécient la fréquence des rendez-vous, ils se sentent suivis.",
                "Un dispositif qui s'intègre bien dans notre offre de service.",
                "Expérience très positive dans l'ensemble, l'équipe est motivée.",
            ],
        },
        Theme {
            weight: 2.5,
            tone: 0,
            variants: &[
                "Dommage que le reporting prenne autant de place.",
                "Beaucoup de temps passé sur les tableaux de bord au détriment des jeunes.",
                "La charge administrative a augmenté au fil des mois.",
            ],
        },
        Theme {
            weight: 2.0,
            tone: 0,
            variants: &[
                "Plusieurs jeunes ont signé un CDI après une EMT, ça marche.",
                "Les immersions rassurent les employeurs, c'est un vrai levier.",
                "Les ateliers collectifs ont permis à certains jeunes de reprendre confiance.",
            ],
        },
        Theme {
            weight: 1.5,
            tone: 0,
            variants: &[
                "Le stop and go a cassé la dynamique au printemps.",
                "On a dû refuser des entrées pendant plusieurs semaines, difficile à expliquer aux jeunes.",
            ],
        },
        Theme {
            weight: 1.0,
            tone: 0,
            variants: &[
                "Il faudrait plus d'échanges avec les autres agences.",
                "Je n'ai jamais rencontré de collègue ANI d'une autre agence, c'est dommage.",
            ],
        },
    ],
    short: &[
        "RAS",
        "Non",
        "Rien",
        "Aucun",
        "Non merci",
        "pas d'autre commentaire",
    ],
    short_share: 0.15,
    openers: STAFF_OPENERS,
    closers: &["Merci pour ce questionnaire."],
    length: [0.6, 0.3, 0.1],
    typing: STAFF_TYPING,
};

/// Mission locale counsellors: pistes d'amélioration.
pub const ML_IMPROVE: Bank = Bank {
    themes: &[
        Theme {
            weight: 5.0,
            tone: 0,
            variants: &[
                "Arrêter d'empiler les dispositifs : ANI, CIVIS, emplois d'avenir… on passe notre temps à faire entrer les jeunes dans des cases.",
                "Un seul accompagnement renforcé, adaptable selon le jeune, serait plus simple.",
                "Trop de dispositifs qui se superposent, les jeunes ne s'y retrouvent pas et nous non plus.",
                "{Ani} s'ajoute au CIVIS sans vraie spécificité, il faudrait simplifier.",
                "Laisser les conseillers adapter l'accompagnement au jeune plutôt que de choisir un dispositif.",
            ],
        },
        Theme {
            weight: 3.5,
            tone: 0,
            variants: &[
                "12 mois c'est trop court pour certains jeunes, le CIVIS permet d'aller plus loin.",
                "Pouvoir prolonger au-delà de 12 mois quand le parcours le justifie, comme en CIVIS.",
                "La limite des 12 mois nous oblige à basculer les jeunes en CIVIS ensuite.",
                "Allonger la durée d'accompagnement pour les jeunes les plus éloignés de l'emploi.",
            ],
        },
        Theme {
            weight: 3.5,
            tone: 0,
            variants: &[
                "Plus de visibilité sur les financements, le stop and go a été très difficile à gérer.",
                "On a recruté puis on nous a annoncé l'arrêt des entrées, c'est démotivant.",
                "Éviter le stop and go, les jeunes orientés ne comprennent pas pourquoi on ne peut plus les faire entrer.",
            ],
        },
        Theme {
            weight: 3.0,
            tone: 0,
            variants: &[
                "Nous informer plus tôt des aides ANI, nous les avons découvertes tard.",
                "Les aides arrivent trop tard, le jeune a besoin d'argent avant son premier salaire.",
                "Une aide financière pendant l'accompagnement aiderait à accrocher les jeunes.",
                "L'absence d'allocation pendant l'accompagnement fait décrocher les plus jeunes.",
            ],
        },
        Theme {
            weight: 2.5,
            tone: 0,
            variants: &[
                "Il faut des moyens pour accrocher les jeunes : relances, SMS, rendez-vous hors les murs.",
                "Les plus jeunes décrochent vite, il faudrait des actions concrètes dès le premier mois.",
                "Travailler la motivation dès l'entrée, c'est là que tout se joue.",
            ],
        },
        Theme {
            weight: 2.0,
            tone: 0,
            variants: &[
                "Développer les relations avec les entreprises, ce n'est pas encore le cœur de {ani} chez nous.",
                "Plus de temps pour la prospection et les immersions en entreprise.",
                "Mettre en place des parrainages avec des chefs d'entreprise.",
            ],
        },
        Theme {
            weight: 1.5,
            tone: 0,
            variants: &[
                "La saisie dans Parcours 3 pourrait être simplifiée.",
                "Le suivi administratif prend du temps mais reste gérable.",
                "Harmoniser les codes de sortie dans Parcours 3, chacun saisit différemment.",
            ],
        },
        Theme {
            weight: 1.5,
            tone: 0,
            variants: &[
                "Le paiement aux résultats ne tient pas compte des situations positives qui ne sont pas des « sorties positives ».",
                "Revoir la définition de la sortie positive : une formation courte ou un contrat de 5 mois, c'est déjà beaucoup pour certains.",
            ],
        },
        Theme {
            weight: 1.5,
            tone: 0,
            variants: &[
                "Les freins périphériques (logement, mobilité, santé) prennent beaucoup de place, il faudrait des partenaires mobilisables vite.",
                "Financer le permis de conduire, indispensable en zone rurale.",
                "Prévoir des solutions de logement temporaire pour les jeunes en rupture.",
            ],
        },
        Theme {
            weight: 1.2,
            tone: 0,
            variants: &[
                "Mieux travailler avec Pôle emploi : on gagnerait à construire ensemble.",
                "Renforcer l'interconnaissance avec les agences Pôle emploi du secteur.",
            ],
        },
        Theme {
            weight: 1.0,
            tone: 0,
            variants: &[
                "Faciliter l'accès à la formation pour les jeunes en ANI.",
                "Des places en formation qualifiante réservées aux jeunes accompagnés.",
            ],
        },
    ],
    short: STAFF_SHORT,
    short_share: 0.08,
    openers: &[
        "Pour moi, ",
        "Selon moi, ",
        "A mon avis, ",
        "Dans notre Mission locale, ",
        "Globalement, ",
    ],
    closers: &["Merci.", "Bonne continuation."],
    length: [0.45, 0.38, 0.17],
    typing: STAFF_TYPING,
};

/// Mission locale counsellors: free comments.
pub const ML_COMMENT: Bank = Bank {
    themes: &[
        Theme {
            weight: 3.0,
            tone: 0,
            variants: &[
                "{Ani} est un accompagnement renforcé de plus, efficace mais pas très différent du CIVIS.",
                "Les jeunes ne font pas la différence entre les dispositifs, pour eux c'est la Mission locale.",
                "Bon dispositif, les moyens supplémentaires ont permis de voir les jeunes plus souvent.",
            ],
        },
        Theme {
            weight: 2.5,
            tone: 0,
            variants: &[
                "Le plus important reste de maintenir la motivation du jeune, surtout en phase 3.",
                "La phase 3 permet de garder le contact et de désamorcer les difficultés dans l'emploi.",
                "Beaucoup de jeunes ont d'abord besoin qu'on règle le logement ou la mobilité.",
            ],
        },
        Theme {
            weight: 1.5,
            tone: 0,
            variants: &[
                "Le stop and go a fragilisé l'équipe.",
                "Nous n'avons pas été informés des aides à temps.",
            ],
        },
        Theme {
            weight: 1.0,
            tone: 0,
            variants: &[
                "Le ciblage sur les jeunes décrocheurs est pertinent.",
                "Un public très jeune, parfois mineur, qu'il faut aller chercher.",
            ],
        },
    ],
    short: &["RAS", "Non", "Rien", "Aucun commentaire", "non merci"],
    short_share: 0.15,
    openers: &["Pour moi, ", "Globalement, "],
    closers: &["Merci."],
    length: [0.6, 0.3, 0.1],
    typing: STAFF_TYPING,
};

/// Mission locale directors: pistes d'amélioration.
pub const DIRECTOR_IMPROVE: Bank = Bank {
    themes: &[
        Theme {
            weight: 4.0,
            tone: 0,
            variants: &[
                "Assurer la continuité des financements : le stop and go nous a obligés à enchaîner des CDD.",
                "Donner une visibilité pluriannuelle, on ne construit pas une équipe sur six mois.",
                "Stabiliser le financement, l'effet stop and go a été très dommageable pour la structure.",
            ],
        },
        Theme {
            weight: 3.5,
            tone: 0,
            variants: &[
                "Fusionner les dispositifs d'accompagnement renforcé dans un cadre unique, adaptable au jeune.",
                "Laisser les Missions locales adapter l'accompagnement aux jeunes plutôt que de les faire entrer dans des dispositifs.",
                "L'empilement des dispositifs (ANI, CIVIS, emplois d'avenir) complique le travail des équipes.",
            ],
        },
        Theme {
            weight: 3.0,
            tone: 0,
            variants: &[
                "Revoir la définition de la sortie positive, trop restrictive.",
                "Le paiement au résultat pénalise les structures qui accompagnent les jeunes les plus éloignés.",
                "Le financement au résultat ne reconnaît pas les parcours qui avancent sans sortie positive.",
            ],
        },
        Theme {
            weight: 2.5,
            tone: 0,
            variants: &[
                "Associer davantage le réseau des Missions locales au pilotage national.",
                "Une animation régionale plus régulière : les réunions régionales étaient le seul lieu de rencontre.",
                "Clarifier qui pilote quoi entre l'État, les partenaires sociaux et les têtes de réseau.",
            ],
        },
        Theme {
            weight: 2.0,
            tone: 0,
            variants: &[
                "Informer directement les Missions locales des aides mobilisables pour les jeunes.",
                "Simplifier l'accès aux aides ANI, gérées par Pôle emploi et mal connues des conseillers.",
            ],
        },
        Theme {
            weight: 1.5,
            tone: 0,
            variants: &[
                "{Ani} n'a pas changé notre approche des entreprises, il faudrait un volet employeurs financé.",
                "Financer du temps de chargé de relations entreprises.",
            ],
        },
        Theme {
            weight: 1.5,
            tone: 0,
            variants: &[
                "Mieux articuler avec Pôle emploi sur les territoires.",
                "Construire des instances locales communes avec Pôle emploi.",
            ],
        },
        Theme {
            weight: 1.0,
            tone: 0,
            variants: &[
                "Simplifier les extractions Parcours 3 pour le suivi de l'ANI.",
                "Des indicateurs de suivi partagés et stables dans le temps.",
            ],
        },
        Theme {
            weight: 1.0,
            tone: 0,
            variants: &[
                "Le ciblage sur les jeunes décrocheurs est pertinent, il faut le garder.",
                "Garder un financement par jeune de ce niveau, il permet un vrai suivi renforcé.",
            ],
        },
    ],
    short: STAFF_SHORT,
    short_share: 0.06,
    openers: &[
        "Pour notre structure, ",
        "Selon moi, ",
        "Avant tout, ",
        "Globalement, ",
    ],
    closers: &["Merci.", "Cordialement."],
    length: [0.4, 0.4, 0.2],
    typing: STAFF_TYPING,
};

/// Mission locale directors: free comments.
pub const DIRECTOR_COMMENT: Bank = Bank {
    themes: &[
        Theme {
            weight: 3.0,
            tone: 0,
            variants: &[
                "Nous avons recruté deux conseillers pour {ani}, leur avenir dépend de la suite.",
                "Les moyens de {ani} ont permis de renforcer l'équipe pendant un an.",
                "L'équipe s'est fortement investie malgré les incertitudes.",
            ],
        },
        Theme {
            weight: 2.0,
            tone: 0,
            variants: &[
                "Un dispositif de plus, sans grande spécificité si ce n'est ses moyens.",
                "Le portage par les partenaires sociaux n'a pas changé grand-chose sur le terrain.",
            ],
        },
        Theme {
            weight: 1.5,
            tone: 0,
            variants: &[
                "Le stop and go a été très mal vécu par les équipes.",
                "La fin annoncée du financement pose la question des postes créés.",
            ],
        },
    ],
    short: &["RAS", "Non", "Néant", "Pas de commentaire"],
    short_share: 0.18,
    openers: &["Globalement, "],
    closers: &["Cordialement."],
    length: [0.6, 0.3, 0.1],
    typing: STAFF_TYPING,
};
