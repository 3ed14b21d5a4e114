//! Service tests for meldingen against a real (in-memory) SurrealDB, fresh per test.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::meldingen::intake::{Indiening, dien_in};
use app::meldingen::service::{detail, werkbak};
use app::zaak::model::{Referentie, Status};
use app::zaak::werkbak_filter::{WerkbakCursor, WerkbakFilter};
use std::collections::HashSet;

async fn aantal(db: &app::gemeen::Db, tabel: &str) -> i64 {
    let mut r =
        db.query("SELECT count() AS n FROM type::table($t) GROUP ALL").bind(("t", tabel.to_string())).await.unwrap();
    let n: Option<i64> = r.take((0, "n")).unwrap();
    n.unwrap_or(0)
}

#[tokio::test]
async fn a_submitted_melding_is_stored_with_melder_and_timeline() {
    let db = common::db_met_demo(0).await;
    let f = common::formulier("L0001", "Er stond één begeleider alleen met twaalf baby's in de leefruimte.");
    let Indiening::Ontvangen(bewijs) = dien_in(&db, &f, chrono::Utc::now()).await.unwrap() else { panic!("refused") };
    assert!(Referentie::parse(bewijs.referentie.as_str()).is_some());
    let m = detail(&db, &bewijs.referentie).await.unwrap().unwrap();
    assert_eq!(m.status, Status::Ontvangen);
    assert_eq!(m.locatie.unwrap().id.0, "L0001");
    assert_eq!(m.melder.naam.as_deref(), Some("Wout Maes"));
    assert_eq!(m.tijdlijn.len(), 1);
    assert_eq!(m.tijdlijn[0].tekst, "Melding ontvangen via webformulier.");
}

#[tokio::test]
async fn only_the_hash_of_the_follow_up_code_is_stored() {
    let db = common::db_met_demo(0).await;
    let f = common::formulier("L0002", "Mijn zoon kwam drie keer thuis met een vuile luier van de hele dag.");
    let Indiening::Ontvangen(bewijs) = dien_in(&db, &f, chrono::Utc::now()).await.unwrap() else { panic!("refused") };
    let mut r = db
        .query("SELECT VALUE opvolgcode_hash FROM ONLY type::record('melding', $r)")
        .bind(("r", bewijs.referentie.to_string()))
        .await
        .unwrap();
    let hash: Option<String> = r.take(0).unwrap();
    let hash = hash.unwrap();
    assert_ne!(hash, bewijs.opvolgcode);
    assert_eq!(hash, app::geheim::hash(&app::geheim::normaliseer_code(&bewijs.opvolgcode)));
    let export = format!("{:?}", db.query("SELECT * FROM melding, melder, tijdlijn").await.unwrap());
    assert!(!export.contains(&bewijs.opvolgcode));
}

#[tokio::test]
async fn bad_input_and_unknown_locations_write_nothing() {
    let db = common::db_met_demo(0).await;
    let mut f = common::formulier("L0001", "kort");
    assert!(matches!(dien_in(&db, &f, chrono::Utc::now()).await.unwrap(), Indiening::Fouten(_)));
    f = common::formulier("L9999", "Deze opvang bestaat niet maar de tekst is lang genoeg.");
    let Indiening::Fouten(fouten) = dien_in(&db, &f, chrono::Utc::now()).await.unwrap() else { panic!("accepted") };
    assert!(fouten.get("locatie").is_some());
    assert_eq!(aantal(&db, "melding").await, 0);
    assert_eq!(aantal(&db, "melder").await, 0);
    assert_eq!(aantal(&db, "tijdlijn").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_submissions_get_fifty_distinct_references() {
    let db = common::db_met_demo(0).await;
    let mut taken = Vec::new();
    for i in 0..50 {
        let db = db.clone();
        taken.push(tokio::spawn(async move {
            let f = common::formulier("L0003", &format!("Gelijktijdige melding nummer {i} met genoeg tekst."));
            match dien_in(&db, &f, chrono::Utc::now()).await.unwrap() {
                Indiening::Ontvangen(b) => b.referentie,
                Indiening::Fouten(f) => panic!("refused: {f:?}"),
            }
        }));
    }
    let mut refs = HashSet::new();
    for t in taken {
        refs.insert(t.await.unwrap());
    }
    assert_eq!(refs.len(), 50);
    assert_eq!(aantal(&db, "melding").await, 50);
}

#[tokio::test]
async fn references_continue_after_the_demo_data() {
    let db = common::db_met_demo(300).await;
    let nu = chrono::Utc::now();
    let jaar = nu.format("%Y").to_string();
    let mut r = db
        .query("SELECT VALUE referentie FROM melding WHERE string::starts_with(referentie, $p)")
        .bind(("p", format!("M-{jaar}-")))
        .await
        .unwrap();
    let mut bestaande: Vec<String> = r.take(0).unwrap();
    let f = common::formulier("L0004", "Nieuwe melding na het laden van de demogegevens.");
    let Indiening::Ontvangen(b) = dien_in(&db, &f, nu).await.unwrap() else { panic!("refused") };
    // The demo data numbers this year's meldingen 1..=n without gaps; the next one is n + 1 (also
    // when, early in January, the demo data has none of this year yet).
    bestaande.sort();
    let n = bestaande.len();
    let nummers: Vec<String> = (1..=n).map(|i| format!("M-{jaar}-{i:05}")).collect();
    assert_eq!(bestaande, nummers, "this year's demo references");
    assert_eq!(b.referentie.to_string(), format!("M-{jaar}-{:05}", n + 1), "the number after the demo data");
}

#[tokio::test]
async fn werkbak_pages_by_keyset_newest_first_and_filters() {
    let db = common::db_met_demo(300).await;
    let mut filter = WerkbakFilter { weergave: Some(app::zaak::werkbak_filter::Weergave::Alle), ..Default::default() };
    let mut gezien = Vec::new();
    loop {
        let p = werkbak(&db, &filter).await.unwrap();
        gezien.extend(p.rijen.iter().map(|r| (r.ontvangen, r.referentie.to_string())));
        match p.volgende {
            Some(c) => filter.na = Some(WerkbakCursor::decode(&c.encode()).unwrap()),
            None => break,
        }
    }
    assert_eq!(gezien.len(), 300);
    assert!(gezien.windows(2).all(|w| w[0] > w[1]), "not strictly newest first");

    let filter = WerkbakFilter { status: Some(Status::Afgesloten), ..Default::default() };
    let p = werkbak(&db, &filter).await.unwrap();
    assert!(!p.rijen.is_empty());
    assert!(p.rijen.iter().all(|r| r.status == Status::Afgesloten));
}

#[tokio::test]
async fn overdue_meldingen_are_marked_te_laat_and_the_case_shows_its_clocks() {
    let db = common::db_met_demo(0).await;
    let lang_geleden = chrono::Utc::now() - chrono::Duration::days(60);
    let mut f = common::formulier("L0005", "Een melding van twee maanden geleden die nog niemand oppakte.");
    f.feit_datum = (lang_geleden.date_naive() - chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    let Indiening::Ontvangen(oud) = dien_in(&db, &f, lang_geleden).await.unwrap() else { panic!("refused") };
    let vers = common::formulier("L0006", "Een melding van vandaag, nog ruim binnen de termijn.");
    let Indiening::Ontvangen(nieuw) = dien_in(&db, &vers, chrono::Utc::now()).await.unwrap() else { panic!("refused") };

    let p = werkbak(&db, &WerkbakFilter::default()).await.unwrap();
    let rij = |r: &Referentie| p.rijen.iter().find(|x| &x.referentie == r).unwrap().clone();
    assert!(rij(&oud.referentie).te_laat);
    assert!(!rij(&nieuw.referentie).te_laat);

    let m = detail(&db, &oud.referentie).await.unwrap().unwrap();
    assert_eq!(m.termijnen.len(), 2);
    assert!(m.termijnen.iter().all(|t| t.te_laat()));
    assert!(m.termijnen[1].aftelling().contains("te laat"));
}
