//! `GET /audit.csv?…`: the audit log as CSV, with the filters of `/audit`, for coordinators.
//! Every export is itself logged ("exporteren", with the filter as object). Cells that a
//! spreadsheet would run as a formula are neutralised, in every column.

use super::api::LEZERS;
use super::model::{AuditFilter, AuditRegel, csv_cel};
use crate::auth::model::Rol;
use crate::auth::toegang::{Met, Rollen};
use crate::gemeen::audit::{Actie, Wie, schrijf};
use crate::gemeen::http::storing;
use crate::state::AppState;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

pub fn routes() -> Router<AppState> {
    Router::new().route("/audit.csv", get(export))
}

pub struct Lezers;
impl Rollen for Lezers {
    const ROLLEN: &'static [Rol] = LEZERS;
    const WEIGERING: &'static str = "Alleen coördinatoren bekijken het auditlog.";
}

const KOPPEN: [&str; 8] =
    ["tijdstip (UTC)", "tijdstip (België)", "gebruiker", "naam", "rollen", "actie", "object", "adres"];

/// The CSV text as Excel with Belgian settings opens it: UTF-8 with a byte-order mark (else it
/// reads the accents as another encoding), `;` between cells (the list separator where the
/// decimal sign is a comma), every cell quoted (so no value is taken for a number or a date, and
/// every row looks the same), CRLF line ends. Quoting does not stop a formula: `csv_cel` does.
pub fn als_csv(rijen: &[AuditRegel]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .quote_style(csv::QuoteStyle::Always)
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(KOPPEN.iter().map(|k| csv_cel(k)))?;
    for r in rijen {
        let velden = [
            r.tijdstip.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            crate::tijd::in_belgie(r.tijdstip).format("%Y-%m-%d %H:%M:%S").to_string(),
            r.gebruiker.clone().unwrap_or_default(),
            r.naam.clone().unwrap_or_default(),
            r.rollen.join(", "),
            r.actie.code().to_string(),
            r.object.clone().unwrap_or_default(),
            r.adres.clone().unwrap_or_default(),
        ];
        w.write_record(velden.iter().map(|v| csv_cel(v)))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

async fn export(State(state): State<AppState>, wie: Met<Lezers>, RawQuery(query): RawQuery) -> Response {
    let db = &state.db;
    let filter = AuditFilter::uit_querystring(query.as_deref().unwrap_or_default());
    let object = filter.link("audit.csv", None);
    let body = match super::service::alles(db, &filter).await.map(|rijen| als_csv(&rijen)) {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => return storing(&e),
        Err(e) => return storing(&e),
    };
    schrijf(db, Wie::Gebruiker(&wie.g), Actie::Exporteren, Some(&object), wie.adres).await;
    let naam = format!("attachment; filename=\"auditlog-{}.csv\"", crate::tijd::vandaag(chrono::Utc::now()));
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&naam) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}
