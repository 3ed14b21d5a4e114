//! Meldingen: the public form, intake, the werkbak and the case page. The top of the case
//! domain: it puts the case features together; none of them imports it.

pub mod api;
pub mod formulier;
#[cfg(test)]
mod formulier_tests;
#[cfg(feature = "ssr")]
pub mod intake;
pub mod model;
pub mod registratie;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
#[cfg(feature = "ssr")]
pub mod werkbak_repo;
