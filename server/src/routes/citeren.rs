//! `POST /meldingen/<referentie>/citeren`: cites a knowledge-base page, at the revision the case
//! worker saw, in the case. Success answers 303 back to the case's knowledge-base section; a
//! refusal shows the case again with the message next to the field and the note as typed.

use super::behandeling::{Zaak, adres, opnieuw, velden};
use crate::router::ServerState;
use app::audit::{self, Actie, Wie};
use app::behandeling::formulier::StapStand;
use app::citaten::model::{MAX_TOELICHTING, NieuwCitaat};
use app::citaten::service::{self, CitaatFout};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

pub async fn citeer(
    State(state): State<ServerState>,
    Zaak { g, referentie }: Zaak,
    parts: Parts,
    body: Bytes,
) -> Response {
    let invoer: std::collections::BTreeMap<String, String> = velden(&body)
        .into_iter()
        .filter(|(k, _)| matches!(k.as_str(), "slug" | "revisie" | "toelichting"))
        .map(|(k, v)| (k, v.chars().take(MAX_TOELICHTING + 1).collect()))
        .collect();
    let veld = |k: &str| invoer.get(k).map(String::as_str).unwrap_or_default();
    let mut stand = StapStand { formulier: "citaat".into(), invoer: invoer.clone(), ..Default::default() };
    let citaat = match NieuwCitaat::parse(veld("slug"), veld("revisie"), veld("toelichting")) {
        Ok(c) => c,
        Err(fouten) => {
            stand.fouten = fouten;
            return opnieuw(&state, &parts, &referentie, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    match service::citeer(&state.app.db, &g, referentie.as_str(), citaat, chrono::Utc::now()).await {
        Ok(()) => {
            audit::schrijf(
                &state.app.db,
                Wie::Gebruiker(&g),
                Actie::Aanmaken,
                Some(referentie.as_str()),
                adres(&parts),
            )
            .await;
            Redirect::to(&format!("/meldingen/{referentie}#kennisbank")).into_response()
        }
        Err(e) => {
            let code = match e {
                CitaatFout::MeldingOnbekend => StatusCode::NOT_FOUND,
                CitaatFout::PaginaOnbekend => StatusCode::UNPROCESSABLE_ENTITY,
                CitaatFout::Db(_) | CitaatFout::Kennis(_) => {
                    tracing::error!(error = %e, "citation failed");
                    StatusCode::SERVICE_UNAVAILABLE
                }
            };
            stand.fouten.zet("citaat", &e.voor_gebruiker());
            opnieuw(&state, &parts, &referentie, stand, code).await
        }
    }
}
