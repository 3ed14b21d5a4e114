//! Applies a demo case's history with the case handling's own rules, in memory: every step goes
//! through `behandeling::stap::bereken_stap`, the function behind every step on the case page,
//! and every note through `notitie_regel`. So the status, assignee, clocks, pauses, deadlines and
//! timeline a demo case ends with are what the app would have stored, and a step the app would
//! refuse stops the loading.

use super::laad::SeedFout;
use super::{DemoMelding, DemoWat, TEAM};
use crate::auth::model::{Gebruiker, Rol};
use crate::behandeling::model::Handeling;
use crate::behandeling::repo::{MedewerkerDb, StandDb, Wijziging};
use crate::behandeling::service::notitie_regel;
use crate::behandeling::stap::bereken_stap;
use crate::beheer::model::Dienst;
use crate::gemeen::records::gebruiker_record;
use crate::gemeen::tijdlijn::{Regel, Tijdlijnsoort};
use crate::termijnen::model::vervaldata;
use crate::termijnen::regels::{Termijnregel, kies};
use crate::zaak::model::{Status, Zaaksoort};
use chrono::{DateTime, Utc};

/// What every case needs from the database, read once.
pub(super) struct Omgeving {
    /// The demo team as signed-in users, in the order of [`TEAM`].
    pub team: Vec<Gebruiker>,
    /// Who may handle cases (whom a case can be assigned to).
    pub medewerkers: Vec<MedewerkerDb>,
    /// The active services a case can be referred to.
    pub diensten: Vec<Dienst>,
    /// The deadline rules, one of which intake chooses.
    pub regels: Vec<Termijnregel>,
}

pub(super) fn team() -> Vec<Gebruiker> {
    TEAM.iter()
        .map(|m| Gebruiker {
            id: m.key.to_string(),
            email: m.email.to_string(),
            naam: m.naam.to_string(),
            rollen: if m.coordinator { vec![Rol::Casewerker, Rol::Coordinator] } else { vec![Rol::Casewerker] },
        })
        .collect()
}

/// A demo case after its history.
pub(super) struct Afgespeeld {
    /// The handling facts it ends with (`versie`: one more per step and note).
    pub stand: StandDb,
    pub afgerond: Option<DateTime<Utc>>,
    pub vervalt_bevestiging: String,
    pub vervalt_uitkomst: String,
    /// Every timeline entry with the case version it produced, oldest first.
    pub tijdlijn: Vec<(i64, Regel)>,
}

/// Receives case `referentie` as intake does and applies its history.
pub(super) fn speel_af(referentie: &str, m: &DemoMelding, o: &Omgeving) -> Result<Afgespeeld, SeedFout> {
    let fout = |wat: String| SeedFout::Verloop(referentie.to_string(), wat);
    let waarden = kies(&o.regels, Zaaksoort::Melding, &m.categorieen);
    let mut stand = StandDb {
        versie: 1,
        status: Status::Ontvangen,
        soort: Zaaksoort::Melding,
        urgentie: m.urgentie,
        ontvangen: m.ontvangen,
        behandelaar: None,
        bevestigd: false,
        melder_bereikbaar: m.melder.as_ref().is_some_and(|d| d.email.is_some() || d.telefoon.is_some()),
        conclusie: None,
        conclusie_tekst: None,
        uitkomst: None,
        wacht_op: None,
        pauze_dagen: 0,
        pauze_sinds: None,
        verlenging_dagen: 0,
        termijn_ontvangst: Some(i64::from(waarden.ontvangst)),
        termijn_eenheid: Some(waarden.ontvangst_eenheid),
        termijn_uitkomst: Some(i64::from(waarden.uitkomst_dagen)),
    };
    let (mut vervalt_bevestiging, mut vervalt_uitkomst) = vervaldata(&stand.klok(false));
    let mut afgerond = None;
    let mut tijdlijn = vec![(1, intake(m, &o.team))];
    for e in &m.verloop {
        let g = o.team.get(e.door).ok_or_else(|| fout(format!("no team member {}", e.door)))?;
        match &e.wat {
            DemoWat::Notitie(n) => {
                stand.versie += 1;
                tijdlijn.push((stand.versie, notitie_regel(e.tijdstip, g, n.clone())));
            }
            DemoWat::Stap(h) => {
                let h = met_dienst(h, &o.diensten).ok_or_else(|| fout(format!("no active service in {h:?}")))?;
                let (w, regels) = bereken_stap(&stand, g, &h, &o.medewerkers, e.tijdstip)
                    .map_err(|f| fout(format!("{:?} refused: {f}", h.soort())))?;
                stand.versie += 1;
                werk_bij(&mut stand, &w, &o.medewerkers).ok_or_else(|| fout("assigned to an unknown member".into()))?;
                tijdlijn.extend(regels.into_iter().map(|r| (stand.versie, r)));
                (afgerond, vervalt_bevestiging, vervalt_uitkomst) =
                    (w.afgerond, w.vervalt_bevestiging, w.vervalt_uitkomst);
            }
        }
    }
    if stand.status != m.status {
        return Err(fout(format!("the steps lead to {} instead of {}", stand.status.code(), m.status.code())));
    }
    Ok(Afgespeeld { stand, afgerond, vervalt_bevestiging, vervalt_uitkomst, tijdlijn })
}

/// The first entry, as intake writes it: by the reporter on the web form, or registered by staff.
fn intake(m: &DemoMelding, team: &[Gebruiker]) -> Regel {
    let regel =
        |tekst: String, door: &str| Regel::nieuw(m.ontvangen, Tijdlijnsoort::Ontvangen, tekst, door.to_string());
    match m.geregistreerd.and_then(|(i, t)| team.get(i).map(|g| (g, t))) {
        None => regel("Melding ontvangen via webformulier.".into(), "melder"),
        Some((g, t)) => regel(
            format!(
                "{} ontvangen via {}; geregistreerd door {} op {}.",
                Zaaksoort::Melding.label(),
                m.kanaal.label().to_lowercase(),
                g.naam,
                crate::tijd::toon(t)
            ),
            &g.naam,
        ),
    }
}

/// A referral names the service of the maintained list with its contact data, as `voer_uit`
/// does; `None` when the key is not an active service.
fn met_dienst(h: &Handeling, diensten: &[Dienst]) -> Option<Handeling> {
    match h {
        Handeling::Verwijs { dienst, reden } => {
            let d = diensten.iter().find(|d| &d.id == dienst && d.actief)?;
            Some(Handeling::Verwijs { dienst: d.met_contact(), reden: reden.clone() })
        }
        h => Some(h.clone()),
    }
}

/// The stored facts after a step, as the database would read them back.
fn werk_bij(stand: &mut StandDb, w: &Wijziging, medewerkers: &[MedewerkerDb]) -> Option<()> {
    stand.behandelaar = match &w.behandelaar {
        None => None,
        Some(r) => Some(medewerkers.iter().find(|m| gebruiker_record(&m.id) == *r)?.id.clone()),
    };
    stand.status = w.status;
    stand.bevestigd = w.bevestigd;
    stand.conclusie.clone_from(&w.conclusie);
    stand.conclusie_tekst.clone_from(&w.conclusie_tekst);
    stand.uitkomst.clone_from(&w.uitkomst);
    stand.wacht_op = w.wacht_op;
    stand.pauze_dagen = w.pauze_dagen;
    stand.pauze_sinds = w.pauze_sinds;
    stand.verlenging_dagen = w.verlenging_dagen;
    Some(())
}
