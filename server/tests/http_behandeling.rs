//! Case handling over HTTP: plain form posts take steps, refusals come back with messages and the
//! typed text, stale versions are refused with what changed, and only case workers may post.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use axum::http::StatusCode;
use common::*;
use tower::ServiceExt;

/// A fresh melding from the public form, and its reference.
async fn nieuwe_melding(app: &axum::Router) -> String {
    let datum = (chrono::Utc::now().date_naive() - chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("locatie_id", "L0001")
        .append_pair("categorie", "veiligheid")
        .append_pair("omschrijving", "De poort van de speelplaats stond de hele middag open.")
        .append_pair("feit_datum", &datum)
        .append_pair("relatie", "ouder")
        .append_pair("naam", "Lotte Janssens")
        .append_pair("email", "lotte@voorbeeld.be")
        .append_pair("privacy", "ja")
        .append_pair("actie", "verstuur")
        .finish();
    let html = tekst(app.clone().oneshot(post("/melden", &body)).await.unwrap()).await;
    let i = html.find("M-20").unwrap();
    html[i..i + 12].to_string()
}

fn versie(html: &str) -> String {
    let i = html.find(r#"name="versie" value=""#).unwrap() + 21;
    html[i..].chars().take_while(|c| c.is_ascii_digit()).collect()
}

async fn pagina(app: &axum::Router, cookie: &str, referentie: &str) -> String {
    let resp = app.clone().oneshot(met(get(&format!("/meldingen/{referentie}")), cookie)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    tekst(resp).await
}

fn stap(velden: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in velden {
        s.append_pair(k, v);
    }
    s.finish()
}

#[tokio::test]
async fn a_case_worker_takes_steps_with_plain_forms() {
    let (app, _) = app().await;
    let referentie = nieuwe_melding(&app).await;
    let cookie = inloggen(&app, "els@meldpunt.test").await;
    let html = pagina(&app, &cookie, &referentie).await;
    assert!(html.contains("In behandeling nemen"));
    assert!(!html.contains(">Afsluiten<"), "closing is not offered for a new case");
    let v = versie(&html);

    let pad = format!("/meldingen/{referentie}/stap");
    let body = stap(&[("handeling", "in_behandeling"), ("versie", &v), ("bevestiging", "email")]);
    let resp = app.clone().oneshot(met(post(&pad, &body), &cookie)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(resp.headers()["location"], format!("/meldingen/{referentie}#tijdlijn"));
    let html = pagina(&app, &cookie, &referentie).await;
    assert!(html.contains("Status gewijzigd naar In behandeling. Ontvangstbevestiging: per e-mail."));
    assert!(html.contains("Els Vermeulen"));

    // A conclusion without text: 422, the message next to the field, the choice kept.
    let v = versie(&html);
    let body = stap(&[("handeling", "concludeer"), ("versie", &v), ("beoordeling", "gegrond"), ("tekst", " ")]);
    let resp = app.clone().oneshot(met(post(&pad, &body), &cookie)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains(r#"id="fout-concludeer-tekst""#));
    assert!(html.contains(r#"value="gegrond" checked"#));

    // A step based on an old version is refused with what changed, and the typed text stays.
    let oud = v.clone();
    let body = stap(&[("handeling", "wacht_op_info"), ("versie", &v), ("van", "melder"), ("reden", "Welke dag?")]);
    assert_eq!(app.clone().oneshot(met(post(&pad, &body), &cookie)).await.unwrap().status(), StatusCode::SEE_OTHER);
    let body =
        stap(&[("handeling", "concludeer"), ("versie", &oud), ("beoordeling", "ongegrond"), ("tekst", "Mijn analyse")]);
    let resp = app.clone().oneshot(met(post(&pad, &body), &cookie)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::CONFLICT);
    let html = tekst(resp).await;
    assert!(html.contains("Iemand anders wijzigde deze melding"));
    assert!(html.contains("Wacht op de melder"));
    assert!(html.contains("Mijn analyse"));
}

#[tokio::test]
async fn notes_and_contacts_are_added_and_bad_ones_come_back() {
    let (app, _) = app().await;
    let referentie = nieuwe_melding(&app).await;
    let cookie = inloggen(&app, "els@meldpunt.test").await;
    let pad = format!("/meldingen/{referentie}/tijdlijn");
    let body = stap(&[("soort", "contact"), ("kanaal", "telefoon"), ("tekst", "Organisator gebeld")]);
    let resp = app.clone().oneshot(met(post(&pad, &body), &cookie)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Kies met wie u contact had."));
    assert!(html.contains("Organisator gebeld"));
    let body = stap(&[
        ("soort", "contact"),
        ("kanaal", "telefoon"),
        ("richting", "uit"),
        ("partij", "organisator"),
        ("tekst", "Organisator gebeld"),
    ]);
    let resp = app.clone().oneshot(met(post(&pad, &body), &cookie)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let html = pagina(&app, &cookie, &referentie).await;
    assert!(html.contains("Telefoon, uitgaand, met de organisator"));
}

#[tokio::test]
async fn only_case_workers_may_post_steps() {
    let (app, db) = app().await;
    let referentie = nieuwe_melding(&app).await;
    account(&db, "kb@meldpunt.test", "Kim Kennis", &[Rol::Kennisbeheerder]).await;
    let pad = format!("/meldingen/{referentie}/stap");
    let body = stap(&[("handeling", "onontvankelijk"), ("versie", "1"), ("reden", "Zomaar")]);
    // Anonymous: to the login page, nothing written.
    let resp = app.clone().oneshot(post(&pad, &body)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(resp.headers()["location"].to_str().unwrap().starts_with("/login"));
    // A knowledge editor: 403.
    let cookie = inloggen(&app, "kb@meldpunt.test").await;
    let resp = app.clone().oneshot(met(post(&pad, &body), &cookie)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let status: Option<String> = db
        .query("SELECT VALUE status FROM ONLY type::record('melding', $r)")
        .bind(("r", referentie.clone()))
        .await
        .unwrap()
        .take(0)
        .unwrap();
    assert_eq!(status.as_deref(), Some("ontvangen"));
    // Garbage never gives a 500.
    let els = inloggen(&app, "els@meldpunt.test").await;
    for body in ["", "handeling=%FF%FE", "handeling=sluit&versie=abc", "versie=99999999999999999999"] {
        let resp = app.clone().oneshot(met(post(&pad, body), &els)).await.unwrap();
        assert!(resp.status().is_client_error(), "{body}: {}", resp.status());
    }
    let resp = app
        .clone()
        .oneshot(met(post("/meldingen/M-1999-00001/stap", "handeling=heropen&versie=1&reden=abc"), &els))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn staff_register_a_phone_call_and_the_public_cannot_pretend_to_be_staff() {
    let (app, db) = app().await;
    let cookie = inloggen(&app, "els@meldpunt.test").await;
    let gisteren = (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let velden = |extra: &[(&str, &str)]| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [
            ("locatie_id", "L0002"),
            ("categorie", "veiligheid"),
            ("omschrijving", "Moeder belt: de voordeur van de opvang staat 's middags open."),
            ("feit_datum", gisteren.as_str()),
            ("relatie", "ouder"),
            ("naam", "Fatima El Idrissi"),
            ("telefoon", "0470 11 22 33"),
            ("privacy", "ja"),
            ("actie", "verstuur"),
        ] {
            s.append_pair(k, v);
        }
        for (k, v) in extra {
            s.append_pair(k, v);
        }
        s.finish()
    };
    // A registration with a time in the future is refused next to the field, input kept.
    let morgen = (chrono::Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%dT09:00").to_string();
    let body = velden(&[("kanaal", "telefoon"), ("ontvangen", &morgen), ("urgentie", "hoog"), ("soort", "melding")]);
    let resp = app.clone().oneshot(met(post("/melden", &body), &cookie)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = tekst(resp).await;
    assert!(html.contains("Dit tijdstip ligt in de toekomst."));
    assert!(html.contains("Fatima El Idrissi"));

    let vanochtend =
        app::tijd::in_belgie(chrono::Utc::now() - chrono::Duration::hours(2)).format("%Y-%m-%dT%H:%M").to_string();
    let body =
        velden(&[("kanaal", "telefoon"), ("ontvangen", &vanochtend), ("urgentie", "hoog"), ("soort", "melding")]);
    let resp = app.clone().oneshot(met(post("/melden", &body), &cookie)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = tekst(resp).await;
    assert!(html.contains("Melding geregistreerd"));
    let i = html.find("M-20").unwrap();
    let referentie = &html[i..i + 12];
    let veld = |naam: &'static str| {
        let db = db.clone();
        let r = referentie.to_string();
        async move {
            let v: Option<String> = db
                .query(format!("SELECT VALUE {naam} FROM ONLY type::record('melding', $r)"))
                .bind(("r", r))
                .await
                .unwrap()
                .take(0)
                .unwrap();
            v
        }
    };
    let (kanaal, urgentie) = (veld("kanaal").await, veld("urgentie").await);
    assert_eq!((kanaal.as_deref(), urgentie.as_deref()), (Some("telefoon"), Some("hoog")));
    let html = pagina(&app, &cookie, referentie).await;
    assert!(html.contains("Melding ontvangen via telefoon; geregistreerd door Els Vermeulen"));

    // The same fields from an anonymous visitor are ignored: a web form melding.
    let resp = app.clone().oneshot(post("/melden", &body)).await.unwrap();
    let html = tekst(resp).await;
    assert!(html.contains("Bedankt, we hebben uw melding ontvangen"));
    let i = html.find("M-20").unwrap();
    let kanaal: Option<String> = db
        .query("SELECT VALUE kanaal FROM ONLY type::record('melding', $r)")
        .bind(("r", html[i..i + 12].to_string()))
        .await
        .unwrap()
        .take(0)
        .unwrap();
    assert_eq!(kanaal.as_deref(), Some("webformulier"));
}
