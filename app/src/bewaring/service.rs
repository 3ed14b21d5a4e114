//! The retention rule: which cases are due, and doing it (the scheduled job and the command).

use super::{Kandidaat, repo};
use crate::gemeen::Db;
use crate::gemeen::opslag::Bestanden;

#[derive(Debug, thiserror::Error)]
pub enum BewaringFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
}

/// What one run did.
#[derive(Debug, Default)]
pub struct Uitvoering {
    /// The cases anonymised by this run.
    pub meldingen: Vec<Kandidaat>,
    /// Document files deleted from the documents folder.
    pub bestanden: usize,
}

/// The moment before which a case must have closed to be due.
pub fn grens(dagen: u32, nu: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    nu - chrono::TimeDelta::days(i64::from(dagen))
}

/// What a run would do now, without changing anything (`meldpunt retention --dry-run`).
pub async fn te_doen(db: &Db, dagen: u32, nu: chrono::DateTime<chrono::Utc>) -> Result<Vec<Kandidaat>, BewaringFout> {
    Ok(repo::kandidaten(db, grens(dagen, nu)).await?)
}

/// Anonymises every due case, one transaction each, then deletes the files of its documents. A
/// case that fails (e.g. a write conflict with a case worker) is logged and left for the next run.
pub async fn voer_uit(
    db: &Db,
    bestanden: &Bestanden,
    dagen: u32,
    nu: chrono::DateTime<chrono::Utc>,
) -> Result<Uitvoering, BewaringFout> {
    let grens = grens(dagen, nu);
    let mut gedaan = Uitvoering::default();
    for k in repo::kandidaten(db, grens).await? {
        match repo::anonimiseer(db, &k.referentie, grens, nu).await {
            Ok(true) => gedaan.meldingen.push(k),
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, referentie = %k.referentie, "anonymisation postponed"),
        }
    }
    gedaan.bestanden = ruim_bestanden_op(db, bestanden, nu).await?;
    if !gedaan.meldingen.is_empty() || gedaan.bestanden > 0 {
        tracing::info!(
            meldingen = gedaan.meldingen.len(),
            bestanden = gedaan.bestanden,
            dagen,
            "reporter data anonymised and document files deleted (retention)"
        );
    }
    Ok(gedaan)
}

/// Deletes the file of every removed document whose content no kept document uses (the same
/// file may belong to a document on another case; that one's removal deletes it later). It looks
/// at every removed document not dealt with yet, not only this run's, so a run that stopped
/// between the database and the disk is completed by the next; each is marked when done.
/// Left: content uploaded again to another case in the very moment its file is deleted would
/// miss its file; the download then says so, and uploading it once more restores it.
async fn ruim_bestanden_op(
    db: &Db,
    bestanden: &Bestanden,
    nu: chrono::DateTime<chrono::Utc>,
) -> Result<usize, BewaringFout> {
    let open = repo::op_te_ruimen(db).await?;
    if open.is_empty() {
        return Ok(0);
    }
    let weg = repo::niet_meer_gebruikt(db, open.iter().map(|d| d.sha256.clone()).collect()).await?;
    let mut aantal = 0;
    let mut mislukt = Vec::new();
    for sha256 in weg {
        match bestanden.verwijder(&sha256).await {
            Ok(true) => aantal += 1,
            Ok(false) => {}
            Err(e) => {
                tracing::warn!(error = %e, %sha256, "document file not deleted; the next run tries again");
                mislukt.push(sha256);
            }
        }
    }
    let klaar = open.into_iter().filter(|d| !mislukt.contains(&d.sha256)).map(|d| d.id).collect();
    repo::opgeruimd(db, klaar, nu).await?;
    Ok(aantal)
}
