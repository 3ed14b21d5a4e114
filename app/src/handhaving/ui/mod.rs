//! Enforcement pages, server-rendered without islands: the public register (no account), the
//! staff list of dossiers and one dossier with the form to add a step.

mod dossier;
mod dossiers;
mod register;

pub use dossier::DossierScherm;
pub use dossiers::DossiersPagina;
pub use register::RegisterPagina;
