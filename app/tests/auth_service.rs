//! Accounts and sessions against a real (in-memory) SurrealDB.

mod common;

use app::auth::model::{Rol, Wachtwoord};
use app::auth::service::*;

const DUUR: chrono::TimeDelta = chrono::TimeDelta::hours(1);

#[tokio::test]
async fn login_opens_a_session_that_logout_ends() {
    let db = common::db().await;
    voeg_gebruiker_toe(
        &db,
        "Els@Meldpunt.test",
        "Els Vermeulen",
        &[Rol::Casewerker],
        Wachtwoord::new("een lang wachtwoord"),
    )
    .await
    .unwrap();
    let token = meld_aan(
        &db,
        "els@meldpunt.test",
        Wachtwoord::new("een lang wachtwoord"),
        DUUR,
    )
    .await
    .unwrap()
    .unwrap();
    let g = gebruiker_voor_token(&db, &token).await.unwrap().unwrap();
    assert_eq!(g.naam, "Els Vermeulen");
    assert_eq!(g.rollen, vec![Rol::Casewerker]);
    meld_af(&db, &token).await.unwrap();
    assert!(gebruiker_voor_token(&db, &token).await.unwrap().is_none());
}

#[tokio::test]
async fn wrong_password_unknown_user_and_garbage_tokens_get_nothing() {
    let db = common::db().await;
    voeg_gebruiker_toe(
        &db,
        "tom@meldpunt.test",
        "Tom",
        &[Rol::Casewerker],
        Wachtwoord::new("een lang wachtwoord"),
    )
    .await
    .unwrap();
    assert!(
        meld_aan(&db, "tom@meldpunt.test", Wachtwoord::new("fout"), DUUR)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        meld_aan(
            &db,
            "niemand@meldpunt.test",
            Wachtwoord::new("een lang wachtwoord"),
            DUUR
        )
        .await
        .unwrap()
        .is_none()
    );
    assert!(
        gebruiker_voor_token(&db, "' OR true --")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        gebruiker_voor_token(&db, &"a".repeat(64))
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_disabled_account_loses_its_sessions_and_cannot_log_in() {
    let db = common::db().await;
    voeg_gebruiker_toe(
        &db,
        "kris@meldpunt.test",
        "Kris",
        &[Rol::Casewerker],
        Wachtwoord::new("een lang wachtwoord"),
    )
    .await
    .unwrap();
    let token = meld_aan(
        &db,
        "kris@meldpunt.test",
        Wachtwoord::new("een lang wachtwoord"),
        DUUR,
    )
    .await
    .unwrap()
    .unwrap();
    db.query("UPDATE gebruiker SET actief = false WHERE email = 'kris@meldpunt.test'")
        .await
        .unwrap()
        .check()
        .unwrap();
    assert!(gebruiker_voor_token(&db, &token).await.unwrap().is_none());
    assert!(
        meld_aan(
            &db,
            "kris@meldpunt.test",
            Wachtwoord::new("een lang wachtwoord"),
            DUUR
        )
        .await
        .unwrap()
        .is_none()
    );
}

#[tokio::test]
async fn expired_sessions_are_not_accepted() {
    let db = common::db().await;
    voeg_gebruiker_toe(
        &db,
        "nadia@meldpunt.test",
        "Nadia",
        &[Rol::Casewerker],
        Wachtwoord::new("een lang wachtwoord"),
    )
    .await
    .unwrap();
    let token = meld_aan(
        &db,
        "nadia@meldpunt.test",
        Wachtwoord::new("een lang wachtwoord"),
        chrono::TimeDelta::seconds(-1),
    )
    .await
    .unwrap()
    .unwrap();
    assert!(gebruiker_voor_token(&db, &token).await.unwrap().is_none());
}

#[tokio::test]
async fn duplicate_accounts_are_refused() {
    let db = common::db().await;
    voeg_gebruiker_toe(
        &db,
        "a@meldpunt.test",
        "A",
        &[Rol::Casewerker],
        Wachtwoord::new("een lang wachtwoord"),
    )
    .await
    .unwrap();
    let e = voeg_gebruiker_toe(
        &db,
        "A@meldpunt.test",
        "A",
        &[Rol::Casewerker],
        Wachtwoord::new("een lang wachtwoord"),
    )
    .await;
    assert!(matches!(e, Err(AuthFout::BestaatAl)));
}
