//! Sjablonen: the letter and e-mail templates the team writes from (`/sjablonen`), with their
//! revisions, a preview filled with example values, editing and creating them in the browser
//! (`/sjablonen/nieuw`), import and export as files, and the writing aid's jargon list
//! (`/sjablonen/jargon`). The template language (front matter, merge fields, optional parts,
//! fill-in markers) is the `sjabloon` crate, server only.

pub mod api;
#[cfg(feature = "ssr")]
pub mod fout;
#[cfg(feature = "ssr")]
pub mod invoer;
#[cfg(feature = "ssr")]
pub mod jargon;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
#[cfg(feature = "ssr")]
pub mod voorbeeld;

use crate::auth::model::Rol;

/// Who may read and edit the templates: coordinators and knowledge editors.
pub const BEHEERDERS: &[Rol] = &[Rol::Coordinator, Rol::Kennisbeheerder];
/// Who may change the writing aid's jargon list (the others of `BEHEERDERS` read it).
pub const JARGONBEHEERDERS: &[Rol] = &[Rol::Coordinator];
