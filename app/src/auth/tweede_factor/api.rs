//! Server function for the user's own second-factor page. Thin: check login, call the service.

use super::model::TweedeFactorStand;
use crate::error::AppError;
use leptos::prelude::*;

/// Whether the logged-in user has a second factor, whether a role of theirs requires one, and
/// how many recovery codes are left. Never the secret.
#[server(prefix = "/api", endpoint = "mijn_tweede_factor")]
pub async fn mijn_tweede_factor() -> Result<TweedeFactorStand, AppError> {
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, crate::auth::model::Rol::ALLE, Some("tweede factor")).await?;
    Ok(super::service::stand(&state.db, &g).await?)
}
