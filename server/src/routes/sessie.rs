//! The session layer: turns the session cookie into the logged-in user for the request, keeps
//! anonymous visitors out of staff pages, and refuses cross-site form posts.

use crate::router::ServerState;
use app::auth::cookie::{sessie_token, stap_token};
use app::auth::service::{Aangemeld, AuthFout, Sessie, sessie_voor_token};
use app::gemeen::klantadres::{Klantadres, bepaal};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
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
    "/sjablonen",
    "/berichten",
    "/nazicht",
    "/uitgaand",
    "/audit",
    "/audit.csv",
];

/// What a user who must first enrol a second factor may still reach.
const INSCHRIJVEN: &str = "/account/tweede-factor";
const TIJDENS_INSCHRIJVEN: &[&str] = &[INSCHRIJVEN, "/api/mijn_tweede_factor", "/afmelden"];

pub async fn laag(State(state): State<ServerState>, mut req: Request, next: Next) -> Response {
    let pad = req.uri().path().to_string();
    let onder = |p: &str| pad == p || pad.starts_with(&format!("{p}/"));
    let is_staff = STAFF_PADEN.iter().any(|p| onder(p));
    let token = sessie_token(req.headers(), &state.app.config);
    // Only a signed-in user's change can end sessions; a public form post leaves the cache alone.
    let schrijft = token.is_some() && !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if let Some(token) = token {
        match sessie(&state, &token).await {
            // A role of theirs requires a second factor they lack: nothing but enrolling.
            Ok(Some(Sessie { moet_inschrijven: true, gebruiker, .. })) => {
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
    let antwoord = next.run(req).await;
    if schrijft {
        // It may have ended sessions (see `sessiecache`): before the answer leaves, no cached
        // session is trusted any more.
        state.sessies.vergeet_alles();
    }
    antwoord
}

/// The session of `token`: from the cache when validated moments ago, else from the database.
async fn sessie(state: &ServerState, token: &str) -> Result<Option<Sessie>, AuthFout> {
    let inactief = state.app.config.sessie_inactief;
    let sleutel = app::geheim::hash(token);
    if let Some(s) = state.sessies.haal(&sleutel, chrono::Utc::now(), inactief) {
        return Ok(Some(s));
    }
    let generatie = state.sessies.generatie();
    let sessie = sessie_voor_token(&state.app.db, token, inactief).await?;
    if let Some(s) = &sessie {
        state.sessies.bewaar(sleutel, s.clone(), generatie);
    }
    Ok(sessie)
}

/// Puts the client's address in the request (see `app::gemeen::klantadres`), for every layer
/// and handler after this one.
pub async fn klantadres(State(state): State<ServerState>, mut req: Request<Body>, next: Next) -> Response {
    if let Some(peer) = req.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip()) {
        let client = bepaal(peer, req.headers(), &state.app.config.vertrouwde_proxies);
        req.extensions_mut().insert(Klantadres(client));
    }
    next.run(req).await
}

/// A state-changing request from another site is refused (on top of the SameSite cookie). One
/// that carries a session and says nothing of where it comes from (no `Origin`, no
/// `Sec-Fetch-Site`; every current browser sends one of them) or comes from an opaque origin
/// (`Origin: null`: a sandboxed frame, a data: page) is refused too: with a session, only a page
/// of Meldpunt itself may change anything.
pub async fn zelfde_oorsprong(State(state): State<ServerState>, req: Request<Body>, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        let kop = |naam: &str| req.headers().get(naam).and_then(|h| h.to_str().ok());
        let host = kop("host").or(req.uri().authority().map(|a| a.as_str()));
        let (oorsprong, site) = (kop("origin"), kop("sec-fetch-site"));
        let met_sessie = sessie_token(req.headers(), &state.app.config).is_some()
            || stap_token(req.headers(), &state.app.config).is_some();
        let geweigerd = match (oorsprong, site) {
            (_, Some("cross-site")) => true,
            (Some("null"), _) => met_sessie,
            (Some(o), _) => o.split_once("://").map(|(_, rest)| rest) != host,
            (None, None) => met_sessie,
            (None, Some(_)) => false,
        };
        if geweigerd {
            tracing::warn!(origin = oorsprong, sec_fetch_site = site, met_sessie, "cross-site post refused");
            return (StatusCode::FORBIDDEN, "Dit verzoek kwam niet van Meldpunt en werd geweigerd.").into_response();
        }
    }
    next.run(req).await
}
