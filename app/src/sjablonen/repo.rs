//! SurrealQL for the templates. A save writes the template and its new revision in one
//! transaction, and only when the template is still at the revision the editor read.

use crate::gemeen::Db;
pub use crate::gemeen::versie::Opslag;
use crate::gemeen::versie::{Versie, schrijf_op_versie};
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue};

/// A template as stored: its whole file is the truth; the service reads it with `sjabloon::lees`.
#[derive(Debug, Clone, PartialEq, Eq, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct SjabloonDb {
    pub slug: String,
    pub tekst: String,
    pub revisie: i64,
    pub gewijzigd: DateTime<Utc>,
}

/// The front matter's choices, written next to the file so queries can select on them.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct Kenmerken {
    pub titel: String,
    pub kanaal: String,
    pub publiek: String,
    pub tweede_lezer: bool,
    pub automatisch: Option<String>,
    pub zaaksoorten: Vec<String>,
}

/// One revision as listed.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct RevisieDb {
    pub nummer: i64,
    pub door: String,
    pub tijdstip: DateTime<Utc>,
    pub samenvatting: String,
}

pub fn sjabloon_record(slug: &str) -> RecordId {
    RecordId::new("sjabloon", slug)
}

const VELDEN: &str = "slug, tekst, revisie, gewijzigd";

pub async fn alle(db: &Db) -> surrealdb::Result<Vec<SjabloonDb>> {
    db.query(format!("SELECT {VELDEN} FROM sjabloon ORDER BY slug")).await?.check()?.take(0)
}

pub async fn een(db: &Db, slug: &str) -> surrealdb::Result<Option<SjabloonDb>> {
    let sql = format!("SELECT {VELDEN} FROM ONLY $s");
    db.query(sql).bind(("s", sjabloon_record(slug))).await?.check()?.take(0)
}

pub async fn is_leeg(db: &Db) -> surrealdb::Result<bool> {
    let mut res = db.query("SELECT VALUE slug FROM sjabloon LIMIT 1").await?.check()?;
    let een: Vec<String> = res.take(0)?;
    Ok(een.is_empty())
}

/// Stores `tekst` as revision `gelezen + 1` (`gelezen` 0: a new template).
pub async fn bewaar(
    db: &Db,
    slug: &str,
    gelezen: i64,
    kenmerken: Kenmerken,
    tekst: &str,
    door: &str,
    samenvatting: &str,
) -> surrealdb::Result<Opslag> {
    let v = Versie { object: sjabloon_record(slug), veld: "revisie", gelezen };
    let (slug, tekst, door, samenvatting) =
        (slug.to_string(), tekst.to_string(), door.to_string(), samenvatting.to_string());
    schrijf_op_versie(
        db,
        v,
        "UPSERT $object SET slug = $slug, titel = $k.titel, kanaal = $k.kanaal, publiek = $k.publiek,
             tweede_lezer = $k.tweede_lezer, automatisch = $k.automatisch, zaaksoorten = $k.zaaksoorten,
             tekst = $tekst, revisie = $nieuw, gewijzigd = time::now()
             RETURN NONE;
         CREATE sjabloon_revisie SET sjabloon = $object, nummer = $nieuw, tekst = $tekst, door = $door,
             tijdstip = time::now(), samenvatting = $samenvatting RETURN NONE;",
        |q| {
            q.bind(("slug", slug))
                .bind(("k", kenmerken))
                .bind(("tekst", tekst))
                .bind(("door", door))
                .bind(("samenvatting", samenvatting))
        },
    )
    .await
}

/// Every revision of a template, newest first.
pub async fn revisies(db: &Db, slug: &str) -> surrealdb::Result<Vec<RevisieDb>> {
    db.query(
        "SELECT nummer, door, tijdstip, samenvatting FROM sjabloon_revisie WHERE sjabloon = $s ORDER BY nummer DESC",
    )
    .bind(("s", sjabloon_record(slug)))
    .await?
    .check()?
    .take(0)
}

/// The whole file of one revision.
pub async fn revisie_tekst(db: &Db, slug: &str, nummer: i64) -> surrealdb::Result<Option<String>> {
    let mut res = db
        .query("SELECT VALUE tekst FROM sjabloon_revisie WHERE sjabloon = $s AND nummer = $n LIMIT 1")
        .bind(("s", sjabloon_record(slug)))
        .bind(("n", nummer))
        .await?
        .check()?;
    let teksten: Vec<String> = res.take(0)?;
    Ok(teksten.into_iter().next())
}

/// One word of the jargon list as stored; the word is also the record's key.
#[derive(Debug, Clone, PartialEq, Eq, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct JargonDb {
    pub woord: String,
    pub alternatief: String,
    pub door: String,
    pub gewijzigd: DateTime<Utc>,
}

fn jargon_record(woord: &str) -> RecordId {
    RecordId::new("jargon", woord)
}

/// The whole list, by word.
pub async fn jargon(db: &Db) -> surrealdb::Result<Vec<JargonDb>> {
    db.query("SELECT woord, alternatief, door, gewijzigd FROM jargon ORDER BY woord").await?.check()?.take(0)
}

/// Adds the word or changes its alternative; `true` when the word was new.
pub async fn bewaar_jargon(db: &Db, woord: &str, alternatief: &str, door: &str) -> surrealdb::Result<bool> {
    let mut res = db
        .query(
            "UPSERT ONLY $r SET woord = $woord, alternatief = $alternatief, door = $door, gewijzigd = time::now()
             RETURN BEFORE",
        )
        .bind(("r", jargon_record(woord)))
        .bind(("woord", woord.to_string()))
        .bind(("alternatief", alternatief.to_string()))
        .bind(("door", door.to_string()))
        .await?
        .check()?;
    let voordien: Option<JargonDb> = res.take(0)?;
    Ok(voordien.is_none())
}

/// Removes the word; `false` when it was not on the list.
pub async fn verwijder_jargon(db: &Db, woord: &str) -> surrealdb::Result<bool> {
    let mut res = db.query("DELETE ONLY $r RETURN BEFORE").bind(("r", jargon_record(woord))).await?.check()?;
    let weg: Option<JargonDb> = res.take(0)?;
    Ok(weg.is_some())
}

/// Fills an empty list with `lijst` in one transaction; `false` when the list was not empty.
pub async fn vul_jargon_als_leeg(db: &Db, lijst: Vec<(String, String)>, door: &str) -> surrealdb::Result<bool> {
    let rijen: Vec<JargonDb> = lijst
        .into_iter()
        .map(|(woord, alternatief)| JargonDb { woord, alternatief, door: door.to_string(), gewijzigd: Utc::now() })
        .collect();
    // One statement, so one transaction: the check and the fill cannot be split.
    let mut res = db
        .query(
            "IF array::len(SELECT VALUE woord FROM jargon LIMIT 1) = 0 {
                 FOR $j IN $rijen {
                     CREATE type::record('jargon', $j.woord) SET woord = $j.woord, alternatief = $j.alternatief,
                         door = $j.door, gewijzigd = $j.gewijzigd RETURN NONE;
                 };
                 true
             } ELSE {
                 false
             };",
        )
        .bind(("rijen", rijen))
        .await?
        .check()?;
    let gevuld: Option<bool> = res.take(0)?;
    Ok(gevuld == Some(true))
}
