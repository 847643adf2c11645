//! Suggestions learned from the evaluator's own coding: for one code of one question, which
//! uncoded answers look like the ones already coded with it, why (the words that weigh most),
//! and how often such a suggestion would have been right, measured honestly.
//!
//! The evaluator stays the coder: a suggestion is only a place to look first. So the model
//! must be one whose reasons can be shown and checked, trained in a blink on the laptop, and
//! useful with a few dozen coded answers. That is a multinomial naive Bayes on stems, with
//! add-one (Laplace) smoothing and each stem counted once per answer (« binarised »): in an
//! answer of ten words, saying « voiture » three times is not three times the evidence. Its
//! log-odds is a prior plus one weight per word, so « the words that drove it » are exactly
//! the terms of the sum, not an after-the-fact approximation. An L2 logistic regression
//! would give better calibrated probabilities but needs an iterative fit and a penalty to
//! choose, and its weights move with correlated words; naive Bayes needs neither and is
//! known to do well on short texts with little training data.
//!
//! Training data: an answer coded with the code is a positive, an answer coded with other
//! codes only is a negative, an uncoded answer is neither (it has not been read yet, so its
//! lack of the code says nothing). Nothing is suggested before [`MIN_POSITIVES`] and
//! [`MIN_NEGATIVES`].
//!
//! How good the suggestions are is measured by stratified [`FOLDS`]-fold cross-validation
//! over the coded answers: each coded answer is judged by a model trained without it, so the
//! figures say what to expect on answers the model has not seen, which is what the uncoded
//! ones are. The folds are drawn with a fixed seed, so the same coding gives the same
//! figures every time the panel opens.

use super::text::{Lexicon, StemId};
use crate::model::coding::{Anchor, CodeId, Coding};
use crate::model::french;

/// Coded answers with the code needed before anything is suggested. With five folds, eight
/// leave at least six positives to train each fold's model and at least one to test in each
/// held-out fold; fewer, and the word weights are noise and each answer moves the
/// percentages shown by more than twelve points.
pub const MIN_POSITIVES: usize = 8;

/// Coded answers without the code (coded with others) needed before anything is suggested;
/// the same reasoning as [`MIN_POSITIVES`]: the model learns what sets the code apart, and
/// cannot without examples of what it is not.
pub const MIN_NEGATIVES: usize = 8;

/// Parts of the cross-validation: each coded answer is judged by a model trained on the
/// other four fifths.
pub const FOLDS: usize = 5;

/// The probability of the code from which an answer is suggested.
pub const THRESHOLD: f64 = 0.5;

/// The most words shown as the reasons for one suggestion.
pub const MAX_DRIVERS: usize = 5;

/// Add-one smoothing: a word never seen with the code still has a small chance of coming
/// with it, so one unseen word cannot veto a suggestion.
const SMOOTHING: f64 = 1.0;

/// The seed of the folds' draw (any fixed number: the figures must not change from one
/// opening of the panel to the next).
const FOLD_SEED: u64 = 0x5EED_A7E1_1E12_2025;

/// What the evaluator's coding says of one answer, for one code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// Coded with the code.
    Positive,
    /// Coded, with other codes only.
    Negative,
    /// Not coded yet: not training data, and a candidate for suggestions.
    Uncoded,
}

/// The label of each of `answers` answers to `question` of `source` for `code`, from the
/// project's codings (answer `i` is respondent `i`). A coding with this exact code makes a
/// positive (codes below it in the codebook do not count: a suggestion is for the code the
/// evaluator picked). Codings of other questions, of notes, or of respondents past `answers`
/// are not about these answers and are passed over.
pub fn labels(
    codings: &[Coding],
    source: &str,
    question: &str,
    code: CodeId,
    answers: usize,
) -> Vec<Label> {
    let mut labels = vec![Label::Uncoded; answers];
    for coding in codings {
        let Anchor::Answer {
            source: s,
            question: q,
            respondent,
            ..
        } = &coding.anchor
        else {
            continue;
        };
        if s != source || q != question {
            continue;
        }
        let Some(label) = labels.get_mut(*respondent as usize) else {
            continue;
        };
        if coding.code == code {
            *label = Label::Positive;
        } else if *label == Label::Uncoded {
            *label = Label::Negative;
        }
    }
    labels
}

/// A word that weighed towards the code in a suggestion.
#[derive(Clone, Debug, PartialEq)]
pub struct Driver {
    /// The word as written in the answer (its first occurrence).
    pub word: String,
    /// What it adds to the log-odds of the code (natural log; above 0, towards the code).
    pub weight: f64,
}

/// An uncoded answer that looks like the ones coded with the code.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The answer (its index in the texts, the respondent for a question's answers).
    pub answer: usize,
    /// The model's probability of the code, from [`THRESHOLD`] to 1. Naive Bayes is
    /// overconfident (many answers reach 0.99): this ranks; how often a suggestion is right
    /// is what [`Evaluation::precision`] says.
    pub probability: f64,
    /// The words that weighed most towards the code, heaviest first, at most
    /// [`MAX_DRIVERS`].
    pub drivers: Vec<Driver>,
}

/// How the suggestions would have fared on the answers already coded, each judged by a
/// model that had not seen it (cross-validation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// Answers coded so far (the training data).
    pub coded: usize,
    /// Of which coded with the code.
    pub positives: usize,
    /// Of which coded with other codes only.
    pub negatives: usize,
    /// Parts of the cross-validation.
    pub folds: usize,
    /// Suggested, and coded with the code.
    pub true_positives: usize,
    /// Suggested, but coded without it.
    pub false_positives: usize,
    /// Not suggested, but coded with it.
    pub false_negatives: usize,
    /// Not suggested, and coded without it.
    pub true_negatives: usize,
}

impl Evaluation {
    /// How many coded answers would have been suggested.
    pub fn suggested(&self) -> usize {
        self.true_positives + self.false_positives
    }

    /// The share of suggestions that were right (0 to 1); `None` when nothing would have
    /// been suggested.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.true_positives, self.suggested())
    }

    /// The share of the code's answers that would have been found (0 to 1); `None` without
    /// any.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.true_positives, self.positives)
    }

    /// The share of coded answers put on the right side of the threshold (0 to 1); `None`
    /// without any.
    pub fn accuracy(&self) -> Option<f64> {
        ratio(self.true_positives + self.true_negatives, self.coded)
    }

    /// The accuracy of a model that never suggests the code, or always does, whichever is
    /// better: what [`Evaluation::accuracy`] must beat to mean anything.
    pub fn chance_accuracy(&self) -> Option<f64> {
        ratio(self.positives.max(self.negatives), self.coded)
    }

    /// The figure for the panel, in French (« Sur 120 réponses déjà codées, 87 % des
    /// suggestions auraient été justes (26 sur 30) et 65 % des réponses codées avec ce code
    /// auraient été retrouvées (26 sur 40). »).
    pub fn sentence(&self) -> String {
        let coded = french::count(self.coded as u64);
        let (Some(precision), Some(recall)) = (self.precision(), self.recall()) else {
            return format!(
                "Sur {coded} réponses déjà codées, aucune n'aurait été suggérée : \
                 le codage ne distingue pas encore assez ce code."
            );
        };
        format!(
            "Sur {coded} réponses déjà codées, {} des suggestions auraient été justes \
             ({} sur {}) et {} des réponses codées avec ce code auraient été retrouvées \
             ({} sur {}).",
            french::percent(precision * 100.0, 0),
            french::count(self.true_positives as u64),
            french::count(self.suggested() as u64),
            french::percent(recall * 100.0, 0),
            french::count(self.true_positives as u64),
            french::count(self.positives as u64),
        )
    }

    /// The details, in French, for a tooltip: plain accuracy against chance, and how it was
    /// measured.
    pub fn details(&self) -> String {
        let percent = |x: Option<f64>| french::percent(x.unwrap_or(0.0) * 100.0, 0);
        format!(
            "Au total, {} des réponses codées auraient été bien classées, contre {} en \
             répondant toujours pareil. Chaque réponse a été jugée par un modèle appris sans \
             elle (validation croisée en {} parts).",
            percent(self.accuracy()),
            percent(self.chance_accuracy()),
            self.folds,
        )
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The uncoded answers worth a look for a code, most probable first, and how far to trust
/// them.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestions {
    /// Uncoded answers whose probability of the code is at least [`THRESHOLD`], most
    /// probable first (ties in answer order).
    pub ranked: Vec<Suggestion>,
    /// How such suggestions fared on the answers already coded.
    pub evaluation: Evaluation,
}

/// Too little coding to learn from; says what is missing, in French.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct NotEnoughCoding {
    /// Answers coded with the code so far.
    pub positives: usize,
    /// Answers coded with other codes only so far.
    pub negatives: usize,
}

impl NotEnoughCoding {
    /// What the panel says instead of suggestions.
    pub fn message(&self) -> String {
        let have = |n: usize| match n {
            0 => "il n'y en a aucune".to_owned(),
            n => format!("il y en a {}", french::count(n as u64)),
        };
        let few_positives = self.positives < MIN_POSITIVES;
        let few_negatives = self.negatives < MIN_NEGATIVES;
        match (few_positives, few_negatives) {
            (true, true) => format!(
                "Pas encore de suggestions : il faut au moins {MIN_POSITIVES} réponses codées \
                 avec ce code ({}) et {MIN_NEGATIVES} réponses codées avec d'autres codes \
                 seulement ({}).",
                have(self.positives),
                have(self.negatives)
            ),
            (true, false) => format!(
                "Pas encore de suggestions : il faut au moins {MIN_POSITIVES} réponses codées \
                 avec ce code pour apprendre à le reconnaître ; {}.",
                have(self.positives)
            ),
            _ => format!(
                "Pas encore de suggestions : il faut au moins {MIN_NEGATIVES} réponses codées \
                 avec d'autres codes mais pas celui-ci, pour apprendre ce qui le distingue ; {}.",
                have(self.negatives)
            ),
        }
    }
}

/// Suggestions for one code among `texts` (the answers to one question), learned from
/// `labels` (one per text; see [`labels`]; texts past the labels are uncoded). An error
/// when there is too little coding to learn from, saying what is missing.
pub fn suggest<S: AsRef<str>>(
    texts: &[S],
    labels: &[Label],
) -> Result<Suggestions, NotEnoughCoding> {
    let label = |i: usize| labels.get(i).copied().unwrap_or(Label::Uncoded);
    let positives = (0..texts.len())
        .filter(|&i| label(i) == Label::Positive)
        .count();
    let negatives = (0..texts.len())
        .filter(|&i| label(i) == Label::Negative)
        .count();
    if positives < MIN_POSITIVES || negatives < MIN_NEGATIVES {
        return Err(NotEnoughCoding {
            positives,
            negatives,
        });
    }

    let mut lexicon = Lexicon::new();
    let features = Features::new(texts, &mut lexicon);
    let examples: Vec<(usize, bool)> = (0..texts.len())
        .filter_map(|i| match label(i) {
            Label::Positive => Some((i, true)),
            Label::Negative => Some((i, false)),
            Label::Uncoded => None,
        })
        .collect();
    let evaluation = cross_validate(&features, &examples, lexicon.stem_count());

    let model = NaiveBayes::train(&features, &examples, lexicon.stem_count());
    let mut scored: Vec<(usize, f64)> = (0..texts.len())
        .filter(|&i| label(i) == Label::Uncoded)
        .filter_map(|i| {
            let score = model.score(features.of(i));
            score.suggested().then_some((i, score.log_odds))
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));

    let mut tokens = Vec::new();
    let ranked = scored
        .into_iter()
        .map(|(answer, log_odds)| {
            let text = texts[answer].as_ref();
            lexicon.tokens(text, &mut tokens);
            let mut drivers: Vec<(StemId, Driver)> = Vec::new();
            for token in tokens.iter().filter(|t| !t.entry.stop) {
                let stem = token.entry.stem;
                let Some(weight) = model.weight(stem).filter(|w| *w > 0.0) else {
                    continue;
                };
                if drivers.iter().all(|(s, _)| *s != stem) {
                    let word = text[token.byte_start..token.byte_end].to_owned();
                    drivers.push((stem, Driver { word, weight }));
                }
            }
            drivers.sort_by(|a, b| b.1.weight.total_cmp(&a.1.weight));
            drivers.truncate(MAX_DRIVERS);
            Suggestion {
                answer,
                probability: probability(log_odds),
                drivers: drivers.into_iter().map(|(_, d)| d).collect(),
            }
        })
        .collect();
    Ok(Suggestions { ranked, evaluation })
}

fn probability(log_odds: f64) -> f64 {
    1.0 / (1.0 + (-log_odds).exp())
}

/// Each answer's distinct stems, stop words left out, in one flat table.
struct Features {
    stems: Vec<StemId>,
    bounds: Vec<usize>,
}

impl Features {
    fn new<S: AsRef<str>>(texts: &[S], lexicon: &mut Lexicon) -> Features {
        let mut stems = Vec::new();
        let mut bounds = Vec::with_capacity(texts.len() + 1);
        bounds.push(0);
        let mut tokens = Vec::new();
        for text in texts {
            lexicon.tokens(text.as_ref(), &mut tokens);
            let from = stems.len();
            stems.extend(
                tokens
                    .iter()
                    .filter(|t| !t.entry.stop)
                    .map(|t| t.entry.stem),
            );
            stems[from..].sort_unstable();
            let mut distinct = from;
            for i in from..stems.len() {
                if distinct == from || stems[distinct - 1] != stems[i] {
                    stems[distinct] = stems[i];
                    distinct += 1;
                }
            }
            stems.truncate(distinct);
            bounds.push(stems.len());
        }
        Features { stems, bounds }
    }

    fn of(&self, answer: usize) -> &[StemId] {
        match (self.bounds.get(answer), self.bounds.get(answer + 1)) {
            (Some(&from), Some(&to)) => &self.stems[from..to],
            _ => &[],
        }
    }
}

/// A binarised multinomial naive Bayes: log-odds = prior + the weights of the answer's
/// distinct known stems.
struct NaiveBayes {
    prior: f64,
    /// Per stem: `Some(weight)` for a stem seen in training, `None` for one never seen
    /// (which says nothing either way, and is left out of the sum).
    weights: Vec<Option<f64>>,
}

/// An answer's log-odds of the code, and whether any of its words weighs towards it.
#[derive(Clone, Copy, Debug)]
struct Score {
    log_odds: f64,
    supported: bool,
}

impl Score {
    /// Whether the answer is suggested. A suggestion needs a word that points to the code:
    /// an answer the model knows nothing of would otherwise be suggested on the prior alone
    /// whenever the code is the commoner one, with no reason to show.
    fn suggested(self) -> bool {
        self.supported && probability(self.log_odds) >= THRESHOLD
    }
}

impl NaiveBayes {
    fn train(features: &Features, examples: &[(usize, bool)], stem_count: usize) -> NaiveBayes {
        let mut counts = vec![[0u32; 2]; stem_count];
        let mut docs = [0usize; 2];
        for &(answer, positive) in examples {
            let class = usize::from(positive);
            docs[class] += 1;
            for stem in features.of(answer) {
                if let Some(c) = counts.get_mut(stem.index()) {
                    c[class] += 1;
                }
            }
        }
        let vocabulary = counts.iter().filter(|c| c[0] + c[1] > 0).count() as f64;
        let totals = [0, 1].map(|class| counts.iter().map(|c| f64::from(c[class])).sum::<f64>());
        let denominators = totals.map(|t| t + SMOOTHING * vocabulary);
        let weights = counts
            .iter()
            .map(|c| {
                (c[0] + c[1] > 0).then(|| {
                    ((f64::from(c[1]) + SMOOTHING) / denominators[1]).ln()
                        - ((f64::from(c[0]) + SMOOTHING) / denominators[0]).ln()
                })
            })
            .collect();
        // Both classes have examples whenever this is called (checked by `suggest` and kept
        // by stratified folds); the guard keeps the log finite all the same.
        let prior = ((docs[1].max(1)) as f64 / (docs[0].max(1)) as f64).ln();
        NaiveBayes { prior, weights }
    }

    fn weight(&self, stem: StemId) -> Option<f64> {
        self.weights.get(stem.index()).copied().flatten()
    }

    fn score(&self, stems: &[StemId]) -> Score {
        let mut log_odds = self.prior;
        let mut supported = false;
        for &stem in stems {
            if let Some(w) = self.weight(stem) {
                log_odds += w;
                supported |= w > 0.0;
            }
        }
        Score {
            log_odds,
            supported,
        }
    }
}

/// Stratified k-fold cross-validation: positives and negatives are each shuffled (fixed
/// seed) and dealt round the folds, so that every fold holds both; each fold is scored by a
/// model trained on the others only.
fn cross_validate(
    features: &Features,
    examples: &[(usize, bool)],
    stem_count: usize,
) -> Evaluation {
    let mut positives: Vec<usize> = (0..examples.len()).filter(|&e| examples[e].1).collect();
    let mut negatives: Vec<usize> = (0..examples.len()).filter(|&e| !examples[e].1).collect();
    let mut rng = SplitMix64(FOLD_SEED);
    rng.shuffle(&mut positives);
    rng.shuffle(&mut negatives);
    let mut fold_of = vec![0usize; examples.len()];
    for (rank, &e) in positives.iter().enumerate() {
        fold_of[e] = rank % FOLDS;
    }
    for (rank, &e) in negatives.iter().enumerate() {
        fold_of[e] = rank % FOLDS;
    }

    let mut evaluation = Evaluation {
        coded: examples.len(),
        positives: positives.len(),
        negatives: negatives.len(),
        folds: FOLDS,
        ..Evaluation::default()
    };
    let mut training = Vec::with_capacity(examples.len());
    for fold in 0..FOLDS {
        training.clear();
        training.extend(
            examples
                .iter()
                .zip(&fold_of)
                .filter(|(_, f)| **f != fold)
                .map(|(e, _)| *e),
        );
        let model = NaiveBayes::train(features, &training, stem_count);
        for (&(answer, positive), _) in examples.iter().zip(&fold_of).filter(|(_, f)| **f == fold) {
            let suggested = model.score(features.of(answer)).suggested();
            match (suggested, positive) {
                (true, true) => evaluation.true_positives += 1,
                (true, false) => evaluation.false_positives += 1,
                (false, true) => evaluation.false_negatives += 1,
                (false, false) => evaluation.true_negatives += 1,
            }
        }
    }
    evaluation
}

/// A small, fast, seedable generator (SplitMix64), enough to deal folds; a dependency for
/// this would weigh more than the fifteen lines.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests;
