//! Migration 0017 against a real (in-memory) SurrealDB: rows written as the older schemas allowed
//! (fields missing, the outcome as prose) are filled in, and then read back by the typed rows
//! without any default in the queries. A stored code that is not on its list is a clear error.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use app::behandeling::model::{Bevestiging, Reden, Uitkomst};
use app::db::{Verbinding, migreer, migreer_tot, verbind};
use app::gemeen::Db;
use app::gemeen::tijdlijn::Tijdlijnsoort;
use app::zaak::model::{Beoordeling, Kanaal, Referentie, Status, Urgentie, Zaaksoort};
use app::zaak::werkbak_filter::{Weergave, WerkbakFilter};
use chrono::{DateTime, TimeDelta, Utc};

async fn leeg() -> Db {
    verbind(Verbinding { endpoint: "mem://", gebruiker: None, wachtwoord: None }).await.unwrap()
}

/// A closed melding as the schema of 0001–0003 knew it: no case type, no clocks, and timeline
/// entries without a version.
async fn melding_van_0003(db: &Db, referentie: &str, ontvangen: DateTime<Utc>) {
    db.query(
        "CREATE type::record('melder', $ref) SET relatie = 'ouder', anoniem = false, naam = 'Jana Peeters',
             email = 'jana@example.test';
         CREATE type::record('melding', $ref) SET referentie = $ref, kanaal = 'telefoon', ontvangen = $t,
             feit_datum = '2024-01-15', categorieen = ['veiligheid'], urgentie = 'acuut', status = 'afgesloten',
             omschrijving = 'Een kind viel van de trap zonder toezicht.', melder = type::record('melder', $ref);
         CREATE tijdlijn SET melding = type::record('melding', $ref), tijdstip = $t, soort = 'ontvangen',
             tekst = 'Melding ontvangen per telefoon.', door = 'melder';
         CREATE tijdlijn SET melding = type::record('melding', $ref), tijdstip = $t + 3d, soort = 'status',
             tekst = 'Status gewijzigd naar Afgesloten.', door = 'els';",
    )
    .bind(("ref", referentie.to_string()))
    .bind(("t", ontvangen))
    .await
    .unwrap()
    .check()
    .unwrap();
}

/// A closed melding as 0004–0016 allowed it: the outcome as the sentence the page showed, no
/// search text, and no `afgerond`.
async fn melding_van_0016(db: &Db, referentie: &str, ontvangen: DateTime<Utc>, uitkomst: &str) {
    db.query(
        "CREATE type::record('melder', $ref) SET relatie = 'buur', anoniem = true;
         CREATE type::record('melding', $ref) SET referentie = $ref, kanaal = 'webformulier', ontvangen = $t,
             feit_datum = '2024-02-01', categorieen = ['voeding'], urgentie = 'normaal', status = 'afgesloten',
             omschrijving = 'Het middagmaal was koud.', melder = type::record('melder', $ref), soort = 'klacht',
             bevestigd = true, conclusie = 'ongegrond', uitkomst = $uitkomst;",
    )
    .bind(("ref", referentie.to_string()))
    .bind(("t", ontvangen))
    .bind(("uitkomst", uitkomst.to_string()))
    .await
    .unwrap()
    .check()
    .unwrap();
}

#[tokio::test]
async fn rows_written_under_older_schemas_read_back_typed_after_0017() {
    let db = leeg().await;
    let oud = Utc::now() - TimeDelta::days(800);
    assert_eq!(migreer_tot(&db, 3).await.unwrap(), vec![1, 2, 3]);
    melding_van_0003(&db, "M-2024-00001", oud).await;
    assert_eq!(migreer_tot(&db, 16).await.unwrap(), (4..=16).collect::<Vec<i64>>());
    melding_van_0016(&db, "M-2024-00002", oud, "Verstuurd per e-mail").await;
    melding_van_0016(&db, "M-2024-00003", oud, "Geen bericht: de melder bleef anoniem").await;
    // Before 0017 the entries of the first case have no version: they would not be read.
    let zonder: Vec<i64> = db
        .query("SELECT VALUE versie FROM tijdlijn WHERE versie = NONE")
        .await
        .unwrap()
        .take::<Vec<Option<i64>>>(0)
        .unwrap()
        .into_iter()
        .map(|v| v.unwrap_or(-1))
        .collect();
    assert_eq!(zonder, vec![-1, -1]);

    assert_eq!(migreer_tot(&db, 17).await.unwrap(), vec![17]);

    let eerste = Referentie::parse("M-2024-00001").unwrap();
    let d = app::meldingen::service::detail(&db, &eerste).await.unwrap().unwrap();
    assert_eq!(
        (d.soort, d.kanaal, d.urgentie, d.status),
        (Zaaksoort::Melding, Kanaal::Telefoon, Urgentie::Acuut, Status::Afgesloten)
    );
    assert!(d.zaak.bevestigd, "a case past intake counts as acknowledged");
    assert_eq!(d.versie, 1);
    let soorten: Vec<Tijdlijnsoort> = d.tijdlijn.iter().map(|t| t.soort).collect();
    assert_eq!(soorten, vec![Tijdlijnsoort::Ontvangen, Tijdlijnsoort::Status]);
    // Version 1 produced them: what changed since version 0 lists both.
    let sinds = app::behandeling::service::wijzigingen_sinds(&db, "M-2024-00001", 0).await.unwrap();
    assert_eq!(sinds.len(), 2);

    let stand = |r: &'static str| {
        let db = db.clone();
        async move { app::behandeling::service::stand(&db, r).await.unwrap().unwrap() }
    };
    let tweede = stand("M-2024-00002").await;
    assert_eq!(tweede.uitkomst, Some(Uitkomst::Verstuurd(Bevestiging::Email)));
    assert_eq!((tweede.soort, tweede.conclusie), (Zaaksoort::Klacht, Some(Beoordeling::Ongegrond)));
    let derde = stand("M-2024-00003").await;
    assert_eq!(derde.uitkomst, Some(Uitkomst::Geen(Reden::parse("de melder bleef anoniem").unwrap())));

    // The search text is filled, so the werkbak finds the old case by its description.
    let filter = WerkbakFilter { weergave: Some(Weergave::Alle), zoek: Some("trap".into()), ..Default::default() };
    let pagina = app::meldingen::service::werkbak(&db, &filter).await.unwrap();
    let gevonden: Vec<String> = pagina.rijen.iter().map(|r| r.referentie.to_string()).collect();
    assert_eq!(gevonden, vec!["M-2024-00001".to_string()]);

    // Every closed case has `afgerond`: the last timeline entry, else the day it was received.
    let te_doen = app::bewaring::service::te_doen(&db, 365, Utc::now()).await.unwrap();
    let afgerond: Vec<(String, DateTime<Utc>)> = te_doen.into_iter().map(|k| (k.referentie, k.afgerond)).collect();
    assert_eq!(afgerond.len(), 3, "{afgerond:?}");
    assert!(afgerond.contains(&("M-2024-00001".to_string(), oud + TimeDelta::days(3))), "{afgerond:?}");
    assert!(afgerond.contains(&("M-2024-00002".to_string(), oud)), "{afgerond:?}");

    // The timeline's version is READONLY again after the fill.
    let res = db.query("UPDATE tijdlijn SET versie = 5 WHERE melding = type::record('melding', 'M-2024-00001')").await;
    let fout = res.and_then(|r| r.check()).unwrap_err().to_string();
    assert!(fout.contains("readonly"), "{fout}");
}

#[tokio::test]
async fn a_stored_code_that_is_not_on_its_list_is_a_clear_error() {
    let db = leeg().await;
    migreer(&db).await.unwrap();
    // `rollen` is a free list of texts in the schema; the application only writes known roles.
    db.query(
        "CREATE gebruiker:tovenaar SET email = 'tovenaar@meldpunt.test', naam = 'Merlijn',
             rollen = ['casewerker', 'tovenaar'], wachtwoord_hash = 'x', actief = true",
    )
    .await
    .unwrap()
    .check()
    .unwrap();
    let fout = app::accounts::service::account(&db, "tovenaar").await.unwrap_err().to_string();
    assert!(fout.contains("unknown Rol code in the database: \"tovenaar\""), "{fout}");
    assert!(fout.contains("rollen"), "names the field: {fout}");
}

/// Rows written before 0013 and 0015 are found through the indexes those migrations defined
/// (migration 0021 rebuilds them): the werkbak's "open" and "te laat" views read them.
#[tokio::test]
async fn old_rows_are_found_through_the_indexes_after_0021() {
    let db = leeg().await;
    let oud = Utc::now() - TimeDelta::days(800);
    migreer_tot(&db, 3).await.unwrap();
    melding_van_0003(&db, "M-2024-00001", oud).await;
    db.query(
        "CREATE type::record('melder', 'M-2024-00002') SET relatie = 'ouder', anoniem = true;
         CREATE type::record('melding', 'M-2024-00002') SET referentie = 'M-2024-00002', kanaal = 'email',
             ontvangen = $t, feit_datum = '2024-03-01', categorieen = ['hygiene'], urgentie = 'normaal',
             status = 'ontvangen', omschrijving = 'De luiers werden niet ververst.',
             melder = type::record('melder', 'M-2024-00002');",
    )
    .bind(("t", oud))
    .await
    .unwrap()
    .check()
    .unwrap();
    migreer(&db).await.unwrap();
    for (waarde, verwacht) in [(true, "M-2024-00002"), (false, "M-2024-00001")] {
        let mut r = db
            .query(
                "SELECT VALUE referentie FROM melding WHERE open = $o;
                 SELECT VALUE referentie FROM melding WITH NOINDEX WHERE open = $o;",
            )
            .bind(("o", waarde))
            .await
            .unwrap();
        let (met, zonder): (Vec<String>, Vec<String>) = (r.take(0).unwrap(), r.take(1).unwrap());
        assert_eq!(zonder, vec![verwacht.to_string()], "open = {waarde}");
        assert_eq!(met, zonder, "open = {waarde}: the index finds what a table scan finds");
    }
}
