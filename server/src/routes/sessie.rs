//! The session layer: turns the session cookie into the logged-in user for the request, keeps
//! anonymous visitors out of staff pages, and refuses cross-site form posts.

use crate::router::ServerState;
use app::auth::service::{Aangemeld, SESSIE_COOKIE, gebruiker_voor_token};
use app::state::Config;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// Pages only staff may open; anonymous requests go to the login page.
const STAFF_PADEN: &[&str] = &[
    "/werkbak",
    "/meldingen",
    "/advies",
    "/organisatoren",
    "/locaties",
    "/kennisbank",
    "/beheer",
    "/audit",
    "/audit.csv",
];

pub fn sessie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == SESSIE_COOKIE)
        .map(|(_, v)| v.to_string())
}

pub fn cookie_zetten(token: &str, config: &Config) -> String {
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    format!(
        "{SESSIE_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        config.sessie_duur.num_seconds()
    )
}

pub fn cookie_wissen(config: &Config) -> String {
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    format!("{SESSIE_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
}

pub async fn laag(State(state): State<ServerState>, mut req: Request, next: Next) -> Response {
    if let Some(token) = sessie_token(req.headers()) {
        match gebruiker_voor_token(&state.app.db, &token, state.app.config.sessie_inactief).await {
            Ok(Some(g)) => {
                req.extensions_mut().insert(Aangemeld(g));
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "session lookup failed"),
        }
    }
    let pad = req.uri().path();
    let is_staff = STAFF_PADEN.iter().any(|p| pad == *p || pad.starts_with(&format!("{p}/")));
    if is_staff && req.extensions().get::<Aangemeld>().is_none() {
        let volgende = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/werkbak");
        let doel: String = form_urlencoded::Serializer::new(String::new()).append_pair("volgende", volgende).finish();
        return Redirect::to(&format!("/login?{doel}")).into_response();
    }
    // Experts have no werkbak: their start page is the list of advice requests addressed to them.
    if pad == "/werkbak"
        && let Some(Aangemeld(g)) = req.extensions().get::<Aangemeld>()
        && !g.heeft_een_van(app::auth::model::CASEWERK)
        && g.rollen.contains(&app::auth::model::Rol::Expert)
    {
        return Redirect::to("/advies").into_response();
    }
    next.run(req).await
}

/// A state-changing request from another site is refused (on top of the SameSite cookie).
pub async fn zelfde_oorsprong(req: Request<Body>, next: Next) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let host = req.headers().get(header::HOST).and_then(|h| h.to_str().ok());
        let oorsprong = req.headers().get(header::ORIGIN).and_then(|h| h.to_str().ok());
        let site = req.headers().get("sec-fetch-site").and_then(|h| h.to_str().ok());
        let vreemde_oorsprong = match (oorsprong, host) {
            (Some("null"), _) => false,
            (Some(o), Some(h)) => o.split_once("://").map(|(_, rest)| rest) != Some(h),
            _ => false,
        };
        if vreemde_oorsprong || site == Some("cross-site") {
            tracing::warn!("cross-site post refused");
            return (StatusCode::FORBIDDEN, "Dit verzoek kwam niet van Meldpunt en werd geweigerd.").into_response();
        }
    }
    next.run(req).await
}
