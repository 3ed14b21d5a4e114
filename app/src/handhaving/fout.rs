//! Enforcement's errors; logged, then mapped to the page or the wire type with plain Dutch.

use super::regels::Weigering;
use crate::gemeen::{Foutsoort, GebruikersFout};

#[derive(Debug, thiserror::Error)]
pub enum HandhavingFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("dossier not found")]
    NietGevonden,
    #[error("location not found")]
    LocatieOnbekend,
    #[error("melding not of this location")]
    MeldingOnbekend,
    /// The location has an open dossier (its number).
    #[error("open dossier {0}")]
    AlOpen(String),
    /// The step cannot follow the dossier's steps.
    #[error("refused: {0}")]
    Regel(#[from] Weigering),
    /// An immediate suspension without the reason children are in danger.
    #[error("immediate suspension without reason")]
    RedenOntbreekt,
    /// Someone added a step since the page was read.
    #[error("dossier changed meanwhile")]
    Verouderd,
}

impl GebruikersFout for HandhavingFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::Db(_) => Foutsoort::Storing,
            Self::NietGevonden => Foutsoort::NietGevonden,
            Self::LocatieOnbekend | Self::MeldingOnbekend | Self::Regel(_) | Self::RedenOntbreekt => Foutsoort::Ongeldig,
            Self::AlOpen(_) | Self::Verouderd => Foutsoort::Verouderd,
        }
    }

    fn bericht(&self) -> String {
        match self {
            Self::Db(_) => crate::gemeen::fout::STORING_TEKST_BEWAARD.into(),
            Self::NietGevonden => "Dit dossier bestaat niet.".into(),
            Self::LocatieOnbekend => "Kies een bestaande kinderopvanglocatie.".into(),
            Self::MeldingOnbekend => "Een gekozen melding hoort niet bij deze locatie.".into(),
            Self::AlOpen(nummer) => {
                format!("Voor deze locatie loopt al een dossier ({nummer}). Voeg daar een stap toe.")
            }
            Self::Regel(w) => w.uitleg().into(),
            Self::RedenOntbreekt => {
                "Schrijf waarom de kinderen in gevaar zijn: een onmiddellijke schorsing slaat de gewone stappen over.".into()
            }
            Self::Verouderd => {
                "Iemand voegde intussen een stap toe aan dit dossier. Bekijk het dossier opnieuw en probeer nog eens.".into()
            }
        }
    }

    fn veld(&self) -> Option<&'static str> {
        match self {
            Self::LocatieOnbekend | Self::AlOpen(_) => Some("locatie"),
            Self::MeldingOnbekend => Some("meldingen"),
            Self::Regel(_) => Some("soort"),
            Self::RedenOntbreekt => Some("reden"),
            _ => None,
        }
    }
}

impl From<HandhavingFout> for crate::error::AppError {
    fn from(e: HandhavingFout) -> Self {
        e.naar_app()
    }
}
