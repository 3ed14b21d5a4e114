//! What the second-factor pages show. The TOTP secret of an enrolled account is not here:
//! it never leaves the server.

use serde::{Deserialize, Serialize};

/// The account page's view of the user's own second factor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TweedeFactorStand {
    pub ingesteld: bool,
    /// One of the user's roles requires a second factor.
    pub verplicht: bool,
    pub herstelcodes_over: usize,
}

/// An enrolment in progress, handed to the page by the form handler (never serialised): the
/// QR code of the `otpauth://` URL and the same secret as text for typing it in by hand. A wrong
/// code comes with the echo of the form `inschrijving`.
#[derive(Debug, Clone)]
pub struct Inschrijving {
    pub qr_svg: String,
    pub geheim_groepen: String,
}

/// The recovery codes just made, shown once (handed to the page by the form handler).
#[derive(Debug, Clone)]
pub struct NieuweHerstelcodes(pub Vec<String>);

/// A code as typed: six digits (spaces ignored) for the app, otherwise a recovery code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    Totp(String),
    Herstel(String),
}

impl Code {
    pub fn parse(s: &str) -> Option<Code> {
        let zonder: String = s.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        if zonder.len() == 6 && zonder.chars().all(|c| c.is_ascii_digit()) {
            return Some(Code::Totp(zonder));
        }
        let herstel: String =
            zonder.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect();
        // 16 symbols; 10 for the codes handed out before they were 80 bits long.
        (matches!(herstel.len(), 10 | 16) && herstel.len() == zonder.len()).then_some(Code::Herstel(herstel))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_as_typed() {
        assert_eq!(Code::parse(" 123 456 "), Some(Code::Totp("123456".into())));
        assert_eq!(Code::parse("abcde-fghjk"), Some(Code::Herstel("ABCDEFGHJK".into())));
        assert_eq!(Code::parse("12345"), None);
        assert_eq!(Code::parse("' OR 1=1 --"), None);
    }
}
