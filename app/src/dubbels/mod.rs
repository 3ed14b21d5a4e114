//! Possible duplicates: meldingen about the same location, received within 90 days of each other,
//! ranked by the significant words their descriptions share; and links between meldingen
//! ("gekoppeld aan"), visible from both sides, each link and unlink on both timelines.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
pub mod woorden;
