//! SurrealQL for the knowledge base. A save writes the page and its new revision in one
//! transaction, and only when the page is still at the revision the editor read.

use crate::gemeen::Db;
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue};

/// A page as stored.
#[derive(Debug, Clone, PartialEq, Eq, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct PaginaDb {
    pub slug: String,
    pub titel: String,
    pub samenvatting: String,
    pub soort: String,
    pub doelgroep: String,
    pub regelgeving: String,
    pub artikels: Vec<String>,
    pub geldig_vanaf: String,
    pub tags: Vec<String>,
    pub thema: String,
    pub markdown: String,
    pub gepubliceerd: bool,
    pub revisie: i64,
}

/// The fields written by a save (the rest is kept or set by the transaction).
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct Inhoud {
    pub slug: String,
    pub titel: String,
    pub samenvatting: String,
    pub soort: String,
    pub doelgroep: String,
    pub regelgeving: String,
    pub artikels: Vec<String>,
    pub geldig_vanaf: String,
    pub tags: Vec<String>,
    pub thema: String,
    pub markdown: String,
}

/// One revision as listed (its text is read separately).
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct RevisieDb {
    pub nummer: i64,
    pub door: String,
    pub tijdstip: DateTime<Utc>,
    pub samenvatting: String,
}

pub fn pagina_record(slug: &str) -> RecordId {
    RecordId::new("kennis_pagina", slug)
}

const VELDEN: &str = "slug, titel, samenvatting, soort, doelgroep, regelgeving, artikels, geldig_vanaf, tags, thema,
    markdown, gepubliceerd, revisie";

pub async fn alle(db: &Db) -> surrealdb::Result<Vec<PaginaDb>> {
    let sql = format!("SELECT {VELDEN} FROM kennis_pagina ORDER BY slug");
    db.query(sql).await?.check()?.take(0)
}

pub async fn een(db: &Db, slug: &str) -> surrealdb::Result<Option<PaginaDb>> {
    let sql = format!("SELECT {VELDEN} FROM ONLY $p");
    db.query(sql).bind(("p", pagina_record(slug))).await?.check()?.take(0)
}

pub async fn is_leeg(db: &Db) -> surrealdb::Result<bool> {
    let mut res = db.query("SELECT VALUE slug FROM kennis_pagina LIMIT 1").await?.check()?;
    let een: Vec<String> = res.take(0)?;
    Ok(een.is_empty())
}

pub use crate::gemeen::versie::Opslag;
use crate::gemeen::versie::{Versie, schrijf_op_versie};

/// Stores `inhoud` as revision `gelezen + 1` (`gelezen` 0: a new page) with its full text. A new
/// page is published (the field's default); a changed page keeps its state.
pub async fn bewaar(
    db: &Db,
    gelezen: i64,
    inhoud: Inhoud,
    tekst: &str,
    door: &str,
    samenvatting: &str,
) -> surrealdb::Result<Opslag> {
    let v = Versie { object: pagina_record(&inhoud.slug), veld: "revisie", gelezen };
    let (tekst, door, samenvatting) = (tekst.to_string(), door.to_string(), samenvatting.to_string());
    schrijf_op_versie(
        db,
        v,
        "UPSERT $object SET slug = $i.slug, titel = $i.titel, samenvatting = $i.samenvatting, soort = $i.soort,
             doelgroep = $i.doelgroep, regelgeving = $i.regelgeving, artikels = $i.artikels,
             geldig_vanaf = $i.geldig_vanaf, tags = $i.tags, thema = $i.thema, markdown = $i.markdown,
             revisie = $nieuw, gewijzigd = time::now()
             RETURN NONE;
         CREATE kennis_revisie SET pagina = $object, nummer = $nieuw, tekst = $tekst, door = $door,
             tijdstip = time::now(), samenvatting = $samenvatting RETURN NONE;",
        |q| q.bind(("i", inhoud)).bind(("tekst", tekst)).bind(("door", door)).bind(("samenvatting", samenvatting)),
    )
    .await
}

/// Publishes or unpublishes; `false` when the page does not exist.
pub async fn zet_gepubliceerd(db: &Db, slug: &str, gepubliceerd: bool) -> surrealdb::Result<bool> {
    let mut res = db
        .query("UPDATE $p SET gepubliceerd = $g WHERE id != NONE RETURN VALUE slug")
        .bind(("p", pagina_record(slug)))
        .bind(("g", gepubliceerd))
        .await?
        .check()?;
    let geraakt: Vec<String> = res.take(0)?;
    Ok(!geraakt.is_empty())
}

/// Every revision of a page, newest first.
pub async fn revisies(db: &Db, slug: &str) -> surrealdb::Result<Vec<RevisieDb>> {
    db.query("SELECT nummer, door, tijdstip, samenvatting FROM kennis_revisie WHERE pagina = $p ORDER BY nummer DESC")
        .bind(("p", pagina_record(slug)))
        .await?
        .check()?
        .take(0)
}

/// The full text of one revision.
pub async fn revisie_tekst(db: &Db, slug: &str, nummer: i64) -> surrealdb::Result<Option<String>> {
    let mut res = db
        .query("SELECT VALUE tekst FROM kennis_revisie WHERE pagina = $p AND nummer = $n LIMIT 1")
        .bind(("p", pagina_record(slug)))
        .bind(("n", nummer))
        .await?
        .check()?;
    let teksten: Vec<String> = res.take(0)?;
    Ok(teksten.into_iter().next())
}
