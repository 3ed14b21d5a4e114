use crate::gemeen::woordenlijst::woordenlijst;
use serde::{Deserialize, Serialize};

woordenlijst!(Rol {
    Casewerker => "casewerker", "Klantenbeheerder meldingen & communicatie";
    KlantenbeheerderKinderopvang => "klantenbeheerder_kinderopvang", "Klantenbeheerder kinderopvang";
    Expert => "expert", "Expert";
    Coordinator => "coordinator", "Teamcoördinator";
    Kennisbeheerder => "kennisbeheerder", "Kennisbeheerder";
    Beheerder => "beheerder", "Beheerder";
});

/// Roles that may read and handle meldingen.
pub const CASEWERK: &[Rol] = &[Rol::Casewerker, Rol::KlantenbeheerderKinderopvang, Rol::Coordinator];

/// A logged-in staff member, as the pages see them. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gebruiker {
    pub id: String,
    pub email: String,
    pub naam: String,
    pub rollen: Vec<Rol>,
}

impl Gebruiker {
    pub fn heeft_een_van(&self, rollen: &[Rol]) -> bool {
        self.rollen.iter().any(|r| rollen.contains(r))
    }

    /// Case workers and coordinators see every case; an account manager (klantenbeheerder
    /// kinderopvang) without those roles sees only the cases about their own organisers.
    pub fn ziet_alle_meldingen(&self) -> bool {
        self.heeft_een_van(&[Rol::Casewerker, Rol::Coordinator])
    }
}

/// Why a common password is refused.
pub const GEWOON: &str = "Dit wachtwoord is te gewoon: het staat (bijna) zo op een lijst van veelgebruikte \
    wachtwoorden. Kies bijvoorbeeld een zin van enkele woorden die niet voor de hand ligt.";

/// A password as typed: never serialised, never printed.
pub struct Wachtwoord(String);

impl Wachtwoord {
    pub const MIN_LENGTE: usize = 12;

    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }

    /// For new passwords: at least 12 characters, not only spaces, and not on the bundled list
    /// of common passwords (nor an obvious variant of one, see `wachtwoordlijst::is_gewoon`).
    pub fn parse_nieuw(s: &str) -> Result<Self, &'static str> {
        if s.chars().count() < Self::MIN_LENGTE || s.trim().is_empty() {
            return Err("Een wachtwoord heeft minstens 12 tekens.");
        }
        if s.chars().count() > 256 {
            return Err("Een wachtwoord heeft hoogstens 256 tekens.");
        }
        if super::wachtwoordlijst::is_gewoon(s) {
            return Err(GEWOON);
        }
        Ok(Self(s.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Wachtwoord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Wachtwoord(***)")
    }
}

/// The page a user starts on: the werkbak for case work, else what their role has.
pub fn startpagina(g: &Gebruiker) -> &'static str {
    if g.heeft_een_van(CASEWERK) {
        "/werkbak"
    } else if g.rollen.contains(&Rol::Expert) {
        "/advies"
    } else if g.rollen.contains(&Rol::Kennisbeheerder) {
        "/kennisbank"
    } else if g.rollen.contains(&Rol::Beheerder) {
        "/beheer/accounts"
    } else {
        "/account"
    }
}

/// Where to go after logging in: only a path of this app, never another site. Browsers drop tabs
/// and newlines from URLs and read `\` as `/`, so `/\t/evil.example` would become
/// `//evil.example`: only printable ASCII is accepted (anything else is percent-encoded in a real
/// link), one leading `/` and no `\` at all. Anything else goes to the start page.
pub fn veilige_bestemming(volgende: Option<&str>) -> String {
    const START: &str = "/werkbak";
    let Some(p) = volgende else { return START.into() };
    let eigen_pad = p.starts_with('/')
        && !p[1..].starts_with('/')
        && p.len() < 512
        && p.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    if eigen_pad { p.to_string() } else { START.into() }
}

impl crate::gemeen::audit::Persoon for Gebruiker {
    fn id(&self) -> &str {
        &self.id
    }
    fn rollen(&self) -> Vec<String> {
        self.rollen.iter().map(|r| r.code().to_string()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_of_the_app_is_kept() {
        for p in ["/meldingen/M-2026-00001", "/werkbak?status=open&na=25", "/kennisbank/zoek?q=schorsing%20kind", "/"] {
            assert_eq!(veilige_bestemming(Some(p)), p);
        }
        assert_eq!(veilige_bestemming(None), "/werkbak");
    }

    /// Known open-redirect payloads: each would leave the site in some browser.
    #[test]
    fn open_redirect_payloads_go_to_the_start_page() {
        let lang = format!("/{}", "a".repeat(600));
        let payloads = [
            "//evil.example",
            "///evil.example",
            "////evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "\\\\evil.example",
            "\\/evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/\r\n/evil.example",
            "/\u{0b}/evil.example",
            "/\u{0c}/evil.example",
            "/\0/evil.example",
            "/\u{7f}/evil.example",
            "\t//evil.example",
            " //evil.example",
            "/ /evil.example",
            "/\u{a0}/evil.example",
            "/\u{2028}/evil.example",
            "/\u{3000}/evil.example",
            "/\u{ff0f}evil.example",
            "https://evil.example",
            "http:evil.example",
            "https:/evil.example",
            "HTTPS://evil.example",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "evil.example",
            "@evil.example",
            ".evil.example",
            "%2F%2Fevil.example",
            "//google.com@evil.example",
            "//evil.example/%2F..",
            "",
            lang.as_str(),
        ];
        assert!(payloads.len() >= 30);
        for p in payloads {
            assert_eq!(veilige_bestemming(Some(p)), "/werkbak", "{p:?}");
        }
    }

    #[test]
    fn short_passwords_are_refused_and_never_printed() {
        assert!(Wachtwoord::parse_nieuw("kort").is_err());
        let w = Wachtwoord::parse_nieuw("lang genoeg wachtwoord").unwrap();
        assert_eq!(Wachtwoord::parse_nieuw("Password1234").unwrap_err(), GEWOON);
        assert_eq!(format!("{w:?}"), "Wachtwoord(***)");
    }
}
