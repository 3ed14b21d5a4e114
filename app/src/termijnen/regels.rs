//! Deadline rules per case type and, optionally, per category: how long the acknowledgement and
//! the outcome may take. Coordinators maintain them; the most specific rule that fits a case is
//! chosen at intake and its values are stored on the case, so a later change of a rule never
//! moves the deadlines of cases already received. Pure: the rules are passed in.

use super::model::{Eenheid, KLACHT_BEVESTIGING_DAGEN, ONTVANGSTBEVESTIGING_WERKDAGEN, UITKOMST_DAGEN};
use crate::gemeen::Veldfouten;
use crate::zaak::model::{Categorie, Zaaksoort};
use serde::{Deserialize, Serialize};

/// The longest acknowledgement and outcome periods a rule may set.
pub const MAX_ONTVANGST: u32 = 60;
pub const MAX_UITKOMST: u32 = 365;

/// The periods of one case: acknowledgement (in working days or calendar days) and outcome
/// (calendar days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Termijnwaarden {
    pub ontvangst: u32,
    pub ontvangst_eenheid: Eenheid,
    pub uitkomst_dagen: u32,
}

impl Termijnwaarden {
    /// The periods the regulations set (domain.md): meldingen and vragen 5 working days and 45
    /// days; klachten (Bestuursdecreet) 10 days and 45 days.
    pub fn standaard(soort: Zaaksoort) -> Self {
        let uitkomst_dagen = UITKOMST_DAGEN as u32;
        match soort {
            Zaaksoort::Klacht => {
                Self { ontvangst: KLACHT_BEVESTIGING_DAGEN as u32, ontvangst_eenheid: Eenheid::Dagen, uitkomst_dagen }
            }
            _ => Self {
                ontvangst: ONTVANGSTBEVESTIGING_WERKDAGEN,
                ontvangst_eenheid: Eenheid::Werkdagen,
                uitkomst_dagen,
            },
        }
    }

    /// The values stored on a case; a case stored before rules existed (or with a broken value)
    /// has the standard periods of its type.
    pub fn uit_opslag(
        soort: Zaaksoort,
        ontvangst: Option<i64>,
        eenheid: Option<Eenheid>,
        uitkomst: Option<i64>,
    ) -> Self {
        let geldig = |v: Option<i64>, max: u32| v.and_then(|v| u32::try_from(v).ok()).filter(|v| (1..=max).contains(v));
        match (geldig(ontvangst, MAX_ONTVANGST), eenheid, geldig(uitkomst, MAX_UITKOMST)) {
            (Some(ontvangst), Some(ontvangst_eenheid), Some(uitkomst_dagen)) => {
                Self { ontvangst, ontvangst_eenheid, uitkomst_dagen }
            }
            _ => Self::standaard(soort),
        }
    }

    /// "5 werkdagen", "10 dagen".
    pub fn ontvangst_tekst(&self) -> String {
        let eenheid = match (self.ontvangst_eenheid, self.ontvangst) {
            (Eenheid::Werkdagen, 1) => "werkdag",
            (Eenheid::Werkdagen, _) => "werkdagen",
            (Eenheid::Dagen, 1) => "dag",
            (Eenheid::Dagen, _) => "dagen",
        };
        format!("{} {eenheid}", self.ontvangst)
    }

    /// Roughly how many calendar days the acknowledgement may take (to compare rules).
    fn ontvangst_kalenderdagen(&self) -> u32 {
        match self.ontvangst_eenheid {
            Eenheid::Dagen => self.ontvangst,
            Eenheid::Werkdagen => (self.ontvangst * 7).div_ceil(5),
        }
    }
}

/// A rule as coordinators keep it: for a case type, and for one category or for all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Termijnregel {
    pub zaaksoort: Zaaksoort,
    /// `None`: every category of this case type without a rule of its own.
    pub categorie: Option<Categorie>,
    pub waarden: Termijnwaarden,
}

impl Termijnregel {
    /// The stable key of a rule: one rule per case type and category.
    pub fn sleutel(&self) -> String {
        sleutel(self.zaaksoort, self.categorie)
    }
}

pub fn sleutel(soort: Zaaksoort, categorie: Option<Categorie>) -> String {
    format!("{}_{}", soort.code(), categorie.map_or("alle", Categorie::code))
}

/// The periods for a new case. A rule for one of the case's categories wins over the rule for
/// the whole case type; when several categories have a rule, the strictest applies (shortest
/// outcome, then shortest acknowledgement), so that no concern waits longer than its own rule
/// allows. Without any rule: the standard periods.
pub fn kies(regels: &[Termijnregel], soort: Zaaksoort, categorieen: &[Categorie]) -> Termijnwaarden {
    let specifiek = regels
        .iter()
        .filter(|r| r.zaaksoort == soort && r.categorie.is_some_and(|c| categorieen.contains(&c)))
        .map(|r| r.waarden)
        .min_by_key(|w| (w.uitkomst_dagen, w.ontvangst_kalenderdagen()));
    specifiek
        .or_else(|| regels.iter().find(|r| r.zaaksoort == soort && r.categorie.is_none()).map(|r| r.waarden))
        .unwrap_or_else(|| Termijnwaarden::standaard(soort))
}

impl Termijnregel {
    /// From the coordinator's form (`zaaksoort`, `categorie` empty for all, `ontvangst`,
    /// `ontvangst_eenheid`, `uitkomst_dagen`); every problem next to its field.
    pub fn parse(get: impl Fn(&str) -> String) -> Result<Self, Veldfouten> {
        let mut f = Veldfouten::default();
        let zaaksoort = Zaaksoort::from_code(get("zaaksoort").trim());
        if zaaksoort.is_none() {
            f.zet("zaaksoort", "Kies een soort zaak.");
        }
        let categorie = match get("categorie").trim() {
            "" | "alle" => Some(None),
            c => Categorie::from_code(c).map(Some),
        };
        if categorie.is_none() {
            f.zet("categorie", "Kies een onderwerp uit de lijst, of alle onderwerpen.");
        }
        let getal = |veld: &str, max: u32, f: &mut Veldfouten| match get(veld).trim().parse::<u32>() {
            Ok(n) if (1..=max).contains(&n) => Some(n),
            _ => {
                f.zet(veld, &format!("Geef een aantal dagen van 1 tot {max}."));
                None
            }
        };
        let ontvangst = getal("ontvangst", MAX_ONTVANGST, &mut f);
        let eenheid = Eenheid::from_code(get("ontvangst_eenheid").trim());
        if eenheid.is_none() {
            f.zet("ontvangst_eenheid", "Kies werkdagen of kalenderdagen.");
        }
        let uitkomst = getal("uitkomst_dagen", MAX_UITKOMST, &mut f);
        match (zaaksoort, categorie, ontvangst, eenheid, uitkomst) {
            (Some(zaaksoort), Some(categorie), Some(ontvangst), Some(ontvangst_eenheid), Some(uitkomst_dagen))
                if f.is_empty() =>
            {
                Ok(Self {
                    zaaksoort,
                    categorie,
                    waarden: Termijnwaarden { ontvangst, ontvangst_eenheid, uitkomst_dagen },
                })
            }
            _ => Err(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn regel(soort: Zaaksoort, categorie: Option<Categorie>, ontvangst: u32, uitkomst: u32) -> Termijnregel {
        Termijnregel {
            zaaksoort: soort,
            categorie,
            waarden: Termijnwaarden { ontvangst, ontvangst_eenheid: Eenheid::Werkdagen, uitkomst_dagen: uitkomst },
        }
    }

    #[test]
    fn the_most_specific_rule_applies_and_the_strictest_of_several() {
        let regels = vec![
            regel(Zaaksoort::Melding, None, 4, 40),
            regel(Zaaksoort::Melding, Some(Categorie::Voeding), 5, 30),
            regel(Zaaksoort::Melding, Some(Categorie::Veiligheid), 2, 20),
            regel(Zaaksoort::Vraag, Some(Categorie::Voeding), 1, 10),
        ];
        let w = kies(&regels, Zaaksoort::Melding, &[Categorie::Andere]);
        assert_eq!((w.ontvangst, w.uitkomst_dagen), (4, 40), "the rule for the whole case type");
        let w = kies(&regels, Zaaksoort::Melding, &[Categorie::Voeding]);
        assert_eq!((w.ontvangst, w.uitkomst_dagen), (5, 30));
        let w = kies(&regels, Zaaksoort::Melding, &[Categorie::Voeding, Categorie::Veiligheid]);
        assert_eq!((w.ontvangst, w.uitkomst_dagen), (2, 20), "the strictest of two category rules");
        // No rule for klachten at all: the regulation's periods.
        assert_eq!(
            kies(&regels, Zaaksoort::Klacht, &[Categorie::Voeding]),
            Termijnwaarden::standaard(Zaaksoort::Klacht)
        );
    }

    #[test]
    fn stored_values_are_used_and_missing_ones_mean_the_standard() {
        let w = Termijnwaarden::uit_opslag(Zaaksoort::Melding, Some(3), Some(Eenheid::Dagen), Some(20));
        assert_eq!(w, Termijnwaarden { ontvangst: 3, ontvangst_eenheid: Eenheid::Dagen, uitkomst_dagen: 20 });
        assert_eq!(
            Termijnwaarden::uit_opslag(Zaaksoort::Klacht, None, None, None),
            Termijnwaarden::standaard(Zaaksoort::Klacht)
        );
        assert_eq!(
            Termijnwaarden::uit_opslag(Zaaksoort::Vraag, Some(0), Some(Eenheid::Werkdagen), Some(45)),
            Termijnwaarden::standaard(Zaaksoort::Vraag)
        );
        assert_eq!(Termijnwaarden::standaard(Zaaksoort::Klacht).ontvangst_tekst(), "10 dagen");
    }

    #[test]
    fn the_form_reports_each_problem_next_to_its_field() {
        let form = |paren: &[(&str, &str)]| {
            let m: HashMap<String, String> = paren.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            Termijnregel::parse(|k| m.get(k).cloned().unwrap_or_default())
        };
        let f = form(&[("zaaksoort", "brief"), ("categorie", "x"), ("ontvangst", "0"), ("uitkomst_dagen", "999")])
            .unwrap_err();
        assert_eq!(f.get("zaaksoort"), Some("Kies een soort zaak."));
        assert!(f.get("categorie").is_some() && f.get("ontvangst_eenheid").is_some());
        assert_eq!(f.get("ontvangst"), Some("Geef een aantal dagen van 1 tot 60."));
        assert_eq!(f.get("uitkomst_dagen"), Some("Geef een aantal dagen van 1 tot 365."));
        let r = form(&[
            ("zaaksoort", "klacht"),
            ("categorie", "voeding"),
            ("ontvangst", " 7 "),
            ("ontvangst_eenheid", "dagen"),
            ("uitkomst_dagen", "30"),
        ])
        .unwrap();
        assert_eq!(r.sleutel(), "klacht_voeding");
        assert_eq!(r.waarden.uitkomst_dagen, 30);
    }
}
