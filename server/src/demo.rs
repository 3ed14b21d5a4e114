//! Demo mode: deterministic demo data through the case state machine, and the demo staff
//! accounts whose password is printed at start-up (`serve --demo`, loopback only).

use app::auth::model::{Rol, Wachtwoord};
use app::auth::service as auth;
use app::gemeen::Db;

pub const DEMO_EMAIL: &str = "demo@meldpunt.test";
pub const DEMO_JURIST: &str = "jurist@meldpunt.test";
/// The demo knowledge editor (same password as the demo staff account).
pub const DEMO_KENNIS_EMAIL: &str = "kennis@meldpunt.test";
/// A demo coordinator, the second reader of what the demo case worker writes.
pub const DEMO_COORD_EMAIL: &str = "coordinator@meldpunt.test";
/// The demo admin (accounts and roles, no case data).
pub const DEMO_BEHEER_EMAIL: &str = "beheer@meldpunt.test";
/// A demo case worker with a second factor, enrolled with a fixed, published secret so that
/// tests can compute its codes. Demo mode only: never use this secret for a real account.
pub const DEMO_TOTP_EMAIL: &str = "totp@meldpunt.test";
pub const DEMO_TOTP_GEHEIM: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// Generates `meldingen` demo meldingen and loads them, with a progress bar on stderr (meldingen
/// written of the total, and the rate) that stays hidden when stderr is not a terminal.
pub(crate) async fn laad_demo(db: &Db, meldingen: usize) -> anyhow::Result<usize> {
    let balk = indicatif::ProgressBar::new(u64::try_from(meldingen).unwrap_or(u64::MAX));
    balk.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg:<22} [{bar:30}] {pos}/{len} meldingen, {snelheid}, {elapsed_precise} (nog {eta})",
        )?
        .with_key("snelheid", |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}/s", s.per_sec());
        })
        .progress_chars("=> "),
    );
    balk.set_message("demodata genereren");
    balk.enable_steady_tick(std::time::Duration::from_millis(200));
    let demo = app::seed::genereer(meldingen, chrono::Utc::now());
    balk.set_message("meldingen schrijven");
    let n = app::seed::laad_demo_met_voortgang(db, &demo, |k| {
        balk.set_position(u64::try_from(k).unwrap_or(u64::MAX));
        if k == meldingen {
            balk.set_message("zoekteksten bijwerken");
        }
    })
    .await?;
    balk.finish_and_clear();
    Ok(n)
}

/// Demo mode: demo data in an empty database, and a staff account whose password is printed.
pub(crate) async fn klaarzetten(db: &Db, kluis: &app::kluis::Kluis) -> anyhow::Result<()> {
    if app::seed::is_leeg(db).await? {
        let n = laad_demo(db, 300).await?;
        tracing::info!(meldingen = n, "demo data loaded");
    }
    let wachtwoord =
        std::env::var("MELDPUNT_DEMO_PASSWORD").unwrap_or_else(|_| app::geheim::sessie_token()[..20].to_string());
    let accounts = [
        (DEMO_EMAIL, "Demo Casewerker", vec![Rol::Casewerker, Rol::Coordinator]),
        (DEMO_KENNIS_EMAIL, "Demo Kennisbeheerder", vec![Rol::Kennisbeheerder]),
        (DEMO_COORD_EMAIL, "Demo Coördinator", vec![Rol::Coordinator]),
        (DEMO_BEHEER_EMAIL, "Demo Beheerder", vec![Rol::Beheerder]),
        (DEMO_TOTP_EMAIL, "Demo Tweede Factor", vec![Rol::Casewerker]),
    ];
    for (email, naam, rollen) in accounts {
        match auth::voeg_gebruiker_toe(db, email, naam, &rollen, Wachtwoord::new(wachtwoord.clone())).await {
            Ok(_) => {}
            Err(auth::AuthFout::BestaatAl) => {
                auth::zet_wachtwoord(db, email, Wachtwoord::new(wachtwoord.clone())).await?;
            }
            Err(e) => return Err(e.into()),
        }
    }
    // A demo jurist, to answer advice requests.
    match auth::voeg_gebruiker_toe(db, DEMO_JURIST, "Demo Jurist", &[Rol::Expert], Wachtwoord::new(wachtwoord.clone()))
        .await
    {
        Ok(_) | Err(auth::AuthFout::BestaatAl) => {}
        Err(e) => return Err(e.into()),
    }
    auth::zet_wachtwoord(db, DEMO_JURIST, Wachtwoord::new(wachtwoord.clone())).await?;
    app::advies::service::zet_discipline(db, DEMO_JURIST, app::advies::model::Discipline::Jurist).await?;
    app::auth::tweede_factor::service::demo_inschrijven(db, kluis, DEMO_TOTP_EMAIL, DEMO_TOTP_GEHEIM).await?;
    println!(
        "\n  Demo-accounts voor medewerkers (wachtwoord: {wachtwoord})\n    casewerker en coördinator: {DEMO_EMAIL}\n    coördinator (nalezer):     {DEMO_COORD_EMAIL}\n    jurist (expert):           {DEMO_JURIST}\n    kennisbeheerder:           {DEMO_KENNIS_EMAIL}\n    beheerder:                 {DEMO_BEHEER_EMAIL}\n    met tweede factor:         {DEMO_TOTP_EMAIL} (TOTP-sleutel {DEMO_TOTP_GEHEIM})\n"
    );
    Ok(())
}
