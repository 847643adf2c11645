//! The memos the sample's coders left: how the material was coded (the project memo), the
//! decision rules they agreed on for the codes they argued about, and a note on the one
//! practice the evaluation singles out (the Nord Essonne club).

use std::collections::BTreeMap;

use super::lexicon::{B4, CodeKey, H6};
use crate::model::coding::{CodeId, Codebook, MemoTarget};

const PROJECT: &str = "Protocole de codage de l'échantillon.\n\
Codeur A : toutes les notes de visite des dix sites (par passages : une phrase, ou le paragraphe \
quand tout le paragraphe en parle), les 40 entretiens employeurs (champ par champ, entier ou par \
passage) et les réponses ouvertes des cinq questionnaires (réponses entières ; les réponses sans \
contenu, « RAS », « Non », ne sont pas codées).\n\
Codeur B : double codage à l'aveugle de toutes les notes, d'un tiers des entretiens employeurs et \
d'environ 30 % des réponses de chaque question ouverte, tirés au hasard.\n\
Règles : multi-codage autorisé ; coder le plus petit segment qui porte le sens ; le réseau et le \
site sont des attributs, pas des codes. L'accord se mesure par réponse et par paragraphe de note ; \
les désaccords sont repris en réunion de codage avant la rédaction des monographies.";

const PERCEPTIONS: &str = "Le code de perception dépend de qui parle, pas de ce dont on parle : \
un conseiller qui juge les ateliers relève de « Perceptions des conseillers », un jeune qui les \
trouve ennuyeux de « Perceptions des jeunes ». Les directions, la DIRECCTE, l'ARML et les \
partenaires sociaux relèvent de « Perceptions institutionnelles ». Une observation de \
l'évaluateur n'est pas une perception.";

const POSITIONING: &str = "Décision de la réunion de codage du 15 novembre : quand le passage \
porte sur la conception des dispositifs (CIVIS, emplois d'avenir, club ZUS, « mille-feuille »), \
coder « Positionnement dans l'offre existante » ; garder « Articulation ML / Pôle emploi » pour les \
liens entre opérateurs sur le terrain (vérifier qu'un jeune n'est pas suivi ailleurs, règles \
d'orientation). B utilisait les deux indifféremment au début : désaccords à revoir.";

const PATHWAY: &str = "Réservé aux récits suivis d'un jeune (entrée, actions, issue, suite), \
dans les entretiens de jeunes et les observations. Coder aussi les étapes du récit avec les codes \
d'accompagnement (E) et de sortie (H1, H2).";

const CLUB_NOTE: &str = "Pratique intéressante au sens de l'objectif 4 de l'évaluation : le club \
est un projet pédagogique antérieur à l'ANI, que le dispositif a financé. À rapprocher du fonctionnement en club observé \
à Dunkerque (plus court, plus centré sur la recherche d'emploi). Citer dans la monographie, partie \
« Pratiques professionnelles d'accompagnement renforcé ».";

/// The note the club memo is about.
const CLUB_FILE: &str = "notes/ml_nord_essonne/04_note_club.docx";

/// The memos, keyed by what they are about.
pub(super) fn memos(
    codebook: &Codebook,
    ids: &BTreeMap<CodeKey, CodeId>,
) -> BTreeMap<MemoTarget, String> {
    let mut memos = BTreeMap::new();
    memos.insert(MemoTarget::Project, PROJECT.to_owned());
    let perceptions = codebook
        .children(None)
        .into_iter()
        .find(|theme| theme.name == "Perceptions")
        .map(|theme| theme.id);
    if let Some(theme) = perceptions {
        memos.insert(MemoTarget::Code(theme), PERCEPTIONS.to_owned());
    }
    if let Some(&id) = ids.get(&B4) {
        memos.insert(MemoTarget::Code(id), POSITIONING.to_owned());
    }
    if let Some(&id) = ids.get(&H6) {
        memos.insert(MemoTarget::Code(id), PATHWAY.to_owned());
    }
    memos.insert(
        MemoTarget::Document(CLUB_FILE.to_owned()),
        CLUB_NOTE.to_owned(),
    );
    memos
}
