//! Configuration: command-line flags first, then `MELDPUNT_*` environment variables, then defaults.

use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Database endpoint: `surrealkv://<dir>` (embedded, on disk), `mem://` (tests), `ws://host:port`.
    #[arg(long = "db", env = "MELDPUNT_DB", default_value = "surrealkv://data/meldpunt", global = true)]
    pub db: String,
    /// Root user for a `ws://` SurrealDB server.
    #[arg(long, env = "MELDPUNT_DB_USER", global = true)]
    pub db_user: Option<String>,
    #[arg(long, env = "MELDPUNT_DB_PASS", global = true, hide_env_values = true)]
    pub db_pass: Option<String>,
    /// Address to listen on.
    #[arg(long, env = "MELDPUNT_ADDR", default_value = "127.0.0.1:3000", global = true)]
    pub addr: SocketAddr,
    /// Folder with the built site (`pkg/`, stylesheet, public files), as cargo-leptos writes it.
    #[arg(long, env = "MELDPUNT_SITE_ROOT", default_value = "target/site", global = true)]
    pub site_root: PathBuf,
    /// Folder with the knowledge-base page files (`kennisbank/`, `faq/`), imported at the first start.
    #[arg(long, env = "MELDPUNT_CONTENT", default_value = "content", global = true)]
    pub content: PathBuf,
    /// Mark the session cookie `Secure` (use behind TLS).
    #[arg(long, env = "MELDPUNT_SECURE_COOKIES", default_value_t = false, global = true)]
    pub secure_cookies: bool,
    /// Session lifetime in hours.
    #[arg(long, env = "MELDPUNT_SESSION_HOURS", default_value_t = 10, global = true)]
    pub session_hours: i64,
    /// A session unused for this many minutes ends.
    #[arg(long, env = "MELDPUNT_SESSION_IDLE_MINUTES", default_value_t = 30, global = true)]
    pub session_idle_minutes: i64,
    /// Report form posts (`POST /melden`) per hour per client address.
    #[arg(long, env = "MELDPUNT_RATE_MELDEN", default_value_t = 60, global = true)]
    pub rate_melden: u32,
    /// Follow-up lookups (`POST /opvolgen`) per hour per client address.
    #[arg(long, env = "MELDPUNT_RATE_OPVOLGEN", default_value_t = 120, global = true)]
    pub rate_opvolgen: u32,
    /// Additions by reporters (`POST /opvolgen/aanvullen`) per hour per client address.
    #[arg(long, env = "MELDPUNT_RATE_AANVULLEN", default_value_t = 60, global = true)]
    pub rate_aanvullen: u32,
    /// Location searches of the report form (`/api/zoek_locaties`) per hour per client address.
    #[arg(long, env = "MELDPUNT_RATE_ZOEKEN", default_value_t = 1800, global = true)]
    pub rate_zoeken: u32,
    /// Days after a case closed at which the reporter's personal data is anonymised.
    #[arg(long, env = "MELDPUNT_RETENTION_DAYS", default_value_t = 365, global = true)]
    pub retention_days: u32,
    /// How often the server runs the retention job, in minutes (0: never; use `meldpunt retention`).
    #[arg(long, env = "MELDPUNT_RETENTION_INTERVAL_MINUTES", default_value_t = 60, global = true)]
    pub retention_interval_minutes: u64,
    /// Folder for uploaded documents (one file per SHA-256 checksum).
    #[arg(long, env = "MELDPUNT_DOCUMENTEN", default_value = "data/documenten", global = true)]
    pub documenten: PathBuf,
    /// Largest document accepted, in megabytes (1-100).
    #[arg(long, env = "MELDPUNT_MAX_DOCUMENT_MB", default_value_t = 10, global = true)]
    pub max_document_mb: usize,
    /// File with the key that encrypts the TOTP secrets in the database; made at the first start
    /// (readable by its owner only). Keep it out of database backups, and back it up apart.
    /// Default: `sleutel` next to the `surrealkv://` database folder (`data/sleutel`), else
    /// `data/sleutel`; with `--db mem://` a key that lives as long as the process.
    #[arg(long, env = "MELDPUNT_SLEUTELBESTAND", global = true)]
    pub sleutelbestand: Option<PathBuf>,
    /// A reverse proxy (address or CIDR block, repeatable) whose `X-Forwarded-For` / `Forwarded`
    /// headers name the client. From any other address those headers are ignored.
    #[arg(long = "trusted-proxy", env = "MELDPUNT_TRUSTED_PROXIES", value_delimiter = ',', global = true)]
    pub trusted_proxy: Vec<app::gemeen::klantadres::Netwerk>,
    /// The mail server: `smtp://host:port` (no TLS: a local relay), `smtp://host:port?tls=starttls`,
    /// `smtps://host:port`; user and password in the URL or below. Without it, messages wait in
    /// the outbox and the pages say so.
    #[arg(long, env = "MELDPUNT_SMTP_URL", global = true, hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// SMTP user (when not in the URL).
    #[arg(long, env = "MELDPUNT_SMTP_USER", global = true)]
    pub smtp_user: Option<String>,
    /// File holding the SMTP password (first line), readable by the server only.
    #[arg(long, env = "MELDPUNT_SMTP_PASSWORD_FILE", global = true)]
    pub smtp_password_file: Option<PathBuf>,
    /// The sender of every message: `naam <adres>` or an address.
    #[arg(long, env = "MELDPUNT_MAIL_FROM", default_value = "Meldpunt Kinderopvang <meldpunt@meldpunt.test>", global = true)]
    pub mail_from: String,
    /// Where replies go, when not to the sender.
    #[arg(long, env = "MELDPUNT_MAIL_REPLY_TO", global = true)]
    pub mail_reply_to: Option<String>,
    /// The team's phone number in messages (`{{team.telefoon}}`).
    #[arg(long, env = "MELDPUNT_TEAM_TELEFOON", default_value = "02 533 14 14", global = true)]
    pub team_telefoon: String,
    /// How often the outbox worker looks for due messages, in seconds.
    #[arg(long, env = "MELDPUNT_OUTBOX_INTERVAL_SECONDS", default_value_t = 5, global = true)]
    pub outbox_interval_seconds: u64,
}

impl Config {
    /// The key for the TOTP secrets: from `--sleutelbestand` (made when missing), or one for this
    /// process only with an in-memory database.
    pub fn kluis(&self) -> anyhow::Result<app::kluis::Kluis> {
        let pad = match &self.sleutelbestand {
            Some(pad) => pad.clone(),
            None if self.db.starts_with("mem://") => return Ok(app::kluis::Kluis::tijdelijk()),
            // Next to the embedded database's folder (not in it, so a copy of the database
            // folder does not carry the key), else in `data/`.
            None => self
                .db
                .strip_prefix("surrealkv://")
                .and_then(|pad| std::path::Path::new(pad).parent())
                .filter(|map| !map.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("data"))
                .join("sleutel"),
        };
        let (kluis, nieuw) = app::kluis::Kluis::uit_bestand(&pad)?;
        if nieuw {
            tracing::warn!(
                bestand = %pad.display(),
                "new key for the TOTP secrets made; back it up apart from the database"
            );
        }
        Ok(kluis)
    }

    /// Refuses a start that would expose the demo (its admin and second-factor secret are
    /// published) beyond this machine; returns a warning for a public address without
    /// `--secure-cookies` (session cookies then also travel over plain HTTP).
    pub fn controleer_adres(&self, demo: bool) -> anyhow::Result<Option<String>> {
        let lokaal = self.addr.ip().is_loopback();
        if demo && !lokaal {
            anyhow::bail!(
                "--demo luistert alleen op loopback (127.0.0.1 of ::1), niet op {}: de demo-accounts en hun \
                 tweede factor zijn openbaar",
                self.addr
            );
        }
        Ok((!lokaal && !self.secure_cookies).then(|| {
            format!(
                "Meldpunt luistert op {} zonder --secure-cookies: sessiecookies gaan ook over gewone HTTP. \
                 Zet TLS voor de server (een reverse proxy) en start met --secure-cookies.",
                self.addr
            )
        }))
    }

    pub fn app_config(&self, kluis: app::kluis::Kluis) -> anyhow::Result<app::state::Config> {
        Ok(app::state::Config {
            secure_cookies: self.secure_cookies,
            sessie_duur: chrono::Duration::hours(self.session_hours.clamp(1, 24)),
            sessie_inactief: chrono::Duration::minutes(self.session_idle_minutes.clamp(5, 24 * 60)),
            limieten: app::limiet::LimietConfig {
                melden_per_uur: self.rate_melden,
                opvolgen_per_uur: self.rate_opvolgen,
                aanvullen_per_uur: self.rate_aanvullen,
                zoeken_per_uur: self.rate_zoeken,
            },
            documenten: self.documenten.clone(),
            max_document: self.max_document_mb.clamp(1, 100) * 1000 * 1000,
            kluis,
            vertrouwde_proxies: self.trusted_proxy.clone(),
            afzender: self.afzender()?,
        })
    }

    /// `--mail-from` split into name and address, both checked; the reply address checked.
    pub fn afzender(&self) -> anyhow::Result<app::berichten::service::Afzender> {
        let van = self.mail_from.trim();
        let (naam, email) = match van.rsplit_once('<') {
            Some((naam, rest)) => (naam.trim().trim_matches('"').to_string(), rest.trim_end_matches('>').trim().to_string()),
            None => (String::new(), van.to_string()),
        };
        let naam = if naam.is_empty() { "Meldpunt Kinderopvang".to_string() } else { naam };
        verzending::Adres::parse(Some(&naam), &email)
            .map_err(|e| anyhow::anyhow!("--mail-from {van:?}: {}", e.bericht()))?;
        if let Some(a) = &self.mail_reply_to {
            verzending::Adres::parse(None, a).map_err(|e| anyhow::anyhow!("--mail-reply-to {a:?}: {}", e.bericht()))?;
        }
        Ok(app::berichten::service::Afzender {
            naam,
            email,
            antwoord_aan: self.mail_reply_to.clone(),
            telefoon: self.team_telefoon.clone(),
            smtp: self.smtp_url.is_some(),
        })
    }

    /// The mail server's settings, when `--smtp-url` is given; the password file is read here.
    pub fn smtp(&self) -> anyhow::Result<Option<verzending::SmtpInstelling>> {
        let Some(url) = &self.smtp_url else { return Ok(None) };
        let mut s = verzending::SmtpInstelling::parse(url).map_err(|e| anyhow::anyhow!("--smtp-url: {}", e.bericht()))?;
        if let Some(gebruiker) = &self.smtp_user {
            let wachtwoord = match &self.smtp_password_file {
                Some(pad) => std::fs::read_to_string(pad)
                    .map_err(|e| anyhow::anyhow!("--smtp-password-file {}: {e}", pad.display()))?
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                None => String::new(),
            };
            s = s.met_inlog(gebruiker, &wachtwoord);
        }
        Ok(Some(s))
    }

    /// The hashed bundle names are read from `hash.txt` next to the binary, which cargo-leptos
    /// writes when it builds; Leptos reads it at the first page with islands and panics when it
    /// is missing (a binary built with plain `cargo build`). Checked before serving instead.
    pub fn controleer_site(&self) -> anyhow::Result<()> {
        let options = self.leptos_options();
        let map = std::env::current_exe()?.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        let pad = map.join(options.hash_file.as_ref());
        if options.hash_files && !pad.is_file() {
            anyhow::bail!(
                "{} is missing: build the server with `cargo leptos build` (add `--release` for production), \
                 which writes the names of the site bundle there; plain `cargo build` does not",
                pad.display()
            );
        }
        Ok(())
    }

    pub fn leptos_options(&self) -> leptos::config::LeptosOptions {
        leptos::config::LeptosOptions::builder()
            .output_name("meldpunt")
            .site_root(self.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(self.addr)
            .hash_files(true)
            .env(if cfg!(debug_assertions) { leptos::config::Env::DEV } else { leptos::config::Env::PROD })
            .build()
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    fn config(args: &[&str]) -> super::Config {
        let mut alles = vec!["meldpunt"];
        alles.extend_from_slice(args);
        crate::cli::Cli::try_parse_from(alles).unwrap().config
    }

    #[test]
    fn the_demo_stays_on_loopback_and_a_public_address_without_secure_cookies_warns() {
        assert!(config(&["--addr", "127.0.0.1:3000"]).controleer_adres(true).unwrap().is_none());
        assert!(config(&["--addr", "[::1]:3000"]).controleer_adres(true).unwrap().is_none());
        let fout = config(&["--addr", "0.0.0.0:3000"]).controleer_adres(true).unwrap_err().to_string();
        assert!(fout.contains("alleen op loopback"), "{fout}");
        assert!(config(&["--addr", "192.0.2.5:80"]).controleer_adres(true).is_err());
        let waarschuwing = config(&["--addr", "0.0.0.0:3000"]).controleer_adres(false).unwrap().unwrap();
        assert!(waarschuwing.contains("--secure-cookies"), "{waarschuwing}");
        assert!(config(&["--addr", "0.0.0.0:3000", "--secure-cookies"]).controleer_adres(false).unwrap().is_none());
    }

    #[test]
    fn trusted_proxies_are_read_from_flags_and_a_bad_one_stops_the_start() {
        let c = config(&["--trusted-proxy", "10.0.0.0/8", "--trusted-proxy", "192.0.2.1,2001:db8::/32"]);
        assert_eq!(c.trusted_proxy.len(), 3);
        let mut alles = vec!["meldpunt", "--trusted-proxy", "10.0.0.0/99"];
        alles.push("migrate");
        assert!(crate::cli::Cli::try_parse_from(alles).is_err());
    }

    #[test]
    fn the_key_file_is_made_next_to_the_database_folder_and_used_again() {
        let map = std::env::temp_dir().join(format!("meldpunt-config-sleutel-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&map);
        let db = format!("surrealkv://{}/db", map.display());
        let kluis = config(&["--db", &db]).kluis().unwrap();
        let pad = map.join("sleutel");
        assert!(pad.is_file(), "made at {}", pad.display());
        let waarde = kluis.versleutel("JBSWY3DPEHPK3PXP", "els").unwrap();
        // The next start reads the same key.
        assert_eq!(config(&["--db", &db]).kluis().unwrap().ontsleutel(&waarde, "els").unwrap(), "JBSWY3DPEHPK3PXP");
        // An explicit file wins; a broken one stops the start.
        let eigen = map.join("elders").join("k");
        config(&["--db", &db, "--sleutelbestand", &eigen.to_string_lossy()]).kluis().unwrap();
        assert!(eigen.is_file());
        std::fs::write(&pad, "geen sleutel").unwrap();
        assert!(config(&["--db", &db]).kluis().is_err());
        let _ = std::fs::remove_dir_all(&map);
    }
}
