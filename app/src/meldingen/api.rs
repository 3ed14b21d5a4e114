//! Server functions for meldingen. Thin: check the role, call the service.

use super::model::{Categorie, MeldingDetail, Status, WerkbakPagina};
use crate::error::AppError;
use leptos::prelude::*;

/// One page of the werkbak; every argument is optional (`na` is an encoded keyset cursor).
#[server(prefix = "/api", endpoint = "werkbak")]
pub async fn werkbak(
    status: Option<Status>,
    onderwerp: Option<Categorie>,
    na: Option<String>,
) -> Result<WerkbakPagina, AppError> {
    use super::model::{WerkbakCursor, WerkbakFilter};
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some("werkbak")).await?;
    let filter = WerkbakFilter { status, categorie: onderwerp, na: na.as_deref().and_then(WerkbakCursor::decode) };
    Ok(super::service::werkbak(&state.db, &filter).await?)
}

/// A melding with its location, melder and timeline.
#[server(prefix = "/api", endpoint = "melding")]
pub async fn melding(referentie: String) -> Result<MeldingDetail, AppError> {
    use crate::audit::{Actie, schoon, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some(&schoon(&referentie))).await?;
    let referentie = super::model::Referentie::parse(&referentie).ok_or(AppError::NietGevonden)?;
    let mut detail = super::service::detail(&state.db, &referentie).await?.ok_or(AppError::NietGevonden)?;
    if g.rollen.contains(&crate::auth::model::Rol::Coordinator) {
        detail.medewerkers = crate::behandeling::service::medewerkers(&state.db).await?;
    }
    // Reading a case shows the melder's personal data: that is logged, not only changes.
    schrijf_voor_verzoek(&state.db, Some(&g), Actie::Bekijken, Some(referentie.as_str())).await;
    Ok(detail)
}
