//! Adviesvragen: requests for input from experts (jurist, pedagoog, arts, ...), who see only what
//! a request shares and answer on a focused page.

pub mod api;
#[cfg(feature = "ssr")]
pub mod documenten;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
