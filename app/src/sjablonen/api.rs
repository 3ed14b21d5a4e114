//! Server functions for the templates. Thin: check the role, call the service.

use super::model::{BewerkData, JargonPagina, SjabloonPagina, SjabloonRegel};
use crate::error::AppError;
use leptos::prelude::*;

/// Every template (coordinators and knowledge editors).
#[server(prefix = "/api", endpoint = "sjablonen")]
pub async fn sjablonen() -> Result<Vec<SjabloonRegel>, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::BEHEERDERS, Some("sjablonen")).await?;
    Ok(super::service::lijst(&state.db).await?)
}

/// One template with its example, its revisions and the diff of two of them.
#[server(prefix = "/api", endpoint = "sjabloon")]
pub async fn sjabloon(slug: String, van: Option<i64>, naar: Option<i64>) -> Result<SjabloonPagina, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::BEHEERDERS, Some(&crate::gemeen::audit::schoon(&slug))).await?;
    Ok(super::service::pagina(&state.db, &slug, chrono::Utc::now(), van, naar).await?)
}

/// The editor's form data.
#[server(prefix = "/api", endpoint = "sjabloon_bewerken")]
pub async fn sjabloon_bewerken(slug: String) -> Result<BewerkData, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::BEHEERDERS, Some(&crate::gemeen::audit::schoon(&slug))).await?;
    Ok(super::service::bewerkdata(&state.db, &slug).await?)
}

/// The blank form of a new template (`/sjablonen/nieuw`).
#[server(prefix = "/api", endpoint = "sjabloon_nieuw")]
pub async fn sjabloon_nieuw() -> Result<BewerkData, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::BEHEERDERS, Some("sjablonen/nieuw")).await?;
    Ok(super::invoer::nieuwe_invoer())
}

/// The writing aid's jargon list, and whether this user may change it (coordinators).
#[server(prefix = "/api", endpoint = "jargon")]
pub async fn jargon() -> Result<JargonPagina, AppError> {
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, super::BEHEERDERS, Some("sjablonen/jargon")).await?;
    Ok(super::jargon::pagina(&state.db, g.heeft_een_van(super::JARGONBEHEERDERS)).await?)
}
