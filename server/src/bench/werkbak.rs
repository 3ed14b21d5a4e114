//! `meldpunt bench werkbak`: the inbox query time over a large seeded database. Loads `meldingen`
//! generated meldingen (the demo generator: 400 days of intake over 120 locations, handled by the
//! demo team of eight case workers), then times one werkbak page — what `/werkbak` asks the
//! database for, the acute block included — for every view and some typical filters.
//! A measurement, not a test: the figures depend on the machine and on what else runs on it.

use super::{ms, percentiel};
use anyhow::Context;
use app::zaak::model::{Categorie, Status};
use app::zaak::werkbak_filter::{Weergave, WerkbakFilter};
use std::time::{Duration, Instant};

/// A folder removed when dropped.
pub(super) struct TijdelijkeMap(pub(super) std::path::PathBuf);

impl Drop for TijdelijkeMap {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The views a case worker opens all day, and some filters and searches on top of them.
pub(super) fn scenario_s(ik: &str, locatie: &str) -> Vec<(&'static str, WerkbakFilter)> {
    let w = |weergave| WerkbakFilter { weergave: Some(weergave), ..WerkbakFilter::default() };
    vec![
        ("open", w(Weergave::Open)),
        ("mijn", WerkbakFilter { mijn: Some(ik.to_string()), ..w(Weergave::Mijn) }),
        ("niet toegewezen", w(Weergave::NietToegewezen)),
        ("te laat", w(Weergave::TeLaat)),
        ("wacht op info", w(Weergave::Wacht)),
        ("acuut", w(Weergave::Acuut)),
        ("alles", w(Weergave::Alle)),
        ("alles, oudste eerst", WerkbakFilter { oudste_eerst: true, ..w(Weergave::Alle) }),
        ("status in behandeling", WerkbakFilter { status: Some(Status::InBehandeling), ..w(Weergave::Open) }),
        ("onderwerp veiligheid", WerkbakFilter { categorie: Some(Categorie::Veiligheid), ..w(Weergave::Alle) }),
        ("één locatie", WerkbakFilter { locatie: Some(locatie.to_string()), ..w(Weergave::Alle) }),
        ("zoeken 'gent'", WerkbakFilter { zoek: Some("gent".into()), ..w(Weergave::Alle) }),
    ]
}

async fn meet(db: &app::gemeen::Db, filter: &WerkbakFilter, herhalingen: usize) -> anyhow::Result<Vec<Duration>> {
    app::meldingen::service::werkbak(db, filter).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut tijden = Vec::with_capacity(herhalingen);
    for _ in 0..herhalingen {
        let begin = Instant::now();
        app::meldingen::service::werkbak(db, filter).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        tijden.push(begin.elapsed());
    }
    tijden.sort_unstable();
    Ok(tijden)
}

pub async fn werkbak(endpoint: Option<String>, meldingen: usize, herhalingen: usize) -> anyhow::Result<()> {
    let mut _opruimen = None;
    let endpoint = match endpoint {
        Some(e) => e,
        None => {
            let map = std::env::temp_dir().join(format!("meldpunt-bench-werkbak-{}", std::process::id()));
            let e = format!("surrealkv://{}", map.display());
            _opruimen = Some(TijdelijkeMap(map));
            e
        }
    };
    println!("database: {endpoint}");
    let db = app::db::verbind(app::db::Verbinding { endpoint: &endpoint, gebruiker: None, wachtwoord: None }).await?;
    app::db::migreer(&db).await?;
    if !app::seed::is_leeg(&db).await? {
        anyhow::bail!("the database already holds meldingen; the benchmark loads into an empty database");
    }
    let begin = Instant::now();
    let n = crate::demo::laad_demo(&db, meldingen).await?;
    println!("meldingen geladen: {n} in {:.1} s", begin.elapsed().as_secs_f64());
    println!("behandelaars: het demoteam van {}", app::seed::TEAM.len());

    // A case worker of the team, for "mijn".
    let ik = app::seed::TEAM.iter().find(|m| !m.coordinator).context("no case worker")?.key;
    let mut alle = Vec::new();
    println!("per weergave, {herhalingen} keer (één pagina van de werkbak, met het acute blok):");
    for (naam, filter) in scenario_s(ik, "L0006") {
        let eerste = app::meldingen::service::werkbak(&db, &filter).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        let tijden = meet(&db, &filter, herhalingen).await?;
        println!(
            "  {naam:<24} rijen {:>3}  p50 {:>12}  p95 {:>12}",
            eerste.rijen.len(),
            ms(percentiel(&tijden, 0.50)),
            ms(percentiel(&tijden, 0.95))
        );
        alle.extend(tijden.iter().copied());
        if let Some(na) = eerste.volgende {
            let volgende = WerkbakFilter { na: Some(na), ..filter };
            let tijden = meet(&db, &volgende, herhalingen).await?;
            println!(
                "  {:<24}          p50 {:>12}  p95 {:>12}",
                format!("{naam}, pagina 2"),
                ms(percentiel(&tijden, 0.50)),
                ms(percentiel(&tijden, 0.95))
            );
            alle.extend(tijden);
        }
    }
    alle.sort_unstable();
    println!("alle weergaven samen: {} metingen", alle.len());
    println!("werkbak p50: {}", ms(percentiel(&alle, 0.50)));
    println!("werkbak p95: {}", ms(percentiel(&alle, 0.95)));
    let belasting = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("systeembelasting (loadavg): {}", belasting.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    Ok(())
}
