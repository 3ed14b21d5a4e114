//! Staff accounts, login and sessions.

pub mod account;
#[cfg(feature = "ssr")]
mod account_routes;
#[cfg(feature = "ssr")]
pub mod cookie;
pub mod model;
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
