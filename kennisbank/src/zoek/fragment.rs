//! Search snippets: the part of a text with the most matching words, HTML-escaped, matches in `<mark>`.

use std::collections::HashMap;

use super::Vraagwoord;
use crate::taal::{normaliseer, stammen, telt_mee, woorden};

/// Words in a snippet.
const VENSTER: usize = 28;

/// The best snippet of `tekst` for the query words, or `None` when no word matches.
/// `geheugen` caches per normalised word whether it matched; share it between the hits of one query.
pub fn fragment(tekst: &str, vraag: &[Vraagwoord], geheugen: &mut HashMap<String, bool>) -> Option<String> {
    if vraag.is_empty() {
        return None;
    }
    let lijst: Vec<(usize, &str)> = woorden(tekst).collect();
    let treffers: Vec<bool> = lijst
        .iter()
        .map(|(_, w)| {
            let n = normaliseer(w);
            if let Some(&bekend) = geheugen.get(&n) {
                return bekend;
            }
            let past = telt_mee(&n) && vraag.iter().any(|q| q.past_bij(&n, || stammen(&n)));
            geheugen.insert(n, past);
            past
        })
        .collect();
    if !treffers.iter().any(|&t| t) {
        return None;
    }
    // Sliding window with the most matches; the first such window wins.
    let breedte = VENSTER.min(lijst.len());
    let mut aantal = treffers[..breedte].iter().filter(|&&t| t).count();
    let (mut beste, mut beste_aantal) = (0, aantal);
    for begin in 1..=lijst.len() - breedte {
        aantal = aantal + usize::from(treffers[begin + breedte - 1]) - usize::from(treffers[begin - 1]);
        if aantal > beste_aantal {
            (beste, beste_aantal) = (begin, aantal);
        }
    }
    // Start a few words before the first match so the match has some context.
    let eerste = (beste..beste + breedte).find(|&i| treffers[i]).unwrap_or(beste);
    let begin = eerste.saturating_sub(4).min(lijst.len() - breedte);
    let einde = (begin + breedte).min(lijst.len());

    let mut html = String::new();
    if begin > 0 {
        html.push_str("… ");
    }
    let mut positie = if begin == 0 { 0 } else { lijst[begin].0 };
    for (&(start, woord), &past) in lijst[begin..einde].iter().zip(&treffers[begin..einde]) {
        escape_in(&tekst[positie..start], &mut html);
        if past {
            html.push_str("<mark>");
            escape_in(woord, &mut html);
            html.push_str("</mark>");
        } else {
            escape_in(woord, &mut html);
        }
        positie = start + woord.len();
    }
    if einde < lijst.len() {
        html.push_str(" …");
    } else {
        escape_in(&tekst[positie..], &mut html);
    }
    Some(html)
}

/// Escapes text for HTML (element content and quoted attributes).
pub(crate) fn escape_in(tekst: &str, uit: &mut String) {
    for c in tekst.chars() {
        match c {
            '&' => uit.push_str("&amp;"),
            '<' => uit.push_str("&lt;"),
            '>' => uit.push_str("&gt;"),
            '"' => uit.push_str("&quot;"),
            '\'' => uit.push_str("&#39;"),
            andere => uit.push(andere),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap
mod tests {
    use super::*;
    use crate::zoek::vraagwoorden;

    #[test]
    fn markeert_en_escapet() {
        let tekst = "De <b>opvang</b> werd geschorst & de ouders kregen een brief.";
        let mut g = HashMap::new();
        let html = fragment(tekst, &vraagwoorden("schorsing "), &mut g).unwrap_or_default();
        assert_eq!(html, "De &lt;b&gt;opvang&lt;/b&gt; werd <mark>geschorst</mark> &amp; de ouders kregen een brief.");
        assert!(fragment(tekst, &vraagwoorden("vergunning "), &mut HashMap::new()).is_none());
    }

    #[test]
    fn lang_stuk_krijgt_weglatingstekens() {
        let mut tekst = "woord ".repeat(100);
        tekst.push_str("hier staat de aanmaning ");
        tekst.push_str(&"vulling ".repeat(100));
        let html = fragment(&tekst, &vraagwoorden("aangemaand "), &mut HashMap::new()).unwrap_or_default();
        assert!(html.starts_with("… "), "{html}");
        assert!(html.ends_with(" …"), "{html}");
        assert!(html.contains("<mark>aanmaning</mark>"));
    }
}
