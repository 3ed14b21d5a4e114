//! Intake: a public submission or a staff registration, checked again on the server and stored
//! with a new reference, the deadline rule that fits and the first timeline entry.

use super::formulier::{Contact, MeldFormulier, NieuweMelding, Plaats};
use super::model::Ontvangstbewijs;
use super::registratie::Registratie;
use super::repo;
use super::service::MeldingFout;
use crate::auth::model::Gebruiker;
use crate::geheim;
use crate::gemeen::Db;
use crate::gemeen::Veldfouten;
use crate::gemeen::records::{locatie_record, melder_record};
use crate::gemeen::tijdlijn::{Regel, Tijdlijnsoort};
use crate::termijnen::model::Klok;
use crate::zaak::model::{Kanaal, Referentie, Status, Urgentie, Zaaksoort};
use chrono::{DateTime, Datelike, Utc};

/// The outcome of a form submission.
#[derive(Debug)]
pub enum Indiening {
    Ontvangen(Ontvangstbewijs),
    Fouten(Veldfouten),
}

/// The rows of a melding and its reporter as stored, for demo data loaded in bulk.
pub use super::repo::{MelderInvoer, MeldingInvoer};

/// Raises a reference series' counter to at least `minstens` (after demo data is loaded).
pub async fn zet_teller_minstens(db: &Db, reeks: &str, minstens: i64) -> surrealdb::Result<()> {
    repo::zet_teller_minstens(db, reeks, minstens).await
}

/// Fills the search text of meldingen that have none (after a bulk load).
pub async fn vul_zoektekst_aan(db: &Db) -> surrealdb::Result<()> {
    repo::vul_zoektekst_aan(db).await
}

/// Takes a reference number, retrying when a concurrent submission won the race for the counter.
pub async fn nieuwe_referentie(db: &Db, jaar: i32) -> Result<Referentie, MeldingFout> {
    const POGINGEN: u32 = 50;
    for poging in 0..POGINGEN {
        match repo::volgnummer(db, &format!("M-{jaar}")).await {
            Ok(n) => {
                let n = u32::try_from(n).map_err(|_| MeldingFout::Inconsistent(format!("counter {n}")))?;
                return Ok(Referentie::new(jaar, n));
            }
            Err(e) if crate::gemeen::versie::is_conflict(&e) => {
                let wacht = 1 + u64::from(poging) * 2 + u64::from(rand::random::<u8>() % 8);
                tokio::time::sleep(std::time::Duration::from_millis(wacht)).await;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(MeldingFout::GeenVolgnummer(POGINGEN))
}

/// Checks a public submission again on the server and stores it: melding, melder and the first
/// timeline entry in one transaction.
pub async fn dien_in(db: &Db, formulier: &MeldFormulier, nu: DateTime<Utc>) -> Result<Indiening, MeldingFout> {
    match NieuweMelding::parse(formulier, crate::tijd::vandaag(nu)) {
        Ok(nieuw) => neem_op(db, nieuw, nu, None).await,
        Err(f) => Ok(Indiening::Fouten(f)),
    }
}

/// Staff intake: a melding that came in by phone, e-mail, letter or at the desk, registered by `g`.
pub async fn registreer(
    db: &Db,
    formulier: &MeldFormulier,
    g: &Gebruiker,
    nu: DateTime<Utc>,
) -> Result<Indiening, MeldingFout> {
    let registratie = Registratie::parse(formulier, nu);
    let nieuw = NieuweMelding::parse(formulier, crate::tijd::vandaag(nu));
    match (registratie, nieuw) {
        (Ok(r), Ok(nieuw)) => neem_op(db, nieuw, nu, Some((r, g))).await,
        (r, n) => {
            let mut fouten = Veldfouten::default();
            for f in [r.err(), n.err()].into_iter().flatten() {
                fouten.0.extend(f.0);
            }
            Ok(Indiening::Fouten(fouten))
        }
    }
}

/// The reporter as stored: anonymous, or with the contact data they left.
fn melder_invoer(nieuw: &NieuweMelding) -> MelderInvoer {
    match &nieuw.contact {
        Contact::Anoniem => {
            MelderInvoer { relatie: nieuw.relatie, anoniem: true, naam: None, email: None, telefoon: None }
        }
        Contact::Bekend { naam, email, telefoon } => MelderInvoer {
            relatie: nieuw.relatie,
            anoniem: false,
            naam: Some(naam.clone()),
            email: email.clone(),
            telefoon: telefoon.clone(),
        },
    }
}

/// Staff registering a melding set its urgency; a reporter's "acute danger" makes it acute.
fn urgentie(nieuw: &NieuweMelding, registratie: Option<&(Registratie, &Gebruiker)>) -> Urgentie {
    match registratie {
        Some((r, _)) => r.urgentie,
        None if nieuw.acuut => Urgentie::Acuut,
        None => Urgentie::Normaal,
    }
}

/// The first timeline entry: received through the public form, or registered by a staff member.
fn eerste_regel(registratie: Option<&(Registratie, &Gebruiker)>, nu: DateTime<Utc>) -> Regel {
    match registratie {
        None => {
            Regel::nieuw(nu, Tijdlijnsoort::Ontvangen, "Melding ontvangen via webformulier.".into(), "melder".into())
        }
        Some((r, g)) => {
            let tekst = format!(
                "{} ontvangen via {}; geregistreerd door {} op {}.",
                r.soort.label(),
                r.kanaal.label().to_lowercase(),
                g.naam,
                crate::tijd::toon(nu)
            );
            Regel::nieuw(r.ontvangen, Tijdlijnsoort::Ontvangen, tekst, g.naam.clone())
        }
    }
}

/// Stores a checked melding (`registratie`: the staff fields and who registers it).
async fn neem_op(
    db: &Db,
    nieuw: NieuweMelding,
    nu: DateTime<Utc>,
    registratie: Option<(Registratie, &Gebruiker)>,
) -> Result<Indiening, MeldingFout> {
    if let Plaats::Gekend(id) = &nieuw.plaats
        && !repo::locatie_bestaat(db, &id.0).await?
    {
        let mut f = Veldfouten::default();
        f.0.insert("locatie".into(), "Deze opvang vinden we niet. Zoek opnieuw of beschrijf ze.".into());
        return Ok(Indiening::Fouten(f));
    }
    let ontvangen = registratie.as_ref().map_or(nu, |(r, _)| r.ontvangen);
    let referentie = nieuwe_referentie(db, ontvangen.year()).await?;
    let opvolgcode = geheim::opvolgcode();
    let (locatie, locatie_omschrijving) = match &nieuw.plaats {
        Plaats::Gekend(id) => (Some(locatie_record(&id.0)), None),
        Plaats::Omschreven(t) => (None, Some(t.clone())),
    };
    let melder = melder_invoer(&nieuw);
    let urgentie = urgentie(&nieuw, registratie.as_ref());
    let soort = registratie.as_ref().map_or(Zaaksoort::Melding, |(r, _)| r.soort);
    let kanaal = registratie.as_ref().map_or(Kanaal::Webformulier, |(r, _)| r.kanaal);
    // The deadline rule that fits best now; its values stay with the case (a later change of the
    // rule does not move this case's deadlines).
    let regels =
        crate::beheer::service::termijnregels(db).await.map_err(|e| MeldingFout::Inconsistent(e.to_string()))?;
    let waarden = crate::termijnen::regels::kies(&regels, soort, &nieuw.categorieen);
    let klok = Klok { acuut: urgentie == Urgentie::Acuut, waarden, ..Klok::nieuw(ontvangen, soort) };
    let (vervalt_bevestiging, vervalt_uitkomst) = crate::termijnen::model::vervaldata(&klok);
    let melding = MeldingInvoer {
        soort,
        bevestigd: false,
        vervalt_bevestiging,
        vervalt_uitkomst,
        referentie: referentie.to_string(),
        kanaal,
        ontvangen,
        feit_datum: nieuw.feit_datum.format("%Y-%m-%d").to_string(),
        categorieen: nieuw.categorieen.clone(),
        urgentie,
        status: Status::Ontvangen,
        omschrijving: nieuw.omschrijving.clone(),
        locatie,
        locatie_omschrijving,
        melder: melder_record(referentie.as_str()),
        opvolgcode_hash: Some(geheim::hash(&geheim::normaliseer_code(&opvolgcode))),
        termijn_ontvangst: Some(i64::from(waarden.ontvangst)),
        termijn_eenheid: Some(waarden.ontvangst_eenheid),
        termijn_uitkomst: Some(i64::from(waarden.uitkomst_dagen)),
        afgerond: None,
    };
    let tijdlijn = vec![eerste_regel(registratie.as_ref(), nu)];
    repo::bewaar(db, melding, melder, tijdlijn).await?;
    tracing::info!(referentie = %referentie, "melding received");
    Ok(Indiening::Ontvangen(Ontvangstbewijs { referentie, opvolgcode }))
}
