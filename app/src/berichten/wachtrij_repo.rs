//! SurrealQL for the outbox: claiming due messages with a lease (so with several app servers each
//! message is taken by one worker), and recording how an attempt ended.

use super::repo::{BERICHT_VELDEN, BerichtDb, bericht_record};
use crate::gemeen::Db;
use chrono::{DateTime, Utc};

/// Claims up to `max` due messages for `werker` until `tot` and returns them. Two workers
/// claiming at once: their transactions conflict and one of them gets nothing this round.
pub async fn claim(db: &Db, werker: &str, nu: DateTime<Utc>, tot: DateTime<Utc>, max: i64) -> surrealdb::Result<Vec<BerichtDb>> {
    let mut res = db
        .query(
            "BEGIN TRANSACTION;
             LET $ids = (SELECT VALUE id FROM bericht WHERE kanaal = 'email' AND status = 'wachtrij' AND volgende_poging <= $nu
                 AND (lease_tot = NONE OR lease_tot < $nu) ORDER BY volgende_poging LIMIT $max);
             UPDATE $ids SET lease_door = $werker, lease_tot = $tot RETURN NONE;
             COMMIT TRANSACTION;",
        )
        .bind(("nu", nu))
        .bind(("tot", tot))
        .bind(("werker", werker.to_string()))
        .bind(("max", max))
        .await?;
    let fouten: Vec<surrealdb::Error> = res.take_errors().into_values().collect();
    // A failed transaction marks every statement; the conflict is in one of them.
    if fouten.iter().any(crate::gemeen::versie::is_conflict) {
        return Ok(Vec::new());
    }
    if let Some(e) = fouten.into_iter().next() {
        return Err(e);
    }
    db.query(format!(
        "SELECT {BERICHT_VELDEN} FROM bericht WHERE status = 'wachtrij' AND lease_door = $werker AND lease_tot = $tot"
    ))
    .bind(("werker", werker.to_string()))
    .bind(("tot", tot))
    .await?
    .check()?
    .take(0)
}

/// How an attempt ended.
#[derive(Debug, Clone)]
pub enum Afloop {
    /// Accepted by the mail server with this answer.
    Verzonden { antwoord: String },
    /// Try again at `volgende`.
    Later { fout: String, volgende: DateTime<Utc> },
    /// Given up: shown to staff, who may retry or cancel.
    Mislukt { fout: String },
}

/// Records the end of `werker`'s attempt, with a timeline entry when the message was sent or
/// given up. Only while the message is still `wachtrij` (a coordinator may have cancelled it).
pub async fn afloop(db: &Db, sleutel: &str, nu: DateTime<Utc>, a: Afloop, tijdlijn: Option<String>) -> surrealdb::Result<()> {
    let (status, antwoord, fout, volgende) = match a {
        Afloop::Verzonden { antwoord } => ("verzonden", Some(antwoord), None, nu),
        Afloop::Later { fout, volgende } => ("wachtrij", None, Some(fout), volgende),
        Afloop::Mislukt { fout } => ("mislukt", None, Some(fout), nu),
    };
    db.query(
        "BEGIN TRANSACTION;
         LET $m = (UPDATE $b SET status = $status, pogingen += 1, gewijzigd = $nu, volgende_poging = $volgende,
             smtp_antwoord = $antwoord ?? smtp_antwoord, laatste_fout = $fout,
             verzonden = IF $status = 'verzonden' { $nu } ELSE { verzonden },
             lease_door = NONE, lease_tot = NONE
             WHERE status = 'wachtrij' RETURN VALUE melding);
         LET $v = IF array::len($m) > 0 { (SELECT VALUE versie FROM ONLY $m[0]) } ELSE { 0 };
         IF array::len($m) > 0 AND $tijdlijn != NONE {
             CREATE tijdlijn SET melding = $m[0], versie = $v, tijdstip = $nu,
                 soort = 'bericht', tekst = $tijdlijn, door = 'Meldpunt' RETURN NONE;
         };
         COMMIT TRANSACTION;",
    )
    .bind(("b", bericht_record(sleutel)))
    .bind(("status", status))
    .bind(("antwoord", antwoord))
    .bind(("fout", fout))
    .bind(("volgende", volgende))
    .bind(("nu", nu))
    .bind(("tijdlijn", tijdlijn))
    .await?
    .check()?;
    Ok(())
}

/// How many messages wait and how many failed: for the werkbak's notice.
pub async fn tellers(db: &Db) -> surrealdb::Result<(i64, i64)> {
    let mut res = db
        .query(
            "RETURN count(SELECT VALUE id FROM bericht WHERE kanaal = 'email' AND status = 'wachtrij');
             RETURN count(SELECT VALUE id FROM bericht WHERE status = 'mislukt');",
        )
        .await?
        .check()?;
    let wachtend: Option<i64> = res.take(0)?;
    let mislukt: Option<i64> = res.take(1)?;
    Ok((wachtend.unwrap_or(0), mislukt.unwrap_or(0)))
}
