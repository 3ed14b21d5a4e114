//! Accounts and sessions against a real (in-memory) SurrealDB.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;
use app::auth::rem::Herkomst;

use app::auth::model::{Rol, Wachtwoord};
use app::auth::service::*;
use app::gemeen::Db;

const DUUR: chrono::TimeDelta = chrono::TimeDelta::hours(1);
const GOED: &str = "een lang wachtwoord";
const INACTIEF: chrono::TimeDelta = chrono::TimeDelta::minutes(30);

async fn account(db: &Db, email: &str) {
    voeg_gebruiker_toe(db, email, "Els Vermeulen", &[Rol::Casewerker], Wachtwoord::new(GOED)).await.unwrap();
}

async fn aanmelden(db: &Db, email: &str, wachtwoord: &str, duur: chrono::TimeDelta) -> Option<String> {
    match meld_aan(db, email, Wachtwoord::new(wachtwoord), duur, &Herkomst::default()).await.unwrap() {
        Aanmelding::Gelukt(token) => Some(token),
        _ => None,
    }
}

#[tokio::test]
async fn login_opens_a_session_that_logout_ends() {
    let db = common::db().await;
    account(&db, "Els@Meldpunt.test").await;
    let token = aanmelden(&db, "els@meldpunt.test", GOED, DUUR).await.unwrap();
    let g = gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().unwrap();
    assert_eq!(g.naam, "Els Vermeulen");
    assert_eq!(g.rollen, vec![Rol::Casewerker]);
    meld_af(&db, &token).await.unwrap();
    assert!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().is_none());
}

#[tokio::test]
async fn wrong_password_unknown_user_and_garbage_tokens_get_nothing() {
    let db = common::db().await;
    account(&db, "tom@meldpunt.test").await;
    assert!(aanmelden(&db, "tom@meldpunt.test", "fout", DUUR).await.is_none());
    assert!(aanmelden(&db, "niemand@meldpunt.test", GOED, DUUR).await.is_none());
    assert!(gebruiker_voor_token(&db, "' OR true --", INACTIEF).await.unwrap().is_none());
    assert!(gebruiker_voor_token(&db, &"a".repeat(64), INACTIEF).await.unwrap().is_none());
}

#[tokio::test]
async fn a_disabled_account_loses_its_sessions_and_cannot_log_in() {
    let db = common::db().await;
    account(&db, "kris@meldpunt.test").await;
    let token = aanmelden(&db, "kris@meldpunt.test", GOED, DUUR).await.unwrap();
    db.query("UPDATE gebruiker SET actief = false WHERE email = 'kris@meldpunt.test'").await.unwrap().check().unwrap();
    assert!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().is_none());
    assert!(aanmelden(&db, "kris@meldpunt.test", GOED, DUUR).await.is_none());
}

#[tokio::test]
async fn expired_sessions_are_not_accepted() {
    let db = common::db().await;
    account(&db, "nadia@meldpunt.test").await;
    let token = aanmelden(&db, "nadia@meldpunt.test", GOED, chrono::TimeDelta::seconds(-1)).await.unwrap();
    assert!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().is_none());
}

#[tokio::test]
async fn duplicate_accounts_are_refused_whatever_the_case_of_the_address() {
    let db = common::db().await;
    account(&db, "a@meldpunt.test").await;
    let e = voeg_gebruiker_toe(&db, "A@meldpunt.test", "A", &[Rol::Casewerker], Wachtwoord::new(GOED)).await;
    assert!(matches!(e, Err(AuthFout::BestaatAl)));
}

#[tokio::test]
async fn repeated_failures_block_the_account_for_a_while_even_with_the_right_password() {
    let db = common::db().await;
    account(&db, "sien@meldpunt.test").await;
    for _ in 0..MAX_PER_ACCOUNT {
        let r = meld_aan(&db, "sien@meldpunt.test", Wachtwoord::new("fout"), DUUR, &Herkomst::default()).await.unwrap();
        assert_eq!(r, Aanmelding::Mislukt);
    }
    let r = meld_aan(&db, "Sien@meldpunt.test", Wachtwoord::new(GOED), DUUR, &Herkomst::default()).await.unwrap();
    let Aanmelding::Geblokkeerd(tot) = r else { panic!("not blocked: {r:?}") };
    assert!(tot > chrono::Utc::now() + VENSTER - chrono::TimeDelta::minutes(1));
    // Another account is not affected.
    account(&db, "hilde@meldpunt.test").await;
    assert!(aanmelden(&db, "hilde@meldpunt.test", GOED, DUUR).await.is_some());
}

/// A stranger who knows the address can block attempts from unknown browsers, not the owner:
/// the browser the owner signed in from before still gets in with the right password, and a
/// copied device cookie gives no more guesses than five.
#[tokio::test]
async fn a_stranger_cannot_lock_the_owner_out_of_a_known_browser() {
    let db = common::db().await;
    account(&db, "nora@meldpunt.test").await;
    let kluis = app::kluis::Kluis::tijdelijk();
    let nu = chrono::Utc::now();
    let eigen = app::auth::rem::nieuw_toestel(&kluis, "nora@meldpunt.test", nu);
    let thuis = || Herkomst::van(Some("198.51.100.4".parse().unwrap())).met_toestel(&kluis, Some(eigen.clone()));
    let vreemd = Herkomst::van(Some("203.0.113.66".parse().unwrap()));
    for _ in 0..MAX_PER_ACCOUNT + 1 {
        meld_aan(&db, "nora@meldpunt.test", Wachtwoord::new("fout"), DUUR, &vreemd).await.unwrap();
    }
    // Unknown browsers (the stranger's, or the owner on a new one) wait out the window ...
    let r = meld_aan(&db, "nora@meldpunt.test", Wachtwoord::new(GOED), DUUR, &vreemd).await.unwrap();
    assert!(matches!(r, Aanmelding::Geblokkeerd(_)), "{r:?}");
    let nieuw = Herkomst::van(Some("198.51.100.4".parse().unwrap()));
    assert!(matches!(
        meld_aan(&db, "nora@meldpunt.test", Wachtwoord::new(GOED), DUUR, &nieuw).await.unwrap(),
        Aanmelding::Geblokkeerd(_)
    ));
    // ... the owner's own browser does not.
    let r = meld_aan(&db, "nora@meldpunt.test", Wachtwoord::new(GOED), DUUR, &thuis()).await.unwrap();
    assert!(matches!(r, Aanmelding::Gelukt(_)), "{r:?}");
    // A device cookie of another account, or a forged one, is no key.
    let ander = app::auth::rem::nieuw_toestel(&kluis, "iemand@meldpunt.test", nu);
    for cookie in [ander, format!("{eigen}0"), "v1.1.abc.def".to_string()] {
        for _ in 0..MAX_PER_ACCOUNT {
            meld_aan(&db, "nora@meldpunt.test", Wachtwoord::new("fout"), DUUR, &vreemd).await.unwrap();
        }
        let h = Herkomst::van(Some("203.0.113.67".parse().unwrap())).met_toestel(&kluis, Some(cookie.clone()));
        let r = meld_aan(&db, "nora@meldpunt.test", Wachtwoord::new(GOED), DUUR, &h).await.unwrap();
        assert!(matches!(r, Aanmelding::Geblokkeerd(_)), "{cookie}: {r:?}");
    }
    // Guessing from the known browser itself stops after five.
    for _ in 0..app::auth::rem::MAX_PER_TOESTEL {
        meld_aan(&db, "nora@meldpunt.test", Wachtwoord::new("fout"), DUUR, &thuis()).await.unwrap();
    }
    let r = meld_aan(&db, "nora@meldpunt.test", Wachtwoord::new(GOED), DUUR, &thuis()).await.unwrap();
    assert!(matches!(r, Aanmelding::Geblokkeerd(_)), "{r:?}");
}

#[tokio::test]
async fn one_address_trying_many_accounts_is_blocked() {
    let db = common::db().await;
    let adres: std::net::IpAddr = "192.0.2.7".parse().unwrap();
    for i in 0..MAX_PER_ADRES {
        let email = format!("raad{i}@meldpunt.test");
        assert_eq!(
            meld_aan(&db, &email, Wachtwoord::new("fout"), DUUR, &Herkomst::van(Some(adres))).await.unwrap(),
            Aanmelding::Mislukt
        );
    }
    let r = meld_aan(&db, "nog-een@meldpunt.test", Wachtwoord::new("fout"), DUUR, &Herkomst::van(Some(adres)))
        .await
        .unwrap();
    assert!(matches!(r, Aanmelding::Geblokkeerd(_)));
}

#[tokio::test]
async fn a_successful_login_clears_earlier_failures_of_the_account() {
    let db = common::db().await;
    account(&db, "wout@meldpunt.test").await;
    for _ in 0..MAX_PER_ACCOUNT - 1 {
        assert!(aanmelden(&db, "wout@meldpunt.test", "fout", DUUR).await.is_none());
    }
    assert!(aanmelden(&db, "wout@meldpunt.test", GOED, DUUR).await.is_some());
    for _ in 0..MAX_PER_ACCOUNT - 1 {
        assert!(aanmelden(&db, "wout@meldpunt.test", "fout", DUUR).await.is_none());
    }
    assert!(aanmelden(&db, "wout@meldpunt.test", GOED, DUUR).await.is_some());
}

#[tokio::test]
async fn an_idle_session_ends_and_use_keeps_a_session_alive() {
    let db = common::db().await;
    account(&db, "lotte@meldpunt.test").await;
    let token = aanmelden(&db, "lotte@meldpunt.test", GOED, DUUR).await.unwrap();
    let hash = app::geheim::hash(&token);
    let zet = |min: i64| {
        let db = db.clone();
        let hash = hash.clone();
        async move {
            db.query("UPDATE sessie SET laatst_gebruikt = time::now() - type::duration($d) WHERE token_hash = $h")
                .bind(("d", format!("{min}m")))
                .bind(("h", hash))
                .await
                .unwrap()
                .check()
                .unwrap();
        }
    };
    zet(29).await;
    assert!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().is_some(), "used 29 minutes ago");
    // That use refreshed the session: it is alive again from now.
    assert!(gebruiker_voor_token(&db, &token, chrono::TimeDelta::minutes(2)).await.unwrap().is_some());
    zet(31).await;
    assert!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().is_none(), "idle for 31 minutes");
}

async fn audit_acties(db: &Db) -> Vec<String> {
    let mut r = db.query("SELECT VALUE actie FROM audit ORDER BY tijdstip").await.unwrap();
    r.take(0).unwrap()
}

#[tokio::test]
async fn logins_and_failed_logins_are_in_the_audit_log_which_cannot_be_altered() {
    let db = common::db().await;
    account(&db, "kris@meldpunt.test").await;
    assert!(aanmelden(&db, "kris@meldpunt.test", "fout", DUUR).await.is_none());
    assert!(aanmelden(&db, "kris@meldpunt.test", GOED, DUUR).await.is_some());
    assert_eq!(audit_acties(&db).await, vec!["aanmelden_mislukt", "aanmelden"]);
    let poging = db.query("UPDATE audit SET actie = 'afmelden'").await.unwrap().check();
    assert!(poging.is_err(), "audit entries are read-only");
    assert_eq!(audit_acties(&db).await, vec!["aanmelden_mislukt", "aanmelden"]);
    let poging = db.query("DELETE audit WHERE actie = 'aanmelden_mislukt'").await.unwrap().check();
    assert!(poging.is_err(), "audit entries cannot be deleted");
    assert_eq!(audit_acties(&db).await, vec!["aanmelden_mislukt", "aanmelden"]);
}

#[tokio::test]
async fn disabling_a_new_role_or_a_new_password_end_every_session_of_the_account() {
    let db = common::db().await;
    account(&db, "joke@meldpunt.test").await;
    account(&db, "ander@meldpunt.test").await;
    let ander = aanmelden(&db, "ander@meldpunt.test", GOED, DUUR).await.unwrap();

    let token = aanmelden(&db, "joke@meldpunt.test", GOED, DUUR).await.unwrap();
    assert!(app::auth::service::zet_rollen(&db, "Joke@meldpunt.test", &[Rol::Coordinator]).await.unwrap());
    assert!(
        gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().is_none(),
        "a privilege change needs a new login"
    );
    let token = aanmelden(&db, "joke@meldpunt.test", GOED, DUUR).await.unwrap();
    assert_eq!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().unwrap().rollen, vec![Rol::Coordinator]);

    let nieuw = "een heel ander wachtwoord";
    assert!(app::auth::service::zet_wachtwoord(&db, "joke@meldpunt.test", Wachtwoord::new(nieuw)).await.unwrap());
    assert!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().is_none(), "a new password ends the sessions");
    assert!(aanmelden(&db, "joke@meldpunt.test", GOED, DUUR).await.is_none());
    let token = aanmelden(&db, "joke@meldpunt.test", nieuw, DUUR).await.unwrap();

    assert!(app::auth::service::zet_actief(&db, "joke@meldpunt.test", false).await.unwrap());
    assert!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().is_none());
    assert!(aanmelden(&db, "joke@meldpunt.test", nieuw, DUUR).await.is_none());
    assert!(app::auth::service::zet_actief(&db, "joke@meldpunt.test", true).await.unwrap());
    assert!(aanmelden(&db, "joke@meldpunt.test", nieuw, DUUR).await.is_some());

    // Another account's session is untouched; an unknown address is reported, not created.
    assert!(gebruiker_voor_token(&db, &ander, INACTIEF).await.unwrap().is_some());
    assert!(!app::auth::service::zet_actief(&db, "niemand@meldpunt.test", false).await.unwrap());
}

/// The periodic job removes ended sessions, login steps and failed attempts that no longer
/// count, and nothing that is still live.
#[tokio::test]
async fn the_clean_up_removes_ended_sessions_and_old_attempts_only() {
    let db = common::db().await;
    account(&db, "ruim@meldpunt.test").await;
    let nu = chrono::Utc::now();
    let live = aanmelden(&db, "ruim@meldpunt.test", GOED, DUUR).await.unwrap();
    let verlopen = aanmelden(&db, "ruim@meldpunt.test", GOED, DUUR).await.unwrap();
    let stil = aanmelden(&db, "ruim@meldpunt.test", GOED, DUUR).await.unwrap();
    let zet = |token: &str, veld: &'static str, minuten: i64| {
        let db = db.clone();
        let hash = app::geheim::hash(token);
        async move {
            db.query(format!("UPDATE sessie SET {veld} = time::now() - $d WHERE token_hash = $h"))
                .bind(("d", std::time::Duration::from_secs(minuten as u64 * 60)))
                .bind(("h", hash))
                .await
                .unwrap()
                .check()
                .unwrap();
        }
    };
    zet(&verlopen, "verloopt", 1).await;
    zet(&stil, "laatst_gebruikt", 31).await;
    db.query(
        "CREATE login_poging SET sleutel = 'adres:192.0.2.1', tijdstip = time::now() - 16m;
              CREATE login_poging SET sleutel = 'adres:192.0.2.1', tijdstip = time::now() - 1m;",
    )
    .await
    .unwrap()
    .check()
    .unwrap();
    let o = app::auth::service::ruim_op(&db, nu, chrono::Duration::minutes(30)).await.unwrap();
    assert_eq!((o.sessies, o.pogingen), (2, 1), "{o:?}");
    let over: Vec<String> = db.query("SELECT VALUE token_hash FROM sessie").await.unwrap().take(0).unwrap();
    assert_eq!(over, vec![app::geheim::hash(&live)]);
    assert!(
        app::auth::service::gebruiker_voor_token(&db, &live, chrono::Duration::minutes(30)).await.unwrap().is_some()
    );
    let pogingen: Option<i64> = db.query("RETURN count(SELECT id FROM login_poging)").await.unwrap().take(0).unwrap();
    assert_eq!(pogingen, Some(1));
}

/// Every request clones the state with its handle; a clone shares the one database client. A
/// new `Surreal` handle per clone is a new database session: one engine task registers and drops
/// them in order, and under load those events queued until requests waited seconds.
#[tokio::test]
async fn a_cloned_handle_shares_the_one_client() {
    let db = common::db().await;
    let kopie = db.clone();
    assert!(std::ptr::eq(&*db, &*kopie), "a clone must not open a new session");
}
