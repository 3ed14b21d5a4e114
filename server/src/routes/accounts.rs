//! The admin's form posts under `/beheer` (role `beheerder` only): add an account, change roles,
//! disable/enable, set a password, wipe a second factor, and the per-role requirement. Success
//! answers 303 back to the page; refused input shows the page again with the messages (422).

use super::render::pagina;
use crate::router::ServerState;
use app::accounts::model::{BeheerStand, NieuwAccount, Velden, parse_rollen, parse_wachtwoord};
use app::accounts::service::{self, BeheerFout};
use app::audit::{self, Actie, Wie};
use app::auth::model::{Gebruiker, Rol};
use app::auth::service::{Aangemeld, Door};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::BTreeMap;
use std::net::SocketAddr;

fn adres(parts: &Parts) -> Option<std::net::IpAddr> {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())
}

/// The admin of this request; anyone else is refused (and audited).
async fn beheerder(state: &ServerState, parts: &Parts, object: &str) -> Result<Gebruiker, Response> {
    match parts.extensions.get::<Aangemeld>().map(|a| a.0.clone()) {
        Some(g) if g.rollen.contains(&Rol::Beheerder) => Ok(g),
        wie => {
            let w = wie.as_ref().map_or(Wie::Onbekend, Wie::Gebruiker);
            audit::schrijf(&state.app.db, w, Actie::Geweigerd, Some(object), adres(parts)).await;
            Err(match wie {
                Some(_) => (StatusCode::FORBIDDEN, "Alleen beheerders beheren accounts.").into_response(),
                None => Redirect::to("/login").into_response(),
            })
        }
    }
}

fn velden(body: &Bytes) -> Velden {
    form_urlencoded::parse(body).take(40).map(|(k, v)| (k.into_owned(), v.chars().take(300).collect())).collect()
}

/// The form state to show again: what was typed (never a password) and the messages.
fn stand(formulier: &'static str, v: &Velden, fouten: BTreeMap<String, String>) -> BeheerStand {
    BeheerStand {
        formulier,
        invoer: v.iter().filter(|(k, _)| k != "wachtwoord" && k != "rol").cloned().collect(),
        rollen: v.iter().filter(|(k, _)| k == "rol").map(|(_, w)| w.clone()).collect(),
        fouten,
        melding: None,
    }
}

fn schoon_id(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric()).take(40).collect()
}

/// A refused change: 404 for an unknown account, the page with the reason for the rest.
async fn fout(state: &ServerState, parts: &Parts, pad: &str, mut s: BeheerStand, e: BeheerFout) -> Response {
    tracing::warn!(error = %e, "account change refused");
    let code = match e {
        BeheerFout::NietGevonden => return (StatusCode::NOT_FOUND, "Dit account bestaat niet.").into_response(),
        BeheerFout::EigenAccount(_) | BeheerFout::Auth(app::auth::service::AuthFout::BestaatAl) => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        _ => StatusCode::SERVICE_UNAVAILABLE,
    };
    s.melding = Some(e.voor_gebruiker());
    pagina(state, parts, pad, s, code).await
}

pub async fn nieuw(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    let g = match beheerder(&state, &parts, "accounts").await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let v = velden(&body);
    let n = match NieuwAccount::parse(&v) {
        Ok(n) => n,
        Err(f) => {
            return pagina(&state, &parts, "/beheer/accounts", stand("nieuw", &v, f), StatusCode::UNPROCESSABLE_ENTITY)
                .await;
        }
    };
    let door = Door { gebruiker: Some(&g), adres: adres(&parts) };
    match service::voeg_toe(&state.app.db, door, n).await {
        Ok(id) => Redirect::to(&format!("/beheer/accounts/{}?klaar=nieuw", schoon_id(&id))).into_response(),
        Err(e) => fout(&state, &parts, "/beheer/accounts", stand("nieuw", &v, BTreeMap::new()), e).await,
    }
}

pub async fn verplicht(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    let g = match beheerder(&state, &parts, "tweede factor verplicht").await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let rollen: Vec<Rol> =
        velden(&body).iter().filter(|(k, _)| k == "rol").filter_map(|(_, w)| Rol::from_code(w)).collect();
    match app::auth::tweede_factor::service::zet_verplicht(&state.app.db, &g, &rollen, adres(&parts)).await {
        Ok(()) => Redirect::to("/beheer/accounts?klaar=verplicht").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "per-role requirement not saved");
            (StatusCode::SERVICE_UNAVAILABLE, "Dit lukt nu niet door een storing bij ons.").into_response()
        }
    }
}

pub async fn rollen(State(state): State<ServerState>, Path(id): Path<String>, parts: Parts, body: Bytes) -> Response {
    let id = schoon_id(&id);
    let g = match beheerder(&state, &parts, &format!("account:{id}")).await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let v = velden(&body);
    let pad = format!("/beheer/accounts/{id}");
    let mut fouten = BTreeMap::new();
    let (rollen, discipline) = parse_rollen(&v, &mut fouten);
    if !fouten.is_empty() {
        return pagina(&state, &parts, &pad, stand("rollen", &v, fouten), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let door = Door { gebruiker: Some(&g), adres: adres(&parts) };
    match service::zet_rollen(&state.app.db, door, &id, &rollen, discipline).await {
        Ok(()) => Redirect::to(&format!("{pad}?klaar=rollen")).into_response(),
        Err(e) => fout(&state, &parts, &pad, stand("rollen", &v, BTreeMap::new()), e).await,
    }
}

pub async fn actief(State(state): State<ServerState>, Path(id): Path<String>, parts: Parts, body: Bytes) -> Response {
    let id = schoon_id(&id);
    let g = match beheerder(&state, &parts, &format!("account:{id}")).await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let v = velden(&body);
    let aan = v.iter().any(|(k, w)| k == "actief" && w == "ja");
    let pad = format!("/beheer/accounts/{id}");
    let door = Door { gebruiker: Some(&g), adres: adres(&parts) };
    match service::zet_actief(&state.app.db, door, &id, aan).await {
        Ok(()) => Redirect::to(&format!("{pad}?klaar={}", if aan { "aan" } else { "uit" })).into_response(),
        Err(e) => fout(&state, &parts, &pad, stand("actief", &v, BTreeMap::new()), e).await,
    }
}

pub async fn wachtwoord(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    parts: Parts,
    body: Bytes,
) -> Response {
    let id = schoon_id(&id);
    let g = match beheerder(&state, &parts, &format!("account:{id}")).await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let v = velden(&body);
    let pad = format!("/beheer/accounts/{id}");
    let mut fouten = BTreeMap::new();
    let Some(w) = parse_wachtwoord(&v, &mut fouten) else {
        return pagina(&state, &parts, &pad, stand("wachtwoord", &v, fouten), StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let door = Door { gebruiker: Some(&g), adres: adres(&parts) };
    match service::zet_wachtwoord(&state.app.db, door, &id, w).await {
        Ok(()) => Redirect::to(&format!("{pad}?klaar=wachtwoord")).into_response(),
        Err(e) => fout(&state, &parts, &pad, stand("wachtwoord", &v, BTreeMap::new()), e).await,
    }
}

pub async fn tweede_factor(State(state): State<ServerState>, Path(id): Path<String>, parts: Parts) -> Response {
    let id = schoon_id(&id);
    let g = match beheerder(&state, &parts, &format!("account:{id}")).await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let pad = format!("/beheer/accounts/{id}");
    match service::wis_tweede_factor(&state.app.db, &g, &id, adres(&parts)).await {
        Ok(()) => Redirect::to(&format!("{pad}?klaar=tweede-factor")).into_response(),
        Err(e) => fout(&state, &parts, &pad, stand("tweede-factor", &Vec::new(), BTreeMap::new()), e).await,
    }
}
