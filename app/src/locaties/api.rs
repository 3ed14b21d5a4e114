//! Server functions for locations.

use super::model::LocatieKeuze;
use crate::error::AppError;
use leptos::prelude::*;

/// The location picker on the public melding form (public: no account needed). A plain GET
/// (`/api/zoek_locaties?q=…`) that answers JSON, so the island can call it with `fetch` alone.
#[server(prefix = "/api", endpoint = "zoek_locaties", input = leptos::server_fn::codec::GetUrl)]
pub async fn zoek_locaties(q: String) -> Result<Vec<LocatieKeuze>, AppError> {
    let q: String = q.chars().take(100).collect();
    if q.trim().chars().count() < 2 {
        return Ok(Vec::new());
    }
    let state = crate::state::app_state()?;
    let personeel = crate::auth::aangemelde().is_some();
    crate::limiet::voor_server_fn(&state.limieten, personeel, crate::limiet::Soort::LocatieZoeken)?;
    super::repo::zoek(&state.db, &q, 10).await.map_err(|e| {
        tracing::error!(error = %e, "location search failed");
        AppError::Intern
    })
}

#[cfg(feature = "ssr")]
fn db_fout(e: surrealdb::Error) -> AppError {
    tracing::error!(error = %e, "overview failed");
    AppError::Intern
}

/// An organiser with its locations and meldingen (staff who handle cases).
#[server(prefix = "/api", endpoint = "organisator")]
pub async fn organisator(id: String) -> Result<super::overzicht::OrganisatorOverzicht, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some("organisator")).await?;
    super::service::organisator(&state.db, &id, chrono::Utc::now())
        .await
        .map_err(db_fout)?
        .ok_or_else(|| AppError::NietGevonden.met_status())
}

/// A location with its meldingen (staff who handle cases).
#[server(prefix = "/api", endpoint = "locatie")]
pub async fn locatie(id: String) -> Result<super::overzicht::LocatieOverzicht, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some("locatie")).await?;
    super::service::locatie_overzicht(&state.db, &id, chrono::Utc::now())
        .await
        .map_err(db_fout)?
        .ok_or_else(|| AppError::NietGevonden.met_status())
}
