//! The role check of a form route, as an extractor: `Met<R>` is the signed-in user holding one
//! of `R::ROLLEN`. Anyone else is refused before the handler runs: anonymous to the login page,
//! a signed-in user without the role with 403 and `R::WEIGERING`; both refusals are audited
//! with the path as object. Per-object checks (whose case, whose request) stay in the feature.

use super::model::{Gebruiker, Rol};
use super::service::Aangemeld;
use crate::gemeen::audit;
use crate::gemeen::audit::{Actie, Wie};
use crate::gemeen::http::{adres, toon_met};
use crate::gemeen::{FormEcho, GebruikersFout};
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::marker::PhantomData;
use std::net::IpAddr;

/// Who may use a group of routes, and what the others read.
pub trait Rollen: Send + Sync {
    const ROLLEN: &'static [Rol];
    const WEIGERING: &'static str;
}

pub struct Met<R> {
    pub g: Gebruiker,
    pub adres: Option<IpAddr>,
    rollen: PhantomData<R>,
}

impl<R: Rollen> FromRequestParts<AppState> for Met<R> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let adres = adres(parts);
        let wie = parts.extensions.get::<Aangemeld>().map(|a| a.0.clone());
        match wie {
            Some(g) if g.heeft_een_van(R::ROLLEN) => Ok(Self { g, adres, rollen: PhantomData }),
            wie => {
                let object = audit::schoon(parts.uri.path());
                let w = wie.as_ref().map_or(Wie::Onbekend, |g| Wie::Gebruiker(g));
                audit::schrijf(&state.db, w, Actie::Geweigerd, Some(&object), adres).await;
                Err(match wie {
                    Some(_) => (StatusCode::FORBIDDEN, R::WEIGERING).into_response(),
                    None => Redirect::to("/login").into_response(),
                })
            }
        }
    }
}

impl<R> Met<R> {
    /// Writes the audit entry of what this user did to `object`.
    pub async fn audit(&self, state: &AppState, actie: Actie, object: &str) {
        audit::schrijf(&state.db, Wie::Gebruiker(&self.g), actie, Some(object), self.adres).await;
    }

    /// The answer of a form on the page `pad`: audited and 303 back to `pad`, or the page again
    /// with the echo and the error's message.
    pub async fn afronden<E: GebruikersFout>(
        &self,
        state: &AppState,
        (actie, object): (Actie, &str),
        pad: &str,
        resultaat: Result<(), E>,
        echo: FormEcho,
    ) -> Response {
        match resultaat {
            Ok(()) => {
                self.audit(state, actie, object).await;
                Redirect::to(pad).into_response()
            }
            Err(e) => {
                e.log();
                toon_met(pad.to_string(), e.soort().status(), echo.met_fout(&e))
            }
        }
    }

    /// A refusal for one object (not theirs, or gone), audited.
    pub async fn weiger(&self, state: &AppState, object: &str) {
        self.audit(state, Actie::Geweigerd, object).await;
    }
}
