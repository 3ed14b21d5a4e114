//! The template tests' set-up: the starter templates and the jargon list, a coordinator signed
//! in, and plain GET and form posts.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use super::*;
use app::auth::model::Rol;
use axum::http::StatusCode;
use tower::ServiceExt;

/// A starter template (from `content/sjablonen`), at revision 1.
pub const SLUG: &str = "ontvangstbevestiging-melding";

/// The router over a database with the starter templates and jargon list, and the cookie of
/// "Coby Coördinator" (coordinator).
pub async fn app_met_sjablonen() -> (axum::Router, app::gemeen::Db, String) {
    let (app, db) = app().await;
    app::sjablonen::service::importeer_als_leeg(&db, std::path::Path::new("../content")).await.unwrap().unwrap();
    assert!(app::sjablonen::jargon::vul_als_leeg(&db).await.unwrap());
    account(&db, "coord@meldpunt.test", "Coby Coördinator", &[Rol::Coordinator]).await;
    let cookie = inloggen(&app, "coord@meldpunt.test").await;
    (app, db, cookie)
}

pub async fn haal(app: &axum::Router, pad: &str, cookie: &str) -> (StatusCode, String) {
    let resp = app.clone().oneshot(met(get(pad), cookie)).await.unwrap();
    let status = resp.status();
    (status, tekst(resp).await)
}

pub async fn stuur_naar(
    app: &axum::Router,
    pad: &str,
    velden: &[(&str, &str)],
    cookie: &str,
) -> axum::response::Response {
    let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(velden).finish();
    app.clone().oneshot(met(post(pad, &body), cookie)).await.unwrap()
}

/// The revision `SLUG` is at.
pub async fn revisie(db: &app::gemeen::Db) -> i64 {
    let mut r = db.query("SELECT VALUE revisie FROM ONLY sjabloon:⟨ontvangstbevestiging-melding⟩").await.unwrap();
    r.take::<Option<i64>>(0).unwrap().unwrap()
}
