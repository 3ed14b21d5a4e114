//! What is still open in a filled-in text a person edited, before it may be sent.

use std::fmt;

/// Something in a filled-in text that still needs a person: sending is refused while
/// [`open_plekken`] finds any. `regel` and `kolom` are 1-based, `kolom` in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenPlek {
    pub regel: usize,
    pub kolom: usize,
    pub soort: OpenSoort,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenSoort {
    /// A `[[…]]` marker, brackets included.
    Invulplek(String),
    /// A `{{…}}` left over, braces included.
    Veld(String),
    /// A `[[` or `{{` without its closer on the same line: probably a marker half deleted.
    NietGesloten(&'static str),
    /// A `]]` or `}}` without its opener: the other half of a marker half deleted.
    NietGeopend(&'static str),
}

impl fmt::Display for OpenPlek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let regel = self.regel;
        match &self.soort {
            OpenSoort::Invulplek(tekst) => write!(f, "Regel {regel}: vul {tekst} nog in."),
            OpenSoort::Veld(tekst) => write!(f, "Regel {regel}: {tekst} is niet ingevuld."),
            OpenSoort::NietGesloten(opener) => {
                write!(
                    f,
                    "Regel {regel}: '{opener}' zonder '{}'; vul de plek in of verwijder de haakjes.",
                    sluiter(opener)
                )
            }
            OpenSoort::NietGeopend(sluiter) => {
                write!(
                    f,
                    "Regel {regel}: '{sluiter}' zonder '{}'; vul de plek in of verwijder de haakjes.",
                    opener(sluiter)
                )
            }
        }
    }
}

fn sluiter(opener: &str) -> &'static str {
    if opener == "{{" { "}}" } else { "]]" }
}

fn opener(sluiter: &str) -> &'static str {
    if sluiter == "}}" { "{{" } else { "[[" }
}

/// Finds `[[…]]` markers, leftover `{{…}}` and half-deleted markers in a filled-in text,
/// in reading order. Markers never span lines.
pub fn open_plekken(tekst: &str) -> Vec<OpenPlek> {
    let mut uit = Vec::new();
    for (index, regel) in tekst.lines().enumerate() {
        zoek_in_regel(regel, index + 1, &mut uit);
    }
    // Stray closers are found after the marker that follows them; put them back in order.
    uit.sort_by_key(|p| (p.regel, p.kolom));
    uit
}

fn zoek_in_regel(regel: &str, nummer: usize, uit: &mut Vec<OpenPlek>) {
    let kolom = |byte: usize| regel[..byte].chars().count() + 1;
    let mut vanaf = 0;
    let mut vrij_vanaf = 0; // start of the text between markers, checked for stray closers
    while let Some(begin) = volgende(regel, vanaf, &["{{", "[["]) {
        let opener = if regel[begin..].starts_with("{{") { "{{" } else { "[[" };
        let binnen = begin + 2;
        let Some(lengte) = regel[binnen..].find(sluiter(opener)) else {
            uit.push(OpenPlek { regel: nummer, kolom: kolom(begin), soort: OpenSoort::NietGesloten(opener) });
            vanaf = binnen;
            continue;
        };
        losse_sluiters(regel, vrij_vanaf, begin, nummer, uit);
        let einde = binnen + lengte + 2;
        let tekst = regel[begin..einde].to_owned();
        let soort = if opener == "[[" { OpenSoort::Invulplek(tekst) } else { OpenSoort::Veld(tekst) };
        uit.push(OpenPlek { regel: nummer, kolom: kolom(begin), soort });
        vanaf = einde;
        vrij_vanaf = einde;
    }
    losse_sluiters(regel, vrij_vanaf, regel.len(), nummer, uit);
}

/// Closers in the text between markers.
fn losse_sluiters(regel: &str, van: usize, tot: usize, nummer: usize, uit: &mut Vec<OpenPlek>) {
    let mut vanaf = van;
    while let Some(i) = volgende(&regel[..tot], vanaf, &["}}", "]]"]) {
        let sluiter = if regel[i..].starts_with("}}") { "}}" } else { "]]" };
        let kolom = regel[..i].chars().count() + 1;
        uit.push(OpenPlek { regel: nummer, kolom, soort: OpenSoort::NietGeopend(sluiter) });
        vanaf = i + 2;
    }
}

/// Byte position of the first of `patronen` at or after `vanaf`.
fn volgende(tekst: &str, vanaf: usize, patronen: &[&str]) -> Option<usize> {
    patronen.iter().filter_map(|p| tekst[vanaf..].find(p)).min().map(|i| vanaf + i)
}
