//! SMTP settings from a URL: `smtp://`, `smtp://…?tls=starttls` or `smtps://`.

use std::fmt;
use std::time::Duration;

use percent_encoding::percent_decode_str;
use url::Url;

const STANDAARD_TIMEOUT: Duration = Duration::from_secs(30);

/// How the connection to the mail server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beveiliging {
    /// No TLS: only for a local relay or a test server.
    Geen,
    /// STARTTLS is required; without it nothing is sent.
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

/// Why the SMTP settings are unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InstellingFout {
    #[error("geen geldige URL: {0}")]
    GeenUrl(String),
    #[error("onbekend schema {0:?} (smtp of smtps)")]
    Schema(String),
    #[error("geen host")]
    GeenHost,
    #[error("onbekende of ongeldige optie {0:?} (alleen tls=starttls bij smtp://)")]
    Optie(String),
    #[error("pad {0:?} niet toegelaten")]
    Pad(String),
    #[error("gebruikersnaam of wachtwoord is geen geldige UTF-8")]
    Inlog,
    #[error("wachtwoord zonder TLS naar {0} (alleen naar localhost toegelaten)")]
    WachtwoordZonderTls(String),
    #[error("TLS instellen mislukt: {0}")]
    Tls(String),
}

impl InstellingFout {
    /// A plain Dutch sentence for the person who configures the server.
    pub fn bericht(&self) -> &'static str {
        match self {
            InstellingFout::GeenUrl(_) | InstellingFout::GeenHost | InstellingFout::Pad(_) => {
                "De SMTP-instelling is geen geldig adres, bijvoorbeeld smtps://mail.voorbeeld.be."
            }
            InstellingFout::Schema(_) => "De SMTP-instelling moet met smtp:// of smtps:// beginnen.",
            InstellingFout::Optie(_) => "De SMTP-instelling kent alleen de optie ?tls=starttls, en alleen bij smtp://.",
            InstellingFout::Inlog => "De gebruikersnaam of het wachtwoord bevat ongeldige tekens.",
            InstellingFout::WachtwoordZonderTls(_) => {
                "Een wachtwoord gaat nooit onversleuteld over het netwerk: gebruik smtps:// of ?tls=starttls."
            }
            InstellingFout::Tls(_) => "De beveiligde verbinding kon niet ingesteld worden.",
        }
    }
}

/// Where and how to send mail. Not `Serialize`, and `Debug` hides the password.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpInstelling {
    host: String,
    poort: u16,
    beveiliging: Beveiliging,
    gebruiker: Option<String>,
    wachtwoord: Option<String>,
    timeout: Duration,
}

impl SmtpInstelling {
    pub fn parse(url: &str) -> Result<SmtpInstelling, InstellingFout> {
        let url = Url::parse(url.trim()).map_err(|e| InstellingFout::GeenUrl(e.to_string()))?;
        let mut beveiliging = match url.scheme() {
            "smtp" => Beveiliging::Geen,
            "smtps" => Beveiliging::Tls,
            ander => return Err(InstellingFout::Schema(ander.to_owned())),
        };
        for (sleutel, waarde) in url.query_pairs() {
            if sleutel == "tls" && waarde == "starttls" && beveiliging == Beveiliging::Geen {
                beveiliging = Beveiliging::StartTls;
            } else {
                return Err(InstellingFout::Optie(format!("{sleutel}={waarde}")));
            }
        }
        if !matches!(url.path(), "" | "/") {
            return Err(InstellingFout::Pad(url.path().to_owned()));
        }
        let host = match url.host() {
            Some(url::Host::Domain(d)) if !d.is_empty() => d.to_owned(),
            Some(url::Host::Ipv4(ip)) => ip.to_string(),
            Some(url::Host::Ipv6(ip)) => ip.to_string(),
            _ => return Err(InstellingFout::GeenHost),
        };
        let poort = url.port().unwrap_or(match beveiliging {
            Beveiliging::Geen => 25,
            Beveiliging::StartTls => 587,
            Beveiliging::Tls => 465,
        });
        let ontsleutel =
            |s: &str| percent_decode_str(s).decode_utf8().map(|s| s.into_owned()).map_err(|_| InstellingFout::Inlog);
        let gebruiker = Some(ontsleutel(url.username())?).filter(|g| !g.is_empty());
        let wachtwoord = url.password().map(ontsleutel).transpose()?;
        Ok(SmtpInstelling { host, poort, beveiliging, gebruiker, wachtwoord, timeout: STANDAARD_TIMEOUT })
    }

    /// Sets the login, e.g. with a password from a secret store instead of the URL.
    pub fn met_inlog(mut self, gebruiker: &str, wachtwoord: &str) -> SmtpInstelling {
        self.gebruiker = Some(gebruiker.to_owned());
        self.wachtwoord = Some(wachtwoord.to_owned());
        self
    }

    /// Time allowed for connecting and for each SMTP command (default 30 s).
    pub fn met_timeout(mut self, timeout: Duration) -> SmtpInstelling {
        self.timeout = timeout;
        self
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn poort(&self) -> u16 {
        self.poort
    }

    pub fn beveiliging(&self) -> Beveiliging {
        self.beveiliging
    }

    pub fn gebruiker(&self) -> Option<&str> {
        self.gebruiker.as_deref()
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    pub(crate) fn inlog(&self) -> Option<(String, String)> {
        let gebruiker = self.gebruiker.clone()?;
        Some((gebruiker, self.wachtwoord.clone().unwrap_or_default()))
    }

    pub(crate) fn is_lokaal(&self) -> bool {
        self.host == "localhost" || self.host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
    }
}

impl fmt::Debug for SmtpInstelling {
    // Written by hand: the password must never reach a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmtpInstelling")
            .field("host", &self.host)
            .field("poort", &self.poort)
            .field("beveiliging", &self.beveiliging)
            .field("gebruiker", &self.gebruiker)
            .field("wachtwoord", &self.wachtwoord.as_ref().map(|_| "<verborgen>"))
            .field("timeout", &self.timeout)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drie_schemas_en_standaardpoorten() {
        let s = SmtpInstelling::parse("smtp://localhost").unwrap();
        assert_eq!((s.host(), s.poort(), s.beveiliging()), ("localhost", 25, Beveiliging::Geen));
        let s = SmtpInstelling::parse("smtp://mail.gent.be?tls=starttls").unwrap();
        assert_eq!((s.poort(), s.beveiliging()), (587, Beveiliging::StartTls));
        let s = SmtpInstelling::parse("smtps://mail.gent.be").unwrap();
        assert_eq!((s.poort(), s.beveiliging()), (465, Beveiliging::Tls));
        let s = SmtpInstelling::parse("smtp://127.0.0.1:2525/").unwrap();
        assert_eq!((s.host(), s.poort()), ("127.0.0.1", 2525));
        let s = SmtpInstelling::parse("smtps://[::1]:1465").unwrap();
        assert_eq!((s.host(), s.poort(), s.is_lokaal()), ("::1", 1465, true));
        assert_eq!(s.timeout(), Duration::from_secs(30));
        assert_eq!(s.gebruiker(), None);
    }

    #[test]
    fn inlog_uit_url_ontsleuteld() {
        let s = SmtpInstelling::parse("smtps://post%40gent.be:p%3Ass%20w@mail.gent.be:2465").unwrap();
        assert_eq!(s.gebruiker(), Some("post@gent.be"));
        assert_eq!(s.inlog(), Some(("post@gent.be".into(), "p:ss w".into())));
        assert_eq!(s.poort(), 2465);
        let s = s.met_inlog("ander", "nieuw").met_timeout(Duration::from_secs(5));
        assert_eq!(s.inlog(), Some(("ander".into(), "nieuw".into())));
        assert_eq!(s.timeout(), Duration::from_secs(5));
    }

    #[test]
    fn foute_urls_geweigerd() {
        let fout = |u: &str| SmtpInstelling::parse(u).unwrap_err();
        assert!(matches!(fout("http://mail.gent.be"), InstellingFout::Schema(_)));
        assert!(matches!(fout("smtps://mail.gent.be?tls=starttls"), InstellingFout::Optie(_)));
        assert!(matches!(fout("smtp://mail.gent.be?tls=ja"), InstellingFout::Optie(_)));
        assert!(matches!(fout("smtp://mail.gent.be/ehlo"), InstellingFout::Pad(_)));
        assert!(matches!(fout("smtp://"), InstellingFout::GeenHost));
        assert!(matches!(fout("mail.gent.be"), InstellingFout::GeenUrl(_)));
        assert!(matches!(fout("smtp://mail.gent.be:99999"), InstellingFout::GeenUrl(_)));
        assert!(fout("ftp://x").bericht().contains("smtp://"));
    }

    #[test]
    fn debug_toont_geen_wachtwoord() {
        let s = SmtpInstelling::parse("smtps://jan:Geheim123@mail.gent.be").unwrap();
        let tekst = format!("{s:?} {s:#?}");
        assert!(!tekst.contains("Geheim123"), "{tekst}");
        assert!(tekst.contains("<verborgen>") && tekst.contains("jan"), "{tekst}");
        let s = s.met_inlog("piet", "AnderGeheim");
        assert!(!format!("{s:?}").contains("AnderGeheim"));
    }
}
