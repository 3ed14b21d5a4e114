//! The organiser and location overviews, from the rows the queries return.

use super::model::{LocatieDetail, LocatieId, LocatieKeuze};
use super::overzicht::*;
use super::repo::{self, LocatieRegelDb, MeldingRegelDb};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use crate::zaak::model::Referentie;
use crate::zaak::toegang::{ToegangFout, mag_zien};
use chrono::{DateTime, Months, Utc};

fn locatie(r: &LocatieRegelDb) -> Option<LocatieRegel> {
    Some(LocatieRegel {
        id: r.id.clone(),
        naam: r.naam.clone(),
        adres: format!("{}, {} {}", r.straat, r.postcode, r.gemeente),
        soort: r.soort,
        capaciteit: u32::try_from(r.capaciteit).ok()?,
        vergunning: r.vergunning,
        meldingen_12_maanden: u32::try_from(r.recent).unwrap_or(0),
    })
}

fn melding(r: MeldingRegelDb) -> Option<MeldingRegel> {
    Some(MeldingRegel {
        referentie: Referentie::parse(&r.referentie)?,
        ontvangen: r.ontvangen,
        categorieen: r.categorieen,
        status: r.status,
        conclusie: r.conclusie,
        locatie: r.locatie.unwrap_or_default(),
    })
}

fn sinds(nu: DateTime<Utc>) -> DateTime<Utc> {
    nu.checked_sub_months(Months::new(12)).unwrap_or(nu)
}

/// Locations whose name, street, municipality or organiser matches `q`, for the melding form.
pub async fn zoek(db: &Db, q: &str, max: usize) -> surrealdb::Result<Vec<LocatieKeuze>> {
    repo::zoek(db, q, max).await
}

/// A location with its organiser, as a case page shows it; `None` for an unknown key.
pub async fn detail(db: &Db, id: &str) -> surrealdb::Result<Option<LocatieDetail>> {
    repo::detail(db, id).await
}

/// The location chosen on the form, as the picker shows it.
pub async fn keuze(db: &Db, id: &LocatieId) -> surrealdb::Result<Option<LocatieKeuze>> {
    repo::keuze(db, id).await
}

pub async fn organisator(db: &Db, id: &str, nu: DateTime<Utc>) -> surrealdb::Result<Option<OrganisatorOverzicht>> {
    let Some((o, locaties, meldingen)) = repo::organisator(db, id, sinds(nu), MAX_MELDINGEN).await? else {
        return Ok(None);
    };
    let locaties: Vec<LocatieRegel> = locaties.iter().filter_map(locatie).collect();
    Ok(Some(OrganisatorOverzicht {
        meldingen_12_maanden: locaties.iter().map(|l| l.meldingen_12_maanden).sum(),
        id: o.id,
        naam: o.naam,
        ondernemingsnummer: o.ondernemingsnummer,
        email: o.email,
        telefoon: o.telefoon,
        accountbeheerder: o.accountbeheerder,
        beheerder_id: o.beheerder_id,
        locaties,
        meldingen: meldingen.into_iter().filter_map(melding).collect(),
    }))
}

pub async fn locatie_overzicht(db: &Db, id: &str, nu: DateTime<Utc>) -> surrealdb::Result<Option<LocatieOverzicht>> {
    let Some((l, meldingen)) = repo::locatie(db, id, sinds(nu), MAX_MELDINGEN).await? else {
        return Ok(None);
    };
    let Some(regel) = locatie(&l) else { return Ok(None) };
    Ok(Some(LocatieOverzicht {
        locatie: regel,
        organisator_id: l.organisator_id,
        organisator: l.organisator,
        accountbeheerder: l.accountbeheerder,
        beheerder_id: l.beheerder_id,
        meldingen: meldingen.into_iter().filter_map(melding).collect(),
    }))
}

/// What of an overview `kijker` may see: everything for case workers and coordinators, and for
/// the organiser's own account manager; for another account manager only the meldingen they
/// co-handle (the case page's rule), and nothing (`None`: not found) when there are none.
pub async fn voor_kijker(
    db: &Db,
    kijker: &Gebruiker,
    beheerder_id: Option<&str>,
    meldingen: Vec<MeldingRegel>,
) -> Result<Option<Vec<MeldingRegel>>, ToegangFout> {
    if kijker.ziet_alle_meldingen() || beheerder_id == Some(kijker.id.as_str()) {
        return Ok(Some(meldingen));
    }
    let mut zichtbaar = Vec::new();
    for m in meldingen {
        if mag_zien(db, kijker, m.referentie.as_str()).await? {
            zichtbaar.push(m);
        }
    }
    Ok((!zichtbaar.is_empty()).then_some(zichtbaar))
}
