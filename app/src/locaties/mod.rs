//! Organisatoren and Locaties.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
