//! The citations' queries.

use crate::gemeen::Db;
use crate::gemeen::records::melding_record;
use crate::gemeen::versie::{Opslag, schrijf_erbij};
use chrono::{DateTime, Utc};
use surrealdb::types::{RecordId, SurrealValue};

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct CitaatDb {
    pub slug: String,
    pub titel: String,
    pub revisie: i64,
    pub huidige_revisie: Option<i64>,
    pub toelichting: String,
    pub door: String,
    pub tijdstip: DateTime<Utc>,
}

#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct CitaatInvoer {
    pub slug: String,
    pub titel: String,
    pub revisie: i64,
    pub toelichting: String,
    pub door: String,
    pub gebruiker: RecordId,
    pub tijdstip: DateTime<Utc>,
    /// The timeline text.
    pub tekst: String,
}

/// Stores the citation and its timeline entry in one transaction, raising the case version.
/// `false` when the melding does not exist.
pub async fn citeer(db: &Db, referentie: &str, c: CitaatInvoer) -> surrealdb::Result<bool> {
    let opslag = schrijf_erbij(
        db,
        melding_record(referentie),
        "LET $v = (UPDATE ONLY $object SET versie += 1 RETURN VALUE versie);
         CREATE citaat SET melding = $object, pagina = type::record('kennis_pagina', $c.slug), slug = $c.slug,
             titel = $c.titel, revisie = $c.revisie, toelichting = $c.toelichting, door = $c.door,
             gebruiker = $c.gebruiker, tijdstip = $c.tijdstip RETURN NONE;
         CREATE tijdlijn SET melding = $object, versie = $v, tijdstip = $c.tijdstip, soort = 'citaat', tekst = $c.tekst,
             door = $c.door, gebruiker = $c.gebruiker RETURN NONE;",
        |q| q.bind(("c", c)),
    )
    .await?;
    Ok(opslag != Opslag::Onbekend)
}

/// The citations of a case, oldest first, with each page's revision now.
pub async fn van_melding(db: &Db, referentie: &str) -> surrealdb::Result<Vec<CitaatDb>> {
    db.query(
        "SELECT slug, titel, revisie, pagina.revisie AS huidige_revisie, toelichting, door, tijdstip
         FROM citaat WHERE melding = $m ORDER BY tijdstip ASC",
    )
    .bind(("m", melding_record(referentie)))
    .await?
    .check()?
    .take(0)
}
