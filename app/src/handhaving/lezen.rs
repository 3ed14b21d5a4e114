//! The public register as `/handhaving` shows it: per location the steps whose embargo is over,
//! while the dossier is open or closed less than the configured time ago; searchable by name and
//! municipality.

use super::fout::HandhavingFout;
use super::model::{Register, RegisterLocatie, RegisterStap};
use super::register::is_zichtbaar;
use super::register_repo::{self, RegisterRijDb};
use crate::gemeen::Db;
use chrono::{DateTime, TimeDelta, Utc};

/// How the register is cut: the embargo in working days and how long a closed dossier stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registerinstelling {
    pub embargo_werkdagen: u32,
    pub na_sluiting: TimeDelta,
}

impl Default for Registerinstelling {
    fn default() -> Self {
        Registerinstelling {
            embargo_werkdagen: super::register::STANDAARD_EMBARGO_WERKDAGEN,
            na_sluiting: TimeDelta::days(365),
        }
    }
}

/// The register at `nu` for the search `zoek` (a part of the name or the municipality).
pub async fn register(db: &Db, zoek: &str, r: Registerinstelling, nu: DateTime<Utc>) -> Result<Register, HandhavingFout> {
    let rijen = register_repo::rijen(db).await?;
    Ok(Register { zoek: zoek.to_string(), locaties: groepeer(rijen, zoek, r, nu) })
}

/// Pure: which rows show, grouped per dossier in the order of their newest step.
pub fn groepeer(rijen: Vec<RegisterRijDb>, zoek: &str, r: Registerinstelling, nu: DateTime<Utc>) -> Vec<RegisterLocatie> {
    let zoek = zoek.trim().to_lowercase();
    let mut volgorde: Vec<String> = Vec::new();
    let mut per_dossier: std::collections::HashMap<String, RegisterLocatie> = std::collections::HashMap::new();
    for rij in rijen {
        let betekend = crate::tijd::vandaag(rij.betekend);
        let verlopen = rij.gesloten.is_some_and(|g| nu > g + r.na_sluiting);
        let gezocht = zoek.is_empty()
            || rij.naam.to_lowercase().contains(&zoek)
            || rij.gemeente.to_lowercase().contains(&zoek);
        if verlopen || !gezocht || !is_zichtbaar(true, Some(betekend), r.embargo_werkdagen, nu) {
            continue;
        }
        let stap = RegisterStap {
            soort: rij.soort,
            maatregel: rij.maatregel,
            datum: crate::tijd::voluit(crate::tijd::vandaag(rij.datum)),
        };
        let locatie = per_dossier.entry(rij.dossier.clone()).or_insert_with(|| {
            volgorde.push(rij.dossier.clone());
            RegisterLocatie {
                naam: rij.naam.clone(),
                gemeente: rij.gemeente.clone(),
                opvang: rij.opvang.label().to_string(),
                vergunning: rij.vergunning,
                loopt: rij.open,
                stappen: Vec::new(),
            }
        });
        locatie.stappen.push(stap);
    }
    volgorde.into_iter().filter_map(|d| per_dossier.remove(&d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handhaving::model::{Stapsoort, Vergunning};
    use crate::locaties::model::LocatieSoort;

    fn rij(dossier: &str, naam: &str, betekend: DateTime<Utc>, gesloten: Option<DateTime<Utc>>) -> RegisterRijDb {
        RegisterRijDb {
            dossier: dossier.into(),
            naam: naam.into(),
            gemeente: "Gent".into(),
            opvang: LocatieSoort::Groepsopvang,
            vergunning: Vergunning::Actief,
            open: gesloten.is_none(),
            gesloten,
            soort: Stapsoort::Aanmaning,
            maatregel: None,
            datum: betekend,
            betekend,
        }
    }

    #[test]
    fn a_closed_dossier_leaves_the_register_after_the_configured_time() {
        let nu = Utc::now();
        let r = Registerinstelling { embargo_werkdagen: 3, na_sluiting: TimeDelta::days(30) };
        let oud = nu - TimeDelta::days(60);
        let rijen = vec![
            rij("a", "De Rups", oud, Some(nu - TimeDelta::days(29))),
            rij("b", "Het Nest", oud, Some(nu - TimeDelta::days(31))),
            rij("c", "Zonnetje", oud, None),
        ];
        let namen: Vec<String> = groepeer(rijen.clone(), "", r, nu).into_iter().map(|l| l.naam).collect();
        assert_eq!(namen, ["De Rups", "Zonnetje"]);
        let gezocht: Vec<String> = groepeer(rijen, "zon", r, nu).into_iter().map(|l| l.naam).collect();
        assert_eq!(gezocht, ["Zonnetje"]);
    }
}
