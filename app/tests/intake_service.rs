//! Intake and triage against a real (in-memory) SurrealDB: the location picker finds an
//! organiser's locations by ondernemingsnummer in every usual spelling; possible duplicates are
//! proposed (same location, within 90 days, most shared words first); links show from both sides,
//! with timeline entries on both, and can be undone.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::{Gebruiker, Rol, Wachtwoord};
use app::dubbels::service::{KoppelFout, koppel, koppelingen, ontkoppel, voorstellen};
use app::gemeen::Db;
use app::gemeen::tijdlijn::Tijdlijnsoort;
use app::meldingen::intake::{Indiening, dien_in};
use app::meldingen::service::detail;
use app::zaak::model::Referentie;
use chrono::{DateTime, Duration, Utc};

async fn casewerker(db: &Db) -> Gebruiker {
    let email = "els@meldpunt.test";
    let rol = Rol::Casewerker;
    let id =
        app::auth::service::voeg_gebruiker_toe(db, email, "Els", &[rol], Wachtwoord::new("lang genoeg wachtwoord"))
            .await
            .unwrap();
    Gebruiker { id, email: email.into(), naam: "Els".into(), rollen: vec![rol] }
}

async fn melding(db: &Db, locatie: &str, tekst: &str, ontvangen: DateTime<Utc>) -> Referentie {
    let mut f = common::formulier(locatie, tekst);
    f.feit_datum = (ontvangen - Duration::days(1)).date_naive().format("%Y-%m-%d").to_string();
    match dien_in(db, &f, ontvangen).await.unwrap() {
        Indiening::Ontvangen(b) => b.referentie,
        Indiening::Fouten(f) => panic!("refused: {f:?}"),
    }
}

#[tokio::test]
async fn the_picker_finds_an_organisers_locations_by_ondernemingsnummer() {
    let db = common::db_met_demo(0).await;
    let mut res = db
        .query(
            "SELECT VALUE organisator.ondernemingsnummer FROM ONLY locatie:L0001;
             SELECT VALUE organisator.naam FROM ONLY locatie:L0001;",
        )
        .await
        .unwrap();
    let nummer: String = res.take::<Option<String>>(0).unwrap().unwrap();
    let organisator: String = res.take::<Option<String>>(1).unwrap().unwrap();
    let verwacht: Vec<String> = db
        .query("SELECT VALUE record::id(id) FROM locatie WHERE organisator = (SELECT VALUE organisator FROM ONLY locatie:L0001) ORDER BY naam")
        .await
        .unwrap()
        .take(0)
        .unwrap();
    let d = &nummer;
    let schrijfwijzen = [
        d.clone(),
        format!("{}.{}.{}", &d[0..4], &d[4..7], &d[7..10]),
        format!("BE{d}"),
        format!("BE {}.{}.{}", &d[0..4], &d[4..7], &d[7..10]),
        format!("be{}", &d[..]),
    ];
    for q in schrijfwijzen {
        let gevonden = app::locaties::repo::zoek(&db, &q, 10).await.unwrap();
        let ids: Vec<String> = gevonden.iter().map(|k| k.id.0.clone()).collect();
        assert_eq!(ids, verwacht, "search {q}");
        assert!(gevonden.iter().all(|k| k.organisator == organisator));
    }
    // An unknown number finds nothing; a name search still works as before.
    assert!(app::locaties::repo::zoek(&db, "0000.000.097", 10).await.unwrap().is_empty());
    let naam =
        app::locaties::repo::keuze(&db, &app::locaties::model::LocatieId("L0001".into())).await.unwrap().unwrap();
    let gevonden = app::locaties::repo::zoek(&db, &naam.naam, 10).await.unwrap();
    assert!(gevonden.iter().any(|k| k.id.0 == "L0001"));
}

#[tokio::test]
async fn duplicates_are_proposed_by_location_time_and_shared_words() {
    let db = common::db_met_demo(0).await;
    let nu = Utc::now();
    let eigen = melding(&db, "L0007", "Een kind viel van de glijbaan in de tuin; niemand hield toezicht.", nu).await;
    let zelfde =
        melding(&db, "L0007", "Onze zoon viel van de glijbaan: geen toezicht in de tuin.", nu - Duration::days(10))
            .await;
    let half = melding(&db, "L0007", "De glijbaan in de tuin is kapot en gevaarlijk.", nu - Duration::days(3)).await;
    let anders = melding(&db, "L0007", "De facturen kloppen niet met de afspraken.", nu - Duration::days(1)).await;
    let _oud =
        melding(&db, "L0007", "Een kind viel van de glijbaan in de tuin zonder toezicht.", nu - Duration::days(120))
            .await;
    let _elders = melding(&db, "L0008", "Een kind viel van de glijbaan in de tuin zonder toezicht.", nu).await;

    let v = voorstellen(&db, eigen.as_str()).await.unwrap();
    let volgorde: Vec<&str> = v.iter().map(|x| x.referentie.as_str()).collect();
    assert_eq!(volgorde, vec![zelfde.as_str(), half.as_str(), anders.as_str()], "same location, 90 days, ranked");
    assert_eq!(v[0].gedeelde_woorden, vec!["glijbaan", "toezicht", "tuin", "viel"]);
    assert_eq!(v[1].gedeelde_woorden, vec!["glijbaan", "tuin"]);
    assert!(v[2].gedeelde_woorden.is_empty());
}

#[tokio::test]
async fn links_show_from_both_sides_with_timeline_entries_and_can_be_undone() {
    let db = common::db_met_demo(0).await;
    let g = casewerker(&db).await;
    let nu = Utc::now();
    let a = melding(&db, "L0007", "De poort van de speelplaats stond open.", nu).await;
    let b = melding(&db, "L0007", "Iedereen kan binnen: de poort stond open.", nu).await;

    let voor = koppelingen(&db, a.as_str()).await.unwrap().voorstellen;
    assert!(voor.iter().any(|v| v.referentie == b.as_str()), "proposed before linking: {voor:?}");
    koppel(&db, &g, &b, &a, nu).await.unwrap();
    for (hier, daar) in [(&a, &b), (&b, &a)] {
        let k = koppelingen(&db, hier.as_str()).await.unwrap();
        assert_eq!(k.gekoppeld.len(), 1);
        assert_eq!(k.gekoppeld[0].referentie, daar.as_str());
        assert_eq!(k.gekoppeld[0].door, "Els");
        assert!(k.voorstellen.iter().all(|v| v.referentie != daar.as_str()), "linked ones are no longer proposed");
        let m = detail(&db, hier).await.unwrap().unwrap();
        let tekst = format!("Gekoppeld aan melding {daar}: mogelijk over dezelfde feiten.");
        assert!(
            m.tijdlijn.iter().any(|t| t.soort == Tijdlijnsoort::Koppeling && t.tekst == tekst),
            "{hier}: {:?}",
            m.tijdlijn
        );
    }
    let nogmaals = koppel(&db, &g, &a, &b, nu).await;
    assert!(matches!(nogmaals, Err(KoppelFout::AlGekoppeld)), "{nogmaals:?}");
    assert!(matches!(koppel(&db, &g, &a, &a, nu).await, Err(KoppelFout::Zichzelf)));
    let onbekend = Referentie::parse("M-2020-99999").unwrap();
    assert!(matches!(koppel(&db, &g, &a, &onbekend, nu).await, Err(KoppelFout::NietGevonden)));

    ontkoppel(&db, &g, &a, &b, nu).await.unwrap();
    for (hier, daar) in [(&a, &b), (&b, &a)] {
        assert!(koppelingen(&db, hier.as_str()).await.unwrap().gekoppeld.is_empty());
        let m = detail(&db, hier).await.unwrap().unwrap();
        assert!(m.tijdlijn.iter().any(|t| t.tekst == format!("Koppeling met melding {daar} opgeheven.")));
    }
    assert!(matches!(ontkoppel(&db, &g, &a, &b, nu).await, Err(KoppelFout::NietGekoppeld)));
}
