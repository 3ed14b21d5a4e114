//! SurrealQL for the reporter's follow-up page.

use crate::gemeen::Db;
use crate::gemeen::records::melding_record;
use crate::zaak::model::Status;
use chrono::{DateTime, Utc};
use surrealdb::types::SurrealValue;

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct OpvolgRij {
    pub ontvangen: DateTime<Utc>,
    pub status: Status,
    pub opvolgcode_hash: Option<String>,
}

pub async fn melding(db: &Db, referentie: &str) -> surrealdb::Result<Option<OpvolgRij>> {
    let mut res = db
        .query("SELECT ontvangen, status, opvolgcode_hash FROM ONLY $m")
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?;
    res.take(0)
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct AanvullingDb {
    pub tijdstip: DateTime<Utc>,
    pub tekst: String,
}

/// The reporter's own entries on the timeline (soort `contact`, door `melder`), oldest first.
pub async fn aanvullingen(db: &Db, referentie: &str) -> surrealdb::Result<Vec<AanvullingDb>> {
    let mut res = db
        .query(
            "SELECT tijdstip, tekst FROM tijdlijn
             WHERE melding = $m AND soort = 'contact' AND door = 'melder' ORDER BY tijdstip",
        )
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?;
    res.take(0)
}

/// Adds the reporter's text to the timeline; a wait for the reporter ends with it. One transaction.
pub async fn vul_aan(db: &Db, referentie: &str, tekst: &str) -> surrealdb::Result<()> {
    db.query(
        "BEGIN TRANSACTION;
         LET $v = (UPDATE ONLY $m SET versie += 1 RETURN VALUE versie);
         CREATE tijdlijn SET melding = $m, versie = $v, tijdstip = time::now(), soort = 'contact', tekst = $tekst,
             door = 'melder', richting = 'in', partij = 'melder';
         -- A wait ends; the pause counts in whole days, as the clock does.
         IF $m.status = 'wacht_op_info' {
             UPDATE $m SET status = 'in_behandeling', wacht_op = NONE, pauze_sinds = NONE,
                 pauze_dagen = pauze_dagen + (IF pauze_sinds { math::max([0, duration::days(time::now() - pauze_sinds)]) } ELSE { 0 }),
                 versie = $v + 1;
             CREATE tijdlijn SET melding = $m, versie = $v + 1, tijdstip = time::now() + 1ms, soort = 'status',
                 tekst = 'Status gewijzigd naar In behandeling: de melder vulde aan. De termijn loopt weer.', door = 'systeem';
         };
         COMMIT TRANSACTION;",
    )
    .bind(("m", melding_record(referentie)))
    .bind(("tekst", tekst.to_string()))
    .await?
    .check()?;
    Ok(())
}
