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
    super::repo::zoek(&state.db, &q, 10).await.map_err(|e| {
        tracing::error!(error = %e, "location search failed");
        AppError::Intern
    })
}
