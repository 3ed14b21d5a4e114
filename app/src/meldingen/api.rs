//! Server functions for meldingen. Thin: check the role, call the service.

use super::model::{MeldingDetail, Referentie, WerkbakFilter, WerkbakPagina};
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the werkbak.
#[server(prefix = "/api", endpoint = "werkbak")]
pub async fn werkbak(filter: WerkbakFilter) -> Result<WerkbakPagina, AppError> {
    use crate::auth::{model::CASEWERK, service::vereis};
    vereis(CASEWERK)?;
    let state = crate::state::app_state()?;
    Ok(super::service::werkbak(&state.db, &filter).await?)
}

/// A melding with its location, melder and timeline.
#[server(prefix = "/api", endpoint = "melding")]
pub async fn melding(referentie: String) -> Result<MeldingDetail, AppError> {
    use crate::auth::{model::CASEWERK, service::vereis};
    vereis(CASEWERK)?;
    let referentie = Referentie::parse(&referentie).ok_or(AppError::NietGevonden)?;
    let state = crate::state::app_state()?;
    super::service::detail(&state.db, &referentie).await?.ok_or(AppError::NietGevonden)
}
