//! A quote-aware pass over delimited text, before the `csv` crate parses it.
//!
//! It follows the same state machine as `csv-core` (quotes only open at the start of a
//! field, `""` is an escaped quote, `\r`, `\n` and `\r\n` end records, blank lines are
//! skipped) but keeps nothing but counts, so it can say in constant memory:
//! - how many rows and columns the table will have (so the parse fills a table allocated
//!   once, and a line of a million delimiters is refused before anything is buffered);
//! - whether a quote swallows the rest of the file. A quoted field that spans line breaks
//!   and then "closes" on a quote followed by ordinary text (the opening quote of a later
//!   field, typically) is the mark of a stray quote: a well-formed field closes on a quote
//!   followed by a delimiter or a line break.

use std::ops::ControlFlow;

use super::MAX_COLUMNS;

/// What the scanner reports at the end of each record.
#[derive(Clone, Copy, Debug)]
pub(super) struct RecordEnd {
    /// 0-based index of the record.
    pub record: usize,
    /// Number of fields, empty ones included.
    pub fields: usize,
    /// 1 + index of the last field with content (0 when all are empty).
    pub content_width: usize,
}

/// A quoted field that does not close cleanly after spanning line breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct StrayQuote {
    /// Byte offset of the opening quote in the text.
    pub offset: usize,
    /// 1-based line of the opening quote.
    pub line: usize,
    /// Record and field where it opens.
    pub record: usize,
    /// Field index within the record.
    pub field: usize,
}

/// Why a scan stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stop {
    /// A record has more than [`MAX_COLUMNS`] fields; 1-based line where it starts.
    TooManyColumns { line: usize },
    /// A stray quote (see the module docs).
    StrayQuote(StrayQuote),
    /// The callback asked to stop.
    Requested,
}

/// What a complete scan learnt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Summary {
    /// 1-based line of a quote left open at the end of the file within a single line
    /// (harmless: the field just runs to the end).
    pub unclosed_at_end: Option<usize>,
    /// A quoted field that closed cleanly but spans many lines that look like records: worth
    /// a warning, not a repair. (line where it opens, lines spanned)
    pub long_quoted: Option<(usize, usize)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    InField,
    InQuoted,
    /// Just read a quote inside a quoted field: an escaped quote or the closing one.
    QuoteInQuoted,
}

/// Lines a cleanly closed quoted field must span before [`Summary::long_quoted`] is set.
const LONG_QUOTED_LINES: usize = 20;

/// Runs the state machine over `text`, calling `on_record` after each record and `on_chunk`
/// with the offset reached every MiB (for progress and cancellation).
pub(super) fn scan(
    text: &[u8],
    delimiter: u8,
    mut on_record: impl FnMut(RecordEnd) -> ControlFlow<()>,
    mut on_chunk: impl FnMut(usize) -> ControlFlow<()>,
) -> Result<Summary, Stop> {
    let mut summary = Summary::default();
    let mut state = State::StartRecord;
    let mut line = 1usize;
    let mut record = 0usize;
    let mut record_line = 1usize;
    let mut field = 0usize;
    let mut field_has_content = false;
    let mut content_width = 0usize;
    let mut header_fields = 0usize;
    // The quoted field being read: where it opened, line breaks and record-like lines in it.
    let mut quote = StrayQuote {
        offset: 0,
        line: 0,
        record: 0,
        field: 0,
    };
    let mut quote_lines = 0usize;
    let mut quote_record_lines = 0usize;
    let mut delimiters_on_line = 0usize;

    const CHUNK: usize = 0x10_0000;
    let mut next_chunk = CHUNK;
    let mut offset = 0usize;
    while offset < text.len() {
        if offset >= next_chunk {
            next_chunk = (offset / CHUNK + 1) * CHUNK;
            if on_chunk(offset).is_break() {
                return Err(Stop::Requested);
            }
        }
        // Ordinary bytes inside a field change nothing but where we are: skip them at once
        // (most of a file is answers, and this pass runs over all of it).
        let run = match state {
            State::InField => memchr::memchr3(delimiter, b'\n', b'\r', &text[offset..]),
            State::InQuoted => memchr::memchr3(b'"', b'\n', b'\r', &text[offset..]),
            _ => Some(0),
        }
        .unwrap_or(text.len() - offset);
        if run > 0 {
            if state == State::InQuoted {
                // Delimiters inside quotes still tell a swallowed record (see below).
                delimiters_on_line +=
                    memchr::memchr_iter(delimiter, &text[offset..offset + run]).count();
                field_has_content = true;
            }
            offset += run;
            continue;
        }
        let (at, byte) = (offset, text[offset]);
        offset += 1;
        let is_break = byte == b'\n' || byte == b'\r';
        if state == State::StartRecord {
            if is_break {
                line += line_step(text, at);
                continue;
            }
            state = State::StartField;
            field = 0;
            content_width = 0;
            record_line = line;
        }
        match state {
            State::StartField | State::InField => {
                if state == State::StartField && byte == b'"' {
                    state = State::InQuoted;
                    quote = StrayQuote {
                        offset: at,
                        line,
                        record,
                        field,
                    };
                    quote_lines = 0;
                    quote_record_lines = 0;
                    delimiters_on_line = 0;
                } else if byte == delimiter {
                    end_field(&mut field, &mut field_has_content, &mut content_width);
                    if field >= MAX_COLUMNS {
                        return Err(Stop::TooManyColumns { line: record_line });
                    }
                    state = State::StartField;
                } else if is_break {
                    end_field(&mut field, &mut field_has_content, &mut content_width);
                    if record == 0 {
                        header_fields = field;
                    }
                    if on_record(RecordEnd {
                        record,
                        fields: field,
                        content_width,
                    })
                    .is_break()
                    {
                        return Err(Stop::Requested);
                    }
                    record += 1;
                    state = State::StartRecord;
                    line += line_step(text, at);
                } else {
                    field_has_content = true;
                    state = State::InField;
                }
            }
            State::InQuoted => {
                if byte == b'"' {
                    state = State::QuoteInQuoted;
                } else {
                    field_has_content = true;
                    if byte == delimiter {
                        delimiters_on_line += 1;
                    } else if is_break {
                        let step = line_step(text, at);
                        if step > 0 {
                            // A line that holds about as many delimiters as the header looks
                            // like a record swallowed by the quote.
                            let threshold = (header_fields.saturating_sub(1) / 2).max(1);
                            if delimiters_on_line >= threshold {
                                quote_record_lines += 1;
                            }
                            quote_lines += 1;
                            delimiters_on_line = 0;
                        }
                        line += step;
                    }
                }
            }
            State::QuoteInQuoted => {
                if byte == b'"' {
                    field_has_content = true;
                    state = State::InQuoted;
                    continue;
                }
                let clean = byte == delimiter || is_break;
                if !clean && quote_lines > 0 {
                    return Err(Stop::StrayQuote(quote));
                }
                if clean
                    && quote_lines >= LONG_QUOTED_LINES
                    && quote_record_lines * 5 >= quote_lines * 4
                    && summary.long_quoted.is_none()
                {
                    summary.long_quoted = Some((quote.line, quote_lines));
                }
                if byte == delimiter {
                    end_field(&mut field, &mut field_has_content, &mut content_width);
                    if field >= MAX_COLUMNS {
                        return Err(Stop::TooManyColumns { line: record_line });
                    }
                    state = State::StartField;
                } else if is_break {
                    end_field(&mut field, &mut field_has_content, &mut content_width);
                    if record == 0 {
                        header_fields = field;
                    }
                    if on_record(RecordEnd {
                        record,
                        fields: field,
                        content_width,
                    })
                    .is_break()
                    {
                        return Err(Stop::Requested);
                    }
                    record += 1;
                    state = State::StartRecord;
                    line += line_step(text, at);
                } else {
                    field_has_content = true;
                    state = State::InField;
                }
            }
            State::StartRecord => {}
        }
    }

    if state == State::InQuoted {
        if quote_lines > 0 {
            return Err(Stop::StrayQuote(quote));
        }
        summary.unclosed_at_end = Some(quote.line);
    }
    if state != State::StartRecord {
        end_field(&mut field, &mut field_has_content, &mut content_width);
        if on_record(RecordEnd {
            record,
            fields: field,
            content_width,
        })
        .is_break()
        {
            return Err(Stop::Requested);
        }
    }
    Ok(summary)
}

fn end_field(field: &mut usize, has_content: &mut bool, content_width: &mut usize) {
    *field += 1;
    if *has_content {
        *content_width = *field;
    }
    *has_content = false;
}

/// 1 when the line break at `offset` starts a new line, 0 for the `\n` of a `\r\n`.
fn line_step(text: &[u8], offset: usize) -> usize {
    usize::from(!(text[offset] == b'\n' && offset > 0 && text[offset - 1] == b'\r'))
}

/// Counts lines up to increasing byte offsets, for messages that name a line.
pub(super) struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    pub(super) fn new(text: &'a [u8]) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record starting at or after `offset` (line breaks there are
    /// skipped, as the parser skips them). Offsets must not decrease between calls.
    pub(super) fn line_of_record_at(&mut self, offset: usize) -> usize {
        let mut start = offset.min(self.text.len());
        while start < self.text.len() && matches!(self.text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.offset {
            for i in self.offset..start {
                if matches!(self.text[i], b'\r' | b'\n') {
                    self.line += line_step(self.text, i);
                }
            }
            self.offset = start;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str, delimiter: u8) -> Result<(Vec<(usize, usize)>, Summary), Stop> {
        let mut seen = Vec::new();
        let summary = scan(
            text.as_bytes(),
            delimiter,
            |end| {
                seen.push((end.fields, end.content_width));
                ControlFlow::Continue(())
            },
            |_| ControlFlow::Continue(()),
        )?;
        Ok((seen, summary))
    }

    /// The scanner must count exactly what the csv crate parses, or the table would be cut.
    #[test]
    fn counts_agree_with_the_csv_crate() {
        let samples = [
            "a,b,c\n1,2,3\n",
            "a,b\r\n1,\"x,y\"\r\n\r\n2,\"multi\nline\"\n",
            "a;b\r1;2\r3;4",
            "\"a\"\"b\",c\n\"\",\n,,,\n",
            "x,\"ab\"cd,e\nf\n",
            "\n\nlate,start\n",
            "a,b\n\"unclosed,c",
            "single",
        ];
        for sample in samples {
            let (ours, _) = records(sample, b',').unwrap_or_else(|e| panic!("{sample:?}: {e:?}"));
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(sample.as_bytes());
            let theirs: Vec<usize> = reader.records().map(|r| r.unwrap().len()).collect();
            let ours_fields: Vec<usize> = ours.iter().map(|r| r.0).collect();
            assert_eq!(ours_fields, theirs, "{sample:?}");
        }
    }

    /// Long answers are skipped in runs: the counts, the chunk calls and a stray quote after
    /// a long field must come out as if every byte had been looked at.
    #[test]
    fn long_fields_are_skipped_without_losing_anything() {
        let long = "réponse longue, avec des virgules et des | barres ".repeat(40_000);
        let text = format!("id;avis;note\n1;{long};4\n2;\"{long}\";5\n3;\"a\"\"b\";6\n");
        let mut chunks = Vec::new();
        let mut seen = Vec::new();
        scan(
            text.as_bytes(),
            b';',
            |end| {
                seen.push(end.fields);
                ControlFlow::Continue(())
            },
            |offset| {
                chunks.push(offset);
                ControlFlow::Continue(())
            },
        )
        .unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(b';')
            .from_reader(text.as_bytes());
        let theirs: Vec<usize> = reader.records().map(|r| r.unwrap().len()).collect();
        assert_eq!(seen, theirs);
        // Progress is told as MiBs go by (once for several passed in one field), in order.
        assert!(
            (1..=text.len() / 0x10_0000).contains(&chunks.len()),
            "{chunks:?}"
        );
        assert!(
            chunks
                .windows(2)
                .all(|w| w[0] / 0x10_0000 < w[1] / 0x10_0000)
        );
        // A quote opened before many lines that look like records is still found stray.
        let rows: String = (0..30).map(|i| format!("{i};{long};1\n")).collect();
        let stray = format!("id;avis;note\n1;\"oops;2\n{rows}9;\"x\"y;3\n");
        assert!(matches!(
            records(&stray, b';'),
            Err(Stop::StrayQuote(StrayQuote { line: 2, .. }))
        ));
    }

    #[test]
    fn content_width_ignores_trailing_empty_fields() {
        let (seen, _) = records("a;b;;\n;;;\n1;;x;\n", b';').unwrap();
        assert_eq!(seen, [(4, 2), (4, 0), (4, 3)]);
    }

    #[test]
    fn a_line_of_too_many_delimiters_stops_the_scan() {
        let text = format!("a,b\n1,2\n{}\n", ",".repeat(MAX_COLUMNS));
        assert_eq!(
            records(&text, b',').unwrap_err(),
            Stop::TooManyColumns { line: 3 }
        );
        let just_fits = format!("{}\n", ",".repeat(MAX_COLUMNS - 1));
        assert!(records(&just_fits, b',').is_ok());
    }

    #[test]
    fn a_stray_quote_is_found_where_it_opens() {
        let text = "id;avis;note\n1;\"bien;3\n2;moyen;2\n3;\"super\";4\n";
        let stop = records(text, b';').unwrap_err();
        assert_eq!(
            stop,
            Stop::StrayQuote(StrayQuote {
                offset: 15,
                line: 2,
                record: 1,
                field: 1
            })
        );

        let at_end = "id;avis\n1;\"bien\n2;moyen\n";
        assert!(matches!(records(at_end, b';').unwrap_err(), Stop::StrayQuote(q) if q.line == 2));
    }

    #[test]
    fn multiline_answers_and_a_final_open_quote_are_fine() {
        let text = "id;avis\n1;\"ligne un\nligne deux\"\n2;\"fin";
        let (seen, summary) = records(text, b';').unwrap();
        assert_eq!(seen.len(), 3);
        assert_eq!(summary.unclosed_at_end, Some(4));
    }

    #[test]
    fn line_counter_handles_every_line_ending() {
        let text = b"a\r\nb\rc\n\nd";
        let mut lines = LineCounter::new(text);
        assert_eq!(lines.line_of_record_at(0), 1);
        assert_eq!(lines.line_of_record_at(2), 2);
        assert_eq!(lines.line_of_record_at(5), 3);
        assert_eq!(lines.line_of_record_at(7), 5);
    }
}
