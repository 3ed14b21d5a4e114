//! The reporter's follow-up against a real (in-memory) SurrealDB.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::meldingen::intake::{Indiening, dien_in};
use app::opvolgen::service::{Toegang, bekijk, controleer_aanvulling, vul_aan};
use app::zaak::model::Status;

async fn ingediend(db: &app::gemeen::Db) -> (String, String) {
    let f = common::formulier("L0007", "De kinderen speelden buiten zonder toezicht van een begeleider.");
    let Indiening::Ontvangen(b) = dien_in(db, &f, chrono::Utc::now()).await.unwrap() else { panic!("refused") };
    (b.referentie.to_string(), b.opvolgcode)
}

#[tokio::test]
async fn the_right_code_shows_the_status_and_nothing_internal() {
    let db = common::db_met_demo(0).await;
    let (referentie, code) = ingediend(&db).await;
    db.query("CREATE tijdlijn SET melding = type::record('melding', $r), tijdstip = time::now(), soort = 'notitie', tekst = 'INTERN: naam buurvrouw', door = 'Els'")
        .bind(("r", referentie.clone()))
        .await
        .unwrap()
        .check()
        .unwrap();
    // Typed in lower case and without dashes, as people do.
    let getypt = code.to_lowercase().replace('-', " ");
    let Toegang::Ok(o) = bekijk(&db, &referentie.to_lowercase(), &getypt).await.unwrap() else { panic!("refused") };
    assert_eq!(o.status, Status::Ontvangen);
    assert!(o.aanvullingen.is_empty());
    assert!(!format!("{o:?}").contains("INTERN"));
}

#[tokio::test]
async fn wrong_codes_unknown_references_and_codeless_meldingen_get_the_same_answer() {
    let db = common::db_met_demo(30).await;
    let (referentie, _) = ingediend(&db).await;
    assert_eq!(bekijk(&db, &referentie, "AAAAA-AAAAA-AAAAA-AAAAA").await.unwrap(), Toegang::Onbekend);
    assert_eq!(bekijk(&db, &referentie, "").await.unwrap(), Toegang::Onbekend);
    assert_eq!(bekijk(&db, "M-1999-00001", "AAAAA").await.unwrap(), Toegang::Onbekend);
    assert_eq!(bekijk(&db, "'; DELETE melding;", "x").await.unwrap(), Toegang::Onbekend);
    // Demo meldingen were taken in without a code: nobody can open them here.
    let mut r = db.query("SELECT VALUE referentie FROM melding WHERE opvolgcode_hash = NONE LIMIT 1").await.unwrap();
    let zonder: Option<String> = r.take(0).unwrap();
    assert_eq!(bekijk(&db, &zonder.unwrap(), "").await.unwrap(), Toegang::Onbekend);
}

#[tokio::test]
async fn an_addition_lands_on_the_timeline_and_ends_a_wait_for_the_reporter() {
    let db = common::db_met_demo(0).await;
    let (referentie, code) = ingediend(&db).await;
    db.query("UPDATE type::record('melding', $r) SET status = 'wacht_op_info'")
        .bind(("r", referentie.clone()))
        .await
        .unwrap()
        .check()
        .unwrap();
    let tekst = controleer_aanvulling("  Het gebeurde ook op maandag, rond 16 uur.  ").unwrap();
    let Toegang::Ok(o) = vul_aan(&db, &referentie, &code, &tekst).await.unwrap() else { panic!("refused") };
    assert_eq!(o.status, Status::InBehandeling);
    assert_eq!(o.aanvullingen.len(), 1);
    assert_eq!(o.aanvullingen[0].1, "Het gebeurde ook op maandag, rond 16 uur.");
    let m = app::meldingen::service::detail(&db, &app::zaak::model::Referentie::parse(&referentie).unwrap())
        .await
        .unwrap()
        .unwrap();
    let soorten: Vec<&str> = m.tijdlijn.iter().map(|t| t.soort.code()).collect();
    assert_eq!(soorten, vec!["ontvangen", "contact", "status"]);
    // With a wrong code nothing is added.
    assert_eq!(vul_aan(&db, &referentie, "FOUT", &tekst).await.unwrap(), Toegang::Onbekend);
    assert!(controleer_aanvulling("kort").is_err());
}
