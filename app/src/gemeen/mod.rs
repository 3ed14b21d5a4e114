//! The shared kit every feature builds its forms on: field errors, the form echo, word lists,
//! keys, contact checks, the error → status + Dutch message mapping, and (server side) the
//! version-checked write and the HTTP helpers of a form handler; the record ids and the timeline
//! every feature writes and shows.
//! Nothing here imports a feature.

pub mod audit;
#[cfg(feature = "ssr")]
pub mod auditlimiet;
pub mod contact;
pub mod formulier;
pub mod fout;
#[cfg(feature = "ssr")]
pub mod http;
#[cfg(feature = "ssr")]
pub mod klantadres;
#[cfg(feature = "ssr")]
pub mod opslag;
#[cfg(feature = "ssr")]
pub mod records;
pub mod sleutel;
pub mod tijdlijn;
#[cfg(feature = "ssr")]
pub mod versie;
pub mod woordenlijst;

pub use formulier::{FormEcho, Velden};
pub use fout::{Foutsoort, GebruikersFout, STORING, Veldfouten};
pub use sleutel::{Sleutel, is_sleutel};

/// The database handle every repo takes (server only; no SurrealDB type reaches the wasm build).
#[cfg(feature = "ssr")]
pub type Db = surrealdb::Surreal<surrealdb::engine::any::Any>;
