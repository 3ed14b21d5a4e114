//! Login, sessions and the role check every server function and staff page goes through.

use super::model::{Gebruiker, Rol, Wachtwoord};
use super::repo;
use crate::error::AppError;
use crate::geheim;
use crate::gemeen::Db;
use crate::gemeen::audit;
use crate::gemeen::audit::Actie;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};

/// The session cookie's name over plain HTTP (local use, `--secure-cookies` off).
pub const SESSIE_COOKIE: &str = "meldpunt_sessie";
/// Its name behind TLS: the `__Host-` prefix makes the browser refuse it unless it is `Secure`,
/// has `Path=/` and no `Domain`, so no other host or path can set or shadow it.
pub const SESSIE_COOKIE_VEILIG: &str = "__Host-meldpunt_sessie";

#[derive(Debug, thiserror::Error)]
pub enum AuthFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("password hashing: {0}")]
    Hash(String),
    #[error("an account with this e-mail address exists already")]
    BestaatAl,
}

impl From<AuthFout> for AppError {
    fn from(e: AuthFout) -> Self {
        tracing::error!(error = %e, "auth failure");
        match e {
            AuthFout::BestaatAl => AppError::Ongeldig("Er bestaat al een account met dit e-mailadres.".into()),
            _ => AppError::Intern,
        }
    }
}

/// argon2id with the crate's defaults (19 MiB, 2 passes), off the async runtime.
pub async fn hash_wachtwoord(w: Wachtwoord) -> Result<String, AuthFout> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(w.expose().as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AuthFout::Hash(e.to_string()))
    })
    .await
    .map_err(|e| AuthFout::Hash(e.to_string()))?
}

async fn klopt(w: Wachtwoord, hash: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|h| Argon2::default().verify_password(w.expose().as_bytes(), &h).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

pub async fn voeg_gebruiker_toe(
    db: &Db,
    email: &str,
    naam: &str,
    rollen: &[Rol],
    w: Wachtwoord,
) -> Result<String, AuthFout> {
    let email = email.trim().to_lowercase();
    if repo::voor_login(db, &email).await?.is_some() {
        return Err(AuthFout::BestaatAl);
    }
    let hash = hash_wachtwoord(w).await?;
    Ok(repo::voeg_toe(db, &email, naam.trim(), rollen, &hash).await?)
}

/// A hash to verify against when the account does not exist, so both cases take as long.
const GEEN_ACCOUNT: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$2Pc1bSg2Ilb4ThS9pX8sUjl6vwTqvRdmYNq8yVqWZnA";

use super::rem;
pub use super::rem::{Herkomst, MAX_PER_ACCOUNT, MAX_PER_ADRES, VENSTER};

#[derive(Debug, PartialEq, Eq)]
pub enum Aanmelding {
    /// The session token for the cookie.
    Gelukt(String),
    /// The password was right and the account has a second factor: the token of the code step
    /// (no session yet).
    TweedeFactor(String),
    /// The code step is unknown or took too long; start again with the password.
    Verlopen,
    Mislukt,
    /// Too many failures for this account or address; try again from then on.
    Geblokkeerd(chrono::DateTime<chrono::Utc>),
}

/// Checks the credentials and opens a session. Unknown accounts and wrong passwords look the
/// same from outside, also in time taken; repeated failures are braked as `rem` describes.
pub async fn meld_aan(
    db: &Db,
    email: &str,
    w: Wachtwoord,
    duur: chrono::Duration,
    herkomst: &Herkomst,
) -> Result<Aanmelding, AuthFout> {
    let email = email.trim().to_lowercase();
    let nu = chrono::Utc::now();
    let sleutels = rem::sleutels(&email, herkomst, nu);
    let adres = herkomst.adres;
    if let Some(tot) = rem::blokkade(db, &sleutels, nu).await? {
        audit::schrijf(db, audit::Wie::Onbekend, Actie::AanmeldenMislukt, Some(sleutels.account()), adres).await;
        return Ok(Aanmelding::Geblokkeerd(tot));
    }
    let rij = repo::voor_login(db, &email).await?;
    let hash = rij.as_ref().map_or(GEEN_ACCOUNT.to_string(), |r| r.wachtwoord_hash.clone());
    let ok = klopt(w, hash).await;
    match rij {
        Some(r) if ok && r.actief && r.totp => {
            Ok(Aanmelding::TweedeFactor(super::tweede_factor::service::open_stap(db, &r.id, nu).await?))
        }
        Some(r) if ok && r.actief => {
            rem::wis(db, &sleutels).await?;
            let token = open_sessie(db, &r.id, nu, duur).await?;
            audit::schrijf(db, audit::Wie::Account(&r.id), Actie::Aanmelden, None, adres).await;
            Ok(Aanmelding::Gelukt(token))
        }
        _ => {
            rem::registreer(db, &sleutels).await?;
            audit::schrijf(db, audit::Wie::Onbekend, Actie::AanmeldenMislukt, Some(sleutels.account()), adres).await;
            Ok(Aanmelding::Mislukt)
        }
    }
}

/// Removes ended sessions (past their end, or idle longer than `inactief`), ended login steps
/// and failed attempts that no longer count. Run by the server's periodic job: a session that
/// ended is already refused at once; this keeps the tables from growing.
pub async fn ruim_op(
    db: &Db,
    nu: chrono::DateTime<chrono::Utc>,
    inactief: chrono::Duration,
) -> Result<repo::Opgeruimd, AuthFout> {
    Ok(repo::ruim_op(db, nu - inactief, nu - VENSTER).await?)
}

/// A new session (a new random token; only its hash is stored).
pub async fn open_sessie(
    db: &Db,
    gebruiker: &str,
    nu: chrono::DateTime<chrono::Utc>,
    duur: chrono::Duration,
) -> Result<String, AuthFout> {
    let token = geheim::sessie_token();
    repo::maak_sessie(db, &geheim::hash(&token), gebruiker, nu + duur).await?;
    Ok(token)
}

/// A live session: its user, and whether they must first enrol a second factor.
#[derive(Debug, Clone)]
pub struct Sessie {
    pub gebruiker: Gebruiker,
    pub moet_inschrijven: bool,
    /// The absolute expiry.
    pub verloopt: chrono::DateTime<chrono::Utc>,
    /// When the session was last marked as used (at most a minute behind).
    pub laatst_gebruikt: chrono::DateTime<chrono::Utc>,
}

/// Like `gebruiker_voor_token`, plus the second-factor requirement of the user's roles.
pub async fn sessie_voor_token(
    db: &Db,
    token: &str,
    inactief_max: chrono::Duration,
) -> Result<Option<Sessie>, AuthFout> {
    let Some(levend) = levende_sessie(db, token, inactief_max).await? else { return Ok(None) };
    let gebruiker = levend.gebruiker;
    let moet_inschrijven = match super::tweede_factor::service::moet_inschrijven(db, &gebruiker).await {
        Ok(m) => m,
        Err(e) => {
            // Fail closed: without an answer the user gets only the enrolment page.
            tracing::error!(error = %e, "second-factor requirement unknown");
            true
        }
    };
    Ok(Some(Sessie { gebruiker, moet_inschrijven, verloopt: levend.verloopt, laatst_gebruikt: levend.laatst_gebruikt }))
}

/// Checks the password of a logged-in user (own password change).
/// Whether the throttle key `sleutel` (e.g. `opvolgen:<address>`) had too many failures lately.
pub async fn te_veel_pogingen(db: &Db, sleutel: &str) -> Result<bool, AuthFout> {
    let p = repo::mislukte_pogingen(db, &[sleutel.to_string()], chrono::Utc::now() - VENSTER).await?;
    Ok(p.iter().any(|p| p.aantal >= MAX_PER_ADRES))
}

/// Counts a failure for the throttle key `sleutel`.
pub async fn registreer_poging(db: &Db, sleutel: &str) -> Result<(), AuthFout> {
    Ok(repo::registreer_mislukt(db, &[sleutel.to_string()]).await?)
}

pub async fn wachtwoord_klopt(db: &Db, email: &str, w: Wachtwoord) -> Result<bool, AuthFout> {
    let rij = repo::voor_login(db, &email.trim().to_lowercase()).await?;
    let hash = rij.as_ref().map_or(GEEN_ACCOUNT.to_string(), |r| r.wachtwoord_hash.clone());
    Ok(klopt(w, hash).await && rij.is_some())
}

/// The user behind a session token; `None` for unknown, expired, idle or disabled sessions.
pub async fn gebruiker_voor_token(
    db: &Db,
    token: &str,
    inactief_max: chrono::Duration,
) -> Result<Option<Gebruiker>, AuthFout> {
    Ok(levende_sessie(db, token, inactief_max).await?.map(|l| l.gebruiker))
}

async fn levende_sessie(
    db: &Db,
    token: &str,
    inactief_max: chrono::Duration,
) -> Result<Option<repo::LevendeSessie>, AuthFout> {
    if token.len() != 64 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(None);
    }
    Ok(repo::sessie_gebruiker(db, &geheim::hash(token), chrono::Utc::now() - inactief_max).await?)
}

pub async fn meld_af(db: &Db, token: &str) -> Result<(), AuthFout> {
    Ok(repo::verwijder_sessie(db, &geheim::hash(token)).await?)
}

/// Put on each request by the server's session layer.
#[derive(Debug, Clone)]
pub struct Aangemeld(pub Gebruiker);

/// The user of the current request, if logged in.
pub fn huidige_gebruiker() -> Option<Gebruiker> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<Aangemeld>().map(|a| a.0.clone()))
}

/// The role check at the top of every staff server function, with refusals in the audit log.
pub async fn toegang(db: &Db, rollen: &[Rol], object: Option<&str>) -> Result<Gebruiker, AppError> {
    let resultaat = vereis(rollen);
    if resultaat.is_err() {
        audit::schrijf_voor_verzoek(db, huidige_gebruiker().as_ref(), Actie::Geweigerd, object).await;
    }
    resultaat
}

/// The role check itself (synchronous; `toegang` adds the audit entry).
/// A refusal answers 401 or 403, never 500.
pub fn vereis(rollen: &[Rol]) -> Result<Gebruiker, AppError> {
    let zet = |code: http::StatusCode| {
        if let Some(opts) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            opts.set_status(code);
        }
    };
    let Some(g) = huidige_gebruiker() else {
        zet(http::StatusCode::UNAUTHORIZED);
        return Err(AppError::NietAangemeld);
    };
    if g.heeft_een_van(rollen) {
        Ok(g)
    } else {
        tracing::warn!(gebruiker = %g.id, "access refused");
        zet(http::StatusCode::FORBIDDEN);
        Err(AppError::GeenToegang)
    }
}

pub use super::wijzigen::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_for_unknown_accounts_makes_argon2_do_the_full_work() {
        // If it did not parse, a login for an unknown address would answer measurably faster.
        let h = PasswordHash::new(GEEN_ACCOUNT).unwrap();
        assert_eq!(h.algorithm.as_str(), "argon2id");
        let standaard = argon2::Params::default();
        let params = argon2::Params::try_from(&h).unwrap();
        assert_eq!(
            (params.m_cost(), params.t_cost(), params.p_cost()),
            (standaard.m_cost(), standaard.t_cost(), standaard.p_cost())
        );
        assert!(h.hash.is_some());
    }
}
