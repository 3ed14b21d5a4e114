//! The dossier forms: `POST /handhaving/dossiers` opens a dossier (303 to it), `POST
//! /handhaving/dossiers/<id>/stappen` adds a step (303 back). A refusal shows the page again with
//! the input and a message next to the field (an order the rules refuse: next to "Stap").

use super::fout::HandhavingFout;
use super::{invoer, service};
use crate::auth::model::Rol;
use crate::auth::toegang::{Met, Rollen};
use crate::gemeen::audit::{self, Actie};
use crate::gemeen::http::toon_met;
use crate::gemeen::{FormEcho, GebruikersFout, Velden};
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/handhaving/dossiers", post(open))
        .route("/handhaving/dossiers/{id}/stappen", post(stap))
}

pub struct Dossierbeheerders;
impl Rollen for Dossierbeheerders {
    const ROLLEN: &'static [Rol] = super::model::SCHRIJVERS;
    const WEIGERING: &'static str = "Alleen klantenbeheerders kinderopvang en coördinatoren openen dossiers en zetten stappen.";
}

const LIJST: &str = "/handhaving/dossiers";
const ONGELDIG: &str = "Nog niet bewaard: verbeter de velden met een melding.";

async fn open(State(state): State<AppState>, wie: Met<Dossierbeheerders>, velden: Velden) -> Response {
    let echo = FormEcho::nieuw("dossier", velden.alleen(invoer::OPEN_VELDEN));
    let o = match invoer::opening(&velden) {
        Ok(o) => o,
        Err(f) => return toon_met(LIJST, StatusCode::UNPROCESSABLE_ENTITY, echo.met_fouten(f).met_melding(ONGELDIG)),
    };
    match service::open(&state.db, &wie.g, &o.locatie, &o.aanleiding, &o.meldingen, chrono::Utc::now()).await {
        Ok(key) => {
            wie.audit(&state, Actie::Aanmaken, &format!("dossier:{key}")).await;
            Redirect::to(&format!("{LIJST}/{key}")).into_response()
        }
        Err(e) => weiger(LIJST.to_string(), echo, &e),
    }
}

async fn stap(State(state): State<AppState>, wie: Met<Dossierbeheerders>, Path(id): Path<String>, velden: Velden) -> Response {
    let echo = FormEcho::nieuw("stap", velden.alleen(invoer::STAP_VELDEN));
    if !crate::gemeen::is_sleutel(&id) {
        return weiger(LIJST.to_string(), echo, &HandhavingFout::NietGevonden);
    }
    let pad = format!("{LIJST}/{id}");
    let s = match invoer::stap(&velden) {
        Ok(s) => s,
        Err(f) => return toon_met(pad, StatusCode::UNPROCESSABLE_ENTITY, echo.met_fouten(f).met_melding(ONGELDIG)),
    };
    let Ok(gelezen) = velden.get("versie").trim().parse::<i64>() else {
        return weiger(pad, echo, &HandhavingFout::Verouderd);
    };
    match service::voeg_stap_toe(&state.db, &wie.g, &id, gelezen, &s, chrono::Utc::now()).await {
        Ok(_) => {
            wie.audit(&state, Actie::Wijzigen, &format!("dossier:{} stap {}", audit::schoon(&id), s.soort.code())).await;
            Redirect::to(&pad).into_response()
        }
        Err(e) => weiger(pad, echo, &e),
    }
}

fn weiger(pad: String, echo: FormEcho, e: &HandhavingFout) -> Response {
    e.log();
    toon_met(pad, e.soort().status(), echo.met_fout(e))
}
