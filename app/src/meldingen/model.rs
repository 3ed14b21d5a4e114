//! Melding domain types, shared by server and browser.

use crate::gemeen::woordenlijst::woordenlijst;
use crate::locaties::model::LocatieDetail;
use chrono::{DateTime, Utc};
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

/// One row of the werkbak (inbox).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WerkbakRij {
    pub referentie: Referentie,
    pub ontvangen: DateTime<Utc>,
    pub locatie: String,
    pub gemeente: String,
    pub categorieen: Vec<Categorie>,
    pub urgentie: Urgentie,
    pub status: Status,
    /// A clock of this melding has run out.
    pub te_laat: bool,
    pub behandelaar: Option<String>,
    /// The klantenbeheerder kinderopvang who co-handles it.
    pub medebehandelaar: Option<String>,
}

pub use super::werkbak_filter::{Weergave, WerkbakFilter};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WerkbakCursor {
    pub ontvangen: DateTime<Utc>,
    pub referentie: String,
}

impl WerkbakCursor {
    /// `<rfc3339>~<referentie>` in the URL.
    pub fn encode(&self) -> String {
        format!("{}~{}", self.ontvangen.to_rfc3339(), self.referentie)
    }

    pub fn decode(s: &str) -> Option<Self> {
        let (ts, referentie) = s.split_once('~')?;
        let ontvangen = DateTime::parse_from_rfc3339(ts).ok()?.with_timezone(&Utc);
        let referentie = Referentie::parse(referentie)?.as_str().to_string();
        Some(Self { ontvangen, referentie })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WerkbakPagina {
    /// Open meldingen with acute danger, oldest first: shown at the top of every view.
    pub acuut: Vec<WerkbakRij>,
    pub rijen: Vec<WerkbakRij>,
    pub volgende: Option<WerkbakCursor>,
}

pub const WERKBAK_PAGINA: usize = 25;

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TijdlijnItem {
    /// The entry's key, for corrections that point back to it.
    pub id: String,
    pub tijdstip: DateTime<Utc>,
    pub soort: crate::gemeen::tijdlijn::Tijdlijnsoort,
    pub tekst: String,
    pub door: String,
    /// "telefoon, uitgaand, met de organisator" for a contactmoment.
    pub contact: Option<String>,
    /// The entry this one corrects.
    pub corrigeert: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeldingDetail {
    pub referentie: Referentie,
    pub kanaal: Kanaal,
    pub ontvangen: DateTime<Utc>,
    pub feit_datum: String,
    pub categorieen: Vec<Categorie>,
    pub urgentie: Urgentie,
    pub status: Status,
    pub omschrijving: String,
    pub locatie: Option<LocatieDetail>,
    pub locatie_omschrijving: Option<String>,
    pub melder: MelderGegevens,
    pub tijdlijn: Vec<TijdlijnItem>,
    pub termijnen: Vec<crate::termijnen::model::Termijn>,
    pub soort: crate::termijnen::model::Zaaksoort,
    /// The version read: a step sent with an older version is refused.
    pub versie: i64,
    pub zaak: crate::behandeling::model::Zaak,
    /// (id, name) of the case worker handling it.
    pub behandelaar: Option<(String, String)>,
    pub conclusie_tekst: Option<String>,
    /// (id, name) of the staff a coordinator may assign this case to; empty for others.
    pub medewerkers: Vec<(String, String)>,
    pub adviesvragen: Vec<crate::advies::model::Adviesvraag>,
    /// (form value, label) of the disciplines and experts an advice request can go to.
    pub geadresseerden: Vec<(String, String)>,
}

/// What a reporter gets back after a successful submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ontvangstbewijs {
    pub referentie: Referentie,
    pub opvolgcode: String,
}

/// What changed on a case since the version a refused form was based on, shown with its echo.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Wijzigingen(pub Vec<TijdlijnItem>);
