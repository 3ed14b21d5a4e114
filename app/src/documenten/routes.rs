//! Documents on a case: `POST /meldingen/<referentie>/documenten` (a case worker adds one) and
//! the download `GET /meldingen/<referentie>/documenten/<id>`, for those who may see the case.
//! The expert's documents of an advice request are routed by `advies`.

use super::http::{Doel, download, ontvang};
use super::service;
use super::upload::lichaamslimiet;
use crate::gemeen::audit;
use crate::state::AppState;
use crate::zaak::toegang::Zaak;
use axum::Router;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::{get, post};

/// The upload routes (with their own body limit, for documents of at most `max` bytes) and the
/// downloads.
pub fn routes(max: usize) -> Router<AppState> {
    let uploads = Router::new()
        .route("/meldingen/{referentie}/documenten", post(toevoegen))
        .layer(DefaultBodyLimit::max(lichaamslimiet(max)));
    Router::new().route("/meldingen/{referentie}/documenten/{id}", get(downloaden)).merge(uploads)
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

async fn downloaden(State(state): State<AppState>, zaak: Zaak, Path((_, id)): Path<(String, String)>) -> Response {
    let object = format!("{} document:{}", zaak.referentie, audit::schoon(&id));
    let gevonden =
        service::gegevens(&state.db, &id).await.map(|d| (d.referentie == zaak.referentie.as_str()).then_some(d));
    download(&state, &zaak.g, zaak.adres, gevonden, object).await
}
