//! Search benchmark: `zoekbench --pagina's 10000 --content <dir>`.
//!
//! Builds the tantivy index over a generated corpus plus the real pages of `<dir>/kennisbank` and
//! `<dir>/faq`, then prints build time, query latency percentiles, resident memory and the relevance
//! figures of `<dir>/relevantie/*.toml`, one figure per line.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use kennisbank::relevantie::{self, Relevantievraag};
use kennisbank::zoek::{TantivyZoeker, Zoekmachine, Zoekvraag};
use kennisbank::{Pagina, corpus, render};

struct Opties {
    paginas: usize,
    content: Option<PathBuf>,
    vragen: usize,
}

fn opties() -> Result<Opties, String> {
    let mut o = Opties { paginas: 10_000, content: None, vragen: 3_000 };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut waarde = || args.next().ok_or(format!("{arg} verwacht een waarde"));
        match arg.as_str() {
            "--pagina's" | "--paginas" => o.paginas = waarde()?.parse().map_err(|e| format!("--pagina's: {e}"))?,
            "--vragen" => o.vragen = waarde()?.parse().map_err(|e| format!("--vragen: {e}"))?,
            "--content" => o.content = Some(PathBuf::from(waarde()?)),
            "-h" | "--help" => return Err("gebruik: zoekbench [--pagina's N] [--vragen N] [--content MAP]".into()),
            ander => return Err(format!("onbekende optie {ander}")),
        }
    }
    Ok(o)
}

/// Resident memory in KiB, from /proc/self/status (0 where that does not exist).
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|r| r.strip_prefix("VmRSS:"))
        .and_then(|r| r.split_whitespace().next())
        .and_then(|g| g.parse().ok())
        .unwrap_or(0)
}

/// The pages of one folder; pages that do not parse are reported and skipped.
fn lees_paginas(map: &Path) -> Vec<Pagina> {
    let Ok(items) = std::fs::read_dir(map) else { return Vec::new() };
    let mut paden: Vec<PathBuf> =
        items.filter_map(|i| i.ok().map(|i| i.path())).filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
    paden.sort();
    let mut paginas = Vec::new();
    for pad in paden {
        match std::fs::read_to_string(&pad)
            .map_err(|e| e.to_string())
            .and_then(|t| Pagina::parse(&t).map_err(|e| e.to_string()))
        {
            Ok(p) => paginas.push(p),
            Err(e) => println!("overgeslagen: {}: {e}", pad.display()),
        }
    }
    paginas
}

/// CPU time this thread has run, from /proc/thread-self/schedstat (`None` where that does not exist).
/// On a machine shared with other work, wall-clock latency includes waiting for a core; this does not.
/// It is updated at scheduler ticks, so it is only meaningful summed over many queries.
fn cpu_tijd() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok().map(Duration::from_nanos)
}

fn percentiel(gesorteerd: &[Duration], p: f64) -> Duration {
    if gesorteerd.is_empty() {
        return Duration::ZERO;
    }
    let i = ((gesorteerd.len() as f64 - 1.0) * p).round() as usize;
    gesorteerd[i.min(gesorteerd.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn relevantie_regels(naam: &str, zoeker: &TantivyZoeker, vragen: &[Relevantievraag]) -> Result<(), String> {
    if vragen.is_empty() {
        return Ok(());
    }
    let m = relevantie::meet(zoeker, vragen).map_err(|e| e.to_string())?;
    println!("relevantie {naam} vragen: {}", m.aantal);
    println!("relevantie {naam} recall@3: {:.3}", m.recall_bij_3);
    println!("relevantie {naam} MRR: {:.3}", m.mrr);
    for q in &m.missers {
        println!("relevantie {naam} niet in top 3: {q}");
    }
    Ok(())
}

fn draai() -> Result<(), String> {
    let o = opties()?;
    let rss_start = rss_kib();
    let mut echte = Vec::new();
    let mut relevantieset = Vec::new();
    if let Some(map) = &o.content {
        let (kb, faq) = (lees_paginas(&map.join("kennisbank")), lees_paginas(&map.join("faq")));
        let bekend: std::collections::HashSet<String> = kb.iter().chain(&faq).map(|p| p.slug.to_string()).collect();
        let kapot: usize = kb
            .iter()
            .chain(&faq)
            .map(|p| render::render(&p.inhoud, &|s| bekend.contains(s), "").kapotte_links.len())
            .sum();
        println!("content kennisbank: {} pagina's", kb.len());
        println!("content faq: {} pagina's", faq.len());
        println!("content kapotte links: {kapot}");
        echte.extend(kb);
        echte.extend(faq);
        let relmap = map.join("relevantie");
        if relmap.is_dir() {
            relevantieset = relevantie::laad_map(&relmap).map_err(|e| e.to_string())?;
        }
    }

    if !echte.is_empty() && !relevantieset.is_empty() {
        let alleen = TantivyZoeker::bouw(&echte).map_err(|e| e.to_string())?;
        relevantie_regels("(alleen content)", &alleen, &relevantieset)?;
    }

    let gegenereerd = corpus::genereer(o.paginas, 2026);
    let woorden: usize = gegenereerd.iter().map(|p| p.inhoud.split_whitespace().count()).sum();
    println!("gegenereerde pagina's: {}", gegenereerd.len());
    println!("gemiddeld woorden per gegenereerde pagina: {}", woorden / gegenereerd.len().max(1));
    let rss_voor = rss_kib();
    let begin = Instant::now();
    let mut zoeker = TantivyZoeker::bouw(gegenereerd.iter().chain(&echte)).map_err(|e| e.to_string())?;
    println!("index bouwen: {}", ms(begin.elapsed()));
    println!("pagina's in index: {}", zoeker.aantal());
    let rss_na = rss_kib();
    println!("RSS bij start: {rss_start} KiB");
    println!("RSS voor index (corpus in geheugen): {rss_voor} KiB");
    println!("RSS na index: {rss_na} KiB");
    println!("RSS toename door index: {} KiB", rss_na.saturating_sub(rss_voor));
    drop(gegenereerd);

    let mut vragen = corpus::zoekvragen(o.vragen, 7);
    vragen.extend(relevantieset.iter().map(|r| r.q.clone()));
    for v in vragen.iter().take(200) {
        zoeker.zoek(&Zoekvraag::intern(v)).map_err(|e| e.to_string())?;
    }
    let mut tijden = Vec::with_capacity(vragen.len());
    let mut treffers = 0usize;
    let cpu_begin = cpu_tijd();
    for (i, v) in vragen.iter().enumerate() {
        let vraag = if i % 2 == 0 { Zoekvraag::publiek(v) } else { Zoekvraag::intern(v) };
        let begin = Instant::now();
        treffers += zoeker.zoek(&vraag).map_err(|e| e.to_string())?.len();
        tijden.push(begin.elapsed());
    }
    let cpu_totaal = cpu_begin.zip(cpu_tijd()).map(|(a, b)| b.saturating_sub(a));
    let wand_totaal: Duration = tijden.iter().sum();
    tijden.sort_unstable();
    println!("zoekvragen: {}", tijden.len());
    println!("gemiddeld treffers per vraag: {:.1}", treffers as f64 / tijden.len().max(1) as f64);
    println!("latentie p50: {}", ms(percentiel(&tijden, 0.50)));
    println!("latentie p95: {}", ms(percentiel(&tijden, 0.95)));
    println!("latentie p99: {}", ms(percentiel(&tijden, 0.99)));
    println!("latentie max: {}", ms(tijden.last().copied().unwrap_or_default()));
    let aantal = u32::try_from(tijden.len().max(1)).unwrap_or(u32::MAX);
    println!("latentie gemiddeld: {}", ms(wand_totaal / aantal));
    if let Some(cpu) = cpu_totaal {
        println!("CPU-tijd gemiddeld per vraag: {}", ms(cpu / aantal));
    }
    let belasting = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("systeembelasting (loadavg): {}", belasting.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    println!("RSS na zoeken: {} KiB", rss_kib());

    if let Some(p) = echte.first() {
        let mut bijwerktijden = Vec::new();
        for _ in 0..10 {
            let begin = Instant::now();
            zoeker.bijwerken(p).map_err(|e| e.to_string())?;
            bijwerktijden.push(begin.elapsed());
        }
        bijwerktijden.sort_unstable();
        println!("bijwerken (één pagina, zoekbaar na terugkeer) p50: {}", ms(percentiel(&bijwerktijden, 0.5)));
    }
    relevantie_regels("(content + corpus)", &zoeker, &relevantieset)
}

fn main() -> ExitCode {
    match draai() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zoekbench: {e}");
            ExitCode::FAILURE
        }
    }
}
