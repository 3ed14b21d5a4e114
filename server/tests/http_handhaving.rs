//! The public register over HTTP, without an account or JavaScript: a published step appears
//! only after its embargo, with what it means for parents and a link to the FAQ; a step not
//! marked public or still under embargo never shows; searching by municipality; no wasm.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use app::handhaving::model::{Maatregel, Stapsoort};
use app::handhaving::service::{self, NieuweStap};
use axum::http::StatusCode;
use chrono::{Days, Utc};
use common::*;
use tower::ServiceExt;

/// Two active demo locations: their key, name and municipality.
async fn locaties(db: &app::gemeen::Db) -> Vec<(String, String, String)> {
    let rijen: Vec<Vec<String>> = db
        .query("SELECT VALUE [record::id(id), naam, gemeente] FROM locatie WHERE vergunning = 'actief' ORDER BY id LIMIT 2")
        .await
        .unwrap()
        .take(0)
        .unwrap();
    rijen.into_iter().map(|r| (r[0].clone(), r[1].clone(), r[2].clone())).collect()
}

fn stap(soort: Stapsoort, maatregel: Option<Maatregel>, betekend_dagen_geleden: u64, publiek: bool) -> NieuweStap {
    let betekend = Utc::now().date_naive() - Days::new(betekend_dagen_geleden);
    NieuweStap {
        soort,
        maatregel,
        onmiddellijk: false,
        reden: None,
        tekst: "Vastgesteld bij een inspectie.".into(),
        datum: betekend,
        betekend: Some(betekend),
        termijn: None,
        publiek,
    }
}

#[tokio::test]
async fn published_steps_appear_after_the_embargo_with_plain_words_for_parents() {
    let (app, db) = app().await;
    let rollen = [Rol::KlantenbeheerderKinderopvang];
    let id = account(&db, "ann@meldpunt.test", "Ann Peeters", &rollen).await;
    let ann = app::auth::model::Gebruiker { id, email: "ann@meldpunt.test".into(), naam: "Ann Peeters".into(), rollen: rollen.to_vec() };
    let l = locaties(&db).await;
    assert_eq!(l.len(), 2, "two active demo locations");
    // Location one: a warning two weeks ago (public), an intention today (public, under embargo).
    let een = service::open(&db, &ann, &l[0].0, "Toezicht.", &[], Utc::now()).await.unwrap();
    service::voeg_stap_toe(&db, &ann, &een, 0, &stap(Stapsoort::Aanmaning, None, 14, true), Utc::now()).await.unwrap();
    let voornemen = stap(Stapsoort::Voornemen, Some(Maatregel::Schorsing), 0, true);
    service::voeg_stap_toe(&db, &ann, &een, 1, &voornemen, Utc::now()).await.unwrap();
    // Location two: a warning two weeks ago, not marked public.
    let twee = service::open(&db, &ann, &l[1].0, "Brandveiligheid.", &[], Utc::now()).await.unwrap();
    service::voeg_stap_toe(&db, &ann, &twee, 0, &stap(Stapsoort::Aanmaning, None, 14, false), Utc::now()).await.unwrap();

    let resp = app.clone().oneshot(get("/handhaving")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains(&l[0].1), "{html}");
    assert!(html.contains("officiële waarschuwing") && html.contains(r#"href="/faq/wat-betekent-een-aanmaning""#), "{html}");
    assert!(!html.contains("Voornemen tot maatregel"), "the intention is under embargo: {html}");
    assert!(!html.contains(&l[1].1), "a step not marked public never shows");
    assert!(!html.contains(".wasm") && !html.contains(r#"type="module""#), "a public page loads no bundle");
    assert!(html.len() < 60_000, "light like the FAQ: {} bytes", html.len());

    // Searching by municipality finds it; another word finds nothing, and says so.
    let q = form_urlencoded::byte_serialize(l[0].2.as_bytes()).collect::<String>();
    let html = tekst(app.clone().oneshot(get(&format!("/handhaving?zoek={q}"))).await.unwrap()).await;
    assert!(html.contains(&l[0].1), "{html}");
    let html = tekst(app.clone().oneshot(get("/handhaving?zoek=Qxzwvj")).await.unwrap()).await;
    assert!(html.contains("Geen opvang gevonden voor “Qxzwvj”."), "{html}");
}

#[tokio::test]
async fn an_account_manager_opens_a_dossier_and_adds_steps_without_javascript() {
    let (app, db) = app().await;
    let rollen = [Rol::KlantenbeheerderKinderopvang];
    account(&db, "ann@meldpunt.test", "Ann Peeters", &rollen).await;
    let ann = inloggen(&app, "ann@meldpunt.test").await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let l = locaties(&db).await;
    let form = |paren: &[(&str, &str)]| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in paren {
            s.append_pair(k, v);
        }
        s.finish()
    };
    // Bad input: refused next to the field, the text kept.
    let resp = app.clone().oneshot(met(post("/handhaving/dossiers", &form(&[("locatie", &l[0].0), ("aanleiding", "")])), &ann)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(tekst(resp).await.contains("Schrijf waarom u het dossier opent."));
    // A case worker reads but does not open.
    let open = form(&[("locatie", &l[0].0), ("aanleiding", "Drie meldingen over toezicht.")]);
    assert_eq!(app.clone().oneshot(met(post("/handhaving/dossiers", &open), &els)).await.unwrap().status(), StatusCode::FORBIDDEN);
    let resp = app.clone().oneshot(met(post("/handhaving/dossiers", &open), &ann)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let pad = resp.headers()["location"].to_str().unwrap().to_string();

    // A decision without an intention: refused with the reason, the typed text kept.
    let vandaag = Utc::now().date_naive().format("%Y-%m-%d").to_string();
    let beslissing = form(&[("versie", "0"), ("soort", "beslissing"), ("maatregel", "schorsing"), ("tekst", "Schorsen."), ("datum", &vandaag)]);
    let resp = app.clone().oneshot(met(post(&format!("{pad}/stappen"), &beslissing), &ann)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Een beslissing volgt op een voornemen.") && html.contains("Schorsen."), "{html}");
    let aanmaning = form(&[("versie", "0"), ("soort", "aanmaning"), ("tekst", "In orde brengen tegen maart."), ("datum", &vandaag), ("publiek", "ja")]);
    let resp = app.clone().oneshot(met(post(&format!("{pad}/stappen"), &aanmaning), &ann)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    // The same version again: someone added a step meanwhile.
    let resp = app.clone().oneshot(met(post(&format!("{pad}/stappen"), &aanmaning), &ann)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::CONFLICT);

    let html = tekst(app.clone().oneshot(met(get(&pad), &els)).await.unwrap()).await;
    assert!(html.contains("In orde brengen tegen maart.") && html.contains(&l[0].1), "{html}");
    assert!(!html.contains("Stap toevoegen"), "a case worker reads only");
    let html = tekst(app.clone().oneshot(met(get("/handhaving/dossiers"), &els)).await.unwrap()).await;
    assert!(html.contains(&l[0].1) && !html.contains("Dossier openen"), "{html}");
    let html = tekst(app.clone().oneshot(met(get(&pad), &ann)).await.unwrap()).await;
    assert!(html.contains("Stap toevoegen") && html.contains(r#"name="versie" value="1""#), "{html}");
}
