//! The knowledge base's errors; logged, then mapped to the wire type with a plain Dutch message.

use crate::error::AppError;
use crate::gemeen::{Foutsoort, GebruikersFout};

#[derive(Debug, thiserror::Error)]
pub enum KennisFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("search index: {0}")]
    Zoek(#[from] kennisbank::ZoekFout),
    #[error("page not found")]
    NietGevonden,
    /// Someone saved a newer revision since the editor read revision `gelezen`.
    #[error("revision {gelezen} is outdated: the page is at revision {huidig}")]
    Verouderd { gelezen: i64, huidig: i64 },
    /// A stored page that no longer parses (should not happen: every write is parsed first).
    #[error("stored page {slug} is invalid: {reden}")]
    Inconsistent { slug: String, reden: String },
    #[error("content: {0}")]
    Bestand(String),
}

impl GebruikersFout for KennisFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::NietGevonden => Foutsoort::NietGevonden,
            Self::Verouderd { .. } => Foutsoort::Verouderd,
            _ => Foutsoort::Storing,
        }
    }

    /// The message an editor sees.
    fn bericht(&self) -> String {
        match self {
            Self::Verouderd { gelezen, huidig } => crate::gemeen::fout::verouderd_bericht(*gelezen, *huidig),
            Self::NietGevonden => "Deze pagina bestaat niet (meer).".into(),
            _ => crate::gemeen::fout::STORING_TEKST_BEWAARD.into(),
        }
    }
}

impl From<KennisFout> for AppError {
    fn from(e: KennisFout) -> Self {
        e.naar_app()
    }
}
