//! Citations of knowledge-base pages in a case.

use crate::gemeen::Veldfouten;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A page cited in a case, at the revision that was cited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citaat {
    pub slug: String,
    pub titel: String,
    pub revisie: i64,
    /// The page's revision now (`None` when the page no longer exists).
    pub huidige_revisie: Option<i64>,
    pub toelichting: String,
    pub door: String,
    pub tijdstip: DateTime<Utc>,
}

impl Citaat {
    /// Where the cited revision can be read.
    pub fn pad(&self) -> String {
        format!("/kennisbank/{}/revisie/{}", self.slug, self.revisie)
    }

    pub fn verouderd(&self) -> bool {
        self.huidige_revisie.is_some_and(|h| h != self.revisie)
    }
}

/// A page found by the search on the case page, with the revision the case worker sees now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CiteerKeuze {
    pub slug: String,
    pub titel: String,
    pub samenvatting: String,
    pub revisie: i64,
}

/// The citations section of a case page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitatenData {
    pub citaten: Vec<Citaat>,
    /// What was searched (empty: no search yet).
    pub zoek: String,
    pub treffers: Vec<CiteerKeuze>,
}

pub const MAX_TOELICHTING: usize = 2_000;

/// A citation as the form sends it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NieuwCitaat {
    pub slug: String,
    pub revisie: i64,
    pub toelichting: String,
}

impl NieuwCitaat {
    pub fn parse(slug: &str, revisie: &str, toelichting: &str) -> Result<Self, Veldfouten> {
        let mut fouten = Veldfouten::default();
        let slug = slug.trim();
        let geldige_slug = !slug.is_empty()
            && slug.len() <= 100
            && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let revisie = revisie.trim().parse::<i64>().ok().filter(|n| *n >= 1);
        if !geldige_slug || revisie.is_none() {
            fouten.zet("citaat", "Kies een pagina uit de zoekresultaten.");
        }
        let toelichting = toelichting.trim();
        if toelichting.chars().count() > MAX_TOELICHTING {
            fouten.zet("toelichting", "Dit is te lang: hoogstens 2.000 tekens.");
        }
        match revisie {
            Some(revisie) if fouten.0.is_empty() => {
                Ok(NieuwCitaat { slug: slug.to_string(), revisie, toelichting: toelichting.to_string() })
            }
            _ => Err(fouten),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_needs_a_page_and_its_revision() {
        let c = NieuwCitaat::parse("schorsing-vergunning", "3", "  art. 10 is van toepassing ").unwrap();
        assert_eq!(
            c,
            NieuwCitaat {
                slug: "schorsing-vergunning".into(),
                revisie: 3,
                toelichting: "art. 10 is van toepassing".into()
            }
        );
        for (slug, revisie) in
            [("", "1"), ("Schorsing", "1"), ("../x", "1"), ("schorsing", ""), ("schorsing", "0"), ("schorsing", "x")]
        {
            let fouten = NieuwCitaat::parse(slug, revisie, "").unwrap_err();
            assert!(fouten.get("citaat").is_some(), "{slug} {revisie}");
        }
    }

    #[test]
    fn a_long_note_is_refused_next_to_the_field() {
        let fouten = NieuwCitaat::parse("schorsing", "1", &"a".repeat(MAX_TOELICHTING + 1)).unwrap_err();
        assert!(fouten.get("toelichting").is_some());
        assert!(NieuwCitaat::parse("schorsing", "1", &"a".repeat(MAX_TOELICHTING)).is_ok());
    }

    #[test]
    fn an_older_revision_is_marked() {
        let c = Citaat {
            slug: "s".into(),
            titel: "T".into(),
            revisie: 2,
            huidige_revisie: Some(3),
            toelichting: String::new(),
            door: "A".into(),
            tijdstip: Utc::now(),
        };
        assert!(c.verouderd());
        assert_eq!(c.pad(), "/kennisbank/s/revisie/2");
        assert!(!Citaat { huidige_revisie: Some(2), ..c.clone() }.verouderd());
        assert!(!Citaat { huidige_revisie: None, ..c }.verouderd());
    }
}
