//! The demo team and the Dutch texts of what it does to a case: notes, contactmomenten and the
//! reasons the steps of the state machine ask for. All fictional.

use super::DemoMedewerker;
use crate::behandeling::model::Wachtende;
use crate::behandeling::tijdlijn::{ContactKanaal, Richting};
use crate::zaak::model::Beoordeling;

const fn lid(key: &'static str, naam: &'static str, email: &'static str, coordinator: bool) -> DemoMedewerker {
    DemoMedewerker { key, naam, email, coordinator }
}

/// The team that handles the demo cases. Accounts without a password: an admin sets one
/// (`/beheer/accounts`) to log in as one of them.
pub const TEAM: &[DemoMedewerker] = &[
    lid("team01", "Hilde Verbeke", "hilde.verbeke@demo.meldpunt.test", true),
    lid("team02", "Tom Wouters", "tom.wouters@demo.meldpunt.test", false),
    lid("team03", "Nadia Benali", "nadia.benali@demo.meldpunt.test", false),
    lid("team04", "Kris Mertens", "kris.mertens@demo.meldpunt.test", false),
    lid("team05", "Sien Van Acker", "sien.vanacker@demo.meldpunt.test", false),
    lid("team06", "Jonas Claes", "jonas.claes@demo.meldpunt.test", false),
    lid("team07", "Fatima El Amrani", "fatima.elamrani@demo.meldpunt.test", false),
    lid("team08", "Ruben De Smet", "ruben.desmet@demo.meldpunt.test", false),
];

/// Contact with the melder: how, which way, what.
pub(super) const CONTACT_MELDER: &[(ContactKanaal, Richting, &str)] = &[
    (ContactKanaal::Telefoon, Richting::In, "Melder belde met bijkomende info over het ophaalmoment."),
    (ContactKanaal::Telefoon, Richting::Uit, "Melder teruggebeld: het voorval is vorige week opnieuw gebeurd."),
    (ContactKanaal::Email, Richting::In, "E-mail van de melder ontvangen met foto's van de situatie."),
    (ContactKanaal::Telefoon, Richting::In, "Gesprek met de melder: wil niet dat de opvang weet wie de melding deed."),
    (ContactKanaal::Email, Richting::Uit, "Melder gemaild om de periode en de betrokken leefgroep te verduidelijken."),
];
pub(super) const CONTACT_ORGANISATOR: &[(ContactKanaal, Richting, &str)] = &[
    (
        ContactKanaal::Telefoon,
        Richting::Uit,
        "Verantwoordelijke van de opvang gebeld; die bevestigt het voorval gedeeltelijk.",
    ),
    (ContactKanaal::Email, Richting::Uit, "Mail aan de organisator met de vraag om binnen tien dagen te reageren."),
    (
        ContactKanaal::Email,
        Richting::In,
        "Reactie van de organisator ontvangen: er is intussen een extra begeleider ingezet.",
    ),
    (ContactKanaal::Overleg, Richting::Uit, "Gesprek met de organisator over de afspraken rond toezicht en ophalen."),
    (
        ContactKanaal::Brief,
        Richting::In,
        "Schriftelijke reactie van de organisator ontvangen, met het aangepaste huishoudelijk reglement.",
    ),
];
pub(super) const NOTITIES_LOCATIE: &[&str] = &[
    "Eerdere meldingen over deze locatie nagekeken: twee gelijkaardige meldingen vorig jaar.",
    "Afgestemd met de klantenbeheerder kinderopvang van deze organisator.",
    "Advies gevraagd aan de pedagoog over de aanpak bij het slapen.",
    "Zorginspectie gevraagd om een onaangekondigd bezoek.",
    "Besproken op het teamoverleg: eerst een reactie van de organisator vragen.",
    "Vergunning en capaciteit van de locatie nagekeken: geen afwijkingen in het dossier.",
];
pub(super) const NOTITIES_ZONDER: &[&str] = &[
    "Adres nagekeken: geen vergunde opvang gekend op dit adres.",
    "Gemeente gecontacteerd om na te gaan wie er op dit adres woont.",
    "Besproken met de jurist: mogelijk opvang zonder vergunning, verdere vaststelling nodig.",
    "Zorginspectie gevraagd om ter plaatse te gaan kijken.",
];
pub(super) const ACUUT: &str = "Acute melding: dezelfde dag geëscaleerd naar de teamcoördinator.";

/// (key of a service seeded by migration 0010, why the case goes there).
pub(super) const DOORVERWIJZINGEN: &[(&str, &str)] = &[
    ("politie", "Mogelijk misdrijf buiten de opvang: dit hoort bij politie en parket."),
    ("vk", "Zorgen over de thuissituatie van het kind, niet over de opvang."),
    ("loket", "De ouder zoekt vooral een andere opvangplaats."),
    ("gba", "De klacht gaat over foto's van de kinderen op sociale media: een privacyvraag."),
    ("zorginspectie", "Alleen een inspectie ter plaatse kan dit vaststellen."),
];
pub(super) const ONONTVANKELIJK: &[&str] = &[
    "De melding gaat over een kleuterklas, niet over kinderopvang.",
    "De melder is de organisator zelf.",
    "Er staat te weinig informatie in om de opvang terug te vinden.",
    "Dezelfde feiten werden al eerder gemeld en behandeld.",
    "De feiten dateren van meer dan vijf jaar geleden.",
];

/// Why we wait, per party, and what the answer brought.
pub(super) fn wachten(van: Wachtende) -> (&'static str, &'static str) {
    match van {
        Wachtende::Melder => (
            "Vraag om bijkomende informatie verstuurd naar de melder.",
            "Antwoord van de melder ontvangen met de gevraagde details.",
        ),
        Wachtende::Organisator => (
            "De organisator moet eerst schriftelijk reageren op de feiten.",
            "Schriftelijke reactie van de organisator ontvangen.",
        ),
        Wachtende::Expert => (
            "Advies gevraagd aan de jurist over de vaststellingen zonder vergunning.",
            "Advies van de jurist ontvangen.",
        ),
    }
}

/// The explanation of an overall assessment.
pub(super) fn conclusies(b: Beoordeling) -> &'static [&'static str] {
    match b {
        Beoordeling::Gegrond => &[
            "De organisator bevestigt de feiten; afspraken gemaakt over toezicht en opvolging.",
            "De feiten zijn vastgesteld bij het bezoek van Zorginspectie.",
        ],
        Beoordeling::DeelsGegrond => &[
            "Een deel van de feiten wordt bevestigd, voor de rest ontbreken aanwijzingen.",
            "Het voorval is bevestigd, maar het gaat niet om een terugkerend probleem.",
        ],
        Beoordeling::Ongegrond => &[
            "Geen aanwijzingen gevonden; de organisator kon alles aantonen met documenten.",
            "Bij het bezoek bleek de situatie in orde.",
        ],
        Beoordeling::NietTeBeoordelen => &[
            "Te weinig gegevens om de feiten te beoordelen; de melder reageerde niet meer.",
            "De feiten zijn te lang geleden om nog na te gaan.",
        ],
    }
}
pub(super) const TERUG: &str = "Nieuwe informatie van de organisator: de analyse moet opnieuw bekeken worden.";
pub(super) const HERVERDELING: &[&str] = &[
    "Herverdeling wegens langdurig verlof.",
    "Werklast verdeeld na het teamoverleg.",
    "Dossierkennis: gelijkaardige melding.",
];
pub(super) const VERLENGING: &[(u32, &str)] = &[
    (14, "Wachten op het verslag van Zorginspectie."),
    (21, "De organisator vroeg uitstel om te reageren."),
    (30, "Bijkomend onderzoek nodig na nieuwe meldingen over dezelfde opvang."),
];
pub(super) const GEEN_UITKOMST: &str = "Anonieme melding: geen contactgegevens om de uitkomst te bezorgen.";
pub(super) const HEROPEN: &[&str] = &[
    "Nieuwe melding over dezelfde feiten ontvangen.",
    "De melder is het niet eens met de afhandeling en brengt nieuwe informatie aan.",
];
