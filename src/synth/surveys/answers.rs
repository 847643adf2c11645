//! Open answers: phrase banks in each group's voice, combined by the RNG and typed the way
//! people type (missing accents, typos, text-message abbreviations, no final stop), so that
//! the sample holds hundreds of distinct, realistic answers to code.
//!
//! A [`Bank`] holds themes (what the report hears from that group: stop and go, reporting,
//! superposed schemes, regular appointments…), each with several wordings, plus short
//! answers (« RAS », « Non ») and the group's [`Typing`] habits. No answer names a person:
//! people are designated by their role (« ma conseillère », « le directeur »).

mod staff;
mod youth;

pub use staff::{
    DIRECTOR_COMMENT, DIRECTOR_IMPROVE, ML_COMMENT, ML_IMPROVE, PE_COMMENT, PE_IMPROVE,
};
pub use youth::{YOUTH_ML_SUGGEST, YOUTH_PE_COMMENT, YOUTH_PE_SUGGEST};

use crate::synth::rng::Rng;

/// One thing a group says, in several wordings.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// How often it comes up, relative to the bank's other themes.
    pub weight: f64,
    /// Praise (`1`) or disappointment (`-1`): one answer never says both.
    pub tone: i8,
    /// Wordings: full sentences with their punctuation; `{ani}`, `{Ani}`, `{conseiller}`,
    /// `{Conseiller}` are filled at random.
    pub variants: &'static [&'static str],
}

/// How a group types.
#[derive(Clone, Copy, Debug)]
pub struct Typing {
    /// Share of answers typed without accents.
    pub no_accents: f64,
    /// Share of answers with a typo.
    pub typo: f64,
    /// Share of answers typed all in lower case.
    pub lower: f64,
    /// Share of answers with text-message abbreviations.
    pub sms: f64,
    /// Share of answers without the final stop.
    pub no_stop: f64,
    /// Share of multi-sentence answers typed as a list, one line each.
    pub list: f64,
}

/// The phrase bank of one open question for one group.
#[derive(Clone, Copy, Debug)]
pub struct Bank {
    /// Themes.
    pub themes: &'static [Theme],
    /// Short answers (« RAS », « Non merci »).
    pub short: &'static [&'static str],
    /// Share of answers that are short.
    pub short_share: f64,
    /// Openers put before the first sentence (« Pour moi, »), lower-casing it.
    pub openers: &'static [&'static str],
    /// Closing sentences (« Merci. »).
    pub closers: &'static [&'static str],
    /// Relative chances of one, two and three themes in an answer.
    pub length: [f64; 3],
    /// How the group types.
    pub typing: Typing,
}

const ANI: &[&str] = &[
    "l'ANI",
    "l'ANI Jeunes",
    "le dispositif",
    "l'ANI jeunes",
    "ce dispositif",
    "l'ANI",
];
const ANI_CAP: &[&str] = &[
    "L'ANI",
    "L'ANI Jeunes",
    "Le dispositif",
    "L'ANI jeunes",
    "Ce dispositif",
];
const ADVISER: &[&str] = &[
    "ma conseillère",
    "mon conseiller",
    "la conseillère",
    "mon référent",
    "ma conseillere",
];
const ADVISER_CAP: &[&str] = &[
    "Ma conseillère",
    "Mon conseiller",
    "La conseillère",
    "Mon référent",
];

/// Words that keep their capital when a sentence is lower-cased after an opener.
const PROPER: &[&str] = &[
    "ANI", "CIVIS", "Pôle", "Mission", "Missions", "EMT", "PE", "ML", "DIRECCTE", "ARML",
    "Parcours", "CV", "RSA", "CDI", "CDD",
];

/// An answer from `bank`.
pub fn write(rng: &mut Rng, bank: &Bank) -> String {
    if !bank.short.is_empty() && rng.chance(bank.short_share) {
        let short = rng.pick(bank.short).copied().unwrap_or("RAS");
        return short.to_owned();
    }
    let count = rng.weighted(&bank.length).unwrap_or(0) + 1;
    let mut weights: Vec<f64> = bank.themes.iter().map(|t| t.weight).collect();
    let mut sentences: Vec<String> = Vec::new();
    for _ in 0..count {
        let Some(k) = rng.weighted(&weights) else {
            break;
        };
        weights[k] = 0.0;
        // Praise and disappointment do not meet in one answer.
        let tone = bank.themes[k].tone;
        if tone != 0 {
            for (w, theme) in weights.iter_mut().zip(bank.themes) {
                if theme.tone == -tone {
                    *w = 0.0;
                }
            }
        }
        if let Some(variant) = rng.pick(bank.themes[k].variants) {
            sentences.push(fill(rng, variant));
        }
    }
    if sentences.len() > 1 && rng.chance(bank.typing.list) {
        let lines: Vec<String> = sentences
            .iter()
            .map(|s| format!("- {}", lower_first(s.trim_end_matches(['.', '!']))))
            .collect();
        return lines.join("\n");
    }
    if let Some(first) = sentences.first_mut()
        && !bank.openers.is_empty()
        && rng.chance(0.25)
    {
        let opener = rng.pick(bank.openers).copied().unwrap_or_default();
        *first = format!("{opener}{}", lower_first(first));
    }
    if !bank.closers.is_empty() && rng.chance(0.12) {
        let closer = rng.pick(bank.closers).copied().unwrap_or_default();
        sentences.push(closer.to_owned());
    }
    let joined = if sentences.len() > 2 && rng.chance(0.15) {
        let (head, tail) = sentences.split_at(1);
        format!("{}\n{}", head.join(" "), tail.join(" "))
    } else {
        sentences.join(" ")
    };
    typed(rng, &joined, &bank.typing)
}

/// `{ani}` and the other slots filled at random.
fn fill(rng: &mut Rng, variant: &str) -> String {
    let mut out = variant.to_owned();
    for (slot, choices) in [
        ("{ani}", ANI),
        ("{Ani}", ANI_CAP),
        ("{conseiller}", ADVISER),
        ("{Conseiller}", ADVISER_CAP),
    ] {
        while let Some(at) = out.find(slot) {
            let choice = rng.pick(choices).copied().unwrap_or_default();
            out.replace_range(at..at + slot.len(), choice);
        }
    }
    out
}

/// The sentence with its first letter in lower case, unless it starts with a proper noun
/// or an acronym.
pub fn lower_first(sentence: &str) -> String {
    let first_word = sentence.split([' ', '\'', ',']).next().unwrap_or_default();
    if PROPER.contains(&first_word)
        || (first_word.len() > 1 && first_word.chars().all(|c| c.is_uppercase()))
    {
        return sentence.to_owned();
    }
    let mut chars = sentence.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text as someone in a hurry types it.
pub fn typed(rng: &mut Rng, text: &str, typing: &Typing) -> String {
    let mut out = text.to_owned();
    if rng.chance(typing.sms) {
        out = sms(&out);
    }
    if rng.chance(typing.lower) {
        out = out.to_lowercase();
    }
    if rng.chance(typing.no_accents) {
        out = without_accents(&out);
    }
    if rng.chance(typing.typo) {
        out = typo(rng, &out);
    }
    if rng.chance(typing.no_stop) {
        while out.ends_with(['.', ' ']) {
            out.pop();
        }
    }
    out
}

/// Accents dropped, as on a keyboard without them.
pub fn without_accents(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'É' | 'È' | 'Ê' => out.push('E'),
            'à' | 'â' | 'ä' => out.push('a'),
            'À' | 'Â' => out.push('A'),
            'î' | 'ï' => out.push('i'),
            'ô' | 'ö' => out.push('o'),
            'Ô' => out.push('O'),
            'ù' | 'û' | 'ü' => out.push('u'),
            'ç' => out.push('c'),
            'œ' => out.push_str("oe"),
            '’' => out.push('\''),
            _ => out.push(ch),
        }
    }
    out
}

/// Text-message abbreviations.
fn sms(text: &str) -> String {
    const SHORT: &[(&str, &str)] = &[
        ("rendez-vous", "rdv"),
        ("Rendez-vous", "Rdv"),
        ("beaucoup", "bcp"),
        ("parce que", "pcq"),
        ("quelque chose", "qqch"),
        ("c'est", "c"),
        ("C'est", "C"),
        ("toujours", "tjrs"),
        ("pourquoi", "pk"),
        ("s'il vous plaît", "svp"),
        ("je ne sais pas", "jsp"),
        ("vraiment", "vrmt"),
        ("aujourd'hui", "ajd"),
        (" que ", " ke "),
    ];
    let mut out = text.to_owned();
    for (long, short) in SHORT {
        if out.contains(long) {
            out = out.replace(long, short);
        }
    }
    out
}

/// One slip of the fingers in a long word: two letters swapped, one dropped or doubled.
fn typo(rng: &mut Rng, text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let long: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().count() >= 6 && words[i].chars().all(char::is_alphabetic))
        .collect();
    let Some(&w) = rng.pick(&long) else {
        return text.to_owned();
    };
    let mut chars: Vec<char> = words[w].chars().collect();
    let at = 1 + rng.below(chars.len() - 3);
    match rng.below(3) {
        0 => chars.swap(at, at + 1),
        1 => {
            chars.remove(at);
        }
        _ => chars.insert(at, chars[at]),
    }
    let slipped: String = chars.into_iter().collect();
    let mut out: Vec<String> = words.iter().map(|s| (*s).to_owned()).collect();
    out[w] = slipped;
    out.join(" ")
}

/// Answers to an open question from `n` respondents, about `share` of whom answer.
pub fn column(rng: &mut Rng, n: usize, share: f64, bank: &Bank) -> Vec<Option<String>> {
    (0..n)
        .map(|_| rng.chance(share).then(|| write(rng, bank)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banks_give_hundreds_of_distinct_answers() {
        let mut rng = Rng::new(5);
        let answers: std::collections::BTreeSet<String> = (0..600)
            .map(|_| write(&mut rng, &YOUTH_PE_SUGGEST))
            .collect();
        assert!(answers.len() > 300, "{}", answers.len());
        let answers: std::collections::BTreeSet<String> =
            (0..150).map(|_| write(&mut rng, &PE_IMPROVE)).collect();
        assert!(answers.len() > 120, "{}", answers.len());
    }

    #[test]
    fn praise_and_disappointment_do_not_meet() {
        let mut rng = Rng::new(7);
        for _ in 0..2000 {
            let answer = write(&mut rng, &YOUTH_PE_SUGGEST);
            let praise = answer.contains("super") || answer.contains("Très bon accompagnement");
            let disappointed =
                answer.contains("servi à rien") || answer.contains("venir pour rien");
            assert!(!(praise && disappointed), "{answer}");
        }
    }

    #[test]
    fn slots_are_filled_and_sentences_lowered_politely() {
        let mut rng = Rng::new(6);
        for _ in 0..200 {
            let answer = write(&mut rng, &ML_IMPROVE);
            assert!(!answer.contains('{'), "{answer}");
        }
        assert_eq!(lower_first("L'ANI est utile."), "l'ANI est utile.");
        assert_eq!(lower_first("CIVIS ou ANI"), "CIVIS ou ANI");
        assert_eq!(lower_first("Pôle emploi"), "Pôle emploi");
    }
}
