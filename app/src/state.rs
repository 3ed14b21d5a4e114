//! The one piece of shared server state: the database handle, the configuration and the
//! knowledge base's search index.

pub use crate::gemeen::Db;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Config {
    /// Mark cookies `Secure` (on when served over TLS).
    pub secure_cookies: bool,
    /// Absolute session lifetime.
    pub sessie_duur: chrono::Duration,
    /// A session unused this long ends.
    pub sessie_inactief: chrono::Duration,
    /// Requests per hour per address on the public endpoints.
    pub limieten: crate::limiet::LimietConfig,
    /// Where uploaded documents are stored (one file per checksum).
    pub documenten: std::path::PathBuf,
    /// Largest document accepted, in bytes.
    pub max_document: usize,
    /// The key for the TOTP secrets (`--sleutelbestand`).
    pub kluis: crate::kluis::Kluis,
    /// Reverse proxies whose `X-Forwarded-For` / `Forwarded` are believed (`--trusted-proxy`).
    pub vertrouwde_proxies: Vec<crate::gemeen::klantadres::Netwerk>,
    /// Who messages come from, and whether a mail server is set.
    pub afzender: crate::gemeen::afzender::Afzender,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            sessie_duur: chrono::Duration::hours(10),
            sessie_inactief: chrono::Duration::minutes(30),
            limieten: crate::limiet::LimietConfig::default(),
            documenten: std::path::PathBuf::from("data/documenten"),
            max_document: 10 * 1000 * 1000,
            kluis: crate::kluis::Kluis::tijdelijk(),
            vertrouwde_proxies: Vec::new(),
            afzender: crate::gemeen::afzender::Afzender::default(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    /// The knowledge base's search index, shared by every request.
    pub kennis: Arc<Kennisindex>,
    /// The rate limits of the public endpoints (in memory, per process).
    pub limieten: Arc<crate::limiet::Limieten>,
}

impl AppState {
    pub fn new(db: Db, config: Config) -> Self {
        let limieten = Arc::new(crate::limiet::Limieten::new(&config.limieten));
        Self { db, config: Arc::new(config), kennis: Arc::default(), limieten }
    }

    /// The documents folder.
    pub fn bestanden(&self) -> crate::gemeen::opslag::Bestanden {
        crate::gemeen::opslag::Bestanden::new(self.config.documenten.clone())
    }
}

/// The knowledge base's search index: built from the database on first use, updated on every
/// save (its methods are the knowledge-base feature's, `kennisbank::zoekindex`).
#[derive(Default)]
pub struct Kennisindex {
    pub(crate) zoeker: tokio::sync::RwLock<Option<kennisbank::zoek::TantivyZoeker>>,
}

impl std::fmt::Debug for Kennisindex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Kennisindex")
    }
}

/// Reads the `AppState` that the server provides to every render and server function.
pub fn app_state() -> Result<AppState, crate::error::AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        crate::error::AppError::Intern
    })
}
