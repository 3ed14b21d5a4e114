//! What the schema itself holds, apart from the app's own checks: its refusals stay, no field
//! definition costs a regex compile per transaction, and the duplicate proposals on every case
//! page read one index range.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::db::{Verbinding, migreer, migreer_tot, verbind};
use app::gemeen::Db;
use surrealdb::types::Value;

async fn laatste(db: &Db, sql: &str) -> String {
    let mut res = db.query(sql).await.unwrap().check().unwrap();
    let v: Value = res.take(res.num_statements() - 1).unwrap();
    format!("{v:?}")
}

#[tokio::test]
async fn no_field_definition_holds_a_regex_literal() {
    let db = common::db().await;
    let mut tabellen = 0;
    for tabel in ["melding", "locatie", "organisator", "adviesvraag", "document", "analysepunt"] {
        let info = laatste(&db, &format!("INFO FOR TABLE {tabel}")).await;
        assert!(info.contains("string::matches"), "{tabel}: {info}");
        assert!(!info.contains("= /"), "{tabel} still compiles a regex literal in every transaction: {info}");
        tabellen += 1;
    }
    assert_eq!(tabellen, 6);
}

#[tokio::test]
async fn the_schema_still_refuses_malformed_codes() {
    let db = common::db_met_demo(3).await;
    for (sql, goed) in [
        ("UPDATE (SELECT VALUE id FROM melding LIMIT 1)[0] SET referentie = 'M-26-1'", false),
        ("UPDATE (SELECT VALUE id FROM melding LIMIT 1)[0] SET feit_datum = 'gisteren'", false),
        ("UPDATE (SELECT VALUE id FROM melding LIMIT 1)[0] SET feit_datum = '2025-03-04'", true),
        ("UPDATE (SELECT VALUE id FROM locatie LIMIT 1)[0] SET postcode = '0123'", false),
        ("UPDATE (SELECT VALUE id FROM locatie LIMIT 1)[0] SET postcode = '9000'", true),
        ("UPDATE (SELECT VALUE id FROM organisator LIMIT 1)[0] SET ondernemingsnummer = '2345678901'", false),
    ] {
        let uit = db.query(sql).await.unwrap().check();
        assert_eq!(uit.is_ok(), goed, "{sql}: {uit:?}");
    }
}

#[tokio::test]
async fn duplicate_candidates_are_one_range_of_one_index() {
    let db = common::db_met_demo(30).await;
    let (lets, select) = app::dubbels::repo::KANDIDATEN.rsplit_once("SELECT referentie").unwrap();
    let sql = format!(
        "LET $m = melding:x; LET $locatie = (SELECT VALUE locatie FROM melding LIMIT 1)[0];
         LET $van = time::now() - 90d; LET $tot = time::now();
         {lets} EXPLAIN SELECT referentie{select}"
    );
    let plan = laatste(&db, &sql).await;
    assert!(plan.contains("index: melding_plaats_tijd"), "{plan}");
    assert!(plan.contains("access: >=") && plan.contains(" <="), "not bounded on both sides: {plan}");
    assert!(plan.contains("direction: Forward"), "a backward scan walks surrealkv's memtable: {plan}");
}

#[tokio::test]
async fn meldingen_stored_before_0022_get_their_location_key() {
    let db = verbind(Verbinding { endpoint: "mem://", gebruiker: None, wachtwoord: None }).await.unwrap();
    migreer_tot(&db, 21).await.unwrap();
    app::seed::laad_demo(&db, &app::seed::genereer(40, chrono::Utc::now())).await.unwrap();
    assert_eq!(migreer(&db).await.unwrap()[..2], [22, 23]);
    let tel = |sql: &'static str| {
        let db = db.clone();
        async move { db.query(sql).await.unwrap().take::<Option<i64>>(0).unwrap().unwrap() }
    };
    let met_locatie = tel("RETURN count(SELECT VALUE id FROM melding WHERE locatie != NONE)").await;
    assert!(met_locatie > 0);
    assert_eq!(tel("RETURN count(SELECT VALUE id FROM melding WHERE plaats_tijd != NONE)").await, met_locatie);
    // The index holds the filled-in keys: the indexed read finds what a full scan finds.
    let l = "LET $l = (SELECT VALUE record::id(locatie) FROM melding WHERE locatie != NONE LIMIT 1)[0];";
    let bereik = "WHERE plaats_tijd >= $l + '@' AND plaats_tijd <= $l + '@9' ORDER BY plaats_tijd";
    let via_index = laatste(&db, &format!("{l} SELECT VALUE referentie FROM melding {bereik}")).await;
    let zonder = laatste(&db, &format!("{l} SELECT VALUE referentie FROM melding WITH NOINDEX {bereik}")).await;
    assert_eq!(via_index, zonder);
    assert!(via_index.contains("M-"), "{via_index}");
}
