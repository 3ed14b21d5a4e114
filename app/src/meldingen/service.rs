//! Intake and reading of meldingen: the rules between the server functions and the queries.

use super::formulier::{Contact, MeldFormulier, NieuweMelding, Plaats};
use super::model::*;
use super::registratie::Registratie;
use super::repo;
use super::werkbak_repo;
use crate::auth::model::Gebruiker;
use crate::error::AppError;
use crate::geheim;
use crate::gemeen::Db;
use crate::gemeen::Veldfouten;
use crate::gemeen::records::{locatie_record, melder_record};
use crate::gemeen::tijdlijn::{Regel, Tijdlijnsoort, item};
use crate::termijnen::model::{Klok, Termijn, termijnen};
use crate::zaak::model::{Kanaal, Referentie, Status, Urgentie, Zaaksoort, is_afgerond};
use crate::zaak::werkbak_filter::{WerkbakCursor, WerkbakFilter};
use chrono::{DateTime, Datelike, Utc};

#[derive(Debug, thiserror::Error)]
pub enum MeldingFout {
    #[error("database: {0}")]
    Db(#[from] surrealdb::Error),
    #[error("no reference number could be taken after {0} attempts")]
    GeenVolgnummer(u32),
    #[error("stored data does not match the domain: {0}")]
    Inconsistent(String),
}

impl From<MeldingFout> for AppError {
    fn from(e: MeldingFout) -> Self {
        tracing::error!(error = %e, "melding failure");
        AppError::Intern
    }
}

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

fn rij(r: werkbak_repo::WerkbakRijDb, nu: DateTime<Utc>) -> Result<WerkbakRij, MeldingFout> {
    let klok = Klok {
        ontvangen: r.ontvangen,
        soort: r.soort,
        waarden: crate::termijnen::regels::Termijnwaarden::uit_opslag(
            r.soort,
            r.termijn_ontvangst,
            r.termijn_eenheid,
            r.termijn_uitkomst,
        ),
        bevestigd: r.bevestigd,
        afgerond: is_afgerond(r.status),
        pauze_dagen: r.pauze_dagen,
        pauze_sinds: r.pauze_sinds,
        verlenging_dagen: r.verlenging_dagen,
        acuut: r.urgentie == Urgentie::Acuut,
    };
    Ok(WerkbakRij {
        te_laat: termijnen(&klok, nu).iter().any(Termijn::te_laat),
        behandelaar: r.behandelaar,
        medebehandelaar: r.medebehandelaar,
        referentie: Referentie::parse(&r.referentie).ok_or_else(|| MeldingFout::Inconsistent(r.referentie.clone()))?,
        ontvangen: r.ontvangen,
        locatie: r.locatie.or(r.locatie_omschrijving).unwrap_or_default(),
        gemeente: r.gemeente.unwrap_or_default(),
        categorieen: r.categorieen,
        urgentie: r.urgentie,
        status: r.status,
    })
}

/// One page of a werkbak view, with the open acute meldingen on top.
pub async fn werkbak(db: &Db, filter: &WerkbakFilter) -> Result<WerkbakPagina, MeldingFout> {
    let nu = chrono::Utc::now();
    let vandaag = crate::tijd::vandaag(nu).format("%Y-%m-%d").to_string();
    let (rijen, acuut) = futures::future::try_join(
        werkbak_repo::werkbak(db, filter, &vandaag),
        werkbak_repo::acuut_open(db, filter.accountbeheerder.clone()),
    )
    .await?;
    let meer = rijen.len() > WERKBAK_PAGINA;
    let rijen: Vec<WerkbakRij> =
        rijen.into_iter().take(WERKBAK_PAGINA).map(|r| rij(r, nu)).collect::<Result<_, MeldingFout>>()?;
    let acuut = acuut.into_iter().map(|r| rij(r, nu)).collect::<Result<_, MeldingFout>>()?;
    let volgende = meer
        .then(|| rijen.last().map(|r| WerkbakCursor { ontvangen: r.ontvangen, referentie: r.referentie.to_string() }))
        .flatten();
    Ok(WerkbakPagina { acuut, rijen, volgende })
}

pub async fn detail(db: &Db, referentie: &Referentie) -> Result<Option<MeldingDetail>, MeldingFout> {
    let Some((m, tijdlijn)) = crate::zaak::service::gegevens(db, referentie.as_str()).await? else {
        return Ok(None);
    };
    let stand = crate::behandeling::service::stand(db, referentie.as_str())
        .await
        .map_err(|e| MeldingFout::Inconsistent(e.to_string()))?
        .ok_or_else(|| MeldingFout::Inconsistent(format!("{referentie} has no handling facts")))?;
    let locatie = match &m.locatie_id {
        Some(id) => crate::locaties::service::detail(db, id).await?,
        None => None,
    };
    let zaak = crate::behandeling::service::zaak(&stand);
    let melder = crate::zaak::service::melder(&m);
    Ok(Some(MeldingDetail {
        termijnen: termijnen(&stand.klok(zaak.is_afgerond()), chrono::Utc::now()),
        referentie: referentie.clone(),
        kanaal: m.kanaal,
        ontvangen: stand.ontvangen,
        feit_datum: m.feit_datum,
        categorieen: m.categorieen,
        urgentie: stand.urgentie,
        status: zaak.status,
        omschrijving: m.omschrijving,
        locatie,
        locatie_omschrijving: m.locatie_omschrijving,
        melder,
        tijdlijn: tijdlijn.into_iter().map(item).collect(),
        soort: stand.soort,
        versie: stand.versie,
        behandelaar: stand.behandelaar.clone().zip(m.behandelaar_naam),
        conclusie_tekst: stand.conclusie_tekst.clone(),
        medewerkers: Vec::new(),
        adviesvragen: Vec::new(),
        geadresseerden: Vec::new(),
        zaak,
    }))
}
