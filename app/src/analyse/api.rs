//! Server function for the analysis section of the case page. Thin: role, object, service.

use super::model::AnalyseDossier;
use crate::error::AppError;
use leptos::prelude::*;

/// The analysis points, follow-up actions and co-handler of a case the user may see.
#[server(prefix = "/api", endpoint = "analyse")]
pub async fn analyse(referentie: String) -> Result<AnalyseDossier, AppError> {
    use crate::gemeen::audit::{Actie, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let (g, referentie) = crate::zaak::toegang::toegang_tot(&state.db, &referentie).await?;
    // A read of case data: in the audit log, whichever part of the page asks.
    let object = format!("{referentie} analyse");
    schrijf_voor_verzoek(&state.db, Some(&g), Actie::Bekijken, Some(&object)).await;
    super::dossier::dossier(&state.db, &g, referentie.as_str(), chrono::Utc::now())
        .await
        .map_err(|e| AppError::from(e).met_status())
}
