//! SurrealQL for organisers and locations.

use super::model::{LocatieDetail, LocatieId, LocatieKeuze, LocatieSoort, Vergunningsstatus};
use crate::gemeen::Db;
use crate::zaak::model::{Beoordeling, Categorie, Status};
use surrealdb::types::SurrealValue;

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct KeuzeRij {
    id: String,
    naam: String,
    straat: String,
    gemeente: String,
    zoektekst: String,
    organisator: String,
}

/// Locations whose name, address or organiser contain every word of `q`; or, when `q` is an
/// ondernemingsnummer (in any usual spelling), the locations of that organiser.
pub async fn zoek(db: &Db, q: &str, max: usize) -> surrealdb::Result<Vec<LocatieKeuze>> {
    if let Some(nummer) = super::model::Ondernemingsnummer::normaliseer(q) {
        return zoek_op_kbo(db, nummer, max).await;
    }
    let woorden: Vec<String> = q.split_whitespace().take(6).map(str::to_lowercase).collect();
    let Some(eerste) = woorden.iter().max_by_key(|w| w.len()).cloned() else {
        return Ok(Vec::new());
    };
    let mut res = db
        .query(
            "SELECT record::id(id) AS id, naam, straat, gemeente, zoektekst, organisator.naam AS organisator
             FROM locatie WHERE string::contains(zoektekst, $woord)
             ORDER BY naam LIMIT 500",
        )
        .bind(("woord", eerste))
        .await?
        .check()?;
    let rijen: Vec<KeuzeRij> = res.take(0)?;
    Ok(rijen
        .into_iter()
        .filter(|r| woorden.iter().all(|w| r.zoektekst.contains(w.as_str())))
        .take(max)
        .map(|r| LocatieKeuze {
            id: LocatieId(r.id),
            naam: r.naam,
            straat: r.straat,
            gemeente: r.gemeente,
            organisator: r.organisator,
        })
        .collect())
}

/// The locations of the organiser with this ondernemingsnummer (ten digits), by name.
async fn zoek_op_kbo(db: &Db, nummer: String, max: usize) -> surrealdb::Result<Vec<LocatieKeuze>> {
    let mut res = db
        .query(
            "LET $o = (SELECT VALUE id FROM organisator WHERE ondernemingsnummer = $nummer LIMIT 1);
             SELECT record::id(id) AS id, naam, straat, gemeente, zoektekst, organisator.naam AS organisator
             FROM locatie WHERE organisator INSIDE $o ORDER BY naam LIMIT $max;",
        )
        .bind(("nummer", nummer))
        // An organiser's locations are few: list them all (the name search stops at `max`).
        .bind(("max", i64::try_from(max.max(50)).unwrap_or(50)))
        .await?
        .check()?;
    let rijen: Vec<KeuzeRij> = res.take(1)?;
    Ok(rijen
        .into_iter()
        .map(|r| LocatieKeuze {
            id: LocatieId(r.id),
            naam: r.naam,
            straat: r.straat,
            gemeente: r.gemeente,
            organisator: r.organisator,
        })
        .collect())
}

pub async fn keuze(db: &Db, id: &LocatieId) -> surrealdb::Result<Option<LocatieKeuze>> {
    let mut res = db
        .query(
            "SELECT record::id(id) AS id, naam, straat, gemeente, zoektekst, organisator.naam AS organisator
             FROM ONLY type::record('locatie', $id)",
        )
        .bind(("id", id.0.clone()))
        .await?
        .check()?;
    let rij: Option<KeuzeRij> = res.take(0)?;
    Ok(rij.map(|r| LocatieKeuze {
        id: LocatieId(r.id),
        naam: r.naam,
        straat: r.straat,
        gemeente: r.gemeente,
        organisator: r.organisator,
    }))
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct DetailRij {
    id: String,
    naam: String,
    soort: LocatieSoort,
    capaciteit: i64,
    straat: String,
    postcode: String,
    gemeente: String,
    vergunning: Vergunningsstatus,
    organisator: String,
    ondernemingsnummer: String,
}

/// A location with its organiser, as a case page shows it.
pub async fn detail(db: &Db, id: &str) -> surrealdb::Result<Option<LocatieDetail>> {
    let mut res = db
        .query(
            "SELECT record::id(id) AS id, naam, soort, capaciteit, straat, postcode, gemeente, vergunning,
                 organisator.naam AS organisator, organisator.ondernemingsnummer AS ondernemingsnummer
             FROM ONLY type::record('locatie', $id)",
        )
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    let rij: Option<DetailRij> = res.take(0)?;
    Ok(rij.map(|r| LocatieDetail {
        id: LocatieId(r.id),
        naam: r.naam,
        soort: r.soort,
        // The schema holds it between 1 and 500.
        capaciteit: u32::try_from(r.capaciteit).unwrap_or_default(),
        straat: r.straat,
        postcode: r.postcode,
        gemeente: r.gemeente,
        vergunning: r.vergunning,
        organisator: r.organisator,
        ondernemingsnummer: r.ondernemingsnummer,
    }))
}

#[derive(Debug, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct OrganisatorDb {
    pub id: String,
    pub naam: String,
    pub ondernemingsnummer: String,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub accountbeheerder: Option<String>,
    pub beheerder_id: Option<String>,
}

#[derive(Debug, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct LocatieRegelDb {
    pub id: String,
    pub organisator_id: String,
    pub organisator: String,
    pub accountbeheerder: Option<String>,
    pub beheerder_id: Option<String>,
    pub naam: String,
    pub straat: String,
    pub postcode: String,
    pub gemeente: String,
    pub soort: LocatieSoort,
    pub capaciteit: i64,
    pub vergunning: Vergunningsstatus,
    pub recent: i64,
}

#[derive(Debug, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct MeldingRegelDb {
    pub referentie: String,
    pub ontvangen: chrono::DateTime<chrono::Utc>,
    pub categorieen: Vec<Categorie>,
    pub status: Status,
    pub conclusie: Option<Beoordeling>,
    pub locatie: Option<String>,
}

const LOCATIE_REGEL: &str = "record::id(id) AS id, record::id(organisator) AS organisator_id,
    organisator.naam AS organisator, organisator.accountbeheerder.naam AS accountbeheerder,
    (IF organisator.accountbeheerder { record::id(organisator.accountbeheerder) } ELSE { NONE }) AS beheerder_id,
    naam, straat, postcode,
    gemeente, soort, capaciteit, vergunning,
    count((SELECT VALUE id FROM melding WHERE locatie = $parent.id AND ontvangen > $sinds)) AS recent";

const MELDING_REGEL: &str = "referentie, ontvangen, categorieen, status, conclusie, locatie.naam AS locatie";

/// An organiser, its locations (with meldingen in the last 12 months) and its latest meldingen.
pub async fn organisator(
    db: &Db,
    id: &str,
    sinds: chrono::DateTime<chrono::Utc>,
    max: i64,
) -> surrealdb::Result<Option<(OrganisatorDb, Vec<LocatieRegelDb>, Vec<MeldingRegelDb>)>> {
    let sql = format!(
        "LET $o = type::record('organisator', $id);
         SELECT record::id(id) AS id, naam, ondernemingsnummer, email, telefoon, accountbeheerder.naam AS accountbeheerder,
                (IF accountbeheerder {{ record::id(accountbeheerder) }} ELSE {{ NONE }}) AS beheerder_id
             FROM ONLY $o;
         SELECT {LOCATIE_REGEL} FROM locatie WHERE organisator = $o ORDER BY naam;
         SELECT {MELDING_REGEL} FROM melding WHERE locatie.organisator = $o ORDER BY ontvangen DESC LIMIT $max;"
    );
    let mut res =
        db.query(sql).bind(("id", id.to_string())).bind(("sinds", sinds)).bind(("max", max)).await?.check()?;
    let org: Option<OrganisatorDb> = res.take(1)?;
    let Some(org) = org else { return Ok(None) };
    Ok(Some((org, res.take(2)?, res.take(3)?)))
}

/// A location with its latest meldingen.
pub async fn locatie(
    db: &Db,
    id: &str,
    sinds: chrono::DateTime<chrono::Utc>,
    max: i64,
) -> surrealdb::Result<Option<(LocatieRegelDb, Vec<MeldingRegelDb>)>> {
    let sql = format!(
        "LET $l = type::record('locatie', $id);
         SELECT {LOCATIE_REGEL} FROM ONLY $l;
         SELECT {MELDING_REGEL} FROM melding WHERE locatie = $l ORDER BY ontvangen DESC LIMIT $max;"
    );
    let mut res =
        db.query(sql).bind(("id", id.to_string())).bind(("sinds", sinds)).bind(("max", max)).await?.check()?;
    let loc: Option<LocatieRegelDb> = res.take(1)?;
    let Some(loc) = loc else { return Ok(None) };
    Ok(Some((loc, res.take(2)?)))
}
