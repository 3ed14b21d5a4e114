//! Searching the knowledge base: the engine-neutral query and hit types, the [`Zoekmachine`] trait,
//! query-word analysis and snippet highlighting shared by every engine.

mod fragment;
mod tantivy_zoeker;
mod woordenschat;

use serde::{Deserialize, Serialize};

pub use fragment::fragment;
pub use tantivy_zoeker::TantivyZoeker;

use crate::fout::ZoekFout;
use crate::model::{Pagina, Slug};
use crate::taal::{afstand, max_fouten, normaliseer, stammen, telt_mee, woorden};

/// A search request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zoekvraag {
    /// What the user typed; the last word counts as a prefix unless the text ends in a space.
    pub tekst: String,
    /// Only pages with audience `publiek`. Must be true for every request from outside the staff.
    pub alleen_publiek: bool,
    /// Only pages with this tag (case and accents ignored).
    pub tag: Option<String>,
    /// Only pages about this regulation (the full `regulation` text; case and accents ignored).
    pub regelgeving: Option<String>,
    /// At most this many hits (0 is treated as 1).
    pub limiet: usize,
}

impl Zoekvraag {
    /// A query from the public: public pages only, 10 hits.
    pub fn publiek(tekst: &str) -> Zoekvraag {
        Zoekvraag { tekst: tekst.to_owned(), alleen_publiek: true, tag: None, regelgeving: None, limiet: 10 }
    }

    /// A query from staff: all pages, 10 hits.
    pub fn intern(tekst: &str) -> Zoekvraag {
        Zoekvraag { alleen_publiek: false, ..Zoekvraag::publiek(tekst) }
    }
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Treffer {
    pub slug: Slug,
    pub titel: String,
    pub samenvatting: String,
    /// A snippet of the body, HTML-escaped, with `<mark>` around the words that matched.
    pub fragment_html: String,
    pub score: f32,
}

/// A search engine over the pages. An update is searchable as soon as the call returns.
pub trait Zoekmachine {
    /// The best hits first.
    fn zoek(&self, vraag: &Zoekvraag) -> Result<Vec<Treffer>, ZoekFout>;
    /// Adds a page or replaces the page with the same slug.
    fn bijwerken(&mut self, pagina: &Pagina) -> Result<(), ZoekFout>;
    /// Removes a page; unknown slugs are ignored.
    fn verwijder(&mut self, slug: &Slug) -> Result<(), ZoekFout>;
}

/// One analysed word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vraagwoord {
    /// Normalised (lowercase, no accents).
    pub woord: String,
    /// Search keys, see [`crate::taal::stammen`].
    pub stammen: Vec<String>,
    /// Typos allowed, see [`crate::taal::max_fouten`].
    pub fouten: u8,
    /// The word is still being typed: also match words that start with it.
    pub prefix: bool,
}

impl Vraagwoord {
    /// Whether a (normalised) word of a page matches this query word; `stammen_van` gives its keys.
    pub fn past_bij(&self, genormaliseerd: &str, stammen_van: impl FnOnce() -> Vec<String>) -> bool {
        if self.prefix && genormaliseerd.starts_with(&self.woord) {
            return true;
        }
        let fouten = usize::from(self.fouten);
        if fouten > 0
            && genormaliseerd.len().abs_diff(self.woord.len()) <= fouten
            && afstand(genormaliseerd, &self.woord) <= fouten
        {
            return true;
        }
        stammen_van().iter().any(|s| self.stammen.contains(s))
    }
}

/// Splits a query into analysed words (stop words left out).
pub fn vraagwoorden(tekst: &str) -> Vec<Vraagwoord> {
    let lopend = !tekst.ends_with(char::is_whitespace);
    let alle: Vec<String> = woorden(tekst).map(|(_, w)| normaliseer(w)).collect();
    let aantal = alle.len();
    alle.into_iter()
        .enumerate()
        .filter(|(_, w)| telt_mee(w))
        .map(|(i, woord)| Vraagwoord {
            stammen: stammen(&woord),
            fouten: max_fouten(woord.chars().count()),
            prefix: lopend && i + 1 == aantal,
            woord,
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap
mod tests {
    use super::*;

    #[test]
    fn laatste_woord_is_prefix_tenzij_spatie() {
        let w = vraagwoorden("schorsing van de verg");
        assert_eq!(w.len(), 2);
        assert!(!w[0].prefix);
        assert!(w[1].prefix);
        assert_eq!(w[1].fouten, 0);
        assert!(!vraagwoorden("schorsing ")[0].prefix);
    }

    #[test]
    fn past_bij_volgt_de_tikfoutregel() {
        let q = &vraagwoorden("kinf ")[0];
        assert!(!q.past_bij("kind", || stammen("kind")));
        let q = &vraagwoorden("beote ")[0];
        assert!(q.past_bij("boete", || stammen("boete")));
        let q = &vraagwoorden("geschorst ")[0];
        assert!(q.past_bij("schorsing", || stammen("schorsing")));
    }
}
