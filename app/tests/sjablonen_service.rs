//! Templates: the starter set imported once, revisions on every real change, the editor's input
//! refused with a message per field (a template's mistakes with their line), version conflicts,
//! append-only revisions, and export that reads back as the same templates.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::sjablonen::fout::SjabloonFout;
use app::sjablonen::model::SjabloonInvoer;
use app::sjablonen::service;
use std::path::Path;

const SLUG: &str = "ontvangstbevestiging-melding";

fn content() -> &'static Path {
    Path::new("../content")
}

async fn met_startset() -> app::gemeen::Db {
    let db = common::db().await;
    let v = service::importeer_als_leeg(&db, content()).await.unwrap().unwrap();
    assert!(v.nieuw >= 15, "{v:?}");
    db
}

async fn invoer(db: &app::gemeen::Db) -> SjabloonInvoer {
    let mut i = service::bewerkdata(db, SLUG).await.unwrap().invoer;
    i.wijziging = "Zin over de termijn korter".into();
    i
}

#[tokio::test]
async fn the_starter_set_is_imported_once_and_unchanged_files_make_no_revision() {
    let db = met_startset().await;
    let lijst = service::lijst(&db).await.unwrap();
    assert!(lijst.len() >= 15);
    assert!(lijst.iter().all(|r| r.revisie == 1));
    // Not empty any more: the start-up import does nothing.
    assert_eq!(service::importeer_als_leeg(&db, content()).await.unwrap(), None);
    let opnieuw = service::importeer_map(&db, &content().join("sjablonen"), "test").await.unwrap();
    assert_eq!((opnieuw.nieuw, opnieuw.gewijzigd, opnieuw.ongewijzigd), (0, 0, lijst.len()));
    let ontvangst = lijst.iter().find(|r| r.slug == SLUG).unwrap();
    assert_eq!(ontvangst.automatisch.as_deref(), Some("melding-ontvangen"));
}

#[tokio::test]
async fn the_editor_names_every_mistake_with_its_field_and_line() {
    let db = met_startset().await;
    let mut i = invoer(&db).await;
    i.titel = "  ".into();
    i.kanaal = "fax".into();
    i.onderwerp = "Uw melding {{melding.referentie}".into();
    i.inhoud = "Beste {{melder.naam}},\n\nWe bellen u op {{melder.telefoon}}.\n{{#als locatie.naam}}\nOver {{locatie.naam}}.\n".into();
    let f = service::uit_invoer(SLUG, &i).unwrap_err();
    assert!(f.get("titel").is_some());
    assert!(f.get("kanaal").is_some());
    assert!(f.get("onderwerp").unwrap().contains("'{{' zonder '}}'"), "{:?}", f.get("onderwerp"));
    let inhoud = f.get("inhoud").unwrap();
    assert!(inhoud.contains("Regel 3") && inhoud.contains("{{melder.telefoon}} bestaat niet"), "{inhoud}");
    assert!(inhoud.contains("Regel 4") && inhoud.contains("{{/als}}"), "{inhoud}");
    // Nothing was written.
    let p = service::pagina(&db, SLUG, chrono::Utc::now(), None, None).await.unwrap();
    assert_eq!(p.revisies.len(), 1);
    assert_eq!(p.verschil, None);
}

#[tokio::test]
async fn a_save_is_a_new_revision_and_a_save_on_an_old_one_is_refused() {
    let db = met_startset().await;
    let mut i = invoer(&db).await;
    i.inhoud = i.inhoud.replace("Bedankt voor uw melding.", "Dank u voor uw melding.");
    let s = service::uit_invoer(SLUG, &i).unwrap();
    assert_eq!(service::bewaar(&db, &s, Some(1), "Kim Peeters", &i.wijziging).await.unwrap(), Some(2));
    // A colleague who also started from revision 1 is told, and nothing of theirs is written.
    let mut ander = invoer(&db).await;
    ander.inhoud.push_str("\nExtra zin.\n");
    let s2 = service::uit_invoer(SLUG, &ander).unwrap();
    let fout = service::bewaar(&db, &s2, Some(1), "Els", "extra").await.unwrap_err();
    assert!(matches!(fout, SjabloonFout::Verouderd { gelezen: 1, huidig: 2 }), "{fout:?}");
    let p = service::pagina(&db, SLUG, chrono::Utc::now(), None, None).await.unwrap();
    assert_eq!(p.revisies.iter().map(|r| r.nummer).collect::<Vec<_>>(), vec![2, 1]);
    assert_eq!(p.revisies[0].door, "Kim Peeters");
    assert!(p.inhoud.contains("Dank u voor uw melding.") && !p.inhoud.contains("Extra zin."));
    // The newest version against the one before: the changed line out, the new one in.
    let v = p.verschil.unwrap();
    assert_eq!((v.van, v.naar), (1, 2));
    use app::gemeen::diff::DiffRegel;
    assert!(v.regels.iter().any(|r| matches!(r, DiffRegel::Weg(t) if t.contains("Bedankt voor uw melding."))));
    assert!(v.regels.iter().any(|r| matches!(r, DiffRegel::Bij(t) if t.contains("Dank u voor uw melding."))));
    assert!(v.regels.iter().any(|r| matches!(r, DiffRegel::Gelijk(_))));
    // Saving the same text again makes no revision.
    assert_eq!(service::bewaar(&db, &s, Some(2), "Kim Peeters", "niets").await.unwrap(), None);
}

#[tokio::test]
async fn a_revision_is_never_changed_nor_deleted() {
    let db = met_startset().await;
    for sql in ["UPDATE sjabloon_revisie SET tekst = 'weg'", "DELETE sjabloon_revisie"] {
        assert!(db.query(sql).await.unwrap().check().is_err(), "{sql} was allowed");
    }
    let teksten: Vec<String> = db.query("SELECT VALUE tekst FROM sjabloon_revisie").await.unwrap().take(0).unwrap();
    assert!(teksten.len() >= 15);
    assert!(teksten.iter().all(|t| t.starts_with("+++") && t != "weg"));
}

#[tokio::test]
async fn an_export_reads_back_as_the_same_templates() {
    let db = met_startset().await;
    let map = std::env::temp_dir().join(format!("sjablonen-export-{}", std::process::id()));
    let n = service::exporteer(&db, &map).await.unwrap();
    let terug = service::lees_map(&map).unwrap();
    let bron = service::lees_map(&content().join("sjablonen")).unwrap();
    std::fs::remove_dir_all(&map).unwrap();
    assert_eq!(n, bron.len());
    assert_eq!(terug, bron);
}

#[tokio::test]
async fn the_example_fills_in_every_field_and_lists_what_a_person_writes() {
    let db = met_startset().await;
    let p = service::pagina(&db, SLUG, chrono::Utc::now(), None, None).await.unwrap();
    let jaar = chrono::Datelike::year(&chrono::Utc::now());
    assert!(p.voorbeeld.onderwerp.contains(&format!("M-{jaar}-00042")), "{}", p.voorbeeld.onderwerp);
    assert!(p.voorbeeld.html.contains("Jana Peeters") && !p.voorbeeld.html.contains("{{"), "{}", p.voorbeeld.html);
    assert!(p.voorbeeld.open.is_empty(), "{:?}", p.voorbeeld.open);
    assert!(p.velden.iter().any(|(n, _)| n == "melding.referentie"));
    let antwoord = service::pagina(&db, "antwoord-op-vraag", chrono::Utc::now(), None, None).await.unwrap();
    assert!(!antwoord.voorbeeld.open.is_empty());
    assert!(antwoord.voorbeeld.open.iter().all(|o| o.starts_with("Regel ")), "{:?}", antwoord.voorbeeld.open);
}
