//! `POST /login` and `POST /afmelden`: plain forms, so staff can log in without JavaScript.

use super::render::pagina;
use super::sessie::{cookie_wissen, cookie_zetten, sessie_token};
use crate::router::ServerState;
use app::auth::LoginStatus;
use app::auth::model::{Wachtwoord, veilige_bestemming};
use app::auth::service as auth;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

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
    match auth::meld_aan(
        &state.app.db,
        &email,
        Wachtwoord::new(wachtwoord),
        state.app.config.sessie_duur,
    )
    .await
    {
        Ok(Some(token)) => {
            tracing::info!("login");
            let mut resp = Redirect::to(&doel).into_response();
            if let Ok(v) = HeaderValue::from_str(&cookie_zetten(&token, &state.app.config)) {
                resp.headers_mut().append(header::SET_COOKIE, v);
            }
            resp
        }
        Ok(None) => {
            tracing::info!("failed login");
            let status = LoginStatus {
                email,
                fout: Some("E-mailadres of wachtwoord klopt niet.".into()),
                volgende: Some(doel),
            };
            pagina(&state, &parts, "/login", status, StatusCode::UNAUTHORIZED).await
        }
        Err(e) => {
            tracing::error!(error = %e, "login failed");
            let status = LoginStatus {
                email,
                fout: Some("Aanmelden lukt nu niet door een storing bij ons. Probeer het zo meteen opnieuw.".into()),
                volgende: Some(doel),
            };
            pagina(
                &state,
                &parts,
                "/login",
                status,
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}

pub async fn meld_af(State(state): State<ServerState>, parts: Parts) -> Response {
    if let Some(token) = sessie_token(&parts.headers)
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
