//! Test builders for binary formats the test suite cannot get from a library: OLE2
//! compound files and BIFF8 (xls) workbook streams.

/// A compound file holding `streams`, each at least 4 Kio (regular sectors) or smaller
/// (mini stream), with 512-byte sectors.
pub(super) fn compound_file(streams: &[(&str, &[u8])]) -> Vec<u8> {
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

pub(super) fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
    out
}

pub(super) fn cell(row: u16, col: u16, rest: &[u8]) -> Vec<u8> {
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
pub(super) fn workbook_stream(extra: &[Vec<u8>], pad: bool) -> Vec<u8> {
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
