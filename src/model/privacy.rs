//! What kind of personal data a column holds (the finding and the pseudonyms are the
//! importer's: `import::privacy`).

use serde::{Deserialize, Serialize};

/// What kind of personal data a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PersonalKind {
    /// First name, last name or full name of a person.
    Name,
    /// E-mail address.
    Email,
    /// Phone number.
    Phone,
    /// Postal address.
    Address,
    /// IP address (IPv4 or IPv6).
    Ip,
}

impl PersonalKind {
    /// The kind's name, in French, as shown to the user.
    pub fn label_fr(self) -> &'static str {
        match self {
            PersonalKind::Name => "nom",
            PersonalKind::Email => "adresse électronique",
            PersonalKind::Phone => "téléphone",
            PersonalKind::Address => "adresse postale",
            PersonalKind::Ip => "adresse IP",
        }
    }
}

/// The secret key under which a project's personal values become pseudonyms. It is kept
/// outside the project file (in the user's configuration folder): whoever holds it could
/// hash every phone number or e-mail address and find the one behind a pseudonym.
#[derive(Clone, PartialEq, Eq)]
pub struct PseudonymKey(pub [u8; 32]);

impl std::fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A secret: never printed, not even in a log.
        f.write_str("PseudonymKey(…)")
    }
}

impl PseudonymKey {
    /// A fresh random key for a new project's pseudonyms: read from the operating system
    /// (`/dev/urandom`), or else hashed from the time, the process, an address and the
    /// standard library's randomly seeded hasher.
    pub fn random() -> PseudonymKey {
        PseudonymKey(random_key())
    }

    /// The key as 64 lowercase hexadecimal digits, as its file holds it.
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The key from 64 hexadecimal digits (surrounding spaces ignored); `None` otherwise.
    pub fn from_hex(text: &str) -> Option<PseudonymKey> {
        let text = text.trim();
        if text.len() != 64 || !text.is_ascii() {
            return None;
        }
        let mut key = [0u8; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(PseudonymKey(key))
    }
}

fn random_key() -> [u8; 32] {
    use sha2::Digest as _;
    use std::hash::{BuildHasher as _, Hasher as _};
    use std::io::Read as _;
    let mut key = [0u8; 32];
    if let Ok(mut urandom) = std::fs::File::open("/dev/urandom")
        && urandom.read_exact(&mut key).is_ok()
    {
        return key;
    }
    // No /dev/urandom (Windows): std seeds each `RandomState` from the operating system's
    // generator; the time, process and an address only add to it.
    let mut hash = sha2::Sha256::new();
    for round in 0u64..4 {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(round);
        hash.update(hasher.finish().to_le_bytes());
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hash.update(nanos.to_le_bytes());
    hash.update(std::process::id().to_le_bytes());
    hash.update((std::ptr::addr_of!(key) as usize).to_le_bytes());
    hash.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_reads_back_from_its_hex_and_never_prints() {
        let key = PseudonymKey([0xa5; 32]);
        assert_eq!(
            PseudonymKey::from_hex(&format!(" {}\n", key.to_hex())),
            Some(key.clone())
        );
        assert_eq!(PseudonymKey::from_hex("a5"), None);
        assert_eq!(PseudonymKey::from_hex(&"zz".repeat(32)), None);
        assert!(!format!("{key:?}").contains("a5"));
    }
}
