//! SurrealQL for the services list and the deadline rules.

use super::model::{Dienst, DienstInvoer};
use crate::gemeen::Db;
use crate::termijnen::model::Eenheid;
use crate::termijnen::regels::{Termijnregel, Termijnwaarden};
use crate::zaak::model::{Categorie, Zaaksoort};
use chrono::{DateTime, Utc};
use surrealdb::types::SurrealValue;

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct DienstDb {
    id: String,
    naam: String,
    waarvoor: String,
    telefoon: Option<String>,
    email: Option<String>,
    website: Option<String>,
    actief: bool,
}

impl From<DienstDb> for Dienst {
    fn from(d: DienstDb) -> Self {
        Self {
            id: d.id,
            naam: d.naam,
            waarvoor: d.waarvoor,
            telefoon: d.telefoon,
            email: d.email,
            website: d.website,
            actief: d.actief,
        }
    }
}

const DIENST_VELDEN: &str = "record::id(id) AS id, naam, waarvoor, telefoon, email, website, actief";

/// The services, active ones first, by name; with `alleen_actief` only the active ones.
pub async fn diensten(db: &Db, alleen_actief: bool) -> surrealdb::Result<Vec<Dienst>> {
    let waar = if alleen_actief { "WHERE actief = true" } else { "" };
    let sql = format!(
        "SELECT {DIENST_VELDEN}, string::lowercase(naam) AS sorteer FROM dienst {waar} ORDER BY actief DESC, sorteer"
    );
    let mut res = db.query(sql).await?.check()?;
    let rijen: Vec<DienstDb> = res.take(0)?;
    Ok(rijen.into_iter().map(Dienst::from).collect())
}

pub async fn dienst(db: &Db, id: &str) -> surrealdb::Result<Option<Dienst>> {
    let sql = format!("SELECT {DIENST_VELDEN} FROM ONLY type::record('dienst', $id)");
    let mut res = db.query(sql).bind(("id", id.to_string())).await?.check()?;
    let rij: Option<DienstDb> = res.take(0)?;
    Ok(rij.map(Dienst::from))
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct DienstInvoerDb {
    naam: String,
    waarvoor: String,
    telefoon: Option<String>,
    email: Option<String>,
    website: Option<String>,
}

/// A new service (active); returns its key.
pub async fn voeg_dienst_toe(db: &Db, d: &DienstInvoer, nu: DateTime<Utc>) -> surrealdb::Result<String> {
    let mut res = db
        .query(
            "CREATE ONLY dienst SET naam = $d.naam, waarvoor = $d.waarvoor, telefoon = $d.telefoon, email = $d.email,
                 website = $d.website, actief = true, gewijzigd = $nu RETURN VALUE record::id(id)",
        )
        .bind(("d", invoer(d)))
        .bind(("nu", nu))
        .await?
        .check()?;
    Ok(res.take::<Option<String>>(0)?.unwrap_or_default())
}

fn invoer(d: &DienstInvoer) -> DienstInvoerDb {
    DienstInvoerDb {
        naam: d.naam.clone(),
        waarvoor: d.waarvoor.clone(),
        telefoon: d.telefoon.clone(),
        email: d.email.clone(),
        website: d.website.clone(),
    }
}

/// Changes an existing service; `false` when there is none with this key.
pub async fn wijzig_dienst(db: &Db, id: &str, d: &DienstInvoer, nu: DateTime<Utc>) -> surrealdb::Result<bool> {
    let mut res = db
        .query(
            "UPDATE type::record('dienst', $id) SET naam = $d.naam, waarvoor = $d.waarvoor, telefoon = $d.telefoon,
                 email = $d.email, website = $d.website, gewijzigd = $nu
             WHERE id != NONE RETURN VALUE record::id(id)",
        )
        .bind(("id", id.to_string()))
        .bind(("d", invoer(d)))
        .bind(("nu", nu))
        .await?
        .check()?;
    Ok(!res.take::<Vec<String>>(0)?.is_empty())
}

/// (De)activates a service; `false` when there is none with this key.
pub async fn zet_dienst_actief(db: &Db, id: &str, actief: bool, nu: DateTime<Utc>) -> surrealdb::Result<bool> {
    let mut res = db
        .query(
            "UPDATE type::record('dienst', $id) SET actief = $actief, gewijzigd = $nu WHERE id != NONE
             RETURN VALUE record::id(id)",
        )
        .bind(("id", id.to_string()))
        .bind(("actief", actief))
        .bind(("nu", nu))
        .await?
        .check()?;
    Ok(!res.take::<Vec<String>>(0)?.is_empty())
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct RegelDb {
    zaaksoort: Zaaksoort,
    categorie: Option<Categorie>,
    ontvangst: i64,
    ontvangst_eenheid: Eenheid,
    uitkomst_dagen: i64,
}

/// Every deadline rule; a row whose periods no longer fit the domain is left out (and logged).
pub async fn termijnregels(db: &Db) -> surrealdb::Result<Vec<Termijnregel>> {
    let mut res = db
        .query(
            "SELECT zaaksoort, categorie, ontvangst, ontvangst_eenheid, uitkomst_dagen FROM termijnregel
             ORDER BY zaaksoort, categorie",
        )
        .await?
        .check()?;
    let rijen: Vec<RegelDb> = res.take(0)?;
    Ok(rijen
        .into_iter()
        .filter_map(|r| {
            let waarden = (|| {
                Some(Termijnwaarden {
                    ontvangst: u32::try_from(r.ontvangst).ok()?,
                    ontvangst_eenheid: r.ontvangst_eenheid,
                    uitkomst_dagen: u32::try_from(r.uitkomst_dagen).ok()?,
                })
            })();
            if waarden.is_none() {
                tracing::warn!(zaaksoort = r.zaaksoort.code(), "deadline rule does not fit the domain, ignored");
            }
            waarden.map(|waarden| Termijnregel { zaaksoort: r.zaaksoort, categorie: r.categorie, waarden })
        })
        .collect())
}

/// Sets the rule for its case type and category (one rule per pair).
pub async fn bewaar_regel(db: &Db, r: &Termijnregel, door: &str, nu: DateTime<Utc>) -> surrealdb::Result<()> {
    db.query(
        "UPSERT type::record('termijnregel', $sleutel) SET zaaksoort = $zaaksoort, categorie = $categorie,
             ontvangst = $ontvangst, ontvangst_eenheid = $eenheid, uitkomst_dagen = $uitkomst,
             gewijzigd = $nu, gewijzigd_door = type::record('gebruiker', $door) RETURN NONE",
    )
    .bind(("sleutel", r.sleutel()))
    .bind(("zaaksoort", r.zaaksoort))
    .bind(("categorie", r.categorie))
    .bind(("ontvangst", i64::from(r.waarden.ontvangst)))
    .bind(("eenheid", r.waarden.ontvangst_eenheid))
    .bind(("uitkomst", i64::from(r.waarden.uitkomst_dagen)))
    .bind(("nu", nu))
    .bind(("door", door.to_string()))
    .await?
    .check()?;
    Ok(())
}

/// Removes a rule; `false` when there was none with this key.
pub async fn verwijder_regel(db: &Db, sleutel: &str) -> surrealdb::Result<bool> {
    let mut res = db
        .query("DELETE type::record('termijnregel', $sleutel) RETURN BEFORE")
        .bind(("sleutel", sleutel.to_string()))
        .await?
        .check()?;
    let weg: Vec<surrealdb::types::Value> = res.take(0)?;
    Ok(!weg.is_empty())
}
