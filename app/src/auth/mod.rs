//! Staff accounts, login and sessions.

pub mod account;
#[cfg(feature = "ssr")]
mod account_routes;
#[cfg(feature = "ssr")]
pub mod cookie;
pub mod model;
#[cfg(feature = "ssr")]
pub mod rem;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod toegang;
pub mod tweede_factor;
pub mod ui;
pub mod wachtwoordlijst;
#[cfg(feature = "ssr")]
mod wijzigen;

/// The staff member of the request being rendered (pages render on the server only).
pub fn aangemelde() -> Option<model::Gebruiker> {
    #[cfg(feature = "ssr")]
    {
        service::huidige_gebruiker()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}
