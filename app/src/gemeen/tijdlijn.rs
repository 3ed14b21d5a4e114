//! The timeline every feature writes to: the kinds of entry, an entry as pages show it, and
//! (server side) a new entry as it is written and a stored entry as it is read. Entries never
//! change once written.

use crate::gemeen::woordenlijst::woordenlijst;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
    Bericht => "bericht", "Bericht";
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

/// A stored timeline entry as pages show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TijdlijnItem {
    /// The entry's key, for corrections that point back to it.
    pub id: String,
    pub tijdstip: DateTime<Utc>,
    pub soort: Tijdlijnsoort,
    pub tekst: String,
    pub door: String,
    /// "telefoon, uitgaand, met de organisator" for a contactmoment.
    pub contact: Option<String>,
    /// The entry this one corrects.
    pub corrigeert: Option<String>,
}

/// What changed on a case since the version a refused form was based on, shown with its echo.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Wijzigingen(pub Vec<TijdlijnItem>);

#[cfg(feature = "ssr")]
pub use opslag::*;

#[cfg(feature = "ssr")]
mod opslag {
    use super::{ContactKanaal, Partij, Richting, TijdlijnItem, Tijdlijnsoort};
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

    /// A stored timeline entry as the case page shows it.
    pub fn item(t: RegelDb) -> TijdlijnItem {
        let contact = t.kanaal.map(|k| {
            let richting = t.richting.map_or("", |r| r.label());
            let partij = t.partij.map_or("", |p| p.label());
            format!("{}, {richting}, met {partij}", k.label())
        });
        TijdlijnItem {
            id: t.id,
            tijdstip: t.tijdstip,
            soort: t.soort,
            tekst: t.tekst,
            door: t.door,
            contact,
            corrigeert: t.corrigeert,
        }
    }
}
