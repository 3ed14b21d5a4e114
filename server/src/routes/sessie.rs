//! The session layer: turns the session cookie into the logged-in user for the request, keeps
//! anonymous visitors out of staff pages, and refuses cross-site form posts.

use crate::router::ServerState;
use app::auth::service::{Aangemeld, SESSIE_COOKIE, SESSIE_COOKIE_VEILIG, Sessie, sessie_voor_token};
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
    "/account",
    "/beheer",
    "/audit",
    "/audit.csv",
];

/// What a user who must first enrol a second factor may still reach.
const INSCHRIJVEN: &str = "/account/tweede-factor";
const TIJDENS_INSCHRIJVEN: &[&str] = &[INSCHRIJVEN, "/api/mijn_tweede_factor", "/afmelden"];

/// The cookie between password and code (a few minutes, this site only).
const STAP_COOKIE: &str = "meldpunt_aanmelden";
const STAP_COOKIE_VEILIG: &str = "__Host-meldpunt_aanmelden";

/// Behind TLS the cookies carry the `__Host-` prefix (the browser then insists on `Secure`,
/// `Path=/` and no `Domain`); over plain HTTP, where a `Secure` cookie would not be kept, they
/// go without it.
pub fn sessie_cookie_naam(config: &Config) -> &'static str {
    if config.secure_cookies { SESSIE_COOKIE_VEILIG } else { SESSIE_COOKIE }
}

fn stap_cookie_naam(config: &Config) -> &'static str {
    if config.secure_cookies { STAP_COOKIE_VEILIG } else { STAP_COOKIE }
}

fn lees_cookie(headers: &HeaderMap, naam: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == naam)
        .map(|(_, v)| v.to_string())
}

pub fn sessie_token(headers: &HeaderMap, config: &Config) -> Option<String> {
    lees_cookie(headers, sessie_cookie_naam(config))
}

pub fn stap_token(headers: &HeaderMap, config: &Config) -> Option<String> {
    lees_cookie(headers, stap_cookie_naam(config))
}

fn cookie(naam: &str, waarde: &str, samesite: &str, max_age: i64, config: &Config) -> String {
    let secure = if config.secure_cookies { "; Secure" } else { "" };
    format!("{naam}={waarde}; Path=/; HttpOnly; SameSite={samesite}; Max-Age={max_age}{secure}")
}

/// `SameSite=Lax`: a link from an e-mail to a case page still arrives logged in; posts from
/// other sites carry no cookie (and are refused by `zelfde_oorsprong` anyway).
pub fn cookie_zetten(token: &str, config: &Config) -> String {
    cookie(sessie_cookie_naam(config), token, "Lax", config.sessie_duur.num_seconds(), config)
}

pub fn cookie_wissen(config: &Config) -> String {
    cookie(sessie_cookie_naam(config), "", "Lax", 0, config)
}

pub fn stap_cookie_zetten(token: &str, config: &Config) -> String {
    let duur = app::auth::tweede_factor::service::STAP_DUUR.num_seconds();
    cookie(stap_cookie_naam(config), token, "Strict", duur, config)
}

pub fn stap_cookie_wissen(config: &Config) -> String {
    cookie(stap_cookie_naam(config), "", "Strict", 0, config)
}

pub async fn laag(State(state): State<ServerState>, mut req: Request, next: Next) -> Response {
    let pad = req.uri().path().to_string();
    let onder = |p: &str| pad == p || pad.starts_with(&format!("{p}/"));
    let is_staff = STAFF_PADEN.iter().any(|p| onder(p));
    if let Some(token) = sessie_token(req.headers(), &state.app.config) {
        match sessie_voor_token(&state.app.db, &token, state.app.config.sessie_inactief).await {
            // A role of theirs requires a second factor they lack: nothing but enrolling.
            Ok(Some(Sessie { moet_inschrijven: true, gebruiker })) => {
                if TIJDENS_INSCHRIJVEN.iter().any(|p| onder(p)) {
                    req.extensions_mut().insert(Aangemeld(gebruiker));
                } else if is_staff {
                    return Redirect::to(INSCHRIJVEN).into_response();
                }
            }
            Ok(Some(Sessie { gebruiker, .. })) => {
                req.extensions_mut().insert(Aangemeld(gebruiker));
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "session lookup failed"),
        }
    }
    let pad = pad.as_str();
    if is_staff && req.extensions().get::<Aangemeld>().is_none() {
        let volgende = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/werkbak");
        let doel: String = form_urlencoded::Serializer::new(String::new()).append_pair("volgende", volgende).finish();
        return Redirect::to(&format!("/login?{doel}")).into_response();
    }
    // Only case work has a werkbak: others start on what their role has (experts on the advice
    // requests addressed to them, knowledge editors on the knowledge base, admins on accounts).
    if pad == "/werkbak"
        && let Some(Aangemeld(g)) = req.extensions().get::<Aangemeld>()
        && !g.heeft_een_van(app::auth::model::CASEWERK)
    {
        return Redirect::to(app::auth::model::startpagina(g)).into_response();
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
