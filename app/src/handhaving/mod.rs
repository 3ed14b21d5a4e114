//! Handhaving: enforcement dossiers of a location. A dossier is a sequence of steps (vaststelling,
//! voortraject, aanmaning, voornemen, horen, beslissing, bezwaar, afsluiting); which step may follow
//! which is decided in one place ([`regels`]), and the licence status follows the decisions.

#[cfg(feature = "ssr")]
pub mod dossiers;
#[cfg(feature = "ssr")]
pub mod fout;
#[cfg(feature = "ssr")]
pub mod invoer;
#[cfg(feature = "ssr")]
pub mod lezen;
pub mod model;
pub mod regels;
pub mod register;
#[cfg(feature = "ssr")]
pub mod register_repo;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
pub mod api;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod ui;
