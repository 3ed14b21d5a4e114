//! `POST /opvolgen` (look up with reference and code) and `POST /opvolgen/aanvullen` (add
//! information). Wrong codes count towards the same per-address throttle as logins.

use super::model::OpvolgStatus;
use super::service::{ONBEKEND, Toegang, bekijk, controleer_aanvulling, vul_aan};
use crate::auth::service::{Aangemeld, VENSTER, registreer_poging, te_veel_pogingen};
use crate::gemeen::http::{adres, toon_met};
use crate::gemeen::{STORING, Velden};
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

fn toon(status: OpvolgStatus, code: StatusCode) -> Response {
    toon_met("/opvolgen", code, status)
}

/// Whether this address had too many wrong codes lately (a failing lookup does not block).
async fn geblokkeerd(state: &AppState, sleutel: Option<&str>) -> bool {
    let Some(s) = sleutel else { return false };
    te_veel_pogingen(&state.db, s).await.unwrap_or_else(|e| {
        tracing::error!(error = %e, "throttle lookup failed");
        false
    })
}

async fn antwoord(state: &AppState, parts: &Parts, aanvullen: bool, velden: Velden) -> Response {
    let mut status = OpvolgStatus { referentie: velden.kort("referentie", 20), ..Default::default() };
    let tekst: String = velden.get("aanvulling").chars().take(5001).collect();
    // Refused before anything is checked: the reference and any text typed come back.
    let geweigerd = |mut status: OpvolgStatus, fout: String| {
        status.fout = Some(fout);
        if aanvullen {
            status.aanvulling = tekst.clone();
        }
        toon(status, StatusCode::TOO_MANY_REQUESTS)
    };
    let soort = if aanvullen { Soort::Aanvullen } else { Soort::Opvolgen };
    if let Err(wacht) = voor_verzoek(&state.limieten, parts, parts.extensions.get::<Aangemeld>().is_some(), soort) {
        return met_wacht(geweigerd(status, wacht.bericht(chrono::Utc::now())), wacht);
    }
    let sleutel = adres(parts).map(|a| format!("opvolgen:{a}"));
    if geblokkeerd(state, sleutel.as_deref()).await {
        let fout = "Te veel pogingen met een verkeerde code. Probeer het over een kwartier opnieuw.".to_string();
        let kwartier = VENSTER.to_std().unwrap_or(std::time::Duration::from_secs(900));
        return met_wacht(geweigerd(status, fout), Wacht(kwartier));
    }
    let code = velden.get("code").to_string();
    let resultaat = match (aanvullen, controleer_aanvulling(&tekst)) {
        (true, Ok(schoon)) => vul_aan(&state.db, &status.referentie, &code, &schoon).await.map(|t| (t, true)),
        (true, Err(melding)) => {
            status.aanvulling = tekst.clone();
            status.aanvulling_fout = Some(melding.to_string());
            bekijk(&state.db, &status.referentie, &code).await.map(|t| (t, false))
        }
        (false, _) => bekijk(&state.db, &status.referentie, &code).await.map(|t| (t, false)),
    };
    match resultaat {
        Ok((Toegang::Ok(overzicht), bedankt)) => {
            let code_status =
                if status.aanvulling_fout.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
            toon(OpvolgStatus { overzicht: Some(overzicht), code, bedankt, ..status }, code_status)
        }
        Ok((Toegang::Onbekend, _)) => {
            if let Some(s) = &sleutel
                && let Err(e) = registreer_poging(&state.db, s).await
            {
                tracing::error!(error = %e, "throttle record failed");
            }
            toon(OpvolgStatus { fout: Some(ONBEKEND.into()), ..status }, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => {
            tracing::error!(error = %e, "follow-up failed");
            toon(OpvolgStatus { fout: Some(STORING.into()), ..status }, StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}
