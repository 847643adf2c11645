//! The two coders of the sample. A reads each unit against the lexicon and codes what it
//! says; B double-codes a share of the units on her own and, as second coders do, sees
//! most of what A saw but not all of it: she sometimes takes a neighbouring code (« Pilotage
//! régional » for « Pilotage interne », « Freins périphériques » for « Partenariats
//! territoriaux »), misses a code, adds one the passage only hints at, or selects a whole
//! paragraph where A selected a sentence. How often depends on the code: « stop and go » is
//! hard to miss, « Effets sur les pratiques » is a matter of reading.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use chrono::{Days, NaiveDate};

use super::clock::Clock;
use super::keywords::{Token, sentences, tokens, tokens_in};
use super::lexicon::*;
use super::{Batch, BatchKind, CODERS, Place, SECOND_CODER_SHARE, Unit};
use crate::model::coding::{Anchor, CodeId, Coding};
use crate::synth::SEED;
use crate::synth::rng::Rng;

/// At most this many codes on one sentence (or one whole answer), the strongest kept.
const CODES_PER_SENTENCE: usize = 3;
/// At most this many codes in one paragraph or interview field.
const CODES_PER_PASSAGE_UNIT: usize = 5;

/// How often B misses a code A applied, for a code of average difficulty.
const MISS: f64 = 0.15;
/// How often B takes a neighbouring code instead.
const SWAP: f64 = 0.14;
/// How often B adds a code to a unit.
const ADD: f64 = 0.22;

/// What a coder makes of a unit: codes and the passages they lie on (characters of the
/// unit's text), and the codes the unit only hints at.
#[derive(Clone, Debug, Default)]
struct Reading {
    passages: Vec<(CodeKey, Range<u32>)>,
    hints: Vec<CodeKey>,
}

/// The codings of both coders on `batches`, numbered in the order they were made.
pub(super) fn code(
    batches: &[Batch],
    ids: &BTreeMap<CodeKey, CodeId>,
    rng: &mut Rng,
) -> BTreeMap<u64, Coding> {
    let lexicon = Lexicon::new();
    let first: Vec<Vec<Reading>> = batches
        .iter()
        .map(|b| b.units.iter().map(|u| read(u, &lexicon)).collect())
        .collect();
    let mut made: Vec<Coding> = Vec::new();

    // A: everything, each batch from the day it is available.
    let start = NaiveDate::from_ymd_opt(2013, 9, 27).unwrap_or_default();
    let mut clock = Clock::new(start, Rng::stream(SEED, "coding-clock-a"));
    let mut order: Vec<usize> = (0..batches.len()).collect();
    order.sort_by_key(|&b| (batches[b].available, b));
    for &b in &order {
        let batch = &batches[b];
        clock.sit_down(batch.available);
        for (unit, reading) in batch.units.iter().zip(&first[b]) {
            let (read_secs, code_secs) = pace(batch.kind, 1.0);
            clock.spend(read_secs.0, read_secs.1);
            for (code, range) in &reading.passages {
                let at = clock.spend(code_secs.0, code_secs.1);
                made.push(coding(unit, *code, range, CODERS[0], at, ids));
            }
        }
    }

    // B: every note, and a share of the answers and interviews, a few days after.
    let mut chosen = Rng::stream(SEED, "coding-sample-b");
    let mut second: Vec<(NaiveDate, usize, Vec<usize>)> = Vec::new();
    let mut interviews: Vec<usize> = Vec::new();
    for (b, batch) in batches.iter().enumerate() {
        let lag = Days::new(chosen.between(3, 9) as u64);
        let day = batch
            .available
            .checked_add_days(lag)
            .unwrap_or(batch.available);
        match batch.kind {
            BatchKind::Note => second.push((day, b, (0..batch.units.len()).collect())),
            BatchKind::Answers => {
                second.push((day, b, share(&mut chosen, batch.units.len())));
            }
            BatchKind::Interview => interviews.push(b),
        }
    }
    for pick in share(&mut chosen, interviews.len()) {
        let b = interviews[pick];
        let lag = Days::new(chosen.between(3, 9) as u64);
        let available = batches[b].available;
        let day = available.checked_add_days(lag).unwrap_or(available);
        second.push((day, b, (0..batches[b].units.len()).collect()));
    }
    second.sort_by_key(|(day, b, _)| (*day, *b));
    let mut clock = Clock::new(start, Rng::stream(SEED, "coding-clock-b"));
    for (day, b, units) in &second {
        let batch = &batches[*b];
        clock.sit_down(*day);
        for &u in units {
            let unit = &batch.units[u];
            let reading = second_reading(unit, &first[*b][u], rng);
            let (read_secs, code_secs) = pace(batch.kind, 1.25);
            clock.spend(read_secs.0, read_secs.1);
            for (code, range) in &reading.passages {
                let at = clock.spend(code_secs.0, code_secs.1);
                made.push(coding(unit, *code, range, CODERS[1], at, ids));
            }
        }
    }

    // Ids grow with time, as in a project where codings are numbered as they are made.
    made.sort_by(|a, b| a.at.cmp(&b.at).then(a.coder.cmp(&b.coder)));
    made.into_iter()
        .zip(1u64..)
        .map(|(mut c, id)| {
            c.id = id;
            (id, c)
        })
        .collect()
}

/// Seconds to read a unit and to apply one code, for a coder who takes `slowness` times
/// A's time.
fn pace(kind: BatchKind, slowness: f64) -> ((i64, i64), (i64, i64)) {
    let (read, code) = match kind {
        BatchKind::Note => ((20, 70), (15, 60)),
        BatchKind::Interview => ((15, 45), (10, 35)),
        BatchKind::Answers => ((5, 18), (4, 14)),
    };
    let scale = |(low, high): (i64, i64)| {
        (
            (low as f64 * slowness) as i64,
            (high as f64 * slowness) as i64,
        )
    };
    (scale(read), scale(code))
}

/// About [`SECOND_CODER_SHARE`] of `n` indices, drawn at random, in order.
fn share(rng: &mut Rng, n: usize) -> Vec<usize> {
    let mut all: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut all);
    let keep = ((n as f64) * SECOND_CODER_SHARE).round() as usize;
    let mut kept: Vec<usize> = all.into_iter().take(keep).collect();
    kept.sort_unstable();
    kept
}

/// One coding (its id is set once all are made).
fn coding(
    unit: &Unit,
    code: CodeKey,
    range: &Range<u32>,
    coder: &str,
    at: String,
    ids: &BTreeMap<CodeKey, CodeId>,
) -> Coding {
    let anchor = match &unit.place {
        Place::Note { file, offset } => Anchor::Note {
            file: file.clone(),
            start: offset + range.start,
            end: offset + range.end,
        },
        Place::Answer {
            source,
            question,
            respondent,
        } => {
            let whole = range.start == 0 && range.end as usize >= unit.text.chars().count();
            Anchor::Answer {
                source: source.clone(),
                question: question.clone(),
                respondent: *respondent,
                span: (unit.by_passage && !whole).then_some((range.start, range.end)),
            }
        }
    };
    Coding {
        id: 0,
        code: ids.get(&code).copied().unwrap_or(CodeId(0)),
        anchor,
        coder: coder.to_owned(),
        at,
        review: None,
    }
}

/// A's reading of a unit: the codes whose evidence each sentence holds (the whole answer
/// for an answer), and passages made of the sentences that say each code, the whole
/// paragraph or field when all of them do. Sentences one apart that say the same code make
/// one passage, as a coder selects them.
fn read(unit: &Unit, lexicon: &Lexicon) -> Reading {
    let tokens = tokens(&unit.text);
    let length = u32::try_from(unit.text.chars().count()).unwrap_or(u32::MAX);
    let parts: Vec<Range<u32>> = if unit.by_passage {
        sentences(&unit.text)
    } else {
        // The whole answer, as one part.
        std::iter::once(0..length).collect()
    };
    let mut found: Vec<Vec<CodeKey>> = Vec::with_capacity(parts.len());
    let mut strength: BTreeMap<CodeKey, f32> = BTreeMap::new();
    let mut hints: BTreeSet<CodeKey> = BTreeSet::new();
    for part in &parts {
        let window = tokens_in(&tokens, part);
        let mut scored: Vec<(CodeKey, f32)> = Vec::new();
        for (code, list, speakers) in &lexicon.rules {
            if !speakers.is_empty() && !unit.speakers.iter().any(|s| speakers.contains(s)) {
                continue;
            }
            scored.push((*code, list.score(&tokens, window.clone())));
        }
        let voice = speaker(unit, &tokens[window.clone()]);
        if let Some(perception) = voice.perception() {
            let mut score = lexicon.opinion.score(&tokens, window.clone());
            if voice == Speaker::Employer {
                score += lexicon.employer_view.score(&tokens, window.clone());
            }
            scored.push((perception, score));
        }
        scored.retain(|(_, s)| *s > 0.0);
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut codes = Vec::new();
        for (code, score) in scored {
            if score >= 1.0 && codes.len() < CODES_PER_SENTENCE {
                codes.push(code);
                *strength.entry(code).or_default() += score;
            } else {
                hints.insert(code);
            }
        }
        found.push(codes);
    }
    let cap = if unit.by_passage {
        CODES_PER_PASSAGE_UNIT
    } else {
        CODES_PER_SENTENCE
    };
    let mut ranked: Vec<(CodeKey, f32)> = strength.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    for (code, _) in ranked.iter().skip(cap) {
        hints.insert(*code);
    }
    let mut kept: BTreeSet<CodeKey> = ranked.iter().take(cap).map(|(c, _)| *c).collect();
    let mut passages = Vec::new();
    // A field of an interview is coded with its question's topic, whatever its words.
    if let Some(topic) = unit.topic {
        if !kept.contains(&topic)
            && kept.len() == cap
            && let Some((weakest, _)) = ranked.get(cap - 1)
        {
            kept.remove(weakest);
            hints.insert(*weakest);
        }
        passages.push((topic, 0..length));
    }
    for &code in kept.iter().filter(|c| Some(**c) != unit.topic) {
        let at: Vec<usize> = (0..parts.len())
            .filter(|&i| found[i].contains(&code))
            .collect();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for i in at {
            match runs.last_mut() {
                Some((_, last)) if i <= *last + 2 => *last = i,
                _ => runs.push((i, i)),
            }
        }
        for (first, last) in runs {
            let range = if first == 0 && last + 1 == parts.len() {
                0..length
            } else {
                parts[first].start..parts[last].end
            };
            passages.push((code, range));
        }
    }
    passages.sort_by_key(|(code, range)| (range.start, *code));
    kept.extend(unit.topic);
    hints.retain(|c| !kept.contains(c));
    Reading {
        passages,
        hints: hints.into_iter().collect(),
    }
}

/// Who voices a sentence: the unit's speaker, or, when several speak (an observation, a
/// joint interview), the one the sentence names.
fn speaker(unit: &Unit, tokens: &[Token]) -> Speaker {
    let mut kinds: Vec<Speaker> = unit.speakers.clone();
    kinds.dedup();
    let first = kinds.first().copied().unwrap_or(Speaker::Evaluator);
    if kinds.len() <= 1 {
        return first;
    }
    let names = |words: &[&str]| tokens.iter().any(|t| words.iter().any(|w| t.is(w)));
    if kinds.contains(&Speaker::Youth) && names(&["jeune", "jeunes"]) {
        Speaker::Youth
    } else if kinds.contains(&Speaker::Counsellor)
        && names(&["conseiller", "conseillere", "conseillers", "conseilleres"])
    {
        Speaker::Counsellor
    } else {
        first
    }
}

/// B's reading of a unit A read as `first`.
fn second_reading(unit: &Unit, first: &Reading, rng: &mut Rng) -> Reading {
    let length = u32::try_from(unit.text.chars().count()).unwrap_or(u32::MAX);
    let present: BTreeSet<CodeKey> = first.passages.iter().map(|(c, _)| *c).collect();
    let mut passages: Vec<(CodeKey, Range<u32>)> = Vec::new();
    for (code, range) in &first.passages {
        let difficulty = difficulty(*code);
        let x = rng.unit();
        let code = if x < MISS * difficulty {
            continue;
        } else if x < (MISS + SWAP) * difficulty {
            let other = neighbour(*code, rng);
            if present.contains(&other) {
                continue;
            }
            other
        } else {
            *code
        };
        let range = if unit.by_passage && rng.chance(0.3) {
            0..length
        } else {
            range.clone()
        };
        if !passages.contains(&(code, range.clone())) {
            passages.push((code, range));
        }
    }
    let mean_difficulty = if present.is_empty() {
        1.0
    } else {
        present.iter().map(|c| difficulty(*c)).sum::<f64>() / present.len() as f64
    };
    if !first.passages.is_empty() && rng.chance(ADD * mean_difficulty) {
        let hinted = first.hints.iter().copied().filter(|c| !present.contains(c));
        let hinted: Vec<CodeKey> = hinted.collect();
        let added = if !hinted.is_empty() && rng.chance(0.6) {
            rng.pick(&hinted).copied()
        } else {
            let codes: Vec<CodeKey> = present.iter().copied().collect();
            rng.pick(&codes).map(|c| neighbour(*c, rng))
        };
        let range = rng.pick(&first.passages).map(|(_, r)| r.clone());
        if let (Some(code), Some(range)) = (added, range)
            && !present.contains(&code)
            && !passages.iter().any(|(c, _)| *c == code)
        {
            passages.push((code, range));
        }
    }
    passages.sort_by_key(|(code, range)| (range.start, *code));
    Reading {
        passages,
        hints: Vec::new(),
    }
}

/// How hard a code is to apply the same way twice, relative to the average (1).
fn difficulty(code: CodeKey) -> f64 {
    match code {
        B3 | E9 | A4 | E6 | E8 | B2 | F2 => 0.5,
        E3 | C2 | D1 | D4 | E5 | A6 | H1 | H6 => 0.8,
        B4 | G1 | D2 | H3 | H4 => 1.2,
        G4 | E2 | A3 | H5 | E7 | E10 => 1.6,
        _ => 1.0,
    }
}

/// The code a coder most often takes for `code` (codebook's « when not to use » pairs),
/// or, one time in three, another code of the same theme.
fn neighbour(code: CodeKey, rng: &mut Rng) -> CodeKey {
    if rng.chance(1.0 / 3.0) {
        let siblings: Vec<CodeKey> = ALL
            .iter()
            .copied()
            .filter(|c| c.theme == code.theme && *c != code)
            .collect();
        if let Some(s) = rng.pick(&siblings) {
            return *s;
        }
    }
    match code {
        A1 => A2,
        A2 => A3,
        A3 => A2,
        A4 => A3,
        A5 => H5,
        A6 => B4,
        B1 => A3,
        B2 => G4,
        B3 => C3,
        B4 => A6,
        C1 => C2,
        C2 => C1,
        C3 => B3,
        D1 => D3,
        D2 => D4,
        D3 => D1,
        D4 => D2,
        E1 => D3,
        E2 => G2,
        E3 => E4,
        E4 => E3,
        E5 => H1,
        E6 => F1,
        E7 => E2,
        E8 => E10,
        E9 => E7,
        E10 => E8,
        F1 => E6,
        F2 => F1,
        F3 => E7,
        G1 => G4,
        G2 => E2,
        G3 => F1,
        G4 => G1,
        H1 => H2,
        H2 => H1,
        H3 => H4,
        H4 => H3,
        H5 => A2,
        H6 => H1,
        _ => code,
    }
}
