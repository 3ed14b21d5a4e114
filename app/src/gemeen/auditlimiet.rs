//! A limit on anonymous audit entries per client address, so that nobody fills the log (or the
//! disk under it) by sending refused requests with text of their choosing.
//!
//! At most `PER_MINUUT` anonymous entries per minute per address (IPv6 per /64), as a GCRA budget
//! (`governor`): the full number may come at once, then one more every 60/`PER_MINUUT` seconds.
//! Beyond that an entry is dropped. Instead of counting the dropped ones, the first drop writes
//! one entry "begrensd" for that address, and then at most one every `MELDING_ELKE`: a coordinator
//! sees that, when and from where entries were left out, the log grows by a bounded amount
//! whatever the sender does, and no count has to be kept and written later (a summary written
//! at the sender's next request would depend on the sender coming back).
//!
//! Entries of staff and of the server itself are never limited; neither are entries without an
//! address (commands, tests). The budgets live in this server process, like the other limits.

use governor::clock::DefaultClock;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::LazyLock;
use std::time::Duration;

/// Anonymous entries per minute per address.
pub const PER_MINUUT: u32 = 30;
/// At most one "begrensd" entry per address this often.
pub const MELDING_ELKE: Duration = Duration::from_secs(10 * 60);

/// What to do with one anonymous entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beslissing {
    Schrijven,
    /// Over the limit: write the "begrensd" entry instead.
    Melden,
    /// Over the limit, and the "begrensd" entry of this period is written.
    Overslaan,
}

type Begrenzer = RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, DefaultClock>;

/// Above this many remembered addresses, addresses back at a full budget are forgotten.
const OPRUIMEN_BOVEN: usize = 10_000;

static REGELS: LazyLock<Begrenzer> =
    LazyLock::new(|| RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(PER_MINUUT).unwrap_or(NonZeroU32::MIN))));
static MELDINGEN: LazyLock<Begrenzer> = LazyLock::new(|| {
    let quota = Quota::with_period(MELDING_ELKE).unwrap_or_else(|| Quota::per_hour(NonZeroU32::MIN));
    RateLimiter::keyed(quota)
});

/// Counts one anonymous entry from this address.
pub fn anoniem(adres: IpAddr) -> Beslissing {
    let groep = super::http::adresgroep(adres);
    for b in [&*REGELS, &*MELDINGEN] {
        if b.len() > OPRUIMEN_BOVEN {
            b.retain_recent();
        }
    }
    if REGELS.check_key(&groep).is_ok() {
        return Beslissing::Schrijven;
    }
    if MELDINGEN.check_key(&groep).is_ok() {
        tracing::warn!(adres = %groep, per_minuut = PER_MINUUT, "anonymous audit entries over the limit; dropped");
        Beslissing::Melden
    } else {
        Beslissing::Overslaan
    }
}

/// The object of the "begrensd" entry.
pub fn melding() -> String {
    format!(
        "meer dan {PER_MINUUT} anonieme regels per minuut van dit adres: de volgende niet gelogd \
         (deze melding hoogstens om de {} minuten)",
        MELDING_ELKE.as_secs() / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_is_per_address_and_the_drop_is_reported_once() {
        let a: IpAddr = "198.51.100.201".parse().unwrap();
        let b: IpAddr = "198.51.100.202".parse().unwrap();
        let begin = std::time::Instant::now();
        let uit: Vec<Beslissing> = (0..PER_MINUUT + 20).map(|_| anoniem(a)).collect();
        let geschreven = uit.iter().filter(|b| **b == Beslissing::Schrijven).count();
        // One more comes free every two seconds while the loop runs.
        let vrij = PER_MINUUT as usize + begin.elapsed().as_secs() as usize / 2 + 1;
        assert!((PER_MINUUT as usize..=vrij).contains(&geschreven), "{uit:?}");
        assert_eq!(uit.iter().filter(|b| **b == Beslissing::Melden).count(), 1, "{uit:?}");
        assert_eq!(anoniem(b), Beslissing::Schrijven, "another address has its own budget");
    }

    #[test]
    fn an_ipv6_sender_cannot_escape_by_changing_the_last_64_bits() {
        let uit: Vec<Beslissing> =
            (0..PER_MINUUT + 5).map(|i| anoniem(format!("2001:db8:77:1::{i:x}").parse().unwrap())).collect();
        assert!(uit.contains(&Beslissing::Melden), "{uit:?}");
    }
}
