//! SurrealQL for analysis points, follow-up actions and the co-handler. Edits of points and the
//! co-handler are stored only when the case still has the version the case worker read; the
//! check, the change, the new version and the timeline entry happen in one transaction.

use super::model::Opvolgsoort;
use crate::gemeen::Db;
use crate::gemeen::records::melding_record;
use crate::gemeen::tijdlijn::Regel;
use crate::zaak::model::Beoordeling;
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue};

pub use crate::gemeen::versie::Opslag;
use crate::gemeen::versie::{Versie, schrijf_erbij, schrijf_op_versie};

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct BetrokkenenDb {
    pub medebehandelaar: Option<String>,
    pub medebehandelaar_naam: Option<String>,
    pub accountbeheerder: Option<String>,
    pub accountbeheerder_naam: Option<String>,
}

/// The co-handler and the organiser's account manager of a case; `None` for an unknown case.
pub async fn betrokkenen(db: &Db, referentie: &str) -> surrealdb::Result<Option<BetrokkenenDb>> {
    let mut res = db
        .query(
            "SELECT (IF medebehandelaar { record::id(medebehandelaar) } ELSE { NONE }) AS medebehandelaar,
                 medebehandelaar.naam AS medebehandelaar_naam,
                 (IF locatie.organisator.accountbeheerder { record::id(locatie.organisator.accountbeheerder) } ELSE { NONE })
                     AS accountbeheerder,
                 locatie.organisator.accountbeheerder.naam AS accountbeheerder_naam
             FROM ONLY $m",
        )
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?;
    res.take(0)
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct PuntDb {
    pub id: String,
    pub volgnummer: i64,
    pub punt: String,
    pub bevindingen: String,
    pub bronnen: Vec<String>,
    pub conclusie: Option<Beoordeling>,
    pub gewijzigd: DateTime<Utc>,
    pub gewijzigd_door: Option<String>,
}

pub async fn punten(db: &Db, referentie: &str) -> surrealdb::Result<Vec<PuntDb>> {
    let mut res = db
        .query(
            "SELECT record::id(id) AS id, volgnummer, punt, bevindingen, bronnen, conclusie, gewijzigd,
                 gewijzigd_door.naam AS gewijzigd_door
             FROM analysepunt WHERE melding = $m ORDER BY volgnummer",
        )
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?;
    res.take(0)
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct OpvolgDb {
    pub soort: Opvolgsoort,
    pub notitie: String,
    pub dienst: Option<String>,
    pub tijdstip: DateTime<Utc>,
    pub door: Option<String>,
}

pub async fn opvolgacties(db: &Db, referentie: &str) -> surrealdb::Result<Vec<OpvolgDb>> {
    let mut res = db
        .query(
            "SELECT soort, notitie, (IF dienst { record::id(dienst) } ELSE { NONE }) AS dienst, tijdstip,
                 door.naam AS door
             FROM opvolgactie WHERE melding = $m ORDER BY tijdstip, id",
        )
        .bind(("m", melding_record(referentie)))
        .await?
        .check()?;
    res.take(0)
}

/// Does this source belong to this case? An advice request counts only once answered. The
/// `document` table may not exist (yet): then no document source exists.
pub async fn bron_van_melding(db: &Db, referentie: &str, tabel: &'static str, key: &str) -> surrealdb::Result<bool> {
    let sql = match tabel {
        "adviesvraag" => "SELECT VALUE melding = $m AND antwoord != NONE FROM ONLY type::record('adviesvraag', $k)",
        "tijdlijn" => "SELECT VALUE melding = $m FROM ONLY type::record('tijdlijn', $k)",
        _ => "SELECT VALUE melding = $m FROM ONLY type::record('document', $k)",
    };
    let res = db.query(sql).bind(("m", melding_record(referentie))).bind(("k", key.to_string())).await?.check();
    match res {
        Ok(mut r) => Ok(r.take::<Option<bool>>(0)?.unwrap_or(false)),
        // A table that was never defined: nothing in it belongs to the case.
        Err(e) if tabel == "document" && e.to_string().to_lowercase().contains("does not exist") => Ok(false),
        Err(e) => Err(e),
    }
}

/// What a point edit writes.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct PuntSchrijf {
    pub punt: String,
    pub bevindingen: String,
    pub bronnen: Vec<String>,
    pub conclusie: Option<Beoordeling>,
}

/// Adds a point (`nieuw` is its key and `volgnummer` its number) or changes point `id`, if the
/// case is still at version `versie`.
#[allow(clippy::too_many_arguments)]
pub async fn bewaar_punt(
    db: &Db,
    referentie: &str,
    versie: i64,
    bestaand: Option<&str>,
    nieuw: (&str, i64),
    p: PuntSchrijf,
    door: RecordId,
    regel: Regel,
) -> surrealdb::Result<Opslag> {
    let v = Versie { object: melding_record(referentie), veld: "versie", gelezen: versie };
    schrijf_op_versie(
        db,
        v,
        "IF $bestaand = NONE {
             CREATE type::record('analysepunt', $sleutel) SET melding = $object, volgnummer = $nummer, punt = $p.punt,
                 bevindingen = $p.bevindingen, bronnen = $p.bronnen, conclusie = $p.conclusie,
                 aangemaakt = $r.tijdstip, gewijzigd = $r.tijdstip, gewijzigd_door = $door RETURN NONE;
         } ELSE {
             IF (SELECT VALUE melding FROM ONLY type::record('analysepunt', $bestaand)) != $object { THROW $onbekend };
             UPDATE type::record('analysepunt', $bestaand) SET punt = $p.punt, bevindingen = $p.bevindingen,
                 bronnen = $p.bronnen, conclusie = $p.conclusie, gewijzigd = $r.tijdstip, gewijzigd_door = $door
                 RETURN NONE;
         };
         UPDATE $object SET versie = $nieuw RETURN NONE;
         CREATE tijdlijn SET melding = $object, versie = $nieuw, tijdstip = $r.tijdstip, soort = $r.soort,
             tekst = $r.tekst, door = $r.door, gebruiker = $door RETURN NONE;",
        |q| {
            q.bind(("bestaand", bestaand.map(str::to_string)))
                .bind(("sleutel", nieuw.0.to_string()))
                .bind(("nummer", nieuw.1))
                .bind(("p", p))
                .bind(("door", door))
                .bind(("r", regel))
        },
    )
    .await
}

/// Records a follow-up action and its timeline entry, and raises the version. Actions are never
/// changed, so they need no version check.
pub async fn voeg_opvolging_toe(
    db: &Db,
    referentie: &str,
    soort: Opvolgsoort,
    notitie: String,
    dienst: Option<RecordId>,
    door: RecordId,
    regel: Regel,
) -> surrealdb::Result<Opslag> {
    schrijf_erbij(
        db,
        melding_record(referentie),
        "LET $v = (UPDATE ONLY $object SET versie += 1 RETURN VALUE versie);
         CREATE opvolgactie SET melding = $object, soort = $soort, notitie = $notitie, dienst = $dienst,
             tijdstip = $r.tijdstip, door = $door RETURN NONE;
         CREATE tijdlijn SET melding = $object, versie = $v, tijdstip = $r.tijdstip, soort = $r.soort,
             tekst = $r.tekst, door = $r.door, gebruiker = $door RETURN NONE;",
        |q| {
            q.bind(("soort", soort))
                .bind(("notitie", notitie))
                .bind(("dienst", dienst))
                .bind(("door", door))
                .bind(("r", regel))
        },
    )
    .await
}

/// Sets the co-handler (`None`: no co-handler), if the case is still at version `versie`.
pub async fn zet_medebehandelaar(
    db: &Db,
    referentie: &str,
    versie: i64,
    aan: Option<RecordId>,
    door: RecordId,
    regel: Regel,
) -> surrealdb::Result<Opslag> {
    let v = Versie { object: melding_record(referentie), veld: "versie", gelezen: versie };
    schrijf_op_versie(
        db,
        v,
        "UPDATE $object SET medebehandelaar = $aan, versie = $nieuw RETURN NONE;
         CREATE tijdlijn SET melding = $object, versie = $nieuw, tijdstip = $r.tijdstip, soort = $r.soort,
             tekst = $r.tekst, door = $r.door, gebruiker = $door RETURN NONE;",
        |q| q.bind(("aan", aan)).bind(("door", door)).bind(("r", regel)),
    )
    .await
}
