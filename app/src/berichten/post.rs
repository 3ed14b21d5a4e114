//! Letters by post: a coordinator prints the letters that are ready as one PDF and, once they are
//! in the post, marks them sent. The e-mail outbox never takes a letter.

use super::fout::BerichtFout;
use super::model::BerichtStatus;
use super::repo::{self, BerichtDb, Overgang};
use super::service::{Afzender, hash_van};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use chrono::{DateTime, Utc};

/// The ticked letters that are still ready to post, each checked to be the text written (and
/// approved). Ids that are not (or no longer) such a letter are left out.
async fn gekozen(db: &Db, ids: &[String]) -> Result<Vec<BerichtDb>, BerichtFout> {
    let ids: Vec<String> = ids.iter().filter(|i| crate::gemeen::is_sleutel(i)).take(500).cloned().collect();
    if ids.is_empty() {
        return Err(BerichtFout::GeenBrieven);
    }
    let brieven = repo::brieven_klaar(db, Some(&ids)).await?;
    if brieven.is_empty() {
        return Err(BerichtFout::AlBehandeld);
    }
    for b in &brieven {
        let goedgekeurd = !b.tweede_lezer || b.goedgekeurd_hash.as_deref() == Some(b.hash.as_str());
        if hash_van(b) != b.hash || !goedgekeurd {
            tracing::error!(bericht = b.id, "letter does not match its hash or approval: not printed");
            return Err(BerichtFout::AndereTekst);
        }
    }
    Ok(brieven)
}

/// The ticked letters as one PDF, each as it was written: its address, date and signature.
pub async fn afdrukken(db: &Db, a: &Afzender, ids: &[String]) -> Result<Vec<u8>, BerichtFout> {
    let brieven = gekozen(db, ids).await?;
    let lijst = brieven
        .iter()
        .map(|b| {
            let adres = super::pdf::adres(b.kanaal, &b.aan, b.postadres.as_deref().unwrap_or_default());
            super::pdf::brief(a, &b.referentie, adres, &b.onderwerp, &b.inhoud, &b.door, b.geschreven)
        })
        .collect();
    super::pdf::render_samen(lijst).await
}

/// Marks the ticked letters as posted by `g`, each with a timeline entry on its case. Returns how
/// many were marked (a letter cancelled or marked meanwhile is skipped).
pub async fn gepost(db: &Db, g: &Gebruiker, ids: &[String], nu: DateTime<Utc>) -> Result<usize, BerichtFout> {
    let brieven = gekozen(db, ids).await?;
    let mut aantal = 0;
    for b in &brieven {
        let adres = b.postadres.as_deref().unwrap_or_default().join(", ");
        let o = Overgang {
            van: BerichtStatus::Wachtrij,
            naar: BerichtStatus::Verzonden,
            tijdstip: nu,
            tekst: format!("Brief per post verstuurd aan {adres} (gepost door {}): {}", g.naam, b.onderwerp),
            door: g.naam.clone(),
            gebruiker: Some(repo::gebruiker(&g.id)),
            goedgekeurd_hash: None,
            opmerking: None,
        };
        if repo::overgang(db, &b.id, o).await? {
            aantal += 1;
        }
    }
    tracing::info!(aantal, door = g.id, "letters marked as posted");
    Ok(aantal)
}
