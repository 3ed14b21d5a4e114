//! The forms on the case page that take a step, as typed, and their parsing into a `Handeling`.

use super::model::*;
use crate::gemeen::Veldfouten;
use crate::zaak::model::Beoordeling;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The fields of every step form; each step reads the ones it needs.
pub const VELDEN: &[&str] = &[
    "handeling",
    "versie",
    "aan",
    "reden",
    "bevestiging",
    "van",
    "beoordeling",
    "tekst",
    "uitkomst",
    "dienst",
    "dagen",
];

/// A step form as posted: field name to value, only the known fields, each bounded in length.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StapFormulier(pub BTreeMap<String, String>);

impl StapFormulier {
    pub fn uit_velden<'a>(velden: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut m = BTreeMap::new();
        for (k, v) in velden {
            if VELDEN.contains(&k) {
                m.insert(k.to_string(), v.chars().take(5000).collect());
            }
        }
        Self(m)
    }

    pub fn get(&self, veld: &str) -> &str {
        self.0.get(veld).map_or("", String::as_str)
    }

    pub fn soort(&self) -> Option<HandelingSoort> {
        HandelingSoort::from_code(self.get("handeling"))
    }

    pub fn versie(&self) -> Option<i64> {
        self.get("versie").trim().parse().ok()
    }

    /// The step, or the messages per field. `ik` is the id of the one who sends the form.
    pub fn parse(&self, ik: &str) -> Result<Handeling, Veldfouten> {
        let mut f = Veldfouten::default();
        let reden = |veld: &str, f: &mut Veldfouten| match Reden::parse(self.get(veld)) {
            Ok(r) => Some(r),
            Err(e) => {
                f.zet(veld, e);
                None
            }
        };
        let kies = |veld: &str, bericht: &str, f: &mut Veldfouten| {
            let v = self.get(veld).to_string();
            if v.is_empty() {
                f.zet(veld, bericht);
            }
            v
        };
        let Some(soort) = self.soort() else {
            f.zet("handeling", "Kies een stap.");
            return Err(f);
        };
        let h = match soort {
            HandelingSoort::Toewijzen => {
                let aan = match self.get("aan") {
                    "" | "mij" => ik.to_string(),
                    a => a.to_string(),
                };
                let reden = if self.get("reden").trim().is_empty() { None } else { reden("reden", &mut f) };
                Some(Handeling::Toewijzen { aan, reden })
            }
            HandelingSoort::InBehandeling => match Bevestiging::from_code(self.get("bevestiging")) {
                Some(bevestiging) => Some(Handeling::InBehandeling { bevestiging }),
                None => {
                    f.zet("bevestiging", "Kies hoe de melder de ontvangstbevestiging kreeg.");
                    None
                }
            },
            HandelingSoort::WachtOpInfo => {
                let van = Wachtende::from_code(self.get("van"));
                if van.is_none() {
                    f.zet("van", "Kies op wie u wacht.");
                }
                let r = reden("reden", &mut f);
                van.zip(r).map(|(van, reden)| Handeling::WachtOpInfo { van, reden })
            }
            HandelingSoort::Hervat => reden("reden", &mut f).map(|toelichting| Handeling::Hervat { toelichting }),
            HandelingSoort::Concludeer => {
                let b = Beoordeling::from_code(self.get("beoordeling"));
                if b.is_none() {
                    f.zet("beoordeling", "Kies een beoordeling.");
                }
                let t = reden("tekst", &mut f);
                b.zip(t).map(|(beoordeling, tekst)| Handeling::Concludeer { beoordeling, tekst })
            }
            HandelingSoort::TerugNaarBehandeling => {
                reden("reden", &mut f).map(|reden| Handeling::TerugNaarBehandeling { reden })
            }
            HandelingSoort::Sluit => match self.get("uitkomst") {
                "geen" => reden("reden", &mut f).map(|r| Handeling::Sluit { uitkomst: Uitkomst::Geen(r) }),
                code => match Bevestiging::from_code(code).filter(|b| *b != Bevestiging::NietMogelijk) {
                    Some(b) => Some(Handeling::Sluit { uitkomst: Uitkomst::Verstuurd(b) }),
                    None => {
                        f.zet("uitkomst", "Kies hoe de melder de uitkomst kreeg, of dat er geen bericht is.");
                        None
                    }
                },
            },
            HandelingSoort::Verwijs => {
                // The key of a service on the maintained list; the service checks that it is active.
                let code = kies("dienst", "Kies een dienst uit de lijst.", &mut f);
                let dienst = crate::gemeen::is_sleutel(&code).then_some(code);
                if dienst.is_none() && !self.get("dienst").is_empty() {
                    f.zet("dienst", "Kies een dienst uit de lijst.");
                }
                let r = reden("reden", &mut f);
                dienst.zip(r).map(|(dienst, reden)| Handeling::Verwijs { dienst, reden })
            }
            HandelingSoort::Onontvankelijk => reden("reden", &mut f).map(|reden| Handeling::Onontvankelijk { reden }),
            HandelingSoort::Heropen => reden("reden", &mut f).map(|reden| Handeling::Heropen { reden }),
            HandelingSoort::Verleng => {
                let dagen = self.get("dagen").trim().parse::<u32>().ok().filter(|d| (1..=MAX_VERLENGING).contains(d));
                if dagen.is_none() {
                    f.zet("dagen", "Geef een aantal dagen van 1 tot 90.");
                }
                let r = reden("reden", &mut f);
                dagen.zip(r).map(|(dagen, reden)| Handeling::Verleng { dagen, reden })
            }
        };
        match h {
            Some(h) if f.is_empty() => Ok(h),
            _ => Err(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(velden: &[(&str, &str)]) -> StapFormulier {
        StapFormulier::uit_velden(velden.iter().copied())
    }

    #[test]
    fn each_missing_field_gets_its_message() {
        let f = form(&[("handeling", "concludeer"), ("versie", "3")]).parse("u1").unwrap_err();
        assert_eq!(f.get("beoordeling"), Some("Kies een beoordeling."));
        assert_eq!(f.get("tekst"), Some("Vul dit in."));
        let f = form(&[("handeling", "verleng"), ("dagen", "365"), ("reden", "wacht op verslag")]).parse("u1");
        assert_eq!(f.unwrap_err().get("dagen"), Some("Geef een aantal dagen van 1 tot 90."));
        assert!(form(&[("handeling", "bestaat_niet")]).parse("u1").unwrap_err().get("handeling").is_some());
    }

    #[test]
    fn a_complete_form_becomes_a_step() {
        let h = form(&[("handeling", "sluit"), ("uitkomst", "email")]).parse("u1").unwrap();
        assert_eq!(h, Handeling::Sluit { uitkomst: Uitkomst::Verstuurd(Bevestiging::Email) });
        let h = form(&[("handeling", "toewijzen"), ("aan", "mij")]).parse("u1").unwrap();
        assert_eq!(h, Handeling::Toewijzen { aan: "u1".into(), reden: None });
        assert_eq!(form(&[("versie", " 7 ")]).versie(), Some(7));
    }

    #[test]
    fn unknown_fields_are_dropped_and_values_bounded() {
        let f = form(&[("handeling", "heropen"), ("evil", "x"), ("reden", &"a".repeat(9000))]);
        assert!(!f.0.contains_key("evil"));
        assert_eq!(f.get("reden").len(), 5000);
    }
}
