//! SurrealQL for meldingen. Every value is bound; query text is chosen from fixed fragments.

use crate::gemeen::Db;
use crate::gemeen::records::{MELDING_ZOEKTEKST as ZOEKTEKST, melding_record};
use crate::gemeen::tijdlijn::Regel;
use crate::termijnen::model::Eenheid;
use crate::zaak::model::{Categorie, Kanaal, Relatie, Status, Urgentie, Zaaksoort};
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue};

/// Takes the next number of a reference series (e.g. `M-2026`). Numbers are never handed out
/// twice: the counter only goes up, also when the melding that took a number is not stored.
/// (`waarde ?? 0`: a series' first number creates its counter, which has no value yet.)
pub async fn volgnummer(db: &Db, reeks: &str) -> surrealdb::Result<i64> {
    let mut res = db
        .query("UPSERT ONLY type::record('teller', $reeks) SET waarde = (waarde ?? 0) + 1 RETURN VALUE waarde")
        .bind(("reeks", reeks.to_string()))
        .await?
        .check()?;
    let n: Option<i64> = res.take(0)?;
    Ok(n.unwrap_or_default())
}

/// Raises a counter to at least `minstens` (used when demo data is loaded; a new counter has no
/// value yet, hence `?? 0`).
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
    pub kanaal: Kanaal,
    pub ontvangen: DateTime<Utc>,
    pub feit_datum: String,
    pub categorieen: Vec<Categorie>,
    pub urgentie: Urgentie,
    pub status: Status,
    pub omschrijving: String,
    pub locatie: Option<RecordId>,
    pub locatie_omschrijving: Option<String>,
    pub melder: RecordId,
    pub opvolgcode_hash: Option<String>,
    pub soort: Zaaksoort,
    pub bevestigd: bool,
    pub vervalt_bevestiging: String,
    pub vervalt_uitkomst: String,
    /// The periods of the deadline rule chosen at intake (`None`: the standard of the case type).
    pub termijn_ontvangst: Option<i64>,
    pub termijn_eenheid: Option<Eenheid>,
    pub termijn_uitkomst: Option<i64>,
    /// When a closed case closed (demo data loads closed cases; intake never sets it).
    pub afgerond: Option<DateTime<Utc>>,
}

/// Fills the search text of rows that have none (after a bulk load).
pub async fn vul_zoektekst_aan(db: &Db) -> surrealdb::Result<()> {
    db.query(format!("UPDATE melding SET zoektekst = {ZOEKTEKST} WHERE zoektekst = NONE RETURN NONE"))
        .await?
        .check()?;
    Ok(())
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct MelderInvoer {
    pub relatie: Relatie,
    pub anoniem: bool,
    pub naam: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
}

/// Stores a melding with its melder and timeline in one transaction: all of it or nothing.
pub async fn bewaar(
    db: &Db,
    melding: MeldingInvoer,
    melder: MelderInvoer,
    tijdlijn: Vec<Regel>,
) -> surrealdb::Result<()> {
    db.query(format!(
        "BEGIN TRANSACTION;
         CREATE ONLY $melding.melder CONTENT $melder RETURN NONE;
         LET $melding_id = (CREATE ONLY $id CONTENT $melding RETURN VALUE id);
         UPDATE $melding_id SET zoektekst = {ZOEKTEKST} RETURN NONE;
         FOR $t IN $tijdlijn {{ CREATE tijdlijn CONTENT {{ melding: $melding_id, tijdstip: $t.tijdstip, soort: $t.soort, tekst: $t.tekst, door: $t.door }}; }};
         COMMIT TRANSACTION;"
    ))
    .bind(("id", melding_record(&melding.referentie)))
    .bind(("melder", melder))
    .bind(("melding", melding))
    .bind(("tijdlijn", tijdlijn))
    .await?
    .check()?;
    Ok(())
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
