//! The fixed list of merge fields and the "did you mean" suggestion for typos.

use serde::Serialize;

/// A merge field that templates may use as `{{naam}}`, with a short Dutch description for the
/// editor's help list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Veld {
    pub naam: &'static str,
    pub uitleg: &'static str,
}

const fn veld(naam: &'static str, uitleg: &'static str) -> Veld {
    Veld { naam, uitleg }
}

/// Every merge field the application can fill in, in the order of the editor's help list.
pub const VELDEN: &[Veld] = &[
    veld("vandaag", "Datum van vandaag"),
    veld("melder.naam", "Naam van de melder"),
    veld("melder.email", "E-mailadres van de melder"),
    veld("melding.referentie", "Referentienummer van de melding"),
    veld("melding.soort", "Soort zaak: melding, vraag of klacht"),
    veld("melding.ontvangen", "Datum waarop de melding binnenkwam"),
    veld("melding.feit_datum", "Datum van de gemelde feiten"),
    veld("melding.categorieen", "Categorieën van de melding"),
    veld("locatie.naam", "Naam van de kinderopvanglocatie"),
    veld("locatie.adres", "Adres van de kinderopvanglocatie"),
    veld("organisator.naam", "Naam van de organisator"),
    veld("organisator.adres", "Adres van de organisator"),
    veld("behandelaar.naam", "Naam van de dossierbehandelaar"),
    veld("termijn.bevestiging", "Uiterste datum voor de ontvangstbevestiging"),
    veld("termijn.uitkomst", "Datum waarop de uitkomst verwacht wordt"),
    veld("termijn.nieuw", "Nieuwe, verlengde termijn"),
    veld("termijn.reden", "Reden waarom de termijn verlengd wordt"),
    veld("conclusie", "Conclusie van het onderzoek"),
    veld("conclusie.toelichting", "Toelichting bij de conclusie"),
    veld("dienst.naam", "Naam van de dienst waarnaar we doorverwijzen"),
    veld("dienst.contact", "Contactgegevens van die dienst"),
    veld("handhaving.stap", "Handhavingsstap, bv. aanmaning of schorsing"),
    veld("handhaving.beslissing", "Inhoud van de handhavingsbeslissing"),
    veld("handhaving.termijn", "Termijn die de organisator krijgt"),
    veld("handhaving.datum", "Datum van de handhavingsbeslissing"),
    veld("team.naam", "Naam van het behandelende team"),
    veld("team.telefoon", "Telefoonnummer van het team"),
    veld("team.email", "E-mailadres van het team"),
];

/// The known field with exactly this name.
pub(crate) fn zoek_veld(naam: &str) -> Option<&'static str> {
    VELDEN.iter().map(|v| v.naam).find(|n| *n == naam)
}

/// The known field closest to a misspelt name, if it is close enough to be a typo.
pub(crate) fn suggestie(naam: &str) -> Option<&'static str> {
    let naam = naam.to_lowercase();
    if naam.is_empty() {
        return None;
    }
    // Two edits catch a dropped letter plus a swap; more would suggest unrelated fields.
    let grens = if naam.chars().count() >= 12 { 3 } else { 2 };
    VELDEN
        .iter()
        .map(|v| (afstand(&naam, v.naam), v.naam))
        .filter(|(a, _)| *a <= grens)
        .min_by_key(|(a, _)| *a)
        .map(|(_, n)| n)
}

/// Edit distance where inserting, deleting, replacing or swapping two neighbouring characters
/// each count as one edit (optimal string alignment).
pub(crate) fn afstand(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows suffice: the swap looks back two rows.
    let mut voorvorige = vec![0; b.len() + 1];
    let mut vorige: Vec<usize> = (0..=b.len()).collect();
    let mut huidige = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        huidige[0] = i;
        for j in 1..=b.len() {
            let kost = usize::from(a[i - 1] != b[j - 1]);
            let mut beste = (vorige[j] + 1).min(huidige[j - 1] + 1).min(vorige[j - 1] + kost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                beste = beste.min(voorvorige[j - 2] + 1);
            }
            huidige[j] = beste;
        }
        std::mem::swap(&mut voorvorige, &mut vorige);
        std::mem::swap(&mut vorige, &mut huidige);
    }
    vorige[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn afstand_telt_bewerkingen() {
        assert_eq!(afstand("melder.nam", "melder.naam"), 1);
        assert_eq!(afstand("melder.naam", "melder.anam"), 1);
        assert_eq!(afstand("kat", "kast"), 1);
        assert_eq!(afstand("", "abc"), 3);
        assert_eq!(afstand("abc", "abc"), 0);
        assert_eq!(afstand("abc", "xyz"), 3);
    }

    #[test]
    fn suggestie_alleen_bij_kleine_afstand() {
        assert_eq!(suggestie("melder.nam"), Some("melder.naam"));
        assert_eq!(suggestie("Melder.Naam"), Some("melder.naam"));
        assert_eq!(suggestie("melding.refrentie"), Some("melding.referentie"));
        assert_eq!(suggestie("totaal.anders"), None);
        assert_eq!(suggestie(""), None);
    }

    #[test]
    fn veldnamen_zijn_uniek_en_gekend() {
        for (i, v) in VELDEN.iter().enumerate() {
            assert!(VELDEN[i + 1..].iter().all(|w| w.naam != v.naam), "{}", v.naam);
            assert_eq!(zoek_veld(v.naam), Some(v.naam));
            assert!(!v.uitleg.is_empty());
        }
        assert_eq!(VELDEN.len(), 28);
        assert_eq!(zoek_veld("melder"), None);
    }
}
