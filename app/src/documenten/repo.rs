//! SurrealQL for documents.

use super::model::Documentsoort;
use crate::gemeen::Db;
use crate::gemeen::records::{gebruiker_record, melding_record};
use crate::gemeen::tijdlijn::Regel;
use crate::gemeen::versie::{Opslag, schrijf_erbij};
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue};

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct NieuwDocumentDb {
    pub naam: String,
    pub soort: Documentsoort,
    pub grootte: i64,
    pub sha256: String,
    pub adviesvraag: Option<RecordId>,
}

pub fn document_record(key: &str) -> RecordId {
    RecordId::new("document", key)
}

/// Stores the document row and its timeline entry, and raises the case's version, in one
/// transaction. `false` when the case does not exist.
pub async fn bewaar(
    db: &Db,
    referentie: &str,
    sleutel: &str,
    door: &str,
    nieuw: NieuwDocumentDb,
    regel: Regel,
) -> surrealdb::Result<bool> {
    let opslag = schrijf_erbij(
        db,
        melding_record(referentie),
        "LET $v = (UPDATE ONLY $object SET versie += 1 RETURN VALUE versie);
         CREATE $d SET melding = $object, adviesvraag = $n.adviesvraag, naam = $n.naam, soort = $n.soort,
             grootte = $n.grootte, sha256 = $n.sha256, door = $door, tijdstip = $r.tijdstip RETURN NONE;
         CREATE tijdlijn SET melding = $object, versie = $v, tijdstip = $r.tijdstip, soort = $r.soort, tekst = $r.tekst,
             door = $r.door, gebruiker = $door RETURN NONE;",
        |q| {
            q.bind(("d", document_record(sleutel)))
                .bind(("door", gebruiker_record(door)))
                .bind(("n", nieuw))
                .bind(("r", regel))
        },
    )
    .await?;
    Ok(opslag != Opslag::Onbekend)
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct DocumentDb {
    pub id: String,
    pub referentie: String,
    pub adviesvraag: Option<String>,
    pub naam: String,
    pub soort: Documentsoort,
    pub grootte: i64,
    pub sha256: String,
    pub door: String,
    pub tijdstip: DateTime<Utc>,
    /// When retention deleted its file (the row stays).
    pub verwijderd: Option<DateTime<Utc>>,
}

const VELDEN: &str = "record::id(id) AS id, melding.referentie AS referentie,
    (IF adviesvraag { record::id(adviesvraag) } ELSE { NONE }) AS adviesvraag,
    naam, soort, grootte, sha256, door.naam AS door, tijdstip, verwijderd";

pub async fn van_melding(db: &Db, referentie: &str) -> surrealdb::Result<Vec<DocumentDb>> {
    let sql = format!("SELECT {VELDEN} FROM document WHERE melding = $m ORDER BY tijdstip, id");
    let mut res = db.query(sql).bind(("m", melding_record(referentie))).await?.check()?;
    res.take(0)
}

pub async fn van_adviesvraag(db: &Db, adviesvraag: &str) -> surrealdb::Result<Vec<DocumentDb>> {
    let sql = format!(
        "SELECT {VELDEN} FROM document WHERE adviesvraag = type::record('adviesvraag', $a) ORDER BY tijdstip, id"
    );
    let mut res = db.query(sql).bind(("a", adviesvraag.to_string())).await?.check()?;
    res.take(0)
}

pub async fn een(db: &Db, sleutel: &str) -> surrealdb::Result<Option<DocumentDb>> {
    let sql = format!("SELECT {VELDEN} FROM ONLY $d");
    let mut res = db.query(sql).bind(("d", document_record(sleutel))).await?.check()?;
    res.take(0)
}
