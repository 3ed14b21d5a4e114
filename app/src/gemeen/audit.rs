//! Writing the audit log: who did or saw what, when, from where. Every feature writes it, like a
//! log line, so it is part of the kit; reading it (the coordinators' page and export) is the
//! `audit` feature. Append-only: nothing in the app changes or deletes an entry, the database
//! refuses both (migrations 0003, 0018), and every entry is a link of a hash chain (0019) that
//! `meldpunt audit verify` checks (`keten` in the `audit` feature).

use crate::gemeen::woordenlijst::woordenlijst;

woordenlijst!(Actie {
    Bekijken => "bekijken", "Bekeken";
    Aanmaken => "aanmaken", "Aangemaakt";
    Wijzigen => "wijzigen", "Gewijzigd";
    Overgang => "overgang", "Status gewijzigd";
    Versturen => "versturen", "Verstuurd";
    Exporteren => "exporteren", "Geëxporteerd";
    Aanmelden => "aanmelden", "Aangemeld";
    Afmelden => "afmelden", "Afgemeld";
    AanmeldenMislukt => "aanmelden_mislukt", "Aanmelden mislukt";
    Geweigerd => "geweigerd", "Toegang geweigerd";
    Anonimiseren => "anonimiseren", "Persoonsgegevens geanonimiseerd";
    Begrensd => "begrensd", "Te veel anonieme regels, niet alle gelogd";
});

/// The user value of entries written by the server itself (scheduled jobs, commands).
pub const SYSTEEM: &str = "systeem";

/// The longest text (in characters) a user or object of an entry keeps.
pub const MAX_TEKST: usize = 200;

/// Makes a value safe to store and show in the log: no control characters (so no forged
/// lines), no characters that reorder or hide text on screen, at most `MAX_TEKST` characters
/// (a longer one ends in `…`, so the cut shows).
pub fn schoon(s: &str) -> String {
    let mut uit: Vec<char> = s.chars().take(MAX_TEKST + 1).map(|c| if is_verdacht(c) { ' ' } else { c }).collect();
    if uit.len() > MAX_TEKST {
        uit.truncate(MAX_TEKST - 1);
        uit.push('…');
    }
    uit.into_iter().collect()
}

/// Control characters, line and paragraph separators, bidirectional overrides and zero-width
/// characters: they could fake a line break or make one text look like another.
fn is_verdacht(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}')
        || matches!(c, '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// Whoever acted, as the log records them: an id and the roles at that moment.
pub trait Persoon {
    fn id(&self) -> &str;
    fn rollen(&self) -> Vec<String>;
}

#[cfg(feature = "ssr")]
pub use schrijven::*;

#[cfg(feature = "ssr")]
mod schrijven {
    use super::{Actie, Persoon, SYSTEEM, schoon};
    use crate::gemeen::Db;
    use crate::gemeen::auditlimiet::{self, Beslissing};
    use surrealdb::types::SurrealValue;

    /// Who acted: a staff member, or nobody known (a refused or failed attempt).
    pub enum Wie<'a> {
        Gebruiker(&'a (dyn Persoon + Sync)),
        /// An account known only by its record key (e.g. at login).
        Account(&'a str),
        /// Nobody known. Limited per address (`auditlimiet`): the object may be anyone's text.
        Onbekend,
        /// The server itself (a scheduled job or a command), recorded as `systeem`.
        Systeem,
    }

    /// The content of one entry, cleaned; bound as `$audit` in [`KETEN_SCHAKEL`].
    #[derive(Debug, Clone, SurrealValue)]
    #[surreal(crate = "surrealdb::types")]
    pub struct Inhoud {
        pub gebruiker: Option<String>,
        pub rollen: Vec<String>,
        pub actie: Actie,
        pub object: Option<String>,
        pub adres: Option<String>,
    }

    impl Inhoud {
        pub fn new(wie: Wie<'_>, actie: Actie, object: Option<&str>, adres: Option<std::net::IpAddr>) -> Self {
            let (gebruiker, rollen) = match wie {
                Wie::Gebruiker(g) => (Some(schoon(g.id())), g.rollen()),
                Wie::Account(id) => (Some(schoon(id)), Vec::new()),
                Wie::Onbekend => (None, Vec::new()),
                Wie::Systeem => (Some(SYSTEEM.to_string()), vec![SYSTEEM.to_string()]),
            };
            let adres = adres.map(|a| a.to_string());
            Self { gebruiker, rollen, actie, object: object.map(schoon), adres }
        }
    }

    /// The statements that append `$audit` (an [`Inhoud`]) to the chain, inside the caller's
    /// transaction: read the head, create the entry with the next number, the head's hash as
    /// `vorige` and its own hash (`fn::audit_hash`, migration 0019), and move the head. Two
    /// transactions that read the same head both write it, so one fails with a conflict.
    pub const KETEN_SCHAKEL: &str = "
        LET $audit_kop = (SELECT volgnummer, hash FROM ONLY audit_kop:keten);
        IF $audit_kop = NONE { THROW 'the head of the audit chain is missing (migration 0019)'; };
        LET $audit_nr = $audit_kop.volgnummer + 1;
        LET $audit_tijdstip = time::now();
        LET $audit_hash = fn::audit_hash($audit_nr, $audit_kop.hash, $audit_tijdstip, $audit.gebruiker,
            $audit.rollen, $audit.actie, $audit.object, $audit.adres);
        CREATE audit SET tijdstip = $audit_tijdstip, gebruiker = $audit.gebruiker, rollen = $audit.rollen,
            actie = $audit.actie, object = $audit.object, adres = $audit.adres,
            volgnummer = $audit_nr, vorige = $audit_kop.hash, hash = $audit_hash RETURN NONE;
        UPDATE audit_kop:keten SET volgnummer = $audit_nr, hash = $audit_hash RETURN NONE;
    ";

    /// How often one entry is tried when it conflicts with another writer (another process on
    /// the same database; writers in this process wait for each other, see [`schrijfslot`]).
    pub const POGINGEN: u32 = 8;

    static SLOT: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

    /// One chain writer at a time in this process: they would all conflict on the head. Hold it
    /// while running a transaction that contains [`KETEN_SCHAKEL`].
    pub async fn schrijfslot() -> tokio::sync::MutexGuard<'static, ()> {
        SLOT.lock().await
    }

    /// The entries of one database waiting to be written, each with who waits for it.
    #[derive(Default)]
    pub struct Wachtrij {
        rij: std::sync::Mutex<Vec<(Inhoud, Wachter)>>,
    }

    /// Who waits for an entry: told whether its commit succeeded.
    type Wachter = tokio::sync::oneshot::Sender<Result<(), String>>;

    /// Writes one entry, and returns once it is committed. A failure is logged, never passed
    /// on: the request that is being logged does not fail because its log entry could not be
    /// written.
    ///
    /// Group commit: the entry joins its database's queue; whoever holds the chain's writer slot
    /// next writes the whole queue in one transaction (one chain link per entry, in queue order)
    /// and tells each waiter. Under load many entries share one commit instead of queueing for
    /// one commit each, and every caller still returns only after its own entry is stored.
    pub async fn schrijf(db: &Db, wie: Wie<'_>, actie: Actie, object: Option<&str>, adres: Option<std::net::IpAddr>) {
        let anoniem = matches!(wie, Wie::Onbekend);
        let mut inhoud = Inhoud::new(wie, actie, object, adres);
        if let (true, Some(a)) = (anoniem, adres) {
            match auditlimiet::anoniem(a) {
                Beslissing::Schrijven => {}
                Beslissing::Melden => {
                    inhoud.actie = Actie::Begrensd;
                    inhoud.object = Some(auditlimiet::melding());
                }
                Beslissing::Overslaan => return,
            }
        }
        let (klaar, antwoord) = tokio::sync::oneshot::channel();
        match db.audit.rij.lock() {
            Ok(mut rij) => rij.push((inhoud, klaar)),
            Err(_) => {
                tracing::error!(actie = actie.code(), "audit queue unusable");
                return;
            }
        }
        {
            let _slot = schrijfslot().await;
            // Taken by an earlier holder of the slot: then it is written already, and the
            // answer is waiting below.
            let groep = db.audit.rij.lock().map(|mut r| std::mem::take(&mut *r)).unwrap_or_default();
            if !groep.is_empty() {
                let (inhoud, wachters): (Vec<_>, Vec<_>) = groep.into_iter().unzip();
                let uitkomst = voeg_toe(db, &inhoud).await.map_err(|e| e.to_string());
                for w in wachters {
                    let _ = w.send(uitkomst.clone());
                }
            }
        }
        match antwoord.await {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::error!(error = %e, actie = actie.code(), "audit entry could not be written"),
            Err(_) => tracing::error!(actie = actie.code(), "audit entry lost: its writer stopped"),
        }
    }

    /// Appends entries in one transaction, a chain link each, again (up to [`POGINGEN`] times,
    /// after a random pause that doubles each time, so that two writers do not meet again; at
    /// most 1.3 s in all) when it conflicted with another writer.
    pub async fn voeg_toe(db: &Db, inhoud: &[Inhoud]) -> Result<(), surrealdb::Error> {
        let sql = format!("BEGIN TRANSACTION;\nFOR $audit IN $rij {{\n{KETEN_SCHAKEL}\n}};\nCOMMIT TRANSACTION;");
        let mut poging = 1;
        loop {
            let res = db.query(sql.as_str()).bind(("rij", inhoud.to_vec())).await;
            match res.map_err(|e| (is_conflict(&e), e)).and_then(eerste_fout) {
                Ok(()) => return Ok(()),
                Err((true, _)) if poging < POGINGEN => {
                    tracing::debug!(poging, "audit chain write conflicted; trying again");
                    let pauze = rand::random_range(1..=5u64 << poging);
                    tokio::time::sleep(std::time::Duration::from_millis(pauze)).await;
                    poging += 1;
                }
                Err((_, e)) => return Err(e),
            }
        }
    }

    /// The first failed statement's error, or a conflict if any statement conflicted (when a
    /// commit fails, the statements before it report "not executed").
    fn eerste_fout(mut res: surrealdb::IndexedResults) -> Result<(), (bool, surrealdb::Error)> {
        let mut fouten: Vec<(usize, surrealdb::Error)> = res.take_errors().into_iter().collect();
        fouten.sort_by_key(|(i, _)| *i);
        match fouten.iter().position(|(_, e)| is_conflict(e)) {
            Some(i) => Err((true, fouten.swap_remove(i).1)),
            None => fouten.into_iter().next().map_or(Ok(()), |(_, e)| Err((false, e))),
        }
    }

    /// A transaction conflict: trying again may succeed.
    pub fn is_conflict(e: &surrealdb::Error) -> bool {
        matches!(e.query_details(), Some(surrealdb::types::QueryError::TransactionConflict))
            || e.to_string().contains("can be retried")
    }

    /// For server functions: the user and address of the current request.
    pub async fn schrijf_voor_verzoek<P: Persoon + Sync>(
        db: &Db,
        gebruiker: Option<&P>,
        actie: Actie,
        object: Option<&str>,
    ) {
        let adres = leptos::prelude::use_context::<http::request::Parts>().and_then(|p| crate::gemeen::http::adres(&p));
        let wie = gebruiker.map_or(Wie::Onbekend, |g| Wie::Gebruiker(g));
        schrijf(db, wie, actie, object, adres).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_cannot_forge_entries() {
        assert_eq!(schoon("M-2026-00001\n2026-01-01 beheerder wijzigen"), "M-2026-00001 2026-01-01 beheerder wijzigen");
        assert_eq!(schoon("a\r\u{1b}[31mb\u{0}"), "a  [31mb ");
        let lang = schoon(&"é".repeat(1000));
        assert_eq!(lang.chars().count(), MAX_TEKST);
        assert!(lang.ends_with("é…"), "the cut shows");
        assert_eq!(schoon(&"x".repeat(MAX_TEKST)), "x".repeat(MAX_TEKST), "exactly the maximum stays whole");
    }

    #[test]
    fn text_that_reorders_or_hides_itself_is_cleaned() {
        assert_eq!(schoon("M-2026-\u{202e}10000\u{202c}"), "M-2026- 10000 ");
        assert_eq!(schoon("a\u{2028}b\u{200b}c\u{feff}"), "a b c ");
        assert_eq!(schoon("Coördinator Émile"), "Coördinator Émile");
    }
}
