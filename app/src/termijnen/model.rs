//! The clocks of a melding: acknowledgement within 5 working days, outcome within 45 calendar
//! days of receipt (domain.md). Pausing and extension come with case handling.

use super::kalender::{plus_werkdagen, werkdagen_tussen};
use crate::meldingen::model::Status;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub const ONTVANGSTBEVESTIGING_WERKDAGEN: u32 = 5;
pub const UITKOMST_DAGEN: u64 = 45;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Eenheid {
    Werkdagen,
    Dagen,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Termijn {
    pub naam: String,
    pub vervalt: NaiveDate,
    /// Days (of `eenheid`) left until `vervalt`; negative when overdue.
    pub resterend: i64,
    pub eenheid: Eenheid,
    /// The step the clock waits for has been taken.
    pub voldaan: bool,
}

impl Termijn {
    pub fn te_laat(&self) -> bool {
        !self.voldaan && self.resterend < 0
    }

    /// "nog 3 werkdagen", "vandaag", "2 dagen te laat", "voldaan".
    pub fn aftelling(&self) -> String {
        let eenheid = |n: i64| match (&self.eenheid, n) {
            (Eenheid::Werkdagen, 1) => "werkdag",
            (Eenheid::Werkdagen, _) => "werkdagen",
            (Eenheid::Dagen, 1) => "dag",
            (Eenheid::Dagen, _) => "dagen",
        };
        match self.resterend {
            _ if self.voldaan => "voldaan".to_string(),
            0 => "vervalt vandaag".to_string(),
            n if n > 0 => format!("nog {n} {}", eenheid(n)),
            n => format!("{} {} te laat", -n, eenheid(-n)),
        }
    }
}

fn is_afgerond(s: Status) -> bool {
    matches!(s, Status::Afgesloten | Status::Doorverwezen | Status::Onontvankelijk)
}

/// Every clock of a melding received at `ontvangen`, as seen at `nu` (dates in Belgium).
pub fn termijnen(ontvangen: DateTime<Utc>, status: Status, nu: DateTime<Utc>) -> Vec<Termijn> {
    let start = crate::tijd::vandaag(ontvangen);
    let vandaag = crate::tijd::vandaag(nu);
    let bevestiging = plus_werkdagen(start, ONTVANGSTBEVESTIGING_WERKDAGEN);
    let uitkomst = start.checked_add_days(Days::new(UITKOMST_DAGEN)).unwrap_or(start);
    vec![
        Termijn {
            naam: "Ontvangstbevestiging".into(),
            vervalt: bevestiging,
            resterend: werkdagen_tussen(vandaag, bevestiging),
            eenheid: Eenheid::Werkdagen,
            voldaan: status != Status::Ontvangen,
        },
        Termijn {
            naam: "Uitkomst aan de melder".into(),
            vervalt: uitkomst,
            resterend: (uitkomst - vandaag).num_days(),
            eenheid: Eenheid::Dagen,
            voldaan: is_afgerond(status),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn clocks_count_working_days_and_calendar_days() {
        // Received Thursday 2 April 2026; Easter Monday falls inside the five working days.
        let t = termijnen(utc("2026-04-02T09:00:00Z"), Status::Ontvangen, utc("2026-04-03T09:00:00Z"));
        assert_eq!(t[0].vervalt, NaiveDate::from_ymd_opt(2026, 4, 10).unwrap());
        assert_eq!(t[0].resterend, 4);
        assert_eq!(t[0].aftelling(), "nog 4 werkdagen");
        assert_eq!(t[1].vervalt, NaiveDate::from_ymd_opt(2026, 5, 17).unwrap());
        assert!(!t[0].te_laat() && !t[1].te_laat());
    }

    #[test]
    fn overdue_until_the_step_is_taken() {
        let t = termijnen(utc("2026-01-05T09:00:00Z"), Status::Ontvangen, utc("2026-03-02T09:00:00Z"));
        assert!(t[0].te_laat() && t[1].te_laat());
        assert!(t[1].aftelling().ends_with("dagen te laat"));
        let t = termijnen(utc("2026-01-05T09:00:00Z"), Status::InBehandeling, utc("2026-03-02T09:00:00Z"));
        assert!(!t[0].te_laat() && t[1].te_laat());
        let t = termijnen(utc("2026-01-05T09:00:00Z"), Status::Afgesloten, utc("2026-03-02T09:00:00Z"));
        assert!(t.iter().all(|t| !t.te_laat()));
        assert_eq!(t[1].aftelling(), "voldaan");
    }

    #[test]
    fn a_late_evening_report_counts_from_the_belgian_date() {
        // 23:30 Belgian time on Friday 6 March 2026 is still Friday: deadline Friday 13 March.
        let t = termijnen(utc("2026-03-06T22:30:00Z"), Status::Ontvangen, utc("2026-03-06T22:31:00Z"));
        assert_eq!(t[0].vervalt, NaiveDate::from_ymd_opt(2026, 3, 13).unwrap());
    }
}
