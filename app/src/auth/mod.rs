//! Staff accounts, login and sessions.

pub mod account;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
pub mod tweede_factor;
pub mod ui;
pub mod wachtwoordlijst;
pub use ui::LoginStatus;
