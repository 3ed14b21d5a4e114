//! Changes to an account by an admin or the CLI: password, roles, active. Each ends the
//! account's sessions and is audited.

use super::model::{Gebruiker, Rol, Wachtwoord};
use super::repo;
use super::service::{AuthFout, hash_wachtwoord};
use crate::gemeen::Db;
use crate::gemeen::audit::{self, Actie};

/// Who changes an account, for the audit log: an admin in the browser, or nobody known (CLI).
#[derive(Debug, Clone, Copy, Default)]
pub struct Door<'a> {
    pub gebruiker: Option<&'a Gebruiker>,
    pub adres: Option<std::net::IpAddr>,
}

async fn audit_wijziging(db: &Db, door: Door<'_>, email: &str, wat: &str) {
    let wie = door.gebruiker.map_or(audit::Wie::Onbekend, |g| audit::Wie::Gebruiker(g));
    audit::schrijf(db, wie, Actie::Wijzigen, Some(&format!("account:{email} {wat}")), door.adres).await;
}

/// A new password; every session of the account ends. `false` for an unknown account.
pub async fn zet_wachtwoord(db: &Db, email: &str, w: Wachtwoord) -> Result<bool, AuthFout> {
    zet_wachtwoord_door(db, Door::default(), email, w).await
}

pub async fn zet_wachtwoord_door(db: &Db, door: Door<'_>, email: &str, w: Wachtwoord) -> Result<bool, AuthFout> {
    let email = email.trim().to_lowercase();
    if repo::voor_login(db, &email).await?.is_none() {
        return Ok(false);
    }
    let hash = hash_wachtwoord(w).await?;
    repo::zet_wachtwoord(db, &email, &hash).await?;
    audit_wijziging(db, door, &email, "wachtwoord").await;
    Ok(true)
}

/// New roles (a change of privilege); every session of the account ends.
pub async fn zet_rollen(db: &Db, email: &str, rollen: &[Rol]) -> Result<bool, AuthFout> {
    zet_rollen_door(db, Door::default(), email, rollen).await
}

pub async fn zet_rollen_door(db: &Db, door: Door<'_>, email: &str, rollen: &[Rol]) -> Result<bool, AuthFout> {
    let email = email.trim().to_lowercase();
    if repo::voor_login(db, &email).await?.is_none() {
        return Ok(false);
    }
    repo::zet_rollen(db, &email, rollen).await?;
    let lijst = rollen.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ");
    audit_wijziging(db, door, &email, &format!("rollen: {lijst}")).await;
    Ok(true)
}

/// Disables (or enables again) an account; disabling ends its sessions at once.
pub async fn zet_actief(db: &Db, email: &str, actief: bool) -> Result<bool, AuthFout> {
    zet_actief_door(db, Door::default(), email, actief).await
}

pub async fn zet_actief_door(db: &Db, door: Door<'_>, email: &str, actief: bool) -> Result<bool, AuthFout> {
    let email = email.trim().to_lowercase();
    if repo::voor_login(db, &email).await?.is_none() {
        return Ok(false);
    }
    repo::zet_actief(db, &email, actief).await?;
    audit_wijziging(db, door, &email, if actief { "ingeschakeld" } else { "uitgeschakeld" }).await;
    Ok(true)
}
