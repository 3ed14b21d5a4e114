use crate::zaak::model::{Referentie, Status};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const MIN_AANVULLING: usize = 10;
pub const MAX_AANVULLING: usize = 5000;

/// What a reporter may see of their melding: no names, no internal notes, no other parties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpvolgOverzicht {
    pub referentie: Referentie,
    pub ontvangen: DateTime<Utc>,
    pub status: Status,
    /// Messages sent to the reporter (letters come with case handling).
    pub berichten: Vec<(DateTime<Utc>, String)>,
    /// The reporter's own additions.
    pub aanvullingen: Vec<(DateTime<Utc>, String)>,
}

/// The status explained for a parent, in plain words.
pub fn uitleg(status: Status) -> &'static str {
    match status {
        Status::Ontvangen => "We hebben uw melding ontvangen. Een medewerker bekijkt ze binnenkort.",
        Status::InBehandeling => {
            "Een medewerker behandelt uw melding. Soms nemen we contact op met de opvang of met u."
        }
        Status::WachtOpInfo => {
            "We wachten op extra informatie. Misschien vroegen we u iets: lees de berichten hieronder of voeg zelf informatie toe."
        }
        Status::Conclusie => "We ronden de behandeling van uw melding af. U hoort binnenkort van ons.",
        Status::Afgesloten => "De behandeling van uw melding is afgerond.",
        Status::Doorverwezen => "Uw melding hoort bij een andere dienst. We lieten u weten waar u terechtkunt.",
        Status::Heropend => "We bekijken uw melding opnieuw. U hoort van ons wanneer dat klaar is.",
        Status::Onontvankelijk => "We konden uw melding niet behandelen. We lieten u weten waarom.",
    }
}

/// What the page shows after a right reference and code (a refused form comes as the echo of
/// `opvolgen` or `aanvullen`: the reference and the addition typed, never the code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpvolgInzage {
    pub overzicht: OpvolgOverzicht,
    /// Kept only to post an addition; never logged or stored.
    pub code: String,
    /// An addition was just added.
    pub bedankt: bool,
}
