//! Server function for the analysis section of the case page. Thin: role, object, service.

use super::model::AnalyseDossier;
use crate::error::AppError;
use leptos::prelude::*;

/// The analysis points, follow-up actions and co-handler of a case the user may see.
#[server(prefix = "/api", endpoint = "analyse")]
pub async fn analyse(referentie: String) -> Result<AnalyseDossier, AppError> {
    use crate::gemeen::audit::{Actie, schoon, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some(&schoon(&referentie))).await?;
    let referentie =
        crate::zaak::model::Referentie::parse(&referentie).ok_or_else(|| AppError::NietGevonden.met_status())?;
    if !crate::zaak::toegang::mag_zien(&state.db, &g, referentie.as_str()).await? {
        schrijf_voor_verzoek(&state.db, Some(&g), Actie::Geweigerd, Some(referentie.as_str())).await;
        return Err(AppError::NietGevonden.met_status());
    }
    // Part of the case page, whose read is logged by `melding`.
    super::dossier::dossier(&state.db, &g, referentie.as_str(), chrono::Utc::now())
        .await
        .map_err(|e| AppError::from(e).met_status())
}
