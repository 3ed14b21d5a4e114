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

/// Where to go after logging in: only a local path, never another site.
pub fn veilige_bestemming(volgende: Option<&str>) -> String {
    match volgende {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') && p.len() < 512 => p.to_string(),
        _ => "/werkbak".to_string(),
    }
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
    fn redirect_target_stays_on_site() {
        assert_eq!(veilige_bestemming(Some("/meldingen/M-2026-00001")), "/meldingen/M-2026-00001");
        assert_eq!(veilige_bestemming(Some("//evil.example")), "/werkbak");
        assert_eq!(veilige_bestemming(Some("https://evil.example")), "/werkbak");
        assert_eq!(veilige_bestemming(Some("/\\evil.example")), "/werkbak");
        assert_eq!(veilige_bestemming(None), "/werkbak");
    }

    #[test]
    fn short_passwords_are_refused_and_never_printed() {
        assert!(Wachtwoord::parse_nieuw("kort").is_err());
        let w = Wachtwoord::parse_nieuw("lang genoeg wachtwoord").unwrap();
        assert_eq!(Wachtwoord::parse_nieuw("Password1234").unwrap_err(), GEWOON);
        assert_eq!(format!("{w:?}"), "Wachtwoord(***)");
    }
}
