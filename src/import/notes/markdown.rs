//! Markdown notes to paragraphs.
//!
//! Enough of CommonMark for notes typed by evaluators: ATX (`## Titre`) and setext
//! (underlined) headings, list items and table rows as paragraphs of their own, block quotes
//! and fenced code kept as text, front matter, HTML comments and rules dropped. Inline markup
//! is removed so the coder sees the words: emphasis markers (with CommonMark's flanking
//! rules, so `ml_nord_essonne` or `5 * 3` stay as they are), code backticks, link targets,
//! backslash escapes and the common character references. A soft line break becomes a
//! space, a hard one (two trailing spaces, a trailing backslash, `<br>`) a `\n`.

use super::push_paragraph;
use crate::model::note::Paragraph;

/// The paragraphs of a Markdown text (line ends already `\n`).
pub(super) fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines: Vec<&str> = text.lines().collect();
    let mut builder = Builder::default();
    let mut i = skip_front_matter(&lines);
    while i < lines.len() {
        let line = strip_quote_markers(lines[i]);
        i += 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            builder.flush();
            continue;
        }
        if trimmed.starts_with("<!--") {
            builder.flush();
            let mut closing = line;
            while !closing.contains("-->") && i < lines.len() {
                closing = lines[i];
                i += 1;
            }
            continue;
        }
        if let Some((fence, length)) = fence_of(trimmed) {
            builder.flush();
            let mut code = Vec::new();
            while i < lines.len() {
                let inner = strip_quote_markers(lines[i]);
                i += 1;
                if fence_of(inner.trim()).is_some_and(|(c, n)| c == fence && n >= length) {
                    break;
                }
                code.push(inner);
            }
            push_paragraph(&mut builder.out, &code.join("\n"), None);
            continue;
        }
        if let Some((level, title)) = atx_heading(trimmed) {
            builder.flush();
            push_paragraph(&mut builder.out, &inline(title), Some(level));
            continue;
        }
        if !builder.current.is_empty() && is_underline(trimmed, '=') {
            builder.flush_as(Some(1));
            continue;
        }
        if !builder.current.is_empty() && is_underline(trimmed, '-') {
            builder.flush_as(Some(2));
            continue;
        }
        if is_rule(trimmed) {
            builder.flush();
            continue;
        }
        if let Some(item) = list_item(trimmed) {
            builder.flush();
            builder.append(item, line);
            continue;
        }
        if trimmed.starts_with('|') {
            builder.flush();
            if !is_table_separator(trimmed) {
                let cells: Vec<String> = trimmed
                    .trim_matches('|')
                    .split('|')
                    .map(|cell| inline(cell.trim()))
                    .filter(|cell| !cell.is_empty())
                    .collect();
                push_paragraph(&mut builder.out, &cells.join(" | "), None);
            }
            continue;
        }
        builder.append(trimmed, line);
    }
    builder.flush();
    builder.out
}

/// The paragraphs found so far and the raw text of the open one.
#[derive(Default)]
struct Builder {
    out: Vec<Paragraph>,
    current: String,
    /// The previous line ended with a hard break.
    hard_break: bool,
}

impl Builder {
    /// Adds `content` (the line without its block marker) to the open paragraph; `line` is
    /// the whole line, whose end tells a hard break.
    fn append(&mut self, content: &str, line: &str) {
        let mut content = content.trim();
        let mut hard = line.ends_with("  ");
        if let Some(stripped) = content.strip_suffix('\\')
            && !stripped.ends_with('\\')
        {
            content = stripped.trim_end();
            hard = true;
        }
        if !self.current.is_empty() {
            self.current.push(if self.hard_break { '\n' } else { ' ' });
        }
        self.current.push_str(content);
        self.hard_break = hard;
    }

    fn flush(&mut self) {
        self.flush_as(None);
    }

    fn flush_as(&mut self, heading_level: Option<u8>) {
        if !self.current.is_empty() {
            push_paragraph(&mut self.out, &inline(&self.current), heading_level);
            self.current.clear();
        }
        self.hard_break = false;
    }
}

/// Index of the first line after a YAML front matter block (`---` … `---`), if any.
fn skip_front_matter(lines: &[&str]) -> usize {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return 0;
    }
    lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .map_or(0, |end| end + 2)
}

fn strip_quote_markers(line: &str) -> &str {
    let mut rest = line;
    while let Some(after) = rest.trim_start().strip_prefix('>') {
        rest = after.strip_prefix(' ').unwrap_or(after);
    }
    rest
}

/// A code fence: its character and length.
fn fence_of(trimmed: &str) -> Option<(char, usize)> {
    let first = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let length = trimmed.chars().take_while(|c| *c == first).count();
    (length >= 3).then_some((first, length))
}

fn atx_heading(trimmed: &str) -> Option<(u8, &str)> {
    let hashes = trimmed.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &trimmed[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let title = rest.trim();
    // A closing sequence of #s preceded by a space is not part of the title.
    let without_closing = title.trim_end_matches('#');
    let title = if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        title
    };
    u8::try_from(hashes).ok().map(|level| (level, title))
}

fn is_underline(trimmed: &str, c: char) -> bool {
    !trimmed.is_empty() && trimmed.chars().all(|x| x == c)
}

fn is_rule(trimmed: &str) -> bool {
    ['-', '*', '_'].iter().any(|c| {
        trimmed.chars().filter(|x| x == c).count() >= 3
            && trimmed.chars().all(|x| x == *c || x == ' ')
    })
}

/// The text of a list item line (`- `, `* `, `+ `, `1. `, `1) `), marker removed.
fn list_item(trimmed: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = trimmed.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &trimmed[digits..];
        for marker in [". ", ") "] {
            if let Some(item) = rest.strip_prefix(marker) {
                return Some(item);
            }
        }
    }
    None
}

fn is_table_separator(trimmed: &str) -> bool {
    trimmed.contains('-')
        && trimmed
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// A piece of inline text: literal text, or a run of emphasis delimiters.
enum Token {
    Text(String),
    Delimiter {
        marker: char,
        count: usize,
        can_open: bool,
        can_close: bool,
    },
}

/// Removes inline markup.
fn inline(text: &str) -> String {
    let mut tokens = Vec::new();
    tokenize(text, &mut tokens);
    match_emphasis(&mut tokens);
    let mut out = String::with_capacity(text.len());
    for token in tokens {
        match token {
            Token::Text(t) => out.push_str(&t),
            Token::Delimiter { marker, count, .. } => {
                out.extend(std::iter::repeat_n(marker, count));
            }
        }
    }
    out
}

fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

fn tokenize(text: &str, tokens: &mut Vec<Token>) {
    let chars: Vec<char> = text.chars().collect();
    let mut literal = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(char::is_ascii_punctuation) => {
                literal.push(chars[i + 1]);
                i += 2;
            }
            '`' => {
                let run = chars[i..].iter().take_while(|x| **x == '`').count();
                let after = i + run;
                match find_run(&chars, after, '`', run) {
                    Some(end) => {
                        let code: String = chars[after..end].iter().collect();
                        literal.push_str(code.trim());
                        i = end + run;
                    }
                    None => {
                        literal.extend(&chars[i..after]);
                        i = after;
                    }
                }
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link(&chars, i + 1) {
                Some((label, end)) => {
                    flush_literal(&mut literal, tokens);
                    tokenize(&label, tokens);
                    i = end;
                }
                None => {
                    literal.push(c);
                    i += 1;
                }
            },
            '[' => match link(&chars, i) {
                Some((label, end)) => {
                    flush_literal(&mut literal, tokens);
                    tokenize(&label, tokens);
                    i = end;
                }
                None => {
                    literal.push(c);
                    i += 1;
                }
            },
            '<' => match angle(&chars, i) {
                Some((replacement, end)) => {
                    literal.push_str(&replacement);
                    i = end;
                }
                None => {
                    literal.push(c);
                    i += 1;
                }
            },
            '&' => match reference(&chars, i) {
                Some((decoded, end)) => {
                    literal.push(decoded);
                    i = end;
                }
                None => {
                    literal.push(c);
                    i += 1;
                }
            },
            '*' | '_' | '~' => {
                let count = chars[i..].iter().take_while(|x| **x == c).count();
                if c == '~' && count != 2 {
                    literal.extend(std::iter::repeat_n(c, count));
                    i += count;
                    continue;
                }
                let before = if i == 0 { ' ' } else { chars[i - 1] };
                let after = chars.get(i + count).copied().unwrap_or(' ');
                let left = !after.is_whitespace()
                    && (!is_punctuation(after) || before.is_whitespace() || is_punctuation(before));
                let right = !before.is_whitespace()
                    && (!is_punctuation(before) || after.is_whitespace() || is_punctuation(after));
                let (can_open, can_close) = if c == '_' {
                    (
                        left && (!right || is_punctuation(before)),
                        right && (!left || is_punctuation(after)),
                    )
                } else {
                    (left, right)
                };
                flush_literal(&mut literal, tokens);
                tokens.push(Token::Delimiter {
                    marker: c,
                    count,
                    can_open,
                    can_close,
                });
                i += count;
            }
            _ => {
                literal.push(c);
                i += 1;
            }
        }
    }
    flush_literal(&mut literal, tokens);
}

fn flush_literal(literal: &mut String, tokens: &mut Vec<Token>) {
    if !literal.is_empty() {
        tokens.push(Token::Text(std::mem::take(literal)));
    }
}

/// The index of the next run of exactly `length` `marker`s from `from`.
fn find_run(chars: &[char], from: usize, marker: char, length: usize) -> Option<usize> {
    let mut i = from;
    while i < chars.len() {
        if chars[i] == marker {
            let run = chars[i..].iter().take_while(|x| **x == marker).count();
            if run == length {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// `[label](target)` or `[label][ref]` starting at `open`: the label and the index after.
fn link(chars: &[char], open: usize) -> Option<(String, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    for (offset, c) in chars[open..].iter().enumerate() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(open + offset);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let (closing, opening) = match chars.get(close + 1) {
        Some('(') => (')', '('),
        Some('[') => (']', '['),
        _ => return None,
    };
    let mut depth = 0usize;
    for (offset, c) in chars[close + 1..].iter().enumerate() {
        if *c == opening {
            depth += 1;
        } else if *c == closing {
            depth -= 1;
            if depth == 0 {
                let label = chars[open + 1..close].iter().collect();
                return Some((label, close + 1 + offset + 1));
            }
        }
    }
    None
}

/// `<br>` (a line break) or an autolink `<https://…>` (its address).
fn angle(chars: &[char], open: usize) -> Option<(String, usize)> {
    let close = open + chars[open..].iter().position(|c| *c == '>')?;
    let inner: String = chars[open + 1..close].iter().collect();
    let lower = inner.trim().to_lowercase();
    if matches!(lower.as_str(), "br" | "br/" | "br /") {
        return Some(("\n".to_owned(), close + 1));
    }
    let autolink = (lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:"))
        && !inner.contains(char::is_whitespace);
    autolink.then_some((inner, close + 1))
}

/// A character reference (`&amp;`, `&nbsp;`, `&#233;`, `&#xE9;`): the character and the
/// index after the `;`.
fn reference(chars: &[char], open: usize) -> Option<(char, usize)> {
    let length = chars[open..].iter().take(12).position(|c| *c == ';')?;
    let name: String = chars[open + 1..open + length].iter().collect();
    let decoded = match name.as_str() {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')?
        }
    };
    Some((decoded, open + length + 1))
}

/// Pairs emphasis delimiters (CommonMark's algorithm, simplified): matched markers are
/// removed, unmatched ones stay as literal text.
fn match_emphasis(tokens: &mut [Token]) {
    let mut openers: Vec<usize> = Vec::new();
    for index in 0..tokens.len() {
        let Token::Delimiter {
            marker,
            can_open,
            can_close,
            ..
        } = tokens[index]
        else {
            continue;
        };
        if can_close {
            while let Some(position) = openers.iter().rposition(|&o| {
                matches!(tokens[o], Token::Delimiter { marker: m, count, .. } if m == marker && count > 0)
            }) {
                let opener = openers[position];
                let used = count_of(&tokens[opener]).min(count_of(&tokens[index]));
                take(&mut tokens[opener], used);
                take(&mut tokens[index], used);
                // Openers between the pair can no longer close anything inside it.
                openers.truncate(position + 1);
                if count_of(&tokens[opener]) == 0 {
                    openers.pop();
                }
                if count_of(&tokens[index]) == 0 {
                    break;
                }
            }
        }
        if can_open && count_of(&tokens[index]) > 0 {
            openers.push(index);
        }
    }
}

fn count_of(token: &Token) -> usize {
    match token {
        Token::Delimiter { count, .. } => *count,
        Token::Text(_) => 0,
    }
}

fn take(token: &mut Token, used: usize) {
    if let Token::Delimiter { count, .. } = token {
        *count -= used;
    }
}
