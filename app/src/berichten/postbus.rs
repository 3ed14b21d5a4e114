//! The outbox worker: takes due messages with a lease, sends them over SMTP, and records the
//! answer. A temporary failure (4xx, no connection) is tried again later with growing pauses; a
//! permanent one (5xx) or too many attempts ends as "niet verzonden" for staff to retry or
//! cancel. A crash between sending and recording may send a message once more, with the same
//! `Message-ID`; the lease keeps two workers from sending it at the same time.

use super::fout::BerichtFout;
use super::repo::BerichtDb;
use super::service::{Afzender, hash_van, ontvanger_tekst};
use super::wachtrij_repo::{self, Afloop};
use crate::gemeen::Db;
use crate::gemeen::opslag::Bestanden;
use chrono::{DateTime, Duration, Utc};
use verzending::{Adres, Bericht, Bijlage, Verzender};

/// Attempts before a message that keeps failing temporarily is given up.
pub const MAX_POGINGEN: i64 = 8;
/// How long a claim holds: longer than one SMTP exchange with its timeout.
const LEASE: Duration = Duration::minutes(5);
/// Messages taken per round.
const PER_RONDE: i64 = 20;

/// One worker of the outbox. Every app server runs one; `naam` tells them apart in the leases.
#[derive(Clone)]
pub struct Postbode {
    pub db: Db,
    pub verzender: Verzender,
    pub afzender: Afzender,
    pub bestanden: Bestanden,
    pub naam: String,
}

/// The pause after attempt `pogingen` (1-based): 30 s, 1, 2, 4 … minutes, at most an hour.
pub fn pauze(pogingen: i64) -> Duration {
    let stappen = u32::try_from(pogingen.clamp(1, 8) - 1).unwrap_or(0);
    (Duration::seconds(30) * 2_i32.pow(stappen)).min(Duration::hours(1))
}

impl Postbode {
    /// Sends what is due now; returns how many messages were taken.
    pub async fn ronde(&self, nu: DateTime<Utc>) -> Result<usize, BerichtFout> {
        let berichten = wachtrij_repo::claim(&self.db, &self.naam, nu, nu + LEASE, PER_RONDE).await?;
        for b in &berichten {
            let afloop = self.verstuur(b).await;
            let tijdlijn = match &afloop {
                Afloop::Verzonden { antwoord } => Some(format!(
                    "E-mail verzonden aan {}: {} (antwoord van de mailserver: {antwoord})",
                    b.aan.iter().map(ontvanger_tekst).collect::<Vec<_>>().join(", "),
                    b.onderwerp
                )),
                Afloop::Mislukt { fout } => Some(format!("E-mail niet verzonden: {}. {fout}", b.onderwerp)),
                Afloop::Later { .. } => None,
            };
            tracing::info!(bericht = b.id, afloop = ?afloop, "outbox attempt");
            wachtrij_repo::afloop(&self.db, &b.id, Utc::now(), afloop, tijdlijn).await?;
        }
        Ok(berichten.len())
    }

    async fn verstuur(&self, b: &BerichtDb) -> Afloop {
        // What leaves is what was stored and, where needed, approved: checked once more.
        if hash_van(b) != b.hash || (b.tweede_lezer && b.goedgekeurd_hash.as_deref() != Some(b.hash.as_str())) {
            return Afloop::Mislukt { fout: "De tekst is niet meer wat geschreven en goedgekeurd werd.".into() };
        }
        let bericht = match self.bouw(b).await {
            Ok(bericht) => bericht,
            Err(fout) => return Afloop::Mislukt { fout },
        };
        match self.verzender.verstuur(&bericht).await {
            Ok(a) => Afloop::Verzonden { antwoord: format!("{} {}", a.code, a.tekst) },
            Err(e) if e.is_tijdelijk() && b.pogingen + 1 < MAX_POGINGEN => {
                Afloop::Later { fout: format!("{} ({})", e.uitleg(), e.detail()), volgende: Utc::now() + pauze(b.pogingen + 1) }
            }
            Err(e) => Afloop::Mislukt { fout: format!("{} ({})", e.uitleg(), e.detail()) },
        }
    }

    async fn bouw(&self, b: &BerichtDb) -> Result<Bericht, String> {
        let van = Adres::parse(Some(&self.afzender.naam), &self.afzender.email).map_err(|e| e.bericht().to_string())?;
        let antwoord_aan = match &self.afzender.antwoord_aan {
            Some(a) => Some(Adres::parse(None, a).map_err(|e| e.bericht().to_string())?),
            None => None,
        };
        let mut aan = Vec::new();
        for o in &b.aan {
            aan.push(Adres::parse(o.naam.as_deref(), &o.email).map_err(|e| format!("{} ({})", e.bericht(), o.email))?);
        }
        let mut bijlagen = Vec::new();
        for ((naam, sha), soort) in b.bijlage_namen.iter().zip(&b.bijlage_hashes).zip(&b.bijlage_soorten) {
            let inhoud = self.bestanden.lees(sha).await.map_err(|_| format!("De bijlage {naam} bestaat niet meer."))?;
            bijlagen.push(Bijlage { naam: naam.clone(), mime: soort.mime().to_string(), inhoud });
        }
        Ok(Bericht {
            van,
            antwoord_aan,
            aan,
            onderwerp: b.onderwerp.clone(),
            tekst: b.tekst.clone(),
            html: b.html.clone(),
            bijlagen,
            message_id: b.message_id.clone(),
        })
    }

    /// Runs rounds every `interval` until the process ends. A failed round is logged and the
    /// next one tries again: the outbox is in the database, nothing is lost.
    pub fn plan(self, interval: std::time::Duration) {
        tokio::spawn(async move {
            let mut klok = tokio::time::interval(interval);
            klok.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                klok.tick().await;
                // Rounds follow each other while there is work, so a batch does not wait a tick per 20.
                loop {
                    match self.ronde(Utc::now()).await {
                        Ok(n) if n as i64 == PER_RONDE => continue,
                        Ok(_) => break,
                        Err(e) => {
                            tracing::error!(error = %e, "outbox round failed; the next one tries again");
                            break;
                        }
                    }
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_grow_to_an_hour() {
        assert_eq!(pauze(1), Duration::seconds(30));
        assert_eq!(pauze(2), Duration::minutes(1));
        assert_eq!(pauze(4), Duration::minutes(4));
        assert_eq!(pauze(8), Duration::minutes(64).min(Duration::hours(1)));
        assert_eq!(pauze(100), Duration::hours(1));
    }
}
