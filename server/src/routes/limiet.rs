//! The rate limits of the public endpoints, as the form handlers use them: who is counted
//! (anonymous visitors, by the socket address, as the login throttle does; logged-in staff are
//! not limited) and the `Retry-After` header on a refusal.

use crate::router::ServerState;
use app::auth::service::Aangemeld;
use app::limiet::{Soort, Wacht};
use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use std::net::SocketAddr;

/// Counts this request; `Err` with the wait when this address used up its budget.
pub fn controleer(state: &ServerState, parts: &Parts, soort: Soort) -> Result<(), Wacht> {
    if parts.extensions.get::<Aangemeld>().is_some() {
        return Ok(());
    }
    let adres = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    state.app.limieten.controleer(soort, adres)
}

/// Adds `Retry-After` (seconds) to a 429 answer.
pub fn met_wacht(mut resp: Response, wacht: Wacht) -> Response {
    if let Ok(v) = HeaderValue::from_str(&wacht.seconden().to_string()) {
        resp.headers_mut().insert(header::RETRY_AFTER, v);
    }
    resp
}
