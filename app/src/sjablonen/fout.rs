//! The templates' errors; logged, then mapped to the wire type with a plain Dutch message.

use crate::error::AppError;
use crate::gemeen::{Foutsoort, GebruikersFout};

#[derive(Debug, thiserror::Error)]
pub enum SjabloonFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("template not found")]
    NietGevonden,
    /// A new template whose short name (slug) is taken, also by one created at the same moment.
    #[error("a template with this slug exists")]
    Bestaat,
    /// A word to remove that is not (or no longer) on the jargon list.
    #[error("word not on the jargon list")]
    WoordOnbekend,
    /// Someone saved a newer revision since the editor read revision `gelezen`.
    #[error("revision {gelezen} is outdated: the template is at revision {huidig}")]
    Verouderd { gelezen: i64, huidig: i64 },
    /// A stored template that no longer reads (should not happen: every write is read first).
    #[error("stored template {slug} is invalid: {reden}")]
    Inconsistent { slug: String, reden: String },
    /// A template file that does not read, with every problem (import).
    #[error("{bestand}: {fouten}")]
    Bestand { bestand: String, fouten: String },
}

impl GebruikersFout for SjabloonFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::NietGevonden | Self::WoordOnbekend => Foutsoort::NietGevonden,
            Self::Verouderd { .. } | Self::Bestaat => Foutsoort::Verouderd,
            Self::Bestand { .. } => Foutsoort::Ongeldig,
            _ => Foutsoort::Storing,
        }
    }

    fn bericht(&self) -> String {
        match self {
            Self::Verouderd { gelezen, huidig } => crate::gemeen::fout::verouderd_bericht(*gelezen, *huidig),
            Self::NietGevonden => "Dit sjabloon bestaat niet (meer).".into(),
            Self::Bestaat => "Er bestaat al een sjabloon met deze korte naam.".into(),
            Self::WoordOnbekend => "Dit woord staat niet (meer) in de lijst. Laad de pagina opnieuw.".into(),
            Self::Bestand { bestand, fouten } => format!("{bestand} kan niet gelezen worden: {fouten}"),
            _ => crate::gemeen::fout::STORING_TEKST_BEWAARD.into(),
        }
    }

    fn veld(&self) -> Option<&'static str> {
        matches!(self, Self::Bestaat).then_some("slug")
    }
}

impl From<SjabloonFout> for AppError {
    fn from(e: SjabloonFout) -> Self {
        e.naar_app()
    }
}
