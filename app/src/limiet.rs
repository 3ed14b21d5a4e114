//! Rate limits on the public endpoints, per client address: the report form, the follow-up
//! lookup, adding information as reporter, and the location search of the report form.
//!
//! One mechanism for all of them: a GCRA limiter (`governor`) per kind of request, keyed by the
//! client address as the server sees it (the socket peer, as the login throttle uses). Each
//! limit is "so many requests per hour": the full number may come at once (parents behind one
//! shared NAT), then one request more comes free every hour/number. The state lives in memory
//! in this server process; it starts empty after a restart.
//!
//! The failure counters of login and wrong follow-up codes (`login_poging`, in the database)
//! stay as they are: they count failures, not requests.

use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

/// The kinds of public request, each with its own budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    /// `POST /melden` (also "zoek" in the form without JavaScript and refused submissions).
    Melden,
    /// `POST /opvolgen`.
    Opvolgen,
    /// `POST /opvolgen/aanvullen`.
    Aanvullen,
    /// `GET /api/zoek_locaties` (the picker on `/melden` searches while typing).
    LocatieZoeken,
}

/// Requests per hour per address. Defaults are generous for parents behind a shared address
/// (a school, an employer, public Wi-Fi) and still stop a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimietConfig {
    pub melden_per_uur: u32,
    pub opvolgen_per_uur: u32,
    pub aanvullen_per_uur: u32,
    pub zoeken_per_uur: u32,
}

impl Default for LimietConfig {
    fn default() -> Self {
        Self { melden_per_uur: 60, opvolgen_per_uur: 120, aanvullen_per_uur: 60, zoeken_per_uur: 1800 }
    }
}

type Begrenzer = RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, DefaultClock>;

/// A refused request: how long until the next one is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wacht(pub Duration);

impl Wacht {
    /// Whole seconds for the `Retry-After` header (at least 1).
    pub fn seconden(&self) -> u64 {
        (self.0.as_secs() + u64::from(self.0.subsec_nanos() > 0)).max(1)
    }

    /// The Dutch message: how long to wait and from what time (Belgian time) to try again.
    pub fn bericht(&self, nu: chrono::DateTime<chrono::Utc>) -> String {
        let s = self.seconden();
        let vanaf = nu + chrono::TimeDelta::seconds(s as i64);
        let duur = match s {
            0..=59 => "een minuut".to_string(),
            _ => {
                let m = s.div_ceil(60);
                if m == 1 { "een minuut".to_string() } else { format!("{m} minuten") }
            }
        };
        format!(
            "Er kwamen vanaf uw internetverbinding te veel aanvragen kort na elkaar (op een gedeelde \
             verbinding, zoals op school, op het werk of op openbare wifi, tellen ook anderen mee). Uw \
             gegevens zijn niet verloren. Probeer het opnieuw over {duur} (vanaf {} uur).",
            crate::tijd::in_belgie(vanaf).format("%H:%M")
        )
    }
}

pub struct Limieten {
    melden: Begrenzer,
    opvolgen: Begrenzer,
    aanvullen: Begrenzer,
    zoeken: Begrenzer,
}

impl std::fmt::Debug for Limieten {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Limieten").field("adressen", &self.melden.len()).finish()
    }
}

fn begrenzer(per_uur: u32) -> Begrenzer {
    let n = NonZeroU32::new(per_uur.max(1)).unwrap_or(NonZeroU32::MIN);
    RateLimiter::keyed(Quota::per_hour(n))
}

/// Addresses are compared as a household would be (IPv6 by its /64); the audit log's limit on
/// anonymous entries groups them the same way.
pub use crate::gemeen::http::adresgroep as sleutel;

/// Above this many remembered addresses per limiter, addresses that are back at a full budget
/// are forgotten.
const OPRUIMEN_BOVEN: usize = 10_000;

impl Limieten {
    pub fn new(c: &LimietConfig) -> Self {
        Self {
            melden: begrenzer(c.melden_per_uur),
            opvolgen: begrenzer(c.opvolgen_per_uur),
            aanvullen: begrenzer(c.aanvullen_per_uur),
            zoeken: begrenzer(c.zoeken_per_uur),
        }
    }

    /// Counts one request of this kind from this address. Without a known address (never the
    /// case behind the real listener) nothing is limited.
    pub fn controleer(&self, soort: Soort, adres: Option<IpAddr>) -> Result<(), Wacht> {
        let Some(adres) = adres else { return Ok(()) };
        let b = match soort {
            Soort::Melden => &self.melden,
            Soort::Opvolgen => &self.opvolgen,
            Soort::Aanvullen => &self.aanvullen,
            Soort::LocatieZoeken => &self.zoeken,
        };
        if b.len() > OPRUIMEN_BOVEN {
            b.retain_recent();
        }
        b.check_key(&sleutel(adres)).map_err(|niet_voor| {
            tracing::warn!(soort = ?soort, "rate limit reached");
            Wacht(niet_voor.wait_time_from(b.clock().now()))
        })
    }
}

/// For public server functions: counts the request of the current visitor (logged-in staff are
/// not limited); a refusal answers 429 with `Retry-After` and the Dutch message.
pub fn voor_server_fn(limieten: &Limieten, personeel: bool, soort: Soort) -> Result<(), crate::error::AppError> {
    if personeel {
        return Ok(());
    }
    let parts = leptos::prelude::use_context::<http::request::Parts>();
    let adres = parts.as_ref().and_then(crate::gemeen::http::adres);
    limieten.controleer(soort, adres).map_err(|wacht| {
        if let Some(opts) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            opts.set_status(http::StatusCode::TOO_MANY_REQUESTS);
            if let Ok(v) = http::HeaderValue::from_str(&wacht.seconden().to_string()) {
                opts.insert_header(http::header::RETRY_AFTER, v);
            }
        }
        crate::error::AppError::Ongeldig(wacht.bericht(chrono::Utc::now()))
    })
}

/// For form handlers: counts this request of an anonymous visitor (by the socket address, as the
/// login throttle does; logged-in staff are not limited); `Err` with the wait when this address
/// used up its budget.
pub fn voor_verzoek(
    limieten: &Limieten,
    parts: &http::request::Parts,
    personeel: bool,
    soort: Soort,
) -> Result<(), Wacht> {
    if personeel {
        return Ok(());
    }
    limieten.controleer(soort, crate::gemeen::http::adres(parts))
}

/// Adds `Retry-After` (seconds) to a 429 answer.
pub fn met_wacht(mut resp: axum::response::Response, wacht: Wacht) -> axum::response::Response {
    if let Ok(v) = http::HeaderValue::from_str(&wacht.seconden().to_string()) {
        resp.headers_mut().insert(http::header::RETRY_AFTER, v);
    }
    resp
}

impl Default for Limieten {
    fn default() -> Self {
        Self::new(&LimietConfig::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_per_address_and_per_kind() {
        let l = Limieten::new(&LimietConfig { melden_per_uur: 2, ..Default::default() });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let b: IpAddr = "192.0.2.2".parse().unwrap();
        assert!(l.controleer(Soort::Melden, Some(a)).is_ok());
        assert!(l.controleer(Soort::Melden, Some(a)).is_ok());
        let w = l.controleer(Soort::Melden, Some(a)).unwrap_err();
        // One request comes free every 30 minutes.
        assert!(w.seconden() > 29 * 60 && w.seconden() <= 30 * 60, "{w:?}");
        assert!(l.controleer(Soort::Melden, Some(b)).is_ok(), "another address has its own budget");
        assert!(l.controleer(Soort::Opvolgen, Some(a)).is_ok(), "another kind has its own budget");
        assert!(l.controleer(Soort::Melden, None).is_ok());
    }

    #[test]
    fn ipv6_counts_per_64_and_mapped_ipv4_as_ipv4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        assert_eq!(sleutel(a), sleutel(b));
        assert_ne!(sleutel(a), sleutel("2001:db8:1:3::1".parse().unwrap()));
        assert_eq!(sleutel("::ffff:192.0.2.7".parse().unwrap()), "192.0.2.7".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn the_message_says_when_to_retry() {
        let nu = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z").unwrap().to_utc();
        let m = Wacht(Duration::from_secs(600)).bericht(nu);
        assert!(m.contains("over 10 minuten") && m.contains("vanaf 10:10 uur"), "{m}");
        assert_eq!(Wacht(Duration::from_millis(200)).seconden(), 1);
        assert_eq!(Wacht(Duration::from_millis(1200)).seconden(), 2);
    }
}
