//! The server function that lists a case's documents. Thin: check the role and the object, call
//! the service. Uploads and downloads are plain HTTP routes (multipart forms and file answers).

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
        crate::zaak::model::Referentie::parse(&referentie).ok_or_else(|| AppError::NietGevonden.met_status())?;
    if !crate::zaak::toegang::mag_zien(&state.db, &g, referentie.as_str()).await? {
        schrijf_voor_verzoek(&state.db, Some(&g), Actie::Geweigerd, Some(referentie.as_str())).await;
        return Err(AppError::NietGevonden.met_status());
    }
    Ok(super::service::van_melding(&state.db, referentie.as_str()).await?)
}
