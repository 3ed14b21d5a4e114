//! Maintaining the services list and the deadline rules: the rules between the routes and the
//! queries.

use super::model::{Dienst, DienstInvoer};
use super::repo;
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use crate::gemeen::is_sleutel;
use crate::gemeen::{Foutsoort, GebruikersFout, STORING};
use crate::termijnen::regels::Termijnregel;
use chrono::{DateTime, Utc};

#[derive(Debug, thiserror::Error)]
pub enum BeheerFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("no such service or rule: {0}")]
    NietGevonden(String),
    #[error("the rule for a whole case type cannot be removed")]
    AlgemeneRegel,
}

impl GebruikersFout for BeheerFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::NietGevonden(_) => Foutsoort::NietGevonden,
            Self::AlgemeneRegel => Foutsoort::Ongeldig,
            Self::Db(_) => Foutsoort::Storing,
        }
    }

    fn bericht(&self) -> String {
        match self {
            Self::NietGevonden(_) => "Dit item bestaat niet (meer). Laad de pagina opnieuw.".into(),
            Self::AlgemeneRegel => "De regel voor alle onderwerpen blijft bestaan; pas de termijnen aan.".into(),
            Self::Db(_) => STORING.into(),
        }
    }
}

impl From<BeheerFout> for crate::error::AppError {
    fn from(e: BeheerFout) -> Self {
        e.naar_app()
    }
}

pub async fn diensten(db: &Db) -> Result<Vec<Dienst>, BeheerFout> {
    Ok(repo::diensten(db, false).await?)
}

pub async fn actieve_diensten(db: &Db) -> Result<Vec<Dienst>, BeheerFout> {
    Ok(repo::diensten(db, true).await?)
}

/// A service by key, also a deactivated one (past referrals name it); `None` for an unknown key.
pub async fn dienst(db: &Db, id: &str) -> Result<Option<Dienst>, BeheerFout> {
    if !is_sleutel(id) {
        return Ok(None);
    }
    Ok(repo::dienst(db, id).await?)
}

/// An active service by key, for a referral; `None` for an unknown or deactivated one.
pub async fn actieve_dienst(db: &Db, id: &str) -> Result<Option<Dienst>, BeheerFout> {
    if !is_sleutel(id) {
        return Ok(None);
    }
    Ok(repo::dienst(db, id).await?.filter(|d| d.actief))
}

/// Adds a service (`id` empty) or changes one; returns its key.
pub async fn bewaar_dienst(db: &Db, id: &str, d: &DienstInvoer, nu: DateTime<Utc>) -> Result<String, BeheerFout> {
    if id.is_empty() {
        let id = repo::voeg_dienst_toe(db, d, nu).await?;
        tracing::info!(dienst = %id, "service added");
        return Ok(id);
    }
    if !is_sleutel(id) || !repo::wijzig_dienst(db, id, d, nu).await? {
        return Err(BeheerFout::NietGevonden(id.to_string()));
    }
    tracing::info!(dienst = %id, "service changed");
    Ok(id.to_string())
}

/// Deactivates (or reactivates) a service. Services are never deleted: past referrals name them.
pub async fn zet_actief(db: &Db, id: &str, actief: bool, nu: DateTime<Utc>) -> Result<(), BeheerFout> {
    if !is_sleutel(id) || !repo::zet_dienst_actief(db, id, actief, nu).await? {
        return Err(BeheerFout::NietGevonden(id.to_string()));
    }
    tracing::info!(dienst = %id, actief, "service (de)activated");
    Ok(())
}

pub async fn termijnregels(db: &Db) -> Result<Vec<Termijnregel>, BeheerFout> {
    Ok(repo::termijnregels(db).await?)
}

/// Sets a rule. New cases get its values; cases already received keep theirs.
pub async fn bewaar_regel(db: &Db, g: &Gebruiker, r: &Termijnregel, nu: DateTime<Utc>) -> Result<(), BeheerFout> {
    repo::bewaar_regel(db, r, &g.id, nu).await?;
    tracing::info!(regel = %r.sleutel(), "deadline rule set");
    Ok(())
}

/// Removes a category rule (the case type's own rule stays, so every case type keeps one).
pub async fn verwijder_regel(db: &Db, sleutel: &str) -> Result<(), BeheerFout> {
    if sleutel.ends_with("_alle") {
        return Err(BeheerFout::AlgemeneRegel);
    }
    if !is_sleutel(sleutel) || !repo::verwijder_regel(db, sleutel).await? {
        return Err(BeheerFout::NietGevonden(sleutel.to_string()));
    }
    tracing::info!(regel = %sleutel, "deadline rule removed");
    Ok(())
}
