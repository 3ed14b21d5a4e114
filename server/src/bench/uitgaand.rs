//! `meldpunt bench uitgaand` (build with `--features bench`): the outbox at work. Over an
//! in-memory database with demo data and the starter templates, a case worker writes `aantal`
//! e-mails (`berichten::service::verstuur`, each with its letter PDF kept on the case) to
//! `ouder{i}@example.be`. A real SMTP server (scripts/smtp_ontvanger.py, aiosmtpd) receives them.
//! First the werkbak of one case worker is timed with nothing else running; then two outbox
//! workers (`Postbode::ronde`, as two app servers) send everything while the werkbak is timed
//! again beside them. Prints messages per second (until all are sent and arrived at the server),
//! the werkbak p95 idle and during, and their ratio; checks every message arrived exactly once.
//! Exits non-zero below 50 messages/s or when the werkbak p95 during is over 1.2 × idle.
//! A measurement, not a test: the figures depend on the machine and on what else runs on it.

use super::brieven::{database, sjablonen, vul_plekken, zaken};
use super::werkbak::{TijdelijkeMap, scenario_s};
use super::{ms, percentiel};
use app::auth::model::{Gebruiker, Rol, Wachtwoord};
use app::berichten::model::BerichtStatus;
use app::berichten::opstel::Opstel;
use app::berichten::postbus::Postbode;
use app::berichten::repo::OntvangerDb;
use app::berichten::service::{self, Afzender};
use app::gemeen::Db;
use app::gemeen::opslag::Bestanden;
use app::zaak::werkbak_filter::WerkbakFilter;
use chrono::Utc;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use verzending::testserver::SmtpTestServer;

/// Werkbak openings timed with nothing else running.
const HERHALINGEN: usize = 200;
/// Between two werkbak openings: a person clicking, not a load generator.
const PAUZE: Duration = Duration::from_millis(10);
/// Outbox workers side by side, as two app servers.
const WERKERS: usize = 2;

async fn casewerker(db: &Db) -> anyhow::Result<Gebruiker> {
    let (email, naam) = ("bench@meldpunt.test", "Els Vermeulen");
    let wachtwoord = Wachtwoord::new(app::geheim::sessie_token());
    let id = app::auth::service::voeg_gebruiker_toe(db, email, naam, &[Rol::Casewerker], wachtwoord).await?;
    Ok(Gebruiker { id, email: email.into(), naam: naam.into(), rollen: vec![Rol::Casewerker] })
}

/// Writes `aantal` e-mails as a case worker does, each to its own parent, over many cases and
/// every template that needs no second reader (those would wait for review, not in the outbox).
async fn zet_klaar(db: &Db, bestanden: &Bestanden, a: &Afzender, aantal: usize) -> anyhow::Result<()> {
    let g = casewerker(db).await?;
    let sjablonen: Vec<_> = sjablonen(db)
        .await?
        .into_iter()
        .filter(|(s, _)| !s.tweede_lezer && s.kanaal != sjabloon::Kanaal::Brief)
        .collect();
    let zaken = zaken(db, 200).await?;
    let begin = Instant::now();
    for i in 0..aantal {
        let (z, partijen) = &zaken[i % zaken.len()];
        let soort = sjabloon::Zaaksoort::van_tekst(&z.soort);
        let passend: Vec<_> = sjablonen.iter().filter(|(s, _)| soort.is_some_and(|k| s.zaaksoorten.contains(&k))).collect();
        let (s, revisie) = passend
            .get((i / zaken.len()) % passend.len().max(1))
            .copied()
            .ok_or_else(|| anyhow::anyhow!("no template for a {} without a second reader", z.soort))?;
        let c = service::concept(z, &service::team(a), s, *revisie, partijen, Utc::now());
        let o = Opstel {
            kanaal: app::berichten::model::BerichtKanaal::Email,
            postadres: Vec::new(),
            sjabloon: c.sjabloon,
            revisie: c.revisie,
            aan: vec![OntvangerDb { naam: Some(format!("Ouder {i}")), email: format!("ouder{i}@example.be") }],
            onderwerp: vul_plekken(&c.onderwerp),
            inhoud: vul_plekken(&c.inhoud),
            bijlagen: Vec::new(),
        };
        anyhow::ensure!(service::open(&o).is_empty(), "places left open: {:?}", service::open(&o));
        let status = service::verstuur(db, bestanden, a, &g, &z.referentie, &o, Utc::now())
            .await
            .map_err(|e| anyhow::anyhow!("{}: {e}", z.referentie))?;
        anyhow::ensure!(status == BerichtStatus::Wachtrij, "{}: {status:?} instead of wachtrij", z.referentie);
    }
    let duur = begin.elapsed().as_secs_f64();
    println!("e-mails geschreven: {aantal} in {duur:.1} s ({:.1}/s, met de brief-PDF op de zaak)", aantal as f64 / duur);
    Ok(())
}

/// Werkbak pages of one case worker, cycling over the views, until `max` timings or `stop`.
async fn werkbak_meting(db: Db, filters: Vec<WerkbakFilter>, max: usize, stop: Arc<AtomicBool>) -> anyhow::Result<Vec<Duration>> {
    let mut tijden = Vec::new();
    for filter in filters.iter().cycle() {
        if tijden.len() >= max || stop.load(Ordering::Relaxed) {
            break;
        }
        let begin = Instant::now();
        app::meldingen::service::werkbak(&db, filter).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        tijden.push(begin.elapsed());
        tokio::time::sleep(PAUZE).await;
    }
    tijden.sort_unstable();
    Ok(tijden)
}

/// One worker's rounds until the outbox is empty (a round may come back empty while another
/// worker holds the claim, so the queue is asked).
async fn werker(p: Postbode) -> anyhow::Result<usize> {
    let mut genomen = 0;
    loop {
        let n = p.ronde(Utc::now()).await.map_err(|e| anyhow::anyhow!("{}: {e}", p.naam))?;
        genomen += n;
        if n == 0 {
            let (wachtend, _) = app::berichten::wachtrij_repo::tellers(&p.db).await?;
            if wachtend == 0 {
                return Ok(genomen);
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
}

fn aantal_eml(map: &Path) -> usize {
    std::fs::read_dir(map).map_or(0, |lijst| {
        lijst.filter_map(Result::ok).filter(|e| e.file_name().to_string_lossy().ends_with(".eml")).count()
    })
}

/// Sends everything with [`WERKERS`] workers while the werkbak is timed; returns the wall time
/// until all are sent and arrived, and the werkbak timings meanwhile.
async fn verstuur_alles(p: &Postbode, smtp: &SmtpTestServer, filters: Vec<WerkbakFilter>, aantal: usize) -> anyhow::Result<(Duration, Vec<Duration>)> {
    let stop = Arc::new(AtomicBool::new(false));
    let meting = tokio::spawn(werkbak_meting(p.db.clone(), filters, usize::MAX, stop.clone()));
    let begin = Instant::now();
    let werkers: Vec<_> = (1..=WERKERS)
        .map(|i| tokio::spawn(werker(Postbode { naam: format!("bench-{i}"), ..p.clone() })))
        .collect();
    let mut per_werker = Vec::new();
    for w in werkers {
        per_werker.push(w.await??);
    }
    let tot = Instant::now() + Duration::from_secs(60);
    while aantal_eml(&smtp.map()) < aantal && Instant::now() < tot {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let duur = begin.elapsed();
    stop.store(true, Ordering::Relaxed);
    let tijden = meting.await??;
    println!("verstuurd per werker: {per_werker:?}");
    Ok((duur, tijden))
}

/// Every message arrived exactly once: one file per message, each recipient and each stored
/// `Message-ID` once, and nothing left waiting or failed.
async fn controleer(db: &Db, smtp: &SmtpTestServer, aantal: usize) -> anyhow::Result<()> {
    let ontvangen = smtp.berichten();
    let mut per_adres: HashMap<String, usize> = HashMap::new();
    let mut per_id: HashMap<String, usize> = HashMap::new();
    for o in &ontvangen {
        for a in &o.envelop_aan {
            *per_adres.entry(a.clone()).or_default() += 1;
        }
        let kop = o.ruw.split("\r\n\r\n").next().unwrap_or_default();
        if let Some(id) = kop.lines().find_map(|r| r.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case("message-id"))) {
            *per_id.entry(id.1.trim().to_string()).or_default() += 1;
        }
    }
    let verzonden: Vec<String> =
        db.query("SELECT VALUE message_id FROM bericht WHERE status = 'verzonden'").await?.check()?.take(0)?;
    let (wachtend, mislukt) = app::berichten::wachtrij_repo::tellers(db).await?;
    let adressen_ok = (0..aantal).all(|i| per_adres.get(&format!("ouder{i}@example.be")) == Some(&1));
    let ids_ok = verzonden.iter().all(|id| per_id.get(id) == Some(&1));
    println!(
        "ontvangen door de SMTP-server: {} bestanden; verzonden in de databank: {}; wachtend {wachtend}, mislukt {mislukt}",
        ontvangen.len(),
        verzonden.len()
    );
    anyhow::ensure!(
        ontvangen.len() == aantal && verzonden.len() == aantal && wachtend == 0 && mislukt == 0 && adressen_ok && ids_ok,
        "niet elk bericht kwam precies één keer aan (adressen in orde: {adressen_ok}, Message-ID's in orde: {ids_ok})"
    );
    println!("elk bericht kwam precies één keer aan ({aantal} adressen, {aantal} Message-ID's)");
    Ok(())
}

pub async fn uitgaand(content: &Path, aantal: usize, meldingen: usize) -> anyhow::Result<()> {
    let db = database(content, meldingen).await?;
    let map = TijdelijkeMap(std::env::temp_dir().join(format!("meldpunt-bench-uitgaand-{}", std::process::id())));
    let bestanden = Bestanden::new(map.0.join("documenten"));
    let a = Afzender { smtp: true, ..Afzender::default() };
    zet_klaar(&db, &bestanden, &a, aantal).await?;
    let smtp = SmtpTestServer::start();
    println!("SMTP-server: {} (aiosmtpd, scripts/smtp_ontvanger.py)", smtp.url());
    let verzender = verzending::Verzender::nieuw(&smtp.instelling()).map_err(|e| anyhow::anyhow!("{}", e.bericht()))?;
    let p = Postbode { db: db.clone(), verzender, afzender: a, bestanden, naam: String::new() };

    let ik = app::seed::TEAM.iter().find(|m| !m.coordinator).ok_or_else(|| anyhow::anyhow!("no case worker"))?.key;
    let filters: Vec<WerkbakFilter> = scenario_s(ik, "L0006").into_iter().map(|(_, f)| f).collect();
    let rust = werkbak_meting(db.clone(), filters.clone(), HERHALINGEN, Arc::new(AtomicBool::new(false))).await?;
    let (duur, tijdens) = verstuur_alles(&p, &smtp, filters, aantal).await?;
    controleer(&db, &smtp, aantal).await?;

    let per_seconde = aantal as f64 / duur.as_secs_f64();
    let (p95_rust, p95_tijdens) = (percentiel(&rust, 0.95), percentiel(&tijdens, 0.95));
    let verhouding = p95_tijdens.as_secs_f64() / p95_rust.as_secs_f64().max(f64::EPSILON);
    println!("uitgaand: {aantal} e-mails in {:.2} s met {WERKERS} werkers: {per_seconde:.1} berichten/s (doel ≥ 50/s)", duur.as_secs_f64());
    println!("werkbak in rust ({} metingen): p50 {}, p95 {}", rust.len(), ms(percentiel(&rust, 0.50)), ms(p95_rust));
    println!("werkbak tijdens het versturen ({} metingen): p50 {}, p95 {}", tijdens.len(), ms(percentiel(&tijdens, 0.50)), ms(p95_tijdens));
    println!("werkbak p95 tijdens / in rust: {verhouding:.2} (doel ≤ 1.20)");
    let belasting = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("systeembelasting (loadavg): {}", belasting.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    let mut fouten = Vec::new();
    if per_seconde < 50.0 {
        fouten.push(format!("{per_seconde:.1} berichten/s < 50/s"));
    }
    if verhouding > 1.2 {
        fouten.push(format!("werkbak p95 {verhouding:.2} × die in rust (> 1.20)"));
    }
    anyhow::ensure!(fouten.is_empty(), "doel niet gehaald: {}", fouten.join("; "));
    println!("doel gehaald");
    Ok(())
}
