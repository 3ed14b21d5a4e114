//! `meldpunt bench zoeken`: both search engines over the same pages (a generated corpus plus the
//! real content) and the same queries. Prints, per engine, the index build time, query latency
//! percentiles, the resident memory the index added, and recall@3 / MRR on the relevance sets.
//! A measurement, not a test: the figures depend on the machine and on what else runs on it.

pub mod brieven;
#[cfg(feature = "bench")]
pub mod uitgaand;
pub mod werkbak;

use anyhow::Context;
use app::kennisbank::service::lees_map;
use app::kennisbank::zoekdienst::Zoekdienst;
use kennisbank::Pagina;
use kennisbank::relevantie::{self, Relevantievraag};
use kennisbank::zoek::{TantivyZoeker, Zoekvraag};
use std::path::Path;
use std::time::{Duration, Instant};

/// Resident memory in KiB, from /proc/self/status (0 where that does not exist).
pub(crate) fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|r| r.strip_prefix("VmRSS:"))
        .and_then(|r| r.split_whitespace().next())
        .and_then(|g| g.parse().ok())
        .unwrap_or(0)
}

pub(crate) fn percentiel(gesorteerd: &[Duration], p: f64) -> Duration {
    if gesorteerd.is_empty() {
        return Duration::ZERO;
    }
    let i = ((gesorteerd.len() as f64 - 1.0) * p).round() as usize;
    gesorteerd[i.min(gesorteerd.len() - 1)]
}

pub(crate) fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// recall@3 and MRR of an async engine, as `kennisbank::relevantie::meet` computes them.
async fn relevantie(zoeker: &impl Zoekdienst, vragen: &[Relevantievraag]) -> anyhow::Result<relevantie::Meting> {
    let mut rangen = Vec::with_capacity(vragen.len());
    let mut missers = Vec::new();
    for v in vragen {
        let vraag =
            Zoekvraag { limiet: 10, ..if v.publiek { Zoekvraag::publiek(&v.q) } else { Zoekvraag::intern(&v.q) } };
        let treffers = zoeker.zoek(&vraag).await?;
        let rang = treffers.iter().position(|t| v.verwacht.iter().any(|e| e == t.slug.as_str())).map(|i| i + 1);
        if rang.is_none_or(|r| r > 3) {
            missers.push(v.q.clone());
        }
        rangen.push(rang);
    }
    Ok(relevantie::bereken(&rangen, missers))
}

async fn latentie(zoeker: &impl Zoekdienst, vragen: &[String]) -> anyhow::Result<Vec<Duration>> {
    let mut tijden = Vec::with_capacity(vragen.len());
    for (i, v) in vragen.iter().enumerate() {
        let vraag = if i % 2 == 0 { Zoekvraag::publiek(v) } else { Zoekvraag::intern(v) };
        let begin = Instant::now();
        zoeker.zoek(&vraag).await?;
        tijden.push(begin.elapsed());
    }
    tijden.sort_unstable();
    Ok(tijden)
}

async fn meet_engine(
    naam: &str,
    zoeker: &impl Zoekdienst,
    vragen: &[String],
    sets: &[(&str, Vec<Relevantievraag>)],
) -> anyhow::Result<()> {
    for v in vragen.iter().take(100) {
        zoeker.zoek(&Zoekvraag::intern(v)).await?;
    }
    let tijden = latentie(zoeker, vragen).await?;
    println!("{naam} zoekvragen: {}", tijden.len());
    println!("{naam} latentie p50: {}", ms(percentiel(&tijden, 0.50)));
    println!("{naam} latentie p95: {}", ms(percentiel(&tijden, 0.95)));
    println!("{naam} latentie p99: {}", ms(percentiel(&tijden, 0.99)));
    for (set, rv) in sets {
        let m = relevantie(zoeker, rv).await?;
        println!("{naam} relevantie {set}: {} vragen, recall@3 {:.3}, MRR {:.3}", m.aantal, m.recall_bij_3, m.mrr);
        for q in m.missers.iter().take(12) {
            println!("{naam}   niet in top 3 ({set}): {q}");
        }
    }
    Ok(())
}

pub async fn zoeken(content: &Path, paginas: usize, aantal_vragen: usize) -> anyhow::Result<()> {
    let echte = lees_map(content).with_context(|| format!("cannot read {}", content.display()))?;
    let relmap = content.join("relevantie");
    let rv = if relmap.is_dir() { relevantie::laad_map(&relmap)? } else { Vec::new() };
    let sets: Vec<(&str, Vec<Relevantievraag>)> = vec![
        ("publiek", rv.iter().filter(|v| v.publiek).cloned().collect()),
        ("intern", rv.iter().filter(|v| !v.publiek).cloned().collect()),
    ];
    let mut alle: Vec<Pagina> = kennisbank::corpus::genereer(paginas, 2026);
    alle.extend(echte.iter().cloned());
    let mut vragen = kennisbank::corpus::zoekvragen(aantal_vragen, 7);
    vragen.extend(rv.iter().map(|r| r.q.clone()));
    println!("pagina's: {} ({} gegenereerd, {} echte)", alle.len(), paginas, echte.len());
    println!("zoekvragen: {} ({} gegenereerd, {} uit de relevantiesets)", vragen.len(), aantal_vragen, rv.len());

    let rss_voor = rss_kib();
    let begin = Instant::now();
    let tantivy = TantivyZoeker::bouw(&alle)?;
    println!("A tantivy index bouwen: {}", ms(begin.elapsed()));
    println!("A tantivy RSS toename: {} KiB (RSS nu {} KiB)", rss_kib().saturating_sub(rss_voor), rss_kib());
    meet_engine("A tantivy", &tantivy, &vragen, &sets).await?;

    surrealdb(&alle, &vragen, &sets).await?;
    let belasting = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("systeembelasting (loadavg): {}", belasting.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    Ok(())
}

/// Engine B, SurrealDB FULLTEXT: only in a build with `--features bench`.
#[cfg(feature = "bench")]
async fn surrealdb(alle: &[Pagina], vragen: &[String], sets: &[(&str, Vec<Relevantievraag>)]) -> anyhow::Result<()> {
    use app::kennisbank::surreal_zoeker::SurrealZoeker;
    let db = app::db::verbind(app::db::Verbinding { endpoint: "mem://", gebruiker: None, wachtwoord: None }).await?;
    let rss_voor = rss_kib();
    let begin = Instant::now();
    let mut surreal = SurrealZoeker::nieuw(db).await?;
    surreal.voeg_toe(alle).await?;
    println!("B surrealdb index bouwen (invoegen met FULLTEXT-indexen): {}", ms(begin.elapsed()));
    println!("B surrealdb RSS toename: {} KiB (RSS nu {} KiB)", rss_kib().saturating_sub(rss_voor), rss_kib());
    meet_engine("B surrealdb", &surreal, vragen, sets).await
}

#[cfg(not(feature = "bench"))]
async fn surrealdb(_: &[Pagina], _: &[String], _: &[(&str, Vec<Relevantievraag>)]) -> anyhow::Result<()> {
    println!("B surrealdb: niet in deze build (cargo build --release -p server --features bench)");
    Ok(())
}
