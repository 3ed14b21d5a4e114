//! Messages over HTTP: the composer without JavaScript (template links, the draft, "Voorbeeld
//! tonen", refusals with the text kept), review by a coordinator, the outbox pages, and the
//! acknowledgement the web form writes by itself.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use axum::http::{StatusCode, header};
use common::*;
use tower::ServiceExt;

async fn met_sjablonen(db: &app::gemeen::Db) {
    app::sjablonen::service::importeer_als_leeg(db, std::path::Path::new("../content")).await.unwrap().unwrap();
}

/// A case with a named melder who left an e-mail address, and its reference.
async fn zaak(db: &app::gemeen::Db) -> String {
    let r = eerste_referentie(db).await;
    db.query("UPDATE type::record('melder', $r) SET anoniem = false, naam = '<b>Jana</b>', email = 'jana@example.be'")
        .bind(("r", r.clone()))
        .await
        .unwrap()
        .check()
        .unwrap();
    r
}

fn form(paren: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in paren {
        s.append_pair(k, v);
    }
    s.finish()
}

async fn revisie(db: &app::gemeen::Db, slug: &str) -> String {
    let mut r = db.query("SELECT VALUE revisie FROM ONLY type::record('sjabloon', $s)").bind(("s", slug.to_string())).await.unwrap();
    r.take::<Option<i64>>(0).unwrap().unwrap().to_string()
}

#[tokio::test]
async fn the_composer_works_without_javascript_and_keeps_what_was_typed() {
    let (app, db) = app().await;
    met_sjablonen(&db).await;
    let r = zaak(&db).await;
    let els = inloggen(&app, "els@meldpunt.test").await;

    // Step one: links to the templates that fit.
    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{r}/schrijven")), &els)).await.unwrap()).await;
    assert!(html.contains(&format!("/meldingen/{r}/schrijven?sjabloon=doorverwijzing")), "{html}");
    assert!(html.contains("Er is geen mailserver ingesteld"));
    // Step two: the draft, with the melder's name escaped and ticked as recipient.
    let resp = app.clone().oneshot(met(get(&format!("/meldingen/{r}/schrijven?sjabloon=doorverwijzing")), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(!html.contains("<b>Jana</b>"), "markup in a value is never markup on the page");
    assert!(html.contains("[[Naam van de dienst waarnaar we doorverwijzen]]"));
    // The text field is an island (the live preview), so this page loads the bundle.
    assert!(html.contains("<leptos-island") && html.contains(".wasm"), "{html}");
    assert!(html.contains(r#"value="melder" checked"#) || html.contains(r#"checked value="melder""#), "{html}");

    // A preview: the e-mail as it will arrive; nothing stored.
    let rev = revisie(&db, "doorverwijzing").await;
    let basis = [
        ("sjabloon", "doorverwijzing"),
        ("revisie", rev.as_str()),
        ("ontvangers", "melder"),
        ("onderwerp", "Uw melding: een andere dienst helpt u verder"),
    ];
    let mut velden = basis.to_vec();
    velden.extend([("inhoud", "Beste Jana,\n\n<script>alert(1)</script>\n\nWe verwijzen u door naar **[[dienst]]**."), ("actie", "voorbeeld")]);
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{r}/schrijven"), &form(&velden)), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains("Voorbeeld: zo ziet de ontvanger het"));
    assert!(html.contains("<strong>[[dienst]]</strong>"), "{html}");
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("Tekstversie"));

    // The printed letter, shown in the browser; nothing stored.
    velden.pop();
    velden.push(("actie", "pdf"));
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{r}/schrijven"), &form(&velden)), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()[header::CONTENT_TYPE], "application/pdf");
    assert!(tekst(resp).await.starts_with("%PDF-"));

    // Sending with a place left open: refused, the text kept, nothing stored.
    velden.pop();
    velden.push(("actie", "versturen"));
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{r}/schrijven"), &form(&velden)), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Nog niet klaar om te versturen"), "{html}");
    assert!(html.contains("We verwijzen u door naar **[[dienst]]**."));
    // A header injection in a typed address: refused next to the field.
    let mut slecht = basis.to_vec();
    slecht.extend([("inhoud", "Beste Jana"), ("ander", "x@example.be\r\nBcc: y@example.be"), ("actie", "versturen")]);
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{r}/schrijven"), &form(&slecht)), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(tekst(resp).await.contains("geen regeleinde"));
    let n: Option<i64> = db.query("RETURN count(SELECT VALUE id FROM bericht)").await.unwrap().take(0).unwrap();
    assert_eq!(n, Some(0), "nothing stored");
    // Five megabytes: a plain Dutch refusal, no 500.
    let groot = form(&[("inhoud", &"x".repeat(5_000_000))]);
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{r}/schrijven"), &groot), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(tekst(resp).await.contains("te groot"));

    // Written in full: stored, to the outbox (this template needs no second reader), on the case.
    let mut goed = basis.to_vec();
    goed.extend([("inhoud", "Beste Jana,\n\nDe dienst Kind en Gezin helpt u verder."), ("actie", "versturen")]);
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{r}/schrijven"), &form(&goed)), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()[header::LOCATION], format!("/meldingen/{r}#berichten").as_str());
    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{r}")), &els)).await.unwrap()).await;
    assert!(html.contains("Uw melding: een andere dienst helpt u verder"));
    assert!(html.contains("Klaar om te vertrekken"), "{html}");
}

#[tokio::test]
async fn a_coordinator_approves_what_a_case_worker_wrote_and_the_outbox_lists_it() {
    let (app, db) = app().await;
    met_sjablonen(&db).await;
    account(&db, "coord@meldpunt.test", "Chris Coördinator", &[Rol::Coordinator]).await;
    let r = zaak(&db).await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let coord = inloggen(&app, "coord@meldpunt.test").await;
    let rev = revisie(&db, "terugkoppeling-melding").await;
    let velden = [
        ("sjabloon", "terugkoppeling-melding"),
        ("revisie", rev.as_str()),
        ("ontvangers", "melder"),
        ("onderwerp", "Het resultaat van uw melding"),
        ("inhoud", "Beste Jana,\n\nWe bezochten de opvang. Uw melding klopt."),
        ("actie", "versturen"),
    ];
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{r}/schrijven"), &form(&velden)), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let id: String = db.query("SELECT VALUE record::id(id) FROM bericht").await.unwrap().take::<Vec<String>>(0).unwrap().remove(0);

    // The writer sees it, but has no review form and cannot approve by posting.
    let html = tekst(app.clone().oneshot(met(get(&format!("/berichten/{id}")), &els)).await.unwrap()).await;
    assert!(html.contains("Wacht op nazicht") && !html.contains("Goedkeuren en versturen"));
    // The coordinator's list and the message with the form.
    let html = tekst(app.clone().oneshot(met(get("/nazicht"), &coord)).await.unwrap()).await;
    assert!(html.contains("Het resultaat van uw melding"), "{html}");
    let html = tekst(app.clone().oneshot(met(get(&format!("/berichten/{id}")), &coord)).await.unwrap()).await;
    assert!(html.contains("Goedkeuren en versturen"));
    let hash = html.split(r#"name="hash" value=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
    assert_eq!(hash.len(), 64);
    // Sending back needs a comment.
    let resp = app.clone().oneshot(met(post(&format!("/berichten/{id}/nazicht"), "actie=terugsturen&opmerking="), &coord)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(tekst(resp).await.contains("Schrijf wat de schrijver moet aanpassen."));
    // An approval of another text is refused; of this text, accepted.
    let resp = app
        .clone()
        .oneshot(met(post(&format!("/berichten/{id}/nazicht"), &format!("actie=goedkeuren&hash={}", "0".repeat(64))), &coord))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    let resp = app.clone().oneshot(met(post(&format!("/berichten/{id}/nazicht"), &format!("actie=goedkeuren&hash={hash}")), &coord)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let html = tekst(app.clone().oneshot(met(get("/uitgaand"), &coord)).await.unwrap()).await;
    assert!(html.contains("Het resultaat van uw melding") && html.contains("Annuleren"), "{html}");
    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{r}")), &els)).await.unwrap()).await;
    assert!(html.contains("E-mail goedgekeurd door Chris Coördinator"), "on the timeline");
    // The letter version is a document of the case.
    assert!(html.contains("bericht-het-resultaat-van-uw-melding.pdf"), "{html}");

    // A message the mail server refused: the coordinators' werkbak says so, the case worker's not.
    assert!(!tekst(app.clone().oneshot(met(get("/werkbak"), &coord)).await.unwrap()).await.contains("niet verzonden"));
    db.query("UPDATE bericht SET status = 'mislukt', laatste_fout = '550 onbekend adres'").await.unwrap().check().unwrap();
    let html = tekst(app.clone().oneshot(met(get("/werkbak"), &coord)).await.unwrap()).await;
    assert!(html.contains("1 bericht kon niet verzonden worden.") && html.contains(r#"href="/uitgaand""#), "{html}");
    assert!(!tekst(app.clone().oneshot(met(get("/werkbak"), &els)).await.unwrap()).await.contains("niet verzonden"));
    let html = tekst(app.clone().oneshot(met(get("/uitgaand"), &coord)).await.unwrap()).await;
    assert!(html.contains("Niet verzonden: 550 onbekend adres") && html.contains("Opnieuw proberen"), "{html}");
}

#[tokio::test]
async fn the_web_form_writes_the_acknowledgement_by_itself() {
    let (app, db) = app().await;
    met_sjablonen(&db).await;
    let datum = (chrono::Utc::now().date_naive() - chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    let body = form(&[
        ("locatie_id", "L0001"),
        ("categorie", "veiligheid"),
        ("omschrijving", "De poort stond open en er was niemand in de buurt."),
        ("feit_datum", &datum),
        ("relatie", "ouder"),
        ("naam", "Lotte Janssens"),
        ("email", "lotte@voorbeeld.be"),
        ("privacy", "ja"),
        ("actie", "verstuur"),
    ]);
    assert_eq!(app.clone().oneshot(post("/melden", &body)).await.unwrap().status(), StatusCode::OK);
    let mut res = db.query("SELECT VALUE [aan[0].email, status, <string> automatisch] FROM bericht").await.unwrap();
    let rijen: Vec<Vec<String>> = res.take(0).unwrap();
    assert_eq!(rijen, [["lotte@voorbeeld.be", "wachtrij", "true"]]);
}

#[tokio::test]
async fn a_letter_is_written_approved_printed_and_marked_posted_without_javascript() {
    let (app, db) = app().await;
    met_sjablonen(&db).await;
    let r = zaak(&db).await;
    account(&db, "coord@meldpunt.test", "Chris Coördinator", &[Rol::Coordinator]).await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let coord = inloggen(&app, "coord@meldpunt.test").await;
    let slug = "brief-organisator-kennisgeving-melding";
    let pad = format!("/meldingen/{r}/schrijven");
    let html = tekst(app.clone().oneshot(met(get(&format!("{pad}?sjabloon={slug}")), &els)).await.unwrap()).await;
    assert!(html.contains("Per post") && html.contains(r#"name="postadres""#), "{html}");
    let onderwerp = "Kennisgeving van een melding";
    let inhoud = "Geachte organisator,\n\nWe ontvingen een melding over uw opvang.";
    let velden = |adres: &str| {
        form(&[
            ("sjabloon", slug),
            ("revisie", "1"),
            ("kanaal", "brief"),
            ("postadres", adres),
            ("onderwerp", onderwerp),
            ("inhoud", inhoud),
            ("actie", "versturen"),
        ])
    };
    // No address: refused next to the field, the text kept.
    let resp = app.clone().oneshot(met(post(&pad, &velden("")), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Vul het postadres in") && html.contains("We ontvingen een melding over uw opvang."), "{html}");
    let adres = "Vzw De Speelboom\nKerkstraat 1\n9000 Gent";
    assert_eq!(app.clone().oneshot(met(post(&pad, &velden(adres)), &els)).await.unwrap().status(), StatusCode::SEE_OTHER);

    let mut res = db.query("SELECT VALUE [record::id(id), hash] FROM bericht WHERE kanaal = 'brief'").await.unwrap();
    let rij: Vec<Vec<String>> = res.take(0).unwrap();
    let [id, hash] = [rij[0][0].clone(), rij[0][1].clone()];
    let goed = form(&[("actie", "goedkeuren"), ("hash", &hash)]);
    assert_eq!(app.clone().oneshot(met(post(&format!("/berichten/{id}/nazicht"), &goed), &coord)).await.unwrap().status(), StatusCode::SEE_OTHER);

    let html = tekst(app.clone().oneshot(met(get("/uitgaand"), &coord)).await.unwrap()).await;
    assert!(html.contains("Brieven om te posten") && html.contains("Vzw De Speelboom, Kerkstraat 1, 9000 Gent"), "{html}");
    // Nothing ticked: a message, nothing changed.
    let resp = app.clone().oneshot(met(post("/uitgaand/brieven", "actie=gepost"), &coord)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(tekst(resp).await.contains("Vink minstens één brief aan."));
    let resp = app.clone().oneshot(met(post("/uitgaand/brieven", &format!("actie=pdf&brieven={id}")), &coord)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()[header::CONTENT_TYPE], "application/pdf");
    // A case worker may not print or post the outbox's letters.
    let resp = app.clone().oneshot(met(post("/uitgaand/brieven", &format!("actie=gepost&brieven={id}")), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let resp = app.clone().oneshot(met(post("/uitgaand/brieven", &format!("actie=gepost&brieven={id}")), &coord)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{r}")), &els)).await.unwrap()).await;
    assert!(html.contains("Brief per post verstuurd aan Vzw De Speelboom, Kerkstraat 1, 9000 Gent"), "{html}");
}

#[tokio::test]
async fn the_live_preview_is_sanitised_names_open_places_and_is_for_staff_who_write() {
    let (app, db) = app().await;
    app::sjablonen::jargon::vul_als_leeg(&db).await.unwrap();
    let els = inloggen(&app, "els@meldpunt.test").await;
    let inhoud = "Beste Jana,\n\nDe [[datum van het bezoek]] kwamen we langs. <script>alert(1)</script>\n\nWij hebben uw melding ontvankelijk verklaard.";
    let (status, v) = json(&app, met(post("/api/bericht_voorbeeld", &form(&[("inhoud", inhoud)])), &els)).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    let html = v["html"].as_str().unwrap();
    assert!(html.contains("Beste Jana") && !html.contains("<script"), "{html}");
    let open = v["open"].as_array().unwrap();
    assert_eq!(open.len(), 1, "{v}");
    assert!(open[0].as_str().unwrap().contains("datum van het bezoek"), "{v}");
    let opmerkingen = v["schrijfhulp"]["opmerkingen"].as_array().unwrap();
    assert!(opmerkingen.iter().any(|o| o.as_str().unwrap().contains("ontvankelijk")), "jargon is pointed out: {v}");
    let te_lang = form(&[("inhoud", &"a".repeat(10_001))]);
    let resp = app.clone().oneshot(met(post("/api/bericht_voorbeeld", &te_lang), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Without an account: no preview.
    let resp = app.clone().oneshot(post("/api/bericht_voorbeeld", &form(&[("inhoud", "x")]))).await.unwrap();
    assert!(resp.status() == StatusCode::UNAUTHORIZED || resp.status() == StatusCode::FORBIDDEN, "{}", resp.status());
}
