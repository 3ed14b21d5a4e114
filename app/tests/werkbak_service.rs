//! The werkbak's views and filters against a real (in-memory) SurrealDB.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::{Gebruiker, Rol, Wachtwoord};
use app::behandeling::model::{Bevestiging, Handeling, Reden, Wachtende};
use app::behandeling::service::voer_uit;
use app::gemeen::Db;
use app::meldingen::intake::{Indiening, dien_in};
use app::meldingen::service::{detail, werkbak};
use app::zaak::model::{Referentie, Status, Urgentie};
use app::zaak::werkbak_filter::{Weergave, WerkbakFilter};
use chrono::{Duration, Utc};

async fn medewerker(db: &Db, email: &str) -> Gebruiker {
    let id = app::auth::service::voeg_gebruiker_toe(
        db,
        email,
        email,
        &[Rol::Casewerker],
        Wachtwoord::new("lang genoeg wachtwoord"),
    )
    .await
    .unwrap();
    Gebruiker { id, email: email.into(), naam: email.into(), rollen: vec![Rol::Casewerker] }
}

async fn melding(db: &Db, locatie: &str, tekst: &str, dagen_geleden: i64, acuut: bool) -> Referentie {
    let wanneer = Utc::now() - Duration::days(dagen_geleden);
    let mut f = common::formulier(locatie, tekst);
    f.feit_datum = (wanneer.date_naive() - chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    f.acuut = acuut;
    let Indiening::Ontvangen(b) = dien_in(db, &f, wanneer).await.unwrap() else { panic!("refused") };
    b.referentie
}

fn refs(p: &app::meldingen::model::WerkbakPagina) -> Vec<String> {
    p.rijen.iter().map(|r| r.referentie.to_string()).collect()
}

#[tokio::test]
async fn views_mine_unassigned_late_waiting_and_acute() {
    let db = common::db_met_demo(0).await;
    let els = medewerker(&db, "els@meldpunt.test").await;
    let oud = melding(&db, "L0001", "Een melding van twee maanden geleden zonder reactie.", 60, false).await;
    let mijn = melding(&db, "L0002", "Deze neemt Els op en wacht daarna op de melder.", 1, false).await;
    let acuut = melding(&db, "L0003", "Een kind werd vastgebonden in een stoel tijdens de middag.", 0, true).await;
    let v = detail(&db, &mijn).await.unwrap().unwrap().versie;
    let v =
        voer_uit(&db, &els, mijn.as_str(), v, Handeling::InBehandeling { bevestiging: Bevestiging::Email }, Utc::now())
            .await
            .unwrap();

    let bekijk = |w: Weergave, ik: Option<String>| {
        let db = db.clone();
        async move {
            werkbak(&db, &WerkbakFilter { weergave: Some(w), behandelaar: ik, ..Default::default() }).await.unwrap()
        }
    };
    assert_eq!(refs(&bekijk(Weergave::Mijn, Some(els.id.clone())).await), vec![mijn.to_string()]);
    let vrij = refs(&bekijk(Weergave::NietToegewezen, None).await);
    assert!(vrij.contains(&oud.to_string()) && vrij.contains(&acuut.to_string()) && !vrij.contains(&mijn.to_string()));
    let laat = bekijk(Weergave::TeLaat, None).await;
    assert_eq!(refs(&laat), vec![oud.to_string()]);
    assert!(laat.rijen.iter().all(|r| r.te_laat));
    // Waiting: in the waiting view, and never late while the clock stands still.
    let wacht = Handeling::WachtOpInfo { van: Wachtende::Melder, reden: Reden::parse("Welke begeleider?").unwrap() };
    voer_uit(&db, &els, mijn.as_str(), v, wacht, Utc::now()).await.unwrap();
    assert_eq!(refs(&bekijk(Weergave::Wacht, None).await), vec![mijn.to_string()]);
    // Acute danger stands on top of every view, whatever the view shows.
    for w in Weergave::ALLE {
        let p = bekijk(*w, Some(els.id.clone())).await;
        assert_eq!(p.acuut.iter().map(|r| r.referentie.to_string()).collect::<Vec<_>>(), vec![acuut.to_string()]);
        assert_eq!(p.acuut[0].urgentie, Urgentie::Acuut);
    }
    assert_eq!(refs(&bekijk(Weergave::Acuut, None).await), vec![acuut.to_string()]);
}

#[tokio::test]
async fn text_search_period_location_and_organiser_filters() {
    let db = common::db_met_demo(40).await;
    let a = melding(&db, "L0007", "De zandbak lag vol glasscherven na het weekend.", 3, false).await;
    let b = melding(&db, "L0008", "Geen warme maaltijd voorzien, enkel koude boterhammen.", 20, false).await;
    let zoek = |q: &str| WerkbakFilter { weergave: Some(Weergave::Alle), zoek: Some(q.into()), ..Default::default() };
    assert_eq!(refs(&werkbak(&db, &zoek("glasscherven")).await.unwrap()), vec![a.to_string()]);
    assert_eq!(refs(&werkbak(&db, &zoek(&b.to_string().to_lowercase())).await.unwrap()), vec![b.to_string()]);
    assert!(werkbak(&db, &zoek("wout maes")).await.unwrap().rijen.len() >= 2, "finds the reporter's name");

    let periode = WerkbakFilter {
        weergave: Some(Weergave::Alle),
        zoek: Some("maaltijd".into()),
        van: Some((Utc::now() - Duration::days(25)).date_naive()),
        tot: Some((Utc::now() - Duration::days(10)).date_naive()),
        ..Default::default()
    };
    assert_eq!(refs(&werkbak(&db, &periode).await.unwrap()), vec![b.to_string()]);
    let buiten = WerkbakFilter { tot: Some((Utc::now() - Duration::days(22)).date_naive()), ..periode };
    assert!(werkbak(&db, &buiten).await.unwrap().rijen.is_empty());

    let per_locatie =
        WerkbakFilter { weergave: Some(Weergave::Alle), locatie: Some("L0007".into()), ..Default::default() };
    let p = werkbak(&db, &per_locatie).await.unwrap();
    assert!(p.rijen.iter().any(|r| r.referentie == a));
    assert!(p.rijen.iter().all(|r| r.referentie != b));
    let organisator: Option<String> =
        db.query("SELECT VALUE record::id(organisator) FROM ONLY locatie:L0007").await.unwrap().take(0).unwrap();
    let per_org = WerkbakFilter { weergave: Some(Weergave::Alle), organisator, ..Default::default() };
    assert!(werkbak(&db, &per_org).await.unwrap().rijen.iter().any(|r| r.referentie == a));
}

#[tokio::test]
async fn oldest_first_pages_by_keyset_too() {
    let db = common::db_met_demo(80).await;
    let mut filter = WerkbakFilter { weergave: Some(Weergave::Alle), oudste_eerst: true, ..Default::default() };
    let mut gezien = Vec::new();
    loop {
        let p = werkbak(&db, &filter).await.unwrap();
        gezien.extend(p.rijen.iter().map(|r| (r.ontvangen, r.referentie.to_string())));
        match p.volgende {
            Some(c) => filter.na = Some(c),
            None => break,
        }
    }
    assert_eq!(gezien.len(), 80);
    assert!(gezien.windows(2).all(|w| w[0] < w[1]), "not strictly oldest first");
    let status = WerkbakFilter { status: Some(Status::Afgesloten), ..Default::default() };
    let afgesloten = werkbak(&db, &status).await.unwrap().rijen;
    assert!(!afgesloten.is_empty(), "the first 21 demo meldingen cycle through every status, closed too");
    assert!(afgesloten.iter().all(|r| r.status == Status::Afgesloten));
}

#[tokio::test]
async fn organiser_and_location_pages_count_the_last_twelve_months() {
    let db = common::db_met_demo(0).await;
    let a = melding(&db, "L0007", "Eerste signaal over dezelfde opvang in korte tijd.", 10, false).await;
    melding(&db, "L0007", "Tweede signaal over dezelfde opvang in korte tijd.", 40, false).await;
    melding(&db, "L0007", "Een signaal van meer dan een jaar geleden.", 400, false).await;
    let l = app::locaties::service::locatie_overzicht(&db, "L0007", Utc::now()).await.unwrap().unwrap();
    assert_eq!(l.locatie.meldingen_12_maanden, 2);
    assert_eq!(l.meldingen.len(), 3, "every melding is listed, also older ones");
    assert_eq!(l.meldingen[0].referentie, a, "newest first");
    let o = app::locaties::service::organisator(&db, &l.organisator_id, Utc::now()).await.unwrap().unwrap();
    assert!(o.meldingen_12_maanden >= 2);
    assert!(o.locaties.iter().any(|x| x.id == "L0007" && x.meldingen_12_maanden == 2));
    assert!(app::locaties::service::locatie_overzicht(&db, "L9999", Utc::now()).await.unwrap().is_none());
}

/// Every page of a view, following "Volgende pagina".
async fn alle_paginas(db: &Db, weergave: Weergave) -> Vec<app::meldingen::model::WerkbakRij> {
    let mut filter = WerkbakFilter { weergave: Some(weergave), ..Default::default() };
    let mut rijen = Vec::new();
    loop {
        let p = werkbak(db, &filter).await.unwrap();
        rijen.extend(p.rijen);
        match p.volgende {
            Some(c) => filter.na = Some(c),
            None => return rijen,
        }
    }
}

#[tokio::test]
async fn the_late_view_holds_exactly_the_open_cases_whose_clock_ran_out() {
    // Demo cases in every status, received over the past months, some waiting (clock paused).
    let db = common::db_met_demo(300).await;
    let laat: Vec<String> =
        alle_paginas(&db, Weergave::TeLaat).await.iter().map(|r| r.referentie.to_string()).collect();
    let open = alle_paginas(&db, Weergave::Open).await;
    // The database's index (`laat_vanaf`) agrees with the deadlines as the case page counts them.
    let verwacht: Vec<String> = open.iter().filter(|r| r.te_laat).map(|r| r.referentie.to_string()).collect();
    assert!(verwacht.len() >= 5, "the demo data has late cases: {}", verwacht.len());
    assert!(verwacht.len() < open.len(), "and cases on time");
    assert_eq!(laat, verwacht, "same cases, newest first");
}
