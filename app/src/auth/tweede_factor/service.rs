//! Enrolment, the code step of the login, recovery codes and the per-role requirement.

use super::model::{Code, Inschrijving, TweedeFactorStand};
use super::repo;
use super::totp::{Geheim, herstelcodes, qr_svg};
use crate::auth::model::{Gebruiker, Rol};
use crate::auth::rem::{self, Herkomst};
use crate::auth::service::{self as auth, Aanmelding, AuthFout};
use crate::error::AppError;
use crate::geheim;
use crate::gemeen::Db;
use crate::gemeen::audit;
use crate::gemeen::audit::{Actie, Wie};
use crate::gemeen::{Foutsoort, GebruikersFout, STORING};
use crate::kluis::{self, Kluis, KluisFout};
use chrono::{DateTime, Utc};

/// How long the code step may take after the password was accepted.
pub const STAP_DUUR: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

#[derive(Debug, thiserror::Error)]
pub enum TweedeFactorFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("auth: {0}")]
    Auth(#[from] AuthFout),
    #[error("the TOTP secret or its QR code could not be made")]
    Totp,
    #[error("no enrolment in progress")]
    GeenInschrijving,
    #[error("wrong code at enrolment")]
    FouteCode,
    #[error("TOTP secret: {0}")]
    Kluis(#[from] KluisFout),
}

impl GebruikersFout for TweedeFactorFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::GeenInschrijving | Self::FouteCode => Foutsoort::Ongeldig,
            _ => Foutsoort::Storing,
        }
    }

    fn bericht(&self) -> String {
        match self {
            Self::GeenInschrijving => "Begin opnieuw met instellen: er loopt geen instelling (meer).".into(),
            Self::FouteCode => "Deze code klopt niet. Typ de zes cijfers die de app nu toont.".into(),
            _ => STORING.into(),
        }
    }

    fn veld(&self) -> Option<&'static str> {
        matches!(self, Self::FouteCode).then_some("code")
    }
}

impl From<TweedeFactorFout> for AppError {
    fn from(e: TweedeFactorFout) -> Self {
        e.naar_app()
    }
}

fn unix(nu: DateTime<Utc>) -> u64 {
    u64::try_from(nu.timestamp()).unwrap_or(0)
}

fn inschrijving(g: &Gebruiker, geheim: &Geheim) -> Result<Inschrijving, TweedeFactorFout> {
    let url = geheim.otpauth_url(&g.email).ok_or(TweedeFactorFout::Totp)?;
    let qr_svg = qr_svg(
        &url,
        "QR-code om Meldpunt toe te voegen aan uw authenticator-app. Lukt scannen niet? Typ dan de sleutel onder de code over.",
    )
    .ok_or(TweedeFactorFout::Totp)?;
    Ok(Inschrijving { qr_svg, geheim_groepen: geheim.in_groepen() })
}

/// Starts (or restarts) an enrolment: a new secret, kept apart (encrypted) until a code confirms it.
pub async fn begin(db: &Db, kluis: &Kluis, g: &Gebruiker) -> Result<Inschrijving, TweedeFactorFout> {
    let geheim = Geheim::nieuw();
    repo::zet_nieuw_geheim(db, &g.id, &kluis.versleutel(geheim.base32(), &g.id)?).await?;
    inschrijving(g, &geheim)
}

/// The enrolment in progress: its secret as stored, and decrypted.
async fn nieuw_geheim(db: &Db, kluis: &Kluis, g: &Gebruiker) -> Result<(String, Geheim), TweedeFactorFout> {
    let opgeslagen = repo::nieuw_geheim(db, &g.id).await?.ok_or(TweedeFactorFout::GeenInschrijving)?;
    let geheim = Geheim::van(kluis.ontsleutel(&opgeslagen, &g.id)?);
    Ok((opgeslagen, geheim))
}

/// The enrolment in progress, shown again (e.g. after a wrong code).
pub async fn lopend(db: &Db, kluis: &Kluis, g: &Gebruiker) -> Result<Inschrijving, TweedeFactorFout> {
    inschrijving(g, &nieuw_geheim(db, kluis, g).await?.1)
}

/// Confirms the enrolment with a code from the app. Turns the second factor on, ends every
/// session of the account and opens a new one for this browser; answers the new session token
/// and the recovery codes (shown once; only their hashes are kept).
pub async fn bevestig(
    db: &Db,
    kluis: &Kluis,
    g: &Gebruiker,
    code: &str,
    nu: DateTime<Utc>,
    duur: chrono::Duration,
    adres: Option<std::net::IpAddr>,
) -> Result<(String, Vec<String>), TweedeFactorFout> {
    let (opgeslagen, geheim) = nieuw_geheim(db, kluis, g).await?;
    let Some(Code::Totp(code)) = Code::parse(code) else { return Err(TweedeFactorFout::FouteCode) };
    let stap = geheim.controleer(&code, unix(nu)).ok_or(TweedeFactorFout::FouteCode)?;
    let codes = herstelcodes();
    let hashes = codes.iter().map(|c| kluis.vingerafdruk(&geheim::normaliseer_code(c))).collect();
    if !repo::activeer(db, &g.id, &opgeslagen, i64::try_from(stap).unwrap_or(i64::MAX), hashes).await? {
        return Err(TweedeFactorFout::GeenInschrijving);
    }
    let token = auth::open_sessie(db, &g.id, nu, duur).await?;
    audit::schrijf(
        db,
        Wie::Gebruiker(g),
        Actie::Wijzigen,
        Some(&format!("account:{} tweede factor ingesteld", g.email)),
        adres,
    )
    .await;
    Ok((token, codes))
}

pub async fn stand(db: &Db, g: &Gebruiker) -> Result<TweedeFactorStand, TweedeFactorFout> {
    let rij = repo::stand(db, &g.id).await?;
    Ok(TweedeFactorStand {
        ingesteld: rij.as_ref().is_some_and(|r| r.ingesteld),
        verplicht: is_verplicht(db, g).await?,
        herstelcodes_over: rij.map_or(0, |r| usize::try_from(r.over).unwrap_or(0)),
    })
}

pub async fn verplichte_rollen(db: &Db) -> Result<Vec<Rol>, TweedeFactorFout> {
    Ok(repo::verplichte_rollen(db).await?)
}

async fn is_verplicht(db: &Db, g: &Gebruiker) -> Result<bool, TweedeFactorFout> {
    Ok(g.heeft_een_van(&verplichte_rollen(db).await?))
}

/// Must this user enrol before doing anything else? (A role of theirs requires a second
/// factor and they have none.)
pub async fn moet_inschrijven(db: &Db, g: &Gebruiker) -> Result<bool, TweedeFactorFout> {
    Ok(is_verplicht(db, g).await? && repo::heeft_totp(db, &g.id).await? == Some(false))
}

/// Sets which roles require a second factor (admin), audited.
pub async fn zet_verplicht(
    db: &Db,
    door: &Gebruiker,
    rollen: &[Rol],
    adres: Option<std::net::IpAddr>,
) -> Result<(), TweedeFactorFout> {
    repo::zet_verplichte_rollen(db, rollen.to_vec()).await?;
    let lijst = rollen.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ");
    audit::schrijf(
        db,
        Wie::Gebruiker(door),
        Actie::Wijzigen,
        Some(&format!("tweede factor verplicht voor: {lijst}")),
        adres,
    )
    .await;
    Ok(())
}

/// Removes an account's second factor (admin, e.g. after a lost phone); its sessions end.
pub async fn wis(
    db: &Db,
    door: &Gebruiker,
    email: &str,
    adres: Option<std::net::IpAddr>,
) -> Result<(), TweedeFactorFout> {
    repo::wis(db, email).await?;
    audit::schrijf(
        db,
        Wie::Gebruiker(door),
        Actie::Wijzigen,
        Some(&format!("account:{email} tweede factor gewist")),
        adres,
    )
    .await;
    Ok(())
}

/// After the password: a short-lived step token for the browser's cookie.
pub async fn open_stap(db: &Db, gebruiker: &str, nu: DateTime<Utc>) -> Result<String, AuthFout> {
    let token = geheim::sessie_token();
    repo::maak_stap(db, &geheim::hash(&token), gebruiker, nu + STAP_DUUR).await?;
    Ok(token)
}

/// The code step of the login: a TOTP code (each accepted once) or an unused recovery code.
/// Wrong codes count towards the same limits as wrong passwords; the session opens only here.
pub async fn meld_aan_met_code(
    db: &Db,
    kluis: &Kluis,
    stap_token: &str,
    code: &str,
    duur: chrono::Duration,
    herkomst: &Herkomst,
    nu: DateTime<Utc>,
) -> Result<Aanmelding, AuthFout> {
    if stap_token.len() != 64 || !stap_token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(Aanmelding::Verlopen);
    }
    let stap_hash = geheim::hash(stap_token);
    let Some(rij) = repo::stap(db, &stap_hash).await? else { return Ok(Aanmelding::Verlopen) };
    let sleutels = rem::sleutels(&rij.email, herkomst, nu);
    let adres = herkomst.adres;
    if let Some(tot) = rem::blokkade(db, &sleutels, nu).await? {
        audit::schrijf(db, Wie::Onbekend, Actie::AanmeldenMislukt, Some(sleutels.account()), adres).await;
        return Ok(Aanmelding::Geblokkeerd(tot));
    }
    if !code_klopt(db, kluis, &rij, code, nu).await? {
        rem::registreer(db, &sleutels).await?;
        let object = format!("{} tweede factor", sleutels.account());
        audit::schrijf(db, Wie::Onbekend, Actie::AanmeldenMislukt, Some(&object), adres).await;
        return Ok(Aanmelding::Mislukt);
    }
    repo::verwijder_stap(db, &stap_hash).await?;
    rem::wis(db, &sleutels).await?;
    let token = auth::open_sessie(db, &rij.id, nu, duur).await?;
    audit::schrijf(db, Wie::Account(&rij.id), Actie::Aanmelden, Some("tweede factor"), adres).await;
    Ok(Aanmelding::Gelukt(token))
}

/// Whether `code` is a TOTP code not used before or an unused recovery code of the account.
async fn code_klopt(
    db: &Db,
    kluis: &Kluis,
    rij: &repo::StapRij,
    code: &str,
    nu: DateTime<Utc>,
) -> Result<bool, AuthFout> {
    Ok(match (Code::parse(code), &rij.geheim) {
        (Some(Code::Totp(c)), Some(g)) => {
            match kluis.ontsleutel(g, &rij.id).map(|g| Geheim::van(g).controleer(&c, unix(nu))) {
                Ok(Some(stap)) => repo::gebruik_stap(db, &rij.id, i64::try_from(stap).unwrap_or(i64::MAX)).await?,
                Ok(None) => false,
                // Another key than the one the secret was stored with: no code can be right. An
                // administrator removes the second factor so the person can enrol again.
                Err(e) => {
                    tracing::error!(error = %e, gebruiker = %rij.id, "TOTP secret does not decrypt");
                    false
                }
            }
        }
        (Some(Code::Herstel(c)), Some(_)) => {
            // Codes of 10 symbols were stored as a plain SHA-256 before the keyed fingerprint.
            let opgeslagen = if c.len() == 10 { geheim::hash(&c) } else { kluis.vingerafdruk(&c) };
            repo::gebruik_herstelcode(db, &rij.id, &opgeslagen).await?
        }
        _ => false,
    })
}

/// Demo mode only: enrols an account with a fixed, known secret (so tests can compute codes).
pub async fn demo_inschrijven(
    db: &Db,
    kluis: &Kluis,
    email: &str,
    geheim_base32: &str,
) -> Result<(), TweedeFactorFout> {
    let Some(rij) = crate::auth::repo::voor_login(db, email).await? else { return Ok(()) };
    repo::zet_geheim(db, email, &kluis.versleutel(geheim_base32, &rij.id)?, Vec::new()).await?;
    Ok(())
}

/// Encrypts the TOTP secrets stored before they were encrypted (at start-up; a no-op once
/// done). Returns how many it encrypted.
pub async fn versleutel_oude_geheimen(db: &Db, kluis: &Kluis) -> Result<usize, TweedeFactorFout> {
    let rijen = repo::onversleuteld(db, kluis::VOORVOEGSEL).await?;
    for rij in &rijen {
        repo::vervang_geheim(db, rij, &kluis.versleutel(&rij.waarde, &rij.id)?).await?;
    }
    Ok(rijen.len())
}
