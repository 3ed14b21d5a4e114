//! Who messages come from (`--mail-from`, `--mail-reply-to`, `--team-telefoon`) and whether a
//! mail server is set: part of the configuration every request sees.

#[derive(Debug, Clone)]
pub struct Afzender {
    pub naam: String,
    pub email: String,
    pub antwoord_aan: Option<String>,
    pub telefoon: String,
    /// Is `--smtp-url` set? Without it, messages wait in the outbox and the pages say so.
    pub smtp: bool,
}

impl Default for Afzender {
    fn default() -> Self {
        Self {
            naam: "Meldpunt Kinderopvang".into(),
            email: "meldpunt@meldpunt.test".into(),
            antwoord_aan: None,
            telefoon: "02 533 14 14".into(),
            smtp: false,
        }
    }
}
