//! The signed-in user's own account: `POST /account/wachtwoord` (a new password) and the
//! second-factor enrolment, `POST /account/tweede-factor/begin` and `/bevestigen`.

use super::account::WachtwoordGewijzigd;
use super::cookie::{cookie_zetten, met_cookie};
use super::model::{Gebruiker, Wachtwoord};
use super::rem::Huidig;
use super::service::{self as auth, Aangemeld};
use super::tweede_factor::model::NieuweHerstelcodes;
use super::tweede_factor::service::{self as tweede_factor, TweedeFactorFout};
use crate::gemeen::audit;
use crate::gemeen::http::{adres, storing, toon, toon_met};
use crate::gemeen::{FormEcho, Velden, Veldfouten};
use crate::state::AppState;
use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account/wachtwoord", post(wachtwoord))
        .route("/account/tweede-factor/begin", post(begin))
        .route("/account/tweede-factor/bevestigen", post(bevestigen))
}

/// Any signed-in user (their own account); an anonymous post goes to the login page.
struct Ik(Gebruiker, Option<std::net::IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for Ik {
    type Rejection = Redirect;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Redirect> {
        let g = parts.extensions.get::<Aangemeld>().map(|a| a.0.clone()).ok_or_else(|| Redirect::to("/login"))?;
        Ok(Self(g, adres(parts)))
    }
}

/// A new password: the current one, then the new one twice. Every session of the account ends
/// and this browser gets a new one.
async fn wachtwoord(State(state): State<AppState>, Ik(g, adres): Ik, v: Velden) -> Response {
    let veld = |naam: &str| -> String { v.get(naam).chars().take(257).collect() };
    let (huidig, nieuw, herhaling) = (veld("huidig"), veld("nieuw"), veld("herhaling"));
    let db = &state.db;
    let mut fouten = Veldfouten::default();
    match super::rem::controleer_huidig(db, &g.id, &g.email, Wachtwoord::new(huidig), chrono::Utc::now()).await {
        Ok(Huidig::Goed) => {}
        Ok(Huidig::Fout) => fouten.zet("huidig", "Uw huidige wachtwoord klopt niet."),
        Ok(Huidig::Geblokkeerd(tot)) => {
            let tijd = crate::tijd::in_belgie(tot).format("%H:%M");
            fouten.zet("huidig", &format!("Te vaak een verkeerd wachtwoord. Probeer het opnieuw vanaf {tijd} uur."));
            let echo = FormEcho::nieuw("wachtwoord", Velden::default()).met_fouten(fouten);
            return toon_met("/account", StatusCode::TOO_MANY_REQUESTS, echo);
        }
        Err(e) => return storing(&e),
    }
    let nieuw = match Wachtwoord::parse_nieuw(&nieuw) {
        Ok(w) if w.expose() == herhaling => Some(w),
        Ok(_) => {
            fouten.zet("herhaling", "De twee nieuwe wachtwoorden zijn niet gelijk.");
            None
        }
        Err(m) => {
            fouten.zet("nieuw", m);
            None
        }
    };
    let Some(nieuw) = nieuw.filter(|_| fouten.is_empty()) else {
        // The passwords never travel back to the page.
        let echo = FormEcho::nieuw("wachtwoord", Velden::default()).met_fouten(fouten);
        return toon_met("/account", StatusCode::UNPROCESSABLE_ENTITY, echo);
    };
    let door = auth::Door { gebruiker: Some(&g), adres };
    if let Err(e) = auth::zet_wachtwoord_door(db, door, &g.email, nieuw).await {
        return storing(&e);
    }
    match auth::open_sessie(db, &g.id, chrono::Utc::now(), state.config.sessie_duur).await {
        Ok(token) => {
            let pagina = toon_met("/account", StatusCode::OK, WachtwoordGewijzigd);
            met_cookie(pagina, &cookie_zetten(&token, &state.config))
        }
        Err(e) => storing(&e),
    }
}

/// Starts an enrolment: a new secret, shown as QR code and as text.
async fn begin(State(state): State<AppState>, Ik(g, _): Ik) -> Response {
    match tweede_factor::begin(&state.db, &state.config.kluis, &g).await {
        Ok(i) => toon_met("/account/tweede-factor", StatusCode::OK, i),
        Err(e) => storing(&e),
    }
}

/// Confirms the enrolment with a code; shows the recovery codes once.
async fn bevestigen(State(state): State<AppState>, Ik(g, adres): Ik, v: Velden) -> Response {
    let code: String = v.get("code").chars().take(20).collect();
    let (db, config) = (&state.db, &state.config);
    let nu = chrono::Utc::now();
    match tweede_factor::bevestig(db, &config.kluis, &g, &code, nu, config.sessie_duur, adres).await {
        Ok((token, codes)) => {
            let pagina = toon_met("/account/tweede-factor", StatusCode::OK, NieuweHerstelcodes(codes));
            met_cookie(pagina, &cookie_zetten(&token, config))
        }
        Err(TweedeFactorFout::FouteCode) => {
            let wie = audit::Wie::Gebruiker(&g);
            audit::schrijf(db, wie, audit::Actie::Geweigerd, Some("tweede factor: foute code"), adres).await;
            let echo = FormEcho::nieuw("inschrijving", Velden::default()).met_fout(&TweedeFactorFout::FouteCode);
            match tweede_factor::lopend(db, &config.kluis, &g).await {
                Ok(i) => toon("/account/tweede-factor", StatusCode::UNPROCESSABLE_ENTITY, move || {
                    leptos::prelude::provide_context(i.clone());
                    leptos::prelude::provide_context(echo.clone());
                }),
                Err(e) => storing(&e),
            }
        }
        Err(TweedeFactorFout::GeenInschrijving) => Redirect::to("/account/tweede-factor").into_response(),
        Err(e) => storing(&e),
    }
}
