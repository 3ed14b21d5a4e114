//! Server functions for meldingen. Thin: check the role, call the service.

use super::model::{Categorie, MeldingDetail, Status, WerkbakCursor, WerkbakFilter, WerkbakPagina};
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the werkbak; every argument is optional (`na` is an encoded keyset cursor).
#[server(prefix = "/api", endpoint = "werkbak")]
pub async fn werkbak(
    status: Option<Status>,
    onderwerp: Option<Categorie>,
    na: Option<String>,
) -> Result<WerkbakPagina, AppError> {
    use crate::auth::{model::CASEWERK, service::vereis};
    vereis(CASEWERK)?;
    let filter = WerkbakFilter {
        status,
        categorie: onderwerp,
        na: na.as_deref().and_then(WerkbakCursor::decode),
    };
    let state = crate::state::app_state()?;
    Ok(super::service::werkbak(&state.db, &filter).await?)
}

/// A melding with its location, melder and timeline.
#[server(prefix = "/api", endpoint = "melding")]
pub async fn melding(referentie: String) -> Result<MeldingDetail, AppError> {
    use crate::auth::{model::CASEWERK, service::vereis};
    vereis(CASEWERK)?;
    let referentie = super::model::Referentie::parse(&referentie).ok_or(AppError::NietGevonden)?;
    let state = crate::state::app_state()?;
    super::service::detail(&state.db, &referentie)
        .await?
        .ok_or(AppError::NietGevonden)
}
