//! Errors as users meet them: a message per field, the kind of refusal (which decides the HTTP
//! status in one place), and the plain Dutch message. Every feature error implements
//! `GebruikersFout`; its own `thiserror` text is for the log only.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What people read when something failed on our side. Written once.
pub const STORING: &str = "Dit lukt nu niet door een storing bij ons. Probeer het zo meteen opnieuw.";

/// An editor's save refused because someone saved a newer version since (knowledge pages,
/// templates): what happened and what to do, the typed text being shown again.
pub fn verouderd_bericht(gelezen: i64, huidig: i64) -> String {
    format!(
        "Niet bewaard: iemand anders bewaarde intussen een nieuwere versie (versie {huidig}; u begon van versie \
         {gelezen}). Uw tekst staat hieronder nog. Bekijk de revisies, neem de wijzigingen over en bewaar opnieuw."
    )
}

/// An editor's save that failed on our side; the typed text is shown again.
pub const STORING_TEKST_BEWAARD: &str =
    "Er ging iets mis aan onze kant. Uw tekst staat hieronder nog; probeer het later opnieuw.";

/// Messages per field name (the first message a field gets is kept).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Veldfouten(pub BTreeMap<String, String>);

impl Veldfouten {
    pub fn get(&self, veld: &str) -> Option<&str> {
        self.0.get(veld).map(String::as_str)
    }
    pub fn zet(&mut self, veld: &str, bericht: &str) {
        self.0.entry(veld.to_string()).or_insert_with(|| bericht.to_string());
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// `Ok(waarde)` when no field got a message, the messages otherwise.
    pub fn of<T>(self, waarde: T) -> Result<T, Self> {
        if self.is_empty() { Ok(waarde) } else { Err(self) }
    }
}

/// The kinds of refusal a user can meet; each has one HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foutsoort {
    /// The input was refused (422).
    Ongeldig,
    /// Someone changed the object since it was read (409).
    Verouderd,
    /// The object does not exist, or is not theirs to see (404).
    NietGevonden,
    /// Signed in, but not allowed (403).
    GeenToegang,
    /// Too many attempts (429).
    TeVeel,
    /// An upload above the limit (413).
    TeGroot,
    /// It existed, and was removed on purpose (410), e.g. a document after the retention period.
    Weg,
    /// Something on our side failed (503); the detail goes to the log only.
    Storing,
}

impl Foutsoort {
    #[cfg(feature = "ssr")]
    pub fn status(self) -> http::StatusCode {
        use http::StatusCode as S;
        match self {
            Self::Ongeldig => S::UNPROCESSABLE_ENTITY,
            Self::Verouderd => S::CONFLICT,
            Self::NietGevonden => S::NOT_FOUND,
            Self::GeenToegang => S::FORBIDDEN,
            Self::TeVeel => S::TOO_MANY_REQUESTS,
            Self::TeGroot => S::PAYLOAD_TOO_LARGE,
            Self::Weg => S::GONE,
            Self::Storing => S::SERVICE_UNAVAILABLE,
        }
    }
}

/// A feature error as users meet it.
pub trait GebruikersFout: std::fmt::Display {
    fn soort(&self) -> Foutsoort;
    /// What the user reads, in plain Dutch.
    fn bericht(&self) -> String;
    /// The form field the message belongs next to, if any (otherwise it goes above the form).
    fn veld(&self) -> Option<&'static str> {
        None
    }

    /// Logs the error once: failures on our side as errors, refusals as information.
    #[cfg(feature = "ssr")]
    fn log(&self) {
        match self.soort() {
            Foutsoort::Storing => tracing::error!(error = %self, "request failed"),
            _ => tracing::info!(error = %self, "request refused"),
        }
    }

    /// The wire error of a server function, with its status set on the response.
    fn naar_app(&self) -> crate::error::AppError {
        use crate::error::AppError;
        #[cfg(feature = "ssr")]
        self.log();
        match self.soort() {
            Foutsoort::Ongeldig | Foutsoort::Verouderd | Foutsoort::TeVeel | Foutsoort::TeGroot => {
                AppError::Ongeldig(self.bericht())
            }
            Foutsoort::Weg => AppError::NietGevonden,
            Foutsoort::NietGevonden => AppError::NietGevonden,
            Foutsoort::GeenToegang => AppError::GeenToegang,
            Foutsoort::Storing => AppError::Intern,
        }
        .met_status()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_message_of_a_field_is_kept() {
        let mut f = Veldfouten::default();
        f.zet("naam", "Vul uw naam in.");
        f.zet("naam", "Te lang.");
        assert_eq!(f.get("naam"), Some("Vul uw naam in."));
        assert_eq!(f.clone().of(()), Err(f));
        assert_eq!(Veldfouten::default().of(3), Ok(3));
    }
}
