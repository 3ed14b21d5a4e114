//! SurrealQL for writing and reviewing messages. A message and its timeline entry are written in
//! one transaction; messages never change the case's version (sending one changes nothing a case
//! worker's open form is based on).

use super::model::{BerichtKanaal, BerichtStatus};
use crate::gemeen::Db;
use crate::gemeen::records::{gebruiker_record, melding_record};
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue};

pub fn bericht_record(key: &str) -> RecordId {
    RecordId::new("bericht", key)
}

/// One recipient as stored.
#[derive(Debug, Clone, PartialEq, Eq, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct OntvangerDb {
    pub naam: Option<String>,
    pub email: String,
}

/// What the merge fields and the recipient list read from a case.
#[derive(Debug, Clone, Default, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct ZaakDb {
    pub referentie: String,
    pub soort: String,
    pub ontvangen: DateTime<Utc>,
    pub feit_datum: String,
    pub categorieen: Vec<String>,
    pub conclusie: Option<String>,
    pub conclusie_tekst: Option<String>,
    pub vervalt_bevestiging: Option<String>,
    pub vervalt_uitkomst: Option<String>,
    pub melder_naam: Option<String>,
    pub melder_email: Option<String>,
    pub melder_anoniem: bool,
    pub geanonimiseerd: bool,
    pub locatie_naam: Option<String>,
    pub locatie_straat: Option<String>,
    pub locatie_postcode: Option<String>,
    pub locatie_gemeente: Option<String>,
    pub organisator_naam: Option<String>,
    pub organisator_email: Option<String>,
    pub behandelaar_naam: Option<String>,
    pub medebehandelaar_naam: Option<String>,
    pub medebehandelaar_email: Option<String>,
}

pub async fn zaak(db: &Db, referentie: &str) -> surrealdb::Result<Option<ZaakDb>> {
    db.query(
        "SELECT referentie, soort, ontvangen, feit_datum, categorieen, conclusie, conclusie_tekst,
             vervalt_bevestiging, vervalt_uitkomst, melder.naam AS melder_naam, melder.email AS melder_email,
             melder.anoniem AS melder_anoniem, geanonimiseerd != NONE AS geanonimiseerd,
             locatie.naam AS locatie_naam, locatie.straat AS locatie_straat, locatie.postcode AS locatie_postcode,
             locatie.gemeente AS locatie_gemeente, locatie.organisator.naam AS organisator_naam,
             locatie.organisator.email AS organisator_email, behandelaar.naam AS behandelaar_naam,
             medebehandelaar.naam AS medebehandelaar_naam, medebehandelaar.email AS medebehandelaar_email
         FROM ONLY $m",
    )
    .bind(("m", melding_record(referentie)))
    .await?
    .check()?
    .take(0)
}

/// A case document that may go along as an attachment.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct BijlageDb {
    pub id: String,
    pub naam: String,
    pub soort: crate::documenten::model::Documentsoort,
    pub sha256: String,
    pub grootte: i64,
}

pub async fn documenten(db: &Db, referentie: &str) -> surrealdb::Result<Vec<BijlageDb>> {
    db.query("SELECT record::id(id) AS id, naam, soort, sha256, grootte FROM document WHERE melding = $m ORDER BY tijdstip")
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?
        .take(0)
}

/// A new message, frozen as written.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct NieuwBerichtDb {
    pub melding: RecordId,
    pub kanaal: BerichtKanaal,
    /// A letter's address lines; `None` for e-mail.
    pub postadres: Option<Vec<String>>,
    pub sjabloon: Option<String>,
    pub sjabloon_revisie: Option<i64>,
    pub publiek: String,
    pub aan: Vec<OntvangerDb>,
    pub onderwerp: String,
    pub inhoud: String,
    pub html: String,
    pub tekst: String,
    pub bijlagen: Vec<RecordId>,
    pub pdf: Option<RecordId>,
    pub hash: String,
    pub message_id: String,
    pub schrijver: Option<RecordId>,
    pub door: String,
    pub geschreven: DateTime<Utc>,
    pub automatisch: bool,
    pub tweede_lezer: bool,
    pub status: BerichtStatus,
    pub pogingen: i64,
    pub volgende_poging: DateTime<Utc>,
    pub gewijzigd: DateTime<Utc>,
}

/// Writes the message and its timeline entry in one transaction. `false`: the case does not
/// exist, or an attachment is not one of its documents.
pub async fn schrijf(db: &Db, sleutel: &str, b: NieuwBerichtDb, tijdlijn: &str) -> surrealdb::Result<bool> {
    let mut res = db
        .query(
            "BEGIN TRANSACTION;
             IF (SELECT VALUE id FROM ONLY $m) = NONE { THROW 'meldpunt:onbekend' };
             IF array::len($b.bijlagen) > 0 AND (SELECT VALUE id FROM document WHERE id IN $b.bijlagen AND melding = $m).len() != array::len($b.bijlagen) {
                 THROW 'meldpunt:onbekend'
             };
             CREATE $id CONTENT $b RETURN NONE;
             LET $v = (SELECT VALUE versie FROM ONLY $m);
             CREATE tijdlijn SET melding = $m, versie = $v, tijdstip = $b.geschreven,
                 soort = 'bericht', tekst = $tekst, door = $b.door, gebruiker = $b.schrijver RETURN NONE;
             COMMIT TRANSACTION;",
        )
        .bind(("m", b.melding.clone()))
        .bind(("id", bericht_record(sleutel)))
        .bind(("b", b))
        .bind(("tekst", tijdlijn.to_string()))
        .await?;
    let fouten: Vec<surrealdb::Error> = res.take_errors().into_values().collect();
    if fouten.iter().any(|e| e.to_string().contains("meldpunt:onbekend")) {
        return Ok(false);
    }
    fouten.into_iter().next().map_or(Ok(true), Err)
}

/// A stored message, as lists and the review page read it.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct BerichtDb {
    pub id: String,
    pub referentie: String,
    pub kanaal: BerichtKanaal,
    pub postadres: Option<Vec<String>>,
    pub status: BerichtStatus,
    pub publiek: String,
    pub aan: Vec<OntvangerDb>,
    pub onderwerp: String,
    pub inhoud: String,
    pub html: String,
    pub tekst: String,
    pub bijlage_namen: Vec<String>,
    pub bijlage_hashes: Vec<String>,
    pub bijlage_soorten: Vec<crate::documenten::model::Documentsoort>,
    pub pdf: Option<String>,
    pub hash: String,
    pub message_id: String,
    pub schrijver: Option<String>,
    pub door: String,
    pub geschreven: DateTime<Utc>,
    pub sjabloon: Option<String>,
    pub sjabloon_revisie: Option<i64>,
    pub automatisch: bool,
    pub tweede_lezer: bool,
    pub goedgekeurd_naam: Option<String>,
    pub goedgekeurd_hash: Option<String>,
    pub opmerking: Option<String>,
    pub pogingen: i64,
    pub volgende_poging: DateTime<Utc>,
    pub laatste_fout: Option<String>,
    pub smtp_antwoord: Option<String>,
    pub verzonden: Option<DateTime<Utc>>,
}

pub const BERICHT_VELDEN: &str = "record::id(id) AS id, melding.referentie AS referentie, kanaal, postadres, status, publiek,
    aan, onderwerp, inhoud, html, tekst, (bijlagen.naam ?? []) AS bijlage_namen,
    (bijlagen.sha256 ?? []) AS bijlage_hashes, (bijlagen.soort ?? []) AS bijlage_soorten,
    (IF pdf { record::id(pdf) } ELSE { NONE }) AS pdf, hash, message_id, (IF schrijver { record::id(schrijver) } ELSE { NONE }) AS schrijver, door,
    geschreven, sjabloon, sjabloon_revisie, automatisch, tweede_lezer, goedgekeurd_naam, goedgekeurd_hash,
    opmerking, pogingen, volgende_poging, laatste_fout, smtp_antwoord, verzonden";

pub async fn van_melding(db: &Db, referentie: &str) -> surrealdb::Result<Vec<BerichtDb>> {
    db.query(format!("SELECT {BERICHT_VELDEN} FROM bericht WHERE melding = $m ORDER BY geschreven"))
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?
        .take(0)
}

pub async fn een(db: &Db, sleutel: &str) -> surrealdb::Result<Option<BerichtDb>> {
    db.query(format!("SELECT {BERICHT_VELDEN} FROM ONLY $b"))
        .bind(("b", bericht_record(sleutel)))
        .await?
        .check()?
        .take(0)
}

/// Messages with one of `statussen`, oldest first (at most 500: a list people work through).
pub async fn met_status(db: &Db, statussen: &[BerichtStatus]) -> surrealdb::Result<Vec<BerichtDb>> {
    let statussen: Vec<String> = statussen.iter().map(|s| s.code().to_string()).collect();
    db.query(format!("SELECT {BERICHT_VELDEN} FROM bericht WHERE status IN $s ORDER BY geschreven LIMIT 500"))
        .bind(("s", statussen))
        .await?
        .check()?
        .take(0)
}

/// Letters ready to print and post (approved where needed), oldest first; only those of `ids`
/// when given.
pub async fn brieven_klaar(db: &Db, ids: Option<&[String]>) -> surrealdb::Result<Vec<BerichtDb>> {
    let ids: Option<Vec<RecordId>> = ids.map(|ids| ids.iter().map(|i| bericht_record(i)).collect());
    db.query(format!(
        "SELECT {BERICHT_VELDEN} FROM bericht WHERE kanaal = 'brief' AND status = 'wachtrij'
             AND ($ids = NONE OR id IN $ids) ORDER BY geschreven LIMIT 500"
    ))
    .bind(("ids", ids))
    .await?
    .check()?
    .take(0)
}

/// A reviewer's decision, the staff action on a failed message, or the outbox's answer.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct Overgang {
    /// The status the message must still have; nothing is written otherwise.
    pub van: BerichtStatus,
    pub naar: BerichtStatus,
    pub tijdstip: DateTime<Utc>,
    /// For the timeline.
    pub tekst: String,
    pub door: String,
    pub gebruiker: Option<RecordId>,
    /// Approval: the hash approved.
    pub goedgekeurd_hash: Option<String>,
    pub opmerking: Option<String>,
}

/// Moves a message from `o.van` to `o.naar` with its timeline entry, in one transaction; an
/// approval stores who approved which hash, a retry makes it due now. `false` when the message
/// is not (or no longer) in `o.van`.
pub async fn overgang(db: &Db, sleutel: &str, o: Overgang) -> surrealdb::Result<bool> {
    let mut res = db
        .query(
            "BEGIN TRANSACTION;
             LET $m = (UPDATE $b SET status = $o.naar, gewijzigd = $o.tijdstip,
                 goedgekeurd_hash = IF $o.goedgekeurd_hash != NONE { $o.goedgekeurd_hash } ELSE { goedgekeurd_hash },
                 goedgekeurd_door = IF $o.goedgekeurd_hash != NONE { $o.gebruiker } ELSE { goedgekeurd_door },
                 goedgekeurd_naam = IF $o.goedgekeurd_hash != NONE { $o.door } ELSE { goedgekeurd_naam },
                 goedgekeurd_op = IF $o.goedgekeurd_hash != NONE { $o.tijdstip } ELSE { goedgekeurd_op },
                 opmerking = IF $o.opmerking != NONE { $o.opmerking } ELSE { opmerking },
                 volgende_poging = IF $o.naar = 'wachtrij' { $o.tijdstip } ELSE { volgende_poging },
                 verzonden = IF $o.naar = 'verzonden' { $o.tijdstip } ELSE { verzonden },
                 pogingen = IF $o.van = 'mislukt' { 0 } ELSE { pogingen },
                 lease_door = NONE, lease_tot = NONE
                 WHERE status = $o.van RETURN VALUE melding);
             LET $v = IF array::len($m) > 0 { (SELECT VALUE versie FROM ONLY $m[0]) } ELSE { 0 };
             IF array::len($m) > 0 {
                 CREATE tijdlijn SET melding = $m[0], versie = $v,
                     tijdstip = $o.tijdstip, soort = 'bericht', tekst = $o.tekst, door = $o.door,
                     gebruiker = $o.gebruiker RETURN NONE;
             };
             COMMIT TRANSACTION;
             SELECT VALUE status FROM ONLY $b;",
        )
        .bind(("b", bericht_record(sleutel)))
        .bind(("o", o.clone()))
        .await?;
    let fouten: Vec<surrealdb::Error> = res.take_errors().into_values().collect();
    if let Some(e) = fouten.into_iter().next() {
        return if crate::gemeen::versie::is_conflict(&e) { Ok(false) } else { Err(e) };
    }
    let status: Option<BerichtStatus> = res.take(res.num_statements() - 1)?;
    Ok(status == Some(o.naar))
}

pub fn document(key: &str) -> RecordId {
    RecordId::new("document", key)
}

pub fn gebruiker(id: &str) -> RecordId {
    gebruiker_record(id)
}
