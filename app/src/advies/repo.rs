//! SurrealQL for adviesvragen.

use super::model::Discipline;
use crate::gemeen::Db;
use crate::gemeen::records::{gebruiker_record, melding_record};
use crate::gemeen::tijdlijn::Regel;
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue};

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct NieuwDb {
    pub aan_discipline: Option<Discipline>,
    pub aan_gebruiker: Option<RecordId>,
    pub vraag: String,
    pub vervalt: String,
    pub deel_omschrijving: bool,
    pub deel_locatie: bool,
    pub deel_melder: bool,
}

/// Stores a request and its timeline entry, and raises the case's version, in one transaction.
/// `false` when the case does not exist.
pub async fn bewaar(db: &Db, referentie: &str, door: &str, nieuw: NieuwDb, regel: Regel) -> surrealdb::Result<bool> {
    let res = db
        .query(
            "BEGIN TRANSACTION;
             IF (SELECT VALUE id FROM ONLY $m) = NONE { THROW 'meldpunt:onbekend' };
             LET $v = (UPDATE ONLY $m SET versie += 1 RETURN VALUE versie);
             CREATE adviesvraag SET melding = $m, gevraagd_door = $door, gevraagd_op = $r.tijdstip,
                 aan_discipline = $n.aan_discipline, aan_gebruiker = $n.aan_gebruiker, vraag = $n.vraag,
                 vervalt = $n.vervalt, deel_omschrijving = $n.deel_omschrijving, deel_locatie = $n.deel_locatie,
                 deel_melder = $n.deel_melder RETURN NONE;
             CREATE tijdlijn SET melding = $m, versie = $v, tijdstip = $r.tijdstip, soort = $r.soort, tekst = $r.tekst,
                 door = $r.door, gebruiker = $door RETURN NONE;
             COMMIT TRANSACTION;",
        )
        .bind(("m", melding_record(referentie)))
        .bind(("door", gebruiker_record(door)))
        .bind(("n", nieuw))
        .bind(("r", regel))
        .await?
        .check();
    match res {
        Ok(_) => Ok(true),
        Err(e) if e.to_string().contains("meldpunt:onbekend") => Ok(false),
        Err(e) => Err(e),
    }
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct AdviesDb {
    pub id: String,
    pub referentie: String,
    pub aan_discipline: Option<Discipline>,
    pub aan_gebruiker: Option<String>,
    pub aan_naam: Option<String>,
    pub vraag: String,
    pub gevraagd_door: String,
    pub gevraagd_op: DateTime<Utc>,
    pub vervalt: String,
    pub antwoord: Option<String>,
    pub beantwoord_door: Option<String>,
    pub beantwoord_op: Option<DateTime<Utc>>,
    pub deel_omschrijving: bool,
    pub deel_locatie: bool,
    pub deel_melder: bool,
}

const VELDEN: &str = "record::id(id) AS id, melding.referentie AS referentie, aan_discipline,
    (IF aan_gebruiker { record::id(aan_gebruiker) } ELSE { NONE }) AS aan_gebruiker, aan_gebruiker.naam AS aan_naam,
    vraag, gevraagd_door.naam AS gevraagd_door, gevraagd_op, vervalt, antwoord, beantwoord_door.naam AS beantwoord_door,
    beantwoord_op, deel_omschrijving, deel_locatie, deel_melder";

pub async fn van_melding(db: &Db, referentie: &str) -> surrealdb::Result<Vec<AdviesDb>> {
    let sql = format!("SELECT {VELDEN} FROM adviesvraag WHERE melding = $m ORDER BY gevraagd_op");
    let mut res = db.query(sql).bind(("m", melding_record(referentie))).await?.check()?;
    res.take(0)
}

pub async fn een(db: &Db, id: &str) -> surrealdb::Result<Option<AdviesDb>> {
    let sql = format!("SELECT {VELDEN} FROM ONLY type::record('adviesvraag', $id)");
    let mut res = db.query(sql).bind(("id", id.to_string())).await?.check()?;
    res.take(0)
}

/// The requests addressed to this expert or to their discipline, open ones first.
pub async fn voor_expert(db: &Db, gebruiker: &str) -> surrealdb::Result<Vec<AdviesDb>> {
    let sql = format!(
        "LET $g = type::record('gebruiker', $gebruiker);
         SELECT {VELDEN}, beantwoord_op = NONE AS open FROM adviesvraag
         WHERE aan_gebruiker = $g OR (aan_discipline != NONE AND aan_discipline = $g.discipline)
         ORDER BY open DESC, vervalt ASC LIMIT 200"
    );
    let mut res = db.query(sql).bind(("gebruiker", gebruiker.to_string())).await?.check()?;
    res.take(1)
}

pub async fn discipline(db: &Db, gebruiker: &str) -> surrealdb::Result<Option<Discipline>> {
    let mut res = db
        .query("SELECT VALUE discipline FROM ONLY type::record('gebruiker', $g)")
        .bind(("g", gebruiker.to_string()))
        .await?
        .check()?;
    Ok(res.take::<Option<Option<Discipline>>>(0)?.flatten())
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct ExpertDb {
    pub id: String,
    pub naam: String,
    pub discipline: Option<Discipline>,
}

pub async fn experts(db: &Db) -> surrealdb::Result<Vec<ExpertDb>> {
    let mut res = db
        .query(
            "SELECT record::id(id) AS id, naam, discipline FROM gebruiker
             WHERE actief = true AND rollen CONTAINS 'expert' ORDER BY naam",
        )
        .await?
        .check()?;
    res.take(0)
}

/// Stores the answer once; `false` when it was answered already.
pub async fn beantwoord(db: &Db, id: &str, door: &str, antwoord: &str, regel: Regel) -> surrealdb::Result<bool> {
    let res = db
        .query(
            "BEGIN TRANSACTION;
             LET $a = type::record('adviesvraag', $id);
             IF (SELECT VALUE beantwoord_op FROM ONLY $a) != NONE { THROW 'meldpunt:al beantwoord' };
             UPDATE $a SET antwoord = $antwoord, beantwoord_door = $door, beantwoord_op = $r.tijdstip RETURN NONE;
             LET $m = $a.melding;
             LET $v = (UPDATE ONLY $m SET versie += 1 RETURN VALUE versie);
             CREATE tijdlijn SET melding = $m, versie = $v, tijdstip = $r.tijdstip, soort = $r.soort, tekst = $r.tekst,
                 door = $r.door, gebruiker = $door RETURN NONE;
             COMMIT TRANSACTION;",
        )
        .bind(("id", id.to_string()))
        .bind(("door", gebruiker_record(door)))
        .bind(("antwoord", antwoord.to_string()))
        .bind(("r", regel))
        .await?
        .check();
    match res {
        Ok(_) => Ok(true),
        Err(e) if e.to_string().contains("meldpunt:al beantwoord") => Ok(false),
        Err(e) => Err(e),
    }
}

pub async fn zet_discipline(db: &Db, email: &str, discipline: Discipline) -> surrealdb::Result<()> {
    db.query("UPDATE gebruiker SET discipline = $d WHERE email = $email RETURN NONE")
        .bind(("d", discipline))
        .bind(("email", email.to_string()))
        .await?
        .check()?;
    Ok(())
}
