//! Retention in the server: the scheduled job and the `meldpunt retention` command.

use app::bewaring::service;
use app::gemeen::Db;
use app::gemeen::opslag::Bestanden;

/// Runs the retention rule now and then every `minuten` minutes (0: never), in the background.
/// Safe next to a `meldpunt retention` run or a second server: each case is done once.
/// Ended sessions, login steps and old failed attempts are removed at the same moments.
pub fn plan(db: Db, bestanden: Bestanden, dagen: u32, minuten: u64, inactief: chrono::Duration) {
    if minuten == 0 {
        tracing::info!("retention job off (run `meldpunt retention`)");
        return;
    }
    tokio::spawn(async move {
        let mut klok = tokio::time::interval(std::time::Duration::from_secs(minuten.saturating_mul(60)));
        klok.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            klok.tick().await;
            if let Err(e) = service::voer_uit(&db, &bestanden, dagen, chrono::Utc::now()).await {
                tracing::error!(error = %e, "retention job failed; it runs again at the next interval");
            }
            match app::auth::service::ruim_op(&db, chrono::Utc::now(), inactief).await {
                Ok(o) => tracing::info!(
                    sessies = o.sessies,
                    stappen = o.stappen,
                    pogingen = o.pogingen,
                    "ended sessions removed"
                ),
                Err(e) => {
                    tracing::error!(error = %e, "removing ended sessions failed; it runs again at the next interval")
                }
            }
        }
    });
}

/// `meldpunt retention [--dry-run]`: lists the cases and, without `--dry-run`, anonymises them
/// and deletes their documents' files.
pub async fn commando(db: &Db, bestanden: &Bestanden, dagen: u32, dry_run: bool) -> anyhow::Result<()> {
    let nu = chrono::Utc::now();
    let grens = app::tijd::toon(service::grens(dagen, nu));
    let (lijst, weg) = if dry_run {
        (service::te_doen(db, dagen, nu).await?, 0)
    } else {
        let u = service::voer_uit(db, bestanden, dagen, nu).await?;
        (u.meldingen, u.bestanden)
    };
    for k in &lijst {
        println!("{}  afgerond op {}", k.referentie, app::tijd::toon(k.afgerond));
    }
    if dry_run {
        println!(
            "Proefdraaien: {} melding(en) afgerond vóór {grens} zouden geanonimiseerd worden. Er is niets gewijzigd.",
            lijst.len()
        );
    } else {
        println!(
            "{} melding(en) afgerond vóór {grens} geanonimiseerd, {weg} documentbestand(en) verwijderd.",
            lijst.len()
        );
    }
    Ok(())
}
