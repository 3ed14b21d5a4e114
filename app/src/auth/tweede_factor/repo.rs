//! SurrealQL for the second factor. Every value is bound.

use crate::auth::model::Rol;
use crate::gemeen::Db;
use chrono::{DateTime, Utc};
use surrealdb::types::SurrealValue;

pub async fn zet_nieuw_geheim(db: &Db, id: &str, geheim: &str) -> surrealdb::Result<()> {
    db.query("UPDATE type::record('gebruiker', $id) SET totp_nieuw = $g RETURN NONE")
        .bind(("id", id.to_string()))
        .bind(("g", geheim.to_string()))
        .await?
        .check()?;
    Ok(())
}

pub async fn nieuw_geheim(db: &Db, id: &str) -> surrealdb::Result<Option<String>> {
    let mut res = db
        .query("SELECT VALUE totp_nieuw FROM ONLY type::record('gebruiker', $id)")
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    Ok(res.take::<Option<Option<String>>>(0)?.flatten())
}

/// Turns the confirmed secret on, with the step just used and the recovery codes' hashes, and
/// ends every session of the account (the caller opens a new one): one transaction.
pub async fn activeer(db: &Db, id: &str, geheim: &str, stap: i64, herstel: Vec<String>) -> surrealdb::Result<bool> {
    let mut res = db
        .query(
            "BEGIN TRANSACTION;
             LET $ids = (UPDATE type::record('gebruiker', $id)
                 SET totp_geheim = totp_nieuw, totp_nieuw = NONE, totp_stap = $stap, herstelcodes = $herstel
                 WHERE totp_nieuw = $geheim RETURN VALUE id);
             DELETE sessie WHERE gebruiker IN $ids;
             array::len($ids);
             COMMIT TRANSACTION;",
        )
        .bind(("id", id.to_string()))
        .bind(("geheim", geheim.to_string()))
        .bind(("stap", stap))
        .bind(("herstel", herstel))
        .await?
        .check()?;
    // Results: BEGIN, LET, DELETE, the count, COMMIT.
    let n: Option<i64> = res.take(3)?;
    Ok(n == Some(1))
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct StapRij {
    pub id: String,
    pub email: String,
    pub geheim: Option<String>,
}

pub async fn maak_stap(db: &Db, token_hash: &str, gebruiker: &str, verloopt: DateTime<Utc>) -> surrealdb::Result<()> {
    db.query(
        "DELETE aanmeldstap WHERE verloopt < time::now();
         CREATE aanmeldstap SET token_hash = $hash, gebruiker = type::record('gebruiker', $g), verloopt = $verloopt",
    )
    .bind(("hash", token_hash.to_string()))
    .bind(("g", gebruiker.to_string()))
    .bind(("verloopt", verloopt))
    .await?
    .check()?;
    Ok(())
}

/// The account behind a live login step of an active account.
pub async fn stap(db: &Db, token_hash: &str) -> surrealdb::Result<Option<StapRij>> {
    let mut res = db
        .query(
            "SELECT record::id(gebruiker) AS id, gebruiker.email AS email, gebruiker.totp_geheim AS geheim
             FROM ONLY aanmeldstap
             WHERE token_hash = $hash AND verloopt > time::now() AND gebruiker.actief = true LIMIT 1",
        )
        .bind(("hash", token_hash.to_string()))
        .await?
        .check()?;
    res.take(0)
}

pub async fn verwijder_stap(db: &Db, token_hash: &str) -> surrealdb::Result<()> {
    db.query("DELETE aanmeldstap WHERE token_hash = $hash").bind(("hash", token_hash.to_string())).await?.check()?;
    Ok(())
}

/// Records `stap` as used unless it (or a later one) was used before: `false` means a replay.
pub async fn gebruik_stap(db: &Db, id: &str, stap: i64) -> surrealdb::Result<bool> {
    let mut res = db
        .query(
            "UPDATE type::record('gebruiker', $id) SET totp_stap = $stap
             WHERE totp_stap = NONE OR totp_stap < $stap RETURN VALUE record::id(id)",
        )
        .bind(("id", id.to_string()))
        .bind(("stap", stap))
        .await?
        .check()?;
    Ok(!res.take::<Vec<String>>(0)?.is_empty())
}

/// Removes a recovery code if the account still has it: `false` if unknown or used.
pub async fn gebruik_herstelcode(db: &Db, id: &str, hash: &str) -> surrealdb::Result<bool> {
    let mut res = db
        .query(
            "UPDATE type::record('gebruiker', $id) SET herstelcodes -= $h
             WHERE herstelcodes CONTAINS $h RETURN VALUE record::id(id)",
        )
        .bind(("id", id.to_string()))
        .bind(("h", hash.to_string()))
        .await?
        .check()?;
    Ok(!res.take::<Vec<String>>(0)?.is_empty())
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct StandRij {
    pub ingesteld: bool,
    pub over: i64,
}

/// Whether a second factor is enrolled and how many recovery codes are left (`herstelcodes` is
/// NONE for an account that never enrolled: no codes, hence `?? []`).
pub async fn stand(db: &Db, id: &str) -> surrealdb::Result<Option<StandRij>> {
    let mut res = db
        .query(
            "SELECT totp_geheim != NONE AS ingesteld, array::len(herstelcodes ?? []) AS over
             FROM ONLY type::record('gebruiker', $id)",
        )
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    res.take(0)
}

/// The role codes whose holders must use a second factor.
pub async fn verplichte_rollen(db: &Db) -> surrealdb::Result<Vec<Rol>> {
    let mut res =
        db.query("SELECT VALUE record::id(id) FROM rol_instelling WHERE totp_verplicht = true").await?.check()?;
    res.take(0)
}

pub async fn zet_verplichte_rollen(db: &Db, rollen: Vec<Rol>) -> surrealdb::Result<()> {
    db.query(
        "BEGIN TRANSACTION;
         DELETE rol_instelling;
         FOR $r IN $rollen { CREATE type::record('rol_instelling', $r) SET totp_verplicht = true; };
         COMMIT TRANSACTION;",
    )
    .bind(("rollen", rollen))
    .await?
    .check()?;
    Ok(())
}

/// Does this account have a second factor? (`None`: no such account.)
pub async fn heeft_totp(db: &Db, id: &str) -> surrealdb::Result<Option<bool>> {
    let mut res = db
        .query("SELECT VALUE totp_geheim != NONE FROM ONLY type::record('gebruiker', $id)")
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    res.take(0)
}

/// Removes the second factor and the recovery codes and ends every session: one transaction.
pub async fn wis(db: &Db, email: &str) -> surrealdb::Result<()> {
    db.query(
        "BEGIN TRANSACTION;
         LET $ids = (UPDATE gebruiker SET totp_geheim = NONE, totp_nieuw = NONE, totp_stap = NONE, herstelcodes = NONE
             WHERE email = $email RETURN VALUE id);
         DELETE sessie WHERE gebruiker IN $ids;
         DELETE aanmeldstap WHERE gebruiker IN $ids;
         COMMIT TRANSACTION;",
    )
    .bind(("email", email.to_string()))
    .await?
    .check()?;
    Ok(())
}

/// Demo mode only: a fixed, known secret, enrolled.
pub async fn zet_geheim(db: &Db, email: &str, geheim: &str, herstel: Vec<String>) -> surrealdb::Result<()> {
    db.query(
        "UPDATE gebruiker SET totp_geheim = $g, totp_nieuw = NONE, totp_stap = NONE, herstelcodes = $h
         WHERE email = $email RETURN NONE",
    )
    .bind(("email", email.to_string()))
    .bind(("g", geheim.to_string()))
    .bind(("h", herstel))
    .await?
    .check()?;
    Ok(())
}

/// A secret of an account as stored before encryption (`kluis`): the whole value, and which
/// field holds it (`totp_geheim` or `totp_nieuw`).
#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct OnversleuteldRij {
    pub id: String,
    pub veld: String,
    pub waarde: String,
}

/// Every TOTP secret (active or being enrolled) not in the encrypted form yet.
pub async fn onversleuteld(db: &Db, voorvoegsel: &str) -> surrealdb::Result<Vec<OnversleuteldRij>> {
    let mut res = db
        .query(
            "SELECT record::id(id) AS id, 'totp_geheim' AS veld, totp_geheim AS waarde FROM gebruiker
                 WHERE totp_geheim != NONE AND !string::starts_with(totp_geheim, $v);
             SELECT record::id(id) AS id, 'totp_nieuw' AS veld, totp_nieuw AS waarde FROM gebruiker
                 WHERE totp_nieuw != NONE AND !string::starts_with(totp_nieuw, $v);",
        )
        .bind(("v", voorvoegsel.to_string()))
        .await?
        .check()?;
    let mut rijen: Vec<OnversleuteldRij> = res.take(0)?;
    rijen.extend(res.take::<Vec<OnversleuteldRij>>(1)?);
    Ok(rijen)
}

/// Replaces the stored value of one secret field if it is still `oud` (another process may have
/// done it already).
pub async fn vervang_geheim(db: &Db, rij: &OnversleuteldRij, nieuw: &str) -> surrealdb::Result<()> {
    let sql = match rij.veld.as_str() {
        "totp_geheim" => {
            "UPDATE type::record('gebruiker', $id) SET totp_geheim = $nieuw WHERE totp_geheim = $oud RETURN NONE"
        }
        _ => "UPDATE type::record('gebruiker', $id) SET totp_nieuw = $nieuw WHERE totp_nieuw = $oud RETURN NONE",
    };
    db.query(sql)
        .bind(("id", rij.id.clone()))
        .bind(("oud", rij.waarde.clone()))
        .bind(("nieuw", nieuw.to_string()))
        .await?
        .check()?;
    Ok(())
}
