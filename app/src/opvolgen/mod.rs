//! `/opvolgen`: a reporter follows their melding with the reference and the secret code from
//! intake, sees its status in plain Dutch (nothing internal) and can add information.

pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
