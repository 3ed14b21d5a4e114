//! The audit log for coordinators over HTTP: the page (plain GET form), the CSV export with the
//! same filters, formula cells escaped, and the export itself in the log; anonymous refusals
//! capped and limited per address.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use app::auth::model::Rol;
use axum::http::{StatusCode, header};
use tower::ServiceExt;

mod common;
use common::*;

/// The rows of the log's table.
fn tabel(html: &str) -> String {
    html.split("<tbody>").nth(1).and_then(|t| t.split("</tbody>").next()).unwrap_or_default().to_string()
}

#[tokio::test]
async fn a_coordinator_sees_the_log_of_a_case_and_of_a_user() {
    let (app, db) = app().await;
    let coord_id = account(&db, "coord@meldpunt.test", "Cor Coördinator", &[Rol::Coordinator]).await;
    let r = eerste_referentie(&db).await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let coord = inloggen(&app, "coord@meldpunt.test").await;
    // Els reads the case: logged.
    let resp = app.clone().oneshot(met(get(&format!("/meldingen/{r}")), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);

    // The case page links the coordinator to the case's log.
    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{r}")), &coord)).await.unwrap()).await;
    assert!(html.contains(&format!(r#"href="/audit?object={r}""#)), "link to the case's log");

    let resp = app.clone().oneshot(met(get(&format!("/audit?object={r}")), &coord)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains(r#"<form method="get" action="/audit""#), "a plain GET form, no script needed");
    assert!(html.contains("Els Vermeulen (els@meldpunt.test)"));
    let rijen = tabel(&html);
    assert!(rijen.contains("Bekeken"), "{html}");
    assert!(!rijen.contains("Aangemeld"), "the filter on the object applies");

    // The log of a user, from the link in the table.
    let els_id: String = db
        .query("SELECT VALUE record::id(id) FROM ONLY gebruiker WHERE email = 'els@meldpunt.test' LIMIT 1")
        .await
        .unwrap()
        .take::<Option<String>>(0)
        .unwrap()
        .unwrap();
    assert!(html.contains(&format!("/audit?gebruiker={els_id}")));
    let html = tekst(app.clone().oneshot(met(get(&format!("/audit?gebruiker={els_id}")), &coord)).await.unwrap()).await;
    let rijen = tabel(&html);
    assert!(rijen.contains("Aangemeld") && rijen.contains("Bekeken"), "login and read of Els");
    assert!(!html.contains(&format!("/audit?gebruiker={coord_id}")), "nothing of other users");

    // A case worker may not read the log.
    let resp = app.clone().oneshot(met(get("/audit"), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert!(!tekst(resp).await.contains("els@meldpunt.test</a>"));
}

#[tokio::test]
async fn the_csv_export_applies_the_filter_escapes_formulas_and_is_audited() {
    let (app, db) = app().await;
    account(&db, "coord@meldpunt.test", "Cor Coördinator", &[Rol::Coordinator]).await;
    account(&db, "jurist@meldpunt.test", "Jo Jurist", &[Rol::Expert]).await;
    let coord = inloggen(&app, "coord@meldpunt.test").await;
    let jurist = inloggen(&app, "jurist@meldpunt.test").await;
    // A refused attempt whose object (taken from the path) looks like a spreadsheet formula.
    let resp = app.clone().oneshot(met(post("/meldingen/=2+5/stap", "versie=1"), &jurist)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    let resp = app.clone().oneshot(met(get("/audit.csv?object=%3D2%2B5"), &coord)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let cd = resp.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().to_string();
    assert!(cd.starts_with("attachment; filename=\"auditlog-") && cd.ends_with(".csv\""), "{cd}");
    let body = tekst(resp).await;
    let body = body.strip_prefix('\u{feff}').expect("a byte-order mark for spreadsheets");
    // Read back as a spreadsheet would: `;`-separated, every cell quoted.
    let mut lezer = csv::ReaderBuilder::new().delimiter(b';').from_reader(body.as_bytes());
    let koppen: Vec<String> = lezer.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        koppen,
        ["tijdstip (UTC)", "tijdstip (België)", "gebruiker", "naam", "rollen", "actie", "object", "adres"]
    );
    assert!(body.starts_with("\"tijdstip (UTC)\";\"tijdstip (België)\";"), "every cell quoted");
    let data: Vec<csv::StringRecord> = lezer.records().map(Result::unwrap).collect();
    assert_eq!(data.len(), 1, "only the filtered entry: {data:?}");
    assert_eq!((&data[0][5], &data[0][6]), ("geweigerd", "'=2+5"), "the formula is neutralised");
    assert_eq!(&data[0][3], "Jo Jurist (jurist@meldpunt.test)");
    assert_eq!(&data[0][4], "expert");

    // The whole log: many rows, and the export above is in it, by the coordinator.
    let alles = tekst(app.clone().oneshot(met(get("/audit.csv"), &coord)).await.unwrap()).await;
    assert!(alles.lines().count() > 3);
    let mut r = db
        .query(
            "SELECT VALUE object FROM audit WHERE actie = 'exporteren'
             AND gebruiker = (SELECT VALUE record::id(id) FROM ONLY gebruiker WHERE email = 'coord@meldpunt.test' LIMIT 1)",
        )
        .await
        .unwrap();
    let mut exports: Vec<String> = r.take(0).unwrap();
    exports.sort();
    assert_eq!(exports, vec!["audit.csv".to_string(), "audit.csv?object=%3D2%2B5".to_string()]);

    // Only coordinators; an anonymous visitor goes to the login page.
    let resp = app.clone().oneshot(met(get("/audit.csv"), &jurist)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = app.clone().oneshot(get("/audit.csv")).await.unwrap();
    assert!(resp.status().is_redirection());
    assert!(resp.headers()[header::LOCATION].to_str().unwrap().starts_with("/login"));
}

#[tokio::test]
async fn anonymous_refusals_are_capped_and_limited_per_address() {
    use app::gemeen::auditlimiet::PER_MINUUT;
    let (app, db) = app().await;
    // Text of the sender's choosing, sent to a server function that logs refusals.
    let body = format!("referentie=M-{}", "x".repeat(600));
    let begin = std::time::Instant::now();
    for _ in 0..(PER_MINUUT + 20) {
        let resp = app.clone().oneshot(van(post("/api/melding", &body), "203.0.113.44")).await.unwrap();
        assert!(resp.status().is_client_error(), "refused: {}", resp.status());
    }
    let resp = app.clone().oneshot(van(post("/api/melding", "referentie=M-2026-00001"), "203.0.113.45")).await.unwrap();
    assert!(resp.status().is_client_error());

    let objecten = |adres: &'static str, actie: &'static str| {
        let db = db.clone();
        async move {
            let mut r = db
                .query("SELECT VALUE object FROM audit WHERE adres = $adres AND actie = $actie")
                .bind(("adres", adres))
                .bind(("actie", actie))
                .await
                .unwrap();
            r.take::<Vec<Option<String>>>(0).unwrap().into_iter().map(Option::unwrap_or_default).collect::<Vec<_>>()
        }
    };
    // One more comes free every two seconds while the requests run.
    let vrij = PER_MINUUT as usize + begin.elapsed().as_secs() as usize / 2 + 1;
    let geweigerd = objecten("203.0.113.44", "geweigerd").await;
    assert!((PER_MINUUT as usize..=vrij).contains(&geweigerd.len()), "{}", geweigerd.len());
    assert!(geweigerd.iter().all(|o| o.chars().count() == app::gemeen::audit::MAX_TEKST && o.ends_with('…')));
    assert_eq!(objecten("203.0.113.44", "begrensd").await.len(), 1, "the drop is logged once");
    assert_eq!(objecten("203.0.113.45", "geweigerd").await, ["M-2026-00001"], "another address is logged");
}
