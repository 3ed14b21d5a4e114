//! The history of a demo case: what the team does after intake, towards the status the generator
//! chose, as the steps of the state machine (`Handeling`) and notes on the timeline. Nothing here
//! changes a case: loading applies these steps with the case handling's own rules, which refuse
//! whatever the app would refuse.

use super::data::{Rng, werkuur};
use super::verloop_teksten::*;
use super::{DemoGebeurtenis, DemoMelding, DemoWat, TEAM};
use crate::behandeling::model::{Bevestiging, Handeling, Reden, Uitkomst, Wachtende};
use crate::behandeling::tijdlijn::{ContactKanaal, Notitie, Partij, Richting};
use crate::zaak::model::{Beoordeling, Kanaal, Status, Urgentie};
use chrono::{DateTime, Duration, Timelike, Utc};

const UUR: i64 = 60;
const DAG: i64 = 24 * UUR;

/// One planned event; `min`/`max` is the gap in minutes after the previous one.
struct Gepland {
    wat: DemoWat,
    door: usize,
    min: i64,
    max: i64,
}

/// The planned events of one case, and who handles it now.
struct Plan {
    stappen: Vec<Gepland>,
    wie: usize,
}

impl Plan {
    fn doe(&mut self, wat: DemoWat, door: usize, min: i64, max: i64) {
        self.stappen.push(Gepland { wat, door, min, max });
    }
    fn stap(&mut self, h: Handeling, min: i64, max: i64) {
        self.doe(DemoWat::Stap(h), self.wie, min, max);
    }
    fn notitie(&mut self, tekst: &str, min: i64, max: i64) {
        self.doe(DemoWat::Notitie(Notitie::Intern { tekst: tekst.to_string() }), self.wie, min, max);
    }
    fn contact(
        &mut self,
        (kanaal, richting, tekst): (ContactKanaal, Richting, &str),
        partij: Partij,
        min: i64,
        max: i64,
    ) {
        let n = Notitie::Contact { kanaal, richting, partij, tekst: tekst.to_string() };
        self.doe(DemoWat::Notitie(n), self.wie, min, max);
    }
}

/// A reason from the texts of `verloop_teksten` (each 3 to 4000 characters, as a test checks).
fn reden(tekst: &str) -> Option<Reden> {
    Reden::parse(tekst).ok()
}

fn toewijzen(aan: usize, reden: Option<Reden>) -> Handeling {
    Handeling::Toewijzen { aan: TEAM[aan].key.to_string(), reden }
}

fn coordinator() -> usize {
    TEAM.iter().position(|m| m.coordinator).unwrap_or(0)
}

/// Who registered a melding that did not come through the web form, and when; and what the team
/// did after intake, oldest first, all before `anker`.
pub(super) fn verloop(
    rng: &mut Rng,
    m: &DemoMelding,
    anker: DateTime<Utc>,
) -> (Option<(usize, DateTime<Utc>)>, Vec<DemoGebeurtenis>) {
    let geregistreerd = (m.kanaal != Kanaal::Webformulier).then(|| {
        let na = Duration::minutes(rng.tussen(2, 45)).min((anker - m.ontvangen) / 4);
        (rng.below(TEAM.len()), m.ontvangen + na)
    });
    let leeftijd = (anker - m.ontvangen).num_days();
    // `None` only if a text is not a valid reason: then the case has no steps and loading
    // reports that they do not lead to its status.
    let stappen = plan(rng, m, leeftijd).unwrap_or_default();

    // Times: realistic gaps snapped to office hours; if that overshoots the anchor, spread evenly instead.
    let start = geregistreerd.map_or(m.ontvangen, |(_, t)| t);
    let acuut = m.urgentie == Urgentie::Acuut;
    let mut tijden = Vec::with_capacity(stappen.len());
    let mut t = start;
    for (j, s) in stappen.iter().enumerate() {
        t += Duration::minutes(rng.tussen(s.min, s.max));
        if !acuut || j >= 2 {
            t = werkuur(t, rng);
        }
        t = binnen_de_seconde(t, rng);
        tijden.push(t);
    }
    if t > anker {
        let span = (anker - start).num_milliseconds().max(0);
        let delen = stappen.len() as i64 + 1;
        for (j, tijd) in tijden.iter_mut().enumerate() {
            *tijd = binnen_de_seconde(start + Duration::milliseconds(span * (j as i64 + 1) / delen), rng);
        }
    }
    let verloop = stappen
        .into_iter()
        .zip(tijden)
        .map(|(s, tijdstip)| DemoGebeurtenis { tijdstip, door: s.door, wat: s.wat })
        .collect();
    (geregistreerd, verloop)
}

/// `t` moved within its second to a millisecond from 1 to 998: never a whole second, and the
/// entry a step writes 1 ms later stays in that second. SurrealDB's datetime index sorts a
/// whole second after the sub-second values of the same second (surrealdb/surrealdb#7493), so
/// a step taken at a whole second would list its entries in the wrong order.
fn binnen_de_seconde(t: DateTime<Utc>, rng: &mut Rng) -> DateTime<Utc> {
    t - Duration::nanoseconds(i64::from(t.nanosecond())) + Duration::milliseconds(rng.tussen(1, 998))
}

/// The events that lead a new case to `m.status`.
fn plan(rng: &mut Rng, m: &DemoMelding, leeftijd: i64) -> Option<Vec<Gepland>> {
    let mut p = Plan { stappen: Vec::with_capacity(12), wie: rng.below(TEAM.len()) };
    let coordinator = coordinator();
    let email = m.melder.as_ref().is_some_and(|d| d.email.is_some());
    let telefoon = m.melder.as_ref().is_some_and(|d| d.telefoon.is_some());
    let bereikbaar = email || telefoon;
    let met_locatie = m.locatie_key.is_some();
    let acuut = m.urgentie == Urgentie::Acuut;
    let (snel_min, snel_max) = match m.urgentie {
        Urgentie::Acuut => (10, 90),
        Urgentie::Hoog => (UUR, 8 * UUR),
        Urgentie::Normaal => (2 * UUR, 4 * DAG),
    };
    let bevestiging = if email {
        Bevestiging::Email
    } else if telefoon {
        Bevestiging::Telefoon
    } else {
        Bevestiging::NietMogelijk
    };
    // Taking up: by the case worker, or assigned by the coordinator first (never for acute cases).
    let neem_op = |p: &mut Plan, rng: &mut Rng| {
        if !acuut && p.wie != coordinator && rng.kans(40) {
            p.doe(DemoWat::Stap(toewijzen(p.wie, None)), coordinator, snel_min, snel_max);
            p.stap(Handeling::InBehandeling { bevestiging }, 10, DAG);
        } else {
            p.stap(Handeling::InBehandeling { bevestiging }, snel_min, snel_max);
        }
    };
    let contact_melder = |rng: &mut Rng| {
        let past =
            |k: ContactKanaal| (k == ContactKanaal::Email && email) || (k == ContactKanaal::Telefoon && telefoon);
        let c = rng.kies(CONTACT_MELDER);
        past(c.0).then_some(c)
    };
    match m.status {
        Status::Ontvangen => {
            if rng.kans(25) {
                p.doe(DemoWat::Stap(toewijzen(p.wie, None)), coordinator, snel_min, snel_max);
            }
        }
        Status::Doorverwezen | Status::Onontvankelijk => {
            if rng.kans(50) {
                neem_op(&mut p, rng);
            }
            if m.status == Status::Doorverwezen {
                let (dienst, waarom) = rng.kies(DOORVERWIJZINGEN);
                p.stap(Handeling::Verwijs { dienst: dienst.to_string(), reden: reden(waarom)? }, UUR, 3 * DAG);
            } else {
                p.stap(Handeling::Onontvankelijk { reden: reden(rng.kies(ONONTVANKELIJK))? }, UUR, 5 * DAG);
            }
        }
        _ => {
            if acuut {
                p.notitie(ACUUT, 5, 60);
            }
            neem_op(&mut p, rng);
            if m.status != Status::InBehandeling || rng.kans(70) {
                if rng.kans(60)
                    && let Some(c) = contact_melder(rng)
                {
                    p.contact(c, Partij::Melder, 2 * UUR, 4 * DAG);
                }
                let notitie = if met_locatie { rng.kies(NOTITIES_LOCATIE) } else { rng.kies(NOTITIES_ZONDER) };
                p.notitie(notitie, 30, 3 * DAG);
            }
            if leeftijd > 30 && rng.kans(10) {
                let ander = (p.wie + 1 + rng.below(TEAM.len() - 1)) % TEAM.len();
                let h = toewijzen(ander, Some(reden(rng.kies(HERVERDELING))?));
                p.doe(DemoWat::Stap(h), coordinator, DAG, 5 * DAG);
                p.wie = ander;
            }
            let later = matches!(m.status, Status::Conclusie | Status::Afgesloten | Status::Heropend);
            if m.status == Status::WachtOpInfo || (later && rng.kans(30)) {
                let van = if bereikbaar {
                    Wachtende::Melder
                } else if met_locatie {
                    Wachtende::Organisator
                } else {
                    Wachtende::Expert
                };
                let (vraag, antwoord) = wachten(van);
                p.stap(Handeling::WachtOpInfo { van, reden: reden(vraag)? }, 2 * UUR, 5 * DAG);
                if later {
                    p.stap(Handeling::Hervat { toelichting: reden(antwoord)? }, 2 * DAG, 12 * DAG);
                }
            }
            if matches!(m.status, Status::InBehandeling | Status::WachtOpInfo) && leeftijd > 35 && rng.kans(50) {
                let (dagen, waarom) = rng.kies(VERLENGING);
                p.stap(Handeling::Verleng { dagen, reden: reden(waarom)? }, DAG, 5 * DAG);
            }
            if later {
                if met_locatie {
                    p.contact(rng.kies(CONTACT_ORGANISATOR), Partij::Organisator, DAG, 10 * DAG);
                }
                let beoordeling = rng.kies(Beoordeling::ALLE);
                if rng.kans(8) {
                    let tekst = reden(rng.kies(conclusies(beoordeling)))?;
                    p.stap(Handeling::Concludeer { beoordeling, tekst }, 2 * DAG, 15 * DAG);
                    p.stap(Handeling::TerugNaarBehandeling { reden: reden(TERUG)? }, DAG, 5 * DAG);
                }
                let beoordeling = rng.kies(Beoordeling::ALLE);
                let tekst = reden(rng.kies(conclusies(beoordeling)))?;
                p.stap(Handeling::Concludeer { beoordeling, tekst }, 2 * DAG, 15 * DAG);
            }
            if matches!(m.status, Status::Afgesloten | Status::Heropend) {
                let uitkomst = match bevestiging {
                    Bevestiging::NietMogelijk => Uitkomst::Geen(reden(GEEN_UITKOMST)?),
                    b => Uitkomst::Verstuurd(b),
                };
                p.stap(Handeling::Sluit { uitkomst }, DAG, 7 * DAG);
            }
            if m.status == Status::Heropend {
                p.stap(Handeling::Heropen { reden: reden(rng.kies(HEROPEN))? }, 3 * DAG, 30 * DAG);
            }
        }
    }
    Some(p.stappen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_is_a_valid_reason() {
        let mut teksten: Vec<&str> = vec![TERUG, GEEN_UITKOMST];
        teksten.extend(DOORVERWIJZINGEN.iter().map(|(_, r)| *r));
        teksten.extend(ONONTVANKELIJK);
        teksten.extend(HERVERDELING);
        teksten.extend(VERLENGING.iter().map(|(_, r)| *r));
        teksten.extend(HEROPEN);
        for w in Wachtende::ALLE {
            teksten.extend([wachten(*w).0, wachten(*w).1]);
        }
        for b in Beoordeling::ALLE {
            teksten.extend(conclusies(*b));
        }
        for t in teksten {
            assert!(reden(t).is_some(), "{t}");
        }
    }

    #[test]
    fn the_team_has_a_coordinator_and_distinct_keys() {
        assert!(TEAM[coordinator()].coordinator);
        let keys: std::collections::BTreeSet<&str> = TEAM.iter().map(|m| m.key).collect();
        assert_eq!(keys.len(), TEAM.len());
        assert!(TEAM.iter().all(|m| crate::gemeen::is_sleutel(m.key)));
    }
}
