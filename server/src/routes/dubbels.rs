//! `POST /meldingen/<referentie>/koppelingen` (`met=<referentie>&actie=koppel|ontkoppel`): link or
//! unlink two meldingen. The case worker must be allowed to handle both. Success answers 303 back
//! to the case; a refusal shows the case again with the message and the typed reference.

use super::behandeling::{Zaak, adres};
use super::render::pagina;
use crate::router::ServerState;
use app::audit::{self, Actie, Wie};
use app::dubbels::model::KoppelStand;
use app::dubbels::service::{self, KoppelFout};
use app::meldingen::model::Referentie;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

fn status_voor(e: &KoppelFout) -> StatusCode {
    match e {
        KoppelFout::NietGevonden => StatusCode::NOT_FOUND,
        KoppelFout::Db(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

pub async fn koppel(
    State(state): State<ServerState>,
    Zaak { g, referentie }: Zaak,
    parts: Parts,
    body: Bytes,
) -> Response {
    let veld = |naam: &str| -> String {
        form_urlencoded::parse(&body)
            .find(|(k, _)| k == naam)
            .map(|(_, v)| v.chars().take(40).collect())
            .unwrap_or_default()
    };
    let (met_ruw, actie) = (veld("met"), veld("actie"));
    let db = &state.app.db;
    let nu = chrono::Utc::now();
    let resultaat = match Referentie::parse(&met_ruw) {
        None => Err(KoppelFout::OngeldigeReferentie(met_ruw.clone())),
        Some(met) => match app::meldingen::service::mag_zien(db, &g, met.as_str()).await {
            Ok(false) => {
                audit::schrijf(db, Wie::Gebruiker(&g), Actie::Geweigerd, Some(met.as_str()), adres(&parts)).await;
                Err(KoppelFout::NietGevonden)
            }
            Err(e) => {
                tracing::error!(error = %e, "access check failed");
                Err(KoppelFout::NietGevonden)
            }
            Ok(true) if actie == "ontkoppel" => service::ontkoppel(db, &g, &referentie, &met, nu).await.map(|()| met),
            Ok(true) => service::koppel(db, &g, &referentie, &met, nu).await.map(|()| met),
        },
    };
    match resultaat {
        Ok(met) => {
            let object = format!("{referentie} {met}");
            audit::schrijf(db, Wie::Gebruiker(&g), Actie::Wijzigen, Some(&object), adres(&parts)).await;
            Redirect::to(&format!("/meldingen/{referentie}#koppelingen")).into_response()
        }
        Err(e) => {
            tracing::warn!(error = %e, "link refused");
            let stand = KoppelStand { fout: Some(e.voor_gebruiker()), met: met_ruw };
            pagina(&state, &parts, &format!("/meldingen/{referentie}"), stand, status_voor(&e)).await
        }
    }
}
