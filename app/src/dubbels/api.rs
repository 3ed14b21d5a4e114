//! Server function for the links and proposals on a case page. Thin: check the role and the
//! object, call the service.

use super::model::Koppelingen;
use crate::error::AppError;
use leptos::prelude::*;

/// The meldingen linked to this one and the possible duplicates, for those who may see the case.
/// An account manager sees only the linked meldingen they may see themselves.
#[server(prefix = "/api", endpoint = "koppelingen")]
pub async fn koppelingen_van(referentie: String) -> Result<Koppelingen, AppError> {
    use crate::gemeen::audit::{Actie, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let (g, referentie) = crate::zaak::toegang::toegang_tot(&state.db, &referentie).await?;
    // A read of case data: in the audit log, whichever part of the page asks.
    let object = format!("{referentie} koppelingen");
    schrijf_voor_verzoek(&state.db, Some(&g), Actie::Bekijken, Some(&object)).await;
    Ok(super::service::zichtbare_koppelingen(&state.db, &g, referentie.as_str()).await?)
}
