//! One interface over both search engines, so the benchmark measures them the same way.

use super::fout::KennisFout;
use kennisbank::Pagina;
use kennisbank::zoek::{TantivyZoeker, Treffer, Zoekmachine, Zoekvraag};

pub trait Zoekdienst {
    fn zoek(&self, vraag: &Zoekvraag) -> impl Future<Output = Result<Vec<Treffer>, KennisFout>> + Send;
    fn voeg_toe(&mut self, paginas: &[Pagina]) -> impl Future<Output = Result<(), KennisFout>> + Send;
}

impl Zoekdienst for TantivyZoeker {
    async fn zoek(&self, vraag: &Zoekvraag) -> Result<Vec<Treffer>, KennisFout> {
        Ok(Zoekmachine::zoek(self, vraag)?)
    }
    async fn voeg_toe(&mut self, paginas: &[Pagina]) -> Result<(), KennisFout> {
        for p in paginas {
            self.bijwerken(p)?;
        }
        Ok(())
    }
}
