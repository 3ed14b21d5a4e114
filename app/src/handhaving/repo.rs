//! SurrealQL for enforcement dossiers: opening one for a location, its steps, and writing a step
//! with the licence status it leads to, checked against the dossier's version in one transaction.

use super::model::{Maatregel, Stapsoort, Vergunning};
use crate::gemeen::Db;
use crate::gemeen::records::{gebruiker_record, locatie_record, melding_record};
use crate::gemeen::versie::{Opslag, Versie, schrijf_op_versie};
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue};

pub fn dossier_record(key: &str) -> RecordId {
    RecordId::new("dossier", key)
}

/// A dossier as its page reads it.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct DossierDb {
    pub id: String,
    pub nummer: String,
    pub locatie: String,
    pub locatie_naam: String,
    pub gemeente: String,
    pub organisator: String,
    pub vergunning: Vergunning,
    pub vergunning_begin: Vergunning,
    pub aanleiding: String,
    pub meldingen: Vec<String>,
    pub open: bool,
    pub geopend: DateTime<Utc>,
    pub geopend_door: String,
    pub versie: i64,
}

const DOSSIER_VELDEN: &str = "record::id(id) AS id, nummer, record::id(locatie) AS locatie, locatie.naam AS locatie_naam,
    locatie.gemeente AS gemeente, locatie.organisator.naam AS organisator, locatie.vergunning AS vergunning,
    vergunning_begin, aanleiding, (meldingen.referentie ?? []) AS meldingen, status = 'open' AS open,
    geopend, geopend_door, versie";

pub async fn een(db: &Db, key: &str) -> surrealdb::Result<Option<DossierDb>> {
    db.query(format!("SELECT {DOSSIER_VELDEN} FROM ONLY $d")).bind(("d", dossier_record(key))).await?.check()?.take(0)
}

/// Open dossiers first, then the most recently opened; at most 500.
pub async fn lijst(db: &Db) -> surrealdb::Result<Vec<DossierDb>> {
    db.query(format!("SELECT {DOSSIER_VELDEN} FROM dossier ORDER BY open DESC, geopend DESC LIMIT 500"))
        .await?
        .check()?
        .take(0)
}

/// A new dossier, frozen where it must be.
pub struct NieuwDossier {
    /// The year of the number series (H-2026-0001, …).
    pub jaar: i32,
    pub locatie: String,
    pub aanleiding: String,
    pub meldingen: Vec<String>,
    pub door: String,
    pub nu: DateTime<Utc>,
}

/// What opening a dossier ran into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    Geopend(String),
    LocatieOnbekend,
    /// A melding named is not one of this location's.
    MeldingOnbekend,
    /// The location has an open dossier: its key.
    AlOpen(String),
}

/// Opens the dossier, unless the location has an open one; one transaction, so two people opening
/// a dossier for the same location at once get one dossier, and a refused opening takes no number.
pub async fn open(db: &Db, key: &str, d: NieuwDossier) -> surrealdb::Result<Opening> {
    let meldingen: Vec<RecordId> = d.meldingen.iter().map(|r| melding_record(r)).collect();
    let mut res = db
        .query(
            "BEGIN TRANSACTION;
             LET $v = (SELECT VALUE vergunning FROM ONLY $locatie);
             IF $v = NONE { THROW 'meldpunt:locatie' };
             LET $open = (SELECT VALUE record::id(id) FROM dossier WHERE locatie = $locatie AND status = 'open' LIMIT 1);
             IF array::len($open) > 0 { THROW string::concat('meldpunt:open:', $open[0]) };
             IF array::len($meldingen) > 0
                 AND array::len(SELECT VALUE id FROM melding WHERE id IN $meldingen AND locatie = $locatie) != array::len($meldingen) {
                 THROW 'meldpunt:melding'
             };
             LET $n = (UPSERT ONLY type::record('teller', $reeks) SET waarde = (waarde ?? 0) + 1 RETURN VALUE waarde);
             LET $nul = IF $n < 10 { '000' } ELSE IF $n < 100 { '00' } ELSE IF $n < 1000 { '0' } ELSE { '' };
             LET $nummer = string::concat($reeks, '-', $nul, <string> $n);
             CREATE $id SET nummer = $nummer, locatie = $locatie, aanleiding = $aanleiding, meldingen = $meldingen,
                 status = 'open', vergunning_begin = $v, geopend = $nu, geopend_door = $door, versie = 0 RETURN NONE;
             COMMIT TRANSACTION;",
        )
        .bind(("id", dossier_record(key)))
        .bind(("locatie", locatie_record(&d.locatie)))
        .bind(("meldingen", meldingen))
        .bind(("reeks", format!("H-{}", d.jaar)))
        .bind(("aanleiding", d.aanleiding))
        .bind(("door", d.door))
        .bind(("nu", d.nu))
        .await?;
    let fouten: Vec<surrealdb::Error> = res.take_errors().into_values().collect();
    for f in &fouten {
        let tekst = f.to_string();
        if let Some(open) = tekst.split("meldpunt:open:").nth(1) {
            let sleutel: String = open.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            return Ok(Opening::AlOpen(sleutel));
        }
        if tekst.contains("meldpunt:locatie") {
            return Ok(Opening::LocatieOnbekend);
        }
        if tekst.contains("meldpunt:melding") {
            return Ok(Opening::MeldingOnbekend);
        }
    }
    fouten.into_iter().next().map_or(Ok(Opening::Geopend(key.to_string())), Err)
}

/// One step as stored.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct StapDb {
    pub volgnummer: i64,
    pub soort: Stapsoort,
    pub maatregel: Option<Maatregel>,
    pub onmiddellijk: bool,
    pub reden: Option<String>,
    pub tekst: String,
    pub datum: DateTime<Utc>,
    pub betekend: Option<DateTime<Utc>>,
    pub termijn: Option<DateTime<Utc>>,
    pub publiek: bool,
    pub door: String,
    pub tijdstip: DateTime<Utc>,
}

pub async fn stappen(db: &Db, key: &str) -> surrealdb::Result<Vec<StapDb>> {
    db.query(
        "SELECT volgnummer, soort, maatregel, onmiddellijk, reden, tekst, datum, betekend, termijn, publiek, door, tijdstip
         FROM dossier_stap WHERE dossier = $d ORDER BY volgnummer",
    )
    .bind(("d", dossier_record(key)))
    .await?
    .check()?
    .take(0)
}

/// A step to write; `volgnummer` is the dossier's new version.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct NieuweStapDb {
    pub soort: Stapsoort,
    pub maatregel: Option<Maatregel>,
    pub onmiddellijk: bool,
    pub reden: Option<String>,
    pub tekst: String,
    pub datum: DateTime<Utc>,
    pub betekend: Option<DateTime<Utc>>,
    pub termijn: Option<DateTime<Utc>>,
    pub publiek: bool,
    pub door: String,
    pub gebruiker: Option<RecordId>,
    pub tijdstip: DateTime<Utc>,
}

/// Writes the step if the dossier still has version `gelezen`; closes the dossier on a closing
/// step, and sets the location's licence (with a history row) when `vergunning` changes it.
pub async fn schrijf_stap(
    db: &Db,
    key: &str,
    gelezen: i64,
    mut stap: NieuweStapDb,
    vergunning: Option<(Vergunning, Vergunning)>,
    gebruiker: &str,
) -> surrealdb::Result<Opslag> {
    stap.gebruiker = Some(gebruiker_record(gebruiker));
    let sluit = stap.soort == Stapsoort::Afsluiting;
    let tijdstip = stap.tijdstip;
    let v = Versie { object: dossier_record(key), veld: "versie", gelezen };
    schrijf_op_versie(
        db,
        v,
        "IF (SELECT VALUE status FROM ONLY $object) != 'open' { THROW $verouderd };
         LET $stap = (CREATE ONLY dossier_stap SET dossier = $object, volgnummer = $nieuw, soort = $s.soort,
             maatregel = $s.maatregel, onmiddellijk = $s.onmiddellijk, reden = $s.reden, tekst = $s.tekst,
             datum = $s.datum, betekend = $s.betekend, termijn = $s.termijn, publiek = $s.publiek, door = $s.door,
             gebruiker = $s.gebruiker, tijdstip = $s.tijdstip RETURN VALUE id);
         UPDATE $object SET versie = $nieuw, status = IF $sluit { 'gesloten' } ELSE { status },
             gesloten = IF $sluit { $tijdstip } ELSE { gesloten } RETURN NONE;
         IF $vergunning != NONE {
             LET $locatie = (SELECT VALUE locatie FROM ONLY $object);
             UPDATE $locatie SET vergunning = $vergunning[1] RETURN NONE;
             CREATE vergunning_historiek SET locatie = $locatie, van = $vergunning[0], naar = $vergunning[1],
                 stap = $stap, tijdstip = $tijdstip RETURN NONE;
         };",
        |q| {
            q.bind(("s", stap))
                .bind(("sluit", sluit))
                .bind(("tijdstip", tijdstip))
                .bind(("vergunning", vergunning.map(|(van, naar)| vec![van.code().to_string(), naar.code().to_string()])))
        },
    )
    .await
}

/// The licence's changes at a location, oldest first.
pub async fn historiek(db: &Db, locatie: &str) -> surrealdb::Result<Vec<(Vergunning, Vergunning, DateTime<Utc>)>> {
    #[derive(SurrealValue)]
    #[surreal(crate = "surrealdb::types")]
    struct Rij {
        van: Vergunning,
        naar: Vergunning,
        tijdstip: DateTime<Utc>,
    }
    let rijen: Vec<Rij> = db
        .query("SELECT van, naar, tijdstip FROM vergunning_historiek WHERE locatie = $l ORDER BY tijdstip")
        .bind(("l", locatie_record(locatie)))
        .await?
        .check()?
        .take(0)?;
    Ok(rijen.into_iter().map(|r| (r.van, r.naar, r.tijdstip)).collect())
}
