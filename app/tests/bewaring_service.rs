//! Retention against a real (in-memory) SurrealDB: which cases are anonymised, what stays,
//! and that a second run (also at the same time) does nothing more.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use app::bewaring::service::{te_doen, voer_uit};
use app::documenten::service::{Upload, gegevens, voeg_toe};
use app::gemeen::Db;
use app::gemeen::opslag::Bestanden;
use app::meldingen::intake::{Indiening, dien_in};
use chrono::{TimeDelta, Utc};

/// A documents folder of its own, removed when the test ends.
struct Map(std::path::PathBuf);

impl Drop for Map {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn bestanden(naam: &str) -> (Bestanden, Map) {
    let map = std::env::temp_dir().join(format!("meldpunt-bewaring-{naam}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&map);
    (Bestanden::new(&map), Map(map))
}

async fn melding(db: &Db) -> String {
    let mut f = common::formulier("L0007", "De kinderen speelden buiten zonder toezicht van een begeleider.");
    f.email = "wout.maes@voorbeeld.be".into();
    let Indiening::Ontvangen(b) = dien_in(db, &f, Utc::now()).await.unwrap() else { panic!("refused") };
    b.referentie.to_string()
}

/// Closes the case `dagen` days ago (as the case handling does: status and `afgerond`).
async fn gesloten(db: &Db, r: &str, status: &str, dagen: i64) {
    db.query("UPDATE type::record('melding', $r) SET status = $s, afgerond = $t")
        .bind(("r", r.to_string()))
        .bind(("s", status.to_string()))
        .bind(("t", Utc::now() - TimeDelta::days(dagen)))
        .await
        .unwrap()
        .check()
        .unwrap();
}

async fn veld(db: &Db, r: &str, expr: &str) -> Option<String> {
    let mut res = db
        .query(format!("SELECT VALUE {expr} FROM ONLY type::record('melding', $r)"))
        .bind(("r", r.to_string()))
        .await
        .unwrap();
    res.take::<Option<String>>(0).unwrap()
}

async fn aantal(db: &Db, sql: &str, r: &str) -> i64 {
    let mut res = db.query(sql).bind(("r", r.to_string())).await.unwrap();
    res.take::<Option<i64>>(0).unwrap().unwrap_or(0)
}

async fn audit_van(db: &Db, r: &str) -> i64 {
    aantal(
        db,
        "SELECT VALUE count() FROM audit WHERE object = $r AND actie = 'anonimiseren' AND gebruiker = 'systeem' GROUP ALL",
        r,
    )
    .await
}

#[tokio::test]
async fn a_case_closed_400_days_ago_is_anonymised_and_recent_or_open_cases_are_not() {
    let db = common::db_met_demo(0).await;
    let (b, _map) = bestanden("oud");
    let oud = melding(&db).await;
    let recent = melding(&db).await;
    let open = melding(&db).await;
    let heropend = melding(&db).await;
    gesloten(&db, &oud, "afgesloten", 400).await;
    gesloten(&db, &recent, "afgesloten", 10).await;
    // Reopened after closing long ago: open again, so not due.
    gesloten(&db, &heropend, "heropend", 400).await;
    let tijdlijn_voor =
        aantal(&db, "SELECT VALUE count() FROM tijdlijn WHERE melding = type::record('melding', $r) GROUP ALL", &oud)
            .await;
    assert!(tijdlijn_voor > 0);

    // The dry run lists the old case and changes nothing.
    let plan = te_doen(&db, 365, Utc::now()).await.unwrap();
    assert_eq!(plan.iter().map(|k| k.referentie.clone()).collect::<Vec<_>>(), vec![oud.clone()]);
    assert_eq!(veld(&db, &oud, "melder.naam").await.as_deref(), Some("Wout Maes"));
    assert_eq!(audit_van(&db, &oud).await, 0);

    let gedaan = voer_uit(&db, &b, 365, Utc::now()).await.unwrap().meldingen;
    assert_eq!(gedaan.iter().map(|k| k.referentie.clone()).collect::<Vec<_>>(), vec![oud.clone()]);
    for expr in ["melder.naam", "melder.email", "melder.telefoon"] {
        assert_eq!(veld(&db, &oud, expr).await, None, "{expr} is gone");
    }
    assert!(!veld(&db, &oud, "zoektekst").await.unwrap().contains("wout"), "the search text no longer holds the name");
    assert_eq!(veld(&db, &oud, "<string> (geanonimiseerd != NONE)").await.as_deref(), Some("true"));
    // The case, its timeline and what statistics use stay.
    assert_eq!(veld(&db, &oud, "melder.relatie").await.as_deref(), Some("ouder"));
    assert_eq!(veld(&db, &oud, "status").await.as_deref(), Some("afgesloten"));
    assert!(veld(&db, &oud, "omschrijving").await.unwrap().contains("zonder toezicht"));
    let tijdlijn_na =
        aantal(&db, "SELECT VALUE count() FROM tijdlijn WHERE melding = type::record('melding', $r) GROUP ALL", &oud)
            .await;
    assert_eq!(tijdlijn_na, tijdlijn_voor);
    assert_eq!(audit_van(&db, &oud).await, 1);

    for r in [&recent, &open, &heropend] {
        assert_eq!(veld(&db, r, "melder.naam").await.as_deref(), Some("Wout Maes"), "{r} untouched");
        assert_eq!(veld(&db, r, "melder.email").await.as_deref(), Some("wout.maes@voorbeeld.be"));
        assert_eq!(audit_van(&db, r).await, 0);
    }

    // A shorter configured rule reaches the recent case too.
    let gedaan = voer_uit(&db, &b, 7, Utc::now()).await.unwrap().meldingen;
    assert_eq!(gedaan.iter().map(|k| k.referentie.clone()).collect::<Vec<_>>(), vec![recent.clone()]);
}

#[tokio::test]
async fn running_twice_anonymises_once_with_one_audit_entry_per_case() {
    let db = common::db_met_demo(0).await;
    let (opslag, _map) = bestanden("twee");
    let a = melding(&db).await;
    let b = melding(&db).await;
    gesloten(&db, &a, "afgesloten", 400).await;
    gesloten(&db, &b, "onontvankelijk", 500).await;

    // Two runs at the same moment (the server's job and the command, say)…
    let (x, y) = tokio::join!(voer_uit(&db, &opslag, 365, Utc::now()), voer_uit(&db, &opslag, 365, Utc::now()));
    let eerste = x.unwrap().meldingen.len() + y.unwrap().meldingen.len();
    // …and one after.
    let tweede = voer_uit(&db, &opslag, 365, Utc::now()).await.unwrap().meldingen;
    assert!(tweede.is_empty(), "nothing left to do: {tweede:?}");
    assert!(te_doen(&db, 365, Utc::now()).await.unwrap().is_empty());
    assert_eq!(eerste, 2, "each case done by exactly one run");
    for r in [&a, &b] {
        assert_eq!(audit_van(&db, r).await, 1, "{r}");
        assert_eq!(veld(&db, r, "melder.naam").await, None);
    }
    // Their audit entries are links of the one chain, like every other entry.
    let keten = app::audit::keten::controleer(&db, None).await.unwrap();
    assert_eq!(keten.breuk, None, "{keten:?}");
}

#[tokio::test]
async fn the_files_of_a_due_case_are_deleted_unless_a_kept_document_shares_them() {
    let db = common::db_met_demo(0).await;
    let (b, _map) = bestanden("documenten");
    let els = common::account(&db, "els.bewaring@meldpunt.test", &[Rol::Casewerker]).await;
    let oud = melding(&db).await;
    let open = melding(&db).await;
    let nu = Utc::now();
    let pdf = |tekst: &str| format!("%PDF-1.4\n% {tekst}\ntrailer << /Root 1 0 R >>\n%%EOF\n").into_bytes();
    let voeg = |r: String, inhoud: Vec<u8>| {
        let (db, b, els) = (db.clone(), b.clone(), els.clone());
        async move {
            let upload = Upload { referentie: &r, adviesvraag: None, naam: "verslag.pdf", inhoud };
            voeg_toe(&db, &b, &els, upload, 1_000_000, nu).await.unwrap()
        }
    };
    let eigen = voeg(oud.clone(), pdf("alleen in de oude melding")).await;
    let gedeeld = voeg(oud.clone(), pdf("in beide meldingen")).await;
    let blijft = voeg(open.clone(), pdf("in beide meldingen")).await;
    let sha = |sleutel: String| {
        let db = db.clone();
        async move { gegevens(&db, &sleutel).await.unwrap().sha256 }
    };
    let (sha_eigen, sha_gedeeld) = (sha(eigen.clone()).await, sha(gedeeld.clone()).await);
    gesloten(&db, &oud, "afgesloten", 400).await;

    let u = voer_uit(&db, &b, 365, Utc::now()).await.unwrap();
    assert_eq!(u.meldingen.len(), 1);
    assert_eq!(u.bestanden, 1, "only the file no kept document uses");
    assert!(!b.pad(&sha_eigen).unwrap().exists(), "the old case's own file is gone");
    assert_eq!(b.lees(&sha_gedeeld).await.unwrap(), pdf("in beide meldingen"), "the open case keeps its file");
    // The rows stay, marked removed; the open case's document is untouched.
    for (sleutel, weg) in [(eigen, true), (gedeeld, true), (blijft, false)] {
        assert_eq!(gegevens(&db, &sleutel).await.unwrap().verwijderd.is_some(), weg, "{sleutel}");
    }
    let lijst = app::documenten::service::van_melding(&db, &oud).await.unwrap();
    assert_eq!(lijst.len(), 2);
    assert!(lijst.iter().all(|d| d.verwijderd.is_some()));

    // A second run has nothing left to do, and deletes nothing more.
    let u = voer_uit(&db, &b, 365, Utc::now()).await.unwrap();
    assert!(u.meldingen.is_empty() && u.bestanden == 0, "{u:?}");
    assert!(b.pad(&sha_gedeeld).unwrap().exists());
    // Each removed document is dealt with once: nothing is left for later runs to look at.
    assert!(app::bewaring::repo::op_te_ruimen(&db).await.unwrap().is_empty());

    // When the other case's turn comes, the shared file goes with it.
    gesloten(&db, &open, "afgesloten", 400).await;
    let u = voer_uit(&db, &b, 365, Utc::now()).await.unwrap();
    assert_eq!((u.meldingen.len(), u.bestanden), (1, 1));
    assert!(!b.pad(&sha_gedeeld).unwrap().exists());
}

#[tokio::test]
async fn the_reporter_is_taken_out_of_the_free_text_of_their_case_only() {
    use app::advies::model::{Discipline, Geadresseerde, NieuweAdviesvraag};
    use app::behandeling::model::Reden;
    use app::behandeling::tijdlijn::Notitie;

    let db = common::db_met_demo(0).await;
    let (b, _map) = bestanden("vrije-tekst");
    let els = common::account(&db, "els.vrij@meldpunt.test", &[Rol::Casewerker]).await;
    let mut f = common::formulier("L0007", "Ik ben Wout Maes, papa van Lien. Bel me op 0470/12.34.56 na 17u.");
    f.email = "wout.maes@voorbeeld.be".into();
    let nu = Utc::now();
    let Indiening::Ontvangen(m) = dien_in(&db, &f, nu).await.unwrap() else { panic!("refused") };
    let oud = m.referentie.to_string();
    let Indiening::Ontvangen(m) = dien_in(&db, &f, nu).await.unwrap() else { panic!("refused") };
    let open = m.referentie.to_string();
    for r in [&oud, &open] {
        let notitie = Notitie::Intern { tekst: "Meneer maes belde terug vanaf +32 470 12 34 56.".into() };
        app::behandeling::service::noteer(&db, &els, r, notitie, nu).await.unwrap();
        let vraag = NieuweAdviesvraag {
            aan: Geadresseerde::Discipline(Discipline::Jurist),
            vraag: Reden::parse("Mogen we Wout Maes vertellen wat we vonden?").unwrap(),
            vervalt: (nu + TimeDelta::days(7)).date_naive(),
            deel_omschrijving: true,
            deel_locatie: false,
            deel_melder: false,
        };
        app::advies::service::vraag(&db, &els, &app::zaak::model::Referentie::parse(r).unwrap(), vraag, nu)
            .await
            .unwrap();
        let upload = Upload { referentie: r, adviesvraag: None, naam: "Mail van Wout Maes.pdf", inhoud: pdf() };
        voeg_toe(&db, &b, &els, upload, 1_000_000, nu).await.unwrap();
    }
    gesloten(&db, &oud, "afgesloten", 400).await;
    // Before retention the texts never change.
    let res = db.query("UPDATE tijdlijn SET tekst = 'anders'").await.unwrap().check();
    assert!(res.is_err(), "a timeline entry of a case that is not anonymised cannot be changed");

    voer_uit(&db, &b, 365, Utc::now()).await.unwrap();

    let omschrijving = veld(&db, &oud, "omschrijving").await.unwrap();
    assert_eq!(omschrijving, "Ik ben [melder], papa van Lien. Bel me op [melder] na 17u.");
    // The case page says when and why the contact data went (and the open case still has it).
    let melder = |r: &str| {
        let (db, r) = (db.clone(), app::zaak::model::Referentie::parse(r).unwrap());
        async move { app::meldingen::service::detail(&db, &r).await.unwrap().unwrap().melder }
    };
    let m = melder(&oud).await;
    assert!(m.geanonimiseerd.is_some() && m.naam.is_none() && !m.anoniem);
    assert_eq!(melder(&open).await.geanonimiseerd, None);
    let teksten = |r: &str, sql: &'static str| {
        let (db, r) = (db.clone(), r.to_string());
        async move {
            let mut res = db.query(sql).bind(("r", r)).await.unwrap();
            res.take::<Vec<String>>(0).unwrap().join("\n")
        }
    };
    const TIJDLIJN: &str = "SELECT VALUE tekst FROM tijdlijn WHERE melding = type::record('melding', $r)";
    const ADVIES: &str = "SELECT VALUE vraag FROM adviesvraag WHERE melding = type::record('melding', $r)";
    const DOCUMENT: &str = "SELECT VALUE naam FROM document WHERE melding = type::record('melding', $r)";
    let tijdlijn = teksten(&oud, TIJDLIJN).await;
    assert!(tijdlijn.contains("Meneer [melder] belde terug vanaf [melder]."), "{tijdlijn}");
    for naam in ["Maes", "maes", "470 12"] {
        assert!(!tijdlijn.contains(naam), "{naam} left in the timeline:\n{tijdlijn}");
    }
    assert_eq!(teksten(&oud, ADVIES).await, "Mogen we [melder] vertellen wat we vonden?");
    assert_eq!(teksten(&oud, DOCUMENT).await, "Mail van [melder].pdf");
    // Other people's names stay, and so does everything of the open case.
    assert!(omschrijving.contains("Lien"));
    assert!(veld(&db, &open, "omschrijving").await.unwrap().contains("Wout Maes"));
    assert!(teksten(&open, TIJDLIJN).await.contains("Meneer maes belde terug vanaf +32 470 12 34 56."));
    assert_eq!(teksten(&open, ADVIES).await, "Mogen we Wout Maes vertellen wat we vonden?");
    assert_eq!(teksten(&open, DOCUMENT).await, "Mail van Wout Maes.pdf");
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n% mail\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}
