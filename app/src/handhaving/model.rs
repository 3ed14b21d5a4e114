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

// Where a location's licence stands.
woordenlijst!(Vergunning {
    Actief => "actief", "Actief";
    Geschorst => "geschorst", "Geschorst";
    Opgeheven => "opgeheven", "Opgeheven";
    Stopgezet => "stopgezet", "Stopgezet door de organisator";
});

impl Maatregel {
    /// The measures an intention can announce (a lifting or "no measure" needs no intention).
    pub const TE_VOORNEMEN: &'static [Maatregel] =
        &[Maatregel::Schorsing, Maatregel::Opheffing, Maatregel::Wijziging, Maatregel::Subsidie];
}
