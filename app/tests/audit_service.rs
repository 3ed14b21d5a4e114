//! Reading the audit log against a real (in-memory) SurrealDB: filters, keyset paging, and
//! entries that cannot be changed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::audit::model::{AUDIT_PAGINA, AuditFilter};
use app::audit::service::{alles, pagina};
use app::gemeen::audit::{Actie, Wie, schrijf};
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
