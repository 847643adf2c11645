//! How the sample's coders read a passage: lists of words and phrases per code, matched on
//! folded words (case and accents do not count), and a score per code.
//!
//! The matching here is stricter than autocoding's (`coding::autocode`, which stems): a term
//! word matches the same word, its plural in « s » or « x », or, when written with a final
//! `*`, any word it begins. Stemming would let « aides » find « aider » and « sorties »
//! find « sorti », which a person coding by meaning would not; the lists say exactly what
//! they mean instead. A term written with a leading `~` is weak evidence (half a point):
//! « juge » or « utile » alone do not make an opinion, both together do. Masks are phrases
//! whose words never count for the code (« aide à domicile » is a trade, not an aid).

use std::collections::HashMap;
use std::ops::Range;

use crate::coding::text::{fold_word, words};

/// A word of a text, folded, with where it lies (in characters of the text).
#[derive(Clone, Debug)]
pub(super) struct Token {
    folded: String,
    start: u32,
    end: u32,
}

impl Token {
    /// Whether the word, folded, is `folded`.
    pub(super) fn is(&self, folded: &str) -> bool {
        self.folded == folded
    }
}

/// The words of `text`, folded.
pub(super) fn tokens(text: &str) -> Vec<Token> {
    words(text)
        .map(|w| Token {
            folded: fold_word(w.text),
            start: w.start,
            end: w.end,
        })
        .collect()
}

/// One word of a term.
#[derive(Clone, Debug)]
struct TermWord {
    folded: String,
    /// Matches any word that begins with `folded`.
    prefix: bool,
}

impl TermWord {
    fn matches(&self, word: &str) -> bool {
        if self.prefix {
            return word.starts_with(self.folded.as_str());
        }
        word == self.folded
            || word
                .strip_prefix(self.folded.as_str())
                .is_some_and(|rest| rest == "s" || rest == "x")
    }
}

/// A word or phrase of a list, parsed.
#[derive(Clone, Debug)]
struct Term {
    words: Vec<TermWord>,
    weight: f32,
}

impl Term {
    fn parse(text: &str) -> Term {
        let (weight, text) = match text.strip_prefix('~') {
            Some(rest) => (0.5, rest),
            None => (1.0, text),
        };
        let words = words(text)
            .map(|w| TermWord {
                folded: fold_word(w.text),
                prefix: text[w.byte_end()..].starts_with('*'),
            })
            .collect();
        Term { words, weight }
    }

    /// Whether the term's words are the tokens from `at` on.
    fn matches_at(&self, tokens: &[Token], at: usize) -> bool {
        self.words.len() <= tokens.len() - at
            && self
                .words
                .iter()
                .zip(&tokens[at..])
                .all(|(w, t)| w.matches(&t.folded))
    }
}

/// A place where a term matched: tokens `tokens`, worth `weight`.
#[derive(Clone, Debug)]
struct Hit {
    tokens: Range<usize>,
    weight: f32,
}

/// The words and phrases of one list (a code's evidence), ready to match.
#[derive(Clone, Debug)]
pub(super) struct TermList {
    terms: Vec<Term>,
    masks: Vec<Term>,
    /// Terms by their first word, when it is not a prefix (the usual case).
    by_first: HashMap<String, Vec<usize>>,
    /// Terms whose first word is a prefix.
    by_prefix: Vec<usize>,
}

impl TermList {
    /// A list from its terms and its masks, each written as phrases separated by « ; »
    /// (« comité paritaire; comité national; DGEFP »), as [`super::lexicon`] writes them.
    pub(super) fn new(terms: &str, masks: &str) -> TermList {
        let terms: Vec<Term> = phrases(terms)
            .map(Term::parse)
            .filter(|t| !t.words.is_empty())
            .collect();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_prefix = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            match term.words.first() {
                Some(first) if first.prefix => by_prefix.push(i),
                Some(first) => by_first.entry(first.folded.clone()).or_default().push(i),
                None => {}
            }
        }
        TermList {
            terms,
            masks: phrases(masks).map(Term::parse).collect(),
            by_first,
            by_prefix,
        }
    }

    /// The evidence in `tokens[range]`: the weights of the terms found there, each word
    /// counted once (where two terms overlap, the longer is kept), masked words left out.
    pub(super) fn score(&self, tokens: &[Token], range: Range<usize>) -> f32 {
        let window = &tokens[range];
        let mut hits: Vec<Hit> = Vec::new();
        for at in 0..window.len() {
            let word = window[at].folded.as_str();
            let singular = word
                .strip_suffix('s')
                .or_else(|| word.strip_suffix('x'))
                .unwrap_or(word);
            let exact = self.by_first.get(word).into_iter().flatten();
            let plural = (singular != word)
                .then(|| self.by_first.get(singular))
                .flatten()
                .into_iter()
                .flatten();
            for &i in exact.chain(plural).chain(&self.by_prefix) {
                let term = &self.terms[i];
                if term.matches_at(window, at) {
                    hits.push(Hit {
                        tokens: at..at + term.words.len(),
                        weight: term.weight,
                    });
                }
            }
        }
        if hits.is_empty() {
            return 0.0;
        }
        let masked: Vec<Range<usize>> = (0..window.len())
            .flat_map(|at| {
                self.masks
                    .iter()
                    .filter(move |m| m.matches_at(window, at))
                    .map(move |m| at..at + m.words.len())
            })
            .collect();
        hits.retain(|h| {
            !masked
                .iter()
                .any(|m| h.tokens.start < m.end && m.start < h.tokens.end)
        });
        // Longest first, then leftmost; a word counts for one hit only.
        hits.sort_by(|a, b| {
            b.tokens
                .len()
                .cmp(&a.tokens.len())
                .then(a.tokens.start.cmp(&b.tokens.start))
        });
        let mut used = vec![false; window.len()];
        let mut score = 0.0;
        for hit in hits {
            if used[hit.tokens.clone()].iter().any(|u| *u) {
                continue;
            }
            used[hit.tokens.clone()].fill(true);
            score += hit.weight;
        }
        score
    }
}

/// The phrases of a list written « a; b; c », trimmed, blanks left out.
fn phrases(list: &str) -> impl Iterator<Item = &str> {
    list.split(';').map(str::trim).filter(|p| !p.is_empty())
}

/// Where the sentences of `text` lie, in characters, trimmed: a sentence ends with « . »,
/// « ! », « ? » or « … » (or a closing « » » right after one) outside quotation marks,
/// before a blank and a capital, a digit or an opening « « »; a line break ends one too.
pub(super) fn sentences(text: &str) -> Vec<Range<u32>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut depth = 0u32;
    let mut i = 0usize;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let ends_here = if c == '\n' {
            true
        } else if depth == 0 && matches!(c, '.' | '!' | '?' | '…' | '»') {
            let after_stop = c != '»'
                || chars[..i]
                    .iter()
                    .rev()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|p| matches!(p, '.' | '!' | '?' | '…'));
            let next = chars.get(i + 1).copied();
            let then = chars.get(i + 2).copied();
            after_stop
                && next.is_some_and(char::is_whitespace)
                && then.is_some_and(|t| t.is_uppercase() || t.is_ascii_digit() || t == '«')
        } else {
            false
        };
        if ends_here {
            push_trimmed(&chars, start..i + 1, &mut out);
            start = i + 1;
            depth = 0;
        }
        i += 1;
    }
    push_trimmed(&chars, start..chars.len(), &mut out);
    out
}

fn push_trimmed(chars: &[char], range: Range<usize>, out: &mut Vec<Range<u32>>) {
    let mut start = range.start;
    let mut end = range.end;
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start < end {
        out.push(to_u32(start)..to_u32(end));
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The tokens lying in characters `range` of their text.
pub(super) fn tokens_in(tokens: &[Token], range: &Range<u32>) -> Range<usize> {
    let first = tokens.partition_point(|t| t.end <= range.start);
    let last = tokens.partition_point(|t| t.start < range.end);
    first..last.max(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(terms: &str, masks: &str, text: &str) -> f32 {
        let tokens = tokens(text);
        TermList::new(terms, masks).score(&tokens, 0..tokens.len())
    }

    #[test]
    fn terms_match_folded_words_plurals_and_prefixes() {
        assert_eq!(score("aide ANI", "", "Les AIDES ani arrivent"), 1.0);
        assert_eq!(score("aide ANI", "", "il faut aider l'ANI"), 0.0);
        assert_eq!(score("dédi*", "", "des conseillères dédiées"), 1.0);
        assert_eq!(score("stop and go", "", "le stop-and-go de 2012"), 1.0);
        assert_eq!(score("sous-préfet*", "", "les sous prefets absents"), 1.0);
    }

    #[test]
    fn weak_terms_count_half_and_words_count_once() {
        assert_eq!(score("~juge; ~utile", "", "elle le juge utile"), 1.0);
        assert_eq!(score("~juge", "", "elle le juge"), 0.5);
        assert_eq!(
            score("stop and go; stop", "", "le stop and go, encore"),
            1.0
        );
    }

    #[test]
    fn masks_hide_their_words() {
        let masks = "aide à domicile";
        assert_eq!(score("aide", masks, "un poste d'aide à domicile"), 0.0);
        assert_eq!(score("aide", masks, "une aide pour le permis"), 1.0);
    }

    fn parts(text: &str) -> Vec<String> {
        sentences(text)
            .into_iter()
            .map(|r| {
                text.chars()
                    .skip(r.start as usize)
                    .take((r.end - r.start) as usize)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn sentences_end_outside_quotes_before_a_capital() {
        assert_eq!(
            parts("Elle dit : « c'est lourd. Très lourd ». Puis elle part. etc. fin"),
            vec![
                "Elle dit : « c'est lourd. Très lourd ».",
                "Puis elle part. etc. fin"
            ]
        );
        assert_eq!(
            parts("« La saisie, c'est la plainte. » Il rit."),
            vec!["« La saisie, c'est la plainte. »", "Il rit."]
        );
        assert_eq!(
            parts("une ligne\nune autre"),
            vec!["une ligne", "une autre"]
        );
    }
}
