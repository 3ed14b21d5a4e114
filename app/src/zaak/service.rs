//! The case itself on the server: its facts as reported, and the timeline entry a staff member
//! writes on it (every case feature writes one).

use super::model::MelderGegevens;
use super::repo;
pub use super::repo::GegevensDb as Gegevens;
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use crate::gemeen::records::gebruiker_record;
use crate::gemeen::tijdlijn::{Regel, RegelDb, Tijdlijnsoort};
use chrono::{DateTime, Utc};

/// The case as reported and its timeline, oldest entry first; `None` for an unknown reference.
pub async fn gegevens(db: &Db, referentie: &str) -> surrealdb::Result<Option<(Gegevens, Vec<RegelDb>)>> {
    repo::gegevens(db, referentie).await
}

/// The reporter of a case as reported.
pub fn melder(m: &Gegevens) -> MelderGegevens {
    MelderGegevens {
        relatie: m.relatie,
        anoniem: m.anoniem,
        naam: m.naam.clone(),
        email: m.email.clone(),
        telefoon: m.telefoon.clone(),
        geanonimiseerd: m.geanonimiseerd,
    }
}

/// A timeline entry of `soort` by staff member `g`.
pub fn regel(nu: DateTime<Utc>, g: &Gebruiker, soort: Tijdlijnsoort, tekst: String) -> Regel {
    Regel { gebruiker: Some(gebruiker_record(&g.id)), ..Regel::nieuw(nu, soort, tekst, g.naam.clone()) }
}
