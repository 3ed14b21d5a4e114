//! The one error type that crosses the wire from server functions to the browser.
//! Each feature keeps its own `thiserror` enum and maps it here after logging the detail.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Not logged in (or the session ended).
    #[error("U bent niet (meer) aangemeld. Meld u opnieuw aan.")]
    NietAangemeld,
    /// Logged in, but this role may not do this.
    #[error("U hebt geen toegang tot deze gegevens.")]
    GeenToegang,
    #[error("Deze gegevens bestaan niet (meer).")]
    NietGevonden,
    /// The user's input was refused; the message is meant for the user.
    #[error("{0}")]
    Ongeldig(String),
    /// Something failed on our side; details are in the server log only.
    #[error("Er ging iets mis aan onze kant. Probeer het later opnieuw.")]
    Intern,
    /// The request itself could not be carried (network, encoding).
    #[error("De verbinding met de server lukte niet. Probeer het opnieuw.")]
    Verbinding,
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::Ongeldig("Het verzoek was onvolledig of ongeldig.".into())
            }
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::Verbinding,
            _ => AppError::Intern,
        }
    }
}
