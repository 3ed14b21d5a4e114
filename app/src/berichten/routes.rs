//! The messages' forms: the composer (`POST /meldingen/<ref>/schrijven`: "Voorbeeld tonen" shows
//! the message as the recipient will see it, "Versturen" stores it for review or the outbox),
//! the second reader (`POST /berichten/<id>/nazicht`), the outbox (`POST /berichten/<id>/uitgaand`)
//! and the letters to post (`POST /uitgaand/brieven`: `actie=pdf` prints the ticked ones as one
//! PDF, `actie=gepost` marks them posted).
//! A refusal shows the page again with the text as typed and a message next to each field.

use super::fout::BerichtFout;
use super::schrijven::{Actie, Beslissing};
use super::{opstel, repo, service};
use crate::auth::model::Rol;
use crate::auth::toegang::{Met, Rollen};
use crate::gemeen::audit::{self, Actie as AuditActie};
use crate::gemeen::http::toon;
use crate::gemeen::{FormEcho, GebruikersFout, Velden, Veldfouten};
use crate::state::AppState;
use crate::zaak::toegang::Zaak;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/meldingen/{referentie}/schrijven", post(schrijven))
        .route("/berichten/{id}/nazicht", post(nazicht))
        .route("/berichten/{id}/uitgaand", post(uitgaand))
        .route("/uitgaand/brieven", post(brieven))
}

pub struct Nazieners;
impl Rollen for Nazieners {
    const ROLLEN: &'static [Rol] = super::NAZIENERS;
    const WEIGERING: &'static str = "Alleen coördinatoren lezen berichten na en beheren de uitgaande post.";
}

/// The composer again, with the echo and, when there is one, the preview.
fn toon_schrijver(zaak: &Zaak, slug: &str, echo: FormEcho, voorbeeld: Option<super::model::BerichtVoorbeeld>, status: StatusCode) -> Response {
    let pad = format!("{}/schrijven?sjabloon={}", zaak.pad(), form_urlencoded::byte_serialize(slug.as_bytes()).collect::<String>());
    toon(pad, status, move || {
        leptos::prelude::provide_context(echo.clone());
        if let Some(v) = &voorbeeld {
            leptos::prelude::provide_context(v.clone());
        }
    })
}

async fn schrijven(State(state): State<AppState>, zaak: Zaak, velden: Velden) -> Response {
    let echo = FormEcho::nieuw("bericht", velden.alleen(opstel::VELDEN));
    let slug = velden.kort("sjabloon", 80);
    let weiger = |echo: FormEcho, fouten: Veldfouten, status| {
        let echo = echo.met_fouten(fouten).met_melding("Nog niet verstuurd: verbeter de velden met een melding.");
        toon_schrijver(&zaak, &slug, echo, None, status)
    };
    let z = match repo::zaak(&state.db, zaak.referentie.as_str()).await {
        Ok(Some(z)) => z,
        Ok(None) => return zaak.geweigerd(echo, &BerichtFout::MeldingOnbekend, Vec::new()),
        Err(e) => return zaak.geweigerd(echo, &BerichtFout::Db(e), Vec::new()),
    };
    let partijen = match service::partijen(&state.db, &z).await {
        Ok(p) => p,
        Err(e) => return zaak.geweigerd(echo, &e, Vec::new()),
    };
    let o = match opstel::lees(&velden, &partijen) {
        Ok(o) => o,
        Err(fouten) => return weiger(echo, fouten, StatusCode::UNPROCESSABLE_ENTITY),
    };
    if velden.get("actie") == "pdf" {
        let a = &state.config.afzender;
        let b = super::pdf::brief(a, zaak.referentie.as_str(), super::pdf::adres(o.kanaal, &o.aan, &o.postadres), &o.onderwerp, &o.inhoud, &zaak.g.naam, chrono::Utc::now());
        return match super::pdf::render(b).await {
            Ok(pdf) => pdf_antwoord(pdf, &super::pdf::bestandsnaam(&o.onderwerp)),
            Err(e) => zaak.geweigerd(echo, &e, Vec::new()),
        };
    }
    if velden.get("actie") == "voorbeeld" {
        let namen = bijlage_namen(&state, zaak.referentie.as_str(), &o.bijlagen).await;
        let jargon = crate::sjablonen::jargon::voor_schrijfhulp(&state.db).await;
        let v = service::voorbeeld(&o, namen, &jargon);
        return toon_schrijver(&zaak, &slug, echo, Some(v), StatusCode::OK);
    }
    let open = service::open_als_fouten(&o);
    if !open.is_empty() {
        let namen = bijlage_namen(&state, zaak.referentie.as_str(), &o.bijlagen).await;
        let echo = echo.met_fouten(open).met_melding("Nog niet verstuurd: er staan nog plekken open in de tekst.");
        let jargon = crate::sjablonen::jargon::voor_schrijfhulp(&state.db).await;
        return toon_schrijver(&zaak, &slug, echo, Some(service::voorbeeld(&o, namen, &jargon)), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let a = &state.config.afzender;
    match service::verstuur(&state.db, &state.bestanden(), a, &zaak.g, zaak.referentie.as_str(), &o, chrono::Utc::now()).await {
        Ok(_) => zaak.klaar(&state, AuditActie::Aanmaken, "berichten").await,
        Err(e) => {
            e.log();
            let status = e.soort().status();
            toon_schrijver(&zaak, &slug, echo.met_fout(&e), None, status)
        }
    }
}

/// The letter shown in the browser (not downloaded), never cached.
fn pdf_antwoord(pdf: Vec<u8>, naam: &str) -> Response {
    use axum::http::header;
    let headers = [
        (header::CONTENT_TYPE, "application/pdf".to_string()),
        (header::CONTENT_DISPOSITION, format!("inline; filename=\"{naam}\"")),
        (header::CACHE_CONTROL, "no-store".to_string()),
    ];
    (headers, pdf).into_response()
}

async fn bijlage_namen(state: &AppState, referentie: &str, gekozen: &[String]) -> Vec<String> {
    let documenten = repo::documenten(&state.db, referentie).await.unwrap_or_default();
    documenten.into_iter().filter(|d| gekozen.contains(&d.id)).map(|d| d.naam).collect()
}

/// The message's page again with the reviewer's form as typed (`id` is a checked key).
fn toon_bericht(id: &str, echo: FormEcho, status: StatusCode) -> Response {
    crate::gemeen::http::toon_met(format!("/berichten/{id}"), status, echo)
}

async fn nazicht(State(state): State<AppState>, wie: Met<Nazieners>, Path(id): Path<String>, velden: Velden) -> Response {
    let echo = FormEcho::nieuw("nazicht", velden.alleen(&["opmerking", "hash"]));
    if !crate::gemeen::is_sleutel(&id) {
        return crate::gemeen::http::toon_met("/nazicht", StatusCode::NOT_FOUND, echo.met_fout(&BerichtFout::NietGevonden));
    }
    let beslissing = match velden.get("actie") {
        "goedkeuren" => Beslissing::Goedkeuren { hash: velden.kort("hash", 64) },
        _ => {
            let opmerking = velden.kort("opmerking", 2000);
            if opmerking.is_empty() {
                let mut f = Veldfouten::default();
                f.zet("opmerking", "Schrijf wat de schrijver moet aanpassen.");
                let echo = echo.met_fouten(f).met_melding("Nog niet teruggestuurd: vul de opmerking in.");
                return toon_bericht(&id, echo, StatusCode::UNPROCESSABLE_ENTITY);
            }
            Beslissing::Terugsturen { opmerking }
        }
    };
    match super::schrijven::beoordeel(&state.db, &wie.g, &id, beslissing, chrono::Utc::now()).await {
        Ok(_) => {
            wie.audit(&state, AuditActie::Wijzigen, &audit::schoon(&id)).await;
            Redirect::to("/nazicht").into_response()
        }
        Err(e) => {
            e.log();
            let status = e.soort().status();
            toon_bericht(&id, echo.met_fout(&e), status)
        }
    }
}

async fn uitgaand(State(state): State<AppState>, wie: Met<Nazieners>, Path(id): Path<String>, velden: Velden) -> Response {
    let actie = match velden.get("actie") {
        "opnieuw" => Actie::Opnieuw,
        _ => Actie::Annuleer,
    };
    let echo = FormEcho::nieuw("uitgaand", velden.alleen(&["actie"]));
    let uitkomst = if crate::gemeen::is_sleutel(&id) {
        super::schrijven::behandel(&state.db, &wie.g, &id, actie, chrono::Utc::now()).await
    } else {
        Err(BerichtFout::NietGevonden)
    };
    match uitkomst {
        Ok(_) => {
            wie.audit(&state, AuditActie::Wijzigen, &audit::schoon(&id)).await;
            Redirect::to("/uitgaand").into_response()
        }
        Err(e) => {
            e.log();
            crate::gemeen::http::toon_met("/uitgaand", e.soort().status(), echo.met_fout(&e))
        }
    }
}

async fn brieven(State(state): State<AppState>, wie: Met<Nazieners>, velden: Velden) -> Response {
    let ids: Vec<String> = velden.alle("brieven").map(str::to_string).collect();
    let echo = FormEcho::nieuw("brieven", velden.alleen(&["brieven"]));
    let uitkomst = if velden.get("actie") == "pdf" {
        match super::post::afdrukken(&state.db, &state.config.afzender, &ids).await {
            Ok(pdf) => {
                wie.audit(&state, AuditActie::Exporteren, &format!("brieven afgedrukt: {}", ids.len())).await;
                return pdf_antwoord(pdf, "brieven.pdf");
            }
            Err(e) => Err(e),
        }
    } else {
        super::post::gepost(&state.db, &wie.g, &ids, chrono::Utc::now()).await.map(|_| ())
    };
    match uitkomst {
        Ok(()) => {
            wie.audit(&state, AuditActie::Versturen, &format!("brieven gepost: {}", ids.len())).await;
            Redirect::to("/uitgaand").into_response()
        }
        Err(e) => {
            e.log();
            crate::gemeen::http::toon_met("/uitgaand", e.soort().status(), echo.met_fout(&e))
        }
    }
}
