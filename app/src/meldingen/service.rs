//! Reading meldingen: the werkbak and the case page, from the queries and the other case
//! features. Intake is in `intake`.

use super::model::*;
use super::werkbak_repo;
use crate::error::AppError;
use crate::gemeen::Db;
use crate::gemeen::tijdlijn::item;
use crate::termijnen::model::{Klok, Termijn, termijnen};
use crate::zaak::model::{Referentie, Urgentie, is_afgerond};
use crate::zaak::werkbak_filter::{WerkbakCursor, WerkbakFilter};
use chrono::{DateTime, Utc};

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
    Ok(WerkbakPagina { acuut, rijen, volgende, niet_verzonden: None })
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
