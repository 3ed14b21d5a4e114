//! Server functions for the admin pages. Thin: check the role, call the service.

use super::model::{AccountRegel, BeheerOverzicht};
use crate::error::AppError;
use leptos::prelude::*;

/// Every account with its roles and second-factor state, and the per-role requirement.
#[server(prefix = "/api", endpoint = "beheer_accounts")]
pub async fn beheer_accounts() -> Result<BeheerOverzicht, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, &[crate::auth::model::Rol::Beheerder], Some("accounts")).await?;
    Ok(super::service::overzicht(&state.db).await?)
}

/// One account.
#[server(prefix = "/api", endpoint = "beheer_account")]
pub async fn beheer_account(id: String) -> Result<AccountRegel, AppError> {
    let state = crate::state::app_state()?;
    let object = format!("account:{}", crate::gemeen::audit::schoon(&id));
    crate::auth::service::toegang(&state.db, &[crate::auth::model::Rol::Beheerder], Some(&object)).await?;
    super::service::account(&state.db, &id).await.map_err(|e| AppError::from(e).met_status())
}
