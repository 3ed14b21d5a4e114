//! Adviesvragen: a case worker asks, an expert sees only what the request shares and answers
//! once; both the request and the answer land on the case's timeline.

use super::model::*;
use super::repo::{self, NieuwDb};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use crate::gemeen::records::gebruiker_record;
use crate::gemeen::tijdlijn::{Regel, Tijdlijnsoort};
use crate::gemeen::{Foutsoort, GebruikersFout, STORING};
use crate::zaak::model::Referentie;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, thiserror::Error)]
pub enum AdviesFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("case or request not found, or not addressed to this user")]
    NietGevonden,
    #[error("not an active expert: {0}")]
    OnbekendeExpert(String),
    #[error("already answered")]
    AlBeantwoord,
    #[error("reading the case: {0}")]
    Melding(String),
}

impl GebruikersFout for AdviesFout {
    fn veld(&self) -> Option<&'static str> {
        matches!(self, Self::OnbekendeExpert(_)).then_some("aan")
    }

    fn soort(&self) -> Foutsoort {
        match self {
            Self::NietGevonden => Foutsoort::NietGevonden,
            Self::Db(_) | Self::Melding(_) => Foutsoort::Storing,
            _ => Foutsoort::Ongeldig,
        }
    }

    fn bericht(&self) -> String {
        match self {
            Self::NietGevonden => "Deze vraag bestaat niet of is niet aan u gericht.".into(),
            Self::OnbekendeExpert(_) => "Kies een expert uit de lijst.".into(),
            Self::AlBeantwoord => "Deze vraag is al beantwoord.".into(),
            Self::Db(_) | Self::Melding(_) => STORING.into(),
        }
    }
}

impl From<AdviesFout> for crate::error::AppError {
    fn from(e: AdviesFout) -> Self {
        e.naar_app()
    }
}

fn datum(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

/// An advice request as stored (what `aan_mij` hands to the routes).
pub use super::repo::AdviesDb;

fn aan(r: &AdviesDb) -> String {
    match (&r.aan_naam, r.aan_discipline) {
        (Some(naam), _) => naam.clone(),
        (None, Some(d)) => format!("de {}", d.label()),
        (None, None) => "een expert".into(),
    }
}

fn vraag_van(r: &AdviesDb, vandaag: NaiveDate) -> Adviesvraag {
    let vervalt = datum(&r.vervalt);
    Adviesvraag {
        id: r.id.clone(),
        aan: aan(r),
        vraag: r.vraag.clone(),
        gevraagd_door: r.gevraagd_door.clone(),
        gevraagd_op: r.gevraagd_op,
        vervalt,
        antwoord: r.antwoord.clone(),
        beantwoord_door: r.beantwoord_door.clone(),
        beantwoord_op: r.beantwoord_op,
        te_laat: r.beantwoord_op.is_none() && vervalt < vandaag,
    }
}

fn regel(nu: DateTime<Utc>, g: &Gebruiker, tekst: String) -> Regel {
    crate::zaak::service::regel(nu, g, Tijdlijnsoort::Advies, tekst)
}

/// A case worker asks for advice on a case.
pub async fn vraag(
    db: &Db,
    g: &Gebruiker,
    referentie: &Referentie,
    n: NieuweAdviesvraag,
    nu: DateTime<Utc>,
) -> Result<(), AdviesFout> {
    let (aan_discipline, aan_gebruiker, aan_tekst) = match &n.aan {
        Geadresseerde::Discipline(d) => (Some(*d), None, format!("de {}", d.label())),
        Geadresseerde::Expert(id) => {
            let experts = repo::experts(db).await?;
            let e = experts.iter().find(|e| &e.id == id).ok_or_else(|| AdviesFout::OnbekendeExpert(id.clone()))?;
            (None, Some(gebruiker_record(id)), e.naam.clone())
        }
    };
    let mut gedeeld = Vec::new();
    if n.deel_omschrijving {
        gedeeld.push("de omschrijving");
    }
    if n.deel_locatie {
        gedeeld.push("de opvang");
    }
    if n.deel_melder {
        gedeeld.push("de contactgegevens van de melder");
    }
    let gedeeld = if gedeeld.is_empty() { "alleen de vraag".to_string() } else { gedeeld.join(", ") };
    let tekst = format!(
        "Advies gevraagd aan {aan_tekst}, antwoord tegen {}: {} (gedeeld: {gedeeld})",
        n.vervalt.format("%d/%m/%Y"),
        n.vraag.as_str()
    );
    let nieuw = NieuwDb {
        aan_discipline,
        aan_gebruiker,
        vraag: n.vraag.as_str().to_string(),
        vervalt: n.vervalt.format("%Y-%m-%d").to_string(),
        deel_omschrijving: n.deel_omschrijving,
        deel_locatie: n.deel_locatie,
        deel_melder: n.deel_melder,
    };
    if repo::bewaar(db, referentie.as_str(), &g.id, nieuw, regel(nu, g, tekst)).await? {
        Ok(())
    } else {
        Err(AdviesFout::NietGevonden)
    }
}

pub async fn van_melding(db: &Db, referentie: &str, nu: DateTime<Utc>) -> Result<Vec<Adviesvraag>, AdviesFout> {
    let vandaag = crate::tijd::vandaag(nu);
    Ok(repo::van_melding(db, referentie).await?.iter().map(|r| vraag_van(r, vandaag)).collect())
}

/// Is this request addressed to this expert, by name or by discipline?
/// The request `id` when it is addressed to this expert (or their discipline); `None` otherwise,
/// as for an id that is not one of ours.
pub async fn aan_mij(db: &Db, g: &Gebruiker, id: &str) -> Result<Option<AdviesDb>, AdviesFout> {
    if id.is_empty() || id.len() > 40 || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    match repo::een(db, id).await? {
        Some(v) if gericht_aan(db, g, &v).await? => Ok(Some(v)),
        _ => Ok(None),
    }
}

pub async fn gericht_aan(db: &Db, g: &Gebruiker, r: &AdviesDb) -> Result<bool, AdviesFout> {
    if r.aan_gebruiker.as_deref() == Some(g.id.as_str()) {
        return Ok(true);
    }
    Ok(r.aan_discipline.is_some() && repo::discipline(db, &g.id).await? == r.aan_discipline)
}

/// The requests addressed to this expert, open ones first, with the case reference.
pub async fn voor_expert(db: &Db, g: &Gebruiker, nu: DateTime<Utc>) -> Result<Vec<(String, Adviesvraag)>, AdviesFout> {
    let vandaag = crate::tijd::vandaag(nu);
    Ok(repo::voor_expert(db, &g.id).await?.iter().map(|r| (r.referentie.clone(), vraag_van(r, vandaag))).collect())
}

/// What the expert sees of one request: only what it shares.
pub async fn dossier(db: &Db, g: &Gebruiker, id: &str, nu: DateTime<Utc>) -> Result<AdviesDossier, AdviesFout> {
    let r = repo::een(db, id).await?.ok_or(AdviesFout::NietGevonden)?;
    if !gericht_aan(db, g, &r).await? {
        return Err(AdviesFout::NietGevonden);
    }
    let referentie = Referentie::parse(&r.referentie).ok_or(AdviesFout::NietGevonden)?;
    let melding = |e: surrealdb::Error| AdviesFout::Melding(e.to_string());
    let (m, _) = crate::zaak::service::gegevens(db, referentie.as_str())
        .await
        .map_err(melding)?
        .ok_or(AdviesFout::NietGevonden)?;
    let locatie = match &m.locatie_id {
        Some(id) => crate::locaties::service::detail(db, id).await.map_err(melding)?,
        None => None,
    };
    let locatie = locatie
        .map(|l| format!("{}, {}, {} {}", l.naam, l.straat, l.postcode, l.gemeente))
        .or(m.locatie_omschrijving.clone());
    Ok(AdviesDossier {
        vraag: vraag_van(&r, crate::tijd::vandaag(nu)),
        referentie: r.referentie.clone(),
        melder: r.deel_melder.then(|| crate::zaak::service::melder(&m)),
        categorieen: m.categorieen,
        omschrijving: r.deel_omschrijving.then_some(m.omschrijving),
        locatie: locatie.filter(|_| r.deel_locatie),
    })
}

/// The expert answers, once.
pub async fn beantwoord(db: &Db, g: &Gebruiker, id: &str, antwoord: &str, nu: DateTime<Utc>) -> Result<(), AdviesFout> {
    let r = repo::een(db, id).await?.ok_or(AdviesFout::NietGevonden)?;
    if !gericht_aan(db, g, &r).await? {
        return Err(AdviesFout::NietGevonden);
    }
    if r.beantwoord_op.is_some() {
        return Err(AdviesFout::AlBeantwoord);
    }
    let discipline = repo::discipline(db, &g.id).await?;
    let wie = discipline.map_or_else(|| g.naam.clone(), |d| format!("{} ({})", g.naam, d.label()));
    let tekst = format!("Antwoord van {wie} op de adviesvraag “{}”: {antwoord}", r.vraag);
    if repo::beantwoord(db, id, &g.id, antwoord, regel(nu, g, tekst)).await? {
        Ok(())
    } else {
        Err(AdviesFout::AlBeantwoord)
    }
}

/// Sets an expert's discipline (accounts are made by the CLI; demo mode uses this).
pub async fn zet_discipline(db: &Db, email: &str, d: Discipline) -> Result<(), AdviesFout> {
    Ok(repo::zet_discipline(db, email, d).await?)
}

/// Active experts, as (value for the form, label), for the request form.
pub async fn geadresseerden(db: &Db) -> Result<Vec<(String, String)>, AdviesFout> {
    let mut lijst: Vec<(String, String)> =
        Discipline::ALLE.iter().map(|d| (format!("discipline:{}", d.code()), format!("Elke {}", d.label()))).collect();
    for e in repo::experts(db).await? {
        let d = e.discipline.map(|d| format!(" ({})", d.label()));
        lijst.push((format!("expert:{}", e.id), format!("{}{}", e.naam, d.unwrap_or_default())));
    }
    Ok(lijst)
}
