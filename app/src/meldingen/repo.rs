//! SurrealQL for meldingen. Every value is bound; query text is chosen from fixed fragments.

use super::model::{Categorie, Status, WERKBAK_PAGINA, WerkbakFilter};
use crate::state::Db;
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue, Value};

/// Takes the next number of a reference series (e.g. `M-2026`). Numbers are never handed out
/// twice: the counter only goes up, also when the melding that took a number is not stored.
pub async fn volgnummer(db: &Db, reeks: &str) -> surrealdb::Result<i64> {
    let mut res = db
        .query("UPSERT ONLY type::record('teller', $reeks) SET waarde = (waarde ?? 0) + 1 RETURN VALUE waarde")
        .bind(("reeks", reeks.to_string()))
        .await?
        .check()?;
    let n: Option<i64> = res.take(0)?;
    Ok(n.unwrap_or_default())
}

/// Raises a counter to at least `minstens` (used when demo data is loaded).
pub async fn zet_teller_minstens(db: &Db, reeks: &str, minstens: i64) -> surrealdb::Result<()> {
    db.query("UPSERT type::record('teller', $reeks) SET waarde = math::max([(waarde ?? 0), $minstens])")
        .bind(("reeks", reeks.to_string()))
        .bind(("minstens", minstens))
        .await?
        .check()?;
    Ok(())
}

/// Everything one melding row needs, as stored.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct MeldingInvoer {
    pub referentie: String,
    pub kanaal: String,
    pub ontvangen: DateTime<Utc>,
    pub feit_datum: String,
    pub categorieen: Vec<String>,
    pub urgentie: String,
    pub status: String,
    pub omschrijving: String,
    pub locatie: Option<RecordId>,
    pub locatie_omschrijving: Option<String>,
    pub melder: RecordId,
    pub opvolgcode_hash: Option<String>,
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct MelderInvoer {
    pub relatie: String,
    pub anoniem: bool,
    pub naam: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct TijdlijnInvoer {
    pub tijdstip: DateTime<Utc>,
    pub soort: String,
    pub tekst: String,
    pub door: String,
}

pub fn locatie_record(key: &str) -> RecordId {
    RecordId::new("locatie", key)
}

/// A melding's record and its melder's record are keyed by the reference.
pub fn melding_record(referentie: &str) -> RecordId {
    RecordId::new("melding", referentie)
}

pub fn melder_record(referentie: &str) -> RecordId {
    RecordId::new("melder", referentie)
}

/// Stores a melding with its melder and timeline in one transaction: all of it or nothing.
pub async fn bewaar(
    db: &Db,
    melding: MeldingInvoer,
    melder: MelderInvoer,
    tijdlijn: Vec<TijdlijnInvoer>,
) -> surrealdb::Result<()> {
    db.query(
        "BEGIN TRANSACTION;
         CREATE ONLY $melding.melder CONTENT $melder RETURN NONE;
         LET $melding_id = (CREATE ONLY $id CONTENT $melding RETURN VALUE id);
         FOR $t IN $tijdlijn { CREATE tijdlijn CONTENT { melding: $melding_id, tijdstip: $t.tijdstip, soort: $t.soort, tekst: $t.tekst, door: $t.door }; };
         COMMIT TRANSACTION;",
    )
    .bind(("id", melding_record(&melding.referentie)))
    .bind(("melder", melder))
    .bind(("melding", melding))
    .bind(("tijdlijn", tijdlijn))
    .await?
    .check()?;
    Ok(())
}

#[derive(Debug, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct WerkbakRijDb {
    pub referentie: String,
    pub ontvangen: DateTime<Utc>,
    pub locatie: Option<String>,
    pub gemeente: Option<String>,
    pub locatie_omschrijving: Option<String>,
    pub categorieen: Vec<String>,
    pub urgentie: String,
    pub status: String,
    pub soort: String,
    pub bevestigd: bool,
    pub pauze_dagen: i64,
    pub pauze_sinds: Option<DateTime<Utc>>,
    pub verlenging_dagen: i64,
    pub behandelaar: Option<String>,
}

/// The clock fields, with defaults for rows written before case handling existed.
pub const KLOK_VELDEN: &str = "soort ?? 'melding' AS soort, bevestigd ?? (status != 'ontvangen') AS bevestigd,
    pauze_dagen ?? 0 AS pauze_dagen, pauze_sinds, verlenging_dagen ?? 0 AS verlenging_dagen";

/// One page of the werkbak, newest first, by keyset (no OFFSET): one row more than a page
/// is read to know whether a next page exists.
pub async fn werkbak(db: &Db, filter: &WerkbakFilter) -> surrealdb::Result<Vec<WerkbakRijDb>> {
    let mut voorwaarden: Vec<&str> = Vec::new();
    if filter.status.is_some() {
        voorwaarden.push("status = $status");
    }
    if filter.categorie.is_some() {
        voorwaarden.push("categorieen CONTAINS $categorie");
    }
    if filter.na.is_some() {
        voorwaarden.push("(ontvangen < $na_t OR (ontvangen = $na_t AND referentie < $na_ref))");
    }
    let waar = if voorwaarden.is_empty() { String::new() } else { format!("WHERE {}", voorwaarden.join(" AND ")) };
    let sql = format!(
        "SELECT referentie, ontvangen, locatie.naam AS locatie, locatie.gemeente AS gemeente, locatie_omschrijving,
                categorieen, urgentie, status, {KLOK_VELDEN}, behandelaar.naam AS behandelaar
         FROM melding {waar} ORDER BY ontvangen DESC, referentie DESC LIMIT $limiet"
    );
    let mut q = db.query(sql).bind(("limiet", (WERKBAK_PAGINA + 1) as i64));
    if let Some(s) = filter.status {
        q = q.bind(("status", Status::code(s)));
    }
    if let Some(c) = filter.categorie {
        q = q.bind(("categorie", Categorie::code(c)));
    }
    if let Some(na) = &filter.na {
        q = q.bind(("na_t", na.ontvangen)).bind(("na_ref", na.referentie.clone()));
    }
    let mut res = q.await?.check()?;
    res.take(0)
}

#[derive(Debug, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct DetailDb {
    #[surreal(flatten)]
    pub stand: crate::behandeling::repo::StandDb,
    pub behandelaar_naam: Option<String>,
    pub referentie: String,
    pub kanaal: String,
    pub feit_datum: String,
    pub categorieen: Vec<String>,
    pub urgentie: String,
    pub omschrijving: String,
    pub locatie_id: Option<String>,
    pub locatie_omschrijving: Option<String>,
    pub relatie: String,
    pub anoniem: bool,
    pub naam: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
}

pub type DetailRijen = (DetailDb, Option<crate::locaties::repo::DetailRij>, Vec<crate::behandeling::repo::RegelDb>);

pub async fn detail(db: &Db, referentie: &str) -> surrealdb::Result<Option<DetailRijen>> {
    let sql = format!(
        "LET $m = type::record('melding', $ref);
         SELECT {stand}, behandelaar.naam AS behandelaar_naam,
                referentie, kanaal, feit_datum, categorieen, urgentie, omschrijving,
                (IF locatie {{ record::id(locatie) }} ELSE {{ NONE }}) AS locatie_id, locatie_omschrijving,
                melder.relatie AS relatie, melder.anoniem AS anoniem, melder.naam AS naam,
                melder.email AS email, melder.telefoon AS telefoon
         FROM $m;
         SELECT {velden} FROM (IF $m.locatie {{ [$m.locatie] }} ELSE {{ [] }});
         SELECT {regel} FROM tijdlijn WHERE melding = $m ORDER BY tijdstip, id;",
        velden = crate::locaties::repo::DETAIL_VELDEN,
        stand = crate::behandeling::repo::STAND_VELDEN,
        regel = crate::behandeling::repo::REGEL_VELDEN,
    );
    let mut res = db.query(sql).bind(("ref", referentie.to_string())).await?.check()?;
    let mut melding: Vec<DetailDb> = res.take(1)?;
    let Some(m) = melding.pop() else {
        return Ok(None);
    };
    let mut locatie: Vec<crate::locaties::repo::DetailRij> = res.take(2)?;
    let tijdlijn: Vec<crate::behandeling::repo::RegelDb> = res.take(3)?;
    Ok(Some((m, locatie.pop(), tijdlijn)))
}

pub async fn locatie_bestaat(db: &Db, key: &str) -> surrealdb::Result<bool> {
    let mut res = db
        .query("SELECT VALUE id FROM ONLY type::record('locatie', $key)")
        .bind(("key", key.to_string()))
        .await?
        .check()?;
    let id: Option<RecordId> = res.take(0)?;
    Ok(id.is_some())
}
