//! Reading the audit log for the coordinator's page and the CSV export.

use super::model::{AUDIT_PAGINA, AuditCursor, AuditFilter, AuditPagina, AuditRegel, Medewerker};
use super::repo;
use crate::error::AppError;
use crate::gemeen::Db;
use std::collections::HashMap;

#[derive(Debug, thiserror::Error)]
pub enum AuditFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
}

impl From<AuditFout> for AppError {
    fn from(e: AuditFout) -> Self {
        tracing::error!(error = %e, "audit log read failed");
        AppError::Intern
    }
}

/// The most entries one export holds (newest first); a narrower filter gets the rest.
pub const MAX_EXPORT: usize = 100_000;
const BLOK: usize = 1_000;

async fn namen(db: &Db) -> Result<(Vec<Medewerker>, HashMap<String, String>), AuditFout> {
    let accounts = repo::accounts(db).await?;
    let lijst: Vec<Medewerker> =
        accounts.into_iter().map(|a| Medewerker { naam: format!("{} ({})", a.naam, a.email), id: a.id }).collect();
    let mut map: HashMap<String, String> = lijst.iter().map(|m| (m.id.clone(), m.naam.clone())).collect();
    map.insert(crate::gemeen::audit::SYSTEEM.to_string(), "Systeem (automatisch)".to_string());
    Ok((lijst, map))
}

fn regel(r: repo::RegelDb, namen: &HashMap<String, String>) -> AuditRegel {
    AuditRegel {
        naam: r.gebruiker.as_ref().and_then(|g| namen.get(g).cloned()),
        id: r.sleutel,
        tijdstip: r.tijdstip,
        gebruiker: r.gebruiker,
        rollen: r.rollen,
        actie: r.actie,
        object: r.object,
        adres: r.adres,
    }
}

/// One page, newest first, with the cursor of the next page if there is one.
pub async fn pagina(db: &Db, filter: &AuditFilter) -> Result<AuditPagina, AuditFout> {
    let (medewerkers, map) = namen(db).await?;
    let mut rijen: Vec<AuditRegel> =
        repo::regels(db, filter, AUDIT_PAGINA + 1).await?.into_iter().map(|r| regel(r, &map)).collect();
    let volgende = (rijen.len() > AUDIT_PAGINA).then(|| {
        rijen.truncate(AUDIT_PAGINA);
        rijen.last().map(|r| AuditCursor { tijdstip: r.tijdstip, id: r.id.clone() })
    });
    Ok(AuditPagina { rijen, volgende: volgende.flatten(), medewerkers })
}

/// Every entry matching the filter (at most `MAX_EXPORT`), newest first, read in blocks.
pub async fn alles(db: &Db, filter: &AuditFilter) -> Result<Vec<AuditRegel>, AuditFout> {
    let (_, map) = namen(db).await?;
    let mut f = AuditFilter { na: None, ..filter.clone() };
    let mut alles = Vec::new();
    loop {
        let blok = repo::regels(db, &f, BLOK).await?;
        let vol = blok.len() == BLOK;
        alles.extend(blok.into_iter().map(|r| regel(r, &map)));
        if !vol || alles.len() >= MAX_EXPORT {
            break;
        }
        f.na = alles.last().map(|r| AuditCursor { tijdstip: r.tijdstip, id: r.id.clone() });
    }
    alles.truncate(MAX_EXPORT);
    Ok(alles)
}
