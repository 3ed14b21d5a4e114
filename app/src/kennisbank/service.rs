//! Storing pages with their revisions: import and export of the page files, saving from the
//! editor with a revision check, publishing, and the diff between two revisions.

use super::fout::KennisFout;
use super::model::{RevisieRegel, RevisieWeergave, Revisies};
use super::omzetten::{inhoud_uit_pagina, pagina_uit_db};
use super::repo::{self, Opslag};
use super::zoekindex::Kennisindex;
use crate::gemeen::Db;
use kennisbank::{Pagina, Soort};
use std::path::Path;

/// What an import did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Verslag {
    pub nieuw: usize,
    pub gewijzigd: usize,
    pub ongewijzigd: usize,
}

/// Stores a page as a new revision when its text differs from the stored one.
/// `gelezen` is the revision the editor read (`None`: take the current one, as an import does).
pub async fn bewaar(
    db: &Db,
    index: &Kennisindex,
    pagina: &Pagina,
    gelezen: Option<i64>,
    door: &str,
    samenvatting: &str,
) -> Result<Option<i64>, KennisFout> {
    let slug = pagina.slug.as_str();
    let huidig = repo::een(db, slug).await?;
    let huidige_revisie = huidig.as_ref().map_or(0, |r| r.revisie);
    if let Some(g) = gelezen
        && g != huidige_revisie
    {
        return Err(KennisFout::Verouderd { gelezen: g, huidig: huidige_revisie });
    }
    if let Some(r) = &huidig
        && pagina_uit_db(r).is_ok_and(|p| &p == pagina)
    {
        return Ok(None);
    }
    let tekst = pagina.naar_tekst();
    match repo::bewaar(db, huidige_revisie, inhoud_uit_pagina(pagina), &tekst, door, samenvatting).await? {
        Opslag::Bewaard(nr) => {
            index.werk_bij(db, slug).await?;
            tracing::info!(slug, revisie = nr, "knowledge page saved");
            Ok(Some(nr))
        }
        // Deleted meanwhile (pages are not deleted today) counts as changed meanwhile.
        Opslag::Verouderd | Opslag::Onbekend => {
            let huidig = repo::een(db, slug).await?.map_or(0, |r| r.revisie);
            Err(KennisFout::Verouderd { gelezen: gelezen.unwrap_or(huidige_revisie), huidig })
        }
    }
}

/// Imports pages; unchanged pages get no new revision.
pub async fn importeer(db: &Db, index: &Kennisindex, paginas: &[Pagina], door: &str) -> Result<Verslag, KennisFout> {
    let mut verslag = Verslag::default();
    for p in paginas {
        let bestond = repo::een(db, p.slug.as_str()).await?.is_some();
        match bewaar(db, index, p, None, door, "Geïmporteerd uit de paginabestanden").await? {
            None => verslag.ongewijzigd += 1,
            Some(_) if bestond => verslag.gewijzigd += 1,
            Some(_) => verslag.nieuw += 1,
        }
    }
    Ok(verslag)
}

/// The page files of a content folder: `<map>/kennisbank/*.md` and `<map>/faq/*.md` when those
/// folders exist, otherwise `<map>/*.md`.
pub fn lees_map(map: &Path) -> Result<Vec<Pagina>, KennisFout> {
    let delen: Vec<_> = ["kennisbank", "faq"].iter().map(|d| map.join(d)).filter(|d| d.is_dir()).collect();
    let mappen = if delen.is_empty() { vec![map.to_path_buf()] } else { delen };
    let mut paginas = Vec::new();
    for m in mappen {
        paginas.extend(kennisbank::laad_map(&m).map_err(|e| KennisFout::Bestand(e.to_string()))?);
    }
    Ok(paginas)
}

pub async fn importeer_map(db: &Db, index: &Kennisindex, map: &Path, door: &str) -> Result<Verslag, KennisFout> {
    let paginas = lees_map(map)?;
    importeer(db, index, &paginas, door).await
}

/// At first start: imports the content folder when the knowledge base is empty.
pub async fn importeer_als_leeg(db: &Db, index: &Kennisindex, map: &Path) -> Result<Option<Verslag>, KennisFout> {
    if !repo::is_leeg(db).await? {
        return Ok(None);
    }
    if !map.is_dir() {
        tracing::warn!(map = %map.display(), "no knowledge-base content folder to import");
        return Ok(None);
    }
    importeer_map(db, index, map, "import bij de eerste start").await.map(Some)
}

/// Writes every page back as a file: `<map>/faq/<slug>.md` for FAQ pages, `<map>/kennisbank/<slug>.md`
/// for the rest. Returns the number of files written.
pub async fn exporteer(db: &Db, map: &Path) -> Result<usize, KennisFout> {
    let schrijf_fout = |e: std::io::Error| KennisFout::Bestand(e.to_string());
    let mut n = 0;
    for rij in repo::alle(db).await? {
        let p = pagina_uit_db(&rij)?;
        let sub = map.join(if p.soort == Soort::Faq { "faq" } else { "kennisbank" });
        std::fs::create_dir_all(&sub).map_err(schrijf_fout)?;
        std::fs::write(sub.join(format!("{}.md", p.slug)), p.naar_tekst()).map_err(schrijf_fout)?;
        n += 1;
    }
    Ok(n)
}

/// The title of a page whose revision `nummer` exists (what a citation keeps); `None` otherwise.
pub async fn citeerbaar(db: &Db, slug: &str, nummer: i64) -> Result<Option<String>, KennisFout> {
    let Some(pagina) = repo::een(db, slug).await? else { return Ok(None) };
    Ok(repo::revisie_tekst(db, slug, nummer).await?.map(|_| pagina.titel))
}

/// Every page's slug and the revision it shows now.
pub async fn huidige_revisies(db: &Db) -> Result<Vec<(String, i64)>, KennisFout> {
    Ok(repo::alle(db).await?.into_iter().map(|p| (p.slug, p.revisie)).collect())
}

/// Publishes or unpublishes a page, and updates the index at once.
pub async fn publiceer(db: &Db, index: &Kennisindex, slug: &str, gepubliceerd: bool) -> Result<(), KennisFout> {
    if !repo::zet_gepubliceerd(db, slug, gepubliceerd).await? {
        return Err(KennisFout::NietGevonden);
    }
    index.werk_bij(db, slug).await?;
    tracing::info!(slug, gepubliceerd, "knowledge page publication changed");
    Ok(())
}

/// The revision list of a page and the line diff from revision `van` to `naar`
/// (default: the previous one to the newest).
pub async fn revisies(db: &Db, slug: &str, van: Option<i64>, naar: Option<i64>) -> Result<Revisies, KennisFout> {
    let pagina = repo::een(db, slug).await?.ok_or(KennisFout::NietGevonden)?;
    let lijst = repo::revisies(db, slug).await?;
    let nieuwste = lijst.first().map_or(0, |r| r.nummer);
    let naar = naar.filter(|n| lijst.iter().any(|r| r.nummer == *n)).unwrap_or(nieuwste);
    let van = van.filter(|n| lijst.iter().any(|r| r.nummer == *n)).unwrap_or((naar - 1).max(1));
    let oud = repo::revisie_tekst(db, slug, van).await?.unwrap_or_default();
    let nieuw = repo::revisie_tekst(db, slug, naar).await?.unwrap_or_default();
    Ok(Revisies {
        slug: slug.to_string(),
        titel: pagina.titel,
        revisies: lijst
            .into_iter()
            .map(|r| RevisieRegel {
                nummer: r.nummer,
                door: r.door,
                tijdstip: crate::tijd::toon(r.tijdstip),
                samenvatting: r.samenvatting,
            })
            .collect(),
        van,
        naar,
        diff: crate::gemeen::diff::regels(&oud, &nieuw),
    })
}

/// Revision `nummer` of a page as it read then, rendered and sanitised as pages are now.
pub async fn revisie(db: &Db, slug: &str, nummer: i64) -> Result<RevisieWeergave, KennisFout> {
    let pagina = repo::een(db, slug).await?.ok_or(KennisFout::NietGevonden)?;
    let lijst = repo::revisies(db, slug).await?;
    let regel = lijst.iter().find(|r| r.nummer == nummer).ok_or(KennisFout::NietGevonden)?;
    let tekst = repo::revisie_tekst(db, slug, nummer).await?.ok_or(KennisFout::NietGevonden)?;
    let oud =
        Pagina::parse(&tekst).map_err(|e| KennisFout::Inconsistent { slug: slug.to_string(), reden: e.to_string() })?;
    let alle = repo::alle(db).await?;
    let html = crate::kennisbank::weergave::render_voor(
        crate::kennisbank::weergave::zonder_titel(&oud.inhoud),
        &alle,
        crate::kennisbank::model::Lezer::Medewerker,
    )
    .html;
    Ok(RevisieWeergave {
        slug: slug.to_string(),
        titel: oud.titel,
        nummer,
        huidige: pagina.revisie,
        door: regel.door.clone(),
        tijdstip: crate::tijd::toon(regel.tijdstip),
        regelgeving: oud.regelgeving,
        artikels: oud.artikels,
        html,
    })
}
