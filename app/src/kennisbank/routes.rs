//! `POST /kennisbank/<slug>/bewerken` (preview or save) and `POST /kennisbank/<slug>/publiceren`,
//! for knowledge editors. A preview or a refusal shows the editor again with the typed text; a
//! save answers 303 to the page.

use super::fout::KennisFout;
use super::model::{BewerkInvoer, BewerkVoorbeeld};
use super::omzetten::pagina_uit_invoer;
use super::{service, weergave};
use crate::auth::model::Rol;
use crate::auth::toegang::{Met, Rollen};
use crate::gemeen::audit;
use crate::gemeen::audit::Actie;
use crate::gemeen::http::{fout_antwoord, toon};
use crate::gemeen::{FormEcho, GebruikersFout, Velden};
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/kennisbank/{slug}/bewerken", post(bewerken))
        .route("/kennisbank/{slug}/publiceren", post(publiceren))
}

pub struct Kennisbeheerders;
impl Rollen for Kennisbeheerders {
    const ROLLEN: &'static [Rol] = super::BEHEERDERS;
    const WEIGERING: &'static str = "Alleen kennisbeheerders kunnen pagina's bewerken.";
}

/// The editor's fields that come back after a refusal or with a preview.
const VELDEN: &[&str] = &[
    "titel",
    "samenvatting",
    "soort",
    "doelgroep",
    "regelgeving",
    "artikels",
    "geldig_vanaf",
    "tags",
    "thema",
    "inhoud",
    "revisie",
    "wijziging",
];

/// The editor again with the echo and, when there is one, the preview.
fn toon_bewerker(slug: &str, echo: FormEcho, voorbeeld: Option<BewerkVoorbeeld>, status: StatusCode) -> Response {
    toon(format!("/kennisbank/{slug}/bewerken"), status, move || {
        leptos::prelude::provide_context(echo.clone());
        if let Some(v) = &voorbeeld {
            leptos::prelude::provide_context(v.clone());
        }
    })
}

fn fout(slug: &str, echo: FormEcho, voorbeeld: Option<BewerkVoorbeeld>, e: KennisFout) -> Response {
    e.log();
    let status = e.soort().status();
    toon_bewerker(slug, echo.met_melding(e.bericht()), voorbeeld, status)
}

async fn bewerken(
    State(state): State<AppState>,
    wie: Met<Kennisbeheerders>,
    Path(slug): Path<String>,
    velden: Velden,
) -> Response {
    let invoer = BewerkInvoer::uit(&velden);
    let actie = velden.get("actie");
    let echo = FormEcho::nieuw("bewerken", velden.alleen(VELDEN));
    let (fouten, voorbeeld) = match weergave::voorbeeld(&state.db, &slug, &invoer).await {
        Ok(v) => v,
        Err(e) => return fout(&slug, echo, None, e),
    };
    let mut echo = echo.met_fouten(fouten);
    let toon_opnieuw =
        |echo: FormEcho, voorbeeld: BewerkVoorbeeld, status| toon_bewerker(&slug, echo, Some(voorbeeld), status);
    if actie == "voorbeeld" {
        return toon_opnieuw(echo, voorbeeld, StatusCode::OK);
    }
    if invoer.wijziging.trim().is_empty() {
        echo.fouten.zet("wijziging", "Schrijf kort wat u gewijzigd hebt.");
    }
    let (Ok(p), true) = (pagina_uit_invoer(&slug, &invoer), echo.fouten.is_empty()) else {
        let echo = echo.met_melding("Nog niet bewaard: verbeter de velden met een melding.");
        return toon_opnieuw(echo, voorbeeld, StatusCode::UNPROCESSABLE_ENTITY);
    };
    if actie != "toch_opslaan" && !voorbeeld.kapotte_links.is_empty() {
        let echo = echo.met_melding(
            "Nog niet bewaard: sommige links verwijzen naar pagina's die niet bestaan. Pas ze aan, of kies \
             \"Toch opslaan\".",
        );
        return toon_opnieuw(echo, voorbeeld, StatusCode::OK);
    }
    let Ok(gelezen) = invoer.revisie.trim().parse::<i64>() else {
        let echo = echo.met_melding("Laad de pagina opnieuw en probeer nog eens.");
        return toon_opnieuw(echo, voorbeeld, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let wijziging: String = invoer.wijziging.trim().chars().take(300).collect();
    match service::bewaar(&state.db, &state.kennis, &p, Some(gelezen), &wie.g.naam, &wijziging).await {
        Ok(_) => {
            wie.audit(&state, Actie::Wijzigen, &audit::schoon(&slug)).await;
            Redirect::to(&format!("/kennisbank/{slug}")).into_response()
        }
        Err(e) => fout(&slug, echo, Some(voorbeeld), e),
    }
}

async fn publiceren(
    State(state): State<AppState>,
    wie: Met<Kennisbeheerders>,
    Path(slug): Path<String>,
    velden: Velden,
) -> Response {
    let ja = velden.get("gepubliceerd") == "ja";
    match service::publiceer(&state.db, &state.kennis, &slug, ja).await {
        Ok(()) => {
            wie.audit(&state, Actie::Wijzigen, &audit::schoon(&slug)).await;
            Redirect::to(&format!("/kennisbank/{slug}/bewerken")).into_response()
        }
        Err(e) => fout_antwoord(&e),
    }
}
