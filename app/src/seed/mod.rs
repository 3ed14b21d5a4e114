//! Deterministic, realistic demo data (fictional people and organisations only).
//! `data` generates plain values; `laad` (server only) writes them to the database.

mod data;
#[cfg(feature = "ssr")]
mod laad;
mod teksten;

pub use data::genereer;
#[cfg(feature = "ssr")]
pub use laad::{SeedFout, is_leeg, laad_demo, verdeel_behandelaars};

use crate::locaties::model::{LocatieSoort, Ondernemingsnummer, Vergunningsstatus};
use crate::meldingen::model::{Categorie, Kanaal, Relatie, Status, Urgentie};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct DemoOrganisator {
    /// Record key, e.g. `O0001`.
    pub key: String,
    pub naam: String,
    pub ondernemingsnummer: Ondernemingsnummer,
    pub email: String,
    pub telefoon: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoLocatie {
    /// Record key, e.g. `L0001`.
    pub key: String,
    pub organisator_key: String,
    pub naam: String,
    pub soort: LocatieSoort,
    pub capaciteit: u32,
    pub straat: String,
    pub postcode: String,
    pub gemeente: String,
    pub vergunning: Vergunningsstatus,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoMelder {
    pub naam: String,
    pub email: Option<String>,
    pub telefoon: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoTijdlijn {
    pub tijdstip: DateTime<Utc>,
    /// `ontvangen`, `status`, `contact`, `notitie`.
    pub soort: crate::gemeen::tijdlijn::Tijdlijnsoort,
    pub tekst: String,
    pub door: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoMelding {
    pub locatie_key: Option<String>,
    pub locatie_omschrijving: Option<String>,
    pub kanaal: Kanaal,
    pub ontvangen: DateTime<Utc>,
    pub feit_datum: NaiveDate,
    pub categorieen: Vec<Categorie>,
    pub urgentie: Urgentie,
    pub status: Status,
    pub omschrijving: String,
    pub relatie: Relatie,
    /// `None` for an anonymous melder.
    pub melder: Option<DemoMelder>,
    /// Oldest first; the first entry is the `ontvangen` entry at `ontvangen`.
    pub tijdlijn: Vec<DemoTijdlijn>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Demo {
    pub organisatoren: Vec<DemoOrganisator>,
    pub locaties: Vec<DemoLocatie>,
    pub meldingen: Vec<DemoMelding>,
}
