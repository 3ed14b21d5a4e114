//! The words of enforcement, shared with the browser build: kinds of steps, measures, the
//! licence status.

use crate::gemeen::woordenlijst::woordenlijst;

// The kinds of steps in a dossier, in the order they usually come.
woordenlijst!(Stapsoort {
    Vaststelling => "vaststelling", "Vaststelling";
    Voortraject => "voortraject", "Voortraject (plan van aanpak)";
    Aanmaning => "aanmaning", "Aanmaning";
    Voornemen => "voornemen", "Voornemen tot maatregel";
    Horen => "horen", "Horen van de organisator";
    Beslissing => "beslissing", "Beslissing";
    Bezwaar => "bezwaar", "Bezwaar";
    Afsluiting => "afsluiting", "Afsluiting van het dossier";
});

// What an intention or a decision is about.
woordenlijst!(Maatregel {
    Schorsing => "schorsing", "Schorsing van de vergunning";
    Opheffing => "opheffing", "Opheffing van de vergunning";
    Wijziging => "wijziging", "Wijziging van de vergunning";
    Subsidie => "subsidie", "Subsidiemaatregel";
    SchorsingOpgeheven => "schorsing_opgeheven", "Opheffing van de schorsing";
    Geen => "geen", "Geen maatregel";
});

/// Where a location's licence stands: the locations' own word list, which the decisions change.
pub use crate::locaties::model::Vergunningsstatus as Vergunning;

impl Maatregel {
    /// The measures an intention can announce (a lifting or "no measure" needs no intention).
    pub const TE_VOORNEMEN: &'static [Maatregel] =
        &[Maatregel::Schorsing, Maatregel::Opheffing, Maatregel::Wijziging, Maatregel::Subsidie];
}

/// One published step on the public register.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RegisterStap {
    pub soort: Stapsoort,
    pub maatregel: Option<Maatregel>,
    /// The day decided, e.g. "3 maart 2026".
    pub datum: String,
}

/// A location on the public register, with its published steps, newest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RegisterLocatie {
    pub naam: String,
    pub gemeente: String,
    /// "Groepsopvang", "Gezinsopvang", …
    pub opvang: String,
    pub vergunning: Vergunning,
    /// The dossier is still open.
    pub loopt: bool,
    pub stappen: Vec<RegisterStap>,
}

/// `/handhaving`: what was searched and what was found.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Register {
    pub zoek: String,
    pub locaties: Vec<RegisterLocatie>,
}

/// What a published step means for parents, in plain words, and the FAQ page that says more.
pub fn voor_ouders(soort: Stapsoort, maatregel: Option<Maatregel>) -> (&'static str, &'static str) {
    match (soort, maatregel) {
        (Stapsoort::Aanmaning, _) => (
            "De opvang kreeg een officiële waarschuwing: ze moet tegen een bepaalde datum in orde zijn. De opvang blijft open.",
            "wat-betekent-een-aanmaning",
        ),
        (Stapsoort::Voornemen, _) => (
            "Wij zijn van plan een maatregel te nemen. De organisator mag eerst zijn kant van het verhaal vertellen. Er is nog niets beslist.",
            "wat-betekent-een-voornemen",
        ),
        (Stapsoort::Beslissing, Some(Maatregel::Schorsing)) => (
            "De vergunning is geschorst: de opvang mag tijdelijk geen kinderen opvangen.",
            "wat-betekent-een-schorsing",
        ),
        (Stapsoort::Beslissing, Some(Maatregel::Opheffing)) => (
            "De vergunning is opgeheven: de opvang mag geen kinderen meer opvangen.",
            "wat-betekent-een-opheffing",
        ),
        (Stapsoort::Beslissing, Some(Maatregel::SchorsingOpgeheven)) => (
            "De schorsing is voorbij: de opvang mag weer kinderen opvangen.",
            "wat-betekent-een-schorsing",
        ),
        (Stapsoort::Beslissing, _) => (
            "Er is een beslissing genomen over de vergunning of de subsidie van deze opvang.",
            "gepubliceerde-beslissingen-over-handhaving",
        ),
        (Stapsoort::Bezwaar, _) => (
            "De organisator heeft bezwaar ingediend tegen de beslissing. Wij bekijken de beslissing opnieuw. Of de maatregel intussen blijft gelden, staat in de beslissing.",
            "vraag-over-een-beslissing",
        ),
        _ => (
            "Wij volgen deze opvang van dichtbij op.",
            "gepubliceerde-beslissingen-over-handhaving",
        ),
    }
}

/// Who opens dossiers and adds steps; case workers read them.
pub const SCHRIJVERS: &[crate::auth::model::Rol] =
    &[crate::auth::model::Rol::KlantenbeheerderKinderopvang, crate::auth::model::Rol::Coordinator];

/// One dossier in the staff list.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DossierRegel {
    pub id: String,
    pub nummer: String,
    pub locatie_naam: String,
    pub gemeente: String,
    pub vergunning: Vergunning,
    pub open: bool,
    pub geopend: chrono::DateTime<chrono::Utc>,
}

/// `/handhaving/dossiers`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Dossierlijst {
    pub dossiers: Vec<DossierRegel>,
    pub mag_schrijven: bool,
}

/// One step on the dossier page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StapRegel {
    pub volgnummer: i64,
    pub soort: Stapsoort,
    pub maatregel: Option<Maatregel>,
    pub onmiddellijk: bool,
    pub reden: Option<String>,
    pub tekst: String,
    pub datum: chrono::NaiveDate,
    pub betekend: Option<chrono::NaiveDate>,
    pub termijn: Option<chrono::NaiveDate>,
    pub publiek: bool,
    /// When it appears on the public register (public and notified steps).
    pub openbaar_vanaf: Option<chrono::DateTime<chrono::Utc>>,
    pub door: String,
}

/// `/handhaving/dossiers/<id>`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DossierPagina {
    pub regel: DossierRegel,
    pub organisator: String,
    pub aanleiding: String,
    pub meldingen: Vec<String>,
    pub geopend_door: String,
    pub versie: i64,
    pub stappen: Vec<StapRegel>,
    /// The licence's changes: from, to, when.
    pub historiek: Vec<(Vergunning, Vergunning, chrono::DateTime<chrono::Utc>)>,
    pub mag_schrijven: bool,
}
