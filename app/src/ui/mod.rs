//! Shared page parts: the HTML shell, the layout and small helpers.

pub mod eiland;
pub mod formulier;
pub mod layout;
pub mod pages;
pub mod shell;

use crate::auth::model::Gebruiker;

/// The staff member of the request being rendered (pages render on the server only).
pub fn aangemelde() -> Option<Gebruiker> {
    #[cfg(feature = "ssr")]
    {
        crate::auth::service::huidige_gebruiker()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// Sets the HTTP status of the page being rendered (e.g. 422 for a refused form).
pub fn zet_status(_code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(opts), Ok(code)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(_code))
    {
        opts.set_status(code);
    }
}
