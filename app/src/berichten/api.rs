//! Server functions for messages. Thin: check the role and the case, call the service.

use super::model::{BerichtDetail, Berichtenlijst, LiveBerichtVoorbeeld, SchrijfPagina};
use crate::error::AppError;
use leptos::prelude::*;

/// The composer of a case: the templates, parties, documents and, with `sjabloon`, the draft.
#[server(prefix = "/api", endpoint = "schrijven")]
pub async fn schrijfpagina(referentie: String, sjabloon: Option<String>) -> Result<SchrijfPagina, AppError> {
    let state = crate::state::app_state()?;
    let (_, r) = crate::zaak::toegang::toegang_tot(&state.db, &referentie).await?;
    let a = &state.config.afzender;
    Ok(super::service::pagina(&state.db, a, r.as_str(), sjabloon.as_deref(), chrono::Utc::now()).await?)
}

/// One message in full, with whether this reader may review it.
#[server(prefix = "/api", endpoint = "bericht")]
pub async fn bericht(id: String) -> Result<BerichtDetail, AppError> {
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some(&crate::gemeen::audit::schoon(&id)))
        .await?;
    Ok(super::lezen::detail(&state.db, &g, &id).await?)
}

/// The messages waiting for a second reader (coordinators).
#[server(prefix = "/api", endpoint = "nazicht")]
pub async fn nazicht() -> Result<Berichtenlijst, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::NAZIENERS, Some("nazicht")).await?;
    Ok(super::lezen::lijst(&state.db, &state.config.afzender, &[super::model::BerichtStatus::Nazicht]).await?)
}

/// The outbox: waiting and failed messages (coordinators).
#[server(prefix = "/api", endpoint = "uitgaand")]
pub async fn uitgaand() -> Result<Berichtenlijst, AppError> {
    use super::model::BerichtStatus as S;
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::NAZIENERS, Some("uitgaand")).await?;
    Ok(super::lezen::lijst(&state.db, &state.config.afzender, &[S::Mislukt, S::Wachtrij]).await?)
}

/// The composer's live preview of a body (staff who write messages); nothing is stored.
#[server(prefix = "/api", endpoint = "bericht_voorbeeld")]
pub async fn bericht_voorbeeld(inhoud: String) -> Result<LiveBerichtVoorbeeld, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, None).await?;
    if inhoud.chars().count() > super::model::MAX_INHOUD {
        return Err(AppError::Ongeldig("Deze tekst is te lang voor een voorbeeld.".into()).met_status());
    }
    let jargon = crate::sjablonen::jargon::voor_schrijfhulp(&state.db).await;
    Ok(super::service::live_voorbeeld(&inhoud, &jargon))
}
