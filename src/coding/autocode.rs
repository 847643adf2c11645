//! Autocoding by rule: the evaluator lists words or phrases (« aide au permis, mobilité »),
//! Atelier finds every passage of the answers that says one of them, the evaluator unticks
//! the hits that are not meant, and the ticked ones become codings.
//!
//! Matching is by stem on folded words ([`super::text`]): case and accents do not count,
//! « aides » finds « aide », a phrase finds its words one after the other, and a hit is
//! always whole words (« permis » never hits inside « permission »).
//!
//! The preview and the applying are one object, [`Preview`]: the codings are made from the
//! hits it shows as ticked, and from nothing else, so what is applied is exactly what was
//! kept on screen.

use super::text::{Lexicon, StemId, Token, words};
use crate::model::coding::{Anchor, CodeId, Coding};

/// An autocoding rule: words or phrases, any of which codes the passage that says it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rule {
    terms: Vec<String>,
}

impl Rule {
    /// A rule from its words and phrases, as typed; blank ones and ones without a single word
    /// (« ?! ») are left out.
    pub fn new<I, S>(terms: I) -> Rule
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Rule {
            terms: terms
                .into_iter()
                .map(|t| t.into().trim().to_owned())
                .filter(|t| words(t).next().is_some())
                .collect(),
        }
    }

    /// A rule from one line of text, its words and phrases separated by commas, semicolons
    /// or line breaks (« aide au permis, mobilité »).
    pub fn parse(text: &str) -> Rule {
        Rule::new(text.split([',', ';', '\n']))
    }

    /// Its words and phrases, as typed.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether it has no word to look for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A passage that a rule found.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    /// The text it is in (its index in the texts searched).
    pub text: usize,
    /// Its first character in that text.
    pub start: u32,
    /// One past its last character.
    pub end: u32,
    /// Which of the rule's words or phrases it matched (index into [`Rule::terms`]).
    pub term: usize,
    /// The matched words as written in the text (« Aides au permis »).
    pub words: String,
}

/// Every passage of `texts` that one of the rule's words or phrases matches, text by text
/// and left to right. Where two of them match at the same place the longer wins
/// (« aide au permis » over « aide »), and hits never overlap.
pub fn find_hits<S: AsRef<str>>(rule: &Rule, texts: &[S]) -> Vec<Hit> {
    let mut lexicon = Lexicon::new();
    let mut tokens = Vec::new();
    // The rule's words are stemmed first, so their stems are numbered 0..n: any word of a
    // text whose stem is numbered n or more cannot start a match, which costs one compare.
    let terms: Vec<Vec<StemId>> = rule
        .terms
        .iter()
        .map(|term| {
            lexicon.tokens(term, &mut tokens);
            tokens.iter().map(|t| t.entry.stem).collect()
        })
        .collect();
    let mut starting_with: Vec<Vec<usize>> = vec![Vec::new(); lexicon.stem_count()];
    for (i, term) in terms.iter().enumerate() {
        if let Some(first) = term.first() {
            starting_with[first.index()].push(i);
        }
    }
    for candidates in &mut starting_with {
        // Longest first; among equals, the rule's order (the sort is stable).
        candidates.sort_by_key(|&i| std::cmp::Reverse(terms[i].len()));
    }

    let mut hits = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        let text = text.as_ref();
        lexicon.tokens(text, &mut tokens);
        let mut at = 0;
        while at < tokens.len() {
            let matched = starting_with
                .get(tokens[at].entry.stem.index())
                .and_then(|candidates| {
                    candidates
                        .iter()
                        .copied()
                        .find(|&t| follows(&terms[t], &tokens[at..]))
                });
            let Some(term) = matched else {
                at += 1;
                continue;
            };
            let first = tokens[at];
            let last = tokens[at + terms[term].len() - 1];
            hits.push(Hit {
                text: index,
                start: first.start,
                end: last.end,
                term,
                words: text[first.byte_start..last.byte_end].to_owned(),
            });
            at += terms[term].len();
        }
    }
    hits
}

/// Whether `tokens` begin with the stems of `term`.
fn follows(term: &[StemId], tokens: &[Token]) -> bool {
    term.len() <= tokens.len() && term.iter().zip(tokens).all(|(s, t)| *s == t.entry.stem)
}

/// The hits of a rule for one code, each ticked or not by the evaluator; what the preview
/// shows and what [`Preview::codings`] applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    code: CodeId,
    rule: Rule,
    hits: Vec<Hit>,
    kept: Vec<bool>,
}

impl Preview {
    /// The hits of `rule` in `texts`, all ticked, for coding with `code`.
    pub fn new<S: AsRef<str>>(code: CodeId, rule: Rule, texts: &[S]) -> Preview {
        let hits = find_hits(&rule, texts);
        let kept = vec![true; hits.len()];
        Preview {
            code,
            rule,
            hits,
            kept,
        }
    }

    /// The code the hits would be coded with.
    pub fn code(&self) -> CodeId {
        self.code
    }

    /// The rule that found them.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// Every hit, ticked or not, in the order found.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Whether hit `i` is ticked (`false` for a hit that does not exist).
    pub fn is_kept(&self, i: usize) -> bool {
        self.kept.get(i).copied().unwrap_or(false)
    }

    /// Tick or untick hit `i` (nothing for a hit that does not exist).
    pub fn set_kept(&mut self, i: usize, kept: bool) {
        if let Some(k) = self.kept.get_mut(i) {
            *k = kept;
        }
    }

    /// Tick or untick every hit.
    pub fn set_all_kept(&mut self, kept: bool) {
        self.kept.fill(kept);
    }

    /// The ticked hits, in the order found.
    pub fn kept(&self) -> impl Iterator<Item = &Hit> + '_ {
        self.hits
            .iter()
            .zip(&self.kept)
            .filter(|(_, kept)| **kept)
            .map(|(hit, _)| hit)
    }

    /// How many hits are ticked.
    pub fn kept_count(&self) -> usize {
        self.kept.iter().filter(|k| **k).count()
    }

    /// One coding per ticked hit, in the order found, and none for the others: ids from
    /// `first_id` up, by `coder` at `at` (ISO 8601, UTC), each hit placed by `anchor`
    /// (for answers, [`answer_anchor`]).
    pub fn codings(
        &self,
        coder: &str,
        at: &str,
        first_id: u64,
        mut anchor: impl FnMut(&Hit) -> Anchor,
    ) -> Vec<Coding> {
        self.kept()
            .zip(first_id..)
            .map(|(hit, id)| Coding {
                id,
                code: self.code,
                anchor: anchor(hit),
                coder: coder.to_owned(),
                at: at.to_owned(),
                review: None,
            })
            .collect()
    }
}

/// Where a hit lies when the texts searched are the answers to one question, text `i` being
/// respondent `i`'s answer (0-based, file order, as [`Anchor::Answer`] counts them).
pub fn answer_anchor(source: &str, question: &str, hit: &Hit) -> Anchor {
    Anchor::Answer {
        source: source.to_owned(),
        question: question.to_owned(),
        respondent: u32::try_from(hit.text).unwrap_or(u32::MAX),
        span: Some((hit.start, hit.end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coding::text::char_slice;

    fn found(rule: &str, texts: &[&str]) -> Vec<(usize, String)> {
        find_hits(&Rule::parse(rule), texts)
            .into_iter()
            .map(|h| (h.text, h.words))
            .collect()
    }

    #[test]
    fn rules_match_across_case_accents_and_plurals() {
        let texts = [
            "Les AIDES m'ont permis d'avancer",
            "mobilite reduite",
            "La Mobilité, surtout",
            "une aide",
            "rien",
        ];
        assert_eq!(
            found("aide, mobilité", &texts),
            vec![
                (0, "AIDES".to_owned()),
                (1, "mobilite".to_owned()),
                (2, "Mobilité".to_owned()),
                (3, "aide".to_owned())
            ]
        );
        assert_eq!(found("permis", &texts), vec![(0, "permis".to_owned())]);
    }

    #[test]
    fn a_phrase_matches_consecutive_words_and_wins_over_its_first_word() {
        let texts = [
            "J'ai eu l'aide au permis, merci",
            "aide pour le permis",
            "Aides au Permis B",
        ];
        let hits = find_hits(&Rule::parse("aide ; aide au permis"), &texts);
        let seen: Vec<(usize, &str, usize)> = hits
            .iter()
            .map(|h| (h.text, h.words.as_str(), h.term))
            .collect();
        assert_eq!(
            seen,
            vec![
                (0, "aide au permis", 1),
                (1, "aide", 0),
                (2, "Aides au Permis", 1)
            ]
        );
    }

    #[test]
    fn a_rule_never_hits_inside_a_word() {
        let texts = [
            "permission",
            "impermis",
            "aidezmoi",
            "réemploi",
            "sans-permis",
        ];
        assert_eq!(
            found("permis, aide, emploi", &texts),
            vec![(4, "permis".to_owned())]
        );
    }

    #[test]
    fn spans_slice_the_original_text_at_char_boundaries() {
        let texts = [
            "🚗🚗 Œuvre d'aide à la MOBILITÉ 😀 — cœur",
            "é🙂aides",
            "cœur, œuvres",
        ];
        let hits = find_hits(&Rule::parse("œuvre, aide, mobilite, coeur"), &texts);
        assert_eq!(hits.len(), 7);
        for hit in &hits {
            let slice = char_slice(texts[hit.text], hit.start, hit.end);
            assert_eq!(slice, Some(hit.words.as_str()), "{hit:?}");
        }
        assert_eq!((hits[0].start, hits[0].end), (3, 8));
        assert_eq!(hits[3].words, "cœur");
        assert_eq!(hits[4].words, "aides");
        assert_eq!((hits[4].start, hits[4].end), (2, 7));
    }

    #[test]
    fn what_is_applied_is_exactly_what_is_kept() {
        let texts = [
            "aide au permis",
            "pas d'aide",
            "des aides",
            "rien",
            "l'aide, l'aide",
        ];
        let mut preview = Preview::new(CodeId(7), Rule::parse("aide"), &texts);
        assert_eq!(preview.hits().len(), 5);
        preview.set_kept(1, false);
        preview.set_kept(3, false);
        preview.set_kept(99, false);
        let kept: Vec<Anchor> = preview
            .kept()
            .map(|h| answer_anchor("enq", "Q12", h))
            .collect();
        let codings = preview.codings("Camille", "2025-01-01T00:00:00Z", 40, |h| {
            answer_anchor("enq", "Q12", h)
        });
        let applied: Vec<Anchor> = codings.iter().map(|c| c.anchor.clone()).collect();
        assert_eq!(applied, kept);
        assert_eq!(codings.len(), preview.kept_count());
        assert_eq!(codings.len(), 3);
        assert!(codings.iter().all(|c| c.code == CodeId(7)));
        assert_eq!(
            codings.iter().map(|c| c.id).collect::<Vec<_>>(),
            vec![40, 41, 42]
        );
        assert_eq!(
            applied[2],
            Anchor::Answer {
                source: "enq".to_owned(),
                question: "Q12".to_owned(),
                respondent: 4,
                span: Some((10, 14)),
            }
        );
        preview.set_all_kept(false);
        assert!(
            preview
                .codings("C", "t", 0, |h| answer_anchor("e", "q", h))
                .is_empty()
        );
    }

    #[test]
    fn an_empty_rule_finds_nothing() {
        assert!(Rule::parse(" , ;?! ").is_empty());
        assert!(found(" , ;?! ", &["aide"]).is_empty());
    }
}
