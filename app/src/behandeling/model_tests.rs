use super::*;
use proptest::prelude::*;

fn reden() -> Reden {
    Reden::parse("omdat het moet").unwrap()
}

fn handeling() -> impl Strategy<Value = Handeling> {
    let bevestiging = prop::sample::select(Bevestiging::ALLE);
    prop_oneof![
        any::<bool>().prop_map(|r| Handeling::Toewijzen { aan: "gebruiker:a".into(), reden: r.then(reden) }),
        bevestiging.clone().prop_map(|bevestiging| Handeling::InBehandeling { bevestiging }),
        prop::sample::select(Wachtende::ALLE).prop_map(|van| Handeling::WachtOpInfo { van, reden: reden() }),
        Just(Handeling::Hervat { toelichting: reden() }),
        prop::sample::select(Beoordeling::ALLE)
            .prop_map(|beoordeling| Handeling::Concludeer { beoordeling, tekst: reden() }),
        Just(Handeling::TerugNaarBehandeling { reden: reden() }),
        prop_oneof![bevestiging.prop_map(Uitkomst::Verstuurd), Just(Uitkomst::Geen(reden()))]
            .prop_map(|uitkomst| Handeling::Sluit { uitkomst }),
        prop::sample::select(&["", "  ", "Zorginspectie"][..])
            .prop_map(|d| Handeling::Verwijs { dienst: d.to_string(), reden: reden() }),
        Just(Handeling::Onontvankelijk { reden: reden() }),
        Just(Handeling::Heropen { reden: reden() }),
        (0u32..120).prop_map(|dagen| Handeling::Verleng { dagen, reden: reden() }),
    ]
}

/// What must hold in every state a case can reach.
fn geldig(z: &Zaak) -> Result<(), String> {
    use Status::*;
    let bezig = matches!(z.status, InBehandeling | WachtOpInfo | Conclusie | Afgesloten | Heropend);
    if bezig && !z.toegewezen {
        return Err(format!("{:?} without an assignee", z.status));
    }
    if matches!(z.status, Conclusie | Afgesloten) && z.conclusie.is_none() {
        return Err(format!("{:?} without a conclusion", z.status));
    }
    if z.status == Afgesloten && z.uitkomst.is_none() {
        return Err("closed without an outcome".into());
    }
    if (z.status == WachtOpInfo) != z.wacht_op.is_some() {
        return Err(format!("{:?} with wacht_op {:?}", z.status, z.wacht_op));
    }
    if !z.melder_bereikbaar && matches!(z.uitkomst, Some(Uitkomst::Verstuurd(_))) {
        return Err("an outcome sent to an unreachable melder".into());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// No sequence of actions reaches an invalid state, every accepted step follows an edge of the
    /// table, and a refused step changes nothing.
    #[test]
    fn no_sequence_reaches_an_invalid_state(bereikbaar: bool, stappen in prop::collection::vec(handeling(), 0..40)) {
        let mut z = Zaak::nieuw(bereikbaar);
        let mut geconcludeerd = false;
        for h in &stappen {
            if let Ok(na) = pas_toe(&z, h) {
                let (van, naar) = overgang(h.soort());
                prop_assert!(van.contains(&z.status));
                prop_assert_eq!(na.status, naar.unwrap_or(z.status));
                // Closing never skips the conclusion since the case last went back.
                match h {
                    Handeling::Concludeer { .. } => geconcludeerd = true,
                    Handeling::TerugNaarBehandeling { .. } | Handeling::Heropen { .. } => geconcludeerd = false,
                    Handeling::Sluit { .. } => prop_assert!(geconcludeerd),
                    _ => {}
                }
                z = na;
            }
            prop_assert_eq!(geldig(&z), Ok(()));
        }
    }

    /// The page offers exactly the steps whose start status matches.
    #[test]
    fn offered_steps_are_the_ones_not_refused_for_their_status(bereikbaar: bool, stappen in prop::collection::vec(handeling(), 0..20), h in handeling()) {
        let mut z = Zaak::nieuw(bereikbaar);
        for s in &stappen {
            if let Ok(na) = pas_toe(&z, s) { z = na; }
        }
        let aangeboden = mogelijk(z.status).contains(&h.soort());
        let fout_status = matches!(pas_toe(&z, &h), Err(Weigering::NietInDezeStatus(..)));
        prop_assert_eq!(aangeboden, !fout_status);
    }
}

fn z(status: Status) -> Zaak {
    Zaak { status, toegewezen: true, bevestigd: true, ..Zaak::nieuw(true) }
}

#[test]
fn closing_requires_a_conclusion_and_an_outcome() {
    let mut zaak = z(Status::Conclusie);
    let sluit = Handeling::Sluit { uitkomst: Uitkomst::Verstuurd(Bevestiging::Email) };
    assert_eq!(pas_toe(&zaak, &sluit), Err(Weigering::GeenConclusie));
    zaak.conclusie = Some(Beoordeling::Gegrond);
    let na = pas_toe(&zaak, &sluit).unwrap();
    assert_eq!(na.status, Status::Afgesloten);
    assert_eq!(
        pas_toe(&z(Status::InBehandeling), &sluit).unwrap_err().to_string(),
        "‘Afsluiten’ kan niet bij een melding met status ‘In behandeling’."
    );
}

#[test]
fn taking_up_requires_an_assignee_and_an_acknowledgement_when_possible() {
    let nieuw = Zaak::nieuw(true);
    let neem = Handeling::InBehandeling { bevestiging: Bevestiging::Email };
    assert_eq!(pas_toe(&nieuw, &neem), Err(Weigering::NietToegewezen));
    let toegewezen = pas_toe(&nieuw, &Handeling::Toewijzen { aan: "gebruiker:a".into(), reden: None }).unwrap();
    let geen = Handeling::InBehandeling { bevestiging: Bevestiging::NietMogelijk };
    assert_eq!(pas_toe(&toegewezen, &geen), Err(Weigering::BevestigingMogelijk));
    assert_eq!(pas_toe(&toegewezen, &neem).unwrap().status, Status::InBehandeling);
    let anoniem = Zaak { toegewezen: true, ..Zaak::nieuw(false) };
    assert!(pas_toe(&anoniem, &geen).unwrap().bevestigd);
}

#[test]
fn reassigning_needs_a_reason() {
    let zaak = z(Status::InBehandeling);
    let zonder = Handeling::Toewijzen { aan: "gebruiker:b".into(), reden: None };
    assert_eq!(pas_toe(&zaak, &zonder), Err(Weigering::RedenVoorHertoewijzing));
    let met = Handeling::Toewijzen { aan: "gebruiker:b".into(), reden: Some(reden()) };
    assert_eq!(pas_toe(&zaak, &met).unwrap().status, Status::InBehandeling);
}

#[test]
fn waiting_and_resuming_and_extending() {
    let wacht =
        pas_toe(&z(Status::InBehandeling), &Handeling::WachtOpInfo { van: Wachtende::Expert, reden: reden() }).unwrap();
    assert_eq!((wacht.status, wacht.wacht_op), (Status::WachtOpInfo, Some(Wachtende::Expert)));
    let verder = pas_toe(&wacht, &Handeling::Hervat { toelichting: reden() }).unwrap();
    assert_eq!((verder.status, verder.wacht_op), (Status::InBehandeling, None));
    assert_eq!(pas_toe(&verder, &Handeling::Verleng { dagen: 0, reden: reden() }), Err(Weigering::Verlenging));
    assert_eq!(pas_toe(&verder, &Handeling::Verleng { dagen: 14, reden: reden() }).unwrap().verlenging_dagen, 14);
}

#[test]
fn reasons_are_trimmed_and_bounded() {
    assert_eq!(Reden::parse("   "), Err("Vul dit in."));
    assert!(Reden::parse("ok").is_err());
    assert_eq!(Reden::parse("  goed zo ").unwrap().as_str(), "goed zo");
    assert!(Reden::parse(&"x".repeat(4001)).is_err());
}

#[test]
fn every_status_offers_a_way_forward() {
    for s in Status::ALLE {
        assert!(!mogelijk(*s).is_empty(), "{s:?} is a dead end");
    }
}
