//! The Meldpunt server: configuration, CLI commands and the axum router around the Leptos app.

#![recursion_limit = "256"]

pub mod audit;
pub mod bench;
pub mod bewaring;
pub mod cli;
pub mod config;
pub mod demo;
pub mod logging;
pub mod router;
pub mod routes;

pub use router::{ServerState, router};
