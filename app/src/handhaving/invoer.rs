//! The dossier forms' posts, parsed once: opening a dossier and adding a step. Every refusal is a
//! message next to its field; the rules of order are checked after this, by the service.

use super::model::{Maatregel, Stapsoort};
use super::service::NieuweStap;
use crate::gemeen::{Velden, Veldfouten};
use chrono::NaiveDate;

/// The fields that come back after a refusal.
pub const STAP_VELDEN: &[&str] =
    &["soort", "maatregel", "onmiddellijk", "reden", "tekst", "datum", "betekend", "termijn", "publiek"];
pub const OPEN_VELDEN: &[&str] = &["locatie", "aanleiding", "meldingen"];

/// Opening a dossier: the location's code, the reason, the meldingen behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub locatie: String,
    pub aanleiding: String,
    pub meldingen: Vec<String>,
}

pub fn opening(v: &Velden) -> Result<Opening, Veldfouten> {
    let mut f = Veldfouten::default();
    let locatie = v.get("locatie").trim().to_uppercase();
    if !crate::gemeen::is_sleutel(&locatie) {
        f.zet("locatie", "Vul de code van de locatie in, bijvoorbeeld L0007.");
    }
    let aanleiding = v.get("aanleiding").trim().to_string();
    if aanleiding.is_empty() {
        f.zet("aanleiding", "Schrijf waarom u het dossier opent.");
    } else if aanleiding.chars().count() > 2000 {
        f.zet("aanleiding", "Hoogstens 2000 tekens.");
    }
    let meldingen: Vec<String> =
        v.get("meldingen").split([',', ';', ' ', '\n']).map(str::trim).filter(|r| !r.is_empty()).map(str::to_uppercase).collect();
    if meldingen.len() > 50 || meldingen.iter().any(|r| !is_referentie(r)) {
        f.zet("meldingen", "Geef referenties als M-2026-00042, gescheiden door komma's (hoogstens 50).");
    }
    f.of(Opening { locatie, aanleiding, meldingen })
}

fn is_referentie(r: &str) -> bool {
    let delen: Vec<&str> = r.split('-').collect();
    delen.len() == 3
        && delen[0] == "M"
        && delen[1].len() == 4
        && delen[2].len() == 5
        && delen[1..].iter().all(|d| d.chars().all(|c| c.is_ascii_digit()))
}

fn datum(v: &Velden, veld: &str, verplicht: bool, f: &mut Veldfouten) -> Option<NaiveDate> {
    let tekst = v.get(veld).trim();
    if tekst.is_empty() {
        if verplicht {
            f.zet(veld, "Vul de datum in.");
        }
        return None;
    }
    let d = NaiveDate::parse_from_str(tekst, "%Y-%m-%d").ok();
    if d.is_none() {
        f.zet(veld, "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-03-02.");
    }
    d
}

/// A step: its kind, the measure where it needs one, dates, text, whether it is public.
pub fn stap(v: &Velden) -> Result<NieuweStap, Veldfouten> {
    let mut f = Veldfouten::default();
    let soort = Stapsoort::from_code(v.get("soort"));
    if soort.is_none() {
        f.zet("soort", "Kies welke stap u toevoegt.");
    }
    let maatregel = match v.get("maatregel") {
        "" => None,
        code => {
            let m = Maatregel::from_code(code);
            if m.is_none() {
                f.zet("maatregel", "Kies een maatregel uit de lijst.");
            }
            m
        }
    };
    let onmiddellijk = v.get("onmiddellijk") == "ja";
    let reden = Some(v.get("reden").trim().to_string()).filter(|r| !r.is_empty());
    let tekst = v.get("tekst").trim().to_string();
    if tekst.is_empty() {
        f.zet("tekst", "Schrijf wat er vastgesteld of beslist is.");
    } else if tekst.chars().count() > 20_000 {
        f.zet("tekst", "Hoogstens 20.000 tekens.");
    }
    let d = datum(v, "datum", true, &mut f);
    let betekend = datum(v, "betekend", false, &mut f);
    let termijn = datum(v, "termijn", false, &mut f);
    if let (Some(d), Some(b)) = (d, betekend)
        && b < d
    {
        f.zet("betekend", "De organisator kan niet verwittigd zijn vóór de datum van de stap.");
    }
    let publiek = v.get("publiek") == "ja";
    let (Some(soort), Some(datum)) = (soort, d) else { return Err(f) };
    f.of(NieuweStap { soort, maatregel, onmiddellijk, reden, tekst, datum, betekend, termijn, publiek })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_with_its_dates_and_bad_input_next_to_its_field() {
        let v = Velden::van(&[
            ("soort", "voornemen"),
            ("maatregel", "schorsing"),
            ("tekst", "We willen schorsen."),
            ("datum", "2026-03-02"),
            ("betekend", "2026-03-03"),
            ("publiek", "ja"),
        ]);
        let s = stap(&v).unwrap();
        assert_eq!((s.soort, s.maatregel, s.publiek), (Stapsoort::Voornemen, Some(Maatregel::Schorsing), true));
        let v = Velden::van(&[("soort", "x"), ("datum", "2-3-2026"), ("betekend", "2026-03-01"), ("tekst", "")]);
        let f = stap(&v).unwrap_err();
        for veld in ["soort", "datum", "tekst"] {
            assert!(f.get(veld).is_some(), "{veld}");
        }
        let v = Velden::van(&[("soort", "aanmaning"), ("tekst", "x"), ("datum", "2026-03-02"), ("betekend", "2026-03-01")]);
        assert!(stap(&v).unwrap_err().get("betekend").unwrap().contains("vóór"));
    }

    #[test]
    fn opening_reads_the_location_and_the_references() {
        let v = Velden::van(&[("locatie", " l0007 "), ("aanleiding", "Drie meldingen."), ("meldingen", "m-2026-00042, M-2026-00043")]);
        let o = opening(&v).unwrap();
        assert_eq!((o.locatie.as_str(), o.meldingen.len()), ("L0007", 2));
        let v = Velden::van(&[("locatie", "L0007; DROP"), ("aanleiding", ""), ("meldingen", "42")]);
        let f = opening(&v).unwrap_err();
        assert!(f.get("locatie").is_some() && f.get("aanleiding").is_some() && f.get("meldingen").is_some());
    }
}
