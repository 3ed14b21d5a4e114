//! Problems in a template, with their place and a plain Dutch message for the editor.

use std::fmt;

use crate::soorten::{Gebeurtenis, Kanaal, Publiek, Zaaksoort, keuzes};

/// One problem in a template.
///
/// `regel` and `kolom` are 1-based; `kolom` counts characters, not bytes. `regel == 0` means
/// the problem concerns the file as a whole (a missing front-matter key) and has no place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fout {
    pub regel: usize,
    pub kolom: usize,
    pub soort: FoutSoort,
}

/// What is wrong. The `Display` text is a Dutch sentence without the line number; [`Fout`]
/// adds the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FoutSoort {
    /// `{{naam}}` is not in [`crate::VELDEN`].
    OnbekendVeld {
        naam: String,
        suggestie: Option<&'static str>,
    },
    /// The field in `{{#als naam}}` is not in [`crate::VELDEN`].
    OnbekendVeldInAls {
        naam: String,
        suggestie: Option<&'static str>,
    },
    /// `{{#als …}}` without a field name, or with a malformed `= "waarde"`.
    OngeldigeVoorwaarde {
        tag: String,
    },
    /// `{{#…}}` or `{{/…}}` that is not `#als`, `#anders` or `/als`.
    OnbekendeOpdracht {
        tag: String,
    },
    /// `{{#als …}}` without its `{{/als}}`.
    NietAfgesloten {
        tag: String,
    },
    /// `{{/als}}` without an open block.
    EindeZonderAls,
    /// `{{#anders}}` outside any block.
    AndersZonderAls,
    /// A second `{{#anders}}` in the same block.
    TweedeAnders,
    /// `{{` without `}}` on the same line.
    AccoladesNietGesloten,
    /// `}}` without `{{` before it.
    AccoladesNietGeopend,
    /// `[[` without `]]` on the same line.
    HakenNietGesloten,
    /// `]]` without `[[` before it.
    HakenNietGeopend,
    /// The file does not start with a `+++` line.
    GeenKop,
    /// No `+++` line after the front matter.
    KopNietAfgesloten,
    /// The front matter is not valid TOML (the parser's own message).
    Toml(String),
    KopMist(&'static str),
    OnbekendeSleutel(String),
    MoetTekstZijn(&'static str),
    MoetJaNeeZijn(&'static str),
    MoetLijstZijn(&'static str),
    Leeg(&'static str),
    MeerdereRegels(&'static str),
    OngeldigeSlug(String),
    OngeldigKanaal,
    OngeldigPubliek,
    OngeldigeGebeurtenis,
    OngeldigeZaaksoort(String),
    DubbeleZaaksoort(String),
    /// A problem inside `subject`; the place is the line of `subject` in the file.
    InOnderwerp(Box<FoutSoort>),
}

/// `{{inhoud}}` as the editor wrote it.
fn tag(inhoud: &str) -> String {
    ["{{", inhoud, "}}"].concat()
}

fn met_suggestie(f: &mut fmt::Formatter<'_>, suggestie: Option<&str>, als_tag: bool) -> fmt::Result {
    match suggestie {
        Some(s) if als_tag => write!(f, " Bedoelde u {}?", tag(s)),
        Some(s) => write!(f, " Bedoelde u {s}?"),
        None => f.write_str(" Kies een veld uit de lijst."),
    }
}

impl fmt::Display for FoutSoort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FoutSoort as S;
        match self {
            S::OnbekendVeld { naam, suggestie } => {
                write!(f, "het invulveld {} bestaat niet.", tag(naam))?;
                met_suggestie(f, *suggestie, true)
            }
            S::OnbekendVeldInAls { naam, suggestie } => {
                write!(f, "het veld {naam} in {} bestaat niet.", tag(&format!("#als {naam}")))?;
                met_suggestie(f, *suggestie, false)
            }
            S::OngeldigeVoorwaarde { tag } => write!(
                f,
                "{tag} is geen geldige voorwaarde: schrijf {{{{#als veld}}}} of {{{{#als veld = \"waarde\"}}}}."
            ),
            S::OnbekendeOpdracht { tag } => {
                write!(f, "{tag} is geen geldige opdracht: gebruik {{{{#als veld}}}}, {{{{#anders}}}} of {{{{/als}}}}.")
            }
            S::NietAfgesloten { tag } => write!(f, "{tag} wordt niet afgesloten met {{{{/als}}}}."),
            S::EindeZonderAls => f.write_str("{{/als}} sluit geen blok."),
            S::AndersZonderAls => f.write_str("{{#anders}} staat niet in een {{#als}}-blok."),
            S::TweedeAnders => f.write_str("tweede {{#anders}} in hetzelfde {{#als}}-blok."),
            S::AccoladesNietGesloten => f.write_str("'{{' zonder '}}'."),
            S::AccoladesNietGeopend => f.write_str("'}}' zonder '{{'."),
            S::HakenNietGesloten => f.write_str("'[[' zonder ']]'."),
            S::HakenNietGeopend => f.write_str("']]' zonder '[['."),
            S::GeenKop => {
                f.write_str("het bestand moet beginnen met een regel '+++', gevolgd door de kop (title, slug, …).")
            }
            S::KopNietAfgesloten => f.write_str("de kop wordt niet afgesloten met een regel '+++'."),
            S::Toml(melding) => write!(f, "de kop is geen geldige TOML ({}).", melding.trim_end_matches(['.', '\n'])),
            S::KopMist(sleutel) => write!(f, "de kop mist '{sleutel}'."),
            S::OnbekendeSleutel(sleutel) => write!(
                f,
                "onbekende sleutel '{sleutel}' in de kop; toegelaten zijn title, slug, channel, audience, \
                 second_reader, automatic, case_types en subject."
            ),
            S::MoetTekstZijn(sleutel) => write!(f, "{sleutel} moet tekst tussen aanhalingstekens zijn."),
            S::MoetJaNeeZijn(sleutel) => write!(f, "{sleutel} moet true of false zijn."),
            S::MoetLijstZijn(sleutel) => write!(f, "{sleutel} moet een lijst zijn, bv. [\"melding\", \"klacht\"]."),
            S::Leeg(sleutel) => write!(f, "{sleutel} mag niet leeg zijn."),
            S::MeerdereRegels(sleutel) => write!(f, "{sleutel} moet op één regel passen."),
            S::OngeldigeSlug(slug) => write!(
                f,
                "slug '{slug}' is ongeldig: gebruik 3 tot 80 tekens, alleen kleine letters zonder accenten, \
                 cijfers en koppeltekens."
            ),
            S::OngeldigKanaal => write!(f, "channel moet {} zijn.", keuzes(Kanaal::ALLE, Kanaal::als_tekst)),
            S::OngeldigPubliek => write!(f, "audience moet {} zijn.", keuzes(Publiek::ALLE, Publiek::als_tekst)),
            S::OngeldigeGebeurtenis => write!(
                f,
                "automatic moet {} zijn, of laat de sleutel weg.",
                keuzes(Gebeurtenis::ALLE, Gebeurtenis::als_tekst)
            ),
            S::OngeldigeZaaksoort(soort) => {
                write!(f, "case_types bevat '{soort}'; kies uit {}.", keuzes(Zaaksoort::ALLE, Zaaksoort::als_tekst))
            }
            S::DubbeleZaaksoort(soort) => write!(f, "case_types bevat '{soort}' meer dan eens."),
            S::InOnderwerp(binnen) => write!(f, "in subject: {binnen}"),
        }
    }
}

impl fmt::Display for Fout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.soort, self.regel) {
            (FoutSoort::InOnderwerp(binnen), regel) => write!(f, "Regel {regel}, in subject: {binnen}"),
            (soort, 0) => {
                // Without the "Regel n:" prefix the sentence starts here, so capitalise it.
                let tekst = soort.to_string();
                let mut tekens = tekst.chars();
                match tekens.next() {
                    Some(eerste) => write!(f, "{}{}", eerste.to_uppercase(), tekens.as_str()),
                    None => Ok(()),
                }
            }
            (soort, regel) => write!(f, "Regel {regel}: {soort}"),
        }
    }
}

impl std::error::Error for Fout {}

/// All messages, one a line: for logs and for serde errors.
pub(crate) fn als_tekst(fouten: &[Fout]) -> String {
    fouten.iter().map(Fout::to_string).collect::<Vec<_>>().join("\n")
}
