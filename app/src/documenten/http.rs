//! A document upload and download as HTTP answers, for a route that has decided who may: a case
//! worker on their case (`routes`), an expert on their advice request (`advies`). Uploads are
//! multipart forms that work without JavaScript: too large answers 413, a refused kind 422, each
//! with the page again and a Dutch message next to the file field. Every download is audited.

use super::model::content_disposition;
use super::repo::DocumentDb;
use super::service::{self, DocumentFout, Upload};
use super::upload::lees_bestand;
use crate::auth::model::Gebruiker;
use crate::gemeen::audit;
use crate::gemeen::audit::{Actie, Wie};
use crate::gemeen::http::toon_met;
use crate::gemeen::opslag::OpslagFout;
use crate::gemeen::{FormEcho, GebruikersFout, Velden};
use crate::state::AppState;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::net::IpAddr;

/// Who adds a document, to what, and where to go back to.
pub struct Doel<'a> {
    pub g: &'a Gebruiker,
    pub adres: Option<IpAddr>,
    pub referentie: &'a str,
    pub adviesvraag: Option<&'a str>,
    pub pad: String,
    pub object: String,
}

/// Reads, checks and stores the upload; 303 to the documents on the page, or the page with the message.
pub async fn ontvang(
    state: &AppState,
    parts: &Parts,
    doel: Doel<'_>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let max = state.config.max_document;
    let resultaat = match lees_bestand(parts, multipart, max).await {
        Ok((naam, inhoud)) => {
            let upload = Upload { referentie: doel.referentie, adviesvraag: doel.adviesvraag, naam: &naam, inhoud };
            service::voeg_toe(&state.db, &state.bestanden(), doel.g, upload, max, chrono::Utc::now()).await
        }
        Err(e) => Err(e),
    };
    match resultaat {
        Ok(sleutel) => {
            let object = format!("{} document:{sleutel}", doel.object);
            audit::schrijf(&state.db, Wie::Gebruiker(doel.g), Actie::Aanmaken, Some(&object), doel.adres).await;
            Redirect::to(&format!("{}#documenten", doel.pad)).into_response()
        }
        Err(e) => {
            e.log();
            let echo = FormEcho::nieuw("document", Velden::default()).met_fout(&e);
            toon_met(doel.pad, e.soort().status(), echo)
        }
    }
}

/// The file as an attachment, after the checksum check; every download is audited.
async fn bezorg(state: &AppState, g: &Gebruiker, adres: Option<IpAddr>, d: DocumentDb) -> Response {
    let object = format!("{} document:{}", d.referentie, d.id);
    match service::inhoud(&state.bestanden(), &d).await {
        Ok((soort, bytes)) => {
            audit::schrijf(&state.db, Wie::Gebruiker(g), Actie::Bekijken, Some(&object), adres).await;
            let dispositie = HeaderValue::from_str(&content_disposition(&d.naam))
                .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
            let koppen = [
                (header::CONTENT_TYPE, HeaderValue::from_static(soort.mime())),
                (header::CONTENT_DISPOSITION, dispositie),
                (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
                (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
            ];
            (koppen, bytes).into_response()
        }
        // A damaged or missing file is our fault, and not one that waiting fixes: 500.
        Err(e @ DocumentFout::Opslag(OpslagFout::Beschadigd { .. } | OpslagFout::Ontbreekt { .. })) => {
            tracing::error!(error = %e, document = %d.id, "document cannot be served");
            (StatusCode::INTERNAL_SERVER_ERROR, e.bericht()).into_response()
        }
        Err(e) => crate::gemeen::http::fout_antwoord(&e),
    }
}

/// A download of `gevonden` (the document if the lookup found it and it belongs here).
pub async fn download(
    state: &AppState,
    g: &Gebruiker,
    adres: Option<IpAddr>,
    gevonden: Result<Option<DocumentDb>, DocumentFout>,
    object: String,
) -> Response {
    match gevonden {
        Ok(Some(d)) => bezorg(state, g, adres, d).await,
        Ok(None) | Err(DocumentFout::NietGevonden) => {
            audit::schrijf(&state.db, Wie::Gebruiker(g), Actie::Geweigerd, Some(&object), adres).await;
            (StatusCode::NOT_FOUND, "Dit document bestaat niet (meer).").into_response()
        }
        Err(e) => crate::gemeen::http::fout_antwoord(&e),
    }
}
