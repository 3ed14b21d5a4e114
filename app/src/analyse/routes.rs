//! `POST /meldingen/<referentie>/analyse` (add or change a point of the analysis),
//! `POST /meldingen/<referentie>/opvolging` (record a follow-up action) and
//! `POST /meldingen/<referentie>/medebehandelaar` (set the co-handling account manager).
//! An edit based on an old version answers 409 with what changed meanwhile.

use super::model::{MedeInvoer, OpvolgInvoer, PuntInvoer};
use super::service::{self, AnalyseFout};
use crate::gemeen::audit::Actie;
use crate::gemeen::{FormEcho, Sleutel, Velden};
use crate::state::AppState;
use crate::zaak::toegang::Zaak;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/meldingen/{referentie}/analyse", post(punt))
        .route("/meldingen/{referentie}/opvolging", post(opvolging))
        .route("/meldingen/{referentie}/medebehandelaar", post(medebehandelaar))
}

/// Audit and 303 to `anker` on the case, or the case again with the reason.
async fn afronden(state: &AppState, zaak: &Zaak, resultaat: Result<String, AnalyseFout>, echo: FormEcho) -> Response {
    match resultaat {
        Ok(anker) => zaak.klaar(state, Actie::Wijzigen, &anker).await,
        Err(AnalyseFout::Verouderd { gelezen, wijzigingen }) => {
            zaak.geweigerd(echo, &AnalyseFout::Verouderd { gelezen, wijzigingen: Vec::new() }, wijzigingen)
        }
        Err(e) => zaak.geweigerd(echo, &e, Vec::new()),
    }
}

async fn punt(State(state): State<AppState>, zaak: Zaak, velden: Velden) -> Response {
    let formulier = match Sleutel::parse(velden.get("id")) {
        Some(id) => format!("analyse-{id}"),
        None => "analyse-nieuw".into(),
    };
    let echo = FormEcho::nieuw(formulier, velden.alleen(&["id", "punt", "tekst", "bron", "conclusie"]));
    let Some(versie) = velden.versie() else { return zaak.zonder_versie(echo) };
    let bronnen: Vec<String> = velden.alle("bron").map(str::to_string).collect();
    let p = match PuntInvoer::parse(velden.lezer(), &bronnen) {
        Ok(p) => p,
        Err(fouten) => return zaak.opnieuw(echo.met_fouten(fouten), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let resultaat = service::bewaar_punt(&state.db, &zaak.g, zaak.referentie.as_str(), versie, p, chrono::Utc::now())
        .await
        .map(|key| format!("punt-{key}"));
    afronden(&state, &zaak, resultaat, echo).await
}

async fn opvolging(State(state): State<AppState>, zaak: Zaak, velden: Velden) -> Response {
    let echo = FormEcho::nieuw("opvolging", velden.alleen(&["soort", "tekst", "dienst"]));
    let o = match OpvolgInvoer::parse(velden.lezer()) {
        Ok(o) => o,
        Err(fouten) => return zaak.opnieuw(echo.met_fouten(fouten), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let resultaat = service::voeg_opvolging_toe(&state.db, &zaak.g, zaak.referentie.as_str(), o, chrono::Utc::now())
        .await
        .map(|()| "h-opvolging".to_string());
    afronden(&state, &zaak, resultaat, echo).await
}

async fn medebehandelaar(State(state): State<AppState>, zaak: Zaak, velden: Velden) -> Response {
    let echo = FormEcho::nieuw("medebehandelaar", velden.alleen(&["aan", "reden"]));
    let Some(versie) = velden.versie() else { return zaak.zonder_versie(echo) };
    let m = match MedeInvoer::parse(velden.lezer(), &zaak.g.id) {
        Ok(m) => m,
        Err(fouten) => return zaak.opnieuw(echo.met_fouten(fouten), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let nu = chrono::Utc::now();
    let resultaat = service::zet_medebehandelaar(&state.db, &zaak.g, zaak.referentie.as_str(), versie, m, nu)
        .await
        .map(|()| "h-medebehandeling".to_string());
    afronden(&state, &zaak, resultaat, echo).await
}
