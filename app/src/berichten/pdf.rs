//! A message as a printed letter (PDF): the proof kept on the case for every message a person
//! writes, and the composer's "Brief bekijken". Typst lays it out (the `brief` crate) on a
//! blocking thread: a letter takes ~15 ms of CPU.

use super::fout::BerichtFout;
use super::model::BerichtKanaal;
use super::repo::OntvangerDb;
use super::service::Afzender;
use chrono::{DateTime, Utc};

/// The address block of a composed message: a letter's postal address, or for an e-mail the
/// names and addresses it went to (the copy kept on the case).
pub fn adres(kanaal: BerichtKanaal, aan: &[OntvangerDb], postadres: &[String]) -> Vec<String> {
    let regels: Vec<String> = match kanaal {
        BerichtKanaal::Brief => postadres.to_vec(),
        BerichtKanaal::Email => aan
            .iter()
            .take(brief::MAX_ADRESREGELS / 2)
            .flat_map(|o| [o.naam.clone().unwrap_or_default(), o.email.clone()])
            .collect(),
    };
    regels
        .into_iter()
        .filter(|r| !r.trim().is_empty())
        .take(brief::MAX_ADRESREGELS)
        .map(|r| r.chars().take(brief::MAX_ADRESREGEL).collect())
        .collect()
}

/// The letter of a message to `adres`, dated `nu`, signed by `door`.
pub fn brief(a: &Afzender, referentie: &str, adres: Vec<String>, onderwerp: &str, inhoud: &str, door: &str, nu: DateTime<Utc>) -> brief::Brief {
    brief::Brief {
        afzender: vec![a.naam.clone(), format!("Telefoon {}", a.telefoon), a.email.clone()],
        adres,
        plaats_datum: format!("Brussel, {}", crate::tijd::voluit(crate::tijd::vandaag(nu))),
        referentie: referentie.to_string(),
        onderwerp: onderwerp.to_string(),
        inhoud_markdown: inhoud.to_string(),
        ondertekening: vec![door.to_string(), a.naam.clone()],
    }
}

/// The PDF of one letter.
pub async fn render(b: brief::Brief) -> Result<Vec<u8>, BerichtFout> {
    tokio::task::spawn_blocking(move || brief::render_een(&b))
        .await
        .map_err(|e| BerichtFout::Pdf(e.to_string()))?
        .map_err(|e| BerichtFout::Pdf(e.to_string()))
}

/// Several letters as one PDF, each starting on a new page with its own page numbers: the
/// print batch.
pub async fn render_samen(brieven: Vec<brief::Brief>) -> Result<Vec<u8>, BerichtFout> {
    tokio::task::spawn_blocking(move || brief::render_pdf(&brieven))
        .await
        .map_err(|e| BerichtFout::Pdf(e.to_string()))?
        .map_err(|e| BerichtFout::Pdf(e.to_string()))
}

/// A file name from the subject: "bericht-het-resultaat-van-uw-melding.pdf".
pub fn bestandsnaam(onderwerp: &str) -> String {
    let mut naam = String::from("bericht");
    for woord in onderwerp.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(8) {
        naam.push('-');
        naam.push_str(&woord.to_lowercase());
    }
    let naam: String = naam.chars().take(80).collect();
    format!("{naam}.pdf")
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_from_subjects() {
        assert_eq!(super::bestandsnaam("Het resultaat van uw melding M-2030-00042"), "bericht-het-resultaat-van-uw-melding-m-2030-00042.pdf");
        assert_eq!(super::bestandsnaam("../../etc/passwd"), "bericht-etc-passwd.pdf");
    }
}
