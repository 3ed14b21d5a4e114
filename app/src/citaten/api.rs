//! Server function for the citations section of a case page.

use super::model::CitatenData;
use crate::error::AppError;
use leptos::prelude::*;

/// The citations of a case and the knowledge-base pages found for `zoek` (case workers who may
/// see the case).
#[server(prefix = "/api", endpoint = "citaten")]
pub async fn citaten(referentie: String, zoek: String) -> Result<CitatenData, AppError> {
    use crate::gemeen::audit::{Actie, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let (g, referentie) = crate::zaak::toegang::toegang_tot(&state.db, &referentie).await?;
    // A read of case data: in the audit log, whichever part of the page asks.
    let object = format!("{referentie} citaten");
    schrijf_voor_verzoek(&state.db, Some(&g), Actie::Bekijken, Some(&object)).await;
    Ok(super::service::data(&state.db, &state.kennis, referentie.as_str(), &zoek).await?)
}
