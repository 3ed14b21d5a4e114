//! A template filled with example values, as its recipient would read it: the editor's preview
//! and the template page. The values are invented but plausible, and dated from today.

use super::model::{Schrijfhulp, Voorbeeld};
use chrono::{DateTime, Days, Utc};
use sjabloon::{Ontsnapping, Sjabloon, Tekst, open_plekken};

/// The example value of a merge field.
pub fn voorbeeldwaarde(veld: &str, nu: DateTime<Utc>) -> Option<String> {
    let vandaag = crate::tijd::vandaag(nu);
    let over = |dagen| crate::tijd::voluit(vandaag.checked_add_days(Days::new(dagen)).unwrap_or(vandaag));
    let geleden = |dagen| crate::tijd::voluit(vandaag.checked_sub_days(Days::new(dagen)).unwrap_or(vandaag));
    let jaar = chrono::Datelike::year(&vandaag);
    Some(match veld {
        "vandaag" => crate::tijd::voluit(vandaag),
        "melder.naam" => "Jana Peeters".into(),
        "melder.email" => "jana.peeters@example.be".into(),
        "melding.referentie" => format!("M-{jaar}-00042"),
        "melding.soort" => "melding".into(),
        "melding.ontvangen" => geleden(3),
        "melding.feit_datum" => geleden(5),
        "melding.categorieen" => "veiligheid, begeleiding en kindratio".into(),
        "locatie.naam" => "Kinderdagverblijf De Speelboom".into(),
        "locatie.adres" => "Kerkstraat 12, 9000 Gent".into(),
        "organisator.naam" => "vzw Kleine Stappen".into(),
        "organisator.adres" => "Stationsstraat 4, 9000 Gent".into(),
        "behandelaar.naam" => "Els Vermeulen".into(),
        "termijn.bevestiging" => over(2),
        "termijn.uitkomst" => over(42),
        "termijn.nieuw" => over(72),
        "termijn.reden" => "we wachten nog op het verslag van de inspectie".into(),
        "conclusie" => "deels gegrond".into(),
        "conclusie.toelichting" => {
            "Op de dag van het bezoek waren er te weinig begeleiders voor het aantal kinderen.".into()
        }
        "dienst.naam" => "Vertrouwenscentrum Kindermishandeling Oost-Vlaanderen".into(),
        "dienst.contact" => "bel 1712 (gratis)".into(),
        "handhaving.stap" => "aanmaning".into(),
        "handhaving.beslissing" => "schorsing".into(),
        "handhaving.termijn" => over(30),
        "handhaving.datum" => crate::tijd::voluit(vandaag),
        "team.naam" => "Meldpunt Kinderopvang".into(),
        "team.telefoon" => "02 533 14 14".into(),
        "team.email" => "meldpunt@example.be".into(),
        _ => return None,
    })
}

/// Subject and body of `s` filled with the example values: the body as sanitised HTML, what a
/// person still has to write, and the writing aid with `jargon` (`jargon::voor_schrijfhulp`).
pub fn vul_voorbeeld(s: &Sjabloon, nu: DateTime<Utc>, jargon: &[(String, String)]) -> Voorbeeld {
    vul(&s.onderwerp, &s.inhoud, nu, jargon)
}

pub fn vul(onderwerp: &Tekst, inhoud: &Tekst, nu: DateTime<Utc>, jargon: &[(String, String)]) -> Voorbeeld {
    let waarde = |v: &str| voorbeeldwaarde(v, nu);
    let markdown = inhoud.vul_in(&waarde, Ontsnapping::Markdown);
    Voorbeeld {
        onderwerp: onderwerp.onderwerp(&waarde),
        html: kennisbank::render::render(&markdown, &|_| true, "/kennisbank").html,
        open: open_plekken(&inhoud.vul_in(&waarde, Ontsnapping::Geen)).iter().map(ToString::to_string).collect(),
        schrijfhulp: schrijfhulp(inhoud.bron(), jargon),
    }
}

/// The writing aid on a text as written (markers and merge fields as the aid counts them), with
/// the jargon list as `(word, plain alternative)`.
pub fn schrijfhulp(tekst: &str, jargon: &[(String, String)]) -> Schrijfhulp {
    let a = sjabloon::schrijfhulp::beoordeel(tekst, jargon);
    Schrijfhulp {
        // Rounded: the score is a guide, its decimals mean nothing to a writer.
        score: a.score.map(|s| s.round() as i64),
        niveau: a.niveau().into(),
        zinnen: a.zinnen,
        woorden: a.woorden,
        opmerkingen: a.opmerkingen.iter().map(ToString::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_merge_field_has_an_example() {
        let nu = Utc::now();
        let zonder: Vec<&str> =
            sjabloon::VELDEN.iter().map(|v| v.naam).filter(|n| voorbeeldwaarde(n, nu).is_none()).collect();
        assert!(!sjabloon::VELDEN.is_empty());
        assert!(zonder.is_empty(), "no example for {zonder:?}");
    }
}
