//! `POST /melden`: the public form without JavaScript (and with it: the island only adds live
//! search). "Zoeken" shows the form again with the matches; "Melding versturen" stores it (a
//! signed-in case worker registers one that came in by phone, e-mail, letter or desk) or shows the
//! form again with the messages per field. Typed input is always kept.

use super::formulier::{LocatieZoektocht, MeldFormulier};
use super::intake::{Indiening, dien_in, registreer};
use crate::auth::model::CASEWERK;
use crate::auth::service::Aangemeld;
use crate::gemeen::http::{toon, toon_met};
use crate::gemeen::{FormEcho, Velden};
use crate::limiet::{Soort, met_wacht, voor_verzoek};
use crate::locaties::model::{LocatieId, LocatieKeuze};
use crate::locaties::service as locaties;
use crate::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new().route("/melden", post(verstuur))
}

async fn verstuur(State(state): State<AppState>, parts: Parts, velden: Velden) -> Response {
    let formulier = MeldFormulier::from_pairs(velden.paren());
    let echo = FormEcho::nieuw("melden", velden.clone());
    let db = &state.db;
    // Too many posts from this address: the form comes back with everything typed, nothing stored.
    if let Err(wacht) =
        voor_verzoek(&state.limieten, &parts, parts.extensions.get::<Aangemeld>().is_some(), Soort::Melden)
    {
        let echo = echo.met_melding(wacht.bericht(chrono::Utc::now()));
        return met_wacht(terug(&state, &formulier, echo, Vec::new(), StatusCode::TOO_MANY_REQUESTS).await, wacht);
    }
    if velden.get("actie") == "zoek" {
        let gevonden = locaties::zoek(db, &formulier.locatie_zoek, 15).await.unwrap_or_else(|e| {
            tracing::error!(error = %e, "location search failed");
            Vec::new()
        });
        return terug(&state, &formulier, echo, gevonden, StatusCode::OK).await;
    }
    if formulier.is_bot() {
        tracing::warn!("melding refused: honeypot filled in");
        let echo = echo.met_melding("Dit formulier lijkt automatisch ingevuld. Probeer het opnieuw.");
        return terug(&state, &formulier, echo, Vec::new(), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let medewerker = parts.extensions.get::<Aangemeld>().map(|a| a.0.clone()).filter(|g| g.heeft_een_van(CASEWERK));
    let resultaat = match &medewerker {
        Some(g) => registreer(db, &formulier, g, chrono::Utc::now()).await,
        None => dien_in(db, &formulier, chrono::Utc::now()).await,
    };
    match resultaat {
        Ok(Indiening::Ontvangen(bewijs)) => {
            // The web form's acknowledgement goes out by itself; a failure here loses nothing
            // the melder sees (their melding is stored) and is logged for the team.
            if medewerker.is_none() {
                let a = &state.config.afzender;
                let r = bewijs.referentie.as_str();
                if let Err(e) = crate::berichten::service::automatische_bevestiging(db, a, r, chrono::Utc::now()).await {
                    tracing::error!(error = %e, referentie = r, "automatic acknowledgement not written");
                }
            }
            toon_met("/melden", StatusCode::OK, bewijs)
        }
        Ok(Indiening::Fouten(fouten)) => {
            terug(&state, &formulier, echo.met_fouten(fouten), Vec::new(), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => {
            tracing::error!(error = %e, "melding could not be stored");
            let echo = echo.met_melding(
                "Uw melding kon nu niet bewaard worden door een storing bij ons. Uw tekst staat hieronder nog; \
                 probeer het zo meteen opnieuw.",
            );
            terug(&state, &formulier, echo, Vec::new(), StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

/// Shows the form again with everything typed, the messages, any matches and the chosen location.
async fn terug(
    state: &AppState,
    invoer: &MeldFormulier,
    echo: FormEcho,
    zoekresultaten: Vec<LocatieKeuze>,
    code: StatusCode,
) -> Response {
    let gekozen = match LocatieId::parse(&invoer.locatie_id) {
        Some(id) => locaties::keuze(&state.db, &id).await.unwrap_or_else(|e| {
            tracing::error!(error = %e, "location lookup failed");
            None
        }),
        None => None,
    };
    let zoektocht = LocatieZoektocht { zoekresultaten, gekozen };
    toon("/melden", code, move || {
        leptos::prelude::provide_context(echo.clone());
        leptos::prelude::provide_context(zoektocht.clone());
    })
}
