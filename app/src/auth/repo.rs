//! SurrealQL for accounts and sessions. Every value is bound, never spliced.

use super::model::{Gebruiker, Rol};
use crate::gemeen::Db;
use chrono::{DateTime, Utc};
use surrealdb::types::{SurrealValue, Value};

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct GebruikerRij {
    id: String,
    email: String,
    naam: String,
    rollen: Vec<Rol>,
}

impl From<GebruikerRij> for Gebruiker {
    fn from(r: GebruikerRij) -> Self {
        Gebruiker { id: r.id, email: r.email, naam: r.naam, rollen: r.rollen }
    }
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct LoginRij {
    pub id: String,
    pub wachtwoord_hash: String,
    pub actief: bool,
    /// A second factor is enrolled (the secret itself is not read here).
    pub totp: bool,
}

pub async fn voeg_toe(db: &Db, email: &str, naam: &str, rollen: &[Rol], hash: &str) -> surrealdb::Result<String> {
    let mut res = db
        .query(
            "CREATE ONLY gebruiker SET email = $email, naam = $naam, rollen = $rollen,
                 wachtwoord_hash = $hash, actief = true
             RETURN VALUE record::id(id)",
        )
        .bind(("email", email.to_string()))
        .bind(("naam", naam.to_string()))
        .bind(("rollen", rollen.to_vec()))
        .bind(("hash", hash.to_string()))
        .await?
        .check()?;
    let id: Option<String> = res.take(0)?;
    Ok(id.unwrap_or_default())
}

/// A change to an account that ends all of its sessions in the same transaction (password,
/// roles, disabling): whoever used the account must log in again under the new terms.
/// `veld` is one of our own field names, never input.
async fn wijzig_en_meld_af<W>(db: &Db, email: &str, veld: &'static str, waarde: W) -> surrealdb::Result<()>
where
    W: SurrealValue + Send + 'static,
{
    db.query(format!(
        "BEGIN TRANSACTION;
         LET $ids = (UPDATE gebruiker SET {veld} = $waarde WHERE email = $email RETURN VALUE id);
         DELETE sessie WHERE gebruiker IN $ids;
         COMMIT TRANSACTION;"
    ))
    .bind(("email", email.to_string()))
    .bind(("waarde", waarde))
    .await?
    .check()?;
    Ok(())
}

pub async fn zet_wachtwoord(db: &Db, email: &str, hash: &str) -> surrealdb::Result<()> {
    wijzig_en_meld_af(db, email, "wachtwoord_hash", hash.to_string()).await
}

pub async fn zet_rollen(db: &Db, email: &str, rollen: &[Rol]) -> surrealdb::Result<()> {
    wijzig_en_meld_af(db, email, "rollen", rollen.to_vec()).await
}

pub async fn zet_actief(db: &Db, email: &str, actief: bool) -> surrealdb::Result<()> {
    wijzig_en_meld_af(db, email, "actief", actief).await
}

pub async fn voor_login(db: &Db, email: &str) -> surrealdb::Result<Option<LoginRij>> {
    let mut res = db
        .query(
            "SELECT record::id(id) AS id, wachtwoord_hash, actief, totp_geheim != NONE AS totp
             FROM ONLY gebruiker WHERE email = $email LIMIT 1",
        )
        .bind(("email", email.to_string()))
        .await?
        .check()?;
    res.take(0)
}

pub async fn maak_sessie(db: &Db, token_hash: &str, gebruiker: &str, verloopt: DateTime<Utc>) -> surrealdb::Result<()> {
    db.query(
        "CREATE sessie SET token_hash = $hash, gebruiker = type::record('gebruiker', $gebruiker),
             aangemaakt = time::now(), verloopt = $verloopt",
    )
    .bind(("hash", token_hash.to_string()))
    .bind(("gebruiker", gebruiker.to_string()))
    .bind(("verloopt", verloopt))
    .await?
    .check()?;
    Ok(())
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct SessieRij {
    laatst_gebruikt: DateTime<Utc>,
    verloopt: DateTime<Utc>,
    #[surreal(flatten)]
    gebruiker: GebruikerRij,
}

/// A live session's user with its limits: the absolute expiry and when it was last marked used.
pub struct LevendeSessie {
    pub gebruiker: Gebruiker,
    pub verloopt: DateTime<Utc>,
    pub laatst_gebruikt: DateTime<Utc>,
}

/// The user of a live session of an active account: not past its absolute expiry and used
/// after `actief_sinds` (the idle limit). Marks the session as used, at most once a minute.
pub async fn sessie_gebruiker(
    db: &Db,
    token_hash: &str,
    actief_sinds: DateTime<Utc>,
) -> surrealdb::Result<Option<LevendeSessie>> {
    let mut res = db
        .query(
            "SELECT laatst_gebruikt, verloopt, record::id(gebruiker) AS id, gebruiker.email AS email,
                    gebruiker.naam AS naam, gebruiker.rollen AS rollen
             FROM ONLY sessie
             WHERE token_hash = $hash AND verloopt > time::now() AND laatst_gebruikt > $sinds
                   AND gebruiker.actief = true
             LIMIT 1",
        )
        .bind(("hash", token_hash.to_string()))
        .bind(("sinds", actief_sinds))
        .await?
        .check()?;
    let Some(rij): Option<SessieRij> = res.take(0)? else { return Ok(None) };
    let mut laatst_gebruikt = rij.laatst_gebruikt;
    let nu = Utc::now();
    if laatst_gebruikt < nu - chrono::TimeDelta::minutes(1) {
        db.query("UPDATE sessie SET laatst_gebruikt = time::now() WHERE token_hash = $hash")
            .bind(("hash", token_hash.to_string()))
            .await?
            .check()?;
        laatst_gebruikt = nu;
    }
    Ok(Some(LevendeSessie { gebruiker: Gebruiker::from(rij.gebruiker), verloopt: rij.verloopt, laatst_gebruikt }))
}

pub async fn verwijder_sessie(db: &Db, token_hash: &str) -> surrealdb::Result<()> {
    db.query("DELETE sessie WHERE token_hash = $hash").bind(("hash", token_hash.to_string())).await?.check()?;
    Ok(())
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct Pogingen {
    pub sleutel: String,
    pub aantal: i64,
    pub oudste: DateTime<Utc>,
}

/// Failed logins per key since `sinds`.
pub async fn mislukte_pogingen(db: &Db, sleutels: &[String], sinds: DateTime<Utc>) -> surrealdb::Result<Vec<Pogingen>> {
    let mut res = db
        .query(
            "SELECT sleutel, count() AS aantal, time::min(tijdstip) AS oudste FROM login_poging
             WHERE sleutel IN $sleutels AND tijdstip > $sinds GROUP BY sleutel",
        )
        .bind(("sleutels", sleutels.to_vec()))
        .bind(("sinds", sinds))
        .await?
        .check()?;
    res.take(0)
}

pub async fn registreer_mislukt(db: &Db, sleutels: &[String]) -> surrealdb::Result<()> {
    db.query("FOR $s IN $sleutels { CREATE login_poging SET sleutel = $s, tijdstip = time::now(); }")
        .bind(("sleutels", sleutels.to_vec()))
        .await?
        .check()?;
    Ok(())
}

pub async fn wis_pogingen(db: &Db, sleutel: &str) -> surrealdb::Result<()> {
    db.query("DELETE login_poging WHERE sleutel = $s").bind(("s", sleutel.to_string())).await?.check()?;
    Ok(())
}

/// How many rows the clean-up removed, per kind.
#[derive(Debug, Default, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct Opgeruimd {
    pub sessies: i64,
    pub stappen: i64,
    pub pogingen: i64,
}

/// Removes sessions past their end or idle since `inactief_sinds`, login steps past their end,
/// and failed attempts older than `pogingen_voor` (they no longer count).
pub async fn ruim_op(
    db: &Db,
    inactief_sinds: DateTime<Utc>,
    pogingen_voor: DateTime<Utc>,
) -> surrealdb::Result<Opgeruimd> {
    let mut res = db
        .query(
            "LET $s = (DELETE sessie WHERE verloopt <= time::now() OR laatst_gebruikt <= $inactief RETURN BEFORE);
             LET $a = (DELETE aanmeldstap WHERE verloopt <= time::now() RETURN BEFORE);
             LET $p = (DELETE login_poging WHERE tijdstip <= $oud RETURN BEFORE);
             RETURN { sessies: array::len($s), stappen: array::len($a), pogingen: array::len($p) };",
        )
        .bind(("inactief", inactief_sinds))
        .bind(("oud", pogingen_voor))
        .await?
        .check()?;
    Ok(res.take::<Option<Opgeruimd>>(3)?.unwrap_or_default())
}
