//! Messages written from a case, as pages show them and as the composer posts them (shared with
//! the browser build: plain strings, the status as a word list).

use crate::gemeen::woordenlijst::woordenlijst;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

// Where a message is on its way out.
woordenlijst!(BerichtStatus {
    Nazicht => "nazicht", "Wacht op nazicht";
    Teruggestuurd => "teruggestuurd", "Teruggestuurd door de nalezer";
    Wachtrij => "wachtrij", "Klaar om te vertrekken";
    Verzonden => "verzonden", "Verzonden";
    Mislukt => "mislukt", "Niet verzonden";
    Geannuleerd => "geannuleerd", "Geannuleerd";
});

// How a message leaves: by e-mail through the outbox, or printed and posted by staff.
woordenlijst!(BerichtKanaal {
    Email => "email", "E-mail";
    Brief => "brief", "Brief per post";
});

impl BerichtKanaal {
    /// The kinds a template allows (`beide`: both, e-mail first).
    pub fn van_sjabloon(kanaal: &str) -> Vec<BerichtKanaal> {
        match kanaal {
            "email" => vec![BerichtKanaal::Email],
            "brief" => vec![BerichtKanaal::Brief],
            _ => vec![BerichtKanaal::Email, BerichtKanaal::Brief],
        }
    }

    /// "E-mail" or "Brief", to start a sentence on the timeline.
    pub fn woord(self) -> &'static str {
        match self {
            BerichtKanaal::Email => "E-mail",
            BerichtKanaal::Brief => "Brief",
        }
    }
}

/// Most lines of a postal address (name, attention line, street, postcode and municipality, country).
pub const MAX_POSTADRES_REGELS: usize = 6;

/// Longest body the composer accepts, in characters (a long letter is about 4,000).
pub const MAX_INHOUD: usize = 10_000;
/// Longest subject, in characters.
pub const MAX_ONDERWERP: usize = 200;
/// Most bytes of attachments one e-mail carries (mail servers commonly refuse above 25 MB,
/// and base64 makes attachments a third larger).
pub const MAX_BIJLAGEN_BYTES: i64 = 15_000_000;
/// Most recipients of one message.
pub const MAX_ONTVANGERS: usize = 20;

/// One message in a list (on the case, in review, in the outbox).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BerichtRegel {
    pub id: String,
    pub referentie: String,
    pub kanaal: BerichtKanaal,
    pub status: BerichtStatus,
    pub onderwerp: String,
    /// "Jana Peeters <jana@example.be>, …"; for a letter its postal address on one line.
    pub aan: String,
    pub door: String,
    pub geschreven: DateTime<Utc>,
    pub sjabloon: Option<String>,
    pub automatisch: bool,
    pub verzonden: Option<DateTime<Utc>>,
    pub pogingen: i64,
    pub volgende_poging: DateTime<Utc>,
    /// The last failure, in words for staff.
    pub laatste_fout: Option<String>,
    /// The reviewer's comment when sent back.
    pub opmerking: Option<String>,
    pub goedgekeurd_door: Option<String>,
}

/// One message in full: the frozen text as sent (or to be sent) and the proof of sending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BerichtDetail {
    pub regel: BerichtRegel,
    /// The sanitised body of the e-mail as sent.
    pub html: String,
    pub tekst: String,
    pub bijlagen: Vec<String>,
    /// The case document holding the message as a printed letter.
    pub pdf: Option<String>,
    pub hash: String,
    pub message_id: String,
    pub sjabloon_revisie: Option<i64>,
    pub smtp_antwoord: Option<String>,
    /// May the person looking approve it (a reviewer, not the writer, still in review)?
    pub mag_nazien: bool,
}

/// A template the composer offers for this case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SjabloonKeuze {
    pub slug: String,
    pub titel: String,
    pub publiek: String,
    pub tweede_lezer: bool,
    /// `email`, `brief` or `beide`.
    pub kanaal: String,
}

/// Someone of the case the message can go to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partij {
    /// `melder`, `organisator`, `medebehandelaar`, `dienst:<key>`.
    pub code: String,
    /// "Melder", "Organisator", …
    pub rol: String,
    /// The name the message is addressed to.
    pub label: String,
    pub email: String,
}

/// The draft from a template, before the writer changes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concept {
    pub sjabloon: String,
    pub titel: String,
    pub revisie: i64,
    pub publiek: String,
    pub tweede_lezer: bool,
    pub onderwerp: String,
    pub inhoud: String,
    /// Party codes ticked at first: the template's audience.
    pub ontvangers: Vec<String>,
    /// How it may leave, the first being the default.
    pub kanalen: Vec<BerichtKanaal>,
    /// For a letter: the audience's postal address when the case knows it, one line each.
    pub postadres: String,
}

/// `/meldingen/<referentie>/schrijven`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchrijfPagina {
    pub referentie: String,
    pub sjablonen: Vec<SjabloonKeuze>,
    pub concept: Option<Concept>,
    pub partijen: Vec<Partij>,
    /// `(id, name)` of the case's documents.
    pub documenten: Vec<(String, String)>,
    /// Is a mail server set? Without one, messages wait in the outbox.
    pub smtp: bool,
}

/// The composer's preview: the message as the recipient will see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BerichtVoorbeeld {
    pub onderwerp: String,
    pub aan: Vec<String>,
    pub html: String,
    pub tekst: String,
    pub bijlagen: Vec<String>,
    pub open: Vec<String>,
    pub schrijfhulp: crate::sjablonen::model::Schrijfhulp,
}

/// The composer's live preview of the body (the island asks for it while the writer types).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LiveBerichtVoorbeeld {
    /// The e-mail's HTML body, sanitised as it will be sent.
    pub html: String,
    pub open: Vec<String>,
    pub schrijfhulp: crate::sjablonen::model::Schrijfhulp,
}

/// `/nazicht` and `/uitgaand`: messages in a list, with whether the mail server is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Berichtenlijst {
    pub berichten: Vec<BerichtRegel>,
    pub smtp: bool,
}
