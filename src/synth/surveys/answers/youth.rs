//! What young people write in the open questions: regular appointments, offers that fit,
//! workshops they did not like, placements, transport, money (report L2726–2738,
//! L2371–2373).

use super::{Bank, Theme, Typing};

const YOUTH_PE_TYPING: Typing = Typing {
    no_accents: 0.25,
    typo: 0.2,
    lower: 0.3,
    sms: 0.18,
    no_stop: 0.5,
    list: 0.02,
};
const YOUTH_ML_TYPING: Typing = Typing {
    no_accents: 0.35,
    typo: 0.25,
    lower: 0.4,
    sms: 0.3,
    no_stop: 0.6,
    list: 0.0,
};

const APPOINTMENTS: Theme = Theme {
    weight: 4.0,
    tone: 0,
    variants: &[
        "Plus de rendez-vous avec {conseiller}.",
        "Des rendez-vous plus souvent, une fois par mois c'est pas assez.",
        "Que le conseiller soit plus disponible.",
        "Pouvoir joindre {conseiller} plus facilement, au téléphone c'est toujours occupé.",
        "Garder le même conseiller du début à la fin.",
        "Les rendez-vous réguliers m'ont beaucoup aidé, il faut continuer comme ça.",
        "Avoir un vrai suivi, pas juste un rendez-vous de temps en temps.",
    ],
};

const OFFERS: Theme = Theme {
    weight: 3.5,
    tone: 0,
    variants: &[
        "Des offres qui correspondent vraiment à mon profil.",
        "Plus d'offres d'emploi dans mon secteur.",
        "Proposer des offres près de chez moi, je n'ai pas de voiture.",
        "On m'a envoyé des offres qui n'avaient rien à voir avec mon projet.",
        "Plus de contacts directs avec des employeurs.",
        "Des offres en CDI et pas seulement de l'intérim.",
    ],
};

const WORKSHOPS: Theme = Theme {
    weight: 2.5,
    tone: 0,
    variants: &[
        "Les ateliers ne servent pas à grand-chose.",
        "Moins d'ateliers en groupe, plus de concret.",
        "Les ateliers CV j'en ai déjà fait plein avant.",
        "Les ateliers collectifs c'est long et on apprend pas grand chose.",
        "L'atelier entretien d'embauche était bien, le reste moins.",
    ],
};

const PLACEMENTS: Theme = Theme {
    weight: 1.5,
    tone: 0,
    variants: &[
        "Plus de stages en entreprise pour se faire connaître.",
        "Le stage ne m'a rien apporté, c'était pas mon domaine.",
        "Une immersion dans le métier que je vise, pas n'importe où.",
    ],
};

const TRANSPORT: Theme = Theme {
    weight: 2.0,
    tone: 0,
    variants: &[
        "Aider à financer le permis de conduire.",
        "Une aide pour les transports, les trajets coûtent cher.",
        "Sans permis c'est compliqué de trouver du travail ici.",
    ],
};

const TRAINING: Theme = Theme {
    weight: 2.0,
    tone: 0,
    variants: &[
        "Pouvoir faire une formation qualifiante.",
        "Plus de formations proposées.",
        "J'aurais voulu une formation mais on m'a dit qu'il n'y avait pas de place.",
    ],
};

const LISTENING: Theme = Theme {
    weight: 2.0,
    tone: 0,
    variants: &[
        "Être plus à l'écoute des jeunes.",
        "Prendre en compte notre projet et pas seulement les offres disponibles.",
        "Qu'on nous parle pas comme à des enfants.",
    ],
};

const SPEED: Theme = Theme {
    weight: 1.5,
    tone: 0,
    variants: &[
        "Que les choses aillent plus vite.",
        "Les aides arrivent trop tard, j'avais besoin d'argent pour commencer mon travail.",
        "Trop de papiers à remplir.",
    ],
};

const INFORMATION: Theme = Theme {
    weight: 1.5,
    tone: 0,
    variants: &[
        "Mieux expliquer ce qu'est le dispositif au début.",
        "Je ne savais pas que j'étais dans un dispositif ANI.",
        "Envoyer un SMS pour rappeler les rendez-vous.",
    ],
};

const PRAISE: Theme = Theme {
    weight: 2.5,
    tone: 1,
    variants: &[
        "Rien à changer, {conseiller} a été super.",
        "Très bon accompagnement, merci.",
        "C'était bien, j'ai trouvé un emploi.",
        "{Conseiller} m'a beaucoup aidé, merci à elle.",
        "Continuez comme ça.",
    ],
};

const DISAPPOINTED: Theme = Theme {
    weight: 1.5,
    tone: -1,
    variants: &[
        "Ça ne m'a servi à rien.",
        "On m'a fait venir pour rien plusieurs fois.",
        "J'ai arrêté car ça ne m'apportait rien de plus que mon suivi normal.",
    ],
};

/// Pôle emploi young people: suggestions.
pub const YOUTH_PE_SUGGEST: Bank = Bank {
    themes: &[
        APPOINTMENTS,
        OFFERS,
        WORKSHOPS,
        PLACEMENTS,
        TRANSPORT,
        TRAINING,
        LISTENING,
        SPEED,
        INFORMATION,
        PRAISE,
        DISAPPOINTED,
    ],
    short: &[
        "Rien",
        "rien",
        "Non",
        "non",
        "RAS",
        "Aucune",
        "Je ne sais pas",
        "je sais pas",
        "Non merci",
        "rien a dire",
        "Pas d'idée",
        ".",
        "-",
        "Tout va bien",
    ],
    short_share: 0.22,
    openers: &["Pour moi ", "A mon avis ", "Franchement ", "Bah "],
    closers: &["Merci.", "Merci beaucoup !", "Bonne journée"],
    length: [0.6, 0.32, 0.08],
    typing: YOUTH_PE_TYPING,
};

/// Pôle emploi young people: free comments.
pub const YOUTH_PE_COMMENT: Bank = Bank {
    themes: &[
        Theme {
            weight: 3.0,
            tone: 1,
            variants: &[
                "Merci à {conseiller} pour son aide.",
                "J'ai trouvé un CDD grâce à l'accompagnement.",
                "Accompagnement sérieux, je recommande.",
                "J'ai signé un contrat de 6 mois, merci.",
            ],
        },
        Theme {
            weight: 2.0,
            tone: -1,
            variants: &[
                "Je suis toujours en recherche malgré l'accompagnement.",
                "Accompagnement correct mais pas assez d'offres.",
                "C'était un peu toujours la même chose à chaque rendez-vous.",
            ],
        },
        PRAISE,
        DISAPPOINTED,
    ],
    short: &[
        "Non",
        "non",
        "Rien",
        "RAS",
        "Merci",
        "merci",
        "Non merci",
        "Aucun",
    ],
    short_share: 0.3,
    openers: &["Sinon ", "Pour finir "],
    closers: &["Merci.", "Bonne journée"],
    length: [0.75, 0.22, 0.03],
    typing: YOUTH_PE_TYPING,
};

/// Mission locale young people: suggestions.
pub const YOUTH_ML_SUGGEST: Bank = Bank {
    themes: &[
        APPOINTMENTS,
        OFFERS,
        TRANSPORT,
        TRAINING,
        PRAISE,
        WORKSHOPS,
        Theme {
            weight: 2.0,
            tone: 0,
            variants: &[
                "Trouver un apprentissage plus facilement.",
                "Plus d'offres pour les mineurs, on nous dit toujours qu'on est trop jeunes.",
                "Aider pour le logement.",
                "Avoir un peu d'argent pendant l'accompagnement.",
                "La Mission locale m'a bien aidé pour les papiers.",
            ],
        },
    ],
    short: &[
        "Rien",
        "rien",
        "non",
        "Non",
        "jsp",
        "RAS",
        "Non merci",
        "c bien",
        "tout est bien",
    ],
    short_share: 0.25,
    openers: &["Moi je dirais ", "Franchement ", "Bah "],
    closers: &["Merci !", "merci"],
    length: [0.7, 0.27, 0.03],
    typing: YOUTH_ML_TYPING,
};
