//! The `Workbook` stream of an xls, walked the way calamine walks it, before calamine does.
//!
//! calamine parses every sheet of an xls when it opens the file and trusts the sizes written
//! in it: a `DIMENSIONS` record can ask it to reserve billions of cells (an abort, not an
//! error, when the allocation fails), two cells in opposite corners make it allocate the
//! whole rectangle between them, and a 14-byte `LABELSST` record copies a shared string of up
//! to 64 Kio into its cell. Each is measured here and refused past the `MAX_*` limits.

use super::container::{DAMAGED, too_much_text};
use super::ole::{u16_at, u32_at};
use super::{MAX_CELLS, MAX_TEXT_BYTES, MAX_WORKBOOK_CELLS, french_count};
use crate::model::ImportError;

/// One BIFF record, with the data of the `CONTINUE` records that follow it.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    continues: Vec<&'a [u8]>,
}

/// BIFF records from `stream`, as calamine splits them; stops at the first truncated one
/// (calamine then reports the damage).
fn records(mut stream: &[u8]) -> impl Iterator<Item = Record<'_>> {
    std::iter::from_fn(move || {
        let (typ, data, rest) = split_record(stream)?;
        stream = rest;
        let mut continues = Vec::new();
        while let Some((0x003C, more, rest)) = split_record(stream) {
            continues.push(more);
            stream = rest;
        }
        Some(Record {
            typ,
            data,
            continues,
        })
    })
}

fn split_record(stream: &[u8]) -> Option<(u16, &[u8], &[u8])> {
    let typ = u16::from_le_bytes([*stream.first()?, *stream.get(1)?]);
    let len = usize::from(u16::from_le_bytes([*stream.get(2)?, *stream.get(3)?]));
    let data = stream.get(4..4 + len)?;
    Some((typ, data, &stream[4 + len..]))
}

/// What one sheet of an xls would cost calamine.
#[derive(Default)]
struct SheetCost {
    cells: u64,
    max_row: u64,
    max_col: u64,
}

impl SheetCost {
    fn cell(&mut self, row: u16, col: u16) {
        self.cells += 1;
        self.max_row = self.max_row.max(u64::from(row));
        self.max_col = self.max_col.max(u64::from(col));
    }

    /// Cells of the table once rebased to A1.
    fn area(&self) -> u64 {
        if self.cells == 0 {
            0
        } else {
            (self.max_row + 1) * (self.max_col + 1)
        }
    }
}

/// Walks the workbook globals and each sheet like calamine, refusing what would need too
/// much memory: a huge `DIMENSIONS` reservation, a sheet spread over too many cells, too
/// many cells overall, or too much text once shared strings are copied into cells.
pub(super) fn check_workbook_stream(file: &str, stream: &[u8]) -> Result<(), ImportError> {
    let mut sheets = Vec::new();
    let mut strings: Vec<u64> = Vec::new();
    for record in records(stream) {
        match record.typ {
            // BoundSheet8: where each sheet's substream starts.
            0x0085 if record.data.len() >= 4 => sheets.push(u32_at(record.data, 0) as usize),
            0x00FC => strings = shared_string_lengths(&record),
            0x000A => break,
            _ => {}
        }
    }

    let mut all_cells = 0u64;
    let mut text_bytes = 0u64;
    for &position in &sheets {
        let Some(substream) = stream.get(position..) else {
            return Err(ImportError::malformed(
                file,
                format!("{DAMAGED} (feuille hors du fichier)"),
            ));
        };
        let mut cost = SheetCost::default();
        let mut seen_bof = false;
        let mut depth = 0usize;
        for record in records(substream) {
            let data = record.data;
            if depth > 0 {
                match record.typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            let row = u16_at(data, 0);
            let col = u16_at(data, 2);
            match record.typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x0200 => check_dimensions(file, data)?,
                0x0203 | 0x0205 | 0x027E if data.len() >= 4 => cost.cell(row, col),
                0x0204 | 0x00D6 if data.len() >= 4 => {
                    cost.cell(row, col);
                    text_bytes += 2 * data.len() as u64;
                }
                0x0006 if data.len() >= 20 => cost.cell(row, col),
                0x0207 => {
                    cost.cells += 1;
                    text_bytes += 2 * data.len() as u64;
                }
                0x00FD if data.len() >= 10 => {
                    cost.cell(row, col);
                    let index = u32_at(data, 6) as usize;
                    text_bytes =
                        text_bytes.saturating_add(strings.get(index).copied().unwrap_or(0));
                }
                0x00BD if data.len() >= 6 => {
                    let last = u16_at(data, data.len() - 2);
                    let count = usize::from(last)
                        .checked_sub(usize::from(col))
                        .map(|n| n + 1);
                    if count.is_none_or(|n| data.len() != 6 + 6 * n) {
                        return Err(ImportError::malformed(
                            file,
                            format!("{DAMAGED} (enregistrement MULRK incohérent)"),
                        ));
                    }
                    cost.cell(row, col);
                    cost.cell(row, last);
                    cost.cells += count.unwrap_or(0) as u64;
                }
                0x000A => break,
                _ => {}
            }
            if text_bytes > MAX_TEXT_BYTES {
                return Err(too_much_text(file, text_bytes));
            }
        }
        let area = cost.area();
        all_cells = all_cells.saturating_add(area.max(cost.cells));
        if area > MAX_CELLS as u64 || all_cells > MAX_WORKBOOK_CELLS as u64 {
            return Err(ImportError::TooLarge {
                file: file.to_owned(),
                problem: format!(
                    "une feuille s'étend sur {} lignes × {} colonnes ; maximum {} cellules par feuille, {} en tout",
                    french_count((cost.max_row + 1) as usize),
                    french_count((cost.max_col + 1) as usize),
                    french_count(MAX_CELLS),
                    french_count(MAX_WORKBOOK_CELLS)
                ),
            });
        }
    }
    Ok(())
}

/// calamine reserves `rows × columns` cells from a `DIMENSIONS` record and computes them
/// without overflow checks: refuse what would overflow or reserve too much.
fn check_dimensions(file: &str, data: &[u8]) -> Result<(), ImportError> {
    let (first_row, last_row, mut first_col, last_col) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)),
            u32::from(u16_at(data, 2)),
            u32::from(u16_at(data, 4)),
            u32::from(u16_at(data, 6)),
        ),
        14 | 16 => (
            u32_at(data, 0),
            u32_at(data, 4),
            u32::from(u16_at(data, 8)),
            u32::from(u16_at(data, 10)),
        ),
        // calamine refuses other lengths itself.
        _ => return Ok(()),
    };
    if first_col > 0xFF || last_col < first_col {
        first_col = 0;
    }
    if last_row == 0 || last_col == 0 {
        return Ok(());
    }
    let rows = (last_row - 1)
        .checked_sub(first_row)
        .and_then(|n| n.checked_add(1));
    let cols = (last_col - 1)
        .checked_sub(first_col)
        .and_then(|n| n.checked_add(1));
    match (rows, cols) {
        (Some(rows), Some(cols)) if u64::from(rows) * u64::from(cols) <= MAX_CELLS as u64 => Ok(()),
        (Some(rows), Some(cols)) => Err(ImportError::TooLarge {
            file: file.to_owned(),
            problem: format!(
                "une feuille annonce {} lignes × {} colonnes ; maximum {} cellules",
                french_count(rows as usize),
                french_count(cols as usize),
                french_count(MAX_CELLS)
            ),
        }),
        _ => Err(ImportError::malformed(
            file,
            format!("{DAMAGED} (dimensions de feuille incohérentes)"),
        )),
    }
}

/// The UTF-8 size of each string of the shared string table (SST), read the way calamine
/// reads it (strings may continue in `CONTINUE` records, each starting with a new flags
/// byte). Stops where calamine would fail; the strings not reached count as empty.
fn shared_string_lengths(record: &Record<'_>) -> Vec<u64> {
    let mut lengths = Vec::new();
    let mut data = record.data.get(8..).unwrap_or_default();
    let mut continues = record.continues.iter();
    loop {
        if data.is_empty() {
            match continues.next() {
                Some(next) => data = next,
                None => break,
            }
            if data.is_empty() {
                lengths.push(0);
                continue;
            }
        }
        if data.len() < 3 {
            break;
        }
        let mut chars = usize::from(u16_at(data, 0));
        let flags = data[2];
        data = &data[3..];
        let mut skip = 0usize;
        if flags & 0x8 != 0 {
            let Some(runs) = data.get(..2) else { break };
            skip += 4 * usize::from(u16_at(runs, 0));
            data = &data[2..];
        }
        if flags & 0x4 != 0 {
            let Some(ext) = data.get(..4) else { break };
            skip = skip.saturating_add(u32_at(ext, 0) as usize);
            data = &data[4..];
        }
        let mut high_byte = flags & 0x1 != 0;
        let mut bytes = 0u64;
        let mut complete = true;
        while chars > 0 {
            let width = if high_byte { 2 } else { 1 };
            let n = chars.min(data.len() / width);
            bytes += if high_byte {
                data[..2 * n]
                    .chunks_exact(2)
                    .map(|c| utf8_len(u16::from_le_bytes([c[0], c[1]])))
                    .sum::<u64>()
            } else {
                data[..n]
                    .iter()
                    .map(|&b| if b < 0x80 { 1 } else { 2 })
                    .sum::<u64>()
            };
            data = &data[n * width..];
            chars -= n;
            if chars > 0 {
                match continues.next() {
                    Some(next) if !next.is_empty() => {
                        high_byte = next[0] & 0x1 != 0;
                        data = &next[1..];
                    }
                    _ => {
                        complete = false;
                        break;
                    }
                }
            }
        }
        if !complete {
            lengths.push(bytes);
            break;
        }
        while skip > 0 {
            if data.is_empty() {
                match continues.next() {
                    Some(next) => data = next,
                    None => return lengths,
                }
            }
            let n = skip.min(data.len());
            data = &data[n..];
            skip -= n;
        }
        lengths.push(bytes);
    }
    lengths
}

fn utf8_len(unit: u16) -> u64 {
    match unit {
        0..0x80 => 1,
        0x80..0x800 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read::fixtures::{cell, record, workbook_stream};

    #[test]
    fn hostile_dimensions_and_cell_positions_are_refused() {
        let huge_dims = record(
            0x0200,
            &[
                &0u32.to_le_bytes()[..],
                &1_000_000u32.to_le_bytes(),
                &0u16.to_le_bytes(),
                &256u16.to_le_bytes(),
                &[0, 0],
            ]
            .concat(),
        );
        let err = check_workbook_stream("classeur.xls", &workbook_stream(&[huge_dims], true))
            .unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");

        let underflow = record(
            0x0200,
            &[
                &5u32.to_le_bytes()[..],
                &2u32.to_le_bytes(),
                &0u16.to_le_bytes(),
                &1u16.to_le_bytes(),
                &[0, 0],
            ]
            .concat(),
        );
        let err = check_workbook_stream("classeur.xls", &workbook_stream(&[underflow], true))
            .unwrap_err();
        assert!(matches!(err, ImportError::Malformed { .. }), "{err}");

        let far_cell = record(0x0203, &cell(65_535, 65_535, &1f64.to_le_bytes()));
        let err =
            check_workbook_stream("classeur.xls", &workbook_stream(&[far_cell], true)).unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
    }

    #[test]
    fn shared_strings_copied_into_many_cells_are_counted() {
        // One 60 000-character shared string referenced from 20 000 cells: 1.2 GB of text
        // from a file of a few hundred kilobytes.
        let mut sst = Vec::new();
        sst.extend_from_slice(&1u32.to_le_bytes());
        sst.extend_from_slice(&1u32.to_le_bytes());
        sst.extend_from_slice(&60_000u16.to_le_bytes());
        sst.push(0);
        let text = vec![b'x'; 60_000];
        let (first, rest) = text.split_at(8000);
        let mut records_bytes = record(0x00FC, &[sst.as_slice(), first].concat());
        for chunk in rest.chunks(8000) {
            records_bytes.extend(record(0x003C, &[&[0u8][..], chunk].concat()));
        }
        let lengths = shared_string_lengths(&records(&records_bytes).next().unwrap());
        assert_eq!(lengths, [60_000]);

        let mut stream = records_bytes;
        let sheet_at = stream.len() as u32 + 4 + 12;
        let mut bound = sheet_at.to_le_bytes().to_vec();
        bound.extend_from_slice(&[0, 0, 1, 0, b'S']);
        let mut globals = record(0x0085, &bound);
        globals.extend(record(0x000A, &[]));
        // Keep the boundsheet offset right: globals go after the SST.
        let sheet_at = (stream.len() + globals.len()) as u32;
        bound[..4].copy_from_slice(&sheet_at.to_le_bytes());
        let mut globals = record(0x0085, &bound);
        globals.extend(record(0x000A, &[]));
        stream.extend(globals);
        for i in 0..20_000u16 {
            stream.extend(record(0x00FD, &cell(i, 0, &0u32.to_le_bytes())));
        }
        stream.extend(record(0x000A, &[]));
        let err = check_workbook_stream("bombe.xls", &stream).unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("de texte"), "{err}");
    }
}
