//! Proposing possible duplicates and linking meldingen. Who may do so is checked by the caller,
//! for both meldingen.

use super::model::*;
use super::repo::{self, Uitkomst, Wijziging};
use super::woorden::{gedeeld, kernwoorden, rangschik};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use crate::gemeen::{Foutsoort, GebruikersFout, STORING};
use crate::zaak::model::{Referentie, Status};
use chrono::{DateTime, TimeDelta, Utc};

#[derive(Debug, thiserror::Error)]
pub enum KoppelFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("melding not found")]
    NietGevonden,
    #[error("a melding cannot be linked to itself")]
    Zichzelf,
    #[error("already linked")]
    AlGekoppeld,
    #[error("not linked")]
    NietGekoppeld,
    #[error("not a reference: {0}")]
    OngeldigeReferentie(String),
}

impl GebruikersFout for KoppelFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::NietGevonden => Foutsoort::NietGevonden,
            Self::Db(_) => Foutsoort::Storing,
            _ => Foutsoort::Ongeldig,
        }
    }

    fn veld(&self) -> Option<&'static str> {
        Some("met")
    }

    fn bericht(&self) -> String {
        match self {
            Self::NietGevonden => "Die melding vinden we niet.".into(),
            Self::Zichzelf => "Een melding kan niet aan zichzelf gekoppeld worden.".into(),
            Self::AlGekoppeld => "Deze meldingen zijn al gekoppeld.".into(),
            Self::NietGekoppeld => "Deze meldingen zijn niet (meer) gekoppeld.".into(),
            Self::OngeldigeReferentie(_) => "Geef een referentie zoals M-2026-00042.".into(),
            Self::Db(_) => STORING.into(),
        }
    }
}

impl From<KoppelFout> for crate::error::AppError {
    fn from(e: KoppelFout) -> Self {
        e.naar_app()
    }
}

fn status(code: &str) -> Status {
    Status::from_code(code).unwrap_or(Status::Ontvangen)
}

/// Meldingen about the same location received within `VENSTER_DAGEN` days of this one, not yet
/// linked to it, with the most shared significant words first.
pub async fn voorstellen(db: &Db, referentie: &str) -> Result<Vec<Voorstel>, KoppelFout> {
    let eigen = repo::eigen(db, referentie).await?.ok_or(KoppelFout::NietGevonden)?;
    let Some(locatie) = eigen.locatie else { return Ok(Vec::new()) };
    let venster = TimeDelta::days(VENSTER_DAGEN);
    let kandidaten =
        repo::kandidaten(db, referentie, locatie, eigen.ontvangen - venster, eigen.ontvangen + venster).await?;
    let woorden = kernwoorden(&eigen.omschrijving);
    let gescoord = kandidaten
        .into_iter()
        .map(|k| {
            let w = gedeeld(&woorden, &kernwoorden(&k.omschrijving));
            (w, (k.ontvangen - eigen.ontvangen).num_seconds(), k)
        })
        .collect();
    Ok(rangschik(gescoord)
        .into_iter()
        .take(MAX_VOORSTELLEN)
        .map(|(mut w, k)| {
            w.truncate(8);
            Voorstel {
                status: status(&k.status),
                kort: kort(&k.omschrijving, 160),
                referentie: k.referentie,
                ontvangen: k.ontvangen,
                gedeelde_woorden: w,
            }
        })
        .collect())
}

/// The meldingen linked to this one and the proposals.
pub async fn koppelingen(db: &Db, referentie: &str) -> Result<Koppelingen, KoppelFout> {
    let gekoppeld = repo::gekoppeld(db, referentie)
        .await?
        .into_iter()
        .map(|g| Gekoppeld {
            status: status(&g.status),
            kort: kort(&g.omschrijving, 160),
            referentie: g.referentie,
            door: g.door,
            tijdstip: g.tijdstip,
        })
        .collect();
    Ok(Koppelingen { gekoppeld, voorstellen: voorstellen(db, referentie).await? })
}

/// The links and proposals `g` may see: an account manager only those of meldingen they may
/// see themselves.
pub async fn zichtbare_koppelingen(db: &Db, g: &Gebruiker, referentie: &str) -> Result<Koppelingen, KoppelFout> {
    let mut k = koppelingen(db, referentie).await?;
    if !g.ziet_alle_meldingen() {
        k.gekoppeld = zichtbaar(db, g, k.gekoppeld, |x| x.referentie.as_str()).await?;
        k.voorstellen = zichtbaar(db, g, k.voorstellen, |x| x.referentie.as_str()).await?;
    }
    Ok(k)
}

async fn zichtbaar<T>(db: &Db, g: &Gebruiker, lijst: Vec<T>, r: impl Fn(&T) -> &str) -> Result<Vec<T>, KoppelFout> {
    use crate::zaak::toegang::{ToegangFout, mag_zien};
    let mut uit = Vec::new();
    for x in lijst {
        if mag_zien(db, g, r(&x)).await.map_err(|ToegangFout::Db(e)| KoppelFout::Db(e))? {
            uit.push(x);
        }
    }
    Ok(uit)
}

fn paar<'a>(
    van: &'a Referentie,
    met: &'a Referentie,
    tekst: impl Fn(&str) -> String,
    g: &'a Gebruiker,
    nu: DateTime<Utc>,
) -> Result<Wijziging<'a>, KoppelFout> {
    if van == met {
        return Err(KoppelFout::Zichzelf);
    }
    let (a, b) = if van.as_str() < met.as_str() { (van, met) } else { (met, van) };
    Ok(Wijziging {
        a: (a.as_str(), tekst(b.as_str())),
        b: (b.as_str(), tekst(a.as_str())),
        door: &g.id,
        door_naam: &g.naam,
        tijdstip: nu,
    })
}

/// Links two meldingen; both timelines get an entry.
pub async fn koppel(
    db: &Db,
    g: &Gebruiker,
    van: &Referentie,
    met: &Referentie,
    nu: DateTime<Utc>,
) -> Result<(), KoppelFout> {
    let w = paar(van, met, |ander| format!("Gekoppeld aan melding {ander}: mogelijk over dezelfde feiten."), g, nu)?;
    match repo::koppel(db, w).await? {
        Uitkomst::Gedaan => Ok(()),
        Uitkomst::Onbekend => Err(KoppelFout::NietGevonden),
        Uitkomst::AlZo => Err(KoppelFout::AlGekoppeld),
    }
}

/// Removes the link; both timelines get an entry.
pub async fn ontkoppel(
    db: &Db,
    g: &Gebruiker,
    van: &Referentie,
    met: &Referentie,
    nu: DateTime<Utc>,
) -> Result<(), KoppelFout> {
    let w = paar(van, met, |ander| format!("Koppeling met melding {ander} opgeheven."), g, nu)?;
    match repo::ontkoppel(db, w).await? {
        Uitkomst::Gedaan => Ok(()),
        Uitkomst::Onbekend => Err(KoppelFout::NietGevonden),
        Uitkomst::AlZo => Err(KoppelFout::NietGekoppeld),
    }
}
