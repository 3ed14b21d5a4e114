//! Deterministic, realistic demo data (fictional people and organisations only).
//! `data` generates plain values and `verloop` each case's history as the steps case workers
//! take; `afspelen` (server only) applies those steps with the case handling's own rules, and
//! `laad` writes the result to the database in bulk.

#[cfg(feature = "ssr")]
mod afspelen;
mod data;
#[cfg(feature = "ssr")]
mod laad;
mod teksten;
mod verloop;
mod verloop_teksten;

pub use data::genereer;
#[cfg(feature = "ssr")]
pub use laad::{SeedFout, is_leeg, laad_demo, laad_demo_met_voortgang};
pub use verloop_teksten::TEAM;

use crate::behandeling::model::Handeling;
use crate::behandeling::tijdlijn::Notitie;
use crate::locaties::model::{LocatieSoort, Ondernemingsnummer, Vergunningsstatus};
use crate::zaak::model::{Categorie, Kanaal, Relatie, Status, Urgentie};
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

/// A member of the demo team: the staff the demo cases are assigned to and handled by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoMedewerker {
    /// Record key of the account, e.g. `team01`.
    pub key: &'static str,
    pub naam: &'static str,
    pub email: &'static str,
    /// Also a coordinator: assigns cases to others.
    pub coordinator: bool,
}

/// What a member of the team does to a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoWat {
    /// A step of the state machine, as the case page's form sends it (a referral names the
    /// service's key, e.g. `politie`).
    Stap(Handeling),
    /// A note or contactmoment on the timeline.
    Notitie(Notitie),
}

/// One thing done to a case after intake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoGebeurtenis {
    pub tijdstip: DateTime<Utc>,
    /// Index in [`TEAM`] of who does it.
    pub door: usize,
    pub wat: DemoWat,
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
    /// The status the steps of `verloop` lead to (loading checks that they do).
    pub status: Status,
    pub omschrijving: String,
    pub relatie: Relatie,
    /// `None` for an anonymous melder.
    pub melder: Option<DemoMelder>,
    /// Registered by staff (phone, e-mail, letter, desk): who (index in [`TEAM`]) and when;
    /// `None` for the web form.
    pub geregistreerd: Option<(usize, DateTime<Utc>)>,
    /// What the team did after intake, oldest first.
    pub verloop: Vec<DemoGebeurtenis>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Demo {
    pub organisatoren: Vec<DemoOrganisator>,
    pub locaties: Vec<DemoLocatie>,
    pub meldingen: Vec<DemoMelding>,
}
