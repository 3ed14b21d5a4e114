//! Sending e-mail over SMTP with lettre: validated addresses ([`Adres`]), the MIME message
//! ([`bouw`]), settings from a URL ([`SmtpInstelling`]) and the sender ([`Verzender`]), whose
//! errors tell "try again later" ([`VerzendFout::Tijdelijk`]) from "give up"
//! ([`VerzendFout::Permanent`]).
//!
//! With the `testserver` feature: [`testserver::SmtpTestServer`], a real SMTP server (aiosmtpd)
//! for tests.

mod adres;
mod bericht;
mod instelling;
mod verbinding;
mod verzender;

#[cfg(feature = "testserver")]
pub mod testserver;

pub use adres::{Adres, AdresFout};
pub use bericht::{Bericht, Bijlage, BouwFout, bouw, ruwe_bytes};
pub use instelling::{Beveiliging, InstellingFout, SmtpInstelling};
/// The built message, so callers need no lettre dependency of their own.
pub use lettre::Message;
pub use verzender::{SmtpAntwoord, VerzendFout, Verzender};
