#![allow(dead_code)]
//! Shared set-up for the HTTP tests: the real router over a fresh in-memory SurrealDB.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::response::Response;
use tower::ServiceExt;

pub const WACHTWOORD: &str = "een lang testwachtwoord";

pub async fn app() -> (axum::Router, app::state::Db) {
    app_met_site(std::env::temp_dir().join("meldpunt-http-test-site")).await
}

pub async fn app_met_site(site: std::path::PathBuf) -> (axum::Router, app::state::Db) {
    app_met(site, app::state::Config::default()).await
}

/// The app with its own configuration (e.g. secure cookies).
pub async fn app_met_config(config: app::state::Config) -> (axum::Router, app::state::Db) {
    app_met(std::env::temp_dir().join("meldpunt-http-test-site"), config).await
}

async fn app_met(site: std::path::PathBuf, config: app::state::Config) -> (axum::Router, app::state::Db) {
    let db =
        app::db::verbind(app::db::Verbinding { endpoint: "mem://", gebruiker: None, wachtwoord: None }).await.unwrap();
    app::db::migreer(&db).await.unwrap();
    app::seed::laad_demo(&db, &app::seed::genereer(60, chrono::Utc::now())).await.unwrap();
    app::auth::service::voeg_gebruiker_toe(
        &db,
        "els@meldpunt.test",
        "Els Vermeulen",
        &[app::auth::model::Rol::Casewerker],
        app::auth::model::Wachtwoord::new(WACHTWOORD),
    )
    .await
    .unwrap();
    std::fs::create_dir_all(&site).unwrap();
    let options = leptos::config::LeptosOptions::builder()
        .output_name("meldpunt")
        .site_root(site.to_string_lossy().to_string())
        .build();
    let state = app::state::AppState::new(db.clone(), config);
    (server::router(state, options), db)
}

pub async fn tekst(resp: Response) -> String {
    let bytes = axum::body::to_bytes(resp.into_body(), 10_000_000).await.unwrap();
    String::from_utf8_lossy(&bytes).into_owned()
}

pub fn post(pad: &str, body: &str) -> Request<Body> {
    Request::post(pad)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000")
        .body(Body::from(body.to_string()))
        .unwrap()
}

pub fn get(pad: &str) -> Request<Body> {
    Request::get(pad).header(header::HOST, "127.0.0.1:3000").body(Body::empty()).unwrap()
}

/// Logs in and returns the session cookie (`name=value`).
pub async fn inloggen(app: &axum::Router, email: &str) -> String {
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("email", email)
        .append_pair("wachtwoord", WACHTWOORD)
        .finish();
    let ok = app.clone().oneshot(post("/login", &body)).await.unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER, "login of {email}");
    let cookie = ok.headers()[header::SET_COOKIE].to_str().unwrap().to_string();
    cookie.split(';').next().unwrap().to_string()
}

/// The request with the session cookie.
pub fn met(mut req: Request<Body>, cookie: &str) -> Request<Body> {
    req.headers_mut().insert(header::COOKIE, cookie.parse().unwrap());
    req
}

/// Adds a staff account with the test password.
pub async fn account(db: &app::state::Db, email: &str, naam: &str, rollen: &[app::auth::model::Rol]) -> String {
    app::auth::service::voeg_gebruiker_toe(db, email, naam, rollen, app::auth::model::Wachtwoord::new(WACHTWOORD))
        .await
        .unwrap()
}
