//! `POST /meldingen/<referentie>/advies` (a case worker asks for advice) and
//! `POST /advies/<id>/antwoord` (the expert answers). Both answer 303 on success and show the
//! page again with the message next to the field and the text kept otherwise.

use super::model::NieuweAdviesvraag;
use super::service::{self, AdviesFout};
use crate::auth::model::Rol;
use crate::auth::toegang::{Met, Rollen};
use crate::gemeen::audit;
use crate::gemeen::audit::Actie;
use crate::gemeen::http::toon_met;
use crate::gemeen::{FormEcho, GebruikersFout, Velden, Veldfouten};
use crate::state::AppState;
use crate::zaak::toegang::Zaak;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new().route("/meldingen/{referentie}/advies", post(vraag)).route("/advies/{id}/antwoord", post(antwoord))
}

pub struct Experts;
impl Rollen for Experts {
    const ROLLEN: &'static [Rol] = &[Rol::Expert];
    const WEIGERING: &'static str = "Alleen experts beantwoorden adviesvragen.";
}

const VELDEN: &[&str] = &["aan", "vraag", "vervalt", "deel_omschrijving", "deel_locatie", "deel_melder"];

async fn vraag(State(state): State<AppState>, zaak: Zaak, velden: Velden) -> Response {
    let echo = FormEcho::nieuw("advies", velden.alleen(VELDEN));
    let nu = chrono::Utc::now();
    let nieuw = match NieuweAdviesvraag::parse(&echo.invoer.als_map(), crate::tijd::vandaag(nu)) {
        Ok(n) => n,
        Err(fouten) => return zaak.opnieuw(echo.met_fouten(fouten), StatusCode::UNPROCESSABLE_ENTITY),
    };
    match service::vraag(&state.db, &zaak.g, &zaak.referentie, nieuw, nu).await {
        Ok(()) => zaak.klaar(&state, Actie::Aanmaken, "h-advies").await,
        Err(e) => zaak.geweigerd(echo, &e, Vec::new()),
    }
}

async fn antwoord(
    State(state): State<AppState>,
    wie: Met<Experts>,
    Path(id): Path<String>,
    velden: Velden,
) -> Response {
    let object = format!("adviesvraag:{}", audit::schoon(&id));
    let pad = format!("/advies/{}", id.chars().filter(|c| c.is_ascii_alphanumeric()).take(40).collect::<String>());
    let echo = FormEcho::nieuw("antwoord", velden.alleen(&["antwoord"]));
    let tekst = velden.get("antwoord").trim();
    let mut fouten = Veldfouten::default();
    match tekst.chars().count() {
        0 => fouten.zet("antwoord", "Schrijf uw antwoord."),
        10_001.. => fouten.zet("antwoord", "Dit is te lang: hoogstens 10.000 tekens."),
        _ => {}
    }
    if !fouten.is_empty() {
        return toon_met(pad, StatusCode::UNPROCESSABLE_ENTITY, echo.met_fouten(fouten));
    }
    match service::beantwoord(&state.db, &wie.g, &id, tekst, chrono::Utc::now()).await {
        Ok(()) => {
            wie.audit(&state, Actie::Wijzigen, &object).await;
            Redirect::to(&pad).into_response()
        }
        Err(e) => {
            if matches!(e, AdviesFout::NietGevonden) {
                wie.weiger(&state, &object).await;
            }
            e.log();
            let mut fouten = Veldfouten::default();
            fouten.zet("antwoord", &e.bericht());
            toon_met(pad, e.soort().status(), echo.met_fouten(fouten))
        }
    }
}
