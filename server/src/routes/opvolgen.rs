//! `POST /opvolgen` (look up with reference and code) and `POST /opvolgen/aanvullen` (add
//! information). Wrong codes count towards the same per-address throttle as logins.

use super::render::pagina;
use crate::router::ServerState;
use app::auth::service::{MAX_PER_ADRES, VENSTER};
use app::limiet::{Soort, Wacht};
use app::opvolgen::model::OpvolgStatus;
use app::opvolgen::service::{ONBEKEND, Toegang, bekijk, controleer_aanvulling, vul_aan};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use std::collections::HashMap;
use std::net::SocketAddr;

fn velden(body: &Bytes) -> HashMap<String, String> {
    form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.chars().take(5001).collect())).collect()
}

/// Too many wrong codes from this address lately?
async fn geblokkeerd(state: &ServerState, sleutel: &Option<String>) -> bool {
    let Some(s) = sleutel else { return false };
    let sinds = chrono::Utc::now() - VENSTER;
    match app::auth::repo::mislukte_pogingen(&state.app.db, std::slice::from_ref(s), sinds).await {
        Ok(p) => p.iter().any(|p| p.aantal >= MAX_PER_ADRES),
        Err(e) => {
            tracing::error!(error = %e, "throttle lookup failed");
            false
        }
    }
}

async fn antwoord(state: &ServerState, parts: &Parts, aanvullen: bool, body: Bytes) -> Response {
    let v = velden(&body);
    let veld = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut status = OpvolgStatus { referentie: veld("referentie").chars().take(20).collect(), ..Default::default() };
    let soort = if aanvullen { Soort::Aanvullen } else { Soort::Opvolgen };
    if let Err(wacht) = super::limiet::controleer(state, parts, soort) {
        // Nothing is checked or stored; the reference and any text typed come back.
        status.fout = Some(wacht.bericht(chrono::Utc::now()));
        if aanvullen {
            status.aanvulling = veld("aanvulling");
        }
        let resp = pagina(state, parts, "/opvolgen", status, StatusCode::TOO_MANY_REQUESTS).await;
        return super::limiet::met_wacht(resp, wacht);
    }
    let sleutel = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| format!("opvolgen:{}", c.0.ip()));
    if geblokkeerd(state, &sleutel).await {
        status.fout = Some("Te veel pogingen met een verkeerde code. Probeer het over een kwartier opnieuw.".into());
        if aanvullen {
            status.aanvulling = veld("aanvulling");
        }
        let resp = pagina(state, parts, "/opvolgen", status, StatusCode::TOO_MANY_REQUESTS).await;
        let kwartier = VENSTER.to_std().unwrap_or(std::time::Duration::from_secs(900));
        return super::limiet::met_wacht(resp, Wacht(kwartier));
    }
    let code = veld("code");
    let tekst = veld("aanvulling");
    let resultaat = match (aanvullen, controleer_aanvulling(&tekst)) {
        (true, Ok(schoon)) => vul_aan(&state.app.db, &status.referentie, &code, &schoon).await.map(|t| (t, true)),
        (true, Err(melding)) => {
            status.aanvulling = tekst.clone();
            status.aanvulling_fout = Some(melding.to_string());
            bekijk(&state.app.db, &status.referentie, &code).await.map(|t| (t, false))
        }
        (false, _) => bekijk(&state.app.db, &status.referentie, &code).await.map(|t| (t, false)),
    };
    match resultaat {
        Ok((Toegang::Ok(overzicht), bedankt)) => {
            let code_status =
                if status.aanvulling_fout.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
            status.overzicht = Some(overzicht);
            status.code = code;
            status.bedankt = bedankt;
            pagina(state, parts, "/opvolgen", status, code_status).await
        }
        Ok((Toegang::Onbekend, _)) => {
            if let Some(s) = &sleutel
                && let Err(e) = app::auth::repo::registreer_mislukt(&state.app.db, std::slice::from_ref(s)).await
            {
                tracing::error!(error = %e, "throttle record failed");
            }
            status.fout = Some(ONBEKEND.into());
            pagina(state, parts, "/opvolgen", status, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => {
            tracing::error!(error = %e, "follow-up failed");
            status.fout = Some("Dit lukt nu niet door een storing bij ons. Probeer het zo meteen opnieuw.".into());
            pagina(state, parts, "/opvolgen", status, StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

pub async fn bekijken(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    antwoord(&state, &parts, false, body).await
}

pub async fn aanvullen(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    antwoord(&state, &parts, true, body).await
}
