//! A real SMTP server for tests: scripts/smtp_ontvanger.py (aiosmtpd) in a temporary folder.
//!
//! Recipients starting with `weiger` get 550, those starting with `later` get 451.
//! Panics (with what to do) instead of skipping when the server cannot be started:
//! tests of mail must run against the real server.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::SmtpInstelling;

const ENVELOP_KOP: &str = "X-Envelop-Aan: ";

/// One message as the server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ontvangen {
    /// The envelope recipients (RCPT TO), which may differ from the To header.
    pub envelop_aan: Vec<String>,
    /// The message exactly as received (CRLF line endings).
    pub ruw: String,
}

/// A running test server; stopped when dropped.
pub struct SmtpTestServer {
    werkmap: tempfile::TempDir,
    poort: u16,
    proces: Option<Child>,
}

impl SmtpTestServer {
    /// Starts a server on a free port of 127.0.0.1 with an empty message folder.
    pub fn start() -> SmtpTestServer {
        let werkmap = tempfile::tempdir().unwrap_or_else(|e| panic!("tijdelijke map voor de SMTP-testserver: {e}"));
        let mut server = SmtpTestServer { werkmap, poort: 0, proces: None };
        server.start_proces();
        server
    }

    pub fn poort(&self) -> u16 {
        self.poort
    }

    /// `smtp://127.0.0.1:<port>`, for [`SmtpInstelling::parse`] or an application setting.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.poort)
    }

    pub fn instelling(&self) -> SmtpInstelling {
        SmtpInstelling::parse(&self.url()).unwrap_or_else(|e| panic!("URL van de testserver: {e}"))
    }

    /// The folder with the received `<n>.eml` files.
    pub fn map(&self) -> PathBuf {
        self.werkmap.path().join("berichten")
    }

    /// Every message received so far, in order of arrival.
    pub fn berichten(&self) -> Vec<Ontvangen> {
        let Ok(lijst) = std::fs::read_dir(self.map()) else {
            return Vec::new();
        };
        let mut genummerd: Vec<(u64, PathBuf)> = lijst
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter_map(|pad| {
                let nummer = pad.file_name()?.to_str()?.strip_suffix(".eml")?.parse().ok()?;
                Some((nummer, pad))
            })
            .collect();
        genummerd.sort();
        genummerd.iter().map(|(_, pad)| lees_bericht(pad)).collect()
    }

    /// Waits (without blocking the runtime) until at least `aantal` messages arrived.
    /// Panics after `timeout`, listing what did arrive.
    pub async fn wacht_op(&self, aantal: usize, timeout: Duration) -> Vec<Ontvangen> {
        let einde = Instant::now() + timeout;
        loop {
            let berichten = self.berichten();
            if berichten.len() >= aantal {
                return berichten;
            }
            if Instant::now() >= einde {
                panic!(
                    "na {timeout:?} {} bericht(en) ontvangen in plaats van {aantal}: {berichten:#?}",
                    berichten.len()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Stops the server; the port and the received messages stay.
    pub fn stop(&mut self) {
        let Some(mut proces) = self.proces.take() else {
            return;
        };
        // Closing stdin stops the server (--stop-bij-eof), as it would if this test process died.
        drop(proces.stdin.take());
        let einde = Instant::now() + Duration::from_secs(5);
        while Instant::now() < einde {
            if matches!(proces.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = proces.kill();
        let _ = proces.wait();
    }

    /// Starts the server again on the same port and folder (after [`Self::stop`]).
    pub fn start_opnieuw(&mut self) {
        self.stop();
        self.start_proces();
    }

    fn start_proces(&mut self) {
        let (python, script) = (python(), project_map().join("scripts/smtp_ontvanger.py"));
        let logpad = self.werkmap.path().join("server.log");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&logpad)
            .unwrap_or_else(|e| panic!("{}: {e}", logpad.display()));
        let mut proces = Command::new(&python)
            .arg(&script)
            .arg("--poort")
            .arg(self.poort.to_string())
            .arg("--map")
            .arg(self.map())
            .arg("--stop-bij-eof")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("{} {} starten: {e}", python.display(), script.display()));
        match wacht_op_klaar(&mut proces) {
            Some(poort) => {
                self.poort = poort;
                self.proces = Some(proces);
            }
            None => {
                let _ = proces.kill();
                let _ = proces.wait();
                let log = std::fs::read_to_string(&logpad).unwrap_or_default();
                panic!("de SMTP-testserver startte niet (poort {}):\n{log}", self.poort);
            }
        }
    }
}

impl Drop for SmtpTestServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Reads the "klaar <port>" line; None when the server exits or stays silent for 20 s.
fn wacht_op_klaar(proces: &mut Child) -> Option<u16> {
    let uit = proces.stdout.take()?;
    let (zender, ontvanger) = mpsc::channel();
    std::thread::spawn(move || {
        let mut regel = String::new();
        let _ = BufReader::new(uit).read_line(&mut regel);
        let _ = zender.send(regel);
    });
    let regel = ontvanger.recv_timeout(Duration::from_secs(20)).ok()?;
    regel.trim().strip_prefix("klaar ")?.parse().ok()
}

fn lees_bericht(pad: &Path) -> Ontvangen {
    let bytes = std::fs::read(pad).unwrap_or_else(|e| panic!("{}: {e}", pad.display()));
    let tekst = String::from_utf8_lossy(&bytes);
    let (kop, ruw) = tekst.split_once("\r\n").unwrap_or_else(|| panic!("{}: geen envelopregel", pad.display()));
    let json = kop
        .strip_prefix(ENVELOP_KOP)
        .unwrap_or_else(|| panic!("{}: eerste regel is geen {ENVELOP_KOP}", pad.display()));
    let envelop_aan =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{}: envelopregel {json:?}: {e}", pad.display()));
    Ontvangen { envelop_aan, ruw: ruw.to_owned() }
}

/// The workspace root (this crate lives one level below it).
fn project_map() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn python() -> PathBuf {
    let opdracht = "Voer eerst `source scripts/setup.sh` uit in de hoofdmap van het project: \
                    dat maakt .venv-smtp met aiosmtpd en zet MELDPUNT_SMTP_PYTHON.";
    if let Some(pad) = std::env::var_os("MELDPUNT_SMTP_PYTHON").filter(|p| !p.is_empty()) {
        let pad = PathBuf::from(pad);
        if !pad.exists() {
            panic!("MELDPUNT_SMTP_PYTHON={} bestaat niet. {opdracht}", pad.display());
        }
        return pad;
    }
    let pad = project_map().join(".venv-smtp/bin/python");
    if !pad.exists() {
        panic!("Geen Python voor de SMTP-testserver ({}). {opdracht}", pad.display());
    }
    pad
}
