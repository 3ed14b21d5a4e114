//! Letters by post: a letter template offers the organiser's address, a letter never goes
//! through the e-mail outbox, the letters ready to post print as one PDF (checked with poppler's
//! `pdftotext`), and marking them posted puts that on the case.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use app::berichten::fout::BerichtFout;
use app::berichten::model::{BerichtKanaal, BerichtStatus};
use app::berichten::opstel::Opstel;
use app::berichten::repo::{self, OntvangerDb};
use app::berichten::schrijven::{Beslissing, beoordeel};
use app::berichten::{post, service};
use app::gemeen::Db;
use app::gemeen::opslag::Bestanden;
use chrono::Utc;
use common::berichten::{afzender, melding, met_sjablonen, vul_plekken};
use std::process::Command;

const KENNISGEVING: &str = "brief-organisator-kennisgeving-melding";

fn bestanden() -> Bestanden {
    Bestanden::new(std::env::temp_dir().join("meldpunt-brieven-test"))
}

/// The letter of `slug` for case `r`, to the address the draft offers, every place filled in.
async fn brief_opstel(db: &Db, r: &str, slug: &str) -> Opstel {
    let c = service::pagina(db, &afzender(), r, Some(slug), Utc::now()).await.unwrap().concept.unwrap();
    assert_eq!(c.kanalen, [BerichtKanaal::Brief], "a letter-only template");
    Opstel {
        sjabloon: c.sjabloon,
        revisie: c.revisie,
        kanaal: BerichtKanaal::Brief,
        aan: Vec::new(),
        postadres: c.postadres.lines().map(str::to_string).collect(),
        onderwerp: c.onderwerp,
        inhoud: vul_plekken(&c.inhoud),
        bijlagen: Vec::new(),
    }
}

fn pdf_tekst(pdf: &[u8]) -> String {
    let pad = std::env::temp_dir().join(format!("meldpunt-brieven-{}.pdf", std::process::id()));
    std::fs::write(&pad, pdf).unwrap();
    let uit = Command::new("pdftotext").args(["-layout"]).arg(&pad).arg("-").output().expect("pdftotext (poppler-utils)");
    let _ = std::fs::remove_file(&pad);
    assert!(uit.status.success(), "{}", String::from_utf8_lossy(&uit.stderr));
    String::from_utf8(uit.stdout).unwrap()
}

#[tokio::test]
async fn letters_are_printed_together_and_marked_posted_never_emailed() {
    let db = common::db_met_demo(5).await;
    met_sjablonen(&db).await;
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let coord = common::account(&db, "coord@meldpunt.test", &[Rol::Coordinator]).await;
    let (r1, r2) = (melding(&db, "jana@example.be").await, melding(&db, "piet@example.be").await);
    let o1 = brief_opstel(&db, &r1, KENNISGEVING).await;
    // The organiser's address comes from the case: organiser, location, street, postcode and town.
    assert!(o1.postadres.len() >= 3, "{:?}", o1.postadres);
    assert!(o1.postadres.last().unwrap().chars().next().unwrap().is_ascii_digit(), "{:?}", o1.postadres);

    // A letter-only template does not go out as e-mail.
    let als_mail = Opstel {
        kanaal: BerichtKanaal::Email,
        aan: vec![OntvangerDb { naam: None, email: "org@example.be".into() }],
        postadres: Vec::new(),
        ..o1.clone()
    };
    let fout = service::verstuur(&db, &bestanden(), &afzender(), &els, &r1, &als_mail, Utc::now()).await;
    assert!(matches!(fout, Err(BerichtFout::KanaalPastNiet)), "{fout:?}");

    let mut ids = Vec::new();
    for (r, o) in [(&r1, o1.clone()), (&r2, brief_opstel(&db, &r2, KENNISGEVING).await)] {
        let status = service::verstuur(&db, &bestanden(), &afzender(), &els, r, &o, Utc::now()).await.unwrap();
        assert_eq!(status, BerichtStatus::Nazicht, "letters to organisers have a second reader");
        let b = repo::van_melding(&db, r).await.unwrap().into_iter().find(|b| b.kanaal == BerichtKanaal::Brief).unwrap();
        assert_eq!(b.postadres.as_deref(), Some(&o.postadres[..]));
        assert!(b.pdf.is_some(), "the letter is kept on the case as a document");
        // Not ready to print before the second reader approved it.
        assert!(matches!(post::afdrukken(&db, &afzender(), std::slice::from_ref(&b.id)).await, Err(BerichtFout::AlBehandeld)));
        beoordeel(&db, &coord, &b.id, Beslissing::Goedkeuren { hash: b.hash.clone() }, Utc::now()).await.unwrap();
        ids.push(b.id);
    }

    // The e-mail outbox never claims a letter, only e-mails such as the acknowledgement.
    let bevestigd = app::berichten::schrijven::automatische_bevestiging(&db, &afzender(), &r1, Utc::now()).await.unwrap();
    assert_eq!(bevestigd, 1);
    let genomen = app::berichten::wachtrij_repo::claim(&db, "w1", Utc::now(), Utc::now(), 100).await.unwrap();
    assert!(!genomen.is_empty(), "the acknowledgement is an e-mail to claim");
    assert!(genomen.iter().all(|b| b.kanaal == BerichtKanaal::Email), "{genomen:?}");

    // One PDF with both letters, each with its address and its own page numbers.
    let pdf = post::afdrukken(&db, &afzender(), &ids).await.unwrap();
    let tekst = pdf_tekst(&pdf);
    for r in [&r1, &r2] {
        assert!(tekst.contains(r.as_str()), "reference {r} in the batch");
    }
    assert!(tekst.contains(&o1.postadres[0]), "{tekst}");
    assert_eq!(tekst.matches("Pagina 1 van").count(), 2, "{tekst}");

    // Marked posted: sent, with the time and a timeline entry; not a second time.
    assert_eq!(post::gepost(&db, &coord, &ids[..1], Utc::now()).await.unwrap(), 1);
    let b = repo::een(&db, &ids[0]).await.unwrap().unwrap();
    assert_eq!(b.status, BerichtStatus::Verzonden);
    assert!(b.verzonden.is_some());
    let tijdlijn: Vec<String> = db
        .query("SELECT VALUE tekst FROM tijdlijn WHERE melding = type::record('melding', $r) AND soort = 'bericht'")
        .bind(("r", r1.clone()))
        .await
        .unwrap()
        .take(0)
        .unwrap();
    assert!(tijdlijn.iter().any(|t| t.starts_with("Brief per post verstuurd aan") && t.contains("coord@meldpunt.test")), "{tijdlijn:?}");
    assert!(matches!(post::gepost(&db, &coord, &ids[..1], Utc::now()).await, Err(BerichtFout::AlBehandeld)));
    assert!(matches!(post::gepost(&db, &coord, &[], Utc::now()).await, Err(BerichtFout::GeenBrieven)));
    // The other letter is still ready to print.
    let klaar = repo::brieven_klaar(&db, None).await.unwrap();
    assert_eq!(klaar.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(), [ids[1].as_str()]);
}
