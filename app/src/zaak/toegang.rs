//! Who may see (and handle) a case. For every form under `/meldingen/<referentie>/`, an
//! extractor: the signed-in staff member who may handle the case named by the path. A refusal
//! (login, 403 or 404) is audited and answered before the handler runs. Also the two answers of a
//! case form: 303 back to the case (audited), or the case page again with the echo. And the same
//! check for server functions (`toegang_tot`) and for one case among others (`mag_zien`).

use super::model::Referentie;
use super::repo;
use crate::auth::model::{CASEWERK, Gebruiker, Rol};
use crate::auth::service::Aangemeld;
use crate::error::AppError;
use crate::gemeen::audit;
use crate::gemeen::audit::{Actie, Wie};
use crate::gemeen::http::{adres, storing, toon};
use crate::gemeen::tijdlijn::{TijdlijnItem, Wijzigingen};
use crate::gemeen::{Db, FormEcho, GebruikersFout};
use crate::state::AppState;
use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::IpAddr;

pub struct Zaak {
    pub g: Gebruiker,
    pub referentie: Referentie,
    pub adres: Option<IpAddr>,
}

impl FromRequestParts<AppState> for Zaak {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let params = RawPathParams::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let ruw = params.iter().find(|(k, _)| *k == "referentie").map(|(_, v)| v.to_string()).unwrap_or_default();
        let adres = adres(parts);
        let g = parts.extensions.get::<Aangemeld>().map(|a| a.0.clone());
        let (g, referentie) = toegang(state, g, &ruw, adres).await?;
        Ok(Self { g, referentie, adres })
    }
}

/// The role is checked first; an unknown reference, or a case about another organiser for an
/// account manager, gets a 404 as if it did not exist.
async fn toegang(
    state: &AppState,
    g: Option<Gebruiker>,
    ruw: &str,
    adres: Option<IpAddr>,
) -> Result<(Gebruiker, Referentie), Response> {
    let object = audit::schoon(ruw);
    let object = object.as_str();
    let niet_gevonden = || (StatusCode::NOT_FOUND, "Deze melding bestaat niet.").into_response();
    let Some(g) = g else {
        audit::schrijf(&state.db, Wie::Onbekend, Actie::Geweigerd, Some(object), adres).await;
        return Err(Redirect::to("/login").into_response());
    };
    if !g.heeft_een_van(CASEWERK) {
        audit::schrijf(&state.db, Wie::Gebruiker(&g), Actie::Geweigerd, Some(object), adres).await;
        return Err((StatusCode::FORBIDDEN, "U hebt geen toegang tot deze melding.").into_response());
    }
    let Some(referentie) = Referentie::parse(ruw) else { return Err(niet_gevonden()) };
    match mag_zien(&state.db, &g, referentie.as_str()).await {
        Ok(true) => Ok((g, referentie)),
        Ok(false) => {
            audit::schrijf(&state.db, Wie::Gebruiker(&g), Actie::Geweigerd, Some(object), adres).await;
            Err(niet_gevonden())
        }
        Err(e) => Err(storing(&e)),
    }
}

impl Zaak {
    pub fn pad(&self) -> String {
        format!("/meldingen/{}", self.referentie)
    }

    /// Audited, then 303 to `anker` on the case page.
    pub async fn klaar(&self, state: &AppState, actie: Actie, anker: &str) -> Response {
        let wie = Wie::Gebruiker(&self.g);
        audit::schrijf(&state.db, wie, actie, Some(self.referentie.as_str()), self.adres).await;
        Redirect::to(&format!("{}#{anker}", self.pad())).into_response()
    }

    /// The case page again with the form as typed and its messages.
    pub fn opnieuw(&self, echo: FormEcho, status: StatusCode) -> Response {
        crate::gemeen::http::toon_met(self.pad(), status, echo)
    }

    /// The case page again when the form lacks the version it was made from.
    pub fn zonder_versie(&self, echo: FormEcho) -> Response {
        self.opnieuw(echo.met_melding("Laad de melding opnieuw en probeer nog eens."), StatusCode::UNPROCESSABLE_ENTITY)
    }

    /// The case page again with the error's message (next to its field or above the form) and,
    /// for a stale version, what changed meanwhile.
    pub fn geweigerd<E: GebruikersFout>(&self, echo: FormEcho, e: &E, wijzigingen: Vec<TijdlijnItem>) -> Response {
        e.log();
        let echo = echo.met_fout(e);
        let w = Wijzigingen(wijzigingen);
        toon(self.pad(), e.soort().status(), move || {
            leptos::prelude::provide_context(echo.clone());
            leptos::prelude::provide_context(w.clone());
        })
    }
}

/// The access check failed on our side (the database); the detail goes to the log.
#[derive(Debug, thiserror::Error)]
pub enum ToegangFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
}

impl From<ToegangFout> for AppError {
    fn from(e: ToegangFout) -> Self {
        tracing::error!(error = %e, "case access check failure");
        AppError::Intern
    }
}

/// May this staff member see (and handle) this melding? Case workers and coordinators see all;
/// an account manager only the meldingen about the organisers assigned to them, and the ones
/// they co-handle.
pub async fn mag_zien(db: &Db, g: &Gebruiker, referentie: &str) -> Result<bool, ToegangFout> {
    if g.ziet_alle_meldingen() {
        return Ok(true);
    }
    if !g.rollen.contains(&Rol::KlantenbeheerderKinderopvang) {
        return Ok(false);
    }
    if repo::accountbeheerder(db, referentie).await?.flatten().as_deref() == Some(g.id.as_str()) {
        return Ok(true);
    }
    let mede = repo::medebehandelaar(db, referentie).await?;
    Ok(mede.as_deref() == Some(g.id.as_str()))
}

/// The case worker of this request who may see the melding `ruw`, and its reference. The role is
/// checked first; an unknown reference, or a melding that is not theirs, is "not found" (logged
/// as a refusal).
pub async fn toegang_tot(db: &Db, ruw: &str) -> Result<(Gebruiker, Referentie), AppError> {
    use crate::gemeen::audit::{Actie, schoon, schrijf_voor_verzoek};
    let g = crate::auth::service::toegang(db, CASEWERK, Some(&schoon(ruw))).await?;
    let referentie = Referentie::parse(ruw).ok_or_else(|| AppError::NietGevonden.met_status())?;
    if !mag_zien(db, &g, referentie.as_str()).await? {
        schrijf_voor_verzoek(db, Some(&g), Actie::Geweigerd, Some(referentie.as_str())).await;
        return Err(AppError::NietGevonden.met_status());
    }
    Ok((g, referentie))
}
