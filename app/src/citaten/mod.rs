//! Citing the knowledge base from a case: staff search the knowledge base on the case page and cite
//! a page; the citation keeps the revision that was cited, so the dossier shows what the case
//! worker read then, even after the page changes.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
