//! Checking the reference and code, and the reporter's additions.

use super::model::{MAX_AANVULLING, MIN_AANVULLING, OpvolgOverzicht};
use super::repo;
use crate::geheim;
use crate::gemeen::Db;
use crate::zaak::model::Referentie;

#[derive(Debug, thiserror::Error)]
pub enum OpvolgFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
}

#[derive(Debug, PartialEq)]
pub enum Toegang {
    Ok(OpvolgOverzicht),
    /// Unknown reference, wrong code, or a melding without a code (taken in by staff): the same
    /// answer for all, so that nothing can be learned by trying.
    Onbekend,
}

pub const ONBEKEND: &str =
    "Deze combinatie van referentie en code kennen we niet. Controleer beide en probeer opnieuw.";

pub async fn bekijk(db: &Db, referentie: &str, code: &str) -> Result<Toegang, OpvolgFout> {
    let Some(referentie) = Referentie::parse(referentie) else { return Ok(Toegang::Onbekend) };
    let Some(rij) = repo::melding(db, referentie.as_str()).await? else { return Ok(Toegang::Onbekend) };
    let code = geheim::normaliseer_code(code);
    let klopt = !code.is_empty() && rij.opvolgcode_hash.as_deref() == Some(geheim::hash(&code).as_str());
    if !klopt {
        return Ok(Toegang::Onbekend);
    }
    let aanvullingen =
        repo::aanvullingen(db, referentie.as_str()).await?.into_iter().map(|t| (t.tijdstip, t.tekst)).collect();
    Ok(Toegang::Ok(OpvolgOverzicht {
        referentie,
        ontvangen: rij.ontvangen,
        status: rij.status,
        berichten: Vec::new(),
        aanvullingen,
    }))
}

/// Checks an addition; the message is meant for the reporter.
pub fn controleer_aanvulling(tekst: &str) -> Result<String, &'static str> {
    let tekst = tekst.trim();
    match tekst.chars().count() {
        n if n < MIN_AANVULLING => Err("Schrijf minstens 10 tekens."),
        n if n > MAX_AANVULLING => Err("Uw tekst is te lang: houd het bij 5000 tekens."),
        _ => Ok(tekst.to_string()),
    }
}

/// Adds the reporter's text to the case, after checking the code again.
pub async fn vul_aan(db: &Db, referentie: &str, code: &str, tekst: &str) -> Result<Toegang, OpvolgFout> {
    match bekijk(db, referentie, code).await? {
        Toegang::Ok(o) => {
            repo::vul_aan(db, o.referentie.as_str(), tekst).await?;
            tracing::info!(referentie = %o.referentie, "melder added information");
            bekijk(db, referentie, code).await
        }
        Toegang::Onbekend => Ok(Toegang::Onbekend),
    }
}
