//! Dossiers as the staff pages show them: the list, and one dossier with its steps, when each
//! public step reaches the register, and the licence's history.

use super::fout::HandhavingFout;
use super::model::{DossierPagina, DossierRegel, Dossierlijst, SCHRIJVERS, StapRegel};
use super::register::{STANDAARD_EMBARGO_WERKDAGEN, zichtbaar_vanaf};
use super::repo::{self, DossierDb, StapDb};
use crate::auth::model::Gebruiker;
use crate::gemeen::Db;
use crate::tijd::vandaag;

fn mag_schrijven(g: &Gebruiker) -> bool {
    g.rollen.iter().any(|r| SCHRIJVERS.contains(r))
}

fn regel(d: &DossierDb) -> DossierRegel {
    DossierRegel {
        id: d.id.clone(),
        nummer: d.nummer.clone(),
        locatie_naam: d.locatie_naam.clone(),
        gemeente: d.gemeente.clone(),
        vergunning: d.vergunning,
        open: d.open,
        geopend: d.geopend,
    }
}

fn stap(s: &StapDb) -> StapRegel {
    let betekend = s.betekend.map(vandaag);
    StapRegel {
        volgnummer: s.volgnummer,
        soort: s.soort,
        maatregel: s.maatregel,
        onmiddellijk: s.onmiddellijk,
        reden: s.reden.clone(),
        tekst: s.tekst.clone(),
        datum: vandaag(s.datum),
        betekend,
        termijn: s.termijn.map(vandaag),
        publiek: s.publiek,
        openbaar_vanaf: betekend.filter(|_| s.publiek).map(|b| zichtbaar_vanaf(b, STANDAARD_EMBARGO_WERKDAGEN)),
        door: s.door.clone(),
    }
}

pub async fn lijst(db: &Db, g: &Gebruiker) -> Result<Dossierlijst, HandhavingFout> {
    let dossiers = repo::lijst(db).await?.iter().map(regel).collect();
    Ok(Dossierlijst { dossiers, mag_schrijven: mag_schrijven(g) })
}

pub async fn pagina(db: &Db, g: &Gebruiker, key: &str) -> Result<DossierPagina, HandhavingFout> {
    if !crate::gemeen::is_sleutel(key) {
        return Err(HandhavingFout::NietGevonden);
    }
    let d = repo::een(db, key).await?.ok_or(HandhavingFout::NietGevonden)?;
    let stappen = repo::stappen(db, key).await?.iter().map(stap).collect();
    let historiek = repo::historiek(db, &d.locatie).await?;
    Ok(DossierPagina {
        regel: regel(&d),
        organisator: d.organisator.clone(),
        aanleiding: d.aanleiding.clone(),
        meldingen: d.meldingen.clone(),
        geopend_door: d.geopend_door.clone(),
        versie: d.versie,
        stappen,
        historiek,
        mag_schrijven: mag_schrijven(g),
    })
}
