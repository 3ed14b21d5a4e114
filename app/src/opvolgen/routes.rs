//! `POST /opvolgen` (look up with reference and code) and `POST /opvolgen/aanvullen` (add
//! information). Wrong codes count towards the same per-address throttle as logins.

use super::model::OpvolgInzage;
use super::service::{ONBEKEND, Toegang, bekijk, controleer_aanvulling, vul_aan};
use crate::auth::rem::VENSTER;
use crate::auth::service::{Aangemeld, registreer_poging, te_veel_pogingen};
use crate::gemeen::http::{adres, toon, toon_met};
use crate::gemeen::{FormEcho, STORING, Velden, Veldfouten};
use crate::limiet::{Soort, Wacht, met_wacht, voor_verzoek};
use crate::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new().route("/opvolgen", post(bekijken)).route("/opvolgen/aanvullen", post(aanvullen))
}

async fn bekijken(State(state): State<AppState>, parts: Parts, velden: Velden) -> Response {
    antwoord(&state, &parts, false, velden).await
}

async fn aanvullen(State(state): State<AppState>, parts: Parts, velden: Velden) -> Response {
    antwoord(&state, &parts, true, velden).await
}

const PAD: &str = "/opvolgen";

/// Whether this address had too many wrong codes lately (a failing lookup does not block).
async fn geblokkeerd(state: &AppState, sleutel: Option<&str>) -> bool {
    let Some(s) = sleutel else { return false };
    te_veel_pogingen(&state.db, s).await.unwrap_or_else(|e| {
        tracing::error!(error = %e, "throttle lookup failed");
        false
    })
}

async fn antwoord(state: &AppState, parts: &Parts, aanvullen: bool, velden: Velden) -> Response {
    let referentie = velden.kort("referentie", 20);
    let tekst: String = velden.get("aanvulling").chars().take(5001).collect();
    // What comes back to the page: the reference and the addition typed, never the code.
    let echo = FormEcho::nieuw(
        if aanvullen { "aanvullen" } else { "opvolgen" },
        Velden::van(&[("referentie", &referentie), ("aanvulling", &tekst)]),
    );
    // Refused before anything is checked: the reference and any text typed come back.
    let geweigerd = |fout: String| toon_met(PAD, StatusCode::TOO_MANY_REQUESTS, echo.clone().met_melding(fout));
    let soort = if aanvullen { Soort::Aanvullen } else { Soort::Opvolgen };
    if let Err(wacht) = voor_verzoek(&state.limieten, parts, parts.extensions.get::<Aangemeld>().is_some(), soort) {
        return met_wacht(geweigerd(wacht.bericht(chrono::Utc::now())), wacht);
    }
    let sleutel = adres(parts).map(|a| format!("opvolgen:{a}"));
    if geblokkeerd(state, sleutel.as_deref()).await {
        let fout = "Te veel pogingen met een verkeerde code. Probeer het over een kwartier opnieuw.".to_string();
        let kwartier = VENSTER.to_std().unwrap_or(std::time::Duration::from_secs(900));
        return met_wacht(geweigerd(fout), Wacht(kwartier));
    }
    let code = velden.get("code").to_string();
    let mut te_kort = None;
    let resultaat = match (aanvullen, controleer_aanvulling(&tekst)) {
        (true, Ok(schoon)) => vul_aan(&state.db, &referentie, &code, &schoon).await.map(|t| (t, true)),
        (true, Err(melding)) => {
            let mut fouten = Veldfouten::default();
            fouten.zet("aanvulling", melding);
            te_kort = Some(echo.clone().met_fouten(fouten));
            bekijk(&state.db, &referentie, &code).await.map(|t| (t, false))
        }
        (false, _) => bekijk(&state.db, &referentie, &code).await.map(|t| (t, false)),
    };
    match resultaat {
        Ok((Toegang::Ok(overzicht), bedankt)) => {
            let inzage = OpvolgInzage { overzicht, code, bedankt };
            match te_kort {
                Some(echo) => toon(PAD, StatusCode::UNPROCESSABLE_ENTITY, move || {
                    leptos::prelude::provide_context(inzage.clone());
                    leptos::prelude::provide_context(echo.clone());
                }),
                None => toon_met(PAD, StatusCode::OK, inzage),
            }
        }
        Ok((Toegang::Onbekend, _)) => {
            if let Some(s) = &sleutel
                && let Err(e) = registreer_poging(&state.db, s).await
            {
                tracing::error!(error = %e, "throttle record failed");
            }
            toon_met(PAD, StatusCode::UNPROCESSABLE_ENTITY, te_kort.unwrap_or(echo).met_melding(ONBEKEND))
        }
        Err(e) => {
            tracing::error!(error = %e, "follow-up failed");
            toon_met(PAD, StatusCode::SERVICE_UNAVAILABLE, te_kort.unwrap_or(echo).met_melding(STORING))
        }
    }
}
