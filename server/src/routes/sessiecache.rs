//! Validated sessions, kept in memory for a few seconds so that a signed-in request does not
//! wait on three database queries (the session, the second-factor rule, the enrolment).
//!
//! What stays exact:
//! - **Absolute and idle expiry** are checked on every hit against the times the database gave.
//! - **Ending a session** (logout, password or role change, disabling, a second factor enrolled
//!   or removed, the second-factor rule changed) always happens in a state-changing request.
//!   The session layer calls [`SessieCache::vergeet_alles`] when such a request has been
//!   handled, before its response leaves, so the next request of every session is checked
//!   against the database again. Writes are rare next to reads, so this costs little and needs
//!   no list of which handler ends which session.
//! - **Another process** (the CLI, a second app server) cannot reach this memory: an entry is
//!   trusted for at most [`HOUDBAAR`], after which the database decides again.

use app::auth::service::Sessie;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How long a validated session is trusted without asking the database.
pub const HOUDBAAR: Duration = Duration::from_secs(5);
/// More entries than this and the cache starts over (each is a few hundred bytes).
const MAX_INGANGEN: usize = 10_000;

struct Ingang {
    sessie: Sessie,
    opgehaald: Instant,
    generatie: u64,
}

#[derive(Default)]
pub struct SessieCache {
    ingangen: Mutex<HashMap<String, Ingang>>,
    /// Raised by every state-changing request; an entry of an older generation is not used.
    generatie: AtomicU64,
}

impl std::fmt::Debug for SessieCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessieCache")
    }
}

impl SessieCache {
    /// The generation to store a database answer under: read it *before* asking the database,
    /// so an answer that a concurrent write made stale is never trusted.
    pub fn generatie(&self) -> u64 {
        self.generatie.load(Ordering::Acquire)
    }

    /// The session of `sleutel` (the token's hash), if validated recently enough and still
    /// within its absolute and idle limits at `nu`.
    pub fn haal(&self, sleutel: &str, nu: DateTime<Utc>, inactief_max: chrono::Duration) -> Option<Sessie> {
        let ingangen = self.ingangen.lock().ok()?;
        let i = ingangen.get(sleutel)?;
        let geldig = i.generatie == self.generatie()
            && i.opgehaald.elapsed() < HOUDBAAR
            && i.sessie.verloopt > nu
            && i.sessie.laatst_gebruikt > nu - inactief_max;
        geldig.then(|| i.sessie.clone())
    }

    /// Keeps the database's answer for `sleutel`, got under `generatie`.
    pub fn bewaar(&self, sleutel: String, sessie: Sessie, generatie: u64) {
        let Ok(mut ingangen) = self.ingangen.lock() else { return };
        if ingangen.len() >= MAX_INGANGEN {
            ingangen.clear();
        }
        ingangen.insert(sleutel, Ingang { sessie, opgehaald: Instant::now(), generatie });
    }

    /// After a state-changing request: no entry is trusted any more.
    pub fn vergeet_alles(&self) {
        self.generatie.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut ingangen) = self.ingangen.lock() {
            ingangen.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::auth::model::{Gebruiker, Rol};

    fn sessie(nu: DateTime<Utc>) -> Sessie {
        Sessie {
            gebruiker: Gebruiker {
                id: "g1".into(),
                email: "a@b.be".into(),
                naam: "A".into(),
                rollen: vec![Rol::Casewerker],
            },
            moet_inschrijven: false,
            verloopt: nu + chrono::Duration::hours(1),
            laatst_gebruikt: nu,
        }
    }

    #[test]
    fn een_bewaarde_sessie_wordt_teruggegeven() {
        let c = SessieCache::default();
        let nu = Utc::now();
        c.bewaar("h".into(), sessie(nu), c.generatie());
        let s = c.haal("h", nu, chrono::Duration::minutes(30)).map(|s| s.gebruiker.email);
        assert_eq!(s.as_deref(), Some("a@b.be"));
        assert!(c.haal("ander", nu, chrono::Duration::minutes(30)).is_none());
    }

    #[test]
    fn een_schrijvend_verzoek_maakt_alles_ongeldig() {
        let c = SessieCache::default();
        let nu = Utc::now();
        c.bewaar("h".into(), sessie(nu), c.generatie());
        c.vergeet_alles();
        assert!(c.haal("h", nu, chrono::Duration::minutes(30)).is_none());
    }

    #[test]
    fn een_antwoord_van_voor_een_schrijvend_verzoek_wordt_niet_vertrouwd() {
        let c = SessieCache::default();
        let nu = Utc::now();
        let voor = c.generatie();
        c.vergeet_alles(); // a logout finished while the lookup was under way
        c.bewaar("h".into(), sessie(nu), voor);
        assert!(c.haal("h", nu, chrono::Duration::minutes(30)).is_none());
    }

    #[test]
    fn verlopen_en_inactief_gelden_ook_in_het_geheugen() {
        let c = SessieCache::default();
        let nu = Utc::now();
        c.bewaar("h".into(), sessie(nu), c.generatie());
        let later = nu + chrono::Duration::hours(2);
        assert!(c.haal("h", later, chrono::Duration::hours(5)).is_none(), "past the absolute expiry");
        let stil = nu + chrono::Duration::minutes(31);
        assert!(c.haal("h", stil, chrono::Duration::minutes(30)).is_none(), "idle too long");
    }
}
