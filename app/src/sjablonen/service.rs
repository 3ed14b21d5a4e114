//! Storing templates with their revisions: import and export of the template files, saving from
//! the editor with a revision check, creating a new one, and the pages' data. The editor's fields
//! are read in `invoer`.

use super::fout::SjabloonFout;
pub use super::invoer::uit_invoer;
use super::invoer::{alle_velden, fouten_tekst};
use super::model::{BewerkData, RevisieRegel, SjabloonInvoer, SjabloonPagina, SjabloonRegel, Verschil};
use super::repo::{self, Kenmerken, Opslag, SjabloonDb};
use crate::gemeen::Db;
use chrono::{DateTime, Utc};
use sjabloon::{Sjabloon, lees, naar_bestand, velden_in};
use std::path::Path;

/// What an import did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Verslag {
    pub nieuw: usize,
    pub gewijzigd: usize,
    pub ongewijzigd: usize,
}

/// The stored file, read again (every write was read first, so a failure is ours).
fn gelezen(r: &SjabloonDb) -> Result<Sjabloon, SjabloonFout> {
    lees(&r.tekst).map_err(|f| SjabloonFout::Inconsistent { slug: r.slug.clone(), reden: fouten_tekst(&f) })
}

fn kenmerken(s: &Sjabloon) -> Kenmerken {
    Kenmerken {
        titel: s.titel.clone(),
        kanaal: s.kanaal.als_tekst().into(),
        publiek: s.publiek.als_tekst().into(),
        tweede_lezer: s.tweede_lezer,
        automatisch: s.automatisch.map(|g| g.als_tekst().into()),
        zaaksoorten: s.zaaksoorten.iter().map(|z| z.als_tekst().into()).collect(),
    }
}

fn regel(r: &SjabloonDb, s: &Sjabloon) -> SjabloonRegel {
    let k = kenmerken(s);
    SjabloonRegel {
        slug: r.slug.clone(),
        titel: k.titel,
        kanaal: k.kanaal,
        publiek: k.publiek,
        tweede_lezer: k.tweede_lezer,
        automatisch: k.automatisch,
        zaaksoorten: k.zaaksoorten,
        revisie: r.revisie,
        gewijzigd: r.gewijzigd,
    }
}

/// Stores a template as a new revision when its file differs from the stored one. `gelezen` is
/// the revision the editor read (`None`: take the current one, as an import does).
pub async fn bewaar(
    db: &Db,
    s: &Sjabloon,
    gelezen: Option<i64>,
    door: &str,
    samenvatting: &str,
) -> Result<Option<i64>, SjabloonFout> {
    let huidig = repo::een(db, &s.slug).await?;
    if gelezen.is_some() && huidig.is_none() {
        return Err(SjabloonFout::NietGevonden);
    }
    let huidige_revisie = huidig.as_ref().map_or(0, |r| r.revisie);
    if let Some(g) = gelezen
        && g != huidige_revisie
    {
        return Err(SjabloonFout::Verouderd { gelezen: g, huidig: huidige_revisie });
    }
    let tekst = naar_bestand(s);
    if huidig.as_ref().is_some_and(|r| r.tekst == tekst) {
        return Ok(None);
    }
    match repo::bewaar(db, &s.slug, huidige_revisie, kenmerken(s), &tekst, door, samenvatting).await? {
        Opslag::Bewaard(nr) => {
            tracing::info!(slug = s.slug, revisie = nr, "template saved");
            Ok(Some(nr))
        }
        Opslag::Verouderd | Opslag::Onbekend => {
            let huidig = repo::een(db, &s.slug).await?.map_or(0, |r| r.revisie);
            Err(SjabloonFout::Verouderd { gelezen: gelezen.unwrap_or(huidige_revisie), huidig })
        }
    }
}

/// Stores a new template as revision 1. Refused when one with its short name exists, also one
/// created at the same moment: the write checks in its transaction that there is none yet.
pub async fn nieuw(db: &Db, s: &Sjabloon, door: &str) -> Result<(), SjabloonFout> {
    let geschreven = repo::bewaar(db, &s.slug, 0, kenmerken(s), &naar_bestand(s), door, "Nieuw sjabloon").await;
    match geschreven {
        Ok(Opslag::Bewaard(_)) => {
            tracing::info!(slug = s.slug, "template created");
            Ok(())
        }
        Ok(Opslag::Verouderd | Opslag::Onbekend) => Err(SjabloonFout::Bestaat),
        // A write that lost to another (the unique indexes): refused as taken, not as a failure.
        Err(_) if repo::een(db, &s.slug).await?.is_some() => Err(SjabloonFout::Bestaat),
        Err(e) => Err(e.into()),
    }
}

/// Imports templates; unchanged ones get no new revision.
pub async fn importeer(db: &Db, sjablonen: &[Sjabloon], door: &str) -> Result<Verslag, SjabloonFout> {
    let mut v = Verslag::default();
    for s in sjablonen {
        // A new template's first revision is 1; a changed one's is higher.
        match bewaar(db, s, None, door, "Geïmporteerd uit een bestand").await? {
            None => v.ongewijzigd += 1,
            Some(1) => v.nieuw += 1,
            Some(_) => v.gewijzigd += 1,
        }
    }
    Ok(v)
}

/// Reads every `*.md` of a folder; one bad file refuses the whole folder, naming each problem.
pub fn lees_map(map: &Path) -> Result<Vec<Sjabloon>, SjabloonFout> {
    let bestand = |pad: &Path| pad.display().to_string();
    let fout = |pad: &Path, fouten: String| SjabloonFout::Bestand { bestand: bestand(pad), fouten };
    let mut paden: Vec<_> = std::fs::read_dir(map)
        .map_err(|e| fout(map, e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paden.sort();
    let mut uit = Vec::new();
    for pad in paden {
        let tekst = std::fs::read_to_string(&pad).map_err(|e| fout(&pad, e.to_string()))?;
        let s = lees(&tekst).map_err(|f| fout(&pad, fouten_tekst(&f)))?;
        if pad.file_stem().is_some_and(|n| n.to_string_lossy() != s.slug) {
            return Err(fout(&pad, format!("de bestandsnaam moet {}.md zijn", s.slug)));
        }
        uit.push(s);
    }
    Ok(uit)
}

pub async fn importeer_map(db: &Db, map: &Path, door: &str) -> Result<Verslag, SjabloonFout> {
    importeer(db, &lees_map(map)?, door).await
}

/// At first start: the starter set from `<content>/sjablonen`, when there are no templates yet.
pub async fn importeer_als_leeg(db: &Db, content: &Path) -> Result<Option<Verslag>, SjabloonFout> {
    let map = content.join("sjablonen");
    if !repo::is_leeg(db).await? || !map.is_dir() {
        return Ok(None);
    }
    importeer_map(db, &map, "meldpunt (eerste start)").await.map(Some)
}

/// Writes every template as `<map>/<slug>.md`; returns how many.
pub async fn exporteer(db: &Db, map: &Path) -> Result<usize, SjabloonFout> {
    let fout = |e: std::io::Error| SjabloonFout::Bestand { bestand: map.display().to_string(), fouten: e.to_string() };
    std::fs::create_dir_all(map).map_err(fout)?;
    let alle = repo::alle(db).await?;
    for r in &alle {
        std::fs::write(map.join(format!("{}.md", r.slug)), &r.tekst).map_err(fout)?;
    }
    Ok(alle.len())
}

pub async fn lijst(db: &Db) -> Result<Vec<SjabloonRegel>, SjabloonFout> {
    let mut uit = Vec::new();
    for r in repo::alle(db).await? {
        uit.push(regel(&r, &gelezen(&r)?));
    }
    uit.sort_by(|a, b| (&a.publiek, &a.titel).cmp(&(&b.publiek, &b.titel)));
    Ok(uit)
}

/// One template; `van`/`naar` choose the versions compared (default: the newest and the one before).
pub async fn pagina(
    db: &Db,
    slug: &str,
    nu: DateTime<Utc>,
    van: Option<i64>,
    naar: Option<i64>,
) -> Result<SjabloonPagina, SjabloonFout> {
    let (r, revisies, jargon) =
        tokio::join!(repo::een(db, slug), repo::revisies(db, slug), super::jargon::voor_schrijfhulp(db));
    let (r, revisies) = (r?.ok_or(SjabloonFout::NietGevonden)?, revisies?);
    let s = gelezen(&r)?;
    let mut velden = velden_in(&s.onderwerp);
    for v in velden_in(&s.inhoud) {
        if !velden.contains(&v) {
            velden.push(v);
        }
    }
    let verschil = verschil(db, slug, &revisies, van, naar).await?;
    Ok(SjabloonPagina {
        regel: regel(&r, &s),
        onderwerp: s.onderwerp.bron().into(),
        inhoud: s.inhoud.bron().into(),
        voorbeeld: super::voorbeeld::vul_voorbeeld(&s, nu, &jargon),
        velden: velden.into_iter().map(|v| (v.to_string(), uitleg(v))).collect(),
        revisies: revisies
            .into_iter()
            .map(|r| RevisieRegel {
                nummer: r.nummer,
                door: r.door,
                tijdstip: r.tijdstip,
                samenvatting: r.samenvatting,
            })
            .collect(),
        verschil,
    })
}

/// The diff between two existing versions; an unknown number falls back to the default.
async fn verschil(
    db: &Db,
    slug: &str,
    revisies: &[repo::RevisieDb],
    van: Option<i64>,
    naar: Option<i64>,
) -> Result<Option<Verschil>, SjabloonFout> {
    if revisies.len() < 2 {
        return Ok(None);
    }
    let bestaat = |n: &i64| revisies.iter().any(|r| r.nummer == *n);
    let nieuwste = revisies.first().map_or(1, |r| r.nummer);
    let naar = naar.filter(bestaat).unwrap_or(nieuwste);
    let van = van.filter(bestaat).unwrap_or((naar - 1).max(1));
    let (oud, nieuw) = tokio::join!(repo::revisie_tekst(db, slug, van), repo::revisie_tekst(db, slug, naar));
    let regels = crate::gemeen::diff::regels(&oud?.unwrap_or_default(), &nieuw?.unwrap_or_default());
    Ok(Some(Verschil { van, naar, regels }))
}

fn uitleg(veld: &str) -> String {
    sjabloon::VELDEN.iter().find(|v| v.naam == veld).map_or_else(String::new, |v| v.uitleg.to_string())
}

pub async fn bewerkdata(db: &Db, slug: &str) -> Result<BewerkData, SjabloonFout> {
    let r = repo::een(db, slug).await?.ok_or(SjabloonFout::NietGevonden)?;
    let s = gelezen(&r)?;
    let invoer = SjabloonInvoer {
        titel: s.titel.clone(),
        kanaal: s.kanaal.als_tekst().into(),
        publiek: s.publiek.als_tekst().into(),
        tweede_lezer: s.tweede_lezer,
        automatisch: s.automatisch.map_or_else(String::new, |g| g.als_tekst().into()),
        zaaksoorten: s.zaaksoorten.iter().map(|z| z.als_tekst().into()).collect(),
        onderwerp: s.onderwerp.bron().into(),
        inhoud: s.inhoud.bron().into(),
        revisie: r.revisie.to_string(),
        wijziging: String::new(),
    };
    Ok(BewerkData { slug: r.slug, invoer, alle_velden: alle_velden() })
}

/// A template to write from, as stored now, with its revision (the composer's draft).
pub async fn om_te_schrijven(db: &Db, slug: &str) -> Result<Option<(Sjabloon, i64)>, SjabloonFout> {
    match repo::een(db, slug).await? {
        Some(r) => Ok(Some((gelezen(&r)?, r.revisie))),
        None => Ok(None),
    }
}

/// The templates that go out by themselves on `g` for a case of `soort`, with their revisions.
pub async fn automatisch(
    db: &Db,
    g: sjabloon::Gebeurtenis,
    soort: sjabloon::Zaaksoort,
) -> Result<Vec<(Sjabloon, i64)>, SjabloonFout> {
    let mut uit = Vec::new();
    for r in repo::alle(db).await? {
        let s = gelezen(&r)?;
        if s.automatisch == Some(g) && s.zaaksoorten.contains(&soort) {
            uit.push((s, r.revisie));
        }
    }
    Ok(uit)
}
