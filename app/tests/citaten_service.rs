//! Citing knowledge-base pages from a case, against a fresh in-memory SurrealDB per test: the
//! citation keeps the revision that was cited, lands on the timeline, and refuses pages or
//! revisions that do not exist.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::{Gebruiker, Rol, Wachtwoord};
use app::citaten::model::NieuwCitaat;
use app::citaten::service::{self, CitaatFout};
use app::gemeen::Db;
use app::gemeen::tijdlijn::Tijdlijnsoort;
use app::kennisbank::zoekindex::Kennisindex;
use std::path::Path;

const SLUG: &str = "schorsing-vergunning";

async fn opzet() -> (Db, Kennisindex, Gebruiker, String) {
    let db = common::db_met_demo(3).await;
    let index = Kennisindex::default();
    app::kennisbank::service::importeer_map(&db, &index, Path::new("../content"), "test").await.unwrap();
    let id = app::auth::service::voeg_gebruiker_toe(
        &db,
        "els@x.test",
        "Els",
        &[Rol::Casewerker],
        Wachtwoord::new("lang genoeg wachtwoord"),
    )
    .await
    .unwrap();
    let g = Gebruiker { id, email: "els@x.test".into(), naam: "Els".into(), rollen: vec![Rol::Casewerker] };
    let referentie: String = db
        .query("SELECT VALUE referentie FROM melding ORDER BY referentie LIMIT 1")
        .await
        .unwrap()
        .take::<Vec<String>>(0)
        .unwrap()
        .remove(0);
    (db, index, g, referentie)
}

fn citaat(revisie: i64, toelichting: &str) -> NieuwCitaat {
    NieuwCitaat::parse(SLUG, &revisie.to_string(), toelichting).unwrap()
}

#[tokio::test]
async fn a_citation_keeps_its_revision_after_the_page_changes() {
    let (db, index, g, referentie) = opzet().await;
    let nu = chrono::Utc::now();
    service::citeer(&db, &g, &referentie, citaat(1, "Art. 10 is hier van toepassing."), nu).await.unwrap();

    // The page changes after it was cited.
    let r = app::kennisbank::repo::een(&db, SLUG).await.unwrap().unwrap();
    let mut p = app::kennisbank::omzetten::pagina_uit_db(&r).unwrap();
    let oude_tekst = p.inhoud.clone();
    p.inhoud = format!("{oude_tekst}\n\nEen nieuwe alinea: zebrapadregel.");
    app::kennisbank::service::bewaar(&db, &index, &p, Some(1), "Kim", "alinea").await.unwrap();

    let d = service::data(&db, &index, &referentie, "").await.unwrap();
    assert_eq!(d.citaten.len(), 1);
    let c = &d.citaten[0];
    assert_eq!((c.revisie, c.huidige_revisie), (1, Some(2)));
    assert!(c.verouderd());
    assert_eq!(c.toelichting, "Art. 10 is hier van toepassing.");
    assert_eq!(c.door, "Els");
    assert_eq!(c.pad(), format!("/kennisbank/{SLUG}/revisie/1"));

    // The cited revision reads as it did then; the current one has the new paragraph.
    let oud = app::kennisbank::service::revisie(&db, SLUG, 1).await.unwrap();
    assert!(!oud.html.contains("zebrapadregel"));
    assert_eq!((oud.nummer, oud.huidige), (1, 2));
    let nieuw = app::kennisbank::service::revisie(&db, SLUG, 2).await.unwrap();
    assert!(nieuw.html.contains("zebrapadregel"));

    // The citation is on the timeline, with who and which revision.
    let detail = app::meldingen::service::detail(&db, &app::zaak::model::Referentie::parse(&referentie).unwrap())
        .await
        .unwrap()
        .unwrap();
    let regel = detail.tijdlijn.iter().find(|t| t.soort == Tijdlijnsoort::Citaat).expect("a timeline entry");
    assert!(regel.tekst.contains("(revisie 1)"), "{}", regel.tekst);
    assert_eq!(regel.door, "Els");
}

#[tokio::test]
async fn unknown_pages_revisions_and_meldingen_are_refused_and_nothing_is_written() {
    let (db, index, g, referentie) = opzet().await;
    let nu = chrono::Utc::now();
    let onbekend = NieuwCitaat::parse("bestaat-niet", "1", "").unwrap();
    assert!(matches!(service::citeer(&db, &g, &referentie, onbekend, nu).await, Err(CitaatFout::PaginaOnbekend)));
    assert!(matches!(service::citeer(&db, &g, &referentie, citaat(9, ""), nu).await, Err(CitaatFout::PaginaOnbekend)));
    assert!(matches!(
        service::citeer(&db, &g, "M-2020-99999", citaat(1, ""), nu).await,
        Err(CitaatFout::MeldingOnbekend)
    ));
    assert!(service::data(&db, &index, &referentie, "").await.unwrap().citaten.is_empty());
    let n: Option<i64> = db.query("RETURN count(SELECT id FROM citaat)").await.unwrap().take(0).unwrap();
    assert_eq!(n.unwrap_or(0), 0);
}

#[tokio::test]
async fn the_search_on_the_case_page_offers_pages_with_their_current_revision() {
    let (db, index, _, referentie) = opzet().await;
    let d = service::data(&db, &index, &referentie, "schorsen").await.unwrap();
    let t = d.treffers.iter().find(|t| t.slug == SLUG).expect("the suspension page is found");
    assert_eq!(t.revisie, 1);
    assert_eq!(d.zoek, "schorsen");
    assert!(service::data(&db, &index, &referentie, "  ").await.unwrap().treffers.is_empty());
}

#[tokio::test]
async fn citations_are_append_only() {
    let (db, index, g, referentie) = opzet().await;
    service::citeer(&db, &g, &referentie, citaat(1, "eerst"), chrono::Utc::now()).await.unwrap();
    for sql in ["UPDATE citaat SET toelichting = 'anders'", "UPDATE citaat SET revisie = 2", "DELETE citaat"] {
        let res = db.query(sql).await.unwrap().check();
        assert!(res.is_err(), "a citation cannot be changed or deleted: {sql}");
    }
    let d = service::data(&db, &index, &referentie, "").await.unwrap();
    assert_eq!(d.citaten.len(), 1, "the citation is still there");
    assert_eq!((d.citaten[0].revisie, d.citaten[0].toelichting.as_str()), (1, "eerst"));
}
