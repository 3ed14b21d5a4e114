//! The server function that lists a case's documents. Thin: check the role and the object, call
//! the service. Uploads and downloads are plain HTTP routes (multipart forms and file answers).

use super::model::Document;
use crate::error::AppError;
use leptos::prelude::*;

/// The documents of a case, for those who may see the case.
#[server(prefix = "/api", endpoint = "documenten")]
pub async fn documenten(referentie: String) -> Result<Vec<Document>, AppError> {
    use crate::gemeen::audit::{Actie, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let (g, referentie) = crate::zaak::toegang::toegang_tot(&state.db, &referentie).await?;
    // A read of case data: in the audit log, whichever part of the page asks.
    let object = format!("{referentie} documenten");
    schrijf_voor_verzoek(&state.db, Some(&g), Actie::Bekijken, Some(&object)).await;
    Ok(super::service::van_melding(&state.db, referentie.as_str()).await?)
}
