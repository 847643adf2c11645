//! Qualitative coding as data: the codebook (a tree of codes with their definitions), the
//! codings that apply a code to a passage (an open answer, a field of an interview, a range
//! of a site-visit note), by a named coder, and memos.
//!
//! Offsets in texts count characters (Unicode scalar values, as `str::chars` does), so that a
//! passage never splits a character and does not depend on how the text is stored.

use serde::{Deserialize, Serialize};

/// A code's id within its project (stable across sessions; never reused).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CodeId(pub u32);

/// A colour, as `#RRGGBB` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB`.
    pub fn to_hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// From `#RRGGBB` or `#RGB` (either case); `None` otherwise.
    pub fn from_hex(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
        match hex.len() {
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            _ => None,
        }
    }
}

/// What a code means, as a codebook states it for coders.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeDefinition {
    /// What the code captures.
    pub definition: String,
    /// When to apply it.
    pub when_to_use: String,
    /// When not to (and which code to use instead).
    pub when_not: String,
    /// A typical passage.
    pub example: String,
}

impl CodeDefinition {
    /// Whether nothing is said.
    pub fn is_empty(&self) -> bool {
        self.definition.is_empty()
            && self.when_to_use.is_empty()
            && self.when_not.is_empty()
            && self.example.is_empty()
    }
}

/// One code of the codebook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    /// Its id in the project.
    pub id: CodeId,
    /// Its REFI-QDA GUID (upper-case hex, no braces), kept through exchanges.
    pub guid: String,
    /// The code above it; `None` for a theme at the top.
    pub parent: Option<CodeId>,
    /// Its place among its siblings (0 first).
    pub position: u32,
    /// Its name (« Pilotage national »).
    pub name: String,
    /// Its colour in stripes, chips and charts.
    pub color: Rgb,
    /// What it means.
    pub description: CodeDefinition,
    /// Whether passages can be coded with it (`false`: a heading that only groups codes).
    pub codable: bool,
    /// The key that applies it while coding (`'1'`…`'9'`, a letter), if any.
    pub shortcut: Option<char>,
}

/// The codebook: every code, each with its parent; the tree is read through [`Codebook::children`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Codebook {
    /// The codes, in no particular order.
    pub codes: Vec<Code>,
}

impl Codebook {
    /// The code with this id.
    pub fn get(&self, id: CodeId) -> Option<&Code> {
        self.codes.iter().find(|c| c.id == id)
    }

    /// The codes directly under `parent` (`None`: the themes at the top), in order.
    pub fn children(&self, parent: Option<CodeId>) -> Vec<&Code> {
        let mut children: Vec<&Code> = self.codes.iter().filter(|c| c.parent == parent).collect();
        children.sort_by_key(|c| (c.position, c.id));
        children
    }

    /// Every code in tree order (a parent before its children), with its depth (0 at the top).
    pub fn in_order(&self) -> Vec<(&Code, usize)> {
        let mut out = Vec::with_capacity(self.codes.len());
        let mut stack: Vec<(&Code, usize)> = self
            .children(None)
            .into_iter()
            .rev()
            .map(|c| (c, 0))
            .collect();
        while let Some((code, depth)) = stack.pop() {
            out.push((code, depth));
            // A code cannot hold its ancestors (moves refuse it), and a damaged file is
            // stopped here rather than looping.
            if depth > self.codes.len() {
                break;
            }
            stack.extend(
                self.children(Some(code.id))
                    .into_iter()
                    .rev()
                    .map(|c| (c, depth + 1)),
            );
        }
        out
    }

    /// The code and every code below it.
    pub fn subtree(&self, id: CodeId) -> Vec<CodeId> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i];
            out.extend(
                self.codes
                    .iter()
                    .filter(|c| c.parent == Some(parent))
                    .map(|c| c.id),
            );
            i += 1;
            if i > self.codes.len() {
                break;
            }
        }
        out
    }

    /// The names from the top down to the code (« Perceptions › Perceptions des jeunes »).
    pub fn path(&self, id: CodeId) -> Vec<&str> {
        let mut names = Vec::new();
        let mut current = self.get(id);
        while let Some(code) = current {
            names.push(code.name.as_str());
            if names.len() > self.codes.len() {
                break;
            }
            current = code.parent.and_then(|p| self.get(p));
        }
        names.reverse();
        names
    }

    /// An id no code has.
    pub fn next_id(&self) -> CodeId {
        CodeId(self.codes.iter().map(|c| c.id.0 + 1).max().unwrap_or(1))
    }
}

/// Where a coded passage lies.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Anchor {
    /// An answer of one respondent: to an open question, the free « Autre » text of a closed
    /// one (`question` is then `QUESTION.autre`), or a field of an interview grid. The whole
    /// answer, or characters `span.0..span.1` of it.
    Answer {
        /// The source's id.
        source: String,
        /// The question's id.
        question: String,
        /// The respondent (0-based, file order).
        respondent: u32,
        /// Characters of the answer, when not the whole of it.
        span: Option<(u32, u32)>,
    },
    /// Characters `start..end` of a site-visit note's full text (its paragraphs joined by a
    /// blank line).
    Note {
        /// The note's file, as the manifest names it.
        file: String,
        /// First character.
        start: u32,
        /// One past the last character.
        end: u32,
    },
}

impl Anchor {
    /// The answer this passage belongs to, as `SOURCE.QUESTION#RESPONDENT`; `None` for a
    /// note.
    pub fn answer_key(&self) -> Option<String> {
        match self {
            Anchor::Answer {
                source,
                question,
                respondent,
                ..
            } => Some(format!("{source}.{question}#{respondent}")),
            Anchor::Note { .. } => None,
        }
    }
}

/// A code applied to a passage by a coder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    /// Its id in the project.
    pub id: u64,
    /// The code.
    pub code: CodeId,
    /// The passage.
    pub anchor: Anchor,
    /// Who coded it (the name chosen in Préférences).
    pub coder: String,
    /// When (ISO 8601, UTC).
    pub at: String,
    /// Why the coding needs another look, if it does (its answer changed in a later wave,
    /// or its respondent is gone from it).
    pub review: Option<String>,
}

/// What a memo is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MemoTarget {
    /// The project as a whole.
    Project,
    /// A code.
    Code(CodeId),
    /// A document: a note's file, or a source's id.
    Document(String),
    /// One answer (`SOURCE.QUESTION#RESPONDENT`, as [`Anchor::answer_key`] gives it).
    Answer(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(id: u32, parent: Option<u32>, position: u32, name: &str) -> Code {
        Code {
            id: CodeId(id),
            guid: String::new(),
            parent: parent.map(CodeId),
            position,
            name: name.to_owned(),
            color: Rgb(0, 0, 0),
            description: CodeDefinition::default(),
            codable: true,
            shortcut: None,
        }
    }

    #[test]
    fn a_codebook_reads_as_a_tree() {
        let book = Codebook {
            codes: vec![
                code(3, Some(1), 1, "Perceptions des jeunes"),
                code(1, None, 1, "Perceptions"),
                code(2, Some(1), 0, "Perceptions des conseillers"),
                code(4, None, 0, "Pilotage"),
            ],
        };
        let order: Vec<(&str, usize)> = book
            .in_order()
            .into_iter()
            .map(|(c, d)| (c.name.as_str(), d))
            .collect();
        assert_eq!(
            order,
            vec![
                ("Pilotage", 0),
                ("Perceptions", 0),
                ("Perceptions des conseillers", 1),
                ("Perceptions des jeunes", 1)
            ]
        );
        assert_eq!(
            book.path(CodeId(3)),
            vec!["Perceptions", "Perceptions des jeunes"]
        );
        assert_eq!(book.subtree(CodeId(1)).len(), 3);
        assert_eq!(book.next_id(), CodeId(5));
    }

    #[test]
    fn colours_read_and_write_as_hex() {
        assert_eq!(Rgb::from_hex("#1f77b4"), Some(Rgb(0x1F, 0x77, 0xB4)));
        assert_eq!(Rgb::from_hex("#fa0"), Some(Rgb(0xFF, 0xAA, 0x00)));
        assert_eq!(Rgb(0x1F, 0x77, 0xB4).to_hex(), "#1F77B4");
        assert_eq!(Rgb::from_hex("1f77b4"), None);
        assert_eq!(Rgb::from_hex("#1f77"), None);
    }
}

impl MemoTarget {
    /// The target as a stored key (`projet`, `code:12`, `document:FILE`, `reponse:KEY`).
    pub fn key(&self) -> String {
        match self {
            MemoTarget::Project => "projet".to_owned(),
            MemoTarget::Code(id) => format!("code:{}", id.0),
            MemoTarget::Document(file) => format!("document:{file}"),
            MemoTarget::Answer(key) => format!("reponse:{key}"),
        }
    }

    /// The target a stored key names; `None` for a key of no known form.
    pub fn from_key(key: &str) -> Option<MemoTarget> {
        if key == "projet" {
            return Some(MemoTarget::Project);
        }
        let (kind, rest) = key.split_once(':')?;
        match kind {
            "code" => rest.parse().ok().map(|id| MemoTarget::Code(CodeId(id))),
            "document" => Some(MemoTarget::Document(rest.to_owned())),
            "reponse" => Some(MemoTarget::Answer(rest.to_owned())),
            _ => None,
        }
    }
}

/// The evaluator's coding of an evaluation: the codebook, every coding, and the memos.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodingWork {
    /// The codebook.
    pub codebook: Codebook,
    /// Every coding, by id (ids grow with time, so this is also the order they were made).
    pub codings: std::collections::BTreeMap<u64, Coding>,
    /// Memos, by what they are about.
    #[serde(with = "memo_list")]
    pub memos: std::collections::BTreeMap<MemoTarget, String>,
}

impl CodingWork {
    /// An id no coding has.
    pub fn next_coding_id(&self) -> u64 {
        self.codings.keys().next_back().map_or(1, |id| id + 1)
    }

    /// Codings of one answer (any span of it).
    pub fn of_answer<'a>(
        &'a self,
        source: &'a str,
        question: &'a str,
        respondent: u32,
    ) -> impl Iterator<Item = &'a Coding> + 'a {
        self.codings.values().filter(move |c| {
            matches!(&c.anchor, Anchor::Answer { source: s, question: q, respondent: r, .. }
                if s == source && q == question && *r == respondent)
        })
    }

    /// Codings of one note.
    pub fn of_note<'a>(&'a self, file: &'a str) -> impl Iterator<Item = &'a Coding> + 'a {
        self.codings
            .values()
            .filter(move |c| matches!(&c.anchor, Anchor::Note { file: f, .. } if f == file))
    }
}

/// Memos as a list of (target key, text) in files: JSON maps need string keys.
mod memo_list {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::MemoTarget;

    pub fn serialize<S: Serializer>(
        memos: &BTreeMap<MemoTarget, String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let list: BTreeMap<String, &String> = memos.iter().map(|(t, m)| (t.key(), m)).collect();
        list.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<MemoTarget, String>, D::Error> {
        let list = BTreeMap::<String, String>::deserialize(deserializer)?;
        Ok(list
            .into_iter()
            .filter_map(|(k, m)| MemoTarget::from_key(&k).map(|t| (t, m)))
            .collect())
    }
}
