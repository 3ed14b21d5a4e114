//! Entries a case worker adds to the timeline: internal notes, contactmomenten and corrections.
//! Entries are never changed; a correction is a new entry that points to the one it corrects.

use crate::gemeen::Veldfouten;
use serde::{Deserialize, Serialize};

pub use crate::gemeen::tijdlijn::{ContactKanaal, Partij, Richting};

/// What the "add to the timeline" form sends, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotitieFormulier {
    /// `notitie`, `contact` or `correctie`.
    pub soort: String,
    pub kanaal: String,
    pub richting: String,
    pub partij: String,
    pub tekst: String,
    /// The key of the entry a correction corrects.
    pub corrigeert: String,
}

impl NotitieFormulier {
    pub fn uit(v: &crate::gemeen::Velden) -> Self {
        let veld = |k: &str| v.get(k).chars().take(MAX_TEKST + 1).collect();
        Self {
            soort: veld("soort"),
            kanaal: veld("kanaal"),
            richting: veld("richting"),
            partij: veld("partij"),
            tekst: veld("tekst"),
            corrigeert: veld("corrigeert"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notitie {
    Intern { tekst: String },
    Contact { kanaal: ContactKanaal, richting: Richting, partij: Partij, tekst: String },
    Correctie { van: String, tekst: String },
}

pub const MAX_TEKST: usize = 10_000;

impl Notitie {
    /// Checks the form; every problem is reported next to its field.
    pub fn parse(f: &NotitieFormulier) -> Result<Self, Veldfouten> {
        let mut fouten = Veldfouten::default();
        let tekst = f.tekst.trim().to_string();
        if tekst.is_empty() {
            fouten.zet("tekst", "Schrijf wat u wilt toevoegen.");
        } else if tekst.chars().count() > MAX_TEKST {
            fouten.zet("tekst", "Dit is te lang: hoogstens 10.000 tekens.");
        }
        let notitie = match f.soort.as_str() {
            "contact" => {
                let kanaal = ContactKanaal::from_code(&f.kanaal);
                let richting = Richting::from_code(&f.richting);
                let partij = Partij::from_code(&f.partij);
                if kanaal.is_none() {
                    fouten.zet("kanaal", "Kies hoe het contact verliep.");
                }
                if richting.is_none() {
                    fouten.zet("richting", "Kies of het contact inkomend of uitgaand was.");
                }
                if partij.is_none() {
                    fouten.zet("partij", "Kies met wie u contact had.");
                }
                match (kanaal, richting, partij) {
                    (Some(kanaal), Some(richting), Some(partij)) => {
                        Some(Notitie::Contact { kanaal, richting, partij, tekst: tekst.clone() })
                    }
                    _ => None,
                }
            }
            "correctie" => {
                let van = f.corrigeert.trim();
                let geldig = !van.is_empty() && van.len() <= 64 && van.chars().all(|c| c.is_ascii_alphanumeric());
                if !geldig {
                    fouten.zet("corrigeert", "Kies welke regel u corrigeert.");
                }
                geldig.then(|| Notitie::Correctie { van: van.to_string(), tekst: tekst.clone() })
            }
            "notitie" => Some(Notitie::Intern { tekst: tekst.clone() }),
            _ => {
                fouten.zet("soort", "Kies wat u toevoegt.");
                None
            }
        };
        match notitie {
            Some(n) if fouten.is_empty() => Ok(n),
            _ => Err(fouten),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(soort: &str) -> NotitieFormulier {
        NotitieFormulier {
            soort: soort.into(),
            tekst: " Gebeld met de verantwoordelijke. ".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_note_needs_text() {
        assert_eq!(
            Notitie::parse(&f("notitie")),
            Ok(Notitie::Intern { tekst: "Gebeld met de verantwoordelijke.".into() })
        );
        let leeg = NotitieFormulier { tekst: "  ".into(), ..f("notitie") };
        assert_eq!(Notitie::parse(&leeg).unwrap_err().get("tekst"), Some("Schrijf wat u wilt toevoegen."));
    }

    #[test]
    fn a_contact_needs_channel_direction_and_party() {
        let fouten = Notitie::parse(&f("contact")).unwrap_err();
        assert!(fouten.get("kanaal").is_some() && fouten.get("richting").is_some() && fouten.get("partij").is_some());
        let ok = NotitieFormulier {
            kanaal: "telefoon".into(),
            richting: "uit".into(),
            partij: "organisator".into(),
            ..f("contact")
        };
        assert!(matches!(Notitie::parse(&ok), Ok(Notitie::Contact { partij: Partij::Organisator, .. })));
    }

    #[test]
    fn a_correction_points_to_a_plain_key() {
        assert!(Notitie::parse(&NotitieFormulier { corrigeert: "abc'--".into(), ..f("correctie") }).is_err());
        assert!(Notitie::parse(&NotitieFormulier { corrigeert: "a1b2c3".into(), ..f("correctie") }).is_ok());
        assert!(Notitie::parse(&f("iets")).unwrap_err().get("soort").is_some());
    }
}
