//! The access matrix: every server function and every staff route, called as an anonymous
//! visitor, as each role, and as a user of the right role without access to that object.
//! A server function that is registered but missing from `REGELS` makes the test fail.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::Rol;
use axum::http::{Method, StatusCode};
use common::*;
use tower::ServiceExt;

/// Who may call an entry. `Object` entries also need the object to be theirs.
#[derive(Clone, Copy, Debug)]
enum Mag {
    Iedereen,
    Rollen(&'static [Rol]),
}

struct Regel {
    naam: &'static str,
    methode: Method,
    /// `{ref}` and `{advies}` are filled in with the test's melding and advice request.
    pad: &'static str,
    body: &'static str,
    mag: Mag,
    /// Registered server-function path, for the completeness check.
    server_fn: Option<&'static str>,
}

const CASEWERK: &[Rol] = &[Rol::Casewerker, Rol::KlantenbeheerderKinderopvang, Rol::Coordinator];
const EXPERT: &[Rol] = &[Rol::Expert];
const LEZERS: &[Rol] = app::kennisbank::LEZERS;
const KENNIS: &[Rol] = &[Rol::Kennisbeheerder];
const COORD: &[Rol] = &[Rol::Coordinator];
const BEHEER: &[Rol] = &[Rol::Beheerder];
const SJABLONEN: &[Rol] = app::sjablonen::BEHEERDERS;
const DOSSIERS: &[Rol] = app::handhaving::model::SCHRIJVERS;
const IEDERE_ROL: &[Rol] = Rol::ALLE;

fn regels() -> Vec<Regel> {
    use Mag::*;
    let r = |naam, methode, pad, body, mag, server_fn| Regel { naam, methode, pad, body, mag, server_fn };
    vec![
        r("sf werkbak", Method::POST, "/api/werkbak", "query=weergave%3Dalle", Rollen(CASEWERK), Some("/api/werkbak")),
        r("sf melding", Method::POST, "/api/melding", "referentie={ref}", Rollen(CASEWERK), Some("/api/melding")),
        r("sf zoek_locaties", Method::GET, "/api/zoek_locaties?q=aalst", "", Iedereen, Some("/api/zoek_locaties")),
        r(
            "sf mijn_adviesvragen",
            Method::POST,
            "/api/mijn_adviesvragen",
            "",
            Rollen(EXPERT),
            Some("/api/mijn_adviesvragen"),
        ),
        r(
            "sf open_adviesvraag",
            Method::POST,
            "/api/open_adviesvraag",
            "id={advies}",
            Rollen(EXPERT),
            Some("/api/open_adviesvraag"),
        ),
        r("sf organisator", Method::POST, "/api/organisator", "id={org}", Rollen(CASEWERK), Some("/api/organisator")),
        r("sf locatie", Method::POST, "/api/locatie", "id={loc}", Rollen(CASEWERK), Some("/api/locatie")),
        r("pagina organisator", Method::GET, "/organisatoren/{org}", "", Rollen(CASEWERK), None),
        r("pagina locatie", Method::GET, "/locaties/{loc}", "", Rollen(CASEWERK), None),
        r(
            "sf kennis_pagina (staff)",
            Method::POST,
            "/api/kennis_pagina",
            "slug=schorsing-vergunning&waar=kennisbank",
            Rollen(LEZERS),
            Some("/api/kennis_pagina"),
        ),
        r(
            "sf kennis_pagina (public)",
            Method::POST,
            "/api/kennis_pagina",
            "slug=wat-betekent-een-schorsing&waar=faq",
            Iedereen,
            Some("/api/kennis_pagina"),
        ),
        r(
            "sf kennis_index (staff)",
            Method::POST,
            "/api/kennis_index",
            "publiek=false",
            Rollen(LEZERS),
            Some("/api/kennis_index"),
        ),
        r(
            "sf kennis_index (public)",
            Method::POST,
            "/api/kennis_index",
            "publiek=true",
            Iedereen,
            Some("/api/kennis_index"),
        ),
        r(
            "sf kennis_zoeken",
            Method::POST,
            "/api/kennis_zoeken",
            "filter[q]=schorsing&filter[alleen_publiek]=false",
            Iedereen,
            Some("/api/kennis_zoeken"),
        ),
        r(
            "sf kennis_bewerken",
            Method::POST,
            "/api/kennis_bewerken",
            "slug=schorsing-vergunning",
            Rollen(KENNIS),
            Some("/api/kennis_bewerken"),
        ),
        r(
            "sf kennis_revisies",
            Method::POST,
            "/api/kennis_revisies",
            "slug=schorsing-vergunning",
            Rollen(LEZERS),
            Some("/api/kennis_revisies"),
        ),
        r(
            "sf kennis_suggesties",
            Method::GET,
            "/api/kennis_suggesties?q=schors",
            "",
            Iedereen,
            Some("/api/kennis_suggesties"),
        ),
        r(
            "sf kennis_voorbeeld",
            Method::POST,
            "/api/kennis_voorbeeld",
            "inhoud=Tekst",
            Rollen(KENNIS),
            Some("/api/kennis_voorbeeld"),
        ),
        r(
            "sf kennis_revisie",
            Method::POST,
            "/api/kennis_revisie",
            "slug=schorsing-vergunning&nummer=1",
            Rollen(LEZERS),
            Some("/api/kennis_revisie"),
        ),
        r(
            "sf citaten",
            Method::POST,
            "/api/citaten",
            "referentie={ref}&zoek=schorsing",
            Rollen(CASEWERK),
            Some("/api/citaten"),
        ),
        r("pagina revisie", Method::GET, "/kennisbank/schorsing-vergunning/revisie/1", "", Rollen(LEZERS), None),
        r(
            "citeren",
            Method::POST,
            "/meldingen/{ref}/citeren",
            "slug=schorsing-vergunning&revisie=1&toelichting=",
            Rollen(CASEWERK),
            None,
        ),
        r("pagina kennisbank", Method::GET, "/kennisbank", "", Rollen(LEZERS), None),
        r("pagina kennisbankpagina", Method::GET, "/kennisbank/schorsing-vergunning", "", Rollen(LEZERS), None),
        r("pagina bewerken", Method::GET, "/kennisbank/schorsing-vergunning/bewerken", "", Rollen(KENNIS), None),
        r("pagina revisies", Method::GET, "/kennisbank/schorsing-vergunning/revisies", "", Rollen(LEZERS), None),
        r(
            "kennisbank voorbeeld",
            Method::POST,
            "/kennisbank/schorsing-vergunning/bewerken",
            "actie=voorbeeld",
            Rollen(KENNIS),
            None,
        ),
        r(
            "kennisbank publiceren",
            Method::POST,
            "/kennisbank/schorsing-vergunning/publiceren",
            "",
            Rollen(KENNIS),
            None,
        ),
        r("sf sjablonen", Method::POST, "/api/sjablonen", "", Rollen(SJABLONEN), Some("/api/sjablonen")),
        r(
            "sf sjabloon",
            Method::POST,
            "/api/sjabloon",
            "slug=doorverwijzing",
            Rollen(SJABLONEN),
            Some("/api/sjabloon"),
        ),
        r(
            "sf sjabloon_bewerken",
            Method::POST,
            "/api/sjabloon_bewerken",
            "slug=doorverwijzing",
            Rollen(SJABLONEN),
            Some("/api/sjabloon_bewerken"),
        ),
        r("sf sjabloon_nieuw", Method::POST, "/api/sjabloon_nieuw", "", Rollen(SJABLONEN), Some("/api/sjabloon_nieuw")),
        r("pagina sjablonen", Method::GET, "/sjablonen", "", Rollen(SJABLONEN), None),
        r("pagina sjabloon nieuw", Method::GET, "/sjablonen/nieuw", "", Rollen(SJABLONEN), None),
        r("sjabloon nieuw voorbeeld", Method::POST, "/sjablonen/nieuw", "actie=voorbeeld", Rollen(SJABLONEN), None),
        r("pagina sjabloon", Method::GET, "/sjablonen/doorverwijzing", "", Rollen(SJABLONEN), None),
        r("pagina sjabloon bewerken", Method::GET, "/sjablonen/doorverwijzing/bewerken", "", Rollen(SJABLONEN), None),
        r(
            "sjabloon voorbeeld",
            Method::POST,
            "/sjablonen/doorverwijzing/bewerken",
            "actie=voorbeeld",
            Rollen(SJABLONEN),
            None,
        ),
        r("sf jargon", Method::POST, "/api/jargon", "", Rollen(SJABLONEN), Some("/api/jargon")),
        r("pagina jargon", Method::GET, "/sjablonen/jargon", "", Rollen(SJABLONEN), None),
        r("jargon bewaren", Method::POST, "/sjablonen/jargon", "actie=bewaar&woord=", Rollen(COORD), None),
        r("jargon verwijderen", Method::POST, "/sjablonen/jargon", "actie=verwijder&woord=x", Rollen(COORD), None),
        r("sf schrijven", Method::POST, "/api/schrijven", "referentie={ref}", Rollen(CASEWERK), Some("/api/schrijven")),
        r("sf bericht", Method::POST, "/api/bericht", "id={bericht}", Rollen(CASEWERK), Some("/api/bericht")),
        r(
            "sf bericht_voorbeeld",
            Method::POST,
            "/api/bericht_voorbeeld",
            "inhoud=Beste",
            Rollen(CASEWERK),
            Some("/api/bericht_voorbeeld"),
        ),
        r("sf nazicht", Method::POST, "/api/nazicht", "", Rollen(COORD), Some("/api/nazicht")),
        r("sf uitgaand", Method::POST, "/api/uitgaand", "", Rollen(COORD), Some("/api/uitgaand")),
        r("pagina schrijven", Method::GET, "/meldingen/{ref}/schrijven?sjabloon=doorverwijzing", "", Rollen(CASEWERK), None),
        r("pagina bericht", Method::GET, "/berichten/{bericht}", "", Rollen(CASEWERK), None),
        r("pagina nazicht", Method::GET, "/nazicht", "", Rollen(COORD), None),
        r("pagina uitgaand", Method::GET, "/uitgaand", "", Rollen(COORD), None),
        r("bericht voorbeeld", Method::POST, "/meldingen/{ref}/schrijven", "actie=voorbeeld", Rollen(CASEWERK), None),
        r("bericht nazien", Method::POST, "/berichten/{bericht}/nazicht", "actie=terugsturen&opmerking=", Rollen(COORD), None),
        r("bericht uitgaand", Method::POST, "/berichten/{bericht}/uitgaand", "actie=opnieuw", Rollen(COORD), None),
        r("brieven gepost", Method::POST, "/uitgaand/brieven", "actie=gepost&brieven={bericht}", Rollen(COORD), None),
        r("brieven afdrukken", Method::POST, "/uitgaand/brieven", "actie=pdf&brieven={bericht}", Rollen(COORD), None),
        r("pagina faq", Method::GET, "/faq", "", Iedereen, None),
        r("sf register", Method::POST, "/api/register", "zoek=", Iedereen, Some("/api/register")),
        r("pagina handhaving", Method::GET, "/handhaving?zoek=Gent", "", Iedereen, None),
        r("sf dossiers", Method::POST, "/api/dossiers", "", Rollen(CASEWERK), Some("/api/dossiers")),
        r("sf dossier", Method::POST, "/api/dossier", "id=bestaatniet", Rollen(CASEWERK), Some("/api/dossier")),
        r("pagina dossiers", Method::GET, "/handhaving/dossiers", "", Rollen(CASEWERK), None),
        r("dossier openen", Method::POST, "/handhaving/dossiers", "locatie=", Rollen(DOSSIERS), None),
        r("dossier stap", Method::POST, "/handhaving/dossiers/bestaatniet/stappen", "soort=", Rollen(DOSSIERS), None),
        r("pagina zoeken", Method::GET, "/zoeken?q=schorsign", "", Iedereen, None),
        r("pagina werkbak", Method::GET, "/werkbak", "", Rollen(CASEWERK), None),
        r("pagina melding", Method::GET, "/meldingen/{ref}", "", Rollen(CASEWERK), None),
        r("pagina adviesvragen", Method::GET, "/advies", "", Rollen(EXPERT), None),
        r("pagina adviesvraag", Method::GET, "/advies/{advies}", "", Rollen(EXPERT), None),
        r(
            "stap",
            Method::POST,
            "/meldingen/{ref}/stap",
            "handeling=verleng&versie=1&dagen=0&reden=x",
            Rollen(CASEWERK),
            None,
        ),
        r("tijdlijn", Method::POST, "/meldingen/{ref}/tijdlijn", "soort=notitie&tekst=", Rollen(CASEWERK), None),
        r("advies vragen", Method::POST, "/meldingen/{ref}/advies", "aan=", Rollen(CASEWERK), None),
        r("advies beantwoorden", Method::POST, "/advies/{advies}/antwoord", "antwoord=", Rollen(EXPERT), None),
        r("sf analyse", Method::POST, "/api/analyse", "referentie={ref}", Rollen(CASEWERK), Some("/api/analyse")),
        r("sf dienstkeuze", Method::POST, "/api/dienstkeuze", "", Rollen(CASEWERK), Some("/api/dienstkeuze")),
        r("sf beheer_diensten", Method::POST, "/api/beheer_diensten", "", Rollen(COORD), Some("/api/beheer_diensten")),
        r(
            "sf beheer_termijnen",
            Method::POST,
            "/api/beheer_termijnen",
            "",
            Rollen(COORD),
            Some("/api/beheer_termijnen"),
        ),
        r("pagina beheer diensten", Method::GET, "/beheer/diensten", "", Rollen(COORD), None),
        r("pagina beheer termijnen", Method::GET, "/beheer/termijnen", "", Rollen(COORD), None),
        r("beheer diensten", Method::POST, "/beheer/diensten", "actie=bewaar&naam=", Rollen(COORD), None),
        r("beheer termijnen", Method::POST, "/beheer/termijnen", "actie=bewaar&ontvangst=0", Rollen(COORD), None),
        r("analysepunt", Method::POST, "/meldingen/{ref}/analyse", "versie=1&punt=", Rollen(CASEWERK), None),
        r("opvolgactie", Method::POST, "/meldingen/{ref}/opvolging", "soort=", Rollen(CASEWERK), None),
        r("medebehandelaar", Method::POST, "/meldingen/{ref}/medebehandelaar", "versie=1&aan=", Rollen(CASEWERK), None),
        r(
            "sf auditlog",
            Method::POST,
            "/api/auditlog",
            "query=object%3DM-2026-00001",
            Rollen(COORD),
            Some("/api/auditlog"),
        ),
        r("pagina auditlog", Method::GET, "/audit?actie=bekijken", "", Rollen(COORD), None),
        r("auditlog csv", Method::GET, "/audit.csv?actie=bekijken", "", Rollen(COORD), None),
        r(
            "sf documenten",
            Method::POST,
            "/api/documenten",
            "referentie={ref}",
            Rollen(CASEWERK),
            Some("/api/documenten"),
        ),
        r(
            "sf advies_documenten",
            Method::POST,
            "/api/advies_documenten",
            "id={advies}",
            Rollen(EXPERT),
            Some("/api/advies_documenten"),
        ),
        r(
            "sf koppelingen_van",
            Method::POST,
            "/api/koppelingen",
            "referentie={ref}",
            Rollen(CASEWERK),
            Some("/api/koppelingen"),
        ),
        // A plain form post without a file: allowed roles get 422 ("Kies een bestand").
        r("document toevoegen", Method::POST, "/meldingen/{ref}/documenten", "bestand=", Rollen(CASEWERK), None),
        r("document downloaden", Method::GET, "/meldingen/{ref}/documenten/{doc}", "", Rollen(CASEWERK), None),
        r("adviesdocument toevoegen", Method::POST, "/advies/{advies}/documenten", "bestand=", Rollen(EXPERT), None),
        r(
            "adviesdocument downloaden",
            Method::GET,
            "/advies/{advies}/documenten/{adviesdoc}",
            "",
            Rollen(EXPERT),
            None,
        ),
        r("koppelen", Method::POST, "/meldingen/{ref}/koppelingen", "met=M-1&actie=koppel", Rollen(CASEWERK), None),
        // Own account and second factor: every logged-in staff member.
        r(
            "sf mijn_tweede_factor",
            Method::POST,
            "/api/mijn_tweede_factor",
            "",
            Rollen(IEDERE_ROL),
            Some("/api/mijn_tweede_factor"),
        ),
        r("pagina account", Method::GET, "/account", "", Rollen(IEDERE_ROL), None),
        r("pagina tweede factor", Method::GET, "/account/tweede-factor", "", Rollen(IEDERE_ROL), None),
        r("eigen wachtwoord", Method::POST, "/account/wachtwoord", "huidig=&nieuw=", Rollen(IEDERE_ROL), None),
        r("tweede factor beginnen", Method::POST, "/account/tweede-factor/begin", "", Rollen(IEDERE_ROL), None),
        r(
            "tweede factor bevestigen",
            Method::POST,
            "/account/tweede-factor/bevestigen",
            "code=",
            Rollen(IEDERE_ROL),
            None,
        ),
        // Account administration: admins only.
        r("sf beheer_accounts", Method::POST, "/api/beheer_accounts", "", Rollen(BEHEER), Some("/api/beheer_accounts")),
        r(
            "sf beheer_account",
            Method::POST,
            "/api/beheer_account",
            "id={account}",
            Rollen(BEHEER),
            Some("/api/beheer_account"),
        ),
        r("pagina accounts", Method::GET, "/beheer/accounts", "", Rollen(BEHEER), None),
        r("pagina account beheren", Method::GET, "/beheer/accounts/{account}", "", Rollen(BEHEER), None),
        r("account toevoegen", Method::POST, "/beheer/accounts", "naam=", Rollen(BEHEER), None),
        r("tweede factor verplichten", Method::POST, "/beheer/tweede-factor", "", Rollen(BEHEER), None),
        r("rollen wijzigen", Method::POST, "/beheer/accounts/{account}/rollen", "", Rollen(BEHEER), None),
        r("account inschakelen", Method::POST, "/beheer/accounts/{account}/actief", "actief=ja", Rollen(BEHEER), None),
        r(
            "wachtwoord instellen",
            Method::POST,
            "/beheer/accounts/{account}/wachtwoord",
            "wachtwoord=kort",
            Rollen(BEHEER),
            None,
        ),
        r("tweede factor wissen", Method::POST, "/beheer/accounts/{account}/tweede-factor", "", Rollen(BEHEER), None),
    ]
}

/// Refused: 401 or 403, a redirect to the login page, or a page (GET) that sends you elsewhere
/// (an expert asking for the werkbak goes to their advice requests). Allowed is anything else
/// except a 5xx, which always fails the test.
fn is_geweigerd(methode: &Method, status: StatusCode, locatie: Option<&str>) -> bool {
    status == StatusCode::UNAUTHORIZED
        || status == StatusCode::FORBIDDEN
        || (status.is_redirection() && (locatie.is_some_and(|l| l.starts_with("/login")) || methode == Method::GET))
}

#[tokio::test]
async fn every_server_function_and_staff_route_checks_the_role() {
    let (app, db) = app().await;
    // One account per role (els, from the set-up, is the casewerker).
    let rollen = [
        (Rol::Casewerker, "els@meldpunt.test"),
        (Rol::KlantenbeheerderKinderopvang, "kb@meldpunt.test"),
        (Rol::Expert, "jurist@meldpunt.test"),
        (Rol::Coordinator, "coord@meldpunt.test"),
        (Rol::Kennisbeheerder, "kennis@meldpunt.test"),
        (Rol::Beheerder, "beheer@meldpunt.test"),
    ];
    for (rol, email) in &rollen[1..] {
        account(&db, email, email, &[*rol]).await;
    }
    account(&db, "arts@meldpunt.test", "Arts", &[Rol::Expert]).await;
    account(&db, "kb2@meldpunt.test", "Ander", &[Rol::KlantenbeheerderKinderopvang]).await;
    // The account the admin routes act on (nobody logs in with it).
    let doel = account(&db, "doel@meldpunt.test", "Doel", &[Rol::Casewerker]).await;
    app::advies::service::zet_discipline(&db, "jurist@meldpunt.test", app::advies::model::Discipline::Jurist)
        .await
        .unwrap();
    app::advies::service::zet_discipline(&db, "arts@meldpunt.test", app::advies::model::Discipline::Arts)
        .await
        .unwrap();

    // A melding and an advice request addressed to the jurists.
    let referentie: String = db
        .query("SELECT VALUE referentie FROM melding WHERE locatie != NONE ORDER BY referentie LIMIT 1")
        .await
        .unwrap()
        .take::<Vec<String>>(0)
        .unwrap()
        .remove(0);
    let els = app::auth::model::Gebruiker {
        id: db
            .query("SELECT VALUE record::id(id) FROM ONLY gebruiker WHERE email = 'els@meldpunt.test' LIMIT 1")
            .await
            .unwrap()
            .take::<Option<String>>(0)
            .unwrap()
            .unwrap(),
        email: "els@meldpunt.test".into(),
        naam: "Els".into(),
        rollen: vec![Rol::Casewerker],
    };
    let nieuw = app::advies::model::NieuweAdviesvraag {
        aan: app::advies::model::Geadresseerde::Discipline(app::advies::model::Discipline::Jurist),
        vraag: app::behandeling::model::Reden::parse("Mag dit?").unwrap(),
        vervalt: chrono::Utc::now().date_naive() + chrono::Days::new(5),
        deel_omschrijving: false,
        deel_locatie: false,
        deel_melder: false,
    };
    let r = app::zaak::model::Referentie::parse(&referentie).unwrap();
    // kb@ manages the organiser this melding is about; kb2@ manages none.
    db.query(
        "UPDATE (SELECT VALUE locatie.organisator FROM ONLY type::record('melding', $r))
         SET accountbeheerder = (SELECT VALUE id FROM ONLY gebruiker WHERE email = 'kb@meldpunt.test' LIMIT 1)",
    )
    .bind(("r", referentie.clone()))
    .await
    .unwrap()
    .check()
    .unwrap();
    app::advies::service::vraag(&db, &els, &r, nieuw, chrono::Utc::now()).await.unwrap();
    let advies: String = db
        .query("SELECT VALUE record::id(id) FROM adviesvraag")
        .await
        .unwrap()
        .take::<Vec<String>>(0)
        .unwrap()
        .remove(0);

    let mut cookies = vec![(None, String::new())];
    for (rol, email) in rollen {
        cookies.push((Some(rol), inloggen(&app, email).await));
    }
    let arts = inloggen(&app, "arts@meldpunt.test").await;
    // The location and organiser of that melding (kb@'s organiser).
    let (loc, org): (String, String) = {
        let mut r = db
            .query("SELECT VALUE [record::id(locatie), record::id(locatie.organisator)] FROM ONLY type::record('melding', $r)")
            .bind(("r", referentie.clone()))
            .await
            .unwrap();
        let paar: Vec<String> = r.take(0).unwrap();
        assert_eq!(paar.len(), 2, "{paar:?}");
        (paar[0].clone(), paar[1].clone())
    };
    let kb2 = inloggen(&app, "kb2@meldpunt.test").await;
    // A document on the case (by the case worker) and one on the advice request (by the jurist).
    let pdf = b"%PDF-1.7\n%%EOF\n";
    let els_cookie = cookies[1].1.clone();
    let jurist_cookie = cookies[3].1.clone();
    let resp = app
        .clone()
        .oneshot(met(upload(&format!("/meldingen/{referentie}/documenten"), "a.pdf", pdf, true), &els_cookie))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let resp = app
        .clone()
        .oneshot(met(upload(&format!("/advies/{advies}/documenten"), "b.pdf", pdf, true), &jurist_cookie))
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let doc: String = db
        .query("SELECT VALUE record::id(id) FROM document WHERE adviesvraag = NONE")
        .await
        .unwrap()
        .take::<Vec<String>>(0)
        .unwrap()
        .remove(0);
    let adviesdoc: String = db
        .query("SELECT VALUE record::id(id) FROM document WHERE adviesvraag != NONE")
        .await
        .unwrap()
        .take::<Vec<String>>(0)
        .unwrap()
        .remove(0);

    // A message on that case, written by els, waiting for review.
    app::sjablonen::service::importeer_als_leeg(&db, std::path::Path::new("../content")).await.unwrap().unwrap();
    let opstel = app::berichten::opstel::Opstel {
        kanaal: app::berichten::model::BerichtKanaal::Email,
        postadres: Vec::new(),
        sjabloon: "terugkoppeling-melding".into(),
        revisie: 1,
        aan: vec![app::berichten::repo::OntvangerDb { naam: None, email: "ouder@example.be".into() }],
        onderwerp: "Het resultaat".into(),
        inhoud: "Beste ouder".into(),
        bijlagen: vec![],
    };
    let afzender = app::berichten::service::Afzender::default();
    let bestanden = app::gemeen::opslag::Bestanden::new(std::env::temp_dir().join("meldpunt-toegang-test"));
    app::berichten::service::verstuur(&db, &bestanden, &afzender, &els, &referentie, &opstel, chrono::Utc::now())
        .await
        .unwrap();
    let bericht: String =
        db.query("SELECT VALUE record::id(id) FROM bericht").await.unwrap().take::<Vec<String>>(0).unwrap().remove(0);

    let mut fouten = Vec::new();
    let mut gecontroleerd = 0;
    for regel in regels() {
        let vul = |s: &str| {
            s.replace("{ref}", &referentie)
                .replace("{advies}", &advies)
                .replace("{org}", &org)
                .replace("{loc}", &loc)
                .replace("{adviesdoc}", &adviesdoc)
                .replace("{doc}", &doc)
                .replace("{account}", &doel)
                .replace("{bericht}", &bericht)
        };
        let (pad, body) = (vul(regel.pad), vul(regel.body));
        for (rol, cookie) in &cookies {
            let req = if regel.methode == Method::GET { get(&pad) } else { post(&pad, &body) };
            let req = if cookie.is_empty() { req } else { met(req, cookie) };
            let resp = app.clone().oneshot(req).await.unwrap();
            let status = resp.status();
            let locatie = resp.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_string);
            let mag = match (regel.mag, rol) {
                (Mag::Iedereen, _) => true,
                (Mag::Rollen(_), None) => false,
                (Mag::Rollen(rollen), Some(r)) => rollen.contains(r),
            };
            let geweigerd = is_geweigerd(&regel.methode, status, locatie.as_deref());
            gecontroleerd += 1;
            if status.is_server_error() || mag == geweigerd {
                fouten.push(format!(
                    "{} as {rol:?}: {status} {locatie:?} (should be {})",
                    regel.naam,
                    if mag { "allowed" } else { "refused" }
                ));
            }
        }
        // The right role, but not their object: an account manager of another organiser (for a
        // case, an organiser or a location).
        let object = ["{ref}", "{org}", "{loc}", "{bericht}"];
        let voor_accountbeheer = matches!(regel.mag, Mag::Rollen(r) if r.contains(&Rol::KlantenbeheerderKinderopvang));
        if voor_accountbeheer && object.iter().any(|o| regel.pad.contains(o) || regel.body.contains(o)) {
            let req = if regel.methode == Method::GET { get(&pad) } else { post(&pad, &body) };
            let resp = app.clone().oneshot(met(req, &kb2)).await.unwrap();
            gecontroleerd += 1;
            if resp.status() != StatusCode::NOT_FOUND {
                fouten.push(format!("{} as another account manager: {} (should be 404)", regel.naam, resp.status()));
            }
        }
        // The right role, but not their object: an expert of another discipline.
        if regel.pad.contains("{advies}") || regel.body.contains("{advies}") {
            let req = if regel.methode == Method::GET {
                get(&pad)
            } else {
                post(&pad, &body.replace("antwoord=", "antwoord=Nee"))
            };
            let resp = app.clone().oneshot(met(req, &arts)).await.unwrap();
            gecontroleerd += 1;
            if resp.status() != StatusCode::NOT_FOUND {
                fouten.push(format!("{} as another expert: {} (should be 404)", regel.naam, resp.status()));
            }
        }
    }
    assert!(fouten.is_empty(), "{} of {gecontroleerd} checks failed:\n{}", fouten.len(), fouten.join("\n"));
    println!("access matrix: {gecontroleerd} checks over {} entries and {} callers", regels().len(), cookies.len());

    // Every registered server function is in the table.
    let bekend: Vec<&str> = regels().iter().filter_map(|r| r.server_fn).collect();
    let ontbrekend: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, _)| p.to_string())
        .filter(|p| !bekend.contains(&p.as_str()))
        .collect();
    assert!(ontbrekend.is_empty(), "server functions without an entry in the access matrix: {ontbrekend:?}");
}
