//! Documents and links over HTTP: uploads checked on size (413) and on content (422) with a Dutch
//! message, stored and listed, downloaded with the same bytes only by those who may see the case,
//! a damaged file detected; an expert's documents on their own request; linking meldingen.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use axum::http::{StatusCode, header};
use common::*;
use tower::ServiceExt;

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

/// A docx as far as its content goes: a zip whose first entry lies under `word/`.
fn docx() -> Vec<u8> {
    let mut v = b"PK\x03\x04".to_vec();
    v.extend_from_slice(&[0u8; 26]);
    v.extend_from_slice(b"word/document.xml<w:document/>");
    v
}

/// (key, checksum) of every stored document, oldest first.
async fn documenten(db: &app::gemeen::Db) -> Vec<(String, String)> {
    let mut res =
        db.query("SELECT VALUE record::id(id) FROM document ORDER BY tijdstip, id; SELECT VALUE sha256 FROM document ORDER BY tijdstip, id;")
            .await
            .unwrap();
    let ids: Vec<String> = res.take(0).unwrap();
    let shas: Vec<String> = res.take(1).unwrap();
    ids.into_iter().zip(shas).collect()
}

async fn bytes(resp: axum::response::Response) -> Vec<u8> {
    axum::body::to_bytes(resp.into_body(), 20_000_000).await.unwrap().to_vec()
}

#[tokio::test]
async fn uploads_are_checked_stored_and_downloaded_only_by_who_may_see_the_case() {
    let (app, db, map) = app_met_documenten().await;
    let referentie = eerste_referentie(&db).await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let pad = format!("/meldingen/{referentie}/documenten");

    // Too large: refused from the announced length, and while streaming when none is announced.
    let groot = vec![b'a'; 10 * 1000 * 1000 + 1];
    for lengte in [true, false] {
        let resp = app.clone().oneshot(met(upload(&pad, "groot.pdf", &groot, lengte), &els)).await.unwrap();
        assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE, "Content-Length announced: {lengte}");
        let html = tekst(resp).await;
        assert!(html.contains("Dit bestand is te groot: hoogstens 10,0 MB."), "{lengte}");
        assert!(html.contains(r#"id="fout-bestand""#));
    }

    // An announced body far beyond the limit is refused before anything is read.
    let mut req = upload(&pad, "enorm.pdf", PDF, true);
    req.headers_mut().insert(header::CONTENT_LENGTH, "500000000".parse().unwrap());
    let resp = app.clone().oneshot(met(req, &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(tekst(resp).await.contains("Dit bestand is te groot"));

    // Wrong kind, whatever the name says: HTML and a Windows executable named .pdf.
    let html_bestand = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".to_vec();
    let exe =
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode".to_vec();
    for (naam, inhoud) in [("verslag.pdf", html_bestand), ("verslag.pdf", exe), ("foto.png", b"<svg/>".to_vec())] {
        let resp = app.clone().oneshot(met(upload(&pad, naam, &inhoud, true), &els)).await.unwrap();
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(tekst(resp).await.contains("Dit soort bestand aanvaarden we niet."));
    }
    // No file at all (a plain form post).
    let resp = app.clone().oneshot(met(post(&pad, "bestand="), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(tekst(resp).await.contains("Kies een bestand om toe te voegen."));
    assert!(documenten(&db).await.is_empty(), "nothing stored for refused uploads");
    assert!(!map.exists() || std::fs::read_dir(&map).unwrap().next().is_none(), "no files on disk either");

    // A real PDF: stored, listed on the case, on the timeline.
    let resp = app.clone().oneshot(met(upload(&pad, "Verslag <bezoek>.pdf", PDF, true), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()["location"], format!("/meldingen/{referentie}#documenten"));
    let docs = documenten(&db).await;
    assert_eq!(docs.len(), 1);
    let (id, sha) = docs[0].clone();
    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{referentie}")), &els)).await.unwrap()).await;
    let download = format!("/meldingen/{referentie}/documenten/{id}");
    assert!(html.contains(&format!(r#"href="{download}""#)), "listed with a download link");
    let namen: Vec<String> = db.query("SELECT VALUE naam FROM document").await.unwrap().take(0).unwrap();
    assert!(html.contains("Verslag _bezoek.pdf"), "{namen:?}");
    assert!(html.contains("Document toegevoegd: Verslag _bezoek.pdf (PDF, 65 bytes)."));
    assert!(map.join(&sha[..2]).join(&sha).exists(), "stored under its checksum");

    // The case worker downloads the same bytes, as an attachment that is never sniffed.
    let resp = app.clone().oneshot(met(get(&download), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(resp.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let dispositie = resp.headers()[header::CONTENT_DISPOSITION].to_str().unwrap().to_string();
    assert!(dispositie.starts_with("attachment; filename=\"Verslag _bezoek.pdf\""), "{dispositie}");
    assert_eq!(bytes(resp).await, PDF);
    let audit: Vec<String> = db
        .query("SELECT VALUE object FROM audit WHERE actie = 'bekijken' AND object CONTAINS 'document:'")
        .await
        .unwrap()
        .take(0)
        .unwrap();
    assert_eq!(audit, vec![format!("{referentie} document:{id}")], "the download is audited");

    // Who may not see the case gets nothing: another organiser's account manager, an expert,
    // an anonymous visitor; and the document under another case's reference does not exist.
    account(&db, "kb2@meldpunt.test", "Ander", &[Rol::KlantenbeheerderKinderopvang]).await;
    account(&db, "jurist@meldpunt.test", "Jurist", &[Rol::Expert]).await;
    let kb2 = inloggen(&app, "kb2@meldpunt.test").await;
    let jurist = inloggen(&app, "jurist@meldpunt.test").await;
    let resp = app.clone().oneshot(met(get(&download), &kb2)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert!(!bytes(resp).await.starts_with(b"%PDF"));
    assert_eq!(app.clone().oneshot(met(get(&download), &jurist)).await.unwrap().status(), StatusCode::FORBIDDEN);
    let anoniem = app.clone().oneshot(get(&download)).await.unwrap();
    assert!(anoniem.status().is_redirection());
    assert!(anoniem.headers()["location"].to_str().unwrap().starts_with("/login"));
    let ander: String = db
        .query("SELECT VALUE referentie FROM melding WHERE referentie != $r LIMIT 1")
        .bind(("r", referentie.clone()))
        .await
        .unwrap()
        .take::<Vec<String>>(0)
        .unwrap()
        .remove(0);
    let elders = format!("/meldingen/{ander}/documenten/{id}");
    assert_eq!(app.clone().oneshot(met(get(&elders), &els)).await.unwrap().status(), StatusCode::NOT_FOUND);
    let resp = app.clone().oneshot(met(upload(&pad, "x.pdf", PDF, true), &kb2)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND, "nor may they upload");

    // A file changed on disk is detected on reading: no bytes served.
    std::fs::write(map.join(&sha[..2]).join(&sha), b"%PDF-1.7 vervalst").unwrap();
    let resp = app.clone().oneshot(met(get(&download), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body = String::from_utf8(bytes(resp).await).unwrap();
    assert!(body.contains("Dit document is beschadigd"), "{body}");
    let _ = std::fs::remove_dir_all(map);
}

#[tokio::test]
async fn after_retention_a_document_is_listed_without_a_link_and_its_download_is_gone() {
    let (app, db, map) = app_met_documenten().await;
    let referentie = eerste_referentie(&db).await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let pad = format!("/meldingen/{referentie}/documenten");
    let resp = app.clone().oneshot(met(upload(&pad, "verslag.pdf", PDF, true), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let (id, sha) = documenten(&db).await.remove(0);
    let download = format!("{pad}/{id}");
    db.query(
        "UPDATE type::record('melding', $r) SET status = 'afgesloten', afgerond = time::now() - 400d;
         UPDATE (SELECT VALUE melder FROM ONLY type::record('melding', $r)) SET anoniem = false, naam = 'Nora Ouder';",
    )
    .bind(("r", referentie.clone()))
    .await
    .unwrap()
    .check()
    .unwrap();

    let bestanden = app::gemeen::opslag::Bestanden::new(&map);
    let u = app::bewaring::service::voer_uit(&db, &bestanden, 365, chrono::Utc::now()).await.unwrap();
    assert!(u.meldingen.iter().any(|k| k.referentie == referentie), "the case is due");
    assert_eq!(u.bestanden, 1, "its one document file");
    assert!(!map.join(&sha[..2]).join(&sha).exists(), "the file is deleted");

    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{referentie}")), &els)).await.unwrap()).await;
    assert!(html.contains("verslag.pdf"), "still listed by name");
    assert!(!html.contains(&format!(r#"href="{download}""#)), "without a download link");
    assert!(html.contains("(bewaartermijn voorbij)"));
    // The reporter block says their contact data went with the retention period.
    assert!(html.contains("bewaartermijn verstreken"), "{html}");
    assert!(!html.contains("Nora Ouder"));
    let resp = app.clone().oneshot(met(get(&download), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::GONE);
    let body = String::from_utf8(bytes(resp).await).unwrap();
    assert!(body.contains("Dit document is verwijderd: de bewaartermijn"), "{body}");
    let _ = std::fs::remove_dir_all(map);
}

#[tokio::test]
async fn an_expert_attaches_documents_to_their_own_request_only() {
    let (app, db, map) = app_met_documenten().await;
    let referentie = eerste_referentie(&db).await;
    account(&db, "jurist@meldpunt.test", "Jurist", &[Rol::Expert]).await;
    account(&db, "arts@meldpunt.test", "Arts", &[Rol::Expert]).await;
    use app::advies::model::Discipline;
    app::advies::service::zet_discipline(&db, "jurist@meldpunt.test", Discipline::Jurist).await.unwrap();
    app::advies::service::zet_discipline(&db, "arts@meldpunt.test", Discipline::Arts).await.unwrap();
    let els = inloggen(&app, "els@meldpunt.test").await;
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("aan", "discipline:jurist")
        .append_pair("vraag", "Is dit een inbreuk?")
        .append_pair(
            "vervalt",
            &(chrono::Utc::now().date_naive() + chrono::Days::new(5)).format("%Y-%m-%d").to_string(),
        )
        .finish();
    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{referentie}/advies"), &body), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let advies: String = db
        .query("SELECT VALUE record::id(id) FROM adviesvraag")
        .await
        .unwrap()
        .take::<Vec<String>>(0)
        .unwrap()
        .remove(0);
    // A document of the case itself, which the expert is not shown.
    let resp = app
        .clone()
        .oneshot(met(upload(&format!("/meldingen/{referentie}/documenten"), "intern.pdf", PDF, true), &els))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let intern = documenten(&db).await[0].0.clone();

    let jurist = inloggen(&app, "jurist@meldpunt.test").await;
    let arts = inloggen(&app, "arts@meldpunt.test").await;
    let pad = format!("/advies/{advies}/documenten");
    let resp = app.clone().oneshot(met(upload(&pad, "advies.docx", &docx(), true), &arts)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND, "not addressed to the doctor");
    let resp = app.clone().oneshot(met(upload(&pad, "advies.docx", &docx(), true), &jurist)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()["location"], format!("/advies/{advies}#documenten"));
    let docs = documenten(&db).await;
    let eigen = docs[1].0.clone();

    // Listed on the expert's page and on the case; the expert's page never shows the case's own.
    let html = tekst(app.clone().oneshot(met(get(&format!("/advies/{advies}")), &jurist)).await.unwrap()).await;
    assert!(html.contains(&format!("{pad}/{eigen}")) && html.contains("advies.docx"));
    assert!(!html.contains("intern.pdf"));
    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{referentie}")), &els)).await.unwrap()).await;
    assert!(html.contains("advies.docx") && html.contains("bij een adviesvraag"));
    assert!(html.contains("Document toegevoegd bij het antwoord op een adviesvraag: advies.docx"));

    // The expert downloads their own, not the case's; the doctor neither; the case worker both.
    let resp = app.clone().oneshot(met(get(&format!("{pad}/{eigen}")), &jurist)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        resp.headers()[header::CONTENT_TYPE],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert_eq!(bytes(resp).await, docx());
    let resp = app.clone().oneshot(met(get(&format!("{pad}/{intern}")), &jurist)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let resp = app.clone().oneshot(met(get(&format!("{pad}/{eigen}")), &arts)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let resp = app.clone().oneshot(met(get(&format!("/meldingen/{referentie}/documenten/{intern}")), &jurist)).await;
    assert_eq!(resp.unwrap().status(), StatusCode::FORBIDDEN);
    let resp = app.clone().oneshot(met(get(&format!("/meldingen/{referentie}/documenten/{eigen}")), &els)).await;
    assert_eq!(resp.unwrap().status(), StatusCode::OK);
    let _ = std::fs::remove_dir_all(map);
}

#[tokio::test]
async fn a_case_worker_links_and_unlinks_meldingen_from_the_case_page() {
    let (app, db) = app().await;
    let refs: Vec<String> =
        db.query("SELECT VALUE referentie FROM melding ORDER BY referentie LIMIT 2").await.unwrap().take(0).unwrap();
    let (a, b) = (refs[0].clone(), refs[1].clone());
    let els = inloggen(&app, "els@meldpunt.test").await;
    let pad = format!("/meldingen/{a}/koppelingen");
    let koppel = |actie: &str, met_ref: &str| format!("met={met_ref}&actie={actie}");

    let resp = app.clone().oneshot(met(post(&pad, &koppel("koppel", &b)), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()["location"], format!("/meldingen/{a}#koppelingen"));
    for (hier, daar) in [(&a, &b), (&b, &a)] {
        let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{hier}")), &els)).await.unwrap()).await;
        assert!(html.contains(&format!("Koppeling met {daar} opheffen")), "{hier} shows the link to {daar}");
        assert!(html.contains(&format!("Gekoppeld aan melding {daar}: mogelijk over dezelfde feiten.")));
    }
    let resp = app.clone().oneshot(met(post(&pad, &koppel("koppel", &b)), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(tekst(resp).await.contains("Deze meldingen zijn al gekoppeld."));
    let resp = app.clone().oneshot(met(post(&pad, &koppel("koppel", "M-12")), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Geef een referentie zoals M-2026-00042.") && html.contains(r#"value="M-12""#));

    // Another organiser's account manager may not link to or from it.
    account(&db, "kb2@meldpunt.test", "Ander", &[Rol::KlantenbeheerderKinderopvang]).await;
    let kb2 = inloggen(&app, "kb2@meldpunt.test").await;
    let resp = app.clone().oneshot(met(post(&pad, &koppel("ontkoppel", &b)), &kb2)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);

    let resp = app.clone().oneshot(met(post(&format!("/meldingen/{b}/koppelingen"), &koppel("ontkoppel", &a)), &els));
    assert_eq!(resp.await.unwrap().status(), StatusCode::SEE_OTHER);
    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{a}")), &els)).await.unwrap()).await;
    assert!(!html.contains(&format!("Koppeling met {b} opheffen")));
    assert!(html.contains(&format!("Koppeling met melding {b} opgeheven.")), "the unlink is on the timeline");
}

#[tokio::test]
async fn staff_intake_proposes_possible_duplicates_after_registering() {
    let (app, _db) = app().await;
    // A melding from the public form about L0001, received just now.
    let datum = (chrono::Utc::now().date_naive() - chrono::Days::new(2)).format("%Y-%m-%d").to_string();
    let publiek = form_urlencoded::Serializer::new(String::new())
        .append_pair("locatie_id", "L0001")
        .append_pair("categorie", "veiligheid")
        .append_pair("omschrijving", "De poort van de speelplaats stond de hele middag open.")
        .append_pair("feit_datum", &datum)
        .append_pair("relatie", "ouder")
        .append_pair("anoniem", "ja")
        .append_pair("privacy", "ja")
        .append_pair("actie", "verstuur")
        .finish();
    let html = tekst(app.clone().oneshot(post("/melden", &publiek)).await.unwrap()).await;
    let referentie = |html: &str| {
        let i = html.find(r#"data-testid="referentie">"#).unwrap() + r#"data-testid="referentie">"#.len();
        html[i..i + 12].to_string()
    };
    let bestaand = referentie(&html);
    let locatie = "L0001";
    let els = inloggen(&app, "els@meldpunt.test").await;
    let datum = (chrono::Utc::now().date_naive() - chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("soort", "melding")
        .append_pair("kanaal", "telefoon")
        .append_pair("urgentie", "normaal")
        .append_pair("locatie_id", locatie)
        .append_pair("categorie", "veiligheid")
        .append_pair("omschrijving", "Een ouder belt: de poort van de speelplaats stond open.")
        .append_pair("feit_datum", &datum)
        .append_pair("relatie", "ouder")
        .append_pair("anoniem", "ja")
        .append_pair("privacy", "ja")
        .append_pair("actie", "verstuur")
        .finish();
    let resp = app.clone().oneshot(met(post("/melden", &body), &els)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains("Melding geregistreerd"));
    assert!(html.contains("Mogelijke dubbels"));
    assert!(html.contains(&format!("Koppelen aan {bestaand}")), "the recent melding at the same location is proposed");
    // The proposal's button links the new melding to it.
    let nieuw = referentie(&html);
    let resp = app
        .clone()
        .oneshot(met(post(&format!("/meldingen/{nieuw}/koppelingen"), &format!("met={bestaand}&actie=koppel")), &els))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let html = tekst(app.clone().oneshot(met(get(&format!("/meldingen/{bestaand}")), &els)).await.unwrap()).await;
    assert!(html.contains(&format!("Koppeling met {nieuw} opheffen")));
}
