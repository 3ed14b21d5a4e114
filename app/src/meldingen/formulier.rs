//! The public melding form: raw input, its parsing into a `NieuweMelding`, and the Dutch
//! messages per field. Used by the server (authoritative) and by the page that shows the form.

use crate::gemeen::Veldfouten;
use crate::gemeen::contact::{is_email, is_telefoon};
use crate::locaties::model::{LocatieId, LocatieKeuze};
use crate::zaak::model::{Categorie, Relatie};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_OMSCHRIJVING: usize = 5000;
pub const MIN_OMSCHRIJVING: usize = 20;
pub const MAX_KORT: usize = 200;

/// The form exactly as submitted, every field a string, so it can be shown again unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeldFormulier {
    pub locatie_zoek: String,
    pub locatie_id: String,
    pub locatie_onbekend: String,
    pub categorieen: Vec<String>,
    pub omschrijving: String,
    pub feit_datum: String,
    pub acuut: bool,
    pub relatie: String,
    pub anoniem: bool,
    pub naam: String,
    pub email: String,
    pub telefoon: String,
    pub privacy: bool,
    /// Honeypot: a field people never see; bots fill it in.
    pub website: String,
    /// Staff intake only (see `Registratie`): channel, when it arrived, urgency, case type.
    pub kanaal: String,
    pub ontvangen: String,
    pub urgentie: String,
    pub soort: String,
}

impl MeldFormulier {
    /// Reads `application/x-www-form-urlencoded` pairs. Unknown keys are ignored; every value is
    /// cut to a bounded length so that no input can make the server do unbounded work.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut f = Self::default();
        for (k, v) in pairs {
            let kort = || begrens(v, MAX_KORT);
            match k {
                "locatie_zoek" => f.locatie_zoek = kort(),
                "locatie_id" => f.locatie_id = kort(),
                "locatie_onbekend" => f.locatie_onbekend = begrens(v, 500),
                "categorie" if f.categorieen.len() < Categorie::ALLE.len() => f.categorieen.push(kort()),
                "omschrijving" => f.omschrijving = begrens(v, MAX_OMSCHRIJVING + 1),
                "feit_datum" => f.feit_datum = kort(),
                "acuut" => f.acuut = !v.is_empty(),
                "relatie" => f.relatie = kort(),
                "anoniem" => f.anoniem = !v.is_empty(),
                "naam" => f.naam = kort(),
                "email" => f.email = kort(),
                "telefoon" => f.telefoon = kort(),
                "privacy" => f.privacy = !v.is_empty(),
                "website" => f.website = kort(),
                "kanaal" => f.kanaal = kort(),
                "ontvangen" => f.ontvangen = kort(),
                "urgentie" => f.urgentie = kort(),
                "soort" => f.soort = kort(),
                _ => {}
            }
        }
        f
    }

    pub fn is_bot(&self) -> bool {
        !self.website.trim().is_empty()
    }
}

fn begrens(v: &str, max: usize) -> String {
    v.chars().take(max).collect()
}

/// What the location search left for the form shown again: the matches and the location chosen
/// (what was typed and the messages are the echo of the form `melden`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocatieZoektocht {
    pub zoekresultaten: Vec<LocatieKeuze>,
    pub gekozen: Option<LocatieKeuze>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    Anoniem,
    Bekend { naam: String, email: Option<String>, telefoon: Option<String> },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plaats {
    Gekend(LocatieId),
    /// The reporter could not find the location (e.g. childcare without a licence).
    Omschreven(String),
}

/// A melding that passed every check: only this type reaches the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NieuweMelding {
    pub plaats: Plaats,
    pub categorieen: Vec<Categorie>,
    pub omschrijving: String,
    pub feit_datum: NaiveDate,
    pub acuut: bool,
    pub relatie: Relatie,
    pub contact: Contact,
}

impl NieuweMelding {
    /// Checks every field against `vandaag` (the date in Belgium) and returns all problems at once.
    pub fn parse(f: &MeldFormulier, vandaag: NaiveDate) -> Result<Self, Veldfouten> {
        let mut fouten = Veldfouten::default();

        let plaats = match (LocatieId::parse(&f.locatie_id), f.locatie_onbekend.trim()) {
            (Some(id), _) => Some(Plaats::Gekend(id)),
            (None, t) if t.chars().count() >= 5 => Some(Plaats::Omschreven(t.to_string())),
            (None, t) if !t.is_empty() => {
                fouten.zet("locatie", "Beschrijf de opvang iets uitgebreider: naam, straat en gemeente.");
                None
            }
            _ => {
                fouten
                    .zet("locatie", "Kies de opvang waarover u iets wilt melden, of beschrijf ze als u ze niet vindt.");
                None
            }
        };

        let mut categorieen = Vec::new();
        for code in &f.categorieen {
            match Categorie::from_code(code) {
                Some(c) if !categorieen.contains(&c) => categorieen.push(c),
                Some(_) => {}
                None => fouten.zet("categorie", "Kies een onderwerp uit de lijst."),
            }
        }
        if categorieen.is_empty() {
            fouten.zet("categorie", "Kies minstens één onderwerp.");
        }

        let omschrijving = f.omschrijving.trim().to_string();
        let lengte = omschrijving.chars().count();
        if lengte < MIN_OMSCHRIJVING {
            fouten.zet("omschrijving", "Vertel wat er gebeurd is, in minstens 20 tekens.");
        } else if lengte > MAX_OMSCHRIJVING {
            fouten.zet("omschrijving", "Uw tekst is te lang: houd het bij 5000 tekens.");
        }

        let feit_datum = match NaiveDate::parse_from_str(f.feit_datum.trim(), "%Y-%m-%d") {
            Ok(d) if d > vandaag => {
                fouten.zet("feit_datum", "Deze datum ligt in de toekomst.");
                None
            }
            Ok(d) if d < vandaag - chrono::Days::new(366 * 5) => {
                fouten.zet("feit_datum", "Deze datum ligt meer dan vijf jaar terug. Bel ons voor oudere feiten.");
                None
            }
            Ok(d) => Some(d),
            Err(_) if f.feit_datum.trim().is_empty() => {
                fouten.zet("feit_datum", "Vul in wanneer het gebeurde (of ongeveer).");
                None
            }
            Err(_) => {
                fouten.zet("feit_datum", "Vul een datum in als dag, maand en jaar, bijvoorbeeld 14-03-2026.");
                None
            }
        };

        let relatie = Relatie::from_code(&f.relatie);
        if relatie.is_none() {
            fouten.zet("relatie", "Kies wie u bent tegenover het kind.");
        }

        let contact = if f.anoniem {
            Some(Contact::Anoniem)
        } else {
            let naam = f.naam.trim();
            let email = f.email.trim();
            let telefoon = f.telefoon.trim();
            if naam.chars().count() < 2 {
                fouten.zet("naam", "Vul uw naam in, of kies om anoniem te melden.");
            }
            if !email.is_empty() && !is_email(email) {
                fouten.zet("email", "Dit e-mailadres klopt niet. Voorbeeld: naam@voorbeeld.be");
            }
            if !telefoon.is_empty() && !is_telefoon(telefoon) {
                fouten.zet("telefoon", "Dit telefoonnummer klopt niet. Voorbeeld: 0470 12 34 56");
            }
            if email.is_empty() && telefoon.is_empty() {
                fouten.zet("email", "Geef een e-mailadres of telefoonnummer, zodat we u kunnen bereiken.");
            }
            Some(Contact::Bekend {
                naam: naam.to_string(),
                email: (!email.is_empty()).then(|| email.to_lowercase()),
                telefoon: (!telefoon.is_empty()).then(|| telefoon.to_string()),
            })
        };

        if !f.privacy {
            fouten.zet("privacy", "Bevestig dat u de privacyverklaring gelezen hebt.");
        }

        match (plaats, feit_datum, relatie, contact) {
            (Some(plaats), Some(feit_datum), Some(relatie), Some(contact)) if fouten.is_empty() => {
                Ok(Self { plaats, categorieen, omschrijving, feit_datum, acuut: f.acuut, relatie, contact })
            }
            _ => Err(fouten),
        }
    }
}
