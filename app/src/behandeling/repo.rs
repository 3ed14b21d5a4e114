//! SurrealQL for case handling. A step is stored only when the case still has the version the
//! case worker read; the check and the write happen in one transaction.

use super::model::{Bevestiging, Reden, Uitkomst, Wachtende};
use crate::auth::model::Rol;
use crate::gemeen::Db;
use crate::gemeen::records::melding_record;
use crate::gemeen::tijdlijn::{REGEL_VELDEN, Regel, RegelDb};
use crate::termijnen::model::{Eenheid, Klok};
use crate::zaak::model::{Beoordeling, Status, Urgentie, Zaaksoort};
use chrono::{DateTime, Utc};
use surrealdb::types::{Error, Kind, Object, RecordId, SurrealValue, Value};

/// The handling facts of a case as stored.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct StandDb {
    pub versie: i64,
    pub status: Status,
    pub soort: Zaaksoort,
    pub urgentie: Urgentie,
    pub ontvangen: DateTime<Utc>,
    pub behandelaar: Option<String>,
    pub bevestigd: bool,
    pub melder_bereikbaar: bool,
    pub conclusie: Option<Beoordeling>,
    pub conclusie_tekst: Option<String>,
    pub uitkomst: Option<Uitkomst>,
    pub wacht_op: Option<Wachtende>,
    pub pauze_dagen: i64,
    pub pauze_sinds: Option<DateTime<Utc>>,
    pub verlenging_dagen: i64,
    /// The periods chosen at intake (none on cases received before deadline rules existed).
    pub termijn_ontvangst: Option<i64>,
    pub termijn_eenheid: Option<Eenheid>,
    pub termijn_uitkomst: Option<i64>,
}

/// The fields `StandDb` reads.
pub const STAND_VELDEN: &str = "versie, status, soort, urgentie, ontvangen,
    (IF behandelaar { record::id(behandelaar) } ELSE { NONE }) AS behandelaar, bevestigd,
    (melder.email != NONE OR melder.telefoon != NONE) AS melder_bereikbaar,
    conclusie, conclusie_tekst, uitkomst, wacht_op, pauze_dagen, pauze_sinds, verlenging_dagen,
    termijn_ontvangst, termijn_eenheid, termijn_uitkomst";

impl StandDb {
    /// The clocks of this case.
    pub fn klok(&self, afgerond: bool) -> Klok {
        Klok {
            ontvangen: self.ontvangen,
            soort: self.soort,
            waarden: crate::termijnen::regels::Termijnwaarden::uit_opslag(
                self.soort,
                self.termijn_ontvangst,
                self.termijn_eenheid,
                self.termijn_uitkomst,
            ),
            bevestigd: self.bevestigd,
            afgerond,
            pauze_dagen: self.pauze_dagen,
            pauze_sinds: self.pauze_sinds,
            verlenging_dagen: self.verlenging_dagen,
            acuut: self.urgentie == Urgentie::Acuut,
        }
    }
}

/// An outcome is stored as `{ verstuurd: <how> }` or `{ geen: <why not> }` (migration 0017).
impl SurrealValue for Uitkomst {
    fn kind_of() -> Kind {
        Kind::Object
    }

    fn into_value(self) -> Value {
        let mut o = Object::new();
        match self {
            Uitkomst::Verstuurd(b) => o.insert("verstuurd", b),
            Uitkomst::Geen(r) => o.insert("geen", r.as_str().to_string()),
        };
        Value::Object(o)
    }

    fn from_value(v: Value) -> Result<Self, Error> {
        let Value::Object(mut o) = v else {
            return Err(surrealdb::types::conversion_error(Kind::Object, v));
        };
        match (o.remove("verstuurd"), o.remove("geen")) {
            (Some(b), None) => Ok(Uitkomst::Verstuurd(Bevestiging::from_value(b)?)),
            (None, Some(Value::String(r))) => Reden::parse(&r)
                .map(Uitkomst::Geen)
                .map_err(|_| Error::internal(format!("outcome without a valid reason in the database: {r:?}"))),
            _ => Err(Error::internal("an outcome in the database holds neither `verstuurd` nor `geen`".into())),
        }
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

/// Stores the deadlines of one case, without touching its version.
pub async fn zet_vervaldata(db: &Db, referentie: &str, bevestiging: String, uitkomst: String) -> surrealdb::Result<()> {
    db.query("UPDATE $m SET vervalt_bevestiging = $b, vervalt_uitkomst = $u RETURN NONE")
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
    pub status: Status,
    pub behandelaar: Option<RecordId>,
    pub bevestigd: bool,
    pub conclusie: Option<Beoordeling>,
    pub conclusie_tekst: Option<String>,
    pub uitkomst: Option<Uitkomst>,
    pub wacht_op: Option<Wachtende>,
    pub pauze_dagen: i64,
    pub pauze_sinds: Option<DateTime<Utc>>,
    pub verlenging_dagen: i64,
    pub afgerond: Option<DateTime<Utc>>,
    pub vervalt_bevestiging: String,
    pub vervalt_uitkomst: String,
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

/// The timeline of a case, oldest first; with `na`, only the entries written after that version.
pub async fn tijdlijn(db: &Db, referentie: &str, na: Option<i64>) -> surrealdb::Result<Vec<RegelDb>> {
    let sql = format!("SELECT {REGEL_VELDEN} FROM tijdlijn WHERE melding = $m AND versie > $na ORDER BY tijdstip, id");
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
pub async fn behandelaars(db: &Db, rollen: Vec<Rol>) -> surrealdb::Result<Vec<MedewerkerDb>> {
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
