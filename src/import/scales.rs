//! Recognising ordered answer scales from the labels observed in a column.
//!
//! Survey tools export closed answers as their text ("Plutôt satisfait", "5. Tout à fait
//! d'accord", "Strongly disagree"), in no particular order and with the typing of whoever
//! wrote the questionnaire. [`recognise`] tells whether a set of observed labels forms a known
//! ordered scale (satisfaction, agreement, usefulness, frequency, comparison, 1–N …) and, if
//! so, orders it from the most to the least favourable answer, with the non-substantive answers
//! ("Ne sait pas", "Sans avis", "N/A") set apart.
//!
//! Every label is first reduced by [`normalise`] (case, accents, apostrophes, punctuation),
//! then word by word to a rough French/English stem, so that "tres satisfaite", "Très
//! satisfait" and "TRÈS SATISFAITS" read the same. A label is then read as
//! *modifier + adjective* ("plutôt" + "utile", "pas du tout" + "d'accord", "very" +
//! "dissatisfied"), as a fixed phrase ("de temps en temps", "probablement pas"), or as a
//! comparison ("beaucoup plus efficace"), and given a signed favourability score. A set of
//! labels is a scale only when *every* substantive label reads in the same family: precision
//! matters more than recall, since a wrong order is worse than an order to check.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::model::french::{fold_char, is_apostrophe};

/// Families of ordered answer scales that Atelier knows how to order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ScaleFamily {
    /// « Très satisfait … Pas du tout satisfait », "Very satisfied … Very dissatisfied".
    Satisfaction,
    /// « Tout à fait d'accord … Pas du tout d'accord », "Strongly agree … Strongly disagree".
    Agreement,
    /// « Très utile … Pas du tout utile / Inutile », "Very useful … Useless".
    Usefulness,
    /// « Déterminant / Très important … Pas du tout important ».
    Importance,
    /// « Très efficace … Inefficace », "Very effective … Ineffective".
    Efficacy,
    /// Pertinence: « Très pertinent … Pas du tout pertinent », « adapté », "relevant".
    Relevance,
    /// « Oui certainement … Non certainement pas », « Très probable … Improbable ».
    Likelihood,
    /// « Toujours … Jamais », "Always … Never".
    Frequency,
    /// « Excellent / Très bien … Très mauvais », "Excellent … Very poor".
    Quality,
    /// « Très facile … Très difficile », "Very easy … Very difficult".
    Ease,
    /// « Beaucoup plus efficace … Aussi efficace … Beaucoup moins efficace », « Mieux … Pire ».
    Comparison,
    /// A degree without a named dimension: « Tout à fait / Plutôt / Plutôt pas / Pas du
    /// tout », « Beaucoup / Un peu / Pas du tout », « Oui, tout à fait … Non, pas du tout »,
    /// or one adjective the other families do not know (« Très clair … Pas du tout clair »).
    Degree,
    /// Integers from 0 to 10 ("1" … "5", "0" … "10"), possibly with anchors ("1 - Pas du tout").
    Numeric,
}

impl ScaleFamily {
    /// Every family, in the order [`recognise`] tries them: the most specific first.
    pub const ALL: [ScaleFamily; 13] = [
        ScaleFamily::Satisfaction,
        ScaleFamily::Agreement,
        ScaleFamily::Usefulness,
        ScaleFamily::Importance,
        ScaleFamily::Efficacy,
        ScaleFamily::Relevance,
        ScaleFamily::Likelihood,
        ScaleFamily::Frequency,
        ScaleFamily::Quality,
        ScaleFamily::Ease,
        ScaleFamily::Comparison,
        ScaleFamily::Degree,
        ScaleFamily::Numeric,
    ];

    /// The family's name, in French, as shown to the user.
    pub fn label_fr(self) -> &'static str {
        match self {
            ScaleFamily::Satisfaction => "satisfaction",
            ScaleFamily::Agreement => "accord",
            ScaleFamily::Usefulness => "utilité",
            ScaleFamily::Importance => "importance",
            ScaleFamily::Efficacy => "efficacité",
            ScaleFamily::Relevance => "pertinence",
            ScaleFamily::Likelihood => "probabilité",
            ScaleFamily::Frequency => "fréquence",
            ScaleFamily::Quality => "qualité",
            ScaleFamily::Ease => "facilité",
            ScaleFamily::Comparison => "comparaison",
            ScaleFamily::Degree => "degré",
            ScaleFamily::Numeric => "échelle numérique",
        }
    }
}

/// A recognised scale: the observed labels, in order, and the answers set apart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleMatch {
    /// The family the labels belong to.
    pub family: ScaleFamily,
    /// The observed substantive labels, exactly as written, most favourable first. Labels
    /// of equal rank ("Satisfait", "Plutôt satisfait") are all kept, the stronger wording
    /// first.
    pub order: Vec<String>,
    /// The favourability of each label of `order`, same length: positive is favourable,
    /// zero neutral (the centre of a diverging chart), negative unfavourable; never
    /// increasing along `order`. Only the sign and the order are meaningful. For a numeric
    /// scale, twice the distance to the middle of the scale (1–5: 4, 2, 0, −2, −4).
    pub scores: Vec<i32>,
    /// The observed non-substantive labels ("Ne sait pas", "Sans avis", "N/A"), exactly as
    /// written, in the order first seen.
    pub non_substantive: Vec<String>,
}

/// Reduce a label for comparison: lowercase, accents folded (« é » → "e", « œ » → "oe"),
/// typographic apostrophes made straight and glued to their words ("d’ accord" →
/// "d'accord"), inclusive-writing suffixes dropped ("concerné(e)", "satisfait·e·s"), every
/// other punctuation mark turned into a space, spaces collapsed and trimmed.
pub fn normalise(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    let mut out = String::with_capacity(label.len());
    let mut pending_space = false;
    let mut pending_apostrophe = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let after_letter = i > 0 && chars[i - 1].is_alphabetic();
        if c == '(' && after_letter {
            // "concerné(e)", "satisfait(e)s"
            let letters = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .count();
            if (1..=2).contains(&letters) && chars.get(i + 1 + letters) == Some(&')') {
                i += letters + 2;
                continue;
            }
        }
        if c == '·' && after_letter {
            // "concerné·e", "satisfait·e·s"
            let letters = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .count();
            if (1..=2).contains(&letters) {
                i += letters + 1;
                continue;
            }
        }
        i += 1;
        if is_apostrophe(c) {
            pending_apostrophe = !out.is_empty();
            pending_space = false;
            continue;
        }
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue; // a combining accent (decomposed text): dropped with its accent
        }
        for lower in c.to_lowercase() {
            let folded = fold_char(lower);
            if folded.is_some() || lower.is_alphanumeric() {
                if pending_apostrophe {
                    out.push('\'');
                } else if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_apostrophe = false;
                pending_space = false;
                match folded {
                    Some(f) => out.push_str(f),
                    None => out.push(lower),
                }
            } else {
                pending_space = true;
                pending_apostrophe = false;
            }
        }
    }
    // « d accord », « daccord »: the apostrophe typed as a space or forgotten.
    if out.contains("accord") {
        let words: Vec<&str> = out.split(' ').collect();
        let mut fixed: Vec<String> = Vec::with_capacity(words.len());
        let mut k = 0;
        while k < words.len() {
            if words[k] == "d" && words.get(k + 1) == Some(&"accord") {
                fixed.push("d'accord".to_owned());
                k += 2;
            } else if words[k] == "daccord" {
                fixed.push("d'accord".to_owned());
                k += 1;
            } else {
                fixed.push(words[k].to_owned());
                k += 1;
            }
        }
        out = fixed.join(" ");
    }
    out
}

/// Whether a label is a non-substantive answer ("Ne sait pas", "NSP", "Sans avis", "Non
/// concerné(e)", "Sans objet", "Don't know", "N/A", "Prefer not to say", "Non réponse" …),
/// which never belongs to a scale. A label made only of punctuation ("-", "?") is one too.
pub fn is_non_substantive(label: &str) -> bool {
    if label.trim().is_empty() {
        return false;
    }
    let norm = normalise(label);
    if norm.is_empty() {
        return true;
    }
    let words: Vec<&str> = norm.split(' ').collect();
    let words = strip_number(&words).1;
    let lemmas: Vec<String> = words.iter().map(|w| lemma(w)).collect();
    let joined = lemmas.join(" ");
    let lex = &*LEXICON;
    if lex.non_substantive_exact.contains(&joined) {
        return true;
    }
    let padded = format!(" {joined} ");
    lex.non_substantive_within
        .iter()
        .any(|p| padded.contains(p.as_str()))
}

/// The family and favourability score of one label read on its own (the most specific
/// family first), e.g. « Plutôt satisfait » → (`Satisfaction`, 10). Scores: 20 for "très" /
/// "tout à fait", 12 for the bare adjective, 10 for "plutôt", 0 for the middle, −10 for
/// "plutôt pas" / "peu", −15 for "pas" / "in-", −20 for "pas du tout". A bare integer from 0
/// to 10 gives (`Numeric`, the integer).
pub fn canonical_rank(label: &str) -> Option<(ScaleFamily, i32)> {
    if is_non_substantive(label) {
        return None;
    }
    let analysis = analyse(label);
    for family in ScaleFamily::ALL {
        if let Some(c) = analysis
            .candidates
            .iter()
            .find(|c| c.family == family && c.explicit)
        {
            return Some((family, c.score));
        }
    }
    match analysis.number {
        Some(n) if !analysis.has_text && (0..=10).contains(&n) => Some((ScaleFamily::Numeric, n)),
        _ => None,
    }
}

/// Recognise an ordered scale in the distinct non-empty answers observed in one column (or
/// across a battery's columns). Returns `None` unless every substantive label reads in one
/// known family, at least two of them with different ranks; Oui/Non, lists of options and
/// brackets ("Moins de deux ans", "Plus de cinq ans") are not scales.
pub fn recognise<'a>(labels: impl IntoIterator<Item = &'a str>) -> Option<ScaleMatch> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut substantive: Vec<&str> = Vec::new();
    let mut non_substantive: Vec<String> = Vec::new();
    for label in labels {
        if label.trim().is_empty() || !seen.insert(label) {
            continue;
        }
        if is_non_substantive(label) {
            non_substantive.push(label.to_owned());
        } else {
            substantive.push(label);
        }
    }
    if substantive.len() < 2 {
        return None;
    }
    let analyses: Vec<Analysis> = substantive.iter().map(|l| analyse(l)).collect();
    let (family, scores) = numeric_match(&analyses).or_else(|| text_match(&analyses))?;
    if scores.iter().collect::<BTreeSet<_>>().len() < 2 {
        return None;
    }
    let mut indices: Vec<usize> = (0..substantive.len()).collect();
    indices.sort_by(|&a, &b| {
        scores[b]
            .cmp(&scores[a])
            .then_with(|| analyses[b].number.cmp(&analyses[a].number))
            .then_with(|| a.cmp(&b))
    });
    Some(ScaleMatch {
        family,
        order: indices.iter().map(|&i| substantive[i].to_owned()).collect(),
        scores: indices.iter().map(|&i| scores[i]).collect(),
        non_substantive,
    })
}

// ---------------------------------------------------------------------------------------
// Reading one label

/// A reading of a label in one family.
#[derive(Clone, Debug)]
struct Candidate {
    family: ScaleFamily,
    /// Signed favourability; see [`canonical_rank`].
    score: i32,
    /// For [`ScaleFamily::Degree`] and [`ScaleFamily::Comparison`]: the adjective the label
    /// grades ("clair", "efficac"); every label of a scale must grade the same one. `None`
    /// fits any.
    key: Option<String>,
    /// `false` for readings that fit a family without naming it (« Neutre », « Plutôt »,
    /// « Pas du tout »): a family needs at least one label that names it.
    explicit: bool,
}

impl Candidate {
    fn new(family: ScaleFamily, score: i32) -> Self {
        Candidate {
            family,
            score,
            key: None,
            explicit: true,
        }
    }
}

/// What a label says: a number, some text, and the readings of the text.
#[derive(Debug)]
struct Analysis {
    number: Option<i32>,
    has_text: bool,
    candidates: Vec<Candidate>,
}

fn analyse(label: &str) -> Analysis {
    let trimmed = label.trim();
    if let Some(n) = parse_integer(trimmed) {
        return Analysis {
            number: Some(n),
            has_text: false,
            candidates: Vec::new(),
        };
    }
    let norm = normalise(trimmed);
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    let (number, text) = strip_number(&words);
    let candidates = if text.is_empty() {
        Vec::new()
    } else {
        text_candidates(text)
    };
    Analysis {
        number,
        has_text: !text.is_empty(),
        candidates,
    }
}

/// "4", "4.0", "4,0" → 4.
fn parse_integer(s: &str) -> Option<i32> {
    if let Ok(n) = s.parse::<i32>() {
        return Some(n);
    }
    let v: f64 = s.replace(',', ".").parse().ok()?;
    // Only whole values up to a modest size: larger ones are not scale points anyway.
    (v.is_finite() && v.fract() == 0.0 && v.abs() < 1e6).then_some(v as i32)
}

/// A leading ("5. Tout à fait", "(4) Plutôt utile") or trailing ("Pas du tout (1)") number
/// of one or two digits, set apart from the text.
fn strip_number<'w, 'a>(words: &'w [&'a str]) -> (Option<i32>, &'w [&'a str]) {
    let number = |w: &str| {
        (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    match words {
        [first, rest @ ..] if !rest.is_empty() && number(first).is_some() => (number(first), rest),
        [rest @ .., last] if !rest.is_empty() && number(last).is_some() => (number(last), rest),
        _ => (None, words),
    }
}

fn text_candidates(words: &[&str]) -> Vec<Candidate> {
    let lex = &*LEXICON;
    let lemmas: Vec<String> = words.iter().map(|w| lemma(w)).collect();
    let mut out: Vec<Candidate> = Vec::new();
    if let Some(fixed) = lex.fixed.get(&lemmas.join(" ")) {
        out.extend(fixed.iter().cloned());
    }
    grammar_candidates(lex, &lemmas, &mut out);
    if let Some(c) = comparison_candidate(words) {
        out.push(c);
    }
    // « Oui, tout à fait », « Non, pas du tout », « Oui, probablement », « Non, jamais ».
    if words.len() > 1 && matches!(words[0], "oui" | "yes" | "non" | "no") {
        let yes = matches!(words[0], "oui" | "yes");
        let rest = text_candidates(&words[1..]);
        out.extend(
            rest.into_iter()
                .filter(|c| if yes { c.score >= -10 } else { c.score < 0 }),
        );
    }
    out
}

/// Modifier + adjective readings: « Plutôt satisfait », « Pas du tout d'accord », « Ni
/// utile ni inutile », "Very dissatisfied", « Pas utile du tout ».
fn grammar_candidates(lex: &Lexicon, lemmas: &[String], out: &mut Vec<Candidate>) {
    let Some(first) = lemmas.first() else { return };
    // « Ni satisfait ni insatisfait », "Neither agree nor disagree": the middle.
    if first == "ni" || first == "neither" {
        let sep = if first == "ni" { "ni" } else { "nor" };
        if let Some(j) = lemmas.iter().skip(2).position(|w| w == sep) {
            let graded = &lemmas[1..j + 2];
            for stem in lex.stems.get(&graded.join(" ")).into_iter().flatten() {
                out.push(Candidate::new(stem.family, 0));
            }
            if let Some(key) = generic_key(lex, graded) {
                out.push(Candidate {
                    key: Some(key),
                    ..Candidate::new(ScaleFamily::Degree, 0)
                });
            }
        }
        return;
    }
    // « Pas utile du tout », "Not useful at all".
    let n = lemmas.len();
    let (modifier, graded, bare_ok): (Option<Modifier>, &[String], bool) = if n > 3
        && ((first == "pas" && lemmas[n - 2] == "du" && lemmas[n - 1] == "tout")
            || (first == "not" && lemmas[n - 2] == "at" && lemmas[n - 1] == "all"))
    {
        (Some(Modifier::Neg(-20)), &lemmas[1..n - 2], false)
    } else if let Some(m) = lex.modifiers.iter().find(|m| lemmas.starts_with(&m.words)) {
        (Some(m.modifier), &lemmas[m.words.len()..], m.bare_ok)
    } else {
        (None, lemmas, false)
    };
    if graded.is_empty() {
        // A bare modifier: « Tout à fait », « Plutôt pas », « Pas du tout ».
        let Some(modifier) = modifier.filter(|_| bare_ok) else {
            return;
        };
        let score = modifier.score(false, false);
        out.push(Candidate::new(ScaleFamily::Degree, score));
        for family in ADJECTIVE_FAMILIES {
            out.push(Candidate {
                explicit: false,
                ..Candidate::new(family, score)
            });
        }
        return;
    }
    for stem in lex.stems.get(&graded.join(" ")).into_iter().flatten() {
        let combined = match modifier {
            None => Some(Level::Bare.score(stem.strong, stem.negative)),
            Some(m) => m.combine(stem),
        };
        if let Some(score) = combined {
            out.push(Candidate::new(stem.family, score));
        }
    }
    if let Some(key) = generic_key(lex, graded) {
        // A word without a modifier (« Clair ») only joins a scale that grades it elsewhere.
        let score = modifier.map_or(Level::Bare.score(false, false), |m| m.score(false, false));
        out.push(Candidate {
            key: Some(key),
            explicit: modifier.is_some(),
            ..Candidate::new(ScaleFamily::Degree, score)
        });
    }
}

/// The adjective a generic degree label grades, unless it looks like a quantity or a
/// bracket (« de deux ans », « 3 fois »).
fn generic_key(lex: &Lexicon, graded: &[String]) -> Option<String> {
    let first = graded.first()?;
    if matches!(
        first.as_str(),
        "de" | "d" | "du" | "des" | "que" | "qu" | "of" | "than" | "a" | "en"
    ) || first.starts_with("d'")
        || first.starts_with("qu'")
    {
        return None;
    }
    if graded
        .iter()
        .any(|w| w.bytes().any(|b| b.is_ascii_digit()) || lex.quantity_words.contains(w.as_str()))
    {
        return None;
    }
    Some(graded.join(" "))
}

/// « Beaucoup plus efficace », « Aussi utile », « Moins bien », « Mieux », "Much better",
/// "About the same". Brackets (« Plus de cinq ans », "Less than a year") are not comparisons.
fn comparison_candidate(words: &[&str]) -> Option<Candidate> {
    let joined = words.join(" ");
    if NEUTRAL_COMPARISONS.contains(&joined.as_str()) {
        return Some(Candidate::new(ScaleFamily::Comparison, 0));
    }
    let mut rest = words;
    let mut factor = 2; // in halves: 4 = much, 2 = plain, 1 = a little
    let neutral_prefix: &[&[&str]] = &[
        &["ni", "plus", "ni", "moins"],
        &["neither", "more", "nor", "less"],
    ];
    let mut direction: Option<i32> = None;
    for p in neutral_prefix {
        if rest.starts_with(p) {
            rest = &rest[p.len()..];
            direction = Some(0);
        }
    }
    if direction.is_none() {
        if let Some(p) = COMPARISON_STRONG.iter().find(|p| rest.starts_with(p)) {
            rest = &rest[p.len()..];
            factor = 4;
        } else if let Some(p) = COMPARISON_WEAK.iter().find(|p| rest.starts_with(p)) {
            rest = &rest[p.len()..];
            factor = 1;
        }
    }
    let mut implicit_good = false;
    if direction.is_none() {
        let (dir, len, good) = match rest {
            ["tout", "aussi", ..] => (0, 2, false),
            ["aussi" | "autant" | "as" | "equally", ..] => (0, 1, false),
            ["plus" | "more", ..] => (1, 1, false),
            ["moins" | "less" | "fewer", ..] => (-1, 1, false),
            ["mieux" | "better", ..] => (1, 1, true),
            ["pire" | "worse", ..] => (-1, 1, true),
            _ => return None,
        };
        if dir == 0 && factor != 2 {
            return None;
        }
        rest = &rest[len..];
        direction = Some(dir);
        implicit_good = good;
    }
    let mut direction = direction?;
    // Drop the term of the comparison: « … que les autres dispositifs », "… than before".
    let cut = rest
        .iter()
        .position(|w| matches!(*w, "que" | "qu" | "than" | "as") || w.starts_with("qu'"))
        .unwrap_or(rest.len());
    if cut == 0 && !rest.is_empty() {
        // « Plus que … », "More than …": a quantity, not a judgement.
        return None;
    }
    let graded = &rest[..cut];
    if let Some(w) = graded.first()
        && (matches!(*w, "de" | "d" | "du" | "des" | "of" | "a" | "an") || w.starts_with("d'"))
    {
        return None;
    }
    let lex = &*LEXICON;
    if graded.iter().any(|w| {
        w.bytes().any(|b| b.is_ascii_digit()) || lex.quantity_words.contains(lemma(w).as_str())
    }) {
        return None;
    }
    let key = if implicit_good {
        if !graded.is_empty() {
            return None;
        }
        Some("bien".to_owned())
    } else if graded.is_empty() {
        None
    } else {
        let k = graded
            .iter()
            .map(|w| lemma(w))
            .collect::<Vec<_>>()
            .join(" ");
        match k.as_str() {
            "bien" | "good" | "well" | "bon" => Some("bien".to_owned()),
            "mal" | "bad" | "badly" => {
                direction = -direction;
                Some("bien".to_owned())
            }
            _ => Some(k),
        }
    };
    Some(Candidate {
        key,
        ..Candidate::new(ScaleFamily::Comparison, direction * 5 * factor)
    })
}

// ---------------------------------------------------------------------------------------
// Matching a set of labels

/// Every label is a number from 0 to 10: a numeric scale, unless the anchors all read in one
/// family (« 1 - Pas du tout d'accord » … « 5 - Tout à fait d'accord »).
fn numeric_match(analyses: &[Analysis]) -> Option<(ScaleFamily, Vec<i32>)> {
    if !analyses
        .iter()
        .all(|a| a.number.is_some_and(|n| (0..=10).contains(&n)))
    {
        return None;
    }
    if analyses.iter().all(|a| a.has_text)
        && let Some(found) = text_match(analyses)
    {
        return Some(found);
    }
    // Text that is not an anchor ("1 fois", "2 ans"): a count, not a scale.
    if analyses
        .iter()
        .any(|a| a.has_text && a.candidates.is_empty())
    {
        return None;
    }
    let numbers: Vec<i32> = analyses.iter().filter_map(|a| a.number).collect();
    let distinct: BTreeSet<i32> = numbers.iter().copied().collect();
    let (Some(&low), Some(&high)) = (distinct.first(), distinct.last()) else {
        return None;
    };
    if distinct.len() < 3 {
        return None;
    }
    // The anchors tell which end is favourable: correlate number and anchor score.
    let mean2 = low + high;
    let correlation: i64 = analyses
        .iter()
        .filter_map(|a| {
            let anchor = a.candidates.iter().find(|c| c.explicit)?;
            Some(i64::from(2 * a.number? - mean2) * i64::from(anchor.score))
        })
        .sum();
    let sign = if correlation < 0 { -1 } else { 1 };
    // The nominal range: 1–N when nobody answered 0.
    let bottom = if low >= 1 { 1 } else { 0 };
    let scores = numbers
        .iter()
        .map(|&n| sign * (2 * n - (bottom + high)))
        .collect();
    Some((ScaleFamily::Numeric, scores))
}

/// The first family in which every label has a reading.
fn text_match(analyses: &[Analysis]) -> Option<(ScaleFamily, Vec<i32>)> {
    ScaleFamily::ALL
        .into_iter()
        .find_map(|family| match_family(family, analyses).map(|s| (family, s)))
}

fn match_family(family: ScaleFamily, analyses: &[Analysis]) -> Option<Vec<i32>> {
    let keys: BTreeSet<&str> = analyses
        .iter()
        .flat_map(|a| a.candidates.iter())
        .filter(|c| c.family == family)
        .filter_map(|c| c.key.as_deref())
        .collect();
    // Labels that fit any adjective alone first, then each graded adjective in turn.
    let options = std::iter::once(None).chain(keys.into_iter().map(Some));
    'keys: for key in options {
        let mut scores = Vec::with_capacity(analyses.len());
        let mut explicit = 0;
        let mut keyed_scores: BTreeSet<i32> = BTreeSet::new();
        for a in analyses {
            let fits =
                |c: &&Candidate| c.family == family && (c.key.is_none() || c.key.as_deref() == key);
            let explicit_fit = a.candidates.iter().filter(fits).find(|c| c.explicit);
            let Some(c) = explicit_fit.or_else(|| a.candidates.iter().find(fits)) else {
                continue 'keys;
            };
            explicit += usize::from(c.explicit);
            if c.key.is_some() {
                keyed_scores.insert(c.score);
            }
            scores.push(c.score);
        }
        if explicit == 0 {
            continue;
        }
        // An unknown adjective must be graded at least twice before it reads as a scale.
        if family == ScaleFamily::Degree
            && key.is_some_and(|k| !k.is_empty())
            && keyed_scores.len() < 2
        {
            continue;
        }
        return Some(scores);
    }
    None
}

// ---------------------------------------------------------------------------------------
// Vocabulary

/// Families read as modifier + adjective, which a bare modifier (« Plutôt », « Pas du
/// tout ») or a neutral label (« Neutre ») can join.
const ADJECTIVE_FAMILIES: [ScaleFamily; 8] = [
    ScaleFamily::Satisfaction,
    ScaleFamily::Agreement,
    ScaleFamily::Usefulness,
    ScaleFamily::Importance,
    ScaleFamily::Efficacy,
    ScaleFamily::Relevance,
    ScaleFamily::Likelihood,
    ScaleFamily::Ease,
];

/// How strongly a positive modifier grades.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Extreme,
    Max,
    Bare,
    Rather,
    Fairly,
    Slight,
    Middle,
}

impl Level {
    /// The score of this level applied to an adjective: `strong` ones are above "très …"
    /// when bare (« Déterminant », « Indispensable »); `negative` ones are antonyms
    /// (« insatisfait », « inutile », "disagree").
    fn score(self, strong: bool, negative: bool) -> i32 {
        use Level::*;
        if negative {
            return match self {
                Extreme => -25,
                Max => -20,
                Bare => -15,
                Rather => -12,
                Fairly => -10,
                Slight => -8,
                Middle => -5,
            };
        }
        match (self, strong) {
            (Extreme, false) => 25,
            (Max, false) => 20,
            (Bare, false) => 12,
            (Rather, false) => 10,
            (Fairly, false) => 8,
            (Slight, false) => 3,
            (Middle, _) => 0,
            (Extreme | Max, true) => 28,
            (Bare, true) => 25,
            (Rather | Fairly, true) => 15,
            (Slight, true) => 5,
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Modifier {
    /// « très », « plutôt », « assez », « un peu », « moyennement » …
    Pos(Level),
    /// « pas du tout » (−20), « pas » (−15), « plutôt pas » / « peu » (−10) …
    Neg(i32),
}

impl Modifier {
    fn score(self, strong: bool, negative: bool) -> i32 {
        match self {
            Modifier::Pos(level) => level.score(strong, negative),
            Modifier::Neg(score) => score,
        }
    }

    /// The modifier applied to an adjective; `None` for a negated antonym (« pas inutile »).
    fn combine(self, stem: &Stem) -> Option<i32> {
        match self {
            Modifier::Neg(_) if stem.negative => None,
            m => Some(m.score(stem.strong, stem.negative)),
        }
    }
}

struct ModifierEntry {
    words: Vec<String>,
    modifier: Modifier,
    /// Whether the modifier alone is an answer (« Plutôt », « Pas du tout »; not « Pas »).
    bare_ok: bool,
}

#[derive(Clone, Copy, Debug)]
struct Stem {
    family: ScaleFamily,
    negative: bool,
    strong: bool,
}

struct Lexicon {
    fixed: HashMap<String, Vec<Candidate>>,
    stems: HashMap<String, Vec<Stem>>,
    /// Longest first, so that « plutôt pas » wins over « plutôt ».
    modifiers: Vec<ModifierEntry>,
    non_substantive_exact: HashSet<String>,
    /// Padded with spaces, to be found as whole words in a padded label.
    non_substantive_within: Vec<String>,
    quantity_words: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// Lemmatised words of a phrase, joined by spaces: the key every vocabulary is stored by.
fn phrase_key(phrase: &str) -> String {
    normalise(phrase)
        .split(' ')
        .map(lemma)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Lexicon {
    fn build() -> Lexicon {
        use ScaleFamily::*;
        let mut fixed: HashMap<String, Vec<Candidate>> = HashMap::new();
        for &(phrase, family, score) in FIXED {
            fixed
                .entry(phrase_key(phrase))
                .or_default()
                .push(Candidate::new(family, score));
        }
        // « Oui » and « Non » join a degree scale that « Plutôt oui » or « Oui, tout à
        // fait » makes explicit, but never form one on their own.
        for (phrase, score) in [("oui", 20), ("yes", 20), ("non", -20), ("no", -20)] {
            fixed
                .entry(phrase_key(phrase))
                .or_default()
                .push(Candidate {
                    explicit: false,
                    ..Candidate::new(Degree, score)
                });
        }
        for phrase in NEUTRAL {
            let entry = fixed.entry(phrase_key(phrase)).or_default();
            entry.push(Candidate::new(Degree, 0));
            for family in ADJECTIVE_FAMILIES.into_iter().chain([Quality]) {
                entry.push(Candidate {
                    explicit: false,
                    ..Candidate::new(family, 0)
                });
            }
        }
        let mut stems: HashMap<String, Vec<Stem>> = HashMap::new();
        for &(word, family, negative, strong) in STEMS {
            stems.entry(phrase_key(word)).or_default().push(Stem {
                family,
                negative,
                strong,
            });
        }
        let mut modifiers: Vec<ModifierEntry> = Vec::new();
        for (phrases, level) in POSITIVE_MODIFIERS {
            for p in *phrases {
                modifiers.push(ModifierEntry {
                    words: phrase_key(p).split(' ').map(str::to_owned).collect(),
                    modifier: Modifier::Pos(*level),
                    bare_ok: true,
                });
            }
        }
        for (phrases, score) in NEGATIVE_MODIFIERS {
            for p in *phrases {
                let words: Vec<String> = phrase_key(p).split(' ').map(str::to_owned).collect();
                let bare_ok =
                    !matches!(words.as_slice(), [w] if w == "pas" || w == "non" || w == "not");
                modifiers.push(ModifierEntry {
                    words,
                    modifier: Modifier::Neg(*score),
                    bare_ok,
                });
            }
        }
        modifiers.sort_by_key(|m| std::cmp::Reverse(m.words.len()));
        let non_substantive_exact = NON_SUBSTANTIVE_EXACT
            .iter()
            .map(|p| phrase_key(p))
            .collect();
        let non_substantive_within = NON_SUBSTANTIVE_WITHIN
            .iter()
            .map(|p| format!(" {} ", phrase_key(p)))
            .collect();
        let quantity_words = QUANTITY_WORDS.iter().map(|w| lemma(w)).collect();
        Lexicon {
            fixed,
            stems,
            modifiers,
            non_substantive_exact,
            non_substantive_within,
            quantity_words,
        }
    }
}

/// A rough stem shared by the gender and number forms of a French or English word:
/// trailing "e"s and "s"s are dropped (not "ss"), then a final doubled n, l or t is
/// simplified: « satisfaites » → "satisfait", « bonnes » → "bon", « mauvaise » →
/// "mauvai", « concernée » → "concern". Used on both sides of every comparison, so it needs
/// only to be consistent, not linguistically right.
fn lemma(word: &str) -> String {
    let mut w = word;
    while w.len() > 3 {
        if w.ends_with('e') || (w.ends_with('s') && !w.ends_with("ss")) {
            w = &w[..w.len() - 1];
        } else {
            break;
        }
    }
    let mut out = w.to_owned();
    let bytes = out.as_bytes();
    if bytes.len() > 3 {
        let (a, b) = (bytes[bytes.len() - 2], bytes[bytes.len() - 1]);
        if a == b && matches!(b, b'n' | b'l' | b't') {
            out.pop();
        }
    }
    out
}

/// Positive modifiers, by how strongly they grade.
#[rustfmt::skip]
const POSITIVE_MODIFIERS: &[(&[&str], Level)] = &[
    (&["extrêmement", "extremely", "exceptionnellement"], Level::Extreme),
    (&["très", "tout à fait", "totalement", "entièrement", "complètement", "absolument", "vraiment",
       "fortement", "parfaitement", "pleinement", "particulièrement", "hautement", "very",
       "strongly", "completely", "totally", "fully", "entirely", "absolutely", "highly", "really",
       "definitely"], Level::Max),
    (&["plutôt", "globalement", "somewhat", "rather", "quite", "mostly", "moderately", "tend to",
       "generally"], Level::Rather),
    (&["assez", "relativement", "suffisamment", "fairly", "reasonably"], Level::Fairly),
    (&["un peu", "légèrement", "partiellement", "en partie", "slightly", "a little", "a bit",
       "partly", "partially"], Level::Slight),
    (&["moyennement"], Level::Middle),
];

/// Negating modifiers, with the score they give a positive adjective.
#[rustfmt::skip]
const NEGATIVE_MODIFIERS: &[(&[&str], i32)] = &[
    (&["pas du tout", "absolument pas", "aucunement", "nullement", "vraiment pas", "en aucun cas",
       "not at all", "absolutely not", "definitely not"], -20),
    (&["très peu", "very little"], -18),
    (&["pas", "non", "not", "ne pas"], -15),
    (&["pas vraiment", "pas franchement", "pas réellement", "not really"], -12),
    (&["plutôt pas", "peu", "pas très", "pas particulièrement", "pas tellement", "pas trop",
       "pas assez", "pas suffisamment", "pas si", "insuffisamment", "not very", "not particularly",
       "not so", "not too", "not that", "not especially"], -10),
    (&["assez peu", "relativement peu"], -8),
];

/// Adjectives read with modifiers: (word, family, antonym, strong).
const STEMS: &[(&str, ScaleFamily, bool, bool)] = {
    use ScaleFamily::*;
    &[
        ("satisfait", Satisfaction, false, false),
        ("content", Satisfaction, false, false),
        ("insatisfait", Satisfaction, true, false),
        ("mécontent", Satisfaction, true, false),
        ("satisfied", Satisfaction, false, false),
        ("dissatisfied", Satisfaction, true, false),
        ("unsatisfied", Satisfaction, true, false),
        ("d'accord", Agreement, false, false),
        ("en accord", Agreement, false, false),
        ("en désaccord", Agreement, true, false),
        ("désaccord", Agreement, true, false),
        ("agree", Agreement, false, false),
        ("disagree", Agreement, true, false),
        ("utile", Usefulness, false, false),
        ("inutile", Usefulness, true, false),
        ("indispensable", Usefulness, false, true),
        ("useful", Usefulness, false, false),
        ("helpful", Usefulness, false, false),
        ("useless", Usefulness, true, false),
        ("unhelpful", Usefulness, true, false),
        ("important", Importance, false, false),
        ("déterminant", Importance, false, true),
        ("essentiel", Importance, false, true),
        ("primordial", Importance, false, true),
        ("crucial", Importance, false, true),
        ("unimportant", Importance, true, false),
        ("efficace", Efficacy, false, false),
        ("inefficace", Efficacy, true, false),
        ("effective", Efficacy, false, false),
        ("ineffective", Efficacy, true, false),
        ("efficient", Efficacy, false, false),
        ("inefficient", Efficacy, true, false),
        ("pertinent", Relevance, false, false),
        ("adapté", Relevance, false, false),
        ("inadapté", Relevance, true, false),
        ("approprié", Relevance, false, false),
        ("inapproprié", Relevance, true, false),
        ("relevant", Relevance, false, false),
        ("irrelevant", Relevance, true, false),
        ("appropriate", Relevance, false, false),
        ("inappropriate", Relevance, true, false),
        ("probable", Likelihood, false, false),
        ("improbable", Likelihood, true, false),
        ("likely", Likelihood, false, false),
        ("unlikely", Likelihood, true, false),
        ("facile", Ease, false, false),
        ("simple", Ease, false, false),
        ("difficile", Ease, true, false),
        ("compliqué", Ease, true, false),
        ("easy", Ease, false, false),
        ("difficult", Ease, true, false),
        ("satisfaisant", Quality, false, false),
        ("insatisfaisant", Quality, true, false),
        ("satisfactory", Quality, false, false),
        ("unsatisfactory", Quality, true, false),
    ]
};

/// Whole labels with a fixed reading.
const FIXED: &[(&str, ScaleFamily, i32)] = {
    use ScaleFamily::*;
    &[
        // Frequency
        ("toujours", Frequency, 30),
        ("tout le temps", Frequency, 30),
        ("systématiquement", Frequency, 30),
        ("presque toujours", Frequency, 25),
        ("quasiment toujours", Frequency, 25),
        ("la plupart du temps", Frequency, 22),
        ("très souvent", Frequency, 20),
        ("très fréquemment", Frequency, 20),
        ("souvent", Frequency, 10),
        ("fréquemment", Frequency, 10),
        ("régulièrement", Frequency, 10),
        ("assez souvent", Frequency, 8),
        ("plutôt souvent", Frequency, 8),
        ("parfois", Frequency, 0),
        ("de temps en temps", Frequency, 0),
        ("de temps à autre", Frequency, 0),
        ("quelquefois", Frequency, 0),
        ("occasionnellement", Frequency, -3),
        ("pas souvent", Frequency, -8),
        ("plutôt rarement", Frequency, -8),
        ("rarement", Frequency, -10),
        ("très rarement", Frequency, -15),
        ("exceptionnellement", Frequency, -15),
        ("presque jamais", Frequency, -18),
        ("quasiment jamais", Frequency, -18),
        ("jamais", Frequency, -25),
        ("always", Frequency, 30),
        ("almost always", Frequency, 25),
        ("most of the time", Frequency, 22),
        ("very often", Frequency, 20),
        ("often", Frequency, 10),
        ("frequently", Frequency, 10),
        ("fairly often", Frequency, 8),
        ("sometimes", Frequency, 0),
        ("from time to time", Frequency, 0),
        ("occasionally", Frequency, -3),
        ("rarely", Frequency, -10),
        ("seldom", Frequency, -10),
        ("very rarely", Frequency, -15),
        ("almost never", Frequency, -18),
        ("hardly ever", Frequency, -18),
        ("never", Frequency, -25),
        // Quality
        ("excellent", Quality, 30),
        ("parfait", Quality, 30),
        ("très bien", Quality, 25),
        ("très bon", Quality, 25),
        ("bien", Quality, 12),
        ("bon", Quality, 12),
        ("plutôt bien", Quality, 8),
        ("plutôt bon", Quality, 8),
        ("assez bien", Quality, 5),
        ("assez bon", Quality, 5),
        ("pas mal", Quality, 5),
        ("correct", Quality, 3),
        ("acceptable", Quality, 2),
        ("moyen", Quality, 0),
        ("moyennement", Quality, 0),
        ("moyennement bien", Quality, 3),
        ("passable", Quality, 0),
        ("plutôt mauvais", Quality, -8),
        ("plutôt mal", Quality, -8),
        ("insuffisant", Quality, -10),
        ("médiocre", Quality, -12),
        ("mauvais", Quality, -12),
        ("mal", Quality, -12),
        ("pas bien", Quality, -12),
        ("très insuffisant", Quality, -22),
        ("très mauvais", Quality, -25),
        ("très mal", Quality, -25),
        ("nul", Quality, -30),
        ("outstanding", Quality, 30),
        ("very good", Quality, 25),
        ("good", Quality, 12),
        ("fairly good", Quality, 8),
        ("fair", Quality, 0),
        ("average", Quality, 0),
        ("poor", Quality, -12),
        ("bad", Quality, -12),
        ("very poor", Quality, -25),
        ("very bad", Quality, -25),
        ("terrible", Quality, -30),
        // Likelihood
        ("certainement", Likelihood, 20),
        ("sûrement", Likelihood, 20),
        ("assurément", Likelihood, 20),
        ("probablement", Likelihood, 10),
        ("sans doute", Likelihood, 10),
        ("peut-être", Likelihood, 0),
        ("probablement pas", Likelihood, -10),
        ("sans doute pas", Likelihood, -10),
        ("certainement pas", Likelihood, -20),
        ("sûrement pas", Likelihood, -20),
        ("definitely", Likelihood, 20),
        ("certainly", Likelihood, 20),
        ("definitely will", Likelihood, 20),
        ("probably", Likelihood, 10),
        ("probably will", Likelihood, 10),
        ("maybe", Likelihood, 0),
        ("might or might not", Likelihood, 0),
        ("possibly", Likelihood, 0),
        ("probably not", Likelihood, -10),
        ("probably will not", Likelihood, -10),
        ("definitely not", Likelihood, -20),
        ("definitely will not", Likelihood, -20),
        ("certainly not", Likelihood, -20),
        // Importance
        ("secondaire", Importance, -10),
        ("peu d'importance", Importance, -10),
        ("sans importance", Importance, -18),
        ("pas d'importance", Importance, -18),
        ("aucune importance", Importance, -20),
        ("not important", Importance, -15),
        // Degree without an adjective
        ("énormément", Degree, 25),
        ("beaucoup", Degree, 20),
        ("a lot", Degree, 20),
        ("very much", Degree, 20),
        ("a great deal", Degree, 20),
        ("pas beaucoup", Degree, -10),
        ("plutôt oui", Degree, 10),
        ("plutôt non", Degree, -10),
        ("mostly yes", Degree, 10),
        ("mostly no", Degree, -10),
        ("not much", Degree, -10),
        ("not very much", Degree, -10),
    ]
};

/// Middle answers that fit any adjective scale.
#[rustfmt::skip]
const NEUTRAL: &[&str] = &[
    "neutre", "neutral", "indifférent", "ni l'un ni l'autre", "ni oui ni non", "mitigé",
    "avis mitigé", "neither", "neither nor",
];

/// Comparisons that fit any compared adjective.
#[rustfmt::skip]
const NEUTRAL_COMPARISONS: &[&str] = &[
    "pareil", "pareille", "identique", "la meme chose", "meme chose", "equivalent", "equivalente",
    "comparable", "similaire", "ni plus ni moins", "ni mieux ni moins bien", "ni mieux ni pire",
    "sans difference", "pas de difference", "aucune difference", "sans changement", "the same",
    "about the same", "same", "no difference", "similar", "neither better nor worse",
    "neither more nor less",
];

const COMPARISON_STRONG: &[&[&str]] = &[
    &["beaucoup"],
    &["bien"],
    &["nettement"],
    &["largement"],
    &["tres"],
    &["much"],
    &["far"],
    &["a", "lot"],
    &["significantly"],
];

const COMPARISON_WEAK: &[&[&str]] = &[
    &["un", "petit", "peu"],
    &["un", "peu"],
    &["legerement"],
    &["a", "little"],
    &["a", "bit"],
    &["slightly"],
    &["somewhat"],
];

/// Non-substantive answers, compared whole.
#[rustfmt::skip]
const NON_SUBSTANTIVE_EXACT: &[&str] = &[
    "nsp", "nspp", "ns", "nr", "nc", "na", "n/a", "n.a.", "dk", "refus", "aucun avis", "pas d'avis",
    "pas d'opinion", "aucune opinion", "je ne sais pas", "ne sait pas", "don't know", "refused",
];

/// Non-substantive answers, found anywhere in a label.
#[rustfmt::skip]
const NON_SUBSTANTIVE_WITHIN: &[&str] = &[
    "ne sait pas", "ne sais pas", "sais pas", "ne se prononce pas", "ne me prononce pas",
    "ne peut pas se prononcer", "ne peux pas me prononcer", "ne peut se prononcer", "sans avis",
    "sans opinion", "non concerné", "pas concerné", "sans objet", "sans réponse", "non réponse",
    "non-réponse", "pas de réponse", "ne souhaite pas répondre", "ne veut pas répondre",
    "refuse de répondre", "non applicable", "pas applicable", "ne s'applique pas", "don't know",
    "dont know", "do not know", "not sure", "no opinion", "not applicable", "does not apply",
    "prefer not to say", "prefer not to answer", "rather not say", "no answer", "not concerned",
];

/// Words of quantities and durations: a label grading them is a bracket, not a scale.
#[rustfmt::skip]
const QUANTITY_WORDS: &[&str] = &[
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "quinze", "vingt", "trente", "quarante", "cinquante", "cent", "mille", "an", "ans", "année",
    "mois", "semaine", "jour", "heure", "minute", "fois", "two", "three", "four", "five", "ten",
    "year", "month", "week", "day", "hour", "time", "once", "twice", "euro", "euros",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn order(labels: &[&str]) -> Vec<String> {
        recognise(labels.iter().copied())
            .map(|m| m.order)
            .unwrap_or_default()
    }

    fn family(labels: &[&str]) -> Option<ScaleFamily> {
        recognise(labels.iter().copied()).map(|m| m.family)
    }

    #[test]
    fn normalise_folds_case_accents_apostrophes_and_punctuation() {
        assert_eq!(
            normalise("  Tout à fait d’accord !  "),
            "tout a fait d'accord"
        );
        assert_eq!(normalise("TRÈS SATISFAIT(E)"), "tres satisfait");
        assert_eq!(normalise("Non concerné·e"), "non concerne");
        assert_eq!(normalise("5. Plutôt   satisfait"), "5 plutot satisfait");
        assert_eq!(normalise("Pas d accord"), "pas d'accord");
        assert_eq!(normalise("N/A"), "n a");
        assert_eq!(normalise("Cœur"), "coeur");
        // Decomposed accents (e + combining acute) read like composed ones.
        assert_eq!(normalise("tre\u{301}s"), "tres");
    }

    #[test]
    fn satisfaction_french_in_any_observed_order() {
        let labels = [
            "Plutôt satisfait",
            "Pas du tout satisfait",
            "Très satisfait",
            "Plutôt pas satisfait",
        ];
        let found = recognise(labels).expect("a satisfaction scale");
        assert_eq!(found.family, ScaleFamily::Satisfaction);
        assert_eq!(
            found.order,
            [
                "Très satisfait",
                "Plutôt satisfait",
                "Plutôt pas satisfait",
                "Pas du tout satisfait"
            ]
        );
        assert!(found.scores.windows(2).all(|w| w[0] > w[1]));
        assert_eq!(found.scores.len(), found.order.len());
    }

    #[test]
    fn satisfaction_variants_accents_missing_feminine_plural_and_middle() {
        assert_eq!(
            order(&[
                "peu satisfaite",
                "tres satisfaits",
                "Ni satisfait ni insatisfait",
                "Insatisfait",
                "Satisfaite",
            ]),
            [
                "tres satisfaits",
                "Satisfaite",
                "Ni satisfait ni insatisfait",
                "peu satisfaite",
                "Insatisfait"
            ]
        );
        assert_eq!(
            order(&[
                "Plutôt insatisfait",
                "Tout à fait satisfait",
                "Très insatisfait",
                "Neutre"
            ]),
            [
                "Tout à fait satisfait",
                "Neutre",
                "Plutôt insatisfait",
                "Très insatisfait"
            ]
        );
    }

    #[test]
    fn satisfaction_english() {
        let labels = [
            "Dissatisfied",
            "Very satisfied",
            "Neither satisfied nor dissatisfied",
            "Very dissatisfied",
            "Satisfied",
        ];
        let found = recognise(labels).expect("a satisfaction scale");
        assert_eq!(found.family, ScaleFamily::Satisfaction);
        assert_eq!(
            found.order,
            [
                "Very satisfied",
                "Satisfied",
                "Neither satisfied nor dissatisfied",
                "Dissatisfied",
                "Very dissatisfied"
            ]
        );
        let middle = found
            .order
            .iter()
            .position(|l| l.starts_with("Neither"))
            .expect("middle");
        assert_eq!(found.scores[middle], 0);
    }

    #[test]
    fn agreement_french_with_numeric_prefixes_and_typographic_apostrophes() {
        let labels = [
            "1 - Pas du tout d'accord",
            "5. Tout à fait d’accord",
            "(3) Ni d'accord ni pas d'accord",
            "2 - Plutôt pas d'accord",
            "4 - Plutôt d'accord",
        ];
        let found = recognise(labels).expect("an agreement scale");
        assert_eq!(found.family, ScaleFamily::Agreement);
        assert_eq!(
            found.order,
            [
                "5. Tout à fait d’accord",
                "4 - Plutôt d'accord",
                "(3) Ni d'accord ni pas d'accord",
                "2 - Plutôt pas d'accord",
                "1 - Pas du tout d'accord",
            ]
        );
        assert_eq!(
            order(&[
                "Pas d'accord",
                "D'accord",
                "tout a fait daccord",
                "Plutôt pas d'accord"
            ]),
            [
                "tout a fait daccord",
                "D'accord",
                "Plutôt pas d'accord",
                "Pas d'accord"
            ]
        );
    }

    #[test]
    fn agreement_english() {
        assert_eq!(
            order(&[
                "Disagree",
                "Strongly agree",
                "Agree",
                "Strongly disagree",
                "Neither agree nor disagree"
            ]),
            [
                "Strongly agree",
                "Agree",
                "Neither agree nor disagree",
                "Disagree",
                "Strongly disagree"
            ]
        );
        assert_eq!(
            family(&["Tend to agree", "Tend to disagree"]),
            Some(ScaleFamily::Agreement)
        );
    }

    #[test]
    fn usefulness_importance_efficacy_relevance() {
        assert_eq!(
            order(&["Inutile", "(4) Plutôt utile", "Très utile", "Peu utile"]),
            ["Très utile", "(4) Plutôt utile", "Peu utile", "Inutile"]
        );
        assert_eq!(
            family(&["Very useful", "Not useful at all", "Somewhat useful"]),
            Some(ScaleFamily::Usefulness)
        );
        assert_eq!(
            order(&[
                "Pas du tout important",
                "Important",
                "Déterminant",
                "Peu important",
                "Très important"
            ]),
            [
                "Déterminant",
                "Très important",
                "Important",
                "Peu important",
                "Pas du tout important"
            ]
        );
        assert_eq!(
            family(&["Assez important", "Pas important"]),
            Some(ScaleFamily::Importance)
        );
        assert_eq!(
            order(&[
                "Inefficace",
                "Plutôt efficace",
                "Très efficace",
                "Plutôt pas efficace"
            ]),
            [
                "Très efficace",
                "Plutôt efficace",
                "Plutôt pas efficace",
                "Inefficace"
            ]
        );
        assert_eq!(
            family(&["Very effective", "Ineffective", "Somewhat effective"]),
            Some(ScaleFamily::Efficacy)
        );
        assert_eq!(
            order(&[
                "Pas du tout pertinent",
                "Très pertinent",
                "Plutôt pertinent",
                "Peu pertinent"
            ]),
            [
                "Très pertinent",
                "Plutôt pertinent",
                "Peu pertinent",
                "Pas du tout pertinent"
            ]
        );
        assert_eq!(
            family(&["Very relevant", "Not relevant", "Irrelevant"]),
            Some(ScaleFamily::Relevance)
        );
    }

    #[test]
    fn frequency_french_and_english() {
        assert_eq!(
            order(&[
                "Parfois",
                "Jamais",
                "Toujours",
                "Rarement",
                "Souvent",
                "Très souvent"
            ]),
            [
                "Toujours",
                "Très souvent",
                "Souvent",
                "Parfois",
                "Rarement",
                "Jamais"
            ]
        );
        assert_eq!(
            order(&["De temps en temps", "Jamais", "Souvent"]),
            ["Souvent", "De temps en temps", "Jamais"]
        );
        assert_eq!(
            order(&["Never", "Always", "Sometimes", "Often", "Rarely"]),
            ["Always", "Often", "Sometimes", "Rarely", "Never"]
        );
        assert_eq!(
            order(&["Non, jamais", "Oui, souvent", "Oui, parfois"]),
            ["Oui, souvent", "Oui, parfois", "Non, jamais"]
        );
    }

    #[test]
    fn comparison_generic_and_better_worse() {
        let found = recognise([
            "Moins efficace",
            "Beaucoup plus efficace",
            "Aussi efficace",
            "Plus efficace",
            "Beaucoup moins efficace",
        ])
        .expect("a comparison");
        assert_eq!(found.family, ScaleFamily::Comparison);
        assert_eq!(
            found.order,
            [
                "Beaucoup plus efficace",
                "Plus efficace",
                "Aussi efficace",
                "Moins efficace",
                "Beaucoup moins efficace"
            ]
        );
        assert_eq!(
            order(&["Moins utiles", "Plus utiles", "Aussi utiles"]),
            ["Plus utiles", "Aussi utiles", "Moins utiles"]
        );
        assert_eq!(
            order(&["Moins bien", "Mieux", "Pareil"]),
            ["Mieux", "Pareil", "Moins bien"]
        );
        assert_eq!(
            order(&["Worse", "Much better", "About the same", "Better"]),
            ["Much better", "Better", "About the same", "Worse"]
        );
        assert_eq!(
            order(&[
                "Plus efficaces que les autres dispositifs",
                "Moins efficaces",
                "Aussi efficaces"
            ]),
            [
                "Plus efficaces que les autres dispositifs",
                "Aussi efficaces",
                "Moins efficaces"
            ]
        );
        // Comparing different things is not one scale.
        assert_eq!(
            family(&["Plus efficace", "Moins utile", "Aussi rapide"]),
            None
        );
    }

    #[test]
    fn quality_and_likelihood() {
        assert_eq!(
            order(&[
                "Bien",
                "Très mauvais",
                "Excellent",
                "Insuffisant",
                "Assez bien"
            ]),
            [
                "Excellent",
                "Bien",
                "Assez bien",
                "Insuffisant",
                "Très mauvais"
            ]
        );
        assert_eq!(
            order(&["Mauvaise", "Très bonne", "Bonne", "Très mauvaise"]),
            ["Très bonne", "Bonne", "Mauvaise", "Très mauvaise"]
        );
        assert_eq!(
            order(&["Poor", "Good", "Excellent", "Fair"]),
            ["Excellent", "Good", "Fair", "Poor"]
        );
        assert_eq!(
            order(&[
                "Non, certainement pas",
                "Oui, certainement",
                "Non, probablement pas",
                "Oui, probablement"
            ]),
            [
                "Oui, certainement",
                "Oui, probablement",
                "Non, probablement pas",
                "Non, certainement pas"
            ]
        );
        assert_eq!(
            family(&["Certainement", "Probablement pas", "Probablement"]),
            Some(ScaleFamily::Likelihood)
        );
        assert_eq!(
            order(&["Unlikely", "Very likely", "Likely", "Very unlikely"]),
            ["Very likely", "Likely", "Unlikely", "Very unlikely"]
        );
    }

    #[test]
    fn degree_without_a_named_dimension() {
        let found = recognise(["Plutôt", "Pas du tout", "Tout à fait", "Plutôt pas"])
            .expect("a degree scale");
        assert_eq!(found.family, ScaleFamily::Degree);
        assert_eq!(
            found.order,
            ["Tout à fait", "Plutôt", "Plutôt pas", "Pas du tout"]
        );
        assert_eq!(
            order(&[
                "Non, pas du tout",
                "Oui, tout à fait",
                "Non, plutôt pas",
                "Oui, plutôt"
            ]),
            [
                "Oui, tout à fait",
                "Oui, plutôt",
                "Non, plutôt pas",
                "Non, pas du tout"
            ]
        );
        assert_eq!(
            order(&["Un peu", "Beaucoup", "Pas du tout"]),
            ["Beaucoup", "Un peu", "Pas du tout"]
        );
        // « Oui » and « Non » join a scale that « Plutôt oui » makes explicit.
        assert_eq!(
            order(&["Plutôt non", "Oui", "Non", "Plutôt oui"]),
            ["Oui", "Plutôt oui", "Plutôt non", "Non"]
        );
        assert_eq!(
            order(&[
                "Peu clair",
                "Très clair",
                "Pas du tout clair",
                "Plutôt clair"
            ]),
            [
                "Très clair",
                "Plutôt clair",
                "Peu clair",
                "Pas du tout clair"
            ]
        );
        // A family scale may end on a bare modifier.
        let found = recognise(["Très utile", "Plutôt utile", "Peu utile", "Pas du tout"])
            .expect("usefulness");
        assert_eq!(found.family, ScaleFamily::Usefulness);
        assert_eq!(found.order.last().map(String::as_str), Some("Pas du tout"));
    }

    #[test]
    fn numeric_scales_order_from_the_highest() {
        let found = recognise(["3", "1", "5", "2", "4"]).expect("1-5");
        assert_eq!(found.family, ScaleFamily::Numeric);
        assert_eq!(found.order, ["5", "4", "3", "2", "1"]);
        assert_eq!(found.scores, [4, 2, 0, -2, -4]);
        let labels: Vec<String> = (0..=10).rev().map(|n| n.to_string()).collect();
        let shuffled: Vec<&str> = labels.iter().rev().map(String::as_str).collect();
        let found = recognise(shuffled).expect("0-10");
        assert_eq!(found.order, labels);
        assert_eq!(found.scores.first(), Some(&10));
        assert_eq!(found.scores[5], 0);
    }

    #[test]
    fn numeric_scales_follow_their_anchors() {
        let found = recognise([
            "2",
            "1 - Pas du tout",
            "5 - Tout à fait",
            "3",
            "4",
            "Ne sait pas",
        ])
        .expect("anchored 1-5");
        assert_eq!(found.family, ScaleFamily::Numeric);
        assert_eq!(
            found.order,
            ["5 - Tout à fait", "4", "3", "2", "1 - Pas du tout"]
        );
        assert_eq!(found.non_substantive, ["Ne sait pas"]);
        // Anchors saying that 1 is the favourable end.
        let found = recognise(["1 = Très satisfait", "2", "3", "4 = Pas du tout satisfait"])
            .expect("reversed");
        assert_eq!(
            found.order,
            ["1 = Très satisfait", "2", "3", "4 = Pas du tout satisfait"]
        );
        // Numbered labels that are not anchors are counts, not scales.
        assert_eq!(family(&["1 fois", "2 fois", "3 fois"]), None);
        assert_eq!(family(&["1", "2"]), None);
        assert_eq!(family(&["2012", "2013", "2014"]), None);
    }

    #[test]
    fn non_substantive_answers_are_set_apart() {
        for label in [
            "Ne sait pas",
            "NSP",
            "Ne se prononce pas",
            "Sans avis",
            "Sans opinion",
            "Non concerné(e)",
            "Pas concernée",
            "Sans objet",
            "Je ne sais pas",
            "Don't know",
            "Don’t know",
            "N/A",
            "NA",
            "Not applicable",
            "Prefer not to say",
            "Non réponse",
            "Sans réponse",
            "No opinion",
            "99 - NSP",
            "-",
        ] {
            assert!(is_non_substantive(label), "{label}");
        }
        for label in ["Plutôt satisfait", "Non", "Jamais", "Pas du tout", "Nantes"] {
            assert!(!is_non_substantive(label), "{label}");
        }
        let found = recognise([
            "Ne sait pas",
            "Très satisfait",
            "Sans avis",
            "Plutôt satisfait",
            "Non concerné",
            "Pas du tout satisfait",
        ])
        .expect("a scale despite the non-substantive answers");
        assert_eq!(
            found.order,
            [
                "Très satisfait",
                "Plutôt satisfait",
                "Pas du tout satisfait"
            ]
        );
        assert_eq!(
            found.non_substantive,
            ["Ne sait pas", "Sans avis", "Non concerné"]
        );
    }

    #[test]
    fn ties_keep_every_label_stronger_wording_first() {
        let found = recognise([
            "Plutôt satisfait",
            "Satisfait",
            "Très satisfait",
            "Tout à fait satisfait",
            "Très satisfait",
        ])
        .expect("satisfaction");
        assert_eq!(
            found.order,
            [
                "Très satisfait",
                "Tout à fait satisfait",
                "Satisfait",
                "Plutôt satisfait"
            ]
        );
        assert_eq!(
            order(&[
                "Insatisfait",
                "Peu satisfait",
                "Plutôt insatisfait",
                "Pas du tout satisfait",
                "Satisfait"
            ]),
            [
                "Satisfait",
                "Peu satisfait",
                "Plutôt insatisfait",
                "Insatisfait",
                "Pas du tout satisfait"
            ]
        );
    }

    #[test]
    fn yes_no_options_and_brackets_are_not_scales() {
        assert_eq!(family(&["Oui", "Non"]), None);
        assert_eq!(family(&["Yes", "No", "Ne sait pas"]), None);
        assert_eq!(family(&["Oui, souvent", "Non"]), None);
        assert_eq!(
            family(&[
                "Moins de deux ans",
                "Entre deux et cinq ans",
                "Plus de cinq ans"
            ]),
            None
        );
        assert_eq!(family(&["Moins d'un an", "Plus de 10 ans"]), None);
        assert_eq!(family(&["Less than a year", "More than 5 years"]), None);
        assert_eq!(
            family(&[
                "Outils et techniques de recherche d'emploi",
                "Offres d'emploi",
                "Aides financières",
                "Immersions en entreprise",
            ]),
            None
        );
        assert_eq!(family(&["Ateliers", "Très", "Pas du tout"]), None);
        // One label, or labels of one rank, say nothing about an order.
        assert_eq!(family(&["Très satisfait"]), None);
        assert_eq!(family(&["Satisfait", "Satisfaite"]), None);
        // A label outside the family blocks the match.
        assert_eq!(
            family(&["Très satisfait", "Plutôt satisfait", "Autre"]),
            None
        );
    }

    #[test]
    fn canonical_rank_reads_one_label() {
        assert_eq!(
            canonical_rank("Plutôt satisfait"),
            Some((ScaleFamily::Satisfaction, 10))
        );
        assert_eq!(
            canonical_rank("Pas du tout d'accord"),
            Some((ScaleFamily::Agreement, -20))
        );
        assert_eq!(
            canonical_rank("Jamais"),
            Some((ScaleFamily::Frequency, -25))
        );
        assert_eq!(canonical_rank("7"), Some((ScaleFamily::Numeric, 7)));
        assert_eq!(canonical_rank("Ne sait pas"), None);
        assert_eq!(canonical_rank("Oui"), None);
    }
}
