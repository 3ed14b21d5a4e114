//! Templates over HTTP: who may see and edit them, the example, the editor without JavaScript
//! (a mistake named with its line, the typed text kept, nothing written), saving, conflicts, and
//! the jargon list the writing aid advises from (kept by coordinators only). A new template:
//! `http_sjablonen_nieuw.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use axum::http::{StatusCode, header};
use common::sjablonen::*;
use common::*;
use tower::ServiceExt;

async fn stuur(app: &axum::Router, velden: &[(&str, &str)], cookie: &str) -> axum::response::Response {
    stuur_naar(app, &format!("/sjablonen/{SLUG}/bewerken"), velden, cookie).await
}

fn bewerking<'a>(inhoud: &'a str, revisie: &'a str, actie: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("titel", "Ontvangstbevestiging van een melding"),
        ("kanaal", "email"),
        ("publiek", "melder"),
        ("automatisch", "melding-ontvangen"),
        ("zaaksoorten", "melding"),
        ("onderwerp", "We hebben uw melding {{melding.referentie}} goed ontvangen"),
        ("inhoud", inhoud),
        ("revisie", revisie),
        ("wijziging", "Korter"),
        ("actie", actie),
    ]
}

#[tokio::test]
async fn coordinators_see_the_templates_and_case_workers_do_not() {
    let (app, db, cookie) = app_met_sjablonen().await;
    let (status, html) = haal(&app, "/sjablonen", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Ontvangstbevestiging van een melding") && html.contains("Handhaving"), "{html}");
    let (status, html) = haal(&app, &format!("/sjablonen/{SLUG}"), &cookie).await;
    assert_eq!(status, StatusCode::OK);
    let jaar = chrono::Datelike::year(&chrono::Utc::now());
    assert!(html.contains(&format!("M-{jaar}-00042")) && html.contains("Versies"), "{html}");
    let (status, _) = haal(&app, "/sjablonen/bestaat-niet", &cookie).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let els = inloggen(&app, "els@meldpunt.test").await;
    let (status, html) = haal(&app, "/sjablonen", &els).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!html.contains("Ontvangstbevestiging van een melding"));
    let refused = stuur(&app, &bewerking("Beste,", "1", "opslaan"), &els).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(revisie(&db).await, 1);
}

#[tokio::test]
async fn a_mistake_is_named_with_its_line_and_the_text_is_kept() {
    let (app, db, cookie) = app_met_sjablonen().await;
    let inhoud = "Beste {{melder.naam}},\n\nUw dossier {{melding.refrentie}} is in orde.\n";
    let resp = stuur(&app, &bewerking(inhoud, "1", "opslaan"), &cookie).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Regel 3") && html.contains("{{melding.referentie}}"), "{html}");
    assert!(html.contains("Uw dossier {{melding.refrentie}} is in orde."), "the typed text is lost: {html}");
    assert!(html.contains("aria-invalid=\"true\""));
    assert_eq!(revisie(&db).await, 1);
}

#[tokio::test]
async fn a_preview_shows_the_example_and_a_save_answers_303() {
    let (app, db, cookie) = app_met_sjablonen().await;
    let inhoud = "Beste {{melder.naam}},\n\nWe hebben uw melding **goed** ontvangen.\n";
    let resp = stuur(&app, &bewerking(inhoud, "1", "voorbeeld"), &cookie).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains("Voorbeeld (nog niet bewaard)") && html.contains("Beste Jana Peeters"), "{html}");
    assert_eq!(revisie(&db).await, 1);

    let resp = stuur(&app, &bewerking(inhoud, "1", "opslaan"), &cookie).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()[header::LOCATION], format!("/sjablonen/{SLUG}"));
    assert_eq!(revisie(&db).await, 2);
    let (_, html) = haal(&app, &format!("/sjablonen/{SLUG}"), &cookie).await;
    assert!(html.contains("<strong>goed</strong>") && html.contains("Coby Coördinator"), "{html}");
    // The two versions compared, the new line marked as added.
    assert!(html.contains("Twee versies vergelijken") && html.contains("Van versie 1 naar versie 2"), "{html}");
    assert!(html.contains("<ins><code>We hebben uw melding **goed** ontvangen."), "{html}");
    let (_, html) = haal(&app, &format!("/sjablonen/{SLUG}?van=2&naar=2"), &cookie).await;
    assert!(html.contains("Geen verschil."), "{html}");

    // The same form again, still based on revision 1: refused, the text kept.
    let resp = stuur(&app, &bewerking("Andere tekst.\n", "1", "opslaan"), &cookie).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    assert!(tekst(resp).await.contains("Andere tekst."));
    assert_eq!(revisie(&db).await, 2);
}

#[tokio::test]
async fn merge_values_and_template_html_cannot_inject_markup() {
    let (app, _db, cookie) = app_met_sjablonen().await;
    let inhoud =
        "<script>alert(1)</script>\n\nBeste {{melder.naam}} <img src=x onerror=alert(2)>\n</textarea><b id=\"uit\">\n";
    let resp = stuur(&app, &bewerking(inhoud, "1", "voorbeeld"), &cookie).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    let voorbeeld = html.split("Voorbeeld (nog niet bewaard)").nth(1).unwrap().split("h-schrijfhulp").next().unwrap();
    assert!(voorbeeld.contains("Beste Jana Peeters"), "{voorbeeld}");
    assert!(!voorbeeld.contains("<script>alert") && !voorbeeld.contains("onerror"), "{voorbeeld}");
    // The typed text comes back inside its field, escaped: a `</textarea>` in it ends nothing.
    assert!(html.contains("&lt;/textarea&gt;&lt;b id=\"uit\"&gt;"), "{html}");
    // The writing aid may quote the text, as text only.
    for gevaar in ["<img", "<script>alert", "<b id=\"uit\">"] {
        let i = html.find(gevaar).map(|i| &html[i.saturating_sub(200)..(i + 100).min(html.len())]);
        assert!(i.is_none(), "{gevaar}: {i:?}");
    }
}

#[tokio::test]
async fn the_writing_aid_advises_and_does_not_block() {
    let (app, db, cookie) = app_met_sjablonen().await;
    let inhoud = "Beste {{melder.naam}},\n\nUw melding is ontvankelijk.\nZe wordt door een medewerker behandeld.\n";
    let resp = stuur(&app, &bewerking(inhoud, "1", "voorbeeld"), &cookie).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains("Schrijfhulp") && html.contains("Leesbaarheid (Flesch-Douma)"), "{html}");
    assert!(html.contains("Regel 3: schrijf liever"), "{html}");
    assert!(html.contains("Regel 4: “wordt door een medewerker behandeld” is een lijdende zin"), "{html}");
    let resp = stuur(&app, &bewerking(inhoud, "1", "opslaan"), &cookie).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(revisie(&db).await, 2);
}

async fn stuur_jargon(app: &axum::Router, velden: &[(&str, &str)], cookie: &str) -> axum::response::Response {
    let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(velden).finish();
    let req = post("/sjablonen/jargon", &body);
    app.clone().oneshot(if cookie.is_empty() { req } else { met(req, cookie) }).await.unwrap()
}

async fn woorden(db: &app::gemeen::Db) -> Vec<String> {
    app::sjablonen::jargon::lijst(db).await.unwrap().into_iter().map(|j| j.woord).collect()
}

#[tokio::test]
async fn coordinators_keep_the_jargon_list_knowledge_editors_read_it_and_others_may_not() {
    let (app, db, cookie) = app_met_sjablonen().await;
    let (_, lijst) = haal(&app, "/sjablonen", &cookie).await;
    assert!(lijst.contains("href=\"/sjablonen/jargon\""), "{lijst}");
    let (status, html) = haal(&app, "/sjablonen/jargon", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("ontvankelijk") && html.contains("we kunnen uw melding behandelen"), "{html}");
    assert!(html.contains("id=\"jargon-woord\"") && html.contains("Verwijderen"), "{html}");
    let voor = woorden(&db).await;

    account(&db, "kennis@meldpunt.test", "Kim Kennis", &[Rol::Kennisbeheerder]).await;
    let kennis = inloggen(&app, "kennis@meldpunt.test").await;
    let (status, html) = haal(&app, "/sjablonen/jargon", &kennis).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("ontvankelijk") && !html.contains("Verwijderen") && !html.contains("jargon-woord"), "{html}");
    let els = inloggen(&app, "els@meldpunt.test").await;
    let (status, html) = haal(&app, "/sjablonen/jargon", &els).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!html.contains("we kunnen uw melding behandelen"), "{html}");
    for wie in [&kennis, &els] {
        let resp = stuur_jargon(&app, &[("actie", "verwijder"), ("woord", "ontvankelijk")], wie).await;
        assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    }
    let resp = app.clone().oneshot(get("/sjablonen/jargon")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(resp.headers()[header::LOCATION].to_str().unwrap().starts_with("/login"));
    let resp = stuur_jargon(&app, &[("actie", "verwijder"), ("woord", "ontvankelijk")], "").await;
    assert!(resp.headers()[header::LOCATION].to_str().unwrap().starts_with("/login"));
    assert_eq!(woorden(&db).await, voor);
}

#[tokio::test]
async fn a_word_is_refused_with_its_message_added_used_by_the_aid_and_removed() {
    let (app, db, cookie) = app_met_sjablonen().await;
    let inhoud = "Beste {{melder.naam}},\n\nMet betrekking tot uw melding bellen we u.\n";
    let advies = "schrijf liever “over” dan “met betrekking tot”";
    let fout = [("actie", "bewaar"), ("woord", "een woord te veel hier"), ("alternatief", "iets gewoons")];
    let resp = stuur_jargon(&app, &fout, &cookie).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Hoogstens drie woorden") && html.contains("aria-invalid=\"true\""), "{html}");
    assert!(html.contains("value=\"een woord te veel hier\"") && html.contains("value=\"iets gewoons\""), "{html}");

    let nieuw = [("actie", "bewaar"), ("woord", " Met betrekking TOT"), ("alternatief", "over")];
    let resp = stuur_jargon(&app, &nieuw, &cookie).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()[header::LOCATION], "/sjablonen/jargon");
    let (_, html) = haal(&app, "/sjablonen/jargon", &cookie).await;
    assert!(html.contains("met betrekking tot") && html.contains("Coby Coördinator"), "{html}");
    let resp = stuur(&app, &bewerking(inhoud, "1", "voorbeeld"), &cookie).await;
    assert!(tekst(resp).await.contains(advies), "the editor's aid does not use the list");
    let audit: Vec<String> = db
        .query("SELECT VALUE actie FROM audit WHERE object = 'jargon:met betrekking tot'")
        .await
        .unwrap()
        .take(0)
        .unwrap();
    assert_eq!(audit, ["aanmaken"]);

    let weg = [("actie", "verwijder"), ("woord", "met betrekking tot")];
    let resp = stuur_jargon(&app, &weg, &cookie).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(!woorden(&db).await.contains(&"met betrekking tot".to_string()));
    let resp = stuur(&app, &bewerking(inhoud, "1", "voorbeeld"), &cookie).await;
    assert!(!tekst(resp).await.contains(advies));
    // Removed twice (another tab): the list again with a plain message.
    let resp = stuur_jargon(&app, &weg, &cookie).await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert!(tekst(resp).await.contains("Dit woord staat niet (meer) in de lijst."));
}
