//! The composer's post, parsed once: which template, to whom, subject, body and attachments.
//! Every refusal is a message next to its field; the text typed is never lost (the echo).

use super::model::{BerichtKanaal, MAX_INHOUD, MAX_ONDERWERP, MAX_ONTVANGERS, MAX_POSTADRES_REGELS, Partij};
use super::repo::OntvangerDb;
use crate::gemeen::{Velden, Veldfouten};

/// The composer's fields that come back after a refusal or with a preview.
pub const VELDEN: &[&str] =
    &["sjabloon", "revisie", "kanaal", "ontvangers", "ander", "postadres", "onderwerp", "inhoud", "bijlagen"];

/// A composed message, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Opstel {
    pub sjabloon: String,
    pub revisie: i64,
    pub kanaal: BerichtKanaal,
    /// E-mail recipients; empty for a letter.
    pub aan: Vec<OntvangerDb>,
    /// A letter's address lines; empty for e-mail.
    pub postadres: Vec<String>,
    pub onderwerp: String,
    pub inhoud: String,
    /// Document keys.
    pub bijlagen: Vec<String>,
}

/// Reads the composer's post against the case's parties (`partijen`).
pub fn lees(v: &Velden, partijen: &[Partij]) -> Result<Opstel, Veldfouten> {
    let mut f = Veldfouten::default();
    let kanaal = match v.get("kanaal") {
        "" => BerichtKanaal::Email,
        code => BerichtKanaal::from_code(code).unwrap_or_else(|| {
            f.zet("kanaal", "Kies hoe het bericht vertrekt: per e-mail of als brief per post.");
            BerichtKanaal::Email
        }),
    };
    let (aan, postadres) = match kanaal {
        BerichtKanaal::Email => (ontvangers(v, partijen, &mut f), Vec::new()),
        BerichtKanaal::Brief => (Vec::new(), postadres(v.get("postadres"), &mut f)),
    };
    let onderwerp = v.get("onderwerp").trim().to_string();
    if onderwerp.is_empty() {
        f.zet("onderwerp", "Vul een onderwerp in.");
    } else if onderwerp.contains(['\r', '\n']) || onderwerp.chars().any(char::is_control) {
        f.zet("onderwerp", "Het onderwerp is één regel, zonder regeleinden.");
    } else if onderwerp.chars().count() > MAX_ONDERWERP {
        f.zet("onderwerp", &format!("Het onderwerp is te lang: hoogstens {MAX_ONDERWERP} tekens."));
    }
    let inhoud = v.get("inhoud").replace("\r\n", "\n");
    if inhoud.trim().is_empty() {
        f.zet("inhoud", "Schrijf de tekst van het bericht.");
    } else if inhoud.chars().count() > MAX_INHOUD {
        f.zet("inhoud", &format!("De tekst is te lang: hoogstens {MAX_INHOUD} tekens. Maak hem korter."));
    }
    let bijlagen: Vec<String> = v.alle("bijlagen").map(str::to_string).collect();
    if bijlagen.iter().any(|b| !crate::gemeen::is_sleutel(b)) || bijlagen.len() > 10 {
        f.zet("bijlagen", "Kies de bijlagen uit de lijst (hoogstens 10).");
    } else if kanaal == BerichtKanaal::Brief && !bijlagen.is_empty() {
        f.zet("bijlagen", "Een brief per post neemt geen bijlagen uit het dossier mee. Kies e-mail, of stuur ze apart.");
    }
    let Ok(revisie) = v.get("revisie").trim().parse::<i64>() else {
        f.zet("sjabloon", "Kies het sjabloon opnieuw.");
        return Err(f);
    };
    let sjabloon = v.get("sjabloon").trim().to_string();
    f.of(Opstel { sjabloon, revisie, kanaal, aan, postadres, onderwerp, inhoud, bijlagen })
}

/// The address lines of a letter: what fits the envelope window, one line each.
pub fn postadres(tekst: &str, f: &mut Veldfouten) -> Vec<String> {
    let regels: Vec<String> = tekst.lines().map(str::trim).filter(|r| !r.is_empty()).map(str::to_string).collect();
    if regels.len() < 2 {
        f.zet("postadres", "Vul het postadres in: de naam en daaronder het adres, elk op een eigen regel.");
    } else if regels.len() > MAX_POSTADRES_REGELS {
        f.zet("postadres", &format!("Een postadres heeft hoogstens {MAX_POSTADRES_REGELS} regels."));
    } else if regels.iter().any(|r| r.chars().any(char::is_control)) {
        f.zet("postadres", "Het postadres mag geen stuurtekens bevatten.");
    } else if let Some(r) = regels.iter().find(|r| r.chars().count() > brief::MAX_ADRESREGEL) {
        f.zet("postadres", &format!("Deze regel past niet in het venster van de envelop: {}", kort(r)));
    }
    regels
}

/// The e-mail recipients: ticked parties and typed addresses.
fn ontvangers(v: &Velden, partijen: &[Partij], f: &mut Veldfouten) -> Vec<OntvangerDb> {
    let mut aan: Vec<OntvangerDb> = Vec::new();
    for code in v.alle("ontvangers") {
        match partijen.iter().find(|p| p.code == code) {
            Some(p) => voeg_toe(&mut aan, OntvangerDb { naam: Some(p.label.clone()), email: p.email.clone() }),
            None => f.zet("ontvangers", "Kies ontvangers uit de lijst."),
        }
    }
    let ander = v.get("ander");
    // One line in the form: a line break can only be an attempt to add mail headers.
    let getypt: Vec<&str> = if ander.chars().any(char::is_control) {
        f.zet("ander", "Een e-mailadres mag geen regeleinde of stuurteken bevatten.");
        Vec::new()
    } else {
        ander.split([',', ';']).map(str::trim).filter(|a| !a.is_empty()).collect()
    };
    for adres in getypt {
        match adres_fout(adres) {
            None => voeg_toe(&mut aan, OntvangerDb { naam: None, email: adres.to_string() }),
            Some(m) => f.zet("ander", &format!("{m} ({})", kort(adres))),
        }
    }
    if aan.is_empty() && f.get("ander").is_none() {
        f.zet("ontvangers", "Kies minstens één ontvanger, of typ een e-mailadres.");
    }
    if aan.len() > MAX_ONTVANGERS {
        f.zet("ander", &format!("Een bericht gaat naar hoogstens {MAX_ONTVANGERS} ontvangers."));
    }
    aan
}

fn voeg_toe(aan: &mut Vec<OntvangerDb>, o: OntvangerDb) {
    if !aan.iter().any(|a| a.email.eq_ignore_ascii_case(&o.email)) {
        aan.push(o);
    }
}

fn kort(s: &str) -> String {
    let k: String = s.chars().filter(|c| !c.is_control()).take(60).collect();
    if s.chars().count() > 60 { format!("{k}…") } else { k }
}

/// What is wrong with a typed e-mail address, in Dutch; `None` when it is fine. The same check
/// the outbox makes before sending (`verzending::Adres`), so what is accepted here is sendable.
pub fn adres_fout(adres: &str) -> Option<&'static str> {
    verzending::Adres::parse(None, adres).err().map(|e| e.bericht())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partijen() -> Vec<Partij> {
        vec![Partij { code: "melder".into(), rol: "Melder".into(), label: "Jana Peeters".into(), email: "jana@example.be".into() }]
    }

    fn velden(extra: &[(&str, &str)]) -> Velden {
        let basis = [("sjabloon", "x"), ("revisie", "1"), ("onderwerp", "Uw melding"), ("inhoud", "Beste")];
        let mut v: Vec<(&str, &str)> =
            basis.into_iter().filter(|(k, _)| !extra.iter().any(|(e, _)| e == k)).collect();
        v.extend_from_slice(extra);
        Velden::van(&v)
    }

    #[test]
    fn parties_and_typed_addresses_without_duplicates() {
        let o = lees(&velden(&[("ontvangers", "melder"), ("ander", "JANA@example.be; piet@example.be")]), &partijen())
            .unwrap();
        let adressen: Vec<&str> = o.aan.iter().map(|a| a.email.as_str()).collect();
        assert_eq!(adressen, ["jana@example.be", "piet@example.be"]);
    }

    #[test]
    fn header_injection_and_bad_addresses_are_refused_next_to_their_field() {
        let f = lees(&velden(&[("ander", "a@example.be\r\nBcc: x@evil.be")]), &partijen()).unwrap_err();
        assert!(f.get("ander").is_some());
        let f = lees(&velden(&[("ander", "a@b")]), &partijen()).unwrap_err();
        assert!(f.get("ander").unwrap().contains("a@b"));
        let lang = format!("{}@example.be", "a".repeat(65));
        assert!(lees(&velden(&[("ander", &lang)]), &partijen()).unwrap_err().get("ander").unwrap().contains("te lang"));
        let f = lees(&velden(&[("ontvangers", "melder"), ("onderwerp", "a\r\nBcc: x@evil.be")]), &partijen());
        assert!(f.unwrap_err().get("onderwerp").unwrap().contains("één regel"));
        let f = lees(&velden(&[("ontvangers", "organisator")]), &partijen()).unwrap_err();
        assert_eq!(f.get("ontvangers"), Some("Kies ontvangers uit de lijst."));
    }

    #[test]
    fn nobody_an_empty_or_very_long_text_is_refused() {
        let f = lees(&velden(&[]), &partijen()).unwrap_err();
        assert!(f.get("ontvangers").is_some());
        let lang = "woord ".repeat(2000);
        let v = Velden::van(&[("revisie", "1"), ("ontvangers", "melder"), ("onderwerp", "x"), ("inhoud", &lang)]);
        assert!(lees(&v, &partijen()).unwrap_err().get("inhoud").unwrap().contains("te lang"));
    }

    #[test]
    fn a_letter_needs_a_postal_address_that_fits_the_window() {
        let brief = |adres: &str| lees(&velden(&[("kanaal", "brief"), ("postadres", adres)]), &partijen());
        let o = brief("Kinderdagverblijf De Vlinder\r\n t.a.v. de verantwoordelijke \n\nKerkstraat 1\n9000 Gent").unwrap();
        assert_eq!(o.kanaal, BerichtKanaal::Brief);
        assert!(o.aan.is_empty(), "a letter has no e-mail recipients");
        assert_eq!(o.postadres, ["Kinderdagverblijf De Vlinder", "t.a.v. de verantwoordelijke", "Kerkstraat 1", "9000 Gent"]);
        assert!(brief("Alleen een naam").unwrap_err().get("postadres").unwrap().contains("elk op een eigen regel"));
        assert!(brief(&"regel\n".repeat(7)).unwrap_err().get("postadres").unwrap().contains("hoogstens 6"));
        let lang = format!("Naam\n{}", "x".repeat(brief::MAX_ADRESREGEL + 1));
        assert!(brief(&lang).unwrap_err().get("postadres").unwrap().contains("venster"));
        let f = lees(&velden(&[("kanaal", "duif"), ("ontvangers", "melder")]), &partijen()).unwrap_err();
        assert!(f.get("kanaal").unwrap().contains("per e-mail of als brief"));
    }
}
