//! Documents: `POST /meldingen/<referentie>/documenten` (a case worker adds one),
//! `POST /advies/<id>/documenten` (the expert adds one to their answer), and the downloads
//! `GET /meldingen/<referentie>/documenten/<id>` and `GET /advies/<id>/documenten/<doc>`.
//! Uploads are multipart forms that work without JavaScript: too large answers 413, a refused
//! kind 422, each with the page again and a Dutch message next to the file field.

use super::model::content_disposition;
use super::repo::DocumentDb;
use super::service::{self, DocumentFout, Upload};
use super::upload::{lees_bestand, lichaamslimiet};
use crate::auth::model::{Gebruiker, Rol};
use crate::auth::toegang::{Met, Rollen};
use crate::gemeen::audit;
use crate::gemeen::audit::{Actie, Wie};
use crate::gemeen::http::{storing, toon_met};
use crate::gemeen::opslag::OpslagFout;
use crate::gemeen::{FormEcho, GebruikersFout, Velden};
use crate::meldingen::toegang::Zaak;
use crate::state::AppState;
use axum::Router;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use std::net::IpAddr;

/// The upload routes (with their own body limit, for documents of at most `max` bytes) and the
/// downloads.
pub fn routes(max: usize) -> Router<AppState> {
    let uploads = Router::new()
        .route("/meldingen/{referentie}/documenten", post(toevoegen))
        .route("/advies/{id}/documenten", post(advies_toevoegen))
        .layer(DefaultBodyLimit::max(lichaamslimiet(max)));
    Router::new()
        .route("/meldingen/{referentie}/documenten/{id}", get(downloaden))
        .route("/advies/{id}/documenten/{doc}", get(advies_downloaden))
        .merge(uploads)
}

struct Experts;
impl Rollen for Experts {
    const ROLLEN: &'static [Rol] = &[Rol::Expert];
    const WEIGERING: &'static str = "Alleen experts voegen hier documenten toe.";
}

/// Who adds a document, to what, and where to go back to.
struct Doel<'a> {
    g: &'a Gebruiker,
    adres: Option<IpAddr>,
    referentie: &'a str,
    adviesvraag: Option<&'a str>,
    pad: String,
    object: String,
}

/// Reads, checks and stores the upload; 303 to the documents on the page, or the page with the message.
async fn ontvang(
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

async fn toevoegen(
    State(state): State<AppState>,
    zaak: Zaak,
    parts: Parts,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let r = zaak.referentie.as_str();
    let doel =
        Doel { g: &zaak.g, adres: zaak.adres, referentie: r, adviesvraag: None, pad: zaak.pad(), object: r.into() };
    ontvang(&state, &parts, doel, multipart).await
}

/// The advice request `id` if it is addressed to this expert; otherwise the refusal (audited).
async fn eigen_vraag(
    state: &AppState,
    wie: &Met<Experts>,
    id: &str,
) -> Result<crate::advies::service::AdviesDb, Response> {
    match crate::advies::service::aan_mij(&state.db, &wie.g, id).await {
        Ok(Some(v)) => Ok(v),
        Ok(None) => {
            wie.weiger(state, &format!("adviesvraag:{}", audit::schoon(id))).await;
            Err((StatusCode::NOT_FOUND, "Deze vraag bestaat niet of is niet aan u gericht.").into_response())
        }
        Err(e) => Err(storing(&e)),
    }
}

async fn advies_toevoegen(
    State(state): State<AppState>,
    wie: Met<Experts>,
    Path(id): Path<String>,
    parts: Parts,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let vraag = match eigen_vraag(&state, &wie, &id).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let doel = Doel {
        g: &wie.g,
        adres: wie.adres,
        referentie: &vraag.referentie,
        adviesvraag: Some(&vraag.id),
        pad: format!("/advies/{}", vraag.id),
        object: format!("adviesvraag:{}", vraag.id),
    };
    ontvang(&state, &parts, doel, multipart).await
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
async fn download(
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

async fn downloaden(State(state): State<AppState>, zaak: Zaak, Path((_, id)): Path<(String, String)>) -> Response {
    let object = format!("{} document:{}", zaak.referentie, audit::schoon(&id));
    let gevonden =
        service::gegevens(&state.db, &id).await.map(|d| (d.referentie == zaak.referentie.as_str()).then_some(d));
    download(&state, &zaak.g, zaak.adres, gevonden, object).await
}

async fn advies_downloaden(
    State(state): State<AppState>,
    wie: Met<Experts>,
    Path((id, doc)): Path<(String, String)>,
) -> Response {
    let vraag = match eigen_vraag(&state, &wie, &id).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let object = format!("adviesvraag:{} document:{}", vraag.id, audit::schoon(&doc));
    let gevonden = service::gegevens(&state.db, &doc)
        .await
        .map(|d| (d.adviesvraag.as_deref() == Some(vraag.id.as_str())).then_some(d));
    download(&state, &wie.g, wie.adres, gevonden, object).await
}
