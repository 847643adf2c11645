//! REFI-QDA GUIDs: reading the forms other tools write, and making stable ones for codes that
//! have none.
//!
//! The schema accepts `8-4-4-4-12` hex digits in either case, with or without braces; MAXQDA
//! and ATLAS.ti write upper case, NVivo and QualCoder lower case. We keep one form (upper case,
//! no braces) so that the same code is recognised whichever tool wrote it.
//!
//! A code without a GUID gets one derived from its path in the tree, the way UUIDv5 does
//! (RFC 9562 §5.5, SHA-1 over a namespace and a name), so that exporting the same codebook
//! twice gives the same GUIDs and another tool recognises the codes on a second import. SHA-1
//! is written out here because the crate takes no hashing dependency; it names, it does not
//! protect anything.

use std::collections::HashSet;

/// Namespace of the GUIDs Atelier derives (a random UUID, fixed once for all).
const ATELIER_NAMESPACE: [u8; 16] = [
    0x9A, 0xB7, 0xEB, 0xFC, 0x71, 0x7A, 0x4A, 0xFF, 0xA5, 0x3A, 0x9A, 0x55, 0xA1, 0xA5, 0x93, 0xBF,
];

/// Between the names of a path: a control character, which no name written to a file keeps.
const PATH_SEPARATOR: &str = "\u{1F}";

/// A GUID as the schema allows it (either case, braces or none), in upper case without
/// braces; `None` for anything else.
pub(crate) fn normalise(text: &str) -> Option<String> {
    // The schema's type is a token: surrounding spaces are not part of it.
    let text = text.trim_matches([' ', '\t', '\n', '\r']);
    let bare = match text.strip_prefix('{') {
        Some(rest) => rest.strip_suffix('}')?,
        None => text,
    };
    let groups: Vec<&str> = bare.split('-').collect();
    let well_formed = groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.bytes().all(|b| b.is_ascii_hexdigit()));
    well_formed.then(|| bare.to_ascii_uppercase())
}

/// A GUID for the code at `path` (its names from the top down), not yet in `taken`, which it
/// joins. The same path gives the same GUID; a second code on the same path (two siblings of
/// the same name) gets the next free one.
pub(crate) fn derive(path: &[&str], taken: &mut HashSet<String>) -> String {
    let name = path.join(PATH_SEPARATOR);
    let mut guid = uuid_v5(&ATELIER_NAMESPACE, name.as_bytes());
    let mut attempt = 1u32;
    while taken.contains(&guid) {
        attempt += 1;
        guid = uuid_v5(
            &ATELIER_NAMESPACE,
            format!("{name}{PATH_SEPARATOR}{attempt}").as_bytes(),
        );
    }
    taken.insert(guid.clone());
    guid
}

/// UUID version 5 of `name` in `namespace`, upper case.
fn uuid_v5(namespace: &[u8; 16], name: &[u8]) -> String {
    let mut input = Vec::with_capacity(16 + name.len());
    input.extend_from_slice(namespace);
    input.extend_from_slice(name);
    let hash = sha1(&input);
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    bytes[6] = (bytes[6] & 0x0F) | 0x50;
    bytes[8] = (bytes[8] & 0x3F) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// SHA-1 (FIPS 180-4) of `data`.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut message = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&bit_len.to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (state, value) in h.iter_mut().zip([a, b, c, d, e]) {
            *state = state.wrapping_add(value);
        }
    }
    let mut out = [0u8; 20];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn sha1_matches_the_standard_test_vectors() {
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(&sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            hex(&sha1(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        assert_eq!(
            hex(&sha1(&vec![b'a'; 1_000_000])),
            "34aa973cd4c4daa4f61eeb2bdbad27316534016f"
        );
    }

    #[test]
    fn uuid_v5_gives_the_guids_taguette_writes() {
        // Taguette's namespace and the GUIDs its test suite expects (remram44/taguette,
        // tests.py), so that our UUIDv5 is the standard one.
        let taguette: [u8; 16] = [
            0x51, 0xB2, 0xB2, 0xB7, 0x27, 0xEB, 0x4E, 0xCB, 0x9D, 0x56, 0xE7, 0x5B, 0x0A, 0x04,
            0x96, 0xC2,
        ];
        assert_eq!(
            uuid_v5(&taguette, b"interesting"),
            "0D62985D-B147-5D01-A9B5-CAE5DCD98342"
        );
        assert_eq!(
            uuid_v5(&taguette, b"people"),
            "DFE5C38E-9449-5959-A1F7-E3D895CFA87F"
        );
        assert_eq!(
            uuid_v5(&taguette, b"interesting.places"),
            "725F0645-9CD3-598A-8D2B-EC3D39AB3C3F"
        );
    }

    #[test]
    fn guids_are_read_in_any_case_with_or_without_braces() {
        let upper = "2A08BDDF-4C35-4250-BF77-7DE37B50C930";
        assert_eq!(normalise(upper).as_deref(), Some(upper));
        assert_eq!(
            normalise("{2a08bddf-4c35-4250-bf77-7de37b50c930}").as_deref(),
            Some(upper)
        );
        assert_eq!(
            normalise(" 2a08bddf-4c35-4250-bf77-7de37b50c930 ").as_deref(),
            Some(upper)
        );
        for bad in [
            "",
            "g1",
            "{2a08bddf-4c35-4250-bf77-7de37b50c930",
            "2a08bddf4c354250bf777de37b50c930",
            "2a08bddf-4c35-4250-bf77-7de37b50c93",
            "2a08bddf-4c35-4250-bf77-7de37b50c93g",
            "2a08bddf-4c35-4250-bf77-7de37b50c930-0000",
            "2a08bddf‐4c35‐4250‐bf77‐7de37b50c930",
        ] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }

    #[test]
    fn derived_guids_are_stable_and_never_reused() {
        let mut taken = HashSet::new();
        let first = derive(&["Pilotage", "Partenariat"], &mut taken);
        let again = derive(&["Pilotage", "Partenariat"], &mut taken);
        assert_ne!(first, again);
        assert_eq!(normalise(&first).as_deref(), Some(first.as_str()));
        assert_eq!(&first[14..15], "5", "version 5");
        let mut fresh = HashSet::new();
        assert_eq!(derive(&["Pilotage", "Partenariat"], &mut fresh), first);
        // The path matters, not only the last name.
        assert_ne!(derive(&["Partenariat"], &mut fresh), first);
    }
}
