//! Documents on a case: uploaded by case workers (and by experts with their answer), checked on
//! size and on content, stored on disk by checksum, listed on the case and downloaded only by
//! those who may see the case.

pub mod api;
#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod inhoud;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod routes;
#[cfg(feature = "ssr")]
pub mod service;
pub mod ui;
#[cfg(feature = "ssr")]
pub mod upload;
