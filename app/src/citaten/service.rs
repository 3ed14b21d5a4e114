//! Citing a knowledge-base page in a case.

use super::model::{Citaat, CitatenData, CiteerKeuze, NieuwCitaat};
use super::repo::{self, CitaatInvoer};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use crate::gemeen::records::gebruiker_record;
use crate::gemeen::{Foutsoort, GebruikersFout, STORING};
use crate::kennisbank::model::Lezer;
use crate::kennisbank::zoekindex::Kennisindex;
use chrono::{DateTime, Utc};

#[derive(Debug, thiserror::Error)]
pub enum CitaatFout {
    #[error("de melding bestaat niet")]
    MeldingOnbekend,
    #[error("de pagina of haar revisie bestaat niet")]
    PaginaOnbekend,
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("kennisbank: {0}")]
    Kennis(#[from] crate::kennisbank::fout::KennisFout),
}

impl GebruikersFout for CitaatFout {
    fn veld(&self) -> Option<&'static str> {
        Some("citaat")
    }

    fn soort(&self) -> Foutsoort {
        match self {
            Self::MeldingOnbekend => Foutsoort::NietGevonden,
            Self::PaginaOnbekend => Foutsoort::Ongeldig,
            Self::Db(_) | Self::Kennis(_) => Foutsoort::Storing,
        }
    }

    fn bericht(&self) -> String {
        match self {
            Self::MeldingOnbekend => "Deze melding bestaat niet.".into(),
            Self::PaginaOnbekend => {
                "Deze pagina bestaat niet meer in de kennisbank. Zoek opnieuw en kies een pagina uit de resultaten."
                    .into()
            }
            Self::Db(_) | Self::Kennis(_) => STORING.into(),
        }
    }
}

/// Cites revision `c.revisie` of the page: the revision must exist (it is the one the case worker
/// read, even when the page changed since).
pub async fn citeer(
    db: &Db,
    g: &Gebruiker,
    referentie: &str,
    c: NieuwCitaat,
    nu: DateTime<Utc>,
) -> Result<(), CitaatFout> {
    let titel =
        crate::kennisbank::service::citeerbaar(db, &c.slug, c.revisie).await?.ok_or(CitaatFout::PaginaOnbekend)?;
    let mut tekst = format!("Kennisbank geciteerd: {titel} (revisie {}).", c.revisie);
    if !c.toelichting.is_empty() {
        tekst = format!("{tekst} {}", c.toelichting);
    }
    let invoer = CitaatInvoer {
        slug: c.slug,
        titel,
        revisie: c.revisie,
        toelichting: c.toelichting,
        door: g.naam.clone(),
        gebruiker: gebruiker_record(&g.id),
        tijdstip: nu,
        tekst,
    };
    if repo::citeer(db, referentie, invoer).await? { Ok(()) } else { Err(CitaatFout::MeldingOnbekend) }
}

/// The citations of a case and, when `zoek` is given, the pages found for it (staff search).
pub async fn data(db: &Db, index: &Kennisindex, referentie: &str, zoek: &str) -> Result<CitatenData, CitaatFout> {
    let citaten = repo::van_melding(db, referentie)
        .await?
        .into_iter()
        .map(|c| Citaat {
            slug: c.slug,
            titel: c.titel,
            revisie: c.revisie,
            huidige_revisie: c.huidige_revisie,
            toelichting: c.toelichting,
            door: c.door,
            tijdstip: c.tijdstip,
        })
        .collect();
    let zoek: String = zoek.trim().chars().take(200).collect();
    let mut treffers = Vec::new();
    if !zoek.is_empty() {
        let filter = crate::kennisbank::model::ZoekFilter { q: zoek.clone(), ..Default::default() };
        let res = crate::kennisbank::weergave::zoek(db, index, &filter, Lezer::Medewerker).await?;
        let revisies = crate::kennisbank::service::huidige_revisies(db).await?;
        for t in res.treffers.into_iter().take(8) {
            let slug = t.pad.trim_start_matches("/kennisbank/").to_string();
            if let Some((_, revisie)) = revisies.iter().find(|(s, _)| *s == slug) {
                treffers.push(CiteerKeuze { slug, titel: t.titel, samenvatting: t.samenvatting, revisie: *revisie });
            }
        }
    }
    Ok(CitatenData { citaten, zoek, treffers })
}

impl From<CitaatFout> for crate::error::AppError {
    fn from(e: CitaatFout) -> Self {
        e.naar_app()
    }
}
