//! Staff accounts, login and sessions.

pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
pub use ui::LoginStatus;
