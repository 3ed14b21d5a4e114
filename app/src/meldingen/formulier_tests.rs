use super::formulier::*;
use crate::zaak::model::{Categorie, Relatie};
use chrono::NaiveDate;

fn vandaag() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

pub(crate) fn geldig() -> MeldFormulier {
    MeldFormulier {
        locatie_id: "L0001".into(),
        categorieen: vec!["veiligheid".into(), "voeding".into()],
        omschrijving: "De poort naar de straat stond open en niemand hield toezicht.".into(),
        feit_datum: "2026-11-20".into(),
        relatie: "ouder".into(),
        naam: "Lotte Janssens".into(),
        email: "Lotte@Voorbeeld.be".into(),
        privacy: true,
        ..Default::default()
    }
}

#[test]
fn a_complete_form_parses_into_a_melding() {
    let m = NieuweMelding::parse(&geldig(), vandaag()).unwrap();
    assert_eq!(m.categorieen, vec![Categorie::Veiligheid, Categorie::Voeding]);
    assert_eq!(m.relatie, Relatie::Ouder);
    assert_eq!(
        m.contact,
        Contact::Bekend { naam: "Lotte Janssens".into(), email: Some("lotte@voorbeeld.be".into()), telefoon: None }
    );
    assert_eq!(m.plaats, Plaats::Gekend(crate::locaties::model::LocatieId("L0001".into())));
}

#[test]
fn an_empty_form_names_every_required_field_at_once() {
    let f = NieuweMelding::parse(&MeldFormulier::default(), vandaag()).unwrap_err();
    for veld in ["locatie", "categorie", "omschrijving", "feit_datum", "relatie", "naam", "email", "privacy"] {
        assert!(f.get(veld).is_some(), "no message for {veld}: {f:?}");
    }
}

#[test]
fn future_dates_bad_contact_and_unknown_codes_are_refused() {
    let mut f = geldig();
    f.feit_datum = "2026-12-01".into();
    f.email = "geen-adres".into();
    f.telefoon = "12".into();
    f.categorieen = vec!["<script>".into()];
    f.relatie = "organisator".into();
    let fouten = NieuweMelding::parse(&f, vandaag()).unwrap_err();
    assert_eq!(fouten.get("feit_datum"), Some("Deze datum ligt in de toekomst."));
    assert!(fouten.get("email").unwrap().contains("klopt niet"));
    assert!(fouten.get("telefoon").is_some());
    assert!(fouten.get("categorie").is_some());
    assert!(fouten.get("relatie").is_some());
}

#[test]
fn anonymous_reports_need_no_contact_details() {
    let mut f = geldig();
    f.anoniem = true;
    f.naam.clear();
    f.email.clear();
    let m = NieuweMelding::parse(&f, vandaag()).unwrap();
    assert_eq!(m.contact, Contact::Anoniem);
}

#[test]
fn an_unlisted_location_can_be_described() {
    let mut f = geldig();
    f.locatie_id.clear();
    f.locatie_onbekend = "Onthaalmoeder in de Stationsstraat, Zele".into();
    let m = NieuweMelding::parse(&f, vandaag()).unwrap();
    assert!(matches!(m.plaats, Plaats::Omschreven(_)));
    f.locatie_onbekend = "Zele".into();
    assert!(NieuweMelding::parse(&f, vandaag()).unwrap_err().get("locatie").is_some());
}

#[test]
fn descriptions_have_bounds() {
    let mut f = geldig();
    f.omschrijving = "te kort".into();
    assert!(NieuweMelding::parse(&f, vandaag()).unwrap_err().get("omschrijving").is_some());
    f.omschrijving = "a".repeat(MAX_OMSCHRIJVING + 1);
    assert!(NieuweMelding::parse(&f, vandaag()).unwrap_err().get("omschrijving").is_some());
}

#[test]
fn form_pairs_are_read_with_bounds_and_repeated_categories() {
    let lang = "x".repeat(100_000);
    let paren = vec![
        ("categorie", "veiligheid"),
        ("categorie", "voeding"),
        ("naam", lang.as_str()),
        ("omschrijving", lang.as_str()),
        ("privacy", "ja"),
        ("onbekend", "genegeerd"),
    ];
    let f = MeldFormulier::from_pairs(paren);
    assert_eq!(f.categorieen, vec!["veiligheid", "voeding"]);
    assert_eq!(f.naam.chars().count(), MAX_KORT);
    assert_eq!(f.omschrijving.chars().count(), MAX_OMSCHRIJVING + 1);
    assert!(f.privacy && !f.anoniem && !f.is_bot());
}
