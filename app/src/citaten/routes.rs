//! `POST /meldingen/<referentie>/citeren`: cites a knowledge-base page, at the revision the case
//! worker saw, in the case; 303 back to the case's knowledge-base section, or the case again with
//! the message next to the field and the note as typed.

use super::model::NieuwCitaat;
use super::service;
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
    Router::new().route("/meldingen/{referentie}/citeren", post(citeer))
}

async fn citeer(State(state): State<AppState>, zaak: Zaak, velden: Velden) -> Response {
    let echo = FormEcho::nieuw("citaat", velden.alleen(&["slug", "revisie", "toelichting"]));
    let citaat = match NieuwCitaat::parse(velden.get("slug"), velden.get("revisie"), velden.get("toelichting")) {
        Ok(c) => c,
        Err(fouten) => return zaak.opnieuw(echo.met_fouten(fouten), StatusCode::UNPROCESSABLE_ENTITY),
    };
    match service::citeer(&state.db, &zaak.g, zaak.referentie.as_str(), citaat, chrono::Utc::now()).await {
        Ok(()) => zaak.klaar(&state, Actie::Aanmaken, "kennisbank").await,
        Err(e) => zaak.geweigerd(echo, &e, Vec::new()),
    }
}
