//! `POST /meldingen/<referentie>/analyse` (add or change a point of the analysis),
//! `POST /meldingen/<referentie>/opvolging` (record a follow-up action) and
//! `POST /meldingen/<referentie>/medebehandelaar` (set the co-handling account manager).
//! Success answers 303 back to the case; a refusal shows the case again with the messages next
//! to the fields and everything typed; an edit based on an old version answers 409.

use super::behandeling::{Zaak, adres};
use super::render::pagina;
use crate::router::ServerState;
use app::analyse::model::{MedeInvoer, OpvolgInvoer, PuntInvoer};
use app::analyse::service::{self, AnalyseFout};
use app::audit::{self, Actie, Wie};
use app::auth::model::Gebruiker;
use app::behandeling::formulier::StapStand;
use app::meldingen::model::Referentie;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::BTreeMap;

/// The posted fields (bounded in number and length); `bron` may repeat.
fn velden(body: &Bytes) -> Vec<(String, String)> {
    form_urlencoded::parse(body).take(200).map(|(k, v)| (k.into_owned(), v.chars().take(10_001).collect())).collect()
}

fn enkel(velden: &[(String, String)]) -> impl Fn(&str) -> String + '_ {
    move |k: &str| velden.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default()
}

/// What was typed, to show again: each field once, the sources joined with commas.
fn invoer(velden: &[(String, String)], namen: &[&str]) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for (k, v) in velden.iter().filter(|(k, _)| namen.contains(&k.as_str())) {
        if k == "bron" {
            let e: &mut String = m.entry(k.clone()).or_default();
            if !e.is_empty() {
                e.push(',');
            }
            e.push_str(v);
        } else {
            m.insert(k.clone(), v.clone());
        }
    }
    m
}

fn status_voor(e: &AnalyseFout) -> StatusCode {
    match e {
        AnalyseFout::Verouderd { .. } => StatusCode::CONFLICT,
        AnalyseFout::NietGevonden => StatusCode::NOT_FOUND,
        AnalyseFout::Db(_) | AnalyseFout::Inconsistent(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// After a change: audit and 303 to `anker` on the case, or the case again with the reason.
async fn afronden(
    state: &ServerState,
    parts: &Parts,
    g: &Gebruiker,
    referentie: &Referentie,
    resultaat: Result<String, AnalyseFout>,
    mut stand: StapStand,
) -> Response {
    let pad = format!("/meldingen/{referentie}");
    match resultaat {
        Ok(anker) => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(g), Actie::Wijzigen, Some(referentie.as_str()), adres(parts))
                .await;
            Redirect::to(&format!("{pad}#{anker}")).into_response()
        }
        Err(e) => {
            if matches!(e, AnalyseFout::Db(_) | AnalyseFout::Inconsistent(_)) {
                tracing::error!(error = %e, "analysis change failed");
            } else {
                tracing::info!(error = %e, "analysis change refused");
            }
            let code = status_voor(&e);
            match e.veld() {
                Some(veld) => stand.fouten.zet(veld, &e.voor_gebruiker()),
                None => stand.melding = Some(e.voor_gebruiker()),
            }
            if let AnalyseFout::Verouderd { wijzigingen, .. } = e {
                stand.wijzigingen = wijzigingen;
            }
            pagina(state, parts, &pad, stand, code).await
        }
    }
}

fn versie(velden: &[(String, String)]) -> Option<i64> {
    enkel(velden)("versie").trim().parse().ok()
}

pub async fn punt(
    State(state): State<ServerState>,
    Zaak { g, referentie }: Zaak,
    parts: Parts,
    body: Bytes,
) -> Response {
    let velden = velden(&body);
    let get = enkel(&velden);
    let id = get("id");
    let formulier = if app::beheer::model::is_sleutel(id.trim()) {
        format!("analyse-{}", id.trim())
    } else {
        "analyse-nieuw".into()
    };
    let mut stand = StapStand {
        formulier,
        invoer: invoer(&velden, &["id", "punt", "tekst", "bron", "conclusie"]),
        ..Default::default()
    };
    let pad = format!("/meldingen/{referentie}");
    let Some(versie) = versie(&velden) else {
        stand.melding = Some("Laad de melding opnieuw en probeer nog eens.".into());
        return pagina(&state, &parts, &pad, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let bronnen: Vec<String> = velden.iter().filter(|(k, _)| k == "bron").map(|(_, v)| v.clone()).collect();
    let p = match PuntInvoer::parse(&get, &bronnen) {
        Ok(p) => p,
        Err(fouten) => {
            stand.fouten = fouten;
            return pagina(&state, &parts, &pad, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let resultaat = service::bewaar_punt(&state.app.db, &g, referentie.as_str(), versie, p, chrono::Utc::now())
        .await
        .map(|key| format!("punt-{key}"));
    afronden(&state, &parts, &g, &referentie, resultaat, stand).await
}

pub async fn opvolging(
    State(state): State<ServerState>,
    Zaak { g, referentie }: Zaak,
    parts: Parts,
    body: Bytes,
) -> Response {
    let velden = velden(&body);
    let mut stand = StapStand {
        formulier: "opvolging".into(),
        invoer: invoer(&velden, &["soort", "tekst", "dienst"]),
        ..Default::default()
    };
    let o = match OpvolgInvoer::parse(enkel(&velden)) {
        Ok(o) => o,
        Err(fouten) => {
            stand.fouten = fouten;
            let pad = format!("/meldingen/{referentie}");
            return pagina(&state, &parts, &pad, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let resultaat = service::voeg_opvolging_toe(&state.app.db, &g, referentie.as_str(), o, chrono::Utc::now())
        .await
        .map(|()| "h-opvolging".to_string());
    afronden(&state, &parts, &g, &referentie, resultaat, stand).await
}

pub async fn medebehandelaar(
    State(state): State<ServerState>,
    Zaak { g, referentie }: Zaak,
    parts: Parts,
    body: Bytes,
) -> Response {
    let velden = velden(&body);
    let mut stand = StapStand {
        formulier: "medebehandelaar".into(),
        invoer: invoer(&velden, &["aan", "reden"]),
        ..Default::default()
    };
    let pad = format!("/meldingen/{referentie}");
    let Some(versie) = versie(&velden) else {
        stand.melding = Some("Laad de melding opnieuw en probeer nog eens.".into());
        return pagina(&state, &parts, &pad, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let m = match MedeInvoer::parse(enkel(&velden), &g.id) {
        Ok(m) => m,
        Err(fouten) => {
            stand.fouten = fouten;
            return pagina(&state, &parts, &pad, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let resultaat = service::zet_medebehandelaar(&state.app.db, &g, referentie.as_str(), versie, m, chrono::Utc::now())
        .await
        .map(|()| "h-medebehandeling".to_string());
    afronden(&state, &parts, &g, &referentie, resultaat, stand).await
}
