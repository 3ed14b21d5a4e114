//! Second factor, admin pages, own password and the session cookie, over HTTP through the real
//! router (in-memory SurrealDB).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use app::auth::tweede_factor::totp::Geheim;
use axum::http::{Request, StatusCode, header};
use axum::response::Response;
use common::*;
use tower::ServiceExt;

const GEHEIM: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

fn code_nu(geheim: &str) -> String {
    Geheim::van(geheim.into()).code(u64::try_from(chrono::Utc::now().timestamp()).unwrap()).unwrap()
}

fn cookies(resp: &Response) -> Vec<String> {
    resp.headers().get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_string()).collect()
}

fn cookie_met(resp: &Response, naam: &str) -> Option<String> {
    cookies(resp)
        .into_iter()
        .find(|c| c.starts_with(&format!("{naam}=")))
        .map(|c| c.split(';').next().unwrap().to_string())
}

fn locatie(resp: &Response) -> String {
    resp.headers().get(header::LOCATION).map(|l| l.to_str().unwrap().to_string()).unwrap_or_default()
}

async fn stuur(app: &axum::Router, req: Request<axum::body::Body>) -> Response {
    app.clone().oneshot(req).await.unwrap()
}

fn login_body(email: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("email", email)
        .append_pair("wachtwoord", WACHTWOORD)
        .finish()
}

/// Password, then the code; answers the session cookie.
async fn met_code(app: &axum::Router, email: &str, code: &str) -> Response {
    let r = stuur(app, post("/login", &format!("{}&volgende=%2Fmeldingen", login_body(email)))).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(locatie(&r), "/login/code?volgende=%2Fmeldingen");
    assert!(cookie_met(&r, "meldpunt_sessie").is_none(), "no session before the second factor");
    let stap = cookie_met(&r, "meldpunt_aanmelden").unwrap();
    stuur(app, met(post("/login/code", &format!("code={code}&volgende=%2Fwerkbak")), &stap)).await
}

#[tokio::test]
async fn login_with_a_second_factor_takes_two_steps_and_refuses_wrong_codes() {
    let config = config();
    let kluis = config.kluis.clone();
    let (app, db) = app_met_config(config).await;
    account(&db, "tine@meldpunt.test", "Tine", &[Rol::Casewerker]).await;
    app::auth::tweede_factor::service::demo_inschrijven(&db, &kluis, "tine@meldpunt.test", GEHEIM).await.unwrap();

    let fout = met_code(&app, "tine@meldpunt.test", "000000").await;
    assert_eq!(fout.status(), StatusCode::UNAUTHORIZED);
    assert!(cookie_met(&fout, "meldpunt_sessie").is_none());
    let html = tekst(fout).await;
    assert!(html.contains("Deze code klopt niet"), "{html}");

    // Without the step cookie the code leads nowhere.
    let zonder = stuur(&app, post("/login/code", &format!("code={}", code_nu(GEHEIM)))).await;
    assert_eq!(zonder.status(), StatusCode::UNAUTHORIZED);
    assert!(tekst(zonder).await.contains("Begin opnieuw"));

    let ok = met_code(&app, "tine@meldpunt.test", &code_nu(GEHEIM)).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(locatie(&ok), "/werkbak");
    let sessie = cookie_met(&ok, "meldpunt_sessie").unwrap();
    assert_eq!(stuur(&app, met(get("/werkbak"), &sessie)).await.status(), StatusCode::OK);
    // The same code a second time (a replay) is refused.
    assert_eq!(met_code(&app, "tine@meldpunt.test", &code_nu(GEHEIM)).await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_role_that_requires_a_second_factor_sends_its_users_to_enrolment_first_and_recovery_codes_work_once() {
    let config = config();
    let kluis = config.kluis.clone();
    let (app, db) = app_met_config(config).await;
    account(&db, "beheer@meldpunt.test", "Beheer", &[Rol::Beheerder]).await;
    let beheer = inloggen(&app, "beheer@meldpunt.test").await;
    let r = stuur(&app, met(post("/beheer/tweede-factor", "rol=casewerker&rol=coordinator"), &beheer)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // Els (casewerker) logs in with her password and can do nothing but enrol.
    let els = inloggen(&app, "els@meldpunt.test").await;
    let r = stuur(&app, met(get("/werkbak"), &els)).await;
    assert_eq!((r.status(), locatie(&r).as_str()), (StatusCode::SEE_OTHER, "/account/tweede-factor"));
    assert_eq!(stuur(&app, met(post("/api/werkbak", "query="), &els)).await.status(), StatusCode::UNAUTHORIZED);
    let html = tekst(stuur(&app, met(get("/account/tweede-factor"), &els)).await).await;
    assert!(html.contains("Voor uw rol is een tweede factor verplicht"), "{html}");

    let r = stuur(&app, met(post("/account/tweede-factor/begin", ""), &els)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = tekst(r).await;
    assert!(html.contains("<svg") && html.contains("role=\"img\"") && html.contains("<title id=\"qr-titel\">"));
    let waarde = |expr: &'static str| {
        let db = db.clone();
        async move {
            db.query(format!("SELECT VALUE {expr} FROM ONLY gebruiker WHERE email = 'els@meldpunt.test' LIMIT 1"))
                .await
                .unwrap()
                .take::<Option<String>>(0)
                .unwrap()
                .unwrap()
        }
    };
    let (id, opgeslagen) = (waarde("record::id(id)").await, waarde("totp_nieuw").await);
    // Stored encrypted; the page shows it in the clear, once, to type in by hand.
    let geheim = kluis.ontsleutel(&opgeslagen, &id).unwrap();
    assert!(!opgeslagen.contains(&geheim[..8]));
    assert!(html.contains(&geheim[..4]), "the key is on the page to type in by hand");
    let r = stuur(&app, met(post("/account/tweede-factor/bevestigen", "code=12"), &els)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r =
        stuur(&app, met(post("/account/tweede-factor/bevestigen", &format!("code={}", code_nu(&geheim))), &els)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let nieuw = cookie_met(&r, "meldpunt_sessie").unwrap();
    let html = tekst(r).await;
    assert!(html.contains("Uw herstelcodes"));
    // Codes look like ABCD-EFGH-JKLM-NPQR: 16 symbols of 32, 80 bits.
    let tekens: Vec<char> = html.chars().collect();
    let is_code = |c: &char| c.is_ascii_uppercase() || c.is_ascii_digit();
    let herstel: Vec<String> = tekens
        .windows(21)
        .filter(|w| {
            w[0] == '>'
                && w[20] == '<'
                && w[1..20].iter().enumerate().all(|(i, c)| if i % 5 == 4 { *c == '-' } else { is_code(c) })
        })
        .map(|w| w[1..20].iter().collect())
        .collect();
    assert_eq!(herstel.len(), 10);
    // The old session ended; the new one reaches the werkbak.
    assert_eq!(stuur(&app, met(get("/werkbak"), &els)).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(stuur(&app, met(get("/werkbak"), &nieuw)).await.status(), StatusCode::OK);
    // The secret never reaches the account page.
    let html = tekst(stuur(&app, met(post("/api/mijn_tweede_factor", ""), &nieuw)).await).await;
    assert!(html.contains("\"ingesteld\":true") && !html.contains(&geheim), "{html}");

    // A recovery code replaces the app's code, once.
    let ok = met_code(&app, "els@meldpunt.test", &herstel[0]).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(met_code(&app, "els@meldpunt.test", &herstel[0]).await.status(), StatusCode::UNAUTHORIZED);
    // Stored as a keyed fingerprint: neither the code nor its plain SHA-256 is in the database.
    let opgeslagen: Vec<String> = db
        .query("SELECT VALUE herstelcodes FROM gebruiker WHERE email = 'els@meldpunt.test'")
        .await
        .unwrap()
        .take::<Vec<Vec<String>>>(0)
        .unwrap()
        .concat();
    assert_eq!(opgeslagen.len(), 9, "one of ten was used");
    let zonder_streepjes = herstel[1].replace('-', "");
    assert!(!opgeslagen.contains(&app::geheim::hash(&zonder_streepjes)));
    assert!(!opgeslagen.iter().any(|h| h.contains(&zonder_streepjes)));
}

#[tokio::test]
async fn the_session_cookie_is_host_prefixed_and_secure_behind_tls_and_plain_over_http() {
    // Plain HTTP (the default, for local use): no `Secure`, so no `__Host-` prefix.
    let (app, _db) = app().await;
    let r = stuur(&app, post("/login", &login_body("els@meldpunt.test"))).await;
    let c = cookies(&r).remove(0);
    assert!(c.starts_with("meldpunt_sessie="), "{c}");
    for deel in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(c.contains(deel), "{c}");
    }
    assert!(!c.contains("Secure") && !c.contains("Domain"), "{c}");

    // Behind TLS.
    let config = app::state::Config { secure_cookies: true, ..Default::default() };
    let (app, _db) = app_met_config(config).await;
    let r = stuur(&app, post("/login", &login_body("els@meldpunt.test"))).await;
    let c = cookies(&r).remove(0);
    assert!(c.starts_with("__Host-meldpunt_sessie="), "{c}");
    for deel in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(c.contains(deel), "{c}");
    }
    assert!(!c.contains("Domain"), "{c}");
    let sessie = c.split(';').next().unwrap().to_string();
    assert_eq!(stuur(&app, met(get("/werkbak"), &sessie)).await.status(), StatusCode::OK);
    // The unprefixed name is not accepted in this mode (it could be set by another host).
    let zonder = sessie.replacen("__Host-", "", 1);
    assert_eq!(stuur(&app, met(get("/werkbak"), &zonder)).await.status(), StatusCode::SEE_OTHER);
    // Logging out clears the prefixed cookie.
    let r = stuur(&app, met(post("/afmelden", ""), &sessie)).await;
    assert!(cookies(&r).iter().any(|c| c.starts_with("__Host-meldpunt_sessie=;") && c.contains("Max-Age=0")));
}

#[tokio::test]
async fn only_admins_manage_accounts_and_every_change_is_audited_and_ends_sessions() {
    let (app, db) = app().await;
    account(&db, "beheer@meldpunt.test", "Beheer", &[Rol::Beheerder]).await;
    let beheer = inloggen(&app, "beheer@meldpunt.test").await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    for pad in ["/beheer/accounts", "/beheer/accounts/x"] {
        assert_eq!(stuur(&app, met(get(pad), &els)).await.status(), StatusCode::FORBIDDEN, "{pad}");
    }
    assert_eq!(stuur(&app, met(post("/beheer/accounts", "naam=X"), &els)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(stuur(&app, get("/beheer/accounts")).await.status(), StatusCode::SEE_OTHER);

    let html = tekst(stuur(&app, met(get("/beheer/accounts"), &beheer)).await).await;
    assert!(html.contains("els@meldpunt.test") && html.contains("Tweede factor"));

    // A common password is refused with the input kept (never the password).
    let body = "naam=An+Peeters&email=an%40meldpunt.test&rol=expert&discipline=arts&wachtwoord=Welkom2026%21%21";
    let r = stuur(&app, met(post("/beheer/accounts", body), &beheer)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(r).await;
    assert!(html.contains("te gewoon") && html.contains("value=\"An Peeters\"") && !html.contains("Welkom2026"));
    let body = body.replace("Welkom2026%21%21", "koffie+met+drie+klontjes");
    let r = stuur(&app, met(post("/beheer/accounts", &body), &beheer)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let pad = locatie(&r).split('?').next().unwrap().to_string();
    let html = tekst(stuur(&app, met(get(&pad), &beheer)).await).await;
    assert!(html.contains("an@meldpunt.test"), "{html}");

    // Els's roles change: her session ends.
    let els_id: String = db
        .query("SELECT VALUE record::id(id) FROM ONLY gebruiker WHERE email = 'els@meldpunt.test' LIMIT 1")
        .await
        .unwrap()
        .take::<Option<String>>(0)
        .unwrap()
        .unwrap();
    let r = stuur(&app, met(post(&format!("/beheer/accounts/{els_id}/rollen"), "rol=coordinator"), &beheer)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(stuur(&app, met(get("/werkbak"), &els)).await.status(), StatusCode::SEE_OTHER);
    let els = inloggen(&app, "els@meldpunt.test").await;
    let r =
        stuur(&app, met(post(&format!("/beheer/accounts/{els_id}/wachtwoord"), "wachtwoord=password1234"), &beheer))
            .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = stuur(&app, met(post(&format!("/beheer/accounts/{els_id}/actief"), "actief=nee"), &beheer)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(stuur(&app, met(get("/werkbak"), &els)).await.status(), StatusCode::SEE_OTHER);

    // An admin cannot lock themselves out.
    let beheer_id: String = db
        .query("SELECT VALUE record::id(id) FROM ONLY gebruiker WHERE email = 'beheer@meldpunt.test' LIMIT 1")
        .await
        .unwrap()
        .take::<Option<String>>(0)
        .unwrap()
        .unwrap();
    let r = stuur(&app, met(post(&format!("/beheer/accounts/{beheer_id}/actief"), "actief=nee"), &beheer)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let audit: Vec<String> = db
        .query("SELECT VALUE object FROM audit WHERE actie IN ['aanmaken', 'wijzigen'] AND gebruiker = $b ORDER BY tijdstip")
        .bind(("b", beheer_id))
        .await
        .unwrap()
        .take(0)
        .unwrap();
    assert_eq!(audit.len(), 3, "{audit:?}");
    assert!(audit.iter().any(|o| o.contains("an@meldpunt.test")) && audit.iter().any(|o| o.contains("uitgeschakeld")));
}

#[tokio::test]
async fn users_change_their_own_password_and_other_sessions_end() {
    let (app, _db) = app().await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let ander = inloggen(&app, "els@meldpunt.test").await;
    let r = stuur(&app, met(post("/account/wachtwoord", "huidig=fout&nieuw=password1234&herhaling=x"), &els)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(r).await;
    assert!(html.contains("Uw huidige wachtwoord klopt niet") && html.contains("te gewoon"), "{html}");
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("huidig", WACHTWOORD)
        .append_pair("nieuw", "koffie met drie klontjes")
        .append_pair("herhaling", "koffie met drie klontjes")
        .finish();
    let r = stuur(&app, met(post("/account/wachtwoord", &body), &els)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let nieuw = cookie_met(&r, "meldpunt_sessie").unwrap();
    assert!(tekst(r).await.contains("Uw wachtwoord is gewijzigd"));
    assert_eq!(stuur(&app, met(get("/werkbak"), &ander)).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(stuur(&app, met(get("/werkbak"), &nieuw)).await.status(), StatusCode::OK);
}
