//! Reading the audit log against a real (in-memory) SurrealDB: filters, keyset paging, entries
//! that cannot be changed, the chaining of entries from before the chain, and the limit on
//! anonymous entries.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::audit::keten::controleer;
use app::audit::model::{AUDIT_PAGINA, AuditFilter};
use app::audit::service::{alles, pagina};
use app::gemeen::Db;
use app::gemeen::audit::{Actie, MAX_TEKST, Wie, schrijf};
use app::gemeen::auditlimiet::PER_MINUUT;
use std::collections::HashSet;

#[tokio::test]
async fn pages_follow_each_other_without_gaps_or_repeats_and_filters_apply() {
    let db = common::db().await;
    let adres = Some("192.0.2.4".parse().unwrap());
    for i in 0..(2 * AUDIT_PAGINA + 7) {
        let object = format!("M-2026-{:05}", i % 3);
        let actie = if i % 2 == 0 { Actie::Bekijken } else { Actie::Overgang };
        schrijf(&db, Wie::Account("els1"), actie, Some(&object), adres).await;
    }
    schrijf(&db, Wie::Systeem, Actie::Anonimiseren, Some("M-2026-00001"), None).await;

    let mut gezien = HashSet::new();
    let mut f = AuditFilter::default();
    let mut paginas = 0;
    loop {
        let p = pagina(&db, &f).await.unwrap();
        paginas += 1;
        assert!(p.rijen.len() <= AUDIT_PAGINA);
        assert!(p.rijen.windows(2).all(|w| w[0].tijdstip >= w[1].tijdstip), "newest first");
        for r in &p.rijen {
            assert!(gezien.insert(r.id.clone()), "entry {} shown twice", r.id);
        }
        match p.volgende {
            Some(c) => f.na = Some(c),
            None => break,
        }
    }
    assert_eq!(paginas, 3);
    assert_eq!(gezien.len(), 2 * AUDIT_PAGINA + 8);

    let f = AuditFilter { object: Some("M-2026-00001".into()), actie: Some(Actie::Overgang), ..Default::default() };
    let rijen = alles(&db, &f).await.unwrap();
    assert!(!rijen.is_empty());
    assert!(rijen.iter().all(|r| r.object.as_deref() == Some("M-2026-00001") && r.actie == Actie::Overgang));

    let systeem = alles(&db, &AuditFilter { gebruiker: Some("systeem".into()), ..Default::default() }).await.unwrap();
    assert_eq!(systeem.len(), 1);
    assert_eq!(systeem[0].naam.as_deref(), Some("Systeem (automatisch)"));
    assert_eq!(systeem[0].rollen, vec!["systeem".to_string()]);

    let morgen = app::tijd::vandaag(chrono::Utc::now()).succ_opt().unwrap();
    assert!(alles(&db, &AuditFilter { van: Some(morgen), ..Default::default() }).await.unwrap().is_empty());
    let vandaag = app::tijd::vandaag(chrono::Utc::now());
    let f = AuditFilter { van: Some(vandaag), tot: Some(vandaag), ..Default::default() };
    assert_eq!(alles(&db, &f).await.unwrap().len(), 2 * AUDIT_PAGINA + 8);
}

#[tokio::test]
async fn an_entry_cannot_be_changed_or_deleted() {
    let db = common::db().await;
    schrijf(&db, Wie::Onbekend, Actie::Geweigerd, Some("M-2026-00001"), None).await;
    let res = db.query("UPDATE audit SET object = 'iets anders'").await.unwrap().check();
    assert!(res.is_err(), "READONLY fields refuse a change");
    let res = db.query("DELETE audit").await.unwrap().check();
    assert!(res.is_err(), "the schema refuses a delete");
    let rijen = alles(&db, &AuditFilter::default()).await.unwrap();
    assert_eq!(rijen.len(), 1, "{rijen:?}");
    assert_eq!(rijen[0].object.as_deref(), Some("M-2026-00001"));
    assert_eq!(rijen[0].actie, Actie::Geweigerd);
}

/// The objects of the entries with this action from this address (or without one).
async fn objecten(db: &Db, actie: Actie, adres: Option<&str>) -> Vec<String> {
    let mut res = db
        .query("SELECT VALUE object FROM audit WHERE actie = $actie AND adres = $adres")
        .bind(("actie", actie))
        .bind(("adres", adres.map(str::to_string)))
        .await
        .unwrap();
    res.take::<Vec<Option<String>>>(0).unwrap().into_iter().map(Option::unwrap_or_default).collect()
}

#[tokio::test]
async fn entries_written_before_the_chain_are_chained_once_in_time_order() {
    use app::db::{Verbinding, migreer_tot, verbind};
    let db = verbind(Verbinding { endpoint: "mem://", gebruiker: None, wachtwoord: None }).await.unwrap();
    migreer_tot(&db, 18).await.unwrap();
    let nu = chrono::Utc::now();
    for (object, minuten) in [("tweede", 5), ("eerste", 9), ("derde", 1)] {
        db.query(
            "CREATE audit SET tijdstip = $t, gebruiker = 'els1', rollen = ['casewerker'], actie = 'bekijken',
                 object = $o, adres = '192.0.2.1'",
        )
        .bind(("t", nu - chrono::TimeDelta::minutes(minuten)))
        .bind(("o", object))
        .await
        .unwrap()
        .check()
        .unwrap();
    }
    assert_eq!(migreer_tot(&db, 20).await.unwrap(), vec![19, 20]);
    // Read through the index of 0020 (by a range and in its order): it holds the new numbers.
    let mut res =
        db.query("SELECT volgnummer, object FROM audit WHERE volgnummer >= 1 ORDER BY volgnummer").await.unwrap();
    let volgorde: Vec<Option<String>> = res.take("object").unwrap();
    assert_eq!(volgorde, ["eerste", "tweede", "derde"].map(|o| Some(o.to_string())));
    schrijf(&db, Wie::Systeem, Actie::Anonimiseren, Some("M-2026-00001"), None).await;
    let v = controleer(&db, None).await.unwrap();
    assert_eq!((v.intact, v.breuk), (4, None), "the old entries and the new one form one chain");
}

#[tokio::test]
async fn anonymous_entries_are_limited_per_address_and_the_drop_is_logged_once() {
    let db = common::db().await;
    let adres = "198.51.100.77";
    let ip = Some(adres.parse().unwrap());
    let begin = std::time::Instant::now();
    for i in 0..(PER_MINUUT + 30) {
        schrijf(&db, Wie::Onbekend, Actie::Geweigerd, Some(&format!("/poging/{i}")), ip).await;
    }
    // One more comes free every two seconds while the loop runs.
    let vrij = PER_MINUUT as usize + begin.elapsed().as_secs() as usize / 2 + 1;
    let geweigerd = objecten(&db, Actie::Geweigerd, Some(adres)).await.len();
    assert!((PER_MINUUT as usize..=vrij).contains(&geweigerd), "{geweigerd}");
    let begrensd = objecten(&db, Actie::Begrensd, Some(adres)).await;
    assert_eq!(begrensd.len(), 1, "{begrensd:?}");
    assert!(begrensd[0].starts_with(&format!("meer dan {PER_MINUUT} anonieme regels per minuut")));

    // Staff from the same address, and entries without an address, are not limited.
    for _ in 0..5 {
        schrijf(&db, Wie::Account("els1"), Actie::Bekijken, Some("M-2026-00001"), ip).await;
    }
    assert_eq!(objecten(&db, Actie::Bekijken, Some(adres)).await.len(), 5);
    for _ in 0..(PER_MINUUT + 5) {
        schrijf(&db, Wie::Onbekend, Actie::AanmeldenMislukt, Some("account:x@y.be"), None).await;
    }
    assert_eq!(objecten(&db, Actie::AanmeldenMislukt, None).await.len(), PER_MINUUT as usize + 5);
    assert_eq!(controleer(&db, None).await.unwrap().breuk, None);
}

#[tokio::test]
async fn an_anonymous_object_is_capped_and_cleaned() {
    let db = common::db().await;
    let lang = format!("/meldingen/{}\n2026-01-01 beheerder wijzigen\u{202e}", "x".repeat(1000));
    schrijf(&db, Wie::Onbekend, Actie::Geweigerd, Some(&lang), Some("198.51.100.78".parse().unwrap())).await;
    let object = objecten(&db, Actie::Geweigerd, Some("198.51.100.78")).await.remove(0);
    assert_eq!(object.chars().count(), MAX_TEKST);
    assert!(object.ends_with('…') && !object.contains('\n'), "{object}");
}

#[test]
fn the_csv_export_neutralises_formulas_in_every_column_and_keeps_dutch_characters() {
    use app::audit::model::AuditRegel;
    let tijdstip = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z").unwrap().to_utc();
    let regel = |object: &str, naam: &str| AuditRegel {
        id: "x1".into(),
        tijdstip,
        gebruiker: Some("=1+1".into()),
        naam: Some(naam.into()),
        rollen: vec!["-2+3".into(), "coordinator".into()],
        actie: Actie::Geweigerd,
        object: Some(object.into()),
        adres: Some("@SUM(1)".into()),
    };
    let rijen = [
        regel("=HYPERLINK(\"http://x\")", "Émile Dupré-Lenaërts"),
        regel("@SUM(1)", "+32 470"),
        regel("-2+3", "\t=cmd"),
        regel("\r=1;2", "Zoë \"Zus\" Peeters"),
    ];
    let bytes = app::audit::routes::als_csv(&rijen).unwrap();
    let tekst = std::str::from_utf8(&bytes).unwrap();
    let tekst = tekst.strip_prefix('\u{feff}').expect("a UTF-8 byte-order mark first");
    assert!(tekst.starts_with("\"tijdstip (UTC)\";\"tijdstip (België)\";\"gebruiker\";"), "{tekst}");
    assert!(tekst.ends_with("\r\n"), "CRLF line ends");

    let mut lezer = csv::ReaderBuilder::new().delimiter(b';').has_headers(true).from_reader(tekst.as_bytes());
    let koppen = lezer.headers().unwrap().clone();
    assert_eq!(koppen.len(), 8);
    assert_eq!(&koppen[1], "tijdstip (België)");
    let gelezen: Vec<csv::StringRecord> = lezer.records().map(Result::unwrap).collect();
    assert_eq!(gelezen.len(), rijen.len());
    let kolom = |naam: &str| koppen.iter().position(|k| k == naam).unwrap();
    let (object, naam) = (kolom("object"), kolom("naam"));
    let objecten: Vec<&str> = gelezen.iter().map(|r| &r[object]).collect();
    assert_eq!(objecten, ["'=HYPERLINK(\"http://x\")", "'@SUM(1)", "'-2+3", "'\r=1;2"]);
    let namen: Vec<&str> = gelezen.iter().map(|r| &r[naam]).collect();
    assert_eq!(namen, ["Émile Dupré-Lenaërts", "'+32 470", "'\t=cmd", "Zoë \"Zus\" Peeters"]);
    for r in &gelezen {
        assert_eq!(&r[kolom("gebruiker")], "'=1+1");
        assert_eq!(&r[kolom("rollen")], "'-2+3, coordinator");
        assert_eq!(&r[kolom("adres")], "'@SUM(1)");
        assert_eq!(&r[kolom("tijdstip (België)")], "2026-03-02 10:00:00");
        // No cell of any column starts with a sign a spreadsheet would run.
        assert!(r.iter().all(|c| !c.starts_with(['=', '+', '-', '@', '\t', '\r'])), "{r:?}");
    }
    // Every cell is quoted, also the plain ones.
    for regel in tekst.split("\r\n").filter(|l| !l.is_empty()).take(2) {
        assert!(regel.starts_with('"') && regel.ends_with('"'), "{regel}");
    }
}
