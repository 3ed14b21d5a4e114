//! Server functions that list documents. Thin: check the role and the object, call the service.
//! Uploads and downloads are plain HTTP routes (multipart forms and file answers).

use super::model::Document;
use crate::error::AppError;
use leptos::prelude::*;

/// The documents of a case, for those who may see the case.
#[server(prefix = "/api", endpoint = "documenten")]
pub async fn documenten(referentie: String) -> Result<Vec<Document>, AppError> {
    use crate::gemeen::audit::{Actie, schoon, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some(&schoon(&referentie))).await?;
    let referentie =
        crate::meldingen::model::Referentie::parse(&referentie).ok_or_else(|| AppError::NietGevonden.met_status())?;
    if !crate::meldingen::service::mag_zien(&state.db, &g, referentie.as_str()).await? {
        schrijf_voor_verzoek(&state.db, Some(&g), Actie::Geweigerd, Some(referentie.as_str())).await;
        return Err(AppError::NietGevonden.met_status());
    }
    Ok(super::service::van_melding(&state.db, referentie.as_str()).await?)
}

/// The documents attached to an advice request, for the expert it is addressed to.
#[server(prefix = "/api", endpoint = "advies_documenten")]
pub async fn advies_documenten(id: String) -> Result<Vec<Document>, AppError> {
    use crate::gemeen::audit::{Actie, schoon, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let object = format!("adviesvraag:{}", schoon(&id));
    let g = crate::auth::service::toegang(&state.db, &[crate::auth::model::Rol::Expert], Some(&object)).await?;
    if crate::advies::service::aan_mij(&state.db, &g, &id).await?.is_none() {
        schrijf_voor_verzoek(&state.db, Some(&g), Actie::Geweigerd, Some(&object)).await;
        return Err(AppError::NietGevonden.met_status());
    }
    Ok(super::service::van_adviesvraag(&state.db, &id).await?)
}
