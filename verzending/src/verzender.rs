//! Sending over SMTP with lettre, and sorting failures into "try again later" and "give up".

use std::error::Error as _;

use std::sync::{Arc, Mutex};

use lettre::Message;
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::response::Response;

use crate::bericht::{Bericht, BouwFout, bouw};
use crate::instelling::{Beveiliging, InstellingFout, SmtpInstelling};
use crate::verbinding::{self, OpenFout};

/// The server's final answer to a sent message, e.g. 250 "Ok: queued as …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpAntwoord {
    pub code: u16,
    pub tekst: String,
}

/// Why a message was not sent. `uitleg` is for staff, `detail` for the log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerzendFout {
    /// 4xx answers, no connection, timeout, TLS or network trouble: try again later.
    #[error("tijdelijk: {detail}")]
    Tijdelijk { uitleg: &'static str, detail: String },
    /// 5xx answers: the server refuses this message; trying again does not help.
    #[error("permanent: {detail}")]
    Permanent { uitleg: &'static str, detail: String },
    /// The message itself is wrong; nothing was sent.
    #[error("bericht niet te bouwen: {0}")]
    Bouw(#[from] BouwFout),
}

impl VerzendFout {
    pub fn uitleg(&self) -> &'static str {
        match self {
            VerzendFout::Tijdelijk { uitleg, .. } | VerzendFout::Permanent { uitleg, .. } => uitleg,
            VerzendFout::Bouw(fout) => fout.bericht(),
        }
    }

    pub fn detail(&self) -> String {
        match self {
            VerzendFout::Tijdelijk { detail, .. } | VerzendFout::Permanent { detail, .. } => detail.clone(),
            VerzendFout::Bouw(fout) => fout.to_string(),
        }
    }

    /// True when sending again later may work.
    pub fn is_tijdelijk(&self) -> bool {
        matches!(self, VerzendFout::Tijdelijk { .. })
    }
}

const UITLEG_LATER: &str = "De mailserver vraagt om het later opnieuw te proberen.";
const UITLEG_GEWEIGERD: &str = "De mailserver weigert dit bericht, bijvoorbeeld omdat het adres niet bestaat. Opnieuw proberen helpt niet: controleer het adres.";
const UITLEG_AANMELDEN: &str =
    "De mailserver weigert onze aanmelding: controleer de SMTP-instellingen (gebruiker, wachtwoord, beveiliging).";
const UITLEG_TIJD: &str = "De mailserver antwoordde niet op tijd.";
const UITLEG_TLS: &str = "De beveiligde verbinding met de mailserver lukte niet.";
const UITLEG_ONBEREIKBAAR: &str = "De mailserver is nu niet bereikbaar.";

/// Idle connections kept for the next message; more workers than this open their own.
const MAX_VRIJ: usize = 4;

/// Sends mail through one SMTP server, reusing a few open connections (TCP_NODELAY, see
/// [`crate::verbinding`]). Clones share the idle connections.
#[derive(Clone)]
pub struct Verzender {
    instelling: Arc<SmtpInstelling>,
    vrij: Arc<Mutex<Vec<AsyncSmtpConnection>>>,
}

impl Verzender {
    pub fn nieuw(instelling: &SmtpInstelling) -> Result<Verzender, InstellingFout> {
        let host = instelling.host();
        if instelling.beveiliging() != Beveiliging::Geen {
            // Checked now so a bad host name is a settings error at start, not a failed send later.
            TlsParameters::new(host.to_owned()).map_err(|e| InstellingFout::Tls(e.to_string()))?;
        }
        if instelling.inlog().is_some() && instelling.beveiliging() == Beveiliging::Geen && !instelling.is_lokaal() {
            return Err(InstellingFout::WachtwoordZonderTls(host.to_owned()));
        }
        Ok(Verzender { instelling: Arc::new(instelling.clone()), vrij: Arc::new(Mutex::new(Vec::new())) })
    }

    /// Builds and sends the message.
    pub async fn verstuur(&self, bericht: &Bericht) -> Result<SmtpAntwoord, VerzendFout> {
        let gebouwd = bouw(bericht)?;
        self.verstuur_gebouwd(&gebouwd).await
    }

    /// Sends a message built with [`bouw`], e.g. after storing its [`crate::ruwe_bytes`].
    pub async fn verstuur_gebouwd(&self, bericht: &Message) -> Result<SmtpAntwoord, VerzendFout> {
        let mut verbinding = self.verbinding().await?;
        let inhoud = bericht.formatted();
        let tijd = self.instelling.timeout();
        match tokio::time::timeout(tijd, verbinding.send(bericht.envelope(), &inhoud)).await {
            Ok(Ok(antwoord)) => {
                self.terugleggen(verbinding);
                Ok(smtp_antwoord(&antwoord))
            }
            Ok(Err(fout)) => {
                // After a refusal (5xx/4xx) the session may go on; after a broken stream it may not.
                if fout.status().is_some() && !verbinding.has_broken() {
                    self.terugleggen(verbinding);
                } else {
                    verbinding.abort().await;
                }
                Err(sorteer(&fout))
            }
            Err(_) => Err(VerzendFout::Tijdelijk { uitleg: UITLEG_TIJD, detail: format!("geen antwoord binnen {tijd:?}") }),
        }
    }

    /// An idle connection that still answers, or a new one.
    async fn verbinding(&self) -> Result<AsyncSmtpConnection, VerzendFout> {
        loop {
            let vrij = self.vrij.lock().ok().and_then(|mut v| v.pop());
            let Some(mut verbinding) = vrij else { break };
            // NOOP first: the server may have closed it or restarted (one round trip, no Nagle).
            if verbinding.test_connected().await {
                return Ok(verbinding);
            }
            verbinding.abort().await;
        }
        verbinding::open(&self.instelling).await.map_err(|fout| match fout {
            OpenFout::Smtp(fout) => sorteer(&fout),
            OpenFout::Tijd => VerzendFout::Tijdelijk { uitleg: UITLEG_TIJD, detail: "verbinden duurde te lang".into() },
            OpenFout::Tls(detail) => VerzendFout::Tijdelijk { uitleg: UITLEG_TLS, detail },
            OpenFout::Netwerk(fout) => VerzendFout::Tijdelijk { uitleg: UITLEG_ONBEREIKBAAR, detail: fout.to_string() },
        })
    }

    fn terugleggen(&self, verbinding: AsyncSmtpConnection) {
        if let Ok(mut vrij) = self.vrij.lock()
            && vrij.len() < MAX_VRIJ
        {
            vrij.push(verbinding);
        }
        // Otherwise dropped: the server sees the connection close, which SMTP servers accept.
    }
}

fn smtp_antwoord(antwoord: &Response) -> SmtpAntwoord {
    SmtpAntwoord { code: antwoord.code().into(), tekst: antwoord.message().collect::<Vec<_>>().join(" ") }
}

fn sorteer(fout: &lettre::transport::smtp::Error) -> VerzendFout {
    let detail = met_oorzaken(fout);
    let tijdelijk = |uitleg| VerzendFout::Tijdelijk { uitleg, detail: detail.clone() };
    if let Some(code) = fout.status().map(u16::from) {
        return match code {
            // Authentication refused or required: a settings problem, not this message's.
            530 | 534 | 535 | 538 => tijdelijk(UITLEG_AANMELDEN),
            500..=599 => VerzendFout::Permanent { uitleg: UITLEG_GEWEIGERD, detail },
            _ => tijdelijk(UITLEG_LATER),
        };
    }
    if fout.is_timeout() {
        tijdelijk(UITLEG_TIJD)
    } else if fout.is_tls() {
        tijdelijk(UITLEG_TLS)
    } else if fout.is_client() {
        // lettre refuses to go on, e.g. no STARTTLS offered or no usable login method.
        tijdelijk(UITLEG_AANMELDEN)
    } else {
        tijdelijk(UITLEG_ONBEREIKBAAR)
    }
}

/// The error and its causes on one line, each cause once.
fn met_oorzaken(fout: &lettre::transport::smtp::Error) -> String {
    let mut tekst = fout.to_string();
    let mut oorzaak = fout.source();
    while let Some(o) = oorzaak {
        let deel = o.to_string();
        if !tekst.contains(&deel) {
            tekst.push_str(": ");
            tekst.push_str(&deel);
        }
        oorzaak = o.source();
    }
    tekst
}
