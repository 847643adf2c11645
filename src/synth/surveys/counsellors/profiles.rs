//! How each network's counsellors answered: the shares dealt to each question. The
//! published figures are here (experience, caseloads, the 80 % of L2619–2623, unanimous
//! continuation at Pôle emploi); everything else follows the report's directions.

use super::{CASELOAD_ML, CASELOAD_PE, RESPONDENTS_ML, RESPONDENTS_PE};

/// Shares per grid item, most favourable first, then the « Ne sait pas » share.
pub(super) type Shares = (&'static [f64], f64);

/// The shares dealt to one network's counsellors.
pub(super) struct Profile {
    /// Respondents.
    pub(super) n: usize,
    /// Respondents from each visited site (by id).
    pub(super) visited: &'static [(&'static str, usize)],
    /// CDI / CDD.
    pub(super) status: [f64; 2],
    /// Less than two years / two to five / more than five (L2175–2208).
    pub(super) experience: [f64; 3],
    /// Respondents to the experience question.
    pub(super) experience_answered: usize,
    /// Only ANI / ANI and other reinforced schemes / all types (L2220–2258).
    pub(super) caseload: [f64; 3],
    /// Respondents to the caseload question.
    pub(super) caseload_answered: usize,
    /// The caseload answers, in the network's words.
    pub(super) caseload_labels: [&'static str; 3],
    /// Young people followed (low, mode, high) for each caseload answer.
    pub(super) caseload_size: [(i64, i64, i64); 3],
    /// Prior experience of reinforced accompaniment: yes / no.
    pub(super) reinforced_before: [f64; 2],
    /// Orientation criteria: Déterminant / Important / Secondaire / Sans importance.
    pub(super) criteria: [[f64; 4]; 6],
    /// Chance of ticking each action offered.
    pub(super) actions: [f64; 9],
    /// Pooling with other schemes: Toujours … Jamais.
    pub(super) pooling: [f64; 5],
    /// Chance of ticking each phase 3 topic.
    pub(super) phase3: [f64; 5],
    /// After the ANI: mainstream / other reinforced scheme / no follow-up / don't know.
    pub(super) after: [f64; 4],
    /// Respondents to the question on what follows the ANI.
    pub(super) after_answered: usize,
    /// Relevance of each component.
    pub(super) relevance: [Shares; 9],
    /// Efficacy of each component.
    pub(super) efficacy: [Shares; 9],
    /// Plus / aussi / moins efficace than other schemes, per item.
    pub(super) comparison: [Shares; 6],
    /// Chance of ticking each effect.
    pub(super) effects: [f64; 6],
    /// Continuation: Oui, tout à fait … Non, pas du tout.
    pub(super) continuation: [f64; 4],
    /// Respondents to the continuation question.
    pub(super) continuation_answered: usize,
    /// Share answering the improvement question.
    pub(super) improve_share: f64,
    /// Share answering the comments question.
    pub(super) comment_share: f64,
}

/// Pôle emploi counsellors.
pub(super) const PE: Profile = Profile {
    n: RESPONDENTS_PE,
    visited: &[
        ("pe_alencon", 3),
        ("pe_vannes", 2),
        ("pe_labege", 9),
        ("pe_lille", 14),
        ("pe_dunkerque", 11),
    ],
    status: [93.0, 7.0],
    experience: [13.0, 17.0, 70.0],
    experience_answered: 271,
    caseload: [30.0, 35.0, 35.0],
    caseload_answered: 270,
    caseload_labels: CASELOAD_PE,
    caseload_size: [(38, 50, 74), (30, 46, 70), (8, 22, 45)],
    reinforced_before: [58.0, 42.0],
    criteria: [
        [12.0, 38.0, 35.0, 15.0],
        [20.0, 41.0, 30.0, 9.0],
        [55.0, 36.0, 7.0, 2.0],
        [18.0, 41.0, 30.0, 11.0],
        [10.0, 35.0, 40.0, 15.0],
        [51.0, 38.0, 9.0, 2.0],
    ],
    actions: [0.92, 0.88, 0.46, 0.71, 0.52, 0.24, 0.31, 0.36, 0.58],
    pooling: [4.0, 11.0, 25.0, 38.0, 22.0],
    phase3: [0.78, 0.66, 0.61, 0.42, 0.36],
    after: [84.0, 9.0, 5.0, 2.0],
    after_answered: 266,
    relevance: [
        (&[38.0, 48.0, 10.0, 2.0], 2.0),
        (&[62.0, 33.0, 3.0, 1.0], 1.0),
        (&[52.0, 38.0, 7.0, 2.0], 1.0),
        (&[58.0, 34.0, 5.0, 1.0], 2.0),
        (&[50.0, 39.0, 8.0, 1.0], 2.0),
        (&[30.0, 44.0, 17.0, 5.0], 4.0),
        (&[40.0, 45.0, 11.0, 2.0], 2.0),
        (&[28.0, 47.0, 19.0, 4.0], 2.0),
        (&[5.0, 24.0, 41.0, 27.0], 3.0),
    ],
    efficacy: [
        (&[33.0, 50.0, 12.0, 2.0], 3.0),
        (&[58.0, 36.0, 4.0, 1.0], 1.0),
        (&[49.0, 40.0, 8.0, 2.0], 1.0),
        (&[56.0, 35.0, 6.0, 1.0], 2.0),
        (&[46.0, 41.0, 9.0, 2.0], 2.0),
        (&[24.0, 45.0, 20.0, 6.0], 5.0),
        (&[35.0, 46.0, 13.0, 3.0], 3.0),
        (&[25.0, 48.0, 20.0, 5.0], 2.0),
        (&[4.0, 21.0, 43.0, 29.0], 3.0),
    ],
    comparison: [
        (&[64.0, 31.0, 3.0], 2.0),
        (&[55.0, 36.0, 6.0], 3.0),
        (&[58.0, 34.0, 5.0], 3.0),
        (&[57.0, 35.0, 5.0], 3.0),
        (&[53.0, 37.0, 6.0], 4.0),
        (&[62.0, 33.0, 3.0], 2.0),
    ],
    effects: [0.66, 0.33, 0.71, 0.63, 0.55, 0.22],
    continuation: [74.0, 26.0, 0.0, 0.0],
    continuation_answered: 268,
    improve_share: 0.52,
    comment_share: 0.3,
};

/// Mission locale counsellors.
pub(super) const ML: Profile = Profile {
    n: RESPONDENTS_ML,
    visited: &[
        ("ml_touraine", 4),
        ("ml_perigueux", 8),
        ("ml_centre_var", 4),
        ("ml_charleville", 6),
        ("ml_nord_essonne", 3),
    ],
    status: [81.0, 19.0],
    experience: [27.0, 22.0, 51.0],
    experience_answered: 194,
    caseload: [14.0, 11.0, 75.0],
    caseload_answered: 193,
    caseload_labels: CASELOAD_ML,
    caseload_size: [(30, 45, 65), (20, 35, 55), (5, 18, 40)],
    reinforced_before: [71.0, 29.0],
    criteria: [
        [50.0, 38.0, 10.0, 2.0],
        [47.0, 41.0, 10.0, 2.0],
        [45.0, 42.0, 11.0, 2.0],
        [30.0, 45.0, 19.0, 6.0],
        [17.0, 42.0, 31.0, 10.0],
        [4.0, 18.0, 46.0, 32.0],
    ],
    actions: [0.86, 0.74, 0.79, 0.41, 0.55, 0.3, 0.63, 0.58, 0.52],
    pooling: [14.0, 42.0, 27.0, 13.0, 4.0],
    phase3: [0.71, 0.4, 0.86, 0.55, 0.38],
    after: [12.0, 80.0, 5.0, 3.0],
    after_answered: 190,
    relevance: [
        (&[40.0, 45.0, 11.0, 2.0], 2.0),
        (&[55.0, 38.0, 5.0, 1.0], 1.0),
        (&[30.0, 48.0, 15.0, 3.0], 4.0),
        (&[38.0, 45.0, 11.0, 2.0], 4.0),
        (&[35.0, 46.0, 13.0, 2.0], 4.0),
        (&[33.0, 42.0, 15.0, 4.0], 6.0),
        (&[42.0, 44.0, 9.0, 2.0], 3.0),
        (&[20.0, 44.0, 27.0, 7.0], 2.0),
        (&[12.0, 45.0, 28.0, 10.0], 5.0),
    ],
    efficacy: [
        (&[34.0, 48.0, 13.0, 2.0], 3.0),
        (&[50.0, 41.0, 6.0, 1.0], 2.0),
        (&[26.0, 48.0, 18.0, 3.0], 5.0),
        (&[35.0, 46.0, 12.0, 2.0], 5.0),
        (&[31.0, 47.0, 15.0, 2.0], 5.0),
        (&[28.0, 43.0, 18.0, 5.0], 6.0),
        (&[37.0, 46.0, 11.0, 2.0], 4.0),
        (&[19.0, 44.0, 28.0, 7.0], 2.0),
        (&[10.0, 44.0, 30.0, 11.0], 5.0),
    ],
    comparison: [
        (&[27.0, 60.0, 9.0], 4.0),
        (&[15.0, 63.0, 14.0], 8.0),
        (&[20.0, 62.0, 11.0], 7.0),
        (&[19.0, 63.0, 12.0], 6.0),
        (&[23.0, 61.0, 10.0], 6.0),
        (&[22.0, 64.0, 9.0], 5.0),
    ],
    effects: [0.84, 0.63, 0.44, 0.37, 0.51, 0.24],
    continuation: [31.0, 38.0, 22.0, 9.0],
    continuation_answered: 191,
    improve_share: 0.58,
    comment_share: 0.28,
};
