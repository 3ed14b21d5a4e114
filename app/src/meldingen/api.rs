//! Server functions for meldingen. Thin: check the role, call the service.

use super::model::{MeldingDetail, WerkbakPagina};
use crate::error::AppError;
use leptos::prelude::*;

/// One page of a werkbak view. `query` is the query string of `/werkbak`;
/// `WerkbakFilter::uit_query` reads it leniently.
#[server(prefix = "/api", endpoint = "werkbak")]
pub async fn werkbak(query: Option<String>) -> Result<WerkbakPagina, AppError> {
    use crate::zaak::werkbak_filter::{Weergave, WerkbakFilter};
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some("werkbak")).await?;
    let query = query.unwrap_or_default();
    let velden: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().take(32).collect();
    let mut filter = WerkbakFilter::uit_query(|k| velden.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()));
    if filter.weergave == Some(Weergave::Mijn) {
        // Handled or co-handled (klantenbeheerder kinderopvang) by the user.
        filter.mijn = Some(g.id.clone());
    }
    if !g.ziet_alle_meldingen() {
        filter.accountbeheerder = Some(g.id.clone());
    }
    // A search can look up a reporter by name or e-mail address: that read is logged, with
    // what was searched.
    if let Some(zoek) = filter.zoek.as_deref().filter(|z| !z.trim().is_empty()) {
        use crate::gemeen::audit::{Actie, schoon, schrijf_voor_verzoek};
        let object = format!("werkbak zoeken: {}", schoon(zoek));
        schrijf_voor_verzoek(&state.db, Some(&g), Actie::Bekijken, Some(&object)).await;
    }
    Ok(super::service::werkbak(&state.db, &filter).await?)
}

/// A melding with its location, melder and timeline.
#[server(prefix = "/api", endpoint = "melding")]
pub async fn melding(referentie: String) -> Result<MeldingDetail, AppError> {
    use crate::gemeen::audit::{Actie, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let (g, referentie) = crate::zaak::toegang::toegang_tot(&state.db, &referentie).await?;
    let mut detail =
        super::service::detail(&state.db, &referentie).await?.ok_or_else(|| AppError::NietGevonden.met_status())?;
    let nu = chrono::Utc::now();
    detail.adviesvragen = crate::advies::service::van_melding(&state.db, referentie.as_str(), nu).await?;
    detail.geadresseerden = crate::advies::service::geadresseerden(&state.db).await?;
    if g.rollen.contains(&crate::auth::model::Rol::Coordinator) {
        detail.medewerkers = crate::behandeling::service::medewerkers(&state.db).await?;
    }
    // Reading a case shows the melder's personal data: that is logged, not only changes.
    schrijf_voor_verzoek(&state.db, Some(&g), Actie::Bekijken, Some(referentie.as_str())).await;
    Ok(detail)
}
