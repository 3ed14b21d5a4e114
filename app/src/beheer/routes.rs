//! The coordinators' forms: `POST /beheer/diensten` (add, change, (de)activate a referral
//! service) and `POST /beheer/termijnen` (add, change or remove a deadline rule).

use super::model::DienstInvoer;
use super::service;
use crate::auth::model::Rol;
use crate::auth::toegang::{Met, Rollen};
use crate::gemeen::audit;
use crate::gemeen::audit::Actie;
use crate::gemeen::http::toon_met;
use crate::gemeen::{FormEcho, Velden};
use crate::state::AppState;
use crate::termijnen::regels::Termijnregel;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new().route("/beheer/diensten", post(diensten)).route("/beheer/termijnen", post(termijnen))
}

pub struct Coordinatoren;
impl Rollen for Coordinatoren {
    const ROLLEN: &'static [Rol] = super::BEHEERDERS;
    const WEIGERING: &'static str = "Alleen een teamcoördinator beheert deze lijst.";
}

async fn diensten(State(state): State<AppState>, wie: Met<Coordinatoren>, velden: Velden) -> Response {
    let echo =
        FormEcho::nieuw("dienst", velden.alleen(&["id", "actie", "naam", "waarvoor", "telefoon", "email", "website"]));
    let id = velden.kort("id", 100);
    let nu = chrono::Utc::now();
    let pad = "/beheer/diensten";
    let db = &state.db;
    let resultaat = match velden.get("actie") {
        "deactiveer" => service::zet_actief(db, &id, false, nu).await,
        "activeer" => service::zet_actief(db, &id, true, nu).await,
        _ => match DienstInvoer::parse(velden.lezer()) {
            Ok(d) => service::bewaar_dienst(db, &id, &d, nu).await.map(|_| ()),
            Err(fouten) => return toon_met(pad, StatusCode::UNPROCESSABLE_ENTITY, echo.met_fouten(fouten)),
        },
    };
    let object = format!("dienst:{}", audit::schoon(&id));
    wie.afronden(&state, (Actie::Wijzigen, &object), pad, resultaat, echo).await
}

async fn termijnen(State(state): State<AppState>, wie: Met<Coordinatoren>, velden: Velden) -> Response {
    let namen = ["actie", "sleutel", "zaaksoort", "categorie", "ontvangst", "ontvangst_eenheid", "uitkomst_dagen"];
    let echo = FormEcho::nieuw("termijn", velden.alleen(&namen));
    let pad = "/beheer/termijnen";
    let (object, resultaat) = match velden.get("actie") {
        "verwijder" => {
            let sleutel = velden.kort("sleutel", 100);
            let r = service::verwijder_regel(&state.db, &sleutel).await;
            (format!("termijnregel:{}", audit::schoon(&sleutel)), r)
        }
        _ => match Termijnregel::parse(velden.lezer()) {
            Ok(r) => (
                format!("termijnregel:{}", r.sleutel()),
                service::bewaar_regel(&state.db, &wie.g, &r, chrono::Utc::now()).await,
            ),
            Err(fouten) => return toon_met(pad, StatusCode::UNPROCESSABLE_ENTITY, echo.met_fouten(fouten)),
        },
    };
    wie.afronden(&state, (Actie::Wijzigen, &object), pad, resultaat, echo).await
}
