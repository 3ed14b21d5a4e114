//! Analysis per point, follow-up actions and co-handling against a real (in-memory) SurrealDB:
//! sources must belong to the same case, edits go through the version check and land on the
//! timeline, and a co-handling account manager sees the case in "mijn".
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

mod common;

use app::advies::model::{Discipline, Geadresseerde, NieuweAdviesvraag};
use app::analyse::dossier::dossier;
use app::analyse::model::{Bron, MedeInvoer, OpvolgInvoer, Opvolgsoort, PuntInvoer};
use app::analyse::service::{AnalyseFout, bewaar_punt, voeg_opvolging_toe, zet_medebehandelaar};
use app::auth::model::{Gebruiker, Rol};
use app::behandeling::model::Reden;
use app::behandeling::tijdlijn::Notitie;
use app::gemeen::Db;
use app::gemeen::GebruikersFout as _;
use app::gemeen::tijdlijn::Tijdlijnsoort;
use app::meldingen::intake::{Indiening, dien_in};
use app::meldingen::service::{detail, werkbak};
use app::zaak::model::{Beoordeling, Referentie};
use app::zaak::toegang::mag_zien;
use app::zaak::werkbak_filter::{Weergave, WerkbakFilter};
use chrono::{Duration, Utc};

async fn melding(db: &Db, locatie: &str) -> Referentie {
    let f = common::formulier(locatie, "De poort van de speelplaats stond open en niemand hield toezicht.");
    let Indiening::Ontvangen(b) = dien_in(db, &f, Utc::now()).await.unwrap() else { panic!("refused") };
    b.referentie
}

async fn versie(db: &Db, r: &Referentie) -> i64 {
    detail(db, r).await.unwrap().unwrap().versie
}

fn punt(tekst: &str, bronnen: Vec<Bron>, conclusie: Option<Beoordeling>) -> PuntInvoer {
    PuntInvoer {
        id: None,
        punt: tekst.into(),
        bevindingen: "Bevestigd door de verantwoordelijke.".into(),
        bronnen,
        conclusie,
    }
}

#[tokio::test]
async fn a_point_cites_only_sources_of_its_own_case_and_lands_on_the_timeline() {
    let db = common::db_met_demo(0).await;
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let jurist = common::account(&db, "jurist@meldpunt.test", &[Rol::Expert]).await;
    app::advies::service::zet_discipline(&db, "jurist@meldpunt.test", Discipline::Jurist).await.unwrap();
    let r = melding(&db, "L0007").await;
    let ander = melding(&db, "L0008").await;
    let nu = Utc::now();
    app::behandeling::service::noteer(
        &db,
        &els,
        r.as_str(),
        Notitie::Intern { tekst: "Organisator bevestigt.".into() },
        nu,
    )
    .await
    .unwrap();
    let notitie = detail(&db, &r)
        .await
        .unwrap()
        .unwrap()
        .tijdlijn
        .into_iter()
        .find(|t| t.soort == Tijdlijnsoort::Notitie)
        .unwrap();
    let vreemd = detail(&db, &ander).await.unwrap().unwrap().tijdlijn.remove(0);
    let nieuw = NieuweAdviesvraag {
        aan: Geadresseerde::Discipline(Discipline::Jurist),
        vraag: Reden::parse("Is de poort een inbreuk?").unwrap(),
        vervalt: (nu + Duration::days(5)).date_naive(),
        deel_omschrijving: true,
        deel_locatie: false,
        deel_melder: false,
    };
    app::advies::service::vraag(&db, &els, &r, nieuw.clone(), nu).await.unwrap();
    app::advies::service::vraag(&db, &els, &r, nieuw, nu).await.unwrap();
    let vragen = app::advies::service::van_melding(&db, r.as_str(), nu).await.unwrap();
    app::advies::service::beantwoord(&db, &jurist, &vragen[0].id, "Ja, artikel 12.", nu).await.unwrap();

    // Sources of another case, an unanswered advice request and an unknown document are refused;
    // nothing is written.
    let v = versie(&db, &r).await;
    for bron in [Bron::Tijdlijn(vreemd.id.clone()), Bron::Advies(vragen[1].id.clone()), Bron::Document("d1".into())] {
        let e = bewaar_punt(&db, &els, r.as_str(), v, punt("Poort", vec![bron.clone()], None), nu).await.unwrap_err();
        assert!(matches!(e, AnalyseFout::VreemdeBron(_)), "{bron:?}: {e:?}");
        assert_eq!(e.veld(), Some("bron"));
    }
    assert_eq!(versie(&db, &r).await, v);

    let bronnen = vec![Bron::Tijdlijn(notitie.id.clone()), Bron::Advies(vragen[0].id.clone())];
    let p1 =
        bewaar_punt(&db, &els, r.as_str(), v, punt("De poort stond open", bronnen, Some(Beoordeling::Gegrond)), nu)
            .await
            .unwrap();
    let v = versie(&db, &r).await;
    bewaar_punt(&db, &els, r.as_str(), v, punt("Er was geen toezicht", vec![], None), nu).await.unwrap();
    let d = dossier(&db, &els, r.as_str(), nu).await.unwrap();
    assert_eq!(d.punten.len(), 2);
    assert_eq!((d.punten[0].volgnummer, d.punten[1].volgnummer), (1, 2));
    assert_eq!(d.punten[0].conclusie, Some(Beoordeling::Gegrond));
    assert_eq!(d.punten[0].bronnen.len(), 2);
    assert!(d.punten[0].bronnen[0].label.contains("Organisator bevestigt."));
    assert_eq!(d.punten[0].bronnen[0].anker.as_deref(), Some(format!("#regel-{}", notitie.id).as_str()));
    assert!(d.punten[0].bronnen[1].label.contains("Ja, artikel 12."));
    assert!(d.bronkeuzes.iter().any(|(c, _)| c == &Bron::Advies(vragen[0].id.clone()).code()));
    assert!(!d.bronkeuzes.iter().any(|(c, _)| c == &Bron::Advies(vragen[1].id.clone()).code()), "unanswered");
    let tijdlijn = detail(&db, &r).await.unwrap().unwrap().tijdlijn;
    assert!(tijdlijn.iter().any(|t| t.soort == Tijdlijnsoort::Analyse
        && t.tekst.starts_with("Analysepunt 1 toegevoegd: “De poort stond open”. Conclusie: Gegrond.")));

    // A change based on an old version is refused with what changed; with the current one it is stored.
    let wijziging = PuntInvoer {
        id: Some(p1.clone()),
        conclusie: Some(Beoordeling::DeelsGegrond),
        ..punt("De poort", vec![], None)
    };
    let e = bewaar_punt(&db, &els, r.as_str(), v, wijziging.clone(), nu).await.unwrap_err();
    let AnalyseFout::Verouderd { wijzigingen, .. } = e else { panic!("not refused as stale: {e:?}") };
    assert!(wijzigingen.iter().any(|w| w.tekst.contains("Er was geen toezicht")));
    let v = versie(&db, &r).await;
    bewaar_punt(&db, &els, r.as_str(), v, wijziging, nu).await.unwrap();
    let d = dossier(&db, &els, r.as_str(), nu).await.unwrap();
    assert_eq!((d.punten[0].punt.as_str(), d.punten[0].conclusie), ("De poort", Some(Beoordeling::DeelsGegrond)));
    assert!(d.punten[0].bronnen.is_empty());
    // A point of another case cannot be changed through this one.
    let v2 = versie(&db, &ander).await;
    let e = bewaar_punt(&db, &els, ander.as_str(), v2, PuntInvoer { id: Some(p1), ..punt("x y z", vec![], None) }, nu)
        .await
        .unwrap_err();
    assert!(matches!(e, AnalyseFout::OnbekendPunt), "{e:?}");
}

#[tokio::test]
async fn follow_up_actions_are_recorded_with_a_note_and_a_referral_names_an_active_service() {
    let db = common::db_met_demo(0).await;
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let r = melding(&db, "L0007").await;
    let nu = Utc::now();
    let actie = |soort, dienst: Option<&str>| OpvolgInvoer {
        soort,
        notitie: Reden::parse("Gevraagd om een onaangekondigd bezoek.").unwrap(),
        dienst: dienst.map(str::to_string),
    };
    voeg_opvolging_toe(&db, &els, r.as_str(), actie(Opvolgsoort::Inspectie, None), nu).await.unwrap();
    let later = nu + Duration::seconds(1);
    voeg_opvolging_toe(&db, &els, r.as_str(), actie(Opvolgsoort::Doorverwijzing, Some("vk")), later).await.unwrap();
    app::beheer::service::zet_actief(&db, "politie", false, nu).await.unwrap();
    let e = voeg_opvolging_toe(&db, &els, r.as_str(), actie(Opvolgsoort::Doorverwijzing, Some("politie")), nu)
        .await
        .unwrap_err();
    assert!(matches!(e, AnalyseFout::OnbekendeDienst(_)), "a deactivated service: {e:?}");
    let d = dossier(&db, &els, r.as_str(), nu).await.unwrap();
    assert_eq!(d.opvolgacties.len(), 2);
    assert_eq!(d.opvolgacties[0].soort, Opvolgsoort::Inspectie);
    assert!(d.opvolgacties[1].dienst.as_deref().unwrap().contains("tel. 1712"));
    let tijdlijn = detail(&db, &r).await.unwrap().unwrap().tijdlijn;
    let regels: Vec<&str> =
        tijdlijn.iter().filter(|t| t.soort == Tijdlijnsoort::Opvolging).map(|t| t.tekst.as_str()).collect();
    assert_eq!(regels.len(), 2);
    assert!(regels[0].starts_with("Opvolging: Inspectie gevraagd aan Zorginspectie. Gevraagd om"));
    assert!(regels[1].starts_with("Opvolging: doorverwezen naar Vertrouwenscentrum Kindermishandeling"));
}

#[tokio::test]
async fn an_account_manager_co_handles_and_sees_the_case_in_mine() {
    let db = common::db_met_demo(0).await;
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let kb = common::account(&db, "kb@meldpunt.test", &[Rol::KlantenbeheerderKinderopvang]).await;
    let kb2 = common::account(&db, "kb2@meldpunt.test", &[Rol::KlantenbeheerderKinderopvang]).await;
    let coord = common::account(&db, "coord@meldpunt.test", &[Rol::Coordinator]).await;
    let r = melding(&db, "L0007").await;
    let nu = Utc::now();
    // The melding is about an organiser kb does not manage: not theirs to see yet.
    assert!(!mag_zien(&db, &kb, r.as_str()).await.unwrap());
    let mij = |g: &Gebruiker| MedeInvoer { aan: Some(g.id.clone()), reden: None };

    // A case worker without that role cannot be co-handler, nor make someone else one.
    let v = versie(&db, &r).await;
    let e = zet_medebehandelaar(&db, &els, r.as_str(), v, mij(&els), nu).await.unwrap_err();
    assert!(matches!(e, AnalyseFout::GeenKlantenbeheerder(_)), "{e:?}");
    let e = zet_medebehandelaar(&db, &els, r.as_str(), v, mij(&kb), nu).await.unwrap_err();
    assert!(matches!(e, AnalyseFout::GeenToewijzingsrecht), "{e:?}");

    // The coordinator makes kb co-handler: kb now sees it, also in "mijn".
    zet_medebehandelaar(&db, &coord, r.as_str(), v, mij(&kb), nu).await.unwrap();
    assert!(mag_zien(&db, &kb, r.as_str()).await.unwrap());
    let filter = WerkbakFilter {
        weergave: Some(Weergave::Mijn),
        mijn: Some(kb.id.clone()),
        accountbeheerder: Some(kb.id.clone()),
        ..Default::default()
    };
    let rijen = werkbak(&db, &filter).await.unwrap().rijen;
    assert_eq!(rijen.iter().map(|r| r.referentie.to_string()).collect::<Vec<_>>(), vec![r.to_string()]);
    let filter = WerkbakFilter { weergave: Some(Weergave::Mijn), mijn: Some(kb2.id.clone()), ..Default::default() };
    assert!(werkbak(&db, &filter).await.unwrap().rijen.is_empty());

    // Replacing the co-handler needs a reason; a stale version is refused.
    let v = versie(&db, &r).await;
    let e = zet_medebehandelaar(&db, &kb2, r.as_str(), v, mij(&kb2), nu).await.unwrap_err();
    assert!(matches!(e, AnalyseFout::RedenNodig), "{e:?}");
    let e = zet_medebehandelaar(&db, &kb, r.as_str(), v, mij(&kb), nu).await.unwrap_err();
    assert!(matches!(e, AnalyseFout::AlMedebehandelaar), "{e:?}");
    let met_reden = MedeInvoer { aan: Some(kb2.id.clone()), reden: Some(Reden::parse("Kim is met verlof.").unwrap()) };
    let e = zet_medebehandelaar(&db, &kb2, r.as_str(), v - 1, met_reden.clone(), nu).await.unwrap_err();
    assert!(matches!(e, AnalyseFout::Verouderd { .. }), "{e:?}");
    zet_medebehandelaar(&db, &kb2, r.as_str(), v, met_reden, nu).await.unwrap();
    assert!(!mag_zien(&db, &kb, r.as_str()).await.unwrap(), "no longer theirs");
    let tijdlijn = detail(&db, &r).await.unwrap().unwrap().tijdlijn;
    let laatste = tijdlijn.iter().find(|t| t.soort == Tijdlijnsoort::Toewijzing && t.tekst.contains("kb2@")).unwrap();
    assert_eq!(
        laatste.tekst,
        "Medebehandelaar (klantenbeheerder kinderopvang): kb2@meldpunt.test. In de plaats van kb@meldpunt.test. \
         Reden: Kim is met verlof."
    );

    // Ending co-handling: only the co-handler themselves, or a coordinator with a reason.
    let stop = MedeInvoer { aan: None, reden: None };
    let v = versie(&db, &r).await;
    let e = zet_medebehandelaar(&db, &kb, r.as_str(), v, stop.clone(), nu).await.unwrap_err();
    assert!(matches!(e, AnalyseFout::GeenStoprecht), "{e:?}");
    let e = zet_medebehandelaar(&db, &coord, r.as_str(), v, stop.clone(), nu).await.unwrap_err();
    assert!(matches!(e, AnalyseFout::RedenNodigBijStoppen), "{e:?}");
    zet_medebehandelaar(&db, &kb2, r.as_str(), v, stop.clone(), nu).await.unwrap();
    assert!(!mag_zien(&db, &kb2, r.as_str()).await.unwrap(), "no longer co-handler, so no longer theirs");
    let filter = WerkbakFilter { weergave: Some(Weergave::Mijn), mijn: Some(kb2.id.clone()), ..Default::default() };
    assert!(werkbak(&db, &filter).await.unwrap().rijen.is_empty(), "and gone from their list");
    let tijdlijn = detail(&db, &r).await.unwrap().unwrap().tijdlijn;
    assert!(
        tijdlijn
            .iter()
            .any(|t| t.tekst == "Medebehandeling beëindigd: kb2@meldpunt.test is geen medebehandelaar meer."),
        "{tijdlijn:?}"
    );
    let v = versie(&db, &r).await;
    let e = zet_medebehandelaar(&db, &coord, r.as_str(), v, stop, nu).await.unwrap_err();
    assert!(matches!(e, AnalyseFout::GeenMedebehandelaar), "{e:?}");
    // A coordinator ends someone else's co-handling with a reason.
    zet_medebehandelaar(&db, &coord, r.as_str(), v, mij(&kb), nu).await.unwrap();
    let v = versie(&db, &r).await;
    let reden = MedeInvoer {
        aan: None,
        reden: Some(Reden::parse("Organisator heeft geen dossierbeheer meer nodig.").unwrap()),
    };
    zet_medebehandelaar(&db, &coord, r.as_str(), v, reden, nu).await.unwrap();
    assert!(!mag_zien(&db, &kb, r.as_str()).await.unwrap());
}

#[tokio::test]
async fn a_document_of_the_case_is_offered_and_accepted_as_a_source() {
    let db = common::db_met_demo(0).await;
    let els = common::account(&db, "els@meldpunt.test", &[Rol::Casewerker]).await;
    let r = melding(&db, "L0007").await;
    let ander = melding(&db, "L0008").await;
    let map = std::env::temp_dir().join(format!("meldpunt-analyse-docs-{}", std::process::id()));
    let bestanden = app::gemeen::opslag::Bestanden::new(&map);
    let nu = Utc::now();
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec();
    let upload = |referentie| app::documenten::service::Upload {
        referentie,
        adviesvraag: None,
        naam: "verslag.pdf",
        inhoud: pdf.clone(),
    };
    let eigen =
        app::documenten::service::voeg_toe(&db, &bestanden, &els, upload(r.as_str()), 1_000_000, nu).await.unwrap();
    let vreemd =
        app::documenten::service::voeg_toe(&db, &bestanden, &els, upload(ander.as_str()), 1_000_000, nu).await.unwrap();

    let d = dossier(&db, &els, r.as_str(), nu).await.unwrap();
    let code = Bron::Document(eigen.clone()).code();
    assert!(d.bronkeuzes.iter().any(|(c, l)| *c == code && l.contains("verslag.pdf")), "{:?}", d.bronkeuzes);
    assert!(!d.bronkeuzes.iter().any(|(c, _)| *c == Bron::Document(vreemd.clone()).code()));

    let v = versie(&db, &r).await;
    let e =
        bewaar_punt(&db, &els, r.as_str(), v, punt("Poort", vec![Bron::Document(vreemd)], None), nu).await.unwrap_err();
    assert!(matches!(e, AnalyseFout::VreemdeBron(_)), "{e:?}");
    bewaar_punt(&db, &els, r.as_str(), v, punt("Poort", vec![Bron::Document(eigen)], None), nu).await.unwrap();
    let d = dossier(&db, &els, r.as_str(), nu).await.unwrap();
    assert!(d.punten[0].bronnen[0].label.contains("verslag.pdf"), "{:?}", d.punten[0].bronnen);
    let _ = std::fs::remove_dir_all(&map);
}
