//! HTTP tests through the real router, with a real (in-memory) SurrealDB and demo data.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use axum::http::{StatusCode, header};
use tower::ServiceExt;

mod common;
use common::*;

fn geldig_formulier(omschrijving: &str) -> String {
    let datum = (chrono::Utc::now().date_naive() - chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    form_urlencoded::Serializer::new(String::new())
        .append_pair("locatie_id", "L0001")
        .append_pair("categorie", "veiligheid")
        .append_pair("categorie", "voeding")
        .append_pair("omschrijving", omschrijving)
        .append_pair("feit_datum", &datum)
        .append_pair("relatie", "ouder")
        .append_pair("naam", "Lotte Janssens")
        .append_pair("email", "lotte@voorbeeld.be")
        .append_pair("privacy", "ja")
        .append_pair("actie", "verstuur")
        .finish()
}

async fn aantal_meldingen(db: &app::gemeen::Db) -> i64 {
    let mut r = db.query("SELECT count() AS n FROM melding GROUP ALL").await.unwrap();
    let n: Option<i64> = r.take((0, "n")).unwrap();
    n.unwrap_or(0)
}

#[tokio::test]
async fn the_form_renders_for_the_public() {
    let (app, _) = app().await;
    let resp = app.oneshot(get("/melden")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains("Een zorg melden"));
    assert!(html.contains(r#"action="/melden""#));
    assert!(html.contains(r#"name="website""#), "honeypot missing");
}

#[tokio::test]
async fn a_plain_form_post_stores_the_melding_and_shows_reference_and_code() {
    let (app, db) = app().await;
    let resp = app
        .oneshot(post("/melden", &geldig_formulier("De poort stond open en er was niemand in de buurt.")))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains("Bedankt, we hebben uw melding ontvangen"), "{html}");
    assert!(html.contains(r#"data-testid="referentie""#));
    assert!(html.contains(r#"data-testid="opvolgcode""#));
    assert_eq!(aantal_meldingen(&db).await, 61);
}

#[tokio::test]
async fn bad_input_comes_back_422_with_messages_and_the_input_kept() {
    let (app, db) = app().await;
    let body = "omschrijving=Mijn+tekst+blijft+staan&email=geen-adres&feit_datum=2999-01-01&actie=verstuur";
    let resp = app.oneshot(post("/melden", body)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Controleer deze velden"));
    assert!(html.contains("Mijn tekst blijft staan"));
    assert!(html.contains("Deze datum ligt in de toekomst."));
    assert!(html.contains(r#"value="geen-adres""#));
    assert!(html.contains(r#"id="fout-privacy""#));
    assert_eq!(aantal_meldingen(&db).await, 60);
}

#[tokio::test]
async fn a_typed_text_comes_back_inside_its_field_whatever_it_contains() {
    let (app, db) = app().await;
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("omschrijving", "Eerst dit.</textarea><form id=\"vals\" action=\"https://example.invalid\">")
        .append_pair("actie", "verstuur")
        .finish();
    let resp = app.oneshot(post("/melden", &body)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Eerst dit.&lt;/textarea&gt;&lt;form id=\"vals\""), "{html}");
    assert!(!html.contains("<form id=\"vals\""), "the text ended its field and became markup");
    assert_eq!(aantal_meldingen(&db).await, 60);
}

#[tokio::test]
async fn searching_without_javascript_lists_locations_and_keeps_input() {
    let (app, _) = app().await;
    let demo = app::seed::genereer(0, chrono::Utc::now());
    let gemeente = demo.locaties[0].gemeente.clone();
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("locatie_zoek", &gemeente)
        .append_pair("omschrijving", "Deze tekst moet blijven staan")
        .append_pair("actie", "zoek")
        .finish();
    let resp = app.oneshot(post("/melden", &body)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains(r#"name="locatie_id""#));
    assert!(html.contains("Kies de opvang"));
    assert!(html.contains("Deze tekst moet blijven staan"));
}

#[tokio::test]
async fn hostile_and_garbage_input_never_gives_a_500() {
    let (app, db) = app().await;
    let bodies = [
        "%%%%".to_string(),
        "categorie=%FF%FE&omschrijving=%00%01".to_string(),
        format!("omschrijving={}&actie=verstuur", "a".repeat(200_000)),
        "locatie_id=L1%27%3B+DELETE+melding%3B&actie=verstuur".to_string(),
        format!("{}&website=http://spam.example", geldig_formulier("Spam met een ingevuld verborgen veld erbij.")),
    ];
    for b in bodies {
        let resp = app.clone().oneshot(post("/melden", &b)).await.unwrap();
        assert!(resp.status().is_client_error(), "{} for {}", resp.status(), &b[..b.len().min(60)]);
    }
    assert_eq!(aantal_meldingen(&db).await, 60);
}

#[tokio::test]
async fn staff_pages_redirect_anonymous_visitors_to_login() {
    let (app, db) = app().await;
    let melding = format!("/meldingen/{}", eerste_referentie(&db).await);
    for pad in ["/werkbak", "/werkbak?status=ontvangen", melding.as_str()] {
        let resp = app.clone().oneshot(get(pad)).await.unwrap();
        assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{pad}");
        let doel = resp.headers()[header::LOCATION].to_str().unwrap();
        assert!(doel.starts_with("/login?volgende=%2F"), "{doel}");
    }
}

#[tokio::test]
async fn staff_server_functions_refuse_anonymous_calls() {
    let (app, db) = app().await;
    let resp = app.clone().oneshot(post("/api/werkbak", "")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let body = format!("referentie={}", eerste_referentie(&db).await);
    let resp = app.oneshot(post("/api/melding", &body)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn login_werkbak_detail_and_logout() {
    let (app, _) = app().await;
    let fout = app.clone().oneshot(post("/login", "email=els%40meldpunt.test&wachtwoord=fout")).await.unwrap();
    assert_eq!(fout.status(), StatusCode::UNAUTHORIZED);
    let html = tekst(fout).await;
    assert!(html.contains("E-mailadres of wachtwoord klopt niet."));
    assert!(html.contains(r#"value="els@meldpunt.test""#));

    let body = format!("email=els%40meldpunt.test&wachtwoord={}&volgende=%2Fwerkbak", WACHTWOORD.replace(' ', "+"));
    let ok = app.clone().oneshot(post("/login", &body)).await.unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let cookie = ok.headers()[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    let cookie = cookie.split(';').next().unwrap().to_string();

    let mut req = get("/werkbak");
    req.headers_mut().insert(header::COOKIE, cookie.parse().unwrap());
    let resp = app.clone().oneshot(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains("<h1>Werkbak"));
    assert!(html.contains("Volgende pagina"));
    let start = html.find("/meldingen/M-").unwrap();
    let referentie: String = html[start + 11..].chars().take_while(|c| *c != '"').collect();

    let mut req = get(&format!("/meldingen/{referentie}"));
    req.headers_mut().insert(header::COOKIE, cookie.parse().unwrap());
    let resp = app.clone().oneshot(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(tekst(resp).await.contains("Tijdlijn"));

    let mut req = post("/afmelden", "");
    req.headers_mut().insert(header::COOKIE, cookie.parse().unwrap());
    let resp = app.clone().oneshot(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let mut req = get("/werkbak");
    req.headers_mut().insert(header::COOKIE, cookie.parse().unwrap());
    assert_eq!(app.oneshot(req).await.unwrap().status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let (app, db) = app().await;
    let mut req = post("/melden", &geldig_formulier("Een melding die van een andere site komt."));
    req.headers_mut().insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    assert_eq!(app.oneshot(req).await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(aantal_meldingen(&db).await, 60);
}

/// With a session, a post that says nothing of where it comes from (no `Origin`, no
/// `Sec-Fetch-Site`) or comes from an opaque origin is refused; the session stays.
#[tokio::test]
async fn posts_with_a_session_must_come_from_a_page_of_meldpunt() {
    let (app, db) = app().await;
    let cookie = inloggen(&app, "els@meldpunt.test").await;
    let kaal = |pad: &str| {
        let mut req = met(post(pad, ""), &cookie);
        req.headers_mut().remove("sec-fetch-site");
        req
    };
    assert_eq!(app.clone().oneshot(kaal("/afmelden")).await.unwrap().status(), StatusCode::FORBIDDEN);
    let mut req = kaal("/afmelden");
    req.headers_mut().insert(header::ORIGIN, "null".parse().unwrap());
    assert_eq!(app.clone().oneshot(req).await.unwrap().status(), StatusCode::FORBIDDEN);
    let mut req = kaal("/afmelden");
    req.headers_mut().insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert_eq!(app.clone().oneshot(req).await.unwrap().status(), StatusCode::FORBIDDEN);
    // Still signed in: none of these logged out.
    assert_eq!(app.clone().oneshot(met(get("/werkbak"), &cookie)).await.unwrap().status(), StatusCode::OK);
    // The same post from the app's own page (as browsers mark it) is accepted, with either header.
    let mut req = kaal("/afmelden");
    req.headers_mut().insert(header::ORIGIN, "http://127.0.0.1:3000".parse().unwrap());
    assert_eq!(app.clone().oneshot(req).await.unwrap().status(), StatusCode::SEE_OTHER);
    assert_eq!(app.clone().oneshot(met(get("/werkbak"), &cookie)).await.unwrap().status(), StatusCode::SEE_OTHER);
    // Without a session a form without those headers (an old browser, a script) is still taken.
    let mut req = post("/melden", &geldig_formulier("Een melding zonder Origin en zonder sessie, dat mag."));
    req.headers_mut().remove("sec-fetch-site");
    let voor = aantal_meldingen(&db).await;
    assert_eq!(app.oneshot(req).await.unwrap().status(), StatusCode::OK);
    assert_eq!(aantal_meldingen(&db).await, voor + 1);
}

/// A `volgende` with a tab (browsers drop it: `/\t/evil.example` becomes `//evil.example`) or
/// another way off the site sends the user to the start page after logging in.
#[tokio::test]
async fn login_never_redirects_off_the_site() {
    let (app, _) = app().await;
    for volgende in ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/%0A"] {
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("email", "els@meldpunt.test")
            .append_pair("wachtwoord", WACHTWOORD)
            .append_pair("volgende", volgende)
            .finish();
        let ok = app.clone().oneshot(post("/login", &body)).await.unwrap();
        assert_eq!(ok.status(), StatusCode::SEE_OTHER, "{volgende:?}");
        let doel = ok.headers()[header::LOCATION].to_str().unwrap();
        let verwacht = if volgende == "/%0A" { "/%0A" } else { "/werkbak" };
        assert_eq!(doel, verwacht, "{volgende:?}");
    }
}

#[tokio::test]
async fn unknown_pages_are_a_404_page() {
    let (app, _) = app().await;
    let resp = app.oneshot(get("/bestaat-niet")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    assert!(tekst(resp).await.contains("Deze pagina bestaat niet"));
}

#[tokio::test]
async fn only_pages_with_islands_load_the_wasm_bundle() {
    let (app, _) = app().await;
    let home = tekst(app.clone().oneshot(get("/")).await.unwrap()).await;
    assert!(!home.contains(".wasm") && !home.contains(r#"type="module""#), "the start page loads no bundle");
    let melden = tekst(app.oneshot(get("/melden")).await.unwrap()).await;
    assert!(melden.contains(".wasm") && melden.contains("<leptos-island"), "the form's location picker is an island");
}

#[tokio::test]
async fn hashed_assets_are_served_precompressed_and_cached_for_a_year() {
    let site = std::env::temp_dir().join(format!("meldpunt-site-{}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("pkg/meldpunt.abc123.js"), "console.log('x');".repeat(100)).unwrap();
    std::fs::write(site.join("pkg/meldpunt.abc123.js.br"), b"BROTLI").unwrap();
    std::fs::write(site.join("favicon.svg"), "<svg/>").unwrap();
    let (app, _) = app_met_site(site.clone()).await;

    let mut req = get("/pkg/meldpunt.abc123.js");
    req.headers_mut().insert(header::ACCEPT_ENCODING, "br, gzip".parse().unwrap());
    let resp = app.clone().oneshot(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(resp.headers()[header::CACHE_CONTROL], "public, max-age=31536000, immutable");
    assert_eq!(tekst(resp).await, "BROTLI");

    let resp = app.clone().oneshot(get("/favicon.svg")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()[header::CACHE_CONTROL], "public, max-age=3600");

    let mut req = get("/melden");
    req.headers_mut().insert(header::ACCEPT_ENCODING, "gzip".parse().unwrap());
    let resp = app.oneshot(req).await.unwrap();
    assert_eq!(resp.headers()[header::CONTENT_ENCODING], "gzip", "HTML is compressed");
    let _ = std::fs::remove_dir_all(site);
}

#[tokio::test]
async fn every_response_carries_security_headers_and_the_script_nonce_matches_the_policy() {
    let (app, _) = app().await;
    for pad in ["/", "/melden", "/bestaat-niet", "/health"] {
        let resp = app.clone().oneshot(get(pad)).await.unwrap();
        let h = resp.headers();
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{pad}");
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY", "{pad}");
        assert!(h[header::REFERRER_POLICY].to_str().unwrap().contains("origin"), "{pad}");
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{pad}: {csp}");
    }
    let resp = app.oneshot(get("/melden")).await.unwrap();
    let csp = resp.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_string();
    let nonce = csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap().to_string();
    let html = tekst(resp).await;
    let scripts = html.matches("<script").count();
    assert!(scripts > 0);
    assert_eq!(
        html.matches(&format!("nonce=\"{nonce}\"")).count(),
        scripts,
        "every script carries this request's nonce"
    );
}

#[tokio::test]
async fn repeated_wrong_passwords_get_a_429_with_a_time_to_retry() {
    let (app, _) = app().await;
    for _ in 0..app::auth::service::MAX_PER_ACCOUNT {
        let resp = app.clone().oneshot(post("/login", "email=els%40meldpunt.test&wachtwoord=fout")).await.unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    }
    let body = format!("email=els%40meldpunt.test&wachtwoord={}", WACHTWOORD.replace(' ', "+"));
    let resp = app.oneshot(post("/login", &body)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    let html = tekst(resp).await;
    assert!(html.contains("Te veel mislukte pogingen om aan te melden. Probeer het opnieuw vanaf "), "{html}");
}

/// The probe of the security review: six wrong passwords from one address, then the right one
/// from another. From a browser that signed in before (its device cookie) the owner gets in;
/// an unknown browser waits. The device cookie is HttpOnly and this site's only.
#[tokio::test]
async fn wrong_passwords_from_elsewhere_do_not_lock_the_owner_out() {
    let (app, _) = app().await;
    let goed = format!("email=els%40meldpunt.test&wachtwoord={}", WACHTWOORD.replace(' ', "+"));
    let ok = app.clone().oneshot(van(post("/login", &goed), "198.51.100.4")).await.unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let toestel = ok
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|c| c.to_str().unwrap().to_string())
        .find(|c| c.starts_with("meldpunt_toestel="))
        .expect("a device cookie");
    assert!(toestel.contains("HttpOnly") && toestel.contains("SameSite=Strict"), "{toestel}");
    let toestel = toestel.split(';').next().unwrap().to_string();
    for _ in 0..=app::auth::service::MAX_PER_ACCOUNT {
        let r = app
            .clone()
            .oneshot(van(post("/login", "email=els%40meldpunt.test&wachtwoord=fout"), "203.0.113.9"))
            .await
            .unwrap();
        assert_ne!(r.status(), StatusCode::SEE_OTHER);
    }
    let r = app.clone().oneshot(van(post("/login", &goed), "198.51.100.5")).await.unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "an unknown browser waits");
    let r = app.clone().oneshot(met(van(post("/login", &goed), "198.51.100.5"), &toestel)).await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "the owner's browser gets in");
}

/// A stolen session is no way to guess the password: the current-password check of the own
/// account page stops after five wrong ones, even for the right one.
#[tokio::test]
async fn the_current_password_check_is_throttled() {
    let (app, _) = app().await;
    let cookie = inloggen(&app, "els@meldpunt.test").await;
    let nieuw = "een heel nieuw wachtwoord voor els";
    let vorm = |huidig: &str| {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("huidig", huidig)
            .append_pair("nieuw", nieuw)
            .append_pair("herhaling", nieuw)
            .finish()
    };
    for i in 0..app::auth::service::MAX_PER_ACCOUNT {
        let r =
            app.clone().oneshot(met(post("/account/wachtwoord", &vorm(&format!("gok {i}"))), &cookie)).await.unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = app.clone().oneshot(met(post("/account/wachtwoord", &vorm(WACHTWOORD)), &cookie)).await.unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(tekst(r).await.contains("Te vaak een verkeerd wachtwoord. Probeer het opnieuw vanaf "));
    // The password did not change: the old one still signs in.
    inloggen(&app, "els@meldpunt.test").await;
}

#[tokio::test]
async fn reading_a_case_and_refused_access_are_audited() {
    let (app, db) = app().await;
    let referentie = eerste_referentie(&db).await;
    let resp = app.clone().oneshot(post("/api/melding", &format!("referentie={referentie}"))).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);

    let body = format!("email=els%40meldpunt.test&wachtwoord={}", WACHTWOORD.replace(' ', "+"));
    let ok = app.clone().oneshot(post("/login", &body)).await.unwrap();
    let cookie = ok.headers()[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_string();
    let mut req = get(&format!("/meldingen/{referentie}"));
    req.headers_mut().insert(header::COOKIE, cookie.parse().unwrap());
    assert_eq!(app.oneshot(req).await.unwrap().status(), StatusCode::OK);

    let mut r =
        db.query("SELECT VALUE string::concat(actie, '|', object ?? '') FROM audit ORDER BY tijdstip").await.unwrap();
    let acties: Vec<String> = r.take(0).unwrap();
    assert!(acties.contains(&format!("geweigerd|{referentie}")), "{acties:?}");
    assert!(acties.contains(&"aanmelden|".to_string()), "{acties:?}");
    assert!(acties.contains(&format!("bekijken|{referentie}")), "{acties:?}");
}

#[tokio::test]
async fn the_location_search_answers_json_to_a_plain_get() {
    let (app, _) = app().await;
    let demo = app::seed::genereer(0, chrono::Utc::now());
    let gemeente = &demo.locaties[0].gemeente;
    let resp = app.clone().oneshot(get(&format!("/api/zoek_locaties?q={gemeente}"))).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let lijst: Vec<app::locaties::model::LocatieKeuze> = serde_json::from_str(&tekst(resp).await).unwrap();
    assert!(!lijst.is_empty() && lijst.len() <= 10);
    assert!(lijst.iter().all(|l| l.omschrijving().to_lowercase().contains(&gemeente.to_lowercase())));
    let resp = app.oneshot(get("/api/zoek_locaties?q=%27%3B%20DROP")).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(tekst(resp).await, "[]");
}

fn tussen<'a>(html: &'a str, begin: &str, eind: &str) -> &'a str {
    let start = html.find(begin).unwrap() + begin.len();
    let rest = &html[start..];
    &rest[..rest.find(eind).unwrap()]
}

#[tokio::test]
async fn a_reporter_follows_and_adds_information_with_plain_forms() {
    let (app, _) = app().await;
    let html = tekst(
        app.clone().oneshot(post("/melden", &geldig_formulier("De poort stond open, geen toezicht."))).await.unwrap(),
    )
    .await;
    let referentie = tussen(&html, r#"data-testid="referentie">"#, "<").to_string();
    let code = tussen(&html, r#"data-testid="opvolgcode" class="code">"#, "<").to_string();

    let fout = app.clone().oneshot(post("/opvolgen", &format!("referentie={referentie}&code=AAAAA"))).await.unwrap();
    assert_eq!(fout.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(fout).await;
    assert!(html.contains("Deze combinatie van referentie en code kennen we niet."));
    assert!(html.contains(&format!(r#"value="{referentie}""#)), "the reference is kept");

    let ok = app.clone().oneshot(post("/opvolgen", &format!("referentie={referentie}&code={code}"))).await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    let html = tekst(ok).await;
    assert!(html.contains("We hebben uw melding ontvangen."), "{html}");

    let kort = app
        .clone()
        .oneshot(post("/opvolgen/aanvullen", &format!("referentie={referentie}&code={code}&aanvulling=kort")))
        .await
        .unwrap();
    assert_eq!(kort.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(tekst(kort).await.contains("Schrijf minstens 10 tekens."));

    let body = format!("referentie={referentie}&code={code}&aanvulling=Het+gebeurde+ook+op+maandag.");
    let resp = app.oneshot(post("/opvolgen/aanvullen", &body)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains("Bedankt, uw aanvulling is toegevoegd"));
    assert!(html.contains("Het gebeurde ook op maandag."));
}
