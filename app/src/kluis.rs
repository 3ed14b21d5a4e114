//! Encryption at rest for the secrets the server must read back: the TOTP secrets of staff
//! accounts. Unlike passwords and tokens (only their hashes are stored) these are needed in
//! full to check a code, so they are stored encrypted with a key that lives outside the
//! database (`--sleutelbestand`): a copy of the database alone does not give a second factor.
//!
//! ChaCha20-Poly1305 (`ring`, already built for SurrealDB's TLS) with a random 96-bit nonce per
//! value; the stored form is `v1:` and the hex of nonce, ciphertext and tag. The account the
//! secret belongs to is authenticated with it, so a value copied to another account fails.

use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::{hkdf, hmac};
use std::sync::Arc;

/// How an encrypted value starts (a secret stored before encryption does not).
pub const VOORVOEGSEL: &str = "v1:";
const SLEUTEL_LEN: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum KluisFout {
    #[error("the key file {0} cannot be read or written: {1}")]
    Bestand(String, std::io::Error),
    #[error("the key file {0} must hold 64 hexadecimal characters (32 bytes)")]
    OngeldigeSleutel(String),
    #[error("no randomness available")]
    Willekeur,
    #[error("a stored secret does not decrypt with this key (another key, or changed)")]
    Ontsleutelen,
}

/// The key, shared by every request. Its `Debug` never shows the key.
#[derive(Clone)]
pub struct Kluis {
    sleutel: Arc<LessSafeKey>,
    /// For keyed fingerprints of secrets that are only compared (recovery codes): derived from
    /// the same key with HKDF, so one key file serves both and neither use weakens the other.
    merk: Arc<hmac::Key>,
}

impl std::fmt::Debug for Kluis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Kluis(..)")
    }
}

impl Kluis {
    fn van(bytes: &[u8]) -> Option<Self> {
        let sleutel = UnboundKey::new(&CHACHA20_POLY1305, bytes).ok()?;
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"meldpunt-kluis").extract(bytes);
        let merk = hmac::Key::from(prk.expand(&[b"herstelcodes"], hmac::HMAC_SHA256).ok()?);
        Some(Self { sleutel: Arc::new(LessSafeKey::new(sleutel)), merk: Arc::new(merk) })
    }

    /// A keyed fingerprint (HMAC-SHA256, hex) of a secret that is stored only to be compared:
    /// without the key file a copy of the database gives no way to test guesses.
    pub fn vingerafdruk(&self, geheim: &str) -> String {
        crate::geheim::hex(hmac::sign(&self.merk, geheim.as_bytes()).as_ref())
    }

    /// A fresh key kept in memory only (tests, `mem://` demo runs): what it encrypted is lost
    /// with the process, as the database is.
    pub fn tijdelijk() -> Self {
        let bytes: [u8; SLEUTEL_LEN] = rand::random();
        // A 32-byte key always fits ChaCha20-Poly1305.
        Self::van(&bytes).unwrap_or_else(|| unreachable!("32-byte ChaCha20-Poly1305 key"))
    }

    /// Reads the key file, or creates it (readable by its owner only) with a new key when it
    /// does not exist yet. Returns the key and whether it was created.
    pub fn uit_bestand(pad: &std::path::Path) -> Result<(Self, bool), KluisFout> {
        let naam = pad.display().to_string();
        let fout = |e| KluisFout::Bestand(naam.clone(), e);
        match std::fs::read_to_string(pad) {
            Ok(tekst) => {
                let bytes = crate::geheim::unhex(tekst.trim())
                    .filter(|b| b.len() == SLEUTEL_LEN)
                    .ok_or_else(|| KluisFout::OngeldigeSleutel(naam.clone()))?;
                Ok((Self::van(&bytes).ok_or(KluisFout::OngeldigeSleutel(naam))?, false))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(map) = pad.parent().filter(|m| !m.as_os_str().is_empty()) {
                    std::fs::create_dir_all(map).map_err(fout)?;
                }
                let bytes: [u8; SLEUTEL_LEN] = rand::random();
                schrijf_alleen_eigenaar(pad, &format!("{}\n", crate::geheim::hex(&bytes))).map_err(fout)?;
                Ok((Self::van(&bytes).ok_or(KluisFout::OngeldigeSleutel(naam))?, true))
            }
            Err(e) => Err(fout(e)),
        }
    }

    /// Encrypts `geheim` for the account `van` (authenticated with it, not encrypted).
    pub fn versleutel(&self, geheim: &str, van: &str) -> Result<String, KluisFout> {
        let nonce_bytes: [u8; NONCE_LEN] = rand::random();
        let mut data = geheim.as_bytes().to_vec();
        self.sleutel
            .seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce_bytes), Aad::from(van.as_bytes()), &mut data)
            .map_err(|_| KluisFout::Willekeur)?;
        let mut alles = nonce_bytes.to_vec();
        alles.extend_from_slice(&data);
        Ok(format!("{VOORVOEGSEL}{}", crate::geheim::hex(&alles)))
    }

    /// Decrypts a value `versleutel` wrote for the same account.
    pub fn ontsleutel(&self, opgeslagen: &str, van: &str) -> Result<String, KluisFout> {
        let bytes = opgeslagen
            .strip_prefix(VOORVOEGSEL)
            .and_then(crate::geheim::unhex)
            .filter(|b| b.len() > NONCE_LEN)
            .ok_or(KluisFout::Ontsleutelen)?;
        let (nonce, rest) = bytes.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| KluisFout::Ontsleutelen)?;
        let mut data = rest.to_vec();
        let open = self
            .sleutel
            .open_in_place(nonce, Aad::from(van.as_bytes()), &mut data)
            .map_err(|_| KluisFout::Ontsleutelen)?;
        String::from_utf8(open.to_vec()).map_err(|_| KluisFout::Ontsleutelen)
    }
}

/// Is this value in the encrypted form (and not a secret stored before encryption)?
pub fn is_versleuteld(waarde: &str) -> bool {
    waarde.starts_with(VOORVOEGSEL)
}

/// Writes a new file that only its owner may read (on Unix; elsewhere the folder's rights apply).
fn schrijf_alleen_eigenaar(pad: &std::path::Path, inhoud: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut opties = std::fs::OpenOptions::new();
    opties.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opties.mode(0o600);
    }
    let mut f = opties.open(pad)?;
    f.write_all(inhoud.as_bytes())?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GEHEIM: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    #[test]
    fn a_secret_comes_back_only_with_the_same_key_and_account() {
        let k = Kluis::tijdelijk();
        let v = k.versleutel(GEHEIM, "els").unwrap();
        assert!(is_versleuteld(&v));
        assert!(!v.contains(GEHEIM));
        assert_eq!(k.ontsleutel(&v, "els").unwrap(), GEHEIM);
        assert!(k.ontsleutel(&v, "jan").is_err(), "copied to another account");
        assert!(Kluis::tijdelijk().ontsleutel(&v, "els").is_err(), "another key");
        // Each encryption has its own nonce.
        assert_ne!(k.versleutel(GEHEIM, "els").unwrap(), v);
    }

    #[test]
    fn a_changed_or_malformed_value_is_refused() {
        let k = Kluis::tijdelijk();
        let v = k.versleutel(GEHEIM, "els").unwrap();
        let mut kapot = v.clone().into_bytes();
        let i = kapot.len() - 1;
        kapot[i] = if kapot[i] == b'0' { b'1' } else { b'0' };
        let kapot = String::from_utf8(kapot).unwrap();
        for fout in [kapot.as_str(), GEHEIM, "v1:", "v1:zz", "v1:00ff"] {
            assert!(k.ontsleutel(fout, "els").is_err(), "{fout}");
        }
    }

    #[test]
    fn the_key_file_is_created_once_for_its_owner_and_read_back() {
        let map = std::env::temp_dir().join(format!("meldpunt-kluis-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&map);
        let pad = map.join("sub").join("sleutel");
        let (k, nieuw) = Kluis::uit_bestand(&pad).unwrap();
        assert!(nieuw);
        let v = k.versleutel(GEHEIM, "els").unwrap();
        let (k2, nieuw) = Kluis::uit_bestand(&pad).unwrap();
        assert!(!nieuw);
        assert_eq!(k2.ontsleutel(&v, "els").unwrap(), GEHEIM);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&pad).unwrap().permissions().mode() & 0o777, 0o600);
        }
        std::fs::write(&pad, "te kort").unwrap();
        assert!(matches!(Kluis::uit_bestand(&pad), Err(KluisFout::OngeldigeSleutel(_))));
        let _ = std::fs::remove_dir_all(&map);
    }
}
