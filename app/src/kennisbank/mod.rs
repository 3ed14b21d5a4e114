//! Kennisbank: regulation and procedure pages for staff, the public FAQ, revisions, and Dutch search.
//! The engine (page files, rendering and sanitising, tantivy) is the `kennisbank` crate, server only.

pub mod api;
#[cfg(feature = "ssr")]
pub mod fout;
pub mod model;
#[cfg(feature = "ssr")]
pub mod omzetten;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
/// The SurrealDB FULLTEXT engine, kept only to compare with tantivy (`meldpunt bench zoeken`):
/// not in the production binary.
#[cfg(all(feature = "ssr", any(test, feature = "bench")))]
pub mod surreal_zoeker;
pub mod ui;
#[cfg(feature = "ssr")]
pub mod weergave;
#[cfg(feature = "ssr")]
pub mod zoekdienst;
#[cfg(feature = "ssr")]
pub mod zoekindex;

use crate::auth::model::Rol;

/// Who may read the staff pages of the knowledge base.
pub const LEZERS: &[Rol] =
    &[Rol::Casewerker, Rol::KlantenbeheerderKinderopvang, Rol::Coordinator, Rol::Kennisbeheerder];
/// Who may edit and publish.
pub const BEHEERDERS: &[Rol] = &[Rol::Kennisbeheerder];
