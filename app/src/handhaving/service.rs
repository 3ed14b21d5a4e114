//! Opening a dossier and adding steps: the rules decide, the repo writes in one checked
//! transaction, the licence follows the decisions.

use super::fout::HandhavingFout;
use super::model::{Maatregel, Stapsoort, Vergunning};
use super::regels::{self, Stap};
use super::repo::{self, NieuwDossier, NieuweStapDb, Opening, StapDb};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use crate::gemeen::versie::Opslag;
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// Opens a dossier for `locatie` (a location key) with the meldingen behind it; its key.
pub async fn open(
    db: &Db,
    g: &Gebruiker,
    locatie: &str,
    aanleiding: &str,
    meldingen: &[String],
    nu: DateTime<Utc>,
) -> Result<String, HandhavingFout> {
    let key = crate::gemeen::sleutel::Sleutel::nieuw().to_string();
    let d = NieuwDossier {
        jaar: nu.year(),
        locatie: locatie.to_string(),
        aanleiding: aanleiding.to_string(),
        meldingen: meldingen.to_vec(),
        door: g.naam.clone(),
        nu,
    };
    match repo::open(db, &key, d).await? {
        Opening::Geopend(key) => {
            tracing::info!(dossier = key, locatie, "enforcement dossier opened");
            Ok(key)
        }
        Opening::LocatieOnbekend => Err(HandhavingFout::LocatieOnbekend),
        Opening::MeldingOnbekend => Err(HandhavingFout::MeldingOnbekend),
        Opening::AlOpen(open) => {
            let nummer = repo::een(db, &open).await?.map_or(open, |d| d.nummer);
            Err(HandhavingFout::AlOpen(nummer))
        }
    }
}

/// A step as the form gives it, checked for its own sake (dates, text); the rules check its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NieuweStap {
    pub soort: Stapsoort,
    pub maatregel: Option<Maatregel>,
    pub onmiddellijk: bool,
    /// Required for an immediate suspension.
    pub reden: Option<String>,
    pub tekst: String,
    pub datum: NaiveDate,
    pub betekend: Option<NaiveDate>,
    pub termijn: Option<NaiveDate>,
    pub publiek: bool,
}

fn als_regel(s: &StapDb) -> Stap {
    Stap { soort: s.soort, maatregel: s.maatregel, onmiddellijk: s.onmiddellijk }
}

/// Midnight in Brussels of `d`, as stored.
fn dag(d: NaiveDate) -> DateTime<Utc> {
    crate::tijd::middernacht(d)
}

/// Adds a step to dossier `key` read at version `gelezen`; the dossier's new version.
pub async fn voeg_stap_toe(
    db: &Db,
    g: &Gebruiker,
    key: &str,
    gelezen: i64,
    s: &NieuweStap,
    nu: DateTime<Utc>,
) -> Result<i64, HandhavingFout> {
    if s.onmiddellijk && s.reden.as_deref().is_none_or(|r| r.trim().is_empty()) {
        return Err(HandhavingFout::RedenOntbreekt);
    }
    let d = repo::een(db, key).await?.ok_or(HandhavingFout::NietGevonden)?;
    if d.versie != gelezen {
        return Err(HandhavingFout::Verouderd);
    }
    let mut stappen: Vec<Stap> = repo::stappen(db, key).await?.iter().map(als_regel).collect();
    let nieuw = Stap { soort: s.soort, maatregel: s.maatregel, onmiddellijk: s.onmiddellijk };
    regels::controleer_vanaf(d.vergunning_begin, &stappen, &nieuw)?;
    let voor = regels::vergunning_vanaf(d.vergunning_begin, &stappen);
    stappen.push(nieuw);
    let na = regels::vergunning_vanaf(d.vergunning_begin, &stappen);
    let stap = NieuweStapDb {
        soort: s.soort,
        maatregel: s.maatregel,
        onmiddellijk: s.onmiddellijk,
        reden: s.reden.clone(),
        tekst: s.tekst.clone(),
        datum: dag(s.datum),
        betekend: s.betekend.map(dag),
        termijn: s.termijn.map(dag),
        publiek: s.publiek,
        door: g.naam.clone(),
        gebruiker: None,
        tijdstip: nu,
    };
    let wissel = (voor != na).then_some((voor, na));
    match repo::schrijf_stap(db, key, gelezen, stap, wissel, &g.id).await? {
        Opslag::Bewaard(versie) => {
            tracing::info!(dossier = key, stap = s.soort.code(), versie, "enforcement step added");
            Ok(versie)
        }
        Opslag::Verouderd => Err(HandhavingFout::Verouderd),
        Opslag::Onbekend => Err(HandhavingFout::NietGevonden),
    }
}

/// The licence's history of a location: `(van, naar, tijdstip)`, oldest first.
pub async fn vergunning_historiek(db: &Db, locatie: &str) -> Result<Vec<(Vergunning, Vergunning, DateTime<Utc>)>, HandhavingFout> {
    Ok(repo::historiek(db, locatie).await?)
}
