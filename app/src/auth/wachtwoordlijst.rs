//! The bundled list of common passwords (`gewone_wachtwoorden.txt`, see
//! `scripts/gewone-wachtwoorden.sh`) and the check that new passwords go through.

use std::collections::HashSet;
use std::sync::LazyLock;

static LIJST: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("gewone_wachtwoorden.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// How many passwords the list holds.
pub fn omvang() -> usize {
    LIJST.len()
}

/// Is this password (case ignored) on the list, or one of its entries with only digits and
/// signs around it ("Welkom2026!"), or one entry or a few characters repeated
/// ("dragondragon", "abcabcabcabc"), or made of fewer than five different characters?
pub fn is_gewoon(wachtwoord: &str) -> bool {
    let laag = wachtwoord.trim().to_lowercase();
    if LIJST.contains(laag.as_str()) {
        return true;
    }
    let kern = laag.trim_matches(|c: char| !c.is_alphabetic());
    if !kern.is_empty() && LIJST.contains(kern) {
        return true;
    }
    let tekens: Vec<char> = laag.chars().collect();
    let verschillend: HashSet<&char> = tekens.iter().collect();
    if verschillend.len() < 5 {
        return true;
    }
    let n = tekens.len();
    (1..n).filter(|d| n.is_multiple_of(*d)).any(|d| {
        let eenheid: String = tekens[..d].iter().collect();
        laag == eenheid.repeat(n / d) && (d <= 4 || LIJST.contains(eenheid.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_and_their_obvious_variants_are_caught() {
        assert!(omvang() > 5000);
        for w in [
            "password1234",
            "QWERTYUIOP12",
            "123qweasdzxc",
            "Wachtwoord2026!",
            "welkom123456",
            "dragondragon",
            "aaaaaaaaaaaa",
            "121212121212",
            "abcabcabcabc",
        ] {
            assert!(is_gewoon(w), "{w}");
        }
        for w in ["een lang testwachtwoord", "paarse olifant danst traag", "Kx9#mQ2vL!p7"] {
            assert!(!is_gewoon(w), "{w}");
        }
    }
}
