//! What a case is, in the words every case feature shares: its reference, status, kind,
//! categories, urgency, channel, reporter and the assessment it ends with. Shared by server and
//! browser; no case feature is imported here, so every feature can build on it.

use crate::gemeen::woordenlijst::woordenlijst;
use serde::{Deserialize, Serialize};
use std::fmt;

woordenlijst!(Categorie {
    Veiligheid => "veiligheid", "Veiligheid";
    GezondheidHygiene => "gezondheid_hygiene", "Gezondheid en hygiëne";
    PedagogischeAanpak => "pedagogische_aanpak", "Pedagogische aanpak";
    Grensoverschrijdend => "grensoverschrijdend_gedrag", "Grensoverschrijdend gedrag";
    BegeleidingKindratio => "begeleiding_kindratio", "Begeleiding en aantal kinderen per begeleider";
    Infrastructuur => "infrastructuur", "Gebouw en inrichting";
    Voeding => "voeding", "Voeding";
    AdministratiePrijs => "administratie_prijs", "Administratie en prijs";
    ZonderVergunning => "zonder_vergunning", "Opvang zonder vergunning";
    Andere => "andere", "Iets anders";
});

woordenlijst!(Relatie {
    Ouder => "ouder", "Ik ben ouder van een kind in deze opvang";
    Grootouder => "grootouder", "Ik ben grootouder of familie";
    Personeel => "personeel", "Ik werk of werkte in deze opvang";
    Buur => "buur", "Ik woon of werk in de buurt";
    Professional => "professional", "Ik ben hulpverlener of professional";
    Andere => "andere", "Iets anders";
});

woordenlijst!(Kanaal {
    Webformulier => "webformulier", "Webformulier";
    Telefoon => "telefoon", "Telefoon";
    Email => "email", "E-mail";
    Brief => "brief", "Brief";
    Balie => "balie", "Balie";
});

woordenlijst!(Status {
    Ontvangen => "ontvangen", "Ontvangen";
    InBehandeling => "in_behandeling", "In behandeling";
    WachtOpInfo => "wacht_op_info", "Wacht op informatie";
    Conclusie => "conclusie", "Conclusie";
    Afgesloten => "afgesloten", "Afgesloten";
    Doorverwezen => "doorverwezen", "Doorverwezen";
    Onontvankelijk => "onontvankelijk", "Onontvankelijk";
    Heropend => "heropend", "Heropend";
});

woordenlijst!(Urgentie {
    Normaal => "normaal", "Normaal";
    Hoog => "hoog", "Hoog";
    Acuut => "acuut", "Acuut gevaar";
});

/// The human reference of a melding: `M-<year>-<5 digits>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Referentie(String);

impl Referentie {
    pub fn new(jaar: i32, volgnummer: u32) -> Self {
        Self(format!("M-{jaar}-{volgnummer:05}"))
    }

    pub fn parse(input: &str) -> Option<Self> {
        let s = input.trim().to_ascii_uppercase();
        let mut delen = s.split('-');
        let ok = delen.next() == Some("M")
            && delen.next().is_some_and(|j| j.len() == 4 && j.chars().all(|c| c.is_ascii_digit()))
            && delen.next().is_some_and(|n| n.len() >= 5 && n.len() <= 7 && n.chars().all(|c| c.is_ascii_digit()))
            && delen.next().is_none();
        ok.then_some(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Referentie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// The kind of case; it decides the deadlines.
woordenlijst!(Zaaksoort {
    Melding => "melding", "Melding";
    Vraag => "vraag", "Vraag";
    Klacht => "klacht", "Klacht";
});

// The overall assessment a case (or one point of its analysis) ends with.
woordenlijst!(Beoordeling {
    Gegrond => "gegrond", "Gegrond";
    DeelsGegrond => "deels_gegrond", "Deels gegrond";
    Ongegrond => "ongegrond", "Ongegrond";
    NietTeBeoordelen => "niet_te_beoordelen", "Niet te beoordelen";
});

/// Closed, referred or not admissible: the case's clocks stop.
pub fn is_afgerond(s: Status) -> bool {
    matches!(s, Status::Afgesloten | Status::Doorverwezen | Status::Onontvankelijk)
}

/// The reporter of a case, as the case page and (when shared) an expert see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MelderGegevens {
    pub relatie: Relatie,
    pub anoniem: bool,
    pub naam: Option<String>,
    pub email: Option<String>,
    pub telefoon: Option<String>,
    /// When retention removed the reporter's personal data (`None`: not yet).
    pub geanonimiseerd: Option<chrono::DateTime<chrono::Utc>>,
}
