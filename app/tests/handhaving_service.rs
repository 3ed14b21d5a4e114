//! Enforcement dossiers on a real (in-memory) SurrealDB: one open dossier per location, steps in
//! the legal order with the licence following the decisions (and its history), refusals that
//! write nothing, and two people adding a step to the same version.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use app::handhaving::fout::HandhavingFout;
use app::handhaving::model::{Maatregel, Stapsoort, Vergunning};
use app::handhaving::regels::Weigering;
use app::handhaving::service::{self, NieuweStap};
use app::handhaving::repo;
use chrono::{Datelike, Utc};

/// A demo location whose licence is active (some demo locations are suspended).
async fn actieve_locatie(db: &app::gemeen::Db) -> String {
    let l: Option<String> = db
        .query("SELECT VALUE record::id(id) FROM locatie WHERE vergunning = 'actief' ORDER BY id LIMIT 1")
        .await
        .unwrap()
        .take(0)
        .unwrap();
    l.unwrap()
}

fn stap(soort: Stapsoort, maatregel: Option<Maatregel>) -> NieuweStap {
    let vandaag = Utc::now().date_naive();
    NieuweStap {
        soort,
        maatregel,
        onmiddellijk: false,
        reden: None,
        tekst: format!("{} voor de opvang.", soort.label()),
        datum: vandaag,
        betekend: Some(vandaag),
        termijn: None,
        publiek: true,
    }
}

async fn vergunning(db: &app::gemeen::Db, locatie: &str) -> String {
    let v: Option<String> = db
        .query("SELECT VALUE vergunning FROM ONLY type::record('locatie', $l)")
        .bind(("l", locatie.to_string()))
        .await
        .unwrap()
        .take(0)
        .unwrap();
    v.unwrap()
}

#[tokio::test]
async fn a_dossier_goes_from_warning_to_suspension_and_the_licence_follows() {
    let db = common::db_met_demo(5).await;
    let ann = common::account(&db, "ann@meldpunt.test", &[Rol::KlantenbeheerderKinderopvang]).await;
    let l = actieve_locatie(&db).await;
    let f = common::formulier(&l, "De kinderen speelden zonder toezicht op straat.");
    let app::meldingen::intake::Indiening::Ontvangen(b) = app::meldingen::intake::dien_in(&db, &f, Utc::now()).await.unwrap() else {
        panic!("refused")
    };
    let r = b.referentie.to_string();
    let key = service::open(&db, &ann, &l, "Drie meldingen over toezicht.", std::slice::from_ref(&r), Utc::now()).await.unwrap();
    let d = repo::een(&db, &key).await.unwrap().unwrap();
    assert_eq!(d.nummer, format!("H-{}-0001", Utc::now().year()));
    assert_eq!((d.meldingen.clone(), d.open, d.vergunning_begin), (vec![r], true, Vergunning::Actief));
    // One open dossier per location.
    let tweede = service::open(&db, &ann, &l, "Nog een.", &[], Utc::now()).await;
    assert!(matches!(&tweede, Err(HandhavingFout::AlOpen(n)) if *n == d.nummer), "{tweede:?}");
    // An unknown location, or a melding of another location: refused.
    assert!(matches!(service::open(&db, &ann, "L9999", "x", &[], Utc::now()).await, Err(HandhavingFout::LocatieOnbekend)));

    // A decision before an intention: refused with the reason, nothing written.
    let fout = service::voeg_stap_toe(&db, &ann, &key, 0, &stap(Stapsoort::Beslissing, Some(Maatregel::Schorsing)), Utc::now()).await;
    assert!(matches!(fout, Err(HandhavingFout::Regel(Weigering::BeslissingZonderVoornemen))), "{fout:?}");
    assert!(repo::stappen(&db, &key).await.unwrap().is_empty());

    let weg = [
        stap(Stapsoort::Aanmaning, None),
        stap(Stapsoort::Voornemen, Some(Maatregel::Schorsing)),
        stap(Stapsoort::Horen, None),
        stap(Stapsoort::Beslissing, Some(Maatregel::Schorsing)),
    ];
    for (i, s) in weg.iter().enumerate() {
        let versie = service::voeg_stap_toe(&db, &ann, &key, i as i64, s, Utc::now()).await.unwrap();
        assert_eq!(versie, i as i64 + 1);
    }
    let stappen = repo::stappen(&db, &key).await.unwrap();
    assert_eq!(stappen.iter().map(|s| s.soort).collect::<Vec<_>>(), weg.iter().map(|s| s.soort).collect::<Vec<_>>());
    assert_eq!(stappen.iter().map(|s| s.volgnummer).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert_eq!(vergunning(&db, &l).await, "geschorst");
    let historiek = service::vergunning_historiek(&db, &l).await.unwrap();
    assert_eq!(historiek.iter().map(|(v, n, _)| (*v, *n)).collect::<Vec<_>>(), [(Vergunning::Actief, Vergunning::Geschorst)]);

    // A step on an old version: refused, nothing written.
    let oud = service::voeg_stap_toe(&db, &ann, &key, 2, &stap(Stapsoort::Bezwaar, None), Utc::now()).await;
    assert!(matches!(oud, Err(HandhavingFout::Verouderd)), "{oud:?}");
    // Lifting the suspension, then closing: the dossier is closed and takes no more steps.
    let opheffen = stap(Stapsoort::Beslissing, Some(Maatregel::SchorsingOpgeheven));
    service::voeg_stap_toe(&db, &ann, &key, 4, &opheffen, Utc::now()).await.unwrap();
    assert_eq!(vergunning(&db, &l).await, "actief");
    service::voeg_stap_toe(&db, &ann, &key, 5, &stap(Stapsoort::Afsluiting, None), Utc::now()).await.unwrap();
    assert!(!repo::een(&db, &key).await.unwrap().unwrap().open);
    let na = service::voeg_stap_toe(&db, &ann, &key, 6, &stap(Stapsoort::Aanmaning, None), Utc::now()).await;
    assert!(matches!(na, Err(HandhavingFout::Regel(Weigering::Gesloten))), "{na:?}");
    // Closed: a new dossier for the location may open, from the licence as it is now.
    let nieuw = service::open(&db, &ann, &l, "Nieuwe meldingen.", &[], Utc::now()).await.unwrap();
    assert_eq!(repo::een(&db, &nieuw).await.unwrap().unwrap().nummer, format!("H-{}-0002", Utc::now().year()));
}

#[tokio::test]
async fn two_people_adding_a_step_to_the_same_version_get_one_step() {
    let db = common::db_met_demo(5).await;
    let ann = common::account(&db, "ann@meldpunt.test", &[Rol::KlantenbeheerderKinderopvang]).await;
    let l = actieve_locatie(&db).await;
    let key = service::open(&db, &ann, &l, "Toezicht.", &[], Utc::now()).await.unwrap();
    let (een, twee) = (stap(Stapsoort::Vaststelling, None), stap(Stapsoort::Aanmaning, None));
    let (a, b) = tokio::join!(
        service::voeg_stap_toe(&db, &ann, &key, 0, &een, Utc::now()),
        service::voeg_stap_toe(&db, &ann, &key, 0, &twee, Utc::now()),
    );
    assert_eq!([a.is_ok(), b.is_ok()].iter().filter(|o| **o).count(), 1, "{a:?} {b:?}");
    assert!(matches!(a.err().or(b.err()), Some(HandhavingFout::Verouderd)));
    assert_eq!(repo::stappen(&db, &key).await.unwrap().len(), 1);
}

#[tokio::test]
async fn an_immediate_suspension_needs_its_reason_and_skips_the_steps_before() {
    let db = common::db_met_demo(5).await;
    let ann = common::account(&db, "ann@meldpunt.test", &[Rol::KlantenbeheerderKinderopvang]).await;
    let l = actieve_locatie(&db).await;
    let key = service::open(&db, &ann, &l, "Kinderen in gevaar.", &[], Utc::now()).await.unwrap();
    let mut s = stap(Stapsoort::Beslissing, Some(Maatregel::Schorsing));
    s.onmiddellijk = true;
    let fout = service::voeg_stap_toe(&db, &ann, &key, 0, &s, Utc::now()).await;
    assert!(matches!(fout, Err(HandhavingFout::RedenOntbreekt)), "{fout:?}");
    s.reden = Some("Geen begeleiders aanwezig bij twaalf baby's.".into());
    service::voeg_stap_toe(&db, &ann, &key, 0, &s, Utc::now()).await.unwrap();
    assert_eq!(vergunning(&db, &l).await, "geschorst");
    let stappen = repo::stappen(&db, &key).await.unwrap();
    assert_eq!(stappen.len(), 1);
    assert!(stappen[0].onmiddellijk);
    assert_eq!(stappen[0].reden.as_deref(), Some("Geen begeleiders aanwezig bij twaalf baby's."));
}
