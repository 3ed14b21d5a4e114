//! Analysis and follow-up of a case: the points raised in a melding, each with findings, the
//! sources that support them and a conclusion; the follow-up actions after the analysis; and the
//! co-handling account manager (klantenbeheerder kinderopvang) next to the case worker.

pub mod api;
#[cfg(feature = "ssr")]
pub mod dossier;
#[cfg(feature = "ssr")]
pub mod medebehandeling;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
