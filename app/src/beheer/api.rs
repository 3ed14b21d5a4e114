//! Server functions for the maintenance pages and the referral list. Thin: role, then service.

use super::model::Dienst;
use crate::error::AppError;
use crate::termijnen::regels::Termijnregel;
use leptos::prelude::*;

/// Every service, also deactivated ones (coordinators).
#[server(prefix = "/api", endpoint = "beheer_diensten")]
pub async fn beheer_diensten() -> Result<Vec<Dienst>, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::BEHEERDERS, Some("beheer/diensten")).await?;
    Ok(super::service::diensten(&state.db).await?)
}

/// Every deadline rule (coordinators).
#[server(prefix = "/api", endpoint = "beheer_termijnen")]
pub async fn beheer_termijnen() -> Result<Vec<Termijnregel>, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::BEHEERDERS, Some("beheer/termijnen")).await?;
    Ok(super::service::termijnregels(&state.db).await?)
}

/// The active services a case worker can refer to.
#[server(prefix = "/api", endpoint = "dienstkeuze")]
pub async fn dienstkeuze() -> Result<Vec<Dienst>, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some("diensten")).await?;
    Ok(super::service::actieve_diensten(&state.db).await?)
}
