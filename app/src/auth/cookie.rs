//! The cookies of a staff session: the session cookie itself, and the short one between the
//! password and the second-factor code. Read by the server's session layer, set by the login and
//! account forms.

use super::service::{SESSIE_COOKIE, SESSIE_COOKIE_VEILIG};
use crate::state::Config;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

/// The cookie between password and code (a few minutes, this site only).
const STAP_COOKIE: &str = "meldpunt_aanmelden";
const STAP_COOKIE_VEILIG: &str = "__Host-meldpunt_aanmelden";

/// The cookie of a browser that signed in fully before (see `rem`): 90 days, this site only.
const TOESTEL_COOKIE: &str = "meldpunt_toestel";
const TOESTEL_COOKIE_VEILIG: &str = "__Host-meldpunt_toestel";

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

fn toestel_cookie_naam(config: &Config) -> &'static str {
    if config.secure_cookies { TOESTEL_COOKIE_VEILIG } else { TOESTEL_COOKIE }
}

pub fn toestel_token(headers: &HeaderMap, config: &Config) -> Option<String> {
    lees_cookie(headers, toestel_cookie_naam(config))
}

/// Kept at logout: it says which browser this is, not who is signed in.
pub fn toestel_cookie_zetten(waarde: &str, config: &Config) -> String {
    let duur = super::rem::TOESTEL_DAGEN * 86_400;
    cookie(toestel_cookie_naam(config), waarde, "Strict", duur, config)
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
    let duur = super::tweede_factor::service::STAP_DUUR.num_seconds();
    cookie(stap_cookie_naam(config), token, "Strict", duur, config)
}

pub fn stap_cookie_wissen(config: &Config) -> String {
    cookie(stap_cookie_naam(config), "", "Strict", 0, config)
}

/// Adds a `Set-Cookie` header to an answer.
pub fn met_cookie(mut resp: Response, cookie: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}
