//! A parsed subject or body: literal text, merge fields, fill-in markers and optional parts.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::fout::{Fout, FoutSoort, als_tekst};
use crate::lezer::{Geplaatst, Teken, lees_tekens};

/// A checked subject or body. Only [`ontleed`] makes one, so every field in it is known and
/// every block is closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tekst {
    bron: String,
    delen: Vec<Deel>,
}

/// One part of a [`Tekst`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deel {
    /// Template text, copied as it is.
    Letterlijk(String),
    /// `{{veld}}`.
    Veld(&'static str),
    /// `[[…]]`: text a person must still write; filling in leaves it in place.
    Invulplek(String),
    /// `{{#als veld}}` or `{{#als veld = "waarde"}}`, with the `{{#anders}}` part (maybe empty).
    Als { veld: &'static str, waarde: Option<String>, dan: Vec<Deel>, anders: Vec<Deel> },
}

impl Tekst {
    /// The template text as written, markers included.
    pub fn bron(&self) -> &str {
        &self.bron
    }

    pub fn delen(&self) -> &[Deel] {
        &self.delen
    }
}

/// Prints the template text as written.
impl fmt::Display for Tekst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.bron)
    }
}

/// Parses a subject or body. Reports every problem, sorted by place, not only the first.
///
/// Lines and columns are 1-based and relative to `tekst`. Inside `[[…]]` everything is plain
/// text, so braces there are not merge fields.
pub fn ontleed(tekst: &str) -> Result<Tekst, Vec<Fout>> {
    let mut fouten = Vec::new();
    let tekens = lees_tekens(tekst, &mut fouten);
    let delen = bouw(tekens, &mut fouten);
    if fouten.is_empty() {
        return Ok(Tekst { bron: tekst.to_owned(), delen });
    }
    fouten.sort_by_key(|f| (f.regel, f.kolom));
    Err(fouten)
}

/// The fields a template uses, in order of first use, each once (conditions included).
pub fn velden_in(tekst: &Tekst) -> Vec<&'static str> {
    fn verzamel(delen: &[Deel], uit: &mut Vec<&'static str>) {
        for deel in delen {
            let veld = match deel {
                Deel::Veld(veld) => Some(*veld),
                Deel::Als { veld, .. } => Some(*veld),
                Deel::Letterlijk(_) | Deel::Invulplek(_) => None,
            };
            if let Some(veld) = veld.filter(|v| !uit.contains(v)) {
                uit.push(veld);
            }
            if let Deel::Als { dan, anders, .. } = deel {
                verzamel(dan, uit);
                verzamel(anders, uit);
            }
        }
    }
    let mut uit = Vec::new();
    verzamel(&tekst.delen, &mut uit);
    uit
}

/// An `{{#als}}` block still waiting for its `{{/als}}`.
struct OpenBlok {
    veld: Option<&'static str>,
    waarde: Option<String>,
    tag: String,
    dan: Vec<Deel>,
    anders: Option<Vec<Deel>>,
    regel: usize,
    kolom: usize,
}

/// Builds the tree from the tokens, reporting unbalanced block markers.
fn bouw(tekens: Vec<Geplaatst>, fouten: &mut Vec<Fout>) -> Vec<Deel> {
    let mut wortel = Vec::new();
    let mut open: Vec<OpenBlok> = Vec::new();
    for Geplaatst { teken, regel, kolom } in tekens {
        let mut fout = |soort| fouten.push(Fout { regel, kolom, soort });
        match teken {
            Teken::Letterlijk(s) => voeg_toe(huidig(&mut wortel, &mut open), Deel::Letterlijk(s)),
            Teken::Veld(veld) => voeg_toe(huidig(&mut wortel, &mut open), Deel::Veld(veld)),
            Teken::Invulplek(s) => voeg_toe(huidig(&mut wortel, &mut open), Deel::Invulplek(s)),
            Teken::Als { veld, waarde, tag } => {
                open.push(OpenBlok { veld, waarde, tag, dan: Vec::new(), anders: None, regel, kolom })
            }
            Teken::Anders => match open.last_mut() {
                None => fout(FoutSoort::AndersZonderAls),
                Some(blok) if blok.anders.is_some() => fout(FoutSoort::TweedeAnders),
                Some(blok) => blok.anders = Some(Vec::new()),
            },
            Teken::EindeAls => match open.pop() {
                None => fout(FoutSoort::EindeZonderAls),
                Some(blok) => {
                    // A block whose condition was wrong is already reported; leave it out.
                    if let Some(veld) = blok.veld {
                        let deel = Deel::Als {
                            veld,
                            waarde: blok.waarde,
                            dan: blok.dan,
                            anders: blok.anders.unwrap_or_default(),
                        };
                        voeg_toe(huidig(&mut wortel, &mut open), deel);
                    }
                }
            },
        }
    }
    for blok in open {
        fouten.push(Fout { regel: blok.regel, kolom: blok.kolom, soort: FoutSoort::NietAfgesloten { tag: blok.tag } });
    }
    wortel
}

/// The list new parts go into: the innermost open block's current branch, or the top level.
fn huidig<'a>(wortel: &'a mut Vec<Deel>, open: &'a mut [OpenBlok]) -> &'a mut Vec<Deel> {
    match open.last_mut() {
        Some(OpenBlok { anders: Some(anders), .. }) => anders,
        Some(blok) => &mut blok.dan,
        None => wortel,
    }
}

/// Appends a part, merging neighbouring literal text so the tree stays small.
fn voeg_toe(delen: &mut Vec<Deel>, deel: Deel) {
    if let (Some(Deel::Letterlijk(vorige)), Deel::Letterlijk(nieuw)) = (delen.last_mut(), &deel) {
        vorige.push_str(nieuw);
        return;
    }
    delen.push(deel);
}

/// Serialised as its template text; deserialising parses and checks it again.
impl Serialize for Tekst {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.bron)
    }
}

impl<'de> Deserialize<'de> for Tekst {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let bron = String::deserialize(deserializer)?;
        ontleed(&bron).map_err(|fouten| serde::de::Error::custom(als_tekst(&fouten)))
    }
}
