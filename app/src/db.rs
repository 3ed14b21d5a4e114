//! Connecting to SurrealDB and applying the versioned schema files, each exactly once.

use crate::gemeen::Db;
use surrealdb::opt::auth::Root;
use surrealdb::types::SurrealValue;

#[derive(Debug, thiserror::Error)]
pub enum DbFout {
    #[error("database: {0}")]
    Surreal(#[from] surrealdb::Error),
    #[error("migration {versie} ({naam}) failed: {fout}")]
    Migratie { versie: i64, naam: &'static str, fout: surrealdb::Error },
}

/// The schema, in order. A file is never edited after release: changes are new files.
pub const MIGRATIES: &[(i64, &str, &str)] = &[
    (1, "basis", include_str!("../migrations/0001_basis.surql")),
    (2, "sessies", include_str!("../migrations/0002_sessies.surql")),
    (3, "audit", include_str!("../migrations/0003_audit.surql")),
    (4, "behandeling", include_str!("../migrations/0004_behandeling.surql")),
    (5, "kennisbank", include_str!("../migrations/0005_kennisbank.surql")),
    (6, "advies", include_str!("../migrations/0006_advies.surql")),
    (7, "tweede_factor", include_str!("../migrations/0007_tweede_factor.surql")),
    (8, "documenten", include_str!("../migrations/0008_documenten.surql")),
    (9, "bewaring", include_str!("../migrations/0009_bewaring.surql")),
    (10, "analyse", include_str!("../migrations/0010_analyse.surql")),
    (11, "citaten", include_str!("../migrations/0011_citaten.surql")),
    (12, "bewaring_documenten", include_str!("../migrations/0012_bewaring_documenten.surql")),
    (13, "werkbak_volgorde", include_str!("../migrations/0013_werkbak_volgorde.surql")),
    (14, "bewaring_vrije_tekst", include_str!("../migrations/0014_bewaring_vrije_tekst.surql")),
    (15, "te_laat", include_str!("../migrations/0015_te_laat.surql")),
    (16, "bestanden_opgeruimd", include_str!("../migrations/0016_bestanden_opgeruimd.surql")),
    (17, "aanvullen", include_str!("../migrations/0017_aanvullen.surql")),
    (18, "nooit_verwijderen", include_str!("../migrations/0018_nooit_verwijderen.surql")),
    (19, "auditketen", include_str!("../migrations/0019_auditketen.surql")),
    (20, "auditketen_index", include_str!("../migrations/0020_auditketen_index.surql")),
    (21, "indexen_herbouwen", include_str!("../migrations/0021_indexen_herbouwen.surql")),
    (22, "zaakpagina", include_str!("../migrations/0022_zaakpagina.surql")),
    (23, "plaats_tijd_index", include_str!("../migrations/0023_plaats_tijd_index.surql")),
    (24, "sjablonen", include_str!("../migrations/0024_sjablonen.surql")),
    (25, "berichten", include_str!("../migrations/0025_berichten.surql")),
    (26, "jargon", include_str!("../migrations/0026_jargon.surql")),
    (27, "brieven", include_str!("../migrations/0027_brieven.surql")),
    (28, "handhaving", include_str!("../migrations/0028_handhaving.surql")),
];

pub struct Verbinding<'a> {
    pub endpoint: &'a str,
    pub gebruiker: Option<&'a str>,
    pub wachtwoord: Option<&'a str>,
}

/// Connects (`mem://`, `surrealkv://path`, `ws://host:port`) and selects our namespace and database.
pub async fn verbind(v: Verbinding<'_>) -> Result<Db, DbFout> {
    let db = Db::new(surrealdb::engine::any::connect(v.endpoint).await?);
    if let (Some(u), Some(p)) = (v.gebruiker, v.wachtwoord) {
        db.signin(Root { username: u.to_string(), password: p.to_string() }).await?;
    }
    db.query("DEFINE NAMESPACE IF NOT EXISTS meldpunt").await?.check()?;
    db.use_ns("meldpunt").await?;
    db.query("DEFINE DATABASE IF NOT EXISTS meldpunt").await?.check()?;
    db.use_db("meldpunt").await?;
    Ok(db)
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct Toegepast {
    versie: i64,
}

/// Applies every migration not yet recorded; returns the versions applied now.
pub async fn migreer(db: &Db) -> Result<Vec<i64>, DbFout> {
    migreer_tot(db, i64::MAX).await
}

/// Applies the migrations not yet recorded up to and including version `tot` (a test writes rows
/// as an older schema allowed, then applies the rest).
pub async fn migreer_tot(db: &Db, tot: i64) -> Result<Vec<i64>, DbFout> {
    db.query(
        "DEFINE TABLE IF NOT EXISTS schema_migratie SCHEMAFULL;
         DEFINE FIELD IF NOT EXISTS versie ON schema_migratie TYPE int;
         DEFINE FIELD IF NOT EXISTS naam ON schema_migratie TYPE string;
         DEFINE FIELD IF NOT EXISTS toegepast ON schema_migratie TYPE datetime;
         DEFINE INDEX IF NOT EXISTS schema_migratie_versie ON schema_migratie FIELDS versie UNIQUE;",
    )
    .await?
    .check()?;
    let mut res = db.query("SELECT versie FROM schema_migratie").await?.check()?;
    let gedaan: Vec<Toegepast> = res.take(0)?;
    let mut nu = Vec::new();
    for &(versie, naam, sql) in MIGRATIES.iter().filter(|m| m.0 <= tot) {
        if gedaan.iter().any(|t| t.versie == versie) {
            continue;
        }
        // The schema text is ours, compiled in; the version record commits with it.
        let query = format!(
            "BEGIN TRANSACTION;\n{sql}\nCREATE schema_migratie SET versie = $versie, naam = $naam, toegepast = time::now();\nCOMMIT TRANSACTION;"
        );
        db.query(query)
            .bind(("versie", versie))
            .bind(("naam", naam))
            .await
            .and_then(|r| r.check())
            .map_err(|fout| DbFout::Migratie { versie, naam, fout })?;
        tracing::info!(versie, naam, "schema migration applied");
        nu.push(versie);
    }
    Ok(nu)
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn mem() -> Db {
        verbind(Verbinding { endpoint: "mem://", gebruiker: None, wachtwoord: None }).await.unwrap()
    }

    #[tokio::test]
    async fn migrations_apply_once() {
        let db = mem().await;
        assert_eq!(migreer(&db).await.unwrap(), MIGRATIES.iter().map(|m| m.0).collect::<Vec<_>>());
        assert!(migreer(&db).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn durable_database_keeps_schema_across_restarts() {
        let dir = std::env::temp_dir().join(format!("meldpunt-db-{}", std::process::id()));
        let endpoint = format!("surrealkv://{}", dir.display());
        {
            let db = verbind(Verbinding { endpoint: &endpoint, gebruiker: None, wachtwoord: None }).await.unwrap();
            assert_eq!(migreer(&db).await.unwrap(), MIGRATIES.iter().map(|m| m.0).collect::<Vec<_>>());
        }
        // The embedded engine releases its file lock shortly after the handle is dropped.
        let mut db = None;
        for _ in 0..100 {
            match verbind(Verbinding { endpoint: &endpoint, gebruiker: None, wachtwoord: None }).await {
                Ok(d) => {
                    db = Some(d);
                    break;
                }
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
            }
        }
        let db = db.expect("database reopens after the first handle closed");
        assert!(migreer(&db).await.unwrap().is_empty());
        drop(db);
        let _ = std::fs::remove_dir_all(dir);
    }
}
