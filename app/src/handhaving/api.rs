//! Server functions of enforcement. Thin: check who asks, call the service.

use super::model::Register;
use crate::error::AppError;
use leptos::prelude::*;

/// The public register (no account): published steps after their embargo, searched by name or
/// municipality.
#[server(prefix = "/api", endpoint = "register")]
pub async fn openbaar_register(zoek: String) -> Result<Register, AppError> {
    let state = crate::state::app_state()?;
    let zoek: String = zoek.chars().filter(|c| !c.is_control()).take(100).collect();
    let instelling = super::lezen::Registerinstelling::default();
    Ok(super::lezen::register(&state.db, &zoek, instelling, chrono::Utc::now()).await?)
}

/// The dossiers (account managers and coordinators; case workers read).
#[server(prefix = "/api", endpoint = "dossiers")]
pub async fn dossiers() -> Result<super::model::Dossierlijst, AppError> {
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some("dossiers")).await?;
    Ok(super::dossiers::lijst(&state.db, &g).await?)
}

/// One dossier with its steps and the licence's history.
#[server(prefix = "/api", endpoint = "dossier")]
pub async fn dossier(id: String) -> Result<super::model::DossierPagina, AppError> {
    let state = crate::state::app_state()?;
    let object = crate::gemeen::audit::schoon(&id);
    let g = crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some(&object)).await?;
    Ok(super::dossiers::pagina(&state.db, &g, &id).await?)
}
