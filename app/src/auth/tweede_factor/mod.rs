//! The second factor: TOTP (RFC 6238) enrolment with a QR code, recovery codes, the code step
//! of the login, and the per-role requirement.

pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod totp;
pub mod ui;
