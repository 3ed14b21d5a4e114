//! Writing the audit log: who did or saw what, when, from where. Every feature writes it, like a
//! log line, so it is part of the kit; reading it (the coordinators' page and export) is the
//! `audit` feature. Append-only: nothing in the app changes or deletes an entry.

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

/// Whoever acted, as the log records them: an id and the roles at that moment.
pub trait Persoon {
    fn id(&self) -> &str;
    fn rollen(&self) -> Vec<String>;
}

#[cfg(feature = "ssr")]
pub use schrijven::*;

#[cfg(feature = "ssr")]
mod schrijven {
    use super::{Actie, Persoon, SYSTEEM, schoon};
    use crate::gemeen::Db;

    /// Who acted: a staff member, or nobody known (a refused or failed attempt).
    pub enum Wie<'a> {
        Gebruiker(&'a (dyn Persoon + Sync)),
        /// An account known only by its record key (e.g. at login).
        Account(&'a str),
        Onbekend,
        /// The server itself (a scheduled job or a command), recorded as `systeem`.
        Systeem,
    }

    pub async fn schrijf(db: &Db, wie: Wie<'_>, actie: Actie, object: Option<&str>, adres: Option<std::net::IpAddr>) {
        let (gebruiker, rollen) = match wie {
            Wie::Gebruiker(g) => (Some(schoon(g.id())), g.rollen()),
            Wie::Account(id) => (Some(schoon(id)), Vec::new()),
            Wie::Onbekend => (None, Vec::new()),
            Wie::Systeem => (Some(SYSTEEM.to_string()), vec![SYSTEEM.to_string()]),
        };
        let res = db
            .query(
                "CREATE audit SET tijdstip = time::now(), gebruiker = $gebruiker, rollen = $rollen, actie = $actie,
                     object = $object, adres = $adres RETURN NONE",
            )
            .bind(("gebruiker", gebruiker))
            .bind(("rollen", rollen))
            .bind(("actie", actie))
            .bind(("object", object.map(schoon)))
            .bind(("adres", adres.map(|a| a.to_string())))
            .await
            .and_then(|r| r.check());
        if let Err(e) = res {
            tracing::error!(error = %e, actie = actie.code(), "audit entry could not be written");
        }
    }

    /// For server functions: the user and address of the current request.
    pub async fn schrijf_voor_verzoek<P: Persoon + Sync>(
        db: &Db,
        gebruiker: Option<&P>,
        actie: Actie,
        object: Option<&str>,
    ) {
        let adres = leptos::prelude::use_context::<http::request::Parts>().and_then(|p| crate::gemeen::http::adres(&p));
        let wie = gebruiker.map_or(Wie::Onbekend, |g| Wie::Gebruiker(g));
        schrijf(db, wie, actie, object, adres).await;
    }
}

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
