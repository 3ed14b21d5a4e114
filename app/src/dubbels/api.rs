//! Server function for the links and proposals on a case page. Thin: check the role and the
//! object, call the service.

use super::model::Koppelingen;
use crate::error::AppError;
use leptos::prelude::*;

/// The meldingen linked to this one and the possible duplicates, for those who may see the case.
/// An account manager sees only the linked meldingen they may see themselves.
#[server(prefix = "/api", endpoint = "koppelingen")]
pub async fn koppelingen_van(referentie: String) -> Result<Koppelingen, AppError> {
    use crate::gemeen::audit::{Actie, schoon, schrijf_voor_verzoek};
    use crate::zaak::toegang::mag_zien;
    let state = crate::state::app_state()?;
    let g = crate::auth::service::toegang(&state.db, crate::auth::model::CASEWERK, Some(&schoon(&referentie))).await?;
    let referentie =
        crate::zaak::model::Referentie::parse(&referentie).ok_or_else(|| AppError::NietGevonden.met_status())?;
    if !mag_zien(&state.db, &g, referentie.as_str()).await? {
        schrijf_voor_verzoek(&state.db, Some(&g), Actie::Geweigerd, Some(referentie.as_str())).await;
        return Err(AppError::NietGevonden.met_status());
    }
    let mut k = super::service::koppelingen(&state.db, referentie.as_str()).await?;
    if !g.ziet_alle_meldingen() {
        let mut zichtbaar = Vec::new();
        for x in k.gekoppeld {
            if mag_zien(&state.db, &g, &x.referentie).await? {
                zichtbaar.push(x);
            }
        }
        k.gekoppeld = zichtbaar;
        let mut voorstellen = Vec::new();
        for x in k.voorstellen {
            if mag_zien(&state.db, &g, &x.referentie).await? {
                voorstellen.push(x);
            }
        }
        k.voorstellen = voorstellen;
    }
    Ok(k)
}
