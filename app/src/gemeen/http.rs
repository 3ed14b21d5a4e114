//! The server side of a form: reading the posted fields, the client's address for the audit
//! log, and the answers a form handler gives (303 on success; the same page again with the
//! input and messages; a plain message for a failure). The server renders "the same page again"
//! (it owns the page shell), so features never depend on it.

use super::formulier::Velden;
use super::fout::{Foutsoort, GebruikersFout, STORING};
use axum::extract::{ConnectInfo, FromRequest, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The client's address, for the audit log, the rate limits and the login throttle: as the
/// server's layer determined it (`klantadres`), else the socket peer.
pub fn adres(parts: &Parts) -> Option<IpAddr> {
    match parts.extensions.get::<super::klantadres::Klantadres>() {
        Some(k) => Some(k.0),
        None => parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()),
    }
}

/// Addresses are compared as a household would be (for rate limits): IPv4 as it is, IPv6 by its
/// /64 (one connection gets a whole /64), and an IPv4 address written as IPv6 as the IPv4 address.
pub fn adresgroep(adres: IpAddr) -> IpAddr {
    match adres {
        IpAddr::V4(_) => adres,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

impl<S: Send + Sync> FromRequest<S> for Velden {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let body = axum::body::Bytes::from_request(req, state).await.map_err(|e| {
            // Over the body limit (a pasted file, a runaway script): a plain Dutch answer.
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                let tekst = "Wat u verstuurde is te groot. Maak de tekst korter en probeer het opnieuw.";
                (StatusCode::PAYLOAD_TOO_LARGE, tekst).into_response()
            } else {
                e.into_response()
            }
        })?;
        Ok(Velden::uit_body(&body))
    }
}

/// Asks the server to answer with the page at `pad`, rendered for this request with what
/// `context` provides (a form echo, a receipt). Carried as a response extension.
#[derive(Clone)]
pub struct ToonOpnieuw {
    pub pad: String,
    pub context: Arc<dyn Fn() + Send + Sync>,
}

/// The page at `pad` again with `status`, with `context` run before rendering (it provides
/// the values the page reads with `use_context`).
pub fn toon(pad: impl Into<String>, status: StatusCode, context: impl Fn() + Send + Sync + 'static) -> Response {
    let mut resp = status.into_response();
    resp.extensions_mut().insert(ToonOpnieuw { pad: pad.into(), context: Arc::new(context) });
    resp
}

/// The page at `pad` again with one value in context.
pub fn toon_met<T: Clone + Send + Sync + 'static>(pad: impl Into<String>, status: StatusCode, waarde: T) -> Response {
    toon(pad, status, move || leptos::prelude::provide_context(waarde.clone()))
}

/// A failure answered as plain text with its status (for routes without a page to show).
pub fn fout_antwoord(e: &impl GebruikersFout) -> Response {
    e.log();
    (e.soort().status(), e.bericht()).into_response()
}

/// 503 with the one message for a failure on our side; the detail is logged.
pub fn storing(e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "request failed");
    (Foutsoort::Storing.status(), STORING).into_response()
}
