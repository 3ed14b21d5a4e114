//! `POST /kennisbank/<slug>/bewerken` (preview or save) and `POST /kennisbank/<slug>/publiceren`.
//! Knowledge editors only, checked here. A preview or a refusal shows the editor again with the
//! typed text; a save answers 303 to the page.

use super::render::pagina;
use crate::router::ServerState;
use app::audit::{self, Actie, Wie};
use app::auth::model::Gebruiker;
use app::auth::service::Aangemeld;
use app::kennisbank::BEHEERDERS;
use app::kennisbank::fout::KennisFout;
use app::kennisbank::model::{BewerkInvoer, BewerkStand};
use app::kennisbank::omzetten::pagina_uit_invoer;
use app::kennisbank::{service, weergave};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;

fn adres(parts: &Parts) -> Option<std::net::IpAddr> {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())
}

/// The logged-in knowledge editor, or the refusal (logged in the audit log).
async fn beheerder(state: &ServerState, parts: &Parts, object: &str) -> Result<Gebruiker, Response> {
    match parts.extensions.get::<Aangemeld>().map(|a| a.0.clone()) {
        Some(g) if g.heeft_een_van(BEHEERDERS) => Ok(g),
        Some(g) => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(&g), Actie::Geweigerd, Some(object), adres(parts)).await;
            Err((StatusCode::FORBIDDEN, "Alleen kennisbeheerders kunnen pagina's bewerken.").into_response())
        }
        None => {
            audit::schrijf(&state.app.db, Wie::Onbekend, Actie::Geweigerd, Some(object), adres(parts)).await;
            Err(Redirect::to("/login").into_response())
        }
    }
}

fn invoer(body: &Bytes) -> (BewerkInvoer, String) {
    let mut i = BewerkInvoer::default();
    let mut actie = String::new();
    for (k, v) in form_urlencoded::parse(body).take(64) {
        let v = v.into_owned();
        match k.as_ref() {
            "titel" => i.titel = v,
            "samenvatting" => i.samenvatting = v,
            "soort" => i.soort = v,
            "doelgroep" => i.doelgroep = v,
            "regelgeving" => i.regelgeving = v,
            "artikels" => i.artikels = v,
            "geldig_vanaf" => i.geldig_vanaf = v,
            "tags" => i.tags = v,
            "thema" => i.thema = v,
            "inhoud" => i.inhoud = v,
            "revisie" => i.revisie = v,
            "wijziging" => i.wijziging = v,
            "actie" => actie = v,
            _ => {}
        }
    }
    (i, actie)
}

async fn toon(state: &ServerState, parts: &Parts, slug: &str, stand: BewerkStand, code: StatusCode) -> Response {
    pagina(state, parts, &format!("/kennisbank/{slug}/bewerken"), stand, code).await
}

pub async fn bewerken(
    State(state): State<ServerState>,
    Path(slug): Path<String>,
    parts: Parts,
    body: Bytes,
) -> Response {
    let object = audit::schoon(&slug);
    let g = match beheerder(&state, &parts, &object).await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let (invoer, actie) = invoer(&body);
    let mut stand = match weergave::voorbeeld(&state.app.db, &slug, invoer.clone()).await {
        Ok(s) => s,
        Err(e) => return fout(&state, &parts, &slug, BewerkStand { invoer, ..Default::default() }, e).await,
    };
    if actie == "voorbeeld" {
        return toon(&state, &parts, &slug, stand, StatusCode::OK).await;
    }
    if invoer.wijziging.trim().is_empty() {
        stand.fouten.insert("wijziging".into(), "Schrijf kort wat u gewijzigd hebt.".into());
    }
    let (Ok(p), true) = (pagina_uit_invoer(&slug, &invoer), stand.fouten.is_empty()) else {
        stand.melding = Some("Nog niet bewaard: verbeter de velden met een melding.".into());
        return toon(&state, &parts, &slug, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    if actie != "toch_opslaan" && !stand.kapotte_links.is_empty() {
        stand.melding = Some(
            "Nog niet bewaard: sommige links verwijzen naar pagina's die niet bestaan. Pas ze aan, of kies \
             \"Toch opslaan\"."
                .into(),
        );
        return toon(&state, &parts, &slug, stand, StatusCode::OK).await;
    }
    let Ok(gelezen) = invoer.revisie.trim().parse::<i64>() else {
        stand.melding = Some("Laad de pagina opnieuw en probeer nog eens.".into());
        return toon(&state, &parts, &slug, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let wijziging: String = invoer.wijziging.trim().chars().take(300).collect();
    match service::bewaar(&state.app.db, &state.app.kennis, &p, Some(gelezen), &g.naam, &wijziging).await {
        Ok(_) => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(&g), Actie::Wijzigen, Some(&object), adres(&parts)).await;
            Redirect::to(&format!("/kennisbank/{slug}")).into_response()
        }
        Err(e) => fout(&state, &parts, &slug, stand, e).await,
    }
}

async fn fout(state: &ServerState, parts: &Parts, slug: &str, mut stand: BewerkStand, e: KennisFout) -> Response {
    let code = match &e {
        KennisFout::Verouderd { .. } => StatusCode::CONFLICT,
        KennisFout::NietGevonden => StatusCode::NOT_FOUND,
        _ => {
            tracing::error!(error = %e, "knowledge page save failed");
            StatusCode::SERVICE_UNAVAILABLE
        }
    };
    stand.melding = Some(e.voor_gebruiker());
    toon(state, parts, slug, stand, code).await
}

pub async fn publiceren(
    State(state): State<ServerState>,
    Path(slug): Path<String>,
    parts: Parts,
    body: Bytes,
) -> Response {
    let object = audit::schoon(&slug);
    let g = match beheerder(&state, &parts, &object).await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let ja = form_urlencoded::parse(&body).any(|(k, v)| k == "gepubliceerd" && v == "ja");
    match service::publiceer(&state.app.db, &state.app.kennis, &slug, ja).await {
        Ok(()) => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(&g), Actie::Wijzigen, Some(&object), adres(&parts)).await;
            Redirect::to(&format!("/kennisbank/{slug}/bewerken")).into_response()
        }
        Err(KennisFout::NietGevonden) => (StatusCode::NOT_FOUND, "Deze pagina bestaat niet.").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "publishing failed");
            (StatusCode::SERVICE_UNAVAILABLE, "Er ging iets mis aan onze kant. Probeer het later opnieuw.")
                .into_response()
        }
    }
}
