//! The search index in the server state: a tantivy index (engine A) built from the database on
//! first use and updated on every save and publish, so an edit is searchable at once.

use super::fout::KennisFout;
use super::omzetten::voor_index;
use super::repo;
use crate::gemeen::Db;
use kennisbank::zoek::{TantivyZoeker, Treffer, Zoekmachine, Zoekvraag};
use kennisbank::{Pagina, Slug};

pub use crate::state::Kennisindex;

/// Builds an index over every stored page (unpublished pages as staff-only).
pub async fn bouw(db: &Db) -> Result<TantivyZoeker, KennisFout> {
    let rijen = repo::alle(db).await?;
    let paginas = rijen.iter().map(voor_index).collect::<Result<Vec<Pagina>, _>>()?;
    Ok(TantivyZoeker::bouw(&paginas)?)
}

impl Kennisindex {
    /// Searches; builds the index from the database first if it was not built yet.
    pub async fn zoek(&self, db: &Db, vraag: &Zoekvraag) -> Result<Vec<Treffer>, KennisFout> {
        {
            let lezer = self.zoeker.read().await;
            if let Some(z) = lezer.as_ref() {
                return Ok(z.zoek(vraag)?);
            }
        }
        let mut schrijver = self.zoeker.write().await;
        if schrijver.is_none() {
            *schrijver = Some(bouw(db).await?);
        }
        match schrijver.as_ref() {
            Some(z) => Ok(z.zoek(vraag)?),
            None => Ok(Vec::new()),
        }
    }

    /// (Re)builds the index from the database now.
    pub async fn herbouw(&self, db: &Db) -> Result<(), KennisFout> {
        let mut schrijver = self.zoeker.write().await;
        *schrijver = Some(bouw(db).await?);
        Ok(())
    }

    /// Puts the stored state of one page into the index (when the index exists; otherwise it
    /// will be built from the database, which has the change already).
    pub async fn werk_bij(&self, db: &Db, slug: &str) -> Result<(), KennisFout> {
        let mut schrijver = self.zoeker.write().await;
        let Some(z) = schrijver.as_mut() else { return Ok(()) };
        match repo::een(db, slug).await? {
            Some(rij) => z.bijwerken(&voor_index(&rij)?)?,
            None => {
                if let Ok(s) = Slug::parse(slug) {
                    z.verwijder(&s)?;
                }
            }
        }
        Ok(())
    }
}
