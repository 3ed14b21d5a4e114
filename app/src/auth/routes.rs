//! `POST /login`, `POST /login/code` (the second step) and `POST /afmelden`: plain forms, so
//! staff can log in without JavaScript.

use super::cookie::{
    cookie_wissen, cookie_zetten, met_cookie, sessie_token, stap_cookie_wissen, stap_cookie_zetten, stap_token,
    toestel_cookie_zetten, toestel_token,
};
use super::model::{Wachtwoord, veilige_bestemming};
use super::rem::{Herkomst, nieuw_toestel};
use super::service::{self as auth, Aangemeld, Aanmelding, AuthFout};
use crate::gemeen::audit;
use crate::gemeen::http::{adres, toon_met};
use crate::gemeen::{FormEcho, Velden, Veldfouten};
use crate::state::AppState;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/login", post(meld_aan))
        .route("/login/code", post(code))
        .route("/afmelden", post(meld_af))
        .merge(super::account_routes::routes())
}

/// The client address and device cookie of a sign-in attempt.
fn herkomst(parts: &Parts, state: &AppState) -> Herkomst {
    Herkomst::van(adres(parts)).met_toestel(&state.config.kluis, toestel_token(&parts.headers, &state.config))
}

/// After a full sign-in this browser is known to the account (see `rem`).
fn met_toestel(resp: Response, state: &AppState, email: &str) -> Response {
    let waarde = nieuw_toestel(&state.config.kluis, email, chrono::Utc::now());
    met_cookie(resp, &toestel_cookie_zetten(&waarde, &state.config))
}

const STORING: &str = "Aanmelden lukt nu niet door een storing bij ons. Probeer het zo meteen opnieuw.";

fn geblokkeerd_tot(tot: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "Te veel mislukte pogingen om aan te melden. Probeer het opnieuw vanaf {} uur.",
        crate::tijd::in_belgie(tot).format("%H:%M")
    )
}

/// The message and status of a login that did not open a session (yet).
fn niet_gelukt(uitkomst: Result<Aanmelding, AuthFout>, fout_code: &str) -> (String, StatusCode) {
    match uitkomst {
        Ok(Aanmelding::Geblokkeerd(tot)) => (geblokkeerd_tot(tot), StatusCode::TOO_MANY_REQUESTS),
        Ok(_) => (fout_code.to_string(), StatusCode::UNAUTHORIZED),
        Err(e) => {
            tracing::error!(error = %e, "login failed");
            (STORING.to_string(), StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

async fn meld_aan(State(state): State<AppState>, parts: Parts, velden: Velden) -> Response {
    let email: String = velden.get("email").chars().take(200).collect();
    let wachtwoord: String = velden.get("wachtwoord").chars().take(256).collect();
    let volgende: String = velden.get("volgende").chars().take(500).collect();
    let doel = veilige_bestemming(Some(volgende.as_str()).filter(|v| !v.is_empty()));
    let config = &state.config;
    let herkomst = herkomst(&parts, &state);
    let uitkomst = auth::meld_aan(&state.db, &email, Wachtwoord::new(wachtwoord), config.sessie_duur, &herkomst).await;
    match uitkomst {
        Ok(Aanmelding::Gelukt(token)) => {
            tracing::info!("login");
            let resp = met_cookie(Redirect::to(&doel).into_response(), &cookie_zetten(&token, config));
            met_toestel(resp, &state, &email)
        }
        Ok(Aanmelding::TweedeFactor(stap)) => {
            let doel: String = form_urlencoded::Serializer::new(String::new()).append_pair("volgende", &doel).finish();
            met_cookie(Redirect::to(&format!("/login/code?{doel}")).into_response(), &stap_cookie_zetten(&stap, config))
        }
        uitkomst => {
            tracing::info!("failed login");
            let (fout, code) = niet_gelukt(uitkomst, "E-mailadres of wachtwoord klopt niet.");
            let echo = FormEcho::nieuw("login", Velden::van(&[("email", &email), ("volgende", &doel)]));
            toon_met("/login", code, echo.met_melding(fout))
        }
    }
}

async fn meld_af(State(state): State<AppState>, parts: Parts) -> Response {
    if let Some(Aangemeld(g)) = parts.extensions.get::<Aangemeld>() {
        audit::schrijf(&state.db, audit::Wie::Gebruiker(g), audit::Actie::Afmelden, None, adres(&parts)).await;
    }
    if let Some(token) = sessie_token(&parts.headers, &state.config)
        && let Err(e) = auth::meld_af(&state.db, &token).await
    {
        tracing::error!(error = %e, "logout failed to end the session");
    }
    met_cookie(Redirect::to("/login").into_response(), &cookie_wissen(&state.config))
}

/// The second step. The session opens only when the code is right.
async fn code(State(state): State<AppState>, parts: Parts, velden: Velden) -> Response {
    let code: String = velden.get("code").chars().take(40).collect();
    let volgende: String = velden.get("volgende").chars().take(500).collect();
    let doel = veilige_bestemming(Some(volgende.as_str()).filter(|v| !v.is_empty()));
    let config = &state.config;
    let stap = stap_token(&parts.headers, config).unwrap_or_default();
    let nu = chrono::Utc::now();
    let uitkomst = super::tweede_factor::service::meld_aan_met_code(
        &state.db,
        &config.kluis,
        &stap,
        &code,
        config.sessie_duur,
        &herkomst(&parts, &state),
        nu,
    )
    .await;
    match uitkomst {
        Ok(Aanmelding::Gelukt(token)) => {
            tracing::info!("login with second factor");
            let resp = met_cookie(Redirect::to(&doel).into_response(), &cookie_zetten(&token, config));
            let resp = met_cookie(resp, &stap_cookie_wissen(config));
            match auth::gebruiker_voor_token(&state.db, &token, config.sessie_inactief).await {
                Ok(Some(g)) => met_toestel(resp, &state, &g.email),
                _ => resp,
            }
        }
        Ok(Aanmelding::Verlopen | Aanmelding::TweedeFactor(_)) => {
            let fout = "Het aanmelden duurde te lang of werd onderbroken. Begin opnieuw met uw e-mailadres en \
                        wachtwoord.";
            let echo = FormEcho::nieuw("login", Velden::van(&[("volgende", &doel)])).met_melding(fout);
            met_cookie(toon_met("/login", StatusCode::UNAUTHORIZED, echo), &stap_cookie_wissen(config))
        }
        uitkomst => {
            tracing::info!("second-factor code refused");
            let (fout, status) = niet_gelukt(
                uitkomst,
                "Deze code klopt niet. Typ de zes cijfers die de app nu toont, of een ongebruikte herstelcode.",
            );
            let echo = FormEcho::nieuw("code", Velden::van(&[("volgende", &doel)]));
            // A wrong code belongs next to the field; a block or a failure above the form.
            let echo = if status == StatusCode::UNAUTHORIZED {
                let mut fouten = Veldfouten::default();
                fouten.zet("code", &fout);
                echo.met_fouten(fouten)
            } else {
                echo.met_melding(fout)
            };
            toon_met("/login/code", status, echo)
        }
    }
}
