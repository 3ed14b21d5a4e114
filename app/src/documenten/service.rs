//! Adding, listing and reading documents. Who may do so is checked by the caller (the routes and
//! server functions), with the same checks as for the case and the advice request themselves.

use super::model::{Document, Documentsoort, grootte_tekst, veilige_naam};
use super::repo::{self, DocumentDb, NieuwDocumentDb};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use crate::gemeen::opslag::{Bestanden, OpslagFout};
use crate::gemeen::tijdlijn::Tijdlijnsoort;
use crate::gemeen::{Foutsoort, GebruikersFout, STORING};
use chrono::{DateTime, Utc};

#[derive(Debug, thiserror::Error)]
pub enum DocumentFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("storage: {0}")]
    Opslag(#[from] OpslagFout),
    #[error("no file was sent")]
    GeenBestand,
    #[error("the file is empty")]
    Leeg,
    #[error("the file is larger than {max} bytes")]
    TeGroot { max: usize },
    #[error("the content is not an accepted kind of document")]
    OngeldigType,
    #[error("document, case or request not found")]
    NietGevonden,
    #[error("the document's file was deleted under the retention rule")]
    Verwijderd,
}

impl GebruikersFout for DocumentFout {
    fn soort(&self) -> Foutsoort {
        match self {
            Self::TeGroot { .. } => Foutsoort::TeGroot,
            Self::NietGevonden => Foutsoort::NietGevonden,
            Self::Verwijderd => Foutsoort::Weg,
            Self::Db(_) | Self::Opslag(_) => Foutsoort::Storing,
            _ => Foutsoort::Ongeldig,
        }
    }

    fn veld(&self) -> Option<&'static str> {
        Some("bestand")
    }

    /// What the user reads next to the file field.
    fn bericht(&self) -> String {
        match self {
            Self::GeenBestand => "Kies een bestand om toe te voegen.".into(),
            Self::Leeg => "Dit bestand is leeg.".into(),
            Self::TeGroot { max } => format!(
                "Dit bestand is te groot: hoogstens {}. Verklein het (bijvoorbeeld een foto) of splits het op.",
                grootte_tekst(*max as u64)
            ),
            Self::OngeldigType => "Dit soort bestand aanvaarden we niet. Voeg een PDF, een foto (PNG of JPEG), een \
                Word- of Excel-bestand, een OpenDocument-bestand of een tekstbestand (.txt) toe."
                .into(),
            Self::NietGevonden => "Dit document bestaat niet (meer).".into(),
            Self::Verwijderd => {
                "Dit document is verwijderd: de bewaartermijn van deze afgesloten melding is voorbij.".into()
            }
            Self::Opslag(OpslagFout::Beschadigd { .. } | OpslagFout::Ontbreekt { .. }) => {
                "Dit document is beschadigd of ontbreekt in de opslag. De beheerder is verwittigd.".into()
            }
            Self::Db(_) | Self::Opslag(_) => STORING.into(),
        }
    }
}

impl From<DocumentFout> for crate::error::AppError {
    fn from(e: DocumentFout) -> Self {
        e.naar_app()
    }
}

fn document(r: DocumentDb) -> Document {
    Document {
        soort: r.soort,
        // The schema holds it above 0.
        grootte: u64::try_from(r.grootte).unwrap_or_default(),
        id: r.id,
        naam: r.naam,
        door: r.door,
        tijdstip: r.tijdstip,
        adviesvraag: r.adviesvraag,
        verwijderd: r.verwijderd,
    }
}

/// A new document. `adviesvraag` is the advice request an expert attaches it to.
pub struct Upload<'a> {
    pub referentie: &'a str,
    pub adviesvraag: Option<&'a str>,
    pub naam: &'a str,
    pub inhoud: Vec<u8>,
}

/// Checks size and content, stores the file, then the row and the timeline entry. The file is
/// written first: a failure afterwards leaves at most an unreferenced file, never a row without
/// its file. Returns the new document's key.
pub async fn voeg_toe(
    db: &Db,
    bestanden: &Bestanden,
    g: &Gebruiker,
    upload: Upload<'_>,
    max: usize,
    nu: DateTime<Utc>,
) -> Result<String, DocumentFout> {
    if upload.inhoud.is_empty() {
        return Err(if upload.naam.is_empty() { DocumentFout::GeenBestand } else { DocumentFout::Leeg });
    }
    if upload.inhoud.len() > max {
        return Err(DocumentFout::TeGroot { max });
    }
    let soort = super::inhoud::herken(&upload.inhoud, upload.naam).ok_or(DocumentFout::OngeldigType)?;
    let naam = veilige_naam(upload.naam, soort);
    let grootte = upload.inhoud.len();
    let sha256 = bestanden.bewaar(upload.inhoud).await?;
    let sleutel = crate::gemeen::Sleutel::nieuw().to_string();
    let bij = if upload.adviesvraag.is_some() { " bij het antwoord op een adviesvraag" } else { "" };
    let tekst = format!("Document toegevoegd{bij}: {naam} ({}, {}).", soort.label(), grootte_tekst(grootte as u64));
    let regel = crate::zaak::service::regel(nu, g, Tijdlijnsoort::Document, tekst);
    let nieuw = NieuwDocumentDb {
        naam,
        soort,
        grootte: i64::try_from(grootte).unwrap_or(i64::MAX),
        sha256,
        adviesvraag: upload.adviesvraag.map(|a| surrealdb::types::RecordId::new("adviesvraag", a)),
    };
    if repo::bewaar(db, upload.referentie, &sleutel, &g.id, nieuw, regel).await? {
        tracing::info!(referentie = upload.referentie, document = %sleutel, "document stored");
        Ok(sleutel)
    } else {
        Err(DocumentFout::NietGevonden)
    }
}

/// The documents of a case, oldest first (also those experts attached).
pub async fn van_melding(db: &Db, referentie: &str) -> Result<Vec<Document>, DocumentFout> {
    Ok(repo::van_melding(db, referentie).await?.into_iter().map(document).collect())
}

/// The documents attached to one advice request.
pub async fn van_adviesvraag(db: &Db, adviesvraag: &str) -> Result<Vec<Document>, DocumentFout> {
    Ok(repo::van_adviesvraag(db, adviesvraag).await?.into_iter().map(document).collect())
}

/// A stored document as found by its key (who may read it is the caller's check).
pub async fn gegevens(db: &Db, sleutel: &str) -> Result<DocumentDb, DocumentFout> {
    if !super::model::is_sleutel(sleutel) {
        return Err(DocumentFout::NietGevonden);
    }
    repo::een(db, sleutel).await?.ok_or(DocumentFout::NietGevonden)
}

/// The bytes of a document, verified against the stored checksum.
pub async fn inhoud(bestanden: &Bestanden, d: &DocumentDb) -> Result<(Documentsoort, Vec<u8>), DocumentFout> {
    if d.verwijderd.is_some() {
        return Err(DocumentFout::Verwijderd);
    }
    let bytes = bestanden.lees(&d.sha256).await?;
    Ok((d.soort, bytes))
}
