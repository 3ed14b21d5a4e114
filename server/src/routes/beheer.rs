//! `POST /beheer/diensten` (add, change, (de)activate a service) and `POST /beheer/termijnen`
//! (set or remove a deadline rule). Coordinators only, checked here. Success answers 303 to the
//! page; a refusal shows the page again with the messages next to the fields and the input kept.

use super::behandeling::adres;
use super::render::pagina;
use crate::router::ServerState;
use app::audit::{self, Actie, Wie};
use app::auth::model::Gebruiker;
use app::auth::service::Aangemeld;
use app::behandeling::formulier::StapStand;
use app::beheer::model::DienstInvoer;
use app::beheer::service::{self, BeheerFout};
use app::termijnen::regels::Termijnregel;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::BTreeMap;

/// The logged-in coordinator, or the refusal (logged in the audit log).
async fn coordinator(state: &ServerState, parts: &Parts, object: &str) -> Result<Gebruiker, Response> {
    match parts.extensions.get::<Aangemeld>().map(|a| a.0.clone()) {
        Some(g) if g.heeft_een_van(app::beheer::BEHEERDERS) => Ok(g),
        Some(g) => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(&g), Actie::Geweigerd, Some(object), adres(parts)).await;
            Err((StatusCode::FORBIDDEN, "Alleen een teamcoördinator beheert deze lijst.").into_response())
        }
        None => {
            audit::schrijf(&state.app.db, Wie::Onbekend, Actie::Geweigerd, Some(object), adres(parts)).await;
            Err(Redirect::to("/login").into_response())
        }
    }
}

fn velden(body: &Bytes, namen: &[&str]) -> BTreeMap<String, String> {
    form_urlencoded::parse(body)
        .take(64)
        .filter(|(k, _)| namen.contains(&k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.chars().take(1000).collect()))
        .collect()
}

fn status_voor(e: &BeheerFout) -> StatusCode {
    match e {
        BeheerFout::NietGevonden(_) => StatusCode::NOT_FOUND,
        BeheerFout::AlgemeneRegel => StatusCode::UNPROCESSABLE_ENTITY,
        BeheerFout::Db(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

async fn klaar(
    state: &ServerState,
    parts: &Parts,
    g: &Gebruiker,
    pad: &str,
    object: String,
    resultaat: Result<(), BeheerFout>,
    mut stand: StapStand,
) -> Response {
    match resultaat {
        Ok(()) => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(g), Actie::Wijzigen, Some(&object), adres(parts)).await;
            Redirect::to(pad).into_response()
        }
        Err(e) => {
            if matches!(e, BeheerFout::Db(_)) {
                tracing::error!(error = %e, "maintenance change failed");
            }
            stand.melding = Some(e.voor_gebruiker());
            pagina(state, parts, pad, stand, status_voor(&e)).await
        }
    }
}

pub async fn diensten(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    let g = match coordinator(&state, &parts, "beheer/diensten").await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let invoer = velden(&body, &["id", "actie", "naam", "waarvoor", "telefoon", "email", "website"]);
    let get = |k: &str| invoer.get(k).cloned().unwrap_or_default();
    let id = get("id").trim().to_string();
    let nu = chrono::Utc::now();
    let stand = StapStand { formulier: "dienst".into(), invoer: invoer.clone(), ..Default::default() };
    let pad = "/beheer/diensten";
    let object = format!("dienst:{}", audit::schoon(&id));
    let resultaat = match get("actie").as_str() {
        "deactiveer" => service::zet_actief(&state.app.db, &id, false, nu).await,
        "activeer" => service::zet_actief(&state.app.db, &id, true, nu).await,
        _ => match DienstInvoer::parse(get) {
            Ok(d) => service::bewaar_dienst(&state.app.db, &id, &d, nu).await.map(|_| ()),
            Err(fouten) => {
                let stand = StapStand { fouten, ..stand };
                return pagina(&state, &parts, pad, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
            }
        },
    };
    klaar(&state, &parts, &g, pad, object, resultaat, stand).await
}

pub async fn termijnen(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    let g = match coordinator(&state, &parts, "beheer/termijnen").await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let invoer = velden(
        &body,
        &["actie", "sleutel", "zaaksoort", "categorie", "ontvangst", "ontvangst_eenheid", "uitkomst_dagen"],
    );
    let get = |k: &str| invoer.get(k).cloned().unwrap_or_default();
    let stand = StapStand { formulier: "termijn".into(), invoer: invoer.clone(), ..Default::default() };
    let pad = "/beheer/termijnen";
    let (object, resultaat) = match get("actie").as_str() {
        "verwijder" => {
            let sleutel = get("sleutel").trim().to_string();
            let r = service::verwijder_regel(&state.app.db, &sleutel).await;
            (format!("termijnregel:{}", audit::schoon(&sleutel)), r)
        }
        _ => match Termijnregel::parse(get) {
            Ok(r) => (
                format!("termijnregel:{}", r.sleutel()),
                service::bewaar_regel(&state.app.db, &g, &r, chrono::Utc::now()).await,
            ),
            Err(fouten) => {
                let stand = StapStand { fouten, ..stand };
                return pagina(&state, &parts, pad, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
            }
        },
    };
    klaar(&state, &parts, &g, pad, object, resultaat, stand).await
}
