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
