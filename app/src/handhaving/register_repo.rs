//! SurrealQL for the public register: the steps marked public whose organiser was notified, with
//! their dossier and location. Which of them may be shown now is decided in Rust
//! ([`super::register`]), so the clock stays injectable.

use super::model::{Maatregel, Stapsoort, Vergunning};
use crate::gemeen::Db;
use crate::locaties::model::LocatieSoort;
use chrono::{DateTime, Utc};
use surrealdb::types::SurrealValue;

/// One public, notified step with what the register shows around it.
#[derive(Debug, Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct RegisterRijDb {
    pub dossier: String,
    pub naam: String,
    pub gemeente: String,
    pub opvang: LocatieSoort,
    pub vergunning: Vergunning,
    pub open: bool,
    pub gesloten: Option<DateTime<Utc>>,
    pub soort: Stapsoort,
    pub maatregel: Option<Maatregel>,
    pub datum: DateTime<Utc>,
    pub betekend: DateTime<Utc>,
}

/// Newest first; at most 20,000 steps (far above what a register holds).
pub async fn rijen(db: &Db) -> surrealdb::Result<Vec<RegisterRijDb>> {
    db.query(
        "SELECT record::id(dossier) AS dossier, dossier.locatie.naam AS naam, dossier.locatie.gemeente AS gemeente,
             dossier.locatie.soort AS opvang, dossier.locatie.vergunning AS vergunning,
             dossier.status = 'open' AS open, dossier.gesloten AS gesloten,
             soort, maatregel, datum, betekend
         FROM dossier_stap WHERE publiek = true AND betekend != NONE ORDER BY datum DESC LIMIT 20000",
    )
    .await?
    .check()?
    .take(0)
}
