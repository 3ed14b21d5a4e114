//! `GET /audit.csv?…`: the audit log as CSV, with the filters of `/audit`, for coordinators.
//! Every export is itself logged ("exporteren", with the filter as object). Cells that a
//! spreadsheet would run as a formula are escaped.

use super::behandeling::adres;
use crate::router::ServerState;
use app::audit::api::LEZERS;
use app::audit::model::{AuditFilter, AuditRegel, csv_cel};
use app::audit::{self, Actie, Wie};
use app::auth::service::Aangemeld;
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

const KOPPEN: [&str; 8] =
    ["tijdstip (UTC)", "tijdstip (België)", "gebruiker", "naam", "rollen", "actie", "object", "adres"];

/// The CSV text: UTF-8 with a byte-order mark (so spreadsheets read the accents), `;` between
/// cells as Belgian spreadsheet settings expect, quoting by the `csv` crate.
pub fn als_csv(rijen: &[AuditRegel]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(KOPPEN)?;
    for r in rijen {
        let velden = [
            r.tijdstip.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            app::tijd::in_belgie(r.tijdstip).format("%Y-%m-%d %H:%M:%S").to_string(),
            r.gebruiker.clone().unwrap_or_default(),
            r.naam.clone().unwrap_or_default(),
            r.rollen.join(", "),
            r.actie.map(|a| a.code().to_string()).unwrap_or_default(),
            r.object.clone().unwrap_or_default(),
            r.adres.clone().unwrap_or_default(),
        ];
        w.write_record(velden.iter().map(|v| csv_cel(v)))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

pub async fn export(State(state): State<ServerState>, parts: Parts) -> Response {
    let db = &state.app.db;
    let query = parts.uri.query().unwrap_or_default();
    let filter = AuditFilter::uit_querystring(query);
    let object = filter.link("audit.csv", None);
    let g = match parts.extensions.get::<Aangemeld>().map(|a| a.0.clone()) {
        Some(g) if g.heeft_een_van(LEZERS) => g,
        wie => {
            let w = wie.as_ref().map_or(Wie::Onbekend, Wie::Gebruiker);
            audit::schrijf(db, w, Actie::Geweigerd, Some(&object), adres(&parts)).await;
            return match wie {
                Some(_) => (StatusCode::FORBIDDEN, "Alleen coördinatoren bekijken het auditlog.").into_response(),
                None => Redirect::to("/login").into_response(),
            };
        }
    };
    let rijen = match app::audit::service::alles(db, &filter).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "audit export failed");
            return (StatusCode::SERVICE_UNAVAILABLE, "De export lukt nu niet door een storing bij ons.")
                .into_response();
        }
    };
    let body = match als_csv(&rijen) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "audit export failed");
            return (StatusCode::SERVICE_UNAVAILABLE, "De export lukt nu niet door een storing bij ons.")
                .into_response();
        }
    };
    audit::schrijf(db, Wie::Gebruiker(&g), Actie::Exporteren, Some(&object), adres(&parts)).await;
    let naam = format!("attachment; filename=\"auditlog-{}.csv\"", app::tijd::vandaag(chrono::Utc::now()));
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&naam) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}
