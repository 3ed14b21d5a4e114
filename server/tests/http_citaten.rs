//! Over HTTP: suggestions while typing, the editor's live preview, citing a knowledge-base page
//! from a case (the revision kept), and reading an earlier revision.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use axum::http::{StatusCode, header};
use common::*;
use tower::ServiceExt;

const SLUG: &str = "schorsing-vergunning";

async fn opzet() -> (axum::Router, app::gemeen::Db, String) {
    let (app, db) = app().await;
    let index = app::kennisbank::zoekindex::Kennisindex::default();
    app::kennisbank::service::importeer_map(&db, &index, std::path::Path::new("../content"), "test").await.unwrap();
    account(&db, "kim@meldpunt.test", "Kim Peeters", &[Rol::Kennisbeheerder]).await;
    let referentie: String = eerste_referentie(&db).await;
    (app, db, referentie)
}

fn formulier(velden: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in velden {
        s.append_pair(k, v);
    }
    s.finish()
}

#[tokio::test]
async fn suggestions_follow_the_word_being_typed_and_the_reader() {
    let (app, _, _) = opzet().await;
    let (status, publiek) = json(&app, get("/api/kennis_suggesties?q=schorsi")).await;
    assert_eq!(status, StatusCode::OK);
    let paden: Vec<&str> = publiek.as_array().unwrap().iter().map(|s| s["pad"].as_str().unwrap()).collect();
    assert!(!paden.is_empty() && paden.len() <= 6, "{paden:?}");
    assert!(paden.iter().all(|p| p.starts_with("/faq/") || p.starts_with("/regelgeving/")), "{paden:?}");

    let els = inloggen(&app, "els@meldpunt.test").await;
    let (status, intern) = json(&app, met(get("/api/kennis_suggesties?q=schorsi"), &els)).await;
    assert_eq!(status, StatusCode::OK, "{intern}");
    let paden: Vec<&str> = intern.as_array().unwrap().iter().map(|s| s["pad"].as_str().unwrap()).collect();
    assert!(paden.contains(&"/kennisbank/schorsing-vergunning"), "{paden:?}");
    assert!(paden.iter().all(|p| p.starts_with("/kennisbank/")), "{paden:?}");

    let (_, kort) = json(&app, get("/api/kennis_suggesties?q=s")).await;
    assert_eq!(kort, serde_json::json!([]));
}

#[tokio::test]
async fn the_live_preview_is_sanitised_warns_about_dead_links_and_is_for_editors_only() {
    let (app, _, _) = opzet().await;
    let inhoud = "# Titel\n\nTekst <script>alert(1)</script> [klik](javascript:alert(2)) en [weg](bestaat-niet) en [goed](schorsing-vergunning).";
    let body = formulier(&[("inhoud", inhoud)]);
    let kim = inloggen(&app, "kim@meldpunt.test").await;
    let (status, v) = json(&app, met(post("/api/kennis_voorbeeld", &body), &kim)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let html = v["html"].as_str().unwrap();
    assert!(!html.contains("<script") && !html.contains("javascript:"), "{html}");
    assert!(html.contains("href=\"/kennisbank/schorsing-vergunning\""), "{html}");
    assert_eq!(v["kapotte_links"], serde_json::json!(["bestaat-niet"]));

    let els = inloggen(&app, "els@meldpunt.test").await;
    let resp = app.clone().oneshot(met(post("/api/kennis_voorbeeld", &body), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let te_lang = formulier(&[("inhoud", &"a".repeat(100_001))]);
    let resp = app.clone().oneshot(met(post("/api/kennis_voorbeeld", &te_lang), &kim)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_case_worker_finds_and_cites_a_page_and_the_case_keeps_that_revision() {
    let (app, _, referentie) = opzet().await;
    let els = inloggen(&app, "els@meldpunt.test").await;

    // Search from the case page, without JavaScript.
    let resp = app.clone().oneshot(met(get(&format!("/meldingen/{referentie}?kennis=schorsen")), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains(&format!("value=\"{SLUG}\"")), "the page can be cited");
    assert!(html.contains("Citeer revisie 1"));

    let body = formulier(&[("slug", SLUG), ("revisie", "1"), ("toelichting", "Art. 10 past hier.")]);
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{referentie}/citeren"), &body), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()[header::LOCATION], format!("/meldingen/{referentie}#kennisbank").as_str());

    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{referentie}")), &els)).await.unwrap()).await;
    assert!(html.contains(&format!("/kennisbank/{SLUG}/revisie/1")), "the citation links to the cited revision");
    assert!(html.contains("Art. 10 past hier."));
    assert!(html.contains("Kennisbank geciteerd:"), "and it is on the timeline");

    // The cited revision can be read.
    let resp = app.clone().oneshot(met(get(&format!("/kennisbank/{SLUG}/revisie/1")), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(tekst(resp).await.contains("Dit is de huidige versie"));
    let resp = app.clone().oneshot(met(get(&format!("/kennisbank/{SLUG}/revisie/99")), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_refused_citation_explains_why_and_keeps_the_note() {
    let (app, db, referentie) = opzet().await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let lang = "x".repeat(2_001);
    let body = formulier(&[("slug", SLUG), ("revisie", "1"), ("toelichting", &lang)]);
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{referentie}/citeren"), &body), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("hoogstens 2.000 tekens"), "message next to the field");
    assert!(html.contains(&format!(">{lang}</textarea>")), "the note is kept");

    let body = formulier(&[("slug", "bestaat-niet"), ("revisie", "1"), ("toelichting", "mijn notitie")]);
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{referentie}/citeren"), &body), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("bestaat niet meer in de kennisbank"));
    assert!(html.contains(">mijn notitie</textarea>"), "the note is kept");
    let n: Option<i64> = db.query("RETURN count(SELECT id FROM citaat)").await.unwrap().take(0).unwrap();
    assert_eq!(n.unwrap_or(0), 0, "nothing was written");
}
