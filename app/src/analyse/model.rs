//! Analysis points, their sources, follow-up actions and the co-handler: domain types and the
//! parsing of their forms. Shared by server and browser.

use crate::behandeling::model::Reden;
use crate::gemeen::Veldfouten;
use crate::gemeen::is_sleutel;
use crate::gemeen::woordenlijst::woordenlijst;
use crate::zaak::model::Beoordeling;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What a finding rests on: an entry of this case's timeline, an answered advice request on this
/// case, or a document of this case. The server checks that each belongs to the same case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Bron {
    Tijdlijn(String),
    Advies(String),
    Document(String),
}

impl Bron {
    /// `tijdlijn:<key>`, `advies:<key>`, `document:<key>`: as stored and sent in forms.
    pub fn code(&self) -> String {
        match self {
            Self::Tijdlijn(k) => format!("tijdlijn:{k}"),
            Self::Advies(k) => format!("advies:{k}"),
            Self::Document(k) => format!("document:{k}"),
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let (soort, key) = s.trim().split_once(':')?;
        if key.is_empty() || key.len() > 64 || !key.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        match soort {
            "tijdlijn" => Some(Self::Tijdlijn(key.into())),
            "advies" => Some(Self::Advies(key.into())),
            "document" => Some(Self::Document(key.into())),
            _ => None,
        }
    }
}

/// The most sources one point may cite.
pub const MAX_BRONNEN: usize = 30;
pub const MAX_BEVINDINGEN: usize = 10_000;

/// A point as the case worker sends it: new (`id` none) or a change of an existing one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PuntInvoer {
    pub id: Option<String>,
    pub punt: String,
    pub bevindingen: String,
    pub bronnen: Vec<Bron>,
    /// `None`: not assessed yet.
    pub conclusie: Option<Beoordeling>,
}

impl PuntInvoer {
    /// From the form: `id`, `punt`, `tekst` (the findings), `bron` (repeated), `conclusie`.
    pub fn parse(get: impl Fn(&str) -> String, bronnen: &[String]) -> Result<Self, Veldfouten> {
        let mut f = Veldfouten::default();
        let id = match get("id").trim() {
            "" => None,
            k if is_sleutel(k) => Some(k.to_string()),
            _ => {
                f.zet("punt", "Dit punt bestaat niet (meer). Laad de melding opnieuw.");
                None
            }
        };
        let punt = get("punt").trim().to_string();
        match punt.chars().count() {
            0..=2 => f.zet("punt", "Beschrijf het punt dat de melder aankaart: minstens 3 tekens."),
            501.. => f.zet("punt", "Dit is te lang: hoogstens 500 tekens."),
            _ => {}
        }
        let bevindingen = get("tekst").trim().to_string();
        if bevindingen.chars().count() > MAX_BEVINDINGEN {
            f.zet("tekst", "Dit is te lang: hoogstens 10.000 tekens.");
        }
        let mut gekozen: Vec<Bron> = Vec::new();
        for b in bronnen.iter().filter(|b| !b.trim().is_empty()) {
            match Bron::parse(b) {
                Some(b) if !gekozen.contains(&b) => gekozen.push(b),
                Some(_) => {}
                None => f.zet("bron", "Kies bronnen uit de lijst."),
            }
        }
        if gekozen.len() > MAX_BRONNEN {
            f.zet("bron", "Kies hoogstens 30 bronnen.");
        }
        let conclusie = match get("conclusie").trim() {
            "" | "geen" => None,
            c => {
                let b = Beoordeling::from_code(c);
                if b.is_none() {
                    f.zet("conclusie", "Kies een conclusie uit de lijst.");
                }
                b
            }
        };
        if f.is_empty() { Ok(Self { id, punt, bevindingen, bronnen: gekozen, conclusie }) } else { Err(f) }
    }
}

woordenlijst!(Opvolgsoort {
    Inspectie => "inspectie", "Inspectie gevraagd aan Zorginspectie";
    AdviesOrganisator => "advies_organisator", "Advies aan de organisator";
    Handhaving => "handhaving", "Handhavingsdossier voorgesteld";
    Doorverwijzing => "doorverwijzing", "Doorverwijzing";
});

/// A follow-up action as the case worker sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpvolgInvoer {
    pub soort: Opvolgsoort,
    pub notitie: Reden,
    /// The service referred to (only with a referral).
    pub dienst: Option<String>,
}

impl OpvolgInvoer {
    /// From the form: `soort`, `tekst` (the note), `dienst` (a referral's service).
    pub fn parse(get: impl Fn(&str) -> String) -> Result<Self, Veldfouten> {
        let mut f = Veldfouten::default();
        let soort = Opvolgsoort::from_code(get("soort").trim());
        if soort.is_none() {
            f.zet("soort", "Kies welke opvolging u vastlegt.");
        }
        let notitie = Reden::parse(&get("tekst")).map_err(|e| f.zet("tekst", e)).ok();
        let dienst = match get("dienst").trim() {
            "" => None,
            d if is_sleutel(d) => Some(d.to_string()),
            _ => {
                f.zet("dienst", "Kies een dienst uit de lijst.");
                None
            }
        };
        if soort == Some(Opvolgsoort::Doorverwijzing) && dienst.is_none() {
            f.zet("dienst", "Kies de dienst waarnaar u doorverwijst.");
        }
        match (soort, notitie) {
            (Some(soort), Some(notitie)) if f.is_empty() => {
                Ok(Self { soort, notitie, dienst: dienst.filter(|_| soort == Opvolgsoort::Doorverwijzing) })
            }
            _ => Err(f),
        }
    }
}

/// Who becomes co-handler: `aan` is a staff id (or "mij"); a reason when someone else was it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MedeInvoer {
    /// The new co-handler; `None` ends co-handling (`aan=geen`).
    pub aan: Option<String>,
    pub reden: Option<Reden>,
}

impl MedeInvoer {
    pub fn parse(get: impl Fn(&str) -> String, ik: &str) -> Result<Self, Veldfouten> {
        let mut f = Veldfouten::default();
        let aan = match get("aan").trim() {
            "" | "mij" => Some(ik.to_string()),
            "geen" => None,
            a if is_sleutel(a) => Some(a.to_string()),
            _ => {
                f.zet("aan", "Kies een klantenbeheerder kinderopvang uit de lijst.");
                None
            }
        };
        let reden = match get("reden") {
            r if r.trim().is_empty() => None,
            r => Reden::parse(&r).map_err(|e| f.zet("reden", e)).ok(),
        };
        if f.is_empty() { Ok(Self { aan, reden }) } else { Err(f) }
    }
}

/// A source as the case page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BronWeergave {
    pub code: String,
    pub label: String,
    /// Where on the case page it is (`#regel-…`).
    pub anker: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysepunt {
    pub id: String,
    pub volgnummer: i64,
    pub punt: String,
    pub bevindingen: String,
    pub bronnen: Vec<BronWeergave>,
    pub conclusie: Option<Beoordeling>,
    pub gewijzigd: DateTime<Utc>,
    pub gewijzigd_door: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Opvolgactie {
    pub soort: Opvolgsoort,
    pub notitie: String,
    /// The service with its contact data, for a referral.
    pub dienst: Option<String>,
    pub tijdstip: DateTime<Utc>,
    pub door: String,
}

/// Everything the analysis section of the case page needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalyseDossier {
    pub referentie: String,
    /// The case version read: an edit sent with an older one is refused.
    pub versie: i64,
    pub afgerond: bool,
    pub conclusie: Option<Beoordeling>,
    pub conclusie_tekst: Option<String>,
    pub punten: Vec<Analysepunt>,
    /// (code, label) of the sources a point can cite.
    pub bronkeuzes: Vec<(String, String)>,
    pub opvolgacties: Vec<Opvolgactie>,
    /// (id, name) of the co-handler.
    pub medebehandelaar: Option<(String, String)>,
    /// (id, name) of the organiser's account manager: the default proposal.
    pub voorstel: Option<(String, String)>,
    /// (id, name) of the account managers a coordinator can choose from; empty for others.
    pub kandidaten: Vec<(String, String)>,
    /// The reader is an account manager (may become co-handler themselves).
    pub ik_klantenbeheerder: bool,
    pub ik_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn get(paren: &[(&str, &str)]) -> impl Fn(&str) -> String {
        let m: HashMap<String, String> = paren.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k: &str| m.get(k).cloned().unwrap_or_default()
    }

    #[test]
    fn a_source_is_a_typed_reference() {
        assert_eq!(Bron::parse("tijdlijn:abc123"), Some(Bron::Tijdlijn("abc123".into())));
        assert_eq!(Bron::parse("document:d1").map(|b| b.code()), Some("document:d1".into()));
        assert_eq!(Bron::parse("melding:M-2026"), None);
        assert_eq!(Bron::parse("advies:a' OR 1=1"), None);
        assert_eq!(Bron::parse("advies:"), None);
    }

    #[test]
    fn a_point_needs_a_description_and_known_sources() {
        let bronnen = vec!["tijdlijn:t1".to_string(), "tijdlijn:t1".into(), "advies:a1".into()];
        let p = PuntInvoer::parse(
            get(&[("punt", " Poort stond open "), ("tekst", "Bevestigd"), ("conclusie", "gegrond")]),
            &bronnen,
        )
        .unwrap();
        assert_eq!(p.punt, "Poort stond open");
        assert_eq!(p.bronnen, vec![Bron::Tijdlijn("t1".into()), Bron::Advies("a1".into())], "no duplicates");
        assert_eq!(p.conclusie, Some(Beoordeling::Gegrond));
        let f = PuntInvoer::parse(get(&[("punt", "x"), ("conclusie", "misschien")]), &["bestand:x".to_string()])
            .unwrap_err();
        assert_eq!(f.get("punt"), Some("Beschrijf het punt dat de melder aankaart: minstens 3 tekens."));
        assert_eq!(f.get("conclusie"), Some("Kies een conclusie uit de lijst."));
        assert_eq!(f.get("bron"), Some("Kies bronnen uit de lijst."));
        let p = PuntInvoer::parse(get(&[("punt", "Voeding"), ("conclusie", "")]), &[]).unwrap();
        assert_eq!(p.conclusie, None, "not assessed yet");
    }

    #[test]
    fn a_referral_needs_a_service_and_every_action_a_note() {
        let f = OpvolgInvoer::parse(get(&[("soort", "doorverwijzing"), ("tekst", "")])).unwrap_err();
        assert_eq!(f.get("dienst"), Some("Kies de dienst waarnaar u doorverwijst."));
        assert_eq!(f.get("tekst"), Some("Vul dit in."));
        let o = OpvolgInvoer::parse(get(&[("soort", "inspectie"), ("tekst", "Vraag verstuurd"), ("dienst", "vk")]))
            .unwrap();
        assert_eq!((o.soort, o.dienst), (Opvolgsoort::Inspectie, None), "a service only with a referral");
        assert!(OpvolgInvoer::parse(get(&[("tekst", "x y z")])).unwrap_err().get("soort").is_some());
    }

    #[test]
    fn a_co_handler_is_me_by_default() {
        let m = MedeInvoer::parse(get(&[("aan", "mij")]), "u1").unwrap();
        assert_eq!(m, MedeInvoer { aan: Some("u1".into()), reden: None });
        let m =
            MedeInvoer::parse(get(&[("aan", "geen"), ("reden", "Dossier loopt niet meer via mij.")]), "u1").unwrap();
        assert_eq!(m.aan, None, "ending co-handling");
        assert!(m.reden.is_some());
        let f = MedeInvoer::parse(get(&[("aan", "x'y"), ("reden", "a")]), "u1").unwrap_err();
        assert!(f.get("aan").is_some() && f.get("reden").is_some());
    }
}
