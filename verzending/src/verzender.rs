//! Sending over SMTP with lettre, and sorting failures into "try again later" and "give up".

use std::error::Error as _;

use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::response::Response;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::bericht::{Bericht, BouwFout, bouw};
use crate::instelling::{Beveiliging, InstellingFout, SmtpInstelling};

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

/// Sends mail through one SMTP server; one connection per message.
#[derive(Clone)]
pub struct Verzender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl Verzender {
    pub fn nieuw(instelling: &SmtpInstelling) -> Result<Verzender, InstellingFout> {
        let host = instelling.host();
        let tls = || TlsParameters::new(host.to_owned()).map_err(|e| InstellingFout::Tls(e.to_string()));
        // builder_dangerous is lettre's plain constructor; TLS is set explicitly below.
        let mut bouwer = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(instelling.poort())
            .timeout(Some(instelling.timeout()));
        bouwer = match instelling.beveiliging() {
            Beveiliging::Geen => bouwer.tls(Tls::None),
            Beveiliging::StartTls => bouwer.tls(Tls::Required(tls()?)),
            Beveiliging::Tls => bouwer.tls(Tls::Wrapper(tls()?)),
        };
        if let Some((gebruiker, wachtwoord)) = instelling.inlog() {
            if instelling.beveiliging() == Beveiliging::Geen && !instelling.is_lokaal() {
                return Err(InstellingFout::WachtwoordZonderTls(host.to_owned()));
            }
            bouwer = bouwer.credentials(Credentials::new(gebruiker, wachtwoord));
        }
        Ok(Verzender { transport: bouwer.build() })
    }

    /// Builds and sends the message.
    pub async fn verstuur(&self, bericht: &Bericht) -> Result<SmtpAntwoord, VerzendFout> {
        let gebouwd = bouw(bericht)?;
        self.verstuur_gebouwd(&gebouwd).await
    }

    /// Sends a message built with [`bouw`], e.g. after storing its [`crate::ruwe_bytes`].
    pub async fn verstuur_gebouwd(&self, bericht: &Message) -> Result<SmtpAntwoord, VerzendFout> {
        match self.transport.send(bericht.clone()).await {
            Ok(antwoord) => Ok(smtp_antwoord(&antwoord)),
            Err(fout) => Err(sorteer(&fout)),
        }
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
