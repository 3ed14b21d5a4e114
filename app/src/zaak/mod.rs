//! The case, as every case feature shares it: its words (reference, status, kind, categories,
//! assessment…), the werkbak's address, and (server side) who may see a case, its facts as
//! reported and the timeline entry of a staff member. Imports no case feature: the features
//! build on it, and the case page (`meldingen`) puts them together.

pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod toegang;
pub mod werkbak_filter;
