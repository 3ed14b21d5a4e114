//! `POST /login` and `POST /afmelden`: plain forms, so staff can log in without JavaScript.

use super::render::pagina;
use super::sessie::{cookie_wissen, cookie_zetten, sessie_token, stap_cookie_wissen, stap_cookie_zetten, stap_token};
use crate::router::ServerState;
use app::audit;
use app::auth::LoginStatus;
use app::auth::model::{Wachtwoord, veilige_bestemming};
use app::auth::service::{self as auth, Aangemeld, Aanmelding};
use app::auth::tweede_factor::model::CodeStatus;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;

pub async fn meld_aan(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    let mut email = String::new();
    let mut wachtwoord = String::new();
    let mut volgende = None;
    for (k, v) in form_urlencoded::parse(&body) {
        match k.as_ref() {
            "email" => email = v.chars().take(200).collect(),
            "wachtwoord" => wachtwoord = v.chars().take(256).collect(),
            "volgende" if !v.is_empty() => volgende = Some(v.chars().take(500).collect::<String>()),
            _ => {}
        }
    }
    let doel = veilige_bestemming(volgende.as_deref());
    let adres = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let uitkomst =
        auth::meld_aan(&state.app.db, &email, Wachtwoord::new(wachtwoord), state.app.config.sessie_duur, adres).await;
    let (fout, code) = match uitkomst {
        Ok(Aanmelding::Gelukt(token)) => {
            tracing::info!("login");
            let mut resp = Redirect::to(&doel).into_response();
            if let Ok(v) = HeaderValue::from_str(&cookie_zetten(&token, &state.app.config)) {
                resp.headers_mut().append(header::SET_COOKIE, v);
            }
            return resp;
        }
        Ok(Aanmelding::TweedeFactor(stap)) => {
            let doel: String = form_urlencoded::Serializer::new(String::new()).append_pair("volgende", &doel).finish();
            let mut resp = Redirect::to(&format!("/login/code?{doel}")).into_response();
            if let Ok(v) = HeaderValue::from_str(&stap_cookie_zetten(&stap, &state.app.config)) {
                resp.headers_mut().append(header::SET_COOKIE, v);
            }
            return resp;
        }
        Ok(Aanmelding::Verlopen) | Ok(Aanmelding::Mislukt) => {
            tracing::info!("failed login");
            ("E-mailadres of wachtwoord klopt niet.".to_string(), StatusCode::UNAUTHORIZED)
        }
        Ok(Aanmelding::Geblokkeerd(tot)) => (
            format!(
                "Te veel mislukte pogingen om aan te melden. Probeer het opnieuw vanaf {} uur.",
                app::tijd::in_belgie(tot).format("%H:%M")
            ),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Err(e) => {
            tracing::error!(error = %e, "login failed");
            (
                "Aanmelden lukt nu niet door een storing bij ons. Probeer het zo meteen opnieuw.".to_string(),
                StatusCode::SERVICE_UNAVAILABLE,
            )
        }
    };
    let status = LoginStatus { email, fout: Some(fout), volgende: Some(doel) };
    pagina(&state, &parts, "/login", status, code).await
}

pub async fn meld_af(State(state): State<ServerState>, parts: Parts) -> Response {
    if let Some(Aangemeld(g)) = parts.extensions.get::<Aangemeld>() {
        let adres = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        audit::schrijf(&state.app.db, audit::Wie::Gebruiker(g), audit::Actie::Afmelden, None, adres).await;
    }
    if let Some(token) = sessie_token(&parts.headers, &state.app.config)
        && let Err(e) = auth::meld_af(&state.app.db, &token).await
    {
        tracing::error!(error = %e, "logout failed to end the session");
    }
    let mut resp = Redirect::to("/login").into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie_wissen(&state.app.config)) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

fn geblokkeerd_tot(tot: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "Te veel mislukte pogingen om aan te melden. Probeer het opnieuw vanaf {} uur.",
        app::tijd::in_belgie(tot).format("%H:%M")
    )
}

/// `POST /login/code`: the second step. The session opens only when the code is right.
pub async fn code(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    let mut code = String::new();
    let mut volgende = None;
    for (k, v) in form_urlencoded::parse(&body) {
        match k.as_ref() {
            "code" => code = v.chars().take(40).collect(),
            "volgende" if !v.is_empty() => volgende = Some(v.chars().take(500).collect::<String>()),
            _ => {}
        }
    }
    let doel = veilige_bestemming(volgende.as_deref());
    let adres = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let stap = stap_token(&parts.headers, &state.app.config).unwrap_or_default();
    let config = &state.app.config;
    let uitkomst = app::auth::tweede_factor::service::meld_aan_met_code(
        &state.app.db,
        &config.kluis,
        &stap,
        &code,
        config.sessie_duur,
        adres,
        chrono::Utc::now(),
    )
    .await;
    let (fout, status) = match uitkomst {
        Ok(Aanmelding::Gelukt(token)) => {
            tracing::info!("login with second factor");
            let mut resp = Redirect::to(&doel).into_response();
            for c in [cookie_zetten(&token, config), stap_cookie_wissen(config)] {
                if let Ok(v) = HeaderValue::from_str(&c) {
                    resp.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            return resp;
        }
        Ok(Aanmelding::Verlopen) | Ok(Aanmelding::TweedeFactor(_)) => {
            let status = LoginStatus {
                email: String::new(),
                fout: Some(
                    "Het aanmelden duurde te lang of werd onderbroken. Begin opnieuw met uw e-mailadres en wachtwoord."
                        .into(),
                ),
                volgende: Some(doel),
            };
            let mut resp = pagina(&state, &parts, "/login", status, StatusCode::UNAUTHORIZED).await;
            if let Ok(v) = HeaderValue::from_str(&stap_cookie_wissen(config)) {
                resp.headers_mut().append(header::SET_COOKIE, v);
            }
            return resp;
        }
        Ok(Aanmelding::Mislukt) => {
            tracing::info!("wrong second-factor code");
            (
                "Deze code klopt niet. Typ de zes cijfers die de app nu toont, of een ongebruikte herstelcode."
                    .to_string(),
                StatusCode::UNAUTHORIZED,
            )
        }
        Ok(Aanmelding::Geblokkeerd(tot)) => (geblokkeerd_tot(tot), StatusCode::TOO_MANY_REQUESTS),
        Err(e) => {
            tracing::error!(error = %e, "second-factor login failed");
            (
                "Aanmelden lukt nu niet door een storing bij ons. Probeer het zo meteen opnieuw.".to_string(),
                StatusCode::SERVICE_UNAVAILABLE,
            )
        }
    };
    let status_pagina = CodeStatus { fout: Some(fout), volgende: Some(doel) };
    pagina(&state, &parts, "/login/code", status_pagina, status).await
}
