//! The second factor against a real (in-memory) SurrealDB: RFC 6238 codes, the two-step login,
//! replays, recovery codes, throttling, and the per-role requirement.

mod common;

use app::auth::model::{Rol, Wachtwoord};
use app::auth::service::*;
use app::auth::tweede_factor::service as tf;
use app::auth::tweede_factor::totp::Geheim;
use app::state::Db;
use chrono::{DateTime, TimeDelta, Utc};

const GOED: &str = "een lang wachtwoord";
const DUUR: TimeDelta = TimeDelta::hours(1);
const INACTIEF: TimeDelta = TimeDelta::minutes(30);
/// RFC 6238, appendix B: the ASCII secret "12345678901234567890", in base32.
const RFC_GEHEIM: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

fn code(tijd: DateTime<Utc>) -> String {
    Geheim::van(RFC_GEHEIM.into()).code(u64::try_from(tijd.timestamp()).unwrap()).unwrap()
}

async fn account_met_totp(db: &Db, email: &str) -> String {
    let id = voeg_gebruiker_toe(db, email, "Tine", &[Rol::Casewerker], Wachtwoord::new(GOED)).await.unwrap();
    tf::demo_inschrijven(db, email, RFC_GEHEIM).await.unwrap();
    id
}

async fn stap(db: &Db, email: &str) -> String {
    match meld_aan(db, email, Wachtwoord::new(GOED), DUUR, None).await.unwrap() {
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
    assert_eq!(tf::meld_aan_met_code(&db, &s, "000000", DUUR, None, nu).await.unwrap(), Aanmelding::Mislukt);
    let Aanmelding::Gelukt(token) = tf::meld_aan_met_code(&db, &s, &code(nu), DUUR, None, nu).await.unwrap() else {
        panic!("the right code opens a session")
    };
    assert_eq!(gebruiker_voor_token(&db, &token, INACTIEF).await.unwrap().unwrap().email, "tine@meldpunt.test");
    // The step is used up, and the same code is refused in a new login (replay).
    assert_eq!(tf::meld_aan_met_code(&db, &s, &code(nu), DUUR, None, nu).await.unwrap(), Aanmelding::Verlopen);
    let s2 = stap(&db, "tine@meldpunt.test").await;
    assert_eq!(tf::meld_aan_met_code(&db, &s2, &code(nu), DUUR, None, nu).await.unwrap(), Aanmelding::Mislukt);
    let later = nu + TimeDelta::seconds(30);
    assert!(matches!(
        tf::meld_aan_met_code(&db, &s2, &code(later), DUUR, None, later).await.unwrap(),
        Aanmelding::Gelukt(_)
    ));
    assert_eq!(
        tf::meld_aan_met_code(&db, "' OR true --", "123456", DUUR, None, nu).await.unwrap(),
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
        assert_eq!(tf::meld_aan_met_code(&db, &s, "111111", DUUR, None, nu).await.unwrap(), Aanmelding::Mislukt);
    }
    assert!(matches!(
        tf::meld_aan_met_code(&db, &s, &code(nu), DUUR, None, nu).await.unwrap(),
        Aanmelding::Geblokkeerd(_)
    ));
    assert!(matches!(
        meld_aan(&db, "bart@meldpunt.test", Wachtwoord::new(GOED), DUUR, None).await.unwrap(),
        Aanmelding::Geblokkeerd(_)
    ));
}

#[tokio::test]
async fn enrolment_gives_recovery_codes_that_each_work_once() {
    let db = common::db().await;
    let id = voeg_gebruiker_toe(&db, "jan@meldpunt.test", "Jan", &[Rol::Expert], Wachtwoord::new(GOED)).await.unwrap();
    let g = gebruiker(&db, &id).await;
    let token = match meld_aan(&db, "jan@meldpunt.test", Wachtwoord::new(GOED), DUUR, None).await.unwrap() {
        Aanmelding::Gelukt(t) => t,
        a => panic!("{a:?}"),
    };
    let i = tf::begin(&db, &g).await.unwrap();
    assert!(i.qr_svg.starts_with("<svg") && i.qr_svg.contains("<title"));
    let geheim = app::auth::tweede_factor::repo::nieuw_geheim(&db, &id).await.unwrap().unwrap();
    assert_eq!(i.geheim_groepen.replace(' ', ""), geheim);
    let nu = Utc::now();
    let g_code = Geheim::van(geheim.clone()).code(u64::try_from(nu.timestamp()).unwrap()).unwrap();
    assert!(matches!(tf::bevestig(&db, &g, "123", nu, DUUR, None).await, Err(tf::TweedeFactorFout::FouteCode)));
    let (nieuw_token, codes) = tf::bevestig(&db, &g, &g_code, nu, DUUR, None).await.unwrap();
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
    assert!(opgeslagen.iter().all(|h| h.len() == 64 && !codes.iter().any(|c| c.replace('-', "") == *h)));

    let s = stap(&db, "jan@meldpunt.test").await;
    let herstel = codes[3].to_lowercase();
    assert!(matches!(tf::meld_aan_met_code(&db, &s, &herstel, DUUR, None, nu).await.unwrap(), Aanmelding::Gelukt(_)));
    let s = stap(&db, "jan@meldpunt.test").await;
    assert_eq!(tf::meld_aan_met_code(&db, &s, &herstel, DUUR, None, nu).await.unwrap(), Aanmelding::Mislukt);
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
    tf::demo_inschrijven(&db, "els@meldpunt.test", RFC_GEHEIM).await.unwrap();
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
