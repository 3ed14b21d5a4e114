//! The audit log: who did or saw what, when, from where. Append-only.

use crate::gemeen::woordenlijst::woordenlijst;

woordenlijst!(Actie {
    Bekijken => "bekijken", "Bekeken";
    Aanmaken => "aanmaken", "Aangemaakt";
    Wijzigen => "wijzigen", "Gewijzigd";
    Overgang => "overgang", "Status gewijzigd";
    Versturen => "versturen", "Verstuurd";
    Exporteren => "exporteren", "Geëxporteerd";
    Aanmelden => "aanmelden", "Aangemeld";
    Afmelden => "afmelden", "Afgemeld";
    AanmeldenMislukt => "aanmelden_mislukt", "Aanmelden mislukt";
    Geweigerd => "geweigerd", "Toegang geweigerd";
    Anonimiseren => "anonimiseren", "Persoonsgegevens geanonimiseerd";
});

/// The user value of entries written by the server itself (scheduled jobs, commands).
pub const SYSTEEM: &str = "systeem";

/// Makes a value safe to store and show in the log: no control characters (so no forged
/// lines), bounded length.
pub fn schoon(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).take(300).collect()
}

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
mod schrijf;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
#[cfg(feature = "ssr")]
pub use schrijf::{Wie, schrijf, schrijf_voor_verzoek};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_cannot_forge_entries() {
        assert_eq!(schoon("M-2026-00001\n2026-01-01 beheerder wijzigen"), "M-2026-00001 2026-01-01 beheerder wijzigen");
        assert_eq!(schoon("a\r\u{1b}[31mb\u{0}"), "a  [31mb ");
        assert_eq!(schoon(&"x".repeat(1000)).len(), 300);
    }
}
