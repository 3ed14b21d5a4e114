//! Which step may follow which in an enforcement dossier, and the licence status the decisions
//! lead to. Pure: the service asks [`controleer`] before it writes a step, and the pages use the
//! same answer to offer only steps that can be taken. Every refusal has a Dutch reason.

use super::model::{Maatregel, Stapsoort, Vergunning};

/// A step as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stap {
    pub soort: Stapsoort,
    /// For an intention or a decision: what it is about.
    pub maatregel: Option<Maatregel>,
    /// An immediate suspension (children in danger): skips the steps before a decision.
    pub onmiddellijk: bool,
}

impl Stap {
    pub fn gewoon(soort: Stapsoort) -> Stap {
        Stap { soort, maatregel: None, onmiddellijk: false }
    }

    pub fn met(soort: Stapsoort, maatregel: Maatregel) -> Stap {
        Stap { soort, maatregel: Some(maatregel), onmiddellijk: false }
    }

    /// An immediate suspension: a decision to suspend without intention or hearing.
    pub fn onmiddellijke_schorsing() -> Stap {
        Stap { soort: Stapsoort::Beslissing, maatregel: Some(Maatregel::Schorsing), onmiddellijk: true }
    }
}

/// Why a step cannot follow the dossier's steps so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Weigering {
    #[error("dossier closed")]
    Gesloten,
    #[error("licence revoked")]
    VergunningOpgeheven,
    #[error("measure missing")]
    MaatregelOntbreekt,
    #[error("measure does not fit the step")]
    MaatregelPastNiet,
    #[error("intention pending")]
    VoornemenLoopt,
    #[error("decision without intention")]
    BeslissingZonderVoornemen,
    #[error("decision other than the intention")]
    AndereMaatregel,
    #[error("hearing without intention")]
    HorenZonderVoornemen,
    #[error("objection without decision")]
    BezwaarZonderBeslissing,
    #[error("already suspended")]
    AlGeschorst,
    #[error("not suspended")]
    NietGeschorst,
    #[error("only a suspension is immediate")]
    OnmiddellijkAlleenSchorsing,
}

impl Weigering {
    /// The reason, in plain Dutch, for the person who tried.
    pub fn uitleg(self) -> &'static str {
        match self {
            Weigering::Gesloten => "Dit dossier is afgesloten. Open een nieuw dossier voor nieuwe stappen.",
            Weigering::VergunningOpgeheven => {
                "De vergunning is opgeheven of stopgezet. Alleen een bezwaar of het afsluiten van het dossier kan nog."
            }
            Weigering::MaatregelOntbreekt => "Kies over welke maatregel het gaat.",
            Weigering::MaatregelPastNiet => "Deze maatregel past niet bij deze stap.",
            Weigering::VoornemenLoopt => "Er loopt nog een voornemen. Neem daar eerst een beslissing over.",
            Weigering::BeslissingZonderVoornemen => {
                "Een beslissing volgt op een voornemen. Maak eerst het voornemen, zodat de organisator gehoord kan worden. Alleen een onmiddellijke schorsing kan zonder."
            }
            Weigering::AndereMaatregel => {
                "De beslissing gaat over de maatregel uit het voornemen, of over geen maatregel. Voor een andere maatregel is een nieuw voornemen nodig."
            }
            Weigering::HorenZonderVoornemen => "De organisator wordt gehoord over een voornemen. Er loopt nu geen voornemen.",
            Weigering::BezwaarZonderBeslissing => "Bezwaar kan pas tegen een beslissing. Er is nog geen beslissing.",
            Weigering::AlGeschorst => "De vergunning is al geschorst.",
            Weigering::NietGeschorst => "De vergunning is niet geschorst: er is geen schorsing om op te heffen.",
            Weigering::OnmiddellijkAlleenSchorsing => "Alleen een schorsing kan onmiddellijk, zonder voornemen.",
        }
    }
}

/// The licence status after these steps of a dossier opened on an active licence.
pub fn vergunning(stappen: &[Stap]) -> Vergunning {
    vergunning_vanaf(Vergunning::Actief, stappen)
}

/// The licence status after these steps, from `begin` (the status when the dossier opened): each
/// decision to suspend, revoke or lift a suspension changes it; the others leave it.
pub fn vergunning_vanaf(begin: Vergunning, stappen: &[Stap]) -> Vergunning {
    stappen.iter().fold(begin, |v, s| match (s.soort, s.maatregel) {
        (Stapsoort::Beslissing, Some(Maatregel::Schorsing)) => Vergunning::Geschorst,
        (Stapsoort::Beslissing, Some(Maatregel::Opheffing)) => Vergunning::Opgeheven,
        (Stapsoort::Beslissing, Some(Maatregel::SchorsingOpgeheven)) => Vergunning::Actief,
        _ => v,
    })
}

/// The intention waiting for a decision, if any: the last intention with no decision after it.
pub fn lopend_voornemen(stappen: &[Stap]) -> Option<Maatregel> {
    for s in stappen.iter().rev() {
        match s.soort {
            Stapsoort::Beslissing => return None,
            Stapsoort::Voornemen => return s.maatregel,
            _ => {}
        }
    }
    None
}

/// May `nieuw` follow `stappen` in a dossier opened on an active licence?
pub fn controleer(stappen: &[Stap], nieuw: &Stap) -> Result<(), Weigering> {
    controleer_vanaf(Vergunning::Actief, stappen, nieuw)
}

/// May `nieuw` follow `stappen`, the licence having been `begin` when the dossier opened?
pub fn controleer_vanaf(begin: Vergunning, stappen: &[Stap], nieuw: &Stap) -> Result<(), Weigering> {
    if stappen.iter().any(|s| s.soort == Stapsoort::Afsluiting) {
        return Err(Weigering::Gesloten);
    }
    let vergunning = vergunning_vanaf(begin, stappen);
    let voornemen = lopend_voornemen(stappen);
    let beeindigd = matches!(vergunning, Vergunning::Opgeheven | Vergunning::Stopgezet);
    if beeindigd && !matches!(nieuw.soort, Stapsoort::Bezwaar | Stapsoort::Afsluiting) {
        return Err(Weigering::VergunningOpgeheven);
    }
    if nieuw.onmiddellijk && (nieuw.soort != Stapsoort::Beslissing || nieuw.maatregel != Some(Maatregel::Schorsing)) {
        return Err(Weigering::OnmiddellijkAlleenSchorsing);
    }
    match nieuw.soort {
        Stapsoort::Voornemen => {
            let m = nieuw.maatregel.ok_or(Weigering::MaatregelOntbreekt)?;
            if !Maatregel::TE_VOORNEMEN.contains(&m) {
                return Err(Weigering::MaatregelPastNiet);
            }
            if voornemen.is_some() {
                return Err(Weigering::VoornemenLoopt);
            }
            if m == Maatregel::Schorsing && vergunning == Vergunning::Geschorst {
                return Err(Weigering::AlGeschorst);
            }
            Ok(())
        }
        Stapsoort::Beslissing => beslissing(nieuw, voornemen, vergunning),
        Stapsoort::Horen => voornemen.map(|_| ()).ok_or(Weigering::HorenZonderVoornemen),
        Stapsoort::Bezwaar => {
            geen_maatregel(nieuw)?;
            let beslist = stappen.iter().any(|s| s.soort == Stapsoort::Beslissing);
            if beslist { Ok(()) } else { Err(Weigering::BezwaarZonderBeslissing) }
        }
        Stapsoort::Afsluiting => {
            geen_maatregel(nieuw)?;
            if voornemen.is_some() { Err(Weigering::VoornemenLoopt) } else { Ok(()) }
        }
        Stapsoort::Vaststelling | Stapsoort::Voortraject | Stapsoort::Aanmaning => geen_maatregel(nieuw),
    }
}

fn geen_maatregel(nieuw: &Stap) -> Result<(), Weigering> {
    if nieuw.maatregel.is_some() { Err(Weigering::MaatregelPastNiet) } else { Ok(()) }
}

fn beslissing(nieuw: &Stap, voornemen: Option<Maatregel>, vergunning: Vergunning) -> Result<(), Weigering> {
    let m = nieuw.maatregel.ok_or(Weigering::MaatregelOntbreekt)?;
    if nieuw.onmiddellijk {
        if voornemen.is_some() {
            // The pending intention is decided first: two open tracks would confuse everyone.
            return Err(Weigering::VoornemenLoopt);
        }
        return if vergunning == Vergunning::Geschorst { Err(Weigering::AlGeschorst) } else { Ok(()) };
    }
    if m == Maatregel::SchorsingOpgeheven {
        // Lifting a suspension favours the organiser: no intention or hearing needed.
        if voornemen.is_some() {
            return Err(Weigering::VoornemenLoopt);
        }
        return if vergunning == Vergunning::Geschorst { Ok(()) } else { Err(Weigering::NietGeschorst) };
    }
    let Some(aangekondigd) = voornemen else { return Err(Weigering::BeslissingZonderVoornemen) };
    if m != aangekondigd && m != Maatregel::Geen {
        return Err(Weigering::AndereMaatregel);
    }
    if m == Maatregel::Schorsing && vergunning == Vergunning::Geschorst {
        return Err(Weigering::AlGeschorst);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stapsoort::*;

    fn volg(stappen: &[Stap]) -> Result<(), (usize, Weigering)> {
        for (i, s) in stappen.iter().enumerate() {
            controleer(&stappen[..i], s).map_err(|w| (i, w))?;
        }
        Ok(())
    }

    #[test]
    fn the_usual_road_to_a_suspension_and_back() {
        let weg = [
            Stap::gewoon(Vaststelling),
            Stap::gewoon(Aanmaning),
            Stap::met(Voornemen, Maatregel::Schorsing),
            Stap::gewoon(Horen),
            Stap::met(Beslissing, Maatregel::Schorsing),
            Stap::gewoon(Bezwaar),
            Stap::met(Beslissing, Maatregel::SchorsingOpgeheven),
            Stap::gewoon(Afsluiting),
        ];
        assert_eq!(volg(&weg), Ok(()));
        assert_eq!(vergunning(&weg[..5]), Vergunning::Geschorst);
        assert_eq!(vergunning(&weg), Vergunning::Actief);
    }

    #[test]
    fn illegal_orders_are_refused_with_a_reason() {
        let leeg: [Stap; 0] = [];
        assert_eq!(controleer(&leeg, &Stap::met(Beslissing, Maatregel::Schorsing)), Err(Weigering::BeslissingZonderVoornemen));
        assert_eq!(controleer(&leeg, &Stap::gewoon(Bezwaar)), Err(Weigering::BezwaarZonderBeslissing));
        assert_eq!(controleer(&leeg, &Stap::gewoon(Horen)), Err(Weigering::HorenZonderVoornemen));
        assert_eq!(controleer(&leeg, &Stap::gewoon(Voornemen)), Err(Weigering::MaatregelOntbreekt));
        assert_eq!(controleer(&leeg, &Stap::met(Voornemen, Maatregel::Geen)), Err(Weigering::MaatregelPastNiet));
        let voornemen = [Stap::met(Voornemen, Maatregel::Subsidie)];
        assert_eq!(controleer(&voornemen, &Stap::met(Beslissing, Maatregel::Opheffing)), Err(Weigering::AndereMaatregel));
        assert_eq!(controleer(&voornemen, &Stap::met(Beslissing, Maatregel::Geen)), Ok(()));
        assert_eq!(controleer(&voornemen, &Stap::gewoon(Afsluiting)), Err(Weigering::VoornemenLoopt));
        let gesloten = [Stap::gewoon(Vaststelling), Stap::gewoon(Afsluiting)];
        assert_eq!(controleer(&gesloten, &Stap::gewoon(Aanmaning)), Err(Weigering::Gesloten));
        for w in [Weigering::Gesloten, Weigering::AndereMaatregel, Weigering::OnmiddellijkAlleenSchorsing] {
            assert!(w.uitleg().ends_with('.'), "{w:?}");
        }
    }

    #[test]
    fn an_immediate_suspension_skips_the_steps_before_it_but_only_as_a_suspension() {
        let leeg: [Stap; 0] = [];
        assert_eq!(controleer(&leeg, &Stap::onmiddellijke_schorsing()), Ok(()));
        let mut opheffing = Stap::onmiddellijke_schorsing();
        opheffing.maatregel = Some(Maatregel::Opheffing);
        assert_eq!(controleer(&leeg, &opheffing), Err(Weigering::OnmiddellijkAlleenSchorsing));
        let geschorst = [Stap::onmiddellijke_schorsing()];
        assert_eq!(controleer(&geschorst, &Stap::onmiddellijke_schorsing()), Err(Weigering::AlGeschorst));
        assert_eq!(controleer(&geschorst, &Stap::gewoon(Bezwaar)), Ok(()));
    }

    #[test]
    fn after_a_revocation_only_an_objection_or_closing() {
        let weg = [Stap::met(Voornemen, Maatregel::Opheffing), Stap::met(Beslissing, Maatregel::Opheffing)];
        assert_eq!(vergunning(&weg), Vergunning::Opgeheven);
        assert_eq!(controleer(&weg, &Stap::gewoon(Aanmaning)), Err(Weigering::VergunningOpgeheven));
        assert_eq!(controleer(&weg, &Stap::gewoon(Bezwaar)), Ok(()));
        assert_eq!(controleer(&weg, &Stap::gewoon(Afsluiting)), Ok(()));
    }

    #[test]
    fn a_dossier_reads_the_decisions_from_the_licence_it_opened_on() {
        let opheffen = Stap::met(Beslissing, Maatregel::SchorsingOpgeheven);
        assert_eq!(controleer_vanaf(Vergunning::Geschorst, &[], &opheffen), Ok(()));
        assert_eq!(controleer(&[], &opheffen), Err(Weigering::NietGeschorst));
        assert_eq!(vergunning_vanaf(Vergunning::Geschorst, &[opheffen]), Vergunning::Actief);
        let aanmaning = Stap::gewoon(Aanmaning);
        assert_eq!(controleer_vanaf(Vergunning::Stopgezet, &[], &aanmaning), Err(Weigering::VergunningOpgeheven));
        assert_eq!(controleer_vanaf(Vergunning::Stopgezet, &[], &Stap::gewoon(Afsluiting)), Ok(()));
    }
}
