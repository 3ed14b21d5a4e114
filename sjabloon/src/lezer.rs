//! Splits a subject or body into tokens, line by line, and drops the lines that hold only
//! block markers.

use crate::fout::{Fout, FoutSoort};
use crate::velden::{afstand, suggestie, zoek_veld};

/// One piece of template text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Teken {
    Letterlijk(String),
    Veld(&'static str),
    Invulplek(String),
    /// `veld` is `None` when the condition was wrong (already reported): the block still opens,
    /// so its `{{/als}}` does not cause a second, misleading error.
    Als {
        veld: Option<&'static str>,
        waarde: Option<String>,
        tag: String,
    },
    Anders,
    EindeAls,
}

impl Teken {
    fn is_blokmarkering(&self) -> bool {
        matches!(self, Teken::Als { .. } | Teken::Anders | Teken::EindeAls)
    }
}

/// A token with the 1-based line and column (in characters) where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Geplaatst {
    pub teken: Teken,
    pub regel: usize,
    pub kolom: usize,
}

/// Tokenizes the whole text; problems go to `fouten`, the scan goes on after each one.
pub(crate) fn lees_tekens(tekst: &str, fouten: &mut Vec<Fout>) -> Vec<Geplaatst> {
    let mut uit = Vec::new();
    for (index, regel) in tekst.split_inclusive('\n').enumerate() {
        let nummer = index + 1;
        let inhoud = regel.trim_end_matches(['\n', '\r']);
        let einde = &regel[inhoud.len()..];
        let mut tekens = lees_regel(inhoud, nummer, fouten);
        if is_losstaand(&tekens) {
            // Standalone markers take their whole line with them, line break included.
            tekens.retain(|t| t.teken.is_blokmarkering());
        } else if !einde.is_empty() {
            tekens.push(Geplaatst {
                teken: Teken::Letterlijk(einde.to_owned()),
                regel: nummer,
                kolom: inhoud.chars().count() + 1,
            });
        }
        uit.extend(tekens);
    }
    uit
}

/// A line with at least one block marker and otherwise only whitespace.
fn is_losstaand(tekens: &[Geplaatst]) -> bool {
    tekens.iter().any(|t| t.teken.is_blokmarkering())
        && tekens.iter().all(|t| match &t.teken {
            Teken::Letterlijk(s) => s.trim().is_empty(),
            teken => teken.is_blokmarkering(),
        })
}

fn kolom(regel: &str, byte: usize) -> usize {
    regel[..byte].chars().count() + 1
}

/// Tokenizes one line (without its line break).
fn lees_regel(regel: &str, nummer: usize, fouten: &mut Vec<Fout>) -> Vec<Geplaatst> {
    let mut tekens = Vec::new();
    let mut fout = |byte: usize, soort| fouten.push(Fout { regel: nummer, kolom: kolom(regel, byte), soort });
    let mut letterlijk_vanaf = 0;
    let mut zoek_vanaf = 0;
    while let Some((begin, accolade)) = volgende_opening(regel, zoek_vanaf) {
        let (sluiter, open_fout) =
            if accolade { ("}}", FoutSoort::AccoladesNietGesloten) } else { ("]]", FoutSoort::HakenNietGesloten) };
        let opener = &regel[begin..begin + 2];
        let binnen_start = begin + 2;
        // The closer must come before any new opener of the same kind, else this one is unclosed.
        let sluit =
            regel[binnen_start..].find(sluiter).filter(|&s| !regel[binnen_start..binnen_start + s].contains(opener));
        let Some(lengte) = sluit else {
            fout(begin, open_fout);
            zoek_vanaf = binnen_start;
            continue;
        };
        controleer_sluiters(regel, letterlijk_vanaf, begin, &mut fout);
        if begin > letterlijk_vanaf {
            tekens.push(plaats(
                Teken::Letterlijk(regel[letterlijk_vanaf..begin].to_owned()),
                nummer,
                regel,
                letterlijk_vanaf,
            ));
        }
        let binnen = &regel[binnen_start..binnen_start + lengte];
        let teken = if accolade {
            let (teken, probleem) = lees_opdracht(binnen);
            if let Some(soort) = probleem {
                fout(begin, soort);
            }
            teken
        } else {
            Some(Teken::Invulplek(binnen.to_owned()))
        };
        if let Some(teken) = teken {
            tekens.push(plaats(teken, nummer, regel, begin));
        }
        letterlijk_vanaf = binnen_start + lengte + 2;
        zoek_vanaf = letterlijk_vanaf;
    }
    controleer_sluiters(regel, letterlijk_vanaf, regel.len(), &mut fout);
    if letterlijk_vanaf < regel.len() {
        tekens.push(plaats(Teken::Letterlijk(regel[letterlijk_vanaf..].to_owned()), nummer, regel, letterlijk_vanaf));
    }
    tekens
}

fn plaats(teken: Teken, nummer: usize, regel: &str, byte: usize) -> Geplaatst {
    Geplaatst { teken, regel: nummer, kolom: kolom(regel, byte) }
}

/// The next `{{` or `[[` from `vanaf`; `true` for braces.
fn volgende_opening(regel: &str, vanaf: usize) -> Option<(usize, bool)> {
    let accolade = regel[vanaf..].find("{{").map(|i| (vanaf + i, true));
    let haak = regel[vanaf..].find("[[").map(|i| (vanaf + i, false));
    match (accolade, haak) {
        (Some(a), Some(h)) => Some(if a.0 < h.0 { a } else { h }),
        (a, h) => a.or(h),
    }
}

/// Reports `}}` and `]]` in literal text: a typo such as `{melder.naam}}` would otherwise
/// end up in the letter unnoticed.
fn controleer_sluiters(regel: &str, van: usize, tot: usize, fout: &mut impl FnMut(usize, FoutSoort)) {
    for (sluiter, soort) in [("}}", FoutSoort::AccoladesNietGeopend), ("]]", FoutSoort::HakenNietGeopend)] {
        let mut vanaf = van;
        while let Some(i) = regel[vanaf..tot].find(sluiter) {
            fout(vanaf + i, soort.clone());
            vanaf += i + 2;
        }
    }
}

/// Interprets the inside of `{{…}}`: the token to emit (if any) and the problem (if any).
fn lees_opdracht(binnen: &str) -> (Option<Teken>, Option<FoutSoort>) {
    let kern = binnen.trim();
    let tag = ["{{", binnen, "}}"].concat();
    if let Some(rest) = kern.strip_prefix('#') {
        let rest = rest.trim_start();
        let woord = rest.split_whitespace().next().unwrap_or("");
        if rest == "anders" {
            return (Some(Teken::Anders), None);
        }
        if let Some(voorwaarde) = rest.strip_prefix("als").filter(|_| woord == "als") {
            return match lees_voorwaarde(voorwaarde.trim(), &tag) {
                Ok((veld, waarde)) => (Some(Teken::Als { veld: Some(veld), waarde, tag }), None),
                Err(soort) => (Some(Teken::Als { veld: None, waarde: None, tag }), Some(soort)),
            };
        }
        // A near miss of `#als` still opens a block, so its `{{/als}}` is not reported as well.
        let teken = (afstand(woord, "als") <= 1).then(|| Teken::Als { veld: None, waarde: None, tag: tag.clone() });
        return (teken, Some(FoutSoort::OnbekendeOpdracht { tag }));
    }
    if let Some(rest) = kern.strip_prefix('/') {
        // `/als` is the only closer, so any `/…` is meant as one and still closes a block.
        let fout = (rest.trim() != "als").then_some(FoutSoort::OnbekendeOpdracht { tag });
        return (Some(Teken::EindeAls), fout);
    }
    match zoek_veld(kern) {
        Some(veld) => (Some(Teken::Veld(veld)), None),
        None => (None, Some(FoutSoort::OnbekendVeld { naam: kern.to_owned(), suggestie: suggestie(kern) })),
    }
}

/// `veld` or `veld = "waarde"` after `#als`, given the whole tag for the message.
fn lees_voorwaarde(voorwaarde: &str, tag: &str) -> Result<(&'static str, Option<String>), FoutSoort> {
    let ongeldig = || FoutSoort::OngeldigeVoorwaarde { tag: tag.to_owned() };
    let (naam, waarde) = match voorwaarde.split_once('=') {
        None => (voorwaarde, None),
        Some((naam, rechts)) => {
            let rechts = rechts.trim();
            let binnen = rechts.strip_prefix('"').and_then(|r| r.strip_suffix('"')).filter(|b| !b.contains('"'));
            match binnen {
                Some(b) if rechts.len() >= 2 => (naam.trim(), Some(b.to_owned())),
                _ => return Err(ongeldig()),
            }
        }
    };
    if naam.is_empty() || naam.contains(char::is_whitespace) {
        return Err(ongeldig());
    }
    match zoek_veld(naam) {
        Some(veld) => Ok((veld, waarde)),
        None => Err(FoutSoort::OnbekendVeldInAls { naam: naam.to_owned(), suggestie: suggestie(naam) }),
    }
}
