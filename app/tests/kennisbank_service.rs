//! Knowledge base against a fresh in-memory SurrealDB per test: import and export, revisions and
//! their diff, the revision check, audience filtering, publishing, and search that follows edits.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::gemeen::Db;
use app::gemeen::GebruikersFout as _;
use app::kennisbank::fout::KennisFout;
use app::kennisbank::model::{DiffRegel, Lezer, ZoekFilter};
use app::kennisbank::service::{self, lees_map};
use app::kennisbank::weergave;
use app::kennisbank::zoekindex::Kennisindex;
use kennisbank::Pagina;
use std::path::Path;

const CONTENT: &str = "../content";

async fn met_content() -> (Db, Kennisindex) {
    let db = common::db().await;
    let index = Kennisindex::default();
    let v = service::importeer_map(&db, &index, Path::new(CONTENT), "test").await.unwrap();
    assert!(v.nieuw >= 55, "{v:?}");
    (db, index)
}

async fn pagina(db: &Db, slug: &str) -> Pagina {
    let r = app::kennisbank::repo::een(db, slug).await.unwrap().unwrap();
    app::kennisbank::omzetten::pagina_uit_db(&r).unwrap()
}

async fn zoek(db: &Db, index: &Kennisindex, q: &str, lezer: Lezer) -> Vec<String> {
    let filter = ZoekFilter { q: q.into(), ..Default::default() };
    let res = weergave::zoek(db, index, &filter, lezer).await.unwrap();
    res.treffers.into_iter().map(|t| t.pad).collect()
}

#[tokio::test]
async fn the_first_start_imports_into_an_empty_knowledge_base_only() {
    let db = common::db().await;
    let index = Kennisindex::default();
    let v = service::importeer_als_leeg(&db, &index, Path::new(CONTENT)).await.unwrap().unwrap();
    assert!(v.nieuw >= 55);
    assert!(service::importeer_als_leeg(&db, &index, Path::new(CONTENT)).await.unwrap().is_none());
}

#[tokio::test]
async fn import_is_idempotent_and_export_round_trips() {
    let (db, index) = met_content().await;
    let v = service::importeer_map(&db, &index, Path::new(CONTENT), "test").await.unwrap();
    assert_eq!((v.nieuw, v.gewijzigd), (0, 0), "an unchanged page gets no new revision");
    assert_eq!(app::kennisbank::repo::revisies(&db, "wat-betekent-een-schorsing").await.unwrap().len(), 1);

    let map = std::env::temp_dir().join(format!("kb-export-{}", std::process::id()));
    let n = service::exporteer(&db, &map).await.unwrap();
    let mut origineel = lees_map(Path::new(CONTENT)).unwrap();
    let mut terug = lees_map(&map).unwrap();
    assert_eq!(n, origineel.len());
    origineel.sort_by(|a, b| a.slug.cmp(&b.slug));
    terug.sort_by(|a, b| a.slug.cmp(&b.slug));
    assert_eq!(origineel, terug);
    let _ = std::fs::remove_dir_all(map);
}

#[tokio::test]
async fn revisions_are_kept_and_diffed_and_old_revisions_are_refused() {
    let (db, index) = met_content().await;
    let mut p = pagina(&db, "wat-betekent-een-schorsing").await;
    p.inhoud.push_str("\nEen nieuwe alinea over de termijn.\n");
    assert_eq!(service::bewaar(&db, &index, &p, Some(1), "Kim", "termijn toegevoegd").await.unwrap(), Some(2));

    let r = service::revisies(&db, "wat-betekent-een-schorsing", None, None).await.unwrap();
    assert_eq!(r.revisies.len(), 2);
    assert_eq!((r.van, r.naar), (1, 2));
    assert_eq!(r.revisies[0].door, "Kim");
    assert_eq!(r.revisies[0].samenvatting, "termijn toegevoegd");
    assert!(r.diff.contains(&DiffRegel::Bij("Een nieuwe alinea over de termijn.".into())));
    assert!(r.diff.iter().any(|d| matches!(d, DiffRegel::Gelijk(_))));

    // Someone who read revision 1 cannot overwrite revision 2.
    let mut oud = p.clone();
    oud.titel = "Overschreven".into();
    let fout = service::bewaar(&db, &index, &oud, Some(1), "Jan", "oud").await.unwrap_err();
    assert!(matches!(fout, KennisFout::Verouderd { gelezen: 1, huidig: 2 }), "{fout:?}");
    assert!(fout.bericht().contains("nieuwere versie"));
    assert_ne!(pagina(&db, "wat-betekent-een-schorsing").await.titel, "Overschreven");
    assert_eq!(app::kennisbank::repo::revisies(&db, "wat-betekent-een-schorsing").await.unwrap().len(), 2);

    // The database itself refuses to change or delete a revision.
    let tekst = || app::kennisbank::repo::revisie_tekst(&db, "wat-betekent-een-schorsing", 1);
    let eerste = tekst().await.unwrap();
    assert!(eerste.is_some());
    let aantal =
        || async { db.query("RETURN count(SELECT id FROM kennis_revisie)").await.unwrap().take::<Option<i64>>(0) };
    let voor = aantal().await.unwrap();
    assert!(voor.unwrap_or(0) >= 56, "{voor:?}");
    let res = db.query("UPDATE kennis_revisie SET tekst = 'vervalst'").await.unwrap().check();
    assert!(res.is_err(), "revisions are read-only");
    let res = db.query("DELETE kennis_revisie").await.unwrap().check();
    assert!(res.is_err(), "revisions cannot be deleted");
    assert_eq!(tekst().await.unwrap(), eerste);
    assert_eq!(aantal().await.unwrap(), voor);
}

#[tokio::test]
async fn the_public_never_sees_internal_pages() {
    let (db, index) = met_content().await;
    assert!(weergave::weergave(&db, "aanmaning", Lezer::Publiek).await.unwrap().is_none());
    assert!(weergave::weergave(&db, "aanmaning", Lezer::Medewerker).await.unwrap().is_some());
    // Staff find internal pages for each query, so an answer without them is filtered, not
    // empty by accident; where a public page covers the subject, the public finds that one.
    for (q, voor_publiek) in [
        ("aanmaning", Some("/faq/wat-betekent-een-aanmaning")),
        ("adviesvraag expert", None),
        ("schorsing", Some("/faq/wat-betekent-een-schorsing")),
        ("conclusie gegrond", None),
    ] {
        let mut intern = Vec::new();
        for pad in zoek(&db, &index, q, Lezer::Medewerker).await {
            let slug = pad.rsplit('/').next().unwrap().to_string();
            if !pagina(&db, &slug).await.is_publiek() {
                intern.push(slug);
            }
        }
        assert!(!intern.is_empty(), "{q}: staff find no internal page, so the test shows nothing");
        let publiek = zoek(&db, &index, q, Lezer::Publiek).await;
        if let Some(verwacht) = voor_publiek {
            assert!(publiek.iter().any(|p| p == verwacht), "{q}: {verwacht} not in {publiek:?}");
        }
        for pad in publiek {
            let slug = pad.rsplit('/').next().unwrap();
            let p = pagina(&db, slug).await;
            assert!(p.is_publiek(), "{q}: {slug} is internal");
            assert!(pad.starts_with("/faq/") || pad.starts_with("/regelgeving/"), "{pad}");
        }
    }
    let intern = zoek(&db, &index, "adviesvraag experten", Lezer::Medewerker).await;
    assert!(intern.contains(&"/kennisbank/adviesvraag-experten".to_string()), "{intern:?}");
    // A typo, as a parent types it.
    let publiek = zoek(&db, &index, "schorsign", Lezer::Publiek).await;
    assert!(publiek.iter().take(3).any(|p| p == "/faq/wat-betekent-een-schorsing"), "{publiek:?}");
}

#[tokio::test]
async fn unpublished_pages_disappear_for_the_public_at_once() {
    let (db, index) = met_content().await;
    let slug = "wat-betekent-een-schorsing";
    service::publiceer(&db, &index, slug, false).await.unwrap();
    assert!(weergave::weergave(&db, slug, Lezer::Publiek).await.unwrap().is_none());
    assert!(!zoek(&db, &index, "schorsing", Lezer::Publiek).await.iter().any(|p| p.ends_with(slug)));
    assert!(zoek(&db, &index, "schorsing", Lezer::Medewerker).await.iter().any(|p| p.ends_with(slug)));
    service::publiceer(&db, &index, slug, true).await.unwrap();
    assert!(zoek(&db, &index, "schorsing", Lezer::Publiek).await.iter().any(|p| p.ends_with(slug)));
    assert!(matches!(service::publiceer(&db, &index, "bestaat-niet", true).await, Err(KennisFout::NietGevonden)));
}

#[tokio::test]
async fn an_edit_is_searchable_at_once() {
    let (db, index) = met_content().await;
    assert!(zoek(&db, &index, "zebrapadoefening", Lezer::Publiek).await.is_empty());
    let mut p = pagina(&db, "wat-betekent-een-schorsing").await;
    p.inhoud.push_str("\nDe opvang oefent elke maand de zebrapadoefening.\n");
    service::bewaar(&db, &index, &p, Some(1), "Kim", "oefening").await.unwrap();
    assert_eq!(zoek(&db, &index, "zebrapadoefening", Lezer::Publiek).await, vec!["/faq/wat-betekent-een-schorsing"]);
}

#[tokio::test]
async fn rendering_is_sanitised_and_links_follow_the_audience() {
    let (db, index) = met_content().await;
    let mut p = pagina(&db, "wat-betekent-een-schorsing").await;
    p.inhoud = "Tekst <script>alert(1)</script> [klik](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n\
                [intern](aanmaning) [publiek](mijn-opvang-sluit-wat-nu) [weg](bestaat-niet)\n"
        .into();
    service::bewaar(&db, &index, &p, Some(1), "Kim", "test").await.unwrap();
    let publiek = weergave::weergave(&db, &p.slug.to_string(), Lezer::Publiek).await.unwrap().unwrap();
    for verboden in ["<script", "javascript:", "onerror", "<img"] {
        assert!(!publiek.html.contains(verboden), "{verboden} in {}", publiek.html);
    }
    assert!(publiek.html.contains(r#"href="/faq/mijn-opvang-sluit-wat-nu""#), "{}", publiek.html);
    assert!(!publiek.html.contains("href=\"/kennisbank"), "no staff links for the public");
    assert!(!publiek.html.contains("aanmaning\""), "an internal page is not linked for the public");
    let staff = weergave::weergave(&db, &p.slug.to_string(), Lezer::Medewerker).await.unwrap().unwrap();
    assert!(staff.html.contains(r#"href="/kennisbank/aanmaning""#));
    assert_eq!(staff.kapotte_links, vec!["bestaat-niet".to_string()]);
}
