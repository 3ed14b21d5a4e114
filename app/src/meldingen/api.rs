//! Server functions for meldingen. Thin: check the role, call the service.

#[cfg(feature = "ssr")]
use super::model::MeldingDetail;
use super::model::{WerkbakPagina, Zaakpagina};
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
    let mut pagina = super::service::werkbak(&state.db, &filter).await?;
    // Coordinators handle the outbox: a failed message is theirs to retry or cancel.
    if g.heeft_een_van(crate::berichten::NAZIENERS) {
        pagina.niet_verzonden = crate::berichten::lezen::niet_verzonden(&state.db).await.ok();
    }
    Ok(pagina)
}

/// The case page: the melding with its location, melder, timeline and clocks, and the parts
/// of the other features it shows (analysis, citations, documents, links). One access check,
/// the parts loaded side by side, and one audit entry for the view, written while they load.
/// `kennis` is the knowledge-base search typed on the page.
#[server(prefix = "/api", endpoint = "melding")]
pub async fn melding(referentie: String, kennis: Option<String>) -> Result<Zaakpagina, AppError> {
    use crate::gemeen::audit::{Actie, schrijf_voor_verzoek};
    let state = crate::state::app_state()?;
    let db = &state.db;
    let (g, referentie) = crate::zaak::toegang::toegang_tot(db, &referentie).await?;
    let r = referentie.as_str();
    let nu = chrono::Utc::now();
    let fout = |e: AppError| e.met_status();
    // Reading a case shows the melder's personal data: that is logged, not only changes.
    let (detail, analyse, citaten, documenten, koppelingen, berichten, ()) = tokio::join!(
        basis(db, &g, &referentie, nu),
        crate::analyse::dossier::dossier(db, &g, r, nu),
        crate::citaten::service::data(db, &state.kennis, r, kennis.as_deref().unwrap_or_default()),
        crate::documenten::service::van_melding(db, r),
        crate::dubbels::service::zichtbare_koppelingen(db, &g, r),
        crate::berichten::lezen::van_melding(db, r),
        schrijf_voor_verzoek(db, Some(&g), Actie::Bekijken, Some(r)),
    );
    Ok(Zaakpagina {
        detail: detail?,
        analyse: analyse.map_err(|e| fout(e.into())),
        citaten: citaten.map_err(|e| fout(e.into())),
        documenten: documenten.map_err(|e| fout(e.into())),
        koppelingen: koppelingen.map_err(|e| fout(e.into())),
        berichten: berichten.map_err(|e| fout(e.into())),
    })
}

/// The melding itself with its advice requests, and the staff list a coordinator assigns from.
#[cfg(feature = "ssr")]
async fn basis(
    db: &crate::gemeen::Db,
    g: &crate::auth::model::Gebruiker,
    referentie: &crate::zaak::model::Referentie,
    nu: chrono::DateTime<chrono::Utc>,
) -> Result<MeldingDetail, AppError> {
    let mut detail =
        super::service::detail(db, referentie).await?.ok_or_else(|| AppError::NietGevonden.met_status())?;
    let (vragen, geadresseerden) = tokio::join!(
        crate::advies::service::van_melding(db, referentie.as_str(), nu),
        crate::advies::service::geadresseerden(db)
    );
    detail.adviesvragen = vragen?;
    detail.geadresseerden = geadresseerden?;
    if g.rollen.contains(&crate::auth::model::Rol::Coordinator) {
        detail.medewerkers = crate::behandeling::service::medewerkers(db).await?;
    }
    Ok(detail)
}
