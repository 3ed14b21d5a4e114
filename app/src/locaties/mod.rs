//! Organisatoren and Locaties.

pub mod api;
pub mod model;
pub mod overzicht;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
