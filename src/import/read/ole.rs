//! OLE2 compound files (xls, and encrypted OOXML workbooks) before calamine opens them.
//!
//! Excel saves a password-protected xlsx as an OLE2 file holding `EncryptionInfo` and
//! `EncryptedPackage` streams: that is recognised here and reported as such. For a real xls,
//! the `Workbook` stream is handed to [`super::biff`] to be checked before calamine parses it.
//!
//! The compound-file reading follows [MS-CFB]: a 512-byte header, a FAT of sector chains, a
//! directory of 128-byte entries, and a mini stream for streams under 4 Kio. Every chain is
//! bounded by the number of sectors in the file, so a loop in the FAT cannot hang (calamine's
//! own chain reader has no such bound, which is one more reason to read the directory here
//! first).

use std::io::{Read, Seek, SeekFrom};

use super::biff;
use super::container::DAMAGED;
use crate::model::{Foreign, ImportError};

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
        let holds = |stream: &str| names.iter().any(|n| n.eq_ignore_ascii_case(stream));
        let found = if holds("WordDocument") {
            Foreign::Word
        } else if holds("PowerPoint Document") {
            Foreign::PowerPoint
        } else {
            Foreign::OtherOffice
        };
        return Err(ImportError::NotASurvey {
            file: file.to_owned(),
            found,
        });
    };
    let stream = compound.read_stream(reader, workbook).map_err(damaged)?;
    biff::check_workbook_stream(file, &stream)
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

/// The little-endian `u16` at `at`, 0 past the end.
pub(super) fn u16_at(bytes: &[u8], at: usize) -> u16 {
    bytes
        .get(at..at + 2)
        .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

/// The little-endian `u32` at `at`, 0 past the end.
pub(super) fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read::fixtures::{compound_file, workbook_stream};

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
            err.to_string()
                .ends_with(": c'est un document Word, pas un export d'enquête"),
            "{err}"
        );
        let bytes = compound_file(&[("PowerPoint Document", &[0; 100])]);
        let err = inspect_bytes(&bytes).unwrap_err();
        assert!(err.to_string().contains("présentation PowerPoint"), "{err}");
    }

    #[test]
    fn a_truncated_compound_file_is_damaged() {
        let bytes = compound_file(&[("Workbook", &workbook_stream(&[], true))]);
        let err = inspect_bytes(&bytes[..bytes.len() / 2]).unwrap_err();
        assert!(err.to_string().contains(DAMAGED), "{err}");
    }
}
