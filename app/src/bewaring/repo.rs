//! SurrealQL for retention. Every value is bound.

use super::Kandidaat;
use crate::state::Db;
use chrono::{DateTime, Utc};
use surrealdb::types::SurrealValue;

/// The closed statuses (as `behandeling::model::is_afgerond`).
const GESLOTEN: [&str; 3] = ["afgesloten", "doorverwezen", "onontvankelijk"];

/// When a closed case closed: `afgerond`, or for cases closed before that field was kept
/// (and demo data) the time of its last timeline entry, else when it was received.
const GESLOTEN_OP: &str = "(afgerond ?? (SELECT VALUE tijdstip FROM tijdlijn WHERE melding = $parent.id
    ORDER BY tijdstip DESC LIMIT 1)[0] ?? ontvangen)";

/// The condition on a melding for anonymisation: closed before `$grens`, not done yet.
fn te_doen() -> String {
    format!("geanonimiseerd = NONE AND status IN $gesloten AND {GESLOTEN_OP} < $grens")
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct KandidaatDb {
    referentie: String,
    afgerond: DateTime<Utc>,
}

/// Cases closed before `grens` whose reporter data is not anonymised yet, oldest first.
pub async fn kandidaten(db: &Db, grens: DateTime<Utc>) -> surrealdb::Result<Vec<Kandidaat>> {
    let mut res = db
        .query(format!(
            "SELECT referentie, {GESLOTEN_OP} AS afgerond FROM melding WHERE {} ORDER BY afgerond, referentie",
            te_doen()
        ))
        .bind(("grens", grens))
        .bind(("gesloten", GESLOTEN.map(str::to_string).to_vec()))
        .await?
        .check()?;
    let rijen: Vec<KandidaatDb> = res.take(0)?;
    Ok(rijen.into_iter().map(|r| Kandidaat { referentie: r.referentie, afgerond: r.afgerond }).collect())
}

/// Anonymises one case's reporter and marks its documents removed, in one transaction, if it still qualifies (another run may
/// have done it, or the case was reopened): the reporter's name, e-mail and phone go, the
/// search text is rebuilt without them, the case is marked with `nu`, and the system writes
/// one audit entry. Returns whether this call did it.
pub async fn anonimiseer(
    db: &Db,
    referentie: &str,
    grens: DateTime<Utc>,
    nu: DateTime<Utc>,
) -> surrealdb::Result<bool> {
    let zoektekst = crate::meldingen::repo::ZOEKTEKST;
    let voorwaarde = te_doen();
    let mut res = db
        .query(format!(
            "BEGIN TRANSACTION;
             LET $m = type::record('melding', $ref);
             LET $melders = (SELECT VALUE melder FROM $m WHERE {voorwaarde});
             FOR $md IN $melders {{
                 UPDATE $md SET naam = NONE, email = NONE, telefoon = NONE, geanonimiseerd = $nu RETURN NONE;
                 UPDATE $m SET geanonimiseerd = $nu RETURN NONE;
                 UPDATE $m SET zoektekst = {zoektekst} RETURN NONE;
                 UPDATE document SET verwijderd = $nu WHERE melding = $m AND verwijderd = NONE RETURN NONE;
                 CREATE audit SET tijdstip = time::now(), gebruiker = $systeem, rollen = [$systeem],
                     actie = 'anonimiseren', object = $ref, adres = NONE RETURN NONE;
             }};
             COMMIT TRANSACTION;
             SELECT VALUE referentie FROM melding WHERE referentie = $ref AND geanonimiseerd = $nu;"
        ))
        .bind(("ref", referentie.to_string()))
        .bind(("grens", grens))
        .bind(("gesloten", GESLOTEN.map(str::to_string).to_vec()))
        .bind(("nu", nu))
        .bind(("systeem", crate::audit::SYSTEEM.to_string()))
        .await?
        .check()?;
    let laatste = res.num_statements().saturating_sub(1);
    let gedaan: Vec<String> = res.take(laatste)?;
    Ok(!gedaan.is_empty())
}

/// Of these checksums, the ones no kept document row uses any more: their files may go.
pub async fn niet_meer_gebruikt(db: &Db, sha256: Vec<String>) -> surrealdb::Result<Vec<String>> {
    let mut res = db
        .query(
            "LET $houden = (SELECT VALUE sha256 FROM document WHERE sha256 IN $sha AND verwijderd = NONE);
             RETURN array::complement(array::distinct($sha), $houden);",
        )
        .bind(("sha", sha256))
        .await?
        .check()?;
    let laatste = res.num_statements().saturating_sub(1);
    res.take(laatste)
}

/// The checksums of every removed document (retention), each once.
pub async fn verwijderde_bestanden(db: &Db) -> surrealdb::Result<Vec<String>> {
    let mut res = db
        .query("RETURN array::distinct(SELECT VALUE sha256 FROM document WHERE verwijderd != NONE);")
        .await?
        .check()?;
    res.take(0)
}
