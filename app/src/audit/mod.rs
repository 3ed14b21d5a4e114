//! The audit log as coordinators read it: the page with filters, keyset paging and the CSV
//! export; and the check of its hash chain (`keten`). Writing entries is in the kit
//! (`crate::gemeen::audit`), since every feature does it.

pub mod api;
#[cfg(feature = "ssr")]
pub mod keten;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
