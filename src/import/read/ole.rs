//! OLE2 compound files (xls, and encrypted OOXML workbooks) before calamine opens them.
//!
//! Excel saves a password-protected xlsx as an OLE2 file holding `EncryptionInfo` and
//! `EncryptedPackage` streams: that is recognised here and reported as such. For a real xls,
//! calamine parses every sheet when it opens the file and trusts the sizes written in it (a
//! `DIMENSIONS` record can ask for billions of cells, a 14-byte `LABELSST` record copies a
//! 64 Kio shared string), so the `Workbook` stream is walked first, the way calamine walks
//! it, and refused when it would need more than the `MAX_*` limits.
//!
//! The compound-file reading follows [MS-CFB]: a 512-byte header, a FAT of sector chains, a
//! directory of 128-byte entries, and a mini stream for streams under 4 Kio. Every chain is
//! bounded by the number of sectors in the file, so a loop in the FAT cannot hang.

use std::io::{Read, Seek, SeekFrom};

use super::container::{DAMAGED, too_much_text};
use super::{MAX_CELLS, MAX_TEXT_BYTES, MAX_WORKBOOK_CELLS, french_count};
use crate::import::ImportError;

/// Sector ids at or above this are markers (free, end of chain, FAT, DIFAT).
const MAX_REGULAR_SECTOR: u32 = 0xFFFF_FFFA;

/// Checks an OLE2 file: `Err(Encrypted)` for an encrypted workbook, `Err(Malformed)` when
/// it is not an Excel workbook or is damaged, `Err(TooLarge)` when calamine would blow up.
pub(super) fn inspect<R: Read + Seek>(file: &str, reader: &mut R) -> Result<(), ImportError> {
    let damaged = |detail: &str| ImportError::malformed(file, format!("{DAMAGED} ({detail})"));
    let io = |source| ImportError::Io {
        file: file.to_owned(),
        source,
    };
    let len = reader.seek(SeekFrom::End(0)).map_err(io)?;
    let compound = Compound::open(reader, len).map_err(damaged)?;
    let names: Vec<&str> = compound.entries.iter().map(|e| e.name.as_str()).collect();
    if names.iter().any(|n| {
        n.eq_ignore_ascii_case("EncryptionInfo") || n.eq_ignore_ascii_case("EncryptedPackage")
    }) {
        return Err(ImportError::Encrypted {
            file: file.to_owned(),
        });
    }
    let Some(workbook) = compound
        .entries
        .iter()
        .find(|e| e.is_stream && e.name.eq_ignore_ascii_case("Workbook"))
        .or_else(|| {
            compound
                .entries
                .iter()
                .find(|e| e.is_stream && e.name.eq_ignore_ascii_case("Book"))
        })
    else {
        return Err(ImportError::malformed(
            file,
            "ce fichier Office (Word, PowerPoint ?) n'est pas un classeur Excel",
        ));
    };
    let stream = compound.read_stream(reader, workbook).map_err(damaged)?;
    check_workbook_stream(file, &stream)
}

/// One directory entry.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    is_stream: bool,
    start: u32,
    size: u64,
}

/// The parts of a compound file needed to read its streams.
struct Compound {
    sector_shift: u32,
    sectors: u32,
    fat: Vec<u32>,
    mini_fat_start: u32,
    entries: Vec<Entry>,
}

impl Compound {
    fn open<R: Read + Seek>(reader: &mut R, len: u64) -> Result<Compound, &'static str> {
        let mut header = [0u8; 512];
        read_at(reader, 0, &mut header)?;
        let sector_shift = u32::from(u16_at(&header, 0x1E));
        if sector_shift != 9 && sector_shift != 12 {
            return Err("taille de secteur inconnue");
        }
        let sector_size = 1u64 << sector_shift;
        let sectors =
            u32::try_from((len.saturating_sub(sector_size) + sector_size - 1) >> sector_shift)
                .map_err(|_| "fichier trop grand")?;
        let mut compound = Compound {
            sector_shift,
            sectors,
            fat: Vec::new(),
            mini_fat_start: u32_at(&header, 0x3C),
            entries: Vec::new(),
        };

        // FAT sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
        let mut fat_sectors: Vec<u32> = (0..109).map(|i| u32_at(&header, 0x4C + 4 * i)).collect();
        let mut difat = u32_at(&header, 0x44);
        let mut steps = 0u32;
        while difat < MAX_REGULAR_SECTOR {
            steps += 1;
            if steps > sectors {
                return Err("chaîne DIFAT en boucle");
            }
            let sector = compound.read_sector(reader, difat)?;
            let ids: Vec<u32> = sector.chunks_exact(4).map(|c| u32_at(c, 0)).collect();
            let (next, listed) = ids.split_last().ok_or("secteur DIFAT vide")?;
            fat_sectors.extend_from_slice(listed);
            difat = *next;
        }
        let mut fat = Vec::new();
        for id in fat_sectors
            .into_iter()
            .filter(|&id| id < MAX_REGULAR_SECTOR)
        {
            let sector = compound.read_sector(reader, id)?;
            fat.extend(sector.chunks_exact(4).map(|c| u32_at(c, 0)));
        }
        compound.fat = fat;

        let directory = compound.read_chain(reader, u32_at(&header, 0x30), u64::MAX)?;
        let size_mask = if sector_shift == 9 {
            u64::from(u32::MAX)
        } else {
            u64::MAX
        };
        compound.entries = directory
            .chunks_exact(128)
            .map(|raw| {
                let name_bytes = usize::from(u16_at(raw, 0x40)).min(64);
                let units: Vec<u16> = raw[..name_bytes]
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]]))
                    .take_while(|&u| u != 0)
                    .collect();
                Entry {
                    name: String::from_utf16_lossy(&units),
                    is_stream: raw[0x42] == 2,
                    start: u32_at(raw, 0x74),
                    size: u64::from_le_bytes(raw[0x78..0x80].try_into().unwrap_or([0; 8]))
                        & size_mask,
                }
            })
            .collect();
        if compound.entries.is_empty() {
            return Err("répertoire vide");
        }
        Ok(compound)
    }

    fn read_sector<R: Read + Seek>(
        &self,
        reader: &mut R,
        id: u32,
    ) -> Result<Vec<u8>, &'static str> {
        if id >= self.sectors {
            return Err("secteur hors du fichier");
        }
        let mut sector = vec![0u8; 1 << self.sector_shift];
        read_at(
            reader,
            (u64::from(id) + 1) << self.sector_shift,
            &mut sector,
        )?;
        Ok(sector)
    }

    /// The sectors of a chain, concatenated and cut to `size`.
    fn read_chain<R: Read + Seek>(
        &self,
        reader: &mut R,
        start: u32,
        size: u64,
    ) -> Result<Vec<u8>, &'static str> {
        let mut data = Vec::new();
        let mut id = start;
        let mut steps = 0u32;
        while id < MAX_REGULAR_SECTOR && (data.len() as u64) < size {
            steps += 1;
            if steps > self.sectors {
                return Err("chaîne de secteurs en boucle");
            }
            data.extend_from_slice(&self.read_sector(reader, id)?);
            id = *self
                .fat
                .get(id as usize)
                .ok_or("secteur absent de la FAT")?;
        }
        if size != u64::MAX {
            if (data.len() as u64) < size {
                return Err("flux plus court que déclaré");
            }
            data.truncate(usize::try_from(size).map_err(|_| "flux trop grand")?);
        }
        Ok(data)
    }

    fn read_stream<R: Read + Seek>(
        &self,
        reader: &mut R,
        entry: &Entry,
    ) -> Result<Vec<u8>, &'static str> {
        if entry.size > u64::from(self.sectors) << self.sector_shift {
            return Err("flux plus grand que le fichier");
        }
        // calamine uses the standard 4 Kio cutoff whatever the header says.
        if entry.size >= 4096 {
            return self.read_chain(reader, entry.start, entry.size);
        }
        // Small streams live in 64-byte sectors of the mini stream, itself a regular chain
        // starting at the root entry.
        let root = &self.entries[0];
        let mini_stream = self.read_chain(reader, root.start, root.size)?;
        let mini_fat: Vec<u32> = self
            .read_chain(reader, self.mini_fat_start, u64::MAX)?
            .chunks_exact(4)
            .map(|c| u32_at(c, 0))
            .collect();
        let mut data = Vec::new();
        let mut id = entry.start;
        let mut steps = 0usize;
        while id < MAX_REGULAR_SECTOR && (data.len() as u64) < entry.size {
            steps += 1;
            let from = id as usize * 64;
            let sector = mini_stream
                .get(from..from + 64)
                .ok_or("mini-secteur hors du flux")?;
            if steps > mini_fat.len() {
                return Err("chaîne de mini-secteurs en boucle");
            }
            data.extend_from_slice(sector);
            id = *mini_fat.get(id as usize).ok_or("mini-secteur absent")?;
        }
        if (data.len() as u64) < entry.size {
            return Err("flux plus court que déclaré");
        }
        data.truncate(entry.size as usize);
        Ok(data)
    }
}

fn read_at<R: Read + Seek>(
    reader: &mut R,
    offset: u64,
    buf: &mut [u8],
) -> Result<(), &'static str> {
    reader
        .seek(SeekFrom::Start(offset))
        .map_err(|_| "lecture impossible")?;
    reader.read_exact(buf).map_err(|_| "fichier tronqué")
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    bytes
        .get(at..at + 2)
        .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

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
fn check_workbook_stream(file: &str, stream: &[u8]) -> Result<(), ImportError> {
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
pub(super) mod tests {
    use super::*;

    /// A compound file holding `streams`, each at least 4 Kio (regular sectors) or smaller
    /// (mini stream), with 512-byte sectors.
    pub(in crate::import::read) fn compound_file(streams: &[(&str, &[u8])]) -> Vec<u8> {
        const END: u32 = 0xFFFF_FFFE;
        const FREE: u32 = 0xFFFF_FFFF;
        let mut sectors: Vec<[u8; 512]> = Vec::new();
        let mut fat: Vec<u32> = Vec::new();
        // Writes `data` as a chain of new sectors; returns its first sector.
        let chain = |data: &[u8], sectors: &mut Vec<[u8; 512]>, fat: &mut Vec<u32>| -> u32 {
            if data.is_empty() {
                return END;
            }
            let first = sectors.len() as u32;
            for (i, chunk) in data.chunks(512).enumerate() {
                let mut sector = [0u8; 512];
                sector[..chunk.len()].copy_from_slice(chunk);
                sectors.push(sector);
                fat.push(if (i + 1) * 512 < data.len() {
                    first + i as u32 + 1
                } else {
                    END
                });
            }
            first
        };
        let mut mini_stream = Vec::new();
        let mut mini_fat: Vec<u32> = Vec::new();
        let mut entries = Vec::new();
        for (name, data) in streams {
            let start = if data.len() >= 4096 {
                chain(data, &mut sectors, &mut fat)
            } else if data.is_empty() {
                END
            } else {
                let first = (mini_stream.len() / 64) as u32;
                for (i, chunk) in data.chunks(64).enumerate() {
                    let mut sector = [0u8; 64];
                    sector[..chunk.len()].copy_from_slice(chunk);
                    mini_stream.extend_from_slice(&sector);
                    mini_fat.push(if (i + 1) * 64 < data.len() {
                        first + i as u32 + 1
                    } else {
                        END
                    });
                }
                first
            };
            entries.push((name.to_string(), 2u8, start, data.len() as u64));
        }
        let mini_start = chain(&mini_stream, &mut sectors, &mut fat);
        let mini_fat_bytes: Vec<u8> = mini_fat.iter().flat_map(|id| id.to_le_bytes()).collect();
        let mini_fat_start = chain(&mini_fat_bytes, &mut sectors, &mut fat);
        let mut directory = Vec::new();
        let mut all = vec![(
            "Root Entry".to_string(),
            5u8,
            mini_start,
            mini_stream.len() as u64,
        )];
        all.extend(entries);
        for (i, (name, kind, start, size)) in all.iter().enumerate() {
            let mut raw = [0u8; 128];
            let units: Vec<u16> = name.encode_utf16().collect();
            for (j, unit) in units.iter().enumerate() {
                raw[2 * j..2 * j + 2].copy_from_slice(&unit.to_le_bytes());
            }
            raw[0x40..0x42].copy_from_slice(&((units.len() as u16 + 1) * 2).to_le_bytes());
            raw[0x42] = *kind;
            // A degenerate but valid tree: the root's child is entry 1, each entry's right
            // sibling is the next one.
            let none = FREE.to_le_bytes();
            raw[0x44..0x48].copy_from_slice(&none);
            let right = if i > 0 && i + 1 < all.len() {
                (i as u32 + 1).to_le_bytes()
            } else {
                none
            };
            raw[0x48..0x4C].copy_from_slice(&right);
            let child = if i == 0 && all.len() > 1 {
                1u32.to_le_bytes()
            } else {
                none
            };
            raw[0x4C..0x50].copy_from_slice(&child);
            raw[0x74..0x78].copy_from_slice(&start.to_le_bytes());
            raw[0x78..0x80].copy_from_slice(&size.to_le_bytes());
            directory.extend_from_slice(&raw);
        }
        let directory_start = chain(&directory, &mut sectors, &mut fat);
        // The FAT describes itself: enough FAT sectors for every sector, FAT ones included.
        let mut fat_count = 1;
        while (sectors.len() + fat_count) > fat_count * 128 {
            fat_count += 1;
        }
        let first_fat = sectors.len() as u32;
        fat.extend(std::iter::repeat_n(0xFFFF_FFFD, fat_count));
        fat.resize(fat_count * 128, FREE);
        for chunk in fat.chunks(128) {
            let mut sector = [0u8; 512];
            for (j, id) in chunk.iter().enumerate() {
                sector[4 * j..4 * j + 4].copy_from_slice(&id.to_le_bytes());
            }
            sectors.push(sector);
        }
        let mut header = [0u8; 512];
        header[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        header[0x18..0x1A].copy_from_slice(&0x3Eu16.to_le_bytes());
        header[0x1A..0x1C].copy_from_slice(&3u16.to_le_bytes());
        header[0x1C..0x1E].copy_from_slice(&0xFFFEu16.to_le_bytes());
        header[0x1E..0x20].copy_from_slice(&9u16.to_le_bytes());
        header[0x20..0x22].copy_from_slice(&6u16.to_le_bytes());
        header[0x2C..0x30].copy_from_slice(&(fat_count as u32).to_le_bytes());
        header[0x30..0x34].copy_from_slice(&directory_start.to_le_bytes());
        header[0x38..0x3C].copy_from_slice(&4096u32.to_le_bytes());
        header[0x3C..0x40].copy_from_slice(&mini_fat_start.to_le_bytes());
        let mini_fat_sectors = mini_fat_bytes.len().div_ceil(512) as u32;
        header[0x40..0x44].copy_from_slice(&mini_fat_sectors.to_le_bytes());
        header[0x44..0x48].copy_from_slice(&END.to_le_bytes());
        for i in 0..109 {
            let id = if i < fat_count {
                first_fat + i as u32
            } else {
                FREE
            };
            header[0x4C + 4 * i..0x50 + 4 * i].copy_from_slice(&id.to_le_bytes());
        }
        let mut bytes = header.to_vec();
        for sector in sectors {
            bytes.extend_from_slice(&sector);
        }
        bytes
    }

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    fn cell(row: u16, col: u16, rest: &[u8]) -> Vec<u8> {
        [
            row.to_le_bytes().as_slice(),
            &col.to_le_bytes(),
            &0u16.to_le_bytes(),
            rest,
        ]
        .concat()
    }

    /// A BIFF8 `Workbook` stream: one sheet "Réponses" with a header and two rows, and any
    /// extra sheet records. Padded to stay out of the mini stream when `pad` is set.
    pub(in crate::import::read) fn workbook_stream(extra: &[Vec<u8>], pad: bool) -> Vec<u8> {
        let bof = |kind: u16| {
            record(
                0x0809,
                &[&0x0600u16.to_le_bytes()[..], &kind.to_le_bytes(), &[0; 12]].concat(),
            )
        };
        let sst_strings = ["Structure", "Note", "Mission locale A", "Mission locale B"];
        let mut sst = Vec::new();
        sst.extend_from_slice(&(sst_strings.len() as u32).to_le_bytes());
        sst.extend_from_slice(&(sst_strings.len() as u32).to_le_bytes());
        for s in sst_strings {
            sst.extend_from_slice(&(s.len() as u16).to_le_bytes());
            sst.push(0);
            sst.extend_from_slice(s.as_bytes());
        }
        let name: Vec<u16> = "Réponses".encode_utf16().collect();
        let boundsheet = |pos: u32| {
            let mut data = pos.to_le_bytes().to_vec();
            data.extend_from_slice(&[0, 0, name.len() as u8, 1]);
            data.extend(name.iter().flat_map(|u| u.to_le_bytes()));
            record(0x0085, &data)
        };
        let mut globals = bof(0x0005);
        globals.extend(record(0x0042, &1200u16.to_le_bytes()));
        let boundsheet_at = globals.len();
        globals.extend(boundsheet(0));
        globals.extend(record(0x00FC, &sst));
        if pad {
            // An unknown record type, ignored by readers, to pass the mini stream cutoff.
            globals.extend(record(0x0800 + 0x77, &[0u8; 4200]));
        }
        globals.extend(record(0x000A, &[]));
        let sheet_at = globals.len() as u32;
        let fixed = boundsheet(sheet_at);
        globals[boundsheet_at..boundsheet_at + fixed.len()].copy_from_slice(&fixed);

        let mut sheet = bof(0x0010);
        let dims = [
            &0u32.to_le_bytes()[..],
            &3u32.to_le_bytes(),
            &0u16.to_le_bytes(),
            &2u16.to_le_bytes(),
            &[0, 0],
        ]
        .concat();
        sheet.extend(record(0x0200, &dims));
        sheet.extend(record(0x00FD, &cell(0, 0, &0u32.to_le_bytes())));
        sheet.extend(record(0x00FD, &cell(0, 1, &1u32.to_le_bytes())));
        sheet.extend(record(0x00FD, &cell(1, 0, &2u32.to_le_bytes())));
        sheet.extend(record(0x0203, &cell(1, 1, &4.5f64.to_le_bytes())));
        sheet.extend(record(0x00FD, &cell(2, 0, &3u32.to_le_bytes())));
        sheet.extend(record(0x0205, &cell(2, 1, &[1, 0])));
        for r in extra {
            sheet.extend_from_slice(r);
        }
        sheet.extend(record(0x000A, &[]));
        [globals, sheet].concat()
    }

    fn inspect_bytes(bytes: &[u8]) -> Result<(), ImportError> {
        inspect("classeur.xls", &mut std::io::Cursor::new(bytes))
    }

    #[test]
    fn a_plain_workbook_passes_from_regular_and_mini_streams() {
        for pad in [true, false] {
            let stream = workbook_stream(&[], pad);
            assert_eq!(stream.len() >= 4096, pad);
            inspect_bytes(&compound_file(&[("Workbook", &stream)])).unwrap();
        }
    }

    #[test]
    fn an_encrypted_ooxml_package_is_reported_as_such() {
        let bytes = compound_file(&[
            ("EncryptionInfo", &[1, 2, 3, 4]),
            ("EncryptedPackage", &[0; 5000]),
        ]);
        let err = inspect_bytes(&bytes).unwrap_err();
        assert!(matches!(err, ImportError::Encrypted { .. }), "{err}");
    }

    #[test]
    fn a_word_file_is_not_a_workbook() {
        let bytes = compound_file(&[("WordDocument", &[0; 100])]);
        let err = inspect_bytes(&bytes).unwrap_err();
        assert!(
            err.to_string().contains("n'est pas un classeur Excel"),
            "{err}"
        );
    }

    #[test]
    fn a_truncated_compound_file_is_damaged() {
        let bytes = compound_file(&[("Workbook", &workbook_stream(&[], true))]);
        let err = inspect_bytes(&bytes[..bytes.len() / 2]).unwrap_err();
        assert!(err.to_string().contains(DAMAGED), "{err}");
    }

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
        let err = inspect_bytes(&compound_file(&[(
            "Workbook",
            &workbook_stream(&[huge_dims], true),
        )]))
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
        let err = inspect_bytes(&compound_file(&[(
            "Workbook",
            &workbook_stream(&[underflow], true),
        )]))
        .unwrap_err();
        assert!(matches!(err, ImportError::Malformed { .. }), "{err}");

        let far_cell = record(0x0203, &cell(65_535, 65_535, &1f64.to_le_bytes()));
        let err = inspect_bytes(&compound_file(&[(
            "Workbook",
            &workbook_stream(&[far_cell], true),
        )]))
        .unwrap_err();
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
