//! The messages' errors; logged, then mapped to the page or the wire type with plain Dutch.

use crate::error::AppError;
use crate::gemeen::{Foutsoort, GebruikersFout};

#[derive(Debug, thiserror::Error)]
pub enum BerichtFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("template: {0}")]
    Sjabloon(#[from] crate::sjablonen::fout::SjabloonFout),
    #[error("pdf: {0}")]
    Pdf(String),
    #[error("document: {0}")]
    Document(String),
    #[error("services: {0}")]
    Diensten(String),
    #[error("melding not found")]
    MeldingOnbekend,
    #[error("template not found")]
    SjabloonOnbekend,
    #[error("message not found")]
    NietGevonden,
    /// The writer tried to approve their own message.
    #[error("own message")]
    EigenBericht,
    /// Approved or sent back meanwhile, or no longer in the state the action needs.
    #[error("message no longer in that state")]
    AlBehandeld,
    /// The text approved is not the text stored (changed since it was read).
    #[error("hash mismatch")]
    AndereTekst,
    /// The attachments together are over `model::MAX_BIJLAGEN_BYTES`.
    #[error("attachments too large")]
    BijlagenTeGroot,
    /// An attachment is not one of the case's documents (any more).
    #[error("attachment not of this case")]
    BijlageOnbekend,
    /// The template does not go out this way (e.g. a letter from an e-mail-only template).
    #[error("channel not allowed by the template")]
    KanaalPastNiet,
    /// No letter ticked in the print batch.
    #[error("no letters chosen")]
    GeenBrieven,
}

impl GebruikersFout for BerichtFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::Db(_) | Self::Sjabloon(_) | Self::Diensten(_) | Self::Pdf(_) | Self::Document(_) => Foutsoort::Storing,
            Self::MeldingOnbekend | Self::NietGevonden => Foutsoort::NietGevonden,
            Self::SjabloonOnbekend
            | Self::EigenBericht
            | Self::BijlageOnbekend
            | Self::BijlagenTeGroot
            | Self::KanaalPastNiet
            | Self::GeenBrieven => Foutsoort::Ongeldig,
            Self::AlBehandeld | Self::AndereTekst => Foutsoort::Verouderd,
        }
    }

    fn bericht(&self) -> String {
        match self {
            Self::Db(_) | Self::Sjabloon(_) | Self::Diensten(_) | Self::Pdf(_) | Self::Document(_) => {
                crate::gemeen::fout::STORING_TEKST_BEWAARD.into()
            }
            Self::MeldingOnbekend => "Deze melding bestaat niet.".into(),
            Self::NietGevonden => "Dit bericht bestaat niet.".into(),
            Self::SjabloonOnbekend => "Dit sjabloon bestaat niet meer. Kies een ander sjabloon.".into(),
            Self::EigenBericht => "U schreef dit bericht zelf. Een collega moet het nazien.".into(),
            Self::AlBehandeld => "Dit bericht werd intussen al behandeld. Bekijk hoe het er nu voor staat.".into(),
            Self::AndereTekst => {
                "Het bericht is niet meer de tekst die u las. Lees het opnieuw voor u het goedkeurt.".into()
            }
            Self::BijlagenTeGroot => {
                "De bijlagen samen zijn te groot voor een e-mail: hoogstens 15 MB. Kies minder bijlagen.".into()
            }
            Self::BijlageOnbekend => {
                "Een gekozen bijlage hoort niet (meer) bij deze melding. Kies de bijlagen opnieuw.".into()
            }
            Self::KanaalPastNiet => "Dit sjabloon vertrekt niet op die manier. Kies e-mail of brief zoals het sjabloon voorziet.".into(),
            Self::GeenBrieven => "Vink minstens één brief aan.".into(),
        }
    }

    fn veld(&self) -> Option<&'static str> {
        match self {
            Self::SjabloonOnbekend => Some("sjabloon"),
            Self::BijlageOnbekend | Self::BijlagenTeGroot => Some("bijlagen"),
            Self::KanaalPastNiet => Some("kanaal"),
            Self::GeenBrieven => Some("brieven"),
            _ => None,
        }
    }
}

impl From<BerichtFout> for AppError {
    fn from(e: BerichtFout) -> Self {
        e.naar_app()
    }
}
