//! The logged-in user's own account: `POST /account/wachtwoord` (a new password) and the
//! second-factor enrolment, `POST /account/tweede-factor/begin` and `/bevestigen`.

use super::render::pagina;
use super::sessie::cookie_zetten;
use crate::router::ServerState;
use app::audit;
use app::auth::account::WachtwoordStand;
use app::auth::model::{Gebruiker, Wachtwoord};
use app::auth::service::{self as auth, Aangemeld};
use app::auth::tweede_factor::model::NieuweHerstelcodes;
use app::auth::tweede_factor::service::{self as tweede_factor, TweedeFactorFout};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;

fn adres(parts: &Parts) -> Option<std::net::IpAddr> {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())
}

/// The logged-in user, or the login page for an anonymous post.
fn aangemeld(parts: &Parts) -> Result<Gebruiker, Redirect> {
    parts.extensions.get::<Aangemeld>().map(|a| a.0.clone()).ok_or_else(|| Redirect::to("/login"))
}

fn met_cookie(mut resp: Response, cookie: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

fn storing(e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "account change failed");
    (StatusCode::SERVICE_UNAVAILABLE, "Dit lukt nu niet door een storing bij ons. Probeer het zo meteen opnieuw.")
        .into_response()
}

/// A new password: the current one, then the new one twice. Every session of the account ends
/// and this browser gets a new one.
pub async fn wachtwoord(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    let g = match aangemeld(&parts) {
        Ok(g) => g,
        Err(r) => return r.into_response(),
    };
    let veld = |naam: &str| -> String {
        form_urlencoded::parse(&body)
            .find(|(k, _)| k == naam)
            .map(|(_, v)| v.chars().take(257).collect())
            .unwrap_or_default()
    };
    let (huidig, nieuw, herhaling) = (veld("huidig"), veld("nieuw"), veld("herhaling"));
    let db = &state.app.db;
    let mut stand = WachtwoordStand::default();
    match auth::wachtwoord_klopt(db, &g.email, Wachtwoord::new(huidig)).await {
        Ok(true) => {}
        Ok(false) => {
            stand.fouten.insert("huidig".into(), "Uw huidige wachtwoord klopt niet.".into());
        }
        Err(e) => return storing(&e),
    }
    let nieuw = match Wachtwoord::parse_nieuw(&nieuw) {
        Ok(w) if w.expose() == herhaling => Some(w),
        Ok(_) => {
            stand.fouten.insert("herhaling".into(), "De twee nieuwe wachtwoorden zijn niet gelijk.".into());
            None
        }
        Err(m) => {
            stand.fouten.insert("nieuw".into(), m.into());
            None
        }
    };
    let Some(nieuw) = nieuw.filter(|_| stand.fouten.is_empty()) else {
        return pagina(&state, &parts, "/account", stand, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let door = auth::Door { gebruiker: Some(&g), adres: adres(&parts) };
    if let Err(e) = auth::zet_wachtwoord_door(db, door, &g.email, nieuw).await {
        return storing(&e);
    }
    let token = match auth::open_sessie(db, &g.id, chrono::Utc::now(), state.app.config.sessie_duur).await {
        Ok(t) => t,
        Err(e) => return storing(&e),
    };
    let resp =
        pagina(&state, &parts, "/account", WachtwoordStand { gelukt: true, ..Default::default() }, StatusCode::OK)
            .await;
    met_cookie(resp, &cookie_zetten(&token, &state.app.config))
}

/// Starts an enrolment: a new secret, shown as QR code and as text.
pub async fn begin(State(state): State<ServerState>, parts: Parts) -> Response {
    let g = match aangemeld(&parts) {
        Ok(g) => g,
        Err(r) => return r.into_response(),
    };
    match tweede_factor::begin(&state.app.db, &state.app.config.kluis, &g).await {
        Ok(i) => pagina(&state, &parts, "/account/tweede-factor", i, StatusCode::OK).await,
        Err(e) => storing(&e),
    }
}

/// Confirms the enrolment with a code; shows the recovery codes once.
pub async fn bevestigen(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    let g = match aangemeld(&parts) {
        Ok(g) => g,
        Err(r) => return r.into_response(),
    };
    let code: String = form_urlencoded::parse(&body)
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.chars().take(20).collect())
        .unwrap_or_default();
    let db = &state.app.db;
    let config = &state.app.config;
    match tweede_factor::bevestig(
        db,
        &state.app.config.kluis,
        &g,
        &code,
        chrono::Utc::now(),
        config.sessie_duur,
        adres(&parts),
    )
    .await
    {
        Ok((token, codes)) => {
            let resp =
                pagina(&state, &parts, "/account/tweede-factor", NieuweHerstelcodes(codes), StatusCode::OK).await;
            met_cookie(resp, &cookie_zetten(&token, config))
        }
        Err(TweedeFactorFout::FouteCode) => {
            let fout = TweedeFactorFout::FouteCode.voor_gebruiker();
            audit::schrijf(
                db,
                audit::Wie::Gebruiker(&g),
                audit::Actie::Geweigerd,
                Some("tweede factor: foute code"),
                adres(&parts),
            )
            .await;
            match tweede_factor::lopend(db, &state.app.config.kluis, &g, Some(fout)).await {
                Ok(i) => pagina(&state, &parts, "/account/tweede-factor", i, StatusCode::UNPROCESSABLE_ENTITY).await,
                Err(e) => storing(&e),
            }
        }
        Err(TweedeFactorFout::GeenInschrijving) => Redirect::to("/account/tweede-factor").into_response(),
        Err(e) => storing(&e),
    }
}
