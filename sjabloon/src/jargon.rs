//! Finding the words of a jargon list in a sentence, for the writing aid: a list entry is a word
//! or a short phrase, written as people type it (capitals, punctuation), and a text's word also
//! matches an entry it starts with.

/// A jargon entry as the text's words are compared with it: its words lower-cased, without the
/// punctuation at their edges (as the text's words are read), and the entry as written.
pub(crate) struct Ingang<'a> {
    woorden: Vec<String>,
    woord: &'a str,
    beter: &'a str,
}

pub(crate) fn ingangen<W: AsRef<str>, A: AsRef<str>>(jargon: &[(W, A)]) -> Vec<Ingang<'_>> {
    jargon
        .iter()
        .map(|(w, b)| Ingang {
            woorden: w
                .as_ref()
                .split_whitespace()
                .map(|d| d.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                .filter(|d| !d.is_empty())
                .collect(),
            woord: w.as_ref(),
            beter: b.as_ref(),
        })
        .filter(|i| !i.woorden.is_empty())
        .collect()
}

/// The entries found in a sentence's lower-cased words: an entry of several words matches that
/// many words in a row, its last word (like a one-word entry) also as the start of a longer word
/// ("conform" finds "conformiteit"). Where entries overlap, the longest one counts.
pub(crate) fn jargon_in(klein: &[String], lijst: &[Ingang<'_>]) -> Vec<(String, String)> {
    let past = |i: usize, e: &Ingang<'_>| {
        let n = e.woorden.len();
        klein.get(i..i + n).is_some_and(|ws| {
            ws.iter().zip(&e.woorden).enumerate().all(|(k, (w, j))| if k + 1 == n { w.starts_with(j) } else { w == j })
        })
    };
    let lengte = |e: &&Ingang<'_>| e.woorden.iter().map(|w| w.chars().count() + 1).sum::<usize>();
    let mut uit = Vec::new();
    let mut i = 0;
    while i < klein.len() {
        match lijst.iter().filter(|e| past(i, e)).max_by_key(lengte) {
            Some(e) => {
                uit.push((e.woord.to_string(), e.beter.to_string()));
                i += e.woorden.len();
            }
            None => i += 1,
        }
    }
    uit
}

#[cfg(test)]
mod tests {
    use crate::schrijfhulp::{Soort, beoordeel};

    #[test]
    fn a_list_of_owned_strings_with_phrases_and_the_longest_entry_counts() {
        let lijst: Vec<(String, String)> = vec![
            ("conform".into(), "volgens".into()),
            ("conformiteit".into(), "of het klopt met de regels".into()),
            ("met betrekking tot".into(), "over".into()),
            ("i.v.m.".into(), "over".into()),
        ];
        let a = beoordeel(
            "We kijken de conformiteit na.\nDat doen we Met betrekking tot uw melding.\nHet is i.v.m. de opvang.\nDe betrekking is goed.",
            &lijst,
        );
        let jargon: Vec<(usize, &str)> = a
            .opmerkingen
            .iter()
            .filter_map(|o| match &o.soort {
                Soort::Jargon { woord, .. } => Some((o.regel, woord.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(jargon, vec![(1, "conformiteit"), (2, "met betrekking tot"), (3, "i.v.m.")]);
    }
}
