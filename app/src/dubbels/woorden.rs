//! The significant words of a description and the ranking of possible duplicates: plain and
//! explainable (the page shows the shared words), no language model or search engine involved.

use std::collections::BTreeSet;

/// Common Dutch words, and words that nearly every melding contains, that say nothing about
/// whether two meldingen are about the same facts.
const GEWOON: &[&str] = &[
    "aan",
    "alle",
    "alles",
    "altijd",
    "andere",
    "anders",
    "begeleiding",
    "daar",
    "daarna",
    "dacht",
    "dagen",
    "dan",
    "deze",
    "door",
    "dochter",
    "echt",
    "eens",
    "eigen",
    "elke",
    "even",
    "gaan",
    "gaat",
    "geen",
    "gebeurd",
    "gebeurde",
    "geweest",
    "gezegd",
    "ging",
    "gingen",
    "gisteren",
    "had",
    "hadden",
    "heb",
    "hebben",
    "hebt",
    "heeft",
    "heel",
    "hier",
    "hun",
    "iedere",
    "iemand",
    "iets",
    "jullie",
    "keer",
    "kind",
    "kinderen",
    "kinderopvang",
    "kindje",
    "kon",
    "konden",
    "kreeg",
    "kregen",
    "kunnen",
    "kwam",
    "laatste",
    "maar",
    "meer",
    "mijn",
    "moest",
    "moet",
    "mocht",
    "naar",
    "nadat",
    "niet",
    "niets",
    "niemand",
    "nooit",
    "omdat",
    "onder",
    "onze",
    "ook",
    "opvang",
    "ouder",
    "ouders",
    "over",
    "soms",
    "tegen",
    "tijdens",
    "toen",
    "tussen",
    "vaak",
    "vandaag",
    "veel",
    "voor",
    "vorige",
    "waar",
    "wanneer",
    "want",
    "waren",
    "wat",
    "week",
    "weer",
    "weken",
    "welke",
    "werd",
    "werden",
    "wordt",
    "worden",
    "zeer",
    "zegt",
    "zei",
    "zich",
    "zijn",
    "zonder",
    "zoon",
    "zoals",
    "zou",
    "zouden",
];

/// Lower-cased words of four letters or more that are not common, without digits-only tokens.
pub fn kernwoorden(tekst: &str) -> BTreeSet<String> {
    tekst
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()) && !GEWOON.contains(w))
        .map(str::to_string)
        .collect()
}

/// The words both sets contain, longest (most telling) first, then alphabetically.
pub fn gedeeld(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Vec<String> {
    let mut w: Vec<String> = a.intersection(b).cloned().collect();
    w.sort_by(|x, y| y.chars().count().cmp(&x.chars().count()).then_with(|| x.cmp(y)));
    w
}

/// Orders candidates: most shared words first, then the one received closest in time.
/// `kandidaten` holds (shared words, seconds between the two receipts, item).
pub fn rangschik<T>(mut kandidaten: Vec<(Vec<String>, i64, T)>) -> Vec<(Vec<String>, T)> {
    kandidaten.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.abs().cmp(&b.1.abs())));
    kandidaten.into_iter().map(|(w, _, t)| (w, t)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_short_words_are_not_significant() {
        let w = kernwoorden("Mijn kind viel gisteren van de glijbaan; de begeleidster zag het niet. 2026");
        assert_eq!(w.into_iter().collect::<Vec<_>>(), vec!["begeleidster", "glijbaan", "viel"]);
    }

    #[test]
    fn shared_words_explain_the_ranking() {
        let eigen = kernwoorden("Een kind viel van de glijbaan in de tuin, niemand hield toezicht.");
        let a = kernwoorden("Onze zoon viel van de glijbaan; er was geen toezicht in de tuin.");
        let b = kernwoorden("De maaltijden zijn koud en te klein.");
        let c = kernwoorden("Glijbaan is kapot.");
        assert_eq!(gedeeld(&eigen, &a), vec!["glijbaan", "toezicht", "tuin", "viel"]);
        let gerangschikt = rangschik(vec![
            (gedeeld(&eigen, &b), 10, "b"),
            (gedeeld(&eigen, &c), 5, "c"),
            (gedeeld(&eigen, &a), 1000, "a"),
        ]);
        let volgorde: Vec<&str> = gerangschikt.iter().map(|(_, t)| *t).collect();
        assert_eq!(volgorde, vec!["a", "c", "b"]);
        // Equal words: the one received closest in time first.
        let gelijk = rangschik(vec![(vec![], -500, "ver"), (vec![], 20, "dicht")]);
        assert_eq!(gelijk[0].1, "dicht");
    }
}
