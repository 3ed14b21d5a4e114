//! Templates over HTTP: who may see and edit them, the example, the editor without JavaScript
//! (a mistake named with its line, the typed text kept, nothing written), saving, conflicts.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use axum::http::{StatusCode, header};
use common::*;
use tower::ServiceExt;

const SLUG: &str = "ontvangstbevestiging-melding";

async fn app_met_sjablonen() -> (axum::Router, app::gemeen::Db, String) {
    let (app, db) = app().await;
    app::sjablonen::service::importeer_als_leeg(&db, std::path::Path::new("../content")).await.unwrap().unwrap();
    account(&db, "coord@meldpunt.test", "Coby Coördinator", &[Rol::Coordinator]).await;
    let cookie = inloggen(&app, "coord@meldpunt.test").await;
    (app, db, cookie)
}

async fn haal(app: &axum::Router, pad: &str, cookie: &str) -> (StatusCode, String) {
    let resp = app.clone().oneshot(met(get(pad), cookie)).await.unwrap();
    let status = resp.status();
    (status, tekst(resp).await)
}

async fn stuur(app: &axum::Router, velden: &[(&str, &str)], cookie: &str) -> axum::response::Response {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in velden {
        s.append_pair(k, v);
    }
    app.clone().oneshot(met(post(&format!("/sjablonen/{SLUG}/bewerken"), &s.finish()), cookie)).await.unwrap()
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

async fn revisie(db: &app::gemeen::Db) -> i64 {
    let mut r = db.query("SELECT VALUE revisie FROM ONLY sjabloon:⟨ontvangstbevestiging-melding⟩").await.unwrap();
    r.take::<Option<i64>>(0).unwrap().unwrap()
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
