//! `POST /kennisbank/<slug>/bewerken` (preview or save) and `POST /kennisbank/<slug>/publiceren`,
//! for knowledge editors. A preview or a refusal shows the editor again with the typed text; a
//! save answers 303 to the page.

use super::fout::KennisFout;
use super::model::{BewerkInvoer, BewerkStand};
use super::omzetten::pagina_uit_invoer;
use super::{service, weergave};
use crate::auth::model::Rol;
use crate::auth::toegang::{Met, Rollen};
use crate::gemeen::audit;
use crate::gemeen::audit::Actie;
use crate::gemeen::http::{fout_antwoord, toon_met};
use crate::gemeen::{GebruikersFout, Velden};
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/kennisbank/{slug}/bewerken", post(bewerken))
        .route("/kennisbank/{slug}/publiceren", post(publiceren))
}

pub struct Kennisbeheerders;
impl Rollen for Kennisbeheerders {
    const ROLLEN: &'static [Rol] = super::BEHEERDERS;
    const WEIGERING: &'static str = "Alleen kennisbeheerders kunnen pagina's bewerken.";
}

fn invoer(v: &Velden) -> BewerkInvoer {
    let veld = |k: &str| v.get(k).to_string();
    BewerkInvoer {
        titel: veld("titel"),
        samenvatting: veld("samenvatting"),
        soort: veld("soort"),
        doelgroep: veld("doelgroep"),
        regelgeving: veld("regelgeving"),
        artikels: veld("artikels"),
        geldig_vanaf: veld("geldig_vanaf"),
        tags: veld("tags"),
        thema: veld("thema"),
        inhoud: veld("inhoud"),
        revisie: veld("revisie"),
        wijziging: veld("wijziging"),
    }
}

fn toon(slug: &str, stand: BewerkStand, status: StatusCode) -> Response {
    toon_met(format!("/kennisbank/{slug}/bewerken"), status, stand)
}

fn fout(slug: &str, mut stand: BewerkStand, e: KennisFout) -> Response {
    e.log();
    stand.melding = Some(e.bericht());
    toon(slug, stand, e.soort().status())
}

async fn bewerken(
    State(state): State<AppState>,
    wie: Met<Kennisbeheerders>,
    Path(slug): Path<String>,
    velden: Velden,
) -> Response {
    let invoer = invoer(&velden);
    let actie = velden.get("actie");
    let mut stand = match weergave::voorbeeld(&state.db, &slug, invoer.clone()).await {
        Ok(s) => s,
        Err(e) => return fout(&slug, BewerkStand { invoer, ..Default::default() }, e),
    };
    if actie == "voorbeeld" {
        return toon(&slug, stand, StatusCode::OK);
    }
    if invoer.wijziging.trim().is_empty() {
        stand.fouten.zet("wijziging", "Schrijf kort wat u gewijzigd hebt.");
    }
    let (Ok(p), true) = (pagina_uit_invoer(&slug, &invoer), stand.fouten.is_empty()) else {
        stand.melding = Some("Nog niet bewaard: verbeter de velden met een melding.".into());
        return toon(&slug, stand, StatusCode::UNPROCESSABLE_ENTITY);
    };
    if actie != "toch_opslaan" && !stand.kapotte_links.is_empty() {
        stand.melding = Some(
            "Nog niet bewaard: sommige links verwijzen naar pagina's die niet bestaan. Pas ze aan, of kies \
             \"Toch opslaan\"."
                .into(),
        );
        return toon(&slug, stand, StatusCode::OK);
    }
    let Ok(gelezen) = invoer.revisie.trim().parse::<i64>() else {
        stand.melding = Some("Laad de pagina opnieuw en probeer nog eens.".into());
        return toon(&slug, stand, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let wijziging: String = invoer.wijziging.trim().chars().take(300).collect();
    match service::bewaar(&state.db, &state.kennis, &p, Some(gelezen), &wie.g.naam, &wijziging).await {
        Ok(_) => {
            wie.audit(&state, Actie::Wijzigen, &audit::schoon(&slug)).await;
            Redirect::to(&format!("/kennisbank/{slug}")).into_response()
        }
        Err(e) => fout(&slug, stand, e),
    }
}

async fn publiceren(
    State(state): State<AppState>,
    wie: Met<Kennisbeheerders>,
    Path(slug): Path<String>,
    velden: Velden,
) -> Response {
    let ja = velden.get("gepubliceerd") == "ja";
    match service::publiceer(&state.db, &state.kennis, &slug, ja).await {
        Ok(()) => {
            wie.audit(&state, Actie::Wijzigen, &audit::schoon(&slug)).await;
            Redirect::to(&format!("/kennisbank/{slug}/bewerken")).into_response()
        }
        Err(e) => fout_antwoord(&e),
    }
}
