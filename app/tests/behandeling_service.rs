//! Case handling against a real (in-memory) SurrealDB: steps, refusals, versions, pauses,
//! notes and corrections.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::auth::model::{Gebruiker, Rol, Wachtwoord};
use app::behandeling::model::*;
use app::behandeling::service::{BehandelFout, noteer, voer_uit};
use app::behandeling::tijdlijn::{ContactKanaal, Notitie, Partij, Richting};
use app::gemeen::Db;
use app::gemeen::GebruikersFout as _;
use app::gemeen::tijdlijn::Tijdlijnsoort;
use app::meldingen::intake::{Indiening, dien_in};
use app::meldingen::service::detail;
use app::zaak::model::{Beoordeling, Referentie, Status};
use chrono::{TimeDelta, Utc};

async fn medewerker(db: &Db, email: &str, rol: Rol) -> Gebruiker {
    let id =
        app::auth::service::voeg_gebruiker_toe(db, email, email, &[rol], Wachtwoord::new("lang genoeg wachtwoord"))
            .await
            .unwrap();
    Gebruiker { id, email: email.into(), naam: email.into(), rollen: vec![rol] }
}

async fn melding(db: &Db) -> Referentie {
    let f = common::formulier("L0007", "De kinderen speelden buiten zonder toezicht van een begeleider.");
    let Indiening::Ontvangen(b) = dien_in(db, &f, Utc::now()).await.unwrap() else { panic!("refused") };
    b.referentie
}

fn reden(s: &str) -> Reden {
    Reden::parse(s).unwrap()
}

#[tokio::test]
async fn a_case_goes_from_intake_to_closed_with_every_step_on_the_timeline() {
    let db = common::db_met_demo(0).await;
    let els = medewerker(&db, "els@meldpunt.test", Rol::Casewerker).await;
    let r = melding(&db).await;
    let nu = Utc::now();
    let mut v = detail(&db, &r).await.unwrap().unwrap().versie;
    // Taking up an unassigned case assigns it to the one who takes it up.
    v = voer_uit(&db, &els, r.as_str(), v, Handeling::InBehandeling { bevestiging: Bevestiging::Email }, nu)
        .await
        .unwrap();
    let wacht = Handeling::WachtOpInfo { van: Wachtende::Melder, reden: reden("Welke dag precies?") };
    v = voer_uit(&db, &els, r.as_str(), v, wacht, nu).await.unwrap();
    let d = detail(&db, &r).await.unwrap().unwrap();
    assert_eq!(d.status, Status::WachtOpInfo);
    assert!(d.termijnen[1].gepauzeerd);
    v = voer_uit(
        &db,
        &els,
        r.as_str(),
        v,
        Handeling::Hervat { toelichting: reden("Melder belde terug.") },
        nu + TimeDelta::days(3),
    )
    .await
    .unwrap();
    let c = Handeling::Concludeer { beoordeling: Beoordeling::DeelsGegrond, tekst: reden("Toezicht ontbrak kort.") };
    v = voer_uit(&db, &els, r.as_str(), v, c, nu).await.unwrap();
    voer_uit(&db, &els, r.as_str(), v, Handeling::Sluit { uitkomst: Uitkomst::Verstuurd(Bevestiging::Brief) }, nu)
        .await
        .unwrap();
    let d = detail(&db, &r).await.unwrap().unwrap();
    assert_eq!(d.status, Status::Afgesloten);
    assert_eq!(d.behandelaar.as_ref().map(|b| b.1.as_str()), Some("els@meldpunt.test"));
    assert_eq!(d.zaak.conclusie, Some(Beoordeling::DeelsGegrond));
    // The outcome reads back as itself (migration 0017), not as the sentence the page shows.
    assert_eq!(d.zaak.uitkomst, Some(Uitkomst::Verstuurd(Bevestiging::Brief)));
    assert_eq!(d.termijnen.len(), 2, "acknowledgement and outcome: {:?}", d.termijnen);
    assert!(d.termijnen.iter().all(|t| t.voldaan));
    let teksten: Vec<&str> = d.tijdlijn.iter().map(|t| t.tekst.as_str()).collect();
    assert!(teksten.iter().any(|t| t.starts_with("Toegewezen aan els@meldpunt.test")));
    assert!(teksten.iter().any(|t| t.contains("Wacht op de melder")));
    assert!(teksten.iter().any(|t| t.contains("Uitkomst aan de melder verstuurd per brief")));
    let statusregels: Vec<_> = d.tijdlijn.iter().filter(|t| t.soort == Tijdlijnsoort::Status).collect();
    assert!(statusregels.len() >= 4, "every step is a status entry: {statusregels:?}");
    assert!(statusregels.iter().all(|t| t.door == "els@meldpunt.test"));
    // Three days of pause moved the outcome deadline by three days.
    let pauze: i64 = db
        .query("SELECT VALUE pauze_dagen FROM ONLY type::record('melding', $r)")
        .bind(("r", r.to_string()))
        .await
        .unwrap()
        .take::<Option<i64>>(0)
        .unwrap()
        .unwrap();
    assert_eq!(pauze, 3);
}

#[tokio::test]
async fn a_refused_step_writes_nothing() {
    let db = common::db_met_demo(0).await;
    let els = medewerker(&db, "els@meldpunt.test", Rol::Casewerker).await;
    let r = melding(&db).await;
    let v = detail(&db, &r).await.unwrap().unwrap().versie;
    let sluit = Handeling::Sluit { uitkomst: Uitkomst::Verstuurd(Bevestiging::Email) };
    let e = voer_uit(&db, &els, r.as_str(), v, sluit, Utc::now()).await.unwrap_err();
    assert!(matches!(e, BehandelFout::Geweigerd(Weigering::NietInDezeStatus(..))));
    assert_eq!(e.bericht(), "‘Afsluiten’ kan niet bij een melding met status ‘Ontvangen’.");
    let d = detail(&db, &r).await.unwrap().unwrap();
    assert_eq!((d.versie, d.status, d.tijdlijn.len()), (v, Status::Ontvangen, 1));
    // The melder left a phone number: "not possible" is refused.
    let geen = Handeling::InBehandeling { bevestiging: Bevestiging::NietMogelijk };
    let e = voer_uit(&db, &els, r.as_str(), v, geen, Utc::now()).await.unwrap_err();
    assert!(matches!(e, BehandelFout::Geweigerd(Weigering::BevestigingMogelijk)));
    assert_eq!(detail(&db, &r).await.unwrap().unwrap().versie, v);
}

#[tokio::test]
async fn two_saves_on_one_version_one_wins_and_the_other_sees_what_changed() {
    let db = common::db_met_demo(0).await;
    let els = medewerker(&db, "els@meldpunt.test", Rol::Casewerker).await;
    let jan = medewerker(&db, "jan@meldpunt.test", Rol::Casewerker).await;
    let r = melding(&db).await;
    let v = detail(&db, &r).await.unwrap().unwrap().versie;
    let a = voer_uit(
        &db,
        &els,
        r.as_str(),
        v,
        Handeling::Onontvankelijk { reden: reden("Gaat over een school.") },
        Utc::now(),
    );
    let b =
        voer_uit(&db, &jan, r.as_str(), v, Handeling::InBehandeling { bevestiging: Bevestiging::Telefoon }, Utc::now());
    let (a, b) = tokio::join!(a, b);
    assert!(a.is_ok() != b.is_ok(), "exactly one of two saves on one version wins: {a:?} {b:?}");
    let verliezer = if a.is_ok() { b } else { a };
    let BehandelFout::Verouderd { wijzigingen, .. } = verliezer.unwrap_err() else { panic!("not a version refusal") };
    assert!(!wijzigingen.is_empty(), "the refused user sees what changed");
    let d = detail(&db, &r).await.unwrap().unwrap();
    assert_eq!(d.versie, v + 1);
    assert!(matches!(d.status, Status::Onontvankelijk | Status::InBehandeling));
}

#[tokio::test]
async fn only_a_coordinator_assigns_to_someone_else_and_reassigning_needs_a_reason() {
    let db = common::db_met_demo(0).await;
    let els = medewerker(&db, "els@meldpunt.test", Rol::Casewerker).await;
    let jan = medewerker(&db, "jan@meldpunt.test", Rol::Casewerker).await;
    let co = medewerker(&db, "co@meldpunt.test", Rol::Coordinator).await;
    let r = melding(&db).await;
    let v = detail(&db, &r).await.unwrap().unwrap().versie;
    let naar_jan = Handeling::Toewijzen { aan: jan.id.clone(), reden: None };
    let e = voer_uit(&db, &els, r.as_str(), v, naar_jan.clone(), Utc::now()).await.unwrap_err();
    assert!(matches!(e, BehandelFout::GeenToewijzingsrecht));
    let v = voer_uit(&db, &co, r.as_str(), v, naar_jan, Utc::now()).await.unwrap();
    let terug = Handeling::Toewijzen { aan: els.id.clone(), reden: None };
    let e = voer_uit(&db, &co, r.as_str(), v, terug, Utc::now()).await.unwrap_err();
    assert!(matches!(e, BehandelFout::Geweigerd(Weigering::RedenVoorHertoewijzing)));
    let met = Handeling::Toewijzen { aan: els.id.clone(), reden: Some(reden("Jan is met verlof.")) };
    voer_uit(&db, &co, r.as_str(), v, met, Utc::now()).await.unwrap();
    let d = detail(&db, &r).await.unwrap().unwrap();
    assert_eq!(d.behandelaar.map(|b| b.0), Some(els.id.clone()));
    assert!(d.tijdlijn.iter().any(|t| t.tekst == "Toegewezen aan els@meldpunt.test. Reden: Jan is met verlof."));
    let nobody = Handeling::Toewijzen { aan: "bestaat-niet".into(), reden: Some(reden("zomaar")) };
    let e = voer_uit(&db, &co, r.as_str(), d.versie, nobody, Utc::now()).await.unwrap_err();
    assert!(matches!(e, BehandelFout::OnbekendeBehandelaar(_)));
}

#[tokio::test]
async fn notes_contacts_and_corrections_are_appended_never_changed() {
    let db = common::db_met_demo(0).await;
    let els = medewerker(&db, "els@meldpunt.test", Rol::Casewerker).await;
    let r = melding(&db).await;
    let contact = Notitie::Contact {
        kanaal: ContactKanaal::Telefoon,
        richting: Richting::Uit,
        partij: Partij::Organisator,
        tekst: "Verantwoordelijke gebeld.".into(),
    };
    noteer(&db, &els, r.as_str(), contact, Utc::now()).await.unwrap();
    let d = detail(&db, &r).await.unwrap().unwrap();
    let regel = d.tijdlijn.iter().find(|t| t.soort == Tijdlijnsoort::Contact).unwrap().clone();
    assert_eq!(regel.contact.as_deref(), Some("Telefoon, uitgaand, met de organisator"));
    let correctie = Notitie::Correctie { van: regel.id.clone(), tekst: "Het was de directeur.".into() };
    noteer(&db, &els, r.as_str(), correctie, Utc::now()).await.unwrap();
    let d = detail(&db, &r).await.unwrap().unwrap();
    assert!(d.tijdlijn.iter().any(|t| t.corrigeert.as_deref() == Some(regel.id.as_str())));
    assert!(d.tijdlijn.iter().any(|t| t.tekst == "Verantwoordelijke gebeld."), "the original stays");
    // An entry of another case cannot be corrected from this one.
    let ander = melding(&db).await;
    let e =
        noteer(&db, &els, ander.as_str(), Notitie::Correctie { van: regel.id.clone(), tekst: "x".into() }, Utc::now())
            .await
            .unwrap_err();
    assert!(matches!(e, BehandelFout::OnbekendeRegel));
    // The database itself refuses to change or delete an entry.
    for (sql, waarom) in [
        ("UPDATE type::record('tijdlijn', $id) SET tekst = 'vervalst'", "timeline entries are read-only"),
        ("DELETE type::record('tijdlijn', $id)", "timeline entries cannot be deleted"),
    ] {
        let res = db.query(sql).bind(("id", regel.id.clone())).await.unwrap().check();
        assert!(res.is_err(), "{waarom}");
    }
    let d = detail(&db, &r).await.unwrap().unwrap();
    let nog = d.tijdlijn.iter().find(|t| t.id == regel.id).expect("the entry is still there");
    assert_eq!(nog.tekst, "Verantwoordelijke gebeld.");
}
