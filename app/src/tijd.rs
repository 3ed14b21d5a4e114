//! Belgian local time (CET/CEST) without a time-zone database: the EU rule is fixed in law
//! (summer time from the last Sunday of March to the last Sunday of October, at 01:00 UTC).

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Offset, TimeZone, Utc};

fn laatste_zondag(jaar: i32, maand: u32) -> Option<NaiveDate> {
    let eerste_volgende = if maand == 12 {
        NaiveDate::from_ymd_opt(jaar + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(jaar, maand + 1, 1)?
    };
    let laatste = eerste_volgende.pred_opt()?;
    let terug = laatste.weekday().num_days_from_sunday();
    Some(laatste - Duration::days(i64::from(terug)))
}

/// The offset from UTC in Belgium at this instant.
pub fn belgische_offset(t: DateTime<Utc>) -> FixedOffset {
    let jaar = t.year();
    let zomer =
        |maand| laatste_zondag(jaar, maand).and_then(|d| d.and_hms_opt(1, 0, 0)).map(|n| Utc.from_utc_datetime(&n));
    let uren = match (zomer(3), zomer(10)) {
        (Some(begin), Some(einde)) if t >= begin && t < einde => 2,
        _ => 1,
    };
    FixedOffset::east_opt(uren * 3600).unwrap_or_else(|| Utc.fix())
}

pub fn in_belgie(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&belgische_offset(t))
}

/// Today's date in Belgium.
pub fn vandaag(nu: DateTime<Utc>) -> NaiveDate {
    in_belgie(nu).date_naive()
}

/// The instant a Belgian date begins.
pub fn middernacht(d: NaiveDate) -> DateTime<Utc> {
    let naief = d.and_time(chrono::NaiveTime::MIN);
    // Clocks change at 01:00 UTC, so the offset at 00:00 UTC of that date is the one at local midnight.
    let offset = belgische_offset(naief.and_utc()).local_minus_utc();
    (naief - chrono::TimeDelta::seconds(i64::from(offset))).and_utc()
}

/// `14/03/2026 09:05`, as Flemish readers expect.
pub fn toon(t: DateTime<Utc>) -> String {
    in_belgie(t).format("%d/%m/%Y %H:%M").to_string()
}

pub fn toon_datum(d: &str) -> String {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_else(|_| d.to_string())
}

/// `3 maart 2027`, as a letter writes a date.
pub fn voluit(d: NaiveDate) -> String {
    use chrono::Datelike;
    const MAANDEN: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    format!("{} {} {}", d.day(), MAANDEN[d.month0() as usize], d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_belgian_day_starts_at_local_midnight() {
        let d = |j, m, dag| NaiveDate::from_ymd_opt(j, m, dag).unwrap();
        assert_eq!(middernacht(d(2026, 1, 15)).to_rfc3339(), "2026-01-14T23:00:00+00:00");
        assert_eq!(middernacht(d(2026, 7, 15)).to_rfc3339(), "2026-07-14T22:00:00+00:00");
        // The day summer time begins (29 March 2026) still starts in winter time.
        assert_eq!(middernacht(d(2026, 3, 29)).to_rfc3339(), "2026-03-28T23:00:00+00:00");
        assert_eq!(vandaag(middernacht(d(2026, 10, 25))), d(2026, 10, 25));
    }

    #[test]
    fn a_letter_writes_the_month_in_full() {
        let d = |j, m, dag| NaiveDate::from_ymd_opt(j, m, dag).unwrap();
        assert_eq!(voluit(d(2027, 3, 3)), "3 maart 2027");
        assert_eq!(voluit(d(2026, 12, 31)), "31 december 2026");
        assert_eq!(voluit(d(2026, 1, 1)), "1 januari 2026");
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn summer_and_winter_time_switch_on_the_right_instants() {
        // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
        assert_eq!(belgische_offset(utc("2026-03-29T00:59:00Z")).local_minus_utc(), 3600);
        assert_eq!(belgische_offset(utc("2026-03-29T01:00:00Z")).local_minus_utc(), 7200);
        assert_eq!(belgische_offset(utc("2026-10-25T00:59:00Z")).local_minus_utc(), 7200);
        assert_eq!(belgische_offset(utc("2026-10-25T01:00:00Z")).local_minus_utc(), 3600);
    }

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_belgium() {
        assert_eq!(vandaag(utc("2026-07-01T22:30:00Z")), NaiveDate::from_ymd_opt(2026, 7, 2).unwrap());
        assert_eq!(toon(utc("2026-01-05T08:05:00Z")), "05/01/2026 09:05");
    }
}
