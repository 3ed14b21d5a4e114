//! The knowledge base over HTTP: public FAQ and regulation pages, internal pages hidden as 404,
//! search without JavaScript, the editor's role checks, saving, revision conflicts and sanitising.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use axum::http::StatusCode;
use common::*;
use tower::ServiceExt;

async fn app_met_kennisbank() -> (axum::Router, app::gemeen::Db) {
    let (app, db) = app().await;
    let index = app::kennisbank::zoekindex::Kennisindex::default();
    let pad = std::path::Path::new("../content");
    app::kennisbank::service::importeer_map(&db, &index, pad, "test").await.unwrap();
    account(&db, "kim@meldpunt.test", "Kim Peeters", &[Rol::Kennisbeheerder]).await;
    (app, db)
}

async fn haal(app: &axum::Router, pad: &str, cookie: Option<&str>) -> (StatusCode, String) {
    let req = match cookie {
        Some(c) => met(get(pad), c),
        None => get(pad),
    };
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    (status, tekst(resp).await)
}

fn formulier(velden: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in velden {
        s.append_pair(k, v);
    }
    s.finish()
}

const SLUG: &str = "wat-betekent-een-schorsing";

fn bewerking<'a>(inhoud: &'a str, revisie: &'a str, actie: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("titel", "Wat betekent een schorsing?"),
        ("samenvatting", "Uitleg over een schorsing."),
        ("soort", "faq"),
        ("doelgroep", "publiek"),
        ("regelgeving", ""),
        ("artikels", ""),
        ("geldig_vanaf", "2026-11-01"),
        ("tags", "schorsing, vergunning"),
        ("thema", "Handhaving"),
        ("inhoud", inhoud),
        ("revisie", revisie),
        ("wijziging", "Tekst herschreven"),
        ("actie", actie),
    ]
}

#[tokio::test]
async fn the_public_reads_faq_and_regulation_pages_but_not_internal_ones() {
    let (app, _) = app_met_kennisbank().await;
    let (status, html) = haal(&app, "/faq", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!(r#"href="/faq/{SLUG}""#)));
    assert!(!html.contains("/kennisbank/"), "no staff links on the public index");
    assert!(!html.contains(".wasm") && !html.contains("hydrate"), "public pages load no wasm");

    let (status, html) = haal(&app, &format!("/faq/{SLUG}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Wat betekent een schorsing?"), "{html}");
    assert!(!html.contains(".wasm"));
    let (status, html) = haal(&app, "/regelgeving/schorsing-vergunning", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Geldig vanaf"));

    for pad in ["/faq/aanmaning", "/regelgeving/aanmaning", "/faq/bestaat-niet", "/faq/schorsing-vergunning"] {
        assert_eq!(haal(&app, pad, None).await.0, StatusCode::NOT_FOUND, "{pad}");
    }
    let resp = app.clone().oneshot(get("/kennisbank/aanmaning")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(resp.headers()["location"].to_str().unwrap().starts_with("/login"));
}

#[tokio::test]
async fn search_works_without_javascript_and_tolerates_a_typo() {
    let (app, _) = app_met_kennisbank().await;
    let (status, html) = haal(&app, "/zoeken?q=schorsign", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"role="search""#) && html.contains(r#"<label for="z-q">"#));
    assert!(html.contains(&format!(r#"href="/faq/{SLUG}""#)), "{html}");
    assert!(html.contains("<mark>"));

    let (_, html) = haal(&app, "/zoeken?q=adviesvraag+experten", None).await;
    assert!(!html.contains("/kennisbank/"), "the public never gets internal pages");
    let cookie = inloggen(&app, "els@meldpunt.test").await;
    let (_, html) = haal(&app, "/zoeken?q=adviesvraag+experten", Some(&cookie)).await;
    assert!(html.contains(r#"href="/kennisbank/adviesvraag-experten""#));
    assert!(html.contains(r#"name="doelgroep""#), "staff see the audience filter");
    let (status, html) = haal(&app, "/kennisbank?q=aanmaning", Some(&cookie)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"href="/kennisbank/aanmaning""#));
}

#[tokio::test]
async fn only_knowledge_editors_edit() {
    let (app, _) = app_met_kennisbank().await;
    let pad = format!("/kennisbank/{SLUG}/bewerken");
    let body = formulier(&bewerking("Nieuwe tekst.", "1", "opslaan"));
    let resp = app.clone().oneshot(get(&pad)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER, "anonymous: to the login page");
    let resp = app.clone().oneshot(post(&pad, &body)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(resp.headers()["location"].to_str().unwrap().starts_with("/login"));

    let casewerker = inloggen(&app, "els@meldpunt.test").await;
    assert_eq!(haal(&app, &pad, Some(&casewerker)).await.0, StatusCode::FORBIDDEN);
    let resp = app.clone().oneshot(met(post(&pad, &body), &casewerker)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let publiceer = format!("/kennisbank/{SLUG}/publiceren");
    let resp = app.clone().oneshot(met(post(&publiceer, "gepubliceerd=nee"), &casewerker)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);

    let kim = inloggen(&app, "kim@meldpunt.test").await;
    let (status, html) = haal(&app, &pad, Some(&kim)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"<textarea id="k-inhoud""#));
}

#[tokio::test]
async fn an_editor_previews_saves_and_the_change_is_searchable_at_once() {
    let (app, _) = app_met_kennisbank().await;
    let kim = inloggen(&app, "kim@meldpunt.test").await;
    let pad = format!("/kennisbank/{SLUG}/bewerken");
    let inhoud = "# Titel\n\nDe opvang oefent de zebrapadoefening. Zie [de regels](bestaat-niet).\n";

    let resp = app.clone().oneshot(met(post(&pad, &formulier(&bewerking(inhoud, "1", "voorbeeld"))), &kim)).await;
    let html = tekst(resp.unwrap()).await;
    assert!(html.contains("Voorbeeld (nog niet bewaard)") && html.contains("zebrapadoefening"));
    assert!(html.contains("<code>bestaat-niet"), "broken links are listed before saving: {html}");
    assert!(!html.contains(r#"href="/kennisbank/bestaat-niet""#), "never a dead link");

    // Saving with a broken link asks for confirmation first; the text stays.
    let resp = app.clone().oneshot(met(post(&pad, &formulier(&bewerking(inhoud, "1", "opslaan"))), &kim)).await;
    let html = tekst(resp.unwrap()).await;
    assert!(html.contains("Toch opslaan") && html.contains("zebrapadoefening"));
    let resp = app.clone().oneshot(met(post(&pad, &formulier(&bewerking(inhoud, "1", "toch_opslaan"))), &kim)).await;
    let resp = resp.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);

    let (_, html) = haal(&app, "/zoeken?q=zebrapadoefening", None).await;
    assert!(html.contains(&format!(r#"href="/faq/{SLUG}""#)), "searchable at once: {html}");

    // Saving on the old revision is refused, with the typed text kept.
    let oud = formulier(&bewerking("Mijn eigen versie van de tekst.", "1", "toch_opslaan"));
    let resp = app.clone().oneshot(met(post(&pad, &oud), &kim)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    let html = tekst(resp).await;
    assert!(html.contains("nieuwere versie") && html.contains("Mijn eigen versie van de tekst."));

    // A missing field: 422 and the message next to the field.
    let mut leeg = bewerking(inhoud, "2", "opslaan");
    leeg[0].1 = " ";
    let resp = app.clone().oneshot(met(post(&pad, &formulier(&leeg)), &kim)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The kit names a message `fout-<control id>`; the editor's controls are `k-<veld>`.
    assert!(tekst(resp).await.contains(r#"id="fout-k-titel""#));

    let (status, html) = haal(&app, &format!("/kennisbank/{SLUG}/revisies"), Some(&kim)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Kim Peeters") && html.contains("Tekst herschreven"));
    assert!(html.contains("<ins>") && html.contains("<del>") && html.contains("toegevoegd"));
}

#[tokio::test]
async fn script_in_an_edited_page_renders_inert() {
    let (app, _) = app_met_kennisbank().await;
    let kim = inloggen(&app, "kim@meldpunt.test").await;
    let pad = format!("/kennisbank/{SLUG}/bewerken");
    let kwaad =
        "Hallo <script>alert('xss')</script> <img src=x onerror=\"alert('img')\"> [klik](javascript:alert('link'))\n";
    let resp = app.clone().oneshot(met(post(&pad, &formulier(&bewerking(kwaad, "1", "opslaan"))), &kim)).await;
    assert_eq!(resp.unwrap().status(), StatusCode::SEE_OTHER);
    for p in [format!("/faq/{SLUG}"), format!("/kennisbank/{SLUG}")] {
        let (status, html) = haal(&app, &p, Some(&kim)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("alert("), "{p}: {html}");
        assert!(!html.contains("javascript:"));
        assert!(html.contains("Hallo"));
    }
    // In the preview too.
    let resp = app.clone().oneshot(met(post(&pad, &formulier(&bewerking(kwaad, "2", "voorbeeld"))), &kim)).await;
    let html = tekst(resp.unwrap()).await;
    let voorbeeld = html.split("Voorbeeld (nog niet bewaard)").nth(1).unwrap().split("</section>").next().unwrap();
    assert!(!voorbeeld.contains("<script>alert") && !voorbeeld.contains("onerror"), "{voorbeeld}");
}
