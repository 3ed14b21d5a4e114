//! Berichten: e-mails and letters written from a case with a template (`/meldingen/<ref>/schrijven`), a second
//! reader where the template asks for one (`/nazicht`), a durable outbox in the database sent
//! over SMTP by a worker in every app server, letters printed in one batch and marked posted
//! (`/uitgaand`), and the frozen proof of what was sent
//! (`/berichten/<id>`, and on the case's timeline).

pub mod api;
#[cfg(feature = "ssr")]
pub mod fout;
#[cfg(feature = "ssr")]
pub mod lezen;
pub mod model;
#[cfg(feature = "ssr")]
pub mod opstel;
#[cfg(feature = "ssr")]
pub mod pdf;
#[cfg(feature = "ssr")]
pub mod post;
#[cfg(feature = "ssr")]
pub mod postbus;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod schrijven;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
#[cfg(feature = "ssr")]
pub mod waarden;
#[cfg(feature = "ssr")]
pub mod wachtrij_repo;

use crate::auth::model::Rol;

/// Who reviews messages and handles the outbox: coordinators.
pub const NAZIENERS: &[Rol] = &[Rol::Coordinator];
