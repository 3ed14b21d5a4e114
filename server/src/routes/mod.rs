//! The layers every request passes (security headers, session, same-origin check, rendering a
//! page again for a refused form) and static files. Form routes live in their features.

pub mod beveiliging;
pub mod render;
pub mod sessie;
pub mod sessiecache;
pub mod statisch;
