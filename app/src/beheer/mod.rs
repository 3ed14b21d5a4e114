//! What coordinators maintain in the browser: the services a case can be referred to
//! (`/beheer/diensten`) and the deadline rules per case type and category (`/beheer/termijnen`).

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;

use crate::auth::model::Rol;

/// Who maintains these lists.
pub const BEHEERDERS: &[Rol] = &[Rol::Coordinator];
