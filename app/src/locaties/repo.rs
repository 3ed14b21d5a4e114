//! SurrealQL for organisers and locations.

use super::model::{LocatieDetail, LocatieId, LocatieKeuze, LocatieSoort, Vergunningsstatus};
use crate::state::Db;
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

/// The lower-cased text the picker searches in.
pub fn zoektekst(naam: &str, straat: &str, postcode: &str, gemeente: &str, organisator: &str) -> String {
    format!("{naam} {straat} {postcode} {gemeente} {organisator}").to_lowercase()
}

/// Locations whose name, address or organiser contain every word of `q`.
pub async fn zoek(db: &Db, q: &str, max: usize) -> surrealdb::Result<Vec<LocatieKeuze>> {
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
pub struct DetailRij {
    id: String,
    naam: String,
    soort: String,
    capaciteit: i64,
    straat: String,
    postcode: String,
    gemeente: String,
    vergunning: String,
    organisator: String,
    ondernemingsnummer: String,
}

/// The projection that `DetailRij` reads, for queries in other features that embed a location.
pub const DETAIL_VELDEN: &str = "record::id(id) AS id, naam, soort, capaciteit, straat, postcode, gemeente, vergunning,
     organisator.naam AS organisator, organisator.ondernemingsnummer AS ondernemingsnummer";

impl DetailRij {
    pub fn into_detail(self) -> Option<LocatieDetail> {
        Some(LocatieDetail {
            id: LocatieId(self.id),
            naam: self.naam,
            soort: LocatieSoort::from_code(&self.soort)?,
            capaciteit: u32::try_from(self.capaciteit).ok()?,
            straat: self.straat,
            postcode: self.postcode,
            gemeente: self.gemeente,
            vergunning: Vergunningsstatus::from_code(&self.vergunning)?,
            organisator: self.organisator,
            ondernemingsnummer: self.ondernemingsnummer,
        })
    }
}
