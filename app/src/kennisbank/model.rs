//! What the knowledge-base pages show: plain data, shared by server and browser. The engine
//! (parsing, rendering, search) is the `kennisbank` crate, on the server only.

use serde::{Deserialize, Serialize};

/// Who reads: the public sees published `publiek` pages only; staff see every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lezer {
    Publiek,
    Medewerker,
}

/// One entry of a page's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kop {
    pub niveau: u8,
    pub tekst: String,
    pub anker: String,
}

/// A page as it is shown, its body rendered and sanitised on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaginaWeergave {
    pub slug: String,
    pub titel: String,
    pub samenvatting: String,
    /// `regelgeving`, `procedure` or `faq`.
    pub soort: String,
    pub publiek: bool,
    pub gepubliceerd: bool,
    pub regelgeving: String,
    pub artikels: Vec<String>,
    /// `dd/mm/jjjj`.
    pub geldig_vanaf: String,
    pub tags: Vec<String>,
    pub thema: String,
    pub revisie: i64,
    /// Sanitised HTML from `kennisbank::render`, safe to insert as is.
    pub html: String,
    pub inhoudstafel: Vec<Kop>,
    pub kapotte_links: Vec<String>,
}

/// A page in an index listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaginaKort {
    pub slug: String,
    pub titel: String,
    pub samenvatting: String,
    pub soort: String,
    pub publiek: bool,
    pub gepubliceerd: bool,
    pub thema: String,
    /// Where this page is read by the reader of the index.
    pub pad: String,
}

/// Pages grouped by theme, themes in alphabetical order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thema {
    pub naam: String,
    pub paginas: Vec<PaginaKort>,
}

/// One search hit, ready to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ZoekTreffer {
    pub titel: String,
    pub samenvatting: String,
    /// HTML-escaped snippet with `<mark>` around the matched words.
    pub fragment_html: String,
    pub pad: String,
    pub publiek: bool,
}

/// A search request as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoekFilter {
    pub q: String,
    pub tag: Option<String>,
    pub regelgeving: Option<String>,
    /// Staff only: search the pages for parents only.
    pub alleen_publiek: bool,
}

/// The search page: hits, and what the filters can be set to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ZoekResultaat {
    pub treffers: Vec<ZoekTreffer>,
    pub tags: Vec<String>,
    pub regelgevingen: Vec<String>,
    pub medewerker: bool,
}

/// One saved revision, for the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisieRegel {
    pub nummer: i64,
    pub door: String,
    /// Belgian time, `dd/mm/jjjj uu:mm`.
    pub tijdstip: String,
    pub samenvatting: String,
}

pub use crate::gemeen::diff::DiffRegel;

/// `/kennisbank/<slug>/revisies`: every revision, and the diff between two of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revisies {
    pub slug: String,
    pub titel: String,
    pub revisies: Vec<RevisieRegel>,
    pub van: i64,
    pub naar: i64,
    pub diff: Vec<DiffRegel>,
}

/// The editor's fields, as typed (all text, so that nothing typed is lost on a refusal).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BewerkInvoer {
    pub titel: String,
    pub samenvatting: String,
    pub soort: String,
    pub doelgroep: String,
    pub regelgeving: String,
    /// Comma-separated.
    pub artikels: String,
    /// `jjjj-mm-dd`.
    pub geldig_vanaf: String,
    /// Comma-separated.
    pub tags: String,
    pub thema: String,
    pub inhoud: String,
    /// The revision the editor started from.
    pub revisie: String,
    /// What changed, for the revision list.
    pub wijziging: String,
}

impl BewerkInvoer {
    /// The editor's fields as posted (or as the echo of a refused post holds them).
    pub fn uit(v: &crate::gemeen::Velden) -> Self {
        let veld = |k: &str| v.get(k).to_string();
        Self {
            titel: veld("titel"),
            samenvatting: veld("samenvatting"),
            soort: veld("soort"),
            doelgroep: veld("doelgroep"),
            regelgeving: veld("regelgeving"),
            artikels: veld("artikels"),
            geldig_vanaf: veld("geldig_vanaf"),
            tags: veld("tags"),
            thema: veld("thema"),
            inhoud: veld("inhoud"),
            revisie: veld("revisie"),
            wijziging: veld("wijziging"),
        }
    }
}

/// The editor page after a post, next to the echo of the form `bewerken` (what was typed and the
/// messages): the preview of the typed text and the links in it that lead nowhere.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BewerkVoorbeeld {
    /// Sanitised HTML of the preview.
    pub html: String,
    /// Slugs linked to that do not exist.
    pub kapotte_links: Vec<String>,
}

/// What the editor page loads: the page as stored, and whether it is published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BewerkData {
    pub slug: String,
    pub invoer: BewerkInvoer,
    pub gepubliceerd: bool,
    pub kapotte_links: Vec<String>,
}

pub const SOORTEN: &[(&str, &str)] =
    &[("regelgeving", "Regelgeving"), ("procedure", "Procedure"), ("faq", "Vraag van ouders (FAQ)")];
pub const DOELGROEPEN: &[(&str, &str)] = &[("intern", "Alleen medewerkers"), ("publiek", "Ook ouders en publiek")];

/// Where the public reads a page of this kind.
pub fn publiek_pad(soort: &str, slug: &str) -> String {
    if soort == "faq" { format!("/faq/{slug}") } else { format!("/regelgeving/{slug}") }
}

/// A suggestion under the search field while typing (hydrated pages only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestie {
    pub titel: String,
    pub pad: String,
}

/// The editor's live preview: the sanitised HTML and the links that lead nowhere.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveVoorbeeld {
    pub html: String,
    pub kapotte_links: Vec<String>,
}

/// Most suggestions shown while typing.
pub const MAX_SUGGESTIES: usize = 6;

/// One earlier revision of a page, rendered as it read then (e.g. the one cited in a case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisieWeergave {
    pub slug: String,
    pub titel: String,
    pub nummer: i64,
    /// The revision the page shows now.
    pub huidige: i64,
    pub door: String,
    pub tijdstip: String,
    pub regelgeving: String,
    pub artikels: Vec<String>,
    /// Sanitised HTML.
    pub html: String,
}
