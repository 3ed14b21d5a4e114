//! The second factor against a real (in-memory) SurrealDB: RFC 6238 codes, the two-step login,
//! replays, recovery codes, throttling, and the per-role requirement.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;
use app::auth::rem::Herkomst;

use app::auth::model::{Rol, Wachtwoord};
use app::auth::service::*;
use app::auth::tweede_factor::service as tf;
use app::auth::tweede_factor::totp::Geheim;
use app::gemeen::Db;
use app::kluis::Kluis;
use chrono::{DateTime, TimeDelta, Utc};

const GOED: &str = "een lang wachtwoord";
const DUUR: TimeDelta = TimeDelta::hours(1);
const INACTIEF: TimeDelta = TimeDelta::minutes(30);
/// RFC 6238, appendix B: the ASCII secret "12345678901234567890", in base32.
const RFC_GEHEIM: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/// The key of the TOTP secrets, one for this test binary (as one per server process).
fn kluis() -> &'static Kluis {
    static KLUIS: std::sync::OnceLock<Kluis> = std::sync::OnceLock::new();
    KLUIS.get_or_init(Kluis::tijdelijk)
}

fn code(tijd: DateTime<Utc>) -> String {
    Geheim::van(RFC_GEHEIM.into()).code(u64::try_from(tijd.timestamp()).unwrap()).unwrap()
}

async fn account_met_totp(db: &Db, email: &str) -> String {
    let id = voeg_gebruiker_toe(db, email, "Tine", &[Rol::Casewerker], Wachtwoord::new(GOED)).await.unwrap();
    tf::demo_inschrijven(db, kluis(), email, RFC_GEHEIM).await.unwrap();
    id
}

async fn stap(db: &Db, email: &str) -> String {
    match meld_aan(db, email, Wachtwoord::new(GOED), DUUR, &Herkomst::default()).await.unwrap() {
        Aanmelding::TweedeFactor(s) => s,
        a => panic!("expected the code step, got {a:?}"),
    }
}

#[test]
fn codes_match_the_rfc_6238_test_vectors() {
    // Appendix B gives 8 digits (SHA-1); our codes are the last 6 of them.
    let g = Geheim::van(RFC_GEHEIM.into());
    for (tijd, acht) in
        [(59, "94287082"), (1_111_111_109, "07081804"), (1_234_567_890, "89005924"), (2_000_000_000, "69279037")]
    {
        assert_eq!(g.code(tijd).unwrap(), acht[2..], "t = {tijd}");
    }
    // One step of clock drift either way is accepted; the answer is the step that matched.
    assert_eq!(g.controleer("287082", 59), Some(1));
    assert_eq!(g.controleer("287082", 89), Some(1));
    assert_eq!(g.controleer("287082", 29), Some(1));
    assert_eq!(g.controleer("287082", 120), None);
    assert_eq!(g.controleer("287083", 59), None);
    assert_eq!(g.controleer("+87082", 59), None);
}

#[tokio::test]
async fn with_a_second_factor_the_session_opens_only_after_the_code_and_a_code_works_once() {
    let db = common::db().await;
    account_met_totp(&db, "tine@meldpunt.test").await;
    let nu = Utc::now();
    let s = stap(&db, "tine@meldpunt.test").await;
    // No session yet: the step token is no session token.
    assert!(gebruiker_voor_token(&db, &s, INACTIEF).await.unwrap().is_none());
    assert_eq!(
        tf::meld_aan_met_code(&db, kluis(), &s, "000000", DUUR, &Herkomst::default(), nu).await.unwrap(),
        Aanmelding::Mislukt
    );
    let Aanmelding::Gelukt(token) =
        tf::meld_aan_met_code(&db, kluis(), &s, &code(nu), DUUR, &Herkomst::default(), nu).await.unwrap()
    else {
        panic!("the right code opens a session")
    };
    assert_eq!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().unwrap().email, "tine@meldpunt.test");
    // The step is used up, and the same code is refused in a new login (replay).
    assert_eq!(
        tf::meld_aan_met_code(&db, kluis(), &s, &code(nu), DUUR, &Herkomst::default(), nu).await.unwrap(),
        Aanmelding::Verlopen
    );
    let s2 = stap(&db, "tine@meldpunt.test").await;
    assert_eq!(
        tf::meld_aan_met_code(&db, kluis(), &s2, &code(nu), DUUR, &Herkomst::default(), nu).await.unwrap(),
        Aanmelding::Mislukt
    );
    let later = nu + TimeDelta::seconds(30);
    assert!(matches!(
        tf::meld_aan_met_code(&db, kluis(), &s2, &code(later), DUUR, &Herkomst::default(), later).await.unwrap(),
        Aanmelding::Gelukt(_)
    ));
    assert_eq!(
        tf::meld_aan_met_code(&db, kluis(), "' OR true --", "123456", DUUR, &Herkomst::default(), nu).await.unwrap(),
        Aanmelding::Verlopen
    );
}

#[tokio::test]
async fn wrong_codes_count_towards_the_login_limit() {
    let db = common::db().await;
    account_met_totp(&db, "bart@meldpunt.test").await;
    let nu = Utc::now();
    let s = stap(&db, "bart@meldpunt.test").await;
    for _ in 0..MAX_PER_ACCOUNT {
        assert_eq!(
            tf::meld_aan_met_code(&db, kluis(), &s, "111111", DUUR, &Herkomst::default(), nu).await.unwrap(),
            Aanmelding::Mislukt
        );
    }
    assert!(matches!(
        tf::meld_aan_met_code(&db, kluis(), &s, &code(nu), DUUR, &Herkomst::default(), nu).await.unwrap(),
        Aanmelding::Geblokkeerd(_)
    ));
    assert!(matches!(
        meld_aan(&db, "bart@meldpunt.test", Wachtwoord::new(GOED), DUUR, &Herkomst::default()).await.unwrap(),
        Aanmelding::Geblokkeerd(_)
    ));
}

#[tokio::test]
async fn enrolment_gives_recovery_codes_that_each_work_once() {
    let db = common::db().await;
    let id = voeg_gebruiker_toe(&db, "jan@meldpunt.test", "Jan", &[Rol::Expert], Wachtwoord::new(GOED)).await.unwrap();
    let g = gebruiker(&db, &id).await;
    let token =
        match meld_aan(&db, "jan@meldpunt.test", Wachtwoord::new(GOED), DUUR, &Herkomst::default()).await.unwrap() {
            Aanmelding::Gelukt(t) => t,
            a => panic!("{a:?}"),
        };
    let i = tf::begin(&db, kluis(), &g).await.unwrap();
    assert!(i.qr_svg.starts_with("<svg") && i.qr_svg.contains("<title"));
    // The database holds the secret encrypted, bound to this account.
    let opgeslagen = app::auth::tweede_factor::repo::nieuw_geheim(&db, &id).await.unwrap().unwrap();
    let geheim = i.geheim_groepen.replace(' ', "");
    assert!(app::kluis::is_versleuteld(&opgeslagen) && !opgeslagen.contains(&geheim), "{opgeslagen}");
    assert_eq!(kluis().ontsleutel(&opgeslagen, &id).unwrap(), geheim);
    let nu = Utc::now();
    let g_code = Geheim::van(geheim.clone()).code(u64::try_from(nu.timestamp()).unwrap()).unwrap();
    assert!(matches!(
        tf::bevestig(&db, kluis(), &g, "123", nu, DUUR, None).await,
        Err(tf::TweedeFactorFout::FouteCode)
    ));
    let (nieuw_token, codes) = tf::bevestig(&db, kluis(), &g, &g_code, nu, DUUR, None).await.unwrap();
    assert_eq!(codes.len(), 10);
    // Enrolling ends the other sessions; the new one works.
    assert!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().is_none());
    assert!(gebruiker_voor_token(&db, &nieuw_token, INACTIEF).await.unwrap().is_some());
    assert_eq!(tf::stand(&db, &g).await.unwrap().herstelcodes_over, 10);
    // The stored form is a hash, not the code.
    let opgeslagen: Vec<String> = db
        .query("SELECT VALUE herstelcodes FROM ONLY type::record('gebruiker', $id)")
        .bind(("id", id.clone()))
        .await
        .unwrap()
        .take::<Vec<String>>(0)
        .unwrap();
    assert_eq!(opgeslagen.len(), 10, "one stored hash per recovery code");
    assert!(opgeslagen.iter().all(|h| h.len() == 64 && !codes.iter().any(|c| c.replace('-', "") == *h)));

    let s = stap(&db, "jan@meldpunt.test").await;
    let herstel = codes[3].to_lowercase();
    assert!(matches!(
        tf::meld_aan_met_code(&db, kluis(), &s, &herstel, DUUR, &Herkomst::default(), nu).await.unwrap(),
        Aanmelding::Gelukt(_)
    ));
    let s = stap(&db, "jan@meldpunt.test").await;
    assert_eq!(
        tf::meld_aan_met_code(&db, kluis(), &s, &herstel, DUUR, &Herkomst::default(), nu).await.unwrap(),
        Aanmelding::Mislukt
    );
    assert_eq!(tf::stand(&db, &g).await.unwrap().herstelcodes_over, 9);
}

async fn gebruiker(db: &Db, id: &str) -> app::auth::model::Gebruiker {
    let token = open_sessie(db, id, Utc::now(), DUUR).await.unwrap();
    gebruiker_voor_token(db, &token, INACTIEF).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_role_can_require_a_second_factor() {
    let db = common::db().await;
    let els =
        voeg_gebruiker_toe(&db, "els@meldpunt.test", "Els", &[Rol::Casewerker], Wachtwoord::new(GOED)).await.unwrap();
    let kim = voeg_gebruiker_toe(&db, "kim@meldpunt.test", "Kim", &[Rol::Kennisbeheerder], Wachtwoord::new(GOED))
        .await
        .unwrap();
    let beheerder = gebruiker(&db, &kim).await;
    tf::zet_verplicht(&db, &beheerder, &[Rol::Casewerker, Rol::Coordinator], None).await.unwrap();
    assert_eq!(tf::verplichte_rollen(&db).await.unwrap().len(), 2);
    let token = open_sessie(&db, &els, Utc::now(), DUUR).await.unwrap();
    assert!(sessie_voor_token(&db, &token, INACTIEF).await.unwrap().unwrap().moet_inschrijven);
    let token_kim = open_sessie(&db, &kim, Utc::now(), DUUR).await.unwrap();
    assert!(!sessie_voor_token(&db, &token_kim, INACTIEF).await.unwrap().unwrap().moet_inschrijven);
    tf::demo_inschrijven(&db, kluis(), "els@meldpunt.test", RFC_GEHEIM).await.unwrap();
    assert!(!sessie_voor_token(&db, &token, INACTIEF).await.unwrap().unwrap().moet_inschrijven);
    // The admin wipes it: sessions end, and the requirement applies again at the next login.
    tf::wis(&db, &beheerder, "els@meldpunt.test", None).await.unwrap();
    assert!(sessie_voor_token(&db, &token, INACTIEF).await.unwrap().is_none());
    tf::zet_verplicht(&db, &beheerder, &[], None).await.unwrap();
    assert!(tf::verplichte_rollen(&db).await.unwrap().is_empty());
}

#[test]
fn common_passwords_are_refused_with_a_dutch_message() {
    for w in ["password1234", "Welkom2026!!", "azertyuiop123", "123456789012"] {
        assert_eq!(Wachtwoord::parse_nieuw(w).unwrap_err(), app::auth::model::GEWOON, "{w}");
    }
    assert!(Wachtwoord::parse_nieuw("koffie met drie klontjes").is_ok());
}

/// The stored value of a secret field of an account.
async fn opgeslagen(db: &Db, id: &str, veld: &str) -> Option<String> {
    let mut res = db
        .query(format!("SELECT VALUE {veld} FROM ONLY type::record('gebruiker', $id)"))
        .bind(("id", id.to_string()))
        .await
        .unwrap();
    res.take::<Option<String>>(0).unwrap()
}

#[tokio::test]
async fn secrets_stored_before_encryption_are_encrypted_at_start_up_and_keep_working() {
    let db = common::db().await;
    let id = account_met_totp(&db, "tine@meldpunt.test").await;
    let ander =
        voeg_gebruiker_toe(&db, "jan@meldpunt.test", "Jan", &[Rol::Expert], Wachtwoord::new(GOED)).await.unwrap();
    // As an older version stored them: the active secret and an enrolment in progress, in clear.
    db.query("UPDATE type::record('gebruiker', $id) SET totp_geheim = $g")
        .bind(("id", id.clone()))
        .bind(("g", RFC_GEHEIM))
        .await
        .unwrap()
        .check()
        .unwrap();
    app::auth::tweede_factor::repo::zet_nieuw_geheim(&db, &ander, "JBSWY3DPEHPK3PXP").await.unwrap();

    assert_eq!(tf::versleutel_oude_geheimen(&db, kluis()).await.unwrap(), 2);
    let geheim = opgeslagen(&db, &id, "totp_geheim").await.unwrap();
    assert!(app::kluis::is_versleuteld(&geheim) && !geheim.contains(RFC_GEHEIM), "{geheim}");
    let nieuw = opgeslagen(&db, &ander, "totp_nieuw").await.unwrap();
    assert_eq!(kluis().ontsleutel(&nieuw, &ander).unwrap(), "JBSWY3DPEHPK3PXP");
    // Once done, nothing is left to do, and the code still opens a session.
    assert_eq!(tf::versleutel_oude_geheimen(&db, kluis()).await.unwrap(), 0);
    let nu = Utc::now();
    let s = stap(&db, "tine@meldpunt.test").await;
    assert!(matches!(
        tf::meld_aan_met_code(&db, kluis(), &s, &code(nu), DUUR, &Herkomst::default(), nu).await.unwrap(),
        Aanmelding::Gelukt(_)
    ));
}

#[tokio::test]
async fn with_another_key_or_a_secret_moved_to_another_account_no_code_is_accepted() {
    let db = common::db().await;
    let tine = account_met_totp(&db, "tine@meldpunt.test").await;
    let nu = Utc::now();
    let s = stap(&db, "tine@meldpunt.test").await;
    let andere_sleutel = Kluis::tijdelijk();
    assert_eq!(
        tf::meld_aan_met_code(&db, &andere_sleutel, &s, &code(nu), DUUR, &Herkomst::default(), nu).await.unwrap(),
        Aanmelding::Mislukt
    );

    // Someone with write access to the database copies Tine's secret to Jan's account.
    let jan = voeg_gebruiker_toe(&db, "jan@meldpunt.test", "Jan", &[Rol::Expert], Wachtwoord::new(GOED)).await.unwrap();
    db.query("UPDATE type::record('gebruiker', $jan) SET totp_geheim = type::record('gebruiker', $tine).totp_geheim")
        .bind(("jan", jan))
        .bind(("tine", tine))
        .await
        .unwrap()
        .check()
        .unwrap();
    let s = stap(&db, "jan@meldpunt.test").await;
    assert_eq!(
        tf::meld_aan_met_code(&db, kluis(), &s, &code(nu), DUUR, &Herkomst::default(), nu).await.unwrap(),
        Aanmelding::Mislukt
    );
}
