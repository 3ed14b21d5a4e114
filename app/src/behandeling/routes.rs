//! `POST /meldingen/<referentie>/stap` (a step of the state machine) and
//! `POST /meldingen/<referentie>/tijdlijn` (a note, contactmoment or correction).

use super::formulier::StapFormulier;
use super::service::{self, BehandelFout};
use super::tijdlijn::{Notitie, NotitieFormulier};
use crate::gemeen::audit::Actie;
use crate::gemeen::{FormEcho, Velden};
use crate::state::AppState;
use crate::zaak::toegang::Zaak;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/meldingen/{referentie}/stap", post(stap))
        .route("/meldingen/{referentie}/tijdlijn", post(tijdlijn))
}

/// Audit and 303 back to the timeline, or the case again with the reason (and, for a stale
/// version, what changed since).
async fn afronden(
    state: &AppState,
    zaak: &Zaak,
    actie: Actie,
    resultaat: Result<(), BehandelFout>,
    echo: FormEcho,
) -> Response {
    match resultaat {
        Ok(()) => zaak.klaar(state, actie, "tijdlijn").await,
        Err(BehandelFout::Verouderd { gelezen, wijzigingen }) => {
            let e = BehandelFout::Verouderd { gelezen, wijzigingen: Vec::new() };
            zaak.geweigerd(echo, &e, wijzigingen)
        }
        Err(e) => zaak.geweigerd(echo, &e, Vec::new()),
    }
}

async fn stap(State(state): State<AppState>, zaak: Zaak, velden: Velden) -> Response {
    let formulier = StapFormulier::uit_velden(velden.paren());
    let naam = formulier.soort().map(|s| s.code().to_string()).unwrap_or_default();
    let echo = FormEcho::nieuw(naam, velden);
    let Some(versie) = formulier.versie() else { return zaak.zonder_versie(echo) };
    let handeling = match formulier.parse(&zaak.g.id) {
        Ok(h) => h,
        Err(fouten) => return zaak.opnieuw(echo.met_fouten(fouten), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let nu = chrono::Utc::now();
    let resultaat = service::voer_uit(&state.db, &zaak.g, zaak.referentie.as_str(), versie, handeling, nu).await;
    afronden(&state, &zaak, Actie::Overgang, resultaat.map(|_| ()), echo).await
}

async fn tijdlijn(State(state): State<AppState>, zaak: Zaak, velden: Velden) -> Response {
    let f = NotitieFormulier::uit(&velden);
    let echo = FormEcho::nieuw("notitie", velden);
    let notitie = match Notitie::parse(&f) {
        Ok(n) => n,
        Err(fouten) => return zaak.opnieuw(echo.met_fouten(fouten), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let resultaat = service::noteer(&state.db, &zaak.g, zaak.referentie.as_str(), notitie, chrono::Utc::now()).await;
    afronden(&state, &zaak, Actie::Wijzigen, resultaat, echo).await
}
