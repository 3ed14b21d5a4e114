//! What the organiser and location pages show: data, licence, account manager, and the meldingen
//! with their outcomes, with a count over the last 12 months so repeated signals stand out.

use super::model::{LocatieSoort, Vergunningsstatus};
use crate::zaak::model::{Beoordeling, Categorie, Referentie, Status};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocatieRegel {
    pub id: String,
    pub naam: String,
    pub adres: String,
    pub soort: LocatieSoort,
    pub capaciteit: u32,
    pub vergunning: Vergunningsstatus,
    pub meldingen_12_maanden: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeldingRegel {
    pub referentie: Referentie,
    pub ontvangen: DateTime<Utc>,
    pub categorieen: Vec<Categorie>,
    pub status: Status,
    pub conclusie: Option<Beoordeling>,
    pub locatie: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisatorOverzicht {
    pub id: String,
    pub naam: String,
    pub ondernemingsnummer: String,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    pub accountbeheerder: Option<String>,
    /// The account id of the account manager, for the access check on the server (never sent).
    #[serde(skip)]
    pub beheerder_id: Option<String>,
    pub locaties: Vec<LocatieRegel>,
    pub meldingen: Vec<MeldingRegel>,
    pub meldingen_12_maanden: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocatieOverzicht {
    pub locatie: LocatieRegel,
    pub organisator_id: String,
    pub organisator: String,
    pub accountbeheerder: Option<String>,
    /// The account id of the account manager, for the access check on the server (never sent).
    #[serde(skip)]
    pub beheerder_id: Option<String>,
    pub meldingen: Vec<MeldingRegel>,
}

/// At most this many meldingen are listed on a page; the werkbak link shows them all.
pub const MAX_MELDINGEN: i64 = 100;
