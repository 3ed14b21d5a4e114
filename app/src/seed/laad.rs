//! Writes the demo data into the database in batches.

use super::Demo;
use crate::gemeen::Db;
use crate::gemeen::records::{gebruiker_record, locatie_record, melder_record, melding_record};
use crate::gemeen::tijdlijn::Tijdlijnsoort;
use crate::locaties::model::{LocatieSoort, Vergunningsstatus, zoektekst};
use crate::meldingen::model::{Referentie, Status};
use crate::meldingen::service::{self as mservice, MelderInvoer, MeldingInvoer};
use chrono::{DateTime, Datelike, Utc};
use std::collections::BTreeMap;
use surrealdb::types::{RecordId, SurrealValue, Value};

#[derive(Debug, thiserror::Error)]
pub enum SeedFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct OrgRij {
    id: RecordId,
    naam: String,
    ondernemingsnummer: String,
    email: Option<String>,
    telefoon: Option<String>,
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct LocRij {
    id: RecordId,
    organisator: RecordId,
    naam: String,
    soort: LocatieSoort,
    capaciteit: i64,
    straat: String,
    postcode: String,
    gemeente: String,
    vergunning: Vergunningsstatus,
    zoektekst: String,
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct MelderRij {
    id: RecordId,
    #[surreal(flatten)]
    melder: MelderInvoer,
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct TijdlijnRij {
    melding: RecordId,
    tijdstip: DateTime<Utc>,
    soort: Tijdlijnsoort,
    tekst: String,
    door: String,
}

/// Is there any melding yet? (Demo data is only loaded into an empty database.)
pub async fn is_leeg(db: &Db) -> Result<bool, SeedFout> {
    let mut res = db.query("SELECT VALUE id FROM melding LIMIT 1").await?.check()?;
    let ids: Vec<RecordId> = res.take(0)?;
    Ok(ids.is_empty())
}

/// Loads organisers, locations and meldingen; references continue each year's counter.
pub async fn laad_demo(db: &Db, demo: &Demo) -> Result<usize, SeedFout> {
    let namen: BTreeMap<&str, &str> = demo.organisatoren.iter().map(|o| (o.key.as_str(), o.naam.as_str())).collect();
    let orgs: Vec<OrgRij> = demo
        .organisatoren
        .iter()
        .map(|o| OrgRij {
            id: RecordId::new("organisator", o.key.as_str()),
            naam: o.naam.clone(),
            ondernemingsnummer: o.ondernemingsnummer.digits().to_string(),
            email: Some(o.email.clone()),
            telefoon: Some(o.telefoon.clone()),
        })
        .collect();
    db.query("INSERT INTO organisator $rijen RETURN NONE").bind(("rijen", orgs)).await?.check()?;
    let locs: Vec<LocRij> = demo
        .locaties
        .iter()
        .map(|l| LocRij {
            id: locatie_record(&l.key),
            organisator: RecordId::new("organisator", l.organisator_key.as_str()),
            naam: l.naam.clone(),
            soort: l.soort,
            capaciteit: i64::from(l.capaciteit),
            straat: l.straat.clone(),
            postcode: l.postcode.clone(),
            gemeente: l.gemeente.clone(),
            vergunning: l.vergunning,
            zoektekst: zoektekst(
                &l.naam,
                &l.straat,
                &l.postcode,
                &l.gemeente,
                namen.get(l.organisator_key.as_str()).copied().unwrap_or(""),
            ),
        })
        .collect();
    db.query("INSERT INTO locatie $rijen RETURN NONE").bind(("rijen", locs)).await?.check()?;

    // References in order of receipt, per year, after what each year's counter already gave.
    let mut volgorde: Vec<&super::DemoMelding> = demo.meldingen.iter().collect();
    volgorde.sort_by_key(|m| m.ontvangen);
    let mut tellers: BTreeMap<i32, i64> = BTreeMap::new();
    for chunk in volgorde.chunks(500) {
        let mut melders = Vec::with_capacity(chunk.len());
        let mut meldingen = Vec::with_capacity(chunk.len());
        let mut tijdlijn = Vec::new();
        for m in chunk {
            let jaar = m.ontvangen.year();
            let n = tellers.entry(jaar).or_insert(0);
            *n += 1;
            let referentie = Referentie::new(jaar, u32::try_from(*n).unwrap_or(u32::MAX)).to_string();
            let melder_id = melder_record(&referentie);
            melders.push(MelderRij {
                id: melder_id.clone(),
                melder: MelderInvoer {
                    relatie: m.relatie,
                    anoniem: m.melder.is_none(),
                    naam: m.melder.as_ref().map(|p| p.naam.clone()),
                    email: m.melder.as_ref().and_then(|p| p.email.clone()),
                    telefoon: m.melder.as_ref().and_then(|p| p.telefoon.clone()),
                },
            });
            let melding_id = melding_record(&referentie);
            for t in &m.tijdlijn {
                tijdlijn.push(TijdlijnRij {
                    melding: melding_id.clone(),
                    tijdstip: t.tijdstip,
                    soort: t.soort,
                    tekst: t.tekst.clone(),
                    door: t.door.clone(),
                });
            }
            let afgerond = crate::behandeling::model::is_afgerond(m.status);
            let bevestigd = m.status != Status::Ontvangen;
            let klok = crate::termijnen::model::Klok {
                bevestigd,
                afgerond,
                acuut: m.urgentie == crate::meldingen::model::Urgentie::Acuut,
                ..crate::termijnen::model::Klok::nieuw(m.ontvangen, crate::termijnen::model::Zaaksoort::Melding)
            };
            let (vervalt_bevestiging, vervalt_uitkomst) = crate::termijnen::model::vervaldata(&klok);
            meldingen.push(MeldingMetId {
                id: melding_id,
                melding: MeldingInvoer {
                    soort: crate::termijnen::model::Zaaksoort::Melding,
                    bevestigd,
                    vervalt_bevestiging,
                    vervalt_uitkomst,
                    referentie,
                    kanaal: m.kanaal,
                    ontvangen: m.ontvangen,
                    feit_datum: m.feit_datum.format("%Y-%m-%d").to_string(),
                    categorieen: m.categorieen.clone(),
                    urgentie: m.urgentie,
                    status: m.status,
                    omschrijving: m.omschrijving.clone(),
                    locatie: m.locatie_key.as_deref().map(locatie_record),
                    locatie_omschrijving: m.locatie_omschrijving.clone(),
                    melder: melder_id,
                    opvolgcode_hash: None,
                    termijn_ontvangst: None,
                    termijn_eenheid: None,
                    termijn_uitkomst: None,
                    // A closed demo case closed with its last timeline entry.
                    afgerond: afgerond.then(|| m.tijdlijn.last().map_or(m.ontvangen, |t| t.tijdstip)),
                },
            });
        }
        db.query(
            "BEGIN TRANSACTION;
             INSERT INTO melder $melders RETURN NONE;
             INSERT INTO melding $meldingen RETURN NONE;
             INSERT INTO tijdlijn $tijdlijn RETURN NONE;
             COMMIT TRANSACTION;",
        )
        .bind(("melders", melders))
        .bind(("meldingen", meldingen))
        .bind(("tijdlijn", tijdlijn))
        .await?
        .check()?;
    }
    for (jaar, n) in tellers {
        mservice::zet_teller_minstens(db, &format!("M-{jaar}"), n).await?;
    }
    mservice::vul_zoektekst_aan(db).await?;
    Ok(demo.meldingen.len())
}

#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct MeldingMetId {
    id: RecordId,
    #[surreal(flatten)]
    melding: MeldingInvoer,
}

#[derive(Clone, SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct Toewijzing {
    melding: RecordId,
    behandelaar: RecordId,
}

/// Gives the meldingen that are past intake to the staff members `behandelaars` (record keys), in
/// turn, as a team shares its work; meldingen still `ontvangen` stay unassigned. For the inbox
/// benchmark, so that "mijn" and "niet toegewezen" select realistic shares.
pub async fn verdeel_behandelaars(db: &Db, behandelaars: &[String]) -> Result<usize, SeedFout> {
    if behandelaars.is_empty() {
        return Ok(0);
    }
    let mut res = db.query("SELECT VALUE referentie FROM melding WHERE status != 'ontvangen'").await?.check()?;
    let referenties: Vec<String> = res.take(0)?;
    let paren: Vec<Toewijzing> = referenties
        .iter()
        .enumerate()
        .map(|(i, r)| Toewijzing {
            melding: melding_record(r),
            behandelaar: gebruiker_record(behandelaars[i % behandelaars.len()].as_str()),
        })
        .collect();
    for chunk in paren.chunks(2000) {
        db.query("FOR $p IN $paren { UPDATE $p.melding SET behandelaar = $p.behandelaar RETURN NONE; }")
            .bind(("paren", chunk.to_vec()))
            .await?
            .check()?;
    }
    Ok(paren.len())
}
