//! `meldpunt bench brieven`: letters as the app makes them, one after the other. Over an
//! in-memory database with demo data and the starter templates, each letter fills a template
//! from a case (`berichten::service::concept`), writes a sentence into the places left open and
//! renders the PDF as the composer does (`berichten::pdf::brief` + `berichten::pdf::render`).
//! Prints the time per letter (merge + markdown + PDF: p50, p95, max) and the resident memory
//! before, after the first 10 letters and after all. Exits non-zero when p95 > 100 ms or memory
//! grew by more than 10 % after the first 10 letters.
//! A measurement, not a test: the figures depend on the machine and on what else runs on it.

use super::{ms, percentiel, rss_kib};
use app::berichten::repo::{OntvangerDb, ZaakDb};
use app::berichten::service::{self, Afzender};
use app::berichten::model::{BerichtKanaal, Partij};
use app::gemeen::Db;
use chrono::Utc;
use std::path::Path;
use std::time::{Duration, Instant};

/// The sentence written into every `[[…]]` place, as a case worker would.
const ZIN: &str = "We bezochten de opvang en spraken met de verantwoordelijke.";
/// Cases the letters cycle over.
const ZAKEN: usize = 50;

/// `tekst` with every fill-in place (`[[…]]`) replaced by [`ZIN`].
pub(crate) fn vul_plekken(tekst: &str) -> String {
    let mut uit = String::with_capacity(tekst.len());
    let mut rest = tekst;
    while let Some(begin) = rest.find("[[") {
        let Some(lengte) = rest[begin..].find("]]") else { break };
        uit.push_str(&rest[..begin]);
        uit.push_str(ZIN);
        rest = &rest[begin + lengte + 2..];
    }
    uit.push_str(rest);
    uit
}

/// A fresh in-memory database with `meldingen` demo meldingen and the starter templates.
pub(crate) async fn database(content: &Path, meldingen: usize) -> anyhow::Result<Db> {
    let db = app::db::verbind(app::db::Verbinding { endpoint: "mem://", gebruiker: None, wachtwoord: None }).await?;
    app::db::migreer(&db).await?;
    let begin = Instant::now();
    let n = crate::demo::laad_demo(&db, meldingen).await?;
    println!("meldingen geladen: {n} in {:.1} s (mem://)", begin.elapsed().as_secs_f64());
    let v = app::sjablonen::service::importeer_als_leeg(&db, content)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .ok_or_else(|| anyhow::anyhow!("no templates in {}/sjablonen", content.display()))?;
    println!("sjablonen geladen: {}", v.nieuw);
    Ok(db)
}

/// Every stored template, as the composer reads it (template and revision).
pub(crate) async fn sjablonen(db: &Db) -> anyhow::Result<Vec<(sjabloon::Sjabloon, i64)>> {
    let mut uit = Vec::new();
    for r in app::sjablonen::service::lijst(db).await.map_err(|e| anyhow::anyhow!("{e}"))? {
        let s = app::sjablonen::service::om_te_schrijven(db, &r.slug).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        uit.extend(s);
    }
    Ok(uit)
}

/// The first `max` cases with their parties, read before the clock runs.
pub(crate) async fn zaken(db: &Db, max: usize) -> anyhow::Result<Vec<(ZaakDb, Vec<Partij>)>> {
    let referenties: Vec<String> = db
        .query("SELECT VALUE referentie FROM melding ORDER BY referentie LIMIT $max")
        .bind(("max", max))
        .await?
        .check()?
        .take(0)?;
    let mut uit = Vec::new();
    for r in referenties {
        let z = app::berichten::repo::zaak(db, &r).await?.ok_or_else(|| anyhow::anyhow!("case {r} not found"))?;
        let p = service::partijen(db, &z).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        uit.push((z, p));
    }
    anyhow::ensure!(!uit.is_empty(), "no cases in the database");
    Ok(uit)
}

/// One letter: merge, fill in, markdown and PDF. Returns the PDF's size.
async fn een_brief(a: &Afzender, (z, partijen): &(ZaakDb, Vec<Partij>), (s, revisie): &(sjabloon::Sjabloon, i64)) -> anyhow::Result<usize> {
    let nu = Utc::now();
    let c = service::concept(z, &service::team(a), s, *revisie, partijen, nu);
    let onderwerp = vul_plekken(&c.onderwerp);
    let inhoud = vul_plekken(&c.inhoud);
    let aan: Vec<OntvangerDb> = match partijen.iter().find(|p| p.code == c.publiek).or(partijen.first()) {
        Some(p) => vec![OntvangerDb { naam: Some(p.label.clone()), email: p.email.clone() }],
        None => vec![OntvangerDb { naam: Some("De organisator".into()), email: "organisator@example.be".into() }],
    };
    let brief = app::berichten::pdf::brief(a, &z.referentie, app::berichten::pdf::adres(BerichtKanaal::Email, &aan, &[]), &onderwerp, &inhoud, "Els Vermeulen", nu);
    let pdf = app::berichten::pdf::render(brief).await.map_err(|e| anyhow::anyhow!("{} ({}): {e}", z.referentie, s.slug))?;
    anyhow::ensure!(pdf.starts_with(b"%PDF"), "{} ({}): no PDF", z.referentie, s.slug);
    Ok(pdf.len())
}

pub async fn brieven(content: &Path, aantal: usize) -> anyhow::Result<()> {
    let db = database(content, 300).await?;
    let sjablonen = sjablonen(&db).await?;
    let zaken = zaken(&db, ZAKEN).await?;
    let a = Afzender::default();
    println!("brieven: {aantal}, over {} zaken en {} sjablonen", zaken.len(), sjablonen.len());
    anyhow::ensure!(!sjablonen.is_empty(), "no templates");

    let rss_voor = rss_kib();
    let mut rss_na_10 = rss_voor;
    let mut tijden = Vec::with_capacity(aantal);
    let mut bytes = 0;
    let begin = Instant::now();
    for i in 0..aantal {
        let t = Instant::now();
        bytes += een_brief(&a, &zaken[i % zaken.len()], &sjablonen[i % sjablonen.len()]).await?;
        tijden.push(t.elapsed());
        if i + 1 == 10.min(aantal) {
            rss_na_10 = rss_kib();
        }
    }
    let totaal = begin.elapsed();
    let rss_na = rss_kib();
    tijden.sort_unstable();
    let p95 = percentiel(&tijden, 0.95);
    println!("totaal: {:.2} s, {:.1} brieven/s, gemiddeld {} KiB per PDF", totaal.as_secs_f64(), aantal as f64 / totaal.as_secs_f64(), bytes / aantal.max(1) / 1024);
    println!("brief p50: {}", ms(percentiel(&tijden, 0.50)));
    println!("brief p95: {} (doel ≤ 100 ms)", ms(p95));
    println!("brief max: {}", ms(tijden.last().copied().unwrap_or_default()));
    let groei = rss_na as f64 / rss_na_10.max(1) as f64 - 1.0;
    println!("RSS voor: {rss_voor} KiB, na 10: {rss_na_10} KiB, na {aantal}: {rss_na} KiB ({:+.1} % na de eerste 10; doel ≤ +10 %)", groei * 100.0);
    let belasting = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("systeembelasting (loadavg): {}", belasting.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    let mut fouten = Vec::new();
    if p95 > Duration::from_millis(100) {
        fouten.push(format!("p95 {} > 100 ms", ms(p95)));
    }
    if groei > 0.10 {
        fouten.push(format!("RSS groeide {:.1} % (> 10 %)", groei * 100.0));
    }
    anyhow::ensure!(fouten.is_empty(), "doel niet gehaald: {}", fouten.join("; "));
    println!("doel gehaald");
    Ok(())
}
