//! SurrealQL for the admin pages. Every value is bound.

use crate::advies::model::Discipline;
use crate::auth::model::Rol;
use crate::gemeen::Db;
use surrealdb::types::SurrealValue;

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
pub struct AccountRij {
    pub id: String,
    pub naam: String,
    pub email: String,
    pub rollen: Vec<Rol>,
    pub discipline: Option<Discipline>,
    pub actief: bool,
    pub totp: bool,
}

const VELDEN: &str =
    "record::id(id) AS id, naam, email, rollen, discipline, actief, totp_geheim != NONE AS totp FROM gebruiker";

pub async fn lijst(db: &Db) -> surrealdb::Result<Vec<AccountRij>> {
    let mut res = db.query(format!("SELECT {VELDEN} ORDER BY naam, email")).await?.check()?;
    res.take(0)
}

pub async fn een(db: &Db, id: &str) -> surrealdb::Result<Option<AccountRij>> {
    let mut res = db
        .query(format!("SELECT {VELDEN} WHERE id = type::record('gebruiker', $id) LIMIT 1"))
        .bind(("id", id.to_string()))
        .await?
        .check()?;
    Ok(res.take::<Vec<AccountRij>>(0)?.into_iter().next())
}

pub async fn zet_discipline(db: &Db, email: &str, discipline: Option<Discipline>) -> surrealdb::Result<()> {
    db.query("UPDATE gebruiker SET discipline = $d WHERE email = $email RETURN NONE")
        .bind(("d", discipline))
        .bind(("email", email.to_string()))
        .await?
        .check()?;
    Ok(())
}
