//! Rate limits on the public endpoints, through the real router: per client address, 429 with
//! `Retry-After` and a Dutch message saying when to retry, the input kept, nothing stored.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use axum::http::{StatusCode, header};
use tower::ServiceExt;

mod common;
use common::*;

fn laag(melden: u32, opvolgen: u32, aanvullen: u32, zoeken: u32) -> app::state::Config {
    app::state::Config {
        limieten: app::limiet::LimietConfig {
            melden_per_uur: melden,
            opvolgen_per_uur: opvolgen,
            aanvullen_per_uur: aanvullen,
            zoeken_per_uur: zoeken,
        },
        ..Default::default()
    }
}

fn formulier(omschrijving: &str) -> String {
    let datum = (chrono::Utc::now().date_naive() - chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    form_urlencoded::Serializer::new(String::new())
        .append_pair("locatie_id", "L0001")
        .append_pair("categorie", "veiligheid")
        .append_pair("omschrijving", omschrijving)
        .append_pair("feit_datum", &datum)
        .append_pair("relatie", "ouder")
        .append_pair("naam", "Lotte Janssens")
        .append_pair("email", "lotte@voorbeeld.be")
        .append_pair("privacy", "ja")
        .append_pair("actie", "verstuur")
        .finish()
}

async fn aantal(db: &app::gemeen::Db, sql: &str) -> i64 {
    let mut r = db.query(sql).await.unwrap();
    r.take::<Option<i64>>((0, "n")).unwrap().unwrap_or(0)
}

fn wacht(resp: &axum::response::Response) -> u64 {
    resp.headers().get(header::RETRY_AFTER).expect("Retry-After").to_str().unwrap().parse().unwrap()
}

#[tokio::test]
async fn the_report_form_answers_429_with_the_text_kept_and_stores_nothing() {
    let (app, db) = app_met_config(laag(2, 100, 100, 100)).await;
    let voor = aantal(&db, "SELECT count() AS n FROM melding GROUP ALL").await;
    // Two posts are within the budget (one refused for its input, one stored).
    let r = app.clone().oneshot(van(post("/melden", "omschrijving=kort&actie=verstuur"), "192.0.2.10")).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let tekst_1 = "De poort van de opvang stond de hele middag open.";
    let r = app.clone().oneshot(van(post("/melden", &formulier(tekst_1)), "192.0.2.10")).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(aantal(&db, "SELECT count() AS n FROM melding GROUP ALL").await, voor + 1);

    let tekst_2 = "Een tweede zorg: er was geen begeleider bij de kinderen.";
    let r = app.clone().oneshot(van(post("/melden", &formulier(tekst_2)), "192.0.2.10")).await.unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let s = wacht(&r);
    assert!(s > 0 && s <= 30 * 60, "one request comes free every 30 minutes: {s}");
    let html = tekst(r).await;
    assert!(html.contains("Probeer het opnieuw over 30 minuten"), "{html}");
    assert!(html.contains(tekst_2), "the typed text is kept");
    assert!(html.contains(r#"value="Lotte Janssens""#));
    assert_eq!(aantal(&db, "SELECT count() AS n FROM melding GROUP ALL").await, voor + 1, "nothing stored");

    // Another address (another household) has its own budget.
    let r = app.clone().oneshot(van(post("/melden", &formulier(tekst_2)), "192.0.2.11")).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // A logged-in case worker registering by phone is not limited.
    let els = inloggen(&app, "els@meldpunt.test").await;
    for _ in 0..3 {
        let r = app.clone().oneshot(met(van(post("/melden", "actie=verstuur"), "192.0.2.10"), &els)).await.unwrap();
        assert_ne!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(!r.status().is_server_error());
    }
}

#[tokio::test]
async fn the_follow_up_lookup_and_additions_are_limited_per_address() {
    let (app, db) = app_met_config(laag(100, 2, 1, 100)).await;
    let f = app::meldingen::formulier::MeldFormulier {
        locatie_id: "L0001".into(),
        categorieen: vec!["veiligheid".into()],
        omschrijving: "De kinderen speelden buiten zonder toezicht.".into(),
        feit_datum: (chrono::Utc::now().date_naive() - chrono::Days::new(2)).format("%Y-%m-%d").to_string(),
        relatie: "ouder".into(),
        naam: "Wout Maes".into(),
        email: "wout@voorbeeld.be".into(),
        privacy: true,
        ..Default::default()
    };
    let app::meldingen::intake::Indiening::Ontvangen(b) =
        app::meldingen::intake::dien_in(&db, &f, chrono::Utc::now()).await.unwrap()
    else {
        panic!("refused")
    };
    let (r, code) = (b.referentie.to_string(), b.opvolgcode);

    let opzoeken =
        |code: &str| van(post("/opvolgen", &format!("referentie={r}&code={}", code.replace(' ', "+"))), "198.51.100.7");
    assert_eq!(app.clone().oneshot(opzoeken("FOUT")).await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.clone().oneshot(opzoeken(&code)).await.unwrap().status(), StatusCode::OK);
    // The budget is used up: even the right code waits, and is not checked.
    let resp = app.clone().oneshot(opzoeken(&code)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(wacht(&resp) > 0);
    let html = tekst(resp).await;
    assert!(html.contains("Probeer het opnieuw over"), "{html}");
    assert!(html.contains(&format!(r#"value="{r}""#)), "the reference is kept");
    assert!(!html.contains("Stand van zaken"), "nothing of the case is shown");

    // Additions: one per hour here. The second comes back with its text, nothing stored.
    let aanvullen = |tekst: &str| {
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("referentie", &r)
            .append_pair("code", &code)
            .append_pair("aanvulling", tekst)
            .finish();
        van(post("/opvolgen/aanvullen", &body), "198.51.100.8")
    };
    let resp = app.clone().oneshot(aanvullen("Het gebeurde ook op maandag rond vier uur.")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let tweede = "En op dinsdag stond de poort weer open.";
    let resp = app.clone().oneshot(aanvullen(tweede)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(wacht(&resp) > 0);
    let html = tekst(resp).await;
    assert!(html.contains(tweede), "the addition's text is kept");
    assert!(html.contains(r#"action="/opvolgen/aanvullen""#), "and can be sent again later");
    let sql = format!(
        "SELECT count() AS n FROM tijdlijn WHERE melding = type::record('melding', '{r}') AND door = 'melder' AND soort = 'contact' GROUP ALL"
    );
    let n = aantal(&db, &sql).await;
    assert_eq!(n, 1, "only the first addition is stored");
}

#[tokio::test]
async fn the_location_search_of_the_form_is_limited_with_a_json_error() {
    let (app, _) = app_met_config(laag(100, 100, 100, 2)).await;
    for _ in 0..2 {
        let r = app.clone().oneshot(van(get("/api/zoek_locaties?q=aalst"), "203.0.113.5")).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    let r = app.clone().oneshot(van(get("/api/zoek_locaties?q=aalst"), "203.0.113.5")).await.unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(wacht(&r) > 0);
    assert!(tekst(r).await.contains("Probeer het opnieuw over"));
    // The same /64 of an IPv6 address counts as one household.
    let r = app.clone().oneshot(van(get("/api/zoek_locaties?q=gent"), "2001:db8::1")).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = app.clone().oneshot(van(get("/api/zoek_locaties?q=gent"), "2001:db8::2")).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = app.clone().oneshot(van(get("/api/zoek_locaties?q=gent"), "2001:db8::3")).await.unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
}

/// The request from socket `peer` with `X-Forwarded-For: xff`.
fn doorgestuurd(
    req: axum::http::Request<axum::body::Body>,
    peer: &str,
    xff: &str,
) -> axum::http::Request<axum::body::Body> {
    let mut req = van(req, peer);
    req.headers_mut().insert("x-forwarded-for", xff.parse().unwrap());
    req
}

/// Behind a proxy named with `--trusted-proxy`, the client in `X-Forwarded-For` is what the
/// limit counts (and the audit log records); without it, the header is ignored: a client cannot
/// escape its limit, or spend someone else's, by writing the header itself.
#[tokio::test]
async fn limits_count_the_client_behind_a_trusted_proxy_and_ignore_the_header_otherwise() {
    let proxy: app::gemeen::klantadres::Netwerk = "10.0.0.0/8".parse().unwrap();
    let (app, db) =
        app_met_config(app::state::Config { vertrouwde_proxies: vec![proxy], ..laag(1, 100, 100, 100) }).await;
    let tekst = "De poort van de opvang stond de hele middag open.";
    // Two clients behind the same proxy each have their own budget of one.
    for client in ["198.51.100.1", "198.51.100.2"] {
        let r =
            app.clone().oneshot(doorgestuurd(post("/melden", &formulier(tekst)), "10.0.0.2", client)).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{client}");
    }
    let r = app
        .clone()
        .oneshot(doorgestuurd(post("/melden", &formulier(tekst)), "10.0.0.2", "198.51.100.1"))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // A spoofed first hop does not help: the proxy appended the real client after it.
    let r = app
        .clone()
        .oneshot(doorgestuurd(post("/melden", &formulier(tekst)), "10.0.0.2", "203.0.113.50, 198.51.100.1"))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // The audit log records the client, not the proxy.
    let r = app
        .clone()
        .oneshot(doorgestuurd(post("/login", "email=els%40meldpunt.test&wachtwoord=fout"), "10.0.0.2", "198.51.100.9"))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let adressen: Vec<Option<String>> =
        db.query("SELECT VALUE adres FROM audit WHERE actie = 'aanmelden_mislukt'").await.unwrap().take(0).unwrap();
    assert!(!adressen.is_empty());
    assert!(adressen.iter().all(|a| a.as_deref() == Some("198.51.100.9")), "{adressen:?}");

    // Without a trusted proxy the same header is the client's own word, and ignored.
    let (app, _) = app_met_config(laag(1, 100, 100, 100)).await;
    let r = app
        .clone()
        .oneshot(doorgestuurd(post("/melden", &formulier(tekst)), "198.51.100.20", "203.0.113.1"))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = app
        .clone()
        .oneshot(doorgestuurd(post("/melden", &formulier(tekst)), "198.51.100.20", "203.0.113.2"))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
}
