//! Messages from a case: the draft filled from the case, review by a second reader bound to the
//! exact text, the outbox sending over a real SMTP server (aiosmtpd, started per test), retries
//! after a temporary failure, permanent failures, two workers, a restart, and the automatic
//! acknowledgement of a melding.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use common::berichten::{afzender, melding, met_sjablonen, vul_plekken};

use app::auth::model::Rol;
use app::berichten::fout::BerichtFout;
use app::berichten::model::BerichtStatus;
use app::berichten::opstel::Opstel;
use app::berichten::postbus::Postbode;
use app::berichten::repo::{self, OntvangerDb};
use app::berichten::schrijven::{Actie, Beslissing, behandel, beoordeel};
use app::berichten::service;
use app::gemeen::Db;
use app::meldingen::intake::{Indiening, dien_in};
use chrono::{Duration, Utc};
use std::time::Duration as StdDuration;
use verzending::testserver::SmtpTestServer;

fn postbode(db: &Db, smtp: &SmtpTestServer, naam: &str) -> Postbode {
    Postbode {
        db: db.clone(),
        verzender: verzending::Verzender::nieuw(&smtp.instelling()).unwrap(),
        afzender: afzender(),
        bestanden: app::gemeen::opslag::Bestanden::new(std::env::temp_dir().join("meldpunt-berichten-test")),
        naam: naam.into(),
    }
}

/// Writes a message from `slug` to `aan`, with every fill-in place written.
async fn schrijf(db: &Db, g: &app::auth::model::Gebruiker, r: &str, slug: &str, aan: &str) -> BerichtStatus {
    let p = service::pagina(db, &afzender(), r, Some(slug), Utc::now()).await.unwrap();
    let c = p.concept.unwrap();
    let o = Opstel {
        kanaal: app::berichten::model::BerichtKanaal::Email,
        postadres: Vec::new(),
        sjabloon: c.sjabloon,
        revisie: c.revisie,
        aan: vec![OntvangerDb { naam: Some("Jana Peeters".into()), email: aan.into() }],
        onderwerp: c.onderwerp,
        inhoud: vul_plekken(&c.inhoud),
        bijlagen: Vec::new(),
    };
    assert!(service::open(&o).is_empty(), "{:?}", service::open(&o));
    let bestanden = app::gemeen::opslag::Bestanden::new(std::env::temp_dir().join("meldpunt-berichten-test"));
    service::verstuur(db, &bestanden, &afzender(), g, r, &o, Utc::now()).await.unwrap()
}

async fn berichten(db: &Db, r: &str) -> Vec<repo::BerichtDb> {
    repo::van_melding(db, r).await.unwrap()
}

#[tokio::test]
async fn the_draft_is_filled_from_the_case_and_missing_values_become_places_to_fill_in() {
    let db = common::db_met_demo(5).await;
    met_sjablonen(&db).await;
    let r = melding(&db, "jana@example.be").await;
    let p = service::pagina(&db, &afzender(), &r, Some("doorverwijzing"), Utc::now()).await.unwrap();
    assert!(!p.sjablonen.is_empty());
    assert!(p.sjablonen.iter().all(|s| s.slug != "handhaving-aanmaning"), "letters of enforcement are not offered");
    let c = p.concept.unwrap();
    assert!(c.inhoud.contains(&r) || c.onderwerp.contains(&r), "{c:?}");
    // Markdown and HTML in the melder's name are escaped, never markup.
    assert!(c.inhoud.contains(r"Jana \<Peeters\> \& co"), "{}", c.inhoud);
    // The service to refer to is not on the case: a place to fill in, naming what is missing.
    assert!(c.inhoud.contains("[[Naam van de dienst waarnaar we doorverwijzen]]"), "{}", c.inhoud);
    assert_eq!(c.ontvangers, ["melder"]);
    let melder = p.partijen.iter().find(|x| x.code == "melder").unwrap();
    assert_eq!(melder.email, "jana@example.be");
    let v = service::voorbeeld(
        &Opstel {
            kanaal: app::berichten::model::BerichtKanaal::Email,
            postadres: Vec::new(),
            sjabloon: c.sjabloon.clone(),
            revisie: c.revisie,
            aan: vec![],
            onderwerp: c.onderwerp.clone(),
            inhoud: c.inhoud.clone(),
            bijlagen: vec![],
        },
        vec![],
        &[],
    );
    assert!(v.html.contains("Jana &lt;Peeters&gt; &amp; co"), "{}", v.html);
    assert!(v.tekst.contains("Jana <Peeters> & co"), "{}", v.tekst);
    assert!(v.open.iter().any(|o| o.contains("Naam van de dienst")), "{:?}", v.open);
}

#[tokio::test]
async fn a_second_reader_approves_exactly_the_text_and_never_their_own() {
    let db = common::db_met_demo(5).await;
    met_sjablonen(&db).await;
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker, Rol::Coordinator]).await;
    let coord = common::account(&db, "coord@meldpunt.test", &[Rol::Coordinator]).await;
    let r = melding(&db, "jana@example.be").await;
    assert_eq!(schrijf(&db, &els, &r, "terugkoppeling-melding", "jana@example.be").await, BerichtStatus::Nazicht);
    let b = berichten(&db, &r).await.into_iter().find(|b| !b.automatisch).unwrap();
    let goed = Beslissing::Goedkeuren { hash: b.hash.clone() };
    let eigen = beoordeel(&db, &els, &b.id, goed.clone(), Utc::now()).await.unwrap_err();
    assert!(matches!(eigen, BerichtFout::EigenBericht), "{eigen:?}");
    let ander = Beslissing::Goedkeuren { hash: "0".repeat(64) };
    assert!(matches!(beoordeel(&db, &coord, &b.id, ander, Utc::now()).await, Err(BerichtFout::AndereTekst)));
    assert_eq!(beoordeel(&db, &coord, &b.id, goed.clone(), Utc::now()).await.unwrap(), BerichtStatus::Wachtrij);
    // Twice: the second finds it approved already.
    assert!(matches!(beoordeel(&db, &coord, &b.id, goed, Utc::now()).await, Err(BerichtFout::AlBehandeld)));
    let na = repo::een(&db, &b.id).await.unwrap().unwrap();
    assert_eq!(na.goedgekeurd_hash.as_deref(), Some(b.hash.as_str()));
    assert_eq!(na.goedgekeurd_naam.as_deref(), Some("coord@meldpunt.test"));
    // What was sent is frozen: the stored text cannot be changed.
    let gewijzigd = db.query("UPDATE type::record('bericht', $id) SET inhoud = 'anders'").bind(("id", b.id.clone())).await.unwrap().check();
    assert!(gewijzigd.is_err());
    let tijdlijn: Vec<String> = db
        .query("SELECT VALUE tekst FROM tijdlijn WHERE melding = type::record('melding', $r) AND soort = 'bericht' ORDER BY tijdstip")
        .bind(("r", r.clone()))
        .await
        .unwrap()
        .take(0)
        .unwrap();
    assert!(tijdlijn.iter().any(|t| t.contains("ter nazicht")), "{tijdlijn:?}");
    assert!(tijdlijn.iter().any(|t| t.contains("goedgekeurd door coord@meldpunt.test")), "{tijdlijn:?}");
}

#[tokio::test]
async fn the_outbox_sends_over_smtp_with_both_parts_and_keeps_the_proof() {
    let db = common::db_met_demo(5).await;
    met_sjablonen(&db).await;
    let smtp = SmtpTestServer::start();
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let r = melding(&db, "jana@example.be").await;
    // The automatic acknowledgement is written at intake only by the route; here, by hand.
    assert_eq!(service::automatische_bevestiging(&db, &afzender(), &r, Utc::now()).await.unwrap(), 1);
    assert_eq!(schrijf(&db, &els, &r, "doorverwijzing", "jana@example.be").await, BerichtStatus::Wachtrij);
    let p = postbode(&db, &smtp, "a");
    assert_eq!(p.ronde(Utc::now()).await.unwrap(), 2);
    let ontvangen = smtp.wacht_op(2, StdDuration::from_secs(10)).await;
    assert_eq!(ontvangen.len(), 2);
    let alle = berichten(&db, &r).await;
    assert!(!alle.is_empty());
    for b in &alle {
        assert_eq!(b.status, BerichtStatus::Verzonden, "{b:?}");
        assert!(b.smtp_antwoord.as_deref().unwrap_or_default().starts_with("250"), "{:?}", b.smtp_antwoord);
        let mail = ontvangen.iter().find(|o| o.ruw.contains(&b.message_id)).expect("the Message-ID arrived");
        assert_eq!(mail.envelop_aan, ["jana@example.be"]);
        assert!(mail.ruw.contains("multipart/alternative"));
        assert!(mail.ruw.contains("text/plain") && mail.ruw.contains("text/html"));
    }
    assert_eq!(p.ronde(Utc::now()).await.unwrap(), 0, "nothing is sent twice");
    let tijdlijn: Vec<String> = db
        .query("SELECT VALUE tekst FROM tijdlijn WHERE soort = 'bericht' AND tekst CONTAINS 'verzonden aan'")
        .await
        .unwrap()
        .take(0)
        .unwrap();
    assert_eq!(tijdlijn.len(), 2, "{tijdlijn:?}");
}

#[tokio::test]
async fn a_temporary_failure_is_retried_later_and_a_permanent_one_waits_for_staff() {
    let db = common::db_met_demo(5).await;
    met_sjablonen(&db).await;
    let smtp = SmtpTestServer::start();
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let coord = common::account(&db, "coord@meldpunt.test", &[Rol::Coordinator]).await;
    let r = melding(&db, "jana@example.be").await;
    schrijf(&db, &els, &r, "doorverwijzing", "later@example.be").await;
    schrijf(&db, &els, &r, "doorverwijzing", "weiger@example.be").await;
    let p = postbode(&db, &smtp, "a");
    assert_eq!(p.ronde(Utc::now()).await.unwrap(), 2);
    let alle = berichten(&db, &r).await;
    let later = alle.iter().find(|b| b.aan[0].email.starts_with("later")).unwrap();
    let weiger = alle.iter().find(|b| b.aan[0].email.starts_with("weiger")).unwrap();
    assert_eq!((later.status, later.pogingen), (BerichtStatus::Wachtrij, 1));
    assert!(later.volgende_poging > Utc::now() + Duration::seconds(20), "{}", later.volgende_poging);
    assert_eq!(weiger.status, BerichtStatus::Mislukt);
    assert!(weiger.laatste_fout.as_deref().unwrap_or_default().contains("550"), "{:?}", weiger.laatste_fout);
    // Not yet due: nothing taken.
    assert_eq!(p.ronde(Utc::now()).await.unwrap(), 0);
    // Due after the pause; it keeps failing until it is given up.
    let mut nu = Utc::now();
    for _ in 1..app::berichten::postbus::MAX_POGINGEN {
        nu += Duration::hours(2);
        assert_eq!(p.ronde(nu).await.unwrap(), 1);
    }
    let later = repo::een(&db, &later.id).await.unwrap().unwrap();
    assert_eq!((later.status, later.pogingen), (BerichtStatus::Mislukt, app::berichten::postbus::MAX_POGINGEN));
    // A coordinator cancels one and retries the other.
    assert_eq!(behandel(&db, &coord, &later.id, Actie::Annuleer, Utc::now()).await.unwrap(), BerichtStatus::Geannuleerd);
    assert_eq!(behandel(&db, &coord, &weiger.id, Actie::Opnieuw, Utc::now()).await.unwrap(), BerichtStatus::Wachtrij);
    assert!(matches!(behandel(&db, &coord, &later.id, Actie::Opnieuw, Utc::now()).await, Err(BerichtFout::AlBehandeld)));
    assert_eq!(smtp.berichten().len(), 0, "nothing reached the mailbox");
}

#[tokio::test]
async fn two_workers_send_each_message_once() {
    let db = common::db_met_demo(5).await;
    met_sjablonen(&db).await;
    let smtp = SmtpTestServer::start();
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let r = melding(&db, "jana@example.be").await;
    for i in 0..30 {
        schrijf(&db, &els, &r, "doorverwijzing", &format!("ouder{i}@example.be")).await;
    }
    let (a, b) = (postbode(&db, &smtp, "a"), postbode(&db, &smtp, "b"));
    let nu = Utc::now();
    loop {
        let (x, y) = tokio::join!(a.ronde(nu), b.ronde(nu));
        if x.unwrap() + y.unwrap() == 0 {
            break;
        }
    }
    let ontvangen = smtp.wacht_op(30, StdDuration::from_secs(20)).await;
    assert_eq!(smtp.berichten().len(), 30, "each message exactly once");
    let mut ids: Vec<&str> = ontvangen.iter().flat_map(|o| o.envelop_aan.iter().map(String::as_str)).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 30);
    assert!(berichten(&db, &r).await.iter().all(|b| b.status == BerichtStatus::Verzonden));
}

#[tokio::test]
async fn with_the_mail_server_down_and_meldpunt_restarted_every_message_arrives_once() {
    let map = std::env::temp_dir().join(format!("meldpunt-postbus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&map);
    let endpoint = format!("surrealkv://{}", map.display());
    // The engine releases the files shortly after the last handle is dropped, as a process ends.
    let open = || async {
        for _ in 0..100 {
            let v = app::db::Verbinding { endpoint: &endpoint, gebruiker: None, wachtwoord: None };
            match app::db::verbind(v).await {
                Ok(db) => {
                    app::db::migreer(&db).await.unwrap();
                    return db;
                }
                Err(e) if e.to_string().contains("locked") => tokio::time::sleep(StdDuration::from_millis(100)).await,
                Err(e) => panic!("{e}"),
            }
        }
        panic!("the database stayed locked");
    };
    let mut smtp = SmtpTestServer::start();
    smtp.stop();
    let r = {
        let db = open().await;
        app::seed::laad_demo(&db, &app::seed::genereer(3, Utc::now())).await.unwrap();
        met_sjablonen(&db).await;
        let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
        let r = melding(&db, "jana@example.be").await;
        for i in 0..5 {
            schrijf(&db, &els, &r, "doorverwijzing", &format!("ouder{i}@example.be")).await;
        }
        // The server is down: each attempt is temporary and waits.
        assert_eq!(postbode(&db, &smtp, "a").ronde(Utc::now()).await.unwrap(), 5);
        assert!(berichten(&db, &r).await.iter().all(|b| b.status == BerichtStatus::Wachtrij && b.pogingen == 1));
        r
    };
    // Meldpunt "restarts" (a new connection to the same files) and the mail server comes back.
    smtp.start_opnieuw();
    let db = open().await;
    let p = postbode(&db, &smtp, "b");
    assert_eq!(p.ronde(Utc::now() + Duration::minutes(5)).await.unwrap(), 5);
    assert_eq!(p.ronde(Utc::now() + Duration::minutes(10)).await.unwrap(), 0);
    smtp.wacht_op(5, StdDuration::from_secs(10)).await;
    assert_eq!(smtp.berichten().len(), 5);
    assert!(berichten(&db, &r).await.iter().all(|b| b.status == BerichtStatus::Verzonden));
    drop(db);
    let _ = std::fs::remove_dir_all(&map);
}

#[tokio::test]
async fn no_acknowledgement_without_an_address_and_none_when_sent_text_was_changed() {
    let db = common::db_met_demo(5).await;
    met_sjablonen(&db).await;
    let mut f = common::formulier("L0007", "Er was te weinig toezicht in de speeltuin.");
    f.email = String::new();
    let Indiening::Ontvangen(b) = dien_in(&db, &f, Utc::now()).await.unwrap() else { panic!("refused") };
    assert_eq!(service::automatische_bevestiging(&db, &afzender(), b.referentie.as_str(), Utc::now()).await.unwrap(), 0);

    // An approval that does not match the stored text (written around the application): refused by the outbox.
    let smtp = SmtpTestServer::start();
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let r = melding(&db, "jana@example.be").await;
    schrijf(&db, &els, &r, "terugkoppeling-melding", "jana@example.be").await;
    let b = berichten(&db, &r).await.into_iter().find(|b| b.tweede_lezer).unwrap();
    db.query("UPDATE type::record('bericht', $id) SET status = 'wachtrij', goedgekeurd_hash = $h")
        .bind(("id", b.id.clone()))
        .bind(("h", "f".repeat(64)))
        .await
        .unwrap()
        .check()
        .unwrap();
    postbode(&db, &smtp, "a").ronde(Utc::now()).await.unwrap();
    let na = repo::een(&db, &b.id).await.unwrap().unwrap();
    assert_eq!(na.status, BerichtStatus::Mislukt);
    assert!(smtp.berichten().is_empty());
}

#[tokio::test]
async fn attachments_over_the_limit_or_of_another_case_are_refused_and_nothing_is_written() {
    let db = common::db_met_demo(5).await;
    met_sjablonen(&db).await;
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let r = melding(&db, "jana@example.be").await;
    let ander = melding(&db, "piet@example.be").await;
    // Document rows as an upload leaves them (the file itself is not read before the check).
    for (sleutel, melding, grootte) in [("groot", &r, 16_000_000_i64), ("elders", &ander, 1_000)] {
        db.query(
            "CREATE type::record('document', $k) SET melding = type::record('melding', $m), naam = 'bijlage.pdf',
                 soort = 'pdf', grootte = $g, sha256 = $h, door = type::record('gebruiker', $u), tijdstip = time::now()",
        )
        .bind(("k", sleutel))
        .bind(("m", melding.clone()))
        .bind(("g", grootte))
        .bind(("h", "a".repeat(64)))
        .bind(("u", els.id.clone()))
        .await
        .unwrap()
        .check()
        .unwrap();
    }
    let bestanden = app::gemeen::opslag::Bestanden::new(std::env::temp_dir().join("meldpunt-berichten-test"));
    let voor = berichten(&db, &r).await.len();
    for (bijlage, verwacht) in [("groot", "groot"), ("elders", "onbekend")] {
        let o = Opstel {
            kanaal: app::berichten::model::BerichtKanaal::Email,
            postadres: Vec::new(),
            sjabloon: "doorverwijzing".into(),
            revisie: 1,
            aan: vec![OntvangerDb { naam: None, email: "jana@example.be".into() }],
            onderwerp: "Doorverwijzing".into(),
            inhoud: "Beste Jana".into(),
            bijlagen: vec![bijlage.into()],
        };
        let fout = service::verstuur(&db, &bestanden, &afzender(), &els, &r, &o, Utc::now()).await.unwrap_err();
        match verwacht {
            "groot" => assert!(matches!(fout, BerichtFout::BijlagenTeGroot), "{fout:?}"),
            _ => assert!(matches!(fout, BerichtFout::BijlageOnbekend), "{fout:?}"),
        }
    }
    assert_eq!(berichten(&db, &r).await.len(), voor, "nothing written");
}
