//! Dutch text analysis shared by every search engine: normalising, stemming, tokenising and the typo rule.
//!
//! The Dutch snowball stemmer alone does not bring the forms of one verb together (`geschorst` stays
//! `geschorst`, `melding` stays `melding`), so [`stam`] adds a few light steps around it:
//! a past participle `ge-…-t/d` (also after a separable particle: `aan-ge-maand`) loses its `ge`,
//! a handful of irregular participles common in this domain are looked up, and after stemming a
//! trailing `-ing`, a doubled final consonant, a trailing `t`/`d` and doubled vowels are reduced.
//! The result is not a linguistic stem but a key that is equal for the forms users mix up.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

static NL_STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Dutch));

/// Separable particles that can stand before the `ge` of a past participle (`aan-ge-maand`).
const PARTIKELS: &[&str] = &[
    "aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "samen", "tegen", "terug", "toe", "uit", "vast",
    "voor", "vrij", "weg",
];

/// Irregular (strong) participles and past forms of this domain, mapped to their infinitive.
const ONREGELMATIG: &[(&str, &str)] = &[
    ("gesloten", "sluiten"),
    ("afgesloten", "afsluiten"),
    ("uitgesloten", "uitsluiten"),
    ("opgeheven", "opheffen"),
    ("ingetrokken", "intrekken"),
    ("teruggetrokken", "terugtrekken"),
    ("genomen", "nemen"),
    ("afgenomen", "afnemen"),
    ("opgenomen", "opnemen"),
    ("gegeven", "geven"),
    ("doorgegeven", "doorgeven"),
    ("opgegeven", "opgeven"),
    ("gevonden", "vinden"),
    ("bevonden", "bevinden"),
    ("gezien", "zien"),
    ("gedaan", "doen"),
    ("gebracht", "brengen"),
    ("gedacht", "denken"),
    ("gebleven", "blijven"),
    ("geschreven", "schrijven"),
    ("beschreven", "beschrijven"),
    ("ingeschreven", "inschrijven"),
    ("voorgeschreven", "voorschrijven"),
    ("aangeboden", "aanbieden"),
    ("verboden", "verbieden"),
    ("gesproken", "spreken"),
    ("besproken", "bespreken"),
    ("afgesproken", "afspreken"),
    ("begonnen", "beginnen"),
    ("gekozen", "kiezen"),
    ("onderzocht", "onderzoeken"),
    ("bezocht", "bezoeken"),
    ("gezocht", "zoeken"),
    ("verzocht", "verzoeken"),
    ("verweten", "verwijten"),
    ("ontslagen", "ontslaan"),
    ("opgeschreven", "opschrijven"),
    ("gegolden", "gelden"),
];

/// Frequent Dutch function words; they are neither indexed nor searched.
const STOPWOORDEN: &[&str] = &[
    "aan", "al", "als", "bij", "dan", "dat", "de", "den", "der", "des", "die", "dit", "door", "een", "en", "er", "had",
    "heb", "hebben", "heeft", "het", "hij", "hoe", "ik", "in", "is", "je", "kan", "maar", "me", "met", "mij", "na",
    "naar", "niet", "nog", "of", "om", "ons", "onze", "ook", "op", "over", "te", "tot", "u", "uw", "van", "voor",
    "was", "wat", "we", "wel", "werd", "wie", "wij", "worden", "wordt", "zal", "ze", "zich", "zij", "zijn", "zo",
    "zou",
];

/// Lowercases a word and removes diacritics (`Één` → `een`, `reële` → `reele`).
pub fn normaliseer(woord: &str) -> String {
    let mut uit = String::with_capacity(woord.len());
    for c in woord.chars().flat_map(char::to_lowercase) {
        uit.push(zonder_accent(c));
    }
    uit
}

fn zonder_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        andere => andere,
    }
}

/// True for the function words that are left out of the index and of queries.
pub fn is_stopwoord(genormaliseerd: &str) -> bool {
    STOPWOORDEN.binary_search(&genormaliseerd).is_ok()
}

/// Splits text into normalised words (letters and digits), leaving out stop words and single letters.
pub fn tokens(tekst: &str) -> Vec<String> {
    woorden(tekst).map(|(_, w)| normaliseer(w)).filter(|w| telt_mee(w)).collect()
}

/// Whether a normalised word is worth indexing: no stop word, no lone letter.
pub fn telt_mee(genormaliseerd: &str) -> bool {
    let lengte = genormaliseerd.chars().count();
    let is_getal = genormaliseerd.chars().all(|c| c.is_ascii_digit());
    (lengte > 1 || is_getal) && !is_stopwoord(genormaliseerd)
}

/// The words of a text with their byte offsets, as written (not normalised).
pub fn woorden(tekst: &str) -> impl Iterator<Item = (usize, &str)> {
    tekst
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - tekst.as_ptr() as usize, w))
}

/// The search key of one word. Equal for e.g. `schorsing`/`geschorst`/`schorsen`, `sluiting`/`gesloten`,
/// `aanmaning`/`aangemaand`, `melding`/`gemeld`, `vergunning`/`vergund`.
pub fn stam(woord: &str) -> String {
    let mut alle = stammen(woord);
    alle.pop().unwrap_or_default()
}

/// All search keys of one word: the key of the word as written and, for a word that looks like a past
/// participle (`ge…t`), also the key without `ge`. The last element is the preferred one ([`stam`]).
/// Indexing and querying every variant keeps nouns that merely start with `ge` (`gebied`/`gebieden`)
/// matching each other while participles meet their verb.
pub fn stammen(woord: &str) -> Vec<String> {
    let w = normaliseer(woord);
    if let Some((_, infinitief)) = ONREGELMATIG.iter().find(|(vorm, _)| *vorm == w) {
        return vec![snowball_en_nabewerking(infinitief)];
    }
    let gewoon = snowball_en_nabewerking(&w);
    match zonder_ge(&w) {
        Some(kort) => {
            let deelwoord = snowball_en_nabewerking(&kort);
            if deelwoord == gewoon { vec![gewoon] } else { vec![gewoon, deelwoord] }
        }
        None => vec![gewoon],
    }
}

/// `geschorst` → `schorst`, `aangemaand` → `aanmaand`; `None` when the word does not look like a participle.
fn zonder_ge(w: &str) -> Option<String> {
    if !(w.ends_with('t') || w.ends_with('d')) {
        return None;
    }
    let kandidaten = std::iter::once("").chain(PARTIKELS.iter().copied());
    for partikel in kandidaten {
        if let Some(rest) = w.strip_prefix(partikel).and_then(|r| r.strip_prefix("ge"))
            && rest.chars().count() >= 3
            && rest.chars().any(is_klinker)
        {
            return Some(format!("{partikel}{rest}"));
        }
    }
    None
}

fn is_klinker(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn snowball_en_nabewerking(w: &str) -> String {
    let gestemd = NL_STEMMER.stem(w);
    let mut s: Vec<char> = gestemd.chars().collect();
    if s.len() >= 6 && s.ends_with(&['i', 'n', 'g']) {
        s.truncate(s.len() - 3);
    }
    ontdubbel_medeklinker(&mut s);
    for _ in 0..2 {
        if s.len() > 3 && matches!(s.last(), Some('t' | 'd')) {
            s.pop();
        }
    }
    ontdubbel_medeklinker(&mut s);
    let mut uit = String::with_capacity(s.len());
    let mut vorige: Option<char> = None;
    for c in s {
        if vorige == Some(c) && is_klinker(c) && c != 'i' {
            continue;
        }
        uit.push(c);
        vorige = Some(c);
    }
    uit
}

fn ontdubbel_medeklinker(s: &mut Vec<char>) {
    let n = s.len();
    if n >= 4 && s[n - 1] == s[n - 2] && s[n - 1].is_alphabetic() && !is_klinker(s[n - 1]) {
        s.pop();
    }
}

/// How many typos a query word of this length (in letters) may contain: none under 5 letters,
/// one from 5, two from 9.
pub fn max_fouten(woord_lengte: usize) -> u8 {
    match woord_lengte {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Edit distance where insertion, deletion, substitution and swapping two adjacent letters each count
/// as one (optimal string alignment).
pub fn afstand(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let breedte = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * breedte];
    for i in 0..=a.len() {
        d[i * breedte] = i;
    }
    for (j, cel) in d.iter_mut().enumerate().take(breedte) {
        *cel = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let kost = usize::from(a[i - 1] != b[j - 1]);
            let mut beste = (d[(i - 1) * breedte + j] + 1).min(d[i * breedte + j - 1] + 1);
            beste = beste.min(d[(i - 1) * breedte + j - 1] + kost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                beste = beste.min(d[(i - 2) * breedte + j - 2] + 1);
            }
            d[i * breedte + j] = beste;
        }
    }
    d[a.len() * breedte + b.len()]
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap
mod tests {
    use super::*;

    fn zelfde_familie(woorden: &[&str]) {
        let eerste = stammen(woorden[0]);
        for w in &woorden[1..] {
            let ander = stammen(w);
            assert!(
                ander.iter().any(|s| eerste.contains(s)),
                "{} {:?} en {w} {:?} delen geen stam",
                woorden[0],
                eerste,
                ander
            );
        }
    }

    #[test]
    fn werkwoordfamilies_komen_samen() {
        zelfde_familie(&["schorsing", "geschorst", "schorsen", "schorsingen", "schorst"]);
        zelfde_familie(&["sluiting", "gesloten", "sluiten", "sluit"]);
        zelfde_familie(&["aanmaning", "aangemaand", "aanmanen", "aanmaningen"]);
        zelfde_familie(&["melding", "gemeld", "melden", "meldt", "meldingen"]);
        zelfde_familie(&["vergunning", "vergund", "vergunnen", "vergunningen"]);
        zelfde_familie(&["opheffing", "opgeheven", "opheffen"]);
        zelfde_familie(&["intrekking", "ingetrokken", "intrekken"]);
        zelfde_familie(&["gebied", "gebieden"]);
    }

    #[test]
    fn stam_kiest_de_deelwoordvorm() {
        assert_eq!(stam("geschorst"), stam("schorsing"));
        assert_eq!(stam("gemeld"), stam("melding"));
        assert_eq!(stam("gesloten"), stam("sluiting"));
    }

    #[test]
    fn normaliseren_en_tokens() {
        assert_eq!(normaliseer("Reële"), "reele");
        assert_eq!(normaliseer("ÉÉN"), "een");
        assert_eq!(tokens("De opvang van het kind, art. 12!"), vec!["opvang", "kind", "art", "12"]);
        let mut gesorteerd = STOPWOORDEN.to_vec();
        gesorteerd.sort_unstable();
        assert_eq!(gesorteerd, STOPWOORDEN, "binary_search needs a sorted list");
    }

    #[test]
    fn tikfoutregel() {
        assert_eq!(max_fouten(4), 0);
        assert_eq!(max_fouten(5), 1);
        assert_eq!(max_fouten(8), 1);
        assert_eq!(max_fouten(9), 2);
        assert_eq!(afstand("boete", "beote"), 1);
        assert_eq!(afstand("kind", "kidn"), 1);
        assert_eq!(afstand("aanmaning", "aanmenink"), 2);
        assert_eq!(afstand("", "abc"), 3);
    }
}
