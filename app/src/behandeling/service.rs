//! Case handling: applies a step of the state machine (computed in `stap`) to the stored case,
//! refuses it with a Dutch reason when a requirement is missing, and refuses a save based on an old
//! version. Also the handling facts, staff and timeline as other features read them, and notes.

use super::model::*;
/// The handling facts of a case as stored (status, clocks, conclusion, outcome, version).
pub use super::repo::StandDb as Stand;
use super::repo::{self, Opslag};
use crate::auth::model::{CASEWERK, Gebruiker, Rol};
use crate::gemeen::Db;
use crate::gemeen::records::tijdlijn_record;
use crate::gemeen::tijdlijn::{Regel, TijdlijnItem, Tijdlijnsoort};
use crate::gemeen::{Foutsoort, GebruikersFout, STORING};
use crate::zaak::model::is_afgerond;
use crate::zaak::service::regel;
use chrono::{DateTime, Utc};

#[derive(Debug, thiserror::Error)]
pub enum BehandelFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("case not found")]
    NietGevonden,
    #[error("refused: {0}")]
    Geweigerd(Weigering),
    #[error("only a coordinator assigns cases to someone else")]
    GeenToewijzingsrecht,
    #[error("not a staff member who handles cases: {0}")]
    OnbekendeBehandelaar(String),
    #[error("the case changed since version {gelezen}")]
    Verouderd { gelezen: i64, wijzigingen: Vec<TijdlijnItem> },
    #[error("the corrected entry is not on this case's timeline")]
    OnbekendeRegel,
    #[error("stored data does not match the domain: {0}")]
    Inconsistent(String),
}

impl GebruikersFout for BehandelFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::Verouderd { .. } => Foutsoort::Verouderd,
            Self::NietGevonden => Foutsoort::NietGevonden,
            Self::Db(_) | Self::Inconsistent(_) => Foutsoort::Storing,
            _ => Foutsoort::Ongeldig,
        }
    }

    fn veld(&self) -> Option<&'static str> {
        match self {
            Self::Geweigerd(Weigering::GeenDienst) => Some("dienst"),
            _ => None,
        }
    }

    /// What the case worker reads next to the form.
    fn bericht(&self) -> String {
        match self {
            Self::Geweigerd(w) => w.to_string(),
            Self::GeenToewijzingsrecht => "Alleen een teamcoördinator wijst meldingen toe aan iemand anders.".into(),
            Self::OnbekendeBehandelaar(_) => "Kies een medewerker uit de lijst.".into(),
            Self::Verouderd { .. } => "Iemand anders wijzigde deze melding terwijl u ze bekeek. Uw stap is niet \
                bewaard. Bekijk wat er veranderde en probeer opnieuw; uw tekst staat nog in het formulier."
                .into(),
            Self::NietGevonden => "Deze melding bestaat niet.".into(),
            Self::OnbekendeRegel => "Kies een regel van deze tijdlijn om te corrigeren.".into(),
            Self::Db(_) | Self::Inconsistent(_) => STORING.into(),
        }
    }
}

/// The handling facts of a case as stored; `None` for an unknown reference.
pub async fn stand(db: &Db, referentie: &str) -> Result<Option<Stand>, BehandelFout> {
    Ok(repo::stand(db, referentie).await?)
}

/// The state machine's view of a stored case.
pub fn zaak(s: &Stand) -> Zaak {
    Zaak {
        status: s.status,
        toegewezen: s.behandelaar.is_some(),
        melder_bereikbaar: s.melder_bereikbaar,
        bevestigd: s.bevestigd,
        conclusie: s.conclusie,
        uitkomst: s.uitkomst.clone(),
        wacht_op: s.wacht_op,
        verlenging_dagen: u32::try_from(s.verlenging_dagen).unwrap_or(0),
    }
}

/// Computes and stores the deadlines of cases written before deadlines were stored (at start-up).
pub async fn vul_vervaldata_aan(db: &Db) -> Result<usize, BehandelFout> {
    let mut totaal = 0;
    loop {
        let rijen = repo::zonder_vervaldata(db, 500).await?;
        if rijen.is_empty() {
            return Ok(totaal);
        }
        for (referentie, stand) in &rijen {
            let (b, u) = crate::termijnen::model::vervaldata(&stand.klok(is_afgerond(stand.status)));
            repo::zet_vervaldata(db, referentie, b, u).await?;
        }
        totaal += rijen.len();
    }
}

/// Staff who may handle cases, as (id, name), for the coordinator's assignment list.
pub async fn medewerkers(db: &Db) -> Result<Vec<(String, String)>, BehandelFout> {
    Ok(repo::behandelaars(db, CASEWERK.to_vec()).await?.into_iter().map(|m| (m.id, m.naam)).collect())
}

/// Active staff with one of `rollen`, as (id, name), by name.
pub async fn medewerkers_met(db: &Db, rollen: &[Rol]) -> Result<Vec<(String, String)>, BehandelFout> {
    Ok(repo::behandelaars(db, rollen.to_vec()).await?.into_iter().map(|m| (m.id, m.naam)).collect())
}

impl From<BehandelFout> for crate::error::AppError {
    fn from(e: BehandelFout) -> Self {
        e.naar_app()
    }
}

/// The entries written after version `gelezen`: what the case worker did not see yet.
pub async fn wijzigingen_sinds(db: &Db, referentie: &str, gelezen: i64) -> Result<Vec<TijdlijnItem>, BehandelFout> {
    Ok(repo::tijdlijn(db, referentie, Some(gelezen)).await?.into_iter().map(crate::gemeen::tijdlijn::item).collect())
}

/// The whole timeline of a case, oldest first.
pub async fn tijdlijn(db: &Db, referentie: &str) -> Result<Vec<TijdlijnItem>, BehandelFout> {
    Ok(repo::tijdlijn(db, referentie, None).await?.into_iter().map(crate::gemeen::tijdlijn::item).collect())
}

/// Applies step `h` by `g` to the case, if it is still at version `versie`.
pub async fn voer_uit(
    db: &Db,
    g: &Gebruiker,
    referentie: &str,
    versie: i64,
    h: Handeling,
    nu: DateTime<Utc>,
) -> Result<i64, BehandelFout> {
    let stand = repo::stand(db, referentie).await?.ok_or(BehandelFout::NietGevonden)?;
    if stand.versie != versie {
        let wijzigingen = wijzigingen_sinds(db, referentie, versie).await?;
        return Err(BehandelFout::Verouderd { gelezen: versie, wijzigingen });
    }
    // A referral names a service of the maintained list that is still active, with its contact data.
    let h = match h {
        Handeling::Verwijs { dienst, reden } => {
            let d = match crate::gemeen::is_sleutel(&dienst) {
                true => crate::beheer::service::actieve_dienst(db, &dienst)
                    .await
                    .map_err(|e| BehandelFout::Inconsistent(e.to_string()))?,
                false => None,
            };
            let d = d.ok_or(BehandelFout::Geweigerd(Weigering::GeenDienst))?;
            Handeling::Verwijs { dienst: d.met_contact(), reden }
        }
        h => h,
    };
    let medewerkers = repo::behandelaars(db, CASEWERK.to_vec()).await?;
    let (wijziging, regels) = super::stap::bereken_stap(&stand, g, &h, &medewerkers, nu)?;
    match repo::bewaar_stap(db, referentie, versie, wijziging, regels).await? {
        Opslag::Bewaard(v) => {
            tracing::info!(referentie, stap = h.soort().code(), versie = v, "case step stored");
            Ok(v)
        }
        Opslag::Verouderd => {
            let wijzigingen = wijzigingen_sinds(db, referentie, versie).await?;
            Err(BehandelFout::Verouderd { gelezen: versie, wijzigingen })
        }
        Opslag::Onbekend => Err(BehandelFout::NietGevonden),
    }
}

/// The timeline entry of a note, a contactmoment or a correction by `g` at `nu` (a correction
/// points to the entry it corrects; `noteer` checks that it is one of the same case).
pub fn notitie_regel(nu: DateTime<Utc>, g: &Gebruiker, n: super::tijdlijn::Notitie) -> Regel {
    use super::tijdlijn::Notitie;
    match n {
        Notitie::Intern { tekst } => regel(nu, g, Tijdlijnsoort::Notitie, tekst),
        Notitie::Contact { kanaal, richting, partij, tekst } => Regel {
            kanaal: Some(kanaal),
            richting: Some(richting),
            partij: Some(partij),
            ..regel(nu, g, Tijdlijnsoort::Contact, tekst)
        },
        Notitie::Correctie { van, tekst } => {
            Regel { corrigeert: Some(tijdlijn_record(&van)), ..regel(nu, g, Tijdlijnsoort::Correctie, tekst) }
        }
    }
}

/// Adds a note, a contactmoment or a correction to the timeline. A correction must point to an
/// entry of the same case.
pub async fn noteer(
    db: &Db,
    g: &Gebruiker,
    referentie: &str,
    n: super::tijdlijn::Notitie,
    nu: DateTime<Utc>,
) -> Result<(), BehandelFout> {
    if let super::tijdlijn::Notitie::Correctie { van, .. } = &n {
        let bestaande = repo::tijdlijn(db, referentie, None).await?;
        if !bestaande.iter().any(|t| &t.id == van) {
            return Err(BehandelFout::OnbekendeRegel);
        }
    }
    if repo::voeg_toe(db, referentie, notitie_regel(nu, g, n)).await? {
        Ok(())
    } else {
        Err(BehandelFout::NietGevonden)
    }
}
