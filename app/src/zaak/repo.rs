//! SurrealQL of the case itself: its facts as reported, and who besides the case workers may see
//! it. Every value is bound.

use super::model::{Categorie, Kanaal, Relatie};
use crate::gemeen::Db;
use crate::gemeen::records::melding_record;
use crate::gemeen::tijdlijn::{REGEL_VELDEN, RegelDb};
use chrono::{DateTime, Utc};
use surrealdb::types::SurrealValue;

/// A case as reported, as the case page shows it besides its handling facts, location and
/// timeline (and an expert sees what a request shares of it).
#[derive(Debug, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct GegevensDb {
    pub behandelaar_naam: Option<String>,
    pub referentie: String,
    pub kanaal: Kanaal,
    pub feit_datum: String,
    pub categorieen: Vec<Categorie>,
    pub omschrijving: String,
    pub locatie_id: Option<String>,
    pub locatie_omschrijving: Option<String>,
    pub relatie: Relatie,
    pub anoniem: bool,
    pub naam: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub geanonimiseerd: Option<DateTime<Utc>>,
}

/// The melding and its timeline, oldest entry first; `None` for an unknown reference.
pub async fn gegevens(db: &Db, referentie: &str) -> surrealdb::Result<Option<(GegevensDb, Vec<RegelDb>)>> {
    let sql = format!(
        "SELECT behandelaar.naam AS behandelaar_naam, referentie, kanaal, feit_datum, categorieen, omschrijving,
                (IF locatie {{ record::id(locatie) }} ELSE {{ NONE }}) AS locatie_id, locatie_omschrijving,
                melder.relatie AS relatie, melder.anoniem AS anoniem, melder.naam AS naam,
                melder.email AS email, melder.telefoon AS telefoon, melder.geanonimiseerd AS geanonimiseerd
         FROM ONLY $m;
         SELECT {REGEL_VELDEN} FROM tijdlijn WHERE melding = $m ORDER BY tijdstip, id;"
    );
    let mut res = db.query(sql).bind(("m", melding_record(referentie))).await?.check()?;
    let melding: Option<GegevensDb> = res.take(0)?;
    let Some(m) = melding else {
        return Ok(None);
    };
    Ok(Some((m, res.take(1)?)))
}

/// The account manager of the organiser a melding is about (`None` when there is none, or no
/// location); `Err` only for database failures. The outer `Option` is `None` for an unknown case.
pub async fn accountbeheerder(db: &Db, referentie: &str) -> surrealdb::Result<Option<Option<String>>> {
    let mut res = db
        .query(
            "SELECT VALUE (IF locatie.organisator.accountbeheerder { record::id(locatie.organisator.accountbeheerder) } ELSE { NONE })
             FROM ONLY $m",
        )
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?;
    let bestaat: Option<surrealdb::types::Value> = res.take(0)?;
    Ok(bestaat.map(|v| match v {
        surrealdb::types::Value::String(s) => Some(s),
        _ => None,
    }))
}

/// The co-handler of a case (for the access check); `None` when there is none or no such case.
pub async fn medebehandelaar(db: &Db, referentie: &str) -> surrealdb::Result<Option<String>> {
    let mut res = db
        .query("SELECT VALUE (IF medebehandelaar { record::id(medebehandelaar) } ELSE { NONE }) FROM ONLY $m")
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?;
    let v: Option<surrealdb::types::Value> = res.take(0)?;
    Ok(match v {
        Some(surrealdb::types::Value::String(s)) => Some(s),
        _ => None,
    })
}
