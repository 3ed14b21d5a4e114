//! Retention: a number of days after a case closed (`afgerond`), the reporter's personal data
//! (name, e-mail address, phone number) is anonymised, also where it was written in the case's
//! free text (`patroon`), and the files of the case's documents are deleted (each document row
//! stays, marked removed). The case, its timeline, the reporter's
//! relation and the statistics stay. Each case is marked when it is done (`geanonimiseerd`), so
//! running the job twice changes nothing the second time; each anonymisation gets one audit
//! entry by the system.

#[cfg(feature = "ssr")]
pub mod patroon;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;

/// Days after closing, unless configured otherwise.
pub const STANDAARD_DAGEN: u32 = 365;

/// A closed case whose reporter data is (or would be) anonymised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kandidaat {
    pub referentie: String,
    pub afgerond: chrono::DateTime<chrono::Utc>,
}
