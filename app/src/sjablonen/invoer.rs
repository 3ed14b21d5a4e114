//! The editor's fields and the template they make: parsing what was typed (a Dutch message per
//! field), the short name of a new template, and the blank form of `/sjablonen/nieuw`.

use super::model::{BewerkData, SjabloonInvoer};
use crate::gemeen::fout::Veldfouten;
use sjabloon::{Gebeurtenis, Kanaal, Publiek, Sjabloon, Zaaksoort, lees, naar_bestand, ontleed};

/// The paths next to `/sjablonen/<slug>` that a template's short name must not take.
const VOORBEHOUDEN: &[&str] = &["nieuw", "jargon"];

/// Stands in for a refused short name, so the other fields are still checked.
const INVULNAAM: &str = "nieuw-sjabloon";

/// The sjabloon crate's messages as one text.
pub(super) fn fouten_tekst(fouten: &[sjabloon::Fout]) -> String {
    fouten.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ")
}

/// Every merge field with its explanation, for the editor's help list.
pub fn alle_velden() -> Vec<(String, String)> {
    sjabloon::VELDEN.iter().map(|v| (v.naam.to_string(), v.uitleg.to_string())).collect()
}

/// The editor's fields as a template, or a Dutch message per field (every problem of the subject
/// and body at once, with the line in the text box).
pub fn uit_invoer(slug: &str, i: &SjabloonInvoer) -> Result<Sjabloon, Veldfouten> {
    let mut f = Veldfouten::default();
    let titel = i.titel.trim();
    if titel.is_empty() || titel.contains(['\r', '\n']) || titel.chars().count() > 150 {
        f.zet("titel", "Geef een titel van één regel (hoogstens 150 tekens).");
    }
    let kanaal = Kanaal::van_tekst(&i.kanaal);
    if kanaal.is_none() {
        f.zet("kanaal", "Kies hoe het bericht vertrekt: e-mail, brief of allebei.");
    }
    let publiek = Publiek::van_tekst(&i.publiek);
    if publiek.is_none() {
        f.zet("publiek", "Kies voor wie het bericht is.");
    }
    let automatisch = match i.automatisch.as_str() {
        "" => Some(None),
        g => Gebeurtenis::van_tekst(g).map(Some),
    };
    if automatisch.is_none() {
        f.zet("automatisch", "Kies wanneer Meldpunt het bericht zelf verstuurt, of nooit.");
    }
    let zaaksoorten: Option<Vec<Zaaksoort>> = i.zaaksoorten.iter().map(|z| Zaaksoort::van_tekst(z)).collect();
    if zaaksoorten.is_none() {
        f.zet("zaaksoorten", "Kies alleen melding, vraag of klacht.");
    }
    let onderwerp = i.onderwerp.trim();
    let onderwerp = if onderwerp.is_empty() || onderwerp.contains(['\r', '\n']) {
        f.zet("onderwerp", "Geef een onderwerp van één regel.");
        None
    } else {
        ontleed(onderwerp).map_err(|e| f.zet("onderwerp", &fouten_tekst(&e))).ok()
    };
    let inhoud = ontleed(&i.inhoud).map_err(|e| f.zet("inhoud", &fouten_tekst(&e))).ok();
    let (Some(kanaal), Some(publiek), Some(automatisch), Some(mut zaaksoorten), Some(onderwerp), Some(inhoud), true) =
        (kanaal, publiek, automatisch, zaaksoorten, onderwerp, inhoud, f.is_empty())
    else {
        return Err(f);
    };
    zaaksoorten.dedup();
    let s = Sjabloon {
        titel: titel.into(),
        slug: slug.into(),
        kanaal,
        publiek,
        tweede_lezer: i.tweede_lezer,
        automatisch,
        zaaksoorten,
        onderwerp,
        inhoud,
    };
    // What is stored must read back as the same template (the file is the truth).
    match lees(&naar_bestand(&s)) {
        Ok(terug) if terug == s => Ok(s),
        _ => {
            f.zet("inhoud", "Deze tekst kan niet bewaard worden zoals hij is. Kijk na of er niets vreemds in staat.");
            Err(f)
        }
    }
}

/// Why `slug` cannot be a new template's short name (3–60 of a-z, 0-9 and `-`, not a path of
/// its own), or `None`.
pub fn korte_naam_fout(slug: &str) -> Option<&'static str> {
    let tekens_goed = slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if slug.is_empty() {
        Some("Geef een korte naam, bijvoorbeeld uitleg-wachttijd.")
    } else if !tekens_goed {
        Some("Gebruik kleine letters, cijfers en koppeltekens.")
    } else if !(3..=60).contains(&slug.len()) {
        Some("Gebruik 3 tot 60 tekens.")
    } else if VOORBEHOUDEN.contains(&slug) {
        Some("Deze korte naam is voorbehouden. Kies een andere.")
    } else {
        None
    }
}

/// A new template's fields as a template: `uit_invoer` with the short name checked too (every
/// message at once, also when the short name is refused).
pub fn uit_nieuwe_invoer(slug: &str, i: &SjabloonInvoer) -> Result<Sjabloon, Veldfouten> {
    let Some(fout) = korte_naam_fout(slug) else {
        return uit_invoer(slug, i);
    };
    let mut f = uit_invoer(INVULNAAM, i).err().unwrap_or_default();
    f.zet("slug", fout);
    Err(f)
}

/// The blank form of a new template: an e-mail to the reporter, sent by a person.
pub fn nieuwe_invoer() -> BewerkData {
    let invoer = SjabloonInvoer { kanaal: "email".into(), publiek: "melder".into(), ..SjabloonInvoer::default() };
    BewerkData { slug: String::new(), invoer, alle_velden: alle_velden() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_name_is_lowercase_letters_digits_and_hyphens() {
        assert_eq!(korte_naam_fout("antwoord-op-vraag-2"), None);
        assert_eq!(korte_naam_fout("abc"), None);
        assert_eq!(korte_naam_fout(&"a".repeat(60)), None);
        let tekens = Some("Gebruik kleine letters, cijfers en koppeltekens.");
        for slecht in ["Antwoord", "antwoord op vraag", "antwoord_op", "vraag/2", "één-vraag"] {
            assert_eq!(korte_naam_fout(slecht), tekens, "{slecht}");
        }
        assert_eq!(korte_naam_fout("ab"), Some("Gebruik 3 tot 60 tekens."));
        assert_eq!(korte_naam_fout(&"a".repeat(61)), Some("Gebruik 3 tot 60 tekens."));
        assert!(korte_naam_fout("").is_some_and(|m| m.starts_with("Geef een korte naam")));
        assert!(korte_naam_fout("nieuw").is_some_and(|m| m.contains("voorbehouden")));
        assert!(korte_naam_fout("jargon").is_some_and(|m| m.contains("voorbehouden")));
    }

    #[test]
    fn a_refused_short_name_does_not_hide_the_other_messages() {
        let mut i = nieuwe_invoer().invoer;
        i.titel = "Antwoord op een vraag".into();
        i.onderwerp = "Uw vraag {{melding.referentie}}".into();
        i.inhoud = "Beste {{melder.nam}},\n".into();
        let f = uit_nieuwe_invoer("Vraag", &i).unwrap_err();
        assert_eq!(f.get("slug"), Some("Gebruik kleine letters, cijfers en koppeltekens."));
        assert!(f.get("inhoud").is_some_and(|m| m.contains("Regel 1")), "{f:?}");
        i.inhoud = "Beste {{melder.naam}},\n".into();
        let s = uit_nieuwe_invoer("antwoord-op-vraag", &i).unwrap();
        assert_eq!(s.slug, "antwoord-op-vraag");
    }
}
