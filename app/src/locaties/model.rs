//! Organisatoren and their Locaties: the objects a melding is about.

use crate::gemeen::woordenlijst::woordenlijst;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A KBO ondernemingsnummer: ten digits whose last two are 97 minus (the first eight mod 97).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ondernemingsnummer(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OndernemingsnummerFout {
    #[error("Een ondernemingsnummer heeft 10 cijfers, bijvoorbeeld 0123.456.749.")]
    Lengte,
    #[error("Dit ondernemingsnummer bestaat niet: het controlegetal klopt niet.")]
    Controlegetal,
}

impl Ondernemingsnummer {
    /// Accepts the usual spellings (`0123.456.749`, `BE 0123 456 749`, `0123456749`).
    pub fn parse(input: &str) -> Result<Self, OndernemingsnummerFout> {
        let trimmed = input.trim();
        let trimmed = trimmed.strip_prefix("BE").or_else(|| trimmed.strip_prefix("be")).unwrap_or(trimmed);
        if trimmed.chars().any(|c| !(c.is_ascii_digit() || c == '.' || c == ' ')) {
            return Err(OndernemingsnummerFout::Lengte);
        }
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        if digits.len() != 10 || !(digits.starts_with('0') || digits.starts_with('1')) {
            return Err(OndernemingsnummerFout::Lengte);
        }
        let (basis, controle) = digits.split_at(8);
        let basis: u64 = basis.parse().map_err(|_| OndernemingsnummerFout::Lengte)?;
        let controle: u64 = controle.parse().map_err(|_| OndernemingsnummerFout::Lengte)?;
        if 97 - basis % 97 != controle {
            return Err(OndernemingsnummerFout::Controlegetal);
        }
        Ok(Self(digits))
    }

    /// The ten digits of a number as people type it in a search (`0123.456.789`, `0123 456 789`,
    /// `0123456789`, `BE0123456789`, or the old nine-digit form `123.456.789`), without checking
    /// the check digits: a search for a mistyped number simply finds nothing.
    pub fn normaliseer(input: &str) -> Option<String> {
        let s = input.trim();
        let s = match s.get(..2) {
            Some(p) if p.eq_ignore_ascii_case("be") => s[2..].trim_start(),
            _ => s,
        };
        if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ' ' | '-')) {
            return None;
        }
        let cijfers: String = s.chars().filter(char::is_ascii_digit).collect();
        match cijfers.len() {
            10 if cijfers.starts_with('0') || cijfers.starts_with('1') => Some(cijfers),
            9 => Some(format!("0{cijfers}")),
            _ => None,
        }
    }

    /// Builds a valid number from an eight-digit base (used by the demo data generator).
    pub fn from_basis(basis: u32) -> Self {
        let basis = u64::from(basis % 100_000_000);
        Self(format!("{basis:08}{:02}", 97 - basis % 97))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Ondernemingsnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(f, "{}.{}.{}", &d[0..4], &d[4..7], &d[7..10])
    }
}

/// The key of a Locatie record (`locatie:<key>`), as used in forms and URLs.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LocatieId(pub String);

impl LocatieId {
    /// Keys are ours (`L0001`…); anything else from a form is refused before it reaches a query.
    pub fn parse(input: &str) -> Option<Self> {
        let s = input.trim();
        let ok = !s.is_empty() && s.len() <= 20 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        ok.then(|| Self(s.to_string()))
    }
}

/// The lower-cased text the location picker searches in.
pub fn zoektekst(naam: &str, straat: &str, postcode: &str, gemeente: &str, organisator: &str) -> String {
    format!("{naam} {straat} {postcode} {gemeente} {organisator}").to_lowercase()
}

woordenlijst!(LocatieSoort {
    Gezinsopvang => "gezinsopvang", "Gezinsopvang (tot 8 kinderen)";
    Groepsopvang => "groepsopvang", "Groepsopvang (9 of meer kinderen)";
    Schoolkinderen => "schoolkinderen", "Opvang van schoolkinderen";
});

woordenlijst!(Vergunningsstatus {
    Actief => "actief", "Vergunning actief";
    Geschorst => "geschorst", "Vergunning geschorst";
    Opgeheven => "opgeheven", "Vergunning opgeheven";
    Stopgezet => "stopgezet", "Opvang stopgezet";
});

/// A location as offered in the melding form's picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocatieKeuze {
    pub id: LocatieId,
    pub naam: String,
    pub straat: String,
    pub gemeente: String,
    pub organisator: String,
}

impl LocatieKeuze {
    pub fn omschrijving(&self) -> String {
        format!("{}, {}, {} ({})", self.naam, self.straat, self.gemeente, self.organisator)
    }
}

/// A location as shown on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocatieDetail {
    pub id: LocatieId,
    pub naam: String,
    pub soort: LocatieSoort,
    pub capaciteit: u32,
    pub straat: String,
    pub postcode: String,
    pub gemeente: String,
    pub vergunning: Vergunningsstatus,
    pub organisator: String,
    pub ondernemingsnummer: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_numbers_in_usual_spellings() {
        let n = Ondernemingsnummer::from_basis(1234567);
        assert_eq!(Ondernemingsnummer::parse(n.digits()), Ok(n.clone()));
        assert_eq!(Ondernemingsnummer::parse(&n.to_string()), Ok(n.clone()));
        assert_eq!(Ondernemingsnummer::parse(&format!("BE {}", n)), Ok(n));
        // A real published example: 0202.239.951 (Proximus).
        assert!(Ondernemingsnummer::parse("0202.239.951").is_ok());
    }

    #[test]
    fn refuses_wrong_check_digits_and_lengths() {
        assert_eq!(Ondernemingsnummer::parse("0202.239.952"), Err(OndernemingsnummerFout::Controlegetal));
        assert_eq!(Ondernemingsnummer::parse("12345"), Err(OndernemingsnummerFout::Lengte));
        assert_eq!(Ondernemingsnummer::parse("0202a239951"), Err(OndernemingsnummerFout::Lengte));
        assert_eq!(Ondernemingsnummer::parse("2202239951"), Err(OndernemingsnummerFout::Lengte));
    }

    #[test]
    fn search_input_is_normalised_to_ten_digits() {
        for invoer in ["0123.456.789", "0123456789", "BE0123456789", "be 0123.456.789", " 0123 456 789 ", "123.456.789"]
        {
            assert_eq!(Ondernemingsnummer::normaliseer(invoer).as_deref(), Some("0123456789"), "{invoer}");
        }
        assert_eq!(Ondernemingsnummer::normaliseer("1023-456-789").as_deref(), Some("1023456789"));
        // A postcode, a name, a short or too long number, or a number that cannot exist: no KBO search.
        for invoer in ["9300", "Kinderdagverblijf 't Kasteeltje", "0123.456", "01234567890", "2123456789", "BE", ""] {
            assert_eq!(Ondernemingsnummer::normaliseer(invoer), None, "{invoer}");
        }
    }

    #[test]
    fn locatie_ids_only_take_safe_keys() {
        assert!(LocatieId::parse("L0042").is_some());
        assert!(LocatieId::parse("L1; DELETE melding").is_none());
        assert!(LocatieId::parse("").is_none());
    }

    #[test]
    fn codes_round_trip() {
        for s in Vergunningsstatus::ALLE {
            assert_eq!(Vergunningsstatus::from_code(s.code()), Some(*s));
        }
    }
}
