//! Server functions for locations.

use super::model::LocatieKeuze;
use crate::error::AppError;
use leptos::prelude::*;

/// The location picker on the public melding form (public: no account needed). A plain GET
/// (`/api/zoek_locaties?q=…`) that answers JSON, so the island can call it with `fetch` alone.
#[server(prefix = "/api", endpoint = "zoek_locaties", input = leptos::server_fn::codec::GetUrl)]
pub async fn zoek_locaties(q: String) -> Result<Vec<LocatieKeuze>, AppError> {
    let q: String = q.chars().take(100).collect();
    if q.trim().chars().count() < 2 {
        return Ok(Vec::new());
    }
    let state = crate::state::app_state()?;
    let personeel = crate::auth::aangemelde().is_some();
    crate::limiet::voor_server_fn(&state.limieten, personeel, crate::limiet::Soort::LocatieZoeken)?;
    super::repo::zoek(&state.db, &q, 10).await.map_err(|e| {
        tracing::error!(error = %e, "location search failed");
        AppError::Intern
    })
}

#[cfg(feature = "ssr")]
fn db_fout(e: surrealdb::Error) -> AppError {
    tracing::error!(error = %e, "overview failed");
    AppError::Intern
}

/// Not found, and the refusal audited: an account manager asked for an organiser or location
/// that is not theirs (the same answer as for one that does not exist).
#[cfg(feature = "ssr")]
async fn geweigerd(db: &crate::gemeen::Db, g: &crate::auth::model::Gebruiker, object: &str) -> AppError {
    use crate::gemeen::audit::{Actie, schrijf_voor_verzoek};
    schrijf_voor_verzoek(db, Some(g), Actie::Geweigerd, Some(object)).await;
    AppError::NietGevonden.met_status()
}

/// An organiser with its locations and meldingen (staff who handle cases; an account manager
/// only their own organisers, or the meldingen they co-handle).
#[server(prefix = "/api", endpoint = "organisator")]
pub async fn organisator(id: String) -> Result<super::overzicht::OrganisatorOverzicht, AppError> {
    let state = crate::state::app_state()?;
    let db = &state.db;
    let object = format!("organisator:{}", crate::gemeen::audit::schoon(&id));
    let g = crate::auth::service::toegang(db, crate::auth::model::CASEWERK, Some(&object)).await?;
    let mut o = super::service::organisator(db, &id, chrono::Utc::now())
        .await
        .map_err(db_fout)?
        .ok_or_else(|| AppError::NietGevonden.met_status())?;
    match super::service::voor_kijker(db, &g, o.beheerder_id.as_deref(), std::mem::take(&mut o.meldingen)).await? {
        Some(meldingen) => Ok(super::overzicht::OrganisatorOverzicht { meldingen, ..o }),
        None => Err(geweigerd(db, &g, &object).await),
    }
}

/// A location with its meldingen (the same rule as for its organiser).
#[server(prefix = "/api", endpoint = "locatie")]
pub async fn locatie(id: String) -> Result<super::overzicht::LocatieOverzicht, AppError> {
    let state = crate::state::app_state()?;
    let db = &state.db;
    let object = format!("locatie:{}", crate::gemeen::audit::schoon(&id));
    let g = crate::auth::service::toegang(db, crate::auth::model::CASEWERK, Some(&object)).await?;
    let mut l = super::service::locatie_overzicht(db, &id, chrono::Utc::now())
        .await
        .map_err(db_fout)?
        .ok_or_else(|| AppError::NietGevonden.met_status())?;
    match super::service::voor_kijker(db, &g, l.beheerder_id.as_deref(), std::mem::take(&mut l.meldingen)).await? {
        Some(meldingen) => Ok(super::overzicht::LocatieOverzicht { meldingen, ..l }),
        None => Err(geweigerd(db, &g, &object).await),
    }
}
