//! The writing aid's jargon list, kept by coordinators: a word or short phrase the team avoids,
//! with the plain words to write instead. The first start fills an empty list with the starter
//! list of the `sjabloon` crate; the template page, the editor's preview and the message
//! composer's preview all advise from the list as stored.

use super::fout::SjabloonFout;
use super::model::{JargonPagina, JargonRegel};
use super::repo;
use crate::gemeen::Db;
use crate::gemeen::fout::Veldfouten;

/// The most characters of a word, and of its alternative (as the schema asserts).
pub const MAX_WOORD: usize = 60;
pub const MAX_ALTERNATIEF: usize = 200;
/// A phrase of more words is no longer "a word to avoid" but a sentence to rewrite.
pub const MAX_WOORDEN: usize = 3;

/// A word for the list, as the aid compares it: trimmed, lower-case, single spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jargon {
    pub woord: String,
    pub alternatief: String,
}

/// The word as stored: trimmed, lower-case, one space between words; or what is wrong with it.
pub fn woord(tekst: &str) -> Result<String, &'static str> {
    if tekst.contains(['\r', '\n']) {
        return Err("Schrijf het woord op één regel.");
    }
    let delen: Vec<&str> = tekst.split_whitespace().collect();
    if delen.is_empty() {
        return Err("Vul het woord in dat we beter vermijden.");
    }
    if delen.len() > MAX_WOORDEN {
        return Err("Hoogstens drie woorden: een woord of een korte uitdrukking.");
    }
    let woord = delen.join(" ").to_lowercase();
    if woord.chars().count() > MAX_WOORD {
        return Err("Dit woord is te lang: hoogstens 60 tekens.");
    }
    Ok(woord)
}

impl Jargon {
    /// The form's fields, or a Dutch message next to each field that is not right.
    pub fn parse(woord_tekst: &str, alternatief: &str) -> Result<Self, Veldfouten> {
        let mut f = Veldfouten::default();
        let woord = woord(woord_tekst).map_err(|m| f.zet("woord", m)).ok();
        let alternatief = alternatief.trim();
        if alternatief.is_empty() {
            f.zet("alternatief", "Schrijf wat we beter schrijven.");
        } else if alternatief.contains(['\r', '\n']) {
            f.zet("alternatief", "Schrijf het alternatief op één regel.");
        } else if alternatief.chars().count() > MAX_ALTERNATIEF {
            f.zet("alternatief", "Dit is te lang: hoogstens 200 tekens.");
        }
        match woord {
            Some(woord) if f.is_empty() => Ok(Self { woord, alternatief: alternatief.to_string() }),
            _ => Err(f),
        }
    }
}

/// The list, by word.
pub async fn lijst(db: &Db) -> Result<Vec<JargonRegel>, SjabloonFout> {
    Ok(repo::jargon(db)
        .await?
        .into_iter()
        .map(|j| JargonRegel { woord: j.woord, alternatief: j.alternatief, door: j.door, gewijzigd: j.gewijzigd })
        .collect())
}

/// The page's data; `mag_wijzigen` is the caller's role check.
pub async fn pagina(db: &Db, mag_wijzigen: bool) -> Result<JargonPagina, SjabloonFout> {
    Ok(JargonPagina { woorden: lijst(db).await?, mag_wijzigen })
}

/// Adds the word, or gives a listed word a new alternative; `true` when it was new.
pub async fn bewaar(db: &Db, j: &Jargon, door: &str) -> Result<bool, SjabloonFout> {
    let nieuw = repo::bewaar_jargon(db, &j.woord, &j.alternatief, door).await?;
    tracing::info!(woord = j.woord, nieuw, "jargon saved");
    Ok(nieuw)
}

/// Removes a word as typed or posted (normalised as a saved one is).
pub async fn verwijder(db: &Db, tekst: &str) -> Result<(), SjabloonFout> {
    let woord = woord(tekst).map_err(|_| SjabloonFout::WoordOnbekend)?;
    if !repo::verwijder_jargon(db, &woord).await? {
        return Err(SjabloonFout::WoordOnbekend);
    }
    tracing::info!(woord, "jargon removed");
    Ok(())
}

/// At first start: the starter list, when the list is empty. `true` when it was filled.
pub async fn vul_als_leeg(db: &Db) -> Result<bool, SjabloonFout> {
    let start = sjabloon::schrijfhulp::STANDAARD_JARGON.iter().map(|(w, a)| (w.to_string(), a.to_string())).collect();
    Ok(repo::vul_jargon_als_leeg(db, start, "meldpunt (eerste start)").await?)
}

/// The list as the writing aid takes it, in one read. The aid only advises, so when the list
/// cannot be read a preview still shows, with the starter list (and the failure in the log).
pub async fn voor_schrijfhulp(db: &Db) -> Vec<(String, String)> {
    match repo::jargon(db).await {
        Ok(l) => l.into_iter().map(|j| (j.woord, j.alternatief)).collect(),
        Err(e) => {
            tracing::error!(error = %e, "jargon list not read; the writing aid uses the starter list");
            sjabloon::schrijfhulp::STANDAARD_JARGON.iter().map(|(w, a)| (w.to_string(), a.to_string())).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_word_is_trimmed_lower_cased_and_single_spaced() {
        let j = Jargon::parse("  Met  betrekking TOT ", " over ").unwrap();
        assert_eq!(j, Jargon { woord: "met betrekking tot".into(), alternatief: "over".into() });
        assert_eq!(woord("Ontvankelijk").unwrap(), "ontvankelijk");
        assert_eq!(woord(&"é".repeat(MAX_WOORD)).unwrap().chars().count(), MAX_WOORD);
    }

    #[test]
    fn empty_long_multi_line_and_wordy_input_is_refused_next_to_its_field() {
        for fout in ["", "   ", "twee\nregels", "een twee drie vier", &"a".repeat(MAX_WOORD + 1)] {
            let f = Jargon::parse(fout, "iets").unwrap_err();
            assert!(f.get("woord").is_some() && f.get("alternatief").is_none(), "{fout:?}: {f:?}");
        }
        assert_eq!(woord("een twee drie vier"), Err("Hoogstens drie woorden: een woord of een korte uitdrukking."));
        for fout in ["", " ", "twee\r\nregels", &"a".repeat(MAX_ALTERNATIEF + 1)] {
            let f = Jargon::parse("teneinde", fout).unwrap_err();
            assert!(f.get("alternatief").is_some() && f.get("woord").is_none(), "{fout:?}: {f:?}");
        }
        let beide = Jargon::parse("", "").unwrap_err();
        assert!(beide.get("woord").is_some() && beide.get("alternatief").is_some());
    }
}
