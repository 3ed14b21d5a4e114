//! Requests for expert input (adviesvragen): what a case worker asks, of whom, by when, and what
//! the expert may see. Shared by server and browser.

use crate::behandeling::model::Reden;
use crate::gemeen::Veldfouten;
use crate::gemeen::woordenlijst::woordenlijst;
use crate::zaak::model::{Categorie, MelderGegevens};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

woordenlijst!(Discipline {
    Jurist => "jurist", "jurist";
    Pedagoog => "pedagoog", "pedagoog";
    Arts => "arts", "arts";
    Intersectoraal => "intersectoraal", "intersectorale medewerker";
    Backoffice => "backoffice", "backoffice kinderopvang";
    Inhoudelijk => "inhoudelijk", "inhoudelijk expert";
});

/// To whom a request goes: everyone of a discipline, or one named expert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Geadresseerde {
    Discipline(Discipline),
    Expert(String),
}

/// The longest time an expert gets, in days.
pub const MAX_DAGEN: i64 = 90;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NieuweAdviesvraag {
    pub aan: Geadresseerde,
    pub vraag: Reden,
    pub vervalt: NaiveDate,
    pub deel_omschrijving: bool,
    pub deel_locatie: bool,
    pub deel_melder: bool,
}

impl NieuweAdviesvraag {
    /// From the form on the case page: `aan` is `discipline:<code>` or `expert:<id>`.
    pub fn parse(f: &BTreeMap<String, String>, vandaag: NaiveDate) -> Result<Self, Veldfouten> {
        let get = |k: &str| f.get(k).map_or("", String::as_str);
        let mut fouten = Veldfouten::default();
        let aan = match get("aan").split_once(':') {
            Some(("discipline", d)) => Discipline::from_code(d).map(Geadresseerde::Discipline),
            Some(("expert", id))
                if !id.is_empty() && id.len() <= 40 && id.chars().all(|c| c.is_ascii_alphanumeric()) =>
            {
                Some(Geadresseerde::Expert(id.to_string()))
            }
            _ => None,
        };
        if aan.is_none() {
            fouten.zet("aan", "Kies aan wie u het advies vraagt.");
        }
        let vraag = Reden::parse(get("vraag")).map_err(|e| fouten.zet("vraag", e)).ok();
        let vervalt = match NaiveDate::parse_from_str(get("vervalt").trim(), "%Y-%m-%d") {
            Ok(d) if d < vandaag => {
                fouten.zet("vervalt", "Deze datum ligt in het verleden.");
                None
            }
            Ok(d) if (d - vandaag).num_days() > MAX_DAGEN => {
                fouten.zet("vervalt", "Kies een datum binnen de 90 dagen.");
                None
            }
            Ok(d) => Some(d),
            Err(_) => {
                fouten.zet("vervalt", "Geef een datum, bijvoorbeeld 15/03/2026.");
                None
            }
        };
        let aan_vink = |k: &str| matches!(get(k), "ja" | "on" | "true");
        match (aan, vraag, vervalt) {
            (Some(aan), Some(vraag), Some(vervalt)) if fouten.is_empty() => Ok(Self {
                aan,
                vraag,
                vervalt,
                deel_omschrijving: aan_vink("deel_omschrijving"),
                deel_locatie: aan_vink("deel_locatie"),
                deel_melder: aan_vink("deel_melder"),
            }),
            _ => Err(fouten),
        }
    }
}

/// A request as the case page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adviesvraag {
    pub id: String,
    /// "de jurist" or the expert's name.
    pub aan: String,
    pub vraag: String,
    pub gevraagd_door: String,
    pub gevraagd_op: DateTime<Utc>,
    pub vervalt: NaiveDate,
    pub antwoord: Option<String>,
    pub beantwoord_door: Option<String>,
    pub beantwoord_op: Option<DateTime<Utc>>,
    /// Due and not answered.
    pub te_laat: bool,
}

/// Everything an expert sees of one request: the question and only what it shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdviesDossier {
    pub vraag: Adviesvraag,
    pub referentie: String,
    pub categorieen: Vec<Categorie>,
    pub omschrijving: Option<String>,
    /// "Krullebol, Meersstraat 132, 9300 Aalst".
    pub locatie: Option<String>,
    pub melder: Option<MelderGegevens>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vandaag() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    fn f(paren: &[(&str, &str)]) -> BTreeMap<String, String> {
        paren.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_complete_request_parses_with_what_it_shares() {
        let v = NieuweAdviesvraag::parse(
            &f(&[
                ("aan", "discipline:jurist"),
                ("vraag", "Is dit een inbreuk?"),
                ("vervalt", "2026-03-10"),
                ("deel_omschrijving", "ja"),
            ]),
            vandaag(),
        )
        .unwrap();
        assert_eq!(v.aan, Geadresseerde::Discipline(Discipline::Jurist));
        assert!(v.deel_omschrijving && !v.deel_melder && !v.deel_locatie);
    }

    #[test]
    fn every_problem_is_reported_next_to_its_field() {
        let e =
            NieuweAdviesvraag::parse(&f(&[("aan", "expert:x'y"), ("vervalt", "2026-03-01")]), vandaag()).unwrap_err();
        assert_eq!(e.get("aan"), Some("Kies aan wie u het advies vraagt."));
        assert_eq!(e.get("vraag"), Some("Vul dit in."));
        assert_eq!(e.get("vervalt"), Some("Deze datum ligt in het verleden."));
        let e = NieuweAdviesvraag::parse(&f(&[("vervalt", "2026-12-31")]), vandaag()).unwrap_err();
        assert_eq!(e.get("vervalt"), Some("Kies een datum binnen de 90 dagen."));
    }
}
