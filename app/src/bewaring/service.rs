//! The retention rule: which cases are due, and doing it (the scheduled job and the command).

use super::{Kandidaat, repo};
use crate::state::Db;

#[derive(Debug, thiserror::Error)]
pub enum BewaringFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
}

/// The moment before which a case must have closed to be due.
pub fn grens(dagen: u32, nu: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    nu - chrono::TimeDelta::days(i64::from(dagen))
}

/// What a run would do now, without changing anything (`meldpunt retention --dry-run`).
pub async fn te_doen(db: &Db, dagen: u32, nu: chrono::DateTime<chrono::Utc>) -> Result<Vec<Kandidaat>, BewaringFout> {
    Ok(repo::kandidaten(db, grens(dagen, nu)).await?)
}

/// Anonymises every due case, one transaction each; returns the cases done by this run. A case
/// that fails (e.g. a write conflict with a case worker) is logged and left for the next run.
pub async fn voer_uit(db: &Db, dagen: u32, nu: chrono::DateTime<chrono::Utc>) -> Result<Vec<Kandidaat>, BewaringFout> {
    let grens = grens(dagen, nu);
    let mut gedaan = Vec::new();
    for k in repo::kandidaten(db, grens).await? {
        match repo::anonimiseer(db, &k.referentie, grens, nu).await {
            Ok(true) => gedaan.push(k),
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, referentie = %k.referentie, "anonymisation postponed"),
        }
    }
    if !gedaan.is_empty() {
        tracing::info!(aantal = gedaan.len(), dagen, "reporter data anonymised (retention)");
    }
    Ok(gedaan)
}
