//! Documents: `POST /meldingen/<referentie>/documenten` (a case worker adds one),
//! `POST /advies/<id>/documenten` (the expert adds one to their answer), and the downloads
//! `GET /meldingen/<referentie>/documenten/<id>` and `GET /advies/<id>/documenten/<doc>`.
//!
//! Uploads are multipart forms that work without JavaScript. The size limit is enforced while the
//! body streams in (and up front from `Content-Length`): too large answers 413, a refused kind 422,
//! each with the page again and a Dutch message next to the file field. These routes sit outside
//! the router's general 256 KB body limit and have their own (see `router`).

use super::behandeling::{Zaak, adres};
use super::render::pagina;
use crate::router::ServerState;
use app::advies::repo::AdviesDb;
use app::audit::{self, Actie, Wie};
use app::auth::model::{Gebruiker, Rol};
use app::auth::service::Aangemeld;
use app::documenten::model::{DocumentStand, content_disposition};
use app::documenten::opslag::OpslagFout;
use app::documenten::repo::DocumentDb;
use app::documenten::service::{self, DocumentFout, Upload};
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

/// Room for the multipart envelope around the file itself.
pub const MARGE: usize = 64 * 1024;

/// A too large upload is still read to its end, up to this many times the limit, before the 413
/// page is sent: a browser that is still sending when the server answers and closes often shows a
/// connection error instead of the answer. Bodies larger than that are cut off.
pub const AFVOER_FACTOR: usize = 4;

/// The body limit of the upload routes for a document limit of `max` bytes.
pub fn lichaamslimiet(max: usize) -> usize {
    max.saturating_mul(AFVOER_FACTOR).saturating_add(MARGE)
}

/// The file field of the form (its name as sent and its bytes), read chunk by chunk; refused as
/// soon as it passes `max` (the rest of the body is then read and dropped).
async fn lees_bestand(
    parts: &Parts,
    multipart: Result<Multipart, MultipartRejection>,
    max: usize,
) -> Result<(String, Vec<u8>), DocumentFout> {
    let lengte = parts.headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if lengte.is_some_and(|l| l > lichaamslimiet(max)) {
        return Err(DocumentFout::TeGroot { max });
    }
    let mut multipart = multipart.map_err(|_| DocumentFout::GeenBestand)?;
    let afgekapt = |e: &axum::extract::multipart::MultipartError| e.status() == StatusCode::PAYLOAD_TOO_LARGE;
    let mut bestand: Option<(String, Vec<u8>)> = None;
    let mut te_groot = false;
    loop {
        let mut veld = match multipart.next_field().await {
            Ok(Some(v)) => v,
            Ok(None) => break,
            Err(e) if afgekapt(&e) => return Err(DocumentFout::TeGroot { max }),
            Err(_) => return Err(DocumentFout::GeenBestand),
        };
        let is_bestand = veld.name() == Some("bestand") && bestand.is_none() && !te_groot;
        let naam: String = veld.file_name().unwrap_or_default().chars().take(500).collect();
        let mut inhoud = Vec::new();
        loop {
            match veld.chunk().await {
                Ok(Some(stuk)) if is_bestand && !te_groot => {
                    if inhoud.len() + stuk.len() > max {
                        te_groot = true;
                        inhoud = Vec::new();
                    } else {
                        inhoud.extend_from_slice(&stuk);
                    }
                }
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(e) if afgekapt(&e) => return Err(DocumentFout::TeGroot { max }),
                Err(_) => return Err(DocumentFout::GeenBestand),
            }
        }
        if is_bestand && !te_groot {
            bestand = Some((naam, inhoud));
        }
    }
    match (te_groot, bestand) {
        (true, _) => Err(DocumentFout::TeGroot { max }),
        (false, Some(b)) => Ok(b),
        (false, None) => Err(DocumentFout::GeenBestand),
    }
}

fn status_voor(e: &DocumentFout) -> StatusCode {
    match e {
        DocumentFout::TeGroot { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        DocumentFout::NietGevonden => StatusCode::NOT_FOUND,
        DocumentFout::Db(_) | DocumentFout::Opslag(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Reads, checks and stores the upload; 303 to `terug` or the page at `pad` with the message.
#[allow(clippy::too_many_arguments)]
async fn ontvang(
    state: &ServerState,
    parts: &Parts,
    g: &Gebruiker,
    multipart: Result<Multipart, MultipartRejection>,
    referentie: &str,
    adviesvraag: Option<&str>,
    pad: &str,
    object: &str,
) -> Response {
    let max = state.app.config.max_document;
    let resultaat = match lees_bestand(parts, multipart, max).await {
        Ok((naam, inhoud)) => {
            let upload = Upload { referentie, adviesvraag, naam: &naam, inhoud };
            service::voeg_toe(&state.app.db, &state.app.bestanden(), g, upload, max, chrono::Utc::now()).await
        }
        Err(e) => Err(e),
    };
    match resultaat {
        Ok(sleutel) => {
            let object = format!("{object} document:{sleutel}");
            audit::schrijf(&state.app.db, Wie::Gebruiker(g), Actie::Aanmaken, Some(&object), adres(parts)).await;
            Redirect::to(&format!("{pad}#documenten")).into_response()
        }
        Err(e) => {
            match &e {
                DocumentFout::Db(_) | DocumentFout::Opslag(_) => tracing::error!(error = %e, "document not stored"),
                _ => tracing::warn!(error = %e, "document refused"),
            }
            let stand = DocumentStand { fout: Some(e.voor_gebruiker()) };
            pagina(state, parts, pad, stand, status_voor(&e)).await
        }
    }
}

pub async fn toevoegen(
    State(state): State<ServerState>,
    Zaak { g, referentie }: Zaak,
    parts: Parts,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let pad = format!("/meldingen/{referentie}");
    ontvang(&state, &parts, &g, multipart, referentie.as_str(), None, &pad, referentie.as_str()).await
}

/// The logged-in expert and the advice request `id` addressed to them; or the refusal (audited).
async fn expert(state: &ServerState, parts: &Parts, id: &str) -> Result<(Gebruiker, AdviesDb), Response> {
    let object = format!("adviesvraag:{}", audit::schoon(id));
    let g = match parts.extensions.get::<Aangemeld>().map(|a| a.0.clone()) {
        Some(g) if g.rollen.contains(&Rol::Expert) => g,
        wie => {
            let w = wie.as_ref().map_or(Wie::Onbekend, Wie::Gebruiker);
            audit::schrijf(&state.app.db, w, Actie::Geweigerd, Some(&object), adres(parts)).await;
            return Err(match wie {
                Some(_) => (StatusCode::FORBIDDEN, "Alleen experts voegen hier documenten toe.").into_response(),
                None => Redirect::to("/login").into_response(),
            });
        }
    };
    let vraag = if id.chars().all(|c| c.is_ascii_alphanumeric()) && id.len() <= 40 {
        app::advies::repo::een(&state.app.db, id).await
    } else {
        Ok(None)
    };
    let gericht = match &vraag {
        Ok(Some(v)) => app::advies::service::gericht_aan(&state.app.db, &g, v).await.map_err(|e| e.to_string()),
        Ok(None) => Ok(false),
        Err(e) => Err(e.to_string()),
    };
    match (gericht, vraag) {
        (Ok(true), Ok(Some(v))) => Ok((g, v)),
        (Err(e), _) => {
            tracing::error!(error = %e, "access check failed");
            Err((StatusCode::SERVICE_UNAVAILABLE, "Dit lukt nu niet door een storing bij ons.").into_response())
        }
        _ => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(&g), Actie::Geweigerd, Some(&object), adres(parts)).await;
            Err((StatusCode::NOT_FOUND, "Deze vraag bestaat niet of is niet aan u gericht.").into_response())
        }
    }
}

pub async fn advies_toevoegen(
    State(state): State<ServerState>,
    Path(id): Path<String>,
    parts: Parts,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let (g, vraag) = match expert(&state, &parts, &id).await {
        Ok(t) => t,
        Err(r) => return r,
    };
    let pad = format!("/advies/{}", vraag.id);
    let object = format!("adviesvraag:{}", vraag.id);
    ontvang(&state, &parts, &g, multipart, &vraag.referentie, Some(&vraag.id), &pad, &object).await
}

/// The file as an attachment, after the checksum check; every download is audited.
async fn bezorg(state: &ServerState, parts: &Parts, g: &Gebruiker, d: DocumentDb) -> Response {
    let object = format!("{} document:{}", d.referentie, d.id);
    match service::inhoud(&state.app.bestanden(), &d).await {
        Ok((soort, bytes)) => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(g), Actie::Bekijken, Some(&object), adres(parts)).await;
            let dispositie = HeaderValue::from_str(&content_disposition(&d.naam))
                .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
            (
                [
                    (header::CONTENT_TYPE, HeaderValue::from_static(soort.mime())),
                    (header::CONTENT_DISPOSITION, dispositie),
                    (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
                    (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
                ],
                bytes,
            )
                .into_response()
        }
        Err(DocumentFout::Verwijderd) => (StatusCode::GONE, DocumentFout::Verwijderd.voor_gebruiker()).into_response(),
        Err(e) => {
            tracing::error!(error = %e, document = %d.id, "document cannot be served");
            let code = match e {
                DocumentFout::Opslag(OpslagFout::Beschadigd { .. } | OpslagFout::Ontbreekt { .. }) => {
                    StatusCode::INTERNAL_SERVER_ERROR
                }
                _ => StatusCode::SERVICE_UNAVAILABLE,
            };
            (code, e.voor_gebruiker()).into_response()
        }
    }
}

async fn niet_gevonden(state: &ServerState, parts: &Parts, g: &Gebruiker, object: &str) -> Response {
    audit::schrijf(&state.app.db, Wie::Gebruiker(g), Actie::Geweigerd, Some(object), adres(parts)).await;
    (StatusCode::NOT_FOUND, "Dit document bestaat niet (meer).").into_response()
}

pub async fn downloaden(
    State(state): State<ServerState>,
    Zaak { g, referentie }: Zaak,
    Path((_, id)): Path<(String, String)>,
    parts: Parts,
) -> Response {
    let object = format!("{referentie} document:{}", audit::schoon(&id));
    match service::gegevens(&state.app.db, &id).await {
        Ok(d) if d.referentie == referentie.as_str() => bezorg(&state, &parts, &g, d).await,
        Ok(_) | Err(DocumentFout::NietGevonden) => niet_gevonden(&state, &parts, &g, &object).await,
        Err(e) => {
            tracing::error!(error = %e, "document lookup failed");
            (StatusCode::SERVICE_UNAVAILABLE, e.voor_gebruiker()).into_response()
        }
    }
}

pub async fn advies_downloaden(
    State(state): State<ServerState>,
    Path((id, doc)): Path<(String, String)>,
    parts: Parts,
) -> Response {
    let (g, vraag) = match expert(&state, &parts, &id).await {
        Ok(t) => t,
        Err(r) => return r,
    };
    let object = format!("adviesvraag:{} document:{}", vraag.id, audit::schoon(&doc));
    match service::gegevens(&state.app.db, &doc).await {
        Ok(d) if d.adviesvraag.as_deref() == Some(vraag.id.as_str()) => bezorg(&state, &parts, &g, d).await,
        Ok(_) | Err(DocumentFout::NietGevonden) => niet_gevonden(&state, &parts, &g, &object).await,
        Err(e) => {
            tracing::error!(error = %e, "document lookup failed");
            (StatusCode::SERVICE_UNAVAILABLE, e.voor_gebruiker()).into_response()
        }
    }
}
