//! The maintained services list and the deadline rules against a real (in-memory) SurrealDB:
//! the migration seeds the former fixed list and the standard periods, a referral picks an active
//! service, and a new rule applies to new cases only.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use app::behandeling::model::{Handeling, Reden, Weigering};
use app::behandeling::service::{BehandelFout, voer_uit};
use app::beheer::model::DienstInvoer;
use app::beheer::service::{self as beheer, BeheerFout};
use app::gemeen::Db;
use app::meldingen::intake::{Indiening, dien_in};
use app::meldingen::service::detail;
use app::termijnen::model::Eenheid;
use app::termijnen::regels::{Termijnregel, Termijnwaarden};
use app::zaak::model::{Categorie, Referentie, Zaaksoort};
use chrono::{Days, Utc};

async fn melding(db: &Db, categorie: &str) -> Referentie {
    let mut f = common::formulier("L0007", "De maaltijden waren koud en er was te weinig voor alle kinderen.");
    f.categorieen = vec![categorie.into()];
    let Indiening::Ontvangen(b) = dien_in(db, &f, Utc::now()).await.unwrap() else { panic!("refused") };
    b.referentie
}

fn invoer(naam: &str) -> DienstInvoer {
    DienstInvoer {
        naam: naam.into(),
        waarvoor: "opvoedingsvragen van ouders".into(),
        telefoon: None,
        email: Some("info@huisvanhetkind.test".into()),
        website: None,
    }
}

#[tokio::test]
async fn the_services_list_is_kept_in_the_database_and_referrals_use_active_services() {
    let db = common::db_met_demo(0).await;
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let nu = Utc::now();
    let lijst = beheer::diensten(&db).await.unwrap();
    assert_eq!(lijst.len(), 8, "the former fixed list, seeded");
    assert!(lijst.iter().all(|d| d.actief));
    let id = beheer::bewaar_dienst(&db, "", &invoer("Huis van het Kind"), nu).await.unwrap();
    beheer::bewaar_dienst(&db, &id, &invoer("Huis van het Kind Aalst"), nu).await.unwrap();
    assert!(matches!(
        beheer::bewaar_dienst(&db, "bestaatniet", &invoer("x y"), nu).await,
        Err(BeheerFout::NietGevonden(_))
    ));
    beheer::zet_actief(&db, "ombudsdienst", false, nu).await.unwrap();
    let actief = beheer::actieve_diensten(&db).await.unwrap();
    assert!(actief.iter().any(|d| d.naam == "Huis van het Kind Aalst"));
    assert!(!actief.iter().any(|d| d.id == "ombudsdienst"));
    assert_eq!(beheer::diensten(&db).await.unwrap().len(), 9, "deactivated, not deleted");

    // Referring to a deactivated service is refused; to an active one, it lands on the timeline.
    let r = melding(&db, "voeding").await;
    let v = detail(&db, &r).await.unwrap().unwrap().versie;
    let verwijs =
        |dienst: &str| Handeling::Verwijs { dienst: dienst.into(), reden: Reden::parse("Niet voor ons.").unwrap() };
    let e = voer_uit(&db, &els, r.as_str(), v, verwijs("ombudsdienst"), nu).await.unwrap_err();
    assert!(matches!(e, BehandelFout::Geweigerd(Weigering::GeenDienst)), "{e:?}");
    voer_uit(&db, &els, r.as_str(), v, verwijs(&id), nu).await.unwrap();
    let d = detail(&db, &r).await.unwrap().unwrap();
    assert!(d.tijdlijn.iter().any(|t| t.tekst
        == "Status gewijzigd naar Doorverwezen. Doorverwezen naar Huis van het Kind Aalst (info@huisvanhetkind.test). \
            Reden: Niet voor ons."));
}

#[tokio::test]
async fn the_most_specific_rule_applies_at_intake_and_later_changes_do_not_move_existing_cases() {
    let db = common::db_met_demo(0).await;
    let coord = common::account(&db, "coord@meldpunt.test", &[Rol::Coordinator]).await;
    let nu = Utc::now();
    let regels = beheer::termijnregels(&db).await.unwrap();
    assert_eq!(regels.len(), 3, "one standard rule per case type");
    assert!(regels.iter().all(|r| r.waarden == Termijnwaarden::standaard(r.zaaksoort)));

    let regel = |dagen| Termijnregel {
        zaaksoort: Zaaksoort::Melding,
        categorie: Some(Categorie::Voeding),
        waarden: Termijnwaarden { ontvangst: 2, ontvangst_eenheid: Eenheid::Dagen, uitkomst_dagen: dagen },
    };
    beheer::bewaar_regel(&db, &coord, &regel(20), nu).await.unwrap();
    let voeding = melding(&db, "voeding").await;
    let veiligheid = melding(&db, "veiligheid").await;
    let vandaag = app::tijd::vandaag(Utc::now());
    let uitkomst = |r: Referentie| {
        let db = db.clone();
        async move { detail(&db, &r).await.unwrap().unwrap().termijnen.last().unwrap().vervalt }
    };
    assert_eq!(uitkomst(voeding.clone()).await, vandaag + Days::new(20));
    assert_eq!(uitkomst(veiligheid.clone()).await, vandaag + Days::new(45), "the rule of the whole case type");
    let t = detail(&db, &voeding).await.unwrap().unwrap().termijnen;
    assert_eq!((t[0].vervalt, &t[0].eenheid), (vandaag + Days::new(2), &Eenheid::Dagen));

    // A later change applies to new cases only.
    beheer::bewaar_regel(&db, &coord, &regel(30), nu).await.unwrap();
    assert_eq!(beheer::termijnregels(&db).await.unwrap().len(), 4, "one rule per case type and category");
    assert_eq!(uitkomst(voeding).await, vandaag + Days::new(20));
    assert_eq!(uitkomst(melding(&db, "voeding").await).await, vandaag + Days::new(30));

    // The rule of a whole case type stays; a category rule can go.
    assert!(matches!(beheer::verwijder_regel(&db, "melding_alle").await, Err(BeheerFout::AlgemeneRegel)));
    beheer::verwijder_regel(&db, "melding_voeding").await.unwrap();
    assert!(matches!(beheer::verwijder_regel(&db, "melding_voeding").await, Err(BeheerFout::NietGevonden(_))));
    assert_eq!(uitkomst(melding(&db, "voeding").await).await, vandaag + Days::new(45));
}
