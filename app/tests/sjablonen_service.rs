//! Templates: the starter set imported once, revisions on every real change, the editor's input
//! refused with a message per field (a template's mistakes with their line), version conflicts,
//! append-only revisions, export that reads back as the same templates, and the writing aid's
//! jargon list (filled at first start, kept by coordinators, used by the aid as stored).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::sjablonen::fout::SjabloonFout;
use app::sjablonen::jargon::{self, Jargon};
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

fn jargon_in(h: &app::sjablonen::model::Schrijfhulp) -> Vec<String> {
    h.opmerkingen.iter().filter(|o| o.contains("schrijf liever")).cloned().collect()
}

#[tokio::test]
async fn the_jargon_list_is_filled_once_at_first_start() {
    let db = common::db().await;
    assert!(jargon::lijst(&db).await.unwrap().is_empty());
    assert!(jargon::vul_als_leeg(&db).await.unwrap());
    let lijst = jargon::lijst(&db).await.unwrap();
    let standaard = sjabloon::schrijfhulp::STANDAARD_JARGON;
    assert_eq!(lijst.len(), standaard.len());
    assert!(lijst.windows(2).all(|w| w[0].woord < w[1].woord), "not sorted");
    assert!(lijst.iter().all(|j| j.door == "meldpunt (eerste start)"));
    let ontvankelijk = lijst.iter().find(|j| j.woord == "ontvankelijk").unwrap();
    assert_eq!(ontvankelijk.alternatief, "we kunnen uw melding behandelen");
    // A list that is there (however short) is left alone.
    jargon::verwijder(&db, "teneinde").await.unwrap();
    assert!(!jargon::vul_als_leeg(&db).await.unwrap());
    assert_eq!(jargon::lijst(&db).await.unwrap().len(), standaard.len() - 1);
}

#[tokio::test]
async fn a_coordinators_word_is_flagged_by_the_writing_aid_until_it_is_removed() {
    let db = met_startset().await;
    jargon::vul_als_leeg(&db).await.unwrap();
    let hulp = |db: app::gemeen::Db| async move {
        service::pagina(&db, SLUG, chrono::Utc::now(), None, None).await.unwrap().voorbeeld.schrijfhulp
    };
    assert!(jargon_in(&hulp(db.clone()).await).is_empty());

    let j = Jargon::parse("  Melding ", "uw bericht").unwrap();
    assert!(jargon::bewaar(&db, &j, "Coby Coördinator").await.unwrap(), "a new word");
    let gemeld = jargon_in(&hulp(db.clone()).await);
    assert!(gemeld.iter().any(|o| o.contains("“uw bericht” dan “melding”")), "{gemeld:?}");
    // The same aid in the message composer's preview and in the editor.
    let tekst = "Met betrekking tot uw melding bellen we u.";
    let lijst = jargon::voor_schrijfhulp(&db).await;
    assert_eq!(jargon_in(&app::sjablonen::voorbeeld::schrijfhulp(tekst, &lijst)).len(), 1);

    // Changing the alternative: the same word, no second entry.
    let j = Jargon::parse("melding", "wat u ons meldde").unwrap();
    assert!(!jargon::bewaar(&db, &j, "Kim Peeters").await.unwrap(), "a change");
    let lijst = jargon::lijst(&db).await.unwrap();
    let melding: Vec<_> = lijst.iter().filter(|w| w.woord == "melding").collect();
    assert_eq!(
        (melding.len(), melding[0].alternatief.as_str(), melding[0].door.as_str()),
        (1, "wat u ons meldde", "Kim Peeters")
    );
    let gemeld = jargon_in(&hulp(db.clone()).await);
    assert!(gemeld.iter().any(|o| o.contains("“wat u ons meldde” dan “melding”")), "{gemeld:?}");

    // A phrase of three words counts as one.
    jargon::bewaar(&db, &Jargon::parse("met betrekking tot", "over").unwrap(), "Kim").await.unwrap();
    let lijst = jargon::voor_schrijfhulp(&db).await;
    let gemeld = jargon_in(&app::sjablonen::voorbeeld::schrijfhulp(tekst, &lijst));
    assert_eq!(gemeld.len(), 2, "{gemeld:?}");

    // Removed (as typed, in capitals): no longer flagged; removing it again is refused.
    jargon::verwijder(&db, " MELDING ").await.unwrap();
    assert!(jargon_in(&hulp(db.clone()).await).is_empty());
    let fout = jargon::verwijder(&db, "melding").await.unwrap_err();
    assert!(matches!(fout, SjabloonFout::WoordOnbekend), "{fout:?}");
    assert!(matches!(jargon::verwijder(&db, "").await, Err(SjabloonFout::WoordOnbekend)));
}

#[tokio::test]
async fn the_schema_refuses_what_the_form_refuses() {
    let db = common::db().await;
    jargon::vul_als_leeg(&db).await.unwrap();
    let lang = "a".repeat(61);
    for (woord, alternatief) in [("Groot", "iets"), ("", "iets"), (lang.as_str(), "iets"), ("leeg", "")] {
        let r = db
            .query("CREATE jargon SET woord = $w, alternatief = $a, door = 'test', gewijzigd = time::now()")
            .bind(("w", woord.to_string()))
            .bind(("a", alternatief.to_string()))
            .await
            .unwrap()
            .check();
        assert!(r.is_err(), "{woord:?} / {alternatief:?} was stored");
    }
    // One entry per word, also under another key.
    let r = db
        .query("CREATE jargon SET woord = 'teneinde', alternatief = 'om', door = 'test', gewijzigd = time::now()")
        .await
        .unwrap()
        .check();
    assert!(r.is_err(), "a second 'teneinde'");
    // Parsing refuses the same, with a message next to the field.
    let f = Jargon::parse("een woord te veel hier", "").unwrap_err();
    assert_eq!(f.get("woord"), Some("Hoogstens drie woorden: een woord of een korte uitdrukking."));
    assert_eq!(f.get("alternatief"), Some("Schrijf wat we beter schrijven."));
}
