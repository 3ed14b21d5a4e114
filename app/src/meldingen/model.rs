//! What the werkbak, intake and the case page show, shared by server and browser. The words of a
//! case itself are in `zaak`.

use crate::gemeen::tijdlijn::TijdlijnItem;
use crate::locaties::model::LocatieDetail;
use crate::zaak::model::{Categorie, Kanaal, MelderGegevens, Referentie, Status, Urgentie, Zaaksoort};
use crate::zaak::werkbak_filter::WerkbakCursor;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One row of the werkbak (inbox).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WerkbakRij {
    pub referentie: Referentie,
    pub ontvangen: DateTime<Utc>,
    pub locatie: String,
    pub gemeente: String,
    pub categorieen: Vec<Categorie>,
    pub urgentie: Urgentie,
    pub status: Status,
    /// A clock of this melding has run out.
    pub te_laat: bool,
    pub behandelaar: Option<String>,
    /// The klantenbeheerder kinderopvang who co-handles it.
    pub medebehandelaar: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WerkbakPagina {
    /// Open meldingen with acute danger, oldest first: shown at the top of every view.
    pub acuut: Vec<WerkbakRij>,
    pub rijen: Vec<WerkbakRij>,
    pub volgende: Option<WerkbakCursor>,
    /// For coordinators: how many messages could not be sent (shown with a link to /uitgaand).
    pub niet_verzonden: Option<i64>,
}

pub const WERKBAK_PAGINA: usize = 25;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeldingDetail {
    pub referentie: Referentie,
    pub kanaal: Kanaal,
    pub ontvangen: DateTime<Utc>,
    pub feit_datum: String,
    pub categorieen: Vec<Categorie>,
    pub urgentie: Urgentie,
    pub status: Status,
    pub omschrijving: String,
    pub locatie: Option<LocatieDetail>,
    pub locatie_omschrijving: Option<String>,
    pub melder: MelderGegevens,
    pub tijdlijn: Vec<TijdlijnItem>,
    pub termijnen: Vec<crate::termijnen::model::Termijn>,
    pub soort: Zaaksoort,
    /// The version read: a step sent with an older version is refused.
    pub versie: i64,
    pub zaak: crate::behandeling::model::Zaak,
    /// (id, name) of the case worker handling it.
    pub behandelaar: Option<(String, String)>,
    pub conclusie_tekst: Option<String>,
    /// (id, name) of the staff a coordinator may assign this case to; empty for others.
    pub medewerkers: Vec<(String, String)>,
    pub adviesvragen: Vec<crate::advies::model::Adviesvraag>,
    /// (form value, label) of the disciplines and experts an advice request can go to.
    pub geadresseerden: Vec<(String, String)>,
}

/// What a reporter gets back after a successful submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ontvangstbewijs {
    pub referentie: Referentie,
    pub opvolgcode: String,
}

/// Everything the case page shows, from one server call: one access check and one audit entry
/// for the whole view. A part that failed to load carries its own error, so the rest still shows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Zaakpagina {
    pub detail: MeldingDetail,
    pub analyse: Result<crate::analyse::model::AnalyseDossier, crate::error::AppError>,
    pub citaten: Result<crate::citaten::model::CitatenData, crate::error::AppError>,
    pub documenten: Result<Vec<crate::documenten::model::Document>, crate::error::AppError>,
    pub koppelingen: Result<crate::dubbels::model::Koppelingen, crate::error::AppError>,
    pub berichten: Result<Vec<crate::berichten::model::BerichtRegel>, crate::error::AppError>,
}
