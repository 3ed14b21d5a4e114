//! Working days for the Flemish administration: weekends, the ten Belgian public holidays
//! (three of them moving with Easter) and 11 July, the day of the Flemish Community.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
pub fn pasen(jaar: i32) -> Option<NaiveDate> {
    let a = jaar % 19;
    let b = jaar / 100;
    let c = jaar % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let maand = (h + l - 7 * m + 114) / 31;
    let dag = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(jaar, u32::try_from(maand).ok()?, u32::try_from(dag).ok()?)
}

/// The days off of a year, with their Dutch names, in date order.
pub fn feestdagen(jaar: i32) -> Vec<(NaiveDate, &'static str)> {
    let vast = |m, d| NaiveDate::from_ymd_opt(jaar, m, d);
    let na_pasen = |n| pasen(jaar).and_then(|p| p.checked_add_days(Days::new(n)));
    let mut dagen: Vec<(NaiveDate, &'static str)> = [
        (vast(1, 1), "Nieuwjaar"),
        (na_pasen(1), "Paasmaandag"),
        (vast(5, 1), "Dag van de Arbeid"),
        (na_pasen(39), "Onze-Lieve-Heer-Hemelvaart"),
        (na_pasen(50), "Pinkstermaandag"),
        (vast(7, 11), "Feest van de Vlaamse Gemeenschap"),
        (vast(7, 21), "Nationale feestdag"),
        (vast(8, 15), "Onze-Lieve-Vrouw-Hemelvaart"),
        (vast(11, 1), "Allerheiligen"),
        (vast(11, 11), "Wapenstilstand"),
        (vast(12, 25), "Kerstmis"),
    ]
    .into_iter()
    .filter_map(|(d, naam)| d.map(|d| (d, naam)))
    .collect();
    dagen.sort();
    dagen
}

pub fn is_feestdag(d: NaiveDate) -> bool {
    feestdagen(d.year()).iter().any(|(f, _)| *f == d)
}

pub fn is_werkdag(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !is_feestdag(d)
}

/// The date `n` working days after `d` (the day of receipt itself does not count).
pub fn plus_werkdagen(d: NaiveDate, n: u32) -> NaiveDate {
    let mut dag = d;
    let mut over = n;
    while over > 0 {
        match dag.succ_opt() {
            Some(volgende) => dag = volgende,
            None => return dag,
        }
        if is_werkdag(dag) {
            over -= 1;
        }
    }
    dag
}

/// Working days from `van` (exclusive) up to `tot` (inclusive); negative when `tot` lies before.
pub fn werkdagen_tussen(van: NaiveDate, tot: NaiveDate) -> i64 {
    let (a, b, teken) = if tot >= van { (van, tot, 1) } else { (tot, van, -1) };
    let mut n = 0;
    let mut dag = a;
    while dag < b {
        match dag.succ_opt() {
            Some(v) => dag = v,
            None => break,
        }
        if is_werkdag(dag) {
            n += 1;
        }
    }
    n * teken
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(j: i32, m: u32, dag: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(j, m, dag).unwrap()
    }

    #[test]
    fn easter_matches_published_dates() {
        let bekend = [
            (2019, d(2019, 4, 21)),
            (2024, d(2024, 3, 31)),
            (2025, d(2025, 4, 20)),
            (2026, d(2026, 4, 5)),
            (2027, d(2027, 3, 28)),
            (2028, d(2028, 4, 16)),
            (2038, d(2038, 4, 25)),
        ];
        for (jaar, datum) in bekend {
            assert_eq!(pasen(jaar), Some(datum), "{jaar}");
        }
    }

    #[test]
    fn moving_holidays_follow_easter() {
        let f2026: Vec<NaiveDate> = feestdagen(2026).into_iter().map(|(d, _)| d).collect();
        assert!(f2026.contains(&d(2026, 4, 6)), "Paasmaandag");
        assert!(f2026.contains(&d(2026, 5, 14)), "Hemelvaart");
        assert!(f2026.contains(&d(2026, 5, 25)), "Pinkstermaandag");
        assert!(f2026.contains(&d(2026, 7, 11)), "11 juli");
        assert_eq!(feestdagen(2026).len(), 11);
        assert!(is_feestdag(d(2025, 6, 9)), "Pinkstermaandag 2025");
        assert!(is_feestdag(d(2024, 5, 9)), "Hemelvaart 2024");
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Thursday 24 Dec 2026 + 1 working day: Mon 28 Dec (25 Dec is Christmas, then a weekend).
        assert_eq!(plus_werkdagen(d(2026, 12, 24), 1), d(2026, 12, 28));
        // Thursday 2 April 2026 + 5: Fri 3, (Easter Monday 6 skipped) 7, 8, 9, 10.
        assert_eq!(plus_werkdagen(d(2026, 4, 2), 5), d(2026, 4, 10));
        // Friday 10 July 2026 + 2: (11 July is a Saturday anyway) Mon 13, Tue 14.
        assert_eq!(plus_werkdagen(d(2026, 7, 10), 2), d(2026, 7, 14));
        // Across New Year: Wed 30 Dec 2026 + 3: Thu 31, (1 Jan) Mon 4, Tue 5 Jan 2027.
        assert_eq!(plus_werkdagen(d(2026, 12, 30), 3), d(2027, 1, 5));
        assert_eq!(plus_werkdagen(d(2026, 3, 2), 0), d(2026, 3, 2));
    }

    #[test]
    fn counting_between_dates_is_the_inverse_of_adding() {
        for start in [d(2025, 12, 19), d(2026, 4, 2), d(2026, 7, 9), d(2027, 5, 5)] {
            for n in 0..30 {
                let eind = plus_werkdagen(start, n);
                assert_eq!(werkdagen_tussen(start, eind), i64::from(n), "{start} + {n}");
                assert_eq!(werkdagen_tussen(eind, start), -i64::from(n));
            }
        }
    }
}
