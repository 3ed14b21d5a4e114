//! A validated mailbox: optional display name and e-mail address.

use std::fmt;

use lettre::Address;
use lettre::message::Mailbox;

/// RFC 5321: a path holds at most 256 octets including the angle brackets.
const MAX_ADRES: usize = 254;
const MAX_LOKAAL_DEEL: usize = 64;
const MAX_NAAM: usize = 200;

/// Why an address or name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdresFout {
    #[error("leeg e-mailadres")]
    Leeg,
    #[error("regeleinde (CR of LF) in adres of naam")]
    Regeleinde,
    #[error("stuurteken in adres of naam")]
    Stuurteken,
    #[error("adres langer dan {MAX_ADRES} bytes")]
    TeLang,
    #[error("deel voor het @-teken langer dan {MAX_LOKAAL_DEEL} bytes")]
    LokaalDeelTeLang,
    #[error("naam langer dan {MAX_NAAM} tekens")]
    NaamTeLang,
    #[error("ongeldige syntaxis: {0}")]
    Ongeldig(String),
    #[error("domein zonder punt")]
    DomeinZonderPunt,
}

impl AdresFout {
    /// A plain Dutch sentence for the person who typed the address.
    pub fn bericht(&self) -> &'static str {
        match self {
            AdresFout::Leeg => "Vul een e-mailadres in.",
            AdresFout::Regeleinde => "Een e-mailadres of naam mag geen regeleinde bevatten.",
            AdresFout::Stuurteken => "Een e-mailadres of naam mag geen onzichtbare stuurtekens bevatten.",
            AdresFout::TeLang => "Dit e-mailadres is te lang: hoogstens 254 tekens.",
            AdresFout::LokaalDeelTeLang => "Het deel vóór het @-teken is te lang: hoogstens 64 tekens.",
            AdresFout::NaamTeLang => "De naam is te lang: hoogstens 200 tekens.",
            AdresFout::Ongeldig(_) | AdresFout::DomeinZonderPunt => {
                "Dit e-mailadres is niet geldig: controleer het @-teken en de domeinnaam."
            }
        }
    }
}

/// Refuses CR/LF (header injection) and every other control character.
pub(crate) fn controleer_kopregel(tekst: &str) -> Result<(), AdresFout> {
    if tekst.contains(['\r', '\n']) {
        return Err(AdresFout::Regeleinde);
    }
    if tekst.chars().any(char::is_control) {
        return Err(AdresFout::Stuurteken);
    }
    Ok(())
}

/// A mailbox that lettre accepts and that cannot inject headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adres {
    mailbox: Mailbox,
}

impl Adres {
    /// Validates a name (optional) and an address, e.g. from a form or the settings.
    pub fn parse(naam: Option<&str>, email: &str) -> Result<Adres, AdresFout> {
        controleer_kopregel(email)?;
        if let Some(naam) = naam {
            controleer_kopregel(naam)?;
        }
        let email = email.trim();
        if email.is_empty() {
            return Err(AdresFout::Leeg);
        }
        if email.len() > MAX_ADRES {
            return Err(AdresFout::TeLang);
        }
        // Checked before lettre, which refuses a long local part as mere "invalid".
        if email.rsplit_once('@').is_some_and(|(lokaal, _)| lokaal.len() > MAX_LOKAAL_DEEL) {
            return Err(AdresFout::LokaalDeelTeLang);
        }
        let adres: Address =
            email.parse().map_err(|e: lettre::address::AddressError| AdresFout::Ongeldig(e.to_string()))?;
        // lettre accepts single-label domains ("a@localhost"); outside mail never uses them.
        if !adres.domain().contains('.') {
            return Err(AdresFout::DomeinZonderPunt);
        }
        let naam = naam.map(str::trim).filter(|n| !n.is_empty());
        if naam.is_some_and(|n| n.chars().count() > MAX_NAAM) {
            return Err(AdresFout::NaamTeLang);
        }
        Ok(Adres { mailbox: Mailbox::new(naam.map(str::to_owned), adres) })
    }

    /// The bare address, without the name.
    pub fn as_str(&self) -> &str {
        self.mailbox.email.as_ref()
    }

    pub fn naam(&self) -> Option<&str> {
        self.mailbox.name.as_deref()
    }

    pub(crate) fn mailbox(&self) -> Mailbox {
        self.mailbox.clone()
    }
}

impl fmt::Display for Adres {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gewoon_adres_met_naam() {
        let a = Adres::parse(Some(" Meldpunt Gent "), " meldpunt@gent.be ").unwrap();
        assert_eq!(a.as_str(), "meldpunt@gent.be");
        assert_eq!(a.to_string(), "meldpunt@gent.be");
        assert_eq!(a.naam(), Some("Meldpunt Gent"));
        assert_eq!(Adres::parse(Some("  "), "a@b.be").unwrap().naam(), None);
    }

    #[test]
    fn regeleinde_in_adres_of_naam_geweigerd() {
        for (naam, email) in [
            (None, "a@b.be\r\nBcc: x@y.be"),
            (None, "a@b.be\n"),
            (Some("Jan\r\nBcc: x@y.be"), "a@b.be"),
            (Some("Jan\n"), "a@b.be"),
            (Some("Jan\r"), "a@b.be"),
        ] {
            let fout = Adres::parse(naam, email).unwrap_err();
            assert_eq!(fout, AdresFout::Regeleinde, "{naam:?} {email:?}");
            assert_eq!(fout.bericht(), "Een e-mailadres of naam mag geen regeleinde bevatten.");
        }
        assert_eq!(Adres::parse(Some("Jan\u{0}"), "a@b.be").unwrap_err(), AdresFout::Stuurteken);
    }

    #[test]
    fn te_lange_delen_geweigerd() {
        // DNS labels hold at most 63 characters.
        let met_laatste = |n: usize| {
            let label = "d".repeat(63);
            format!("{}@{label}.{label}.{}.be", "a".repeat(60), "d".repeat(n))
        };
        let lang = met_laatste(62);
        assert_eq!(lang.len(), 254);
        assert!(Adres::parse(None, &lang).is_ok());
        let te_lang = met_laatste(63);
        assert_eq!(te_lang.len(), 255);
        assert_eq!(Adres::parse(None, &te_lang).unwrap_err(), AdresFout::TeLang);
        let lokaal = format!("{}@b.be", "a".repeat(65));
        assert_eq!(Adres::parse(None, &lokaal).unwrap_err(), AdresFout::LokaalDeelTeLang);
        let naam = "n".repeat(201);
        assert_eq!(Adres::parse(Some(&naam), "a@b.be").unwrap_err(), AdresFout::NaamTeLang);
        assert!(Adres::parse(Some(&"é".repeat(200)), "a@b.be").is_ok());
    }

    #[test]
    fn ongeldige_syntaxis_geweigerd() {
        let zin = "Dit e-mailadres is niet geldig: controleer het @-teken en de domeinnaam.";
        for email in ["meldpunt.gent.be", "a@", "@b.be", "a b@c.be", "a@@b.be"] {
            let fout = Adres::parse(None, email).unwrap_err();
            assert!(matches!(fout, AdresFout::Ongeldig(_)), "{email}: {fout:?}");
            assert_eq!(fout.bericht(), zin);
        }
        let fout = Adres::parse(None, "a@localhost").unwrap_err();
        assert_eq!(fout, AdresFout::DomeinZonderPunt);
        assert_eq!(fout.bericht(), zin);
        assert_eq!(Adres::parse(None, "  ").unwrap_err(), AdresFout::Leeg);
    }
}
