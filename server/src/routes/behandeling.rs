//! `POST /meldingen/<referentie>/stap` (a step of the state machine) and
//! `POST /meldingen/<referentie>/tijdlijn` (a note, contactmoment or correction).
//! Success answers 303 back to the case; a refusal shows the case again with the messages next
//! to the fields and everything the case worker typed.

use super::render::pagina;
use crate::router::ServerState;
use app::audit::{self, Actie, Wie};
use app::auth::model::{CASEWERK, Gebruiker};
use app::auth::service::Aangemeld;
use app::behandeling::formulier::{StapFormulier, StapStand};
use app::behandeling::service::{self, BehandelFout};
use app::behandeling::tijdlijn::{Notitie, NotitieFormulier};
use app::meldingen::model::Referentie;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, RawPathParams, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;

pub fn adres(parts: &Parts) -> Option<std::net::IpAddr> {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip())
}

/// The signed-in staff member who may handle the case named by the path's `{referentie}`, for
/// every form route under `/meldingen/<referentie>/`: the check below, run as an extractor, so a
/// refusal (login, 403 or 404, audited) is answered before the handler runs.
pub struct Zaak {
    pub g: Gebruiker,
    pub referentie: Referentie,
}

impl FromRequestParts<ServerState> for Zaak {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &ServerState) -> Result<Self, Response> {
        let params = RawPathParams::from_request_parts(parts, state).await.map_err(IntoResponse::into_response)?;
        let ruw = params.iter().find(|(k, _)| *k == "referentie").map(|(_, v)| v.to_string()).unwrap_or_default();
        let (g, referentie) = casewerker(state, parts, &ruw).await?;
        Ok(Self { g, referentie })
    }
}

/// The logged-in case worker who may handle the melding `ruw` (as it stands in the path), and
/// its parsed reference; or the refusal, logged in the audit log. The role is checked first; an
/// unknown reference, or a melding about another organiser for an account manager, gets a 404.
async fn casewerker(state: &ServerState, parts: &Parts, ruw: &str) -> Result<(Gebruiker, Referentie), Response> {
    let object = audit::schoon(ruw);
    let object = object.as_str();
    let niet_gevonden = || (StatusCode::NOT_FOUND, "Deze melding bestaat niet.").into_response();
    let g = parts.extensions.get::<Aangemeld>().map(|a| a.0.clone());
    match g {
        Some(g) if g.heeft_een_van(CASEWERK) => {
            let Some(referentie) = Referentie::parse(ruw) else { return Err(niet_gevonden()) };
            match app::meldingen::service::mag_zien(&state.app.db, &g, referentie.as_str()).await {
                Ok(true) => Ok((g, referentie)),
                Ok(false) => {
                    audit::schrijf(&state.app.db, Wie::Gebruiker(&g), Actie::Geweigerd, Some(object), adres(parts))
                        .await;
                    Err(niet_gevonden())
                }
                Err(e) => {
                    tracing::error!(error = %e, "access check failed");
                    Err((StatusCode::SERVICE_UNAVAILABLE, "Dit lukt nu niet door een storing bij ons.").into_response())
                }
            }
        }
        Some(g) => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(&g), Actie::Geweigerd, Some(object), adres(parts)).await;
            Err((StatusCode::FORBIDDEN, "U hebt geen toegang tot deze melding.").into_response())
        }
        None => {
            audit::schrijf(&state.app.db, Wie::Onbekend, Actie::Geweigerd, Some(object), adres(parts)).await;
            Err(Redirect::to("/login").into_response())
        }
    }
}

pub(crate) fn velden(body: &Bytes) -> Vec<(String, String)> {
    form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).take(64).collect()
}

fn status_voor(e: &BehandelFout) -> StatusCode {
    match e {
        BehandelFout::Verouderd { .. } => StatusCode::CONFLICT,
        BehandelFout::NietGevonden => StatusCode::NOT_FOUND,
        BehandelFout::Db(_) | BehandelFout::Inconsistent(_) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

pub(crate) async fn opnieuw(
    state: &ServerState,
    parts: &Parts,
    referentie: &Referentie,
    stand: StapStand,
    code: StatusCode,
) -> Response {
    let pad = format!("/meldingen/{referentie}");
    pagina(state, parts, &pad, stand, code).await
}

/// After a step or a timeline entry: audit and 303 back to the case, or the case again with the
/// reason (and, for a stale version, what changed since).
async fn afronden(
    state: &ServerState,
    parts: &Parts,
    g: &Gebruiker,
    referentie: &Referentie,
    actie: Actie,
    resultaat: Result<(), BehandelFout>,
    mut stand: StapStand,
) -> Response {
    match resultaat {
        Ok(()) => {
            audit::schrijf(&state.app.db, Wie::Gebruiker(g), actie, Some(referentie.as_str()), adres(parts)).await;
            Redirect::to(&format!("/meldingen/{referentie}#tijdlijn")).into_response()
        }
        Err(e) => {
            if matches!(e, BehandelFout::Db(_) | BehandelFout::Inconsistent(_)) {
                tracing::error!(error = %e, "case change failed");
            }
            let code = status_voor(&e);
            stand.melding = Some(e.voor_gebruiker());
            if matches!(e, BehandelFout::Geweigerd(app::behandeling::model::Weigering::GeenDienst)) {
                stand.fouten.zet("dienst", &e.voor_gebruiker());
            }
            if let BehandelFout::Verouderd { wijzigingen, .. } = e {
                stand.wijzigingen = wijzigingen;
            }
            opnieuw(state, parts, referentie, stand, code).await
        }
    }
}

pub async fn stap(
    State(state): State<ServerState>,
    Zaak { g, referentie }: Zaak,
    parts: Parts,
    body: Bytes,
) -> Response {
    let velden = velden(&body);
    let formulier = StapFormulier::uit_velden(velden.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let mut stand = StapStand {
        formulier: formulier.soort().map(|s| s.code().to_string()).unwrap_or_default(),
        invoer: formulier.0.clone(),
        ..Default::default()
    };
    let Some(versie) = formulier.versie() else {
        stand.melding = Some("Laad de melding opnieuw en probeer nog eens.".into());
        return opnieuw(&state, &parts, &referentie, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let handeling = match formulier.parse(&g.id) {
        Ok(h) => h,
        Err(fouten) => {
            stand.fouten = fouten;
            return opnieuw(&state, &parts, &referentie, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let resultaat =
        service::voer_uit(&state.app.db, &g, referentie.as_str(), versie, handeling, chrono::Utc::now()).await;
    afronden(&state, &parts, &g, &referentie, Actie::Overgang, resultaat.map(|_| ()), stand).await
}

pub async fn tijdlijn(
    State(state): State<ServerState>,
    Zaak { g, referentie }: Zaak,
    parts: Parts,
    body: Bytes,
) -> Response {
    let mut f = NotitieFormulier::default();
    for (k, v) in velden(&body) {
        let v: String = v.chars().take(app::behandeling::tijdlijn::MAX_TEKST + 1).collect();
        match k.as_str() {
            "soort" => f.soort = v,
            "kanaal" => f.kanaal = v,
            "richting" => f.richting = v,
            "partij" => f.partij = v,
            "tekst" => f.tekst = v,
            "corrigeert" => f.corrigeert = v,
            _ => {}
        }
    }
    let invoer = [
        ("soort", &f.soort),
        ("kanaal", &f.kanaal),
        ("richting", &f.richting),
        ("partij", &f.partij),
        ("tekst", &f.tekst),
        ("corrigeert", &f.corrigeert),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.clone()))
    .collect();
    let mut stand = StapStand { formulier: "notitie".into(), invoer, ..Default::default() };
    let notitie = match Notitie::parse(&f) {
        Ok(n) => n,
        Err(fouten) => {
            stand.fouten = fouten;
            return opnieuw(&state, &parts, &referentie, stand, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let resultaat = service::noteer(&state.app.db, &g, referentie.as_str(), notitie, chrono::Utc::now()).await;
    afronden(&state, &parts, &g, &referentie, Actie::Wijzigen, resultaat, stand).await
}
