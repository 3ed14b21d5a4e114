//! SurrealQL for reading the audit log (writing is in `schrijf.rs`). Read only: nothing here
//! changes or deletes an entry. Every value is bound; query text comes from fixed fragments.

use super::model::AuditFilter;
use crate::gemeen::Db;
use crate::gemeen::audit::Actie;
use chrono::{DateTime, Utc};
use surrealdb::types::SurrealValue;

#[derive(Debug, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct RegelDb {
    pub sleutel: String,
    pub tijdstip: DateTime<Utc>,
    pub gebruiker: Option<String>,
    /// As written: role codes, or `systeem` for the server's own entries.
    pub rollen: Vec<String>,
    pub actie: Actie,
    pub object: Option<String>,
    pub adres: Option<String>,
}

/// Entries matching the filter, newest first, from the filter's cursor on, at most `limiet`.
/// Keyset paging on (tijdstip, key): no OFFSET, stable while new entries arrive.
pub async fn regels(db: &Db, filter: &AuditFilter, limiet: usize) -> surrealdb::Result<Vec<RegelDb>> {
    let voorwaarden: [(bool, &str); 6] = [
        (filter.gebruiker.is_some(), "gebruiker = $gebruiker"),
        (filter.actie.is_some(), "actie = $actie"),
        (filter.object.is_some(), "object = $object"),
        (filter.van.is_some(), "tijdstip >= $van"),
        (filter.tot.is_some(), "tijdstip < $tot"),
        (filter.na.is_some(), "(tijdstip < $na_t OR (tijdstip = $na_t AND record::id(id) < $na_id))"),
    ];
    let w: Vec<&str> = voorwaarden.iter().filter(|(aan, _)| *aan).map(|(_, v)| *v).collect();
    let waar = if w.is_empty() { String::new() } else { format!("WHERE {}", w.join(" AND ")) };
    let sql = format!(
        "SELECT record::id(id) AS sleutel, tijdstip, gebruiker, rollen, actie, object, adres FROM audit {waar}
         ORDER BY tijdstip DESC, sleutel DESC LIMIT $limiet"
    );
    let middernacht = crate::tijd::middernacht;
    let mut res = db
        .query(sql)
        .bind(("limiet", limiet as i64))
        .bind(("gebruiker", filter.gebruiker.clone()))
        .bind(("actie", filter.actie))
        .bind(("object", filter.object.clone()))
        .bind(("van", filter.van.map(middernacht)))
        .bind(("tot", filter.tot.and_then(|d| d.succ_opt()).map(middernacht)))
        .bind(("na_t", filter.na.as_ref().map(|n| n.tijdstip)))
        .bind(("na_id", filter.na.as_ref().map(|n| n.id.clone())))
        .await?
        .check()?;
    res.take(0)
}

#[derive(Debug, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct AccountDb {
    pub id: String,
    pub naam: String,
    pub email: String,
}

/// Every account (also disabled ones: their entries stay readable), by name.
pub async fn accounts(db: &Db) -> surrealdb::Result<Vec<AccountDb>> {
    let mut res =
        db.query("SELECT record::id(id) AS id, naam, email FROM gebruiker ORDER BY naam, email").await?.check()?;
    res.take(0)
}
