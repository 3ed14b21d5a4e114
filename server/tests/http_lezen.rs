//! Every read of case data is in the audit log, whichever server function serves it: the case
//! page (one entry for the whole view) and each part of it asked on its own (analysis,
//! documents, links, citations), and a werkbak search (which can look up a reporter by name).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use axum::http::StatusCode;
use tower::ServiceExt;

mod common;
use common::*;

/// The objects of the `bekijken` entries of the user `email`.
async fn gelezen(db: &app::gemeen::Db, email: &str) -> Vec<String> {
    db.query(
        "SELECT VALUE object FROM audit WHERE actie = 'bekijken'
           AND gebruiker = (SELECT VALUE record::id(id) FROM ONLY gebruiker WHERE email = $e LIMIT 1)",
    )
    .bind(("e", email.to_string()))
    .await
    .unwrap()
    .take::<Vec<Option<String>>>(0)
    .unwrap()
    .into_iter()
    .flatten()
    .collect()
}

#[tokio::test]
async fn every_server_function_that_returns_case_data_logs_the_read() {
    let (app, db) = app().await;
    let r: String = eerste_referentie(&db).await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let leesacties = [
        ("/api/melding", format!("referentie={r}"), r.clone()),
        ("/api/analyse", format!("referentie={r}"), format!("{r} analyse")),
        ("/api/documenten", format!("referentie={r}"), format!("{r} documenten")),
        ("/api/koppelingen", format!("referentie={r}"), format!("{r} koppelingen")),
        ("/api/citaten", format!("referentie={r}&zoek="), format!("{r} citaten")),
        ("/api/werkbak", "query=q%3DPeeters".to_string(), "werkbak zoeken: peeters".to_string()),
    ];
    assert!(gelezen(&db, "els@meldpunt.test").await.is_empty(), "nothing read yet");
    for (pad, body, object) in &leesacties {
        let resp = app.clone().oneshot(met(post(pad, body), &els)).await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "{pad}");
        let log = gelezen(&db, "els@meldpunt.test").await;
        assert!(log.contains(object), "{pad}: no entry '{object}' in {log:?}");
    }
    // Every server function of the case page is in the list above (a new one must be added).
    let zaakdata: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, _)| p.to_string())
        .filter(|p| {
            ["/api/melding", "/api/analyse", "/api/documenten", "/api/koppelingen", "/api/citaten"]
                .contains(&p.as_str())
        })
        .collect();
    assert_eq!(zaakdata.len(), 5, "{zaakdata:?}");
    // Opening the page loads all its parts in one call: one entry for the whole view, naming
    // the case.
    let van_zaak = |log: &[String]| log.iter().filter(|o| **o == r).count();
    let voor = gelezen(&db, "els@meldpunt.test").await;
    let resp = app.clone().oneshot(met(get(&format!("/meldingen/{r}")), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let na = gelezen(&db, "els@meldpunt.test").await;
    assert_eq!(na.len(), voor.len() + 1, "{na:?}");
    assert_eq!(van_zaak(&na), van_zaak(&voor) + 1, "{na:?}");
    // A werkbak without a search is not a lookup of a person: not logged as one.
    let voor = gelezen(&db, "els@meldpunt.test").await.len();
    let resp = app.clone().oneshot(met(post("/api/werkbak", "query=weergave%3Dalle"), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(gelezen(&db, "els@meldpunt.test").await.len(), voor);
}
