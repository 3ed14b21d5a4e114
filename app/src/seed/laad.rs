//! Writes the demo data into the database in batches: the team's accounts, organisers and
//! locations, then the meldingen with their history as `afspelen` worked it out.

use super::Demo;
use super::afspelen::{Omgeving, speel_af, team};
use crate::auth::model::{CASEWERK, Rol};
use crate::behandeling::model::{Uitkomst, Wachtende};
use crate::gemeen::Db;
use crate::gemeen::records::{gebruiker_record, locatie_record, melder_record, melding_record};
use crate::gemeen::tijdlijn::Regel;
use crate::locaties::model::{LocatieSoort, Vergunningsstatus, zoektekst};
use crate::meldingen::intake::{self, MelderInvoer, MeldingInvoer};
use crate::zaak::model::{Beoordeling, Referentie};
use chrono::{DateTime, Datelike, Utc};
use std::collections::BTreeMap;
use surrealdb::types::{RecordId, SurrealValue, Value};

#[derive(Debug, thiserror::Error)]
pub enum SeedFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    /// The history of a demo case breaks a rule of case handling (a bug in the generator).
    #[error("demo case {0}: {1}")]
    Verloop(String, String),
    #[error("services and deadline rules: {0}")]
    Beheer(#[from] crate::beheer::service::BeheerFout),
}

/// A team member's account. No password hash: no password matches until an admin sets one.
#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct GebruikerRij {
    id: RecordId,
    email: String,
    naam: String,
    rollen: Vec<Rol>,
    wachtwoord_hash: String,
    actief: bool,
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
    versie: i64,
    #[surreal(flatten)]
    regel: Regel,
}

/// A melding as intake stored it, with the handling facts its history left.
#[derive(SurrealValue)]
#[surreal(crate = "surrealdb::types")]
struct MeldingRij {
    id: RecordId,
    #[surreal(flatten)]
    melding: MeldingInvoer,
    versie: i64,
    behandelaar: Option<RecordId>,
    conclusie: Option<Beoordeling>,
    conclusie_tekst: Option<String>,
    uitkomst: Option<Uitkomst>,
    wacht_op: Option<Wachtende>,
    pauze_dagen: i64,
    pauze_sinds: Option<DateTime<Utc>>,
    verlenging_dagen: i64,
}

/// Is there any melding yet? (Demo data is only loaded into an empty database.)
pub async fn is_leeg(db: &Db) -> Result<bool, SeedFout> {
    let mut res = db.query("SELECT VALUE id FROM melding LIMIT 1").await?.check()?;
    let ids: Vec<RecordId> = res.take(0)?;
    Ok(ids.is_empty())
}

/// Loads the team, organisers, locations and meldingen; references continue each year's counter.
pub async fn laad_demo(db: &Db, demo: &Demo) -> Result<usize, SeedFout> {
    laad_demo_met_voortgang(db, demo, |_| {}).await
}

/// [`laad_demo`], telling `voortgang` after each batch how many meldingen are written so far.
pub async fn laad_demo_met_voortgang(
    db: &Db,
    demo: &Demo,
    mut voortgang: impl FnMut(usize),
) -> Result<usize, SeedFout> {
    let leden: Vec<GebruikerRij> = team()
        .into_iter()
        .map(|g| GebruikerRij {
            id: gebruiker_record(&g.id),
            email: g.email,
            naam: g.naam,
            rollen: g.rollen.clone(),
            wachtwoord_hash: String::new(),
            actief: true,
        })
        .collect();
    // Already there (a database emptied of meldingen): kept as they are.
    db.query("INSERT IGNORE INTO gebruiker $rijen RETURN NONE").bind(("rijen", leden)).await?.check()?;
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

    let omgeving = Omgeving {
        team: team(),
        medewerkers: crate::behandeling::repo::behandelaars(db, CASEWERK.to_vec()).await?,
        diensten: crate::beheer::service::actieve_diensten(db).await?,
        regels: crate::beheer::service::termijnregels(db).await?,
    };

    // References in order of receipt, per year, after what each year's counter already gave.
    let mut volgorde: Vec<&super::DemoMelding> = demo.meldingen.iter().collect();
    volgorde.sort_by_key(|m| m.ontvangen);
    let mut tellers: BTreeMap<i32, i64> = BTreeMap::new();
    let mut geschreven = 0;
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
            let a = speel_af(&referentie, m, &omgeving)?;
            let melding_id = melding_record(&referentie);
            tijdlijn.extend(a.tijdlijn.into_iter().map(|(versie, regel)| TijdlijnRij {
                melding: melding_id.clone(),
                versie,
                regel,
            }));
            let s = a.stand;
            meldingen.push(MeldingRij {
                id: melding_id,
                melding: MeldingInvoer {
                    soort: s.soort,
                    bevestigd: s.bevestigd,
                    vervalt_bevestiging: a.vervalt_bevestiging,
                    vervalt_uitkomst: a.vervalt_uitkomst,
                    referentie,
                    kanaal: m.kanaal,
                    ontvangen: m.ontvangen,
                    feit_datum: m.feit_datum.format("%Y-%m-%d").to_string(),
                    categorieen: m.categorieen.clone(),
                    urgentie: s.urgentie,
                    status: s.status,
                    omschrijving: m.omschrijving.clone(),
                    locatie: m.locatie_key.as_deref().map(locatie_record),
                    locatie_omschrijving: m.locatie_omschrijving.clone(),
                    melder: melder_id,
                    opvolgcode_hash: None,
                    termijn_ontvangst: s.termijn_ontvangst,
                    termijn_eenheid: s.termijn_eenheid,
                    termijn_uitkomst: s.termijn_uitkomst,
                    afgerond: a.afgerond,
                },
                versie: s.versie,
                behandelaar: s.behandelaar.as_deref().map(gebruiker_record),
                conclusie: s.conclusie,
                conclusie_tekst: s.conclusie_tekst,
                uitkomst: s.uitkomst,
                wacht_op: s.wacht_op,
                pauze_dagen: s.pauze_dagen,
                pauze_sinds: s.pauze_sinds,
                verlenging_dagen: s.verlenging_dagen,
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
        geschreven += chunk.len();
        voortgang(geschreven);
    }
    for (jaar, n) in tellers {
        intake::zet_teller_minstens(db, &format!("M-{jaar}"), n).await?;
    }
    intake::vul_zoektekst_aan(db).await?;
    Ok(demo.meldingen.len())
}
