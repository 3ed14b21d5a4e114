//! `POST /meldingen/<referentie>/koppelingen` (`met=<referentie>&actie=koppel|ontkoppel`): link or
//! unlink two meldingen. The case worker must be allowed to handle both; 303 back to the case, or
//! the case again with the message and the typed reference.

use super::service::{self, KoppelFout};
use crate::gemeen::audit;
use crate::gemeen::audit::{Actie, Wie};
use crate::gemeen::{FormEcho, GebruikersFout, Velden};
use crate::state::AppState;
use crate::zaak::model::Referentie;
use crate::zaak::toegang::Zaak;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new().route("/meldingen/{referentie}/koppelingen", post(koppel))
}

/// Links or unlinks, after checking that the case worker may see the other case too.
async fn wijzig(state: &AppState, zaak: &Zaak, met_ruw: &str, ontkoppel: bool) -> Result<Referentie, KoppelFout> {
    let db = &state.db;
    let met = Referentie::parse(met_ruw).ok_or_else(|| KoppelFout::OngeldigeReferentie(met_ruw.to_string()))?;
    match crate::zaak::toegang::mag_zien(db, &zaak.g, met.as_str()).await {
        Ok(true) => {}
        Ok(false) => {
            audit::schrijf(db, Wie::Gebruiker(&zaak.g), Actie::Geweigerd, Some(met.as_str()), zaak.adres).await;
            return Err(KoppelFout::NietGevonden);
        }
        Err(e) => {
            tracing::error!(error = %e, "access check failed");
            return Err(KoppelFout::NietGevonden);
        }
    }
    let nu = chrono::Utc::now();
    if ontkoppel {
        service::ontkoppel(db, &zaak.g, &zaak.referentie, &met, nu).await?;
    } else {
        service::koppel(db, &zaak.g, &zaak.referentie, &met, nu).await?;
    }
    Ok(met)
}

async fn koppel(State(state): State<AppState>, zaak: Zaak, velden: Velden) -> Response {
    let met_ruw = velden.kort("met", 40);
    let echo = FormEcho::nieuw("koppelen", Velden::van(&[("met", met_ruw.as_str())]));
    match wijzig(&state, &zaak, &met_ruw, velden.get("actie") == "ontkoppel").await {
        Ok(met) => {
            let object = format!("{} {met}", zaak.referentie);
            let wie = Wie::Gebruiker(&zaak.g);
            audit::schrijf(&state.db, wie, Actie::Wijzigen, Some(&object), zaak.adres).await;
            Redirect::to(&format!("{}#koppelingen", zaak.pad())).into_response()
        }
        Err(e) => {
            e.log();
            zaak.geweigerd(echo, &e, Vec::new())
        }
    }
}
