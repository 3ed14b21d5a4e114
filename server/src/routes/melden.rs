//! `POST /melden`: the public form without JavaScript (and with it: the island only adds live
//! search). "Zoeken" re-renders the form with the matches; "Melding versturen" stores it or
//! re-renders the form with the messages per field. Typed input is always kept.

use super::render::pagina;
use crate::router::ServerState;
use app::limiet::Soort;
use app::locaties::model::LocatieId;
use app::locaties::repo as locaties;
use app::meldingen::formulier::{MeldFormulier, MeldFormulierStatus, Veldfouten};
use app::meldingen::service::{Indiening, dien_in};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;

pub async fn verstuur(State(state): State<ServerState>, parts: Parts, body: Bytes) -> Response {
    let paren: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
    let formulier = MeldFormulier::from_pairs(paren.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let zoeken = paren.iter().any(|(k, v)| k == "actie" && v == "zoek");
    let db = &state.app.db;
    // Too many posts from this address: the form comes back with everything typed, nothing stored.
    if let Err(wacht) = super::limiet::controleer(&state, &parts, Soort::Melden) {
        let fouten = een_fout("algemeen", &wacht.bericht(chrono::Utc::now()));
        let resp = terug(&state, &parts, formulier, fouten, Vec::new(), StatusCode::TOO_MANY_REQUESTS).await;
        return super::limiet::met_wacht(resp, wacht);
    }

    if zoeken {
        let gevonden = locaties::zoek(db, &formulier.locatie_zoek, 15).await.unwrap_or_else(|e| {
            tracing::error!(error = %e, "location search failed");
            Vec::new()
        });
        return terug(&state, &parts, formulier, Veldfouten::default(), gevonden, StatusCode::OK).await;
    }
    if formulier.is_bot() {
        tracing::warn!("melding refused: honeypot filled in");
        let fouten = een_fout("website", "Dit formulier lijkt automatisch ingevuld. Probeer het opnieuw.");
        return terug(&state, &parts, formulier, fouten, Vec::new(), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    // A logged-in case worker registers a melding that came in by phone, e-mail, letter or desk.
    let medewerker = parts
        .extensions
        .get::<app::auth::service::Aangemeld>()
        .map(|a| a.0.clone())
        .filter(|g| g.heeft_een_van(app::auth::model::CASEWERK));
    let resultaat = match &medewerker {
        Some(g) => app::meldingen::service::registreer(db, &formulier, g, chrono::Utc::now()).await,
        None => dien_in(db, &formulier, chrono::Utc::now()).await,
    };
    match resultaat {
        Ok(Indiening::Ontvangen(bewijs)) => pagina(&state, &parts, "/melden", bewijs, StatusCode::OK).await,
        Ok(Indiening::Fouten(fouten)) => {
            terug(&state, &parts, formulier, fouten, Vec::new(), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => {
            tracing::error!(error = %e, "melding could not be stored");
            let fouten = een_fout(
                "algemeen",
                "Uw melding kon nu niet bewaard worden door een storing bij ons. Uw tekst staat hieronder nog; probeer het zo meteen opnieuw.",
            );
            terug(&state, &parts, formulier, fouten, Vec::new(), StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

fn een_fout(veld: &str, bericht: &str) -> Veldfouten {
    let mut f = Veldfouten::default();
    f.0.insert(veld.into(), bericht.into());
    f
}

/// Shows the form again with everything typed, the messages, any matches and the chosen location.
async fn terug(
    state: &ServerState,
    parts: &Parts,
    invoer: MeldFormulier,
    fouten: Veldfouten,
    zoekresultaten: Vec<app::locaties::model::LocatieKeuze>,
    code: StatusCode,
) -> Response {
    let gekozen = match LocatieId::parse(&invoer.locatie_id) {
        Some(id) => locaties::keuze(&state.app.db, &id).await.unwrap_or_else(|e| {
            tracing::error!(error = %e, "location lookup failed");
            None
        }),
        None => None,
    };
    let status = MeldFormulierStatus { invoer, fouten, zoekresultaten, gekozen };
    pagina(state, parts, "/melden", status, code).await
}
