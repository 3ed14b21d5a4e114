//! The documents of an advice request, for the expert it is addressed to:
//! `POST /advies/<id>/documenten` (added with their answer) and the download
//! `GET /advies/<id>/documenten/<doc>`. A request not addressed to them does not exist for them.

use super::service::{AdviesDb, aan_mij};
use crate::auth::model::Rol;
use crate::auth::toegang::{Met, Rollen};
use crate::documenten::http::{Doel, download, ontvang};
use crate::documenten::service;
use crate::documenten::upload::lichaamslimiet;
use crate::gemeen::audit;
use crate::gemeen::http::storing;
use crate::state::AppState;
use axum::Router;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

/// The upload route (with its own body limit, for documents of at most `max` bytes) and the
/// download.
pub fn routes(max: usize) -> Router<AppState> {
    let uploads = Router::new()
        .route("/advies/{id}/documenten", post(advies_toevoegen))
        .layer(DefaultBodyLimit::max(lichaamslimiet(max)));
    Router::new().route("/advies/{id}/documenten/{doc}", get(advies_downloaden)).merge(uploads)
}

struct Experts;
impl Rollen for Experts {
    const ROLLEN: &'static [Rol] = &[Rol::Expert];
    const WEIGERING: &'static str = "Alleen experts voegen hier documenten toe.";
}

/// The advice request `id` if it is addressed to this expert; otherwise the refusal (audited).
async fn eigen_vraag(state: &AppState, wie: &Met<Experts>, id: &str) -> Result<AdviesDb, Response> {
    match aan_mij(&state.db, &wie.g, id).await {
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
