//! Case handling: the state machine of a case, its steps on the timeline, assignment,
//! pausing and extending the clock, and refusing saves based on an old version.

pub mod formulier;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod stap;
pub mod tijdlijn;
pub mod ui;
