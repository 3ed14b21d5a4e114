//! When a public step may appear on the public register. The organiser is told first and gets
//! `embargo` full working days (Belgian holidays and weekends do not count) to inform parents;
//! the step appears at midnight (Brussels) after the last of those days. The clock is a
//! parameter, so tests check the exact second.

use crate::termijnen::kalender::plus_werkdagen;
use chrono::{DateTime, NaiveDate, Utc};

/// Working days between notifying the organiser and publishing, unless configured otherwise.
pub const STANDAARD_EMBARGO_WERKDAGEN: u32 = 3;

/// The moment a step notified on `betekend` may be shown.
pub fn zichtbaar_vanaf(betekend: NaiveDate, embargo: u32) -> DateTime<Utc> {
    let laatste = plus_werkdagen(betekend, embargo);
    crate::tijd::middernacht(laatste.succ_opt().unwrap_or(laatste))
}

/// May this step be on the register at `nu`? Only a step marked public whose organiser was
/// notified, once the embargo is over.
pub fn is_zichtbaar(publiek: bool, betekend: Option<NaiveDate>, embargo: u32, nu: DateTime<Utc>) -> bool {
    publiek && betekend.is_some_and(|b| nu >= zichtbaar_vanaf(b, embargo))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn dag(j: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, d).unwrap_or_default()
    }

    #[test]
    fn three_full_working_days_then_midnight_in_brussels() {
        // Notified on Monday 2 March 2026: Tuesday, Wednesday and Thursday are the organiser's;
        // from Friday 00:00 Brussels (23:00 UTC on Thursday, winter time) the step is public.
        let vanaf = zichtbaar_vanaf(dag(2026, 3, 2), 3);
        assert_eq!(vanaf.to_rfc3339(), "2026-03-05T23:00:00+00:00");
        assert!(!is_zichtbaar(true, Some(dag(2026, 3, 2)), 3, vanaf - TimeDelta::seconds(1)));
        assert!(is_zichtbaar(true, Some(dag(2026, 3, 2)), 3, vanaf));
    }

    #[test]
    fn weekends_and_holidays_do_not_count() {
        // Notified Thursday 24 December 2026: Christmas (Friday) and the weekend do not count;
        // Monday 28, Tuesday 29 and Wednesday 30 are the three days: public from the 31st.
        assert_eq!(zichtbaar_vanaf(dag(2026, 12, 24), 3).to_rfc3339(), "2026-12-30T23:00:00+00:00");
        // Summer time: Friday 3 July 2026 → Monday 6, Tuesday 7, Wednesday 8 → from the 9th, 22:00 UTC before.
        assert_eq!(zichtbaar_vanaf(dag(2026, 7, 3), 3).to_rfc3339(), "2026-07-08T22:00:00+00:00");
    }

    #[test]
    fn not_public_or_not_notified_is_never_shown() {
        let later = zichtbaar_vanaf(dag(2026, 3, 2), 3) + TimeDelta::days(400);
        assert!(!is_zichtbaar(false, Some(dag(2026, 3, 2)), 3, later));
        assert!(!is_zichtbaar(true, None, 3, later));
        // No embargo configured: from midnight after the day of notification.
        assert_eq!(zichtbaar_vanaf(dag(2026, 3, 2), 0).to_rfc3339(), "2026-03-02T23:00:00+00:00");
    }
}
