//! The record ids every feature names (server only): a melding and its melder are keyed by the
//! reference, accounts, locations and timeline entries by their key. Also the search text of a
//! melding, which intake, demo data and retention all write.

use surrealdb::types::RecordId;

pub fn melding_record(referentie: &str) -> RecordId {
    RecordId::new("melding", referentie)
}

pub fn melder_record(referentie: &str) -> RecordId {
    RecordId::new("melder", referentie)
}

pub fn gebruiker_record(key: &str) -> RecordId {
    RecordId::new("gebruiker", key)
}

pub fn locatie_record(key: &str) -> RecordId {
    RecordId::new("locatie", key)
}

pub fn tijdlijn_record(key: &str) -> RecordId {
    RecordId::new("tijdlijn", key)
}

/// The lower-cased text the werkbak's search looks in: reference, location, reporter, description
/// (written at intake, again when retention takes the reporter out). A case without a known
/// location, an anonymous reporter: NONE is meaningful there, hence the `?? ''`.
pub const MELDING_ZOEKTEKST: &str =
    "string::lowercase(string::join(' ', referentie, locatie.naam ?? '', locatie.gemeente ?? '',
    locatie_omschrijving ?? '', melder.naam ?? '', omschrijving))";
