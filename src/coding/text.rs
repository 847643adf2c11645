//! French words as autocoding and suggestions see them: where each word of a text lies (in
//! characters, as [`crate::model::coding::Anchor`] counts them), its folded spelling (case and
//! accents gone: « Mobilité » and « mobilite » are one word), whether it is a stop word, and
//! its stem (« aides » and « aide » are one stem).
//!
//! Open answers are short, often typed on a phone, with accents dropped or wrong. So a word
//! is folded *before* it is stemmed: the Snowball French stemmer then sees « mobilite »
//! whatever was typed, and every spelling of a word that differs only by accents or case
//! gets the same stem. The price is that a few of Snowball's rules that read accents no
//! longer fire; [`stem`] puts back the two that matter most for answers (« aidée(s) », and
//! plurals that Snowball keeps after a vowel, « emplois »). Stemming a word costs far more
//! than looking it up, so a [`Lexicon`] stems each distinct word once.
//!
//! The stemmer is `snowball_stemmers_rs` rather than the better-known `rust-stemmers`: both
//! are the Snowball project's algorithms compiled by its Rust back end, with the same API and
//! no `unsafe`, but `rust-stemmers` ships the 2019 algorithms and has had no release since,
//! while `snowball_stemmers_rs` ships Snowball 3.0's French (which, among others, folds
//! « bijoux » into « bijou ») and is maintained.

use rustc_hash::FxHashMap;
use snowball_stemmers_rs::{Algorithm, Stemmer};

use crate::model::french;

/// A word of a text, as written, with where it lies.
///
/// A word is a run of letters and digits (with any combining accents that follow them);
/// apostrophes, hyphens, spaces, punctuation and emoji separate words, so « l'aide » is
/// « l » and « aide », and « auto-école » is « auto » and « école ».
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written in the text.
    pub text: &'a str,
    /// Its first character (counted in `char`s from the start of the text).
    pub start: u32,
    /// One past its last character.
    pub end: u32,
    /// Its first byte in the text (so that a run of words can be sliced out).
    pub byte_start: usize,
}

impl Word<'_> {
    /// One past its last byte in the text.
    pub fn byte_end(&self) -> usize {
        self.byte_start + self.text.len()
    }
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        chars: text.char_indices().peekable(),
        position: 0,
    }
}

/// The iterator returned by [`words`].
#[derive(Clone, Debug)]
pub struct Words<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    position: u32,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let (byte_start, start) = loop {
            let &(byte, c) = self.chars.peek()?;
            if c.is_alphanumeric() {
                break (byte, self.position);
            }
            self.chars.next();
            self.position = self.position.saturating_add(1);
        };
        let mut byte_end = byte_start;
        while let Some(&(byte, c)) = self.chars.peek() {
            if !(c.is_alphanumeric() || is_combining_mark(c)) {
                break;
            }
            byte_end = byte + c.len_utf8();
            self.chars.next();
            self.position = self.position.saturating_add(1);
        }
        Some(Word {
            text: &self.text[byte_start..byte_end],
            start,
            end: self.position,
            byte_start,
        })
    }
}

/// Whether `c` is a combining accent. Text pasted from some Mac applications spells « é »
/// as « e » followed by U+0301; such a word must stay one word, and fold like « é ».
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Append `word` folded to `out`: lower case, accents and ligatures spelt out (é → e,
/// œ → oe, ç → c), combining accents dropped.
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(folded) = french::fold_char(c) {
            out.push_str(folded);
        } else if !is_combining_mark(c) {
            out.extend(c.to_lowercase());
        }
    }
}

/// `word` folded: lower case, accents and ligatures spelt out (« Œuvre » → "oeuvre").
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// Whether a folded word is a French stop word, one that says nothing about what an answer
/// is about (articles, pronouns, prepositions, forms of « être » and « avoir »). The
/// classifier ignores them; autocoding rules do not (a phrase matches all its words).
///
/// Negations (« ne », « pas », « sans », « jamais », « rien », « aucun », « plus ») are
/// *not* stop words: « pas de permis » and « permis » are different answers.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// French stop words, folded, in byte order (for the binary search; a test checks it).
const STOP_WORDS: &[&str] = &[
    "a", "ai", "ainsi", "alors", "as", "au", "aussi", "autre", "autres", "aux", "avaient", "avais",
    "avait", "avec", "avez", "avoir", "avons", "c", "ca", "car", "ce", "ceci", "cela", "celle",
    "celles", "celui", "ces", "cet", "cette", "ceux", "chaque", "chez", "comme", "d", "dans", "de",
    "des", "donc", "dont", "du", "elle", "elles", "en", "entre", "es", "est", "et", "etaient",
    "etais", "etait", "ete", "etes", "etre", "eu", "eux", "fait", "fut", "il", "ils", "j", "je",
    "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me", "meme", "mes", "moi",
    "mon", "nos", "notre", "nous", "on", "ont", "or", "ou", "par", "pour", "qu", "que", "quel",
    "quelle", "quelles", "quels", "qui", "quoi", "s", "sa", "se", "ses", "si", "soit", "sommes",
    "son", "sont", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tres", "tu", "un", "une",
    "va", "vos", "votre", "vous", "y",
];

/// Words at least this long (in characters) that end in « s » left alone by Snowball are
/// stemmed again without it. Snowball keeps a final « s » after a vowel (« emplois »,
/// « suivis » stay whole), which would part « emploi » from « emplois »; shorter words are
/// left alone because there the « s » is more often part of the word than a plural
/// (« mois », « fois », « avis »).
const PLURAL_S_MIN_CHARS: usize = 5;

/// The stem of a folded word (see [`fold_word`]) by the Snowball French stemmer, so that
/// « aides », « aide » and « aider » share one stem.
///
/// Two spellings that accent folding hides from Snowball are put back first: a final
/// « -ee(s) » (« aidée », « aidées », folded « aidee(s) ») is read as « -e », and a plural
/// « s » that Snowball keeps is dropped on words of five characters or more (« emplois » →
/// « emploi »).
pub fn stem(folded: &str) -> String {
    let stemmer = Stemmer::create(Algorithm::French);
    let word = folded
        .strip_suffix("ees")
        .or_else(|| folded.strip_suffix("ee"))
        .filter(|w| w.chars().count() >= 2)
        .map(|w| format!("{w}e"));
    let word = word.as_deref().unwrap_or(folded);
    let stemmed = stemmer.stem(word);
    if stemmed == word
        && word.chars().count() >= PLURAL_S_MIN_CHARS
        && let Some(singular) = word.strip_suffix('s')
    {
        return stemmer.stem(singular).into_owned();
    }
    stemmed.into_owned()
}

/// A stem's number in a [`Lexicon`] (dense from 0, in order of first sight).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StemId(pub u32);

impl StemId {
    /// As an index into per-stem tables.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a lexicon knows of a folded word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its stem.
    pub stem: StemId,
    /// Whether it is a stop word ([`is_stop_word`]).
    pub stop: bool,
}

/// A word of a text with its lexicon entry: what autocoding and the classifier read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Its first character in the text.
    pub start: u32,
    /// One past its last character.
    pub end: u32,
    /// Its first byte in the text.
    pub byte_start: usize,
    /// One past its last byte.
    pub byte_end: usize,
    /// Its stem and whether it is a stop word.
    pub entry: Entry,
}

/// Folded words and their stems, each stemmed once: stemming is what costs, and 100 000
/// answers hold perhaps 20 000 distinct words.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    words: FxHashMap<Box<str>, Entry>,
    stem_ids: FxHashMap<Box<str>, StemId>,
    stems: Vec<Box<str>>,
    folded: String,
}

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// The entry of a folded word, stemming it on first sight.
    pub fn entry(&mut self, folded: &str) -> Entry {
        if let Some(&entry) = self.words.get(folded) {
            return entry;
        }
        let stemmed = stem(folded);
        let stem = match self.stem_ids.get(stemmed.as_str()) {
            Some(&id) => id,
            None => {
                let id = StemId(u32::try_from(self.stems.len()).unwrap_or(u32::MAX));
                self.stems.push(stemmed.clone().into_boxed_str());
                self.stem_ids.insert(stemmed.into_boxed_str(), id);
                id
            }
        };
        let entry = Entry {
            stem,
            stop: is_stop_word(folded),
        };
        self.words.insert(folded.into(), entry);
        entry
    }

    /// The entry of a folded word if the lexicon has seen it.
    pub fn get(&self, folded: &str) -> Option<Entry> {
        self.words.get(folded).copied()
    }

    /// The stem numbered `id` (empty for a number this lexicon never gave).
    pub fn stem(&self, id: StemId) -> &str {
        self.stems.get(id.index()).map_or("", |s| s)
    }

    /// How many distinct stems it holds.
    pub fn stem_count(&self) -> usize {
        self.stems.len()
    }

    /// Replace `out` with the tokens of `text`, stemming words not seen before.
    pub fn tokens(&mut self, text: &str, out: &mut Vec<Token>) {
        out.clear();
        let mut folded = std::mem::take(&mut self.folded);
        for word in words(text) {
            folded.clear();
            fold_into(word.text, &mut folded);
            out.push(Token {
                start: word.start,
                end: word.end,
                byte_start: word.byte_start,
                byte_end: word.byte_end(),
                entry: self.entry(&folded),
            });
        }
        self.folded = folded;
    }
}

/// Characters `start..end` of `text` (as [`crate::model::coding::Anchor`] counts them); `None` when
/// the range is reversed or runs past the end.
pub fn char_slice(text: &str, start: u32, end: u32) -> Option<&str> {
    if start > end {
        return None;
    }
    let byte_at = |n: u32| -> Option<usize> {
        let n = n as usize;
        text.char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .nth(n)
    };
    let from = byte_at(start)?;
    let to = byte_at(end)?;
    text.get(from..to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, u32, u32)> {
        words(text).map(|w| (w.text, w.start, w.end)).collect()
    }

    #[test]
    fn words_are_cut_at_apostrophes_hyphens_and_emoji_with_char_offsets() {
        assert_eq!(
            spans("L'aide 🚗 auto-école, œuvre!"),
            vec![
                ("L", 0, 1),
                ("aide", 2, 6),
                ("auto", 9, 13),
                ("école", 14, 19),
                ("œuvre", 21, 26)
            ]
        );
        // Typographic apostrophe, digits, a lone emoji.
        assert_eq!(
            spans("l’État 2024 🙂"),
            vec![("l", 0, 1), ("État", 2, 6), ("2024", 7, 11)]
        );
        assert!(spans("🙂 — !").is_empty());
    }

    #[test]
    fn a_decomposed_accent_stays_in_its_word_and_folds() {
        let text = "mobilite\u{301} ok";
        let found = spans(text);
        assert_eq!(found[0], ("mobilite\u{301}", 0, 9));
        assert_eq!(fold_word(found[0].0), "mobilite");
    }

    #[test]
    fn folding_drops_case_accents_and_ligatures() {
        assert_eq!(fold_word("MOBILITÉ"), "mobilite");
        assert_eq!(fold_word("Œuvre"), "oeuvre");
        assert_eq!(fold_word("garçon"), "garcon");
        assert_eq!(fold_word("Fenêtre"), "fenetre");
    }

    #[test]
    fn stems_join_plurals_accents_and_feminines() {
        let same =
            |a: &str, b: &str| assert_eq!(stem(&fold_word(a)), stem(&fold_word(b)), "{a} / {b}");
        same("aide", "aides");
        same("aide", "aidée");
        same("aide", "aidées");
        same("mobilité", "mobilites");
        same("Mobilité", "mobilite");
        same("emploi", "emplois");
        same("permis", "permis");
        same("véhicule", "vehicules");
        assert_ne!(stem("permis"), stem("permission"));
        assert_ne!(stem("mois"), stem("moi"));
    }

    #[test]
    fn stop_words_are_folded_and_spare_negations() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| fold_word(w) == *w));
        assert!(is_stop_word("les"));
        assert!(is_stop_word(&fold_word("Été")));
        assert!(!is_stop_word("pas"));
        assert!(!is_stop_word("permis"));
    }

    #[test]
    fn the_lexicon_stems_each_word_once() {
        let mut lexicon = Lexicon::new();
        let mut tokens = Vec::new();
        lexicon.tokens("Les aides, l'aide, AIDES", &mut tokens);
        assert_eq!(tokens.len(), 5);
        assert_eq!(tokens[1].entry.stem, tokens[3].entry.stem);
        assert_eq!(tokens[3].entry.stem, tokens[4].entry.stem);
        assert!(tokens[0].entry.stop);
        assert!(!tokens[1].entry.stop);
        assert_eq!(lexicon.stem(tokens[1].entry.stem), "aid");
        // les, aides, l, aide, then AIDES folds to a word already seen.
        assert_eq!(lexicon.get("aides"), Some(tokens[1].entry));
        assert_eq!(lexicon.stem_count(), 3);
    }

    #[test]
    fn char_slices_never_split_a_character() {
        let text = "œ é 🙂 fin";
        assert_eq!(char_slice(text, 0, 1), Some("œ"));
        assert_eq!(char_slice(text, 2, 3), Some("é"));
        assert_eq!(char_slice(text, 4, 5), Some("🙂"));
        assert_eq!(char_slice(text, 6, 9), Some("fin"));
        assert_eq!(char_slice(text, 6, 10), None);
        assert_eq!(char_slice(text, 3, 2), None);
    }
}
