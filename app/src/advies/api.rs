//! Server functions for the expert's pages. Thin: check the role, call the service.

use super::model::{AdviesDossier, Adviesvraag};
use crate::documenten::model::Document;
use crate::error::AppError;
use leptos::prelude::*;

/// The requests addressed to the logged-in expert, with the case reference.
#[server(prefix = "/api", endpoint = "mijn_adviesvragen")]
pub async fn mijn_adviesvragen() -> Result<Vec<(String, Adviesvraag)>, AppError> {
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, &[crate::auth::model::Rol::Expert], Some("advies")).await?;
    Ok(super::service::voor_expert(&state.db, &g, chrono::Utc::now()).await?)
}

/// One request as the expert sees it; a request not addressed to them does not exist for them.
#[server(prefix = "/api", endpoint = "open_adviesvraag")]
pub async fn open_adviesvraag(id: String) -> Result<AdviesDossier, AppError> {
    use crate::gemeen::audit::{Actie, schoon, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let object = format!("adviesvraag:{}", schoon(&id));
    let g = crate::auth::service::toegang(&state.db, &[crate::auth::model::Rol::Expert], Some(&object)).await?;
    match super::service::dossier(&state.db, &g, &id, chrono::Utc::now()).await {
        Ok(d) => {
            schrijf_voor_verzoek(&state.db, Some(&g), Actie::Bekijken, Some(&object)).await;
            Ok(d)
        }
        Err(e) => {
            if matches!(e, super::service::AdviesFout::NietGevonden) {
                schrijf_voor_verzoek(&state.db, Some(&g), Actie::Geweigerd, Some(&object)).await;
            }
            Err(AppError::from(e).met_status())
        }
    }
}

/// The documents attached to an advice request, for the expert it is addressed to.
#[server(prefix = "/api", endpoint = "advies_documenten")]
pub async fn advies_documenten(id: String) -> Result<Vec<Document>, AppError> {
    use crate::gemeen::audit::{Actie, schoon, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let object = format!("adviesvraag:{}", schoon(&id));
    let g = crate::auth::service::toegang(&state.db, &[crate::auth::model::Rol::Expert], Some(&object)).await?;
    if super::service::aan_mij(&state.db, &g, &id).await?.is_none() {
        schrijf_voor_verzoek(&state.db, Some(&g), Actie::Geweigerd, Some(&object)).await;
        return Err(AppError::NietGevonden.met_status());
    }
    Ok(crate::documenten::service::van_adviesvraag(&state.db, &id).await?)
}
