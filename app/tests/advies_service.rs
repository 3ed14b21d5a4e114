//! Adviesvragen against a real (in-memory) SurrealDB: an expert sees only what a request shares,
//! only requests addressed to them, answers once, and both sides land on the timeline.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::advies::model::{Discipline, Geadresseerde, NieuweAdviesvraag};
use app::advies::service::{AdviesFout, beantwoord, dossier, van_melding, voor_expert, vraag, zet_discipline};
use app::auth::model::Rol;
use app::behandeling::model::Reden;
use app::gemeen::tijdlijn::Tijdlijnsoort;
use app::meldingen::intake::{Indiening, dien_in};
use app::meldingen::service::detail;
use chrono::{Duration, Utc};

#[tokio::test]
async fn an_expert_sees_only_what_is_shared_and_answers_once() {
    let db = common::db_met_demo(0).await;
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let jurist = common::account(&db, "jurist@meldpunt.test", &[Rol::Expert]).await;
    let arts = common::account(&db, "arts@meldpunt.test", &[Rol::Expert]).await;
    zet_discipline(&db, "jurist@meldpunt.test", Discipline::Jurist).await.unwrap();
    zet_discipline(&db, "arts@meldpunt.test", Discipline::Arts).await.unwrap();
    let f = common::formulier("L0007", "Een begeleider gaf een kind medicatie zonder attest van de arts.");
    let Indiening::Ontvangen(b) = dien_in(&db, &f, Utc::now()).await.unwrap() else { panic!("refused") };

    let nieuw = NieuweAdviesvraag {
        aan: Geadresseerde::Discipline(Discipline::Jurist),
        vraag: Reden::parse("Is dit een inbreuk op de vergunningsvoorwaarden?").unwrap(),
        vervalt: (Utc::now() + Duration::days(7)).date_naive(),
        deel_omschrijving: true,
        deel_locatie: false,
        deel_melder: false,
    };
    vraag(&db, &els, &b.referentie, nieuw, Utc::now()).await.unwrap();
    let lijst = voor_expert(&db, &jurist, Utc::now()).await.unwrap();
    assert_eq!(lijst.len(), 1);
    let id = lijst[0].1.id.clone();
    assert!(voor_expert(&db, &arts, Utc::now()).await.unwrap().is_empty());

    // The jurist sees the question and the description; never the reporter or the location.
    let d = dossier(&db, &jurist, &id, Utc::now()).await.unwrap();
    assert!(d.omschrijving.as_deref().unwrap().contains("medicatie"));
    assert!(d.melder.is_none() && d.locatie.is_none());
    assert!(!format!("{d:?}").contains("Wout Maes"), "the reporter's name never reaches the expert");
    // The doctor, not addressed, does not see it at all.
    assert!(matches!(dossier(&db, &arts, &id, Utc::now()).await, Err(AdviesFout::NietGevonden)));
    assert!(matches!(beantwoord(&db, &arts, &id, "Ik weet het.", Utc::now()).await, Err(AdviesFout::NietGevonden)));

    beantwoord(&db, &jurist, &id, "Ja: medicatie vraagt een attest.", Utc::now()).await.unwrap();
    let tweede = beantwoord(&db, &jurist, &id, "Nog iets", Utc::now()).await;
    assert!(matches!(tweede, Err(AdviesFout::AlBeantwoord)), "{tweede:?}");
    let vragen = van_melding(&db, b.referentie.as_str(), Utc::now()).await.unwrap();
    assert_eq!(vragen[0].antwoord.as_deref(), Some("Ja: medicatie vraagt een attest."));
    let tijdlijn = detail(&db, &b.referentie).await.unwrap().unwrap().tijdlijn;
    assert!(
        tijdlijn
            .iter()
            .any(|t| t.soort == Tijdlijnsoort::Advies && t.tekst.starts_with("Advies gevraagd aan de jurist"))
    );
    assert!(tijdlijn.iter().any(|t| t.tekst.contains("Antwoord van jurist@meldpunt.test (jurist)")));
}

#[tokio::test]
async fn a_request_to_a_named_expert_and_an_overdue_one() {
    let db = common::db_met_demo(0).await;
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let ped = common::account(&db, "ped@meldpunt.test", &[Rol::Expert]).await;
    let f = common::formulier("L0003", "De kinderen moesten lang stil zitten als straf.");
    let Indiening::Ontvangen(b) = dien_in(&db, &f, Utc::now()).await.unwrap() else { panic!("refused") };
    let nieuw = NieuweAdviesvraag {
        aan: Geadresseerde::Expert(ped.id.clone()),
        vraag: Reden::parse("Is dit pedagogisch verantwoord?").unwrap(),
        vervalt: (Utc::now() + Duration::days(1)).date_naive(),
        deel_omschrijving: false,
        deel_locatie: true,
        deel_melder: true,
    };
    vraag(&db, &els, &b.referentie, nieuw.clone(), Utc::now()).await.unwrap();
    // Three days later and unanswered: late on both sides.
    let later = Utc::now() + Duration::days(3);
    assert!(van_melding(&db, b.referentie.as_str(), later).await.unwrap()[0].te_laat);
    let (_, v) = voor_expert(&db, &ped, later).await.unwrap().remove(0);
    assert!(v.te_laat);
    let d = dossier(&db, &ped, &v.id, later).await.unwrap();
    assert!(d.omschrijving.is_none() && d.locatie.is_some() && d.melder.is_some());
    // Someone who is not an expert cannot be addressed by name.
    let fout = NieuweAdviesvraag { aan: Geadresseerde::Expert(els.id.clone()), ..nieuw };
    assert!(matches!(vraag(&db, &els, &b.referentie, fout, Utc::now()).await, Err(AdviesFout::OnbekendeExpert(_))));
}
