//! What the template pages show and what the editor posts (shared with the browser build, so
//! plain strings and the word lists as code/label pairs).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `(code, label)` of the channels, as the front matter spells them.
pub const KANALEN: &[(&str, &str)] = &[("email", "E-mail"), ("brief", "Brief"), ("beide", "E-mail of brief")];
/// Who receives the text.
pub const PUBLIEKEN: &[(&str, &str)] = &[
    ("melder", "Melder"),
    ("organisator", "Organisator"),
    ("ouders", "Ouders"),
    ("dienst", "Andere dienst"),
    ("expert", "Expert"),
];
/// When the application sends the text by itself ("" = never).
pub const GEBEURTENISSEN: &[(&str, &str)] = &[
    ("", "Nooit: een medewerker verstuurt het"),
    ("melding-ontvangen", "Als een melding met een e-mailadres binnenkomt"),
];
/// The kinds of case a template fits.
pub const ZAAKSOORTEN: &[(&str, &str)] = &[("melding", "Melding"), ("vraag", "Vraag"), ("klacht", "Klacht")];

/// The label of `code` in `lijst`, or the code itself.
pub fn label(lijst: &[(&str, &'static str)], code: &str) -> String {
    lijst.iter().find(|(c, _)| *c == code).map_or_else(|| code.to_string(), |(_, l)| (*l).to_string())
}

/// One template in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SjabloonRegel {
    pub slug: String,
    pub titel: String,
    pub kanaal: String,
    pub publiek: String,
    pub tweede_lezer: bool,
    pub automatisch: Option<String>,
    pub zaaksoorten: Vec<String>,
    pub revisie: i64,
    pub gewijzigd: DateTime<Utc>,
}

/// A template filled with example values, as a recipient would read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voorbeeld {
    pub onderwerp: String,
    /// Sanitised HTML of the body.
    pub html: String,
    /// What is still to be written by a person, one Dutch line each ("Regel 6: vul … nog in.").
    pub open: Vec<String>,
    pub schrijfhulp: Schrijfhulp,
}

/// The writing aid on the body: readability and remarks (advice, never a refusal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schrijfhulp {
    /// Flesch-Douma, rounded; `None` without text.
    pub score: Option<i64>,
    pub niveau: String,
    pub zinnen: usize,
    pub woorden: usize,
    /// One Dutch line each, with its line in the text box.
    pub opmerkingen: Vec<String>,
}

/// One revision in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevisieRegel {
    pub nummer: i64,
    pub door: String,
    pub tijdstip: DateTime<Utc>,
    pub samenvatting: String,
}

/// `/sjablonen/<slug>`: the template, its example, the merge fields it uses and its revisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SjabloonPagina {
    pub regel: SjabloonRegel,
    /// Subject and body as written.
    pub onderwerp: String,
    pub inhoud: String,
    pub voorbeeld: Voorbeeld,
    /// `(name, explanation)` of every merge field the template uses.
    pub velden: Vec<(String, String)>,
    pub revisies: Vec<RevisieRegel>,
    /// Two versions compared (the newest with the one before, unless others were chosen);
    /// `None` while there is only one.
    pub verschil: Option<Verschil>,
}

/// The line diff of the whole file between versions `van` and `naar`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verschil {
    pub van: i64,
    pub naar: i64,
    pub regels: Vec<crate::gemeen::diff::DiffRegel>,
}

/// The editor's fields, as typed (all text, so nothing typed is lost on a refusal).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SjabloonInvoer {
    pub titel: String,
    pub kanaal: String,
    pub publiek: String,
    pub tweede_lezer: bool,
    pub automatisch: String,
    pub zaaksoorten: Vec<String>,
    pub onderwerp: String,
    pub inhoud: String,
    /// The revision the editor started from.
    pub revisie: String,
    /// What changed, for the revision list.
    pub wijziging: String,
}

impl SjabloonInvoer {
    /// The editor's fields as posted (or as the echo of a refused post holds them).
    pub fn uit(v: &crate::gemeen::Velden) -> Self {
        let veld = |k: &str| v.get(k).to_string();
        Self {
            titel: veld("titel"),
            kanaal: veld("kanaal"),
            publiek: veld("publiek"),
            tweede_lezer: v.aangevinkt("tweede_lezer"),
            automatisch: veld("automatisch"),
            zaaksoorten: v.alle("zaaksoorten").map(str::to_string).collect(),
            onderwerp: veld("onderwerp"),
            inhoud: veld("inhoud"),
            revisie: veld("revisie"),
            wijziging: veld("wijziging"),
        }
    }
}

/// `/sjablonen/<slug>/bewerken`: the stored template as editor fields, and the merge fields one
/// may use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BewerkData {
    pub slug: String,
    pub invoer: SjabloonInvoer,
    pub alle_velden: Vec<(String, String)>,
}

/// One word (or short phrase) of the writing aid's jargon list, with what to write instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JargonRegel {
    pub woord: String,
    pub alternatief: String,
    pub door: String,
    pub gewijzigd: DateTime<Utc>,
}

/// `/sjablonen/jargon`: the list, and whether this user may change it (coordinators only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JargonPagina {
    pub woorden: Vec<JargonRegel>,
    pub mag_wijzigen: bool,
}
