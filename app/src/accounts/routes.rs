//! The admin forms on `/beheer/accounts`: a new account, the roles that require a second factor,
//! and per account its roles, active or not, a new password and removing its second factor.
//! Admins only; a refused form shows the page again with what was typed (never a password).

use super::model::{NieuwAccount, parse_rollen, parse_wachtwoord};
use super::service::{self, BeheerFout};
use crate::auth::model::Rol;
use crate::auth::service::Door;
use crate::auth::toegang::{Met, Rollen};
use crate::gemeen::http::{fout_antwoord, storing, toon_met};
use crate::gemeen::{FormEcho, Foutsoort, GebruikersFout, Velden, Veldfouten};
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/beheer/accounts", post(nieuw))
        .route("/beheer/tweede-factor", post(verplicht))
        .route("/beheer/accounts/{id}/rollen", post(rollen))
        .route("/beheer/accounts/{id}/actief", post(actief))
        .route("/beheer/accounts/{id}/wachtwoord", post(wachtwoord))
        .route("/beheer/accounts/{id}/tweede-factor", post(tweede_factor))
}

pub struct Beheerders;
impl Rollen for Beheerders {
    const ROLLEN: &'static [Rol] = &[Rol::Beheerder];
    const WEIGERING: &'static str = "Alleen beheerders beheren accounts.";
}

/// What was typed, to show again: never a password.
fn echo(formulier: &str, v: &Velden) -> FormEcho {
    FormEcho::nieuw(formulier, Velden(v.0.iter().filter(|(k, _)| k != "wachtwoord").cloned().collect()))
}

fn schoon_id(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric()).take(40).collect()
}

fn door(wie: &Met<Beheerders>) -> Door<'_> {
    Door { gebruiker: Some(&wie.g), adres: wie.adres }
}

/// 303 to `gelukt`, or: 404 for an unknown account, the page with the reason for the rest.
fn antwoord(resultaat: Result<(), BeheerFout>, gelukt: String, pad: &str, echo: FormEcho) -> Response {
    match resultaat {
        Ok(()) => Redirect::to(&gelukt).into_response(),
        Err(e) if e.soort() == Foutsoort::NietGevonden => fout_antwoord(&e),
        Err(e) => {
            e.log();
            toon_met(pad.to_string(), e.soort().status(), echo.met_melding(e.bericht()))
        }
    }
}

async fn nieuw(State(state): State<AppState>, wie: Met<Beheerders>, v: Velden) -> Response {
    let pad = "/beheer/accounts";
    let n = match NieuwAccount::parse(&v) {
        Ok(n) => n,
        Err(f) => return toon_met(pad, StatusCode::UNPROCESSABLE_ENTITY, echo("nieuw", &v).met_fouten(f)),
    };
    match service::voeg_toe(&state.db, door(&wie), n).await {
        Ok(id) => Redirect::to(&format!("/beheer/accounts/{}?klaar=nieuw", schoon_id(&id))).into_response(),
        Err(e) => antwoord(Err(e), String::new(), pad, echo("nieuw", &v)),
    }
}

async fn verplicht(State(state): State<AppState>, wie: Met<Beheerders>, v: Velden) -> Response {
    let rollen: Vec<Rol> = v.alle("rol").filter_map(Rol::from_code).collect();
    match crate::auth::tweede_factor::service::zet_verplicht(&state.db, &wie.g, &rollen, wie.adres).await {
        Ok(()) => Redirect::to("/beheer/accounts?klaar=verplicht").into_response(),
        Err(e) => storing(&e),
    }
}

async fn rollen(State(state): State<AppState>, wie: Met<Beheerders>, Path(id): Path<String>, v: Velden) -> Response {
    let id = schoon_id(&id);
    let pad = format!("/beheer/accounts/{id}");
    let mut fouten = Veldfouten::default();
    let (rollen, discipline) = parse_rollen(&v, &mut fouten);
    if !fouten.is_empty() {
        return toon_met(pad, StatusCode::UNPROCESSABLE_ENTITY, echo("rollen", &v).met_fouten(fouten));
    }
    let r = service::zet_rollen(&state.db, door(&wie), &id, &rollen, discipline).await;
    antwoord(r, format!("{pad}?klaar=rollen"), &pad, echo("rollen", &v))
}

async fn actief(State(state): State<AppState>, wie: Met<Beheerders>, Path(id): Path<String>, v: Velden) -> Response {
    let id = schoon_id(&id);
    let pad = format!("/beheer/accounts/{id}");
    let aan = v.get("actief") == "ja";
    let r = service::zet_actief(&state.db, door(&wie), &id, aan).await;
    antwoord(r, format!("{pad}?klaar={}", if aan { "aan" } else { "uit" }), &pad, echo("actief", &v))
}

async fn wachtwoord(
    State(state): State<AppState>,
    wie: Met<Beheerders>,
    Path(id): Path<String>,
    v: Velden,
) -> Response {
    let id = schoon_id(&id);
    let pad = format!("/beheer/accounts/{id}");
    let mut fouten = Veldfouten::default();
    let Some(w) = parse_wachtwoord(&v, &mut fouten) else {
        return toon_met(pad, StatusCode::UNPROCESSABLE_ENTITY, echo("wachtwoord", &v).met_fouten(fouten));
    };
    let r = service::zet_wachtwoord(&state.db, door(&wie), &id, w).await;
    antwoord(r, format!("{pad}?klaar=wachtwoord"), &pad, echo("wachtwoord", &v))
}

async fn tweede_factor(State(state): State<AppState>, wie: Met<Beheerders>, Path(id): Path<String>) -> Response {
    let id = schoon_id(&id);
    let pad = format!("/beheer/accounts/{id}");
    let r = service::wis_tweede_factor(&state.db, &wie.g, &id, wie.adres).await;
    antwoord(r, format!("{pad}?klaar=tweede-factor"), &pad, echo("tweede-factor", &Velden::default()))
}
