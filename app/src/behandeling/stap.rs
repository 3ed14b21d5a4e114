//! One step of the state machine on a stored case, computed without the database: who handles
//! it afterwards, its pause and deadlines, and the timeline entries that describe it. The service
//! (`voer_uit`) stores the result; the demo data is made with it too.

use super::model::*;
use super::repo::{MedewerkerDb, StandDb, Wijziging};
use super::service::{BehandelFout, zaak};
use crate::auth::model::{Gebruiker, Rol};
use crate::gemeen::records::gebruiker_record;
use crate::gemeen::tijdlijn::{Regel, Tijdlijnsoort};
use crate::termijnen::model::{kalenderdagen, vervaldata};
use crate::zaak::model::Status;
use crate::zaak::service::regel;
use chrono::{DateTime, Utc};

/// The timeline text of a step.
fn beschrijving(h: &Handeling, naam_van: &dyn Fn(&str) -> String) -> String {
    let status = |s: Status| format!("Status gewijzigd naar {}.", s.label());
    match h {
        Handeling::Toewijzen { aan, reden } => match reden {
            Some(r) => format!("Toegewezen aan {}. Reden: {}", naam_van(aan), r.as_str()),
            None => format!("Toegewezen aan {}.", naam_van(aan)),
        },
        Handeling::InBehandeling { bevestiging } => {
            format!("{} Ontvangstbevestiging: {}.", status(Status::InBehandeling), bevestiging.label())
        }
        Handeling::WachtOpInfo { van, reden } => {
            format!(
                "{} Wacht op {}; de termijn staat stil. Reden: {}",
                status(Status::WachtOpInfo),
                van.label(),
                reden.as_str()
            )
        }
        Handeling::Hervat { toelichting } => {
            format!("{} De termijn loopt weer. {}", status(Status::InBehandeling), toelichting.as_str())
        }
        Handeling::Concludeer { beoordeling, tekst } => {
            format!("{} Beoordeling: {}. {}", status(Status::Conclusie), beoordeling.label(), tekst.as_str())
        }
        Handeling::TerugNaarBehandeling { reden } => {
            format!("{} Reden: {}", status(Status::InBehandeling), reden.as_str())
        }
        Handeling::Sluit { uitkomst } => match uitkomst {
            Uitkomst::Verstuurd(b) => {
                format!("{} Uitkomst aan de melder verstuurd {}.", status(Status::Afgesloten), b.label())
            }
            Uitkomst::Geen(r) => format!("{} Geen bericht aan de melder: {}", status(Status::Afgesloten), r.as_str()),
        },
        Handeling::Verwijs { dienst, reden } => {
            format!("{} Doorverwezen naar {}. Reden: {}", status(Status::Doorverwezen), dienst.trim(), reden.as_str())
        }
        Handeling::Onontvankelijk { reden } => format!("{} Reden: {}", status(Status::Onontvankelijk), reden.as_str()),
        Handeling::Heropen { reden } => format!("{} Reden: {}", status(Status::Heropend), reden.as_str()),
        Handeling::Verleng { dagen, reden } => {
            format!("Termijn voor de uitkomst verlengd met {dagen} dagen. Reden: {}", reden.as_str())
        }
    }
}

/// Who handles the case after step `h` by `g`: for an assignment someone of `medewerkers` (someone
/// else only by a coordinator), otherwise who handled it before.
fn behandelaar_na(
    stand: &StandDb,
    g: &Gebruiker,
    h: &Handeling,
    medewerkers: &[MedewerkerDb],
) -> Result<Option<String>, BehandelFout> {
    let Handeling::Toewijzen { aan, .. } = h else {
        return Ok(stand.behandelaar.clone());
    };
    if !medewerkers.iter().any(|m| &m.id == aan) {
        return Err(BehandelFout::OnbekendeBehandelaar(aan.clone()));
    }
    if aan != &g.id && !g.rollen.contains(&Rol::Coordinator) {
        return Err(BehandelFout::GeenToewijzingsrecht);
    }
    Ok(Some(aan.clone()))
}

/// The paused days and the running pause after a step from status `van` to `naar`: waiting for
/// information starts a pause, the end of waiting adds its days.
fn pauze_na(stand: &StandDb, van: Status, naar: Status, nu: DateTime<Utc>) -> (i64, Option<DateTime<Utc>>) {
    let (mut pauze_dagen, mut pauze_sinds) = (stand.pauze_dagen, stand.pauze_sinds);
    match (van == Status::WachtOpInfo, naar == Status::WachtOpInfo) {
        (false, true) => pauze_sinds = Some(nu),
        (true, false) => {
            pauze_dagen += pauze_sinds.map(|s| kalenderdagen(s, nu)).unwrap_or(0);
            pauze_sinds = None;
        }
        _ => {}
    }
    (pauze_dagen, pauze_sinds)
}

/// What step `h` writes on the case: the facts of `na` (the case after the step), with its
/// handler, pause and the deadlines that follow from them.
fn wijziging(
    stand: &StandDb,
    h: &Handeling,
    na: &Zaak,
    behandelaar: Option<String>,
    (pauze_dagen, pauze_sinds): (i64, Option<DateTime<Utc>>),
    nu: DateTime<Utc>,
) -> Wijziging {
    let conclusie_tekst = match h {
        Handeling::Concludeer { tekst, .. } => Some(tekst.as_str().to_string()),
        Handeling::TerugNaarBehandeling { .. } | Handeling::Heropen { .. } => None,
        _ => stand.conclusie_tekst.clone(),
    };
    let mut nieuwe_stand = stand.clone();
    nieuwe_stand.bevestigd = na.bevestigd;
    nieuwe_stand.pauze_dagen = pauze_dagen;
    nieuwe_stand.pauze_sinds = pauze_sinds;
    nieuwe_stand.verlenging_dagen = i64::from(na.verlenging_dagen);
    let (vervalt_bevestiging, vervalt_uitkomst) = vervaldata(&nieuwe_stand.klok(na.is_afgerond()));
    Wijziging {
        vervalt_bevestiging,
        vervalt_uitkomst,
        status: na.status,
        behandelaar: behandelaar.as_deref().map(gebruiker_record),
        bevestigd: na.bevestigd,
        conclusie: na.conclusie,
        conclusie_tekst,
        // The state machine sets it when closing and clears it when reopening.
        uitkomst: na.uitkomst.clone(),
        wacht_op: na.wacht_op,
        pauze_dagen,
        pauze_sinds,
        verlenging_dagen: i64::from(na.verlenging_dagen),
        afgerond: na.is_afgerond().then_some(nu),
    }
}

/// What step `h` by `g` does to the case `stand` at `nu`, computed without the database: the facts
/// stored afterwards and the new timeline entries, or why the step is refused. Taking up or
/// reopening an unassigned case assigns it to the one who does it. `voer_uit` stores the result;
/// the demo data is made with it too, so both follow the same rules. `medewerkers`: the staff who
/// may handle cases (whom a case can be assigned to, and their names on the timeline).
pub fn bereken_stap(
    stand: &StandDb,
    g: &Gebruiker,
    h: &Handeling,
    medewerkers: &[MedewerkerDb],
    nu: DateTime<Utc>,
) -> Result<(Wijziging, Vec<Regel>), BehandelFout> {
    let naam_van =
        |id: &str| medewerkers.iter().find(|m| m.id == id).map_or_else(|| "een medewerker".into(), |m| m.naam.clone());
    let mut behandelaar = behandelaar_na(stand, g, h, medewerkers)?;
    let mut regels = Vec::new();
    let mut huidig = zaak(stand);
    let zelf_toewijzen =
        matches!(h, Handeling::InBehandeling { .. } | Handeling::Heropen { .. }) && behandelaar.is_none();
    if zelf_toewijzen {
        behandelaar = Some(g.id.clone());
        huidig.toegewezen = true;
        regels.push(regel(nu, g, Tijdlijnsoort::Toewijzing, format!("Toegewezen aan {}.", g.naam)));
    }
    let na = pas_toe(&huidig, h).map_err(BehandelFout::Geweigerd)?;
    let soort = match h {
        Handeling::Toewijzen { .. } => Tijdlijnsoort::Toewijzing,
        Handeling::Verleng { .. } => Tijdlijnsoort::Termijn,
        _ => Tijdlijnsoort::Status,
    };
    regels.push(regel(nu + chrono::TimeDelta::milliseconds(1), g, soort, beschrijving(h, &naam_van)));
    let pauze = pauze_na(stand, huidig.status, na.status, nu);
    Ok((wijziging(stand, h, &na, behandelaar, pauze, nu), regels))
}
