//! The clocks of a case: acknowledgement and outcome deadlines per case type (domain.md), with
//! pauses while waiting for information and extensions with a reason.

use super::kalender::{is_werkdag, plus_werkdagen, werkdagen_tussen};
use crate::gemeen::woordenlijst::woordenlijst;
use crate::zaak::model::Zaaksoort;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub const ONTVANGSTBEVESTIGING_WERKDAGEN: u32 = 5;
pub const UITKOMST_DAGEN: u64 = 45;
pub const KLACHT_BEVESTIGING_DAGEN: u64 = 10;

// The unit of the acknowledgement period.
woordenlijst!(Eenheid {
    Werkdagen => "werkdagen", "werkdagen";
    Dagen => "dagen", "dagen";
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Termijn {
    pub naam: String,
    pub vervalt: NaiveDate,
    /// Days (of `eenheid`) left until `vervalt`; negative when overdue.
    pub resterend: i64,
    pub eenheid: Eenheid,
    /// The step the clock waits for has been taken.
    pub voldaan: bool,
    /// The clock stands still (waiting for information); the deadline moves with each day.
    pub gepauzeerd: bool,
    /// Today is after `vervalt` (also on a weekend after a working-day deadline, when no
    /// working day has passed since: `resterend` is then 0).
    pub verlopen: bool,
}

impl Termijn {
    pub fn te_laat(&self) -> bool {
        !self.voldaan && !self.gepauzeerd && self.verlopen
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
            n if self.gepauzeerd => format!("gepauzeerd (nog {n} {} na hervatting)", eenheid(n)),
            0 if self.verlopen => format!("te laat (verviel op {})", self.vervalt.format("%d/%m/%Y")),
            0 => "vervalt vandaag".to_string(),
            n if n > 0 => format!("nog {n} {}", eenheid(n)),
            n => format!("{} {} te laat", -n, eenheid(-n)),
        }
    }
}

/// Everything the clocks of one case depend on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Klok {
    pub ontvangen: DateTime<Utc>,
    pub soort: Zaaksoort,
    /// The acknowledgement was sent (or could not be).
    pub bevestigd: bool,
    /// Closed, referred or not admissible.
    pub afgerond: bool,
    /// Whole days the outcome clock was paused (closed pauses).
    pub pauze_dagen: i64,
    /// A pause that is still running.
    pub pauze_sinds: Option<DateTime<Utc>>,
    pub verlenging_dagen: i64,
    /// Acute danger to a child: to be taken up the same working day.
    pub acuut: bool,
    /// The periods that apply to this case (chosen at intake from the deadline rules).
    pub waarden: super::regels::Termijnwaarden,
}

impl Klok {
    /// A new case of this kind, received at `ontvangen`.
    pub fn nieuw(ontvangen: DateTime<Utc>, soort: Zaaksoort) -> Self {
        Self {
            ontvangen,
            soort,
            bevestigd: false,
            afgerond: false,
            pauze_dagen: 0,
            pauze_sinds: None,
            verlenging_dagen: 0,
            acuut: false,
            waarden: super::regels::Termijnwaarden::standaard(soort),
        }
    }
}

/// Days between two instants as Belgian calendar dates (a pause from Monday to Wednesday is 2).
pub fn kalenderdagen(van: DateTime<Utc>, tot: DateTime<Utc>) -> i64 {
    (crate::tijd::vandaag(tot) - crate::tijd::vandaag(van)).num_days().max(0)
}

/// Every clock of a case, as seen at `nu` (dates in Belgium), with the periods of `k.waarden`
/// (by default: meldingen and vragen 5 working days for the acknowledgement and 45 days for the
/// outcome; klachten, Bestuursdecreet, 10 days and 45 days). The outcome clock stops while paused
/// and moves with extensions.
pub fn termijnen(k: &Klok, nu: DateTime<Utc>) -> Vec<Termijn> {
    let start = crate::tijd::vandaag(k.ontvangen);
    let vandaag = crate::tijd::vandaag(nu);
    let w = k.waarden;
    let bevestiging = match w.ontvangst_eenheid {
        Eenheid::Dagen => {
            let vervalt = start.checked_add_days(Days::new(u64::from(w.ontvangst))).unwrap_or(start);
            (vervalt, (vervalt - vandaag).num_days(), Eenheid::Dagen)
        }
        Eenheid::Werkdagen => {
            let vervalt = plus_werkdagen(start, w.ontvangst);
            (vervalt, werkdagen_tussen(vandaag, vervalt), Eenheid::Werkdagen)
        }
    };
    let lopend = k.pauze_sinds.filter(|_| !k.afgerond).map(|s| kalenderdagen(s, nu)).unwrap_or(0);
    let extra = k.pauze_dagen.max(0) + lopend + k.verlenging_dagen.max(0);
    let dagen = u64::try_from(i64::from(w.uitkomst_dagen) + extra).unwrap_or(u64::from(w.uitkomst_dagen));
    let uitkomst = start.checked_add_days(Days::new(dagen)).unwrap_or(start);
    let mut alle = Vec::with_capacity(3);
    if k.acuut {
        // The same working day; a report on a weekend or holiday counts from the next working day.
        let dag = if is_werkdag(start) { start } else { plus_werkdagen(start, 1) };
        alle.push(Termijn {
            naam: "Oppakken (acuut gevaar)".into(),
            vervalt: dag,
            resterend: werkdagen_tussen(vandaag, dag),
            eenheid: Eenheid::Werkdagen,
            voldaan: k.bevestigd || k.afgerond,
            gepauzeerd: false,
            verlopen: vandaag > dag,
        });
    }
    alle.extend([
        Termijn {
            naam: if k.soort == Zaaksoort::Klacht { "Ontvangstmelding klacht" } else { "Ontvangstbevestiging" }.into(),
            vervalt: bevestiging.0,
            resterend: bevestiging.1,
            eenheid: bevestiging.2,
            voldaan: k.bevestigd || k.afgerond,
            gepauzeerd: false,
            verlopen: vandaag > bevestiging.0,
        },
        Termijn {
            naam: match k.soort {
                Zaaksoort::Klacht => "Antwoord op de klacht",
                Zaaksoort::Vraag => "Antwoord op de vraag",
                Zaaksoort::Melding => "Uitkomst aan de melder",
            }
            .into(),
            vervalt: uitkomst,
            resterend: (uitkomst - vandaag).num_days(),
            eenheid: Eenheid::Dagen,
            voldaan: k.afgerond,
            gepauzeerd: k.pauze_sinds.is_some() && !k.afgerond,
            verlopen: vandaag > uitkomst,
        },
    ]);
    alle
}

/// The deadlines as `YYYY-MM-DD`, as stored for the werkbak (`vervalt_bevestiging`,
/// `vervalt_uitkomst`): the first response's (taking up an acute case the same working day, else
/// the acknowledgement; both are met by the same step) and the outcome's.
pub fn vervaldata(k: &Klok) -> (String, String) {
    let t = termijnen(k, k.pauze_sinds.unwrap_or(k.ontvangen));
    let datum = |t: Option<&Termijn>| t.map(|t| t.vervalt.format("%Y-%m-%d").to_string()).unwrap_or_default();
    (datum(t.first()), datum(t.last()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn klok(ontvangen: &str, bevestigd: bool, afgerond: bool) -> Klok {
        Klok { bevestigd, afgerond, ..Klok::nieuw(utc(ontvangen), Zaaksoort::Melding) }
    }

    #[test]
    fn a_pause_moves_the_outcome_deadline_and_is_never_late() {
        // Received Monday 5 January 2026: outcome due 19 February.
        let mut k = klok("2026-01-05T09:00:00Z", true, false);
        k.pauze_dagen = 3;
        k.verlenging_dagen = 10;
        let t = termijnen(&k, utc("2026-01-06T09:00:00Z"));
        assert_eq!(t[1].vervalt, NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
        // A pause running since 1 February: on 1 March the clock still shows the days left at 1 February.
        let mut k = klok("2026-01-05T09:00:00Z", true, false);
        k.pauze_sinds = Some(utc("2026-02-01T10:00:00Z"));
        let t = termijnen(&k, utc("2026-03-01T10:00:00Z"));
        assert_eq!(t[1].resterend, 18);
        assert!(t[1].gepauzeerd && !t[1].te_laat());
        assert_eq!(t[1].aftelling(), "gepauzeerd (nog 18 dagen na hervatting)");
    }

    #[test]
    fn an_acute_report_is_due_the_same_working_day() {
        // Saturday 4 April 2026, Easter Monday on the 6th: due Tuesday 7 April.
        let k = Klok { acuut: true, ..Klok::nieuw(utc("2026-04-04T10:00:00Z"), Zaaksoort::Melding) };
        let t = termijnen(&k, utc("2026-04-04T11:00:00Z"));
        assert_eq!(t[0].naam, "Oppakken (acuut gevaar)");
        assert_eq!(t[0].vervalt, NaiveDate::from_ymd_opt(2026, 4, 7).unwrap());
        let k = Klok { acuut: true, ..Klok::nieuw(utc("2026-04-08T10:00:00Z"), Zaaksoort::Melding) };
        let t = termijnen(&k, utc("2026-04-09T08:00:00Z"));
        assert!(t[0].te_laat(), "not taken up on the day itself");
        // Stored for the werkbak: the same day for taking it up, and the outcome.
        assert_eq!(vervaldata(&k), ("2026-04-08".to_string(), "2026-05-23".to_string()));
    }

    #[test]
    fn a_complaint_has_ten_days_for_the_acknowledgement() {
        let k = Klok::nieuw(utc("2026-07-06T09:00:00Z"), Zaaksoort::Klacht);
        let t = termijnen(&k, utc("2026-07-07T09:00:00Z"));
        assert_eq!(t[0].vervalt, NaiveDate::from_ymd_opt(2026, 7, 16).unwrap());
        assert_eq!(t[0].eenheid, Eenheid::Dagen);
        assert_eq!(t[1].naam, "Antwoord op de klacht");
        assert_eq!(t[1].vervalt, NaiveDate::from_ymd_opt(2026, 8, 20).unwrap());
    }

    #[test]
    fn clocks_count_working_days_and_calendar_days() {
        // Received Thursday 2 April 2026; Easter Monday falls inside the five working days.
        let t = termijnen(&klok("2026-04-02T09:00:00Z", false, false), utc("2026-04-03T09:00:00Z"));
        assert_eq!(t[0].vervalt, NaiveDate::from_ymd_opt(2026, 4, 10).unwrap());
        assert_eq!(t[0].resterend, 4);
        assert_eq!(t[0].aftelling(), "nog 4 werkdagen");
        assert_eq!(t[1].vervalt, NaiveDate::from_ymd_opt(2026, 5, 17).unwrap());
        assert!(!t[0].te_laat() && !t[1].te_laat());
    }

    #[test]
    fn a_working_day_deadline_that_passed_on_friday_is_late_over_the_weekend() {
        // Received Friday 20 November 2026: acknowledgement due Friday 27 November.
        let k = klok("2026-11-20T09:00:00Z", false, false);
        let vrijdag = termijnen(&k, utc("2026-11-27T15:00:00Z"));
        assert!(!vrijdag[0].te_laat());
        assert_eq!(vrijdag[0].aftelling(), "vervalt vandaag");
        let zondag = termijnen(&k, utc("2026-11-29T10:00:00Z"));
        assert_eq!(zondag[0].resterend, 0, "no working day passed since");
        assert!(zondag[0].te_laat());
        assert_eq!(zondag[0].aftelling(), "te laat (verviel op 27/11/2026)");
        let maandag = termijnen(&k, utc("2026-11-30T10:00:00Z"));
        assert_eq!(maandag[0].aftelling(), "1 werkdag te laat");
    }

    #[test]
    fn overdue_until_the_step_is_taken() {
        let t = termijnen(&klok("2026-01-05T09:00:00Z", false, false), utc("2026-03-02T09:00:00Z"));
        assert!(t[0].te_laat() && t[1].te_laat());
        assert!(t[1].aftelling().ends_with("dagen te laat"));
        let t = termijnen(&klok("2026-01-05T09:00:00Z", true, false), utc("2026-03-02T09:00:00Z"));
        assert!(!t[0].te_laat() && t[1].te_laat());
        let t = termijnen(&klok("2026-01-05T09:00:00Z", true, true), utc("2026-03-02T09:00:00Z"));
        assert!(t.iter().all(|t| !t.te_laat()));
        assert_eq!(t[1].aftelling(), "voldaan");
    }

    #[test]
    fn the_periods_of_the_case_are_used() {
        use crate::termijnen::regels::Termijnwaarden;
        // Received Thursday 2 April 2026; 3 working days skip Easter Monday: due Wednesday 8 April.
        let k = Klok {
            waarden: Termijnwaarden { ontvangst: 3, ontvangst_eenheid: Eenheid::Werkdagen, uitkomst_dagen: 20 },
            ..klok("2026-04-02T09:00:00Z", false, false)
        };
        let t = termijnen(&k, utc("2026-04-03T09:00:00Z"));
        assert_eq!(t[0].vervalt, NaiveDate::from_ymd_opt(2026, 4, 8).unwrap());
        assert_eq!(t[1].vervalt, NaiveDate::from_ymd_opt(2026, 4, 22).unwrap());
        // A melding with calendar days for the acknowledgement.
        let k = Klok {
            waarden: Termijnwaarden { ontvangst: 7, ontvangst_eenheid: Eenheid::Dagen, uitkomst_dagen: 45 },
            ..klok("2026-04-02T09:00:00Z", false, false)
        };
        assert_eq!(vervaldata(&k), ("2026-04-09".to_string(), "2026-05-17".to_string()));
    }

    #[test]
    fn a_late_evening_report_counts_from_the_belgian_date() {
        // 23:30 Belgian time on Friday 6 March 2026 is still Friday: deadline Friday 13 March.
        let t = termijnen(&klok("2026-03-06T22:30:00Z", false, false), utc("2026-03-06T22:31:00Z"));
        assert_eq!(t[0].vervalt, NaiveDate::from_ymd_opt(2026, 3, 13).unwrap());
    }
}
