//! The commands of the `meldpunt` binary.

use crate::config::Config;
use anyhow::{Context, bail};
use app::auth::model::{Rol, Wachtwoord};
use app::auth::service as auth;
use app::db::{Verbinding, migreer, verbind};
use app::gemeen::Db;
use app::gemeen::opslag::Bestanden;
use app::state::AppState;
use clap::{Parser, Subcommand};
use std::io::Read;

#[derive(Debug, Parser)]
#[command(name = "meldpunt", version, about = "Meldpunt kinderopvang: case work, knowledge base and public reporting")]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the web server (the default).
    Serve {
        /// Fill an empty database with demo data and (re)set the demo staff account.
        #[arg(long, env = "MELDPUNT_DEMO", default_value_t = false)]
        demo: bool,
    },
    /// Apply pending schema migrations and exit.
    Migrate,
    /// Load deterministic demo data into an empty database.
    Seed {
        #[arg(long, default_value_t = 300)]
        meldingen: usize,
    },
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Import or export the knowledge-base page files.
    Kennisbank {
        #[command(subcommand)]
        command: KennisbankCommand,
    },
    /// Import or export the letter and e-mail templates (`<slug>.md` files).
    Sjablonen {
        #[command(subcommand)]
        command: SjablonenCommand,
    },
    /// Anonymise the reporter's personal data of cases closed longer ago than `--retention-days`
    /// (the server also does this on a schedule).
    Retention {
        /// Only list what would be anonymised; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Measurements.
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum KennisbankCommand {
    /// Import the page files of a folder (`kennisbank/`, `faq/` or `*.md`); unchanged pages keep their revision.
    Import { dir: std::path::PathBuf },
    /// Write every page as a file into a folder (`kennisbank/<slug>.md`, `faq/<slug>.md`).
    Export { dir: std::path::PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum SjablonenCommand {
    /// Import the template files of a folder; unchanged templates keep their revision. One file
    /// that does not read refuses the whole folder, naming every problem with its line.
    Import { dir: std::path::PathBuf },
    /// Write every template as `<dir>/<slug>.md`.
    Export { dir: std::path::PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain: prints how many entries are intact; on a broken link (an entry
    /// changed, removed or inserted) names the first one and exits non-zero.
    Verify {
        /// An entry's number and hash noted earlier, as NUMBER:HASH (a check prints the last
        /// one): a chain rewritten from before that entry on, every hash recomputed, still fails.
        #[arg(long)]
        anchor: Option<app::audit::keten::Anker>,
    },
}

#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Both search engines (tantivy and SurrealDB FULLTEXT) over a generated corpus plus the content.
    Zoeken {
        #[arg(long, default_value_t = 10_000)]
        paginas: usize,
        #[arg(long, default_value_t = 3_000)]
        vragen: usize,
    },
    /// The werkbak query over many seeded meldingen, in a fresh database (a temporary surrealkv
    /// folder unless `--endpoint` names another empty one, e.g. `mem://`).
    Werkbak {
        #[arg(long, default_value_t = 100_000)]
        meldingen: usize,
        #[arg(long, default_value_t = 30)]
        herhalingen: usize,
        #[arg(long)]
        endpoint: Option<String>,
    },
    /// Letters as PDF, as the app makes them (template merge, markdown, typst), over demo data in
    /// `mem://`: time per letter and resident memory; fails on p95 > 100 ms or > 10 % growth.
    Brieven {
        #[arg(long, default_value_t = 1_000)]
        aantal: usize,
    },
    /// The outbox sending to a real SMTP server (aiosmtpd) with two workers while the werkbak is
    /// timed (`--features bench`); fails below 50 messages/s or a werkbak p95 over 1.2 × idle.
    Uitgaand {
        #[arg(long, default_value_t = 1_000)]
        aantal: usize,
        #[arg(long, default_value_t = 300)]
        meldingen: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account; the password is read from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// casewerker, klantenbeheerder_kinderopvang, expert, coordinator, kennisbeheerder, beheerder (repeatable)
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
    },
    /// Disable an account: it cannot log in and its sessions end at once.
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Enable a disabled account again.
    Enable {
        #[arg(long)]
        email: String,
    },
    /// Replace an account's roles; its sessions end (a change of privilege means a new login).
    Role {
        #[arg(long)]
        email: String,
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
    },
    /// Set a new password, read from standard input; the account's sessions end.
    ResetPassword {
        #[arg(long)]
        email: String,
    },
}

async fn open(config: &Config) -> anyhow::Result<Db> {
    if let Some(pad) = config.db.strip_prefix("surrealkv://")
        && let Some(map) = std::path::Path::new(pad).parent()
        && !map.as_os_str().is_empty()
    {
        std::fs::create_dir_all(map).with_context(|| format!("cannot create data directory {}", map.display()))?;
    }
    let db = verbind(Verbinding {
        endpoint: &config.db,
        gebruiker: config.db_user.as_deref(),
        wachtwoord: config.db_pass.as_deref(),
    })
    .await
    .with_context(|| format!("cannot open database {}", config.db))?;
    let nieuw = migreer(&db).await?;
    if !nieuw.is_empty() {
        tracing::info!(?nieuw, "schema up to date");
    }
    // Cases written before deadlines were stored get them now (a no-op once done).
    let aangevuld = app::behandeling::service::vul_vervaldata_aan(&db).await.context("filling in deadlines")?;
    if aangevuld > 0 {
        tracing::info!(aangevuld, "deadlines stored for existing cases");
    }
    Ok(db)
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config;
    match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Serve { demo } => {
            if let Some(waarschuwing) = config.controleer_adres(demo)? {
                tracing::warn!("{waarschuwing}");
                eprintln!("LET OP: {waarschuwing}");
            }
            config.controleer_site()?;
            let kluis = config.kluis()?;
            let db = open(&config).await?;
            let versleuteld = app::auth::tweede_factor::service::versleutel_oude_geheimen(&db, &kluis)
                .await
                .context("encrypting the TOTP secrets")?;
            if versleuteld > 0 {
                tracing::info!(versleuteld, "TOTP secrets stored before encryption are encrypted now");
            }
            if demo {
                crate::demo::klaarzetten(&db, &kluis).await?;
            }
            let index = app::kennisbank::zoekindex::Kennisindex::default();
            match app::kennisbank::service::importeer_als_leeg(&db, &index, &config.content).await {
                Ok(Some(v)) => {
                    tracing::info!(nieuw = v.nieuw, "knowledge base imported from {}", config.content.display())
                }
                Ok(None) => {}
                Err(e) => tracing::error!(error = %e, "knowledge base import failed"),
            }
            match app::sjablonen::service::importeer_als_leeg(&db, &config.content).await {
                Ok(Some(v)) => tracing::info!(nieuw = v.nieuw, "templates imported from {}", config.content.display()),
                Ok(None) => {}
                Err(e) => tracing::error!(error = %e, "template import failed"),
            }
            match app::sjablonen::jargon::vul_als_leeg(&db).await {
                Ok(true) => tracing::info!("jargon list filled with the starter list"),
                Ok(false) => {}
                Err(e) => tracing::error!(error = %e, "jargon list not filled"),
            }
            serve(config, db, kluis).await
        }
        Command::Migrate => open(&config).await.map(|_| ()),
        Command::Seed { meldingen } => {
            let db = open(&config).await?;
            if !app::seed::is_leeg(&db).await? {
                bail!("the database already holds meldingen; seed only loads into an empty database");
            }
            let n = crate::demo::laad_demo(&db, meldingen).await?;
            println!("{n} meldingen geladen");
            Ok(())
        }
        Command::Kennisbank { command } => {
            let db = open(&config).await?;
            let index = app::kennisbank::zoekindex::Kennisindex::default();
            match command {
                KennisbankCommand::Import { dir } => {
                    let v = app::kennisbank::service::importeer_map(&db, &index, &dir, "meldpunt kennisbank import")
                        .await
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                    println!("{} nieuw, {} gewijzigd, {} ongewijzigd", v.nieuw, v.gewijzigd, v.ongewijzigd);
                }
                KennisbankCommand::Export { dir } => {
                    let n = app::kennisbank::service::exporteer(&db, &dir).await.map_err(|e| anyhow::anyhow!("{e}"))?;
                    println!("{n} pagina's geschreven naar {}", dir.display());
                }
            }
            Ok(())
        }
        Command::Sjablonen { command } => {
            let db = open(&config).await?;
            let fout = |e: app::sjablonen::fout::SjabloonFout| anyhow::anyhow!("{e}");
            match command {
                SjablonenCommand::Import { dir } => {
                    let v = app::sjablonen::service::importeer_map(&db, &dir, "meldpunt sjablonen import")
                        .await
                        .map_err(fout)?;
                    println!("{} nieuw, {} gewijzigd, {} ongewijzigd", v.nieuw, v.gewijzigd, v.ongewijzigd);
                }
                SjablonenCommand::Export { dir } => {
                    let n = app::sjablonen::service::exporteer(&db, &dir).await.map_err(fout)?;
                    println!("{n} sjablonen geschreven naar {}", dir.display());
                }
            }
            Ok(())
        }
        Command::Retention { dry_run } => {
            let db = open(&config).await?;
            let bestanden = Bestanden::new(config.documenten.clone());
            crate::bewaring::commando(&db, &bestanden, config.retention_days, dry_run).await
        }
        Command::Audit { command: AuditCommand::Verify { anchor } } => {
            let db = open(&config).await?;
            crate::audit::verify(&db, anchor.as_ref()).await
        }
        Command::Bench { command: BenchCommand::Zoeken { paginas, vragen } } => {
            crate::bench::zoeken(&config.content, paginas, vragen).await
        }
        Command::Bench { command: BenchCommand::Werkbak { meldingen, herhalingen, endpoint } } => {
            crate::bench::werkbak::werkbak(endpoint, meldingen, herhalingen).await
        }
        Command::Bench { command: BenchCommand::Brieven { aantal } } => {
            crate::bench::brieven::brieven(&config.content, aantal).await
        }
        #[cfg(feature = "bench")]
        Command::Bench { command: BenchCommand::Uitgaand { aantal, meldingen } } => {
            crate::bench::uitgaand::uitgaand(&config.content, aantal, meldingen).await
        }
        #[cfg(not(feature = "bench"))]
        Command::Bench { command: BenchCommand::Uitgaand { .. } } => {
            bail!("bench uitgaand is not in this build (cargo build --release -p server --features bench)")
        }
        Command::User { command: UserCommand::Add { email, name, roles } } => {
            let rollen = roles
                .iter()
                .map(|r| Rol::from_code(r).with_context(|| format!("unknown role '{r}'")))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let mut wachtwoord = String::new();
            std::io::stdin().read_to_string(&mut wachtwoord)?;
            let wachtwoord =
                Wachtwoord::parse_nieuw(wachtwoord.trim_end_matches(['\n', '\r'])).map_err(anyhow::Error::msg)?;
            let db = open(&config).await?;
            auth::voeg_gebruiker_toe(&db, &email, &name, &rollen, wachtwoord).await?;
            println!("account {email} toegevoegd");
            Ok(())
        }
        Command::User { command: UserCommand::Disable { email } } => {
            let db = open(&config).await?;
            gevonden(auth::zet_actief(&db, &email, false).await?, &email, "uitgeschakeld; de sessies zijn beëindigd")
        }
        Command::User { command: UserCommand::Enable { email } } => {
            let db = open(&config).await?;
            gevonden(auth::zet_actief(&db, &email, true).await?, &email, "weer ingeschakeld")
        }
        Command::User { command: UserCommand::Role { email, roles } } => {
            let rollen = roles
                .iter()
                .map(|r| Rol::from_code(r).with_context(|| format!("unknown role '{r}'")))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let db = open(&config).await?;
            gevonden(
                auth::zet_rollen(&db, &email, &rollen).await?,
                &email,
                "heeft nieuwe rollen; de sessies zijn beëindigd",
            )
        }
        Command::User { command: UserCommand::ResetPassword { email } } => {
            let mut wachtwoord = String::new();
            std::io::stdin().read_to_string(&mut wachtwoord)?;
            let wachtwoord =
                Wachtwoord::parse_nieuw(wachtwoord.trim_end_matches(['\n', '\r'])).map_err(anyhow::Error::msg)?;
            let db = open(&config).await?;
            gevonden(
                auth::zet_wachtwoord(&db, &email, wachtwoord).await?,
                &email,
                "heeft een nieuw wachtwoord; de sessies zijn beëindigd",
            )
        }
    }
}

fn gevonden(ok: bool, email: &str, wat: &str) -> anyhow::Result<()> {
    anyhow::ensure!(ok, "geen account met e-mailadres {email}");
    println!("account {email} {wat}");
    Ok(())
}

async fn serve(config: Config, db: Db, kluis: app::kluis::Kluis) -> anyhow::Result<()> {
    use axum::serve::ListenerExt;
    let state = AppState::new(db, config.app_config(kluis)?);
    // The search index is built from the database now, so the first search does not wait for it.
    let begin = std::time::Instant::now();
    match state.kennis.herbouw(&state.db).await {
        Ok(()) => tracing::info!(ms = begin.elapsed().as_millis() as u64, "knowledge search index built"),
        Err(e) => tracing::error!(error = %e, "knowledge search index not built; it is retried at the first search"),
    }
    crate::bewaring::plan(
        state.db.clone(),
        state.bestanden(),
        config.retention_days,
        config.retention_interval_minutes,
        state.config.sessie_inactief,
    );
    start_postbode(&config, &state)?;
    let options = config.leptos_options();
    let app = crate::router(state, options);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?
        // Without this, keep-alive responses stall on Nagle + delayed ACK (measured: 40 ms each).
        .tap_io(|s| {
            let _ = s.set_nodelay(true);
        });
    tracing::info!("Meldpunt luistert op http://{}", config.addr);
    println!("Meldpunt draait op http://{}", config.addr);
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// The outbox worker of this server, when a mail server is set. Its name (address and process)
/// tells its leases apart from other servers'.
fn start_postbode(config: &Config, state: &AppState) -> anyhow::Result<()> {
    let Some(smtp) = config.smtp()? else {
        tracing::warn!("no --smtp-url: messages wait in the outbox");
        return Ok(());
    };
    let verzender = verzending::Verzender::nieuw(&smtp).map_err(|e| anyhow::anyhow!("--smtp-url: {}", e.bericht()))?;
    let postbode = app::berichten::postbus::Postbode {
        db: state.db.clone(),
        verzender,
        afzender: state.config.afzender.clone(),
        bestanden: state.bestanden(),
        naam: format!("{}-{}", config.addr, std::process::id()),
    };
    tracing::info!(smtp = %smtp.host(), poort = smtp.poort(), "outbox worker started");
    postbode.plan(std::time::Duration::from_secs(config.outbox_interval_seconds.max(1)));
    Ok(())
}
