//! The writing aid next to a template or a message: sentences over 20 words, long words, passive
//! constructions it can recognise, jargon with a plain alternative, and the Flesch-Douma score
//! (206.835 − 0.93 × words per sentence − 77 × syllables per word) with the level it suggests.
//! Syllables are counted with the Dutch TeX hyphenation patterns (`hyphenation` crate); those
//! never split off one letter at a word's edge, so "idee" counts one syllable, not two. It
//! advises; it never blocks.

use hyphenation::{Hyphenator, Language, Load, Standard};
use std::sync::OnceLock;

/// A sentence longer than this many words is flagged (B1 guideline).
pub const MAX_WOORDEN_PER_ZIN: usize = 20;
/// A word of this many syllables or more is flagged.
pub const LANG_WOORD_LETTERGREPEN: usize = 5;

/// Words the team avoids, with what to write instead: the starter list. Meldpunt fills its
/// database with it at the first start; from then on coordinators keep the list there.
pub const STANDAARD_JARGON: &[(&str, &str)] = &[
    ("ontvankelijk", "we kunnen uw melding behandelen"),
    ("onontvankelijk", "we kunnen uw melding niet behandelen"),
    ("desgevallend", "als dat nodig is"),
    ("teneinde", "om"),
    ("betreffende", "over"),
    ("middels", "met"),
    ("conform", "volgens"),
    ("onverminderd", "toch"),
    ("hieromtrent", "hierover"),
    ("inzake", "over"),
    ("gelieve", "wilt u"),
    ("bijgevolg", "daarom"),
    ("voormeld", "dat we hierboven noemden"),
    ("alsook", "en"),
];

/// One remark, with the line of the text it is about (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opmerking {
    pub regel: usize,
    pub soort: Soort,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Soort {
    /// A sentence (its first words) and its length.
    LangeZin {
        begin: String,
        woorden: usize,
    },
    LangWoord {
        woord: String,
        lettergrepen: usize,
    },
    /// A form of "worden" with a past participle in one sentence.
    Lijdend {
        fragment: String,
    },
    Jargon {
        woord: String,
        beter: String,
    },
}

impl std::fmt::Display for Opmerking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = self.regel;
        match &self.soort {
            Soort::LangeZin { begin, woorden } => {
                write!(
                    f,
                    "Regel {r}: een zin van {woorden} woorden (\u{201c}{begin} …\u{201d}). Maak er twee zinnen van."
                )
            }
            Soort::LangWoord { woord, lettergrepen } => {
                write!(
                    f,
                    "Regel {r}: \u{201c}{woord}\u{201d} is een lang woord ({lettergrepen} lettergrepen). Kan het korter?"
                )
            }
            Soort::Lijdend { fragment } => {
                write!(
                    f,
                    "Regel {r}: \u{201c}{fragment}\u{201d} is een lijdende zin. Zeg wie het doet: \u{201c}we …\u{201d}."
                )
            }
            Soort::Jargon { woord, beter } => {
                write!(f, "Regel {r}: schrijf liever \u{201c}{beter}\u{201d} dan \u{201c}{woord}\u{201d}.")
            }
        }
    }
}

/// The aid's verdict on a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Advies {
    pub zinnen: usize,
    pub woorden: usize,
    pub lettergrepen: usize,
    /// Flesch-Douma; `None` for a text without words.
    pub score: Option<f64>,
    pub opmerkingen: Vec<Opmerking>,
}

impl Advies {
    /// The level the score suggests, in plain words.
    pub fn niveau(&self) -> &'static str {
        match self.score {
            None => "Nog geen tekst.",
            Some(s) if s >= 70.0 => "Makkelijk te lezen: taalniveau B1 of eenvoudiger.",
            Some(s) if s >= 60.0 => "Vrij makkelijk: rond B1. Kortere zinnen en woorden helpen nog.",
            Some(s) if s >= 45.0 => "Vrij moeilijk: B2. Maak zinnen en woorden korter.",
            Some(_) => "Moeilijk: C1 of hoger. Herschrijf in korte zinnen met gewone woorden.",
        }
    }
}

fn nederlands() -> Option<&'static Standard> {
    static WOORDENBOEK: OnceLock<Option<Standard>> = OnceLock::new();
    WOORDENBOEK.get_or_init(|| Standard::from_embedded(Language::Dutch).ok()).as_ref()
}

/// The syllables of one word (letters only; a word without letters counts one).
pub fn lettergrepen(woord: &str) -> usize {
    let letters: String = woord.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    if letters.is_empty() {
        return 1;
    }
    match nederlands() {
        Some(d) => d.hyphenate(&letters).breaks.len() + 1,
        None => 1,
    }
}

/// Abbreviations whose full stop does not end a sentence.
const AFKORTINGEN: &[&str] =
    &["bv", "bijv", "o.a", "nr", "enz", "d.w.z", "art", "vb", "m.a.w", "blz", "p", "z.o.z", "mr", "dr"];
const WORDEN: &[&str] = &["word", "wordt", "worden", "werd", "werden"];

/// A line as a reader sees it: template markers out, a merge field one word ("X"), markdown
/// markup out. `true` when the line starts a block (heading, list item), which ends a sentence.
fn leesbare_regel(regel: &str) -> (String, bool) {
    let mut uit = String::new();
    let mut rest = regel;
    while let Some(i) = rest.find(['{', '[']) {
        uit.push_str(&rest[..i]);
        let (open, dicht) = if rest[i..].starts_with("{{") { ("{{", "}}") } else { ("[[", "]]") };
        if !rest[i..].starts_with(open) {
            rest = &rest[i + 1..];
            continue;
        }
        match rest[i + 2..].find(dicht) {
            Some(j) => {
                let binnen = &rest[i + 2..i + 2 + j];
                if open == "{{" && !binnen.trim_start().starts_with(['#', '/']) {
                    uit.push('X');
                }
                rest = &rest[i + 2 + j + 2..];
            }
            None => rest = "",
        }
    }
    uit.push_str(rest);
    let kaal = uit.trim_start();
    let blok = kaal.starts_with(['#', '-', '*', '+', '>'])
        || kaal.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok());
    let zonder_opmaak: String =
        uit.chars().map(|c| if matches!(c, '#' | '*' | '_' | '`' | '>' | '[' | ']') { ' ' } else { c }).collect();
    (zonder_opmaak, blok)
}

fn is_deelwoord(w: &str) -> bool {
    let n = w.chars().count();
    (w.starts_with("ge") && n >= 5 && (w.ends_with('d') || w.ends_with('t') || w.ends_with("en")))
        || (["be", "ver", "ont", "her"].iter().any(|p| w.starts_with(p))
            && n >= 6
            && (w.ends_with('d') || w.ends_with('t')))
}

struct Zin {
    regel: usize,
    woorden: Vec<String>,
}

/// The sentences of a text, each with the line it starts on.
fn zinnen(tekst: &str) -> Vec<Zin> {
    let mut uit: Vec<Zin> = Vec::new();
    let mut huidig: Option<Zin> = None;
    for (nr, regel) in tekst.lines().enumerate() {
        let (lijn, blok) = leesbare_regel(regel);
        if blok || lijn.trim().is_empty() {
            uit.extend(huidig.take());
        }
        for ruw in lijn.split_whitespace() {
            let woord: String = ruw.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
            if woord.is_empty() {
                continue;
            }
            huidig.get_or_insert_with(|| Zin { regel: nr + 1, woorden: Vec::new() }).woorden.push(woord.clone());
            let einde = ruw.trim_end_matches(['"', '\'', ')', '\u{201d}']);
            let afkorting = AFKORTINGEN.contains(&woord.to_lowercase().as_str());
            if (einde.ends_with(['.', '!', '?']) && !afkorting)
                || einde.ends_with(':') && ruw == lijn.split_whitespace().last().unwrap_or("")
            {
                uit.extend(huidig.take());
            }
        }
    }
    uit.extend(huidig);
    uit
}

/// The aid's remarks and score for `tekst` (markdown with template markers), with `jargon` as
/// `(word or short phrase, plain alternative)`.
pub fn beoordeel<W: AsRef<str>, A: AsRef<str>>(tekst: &str, jargon: &[(W, A)]) -> Advies {
    let lijst = super::jargon::ingangen(jargon);
    let mut opmerkingen = Vec::new();
    let (mut woorden, mut grepen) = (0, 0);
    let alle = zinnen(tekst);
    for z in &alle {
        woorden += z.woorden.len();
        if z.woorden.len() > MAX_WOORDEN_PER_ZIN {
            let begin = z.woorden.iter().take(6).cloned().collect::<Vec<_>>().join(" ");
            opmerkingen.push(Opmerking { regel: z.regel, soort: Soort::LangeZin { begin, woorden: z.woorden.len() } });
        }
        let klein: Vec<String> = z.woorden.iter().map(|w| w.to_lowercase()).collect();
        for w in &z.woorden {
            let n = lettergrepen(w);
            grepen += n;
            if n >= LANG_WOORD_LETTERGREPEN {
                opmerkingen
                    .push(Opmerking { regel: z.regel, soort: Soort::LangWoord { woord: w.clone(), lettergrepen: n } });
            }
        }
        for (woord, beter) in super::jargon::jargon_in(&klein, &lijst) {
            opmerkingen.push(Opmerking { regel: z.regel, soort: Soort::Jargon { woord, beter } });
        }
        if let Some(i) = klein.iter().position(|w| WORDEN.contains(&w.as_str()))
            && let Some(j) = klein.iter().enumerate().skip(i + 1).find(|(_, w)| is_deelwoord(w)).map(|(j, _)| j)
            && j - i <= 8
        {
            let fragment = z.woorden[i..=j].join(" ");
            opmerkingen.push(Opmerking { regel: z.regel, soort: Soort::Lijdend { fragment } });
        }
    }
    opmerkingen.sort_by_key(|o| o.regel);
    let score = (woorden > 0).then(|| {
        let (z, w, g) = (alle.len() as f64, woorden as f64, grepen as f64);
        206.835 - 0.93 * (w / z) - 77.0 * (g / w)
    });
    Advies { zinnen: alle.len(), woorden, lettergrepen: grepen, score, opmerkingen }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn zonder_jargon(tekst: &str) -> Advies {
        beoordeel::<&str, &str>(tekst, &[])
    }

    #[test]
    fn syllables_follow_the_dutch_patterns() {
        // Counted by hand; the patterns agree.
        for (woord, n) in [
            ("kat", 1),
            ("melding", 2),
            ("ontvangen", 3),
            ("behandelen", 4),
            ("informatie", 4),
            ("organisator", 5),
            ("verantwoordelijkheid", 6),
            ("45", 1),
        ] {
            assert_eq!(lettergrepen(woord), n, "{woord}");
        }
    }

    #[test]
    fn the_score_of_hand_counted_sentences() {
        let a = zonder_jargon("De kat zit op de mat.");
        assert_eq!((a.zinnen, a.woorden, a.lettergrepen), (1, 6, 6));
        assert!((a.score.unwrap() - 124.255).abs() < 1e-9);
        // 2 sentences, 8 words; syllables we 1, be-han-de-len 4, uw 1, mel-ding 2, dat 1, duurt 1, 45 1, da-gen 2.
        let b = zonder_jargon("We behandelen uw melding. Dat duurt 45 dagen.");
        assert_eq!((b.zinnen, b.woorden, b.lettergrepen), (2, 8, 13));
        assert!((b.score.unwrap() - (206.835 - 0.93 * 4.0 - 77.0 * 13.0 / 8.0)).abs() < 1e-9);
        assert_eq!(b.niveau(), "Makkelijk te lezen: taalniveau B1 of eenvoudiger.");
        assert_eq!(zonder_jargon("").score, None);
    }

    #[test]
    fn merge_fields_count_as_one_word_and_markers_and_markup_as_none() {
        let a = zonder_jargon(
            "Beste {{melder.naam}},\n\n{{#als locatie.naam}}\nHet gaat over **{{locatie.naam}}**.\n{{/als}}\n",
        );
        assert_eq!((a.zinnen, a.woorden), (2, 6));
        // A list item is a sentence of its own; an abbreviation's full stop ends none.
        let b = zonder_jargon("Wat gebeurt er nu?\n\n- Een medewerker leest uw melding\n- We bellen u bv. morgen op");
        assert_eq!((b.zinnen, b.woorden), (3, 15));
    }

    #[test]
    fn long_sentences_long_words_passives_and_jargon_are_named_with_their_line() {
        let lang = "We hebben uw melding over de opvang goed ontvangen en we gaan de komende weken samen met een inspecteur na wat er precies gebeurd is.";
        let tekst = format!(
            "Beste ouder,\n\n{lang}\nUw melding wordt door een medewerker behandeld.\nDe verantwoordelijkheid ligt bij de opvang.\nUw melding is ontvankelijk."
        );
        let a = beoordeel(&tekst, STANDAARD_JARGON);
        let tekst: Vec<String> = a.opmerkingen.iter().map(ToString::to_string).collect();
        assert_eq!(
            tekst,
            vec![
                "Regel 3: een zin van 25 woorden (\u{201c}We hebben uw melding over de …\u{201d}). Maak er twee zinnen van.",
                "Regel 4: \u{201c}wordt door een medewerker behandeld\u{201d} is een lijdende zin. Zeg wie het doet: \u{201c}we …\u{201d}.",
                "Regel 5: \u{201c}verantwoordelijkheid\u{201d} is een lang woord (6 lettergrepen). Kan het korter?",
                "Regel 6: schrijf liever \u{201c}we kunnen uw melding behandelen\u{201d} dan \u{201c}ontvankelijk\u{201d}.",
            ]
        );
    }

    #[test]
    fn a_plain_text_gets_no_remarks() {
        let a = beoordeel("Bedankt voor uw melding. We lezen ze deze week. Daarna bellen we u.", STANDAARD_JARGON);
        assert!(a.opmerkingen.is_empty(), "{:?}", a.opmerkingen);
        assert_eq!(a.zinnen, 3);
    }
}
