//! What each code of the default codebook looks like in the sample's words: the lists the
//! sample's coders match passages against, written from the codebook's definitions
//! (`assets/codebook.qdc`) and from what the evaluation report says of the visits
//! (`shared/domain/monographs.md` §2), so that each site's passages land under the themes
//! its monograph will need.
//!
//! The four perception codes are not listed by topic: an opinion is a perception of whoever
//! voices it (a counsellor's, a young person's, an employer's, a manager's or a partner's),
//! so [`OPINION`] finds that an opinion is voiced and [`Speaker`] says whose it is.
//! « Parcours de jeune » is kept to what young people tell or what an observer sees of them.

use super::keywords::TermList;

/// A code of the default codebook, by its place: theme (1 for « Pilotage », … 8 for
/// « Effets ») and number within the theme, as its GUID spells them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct CodeKey {
    pub(super) theme: u8,
    pub(super) number: u8,
}

impl CodeKey {
    const fn new(theme: u8, number: u8) -> CodeKey {
        CodeKey { theme, number }
    }

    /// The GUID of the code in `assets/codebook.qdc`.
    pub(super) fn guid(self) -> String {
        format!(
            "A7E11E00-0000-4000-8000-{:08}{:04}",
            self.theme, self.number
        )
    }

    /// « A1 », « E10 »: the codebook proposal's name for it.
    pub(super) fn label(self) -> String {
        let letter = char::from(b'A' + self.theme.saturating_sub(1));
        format!("{letter}{}", self.number)
    }
}

/// Who voices a passage, which decides whose perception an opinion is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Speaker {
    /// A director, a head of agency, a team or sector manager.
    Direction,
    /// A counsellor.
    Counsellor,
    /// A young person.
    Youth,
    /// An institution or a social partner (DIRECCTE, ARML, DR, DT, COPIRE, MEDEF, CFDT).
    Partner,
    /// An employer.
    Employer,
    /// The evaluator (observations, analytic notes): voices no perception of their own.
    Evaluator,
}

impl Speaker {
    /// Who a role of the manifest (« Directrice », « Trois conseillères », « ARML »,
    /// « Observation d'un entretien ») is.
    pub(super) fn of_role(role: &str) -> Speaker {
        let role = crate::model::french::fold(role);
        let has = |words: &[&str]| words.iter().any(|w| role.contains(w));
        if has(&[
            "direccte",
            "arml",
            "copire",
            "medef",
            "cfdt",
            "regionale",
            "territoriale",
        ]) {
            Speaker::Partner
        } else if has(&["jeune"]) {
            Speaker::Youth
        } else if has(&["conseill"]) {
            Speaker::Counsellor
        } else if has(&["observation"]) {
            Speaker::Evaluator
        } else if has(&["direct", "responsable", "rep"]) {
            Speaker::Direction
        } else {
            Speaker::Partner
        }
    }

    /// Who a questionnaire's respondents are, from the source's role in the manifest.
    pub(super) fn of_source_role(role: &str) -> Speaker {
        match role {
            "jeune" => Speaker::Youth,
            "conseiller" => Speaker::Counsellor,
            "employeur" => Speaker::Employer,
            _ => Speaker::Direction,
        }
    }

    /// The perception code for an opinion this speaker voices; none for the evaluator.
    pub(super) fn perception(self) -> Option<CodeKey> {
        match self {
            Speaker::Counsellor => Some(G1),
            Speaker::Youth => Some(G2),
            Speaker::Employer => Some(G3),
            Speaker::Direction | Speaker::Partner => Some(G4),
            Speaker::Evaluator => None,
        }
    }
}

/// A code and the evidence for it.
pub(super) struct CodeRule {
    pub(super) code: CodeKey,
    /// Words and phrases, separated by « ; » (see [`TermList::new`]).
    pub(super) terms: &'static str,
    /// Phrases whose words never count for the code.
    pub(super) masks: &'static str,
    /// Only passages voiced by, or observed of, these speakers take the code (empty: any).
    pub(super) speakers: &'static [Speaker],
}

pub(super) const A1: CodeKey = CodeKey::new(1, 1);
pub(super) const A2: CodeKey = CodeKey::new(1, 2);
pub(super) const A3: CodeKey = CodeKey::new(1, 3);
pub(super) const A4: CodeKey = CodeKey::new(1, 4);
pub(super) const A5: CodeKey = CodeKey::new(1, 5);
pub(super) const A6: CodeKey = CodeKey::new(1, 6);
pub(super) const B1: CodeKey = CodeKey::new(2, 1);
pub(super) const B2: CodeKey = CodeKey::new(2, 2);
pub(super) const B3: CodeKey = CodeKey::new(2, 3);
pub(super) const B4: CodeKey = CodeKey::new(2, 4);
pub(super) const C1: CodeKey = CodeKey::new(3, 1);
pub(super) const C2: CodeKey = CodeKey::new(3, 2);
pub(super) const C3: CodeKey = CodeKey::new(3, 3);
pub(super) const D1: CodeKey = CodeKey::new(4, 1);
pub(super) const D2: CodeKey = CodeKey::new(4, 2);
pub(super) const D3: CodeKey = CodeKey::new(4, 3);
pub(super) const D4: CodeKey = CodeKey::new(4, 4);
pub(super) const E1: CodeKey = CodeKey::new(5, 1);
pub(super) const E2: CodeKey = CodeKey::new(5, 2);
pub(super) const E3: CodeKey = CodeKey::new(5, 3);
pub(super) const E4: CodeKey = CodeKey::new(5, 4);
pub(super) const E5: CodeKey = CodeKey::new(5, 5);
pub(super) const E6: CodeKey = CodeKey::new(5, 6);
pub(super) const E7: CodeKey = CodeKey::new(5, 7);
pub(super) const E8: CodeKey = CodeKey::new(5, 8);
pub(super) const E9: CodeKey = CodeKey::new(5, 9);
pub(super) const E10: CodeKey = CodeKey::new(5, 10);
pub(super) const F1: CodeKey = CodeKey::new(6, 1);
pub(super) const F2: CodeKey = CodeKey::new(6, 2);
pub(super) const F3: CodeKey = CodeKey::new(6, 3);
pub(super) const G1: CodeKey = CodeKey::new(7, 1);
pub(super) const G2: CodeKey = CodeKey::new(7, 2);
pub(super) const G3: CodeKey = CodeKey::new(7, 3);
pub(super) const G4: CodeKey = CodeKey::new(7, 4);
pub(super) const H1: CodeKey = CodeKey::new(8, 1);
pub(super) const H2: CodeKey = CodeKey::new(8, 2);
pub(super) const H3: CodeKey = CodeKey::new(8, 3);
pub(super) const H4: CodeKey = CodeKey::new(8, 4);
pub(super) const H5: CodeKey = CodeKey::new(8, 5);
pub(super) const H6: CodeKey = CodeKey::new(8, 6);

/// Every codable code of the default codebook, in codebook order.
pub(super) const ALL: [CodeKey; 40] = [
    A1, A2, A3, A4, A5, A6, B1, B2, B3, B4, C1, C2, C3, D1, D2, D3, D4, E1, E2, E3, E4, E5, E6, E7,
    E8, E9, E10, F1, F2, F3, G1, G2, G3, G4, H1, H2, H3, H4, H5, H6,
];

/// The sign that someone voices an opinion (weak words need a second one).
pub(super) const OPINION: (&str, &str) = (
    "~juge; ~jugent; ~jugé*; ~estime; ~estiment; ~regrette*; ~déplore*; ~apprécie*; ~efficace*; \
     ~utile*; ~pertinent*; ~dommage; ~souhait*; ~aimerai*; ~préfère*; ~bien; ~super; ~sérieux; \
     ~merci; ~mieux; ~trop; ~rien; ~difficile; ~lourd*; ~positif; ~positive; ~intérêt; ~apport; \
     ~avis; ~regard; pérennis*; à pérenniser; plus-value; vraie nouveauté; la vraie nouveauté; ne \
     veut rien dire; ne dit rien; rien à changer; très bon accompagnement; m'a beaucoup aidé; m'a \
     bien aidé; ça ne m'a servi à rien; m'apportait rien; je recommande; continuez comme ça; \
     dispositif de plus; vivent mal; mal vécu; vécu comme; démotivant; avis sont partagés; \
     souhaite la poursuite; souhaitent la poursuite; jugé efficace; jugent efficace; juge \
     efficace; juge utile; jugé utile; fâche; frustration; catégorique; expérience très positive; \
     bon dispositif; ne m'a rien apporté; ne servent pas à grand-chose; pas grand chose; \
     ennuyeux; stressantes mais utiles; on nous parle comme à des adultes; écoute sans juger",
    "sortie positive; sorties positives; situations positives; situation positive; bien que",
);

/// What an employer says of the scheme, of the counsellor or of the young person hired:
/// evidence of an employer's perception, beyond the words of any opinion.
pub(super) const EMPLOYER_VIEW: &str = "connaît; connaissance; entendu parler; confond*; ne sait pas; \
                                    ne savait pas; ~avis; ~utile; rassur*; satisfait; favorable; \
                                    a compté; influence; influencé; a pesé; idée bonne; pas de \
                                    grande différence; pas vu les effets; a apprécié; aurait \
                                    aimé; aimerait; souhaiterait; ~regrette; trop de \
                                    sollicitations; on lui fait confiance; mieux préparé; \
                                    manquent parfois de savoir-être; a déjà recommandé";

/// The code an interview grid's question is about, from its wording: the interviewer's
/// notes under « Suivi du jeune après le recrutement » are about in-work follow-up whatever
/// their words.
const TOPICS: [(&str, CodeKey); 5] = [
    ("connaissance", G3),
    ("utilite", G3),
    ("influence", F1),
    ("periodes en entreprise", E6),
    ("suivi du jeune", E8),
];

/// The code a question of an interview grid is about, if its wording says.
pub(super) fn topic_of_question(text: &str) -> Option<CodeKey> {
    let folded = crate::model::french::fold(text);
    TOPICS
        .iter()
        .find(|(words, _)| folded.contains(words))
        .map(|(_, code)| *code)
}

/// The evidence for every code but the perceptions.
pub(super) const RULES: &[CodeRule] = &[
    CodeRule {
        code: A1,
        terms: "comité paritaire; comité national; niveau national; au national; pilotage \
                national; DGEFP; CNML; UNML; direction générale; FPSPP; conventions nationales; \
                signataires; têtes de réseau; règles étaient fixées",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: A2,
        terms: "comité; comités; CCREFP; COPIRE; sous-préfet*; unité territoriale; unités \
                territoriales; Rectorat*; réunion partenariale; instance*; appel à projets \
                régional; pilotage régional; animation territoriale; présidé par la DIRECCTE; \
                présidence du comité; commission",
        masks: "comité national; comité paritaire; comité de sélection; commission « Orientation \
                et décrochage »",
        speakers: &[],
    },
    CodeRule {
        code: A3,
        terms: "direction régionale; direction territoriale; directions territoriales; \
                responsable territorial; revue mensuelle du tableau de bord; indicateurs de \
                performance; indicateurs régionaux; revue mensuelle; réunion hebdomadaire de \
                secteur; chaque mois avec la direction; relances des agences; suivi mensuel des \
                entrées; pression sur les objectifs; pression forte sur les entrées; relance les \
                conseillers; pilotage par la responsable; objectifs régionaux; pilotage de \
                proximité; chiffres d'entrée",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: A4,
        terms: "extranet; Parcours III; Parcours 3; Parcours3; P3; Excel; saisie; saisies; \
                saisir; saisit; saisissent; saisira; double saisie; reporting; indicateurs; \
                remontées; remontée; tableaux de suivi; tableau de bord; tableaux de bord; \
                tableau de suivi; tableau partagé; paramétrage; logiciel; charge administrative; \
                suivi administratif; papiers; extraction*; codes de sortie; justifier; tableaux \
                parallèles; tableaux d'entrées",
        masks: "remplir des papiers; pour les papiers",
        speakers: &[],
    },
    CodeRule {
        code: A5,
        terms: "échanges de pratiques; échange de pratiques; échanges entre; capitalisation; \
                animation régionale; animation d'un réseau; réunions régionales; rencontres \
                régionales; fiches de pratiques; communication; communiquer; visibilité du \
                dispositif; peu visible; invisible; le nom; nom du dispositif; un nom; mot « ANI \
                »; mot ANI; marketing; publicitaires; se vendre; pratiques intéressantes; \
                partager les bonnes pratiques; bonnes pratiques; autres agences; inter-agences; \
                réseau des conseillers ANI; lettre de capitalisation; lettres de capitalisation; \
                liste de diffusion; nouvelles agences; ne savent pas qu'il existe; reprise dans \
                d'autres agences; supports communs",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: A6,
        terms: "les deux réseaux; deux opérateurs; cotraitance; suivi ailleurs; suivi par \
                l'autre; déjà suivi; règle commune; lien avec la Mission locale; lien avec les \
                Missions locales; lien avec Pôle emploi; lien structuré avec Pôle emploi; \
                coordination avec Pôle emploi; absence de contact avec la Mission locale; \
                échanges avec Pôle emploi; travailler avec Pôle emploi; articuler avec Pôle \
                emploi; communes avec Pôle emploi; agences Pôle emploi du secteur; Missions \
                locales et Pôle emploi; Mission locale sur le sujet; Mission locale sur l'ANI; \
                Missions locales sur l'ANI; Pôle emploi sur l'ANI; chacun a fait son article",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: B1,
        terms: "répartition des objectifs; ont été répartis entre; objectifs ont été répartis; \
                répartition des volumes; affectation des postes; prorata; objectif initial; revu \
                à la hausse; ajustement en cours d'année; poids des demandeurs; fléchés; volumes \
                de jeunes; volume trop faible; objectif d'une quinzaine; objectifs entre Missions \
                locales",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: B2,
        terms: "financement; financements; financer; 1 500; 1500; euros par jeune; par jeune; \
                paiement; facturer; facturation; tranche; tranches; solde; prestataire; au \
                résultat; aux résultats; financeur; à crédit; ~moyens; moyens supplémentaires; \
                moyens fléchés; opportunité de moyens; les moyens qu'il apporte; paie comme",
        masks: "financement de la Région; financer le permis; aider à financer; moyens de \
                transport; meilleur moyen; moyen de venir",
        speakers: &[],
    },
    CodeRule {
        code: B3,
        terms: "stop and go; stop; suspension des entrées; entrées suspendues; entrée était \
                suspendue; entrées gelées; gel des entrées; arrêt des entrées; avenant; \
                calendrier; reconduction; renouvellement des conventions; arrêts et reprises; \
                aucune entrée n'était possible; délais; très serrés; refuser des entrées; revenir \
                dans trois mois; visibilité pluriannuelle; visibilité sur les financements; \
                visibilité sur la durée; continuité des financements; fin annoncée; s'arrêter; \
                s'arrête; entrées progressives; démarrage lent",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: B4,
        terms: "CIVIS; emplois d'avenir; emploi d'avenir; mille-feuille; mille feuille; empiler; \
                empilement; superpos*; dispositif de plus; un seul accompagnement renforcé; \
                accompagnement renforcé unique; un seul dispositif; cadre unique; concurrence; \
                Cap vers l'entreprise; offre de service; offre de droit commun; droit commun; \
                club jeunes ZUS; CSP; dans des cases; dans quelle case; autres accompagnements \
                renforcés; d'un dispositif à l'autre; entre les dispositifs; entre dispositifs; \
                autres dispositifs; s'ajoute; fondu; dispositif régional",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: C1,
        terms: "volontaire*; volontariat; ancienneté; formés; formées; formé les référents; \
                formation des conseillers; profil animateur; profil de tous; expérimenté*; leur \
                expérience; titularisée; titularisé; choisis parmi; recruté; recrutée; recrutés; \
                recrutées; recrutement des conseillers; CDD de profil; ans à Pôle emploi; déjà en \
                poste; salariés en poste; à l'aise dans l'animation; goût de l'animation; \
                enchaîner des CDD; postes créés; renforcer l'équipe; ont recruté; avons recruté; \
                a recruté; on a recruté",
        masks: "recruter; recrute; recrutent",
        speakers: &[],
    },
    CodeRule {
        code: C2,
        terms: "dédié*; portefeuille*; généraliste*; A2S; équipe ANI; équipes ANI; équipe \
                accompagnement renforcé; équipe d'accompagnement renforcé; équipe élargie; équipe \
                polyvalente; regroupement; regrouper; permanence*; référent ANI par antenne; deux \
                référents; les référents; les deux référents ANI; 50 jeunes par conseiller; 60 \
                jeunes; plafond; temps plein; plein temps; ratio; répartis dans tous les \
                portefeuilles; sont répartis; répartir les jeunes; jeunes en portefeuille; jeunes \
                suivis; une cinquantaine de jeunes; une soixantaine de jeunes; une quinzaine de \
                jeunes; une douzaine de jeunes; assistante; organisation retenue; organisation \
                dédiée; organisation non dédiée",
        masks: "temps plein du; dédiée à l'ANI une note",
        speakers: &[],
    },
    CodeRule {
        code: C3,
        terms: "garder l'équipe; garder les équipes; maintenir les équipes; maintenir ses \
                équipes; maintenir le dispositif; maintenu l'équipe; maintenir l'équipe; \
                reconstitu*; dispersait les équipes; retournés en agence; réorientés vers; mettre \
                fin à des contrats; perdu ses conseillers; amorti le choc; équipe constituée; \
                équipe dédiée et stable; fragilisé l'équipe; jamais vraiment revenus; conseillers \
                démotivés; leur avenir dépend; question des postes; supprimé fin 2012; \
                désorganisé les équipes; construit pas une équipe",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: D1,
        terms: "repérage; repèrent; repérer; ACJ00; requête*; convocation*; convoqués; courrier*; \
                mailing; plateforme de; plateformes de; orientés par; orienté par; orientée par; \
                orientation par; orientent; orienter; prescripteurs; prescription; fiche de \
                liaison; oublient; orientent peu",
        masks: "plateformes de décrocheurs depuis",
        speakers: &[],
    },
    CodeRule {
        code: D2,
        terms: "critère*; niveau VI; V bis; moins de 26 ans; plutôt que dans le CIVIS; places \
                disponibles; reste des places; il reste des places; ce qui reste; profil du \
                jeune; pas prêts; minimum de mobilisation; motivé pour; écarter; ciblage; exclut; \
                entrée exigeante; resserrer les critères; pris un peu large; capable de venir; \
                une petite idée; proches de l'emploi; sélectionner; orienté plus tôt",
        masks: "ciblage d'entreprises; ciblage des entreprises",
        speakers: &[],
    },
    CodeRule {
        code: D3,
        terms: "information collective; informations collectives; réunion d'information; séance \
                d'accueil; séance de présentation; charte d'adhésion; contrat d'engagement; \
                signature du contrat; contrat signé; signé par le jeune; contrat moral; refuse; \
                refusent; refus; ne se présente pas; chaises vides; accrocher; taux de présence; \
                premier entretien; entretien d'entrée; pression sur les entrées; un peu forcées; \
                tenir l'objectif; on a fait entrer; chiffres d'entrée avant; présentation \
                individuelle; présentation soignée; accueil du club; hésité; orientés refuse",
        masks: "refusent que; avant la signature du contrat",
        speakers: &[],
    },
    CodeRule {
        code: D4,
        terms: "profil des jeunes; décrocheurs; sans qualification; sans diplôme; très jeunes; \
                bas niveau; bac professionnel; BTS; diplômés; parcours hachés; public visé; \
                publics; public jeune; public très jeune; 17-19 ans; de 20 à 25 ans; niveau de \
                qualification; les plus éloignés; éloignés de l'emploi; perdu confiance; sortis \
                tôt; mineur; mineurs; situation de rue; jeunes que personne ne regarde; nouveaux \
                publics",
        masks: "premiers niveaux de qualification",
        speakers: &[],
    },
    CodeRule {
        code: E1,
        terms: "diagnostic; projet; projets; plan d'action; idée de métier; enquête métier; \
                enquêtes métiers; groupe projet; groupe « projet »; phase de projet; compétences \
                transférables; sa voie; le projet se précise; une idée; hésite entre; métier \
                revient",
        masks: "appel à projets; projet pédagogique; appels à projets; projet de loi",
        speakers: &[],
    },
    CodeRule {
        code: E2,
        terms: "fréquence; entretien par semaine; entretiens par mois; toutes les semaines; \
                chaque semaine; hebdomadaire*; hebdo; tous les quinze jours; toutes les deux \
                semaines; deux fois par mois; SMS; téléphone; Facebook; courriel; rythme; \
                relancer; relances; relance; rappeler; rappelés; disponibilité; disponible; \
                joignables; joindre; ligne directe; intensité; rendez-vous; rdv; plus souvent; \
                suivi plus régulier; régularité; voir le jeune souvent; contact par semaine; \
                m'appelle; ma conseillère m'appelle; plus serré; un vrai suivi; même conseiller; \
                à l'écoute; écoute",
        masks: "réunion d'équipe hebdomadaire; réunion hebdomadaire",
        speakers: &[],
    },
    CodeRule {
        code: E3,
        terms: "atelier*; collectif; collectifs; club; groupe; en groupe; simulation d'entretien; \
                simulations d'entretien; actions collectives; dynamique de groupe; binôme; pas \
                tout seul; pas seuls; job dating",
        masks: "information collective; informations collectives; groupe de jeunes du club; \
                groupe projet; groupe « projet »; entretien collectif; groupe de travail; club \
                jeunes ZUS; club ZUS",
        speakers: &[],
    },
    CodeRule {
        code: E4,
        terms: "prestation*; MRS; méthode de recrutement par simulation; regards croisés; enquête \
                professionnelle; enquêtes professionnelles; service d'orientation; psychologue; \
                outils; outil; mutualis*; ~CV; lettre de motivation; lettre réécrite; recherche \
                d'offres; poste informatique; techniques de recherche d'emploi; grille d'enquête; \
                livret d'accueil; trames d'ateliers; supports; support multimédia; diaporama; \
                candidatures préparées; ciblage d'entreprises; ciblage des entreprises",
        masks: "outil de pilotage; outils de suivi; outil unique",
        speakers: &[],
    },
    CodeRule {
        code: E5,
        terms: "formation; formations; formation qualifiante; AFPR; POE; AFC; AIF; apprentissage; \
                alternance; permis poids lourd; qualifiante",
        masks: "formation des conseillers; organisme de formation; organismes de formation; \
                commission « Orientation et décrochage »",
        speakers: &[],
    },
    CodeRule {
        code: E6,
        terms: "immersion*; EMT; évaluation en milieu de travail; convention de stage; \
                conventionner; conventions signées; stage; stages; visites d'entreprise; vu \
                travailler; vu le jeune travailler; placements",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: E7,
        terms: "freins; frein; freins périphériques; mobilité; logement; santé; justice; permis \
                de conduire; le permis; son permis; du permis; sans permis; au permis; transport; \
                transports; bus; toit; foyer; addictions; famille; parents; éducateur*; \
                accompagnement physique; accompagner physiquement; à domicile; proximité; CAF; \
                tribunal; juge d'application; confiance; motivation; scooter*; covoiturage; titre \
                de séjour; mutuelle; deux-roues; voiture; problèmes personnels; en rupture; resté \
                au lit; hors les murs; plus loin dans la proximité",
        masks: "aide à domicile; proximité des agences; agences de proximité; lettre de \
                motivation; perdu confiance; juge utile",
        speakers: &[],
    },
    CodeRule {
        code: E8,
        terms: "phase 3; phase III; suivi dans l'emploi; suivi en emploi; suivis dans l'emploi; \
                suivre le jeune dans l'emploi; période d'essai; après l'embauche; depuis \
                l'embauche; une fois en emploi; une fois qu'il travaille; sécuriser; appel de \
                suivi; suivi du jeune après; suivi téléphonique; dans l'emploi six mois; \
                rencontrer son chef; passe voir l'employeur; passera voir l'employeur; passer \
                voir l'employeur; visite chez l'employeur; visite en entreprise; difficultés dans \
                l'emploi; évité une démission; le jeune lâche tout",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: E9,
        terms: "aides ANI; aide ANI; les aides; des aides; une aide; aide pour; aide financière; \
                aides financières; aide à la restauration; aides à la mobilité; soutien \
                exceptionnel; FAJ; FIPJ; allocation; argent; frais de repas; 300 euros; financer \
                le permis; aider à financer; aide de; aides mobilisables; après le premier \
                salaire; après la première paie; après son premier salaire; payé",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: E10,
        terms: "renouvel*; prolonger; allonger; au-delà de 12 mois; basculer les jeunes; après \
                six mois; après l'accompagnement; rester au club; même après six mois; durée de \
                six mois; durée d'accompagnement; durée modulable; 12 mois c'est trop court; 6 \
                mois c'est court; retour au suivi; plus d'accompagnement après; ~trop court",
        masks: "renouvellement des conventions",
        speakers: &[],
    },
    CodeRule {
        code: F1,
        terms: "relation entreprise*; relations entreprise*; relation avec les entreprises; \
                relations avec les entreprises; relation avec les employeurs; relations avec les \
                employeurs; liens avec les entreprises; liens avec des employeurs; lien avec les \
                employeurs; approche des entreprises; mise en relation; mises en relation; \
                prospect*; forum*; rallye*; offres; une offre; sur offre; candidature*; chargé de \
                relations entreprises; réseau d'employeurs; fichier d'employeurs; appelle \
                l'employeur; appel à un employeur; contacté l'entreprise; employeurs du bassin; \
                contacts directs avec des employeurs; aller voir les employeurs; promouvoir; \
                intermédiation; contacts dans; relation entreprises; volet employeurs; agit \
                directement auprès de l'employeur; plus dense; plus intense; intervenir en \
                entreprise; les épuiser",
        masks: "offre de service; offre de droit commun; offre existante",
        speakers: &[],
    },
    CodeRule {
        code: F2,
        terms: "branche*; OPCA; organisations d'employeurs; organisations patronales; syndicats \
                d'employeurs; MEDEF; UPA; CGPME; filière; adhérents; partenariat spécifique; \
                partenariats nouveaux; partenariat nouveau; aucun partenariat; chefs \
                d'entreprise; organisations régionales",
        masks: "réseaux de chefs d'entreprise",
        speakers: &[],
    },
    CodeRule {
        code: F3,
        terms: "E2C; école de la deuxième chance; maison de l'emploi; parrainage*; tutorat; PLIE; \
                Éducation nationale; plateforme de décrochage; plateforme de suivi; plateformes \
                de décrocheurs; décrochage scolaire; partenaires spécialisés; association; \
                associations; éducateur de prévention; foyer de jeunes travailleurs; partenaires \
                locaux; partenaires du territoire; partenaires mobilisables; bénévole; Conseil \
                régional; financement de la Région; ~partenaires",
        masks: "partenaires sociaux; partenaire social; association régionale",
        speakers: &[],
    },
    CodeRule {
        code: H1,
        terms: "sortie positive; sorties positives; emploi durable; emplois durables; sorties en \
                emploi; retour à l'emploi; contrats courts; emplois courts; CDI; CDD de six mois; \
                CDD de sept mois; CDD de neuf mois; sorties; résultats; taux de retour; j'ai \
                trouvé un; j'ai trouvé du travail; trouvé un emploi; trouvé un CDD; signé un \
                contrat; signé un CDI; toujours en recherche; situations positives; codes de \
                sortie; intérim",
        masks: "en CDI ayant; volontaires en CDI; deux en CDI; conseiller en CDI; j'ai trouvé ça",
        speakers: &[],
    },
    CodeRule {
        code: H2,
        terms: "décroché; décrochent; décrocher; décroche; décrochage; abandon; abandons; perdus; \
                on les a perdus; perdre; perd de vue; perdu de vue; « perdue »; perdue; rupture*; \
                démission; ne répondent plus; disparaissent; partent avant la fin; arrêté de \
                venir; lâche tout; ne viennent plus; on perd les jeunes; j'ai arrêté; manqué le \
                rendez-vous; ne se présente pas",
        masks: "décrochage scolaire; plateforme de décrochage; Orientation et décrochage; lutte \
                contre le décrochage; décrochage »; décrochent un; décrocher un",
        speakers: &[],
    },
    CodeRule {
        code: H3,
        terms: "ce qui marche; fait la différence; faire la différence; change la donne; \
                facteur*; réussite; qui l'ont maintenu; les a aidés; ce qui vous aide; ce qui les \
                a aidés; succès; levier; meilleur moyen; intensité du lien; ~grâce à; c'est ça \
                qui; ça marche; tout se joue; le plus important; vrai levier; la moitié du chemin",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: H4,
        terms: "changé les pratiques; changé notre approche; transformé les pratiques; effet \
                durable sur les pratiques; innovant; innovation; inventive; aller plus loin; allé \
                plus loin; « aller plus loin »; nouveauté; pas des idées; expérimenter; pratiques \
                de l'ANI; sans innovation; pas changé; ce qu'on voulait faire depuis longtemps; \
                ne se fait pas d'habitude; ~comme d'habitude; pas différente",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: H5,
        terms: "dialogue; interconnaissance; autour de la table; autour d'une table; rejoindre la \
                commission; lien direct avec les partenaires sociaux; acquis durable; seul lieu; \
                seul endroit; seul lieu de rencontre; construire ensemble; changé le regard; \
                rencontres distinctes; des parcours, des visages; dépossession",
        masks: "",
        speakers: &[],
    },
    CodeRule {
        code: H6,
        terms: "entré dans l'ANI; entrée dans l'ANI; entré dans l'ANI il y a; est entrée; est \
                entré; titulaire d'un; sorti sans diplôme; a enchaîné; travaille depuis; est en \
                phase; en phase 2 depuis; entré dans l'ANI en; a perdu son emploi; petits \
                boulots; un jeune de 22 ans; une jeune femme de 24 ans; un jeune de 18 ans; \
                embauché en CDI depuis; trouvée après une immersion; après deux immersions; après \
                une EMT dans l'entreprise; abandon en seconde; j'ai perdu un an",
        masks: "",
        speakers: &[Speaker::Youth, Speaker::Evaluator],
    },
];

/// The list of each rule, parsed, and the opinion list.
pub(super) struct Lexicon {
    pub(super) rules: Vec<(CodeKey, TermList, &'static [Speaker])>,
    pub(super) opinion: TermList,
    pub(super) employer_view: TermList,
}

impl Lexicon {
    pub(super) fn new() -> Lexicon {
        Lexicon {
            rules: RULES
                .iter()
                .map(|r| (r.code, TermList::new(r.terms, r.masks), r.speakers))
                .collect(),
            opinion: TermList::new(OPINION.0, OPINION.1),
            employer_view: TermList::new(EMPLOYER_VIEW, ""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_but_the_perceptions_has_a_rule_and_keys_spell_the_guids() {
        for code in ALL {
            let ruled = RULES.iter().filter(|r| r.code == code).count();
            let expected = usize::from(code.theme != 7);
            assert_eq!(ruled, expected, "{}", code.label());
        }
        assert_eq!(A1.guid(), "A7E11E00-0000-4000-8000-000000010001");
        assert_eq!(E10.guid(), "A7E11E00-0000-4000-8000-000000050010");
        assert_eq!(E10.label(), "E10");
    }

    #[test]
    fn roles_name_their_speakers() {
        assert_eq!(Speaker::of_role("Directrice"), Speaker::Direction);
        assert_eq!(Speaker::of_role("Trois conseillères"), Speaker::Counsellor);
        assert_eq!(Speaker::of_role("Jeune (19 ans)"), Speaker::Youth);
        assert_eq!(Speaker::of_role("DIRECCTE"), Speaker::Partner);
        assert_eq!(
            Speaker::of_role("Direction régionale Pôle emploi"),
            Speaker::Partner
        );
        assert_eq!(Speaker::of_role("Direction de l'A2S"), Speaker::Direction);
        assert_eq!(
            Speaker::of_role("Observation d'un entretien"),
            Speaker::Evaluator
        );
        assert_eq!(Speaker::of_role("REP"), Speaker::Direction);
    }
}
