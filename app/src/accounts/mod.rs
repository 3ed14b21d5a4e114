//! Account administration for the `beheerder` role at `/beheer/accounts`: add accounts, change
//! roles and discipline, disable and enable, set a password, wipe a second factor, and which
//! roles must use a second factor. No case data.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
