//! Types for possible duplicates and links, shared by server and browser.

use crate::zaak::model::Status;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// How far apart (in days) two meldingen about the same location may have arrived to be proposed.
pub const VENSTER_DAGEN: i64 = 90;
/// How many proposals the page shows.
pub const MAX_VOORSTELLEN: usize = 5;

/// A melding that may be about the same thing, with why it is proposed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voorstel {
    pub referentie: String,
    pub ontvangen: DateTime<Utc>,
    pub status: Status,
    /// The start of its description.
    pub kort: String,
    /// The significant words both descriptions contain, most telling (longest) first.
    pub gedeelde_woorden: Vec<String>,
}

/// A melding this one is linked to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gekoppeld {
    pub referentie: String,
    pub status: Status,
    pub kort: String,
    pub door: String,
    pub tijdstip: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Koppelingen {
    pub gekoppeld: Vec<Gekoppeld>,
    pub voorstellen: Vec<Voorstel>,
}

/// The first `n` characters of a text, cut at a word, with an ellipsis when cut.
pub fn kort(tekst: &str, n: usize) -> String {
    if tekst.chars().count() <= n {
        return tekst.to_string();
    }
    let afgekapt: String = tekst.chars().take(n).collect();
    let tot_woord = afgekapt.rsplit_once(' ').map_or(afgekapt.as_str(), |(a, _)| a);
    format!("{}…", tot_woord.trim_end())
}
