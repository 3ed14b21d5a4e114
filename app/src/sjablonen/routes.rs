//! `POST /sjablonen/<slug>/bewerken`: "Voorbeeld tonen" shows the editor again with the template
//! filled with example values; "Opslaan" stores a new revision based on the one read and answers
//! 303 to the template. A refusal shows the editor again with the typed text and a message per
//! field (a template's mistakes with their line in the text box).
//! `POST /sjablonen/nieuw`: the same for a new template, with its short name (the slug) and no
//! revision to start from; "Opslaan" stores revision 1 and answers 303 to the template.
//! `POST /sjablonen/jargon` (coordinators): `actie=bewaar` adds a word to the writing aid's jargon
//! list or changes its alternative, `actie=verwijder` removes one; 303 back to the list, or the
//! list again with the typed text and a message next to the field.

use super::fout::SjabloonFout;
use super::jargon::Jargon;
use super::model::{SjabloonInvoer, Voorbeeld};
use super::service;
use crate::auth::model::Rol;
use crate::auth::toegang::{Met, Rollen};
use crate::gemeen::audit::{self, Actie};
use crate::gemeen::http::{toon, toon_met};
use crate::gemeen::{FormEcho, GebruikersFout, Velden};
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(NIEUW_PAD, post(nieuw))
        .route("/sjablonen/{slug}/bewerken", post(bewerken))
        .route(JARGON_PAD, post(jargon))
}

pub struct Sjabloonbeheerders;
impl Rollen for Sjabloonbeheerders {
    const ROLLEN: &'static [Rol] = super::BEHEERDERS;
    const WEIGERING: &'static str = "Alleen coördinatoren en kennisbeheerders kunnen sjablonen bewerken.";
}

pub struct Jargonbeheerders;
impl Rollen for Jargonbeheerders {
    const ROLLEN: &'static [Rol] = super::JARGONBEHEERDERS;
    const WEIGERING: &'static str = "Alleen coördinatoren passen de lijst met moeilijke woorden aan.";
}

const JARGON_PAD: &str = "/sjablonen/jargon";
const NIEUW_PAD: &str = "/sjablonen/nieuw";
const NIET_BEWAARD: &str = "Nog niet bewaard: verbeter de velden met een melding.";

/// The editor's fields that come back after a refusal or with a preview.
const VELDEN: &[&str] = &[
    "titel",
    "kanaal",
    "publiek",
    "tweede_lezer",
    "automatisch",
    "zaaksoorten",
    "onderwerp",
    "inhoud",
    "revisie",
    "wijziging",
];

/// The new template's fields that come back: the editor's, with the short name.
const VELDEN_NIEUW: &[&str] =
    &["slug", "titel", "kanaal", "publiek", "tweede_lezer", "automatisch", "zaaksoorten", "onderwerp", "inhoud"];

/// The editor at `pad` again with the echo and, when there is one, the preview.
fn toon_bewerker(pad: String, echo: FormEcho, voorbeeld: Option<Voorbeeld>, status: StatusCode) -> Response {
    toon(pad, status, move || {
        leptos::prelude::provide_context(echo.clone());
        if let Some(v) = &voorbeeld {
            leptos::prelude::provide_context(v.clone());
        }
    })
}

/// The template filled with example values, with the writing aid's advice.
async fn voorbeeld(state: &AppState, s: &sjabloon::Sjabloon) -> Voorbeeld {
    let jargon = super::jargon::voor_schrijfhulp(&state.db).await;
    super::voorbeeld::vul_voorbeeld(s, chrono::Utc::now(), &jargon)
}

async fn nieuw(State(state): State<AppState>, wie: Met<Sjabloonbeheerders>, velden: Velden) -> Response {
    let invoer = SjabloonInvoer::uit(&velden);
    let echo = FormEcho::nieuw("sjabloon", velden.alleen(VELDEN_NIEUW));
    let s = match super::invoer::uit_nieuwe_invoer(velden.get("slug").trim(), &invoer) {
        Ok(s) => s,
        Err(fouten) => {
            let echo = echo.met_fouten(fouten).met_melding(NIET_BEWAARD);
            return toon_bewerker(NIEUW_PAD.into(), echo, None, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let voorbeeld = voorbeeld(&state, &s).await;
    if velden.get("actie") == "voorbeeld" {
        return toon_bewerker(NIEUW_PAD.into(), echo, Some(voorbeeld), StatusCode::OK);
    }
    match service::nieuw(&state.db, &s, &wie.g.naam).await {
        Ok(()) => {
            wie.audit(&state, Actie::Aanmaken, &audit::schoon(&s.slug)).await;
            Redirect::to(&format!("/sjablonen/{}", s.slug)).into_response()
        }
        Err(e) => {
            e.log();
            let echo = echo.met_melding(NIET_BEWAARD).met_fout(&e);
            toon_bewerker(NIEUW_PAD.into(), echo, Some(voorbeeld), e.soort().status())
        }
    }
}

async fn bewerken(
    State(state): State<AppState>,
    wie: Met<Sjabloonbeheerders>,
    Path(slug): Path<String>,
    velden: Velden,
) -> Response {
    let invoer = SjabloonInvoer::uit(&velden);
    let echo = FormEcho::nieuw("sjabloon", velden.alleen(VELDEN));
    let pad = format!("/sjablonen/{slug}/bewerken");
    let s = match service::uit_invoer(&slug, &invoer) {
        Ok(s) => s,
        Err(fouten) => {
            let echo = echo.met_fouten(fouten).met_melding(NIET_BEWAARD);
            return toon_bewerker(pad, echo, None, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let voorbeeld = voorbeeld(&state, &s).await;
    if velden.get("actie") == "voorbeeld" {
        return toon_bewerker(pad, echo, Some(voorbeeld), StatusCode::OK);
    }
    let wijziging: String = invoer.wijziging.trim().chars().take(300).collect();
    let Ok(gelezen) = invoer.revisie.trim().parse::<i64>() else {
        let echo = echo.met_melding("Laad de pagina opnieuw en probeer nog eens.");
        return toon_bewerker(pad, echo, Some(voorbeeld), StatusCode::UNPROCESSABLE_ENTITY);
    };
    if wijziging.is_empty() {
        let mut echo = echo.met_melding(NIET_BEWAARD);
        echo.fouten.zet("wijziging", "Schrijf kort wat u gewijzigd hebt.");
        return toon_bewerker(pad, echo, Some(voorbeeld), StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Only an existing template is edited here: a new one is made at `/sjablonen/nieuw`.
    if gelezen < 1 {
        let echo = echo.met_melding(SjabloonFout::NietGevonden.bericht());
        return toon_bewerker(pad, echo, None, StatusCode::NOT_FOUND);
    }
    match service::bewaar(&state.db, &s, Some(gelezen), &wie.g.naam, &wijziging).await {
        Ok(_) => {
            wie.audit(&state, Actie::Wijzigen, &audit::schoon(&slug)).await;
            Redirect::to(&format!("/sjablonen/{slug}")).into_response()
        }
        Err(e) => {
            e.log();
            let status = e.soort().status();
            toon_bewerker(pad, echo.met_melding(e.bericht()), Some(voorbeeld), status)
        }
    }
}

async fn jargon(State(state): State<AppState>, wie: Met<Jargonbeheerders>, velden: Velden) -> Response {
    if velden.get("actie") == "verwijder" {
        // Its own form name: a failed removal must not fill the add form with the word.
        let echo = FormEcho::nieuw("jargon-weg", velden.alleen(&["woord"]));
        let woord = velden.kort("woord", 200);
        let object = format!("jargon:{} (verwijderd)", audit::schoon(&woord));
        let r = super::jargon::verwijder(&state.db, &woord).await;
        return wie.afronden(&state, (Actie::Wijzigen, &object), JARGON_PAD, r, echo).await;
    }
    let echo = FormEcho::nieuw("jargon", velden.alleen(&["woord", "alternatief"]));
    let j = match Jargon::parse(velden.get("woord"), velden.get("alternatief")) {
        Ok(j) => j,
        Err(fouten) => {
            let echo = echo.met_fouten(fouten).met_melding(NIET_BEWAARD);
            return toon_met(JARGON_PAD, StatusCode::UNPROCESSABLE_ENTITY, echo);
        }
    };
    let (actie, r) = match super::jargon::bewaar(&state.db, &j, &wie.g.naam).await {
        Ok(true) => (Actie::Aanmaken, Ok(())),
        Ok(false) => (Actie::Wijzigen, Ok(())),
        Err(e) => (Actie::Wijzigen, Err(e)),
    };
    let object = format!("jargon:{}", audit::schoon(&j.woord));
    wie.afronden(&state, (actie, &object), JARGON_PAD, r, echo).await
}
