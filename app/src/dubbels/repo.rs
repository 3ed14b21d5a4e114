//! SurrealQL for possible duplicates and links between meldingen.

use crate::gemeen::Db;
use crate::gemeen::records::{gebruiker_record, melding_record};
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue};

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct EigenDb {
    pub locatie: Option<RecordId>,
    pub ontvangen: DateTime<Utc>,
    pub omschrijving: String,
}

pub async fn eigen(db: &Db, referentie: &str) -> surrealdb::Result<Option<EigenDb>> {
    let mut res = db
        .query("SELECT locatie, ontvangen, omschrijving FROM ONLY $m")
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?;
    res.take(0)
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct KandidaatDb {
    pub referentie: String,
    pub ontvangen: DateTime<Utc>,
    pub status: String,
    pub omschrijving: String,
}

/// The candidates' query: the window is one range of the `plaats_tijd` key (migration 0022), read
/// forward. No `ORDER BY … DESC`: surrealkv 0.21 starts a backward scan by walking its memtable
/// back from the end, past every newer key of later tables (the timelines), which took most of a
/// case page's time with 100,000 meldingen. The ranking is done afterwards anyway.
pub const KANDIDATEN: &str = "LET $gekoppeld = array::union(
         (SELECT VALUE b FROM koppeling WHERE a = $m), (SELECT VALUE a FROM koppeling WHERE b = $m));
     LET $l = record::id($locatie);
     LET $vanaf = string::concat($l, '@', <string> time::unix($van));
     LET $totaan = string::concat($l, '@', <string> time::unix($tot));
     SELECT referentie, ontvangen, status, omschrijving FROM melding
     WHERE plaats_tijd >= $vanaf AND plaats_tijd <= $totaan AND id != $m AND id NOTINSIDE $gekoppeld
     LIMIT 500;";

/// Meldingen about `locatie` received between `van` and `tot`, other than `referentie` and the
/// ones already linked to it.
pub async fn kandidaten(
    db: &Db,
    referentie: &str,
    locatie: RecordId,
    van: DateTime<Utc>,
    tot: DateTime<Utc>,
) -> surrealdb::Result<Vec<KandidaatDb>> {
    let mut res = db
        .query(KANDIDATEN)
        .bind(("m", melding_record(referentie)))
        .bind(("locatie", locatie))
        .bind(("van", van))
        .bind(("tot", tot))
        .await?
        .check()?;
    res.take(4)
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct GekoppeldDb {
    pub referentie: String,
    pub status: String,
    pub omschrijving: String,
    pub door: String,
    pub tijdstip: DateTime<Utc>,
}

/// The meldingen linked to `referentie`, from either side, oldest link first.
pub async fn gekoppeld(db: &Db, referentie: &str) -> surrealdb::Result<Vec<GekoppeldDb>> {
    let mut res = db
        .query(
            "SELECT ander.referentie AS referentie, ander.status AS status, ander.omschrijving AS omschrijving,
                 door.naam AS door, tijdstip
             FROM (SELECT door, tijdstip, (IF a = $m { b } ELSE { a }) AS ander FROM koppeling WHERE a = $m OR b = $m)
             ORDER BY tijdstip",
        )
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?;
    res.take(0)
}

/// A link or an unlink, with the timeline text for each side.
pub struct Wijziging<'a> {
    /// The lower reference of the pair, and its timeline text.
    pub a: (&'a str, String),
    pub b: (&'a str, String),
    pub door: &'a str,
    pub door_naam: &'a str,
    pub tijdstip: DateTime<Utc>,
}

/// The answer of a link or unlink.
#[derive(Debug, PartialEq, Eq)]
pub enum Uitkomst {
    Gedaan,
    Onbekend,
    /// Linking: already linked; unlinking: not linked.
    AlZo,
}

async fn voer_uit(db: &Db, w: Wijziging<'_>, sql: &str) -> surrealdb::Result<Uitkomst> {
    let mut res = db
        .query(format!(
            "BEGIN TRANSACTION;
             IF (SELECT VALUE id FROM ONLY $a) = NONE OR (SELECT VALUE id FROM ONLY $b) = NONE {{ THROW 'meldpunt:onbekend' }};
             LET $bestaat = (SELECT VALUE id FROM koppeling WHERE a = $a AND b = $b) != [];
             {sql}
             LET $va = (UPDATE ONLY $a SET versie += 1 RETURN VALUE versie);
             LET $vb = (UPDATE ONLY $b SET versie += 1 RETURN VALUE versie);
             CREATE tijdlijn SET melding = $a, versie = $va, tijdstip = $tijdstip, soort = 'koppeling', tekst = $ta,
                 door = $door_naam, gebruiker = $door RETURN NONE;
             CREATE tijdlijn SET melding = $b, versie = $vb, tijdstip = $tijdstip, soort = 'koppeling', tekst = $tb,
                 door = $door_naam, gebruiker = $door RETURN NONE;
             COMMIT TRANSACTION;"
        ))
        .bind(("a", melding_record(w.a.0)))
        .bind(("b", melding_record(w.b.0)))
        .bind(("ta", w.a.1))
        .bind(("tb", w.b.1))
        .bind(("door", gebruiker_record(w.door)))
        .bind(("door_naam", w.door_naam.to_string()))
        .bind(("tijdstip", w.tijdstip))
        .await?;
    // A failed transaction marks every statement as failed; the reason is in one of them.
    let fouten: Vec<surrealdb::Error> = res.take_errors().into_values().collect();
    let door = |m: &str| fouten.iter().any(|e| e.to_string().contains(m));
    if door("meldpunt:onbekend") {
        Ok(Uitkomst::Onbekend)
    } else if door("meldpunt:al zo") {
        Ok(Uitkomst::AlZo)
    } else {
        fouten.into_iter().next().map_or(Ok(Uitkomst::Gedaan), Err)
    }
}

pub async fn koppel(db: &Db, w: Wijziging<'_>) -> surrealdb::Result<Uitkomst> {
    voer_uit(
        db,
        w,
        "IF $bestaat { THROW 'meldpunt:al zo' };
         CREATE koppeling SET a = $a, b = $b, door = $door, tijdstip = $tijdstip RETURN NONE;",
    )
    .await
}

pub async fn ontkoppel(db: &Db, w: Wijziging<'_>) -> surrealdb::Result<Uitkomst> {
    voer_uit(
        db,
        w,
        "IF !$bestaat { THROW 'meldpunt:al zo' };
         DELETE koppeling WHERE a = $a AND b = $b RETURN NONE;",
    )
    .await
}
