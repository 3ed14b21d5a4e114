//! Random secrets and their stored form (a SHA-256 hash; the secret itself is never stored).

use sha2::{Digest, Sha256};
use std::fmt::Write;

/// Lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The bytes of a hexadecimal string (either case), or `None` if it is not one.
pub fn unhex(tekst: &str) -> Option<Vec<u8>> {
    if !tekst.len().is_multiple_of(2) || !tekst.is_ascii() {
        return None;
    }
    (0..tekst.len()).step_by(2).map(|i| u8::from_str_radix(tekst.get(i..i + 2)?, 16).ok()).collect()
}

/// A session token: 256 random bits, hex.
pub fn sessie_token() -> String {
    let b: [u8; 32] = rand::random();
    hex(&b)
}

/// SHA-256 in hex. Fit for high-entropy secrets only (tokens, follow-up codes), not passwords.
pub fn hash(geheim: &str) -> String {
    hex(&Sha256::digest(geheim.as_bytes()))
}

/// Letters and digits that cannot be mistaken for each other (no 0/O, 1/I).
const ALFABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// A follow-up code for a reporter: 20 symbols (100 bits) in groups of five.
pub fn opvolgcode() -> String {
    let b: [u8; 20] = rand::random();
    let mut s = String::with_capacity(23);
    for (i, byte) in b.iter().enumerate() {
        if i > 0 && i % 5 == 0 {
            s.push('-');
        }
        s.push(char::from(ALFABET[usize::from(byte % 32)]));
    }
    s
}

/// The canonical form of a code as typed (case, spaces and dashes ignored) for hashing.
pub fn normaliseer_code(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_unambiguous_and_distinct() {
        let a = opvolgcode();
        let b = opvolgcode();
        assert_ne!(a, b);
        assert_eq!(a.len(), 23);
        assert!(a.split('-').all(|g| g.len() == 5));
        assert!(!a.contains('0') && !a.contains('O') && !a.contains('I') && !a.contains('1'));
    }

    #[test]
    fn tokens_are_long_and_hash_is_stable() {
        assert_eq!(sessie_token().len(), 64);
        assert_eq!(hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(normaliseer_code("abcde-fghjk"), "ABCDEFGHJK");
    }
}
