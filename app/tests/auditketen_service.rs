//! The hash chain of the audit log against a real (in-memory) SurrealDB: the database refuses
//! deletes, and what an attacker with direct database access does anyway (an entry changed,
//! removed or inserted, the events and indexes removed first) is found, at exactly that link.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::audit::keten::{Anker, Breuksoort, controleer};
use app::gemeen::Db;
use app::gemeen::audit::{Actie, Inhoud, Wie, schrijf, voeg_toe};

async fn sql(db: &Db, q: &str) {
    db.query(q).await.unwrap().check().unwrap();
}

async fn sleutel(db: &Db, nr: i64) -> String {
    let mut res =
        db.query("SELECT VALUE record::id(id) FROM audit WHERE volgnummer = $nr").bind(("nr", nr)).await.unwrap();
    res.take::<Vec<String>>(0).unwrap().remove(0)
}

/// A migrated database with `n` entries of different kinds.
async fn met_regels(n: usize) -> Db {
    let db = common::db().await;
    let adres = Some("192.0.2.9".parse().unwrap());
    for i in 0..n {
        let object = format!("M-2026-{i:05} é");
        match i % 3 {
            0 => schrijf(&db, Wie::Account("els1"), Actie::Bekijken, Some(&object), adres).await,
            1 => schrijf(&db, Wie::Onbekend, Actie::Geweigerd, Some(&object), None).await,
            _ => schrijf(&db, Wie::Systeem, Actie::Anonimiseren, None, None).await,
        }
    }
    db
}

#[tokio::test]
async fn an_intact_chain_verifies_and_a_changed_entry_is_named() {
    let db = met_regels(7).await;
    let v = controleer(&db, None).await.unwrap();
    assert_eq!((v.intact, v.breuk.clone()), (7, None), "{v:?}");
    let laatste = v.laatste.unwrap();
    assert_eq!(laatste.volgnummer, 7);

    // The attacker lifts READONLY and changes the object of entry 3.
    sql(&db, "DEFINE FIELD OVERWRITE object ON audit TYPE option<string>").await;
    sql(&db, "UPDATE audit SET object = 'M-2026-99999' WHERE volgnummer = 3").await;
    let v = controleer(&db, None).await.unwrap();
    let b = v.breuk.unwrap();
    assert_eq!((v.intact, b.volgnummer, &b.soort), (2, Some(3), &Breuksoort::InhoudGewijzigd));
    assert_eq!(b.sleutel.as_deref(), Some(sleutel(&db, 3).await.as_str()));
    assert!(b.to_string().contains("regel #3 van") && b.to_string().contains("gewijzigd"), "{b}");

    // …and recomputes its hash as the database would: now entry 4 no longer points to it.
    sql(&db, "DEFINE FIELD OVERWRITE hash ON audit TYPE string").await;
    sql(
        &db,
        "UPDATE audit SET hash = fn::audit_hash(volgnummer, vorige, tijdstip, gebruiker, rollen, actie, object, adres)
         WHERE volgnummer = 3",
    )
    .await;
    let v = controleer(&db, None).await.unwrap();
    let b = v.breuk.unwrap();
    assert_eq!((v.intact, b.volgnummer, b.soort), (3, Some(4), Breuksoort::VorigeKlopNiet));
}

#[tokio::test]
async fn a_removed_entry_and_a_removed_tail_are_named() {
    let db = met_regels(8).await;
    sql(&db, "REMOVE EVENT nooit_verwijderen ON TABLE audit").await;
    sql(&db, "DELETE audit WHERE volgnummer = 5").await;
    let v = controleer(&db, None).await.unwrap();
    let b = v.breuk.unwrap();
    assert_eq!((v.intact, b.volgnummer, &b.soort), (4, Some(5), &Breuksoort::Ontbreekt { tot: 5 }));
    assert!(b.to_string().starts_with("regel #5 ontbreekt (verwijderd): daarna volgt #6"), "{b}");

    let db = met_regels(8).await;
    sql(&db, "REMOVE EVENT nooit_verwijderen ON TABLE audit").await;
    sql(&db, "DELETE audit WHERE volgnummer >= 7").await;
    let v = controleer(&db, None).await.unwrap();
    let b = v.breuk.unwrap();
    assert_eq!((v.intact, b.volgnummer, b.soort), (6, Some(7), Breuksoort::EindeOntbreekt { kop: 8 }));
}

#[tokio::test]
async fn an_inserted_entry_is_named_also_with_a_valid_looking_hash() {
    let db = met_regels(6).await;
    // A copy of number 3 with other content, its own hash computed correctly.
    sql(&db, "REMOVE INDEX audit_volgnummer ON audit").await;
    sql(
        &db,
        "LET $twee = (SELECT VALUE hash FROM ONLY audit WHERE volgnummer = 2 LIMIT 1);
         CREATE audit:vals SET tijdstip = time::now(), gebruiker = 'els1', rollen = [], actie = 'bekijken',
             object = 'M-2026-00042', adres = NONE, volgnummer = 3, vorige = $twee,
             hash = fn::audit_hash(3, $twee, time::now(), 'els1', [], 'bekijken', 'M-2026-00042', NONE)",
    )
    .await;
    let b = controleer(&db, None).await.unwrap().breuk.unwrap();
    assert_eq!((b.volgnummer, b.sleutel.as_deref(), b.soort), (Some(3), Some("vals"), Breuksoort::Ingevoegd));

    // An entry without a number, outside the chain.
    let db = met_regels(4).await;
    sql(&db, "DEFINE FIELD OVERWRITE volgnummer ON audit TYPE option<int>").await;
    sql(&db, "DEFINE FIELD OVERWRITE vorige ON audit TYPE option<string>").await;
    sql(&db, "DEFINE FIELD OVERWRITE hash ON audit TYPE option<string>").await;
    sql(&db, "CREATE audit:los SET tijdstip = time::now(), rollen = [], actie = 'geweigerd', object = 'x'").await;
    let v = controleer(&db, None).await.unwrap();
    let b = v.breuk.unwrap();
    assert_eq!((v.intact, b.sleutel.as_deref(), b.soort), (4, Some("los"), Breuksoort::ZonderPlaats));
}

#[tokio::test]
async fn an_anchor_catches_a_chain_rewritten_with_every_hash_recomputed() {
    let db = met_regels(5).await;
    let v = controleer(&db, None).await.unwrap();
    let laatste = v.laatste.unwrap();
    let anker: Anker = format!("{}:{}", laatste.volgnummer, laatste.hash).parse().unwrap();
    assert_eq!(controleer(&db, Some(&anker)).await.unwrap().breuk, None);
    assert!("5:abc".parse::<Anker>().is_err() && "x:y".parse::<Anker>().is_err());

    // The attacker changes entry 2 and recomputes every hash from there, head included.
    for q in ["object ON audit TYPE option<string>", "hash ON audit TYPE string", "vorige ON audit TYPE string"] {
        sql(&db, &format!("DEFINE FIELD OVERWRITE {q}")).await;
    }
    sql(&db, "REMOVE EVENT een_verder ON TABLE audit_kop").await;
    sql(&db, "UPDATE audit SET object = 'M-2026-77777' WHERE volgnummer = 2").await;
    sql(
        &db,
        "FOR $nr IN 2..=5 {
             LET $v = (SELECT VALUE hash FROM ONLY audit WHERE volgnummer = $nr - 1 LIMIT 1);
             UPDATE audit SET vorige = $v, hash = fn::audit_hash(volgnummer, $v, tijdstip, gebruiker, rollen, actie, object, adres)
                 WHERE volgnummer = $nr;
         };
         UPDATE audit_kop:keten SET hash = (SELECT VALUE hash FROM ONLY audit WHERE volgnummer = 5 LIMIT 1);",
    )
    .await;
    assert_eq!(controleer(&db, None).await.unwrap().breuk, None, "a consistent rewrite passes without an anchor");
    let b = controleer(&db, Some(&anker)).await.unwrap().breuk.unwrap();
    assert_eq!((b.volgnummer, b.soort), (Some(5), Breuksoort::AnkerKlopNiet));
}

#[tokio::test]
async fn the_database_refuses_deletes_and_a_head_that_skips() {
    let db = common::db_met_demo(3).await;
    schrijf(&db, Wie::Systeem, Actie::Anonimiseren, Some("M-2026-00001"), None).await;
    let een = sleutel(&db, 1).await;
    for q in [
        "DELETE audit".to_string(),
        format!("DELETE audit:{een}"),
        "DELETE audit WHERE volgnummer = 1 RETURN NONE".to_string(),
        "BEGIN TRANSACTION; DELETE audit; COMMIT TRANSACTION;".to_string(),
        "DELETE tijdlijn".to_string(),
        "DELETE audit_kop:keten".to_string(),
        "UPDATE audit_kop:keten SET volgnummer = 7".to_string(),
        "UPDATE audit SET volgnummer = 9, hash = 'x'".to_string(),
    ] {
        assert!(db.query(q.as_str()).await.unwrap().check().is_err(), "refused: {q}");
    }
    let mut res = db
        .query("RETURN array::len(SELECT VALUE id FROM audit); RETURN array::len(SELECT VALUE id FROM tijdlijn)")
        .await
        .unwrap();
    assert_eq!(res.take::<Option<i64>>(0).unwrap(), Some(1));
    assert!(res.take::<Option<i64>>(1).unwrap().unwrap_or(0) > 0, "the timeline stays");
    assert_eq!(controleer(&db, None).await.unwrap().intact, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writers_make_one_chain() {
    let db = common::db().await;
    // Through `schrijf` (writers of this process wait for each other)…
    let taken: Vec<_> = (0..4)
        .map(|t| {
            let db = db.clone();
            tokio::spawn(async move {
                for i in 0..10 {
                    let object = format!("taak {t} regel {i}");
                    schrijf(&db, Wie::Account("els1"), Actie::Bekijken, Some(&object), None).await;
                }
            })
        })
        .collect();
    for t in taken {
        t.await.unwrap();
    }
    // …and straight at the database, as several processes would: conflicts are tried again.
    let taken: Vec<_> = (0..4)
        .map(|t| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut fouten = 0;
                for i in 0..10 {
                    let object = format!("proces {t} regel {i}");
                    let inhoud = Inhoud::new(Wie::Account("els1"), Actie::Bekijken, Some(&object), None);
                    fouten += usize::from(voeg_toe(&db, std::slice::from_ref(&inhoud)).await.is_err());
                }
                fouten
            })
        })
        .collect();
    let mut fouten = 0;
    for t in taken {
        fouten += t.await.unwrap();
    }
    println!("{fouten} of 40 writes gave up after {} tries", app::gemeen::audit::POGINGEN);
    let v = controleer(&db, None).await.unwrap();
    assert_eq!(v.breuk, None);
    assert_eq!(v.intact, 40 + 40 - fouten as u64, "every written entry is in the one chain");
    assert!(fouten <= 2, "conflicts were tried again ({fouten} of 40 gave up)");
}
