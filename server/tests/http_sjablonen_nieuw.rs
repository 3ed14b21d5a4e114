//! A new template over HTTP (`/sjablonen/nieuw`, without JavaScript): created as revision 1 with
//! its author and an audit entry, and read at its page; a bad or taken short name and a mistake
//! in the text refused next to their field with the input kept and nothing written; refused to
//! other roles; two creating the same short name at once: one wins.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use axum::http::{StatusCode, header};
use common::sjablonen::*;
use common::*;

/// The form of `/sjablonen/nieuw`, posted.
async fn nieuw(app: &axum::Router, slug: &str, inhoud: &str, actie: &str, cookie: &str) -> axum::response::Response {
    let velden = [
        ("titel", "Uitleg over de wachttijd"),
        ("slug", slug),
        ("kanaal", "email"),
        ("publiek", "melder"),
        ("automatisch", ""),
        ("zaaksoorten", "vraag"),
        ("onderwerp", "Antwoord op uw vraag {{melding.referentie}}"),
        ("inhoud", inhoud),
        ("actie", actie),
    ];
    stuur_naar(app, "/sjablonen/nieuw", &velden, cookie).await
}

async fn aantal(db: &app::gemeen::Db, tabel: &str) -> usize {
    let sql = format!("SELECT VALUE record::id(id) FROM {tabel}");
    db.query(sql).await.unwrap().take::<Vec<String>>(0).unwrap().len()
}

const GOED: &str = "Beste {{melder.naam}},\n\nHier is het antwoord op uw vraag.\n";

#[tokio::test]
async fn a_coordinator_creates_a_template_that_is_then_read_at_its_page() {
    let (app, db, cookie) = app_met_sjablonen().await;
    let (_, lijst) = haal(&app, "/sjablonen", &cookie).await;
    assert!(lijst.contains("href=\"/sjablonen/nieuw\"") && lijst.contains("Nieuw sjabloon"), "{lijst}");
    let (status, html) = haal(&app, "/sjablonen/nieuw", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Nieuw sjabloon") && html.contains("Korte naam (in de adresbalk)"), "{html}");
    assert!(html.contains("action=\"/sjablonen/nieuw\"") && !html.contains("Wat hebt u gewijzigd?"), "{html}");
    let voor = aantal(&db, "sjabloon").await;

    let resp = nieuw(&app, "uitleg-wachttijd", GOED, "voorbeeld", &cookie).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains("Voorbeeld (nog niet bewaard)") && html.contains("Beste Jana Peeters"), "{html}");
    assert!(html.contains("value=\"uitleg-wachttijd\""), "{html}");
    assert_eq!(aantal(&db, "sjabloon").await, voor);

    let resp = nieuw(&app, "uitleg-wachttijd", GOED, "opslaan", &cookie).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()[header::LOCATION], "/sjablonen/uitleg-wachttijd");
    let (status, html) = haal(&app, "/sjablonen/uitleg-wachttijd", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>Uitleg over de wachttijd") && html.contains("Hier is het antwoord"), "{html}");
    let revisies = app::sjablonen::repo::revisies(&db, "uitleg-wachttijd").await.unwrap();
    let r: Vec<_> = revisies.iter().map(|r| (r.nummer, r.door.as_str(), r.samenvatting.as_str())).collect();
    assert_eq!(r, [(1, "Coby Coördinator", "Nieuw sjabloon")]);
    let (_, lijst) = haal(&app, "/sjablonen", &cookie).await;
    assert!(lijst.contains("href=\"/sjablonen/uitleg-wachttijd\""), "{lijst}");
    let sql = "SELECT VALUE actie FROM audit WHERE object = 'uitleg-wachttijd'";
    assert_eq!(db.query(sql).await.unwrap().take::<Vec<String>>(0).unwrap(), ["aanmaken"]);
}

#[tokio::test]
async fn a_bad_or_taken_short_name_or_an_unknown_merge_field_is_refused_and_nothing_is_written() {
    let (app, db, cookie) = app_met_sjablonen().await;
    let (sjablonen, revisies) = (aantal(&db, "sjabloon").await, aantal(&db, "sjabloon_revisie").await);
    for (slug, bericht) in [
        ("Antwoord Op", "Gebruik kleine letters, cijfers en koppeltekens."),
        ("ab", "Gebruik 3 tot 60 tekens."),
        ("nieuw", "Deze korte naam is voorbehouden."),
    ] {
        let resp = nieuw(&app, slug, GOED, "opslaan", &cookie).await;
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY, "{slug}");
        let html = tekst(resp).await;
        assert!(html.contains(bericht) && html.contains("href=\"#s-slug\""), "{slug}: {html}");
        assert!(html.contains(&format!("value=\"{slug}\"")) && html.contains("Hier is het antwoord"), "{html}");
    }
    let resp = nieuw(&app, SLUG, GOED, "opslaan", &cookie).await;
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    let html = tekst(resp).await;
    assert!(html.contains("Er bestaat al een sjabloon met deze korte naam.") && html.contains("Hier is het antwoord"));
    assert!(html.contains("aria-invalid=\"true\""), "{html}");
    let inhoud = "Beste {{melder.naam}},\n\nUw dossier {{melding.refrentie}} is in orde.\n";
    let resp = nieuw(&app, "uitleg-wachttijd", inhoud, "opslaan", &cookie).await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Regel 3") && html.contains("{{melding.referentie}}"), "{html}");
    assert!(html.contains("Uw dossier {{melding.refrentie}} is in orde."), "the typed text is lost: {html}");
    assert_eq!((aantal(&db, "sjabloon").await, aantal(&db, "sjabloon_revisie").await), (sjablonen, revisies));
    assert_eq!(revisie(&db).await, 1);
}

#[tokio::test]
async fn a_case_worker_may_not_create_a_template() {
    let (app, db, _) = app_met_sjablonen().await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let (status, html) = haal(&app, "/sjablonen/nieuw", &els).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!html.contains("Korte naam"), "{html}");
    let resp = nieuw(&app, "uitleg-wachttijd", GOED, "opslaan", &els).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let e = app::sjablonen::repo::een(&db, "uitleg-wachttijd").await;
    assert!(matches!(e, Ok(None)), "{e:?}");
}

/// Two people creating the same short name at once: one is stored, the other told it is taken.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn of_two_creating_the_same_short_name_at_once_one_wins() {
    let (_app, db, _) = app_met_sjablonen().await;
    let mut invoer = app::sjablonen::invoer::nieuwe_invoer().invoer;
    (invoer.titel, invoer.onderwerp) = ("Tegelijk".into(), "Onderwerp".into());
    let pogingen: Vec<_> = (0..6)
        .map(|i| {
            let (db, mut invoer) = (db.clone(), invoer.clone());
            invoer.inhoud = format!("Versie {i}.\n");
            tokio::spawn(async move {
                let s = app::sjablonen::invoer::uit_nieuwe_invoer("tegelijk", &invoer).unwrap();
                app::sjablonen::service::nieuw(&db, &s, &format!("schrijver {i}")).await
            })
        })
        .collect();
    let mut uitkomsten = Vec::new();
    for p in pogingen {
        uitkomsten.push(p.await.unwrap());
    }
    let gelukt = uitkomsten.iter().filter(|u| u.is_ok()).count();
    let bezet = uitkomsten.iter().filter(|u| matches!(u, Err(app::sjablonen::fout::SjabloonFout::Bestaat))).count();
    assert_eq!((gelukt, bezet), (1, 5), "{uitkomsten:?}");
    assert_eq!(app::sjablonen::repo::revisies(&db, "tegelijk").await.unwrap().len(), 1);
}
