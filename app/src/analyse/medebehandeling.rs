//! Co-handling: the klantenbeheerder kinderopvang next to the case worker. An account manager
//! takes it up themselves, a coordinator chooses anyone of that role; replacing a co-handler needs
//! a reason. The co-handler ends it themselves, or a coordinator does, with a reason. Every change
//! goes through the case's version check and lands on the timeline.

use super::model::MedeInvoer;
use super::repo::{self, Opslag};
use super::service::{AnalyseFout, klantenbeheerders, regel, verouderd};
use crate::auth::model::{Gebruiker, Rol};
use crate::gemeen::Db;
use crate::gemeen::records::gebruiker_record;
use crate::gemeen::tijdlijn::Tijdlijnsoort;
use crate::zaak::model::is_afgerond;
use chrono::{DateTime, Utc};

/// Makes `m.aan` the co-handler, or ends co-handling when `m.aan` is `None`.
pub async fn zet_medebehandelaar(
    db: &Db,
    g: &Gebruiker,
    referentie: &str,
    versie: i64,
    m: MedeInvoer,
    nu: DateTime<Utc>,
) -> Result<(), AnalyseFout> {
    let stand = super::service::stand(db, referentie).await?;
    if stand.versie != versie {
        return Err(verouderd(db, referentie, versie).await);
    }
    if is_afgerond(stand.status) {
        return Err(AnalyseFout::Afgerond);
    }
    let huidig = repo::betrokkenen(db, referentie).await?.ok_or(AnalyseFout::NietGevonden)?;
    let oud = huidig.medebehandelaar.clone().map(|id| {
        let naam = huidig.medebehandelaar_naam.clone().unwrap_or_else(|| id.clone());
        (id, naam)
    });
    let coordinator = g.rollen.contains(&Rol::Coordinator);
    let reden = m.reden.as_ref().map(|r| r.as_str().to_string());
    let (aan, tekst) = match m.aan {
        None => {
            let (oud_id, oud_naam) = oud.ok_or(AnalyseFout::GeenMedebehandelaar)?;
            let zelf = oud_id == g.id;
            if !zelf && !coordinator {
                return Err(AnalyseFout::GeenStoprecht);
            }
            if !zelf && reden.is_none() {
                return Err(AnalyseFout::RedenNodigBijStoppen);
            }
            let mut tekst = format!("Medebehandeling beëindigd: {oud_naam} is geen medebehandelaar meer.");
            if let Some(r) = &reden {
                tekst.push_str(&format!(" Reden: {r}"));
            }
            (None, tekst)
        }
        Some(aan) => {
            let naam = klantenbeheerders(db)
                .await?
                .into_iter()
                .find(|(id, _)| id == &aan)
                .map(|(_, n)| n)
                .ok_or_else(|| AnalyseFout::GeenKlantenbeheerder(aan.clone()))?;
            if aan != g.id && !coordinator {
                return Err(AnalyseFout::GeenToewijzingsrecht);
            }
            let mut tekst = format!("Medebehandelaar (klantenbeheerder kinderopvang): {naam}.");
            match (&oud, &reden) {
                (Some((id, _)), _) if *id == aan => return Err(AnalyseFout::AlMedebehandelaar),
                (Some(_), None) => return Err(AnalyseFout::RedenNodig),
                (Some((_, oud_naam)), Some(r)) => tekst.push_str(&format!(" In de plaats van {oud_naam}. Reden: {r}")),
                (None, Some(r)) => tekst.push_str(&format!(" {r}")),
                (None, None) => {}
            }
            (Some(gebruiker_record(&aan)), tekst)
        }
    };
    let r = regel(nu, g, Tijdlijnsoort::Toewijzing, tekst);
    match repo::zet_medebehandelaar(db, referentie, versie, aan, gebruiker_record(&g.id), r).await? {
        Opslag::Bewaard(_) => {
            tracing::info!(referentie, "co-handler changed");
            Ok(())
        }
        Opslag::Verouderd => Err(verouderd(db, referentie, versie).await),
        Opslag::Onbekend => Err(AnalyseFout::NietGevonden),
    }
}
