//! The life cycle of a case as an explicit state machine: which step may follow which, and what
//! each step requires. Pure and shared by server and browser; the server applies it inside the
//! transaction that stores the step, the page uses it to offer only the steps that are possible.

use crate::gemeen::woordenlijst::woordenlijst;
use crate::zaak::model::{Beoordeling, Status, is_afgerond};
use serde::{Deserialize, Serialize};

woordenlijst!(Wachtende {
    Melder => "melder", "de melder";
    Organisator => "organisator", "de organisator";
    Expert => "expert", "een expert";
});

// How the reporter got (or could not get) an acknowledgement of receipt.
woordenlijst!(Bevestiging {
    Email => "email", "per e-mail";
    Brief => "brief", "per brief";
    Telefoon => "telefoon", "per telefoon";
    NietMogelijk => "niet_mogelijk", "niet mogelijk: geen contactgegevens";
});

/// A reason or explanation typed by a case worker: trimmed, 3 to 4000 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reden(String);

impl Reden {
    pub fn parse(s: &str) -> Result<Self, &'static str> {
        let t = s.trim();
        match t.chars().count() {
            0 => Err("Vul dit in."),
            1..=2 => Err("Schrijf iets meer: minstens 3 tekens."),
            4001.. => Err("Dit is te lang: hoogstens 4000 tekens."),
            _ => Ok(Self(t.to_string())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The outcome message to the reporter when a case closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Uitkomst {
    /// The outcome was sent (e-mail, letter, phone), as the timeline shows.
    Verstuurd(Bevestiging),
    /// No outcome message, with the reason (e.g. an anonymous melder).
    Geen(Reden),
}

impl Uitkomst {
    /// As the case page shows it: "Verstuurd per e-mail", "Geen bericht: <reden>".
    pub fn tekst(&self) -> String {
        match self {
            Self::Verstuurd(b) => format!("Verstuurd {}", b.label()),
            Self::Geen(r) => format!("Geen bericht: {}", r.as_str()),
        }
    }
}

/// What a case worker does to a case. Every variant is one timeline entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Handeling {
    /// Assign the case (to oneself or, by a coordinator, to someone else).
    Toewijzen { aan: String, reden: Option<Reden> },
    /// Take up the case: someone is assigned and the reporter got an acknowledgement.
    InBehandeling { bevestiging: Bevestiging },
    /// Wait for information; the outcome clock pauses.
    WachtOpInfo { van: Wachtende, reden: Reden },
    /// The awaited information arrived; the clock runs again.
    Hervat { toelichting: Reden },
    /// The analysis is done: an overall assessment and its explanation.
    Concludeer { beoordeling: Beoordeling, tekst: Reden },
    /// Back from conclusion to investigation.
    TerugNaarBehandeling { reden: Reden },
    /// Close the case: requires a conclusion and an outcome (sent, or why not).
    Sluit { uitkomst: Uitkomst },
    /// Not ours: referred to another service, with why.
    Verwijs { dienst: String, reden: Reden },
    /// Cannot be handled, with why.
    Onontvankelijk { reden: Reden },
    /// Reopen a finished case, with why.
    Heropen { reden: Reden },
    /// Extend the outcome deadline by a number of days, with why.
    Verleng { dagen: u32, reden: Reden },
}

woordenlijst!(HandelingSoort {
    Toewijzen => "toewijzen", "Toewijzen";
    InBehandeling => "in_behandeling", "In behandeling nemen";
    WachtOpInfo => "wacht_op_info", "Wachten op informatie";
    Hervat => "hervat", "Informatie ontvangen, verder behandelen";
    Concludeer => "concludeer", "Conclusie vastleggen";
    TerugNaarBehandeling => "terug", "Terug naar behandeling";
    Sluit => "sluit", "Afsluiten";
    Verwijs => "verwijs", "Doorverwijzen";
    Onontvankelijk => "onontvankelijk", "Onontvankelijk verklaren";
    Heropen => "heropen", "Heropenen";
    Verleng => "verleng", "Termijn verlengen";
});

impl Handeling {
    pub fn soort(&self) -> HandelingSoort {
        match self {
            Self::Toewijzen { .. } => HandelingSoort::Toewijzen,
            Self::InBehandeling { .. } => HandelingSoort::InBehandeling,
            Self::WachtOpInfo { .. } => HandelingSoort::WachtOpInfo,
            Self::Hervat { .. } => HandelingSoort::Hervat,
            Self::Concludeer { .. } => HandelingSoort::Concludeer,
            Self::TerugNaarBehandeling { .. } => HandelingSoort::TerugNaarBehandeling,
            Self::Sluit { .. } => HandelingSoort::Sluit,
            Self::Verwijs { .. } => HandelingSoort::Verwijs,
            Self::Onontvankelijk { .. } => HandelingSoort::Onontvankelijk,
            Self::Heropen { .. } => HandelingSoort::Heropen,
            Self::Verleng { .. } => HandelingSoort::Verleng,
        }
    }
}

/// The facts of a case that decide which steps are possible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zaak {
    pub status: Status,
    /// Someone is assigned.
    pub toegewezen: bool,
    /// The reporter left an e-mail address or phone number.
    pub melder_bereikbaar: bool,
    /// The acknowledgement was sent (or could not be sent for want of contact data).
    pub bevestigd: bool,
    pub conclusie: Option<Beoordeling>,
    pub uitkomst: Option<Uitkomst>,
    pub wacht_op: Option<Wachtende>,
    pub verlenging_dagen: u32,
}

impl Zaak {
    pub fn nieuw(melder_bereikbaar: bool) -> Self {
        Self {
            status: Status::Ontvangen,
            toegewezen: false,
            melder_bereikbaar,
            bevestigd: false,
            conclusie: None,
            uitkomst: None,
            wacht_op: None,
            verlenging_dagen: 0,
        }
    }

    pub fn is_afgerond(&self) -> bool {
        is_afgerond(self.status)
    }
}

/// The longest extension of a deadline in one step.
pub const MAX_VERLENGING: u32 = 90;

/// Why a step was refused, in words for the case worker.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum Weigering {
    #[error("‘{0}’ kan niet bij een melding met status ‘{1}’.")]
    NietInDezeStatus(String, String),
    #[error("Wijs de melding eerst toe aan een behandelaar.")]
    NietToegewezen,
    #[error("De melder liet contactgegevens na: stuur eerst een ontvangstbevestiging.")]
    BevestigingMogelijk,
    #[error("Leg eerst een conclusie vast.")]
    GeenConclusie,
    #[error("Geef een reden voor de nieuwe toewijzing: de melding had al een behandelaar.")]
    RedenVoorHertoewijzing,
    #[error("Kies een dienst om naar door te verwijzen.")]
    GeenDienst,
    #[error("Verleng met 1 tot {MAX_VERLENGING} dagen.")]
    Verlenging,
    #[error("De melder heeft geen contactgegevens: een uitkomst versturen kan niet, geef de reden.")]
    UitkomstOnbereikbaar,
}

/// The statuses from which a step may start, and where it leads (`None`: the status stays).
pub fn overgang(h: HandelingSoort) -> (&'static [Status], Option<Status>) {
    use HandelingSoort as H;
    use Status::*;
    const OPEN: &[Status] = &[Ontvangen, InBehandeling, WachtOpInfo, Conclusie, Heropend];
    match h {
        H::Toewijzen => (OPEN, None),
        H::Verleng => (&[InBehandeling, WachtOpInfo, Conclusie, Heropend], None),
        H::InBehandeling => (&[Ontvangen], Some(InBehandeling)),
        H::WachtOpInfo => (&[InBehandeling, Heropend], Some(WachtOpInfo)),
        H::Hervat => (&[WachtOpInfo], Some(InBehandeling)),
        H::Concludeer => (&[InBehandeling, Heropend], Some(Conclusie)),
        H::TerugNaarBehandeling => (&[Conclusie], Some(InBehandeling)),
        H::Sluit => (&[Conclusie], Some(Afgesloten)),
        H::Verwijs => (&[Ontvangen, InBehandeling, WachtOpInfo, Heropend], Some(Doorverwezen)),
        H::Onontvankelijk => (&[Ontvangen, InBehandeling, Heropend], Some(Onontvankelijk)),
        H::Heropen => (&[Afgesloten, Doorverwezen, Onontvankelijk], Some(Heropend)),
    }
}

/// The steps a case worker can start from this status (what the page offers).
pub fn mogelijk(status: Status) -> Vec<HandelingSoort> {
    HandelingSoort::ALLE.iter().copied().filter(|h| overgang(*h).0.contains(&status)).collect()
}

/// Applies a step: the case as it is afterwards, or why the step is refused.
/// A refused step changes nothing.
pub fn pas_toe(zaak: &Zaak, h: &Handeling) -> Result<Zaak, Weigering> {
    let (van, naar) = overgang(h.soort());
    if !van.contains(&zaak.status) {
        return Err(Weigering::NietInDezeStatus(h.soort().label().to_string(), zaak.status.label().to_string()));
    }
    let mut z = zaak.clone();
    match h {
        Handeling::Toewijzen { reden, .. } => {
            if zaak.toegewezen && reden.is_none() {
                return Err(Weigering::RedenVoorHertoewijzing);
            }
            z.toegewezen = true;
        }
        Handeling::InBehandeling { bevestiging } => {
            if !zaak.toegewezen {
                return Err(Weigering::NietToegewezen);
            }
            if *bevestiging == Bevestiging::NietMogelijk && zaak.melder_bereikbaar {
                return Err(Weigering::BevestigingMogelijk);
            }
            z.bevestigd = true;
        }
        Handeling::WachtOpInfo { van, .. } => z.wacht_op = Some(*van),
        Handeling::Hervat { .. } => z.wacht_op = None,
        Handeling::Concludeer { beoordeling, .. } => z.conclusie = Some(*beoordeling),
        Handeling::TerugNaarBehandeling { .. } => z.conclusie = None,
        Handeling::Sluit { uitkomst } => {
            if zaak.conclusie.is_none() {
                return Err(Weigering::GeenConclusie);
            }
            if matches!(uitkomst, Uitkomst::Verstuurd(_)) && !zaak.melder_bereikbaar {
                return Err(Weigering::UitkomstOnbereikbaar);
            }
            z.uitkomst = Some(uitkomst.clone());
        }
        Handeling::Verwijs { dienst, .. } => {
            if dienst.trim().is_empty() {
                return Err(Weigering::GeenDienst);
            }
            z.wacht_op = None;
        }
        Handeling::Onontvankelijk { .. } => {}
        Handeling::Heropen { .. } => {
            if !zaak.toegewezen {
                return Err(Weigering::NietToegewezen);
            }
            z.uitkomst = None;
            z.conclusie = None;
        }
        Handeling::Verleng { dagen, .. } => {
            if *dagen == 0 || *dagen > MAX_VERLENGING {
                return Err(Weigering::Verlenging);
            }
            z.verlenging_dagen = z.verlenging_dagen.saturating_add(*dagen);
        }
    }
    if let Some(s) = naar {
        z.status = s;
    }
    Ok(z)
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
