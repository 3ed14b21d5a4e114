//! SurrealQL for case handling. A step is stored only when the case still has the version the
//! case worker read; the check and the write happen in one transaction.

use crate::gemeen::Db;
use crate::meldingen::repo::melding_record;
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue, Value};

/// The handling facts of a case as stored.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct StandDb {
    pub versie: i64,
    pub status: String,
    pub soort: String,
    pub urgentie: String,
    pub ontvangen: DateTime<Utc>,
    pub behandelaar: Option<String>,
    pub bevestigd: bool,
    pub melder_bereikbaar: bool,
    pub conclusie: Option<String>,
    pub conclusie_tekst: Option<String>,
    pub uitkomst: Option<String>,
    pub wacht_op: Option<String>,
    pub pauze_dagen: i64,
    pub pauze_sinds: Option<DateTime<Utc>>,
    pub verlenging_dagen: i64,
    /// The periods chosen at intake (none on cases received before deadline rules existed).
    pub termijn_ontvangst: Option<i64>,
    pub termijn_eenheid: Option<String>,
    pub termijn_uitkomst: Option<i64>,
}

/// The fields of the handling facts, with defaults for rows written before they existed.
pub const STAND_VELDEN: &str = "versie ?? 1 AS versie, status, soort ?? 'melding' AS soort, urgentie, ontvangen,
    (IF behandelaar { record::id(behandelaar) } ELSE { NONE }) AS behandelaar,
    bevestigd ?? (status != 'ontvangen') AS bevestigd,
    (melder.email != NONE OR melder.telefoon != NONE) AS melder_bereikbaar,
    conclusie, conclusie_tekst, uitkomst, wacht_op,
    pauze_dagen ?? 0 AS pauze_dagen, pauze_sinds, verlenging_dagen ?? 0 AS verlenging_dagen,
    termijn_ontvangst, termijn_eenheid, termijn_uitkomst";

impl StandDb {
    /// The clocks of this case (`status` as parsed from the row).
    pub fn klok(&self, afgerond: bool) -> Option<crate::termijnen::model::Klok> {
        let soort = crate::termijnen::model::Zaaksoort::from_code(&self.soort)?;
        Some(crate::termijnen::model::Klok {
            ontvangen: self.ontvangen,
            soort,
            waarden: crate::termijnen::regels::Termijnwaarden::uit_opslag(
                soort,
                self.termijn_ontvangst,
                self.termijn_eenheid.as_deref(),
                self.termijn_uitkomst,
            ),
            bevestigd: self.bevestigd,
            afgerond,
            pauze_dagen: self.pauze_dagen,
            pauze_sinds: self.pauze_sinds,
            verlenging_dagen: self.verlenging_dagen,
            acuut: self.urgentie == "acuut",
        })
    }
}

/// Rows whose stored deadlines are missing (written before they were stored).
pub async fn zonder_vervaldata(db: &Db, limiet: i64) -> surrealdb::Result<Vec<(String, StandDb)>> {
    #[derive(SurrealValue)]
    #[surreal(crate = "surrealdb::types")]
    struct Rij {
        referentie: String,
        #[surreal(flatten)]
        stand: StandDb,
    }
    let sql = format!("SELECT referentie, {STAND_VELDEN} FROM melding WHERE vervalt_uitkomst = NONE LIMIT $limiet");
    let mut res = db.query(sql).bind(("limiet", limiet)).await?.check()?;
    let rijen: Vec<Rij> = res.take(0)?;
    Ok(rijen.into_iter().map(|r| (r.referentie, r.stand)).collect())
}

/// Stores the deadlines (and the search text when missing) of one case, without touching its version.
pub async fn zet_vervaldata(db: &Db, referentie: &str, bevestiging: String, uitkomst: String) -> surrealdb::Result<()> {
    db.query(format!(
        "UPDATE $m SET vervalt_bevestiging = $b, vervalt_uitkomst = $u, zoektekst = zoektekst ?? {}
             RETURN NONE",
        crate::meldingen::repo::ZOEKTEKST
    ))
    .bind(("m", melding_record(referentie)))
    .bind(("b", bevestiging))
    .bind(("u", uitkomst))
    .await?
    .check()?;
    Ok(())
}

pub async fn stand(db: &Db, referentie: &str) -> surrealdb::Result<Option<StandDb>> {
    let sql = format!("SELECT {STAND_VELDEN} FROM ONLY $m");
    let mut res = db.query(sql).bind(("m", melding_record(referentie))).await?.check()?;
    res.take(0)
}

/// What a step writes on the case.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct Wijziging {
    pub status: String,
    pub behandelaar: Option<RecordId>,
    pub bevestigd: bool,
    pub conclusie: Option<String>,
    pub conclusie_tekst: Option<String>,
    pub uitkomst: Option<String>,
    pub wacht_op: Option<String>,
    pub pauze_dagen: i64,
    pub pauze_sinds: Option<DateTime<Utc>>,
    pub verlenging_dagen: i64,
    pub afgerond: Option<DateTime<Utc>>,
    pub vervalt_bevestiging: String,
    pub vervalt_uitkomst: String,
}

/// One new timeline entry.
#[derive(Debug, Clone, Default, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct Regel {
    pub tijdstip: DateTime<Utc>,
    pub soort: String,
    pub tekst: String,
    pub door: String,
    pub gebruiker: Option<RecordId>,
    pub kanaal: Option<String>,
    pub richting: Option<String>,
    pub partij: Option<String>,
    pub corrigeert: Option<RecordId>,
}

pub fn gebruiker_record(key: &str) -> RecordId {
    RecordId::new("gebruiker", key)
}

pub fn tijdlijn_record(key: &str) -> RecordId {
    RecordId::new("tijdlijn", key)
}

pub use crate::gemeen::versie::Opslag;
use crate::gemeen::versie::{Versie, schrijf_erbij, schrijf_op_versie};

/// Writes a step and its timeline entries, if the case is still at version `versie`.
pub async fn bewaar_stap(
    db: &Db,
    referentie: &str,
    versie: i64,
    wijziging: Wijziging,
    regels: Vec<Regel>,
) -> surrealdb::Result<Opslag> {
    let v = Versie { object: melding_record(referentie), veld: "versie", gelezen: versie };
    schrijf_op_versie(
        db,
        v,
        "UPDATE $object SET status = $w.status, behandelaar = $w.behandelaar, bevestigd = $w.bevestigd,
             conclusie = $w.conclusie, conclusie_tekst = $w.conclusie_tekst, uitkomst = $w.uitkomst,
             wacht_op = $w.wacht_op, pauze_dagen = $w.pauze_dagen, pauze_sinds = $w.pauze_sinds,
             verlenging_dagen = $w.verlenging_dagen, afgerond = $w.afgerond,
             vervalt_bevestiging = $w.vervalt_bevestiging, vervalt_uitkomst = $w.vervalt_uitkomst, versie = $nieuw
             RETURN NONE;
         FOR $r IN $regels {
             CREATE tijdlijn SET melding = $object, versie = $nieuw, tijdstip = $r.tijdstip, soort = $r.soort, tekst = $r.tekst,
                 door = $r.door, gebruiker = $r.gebruiker, kanaal = $r.kanaal, richting = $r.richting, partij = $r.partij,
                 corrigeert = $r.corrigeert
             RETURN NONE;
         };",
        |q| q.bind(("w", wijziging)).bind(("regels", regels)),
    )
    .await
}

/// Appends one entry (a note, a contact, a correction) and raises the version. Notes never
/// overwrite anything, so they need no version check; a correction must point into the same case.
/// `false` when the case does not exist.
pub async fn voeg_toe(db: &Db, referentie: &str, regel: Regel) -> surrealdb::Result<bool> {
    let opslag = schrijf_erbij(
        db,
        melding_record(referentie),
        "IF $r.corrigeert AND $r.corrigeert.melding != $object { THROW 'meldpunt:vreemde correctie' };
         LET $v = (UPDATE ONLY $object SET versie += 1 RETURN VALUE versie);
         CREATE tijdlijn SET melding = $object, versie = $v, tijdstip = $r.tijdstip, soort = $r.soort, tekst = $r.tekst,
             door = $r.door, gebruiker = $r.gebruiker, kanaal = $r.kanaal, richting = $r.richting, partij = $r.partij,
             corrigeert = $r.corrigeert
             RETURN NONE;",
        |q| q.bind(("r", regel)),
    )
    .await?;
    Ok(opslag != Opslag::Onbekend)
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct RegelDb {
    pub id: String,
    pub tijdstip: DateTime<Utc>,
    pub soort: String,
    pub tekst: String,
    pub door: String,
    pub versie: i64,
    pub kanaal: Option<String>,
    pub richting: Option<String>,
    pub partij: Option<String>,
    pub corrigeert: Option<String>,
}

pub const REGEL_VELDEN: &str = "record::id(id) AS id, tijdstip, soort, tekst, door, versie ?? 1 AS versie,
    kanaal, richting, partij, (IF corrigeert { record::id(corrigeert) } ELSE { NONE }) AS corrigeert";

/// The timeline of a case, oldest first; with `na`, only the entries written after that version.
pub async fn tijdlijn(db: &Db, referentie: &str, na: Option<i64>) -> surrealdb::Result<Vec<RegelDb>> {
    let sql =
        format!("SELECT {REGEL_VELDEN} FROM tijdlijn WHERE melding = $m AND (versie ?? 1) > $na ORDER BY tijdstip, id");
    let mut res =
        db.query(sql).bind(("m", melding_record(referentie))).bind(("na", na.unwrap_or(i64::MIN))).await?.check()?;
    res.take(0)
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct MedewerkerDb {
    pub id: String,
    pub naam: String,
}

/// Active staff who may handle cases, by name.
pub async fn behandelaars(db: &Db, rollen: Vec<String>) -> surrealdb::Result<Vec<MedewerkerDb>> {
    let mut res = db
        .query(
            "SELECT record::id(id) AS id, naam FROM gebruiker
             WHERE actief = true AND rollen ANYINSIDE $rollen ORDER BY naam",
        )
        .bind(("rollen", rollen))
        .await?
        .check()?;
    res.take(0)
}
