//! Analysis, follow-up, co-handling and the coordinators' lists over HTTP: plain form posts,
//! bad input back with the Dutch message next to the field and the input kept, stale versions
//! refused (409) with the text kept, and only the right roles may post.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use axum::http::StatusCode;
use common::*;
use tower::ServiceExt;

async fn nieuwe_melding(app: &axum::Router) -> String {
    let datum = (chrono::Utc::now().date_naive() - chrono::Days::new(1)).format("%Y-%m-%d").to_string();
    let body = form(&[
        ("locatie_id", "L0001"),
        ("categorie", "voeding"),
        ("omschrijving", "De kinderen kregen koude maaltijden en te weinig drinken."),
        ("feit_datum", &datum),
        ("relatie", "ouder"),
        ("naam", "Lotte Janssens"),
        ("email", "lotte@voorbeeld.be"),
        ("privacy", "ja"),
        ("actie", "verstuur"),
    ]);
    let html = tekst(app.clone().oneshot(post("/melden", &body)).await.unwrap()).await;
    let i = html.find("M-20").unwrap();
    html[i..i + 12].to_string()
}

fn form(velden: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in velden {
        s.append_pair(k, v);
    }
    s.finish()
}

fn versie(html: &str) -> String {
    let i = html.find(r#"name="versie" value=""#).unwrap() + 21;
    html[i..].chars().take_while(|c| c.is_ascii_digit()).collect()
}

async fn pagina(app: &axum::Router, cookie: &str, pad: &str) -> String {
    let resp = app.clone().oneshot(met(get(pad), cookie)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK, "{pad}");
    tekst(resp).await
}

async fn stuur(app: &axum::Router, cookie: &str, pad: &str, velden: &[(&str, &str)]) -> (StatusCode, String) {
    let resp = app.clone().oneshot(met(post(pad, &form(velden)), cookie)).await.unwrap();
    let status = resp.status();
    let locatie = resp.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_string();
    let html = tekst(resp).await;
    (status, if status == StatusCode::SEE_OTHER { locatie } else { html })
}

#[tokio::test]
async fn analysis_points_are_added_refused_with_the_input_kept_and_stale_edits_come_back() {
    let (app, _) = app().await;
    let referentie = nieuwe_melding(&app).await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let zaak = format!("/meldingen/{referentie}");
    let html = pagina(&app, &els, &zaak).await;
    assert!(html.contains(r#"<h2 id="h-analyse">Analyse</h2>"#));
    assert!(html.contains("Nog geen punten vastgelegd."));
    assert!(html.contains(r#"name="bron" value="tijdlijn:"#), "timeline entries are sources to choose");
    let v = versie(&html);
    let pad = format!("{zaak}/analyse");

    // Too short a point: 422, the message next to the field, the findings kept.
    let (status, html) = stuur(
        &app,
        &els,
        &pad,
        &[("versie", &v), ("punt", "x"), ("tekst", "Maaltijden waren koud."), ("conclusie", "gegrond")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains(r#"id="fout-analyse-nieuw-punt""#));
    assert!(html.contains("Beschrijf het punt dat de melder aankaart: minstens 3 tekens."));
    assert!(html.contains("Maaltijden waren koud."));
    assert!(html.contains(r#"value="gegrond" checked"#));
    // A source from somewhere else: refused next to the sources.
    let (status, html) =
        stuur(&app, &els, &pad, &[("versie", &v), ("punt", "Koude maaltijden"), ("bron", "tijdlijn:bestaatniet")])
            .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains(r#"id="fout-analyse-nieuw-bron""#));

    let (status, locatie) = stuur(
        &app,
        &els,
        &pad,
        &[("versie", &v), ("punt", "Koude maaltijden"), ("tekst", "Bevestigd door de kok."), ("conclusie", "gegrond")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(locatie.starts_with(&format!("{zaak}#punt-p")), "{locatie}");
    let html = pagina(&app, &els, &zaak).await;
    assert!(html.contains("Punt 1: Koude maaltijden"));
    assert!(html.contains("Algemene conclusie"));
    assert!(html.contains("Analysepunt 1 toegevoegd: “Koude maaltijden”. Conclusie: Gegrond."));

    // Based on the version read before: 409, what changed, and the typed text still there.
    let (status, html) =
        stuur(&app, &els, &pad, &[("versie", &v), ("punt", "Te weinig drinken"), ("tekst", "Mijn bevinding")]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("Iemand anders wijzigde deze melding"));
    assert!(html.contains("Analysepunt 1 toegevoegd"));
    assert!(html.contains("Mijn bevinding") && html.contains("Te weinig drinken"));
}

#[tokio::test]
async fn follow_up_actions_and_referrals_use_the_maintained_list() {
    let (app, _) = app().await;
    let referentie = nieuwe_melding(&app).await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let zaak = format!("/meldingen/{referentie}");
    let html = pagina(&app, &els, &zaak).await;
    assert!(html.contains("Zorginspectie – een inspectie ter plaatse is nodig"), "the seeded services to pick from");
    let pad = format!("{zaak}/opvolging");
    let (status, html) =
        stuur(&app, &els, &pad, &[("soort", "doorverwijzing"), ("tekst", "Ouders zoeken opvang")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains(r#"id="fout-opvolging-dienst""#));
    assert!(html.contains("Kies de dienst waarnaar u doorverwijst."));
    assert!(html.contains("Ouders zoeken opvang"));
    let (status, _) =
        stuur(&app, &els, &pad, &[("soort", "doorverwijzing"), ("dienst", "loket"), ("tekst", "Ouders zoeken opvang")])
            .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = pagina(&app, &els, &zaak).await;
    assert!(html.contains("Opvolging: doorverwezen naar Lokaal loket kinderopvang. Ouders zoeken opvang"));

    // The Verwijs step: an unknown service is refused next to the field, the reason kept.
    let v = versie(&html);
    let stap = format!("{zaak}/stap");
    let (status, html) = stuur(
        &app,
        &els,
        &stap,
        &[("handeling", "verwijs"), ("versie", &v), ("dienst", "bestaatniet"), ("reden", "Hoort bij VK")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains(r#"id="fout-verwijs-dienst""#));
    assert!(html.contains("Hoort bij VK"));
    let (status, _) = stuur(
        &app,
        &els,
        &stap,
        &[("handeling", "verwijs"), ("versie", &v), ("dienst", "vk"), ("reden", "Hoort bij VK")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = pagina(&app, &els, &zaak).await;
    assert!(html.contains("Doorverwezen naar Vertrouwenscentrum Kindermishandeling (tel. 1712"));
}

#[tokio::test]
async fn an_account_manager_takes_up_co_handling_and_replacing_needs_a_reason() {
    let (app, db) = app().await;
    let referentie = nieuwe_melding(&app).await;
    let kb = account(&db, "kb@meldpunt.test", "Kim Claes", &[Rol::KlantenbeheerderKinderopvang]).await;
    account(&db, "kb2@meldpunt.test", "Bart Peeters", &[Rol::KlantenbeheerderKinderopvang]).await;
    account(&db, "coord@meldpunt.test", "Coby Coördinator", &[Rol::Coordinator]).await;
    db.query("UPDATE (SELECT VALUE organisator FROM ONLY locatie:L0001) SET accountbeheerder = type::record('gebruiker', $kb)")
        .bind(("kb", kb))
        .await
        .unwrap()
        .check()
        .unwrap();
    let kim = inloggen(&app, "kb@meldpunt.test").await;
    let zaak = format!("/meldingen/{referentie}");
    let html = pagina(&app, &kim, &zaak).await;
    assert!(html.contains("Zelf medebehandelaar worden"));
    let pad = format!("{zaak}/medebehandelaar");
    let (status, _) = stuur(&app, &kim, &pad, &[("versie", &versie(&html)), ("aan", "mij")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = pagina(&app, &kim, "/werkbak?weergave=mijn").await;
    assert!(html.contains(&referentie), "the co-handler's own view");
    assert!(html.contains("medebehandelaar: Kim Claes"), "the row names the co-handler");

    let coby = inloggen(&app, "coord@meldpunt.test").await;
    let html = pagina(&app, &coby, &zaak).await;
    assert!(html.contains("Kim Claes (accountbeheerder van de organisator)"));
    let v = versie(&html);
    let bart: String = db
        .query("SELECT VALUE record::id(id) FROM ONLY gebruiker WHERE email = 'kb2@meldpunt.test' LIMIT 1")
        .await
        .unwrap()
        .take::<Option<String>>(0)
        .unwrap()
        .unwrap();
    let (status, html) = stuur(&app, &coby, &pad, &[("versie", &v), ("aan", &bart), ("reden", "")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains(r#"id="fout-medebehandelaar-reden""#));
    assert!(html.contains("Geef een reden: de melding had al een medebehandelaar."));
    let (status, _) = stuur(&app, &coby, &pad, &[("versie", &v), ("aan", &bart), ("reden", "Kim is met verlof")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = pagina(&app, &coby, &zaak).await;
    assert!(
        html.contains("Medebehandelaar (klantenbeheerder kinderopvang): Bart Peeters. In de plaats van Kim Claes.")
    );

    // Bart ends his co-handling himself; the reason is optional for him.
    let bart = inloggen(&app, "kb2@meldpunt.test").await;
    let html = pagina(&app, &bart, &zaak).await;
    assert!(html.contains("Medebehandeling beëindigen"));
    let (status, _) = stuur(&app, &bart, &pad, &[("versie", &versie(&html)), ("aan", "geen"), ("reden", "")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = pagina(&app, &coby, &zaak).await;
    assert!(html.contains("Medebehandeling beëindigd: Bart Peeters is geen medebehandelaar meer."));
    assert!(html.contains("Geen medebehandelaar"));
}

#[tokio::test]
async fn coordinators_keep_the_services_list_and_the_deadline_rules() {
    let (app, db) = app().await;
    account(&db, "coord@meldpunt.test", "Coby Coördinator", &[Rol::Coordinator]).await;
    let coby = inloggen(&app, "coord@meldpunt.test").await;
    let els = inloggen(&app, "els@meldpunt.test").await;
    let html = pagina(&app, &coby, "/beheer/diensten").await;
    assert!(html.contains("Vertrouwenscentrum Kindermishandeling"));

    let (status, html) = stuur(
        &app,
        &coby,
        "/beheer/diensten",
        &[("actie", "bewaar"), ("naam", ""), ("website", "ftp://x"), ("waarvoor", "opvoeding")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains(r#"id="fout-dienst-naam""#) && html.contains("Vul de naam van de dienst in."));
    assert!(html.contains(r#"id="fout-dienst-website""#));
    assert!(html.contains(r#"value="ftp://x""#), "input kept");
    let (status, locatie) = stuur(
        &app,
        &coby,
        "/beheer/diensten",
        &[
            ("actie", "bewaar"),
            ("naam", "Huis van het Kind"),
            ("waarvoor", "opvoedingsvragen"),
            ("telefoon", "053 00 00 00"),
        ],
    )
    .await;
    assert_eq!((status, locatie.as_str()), (StatusCode::SEE_OTHER, "/beheer/diensten"));
    let (status, _) = stuur(&app, &coby, "/beheer/diensten", &[("actie", "deactiveer"), ("id", "gba")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = pagina(&app, &coby, "/beheer/diensten").await;
    assert!(html.contains("Huis van het Kind") && html.contains("niet actief"));
    // A case worker may not change the list.
    let (status, _) = stuur(&app, &els, "/beheer/diensten", &[("actie", "deactiveer"), ("id", "vk")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, html) = stuur(
        &app,
        &coby,
        "/beheer/termijnen",
        &[
            ("actie", "bewaar"),
            ("zaaksoort", "melding"),
            ("categorie", "voeding"),
            ("ontvangst", "0"),
            ("uitkomst_dagen", "30"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains(r#"id="fout-termijn-ontvangst""#) && html.contains("Geef een aantal dagen van 1 tot 60."));
    assert!(html.contains(r#"value="30""#), "input kept");
    let (status, _) = stuur(
        &app,
        &coby,
        "/beheer/termijnen",
        &[
            ("actie", "bewaar"),
            ("zaaksoort", "melding"),
            ("categorie", "voeding"),
            ("ontvangst", "3"),
            ("ontvangst_eenheid", "werkdagen"),
            ("uitkomst_dagen", "30"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = pagina(&app, &coby, "/beheer/termijnen").await;
    assert!(html.contains("3 werkdagen") && html.contains("30 dagen"));
    let (status, html) =
        stuur(&app, &coby, "/beheer/termijnen", &[("actie", "verwijder"), ("sleutel", "melding_alle")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("De regel voor alle onderwerpen blijft bestaan"));
    // The new melding about food gets 30 days for the outcome.
    let referentie = nieuwe_melding(&app).await;
    let html = pagina(&app, &els, &format!("/meldingen/{referentie}")).await;
    let vervalt = (app::tijd::vandaag(chrono::Utc::now()) + chrono::Days::new(30)).format("%d/%m/%Y").to_string();
    assert!(html.contains(&vervalt), "outcome due {vervalt}");
}
