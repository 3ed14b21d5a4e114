//! Property tests of the enforcement state machine: random sequences of attempted steps, of which
//! the rules keep what they accept. Whatever the order tried, the accepted dossier obeys the law's
//! order (no decision without an intention except an immediate suspension, no hearing without an
//! intention, no objection before a decision, nothing after closing), the licence status agrees
//! with an independent reading of the decisions, and a dossier can always be brought to a close.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use app::handhaving::model::{Maatregel, Stapsoort, Vergunning};
use app::handhaving::regels::{Stap, controleer, lopend_voornemen, vergunning};
use proptest::prelude::*;

fn stap() -> impl Strategy<Value = Stap> {
    let soort = prop::sample::select(Stapsoort::ALLE.to_vec());
    let maatregel = prop::option::of(prop::sample::select(Maatregel::ALLE.to_vec()));
    (soort, maatregel, prop::bool::weighted(0.1)).prop_map(|(soort, maatregel, onmiddellijk)| Stap { soort, maatregel, onmiddellijk })
}

/// The steps the rules accept, in the order tried.
fn aanvaard(pogingen: &[Stap]) -> Vec<Stap> {
    let mut dossier = Vec::new();
    for p in pogingen {
        if controleer(&dossier, p).is_ok() {
            dossier.push(*p);
        }
    }
    dossier
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn accepted_dossiers_follow_the_legal_order(pogingen in prop::collection::vec(stap(), 0..40)) {
        let dossier = aanvaard(&pogingen);
        let mut voornemen: Option<Maatregel> = None;
        let mut beslist = false;
        let mut licentie = Vergunning::Actief;
        for (i, s) in dossier.iter().enumerate() {
            prop_assert!(i == 0 || dossier[i - 1].soort != Stapsoort::Afsluiting, "nothing after closing");
            match s.soort {
                Stapsoort::Voornemen => {
                    prop_assert!(voornemen.is_none(), "one intention at a time");
                    prop_assert!(Maatregel::TE_VOORNEMEN.contains(&s.maatregel.unwrap()));
                    voornemen = s.maatregel;
                }
                Stapsoort::Horen => prop_assert!(voornemen.is_some(), "hearing about an intention"),
                Stapsoort::Bezwaar => prop_assert!(beslist, "objection after a decision"),
                Stapsoort::Beslissing => {
                    let m = s.maatregel.unwrap();
                    if s.onmiddellijk {
                        prop_assert_eq!(m, Maatregel::Schorsing);
                        prop_assert!(licentie != Vergunning::Geschorst);
                    } else if m == Maatregel::SchorsingOpgeheven {
                        prop_assert_eq!(licentie, Vergunning::Geschorst);
                    } else {
                        let aangekondigd = voornemen.expect("a decision follows an intention");
                        prop_assert!(m == aangekondigd || m == Maatregel::Geen);
                    }
                    voornemen = None;
                    beslist = true;
                    licentie = match m {
                        Maatregel::Schorsing => Vergunning::Geschorst,
                        Maatregel::Opheffing => Vergunning::Opgeheven,
                        Maatregel::SchorsingOpgeheven => Vergunning::Actief,
                        _ => licentie,
                    };
                }
                _ => prop_assert!(s.maatregel.is_none() && !s.onmiddellijk),
            }
            prop_assert_eq!(vergunning(&dossier[..=i]), licentie);
        }
        prop_assert_eq!(lopend_voornemen(&dossier), voornemen);
    }

    #[test]
    fn an_open_dossier_can_always_be_closed(pogingen in prop::collection::vec(stap(), 0..40)) {
        let mut dossier = aanvaard(&pogingen);
        if dossier.last().is_some_and(|s| s.soort == Stapsoort::Afsluiting) {
            return Ok(());
        }
        if lopend_voornemen(&dossier).is_some() {
            let geen = Stap::met(Stapsoort::Beslissing, Maatregel::Geen);
            prop_assert_eq!(controleer(&dossier, &geen), Ok(()));
            dossier.push(geen);
        }
        prop_assert_eq!(controleer(&dossier, &Stap::gewoon(Stapsoort::Afsluiting)), Ok(()));
    }
}
