//! The shared kit every feature builds its forms on: field errors, the form echo, word lists,
//! keys, contact checks, the error → status + Dutch message mapping, and (server side) the
//! version-checked write and the HTTP helpers of a form handler; the record ids and the timeline
//! every feature writes and shows.
//! Nothing here imports a feature.

#[cfg(feature = "ssr")]
pub mod afzender;
pub mod audit;
#[cfg(feature = "ssr")]
pub mod auditlimiet;
pub mod contact;
pub mod diff;
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

/// The database handle every repo takes (server only; no SurrealDB type reaches the wasm build):
/// the SurrealDB client (`db.query(…)` reaches it through `Deref`), and what this process keeps
/// per database: the audit entries waiting for their shared commit (`audit::schrijf`).
///
/// Cloning shares the one client. A clone of a `Surreal` handle itself is a new database
/// session, registered and later dropped by one engine task in order: cloned with the state on
/// every request, those events queued up under load (memory grew ~10 KB per request) and a
/// request after a busy moment waited seconds for its session. Every query binds its values and
/// runs its transaction inside one statement list, so one shared session is all we need.
#[cfg(feature = "ssr")]
#[derive(Clone)]
pub struct Db {
    surreal: std::sync::Arc<surrealdb::Surreal<surrealdb::engine::any::Any>>,
    pub(crate) audit: std::sync::Arc<audit::Wachtrij>,
}

#[cfg(feature = "ssr")]
impl Db {
    pub fn new(surreal: surrealdb::Surreal<surrealdb::engine::any::Any>) -> Self {
        Self { surreal: std::sync::Arc::new(surreal), audit: std::sync::Arc::default() }
    }
}

#[cfg(feature = "ssr")]
impl std::ops::Deref for Db {
    type Target = surrealdb::Surreal<surrealdb::engine::any::Any>;
    fn deref(&self) -> &Self::Target {
        &self.surreal
    }
}

#[cfg(feature = "ssr")]
impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Db")
    }
}
