//! Intake by staff: a melding that arrived by phone, e-mail, letter or at the desk is registered
//! with the public form plus these fields (channel, when it arrived, urgency, case type).

use super::formulier::MeldFormulier;
use crate::gemeen::Veldfouten;
use crate::zaak::model::{Kanaal, Urgentie, Zaaksoort};
use chrono::{DateTime, NaiveDateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registratie {
    pub kanaal: Kanaal,
    pub ontvangen: DateTime<Utc>,
    pub urgentie: Urgentie,
    pub soort: Zaaksoort,
}

impl Registratie {
    /// The staff fields of the form, checked against `nu`.
    pub fn parse(f: &MeldFormulier, nu: DateTime<Utc>) -> Result<Self, Veldfouten> {
        let mut fouten = Veldfouten::default();
        let kanaal = Kanaal::from_code(&f.kanaal).filter(|k| *k != Kanaal::Webformulier);
        if kanaal.is_none() {
            fouten.zet("kanaal", "Kies hoe de melding binnenkwam.");
        }
        let ontvangen = match NaiveDateTime::parse_from_str(f.ontvangen.trim(), "%Y-%m-%dT%H:%M") {
            Ok(lokaal) => {
                let begin = crate::tijd::middernacht(lokaal.date());
                let t = begin + (lokaal.time() - chrono::NaiveTime::MIN);
                if t > nu + chrono::TimeDelta::minutes(5) {
                    fouten.zet("ontvangen", "Dit tijdstip ligt in de toekomst.");
                    None
                } else if t < nu - chrono::TimeDelta::days(366) {
                    fouten.zet("ontvangen", "Dit tijdstip ligt meer dan een jaar terug.");
                    None
                } else {
                    Some(t)
                }
            }
            Err(_) if f.ontvangen.trim().is_empty() => Some(nu),
            Err(_) => {
                fouten.zet("ontvangen", "Geef datum en uur, bijvoorbeeld 14/03/2026 09:30.");
                None
            }
        };
        let urgentie = if f.acuut { Some(Urgentie::Acuut) } else { Urgentie::from_code(&f.urgentie) };
        if urgentie.is_none() {
            fouten.zet("urgentie", "Kies de urgentie.");
        }
        let soort = Zaaksoort::from_code(&f.soort);
        if soort.is_none() {
            fouten.zet("soort", "Kies of het een melding, een vraag of een klacht is.");
        }
        match (kanaal, ontvangen, urgentie, soort) {
            (Some(kanaal), Some(ontvangen), Some(urgentie), Some(soort)) if fouten.is_empty() => {
                Ok(Self { kanaal, ontvangen, urgentie, soort })
            }
            _ => Err(fouten),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nu() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-10T12:00:00Z").unwrap().with_timezone(&Utc)
    }

    fn f(kanaal: &str, ontvangen: &str) -> MeldFormulier {
        MeldFormulier {
            kanaal: kanaal.into(),
            ontvangen: ontvangen.into(),
            urgentie: "hoog".into(),
            soort: "melding".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_phone_call_registered_with_its_belgian_time() {
        let r = Registratie::parse(&f("telefoon", "2026-03-10T09:30"), nu()).unwrap();
        assert_eq!(r.kanaal, Kanaal::Telefoon);
        assert_eq!(r.ontvangen.to_rfc3339(), "2026-03-10T08:30:00+00:00");
        assert_eq!(r.urgentie, Urgentie::Hoog);
    }

    #[test]
    fn the_web_form_is_not_a_staff_channel_and_the_future_is_refused() {
        let e = Registratie::parse(&f("webformulier", "2026-03-11T09:30"), nu()).unwrap_err();
        assert!(e.get("kanaal").is_some());
        assert_eq!(e.get("ontvangen"), Some("Dit tijdstip ligt in de toekomst."));
        let acuut = MeldFormulier { acuut: true, ..f("balie", "") };
        let r = Registratie::parse(&acuut, nu()).unwrap();
        assert_eq!((r.urgentie, r.ontvangen), (Urgentie::Acuut, nu()));
    }
}
