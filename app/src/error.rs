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

impl AppError {
    /// Sets the HTTP status that belongs to this error on the current response (404 for
    /// "not found", 422 for refused input), so a server function never answers 500 for them.
    pub fn met_status(self) -> Self {
        #[cfg(feature = "ssr")]
        {
            let code = match &self {
                Self::NietAangemeld => Some(http::StatusCode::UNAUTHORIZED),
                Self::GeenToegang => Some(http::StatusCode::FORBIDDEN),
                Self::NietGevonden => Some(http::StatusCode::NOT_FOUND),
                Self::Ongeldig(_) => Some(http::StatusCode::UNPROCESSABLE_ENTITY),
                Self::Intern | Self::Verbinding => None,
            };
            if let (Some(code), Some(opts)) = (code, leptos::prelude::use_context::<leptos_axum::ResponseOptions>()) {
                opts.set_status(code);
            }
        }
        self
    }
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
