#![allow(dead_code)]
//! Shared set-up for the HTTP tests: the real router over a fresh in-memory SurrealDB.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

pub mod sjablonen;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::response::Response;
use tower::ServiceExt;

pub const WACHTWOORD: &str = "een lang testwachtwoord";

pub async fn app() -> (axum::Router, app::gemeen::Db) {
    app_met_site(std::env::temp_dir().join("meldpunt-http-test-site")).await
}

pub async fn app_met_site(site: std::path::PathBuf) -> (axum::Router, app::gemeen::Db) {
    let (router, db, _) = app_met(site, config()).await;
    (router, db)
}

/// The app with its own configuration (e.g. low rate limits).
pub async fn app_met_config(config: app::state::Config) -> (axum::Router, app::gemeen::Db) {
    let (router, db, _) = app_met(std::env::temp_dir().join("meldpunt-http-test-site"), config).await;
    (router, db)
}

/// The app and the folder where it stores documents.
pub async fn app_met_documenten() -> (axum::Router, app::gemeen::Db, std::path::PathBuf) {
    let config = config();
    let map = config.documenten.clone();
    let (router, db, _) = app_met(std::env::temp_dir().join("meldpunt-http-test-site"), config).await;
    (router, db, map)
}

async fn app_met(
    site: std::path::PathBuf,
    config: app::state::Config,
) -> (axum::Router, app::gemeen::Db, std::path::PathBuf) {
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
    let map = config.documenten.clone();
    let state = app::state::AppState::new(db.clone(), config);
    (server::router(state, options), db, map)
}

/// A multipart form post with one file in the field `bestand` (as a browser sends it).
/// `lengte` adds the `Content-Length` header, as browsers do.
pub fn upload(pad: &str, naam: &str, inhoud: &[u8], lengte: bool) -> Request<Body> {
    let grens = "----meldpunt-test-7d93a1";
    let mut body = format!(
        "--{grens}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"{naam}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(inhoud);
    body.extend_from_slice(format!("\r\n--{grens}--\r\n").as_bytes());
    let mut req = Request::post(pad)
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={grens}"))
        .header(header::HOST, "127.0.0.1:3000")
        .header("sec-fetch-site", "same-origin");
    if lengte {
        req = req.header(header::CONTENT_LENGTH, body.len());
    }
    req.body(Body::from(body)).unwrap()
}

/// The default configuration with a fresh documents folder in the temp dir (one per app).
pub fn config() -> app::state::Config {
    static TELLER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = TELLER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let map = std::env::temp_dir().join(format!("meldpunt-http-docs-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&map);
    app::state::Config { documenten: map, ..app::state::Config::default() }
}

pub async fn tekst(resp: Response) -> String {
    let bytes = axum::body::to_bytes(resp.into_body(), 10_000_000).await.unwrap();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A form post as a browser sends it from a page of the app (`Sec-Fetch-Site: same-origin`).
pub fn post(pad: &str, body: &str) -> Request<Body> {
    Request::post(pad)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000")
        .header("sec-fetch-site", "same-origin")
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
pub async fn account(db: &app::gemeen::Db, email: &str, naam: &str, rollen: &[app::auth::model::Rol]) -> String {
    app::auth::service::voeg_gebruiker_toe(db, email, naam, rollen, app::auth::model::Wachtwoord::new(WACHTWOORD))
        .await
        .unwrap()
}

/// The request as if it came from this client address (the real listener sets it per socket).
pub fn van(mut req: Request<Body>, adres: &str) -> Request<Body> {
    let ip: std::net::IpAddr = adres.parse().unwrap();
    req.extensions_mut().insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(ip, 40_000)));
    req
}

/// The first reference of the seeded demo data (a case that exists, of the current years).
pub async fn eerste_referentie(db: &app::gemeen::Db) -> String {
    let mut r = db.query("SELECT VALUE referentie FROM melding ORDER BY referentie LIMIT 1").await.unwrap();
    r.take::<Vec<String>>(0).unwrap().remove(0)
}

/// Sends `req` and reads the answer as JSON (the text as a JSON string when it is not JSON).
pub async fn json(app: &axum::Router, req: Request<Body>) -> (StatusCode, serde_json::Value) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let t = tekst(resp).await;
    (status, serde_json::from_str(&t).unwrap_or(serde_json::Value::String(t)))
}
