//! `POST /meldingen/<referentie>/advies` (a case worker asks for advice) and
//! `POST /advies/<id>/antwoord` (the expert answers). Both answer 303 on success and show the
//! page again with the message next to the field and the text kept otherwise.

use super::behandeling::{Zaak, adres};
use super::render::pagina;
use crate::router::ServerState;
use app::advies::model::{AntwoordStand, NieuweAdviesvraag};
use app::advies::service::{self, AdviesFout};
use app::audit::{self, Actie, Wie};
use app::auth::model::Rol;
use app::auth::service::Aangemeld;
use app::behandeling::formulier::StapStand;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::BTreeMap;

const VELDEN: &[&str] = &["aan", "vraag", "vervalt", "deel_omschrijving", "deel_locatie", "deel_melder"];

fn status_voor(e: &AdviesFout) -> StatusCode {
    match e {
        AdviesFout::NietGevonden => StatusCode::NOT_FOUND,
        AdviesFout::Db(_) | AdviesFout::Melding(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

pub async fn vraag(
    State(state): State<ServerState>,
    Zaak { g, referentie }: Zaak,
    parts: Parts,
    body: Bytes,
) -> Response {
    let invoer: BTreeMap<String, String> = form_urlencoded::parse(&body)
        .filter(|(k, _)| VELDEN.contains(&k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.chars().take(5000).collect()))
        .collect();
    let nu = chrono::Utc::now();
    let mut stand = StapStand { formulier: "advies".into(), invoer: invoer.clone(), ..Default::default() };
    let pad = format!("/meldingen/{referentie}");
    let nieuw = match NieuweAdviesvraag::parse(&invoer, app::tijd::vandaag(nu)) {
        Ok(n) => n,
        Err(fouten) => {
            stand.fouten = fouten;
            return pagina(&state, &parts, &pad, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    match service::vraag(&state.app.db, &g, &referentie, nieuw, nu).await {
        Ok(()) => {
            audit::schrijf(
                &state.app.db,
                Wie::Gebruiker(&g),
                Actie::Aanmaken,
                Some(referentie.as_str()),
                adres(&parts),
            )
            .await;
            Redirect::to(&format!("{pad}#h-advies")).into_response()
        }
        Err(e) => {
            tracing::warn!(error = %e, "advice request refused");
            let code = status_voor(&e);
            if let AdviesFout::OnbekendeExpert(_) = e {
                stand.fouten.zet("aan", &e.voor_gebruiker());
            } else {
                stand.melding = Some(e.voor_gebruiker());
            }
            pagina(&state, &parts, &pad, stand, code).await
        }
    }
}

pub async fn antwoord(State(state): State<ServerState>, Path(id): Path<String>, parts: Parts, body: Bytes) -> Response {
    let object = format!("adviesvraag:{}", audit::schoon(&id));
    let g = match parts.extensions.get::<Aangemeld>().map(|a| a.0.clone()) {
        Some(g) if g.rollen.contains(&Rol::Expert) => g,
        wie => {
            let w = wie.as_ref().map_or(Wie::Onbekend, Wie::Gebruiker);
            audit::schrijf(&state.app.db, w, Actie::Geweigerd, Some(&object), adres(&parts)).await;
            return match wie {
                Some(_) => (StatusCode::FORBIDDEN, "Alleen experts beantwoorden adviesvragen.").into_response(),
                None => Redirect::to("/login").into_response(),
            };
        }
    };
    let tekst: String = form_urlencoded::parse(&body)
        .find(|(k, _)| k == "antwoord")
        .map(|(_, v)| v.chars().take(10_001).collect())
        .unwrap_or_default();
    let pad = format!("/advies/{}", id.chars().filter(|c| c.is_ascii_alphanumeric()).take(40).collect::<String>());
    let schoon = tekst.trim();
    let fout = match schoon.chars().count() {
        0 => Some("Schrijf uw antwoord."),
        10_001.. => Some("Dit is te lang: hoogstens 10.000 tekens."),
        _ => None,
    };
    if let Some(f) = fout {
        let stand = AntwoordStand { antwoord: tekst.clone(), fout: Some(f.into()) };
        return pagina(&state, &parts, &pad, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    match service::beantwoord(&state.app.db, &g, &id, schoon, chrono::Utc::now()).await {
        Ok(()) => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(&g), Actie::Wijzigen, Some(&object), adres(&parts)).await;
            Redirect::to(&pad).into_response()
        }
        Err(e) => {
            tracing::warn!(error = %e, "answer refused");
            if matches!(e, AdviesFout::NietGevonden) {
                audit::schrijf(&state.app.db, Wie::Gebruiker(&g), Actie::Geweigerd, Some(&object), adres(&parts)).await;
            }
            let stand = AntwoordStand { antwoord: tekst.clone(), fout: Some(e.voor_gebruiker()) };
            pagina(&state, &parts, &pad, stand, status_voor(&e)).await
        }
    }
}
