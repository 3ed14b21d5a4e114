//! The timeline every feature writes to: the kinds of entry, and (server side) a new entry as it
//! is written and a stored entry as it is read. Entries never change once written.

use crate::gemeen::woordenlijst::woordenlijst;

woordenlijst!(Tijdlijnsoort {
    Ontvangen => "ontvangen", "Ontvangen";
    Status => "status", "Status";
    Contact => "contact", "Contact";
    Notitie => "notitie", "Notitie";
    Toewijzing => "toewijzing", "Toewijzing";
    Correctie => "correctie", "Correctie";
    Termijn => "termijn", "Termijn";
    Document => "document", "Document";
    Advies => "advies", "Advies";
    Koppeling => "koppeling", "Koppeling";
    Analyse => "analyse", "Analyse";
    Opvolging => "opvolging", "Opvolging";
    Citaat => "citaat", "Citaat";
});

// A contactmoment: how, in or out, with whom.
woordenlijst!(ContactKanaal {
    Telefoon => "telefoon", "Telefoon";
    Email => "email", "E-mail";
    Brief => "brief", "Brief";
    Overleg => "overleg", "Overleg";
    Bezoek => "bezoek", "Bezoek";
});

woordenlijst!(Richting {
    In => "in", "inkomend";
    Uit => "uit", "uitgaand";
});

woordenlijst!(Partij {
    Melder => "melder", "de melder";
    Organisator => "organisator", "de organisator";
    Ouder => "ouder", "een ouder";
    Zorginspectie => "zorginspectie", "Zorginspectie";
    Expert => "expert", "een expert";
    Andere => "andere", "iemand anders";
});

#[cfg(feature = "ssr")]
pub use opslag::*;

#[cfg(feature = "ssr")]
mod opslag {
    use super::{ContactKanaal, Partij, Richting, Tijdlijnsoort};
    use chrono::{DateTime, Utc};
    use surrealdb::types::{RecordId, SurrealValue};

    /// One new timeline entry.
    #[derive(Debug, Clone, SurrealValue)]
    #[surreal(crate = "surrealdb::types")]
    pub struct Regel {
        pub tijdstip: DateTime<Utc>,
        pub soort: Tijdlijnsoort,
        pub tekst: String,
        pub door: String,
        pub gebruiker: Option<RecordId>,
        pub kanaal: Option<ContactKanaal>,
        pub richting: Option<Richting>,
        pub partij: Option<Partij>,
        pub corrigeert: Option<RecordId>,
    }

    impl Regel {
        /// An entry of `soort` by `door` (a name, or `melder` / `systeem`), with nothing else.
        pub fn nieuw(tijdstip: DateTime<Utc>, soort: Tijdlijnsoort, tekst: String, door: String) -> Self {
            Self {
                tijdstip,
                soort,
                tekst,
                door,
                gebruiker: None,
                kanaal: None,
                richting: None,
                partij: None,
                corrigeert: None,
            }
        }
    }

    /// A stored entry, read with `REGEL_VELDEN`.
    #[derive(Debug, Clone, SurrealValue)]
    #[surreal(crate = "surrealdb::types")]
    pub struct RegelDb {
        pub id: String,
        pub tijdstip: DateTime<Utc>,
        pub soort: Tijdlijnsoort,
        pub tekst: String,
        pub door: String,
        pub versie: i64,
        pub kanaal: Option<ContactKanaal>,
        pub richting: Option<Richting>,
        pub partij: Option<Partij>,
        pub corrigeert: Option<String>,
    }

    /// The projection `RegelDb` reads from `tijdlijn`.
    pub const REGEL_VELDEN: &str = "record::id(id) AS id, tijdstip, soort, tekst, door, versie,
    kanaal, richting, partij, (IF corrigeert { record::id(corrigeert) } ELSE { NONE }) AS corrigeert";
}
