//! Server functions for the knowledge base. Thin: check the role, call the service.

use super::model::{
    BewerkData, LiveVoorbeeld, PaginaWeergave, RevisieWeergave, Revisies, Suggestie, Thema, ZoekFilter, ZoekResultaat,
};
use crate::error::AppError;
use leptos::prelude::*;

/// The reader of this request: staff with a reading role, otherwise the public.
#[cfg(feature = "ssr")]
fn lezer() -> super::model::Lezer {
    match crate::auth::service::huidige_gebruiker() {
        Some(g) if g.heeft_een_van(super::LEZERS) => super::model::Lezer::Medewerker,
        _ => super::model::Lezer::Publiek,
    }
}

/// A page: `waar` is `kennisbank` (staff, any page) or `faq`/`regelgeving` (public pages only).
#[server(prefix = "/api", endpoint = "kennis_pagina")]
pub async fn kennis_pagina(slug: String, waar: String) -> Result<PaginaWeergave, AppError> {
    use super::model::{Lezer, publiek_pad};
    let state = crate::state::app_state()?;
    let lezer = if waar == "kennisbank" {
        crate::auth::service::toegang(&state.db, super::LEZERS, Some("kennisbank")).await?;
        Lezer::Medewerker
    } else {
        Lezer::Publiek
    };
    let p =
        super::weergave::weergave(&state.db, &slug, lezer).await?.ok_or_else(|| AppError::NietGevonden.met_status())?;
    let juist = lezer == Lezer::Medewerker || publiek_pad(&p.soort, &p.slug) == format!("/{waar}/{slug}");
    if juist { Ok(p) } else { Err(AppError::NietGevonden.met_status()) }
}

/// Every page the reader may see, by theme (`publiek`: as the public, also for staff).
#[server(prefix = "/api", endpoint = "kennis_index")]
pub async fn kennis_index(publiek: bool) -> Result<Vec<Thema>, AppError> {
    use super::model::Lezer;
    let state = crate::state::app_state()?;
    let lezer = if publiek {
        Lezer::Publiek
    } else {
        crate::auth::service::toegang(&state.db, super::LEZERS, Some("kennisbank")).await?;
        Lezer::Medewerker
    };
    Ok(super::weergave::index(&state.db, lezer).await?)
}

/// Search: staff search every page, everyone else the published public pages.
#[server(prefix = "/api", endpoint = "kennis_zoeken")]
pub async fn kennis_zoeken(filter: ZoekFilter) -> Result<ZoekResultaat, AppError> {
    let state = crate::state::app_state()?;
    Ok(super::weergave::zoek(&state.db, &state.kennis, &filter, lezer()).await?)
}

/// The editor's form data (knowledge editors only).
#[server(prefix = "/api", endpoint = "kennis_bewerken")]
pub async fn kennis_bewerken(slug: String) -> Result<BewerkData, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::BEHEERDERS, Some(&crate::gemeen::audit::schoon(&slug))).await?;
    Ok(super::weergave::bewerk_data(&state.db, &slug).await?)
}

/// The revisions of a page and the diff between two of them.
#[server(prefix = "/api", endpoint = "kennis_revisies")]
pub async fn kennis_revisies(slug: String, van: Option<i64>, naar: Option<i64>) -> Result<Revisies, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::LEZERS, Some(&crate::gemeen::audit::schoon(&slug))).await?;
    Ok(super::service::revisies(&state.db, &slug, van, naar).await?)
}

/// Suggestions while typing in a search field: a plain GET answering JSON, for the island.
#[server(prefix = "/api", endpoint = "kennis_suggesties", input = leptos::server_fn::codec::GetUrl)]
pub async fn kennis_suggesties(q: String) -> Result<Vec<Suggestie>, AppError> {
    let state = crate::state::app_state()?;
    let q: String = q.chars().take(200).collect();
    Ok(super::weergave::suggesties(&state.db, &state.kennis, &q, lezer()).await?)
}

/// The editor's live preview (knowledge editors only); nothing is stored.
#[server(prefix = "/api", endpoint = "kennis_voorbeeld")]
pub async fn kennis_voorbeeld(inhoud: String) -> Result<LiveVoorbeeld, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::BEHEERDERS, None).await?;
    if inhoud.chars().count() > super::omzetten::MAX_INHOUD {
        return Err(AppError::Ongeldig("Deze tekst is te lang voor een voorbeeld.".into()).met_status());
    }
    Ok(super::weergave::live_voorbeeld(&state.db, &inhoud).await?)
}

/// One earlier revision of a page, as it read then (staff who read the knowledge base).
#[server(prefix = "/api", endpoint = "kennis_revisie")]
pub async fn kennis_revisie(slug: String, nummer: i64) -> Result<RevisieWeergave, AppError> {
    let state = crate::state::app_state()?;
    crate::auth::service::toegang(&state.db, super::LEZERS, Some(&crate::gemeen::audit::schoon(&slug))).await?;
    Ok(super::service::revisie(&state.db, &slug, nummer).await?)
}
