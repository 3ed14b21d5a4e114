//! The brake on guessing passwords and codes, built so that no stranger can lock a staff member
//! out (README "Security", what is promised):
//! - per client address: 20 failures in 15 minutes refuse that address (the guesser's own);
//! - per account: 5 failures in 15 minutes refuse further attempts for that account, except
//!   from a browser the account fully signed in from before (a device cookie signed with the
//!   key file, valid 90 days): the owner keeps getting in with the right password and second
//!   factor, while a guesser elsewhere gets nothing more to try;
//! - per known browser: 5 failures in 15 minutes refuse that device cookie too, so a copied
//!   device cookie buys no extra guesses.

use super::repo;
use super::service::AuthFout;
use crate::gemeen::Db;
use crate::kluis::Kluis;
use chrono::{DateTime, TimeDelta, Utc};
use std::net::IpAddr;

/// Failed attempts within this window count towards the limits below.
pub const VENSTER: TimeDelta = TimeDelta::minutes(15);
pub const MAX_PER_ACCOUNT: i64 = 5;
pub const MAX_PER_ADRES: i64 = 20;
pub const MAX_PER_TOESTEL: i64 = 5;
/// How long a browser stays known after a full sign-in.
pub const TOESTEL_DAGEN: i64 = 90;

/// Where a sign-in attempt comes from: the client address and the device cookie, if any.
#[derive(Debug, Clone, Default)]
pub struct Herkomst {
    pub adres: Option<IpAddr>,
    toestel: Option<(Kluis, String)>,
}

impl Herkomst {
    pub fn van(adres: Option<IpAddr>) -> Self {
        Self { adres, toestel: None }
    }

    /// With the device cookie the browser sent (checked against the account later).
    pub fn met_toestel(self, kluis: &Kluis, cookie: Option<String>) -> Self {
        Self { toestel: cookie.map(|c| (kluis.clone(), c)), ..self }
    }

    /// The id of this browser if its device cookie is a valid one for `email`.
    fn toestel_voor(&self, email: &str, nu: DateTime<Utc>) -> Option<String> {
        let (kluis, cookie) = self.toestel.as_ref()?;
        herken(kluis, email, cookie, nu)
    }
}

/// A device cookie for `email`: `v1.<day issued>.<random id>.<HMAC>`.
pub fn nieuw_toestel(kluis: &Kluis, email: &str, nu: DateTime<Utc>) -> String {
    let id = crate::geheim::hex(&rand::random::<[u8; 16]>());
    let dag = nu.timestamp().div_euclid(86_400);
    format!("v1.{dag}.{id}.{}", kluis.vingerafdruk(&inhoud(email, dag, &id)))
}

fn inhoud(email: &str, dag: i64, id: &str) -> String {
    format!("toestel\n{}\n{dag}\n{id}", email.trim().to_lowercase())
}

/// The browser id of a device cookie that is valid for `email` and not older than 90 days.
pub fn herken(kluis: &Kluis, email: &str, cookie: &str, nu: DateTime<Utc>) -> Option<String> {
    let mut delen = cookie.split('.');
    let (Some("v1"), Some(dag), Some(id), Some(mac), None) =
        (delen.next(), delen.next(), delen.next(), delen.next(), delen.next())
    else {
        return None;
    };
    let dag: i64 = dag.parse().ok()?;
    let leeftijd = nu.timestamp().div_euclid(86_400) - dag;
    let verwacht = kluis.vingerafdruk(&inhoud(email, dag, id));
    ((0..=TOESTEL_DAGEN).contains(&leeftijd) && gelijk(mac, &verwacht)).then(|| id.to_string())
}

/// Compares without stopping at the first difference (no timing hint at the right MAC).
fn gelijk(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The keys an attempt for `email` counts under, and whether its browser is known to it.
pub(crate) struct Sleutels {
    pub lijst: Vec<String>,
    pub bekend: bool,
}

impl Sleutels {
    pub fn account(&self) -> &str {
        &self.lijst[0]
    }
}

pub(crate) fn sleutels(email: &str, h: &Herkomst, nu: DateTime<Utc>) -> Sleutels {
    let mut lijst = vec![format!("account:{email}")];
    lijst.extend(h.adres.map(|a| format!("adres:{a}")));
    let toestel = h.toestel_voor(email, nu);
    lijst.extend(toestel.as_ref().map(|t| format!("toestel:{t}")));
    Sleutels { lijst, bekend: toestel.is_some() }
}

fn limiet(sleutel: &str) -> Option<i64> {
    match sleutel.split(':').next() {
        Some("account") => Some(MAX_PER_ACCOUNT),
        Some("adres") => Some(MAX_PER_ADRES),
        Some("toestel") => Some(MAX_PER_TOESTEL),
        _ => None,
    }
}

/// Until when further attempts are refused. A known browser is not held back by the
/// account's count (only by its own and its address's).
pub(crate) async fn blokkade(db: &Db, s: &Sleutels, nu: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, AuthFout> {
    let pogingen = repo::mislukte_pogingen(db, &s.lijst, nu - VENSTER).await?;
    let telt = |sleutel: &str| !(s.bekend && sleutel.starts_with("account:"));
    let p = pogingen
        .iter()
        .filter(|p| telt(&p.sleutel) && limiet(&p.sleutel).is_some_and(|l| p.aantal >= l))
        .max_by_key(|p| p.oudste);
    if let Some(p) = p {
        tracing::warn!(sleutel = %p.sleutel.split(':').next().unwrap_or(""), "login throttled");
    }
    Ok(p.map(|p| p.oudste + VENSTER))
}

pub(crate) async fn registreer(db: &Db, s: &Sleutels) -> Result<(), AuthFout> {
    Ok(repo::registreer_mislukt(db, &s.lijst).await?)
}

/// After a full sign-in the account starts with a clean count.
pub(crate) async fn wis(db: &Db, s: &Sleutels) -> Result<(), AuthFout> {
    Ok(repo::wis_pogingen(db, s.account()).await?)
}

/// The check of the current password on the own account page (`POST /account/wachtwoord`).
pub enum Huidig {
    Goed,
    Fout,
    /// Too many wrong ones: refused until then, without checking.
    Geblokkeerd(DateTime<Utc>),
}

/// Checks the current password of `gebruiker`, at most 5 wrong ones in 15 minutes: a stolen
/// session must not become a way to guess the password.
pub(crate) async fn controleer_huidig(
    db: &Db,
    gebruiker: &str,
    email: &str,
    w: super::model::Wachtwoord,
    nu: DateTime<Utc>,
) -> Result<Huidig, AuthFout> {
    let sleutel = format!("wachtwoord:{gebruiker}");
    let p = repo::mislukte_pogingen(db, std::slice::from_ref(&sleutel), nu - VENSTER).await?;
    if let Some(p) = p.iter().find(|p| p.aantal >= MAX_PER_ACCOUNT) {
        return Ok(Huidig::Geblokkeerd(p.oudste + VENSTER));
    }
    if super::service::wachtwoord_klopt(db, email, w).await? {
        repo::wis_pogingen(db, &sleutel).await?;
        Ok(Huidig::Goed)
    } else {
        repo::registreer_mislukt(db, &[sleutel]).await?;
        Ok(Huidig::Fout)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_cookie_holds_for_its_account_for_ninety_days_only() {
        let kluis = Kluis::tijdelijk();
        let nu = Utc::now();
        let c = nieuw_toestel(&kluis, "Els@Meldpunt.test", nu);
        assert!(herken(&kluis, "els@meldpunt.test", &c, nu).is_some());
        assert!(herken(&kluis, "els@meldpunt.test", &c, nu + TimeDelta::days(89)).is_some());
        assert!(herken(&kluis, "els@meldpunt.test", &c, nu + TimeDelta::days(92)).is_none(), "expired");
        assert!(herken(&kluis, "bart@meldpunt.test", &c, nu).is_none(), "another account");
        assert!(herken(&Kluis::tijdelijk(), "els@meldpunt.test", &c, nu).is_none(), "another key");
        let mut vervalst = c.clone();
        vervalst.replace_range(3..4, if &c[3..4] == "9" { "8" } else { "9" });
        assert!(herken(&kluis, "els@meldpunt.test", &vervalst, nu).is_none(), "the day is signed");
        for fout in ["", "v1", "v1.1.2", "v2.1.2.3", &format!("{c}.x")] {
            assert!(herken(&kluis, "els@meldpunt.test", fout, nu).is_none(), "{fout}");
        }
    }
}
