//! The promises of a session hold with the in-memory cache of validated sessions
//! (`server::routes::sessiecache`): each test first uses the session, so that it is cached,
//! and then ends it the way a user or an admin would.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use axum::http::{StatusCode, header};
use tower::ServiceExt;

mod common;
use common::*;

async fn status(app: &axum::Router, req: axum::http::Request<axum::body::Body>) -> (StatusCode, String) {
    let r = app.clone().oneshot(req).await.unwrap();
    let naar = r.headers().get(header::LOCATION).map(|l| l.to_str().unwrap().to_string()).unwrap_or_default();
    (r.status(), naar)
}

/// Signed in: the werkbak answers. Signed out: a redirect to the login page.
async fn binnen(app: &axum::Router, cookie: &str) -> bool {
    let (s, naar) = status(app, met(get("/werkbak"), cookie)).await;
    match s {
        StatusCode::OK => true,
        StatusCode::SEE_OTHER if naar.starts_with("/login") => false,
        _ => panic!("unexpected answer {s} → {naar}"),
    }
}

async fn id_van(db: &app::gemeen::Db, email: &str) -> String {
    db.query("SELECT VALUE record::id(id) FROM ONLY gebruiker WHERE email = $e LIMIT 1")
        .bind(("e", email.to_string()))
        .await
        .unwrap()
        .take::<Option<String>>(0)
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn logging_out_ends_that_session_at_once_and_no_other() {
    let (app, _) = app().await;
    let laptop = inloggen(&app, "els@meldpunt.test").await;
    let telefoon = inloggen(&app, "els@meldpunt.test").await;
    assert!(binnen(&app, &laptop).await && binnen(&app, &telefoon).await, "both sessions work (and are cached)");
    let (s, _) = status(&app, met(post("/afmelden", ""), &laptop)).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(!binnen(&app, &laptop).await, "the session that logged out ended at once");
    assert!(binnen(&app, &telefoon).await, "the other device stays signed in");
}

#[tokio::test]
async fn an_admin_ending_a_cached_session_takes_effect_on_the_next_request() {
    let (app, db) = app().await;
    account(&db, "admin@meldpunt.test", "Admin", &[app::auth::model::Rol::Beheerder]).await;
    let beheer = inloggen(&app, "admin@meldpunt.test").await;
    let els_id = id_van(&db, "els@meldpunt.test").await;
    let wijzigingen = [
        (format!("/beheer/accounts/{els_id}/rollen"), "rol=casewerker&rol=coordinator"),
        (format!("/beheer/accounts/{els_id}/wachtwoord"), "wachtwoord=een+heel+ander+lang+wachtwoord+42"),
        (format!("/beheer/accounts/{els_id}/actief"), "actief=nee"),
    ];
    for (pad, body) in wijzigingen {
        let els = inloggen(&app, "els@meldpunt.test").await;
        assert!(binnen(&app, &els).await, "before {pad}");
        assert!(binnen(&app, &els).await, "again, now from the cache, before {pad}");
        let (s, _) = status(&app, met(post(&pad, body), &beheer)).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{pad}");
        assert!(!binnen(&app, &els).await, "{pad}: the session ended at once");
        if pad.ends_with("wachtwoord") {
            // The test password works again for the next round.
            app::auth::service::zet_wachtwoord(&db, "els@meldpunt.test", app::auth::model::Wachtwoord::new(WACHTWOORD))
                .await
                .unwrap();
        }
    }
}

#[tokio::test]
async fn a_second_factor_made_mandatory_applies_to_cached_sessions_at_once() {
    let (app, db) = app().await;
    account(&db, "admin@meldpunt.test", "Admin", &[app::auth::model::Rol::Beheerder]).await;
    let beheer = inloggen(&app, "admin@meldpunt.test").await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    assert!(binnen(&app, &els).await);
    let (s, _) = status(&app, met(post("/beheer/tweede-factor", "rol=casewerker"), &beheer)).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (s, naar) = status(&app, met(get("/werkbak"), &els)).await;
    assert_eq!((s, naar.as_str()), (StatusCode::SEE_OTHER, "/account/tweede-factor"), "enrol first");
}

/// Another process (the CLI, a second app server) cannot reach this server's memory: what it
/// ends counts here at most `HOUDBAAR` later.
#[tokio::test]
async fn a_session_ended_by_another_process_ends_here_within_the_cache_lifetime() {
    let (app, db) = app().await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    assert!(binnen(&app, &els).await);
    app::auth::service::zet_actief(&db, "els@meldpunt.test", false).await.unwrap();
    tokio::time::sleep(server::routes::sessiecache::HOUDBAAR + std::time::Duration::from_millis(200)).await;
    assert!(!binnen(&app, &els).await, "ended after at most the cache lifetime");
}
